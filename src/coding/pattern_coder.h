// dragoman's default coder: actor mentions from an ActorMatcher, verb phrases from lemma patterns
// ("meet with +", "be ready to work with +", "look forward to + visit"), the target at the
// pattern's "+" slot, the source from the dependency parse where the sentence has one (the verb's
// subject) and otherwise by walking back from the verb. Works on unparsed tokens too.
//
//   Result<std::unique_ptr<Coder>> coder = MakeDefaultPatternCoder(/*strict=*/false);
//   if (!coder.ok()) return coder.status();
//   std::vector<Event> events;
//   (*coder)->Code(article, &events);   // article.sentences filled by text::Segment
//
// Rules (see data/dict/README.md for the pattern syntax):
// - pattern words are lemmas and match their inflected forms ("meet" matches met, meets,
//   meeting), or Token::lemma when the tokens carry one; adverbs ("firmly", "very") may sit
//   between pattern words;
// - the source is the actor the parse makes the verb's nsubj (or the subject of the verb it is an
//   xcomp, conj or advcl of); without one, the nearest actor before the verb that is not an
//   object (after a preposition) or a possessive; "I"/"we" stand for the speaker ("Tokayev: I
//   look forward ...") or the previous sentence's subject, "we" giving the speaker's country;
// - actors coordinated with the source or the target in the parse ("the United States and Japan
//   condemned", "sanctions on Russia and Belarus") share the event;
// - a clause opened by "if", "unless" or "whether" is a condition, not an event;
// - a negation ("not", "never", "no", "denied") between source and verb suppresses the event,
//   unless the pattern itself spells it ("refuse to release +");
// - the most specific pattern at a word wins (most literal words, then a "$" slot); a verb inside
//   a matched phrase ("threatened to impose sanctions on") starts no second event;
// - no event without both actors, or with the same actor on both sides.
// A PatternCoder is immutable after construction; Code is thread-safe.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "coding/actor_dictionary.h"
#include "coding/coder.h"
#include "coding/our_dictionary_loader.h"
#include "dragoman/status.h"

namespace dragoman::coding {

class PatternCoder : public Coder {
 public:
  PatternCoder(ActorDictionary actors, std::vector<VerbEntry> verbs);
  void Code(const Article& article, std::vector<Event>* events) const override;

  size_t verb_count() const { return verbs_.size(); }

  // One pattern element after compilation (public for the implementation's helpers).
  struct Element {
    enum class Kind { kWord, kTarget, kSource, kGap } kind = Kind::kWord;
    std::vector<std::string> forms;  // accepted lowercase forms (all inflections of each alternative)
    std::vector<std::string> lemmas;  // the alternatives as written
    bool optional = false;
  };
  struct Pattern {
    const VerbEntry* entry = nullptr;
    std::vector<Element> elements;
    int literal_words = 0;  // specificity: more words win
    bool has_source = false;  // a "$" slot: wins a tie on words ("$ meeting with +" over "meet with +")
    size_t anchor = 0;      // index of the first word element
    bool slot_after_anchor = false;  // a "+" or "$" after the anchor: needs a mention after it
  };

 private:
  ActorDictionary actors_;
  ActorMatcher matcher_;
  std::vector<VerbEntry> verbs_;
  std::vector<Pattern> patterns_;
  // Lowercase form of the anchor word -> patterns anchored on it.
  std::unordered_map<std::string, std::vector<size_t>> by_anchor_;
};

// Every inflected form of a lemma for matching without a lemmatizer: "meet" -> meet, meets, met,
// meeting; "visit" -> visit, visits, visited, visiting; "talks" as a noun plural too.
std::vector<std::string> InflectedForms(const std::string& lemma);

// The pattern coder over dragoman's own dictionaries embedded in the binary (data/dict/).
// strict: a bad dictionary entry fails instead of being skipped.
Result<std::unique_ptr<Coder>> MakeDefaultPatternCoder(bool strict);

}  // namespace dragoman::coding
