// Actors, agents and countries in memory (the coder indexes their names itself: event_coder.cc).
//
// An ActorDictionary holds entries from any source (dragoman's own files in data/dict/, or a
// PETRARCH-format actor file): each entry is a list of names (token sequences, stored normalized:
// lowercase, ASCII apostrophes, diacritics folded, hyphens split) and a list of codes, each with an
// optional date range, so that the code follows the article date ("Tokayev" is KAZGOV from
// 2019-03-20). Agents are titles and nouns ("president", "foreign minister", "army") that give an
// agent suffix ("GOV", "MIL") composed with a country ("Chinese President" -> CHNGOV).
//
//   ActorDictionary dict;
//   dict.AddActor({.id = "Xi Jinping", .kind = ActorKind::kPerson,
//                  .names = {{"xi jinping"}}, .codes = {{"CHNGOV", {20080315, kDateMax}}}});
//   std::string code = dict.actors()[0].CodeAt(20220520);   // "CHNGOV"
//
// An ActorDictionary is built once and then read-only, and may be shared across threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/status.h"

namespace dragoman::coding {

// Dates are YYYYMMDD integers (20220520); 0 means unknown.
inline constexpr int kDateMin = 0;
inline constexpr int kDateMax = 99991231;

// Parses "2019", "2019-03" or "2019-03-20" (also "2019-03-20T..."). A partial date is widened to
// its first day, or to its last day when as_end is true ("2019" as an end is 20191231).
std::optional<int> ParseDate(std::string_view text, bool as_end = false);
// 20220520 -> "2022-05-20"; kDateMin/kDateMax -> "".
std::string FormatDate(int date);

// An inclusive range of dates. The default range is open at both ends.
struct DateRange {
  int begin = kDateMin;
  int end = kDateMax;
  bool Contains(int date) const { return date >= begin && date <= end; }
  bool Overlaps(const DateRange& o) const { return begin <= o.end && o.begin <= end; }
  bool open() const { return begin == kDateMin && end == kDateMax; }
  bool operator==(const DateRange&) const = default;
};

// One code an entry carries over a range of dates, e.g. {"KAZGOV", 2019-03-20..}.
struct DatedCode {
  std::string code;
  DateRange range;
  // Offices the person held over this range, from dragoman's people files ("head-of-state",
  // "head-of-government", ...; see data/dict/README.md); empty elsewhere. Matching ignores them.
  std::vector<std::string> offices = {};
};

enum class ActorKind {
  kCountry,       // a state or territory: names, adjectives, capitals
  kRegion,        // a CAMEO region (AFR, MEA, WST, ...)
  kOrganization,  // an IGO, NGO, company or media outlet
  kPerson,        // a named individual
  kGroup,         // any other named actor (parties, armed groups, PETRARCH generic actors)
};
std::string_view ActorKindName(ActorKind kind);  // "country", "person", ...

// How a name of an entry is used in text.
enum class NameRole {
  kName,       // "Kazakhstan", "Xi Jinping", "United Nations"
  kAdjective,  // "Kazakh", "Chinese": modifies a following noun or agent title
  kMetonym,    // a capital or seat standing for the government: "Beijing", "the Kremlin"
};

struct ActorName {
  // Normalized tokens joined by single spaces ("nur sultan", "xi jinping", "u.s.").
  std::string text;
  NameRole role = NameRole::kName;
  // Matching rule. kAnyCase matches "kazakhstan" and "KAZAKHSTAN"; kCapitalized requires an
  // upper-case first letter on the first token ("Turkey" but not "turkey"); kExact requires the
  // exact letters as written in `cased` (acronyms such as "US" versus the pronoun "us").
  enum class Case { kAnyCase, kCapitalized, kExact } match_case = Case::kAnyCase;
  std::string cased;  // the name as written in the dictionary, for kExact
  // A person's surname taken from a full name ("Bush"): not a match when another name follows
  // ("Howard Schmidt" is not John Howard).
  bool surname = false;
};

struct ActorEntry {
  std::string id;                 // display name, e.g. "Kassym-Jomart Tokayev" or "KAZ"
  ActorKind kind = ActorKind::kGroup;
  std::vector<ActorName> names;
  // Codes in priority order. A code whose range contains the article date wins; an open-range code
  // is the default when no dated code applies.
  std::vector<DatedCode> codes;
  std::string origin;             // "data/dict/people.txt:12"

  // The code for a date (YYYYMMDD, 0 = unknown: the open-range code, else the latest dated one).
  // Empty when the entry has no code for that date.
  std::string CodeAt(int date) const;
};

// A title or noun that marks an agent type: "president" -> GOV, "army" -> MIL.
struct AgentEntry {
  std::vector<std::string> names;  // normalized like ActorName::text
  std::string code;                // the agent code, e.g. "GOV"; may be longer ("GOVMIL")
  std::string origin;
};

// Normalizes one token or one name for matching: lowercase, curly quotes and apostrophes to ASCII,
// common Latin diacritics folded ("Erdoğan" -> "erdogan"). Hyphens are kept; NameTokens splits them.
std::string NormalizeForm(std::string_view form);
// Splits a dictionary name into normalized match units: on spaces, underscores and hyphens
// ("Nur-Sultan" -> {"nur","sultan"}). The index drops a leading "the" ("the Kremlin" is indexed as
// "kremlin"), so an article in the text never blocks a match.
std::vector<std::string> NameTokens(std::string_view name);

// Actors and agents with their name indexes. Add* validates and indexes an entry; a bad entry
// (no name, empty or malformed code, inverted date range) gives an InvalidInput Status naming its
// origin and leaves the dictionary unchanged.
class ActorDictionary {
 public:
  ActorDictionary();
  ~ActorDictionary();
  ActorDictionary(ActorDictionary&&) noexcept;
  ActorDictionary& operator=(ActorDictionary&&) noexcept;

  Status AddActor(ActorEntry entry);
  Status AddAgent(AgentEntry entry);

  const std::vector<ActorEntry>& actors() const { return actors_; }
  const std::vector<AgentEntry>& agents() const { return agents_; }
  size_t size() const { return actors_.size() + agents_.size(); }

  // The country (or region) entry with this code, e.g. "KAZ"; null when absent.
  const ActorEntry* FindCountry(std::string_view code) const;

  // Index access for the matcher: entries whose (first) name starts with this normalized token.

 private:
  std::vector<ActorEntry> actors_;
  std::vector<AgentEntry> agents_;
  std::unordered_map<std::string, size_t> country_by_code_;
};

}  // namespace dragoman::coding
