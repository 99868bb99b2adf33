// End-to-end: `dragoman sentences` prints repaired sentences and tokens (issue 2, bar 3).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "run_program.h"

namespace dragoman::testing {
namespace {

bool HasGluedBoundary(const std::string& text) {
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] >= 'a' && text[i] <= 'z' && text[i + 1] == '.' && text[i + 2] >= 'A' && text[i + 2] <= 'Z')
      return true;
  }
  return false;
}

TEST(SentencesCommandTest, SampleHasNoGluedBoundaryAndNoBoilerplate) {
  std::ifstream probe(SharedSample());
  if (!probe) GTEST_SKIP() << "sample article absent: " << SharedSample();
  ProgramRun run = RunDragoman("sentences --json " + SharedSample());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<nlohmann::json> rows = ParseJsonLines(run.out);
  ASSERT_GE(rows.size(), 20u);
  EXPECT_TRUE(rows[0]["title"].get<bool>());
  for (const nlohmann::json& row : rows) {
    std::string text = row["text"];
    EXPECT_FALSE(HasGluedBoundary(text)) << text;
    EXPECT_EQ(text.find("wechat"), std::string::npos) << text;
    EXPECT_EQ(text.find("2022-05-20 0 By"), std::string::npos) << text;
    ASSERT_FALSE(row["tokens"].empty());
  }
}

TEST(SentencesCommandTest, ReadsStandardInputAndPrintsTokens) {
  ProgramRun run =
      RunDragoman("sentences - <<'EOF'\nA title\nCCTV reported.Xi said it\xE2\x80\x99s fine.\nEOF");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\ttitle\tA title"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("CCTV reported.\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\t's\t"), std::string::npos) << run.out;  // curly clitic, ASCII form
}

TEST(SentencesCommandTest, UnknownOptionIsUsageError) {
  ProgramRun run = RunDragoman("sentences --no-such-option x");
  EXPECT_EQ(run.exit_code, 2);
}

}  // namespace
}  // namespace dragoman::testing
