// The syntax stage: POS tags, lemmas and a labelled dependency parse for each sentence.
//
//   auto model = syntax::Model::LoadDefault();
//   if (!model.ok()) return model.status();
//   (*model)->Annotate(sentence);   // fills upos, xpos, lemma, feats, head, deprel
#pragma once

#include <memory>
#include <string>

#include "dragoman/document.h"
#include "dragoman/status.h"

namespace dragoman::syntax {

// Tagger, lemmatizer and parser together. Immutable once loaded; Annotate is thread-safe.
class Model {
 public:
  virtual ~Model() = default;
  // Loads a model file written by `dragoman train`; the error names the file and the problem.
  static Result<std::shared_ptr<const Model>> Load(const std::string& path);
  // The model built into the binary (models/ in the repository).
  static Result<std::shared_ptr<const Model>> LoadDefault();

  // How to parse. A model may hold a second, guided parser that reads the first one's parse
  // (more accurate, about twice the parsing time); kFast runs the first parser alone.
  enum class Parsing { kAccurate, kFast };

  // Fills upos, xpos, lemma, feats, head and deprel of every token of the sentence.
  void Annotate(Sentence& sentence, Parsing parsing = Parsing::kAccurate) const {
    AnnotateTimed(sentence, nullptr, parsing);
  }

  // Annotate, adding the seconds spent tagging (with lemmas and features) and parsing to times
  // (when not null).
  struct Times {
    double tag_s = 0, parse_s = 0;
  };
  virtual void AnnotateTimed(Sentence& sentence, Times* times, Parsing parsing = Parsing::kAccurate) const = 0;

  // AnnotateTimed for news prose: a sentence that ends in an attribution ("Gunmen attacked a
  // convoy near Tikrit, a police spokesman said.") has its reported clause and its attribution
  // parsed apart and joined as UD joins them (the attribution's verb a parataxis of the clause's
  // root), so a long clause is not pulled apart by the verb at its end. Treebank evaluation keeps
  // AnnotateTimed, the parser as trained.
  virtual void AnnotateNews(Sentence& sentence, Times* times, Parsing parsing = Parsing::kAccurate) const {
    AnnotateTimed(sentence, times, parsing);
  }
};

}  // namespace dragoman::syntax
