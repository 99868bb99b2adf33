// Deterministic fuzzing of the PETRARCH readers and the event coder: random and mangled input must
// give a result or a message, never a crash or a hang.
#include <gtest/gtest.h>

#include <random>

#include "coding/event_coder.h"
#include "coding/petrarch_reader.h"
#include "coding/petrarch_reader.h"

namespace dragoman::coding {
namespace {

const char* kSeedText = R"(&SYN
+WORD_
--- BLOCK [040:041] ---
VERB {VERBS VERBED}
+MULTI_WORD
- $ * {A &SYN} (WITH +) (IN ^) [042]
- % NOT * [---]
~ a (b . VERB) VERB = a b 112
ACTOR_NAME [ABC 990101-020202]
+SYNONYM
	[DEF >20100101]
!SET! = X, Y
AGENT!SET! {} [~GOV]
+DISCARD
)";

std::string Mangle(std::mt19937& rng, const std::string& seed) {
  std::string s = seed;
  std::uniform_int_distribution<int> op(0, 3), byte(0, 255);
  int edits = 1 + static_cast<int>(rng() % 20);
  for (int i = 0; i < edits && !s.empty(); ++i) {
    size_t pos = rng() % s.size();
    switch (op(rng)) {
      case 0: s[pos] = static_cast<char>(byte(rng)); break;
      case 1: s.erase(pos, 1 + rng() % 5); break;
      case 2: s.insert(pos, 1, "[]{}()$+^%&~!_-#<>\n\t "[rng() % 22]); break;
      default: s.insert(pos, s.substr(rng() % s.size(), 1 + rng() % 10)); break;
    }
  }
  return s;
}

TEST(PetrarchFuzzTest, ReadersNeverCrash) {
  std::mt19937 rng(12345);
  for (int i = 0; i < 2000; ++i) {
    std::string text = Mangle(rng, kSeedText);
    std::vector<std::string> warnings;
    (void)ReadPetrarchVerbs(text, "f.txt", i % 2 == 0, &warnings);
    ActorDictionary actors;
    std::vector<bool> prefix;
    std::vector<ActorEntry> extra;
    (void)ReadPetrarchActors(text, "f.txt", false, &warnings, &actors, &extra);
    (void)ReadPetrarchAgents(text, "f.txt", false, &warnings, &actors, &prefix);
    DiscardList discards;
    (void)ReadPetrarchDiscards(text, "f.txt", false, &warnings, &discards);
    std::vector<IssueEntry> issues;
    (void)ReadPetrarchIssues(text, "f.txt", false, &warnings, &issues);
  }
  SUCCEED();
}

TEST(PetrarchFuzzTest, CoderSurvivesRandomParses) {
  Lexicon d;
  ASSERT_TRUE(ReadPetrarchActors("CHINA [CHN]\nRUSSIA [RUS]\n", "a.txt", true, nullptr, &d.actors).ok());
  ASSERT_TRUE(ReadPetrarchAgents("PRESIDENT [~GOV]\n", "g.txt", true, nullptr, &d.actors, &d.agent_prefix).ok());
  ASSERT_TRUE(ReadPetrarchVerbsInto("--- MEET [040:040] ---\nMEET\n- * (WITH +) [041]\n- % * [042]\n", "v.txt", true,
                                    nullptr, &d.verbs).ok());
  std::unique_ptr<EventCoder> coder = MakeEventCoder(std::move(d));
  const char* words[] = {"China", "Russia", "met", "with", "president", "and", "not", "it", "the", "two", "sides", "-"};
  const char* rels[] = {"nsubj", "obj", "obl", "conj", "appos", "xcomp", "ccomp", "advcl", "case", "mark",
                        "nsubj:pass", "obl:agent", "compound", "flat", "dep", "acl", "nmod:poss", "neg"};
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    Article a;
    a.date = "2022-05-20";
    int sentences = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < sentences; ++k) {
      Sentence s;
      int n = 1 + static_cast<int>(rng() % 12);
      for (int t = 0; t < n; ++t) {
        Token tok;
        tok.form = words[rng() % 12];
        tok.lemma = rng() % 4 == 0 ? "" : std::string(tok.form);
        tok.upos = rng() % 2 ? "VERB" : "PROPN";
        tok.head = static_cast<int>(rng() % (n + 3)) - 1;  // includes -1, out of range and cycles
        tok.deprel = rels[rng() % 18];
        tok.span = Span{a.text.size(), a.text.size() + tok.form.size()};
        a.text += tok.form + " ";
        s.tokens.push_back(std::move(tok));
      }
      a.sentences.push_back(std::move(s));
    }
    std::vector<Event> events;
    coder->Code(a, &events);
    for (const Event& e : events) {
      EXPECT_FALSE(e.source.empty());
      EXPECT_LE(e.source_span.end, a.text.size());
    }
  }
}

}  // namespace
}  // namespace dragoman::coding
