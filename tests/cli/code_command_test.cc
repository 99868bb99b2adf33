// End-to-end: the dragoman program codes articles, reports bad input, and writes each format.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <nlohmann/json.hpp>

#include "run_program.h"

namespace dragoman::testing {
namespace {

namespace fs = std::filesystem;

bool Has(const std::vector<nlohmann::json>& events, const std::string& source_prefix,
         const std::string& target_prefix, const std::string& code_prefix, const std::string& exact_source = "",
         const std::string& exact_target = "") {
  for (const auto& e : events) {
    std::string s = e["source"], t = e["target"], c = e["code"];
    if (s.rfind(source_prefix, 0) != 0 || t.rfind(target_prefix, 0) != 0 || c.rfind(code_prefix, 0) != 0) continue;
    if (!exact_source.empty() && s != exact_source) continue;
    if (!exact_target.empty() && t != exact_target) continue;
    return true;
  }
  return false;
}

TEST(CodeCommand, RealSampleGivesTheMustHaveEventsAndNoConflict) {
  if (!fs::exists(SharedSample())) GTEST_SKIP() << "../shared/samples is absent: the real sample cannot be coded";
  ProgramRun run = RunDragoman("code " + SharedSample());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<nlohmann::json> events = ParseJsonLines(run.out);
  EXPECT_TRUE(Has(events, "CHN", "KAZ", "04", "CHNGOV", "KAZGOV")) << run.out;  // Xi met with Tokayev
  EXPECT_TRUE(Has(events, "CHN", "KAZ", "05")) << run.out;                      // China supports Kazakhstan
  EXPECT_TRUE(Has(events, "CHN", "KAZ", "03")) << run.out;                      // China is ready to work with
  EXPECT_TRUE(Has(events, "KAZ", "CHN", "05", "KAZGOV")) << run.out;            // Tokayev congratulated China
  EXPECT_TRUE(Has(events, "KAZ", "CHN", "03")) << run.out;                      // Kazakhstan hopes to deepen
  EXPECT_TRUE(Has(events, "KAZ", "CHN", "036", "", "CHNGOV")) << run.out;       // looks forward to Xi's visit
  for (const auto& e : events) {
    int root = std::stoi(e["root"].get<std::string>());
    EXPECT_LT(root, 9) << "conflict event in a cooperative article: " << e.dump();
    EXPECT_GT(e["quad_class"].get<int>(), 0) << e.dump();
    EXPECT_EQ(e["date"], "2022-05-20");
    EXPECT_EQ(e["article_id"], "000_9dc233296e0b742c");
    EXPECT_FALSE(e["rule"].get<std::string>().empty()) << e.dump();
  }
}

TEST(CodeCommand, RealSampleWithLexiconGivesTheMustHaveRoots) {
  std::string dict = std::string(DRAGOMAN_SHARED_DIR) + "/petrarch";
  if (!fs::exists(SharedSample()) || !fs::exists(dict + "/CAMEO.2.0.txt"))
    GTEST_SKIP() << "../shared/samples or ../shared/petrarch is absent";
  ProgramRun run = RunDragoman("code --dict " + dict + " " + SharedSample());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<nlohmann::json> events = ParseJsonLines(run.out);
  // Country-level dyads of the must-have table, with CAMEO.2.0 + Phoenix over our parse.
  EXPECT_TRUE(Has(events, "CHN", "KAZ", "04")) << run.out;
  EXPECT_TRUE(Has(events, "CHN", "KAZ", "05")) << run.out;
  EXPECT_TRUE(Has(events, "CHN", "KAZ", "03")) << run.out;
  EXPECT_TRUE(Has(events, "KAZ", "CHN", "05")) << run.out;
  EXPECT_TRUE(Has(events, "KAZ", "CHN", "03")) << run.out;
  EXPECT_TRUE(Has(events, "KAZ", "CHN", "036")) << run.out;
  for (const auto& e : events) EXPECT_LT(std::stoi(e["root"].get<std::string>()), 9) << e.dump();
}

TEST(CodeCommand, PetrarchTransformationsKeepTheFutureAsIntent) {
  std::string dict = std::string(DRAGOMAN_SHARED_DIR) + "/petrarch";
  if (!fs::exists(dict + "/CAMEO.2.0.txt")) GTEST_SKIP() << "../shared/petrarch is absent";
  TempDir dir;
  std::string path = dir.Write(
      "fox.txt", "Mexico President Vicente Fox said Wednesday he will meet with US President George W. Bush in Chile.");
  ProgramRun run = RunDragoman("code --date 2004-11-17 --dict " + dict + " " + path);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<nlohmann::json> events = ParseJsonLines(run.out);
  // PETRARCH's "a says a b Q" transformation keeps the clause's code and so its modality: an
  // announced meeting is an intent to meet (036), not a meeting.
  EXPECT_TRUE(Has(events, "MEX", "USA", "036")) << run.out;
  for (const auto& e : events) EXPECT_NE(e["root"], "04") << e.dump();
}

TEST(CodeCommand, AnAdverbialClauseWithItsOwnSubjectIsNotWhatWasSaid) {
  // PETRARCH's bare "say" (010) takes its target from the reported clause, not from a "while"
  // clause that reports another event.
  std::string dict = std::string(DRAGOMAN_SHARED_DIR) + "/petrarch";
  if (!fs::exists(dict + "/CAMEO.2.0.txt")) GTEST_SKIP() << "../shared/petrarch is absent";
  TempDir dir;
  std::string path = dir.Write("said.txt",
                               "Iraqi officials said Wednesday that the talks would resume, while four Jordanian truck "
                               "drivers were seized by assailants in a separate kidnapping.");
  ProgramRun run = RunDragoman("code --date 2004-09-01 --dict " + dict + " " + path);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const auto& e : ParseJsonLines(run.out))
    EXPECT_FALSE(e["source"].get<std::string>().starts_with("IRQ") && e["code"] == "010") << e.dump();
}

TEST(CodeCommand, EventSpansPointAtTheWordsOfTheOriginalText) {
  TempDir dir;
  std::string text = "Russia ready to work with Mongolia\n\n2023-03-03\n\nRussian President Vladimir Putin met with Mongolian President Ukhnaagiin Khurelsukh in Moscow on Friday.";
  std::string path = dir.Write("talks.txt", text);
  ProgramRun run = RunDragoman("code " + path);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<nlohmann::json> events = ParseJsonLines(run.out);
  ASSERT_FALSE(events.empty()) << run.err;
  bool found_meeting = false;
  for (const auto& e : events) {
    for (const char* key : {"source_span", "verb_span", "target_span"}) {
      if (e[key].is_null()) continue;
      size_t begin = e[key]["begin"], end = e[key]["end"];
      ASSERT_LE(end, text.size());
      EXPECT_EQ(text.substr(begin, end - begin), e[key]["text"].get<std::string>());
    }
    if (e["code"].get<std::string>().rfind("04", 0) == 0 && e["source"] == "RUSGOV" && e["target"] == "MNGGOV")
      found_meeting = true;
  }
  EXPECT_TRUE(found_meeting) << run.out;
}

// Through the whole pipeline the parser's subject decides who acts, past a relative clause that
// names another actor (Putin accused, not Xi; China criticized, not Pakistan), and actors joined
// by "and" share the event.
TEST(CodeCommand, TheParsedSubjectIsTheSource) {
  TempDir dir;
  std::string path = dir.Write(
      "subjects.txt",
      "Relations\n\n2023-06-01\n\nPutin, who met Xi Jinping in Beijing last week, accused the United States of "
      "provoking the conflict.\nChina, which has close ties with Pakistan, criticized India over the border clashes.\n"
      "The United States and Japan condemned North Korea's missile launch.\n"
      "The European Union imposed new sanctions on Russia and Belarus.\n");
  // Both the bulk-coding parser (the default) and the accurate pair of parsers.
  for (const std::string parser : {"", "--parser accurate "}) {
    ProgramRun run = RunDragoman("code " + parser + path);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::set<std::string> found;
    for (const auto& e : ParseJsonLines(run.out))
      found.insert(e["source"].get<std::string>() + " " + e["code"].get<std::string>().substr(0, 2) + " " +
                   e["target"].get<std::string>());
    EXPECT_TRUE(found.count("RUSGOV 11 USA")) << parser << run.out;
    EXPECT_FALSE(found.count("CHNGOV 11 USA")) << parser << run.out;
    EXPECT_TRUE(found.count("CHN 11 IND")) << parser << run.out;
    EXPECT_FALSE(found.count("PAK 11 IND")) << parser << run.out;
    // Coordinated actors share the event.
    EXPECT_TRUE(found.count("USA 11 PRK") && found.count("JPN 11 PRK")) << parser << run.out;
    EXPECT_TRUE(found.count("IGOEUREEC 16 RUS") && found.count("IGOEUREEC 16 BLR")) << parser << run.out;
  }
}

// A comma before a reporting clause is no list: Scholz does not share Ukraine's role. The aid is
// announced ("will send"), so it is the intent to give it (033), as CODING.md says.
TEST(CodeCommand, ReportingClauseIsNotACoordinatedActor) {
  TempDir dir;
  std::string path = dir.Write("aid.txt",
                               "Aid\n\n2023-06-01\n\nGermany will send more Patriot air defence systems to Ukraine, "
                               "Chancellor Olaf Scholz said.\n");
  ProgramRun run = RunDragoman("code --format tsv " + path);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\tDEU\tUKR\t033\t"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("\tDEU\tDEUGOV\t"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("\tUKRGOV\t"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("\t072\t"), std::string::npos) << run.out;
}

// A feed mixing languages: the foreign article is skipped with its reason, not an error, so the
// run still exits 0; --any-language codes it too.
TEST(CodeCommand, ArticlesNotInEnglishAreSkippedNotRejected) {
  TempDir dir;
  std::string feed = dir.Write(
      "mixed.jsonl",
      "{\"id\":\"en\",\"date\":\"2022-05-20\",\"text\":\"China congratulated Kazakhstan on its election.\"}\n"
      "{\"id\":\"de\",\"date\":\"2022-05-20\",\"language\":\"de\",\"text\":\"China gratulierte Kasachstan.\"}\n");
  std::string errors = feed + ".errors";
  ProgramRun run = RunDragoman("code -q --errors " + errors + " " + feed);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("mixed.jsonl#2: skipped: the article declares language \"de\""), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("2 records read, 1 coded, 0 rejected, 1 skipped"), std::string::npos) << run.err;
  std::ifstream in(errors);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(nlohmann::json::parse(line).value("skipped", false), true) << line;
  ProgramRun all = RunDragoman("code -q --any-language " + feed);
  EXPECT_NE(all.err.find("2 records read, 2 coded, 0 rejected, 0 skipped"), std::string::npos) << all.err;
}

TEST(CodeCommand, JsonLinesFromStandardInput) {
  TempDir dir;
  std::string path = dir.Write(
      "feed.jsonl",
      R"({"id":"a1","date":"2021-06-01","source":"wire","url":"http://x","title":"Talks","text":"China is ready to work with Kazakhstan."})"
      "\n");
  ProgramRun run = RunDragoman("code - < " + path);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<nlohmann::json> events = ParseJsonLines(run.out);
  ASSERT_FALSE(events.empty()) << run.err;
  EXPECT_EQ(events[0]["article_id"], "a1");
  EXPECT_EQ(events[0]["date"], "2021-06-01");
  EXPECT_TRUE(Has(events, "CHN", "KAZ", "03")) << run.out;
}

TEST(CodeCommand, BadRecordsBecomeErrorRecordsAndTheRunGoesOn) {
  TempDir dir;
  std::string empty = dir.Write("empty.txt", "");
  std::string binary = dir.Write("binary.txt", std::string("\x00\x01\x02\xff\xfe\x00\x10", 7) + std::string(200, '\0'));
  std::string feed = dir.Write("feed.jsonl",
                               "{\"id\":\"ok\",\"date\":\"2021-06-01\",\"title\":\"t\",\"text\":\"China is ready to work with Kazakhstan.\"}\n"
                               "{\"id\":\"broken\",\"date\":\n"
                               "{\"id\":\"nodate\",\"title\":\"t\",\"text\":\"China supports Kazakhstan.\"}\n");
  std::string errors = dir.Write("errors.jsonl", "");
  ProgramRun run = RunDragoman("code --errors " + errors + " " + empty + " " + binary + " " + feed);
  EXPECT_EQ(run.exit_code, 1) << "rejected records must show in the exit status";
  EXPECT_NE(run.err.find("empty.txt"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("binary.txt"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("feed.jsonl#2"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("feed.jsonl#3"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("5 records read, 1 coded, 4 rejected"), std::string::npos) << run.err;
  EXPECT_TRUE(Has(ParseJsonLines(run.out), "CHN", "KAZ", "03")) << "the good record is still coded: " << run.out;
  std::ifstream in(errors);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ParseJsonLines(ss.str()).size(), 4u) << ss.str();
}

TEST(CodeCommand, StrictStopsAtTheFirstBadRecord) {
  TempDir dir;
  std::string empty = dir.Write("empty.txt", "");
  ProgramRun run = RunDragoman("code --strict " + empty);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("empty.txt"), std::string::npos) << run.err;
}

TEST(CodeCommand, TsvAndTableFormats) {
  TempDir dir;
  std::string path = dir.Write("a.txt", "Title\n\n2022-05-20\n\nChina is ready to work with Kazakhstan.");
  ProgramRun tsv = RunDragoman("code --format tsv " + path);
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  std::istringstream lines(tsv.out);
  std::string header, row;
  std::getline(lines, header);
  std::getline(lines, row);
  EXPECT_EQ(header.rfind("article_id\tdate\tsentence\tsource\ttarget\tcode", 0), 0u) << header;
  EXPECT_EQ(std::count(header.begin(), header.end(), '\t'), std::count(row.begin(), row.end(), '\t'));
  ProgramRun table = RunDragoman("code --format table " + path);
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("CHN"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("Kazakhstan"), std::string::npos) << table.out;
}

TEST(CodeCommand, UsageErrorsExitWithTwo) {
  EXPECT_EQ(RunDragoman("code --no-such-option x").exit_code, 2);
  EXPECT_EQ(RunDragoman("code --format xml x").exit_code, 2);
  EXPECT_EQ(RunDragoman("no-such-command").exit_code, 2);
  EXPECT_EQ(RunDragoman("help").exit_code, 0);
}

}  // namespace
}  // namespace dragoman::testing
