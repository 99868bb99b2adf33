// The store's connection to its database engine, which it hides from everyone else: a connection
// (Db) with a cache of prepared statements, and statements (Stmt) with typed binds and column
// reads. Two engines implement it: SQLite (a file path; store/sqlite.cc) and PostgreSQL (a
// postgresql:// or postgres:// URL; store/postgres.cc). Every failure is a Status naming the
// database and the engine's message; nothing throws.
//
//   auto db = store::Db::Open("events.db", {.read_only = true});   // or "postgresql://host/events"
//   store::Stmt s = *(*db)->Cached("SELECT id FROM events WHERE source = ?1");
//   s.Bind(1, "CHN");
//   while (true) { Result<bool> row = s.Step(); if (!row.ok() || !*row) break; Use(s.Int(0)); }
//
// Statements are written once, in the SQL both engines share: parameters are ?N (or ?, numbered
// in order), which the PostgreSQL side rewrites to $N; what differs between the engines is asked
// of Dialect (below) by the queries in src/store/ only. A Db and its statements belong to one
// thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "dragoman/status.h"

namespace dragoman::store {

enum class Engine { kSqlite, kPostgres };

// True for a PostgreSQL URL (postgresql://... or postgres://...); anything else is an SQLite file.
bool IsPostgresUrl(std::string_view location);

// One engine's statement; Stmt is its handle.
class StmtImpl {
 public:
  virtual ~StmtImpl() = default;
  virtual void BindText(int index, std::string_view text) = 0;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindDouble(int index, double value) = 0;
  virtual void BindNull(int index) = 0;
  virtual Result<bool> Step() = 0;
  virtual void Reset() = 0;
  virtual int64_t Int(int column) const = 0;
  virtual double Double(int column) const = 0;
  virtual bool IsNull(int column) const = 0;
  virtual std::string Text(int column) const = 0;
};

// A prepared statement. Owned statements are freed on destruction; cached ones (from
// Db::Cached) are reset and their bindings cleared, so they can be used again.
class Stmt {
 public:
  Stmt() = default;
  Stmt(StmtImpl* impl, bool owned) : impl_(impl), owned_(owned) {}
  Stmt(Stmt&& other) noexcept { *this = std::move(other); }
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { Release(); }

  bool valid() const { return impl_ != nullptr; }

  // Binds are 1-based. Text is copied.
  Stmt& Bind(int index, std::string_view text) { impl_->BindText(index, text); return *this; }
  Stmt& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Stmt& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
  Stmt& Bind(int index, int64_t value) { impl_->BindInt(index, value); return *this; }
  Stmt& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Stmt& Bind(int index, size_t value) { return Bind(index, static_cast<int64_t>(value)); }
  Stmt& Bind(int index, double value) { impl_->BindDouble(index, value); return *this; }
  Stmt& Bind(int index, std::optional<double> value) { return value ? Bind(index, *value) : BindNull(index); }
  Stmt& BindNull(int index) { impl_->BindNull(index); return *this; }

  // Advances: true with a row to read, false when done. The first bind failure is reported here.
  Result<bool> Step() { return impl_->Step(); }
  // Steps to the end, for statements whose rows do not matter, then resets for reuse.
  Status Run();
  // Ends the current execution and clears the bindings, for reuse.
  void Reset() { impl_->Reset(); }

  int64_t Int(int column) const { return impl_->Int(column); }  // booleans read as 0 and 1
  double Double(int column) const { return impl_->Double(column); }
  bool IsNull(int column) const { return impl_->IsNull(column); }
  std::optional<double> OptionalDouble(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Double(column);
  }
  std::string Text(int column) const { return impl_->Text(column); }

 private:
  void Release();

  StmtImpl* impl_ = nullptr;
  bool owned_ = true;
};

struct DbOptions {
  bool read_only = false;  // refuse every write
  bool create = true;      // (SQLite, not read_only) create the file when it does not exist
};

class Db {
 public:
  // An SQLite file path or a PostgreSQL URL (see IsPostgresUrl).
  static Result<std::unique_ptr<Db>> Open(const std::string& location, const DbOptions& options);
  virtual ~Db() = default;

  virtual Engine engine() const = 0;
  // The file or the URL (without its password), for messages.
  const std::string& path() const { return path_; }

  // Runs one or more statements with no parameters.
  virtual Status Exec(std::string_view sql) = 0;
  // A new statement, freed when the Stmt goes.
  virtual Result<Stmt> Prepare(std::string_view sql) = 0;
  // A statement whose rows may be too many to hold at once (exports): SQLite steps through them
  // anyway; PostgreSQL reads them through a cursor, a thousand at a time. No other statement may
  // run on the connection until it is done.
  virtual Result<Stmt> PrepareStreaming(std::string_view sql) { return Prepare(sql); }
  // A statement prepared once per connection and reused; for the hot paths of ingest.
  virtual Result<Stmt> Cached(const std::string& sql) = 0;

  // Transactions. A write transaction holds the store's single writer lock from its start (SQLite:
  // BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock), so writers from several
  // processes or machines take turns, article by article, and never interleave.
  virtual Status BeginWrite() = 0;
  Status Commit() { return Exec("COMMIT"); }
  Status Rollback() { return Exec("ROLLBACK"); }

  // The schema version and the owner mark of the database (SQLite: PRAGMA user_version and
  // application_id; PostgreSQL: the table dragoman_schema), and whether it holds any table at all.
  virtual Result<int64_t> SchemaVersion() = 0;
  virtual Result<int64_t> ApplicationId() = 0;
  virtual Status SetSchemaVersion(int64_t version, int64_t application_id) = 0;
  virtual Result<bool> HasTables() = 0;
  // A migration's SQL (written in SQLite's words) as this engine runs it.
  virtual std::string SchemaSql(std::string_view sql) const = 0;

 protected:
  explicit Db(std::string path) : path_(std::move(path)) {}

 private:
  std::string path_;
};

// Runs sql (which yields one integer) and returns it; for counts.
Result<int64_t> QueryInt(Db& db, std::string_view sql);

// The pieces of SQL that differ between the engines, for the queries of src/store/.
struct Dialect {
  Engine engine;
  explicit Dialect(const Db& db) : engine(db.engine()) {}

  bool postgres() const { return engine == Engine::kPostgres; }
  // "column matches ?" for a code prefix, with the argument PrefixArgument makes.
  std::string PrefixMatch(const std::string& column) const;
  std::string PrefixArgument(const std::string& code) const;
  // The bytes [begin, end) of a text column as text (spans are byte offsets).
  std::string ByteSlice(const std::string& column, const std::string& begin, const std::string& end) const;
  // The same bytes as text to compare (PostgreSQL: they must be whole UTF-8 characters).
  std::string TextSlice(const std::string& column, const std::string& begin, const std::string& end) const;
  std::string ByteLength(const std::string& column) const;
  // True when the column starts with a full YYYY-MM-DD date.
  std::string IsFullDate(const std::string& column) const;
  // The Monday of a YYYY-MM-DD date's week, as YYYY-MM-DD.
  std::string WeekStart(const std::string& date) const;
  // Case-insensitive (ASCII) LIKE with '\' as the escape.
  std::string ILike() const { return postgres() ? "ILIKE" : "LIKE"; }
  // The smaller and larger of two values.
  std::string Least(const std::string& a, const std::string& b) const;
  std::string Greatest(const std::string& a, const std::string& b) const;
  // The current UTC time as 2022-05-20T12:00:00Z.
  std::string NowUtc() const;
};

}  // namespace dragoman::store
