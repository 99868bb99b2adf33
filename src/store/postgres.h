// The PostgreSQL engine of the store (see store/db.h), through libpq. The location is a libpq URL
// (postgresql://user@host:port/dbname?host=/socket/dir ...); a database that does not exist yet is
// created when the store may be written, as an SQLite file is.
#pragma once

#include <memory>
#include <string>

#include "store/db.h"

namespace dragoman::store {

Result<std::unique_ptr<Db>> OpenPostgres(const std::string& url, const DbOptions& options);

// The URL with any password replaced by "***", for messages.
std::string RedactUrl(const std::string& url);

}  // namespace dragoman::store
