// dragoman's one event coder: events from the dependency parse of each sentence and one lexicon
// (lexicon.h), whichever dictionary format it was loaded from. What each case is coded as, with
// examples, is in CODING.md; the language's words its rules read are in the lexicon's word lists
// (data/dict/english.txt), its conventions over codes in data/dict/coding_rules.txt.
//
//   Result<std::unique_ptr<Coder>> coder = MakeCoder({.dict_dir = ""});   // or a dictionary folder
//   std::vector<Event> events;
//   (*coder)->Code(article, &events);   // sentences must carry Token::head/deprel/lemma/upos
//
// For each verb with a dictionary entry: the source is the subject (nsubj; for xcomp/conj verbs the
// governing verb's subject), the target the object, oblique or prepositional phrase (or the slot a
// pattern names); passive voice swaps them (nsubj:pass/nsubjpass is the target, obl:agent /
// nmod:agent / a "by" phrase the source). UD v1 (dobj, nmod, nsubjpass, neg, name) and UD v2 (obj,
// obl, nsubj:pass, flat) labels are both read. Conjoined actors give one event per pair; compounds,
// possessives and titles resolve to one actor ("Kazakh President Tokayev"); actor codes follow the
// article date. A negated verb gives no event unless a pattern names the negation. A verb whose
// complement clause is coded is combined by the dictionary's transformations ("X said Y attacked
// Z" -> X 112 Y); otherwise the complement's event stands on its own. Under a predicate of intent
// ("is ready to", "hopes to", "vowed to", "plans to") the complement's event becomes the intention
// to do it: cooperation maps into CAMEO 03x (04 -> 036, 05 -> 032, 06 -> 031, 07 -> 033, 08 -> 035)
// and force into 13x (threaten), unless a transformation says otherwise; "looks forward to X's
// visit" is 036 toward X (rule "builtin:intent-to-meet"). Pronouns and "the two sides" take the
// nearest earlier actor(s) in the article when that choice is unambiguous, and a bare surname
// takes the code its titled first mention had ("Kazakh President Kazak Tokayev" ... "Tokayev").
// Discard phrases drop the sentence (or the whole article). Beyond PETRARCH's reading: agents
// without a country take the sentence's, the dateline's or the title's place; conditions,
// questions, averted and denied acts are no events; the future is an intention (a coding rule);
// symmetric codes give the reverse event; nominal events read their noun's own actor.
//
// Each event carries source/target codes, the CAMEO code, the spans of source, verb and target,
// and rule = the "file:line" of the pattern or verb that fired. Quad class, Goldstein and PLOVER
// fields are left to CameoTable::Complete.
//
// An EventCoder is immutable after construction; Code is thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "coding/coder.h"
#include "coding/lexicon.h"
#include "dragoman/status.h"

namespace dragoman::coding {

struct EventCoderOptions {
  // Drop events without both a source and a target actor (PETRARCH's require_dyad).
  bool require_dyad = true;
  // Resolve pronouns and "the two sides" to earlier actors in the article.
  bool resolve_pronouns = true;
  // PETRARCH's new_actor_length: a subject or object phrase with no dictionary actor and at most
  // this many words becomes an actor coded as its quoted upper-case text ("\"THE MINISTRY OF
  // MAGIC\""). 0 (the default) turns this off.
  int new_actor_length = 0;
};

class EventCoder : public Coder {
 public:
  EventCoder(std::shared_ptr<const Lexicon> dicts, EventCoderOptions options = {});
  ~EventCoder() override;

  void Code(const Article& article, std::vector<Event>* events) const override;
  int NamesIn(const Sentence& sentence, int most) const override;
  // Codes one sentence as if it were the whole article (date: YYYYMMDD, 0 unknown). Used by the
  // validator, whose records carry a date per sentence.
  void CodeSentence(const Article& article, int sentence_index, int date, const EventCoderOptions& options,
                    std::vector<Event>* events) const;

  const Lexicon& dictionaries() const { return *dicts_; }

  struct Index;  // name indexes built at construction (implementation detail)

 private:
  std::shared_ptr<const Lexicon> dicts_;
  EventCoderOptions options_;
  std::unique_ptr<Index> index_;
};

struct CoderOptions {
  std::string dict_dir;    // "" = dragoman's own dictionaries (data/dict/); else a folder in either format
  std::string verbs_file;  // PETRARCH folders: the verb file instead of CAMEO.2.0.txt
  bool strict = false;     // a bad dictionary line fails instead of being reported
  bool parsed = true;      // sentences carry a dependency parse (the coder needs one)
  std::vector<std::string>* warnings = nullptr;  // receives bad dictionary lines, "file:line: ..."
};

// The coder the pipeline runs: the lexicon of options.dict_dir (LoadLexicon) under EventCoder.
Result<std::unique_ptr<Coder>> MakeCoder(const CoderOptions& options);

// A coder over dictionaries already in memory (e.g. dragoman's own files loaded into an
// ActorDictionary and a VerbDictionary).
std::unique_ptr<EventCoder> MakeEventCoder(Lexicon dicts, EventCoderOptions options = {});

}  // namespace dragoman::coding
