// GDELT 2.0's event and mentions tables (the GDELT Event Codebook V2.0 and the GDELT 2.0 event
// database documentation): tab-separated, no header, columns in GDELT's order, so a loader
// written for GDELT's files reads ours unchanged.
//
// What we fill: dates, actor codes cut into country/known group/types, names as the text wrote
// them, the CAMEO code with its base and root, quad class, Goldstein, the counts, AvgTone, the
// action's location, DATEADDED and SOURCEURL. Left empty, as GDELT leaves them when unknown: ethnic
// and religion codes, ADM2, and the two actors' own locations (we locate the action only).
// Location country codes are ISO 3166-1 alpha-2, where GDELT writes FIPS 10-4.
#include <cstdio>

#include "output/formats.h"

namespace dragoman::output {
namespace {

// Prefixes of CAMEO codes that name no country (international and non-state actors).
bool IsGroupPrefix(const std::string& p) {
  static const char* kGroups[] = {"IGO", "NGO", "NGM", "MNC", "IMG", "UIS", "INT"};
  for (const char* g : kGroups)
    if (p == g) return true;
  return false;
}

std::string Digits(const std::string& date, size_t n) {
  std::string out;
  for (char c : date) {
    if (out.size() == n) break;
    if (c >= '0' && c <= '9') out += c;
  }
  return out.size() == n ? out : "";
}

// Year plus the fraction of it gone: GDELT's FractionDate, e.g. 2022.3808 for 2022-05-20.
std::string FractionDate(const std::string& date) {
  std::string d = Digits(date, 8);
  if (d.empty()) return "";
  int year = std::stoi(d.substr(0, 4)), month = std::stoi(d.substr(4, 2)), day = std::stoi(d.substr(6, 2));
  static const int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int day_of_year = kBefore[(month - 1) % 12] + day;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", year + day_of_year / 365.0);
  return buf;
}

std::string DateTime(const std::string& when) {
  std::string d = Digits(when, 14);
  if (!d.empty()) return d;
  d = Digits(when, 8);
  return d.empty() ? "" : d + "000000";
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// GDELT cells never hold tabs or line breaks.
std::string Cell(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

void Line(std::ostream& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) out << (i ? "\t" : "") << Cell(cells[i]);
  out << '\n';
}

void AddActor(std::vector<std::string>& cells, const std::string& code, const std::string& name) {
  ActorParts p = SplitActorCode(code);
  cells.insert(cells.end(), {code, name, p.country, p.known_group, "", "", "", p.types[0], p.types[1], p.types[2]});
}

void AddGeo(std::vector<std::string>& cells, const Location& g) {
  if (g.empty()) {
    cells.insert(cells.end(), {"0", "", "", "", "", "", "", ""});
    return;
  }
  cells.insert(cells.end(), {std::to_string(g.type), g.full_name, g.country_code, g.adm1_code, "",
                             Fixed(g.lat, 4), Fixed(g.lon, 4), g.feature_id});
}

class GdeltEventWriter : public RowWriter {
 public:
  explicit GdeltEventWriter(std::ostream& out) : out_(out) {}
  void Write(const EventRow& r) override {
    ++count_;
    std::string day = Digits(r.date, 8);
    std::vector<std::string> cells;
    cells.reserve(61);
    cells.insert(cells.end(), {std::to_string(r.event_id ? r.event_id : count_), day, day.substr(0, 6),
                               day.substr(0, 4), FractionDate(r.date)});
    AddActor(cells, r.source, r.source_name);
    AddActor(cells, r.target, r.target_name);
    cells.insert(cells.end(), {r.is_root_event ? "1" : "0", r.code, r.code.substr(0, 3), r.root,
                               std::to_string(r.quad_class), r.goldstein ? Fixed(*r.goldstein, 1) : "",
                               std::to_string(r.num_mentions), std::to_string(r.num_sources),
                               std::to_string(r.num_articles), r.tone ? Fixed(*r.tone, 4) : ""});
    AddGeo(cells, Location());  // Actor1Geo
    AddGeo(cells, Location());  // Actor2Geo
    AddGeo(cells, r.location);  // ActionGeo
    cells.push_back(DateTime(r.date_added.empty() ? r.date : r.date_added));
    cells.push_back(r.url.empty() ? r.article_id : r.url);  // a file without a URL: its article id
    Line(out_, cells);
  }
  void Finish() override { out_.flush(); }

 private:
  std::ostream& out_;
  int64_t count_ = 0;
};

class GdeltMentionWriter : public RowWriter {
 public:
  explicit GdeltMentionWriter(std::ostream& out) : out_(out) {}
  void Write(const EventRow& r) override {
    ++count_;
    auto offset = [](Span s) { return s.empty() ? std::string("-1") : std::to_string(s.begin); };
    std::string event_time = DateTime(r.date_added.empty() ? r.date : r.date_added);
    Line(out_, {std::to_string(r.event_id ? r.event_id : count_), event_time,
                DateTime(r.article_date.empty() ? r.date : r.article_date),
                "1",  // MentionType 1: a web document
                r.publisher, r.url.empty() ? r.article_id : r.url, std::to_string(r.sentence_index + 1),
                offset(r.source_span), offset(r.target_span), offset(r.verb_span),
                "1",    // InRawText: found in the text as written
                "100",  // Confidence: one coder, one parse
                std::to_string(r.doc_length), r.doc_tone ? Fixed(*r.doc_tone, 4) : "", "", ""});
  }
  void Finish() override { out_.flush(); }

 private:
  std::ostream& out_;
  int64_t count_ = 0;
};

}  // namespace

ActorParts SplitActorCode(const std::string& code) {
  ActorParts p;
  if (code.size() < 3) return p;
  std::string first = code.substr(0, 3);
  size_t next = 3, type = 0;
  if (IsGroupPrefix(first)) {
    p.types[type++] = first;
    if (code.size() >= 6) {
      p.known_group = code.substr(3, 3);
      next = 6;
    }
  } else {
    p.country = first;
  }
  for (; next + 3 <= code.size() && type < 3; next += 3) p.types[type++] = code.substr(next, 3);
  return p;
}

const std::vector<std::string>& GdeltEventColumns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> c = {"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"};
    for (const char* actor : {"Actor1", "Actor2"}) {
      for (const char* field : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                                "Religion2Code", "Type1Code", "Type2Code", "Type3Code"})
        c.push_back(std::string(actor) + field);
    }
    for (const char* f : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"})
      c.push_back(f);
    for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* field : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"})
        c.push_back(std::string(geo) + field);
    }
    c.push_back("DATEADDED");
    c.push_back("SOURCEURL");
    return c;
  }();
  return kColumns;
}

const std::vector<std::string>& GdeltMentionColumns() {
  static const std::vector<std::string> kColumns = {
      "GlobalEventID",    "EventTimeDate",     "MentionTimeDate", "MentionType",
      "MentionSourceName", "MentionIdentifier", "SentenceID",      "Actor1CharOffset",
      "Actor2CharOffset", "ActionCharOffset",  "InRawText",       "Confidence",
      "MentionDocLen",    "MentionDocTone",    "MentionDocTranslationInfo", "Extras"};
  return kColumns;
}

std::unique_ptr<RowWriter> NewGdeltEventWriter(std::ostream& out) { return std::make_unique<GdeltEventWriter>(out); }
std::unique_ptr<RowWriter> NewGdeltMentionWriter(std::ostream& out) {
  return std::make_unique<GdeltMentionWriter>(out);
}

}  // namespace dragoman::output
