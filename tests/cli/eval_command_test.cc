// `dragoman eval`: scores the built-in model against a gold treebank, both parsers, and writes
// the system's annotation for error analysis.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "run_program.h"

namespace dragoman::testing {
namespace {

const std::string kTiny = std::string(DRAGOMAN_SOURCE_DIR) + "/tests/data/syntax/tiny.conllu";

size_t CountLines(const std::string& text, bool (*keep)(const std::string&)) {
  std::istringstream in(text);
  size_t n = 0;
  for (std::string line; std::getline(in, line);) n += keep(line);
  return n;
}

TEST(EvalCommand, PrintsEveryFigureAndWritesTheSystemAnnotation) {
  TempDir dir;
  const std::string out = dir.Path("system.conllu");
  ProgramRun run = RunDragoman("eval --json --gold " + kTiny + " --output " + out);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json figures = nlohmann::json::parse(run.out);
  for (const char* key : {"upos", "xpos", "lemma", "uas", "las"}) {
    ASSERT_TRUE(figures.contains(key)) << run.out;
    EXPECT_GT(figures[key].get<double>(), 50.0) << key;
    EXPECT_LE(figures[key].get<double>(), 100.0) << key;
  }
  std::ifstream in(out);
  std::stringstream system;
  system << in.rdbuf();
  std::ifstream gold_in(kTiny);
  std::stringstream gold;
  gold << gold_in.rdbuf();
  // Word lines: not comments, multiword token ranges (3-4) or empty nodes (7.1).
  auto is_word = [](const std::string& l) {
    const std::string id = l.substr(0, l.find('\t'));
    return !l.empty() && l[0] != '#' && id.find_first_of("-.") == std::string::npos;
  };
  auto is_sentence = [](const std::string& l) { return l.rfind("# text = ", 0) == 0; };
  EXPECT_EQ(CountLines(system.str(), is_word), CountLines(gold.str(), is_word)) << system.str();
  EXPECT_EQ(CountLines(system.str(), is_sentence), CountLines(gold.str(), is_sentence));
}

TEST(EvalCommand, BothParsersScoreAndTheChoiceIsChecked) {
  ProgramRun accurate = RunDragoman("eval --json --gold " + kTiny);
  ProgramRun fast = RunDragoman("eval --json --parser fast --gold " + kTiny);
  ASSERT_EQ(accurate.exit_code, 0) << accurate.err;
  ASSERT_EQ(fast.exit_code, 0) << fast.err;
  EXPECT_GT(nlohmann::json::parse(fast.out)["uas"].get<double>(), 50.0);
  ProgramRun bad = RunDragoman("eval --parser fastest --gold " + kTiny);
  EXPECT_EQ(bad.exit_code, 2);
  ProgramRun raw_output = RunDragoman("eval --raw --output /dev/null --gold " + kTiny);
  EXPECT_EQ(raw_output.exit_code, 2);
  EXPECT_NE(raw_output.err.find("--output needs gold tokenization"), std::string::npos) << raw_output.err;
}

}  // namespace
}  // namespace dragoman::testing
