#include "syntax/parser.h"

#include <algorithm>
#include <random>

#include "syntax/tagger.h"

namespace dragoman::syntax {
namespace {

constexpr uint64_t kNone = 0x7777777777ULL;  // value of a missing word, tag or label
constexpr uint64_t kRootWord = 0x1234567ULL;
constexpr uint64_t kSentenceStart = 0x7654321ULL;
constexpr size_t kMaxFeatures = 160;
constexpr int kShift = 0, kReduce = 1;

// A parser configuration: the stack, the buffer front and the arcs built so far. The artificial
// root is position 0 at the bottom of the stack, or (root last) position n + 1 at the end of the
// buffer, where the choice of the sentence's root waits until every word has been seen
// (Ballesteros & Nivre 2013).
struct State {
  int n = 0;
  int root = 0;
  std::vector<int> stack;
  int buf = 1;
  std::vector<int> head, label, lc1, lc2, rc1, rc2, nl, nr;
  std::vector<uint64_t> lset, rset;
  int root_children = 0;

  void Init(int words, bool root_last) {
    n = words;
    root = root_last ? n + 1 : 0;
    if (root_last) {
      stack.clear();
    } else {
      stack.assign(1, 0);
    }
    buf = 1;
    const size_t positions = n + 2;
    head.assign(positions, -1);
    label.assign(positions, -1);
    lc1.assign(positions, -1);
    lc2.assign(positions, -1);
    rc1.assign(positions, -1);
    rc2.assign(positions, -1);
    nl.assign(positions, 0);
    nr.assign(positions, 0);
    lset.assign(positions, 0);
    rset.assign(positions, 0);
    root_children = 0;
  }
  bool Terminal() const { return buf > n && (root == 0 || stack.empty()); }
  int S0() const { return stack.empty() ? -1 : stack.back(); }
  bool OnStack(int i) const { return std::find(stack.begin(), stack.end(), i) != stack.end(); }
  // The buffer front, -1 when the buffer is empty.
  int N0() const { return buf <= n || buf == root ? buf : -1; }

  void AddArc(int h, int d, int l) {
    head[d] = h;
    label[d] = l;
    if (h == root) ++root_children;
    if (d < h) {
      if (lc1[h] < 0 || d < lc1[h]) {
        lc2[h] = lc1[h];
        lc1[h] = d;
      } else if (lc2[h] < 0 || d < lc2[h]) {
        lc2[h] = d;
      }
      ++nl[h];
      lset[h] |= 1ULL << (l & 63);
    } else {
      if (rc1[h] < 0 || d > rc1[h]) {
        rc2[h] = rc1[h];
        rc1[h] = d;
      } else if (rc2[h] < 0 || d > rc2[h]) {
        rc2[h] = d;
      }
      ++nr[h];
      rset[h] |= 1ULL << (l & 63);
    }
  }

  // Applies class c (SHIFT, REDUCE, LEFT-l, RIGHT-l with num_labels labels).
  void Apply(int c, int num_labels) {
    if (c == kShift) {
      stack.push_back(buf++);
    } else if (c == kReduce) {
      stack.pop_back();
    } else if (c < 2 + num_labels) {
      AddArc(buf, S0(), c - 2);
      stack.pop_back();
    } else {
      AddArc(S0(), buf, c - 2 - num_labels);
      stack.push_back(buf++);
    }
  }
};

// Whether class c applies. With the root last, a headless word still on the stack when the root
// already has its one child is reduced without a head (Finish gives it one), so parsing always ends.
bool Valid(const State& s, int c, int num_labels, int root_label) {
  if (s.Terminal()) return false;
  const int s0 = s.S0();
  const bool s0_word = s0 >= 0 && s0 != s.root;
  const bool front_is_root = s.buf == s.root;
  if (c == kShift) return !front_is_root;
  if (c == kReduce) return s0_word && (s.head[s0] >= 0 || (front_is_root && s.root_children > 0));
  if (c < 2 + num_labels) {  // LEFT-ARC: the buffer front becomes the head of s0
    const int l = c - 2;
    if (!s0_word || s.head[s0] >= 0) return false;
    return front_is_root ? l == root_label && s.root_children == 0 : l != root_label;
  }
  const int l = c - 2 - num_labels;  // RIGHT-ARC: s0 becomes the head of the buffer front
  if (s0 < 0 || front_is_root) return false;
  if (s0 == s.root) return l == root_label && s.root_children == 0;
  return l != root_label;
}

// Word, tag and suffix hashes of the positions of a sentence (0 and the words; with the root last
// also n + 1, see WordHashes), lowercased word hashes first, then suffix hashes; and fine tags,
// then (feature set 3) coarse UPOS ids. With a guide, guide_heads/guide_labels hold its parse of
// positions 0..n (-1 at 0).
struct SentenceKeys {
  const std::vector<uint64_t>& words;
  const std::vector<int>& tags;
  const std::vector<int>* guide_heads = nullptr;
  const std::vector<int>* guide_labels = nullptr;
  uint64_t W(int i) const { return i < 0 ? kNone : words[i]; }
  uint64_t S(int i) const { return i < 0 ? kNone : words[words.size() / 2 + i]; }
  uint64_t P(int i) const { return i < 0 ? kNone : static_cast<uint64_t>(tags[i]); }
};

// What the guide parser says about the stack top and the buffer front: whether it joins them,
// where it puts their heads relative to the configuration, its labels, and how many of their
// dependents it still expects. This brings in structure beyond the buffer front, which the
// parser has not read yet. Positions are in reading order (a right-to-left parser reverses both).
size_t GuideFeatures(const State& s, const SentenceKeys& x, int s0, int n0, int n1, uint64_t* f) {
  const std::vector<int>& gh = *x.guide_heads;
  // Positions outside the words (the root, a root at the end) have no guide head or label.
  const int last = static_cast<int>(gh.size()) - 1;
  auto GH = [&](int i) { return i > 0 && i <= last ? gh[i] : -1; };
  auto GL = [&](int i) -> uint64_t {
    return i > 0 && i <= last ? static_cast<uint64_t>((*x.guide_labels)[i]) : kNone;
  };
  auto P = [&](int i) { return x.P(i); };
  uint64_t rel = kNone;
  if (s0 >= 0 && n0 >= 0) rel = GH(n0) == s0 ? 1 : (s0 > 0 && GH(s0) == n0) ? 2 : 0;
  uint64_t where_n0_head = kNone, where_s0_head = kNone;
  if (n0 > 0) {
    const int h = GH(n0);
    where_n0_head = h == s0 ? 1 : h == 0 ? 0 : h > n0 ? 4 : s.OnStack(h) ? 2 : 3;
  }
  if (s0 > 0) {
    const int h = GH(s0);
    where_s0_head = h == n0 ? 1 : h == 0 ? 0 : h > n0 ? 2 : h < s0 ? 3 : 4;
  }
  uint64_t s0_deps_ahead = kNone, n0_deps_behind = kNone;
  if (s0 >= 0 && n0 >= 0) {
    int c = 0;
    for (int k = n0; k <= last && c < 3; ++k) c += gh[k] == s0;
    s0_deps_ahead = c;
    c = 0;
    for (int k : s.stack) c += s.head[k] < 0 && GH(k) == n0;
    n0_deps_behind = std::min(c, 3);
  }
  const uint64_t n1_rel = n1 > 0 ? (GH(n1) == n0 ? 1 : GH(n1) == s0 ? 2 : GH(n1) > n1 ? 3 : 0) : kNone;
  const uint64_t s0p = P(s0), n0p = P(n0);
  size_t k = 0;
  f[k++] = Feat(220, rel, s0p, n0p);
  f[k++] = Feat(221, rel, GL(s0), GL(n0));
  f[k++] = Feat(222, where_n0_head, n0p, s0p);
  f[k++] = Feat(223, where_s0_head, s0p, n0p);
  f[k++] = Feat(224, s0_deps_ahead, s0p);
  f[k++] = Feat(225, n0_deps_behind, n0p);
  f[k++] = Feat(226, rel, where_n0_head, where_s0_head);
  f[k++] = Feat(227, rel, s0_deps_ahead, n0_deps_behind);
  f[k++] = Feat(228, where_n0_head, GL(n0));
  f[k++] = Feat(229, where_s0_head, GL(s0));
  f[k++] = Feat(230, rel, x.W(s0), x.W(n0));
  f[k++] = Feat(231, n1_rel, n0p, P(n1));
  const int n0_head = n0 > 0 ? GH(n0) : -1, s0_head = s0 > 0 ? GH(s0) : -1;
  const uint64_t proposed_label = rel == 1 ? GL(n0) : rel == 2 ? GL(s0) : kNone;
  f[k++] = Feat(232, P(n0_head), n0p, where_n0_head);
  f[k++] = Feat(233, P(s0_head), s0p, where_s0_head);
  f[k++] = Feat(234, GL(n0), x.W(n0));
  f[k++] = Feat(235, GL(s0), x.W(s0));
  f[k++] = Feat(236, Feat(0, rel, proposed_label), s0p, n0p);
  f[k++] = Feat(237, where_n0_head, where_s0_head, s0_deps_ahead);
  f[k++] = Feat(238, n0_head >= 0 ? static_cast<uint64_t>(std::clamp(n0_head - n0, -8, 8) + 8) : kNone, n0p);
  return k;
}

// The features of a configuration that depend on more than one fixed position (Zhang & Nivre
// 2011, plus second-stack-word features); BufferFeatures and StackTopFeatures give the rest.
size_t DynamicFeatures(const State& s, const SentenceKeys& x, int feature_set, uint64_t* f) {
  auto W = [&](int i) { return x.W(i); };
  auto S = [&](int i) { return x.S(i); };
  auto P = [&](int i) { return x.P(i); };
  const std::vector<int>& tags = x.tags;
  // tags holds the fine tags of the n+1 positions, then (feature set 3) their coarse UPOS ids.
  const size_t tstride = feature_set >= 3 ? tags.size() / 2 : 0;
  auto C = [&](int i) -> uint64_t { return i < 0 ? kNone : static_cast<uint64_t>(tags[tstride + i]) + 5000; };
  auto L = [&](int i) -> uint64_t { return i < 0 || s.label[i] < 0 ? kNone : static_cast<uint64_t>(s.label[i]); };
  const int s0 = s.S0();
  const int s1 = s.stack.size() >= 2 ? s.stack[s.stack.size() - 2] : -1;
  const int n0 = s.N0();
  const int n1 = s.buf + 1 <= s.n ? s.buf + 1 : -1;
  const int s0h = s0 >= 0 ? s.head[s0] : -1;
  const int s0h2 = s0h >= 0 ? s.head[s0h] : -1;
  const int s0l = s0 >= 0 ? s.lc1[s0] : -1, s0l2 = s0 >= 0 ? s.lc2[s0] : -1;
  const int s0r = s0 >= 0 ? s.rc1[s0] : -1, s0r2 = s0 >= 0 ? s.rc2[s0] : -1;
  const int n0l = n0 >= 0 ? s.lc1[n0] : -1, n0l2 = n0 >= 0 ? s.lc2[n0] : -1;
  const uint64_t s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0), n1w = W(n1), n1p = P(n1);
  const uint64_t dist = (s0 >= 0 && n0 >= 0) ? std::min(n0 - s0, 12) : kNone;
  const uint64_t s0vl = s0 >= 0 ? s.nl[s0] : kNone, s0vr = s0 >= 0 ? s.nr[s0] : kNone;
  const uint64_t n0vl = n0 >= 0 ? s.nl[n0] : kNone;
  const uint64_t s0sl = s0 >= 0 ? s.lset[s0] : kNone, s0sr = s0 >= 0 ? s.rset[s0] : kNone;
  const uint64_t n0sl = n0 >= 0 ? s.lset[n0] : kNone;
  size_t k = 0;
  f[k++] = Feat(100, 0);
  // Single words.
  // Word pairs.
  f[k++] = Feat(113, Feat(0, s0w, s0p), n0w, n0p);
  f[k++] = Feat(114, s0w, s0p, n0w);
  f[k++] = Feat(115, s0w, n0w, n0p);
  f[k++] = Feat(116, s0w, s0p, n0p);
  f[k++] = Feat(117, s0p, n0w, n0p);
  f[k++] = Feat(118, s0w, n0w);
  f[k++] = Feat(119, s0p, n0p);
  // Three words.
  f[k++] = Feat(122, s0p, n0p, n1p);
  f[k++] = Feat(123, P(s0h), s0p, n0p);
  f[k++] = Feat(124, s0p, P(s0l), n0p);
  f[k++] = Feat(125, s0p, P(s0r), n0p);
  f[k++] = Feat(126, s0p, n0p, P(n0l));
  // Distance.
  f[k++] = Feat(127, s0w, dist);
  f[k++] = Feat(128, s0p, dist);
  f[k++] = Feat(129, n0w, dist);
  f[k++] = Feat(130, n0p, dist);
  f[k++] = Feat(131, s0w, n0w, dist);
  f[k++] = Feat(132, s0p, n0p, dist);
  // Valency.
  f[k++] = Feat(133, s0w, s0vr);
  f[k++] = Feat(134, s0p, s0vr);
  f[k++] = Feat(135, s0w, s0vl);
  f[k++] = Feat(136, s0p, s0vl);
  f[k++] = Feat(137, n0w, n0vl);
  f[k++] = Feat(138, n0p, n0vl);
  // Unigrams of heads and children.
  f[k++] = Feat(139, W(s0h));
  f[k++] = Feat(140, P(s0h));
  f[k++] = Feat(141, L(s0));
  f[k++] = Feat(142, W(s0l));
  f[k++] = Feat(143, P(s0l));
  f[k++] = Feat(144, L(s0l));
  f[k++] = Feat(145, W(s0r));
  f[k++] = Feat(146, P(s0r));
  f[k++] = Feat(147, L(s0r));
  f[k++] = Feat(148, W(n0l));
  f[k++] = Feat(149, P(n0l));
  f[k++] = Feat(150, L(n0l));
  // Third order.
  f[k++] = Feat(151, W(s0h2));
  f[k++] = Feat(152, P(s0h2));
  f[k++] = Feat(153, L(s0h));
  f[k++] = Feat(154, W(s0l2));
  f[k++] = Feat(155, P(s0l2));
  f[k++] = Feat(156, L(s0l2));
  f[k++] = Feat(157, W(s0r2));
  f[k++] = Feat(158, P(s0r2));
  f[k++] = Feat(159, L(s0r2));
  f[k++] = Feat(160, W(n0l2));
  f[k++] = Feat(161, P(n0l2));
  f[k++] = Feat(162, L(n0l2));
  f[k++] = Feat(163, s0p, P(s0l), P(s0l2));
  f[k++] = Feat(164, s0p, P(s0r), P(s0r2));
  f[k++] = Feat(165, s0p, P(s0h), P(s0h2));
  f[k++] = Feat(166, n0p, P(n0l), P(n0l2));
  // Label sets.
  f[k++] = Feat(167, s0w, s0sr);
  f[k++] = Feat(168, s0p, s0sr);
  f[k++] = Feat(169, s0w, s0sl);
  f[k++] = Feat(170, s0p, s0sl);
  f[k++] = Feat(171, n0w, n0sl);
  f[k++] = Feat(172, n0p, n0sl);
  // Second stack word and extra context.
  f[k++] = Feat(173, W(s1), P(s1));
  f[k++] = Feat(174, P(s1), s0p, n0p);
  f[k++] = Feat(175, P(s1), s0p);
  f[k++] = Feat(176, s0p, n0p, L(s0));
  f[k++] = Feat(177, s0w, n0p, L(s0));
  f[k++] = Feat(181, P(n0 > 0 ? n0 - 1 : -1), s0p, n0p);
  f[k++] = Feat(182, s0p, P(s0 >= 0 && s0 + 1 <= s.n ? s0 + 1 : -1), n0p);
  // Suffixes stand in for rare words.
  f[k++] = Feat(185, S(s0), S(n0));
  if (feature_set >= 2) {
    const int s0m1 = s0 > 1 ? s0 - 1 : -1;
    f[k++] = Feat(187, s0w, L(s0), n0p);
    f[k++] = Feat(188, n0w, L(n0l));
    f[k++] = Feat(189, W(s0h), s0w);
    f[k++] = Feat(190, W(s1), s0w);
    f[k++] = Feat(191, s0p, n1w);
    f[k++] = Feat(193, P(s0m1), s0p, n0p);
    f[k++] = Feat(194, W(s0r), n0p);
    f[k++] = Feat(195, s0p, P(s0h), n0w);
    f[k++] = Feat(196, P(s1), s0w, n0w);
  }
  if (feature_set >= 3) {
    f[k++] = Feat(197, C(s0), C(n0));
    f[k++] = Feat(198, C(s0), C(n0), C(n1));
    f[k++] = Feat(199, C(s1), C(s0), C(n0));
    f[k++] = Feat(200, C(s0), C(n0), dist);
    f[k++] = Feat(201, C(s0h), C(s0), C(n0));
    f[k++] = Feat(202, C(s0), C(s0l), C(n0));
    f[k++] = Feat(203, C(n0), C(n0l), C(n1));
    f[k++] = Feat(204, s0w, C(n0));
    f[k++] = Feat(205, C(s0), n0w);
    f[k++] = Feat(206, C(s0), C(s0r), C(n0));
  }
  if (x.guide_heads) k += GuideFeatures(s, x, s0, n0, n1, f + k);
  return k;
}

// Features that depend only on the buffer front n0 (and the fixed words around it): the same for
// every configuration with that front, so parsing scores them once per front.
size_t BufferFeatures(int n0, int n, const SentenceKeys& x, int feature_set, uint64_t* f) {
  const int n1 = n0 >= 0 && n0 + 1 <= n ? n0 + 1 : -1;
  const int n2 = n0 >= 0 && n0 + 2 <= n ? n0 + 2 : -1;
  const uint64_t n0w = x.W(n0), n0p = x.P(n0), n1w = x.W(n1), n1p = x.P(n1), n2w = x.W(n2), n2p = x.P(n2);
  size_t k = 0;
  f[k++] = Feat(104, n0w, n0p);
  f[k++] = Feat(105, n0w);
  f[k++] = Feat(106, n0p);
  f[k++] = Feat(107, n1w, n1p);
  f[k++] = Feat(108, n1w);
  f[k++] = Feat(109, n1p);
  f[k++] = Feat(110, n2w, n2p);
  f[k++] = Feat(111, n2w);
  f[k++] = Feat(112, n2p);
  f[k++] = Feat(120, n0p, n1p);
  f[k++] = Feat(121, n0p, n1p, n2p);
  f[k++] = Feat(178, n0w, n1w);
  f[k++] = Feat(179, n0p, n1w);
  f[k++] = Feat(180, x.P(n0 > 0 ? n0 - 1 : -1), n0p);
  f[k++] = Feat(184, x.S(n0), n0p);
  f[k++] = Feat(186, x.S(n1), n1p);
  if (feature_set >= 2) f[k++] = Feat(192, x.W(n0 > 1 ? n0 - 1 : -1), n0w);
  return k;
}

// Features that depend only on the stack top s0 (-1 for an empty stack).
size_t StackTopFeatures(int s0, const SentenceKeys& x, uint64_t* f) {
  size_t k = 0;
  f[k++] = Feat(101, x.W(s0), x.P(s0));
  f[k++] = Feat(102, x.W(s0));
  f[k++] = Feat(103, x.P(s0));
  f[k++] = Feat(183, x.S(s0), x.P(s0));
  return k;
}

// Every feature of a configuration (training scores them all at once).
size_t Features(const State& s, const SentenceKeys& x, int feature_set, uint64_t* f) {
  size_t k = BufferFeatures(s.N0(), s.n, x, feature_set, f);
  k += StackTopFeatures(s.S0(), x, f + k);
  return k + DynamicFeatures(s, x, feature_set, f + k);
}

// Costs of each class under the dynamic oracle of Goldberg & Nivre (2012): gold arcs that the
// transition makes unreachable.
void Costs(const State& s, const std::vector<int>& gold_head, const std::vector<int>& gold_label, int num_labels,
           int root_label, std::vector<int>* costs) {
  const int s0 = s.S0();
  const int b = s.buf;
  const int n = s.n;
  costs->assign(2 + 2 * num_labels, 1 << 20);
  if (Valid(s, kShift, num_labels, root_label)) {
    int c = 0;
    for (int k : s.stack) {
      if (k != s.root && s.head[k] < 0 && gold_head[k] == b) ++c;
    }
    if (s.OnStack(gold_head[b])) ++c;
    (*costs)[kShift] = c;
  }
  // Dependents of s0 still in the buffer.
  int s0_deps_in_buffer = 0;
  if (s0 >= 0) {
    for (int k = b; k <= n; ++k) s0_deps_in_buffer += gold_head[k] == s0;
  }
  if (Valid(s, kReduce, num_labels, root_label)) (*costs)[kReduce] = s0_deps_in_buffer;
  if (s0 >= 0 && s0 != s.root && s.head[s0] < 0) {
    int c = s0_deps_in_buffer + (gold_head[s0] > b ? 1 : 0);
    for (int l = 0; l < num_labels; ++l) {
      if (!Valid(s, 2 + l, num_labels, root_label)) continue;
      (*costs)[2 + l] = c + (gold_head[s0] == b && gold_label[s0] != l ? 1 : 0);
    }
  }
  if (s0 >= 0 && b != s.root) {
    int c = 0;
    int gh = gold_head[b];
    if (gh != s0 && (gh > b || s.OnStack(gh))) ++c;
    for (int k : s.stack) {
      if (k != s.root && s.head[k] < 0 && gold_head[k] == b) ++c;
    }
    for (int l = 0; l < num_labels; ++l) {
      int cls = 2 + num_labels + l;
      if (!Valid(s, cls, num_labels, root_label)) continue;
      (*costs)[cls] = c + (gh == s0 && gold_label[b] != l ? 1 : 0);
    }
  }
}

// Lowercased word hashes of the positions (0, the words, and with the root last n + 1), then
// their suffix hashes. The root has its own word; position 0 before a last root is a sentence start.
void WordHashes(const std::vector<std::string>& forms, bool root_last, std::vector<uint64_t>* words) {
  const size_t n = forms.size() + (root_last ? 2 : 1);
  words->resize(2 * n);
  (*words)[0] = (*words)[n] = root_last ? kSentenceStart : kRootWord;
  if (root_last) (*words)[n - 1] = (*words)[2 * n - 1] = kRootWord;
  for (size_t i = 0; i < forms.size(); ++i) {
    std::string lower = Lowercase(forms[i]);
    (*words)[i + 1] = HashString(lower);
    (*words)[n + i + 1] = HashString(lower.size() > 3 ? std::string_view(lower).substr(lower.size() - 3) : lower) + 3;
  }
}

// Tag ids of the positions laid out as WordHashes, then (coarse given) their coarse ids. The root
// takes tag id num_tags, a sentence start num_tags + 1.
void TagsWithRoot(const std::vector<int>& tags, int num_tags, const std::vector<int>& coarse, bool root_last,
                  std::vector<int>* out) {
  const size_t n = tags.size() + (root_last ? 2 : 1);
  out->resize(coarse.empty() ? n : 2 * n);
  (*out)[0] = root_last ? num_tags + 1 : num_tags;
  if (root_last) (*out)[n - 1] = num_tags;
  std::copy(tags.begin(), tags.end(), out->begin() + 1);
  if (coarse.empty()) return;
  (*out)[n] = -1;
  if (root_last) (*out)[2 * n - 1] = -3;
  for (size_t i = 0; i < tags.size(); ++i) {
    (*out)[n + 1 + i] = tags[i] >= 0 && tags[i] < static_cast<int>(coarse.size()) ? coarse[tags[i]] : -2;
  }
}

int BestValid(const State& s, const float* scores, int num_classes, int num_labels, int root_label) {
  int best = -1;
  for (int c = 0; c < num_classes; ++c) {
    if ((best < 0 || scores[c] > scores[best]) && Valid(s, c, num_labels, root_label)) best = c;
  }
  return best;
}

// Gives a head to every word the transitions left without one, and numbers the root 0.
void Finish(State& s, int root_label, int fallback_label) {
  int root_word = -1;
  for (int i = 1; i <= s.n; ++i) {
    if (s.head[i] == s.root) {
      s.head[i] = 0;
      if (root_word < 0) root_word = i;
    }
  }
  for (int i = 1; i <= s.n; ++i) {
    if (s.head[i] >= 0) continue;
    if (root_word < 0) {
      s.head[i] = 0;
      s.label[i] = root_label;
      root_word = i;
    } else {
      s.head[i] = root_word;
      s.label[i] = fallback_label;
    }
  }
}

// Lays out a guide's parse as positions 0..n in heads/labels and points x at them.
void UseGuide(const GuideParse& guide, std::vector<int>* heads, std::vector<int>* labels, SentenceKeys* x) {
  heads->assign(1, -1);
  heads->insert(heads->end(), guide.heads.begin(), guide.heads.end());
  labels->assign(1, -1);
  labels->insert(labels->end(), guide.labels.begin(), guide.labels.end());
  x->guide_heads = heads;
  x->guide_labels = labels;
}

// The same sentence read backwards: word i of n becomes word n + 1 - i.
template <typename T>
std::vector<T> Reversed(const std::vector<T>& v) {
  return std::vector<T>(v.rbegin(), v.rend());
}
std::vector<int> ReversedHeads(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  std::vector<int> out(n);
  for (int i = 0; i < n; ++i) out[n - 1 - i] = heads[i] == 0 ? 0 : n + 1 - heads[i];
  return out;
}
GuideParse Reversed(const GuideParse& g) { return {ReversedHeads(g.heads), Reversed(g.labels)}; }

}  // namespace

void Parser::Parse(const std::vector<std::string>& forms, const std::vector<int>& tags, std::vector<int>* heads,
                   std::vector<int>* labels, const GuideParse* guide) const {
  if (!right_to_left_) {
    ParseInOrder(forms, tags, guide, heads, labels);
    return;
  }
  GuideParse reversed_guide;
  if (guide) reversed_guide = Reversed(*guide);
  std::vector<int> h, l;
  ParseInOrder(Reversed(forms), Reversed(tags), guide ? &reversed_guide : nullptr, &h, &l);
  *heads = ReversedHeads(h);
  *labels = Reversed(l);
}

void Parser::ParseInOrder(const std::vector<std::string>& forms, const std::vector<int>& tags, const GuideParse* guide,
                          std::vector<int>* heads, std::vector<int>* labels) const {
  const int n = static_cast<int>(forms.size());
  const int L = num_labels();
  const int num_classes = 2 + 2 * L;
  std::vector<uint64_t> words;
  WordHashes(forms, root_last_, &words);
  std::vector<int> ptags;
  TagsWithRoot(tags, num_tags_, coarse_, root_last_, &ptags);
  State s;
  s.Init(n, root_last_);
  uint64_t feats[kMaxFeatures];
  std::vector<float> scores(num_classes);
  // The scores of the features fixed by the buffer front and by the stack top, per position
  // (index n + 1 stands for "none"), computed the first time a position takes that role.
  std::vector<int> guide_heads, guide_labels;
  SentenceKeys x{words, ptags};
  if (guided_ && guide && guide->heads.size() == forms.size() && guide->labels.size() == forms.size()) {
    UseGuide(*guide, &guide_heads, &guide_labels, &x);
  }
  const size_t stride = model_.stride();
  std::vector<int32_t> front_scores((n + 2) * stride), top_scores((n + 2) * stride);
  std::vector<char> front_done(n + 2, 0), top_done(n + 2, 0);
  std::vector<int32_t> acc(stride);
  while (!s.Terminal()) {
    // Index n + 1 is the root at the end of the buffer, or with the root first an empty buffer.
    const int n0 = s.N0();
    const int front = n0 >= 0 ? n0 : n + 1;
    if (!front_done[front]) {
      size_t k = BufferFeatures(n0, n, x, feature_set_, feats);
      model_.Accumulate(feats, k, &front_scores[front * stride]);
      front_done[front] = 1;
    }
    const int top = s.S0() >= 0 ? s.S0() : n + 1;
    if (!top_done[top]) {
      size_t k = StackTopFeatures(top <= n ? top : -1, x, feats);
      model_.Accumulate(feats, k, &top_scores[top * stride]);
      top_done[top] = 1;
    }
    std::copy(front_scores.begin() + front * stride, front_scores.begin() + (front + 1) * stride, acc.begin());
    model_.AddScores(&top_scores[top * stride], acc.data());
    size_t k = DynamicFeatures(s, x, feature_set_, feats);
    model_.Accumulate(feats, k, acc.data());
    for (int c = 0; c < num_classes; ++c) scores[c] = static_cast<float>(acc[c]);
    int c = BestValid(s, scores.data(), num_classes, L, root_label_);
    s.Apply(c, L);
  }
  Finish(s, root_label_, fallback_label_);
  heads->assign(s.head.begin() + 1, s.head.begin() + 1 + n);
  labels->assign(s.label.begin() + 1, s.label.begin() + 1 + n);
}

Parser Parser::Train(const std::vector<std::string>& label_names, int num_tags, const std::vector<ParseSentence>& train,
                     const std::vector<ParseSentence>& dev, const ParserOptions& options) {
  Parser parser;
  parser.labels_ = label_names;
  parser.num_tags_ = num_tags;
  parser.feature_set_ = options.feature_set;
  parser.root_last_ = options.root_last;
  parser.right_to_left_ = options.right_to_left;
  parser.guided_ = options.guided;
  if (parser.feature_set_ >= 3) parser.coarse_ = options.coarse_tags;
  for (size_t l = 0; l < label_names.size(); ++l) {
    if (label_names[l] == "root") parser.root_label_ = static_cast<int>(l);
    if (label_names[l] == "dep") parser.fallback_label_ = static_cast<int>(l);
  }
  const int L = parser.num_labels();
  const int num_classes = 2 + 2 * L;
  PerceptronTrainer trainer(num_classes);
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint64_t> words;
  std::vector<int> ptags, gold_head, gold_label, costs, guide_heads, guide_labels;
  uint64_t feats[kMaxFeatures];
  std::vector<float> scores(num_classes);
  State s;
  std::vector<ParseSentence> reversed;
  if (options.right_to_left) {
    for (const ParseSentence& p : train) {
      reversed.push_back({Reversed(p.forms), Reversed(p.tags), ReversedHeads(p.heads), Reversed(p.labels),
                          p.guide.heads.empty() ? GuideParse{} : Reversed(p.guide)});
    }
  }
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t steps = 0, errors = 0;
    for (size_t idx : order) {
      const ParseSentence& sent = options.right_to_left ? reversed[idx] : train[idx];
      const int n = static_cast<int>(sent.forms.size());
      WordHashes(sent.forms, parser.root_last_, &words);
      TagsWithRoot(sent.tags, num_tags, parser.coarse_, parser.root_last_, &ptags);
      s.Init(n, parser.root_last_);
      gold_head.assign(n + 2, -1);
      gold_label.assign(n + 2, -1);
      for (int i = 0; i < n; ++i) {
        gold_head[i + 1] = sent.heads[i] == 0 ? s.root : sent.heads[i];
        gold_label[i + 1] = sent.labels[i];
      }
      SentenceKeys x{words, ptags};
      if (options.guided) UseGuide(sent.guide, &guide_heads, &guide_labels, &x);
      while (!s.Terminal()) {
        size_t k = Features(s, x, parser.feature_set_, feats);
        trainer.Score(feats, k, scores.data());
        Costs(s, gold_head, gold_label, L, parser.root_label_, &costs);
        int guess = -1, best = -1, min_cost = 1 << 20;
        for (int c = 0; c < num_classes; ++c) {
          if (costs[c] >= (1 << 20)) continue;  // invalid
          if (guess < 0 || scores[c] > scores[guess]) guess = c;
          if (costs[c] < min_cost) min_cost = costs[c];
        }
        for (int c = 0; c < num_classes; ++c) {
          if (costs[c] == min_cost && (best < 0 || scores[c] > scores[best])) best = c;
        }
        if (guess < 0) break;
        ++steps;
        int next = best;
        if (costs[guess] > min_cost) {
          ++errors;
          trainer.Update(feats, k, best, guess);
          // Exploration: after the first epoch, usually follow the model's own (wrong) choice.
          if (epoch > 0 && std::uniform_real_distribution<double>(0, 1)(rng) < options.explore) next = guess;
        }
        trainer.Tick();
        s.Apply(next, L);
      }
    }
    std::string msg = "parser epoch " + std::to_string(epoch + 1) + ": transition errors " +
                      std::to_string(100.0 * errors / std::max<size_t>(1, steps)) + "%";
    if (!dev.empty() && (epoch + 1 == options.epochs || epoch % 3 == 2)) {
      parser.model_ = trainer.Average(options.min_updates);
      size_t total = 0, uas = 0, las = 0;
      std::vector<int> heads, labels;
      for (const ParseSentence& d : dev) {
        parser.Parse(d.forms, d.tags, &heads, &labels, &d.guide);
        for (size_t i = 0; i < heads.size(); ++i) {
          ++total;
          if (heads[i] == d.heads[i]) {
            ++uas;
            las += labels[i] == d.labels[i];
          }
        }
      }
      msg += ", dev UAS " + std::to_string(100.0 * uas / std::max<size_t>(1, total)) + " LAS " +
             std::to_string(100.0 * las / std::max<size_t>(1, total));
    }
    if (options.log) options.log(msg);
  }
  parser.model_ = trainer.Average(options.min_updates);
  return parser;
}

void Parser::Write(ByteWriter& w) const {
  w.U32(static_cast<uint32_t>(labels_.size()));
  for (const std::string& l : labels_) w.String(l);
  w.U32(static_cast<uint32_t>(num_tags_)).U32(static_cast<uint32_t>(root_label_)).U32(static_cast<uint32_t>(fallback_label_));
  model_.Write(w);
  w.U32(static_cast<uint32_t>(feature_set_));
  if (feature_set_ >= 3) {
    w.U32(static_cast<uint32_t>(coarse_.size()));
    for (int c : coarse_) w.U32(static_cast<uint32_t>(c));
  }
  w.U32((right_to_left_ ? 1u : 0u) | (guided_ ? 2u : 0u) | (root_last_ ? 4u : 0u));
}

Status Parser::Read(ByteReader& r) {
  uint32_t n = r.U32();
  if (r.ok() && (n == 0 || n > 64)) r.Fail("bad label count " + std::to_string(n));
  labels_.clear();
  for (uint32_t i = 0; i < n && r.ok(); ++i) labels_.push_back(r.String());
  num_tags_ = static_cast<int>(r.U32());
  root_label_ = static_cast<int>(r.U32());
  fallback_label_ = static_cast<int>(r.U32());
  if (r.ok() && (root_label_ >= static_cast<int>(n) || fallback_label_ >= static_cast<int>(n) || num_tags_ > 1000)) {
    r.Fail("bad root/fallback label or tag count");
  }
  if (!r.ok()) return r.status();
  Status s = model_.Read(r);
  if (!s.ok()) return s;
  // Models written before the feature-set field used set 1.
  feature_set_ = r.AtEnd() ? 1 : static_cast<int>(r.U32());
  if (r.ok() && (feature_set_ < 1 || feature_set_ > 3)) r.Fail("unknown parser feature set " + std::to_string(feature_set_));
  coarse_.clear();
  if (r.ok() && feature_set_ >= 3) {
    uint32_t m = r.U32();
    if (r.ok() && m != static_cast<uint32_t>(num_tags_)) r.Fail("coarse tag map has " + std::to_string(m) + " entries");
    for (uint32_t i = 0; i < m && r.ok(); ++i) coarse_.push_back(static_cast<int>(r.U32()));
  }
  // Models written before the direction field read left to right, unguided.
  right_to_left_ = guided_ = root_last_ = false;
  if (r.ok() && !r.AtEnd()) {
    const uint32_t flags = r.U32();
    if (r.ok() && flags > 7) r.Fail("unknown parser flags " + std::to_string(flags));
    right_to_left_ = flags & 1;
    guided_ = flags & 2;
    root_last_ = flags & 4;
  }
  if (model_.num_classes() != 2 + 2 * static_cast<int>(n)) {
    r.Fail("parser weights have " + std::to_string(model_.num_classes()) + " classes, expected " +
           std::to_string(2 + 2 * n));
  }
  return r.status();
}

}  // namespace dragoman::syntax
