// Tokenization and sentence-splitting accuracy on UD English-EWT, measured as CoNLL 2018 does:
// each test document's raw text is rebuilt from its `# text` lines (a space between sentences, a
// line break at `# newpar`), segmented, and tokens, words and sentences are matched by their
// character offsets with whitespace removed. Prints the figures and asserts floors a little
// below what the segmenter reaches, so that a regression fails.
//
// Other treebank files: DRAGOMAN_EWT_FILE=path/to/file.conllu build-text/tests/test_text
//   --gtest_filter='EwtAccuracy*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "text/lexicon.h"
#include "text/segmenter.h"

namespace dragoman::text {
namespace {

using Spans = std::set<std::pair<size_t, size_t>>;  // [begin, end) in non-whitespace characters

struct GoldDocument {
  std::string text;
  Spans tokens, words, sentences;
};

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t NonSpaceLength(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += !IsSpaceByte(c);
  return n;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string field;
  while (std::getline(ss, field, '\t')) out.push_back(field);
  return out;
}

// Reads documents from a CoNLL-U file; each document's gold spans count non-space bytes.
std::vector<GoldDocument> ReadGold(const std::string& path) {
  std::vector<GoldDocument> docs;
  std::ifstream in(path);
  std::string line, sentence_text;
  bool newpar = false;
  size_t offset = 0, sentence_begin = 0;
  size_t mwt_end = 0;
  auto add_text = [&](GoldDocument& d) {
    if (!d.text.empty()) d.text += newpar ? "\n" : " ";
    d.text += sentence_text;
    newpar = false;
  };
  while (std::getline(in, line)) {
    if (line.rfind("# newdoc", 0) == 0) {
      docs.emplace_back();
      offset = 0;
      newpar = false;
    } else if (line.rfind("# newpar", 0) == 0) {
      newpar = true;
    } else if (line.rfind("# text = ", 0) == 0) {
      if (docs.empty()) docs.emplace_back();
      sentence_text = line.substr(9);
      add_text(docs.back());
      sentence_begin = offset;
    } else if (line.empty()) {
      if (!docs.empty() && offset > sentence_begin) docs.back().sentences.insert({sentence_begin, offset});
      mwt_end = 0;
    } else if (line[0] != '#') {
      std::vector<std::string> f = SplitTabs(line);
      if (f.size() != 10 || f[0].find('.') != std::string::npos) continue;
      size_t dash = f[0].find('-');
      size_t len = NonSpaceLength(f[1]);
      if (dash != std::string::npos) {
        docs.back().tokens.insert({offset, offset + len});
        mwt_end = std::stoul(f[0].substr(dash + 1));
        continue;
      }
      size_t id = std::stoul(f[0]);
      if (id > mwt_end) docs.back().tokens.insert({offset, offset + len});
      docs.back().words.insert({offset, offset + len});
      offset += len;
    }
  }
  return docs;
}

struct Score {
  size_t gold = 0, system = 0, correct = 0;
  void Add(const Spans& g, const Spans& s) {
    gold += g.size();
    system += s.size();
    for (const auto& x : s) correct += g.count(x);
  }
  double F1() const { return gold + system == 0 ? 0 : 200.0 * correct / (gold + system); }
};

bool IsClitic(const std::string& form) {
  std::string f = AsciiLowerCopy(form);
  return f == "'s" || f == "n't" || f == "'re" || f == "'ll" || f == "'m" || f == "'ve" || f == "'d";
}

struct Result3 {
  Score tokens, words, sentences;
};

Result3 Evaluate(const std::vector<GoldDocument>& docs, const SegmentOptions& options) {
  Result3 r;
  const Lexicon& lexicon = Lexicon::Default();
  for (const GoldDocument& d : docs) {
    Article a;
    a.text = d.text;
    Segment(a, options);
    // Byte offset -> non-space offset.
    std::vector<size_t> at(a.text.size() + 1);
    size_t n = 0;
    for (size_t i = 0; i < a.text.size(); ++i) {
      at[i] = n;
      n += !IsSpaceByte(a.text[i]);
    }
    at[a.text.size()] = n;
    Spans words, tokens, sentences;
    for (const Sentence& s : a.sentences) {
      sentences.insert({at[s.span.begin], at[s.span.end]});
      for (const Token& t : s.tokens) words.insert({at[t.span.begin], at[t.span.end]});
      for (size_t i = 0; i < s.tokens.size(); ++i) {
        const Token& t = s.tokens[i];
        // A surface token joins a word and the clitic or contraction part split from it.
        size_t end = t.span.end;
        while (i + 1 < s.tokens.size() && s.tokens[i + 1].span.begin == end &&
               (IsClitic(s.tokens[i + 1].form) ||
                lexicon.ContractionSplit(std::string(a.Slice({t.span.begin, s.tokens[i + 1].span.end}))) ==
                    t.span.end - t.span.begin)) {
          end = s.tokens[++i].span.end;
        }
        tokens.insert({at[t.span.begin], at[end]});
      }
    }
    if (std::getenv("DRAGOMAN_EWT_DUMP") != nullptr) {
      // Errors, for tuning: gold or system spans that the other side lacks, with their text.
      std::string flat;
      for (char c : a.text) {
        if (!IsSpaceByte(c)) flat.push_back(c);
      }
      auto show = [&](const char* what, const Spans& x, const Spans& y) {
        for (const auto& sp : x) {
          if (!y.count(sp)) {
            size_t from = sp.first >= 20 ? sp.first - 20 : 0;
            std::cerr << what << " [" << flat.substr(sp.first, std::min<size_t>(sp.second - sp.first, 80))
                      << "]  ..." << flat.substr(from, sp.first - from) << "|" << flat.substr(sp.first, 30)
                      << "\n";
          }
        }
      };
      std::string mode = std::getenv("DRAGOMAN_EWT_DUMP");
      if (mode == "words") {
        show("missed", d.words, words);
        show("extra ", words, d.words);
      } else {
        show("missed", d.sentences, sentences);
        show("extra ", sentences, d.sentences);
      }
    }
    r.tokens.Add(d.tokens, tokens);
    r.words.Add(d.words, words);
    r.sentences.Add(d.sentences, sentences);
  }
  return r;
}

TEST(EwtAccuracyTest, TokensWordsAndSentences) {
  const char* env = std::getenv("DRAGOMAN_EWT_FILE");
  std::string path = env ? env : std::string(DRAGOMAN_SHARED_DIR) + "/ud/en_ewt-ud-test.conllu";
  std::vector<GoldDocument> docs = ReadGold(path);
  if (docs.empty()) GTEST_SKIP() << "no EWT file at " << path << " (../shared absent)";
  Result3 r = Evaluate(docs, SegmentOptions());
  SegmentOptions keep;
  keep.drop_boilerplate = false;
  keep.drop_datelines = false;
  Result3 k = Evaluate(docs, keep);
  std::cout << "EWT " << path << ": " << docs.size() << " documents\n"
            << "  default options:         tokens F1 " << r.tokens.F1() << ", words F1 " << r.words.F1()
            << ", sentences F1 " << r.sentences.F1() << "\n"
            << "  keeping boilerplate:     tokens F1 " << k.tokens.F1() << ", words F1 " << k.words.F1()
            << ", sentences F1 " << k.sentences.F1() << "\n";
  if (env == nullptr) {
    // Reached on 2026-11-29 (EWT v2.15 test): tokens 99.41, words 99.20, sentences 84.77 (UDPipe 1 on
    // EWT: about 99.0 tokens and 77 sentences).
    EXPECT_GE(r.tokens.F1(), 99.2);
    EXPECT_GE(r.words.F1(), 99.0);
    EXPECT_GE(r.sentences.F1(), 83.5);
    EXPECT_GE(k.sentences.F1(), 83.5);
  }
}

}  // namespace
}  // namespace dragoman::text
