#include "syntax/tagger.h"

#include <algorithm>
#include <map>
#include <random>

namespace dragoman::syntax {
namespace {

constexpr uint64_t kNone = 0x5a5a5a5a5a5aULL;  // value for "no word / no tag"

std::string Shape(std::string_view s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (unsigned char c : s) {
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c >= 0x80) k = 'u';
    else k = static_cast<char>(c);
    if (k == last) {
      if (++run > 2) continue;
    } else {
      run = 1;
      last = k;
    }
    out += k;
    if (out.size() >= 10) break;
  }
  return out;
}

}  // namespace

std::string Lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void ComputeWordKeys(const std::vector<std::string>& forms, std::vector<WordKeys>* keys,
                     const OpenClassLexicon* open_classes) {
  keys->resize(forms.size());
  if (open_classes && open_classes->empty()) open_classes = nullptr;
  for (size_t i = 0; i < forms.size(); ++i) {
    const std::string& f = forms[i];
    WordKeys& k = (*keys)[i];
    std::string lower = Lowercase(f);
    k.open = open_classes ? open_classes->Classes(lower) : -1;
    k.amb = 0;  // the tagger's lexicon fills these in (a reused vector keeps no stale values)
    k.fixed = -1;
    k.lower = HashString(lower);
    k.form = HashString(f);
    k.shape = HashString(Shape(f));
    for (size_t n = 1; n <= 4; ++n) {
      k.suffix[n - 1] = lower.size() >= n ? HashString(std::string_view(lower).substr(lower.size() - n)) + n : kNone;
    }
    for (size_t n = 1; n <= 3; ++n) {
      k.prefix[n - 1] = lower.size() >= n ? HashString(std::string_view(lower).substr(0, n)) + n : kNone;
    }
    k.flags = 0;
    bool all_upper = !f.empty();
    for (char c : f) {
      if (c >= '0' && c <= '9') k.flags |= 2;
      if (c == '-') k.flags |= 4;
      if (c >= 'a' && c <= 'z') all_upper = false;
    }
    if (!f.empty() && f[0] >= 'A' && f[0] <= 'Z') k.flags |= 1;
    if (all_upper && (k.flags & 1)) k.flags |= 8;
  }
}

size_t TaggerFeatures(const std::vector<WordKeys>& keys, size_t i, int prev1, int prev2, bool second, int next1,
                      int next2, uint64_t* feats) {
  const WordKeys& w = keys[i];
  const size_t n = keys.size();
  uint64_t p1 = prev1 < 0 ? kNone : static_cast<uint64_t>(prev1);
  uint64_t p2 = prev2 < 0 ? kNone : static_cast<uint64_t>(prev2);
  uint64_t wm1 = i >= 1 ? keys[i - 1].lower : kNone, wm2 = i >= 2 ? keys[i - 2].lower : kNone;
  uint64_t wp1 = i + 1 < n ? keys[i + 1].lower : kNone, wp2 = i + 2 < n ? keys[i + 2].lower : kNone;
  uint64_t sm1 = i >= 1 ? keys[i - 1].suffix[2] : kNone, sp1 = i + 1 < n ? keys[i + 1].suffix[2] : kNone;
  uint64_t shp1 = i + 1 < n ? keys[i + 1].shape : kNone;
  size_t k = 0;
  feats[k++] = Feat(1, 0);
  feats[k++] = Feat(2, w.lower);
  feats[k++] = Feat(3, w.form);
  for (int s = 0; s < 4; ++s) feats[k++] = Feat(4 + s, w.suffix[s]);
  for (int s = 0; s < 3; ++s) feats[k++] = Feat(8 + s, w.prefix[s]);
  feats[k++] = Feat(11, w.shape);
  feats[k++] = Feat(12, w.flags, i == 0);
  feats[k++] = Feat(13, p1);
  feats[k++] = Feat(14, p2);
  feats[k++] = Feat(15, p1, p2);
  feats[k++] = Feat(16, p1, w.lower);
  feats[k++] = Feat(17, wm1);
  feats[k++] = Feat(18, sm1);
  feats[k++] = Feat(19, wp1);
  feats[k++] = Feat(20, sp1);
  feats[k++] = Feat(21, wm2);
  feats[k++] = Feat(22, wp2);
  feats[k++] = Feat(23, wm1, w.lower);
  feats[k++] = Feat(24, w.lower, wp1);
  feats[k++] = Feat(25, p1, w.suffix[2]);
  feats[k++] = Feat(26, shp1, w.shape);
  feats[k++] = Feat(27, p1, wp1);
  feats[k++] = Feat(28, w.suffix[1], wp1);
  // Ambiguity classes: which tags this word and its neighbours can take.
  uint64_t am1 = i >= 1 ? keys[i - 1].amb : kNone, ap1 = i + 1 < n ? keys[i + 1].amb : kNone;
  feats[k++] = Feat(29, w.amb);
  feats[k++] = Feat(30, w.amb, p1);
  feats[k++] = Feat(31, w.amb, ap1);
  feats[k++] = Feat(32, am1, w.amb);
  feats[k++] = Feat(33, ap1);
  feats[k++] = Feat(34, w.amb, w.suffix[2]);
  if (second) {
    uint64_t n1 = next1 < 0 ? kNone : static_cast<uint64_t>(next1);
    uint64_t n2 = next2 < 0 ? kNone : static_cast<uint64_t>(next2);
    feats[k++] = Feat(40, n1);
    feats[k++] = Feat(41, n1, n2);
    feats[k++] = Feat(42, n1, w.lower);
    feats[k++] = Feat(43, p1, n1);
    feats[k++] = Feat(44, n1, w.suffix[2]);
    feats[k++] = Feat(45, n1, wp1);
  }
  if (w.open >= 0) {
    // WordNet's classes of the word (and the next one) stand in for the treebank's tags of words
    // it rarely or never saw.
    const uint64_t open = static_cast<uint64_t>(w.open);
    const uint64_t open_p1 = i + 1 < n ? static_cast<uint64_t>(keys[i + 1].open) : kNone;
    feats[k++] = Feat(46, open);
    feats[k++] = Feat(47, open, w.flags);
    feats[k++] = Feat(48, open, w.suffix[1]);
    feats[k++] = Feat(49, open, p1);
    feats[k++] = Feat(50, open, open_p1);
    feats[k++] = Feat(51, open, w.amb == 0);
  }
  return k;
}

int Tagger::TagId(const std::string& upos, const std::string& xpos) const {
  for (size_t t = 0; t < upos_.size(); ++t) {
    if (upos_[t] == upos && xpos_[t] == xpos) return static_cast<int>(t);
  }
  return -1;
}

void Tagger::Keys(const std::vector<std::string>& forms, std::vector<WordKeys>* keys) const {
  ComputeWordKeys(forms, keys, &open_classes_);
  for (WordKeys& k : *keys) {
    auto it = lexicon_.find(k.lower);
    if (it == lexicon_.end()) continue;
    k.amb = it->second.amb;
    k.fixed = it->second.fixed;
  }
}

namespace {

uint64_t AmbiguityClass(const std::vector<std::pair<int, int>>& tags, int* total, int* best, int* best_count) {
  uint64_t amb = 0x51ed27;
  *total = 0;
  *best = -1;
  *best_count = 0;
  for (const auto& [tag, c] : tags) {
    if (c <= 0) continue;
    amb = Mix64(amb ^ static_cast<uint64_t>(tag + 1));
    *total += c;
    if (c > *best_count) {
      *best = tag;
      *best_count = c;
    }
  }
  return *total ? (amb ? amb : 1) : 0;
}

Tagger::TagCounts CountTags(const std::vector<TaggedSentence>& train) {
  std::unordered_map<uint64_t, std::map<int, int>> counts;
  for (const TaggedSentence& s : train) {
    for (size_t i = 0; i < s.forms.size(); ++i) counts[HashString(Lowercase(s.forms[i]))][s.tags[i]]++;
  }
  Tagger::TagCounts out;
  for (const auto& [word, tags] : counts) out[word] = std::vector<std::pair<int, int>>(tags.begin(), tags.end());
  return out;
}

}  // namespace

void Tagger::TrainKeys(const TaggedSentence& s, const TagCounts& counts, std::vector<WordKeys>* keys) const {
  Keys(s.forms, keys);
  for (size_t i = 0; i < s.forms.size(); ++i) {
    WordKeys& k = (*keys)[i];
    auto it = counts.find(k.lower);
    if (it == counts.end()) continue;
    std::vector<std::pair<int, int>> tags = it->second;
    for (size_t j = 0; j < s.forms.size(); ++j) {
      if ((*keys)[j].lower != k.lower) continue;
      for (auto& [tag, c] : tags) {
        if (tag == s.tags[j]) --c;
      }
    }
    int total, best, best_count;
    k.amb = AmbiguityClass(tags, &total, &best, &best_count);
  }
}

void Tagger::BuildLexicon(const std::vector<TaggedSentence>& train) {
  TagCounts counts = CountTags(train);
  lexicon_.clear();
  for (const auto& [word, tags] : counts) {
    int total, best, best_count;
    uint64_t amb = AmbiguityClass(tags, &total, &best, &best_count);
    // Frequent words that (almost) never change tag skip the model altogether.
    int fixed = total >= 50 && best_count >= total * 0.998 ? best : -1;
    lexicon_[word] = Lexical{amb, fixed};
  }
}

// A word whose first-pass tag wins by this much (in averaged-weight units) keeps it: the second
// pass, which sees the next words' tags, changes such words too rarely to pay for itself. Chosen
// on EWT dev (skips ~85% of second-pass words; dev UAS 85.81 vs 85.79 with both passes for all).
constexpr float kConfidentMargin = 20.0f;

void Tagger::Pass(const Perceptron& model, bool second, const std::vector<WordKeys>& keys,
                  const std::vector<int>* first, std::vector<int>* tags, std::vector<float>* margins) const {
  const size_t n = keys.size();
  uint64_t feats[kMaxTaggerFeatures];
  float scores[1024];
  for (size_t i = 0; i < n; ++i) {
    if (keys[i].fixed >= 0) {
      (*tags)[i] = keys[i].fixed;
      continue;
    }
    int p1 = i >= 1 ? (*tags)[i - 1] : -1, p2 = i >= 2 ? (*tags)[i - 2] : -1;
    int n1 = -1, n2 = -1;
    if (second) {
      n1 = i + 1 < n ? (*first)[i + 1] : -1;
      n2 = i + 2 < n ? (*first)[i + 2] : -1;
    }
    if (second && margins && (*margins)[i] > kConfidentMargin) {
      (*tags)[i] = (*first)[i];
      continue;
    }
    size_t k = TaggerFeatures(keys, i, p1, p2, second, n1, n2, feats);
    model.Score(feats, k, scores);
    (*tags)[i] = static_cast<int>(std::max_element(scores, scores + model.num_classes()) - scores);
    if (!second && margins) {
      const float best = scores[(*tags)[i]];
      float runner_up = -1e30f;
      for (int c = 0; c < model.num_classes(); ++c) {
        if (c != (*tags)[i]) runner_up = std::max(runner_up, scores[c]);
      }
      (*margins)[i] = (best - runner_up) * model.scale();
    }
  }
}

void Tagger::Tag(const std::vector<std::string>& forms, std::vector<int>* tags, bool keep_confident) const {
  std::vector<WordKeys> keys;
  Keys(forms, &keys);
  std::vector<int> first(forms.size(), 0);
  std::vector<float> margins(forms.size(), 0);
  Pass(pass1_, false, keys, nullptr, &first, keep_confident ? &margins : nullptr);
  tags->assign(forms.size(), 0);
  Pass(pass2_, true, keys, &first, tags, keep_confident ? &margins : nullptr);
}

Tagger Tagger::Train(const std::vector<std::string>& tag_names, const std::vector<TaggedSentence>& train,
                     const std::vector<TaggedSentence>& dev, const TaggerOptions& options) {
  Tagger tagger;
  for (const std::string& name : tag_names) {
    size_t tab = name.find('\t');
    tagger.upos_.push_back(name.substr(0, tab));
    tagger.xpos_.push_back(tab == std::string::npos ? "" : name.substr(tab + 1));
  }
  const int num_tags = static_cast<int>(tag_names.size());
  if (options.open_classes) tagger.open_classes_ = *options.open_classes;
  tagger.BuildLexicon(train);
  const TagCounts counts = CountTags(train);
  PerceptronTrainer t1(num_tags), t2(num_tags);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<WordKeys> keys;
  uint64_t feats[kMaxTaggerFeatures];
  std::vector<float> scores(num_tags);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t correct = 0, total = 0;
    for (size_t idx : order) {
      const TaggedSentence& s = train[idx];
      tagger.TrainKeys(s, counts, &keys);
      const size_t n = s.forms.size();
      std::vector<int> first(n), second(n);
      for (size_t i = 0; i < n; ++i) {
        if (keys[i].fixed >= 0) {
          first[i] = keys[i].fixed;
          continue;
        }
        size_t k = TaggerFeatures(keys, i, i >= 1 ? first[i - 1] : -1, i >= 2 ? first[i - 2] : -1, false, -1, -1, feats);
        t1.Score(feats, k, scores.data());
        int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        t1.Update(feats, k, s.tags[i], guess);
        t1.Tick();
        first[i] = guess;
      }
      for (size_t i = 0; i < n; ++i) {
        if (keys[i].fixed >= 0) {
          second[i] = keys[i].fixed;
          correct += second[i] == s.tags[i];
          ++total;
          continue;
        }
        size_t k = TaggerFeatures(keys, i, i >= 1 ? second[i - 1] : -1, i >= 2 ? second[i - 2] : -1, true,
                                  i + 1 < n ? first[i + 1] : -1, i + 2 < n ? first[i + 2] : -1, feats);
        t2.Score(feats, k, scores.data());
        int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        t2.Update(feats, k, s.tags[i], guess);
        t2.Tick();
        second[i] = guess;
        correct += guess == s.tags[i];
        ++total;
      }
    }
    if (options.log && (!dev.empty() || epoch + 1 == options.epochs)) {
      std::string msg = "tagger epoch " + std::to_string(epoch + 1) + ": train " +
                        std::to_string(100.0 * correct / std::max<size_t>(1, total));
      if (!dev.empty() && (epoch + 1 == options.epochs || epoch % 3 == 2)) {
        tagger.pass1_ = t1.Average(options.min_updates);
        tagger.pass2_ = t2.Average(options.min_updates);
        size_t dc = 0, dt = 0;
        std::vector<int> tags;
        for (const TaggedSentence& s : dev) {
          tagger.Tag(s.forms, &tags, /*keep_confident=*/false);
          for (size_t i = 0; i < tags.size(); ++i) dc += tags[i] == s.tags[i];
          dt += tags.size();
        }
        msg += ", dev " + std::to_string(100.0 * dc / std::max<size_t>(1, dt));
      }
      options.log(msg);
    }
  }
  tagger.pass1_ = t1.Average(options.min_updates);
  tagger.pass2_ = t2.Average(options.min_updates);
  return tagger;
}

void Tagger::Write(ByteWriter& w) const {
  w.U32(static_cast<uint32_t>(upos_.size()));
  for (size_t t = 0; t < upos_.size(); ++t) w.String(upos_[t]).String(xpos_[t]);
  std::vector<std::pair<uint64_t, Lexical>> lex(lexicon_.begin(), lexicon_.end());
  std::sort(lex.begin(), lex.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.U64(lex.size());
  for (const auto& [word, l] : lex) w.U64(word).U64(l.amb).U32(static_cast<uint32_t>(l.fixed + 1));
  pass1_.Write(w);
  pass2_.Write(w);
  // Optional (taggers written without it have none).
  if (!open_classes_.empty()) open_classes_.Write(w);
}

Status Tagger::Read(ByteReader& r) {
  uint32_t n = r.U32();
  if (r.ok() && (n == 0 || n > 1000)) r.Fail("bad tag count " + std::to_string(n));
  upos_.clear();
  xpos_.clear();
  for (uint32_t t = 0; t < n && r.ok(); ++t) {
    upos_.push_back(r.String());
    xpos_.push_back(r.String());
  }
  size_t m = r.Count(20);
  lexicon_.clear();
  lexicon_.reserve(m);
  for (size_t i = 0; i < m && r.ok(); ++i) {
    uint64_t word = r.U64();
    uint64_t amb = r.U64();
    int fixed = static_cast<int>(r.U32()) - 1;
    if (fixed >= static_cast<int>(n)) r.Fail("bad fixed tag " + std::to_string(fixed));
    lexicon_[word] = Lexical{amb, fixed};
  }
  if (!r.ok()) return r.status();
  Status s = pass1_.Read(r);
  if (!s.ok()) return s;
  s = pass2_.Read(r);
  if (!s.ok()) return s;
  open_classes_ = OpenClassLexicon();
  if (!r.AtEnd()) {
    s = open_classes_.Read(r);
    if (!s.ok()) return s;
  }
  if (pass1_.num_classes() != static_cast<int>(n) || pass2_.num_classes() != static_cast<int>(n)) {
    r.Fail("tagger weights have " + std::to_string(pass1_.num_classes()) + " classes, expected " + std::to_string(n));
  }
  return r.status();
}

}  // namespace dragoman::syntax
