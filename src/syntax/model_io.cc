#include "syntax/model_io.h"

#include <array>
#include <cstdio>
#include <cstring>

namespace dragoman::syntax {
namespace {

// Slicing-by-8 tables for CRC-32C (Castagnoli polynomial, reflected).
std::array<std::array<uint32_t, 256>, 8> MakeCrcTables() {
  std::array<std::array<uint32_t, 256>, 8> t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
    t[0][i] = c;
  }
  for (uint32_t i = 0; i < 256; ++i) {
    for (int s = 1; s < 8; ++s) t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xff];
  }
  return t;
}

std::string Hex(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

uint64_t ReadLe(const char* p, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

}  // namespace

uint32_t Crc32c(std::string_view data) {
  static const auto kT = MakeCrcTables();
  uint32_t c = 0xFFFFFFFFu;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  while (n >= 8) {
    uint32_t lo = c ^ (static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
                       static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24);
    c = kT[7][lo & 0xff] ^ kT[6][(lo >> 8) & 0xff] ^ kT[5][(lo >> 16) & 0xff] ^ kT[4][lo >> 24] ^ kT[3][p[4]] ^
        kT[2][p[5]] ^ kT[1][p[6]] ^ kT[0][p[7]];
    p += 8;
    n -= 8;
  }
  while (n--) c = kT[0][(c ^ *p++) & 0xff] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

ByteWriter& ByteWriter::F32(float v) {
  uint32_t u;
  std::memcpy(&u, &v, 4);
  return U32(u);
}

float ByteReader::F32() {
  uint32_t u = U32();
  float v;
  std::memcpy(&v, &u, 4);
  return v;
}

void ByteReader::Fail(const std::string& what) {
  if (!ok_) return;
  ok_ = false;
  error_ = where_ + ": " + what;
}

uint64_t ByteReader::Raw(int n) {
  if (!ok_) return 0;
  if (data_.size() - pos_ < static_cast<size_t>(n)) {
    Fail("section ends early (read of " + std::to_string(n) + " bytes at offset " + std::to_string(pos_) + " of " +
         std::to_string(data_.size()) + ")");
    return 0;
  }
  uint64_t v = ReadLe(data_.data() + pos_, n);
  pos_ += n;
  return v;
}

std::string_view ByteReader::Bytes(size_t n) {
  if (!ok_) return {};
  if (data_.size() - pos_ < n) {
    Fail("section ends early (" + std::to_string(n) + " bytes wanted at offset " + std::to_string(pos_) + " of " +
         std::to_string(data_.size()) + ")");
    return {};
  }
  std::string_view v = data_.substr(pos_, n);
  pos_ += n;
  return v;
}

std::string ByteReader::String() {
  uint32_t n = U32();
  return std::string(Bytes(n));
}

size_t ByteReader::Count(size_t min_item_bytes) {
  uint64_t n = U64();
  if (ok_ && min_item_bytes > 0 && n > (data_.size() - pos_) / min_item_bytes) {
    Fail("count " + std::to_string(n) + " does not fit in the section");
    return 0;
  }
  return ok_ ? static_cast<size_t>(n) : 0;
}

ByteWriter& ModelWriter::Section(const std::string& tag) {
  sections_.emplace_back(tag, ByteWriter());
  return sections_.back().second;
}

std::string ModelWriter::Finish(uint32_t component) const {
  ByteWriter payload;
  for (const auto& [tag, body] : sections_) {
    std::string t = tag;
    t.resize(4, ' ');
    payload.Bytes(t).U64(body.data().size()).Bytes(body.data());
    while (payload.data().size() % 8) payload.U8(0);
  }
  ByteWriter file;
  file.Bytes(std::string_view(kModelMagic, 8)).U32(kFormatVersion).U32(component);
  file.U64(payload.data().size()).U32(Crc32c(payload.data()));
  file.Bytes(payload.data());
  return file.data();
}

ByteReader ModelFile::Section(const std::string& tag) const {
  auto it = sections.find(tag);
  if (it == sections.end()) {
    ByteReader r({}, name + ": section " + tag);
    r.Fail("missing");
    return r;
  }
  return ByteReader(it->second, name + ": section " + tag);
}

Status ParseModelFile(std::string_view bytes, const std::string& name, ModelFile* out) {
  out->name = name;
  out->sections.clear();
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kModelMagic, 8) != 0) {
    return Corrupt(name + ": not a dragoman model file (bad magic)");
  }
  if (bytes.size() < kHeaderSize) {
    return Corrupt(name + ": truncated header (" + std::to_string(bytes.size()) + " bytes, expected " +
                   std::to_string(kHeaderSize) + ")");
  }
  uint32_t version = static_cast<uint32_t>(ReadLe(bytes.data() + 8, 4));
  if (version > kFormatVersion || version == 0) {
    return Unsupported(name + ": model format " + std::to_string(version) + ", this build reads up to " +
                       std::to_string(kFormatVersion));
  }
  out->component = static_cast<uint32_t>(ReadLe(bytes.data() + 12, 4));
  uint64_t payload_size = ReadLe(bytes.data() + 16, 8);
  uint32_t stored_crc = static_cast<uint32_t>(ReadLe(bytes.data() + 24, 4));
  if (payload_size != bytes.size() - kHeaderSize) {
    return Corrupt(name + ": truncated or padded (header says " + std::to_string(payload_size) +
                   " payload bytes, file has " + std::to_string(bytes.size() - kHeaderSize) + ")");
  }
  std::string_view payload = bytes.substr(kHeaderSize);
  uint32_t crc = Crc32c(payload);
  if (crc != stored_crc) {
    return Corrupt(name + ": checksum mismatch (stored " + Hex(stored_crc) + ", computed " + Hex(crc) + ")");
  }
  size_t pos = 0;
  while (pos < payload.size()) {
    if (payload.size() - pos < 12) return Corrupt(name + ": section header cut short at payload offset " + std::to_string(pos));
    std::string tag(payload.substr(pos, 4));
    uint64_t len = ReadLe(payload.data() + pos + 4, 8);
    pos += 12;
    if (len > payload.size() - pos) {
      return Corrupt(name + ": section " + tag + " claims " + std::to_string(len) + " bytes, only " +
                     std::to_string(payload.size() - pos) + " left");
    }
    out->sections[tag] = payload.substr(pos, len);
    pos += len;
    pos = (pos + 7) / 8 * 8;
  }
  return Status::Ok();
}

}  // namespace dragoman::syntax
