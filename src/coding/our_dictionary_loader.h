// Reads dragoman's own dictionary files (data/dict/*.txt, embedded in the binary) into memory.
//
// Every file starts with a version line naming its kind, "dragoman-dict 1 <kind>", where kind is
// countries, regions, organizations, people, groups, agents, verbs or members; '#' starts a comment; blank
// lines are ignored; one entry per line. The format of each kind is described in
// data/dict/README.md and in the header comment of each file. Every bad entry is reported as
// "file:line: what is wrong: \"the line\"".
//
//   std::vector<std::string> problems;
//   Result<OurDictionaries> d = LoadOurDictionaries({}, &problems);
//   if (!d.ok()) return d.status();
//   Result<Lexicon> lexicon = LoadLexicon({}, &problems);   // what the coder reads (lexicon.h)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "coding/actor_dictionary.h"
#include "coding/lexicon.h"
#include "dragoman/status.h"

namespace dragoman::coding {

// The version of the text format this build reads.
// Versions:
//   1  first format (2026-11): countries/regions "CODE | names | adjectives | capitals",
//      actors/agents "names = codes", verbs "CODE pattern"; people codes may carry office words
//      after their range and members files list ISO codes (both additions read by older files'
//      rules unchanged, so the version stays 1).
inline constexpr int kDictFormatVersion = 1;

// One verb pattern: "040 meet with +" (see data/dict/README.md for the pattern syntax).
struct VerbEntry {
  std::string code;                   // CAMEO event code, "040"
  std::string reverse_code;           // "CODE:REVERSE": the event target -> source too ("042:043")
  std::vector<std::string> elements;  // pattern elements: lemma words, "+", "$", "*", "(word)", "a|b"
  std::string text;                   // the pattern as written
  std::string origin;                 // "data/dict/verbs.txt:12"
};

struct OurDictionaries {
  ActorDictionary actors;
  std::vector<VerbEntry> verbs;
  // ISO 3166-1 alpha-3 codes of the UN member states, from a "members" file (data/dict/un_members.txt).
  std::vector<std::string> un_members;
  // The language's word lists, from a "words" file (data/dict/english.txt); empty when none.
  WordLists words;
};

// Offices a people-file code range may carry after its dates ("KAZGOV 2019-03-20.. head-of-state").
// The office belongs to the country of the code (its first three letters).
inline constexpr const char* kHeadOfState = "head-of-state";
inline constexpr const char* kHeadOfGovernment = "head-of-government";
// One of several people holding the head of state's office together (a collective presidency,
// co-princes, captains regent): their ranges may overlap.
inline constexpr const char* kJointHeadOfState = "joint-head-of-state";
// The governor-general who represents the monarch of a Commonwealth realm and acts as its head of
// state there; the monarch himself is coded for his own country only.
inline constexpr const char* kGovernorGeneral = "governor-general";
// Every office word the loader accepts, in documentation order.
const std::vector<std::string>& KnownOffices();
bool IsOffice(std::string_view word);
// True when this code range carries the office; for kHeadOfState also a joint head of state or a
// governor-general.
bool HoldsOffice(const DatedCode& code, std::string_view office);

struct LoadOptions {
  bool strict = false;  // any bad entry fails the load (else it is skipped and reported)
  // Debian's iso-codes country list, read when present for ISO 3166-1 names; "" skips it.
  std::string iso_codes_json = "/usr/share/iso-codes/json/iso_3166-1.json";
};

// The kind named on a file's version line, or an error naming the file.
Result<std::string> DictFileKind(std::string_view name, std::string_view text);

// Parses one actor-kind file (countries, regions, organizations, people, groups, agents) into
// entries, without adding them anywhere. Bad entries are appended to *problems (file:line: ...);
// in strict mode the first one also fails.
Status ParseActorFile(std::string_view name, std::string_view text, bool strict, std::vector<ActorEntry>* actors,
                      std::vector<AgentEntry>* agents, std::vector<std::string>* problems);

// ParseActorFile, then adds the entries to dict.
Status LoadActorFile(std::string_view name, std::string_view text, bool strict, ActorDictionary* dict,
                     std::vector<std::string>* problems);

// Parses one verbs file.
Status LoadVerbFile(std::string_view name, std::string_view text, bool strict, std::vector<VerbEntry>* verbs,
                    std::vector<std::string>* problems);

// Parses a "members" file: one ISO 3166-1 alpha-3 code per line ("KAZ  # Kazakhstan").
Status LoadMemberFile(std::string_view name, std::string_view text, bool strict, std::vector<std::string>* codes,
                      std::vector<std::string>* problems);

// Adds ISO 3166-1 country names from an iso-codes JSON file to *countries: to the entry with the
// same (CAMEO) code, or a new entry for a code we do not list. Missing file: nothing added, Ok.
Status MergeIsoCountries(const std::string& path, std::vector<ActorEntry>* countries,
                         std::vector<std::string>* problems);

// Everything under data/dict/ embedded in the binary, plus iso-codes when present.
Result<OurDictionaries> LoadOurDictionaries(const LoadOptions& options, std::vector<std::string>* problems);

// Loads a folder of our-format files from disk instead of the embedded ones.
Result<OurDictionaries> LoadOurDictionariesFrom(const std::string& dir, const LoadOptions& options,
                                                std::vector<std::string>* problems);

// CAMEO maps ISO alpha-3 codes to its own in a few places (ROU -> ROM, TLS -> TMP, MNE -> MTN,
// Kosovo's XKX -> KSV).
std::string CameoCountryCode(std::string_view iso_alpha3);

}  // namespace dragoman::coding
