#include "coding/petrarch_reader.h"

#include <gtest/gtest.h>

namespace dragoman::coding {
namespace {

bool HasWarning(const std::vector<std::string>& warnings, const std::string& part) {
  for (const std::string& w : warnings)
    if (w.find(part) != std::string::npos) return true;
  return false;
}

const ActorEntry* FindActor(const ActorDictionary& d, const std::string& id) {
  for (const ActorEntry& e : d.actors())
    if (e.id == id) return &e;
  return nullptr;
}

TEST(PetrarchActorsTest, CodesSynonymsAndDateRestrictions) {
  const char* text = R"(<!-- actors -->
KAZAKHSTAN_ [KAZ]
+KAZAKH
+NUR-SULTAN  # capital
KASSYM-JOMART_TOKAYEV_  # a person
+KASYMZHOMART_TOKAYEV
	[KAZELI 710101-991001]
	[KAZGOV 991001-020128]
	[KAZGOV >20190319]
	[KAZELI]
GOLLUM
	[HOB <950601]
	[HOBGOV 19950601 - 19990815]
)";
  ActorDictionary d;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchActors(text, "a.txt", false, &warnings, &d).ok());
  EXPECT_TRUE(warnings.empty()) << warnings[0];
  const ActorEntry* kaz = FindActor(d, "KAZAKHSTAN");
  ASSERT_NE(kaz, nullptr);
  EXPECT_EQ(kaz->names.size(), 3u);
  EXPECT_EQ(kaz->origin, "a.txt:2");
  const ActorEntry* tok = FindActor(d, "KASSYM-JOMART TOKAYEV");
  ASSERT_NE(tok, nullptr);
  EXPECT_EQ(tok->CodeAt(19950101), "KAZELI");   // 710101-991001 (two-digit years)
  EXPECT_EQ(tok->CodeAt(20000101), "KAZGOV");   // 991001-020128
  EXPECT_EQ(tok->CodeAt(20100101), "KAZELI");   // no range: the default
  EXPECT_EQ(tok->CodeAt(20220520), "KAZGOV");   // >20190319
  const ActorEntry* gollum = FindActor(d, "GOLLUM");
  ASSERT_NE(gollum, nullptr);
  EXPECT_EQ(gollum->CodeAt(19950531), "HOB");
  EXPECT_EQ(gollum->CodeAt(19950601), "HOBGOV");  // ranges are inclusive
  EXPECT_EQ(gollum->CodeAt(19990815), "HOBGOV");
  EXPECT_EQ(gollum->CodeAt(20050101), "");        // no code after the last range
}

TEST(PetrarchActorsTest, UncodedNameSharesNextCodes) {
  const char* text = "U.N._\n\nUNITED_NATIONS [IGOUNO]\n+UN_\n";
  ActorDictionary d;
  ASSERT_TRUE(ReadPetrarchActors(text, "a.txt", false, nullptr, &d).ok());
  ASSERT_EQ(d.actors().size(), 1u);
  EXPECT_EQ(d.actors()[0].names.size(), 3u);
  // Two-letter acronyms must be written in capitals ("UN", not the word "un").
  bool exact = false;
  for (const ActorName& n : d.actors()[0].names) exact |= n.match_case == ActorName::Case::kExact;
  EXPECT_TRUE(exact);
}

TEST(PetrarchActorsTest, MalformedLines) {
  const char* text = R"([ABC]
+ORPHAN
GOOD [GOD]
BADDATE
	[BDD 2004017-20061201]
	[BDD]
INVERTED [INV 20121207-20120802]
UNCLOSED [UNC
LAST_WITHOUT_CODE
)";
  ActorDictionary d;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchActors(text, "a.txt", false, &warnings, &d).ok());
  EXPECT_TRUE(HasWarning(warnings, "a.txt:1: code without an actor"));
  EXPECT_TRUE(HasWarning(warnings, "a.txt:2: synonym without an actor"));
  EXPECT_TRUE(HasWarning(warnings, "a.txt:5: bad date range"));
  EXPECT_TRUE(HasWarning(warnings, "a.txt:7: date range ends before it begins"));
  EXPECT_TRUE(HasWarning(warnings, "a.txt:8: unclosed ["));
  EXPECT_TRUE(HasWarning(warnings, "a.txt:9: actor without a code"));
  EXPECT_NE(FindActor(d, "GOOD"), nullptr);
  ASSERT_NE(FindActor(d, "BADDATE"), nullptr);  // the good code line still counts
  EXPECT_EQ(FindActor(d, "BADDATE")->CodeAt(20050101), "BDD");
  ActorDictionary strict;
  Status s = ReadPetrarchActors(text, "a.txt", true, nullptr, &strict);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("a.txt:1"), std::string::npos);
}

TEST(PetrarchAgentsTest, SuffixPrefixPluralsAndSubstitutions) {
  const char* text = R"(!PERSON! = MAN, MEN, WOMAN
PRESIDENT [~GOV]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
POLICE {} [~COP]
MSF {} [NGO~]
CONGRESS!PERSON! [~LEG]
NO_CODE_HERE
BAD!SET! [~XXX]
)";
  ActorDictionary d;
  std::vector<bool> prefix;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchAgents(text, "g.txt", false, &warnings, &d, &prefix).ok());
  ASSERT_EQ(d.agents().size(), 5u);
  ASSERT_EQ(prefix.size(), 5u);
  EXPECT_EQ(d.agents()[0].code, "GOV");
  EXPECT_FALSE(prefix[0]);
  EXPECT_EQ(d.agents()[0].names, (std::vector<std::string>{"president", "presidents"}));
  EXPECT_EQ(d.agents()[1].names, (std::vector<std::string>{"attorney general", "attorneys general"}));
  EXPECT_EQ(d.agents()[2].names, std::vector<std::string>{"police"});  // {}: no plural
  EXPECT_EQ(d.agents()[3].code, "NGO");
  EXPECT_TRUE(prefix[3]);
  EXPECT_EQ(d.agents()[4].names.size(), 6u);  // congressman/-men/-woman and plurals
  EXPECT_TRUE(HasWarning(warnings, "g.txt:7: agent without a [code]"));
  EXPECT_TRUE(HasWarning(warnings, "g.txt:8: unknown substitution set"));
}

TEST(PetrarchDiscardsTest, SentenceAndStoryDiscards) {
  DiscardList list;
  ASSERT_TRUE(ReadPetrarchDiscards("# c\nBASEBALL\n+WORLD_GOLF CHAMPIONSHIPS # story\n", "d.txt", false, nullptr, &list).ok());
  ASSERT_EQ(list.phrases.size(), 2u);
  EXPECT_FALSE(list.phrases[0].story);
  EXPECT_EQ(list.phrases[0].words, std::vector<std::string>{"baseball"});
  EXPECT_TRUE(list.phrases[1].story);
  EXPECT_EQ(list.phrases[1].words, (std::vector<std::string>{"world", "golf", "championships"}));
}

TEST(PetrarchIssuesTest, ExpandsNounAndVerbForms) {
  const char* text = R"(<ISSUE CATEGORY="ATROCITY">
n:massacre [ID_ATROCITY]
ethnic v:purge [ID_ATROCITY]
~Saturday Night massacre
no code here
</ISSUE>
)";
  std::vector<IssueEntry> issues;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchIssues(text, "i.txt", false, &warnings, &issues).ok());
  int massacres = 0, purged = 0, excludes = 0;
  for (const IssueEntry& e : issues) {
    if (e.words == std::vector<std::string>{"massacres"}) ++massacres;
    if (e.words == std::vector<std::string>{"ethnic", "purged"}) ++purged;
    if (e.exclude_sentence) ++excludes;
    if (!e.code.empty()) EXPECT_EQ(e.category, "ATROCITY");
  }
  EXPECT_EQ(massacres, 1);
  EXPECT_EQ(purged, 1);
  EXPECT_EQ(excludes, 1);
  EXPECT_TRUE(HasWarning(warnings, "i.txt:5: issue phrase without a [code]"));
}

TEST(PetrarchIssuesTest, FormPrefixWithoutAWordAndRunawayExpansionsAreReported) {
  // A bare "v:" once read past the start of an empty word (found by fuzz_petrarch_dictionary).
  std::string text = "<ISSUE CATEGORY=\"X\">\nv: strike [ID_X]\nn: [ID_X]\n";
  std::string many;
  for (int i = 0; i < 12; ++i) many += "v:fight ";
  text += many + "[ID_X]\nv:protest [ID_X]\n</ISSUE>\n";
  std::vector<IssueEntry> issues;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadPetrarchIssues(text, "i.txt", false, &warnings, &issues).ok());
  EXPECT_TRUE(HasWarning(warnings, "i.txt:2: n: or v: without a word"));
  EXPECT_TRUE(HasWarning(warnings, "i.txt:3: n: or v: without a word"));
  EXPECT_TRUE(HasWarning(warnings, "i.txt:4: issue phrase with too many word forms"));
  // Only the well-formed phrase's four verb forms are kept.
  EXPECT_EQ(issues.size(), 4u);
  for (const IssueEntry& e : issues) EXPECT_EQ(e.words.size(), 1u);
  std::vector<IssueEntry> strict_issues;
  EXPECT_FALSE(ReadPetrarchIssues(text, "i.txt", true, nullptr, &strict_issues).ok());
}

TEST(PetrarchDatesTest, TwoAndFourDigitYears) {
  EXPECT_EQ(ParsePetrarchDate("991001"), 19991001);
  EXPECT_EQ(ParsePetrarchDate("020128"), 20020128);
  EXPECT_EQ(ParsePetrarchDate("20121115"), 20121115);
  EXPECT_FALSE(ParsePetrarchDate("2004017").has_value());
  EXPECT_FALSE(ParsePetrarchDate("20121345").has_value());
}

TEST(PetrarchFolderTest, LoadsPhoenixSet) {
  std::string dir = std::string(DRAGOMAN_SHARED_DIR) + "/petrarch";
  FILE* f = std::fopen((dir + "/Phoenix.agents.txt").c_str(), "rb");
  if (!f) GTEST_SKIP() << "no " << dir;
  std::fclose(f);
  std::vector<std::string> warnings;
  Result<Lexicon> d = LoadPetrarchFiles(PetrarchFiles::Phoenix(dir), false, &warnings);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_GT(d->actors.actors().size(), 20000u);
  EXPECT_GT(d->actors.agents().size(), 1000u);
  EXPECT_GT(d->verbs.blocks().size(), 300u);
  EXPECT_GT(d->discards.phrases.size(), 100u);
  EXPECT_GT(d->issues.size(), 1000u);
  Result<Lexicon> missing = LoadPetrarchFiles(PetrarchFiles::Phoenix("/nonexistent"), false, nullptr);
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace dragoman::coding
