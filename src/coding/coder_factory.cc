#include "coding/coder_factory.h"

#include "coding/pattern_coder.h"

namespace dragoman::coding {

Result<std::unique_ptr<Coder>> MakeCoder(const CoderOptions& options) {
  if (!options.dict_dir.empty()) {
    return Unsupported("--dict needs the parse-based coder, which is not built yet");
  }
  return MakeDefaultPatternCoder(options.strict);
}

}  // namespace dragoman::coding
