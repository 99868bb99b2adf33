// Readers for callers that hold their records themselves rather than in files: records given as
// JSON Lines strings (the Python package's dicts and DataFrames), and a window of another
// reader's records (a backfill partition: records [first, last) of a WARC file).
//
//   auto reader = ingest::OpenJsonRecords({R"({"id":"a","text":"..."})"}, "records", options);
//   auto part = ingest::OpenRecordRange(ingest::OpenInputs({"crawl.warc.gz"}, options), 1000, 2000);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ingest/reader.h"

namespace dragoman::ingest {

// One record per string, each read exactly as a line of a JSON Lines file named `name` (so record
// i's origin is "name#i+1" and its id, when it has none, "name-i+1" as for a file).
std::unique_ptr<RecordReader> OpenJsonRecords(std::vector<std::string> lines, std::string name,
                                              const ReadOptions& options);

// The records of `reader` numbered first..last-1 (0-based, counting every record, errors
// included); last == 0 reads to the end. Records before first are read and dropped; HTML pages
// among them are not extracted when the reader defers them (ReadOptions::defer_html).
std::unique_ptr<RecordReader> OpenRecordRange(std::unique_ptr<RecordReader> reader, uint64_t first, uint64_t last);

// How many records the inputs hold (what OpenRecordRange numbers), without extracting pages.
uint64_t CountRecords(const std::vector<std::string>& inputs, ReadOptions options);

}  // namespace dragoman::ingest
