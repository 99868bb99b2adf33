#include "ingest/html_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_files.h"

namespace dragoman::ingest {
namespace {

bool HasParagraphContaining(const HtmlPage& page, const std::string& needle) {
  return std::any_of(page.paragraphs.begin(), page.paragraphs.end(),
                     [&](const std::string& p) { return p.find(needle) != std::string::npos; });
}

std::string AllText(const HtmlPage& page) {
  std::string out;
  for (const std::string& p : page.paragraphs) out += p + "\n";
  return out;
}

// A WordPress-style page: <article>, entry-content, share bar, comments, nav, footer, cookie banner.
const char kWordPressPage[] = R"(<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Xi meets Tokayev in Beijing | Silk Road Observer</title>
<meta property="og:site_name" content="Silk Road Observer">
<script>var tracking = "China is ready to attack everyone in this script text";</script>
<style>.x { color: red }</style>
</head>
<body class="post-template-default single has-sidebar">
<div class="cookie-notice">We use cookies to improve your experience. By continuing to browse the site you agree to our use of cookies and our privacy policy.</div>
<header class="site-header"><nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<div id="page" class="site">
 <main id="main">
  <article class="post type-post">
   <header class="entry-header">
    <h1 class="entry-title">Xi meets Tokayev in Beijing</h1>
    <span class="byline">By <a rel="author" href="/author/jd">Jane Doe</a></span>
    <time class="entry-date published" datetime="2022-05-20T08:00:00+00:00">May 20, 2022</time>
   </header>
   <div class="entry-content">
    <p>Chinese President Xi Jinping met with Kazakh President Kassym-Jomart Tokayev in Beijing on Sunday, state media reported.</p>
    <p>Xi said China is ready to work with Kazakhstan to deepen political mutual trust and expand cooperation.</p>
    <figure><img src="a.jpg"><figcaption>Xi and Tokayev shake hands before the talks in Beijing.</figcaption></figure>
    <p>Tokayev said Kazakhstan looks forward to President Xi's visit, and <a href="/belt">the Belt and Road</a> will bring both peoples closer.</p>
    <p>Advertisement</p>
    <div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a href="#">Share on Twitter (opens in new window)</a></li><li><a href="#">Share on Facebook (opens in new window)</a></li></ul></div>
   </div>
   <div class="related-posts"><h3>Related</h3><p>Kazakhstan and Russia sign an agreement on energy supplies for next winter.</p></div>
  </article>
  <div id="comments" class="comments-area"><p>This is a reader comment saying China threatens Kazakhstan, which is not the article.</p></div>
 </main>
 <aside class="widget-area"><p>Most read: a long sidebar teaser text that should never be part of the article body at all.</p></aside>
</div>
<footer class="site-footer"><p>Copyright 2022 Silk Road Observer. All rights reserved. Contact us at the address below.</p></footer>
</body></html>)";

TEST(HtmlExtractor, WordPressArticleTemplate) {
  HtmlPage page = ExtractHtml(kWordPressPage);
  EXPECT_EQ(page.title, "Xi meets Tokayev in Beijing");
  EXPECT_EQ(page.date, "2022-05-20");
  EXPECT_EQ(page.site_name, "Silk Road Observer");
  EXPECT_EQ(page.author, "Jane Doe");
  EXPECT_EQ(page.lang, "en");
  ASSERT_EQ(page.paragraphs.size(), 3u) << AllText(page);
  EXPECT_EQ(page.paragraphs[0],
            "Chinese President Xi Jinping met with Kazakh President Kassym-Jomart Tokayev in Beijing on Sunday, state "
            "media reported.");
  EXPECT_EQ(page.paragraphs[2],
            "Tokayev said Kazakhstan looks forward to President Xi's visit, and the Belt and Road will bring both "
            "peoples closer.");
  std::string all = AllText(page);
  for (const char* junk : {"cookies", "Share on", "reader comment", "Most read", "Copyright", "Advertisement",
                           "script text", "Russia sign", "shake hands", "Home"}) {
    EXPECT_EQ(all.find(junk), std::string::npos) << junk;
  }
}

// Paragraphs as text directly in <div>s separated by <br><br>, date in a pubdate meta tag.
const char kDivPage[] = R"(<html><head>
<meta name="pubdate" content="20220521">
<meta name="author" content="By John Roe">
<title>Kazakhstan hopes for deeper cooperation - Daily Steppe</title>
</head><body>
<table class="layout"><tr><td class="menu"><a href="/">Front page</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></td>
<td>
 <div id="story_body">
  <div class="txt">ASTANA, May 21 (DS) - Kazakhstan hopes to deepen coordination and cooperation with China, the foreign ministry said on Saturday.<br><br>
  The ministry said both sides would hold talks on trade and transport next month in Astana.<br><br>
  "We welcome more Chinese investors," a spokesman told reporters.</div>
  <div class="txt">Officials did not give a date for the next round of talks between the two governments.</div>
 </div>
 <div class="tags">Tags: <a href="/t/kz">Kazakhstan</a> <a href="/t/cn">China</a></div>
</td></tr></table>
</body></html>)";

TEST(HtmlExtractor, ParagraphsInDivs) {
  HtmlPage page = ExtractHtml(kDivPage);
  EXPECT_EQ(page.title, "Kazakhstan hopes for deeper cooperation");
  EXPECT_EQ(page.date, "2022-05-21");
  EXPECT_EQ(page.author, "John Roe");
  ASSERT_EQ(page.paragraphs.size(), 4u) << AllText(page);
  EXPECT_EQ(page.paragraphs[0].rfind("ASTANA, May 21 (DS) - Kazakhstan hopes", 0), 0u);
  EXPECT_EQ(page.paragraphs[2], "\"We welcome more Chinese investors,\" a spokesman told reporters.");
  EXPECT_EQ(page.paragraphs[3], "Officials did not give a date for the next round of talks between the two governments.");
  EXPECT_FALSE(HasParagraphContaining(page, "Front page"));
  EXPECT_FALSE(HasParagraphContaining(page, "Tags"));
}

// A news site template with JSON-LD in an @graph, og: tags, and the body in itemprop=articleBody.
const char kJsonLdPage[] = R"(<!doctype html><html><head>
<meta property="og:title" content="China backs Kazakhstan's independence | World News Network">
<meta property="article:published_time" content="2022-05-25T10:00:00Z">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","name":"World News Network","url":"https://wnn.example"},
  {"@type":["NewsArticle"],"headline":"China backs Kazakhstan's independence",
   "datePublished":"2022-05-20T09:30:00+06:00","dateModified":"2022-05-26T00:00:00Z",
   "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],
   "publisher":{"@type":"Organization","name":"WNN"}}]}
</script>
<link rel="canonical" href="https://wnn.example/world/china-kazakhstan">
</head><body>
<div class="container">
  <div class="story-header"><h1>China backs Kazakhstan's independence</h1><p class="dateline">20 May 2022</p></div>
  <div itemprop="articleBody" class="article__content">
    <div class="paragraph"><p>China firmly supports Kazakhstan in safeguarding its independence, sovereignty and territorial integrity, the foreign minister said.</p></div>
    <div class="ad-slot ad"><p>Sponsored content: buy our amazing product now and save twenty percent today.</p></div>
    <div class="paragraph"><p>He added that China will always be a reliable friend and partner of Kazakhstan.</p></div>
    <div class="newsletter-signup"><p>Sign up for our daily newsletter to get the top stories in your inbox every morning.</p></div>
  </div>
  <ul class="more-stories">
    <li><a href="/a">A long headline of another story about trade between China and Kazakhstan in 2022</a></li>
    <li><a href="/b">Another long headline of a story about the summit of Central Asian leaders this year</a></li>
  </ul>
</div>
</body></html>)";

TEST(HtmlExtractor, JsonLdNewsArticle) {
  HtmlPage page = ExtractHtml(kJsonLdPage);
  EXPECT_EQ(page.title, "China backs Kazakhstan's independence");
  EXPECT_EQ(page.date, "2022-05-20");  // JSON-LD datePublished wins over the meta tag
  EXPECT_EQ(page.author, "Ann Lee, Bo Chen");
  EXPECT_EQ(page.site_name, "WNN");
  EXPECT_EQ(page.url, "https://wnn.example/world/china-kazakhstan");
  ASSERT_EQ(page.paragraphs.size(), 2u) << AllText(page);
  EXPECT_EQ(page.paragraphs[1], "He added that China will always be a reliable friend and partner of Kazakhstan.");
}

TEST(HtmlExtractor, DateFromTimeElementAndTitleFromTitleTag) {
  HtmlPage page = ExtractHtml(
      "<html><head><title>Talks end - Gazette</title></head><body><div class=main>"
      "<time datetime=\"2021-11-03\">3 Nov</time>"
      "<p>The talks between the two delegations ended on Wednesday without an agreement.</p>"
      "</div></body></html>");
  EXPECT_EQ(page.date, "2021-11-03");
  EXPECT_EQ(page.title, "Talks end - Gazette");  // a tail is kept when the title is too short to be a headline
  ASSERT_EQ(page.paragraphs.size(), 1u);
}

TEST(HtmlExtractor, DeclaredWindows1252IsConverted) {
  std::string html =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>"
      "<p>The minister said \x93we are ready\x94 to work with the caf\xE9 owners on the new rules.</p></body></html>";
  HtmlPage page = ExtractHtml(html);
  ASSERT_EQ(page.paragraphs.size(), 1u);
  EXPECT_EQ(page.paragraphs[0],
            "The minister said \xE2\x80\x9Cwe are ready\xE2\x80\x9D to work with the caf\xC3\xA9 owners on the new rules.");
}

TEST(HtmlExtractor, RecordHasTitleSpanAndParagraphs) {
  ReadOptions options;
  Record r = HtmlToRecord(kWordPressPage, "", "page.html", "page", "", "", options);
  ASSERT_TRUE(r.article) << r.error->message;
  const Article& a = *r.article;
  EXPECT_EQ(a.Slice(a.title_span), "Xi meets Tokayev in Beijing");
  EXPECT_EQ(a.text.rfind("Xi meets Tokayev in Beijing\n\nChinese President Xi Jinping met", 0), 0u);
  EXPECT_EQ(a.date, "2022-05-20");
  EXPECT_EQ(a.source, "Silk Road Observer");
}

TEST(HtmlExtractor, PagesWithoutTextOrDateAreErrors) {
  ReadOptions options;
  Record r = HtmlToRecord("<html><body><nav><a href=/>Home</a></nav></body></html>", "", "empty.html", "e", "", "",
                          options);
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->message.find("no article text"), std::string::npos);
  r = HtmlToRecord("<p>A paragraph with enough words to count as the article text.</p>", "", "nodate.html", "n", "",
                   "", options);
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->message.find("no date"), std::string::npos);
  r = HtmlToRecord("<p>A paragraph with enough words to count as the article text.</p>", "", "warc#1", "n", "",
                   "2022-05-30T12:00:00Z", options);
  ASSERT_TRUE(r.article);
  EXPECT_EQ(r.article->date, "2022-05-30");
}

TEST(HtmlExtractor, HtmlFilesAreDetectedByContent) {
  testing::ScratchDir dir;
  std::string path = dir.Write("saved_page.dat", kJsonLdPage);
  auto records = testing::ReadAll({path});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].article) << records[0].error->message;
  EXPECT_EQ(records[0].article->id, "saved_page");
  EXPECT_EQ(records[0].article->url, "https://wnn.example/world/china-kazakhstan");
}

}  // namespace
}  // namespace dragoman::ingest

namespace dragoman::ingest {
namespace {

// BBC-like: each paragraph in its own text-block div inside <article>, a byline block, image
// captions, and a "Related Topics" link list; date in <time datetime> only.
TEST(HtmlExtractor, TextBlockComponentsInsideArticle) {
  HtmlPage page = ExtractHtml(R"(<html><head><title>Kazakhstan and China sign deal - BBC News</title>
<meta property="og:title" content="Kazakhstan and China sign deal"></head><body>
<header><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main id="main-content"><article>
<header><h1 id="main-heading">Kazakhstan and China sign deal</h1></header>
<div data-component="byline-block"><p>By Jane Doe</p><p>BBC News, Astana</p></div>
<div data-component="date-block"><time datetime="2022-05-20T10:12:00.000Z">20 May 2022</time></div>
<div data-component="image-block"><figure><img src="x.jpg"><figcaption>Leaders met in Astana on Friday to sign the agreement</figcaption></figure></div>
<div data-component="text-block"><p><b>Kazakhstan and China have signed a transport agreement, officials in Astana said.</b></p></div>
<div data-component="text-block"><p>The deal covers rail freight and a new border crossing.</p></div>
<div data-component="text-block"><p>"This is a historic day," the transport minister told reporters.</p></div>
<div data-component="links-block"><h2>Related Topics</h2><ul><li><a href="/t/1">Kazakhstan</a></li><li><a href="/t/2">China-Kazakhstan relations and trade</a></li></ul></div>
</article></main>
<section data-component="more-on-this-story"><h2>More on this story</h2><p><a href="/x">Kazakhstan opens a new border crossing with China for freight trains</a></p></section>
</body></html>)");
  EXPECT_EQ(page.title, "Kazakhstan and China sign deal");
  EXPECT_EQ(page.date, "2022-05-20");
  ASSERT_EQ(page.paragraphs.size(), 3u) << AllText(page);
  EXPECT_EQ(page.paragraphs[0], "Kazakhstan and China have signed a transport agreement, officials in Astana said.");
  EXPECT_EQ(page.paragraphs[2], "\"This is a historic day,\" the transport minister told reporters.");
}

// Reuters-like: paragraphs as divs with data-testid inside article-body content, a
// "commentary" opinion class that is not reader comments, and a sign-up box inside the body.
TEST(HtmlExtractor, TestIdParagraphsAndCommentaryArticles) {
  HtmlPage page = ExtractHtml(R"(<html><head>
<meta name="article:published_time" content="2022-05-20T04:05:06Z">
<meta name="og:title" content="Commentary: Why Astana looks east">
</head><body><div class="article-wrap commentary-article">
<div class="article-body__content">
<div data-testid="paragraph-0" class="text__text">ASTANA (Wire) - Kazakhstan hopes to deepen cooperation with China, its president said on Friday.</div>
<div data-testid="paragraph-1" class="text__text">The remarks came before a summit of Central Asian leaders next month.</div>
<div class="signup-box"><div>Sign up here for our morning briefing on Asian markets and politics.</div></div>
<div data-testid="paragraph-2" class="text__text">China is Kazakhstan's largest trading partner after Russia.</div>
</div></div></body></html>)");
  EXPECT_EQ(page.title, "Commentary: Why Astana looks east");
  EXPECT_EQ(page.date, "2022-05-20");
  ASSERT_EQ(page.paragraphs.size(), 3u) << AllText(page);
  EXPECT_EQ(page.paragraphs[1], "The remarks came before a summit of Central Asian leaders next month.");
  EXPECT_FALSE(HasParagraphContaining(page, "Sign up"));
}

}  // namespace
}  // namespace dragoman::ingest

namespace dragoman::ingest {
namespace {

TEST(HtmlExtractor, NestingDepthIsEstimatedAndHostileNestingRefused) {
  EXPECT_EQ(EstimateNestingDepth("<html><body><div><p>a<br>b<p>c</div><!-- <div><div> --></body></html>"), 3u);
  // "<div/>" opens a div in HTML (the slash counts only in SVG and MathML).
  EXPECT_EQ(EstimateNestingDepth("<script>if (a<b) { x = '<div><div>'; }</script><div/><span>x</span>"), 2u);
  EXPECT_EQ(EstimateNestingDepth("<svg><path/><path/></svg>"), 1u);
  std::string deep = "<html><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>China is ready to work with Kazakhstan on many things now.</p></body></html>";
  EXPECT_EQ(EstimateNestingDepth(deep), 100002u);
  Record r = HtmlToRecord(deep, "", "deep.html", "deep", "", "2022-05-20", ReadOptions{});
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->message.find("nests elements more than 3000 deep"), std::string::npos) << r.error->message;
}

// End tags the parser ignores must not count as closing: "<div></span>" repeated nests divs as
// deep as it is long (the parser's time grows with the square of that depth).
TEST(HtmlExtractor, IgnoredEndTagsDoNotHideNesting) {
  std::string stray, blocked, siblings;
  for (int i = 0; i < 100000; ++i) stray += "<div></span>";
  for (int i = 0; i < 5000; ++i) blocked += "<span><div></span>";  // a div stands above each span
  for (int i = 0; i < 5000; ++i) siblings += "<div><p>Talks went on.</div><span><b>x</b></span>";
  EXPECT_EQ(EstimateNestingDepth(stray), 100000u);
  EXPECT_EQ(EstimateNestingDepth(stray, 3000), 3001u);  // stops early
  EXPECT_EQ(EstimateNestingDepth(blocked), 10000u);
  EXPECT_EQ(EstimateNestingDepth(siblings), 2u);
  Record r = HtmlToRecord("<html><body>" + stray + "<p>China is ready to work with Kazakhstan.</p></body></html>", "",
                          "stray.html", "stray", "", "2022-05-20", ReadOptions{});
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->message.find("nests elements more than 3000 deep"), std::string::npos) << r.error->message;
}

}  // namespace
}  // namespace dragoman::ingest

namespace dragoman::ingest {
namespace {

TEST(HtmlExtractor, DeferredPagesResolveToTheSameRecord) {
  testing::ScratchDir dir;
  std::string page = dir.Write("page.html", kWordPressPage);
  std::string empty = dir.Write("empty.html", "<html><body><nav>Home</nav></body></html>");
  ReadOptions deferred;
  deferred.defer_html = true;
  auto now = testing::ReadAll({page, empty});
  auto later = testing::ReadAll({page, empty}, deferred);
  ASSERT_EQ(later.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    ASSERT_TRUE(later[i].pending) << i;
    EXPECT_FALSE(later[i].article || later[i].error);
    ResolvePending(&later[i]);
    EXPECT_FALSE(later[i].pending);
  }
  ASSERT_TRUE(later[0].article);
  EXPECT_EQ(later[0].article->text, now[0].article->text);
  EXPECT_EQ(later[0].article->date, "2022-05-20");
  ASSERT_TRUE(later[1].error);
  EXPECT_EQ(later[1].error->message, now[1].error->message);
}

}  // namespace
}  // namespace dragoman::ingest
