// Cross-article boilerplate: a paragraph a site prints on several unrelated pages is furniture;
// the same paragraph on another site, a page read twice, and two versions of one story are not.
#include "ingest/site_boilerplate.h"

#include <gtest/gtest.h>

namespace dragoman::ingest {
namespace {

Article Page(const std::string& url, const std::string& title, const std::vector<std::string>& paragraphs) {
  Article a;
  a.url = url;
  a.title = title;
  a.text = title;
  a.title_span = Span{0, title.size()};
  for (const std::string& p : paragraphs) a.text += "\n\n" + p;
  return a;
}

const std::string kTeaser = "Read next: the minister visits the neighbouring capital for talks on trade.";

std::vector<std::string> Texts(const Article& a, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (Span s : spans) out.emplace_back(a.Slice(s));
  return out;
}

TEST(SiteBoilerplate, ARepeatedParagraphOfOneSiteIsFurniture) {
  SiteBoilerplate seen;
  Article a = Page("https://www.example.com/a", "First story", {"The council voted to close the old bridge.", kTeaser});
  Article b = Page("http://example.com/b?x=1", "Second story", {"The harbour reopened after the storm on Friday.", kTeaser});
  Article c = Page("https://other.org/c", "Third story", {"Rain is expected for the whole of next week here.", kTeaser});
  seen.Add(a);
  EXPECT_TRUE(seen.Furniture(a).empty());  // once is not yet furniture
  seen.Add(b);
  seen.Add(c);
  EXPECT_EQ(Texts(a, seen.Furniture(a)), std::vector<std::string>{kTeaser});
  EXPECT_EQ(Texts(b, seen.Furniture(b)), std::vector<std::string>{kTeaser});
  EXPECT_TRUE(seen.Furniture(c).empty());  // another site
  EXPECT_EQ(SiteBoilerplate::SiteOf(b), "example.com");
}

TEST(SiteBoilerplate, PagesThatShareOnlyTeasersAreUnrelated) {
  SiteBoilerplate seen;
  const std::string teaser2 = "Also read: storms close schools across the north for a second day.";
  Article a = Page("https://example.com/a", "A story", {"The council voted to close the old bridge.", kTeaser, teaser2});
  Article b = Page("https://example.com/b", "B story", {"The harbour reopened after the storm on Friday.", kTeaser, teaser2});
  seen.Add(a);
  seen.Add(b);
  EXPECT_EQ(Texts(b, seen.Furniture(b)), (std::vector<std::string>{kTeaser, teaser2}));
}

TEST(SiteBoilerplate, DuplicatesAndVersionsOfAStoryAreNotFurniture) {
  SiteBoilerplate seen;
  std::vector<std::string> story = {"The council voted on Monday to close the old bridge to traffic.",
                                    "Work will start in March and last about six months, officials said.",
                                    "Drivers will have to use the ring road during the repairs."};
  Article first = Page("https://example.com/bridge", "Bridge to close", story);
  seen.Add(first);
  seen.Add(first);  // read twice
  std::vector<std::string> update = story;
  update.push_back("The mayor later said the work could begin as early as February.");
  Article second = Page("https://example.com/bridge-update", "Bridge to close in February", update);
  seen.Add(second);
  EXPECT_TRUE(seen.Furniture(first).empty());
  EXPECT_TRUE(seen.Furniture(second).empty());
}

TEST(SiteBoilerplate, ShortParagraphsAndPagesWithoutASiteAreLeftAlone) {
  SiteBoilerplate seen;
  Article a = Page("https://example.com/a", "A", {"Fans sang.", "The home side won the derby on Saturday night."});
  Article b = Page("https://example.com/b", "B", {"Fans sang.", "The away side lost the derby on Saturday night."});
  seen.Add(a);
  seen.Add(b);
  EXPECT_TRUE(seen.Furniture(a).empty());
  Article plain = Page("", "Plain", {kTeaser});
  seen.Add(plain);
  seen.Add(plain);
  EXPECT_TRUE(seen.Furniture(plain).empty());
}

}  // namespace
}  // namespace dragoman::ingest
