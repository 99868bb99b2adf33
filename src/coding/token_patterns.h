// Compiles dragoman's token patterns (data/dict/verbs*.txt: "040 meet with +", "0253 urge + to
// release", "+ be attack by $", "$ visit to +") into the verb lexicon's dependency-anchored form
// (verb_dictionary.h), the one form the coder reads whichever dictionary format a lexicon came
// from.
//
// How a token pattern reads (words are lemmas; the lists named are in the words file):
// - the anchor is the first word: the verb ("meet with +"), the predicate after the copula ("be
//   concerned about +": "concerned"), or a noun after a "$" slot ("$ visit to +");
// - "+ be VERB by $" is the passive of VERB: the parse's passive subject is the target and its
//   agent the source, as for every verb, so the pattern is VERB with its other words;
// - "$ and + VERB" and "between $ and +" name actors that act on each other;
// - "+" before the anchor is the subject as target ("+ win praise from $"), and a "$" after a
//   verb read so is that verb's source ("+ receive * aid from $": the verb's, not a noun's, as
//   a "$" after the anchor otherwise makes it: "visit by $ to +");
// - after the anchor, a "preposition" opens a phrase whose slot or words follow ("with +",
//   "on * trade"), except a "particle" right after it, a word of the verb ("rule out * talks");
//   a phrase with a slot or words is never another verb's infinitive marker ("head to +" does
//   not read "heading for Darfur to join an African Union force"); "to" before a word is an infinitive, and the word is the verb of the
//   complement ("urge + to release"); other words must follow in order; "*" and optional words
//   are dropped; alternatives a|b become a synonym set (or, for a preposition or the anchor, one
//   pattern each).
// Patterns of one anchor lemma share a block whose bare verb codes nothing; earlier files and
// lines win ties, so data/dict/verbs.txt wins over imported files.
#pragma once

#include <string>
#include <vector>

#include "coding/lexicon.h"
#include "coding/our_dictionary_loader.h"
#include "coding/verb_dictionary.h"
#include "dragoman/status.h"

namespace dragoman::coding {

Status CompileTokenPatterns(const std::vector<VerbEntry>& entries, const WordLists& words, VerbDictionary* verbs,
                            bool strict, std::vector<std::string>* problems);

}  // namespace dragoman::coding
