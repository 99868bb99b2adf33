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

}  // namespace
}  // namespace dragoman::testing
