// The dashboard API's query parameters: any request target gets an answer (a 4xx with a message
// for bad ones), never a crash. The input is "path?query"; the store is an empty one.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "serve/server.h"
#include "store/event_store.h"

namespace {

dragoman::serve::Server* TheServer() {
  static dragoman::serve::Server* server = [] {
    std::string db = "/tmp/dragoman_fuzz_api_" + std::to_string(::getpid()) + ".db";
    std::filesystem::remove(db);
    { auto store = dragoman::store::EventStore::Open(db, {}); }
    dragoman::serve::ServerOptions options;
    options.db_path = db;
    options.port = 0;
    auto created = dragoman::serve::Server::Create(options);
    if (!created.ok()) __builtin_trap();
    return created.take().release();
  }();
  return server;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string target(reinterpret_cast<const char*>(data), size);
  size_t q = target.find('?');
  std::string path = "/api/" + target.substr(0, q);
  std::multimap<std::string, std::string> params;
  // name=value pairs split at '&' (the server hands the API its parameters decoded).
  if (q != std::string::npos) {
    std::string query = target.substr(q + 1);
    size_t start = 0;
    while (start <= query.size()) {
      size_t end = query.find('&', start);
      if (end == std::string::npos) end = query.size();
      std::string pair = query.substr(start, end - start);
      size_t eq = pair.find('=');
      params.emplace(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
      start = end + 1;
    }
  }
  dragoman::serve::Response r = TheServer()->HandleApi(path, params);
  if (r.status < 200 || r.status > 599) __builtin_trap();
  return 0;
}
