#include "coding/event_coder.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

namespace dragoman::coding {
namespace {

// A dictionary name as a sequence of normalized units.
struct NameRef {
  std::vector<std::string> units;
  int entry = 0;
  bool exact = false;     // the text must be written as `cased`
  std::string cased;
};

bool IsPronounWord(std::string_view w) {
  return w == "he" || w == "she" || w == "it" || w == "they" || w == "him" || w == "her" || w == "them" ||
         w == "its" || w == "their" || w == "his";
}

bool IsNegationWord(std::string_view w) { return w == "not" || w == "n't" || w == "never" || w == "no"; }

// Relations that do not belong to a noun's own phrase.
bool OutsidePhrase(std::string_view rel) {
  return rel == "conj" || rel == "cc" || rel == "cc:preconj" || rel == "acl" || rel == "acl:relcl" ||
         rel == "relcl" || rel == "advcl" || rel == "ccomp" || rel == "xcomp" || rel == "parataxis" ||
         rel == "appos" || rel == "punct" || rel == "nmod:tmod" || rel == "obl:tmod" || rel == "dep" ||
         rel == "list" || rel == "discourse" || rel == "nsubj" || rel == "nsubjpass" || rel == "nsubj:pass" ||
         rel == "csubj" || rel == "cop" || rel == "aux" || rel == "mark";
}

bool IsNominalRel(std::string_view rel) {
  return rel == "nmod" || rel == "obl" || rel.starts_with("nmod:") || rel.starts_with("obl:");
}

}  // namespace

struct EventCoder::Index {
  std::unordered_map<std::string, std::vector<NameRef>> actors;  // by first unit, longest first
  std::unordered_map<std::string, std::vector<NameRef>> agents;
  // Verb blocks named by transformations, by lemma.
};

namespace {

void AddName(std::unordered_map<std::string, std::vector<NameRef>>* index, const std::string& text,
             int entry, bool exact, const std::string& cased) {
  NameRef ref;
  for (size_t i = 0, j; i < text.size(); i = j + 1) {
    j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (j > i) ref.units.push_back(text.substr(i, j - i));
  }
  if (ref.units.size() > 1 && ref.units[0] == "the") ref.units.erase(ref.units.begin());
  if (ref.units.empty()) return;
  ref.entry = entry;
  ref.exact = exact;
  ref.cased = cased;
  (*index)[ref.units[0]].push_back(std::move(ref));
}

// Per-sentence analysis.
struct Analysis {
  const Sentence* s = nullptr;
  int n = 0;
  std::vector<int> head;                 // 0-based, -1 for the root
  std::vector<std::vector<int>> kids;
  std::vector<std::string> low, lem, rel;
  std::vector<int> actor_at, agent_at;   // mention index per token, -1 none
  struct Mention {
    int begin, end, entry;
  };
  std::vector<Mention> actor_mentions, agent_mentions;

  bool HasChildRel(int t, std::initializer_list<std::string_view> rels) const {
    for (int k : kids[t])
      for (std::string_view r : rels)
        if (rel[k] == r) return true;
    return false;
  }
  int ChildWithRel(int t, std::initializer_list<std::string_view> rels) const {
    for (int k : kids[t])
      for (std::string_view r : rels)
        if (rel[k] == r) return k;
    return -1;
  }
  bool InSubtree(int t, int root) const {
    for (int guard = 0; t >= 0 && guard < n; ++guard) {
      if (t == root) return true;
      t = head[t];
    }
    return false;
  }
  // The case/mark word of a nominal, "" when none.
  std::string CaseOf(int t) const {
    for (int k : kids[t])
      if (rel[k] == "case" || rel[k] == "mark") return low[k];
    return "";
  }
};

struct ActorCode {
  std::string code;
  std::string base;   // the actor's own code without agents ("---" when only agents)
  int first = 0, last = 0;  // tokens
};

std::string Compose(const std::vector<std::string>& prefixes, const std::string& actor,
                    const std::vector<std::string>& suffixes) {
  std::string code = actor;
  auto contains = [&](const std::string& c, const std::string& a) {
    for (size_t i = 0; i + a.size() <= c.size(); i += 3)
      if (c.compare(i, a.size(), a) == 0) return true;
    return false;
  };
  std::string pre;
  for (const std::string& p : prefixes)
    if (!contains(code, p) && !contains(pre, p)) pre += p;
  code = pre + code;
  for (const std::string& s : suffixes)
    if (!contains(code, s)) code += s;
  return code;
}

}  // namespace

EventCoder::EventCoder(std::shared_ptr<const PetrarchDictionaries> dicts, EventCoderOptions options)
    : dicts_(std::move(dicts)), options_(options), index_(std::make_unique<Index>()) {
  const ActorDictionary& ad = dicts_->actors;
  for (size_t i = 0; i < ad.actors().size(); ++i) {
    for (const ActorName& n : ad.actors()[i].names)
      AddName(&index_->actors, n.text, static_cast<int>(i), n.match_case == ActorName::Case::kExact, n.cased);
  }
  for (size_t i = 0; i < ad.agents().size(); ++i) {
    for (const std::string& n : ad.agents()[i].names) AddName(&index_->agents, n, static_cast<int>(i), false, "");
  }
  auto sort_index = [](std::unordered_map<std::string, std::vector<NameRef>>& m) {
    for (auto& [k, v] : m)
      std::stable_sort(v.begin(), v.end(), [](const NameRef& a, const NameRef& b) { return a.units.size() > b.units.size(); });
  };
  sort_index(index_->actors);
  sort_index(index_->agents);
}

EventCoder::~EventCoder() = default;

namespace {

// The state the coder keeps across the sentences of one article.
struct ArticleContext {
  std::vector<ActorCode> last_sources;  // actors of the most recent subject
  std::vector<std::string> last_actors; // distinct actor codes of the last sentence with actors
};

class SentenceCoder {
 public:
  SentenceCoder(const PetrarchDictionaries& d, const EventCoder::Index& index, const Article& article,
                int sentence_index, int date, const EventCoderOptions& options, ArticleContext* context)
      : d_(d), index_(index), article_(article), sentence_index_(sentence_index), date_(date),
        options_(options), context_(context) {}

  void Run(std::vector<Event>* out);

 private:
  struct VerbResult {
    int verb = -1;
    int block = -1;
    std::vector<ActorCode> sources;
    std::vector<Event> events;
    bool transformed_away = false;
  };

  void Analyze();
  void FindMentions(const std::unordered_map<std::string, std::vector<NameRef>>& index, bool agents);
  bool Discarded() const;
  std::vector<ActorCode> Resolve(int h, bool allow_pronoun = true, int depth = 0);
  std::vector<ActorCode> ResolveOne(int h, int depth);
  std::vector<ActorCode> ResolvePronoun(int h);
  bool TokenMatches(const PatternWord& w, int t) const;
  bool NounMatchesAt(const PatternNoun& noun, int t, const std::vector<char>& region) const;
  int PhraseHead(int t) const;
  int Subject(int v, bool* passive, int depth = 0) const;
  bool CodeVerb(int v, VerbResult* result);
  Span SpanOf(int first, int last) const;
  bool Negated(int v) const;

  const PetrarchDictionaries& d_;
  const EventCoder::Index& index_;
  const Article& article_;
  int sentence_index_;
  int date_;
  EventCoderOptions options_;
  ArticleContext* context_;
  Analysis a_;
};

void SentenceCoder::Analyze() {
  const Sentence& s = article_.sentences[sentence_index_];
  a_.s = &s;
  a_.n = static_cast<int>(s.tokens.size());
  a_.head.assign(a_.n, -1);
  a_.kids.assign(a_.n, {});
  a_.low.resize(a_.n);
  a_.lem.resize(a_.n);
  a_.rel.resize(a_.n);
  for (int i = 0; i < a_.n; ++i) {
    const Token& t = s.tokens[i];
    a_.low[i] = NormalizeForm(t.form);
    a_.lem[i] = t.lemma.empty() || t.lemma == "_" ? a_.low[i] : NormalizeForm(t.lemma);
    std::string r = t.deprel;
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    a_.rel[i] = r;
    int h = t.head - 1;
    if (t.head > 0 && h < a_.n && h != i) a_.head[i] = h;
  }
  // Break cycles from malformed parses: a token whose head chain does not reach the root is
  // detached.
  for (int i = 0; i < a_.n; ++i) {
    int t = i, steps = 0;
    while (t >= 0 && steps <= a_.n) {
      t = a_.head[t];
      ++steps;
    }
    if (steps > a_.n) a_.head[i] = -1;
  }
  for (int i = 0; i < a_.n; ++i)
    if (a_.head[i] >= 0) a_.kids[a_.head[i]].push_back(i);
  FindMentions(index_.actors, false);
  FindMentions(index_.agents, true);
}

void SentenceCoder::FindMentions(const std::unordered_map<std::string, std::vector<NameRef>>& index, bool agents) {
  // Units: pieces of tokens split at hyphens, normalized.
  struct Unit {
    std::string text;
    int token;
  };
  std::vector<Unit> units;
  units.reserve(a_.n + 4);
  for (int i = 0; i < a_.n; ++i) {
    const std::string& f = a_.s->tokens[i].form;
    if (f.find('-') == std::string::npos || f.size() < 3) {
      units.push_back({a_.low[i], i});
    } else {
      for (std::string& p : NameTokens(f)) units.push_back({std::move(p), i});
    }
  }
  std::vector<int>& at = agents ? a_.agent_at : a_.actor_at;
  auto& mentions = agents ? a_.agent_mentions : a_.actor_mentions;
  at.assign(a_.n, -1);
  for (size_t k = 0; k < units.size();) {
    auto it = index.find(units[k].text);
    size_t matched = 0;
    const NameRef* best = nullptr;
    if (it != index.end()) {
      for (const NameRef& ref : it->second) {
        if (ref.units.size() > units.size() - k) continue;
        bool ok = true;
        for (size_t j = 1; j < ref.units.size() && ok; ++j) ok = units[k + j].text == ref.units[j];
        if (ok && ref.exact) ok = a_.s->tokens[units[k].token].form == ref.cased;
        if (ok && !agents && d_.actors.actors()[ref.entry].CodeAt(date_).empty()) ok = false;
        if (ok) {
          best = &ref;
          matched = ref.units.size();
          break;
        }
      }
    }
    if (!best) {
      ++k;
      continue;
    }
    int b = units[k].token, e = units[k + matched - 1].token + 1;
    bool overlap = false;
    for (int t = b; t < e; ++t) overlap |= at[t] >= 0 || (agents && a_.actor_at[t] >= 0);
    if (!overlap) {
      int id = static_cast<int>(mentions.size());
      mentions.push_back({b, e, best->entry});
      for (int t = b; t < e; ++t) at[t] = id;
    }
    k += matched;
  }
}

bool SentenceCoder::Discarded() const {
  for (const DiscardList::Phrase& p : d_.discards.phrases) {
    if (p.story) continue;
    size_t m = p.words.size();
    for (int i = 0; i + static_cast<int>(m) <= a_.n; ++i) {
      bool ok = true;
      for (size_t j = 0; j < m && ok; ++j) {
        const std::string& w = a_.low[i + j];
        ok = w == p.words[j] || (j + 1 == m && w == PluralOf(p.words[j]));
      }
      if (ok) return true;
    }
  }
  return false;
}

Span SentenceCoder::SpanOf(int first, int last) const {
  const auto& toks = a_.s->tokens;
  if (first < 0 || last < first || last >= a_.n) return {};
  return Span{toks[first].span.begin, toks[last].span.end};
}

// Climbs from a word inside a noun phrase to the phrase's head.
int SentenceCoder::PhraseHead(int t) const {
  for (int guard = 0; guard < 8 && t >= 0; ++guard) {
    const std::string& r = a_.rel[t];
    if (a_.head[t] >= 0 && (r == "compound" || r == "amod" || r == "flat" || r == "flat:name" || r == "name" ||
                            r == "nmod:poss" || r == "det" || r == "nummod"))
      t = a_.head[t];
    else
      break;
  }
  return t;
}

std::vector<ActorCode> SentenceCoder::ResolvePronoun(int h) {
  std::vector<ActorCode> out;
  if (!options_.resolve_pronouns) return out;
  const std::string& w = a_.low[h];
  bool plural = w == "they" || w == "them" || w == "their";
  // The nearest earlier subject in this sentence.
  for (int t = h - 1; t >= 0; --t) {
    const std::string& r = a_.rel[t];
    if ((r == "nsubj" || r == "nsubjpass" || r == "nsubj:pass") && !IsPronounWord(a_.low[t])) {
      std::vector<ActorCode> c = Resolve(t, false);
      if (!c.empty() && (plural ? c.size() >= 2 : c.size() == 1)) {
        for (ActorCode& x : c) x.first = x.last = h;
        return c;
      }
      if (!c.empty()) return out;  // a subject that does not fit: ambiguous
    }
  }
  const std::vector<ActorCode>& prev = context_->last_sources;
  if (!prev.empty() && (plural ? prev.size() >= 2 : prev.size() == 1)) {
    out = prev;
    for (ActorCode& x : out) x.first = x.last = h;
  }
  return out;
}

std::vector<ActorCode> SentenceCoder::ResolveOne(int h, int depth) {
  std::vector<ActorCode> out;
  if (h < 0 || depth > 4) return out;
  // Pronouns and "the two sides".
  if (a_.s->tokens[h].upos == "PRON" && IsPronounWord(a_.low[h])) return ResolvePronoun(h);
  if ((a_.lem[h] == "side" || a_.lem[h] == "country" || a_.lem[h] == "nation") && options_.resolve_pronouns &&
      a_.actor_at[h] < 0) {
    bool two = false;
    for (int k : a_.kids[h]) two |= a_.low[k] == "two" || a_.low[k] == "both";
    if (two && context_->last_actors.size() == 2) {
      for (const std::string& c : context_->last_actors) out.push_back({c, c, h, h});
      return out;
    }
  }
  // The phrase: h and its modifiers, with "of/in/from" phrases, by depth from h.
  std::vector<int> tokens = {h};
  std::vector<int> depth_of(a_.n, -1);
  depth_of[h] = 0;
  bool head_is_agent = a_.agent_at[h] >= 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    int t = tokens[i];
    for (int k : a_.kids[t]) {
      const std::string& r = a_.rel[k];
      if (OutsidePhrase(r)) continue;
      if (IsNominalRel(r) && r != "nmod:poss") {
        std::string c = a_.CaseOf(k);
        bool ok = c == "of" || ((c == "in" || c == "from") && (head_is_agent || a_.actor_at[h] >= 0));
        if (!ok) continue;
      }
      depth_of[k] = depth_of[t] + 1;
      tokens.push_back(k);
    }
  }
  // The actor nearest the head.
  int best = -1, best_depth = 1 << 20, best_tok = -1;
  for (int t : tokens) {
    int m = a_.actor_at[t];
    if (m < 0) continue;
    if (depth_of[t] < best_depth || (depth_of[t] == best_depth && t > best_tok)) {
      best = m;
      best_depth = depth_of[t];
      best_tok = t;
    }
  }
  // Agents in text order, outside the actor mention.
  std::vector<int> agent_ids;
  for (int t : tokens) {
    int g = a_.agent_at[t];
    if (g >= 0 && std::find(agent_ids.begin(), agent_ids.end(), g) == agent_ids.end()) agent_ids.push_back(g);
  }
  std::sort(agent_ids.begin(), agent_ids.end());
  std::vector<std::string> prefixes, suffixes;
  int first = h, last = h;
  for (int g : agent_ids) {
    const auto& m = a_.agent_mentions[g];
    const AgentEntry& e = d_.actors.agents()[m.entry];
    bool prefix = m.entry < static_cast<int>(d_.agent_prefix.size()) && d_.agent_prefix[m.entry];
    (prefix ? prefixes : suffixes).push_back(e.code);
    first = std::min(first, m.begin);
    last = std::max(last, m.end - 1);
  }
  if (best < 0) {
    if (agent_ids.empty()) {
      // An apposition may name the actor: "the state's fiercest foe, Osgiliath".
      for (int k : a_.kids[h])
        if (a_.rel[k] == "appos") return ResolveOne(k, depth + 1);
      return out;
    }
    out.push_back({Compose(prefixes, "---", suffixes), "---", first, last});
    return out;
  }
  // The actor and any actors conjoined with it inside the phrase ("lawmakers in A and B").
  std::vector<int> actor_tokens = {best_tok};
  for (int k : a_.kids[best_tok])
    if (a_.rel[k] == "conj" && a_.actor_at[k] >= 0 && k != h) actor_tokens.push_back(k);
  for (int t : actor_tokens) {
    const auto& m = a_.actor_mentions[a_.actor_at[t]];
    std::string code = d_.actors.actors()[m.entry].CodeAt(date_);
    if (code.empty()) continue;
    out.push_back({Compose(prefixes, code, suffixes), code, std::min(first, m.begin), std::max(last, m.end - 1)});
  }
  return out;
}

std::vector<ActorCode> SentenceCoder::Resolve(int h, bool allow_pronoun, int depth) {
  std::vector<ActorCode> out;
  if (h < 0) return out;
  if (!allow_pronoun && a_.s->tokens[h].upos == "PRON") return out;
  // A relative pronoun stands for the noun its clause modifies.
  if ((a_.low[h] == "who" || a_.low[h] == "which" || a_.low[h] == "that") && a_.head[h] >= 0) {
    int clause = a_.head[h];
    if (a_.head[clause] >= 0 && (a_.rel[clause] == "acl:relcl" || a_.rel[clause] == "relcl" || a_.rel[clause] == "acl"))
      return Resolve(a_.head[clause], allow_pronoun, depth + 1);
  }
  std::vector<std::vector<ActorCode>> groups;
  groups.push_back(ResolveOne(h, depth));
  for (int k : a_.kids[h])
    if (a_.rel[k] == "conj" && a_.s->tokens[k].upos != "VERB") groups.push_back(ResolveOne(k, depth));
  // Distribute actors to conjuncts that only name agents ("Danish media and government").
  std::vector<std::string> bases;
  for (auto& g : groups)
    for (auto& c : g)
      if (c.base != "---" && std::find(bases.begin(), bases.end(), c.base) == bases.end()) bases.push_back(c.base);
  for (auto& g : groups) {
    bool only_agents = !g.empty() && std::all_of(g.begin(), g.end(), [](const ActorCode& c) { return c.base == "---"; });
    for (auto& c : g) {
      if (only_agents && !bases.empty()) {
        for (const std::string& b : bases) out.push_back({b + c.code.substr(3), b, c.first, c.last});
      } else {
        out.push_back(c);
      }
    }
  }
  // Deduplicate, keeping order.
  std::vector<ActorCode> unique;
  for (auto& c : out)
    if (std::none_of(unique.begin(), unique.end(), [&](const ActorCode& u) { return u.code == c.code; }))
      unique.push_back(c);
  return unique;
}

bool SentenceCoder::TokenMatches(const PatternWord& w, int t) const {
  const VerbDictionary& v = d_.verbs;
  if (w.synset < 0 && w.text.find(' ') == std::string::npos)
    return v.WordMatches(w, a_.low[t]) || v.WordMatches(w, a_.lem[t]);
  auto preceding = [&](const std::vector<std::string>& words) {
    // words[0..n-2] must be the tokens right before t.
    int k = t - 1;
    for (int j = static_cast<int>(words.size()) - 2; j >= 0; --j, --k)
      if (k < 0 || (a_.low[k] != words[j] && a_.lem[k] != words[j])) return false;
    return true;
  };
  if (w.synset < 0) {
    std::vector<std::string> words;
    for (size_t i = 0, j; i < w.text.size(); i = j + 1) {
      j = w.text.find(' ', i);
      if (j == std::string::npos) j = w.text.size();
      words.push_back(w.text.substr(i, j - i));
    }
    const std::string& last = words.back();
    if (a_.low[t] != last && a_.lem[t] != last && a_.low[t] != PluralOf(last)) return false;
    return preceding(words);
  }
  const Synset& s = v.synsets()[w.synset];
  if (s.words.count(a_.low[t]) || s.words.count(a_.lem[t])) return true;
  for (const std::string* key : {&a_.low[t], &a_.lem[t]}) {
    auto it = s.phrases_by_head.find(*key);
    if (it == s.phrases_by_head.end()) continue;
    for (const auto& words : it->second)
      if (preceding(words)) return true;
  }
  return false;
}

bool SentenceCoder::NounMatchesAt(const PatternNoun& noun, int t, const std::vector<char>& region) const {
  if (!TokenMatches(noun.head, t)) return false;
  for (const PatternWord& m : noun.modifiers) {
    bool found = false;
    for (int k = std::max(0, t - 6); k < t && !found; ++k) found = region[k] && TokenMatches(m, k);
    if (!found)
      for (int k : a_.kids[t])
        if (TokenMatches(m, k)) found = true;
    if (!found) return false;
  }
  return true;
}

bool SentenceCoder::Negated(int v) const {
  for (int k : a_.kids[v]) {
    if (a_.rel[k] == "neg") return true;
    if ((a_.rel[k] == "advmod" || a_.rel[k] == "aux" || a_.rel[k] == "det") && IsNegationWord(a_.low[k])) return true;
  }
  return false;
}

// The subject of v: its own nsubj, else (for xcomp/conj/acl verbs) the governing word's.
int SentenceCoder::Subject(int v, bool* passive, int depth) const {
  *passive = false;
  for (int k : a_.kids[v]) {
    if (a_.rel[k] == "nsubj" || a_.rel[k] == "csubj") return k;
    if (a_.rel[k] == "nsubjpass" || a_.rel[k] == "nsubj:pass") {
      *passive = true;
      return k;
    }
  }
  if (depth > 4 || a_.head[v] < 0) return -1;
  const std::string& r = a_.rel[v];
  int h = a_.head[v];
  if (r == "xcomp") {
    // Object control ("urged Bree to help"): the object is the subject.
    int obj = a_.ChildWithRel(h, {"dobj", "obj", "iobj"});
    if (obj >= 0) return obj;
    bool p;
    return Subject(h, &p, depth + 1);
  }
  if (r == "conj" || r == "advcl") {
    bool p;
    return Subject(h, &p, depth + 1);
  }
  if (r == "acl") return h;  // "the parade supporting Gondor"
  return -1;
}

bool SentenceCoder::CodeVerb(int v, VerbResult* result) {
  const VerbDictionary& dict = d_.verbs;
  // Candidate forms, best multi-word match first.
  const VerbDictionary::FormRef* chosen = nullptr;
  int chosen_score = -1;
  int particle_last = v;
  for (const std::string* key : {&a_.lem[v], &a_.low[v]}) {
    for (const VerbDictionary::FormRef& ref : dict.Find(*key)) {
      const VerbForm& f = dict.blocks()[ref.block].forms[ref.form];
      bool ok = true;
      int k = v - 1;
      for (int j = static_cast<int>(f.before.size()) - 1; j >= 0 && ok; --j, --k)
        ok = k >= 0 && (a_.low[k] == f.before[j] || a_.lem[k] == f.before[j]);
      int last = v;
      for (const std::string& word : f.after) {
        if (!ok) break;
        bool found = false;
        for (int t = v + 1; t < std::min(a_.n, v + 4) && !found; ++t) {
          if (a_.low[t] == word && (a_.head[t] == v || t == last + 1)) {
            found = true;
            last = t;
          }
        }
        ok = found;
      }
      int score = static_cast<int>(f.before.size() + f.after.size());
      if (ok && score > chosen_score) {
        chosen = &ref;
        chosen_score = score;
        particle_last = last;
      }
    }
    if (chosen) break;
  }
  if (!chosen) return false;
  const VerbBlock& block = dict.blocks()[chosen->block];
  const VerbForm& form = block.forms[chosen->form];
  result->verb = v;
  result->block = chosen->block;

  bool passive = false;
  int subj = Subject(v, &passive);
  if (!passive && a_.HasChildRel(v, {"auxpass", "aux:pass"}) && a_.rel[v] != "xcomp") passive = subj >= 0 && a_.head[subj] == v;

  // Regions: words of v's clause before and after it (not inside other clauses).
  std::vector<char> pre(a_.n, 0), post(a_.n, 0);
  {
    std::vector<int> stack = {v};
    while (!stack.empty()) {
      int t = stack.back();
      stack.pop_back();
      for (int k : a_.kids[t]) {
        const std::string& r = a_.rel[k];
        if (t == v && (r == "conj" || r == "parataxis" || r == "ccomp" || r == "advcl" || r == "punct")) continue;
        if (t != v && (r == "acl:relcl" || r == "relcl")) continue;
        (k < v ? pre : post)[k] = 1;
        stack.push_back(k);
      }
    }
    if (subj >= 0 && !a_.InSubtree(subj, v)) {
      // An inherited subject: its words count as the pre-verb part.
      for (int t = 0; t < a_.n; ++t)
        if (a_.InSubtree(t, subj)) pre[t] = 1;
      for (int t = 0; t < v; ++t)
        if (a_.head[t] == a_.head[v] && (a_.rel[t] == "aux" || a_.rel[t] == "neg" || a_.rel[t] == "advmod")) pre[t] = 1;
    }
    for (int t = v + 1; t <= particle_last; ++t) post[t] = 0;
  }

  // Evaluate the block's patterns.
  const VerbPattern* best = nullptr;
  int best_spec = -1;
  int best_source = -1, best_target = -1;
  bool best_compound = false, best_subject_is_target = false, best_negation = false;
  for (const VerbPattern& p : block.patterns) {
    int source_tok = -1, target_tok = -1;
    bool compound = false, subject_is_target = false, names_negation = false;
    bool ok = true;
    // Pre-verb nouns.
    for (const PatternNoun& noun : p.pre_nouns) {
      if (!ok) break;
      switch (noun.role) {
        case SlotRole::kCompound: compound = true; break;
        case SlotRole::kTarget: subject_is_target = true; break;
        case SlotRole::kSource:
        case SlotRole::kSkip: break;
        case SlotRole::kWord: {
          bool found = false;
          for (int t = 0; t < v && !found; ++t) found = pre[t] && NounMatchesAt(noun, t, pre);
          ok = found;
          if (noun.head.synset < 0 && IsNegationWord(noun.head.text)) names_negation = true;
          if (noun.head.synset >= 0) {
            const Synset& s = d_.verbs.synsets()[noun.head.synset];
            for (const std::string& ph : s.phrases)
              if (ph.find("not") != std::string::npos || ph.find("n't") != std::string::npos) names_negation = true;
          }
          break;
        }
      }
    }
    // Post-verb nouns, in order.
    int pos = v;
    for (const PatternNoun& noun : p.post_nouns) {
      if (!ok) break;
      if (noun.role == SlotRole::kWord) {
        bool found = false;
        for (int t = pos + 1; t < a_.n && !found; ++t) {
          if (post[t] && NounMatchesAt(noun, t, post)) {
            found = true;
            pos = t;
          }
        }
        ok = found;
        if (IsNegationWord(noun.head.text)) names_negation = true;
      } else if (noun.role == SlotRole::kTarget || noun.role == SlotRole::kSource || noun.role == SlotRole::kCompound) {
        int found = -1;
        for (int t = pos + 1; t < a_.n && found < 0; ++t)
          if (post[t] && (a_.actor_at[t] >= 0 || a_.agent_at[t] >= 0)) found = t;
        if (found < 0) {
          ok = false;
        } else {
          pos = found;
          (noun.role == SlotRole::kSource ? source_tok : target_tok) = PhraseHead(found);
        }
      }
    }
    // Prepositional phrases.
    auto match_preps = [&](const std::vector<PatternPrep>& preps, const std::vector<char>& region) {
      for (const PatternPrep& pp : preps) {
        bool found = false;
        for (int c = 0; c < a_.n && !found; ++c) {
          if (!region[c] || (a_.rel[c] != "case" && a_.rel[c] != "mark" && a_.rel[c] != "compound:prt" &&
                             a_.rel[c] != "prt" && a_.rel[c] != "advmod"))
            continue;
          if (a_.low[c] != pp.preposition) continue;
          int o = a_.rel[c] == "case" || a_.rel[c] == "mark" ? a_.head[c] : -1;
          if (pp.objects.empty()) {
            found = true;
            break;
          }
          if (o < 0) continue;
          bool all = true;
          int src = -1, tgt = -1;
          for (const PatternNoun& noun : pp.objects) {
            if (!all) break;
            if (noun.role == SlotRole::kWord) {
              bool m = NounMatchesAt(noun, o, region);
              if (!m) {
                for (int t = o + 1; t < a_.n && !m; ++t) m = a_.InSubtree(t, o) && NounMatchesAt(noun, t, region);
              }
              all = m;
            } else if (noun.role == SlotRole::kTarget) {
              tgt = o;
            } else if (noun.role == SlotRole::kSource) {
              src = o;
            }
          }
          if (all) {
            found = true;
            if (src >= 0) source_tok = src;
            if (tgt >= 0) target_tok = tgt;
          }
        }
        if (!found) return false;
      }
      return true;
    };
    if (ok) ok = match_preps(p.pre_preps, pre) && match_preps(p.post_preps, post);
    if (!ok) continue;
    int spec = p.Specificity();
    if (spec > best_spec) {
      best = &p;
      best_spec = spec;
      best_source = source_tok;
      best_target = target_tok;
      best_compound = compound;
      best_subject_is_target = subject_is_target;
      best_negation = names_negation;
    }
  }

  std::string code, reverse, rule;
  if (best) {
    code = best->code.empty() ? (form.code.empty() ? block.code : form.code) : best->code;
    reverse = best->code.empty() ? block.reverse_code : best->reverse_code;
    rule = best->origin;
  } else {
    code = form.code.empty() ? block.code : form.code;
    reverse = block.reverse_code;
    rule = form.origin.empty() ? block.origin : form.origin;
  }
  // Source and target phrases.
  int source_head = -1, target_head = -1;
  if (passive) {
    target_head = subj;
    for (int k : a_.kids[v]) {
      const std::string& r = a_.rel[k];
      if (r == "nmod:agent" || r == "obl:agent" || (IsNominalRel(r) && a_.CaseOf(k) == "by")) {
        source_head = k;
        break;
      }
    }
  } else {
    source_head = subj;
  }
  if (best_source >= 0) source_head = best_source;
  if (best_subject_is_target && subj >= 0) {
    target_head = subj;
    if (best_source < 0) source_head = -1;
  }
  if (best_target >= 0) target_head = best_target;

  std::vector<ActorCode> sources = Resolve(source_head);
  result->sources = sources;
  if (!sources.empty()) context_->last_sources = sources;

  if (code == kNullCode && reverse.empty()) return true;
  if (Negated(v) && !best_negation) return true;

  std::vector<ActorCode> targets;
  if (target_head >= 0) {
    targets = Resolve(target_head);
  } else if (!passive) {
    // The object, then obliques and prepositional phrases, then those inside the object.
    std::vector<int> candidates;
    for (int k : a_.kids[v])
      if (a_.rel[k] == "dobj" || a_.rel[k] == "obj") candidates.push_back(k);
    for (int k : a_.kids[v])
      if (a_.rel[k] == "iobj") candidates.push_back(k);
    for (int k : a_.kids[v])
      if (IsNominalRel(a_.rel[k]) && a_.rel[k] != "nmod:tmod" && a_.rel[k] != "obl:tmod" && a_.rel[k] != "nmod:poss")
        candidates.push_back(k);
    size_t direct = candidates.size();
    for (size_t i = 0; i < direct; ++i) {
      std::vector<int> stack = {candidates[i]};
      while (!stack.empty()) {
        int t = stack.back();
        stack.pop_back();
        for (int k : a_.kids[t]) {
          if (OutsidePhrase(a_.rel[k]) && a_.rel[k] != "acl" && a_.rel[k] != "conj") continue;
          if (IsNominalRel(a_.rel[k]) && a_.rel[k] != "nmod:poss") candidates.push_back(k);
          stack.push_back(k);
        }
      }
    }
    for (bool real_only : {true, false}) {
      for (int c : candidates) {
        std::vector<ActorCode> t = Resolve(c);
        if (real_only) {
          std::erase_if(t, [](const ActorCode& x) { return x.base == "---"; });
        }
        if (!t.empty()) {
          targets = std::move(t);
          break;
        }
      }
      if (!targets.empty()) break;
    }
  }

  int verb_last = particle_last;
  auto make = [&](const ActorCode& s, const ActorCode* t, const std::string& c) {
    Event e;
    e.article_id = article_.id;
    e.date = article_.date;
    e.sentence_index = sentence_index_;
    e.source = s.code;
    e.target = t ? t->code : "";
    e.code = c;
    e.source_span = SpanOf(s.first, s.last);
    e.verb_span = SpanOf(std::min(v, v - static_cast<int>(form.before.size())), verb_last);
    if (t) e.target_span = SpanOf(t->first, t->last);
    e.rule = rule;
    for (const Event& x : result->events)
      if (x.source == e.source && x.target == e.target && x.code == e.code) return;
    result->events.push_back(std::move(e));
  };
  if (best_compound) {
    if (sources.size() < 2) return true;
    for (const ActorCode& s : sources)
      for (const ActorCode& t : sources) {
        if (s.code == t.code) continue;
        if (code != kNullCode) make(s, &t, code);
      }
    return true;
  }
  if (sources.empty()) return true;
  if (targets.empty()) {
    if (options_.require_dyad) return true;
    for (const ActorCode& s : sources)
      if (code != kNullCode) make(s, nullptr, code);
    return true;
  }
  for (const ActorCode& s : sources)
    for (const ActorCode& t : targets) {
      if (s.code == t.code) continue;
      if (code != kNullCode) make(s, &t, code);
      if (!reverse.empty()) make(t, &s, reverse);
    }
  return true;
}

void SentenceCoder::Run(std::vector<Event>* out) {
  Analyze();
  if (a_.n == 0 || Discarded()) return;
  std::vector<VerbResult> results;
  std::vector<int> result_of(a_.n, -1);
  for (int v = 0; v < a_.n; ++v) {
    const Token& t = a_.s->tokens[v];
    bool verbal = t.upos == "VERB" || (t.upos.empty() && t.xpos.starts_with("VB")) ||
                  (t.upos != "AUX" && t.xpos.starts_with("VB") && t.upos != "NOUN");
    if (!verbal) continue;
    VerbResult r;
    if (!CodeVerb(v, &r)) continue;
    result_of[v] = static_cast<int>(results.size());
    results.push_back(std::move(r));
  }
  // Transformations: a verb whose complement clause is coded ("X said Y attacked Z").
  const VerbDictionary& dict = d_.verbs;
  for (VerbResult& outer : results) {
    for (const Transformation& tr : dict.transformations()) {
      const auto& outer_forms = dict.Find(tr.outer_verb);
      if (std::none_of(outer_forms.begin(), outer_forms.end(),
                       [&](const VerbDictionary::FormRef& f) { return f.block == outer.block; }))
        continue;
      for (int c : a_.kids[outer.verb]) {
        if (a_.rel[c] != "ccomp" && a_.rel[c] != "xcomp") continue;
        if (result_of[c] < 0) continue;
        VerbResult& inner = results[result_of[c]];
        if (tr.inner_verb != "q") {
          const auto& inner_forms = dict.Find(tr.inner_verb);
          if (std::none_of(inner_forms.begin(), inner_forms.end(),
                           [&](const VerbDictionary::FormRef& f) { return f.block == inner.block; }))
            continue;
        }
        std::vector<Event> made;
        for (Event& e : inner.events) {
          bool same = std::any_of(outer.sources.begin(), outer.sources.end(),
                                  [&](const ActorCode& s) { return s.code == e.source; });
          if (tr.inner_source == "a" && !same) continue;
          if (tr.inner_source == "b" && same) continue;
          auto value = [&](const std::string& var) -> std::string {
            if (var == "a") return outer.sources.empty() ? "" : outer.sources[0].code;
            if (var == "b") return tr.inner_source == "b" ? e.source : e.target;
            return "";
          };
          Event t = e;
          t.source = value(tr.result_source);
          t.target = value(tr.result_target);
          if (t.source.empty() || t.source == t.target) continue;
          t.code = tr.result_code == "Q" || tr.result_code == "q" ? e.code : tr.result_code;
          t.verb_span = SpanOf(outer.verb, outer.verb);
          t.rule = tr.origin;
          made.push_back(std::move(t));
        }
        if (!made.empty()) {
          inner.events = std::move(made);
          outer.transformed_away = true;
        }
      }
    }
  }
  std::vector<std::string> actors;
  for (VerbResult& r : results) {
    if (r.transformed_away) continue;
    for (Event& e : r.events) {
      bool dup = std::any_of(out->begin(), out->end(), [&](const Event& x) {
        return x.sentence_index == e.sentence_index && x.source == e.source && x.target == e.target && x.code == e.code;
      });
      if (dup) continue;
      for (const std::string* c : {&e.source, &e.target})
        if (!c->empty() && !c->starts_with("---") && std::find(actors.begin(), actors.end(), *c) == actors.end())
          actors.push_back(*c);
      out->push_back(std::move(e));
    }
  }
  if (!actors.empty()) context_->last_actors = actors;
}

int DateOf(const std::string& iso) {
  std::optional<int> d = ParseDate(iso);
  return d ? *d : 0;
}

bool StoryDiscarded(const PetrarchDictionaries& d, const Article& article) {
  for (const DiscardList::Phrase& p : d.discards.phrases) {
    if (!p.story) continue;
    for (const Sentence& s : article.sentences) {
      size_t m = p.words.size();
      for (size_t i = 0; i + m <= s.tokens.size(); ++i) {
        bool ok = true;
        for (size_t j = 0; j < m && ok; ++j) {
          std::string w = NormalizeForm(s.tokens[i + j].form);
          ok = w == p.words[j] || (j + 1 == m && w == PluralOf(p.words[j]));
        }
        if (ok) return true;
      }
    }
  }
  return false;
}

}  // namespace

void EventCoder::Code(const Article& article, std::vector<Event>* events) const {
  if (StoryDiscarded(*dicts_, article)) return;
  int date = DateOf(article.date);
  ArticleContext context;
  for (size_t i = 0; i < article.sentences.size(); ++i) {
    SentenceCoder coder(*dicts_, *index_, article, static_cast<int>(i), date, options_, &context);
    coder.Run(events);
  }
}

void EventCoder::CodeSentence(const Article& article, int sentence_index, int date,
                              const EventCoderOptions& options, std::vector<Event>* events) const {
  if (sentence_index < 0 || sentence_index >= static_cast<int>(article.sentences.size())) return;
  if (StoryDiscarded(*dicts_, article)) return;
  ArticleContext context;
  SentenceCoder coder(*dicts_, *index_, article, sentence_index, date, options, &context);
  coder.Run(events);
}

Result<std::unique_ptr<Coder>> MakePetrarchCoder(const std::string& dict_dir, const std::string& verbs_file,
                                                 bool strict, std::vector<std::string>* warnings) {
  PetrarchFiles files = PetrarchFiles::Phoenix(dict_dir, verbs_file.empty() ? "CAMEO.2.0.txt" : verbs_file);
  Result<PetrarchDictionaries> d = LoadPetrarchDictionaries(files, strict, warnings);
  if (!d.ok()) return d.status();
  std::unique_ptr<Coder> coder = MakeEventCoder(d.take());
  return coder;
}

std::unique_ptr<EventCoder> MakeEventCoder(PetrarchDictionaries dicts, EventCoderOptions options) {
  auto shared = std::make_shared<const PetrarchDictionaries>(std::move(dicts));
  return std::make_unique<EventCoder>(std::move(shared), options);
}

}  // namespace dragoman::coding
