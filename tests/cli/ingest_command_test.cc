// `dragoman ingest`: an article stored by an unchanged setup is skipped; a changed model file or
// dictionary at the same path codes it again.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "run_program.h"

namespace dragoman::testing {
namespace {

const std::string kTiny = std::string(DRAGOMAN_SOURCE_DIR) + "/tests/data/syntax/tiny.conllu";

// The counts of the summary line: "N articles stored, M unchanged (skipped)".
std::string StoredAndUnchanged(const ProgramRun& run) {
  const size_t from = run.err.find(" articles stored");
  if (from == std::string::npos) return run.err;
  size_t begin = run.err.rfind(", ", from);
  const size_t end = run.err.find(" unchanged", from);
  return run.err.substr(begin + 2, end - begin - 2);
}

TEST(IngestCommand, ARetrainedModelAtTheSamePathCodesStoredArticlesAgain) {
  TempDir dir("ingest_model_");
  const std::string text =
      dir.Write("talks.txt", "Talks\n\n2023-06-01\n\nChina criticized India over the border clashes.\n");
  const std::string model = dir.Path("model.bin");
  auto train = [&](int parser_epochs) {
    return RunDragoman("train --train " + kTiny + " --out " + model + " --tagger-epochs 1 --guide-epochs 1 --folds 1" +
                       " --guide-folds 1 --no-wordnet --parser-epochs " + std::to_string(parser_epochs));
  };
  ProgramRun trained = train(1);
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  const std::string ingest = "ingest --db " + dir.Path("events.db") + " --model " + model + " " + text;
  ProgramRun first = RunDragoman(ingest);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(StoredAndUnchanged(first), "1 articles stored, 0") << first.err;
  ProgramRun again = RunDragoman(ingest);
  EXPECT_EQ(StoredAndUnchanged(again), "0 articles stored, 1") << again.err;

  // Same path, other bytes: the stored article was coded by another model.
  trained = train(2);
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  ProgramRun retrained = RunDragoman(ingest);
  EXPECT_EQ(StoredAndUnchanged(retrained), "1 articles stored, 0") << retrained.err;
}

// A crawl's records that are not articles (here a JSON response and a revisit) are counted as
// skipped for what they are, not as articles "not in English".
TEST(IngestCommand, RecordsThatAreNotArticlesAreNotCountedAsNotInEnglish) {
  TempDir dir("ingest_skipped_");
  auto record = [](const std::string& type, const std::string& content_type, const std::string& block) {
    return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: https://n.example/api\r\n" +
           "WARC-Date: 2022-05-20T00:00:00Z\r\nContent-Type: " + content_type + "\r\nContent-Length: " +
           std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  };
  const std::string json = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"a\": 1}";
  const std::string warc = dir.Write("crawl.warc", record("response", "application/http; msgtype=response", json) +
                                                       record("revisit", "application/http", ""));
  ProgramRun run = RunDragoman("ingest --db " + dir.Path("events.db") + " " + warc);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("2 records read"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("2 skipped (not articles, or not in English)"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("not in English (skipped)"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace dragoman::testing
