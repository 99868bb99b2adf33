// CoNLL-U treebanks (training and evaluation input): sentences or a message.
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/conllu.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::vector<dragoman::syntax::ConlluSentence> sentences;
  if (dragoman::syntax::ReadConllu(in, "fuzz.conllu", &sentences).ok()) {
    for (const auto& s : sentences) dragoman::syntax::ToSentence(s, true);
  }
  return 0;
}
