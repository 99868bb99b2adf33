// GDELT's tone on a hand-made lexicon: (positive words - negative words) / words * 100.
#include "text/tone.h"

#include <gtest/gtest.h>

namespace dragoman::text {
namespace {

Article Tokens(const std::vector<std::string>& words) {
  Article a;
  Sentence s;
  for (const std::string& w : words) s.tokens.push_back(Token{w});
  a.sentences.push_back(s);
  return a;
}

TEST(Tone, PositiveMinusNegativeShareOfWordsTimesHundred) {
  auto lexicon = ToneLexicon::Parse("# test\ngood\t3\nsuperb\t5\nbad\t-3\n", "t.tsv");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  // 8 words (the full stop and the number are no words): 2 positive, 1 negative.
  Article a = Tokens({"Good", "talks", ",", "superb", "food", "but", "bad", "weather", "in", "2022", "."});
  EXPECT_DOUBLE_EQ((*lexicon)->Score(a), 100.0 * (2 - 1) / 8);
  EXPECT_EQ((*lexicon)->Valence("BAD"), -3);
  EXPECT_EQ((*lexicon)->Valence("talks"), 0);
  EXPECT_DOUBLE_EQ((*lexicon)->Score(Tokens({})), 0.0);
}

TEST(Tone, ABadLineIsReportedWithFileAndLine) {
  auto lexicon = ToneLexicon::Parse("good\t3\nbad\tvery\n", "t.tsv");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("t.tsv:2:"), std::string::npos) << lexicon.status().message();
}

}  // namespace
}  // namespace dragoman::text
