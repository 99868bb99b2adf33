// Each grammatical case of the coder on a hand-parsed sentence (UD v2 labels unless noted).
#include "coding/event_coder.h"
#include "coding/petrarch_reader.h"
#include "text/tone.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dragoman::coding {
namespace {

const char* kActors = R"(CHINA_ [CHN]
+CHINESE
+BEIJING
RUSSIA_ [RUS]
+RUSSIAN
KAZAKHSTAN_ [KAZ]
+KAZAKH
KASSYM-JOMART_TOKAYEV_
+TOKAYEV
	[KAZGOV >20190319]
	[KAZELI]
XI_JINPING_ [CHNGOV]
+XI
)";

const char* kAgents = R"(PRESIDENT [~GOV]
SOLDIER [~MIL]
MSF {} [NGO~]
)";

const char* kVerbs = R"(&TREATY
+TREATY
+ACCORD

--- MEET [040:040] ---
MEET {MEETS MET MEETING}

--- ATTACK [190] ---
ATTACK
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}

--- SIGN [---] ---
SIGN
- * &TREATY [057]
- * &TREATY (WITH +) [0311]

--- SAY [010] ---
SAY {SAYS SAID SAYING}

--- VOW [---] ---
VOW

--- APPEAR [---] ---
LOOK

--- AGREE [030] ---
AGREE
- % * [050]

--- CRITICIZE [111] ---
CRITICIZE
- NOT * [051]

~ a (b . ATTACK) SAY = a b 112
~ a (_ b ATTACK) VOW = a b 138
)";

std::shared_ptr<EventCoder> MakeTestCoder(const char* discards = "") {
  Lexicon d;
  EXPECT_TRUE(ReadPetrarchActors(kActors, "actors.txt", true, nullptr, &d.actors).ok());
  EXPECT_TRUE(ReadPetrarchAgents(kAgents, "agents.txt", true, nullptr, &d.actors, &d.agent_prefix).ok());
  EXPECT_TRUE(ReadPetrarchVerbsInto(kVerbs, "verbs.txt", true, nullptr, &d.verbs).ok());
  EXPECT_TRUE(ReadPetrarchDiscards(discards, "discards.txt", true, nullptr, &d.discards).ok());
  return std::shared_ptr<EventCoder>(MakeEventCoder(std::move(d)).release());
}

// Adds a sentence from rows "form lemma UPOS head deprel", one token per line.
void AddSentence(Article* a, const std::string& rows) {
  Sentence s;
  std::istringstream in(rows);
  std::string line;
  if (!a->text.empty()) a->text += " ";
  size_t begin = a->text.size();
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    Token t;
    if (!(ls >> t.form >> t.lemma >> t.upos >> t.head >> t.deprel)) continue;
    if (!s.tokens.empty()) a->text += " ";
    t.span = Span{a->text.size(), a->text.size() + t.form.size()};
    a->text += t.form;
    s.tokens.push_back(std::move(t));
  }
  s.span = Span{begin, a->text.size()};
  a->sentences.push_back(std::move(s));
}

std::vector<std::string> Code(const EventCoder& coder, const Article& a) {
  std::vector<Event> events;
  coder.Code(a, &events);
  std::vector<std::string> out;
  for (const Event& e : events) out.push_back(e.source + " " + e.code + " " + (e.target.empty() ? "-" : e.target));
  std::sort(out.begin(), out.end());
  return out;
}

Article OneSentence(const std::string& rows, const std::string& date = "2022-05-20") {
  Article a;
  a.id = "t";
  a.date = date;
  AddSentence(&a, rows);
  return a;
}

TEST(EventCoderTest, ActiveVoiceSubjectAndObject) {
  auto coder = MakeTestCoder();
  Article a = OneSentence(R"(China China PROPN 2 nsubj
attacked attack VERB 0 root
Russia Russia PROPN 2 obj
. . PUNCT 2 punct)");
  std::vector<Event> events;
  coder->Code(a, &events);
  ASSERT_EQ(events.size(), 1u);
  const Event& e = events[0];
  EXPECT_EQ(e.source, "CHN");
  EXPECT_EQ(e.target, "RUS");
  EXPECT_EQ(e.code, "190");
  EXPECT_EQ(e.rule, "verbs.txt:9");  // the verb line ATTACK
  EXPECT_EQ(a.Slice(e.source_span), "China");
  EXPECT_EQ(a.Slice(e.verb_span), "attacked");
  EXPECT_EQ(a.Slice(e.target_span), "Russia");
}

TEST(EventCoderTest, PassiveVoiceUdV2AndV1) {
  auto coder = MakeTestCoder();
  Article v2 = OneSentence(R"(Russia Russia PROPN 3 nsubj:pass
was be AUX 3 aux:pass
attacked attack VERB 0 root
by by ADP 5 case
China China PROPN 3 obl:agent)");
  EXPECT_EQ(Code(*coder, v2), std::vector<std::string>{"CHN 190 RUS"});
  Article v1 = OneSentence(R"(Russia Russia PROPN 3 nsubjpass
was be AUX 3 auxpass
attacked attack VERB 0 root
by by ADP 5 case
China China PROPN 3 nmod)");
  EXPECT_EQ(Code(*coder, v1), std::vector<std::string>{"CHN 190 RUS"});
}

TEST(EventCoderTest, PrepositionalTargetFromPatternAndUdV1Object) {
  auto coder = MakeTestCoder();
  Article a = OneSentence(R"(China China PROPN 2 nsubj
signed sign VERB 0 root
an a DET 4 det
accord accord NOUN 2 dobj
with with ADP 6 case
Russia Russia PROPN 2 nmod)");
  std::vector<Event> events;
  coder->Code(a, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].code, "0311");  // "- * &TREATY (WITH +)" beats "- * &TREATY"
  EXPECT_EQ(events[0].target, "RUS");
  EXPECT_EQ(events[0].rule, "verbs.txt:15");
}

TEST(EventCoderTest, ConjoinedActorsGiveOneEventPerPair) {
  auto coder = MakeTestCoder();
  Article a = OneSentence(R"(China China PROPN 4 nsubj
and and CCONJ 3 cc
Russia Russia PROPN 1 conj
attacked attack VERB 0 root
Kazakhstan Kazakhstan PROPN 4 obj)");
  EXPECT_EQ(Code(*coder, a), (std::vector<std::string>{"CHN 190 KAZ", "RUS 190 KAZ"}));
}

TEST(EventCoderTest, CompoundPatternCodesBothDirections) {
  auto coder = MakeTestCoder();
  Article a = OneSentence(R"(China China PROPN 4 nsubj
and and CCONJ 3 cc
Russia Russia PROPN 1 conj
agreed agree VERB 0 root)");
  EXPECT_EQ(Code(*coder, a), (std::vector<std::string>{"CHN 050 RUS", "RUS 050 CHN"}));
}

TEST(EventCoderTest, ReverseCodeGivesPairedEvent) {
  auto coder = MakeTestCoder();
  Article a = OneSentence(R"(Xi Xi PROPN 2 nsubj
met meet VERB 0 root
Tokayev Tokayev PROPN 2 obj)");
  EXPECT_EQ(Code(*coder, a), (std::vector<std::string>{"CHNGOV 040 KAZGOV", "KAZGOV 040 CHNGOV"}));
}

TEST(EventCoderTest, TitleAndNameResolveToOneActor) {
  auto coder = MakeTestCoder();
  // "Kazakh President Tokayev met Russia": compounds and flat names form one actor.
  Article a = OneSentence(R"(Kazakh Kazakh ADJ 3 amod
President president PROPN 3 compound
Tokayev Tokayev PROPN 4 nsubj
met meet VERB 0 root
Russia Russia PROPN 4 obj)");
  EXPECT_EQ(Code(*coder, a), (std::vector<std::string>{"KAZGOV 040 RUS", "RUS 040 KAZGOV"}));
  // Without a person's own entry: country adjective + agent title.
  Article b = OneSentence(R"(the the DET 3 det
Chinese Chinese ADJ 3 amod
president president NOUN 4 nsubj
attacked attack VERB 0 root
Russia Russia PROPN 4 obj)");
  EXPECT_EQ(Code(*coder, b), std::vector<std::string>{"CHNGOV 190 RUS"});
  // A prefix agent: "MSF Kazakhstan" -> NGOKAZ.
  Article c = OneSentence(R"(MSF MSF PROPN 2 compound
Kazakhstan Kazakhstan PROPN 3 nsubj
attacked attack VERB 0 root
Russia Russia PROPN 3 obj)");
  EXPECT_EQ(Code(*coder, c), std::vector<std::string>{"NGOKAZ 190 RUS"});
}

TEST(EventCoderTest, AppositionNamesTheActor) {
  auto coder = MakeTestCoder();
  Article a = OneSentence(R"(the the DET 2 det
president president NOUN 5 nsubj
, , PUNCT 4 punct
Tokayev Tokayev PROPN 2 appos
attacked attack VERB 0 root
Russia Russia PROPN 5 obj)");
  EXPECT_EQ(Code(*coder, a), std::vector<std::string>{"KAZGOV 190 RUS"});
}

TEST(EventCoderTest, ActorCodesFollowTheArticleDate) {
  auto coder = MakeTestCoder();
  const char* rows = R"(Tokayev Tokayev PROPN 2 nsubj
attacked attack VERB 0 root
Russia Russia PROPN 2 obj)";
  EXPECT_EQ(Code(*coder, OneSentence(rows, "2022-05-20")), std::vector<std::string>{"KAZGOV 190 RUS"});
  EXPECT_EQ(Code(*coder, OneSentence(rows, "2015-01-01")), std::vector<std::string>{"KAZELI 190 RUS"});
}

TEST(EventCoderTest, NegationSuppressesUnlessThePatternNamesIt) {
  auto coder = MakeTestCoder();
  Article a = OneSentence(R"(China China PROPN 4 nsubj
will will AUX 4 aux
not not PART 4 advmod
attack attack VERB 0 root
Russia Russia PROPN 4 obj)");
  EXPECT_TRUE(Code(*coder, a).empty());
  Article v1 = OneSentence(R"(China China PROPN 4 nsubj
did do AUX 4 aux
n't not PART 4 neg
criticize criticize VERB 0 root
Russia Russia PROPN 4 dobj)");
  EXPECT_EQ(Code(*coder, v1), std::vector<std::string>{"CHN 051 RUS"});  // "- NOT * [051]"
}

TEST(EventCoderTest, ReportedSpeechTransformation) {
  auto coder = MakeTestCoder();
  // "China said Russia attacked Kazakhstan" -> CHN accuses RUS (112); the speech act alone has no
  // target and the reported attack is replaced by the accusation.
  Article a = OneSentence(R"(China China PROPN 2 nsubj
said say VERB 0 root
Russia Russia PROPN 4 nsubj
attacked attack VERB 2 ccomp
Kazakhstan Kazakhstan PROPN 4 obj)");
  EXPECT_EQ(Code(*coder, a), std::vector<std::string>{"CHN 112 RUS"});
  // Reported speech about the speaker's own action keeps the reported event.
  Article b = OneSentence(R"(China China PROPN 2 nsubj
said say VERB 0 root
it it PRON 4 nsubj
attacked attack VERB 2 ccomp
Kazakhstan Kazakhstan PROPN 4 obj)");
  EXPECT_EQ(Code(*coder, b), std::vector<std::string>{"CHN 190 KAZ"});
}

// The reported clause's head may be a predicate whose complement is the coded verb ("China is
// ready to sign"): the speech act still adds nothing to the coded event.
TEST(EventCoderTest, ReportingVerbYieldsToAnEventInsideItsClause) {
  auto coder = MakeTestCoder();
  Article a = OneSentence(R"(a a DET 3 det
senior senior ADJ 3 amod
president president NOUN 4 nsubj
said say VERB 0 root
China China PROPN 7 nsubj
is be AUX 7 cop
ready ready ADJ 4 ccomp
to to PART 9 mark
sign sign VERB 7 xcomp
an a DET 11 det
accord accord NOUN 9 obj
with with ADP 13 case
Russia Russia PROPN 9 obl)");
  EXPECT_EQ(Code(*coder, a), std::vector<std::string>{"CHN 0311 RUS"});
}

TEST(EventCoderTest, IntentComplementUsesTheDictionary) {
  auto coder = MakeTestCoder();
  // "vowed to attack" -> threaten (138) through "~ a (_ b ATTACK) VOW = a b 138".
  Article a = OneSentence(R"(China China PROPN 2 nsubj
vowed vow VERB 0 root
to to PART 4 mark
attack attack VERB 2 xcomp
Russia Russia PROPN 4 obj)");
  EXPECT_EQ(Code(*coder, a), std::vector<std::string>{"CHN 138 RUS"});
  // "is ready to sign an accord": the subject of "ready" signs.
  Article b = OneSentence(R"(China China PROPN 3 nsubj
is be AUX 3 cop
ready ready ADJ 0 root
to to PART 5 mark
sign sign VERB 3 xcomp
an a DET 7 det
accord accord NOUN 5 obj
with with ADP 9 case
Russia Russia PROPN 5 obl)");
  EXPECT_EQ(Code(*coder, b), std::vector<std::string>{"CHN 0311 RUS"});
}

TEST(EventCoderTest, MultiWordVerbWithParticle) {
  auto coder = MakeTestCoder();
  Article a = OneSentence(R"(China China PROPN 2 nsubj
broke break VERB 0 root
down down ADP 2 compound:prt
Russia Russia PROPN 2 obj)");
  std::vector<Event> events;
  coder->Code(a, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].code, "190");
  EXPECT_EQ(a.Slice(events[0].verb_span), "broke down");
  EXPECT_EQ(events[0].rule, "verbs.txt:10");
}

TEST(EventCoderTest, PronounsResolveToEarlierActors) {
  auto coder = MakeTestCoder();
  Article a;
  a.id = "p";
  a.date = "2022-05-20";
  AddSentence(&a, R"(China China PROPN 2 nsubj
met meet VERB 0 root
Russia Russia PROPN 2 obj)");
  AddSentence(&a, R"(It it PRON 2 nsubj
attacked attack VERB 0 root
Kazakhstan Kazakhstan PROPN 2 obj)");
  std::vector<std::string> got = Code(*coder, a);
  EXPECT_NE(std::find(got.begin(), got.end(), "CHN 190 KAZ"), got.end());
  // "the two sides" after a sentence with exactly two actors.
  Article b;
  b.date = "2022-05-20";
  AddSentence(&b, R"(China China PROPN 2 nsubj
met meet VERB 0 root
Russia Russia PROPN 2 obj)");
  AddSentence(&b, R"(The the DET 3 det
two two NUM 3 nummod
sides side NOUN 4 nsubj
agreed agree VERB 0 root)");
  got = Code(*coder, b);
  EXPECT_NE(std::find(got.begin(), got.end(), "CHN 050 RUS"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "RUS 050 CHN"), got.end());
}

TEST(EventCoderTest, AmbiguousPronounIsLeftAlone) {
  auto coder = MakeTestCoder();
  Article a;
  a.date = "2022-05-20";
  AddSentence(&a, R"(China China PROPN 3 nsubj
and and CCONJ 3 cc
Russia Russia PROPN 1 conj
agreed agree VERB 0 root)");
  AddSentence(&a, R"(It it PRON 2 nsubj
attacked attack VERB 0 root
Kazakhstan Kazakhstan PROPN 2 obj)");
  for (const std::string& e : Code(*coder, a)) EXPECT_EQ(e.find("190"), std::string::npos) << e;
}

TEST(EventCoderTest, DiscardsDropSentenceOrArticle) {
  auto coder = MakeTestCoder("FOOTBALL\n+WORLD_CUP\n");
  const char* attack = R"(China China PROPN 2 nsubj
attacked attack VERB 0 root
Russia Russia PROPN 2 obj)";
  Article a;
  a.date = "2022-05-20";
  AddSentence(&a, attack);
  AddSentence(&a, R"(China China PROPN 2 nsubj
attacked attack VERB 0 root
Russia Russia PROPN 2 obj
in in ADP 5 case
football football NOUN 2 obl)");
  EXPECT_EQ(Code(*coder, a).size(), 1u);  // the football sentence is dropped
  Article b;
  b.date = "2022-05-20";
  AddSentence(&b, attack);
  AddSentence(&b, R"(the the DET 3 det
World World PROPN 3 compound
Cup Cup PROPN 0 root)");
  EXPECT_TRUE(Code(*coder, b).empty());  // a story discard drops the whole article
}

TEST(EventCoderTest, DyadRequiredByDefault) {
  auto coder = MakeTestCoder();
  Article a = OneSentence(R"(China China PROPN 2 nsubj
attacked attack VERB 0 root
yesterday yesterday NOUN 2 obl:tmod)");
  EXPECT_TRUE(Code(*coder, a).empty());
  EventCoderOptions loose;
  loose.require_dyad = false;
  std::vector<Event> events;
  coder->CodeSentence(a, 0, 20220520, loose, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].target, "");
}

TEST(EventCoderTest, MalformedParseDoesNotCrash) {
  auto coder = MakeTestCoder();
  // A cycle and an out-of-range head.
  Article a = OneSentence(R"(China China PROPN 2 nsubj
attacked attack VERB 1 root
Russia Russia PROPN 40 obj)");
  std::vector<Event> events;
  coder->Code(a, &events);
  SUCCEED();
}


TEST(EventCoderTest, IntentMapsCooperationTo03) {
  auto coder = MakeTestCoder();
  // "China is ready to meet Russia": 040 under "ready to" becomes 036 (intent to meet), China's
  // alone: Russia has announced nothing (the meeting's reverse event is dropped).
  Article a = OneSentence(R"(China China PROPN 3 nsubj
is be AUX 3 cop
ready ready ADJ 0 root
to to PART 5 mark
meet meet VERB 3 xcomp
Russia Russia PROPN 5 obj)");
  EXPECT_EQ(Code(*coder, a), (std::vector<std::string>{"CHN 036 RUS"}));
  // "Kazakhstan looks forward to Xi's visit": intent to meet the visitor.
  Article b = OneSentence(R"(Kazakhstan Kazakhstan PROPN 2 nsubj
looks look VERB 0 root
forward forward ADV 2 advmod
to to ADP 7 case
Xi Xi PROPN 7 nmod:poss
's 's PART 5 case
visit visit NOUN 2 obl)");
  std::vector<Event> events;
  coder->Code(b, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "KAZ");
  EXPECT_EQ(events[0].target, "CHNGOV");
  EXPECT_EQ(events[0].code, "036");
  EXPECT_EQ(events[0].rule, "builtin:intent-to-meet");
}

TEST(EventCoderTest, ObjectActsInOnClause) {
  auto coder = MakeTestCoder();
  // "Russia criticized China for attacking Kazakhstan": China attacks, Russia criticizes.
  Article a = OneSentence(R"(Russia Russia PROPN 2 nsubj
criticized criticize VERB 0 root
China China PROPN 2 obj
for for SCONJ 5 mark
attacking attack VERB 2 advcl
Kazakhstan Kazakhstan PROPN 5 obj)");
  EXPECT_EQ(Code(*coder, a), (std::vector<std::string>{"CHN 190 KAZ", "RUS 111 CHN"}));
}

TEST(EventCoderTest, LaterBareSurnameKeepsTheCode) {
  auto coder = MakeTestCoder();
  Article a;
  a.date = "2022-05-20";
  // "Kazakh President Kassymov met Xi." ... "Kassymov attacked Russia." (a name not in the dictionary)
  AddSentence(&a, R"(Kazakh Kazakh ADJ 2 amod
President president PROPN 3 compound
Kassymov Kassymov PROPN 4 nsubj
met meet VERB 0 root
Xi Xi PROPN 4 obj)");
  AddSentence(&a, R"(Kassymov Kassymov PROPN 2 nsubj
attacked attack VERB 0 root
Russia Russia PROPN 2 obj)");
  std::vector<std::string> got = Code(*coder, a);
  EXPECT_NE(std::find(got.begin(), got.end(), "KAZGOV 190 RUS"), got.end());
}

// The coder on PETRARCH's dictionaries in ../shared/petrarch; null where they are absent.
std::unique_ptr<Coder> SharedPetrarchCoder() {
  std::string dir = std::string(DRAGOMAN_SHARED_DIR) + "/petrarch";
  FILE* f = std::fopen((dir + "/CAMEO.2.0.txt").c_str(), "rb");
  if (!f) return nullptr;
  std::fclose(f);
  std::vector<std::string> warnings;
  Result<std::unique_ptr<Coder>> coder = MakeCoder({.dict_dir = dir, .warnings = &warnings});
  EXPECT_TRUE(coder.ok()) << coder.status().message();
  return coder.ok() ? std::move(*coder) : nullptr;
}

TEST(EventCoderTest, PetrarchCoderOnSharedDictionaries) {
  std::unique_ptr<Coder> coder = SharedPetrarchCoder();
  if (!coder) GTEST_SKIP() << "no PETRARCH dictionaries in " << DRAGOMAN_SHARED_DIR << "/petrarch";
  // "Kazakh" is not in Phoenix; dragoman's country list adds it.
  Article a = OneSentence(R"(The the DET 3 det
Kazakh Kazakh ADJ 3 amod
president president NOUN 4 nsubj
met meet VERB 0 root
Chinese Chinese ADJ 6 amod
minister minister NOUN 4 obj)");
  std::vector<Event> events;
  coder->Code(a, &events);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].source, "KAZGOV");
  EXPECT_EQ(events[0].target, "CHNGOV");
  EXPECT_EQ(events[0].code.substr(0, 2), "04");
  // The coding rules are dragoman's whatever the dictionary: a meeting is coded both ways.
  bool reverse = false;
  for (const Event& e : events) reverse |= e.source == "CHNGOV" && e.target == "KAZGOV" && e.code.substr(0, 2) == "04";
  EXPECT_TRUE(reverse);
}

// PETRARCH's bare SAY codes a statement toward an actor of the reported clause; what that clause
// calls the actor decides the code, as for "called X a liar" (AFINN-165 valence).
TEST(EventCoderTest, PetrarchStatementCallingItsTargetSomethingIsCriticism) {
  if (!text::ToneLexicon::Default()) GTEST_SKIP() << "no tone lexicon (build/external/tone_afinn165.tsv)";
  std::unique_ptr<Coder> coder = SharedPetrarchCoder();
  if (!coder) GTEST_SKIP() << "no PETRARCH dictionaries in " << DRAGOMAN_SHARED_DIR << "/petrarch";
  Article a = OneSentence(R"(Iran Iran PROPN 2 nsubj
said say VERB 0 root
the the DET 5 det
American American ADJ 5 amod
invasion invasion NOUN 7 nsubj
was be AUX 7 cop
illegal illegal ADJ 2 ccomp)");
  std::vector<Event> events;
  coder->Code(a, &events);
  bool criticism = false;
  for (const Event& e : events) {
    EXPECT_NE(e.code, "010") << e.source << " " << e.target;
    criticism |= e.source == "IRN" && e.target.starts_with("USA") && e.code.starts_with("11");
  }
  EXPECT_TRUE(criticism);
}

TEST(EventCoderTest, NewActorsFromUnknownPhrasesWhenAsked) {
  auto coder = MakeTestCoder();
  Article a = OneSentence(R"(the the DET 2 det
ministry ministry NOUN 3 nsubj
attacked attack VERB 0 root
Russia Russia PROPN 3 obj)");
  EXPECT_TRUE(Code(*coder, a).empty());  // off by default
  EventCoderOptions options;
  options.new_actor_length = 2;
  std::vector<Event> events;
  coder->CodeSentence(a, 0, 20220520, options, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "\"THE MINISTRY\"");
  EXPECT_EQ(events[0].target, "RUS");
  options.new_actor_length = 1;  // too long now
  events.clear();
  coder->CodeSentence(a, 0, 20220520, options, &events);
  EXPECT_TRUE(events.empty());
}


// A coder on the shared test actors with its own agents and verbs.
std::shared_ptr<EventCoder> MakeCoderWith(const char* agents, const char* verbs, const char* actors = kActors) {
  Lexicon d;
  EXPECT_TRUE(ReadPetrarchActors(actors, "actors.txt", true, nullptr, &d.actors).ok());
  EXPECT_TRUE(ReadPetrarchAgents(agents, "agents.txt", true, nullptr, &d.actors, &d.agent_prefix).ok());
  EXPECT_TRUE(ReadPetrarchVerbsInto(verbs, "verbs.txt", true, nullptr, &d.verbs).ok());
  EXPECT_TRUE(ReadPetrarchDiscards("", "discards.txt", true, nullptr, &d.discards).ok());
  return std::shared_ptr<EventCoder>(MakeEventCoder(std::move(d)).release());
}

TEST(EventCoderTest, CompoundNounBeforePatternHeadBlocksTheNounPhrase) {
  auto coder = MakeCoderWith("PRESIDENT [~GOV]\n", R"(&TIES
+ECONOMIC
+MILITARY

--- ABANDON [345] ---
ABANDON
- * {NEW &TIES RELATIONS} [903]
)");
  // An adjective between the pattern's words is allowed ...
  Article adj = OneSentence(R"(China China PROPN 2 nsubj
abandoned abandon VERB 0 root
new new ADJ 6 amod
global global ADJ 6 amod
economic economic ADJ 6 amod
relations relation NOUN 2 obj
with with ADP 8 case
Russia Russia PROPN 2 obl)");
  EXPECT_EQ(Code(*coder, adj), std::vector<std::string>{"CHN 903 RUS"});
  // ... but "trade relations" is another noun than "relations": the block code applies.
  Article compound = OneSentence(R"(China China PROPN 2 nsubj
abandoned abandon VERB 0 root
new new ADJ 6 amod
economic economic ADJ 6 amod
trade trade NOUN 6 compound
relations relation NOUN 2 obj
with with ADP 8 case
Russia Russia PROPN 2 obl)");
  EXPECT_EQ(Code(*coder, compound), std::vector<std::string>{"CHN 345 RUS"});
}

TEST(EventCoderTest, MisspeltEsFormIsNotTheVerb) {
  auto coder = MakeTestCoder();
  // "attackes": the parser's lemma is "attack", but English adds -es only after s, x, z, ch, sh, o.
  Article bad = OneSentence(R"(China China PROPN 2 nsubj
attackes attack VERB 0 root
Russia Russia PROPN 2 obj)");
  EXPECT_TRUE(Code(*coder, bad).empty());
  Article good = OneSentence(R"(China China PROPN 2 nsubj
attacks attack VERB 0 root
Russia Russia PROPN 2 obj)");
  EXPECT_EQ(Code(*coder, good), std::vector<std::string>{"CHN 190 RUS"});
}

TEST(EventCoderTest, ModifiersBeforeConjoinedAgentsApplyToEach) {
  auto coder = MakeCoderWith("ISLAMIST [~MUS]\nMEDIA [~MED]\nGOVERNMENT [~GOV]\n", R"(--- ATTACK [190] ---
ATTACK
)");
  // "Chinese Islamist media and government": both the actor and the "Islamist" agent belong to
  // the government too; the head "media" keeps its own agent.
  Article a = OneSentence(R"(Chinese Chinese ADJ 3 amod
Islamist Islamist ADJ 3 amod
media media NOUN 6 nsubj
and and CCONJ 5 cc
government government NOUN 3 conj
attacked attack VERB 0 root
Russia Russia PROPN 6 obj)");
  EXPECT_EQ(Code(*coder, a), (std::vector<std::string>{"CHNMUSGOV 190 RUS", "CHNMUSMED 190 RUS"}));
  // Without a shared agent the actor alone is carried over.
  Article b = OneSentence(R"(Chinese Chinese ADJ 2 amod
media media NOUN 5 nsubj
and and CCONJ 4 cc
government government NOUN 2 conj
attacked attack VERB 0 root
Russia Russia PROPN 5 obj)");
  EXPECT_EQ(Code(*coder, b), (std::vector<std::string>{"CHNGOV 190 RUS", "CHNMED 190 RUS"}));
}


TEST(EventCoderTest, InfinitiveMarkerIsNoPrepositionalPhrase) {
  auto coder = MakeCoderWith("PRESIDENT [~GOV]\n", R"(--- ACCORD [013] ---
ACCORD
- (TO) * [073]
)");
  // "is inching nearer to accord with Russia": "to" marks the infinitive, so "(TO) *" does not
  // apply and the block code does.
  Article inf = OneSentence(R"(China China PROPN 3 nsubj
is be AUX 3 aux
inching inch VERB 0 root
nearer nearer ADJ 3 xcomp
to to PART 6 mark
accord accord VERB 3 advcl
with with ADP 8 case
Russia Russia PROPN 6 obl)");
  EXPECT_EQ(Code(*coder, inf), std::vector<std::string>{"CHN 013 RUS"});
  // A real "to" phrase before the verb still matches: "China, to Russia, accorded".
  Article pp = OneSentence(R"(China China PROPN 5 nsubj
, , PUNCT 4 punct
to to ADP 4 case
Russia Russia PROPN 5 obl
accorded accord VERB 0 root)");
  EXPECT_EQ(Code(*coder, pp), std::vector<std::string>{"CHN 073 RUS"});
}


TEST(EventCoderTest, ConjoinedPossessiveNamesItsOwner) {
  // A person whose code is a plain three-letter one, as PETRARCH dictionaries have many.
  auto coder = MakeCoderWith("PRESIDENT [~GOV]\n", "--- ATTACK [190] ---\nATTACK\n",
                             "CHINA_ [CHN]\nRUSSIA_ [RUS]\nKAZAKHSTAN_ [KAZ]\nELROND_ [ELF]\n");
  // "attacked Russia and China's Elrond": the second target is China's (the owner before the
  // head); Elrond's own code is not added to Russia's phrase.
  Article a = OneSentence(R"(Kazakhstan Kazakhstan PROPN 2 nsubj
attacked attack VERB 0 root
Russia Russia PROPN 2 obj
and and CCONJ 7 cc
China China PROPN 7 nmod:poss
's 's PART 5 case
Elrond Elrond PROPN 3 conj)");
  EXPECT_EQ(Code(*coder, a), (std::vector<std::string>{"KAZ 190 CHN", "KAZ 190 RUS"}));
}


TEST(EventCoderTest, NameMisparsedAsPrepositionStillModifiesThePhrase) {
  auto coder = MakeCoderWith("PRESIDENT [~GOV]\n", "--- ATTACK [190] ---\nATTACK\n",
                             "CHINA_ [CHN]\nRUSSIA_ [RUS]\nKAZAKHSTAN_ [KAZ]\nELROND_ [ELF]\n");
  // "China and the evil Russia awful Kazakhstan attacked Elrond", parsed with "Russia" as the
  // case marker of "Kazakhstan": the conjunct is Russia, its first name.
  Article a = OneSentence(R"(China China PROPN 8 nsubj
and and CCONJ 4 cc
the the DET 4 det
evil evil NOUN 1 conj
Russia Russia ADP 7 case
awful awful ADJ 7 amod
Kazakhstan Kazakhstan PROPN 4 nmod
attacked attack VERB 0 root
Elrond Elrond PROPN 8 obj)");
  EXPECT_EQ(Code(*coder, a), (std::vector<std::string>{"CHN 190 ELF", "RUS 190 ELF"}));
}


TEST(EventCoderTest, EachFurtherSkipPassesOverTheNextActor) {
  auto coder = MakeCoderWith("PARLIAMENT [~LEG]\n", R"(--- CELEBRATE [017] ---
CELEBRATE
- * IFTAR (AT ^ ^) + [018]
)");
  // "(AT ^ ^) +": the first ^ is the "at" phrase, the second the parliament after it; the
  // target is the actor after both.
  Article a = OneSentence(R"(China China PROPN 2 nsubj
celebrated celebrate VERB 0 root
Iftar Iftar PROPN 2 obj
at at ADP 5 case
Kazakhstan Kazakhstan PROPN 2 obl
with with ADP 8 case
the the DET 8 det
parliament parliament NOUN 2 obl
of of ADP 10 case
Russia Russia PROPN 8 nmod)");
  EXPECT_EQ(Code(*coder, a), std::vector<std::string>{"CHN 018 RUS"});
}

}  // namespace
}  // namespace dragoman::coding
