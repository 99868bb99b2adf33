#include "syntax/evaluator.h"

#include <algorithm>
#include <map>

namespace dragoman::syntax {
namespace {

bool SpanLess(const Span& a, const Span& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; }

void CountSpans(const std::vector<Span>& gold, const std::vector<Span>& system, Count* c) {
  c->gold += gold.size();
  c->system += system.size();
  std::vector<Span> g = gold, s = system;
  std::sort(g.begin(), g.end(), SpanLess);
  std::sort(s.begin(), s.end(), SpanLess);
  size_t i = 0, j = 0;
  while (i < g.size() && j < s.size()) {
    if (g[i] == s[j]) {
      ++c->correct;
      ++i;
      ++j;
    } else if (SpanLess(g[i], s[j])) {
      ++i;
    } else {
      ++j;
    }
  }
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string UniversalRelation(const std::string& deprel) { return deprel.substr(0, deprel.find(':')); }

void ScoreDocument(const EvalDoc& gold, const EvalDoc& system, Scores* scores) {
  CountSpans(gold.tokens, system.tokens, &scores->tokens);
  CountSpans(gold.sentences, system.sentences, &scores->sentences);
  // Align words with identical spans (the first unused one when spans repeat).
  std::map<std::pair<size_t, size_t>, std::vector<long>> gold_at;
  for (size_t i = 0; i < gold.words.size(); ++i) {
    gold_at[{gold.words[i].span.begin, gold.words[i].span.end}].push_back(static_cast<long>(i));
  }
  std::vector<long> align(system.words.size(), -1);  // system word -> gold word
  for (size_t i = 0; i < system.words.size(); ++i) {
    auto it = gold_at.find({system.words[i].span.begin, system.words[i].span.end});
    if (it == gold_at.end() || it->second.empty()) continue;
    align[i] = it->second.front();
    it->second.erase(it->second.begin());
  }
  Count* all[] = {&scores->words, &scores->upos, &scores->xpos, &scores->lemma, &scores->feats, &scores->uas,
                  &scores->las};
  for (Count* c : all) {
    c->gold += gold.words.size();
    c->system += system.words.size();
  }
  for (size_t i = 0; i < system.words.size(); ++i) {
    if (align[i] < 0) continue;
    const EvalWord& s = system.words[i];
    const EvalWord& g = gold.words[align[i]];
    ++scores->words.correct;
    scores->upos.correct += s.upos == g.upos;
    scores->xpos.correct += s.xpos == g.xpos;
    scores->lemma.correct += s.lemma == g.lemma;
    scores->feats.correct += s.feats == g.feats;
    bool head_ok = (s.head < 0 && g.head < 0) ||
                   (s.head >= 0 && g.head >= 0 && static_cast<size_t>(s.head) < align.size() && align[s.head] == g.head);
    if (head_ok) {
      ++scores->uas.correct;
      scores->las.correct += UniversalRelation(s.deprel) == UniversalRelation(g.deprel);
    }
  }
}

Scores EvaluateGold(const Model& model, const std::vector<ConlluSentence>& gold,
                    std::vector<ConlluSentence>* system, Model::Parsing parsing) {
  Scores scores;
  // Each sentence is its own document; spans are word positions.
  for (const ConlluSentence& c : gold) {
    Sentence sys = ToSentence(c, false);
    model.Annotate(sys, parsing);
    EvalDoc g, s;
    std::vector<const ConlluRow*> words = c.Words();
    for (size_t i = 0; i < words.size(); ++i) {
      const ConlluRow& r = *words[i];
      g.words.push_back({Span{i, i + 1}, r.upos(), r.xpos(), r.lemma(), r.feats(), r.deprel(), r.head - 1L});
      const Token& t = sys.tokens[i];
      s.words.push_back({Span{i, i + 1}, t.upos, t.xpos, t.lemma, t.feats, t.deprel, t.head - 1L});
    }
    ScoreDocument(g, s, &scores);
    if (system) system->push_back(FromSentence(sys, c.Comment("sent_id"), c.Comment("text")));
  }
  return scores;
}

void BuildRawDocuments(const std::vector<ConlluSentence>& gold, std::vector<Article>* articles,
                       std::vector<EvalDoc>* docs) {
  for (const ConlluSentence& c : gold) {
    bool newdoc = false, newpar = false;
    c.Comment("newdoc id", &newdoc);
    if (!newdoc) c.Comment("newdoc", &newdoc);
    c.Comment("newpar id", &newpar);
    if (!newpar) c.Comment("newpar", &newpar);
    if (newdoc || articles->empty()) {
      articles->emplace_back();
      articles->back().id = c.Comment("newdoc id");
      docs->emplace_back();
    } else if (newpar) {
      articles->back().text += "\n\n";
    } else if (!articles->back().text.empty()) {
      articles->back().text += " ";
    }
    Article& a = articles->back();
    EvalDoc& d = docs->back();
    std::string text = c.Comment("text");
    const size_t base = a.text.size();
    a.text += text;
    // Locate each surface token in the sentence text, skipping whitespace.
    size_t pos = 0;
    std::vector<const ConlluRow*> words = c.Words();
    const long word_base = static_cast<long>(d.words.size());
    for (const ConlluRow* w : words) {
      d.words.push_back({Span{}, w->upos(), w->xpos(), w->lemma(), w->feats(), w->deprel(),
                         w->head > 0 ? word_base + w->head - 1 : -1});
    }
    size_t first_begin = std::string::npos, last_end = 0;
    auto place = [&](const std::string& form) -> Span {
      while (pos < text.size() && IsSpace(text[pos])) ++pos;
      size_t at = pos;
      if (text.compare(pos, form.size(), form) != 0) {
        size_t found = text.find(form, pos);
        if (found == std::string::npos) return Span{base + pos, base + pos};
        at = found;
      }
      pos = at + form.size();
      return Span{base + at, base + pos};
    };
    for (const ConlluRow& r : c.rows) {
      if (r.kind == ConlluRow::kEmpty) continue;
      if (r.kind == ConlluRow::kWord) {
        bool inside_mwt = false;
        for (const ConlluRow& m : c.rows) {
          if (m.kind == ConlluRow::kMultiword && r.first >= m.first && r.first <= m.last) inside_mwt = true;
        }
        if (inside_mwt) continue;
        Span sp = place(r.form());
        d.words[word_base + r.first - 1].span = sp;
        d.tokens.push_back(sp);
        first_begin = std::min(first_begin, sp.begin);
        last_end = std::max(last_end, sp.end);
      } else {
        Span sp = place(r.form());
        d.tokens.push_back(sp);
        first_begin = std::min(first_begin, sp.begin);
        last_end = std::max(last_end, sp.end);
        // Words of a multiword token get consecutive pieces when they spell it ("Google" + "'s").
        size_t at = sp.begin;
        bool spelled = true;
        for (int k = r.first; k <= r.last && k <= static_cast<int>(words.size()); ++k) {
          const std::string& f = words[k - 1]->form();
          if (at + f.size() > sp.end) {
            spelled = false;
            break;
          }
          at += f.size();
        }
        spelled = spelled && at == sp.end;
        at = sp.begin;
        for (int k = r.first; k <= r.last && k <= static_cast<int>(words.size()); ++k) {
          size_t len = words[k - 1]->form().size();
          d.words[word_base + k - 1].span = spelled ? Span{at, at + len} : (k == r.first ? sp : Span{sp.end, sp.end});
          at += len;
        }
      }
    }
    if (first_begin != std::string::npos) d.sentences.push_back(Span{first_begin, last_end});
  }
}

Scores EvaluateRaw(const Model& model, const std::vector<ConlluSentence>& gold, const Segmenter& segment,
                   Model::Parsing parsing) {
  std::vector<Article> articles;
  std::vector<EvalDoc> gold_docs;
  BuildRawDocuments(gold, &articles, &gold_docs);
  Scores scores;
  for (size_t d = 0; d < articles.size(); ++d) {
    Article& a = articles[d];
    segment(a);
    EvalDoc sys;
    for (Sentence& s : a.sentences) {
      if (s.tokens.empty()) continue;
      model.Annotate(s, parsing);
      const long base = static_cast<long>(sys.words.size());
      for (const Token& t : s.tokens) {
        sys.words.push_back({t.span, t.upos, t.xpos, t.lemma, t.feats, t.deprel, t.head > 0 ? base + t.head - 1 : -1});
      }
      // Surface tokens: a word and the contraction clitics written against it form one token.
      for (size_t i = 0; i < s.tokens.size();) {
        size_t j = i;
        while (j + 1 < s.tokens.size() && s.tokens[j].span.end == s.tokens[j + 1].span.begin &&
               IsContractionClitic(a.Slice(s.tokens[j + 1].span))) {
          ++j;
        }
        sys.tokens.push_back(Span{s.tokens[i].span.begin, s.tokens[j].span.end});
        i = j + 1;
      }
      sys.sentences.push_back(Span{s.tokens.front().span.begin, s.tokens.back().span.end});
    }
    ScoreDocument(gold_docs[d], sys, &scores);
  }
  return scores;
}

}  // namespace dragoman::syntax
