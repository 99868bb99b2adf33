// Writes the events coded from articles (`dragoman code`) in any output format of row_writer.h,
// one row per coded sentence, and the error records beside them.
//
//   EventWriter writer(std::cout, Format::kJsonLines);
//   writer.Write(article, events);
//   writer.Finish();   // flushes; the table format is printed here
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/event.h"
#include "dragoman/status.h"
#include "output/row_writer.h"

namespace dragoman::output {

// The names `code` has always used for the shared format list.
using OutputFormat = Format;
inline Result<OutputFormat> ParseOutputFormat(const std::string& name) { return ParseFormat(name); }
// The columns of the CSV and TSV forms, in order (RowColumns()).
inline const std::vector<std::string>& EventColumns() { return RowColumns(); }

// One event as a JSON object (text of the spans included, taken from the article).
std::string EventToJson(const Article& article, const Event& event);

// One error record as a JSON object: {"error": message, "origin": ...}.
std::string ErrorToJson(const ErrorRecord& error);
// An error record as a line for standard error: "error: feed.jsonl#12: what was wrong", or for a
// skipped record "feed.jsonl#12: skipped: why" (no newline).
// Control bytes (ESC, CR, NUL ...) that came from the input are written \xNN.
std::string ErrorToText(const ErrorRecord& error);
std::string EscapeControlBytes(std::string_view text);

// Not thread-safe: one writer per output stream.
class EventWriter {
 public:
  EventWriter(std::ostream& out, Format format) : writer_(NewRowWriter(format, out)) {}
  void Write(const Article& article, const std::vector<Event>& events) {
    for (const Event& e : events) writer_->Write(RowFromEvent(article, e));
  }
  // Ends the output; the table format is printed here, once column widths are known.
  void Finish() { writer_->Finish(); }

 private:
  std::unique_ptr<RowWriter> writer_;
};

}  // namespace dragoman::output
