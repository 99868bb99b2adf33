// The dashboard server: a read-only JSON API over an event store and the dashboard page, whose
// files (data/web/) are built into the binary; nothing is read from disk but the store.
//
//   serve::ServerOptions options;
//   options.db_path = "events.db";
//   auto server = serve::Server::Create(options);       // opens the store and binds the port
//   if (!server.ok()) { std::cerr << server.status().message(); return 1; }
//   (*server)->Run();                                    // until Stop() from another thread
//
// API (GET only; every answer is JSON; a bad parameter is a 400 with {"error": message}):
//   /api/summary                    store counts, the most active actors and dyads
//   /api/events?a=CHN&b=KAZ&root=05&quad=1,2&from=2022-01&to=2022-12&text=..&limit=100&offset=0
//               (also source, target, actor, code, article, order=date|mentions)
//   /api/timeline?a=CHN&b=KAZ&by=day|week|month|year (also directed=1, from, to, root)
//   /api/mentions?event=ID          the event and the sentences behind it
//   /api/article?id=ID&mention=ID   the article text in pieces, the mention's words marked
//   /api/actors?from=&to=&limit=&country=1
//   /api/chart?(the filters of /api/events)&by=month   the filtered events per period (the chart)
//   /api/places?(the filters of /api/events)           located events per country and city (the map)
//   /api/export?(the filters of /api/events)&format=csv|tsv|json|jsonl|gdelt|gdelt-mentions|plover
//               every matching row, streamed as a download (no row limit)
// /api/events rows have the fields of `dragoman query events` and `export` (src/output/row.h).
//
// Safety: the port is never shared (no SO_REUSEPORT); requests whose Host header names another
// host are refused (421), and so are multi-range requests (416); /api/article leaves out where the
// record was read on the server. The store is opened query-only; all SQL is parameterized; request targets are capped
// at 2 KiB, bodies refused, list results capped at kMaxApiLimit rows; only the embedded files
// are served, by exact name, so no path can reach the file system.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/status.h"

namespace dragoman::serve {

inline constexpr size_t kMaxApiLimit = 1000;

struct ServerOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port())
  int threads = 0;  // request threads; 0: one per core (see RequestThreads)
  // Host-header names the server answers to besides its bound address (and, bound to loopback,
  // localhost, 127.0.0.1 and ::1). Other names get 421: a DNS-rebinding page cannot read the API.
  std::vector<std::string> allowed_hosts;
  // A client must send a request's line and headers within this many seconds of connecting (or
  // of its previous answer); one that trickles them ("slowloris") is disconnected.
  int header_deadline_seconds = 10;
};

// Whether a request with this Host header is for this server (see ServerOptions::allowed_hosts).
bool HostAllowed(const ServerOptions& options, std::string_view host_header);
// The request threads a server with ServerOptions::threads = requested runs: requested, or one
// per core when it is 0.
int RequestThreads(int requested);
// Whether a Range header asks for more than one range (refused with 416).
bool IsMultiRange(std::string_view range_header);

// An HTTP answer, for the API's handlers and their tests.
struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
};

class Server {
 public:
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();

  int port() const;
  // Serves until Stop(); false when the server could not run.
  bool Run();
  // Thread-safe; Run() returns soon after.
  void Stop();

  // The API's answer to GET path?params (path starts with "/api/"), without HTTP.
  Response HandleApi(const std::string& path, const std::multimap<std::string, std::string>& params);
  // An embedded dashboard file by its URL path ("/", "/app.js"), or 404.
  static Response HandleStatic(const std::string& path);

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dragoman::serve
