// A thin RAII layer over the SQLite C API: a connection (Db) with a cache of prepared statements,
// and statements (Stmt) with typed binds and column reads. Every failure is a Status naming the
// database file and SQLite's message; nothing throws.
//
//   auto db = store::Db::Open("events.db", SQLITE_OPEN_READONLY);
//   store::Stmt s = (*db)->Cached("SELECT id FROM events WHERE source = ?");
//   s.Bind(1, "CHN");
//   while (true) { Result<bool> row = s.Step(); if (!row.ok() || !*row) break; Use(s.Int(0)); }
//
// A Db and its statements belong to one thread at a time.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "dragoman/status.h"

namespace dragoman::store {

class Db;

// A prepared statement. Owned statements are finalized on destruction; cached ones (from
// Db::Cached) are reset and their bindings cleared, so they can be used again.
class Stmt {
 public:
  Stmt() = default;
  Stmt(Db* db, sqlite3_stmt* stmt, bool owned) : db_(db), stmt_(stmt), owned_(owned) {}
  Stmt(Stmt&& other) noexcept { *this = std::move(other); }
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { Release(); }

  bool valid() const { return stmt_ != nullptr; }

  // Binds are 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT).
  Stmt& Bind(int index, std::string_view text);
  Stmt& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Stmt& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Stmt& Bind(int index, size_t value) { return Bind(index, static_cast<int64_t>(value)); }
  Stmt& Bind(int index, double value);
  Stmt& Bind(int index, std::optional<double> value);
  Stmt& BindNull(int index);

  // Advances: true with a row to read, false when done.
  Result<bool> Step();
  // Steps to the end, for statements that return no rows (or whose rows do not matter), then
  // resets the statement so it can be bound and run again.
  Status Run();
  // Ends the current execution and clears the bindings, for reuse.
  void Reset();

  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::optional<double> OptionalDouble(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Double(column);
  }
  std::string Text(int column) const;

 private:
  void Release();
  Status Error(int rc) const;

  Db* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  bool owned_ = true;
  Status bind_status_;  // the first bind failure, reported by Step()
};

class Db {
 public:
  // flags: SQLITE_OPEN_READONLY or SQLITE_OPEN_READWRITE [| SQLITE_OPEN_CREATE].
  static Result<std::unique_ptr<Db>> Open(const std::string& path, int flags);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more statements with no parameters.
  Status Exec(std::string_view sql);
  // A new statement, finalized when the Stmt goes.
  Result<Stmt> Prepare(std::string_view sql);
  // A statement prepared once per connection and reused; for the hot paths of ingest.
  Result<Stmt> Cached(const std::string& sql);

  // "path: message" for the connection's last error.
  Status LastError(int rc, std::string_view what) const;

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  sqlite3* db_;
  std::string path_;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

// Runs sql (which yields one integer) and returns it; for PRAGMAs and counts.
Result<int64_t> QueryInt(Db& db, std::string_view sql);

}  // namespace dragoman::store
