// The one row every output format writes: a coded event with one mention that reports it. `code`
// makes one row per coded sentence (counts 1); the store makes one row per aggregated event (its
// counts, and its first mention's provenance) or, for the GDELT mentions table, one per mention.
//
//   output::EventRow row = output::RowFromEvent(article, event);
//   std::unique_ptr<output::RowWriter> writer = output::NewRowWriter(output::Format::kCsv, std::cout);
//   writer->Write(row);
//   writer->Finish();
//
// Field names are the same in every format: RowColumns() is the CSV/TSV header and the JSON keys.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dragoman/document.h"
#include "dragoman/event.h"

namespace dragoman::output {

struct EventRow {
  // The event.
  int64_t event_id = 0;  // the store's id; 0 for events coded on the fly
  std::string date;      // ISO date
  std::string source, source_name, target, target_name;  // CAMEO actor codes; names as the text wrote them
  std::string code, root;
  int quad_class = 0;
  std::optional<double> goldstein;
  std::string plover_type, plover_mode;
  int64_t num_mentions = 1, num_articles = 1, num_sources = 1;
  std::optional<double> tone;  // GDELT AvgTone: the mean tone of the articles that report it
  Location location;
  bool is_root_event = false;  // reported in the title or the first sentence (GDELT's IsRootEvent)
  std::string date_added;      // when the store took it, "YYYY-MM-DD HH:MM:SS"; "" for `code`

  // One mention: the sentence that reports it.
  int64_t mention_id = 0;
  std::string article_id, article_date, publisher, url;
  int sentence_index = 0;
  std::string sentence_text;
  Span source_span, verb_span, target_span;
  std::string source_text, verb_text, target_text;
  std::optional<double> doc_tone;  // the mention's article tone
  int64_t doc_length = 0;          // bytes of the mention's article text
  std::string rule;
};

// A row from an event coded in article (the mention's text is cut from article.text).
EventRow RowFromEvent(const Article& article, const Event& event);

// The columns of the CSV, TSV and JSON forms, in order.
const std::vector<std::string>& RowColumns();
// A row's cells in RowColumns() order (spans as "begin-end", absent numbers empty).
std::vector<std::string> RowCells(const EventRow& row);
// A row as a JSON object with RowColumns() as keys (spans as {begin, end, text}, absent values null).
nlohmann::json RowToJson(const EventRow& row);

// The CAMEO name of an event code ("040" -> "Consult, not specified below"); "" when unknown.
std::string CodeName(const std::string& code);

}  // namespace dragoman::output
