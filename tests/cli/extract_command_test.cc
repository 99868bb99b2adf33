// End-to-end: `dragoman extract` shows what was read from a page (title, date and its source,
// byline, dateline, body) as text and JSON; the wire dateline leaves the first sentence and is
// kept as the article's; an English page declared German is coded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_program.h"

namespace dragoman::testing {
namespace {

const char kWirePage[] = R"(<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Vietnam and China agree to talks | World News</title>
<meta property="article:published_time" content="2019-11-18T21:10:00-05:00">
<meta name="author" content="Jane Doe">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Vietnam and China agree to talks</h1>
<p>HANOI, Vietnam (AP) &mdash; Vietnam criticized China on Monday over the deployment of a survey ship in the disputed waters of the South China Sea.</p>
<p>The foreign ministry said it had asked Beijing to withdraw the ship and to respect the sovereignty of Vietnam over its waters.</p>
<p>China said the ship was operating in its own waters and that it had every right to be there, the state news agency reported.</p>
<p>Tensions between the two neighbours have risen since the summer, when the same ship first entered the area near the coast.</p>
</article>
<div class="related-posts"><a href="/x">Other news of the day</a></div>
</body></html>
)";

TEST(ExtractCommand, PrintsTheBodyTextAsText) {
  TempDir dir("extract_test_");
  std::string page = dir.Write("wire.html", kWirePage);
  ProgramRun run = RunDragoman("extract " + page);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("title:\tVietnam and China agree to talks"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("date:\t2019-11-18 (meta)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("byline:\tJane Doe"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("place=Hanoi, Vietnam"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\nVietnam criticized China on Monday"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("Other news of the day"), std::string::npos) << run.out;
}

TEST(ExtractCommand, JsonHasTitleDateSourceTextAndDateline) {
  TempDir dir("extract_json_test_");
  std::string page = dir.Write("wire.html", kWirePage);
  ProgramRun run = RunDragoman("extract --format json " + page);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<nlohmann::json> rows = ParseJsonLines(run.out);
  ASSERT_EQ(rows.size(), 1u) << run.out;
  const nlohmann::json& j = rows[0];
  EXPECT_EQ(j["title"], "Vietnam and China agree to talks");
  EXPECT_EQ(j["date"], "2019-11-18");
  EXPECT_EQ(j["date_source"], "meta");
  EXPECT_EQ(j["byline"], "Jane Doe");
  EXPECT_EQ(j["declared_language"], "de");
  EXPECT_EQ(j["english"], true);
  ASSERT_TRUE(j["dateline"].is_object()) << j.dump();
  EXPECT_EQ(j["dateline"]["place"], "Hanoi, Vietnam");
  EXPECT_EQ(j["dateline"]["agency"], "AP");
  std::string text = j["text"];
  EXPECT_EQ(text.rfind("Vietnam criticized China on Monday", 0), 0u) << text;
  EXPECT_NE(text.find("Tensions between the two neighbours"), std::string::npos) << text;
}

TEST(ExtractCommand, UndatedPageIsShownWithoutADate) {
  TempDir dir("extract_undated_test_");
  std::string page = dir.Write("undated.html", "<html><body><article><h1>A headline here</h1><p>The council voted "
                                               "on Monday to close the old bridge to traffic for repairs.</p>"
                                               "</article></body></html>");
  ProgramRun run = RunDragoman("extract --format json " + page);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<nlohmann::json> rows = ParseJsonLines(run.out);
  ASSERT_EQ(rows.size(), 1u) << run.out;
  EXPECT_TRUE(rows[0]["date"].is_null()) << rows[0].dump();
  EXPECT_TRUE(rows[0]["date_source"].is_null()) << rows[0].dump();
}

// The English page declared German is coded, and the dateline's city is no event's source.
TEST(ExtractCommand, EnglishPageDeclaredGermanIsCodedWithoutItsDateline) {
  TempDir dir("extract_code_test_");
  std::string page = dir.Write("wire.html", kWirePage);
  ProgramRun run = RunDragoman("code " + page);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<nlohmann::json> events = ParseJsonLines(run.out);
  bool vnm_chn = false;
  for (const auto& e : events) {
    std::string source = e["source"], target = e["target"];
    if (source.rfind("VNM", 0) == 0 && target.rfind("CHN", 0) == 0) vnm_chn = true;
    EXPECT_EQ(e["source_span"]["text"].get<std::string>().find("HANOI"), std::string::npos) << e.dump();
  }
  EXPECT_TRUE(vnm_chn) << run.out << run.err;
}

// A WARC record whose page shows no date gets the crawl's, and both commands say so.
TEST(ExtractCommand, CrawlDatedPagesSaySo) {
  TempDir dir("extract_warc_test_");
  std::string page = kWirePage;
  page.erase(page.find("<meta property=\"article:published_time\""), page.find("<meta name=\"author\"") -
                                                                        page.find("<meta property=\"article:published_time\""));
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page;
  std::string warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/world/talks\r\n"
                     "WARC-Date: 2019-11-20T03:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
                     "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  std::string path = dir.Write("crawl.warc", warc);
  ProgramRun run = RunDragoman("extract --format json " + path);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<nlohmann::json> rows = ParseJsonLines(run.out);
  ASSERT_EQ(rows.size(), 1u) << run.out;
  EXPECT_EQ(rows[0]["date"], "2019-11-20");
  EXPECT_EQ(rows[0]["date_source"], "crawl");
  ProgramRun code = RunDragoman("code " + path);
  ASSERT_EQ(code.exit_code, 0) << code.err;
  EXPECT_NE(code.err.find("1 articles dated only by their crawl"), std::string::npos) << code.err;
}

}  // namespace
}  // namespace dragoman::testing
