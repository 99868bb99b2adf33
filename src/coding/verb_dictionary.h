// The verb lexicon in memory: verb blocks (verbs and multi-word verbs sharing a default CAMEO code),
// their patterns, synonym sets and transformations; and the reader for PETRARCH2's verb-file format
// (CAMEO.2.0.txt, PETR.Validate.verbs.2.0.txt).
//
//   std::vector<std::string> warnings;
//   Result<VerbDictionary> verbs = ReadPetrarchVerbs(text, "CAMEO.2.0.txt", /*strict=*/false, &warnings);
//   for (VerbDictionary::FormRef ref : verbs->Find("restore")) {
//     const VerbBlock& block = verbs->blocks()[ref.block];   // e.g. "RESTORE", code "050"
//     for (const VerbPattern& p : block.patterns) ...        // "- * TIES (WITH +) [050]"
//   }
//
// Representation (documented for every producer of entries, not only the PETRARCH reader):
//
// * Words are stored lowercase. Verbs are stored by LEMMA ("restore", "break"); the inflected forms a
//   file lists in {...} are indexed too, so lookup by token lemma and, failing that, by lowercase
//   surface form both work. A multi-word verb ("break down", "re-arrest") is a lemma plus `before`
//   and `after` words that must be the tokens just before the verb / particles after it
//   (deprel compound:prt, or the next tokens).
// * A pattern is anchored on the dependency tree of the verb:
//     pre_nouns   constrain the verb's subject phrase (nsubj/nsubj:pass, else words left of the verb);
//     pre_preps   prepositional phrases left of the verb;
//     post_nouns  constrain the verb's complements: the direct object (obj/dobj), an xcomp/ccomp head,
//                 or any noun in the object's phrase; matched in order of the words in the sentence;
//     post_preps  prepositional phrases: an obl/nmod dependent of the verb (or of its object) whose
//                 `case` child is the preposition. "(WITH +)" says the target is in that phrase.
//   Each noun slot is a word (or synset) with optional modifiers ({FULL DIPLOMATIC TIES}: head
//   "ties", modifiers "full", "diplomatic" anywhere in the head's subtree), or a role marker:
//   $ the source is here, + the target is here, ^ any one word (skip), % the subject is a
//   compound whose conjuncts act on each other ("China and Russia agreed" -> CHN->RUS, RUS->CHN).
// * Codes are CAMEO strings ("050", "0311"). kNullCode "---" means "no event": a block with a null
//   code codes only through its patterns, and a pattern with a null code blocks the block default.
//   reverse_code, when set, adds the event target->source ([043:042]: A hosts B gives A 043 B and
//   B 042 A; [:110] gives only the reverse event).
// * Every block, form and pattern carries origin "file:line" so an event can name its rule.
//
// A VerbDictionary is built once, then read-only and safe to share across threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dragoman/status.h"

namespace dragoman::coding {

inline constexpr std::string_view kNullCode = "---";

// A word in a pattern: a literal (lowercase; a phrase when it has spaces, head = last word) or a
// synonym set, by index into VerbDictionary::synsets().
struct PatternWord {
  std::string text;
  int synset = -1;
  bool operator==(const PatternWord&) const = default;
};

enum class SlotRole : uint8_t {
  kWord,      // a plain noun phrase that must be present
  kSource,    // $: the source actor is here
  kTarget,    // +: the target actor is here
  kSkip,      // ^: any word
  kCompound,  // %: the subject is a compound whose parts act on each other
};

// One noun slot: "EFFORT", "{PEACE PLAN}", "&TREATY", "$", "+", "^", "%".
struct PatternNoun {
  SlotRole role = SlotRole::kWord;
  PatternWord head;                     // empty for role markers
  std::vector<PatternWord> modifiers;   // the other words of {...}
};

// A prepositional phrase "(WITH +)", "(ON {EARLY ELECTIONS})", "(FOR)" (objects empty: any).
struct PatternPrep {
  std::string preposition;  // lowercase, e.g. "with"
  std::vector<PatternNoun> objects;
};

struct VerbPattern {
  std::vector<PatternNoun> pre_nouns;
  std::vector<PatternPrep> pre_preps;
  std::vector<PatternNoun> post_nouns;
  std::vector<PatternPrep> post_preps;
  std::string code;          // CAMEO code or kNullCode; "" = the block's code
  std::string reverse_code;  // "" = none
  std::string origin;        // "CAMEO.2.0.txt:1234"
  // A prepositional phrase may sit anywhere in the verb's clause ("threaten to impose sanctions on
  // +"), not only on the verb or its object: patterns compiled from dragoman's token patterns,
  // whose words are read in the order of the sentence.
  bool preps_anywhere = false;
  // How many constraints the pattern has; the coder prefers the most specific match.
  int Specificity() const;
};

// One verb of a block: "RESTORE", "+BREAK_DOWN {+BROKE_DOWN ...}", "RE_+ARREST".
struct VerbForm {
  std::string lemma;                     // "break"
  std::vector<std::string> before;       // words before the verb ("re")
  std::vector<std::string> after;        // particles after it ("down")
  std::vector<std::string> inflections;  // forms listed in {...}: "broke", "broken"
  std::string code;                      // the form's own code ("" = the block's)
  std::string origin;
  // The word may be a noun or an adjective, not only a verb: the anchor of a nominal event ("$
  // visit to +") or of a predicate after the copula ("be concerned about +").
  bool nominal = false;
  // Compiled from a token pattern (token_patterns.h), whose anchor may be written inflected
  // ("+ be killed by $"): the lemma's own block comes first.
  bool from_token_pattern = false;
};

// A verb block: "--- AGREE [030] ---" with its verbs and patterns.
struct VerbBlock {
  std::string name;          // "AGREE"
  std::string code;          // kNullCode when the bare verb gives no event
  std::string reverse_code;
  std::vector<VerbForm> forms;
  std::vector<VerbPattern> patterns;
  std::string origin;
};

// "~ a (a b ATTACK) SAY = a b 015": when a verb in the block of `outer_verb` reports a clause
// whose event comes from the block of `inner_verb` ("q": any), code result_code between the named
// variables. Verbs are lowercase lemmas; the coder compares their blocks.
// Variables: "a" the outer source, "b" the inner target; inner_source is "a" (the same actor), "b",
// "." (any other) or "_" (none given). result_code "Q" means the inner event's own code.
struct Transformation {
  std::string outer_verb;    // lemma, e.g. "say"
  std::string inner_source;  // "a", "b", ".", "_"
  std::string inner_target;  // "a", "b", ".", "_"
  std::string inner_verb;    // lemma, e.g. "attack", or "q"
  std::string result_source; // "a" or "b"
  std::string result_target; // "a" or "b"
  std::string result_code;   // CAMEO code or "Q"
  std::string origin;
};

struct Synset {
  std::string name;                         // "&TREATY"
  std::vector<std::string> phrases;         // lowercase, words joined by ' '
  std::unordered_set<std::string> words;    // single-word members and their plurals
  // Multi-word members by their last word (and its plural): "swiss francs" under "francs".
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> phrases_by_head;
  std::string origin;
};

class VerbDictionary {
 public:
  struct FormRef {
    int block = 0;
    int form = 0;
  };

  // Adds (or extends) a synonym set; returns its index. Phrases are lowercased; plurals of
  // single nouns are added unless a phrase ends with '_' or the set name ends with '_'.
  int AddSynset(std::string_view name, const std::vector<std::string>& phrases, std::string origin);
  int FindSynset(std::string_view name) const;  // -1 when absent
  // Validates (a name, at least one form, codes made of digits/letters or kNullCode) and indexes
  // the block's forms by lemma and inflections. Returns the block index or an error naming origin.
  Result<int> AddBlock(VerbBlock block);
  void AddTransformation(Transformation t) { transformations_.push_back(std::move(t)); }

  // Forms whose lemma or listed inflection is this lowercase word.
  const std::vector<FormRef>& Find(std::string_view word) const;
  // Whether a lowercase word matches a pattern word (literal, its plural, or synset member).
  bool WordMatches(const PatternWord& w, std::string_view word) const;
  // The block named name, or -1.
  int FindBlock(std::string_view name) const;

  const std::vector<VerbBlock>& blocks() const { return blocks_; }
  const std::vector<Synset>& synsets() const { return synsets_; }
  const std::vector<Transformation>& transformations() const { return transformations_; }
  size_t pattern_count() const;

 private:
  std::vector<VerbBlock> blocks_;
  std::vector<Synset> synsets_;
  std::vector<Transformation> transformations_;
  std::unordered_map<std::string, int> synset_by_name_;
  std::unordered_map<std::string, int> block_by_name_;
  std::unordered_map<std::string, std::vector<FormRef>> forms_by_word_;
};

// Simple English plural of a lowercase noun ("treaty" -> "treaties", "bus" -> "buses").
std::string PluralOf(std::string_view noun);

// Reads a PETRARCH2 verb file. file_name is used in origins and messages ("CAMEO.2.0.txt:88: ...").
// A malformed line adds a warning "file:line: what was wrong: \"the line\"" to *warnings and is
// skipped; with strict the first one is returned as the error instead.
Result<VerbDictionary> ReadPetrarchVerbs(std::string_view text, std::string_view file_name,
                                         bool strict, std::vector<std::string>* warnings);
// Adds the file's content to an existing dictionary (e.g. our own verbs plus a user's file).
Status ReadPetrarchVerbsInto(std::string_view text, std::string_view file_name, bool strict,
                             std::vector<std::string>* warnings, VerbDictionary* dict);

}  // namespace dragoman::coding
