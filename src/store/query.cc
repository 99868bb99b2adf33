#include "store/query.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
#include <variant>

namespace dragoman::store {
namespace {

using Param = std::variant<std::string, int64_t>;

// A WHERE clause built from conditions whose values are all bound parameters.
class Where {
 public:
  // cond uses "?" for each of params, in order.
  void Add(const std::string& cond, std::vector<Param> params = {}) {
    std::string numbered;
    size_t next = 0;
    for (char c : cond) {
      if (c == '?') {
        numbered += '?';
        numbered += std::to_string(params_.size() + 1 + next);
        ++next;
      } else {
        numbered += c;
      }
    }
    conds_.push_back("(" + numbered + ")");
    for (Param& p : params) params_.push_back(std::move(p));
  }
  std::string Sql() const {
    if (conds_.empty()) return "";
    std::string sql = " WHERE ";
    for (size_t i = 0; i < conds_.size(); ++i) sql += (i ? " AND " : "") + conds_[i];
    return sql;
  }
  size_t size() const { return params_.size(); }
  void BindTo(Stmt& stmt, int first = 1) const {
    for (size_t i = 0; i < params_.size(); ++i) {
      int index = first + static_cast<int>(i);
      if (const auto* s = std::get_if<std::string>(&params_[i])) {
        stmt.Bind(index, *s);
      } else {
        stmt.Bind(index, std::get<int64_t>(params_[i]));
      }
    }
  }

 private:
  std::vector<std::string> conds_;
  std::vector<Param> params_;
};


// The upper date bound: "2022-05" must include every day of May, so compare below "2022-05\x7f".
std::string UpperDate(const std::string& to) { return to + "\x7f"; }

void AddDates(Where& where, const std::string& from, const std::string& to, const char* column = "e.date") {
  if (!from.empty()) where.Add(std::string(column) + " >= ?", {from});
  if (!to.empty()) where.Add(std::string(column) + " <> '' AND " + column + " < ?", {UpperDate(to)});
}

std::string LikeArgument(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

Where FilterWhere(const Dialect& d, const EventFilter& f) {
  Where where;
  auto Prefix = [&](const std::string& code) { return d.PrefixArgument(code); };
  const std::string src = d.PrefixMatch("e.source"), tgt = d.PrefixMatch("e.target");
  if (!f.source.empty()) where.Add(src, {Prefix(f.source)});
  if (!f.target.empty()) where.Add(tgt, {Prefix(f.target)});
  if (!f.dyad_a.empty() && !f.dyad_b.empty()) {
    where.Add("(" + src + " AND " + tgt + ") OR (" + src + " AND " + tgt + ")",
              {Prefix(f.dyad_a), Prefix(f.dyad_b), Prefix(f.dyad_b), Prefix(f.dyad_a)});
  }
  if (!f.actor.empty()) where.Add(src + " OR " + tgt, {Prefix(f.actor), Prefix(f.actor)});
  if (!f.root.empty()) where.Add("e.root = ?", {f.root});
  if (!f.code.empty()) where.Add(d.PrefixMatch("e.code"), {Prefix(f.code)});
  if (!f.quad_classes.empty()) {
    std::string cond = "e.quad_class IN (";
    std::vector<Param> params;
    for (size_t i = 0; i < f.quad_classes.size(); ++i) {
      cond += i ? ", ?" : "?";
      params.push_back(static_cast<int64_t>(f.quad_classes[i]));
    }
    where.Add(cond + ")", std::move(params));
  }
  AddDates(where, f.from, f.to);
  if (!f.text.empty()) {
    std::string like = LikeArgument(f.text);
    where.Add(
        "e.id IN (SELECT m.event_id FROM mentions m JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_index "
        "WHERE " + d.TextSlice("a.text", "s.begin", "s.end") + " " + d.ILike() + " ? ESCAPE '\\' "
        "OR a.title " + d.ILike() + " ? ESCAPE '\\')",
        {like, like});
  }
  if (!f.article_id.empty())
    where.Add("e.id IN (SELECT event_id FROM mentions WHERE article_id = ?)", {f.article_id});
  return where;
}

// Per period: events, mentions, events per quad class, Goldstein sum and mean.
constexpr const char* kTimelineAggregates =
    "COUNT(*), SUM(e.num_mentions), SUM(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END), COALESCE(SUM(e.goldstein), 0.0), AVG(e.goldstein)";

constexpr const char* kEventColumns =
    "e.id, e.date, e.source, e.target, e.code, e.root, e.quad_class, e.goldstein, e.plover_type, "
    "e.plover_mode, "
    "e.num_mentions, e.num_articles, e.num_sources";

EventRow ReadEvent(const Stmt& s) {
  EventRow row;
  row.id = s.Int(0);
  row.date = s.Text(1);
  row.source = s.Text(2);
  row.target = s.Text(3);
  row.code = s.Text(4);
  row.root = s.Text(5);
  row.quad_class = static_cast<int>(s.Int(6));
  row.goldstein = s.OptionalDouble(7);
  row.plover_type = s.Text(8);
  row.plover_mode = s.Text(9);
  row.num_mentions = s.Int(10);
  row.num_articles = s.Int(11);
  row.num_sources = s.Int(12);
  return row;
}

// Runs stmt to the end, reading each row with read.
template <typename Row, typename Read>
Result<std::vector<Row>> Collect(Stmt& stmt, Read read) {
  std::vector<Row> rows;
  while (true) {
    Result<bool> more = stmt.Step();
    if (!more.ok()) return more.status();
    if (!*more) return rows;
    rows.push_back(read(stmt));
  }
}

std::string MentionSelect(const Dialect& d) {
  return "SELECT m.id, m.event_id, m.article_id, a.date, a.source, a.title, a.url, m.sentence_index, " +
         d.ByteSlice("a.text", "s.begin", "s.end") + ", s.begin, s.end, "
    "m.source_begin, m.source_end, m.verb_begin, m.verb_end, m.target_begin, m.target_end, m.rule "
    "FROM mentions m JOIN articles a ON a.id = m.article_id "
    "LEFT JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_index ";
}

MentionRow ReadMention(const Stmt& s) {
  MentionRow row;
  row.id = s.Int(0);
  row.event_id = s.Int(1);
  row.article_id = s.Text(2);
  row.article_date = s.Text(3);
  row.article_source = s.Text(4);
  row.article_title = s.Text(5);
  row.url = s.Text(6);
  row.sentence_index = static_cast<int>(s.Int(7));
  row.sentence = s.Text(8);
  auto span = [&](int col) {
    return Span{static_cast<size_t>(s.Int(col)), static_cast<size_t>(s.Int(col + 1))};
  };
  row.sentence_span = span(9);
  row.source_span = span(11);
  row.verb_span = span(13);
  row.target_span = span(15);
  row.rule = s.Text(17);
  return row;
}

bool IsDigits(const std::string& s, size_t begin, size_t count) {
  if (begin + count > s.size()) return false;
  for (size_t i = begin; i < begin + count; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

std::string Quote(const std::string& value) {
  std::string shown = value.size() > 60 ? value.substr(0, 60) + "..." : value;
  return "\"" + shown + "\"";
}

std::optional<double> NullableMean(const Stmt& s, int column) { return s.OptionalDouble(column); }

// Moves a cut point back to the start of a UTF-8 character, so no piece splits one.
size_t CharBoundary(const std::string& text, size_t pos) {
  pos = std::min(pos, text.size());
  while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

}  // namespace

Status NormalizeActor(std::string* code, const std::string& field) {
  if (code->empty() || code->size() > 32) {
    return InvalidInput(field + " " + Quote(*code) +
                        ": expected an actor code of 1 to 32 letters and digits, such as \"CHN\"");
  }
  for (char& c : *code) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      return InvalidInput(field + " " + Quote(*code) +
                          ": expected an actor code of letters and digits, such as \"CHNGOV\"");
    }
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return Status::Ok();
}

Status CheckDate(const std::string& date, const std::string& field) {
  auto bad = [&] {
    return InvalidInput(field + " " + Quote(date) + ": expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
  };
  if (!(date.size() == 4 || date.size() == 7 || date.size() == 10)) return bad();
  if (!IsDigits(date, 0, 4)) return bad();
  if (date.size() >= 7) {
    if (date[4] != '-' || !IsDigits(date, 5, 2)) return bad();
    int month = std::stoi(date.substr(5, 2));
    if (month < 1 || month > 12) return bad();
    if (date.size() == 10) {
      if (date[7] != '-' || !IsDigits(date, 8, 2)) return bad();
      int day = std::stoi(date.substr(8, 2));
      int year = std::stoi(date.substr(0, 4));
      static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      int max_day = (month == 2 && !leap) ? 28 : kDays[month - 1];
      if (day < 1 || day > max_day) return bad();
    }
  }
  return Status::Ok();
}

Status NormalizeFilter(EventFilter* f, const std::string& p) {
  for (auto [value, name] :
       {std::pair{&f->source, "source"}, std::pair{&f->target, "target"}, std::pair{&f->actor, "actor"},
        std::pair{&f->dyad_a, "dyad"}, std::pair{&f->dyad_b, "dyad"}}) {
    if (value->empty()) continue;
    if (Status s = NormalizeActor(value, p + name); !s.ok()) return s;
  }
  if (f->dyad_a.empty() != f->dyad_b.empty()) return InvalidInput(p + "dyad: expected two actor codes");
  if (!f->root.empty() && !(f->root.size() == 2 && IsDigits(f->root, 0, 2))) {
    return InvalidInput(p + "root " + Quote(f->root) + ": expected a two-digit CAMEO root such as \"05\"");
  }
  if (!f->code.empty() && !(f->code.size() <= 4 && IsDigits(f->code, 0, f->code.size()))) {
    return InvalidInput(p + "code " + Quote(f->code) +
                        ": expected a CAMEO code of 1 to 4 digits such as \"036\"");
  }
  std::set<int> quads;
  for (int q : f->quad_classes) {
    if (q < 1 || q > 4)
      return InvalidInput(p + "quad \"" + std::to_string(q) + "\": expected a quad class 1 to 4");
    quads.insert(q);
  }
  f->quad_classes.assign(quads.begin(), quads.end());
  if (!f->from.empty()) {
    if (Status s = CheckDate(f->from, p + "from"); !s.ok()) return s;
  }
  if (!f->to.empty()) {
    if (Status s = CheckDate(f->to, p + "to"); !s.ok()) return s;
  }
  if (f->text.size() > 200) return InvalidInput(p + "text: longer than 200 bytes");
  if (f->limit < 1 || f->limit > kMaxQueryLimit) {
    return InvalidInput(p + "limit \"" + std::to_string(f->limit) + "\": expected 1 to " +
                        std::to_string(kMaxQueryLimit));
  }
  return Status::Ok();
}

Result<std::vector<EventRow>> QueryEvents(Db& db, const EventFilter& filter) {
  Where where = FilterWhere(Dialect(db), filter);
  std::string order = filter.by_mentions ? "e.num_mentions DESC, e.date, e.source, e.target, e.code"
                                         : "e.date, e.source, e.target, e.code";
  int limit_index = static_cast<int>(where.size()) + 1;
  std::string sql = std::string("SELECT ") + kEventColumns + " FROM events e" + where.Sql() + " ORDER BY " +
                    order + " LIMIT ?" + std::to_string(limit_index) + " OFFSET ?" +
                    std::to_string(limit_index + 1);
  Result<Stmt> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  where.BindTo(*stmt);
  stmt->Bind(limit_index, filter.limit).Bind(limit_index + 1, filter.offset);
  return Collect<EventRow>(*stmt, ReadEvent);
}

Result<int64_t> CountEvents(Db& db, const EventFilter& filter) {
  Where where = FilterWhere(Dialect(db), filter);
  Result<Stmt> stmt = db.Prepare("SELECT COUNT(*) FROM events e" + where.Sql());
  if (!stmt.ok()) return stmt.status();
  where.BindTo(*stmt);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  return *row ? stmt->Int(0) : 0;
}

Result<std::optional<EventRow>> GetEvent(Db& db, int64_t id) {
  Result<Stmt> stmt = db.Prepare(std::string("SELECT ") + kEventColumns + " FROM events e WHERE e.id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, id);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<EventRow>();
  return std::optional<EventRow>(ReadEvent(*stmt));
}

Result<std::vector<MentionRow>> QueryMentions(Db& db, int64_t event_id, size_t limit) {
  Result<Stmt> stmt = db.Prepare(MentionSelect(Dialect(db)) +
                                 "WHERE m.event_id = ?1 ORDER BY a.date, m.article_id, m.id LIMIT ?2");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, event_id).Bind(2, limit);
  return Collect<MentionRow>(*stmt, ReadMention);
}

Result<int64_t> CountMentions(Db& db, int64_t event_id) {
  Result<Stmt> stmt = db.Prepare("SELECT COUNT(*) FROM mentions WHERE event_id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, event_id);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  return *row ? stmt->Int(0) : 0;
}

Result<StoreSummary> QuerySummary(Db& db) {
  StoreSummary summary;
  for (auto [out, sql] : {std::pair{&summary.articles, "SELECT COUNT(*) FROM articles"},
                          std::pair{&summary.events, "SELECT COUNT(*) FROM events"},
                          std::pair{&summary.mentions, "SELECT COUNT(*) FROM mentions"},
                          std::pair{&summary.errors, "SELECT COUNT(*) FROM errors"}}) {
    Result<int64_t> n = QueryInt(db, sql);
    if (!n.ok()) return n.status();
    *out = *n;
  }
  if (Status s = ReadEventDateRange(db, &summary.first_date, &summary.last_date); !s.ok()) return s;
  return summary;
}

Status ReadEventDateRange(Db& db, std::string* first, std::string* last) {
  Result<Stmt> range = db.Prepare("SELECT MIN(date), MAX(date) FROM events WHERE date <> ''");
  if (!range.ok()) return range.status();
  Result<bool> row = range->Step();
  if (!row.ok()) return row.status();
  if (*row) {
    *first = range->Text(0);
    *last = range->Text(1);
  }
  return Status::Ok();
}

Result<std::optional<MentionRow>> GetMention(Db& db, int64_t mention_id) {
  Result<Stmt> stmt = db.Prepare(MentionSelect(Dialect(db)) + "WHERE m.id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, mention_id);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<MentionRow>();
  return std::optional<MentionRow>(ReadMention(*stmt));
}

Result<Period> ParsePeriod(const std::string& name) {
  if (name == "day") return Period::kDay;
  if (name == "week") return Period::kWeek;
  if (name == "month") return Period::kMonth;
  if (name == "year") return Period::kYear;
  return InvalidInput("period " + Quote(name) + ": expected day, week, month or year");
}

Result<std::vector<TimelineRow>> QueryTimeline(Db& db, const TimelineQuery& q) {
  const Dialect d(db);
  auto Prefix = [&](const std::string& code) { return d.PrefixArgument(code); };
  const std::string src = d.PrefixMatch("e.source"), tgt = d.PrefixMatch("e.target");
  std::string period;
  switch (q.by) {
    case Period::kDay:
      period = "substr(e.date, 1, 10)";
      break;
    // The Monday of the date's week: forward to Sunday (or stay), then back six days.
    case Period::kWeek:
      period = d.WeekStart("substr(e.date, 1, 10)");
      break;
    case Period::kMonth:
      period = "substr(e.date, 1, 7)";
      break;
    case Period::kYear:
      period = "substr(e.date, 1, 4)";
      break;
  }
  Where where;
  where.Add(d.IsFullDate("e.date"));
  if (q.b.empty()) {
    where.Add(src + " OR " + tgt, {Prefix(q.a), Prefix(q.a)});
  } else if (q.directed) {
    where.Add(src + " AND " + tgt, {Prefix(q.a), Prefix(q.b)});
  } else {
    where.Add("(" + src + " AND " + tgt + ") OR (" + src + " AND " + tgt + ")",
              {Prefix(q.a), Prefix(q.b), Prefix(q.b), Prefix(q.a)});
  }
  if (!q.root.empty()) where.Add("e.root = ?", {q.root});
  AddDates(where, q.from, q.to);
  std::string sql = "SELECT " + period +
                    " AS period, " + kTimelineAggregates + " FROM events e" +
                    where.Sql() + " GROUP BY period ORDER BY period";
  Result<Stmt> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  where.BindTo(*stmt);
  return Collect<TimelineRow>(*stmt, [](const Stmt& s) {
    TimelineRow row;
    row.period = s.Text(0);
    row.events = s.Int(1);
    row.mentions = s.Int(2);
    for (int i = 0; i < 4; ++i) row.quad_counts[i] = s.Int(3 + i);
    row.goldstein_sum = s.Double(7);
    row.goldstein_mean = NullableMean(s, 8);
    return row;
  });
}

namespace {
std::string ActorExpr(const std::string& column, size_t prefix) {
  if (prefix == 0) return column;
  return "substr(" + column + ", 1, " + std::to_string(prefix) + ")";
}
}  // namespace

Result<std::vector<ActorRow>> QueryActors(Db& db, const ActivityQuery& q) {
  Where where;
  AddDates(where, q.from, q.to);
  // The date bounds appear in both halves of the union; Where numbers them ?1, ?2 in each, and
  // the second half reuses those numbers.
  std::string cond = where.Sql().empty() ? " WHERE " : where.Sql() + " AND ";
  int limit_index = static_cast<int>(where.size()) + 1;
  std::string sql =
      "SELECT actor, COUNT(*), SUM(m), SUM(s), SUM(t) FROM ("
      "SELECT " +
      ActorExpr("e.source", q.prefix) +
      " AS actor, e.num_mentions AS m, 1 AS s, 0 AS t "
      "FROM events e" +
      cond +
      "e.source <> '' UNION ALL "
      "SELECT " +
      ActorExpr("e.target", q.prefix) +
      ", e.num_mentions, 0, 1 "
      "FROM events e" +
      cond +
      "e.target <> '') AS actors "
      "GROUP BY actor ORDER BY COUNT(*) DESC, SUM(m) DESC, actor LIMIT ?" +
      std::to_string(limit_index);
  Result<Stmt> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  where.BindTo(*stmt);
  stmt->Bind(limit_index, q.limit);
  return Collect<ActorRow>(*stmt, [](const Stmt& s) {
    return ActorRow{s.Text(0), s.Int(1), s.Int(2), s.Int(3), s.Int(4)};
  });
}

Result<std::vector<DyadRow>> QueryDyads(Db& db, const ActivityQuery& q) {
  const Dialect d(db);
  Where where;
  where.Add("e.source <> '' AND e.target <> ''");
  AddDates(where, q.from, q.to);
  int limit_index = static_cast<int>(where.size()) + 1;
  std::string sql =
      "SELECT " + d.Least("sa", "ta") + " AS a, " + d.Greatest("sa", "ta") +
      " AS b, COUNT(*), SUM(m), SUM(CASE WHEN q = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN q = 2 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN q = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN q = 4 THEN 1 ELSE 0 END), AVG(g) FROM (SELECT " +
      ActorExpr("e.source", q.prefix) + " AS sa, " + ActorExpr("e.target", q.prefix) +
      " AS ta, e.num_mentions AS m, e.quad_class AS q, "
      "e.goldstein AS g FROM events e" +
      where.Sql() +
      ") AS pairs WHERE sa <> ta "
      "GROUP BY a, b ORDER BY COUNT(*) DESC, SUM(m) DESC, a, b LIMIT ?" +
      std::to_string(limit_index);
  Result<Stmt> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  where.BindTo(*stmt);
  stmt->Bind(limit_index, q.limit);
  return Collect<DyadRow>(*stmt, [](const Stmt& s) {
    DyadRow row;
    row.a = s.Text(0);
    row.b = s.Text(1);
    row.events = s.Int(2);
    row.mentions = s.Int(3);
    for (int i = 0; i < 4; ++i) row.quad_counts[i] = s.Int(4 + i);
    row.goldstein_mean = NullableMean(s, 8);
    return row;
  });
}

Result<int64_t> CountArticles(Db& db, const std::string& from, const std::string& to) {
  Where where;
  AddDates(where, from, to, "a.date");
  Result<Stmt> stmt = db.Prepare("SELECT COUNT(*) FROM articles a" + where.Sql());
  if (!stmt.ok()) return stmt.status();
  where.BindTo(*stmt);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  return *row ? stmt->Int(0) : 0;
}

Result<std::vector<ArticleRow>> QueryArticles(Db& db, const std::string& from, const std::string& to,
                                              size_t limit, size_t offset) {
  Where where;
  AddDates(where, from, to, "a.date");
  int limit_index = static_cast<int>(where.size()) + 1;
  std::string sql =
      "SELECT a.id, a.date, a.source, a.title, a.url, "
      "(SELECT COUNT(*) FROM sentences s WHERE s.article_id = a.id), "
      "(SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id) FROM articles a" +
      where.Sql() + " ORDER BY a.id LIMIT ?" + std::to_string(limit_index) + " OFFSET ?" +
      std::to_string(limit_index + 1);
  Result<Stmt> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  where.BindTo(*stmt);
  stmt->Bind(limit_index, limit).Bind(limit_index + 1, offset);
  return Collect<ArticleRow>(*stmt, [](const Stmt& s) {
    return ArticleRow{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Int(5), s.Int(6)};
  });
}

Result<std::vector<ErrorRow>> QueryErrors(Db& db, size_t limit, size_t offset) {
  Result<Stmt> stmt = db.Prepare("SELECT origin, message, ingested_at FROM errors ORDER BY origin LIMIT ?1 OFFSET ?2");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, limit).Bind(2, offset);
  return Collect<ErrorRow>(*stmt, [](const Stmt& s) { return ErrorRow{s.Text(0), s.Text(1), s.Text(2)}; });
}

Result<std::optional<ArticleView>> GetArticleView(Db& db, const std::string& article_id, int64_t mention_id) {
  Result<Stmt> stmt = db.Prepare(
      "SELECT id, date, source, url, title, origin, text, (SELECT COUNT(*) FROM mentions WHERE article_id = "
      "?1) "
      "FROM articles WHERE id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, article_id);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<ArticleView>();
  ArticleView view;
  view.id = stmt->Text(0);
  view.date = stmt->Text(1);
  view.source = stmt->Text(2);
  view.url = stmt->Text(3);
  view.title = stmt->Text(4);
  view.origin = stmt->Text(5);
  std::string text = stmt->Text(6);
  view.mention_count = stmt->Int(7);

  std::optional<MentionRow> mention;
  if (mention_id != 0) {
    Result<std::optional<MentionRow>> m = GetMention(db, mention_id);
    if (!m.ok()) return m.status();
    if (!*m || (*m)->article_id != article_id) {
      return NotFound("mention " + std::to_string(mention_id) + " is not in article " + Quote(article_id));
    }
    mention = **m;
  }
  // Cut the text at every span edge; each piece is then inside or outside each span.
  std::set<size_t> cuts = {0, text.size()};
  std::vector<std::pair<Span, int>> marks;  // span, which flag
  if (mention) {
    marks = {{mention->sentence_span, 0},
             {mention->source_span, 1},
             {mention->verb_span, 2},
             {mention->target_span, 3}};
    for (auto& [span, flag] : marks) {
      span.begin = CharBoundary(text, span.begin);
      span.end = CharBoundary(text, span.end);
      if (span.end <= span.begin) continue;
      cuts.insert(span.begin);
      cuts.insert(span.end);
    }
  }
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    size_t begin = *it, end = *std::next(it);
    if (end <= begin) continue;
    TextPiece piece;
    piece.text = text.substr(begin, end - begin);
    for (const auto& [span, flag] : marks) {
      if (span.end <= span.begin || begin < span.begin || end > span.end) continue;
      (flag == 0 ? piece.sentence : flag == 1 ? piece.source : flag == 2 ? piece.verb : piece.target) = true;
    }
    view.pieces.push_back(std::move(piece));
  }
  return std::optional<ArticleView>(std::move(view));
}

namespace {

// The columns of an output row: the event, one mention of it, the mention's article and words.
std::string RowSelect(const Dialect& d) {
  return "SELECT e.id, e.date, e.source, e.target, e.code, e.root, e.quad_class, e.goldstein, e.plover_type, "
    "e.plover_mode, e.num_mentions, e.num_articles, e.num_sources, "
    "m.id, m.article_id, a.date, a.source, a.url, m.sentence_index, " +
    d.ByteSlice("a.text", "s.begin", "s.end") + ", "
    "m.source_begin, m.source_end, m.verb_begin, m.verb_end, m.target_begin, m.target_end, m.rule, "
    "m.geo_type, m.geo_name, m.geo_country, m.geo_adm1, m.geo_lat, m.geo_lon, m.geo_feature_id, "
    "a.tone, " + d.ByteLength("a.text") + ", a.ingested_at, " +
    d.ByteSlice("a.text", "m.source_begin", "m.source_end") + ", " +
    d.ByteSlice("a.text", "m.verb_begin", "m.verb_end") + ", " +
    d.ByteSlice("a.text", "m.target_begin", "m.target_end") + ", "
    // GDELT's AvgTone: the mean tone of the articles that report the event. IsRootEvent: reported
    // in the title or the first sentence of some article. Most events have one article and one
    // mention, whose own values these are: the subqueries run only for the others.
    "CASE WHEN e.num_articles = 1 THEN a.tone ELSE (SELECT AVG(t.tone) FROM articles t WHERE t.id IN "
    "(SELECT article_id FROM mentions WHERE event_id = e.id)) END, "
    "CASE WHEN e.num_mentions = 1 THEN m.sentence_index ELSE "
    "(SELECT MIN(sentence_index) FROM mentions WHERE event_id = e.id) END "
    "FROM events e ";
}
constexpr const char* kRowJoins =
    " JOIN articles a ON a.id = m.article_id "
    "LEFT JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_index";
// An event's own row takes its first mention (the lowest id: the first stored).
constexpr const char* kFirstMention = "JOIN mentions m ON m.id = (SELECT MIN(id) FROM mentions WHERE event_id = e.id)";

output::EventRow ReadRow(const Stmt& s) {
  output::EventRow r;
  r.event_id = s.Int(0);
  r.date = s.Text(1);
  r.source = s.Text(2);
  r.target = s.Text(3);
  r.code = s.Text(4);
  r.root = s.Text(5);
  r.quad_class = static_cast<int>(s.Int(6));
  r.goldstein = s.OptionalDouble(7);
  r.plover_type = s.Text(8);
  r.plover_mode = s.Text(9);
  r.num_mentions = s.Int(10);
  r.num_articles = s.Int(11);
  r.num_sources = s.Int(12);
  r.mention_id = s.Int(13);
  r.article_id = s.Text(14);
  r.article_date = s.Text(15);
  r.publisher = s.Text(16);
  r.url = s.Text(17);
  r.sentence_index = static_cast<int>(s.Int(18));
  r.sentence_text = s.Text(19);
  auto span = [&](int col) { return Span{static_cast<size_t>(s.Int(col)), static_cast<size_t>(s.Int(col + 1))}; };
  r.source_span = span(20);
  r.verb_span = span(22);
  r.target_span = span(24);
  r.rule = s.Text(26);
  r.location.type = static_cast<int>(s.Int(27));
  r.location.full_name = s.Text(28);
  r.location.country_code = s.Text(29);
  r.location.adm1_code = s.Text(30);
  r.location.lat = s.OptionalDouble(31).value_or(0);
  r.location.lon = s.OptionalDouble(32).value_or(0);
  r.location.feature_id = s.Text(33);
  r.doc_tone = s.OptionalDouble(34);
  r.doc_length = s.Int(35);
  r.date_added = s.Text(36);
  r.source_text = r.source_name = s.Text(37);
  r.verb_text = s.Text(38);
  r.target_text = r.target_name = s.Text(39);
  r.tone = s.OptionalDouble(40);
  r.is_root_event = s.Int(41) <= 1;
  return r;
}

Status StreamRows(Db& db, const std::string& sql, const Where& where, int first_extra,
                  const std::vector<int64_t>& extra, const std::function<bool(const output::EventRow&)>& sink) {
  Result<Stmt> stmt = db.PrepareStreaming(sql);  // rows fetched in pieces: memory stays flat
  if (!stmt.ok()) return stmt.status();
  where.BindTo(*stmt);
  for (size_t i = 0; i < extra.size(); ++i) stmt->Bind(first_extra + static_cast<int>(i), extra[i]);
  while (true) {
    Result<bool> more = stmt->Step();
    if (!more.ok()) return more.status();
    if (!*more || !sink(ReadRow(*stmt))) return Status::Ok();
  }
}

}  // namespace

Status ForEachEventRow(Db& db, const EventFilter& filter, const std::function<bool(const output::EventRow&)>& sink,
                       RowOrder order) {
  Where where = FilterWhere(Dialect(db), filter);
  std::string by = order.by_id          ? "e.id"
                   : filter.by_mentions ? "e.num_mentions DESC, e.date, e.source, e.target, e.code"
                                        : "e.date, e.source, e.target, e.code";
  int limit_index = static_cast<int>(where.size()) + 1;
  std::string sql = RowSelect(Dialect(db)) + kFirstMention + kRowJoins + where.Sql() + " ORDER BY " + by +
                    " LIMIT ?" + std::to_string(limit_index) + " OFFSET ?" + std::to_string(limit_index + 1);
  // No limit: the largest count both engines take.
  int64_t limit = filter.limit == 0 ? INT64_MAX : static_cast<int64_t>(filter.limit);
  return StreamRows(db, sql, where, limit_index, {limit, static_cast<int64_t>(filter.offset)}, sink);
}

Status ForEachMentionRow(Db& db, const EventFilter& filter,
                         const std::function<bool(const output::EventRow&)>& sink) {
  Where where = FilterWhere(Dialect(db), filter);
  int limit_index = static_cast<int>(where.size()) + 1;
  std::string sql = RowSelect(Dialect(db)) + "JOIN mentions m ON m.event_id = e.id" + kRowJoins + where.Sql() +
                    " ORDER BY e.id, m.id LIMIT ?" + std::to_string(limit_index) + " OFFSET ?" +
                    std::to_string(limit_index + 1);
  int64_t limit = filter.limit == 0 ? INT64_MAX : static_cast<int64_t>(filter.limit);
  return StreamRows(db, sql, where, limit_index, {limit, static_cast<int64_t>(filter.offset)}, sink);
}

Result<std::vector<PlaceCount>> QueryPlaces(Db& db, const EventFilter& filter) {
  Where where = FilterWhere(Dialect(db), filter);
  where.Add("m.geo_type > 0");
  std::string from = std::string(" FROM events e ") + kFirstMention + where.Sql();
  std::vector<PlaceCount> out;
  // Countries count every located event; cities (at most 2,000, the most reported) only theirs.
  for (const std::string& sql :
       {"SELECT 1, '', m.geo_country, 0, 0, COUNT(*)" + from + " GROUP BY m.geo_country ORDER BY COUNT(*) DESC",
        "SELECT 4, MIN(m.geo_name), MIN(m.geo_country), MIN(m.geo_lat), MIN(m.geo_lon), COUNT(*)" + from +
            " AND m.geo_type = 4 GROUP BY m.geo_feature_id ORDER BY COUNT(*) DESC LIMIT 2000"}) {
    Result<Stmt> stmt = db.Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    where.BindTo(*stmt);
    auto rows = Collect<PlaceCount>(*stmt, [](const Stmt& s) {
      return PlaceCount{static_cast<int>(s.Int(0)), s.Text(1), s.Text(2), s.Double(3), s.Double(4), s.Int(5)};
    });
    if (!rows.ok()) return rows.status();
    out.insert(out.end(), rows->begin(), rows->end());
  }
  return out;
}

nlohmann::json ToJson(const PlaceCount& p) {
  nlohmann::json j = {{"type", p.type == 4 ? "city" : "country"}, {"country", p.country}, {"events", p.events}};
  if (p.type == 4) {
    j["name"] = p.name;
    j["lat"] = p.lat;
    j["lon"] = p.lon;
  }
  return j;
}

Result<std::vector<TimelineRow>> QueryFilteredTimeline(Db& db, const EventFilter& filter, Period by) {
  const Dialect d(db);
  std::string period = by == Period::kDay    ? "substr(e.date, 1, 10)"
                       : by == Period::kWeek ? d.WeekStart("substr(e.date, 1, 10)")
                       : by == Period::kYear ? "substr(e.date, 1, 4)"
                                             : "substr(e.date, 1, 7)";
  Where where = FilterWhere(Dialect(db), filter);
  where.Add(d.IsFullDate("e.date"));
  std::string sql = "SELECT " + period +
                    " AS period, " + kTimelineAggregates + " FROM events e" +
                    where.Sql() + " GROUP BY period ORDER BY period";
  Result<Stmt> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  where.BindTo(*stmt);
  return Collect<TimelineRow>(*stmt, [](const Stmt& s) {
    TimelineRow row;
    row.period = s.Text(0);
    row.events = s.Int(1);
    row.mentions = s.Int(2);
    for (int i = 0; i < 4; ++i) row.quad_counts[i] = s.Int(3 + i);
    row.goldstein_sum = s.Double(7);
    row.goldstein_mean = NullableMean(s, 8);
    return row;
  });
}

nlohmann::json ToJson(const EventRow& r) {
  return {{"id", r.id},
          {"date", r.date},
          {"source", r.source},
          {"target", r.target},
          {"code", r.code},
          {"root", r.root},
          {"quad_class", r.quad_class},
          {"goldstein", r.goldstein ? nlohmann::json(*r.goldstein) : nlohmann::json(nullptr)},
          {"plover_type", r.plover_type},
          {"plover_mode", r.plover_mode},
          {"num_mentions", r.num_mentions},
          {"num_articles", r.num_articles},
          {"num_sources", r.num_sources}};
}

nlohmann::json ToJson(const MentionRow& r) {
  auto span = [](Span s) { return nlohmann::json::array({s.begin, s.end}); };
  return {{"id", r.id},
          {"event_id", r.event_id},
          {"article_id", r.article_id},
          {"article_date", r.article_date},
          {"article_source", r.article_source},
          {"article_title", r.article_title},
          {"url", r.url},
          {"sentence_index", r.sentence_index},
          {"sentence", r.sentence},
          {"sentence_span", span(r.sentence_span)},
          {"source_span", span(r.source_span)},
          {"verb_span", span(r.verb_span)},
          {"target_span", span(r.target_span)},
          {"rule", r.rule}};
}

nlohmann::json ToJson(const TimelineRow& r) {
  return {
      {"period", r.period},
      {"events", r.events},
      {"mentions", r.mentions},
      {"quad_counts",
       {{"1", r.quad_counts[0]}, {"2", r.quad_counts[1]}, {"3", r.quad_counts[2]}, {"4", r.quad_counts[3]}}},
      {"goldstein_sum", r.goldstein_sum},
      {"goldstein_mean", r.goldstein_mean ? nlohmann::json(*r.goldstein_mean) : nlohmann::json(nullptr)}};
}

nlohmann::json ToJson(const ActorRow& r) {
  return {{"actor", r.actor},
          {"events", r.events},
          {"mentions", r.mentions},
          {"as_source", r.as_source},
          {"as_target", r.as_target}};
}

nlohmann::json ToJson(const DyadRow& r) {
  return {
      {"a", r.a},
      {"b", r.b},
      {"events", r.events},
      {"mentions", r.mentions},
      {"quad_counts",
       {{"1", r.quad_counts[0]}, {"2", r.quad_counts[1]}, {"3", r.quad_counts[2]}, {"4", r.quad_counts[3]}}},
      {"goldstein_mean", r.goldstein_mean ? nlohmann::json(*r.goldstein_mean) : nlohmann::json(nullptr)}};
}

nlohmann::json ToJson(const ArticleView& v) {
  nlohmann::json pieces = nlohmann::json::array();
  for (const TextPiece& p : v.pieces) {
    nlohmann::json marks = nlohmann::json::array();
    if (p.sentence) marks.push_back("sentence");
    if (p.source) marks.push_back("source");
    if (p.verb) marks.push_back("verb");
    if (p.target) marks.push_back("target");
    pieces.push_back({{"text", p.text}, {"marks", marks}});
  }
  return {{"id", v.id},       {"date", v.date},     {"source", v.source}, {"url", v.url},
          {"title", v.title}, {"origin", v.origin}, {"pieces", pieces},   {"mention_count", v.mention_count}};
}

nlohmann::json ToJson(const ArticleRow& r) {
  return {{"id", r.id},   {"date", r.date},           {"source", r.source},    {"title", r.title},
          {"url", r.url}, {"sentences", r.sentences}, {"mentions", r.mentions}};
}

std::string DumpJson(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dragoman::store
