// The coder fingerprint the store keeps with each article (EventStore::PutArticle): equal
// fingerprints mean an article would be coded the same way again, so `dragoman ingest` and the
// Python backfill skip it. Shared by the CLI and the Python package.
#pragma once

#include <string>

#include "dragoman/pipeline.h"

namespace dragoman {

// binary: the file holding the coder's code: the dragoman program ("/proc/self/exe") or the
// Python extension module.
std::string CoderFingerprint(const PipelineOptions& options, const std::string& binary = "/proc/self/exe");

}  // namespace dragoman
