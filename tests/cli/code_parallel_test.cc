// End-to-end: `dragoman code -j N` writes the same output in the same order for any N, and a
// WARC.gz cut in the middle of a record codes every complete record, reports the tail once and
// says so in the exit status.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "../ingest/test_files.h"
#include "run_program.h"

namespace dragoman::testing {
namespace {

namespace fs = std::filesystem;

std::string WarcResponse(int i) {
  std::string html = "<html><head><meta property=\"article:published_time\" content=\"2022-05-20\">"
                     "<title>Story " + std::to_string(i) + " of the day in Astana</title></head><body><article>"
                     "<p>China is ready to work with Kazakhstan on trade, officials said in story " +
                     std::to_string(i) + ".</p></article></body></html>";
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://n.example/" + std::to_string(i) +
         "\r\nWARC-Date: 2022-05-20T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:story-" + std::to_string(i) +
         ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + std::to_string(http.size()) +
         "\r\n\r\n" + http + "\r\n\r\n";
}

TEST(CodeParallel, OutputIsTheSameForAnyNumberOfJobs) {
  TempDir dir("cli_parallel_test_");
  const char* const kSentences[] = {"China is ready to work with Kazakhstan.", "Kazakhstan supports China.",
                                    "The weather was fine in Astana on Monday.", "Russia congratulated India."};
  std::string feed;
  for (int i = 0; i < 300; ++i) {
    std::string text;
    for (int k = 0; k <= i % 5; ++k) text += std::string(kSentences[(i + k) % 4]) + " ";
    feed += "{\"id\":\"a" + std::to_string(i) + "\",\"date\":\"2022-05-20\",\"text\":\"" + text + "\"}\n";
    if (i % 50 == 7) feed += "{\"id\":\"broken\n";  // error records keep their place too
  }
  std::string path = dir.Write("feed.jsonl", feed);
  ProgramRun one = RunDragoman("code -j 1 --format tsv --errors " + dir.Write("e1.jsonl", "") + " " + path);
  ProgramRun four = RunDragoman("code -j 4 --format tsv --errors " + dir.Write("e4.jsonl", "") + " " + path);
  EXPECT_EQ(one.exit_code, 1) << "malformed lines were rejected";
  EXPECT_EQ(four.exit_code, 1);
  EXPECT_GT(std::count(one.out.begin(), one.out.end(), '\n'), 300);
  EXPECT_EQ(one.out, four.out);
  EXPECT_NE(four.err.find("306 records read, 300 coded, 6 rejected"), std::string::npos) << four.err;
  EXPECT_NE(four.err.find("4 threads"), std::string::npos) << four.err;
}

TEST(CodeParallel, TruncatedWarcGzCodesCompleteRecordsAndFails) {
  TempDir dir("cli_parallel_test_");
  std::string data;
  for (int i = 1; i <= 3; ++i) data += ingest::testing::GzipMember(WarcResponse(i));
  std::string last = ingest::testing::GzipMember(WarcResponse(4));
  data += last.substr(0, last.size() / 2);
  std::string path = dir.Write("cut.warc.gz", data);
  ProgramRun run = RunDragoman("code -j 2 --format tsv " + path);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  for (int i = 1; i <= 3; ++i) EXPECT_NE(run.out.find("story-" + std::to_string(i) + "\t"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("story-4"), std::string::npos);
  EXPECT_NE(run.err.find("cut.warc.gz#4"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("truncated"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("4 records read, 3 coded, 1 rejected"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace dragoman::testing
