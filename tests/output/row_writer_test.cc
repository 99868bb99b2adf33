// The output layer: every format writes the same row, with the same field names, and the GDELT
// and PLOVER layouts put each field where those data sets do.
#include "output/row_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "output/formats.h"

namespace dragoman::output {
namespace {

EventRow SampleRow() {
  EventRow r;
  r.event_id = 17;
  r.date = "2022-05-20";
  r.source = "CHNGOV";
  r.source_name = "Xi Jinping";
  r.target = "IGOUNO";
  r.target_name = "the United Nations";
  r.code = "0311";
  r.root = "03";
  r.quad_class = 1;
  r.goldstein = 5.2;
  r.plover_type = "AGREE";
  r.num_mentions = 3;
  r.num_articles = 2;
  r.num_sources = 2;
  r.tone = -1.25;
  r.location = {Location::kCity, "Najaf, Iraq", "IQ", "IQ17", 32.02594, 44.34625, "98860"};
  r.is_root_event = true;
  r.date_added = "2022-05-21 10:11:12";
  r.article_id = "a1";
  r.article_date = "2022-05-20";
  r.publisher = "wire";
  r.url = "https://news.example/a1";
  r.sentence_index = 2;
  r.sentence_text = "Xi pledged, \"quietly\", aid to the UN\tin Najaf.";
  r.source_span = {10, 20};
  r.source_text = "Xi";
  r.doc_length = 900;
  r.doc_tone = -1.25;
  r.rule = "verbs.txt:12";
  return r;
}

std::string Write(Format format, const std::vector<EventRow>& rows) {
  std::ostringstream out;
  std::unique_ptr<RowWriter> writer = NewRowWriter(format, out);
  for (const EventRow& r : rows) writer->Write(r);
  writer->Finish();
  return out.str();
}

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, sep)) cells.push_back(cell);
  if (!line.empty() && line.back() == sep) cells.push_back("");
  return cells;
}

TEST(RowWriter, EveryFormatNameParsesAndABadOneIsNamed) {
  for (const std::string& name : FormatNames()) EXPECT_TRUE(ParseFormat(name).ok()) << name;
  Result<Format> bad = ParseFormat("xml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("\"xml\""), std::string::npos);
  EXPECT_NE(bad.status().message().find("gdelt-mentions"), std::string::npos);
}

TEST(RowWriter, JsonAndCsvUseTheSameFieldNames) {
  nlohmann::json j = nlohmann::json::parse(Write(Format::kJsonLines, {SampleRow()}));
  std::string csv = Write(Format::kCsv, {SampleRow()});
  std::string header = csv.substr(0, csv.find("\r\n"));
  std::vector<std::string> columns = Split(header, ',');
  EXPECT_EQ(columns, RowColumns());
  for (const std::string& c : columns) EXPECT_TRUE(j.contains(c)) << c;
  EXPECT_EQ(j.size(), columns.size());
  EXPECT_EQ(j["num_mentions"], 3);
  EXPECT_EQ(j["quad_class"], 1);
  EXPECT_EQ(j["geo_name"], "Najaf, Iraq");
  EXPECT_EQ(j["code_name"].get<std::string>().empty(), false);
}

TEST(RowWriter, CsvQuotesCommasAndQuotesAndTsvFlattensTabs) {
  std::string csv = Write(Format::kCsv, {SampleRow()});
  EXPECT_NE(csv.find("\"Xi pledged, \"\"quietly\"\", aid to the UN\tin Najaf.\""), std::string::npos) << csv;
  std::string tsv = Write(Format::kTsv, {SampleRow(), SampleRow()});
  std::istringstream lines(tsv);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(Split(line, '\t').size(), RowColumns().size()) << line;
    ++n;
  }
  EXPECT_EQ(n, 3);
}

TEST(RowWriter, JsonArrayIsOneValidArrayEvenWhenEmpty) {
  EXPECT_EQ(nlohmann::json::parse(Write(Format::kJson, {})).size(), 0u);
  EXPECT_EQ(nlohmann::json::parse(Write(Format::kJson, {SampleRow(), SampleRow()})).size(), 2u);
}

TEST(GdeltWriter, SixtyOneColumnsInGdeltsOrder) {
  const std::vector<std::string>& names = GdeltEventColumns();
  ASSERT_EQ(names.size(), 61u);
  std::string line = Write(Format::kGdeltEvents, {SampleRow()});
  ASSERT_EQ(std::count(line.begin(), line.end(), '\n'), 1);
  std::vector<std::string> cells = Split(line.substr(0, line.size() - 1), '\t');
  ASSERT_EQ(cells.size(), 61u) << line;
  auto cell = [&](const std::string& name) {
    return cells[std::find(names.begin(), names.end(), name) - names.begin()];
  };
  EXPECT_EQ(cell("GlobalEventID"), "17");
  EXPECT_EQ(cell("Day"), "20220520");
  EXPECT_EQ(cell("MonthYear"), "202205");
  EXPECT_EQ(cell("Year"), "2022");
  EXPECT_EQ(cell("FractionDate"), "2022.3836");
  EXPECT_EQ(cell("Actor1Code"), "CHNGOV");
  EXPECT_EQ(cell("Actor1CountryCode"), "CHN");
  EXPECT_EQ(cell("Actor1Type1Code"), "GOV");
  EXPECT_EQ(cell("Actor2CountryCode"), "");
  EXPECT_EQ(cell("Actor2KnownGroupCode"), "UNO");
  EXPECT_EQ(cell("Actor2Type1Code"), "IGO");
  EXPECT_EQ(cell("IsRootEvent"), "1");
  EXPECT_EQ(cell("EventCode"), "0311");
  EXPECT_EQ(cell("EventBaseCode"), "031");
  EXPECT_EQ(cell("EventRootCode"), "03");
  EXPECT_EQ(cell("GoldsteinScale"), "5.2");
  EXPECT_EQ(cell("NumMentions"), "3");
  EXPECT_EQ(cell("NumSources"), "2");
  EXPECT_EQ(cell("NumArticles"), "2");
  EXPECT_EQ(cell("AvgTone"), "-1.2500");
  EXPECT_EQ(cell("ActionGeo_Type"), "4");
  EXPECT_EQ(cell("ActionGeo_FullName"), "Najaf, Iraq");
  EXPECT_EQ(cell("ActionGeo_ADM1Code"), "IQ17");
  EXPECT_EQ(cell("ActionGeo_Lat"), "32.0259");
  EXPECT_EQ(cell("ActionGeo_Long"), "44.3462");
  EXPECT_EQ(cell("ActionGeo_FeatureID"), "98860");
  EXPECT_EQ(cell("Actor1Geo_Type"), "0");
  EXPECT_EQ(cell("DATEADDED"), "20220521101112");
  EXPECT_EQ(cell("SOURCEURL"), "https://news.example/a1");
}

TEST(GdeltWriter, MentionsTableHasSixteenColumns) {
  ASSERT_EQ(GdeltMentionColumns().size(), 16u);
  std::string line = Write(Format::kGdeltMentions, {SampleRow()});
  std::vector<std::string> cells = Split(line.substr(0, line.size() - 1), '\t');
  ASSERT_EQ(cells.size(), 16u) << line;
  EXPECT_EQ(cells[0], "17");
  EXPECT_EQ(cells[2], "20220520000000");  // MentionTimeDate
  EXPECT_EQ(cells[5], "https://news.example/a1");
  EXPECT_EQ(cells[6], "3");  // SentenceID counts from 1
  EXPECT_EQ(cells[7], "10");  // Actor1CharOffset
  EXPECT_EQ(cells[8], "-1");  // no target span
  EXPECT_EQ(cells[12], "900");
}

TEST(PloverWriter, ActorsLocationAndSentence) {
  nlohmann::json j = nlohmann::json::parse(Write(Format::kPlover, {SampleRow()}));
  EXPECT_EQ(j["event_type"], "AGREE");
  EXPECT_EQ(j["event_date"], "2022-05-20");
  EXPECT_EQ(j["actor"]["country"], "CHN");
  EXPECT_EQ(j["actor"]["sector"][0], "Government");
  EXPECT_EQ(j["recipient"]["code"], "IGOUNO");
  EXPECT_EQ(j["location"]["geonames_id"], "98860");
  EXPECT_DOUBLE_EQ(j["location"]["lat"].get<double>(), 32.02594);
  EXPECT_EQ(j["event_text"], SampleRow().sentence_text);
}

TEST(ActorCodes, SplitIntoCountryGroupAndTypes) {
  ActorParts p = SplitActorCode("RUSMILREB");
  EXPECT_EQ(p.country, "RUS");
  EXPECT_EQ(p.types[0], "MIL");
  EXPECT_EQ(p.types[1], "REB");
  EXPECT_EQ(SplitActorCode("NGOHRI").types[0], "NGO");
  EXPECT_EQ(SplitActorCode("").country, "");
}

}  // namespace
}  // namespace dragoman::output
