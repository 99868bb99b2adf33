#include "output/event_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace dragoman::output {
namespace {

Article SampleArticle() {
  Article a;
  a.id = "a1";
  a.date = "2022-05-20";
  a.text = "Xi met with Tokayev\tin Beijing.";
  return a;
}

Event SampleEvent() {
  Event e;
  e.article_id = "a1";
  e.date = "2022-05-20";
  e.sentence_index = 0;
  e.source = "CHNGOV";
  e.target = "KAZGOV";
  e.code = "040";
  e.root = "04";
  e.quad_class = 1;
  e.goldstein = 1.0;
  e.has_goldstein = true;
  e.plover_type = "CONSULT";
  e.source_span = {0, 2};
  e.verb_span = {3, 11};
  e.target_span = {12, 19};
  e.rule = "verbs.txt:12";
  return e;
}

TEST(EventWriter, JsonLinesCarriesEveryFieldAndTheSpanText) {
  std::ostringstream out;
  EventWriter writer(out, OutputFormat::kJsonLines);
  writer.Write(SampleArticle(), {SampleEvent()});
  writer.Finish();
  nlohmann::json j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["source"], "CHNGOV");
  EXPECT_EQ(j["target"], "KAZGOV");
  EXPECT_EQ(j["code"], "040");
  EXPECT_EQ(j["quad_class"], 1);
  EXPECT_DOUBLE_EQ(j["goldstein"].get<double>(), 1.0);
  EXPECT_EQ(j["source_span"]["text"], "Xi");
  EXPECT_EQ(j["verb_span"]["text"], "met with");
  EXPECT_EQ(j["target_span"]["text"], "Tokayev");
  EXPECT_EQ(j["rule"], "verbs.txt:12");
}

TEST(EventWriter, MissingGoldsteinAndEmptySpansAreNull) {
  Event e = SampleEvent();
  e.has_goldstein = false;
  e.target_span = {};
  nlohmann::json j = nlohmann::json::parse(EventToJson(SampleArticle(), e));
  EXPECT_TRUE(j["goldstein"].is_null());
  EXPECT_TRUE(j["target_span"].is_null());
}

TEST(EventWriter, InvalidUtf8InTheTextDoesNotBreakTheJson) {
  Article a = SampleArticle();
  a.text[0] = '\xff';
  EXPECT_NO_THROW(nlohmann::json::parse(EventToJson(a, SampleEvent())));
}

TEST(EventWriter, TsvRowsStayOneLineWithAHeader) {
  std::ostringstream out;
  EventWriter writer(out, OutputFormat::kTsv);
  Event e = SampleEvent();
  e.target_span = {12, 22};  // covers the tab in the text
  writer.Write(SampleArticle(), {e, e});
  writer.Finish();
  std::istringstream lines(out.str());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t') + 1, static_cast<long>(EventColumns().size())) << line;
    ++count;
  }
  EXPECT_EQ(count, 3);
}

TEST(EventWriter, TableAlignsColumnsAfterFinish) {
  std::ostringstream out;
  EventWriter writer(out, OutputFormat::kTable);
  writer.Write(SampleArticle(), {SampleEvent()});
  EXPECT_TRUE(out.str().empty()) << "the table waits for Finish to know its widths";
  writer.Finish();
  EXPECT_NE(out.str().find("CHNGOV"), std::string::npos);
  EXPECT_NE(out.str().find("met with"), std::string::npos);
}

TEST(EventWriter, ParseOutputFormatNamesTheBadValue) {
  EXPECT_TRUE(ParseOutputFormat("tsv").ok());
  Result<OutputFormat> bad = ParseOutputFormat("xml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("xml"), std::string::npos);
}

}  // namespace
}  // namespace dragoman::output
