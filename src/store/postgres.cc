// PostgreSQL behind store::Db (libpq). Statements are written in the SQL both engines share; this
// file rewrites their ?N parameters to $N, runs every value as text (PostgreSQL infers the types),
// and reads columns back as SQLite would: booleans as 0/1, bytea (byte slices of the article text,
// see Dialect::ByteSlice) as raw bytes. The schema version lives in the table dragoman_schema.
#include "store/postgres.h"

#include <libpq-fe.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <regex>
#include <vector>

namespace dragoman::store {
namespace {

// The writer lock of a store: a transaction-scoped advisory lock with this key ("DRAG").
constexpr int64_t kWriterLockKey = 0x44524147;
constexpr unsigned kByteaOid = 17;

// ?N -> $N; a bare ? -> the next number. Quoted text and identifiers are left alone.
std::string NumberParameters(std::string_view sql, int* max_index) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  *max_index = 0;
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote) {
      out += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c != '?') {
      out += c;
      continue;
    }
    size_t j = i + 1;
    int index = 0;
    while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') index = index * 10 + (sql[j++] - '0');
    if (j == i + 1) index = ++next;
    out += '$' + std::to_string(index);
    *max_index = std::max(*max_index, index);
    i = j - 1;
  }
  return out;
}

class PgDb;

class PgStmt : public StmtImpl {
 public:
  // name: a prepared statement's name on the server ("" = run sql itself each time); cursor: a
  // cursor's name, to fetch the rows in pieces ("" = the whole result at once).
  PgStmt(PgDb* db, std::string sql, std::string name, int params, std::string cursor = "")
      : db_(db), sql_(std::move(sql)), name_(std::move(name)), cursor_(std::move(cursor)), values_(params),
        is_set_(params, false) {}
  ~PgStmt() override {
    Clear();
    CloseCursor();
  }

  void BindText(int index, std::string_view text) override { Set(index, std::string(text)); }
  void BindInt(int index, int64_t value) override { Set(index, std::to_string(value)); }
  void BindDouble(int index, double value) override {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    Set(index, buf);
  }
  void BindNull(int index) override {
    if (!Check(index)) return;
    is_set_[index - 1] = false;
  }

  Result<bool> Step() override;
  void Reset() override {
    Clear();
    CloseCursor();
    std::fill(is_set_.begin(), is_set_.end(), false);
    bind_status_ = Status::Ok();
  }

  int64_t Int(int column) const override {
    const char* v = Value(column);
    if (!v || !*v) return 0;
    if (v[0] == 't' && !v[1]) return 1;
    if (v[0] == 'f' && !v[1]) return 0;
    char* end = nullptr;
    long long n = std::strtoll(v, &end, 10);
    if (*end == '.' || *end == 'e' || *end == 'E') return std::llround(std::strtod(v, nullptr));
    return n;
  }
  double Double(int column) const override {
    const char* v = Value(column);
    return v ? std::strtod(v, nullptr) : 0;
  }
  bool IsNull(int column) const override { return !result_ || PQgetisnull(result_, row_, column); }
  std::string Text(int column) const override {
    const char* v = Value(column);
    if (!v) return std::string();
    if (PQftype(result_, column) == kByteaOid) {
      size_t length = 0;
      unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &length);
      std::string out(reinterpret_cast<const char*>(bytes), length);
      PQfreemem(bytes);
      return out;
    }
    return std::string(v, PQgetlength(result_, row_, column));
  }

 private:
  bool Check(int index) {
    if (index >= 1 && index <= static_cast<int>(values_.size())) return true;
    if (bind_status_.ok())
      bind_status_ = Status(StatusCode::kInternal, "parameter " + std::to_string(index) + " out of range in \"" +
                                                       sql_.substr(0, 80) + "\"");
    return false;
  }
  void Set(int index, std::string value) {
    if (!Check(index)) return;
    values_[index - 1] = std::move(value);
    is_set_[index - 1] = true;
  }
  const char* Value(int column) const {
    if (!result_ || PQgetisnull(result_, row_, column)) return nullptr;
    return PQgetvalue(result_, row_, column);
  }
  void Clear() {
    if (result_) PQclear(result_);
    result_ = nullptr;
    row_ = -1;
  }
  Result<bool> StepCursor();
  void CloseCursor();

  PgDb* db_;
  std::string sql_, name_, cursor_;
  bool cursor_open_ = false, own_transaction_ = false, cursor_done_ = false;
  std::vector<std::string> values_;
  std::vector<bool> is_set_;
  Status bind_status_;
  PGresult* result_ = nullptr;  // the whole result of the current execution
  int row_ = -1;                // the row Step last moved to
};

class PgDb : public Db {
 public:
  PgDb(PGconn* conn, std::string path) : Db(std::move(path)), conn_(conn) {}
  ~PgDb() override {
    cache_.clear();
    PQfinish(conn_);
  }

  Engine engine() const override { return Engine::kPostgres; }

  Status Error(const PGresult* result, std::string_view what) const {
    std::string detail = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
    std::string message = path() + ": " + std::string(what) + ": " + detail;
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string sqlstate = state ? state : "";
    if (PQstatus(conn_) != CONNECTION_OK || sqlstate.starts_with("08") || sqlstate.starts_with("53") ||
        sqlstate == "25006" || sqlstate.starts_with("57"))
      return IoError(message);
    if (sqlstate.starts_with("XX")) return Corrupt(message);
    return Status(StatusCode::kInternal, message);
  }

  Status Exec(std::string_view sql) override {
    std::string copy(sql);
    PGresult* result = PQexec(conn_, copy.c_str());
    ExecStatusType st = PQresultStatus(result);
    Status s = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
                   ? Status::Ok()
                   : Error(result, "running \"" + copy.substr(0, 80) + "\"");
    PQclear(result);
    return s;
  }

  Result<Stmt> Prepare(std::string_view sql) override {
    int params = 0;
    std::string numbered = NumberParameters(sql, &params);
    return Stmt(new PgStmt(this, std::move(numbered), "", params), /*owned=*/true);
  }

  Result<Stmt> PrepareStreaming(std::string_view sql) override {
    int params = 0;
    std::string numbered = NumberParameters(sql, &params);
    std::string cursor = "dragoman_cursor_" + std::to_string(++cursors_);
    return Stmt(new PgStmt(this, std::move(numbered), "", params, cursor), /*owned=*/true);
  }

  Result<Stmt> Cached(const std::string& sql) override {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      int params = 0;
      std::string numbered = NumberParameters(sql, &params);
      std::string name = "dragoman_" + std::to_string(cache_.size() + 1);
      PGresult* result = PQprepare(conn_, name.c_str(), numbered.c_str(), params, nullptr);
      bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
      Status s = ok ? Status::Ok() : Error(result, "preparing \"" + sql.substr(0, 80) + "\"");
      PQclear(result);
      if (!ok) return s;
      it = cache_.emplace(sql, std::make_unique<PgStmt>(this, numbered, name, params)).first;
    }
    return Stmt(it->second.get(), /*owned=*/false);
  }

  Status BeginWrite() override {
    return Exec("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriterLockKey) + ")");
  }

  Result<int64_t> SchemaVersion() override {
    Result<bool> exists = HasSchemaTable();
    if (!exists.ok()) return exists.status();
    if (!*exists) return int64_t{0};
    return QueryInt(*this, "SELECT COALESCE(MAX(version), 0) FROM dragoman_schema");
  }
  Result<int64_t> ApplicationId() override {
    Result<bool> exists = HasSchemaTable();
    if (!exists.ok()) return exists.status();
    if (!*exists) return int64_t{0};
    return QueryInt(*this, "SELECT COALESCE(MAX(application_id), 0) FROM dragoman_schema");
  }
  Status SetSchemaVersion(int64_t version, int64_t application_id) override {
    return Exec(
        "CREATE TABLE IF NOT EXISTS dragoman_schema(version BIGINT NOT NULL, application_id BIGINT NOT NULL); "
        "DELETE FROM dragoman_schema; INSERT INTO dragoman_schema VALUES(" +
        std::to_string(version) + ", " + std::to_string(application_id) + ")");
  }
  Result<bool> HasTables() override {
    Result<int64_t> n = QueryInt(*this, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()");
    if (!n.ok()) return n.status();
    return *n > 0;
  }

  // SQLite's schema words in PostgreSQL's: 64-bit integers, identity keys for SQLite's rowid
  // keys, doubles, text compared byte by byte (COLLATE "C", as SQLite does), and the column
  // named end (a reserved word) quoted.
  std::string SchemaSql(std::string_view sql) const override {
    std::string s(sql);
    s = std::regex_replace(s, std::regex(R"(\bINTEGER PRIMARY KEY\b)"),
                           "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    s = std::regex_replace(s, std::regex(R"(\bINTEGER\b)"), "BIGINT");
    s = std::regex_replace(s, std::regex(R"(\bREAL\b)"), "DOUBLE PRECISION");
    s = std::regex_replace(s, std::regex(R"(\bTEXT\b)"), "TEXT COLLATE \"C\"");
    s = std::regex_replace(s, std::regex(R"(\)\s*WITHOUT ROWID)"), ")");
    s = std::regex_replace(s, std::regex(R"((\n\s+)end(\s))"), "$1\"end\"$2");
    return s;
  }

  PGconn* conn() { return conn_; }

 private:
  Result<bool> HasSchemaTable() {
    Result<int64_t> n = QueryInt(*this, "SELECT CAST(to_regclass('dragoman_schema') IS NOT NULL AS INTEGER)");
    if (!n.ok()) return n.status();
    return *n != 0;
  }

  PGconn* conn_;
  std::map<std::string, std::unique_ptr<PgStmt>, std::less<>> cache_;
  int cursors_ = 0;
};

Result<bool> PgStmt::Step() {
  if (!bind_status_.ok()) return bind_status_;
  if (!cursor_.empty()) return StepCursor();
  if (!result_) {
    std::vector<const char*> values(values_.size());
    for (size_t i = 0; i < values_.size(); ++i) values[i] = is_set_[i] ? values_[i].c_str() : nullptr;
    int n = static_cast<int>(values.size());
    PGresult* result = name_.empty()
                           ? PQexecParams(db_->conn(), sql_.c_str(), n, nullptr, values.data(), nullptr, nullptr, 0)
                           : PQexecPrepared(db_->conn(), name_.c_str(), n, values.data(), nullptr, nullptr, 0);
    ExecStatusType st = PQresultStatus(result);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
      Status s = db_->Error(result, "running \"" + sql_.substr(0, 80) + "\"");
      PQclear(result);
      return s;
    }
    result_ = result;
    row_ = -1;
  }
  if (row_ + 1 < PQntuples(result_)) {
    ++row_;
    return true;
  }
  return false;
}

// Declares the cursor (in a transaction of its own when none is open) on the first step, then
// fetches the rows a thousand at a time.
Result<bool> PgStmt::StepCursor() {
  if (result_ && row_ + 1 < PQntuples(result_)) {
    ++row_;
    return true;
  }
  if (cursor_done_) return false;
  Clear();
  if (!cursor_open_) {
    if (PQtransactionStatus(db_->conn()) == PQTRANS_IDLE) {
      if (Status s = db_->Exec("BEGIN"); !s.ok()) return s;
      own_transaction_ = true;
    }
    std::vector<const char*> values(values_.size());
    for (size_t i = 0; i < values_.size(); ++i) values[i] = is_set_[i] ? values_[i].c_str() : nullptr;
    std::string declare = "DECLARE " + cursor_ + " NO SCROLL CURSOR FOR " + sql_;
    PGresult* result = PQexecParams(db_->conn(), declare.c_str(), static_cast<int>(values.size()), nullptr,
                                    values.data(), nullptr, nullptr, 0);
    bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    Status s = ok ? Status::Ok() : db_->Error(result, "running \"" + sql_.substr(0, 80) + "\"");
    PQclear(result);
    if (!ok) {
      if (own_transaction_) db_->Exec("ROLLBACK");
      own_transaction_ = false;
      return s;
    }
    cursor_open_ = true;
  }
  PGresult* result = PQexec(db_->conn(), ("FETCH 1000 FROM " + cursor_).c_str());
  if (PQresultStatus(result) != PGRES_TUPLES_OK) {
    Status s = db_->Error(result, "fetching \"" + sql_.substr(0, 80) + "\"");
    PQclear(result);
    return s;
  }
  result_ = result;
  row_ = -1;
  if (PQntuples(result_) == 0) {
    cursor_done_ = true;
    CloseCursor();
    return false;
  }
  ++row_;
  return true;
}

void PgStmt::CloseCursor() {
  if (cursor_open_) db_->Exec("CLOSE " + cursor_);
  if (own_transaction_) db_->Exec("COMMIT");
  cursor_open_ = own_transaction_ = false;
  if (!result_) cursor_done_ = false;
}

void NoNotices(void*, const char*) {}

}  // namespace

std::string RedactUrl(const std::string& url) {
  // postgresql://user:password@host -> postgresql://user:***@host
  size_t scheme = url.find("://");
  size_t at = url.find('@', scheme == std::string::npos ? 0 : scheme + 3);
  if (scheme == std::string::npos || at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

Result<std::unique_ptr<Db>> OpenPostgres(const std::string& url, const DbOptions& options) {
  std::string shown = RedactUrl(url);
  auto connect = [&](const char* dbname) {
    const char* keys[] = {"dbname", dbname ? "dbname" : nullptr, nullptr};
    const char* values[] = {url.c_str(), dbname, nullptr};
    return PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  };
  PGconn* conn = connect(nullptr);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    // A database that does not exist yet is created, as a new SQLite file is, from the server's
    // maintenance database.
    bool missing = message.find("does not exist") != std::string::npos;
    std::string dbname;
    if (PQconninfoOption* info = PQconninfoParse(url.c_str(), nullptr)) {
      for (PQconninfoOption* o = info; o->keyword; ++o)
        if (std::string(o->keyword) == "dbname" && o->val) dbname = o->val;
      PQconninfoFree(info);
    }
    if (!missing || options.read_only || !options.create || dbname.empty()) {
      while (!message.empty() && message.back() == '\n') message.pop_back();
      if (missing) return NotFound(shown + ": no such store (create one with `dragoman ingest INPUT --db " + shown + "`)");
      return IoError(shown + ": cannot open store: " + message);
    }
    PGconn* admin = connect("postgres");
    if (PQstatus(admin) == CONNECTION_OK) {
      std::string quoted = "\"";
      for (char c : dbname) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      quoted += '"';
      PQclear(PQexec(admin, ("CREATE DATABASE " + quoted).c_str()));  // a racing creator may win; fine
    }
    PQfinish(admin);
    conn = connect(nullptr);
    if (PQstatus(conn) != CONNECTION_OK) {
      message = PQerrorMessage(conn);
      PQfinish(conn);
      while (!message.empty() && message.back() == '\n') message.pop_back();
      return IoError(shown + ": cannot create store: " + message);
    }
  }
  PQsetNoticeProcessor(conn, NoNotices, nullptr);
  std::unique_ptr<Db> db(new PgDb(conn, shown));
  if (Status s = db->Exec("SET client_encoding = 'UTF8'"); !s.ok()) return s;
  if (options.read_only) {
    if (Status s = db->Exec("SET default_transaction_read_only = on"); !s.ok()) return s;
  }
  return db;
}

}  // namespace dragoman::store
