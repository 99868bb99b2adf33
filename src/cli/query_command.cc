// `dragoman query`: questions to an event store, answered as a table (default), JSON or CSV
// (events also as JSON Lines, TSV, GDELT or PLOVER rows, as `export` writes them).
//
//   dragoman query events --db x.db --dyad CHN KAZ --root 05 --from 2022-01
//   dragoman query dyad CHN KAZ --db x.db --by month --format json
//   dragoman query actors --db x.db --country
//   dragoman query mentions 17 --db x.db
//   dragoman query stats --db x.db
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "store/event_store.h"
#include "store/query.h"
#include "output/event_writer.h"
#include "output/row_writer.h"

namespace dragoman::cli {
namespace {

enum class Format { kTable, kJson, kCsv };

// Rows of text cells, printed as an aligned table or as CSV.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  // right-aligned in the table

  void Print(std::ostream& out, Format format) const {
    if (format == Format::kCsv) {
      PrintCsvRow(out, header);
      for (const auto& row : rows) PrintCsvRow(out, row);
      return;
    }
    std::vector<size_t> width(header.size());
    for (size_t i = 0; i < header.size(); ++i) width[i] = header[i].size();
    for (const auto& row : rows)
      for (size_t i = 0; i < row.size() && i < width.size(); ++i)
        width[i] = std::max(width[i], Display(row[i]));
    auto line = [&](const std::vector<std::string>& cells) {
      std::string text;
      for (size_t i = 0; i < cells.size(); ++i) {
        std::string pad(width[i] - std::min(width[i], Display(cells[i])), ' ');
        bool right = i < numeric.size() && numeric[i];
        text += (i ? "  " : "") + (right ? pad + cells[i] : cells[i] + (i + 1 < cells.size() ? pad : ""));
      }
      out << text << "\n";
    };
    line(header);
    for (const auto& row : rows) line(row);
  }

 private:
  // Display width: UTF-8 continuation bytes take no column.
  static size_t Display(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }
  static void PrintCsvRow(std::ostream& out, const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      const std::string& c = cells[i];
      if (i) out << ",";
      if (c.find_first_of(",\"\n\r") == std::string::npos) {
        out << c;
      } else {
        out << '"';
        for (char ch : c) out << (ch == '"' ? "\"\"" : std::string(1, ch));
        out << '"';
      }
    }
    out << "\r\n";
  }
};

std::string Number(double value, int decimals = 2) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*f", decimals, value);
  return buffer;
}
std::string Optional(const std::optional<double>& value) { return value ? Number(*value) : ""; }

// One line of text for a table cell: newlines and tabs become spaces, long text is cut.
std::string Cell(std::string text, size_t max_chars) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++chars > max_chars)
      return text.substr(0, i) + "...";
  }
  return text;
}

// A limited answer says on standard error how many rows its limit left out (never silently).
void ReportLeftOut(const char* what, size_t shown, int64_t matching, size_t limit) {
  int64_t left_out = matching - static_cast<int64_t>(shown);
  if (left_out <= 0) return;
  std::cerr << "dragoman query: " << shown << " " << what << " shown, " << left_out
            << " left out by --limit " << limit << " (raise it or page with --offset";
  std::cerr << (std::string(what) == "events" ? ", or use `dragoman export`)\n" : ")\n");
}

int Fail(const Status& status) {
  std::cerr << "dragoman query: " << status.message() << "\n";
  return status.code() == StatusCode::kInvalidInput ? kExitUsage : kExitFailure;
}

Result<std::unique_ptr<store::EventStore>> OpenReader(const std::string& path) {
  store::OpenOptions options;
  options.read_only = true;
  return store::EventStore::Open(path, options);
}

void PrintJson(const nlohmann::json& value) { std::cout << store::DumpJson(value, 2) << "\n"; }

// Query rows as one JSON array.
template <typename Rows>
void PrintRowsJson(const Rows& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) out.push_back(store::ToJson(r));
  PrintJson(out);
}

int RunQuery(int argc, char** argv) {
  CLI::App app("Query an event store: events, a dyad's timeline, the most active actors.", "query");
  app.require_subcommand(1);
  std::string db_path, format_name = "table";
  // --db may also come before the subcommand: `dragoman query --db x.db dyad CHN KAZ`.
  app.add_option("--db", db_path, "the event store (default: $DRAGOMAN_DB)")->envname("DRAGOMAN_DB");
  auto add_common = [&](CLI::App* sub) {
    sub->add_option("--db", db_path,
                    "the event store (SQLite file or postgresql:// URL written by `dragoman ingest`; default: $DRAGOMAN_DB)")
        ->envname("DRAGOMAN_DB");
    sub->add_option("--format", format_name, "table, json or csv")
        ->capture_default_str()
        ->check(CLI::IsMember({"table", "json", "csv"}));
  };

  store::EventFilter filter;
  std::vector<std::string> dyad;
  std::vector<std::string> quads;
  CLI::App* events = app.add_subcommand("events",
                                        "events matching filters (aggregated as GDELT: one row per date, "
                                        "source, target and code)");
  events->add_option("--db", db_path, "the event store (default: $DRAGOMAN_DB)")->envname("DRAGOMAN_DB");
  events->add_option("--format", format_name, "table, json, jsonl, csv, tsv, gdelt or plover")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json", "jsonl", "csv", "tsv", "gdelt", "plover"}));
  events->add_option("--source", filter.source, "source actor code or prefix (CHN matches CHNGOV)");
  events->add_option("--target", filter.target, "target actor code or prefix");
  events->add_option("--dyad", dyad, "two actor codes: events between them in either direction")->expected(2);
  events->add_option("--actor", filter.actor, "an actor as source or target");
  events->add_option("--root", filter.root, "CAMEO root, two digits (05)");
  events->add_option("--code", filter.code, "CAMEO code or prefix (036 matches 0361)");
  events->add_option("--quad", quads, "quad classes 1-4, e.g. --quad 3 4 or --quad 3,4")->delimiter(',');
  events->add_option("--from", filter.from, "first date: YYYY, YYYY-MM or YYYY-MM-DD");
  events->add_option("--to", filter.to, "last date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD");
  events->add_option("--text", filter.text, "words in a mentioning sentence or an article title");
  events->add_option("--article", filter.article_id, "events mentioned in this article id");
  events->add_option("--limit", filter.limit, "most rows to print")->capture_default_str();
  events->add_option("--offset", filter.offset, "rows to skip first")->check(CLI::Range(size_t{0}, kMaxRowCount));
  events->add_flag("--by-mentions", filter.by_mentions, "most reported events first (default: by date)");

  int64_t event_id = 0;
  size_t mention_limit = 100;
  CLI::App* mentions = app.add_subcommand("mentions", "the sentences behind one event");
  add_common(mentions);
  mentions->add_option("event", event_id, "event id (the id column of `query events`)")->required();
  mentions->add_option("--limit", mention_limit, "most rows to print")->capture_default_str();

  store::TimelineQuery timeline;
  std::string period = "month";
  CLI::App* dyad_cmd = app.add_subcommand("dyad",
                                          "a dyad's (or one actor's) events per period: counts per quad "
                                          "class, Goldstein sum and mean");
  add_common(dyad_cmd);
  dyad_cmd->add_option("a", timeline.a, "first actor code or prefix (CHN)")->required();
  dyad_cmd->add_option("b", timeline.b, "second actor code or prefix (KAZ); omit for all of a's events");
  dyad_cmd->add_option("--by", period, "day, week (labelled by its Monday), month or year")
      ->capture_default_str()
      ->check(CLI::IsMember({"day", "week", "month", "year"}));
  dyad_cmd->add_flag("--directed", timeline.directed, "only events from a to b (default: both directions)");
  dyad_cmd->add_option("--from", timeline.from, "first date: YYYY, YYYY-MM or YYYY-MM-DD");
  dyad_cmd->add_option("--to", timeline.to, "last date (inclusive)");
  dyad_cmd->add_option("--root", timeline.root, "only this CAMEO root");

  store::ActivityQuery activity;
  bool country = false;
  CLI::App* actors = app.add_subcommand("actors", "the most active actors and dyads");
  add_common(actors);
  actors->add_option("--from", activity.from, "first date");
  actors->add_option("--to", activity.to, "last date (inclusive)");
  actors->add_option("--limit", activity.limit, "rows per list")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  actors->add_flag("--country", country, "group actors by country (the first three letters: CHNGOV -> CHN)");

  std::string article_from, article_to;
  size_t article_limit = 100, article_offset = 0;
  CLI::App* articles =
      app.add_subcommand("articles", "stored articles, with their sentence and mention counts");
  add_common(articles);
  articles->add_option("--from", article_from, "first date");
  articles->add_option("--to", article_to, "last date (inclusive)");
  articles->add_option("--limit", article_limit, "most rows to print")->capture_default_str();
  articles->add_option("--offset", article_offset, "rows to skip first")->check(CLI::Range(size_t{0}, kMaxRowCount));

  size_t error_limit = 100, error_offset = 0;
  CLI::App* errors = app.add_subcommand("errors", "the input records stored as errors, and why");
  add_common(errors);
  errors->add_option("--limit", error_limit, "most rows to print")->capture_default_str();
  errors->add_option("--offset", error_offset, "rows to skip first")->check(CLI::Range(size_t{0}, kMaxRowCount));

  CLI::App* stats = app.add_subcommand("stats", "what the store holds");
  add_common(stats);

  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;
  if (db_path.empty()) {
    std::cerr << "dragoman query: --db is required (the event store; or set DRAGOMAN_DB)\n";
    return kExitUsage;
  }
  Format format = format_name == "json"  ? Format::kJson
                  : format_name == "csv" ? Format::kCsv
                                         : Format::kTable;

  auto store = OpenReader(db_path);
  if (!store.ok()) return Fail(store.status());
  store::Db& db = (*store)->db();

  if (*events) {
    if (dyad.size() == 2) {
      filter.dyad_a = dyad[0];
      filter.dyad_b = dyad[1];
    }
    for (const std::string& q : quads) {
      if (q.size() != 1 || q[0] < '1' || q[0] > '4') {
        return Fail(InvalidInput("--quad \"" + q + "\": expected a quad class 1 to 4"));
      }
      filter.quad_classes.push_back(q[0] - '0');
    }
    if (Status s = store::NormalizeFilter(&filter); !s.ok()) return Fail(s);
    // The same rows and field names as `export` and the dashboard (src/output/), limited here.
    Result<output::Format> row_format = output::ParseFormat(format_name);
    if (!row_format.ok()) return Fail(row_format.status());
    std::unique_ptr<output::RowWriter> writer = output::NewRowWriter(*row_format, std::cout);
    int64_t shown = 0;
    Status s = store::ForEachEventRow(db, filter, [&](const output::EventRow& row) {
      writer->Write(row);
      ++shown;
      return true;
    });
    writer->Finish();
    if (!s.ok()) return Fail(s);
    auto total = store::CountEvents(db, filter);
    if (!total.ok()) return Fail(total.status());
    ReportLeftOut("events", static_cast<size_t>(shown), *total - static_cast<int64_t>(filter.offset), filter.limit);
    return kExitOk;
  }

  if (*mentions) {
    if (mention_limit < 1 || mention_limit > store::kMaxQueryLimit) {
      return Fail(InvalidInput("--limit: expected 1 to " + std::to_string(store::kMaxQueryLimit)));
    }
    auto rows = store::QueryMentions(db, event_id, mention_limit);
    if (!rows.ok()) return Fail(rows.status());
    if (rows->size() == mention_limit) {
      Result<int64_t> count = store::CountMentions(db, event_id);
      if (!count.ok()) return Fail(count.status());
      ReportLeftOut("mentions", rows->size(), *count, mention_limit);
    }
    if (format == Format::kJson) {
      PrintRowsJson(*rows);
      return kExitOk;
    }
    Table table{{"mention", "article", "date", "source", "sentence", "rule"}, {}, {true}};
    for (const auto& r : *rows) {
      table.rows.push_back({std::to_string(r.id), r.article_id, r.article_date, r.article_source,
                            format == Format::kTable ? Cell(r.sentence, 100) : r.sentence, r.rule});
    }
    table.Print(std::cout, format);
    return kExitOk;
  }

  if (*dyad_cmd) {
    if (Status s = store::NormalizeActor(&timeline.a, "a"); !s.ok()) return Fail(s);
    if (!timeline.b.empty()) {
      if (Status s = store::NormalizeActor(&timeline.b, "b"); !s.ok()) return Fail(s);
    }
    for (auto [value, name] : {std::pair{&timeline.from, "--from"}, std::pair{&timeline.to, "--to"}}) {
      if (value->empty()) continue;
      if (Status s = store::CheckDate(*value, name); !s.ok()) return Fail(s);
    }
    if (!timeline.root.empty() &&
        (timeline.root.size() != 2 || !std::isdigit(static_cast<unsigned char>(timeline.root[0])) ||
         !std::isdigit(static_cast<unsigned char>(timeline.root[1])))) {
      return Fail(
          InvalidInput("--root \"" + timeline.root + "\": expected a two-digit CAMEO root such as \"05\""));
    }
    timeline.by = *store::ParsePeriod(period);
    auto rows = store::QueryTimeline(db, timeline);
    if (!rows.ok()) return Fail(rows.status());
    if (format == Format::kJson) {
      nlohmann::json periods = nlohmann::json::array();
      for (const auto& r : *rows) periods.push_back(store::ToJson(r));
      nlohmann::json actors_json = nlohmann::json::array({timeline.a});
      if (!timeline.b.empty()) actors_json.push_back(timeline.b);
      PrintJson(
          {{"actors", actors_json}, {"directed", timeline.directed}, {"by", period}, {"periods", periods}});
      return kExitOk;
    }
    Table table{{"period", "events", "mentions", "quad1", "quad2", "quad3", "quad4", "goldstein_sum",
                 "goldstein_mean"},
                {},
                {false, true, true, true, true, true, true, true, true}};
    for (const auto& r : *rows) {
      table.rows.push_back({r.period, std::to_string(r.events), std::to_string(r.mentions),
                            std::to_string(r.quad_counts[0]), std::to_string(r.quad_counts[1]),
                            std::to_string(r.quad_counts[2]), std::to_string(r.quad_counts[3]),
                            Number(r.goldstein_sum), Optional(r.goldstein_mean)});
    }
    table.Print(std::cout, format);
    return kExitOk;
  }

  if (*actors) {
    for (auto [value, name] : {std::pair{&activity.from, "--from"}, std::pair{&activity.to, "--to"}}) {
      if (value->empty()) continue;
      if (Status s = store::CheckDate(*value, name); !s.ok()) return Fail(s);
    }
    activity.prefix = country ? 3 : 0;
    auto actor_rows = store::QueryActors(db, activity);
    if (!actor_rows.ok()) return Fail(actor_rows.status());
    auto dyad_rows = store::QueryDyads(db, activity);
    if (!dyad_rows.ok()) return Fail(dyad_rows.status());
    if (format == Format::kJson) {
      nlohmann::json a = nlohmann::json::array(), d = nlohmann::json::array();
      for (const auto& r : *actor_rows) a.push_back(store::ToJson(r));
      for (const auto& r : *dyad_rows) d.push_back(store::ToJson(r));
      PrintJson({{"actors", a}, {"dyads", d}});
      return kExitOk;
    }
    // CSV: one table, the kind in the first column; the table format prints two.
    Table actor_table{
        {"kind", "actor", "other", "events", "mentions", "as_source", "as_target", "goldstein_mean"},
        {},
        {false, false, false, true, true, true, true, true}};
    for (const auto& r : *actor_rows) {
      actor_table.rows.push_back({"actor", r.actor, "", std::to_string(r.events), std::to_string(r.mentions),
                                  std::to_string(r.as_source), std::to_string(r.as_target), ""});
    }
    Table dyad_table{{"dyad", "events", "mentions", "quad1", "quad2", "quad3", "quad4", "goldstein_mean"},
                     {},
                     {false, true, true, true, true, true, true, true}};
    for (const auto& r : *dyad_rows) {
      dyad_table.rows.push_back({r.a + "-" + r.b, std::to_string(r.events), std::to_string(r.mentions),
                                 std::to_string(r.quad_counts[0]), std::to_string(r.quad_counts[1]),
                                 std::to_string(r.quad_counts[2]), std::to_string(r.quad_counts[3]),
                                 Optional(r.goldstein_mean)});
      actor_table.rows.push_back({"dyad", r.a, r.b, std::to_string(r.events), std::to_string(r.mentions), "",
                                  "", Optional(r.goldstein_mean)});
    }
    if (format == Format::kCsv) {
      actor_table.Print(std::cout, format);
      return kExitOk;
    }
    Table actors_only{
        {"actor", "events", "mentions", "as_source", "as_target"}, {}, {false, true, true, true, true}};
    for (const auto& r : *actor_rows) {
      actors_only.rows.push_back({r.actor, std::to_string(r.events), std::to_string(r.mentions),
                                  std::to_string(r.as_source), std::to_string(r.as_target)});
    }
    actors_only.Print(std::cout, format);
    std::cout << "\n";
    dyad_table.Print(std::cout, format);
    return kExitOk;
  }

  if (*articles) {
    for (auto [value, name] : {std::pair{&article_from, "--from"}, std::pair{&article_to, "--to"}}) {
      if (value->empty()) continue;
      if (Status s = store::CheckDate(*value, name); !s.ok()) return Fail(s);
    }
    if (article_limit < 1 || article_limit > store::kMaxQueryLimit) {
      return Fail(InvalidInput("--limit: expected 1 to " + std::to_string(store::kMaxQueryLimit)));
    }
    auto rows = store::QueryArticles(db, article_from, article_to, article_limit, article_offset);
    if (!rows.ok()) return Fail(rows.status());
    if (rows->size() == article_limit) {
      auto all = store::CountArticles(db, article_from, article_to);
      if (!all.ok()) return Fail(all.status());
      ReportLeftOut("articles", rows->size(), *all - static_cast<int64_t>(article_offset), article_limit);
    }
    if (format == Format::kJson) {
      PrintRowsJson(*rows);
      return kExitOk;
    }
    Table table{{"id", "date", "source", "sentences", "mentions", "title"},
                {},
                {false, false, false, true, true, false}};
    for (const auto& r : *rows) {
      table.rows.push_back({r.id, r.date, r.source, std::to_string(r.sentences), std::to_string(r.mentions),
                            format == Format::kTable ? Cell(r.title, 70) : r.title});
    }
    table.Print(std::cout, format);
    return kExitOk;
  }

  if (*errors) {
    if (error_limit < 1 || error_limit > store::kMaxQueryLimit) {
      return Fail(InvalidInput("--limit: expected 1 to " + std::to_string(store::kMaxQueryLimit)));
    }
    auto rows = store::QueryErrors(db, error_limit, error_offset);
    if (!rows.ok()) return Fail(rows.status());
    auto stats = (*store)->Stats();
    if (!stats.ok()) return Fail(stats.status());
    ReportLeftOut("errors", rows->size(), stats->errors - static_cast<int64_t>(error_offset), error_limit);
    if (format == Format::kJson) {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& r : *rows) j.push_back({{"origin", r.origin}, {"error", r.message}, {"ingested_at", r.ingested_at}});
      PrintJson(j);
      return kExitOk;
    }
    Table table{{"origin", "error", "ingested_at"}, {}, {false, false, false}};
    for (const auto& r : *rows) {
      table.rows.push_back({output::EscapeControlBytes(r.origin), output::EscapeControlBytes(r.message), r.ingested_at});
    }
    table.Print(std::cout, format);
    return kExitOk;
  }

  auto s = (*store)->Stats();
  if (!s.ok()) return Fail(s.status());
  nlohmann::json j = {{"articles", s->articles},   {"sentences", s->sentences},
                      {"events", s->events},       {"mentions", s->mentions},
                      {"errors", s->errors},       {"first_date", s->first_date},
                      {"last_date", s->last_date}, {"schema_version", s->schema_version}};
  if (format == Format::kJson) {
    PrintJson(j);
    return kExitOk;
  }
  Table table{
      {"articles", "sentences", "events", "mentions", "errors", "first_date", "last_date", "schema_version"},
      {},
      {true, true, true, true, true, false, false, true}};
  table.rows.push_back({std::to_string(s->articles), std::to_string(s->sentences), std::to_string(s->events),
                        std::to_string(s->mentions), std::to_string(s->errors), s->first_date, s->last_date,
                        std::to_string(s->schema_version)});
  table.Print(std::cout, format);
  return kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("query", "query an event store: events, dyads over time, active actors", RunQuery);

}  // namespace dragoman::cli
