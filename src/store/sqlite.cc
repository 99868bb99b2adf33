#include "store/sqlite.h"

namespace dragoman::store {

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    Release();
    db_ = other.db_;
    stmt_ = other.stmt_;
    owned_ = other.owned_;
    bind_status_ = std::move(other.bind_status_);
    other.stmt_ = nullptr;
  }
  return *this;
}

void Stmt::Release() {
  if (!stmt_) return;
  if (owned_) {
    sqlite3_finalize(stmt_);
  } else {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  stmt_ = nullptr;
}

Status Stmt::Error(int rc) const {
  const char* sql = sqlite3_sql(stmt_);
  std::string what = "running \"" + std::string(sql ? std::string_view(sql).substr(0, 80) : "") + "\"";
  return db_->LastError(rc, what);
}

Stmt& Stmt::Bind(int index, std::string_view text) {
  int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_status_.ok()) bind_status_ = Error(rc);
  return *this;
}

Stmt& Stmt::Bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_status_.ok()) bind_status_ = Error(rc);
  return *this;
}

Stmt& Stmt::Bind(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK && bind_status_.ok()) bind_status_ = Error(rc);
  return *this;
}

Stmt& Stmt::Bind(int index, std::optional<double> value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Stmt& Stmt::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_status_.ok()) bind_status_ = Error(rc);
  return *this;
}

Result<bool> Stmt::Step() {
  if (!bind_status_.ok()) return bind_status_;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Error(rc);
}

Status Stmt::Run() {
  while (true) {
    Result<bool> row = Step();
    if (!row.ok() || !*row) {
      Reset();
      return row.ok() ? Status::Ok() : row.status();
    }
  }
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_status_ = Status::Ok();
}

std::string Stmt::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (!text) return std::string();
  return std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt_, column));
}

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, int flags) {
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message =
        path + ": cannot open store: " + (handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
    sqlite3_close(handle);
    return IoError(message);
  }
  sqlite3_extended_result_codes(handle, 1);
  // A reader meeting a writer's lock waits a while instead of failing at once.
  sqlite3_busy_timeout(handle, 10000);
  return std::unique_ptr<Db>(new Db(handle, path));
}

Db::~Db() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Status Db::LastError(int rc, std::string_view what) const {
  std::string message = path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_);
  int primary = rc & 0xff;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return Corrupt(message);
  if (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_FULL ||
      primary == SQLITE_READONLY || primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return IoError(message);
  return Status(StatusCode::kInternal, message);
}

Status Db::Exec(std::string_view sql) {
  std::string copy(sql);
  char* error = nullptr;
  int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  sqlite3_free(error);  // the same text as sqlite3_errmsg(), which LastError reports
  return LastError(rc, "running \"" + copy.substr(0, 80) + "\"");
}

Result<Stmt> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return LastError(rc, "preparing \"" + std::string(sql.substr(0, 80)) + "\"");
  return Stmt(this, stmt, /*owned=*/true);
}

Result<Stmt> Db::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                &stmt, nullptr);
    if (rc != SQLITE_OK) return LastError(rc, "preparing \"" + sql.substr(0, 80) + "\"");
    it = cache_.emplace(sql, stmt).first;
  }
  return Stmt(this, it->second, /*owned=*/false);
}

Result<int64_t> QueryInt(Db& db, std::string_view sql) {
  Result<Stmt> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return int64_t{0};
  return stmt->Int(0);
}

}  // namespace dragoman::store
