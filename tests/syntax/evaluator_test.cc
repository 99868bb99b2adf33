#include "syntax/evaluator.h"

#include <gtest/gtest.h>

namespace dragoman::syntax {
namespace {

EvalWord W(size_t b, size_t e, const char* upos, long head, const char* deprel, const char* lemma = "x") {
  EvalWord w;
  w.span = Span{b, e};
  w.upos = upos;
  w.xpos = upos;
  w.lemma = lemma;
  w.head = head;
  w.deprel = deprel;
  return w;
}

TEST(Evaluator, GoldTokenizationArithmetic) {
  EvalDoc gold, sys;
  gold.words = {W(0, 1, "PRON", 1, "nsubj"), W(1, 2, "VERB", -1, "root"), W(2, 3, "NOUN", 1, "obj"),
                W(3, 4, "NOUN", 2, "nmod:poss")};
  sys.words = {W(0, 1, "PRON", 1, "nsubj"), W(1, 2, "VERB", -1, "root"), W(2, 3, "VERB", 0, "obj"),
               W(3, 4, "NOUN", 2, "nmod", "y")};
  gold.tokens = sys.tokens = {Span{0, 1}, Span{1, 2}, Span{2, 3}, Span{3, 4}};
  Scores s;
  ScoreDocument(gold, sys, &s);
  EXPECT_DOUBLE_EQ(s.words.F1(), 1.0);
  EXPECT_DOUBLE_EQ(s.upos.F1(), 0.75);
  EXPECT_DOUBLE_EQ(s.lemma.F1(), 0.75);
  EXPECT_DOUBLE_EQ(s.uas.F1(), 0.75);  // word 3 has the wrong head
  EXPECT_DOUBLE_EQ(s.las.F1(), 0.75);  // nmod vs nmod:poss agree on the universal part
  // Counts add up across documents.
  ScoreDocument(gold, gold, &s);
  EXPECT_EQ(s.uas.gold, 8u);
  EXPECT_EQ(s.uas.correct, 7u);
  EXPECT_DOUBLE_EQ(s.uas.F1(), 7.0 / 8.0);
}

TEST(Evaluator, MisalignedTokensAreF1) {
  // Gold: "ab cd" as two tokens; system: "a" "b" "cd".
  EvalDoc gold, sys;
  gold.words = {W(0, 2, "X", 1, "dep"), W(3, 5, "X", -1, "root")};
  gold.tokens = {Span{0, 2}, Span{3, 5}};
  gold.sentences = {Span{0, 5}};
  sys.words = {W(0, 1, "X", 2, "dep"), W(1, 2, "X", 2, "dep"), W(3, 5, "X", -1, "root")};
  sys.tokens = {Span{0, 1}, Span{1, 2}, Span{3, 5}};
  sys.sentences = {Span{0, 5}};
  Scores s;
  ScoreDocument(gold, sys, &s);
  EXPECT_DOUBLE_EQ(s.tokens.Precision(), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.tokens.Recall(), 0.5);
  EXPECT_DOUBLE_EQ(s.tokens.F1(), 0.4);
  EXPECT_DOUBLE_EQ(s.sentences.F1(), 1.0);
  EXPECT_DOUBLE_EQ(s.uas.F1(), 0.4);  // only "cd" aligns, and its head (root) is right
  EXPECT_DOUBLE_EQ(s.las.F1(), 0.4);
}

TEST(Evaluator, HeadMustAlignToGoldHead) {
  // System word 1 points at a system word that aligns to nothing.
  EvalDoc gold, sys;
  gold.words = {W(0, 1, "X", -1, "root"), W(2, 3, "X", 0, "dep")};
  sys.words = {W(0, 2, "X", -1, "root"), W(2, 3, "X", 0, "dep")};
  Scores s;
  ScoreDocument(gold, sys, &s);
  EXPECT_EQ(s.words.correct, 1u);
  EXPECT_EQ(s.uas.correct, 0u);
}

TEST(Evaluator, UniversalRelation) {
  EXPECT_EQ(UniversalRelation("obl:tmod"), "obl");
  EXPECT_EQ(UniversalRelation("root"), "root");
}

// A model that attaches every word to the root.
class FlatModel : public Model {
 public:
  void AnnotateTimed(Sentence& s, Times*, Parsing) const override {
    for (Token& t : s.tokens) {
      t.head = 0;
      t.deprel = "root";
      t.upos = "X";
    }
  }
};

TEST(Evaluator, RawDocumentsRebuildTextAndGroupContractions) {
  std::vector<ConlluSentence> gold;
  ASSERT_TRUE(ReadConlluFile(std::string(DRAGOMAN_SOURCE_DIR) + "/tests/data/syntax/tiny.conllu", &gold).ok());
  std::vector<Article> articles;
  std::vector<EvalDoc> docs;
  BuildRawDocuments(gold, &articles, &docs);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].text.substr(0, 61), "The minister met the envoys in Paris. Both countries didn't s");
  EXPECT_NE(articles[0].text.find("it.\n\nOfficials"), std::string::npos);
  ASSERT_EQ(docs[0].words.size(), 33u);
  EXPECT_EQ(docs[0].tokens.size(), 32u);  // "didn't" is one token
  EXPECT_EQ(docs[0].sentences.size(), 5u);
  for (const EvalWord& w : docs[0].words) EXPECT_FALSE(w.span.empty());
  EXPECT_EQ(articles[0].Slice(docs[0].words[10].span), "did");
  EXPECT_EQ(articles[0].Slice(docs[0].words[11].span), "n't");

  // A segmenter that reproduces the gold words exactly (clitics as separate words).
  const EvalDoc gold_doc = docs[0];
  auto segment = [&](Article& a) {
    a.sentences.clear();
    size_t w = 0;
    for (const Span& sp : gold_doc.sentences) {
      Sentence s;
      s.span = sp;
      while (w < gold_doc.words.size() && gold_doc.words[w].span.end <= sp.end) {
        Token t;
        t.span = gold_doc.words[w].span;
        t.form = std::string(a.Slice(t.span));
        s.tokens.push_back(t);
        ++w;
      }
      a.sentences.push_back(s);
    }
  };
  FlatModel model;
  Scores s = EvaluateRaw(model, gold, segment);
  EXPECT_DOUBLE_EQ(s.tokens.F1(), 1.0);
  EXPECT_DOUBLE_EQ(s.sentences.F1(), 1.0);
  EXPECT_DOUBLE_EQ(s.words.F1(), 1.0);
  EXPECT_DOUBLE_EQ(s.uas.F1(), 5.0 / 33.0);  // the five roots
  EXPECT_DOUBLE_EQ(s.las.F1(), 5.0 / 33.0);
}

}  // namespace
}  // namespace dragoman::syntax
