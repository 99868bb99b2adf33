#include "syntax/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace dragoman::syntax {

KeyIndex::KeyIndex() : keys_(16, 0), values_(16, 0), mask_(15) {}

int64_t KeyIndex::Find(uint64_t key) const {
  uint64_t i = Mix64(key) & mask_;
  while (true) {
    uint64_t k = keys_[i];
    if (k == key) return values_[i];
    if (k == 0) return -1;
    i = (i + 1) & mask_;
  }
}

uint32_t KeyIndex::Insert(uint64_t key) {
  if ((size_ + 1) * 2 > keys_.size()) Grow();
  uint64_t i = Mix64(key) & mask_;
  while (true) {
    uint64_t k = keys_[i];
    if (k == key) return values_[i];
    if (k == 0) {
      keys_[i] = key;
      values_[i] = static_cast<uint32_t>(size_);
      return static_cast<uint32_t>(size_++);
    }
    i = (i + 1) & mask_;
  }
}

std::vector<uint64_t> KeyIndex::AllKeys() const {
  std::vector<uint64_t> out;
  out.reserve(size_);
  for (uint64_t k : keys_) {
    if (k) out.push_back(k);
  }
  return out;
}

void KeyIndex::Grow() {
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<uint32_t> old_values = std::move(values_);
  size_t n = old_keys.size() * 2;
  keys_.assign(n, 0);
  values_.assign(n, 0);
  mask_ = n - 1;
  for (size_t j = 0; j < old_keys.size(); ++j) {
    if (!old_keys[j]) continue;
    uint64_t i = Mix64(old_keys[j]) & mask_;
    while (keys_[i]) i = (i + 1) & mask_;
    keys_[i] = old_keys[j];
    values_[i] = old_values[j];
  }
}

namespace {

// acc[0..stride) += row[0..stride); cloned for AVX2 where the processor has it.
__attribute__((target_clones("avx2", "default"))) void AddDenseRow(const int16_t* __restrict row, size_t stride,
                                                                     int32_t* __restrict acc) {
  for (size_t c = 0; c < stride; ++c) acc[c] += row[c];
}

}  // namespace

void Perceptron::Score(const uint64_t* feats, size_t n, float* scores) const {
  if (stride_ == 0) {
    std::fill(scores, scores + num_classes_, 0.0f);
    return;
  }
  alignas(64) int32_t acc[kMaxStride];
  std::fill(acc, acc + stride_, 0);
  Accumulate(feats, n, acc);
  for (int c = 0; c < num_classes_; ++c) scores[c] = static_cast<float>(acc[c]);
}

void Perceptron::AddScores(const int32_t* from, int32_t* acc) const {
  for (size_t c = 0; c < stride_; ++c) acc[c] += from[c];
}

void Perceptron::Accumulate(const uint64_t* feats, size_t n, int32_t* acc) const {
  if (slots_.empty()) return;
  // Features are independent: prefetching all their slots first overlaps the cache misses.
  uint64_t pos[256];
  n = std::min<size_t>(n, 256);
  for (size_t i = 0; i < n; ++i) {
    pos[i] = Mix64(StoredKey(feats[i])) & mask_;
    __builtin_prefetch(&slots_[pos[i]]);
  }
  // Integer sums are exact, so the dense, sparse and inline paths give identical scores.
  const Slot* found[256];
  size_t m = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t key = StoredKey(feats[i]);
    uint64_t p = pos[i];
    while (true) {
      const Slot& s = slots_[p];
      if ((s.key & ~kInline) == key) {
        if (s.key & kInline) {
          Entry e[2];
          std::memcpy(e, &s.offset, sizeof e);
          acc[e[0].cls] += e[0].weight;
          acc[e[1].cls] += e[1].weight;
        } else {
          // Every cache line of the weights: a dense row spans four, a sparse run up to two.
          const char* first = s.count == kDense ? reinterpret_cast<const char*>(&dense_[s.offset])
                                                : reinterpret_cast<const char*>(&entries_[s.offset]);
          const char* last = s.count == kDense ? first + stride_ * sizeof(int16_t) - 1
                                               : first + s.count * sizeof(Entry) - 1;
          for (const char* line = first; line <= last; line += 64) __builtin_prefetch(line);
          __builtin_prefetch(last);
          found[m++] = &s;
        }
        break;
      }
      if (s.key == 0) break;
      p = (p + 1) & mask_;
    }
  }
  for (size_t i = 0; i < m; ++i) {
    const Slot& s = *found[i];
    if (s.count == kDense) {
      AddDenseRow(&dense_[s.offset], stride_, acc);
      continue;
    }
    const Entry* e = &entries_[s.offset];
    for (uint32_t j = 0; j < s.count; ++j) acc[e[j].cls] += e[j].weight;
  }
}

bool Perceptron::Build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& offsets) {
  num_features_ = keys.size();
  offsets_ = offsets;
  stride_ = (static_cast<size_t>(num_classes_) + 15) / 16 * 16;
  if (stride_ > kMaxStride) return false;
  size_t size = 16;
  while (size < num_features_ * 2) size *= 2;
  slots_.assign(size, Slot{0, 0, 0});
  mask_ = size - 1;
  dense_.clear();
  for (size_t f = 0; f < keys.size(); ++f) {
    const uint64_t key = StoredKey(keys[f]);
    uint64_t p = Mix64(key) & mask_;
    while (slots_[p].key) {
      if ((slots_[p].key & ~kInline) == key) return false;
      p = (p + 1) & mask_;
    }
    const uint32_t count = offsets[f + 1] - offsets[f];
    if (count == 2) {
      slots_[p].key = key | kInline;
      std::memcpy(&slots_[p].offset, &entries_[offsets[f]], 2 * sizeof(Entry));
    } else if (count < kDenseMinEntries) {
      slots_[p] = Slot{key, offsets[f], count};
    } else {
      slots_[p] = Slot{key, static_cast<uint32_t>(dense_.size()), kDense};
      dense_.resize(dense_.size() + stride_, 0);
      int16_t* row = &dense_[dense_.size() - stride_];
      for (uint32_t j = offsets[f]; j < offsets[f + 1]; ++j) row[entries_[j].cls] += entries_[j].weight;
    }
  }
  return true;
}

void Perceptron::Write(ByteWriter& w) const {
  w.U32(static_cast<uint32_t>(num_classes_)).F32(scale_);
  w.U64(num_features_);
  // Per feature: key, count, then (class, weight) pairs; classes fit a byte when there are few.
  const bool wide = num_classes_ > 255;
  for (size_t f = 0; f < num_features_; ++f) {
    w.U64(keys_[f]).U16(static_cast<uint16_t>(offsets_[f + 1] - offsets_[f]));
    for (uint32_t j = offsets_[f]; j < offsets_[f + 1]; ++j) {
      const Entry& en = entries_[j];
      if (wide) w.U16(en.cls);
      else w.U8(static_cast<uint8_t>(en.cls));
      w.I16(en.weight);
    }
  }
}

Status Perceptron::Read(ByteReader& r) {
  num_classes_ = static_cast<int>(r.U32());
  scale_ = r.F32();
  if (r.ok() && (num_classes_ <= 0 || num_classes_ > kMaxClasses)) r.Fail("bad class count " + std::to_string(num_classes_));
  const bool wide = num_classes_ > 255;
  size_t n = r.Count(10);
  keys_.clear();
  entries_.clear();
  keys_.reserve(n);
  std::vector<uint32_t> offsets;
  offsets.reserve(n + 1);
  offsets.push_back(0);
  for (size_t f = 0; f < n && r.ok(); ++f) {
    uint64_t key = r.U64();
    uint16_t count = r.U16();
    if (key == 0) {
      r.Fail("zero feature key at feature " + std::to_string(f));
      break;
    }
    keys_.push_back(key);
    for (uint16_t j = 0; j < count && r.ok(); ++j) {
      uint16_t c = wide ? r.U16() : r.U8();
      int16_t w = r.I16();
      if (c >= num_classes_) {
        r.Fail("bad class " + std::to_string(c) + " at feature " + std::to_string(f));
        break;
      }
      entries_.push_back(Entry{c, w});
    }
    offsets.push_back(static_cast<uint32_t>(entries_.size()));
  }
  if (!r.ok()) return r.status();
  if (!Build(keys_, offsets)) r.Fail("repeated feature key");
  return r.status();
}

void PerceptronTrainer::Score(const uint64_t* feats, size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    int64_t f = index_.Find(feats[i]);
    if (f < 0) continue;
    for (const Weight& w : rows_[f]) scores[w.cls] += w.w;
  }
}

void PerceptronTrainer::Add(uint64_t key, int cls, float delta) {
  uint32_t f = index_.Insert(key);
  if (f == rows_.size()) {
    rows_.emplace_back();
    updates_.push_back(0);
  }
  ++updates_[f];
  for (Weight& w : rows_[f]) {
    if (w.cls == static_cast<uint32_t>(cls)) {
      w.total += static_cast<double>(now_ - w.stamp) * w.w;
      w.stamp = now_;
      w.w += delta;
      return;
    }
  }
  rows_[f].push_back({static_cast<uint32_t>(cls), delta, 0.0, now_});
}

void PerceptronTrainer::Update(const uint64_t* feats, size_t n, int truth, int guess) {
  if (truth == guess) return;
  for (size_t i = 0; i < n; ++i) {
    Add(feats[i], truth, 1.0f);
    Add(feats[i], guess, -1.0f);
  }
}

Perceptron PerceptronTrainer::Average(int min_updates) const {
  Perceptron p;
  p.num_classes_ = num_classes_;
  // Keys in index order (the order features were first seen, which is deterministic).
  std::vector<uint64_t> keys(rows_.size(), 0);
  for (uint64_t k : index_.AllKeys()) keys[index_.Find(k)] = k;
  std::vector<std::vector<std::pair<uint16_t, double>>> avg(rows_.size());
  double max_abs = 0;
  for (size_t f = 0; f < rows_.size(); ++f) {
    // Each update touches a feature twice (truth and guess).
    if (updates_[f] < 2u * static_cast<uint32_t>(min_updates)) continue;
    for (const Weight& w : rows_[f]) {
      double total = w.total + static_cast<double>(now_ - w.stamp) * w.w;
      double a = total / static_cast<double>(now_);
      avg[f].push_back({static_cast<uint16_t>(w.cls), a});
      max_abs = std::max(max_abs, std::fabs(a));
    }
    std::sort(avg[f].begin(), avg[f].end());
  }
  p.scale_ = max_abs > 0 ? static_cast<float>(max_abs / 32767.0) : 1.0f;
  std::vector<uint32_t> offsets(1, 0);
  for (size_t f = 0; f < rows_.size(); ++f) {
    size_t before = p.entries_.size();
    for (const auto& [cls, a] : avg[f]) {
      long q = std::lround(a / p.scale_);
      if (q == 0) continue;
      p.entries_.push_back(Perceptron::Entry{cls, static_cast<int16_t>(std::clamp(q, -32767L, 32767L))});
    }
    if (p.entries_.size() == before) continue;
    p.keys_.push_back(keys[f]);
    offsets.push_back(static_cast<uint32_t>(p.entries_.size()));
  }
  p.Build(p.keys_, offsets);
  return p;
}

}  // namespace dragoman::syntax
