// Codes input records into an event store: what `dragoman ingest` and the Python package's
// backfill workers (python/) both run, so a store is filled the same way from either.
//
//   LoadOptions options; options.coder = CoderFingerprint(pipeline_options);
//   LoadSummary summary = LoadIntoStore(*reader, *pipeline, *store, options);
//
// Safe to kill: articles are committed in batches, each article whole (EventStore::PutArticle),
// so a killed run leaves only complete articles; running it again resumes. An article already
// stored with the same content and the same coder is skipped; any other is coded again and
// replaces the stored one, so loading twice never duplicates.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "dragoman/pipeline.h"
#include "dragoman/status.h"
#include "ingest/reader.h"
#include "pipeline/parallel_runner.h"
#include "store/event_store.h"

namespace dragoman {

struct LoadOptions {
  std::string coder;         // the coder fingerprint stored with each article (CoderFingerprint)
  int threads = 1;           // coding threads
  size_t batch = 200;        // articles per transaction (a batch also ends after two seconds)
  bool force = false;        // code every article again, even those stored unchanged
  // The inputs read, when the run reads only part of a large store's inputs (a backfill
  // partition): the snapshot of stored articles is then taken of theirs alone. Empty: every article.
  std::vector<std::string> snapshot_inputs;
  bool quiet = true;         // no progress line
  const std::atomic<bool>* stop = nullptr;  // set (by a signal handler) to stop after the current record
  // Each error record as it is stored (for the CLI's standard error); may be empty.
  std::function<void(const ErrorRecord&)> on_error;
  // Each article that could not be stored, with the reason; may be empty.
  std::function<void(const std::string& message)> on_failure;
};

struct LoadSummary {
  size_t read = 0, stored = 0, unchanged = 0, skipped = 0, rejected = 0, failed = 0, events = 0;
  double seconds = 0;
  bool interrupted = false;
  Status status;  // a store failure that ended the run
};

LoadSummary LoadIntoStore(ingest::RecordReader& reader, const Pipeline& pipeline, store::EventStore& store,
                          const LoadOptions& options);

}  // namespace dragoman
