// The dashboard API over real HTTP, against a store built from the hand-written test corpus.
#include "serve/server.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <atomic>
#include <set>
#include <sstream>
#include <thread>

#include "../store/test_corpus.h"
#include "store/event_store.h"

namespace dragoman::serve {
namespace {

namespace fs = std::filesystem;

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fs::path dir = fs::path(DRAGOMAN_BINARY_DIR) / "test_tmp" / "serve";
    fs::create_directories(dir);
    db_path_ = (dir / ("api_" + std::to_string(::getpid()) + ".db")).string();  // one per test process
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path_ + suffix);
    {
      auto store = store::EventStore::Open(db_path_, {});
      ASSERT_TRUE(store.ok()) << store.status().message();
      for (auto [article, events] : test_corpus::Articles()) {
        // Each event located in its target's country (as the locator does without a city), by hand.
        for (Event& e : events) {
          std::string country = e.target.rfind("KAZ", 0) == 0 ? "KZ" : e.target.rfind("CHN", 0) == 0 ? "CN" : "";
          if (!country.empty()) e.location = {Location::kCountry, country, country, country, 40, 70, country};
        }
        ASSERT_TRUE((*store)->PutArticle(article, events).ok());
      }
    }
    ServerOptions options;
    options.db_path = db_path_;
    options.port = 0;
    auto server = Server::Create(options);
    ASSERT_TRUE(server.ok()) << server.status().message();
    server_ = server.take().release();
    thread_ = new std::thread([] { server_->Run(); });
    // Wait until it answers.
    httplib::Client client("127.0.0.1", server_->port());
    for (int i = 0; i < 100; ++i) {
      if (client.Get("/api/summary")) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  static void TearDownTestSuite() {
    if (server_) server_->Stop();
    if (thread_) thread_->join();
    delete thread_;
    delete server_;
  }

  httplib::Result Get(const std::string& target) {
    httplib::Client client("127.0.0.1", server_->port());
    return client.Get(target);
  }
  nlohmann::json GetJson(const std::string& target, int expected_status = 200) {
    auto res = Get(target);
    EXPECT_TRUE(res) << target;
    if (!res) return nullptr;
    EXPECT_EQ(res->status, expected_status) << target << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << target;
    return nlohmann::json::parse(res->body);
  }

  static std::string db_path_;
  static Server* server_;
  static std::thread* thread_;
};

std::string ServerTest::db_path_;
Server* ServerTest::server_ = nullptr;
std::thread* ServerTest::thread_ = nullptr;

TEST_F(ServerTest, SummaryCountsTheStore) {
  auto j = GetJson("/api/summary");
  EXPECT_EQ(j["stats"]["articles"], 5);
  EXPECT_EQ(j["stats"]["events"], 9);
  EXPECT_EQ(j["stats"]["mentions"], 11);
  EXPECT_EQ(j["stats"]["first_date"], "2022-05-20");
  ASSERT_GE(j["dyads"].size(), 1u);
  EXPECT_EQ(j["dyads"][0]["a"], "CHN");
  EXPECT_EQ(j["dyads"][0]["b"], "KAZ");
}

TEST_F(ServerTest, EventsFilterAndPage) {
  auto j = GetJson("/api/events?a=chn&b=KAZ&quad=1,2&from=2022-05&to=2022-05&limit=4");
  EXPECT_EQ(j["total"], 6);
  ASSERT_EQ(j["events"].size(), 4u);
  EXPECT_EQ(j["events"][0]["date"], "2022-05-20");
  for (const auto& e : j["events"]) EXPECT_LE(e["quad_class"].get<int>(), 2);
  j = GetJson("/api/events?a=CHN&b=KAZ&quad=1,2&from=2022-05&to=2022-05&limit=4&offset=4");
  EXPECT_EQ(j["events"].size(), 2u);
  j = GetJson("/api/events?actor=RUS");
  EXPECT_EQ(j["total"], 2);
  j = GetJson("/api/events?a=RUS");  // one actor given as a: either role
  EXPECT_EQ(j["total"], 2);
  j = GetJson("/api/events?text=grain%20export");  // a sentence; "grain" alone also matches a4's title
  ASSERT_EQ(j["events"].size(), 1u);
  EXPECT_EQ(j["events"][0]["code"], "111");
  j = GetJson("/api/events?order=mentions&limit=1");
  EXPECT_EQ(j["events"][0]["num_mentions"], 2);
}

TEST_F(ServerTest, TimelinePerPeriod) {
  auto j = GetJson("/api/timeline?a=CHN&b=KAZ&by=month");
  ASSERT_EQ(j["periods"].size(), 2u);
  EXPECT_EQ(j["periods"][0]["period"], "2022-05");
  EXPECT_EQ(j["periods"][0]["quad_counts"]["1"], 5);
  EXPECT_EQ(j["periods"][0]["quad_counts"]["2"], 1);
  EXPECT_EQ(j["periods"][0]["quad_counts"]["3"], 0);
  EXPECT_NEAR(j["periods"][0]["goldstein_mean"].get<double>(), 27.8 / 6, 1e-9);
  j = GetJson("/api/timeline?a=KAZ&b=RUS&by=year&directed=1");
  ASSERT_EQ(j["periods"].size(), 1u);
  EXPECT_EQ(j["periods"][0]["events"], 1);  // KAZCOP -> RUS only
}

TEST_F(ServerTest, MentionsAndArticleWithMarkedWords) {
  auto events = GetJson("/api/events?source=KAZCOP");
  ASSERT_EQ(events["events"].size(), 1u);
  int64_t id = events["events"][0]["event_id"];
  auto j = GetJson("/api/mentions?event=" + std::to_string(id));
  EXPECT_EQ(j["event"]["code"], "173");
  ASSERT_EQ(j["mentions"].size(), 1u);
  const auto& m = j["mentions"][0];
  EXPECT_EQ(m["sentence"], "Kazakh police arrested Russian activists in Almaty.");
  auto a = GetJson("/api/article?id=a4&mention=" + std::to_string(m["id"].get<int64_t>()));
  EXPECT_EQ(a["title"], "Grain dispute");
  std::string sentence, verb;
  for (const auto& p : a["pieces"]) {
    bool in_sentence = false, is_verb = false;
    for (const auto& mark : p["marks"]) {
      in_sentence |= mark == "sentence";
      is_verb |= mark == "verb";
    }
    if (in_sentence) sentence += p["text"].get<std::string>();
    if (is_verb) verb += p["text"].get<std::string>();
  }
  EXPECT_EQ(sentence, "Kazakh police arrested Russian activists in Almaty.");
  EXPECT_EQ(verb, "arrested");
  GetJson("/api/article?id=nope", 404);
  GetJson("/api/mentions?event=999999", 404);
  GetJson("/api/article?id=a1&mention=" + std::to_string(m["id"].get<int64_t>()), 404);
}

TEST_F(ServerTest, BadParametersGetA400WithAMessage) {
  struct Case {
    const char* target;
    const char* message_part;
  };
  for (const Case& c :
       {Case{"/api/events?root=5x", "root \"5x\""}, Case{"/api/events?limit=5000", "limit \"5000\""},
        Case{"/api/events?limit=-1", "limit \"-1\""}, Case{"/api/events?limit=abc", "expected an integer"},
        Case{"/api/events?source=CHN%27%20OR%201%3D1", "source \"CHN' OR 1=1\""},
        Case{"/api/events?frm=2022", "unknown parameter \"frm\""},
        Case{"/api/events?from=2022-13", "from \"2022-13\""}, Case{"/api/events?quad=5", "quad \"5\""},
        Case{"/api/events?b=KAZ", "b without a"}, Case{"/api/events?root=05&root=04", "given twice"},
        Case{"/api/timeline", "a \"\""}, Case{"/api/timeline?a=CHN&by=fortnight", "period \"fortnight\""},
        Case{"/api/mentions", "event: required"}, Case{"/api/mentions?event=0", "event \"0\""},
        Case{"/api/article", "id: required"}}) {
    auto j = GetJson(c.target, 400);
    ASSERT_TRUE(j.contains("error")) << c.target;
    EXPECT_NE(j["error"].get<std::string>().find(c.message_part), std::string::npos)
        << c.target << " -> " << j["error"];
  }
  std::string long_value(300, 'A');
  auto j = GetJson("/api/events?text=" + long_value, 400);
  EXPECT_NE(j["error"].get<std::string>().find("longer than"), std::string::npos);
  auto res = Get("/api/events?text=" + std::string(3000, 'a'));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 414);
  GetJson("/api/nothing", 404);
}

TEST_F(ServerTest, OnlyReadsAndOnlyServesEmbeddedFiles) {
  httplib::Client client("127.0.0.1", server_->port());
  auto post = client.Post("/api/events", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  auto del = client.Delete("/api/events");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);

  auto page = Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<svg id=\"chart\""), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  auto js = Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  for (const char* target :
       {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/data/web/index.html",
        "/etc/passwd", "//etc/passwd", "/app.js/../../../etc/passwd", "/index.html%00.js"}) {
    auto res = Get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 404) << target;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << target;
  }
  // Nothing the API did changed the store.
  auto store = store::EventStore::Open(db_path_, {});
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->Stats()->events, 9);
}

TEST(ServerCreateTest, RefusesAMissingStore) {
  ServerOptions options;
  options.db_path = (fs::path(DRAGOMAN_BINARY_DIR) / "test_tmp" / "serve" / "missing.db").string();
  fs::remove(options.db_path);
  options.port = 0;
  auto server = Server::Create(options);
  ASSERT_FALSE(server.ok());
  EXPECT_NE(server.status().message().find("no such store"), std::string::npos) << server.status().message();
  EXPECT_FALSE(fs::exists(options.db_path));
}

// The chart follows the same filters as the table: its period counts add up to the table's total.
TEST_F(ServerTest, ChartCountsTheFilteredEvents) {
  for (const std::string& filter : {"a=CHN&b=KAZ", "a=CHN&b=KAZ&quad=1", "actor=KAZ&root=05", "code=112"}) {
    auto chart = GetJson("/api/chart?by=month&" + filter);
    auto events = GetJson("/api/events?limit=1&" + filter);
    int64_t sum = 0;
    for (const auto& p : chart["periods"]) sum += p["events"].get<int64_t>();
    EXPECT_EQ(sum, events["total"].get<int64_t>()) << filter;
  }
  EXPECT_EQ(GetJson("/api/chart?quad=9", 400)["error"].get<std::string>().find("quad"), 0u);
}

// Export: every filtered row as a download, in the format asked; a bad format is refused.
TEST_F(ServerTest, ExportStreamsEveryFilteredRow) {
  auto total = GetJson("/api/events?limit=1&a=CHN&b=KAZ")["total"].get<int64_t>();
  auto res = Get("/api/export?a=CHN&b=KAZ&format=gdelt");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  int64_t lines = 0;
  std::istringstream body(res->body);
  for (std::string line; std::getline(body, line); ++lines) {
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 60) << line;
  }
  EXPECT_EQ(lines, total);
  auto bad = Get("/api/export?format=xml");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("xml"), std::string::npos);
}

// The map's answer: events per country of the places stored with the mentions.
TEST_F(ServerTest, PlacesCountLocatedEventsPerCountry) {
  auto places = GetJson("/api/places?a=CHN&b=KAZ");
  auto total = GetJson("/api/events?limit=1&a=CHN&b=KAZ")["total"].get<int64_t>();
  int64_t located = 0;
  std::set<std::string> countries;
  for (const auto& c : places["countries"]) {
    located += c["events"].get<int64_t>();
    countries.insert(c["country"].get<std::string>());
  }
  EXPECT_EQ(located, total);
  EXPECT_EQ(countries, (std::set<std::string>{"CN", "KZ"}));
  EXPECT_TRUE(places["cities"].empty());
}

}  // namespace
}  // namespace dragoman::serve

namespace dragoman::serve {
namespace {

TEST_F(ServerTest, ASecondServerOnTheSamePortIsRefused) {
  ServerOptions options;
  options.db_path = db_path_;
  options.port = server_->port();
  auto second = Server::Create(options);
  ASSERT_FALSE(second.ok()) << "a second server bound port " << options.port;
  EXPECT_NE(second.status().message().find("in use"), std::string::npos) << second.status().message();
}

TEST_F(ServerTest, MultiRangeRequestsAndForeignHostsAreRefused) {
  httplib::Client client("127.0.0.1", server_->port());
  std::string ranges = "bytes=0-0";
  for (int i = 1; i < 2000; ++i) ranges += "," + std::to_string(i) + "-" + std::to_string(i);
  auto res = client.Get("/", {{"Range", ranges}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 416);
  EXPECT_LT(res->body.size(), 1000u);
  res = client.Get("/api/summary", {{"Host", "attacker.example:" + std::to_string(server_->port())}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 421) << res->body;
  res = client.Get("/api/summary", {{"Host", "localhost:" + std::to_string(server_->port())}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(ServerTest, ArticlesDoNotShowServerPaths) {
  auto events = GetJson("/api/events?source=KAZCOP");
  ASSERT_EQ(events["events"].size(), 1u);
  auto a = GetJson("/api/article?id=a4");
  EXPECT_FALSE(a.contains("origin")) << a.dump();
}

TEST(HostCheckTest, LoopbackAnswersToLoopbackNamesAndAllowedHosts) {
  ServerOptions loopback;
  EXPECT_TRUE(HostAllowed(loopback, "127.0.0.1:8080"));
  EXPECT_TRUE(HostAllowed(loopback, "localhost:8080"));
  EXPECT_TRUE(HostAllowed(loopback, "[::1]:8080"));
  EXPECT_FALSE(HostAllowed(loopback, "rebind.attacker.example:8080"));
  EXPECT_FALSE(HostAllowed(loopback, ""));
  loopback.allowed_hosts = {"dash.example.org"};
  EXPECT_TRUE(HostAllowed(loopback, "DASH.example.org:8080"));
  ServerOptions everywhere;
  everywhere.host = "0.0.0.0";
  EXPECT_TRUE(HostAllowed(everywhere, "anything.example"));
  everywhere.allowed_hosts = {"dash.example.org"};
  EXPECT_FALSE(HostAllowed(everywhere, "anything.example"));
  EXPECT_TRUE(IsMultiRange("bytes=0-1,5-6"));
  EXPECT_FALSE(IsMultiRange("bytes=0-100"));
}

}  // namespace
}  // namespace dragoman::serve

namespace dragoman::serve {
namespace {

// A socket connected to the server on loopback that has sent the start of a request; -1 on failure.
int ConnectAndSend(int port, const std::string& start) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::send(fd, start.data(), start.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(start.size())) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Twenty clients that send half a request and then trickle (one header line every few seconds)
// hold connections, not the server: a normal request is answered at once meanwhile.
TEST_F(ServerTest, SlowClientsDoNotBlockOthers) {
  std::vector<int> slow;
  for (int i = 0; i < 20; ++i) {
    int fd = ConnectAndSend(server_->port(), "GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n");
    ASSERT_GE(fd, 0);
    slow.push_back(fd);
  }
  // A server with a thread per connection and fewer threads than slow clients never answers this.
  httplib::Client client("127.0.0.1", server_->port());
  client.set_read_timeout(5, 0);
  auto res = client.Get("/api/summary");
  ASSERT_TRUE(res) << "no answer while slow clients hold connections";
  EXPECT_EQ(res->status, 200);
  for (int fd : slow) ::close(fd);
}

// A client that trickles its headers past the deadline is disconnected (slowloris); one that sends
// them at once is answered, also on a kept-alive connection after a pause.
TEST_F(ServerTest, HeadersPastTheDeadlineAreRefused) {
  ServerOptions options;
  options.db_path = db_path_;
  options.port = 0;
  options.header_deadline_seconds = 1;
  auto created = Server::Create(options);
  ASSERT_TRUE(created.ok()) << created.status().message();
  std::unique_ptr<Server> server = created.take();
  int fd = ConnectAndSend(server->port(), "GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  ASSERT_GE(fd, 0);
  // One header line every 300 ms: never idle, but never done.
  bool closed = false;
  for (int i = 0; i < 15 && !closed; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const std::string line = "X-Slow: 1\r\n";
    if (::send(fd, line.data(), line.size(), MSG_NOSIGNAL) < 0) closed = true;
    char buffer[64];
    ssize_t got = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (got == 0) closed = true;
  }
  ::close(fd);
  EXPECT_TRUE(closed) << "a client trickling headers for 4.5 s was still connected (deadline 1 s)";
  httplib::Client client("127.0.0.1", server->port());
  client.set_keep_alive(true);
  auto res = client.Get("/api/summary");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  res = client.Get("/api/summary");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

// The API keeps answers in memory while the store is unchanged; an article committed by another
// connection (as a concurrent `ingest` does) must show in the very next answer, never a stale one.
// A fresh store holding the first test article, a writer connection to it and a server on it
// (one store per test, named after it).
class ServerCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::path dir = fs::path(DRAGOMAN_BINARY_DIR) / "test_tmp" / "serve";
    fs::create_directories(dir);
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::string db_path = (dir / (name + "_" + std::to_string(::getpid()) + ".db")).string();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path + suffix);
    writer = store::EventStore::Open(db_path, {});
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    ASSERT_TRUE((*writer)->PutArticle(articles[0].first, articles[0].second).ok());
    ServerOptions options;
    options.db_path = db_path;
    options.port = 0;
    server = Server::Create(options);
    ASSERT_TRUE(server.ok()) << server.status().message();
  }
  std::vector<test_corpus::CodedArticle> articles = test_corpus::Articles();
  Result<std::unique_ptr<store::EventStore>> writer = InvalidInput("not opened");
  Result<std::unique_ptr<Server>> server = InvalidInput("not created");
};

TEST_F(ServerCacheTest, ACommitByAnotherConnectionIsSeenAtOnce) {
  auto total = [&] {
    Response r = (*server)->HandleApi("/api/events", {{"a", "CHN"}, {"b", "KAZ"}, {"limit", "1"}});
    EXPECT_EQ(r.status, 200) << r.body;
    return nlohmann::json::parse(r.body)["total"].get<int64_t>();
  };
  int64_t before = total();
  EXPECT_EQ(total(), before);  // asked again (now from memory): the same answer
  Response summary_before = (*server)->HandleApi("/api/summary", {});

  ASSERT_TRUE((*writer)->PutArticle(articles[1].first, articles[1].second).ok());  // a2: two CHN-KAZ events
  EXPECT_EQ(total(), before + 2);
  EXPECT_NE((*server)->HandleApi("/api/summary", {}).body, summary_before.body);
  ASSERT_TRUE((*writer)->PutArticle(articles[4].first, articles[4].second).ok());  // a5: one more
  EXPECT_EQ(total(), before + 3);
}

// Readers on several threads while another connection commits: a request that starts after a
// commit has returned always sees it, however many answers were cached before.
TEST_F(ServerCacheTest, ConcurrentReadersNeverGetAnAnswerOlderThanTheLastCommit) {
  auto total = [&] {
    Response r = (*server)->HandleApi("/api/events", {{"a", "CHN"}, {"b", "KAZ"}, {"limit", "1"}});
    return r.status == 200 ? nlohmann::json::parse(r.body)["total"].get<int64_t>() : int64_t{-1};
  };
  const int64_t first = total();
  // CHN-KAZ events in the store after 0, 1 and 2 more commits (a2 adds two, a5 one).
  const int64_t expected[] = {first, first + 2, first + 3};
  std::atomic<int> committed{0};
  std::atomic<bool> done{false};
  std::atomic<int> stale{0}, answers{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (!done.load()) {
        int before = committed.load();
        if (total() < expected[before]) ++stale;
        ++answers;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_TRUE((*writer)->PutArticle(articles[1].first, articles[1].second).ok());
  committed = 1;
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_TRUE((*writer)->PutArticle(articles[4].first, articles[4].second).ok());
  committed = 2;
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  done = true;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(stale.load(), 0) << "of " << answers.load() << " answers";
  EXPECT_GT(answers.load(), 12);
  EXPECT_EQ(total(), first + 3);
}

// Distinct requests never share a cached answer, whatever their parameters.
TEST_F(ServerTest, CachedAnswersFollowEveryParameter) {
  for (int round = 0; round < 2; ++round) {  // the second round is answered from memory
    EXPECT_EQ(GetJson("/api/events?a=CHN&b=KAZ&limit=1")["events"].size(), 1u);
    EXPECT_EQ(GetJson("/api/events?a=CHN&b=KAZ&limit=2")["events"].size(), 2u);
    EXPECT_EQ(GetJson("/api/events?a=CHN&b=KAZ&limit=2&offset=1")["offset"], 1);
    EXPECT_EQ(GetJson("/api/events?actor=RUS")["total"], 2);
    EXPECT_EQ(GetJson("/api/events?limit=0", 400)["error"].get<std::string>().find("limit"), 0u);
  }
}

TEST(ServerThreadsTest, OnePerCoreUnlessAsked) {
  EXPECT_EQ(RequestThreads(3), 3);
  EXPECT_EQ(RequestThreads(0), static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
}

}  // namespace
}  // namespace dragoman::serve
