// Golden files: tests/data/text/NAME.txt (an article we wrote, title on the first line) segments to
// tests/data/text/NAME.expected: one line per sentence, "T" for the title or "S", then the token
// forms separated by spaces; a wire dateline taken off the body is a line "D" with its bytes. To accept a deliberate change, rerun with DRAGOMAN_UPDATE_GOLDEN=1
// and review the diff of the .expected file.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "text/segmenter.h"

namespace dragoman::text {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Render(Article& a) {
  std::string out;
  if (!a.dateline.empty()) out += "D " + std::string(a.Slice(a.dateline.span)) + "\n";
  for (const Sentence& s : a.sentences) {
    out += s.is_title ? "T" : "S";
    for (const Token& t : s.tokens) out += " " + t.form;
    out += "\n";
  }
  return out;
}

TEST(GoldenTest, TextFiles) {
  fs::path dir = fs::path(DRAGOMAN_SOURCE_DIR) / "tests/data/text";
  size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    Article a;
    a.text = ReadFile(entry.path());
    a.title_span = {0, a.text.find('\n')};
    Segment(a);
    std::string got = Render(a);
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".expected");
    if (std::getenv("DRAGOMAN_UPDATE_GOLDEN") != nullptr) {
      std::ofstream(expected_path, std::ios::binary) << got;
    }
    EXPECT_EQ(got, ReadFile(expected_path)) << entry.path() << " (DRAGOMAN_UPDATE_GOLDEN=1 rewrites it)";
    ++checked;
  }
  EXPECT_GT(checked, 0u) << "no golden files in " << dir;
}

}  // namespace
}  // namespace dragoman::text
