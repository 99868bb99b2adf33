// Labelled dependency parser: greedy arc-eager transitions scored by an averaged perceptron over
// the rich feature templates of Zhang & Nivre (2011) (words, tags, distance, valency, labels of
// the children of the stack top and buffer front). Trained with the dynamic oracle of Goldberg &
// Nivre (2012), following its own mistakes with exploration so that it learns to recover. A
// parser reads left to right or right to left, with the artificial root first or last, and may be
// guided by another parser's parse of the sentence.
//
//   std::vector<int> heads, labels;
//   parser.Parse(forms, tags, &heads, &labels);   // heads[i] is 0 for the root, 1-based otherwise
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "syntax/perceptron.h"

namespace dragoman::syntax {

// Another parser's analysis of a sentence, which a guided parser reads as features (stacking,
// Nivre & McDonald 2008): one head (0 = root, 1-based) and label id per word.
struct GuideParse {
  std::vector<int> heads, labels;
};

struct ParseSentence {
  std::vector<std::string> forms;
  std::vector<int> tags;    // tagger tag ids (predicted when training, for robustness)
  std::vector<int> heads;   // gold, 0 = root, 1-based
  std::vector<int> labels;  // gold label ids
  GuideParse guide;         // for a guided parser: the guide's parse (held out when training)
};

struct ParserOptions {
  int epochs = 15;
  uint64_t seed = 1;
  double explore = 0.9;     // probability of following a wrong prediction after the first epoch
  int feature_set = 2;      // 1: Zhang & Nivre plus suffixes; 2: plus word-pair and label context;
                            // 3: plus coarse (UPOS) tag context
  std::vector<int> coarse_tags;  // feature set 3: tag id -> UPOS group id
  int min_updates = 1;  // features updated fewer times are dropped
  bool right_to_left = false;  // read the sentence from its last word to its first
  bool root_last = false;      // the artificial root at the end of the buffer, not the stack's bottom
  bool guided = false;         // score features of ParseSentence::guide
  std::function<void(const std::string&)> log;
};

class Parser {
 public:
  int num_labels() const { return static_cast<int>(labels_.size()); }
  const std::string& label(int l) const { return labels_[l]; }
  // The id of a label name, -1 when the parser has no such label.
  int label_id(const std::string& name) const {
    for (size_t i = 0; i < labels_.size(); ++i)
      if (labels_[i] == name) return static_cast<int>(i);
    return -1;
  }

  // Parses one sentence of forms with tags; heads/labels get one entry per word.
  // A guided parser needs the guide's parse of the same sentence.
  void Parse(const std::vector<std::string>& forms, const std::vector<int>& tags, std::vector<int>* heads,
             std::vector<int>* labels, const GuideParse* guide = nullptr) const;
  bool guided() const { return guided_; }

  static Parser Train(const std::vector<std::string>& label_names, int num_tags,
                      const std::vector<ParseSentence>& train, const std::vector<ParseSentence>& dev,
                      const ParserOptions& options);

  void Write(ByteWriter& w) const;
  Status Read(ByteReader& r);
  size_t num_weights() const { return model_.num_weights(); }
  size_t num_features() const { return model_.num_features(); }

 private:
  std::vector<std::string> labels_;
  int num_tags_ = 0;
  int root_label_ = 0;
  int fallback_label_ = 0;  // for words left without a head
  int feature_set_ = 1;
  std::vector<int> coarse_;  // tag id -> coarse group (feature set 3)
  bool right_to_left_ = false;
  bool root_last_ = false;
  bool guided_ = false;

  void ParseInOrder(const std::vector<std::string>& forms, const std::vector<int>& tags, const GuideParse* guide,
                    std::vector<int>* heads, std::vector<int>* labels) const;
  Perceptron model_;
};

}  // namespace dragoman::syntax
