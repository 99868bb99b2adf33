// A very long record is coded in bounded parts: its events are those of its parts, with spans and
// sentence indexes into the whole text, and no part's tokens are kept.
#include <gtest/gtest.h>

#include "dragoman/pipeline.h"

namespace dragoman {
namespace {

TEST(LongArticle, IsCodedInPartsWithSpansIntoTheWholeText) {
  auto pipeline = Pipeline::Create(PipelineOptions{});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  Article article;
  article.id = "long";
  article.date = "2022-05-20";
  article.title = "Talks";
  article.text = "Talks\n\n";
  article.title_span = Span{0, 5};
  const std::string paragraph =
      "China accused Japan of provocation on Monday. The weather in the capital was mild and dry. "
      "Farmers planted wheat across the northern plains this spring.\n\n";
  while (article.text.size() < 3 * Pipeline::kMaxPartBytes + 1000) article.text += paragraph;
  std::vector<Event> events;
  (*pipeline)->Process(article, &events);
  ASSERT_FALSE(events.empty());
  size_t in_last_part = 0;
  for (const Event& e : events) {
    ASSERT_GE(e.sentence_index, 0);
    ASSERT_LT(static_cast<size_t>(e.sentence_index), article.sentences.size());
    Span s = article.sentences[static_cast<size_t>(e.sentence_index)].span;
    EXPECT_EQ(article.Slice(s), "China accused Japan of provocation on Monday.");
    EXPECT_EQ(article.Slice(e.verb_span), "accused");
    EXPECT_GE(e.verb_span.begin, s.begin);
    EXPECT_LE(e.verb_span.end, s.end);
    in_last_part += e.verb_span.begin > 3 * Pipeline::kMaxPartBytes;
  }
  EXPECT_GT(in_last_part, 0u);
  // Every paragraph's sentences, in order, token-free.
  EXPECT_GE(article.sentences.size(), 3 * (article.text.size() / paragraph.size()));
  for (size_t i = 0; i < article.sentences.size(); ++i) {
    EXPECT_TRUE(article.sentences[i].tokens.empty());
    if (i > 0) {
      EXPECT_GE(article.sentences[i].span.begin, article.sentences[i - 1].span.end);
    }
  }
  EXPECT_TRUE(article.sentences[0].is_title);
}

}  // namespace
}  // namespace dragoman
