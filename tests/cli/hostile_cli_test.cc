// The command line refuses what it cannot use: dates that are no calendar dates, absurd thread
// counts, endless input, mistyped commands.
#include <gtest/gtest.h>

#include "run_program.h"

namespace dragoman::testing {
namespace {

const char kArticle[] = "Talks\n\nChina is ready to work with Kazakhstan, the minister said.\n";

TEST(HostileCli, DateMustBeARealCalendarDate) {
  TempDir dir("cli_date_");
  std::string a = dir.Write("a.txt", kArticle);
  for (const char* bad : {"yesterday", "20-05-2022", "2022-02-30", "2022-13-01", "2022-5-20"}) {
    for (const char* command : {"code", "ingest"}) {
      std::string extra = std::string(command) == "ingest" ? " --db " + dir.Path("x.db") : "";
      ProgramRun run = RunDragoman(std::string(command) + " --date " + bad + " " + a + extra);
      EXPECT_EQ(run.exit_code, 2) << command << " " << bad << ": " << run.err;
      EXPECT_NE(run.err.find(bad), std::string::npos) << run.err;
    }
  }
  ProgramRun leap = RunDragoman("code -q --date 2024-02-29 " + a);
  EXPECT_EQ(leap.exit_code, 0) << leap.err;
}

TEST(HostileCli, AbsurdThreadCountIsAUsageError) {
  TempDir dir("cli_jobs_");
  std::string a = dir.Write("a.txt", kArticle);
  ProgramRun run = RunDragoman("code --date 2022-05-20 -j 100000 " + a);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("256"), std::string::npos) << run.err;
}

TEST(HostileCli, EndlessInputIsRefusedAtOnce) {
  ProgramRun run = RunDragoman("code -q --date 2022-05-20 /dev/zero");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("binary data"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace dragoman::testing
