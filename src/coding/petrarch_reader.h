// Readers for PETRARCH-format dictionaries other than verbs: actors (with date-restricted codes),
// agents, discards and issues; and a loader for a whole PETRARCH dictionary folder.
//
//   std::vector<std::string> warnings;
//   PetrarchFiles files = PetrarchFiles::Phoenix("../shared/petrarch");   // CAMEO.2.0 + Phoenix
//   Result<Lexicon> d = LoadPetrarchFiles(files, /*strict=*/false, &warnings);
//   for (const std::string& w : warnings) std::cerr << w << "\n";   // "file:line: ..."
//
// Actors and agents are loaded into coding::ActorDictionary (actor_dictionary.h). Formats:
//   actors:   NAME_WITH_UNDERSCORES [CODE]        a primary name and its code
//             +SYNONYM                            more names of the same actor
//             <tab>[CODE 991001-020128]           more codes; dates YYMMDD or YYYYMMDD:
//             [CODE <950601] before, [CODE >20121115] after, [CODE A-B] between (inclusive)
//             A name line without a code shares the codes of the next coded entry.
//   agents:   TITLE_WORDS {PLURALS} [~GOV]        suffix agent ("Chinese president" -> CHNGOV)
//             TITLE [NGO~]                        prefix agent ("MSF Arnor" -> NGOARN)
//             !PERSON! = MAN, MEN, WOMAN          substitution set used as CONGRESS!PERSON!
//             {} after a name: no automatic plural
//   discards: PHRASE (sentence discard), +PHRASE (story discard)
//   issues:   <ISSUE CATEGORY="..."> ... n:noun v:verb a+b [CODE] ... </ISSUE>, ~ / ~~ exclusions
// '#' starts a comment; <!-- ... --> comments are skipped. A bad line adds "file:line: what:
// \"line\"" to warnings and loading goes on, unless strict, when it is the returned error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "coding/actor_dictionary.h"
#include "coding/lexicon.h"
#include "coding/verb_dictionary.h"
#include "dragoman/status.h"

namespace dragoman::coding {

// Where the files are. Empty names are skipped.
struct PetrarchFiles {
  std::string dir;
  std::string verbs;                 // e.g. "CAMEO.2.0.txt"
  std::vector<std::string> actors;   // e.g. Phoenix.Countries.actors.txt, ...
  std::vector<std::string> agents;
  std::string discards;
  std::string issues;
  // CAMEO.2.0.txt with the Phoenix actors, agents, discards and issues.
  static PetrarchFiles Phoenix(std::string dir, std::string verbs = "CAMEO.2.0.txt");
};

// Whether a lowercase word is a common English word that a short actor name may collide with
// ("us", "it"); such names only match when written in capitals.
bool IsCommonWord(std::string_view word);

// Parses "950601" / "19950601" as YYYYMMDD (two-digit years below 30 are 20xx).
std::optional<int> ParsePetrarchDate(std::string_view text);

// extra, when given, receives entries whose codes are valid PETRARCH but not ActorDictionary codes
// (instead of a warning).
Status ReadPetrarchActors(std::string_view text, std::string_view file_name, bool strict,
                          std::vector<std::string>* warnings, ActorDictionary* dict,
                          std::vector<ActorEntry>* extra = nullptr);
Status ReadPetrarchAgents(std::string_view text, std::string_view file_name, bool strict,
                          std::vector<std::string>* warnings, ActorDictionary* dict,
                          std::vector<bool>* agent_prefix);
Status ReadPetrarchDiscards(std::string_view text, std::string_view file_name, bool strict,
                            std::vector<std::string>* warnings, DiscardList* discards);
Status ReadPetrarchIssues(std::string_view text, std::string_view file_name, bool strict,
                          std::vector<std::string>* warnings, std::vector<IssueEntry>* issues);

// Reads every file named in files from files.dir. A missing file is an error.
Result<Lexicon> LoadPetrarchFiles(const PetrarchFiles& files, bool strict,
                                                      std::vector<std::string>* warnings);

// Reads a whole file; the error names the path.
Result<std::string> ReadTextFile(const std::string& path);

}  // namespace dragoman::coding
