// Writes coded events for people and programs: JSON Lines (default), TSV or an aligned table.
//
//   EventWriter writer(std::cout, OutputFormat::kJsonLines);
//   writer.Write(article, events);
//   writer.Finish();   // flushes the table format
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/event.h"
#include "dragoman/status.h"

namespace dragoman::output {

enum class OutputFormat { kJsonLines, kTsv, kTable };

// "jsonl"/"json", "tsv", "table" -> format; anything else is an error naming the value.
Result<OutputFormat> ParseOutputFormat(const std::string& name);

// The columns every format carries, in order.
const std::vector<std::string>& EventColumns();

// One event as a JSON object (text of the spans included, taken from the article).
std::string EventToJson(const Article& article, const Event& event);

// One error record as a JSON object: {"error": message, "origin": ...}.
std::string ErrorToJson(const ErrorRecord& error);
// An error record as a line for standard error: "error: feed.jsonl:12: what was wrong", or for a
// skipped record "feed.jsonl:12: skipped: why" (no newline).
std::string ErrorToText(const ErrorRecord& error);

// Not thread-safe: one writer per output stream.
class EventWriter {
 public:
  EventWriter(std::ostream& out, OutputFormat format) : out_(out), format_(format) {}
  void Write(const Article& article, const std::vector<Event>& events);
  // Ends the output; the table format is printed here, once column widths are known.
  void Finish();

 private:
  std::vector<std::string> Row(const Article& article, const Event& event) const;

  std::ostream& out_;
  OutputFormat format_;
  bool header_written_ = false;
  std::vector<std::vector<std::string>> table_rows_;
};

}  // namespace dragoman::output
