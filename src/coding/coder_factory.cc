#include "coding/coder_factory.h"

#include <iostream>

#include "coding/event_coder.h"
#include "coding/pattern_coder.h"

namespace dragoman::coding {

Result<std::unique_ptr<Coder>> MakeCoder(const CoderOptions& options) {
  if (!options.dict_dir.empty()) {
    if (!options.parsed) {
      return InvalidInput("PETRARCH-format dictionaries (--dict) code over a dependency parse; drop --model none");
    }
    std::vector<std::string> warnings;
    Result<std::unique_ptr<Coder>> coder =
        MakePetrarchCoder(options.dict_dir, options.verbs_file, options.strict, &warnings);
    // Bad dictionary lines are reported once, where the user can see them, and loading goes on.
    for (const std::string& w : warnings) std::cerr << "warning: " << w << "\n";
    return coder;
  }
  // Our own verb lexicon is written as token patterns (data/dict/verbs.txt), so the pattern coder
  // codes with it whether or not the sentences carry a parse.
  return MakeDefaultPatternCoder(options.strict);
}

}  // namespace dragoman::coding
