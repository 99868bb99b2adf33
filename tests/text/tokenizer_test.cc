// Token boundaries and normalized forms: EWT-style splits, things kept whole, offsets kept.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/chars.h"
#include "text/segmenter.h"

namespace dragoman::text {
namespace {

// All token forms of text, across sentences.
std::vector<std::string> Forms(const std::string& text) {
  Article a;
  a.text = text;
  SegmentOptions options;
  options.drop_boilerplate = false;
  options.drop_datelines = false;
  Segment(a, options);
  std::vector<std::string> out;
  for (const Sentence& s : a.sentences) {
    for (const Token& t : s.tokens) out.push_back(t.form);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(TokenizerTest, SplitsPunctuation) {
  EXPECT_EQ(Forms("Hello, world (really)!"), (V{"Hello", ",", "world", "(", "really", ")", "!"}));
  EXPECT_EQ(Forms("\"Yes,\" he said: 'no'."),
            (V{"\"", "Yes", ",", "\"", "he", "said", ":", "'", "no", "'", "."}));
  EXPECT_EQ(Forms("Wait... what?!"), (V{"Wait", "...", "what", "?!"}));
  EXPECT_EQ(Forms("costs $5 or 20%"), (V{"costs", "$", "5", "or", "20", "%"}));
}

TEST(TokenizerTest, SplitsClitics) {
  EXPECT_EQ(Forms("don't can't won't isn't"), (V{"do", "n't", "ca", "n't", "wo", "n't", "is", "n't"}));
  EXPECT_EQ(Forms("I'm we're they'll I've he'd it's"),
            (V{"I", "'m", "we", "'re", "they", "'ll", "I", "'ve", "he", "'d", "it", "'s"}));
  EXPECT_EQ(Forms("DON'T I'M"), (V{"DO", "N'T", "I", "'M"}));
  EXPECT_EQ(Forms("the parents' car"), (V{"the", "parents", "'", "car"}));
  EXPECT_EQ(Forms("O'Brien's rock'n'roll"), (V{"O'Brien", "'s", "rock'n'roll"}));
}

TEST(TokenizerTest, SplitsCurlyClitics) {
  // Kazakhstan’s: the curly apostrophe is split like the straight one and normalized in the form.
  EXPECT_EQ(Forms("Kazakhstan\xE2\x80\x99s friend"), (V{"Kazakhstan", "'s", "friend"}));
  EXPECT_EQ(Forms("don\xE2\x80\x99t"), (V{"do", "n't"}));
  EXPECT_EQ(Forms("I\xE2\x80\x99m"), (V{"I", "'m"}));
}

TEST(TokenizerTest, SplitsContractionsAsEwtDoes) {
  EXPECT_EQ(Forms("I cannot go"), (V{"I", "can", "not", "go"}));
  EXPECT_EQ(Forms("Cannot stop, gonna win"), (V{"Can", "not", "stop", ",", "gon", "na", "win"}));
  EXPECT_EQ(Forms("wanna gotta"), (V{"wan", "na", "got", "ta"}));
}

TEST(TokenizerTest, HyphensFollowEwt) {
  EXPECT_EQ(Forms("china-Kazakhstan relations"), (V{"china", "-", "Kazakhstan", "relations"}));
  EXPECT_EQ(Forms("Al-Zaman"), (V{"Al", "-", "Zaman"}));
  EXPECT_EQ(Forms("high-quality people-to-people"),
            (V{"high", "-", "quality", "people", "-", "to", "-", "people"}));
  // Prefixes stay joined, as EWT keeps them.
  EXPECT_EQ(Forms("e-commerce non-stop anti-American e-mail"),
            (V{"e-commerce", "non-stop", "anti-American", "e-mail"}));
  EXPECT_EQ(Forms("UN-backed Co-founder"), (V{"UN", "-", "backed", "Co-founder"}));
  // Dashes between words are tokens of their own.
  EXPECT_EQ(Forms("yes--no"), (V{"yes", "--", "no"}));
  EXPECT_EQ(Forms("yes \xE2\x80\x94 no \xE2\x80\x93 maybe"), (V{"yes", "--", "no", "-", "maybe"}));
}

TEST(TokenizerTest, KeepsNumbersWhole) {
  EXPECT_EQ(Forms("3.5 percent at 12.30 or 12:30 for 1,000,000 on 9/11"),
            (V{"3.5", "percent", "at", "12.30", "or", "12:30", "for", "1,000,000", "on", "9/11"}));
  EXPECT_EQ(Forms("call 713-853-5025 or 853-7906"), (V{"call", "713-853-5025", "or", "853-7906"}));
  EXPECT_EQ(Forms("the 26th of the 1990s"), (V{"the", "26th", "of", "the", "1990s"}));
  EXPECT_EQ(Forms("81K of 398,487MMBTU"), (V{"81", "K", "of", "398,487", "MMBTU"}));
  EXPECT_EQ(Forms("pages 10-12"), (V{"pages", "10", "-", "12"}));
}

TEST(TokenizerTest, KeepsAbbreviationsAndInitialsWhole) {
  EXPECT_EQ(Forms("the U.S. and Mr. Smith"), (V{"the", "U.S.", "and", "Mr.", "Smith"}));
  EXPECT_EQ(Forms("e.g. this, i.e. that"), (V{"e.g.", "this", ",", "i.e.", "that"}));
  EXPECT_EQ(Forms("J. K. Rowling met Dr. Who on Jan. 5 at 5 p.m."),
            (V{"J.", "K.", "Rowling", "met", "Dr.", "Who", "on", "Jan.", "5", "at", "5", "p.m."}));
  EXPECT_EQ(Forms("AT&T and R&D, b/c and/or"), (V{"AT&T", "and", "R&D", ",", "b/c", "and", "/", "or"}));
}

TEST(TokenizerTest, KeepsUrlsAndEmailsWhole) {
  EXPECT_EQ(Forms("See http://www.x.org/a-b?c=1&d=2."), (V{"See", "http://www.x.org/a-b?c=1&d=2", "."}));
  EXPECT_EQ(Forms("(www.example.com)"), (V{"(", "www.example.com", ")"}));
  EXPECT_EQ(Forms("Visit example.com or xinhua.net."), (V{"Visit", "example.com", "or", "xinhua.net", "."}));
  EXPECT_EQ(Forms("Mail john.smith@example.co.uk, now"), (V{"Mail", "john.smith@example.co.uk", ",", "now"}));
}

TEST(TokenizerTest, Emoticons) {
  EXPECT_EQ(Forms("great :) thanks :-("), (V{"great", ":)", "thanks", ":-("}));
}

TEST(TokenizerTest, NormalizesFormsAndKeepsOffsets) {
  // Curly quotes, dashes, ellipsis, NBSP, a zero-width space inside a word, full-width letters
  // and cp1252 mojibake.
  std::string text =
      "\xE2\x80\x9CSpark\xE2\x80\x9D \xE2\x80\x98"
      "a\xE2\x80\x99 x\xE2\x80\x94"
      "y wait\xE2\x80\xA6 "
      "a\xC2\xA0"
      "b Ka\xE2\x80\x8Bzakh \xEF\xBC\xA1\xEF\xBC\xA2 it\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s "
      "caf\xC3\x83\xC2\xA9";
  Article a;
  a.text = text;
  Segment(a);
  std::vector<std::string> forms;
  for (const Sentence& s : a.sentences) {
    for (const Token& t : s.tokens) {
      forms.push_back(t.form);
      // Every form is what its own bytes normalize to.
      EXPECT_EQ(NormalizeRange(a.text, t.span.begin, t.span.end), t.form) << a.Slice(t.span);
      EXPECT_LE(t.span.end, a.text.size());
    }
  }
  EXPECT_EQ(forms, (V{"\"", "Spark", "\"", "'", "a", "'", "x", "--", "y", "wait", "...", "a", "b", "Kazakh",
                      "AB", "it", "'s", "caf\xC3\xA9"}));
  EXPECT_EQ(a.text, text);  // the original bytes are untouched
}

TEST(TokenizerTest, HtmlEntities) {
  EXPECT_EQ(Forms("AT&amp;T said China&rsquo;s &ldquo;spark&rdquo;&nbsp;grew &#8212; a&#x27;b &bogus; & x"),
            (V{"AT&T", "said", "China", "'s", "\"", "spark", "\"", "grew", "--", "a'b", "&", "bogus", ";",
               "&", "x"}));
}

TEST(TokenizerTest, TokenFormsMatchSegment) {
  EXPECT_EQ(TokenForms("Kassym-Jomart Tokayev\xE2\x80\x99s visit. Next"),
            (V{"Kassym", "-", "Jomart", "Tokayev", "'s", "visit", ".", "Next"}));
  EXPECT_TRUE(TokenForms("").empty());
}

TEST(TokenizerTest, SpaceAfter) {
  Article a;
  a.text = "He said, \"no.\"";
  Segment(a);
  ASSERT_EQ(a.sentences.size(), 1u);
  std::vector<bool> space;
  for (const Token& t : a.sentences[0].tokens) space.push_back(t.space_after);
  EXPECT_EQ(space, (std::vector<bool>{true, false, true, false, false, false, true}));
}

}  // namespace
}  // namespace dragoman::text
