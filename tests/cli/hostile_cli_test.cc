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

namespace dragoman::testing {
namespace {

TEST(HostileCli, MistypedCommandGetsADidYouMean) {
  ProgramRun run = RunDragoman("cod x.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("did you mean \"code\"?"), std::string::npos) << run.err;
  run = RunDragoman("qeury events");
  EXPECT_NE(run.err.find("did you mean \"query\"?"), std::string::npos) << run.err;
  run = RunDragoman("zzzzzzzz");
  EXPECT_EQ(run.err.find("did you mean"), std::string::npos) << run.err;
}

TEST(HostileCli, FilesReadWholeMustBeRegularFiles) {
  ProgramRun run = RunDragoman("code --model /dev/zero --date 2022-05-20 -");
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("not a regular file"), std::string::npos) << run.err;
  run = RunDragoman("eval --gold /dev/zero");
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("not a regular file"), std::string::npos) << run.err;
  run = RunDragoman("validate /tmp --dict x");
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("is a folder"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace dragoman::testing

namespace dragoman::testing {
namespace {

TEST(HostileCli, OffsetPastSqliteIntegersIsRefused) {
  ProgramRun run = RunDragoman("query events --offset 18446744073709551615 --db /nonexistent.db");
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("--offset"), std::string::npos) << run.err;
}

TEST(HostileCli, ControlBytesFromInputAreEscapedInErrors) {
  TempDir dir("cli_ctrl_");
  // A date holding ESC [2J (clear the screen), escaped in the JSON as \u001b: the error quotes it.
  std::string feed = dir.Write("feed.jsonl", "{\"id\":\"x\",\"date\":\"\\u001b[2Jnot a date\",\"text\":\"China met Kazakhstan.\"}\n");
  ProgramRun run = RunDragoman("code -q " + feed);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(run.err.find('\x1b'), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("\\x1B[2J"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace dragoman::testing

namespace dragoman::testing {
namespace {

TEST(HostileCli, FoldersTakeArticlesAndSayWhatTheyPassedOver) {
  TempDir dir("cli_folder_");
  dir.Write("a.txt", kArticle);
  dir.Write("README.md", "# Notes\n\nThis folder holds the articles.\n");
  dir.Write("LICENSE", "Permission is hereby granted, free of charge, to any person.\n");
  dir.Write("feed", "{\"id\":\"f\",\"date\":\"2022-05-20\",\"title\":\"Talks\",\"text\":\"China met Kazakhstan.\"}\n");
  ProgramRun run = RunDragoman("code -q --date 2022-05-20 --format json " + dir.Path(""));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("2 files in this folder are not articles"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("LICENSE, README.md"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("2 coded, 0 rejected, 1 skipped"), std::string::npos) << run.err;  // a.txt and feed
  run = RunDragoman("code -q --date 2022-05-20 --exclude 'a.*' --include '*.txt' --include feed " + dir.Path(""));
  EXPECT_NE(run.err.find("1 records read, 1 coded"), std::string::npos) << run.err;
}

TEST(HostileCli, IngestWritesErrorsToAFileAndQueryShowsThem) {
  TempDir dir("cli_errors_");
  std::string feed = dir.Write("feed.jsonl",
                               "{\"id\":\"a\",\"date\":\"2022-05-20\",\"title\":\"Talks\",\"text\":\"China met Kazakhstan.\"}\n"
                               "{\"id\":\"b\",\"date\":\"2022-05-20\"\n");
  std::string db = dir.Path("e.db"), errors = dir.Path("errors.jsonl");
  ProgramRun run = RunDragoman("ingest -q " + feed + " --db " + db + " --errors " + errors);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  std::ifstream in(errors);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_NE(line.find("feed.jsonl#2"), std::string::npos) << line;
  run = RunDragoman("query errors --db " + db + " --format json");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  auto j = nlohmann::json::parse(run.out);
  ASSERT_EQ(j.size(), 1u) << run.out;
  EXPECT_NE(j[0]["origin"].get<std::string>().find("feed.jsonl#2"), std::string::npos);
}

}  // namespace
}  // namespace dragoman::testing
