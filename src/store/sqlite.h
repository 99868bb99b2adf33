// The SQLite engine of the store (see store/db.h): a file in WAL mode. Only src/store/ includes
// this header; tests of SQLite's own behaviour (the migrations of old files) use OpenFile.
#pragma once

#include <memory>
#include <string>

#include "store/db.h"

namespace dragoman::store {

// flags: SQLITE_OPEN_READONLY or SQLITE_OPEN_READWRITE [| SQLITE_OPEN_CREATE], as sqlite3_open_v2.
Result<std::unique_ptr<Db>> OpenSqliteFile(const std::string& path, int flags);
// The same for DbOptions.
Result<std::unique_ptr<Db>> OpenSqlite(const std::string& path, const DbOptions& options);

}  // namespace dragoman::store
