// Chooses the coder the pipeline runs: the parse-based coder over dragoman's own dictionaries
// (default) or over PETRARCH-format ones (--dict), or the token-pattern coder when no parse is
// available (--model none).
#pragma once

#include <memory>
#include <string>

#include "coding/coder.h"
#include "dragoman/status.h"

namespace dragoman::coding {

struct CoderOptions {
  std::string dict_dir;    // "" = dragoman's own dictionaries; else a folder of PETRARCH-format files
  std::string verbs_file;  // with dict_dir: verb file name inside it, instead of CAMEO.2.0.txt
  bool strict = false;     // a bad dictionary line fails instead of warning
  bool parsed = true;      // sentences carry a dependency parse
};

Result<std::unique_ptr<Coder>> MakeCoder(const CoderOptions& options);

}  // namespace dragoman::coding
