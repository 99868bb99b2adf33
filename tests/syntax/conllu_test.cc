#include "syntax/conllu.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace dragoman::syntax {
namespace {

const std::string kTiny = std::string(DRAGOMAN_SOURCE_DIR) + "/tests/data/syntax/tiny.conllu";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Conllu, RoundTripIsExact) {
  std::vector<ConlluSentence> sentences;
  Status s = ReadConlluFile(kTiny, &sentences);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(sentences.size(), 5u);
  std::ostringstream out;
  WriteConllu(sentences, out);
  EXPECT_EQ(out.str(), ReadAll(kTiny));
}

TEST(Conllu, MultiwordTokensAndEmptyNodesAreNotWords) {
  std::vector<ConlluSentence> sentences;
  ASSERT_TRUE(ReadConlluFile(kTiny, &sentences).ok());
  EXPECT_EQ(sentences[1].Words().size(), 7u);
  EXPECT_EQ(sentences[1].rows.size(), 8u);
  EXPECT_EQ(sentences[3].Words().size(), 7u);
  EXPECT_EQ(sentences[3].rows.back().kind, ConlluRow::kEmpty);
  EXPECT_EQ(sentences[0].Comment("text"), "The minister met the envoys in Paris.");
  bool found = true;
  sentences[1].Comment("newdoc id", &found);
  EXPECT_FALSE(found);
  Sentence s = ToSentence(sentences[1], true);
  ASSERT_EQ(s.tokens.size(), 7u);
  EXPECT_EQ(s.tokens[3].form, "n't");
  EXPECT_EQ(s.tokens[3].lemma, "not");
  EXPECT_EQ(s.tokens[3].head, 5);
  EXPECT_FALSE(s.tokens[2].space_after);  // inside "didn't"
  EXPECT_TRUE(s.tokens[3].space_after);   // the multiword token is followed by a space
}

TEST(Conllu, ErrorsNameFileLineAndQuoteTheLine) {
  std::istringstream in("# text = a b\n1\ta\ta\tDET\tDT\t_\t2\tdet\t_\n");
  std::vector<ConlluSentence> out;
  Status s = ReadConllu(in, "bad.conllu", &out);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.conllu:2:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("9 columns, expected 10"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("\"1 a a DET"), std::string::npos) << s.message();
}

TEST(Conllu, RejectsBadIdsAndHeads) {
  std::vector<ConlluSentence> out;
  std::istringstream skip("2\ta\ta\tDET\tDT\t_\t0\troot\t_\t_\n");
  Status s = ReadConllu(skip, "x", &out);
  EXPECT_NE(s.message().find("x:1: bad word id \"2\", expected 1"), std::string::npos) << s.message();
  std::istringstream head("1\ta\ta\tDET\tDT\t_\tzz\troot\t_\t_\n");
  s = ReadConllu(head, "x", &out);
  EXPECT_NE(s.message().find("bad HEAD \"zz\""), std::string::npos) << s.message();
  std::istringstream far("1\ta\ta\tDET\tDT\t_\t7\troot\t_\t_\n\n");
  s = ReadConllu(far, "x", &out);
  EXPECT_NE(s.message().find("beyond the sentence"), std::string::npos) << s.message();
}

TEST(Conllu, FromSentenceGroupsContractions) {
  Sentence s;
  for (const char* f : {"We", "do", "n't", "know", "Google", "'s", "plan"}) {
    Token t;
    t.form = f;
    t.head = 0;
    t.deprel = "dep";
    s.tokens.push_back(t);
  }
  s.tokens[1].space_after = false;
  s.tokens[4].space_after = false;
  ConlluSentence c = FromSentence(s, "d-1", "We don't know Google's plan");
  std::ostringstream out;
  WriteConllu({c}, out);
  const std::string text = out.str();
  EXPECT_NE(text.find("\n2-3\tdon't\t"), std::string::npos) << text;
  EXPECT_NE(text.find("\n5-6\tGoogle's\t"), std::string::npos) << text;
  EXPECT_NE(text.find("# text = We don't know Google's plan\n"), std::string::npos);
  // And it reads back.
  std::istringstream in(text);
  std::vector<ConlluSentence> back;
  ASSERT_TRUE(ReadConllu(in, "x", &back).ok());
  EXPECT_EQ(back[0].Words().size(), 7u);
}

}  // namespace
}  // namespace dragoman::syntax
