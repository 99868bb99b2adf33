// Which open word classes (noun, verb, adjective, adverb) a word can belong to, from WordNet's
// lemma index, its lists of irregular forms and its rules for regular inflection. It covers
// about 80,000 single-word lemmas, so it tells the tagger about words the treebank never showed
// it ("migratory" is an adjective, "Arabists" a plural noun). Built from the Debian package
// wordnet-base at training time and stored in the model, so annotating needs no WordNet files.
//
//   auto lexicon = OpenClassLexicon::LoadWordNet("/usr/share/wordnet");
//   uint8_t classes = lexicon->Classes("countries");   // kNoun << 4: a regular form of a noun
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "dragoman/status.h"
#include "syntax/model_io.h"

namespace dragoman::syntax {

class OpenClassLexicon {
 public:
  enum : uint8_t { kNoun = 1, kVerb = 2, kAdj = 4, kAdv = 8 };

  // Reads index.{noun,verb,adj,adv} and {noun,verb,adj,adv}.exc from a WordNet 3 dictionary folder.
  static Result<OpenClassLexicon> LoadWordNet(const std::string& dir);

  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }

  // The classes of a lowercased word: the low four bits are the classes it has as a lemma, the
  // high four the classes of which it is an inflected form (irregular, or by WordNet's suffix
  // rules: "countries" -> "country", "met" -> "meet"). 0: WordNet does not know the word.
  uint8_t Classes(std::string_view word) const;

  // Adds a lemma (for tests and for LoadWordNet).
  void AddLemma(std::string_view word, uint8_t classes);
  void AddIrregular(std::string_view form, uint8_t classes);

  void Write(ByteWriter& w) const;
  Status Read(ByteReader& r);

 private:
  static uint32_t Key(std::string_view word);
  uint8_t Lookup(std::string_view word) const;
  // 32-bit hash of the form -> lemma classes | irregular-form classes << 4. With ~100,000 forms a
  // false match of an unknown word has a chance of about 1 in 40,000.
  std::unordered_map<uint32_t, uint8_t> entries_;
};

}  // namespace dragoman::syntax
