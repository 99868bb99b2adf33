// The SQLite engine of the store (see store/db.h): a file in WAL mode. Only src/store/ includes
// this header; tests of SQLite's own behaviour (the migrations of old files) use OpenFile.
#pragma once

#include <memory>
#include <string>

#include "store/db.h"

namespace dragoman::store {

// flags: SQLITE_OPEN_READONLY or SQLITE_OPEN_READWRITE [| SQLITE_OPEN_CREATE] [| SQLITE_OPEN_URI], as
// sqlite3_open_v2. shown_path: the name messages use (default: path).
Result<std::unique_ptr<Db>> OpenSqliteFile(const std::string& path, int flags, const std::string& shown_path = "");
// The same for DbOptions. A reader (read_only) also opens a store on read-only media, or one whose
// file or folder it may not write; a writer is refused at once when the file is read-only.
Result<std::unique_ptr<Db>> OpenSqlite(const std::string& path, const DbOptions& options);

}  // namespace dragoman::store
