// Part-of-speech tagger: a greedy left-to-right averaged perceptron over word, affix, shape and
// context features, predicting the UPOS and Penn XPOS of each word together as one tag.
// A second pass sees the first pass's tags of the following words too.
//
//   std::vector<int> tags;  tagger.Tag(forms, &tags);  tagger.upos(tags[0]);
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "syntax/open_class_lexicon.h"
#include "syntax/perceptron.h"

namespace dragoman::syntax {

// Per-word values hashed once per sentence and shared by the tagger's feature templates.
struct WordKeys {
  uint64_t lower = 0, form = 0, shape = 0;
  uint64_t suffix[4] = {0, 0, 0, 0};
  uint64_t prefix[3] = {0, 0, 0};
  uint8_t flags = 0;  // 1 upper-initial, 2 has digit, 4 has hyphen, 8 all upper
  uint64_t amb = 0;   // the set of tags the word had in training (its ambiguity class), 0 = unseen
  int fixed = -1;     // the tag of a frequent word that always had that tag, else -1
  int open = -1;      // OpenClassLexicon::Classes of the word; -1 when the tagger has no lexicon
};
// With open_classes given (and not empty), also fills each word's WordNet classes.
void ComputeWordKeys(const std::vector<std::string>& forms, std::vector<WordKeys>* keys,
                     const OpenClassLexicon* open_classes = nullptr);
std::string Lowercase(std::string_view s);

struct TaggedSentence {
  std::vector<std::string> forms;
  std::vector<int> tags;  // combined tag ids
};

struct TaggerOptions {
  int epochs = 10;
  uint64_t seed = 1;
  int min_updates = 1;  // features updated fewer times are dropped
  // WordNet's word classes as features (words the treebank lacks); null or empty: none.
  const OpenClassLexicon* open_classes = nullptr;
  std::function<void(const std::string&)> log;
};

class Tagger {
 public:
  using TagCounts = std::unordered_map<uint64_t, std::vector<std::pair<int, int>>>;
  int num_tags() const { return static_cast<int>(upos_.size()); }
  const std::string& upos(int tag) const { return upos_[tag]; }
  const std::string& xpos(int tag) const { return xpos_[tag]; }
  // Id of the tag "upos\txpos", or -1.
  int TagId(const std::string& upos, const std::string& xpos) const;

  // Tags one sentence (forms are the words as written). keep_confident: the second pass leaves
  // the words the first pass was sure of (faster, as accurate on dev); training, which tags the
  // parser's jackknifed data, runs both passes on every word so that committed models reproduce.
  void Tag(const std::vector<std::string>& forms, std::vector<int>* tags, bool keep_confident = true) const;

  // Trains on sentences whose tags index tag_names ("UPOS\tXPOS"); dev (may be empty) is scored per epoch.
  static Tagger Train(const std::vector<std::string>& tag_names, const std::vector<TaggedSentence>& train,
                      const std::vector<TaggedSentence>& dev, const TaggerOptions& options);

  void Write(ByteWriter& w) const;
  Status Read(ByteReader& r);
  size_t num_weights() const { return pass1_.num_weights() + pass2_.num_weights(); }
  const OpenClassLexicon& open_classes() const { return open_classes_; }

 private:
  struct Lexical {
    uint64_t amb;
    int fixed;
  };
  void Keys(const std::vector<std::string>& forms, std::vector<WordKeys>* keys) const;
  void BuildLexicon(const std::vector<TaggedSentence>& train);
  // Training keys: ambiguity classes computed without the sentence's own words, as they would
  // be for new text (a class that always contains the gold tag would be trusted too much).
  void TrainKeys(const TaggedSentence& s, const TagCounts& counts, std::vector<WordKeys>* keys) const;
  std::unordered_map<uint64_t, Lexical> lexicon_;  // lowercased word hash -> lexical info
  OpenClassLexicon open_classes_;                   // empty: the tagger does not use one
  // One tagging pass. With margins, the first pass records how far each word's tag won by and
  // the second pass keeps the first pass's tag where that margin is large.
  void Pass(const Perceptron& model, bool second, const std::vector<WordKeys>& keys,
            const std::vector<int>* first, std::vector<int>* tags, std::vector<float>* margins = nullptr) const;
  std::vector<std::string> upos_, xpos_;
  Perceptron pass1_, pass2_;
};

// Fills feats (at most kMaxTaggerFeatures) for word i. prev1/prev2 are the tags before i (-1 for
// none); next1/next2 the first pass's tags after i (only when second).
inline constexpr size_t kMaxTaggerFeatures = 48;  // 34 + 6 (second pass) + 6 (word classes)
size_t TaggerFeatures(const std::vector<WordKeys>& keys, size_t i, int prev1, int prev2, bool second, int next1,
                      int next2, uint64_t* feats);

}  // namespace dragoman::syntax
