// SQLite behind store::Db: statements with typed binds, a cache of prepared statements, the
// schema version in PRAGMA user_version.
#include "store/sqlite.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>

namespace dragoman::store {
namespace {

class SqliteDb;

class SqliteStmt : public StmtImpl {
 public:
  SqliteStmt(SqliteDb* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStmt() override { sqlite3_finalize(stmt_); }

  void BindText(int index, std::string_view text) override {
    Check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  void BindInt(int index, int64_t value) override { Check(sqlite3_bind_int64(stmt_, index, value)); }
  void BindDouble(int index, double value) override { Check(sqlite3_bind_double(stmt_, index, value)); }
  void BindNull(int index) override { Check(sqlite3_bind_null(stmt_, index)); }

  Result<bool> Step() override {
    if (!bind_status_.ok()) return bind_status_;
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Error(rc);
  }
  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_status_ = Status::Ok();
  }
  int64_t Int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const override { return sqlite3_column_double(stmt_, column); }
  bool IsNull(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string Text(int column) const override {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    if (!text) return std::string();
    return std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt_, column));
  }

 private:
  void Check(int rc) {
    if (rc != SQLITE_OK && bind_status_.ok()) bind_status_ = Error(rc);
  }
  Status Error(int rc) const;

  SqliteDb* db_;
  sqlite3_stmt* stmt_;
  Status bind_status_;  // the first bind failure, reported by Step()
};

class SqliteDb : public Db {
 public:
  SqliteDb(sqlite3* db, std::string path) : Db(std::move(path)), db_(db) {}
  ~SqliteDb() override {
    cache_.clear();
    sqlite3_close(db_);
  }

  Engine engine() const override { return Engine::kSqlite; }

  // "path: what: message" for the connection's last error.
  Status LastError(int rc, std::string_view what) const {
    std::string message = path() + ": " + std::string(what) + ": " + sqlite3_errmsg(db_);
    int primary = rc & 0xff;
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return Corrupt(message);
    if (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_FULL ||
        primary == SQLITE_READONLY || primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
      return IoError(message);
    return Status(StatusCode::kInternal, message);
  }

  Status Exec(std::string_view sql) override {
    std::string copy(sql);
    char* error = nullptr;
    int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &error);
    if (rc == SQLITE_OK) return Status::Ok();
    sqlite3_free(error);  // the same text as sqlite3_errmsg(), which LastError reports
    return LastError(rc, "running \"" + copy.substr(0, 80) + "\"");
  }

  Result<Stmt> Prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) return LastError(rc, "preparing \"" + std::string(sql.substr(0, 80)) + "\"");
    return Stmt(new SqliteStmt(this, stmt), /*owned=*/true);
  }

  Result<Stmt> Cached(const std::string& sql) override {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      sqlite3_stmt* stmt = nullptr;
      int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                  &stmt, nullptr);
      if (rc != SQLITE_OK) return LastError(rc, "preparing \"" + sql.substr(0, 80) + "\"");
      it = cache_.emplace(sql, std::make_unique<SqliteStmt>(this, stmt)).first;
    }
    return Stmt(it->second.get(), /*owned=*/false);
  }

  // IMMEDIATE takes the write lock now, so a second writer waits here rather than failing later.
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }

  Result<int64_t> SchemaVersion() override { return QueryInt(*this, "PRAGMA user_version"); }
  Result<int64_t> ApplicationId() override { return QueryInt(*this, "PRAGMA application_id"); }
  Status SetSchemaVersion(int64_t version, int64_t application_id) override {
    return Exec("PRAGMA application_id = " + std::to_string(application_id) +
                "; PRAGMA user_version = " + std::to_string(version));
  }
  Result<bool> HasTables() override {
    Result<int64_t> tables = QueryInt(*this, "SELECT COUNT(*) FROM sqlite_master");
    if (!tables.ok()) return tables.status();
    return *tables > 0;
  }
  std::string SchemaSql(std::string_view sql) const override { return std::string(sql); }

  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_;
  std::map<std::string, std::unique_ptr<SqliteStmt>, std::less<>> cache_;
};

Status SqliteStmt::Error(int rc) const {
  const char* sql = sqlite3_sql(stmt_);
  std::string what = "running \"" + std::string(sql ? std::string_view(sql).substr(0, 80) : "") + "\"";
  return db_->LastError(rc, what);
}

}  // namespace

Result<std::unique_ptr<Db>> OpenSqliteFile(const std::string& path, int flags, const std::string& shown_path) {
  const std::string& name = shown_path.empty() ? path : shown_path;
  // No memory statistics: keeping them takes one process-wide mutex on every allocation SQLite
  // makes, which the server's request threads then queue on (a fifth of its time under load).
  // Only possible before SQLite starts; refused harmlessly when something else started it.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message =
        name + ": cannot open store: " + (handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
    sqlite3_close(handle);
    return IoError(message);
  }
  sqlite3_extended_result_codes(handle, 1);
  // A reader meeting a writer's lock waits a while instead of failing at once.
  sqlite3_busy_timeout(handle, 10000);
  return std::unique_ptr<Db>(new SqliteDb(handle, name));
}

namespace {

// A file: URI naming path, for the open options only a URI can give (mode=ro, immutable=1).
std::string FileUri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(c));
      uri += escaped;
    } else {
      uri += c;
    }
  }
  return uri;
}

bool Writable(const std::string& path) { return ::access(path.c_str(), W_OK) == 0; }

std::string FolderOf(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

// A store on read-only media, or whose file or folder this user may not write: opened without
// writing anything. First read-only (SQLite reads a WAL-mode file so when its -wal and -shm files
// are there); when that cannot read it, as immutable (no -shm needed, no locks taken: nothing can
// change a read-only medium).
Result<std::unique_ptr<Db>> OpenSqliteReadOnlyMedium(const std::string& path) {
  Status last;
  for (const char* mode : {"?mode=ro", "?immutable=1"}) {
    Result<std::unique_ptr<Db>> db = OpenSqliteFile(FileUri(path) + mode, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, path);
    if (!db.ok()) {
      last = db.status();
      continue;
    }
    Result<int64_t> tables = QueryInt(**db, "SELECT COUNT(*) FROM sqlite_master");
    if (tables.ok()) return db;
    last = tables.status();
  }
  return last;
}

}  // namespace

Result<std::unique_ptr<Db>> OpenSqlite(const std::string& path, const DbOptions& options) {
  if (!std::filesystem::exists(path) && (options.read_only || !options.create)) {
    return NotFound(path + ": no such store (create one with `dragoman ingest INPUT --db " + path + "`)");
  }
  if (options.read_only && !(Writable(path) && Writable(FolderOf(path)))) {
    Result<std::unique_ptr<Db>> db = OpenSqliteReadOnlyMedium(path);
    if (!db.ok()) return db.status();
    if (Status s = (*db)->Exec("PRAGMA query_only = ON"); !s.ok()) return s;
    return db;
  }
  // A reader opens read-write but sets query_only: a read-only connection cannot create the WAL
  // index a WAL-mode file needs, while query_only still refuses every write.
  int flags = SQLITE_OPEN_READWRITE | (options.read_only ? 0 : SQLITE_OPEN_CREATE);
  Result<std::unique_ptr<Db>> db = OpenSqliteFile(path, flags);
  if (!db.ok()) return db.status();
  if (options.read_only) {
    if (Status s = (*db)->Exec("PRAGMA query_only = ON"); !s.ok()) return s;
  } else {
    // SQLite opens a file it may not write read-only without a word; every write would then fail,
    // one article at a time. Refuse the store at once instead.
    if (sqlite3_db_readonly(static_cast<SqliteDb&>(**db).handle(), "main") == 1) {
      return IoError(path +
                     ": cannot write to the store: the file is read-only (its permissions, or a read-only "
                     "medium); `query` and `serve` can still read it");
    }
    // WAL: readers never block the writer, and a killed writer loses only uncommitted work.
    // synchronous=NORMAL keeps every committed transaction across a process kill (only a power
    // loss may drop the last ones), at far less cost than a sync per commit.
    if (Status s = (*db)->Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"); !s.ok()) {
      if (!Writable(FolderOf(path))) {
        return IoError(path + ": cannot write to the store: its folder " + FolderOf(path) +
                       " is not writable (a store keeps its -wal and -shm files beside it)");
      }
      return s;
    }
  }
  return db;
}

}  // namespace dragoman::store
