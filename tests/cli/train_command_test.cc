// `dragoman train`: the WordNet folder the tagger's word classes come from is checked before
// training starts, and --no-wordnet trains without it.
#include <gtest/gtest.h>

#include <filesystem>

#include "run_program.h"

namespace dragoman::testing {
namespace {

const std::string kTiny = std::string(DRAGOMAN_SOURCE_DIR) + "/tests/data/syntax/tiny.conllu";

TEST(TrainCommand, AMissingWordNetFolderIsAUsageErrorThatSaysWhatToDo) {
  TempDir dir("train_wordnet_");
  const std::string model = dir.Path("model.bin");
  const std::string quick = "train --train " + kTiny + " --out " + model + " --tagger-epochs 1 --parser-epochs 1";
  ProgramRun missing = RunDragoman(quick + " --wordnet " + dir.Path("no-wordnet-here"));
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
  EXPECT_NE(missing.err.find("no-wordnet-here"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("wordnet-base"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(model));

  ProgramRun without = RunDragoman(quick + " --no-wordnet");
  EXPECT_EQ(without.exit_code, 0) << without.err;
  EXPECT_TRUE(std::filesystem::exists(model));
}

}  // namespace
}  // namespace dragoman::testing
