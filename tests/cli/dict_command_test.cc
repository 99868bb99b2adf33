// `dragoman dict check|stats` as users run it: the shipped dictionaries lint clean, a bad entry is
// reported with file:line and fails the command, and stats covers every CAMEO root.
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "run_program.h"

namespace dragoman::testing {
namespace {

TEST(DictCommand, ShippedDictionariesCheckClean) {
  ProgramRun run = RunDragoman("dict check");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find(" 0 errors"), std::string::npos) << run.err;
  EXPECT_EQ((run.out + run.err).find("error:"), std::string::npos) << run.out << run.err;
}

TEST(DictCommand, BadEntryIsReportedWithFileAndLine) {
  TempDir dir("dict_check_");
  std::string path = dir.Write("verbs.txt", "dragoman-dict 1 verbs\n040 meet with +\n999 frobnicate +\n");
  std::string folder = path.substr(0, path.rfind('/'));
  ProgramRun run = RunDragoman("dict check --dir " + folder);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::string report = run.out + run.err;
  EXPECT_NE(report.find("verbs.txt:3:"), std::string::npos) << report;
  EXPECT_NE(report.find("999"), std::string::npos) << report;
  EXPECT_NE(run.err.find(" 1 errors"), std::string::npos) << run.err;
}

// A root alone ("17") names no event: `--code 170` would never find what it codes.
TEST(DictCommand, TwoDigitEventCodeIsRejected) {
  TempDir dir("dict_check_two_digit_");
  std::string path = dir.Write("verbs.txt", "dragoman-dict 1 verbs\n170 pressure +\n17 lean on +\n");
  ProgramRun run = RunDragoman("dict check --dir " + path.substr(0, path.rfind('/')));
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::string report = run.out + run.err;
  EXPECT_NE(report.find("verbs.txt:3:"), std::string::npos) << report;
  EXPECT_NE(report.find("two-digit CAMEO code \"17\""), std::string::npos) << report;
  EXPECT_EQ(report.find("verbs.txt:2:"), std::string::npos) << report;
}

TEST(DictCommand, StatsCountsEveryRootAndTheVerbTarget) {
  ProgramRun run = RunDragoman("dict stats");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(run.out, m, std::regex("verbs\\t(\\d+)"))) << run.out;
  EXPECT_GE(std::stoi(m[1]), 1500);
  for (int root = 1; root <= 20; ++root) {
    char line[8];
    std::snprintf(line, sizeof line, "  %02d\t", root);
    EXPECT_NE(run.out.find(line), std::string::npos) << "no count for root " << line << "\n" << run.out;
  }
}

}  // namespace
}  // namespace dragoman::testing
