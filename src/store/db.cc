#include "store/db.h"

#include "store/postgres.h"
#include "store/sqlite.h"

namespace dragoman::store {

bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    Release();
    impl_ = other.impl_;
    owned_ = other.owned_;
    other.impl_ = nullptr;
  }
  return *this;
}

void Stmt::Release() {
  if (!impl_) return;
  if (owned_) {
    delete impl_;
  } else {
    impl_->Reset();
  }
  impl_ = nullptr;
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

Result<std::unique_ptr<Db>> Db::Open(const std::string& location, const DbOptions& options) {
  if (IsPostgresUrl(location)) return OpenPostgres(location, options);
  return OpenSqlite(location, options);
}

Result<int64_t> QueryInt(Db& db, std::string_view sql) {
  Result<Stmt> stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return int64_t{0};
  return stmt->Int(0);
}

std::string Dialect::PrefixMatch(const std::string& column) const {
  // Both use the column's index for a constant prefix (PostgreSQL's columns collate as "C").
  return column + (postgres() ? " LIKE ?" : " GLOB ?");
}

// Codes are letters and digits only (NormalizeActor), so neither GLOB nor LIKE sees a wildcard.
std::string Dialect::PrefixArgument(const std::string& code) const { return code + (postgres() ? "%" : "*"); }

std::string Dialect::ByteSlice(const std::string& column, const std::string& begin, const std::string& end) const {
  // PostgreSQL yields bytea here, which its Stmt::Text reads back as the raw bytes, as SQLite's
  // BLOB-to-TEXT cast does: a span that cuts a character in two still reads.
  if (postgres()) {
    return "substring(convert_to(" + column + ", 'UTF8') from CAST((" + begin + ") + 1 AS INTEGER) for CAST(GREATEST((" +
           end + ") - (" + begin + "), 0) AS INTEGER))";
  }
  return "CAST(substr(CAST(" + column + " AS BLOB), (" + begin + ") + 1, (" + end + ") - (" + begin +
         ")) AS TEXT)";
}

std::string Dialect::TextSlice(const std::string& column, const std::string& begin, const std::string& end) const {
  if (postgres()) return "convert_from(" + ByteSlice(column, begin, end) + ", 'UTF8')";
  return ByteSlice(column, begin, end);
}

std::string Dialect::ByteLength(const std::string& column) const {
  return postgres() ? "octet_length(" + column + ")" : "length(CAST(" + column + " AS BLOB))";
}

std::string Dialect::IsFullDate(const std::string& column) const {
  return postgres() ? column + " ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'"
                    : column + " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'";
}

std::string Dialect::WeekStart(const std::string& date) const {
  // SQLite: forward to Sunday (or stay), then back six days. PostgreSQL: ISO weeks start on Monday.
  return postgres() ? "to_char(date_trunc('week', CAST(" + date + " AS date)), 'YYYY-MM-DD')"
                    : "date(" + date + ", 'weekday 0', '-6 days')";
}

std::string Dialect::Least(const std::string& a, const std::string& b) const {
  return (postgres() ? "LEAST(" : "min(") + a + ", " + b + ")";
}
std::string Dialect::Greatest(const std::string& a, const std::string& b) const {
  return (postgres() ? "GREATEST(" : "max(") + a + ", " + b + ")";
}

std::string Dialect::NowUtc() const {
  return postgres() ? "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                    : "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
}

}  // namespace dragoman::store
