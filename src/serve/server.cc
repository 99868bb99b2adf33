#include "serve/server.h"

// A real listen backlog: cpp-httplib's default of 5 drops connections under load.
#define CPPHTTPLIB_LISTEN_BACKLOG 1024
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <charconv>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <vector>

#include "output/row_writer.h"
#include "resources/external_data.h"
#include "resources/resources.h"
#include "store/event_store.h"
#include "store/query.h"

namespace dragoman::serve {
namespace {

constexpr size_t kMaxTarget = 2048;     // request line target (path and query), bytes
constexpr size_t kMaxParamValue = 200;  // one parameter value, bytes

Response Json(int status, const nlohmann::json& body) {
  return {status, "application/json; charset=utf-8", store::DumpJson(body)};
}
Response Error(int status, const std::string& message) { return Json(status, {{"error", message}}); }
Response ErrorFrom(const Status& s) {
  int code = s.code() == StatusCode::kInvalidInput ? 400 : s.code() == StatusCode::kNotFound ? 404 : 500;
  return Error(code, s.message());
}

// Query parameters checked against the names an endpoint takes: an unknown or repeated name, or
// an overlong value, is refused rather than ignored, so a typo never silently widens a query.
class Params {
 public:
  Params(const std::multimap<std::string, std::string>& params, std::initializer_list<const char*> allowed) {
    std::set<std::string> names(allowed.begin(), allowed.end());
    for (const auto& [name, value] : params) {
      if (!names.count(name)) {
        status_ = InvalidInput("unknown parameter \"" + name.substr(0, 40) +
                               "\"; this endpoint takes: " + Join(names));
        return;
      }
      if (values_.count(name)) {
        status_ = InvalidInput("parameter \"" + name + "\" given twice");
        return;
      }
      if (value.size() > kMaxParamValue) {
        status_ = InvalidInput("parameter \"" + name + "\" is longer than " + std::to_string(kMaxParamValue) +
                               " bytes");
        return;
      }
      values_[name] = value;
    }
  }
  const Status& status() const { return status_; }
  std::string Get(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::string() : it->second;
  }
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  // An integer in [min, max]; fallback when absent.
  Result<int64_t> Int(const std::string& name, int64_t fallback, int64_t min, int64_t max) const {
    if (!Has(name)) return fallback;
    const std::string& v = values_.at(name);
    int64_t value = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || end != v.data() + v.size() || value < min || value > max) {
      return InvalidInput(name + " \"" + v.substr(0, 40) + "\": expected an integer from " +
                          std::to_string(min) + " to " + std::to_string(max));
    }
    return value;
  }
  Result<bool> Flag(const std::string& name) const {
    std::string v = Get(name);
    if (v.empty() || v == "0" || v == "false") return false;
    if (v == "1" || v == "true") return true;
    return InvalidInput(name + " \"" + v.substr(0, 40) + "\": expected 1 or 0");
  }

 private:
  static std::string Join(const std::set<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  }
  std::map<std::string, std::string> values_;
  Status status_;
};

// An ostream buffer that hands every 64 KiB to an HTTP chunked response, so an export streams.
class SinkBuffer : public std::streambuf {
 public:
  explicit SinkBuffer(httplib::DataSink& sink) : sink_(sink), buffer_(1 << 16) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  ~SinkBuffer() override { sync(); }
  int sync() override {
    std::ptrdiff_t n = pptr() - pbase();
    if (n > 0 && !sink_.write(pbase(), static_cast<size_t>(n))) return -1;
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return 0;
  }
  int overflow(int c) override {
    if (sync() != 0) return traits_type::eof();
    if (c != traits_type::eof()) sputc(static_cast<char>(c));
    return traits_type::not_eof(c);
  }

 private:
  httplib::DataSink& sink_;
  std::vector<char> buffer_;
};

const char* ContentType(const std::string& name) {
  auto ends = [&](const char* ext) { return name.size() >= std::strlen(ext) && name.ends_with(ext); };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

// The listening socket's options: SO_REUSEADDR only (cpp-httplib's default adds SO_REUSEPORT,
// which lets a second server bind the same port and take half of its requests).
void ExclusivePortOptions(socket_t sock) {
  int yes = 1;
  ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

// "example.org:8080" -> "example.org"; "[::1]:8080" -> "::1". Lower-cased.
std::string HostName(std::string_view host) {
  std::string out;
  if (!host.empty() && host.front() == '[') {
    size_t close = host.find(']');
    out = std::string(host.substr(1, close == std::string_view::npos ? host.size() - 1 : close - 1));
  } else {
    out = std::string(host.substr(0, host.find(':')));
  }
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace

bool HostAllowed(const ServerOptions& options, std::string_view host_header) {
  std::string name = HostName(host_header);
  for (const std::string& allowed : options.allowed_hosts) {
    if (HostName(allowed) == name) return true;
  }
  std::string bound = HostName(options.host);
  if (bound == "0.0.0.0" || bound == "::") return options.allowed_hosts.empty();  // every address: any name
  if (name == bound) return true;
  // A loopback server answers to the loopback names; a rebinding page's name is none of them.
  return IsLoopback(bound) && (name == "localhost" || name == "127.0.0.1" || name == "::1");
}

bool IsMultiRange(std::string_view range_header) {
  return range_header.find(',') != std::string_view::npos;
}

struct Server::Impl {
  ServerOptions options;
  httplib::Server http;
  int port = 0;

  // Query-only connections, one per concurrent request, reused.
  std::mutex pool_mutex;
  std::vector<std::unique_ptr<store::EventStore>> pool;

  Result<std::unique_ptr<store::EventStore>> Acquire() {
    {
      std::lock_guard<std::mutex> lock(pool_mutex);
      if (!pool.empty()) {
        std::unique_ptr<store::EventStore> s = std::move(pool.back());
        pool.pop_back();
        return s;
      }
    }
    store::OpenOptions open;
    open.read_only = true;
    return store::EventStore::Open(options.db_path, open);
  }
  void Release(std::unique_ptr<store::EventStore> s) {
    std::lock_guard<std::mutex> lock(pool_mutex);
    pool.push_back(std::move(s));
  }

  Response Summary(store::Db& db, const Params& p);
  Response Events(store::Db& db, const Params& p);
  Response Chart(store::Db& db, const Params& p);
  Response Places(store::Db& db, const Params& p);
  Response Timeline(store::Db& db, const Params& p);
  Response Mentions(store::Db& db, const Params& p);
  Response Article(store::Db& db, const Params& p);
  Response Actors(store::Db& db, const Params& p);
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

int Server::port() const { return impl_->port; }
bool Server::Run() { return impl_->http.listen_after_bind(); }
void Server::Stop() { impl_->http.stop(); }

Response Server::HandleStatic(const std::string& path) {
  std::string name = path == "/" ? "index.html" : path.substr(1);
  // Exact names of embedded files only: "..", "%2e" or "/etc/passwd" are simply not among them.
  for (const resources::Resource& r : resources::WithPrefix("data/web/")) {
    if (r.name.substr(std::string_view("data/web/").size()) == name) {
      return {200, ContentType(name), std::string(r.bytes)};
    }
  }
  // The world map, converted at build time from npm's world-atlas (build/external/world.json),
  // read once; the dashboard draws it without it, saying so, when the build made none.
  if (name == "world.json") {
    static const std::string kWorld = [] {
      std::string path = resources::ExternalDataFile("world.json");
      std::ifstream in(path, std::ios::binary);
      return path.empty() || !in ? std::string() : std::string(std::istreambuf_iterator<char>(in), {});
    }();
    if (!kWorld.empty()) return {200, ContentType(name), kWorld};
  }
  return {404, "text/plain; charset=utf-8", "not found\n"};
}

Response Server::HandleApi(const std::string& path, const std::multimap<std::string, std::string>& params) {
  using Handler = Response (Impl::*)(store::Db&, const Params&);
  struct Endpoint {
    const char* path;
    Handler handler;
    std::initializer_list<const char*> params;
  };
  static const Endpoint kEndpoints[] = {
      {"/api/summary", &Impl::Summary, {"limit"}},
      {"/api/events",
       &Impl::Events,
       {"source", "target", "a", "b", "actor", "root", "code", "quad", "from", "to", "text", "article",
        "limit", "offset", "order"}},
      {"/api/chart",
       &Impl::Chart,
       {"source", "target", "a", "b", "actor", "root", "code", "quad", "from", "to", "text", "article", "order",
        "by"}},
      {"/api/places",
       &Impl::Places,
       {"source", "target", "a", "b", "actor", "root", "code", "quad", "from", "to", "text", "article", "order"}},
      {"/api/timeline", &Impl::Timeline, {"a", "b", "by", "directed", "from", "to", "root"}},
      {"/api/mentions", &Impl::Mentions, {"event", "limit"}},
      {"/api/article", &Impl::Article, {"id", "mention"}},
      {"/api/actors", &Impl::Actors, {"from", "to", "limit", "country"}},
  };
  for (const Endpoint& e : kEndpoints) {
    if (path != e.path) continue;
    Params p(params, e.params);
    if (!p.status().ok()) return ErrorFrom(p.status());
    Result<std::unique_ptr<store::EventStore>> s = impl_->Acquire();
    if (!s.ok()) return ErrorFrom(s.status());
    std::unique_ptr<store::EventStore> store = s.take();
    Response r = ((*impl_).*(e.handler))(store->db(), p);
    impl_->Release(std::move(store));
    return r;
  }
  return Error(404, "no API endpoint " + path.substr(0, 80));
}

Response Server::Impl::Summary(store::Db& db, const Params& p) {
  Result<int64_t> limit = p.Int("limit", 12, 1, kMaxApiLimit);
  if (!limit.ok()) return ErrorFrom(limit.status());
  nlohmann::json stats;
  for (auto [name, sql] : {std::pair{"articles", "SELECT COUNT(*) FROM articles"},
                           std::pair{"events", "SELECT COUNT(*) FROM events"},
                           std::pair{"mentions", "SELECT COUNT(*) FROM mentions"},
                           std::pair{"errors", "SELECT COUNT(*) FROM errors"}}) {
    Result<int64_t> n = store::QueryInt(db, sql);
    if (!n.ok()) return ErrorFrom(n.status());
    stats[name] = *n;
  }
  Result<store::Stmt> range = db.Prepare("SELECT MIN(date), MAX(date) FROM events WHERE date <> ''");
  if (!range.ok()) return ErrorFrom(range.status());
  if (Result<bool> row = range->Step(); row.ok() && *row) {
    stats["first_date"] = range->Text(0);
    stats["last_date"] = range->Text(1);
  }
  store::ActivityQuery q;
  q.limit = static_cast<size_t>(*limit);
  q.prefix = 3;
  auto actors = store::QueryActors(db, q);
  if (!actors.ok()) return ErrorFrom(actors.status());
  auto dyads = store::QueryDyads(db, q);
  if (!dyads.ok()) return ErrorFrom(dyads.status());
  nlohmann::json a = nlohmann::json::array(), d = nlohmann::json::array();
  for (const auto& r : *actors) a.push_back(store::ToJson(r));
  for (const auto& r : *dyads) d.push_back(store::ToJson(r));
  return Json(200, {{"stats", stats}, {"actors", a}, {"dyads", d}});
}

// The event filters every list endpoint takes (events, chart, places, export), checked.
static Result<store::EventFilter> FilterFrom(const Params& p) {
  store::EventFilter f;
  f.source = p.Get("source");
  f.target = p.Get("target");
  f.actor = p.Get("actor");
  f.dyad_a = p.Get("a");
  f.dyad_b = p.Get("b");
  // One actor given as a alone: its events in either role.
  if (!f.dyad_a.empty() && f.dyad_b.empty()) {
    if (!f.actor.empty()) return InvalidInput("a without b: give either a and b (a dyad) or actor");
    f.actor = f.dyad_a;
    f.dyad_a.clear();
  }
  if (f.dyad_a.empty() && !f.dyad_b.empty()) return InvalidInput("b without a: a dyad needs both a and b");
  f.root = p.Get("root");
  f.code = p.Get("code");
  std::string quads = p.Get("quad");
  for (size_t i = 0; i < quads.size(); ++i) {
    char c = quads[i];
    if (c == ',') continue;
    if (c < '1' || c > '4' || (i + 1 < quads.size() && quads[i + 1] != ',')) {
      return InvalidInput("quad \"" + quads.substr(0, 40) + "\": expected quad classes 1 to 4, comma-separated");
    }
    f.quad_classes.push_back(c - '0');
  }
  f.from = p.Get("from");
  f.to = p.Get("to");
  f.text = p.Get("text");
  f.article_id = p.Get("article");
  std::string order = p.Get("order");
  if (!order.empty() && order != "date" && order != "mentions") {
    return InvalidInput("order \"" + order.substr(0, 40) + "\": expected date or mentions");
  }
  f.by_mentions = order == "mentions";
  if (Status s = store::NormalizeFilter(&f, ""); !s.ok()) return s;
  return f;
}

Response Server::Impl::Events(store::Db& db, const Params& p) {
  Result<store::EventFilter> filter = FilterFrom(p);
  if (!filter.ok()) return ErrorFrom(filter.status());
  store::EventFilter f = filter.take();
  Result<int64_t> limit = p.Int("limit", 100, 1, kMaxApiLimit);
  if (!limit.ok()) return ErrorFrom(limit.status());
  Result<int64_t> offset = p.Int("offset", 0, 0, 1000000000);
  if (!offset.ok()) return ErrorFrom(offset.status());
  f.limit = static_cast<size_t>(*limit);
  f.offset = static_cast<size_t>(*offset);
  // The rows of `query events` and `export` (src/output/row.h), so every consumer sees one schema.
  nlohmann::json events = nlohmann::json::array();
  Status s = store::ForEachEventRow(db, f, [&](const output::EventRow& row) {
    events.push_back(output::RowToJson(row));
    return true;
  });
  if (!s.ok()) return ErrorFrom(s);
  auto total = store::CountEvents(db, f);
  if (!total.ok()) return ErrorFrom(total.status());
  return Json(200, {{"total", *total}, {"offset", f.offset}, {"limit", f.limit}, {"events", events}});
}

Response Server::Impl::Chart(store::Db& db, const Params& p) {
  Result<store::EventFilter> filter = FilterFrom(p);
  if (!filter.ok()) return ErrorFrom(filter.status());
  Result<store::Period> by = store::ParsePeriod(p.Has("by") ? p.Get("by") : "month");
  if (!by.ok()) return ErrorFrom(by.status());
  auto rows = store::QueryFilteredTimeline(db, *filter, *by);
  if (!rows.ok()) return ErrorFrom(rows.status());
  nlohmann::json periods = nlohmann::json::array();
  for (const auto& r : *rows) periods.push_back(store::ToJson(r));
  return Json(200, {{"by", p.Has("by") ? p.Get("by") : "month"}, {"periods", periods}});
}

Response Server::Impl::Places(store::Db& db, const Params& p) {
  Result<store::EventFilter> filter = FilterFrom(p);
  if (!filter.ok()) return ErrorFrom(filter.status());
  auto rows = store::QueryPlaces(db, *filter);
  if (!rows.ok()) return ErrorFrom(rows.status());
  nlohmann::json countries = nlohmann::json::array(), cities = nlohmann::json::array();
  for (const auto& r : *rows) (r.type == 4 ? cities : countries).push_back(store::ToJson(r));
  return Json(200, {{"countries", countries}, {"cities", cities}});
}

Response Server::Impl::Timeline(store::Db& db, const Params& p) {
  store::TimelineQuery q;
  q.a = p.Get("a");
  q.b = p.Get("b");
  if (Status s = store::NormalizeActor(&q.a, "a"); !s.ok()) return ErrorFrom(s);
  if (!q.b.empty()) {
    if (Status s = store::NormalizeActor(&q.b, "b"); !s.ok()) return ErrorFrom(s);
  }
  Result<store::Period> by = store::ParsePeriod(p.Has("by") ? p.Get("by") : "month");
  if (!by.ok()) return ErrorFrom(by.status());
  q.by = *by;
  Result<bool> directed = p.Flag("directed");
  if (!directed.ok()) return ErrorFrom(directed.status());
  q.directed = *directed;
  q.from = p.Get("from");
  q.to = p.Get("to");
  for (auto [value, name] : {std::pair{&q.from, "from"}, std::pair{&q.to, "to"}}) {
    if (value->empty()) continue;
    if (Status s = store::CheckDate(*value, name); !s.ok()) return ErrorFrom(s);
  }
  q.root = p.Get("root");
  if (!q.root.empty() && !(q.root.size() == 2 && std::isdigit(static_cast<unsigned char>(q.root[0])) &&
                           std::isdigit(static_cast<unsigned char>(q.root[1])))) {
    return Error(400,
                 "root \"" + q.root.substr(0, 40) + "\": expected a two-digit CAMEO root such as \"05\"");
  }
  auto rows = store::QueryTimeline(db, q);
  if (!rows.ok()) return ErrorFrom(rows.status());
  nlohmann::json periods = nlohmann::json::array();
  for (const auto& r : *rows) periods.push_back(store::ToJson(r));
  return Json(200,
              {{"a", q.a}, {"b", q.b}, {"by", p.Has("by") ? p.Get("by") : "month"}, {"periods", periods}});
}

Response Server::Impl::Mentions(store::Db& db, const Params& p) {
  if (!p.Has("event")) return Error(400, "event: required (an event id)");
  Result<int64_t> id = p.Int("event", 0, 1, INT64_MAX);
  if (!id.ok()) return ErrorFrom(id.status());
  Result<int64_t> limit = p.Int("limit", 100, 1, kMaxApiLimit);
  if (!limit.ok()) return ErrorFrom(limit.status());
  auto event = store::GetEvent(db, *id);
  if (!event.ok()) return ErrorFrom(event.status());
  if (!*event) return Error(404, "no event " + std::to_string(*id));
  auto rows = store::QueryMentions(db, *id, static_cast<size_t>(*limit));
  if (!rows.ok()) return ErrorFrom(rows.status());
  nlohmann::json mentions = nlohmann::json::array();
  for (const auto& r : *rows) mentions.push_back(store::ToJson(r));
  return Json(200, {{"event", store::ToJson(**event)}, {"mentions", mentions}});
}

Response Server::Impl::Article(store::Db& db, const Params& p) {
  if (!p.Has("id")) return Error(400, "id: required (an article id)");
  Result<int64_t> mention = p.Int("mention", 0, 0, INT64_MAX);
  if (!mention.ok()) return ErrorFrom(mention.status());
  auto view = store::GetArticleView(db, p.Get("id"), *mention);
  if (!view.ok()) return ErrorFrom(view.status());
  if (!*view) return Error(404, "no article \"" + p.Get("id").substr(0, 80) + "\"");
  nlohmann::json j = store::ToJson(**view);
  j.erase("origin");  // where the record was read: a path on the server, nobody else's business
  return Json(200, j);
}

Response Server::Impl::Actors(store::Db& db, const Params& p) {
  store::ActivityQuery q;
  q.from = p.Get("from");
  q.to = p.Get("to");
  for (auto [value, name] : {std::pair{&q.from, "from"}, std::pair{&q.to, "to"}}) {
    if (value->empty()) continue;
    if (Status s = store::CheckDate(*value, name); !s.ok()) return ErrorFrom(s);
  }
  Result<int64_t> limit = p.Int("limit", 20, 1, kMaxApiLimit);
  if (!limit.ok()) return ErrorFrom(limit.status());
  Result<bool> country = p.Flag("country");
  if (!country.ok()) return ErrorFrom(country.status());
  q.limit = static_cast<size_t>(*limit);
  q.prefix = *country ? 3 : 0;
  auto actors = store::QueryActors(db, q);
  if (!actors.ok()) return ErrorFrom(actors.status());
  auto dyads = store::QueryDyads(db, q);
  if (!dyads.ok()) return ErrorFrom(dyads.status());
  nlohmann::json a = nlohmann::json::array(), d = nlohmann::json::array();
  for (const auto& r : *actors) a.push_back(store::ToJson(r));
  for (const auto& r : *dyads) d.push_back(store::ToJson(r));
  return Json(200, {{"actors", a}, {"dyads", d}});
}

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  // Open the store once now, so a missing or foreign file is reported before binding.
  store::OpenOptions open;
  open.read_only = true;
  Result<std::unique_ptr<store::EventStore>> first = store::EventStore::Open(options.db_path, open);
  if (!first.ok()) return first.status();

  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->pool.push_back(first.take());
  std::unique_ptr<Server> server(new Server(std::move(impl)));
  Server* self = server.get();
  httplib::Server& http = self->impl_->http;

  int threads = std::max(1, options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_payload_max_length(1024);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(10, 0);
  http.set_default_headers(
      {{"X-Content-Type-Options", "nosniff"},
       {"Referrer-Policy", "no-referrer"},
       {"X-Frame-Options", "DENY"},
       {"Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"}});
  // Only reading: every other method is refused before routing, and so are overlong targets.
  http.set_socket_options(ExclusivePortOptions);
  http.set_tcp_nodelay(true);  // keep-alive answers go out at once, not after Nagle's 40 ms
  // A connection may not take more than kMaxKeepAliveRequests requests nor idle for long.
  http.set_keep_alive_max_count(100);
  http.set_keep_alive_timeout(5);
  http.set_pre_routing_handler([self](const httplib::Request& req, httplib::Response& res) {
    // DNS rebinding: a page on another name that resolves to this address may not read the API.
    if (!HostAllowed(self->impl_->options, req.get_header_value("Host"))) {
      res.status = 421;
      res.set_content(store::DumpJson({{"error", "this server does not answer to the host name \"" +
                                                     req.get_header_value("Host").substr(0, 80) +
                                                     "\" (start serve with --allow-host NAME to allow it)"}}),
                      "application/json; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    // Many ranges in one request cost many copies of the answer: only one range is served.
    if (req.has_header("Range") && IsMultiRange(req.get_header_value("Range"))) {
      res.status = 416;
      res.set_content(store::DumpJson({{"error", "multiple byte ranges are not served; ask for one"}}),
                      "application/json; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      res.status = 405;
      res.set_header("Allow", "GET, HEAD");
      res.set_content(store::DumpJson({{"error", "method " + req.method.substr(0, 20) +
                                                     " not allowed: the API only reads"}}),
                      "application/json; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.target.size() > kMaxTarget) {
      res.status = 414;
      res.set_content(
          store::DumpJson({{"error", "request target longer than " + std::to_string(kMaxTarget) + " bytes"}}),
          "application/json; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto send = [](httplib::Response& res, const Response& r) {
    res.status = r.status;
    res.set_content(r.body, r.content_type);
  };
  // Every matching row in any export format, streamed (no row limit), as a download.
  http.Get("/api/export", [self](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    Params p(req.params, {"source", "target", "a", "b", "actor", "root", "code", "quad", "from", "to", "text",
                          "article", "order", "format"});
    Result<store::EventFilter> filter = p.status().ok() ? FilterFrom(p) : Result<store::EventFilter>(p.status());
    Result<output::Format> format = output::ParseFormat(p.Has("format") ? p.Get("format") : "csv");
    if (!filter.ok() || !format.ok() || *format == output::Format::kTable) {
      Response r = !filter.ok()   ? ErrorFrom(filter.status())
                   : !format.ok() ? ErrorFrom(format.status())
                                  : Error(400, "format table is for reading; export csv, tsv, json, jsonl, gdelt, "
                                               "gdelt-mentions or plover");
      res.status = r.status;
      res.set_content(r.body, r.content_type);
      return;
    }
    store::EventFilter f = filter.take();
    f.limit = 0;
    output::Format fmt = *format;
    res.set_header("Content-Disposition",
                   "attachment; filename=\"dragoman-events." + output::FileExtension(fmt) + "\"");
    res.set_chunked_content_provider(output::ContentType(fmt), [self, f, fmt](size_t, httplib::DataSink& sink) {
      Result<std::unique_ptr<store::EventStore>> opened = self->impl_->Acquire();
      if (!opened.ok()) return false;
      std::unique_ptr<store::EventStore> store = opened.take();
      Status s;
      {
        SinkBuffer buffer(sink);
        std::ostream out(&buffer);
        std::unique_ptr<output::RowWriter> writer = output::NewRowWriter(fmt, out);
        auto write = [&](const output::EventRow& row) {
          writer->Write(row);
          return static_cast<bool>(out);
        };
        s = fmt == output::Format::kGdeltMentions
                ? store::ForEachMentionRow(store->db(), f, write)
                : store::ForEachEventRow(store->db(), f, write, store::RowOrder{.by_id = true});
        writer->Finish();
      }
      self->impl_->Release(std::move(store));
      if (!s.ok()) return false;
      sink.done();
      return true;
    });
  });
  http.Get(R"(/api/.*)", [self, send](const httplib::Request& req, httplib::Response& res) {
    send(res, self->HandleApi(req.path, req.params));
    res.set_header("Cache-Control", "no-store");
  });
  http.Get(R"(/.*)", [send](const httplib::Request& req, httplib::Response& res) {
    send(res, HandleStatic(req.path));
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what += std::string(": ") + e.what();
    } catch (...) {
    }
    res.status = 500;
    res.set_content(store::DumpJson({{"error", what}}), "application/json; charset=utf-8");
  });

  if (options.port == 0) {
    self->impl_->port = http.bind_to_any_port(options.host);
    if (self->impl_->port <= 0) return IoError("cannot listen on " + options.host + " (any port)");
  } else {
    if (options.port < 0 || options.port > 65535) {
      return InvalidInput("port " + std::to_string(options.port) + ": expected 0 to 65535");
    }
    if (!http.bind_to_port(options.host, options.port)) {
      return IoError("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                     " (in use, or not an address of this machine)");
    }
    self->impl_->port = options.port;
  }
  return server;
}

}  // namespace dragoman::serve
