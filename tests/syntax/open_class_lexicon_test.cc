#include "syntax/open_class_lexicon.h"

#include <gtest/gtest.h>

#include "mini_wordnet.h"

namespace dragoman::syntax {
namespace {

using L = OpenClassLexicon;

TEST(OpenClassLexicon, GivesLemmaClassesAndInflectedForms) {
  MiniWordNet wordnet;
  auto lexicon = OpenClassLexicon::LoadWordNet(wordnet.dir());
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(lexicon->Classes("country"), L::kNoun);
  EXPECT_EQ(lexicon->Classes("meet"), L::kNoun | L::kVerb);
  EXPECT_EQ(lexicon->Classes("migratory"), L::kAdj);
  EXPECT_EQ(lexicon->Classes("quickly"), L::kAdv);
  // Regular inflection by WordNet's detachment rules, irregular forms from the .exc lists.
  EXPECT_EQ(lexicon->Classes("countries"), L::kNoun << 4);
  EXPECT_EQ(lexicon->Classes("congratulated"), L::kVerb << 4);
  EXPECT_EQ(lexicon->Classes("meets"), (L::kNoun | L::kVerb) << 4);
  EXPECT_EQ(lexicon->Classes("meeting"), L::kVerb << 4);
  EXPECT_EQ(lexicon->Classes("larger"), L::kAdj << 4);
  EXPECT_EQ(lexicon->Classes("met"), L::kVerb << 4);
  EXPECT_EQ(lexicon->Classes("children"), L::kNoun << 4);
  // Unknown words, and multiword lemmas, which a single token never matches.
  EXPECT_EQ(lexicon->Classes("tokayev"), 0);
  EXPECT_EQ(lexicon->Classes("new_york"), 0);
  EXPECT_EQ(lexicon->Classes(""), 0);
}

TEST(OpenClassLexicon, RoundTripsThroughItsStoredForm) {
  MiniWordNet wordnet;
  auto lexicon = OpenClassLexicon::LoadWordNet(wordnet.dir());
  ASSERT_TRUE(lexicon.ok());
  ByteWriter w;
  lexicon->Write(w);
  OpenClassLexicon copy;
  ByteReader r(w.data(), "lexicon");
  ASSERT_TRUE(copy.Read(r).ok());
  EXPECT_TRUE(r.AtEnd());
  EXPECT_EQ(copy.size(), lexicon->size());
  for (const char* word : {"country", "countries", "meet", "met", "meeting", "larger", "tokayev"}) {
    EXPECT_EQ(copy.Classes(word), lexicon->Classes(word)) << word;
  }
  // A truncated copy fails instead of reading past the end.
  std::string cut = w.data().substr(0, w.data().size() - 3);
  ByteReader short_reader(cut, "lexicon");
  EXPECT_FALSE(OpenClassLexicon().Read(short_reader).ok());
}

TEST(OpenClassLexicon, MissingFilesNameThePathAndThePackage) {
  MiniWordNet wordnet;
  wordnet.Remove("verb.exc");
  auto lexicon = OpenClassLexicon::LoadWordNet(wordnet.dir());
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("verb.exc"), std::string::npos) << lexicon.status().message();
  EXPECT_NE(lexicon.status().message().find("wordnet-base"), std::string::npos);
  auto nowhere = OpenClassLexicon::LoadWordNet(wordnet.dir() + "/absent");
  EXPECT_FALSE(nowhere.ok());
}

TEST(OpenClassLexicon, AnIndexWithoutLemmasIsRejected) {
  MiniWordNet wordnet;
  wordnet.Write("index.verb", "  1 This software and database is being provided\n");
  auto lexicon = OpenClassLexicon::LoadWordNet(wordnet.dir());
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("no lemmas"), std::string::npos) << lexicon.status().message();
}

}  // namespace
}  // namespace dragoman::syntax
