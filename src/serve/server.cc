#include "serve/server.h"

#include <microhttpd.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <thread>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "output/row_writer.h"
#include "resources/external_data.h"
#include "resources/resources.h"
#include "store/event_store.h"
#include "store/query.h"

namespace dragoman::serve {
namespace {

constexpr size_t kMaxTarget = 2048;     // request line target (path and query), bytes
constexpr unsigned int kMaxConnections = 1000;           // open connections in all
constexpr unsigned int kMaxConnectionsPerClient = 300;   // from one address (a load test's 256 fit)
constexpr unsigned int kIdleTimeoutSeconds = 10;         // a connection that sends nothing for this long is closed
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

// An export on its way to a client: a thread writes rows into it, the HTTP server's reader takes
// them out. Bounded: the writer waits while kMaxQueued bytes are queued, so a slow client costs
// memory of at most that, and a client that goes away stops the writer.
class ExportQueue {
 public:
  static constexpr size_t kMaxQueued = 1 << 20;

  // Writer side: false when the client went away.
  bool Push(std::string chunk) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return cancelled_ || queued_ < kMaxQueued; });
    if (cancelled_) return false;
    queued_ += chunk.size();
    chunks_.push_back(std::move(chunk));
    cv_.notify_all();
    return true;
  }
  void Finish(bool ok) {
    std::lock_guard<std::mutex> lock(mu_);
    finished_ = true;
    failed_ = !ok;
    cv_.notify_all();
  }
  // Reader side: bytes copied into buf (waiting for the writer when none are queued); 0 at the end.
  ssize_t Take(char* buf, size_t max) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !chunks_.empty() || finished_; });
    if (chunks_.empty()) return failed_ ? MHD_CONTENT_READER_END_WITH_ERROR : MHD_CONTENT_READER_END_OF_STREAM;
    std::string& front = chunks_.front();
    size_t n = std::min(max, front.size() - taken_);
    std::memcpy(buf, front.data() + taken_, n);
    taken_ += n;
    if (taken_ == front.size()) {
      queued_ -= front.size();
      chunks_.pop_front();
      taken_ = 0;
      cv_.notify_all();
    }
    return static_cast<ssize_t>(n);
  }
  void Cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> chunks_;
  size_t queued_ = 0, taken_ = 0;
  bool finished_ = false, failed_ = false, cancelled_ = false;
};

// An ostream buffer that hands every 64 KiB to an ExportQueue.
class QueueBuffer : public std::streambuf {
 public:
  explicit QueueBuffer(ExportQueue& queue) : queue_(queue), buffer_(1 << 16) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  ~QueueBuffer() override { sync(); }
  int sync() override {
    std::ptrdiff_t n = pptr() - pbase();
    if (n > 0 && !queue_.Push(std::string(pbase(), static_cast<size_t>(n)))) return -1;
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return 0;
  }
  int overflow(int c) override {
    if (sync() != 0) return traits_type::eof();
    if (c != traits_type::eof()) sputc(static_cast<char>(c));
    return traits_type::not_eof(c);
  }

 private:
  ExportQueue& queue_;
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

int RequestThreads(int requested) {
  if (requested > 0) return requested;
  // One per core: more threads than cores only queue behind each other and stretch the slowest
  // answers (on 2 cores, 8 threads gave a p99 twice that of 2 under the same load).
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 64u));
}

bool IsMultiRange(std::string_view range_header) {
  return range_header.find(',') != std::string_view::npos;
}

namespace {

// API answers already computed, by request, for as long as the store is unchanged: the dashboard
// and a load test ask the same few questions again and again, and a cached answer costs
// microseconds where the query costs milliseconds. Only for an SQLite store, whose commits (by an
// `ingest` in another process too) are seen by PRAGMA data_version on a connection of our own:
// every lookup first asks it, and a changed value empties the cache, so no answer older than the
// last commit is served. An answer is kept only when the version it was computed under is still
// the current one. Bounded: kMaxEntries answers, kMaxBytes bytes; when full it is emptied.
class ResponseCache {
 public:
  static constexpr size_t kMaxEntries = 2048;
  static constexpr size_t kMaxBytes = 64 << 20;

  // watcher: a read-only connection used for nothing else (null: caching is off).
  explicit ResponseCache(std::unique_ptr<store::EventStore> watcher) : watcher_(std::move(watcher)) {}

  // The cached answer for key, if any; *version is set to the store's version now, for Put.
  std::optional<Response> Get(const std::string& key, int64_t* version) {
    std::lock_guard<std::mutex> lock(mu_);
    *version = -1;
    Result<int64_t> now = DataVersion();
    if (!now.ok()) {  // cannot tell whether the store changed: serve nothing from memory
      Clear();
      return std::nullopt;
    }
    if (*now != version_) {
      Clear();
      version_ = *now;
    }
    *version = version_;
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    return it->second;
  }

  // Keeps r for key when the store is still at version (as Get saw it before the query ran).
  void Put(const std::string& key, int64_t version, const Response& r) {
    std::lock_guard<std::mutex> lock(mu_);
    if (version < 0 || version != version_ || r.body.size() > kMaxBytes / 16) return;
    if (entries_.size() >= kMaxEntries || bytes_ + r.body.size() > kMaxBytes) Clear();
    auto [it, inserted] = entries_.emplace(key, r);
    if (inserted) bytes_ += key.size() + r.body.size();
  }

 private:
  // PRAGMA data_version on the watcher: changes whenever another connection commits.
  Result<int64_t> DataVersion() {
    Result<store::Stmt> stmt = watcher_->db().Cached("PRAGMA data_version");
    if (!stmt.ok()) return stmt.status();
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status(StatusCode::kInternal, "PRAGMA data_version gave no row");
    return stmt->Int(0);  // the statement is reset (ending its read) when stmt goes
  }
  void Clear() {
    entries_.clear();
    bytes_ = 0;
  }

  std::mutex mu_;
  std::unique_ptr<store::EventStore> watcher_;
  int64_t version_ = -1;
  std::unordered_map<std::string, Response> entries_;
  size_t bytes_ = 0;
};

// The cache key of an API request: its path and every parameter, each part ended by a NUL byte
// (which no decoded parameter contains: the server refuses "%00"), so no two requests share one.
std::string CacheKey(const std::string& path, const std::multimap<std::string, std::string>& params) {
  std::string key = path;
  key += '\0';
  for (const auto& [name, value] : params) {
    key += name;
    key += '\0';
    key += value;
    key += '\0';
  }
  return key;
}

}  // namespace

namespace {

// The deadline for request headers: libmicrohttpd only closes connections idle for a while, so a
// client that sends a header line every few seconds would hold its connection for ever. A
// watchdog shuts down the socket of a connection whose headers are late; libmicrohttpd then
// closes it as it would a client that hung up.
class HeaderDeadline {
 public:
  explicit HeaderDeadline(int seconds) : deadline_(std::chrono::seconds(std::max(1, seconds))) {
    watchdog_ = std::thread([this] { Watch(); });
  }
  ~HeaderDeadline() { Stop(); }
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    if (watchdog_.joinable()) watchdog_.join();
  }
  // A connection opened (its headers are awaited) or closed.
  void Opened(MHD_Connection* c) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (!info) return;
    std::lock_guard<std::mutex> lock(mutex_);
    waiting_[c] = {info->connect_fd, Clock::now(), false};
  }
  void Closed(MHD_Connection* c) {
    std::lock_guard<std::mutex> lock(mutex_);
    waiting_.erase(c);
  }
  // A request's headers are in; after its answer the next request's are awaited.
  void HeadersIn(MHD_Connection* c) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = waiting_.find(c); it != waiting_.end()) it->second.since = Clock::time_point::max();
  }
  void Answered(MHD_Connection* c) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = waiting_.find(c); it != waiting_.end()) it->second.since = Clock::now();
  }

 private:
  using Clock = std::chrono::steady_clock;
  struct Waiting {
    int fd;
    Clock::time_point since;  // max(): not waiting for headers now
    bool cut;
  };
  void Watch() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
      wake_.wait_for(lock, std::chrono::milliseconds(250));
      const Clock::time_point now = Clock::now();
      for (auto& [connection, w] : waiting_) {
        if (w.cut || w.since == Clock::time_point::max() || now - w.since < deadline_) continue;
        ::shutdown(w.fd, SHUT_RDWR);  // the entry is erased (under this lock) before the fd is closed
        w.cut = true;
      }
    }
  }
  const Clock::duration deadline_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::unordered_map<MHD_Connection*, Waiting> waiting_;
  std::thread watchdog_;
};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  std::unique_ptr<HeaderDeadline> header_deadline;
  MHD_Daemon* daemon = nullptr;
  int port = 0;
  std::mutex run_mutex;
  std::condition_variable run_cv;
  bool stopped = false;
  std::atomic<int> exports_running{0};
  std::unique_ptr<ResponseCache> cache;

  ~Impl() {
    if (daemon) MHD_stop_daemon(daemon);
    if (header_deadline) header_deadline->Stop();
    while (exports_running.load() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }

  // The HTTP server's answer to one request (libmicrohttpd's access handler).
  static MHD_Result Answer(void* cls, MHD_Connection* connection, const char* url, const char* method,
                           const char* version, const char* upload_data, size_t* upload_data_size, void** state);
  MHD_Result StartExport(MHD_Connection* connection, const std::multimap<std::string, std::string>& params);

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
bool Server::Run() {
  std::unique_lock<std::mutex> lock(impl_->run_mutex);
  impl_->run_cv.wait(lock, [&] { return impl_->stopped; });
  return true;
}
void Server::Stop() {
  std::lock_guard<std::mutex> lock(impl_->run_mutex);
  impl_->stopped = true;
  impl_->run_cv.notify_all();
}

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
    ResponseCache* cache = impl_->cache.get();
    std::string key;
    int64_t version = -1;
    if (cache) {
      key = CacheKey(path, params);
      if (std::optional<Response> cached = cache->Get(key, &version)) return *std::move(cached);
    }
    Result<std::unique_ptr<store::EventStore>> s = impl_->Acquire();
    if (!s.ok()) return ErrorFrom(s.status());
    std::unique_ptr<store::EventStore> store = s.take();
    Response r = ((*impl_).*(e.handler))(store->db(), p);
    impl_->Release(std::move(store));
    if (cache && r.status == 200) cache->Put(key, version, r);
    return r;
  }
  return Error(404, "no API endpoint " + path.substr(0, 80));
}

Response Server::Impl::Summary(store::Db& db, const Params& p) {
  Result<int64_t> limit = p.Int("limit", 12, 1, kMaxApiLimit);
  if (!limit.ok()) return ErrorFrom(limit.status());
  Result<store::StoreSummary> summary = store::QuerySummary(db);
  if (!summary.ok()) return ErrorFrom(summary.status());
  nlohmann::json stats = {{"articles", summary->articles},
                          {"events", summary->events},
                          {"mentions", summary->mentions},
                          {"errors", summary->errors},
                          {"first_date", summary->first_date},
                          {"last_date", summary->last_date}};
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
  return Json(200, {{"total", *total}, {"offset", f.offset}, {"limit", f.limit}, {"events", std::move(events)}});
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

namespace {

// The headers every answer carries: no sniffing, no referrer, no framing, and a content security
// policy that allows only the dashboard's own files.
void AddCommonHeaders(MHD_Response* response, const std::string& content_type, bool no_store) {
  MHD_add_response_header(response, "Content-Type", content_type.c_str());
  MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(response, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(response, "X-Frame-Options", "DENY");
  MHD_add_response_header(response, "Content-Security-Policy",
                          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                          "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  if (no_store) MHD_add_response_header(response, "Cache-Control", "no-store");
}

MHD_Result Send(MHD_Connection* connection, const Response& r, bool no_store,
                const std::vector<std::pair<std::string, std::string>>& extra = {}) {
  MHD_Response* response =
      MHD_create_response_from_buffer(r.body.size(), const_cast<char*>(r.body.data()), MHD_RESPMEM_MUST_COPY);
  if (!response) return MHD_NO;
  AddCommonHeaders(response, r.content_type, no_store);
  for (const auto& [name, value] : extra) MHD_add_response_header(response, name.c_str(), value.c_str());
  MHD_Result queued = MHD_queue_response(connection, static_cast<unsigned int>(r.status), response);
  MHD_destroy_response(response);
  return queued;
}

MHD_Result CollectParam(void* cls, MHD_ValueKind, const char* key, const char* value) {
  auto* params = static_cast<std::multimap<std::string, std::string>*>(cls);
  params->emplace(key ? key : "", value ? value : "");
  return MHD_YES;
}

// What the server keeps about one request: its target as sent (libmicrohttpd decodes the URL it
// hands the handler), and whether its headers have been seen.
struct RequestState {
  std::string raw_target;
  bool headers_seen = false;
};

void* LogUri(void*, const char* uri, MHD_Connection*) {
  auto* request = new RequestState;
  request->raw_target = uri ? std::string(uri).substr(0, 2 * kMaxTarget + 1) : "";
  return request;
}

void RequestDone(void* cls, MHD_Connection* connection, void** state, MHD_RequestTerminationCode) {
  delete static_cast<RequestState*>(*state);
  *state = nullptr;
  if (cls) static_cast<HeaderDeadline*>(cls)->Answered(connection);
}

void ConnectionChanged(void* cls, MHD_Connection* connection, void**, MHD_ConnectionNotificationCode code) {
  auto* deadline = static_cast<HeaderDeadline*>(cls);
  if (code == MHD_CONNECTION_NOTIFY_STARTED) deadline->Opened(connection);
  if (code == MHD_CONNECTION_NOTIFY_CLOSED) deadline->Closed(connection);
}

ssize_t ReadExport(void* cls, uint64_t, char* buf, size_t max) {
  return (*static_cast<std::shared_ptr<ExportQueue>*>(cls))->Take(buf, max);
}

void FreeExport(void* cls) {
  auto* queue = static_cast<std::shared_ptr<ExportQueue>*>(cls);
  (*queue)->Cancel();  // the client is gone or served: the writer stops
  delete queue;
}

}  // namespace

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  // Open the store once now, so a missing or foreign file is reported before binding.
  store::OpenOptions open;
  open.read_only = true;
  Result<std::unique_ptr<store::EventStore>> first = store::EventStore::Open(options.db_path, open);
  if (!first.ok()) return first.status();

  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->pool.push_back(first.take());
  if (impl->pool.front()->db().engine() == store::Engine::kSqlite) {
    Result<std::unique_ptr<store::EventStore>> watcher = store::EventStore::Open(options.db_path, open);
    if (!watcher.ok()) return watcher.status();
    impl->cache = std::make_unique<ResponseCache>(watcher.take());
  }
  std::unique_ptr<Server> server(new Server(std::move(impl)));
  Server* self = server.get();
  if (options.port < 0 || options.port > 65535) {
    return InvalidInput("port " + std::to_string(options.port) + ": expected 0 to 65535");
  }
  // The address to bind: a numeric address or a name of this machine ("localhost").
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  std::string port_text = std::to_string(options.port);
  if (::getaddrinfo(options.host.c_str(), port_text.c_str(), &hints, &found) != 0 || !found) {
    return IoError("cannot listen on " + options.host + ": not an address of this machine");
  }
  sockaddr_storage address{};
  std::memcpy(&address, found->ai_addr, found->ai_addrlen);
  bool ipv6 = found->ai_family == AF_INET6;
  ::freeaddrinfo(found);
  // libmicrohttpd, built for hostile networks: one polling thread per pool thread (epoll), so a
  // slow client holds a connection, never a thread; the port is never shared (SO_REUSEADDR only,
  // no SO_REUSEPORT); a real listen backlog; connections bounded in all and per client; idle
  // connections closed; request headers bounded in size.
  unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | (ipv6 ? MHD_USE_IPv6 : 0);
  self->impl_->header_deadline = std::make_unique<HeaderDeadline>(options.header_deadline_seconds);
  self->impl_->daemon = MHD_start_daemon(
      flags, static_cast<uint16_t>(options.port), nullptr, nullptr, &Impl::Answer, self,
      MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&address),
      MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned int>(RequestThreads(options.threads)),
      MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u,
      MHD_OPTION_CONNECTION_LIMIT, kMaxConnections,
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, kMaxConnectionsPerClient,
      MHD_OPTION_CONNECTION_TIMEOUT, kIdleTimeoutSeconds,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<size_t>(32 << 10),
      MHD_OPTION_URI_LOG_CALLBACK, &LogUri, nullptr,
      MHD_OPTION_NOTIFY_COMPLETED, &RequestDone, self->impl_->header_deadline.get(),
      MHD_OPTION_NOTIFY_CONNECTION, &ConnectionChanged, self->impl_->header_deadline.get(),
      MHD_OPTION_END);
  if (!self->impl_->daemon) {
    return IoError("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                   " (in use, or not an address of this machine)");
  }
  const MHD_DaemonInfo* info = MHD_get_daemon_info(self->impl_->daemon, MHD_DAEMON_INFO_BIND_PORT);
  self->impl_->port = info ? info->port : options.port;
  return server;
}


MHD_Result Server::Impl::Answer(void* cls, MHD_Connection* connection, const char* url, const char* method,
                                const char* version, const char* upload_data, size_t* upload_data_size,
                                void** state) {
  auto* request = static_cast<RequestState*>(*state);  // from LogUri, before the URL was decoded
  if (!request) return MHD_NO;
  if (!request->headers_seen) {  // the headers are in; the next call answers
    request->headers_seen = true;
    static_cast<Server*>(cls)->impl_->header_deadline->HeadersIn(connection);
    return MHD_YES;
  }
  if (*upload_data_size != 0) {  // a body: dropped (only GET and HEAD are answered)
    *upload_data_size = 0;
    return MHD_YES;
  }
  Server* self = static_cast<Server*>(cls);
  const std::string path = url ? url : "/";
  const std::string verb = method ? method : "";
  try {
    if (verb != "GET" && verb != "HEAD") {
      return Send(connection,
                  Error(405, "method " + verb.substr(0, 20) + " not allowed: the API only reads"), true,
                  {{"Allow", "GET, HEAD"}});
    }
    // DNS rebinding: a page on another name that resolves to this address may not read the API.
    const char* host = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Host");
    if (!HostAllowed(self->impl_->options, host ? host : "")) {
      return Send(connection,
                  Error(421, "this server does not answer to the host name \"" +
                                 std::string(host ? host : "").substr(0, 80) +
                                 "\" (start serve with --allow-host NAME to allow it)"),
                  true);
    }
    // Many ranges in one request cost many copies of the answer: refused (a single range is
    // answered with the whole file, as a server without range support does).
    const char* range = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Range");
    if (range && IsMultiRange(range)) {
      return Send(connection, Error(416, "multiple byte ranges are not served; ask for one"), true);
    }
    if (request->raw_target.size() > kMaxTarget) {
      return Send(connection, Error(414, "request target longer than " + std::to_string(kMaxTarget) + " bytes"), true);
    }
    // An encoded NUL would end the decoded path early ("/index.html%00.js" is not "/index.html").
    if (request->raw_target.find("%00") != std::string::npos) {
      return Send(connection, Error(404, "no such file or endpoint (a NUL byte in the request target)"), true);
    }
    std::multimap<std::string, std::string> params;
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, &CollectParam, &params);
    if (path == "/api/export") return self->impl_->StartExport(connection, params);
    if (path.rfind("/api/", 0) == 0) return Send(connection, self->HandleApi(path, params), true);
    return Send(connection, HandleStatic(path), false);
  } catch (const std::exception& e) {
    return Send(connection, Error(500, std::string("internal error: ") + e.what()), true);
  }
}

// Every matching row in any export format, streamed (no row limit), as a download.
MHD_Result Server::Impl::StartExport(MHD_Connection* connection,
                                     const std::multimap<std::string, std::string>& params) {
  Params p(params, {"source", "target", "a", "b", "actor", "root", "code", "quad", "from", "to", "text", "article",
                    "order", "format"});
  Result<store::EventFilter> filter = p.status().ok() ? FilterFrom(p) : Result<store::EventFilter>(p.status());
  Result<output::Format> format = output::ParseFormat(p.Has("format") ? p.Get("format") : "csv");
  if (!filter.ok() || !format.ok() || *format == output::Format::kTable) {
    Response r = !filter.ok()   ? ErrorFrom(filter.status())
                 : !format.ok() ? ErrorFrom(format.status())
                                : Error(400, "format table is for reading; export csv, tsv, json, jsonl, gdelt, "
                                             "gdelt-mentions or plover");
    return Send(connection, r, true);
  }
  store::EventFilter f = filter.take();
  f.limit = 0;
  output::Format fmt = *format;
  auto queue = std::make_shared<ExportQueue>();
  ++exports_running;
  std::thread([this, queue, f, fmt] {
    bool ok = false;
    Result<std::unique_ptr<store::EventStore>> opened = Acquire();
    if (opened.ok()) {
      std::unique_ptr<store::EventStore> store = opened.take();
      Status s;
      {
        QueueBuffer buffer(*queue);
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
      Release(std::move(store));
      ok = s.ok();
    }
    queue->Finish(ok);
    --exports_running;
  }).detach();
  MHD_Response* response = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 << 10, &ReadExport,
                                                             new std::shared_ptr<ExportQueue>(queue), &FreeExport);
  if (!response) {
    queue->Cancel();
    return MHD_NO;
  }
  AddCommonHeaders(response, output::ContentType(fmt), true);
  std::string disposition = "attachment; filename=\"dragoman-events." + output::FileExtension(fmt) + "\"";
  MHD_add_response_header(response, "Content-Disposition", disposition.c_str());
  MHD_Result queued = MHD_queue_response(connection, 200, response);
  MHD_destroy_response(response);
  return queued;
}

}  // namespace dragoman::serve
