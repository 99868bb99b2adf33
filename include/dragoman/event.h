// A coded political event: who did what to whom, when, and the words that say so.
//
//   for (const Event& e : events)
//     std::cout << e.source << " " << e.code << " " << e.target << " (" << e.rule << ")\n";
#pragma once

#include <string>

#include "dragoman/document.h"

namespace dragoman {

// Where an event happened, with GDELT's geography fields. type 0 = unknown (the other fields empty).
struct Location {
  enum Type { kNone = 0, kCountry = 1, kCity = 4 };  // GDELT's 1 COUNTRY and 4 WORLDCITY
  int type = kNone;
  std::string full_name;     // "Najaf, Najaf, Iraq" for a city, "Iraq" for a country
  std::string country_code;  // ISO 3166-1 alpha-2 ("IQ")
  std::string adm1_code;     // country code and GeoNames admin1 code ("IQ17"); country code alone for a country
  double lat = 0, lon = 0;
  std::string feature_id;    // GeoNames id of a city; ISO alpha-2 of a country
  bool empty() const { return type == kNone; }
};

struct Event {
  std::string article_id;
  std::string date;            // ISO date of the event (the article date)
  int sentence_index = 0;      // index into Article::sentences
  std::string source;          // CAMEO actor code, e.g. "CHNGOV"
  std::string target;          // CAMEO actor code, e.g. "KAZGOV"; may be empty for untargeted events
  std::string code;            // CAMEO event code, e.g. "040", "0311"
  std::string root;            // first two digits of code
  int quad_class = 0;          // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0.0;      // Goldstein scale value for code
  bool has_goldstein = false;  // false for the few codes GDELT gives no score
  std::string plover_type;     // PLOVER event type, e.g. "CONSULT"; empty where CAMEO has none
  std::string plover_mode;     // PLOVER mode where the mapping gives one
  Span source_span;            // the words naming the source, in Article::text
  Span verb_span;              // the words carrying the event
  Span target_span;            // the words naming the target
  std::string rule;            // the dictionary entry that fired, "file:line"
  Location location;           // where it happened: a place in the sentence, the dateline, or a country
  double tone = 0;             // the article's tone (GDELT AvgTone: % positive minus % negative words)
  bool has_tone = false;
};

}  // namespace dragoman
