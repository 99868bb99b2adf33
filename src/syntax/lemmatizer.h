// Lemmas and morphological features learned from a treebank.
//
// Each (form, tag) seen in training maps to an edit rule ("strip 2, append 'y'", on the lowercased
// or the original form) that gives its most frequent lemma; unseen words take the rule most often
// seen for their tag and longest matching suffix, so "congratulated"/VBD -> "congratulate" and
// "countries"/NNS -> "country". Features come from the (word, tag) or, failing that, the tag.
//
//   std::string lemma = lemmatizer.Lemma("countries", tag);
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/model_io.h"

namespace dragoman::syntax {

struct LemmaExample {
  std::string form;
  int tag;
  std::string lemma;
  std::string feats;
};

// A string map searchable by string_view, so lookups build no temporary strings.
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using RuleMap = std::unordered_map<std::string, std::string, StringViewHash, std::equal_to<>>;

class Lemmatizer {
 public:
  // Movable, not copyable: known_ points into the maps' nodes, which a move keeps.
  Lemmatizer() = default;
  Lemmatizer(Lemmatizer&&) = default;
  Lemmatizer& operator=(Lemmatizer&&) = default;
  Lemmatizer(const Lemmatizer&) = delete;
  Lemmatizer& operator=(const Lemmatizer&) = delete;

  std::string Lemma(const std::string& form, int tag) const;
  const std::string& Feats(const std::string& form, int tag) const;
  // Lemma and features at once, given the lowercased form too (the annotator has it already);
  // one table lookup for a known lowercase word.
  void Annotate(const std::string& form, const std::string& lower, int tag, std::string* lemma,
                std::string* feats) const;

  static Lemmatizer Train(const std::vector<LemmaExample>& examples, int num_tags);

  void Write(ByteWriter& w) const;
  Status Read(ByteReader& r);

 private:
  static std::string Key(const std::string& s, int tag);
  std::string Lemma(const std::string& form, const std::string& lower, int tag) const;
  const std::string& TagFeats(int tag) const;  // the tag's most frequent features, "_" if none
  RuleMap exact_;   // form \t tag -> rule
  RuleMap lower_;   // lowercased form \t tag -> rule
  RuleMap suffix_;  // tag \t suffix of lowercased form -> rule
  RuleMap feats_;   // lowercased form \t tag -> feats
  std::vector<std::string> tag_feats_;                   // per tag: most frequent feats
  // What the maps above hold for one "lowercased form \t tag" key, for Annotate.
  struct KnownWord {
    const std::string* exact = nullptr;  // exact_'s rule for this key (a lowercase form)
    const std::string* lower = nullptr;
    const std::string* feats = nullptr;
  };
  void IndexKnownWords();  // after the maps are filled; they must not change afterwards
  std::unordered_map<std::string_view, KnownWord> known_;  // keys and values point into the maps
  size_t max_suffix_ = 8;
};

}  // namespace dragoman::syntax
