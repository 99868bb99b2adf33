#include "output/event_writer.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace dragoman::output {
namespace {

// Span text with tabs and newlines flattened, so TSV rows stay one line each.
std::string Flat(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string SpanText(Span s) { return std::to_string(s.begin) + "-" + std::to_string(s.end); }

std::string Goldstein(const Event& e) {
  if (!e.has_goldstein) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", e.goldstein);
  return buf;
}

nlohmann::json SpanJson(const Article& article, Span s) {
  if (s.empty()) return nullptr;
  // Invalid UTF-8 in the original must not make the JSON writer throw.
  return {{"begin", s.begin}, {"end", s.end}, {"text", std::string(article.Slice(s))}};
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(const std::string& name) {
  if (name == "jsonl" || name == "json") return OutputFormat::kJsonLines;
  if (name == "tsv") return OutputFormat::kTsv;
  if (name == "table") return OutputFormat::kTable;
  return InvalidInput("unknown output format \"" + name + "\" (expected jsonl, tsv or table)");
}

const std::vector<std::string>& EventColumns() {
  static const std::vector<std::string> kColumns = {
      "article_id", "date", "sentence", "source", "target", "code", "root", "quad_class", "goldstein",
      "plover_type", "plover_mode", "source_span", "source_text", "verb_span", "verb_text",
      "target_span", "target_text", "rule"};
  return kColumns;
}

std::string EventToJson(const Article& article, const Event& e) {
  nlohmann::json j = {
      {"article_id", e.article_id},
      {"date", e.date},
      {"sentence", e.sentence_index},
      {"source", e.source},
      {"target", e.target},
      {"code", e.code},
      {"root", e.root},
      {"quad_class", e.quad_class},
      {"goldstein", e.has_goldstein ? nlohmann::json(e.goldstein) : nlohmann::json(nullptr)},
      {"plover_type", e.plover_type},
      {"plover_mode", e.plover_mode},
      {"source_span", SpanJson(article, e.source_span)},
      {"verb_span", SpanJson(article, e.verb_span)},
      {"target_span", SpanJson(article, e.target_span)},
      {"rule", e.rule},
  };
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ErrorToText(const ErrorRecord& error) {
  return (error.skipped ? "" : "error: ") + error.origin + ": " + error.message;
}

std::string ErrorToJson(const ErrorRecord& error) {
  nlohmann::json j = {{"error", error.message}, {"origin", error.origin}};
  if (error.skipped) j["skipped"] = true;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> EventWriter::Row(const Article& article, const Event& e) const {
  return {e.article_id,
          e.date,
          std::to_string(e.sentence_index),
          e.source,
          e.target,
          e.code,
          e.root,
          std::to_string(e.quad_class),
          Goldstein(e),
          e.plover_type,
          e.plover_mode,
          SpanText(e.source_span),
          Flat(article.Slice(e.source_span)),
          SpanText(e.verb_span),
          Flat(article.Slice(e.verb_span)),
          SpanText(e.target_span),
          Flat(article.Slice(e.target_span)),
          e.rule};
}

void EventWriter::Write(const Article& article, const std::vector<Event>& events) {
  switch (format_) {
    case OutputFormat::kJsonLines:
      for (const Event& e : events) out_ << EventToJson(article, e) << '\n';
      break;
    case OutputFormat::kTsv:
      if (!header_written_) {
        const auto& cols = EventColumns();
        for (size_t i = 0; i < cols.size(); ++i) out_ << (i ? "\t" : "") << cols[i];
        out_ << '\n';
        header_written_ = true;
      }
      for (const Event& e : events) {
        std::vector<std::string> row = Row(article, e);
        for (size_t i = 0; i < row.size(); ++i) out_ << (i ? "\t" : "") << row[i];
        out_ << '\n';
      }
      break;
    case OutputFormat::kTable:
      for (const Event& e : events) {
        std::vector<std::string> row = Row(article, e);
        // The table is for reading: spans and PLOVER mode are left to the other formats.
        table_rows_.push_back({row[0], row[1], row[2], row[3], row[4], row[5], row[7], row[8], row[9],
                               row[12], row[14], row[16]});
      }
      break;
  }
}

void EventWriter::Finish() {
  if (format_ != OutputFormat::kTable) {
    out_.flush();
    return;
  }
  std::vector<std::string> header = {"article", "date", "sent", "source", "target", "code", "quad",
                                     "goldstein", "plover", "source text", "verb", "target text"};
  std::vector<size_t> width(header.size());
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], std::min<size_t>(row[i].size(), 40));
  };
  measure(header);
  for (const auto& row : table_rows_) measure(row);
  auto print = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) {
      std::string cell = row[i].size() > 40 ? row[i].substr(0, 37) + "..." : row[i];
      out_ << cell;
      if (i + 1 < row.size()) out_ << std::string(width[i] - cell.size() + 2, ' ');
    }
    out_ << '\n';
  };
  print(header);
  for (const auto& row : table_rows_) print(row);
  table_rows_.clear();
  out_.flush();
}

}  // namespace dragoman::output
