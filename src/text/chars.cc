#include "text/chars.h"

#include <utf8proc.h>

#include <utility>

namespace dragoman::text {
namespace {

// The byte a cp1252 (or Latin-1) character came from when UTF-8 was misread as cp1252, for the
// bytes 0x80..0xBF that continue a UTF-8 sequence; -1 for any other character.
int ContinuationByte(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xBF) return static_cast<int>(cp);  // Latin-1 reading, and cp1252's gaps
  switch (cp) {
    case 0x20AC:
      return 0x80;
    case 0x201A:
      return 0x82;
    case 0x0192:
      return 0x83;
    case 0x201E:
      return 0x84;
    case 0x2026:
      return 0x85;
    case 0x2020:
      return 0x86;
    case 0x2021:
      return 0x87;
    case 0x02C6:
      return 0x88;
    case 0x2030:
      return 0x89;
    case 0x0160:
      return 0x8A;
    case 0x2039:
      return 0x8B;
    case 0x0152:
      return 0x8C;
    case 0x017D:
      return 0x8E;
    case 0x2018:
      return 0x91;
    case 0x2019:
      return 0x92;
    case 0x201C:
      return 0x93;
    case 0x201D:
      return 0x94;
    case 0x2022:
      return 0x95;
    case 0x2013:
      return 0x96;
    case 0x2014:
      return 0x97;
    case 0x02DC:
      return 0x98;
    case 0x2122:
      return 0x99;
    case 0x0161:
      return 0x9A;
    case 0x203A:
      return 0x9B;
    case 0x0153:
      return 0x9C;
    case 0x017E:
      return 0x9E;
    case 0x0178:
      return 0x9F;
    default:
      return -1;
  }
}

enum : uint8_t { kAsciiSpace = 1, kAsciiUpper = 2, kAsciiLower = 4, kAsciiDigit = 8 };

struct AsciiTable {
  uint8_t flags[128] = {};
  constexpr AsciiTable() {
    for (int c = 0; c < 32; ++c) flags[c] = kAsciiSpace;  // controls count as spaces
    flags[0x20] = kAsciiSpace;
    flags[127] = kAsciiSpace;
    for (int c = 'A'; c <= 'Z'; ++c) flags[c] = kAsciiUpper;
    for (int c = 'a'; c <= 'z'; ++c) flags[c] = kAsciiLower;
    for (int c = '0'; c <= '9'; ++c) flags[c] = kAsciiDigit;
  }
};
constexpr AsciiTable kAscii;

utf8proc_category_t Category(char32_t cp) {
  return static_cast<utf8proc_category_t>(utf8proc_category(static_cast<utf8proc_int32_t>(cp)));
}

}  // namespace

char32_t Canonical(char32_t cp) {
  if (cp < 0x80) return cp < 0x20 || cp == 0x7F ? U' ' : cp;
  if (cp < 0xA0) return U' ';  // C1 controls
  switch (cp) {
    case 0x00A0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return U' ';
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x200E:
    case 0x200F:
    case 0x2060:
    case 0xFEFF:
      return 0;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x2035:
      return U'\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
    case 0x301D:
    case 0x301E:
    case 0x2036:
      return U'"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2212:
    case 0xFE63:
    case 0x2043:
      return U'-';
    case 0x2024:
    case 0x3002:
    case 0xFF61:
      return U'.';
    case 0x3001:
      return U',';
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return U' ';
  if (cp >= 0x202A && cp <= 0x202E) return 0;  // bidi controls
  if (cp >= 0x2066 && cp <= 0x2069) return 0;
  if (cp >= 0xFF01 && cp <= 0xFF5E) return Canonical(cp - 0xFEE0);  // full-width ASCII
  return cp;
}

bool IsSpace(char32_t cp) { return cp < 0x80 ? (kAscii.flags[cp] & kAsciiSpace) != 0 : false; }

bool IsDigit(char32_t cp) {
  if (cp < 0x80) return (kAscii.flags[cp] & kAsciiDigit) != 0;
  if (cp == kOpaque) return false;
  return Category(cp) == UTF8PROC_CATEGORY_ND;
}

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (kAscii.flags[cp] & (kAsciiUpper | kAsciiLower)) != 0;
  if (cp == kOpaque) return true;
  switch (Category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return (kAscii.flags[cp] & kAsciiUpper) != 0;
  if (cp == kOpaque) return false;
  utf8proc_category_t c = Category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsLower(char32_t cp) {
  if (cp < 0x80) return (kAscii.flags[cp] & kAsciiLower) != 0;
  if (cp == kOpaque) return false;
  return Category(cp) == UTF8PROC_CATEGORY_LL;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void AppendForm(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
    return;
  }
  switch (cp) {
    case 0x2013:
      out->push_back('-');
      return;
    case 0x2014:
    case 0x2015:
      out->append("--");
      return;
    case 0x2026:
      out->append("...");
      return;
    default:
      AppendUtf8(cp, out);
  }
}

char32_t CharDecoder::DecodeRaw(size_t pos, size_t* len) const {
  const auto* s = reinterpret_cast<const unsigned char*>(text_.data());
  unsigned char b0 = s[pos];
  *len = 1;
  if (b0 < 0x80) return b0;
  size_t avail = end_ - pos;
  auto cont = [&](size_t i) { return i < avail && (s[pos + i] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1)) return kOpaque;
    *len = 2;
    return ((b0 & 0x1F) << 6) | (s[pos + 1] & 0x3F);
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return kOpaque;
    char32_t cp = ((b0 & 0x0F) << 12) | ((s[pos + 1] & 0x3F) << 6) | (s[pos + 2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return kOpaque;  // overlong or surrogate
    *len = 3;
    return cp;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return kOpaque;
    char32_t cp =
        ((b0 & 0x07) << 18) | ((s[pos + 1] & 0x3F) << 12) | ((s[pos + 2] & 0x3F) << 6) | (s[pos + 3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return kOpaque;
    *len = 4;
    return cp;
  }
  return kOpaque;
}

char32_t CharDecoder::Mojibake(char32_t lead, size_t lead_len, size_t* len) const {
  int needed = lead <= 0xDF ? 1 : lead <= 0xEF ? 2 : 3;
  unsigned char bytes[4] = {static_cast<unsigned char>(lead), 0, 0, 0};
  size_t pos = pos_ + lead_len;
  for (int i = 1; i <= needed; ++i) {
    if (pos >= end_) return 0;
    size_t n = 0;
    char32_t cp = DecodeRaw(pos, &n);
    int b = cp == kOpaque ? -1 : ContinuationByte(cp);
    if (b < 0) return 0;
    // UTF-8 E2 is followed by 0x80..0x82 for the punctuation block (U+2000..U+20FF); anything
    // else after a lone "â" is more likely real text.
    if (needed == 2 && i == 1 && b > 0x82) return 0;
    bytes[i] = static_cast<unsigned char>(b);
    pos += n;
  }
  char32_t cp;
  if (needed == 1) {
    cp = ((bytes[0] & 0x1F) << 6) | (bytes[1] & 0x3F);
  } else if (needed == 2) {
    cp = ((bytes[0] & 0x0F) << 12) | ((bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  } else {
    cp = ((bytes[0] & 0x07) << 18) | ((bytes[1] & 0x3F) << 12) | ((bytes[2] & 0x3F) << 6) | (bytes[3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;
  }
  *len = pos - pos_;
  return cp;
}

namespace {

// What a numeric character reference in 128..159 means: browsers read those as cp1252 ("&#151;"
// is an em dash, "&#146;" a right single quote), and scraped news writes them so. 0 for the gaps.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The code point of an entity's name, without '&' and ';': "amp", "#8217", "#x2019". 0 if none.
// With bare_only, only the names whose bare remnants are unambiguous ("quot", "#39"), see BareRemnant.
char32_t EntityValue(std::string_view name, bool bare_only) {
  if (name.empty()) return 0;
  if (name[0] == '#') {
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 6) return 0;
    char32_t cp = 0;
    for (char c : digits) {
      int v = (c >= '0' && c <= '9')          ? c - '0'
              : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10
                                              : -1;
      if (v < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
    }
    if (cp >= 0x80 && cp <= 0x9F) cp = kCp1252High[cp - 0x80];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return cp;
  }
  // The names scraping leaves bare: its '&' lost, the rest of the entity kept.
  static constexpr std::pair<std::string_view, char32_t> kBareNames[] = {
      {"amp", '&'}, {"quot", '"'}, {"apos", '\''}, {"lt", '<'}, {"gt", '>'}, {"nbsp", 0xA0}};
  static constexpr std::pair<std::string_view, char32_t> kNames[] = {
      {"rsquo", 0x2019}, {"lsquo", 0x2018},  {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"ndash", 0x2013},
      {"mdash", 0x2014}, {"hellip", 0x2026}, {"laquo", 0xAB},   {"raquo", 0xBB},   {"eacute", 0xE9},
      {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122}, {"euro", 0x20AC},  {"pound", 0xA3},
      {"deg", 0xB0},     {"shy", 0xAD},      {"zwnj", 0x200C},  {"zwj", 0x200D}};
  for (const auto& [n, v] : kBareNames) {
    if (name == n) return v;
  }
  if (bare_only) return 0;
  for (const auto& [n, v] : kNames) {
    if (name == n) return v;
  }
  return 0;
}

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

char32_t CharDecoder::Entity(size_t* len) const {
  // &name; or &#NNN; or &#xHH; of at most 10 bytes.
  size_t semi = pos_ + 1;
  while (semi < end_ && semi - pos_ <= 10 && text_[semi] != ';') {
    char c = text_[semi];
    if (!(IsAsciiAlnum(c) || c == '#')) return 0;
    ++semi;
  }
  if (semi >= end_ || text_[semi] != ';' || semi == pos_ + 1) return 0;
  char32_t cp = EntityValue(text_.substr(pos_ + 1, semi - pos_ - 1), false);
  if (cp == 0) return 0;
  *len = semi + 1 - pos_;
  return cp;
}

char32_t CharDecoder::BareRemnant(size_t pos, size_t* len) const {
  // Scraped feeds (AG News among them) lose the '&' of an entity, or turn it into a space:
  // "Iran #39;s", " #36;1 million", " quot;old fashioned quot;". The rest is specific enough to
  // read back: '#' and digits, or one of a few names, then ';', not glued to a word before it.
  if (pos >= end_ || (text_[pos] != '#' && (text_[pos] < 'a' || text_[pos] > 'z'))) return 0;
  if (pos > 0 && (IsAsciiAlnum(text_[pos - 1]) || text_[pos - 1] == '&' || text_[pos - 1] == '#')) return 0;
  size_t semi = pos + 1;
  while (semi < end_ && semi - pos <= 8 && text_[semi] != ';') {
    if (!IsAsciiAlnum(text_[semi])) return 0;
    ++semi;
  }
  if (semi >= end_ || text_[semi] != ';') return 0;
  std::string_view name = text_.substr(pos, semi - pos);
  // "#1;" may be a rank in a list; a remnant is a printable character of two digits or more.
  if (name[0] == '#' && name.size() < 3) return 0;
  char32_t cp = EntityValue(name, true);
  if (cp < 0x20) return 0;
  *len = semi + 1 - pos;
  return cp;
}

size_t CharDecoder::EscapedTagEnd(size_t pos) const {
  // "&lt;b&gt;", "&lt;/b&gt;", "&lt;p class=&quot;x&quot;&gt;", or bare "lt;b gt;": markup that was
  // escaped once too often. After "<" comes a tag name (a letter, then letters or digits), then
  // nothing, '/', or attributes with '=', then the escaped ">". "x &lt; y" and "&lt;3" are no tags.
  size_t lt_len = 0;
  if (text_.compare(pos, 4, "&lt;") == 0) {
    lt_len = 4;
  } else if (text_.compare(pos, 3, "lt;") == 0 && BareRemnant(pos, &lt_len) == '<') {
    lt_len = 3;
  } else {
    return 0;
  }
  size_t i = pos + lt_len;
  if (i < end_ && text_[i] == '/') ++i;
  auto is_letter = [&](size_t k) {
    return k < end_ && ((text_[k] >= 'a' && text_[k] <= 'z') || (text_[k] >= 'A' && text_[k] <= 'Z'));
  };
  if (!is_letter(i)) return 0;
  while (i < end_ && IsAsciiAlnum(text_[i])) ++i;
  constexpr size_t kMaxTagBytes = 300;
  bool attributes = false;
  for (size_t k = i; k + 4 <= end_ && k - pos <= kMaxTagBytes; ++k) {
    char c = text_[k];
    if (text_.compare(k, 4, "&gt;") == 0 || text_.compare(k, 4, " gt;") == 0) {
      // Only a bare name, a closing '/' or attributes before it: "&lt;b and c&gt;" is text.
      bool tag = k == i || attributes || text_[k - 1] == '/' || text_[k - 1] == ' ';
      return tag ? k + 4 : 0;
    }
    if (c == '\n' || c == '<' || c == '>' || text_.compare(k, 4, "&lt;") == 0) return 0;
    if (k == i && c != ' ' && c != '/') return 0;  // the name ends at a space, '/' or the '>'
    if (c == '=') attributes = true;
  }
  return 0;
}

bool CharDecoder::Next(Char* c) {
  while (pos_ < end_) {
    size_t len = 0;
    char32_t raw = DecodeRaw(pos_, &len);
    if (raw == '&' || raw == 'l') {
      // Escaped markup ("&lt;b&gt;...&lt;/b&gt;") is no text: it is dropped whole.
      if (size_t tag_end = EscapedTagEnd(pos_); tag_end != 0) {
        pos_ = tag_end;
        continue;
      }
    }
    if (raw == '&') {
      // HTML entities left in scraped text ("&amp;", "&#8217;") stand for one character.
      size_t entity_len = 0;
      char32_t entity = Entity(&entity_len);
      if (entity != 0) {
        raw = entity;
        len = entity_len;
      }
    } else if (raw == '#' || (raw >= 'a' && raw <= 'z')) {
      // An entity that lost its '&' ("#39;", "quot;") stands for the same character.
      size_t remnant_len = 0;
      char32_t remnant = BareRemnant(pos_, &remnant_len);
      if (remnant != 0) {
        raw = remnant;
        len = remnant_len;
      }
    } else if (raw == ' ' && pos_ + 1 < end_) {
      // The space before such a remnant is where the '&' was ("Iran #39;s" is "Iran&#39;s"): it
      // separates nothing, so it is dropped like a zero-width character.
      size_t remnant_len = 0;
      if (BareRemnant(pos_ + 1, &remnant_len) != 0) {
        ++pos_;
        continue;
      }
    }
    // Only leads that real mojibake starts with: Â Ã (Latin-1 letters and signs), Ä Å Æ É Ë Î Ï
    // (Latin extended, Greek), Ð Ñ (Cyrillic) and â (punctuation: â€™ â€œ â€” â€¦). Other leads
    // are legitimate accented letters too often to risk it.
    if ((raw >= 0xC2 && raw <= 0xC6) || raw == 0xC9 || raw == 0xCB || raw == 0xCE || raw == 0xCF ||
        raw == 0xD0 || raw == 0xD1 || raw == 0xE2) {
      size_t mlen = 0;
      char32_t fixed = Mojibake(raw, len, &mlen);
      if (fixed != 0) {
        raw = fixed;
        len = mlen;
      }
    }
    char32_t cp = raw == kOpaque ? kOpaque : Canonical(raw);
    c->begin = pos_;
    pos_ += len;
    c->end = pos_;
    if (cp == 0) continue;  // dropped character
    c->cp = cp;
    return true;
  }
  return false;
}

bool SpaceBetween(std::string_view text, size_t begin, size_t end) {
  // Decodes on past end so that a space dropped before a remnant at end is seen as dropped.
  CharDecoder decoder(text, begin, text.size());
  Char c;
  while (decoder.Next(&c) && c.begin < end) {
    if (IsSpace(c.cp)) return true;
  }
  return false;
}

std::string NormalizeRange(std::string_view text, size_t begin, size_t end) {
  std::string out;
  CharDecoder decoder(text, begin, end);
  Char c;
  bool space = false;
  while (decoder.Next(&c)) {
    if (IsSpace(c.cp)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    AppendForm(c.cp, &out);
  }
  return out;
}

}  // namespace dragoman::text
