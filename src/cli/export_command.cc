// `dragoman export`: every event of a store that matches the filters, streamed in one of the
// output formats (GDELT's event or mentions table, PLOVER JSON, CSV, JSON Lines ...). No row limit:
// rows are read and written one at a time, so memory stays flat for any store size.
//
//   dragoman export --db x.db --format gdelt -o events.export.CSV
//   dragoman export --db x.db --format gdelt-mentions --from 2022-05 -o mentions.CSV
//   dragoman export --db x.db --format plover --dyad CHN KAZ
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "output/row_writer.h"
#include "store/event_store.h"
#include "store/query.h"

namespace dragoman::cli {
namespace {

int Fail(const Status& status) {
  std::cerr << "dragoman export: " << status.message() << "\n";
  return status.code() == StatusCode::kInvalidInput ? kExitUsage : kExitFailure;
}

int RunExport(int argc, char** argv) {
  CLI::App app("Write every matching event of a store: GDELT 2.0 event or mentions table, PLOVER JSON, CSV ...",
               "export");
  std::string db_path, format_name = "jsonl", out_path;
  store::EventFilter filter;
  std::vector<std::string> dyad, quads;
  app.add_option("--db", db_path, "the event store (default: $DRAGOMAN_DB)")->envname("DRAGOMAN_DB");
  app.add_option("--format", format_name, "gdelt, gdelt-mentions, plover, csv, tsv, jsonl or json")
      ->capture_default_str();
  app.add_option("-o,--output", out_path, "write to this file (default: standard output)");
  app.add_option("--source", filter.source, "source actor code or prefix (CHN matches CHNGOV)");
  app.add_option("--target", filter.target, "target actor code or prefix");
  app.add_option("--dyad", dyad, "two actor codes: events between them in either direction")->expected(2);
  app.add_option("--actor", filter.actor, "an actor as source or target");
  app.add_option("--root", filter.root, "CAMEO root, two digits (05)");
  app.add_option("--code", filter.code, "CAMEO code or prefix (036 matches 0361)");
  app.add_option("--quad", quads, "quad classes 1-4, e.g. --quad 3,4")->delimiter(',');
  app.add_option("--from", filter.from, "first date: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--to", filter.to, "last date (inclusive)");
  app.add_option("--text", filter.text, "words in a mentioning sentence or an article title");
  app.add_option("--article", filter.article_id, "events mentioned in this article id");
  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;
  if (db_path.empty()) {
    std::cerr << "dragoman export: --db is required (the event store; or set DRAGOMAN_DB)\n";
    return kExitUsage;
  }
  Result<output::Format> format = output::ParseFormat(format_name);
  if (!format.ok()) return Fail(format.status());
  if (*format == output::Format::kTable) return Fail(InvalidInput("--format table is for `query`; export writes data"));
  if (dyad.size() == 2) {
    filter.dyad_a = dyad[0];
    filter.dyad_b = dyad[1];
  }
  for (const std::string& q : quads) {
    if (q.size() != 1 || q[0] < '1' || q[0] > '4') return Fail(InvalidInput("--quad \"" + q + "\": expected 1 to 4"));
    filter.quad_classes.push_back(q[0] - '0');
  }
  if (Status s = store::NormalizeFilter(&filter); !s.ok()) return Fail(s);
  filter.limit = 0;  // every row

  store::OpenOptions open;
  open.read_only = true;
  auto store = store::EventStore::Open(db_path, open);
  if (!store.ok()) return Fail(store.status());

  std::ofstream file;
  if (!out_path.empty()) {
    file.open(out_path, std::ios::binary);
    if (!file) return Fail(IoError("cannot write " + out_path));
  }
  std::ostream& out = out_path.empty() ? std::cout : file;
  std::unique_ptr<output::RowWriter> writer = output::NewRowWriter(*format, out);
  int64_t rows = 0;
  auto sink = [&](const output::EventRow& row) {
    writer->Write(row);
    ++rows;
    return static_cast<bool>(out);
  };
  Status s = *format == output::Format::kGdeltMentions
                 ? store::ForEachMentionRow((*store)->db(), filter, sink)
                 : store::ForEachEventRow((*store)->db(), filter, sink, store::RowOrder{.by_id = true});
  writer->Finish();
  if (!s.ok()) return Fail(s);
  if (!out) return Fail(IoError("writing " + (out_path.empty() ? std::string("standard output") : out_path) + " failed"));
  std::cerr << "dragoman export: " << rows << (*format == output::Format::kGdeltMentions ? " mentions" : " events")
            << " written\n";
  return kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("export", "write every matching event: GDELT tables, PLOVER JSON, CSV, JSON Lines", RunExport);

}  // namespace dragoman::cli
