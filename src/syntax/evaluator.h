// Scoring against gold CoNLL-U, as the CoNLL 2018 shared task does.
//
// Gold tokenization: every word is aligned, figures are accuracies. Raw text: the text of each
// document is rebuilt from the "# text", "# newdoc" and "# newpar" comments, segmented by the
// given segmenter and annotated; system and gold words align when they cover the same bytes, and
// each figure is an F1 over aligned words. Punctuation counts; LAS compares the universal part
// of the relation ("obl:tmod" -> "obl").
//
//   auto scores = EvaluateGold(model, gold);          // scores.las.F1() * 100
//   auto raw = EvaluateRaw(model, gold, text::Segment);
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "dragoman/document.h"
#include "syntax/conllu.h"
#include "syntax/model.h"

namespace dragoman::syntax {

struct Count {
  size_t gold = 0, system = 0, correct = 0;
  double Precision() const { return system ? static_cast<double>(correct) / system : 0.0; }
  double Recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double F1() const { return gold + system ? 2.0 * correct / static_cast<double>(gold + system) : 0.0; }
};

struct Scores {
  Count tokens, sentences, words, upos, xpos, lemma, feats, uas, las;
};

// One side of an evaluation: words with byte spans, heads as indices into words (-1 = root).
struct EvalWord {
  Span span;
  std::string upos, xpos, lemma, feats, deprel;
  long head = -1;
};
struct EvalDoc {
  std::vector<EvalWord> words;
  std::vector<Span> tokens;     // surface tokens (a multiword token counts once)
  std::vector<Span> sentences;
};

// Adds the counts of one document pair to *scores.
void ScoreDocument(const EvalDoc& gold, const EvalDoc& system, Scores* scores);

// "obl:tmod" -> "obl".
std::string UniversalRelation(const std::string& deprel);

// Annotates each gold sentence's words afresh; with `system` given, the annotated sentences are
// appended to it (for error analysis).
Scores EvaluateGold(const Model& model, const std::vector<ConlluSentence>& gold,
                    std::vector<ConlluSentence>* system = nullptr,
                    Model::Parsing parsing = Model::Parsing::kAccurate);

using Segmenter = std::function<void(Article&)>;
Scores EvaluateRaw(const Model& model, const std::vector<ConlluSentence>& gold, const Segmenter& segment,
                   Model::Parsing parsing = Model::Parsing::kAccurate);

// The gold side of a raw evaluation: documents rebuilt from the comments, as Articles (text
// only) and EvalDocs whose spans point into the Article's text.
void BuildRawDocuments(const std::vector<ConlluSentence>& gold, std::vector<Article>* articles,
                       std::vector<EvalDoc>* docs);

}  // namespace dragoman::syntax
