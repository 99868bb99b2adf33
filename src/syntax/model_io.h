// The versioned binary container of syntax model files.
//
// Layout (little-endian, written field by field):
//   magic "DRAGOMAN" (8) | format_version u32 | component u32 | payload_size u64 | payload_crc32c u32
//   payload: sections, each tag (4 ASCII bytes) | length u64 | bytes | zero padding to 8 bytes.
// Loading checks magic, version, size and checksum before any section is read, and every read
// within a section is bounds-checked, so a truncated or corrupt file gives a message, never a crash.
//
//   ModelWriter w; w.Section("META").String("EWT 2.15"); std::string bytes = w.Finish(kComponentBundle);
//   ModelFile f; Status s = ParseModelFile(bytes, "m.bin", &f);  ByteReader r = f.Section("META");
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/status.h"

namespace dragoman::syntax {

inline constexpr char kModelMagic[8] = {'D', 'R', 'A', 'G', 'O', 'M', 'A', 'N'};
// Versions:
//   1: first release: META, TAGR, LEMM, PARS, TEST sections.
inline constexpr uint32_t kFormatVersion = 1;
inline constexpr uint32_t kComponentTagger = 1;
inline constexpr uint32_t kComponentParser = 2;
inline constexpr uint32_t kComponentBundle = 3;
inline constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 4;

uint32_t Crc32c(std::string_view data);

// Appends little-endian values to a buffer.
class ByteWriter {
 public:
  ByteWriter& U8(uint8_t v) { buf_.push_back(static_cast<char>(v)); return *this; }
  ByteWriter& U16(uint16_t v) { return Raw(v, 2); }
  ByteWriter& U32(uint32_t v) { return Raw(v, 4); }
  ByteWriter& U64(uint64_t v) { return Raw(v, 8); }
  ByteWriter& I16(int16_t v) { return Raw(static_cast<uint16_t>(v), 2); }
  ByteWriter& F32(float v);
  ByteWriter& String(std::string_view s) { U32(static_cast<uint32_t>(s.size())); buf_.append(s); return *this; }
  ByteWriter& Bytes(std::string_view s) { buf_.append(s); return *this; }
  const std::string& data() const { return buf_; }
  std::string& data() { return buf_; }

 private:
  ByteWriter& Raw(uint64_t v, int n) {
    for (int i = 0; i < n; ++i) buf_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    return *this;
  }
  std::string buf_;
};

// Bounds-checked reads; after the first failure every read returns 0 and ok() is false.
class ByteReader {
 public:
  ByteReader() = default;
  ByteReader(std::string_view data, std::string where) : data_(data), where_(std::move(where)) {}
  uint8_t U8() { return static_cast<uint8_t>(Raw(1)); }
  uint16_t U16() { return static_cast<uint16_t>(Raw(2)); }
  uint32_t U32() { return static_cast<uint32_t>(Raw(4)); }
  uint64_t U64() { return Raw(8); }
  int16_t I16() { return static_cast<int16_t>(U16()); }
  float F32();
  std::string String();
  std::string_view Bytes(size_t n);
  // A count of items of at least min_item_bytes each that must fit in what is left.
  size_t Count(size_t min_item_bytes);
  bool ok() const { return ok_; }
  bool AtEnd() const { return pos_ == data_.size(); }
  void Fail(const std::string& what);
  Status status() const { return ok_ ? Status::Ok() : Corrupt(error_); }

 private:
  uint64_t Raw(int n);
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
  std::string where_;
  std::string error_;
};

// Builds a model file from named sections.
class ModelWriter {
 public:
  ByteWriter& Section(const std::string& tag);  // tag: 4 ASCII characters
  std::string Finish(uint32_t component) const;

 private:
  std::vector<std::pair<std::string, ByteWriter>> sections_;
};

// A parsed model file: header checked, sections located (views into the given bytes).
struct ModelFile {
  std::string name;
  uint32_t component = 0;
  std::map<std::string, std::string_view> sections;
  bool Has(const std::string& tag) const { return sections.count(tag) > 0; }
  ByteReader Section(const std::string& tag) const;
};

// Checks the header and checksum of bytes (named name in messages) and splits the sections.
Status ParseModelFile(std::string_view bytes, const std::string& name, ModelFile* out);

}  // namespace dragoman::syntax
