#include "syntax/lemmatizer.h"

#include <algorithm>
#include <map>

#include "syntax/tagger.h"

namespace dragoman::syntax {
namespace {

// A rule is "<mode><strip>:<append>": mode 'l' works on the lowercased form, 'k' keeps case.
std::string MakeRule(const std::string& src, const std::string& lemma, char mode) {
  size_t p = 0;
  while (p < src.size() && p < lemma.size() && src[p] == lemma[p]) ++p;
  return std::string(1, mode) + std::to_string(src.size() - p) + ":" + lemma.substr(p);
}

std::string BestRule(const std::string& form, const std::string& lemma) {
  std::string lower = Lowercase(form);
  std::string a = MakeRule(lower, lemma, 'l'), b = MakeRule(form, lemma, 'k');
  // Prefer the shorter edit; lowercasing wins ties ("The" -> "the").
  return b.size() < a.size() ? b : a;
}

bool ApplyRule(const std::string& form, const std::string& rule, std::string* out) {
  if (rule.size() < 3) return false;
  size_t colon = rule.find(':');
  if (colon == std::string::npos) return false;
  size_t strip = 0;
  for (size_t i = 1; i < colon; ++i) {
    if (rule[i] < '0' || rule[i] > '9') return false;
    strip = strip * 10 + (rule[i] - '0');
  }
  if (strip > form.size()) return false;
  std::string src = rule[0] == 'l' ? Lowercase(form) : form;
  *out = src.substr(0, src.size() - strip) + rule.substr(colon + 1);
  return !out->empty();
}

template <typename Map>
RuleMap Argmax(const Map& counts) {
  RuleMap out;
  for (const auto& [key, by_value] : counts) {
    const std::string* best = nullptr;
    int best_count = -1;
    for (const auto& [value, c] : by_value) {  // std::map: ties go to the smallest value
      if (c > best_count) {
        best = &value;
        best_count = c;
      }
    }
    if (best) out[key] = *best;
  }
  return out;
}

void WriteMap(ByteWriter& w, const RuleMap& m) {
  std::vector<std::pair<std::string, std::string>> items(m.begin(), m.end());
  std::sort(items.begin(), items.end());
  w.U64(items.size());
  for (const auto& [k, v] : items) w.String(k).String(v);
}

void ReadMap(ByteReader& r, RuleMap* m) {
  m->clear();
  size_t n = r.Count(8);
  m->reserve(n);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    std::string k = r.String();
    (*m)[k] = r.String();
  }
}

}  // namespace

std::string Lemmatizer::Key(const std::string& s, int tag) { return s + '\t' + std::to_string(tag); }

std::string Lemmatizer::Lemma(const std::string& form, int tag) const { return Lemma(form, Lowercase(form), tag); }

std::string Lemmatizer::Lemma(const std::string& form, const std::string& lower, int tag) const {
  std::string out;
  // Keys are built in one buffer: "form\ttag", then "lower\ttag", then "tag\tsuffix".
  const std::string tag_text = std::to_string(tag);
  std::string key;
  key.reserve(form.size() + 8);
  key.append(form).append(1, '\t').append(tag_text);
  auto it = exact_.find(std::string_view(key));
  if (it != exact_.end() && ApplyRule(form, it->second, &out)) return out;
  key.assign(lower).append(1, '\t').append(tag_text);
  it = lower_.find(std::string_view(key));
  if (it != lower_.end() && ApplyRule(form, it->second, &out)) return out;
  // Longest known suffix that leaves part of the word unmatched.
  key.assign(tag_text).append(1, '\t');
  const size_t prefix = key.size();
  for (size_t n = std::min(max_suffix_, lower.size() > 0 ? lower.size() - 1 : 0);; --n) {
    key.resize(prefix);
    key.append(lower, lower.size() - n, n);
    it = suffix_.find(std::string_view(key));
    if (it != suffix_.end() && ApplyRule(form, it->second, &out)) return out;
    if (n == 0) break;
  }
  return form;
}

const std::string& Lemmatizer::TagFeats(int tag) const {
  static const std::string kNone = "_";
  return tag >= 0 && tag < static_cast<int>(tag_feats_.size()) ? tag_feats_[tag] : kNone;
}

const std::string& Lemmatizer::Feats(const std::string& form, int tag) const {
  auto it = known_.find(std::string_view(Key(Lowercase(form), tag)));
  return it != known_.end() && it->second.feats ? *it->second.feats : TagFeats(tag);
}

void Lemmatizer::Annotate(const std::string& form, const std::string& lower, int tag, std::string* lemma,
                          std::string* feats) const {
  auto it = known_.find(std::string_view(Key(lower, tag)));
  if (it == known_.end()) {
    *lemma = Lemma(form, lower, tag);
    *feats = TagFeats(tag);
    return;
  }
  const KnownWord& w = it->second;
  *feats = w.feats ? *w.feats : TagFeats(tag);
  // The order of Lemma: the exact form's rule, then the lowercased form's, then suffixes.
  if (form != lower) {
    *lemma = Lemma(form, lower, tag);
    return;
  }
  if (w.exact && ApplyRule(form, *w.exact, lemma)) return;
  if (w.lower && ApplyRule(form, *w.lower, lemma)) return;
  *lemma = Lemma(form, lower, tag);
}

void Lemmatizer::IndexKnownWords() {
  known_.clear();
  known_.reserve(lower_.size() + feats_.size());
  for (const auto& [k, v] : lower_) known_[k].lower = &v;
  for (const auto& [k, v] : feats_) known_[k].feats = &v;
  // An exact entry whose form is all lowercase has the same key as the lowercased form.
  for (const auto& [k, v] : exact_) {
    if (k == Lowercase(k)) known_[k].exact = &v;
  }
}

Lemmatizer Lemmatizer::Train(const std::vector<LemmaExample>& examples, int num_tags) {
  Lemmatizer l;
  std::map<std::string, std::map<std::string, int>> exact, lower, feats;
  std::map<std::string, std::map<std::string, int>> tag_feats;
  std::map<std::pair<std::string, int>, std::string> types;  // (form, tag) -> rule, for suffixes
  for (const LemmaExample& e : examples) {
    if (e.lemma.empty() || e.lemma == "_") continue;
    std::string rule = BestRule(e.form, e.lemma);
    exact[Key(e.form, e.tag)][rule]++;
    std::string lf = Lowercase(e.form);
    lower[Key(lf, e.tag)][rule]++;
    feats[Key(lf, e.tag)][e.feats.empty() ? "_" : e.feats]++;
    tag_feats[std::to_string(e.tag)][e.feats.empty() ? "_" : e.feats]++;
    types[{lf, e.tag}] = rule;
  }
  l.exact_ = Argmax(exact);
  l.lower_ = Argmax(lower);
  l.feats_ = Argmax(feats);
  // Words whose features are the tag's usual ones need no entry.
  auto tf = Argmax(tag_feats);
  l.tag_feats_.assign(num_tags, "_");
  for (const auto& [tag, f] : tf) {
    int t = std::stoi(tag);
    if (t >= 0 && t < num_tags) l.tag_feats_[t] = f;
  }
  for (auto it = l.feats_.begin(); it != l.feats_.end();) {
    int t = std::stoi(it->first.substr(it->first.rfind('\t') + 1));
    if (it->second == l.tag_feats_[t]) it = l.feats_.erase(it);
    else ++it;
  }
  // Exact entries that agree with the lowercased entry are redundant.
  for (auto it = l.exact_.begin(); it != l.exact_.end();) {
    size_t tab = it->first.rfind('\t');
    auto low = l.lower_.find(Lowercase(it->first.substr(0, tab)) + it->first.substr(tab));
    if (low != l.lower_.end() && low->second == it->second) it = l.exact_.erase(it);
    else ++it;
  }
  // Suffix rules counted over word types, so frequent irregular words do not dominate.
  std::map<std::string, std::map<std::string, int>> suffix;
  for (const auto& [type, rule] : types) {
    const std::string& lf = type.first;
    for (size_t n = 0; n <= std::min(l.max_suffix_, lf.size()); ++n) {
      suffix[std::to_string(type.second) + '\t' + lf.substr(lf.size() - n)][rule]++;
    }
  }
  l.suffix_ = Argmax(suffix);
  l.IndexKnownWords();
  return l;
}

void Lemmatizer::Write(ByteWriter& w) const {
  w.U32(static_cast<uint32_t>(max_suffix_));
  WriteMap(w, exact_);
  WriteMap(w, lower_);
  WriteMap(w, suffix_);
  WriteMap(w, feats_);
  w.U32(static_cast<uint32_t>(tag_feats_.size()));
  for (const std::string& f : tag_feats_) w.String(f);
}

Status Lemmatizer::Read(ByteReader& r) {
  max_suffix_ = r.U32();
  if (r.ok() && max_suffix_ > 64) r.Fail("bad suffix length " + std::to_string(max_suffix_));
  ReadMap(r, &exact_);
  ReadMap(r, &lower_);
  ReadMap(r, &suffix_);
  ReadMap(r, &feats_);
  uint32_t n = r.U32();
  if (r.ok() && n > 1000) r.Fail("bad tag count " + std::to_string(n));
  tag_feats_.clear();
  for (uint32_t i = 0; i < n && r.ok(); ++i) tag_feats_.push_back(r.String());
  if (r.ok()) IndexKnownWords();
  return r.status();
}

}  // namespace dragoman::syntax
