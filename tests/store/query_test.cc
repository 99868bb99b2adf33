#include "store/query.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/event_store.h"
#include "test_corpus.h"
#include "test_stores.h"

namespace dragoman::store {
namespace {

namespace fs = std::filesystem;

class QueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!test_stores::SkipReason().empty()) return;
    path_ = test_stores::FreshStore("store", "query");  // one per test process
    auto store = EventStore::Open(path_, {});
    ASSERT_TRUE(store.ok()) << store.status().message();
    for (const auto& [article, events] : test_corpus::Articles())
      ASSERT_TRUE((*store)->PutArticle(article, events).ok());
  }
  void SetUp() override {
    if (std::string why = test_stores::SkipReason(); !why.empty()) GTEST_SKIP() << why;
    OpenOptions reader;
    reader.read_only = true;
    auto store = EventStore::Open(path_, reader);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = store.take();
  }
  Db& db() { return store_->db(); }

  std::vector<EventRow> Events(EventFilter f) {
    Status s = NormalizeFilter(&f);
    EXPECT_TRUE(s.ok()) << s.message();
    auto rows = QueryEvents(db(), f);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    auto count = CountEvents(db(), f);
    EXPECT_TRUE(count.ok());
    if (f.offset == 0 && rows->size() < f.limit) {
      EXPECT_EQ(*count, static_cast<int64_t>(rows->size()));
    }
    return rows.ok() ? *rows : std::vector<EventRow>{};
  }

  static std::string path_;
  std::unique_ptr<EventStore> store_;
};

std::string QueryTest::path_;

std::vector<std::string> Keys(const std::vector<EventRow>& rows) {
  std::vector<std::string> keys;
  for (const EventRow& r : rows) keys.push_back(r.date + " " + r.source + " " + r.code + " " + r.target);
  return keys;
}

TEST_F(QueryTest, ActorCodesMatchByPrefix) {
  EventFilter f;
  f.source = "chn";  // case-insensitive, and CHN covers CHNGOV
  EXPECT_EQ(Keys(Events(f)),
            (std::vector<std::string>{"2022-05-20 CHN 030 KAZ", "2022-05-20 CHNGOV 040 KAZGOV",
                                      "2022-05-21 CHN 071 KAZ"}));
  f = {};
  f.target = "KAZGOV";
  EXPECT_EQ(Keys(Events(f)), (std::vector<std::string>{"2022-05-20 CHNGOV 040 KAZGOV"}));
}

TEST_F(QueryTest, DyadMatchesEitherDirection) {
  EventFilter f;
  f.dyad_a = "KAZ";
  f.dyad_b = "RUS";
  EXPECT_EQ(Keys(Events(f)),
            (std::vector<std::string>{"2022-08-03 KAZCOP 173 RUS", "2022-08-03 RUS 111 KAZ"}));
  f.dyad_a = "CHN";
  f.dyad_b = "KAZ";
  EXPECT_EQ(Events(f).size(), 7u);
}

TEST_F(QueryTest, RootCodeQuadDateAndTextFilters) {
  EventFilter f;
  f.root = "03";
  EXPECT_EQ(Keys(Events(f)),
            (std::vector<std::string>{"2022-05-20 CHN 030 KAZ", "2022-05-20 KAZ 036 CHNGOV"}));
  f = {};
  f.code = "03";
  EXPECT_EQ(Events(f).size(), 2u);
  f.code = "036";
  EXPECT_EQ(Events(f).size(), 1u);
  f = {};
  f.quad_classes = {3, 4};
  EXPECT_EQ(Keys(Events(f)), (std::vector<std::string>{"2022-08-03 KAZCOP 173 RUS", "2022-08-03 RUS 111 KAZ",
                                                       "2023-01-10 KAZ 112 CHN"}));
  f = {};
  f.from = "2022-05-21";
  f.to = "2022-08";
  EXPECT_EQ(Keys(Events(f)),
            (std::vector<std::string>{"2022-05-21 CHN 071 KAZ", "2022-05-21 KAZ 057 CHN",
                                      "2022-08-03 KAZCOP 173 RUS", "2022-08-03 RUS 111 KAZ"}));
  f = {};
  f.to = "2022";
  EXPECT_EQ(Events(f).size(), 8u);
  f = {};
  f.text = "GRAIN export";  // case-insensitive, in a mentioning sentence
  EXPECT_EQ(Keys(Events(f)), (std::vector<std::string>{"2022-08-03 RUS 111 KAZ"}));
  f.text = "100%";  // LIKE wildcards are literal
  EXPECT_TRUE(Events(f).empty());
  f = {};
  f.text = "Water talks";  // an article title
  EXPECT_EQ(Keys(Events(f)), (std::vector<std::string>{"2023-01-10 KAZ 112 CHN"}));
  f = {};
  f.article_id = "a3";
  EXPECT_EQ(Keys(Events(f)), (std::vector<std::string>{"2022-05-20 CHNGOV 040 KAZGOV"}));
}

TEST_F(QueryTest, LimitOffsetAndOrderByMentions) {
  EventFilter f;
  f.limit = 2;
  f.offset = 1;
  auto page = Events(f);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(*CountEvents(db(), f), 9);
  f = {};
  f.by_mentions = true;
  f.limit = 2;
  auto top = Events(f);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].num_mentions, 2);
  EXPECT_EQ(top[1].num_mentions, 2);
}

TEST_F(QueryTest, BadFiltersAreRefusedWithTheValue) {
  auto message = [](EventFilter f) {
    Status s = NormalizeFilter(&f);
    return s.ok() ? std::string("ok") : s.message();
  };
  EventFilter f;
  f.root = "5x";
  EXPECT_EQ(message(f), "--root \"5x\": expected a two-digit CAMEO root such as \"05\"");
  f = {};
  f.source = "CHN' OR 1=1 --";
  EXPECT_NE(message(f).find("--source \"CHN' OR 1=1 --\""), std::string::npos);
  f = {};
  f.from = "2022-02-30";
  EXPECT_NE(message(f).find("--from \"2022-02-30\""), std::string::npos);
  f = {};
  f.to = "May 2022";
  EXPECT_NE(message(f).find("expected a date"), std::string::npos);
  f = {};
  f.quad_classes = {5};
  EXPECT_NE(message(f).find("quad class 1 to 4"), std::string::npos);
  f = {};
  f.dyad_a = "CHN";
  EXPECT_NE(message(f).find("two actor codes"), std::string::npos);
  f = {};
  f.limit = 0;
  EXPECT_NE(message(f).find("--limit \"0\""), std::string::npos);
  f = {};
  f.code = "*";
  EXPECT_NE(message(f).find("--code \"*\""), std::string::npos);
  EXPECT_EQ(message(EventFilter{}), "ok");
}

TEST_F(QueryTest, DyadTimelinePerMonthAndWeek) {
  TimelineQuery q;
  q.a = "CHN";
  q.b = "KAZ";
  q.by = Period::kMonth;
  auto rows = QueryTimeline(db(), q);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  const TimelineRow& may = (*rows)[0];
  EXPECT_EQ(may.period, "2022-05");
  EXPECT_EQ(may.events, 6);
  EXPECT_EQ(may.mentions, 8);
  EXPECT_EQ(may.quad_counts, (std::array<int64_t, 4>{5, 1, 0, 0}));
  EXPECT_DOUBLE_EQ(may.goldstein_sum, 1.0 + 4.0 + 3.4 + 4.0 + 8.0 + 7.4);
  EXPECT_DOUBLE_EQ(*may.goldstein_mean, (1.0 + 4.0 + 3.4 + 4.0 + 8.0 + 7.4) / 6);
  EXPECT_EQ((*rows)[1].period, "2023-01");
  EXPECT_EQ((*rows)[1].quad_counts, (std::array<int64_t, 4>{0, 0, 1, 0}));

  // 2022-05-20 is a Friday and 05-21 a Saturday: one week, labelled by its Monday.
  q.by = Period::kWeek;
  rows = QueryTimeline(db(), q);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].period, "2022-05-16");
  EXPECT_EQ((*rows)[1].period, "2023-01-09");

  q.by = Period::kDay;
  q.directed = true;  // CHN -> KAZ only
  rows = QueryTimeline(db(), q);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].period, "2022-05-20");
  EXPECT_EQ((*rows)[0].events, 2);
  EXPECT_EQ((*rows)[1].period, "2022-05-21");

  q = {};
  q.a = "RUS";  // one actor: every event it takes part in
  q.by = Period::kYear;
  rows = QueryTimeline(db(), q);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].period, "2022");
  EXPECT_EQ((*rows)[0].quad_counts, (std::array<int64_t, 4>{0, 0, 1, 1}));
  EXPECT_FALSE(ParsePeriod("fortnight").ok());
}

TEST_F(QueryTest, MostActiveActorsAndDyads) {
  ActivityQuery q;
  q.prefix = 3;
  auto actors = QueryActors(db(), q);
  ASSERT_TRUE(actors.ok()) << actors.status().message();
  ASSERT_GE(actors->size(), 3u);
  EXPECT_EQ((*actors)[0].actor, "KAZ");
  EXPECT_EQ((*actors)[0].events, 9);
  EXPECT_EQ((*actors)[1].actor, "CHN");
  EXPECT_EQ((*actors)[1].events, 7);
  EXPECT_EQ((*actors)[2].actor, "RUS");
  auto dyads = QueryDyads(db(), q);
  ASSERT_TRUE(dyads.ok()) << dyads.status().message();
  ASSERT_EQ(dyads->size(), 2u);
  EXPECT_EQ((*dyads)[0].a, "CHN");
  EXPECT_EQ((*dyads)[0].b, "KAZ");
  EXPECT_EQ((*dyads)[0].events, 7);
  EXPECT_EQ((*dyads)[1].a, "KAZ");
  EXPECT_EQ((*dyads)[1].b, "RUS");
  q.prefix = 0;
  q.from = "2022-08";
  actors = QueryActors(db(), q);
  ASSERT_TRUE(actors.ok());
  ASSERT_EQ(actors->size(), 4u);  // KAZ and RUS in two events each, then CHN and KAZCOP in one
  EXPECT_EQ((*actors)[0].actor, "KAZ");
  EXPECT_EQ((*actors)[1].actor, "RUS");
  EXPECT_EQ((*actors)[1].events, 2);
  EXPECT_EQ((*actors)[1].as_source, 1);
  EXPECT_EQ((*actors)[1].as_target, 1);
  EXPECT_EQ((*actors)[2].actor, "CHN");
  EXPECT_EQ((*actors)[3].actor, "KAZCOP");
}

TEST_F(QueryTest, ArticleViewMarksTheMentionsWords) {
  EventFilter f;
  f.article_id = "a4";
  f.root = "17";
  auto events = Events(f);
  ASSERT_EQ(events.size(), 1u);
  auto mentions = QueryMentions(db(), events[0].id, 10);
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 1u);
  const MentionRow& m = (*mentions)[0];
  EXPECT_EQ(m.sentence, "Kazakh police arrested Russian activists in Almaty.");
  auto view = GetArticleView(db(), "a4", m.id);
  ASSERT_TRUE(view.ok()) << view.status().message();
  ASSERT_TRUE(*view);
  std::string whole, sentence, source, verb, target;
  for (const TextPiece& p : (*view)->pieces) {
    whole += p.text;
    if (p.sentence) sentence += p.text;
    if (p.source) source += p.text;
    if (p.verb) verb += p.text;
    if (p.target) target += p.text;
  }
  EXPECT_EQ(whole, test_corpus::Articles()[3].first.text);
  EXPECT_EQ(sentence, m.sentence);
  EXPECT_EQ(source, "Kazakh police");
  EXPECT_EQ(verb, "arrested");
  EXPECT_EQ(target, "Russian activists");
  EXPECT_EQ((*view)->mention_count, 2);
  auto json = ToJson(**view);
  EXPECT_EQ(json["pieces"].size(), (*view)->pieces.size());

  auto wrong = GetArticleView(db(), "a1", m.id);  // the mention is in a4
  EXPECT_FALSE(wrong.ok());
  auto none = GetArticleView(db(), "no-such-article", 0);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(*none);
}

TEST(DumpJsonTest, ReplacesInvalidUtf8InsteadOfThrowing) {
  nlohmann::json j = {{"text", std::string("ok \xff bad")}};
  std::string out = DumpJson(j);
  EXPECT_NE(out.find("ok "), std::string::npos);
  EXPECT_NE(out.find("\xef\xbf\xbd"), std::string::npos);  // U+FFFD
}

}  // namespace
}  // namespace dragoman::store
