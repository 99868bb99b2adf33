#include "output/row.h"

#include <cstdio>

#include "coding/cameo_table.h"

namespace dragoman::output {
namespace {

std::string Number(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}
std::string Optional(const std::optional<double>& value, int decimals) {
  return value ? Number(*value, decimals) : "";
}
std::string SpanCell(Span s) { return s.empty() ? "" : std::to_string(s.begin) + "-" + std::to_string(s.end); }

nlohmann::json SpanJson(Span s, const std::string& text) {
  if (s.empty()) return nullptr;
  return {{"begin", s.begin}, {"end", s.end}, {"text", text}};
}
nlohmann::json OptionalJson(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

std::string CodeName(const std::string& code) {
  const coding::CameoCode* c = coding::CameoTable::Default().Find(code);
  return c ? c->name : "";
}

EventRow RowFromEvent(const Article& article, const Event& e) {
  EventRow row;
  row.date = e.date;
  row.source = e.source;
  row.target = e.target;
  row.code = e.code;
  row.root = e.root;
  row.quad_class = e.quad_class;
  if (e.has_goldstein) row.goldstein = e.goldstein;
  row.plover_type = e.plover_type;
  row.plover_mode = e.plover_mode;
  if (e.has_tone) row.tone = row.doc_tone = e.tone;
  row.location = e.location;
  row.is_root_event = e.sentence_index <= 1;
  row.article_id = e.article_id;
  row.article_date = article.date;
  row.publisher = article.source;
  row.url = article.url;
  row.sentence_index = e.sentence_index;
  if (e.sentence_index >= 0 && static_cast<size_t>(e.sentence_index) < article.sentences.size()) {
    row.sentence_text = std::string(article.Slice(article.sentences[e.sentence_index].span));
  }
  auto text = [&](Span s) { return s.end <= article.text.size() ? std::string(article.Slice(s)) : std::string(); };
  row.source_span = e.source_span;
  row.verb_span = e.verb_span;
  row.target_span = e.target_span;
  row.source_text = row.source_name = text(e.source_span);
  row.verb_text = text(e.verb_span);
  row.target_text = row.target_name = text(e.target_span);
  row.doc_length = static_cast<int64_t>(article.text.size());
  row.rule = e.rule;
  return row;
}

const std::vector<std::string>& RowColumns() {
  static const std::vector<std::string> kColumns = {
      "article_id",
      "date",
      "sentence",
      "source",
      "target",
      "code",
      "root",
      "quad_class",
      "goldstein",
      "plover_type",
      "plover_mode",
      "event_id",
      "source_name",
      "target_name",
      "code_name",
      "num_mentions",
      "num_articles",
      "num_sources",
      "tone",
      "geo_type",
      "geo_name",
      "geo_country",
      "geo_adm1",
      "geo_lat",
      "geo_lon",
      "geo_feature_id",
      "url",
      "sentence_text",
      "source_span",
      "source_text",
      "verb_span",
      "verb_text",
      "target_span",
      "target_text",
      "rule"};
  return kColumns;
}

std::vector<std::string> RowCells(const EventRow& r) {
  const Location& g = r.location;
  bool located = !g.empty();
  return {r.article_id,
          r.date,
          std::to_string(r.sentence_index),
          r.source,
          r.target,
          r.code,
          r.root,
          std::to_string(r.quad_class),
          Optional(r.goldstein, 1),
          r.plover_type,
          r.plover_mode,
          r.event_id ? std::to_string(r.event_id) : "",
          r.source_name,
          r.target_name,
          CodeName(r.code),
          std::to_string(r.num_mentions),
          std::to_string(r.num_articles),
          std::to_string(r.num_sources),
          Optional(r.tone, 2),
          std::to_string(g.type),
          g.full_name,
          g.country_code,
          g.adm1_code,
          located ? Number(g.lat, 5) : "",
          located ? Number(g.lon, 5) : "",
          g.feature_id,
          r.url,
          r.sentence_text,
          SpanCell(r.source_span),
          r.source_text,
          SpanCell(r.verb_span),
          r.verb_text,
          SpanCell(r.target_span),
          r.target_text,
          r.rule};
}

nlohmann::json RowToJson(const EventRow& r) {
  const Location& g = r.location;
  bool located = !g.empty();
  return {{"article_id", r.article_id},
          {"date", r.date},
          {"sentence", r.sentence_index},
          {"source", r.source},
          {"target", r.target},
          {"code", r.code},
          {"root", r.root},
          {"quad_class", r.quad_class},
          {"goldstein", OptionalJson(r.goldstein)},
          {"plover_type", r.plover_type},
          {"plover_mode", r.plover_mode},
          {"event_id", r.event_id ? nlohmann::json(r.event_id) : nlohmann::json(nullptr)},
          {"source_name", r.source_name},
          {"target_name", r.target_name},
          {"code_name", CodeName(r.code)},
          {"num_mentions", r.num_mentions},
          {"num_articles", r.num_articles},
          {"num_sources", r.num_sources},
          {"tone", OptionalJson(r.tone)},
          {"geo_type", g.type},
          {"geo_name", g.full_name},
          {"geo_country", g.country_code},
          {"geo_adm1", g.adm1_code},
          {"geo_lat", located ? nlohmann::json(g.lat) : nlohmann::json(nullptr)},
          {"geo_lon", located ? nlohmann::json(g.lon) : nlohmann::json(nullptr)},
          {"geo_feature_id", g.feature_id},
          {"url", r.url},
          {"sentence_text", r.sentence_text},
          {"source_span", SpanJson(r.source_span, r.source_text)},
          {"source_text", r.source_text},
          {"verb_span", SpanJson(r.verb_span, r.verb_text)},
          {"verb_text", r.verb_text},
          {"target_span", SpanJson(r.target_span, r.target_text)},
          {"target_text", r.target_text},
          {"rule", r.rule}};
}

}  // namespace dragoman::output
