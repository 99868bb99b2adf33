// HTML-entity remnants from scraping ("Iran #39;s", " #36;1 million", " quot;old quot;",
// "&lt;b&gt;...&lt;/b&gt;") and soft hyphens: token forms carry the characters they stood for,
// markup vanishes, spans keep the original bytes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/chars.h"
#include "text/segmenter.h"

namespace dragoman::text {
namespace {

Article Segmented(const std::string& text) {
  Article a;
  a.text = text;
  SegmentOptions options;
  options.drop_boilerplate = false;
  options.drop_datelines = false;
  options.find_wire_datelines = false;
  Segment(a, options);
  return a;
}

std::vector<const Token*> AllTokens(const Article& a) {
  std::vector<const Token*> out;
  for (const Sentence& s : a.sentences) {
    for (const Token& t : s.tokens) out.push_back(&t);
  }
  return out;
}

std::vector<std::string> Forms(const std::string& text) {
  std::vector<std::string> out;
  Article a = Segmented(text);
  for (const Token* t : AllTokens(a)) out.push_back(t->form);
  return out;
}

using V = std::vector<std::string>;

TEST(EntityRemnantTest, ApostropheBecomesPossessive) {
  Article a = Segmented("Iran #39;s chief negotiator");
  std::vector<const Token*> t = AllTokens(a);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0]->form, "Iran");
  EXPECT_EQ(t[1]->form, "'s");
  // The span keeps the original bytes; the space that was the '&' belongs to neither token.
  EXPECT_EQ(a.Slice(t[1]->span), "#39;s");
  EXPECT_EQ(t[1]->span.begin, a.text.find('#'));
  EXPECT_FALSE(t[0]->space_after);
  EXPECT_TRUE(t[1]->space_after);
  EXPECT_EQ(Forms("money isn #39;t found"), (V{"money", "is", "n't", "found"}));
  EXPECT_EQ(Forms("I #39;m not"), (V{"I", "'m", "not"}));
  EXPECT_EQ(Forms("the captives #39; fate"), (V{"the", "captives", "'", "fate"}));
}

TEST(EntityRemnantTest, ApostropheAsQuote) {
  // "Iran  #39;committed": one real space, then the remnant opening a single quote.
  Article a = Segmented("Iran  #39;committed #39; to talks");
  EXPECT_EQ(Forms(a.text), (V{"Iran", "'", "committed", "'", "to", "talks"}));
  std::vector<const Token*> t = AllTokens(a);
  EXPECT_TRUE(t[0]->space_after);
  EXPECT_FALSE(t[2]->space_after);
  EXPECT_EQ(a.Slice(t[1]->span), "#39;");
  // At the very start of the text.
  EXPECT_EQ(Forms("#39;Somebody save my dad #39;"), (V{"'", "Somebody", "save", "my", "dad", "'"}));
}

TEST(EntityRemnantTest, Dollar) {
  Article a = Segmented("spent more than  #36;1 million");
  EXPECT_EQ(Forms(a.text), (V{"spent", "more", "than", "$", "1", "million"}));
  std::vector<const Token*> t = AllTokens(a);
  EXPECT_EQ(a.Slice(t[3]->span), "#36;");
  EXPECT_TRUE(t[2]->space_after);
  EXPECT_FALSE(t[3]->space_after);
  EXPECT_EQ(Forms("a high of US #36;53.42 a barrel"), (V{"a", "high", "of", "US", "$", "53.42", "a", "barrel"}));
}

TEST(EntityRemnantTest, QuotRemnant) {
  Article a = Segmented("criticised for  quot;old fashioned quot; ideas");
  EXPECT_EQ(Forms(a.text), (V{"criticised", "for", "\"", "old", "fashioned", "\"", "ideas"}));
  std::vector<const Token*> t = AllTokens(a);
  EXPECT_EQ(a.Slice(t[2]->span), "quot;");
  EXPECT_FALSE(t[4]->space_after);  // fashioned"
  // Glued to a word before it, "quot;" is no remnant: only the named remnants at a word start count.
  EXPECT_EQ(Forms("aquot; x"), (V{"aquot", ";", "x"}));
}

TEST(EntityRemnantTest, EmDashRemnantReadAsCp1252) {
  EXPECT_EQ(Forms("has done  #151; and has not"), (V{"has", "done", "--", "and", "has", "not"}));
  EXPECT_EQ(Forms("has done &#151; and"), (V{"has", "done", "--", "and"}));
  EXPECT_EQ(Forms("it&#146;s"), (V{"it", "'s"}));
}

TEST(EntityRemnantTest, FullEntitiesDecoded) {
  EXPECT_EQ(Forms("AT&amp;T and &quot;hope&quot; in Iran&#39;s"),
            (V{"AT&T", "and", "\"", "hope", "\"", "in", "Iran", "'s"}));
  Article a = Segmented("Iran&#39;s");
  std::vector<const Token*> t = AllTokens(a);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(a.Slice(t[1]->span), "&#39;s");
}

TEST(EntityRemnantTest, EscapedMarkupVanishes) {
  Article a = Segmented("seize contractor, four &lt;b&gt;...&lt;/b&gt;");
  EXPECT_EQ(Forms(a.text), (V{"seize", "contractor", ",", "four", "..."}));
  std::vector<const Token*> t = AllTokens(a);
  EXPECT_EQ(a.Slice(t.back()->span), "...");
  EXPECT_EQ(Forms("&lt;p&gt;&lt;/p&gt;&lt;p&gt; Voters lined up"), (V{"Voters", "lined", "up"}));
  EXPECT_EQ(Forms("a &lt;a href=&quot;x.html&quot;&gt;link&lt;/a&gt; here"), (V{"a", "link", "here"}));
  EXPECT_EQ(Forms("a &lt;br/&gt; b"), (V{"a", "b"}));
  EXPECT_EQ(Forms("four  lt;b gt;... more"), (V{"four", "...", "more"}));  // the '&'s lost too
  // A markup-only line gives no sentence.
  EXPECT_TRUE(Segmented("&lt;b&gt;&lt;/b&gt;").sentences.empty());
}

TEST(EntityRemnantTest, EscapedComparisonsStay) {
  EXPECT_EQ(Forms("x &lt; y &gt; z"), (V{"x", "<", "y", ">", "z"}));
  EXPECT_EQ(Forms("I &lt;3 it"), (V{"I", "<3", "it"}));
  EXPECT_EQ(Forms("a &lt;b and c&gt; d"), (V{"a", "<", "b", "and", "c", ">", "d"}));
  EXPECT_EQ(Forms("India News  gt; Pattan"), (V{"India", "News", ">", "Pattan"}));
}

TEST(EntityRemnantTest, NotRemnants) {
  EXPECT_EQ(Forms("ranked #1; then"), (V{"ranked", "#", "1", ";", "then"}));
  EXPECT_EQ(Forms("item #39 of 40"), (V{"item", "#", "39", "of", "40"}));
  EXPECT_EQ(Forms("salt; pepper"), (V{"salt", ";", "pepper"}));
}

TEST(EntityRemnantTest, SoftHyphensVanish) {
  Article a = Segmented("Pales\xC2\xADtinian leaders");
  std::vector<const Token*> t = AllTokens(a);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0]->form, "Palestinian");
  EXPECT_EQ(a.Slice(t[0]->span), "Pales\xC2\xADtinian");
  EXPECT_EQ(Forms("Pales&shy;tinian"), (V{"Palestinian"}));
  EXPECT_EQ(Forms("Pales #173;tinian"), (V{"Palestinian"}));
  EXPECT_EQ(Forms("Pales\xC3\x82\xC2\xADtinian"), (V{"Palestinian"}));  // mojibake "Â­"
}

TEST(EntityRemnantTest, NormalizeRangeAndTokenFormsAgree) {
  std::string text = "Iran #39;s  #36;5 &lt;b&gt;x";
  EXPECT_EQ(NormalizeRange(text, 0, text.size()), "Iran's $5 x");
  EXPECT_EQ(TokenForms("Iran #39;s"), (V{"Iran", "'s"}));
}

TEST(EntityRemnantTest, SpaceBetween) {
  std::string text = "Iran #39;s and  #36;5";
  EXPECT_FALSE(SpaceBetween(text, 4, 5));  // the space that was '&'
  EXPECT_TRUE(SpaceBetween(text, 10, 11));
  EXPECT_TRUE(SpaceBetween(text, 14, 16));  // one real space, one that was '&'
  EXPECT_FALSE(SpaceBetween(text, 3, 3));
}

}  // namespace
}  // namespace dragoman::text
