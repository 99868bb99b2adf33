// Hand-made pages, one per kind of real page that went wrong (issue 14): the article kept whole
// whatever its wrappers are named, furniture dropped by name and by structure, short content kept
// inside the article, and the date found in every place a page shows it, with its source.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "ingest/html_extractor.h"

namespace dragoman::ingest {
namespace {

std::string AllText(const HtmlPage& page) {
  std::string out;
  for (const std::string& p : page.paragraphs) out += p + "\n";
  return out;
}

bool HasParagraph(const HtmlPage& page, const std::string& text) {
  return std::find(page.paragraphs.begin(), page.paragraphs.end(), text) != page.paragraphs.end();
}

std::string Page(const std::string& head, const std::string& body, const std::string& lang = "en") {
  return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>Talks resume</title>" +
         head + "</head><body>" + body + "</body></html>";
}

// Four paragraphs of running text that any extractor must keep.
const std::string kStory =
    "<p>Negotiators from both countries met in Geneva on Tuesday to resume talks on the border dispute.</p>"
    "<p>The foreign minister said the two sides had agreed to set up a joint commission within a month.</p>"
    "<p>Officials on the other side welcomed the move but warned that much work remained to be done.</p>"
    "<p>The talks are expected to continue next week with a second round in the capital.</p>";

const std::string kSidebar =
    "<div class=\"widget\"><h3>Popular</h3><ul><li><a href=\"/a\">Storm hits the coast again</a></li>"
    "<li><a href=\"/b\">Markets fall as rates rise</a></li><li><a href=\"/c\">Team wins the cup final</a></li>"
    "</ul></div>";

TEST(PageKinds, LayoutWrappersNamedLikeFurnitureKeepTheArticle) {
  for (const std::string wrapper :
       {"<div class=\"theiaStickySidebar\">", "<div class=\"penci-wrapper penci_sidebar\">",
        "<div class=\"header-style-header-2 container\">", "<div id=\"sidebar-layout\">"}) {
    HtmlPage page = ExtractHtml(Page("", wrapper + kStory + "</div><aside>" + kSidebar + "</aside>"));
    EXPECT_EQ(page.paragraphs.size(), 4u) << wrapper << "\n" << AllText(page);
    EXPECT_TRUE(HasParagraph(page, "The talks are expected to continue next week with a second round in the capital."))
        << wrapper;
  }
  // Taxonomy classes on the post's wrapper name its subject; a wrapper around the headline is
  // the article's whatever its name says.
  for (const std::string wrapper : {"<div class=\"post-12 type-post tag-social-media category-comment\">",
                                    "<div id=\"main\" class=\"has-comments share-enabled\"><h1>Talks resume</h1>"}) {
    HtmlPage page = ExtractHtml(Page("", wrapper + kStory + "</div>"));
    EXPECT_EQ(page.paragraphs.size(), 4u) << wrapper << "\n" << AllText(page);
  }
  // A real sidebar, named so and holding little of the text, is still dropped.
  HtmlPage page = ExtractHtml(Page("", "<div class=\"content\">" + kStory + "</div><div class=\"sidebar\">" +
                                           "<p>Our weekly podcast is out now with three new episodes.</p></div>"));
  EXPECT_EQ(AllText(page).find("podcast"), std::string::npos) << AllText(page);
}

TEST(PageKinds, PaywallInsideArticleBodyIsStillTheArticle) {
  HtmlPage page = ExtractHtml(Page(
      "", "<div itemprop=\"articleBody\"><p>The first paragraph of the story is open to every reader today.</p>"
          "<div class=\"paywall\">" + kStory + "</div></div>"));
  EXPECT_EQ(page.paragraphs.size(), 5u) << AllText(page);
}

// Teasers of related stories, more text than the article, in repeated blocks that a page names
// neutrally: the article marked as articleBody wins and the teasers are dropped.
std::string Teasers(int n) {
  std::string out = "<div class=\"grid\">";
  for (int i = 0; i < n; ++i) {
    out += "<div class=\"card\"><a href=\"/story" + std::to_string(i) + "\"><h3>Another story number " +
           std::to_string(i) + " about politics</h3></a><p>Summary " + std::to_string(i) +
           ": ministers met to discuss a plan.</p></div>";
  }
  return out + "</div>";
}

TEST(PageKinds, ArticleBodyWinsOverTeasersAndFurnitureIsDropped) {
  std::string body = "<main><div itemprop=\"articleBody\">" + kStory +
                     "<div class=\"newsletter-box\"><p>Get our best stories in your inbox every morning, free of "
                     "charge, from our editors.</p></div>"
                     "<div class=\"author-bio\"><p>Jane Doe has covered diplomacy for the paper since 2004 and "
                     "lives in Geneva.</p></div></div>" +
                     Teasers(12) +
                     "<div class=\"comment-policy\"><p>We welcome comments that are civil and stay on topic; "
                     "we remove abusive ones.</p></div>"
                     "<div class=\"more-stories\"><p>More stories from our correspondents around the world "
                     "are waiting.</p></div></main>";
  HtmlPage page = ExtractHtml(Page("", body));
  EXPECT_EQ(page.paragraphs.size(), 4u) << AllText(page);
  std::string text = AllText(page);
  for (const char* furniture : {"Summary", "inbox", "Jane Doe", "civil", "correspondents"}) {
    EXPECT_EQ(text.find(furniture), std::string::npos) << furniture << "\n" << text;
  }
}

TEST(PageKinds, TheArticleElementHoldingMostTextIsTheArticle) {
  // Comments with more text than the story, in neutrally named blocks: <article> still decides.
  std::string body = "<div class=\"wrap\"><article class=\"story\">" + kStory + "</article><div class=\"thread\">";
  for (int i = 0; i < 6; ++i) {
    body += "<div class=\"c\"><p>Reader " + std::to_string(i) +
            " wrote a long reply here about the talks and what they might mean for the region.</p></div>";
  }
  body += "</div></div>";
  HtmlPage page = ExtractHtml(Page("", body));
  EXPECT_EQ(page.paragraphs.size(), 4u) << AllText(page);
  EXPECT_EQ(AllText(page).find("Reader"), std::string::npos) << AllText(page);
}

// Furniture that no name gives away says what it is in its words.
TEST(PageKinds, PleasPoliciesAndBiosAreKnownByTheirWords) {
  std::string body = "<article>" + kStory +
                     "<p>Sign up for our daily briefing and get the most important stories of the day delivered to "
                     "your inbox every morning before breakfast, free of charge.</p>"
                     "<p>Jane Doe is a staff writer covering diplomacy, security and the foreign ministry; she joined "
                     "the paper in 2004 after ten years at a news agency.</p>"
                     "<p>Comments are moderated and appear after review; please stay civil and on topic.</p></article>";
  HtmlPage page = ExtractHtml(Page("", body));
  EXPECT_EQ(page.paragraphs.size(), 4u) << AllText(page);
}

TEST(PageKinds, TeaserListsAreDroppedByStructureWithoutArticleBody) {
  // A short post, then a list of teasers holding more text: the post is the article.
  std::string body = "<div class=\"wrap\"><div class=\"post\"><p>The council voted on Monday to close the old "
                     "bridge to traffic for repairs.</p><p>Work will start in March and last about six "
                     "months, the council said.</p></div>" +
                     Teasers(8) + "</div>";
  HtmlPage page = ExtractHtml(Page("", body));
  EXPECT_EQ(page.paragraphs.size(), 2u) << AllText(page);
  EXPECT_EQ(AllText(page).find("Summary"), std::string::npos) << AllText(page);
}

TEST(PageKinds, ShortContentInsideTheArticleIsKept) {
  std::string body =
      "<article><h1>League table</h1><p>The home side moved to the top of the table after a late winner on "
      "Saturday.</p><h2>How it happened</h2><p>The goal came in the last minute of a tense match in the rain.</p>"
      "<table><tr><th>Team</th><th>Pts</th></tr><tr><td>Rovers</td><td>31</td></tr>"
      "<tr><td>United</td><td>29</td></tr></table>"
      "<p>Fans sang.</p><p>The coach praised his players for their patience and their fitness.</p>"
      "<p>Fans sang.</p><h3>Related</h3></article>";
  HtmlPage page = ExtractHtml(Page("", body));
  EXPECT_TRUE(HasParagraph(page, "How it happened")) << AllText(page);
  EXPECT_FALSE(HasParagraph(page, "League table")) << AllText(page);  // the headline, not body text
  EXPECT_TRUE(HasParagraph(page, "Rovers 31")) << AllText(page);
  EXPECT_TRUE(HasParagraph(page, "United 29")) << AllText(page);
  // A repeated paragraph is the article's refrain, not a copy: both stay.
  EXPECT_EQ(std::count(page.paragraphs.begin(), page.paragraphs.end(), "Fans sang."), 2) << AllText(page);
  // A heading with nothing after it heads nothing.
  EXPECT_FALSE(HasParagraph(page, "Related")) << AllText(page);
}

TEST(PageKinds, BylineNamesComeFromTheVisibleByline) {
  HtmlPage page = ExtractHtml(Page("", "<article><h1>Talks resume</h1><div class=\"article-byline\">By Jane Doe "
                                       "and John Roe | Nov. 18, 2019</div>" + kStory + "</article>"));
  EXPECT_EQ(page.author, "Jane Doe and John Roe");
  EXPECT_EQ(page.paragraphs.size(), 4u) << AllText(page);
  // A name in the page's metadata goes first.
  page = ExtractHtml(Page("<meta name=\"author\" content=\"Ann Lee\">",
                          "<article><div class=\"byline\">By Jane Doe</div>" + kStory + "</article>"));
  EXPECT_EQ(page.author, "Ann Lee");
}

// Script and style bodies are left out before parsing; JSON-LD is still read, and markup in a
// script's strings or after a comment holding "<script" is no page text.
TEST(PageKinds, ScriptBodiesAreSkippedButJsonLdIsRead) {
  HtmlPage page = ExtractHtml(Page(
      R"(<SCRIPT>var s = "<p>A script string that looks like a long paragraph of text.</p>";</SCRIPT>)"
      R"(<style>p { color: red }</style><!-- <script> -->)"
      R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2015-04-03"}</script>)",
      "<article>" + kStory + "<script>document.write('<p>Written by a script at run time, not text.</p>')</script>"
      "</article>"));
  EXPECT_EQ(page.paragraphs.size(), 4u) << AllText(page);
  EXPECT_EQ(page.date, "2015-04-03");
  EXPECT_EQ(page.date_source, "json-ld");
}

TEST(PageKinds, EntitiesEscapedTwiceAreDecoded) {
  HtmlPage page = ExtractHtml(Page("", "<article><p>Iran&amp;#39;s negotiator said the &amp;quot;talks&amp;quot; "
                                       "were &amp;lt;b&amp;gt;over&amp;lt;/b&amp;gt; &amp;amp; done, at &amp;#x24;5 "
                                       "a barrel.</p><p>Prices rose as 3 &lt; 4 and AT&amp;T said so on Monday.</p>"
                                       "</article>"));
  ASSERT_EQ(page.paragraphs.size(), 2u) << AllText(page);
  EXPECT_EQ(page.paragraphs[0], "Iran's negotiator said the \"talks\" were over & done, at $5 a barrel.");
  EXPECT_EQ(page.paragraphs[1], "Prices rose as 3 < 4 and AT&T said so on Monday.");
}

TEST(PageKinds, SoftHyphensAndZeroWidthSpacesLeaveTheWords) {
  HtmlPage page = ExtractHtml(Page("", "<article><p>The nego&shy;tiations on the bor\xC2\xAD" "der resumed on "
                                       "Tues&#8203;day in Geneva, officials said.</p></article>"));
  ASSERT_EQ(page.paragraphs.size(), 1u) << AllText(page);
  EXPECT_EQ(page.paragraphs[0], "The negotiations on the border resumed on Tuesday in Geneva, officials said.");
}

// ---------------------------------------------------------------------------------------------
// Dates: each source alone, and which one was used.

struct DateCase {
  const char* name;
  std::string head, body, url;
  const char* date;
  const char* source;
};

TEST(PageKinds, DateIsFoundInEveryPlaceAPageShowsIt) {
  const std::string story = "<article><h1>Talks resume</h1>" + kStory + "</article>";
  const std::string story_with = "<article><h1>Talks resume</h1>";
  std::vector<DateCase> cases = {
      {"json-ld @graph WebPage",
       R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":"WebPage","datePublished":"2019-11-18T09:00:00-05:00"}]}</script>)",
       story, "", "2019-11-18", "json-ld"},
      {"json-ld ClaimReview",
       R"(<script type="application/ld+json">{"@type":"ClaimReview","datePublished":"2020-03-04","claimReviewed":"x"}</script>)",
       story, "", "2020-03-04", "json-ld"},
      {"json-ld with a syntax error",
       R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks "resume"","datePublished":"2018-07-09T10:00:00+02:00",}</script>)",
       story, "", "2018-07-09", "json-ld"},
      {"site-specific meta", R"(<meta name="sn-post-date" content="2017-02-03 10:00:00">)", story, "",
       "2017-02-03", "meta"},
      {"time without datetime", "", story_with + "<time>Nov. 18, 2019</time>" + kStory + "</article>", "",
       "2019-11-18", "time"},
      {"data-pubdate attribute", "",
       story_with + "<span data-pubdate=\"2016-05-06T08:00:00\"></span>" + kStory + "</article>", "", "2016-05-06",
       "attribute"},
      {"script data of a page drawn by script",
       R"(<script>window.__STATE__ = {"story":{"id":7,"publishedAt":"2022-08-09T07:00:00.000Z"}};</script>)", story,
       "", "2022-08-09", "script"},
      {"escaped JSON in a script", R"(<script>self.__next_f.push([1,"{\"datePublished\":\"2021-12-13\"}"])</script>)",
       story, "", "2021-12-13", "script"},
      {"hAtom abbr title", "",
       story_with + "<abbr class=\"published\" title=\"2014-06-07T10:00:00\">June 7</abbr>" + kStory + "</article>",
       "", "2014-06-07", "byline"},
      {"visible byline", "",
       story_with + "<div class=\"article-byline\">By Jane Doe | Nov. 18, 2019</div>" + kStory + "</article>", "",
       "2019-11-18", "byline"},
      {"visible line under the headline", "", story_with + "<span>Posted Nov. 18, 2019</span>" + kStory + "</article>",
       "", "2019-11-18", "text"},
      {"URL path", "", story, "https://example.com/world/2019/11/18/talks-resume/", "2019-11-18", "url"},
      {"placeholder date, then a real one",
       R"(<meta property="article:published_time" content="0001-01-01T00:00:00Z"><meta name="pubdate" content="2021-01-02">)",
       story, "", "2021-01-02", "meta"},
      {"UTC timestamp late in the US evening",
       R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-19T02:10:00Z"}</script><meta property="article:published_time" content="2019-11-18T21:10:00-05:00">)",
       story, "", "2019-11-18", "meta"},
  };
  for (const DateCase& c : cases) {
    HtmlPage page = ExtractHtml(Page(c.head, c.body), "", c.url);
    EXPECT_EQ(page.date, c.date) << c.name;
    EXPECT_EQ(page.date_source, c.source) << c.name;
    EXPECT_EQ(page.paragraphs.size(), 4u) << c.name << "\n" << AllText(page);
  }
  // No date anywhere: none invented.
  HtmlPage undated = ExtractHtml(Page("", story));
  EXPECT_EQ(undated.date, "");
  EXPECT_EQ(undated.date_source, "");
}

TEST(PageKinds, RecordSaysWhenItsOnlyDateIsTheCrawls) {
  ReadOptions options;
  std::string html = Page("", "<article><h1>Talks resume</h1>" + kStory + "</article>");
  Record crawl = HtmlToRecord(html, "", "crawl.warc:1", "a", "https://example.com/talks", "2020-06-07T12:00:00Z",
                              options);
  ASSERT_TRUE(crawl.article) << crawl.error->message;
  EXPECT_EQ(crawl.article->date, "2020-06-07");
  EXPECT_EQ(crawl.article->date_source, "crawl");
  Record dated = HtmlToRecord(html, "", "crawl.warc:2", "b", "https://example.com/2020/06/05/talks",
                              "2020-06-07T12:00:00Z", options);
  ASSERT_TRUE(dated.article);
  EXPECT_EQ(dated.article->date, "2020-06-05");
  EXPECT_EQ(dated.article->date_source, "url");
  options.default_date = "2001-02-03";
  Record fallback = HtmlToRecord(html, "", "page.html", "c", "", "", options);
  ASSERT_TRUE(fallback.article);
  EXPECT_EQ(fallback.article->date_source, "default");
}

TEST(PageKinds, EnglishOnAPageDeclaredGermanIsRead) {
  ReadOptions options;
  Record r = HtmlToRecord(Page("", "<article><h1>Talks resume</h1>" + kStory + "</article>", "de"), "", "page.html",
                          "p", "", "2019-11-18", options);
  ASSERT_TRUE(r.article) << r.error->message;
  EXPECT_EQ(r.article->language, "de");
}

}  // namespace
}  // namespace dragoman::ingest
