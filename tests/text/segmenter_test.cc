// Sentence splitting, glued-boundary repair, boilerplate, titles and bad input.
#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/boilerplate.h"
#include "text/chars.h"

namespace dragoman::text {
namespace {

std::vector<std::string> Sentences(const std::string& text, const SegmentOptions& options = {}) {
  Article a;
  a.text = text;
  Segment(a, options);
  std::vector<std::string> out;
  for (const Sentence& s : a.sentences) out.emplace_back(a.Slice(s.span));
  return out;
}

using V = std::vector<std::string>;

// True when text holds a lower-case letter, a full stop and an upper-case letter in a row.
bool HasGluedBoundary(std::string_view text) {
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] >= 'a' && text[i] <= 'z' && text[i + 1] == '.' && text[i + 2] >= 'A' && text[i + 2] <= 'Z')
      return true;
  }
  return false;
}

TEST(SegmenterTest, SplitsOnStops) {
  EXPECT_EQ(Sentences("It rained. We stayed in! Did you? Yes."),
            (V{"It rained.", "We stayed in!", "Did you?", "Yes."}));
  EXPECT_EQ(Sentences("He said \"stop.\" Then he left."), (V{"He said \"stop.\"", "Then he left."}));
  EXPECT_EQ(Sentences("He said (quietly.) Then he left."), (V{"He said (quietly.)", "Then he left."}));
  EXPECT_EQ(Sentences("\xE2\x80\x9CWhy?\xE2\x80\x9D he asked."),
            (V{"\xE2\x80\x9CWhy?\xE2\x80\x9D he asked."}));
  EXPECT_EQ(Sentences("Wait... Then go."), (V{"Wait...", "Then go."}));
  EXPECT_EQ(Sentences("He said (really?) that it works."), (V{"He said (really?) that it works."}));
  EXPECT_EQ(Sentences("ok. i will come."), (V{"ok.", "i will come."}));
  EXPECT_EQ(Sentences("They agreed.\"We will go,\" he said."),
            (V{"They agreed.", "\"We will go,\" he said."}));
  EXPECT_EQ(Sentences("He said \"stop.\"Then he left."), (V{"He said \"stop.\"", "Then he left."}));
}

TEST(SegmenterTest, RepairsGluedBoundaries) {
  EXPECT_EQ(Sentences("CCTV reported.Xi pointed out that ties grew."),
            (V{"CCTV reported.", "Xi pointed out that ties grew."}));
  EXPECT_EQ(Sentences("peace and stability.China will help."),
            (V{"peace and stability.", "China will help."}));
  EXPECT_EQ(Sentences("a strategic partnership.China-kazakhstan relations grew."),
            (V{"a strategic partnership.", "China-kazakhstan relations grew."}));
  EXPECT_EQ(Sentences("It ended in 2022.The next began."), (V{"It ended in 2022.", "The next began."}));
  EXPECT_EQ(Sentences("Said the \xE2\x80\x9Cspark\xE2\x80\x9D.It grew."),
            (V{"Said the \xE2\x80\x9Cspark\xE2\x80\x9D.", "It grew."}));
  EXPECT_EQ(Sentences("reported by CCTV.Xi said so."), (V{"reported by CCTV.", "Xi said so."}));
  EXPECT_EQ(Sentences("Mail info@gov.kz.Officials said so."), (V{"Mail info@gov.kz.", "Officials said so."}));
  EXPECT_EQ(Sentences("See www.akorda.kz.The site is new."), (V{"See www.akorda.kz.", "The site is new."}));
}

TEST(SegmenterTest, DoesNotSplitAbbreviationsNumbersAndAddresses) {
  for (const char* text :
       {"The U.S. economy grew 3.5 percent by 12.30 GMT.", "Mr. Smith and Dr. Jones met Gen. Lee on Jan. 5.",
        "See example.com or www.x.org or mail a.b@example.com now.",
        "Fruit, e.g. apples, i.e. food, is No.5 on the list.", "J. K. Rowling and George W. Bush met.",
        "The U.S.-China talks and the U.S. officials met.", "Mr.Smith arrived.",
        "He earned $3.5 million at 5 p.m. on Monday.", "The post-Sept. 11 world changed in mid-Oct. last year."}) {
    EXPECT_EQ(Sentences(text).size(), 1u) << text;
  }
}

TEST(SegmenterTest, AbbreviationEndsSentenceBeforeOpener) {
  EXPECT_EQ(Sentences("He moved to the U.S. The move was hard."),
            (V{"He moved to the U.S.", "The move was hard."}));
  EXPECT_EQ(Sentences("They sell fruit, nuts etc. But not meat."),
            (V{"They sell fruit, nuts etc.", "But not meat."}));
}

TEST(SegmenterTest, SentenceFinalAbbreviationGivesItsStop) {
  Article a;
  a.text = "It runs Fri, Sat or Sun. Please come.\nThey sell nuts etc.\nWe met in the U.S. The end.";
  Segment(a);
  ASSERT_EQ(a.sentences.size(), 5u);
  auto last_two = [&](size_t i) {
    const std::vector<Token>& t = a.sentences[i].tokens;
    return t[t.size() - 2].form + " " + t.back().form;
  };
  EXPECT_EQ(last_two(0), "Sun .");
  EXPECT_EQ(a.Slice(a.sentences[0].tokens.back().span), ".");
  EXPECT_EQ(last_two(2), "etc .");
  EXPECT_EQ(last_two(3), "the U.S.");  // dotted forms stay whole
}

TEST(SegmenterTest, NumberAbbreviationsNeedANumber) {
  EXPECT_EQ(Sentences("He said no. The talks ended."), (V{"He said no.", "The talks ended."}));
  EXPECT_EQ(Sentences("It is No. 1 in Asia, see p. 12 and Art. 5 of the deal."),
            (V{"It is No. 1 in Asia, see p. 12 and Art. 5 of the deal."}));
}

TEST(SegmenterTest, ListMarkersStayWithTheirItem) {
  EXPECT_EQ(Sentences("1. China will help.\n2. Kazakhstan will too."),
            (V{"1. China will help.", "2. Kazakhstan will too."}));
}

TEST(SegmenterTest, LinesAndParagraphsAreBoundaries) {
  EXPECT_EQ(Sentences("A title without a stop\nThe body starts here.\n\nA new paragraph"),
            (V{"A title without a stop", "The body starts here.", "A new paragraph"}));
  EXPECT_EQ(Sentences("First line\xE2\x80\xA8"
                      "Second line\r\nThird line"),
            (V{"First line", "Second line", "Third line"}));
  SegmentOptions wrapped;
  wrapped.line_breaks_end_sentences = false;
  EXPECT_EQ(Sentences("This sentence is\nwrapped over lines.\n\nNew paragraph", wrapped),
            (V{"This sentence is\nwrapped over lines.", "New paragraph"}));
}

TEST(SegmenterTest, TitleIsSentenceZero) {
  Article a;
  a.text = "Tokayev: I look forward to it. Really\n2022-05-20 0 By\nChina is ready.";
  a.title_span = {0, a.text.find('\n')};
  Segment(a);
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_TRUE(a.sentences[0].is_title);
  EXPECT_EQ(a.Slice(a.sentences[0].span), "Tokayev: I look forward to it. Really");
  EXPECT_FALSE(a.sentences[1].is_title);
  EXPECT_EQ(a.Slice(a.sentences[1].span), "China is ready.");
}

TEST(SegmenterTest, DropsDatelinesAndBylines) {
  EXPECT_EQ(Sentences("2022-05-20 0 By\nUpdated: May 20, 2022 10:30 GMT\nBy John Smith\nNews here."),
            (V{"News here."}));
  // A real sentence with a date stays.
  EXPECT_EQ(Sentences("By May 2022 the talks had ended."), (V{"By May 2022 the talks had ended."}));
  SegmentOptions keep;
  keep.drop_datelines = false;
  EXPECT_EQ(Sentences("2022-05-20 0 By\nNews.", keep).size(), 2u);
}

TEST(SegmenterTest, DropsBoilerplate) {
  EXPECT_EQ(
      Sentences("Officials attended the meeting.For more information on Central Asia, please follow the "
                "official wechat account of Silk Road Observer."),
      (V{"Officials attended the meeting."}));
  EXPECT_EQ(
      Sentences("News.\nFollow us on Twitter\nShare on Facebook Share on Twitter\nCopyright 2022 Xinhua. All "
                "rights reserved.\nClick here to subscribe to our newsletter.\nThis website uses cookies.\n"
                "(Reporting by John Smith; Editing by Jane Doe)\nPrint | Email | Share 12 | Tweet\n"
                "Home > World > Asia"),
      (V{"News."}));
  EXPECT_EQ(Sentences("Print this, then share it.").size(), 1u);
  // A news sentence that mentions a phrase is kept when it is long.
  std::string quote =
      "The minister, who spoke for nearly an hour at the conference in Astana on Monday, urged citizens "
      "to follow us into a new era of cooperation, trade, investment and shared prosperity across the "
      "whole of Central Asia and beyond.";
  EXPECT_EQ(Sentences(quote).size(), 1u);
  SegmentOptions keep;
  keep.drop_boilerplate = false;
  EXPECT_EQ(Sentences("News.\nFollow us on Twitter", keep).size(), 2u);
}

TEST(SegmenterTest, UserBoilerplateRules) {
  Result<Boilerplate> rules =
      Boilerplate::Parse("# mine\ncontains: sponsored content  max=10\nline-starts: (c)\n", "mine.txt");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  SegmentOptions options;
  options.boilerplate = &*rules;
  EXPECT_EQ(
      Sentences("Sponsored content by Acme.\n(c) Acme 2022. No copying.\nFollow us on Twitter", options),
      (V{"Follow us on Twitter"}));
}

TEST(SegmenterTest, BadBoilerplateRulesNameFileAndLine) {
  Result<Boilerplate> rules = Boilerplate::Parse("contains: ok\nsometimes: bad\n", "mine.txt");
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.status().message().find("mine.txt:2"), std::string::npos) << rules.status().message();
  EXPECT_FALSE(Boilerplate::Parse("contains: x max=ten\n", "m.txt").ok());
  EXPECT_FALSE(Boilerplate::Parse("no colon here\n", "m.txt").ok());
}

TEST(SegmenterTest, EmptyAndWhitespaceText) {
  EXPECT_TRUE(Sentences("").empty());
  EXPECT_TRUE(Sentences(" \n\t\r\n  \xC2\xA0 \xE2\x80\x8B\n").empty());
  Article a;
  a.text = "";
  a.title_span = {0, 0};
  Segment(a);
  EXPECT_TRUE(a.sentences.empty());
  a.text = "x";
  a.title_span = {5, 9};  // out of range: ignored, never read
  Segment(a);
  EXPECT_EQ(a.sentences.size(), 1u);
}

TEST(SegmenterTest, InvalidUtf8IsOpaque) {
  std::string text = "Bad \xFF\xFE bytes\xC3 here. \xE2\x82 and \xF0\x9F\x98 end.\x80";
  Article a;
  a.text = text;
  Segment(a);
  ASSERT_FALSE(a.sentences.empty());
  for (const Sentence& s : a.sentences) {
    for (const Token& t : s.tokens) {
      EXPECT_LE(t.span.end, text.size());
      EXPECT_LT(t.span.begin, t.span.end);
      EXPECT_EQ(NormalizeRange(a.text, t.span.begin, t.span.end), t.form);
    }
  }
  EXPECT_EQ(a.sentences[0].tokens[1].form, "\xEF\xBF\xBD\xEF\xBF\xBD");  // two opaque bytes, one word
  // Random bytes never crash and give spans inside the text.
  std::string noise;
  uint32_t x = 12345;
  for (int i = 0; i < 100000; ++i) {
    x = x * 1103515245 + 12345;
    noise.push_back(static_cast<char>(x >> 16));
  }
  a.text = noise;
  Segment(a);
  for (const Sentence& s : a.sentences) {
    for (const Token& t : s.tokens) ASSERT_LE(t.span.end, noise.size());
  }
}

TEST(SegmenterTest, InvariantsOnRandomText) {
  // Random mixes of the pieces the rules react to: tokens are in text order, never overlap, lie
  // inside their sentence, and their form is what their bytes normalize to.
  const std::vector<std::string> pieces = {"a",
                                           "Xi",
                                           "U",
                                           "S",
                                           ".",
                                           ".",
                                           ",",
                                           "'",
                                           "\"",
                                           "s",
                                           "t",
                                           "n",
                                           "-",
                                           "--",
                                           "/",
                                           ":",
                                           "@",
                                           "&",
                                           "_",
                                           "(",
                                           ")",
                                           "1",
                                           "23",
                                           " ",
                                           " ",
                                           "\n",
                                           "\n\n",
                                           "www",
                                           "com",
                                           "http",
                                           "://",
                                           "Mr",
                                           "No",
                                           "e",
                                           "g",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x94",
                                           "\xE2\x80\xA6",
                                           "\xC3\xA2\xE2\x82\xAC",
                                           "\xC2\xA0",
                                           "\xFF",
                                           "\xC3",
                                           "\xE2\x80\x8B",
                                           "!",
                                           "?",
                                           ":)",
                                           "can",
                                           "not",
                                           "'s",
                                           "n't",
                                           "By",
                                           "2022-05-20",
                                           "\xE2\x80\xA8",
                                           "\t"};
  uint32_t x = 7;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int n = 1 + round % 40;
    for (int i = 0; i < n; ++i) {
      x = x * 1664525 + 1013904223;
      text += pieces[(x >> 8) % pieces.size()];
    }
    Article a;
    a.text = text;
    a.title_span = round % 3 == 0 ? Span{0, text.size() / 2} : Span{};
    Segment(a);
    size_t last_end = 0;
    for (const Sentence& s : a.sentences) {
      ASSERT_FALSE(s.tokens.empty()) << text;
      EXPECT_EQ(s.span.begin, s.tokens.front().span.begin) << text;
      EXPECT_EQ(s.span.end, s.tokens.back().span.end) << text;
      for (const Token& t : s.tokens) {
        ASSERT_LT(t.span.begin, t.span.end) << text;
        ASSERT_LE(t.span.end, text.size()) << text;
        ASSERT_GE(t.span.begin, last_end) << text;
        last_end = t.span.end;
        ASSERT_FALSE(t.form.empty()) << text;
        ASSERT_EQ(NormalizeRange(a.text, t.span.begin, t.span.end), t.form) << text;
      }
    }
  }
}

TEST(SegmenterTest, LongLine) {
  // A 50 MB line with no full stop: runs in linear time (a quadratic step would not finish) and
  // cuts sentences to a bounded length. Words are long here so that the Tokens themselves (about
  // 200 bytes each) stay within a test's memory.
  std::string word(99, 'x');
  word += ' ';
  std::string line;
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += word;
  Article a;
  a.text = std::move(line);
  Segment(a);
  ASSERT_FALSE(a.sentences.empty());
  size_t tokens = 0;
  for (const Sentence& s : a.sentences) {
    ASSERT_LE(s.tokens.size(), SegmentOptions().max_sentence_tokens);
    tokens += s.tokens.size();
  }
  EXPECT_EQ(tokens, a.text.size() / 100);
  // Long chunks made of the patterns the word rules look back over stay linear.
  for (const char* unit : {"a.1", "Ab.Cd", "1,1", "a'a", "a-b", "A&B", "1-2-", "x@y.", "'s", "n't", "U.S."}) {
    std::string chunk;
    while (chunk.size() < (1u << 20)) chunk += unit;
    a.text = chunk;
    Segment(a);
    ASSERT_FALSE(a.sentences.empty()) << unit;
    EXPECT_EQ(a.sentences.back().tokens.back().span.end, a.text.size()) << unit;
  }
  // One 50 MB chunk with no space at all becomes bounded pieces covering the whole text.
  a.text.assign(50u << 20, 'a');
  Segment(a);
  ASSERT_FALSE(a.sentences.empty());
  EXPECT_EQ(a.sentences.front().tokens.front().span.begin, 0u);
  EXPECT_EQ(a.sentences.back().tokens.back().span.end, a.text.size());
}

TEST(SegmenterTest, SampleArticle) {
  std::string path = std::string(DRAGOMAN_SHARED_DIR) + "/samples/000_9dc233296e0b742c.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "sample article absent: " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  Article a;
  a.text = buffer.str();
  a.title_span = {0, a.text.find('\n')};
  Segment(a);
  ASSERT_GE(a.sentences.size(), 20u);
  EXPECT_TRUE(a.sentences[0].is_title);
  for (const Sentence& s : a.sentences) {
    std::string_view text = a.Slice(s.span);
    EXPECT_FALSE(HasGluedBoundary(text)) << text;
    EXPECT_EQ(text.find("wechat"), std::string_view::npos) << text;
    EXPECT_EQ(text.find("2022-05-20"), std::string_view::npos) << text;
  }
  EXPECT_EQ(a.Slice(a.sentences[1].span).substr(0, 24), "Chinese President Xi Jin");
  EXPECT_EQ(a.Slice(a.sentences[2].span).substr(0, 17), "Xi pointed out th");
  EXPECT_EQ(a.Slice(a.sentences.back().span).substr(0, 13), "Ding Xuexiang");
}

}  // namespace
}  // namespace dragoman::text
