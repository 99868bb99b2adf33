#include "ingest/utf8.h"

#include <algorithm>
#include <cstdio>

namespace dragoman::ingest {
namespace {

// Length of the well-formed sequence at s[i], or 0 when the bytes there are ill-formed. Follows
// Table 3-7 of the Unicode standard (no overlongs, no surrogates, nothing past U+10FFFF).
size_t SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) -> int { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : -1; };
  int b0 = byte(0);
  if (b0 < 0x80) return 1;
  auto cont = [&](size_t k, int lo = 0x80, int hi = 0xBF) {
    int b = byte(k);
    return b >= lo && b <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 == 0xE0) return cont(1, 0xA0, 0xBF) && cont(2) ? 3 : 0;
  if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (b0 == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (b0 == 0xF0) return cont(1, 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xF1 && b0 <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// How many bytes of an ill-formed sequence at i to replace by one U+FFFD: the lead byte plus the
// continuation bytes that could still have belonged to it.
size_t IllFormedLength(std::string_view s, size_t i) {
  size_t n = 1;
  unsigned char b0 = static_cast<unsigned char>(s[i]);
  size_t want = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 1;
  while (n < want && i + n < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i + n]);
    if (b < 0x80 || b > 0xBF) break;
    if (n == 1 && ((b0 == 0xE0 && b < 0xA0) || (b0 == 0xED && b > 0x9F) || (b0 == 0xF0 && b < 0x90) ||
                   (b0 == 0xF4 && b > 0x8F)))
      break;
    ++n;
  }
  return n;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII.
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    if (i >= s.size()) break;
    size_t n = SequenceLength(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  size_t i = 0;
  while (i < s.size()) {
    size_t n = SequenceLength(s, i);
    if (n > 0) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out.append("\xEF\xBF\xBD");
      i += IllFormedLength(s, i);
    }
  }
  return out;
}

std::string BinaryReason(std::string_view sample) {
  size_t nul = sample.find('\0');
  if (nul != std::string_view::npos) {
    return "binary data, not text (NUL byte at offset " + std::to_string(nul) + ")";
  }
  size_t bad = 0;
  size_t i = 0;
  while (i < sample.size()) {
    unsigned char c = static_cast<unsigned char>(sample[i]);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') {
      ++bad;
      ++i;
      continue;
    }
    size_t n = SequenceLength(sample, i);
    if (n == 0) {
      // A sequence cut by the end of the sample is not evidence of anything.
      if (sample.size() - i < 4) break;
      ++bad;
      n = 1;
    }
    i += n;
  }
  if (sample.size() >= 16 && bad * 10 > sample.size()) {
    return "binary data, not text (" + std::to_string(bad) + " of the first " + std::to_string(sample.size()) +
           " bytes are control characters or invalid UTF-8)";
  }
  return "";
}

size_t LineOfOffset(std::string_view s, size_t pos) {
  pos = std::min(pos, s.size());
  return 1 + static_cast<size_t>(std::count(s.begin(), s.begin() + static_cast<ptrdiff_t>(pos), '\n'));
}

std::string Windows1252ToUtf8(std::string_view s) {
  // 0x80-0x9F in Windows-1252; the rest of the upper half is ISO-8859-1 (= U+00A0..U+00FF).
  static constexpr char16_t kHigh[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
      continue;
    }
    unsigned cp = c < 0xA0 ? kHigh[c - 0x80] : c;
    if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

}  // namespace dragoman::ingest
