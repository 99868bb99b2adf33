// Averaged multiclass perceptron over hashed sparse features, shared by the tagger and parser.
//
// Features are 64-bit keys (see Feat below); each feature holds weights for the few classes it
// was ever updated for, so a model stays small. PerceptronTrainer learns; Average() gives the
// immutable Perceptron used for prediction and stored in model files.
//
//   PerceptronTrainer t(num_classes);
//   t.Score(feats, scores); ... t.Update(feats, truth, guess); t.Tick();
//   Perceptron p = t.Average(1);  p.Score(feats.data(), feats.size(), scores);
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dragoman/status.h"
#include "syntax/huge_page_allocator.h"
#include "syntax/model_io.h"

namespace dragoman::syntax {

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return Mix64(h);
}

// A feature key from a template id and up to three values; never 0 (0 marks empty slots).
inline uint64_t Feat(uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = Mix64(templ * 0x9E3779B97F4A7C15ULL + a);
  h = Mix64(h ^ (b + 0x632be59bd9b4e019ULL));
  if (c) h = Mix64(h ^ (c + 0x85ebca6b2c2b0f2dULL));
  return h ? h : 1;
}

// Open-addressing map from nonzero 64-bit keys to dense indices.
class KeyIndex {
 public:
  KeyIndex();
  int64_t Find(uint64_t key) const;
  uint32_t Insert(uint64_t key);  // index of key, adding it if new
  size_t size() const { return size_; }
  void Prefetch(uint64_t key) const { __builtin_prefetch(&keys_[Mix64(key) & mask_]); }
  std::vector<uint64_t> AllKeys() const;  // in slot order

 private:
  void Grow();
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  uint64_t mask_;
  size_t size_ = 0;
};

// The immutable averaged model: weights quantized to 16 bits, stored next to their class so
// that scoring one feature touches one hash slot and one run of entries.
class Perceptron {
 public:
  static constexpr int kMaxClasses = 1024;
  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }
  size_t num_weights() const { return entries_.size(); }
  float scale() const { return scale_; }  // the weight of one unit of Score's sums
  // scores[0..num_classes) = sum of the weights of feats (in units of the quantization scale).
  void Score(const uint64_t* feats, size_t n, float* scores) const;
  // The same in integers: acc[0..stride()) += the weights of feats. Callers that reuse the sum of
  // some features across several decisions keep it in such an array and add it with AddScores.
  size_t stride() const { return stride_; }
  void Accumulate(const uint64_t* feats, size_t n, int32_t* acc) const;
  void AddScores(const int32_t* from, int32_t* acc) const;

  void Write(ByteWriter& w) const;
  Status Read(ByteReader& r);

 private:
  friend class PerceptronTrainer;
  struct Slot {
    uint64_t key;     // 0 = empty
    uint32_t offset;  // first entry, or first weight of the dense row when count is kDense
    uint32_t count;   // number of entries
  };
  // Features with weights for many classes (the bias, frequent tags and words) are scored from a
  // dense row of stride_ weights: a vectorized add instead of one scattered add per class.
  static constexpr uint32_t kDense = 0xFFFFFFFFu;
  // A feature with two entries (the most common case: one update's truth and guess) keeps them
  // in the slot itself, in place of offset and count, marked by the key's top bit: one cache miss
  // instead of two. Stored keys are 63 bits.
  static constexpr uint64_t kInline = 1ULL << 63;
  static uint64_t StoredKey(uint64_t key) {
    key &= ~kInline;
    return key ? key : 1;
  }
  static constexpr uint32_t kDenseMinEntries = 16;
  static constexpr size_t kMaxStride = kMaxClasses;
  struct Entry {
    uint16_t cls;
    int16_t weight;
  };
  bool Build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& offsets);
  int num_classes_ = 0;
  size_t num_features_ = 0;
  float scale_ = 1.0f;
  uint64_t mask_ = 0;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::vector<Entry, HugePageAllocator<Entry>> entries_;  // grouped by feature, in key order of insertion
  std::vector<uint64_t> keys_;     // feature keys in entry order (for writing)
  std::vector<uint32_t> offsets_;  // per feature in keys_ order: its first entry; one past the end last
  size_t stride_ = 0;              // num_classes_ rounded up to a whole number of vectors
  std::vector<int16_t, HugePageAllocator<int16_t>> dense_;  // dense rows of the features with many entries
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}
  int num_classes() const { return num_classes_; }
  void Score(const uint64_t* feats, size_t n, float* scores) const;
  // Moves weight towards truth and away from guess for each feature.
  void Update(const uint64_t* feats, size_t n, int truth, int guess);
  void Tick() { ++now_; }
  // Averaged, quantized weights; drops features updated fewer than min_updates times.
  Perceptron Average(int min_updates) const;

 private:
  struct Weight {
    uint32_t cls;
    float w;
    double total;
    int64_t stamp;
  };
  void Add(uint64_t key, int cls, float delta);
  int num_classes_;
  int64_t now_ = 1;
  KeyIndex index_;
  std::vector<std::vector<Weight>> rows_;
  std::vector<uint32_t> updates_;  // per feature: how many updates touched it
};

}  // namespace dragoman::syntax
