#include "coding/verb_dictionary.h"

#include <gtest/gtest.h>

namespace dragoman::coding {
namespace {

const char* kVerbs = R"(# test verbs
&TREATY
+TREATY
+PEACE_PLAN_
+WRITTEN AGREEMENT

&NONOUN_
+QUICKLY

&BOTH
+&TREATY
+DEAL

--- HOST [043:042] ---
HOST   # comment after a verb
- * SUMMIT (WITH +)   [046]
- $ * + (IN ^)        [043]

--- OFFEND [:110] ---
OFFEND

--- INDICATE [---] ---
INDICATE
SIGNAL {SIGNALS SIGNALLED SIGNALLING}
- * READY  [030]

--- BREAK [120] ---
BREAK {BREAKS BROKE BROKEN BREAKING}
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN}
WIRE_+TAP [170]
- % * {FULL &TREATY} [1246]

~ a (b . BREAK) INDICATE = a b 112
)";

TEST(VerbDictionaryTest, ReadsBlocksFormsAndCodes) {
  std::vector<std::string> warnings;
  Result<VerbDictionary> d = ReadPetrarchVerbs(kVerbs, "v.txt", false, &warnings);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_TRUE(warnings.empty()) << warnings[0];
  ASSERT_EQ(d->blocks().size(), 4u);
  const VerbBlock& host = d->blocks()[d->FindBlock("HOST")];
  EXPECT_EQ(host.code, "043");
  EXPECT_EQ(host.reverse_code, "042");
  EXPECT_EQ(host.origin, "v.txt:14");
  const VerbBlock& offend = d->blocks()[d->FindBlock("OFFEND")];
  EXPECT_EQ(offend.code, kNullCode);
  EXPECT_EQ(offend.reverse_code, "110");
  EXPECT_EQ(d->blocks()[d->FindBlock("INDICATE")].code, kNullCode);
}

TEST(VerbDictionaryTest, IrregularFormsAndMultiWordVerbs) {
  Result<VerbDictionary> d = ReadPetrarchVerbs(kVerbs, "v.txt", false, nullptr);
  ASSERT_TRUE(d.ok());
  // Listed inflections and generated regular forms both find the verb.
  EXPECT_FALSE(d->Find("signalled").empty());
  EXPECT_FALSE(d->Find("hosted").empty());
  EXPECT_FALSE(d->Find("broke").empty());
  const VerbBlock& brk = d->blocks()[d->FindBlock("BREAK")];
  ASSERT_EQ(brk.forms.size(), 3u);
  EXPECT_EQ(brk.forms[1].lemma, "break");
  EXPECT_EQ(brk.forms[1].after, std::vector<std::string>{"down"});
  EXPECT_EQ(brk.forms[1].inflections, (std::vector<std::string>{"breaks", "broke", "broken"}));
  EXPECT_EQ(brk.forms[2].lemma, "tap");
  EXPECT_EQ(brk.forms[2].before, std::vector<std::string>{"wire"});
  EXPECT_EQ(brk.forms[2].code, "170");
}

TEST(VerbDictionaryTest, PatternElements) {
  Result<VerbDictionary> d = ReadPetrarchVerbs(kVerbs, "v.txt", false, nullptr);
  ASSERT_TRUE(d.ok());
  const VerbBlock& host = d->blocks()[d->FindBlock("HOST")];
  ASSERT_EQ(host.patterns.size(), 2u);
  const VerbPattern& p0 = host.patterns[0];
  ASSERT_EQ(p0.post_nouns.size(), 1u);
  EXPECT_EQ(p0.post_nouns[0].head.text, "summit");
  ASSERT_EQ(p0.post_preps.size(), 1u);
  EXPECT_EQ(p0.post_preps[0].preposition, "with");
  ASSERT_EQ(p0.post_preps[0].objects.size(), 1u);
  EXPECT_EQ(p0.post_preps[0].objects[0].role, SlotRole::kTarget);
  EXPECT_EQ(p0.code, "046");
  EXPECT_EQ(p0.origin, "v.txt:16");
  const VerbPattern& p1 = host.patterns[1];
  ASSERT_EQ(p1.pre_nouns.size(), 1u);
  EXPECT_EQ(p1.pre_nouns[0].role, SlotRole::kSource);
  EXPECT_EQ(p1.post_nouns[0].role, SlotRole::kTarget);
  EXPECT_EQ(p1.post_preps[0].objects[0].role, SlotRole::kSkip);

  const VerbBlock& brk = d->blocks()[d->FindBlock("BREAK")];
  const VerbPattern& p2 = brk.patterns[0];
  EXPECT_EQ(p2.pre_nouns[0].role, SlotRole::kCompound);
  ASSERT_EQ(p2.post_nouns.size(), 1u);
  EXPECT_GE(p2.post_nouns[0].head.synset, 0);           // &TREATY
  EXPECT_EQ(p2.post_nouns[0].modifiers[0].text, "full");  // {FULL &TREATY}
  EXPECT_GT(p2.Specificity(), 1);
}

TEST(VerbDictionaryTest, SynsetsPluralsAndNesting) {
  Result<VerbDictionary> d = ReadPetrarchVerbs(kVerbs, "v.txt", false, nullptr);
  ASSERT_TRUE(d.ok());
  int treaty = d->FindSynset("&TREATY");
  ASSERT_GE(treaty, 0);
  PatternWord w{"", treaty};
  EXPECT_TRUE(d->WordMatches(w, "treaty"));
  EXPECT_TRUE(d->WordMatches(w, "treaties"));  // automatic plural
  const Synset& s = d->synsets()[treaty];
  EXPECT_TRUE(s.phrases_by_head.count("agreement"));
  EXPECT_TRUE(s.phrases_by_head.count("agreements"));
  EXPECT_TRUE(s.phrases_by_head.count("plan"));
  EXPECT_FALSE(s.phrases_by_head.count("plans"));  // "PEACE_PLAN_": no plural
  int no_noun = d->FindSynset("&NONOUN_");
  EXPECT_FALSE(d->WordMatches(PatternWord{"", no_noun}, "quicklys"));
  int both = d->FindSynset("&BOTH");
  EXPECT_TRUE(d->WordMatches(PatternWord{"", both}, "treaty"));  // nested synset
  EXPECT_TRUE(d->WordMatches(PatternWord{"", both}, "deals"));
}

TEST(VerbDictionaryTest, Transformations) {
  Result<VerbDictionary> d = ReadPetrarchVerbs(kVerbs, "v.txt", false, nullptr);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->transformations().size(), 1u);
  const Transformation& t = d->transformations()[0];
  EXPECT_EQ(t.outer_verb, "indicate");
  EXPECT_EQ(t.inner_verb, "break");
  EXPECT_EQ(t.inner_source, "b");
  EXPECT_EQ(t.inner_target, ".");
  EXPECT_EQ(t.result_source, "a");
  EXPECT_EQ(t.result_target, "b");
  EXPECT_EQ(t.result_code, "112");
}

bool HasWarning(const std::vector<std::string>& warnings, const std::string& part) {
  for (const std::string& w : warnings)
    if (w.find(part) != std::string::npos) return true;
  return false;
}

TEST(VerbDictionaryTest, MalformedLinesWarnWithFileAndLine) {
  const char* bad = R"(--- ATTACK [1.9] ---
ATTACK
--- MEET [040] ---
MEET
- * (WITH + [041]
- * TROOPS [1!0]
- * TROOPS
- FIGHT [042]
- * &UNDEFINED [043]
- * {TALKS [044]
- * TALKS [045]
)";
  std::vector<std::string> warnings;
  Result<VerbDictionary> d = ReadPetrarchVerbs(bad, "bad.txt", false, &warnings);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(HasWarning(warnings, "bad.txt:1: bad code in verb block header")) << warnings[0];
  EXPECT_TRUE(HasWarning(warnings, "bad.txt:2: verb outside a verb block"));
  EXPECT_TRUE(HasWarning(warnings, "bad.txt:5: unclosed ( in pattern"));
  EXPECT_TRUE(HasWarning(warnings, "bad.txt:6: bad code in pattern"));
  EXPECT_TRUE(HasWarning(warnings, "bad.txt:7: pattern without a [code]"));
  EXPECT_TRUE(HasWarning(warnings, "bad.txt:8: pattern without the verb marker *"));
  EXPECT_TRUE(HasWarning(warnings, "bad.txt:9: unknown synonym set \"&UNDEFINED\""));
  EXPECT_TRUE(HasWarning(warnings, "bad.txt:10: unclosed { in pattern"));
  // Loading went on: MEET is there with its one good pattern.
  ASSERT_GE(d->FindBlock("MEET"), 0);
  ASSERT_EQ(d->blocks()[d->FindBlock("MEET")].patterns.size(), 1u);
  EXPECT_EQ(d->blocks()[d->FindBlock("MEET")].patterns[0].code, "045");
  Result<VerbDictionary> strict = ReadPetrarchVerbs(bad, "bad.txt", true, nullptr);
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.status().message().find("bad.txt:1"), std::string::npos);
}

TEST(VerbDictionaryTest, RealCameoFileLoads) {
  std::string path = std::string(DRAGOMAN_SHARED_DIR) + "/petrarch/CAMEO.2.0.txt";
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) GTEST_SKIP() << "no " << path;
  std::string text;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  std::fclose(f);
  std::vector<std::string> warnings;
  Result<VerbDictionary> d = ReadPetrarchVerbs(text, "CAMEO.2.0.txt", false, &warnings);
  ASSERT_TRUE(d.ok());
  EXPECT_GT(d->blocks().size(), 300u);
  EXPECT_GT(d->pattern_count(), 4000u);
  EXPECT_LT(warnings.size(), 20u);
  EXPECT_FALSE(d->Find("say").empty());
}

}  // namespace
}  // namespace dragoman::coding
