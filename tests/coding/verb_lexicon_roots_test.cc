// The default verb lexicon (data/dict/verbs.txt) on hand-written, news-style sentences: every CAMEO
// root 01-20 is coded from at least two sentences worded as wire services write them, and ordinary
// sentences about sport, markets or tourism give no event.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "coder_test_helpers.h"

namespace dragoman::coding {
namespace {

using testing::CodeText;
using testing::Dump;
using testing::Has;

// Articles in these tests are dated 2024-05-01: leaders named by title and name code as their
// government (CHNGOV) at that date.
constexpr char kDate[] = "2024-05-01";

struct RootCase {
  const char* sentence;
  const char* source;
  const char* root;
  const char* target;
};

const std::vector<RootCase>& RootCases() {
  static const std::vector<RootCase> k = {
      // 01 make public statement
      {"China said on Tuesday it had no comment on Japan's plan to release treated water.", "CHN", "01", "JPN"},
      {"The Japanese foreign ministry expressed deep concern over North Korea's latest missile launch.", "JPNGOV",
       "01", "PRK"},
      {"Turkey expressed condolences to Morocco after the earthquake.", "TUR", "01", "MAR"},
      {"Russia denied any involvement in the attack on Ukraine's power grid.", "RUS", "01", "UKR"},
      // 02 appeal
      {"Egypt called on Israel to exercise restraint in Gaza.", "EGY", "02", "ISR"},
      {"Pakistan asked China for a new loan to shore up its reserves.", "PAK", "02", "CHN"},
      {"Kyiv urged Berlin to send more tanks.", "UKR", "02", "DEU"},
      {"Ukrainian President Volodymyr Zelensky appealed to Germany for more weapons.", "UKRGOV", "02", "DEU"},
      // 03 express intent to cooperate
      {"China stands ready to work with Brazil to deepen the comprehensive strategic partnership.", "CHN", "03",
       "BRA"},
      {"Japan pledged $5 billion in humanitarian aid to Ukraine.", "JPN", "03", "UKR"},
      {"Turkey offered to mediate between Russia and Ukraine.", "TUR", "03", "RUS"},
      {"Russian President Vladimir Putin is expected to visit North Korea next month.", "RUSGOV", "03", "PRK"},
      // 04 consult
      {"Chinese Foreign Minister Wang Yi held talks with his Russian counterpart Sergei Lavrov in Beijing.", "CHNGOV",
       "04", "RUSGOV"},
      {"Indian Prime Minister Narendra Modi spoke by phone with French President Emmanuel Macron on Friday.",
       "INDGOV", "04", "FRAGOV"},
      {"French President Emmanuel Macron paid a state visit to Germany.", "FRAGOV", "04", "DEU"},
      {"Talks between Armenia and Azerbaijan resumed in Washington.", "ARM", "04", "AZE"},
      {"Turkey brokered talks between Russia and Ukraine in Istanbul.", "TUR", "04", "RUS"},
      // 05 engage in diplomatic cooperation
      {"Kazakhstan and Uzbekistan signed an agreement on water sharing.", "KAZ", "05", "UZB"},
      {"Brazil congratulated Argentina on its peaceful election.", "BRA", "05", "ARG"},
      {"Egypt praised Qatar for its role in the negotiations.", "EGY", "05", "QAT"},
      {"Japan apologized to South Korea for the wartime abuses.", "JPN", "05", "KOR"},
      // 06 engage in material cooperation
      {"India bought record amounts of oil from Russia last year.", "IND", "06", "RUS"},
      {"The United States held joint naval drills with the Philippines in the South China Sea.", "USA", "06",
       "PHL"},
      {"Kazakhstan extradited the suspect to Russia.", "KAZ", "06", "RUS"},
      {"Australia shared intelligence with New Zealand about the threat.", "AUS", "06", "NZL"},
      // 07 provide aid
      {"Germany delivered more Leopard tanks to Ukraine.", "DEU", "07", "UKR"},
      {"Turkey sent rescue teams to Syria after the earthquake.", "TUR", "07", "SYR"},
      {"Canada granted asylum to Afghan interpreters.", "CAN", "07", "AFG"},
      // 08 yield
      {"Russia and Ukraine swapped prisoners of war.", "RUS", "08", "UKR"},
      {"The United States eased sanctions on Venezuela after the election deal.", "USA", "08", "VEN"},
      {"Israel agreed to a four-day truce with Hamas.", "ISR", "08", "PSEREB"},
      {"Russia pulled its troops out of Syria.", "RUS", "08", "SYR"},
      // 09 investigate
      {"Polish prosecutors launched a probe into Russia's role in the sabotage.", "POLJUD", "09", "RUS"},
      {"Germany launched an investigation into Chinese espionage.", "DEU", "09", "CHN"},
      {"South Korea is investigating North Korea over the cyberattack.", "KOR", "09", "PRK"},
      // 10 demand
      {"Ukraine demanded that Russia withdraw its troops from the Zaporizhzhia nuclear plant.", "UKR", "10", "RUS"},
      {"China demanded an apology from the Philippines over the incident.", "CHN", "10", "PHL"},
      {"Poland demanded compensation from Germany for wartime damage.", "POL", "10", "DEU"},
      // 11 disapprove
      {"Beijing condemned Washington's decision to sell arms to Taiwan.", "CHN", "11", "USA"},
      {"Russia accused Ukraine of shelling the Zaporizhzhia nuclear plant.", "RUS", "11", "UKR"},
      {"China lodged a solemn protest with Japan over the visit.", "CHN", "11", "JPN"},
      {"South Africa filed a case against Israel at the International Court of Justice.", "ZAF", "11", "ISR"},
      {"Iran summoned the British ambassador.", "IRN", "11", "GBRGOV"},
      // 12 reject
      {"Israel rejected Hamas's proposal for a permanent ceasefire.", "ISR", "12", "PSEREB"},
      {"North Korea rebuffed Japan's offer of talks.", "PRK", "12", "JPN"},
      {"Russia vetoed a resolution drafted by the United States.", "RUS", "12", "USA"},
      {"Iran refused to bow to pressure from the United States.", "IRN", "12", "USA"},
      // 13 threaten
      {"North Korea threatened to attack South Korea.", "PRK", "13", "KOR"},
      {"China warned the United States against meddling in Taiwan.", "CHN", "13", "USA"},
      {"Russia threatened to cut ties with Moldova.", "RUS", "13", "MDA"},
      {"Iran vowed to retaliate against Israel for the strike on its consulate.", "IRN", "13", "ISR"},
      // 14 protest
      {"Iraqi protesters stormed the Swedish embassy in Baghdad.", "IRQCVL", "14", "SWEGOV"},
      {"Kenyan protesters demonstrated outside the Chinese embassy in Nairobi.", "KENCVL", "14", "CHNGOV"},
      // 15 exhibit force posture
      {"Russia massed troops along its border with Ukraine.", "RUS", "15", "UKR"},
      {"China held military drills around Taiwan after the inauguration.", "CHN", "15", "TWN"},
      {"India deployed troops to its border with China.", "IND", "15", "CHN"},
      // 16 reduce relations
      {"The United States imposed sanctions on Chinese firms.", "USA", "16", "CHNBUS"},
      {"Niger severed diplomatic ties with Ukraine.", "NER", "16", "UKR"},
      {"Russia suspended talks with Japan on a peace treaty.", "RUS", "16", "JPN"},
      {"Washington blacklisted Russian banks.", "USA", "16", "RUSBUS"},
      // 17 coerce
      {"Chinese police arrested two Japanese citizens in Beijing.", "CHNCOP", "17", "JPNCVL"},
      {"Iran seized a British tanker in the Strait of Hormuz.", "IRN", "17", "GBR"},
      {"Belarus expelled Polish diplomats.", "BLR", "17", "POLGOV"},
      // 18 assault
      {"Houthi rebels hijacked an Israeli-linked cargo ship.", "YEMREB", "18", "ISR"},
      {"Hamas took Israeli civilians hostage.", "PSEREB", "18", "ISRCVL"},
      // 19 fight
      {"Russia launched a massive missile attack on Ukraine overnight.", "RUS", "19", "UKR"},
      {"Israel carried out airstrikes on Hezbollah positions in Lebanon.", "ISR", "19", "LBNREB"},
      {"Azerbaijan shelled Armenian positions.", "AZE", "19", "ARM"},
      {"Iranian forces were attacked by Pakistan.", "PAK", "19", "IRNMIL"},
      {"Ukraine launched a drone attack on Russia's Belgorod region.", "UKR", "19", "RUS"},
      // 20 use unconventional mass violence
      {"Syria used chemical weapons against Syrian civilians in Ghouta.", "SYR", "20", "SYRCVL"},
      {"Russian forces massacred Ukrainian civilians in Bucha.", "RUSMIL", "20", "UKRCVL"},
  };
  return k;
}

TEST(VerbLexiconRoots, EveryRootHasTwoNewsSentences) {
  std::map<std::string, int> per_root;
  for (const RootCase& c : RootCases()) ++per_root[c.root];
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    EXPECT_GE(per_root[root], 2) << "root " << root << " needs at least two sentences";
  }
}

TEST(VerbLexiconRoots, CodesEachSentenceToItsRoot) {
  for (const RootCase& c : RootCases()) {
    std::vector<Event> e = CodeText(c.sentence, kDate);
    EXPECT_TRUE(Has(e, c.source, c.root, c.target))
        << "expected " << c.source << " " << c.root << " " << c.target << " from: " << c.sentence << "\ncoded:\n"
        << (e.empty() ? std::string("(nothing)\n") : Dump(e));
  }
}

// Ordinary sentences with nationalities, places and everyday uses of news verbs (beat, host,
// visit, meet, tour, train, release, hit): no political event.
TEST(VerbLexiconRoots, OrdinarySentencesGiveNoEvent) {
  const std::vector<std::string> sentences = {
      "Brazil beat Argentina 2-0 in the final.",
      "The Australian cricket team beat India by six wickets.",
      "France will host the Olympics in Paris this summer.",
      "Japanese tourists visited Kyoto in record numbers.",
      "He met his wife in Italy.",
      "The British band will tour Japan next year.",
      "The Swiss coach will train Japanese athletes.",
      "Apple released a new iPhone in China.",
      "The British pound fell against the dollar.",
      "Stocks fell in Japan after the holiday.",
      "Chinese students said they love American movies.",
      "A storm hit Japan on Sunday.",
      "The Kenyan runner won the marathon in Berlin.",
  };
  for (const std::string& s : sentences) {
    std::vector<Event> e = CodeText(s, kDate);
    EXPECT_TRUE(e.empty()) << "no event expected from: " << s << "\ncoded:\n" << Dump(e);
  }
}

// A verb inside a matched phrase belongs to that event: "threatened to impose sanctions on" is a
// threat (13), not also sanctions (16); "urged China to lift sanctions" is an appeal, not easing.
TEST(VerbLexiconRoots, VerbInsideAPhraseIsNotASecondEvent) {
  std::vector<Event> e = CodeText("China threatened to impose sanctions on Lithuania.", kDate);
  EXPECT_TRUE(Has(e, "CHN", "13", "LTU")) << Dump(e);
  EXPECT_FALSE(Has(e, "CHN", "16", "LTU")) << Dump(e);
  e = CodeText("The United States urged Japan to lift sanctions on China.", kDate);
  EXPECT_TRUE(Has(e, "USA", "02", "JPN")) << Dump(e);
  EXPECT_FALSE(Has(e, "USA", "08", "CHN")) << Dump(e);
  EXPECT_FALSE(Has(e, "JPN", "08", "CHN")) << Dump(e);
}

// A negation the pattern spells ("refused to release") is the event itself; a denial of an act
// is not that act.
TEST(VerbLexiconRoots, RefusalIsCodedAndDenialSuppresses) {
  std::vector<Event> e = CodeText("Russia refused to release Ukrainian prisoners.", kDate);
  ASSERT_TRUE(Has(e, "RUS", "12", "UKRCVL")) << Dump(e);
  e = CodeText("Iran denied sending drones to Russia.", kDate);
  EXPECT_FALSE(Has(e, "IRN", "07", "RUS")) << Dump(e);
  e = CodeText("Serbia did not recognize Kosovo.", kDate);
  EXPECT_TRUE(e.empty()) << Dump(e);
}

// An explicit source slot beats a plain pattern of the same length: in "Xi's meeting with Biden"
// the possessive is the source.
TEST(VerbLexiconRoots, NominalEventTakesItsSourceSlot) {
  std::vector<Event> e =
      CodeText("Chinese President Xi Jinping's meeting with the Japanese prime minister lasted two hours.", kDate);
  EXPECT_TRUE(Has(e, "CHNGOV", "04", "JPNGOV")) << Dump(e);
  e = CodeText("The visit by Chinese President Xi Jinping to Serbia was his first in Europe.", kDate);
  EXPECT_TRUE(Has(e, "CHNGOV", "04", "SRB")) << Dump(e);
}

// The possessor of a noun of intent is the agent of the verb after "to": in "Washington's decision
// to sell arms to Taiwan" the seller is Washington, not the sentence subject; a refusal negates.
TEST(VerbLexiconRoots, PossessorOfDecisionIsTheAgent) {
  std::vector<Event> e = CodeText("Beijing condemned Washington's decision to sell arms to Taiwan.", kDate);
  EXPECT_TRUE(Has(e, "CHN", "11", "USA")) << Dump(e);
  EXPECT_TRUE(Has(e, "USA", "07", "TWN")) << Dump(e);
  EXPECT_FALSE(Has(e, "CHN", "07", "TWN")) << Dump(e);
  e = CodeText("Japan criticized China's refusal to condemn Russia.", kDate);
  EXPECT_TRUE(Has(e, "JPN", "11", "CHN")) << Dump(e);
  EXPECT_FALSE(Has(e, "CHN", "11", "RUS")) << Dump(e);
  EXPECT_FALSE(Has(e, "JPN", "11", "RUS")) << Dump(e);
}

}  // namespace
}  // namespace dragoman::coding
