#include "coding/pattern_coder.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

namespace dragoman::coding {

namespace {

// Irregular verbs news uses: lemma -> past, past participle (and other irregular forms).
const std::map<std::string, std::vector<std::string>, std::less<>>& Irregular() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> k = {
      {"be", {"is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "be"}},
      {"have", {"has", "had", "having", "'ve"}},
      {"do", {"does", "did", "done", "doing"}},
      {"go", {"goes", "went", "gone"}},
      {"meet", {"met"}},
      {"hold", {"held"}},
      {"pay", {"paid"}},
      {"say", {"said"}},
      {"make", {"made"}},
      {"take", {"took", "taken"}},
      {"give", {"gave", "given"}},
      {"seek", {"sought"}},
      {"send", {"sent"}},
      {"sell", {"sold"}},
      {"buy", {"bought"}},
      {"bring", {"brought"}},
      {"build", {"built"}},
      {"come", {"came"}},
      {"see", {"saw", "seen"}},
      {"speak", {"spoke", "spoken"}},
      {"tell", {"told"}},
      {"think", {"thought"}},
      {"fight", {"fought"}},
      {"shoot", {"shot"}},
      {"strike", {"struck", "stricken"}},
      {"hit", {"hit"}},
      {"put", {"put"}},
      {"set", {"set"}},
      {"cut", {"cut"}},
      {"let", {"let"}},
      {"shut", {"shut"}},
      {"beat", {"beat", "beaten"}},
      {"keep", {"kept"}},
      {"leave", {"left"}},
      {"lead", {"led"}},
      {"feel", {"felt"}},
      {"find", {"found"}},
      {"get", {"got", "gotten"}},
      {"win", {"won"}},
      {"lose", {"lost"}},
      {"run", {"ran"}},
      {"write", {"wrote", "written"}},
      {"break", {"broke", "broken"}},
      {"begin", {"began", "begun"}},
      {"choose", {"chose", "chosen"}},
      {"draw", {"drew", "drawn"}},
      {"drive", {"drove", "driven"}},
      {"fly", {"flew", "flown"}},
      {"forbid", {"forbade", "forbidden"}},
      {"forgive", {"forgave", "forgiven"}},
      {"freeze", {"froze", "frozen"}},
      {"know", {"knew", "known"}},
      {"rise", {"rose", "risen"}},
      {"shake", {"shook", "shaken"}},
      {"steal", {"stole", "stolen"}},
      {"swear", {"swore", "sworn"}},
      {"tear", {"tore", "torn"}},
      {"throw", {"threw", "thrown"}},
      {"undertake", {"undertook", "undertaken"}},
      {"withdraw", {"withdrew", "withdrawn"}},
      {"overthrow", {"overthrew", "overthrown"}},
      {"seize", {"seized"}},
      {"bind", {"bound"}},
      {"bear", {"bore", "borne"}},
      {"blow", {"blew", "blown"}},
      {"catch", {"caught"}},
      {"deal", {"dealt"}},
      {"dig", {"dug"}},
      {"feed", {"fed"}},
      {"flee", {"fled"}},
      {"grant", {"granted"}},
      {"hang", {"hung", "hanged"}},
      {"hear", {"heard"}},
      {"hide", {"hid", "hidden"}},
      {"lay", {"laid"}},
      {"lend", {"lent"}},
      {"mean", {"meant"}},
      {"spend", {"spent"}},
      {"split", {"split"}},
      {"spread", {"spread"}},
      {"stand", {"stood"}},
      {"stick", {"stuck"}},
      {"sting", {"stung"}},
      {"teach", {"taught"}},
      {"understand", {"understood"}},
      {"uphold", {"upheld"}},
      {"withhold", {"withheld"}},
      {"overcome", {"overcame"}},
      {"foresee", {"foresaw", "foreseen"}},
      {"oversee", {"oversaw", "overseen"}},
      {"bid", {"bid"}},
      {"forecast", {"forecast"}},
      {"broadcast", {"broadcast"}},
      {"cast", {"cast"}},
      {"upset", {"upset"}},
      {"sink", {"sank", "sunk"}},
      {"slay", {"slew", "slain"}},
      {"shed", {"shed"}},
      {"sweep", {"swept"}},
      {"wage", {"waged"}},
      {"will", {"would", "'ll"}},
      {"can", {"could"}},
      {"shall", {"should"}},
      {"may", {"might"}},
  };
  return k;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

const std::set<std::string, std::less<>>& Adverbs() {
  static const std::set<std::string, std::less<>> k = {
      "very",   "also",   "always", "still",  "further", "even",  "all",   "both",   "again",  "now",
      "soon",   "once",   "just",   "already", "then",   "too",   "well",  "highly", "fully",  "firmly",
      "more",   "most",   "much",   "ever",   "jointly", "never", "later", "today",  "together"};
  return k;
}

bool IsAdverb(const std::string& w) {
  if (w == "never") return false;  // a negation, not a filler
  if (Adverbs().count(w)) return true;
  return w.size() > 4 && w.ends_with("ly") && w != "italy" && w != "family" && w != "ally" && w != "supply" &&
         w != "rally" && w != "apply" && w != "reply" && w != "assembly";
}

const std::set<std::string, std::less<>>& Prepositions() {
  static const std::set<std::string, std::less<>> k = {
      "to", "with", "for", "of", "in", "on", "at", "by", "from", "between", "among", "against", "about",
      "into", "toward", "towards", "over", "under", "than", "like", "upon", "via", "without", "including"};
  return k;
}

bool IsNegation(const std::string& w) {
  return w == "not" || w == "n't" || w == "never" || w == "cannot" || w == "no" || w == "neither" || w == "nor" ||
         w == "refuse" || w == "refused" || w == "refuses" || w == "declined" || w == "unwilling" || w == "deny" ||
         w == "denies" || w == "denied" || w == "denying" || w == "refusal" || w == "failure";
}

// Nouns whose possessor is the agent of the verb after "to": "Russia's decision to withdraw".
bool IsIntentNoun(const std::string& w) {
  static const std::set<std::string, std::less<>> k = {
      "decision", "plan", "plans", "move", "bid", "attempt", "attempts", "effort", "efforts",
      "offer", "proposal", "threat", "threats", "pledge", "promise", "readiness", "willingness", "intention",
      "call", "calls", "demand", "demands", "order", "vow", "commitment", "right"};
  return k.count(w) > 0;
}

bool IsBreak(const std::string& w) { return w == ";" || w == "." || w == "?" || w == "!" || w == ":"; }

// Words that may stand between a pattern and its target ("support the Kazakh government").
bool IsTargetFiller(const std::string& w) {
  static const std::set<std::string, std::less<>> k = {
      "the",  "a",     "an",      "its",   "their", "his",   "her",    "our",  "all",        "both",
      "fellow", "other", "more",  "some",  "several", "two", "visiting", "new", "neighboring", "neighbouring",
      "friendly", "brotherly", "strategic", "close", "counterpart", "entire", "whole",
      // Counts: "sanctions on 15 Iranian officials", "killing dozens of Palestinian civilians".
      "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens", "hundreds",
      "thousands", "scores", "of"};
  if (k.count(w) > 0) return true;
  // A number: "15", "1,200".
  return !w.empty() && std::isdigit(static_cast<unsigned char>(w[0])) &&
         w.find_first_not_of("0123456789,.") == std::string::npos;
}

std::string Lower(const std::string& s) { return NormalizeForm(s); }

}  // namespace

std::vector<std::string> InflectedForms(const std::string& lemma) {
  std::vector<std::string> out = {lemma};
  auto it = Irregular().find(lemma);
  if (it != Irregular().end()) out.insert(out.end(), it->second.begin(), it->second.end());
  if (lemma.empty() || !std::isalpha(static_cast<unsigned char>(lemma.back()))) return out;
  if (lemma == "be" || lemma == "will" || lemma == "can" || lemma == "shall" || lemma == "may") return out;
  const size_t n = lemma.size();
  char last = lemma.back();
  // -s (verbs and noun plurals)
  if (last == 's' || last == 'x' || last == 'z' || lemma.ends_with("ch") || lemma.ends_with("sh")) {
    out.push_back(lemma + "es");
  } else if (last == 'y' && n > 1 && !IsVowel(lemma[n - 2])) {
    out.push_back(lemma.substr(0, n - 1) + "ies");
  } else {
    out.push_back(lemma + "s");
  }
  // -ed and -ing
  if (last == 'e') {
    out.push_back(lemma + "d");
    if (lemma.ends_with("ee") || lemma.ends_with("ye") || lemma.ends_with("oe")) {
      out.push_back(lemma + "ing");
    } else {
      out.push_back(lemma.substr(0, n - 1) + "ing");
    }
  } else if (last == 'y' && n > 1 && !IsVowel(lemma[n - 2])) {
    out.push_back(lemma.substr(0, n - 1) + "ied");
    out.push_back(lemma + "ing");
  } else {
    out.push_back(lemma + "ed");
    out.push_back(lemma + "ing");
    // consonant-vowel-consonant: stop -> stopped, commit -> committed (and British travelled)
    if (n >= 3 && !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' && IsVowel(lemma[n - 2]) &&
        !IsVowel(lemma[n - 3])) {
      out.push_back(lemma + last + "ed");
      out.push_back(lemma + last + "ing");
    }
  }
  if (lemma.ends_with("ic")) {
    out.push_back(lemma + "ked");
    out.push_back(lemma + "king");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

PatternCoder::PatternCoder(ActorDictionary actors, std::vector<VerbEntry> verbs)
    : actors_(std::move(actors)), matcher_(actors_), verbs_(std::move(verbs)) {
  patterns_.reserve(verbs_.size());
  for (const VerbEntry& v : verbs_) {
    Pattern p;
    p.entry = &v;
    bool have_anchor = false;
    for (const std::string& raw : v.elements) {
      Element e;
      if (raw == "+") {
        e.kind = Element::Kind::kTarget;
      } else if (raw == "$") {
        e.kind = Element::Kind::kSource;
        p.has_source = true;
      } else if (raw == "*") {
        e.kind = Element::Kind::kGap;
      } else {
        std::string w = raw;
        if (w.size() > 2 && w.front() == '(' && w.back() == ')') {
          e.optional = true;
          w = w.substr(1, w.size() - 2);
        }
        size_t start = 0;
        for (size_t i = 0; i <= w.size(); ++i) {
          if (i == w.size() || w[i] == '|') {
            std::string alt = w.substr(start, i - start);
            e.lemmas.push_back(alt);
            for (std::string& f : InflectedForms(alt)) e.forms.push_back(std::move(f));
            start = i + 1;
          }
        }
        if (!e.optional) {
          ++p.literal_words;
          if (!have_anchor) {
            have_anchor = true;
            p.anchor = p.elements.size();
          }
        }
      }
      p.elements.push_back(std::move(e));
    }
    if (!have_anchor) continue;  // the loader rejects these; be safe anyway
    for (size_t k = p.anchor + 1; k < p.elements.size(); ++k) {
      const Element::Kind kind = p.elements[k].kind;
      if (kind == Element::Kind::kTarget || kind == Element::Kind::kSource) p.slot_after_anchor = true;
    }
    patterns_.push_back(std::move(p));
  }
  for (size_t i = 0; i < patterns_.size(); ++i) {
    for (const std::string& f : patterns_[i].elements[patterns_[i].anchor].forms) by_anchor_[f].push_back(i);
  }
  for (auto& [form, list] : by_anchor_) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
}

namespace {

struct SentenceView {
  const Sentence* sentence = nullptr;
  std::vector<std::string> lower;        // normalized token forms
  std::vector<std::string> lemma;        // lowercased lemmas ("" where the parser gave none)
  std::vector<ActorMention> mentions;
  std::vector<int> mention_at;           // token -> mention index covering it, -1
  std::vector<int> mention_begin;        // token -> mention index beginning there, -1
};

struct MatchState {
  size_t first = 0;  // first token of the verb phrase
  size_t last = 0;   // one past the last token matched
  int target = -1;
  int source = -1;
  size_t verb_begin = 0, verb_end = 0;  // verb words (without the target)
};

bool WordMatches(const PatternCoder::Element& e, const SentenceView& v, size_t t) {
  const std::string& w = v.lower[t];
  if (std::find(e.forms.begin(), e.forms.end(), w) != e.forms.end()) return true;
  const std::string& lemma = v.lemma[t];
  return !lemma.empty() && std::find(e.lemmas.begin(), e.lemmas.end(), lemma) != e.lemmas.end();
}

// The mention a "+"/"$" slot takes at token t, allowing a few filler words first.
int SlotMention(const SentenceView& v, size_t t, size_t* after) {
  for (size_t k = 0; k <= 3 && t + k < v.lower.size(); ++k) {
    int m = v.mention_begin[t + k];
    if (m >= 0) {
      size_t end = static_cast<size_t>(v.mentions[m].end);
      // A separate possessive token ("Xi Jinping" "'s") belongs to the slot.
      if (end < v.lower.size() && (v.lower[end] == "'s" || v.lower[end] == "'")) ++end;
      // Coordinated actors ("China and Russia"): the slot takes the first.
      *after = end;
      return m;
    }
    if (!IsTargetFiller(v.lower[t + k]) && !IsAdverb(v.lower[t + k])) return -1;
  }
  return -1;
}

// Mentions joined to mention m by "and"/"or" in the parse: tokens whose relation is conj and whose
// head lies inside m ("Russia and Belarus": Belarus -conj-> Russia), or, where the parser made
// the two siblings, a later subject or object of the same word as m ("The United States and
// Japan condemned": two nsubj of "condemned"). Empty for unparsed text.
std::vector<int> CoordinatedMentions(const SentenceView& v, int m) {
  std::vector<int> out;
  if (m < 0) return out;
  const std::vector<Token>& tokens = v.sentence->tokens;
  const ActorMention& mention = v.mentions[m];
  // The mention's head word: the first whose head lies outside it.
  int mention_head = -1;
  for (int k = mention.begin; k < mention.end && k < static_cast<int>(tokens.size()); ++k) {
    if (tokens[k].head - 1 < mention.begin || tokens[k].head - 1 >= mention.end) {
      mention_head = k;
      break;
    }
  }
  auto sibling_argument = [&](size_t i) {
    if (mention_head < 0 || tokens[i].head <= 0 || tokens[i].head != tokens[mention_head].head) return false;
    const std::string& rel = tokens[i].deprel;
    return rel == tokens[mention_head].deprel && (rel == "nsubj" || rel == "obj");
  };
  // Only a real list: commas, "and"/"or" and other listed actors between m and each member, and a
  // conjunction before the last one ("Germany, France and Italy"; "Ukraine, Chancellor Olaf Scholz
  // said" is a parse error, not a list).
  bool conjunction = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const int head = tokens[i].head - 1;
    const bool conj = tokens[i].head > 0 && tokens[i].deprel == "conj" && head >= mention.begin && head < mention.end;
    if (!conj && !sibling_argument(i)) continue;
    const int other = v.mention_at[i];
    if (other < 0 || other == m || std::find(out.begin(), out.end(), other) != out.end()) continue;
    const ActorMention& later = v.mentions[other];
    if (later.begin < mention.end) continue;
    bool list = true;
    for (int k = mention.end; k < later.begin && list; ++k) {
      const std::string& w = v.lower[k];
      if (w == "and" || w == "or" || w == "nor") conjunction = true;
      else if (w != "," && w != "as" && w != "well" && w != "the" && w != "'s" && v.mention_at[k] < 0) list = false;
    }
    if (list) out.push_back(other);
  }
  if (!conjunction) out.clear();
  return out;
}

// Matches elements[i..] starting at token t. Returns true and fills st on success.
bool MatchFrom(const PatternCoder::Pattern& p, size_t i, const SentenceView& v, size_t t, MatchState* st,
               bool after_word) {
  const auto& els = p.elements;
  if (i == els.size()) {
    st->last = t;
    return true;
  }
  const PatternCoder::Element& e = els[i];
  const size_t n = v.lower.size();
  switch (e.kind) {
    case PatternCoder::Element::Kind::kWord: {
      // Adverbs may sit between words: "is fully ready to", "firmly support".
      size_t u = t;
      for (int skip = 0; skip <= 2; ++skip) {
        if (u < n && v.mention_at[u] < 0 && WordMatches(e, v, u)) {
          MatchState save = *st;
          if (MatchFrom(p, i + 1, v, u + 1, st, true)) return true;
          *st = save;
        }
        if (!after_word || u >= n || !IsAdverb(v.lower[u])) break;
        ++u;
      }
      if (e.optional) return MatchFrom(p, i + 1, v, t, st, after_word);
      return false;
    }
    case PatternCoder::Element::Kind::kTarget:
    case PatternCoder::Element::Kind::kSource: {
      size_t after = 0;
      int m = SlotMention(v, t, &after);
      if (m < 0) return false;
      MatchState save = *st;
      if (e.kind == PatternCoder::Element::Kind::kTarget) {
        st->target = m;
      } else {
        st->source = m;
      }
      if (MatchFrom(p, i + 1, v, after, st, false)) return true;
      *st = save;
      return false;
    }
    case PatternCoder::Element::Kind::kGap: {
      for (size_t g = 0; g <= 4 && t + g <= n; ++g) {
        if (g > 0) {
          size_t u = t + g - 1;
          if (IsBreak(v.lower[u]) || v.mention_at[u] >= 0) break;
        }
        MatchState save = *st;
        if (MatchFrom(p, i + 1, v, t + g, st, false)) return true;
        *st = save;
      }
      return false;
    }
  }
  return false;
}

bool IsFirstPerson(const std::string& w) { return w == "i" || w == "we"; }

// An action warned against or kept from is no event: "warned China against providing weapons to
// Russia", "barred Russia from attacking" (the verb at t is a gerund right after the preposition).
bool IsAvertedAction(const SentenceView& v, size_t t) {
  if (t == 0) return false;
  const std::string& before = v.lower[t - 1];
  const std::string& verb = v.lower[t];
  return (before == "against" || before == "from") && verb.size() > 4 && verb.compare(verb.size() - 3, 3, "ing") == 0;
}

// The universal part of a relation: "nsubj:pass" -> "nsubj".
std::string_view BaseRelation(const std::string& deprel) {
  return std::string_view(deprel).substr(0, deprel.find(':'));
}

// The actor mention that the dependency parse makes the subject of the verb at token t: the
// verb's nsubj, or, for a verb without one, the subject of the verb it depends on as xcomp, conj
// or advcl ("China is ready to work with": ready <- nsubj China; "Russia met ... and signed").
// -1 when the sentence is unparsed, the verb has no subject, or the subject is not an actor (a
// pronoun: the caller resolves those). Passive subjects are patients, never returned.
int ParsedSubjectMention(const SentenceView& v, size_t t) {
  const std::vector<Token>& tokens = v.sentence->tokens;
  const int n = static_cast<int>(tokens.size());
  // -1 for the root, and for a head outside the sentence (never from our parser; be safe).
  auto head_of = [&](int i) { return tokens[i].head >= 1 && tokens[i].head <= n ? tokens[i].head - 1 : -1; };
  if (tokens[t].head < 0) return -1;
  int verb = static_cast<int>(t);
  // "is ready to", "will visit": the auxiliary's head is the predicate.
  for (int hops = 0; hops < 2; ++hops) {
    std::string_view rel = BaseRelation(tokens[verb].deprel);
    if ((rel != "cop" && rel != "aux") || head_of(verb) < 0) break;
    verb = head_of(verb);
  }
  for (int hops = 0; hops < 3 && verb >= 0; ++hops) {
    for (int i = 0; i < n; ++i) {
      if (head_of(i) != verb || tokens[i].deprel != "nsubj") continue;
      // A relative pronoun stands for the noun its clause modifies: in "Putin, who met Xi ... and
      // accused", "who" is Putin.
      const std::string& w = v.lower[i];
      if ((w == "who" || w == "which" || w == "that") && BaseRelation(tokens[verb].deprel) == "acl" &&
          head_of(verb) >= 0) {
        return v.mention_at[head_of(verb)];
      }
      return v.mention_at[i];  // -1 when the subject is no actor
    }
    std::string_view rel = BaseRelation(tokens[verb].deprel);
    if (rel != "xcomp" && rel != "conj" && rel != "advcl") break;
    verb = head_of(verb);
  }
  return -1;
}

}  // namespace

void PatternCoder::Code(const Article& article, std::vector<Event>* events) const {
  int date = 0;
  if (std::optional<int> d = ParseDate(article.date)) date = *d;
  std::string last_subject;  // the most recent sentence subject, for "I"/"we"

  for (size_t si = 0; si < article.sentences.size(); ++si) {
    const Sentence& sentence = article.sentences[si];
    SentenceView v;
    v.sentence = &sentence;
    const size_t n = sentence.tokens.size();
    v.lower.reserve(n);
    v.lemma.reserve(n);
    for (const Token& tok : sentence.tokens) {
      v.lower.push_back(Lower(tok.form));
      v.lemma.push_back(tok.lemma.empty() ? std::string() : Lower(tok.lemma));
    }
    v.mentions = matcher_.Match(sentence, date);
    v.mention_at.assign(n, -1);
    v.mention_begin.assign(n, -1);
    for (size_t m = 0; m < v.mentions.size(); ++m) {
      const ActorMention& am = v.mentions[m];
      if (v.mention_begin[am.begin] < 0) v.mention_begin[am.begin] = static_cast<int>(m);
      for (int t = am.begin; t < am.end && t < static_cast<int>(n); ++t)
        if (v.mention_at[t] < 0) v.mention_at[t] = static_cast<int>(m);
    }

    // The actor a country-level pronoun stands for: "we" -> the speaker's country.
    auto country_of = [&](const std::string& code) {
      if (code.size() > 3 && actors_.FindCountry(code.substr(0, 3))) return code.substr(0, 3);
      return code;
    };
    std::string sentence_subject;
    std::set<std::tuple<std::string, std::string, std::string>> seen;

    // Tokens a matched verb phrase spans: a verb inside it ("threatened to impose sanctions on",
    // "urged Washington to lift sanctions on") is part of that event, not an event of its own.
    size_t covered_until = 0;
    std::vector<size_t> candidates;
    // A slot after the anchor takes a mention that begins after it: none begins after this token.
    const int last_mention_begin = v.mentions.empty() ? -1 : v.mentions.back().begin;
    for (size_t t = 0; t < n; ++t) {
      if (v.mention_at[t] >= 0 || t < covered_until) continue;
      auto it = by_anchor_.find(v.lower[t]);
      candidates.clear();
      if (it != by_anchor_.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      if (!v.lemma[t].empty() && v.lemma[t] != v.lower[t]) {
        auto lt = by_anchor_.find(v.lemma[t]);
        if (lt != by_anchor_.end()) candidates.insert(candidates.end(), lt->second.begin(), lt->second.end());
      }
      if (candidates.empty()) continue;

      const Pattern* best = nullptr;
      MatchState best_state;
      for (size_t pi : candidates) {
        const Pattern& p = patterns_[pi];
        if (p.slot_after_anchor && last_mention_begin <= static_cast<int>(t)) continue;
        MatchState st;
        st.first = t;
        st.verb_begin = t;
        st.verb_end = t + 1;
        // Slots before the anchor ("$ visit"): the mention must end right before the anchor.
        bool ok = true;
        for (size_t k = 0; k < p.anchor && ok; ++k) {
          const Element& e = p.elements[k];
          if (e.kind == Element::Kind::kWord && e.optional) continue;
          if (e.kind != Element::Kind::kSource && e.kind != Element::Kind::kTarget) {
            ok = false;
            break;
          }
          size_t end = t;
          if (end > 0 && (v.lower[end - 1] == "'s" || v.lower[end - 1] == "'")) --end;
          if (end == 0 || v.mention_at[end - 1] < 0) {
            ok = false;
            break;
          }
          int m = v.mention_at[end - 1];
          (e.kind == Element::Kind::kSource ? st.source : st.target) = m;
          st.first = static_cast<size_t>(v.mentions[m].begin);
        }
        if (!ok) continue;
        if (!MatchFrom(p, p.anchor, v, t, &st, false)) continue;
        if (!best || p.literal_words > best->literal_words ||
            (p.literal_words == best->literal_words && p.has_source && !best->has_source)) {
          best = &p;
          best_state = st;
        }
      }
      if (!best) continue;
      covered_until = best_state.last;
      best_state.verb_begin = t;
      best_state.verb_end = best_state.last;
      if (best_state.target >= 0 && static_cast<size_t>(v.mentions[best_state.target].begin) > t)
        best_state.verb_end = std::min(best_state.verb_end, static_cast<size_t>(v.mentions[best_state.target].begin));
      while (best_state.verb_end > t + 1 && IsTargetFiller(v.lower[best_state.verb_end - 1])) --best_state.verb_end;

      // Source: "$" slot, else walk back from the verb.
      int source = best_state.source;
      std::string source_code;
      Span source_span;
      bool negated = false;
      size_t stop = best_state.first;  // tokens [stop, first) were crossed going back
      // The parse decides who acts where it names an actor as the verb's subject ("Putin, who
      // met Xi on Monday, accused ..."); otherwise the nearest fitting actor before the verb.
      bool parsed_source = false;
      if (source < 0) {
        const int parsed = ParsedSubjectMention(v, best_state.verb_begin);
        if (parsed >= 0 && parsed != best_state.target &&
            static_cast<size_t>(v.mentions[parsed].begin) < best_state.verb_begin) {
          source = parsed;
          stop = static_cast<size_t>(v.mentions[parsed].begin);
          parsed_source = true;
        }
      }
      if (source < 0) {
        for (size_t back = best_state.first; back-- > 0;) {
          const std::string& w = v.lower[back];
          if (w == ";") break;
          if (v.mention_at[back] >= 0) {
            const ActorMention& m = v.mentions[v.mention_at[back]];
            size_t b = static_cast<size_t>(m.begin);
            size_t before = b;
            while (before > 0 && (v.lower[before - 1] == "the" || v.lower[before - 1] == "a")) --before;
            bool object = before > 0 && Prepositions().count(v.lower[before - 1]);
            // "Washington's decision to sell arms to Taiwan": the possessive right before a noun
            // of intent and "to" + the verb is the agent of that verb, even after a preposition.
            size_t noun = static_cast<size_t>(m.end);
            if (noun < n && (v.lower[noun] == "'s" || v.lower[noun] == "'")) ++noun;
            if (m.possessive && noun + 2 == best_state.first && IsIntentNoun(v.lower[noun]) &&
                v.lower[noun + 1] == "to") {
              source = v.mention_at[back];
              stop = b;
              break;
            }
            // "China will always be Kazakhstan's reliable friend and ... is ready to": skip the
            // possessive; "between China and Kazakhstan": skip coordinated objects.
            if (!m.possessive && !object && !(before > 0 && v.lower[before - 1] == "and" && before >= 2 &&
                                              v.mention_at[before - 2] >= 0)) {
              source = v.mention_at[back];
              stop = b;
              break;
            }
            back = b;  // continue before this mention
            continue;
          }
          if (IsFirstPerson(w)) {
            std::string who;
            // "Tokayev: I look forward ...": the speaker before a colon.
            for (size_t c = back; c-- > 0;) {
              if (v.lower[c] == ":" && c > 0 && v.mention_at[c - 1] >= 0) {
                who = v.mentions[v.mention_at[c - 1]].code;
                break;
              }
            }
            if (who.empty()) who = last_subject;
            if (!who.empty()) {
              source_code = w == "we" ? country_of(who) : who;
              source_span = sentence.tokens[back].span;
              stop = back;
            }
            break;
          }
          if (best_state.first - back > 20) break;
        }
      }
      if (source >= 0) {
        source_code = v.mentions[source].code;
        source_span = v.mentions[source].span;
      }
      // A negation the pattern itself spells ("refuse to release", "decline to comment on") is
      // the event, not a denial of it.
      auto spelled_by_pattern = [&](size_t k) {
        if (k < best_state.verb_begin) return false;
        for (const Element& e : best->elements)
          if (e.kind == Element::Kind::kWord && WordMatches(e, v, k)) return true;
        return false;
      };
      for (size_t k = stop; k < best_state.verb_end && k < n; ++k)
        if (IsNegation(v.lower[k]) && !spelled_by_pattern(k)) negated = true;
      // A condition is no event: "if the United States attacks Iran, ..." ("if" opens the
      // source's clause). The main clause after the comma is coded as usual.
      bool hypothetical = false;
      for (size_t k = stop; k-- > 0 && stop - k <= 8;) {
        const std::string& w = v.lower[k];
        if (w == "," || w == ";" || w == ":" || w == "--") break;
        if (w == "if" || w == "unless" || w == "whether") {
          hypothetical = true;
          break;
        }
      }
      const bool averted = IsAvertedAction(v, best_state.verb_begin);
      if (source >= 0 && sentence_subject.empty()) sentence_subject = source_code;
      if (negated || hypothetical || averted || source_code.empty() || best_state.target < 0) continue;
      // Coordinated actors share the event: "The United States and Japan condemned North Korea",
      // "sanctions on Russia and Belarus" (conj in the parse; the slot holds the first).
      std::vector<std::pair<std::string, Span>> sources = {{source_code, source_span}};
      if (parsed_source) {
        for (int m : CoordinatedMentions(v, source)) sources.emplace_back(v.mentions[m].code, v.mentions[m].span);
      }
      std::vector<int> targets = {best_state.target};
      for (int m : CoordinatedMentions(v, best_state.target)) targets.push_back(m);
      for (const auto& [who_code, who_span] : sources) {
        for (int t_index : targets) {
          const ActorMention& target = v.mentions[t_index];
          if (target.code == who_code || t_index == source) continue;
          if (!seen.insert({who_code, target.code, best->entry->code}).second) continue;
          Event e;
          e.article_id = article.id;
          e.date = article.date;
          e.sentence_index = static_cast<int>(si);
          e.source = who_code;
          e.target = target.code;
          e.code = best->entry->code;
          e.root = e.code.substr(0, 2);
          e.source_span = who_span;
          size_t vb = best_state.verb_begin, ve = std::max(best_state.verb_end, vb + 1);
          e.verb_span = {sentence.tokens[vb].span.begin, sentence.tokens[std::min(ve, n) - 1].span.end};
          e.target_span = target.span;
          e.rule = best->entry->origin;
          events->push_back(std::move(e));
        }
      }
    }

    // The subject for the next sentence's "we": this sentence's event source, else an actor that
    // opens the sentence.
    if (!sentence_subject.empty()) {
      last_subject = sentence_subject;
    } else if (!v.mentions.empty()) {
      const ActorMention& m = v.mentions.front();
      size_t before = static_cast<size_t>(m.begin);
      while (before > 0 && v.lower[before - 1] == "the") --before;
      if (before == 0 && !m.possessive) last_subject = m.code;
    }
  }
}

Result<std::unique_ptr<Coder>> MakeDefaultPatternCoder(bool strict) {
  LoadOptions options;
  options.strict = strict;
  std::vector<std::string> problems;
  Result<OurDictionaries> d = LoadOurDictionaries(options, &problems);
  if (!d.ok()) return d.status();
  OurDictionaries dicts = d.take();
  return std::unique_ptr<Coder>(std::make_unique<PatternCoder>(std::move(dicts.actors), std::move(dicts.verbs)));
}

}  // namespace dragoman::coding
