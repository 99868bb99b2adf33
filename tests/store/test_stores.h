// Where the store tests put their stores: SQLite files under the build folder, or, when
// DRAGOMAN_TEST_PG_HOST names the socket folder of a running PostgreSQL server (the throwaway
// cluster tests/store/pg_cluster.sh starts for ctest), one new database per store on it. The
// suite runs once per engine (see tests/CMakeLists.txt).
#pragma once

#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace dragoman::test_stores {

inline std::string PgHost() {
  const char* host = std::getenv("DRAGOMAN_TEST_PG_HOST");
  return host ? host : "";
}
inline std::string PgPort() {
  const char* port = std::getenv("DRAGOMAN_TEST_PG_PORT");
  return port ? port : "5432";
}
inline bool OnPostgres() { return !PgHost().empty(); }

// Why the tests cannot run here ("" when they can).
inline std::string SkipReason() {
  if (!OnPostgres()) return "";
  if (!std::filesystem::exists(PgHost() + "/.s.PGSQL." + PgPort()))
    return "no PostgreSQL server at " + PgHost() +
           " (tests/store/pg_cluster.sh found no server binaries: install Debian's postgresql)";
  return "";
}

// A URL of a PostgreSQL database on the test server.
inline std::string PgUrl(const std::string& dbname) {
  return "postgresql://postgres@/" + dbname + "?host=" + PgHost() + "&port=" + PgPort();
}

// A fresh, empty store named after the test and this process (ctest runs tests in parallel).
inline std::string FreshStore(const std::string& folder, const std::string& name) {
  std::string unique = name + "_" + std::to_string(::getpid());
  if (OnPostgres()) {
    std::string dbname = "dragoman_test_" + folder + "_" + unique;
    PGconn* admin = PQconnectdb(PgUrl("postgres").c_str());
    PQsetNoticeProcessor(admin, [](void*, const char*) {}, nullptr);
    if (PQstatus(admin) == CONNECTION_OK) PQclear(PQexec(admin, ("DROP DATABASE IF EXISTS " + dbname).c_str()));
    PQfinish(admin);
    return PgUrl(dbname);
  }
  std::filesystem::path dir = std::filesystem::path(DRAGOMAN_BINARY_DIR) / "test_tmp" / folder;
  std::filesystem::create_directories(dir);
  std::string path = (dir / (unique + ".db")).string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

}  // namespace dragoman::test_stores
