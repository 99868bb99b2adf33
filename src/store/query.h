// Analyst queries over the event store, shared by `dragoman query` and the dashboard's API:
// filtered events, the mentions (sentences) behind an event, a dyad's timeline per period, the
// most active actors and dyads, and an article with one mention's words marked.
//
//   store::EventFilter filter;
//   filter.dyad_a = "CHN"; filter.dyad_b = "KAZ"; filter.from = "2022-01";
//   if (Status s = store::NormalizeFilter(&filter); !s.ok()) return Usage(s);
//   auto rows = store::QueryEvents((*store)->db(), filter);
//
// Actor codes match by prefix, so "CHN" covers CHN, CHNGOV and CHNMIL. Every value reaches SQLite
// as a bound parameter. JSON forms of the rows are below, so the CLI and the API agree.
#pragma once

#include <array>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/status.h"
#include "output/row.h"
#include "store/db.h"

namespace dragoman::store {

inline constexpr size_t kMaxQueryLimit = 100000;  // the most rows one query returns

struct EventFilter {
  std::string source, target;     // actor code prefixes ("CHN" matches "CHNGOV")
  std::string dyad_a, dyad_b;     // both set: events between them, either direction
  std::string actor;              // events with this actor as source or target
  std::string root;               // CAMEO root, two digits ("05")
  std::string code;               // CAMEO code prefix ("036" matches 036 and 0361)
  std::vector<int> quad_classes;  // any of these (1..4); empty = all
  std::string from, to;           // inclusive dates: YYYY, YYYY-MM or YYYY-MM-DD
  std::string text;               // words in a mentioning sentence or an article title
  std::string article_id;         // events mentioned in this article
  size_t limit = 100;  // QueryEvents; ForEachEventRow: 0 = every row
  size_t offset = 0;
  bool by_mentions = false;  // order by mentions (most reported first) instead of by date
};

// Checks and normalizes a filter in place (codes upper-cased, dates checked). The message names
// the field and the bad value: `--root "5x": expected a two-digit CAMEO root such as "05"`.
// field_prefix is put before field names in messages ("--" for the CLI, "" for the API).
Status NormalizeFilter(EventFilter* filter, const std::string& field_prefix = "--");

// Checks an actor code ("CHN", "KAZGOV"): letters and digits only, upper-cased in place.
Status NormalizeActor(std::string* code, const std::string& field);
// Checks a date bound: YYYY, YYYY-MM or YYYY-MM-DD with a real month and day.
Status CheckDate(const std::string& date, const std::string& field);

struct EventRow {
  int64_t id = 0;
  std::string date, source, target, code, root;
  int quad_class = 0;
  std::optional<double> goldstein;
  std::string plover_type, plover_mode;
  int64_t num_mentions = 0, num_articles = 0, num_sources = 0;
};

Result<std::vector<EventRow>> QueryEvents(Db& db, const EventFilter& filter);
// How many events the filter matches, ignoring limit and offset.
Result<int64_t> CountEvents(Db& db, const EventFilter& filter);
Result<std::optional<EventRow>> GetEvent(Db& db, int64_t id);

// A mention: one sentence that reports an event, with its provenance.
struct MentionRow {
  int64_t id = 0, event_id = 0;
  std::string article_id, article_date, article_source, article_title, url;
  int sentence_index = 0;
  std::string sentence;                                     // the sentence's text
  Span sentence_span, source_span, verb_span, target_span;  // byte spans in the article text
  std::string rule;
};

// Mentions of one event, oldest article first.
Result<std::vector<MentionRow>> QueryMentions(Db& db, int64_t event_id, size_t limit);
// How many mentions an event has.
Result<int64_t> CountMentions(Db& db, int64_t event_id);

// What a store holds, for the dashboard's summary: row counts and the range of event dates.
struct StoreSummary {
  int64_t articles = 0, events = 0, mentions = 0, errors = 0;
  std::string first_date, last_date;  // empty when there are no dated events
};
Result<StoreSummary> QuerySummary(Db& db);
// The first and last event date in the store; both empty when no event has a date.
Status ReadEventDateRange(Db& db, std::string* first, std::string* last);
Result<std::optional<MentionRow>> GetMention(Db& db, int64_t mention_id);

enum class Period { kDay, kWeek, kMonth, kYear };
// "day", "week", "month", "year" -> Period; anything else is an error naming the value.
Result<Period> ParsePeriod(const std::string& name);

struct TimelineQuery {
  std::string a, b;       // actor code prefixes; b empty = every event of a
  bool directed = false;  // only a -> b (default: both directions)
  Period by = Period::kMonth;
  std::string from, to;
  std::string root;  // optional CAMEO root filter
};

struct TimelineRow {
  std::string period;  // 2022-05-20 (day), 2022-05-16 (the week's Monday), 2022-05, 2022
  int64_t events = 0, mentions = 0;
  std::array<int64_t, 4> quad_counts{};  // events in quad classes 1..4
  double goldstein_sum = 0;              // over events with a score
  std::optional<double> goldstein_mean;
};

// Events per period, oldest first; events without a full date are left out.
Result<std::vector<TimelineRow>> QueryTimeline(Db& db, const TimelineQuery& query);

struct ActorRow {
  std::string actor;
  int64_t events = 0, mentions = 0, as_source = 0, as_target = 0;
};
struct DyadRow {
  std::string a, b;  // a < b: dyads are counted in both directions
  int64_t events = 0, mentions = 0;
  std::array<int64_t, 4> quad_counts{};
  std::optional<double> goldstein_mean;
};
struct ActivityQuery {
  std::string from, to;
  size_t limit = 20;
  size_t prefix = 0;  // group codes by their first N letters (3 = countries); 0 = whole codes
};
Result<std::vector<ActorRow>> QueryActors(Db& db, const ActivityQuery& query);
Result<std::vector<DyadRow>> QueryDyads(Db& db, const ActivityQuery& query);

struct ArticleRow {
  std::string id, date, source, title, url;
  int64_t sentences = 0, mentions = 0;
};
// How many stored articles have a date within [from, to] (either may be empty).
Result<int64_t> CountArticles(Db& db, const std::string& from, const std::string& to);
// Stored articles ordered by id, with how many sentences and mentions each has.
Result<std::vector<ArticleRow>> QueryArticles(Db& db, const std::string& from, const std::string& to,
                                              size_t limit, size_t offset);

// The error records the store holds (input records that were not articles), ordered by origin.
struct ErrorRow {
  std::string origin, message, ingested_at;
};
Result<std::vector<ErrorRow>> QueryErrors(Db& db, size_t limit, size_t offset);

// An article's text cut into pieces at the edges of one mention's spans, so a client can mark the
// sentence, source, verb and target without handling byte offsets.
struct TextPiece {
  std::string text;
  bool sentence = false, source = false, verb = false, target = false;
};
struct ArticleView {
  std::string id, date, source, url, title, origin;
  std::vector<TextPiece> pieces;  // concatenated: the whole article text
  int64_t mention_count = 0;
};
// The article with mention's spans marked; mention_id 0 marks nothing.
Result<std::optional<ArticleView>> GetArticleView(Db& db, const std::string& article_id, int64_t mention_id);

// Every event the filter matches as an output row (counts, code, AvgTone, location, its first
// mention's article, URL, sentence and words), streamed: one row in memory at a time, so an export
// of millions of events runs in bounded memory. Rows come by date like QueryEvents (by store id
// with by_id, which needs no sort: the order for exports), honouring limit (0 = all) and offset.
// sink returns false to stop early.
struct RowOrder {
  bool by_id = false;
};
Status ForEachEventRow(Db& db, const EventFilter& filter, const std::function<bool(const output::EventRow&)>& sink,
                       RowOrder order = {});
// Every mention of the events the filter matches, one row each (the event's fields with that
// mention's provenance), by event id then mention id: GDELT's mentions table.
Status ForEachMentionRow(Db& db, const EventFilter& filter,
                         const std::function<bool(const output::EventRow&)>& sink);

// Where the matching events happened, for the dashboard's map: events per country (ISO alpha-2,
// from each event's first mention) and per city.
struct PlaceCount {
  int type = 0;  // 1 country, 4 city
  std::string name, country;
  double lat = 0, lon = 0;
  int64_t events = 0;
};
Result<std::vector<PlaceCount>> QueryPlaces(Db& db, const EventFilter& filter);
nlohmann::json ToJson(const PlaceCount& row);

// Timeline of the events a filter matches (any filter, not only a dyad): what the dashboard's
// chart draws, so the chart and the table always show the same events.
Result<std::vector<TimelineRow>> QueryFilteredTimeline(Db& db, const EventFilter& filter, Period by);

nlohmann::json ToJson(const EventRow& row);
nlohmann::json ToJson(const MentionRow& row);
nlohmann::json ToJson(const TimelineRow& row);
nlohmann::json ToJson(const ActorRow& row);
nlohmann::json ToJson(const DyadRow& row);
nlohmann::json ToJson(const ArticleView& view);
nlohmann::json ToJson(const ArticleRow& row);

// Serializes JSON for output, replacing invalid UTF-8 (from damaged input) instead of failing.
std::string DumpJson(const nlohmann::json& value, int indent = -1);

}  // namespace dragoman::store
