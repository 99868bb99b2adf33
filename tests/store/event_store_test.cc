#include "store/event_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/query.h"
#include "store/sqlite.h"
#include "test_corpus.h"
#include "test_stores.h"

namespace dragoman::store {
namespace {

namespace fs = std::filesystem;

// A fresh store: an SQLite file under the build folder, or a new PostgreSQL database when the
// tests run against PostgreSQL (see test_stores.h).
std::string FreshPath(const std::string& name) { return test_stores::FreshStore("store", name); }

// Every test runs on the engine the environment names, and is skipped when that is PostgreSQL
// and its server is not running.
class EventStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string why = test_stores::SkipReason(); !why.empty()) GTEST_SKIP() << why;
  }
};

std::unique_ptr<EventStore> OpenOrDie(const std::string& path, OpenOptions options = {}) {
  auto store = EventStore::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status().message();
  return store.ok() ? store.take() : nullptr;
}

void PutCorpus(EventStore& store) {
  ASSERT_TRUE(store.Begin().ok());
  for (const auto& [article, events] : test_corpus::Articles()) {
    Status s = store.PutArticle(article, events, "coder-1");
    ASSERT_TRUE(s.ok()) << s.message();
  }
  ASSERT_TRUE(store.Commit().ok());
}

std::optional<EventRow> FindEvent(Db& db, const std::string& date, const std::string& source,
                                  const std::string& target, const std::string& code) {
  EventFilter f;
  f.source = source;
  f.target = target;
  f.code = code;
  f.from = f.to = date;
  f.limit = 100;
  auto rows = QueryEvents(db, f);
  EXPECT_TRUE(rows.ok()) << rows.status().message();
  for (const EventRow& r : *rows)
    if (r.source == source && r.target == target && r.code == code) return r;
  return std::nullopt;
}

TEST_F(EventStoreTest, StoresArticlesSentencesEventsAndMentions) {
  auto store = OpenOrDie(FreshPath("basic"));
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
  PutCorpus(*store);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 5);
  EXPECT_EQ(stats->sentences, 4 + 2 + 1 + 2 + 1 + 5);  // every article's sentences plus its title
  EXPECT_EQ(stats->events, 9);
  EXPECT_EQ(stats->mentions, 11);
  EXPECT_EQ(stats->first_date, "2022-05-20");
  EXPECT_EQ(stats->last_date, "2023-01-10");
}

TEST_F(EventStoreTest, AggregatesLikeGdelt) {
  auto store = OpenOrDie(FreshPath("aggregate"));
  ASSERT_TRUE(store);
  PutCorpus(*store);
  // Reported by a1 (Silk Road Observer) and a3 (Astana Times).
  auto meeting = FindEvent(store->db(), "2022-05-20", "CHNGOV", "KAZGOV", "040");
  ASSERT_TRUE(meeting);
  EXPECT_EQ(meeting->num_mentions, 2);
  EXPECT_EQ(meeting->num_articles, 2);
  EXPECT_EQ(meeting->num_sources, 2);
  EXPECT_EQ(meeting->quad_class, 1);
  ASSERT_TRUE(meeting->goldstein);
  EXPECT_DOUBLE_EQ(*meeting->goldstein, 1.0);
  // Two sentences of one article.
  auto intent = FindEvent(store->db(), "2022-05-20", "CHN", "KAZ", "030");
  ASSERT_TRUE(intent);
  EXPECT_EQ(intent->num_mentions, 2);
  EXPECT_EQ(intent->num_articles, 1);
  EXPECT_EQ(intent->num_sources, 1);
  // The mentions stay queryable, each with its sentence and spans.
  auto mentions = QueryMentions(store->db(), meeting->id, 10);
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 2u);
  std::set<std::string> articles;
  for (const MentionRow& m : *mentions) {
    articles.insert(m.article_id);
    EXPECT_NE(m.sentence.find("met with"), std::string::npos) << m.sentence;
    EXPECT_EQ(m.verb_span.end - m.verb_span.begin, std::string("met with").size());
    EXPECT_EQ(m.rule, "test_corpus:040");
  }
  EXPECT_EQ(articles, (std::set<std::string>{"a1", "a3"}));
}

TEST_F(EventStoreTest, ReingestingIsIdempotent) {
  auto store = OpenOrDie(FreshPath("idempotent"));
  ASSERT_TRUE(store);
  PutCorpus(*store);
  auto before = QueryEvents(store->db(), EventFilter{});
  ASSERT_TRUE(before.ok());
  PutCorpus(*store);
  PutCorpus(*store);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 5);
  EXPECT_EQ(stats->events, 9);
  EXPECT_EQ(stats->mentions, 11);
  auto after = QueryEvents(store->db(), EventFilter{});
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(before->size(), after->size());
  for (size_t i = 0; i < before->size(); ++i) {
    EXPECT_EQ((*before)[i].id, (*after)[i].id) << "event ids stay stable across re-ingest";
    EXPECT_EQ((*before)[i].num_mentions, (*after)[i].num_mentions);
    EXPECT_EQ((*before)[i].num_articles, (*after)[i].num_articles);
    EXPECT_EQ((*before)[i].num_sources, (*after)[i].num_sources);
  }
}

TEST_F(EventStoreTest, ReplacingAnArticleUpdatesCountsAndDropsUnsupportedEvents) {
  auto store = OpenOrDie(FreshPath("replace"));
  ASSERT_TRUE(store);
  PutCorpus(*store);
  // a3 now reports nothing: the meeting keeps one mention; a new source for a1's article changes
  // nothing else.
  auto corpus = test_corpus::Articles();
  ASSERT_TRUE(store->PutArticle(corpus[2].first, {}).ok());
  auto meeting = FindEvent(store->db(), "2022-05-20", "CHNGOV", "KAZGOV", "040");
  ASSERT_TRUE(meeting);
  EXPECT_EQ(meeting->num_mentions, 1);
  EXPECT_EQ(meeting->num_sources, 1);
  // a5 drops its only event: the event goes.
  ASSERT_TRUE(store->PutArticle(corpus[4].first, {}).ok());
  EXPECT_FALSE(FindEvent(store->db(), "2023-01-10", "KAZ", "CHN", "112"));
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 5);
  EXPECT_EQ(stats->events, 8);
  EXPECT_EQ(stats->mentions, 9);
  // a3 moves to another publisher of the same name as a1's: sources count publishers, not articles.
  Article a3 = corpus[2].first;
  a3.source = "Silk Road Observer";
  ASSERT_TRUE(store->PutArticle(a3, corpus[2].second).ok());
  meeting = FindEvent(store->db(), "2022-05-20", "CHNGOV", "KAZGOV", "040");
  ASSERT_TRUE(meeting);
  EXPECT_EQ(meeting->num_mentions, 2);
  EXPECT_EQ(meeting->num_articles, 2);
  EXPECT_EQ(meeting->num_sources, 1);
}

TEST_F(EventStoreTest, ContentHashAndCoderDecideWhetherToRecode) {
  auto store = OpenOrDie(FreshPath("hash"));
  ASSERT_TRUE(store);
  auto corpus = test_corpus::Articles();
  const Article& a1 = corpus[0].first;
  ASSERT_TRUE(store->PutArticle(a1, corpus[0].second, "coder-1").ok());
  std::string hash = ContentHash(a1);
  EXPECT_EQ(hash.size(), 16u);
  EXPECT_TRUE(*store->StoredArticleMatches("a1", hash, "coder-1"));
  EXPECT_FALSE(*store->StoredArticleMatches("a1", hash, "coder-2"));
  EXPECT_FALSE(*store->StoredArticleMatches("a2", hash, "coder-1"));
  Article changed = a1;
  changed.text += " More.";
  EXPECT_NE(ContentHash(changed), hash);
  Article moved = a1;
  moved.date = "2022-05-21";
  EXPECT_NE(ContentHash(moved), hash);
  // Sentences are the pipeline's output, not its input: they do not change the hash.
  Article resegmented = a1;
  resegmented.sentences.clear();
  EXPECT_EQ(ContentHash(resegmented), hash);
}

TEST_F(EventStoreTest, ErrorRecordsAreKeptOncePerOrigin) {
  auto store = OpenOrDie(FreshPath("errors"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutError({"feed.jsonl#3", "line 3: not JSON"}).ok());
  ASSERT_TRUE(store->PutError({"feed.jsonl#3", "line 3: not JSON"}).ok());
  ASSERT_TRUE(store->PutError({"feed.jsonl#9", "line 9: no text"}).ok());
  EXPECT_EQ(store->Stats()->errors, 2);
  // The record later reads fine: its error goes.
  Article a = test_corpus::Articles()[1].first;
  a.origin = "feed.jsonl#3";
  ASSERT_TRUE(store->PutArticle(a, {}).ok());
  EXPECT_EQ(store->Stats()->errors, 1);
}

TEST_F(EventStoreTest, ClampsSpansOutsideTheText) {
  auto store = OpenOrDie(FreshPath("clamp"));
  ASSERT_TRUE(store);
  auto corpus = test_corpus::Articles();
  Article a = corpus[2].first;
  std::vector<Event> events = corpus[2].second;
  events[0].verb_span = {a.text.size() - 2, a.text.size() + 50};
  events[0].target_span = {a.text.size() + 10, a.text.size() + 5};
  ASSERT_TRUE(store->PutArticle(a, events).ok());
  auto m = GetMention(store->db(), 1);
  ASSERT_TRUE(m.ok() && *m);
  EXPECT_EQ((*m)->verb_span.end, a.text.size());
  EXPECT_EQ((*m)->target_span.begin, a.text.size());
  EXPECT_EQ((*m)->target_span.end, a.text.size());
}

TEST_F(EventStoreTest, MigratesOlderStoresKeepingTheirRows) {
  std::string path = FreshPath("migrate");
  {
    OpenOptions v1;
    v1.migrate_to = 1;
    auto store = OpenOrDie(path, v1);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schema_version(), 1);
    // Version 1 has no errors table yet.
    EXPECT_FALSE(store->db().Exec("SELECT COUNT(*) FROM errors").ok());
    auto corpus = test_corpus::Articles();
    ASSERT_TRUE(store->db()
                    .Exec("INSERT INTO articles(id, date, text) VALUES('old', '2020-01-01', 'Old text.')")
                    .ok());
  }
  {
    OpenOptions reader;
    reader.read_only = true;
    auto old = EventStore::Open(path, reader);
    ASSERT_FALSE(old.ok());
    EXPECT_NE(old.status().message().find("schema version 1 is older"), std::string::npos)
        << old.status().message();
  }
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
  Result<int64_t> version = store->db().SchemaVersion(), owner = store->db().ApplicationId();
  ASSERT_TRUE(version.ok() && owner.ok()) << version.status().message() << owner.status().message();
  EXPECT_EQ(*version, kSchemaVersion);
  EXPECT_EQ(*owner, kApplicationId);
  EXPECT_EQ(*QueryInt(store->db(), "SELECT COUNT(*) FROM articles WHERE id = 'old'"), 1);
  EXPECT_TRUE(store->PutError({"x:1", "bad"}).ok());
  if (store->db().engine() == Engine::kSqlite) {
    EXPECT_EQ(*QueryInt(store->db(), "SELECT COUNT(*) FROM sqlite_master WHERE name = 'events_by_source'"), 1);
  } else {
    EXPECT_EQ(*QueryInt(store->db(), "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'events_by_source'"), 1);
  }
}

// Version 3 adds each mention's location and each article's tone: a version 2 store keeps its rows
// (unlocated, untoned), and what is stored afterwards carries both into the export rows.
TEST_F(EventStoreTest, Version3AddsLocationsAndToneToAVersion2Store) {
  std::string path = FreshPath("migrate_v3");
  auto corpus = test_corpus::Articles();
  {
    OpenOptions v2;
    v2.migrate_to = 2;
    auto store = OpenOrDie(path, v2);
    ASSERT_TRUE(store);
    EXPECT_FALSE(store->db().Exec("SELECT geo_type FROM mentions").ok());
    ASSERT_TRUE(store->db()
                    .Exec("INSERT INTO articles(id, date, text) VALUES('old', '2020-01-01', 'Old text.');"
                          "INSERT INTO events(date, source, target, code, root, quad_class, num_mentions, "
                          "num_articles, num_sources) VALUES('2020-01-01', 'CHN', 'KAZ', '040', '04', 1, 1, 1, 1);"
                          "INSERT INTO mentions(event_id, article_id, sentence_index, source_begin, source_end, "
                          "verb_begin, verb_end, target_begin, target_end) VALUES((SELECT id FROM events WHERE "
                          "date = '2020-01-01'), 'old', 0, 0, 3, 4, 8, 0, 0);")
                    .ok());
  }
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), 3);
  auto [article, events] = corpus[0];
  ASSERT_FALSE(events.empty());
  for (Event& e : events) {
    e.location = {Location::kCity, "Astana, Kazakhstan", "KZ", "KZ05", 51.1801, 71.44598, "1526273"};
    e.tone = 2.5;
    e.has_tone = true;
  }
  ASSERT_TRUE(store->PutArticle(article, events).ok());
  EventFilter all;
  all.limit = 0;
  int old_rows = 0, new_rows = 0;
  ASSERT_TRUE(ForEachEventRow(store->db(), all, [&](const output::EventRow& r) {
                if (r.article_id == "old") {
                  ++old_rows;
                  EXPECT_EQ(r.location.type, 0);
                  EXPECT_FALSE(r.tone.has_value());
                } else {
                  ++new_rows;
                  EXPECT_EQ(r.location.feature_id, "1526273");
                  EXPECT_DOUBLE_EQ(r.location.lat, 51.1801);
                  EXPECT_DOUBLE_EQ(r.tone.value_or(0), 2.5);
                }
                return true;
              }).ok());
  EXPECT_EQ(old_rows, 1);
  EXPECT_GE(new_rows, 1);
}

TEST_F(EventStoreTest, RefusesNewerAndForeignDatabases) {
  if (test_stores::OnPostgres()) GTEST_SKIP() << "SQLite files only";
  std::string newer = FreshPath("newer");
  {
    auto db = OpenSqliteFile(newer, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("PRAGMA user_version = 99").ok());
  }
  auto s = EventStore::Open(newer, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(s.status().message().find("schema version 99, this build reads up to"), std::string::npos)
      << s.status().message();

  std::string foreign = FreshPath("foreign");
  {
    auto db = OpenSqliteFile(foreign, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("CREATE TABLE t(x)").ok());
  }
  s = EventStore::Open(foreign, {});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("not a dragoman store"), std::string::npos) << s.status().message();

  std::string text = FreshPath("text");
  std::ofstream(text) << "this is not a database at all, just some text that is long enough to be a header\n";
  s = EventStore::Open(text, {});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find(text), std::string::npos) << s.status().message();
}

TEST_F(EventStoreTest, ReadOnlyStoresRefuseWritesAndMissingFiles) {
  std::string path = FreshPath("readonly");
  OpenOptions reader;
  reader.read_only = true;
  auto missing = EventStore::Open(path, reader);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(fs::exists(path)) << "a reader must not create the file";
  {
    auto writer = OpenOrDie(path);
    ASSERT_TRUE(writer);
    PutCorpus(*writer);
  }
  auto store = OpenOrDie(path, reader);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->Stats()->events, 9);
  auto corpus = test_corpus::Articles();
  EXPECT_FALSE(store->PutArticle(corpus[0].first, corpus[0].second).ok());
  EXPECT_FALSE(store->db().Exec("DELETE FROM events").ok());
  EXPECT_EQ(store->Stats()->events, 9);
}

}  // namespace
}  // namespace dragoman::store
