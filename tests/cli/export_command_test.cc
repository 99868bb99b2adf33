// `dragoman export` and `query events` as users run them on a store made from the bundled sample:
// export writes every event in each format with no limit, query says what its limit left out, and
// the same fields carry the same names in CSV and JSON Lines.
#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "run_program.h"

namespace dragoman::testing {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

class ExportCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("export_test_");
    db_ = dir_->Path("store.db");
    ProgramRun run = RunDragoman("ingest -q " + std::string(DRAGOMAN_SOURCE_DIR) + "/samples --db " + db_);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    ProgramRun stats = RunDragoman("query stats --format json --db " + db_);
    events_ = nlohmann::json::parse(stats.out)["events"];
    mentions_ = nlohmann::json::parse(stats.out)["mentions"];
    ASSERT_GE(events_, 3);
  }
  static void TearDownTestSuite() { delete dir_; }
  static TempDir* dir_;
  static std::string db_;
  static int64_t events_, mentions_;
};
TempDir* ExportCommand::dir_ = nullptr;
std::string ExportCommand::db_;
int64_t ExportCommand::events_ = 0, ExportCommand::mentions_ = 0;

TEST_F(ExportCommand, EveryFormatWritesEveryEvent) {
  ProgramRun gdelt = RunDragoman("export --format gdelt --db " + db_);
  ASSERT_EQ(gdelt.exit_code, 0) << gdelt.err;
  std::vector<std::string> rows = Lines(gdelt.out);
  EXPECT_EQ(static_cast<int64_t>(rows.size()), events_);
  for (const std::string& r : rows) EXPECT_EQ(std::count(r.begin(), r.end(), '\t'), 60) << r;

  ProgramRun mentions = RunDragoman("export --format gdelt-mentions --db " + db_);
  EXPECT_EQ(static_cast<int64_t>(Lines(mentions.out).size()), mentions_);

  ProgramRun csv = RunDragoman("export --format csv --db " + db_);
  EXPECT_EQ(static_cast<int64_t>(Lines(csv.out).size()), events_ + 1);  // and a header
  ProgramRun plover = RunDragoman("export --format plover --db " + db_);
  std::vector<std::string> objects = Lines(plover.out);
  ASSERT_EQ(static_cast<int64_t>(objects.size()), events_);
  nlohmann::json first = nlohmann::json::parse(objects[0]);
  EXPECT_TRUE(first.contains("event_type") && first.contains("actor") && first.contains("event_text"));
}

TEST_F(ExportCommand, FiltersAndAFileOutput) {
  std::string out = dir_->Path("rus.jsonl");
  ProgramRun run = RunDragoman("export --format jsonl --actor RUS -o " + out + " --db " + db_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::string> rows = Lines(text.str());
  ASSERT_FALSE(rows.empty());
  for (const std::string& r : rows) {
    nlohmann::json j = nlohmann::json::parse(r);
    std::string source = j["source"], target = j["target"];
    EXPECT_TRUE(source.rfind("RUS", 0) == 0 || target.rfind("RUS", 0) == 0) << r;
  }
  EXPECT_EQ(RunDragoman("export --format xml --db " + db_).exit_code, 2);
  EXPECT_EQ(RunDragoman("export --format gdelt").exit_code, 2);  // no store
}

TEST_F(ExportCommand, QuerySaysWhatItsLimitLeftOut) {
  ProgramRun run = RunDragoman("query events --limit 2 --format csv --db " + db_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Lines(run.out).size(), 3u);
  EXPECT_NE(run.err.find("2 events shown, " + std::to_string(events_ - 2) + " left out by --limit 2"),
            std::string::npos)
      << run.err;
  ProgramRun all = RunDragoman("query events --limit 100000 --format csv --db " + db_);
  EXPECT_EQ(all.err.find("left out"), std::string::npos) << all.err;
}

TEST_F(ExportCommand, CsvAndJsonLinesNameFieldsAlike) {
  ProgramRun csv = RunDragoman("query events --limit 1 --format csv --db " + db_);
  ProgramRun jsonl = RunDragoman("query events --limit 1 --format jsonl --db " + db_);
  std::string header = Lines(csv.out)[0];
  nlohmann::json j = nlohmann::json::parse(Lines(jsonl.out)[0]);
  std::istringstream names(header);
  size_t n = 0;
  for (std::string name; std::getline(names, name, ','); ++n) EXPECT_TRUE(j.contains(name)) << name;
  EXPECT_EQ(n, j.size());
  for (const char* name : {"num_mentions", "quad_class", "url", "article_id", "source_name", "code_name"})
    EXPECT_TRUE(j.contains(name)) << name;
}

}  // namespace
}  // namespace dragoman::testing
