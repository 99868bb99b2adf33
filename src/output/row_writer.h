// One small interface per output format, used by `code`, `query`, `export` and the dashboard's
// export alike (as udpipe's output_format: write one item, new_output_format(name)).
//
//   Result<Format> format = ParseFormat("gdelt");
//   std::unique_ptr<RowWriter> writer = NewRowWriter(*format, std::cout);
//   for (const EventRow& row : rows) writer->Write(row);
//   writer->Finish();
//
// Formats:
//   jsonl   one JSON object per row, keys RowColumns()
//   json    one JSON array of the same objects
//   csv     RFC 4180, header RowColumns(), CRLF line ends
//   tsv     header RowColumns(); tabs and newlines inside cells become spaces
//   table   aligned columns for reading (a subset; long cells cut)
//   gdelt   GDELT 2.0's event table: 61 tab-separated columns, no header (as GDELT ships it)
//   gdelt-mentions  GDELT 2.0's mentions table: 16 tab-separated columns, no header
//   plover  PLOVER/POLECAT JSON Lines: event type, mode, context, actors, location, sentence
// A writer streams (nothing is held) except table, which aligns its columns in Finish().
// Not thread-safe: one writer per stream.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "dragoman/status.h"
#include "output/row.h"

namespace dragoman::output {

enum class Format { kJsonLines, kJson, kCsv, kTsv, kTable, kGdeltEvents, kGdeltMentions, kPlover };

// "jsonl", "json", "csv", "tsv", "table", "gdelt", "gdelt-mentions", "plover" -> Format; anything
// else is an error that names the value and the choices.
Result<Format> ParseFormat(const std::string& name);
// Every format's name, in the order above.
const std::vector<std::string>& FormatNames();
// The HTTP content type and file name extension for a format ("text/csv", "csv").
std::string ContentType(Format format);
std::string FileExtension(Format format);

class RowWriter {
 public:
  virtual ~RowWriter() = default;
  virtual void Write(const EventRow& row) = 0;
  // Ends the output (closes the JSON array, prints the table) and flushes.
  virtual void Finish() {}
};

std::unique_ptr<RowWriter> NewRowWriter(Format format, std::ostream& out);

// GDELT 2.0's column names, in its order: the event table (61) and the mentions table (16).
const std::vector<std::string>& GdeltEventColumns();
const std::vector<std::string>& GdeltMentionColumns();

}  // namespace dragoman::output
