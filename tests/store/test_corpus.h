// Hand-written articles with hand-coded events, for the store, API and dashboard tests: the
// store is tested apart from the coder, so these do not change when the coder improves.
//
//   for (const auto& [article, events] : test_corpus::Articles()) store->PutArticle(article, events);
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/event.h"

namespace dragoman::test_corpus {

// An article whose text is the title, a newline, then the sentences separated by spaces.
inline Article MakeArticle(const std::string& id, const std::string& date, const std::string& source,
                           const std::string& title, const std::vector<std::string>& sentences) {
  Article a;
  a.id = id;
  a.date = date;
  a.source = source;
  a.url = "https://news.example/" + id;
  a.title = title;
  a.origin = "test_corpus:" + id;
  a.text = title + "\n";
  a.title_span = {0, title.size()};
  Sentence t;
  t.span = a.title_span;
  t.is_title = true;
  a.sentences.push_back(t);
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i) a.text += " ";
    Sentence s;
    s.span = {a.text.size(), a.text.size() + sentences[i].size()};
    a.text += sentences[i];
    a.sentences.push_back(s);
  }
  return a;
}

// The span of words inside sentence `sentence` of the article; throws when absent (a broken test).
inline Span Find(const Article& a, int sentence, const std::string& words) {
  Span s = a.sentences.at(sentence).span;
  size_t at = a.Slice(s).find(words);
  if (at == std::string::npos) throw std::logic_error("test corpus: \"" + words + "\" not in sentence");
  return {s.begin + at, s.begin + at + words.size()};
}

// The CAMEO facts the fixture uses (GDELT's Goldstein scores and quad classes).
inline void Complete(Event& e) {
  struct Fact {
    const char* code;
    int quad;
    double goldstein;
  };
  static const Fact kFacts[] = {{"030", 1, 4.0},  {"036", 1, 4.0},  {"040", 1, 1.0},  {"051", 1, 3.4},
                                {"057", 1, 8.0},  {"071", 2, 7.4},  {"111", 3, -2.0}, {"112", 3, -2.0},
                                {"173", 4, -5.0}, {"190", 4, -10.0}};
  e.root = e.code.substr(0, 2);
  for (const Fact& f : kFacts) {
    if (e.code == f.code) {
      e.quad_class = f.quad;
      e.goldstein = f.goldstein;
      e.has_goldstein = true;
    }
  }
}

inline Event MakeEvent(const Article& a, int sentence, const std::string& source,
                       const std::string& source_words, const std::string& code,
                       const std::string& verb_words, const std::string& target,
                       const std::string& target_words) {
  Event e;
  e.article_id = a.id;
  e.date = a.date;
  e.sentence_index = sentence;
  e.source = source;
  e.target = target;
  e.code = code;
  e.source_span = Find(a, sentence, source_words);
  e.verb_span = Find(a, sentence, verb_words);
  e.target_span = Find(a, sentence, target_words);
  e.rule = "test_corpus:" + code;
  Complete(e);
  return e;
}

using CodedArticle = std::pair<Article, std::vector<Event>>;

// Five articles, 2022-05 to 2023-01, about China, Kazakhstan and Russia, in every quad class.
// Distinct events (date, source, target, code): 9. Mentions: 11. The event
// (2022-05-20, CHNGOV, KAZGOV, 040) is reported by a1 and a3 (two sources); (2022-05-20, CHN,
// KAZ, 030) by two sentences of a1.
inline std::vector<CodedArticle> Articles() {
  std::vector<CodedArticle> out;
  {
    Article a =
        MakeArticle("a1", "2022-05-20", "Silk Road Observer", "Kazakhstan looks forward to Xi's visit",
                    {"Chinese President Xi Jinping met with Kazakh President Tokayev on Friday.",
                     "China is ready to work with Kazakhstan on trade.",
                     "Tokayev congratulated China on hosting the Winter Olympics.",
                     "China is ready to deepen security cooperation with Kazakhstan."});
    std::vector<Event> e = {
        MakeEvent(a, 1, "CHNGOV", "Xi Jinping", "040", "met with", "KAZGOV", "Tokayev"),
        MakeEvent(a, 2, "CHN", "China", "030", "is ready to work with", "KAZ", "Kazakhstan"),
        MakeEvent(a, 3, "KAZGOV", "Tokayev", "051", "congratulated", "CHN", "China"),
        MakeEvent(a, 4, "CHN", "China", "030", "is ready to deepen", "KAZ", "Kazakhstan"),
        MakeEvent(a, 0, "KAZ", "Kazakhstan", "036", "looks forward to", "CHNGOV", "Xi"),
    };
    out.emplace_back(a, e);
  }
  {
    Article a = MakeArticle("a2", "2022-05-21", "Astana Times", "Kazakhstan and China sign trade deal",
                            {"Kazakhstan signed a trade agreement with China on Saturday.",
                             "China will provide economic aid to Kazakhstan."});
    std::vector<Event> e = {
        MakeEvent(a, 1, "KAZ", "Kazakhstan", "057", "signed a trade agreement", "CHN", "China"),
        MakeEvent(a, 2, "CHN", "China", "071", "will provide economic aid", "KAZ", "Kazakhstan"),
    };
    out.emplace_back(a, e);
  }
  {
    Article a = MakeArticle("a3", "2022-05-20", "Astana Times", "Xi meets Tokayev",
                            {"Xi Jinping met with Tokayev in Astana."});
    std::vector<Event> e = {MakeEvent(a, 1, "CHNGOV", "Xi Jinping", "040", "met with", "KAZGOV", "Tokayev")};
    out.emplace_back(a, e);
  }
  {
    Article a = MakeArticle("a4", "2022-08-03", "Steppe News", "Grain dispute",
                            {"Russia criticized Kazakhstan over its grain export ban.",
                             "Kazakh police arrested Russian activists in Almaty."});
    std::vector<Event> e = {
        MakeEvent(a, 1, "RUS", "Russia", "111", "criticized", "KAZ", "Kazakhstan"),
        MakeEvent(a, 2, "KAZCOP", "Kazakh police", "173", "arrested", "RUS", "Russian activists"),
    };
    out.emplace_back(a, e);
  }
  {
    Article a = MakeArticle("a5", "2023-01-10", "Silk Road Observer", "Water talks",
                            {"Kazakhstan accused China of polluting the Ili River."});
    std::vector<Event> e = {MakeEvent(a, 1, "KAZ", "Kazakhstan", "112", "accused", "CHN", "China")};
    out.emplace_back(a, e);
  }
  return out;
}

}  // namespace dragoman::test_corpus
