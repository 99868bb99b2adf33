// The one in-memory lexicon the coder reads, whichever dictionary format it came from: actors and
// agents, verb patterns, discard phrases, issues, and the language's closed-class word lists.
//
//   Result<Lexicon> lexicon = LoadLexicon({.dict_dir = ""}, &problems);   // data/dict/ built in
//   Result<Lexicon> petrarch = LoadLexicon({.dict_dir = "../shared/petrarch"}, &problems);
//
// dragoman's own files (data/dict/*.txt, format in data/dict/README.md) and PETRARCH2's files
// (CAMEO verb file, Phoenix actors, agents, discards, issues) both load into it; the coder never
// knows which format it came from.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "coding/actor_dictionary.h"
#include "coding/verb_dictionary.h"
#include "dragoman/status.h"

namespace dragoman::coding {

// Phrases that stop coding: a sentence discard drops the sentence, a story discard the article.
struct DiscardList {
  struct Phrase {
    std::vector<std::string> words;  // normalized (NormalizeForm) tokens
    bool story = false;
    std::string origin;
  };
  std::vector<Phrase> phrases;
};

struct IssueEntry {
  std::vector<std::string> words;  // normalized tokens, one expanded form
  std::string code;                // "" for an exclusion phrase
  std::string category;
  bool exclude_sentence = false;   // "~": found in the sentence, no issues for it
  bool exclude_story = false;      // "~~"
  std::string origin;
};

// Named lists of a language's words that the coder's rules read (pronouns, negations, verbs of
// intent, prepositions...), from a "words" file (data/dict/english.txt). Words are lowercase; a
// multi-word entry is written with '_' and stored with spaces.
class WordLists {
 public:
  using Set = std::unordered_set<std::string>;
  void Add(const std::string& list, std::string word) { lists_[list].insert(std::move(word)); }
  // The list, or an empty one when the file does not name it.
  const Set& Get(std::string_view list) const;
  bool Has(std::string_view list, std::string_view word) const { return Get(list).count(std::string(word)) > 0; }
  bool empty() const { return lists_.empty(); }
  // The lists the coder needs; a words file must name every one.
  static const std::vector<std::string>& Required();

 private:
  std::unordered_map<std::string, Set> lists_;
};

// The word lists built into the binary (data/dict/english.txt).
const WordLists& BuiltInWordLists();

// Parses a words file: "dragoman-dict 1 words", then "list-name: word word ..." lines.
Status LoadWordFile(std::string_view name, std::string_view text, bool strict, WordLists* words,
                    std::vector<std::string>* problems);

struct Lexicon {
  ActorDictionary actors;            // actors and agents (agent codes without '~')
  // PETRARCH actors whose codes ActorDictionary does not take ("ELR/GAL", "+++"): the event
  // coder matches them too; names are normalized as ActorDictionary stores them.
  std::vector<ActorEntry> extra_actors;
  std::vector<bool> agent_prefix;    // by agent index: the agent code goes before the actor's
  VerbDictionary verbs;
  DiscardList discards;
  std::vector<IssueEntry> issues;
  WordLists words;
};

struct LexiconOptions {
  // "" = dragoman's own dictionaries built into the binary; else a folder of dictionary files in
  // either format: PETRARCH's (recognised by a CAMEO verb file) or ours (*.txt with version lines).
  std::string dict_dir;
  std::string verbs_file;  // PETRARCH folders: the verb file to read instead of CAMEO.2.0.txt
  bool strict = false;     // a bad dictionary line fails the load instead of being reported
};

// Loads a lexicon. A PETRARCH folder gets dragoman's language word lists, coding rules, and country
// names and demonyms (after its own actors, which keep priority); an our-format folder without a words
// file gets the built-in one. Bad lines go to *problems ("file:line: what: \"line\"").
Result<Lexicon> LoadLexicon(const LexiconOptions& options, std::vector<std::string>* problems);

}  // namespace dragoman::coding
