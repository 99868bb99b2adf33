// Syntax model files (--model): a model or a message, never a read past the bytes given.
#include <cstdint>
#include <string_view>

#include "syntax/model_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dragoman::syntax::ModelFile model;
  dragoman::syntax::ParseModelFile(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.bin", &model);
  return 0;
}
