// Runs the pipeline over a stream of input records on N threads, delivering results in input order.
// Events in paragraphs that a site prints on several of its pages (teasers, newsletter pleas) are
// dropped before delivery (RunOptions::site_boilerplate_window); what is dropped depends only on
// the input, never on the number of threads.
//
// One reader thread pulls records from the RecordReader, N workers call Pipeline::Process, and the
// calling thread hands each result to the sink strictly in input order (record 0, 1, 2, ...). At
// most max_in_flight records (plus site_boilerplate_window pages of sites) are between the reader
// and the sink at any time, so memory stays bounded however large the input is. Error records pass through in their place, unprocessed.
// Records read with ReadOptions::defer_html have their HTML extracted by the workers, so reading
// web pages scales with the threads too (set it when the reader feeds this runner).
// On a terminal (or with force_progress) a progress line on stderr shows articles, sentences,
// events, the rate, and the ETA when the input size is known.
//
//   RunOptions options; options.threads = 4;
//   RunSummary summary = RunPipeline(*reader, *pipeline, options, [&](RunItem& item) {
//     if (item.record.error) Log(*item.record.error); else writer.Write(*item.record.article, item.events);
//     return true;   // false stops the run (e.g. --strict after an error)
//   });
//   std::cerr << summary.ToString() << "\n";
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "dragoman/event.h"
#include "dragoman/pipeline.h"
#include "ingest/reader.h"

namespace dragoman {

struct RunOptions {
  int threads = 0;              // worker threads; 0 = all cores (std::thread::hardware_concurrency)
  bool quiet = false;           // no progress line
  bool force_progress = false;  // a progress line even when stderr is not a terminal
  size_t max_in_flight = 0;     // records read but not yet delivered; 0 = 4 per thread (at least 16)
  // Cross-article boilerplate (ingest/site_boilerplate.h): a page of a site (an article with a URL
  // or source) waits until this many later records have been read, and events in paragraphs that
  // its site prints on other pages are dropped. 0: every result is delivered at once.
  size_t site_boilerplate_window = 32;
  std::FILE* progress_stream = stderr;
  // Called on the sink's thread when the next result is not ready yet and the sink would wait
  // for it (ingest commits its open transaction here, so no write lock is held while coding).
  std::function<void()> on_idle;
};

// One result, handed to the sink in input order.
struct RunItem {
  uint64_t index = 0;           // 0-based position among all input records
  ingest::Record record;        // the processed article (sentences filled), or the error record
  std::vector<Event> events;
};

struct RunSummary {
  uint64_t read = 0;            // records read (articles and errors)
  uint64_t coded = 0;           // articles run through the pipeline
  uint64_t rejected = 0;        // error records
  uint64_t skipped = 0;         // records left out on purpose (not English); not errors
  uint64_t with_events = 0;     // articles that gave at least one event
  uint64_t crawl_dated = 0;     // articles whose only date is their crawl's (a WARC record's date)
  uint64_t sentences = 0;
  uint64_t events = 0;
  double seconds = 0;           // wall time of the run
  StageTimes times;             // summed over all workers
  bool stopped = false;         // the sink stopped the run early
  int threads = 0;              // workers used
  // "read 12 records: 11 coded (9 with events), 1 rejected, 0 skipped; 300 sentences, 40 events in 0.5 s (600 sentences/s)",
  // then "; 2 dated only by their crawl" when pages showed no date of their own.
  std::string ToString() const;
};

// Called on the calling thread, in input order. Return false to stop reading (records already
// read are dropped, not delivered). An exception from the sink stops the run and is rethrown by
// RunParallel once its threads have finished.
using RunSink = std::function<bool(RunItem& item)>;
// What a worker does to each article; must be safe to call from many threads at once.
using ProcessFunction = std::function<void(Article& article, std::vector<Event>* events, StageTimes* times)>;

// Runs pipeline.Process over every article of reader. With threads == 1 everything runs on the
// calling thread.
RunSummary RunPipeline(ingest::RecordReader& reader, const Pipeline& pipeline, const RunOptions& options,
                       const RunSink& sink);

// The same with any thread-safe processing function (tests, tools).
RunSummary RunParallel(ingest::RecordReader& reader, const ProcessFunction& process, const RunOptions& options,
                       const RunSink& sink);

}  // namespace dragoman
