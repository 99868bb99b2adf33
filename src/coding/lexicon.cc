#include "coding/lexicon.h"

#include <filesystem>
#include <map>

#include "coding/our_dictionary_loader.h"
#include "coding/petrarch_reader.h"
#include "coding/token_patterns.h"
#include "resources/resources.h"

namespace dragoman::coding {

const WordLists::Set& WordLists::Get(std::string_view list) const {
  static const Set kEmpty;
  auto it = lists_.find(std::string(list));
  return it == lists_.end() ? kEmpty : it->second;
}

const std::vector<std::string>& WordLists::Required() {
  static const std::vector<std::string> k = {
      "pronoun", "plural-pronoun", "relative-pronoun", "speaker-pronoun", "speaker-plural", "denial", "negation", "group-noun", "group-quantifier", "intent", "meeting-noun", "condition", "object-acts-marker", "averted-marker", "preposition",
      "locative-preposition", "phrase-preposition", "actor-phrase-preposition", "agent-preposition", "partner-preposition", "copula", "determiner",
      "exact-case-word", "non-political-head", "non-political-modifier"};
  return k;
}

const WordLists& BuiltInWordLists() {
  static const WordLists k = [] {
    WordLists w;
    if (auto text = resources::Find("data/dict/english.txt")) LoadWordFile("data/dict/english.txt", *text, false, &w, nullptr);
    return w;
  }();
  return k;
}

namespace {

Status CheckWordLists(const WordLists& words, const std::string& where) {
  for (const std::string& list : WordLists::Required())
    if (words.Get(list).empty())
      return InvalidInput(where + ": the words file has no \"" + list + "\" list, which the coder reads");
  return Status::Ok();
}

bool IsPetrarchFolder(const std::string& dir, const std::string& verbs_file) {
  std::error_code ec;
  return std::filesystem::exists(dir + "/" + (verbs_file.empty() ? "CAMEO.2.0.txt" : verbs_file), ec);
}

}  // namespace

Result<Lexicon> LoadLexicon(const LexiconOptions& options, std::vector<std::string>* problems) {
  Lexicon lexicon;
  if (!options.dict_dir.empty() && IsPetrarchFolder(options.dict_dir, options.verbs_file)) {
    PetrarchFiles files = PetrarchFiles::Phoenix(options.dict_dir, options.verbs_file.empty() ? "CAMEO.2.0.txt" : options.verbs_file);
    Result<Lexicon> d = LoadPetrarchFiles(files, options.strict, problems);
    if (!d.ok()) return d.status();
    lexicon = d.take();
    // Phoenix lacks many demonyms ("Kazakh"); dragoman's country list adds them after the
    // PETRARCH entries, which keep priority where both name the same words.
    if (auto text = resources::Find("data/dict/countries.txt")) {
      Status s = LoadActorFile("data/dict/countries.txt", *text, false, &lexicon.actors, problems);
      if (!s.ok() && problems) problems->push_back(s.message());
    }
    lexicon.agent_prefix.resize(lexicon.actors.agents().size(), false);
    // The coding conventions (symmetric and joint events, code refinements) are the guide's,
    // not a dictionary's: a PETRARCH folder has none, so it gets dragoman's.
    lexicon.words = BuiltInWordLists();
    if (auto text = resources::Find("data/dict/coding_rules.txt")) {
      Status s = LoadWordFile("data/dict/coding_rules.txt", *text, false, &lexicon.words, problems);
      if (!s.ok() && problems) problems->push_back(s.message());
    }
  } else {
    LoadOptions load;
    load.strict = options.strict;
    Result<OurDictionaries> ours = options.dict_dir.empty() ? LoadOurDictionaries(load, problems)
                                                             : LoadOurDictionariesFrom(options.dict_dir, load, problems);
    if (!ours.ok()) {
      if (!options.dict_dir.empty() && ours.status().code() == StatusCode::kNotFound)
        return NotFound(options.dict_dir + ": neither a PETRARCH folder (no " +
                        (options.verbs_file.empty() ? std::string("CAMEO.2.0.txt") : options.verbs_file) +
                        ") nor a folder of dragoman dictionary files (*.txt)");
      return ours.status();
    }
    lexicon.actors = std::move(ours->actors);
    lexicon.agent_prefix.assign(lexicon.actors.agents().size(), false);
    lexicon.words = ours->words.empty() ? BuiltInWordLists() : std::move(ours->words);
    Status s = CompileTokenPatterns(ours->verbs, lexicon.words, &lexicon.verbs, options.strict, problems);
    if (!s.ok()) return s;
  }
  if (Status s = CheckWordLists(lexicon.words, options.dict_dir.empty() ? "data/dict/english.txt" : options.dict_dir);
      !s.ok())
    return s;
  return lexicon;
}

}  // namespace dragoman::coding
