// The date cascade alone: dates in URLs, the order of sources, placeholders, and UTC against the
// date readers saw.
#include "ingest/page_date.h"

#include <gtest/gtest.h>

namespace dragoman::ingest {
namespace {

TEST(PageDate, DatesInUrlPaths) {
  EXPECT_EQ(DateInUrl("https://www.example.com/world/2019/11/18/talks-resume/"), "2019-11-18");
  EXPECT_EQ(DateInUrl("https://example.com/2019/1/8/talks"), "2019-01-08");
  EXPECT_EQ(DateInUrl("https://example.com/news/2019-11-18-talks-resume"), "2019-11-18");
  EXPECT_EQ(DateInUrl("https://example.com/news/20191118/talks"), "2019-11-18");
  EXPECT_EQ(DateInUrl("https://example.com/2019/11/talks"), std::nullopt);       // no day
  EXPECT_EQ(DateInUrl("https://example.com/story/12345678"), std::nullopt);      // an id, not a date
  EXPECT_EQ(DateInUrl("https://2019.example.com/a?d=2019/11/18"), std::nullopt);  // host and query
  EXPECT_EQ(DateInUrl("https://example.com/2019/13/45/x"), std::nullopt);
}

TEST(PageDate, SourcesInOrderAndPlaceholdersPassedOver) {
  PageDateSources s;
  s.text.push_back("Posted Nov. 17, 2019");
  s.byline.push_back("By Jane Doe | Nov. 16, 2019");
  s.time.push_back("2019-11-15");
  s.json_ld.push_back("0001-01-01T00:00:00Z");
  std::vector<DateCandidate> all = s.Candidates({{"article:published_time", "1970-01-01T00:00:00Z"}},
                                                {"https://example.com/2019/11/14/x"});
  ASSERT_EQ(all.size(), 4u);
  EXPECT_STREQ(all[0].source, "time");
  EXPECT_STREQ(all[1].source, "byline");
  EXPECT_STREQ(all[2].source, "url");
  EXPECT_STREQ(all[3].source, "text");
  EXPECT_EQ(ChooseDate(all)->iso, "2019-11-15");
  EXPECT_EQ(ChooseDate({}), nullptr);
}

TEST(PageDate, UtcYieldsToTheDateReadersSaw) {
  PageDateSources s;
  s.json_ld.push_back("2019-11-19T02:10:00Z");
  s.byline.push_back("Nov. 18, 2019");
  const std::vector<DateCandidate> all = s.Candidates({}, {});
  EXPECT_EQ(ChooseDate(all)->iso, "2019-11-18");
  // A timestamp with its own offset is the local date already; a UTC one with nothing to contradict
  // it stands.
  PageDateSources local;
  local.json_ld.push_back("2019-11-18T21:10:00-05:00");
  local.byline.push_back("Nov. 19, 2019");
  EXPECT_EQ(ChooseDate(local.Candidates({}, {}))->iso, "2019-11-18");
  PageDateSources alone;
  alone.json_ld.push_back("2019-11-19T02:10:00Z");
  EXPECT_EQ(ChooseDate(alone.Candidates({}, {}))->iso, "2019-11-19");
}

}  // namespace
}  // namespace dragoman::ingest
