// Character level of the text stage: decodes UTF-8 into code points with their byte spans,
// classifies them and maps each to the canonical character used for matching.
//
// Normalization never rewrites Article::text. A Char keeps the span of the bytes it came from
// and a canonical code point: curly quotes become ASCII quotes, odd spaces become a space,
// zero-width characters and soft hyphens are dropped, a cp1252 mojibake sequence ("â€™") or an
// HTML entity ("&rsquo;", "&#8217;", "&amp;", "&#151;" read as cp1252) becomes the one character it
// stood for, and an invalid UTF-8 byte becomes an opaque character (shown as U+FFFD in forms).
// Entities whose '&' scraping lost or turned into a space ("Iran #39;s", " quot;old quot;",
// " #36;1") are read the same way, the space before them dropped; escaped markup ("&lt;b&gt;")
// is dropped whole. Dashes and the ellipsis keep their own code
// point; AppendForm writes them as
// "-", "--" and "...".
//
//   CharDecoder decoder(text, begin, end);
//   Char c;
//   while (decoder.Next(&c)) if (IsWordChar(c.cp)) ...;
//
// Everything here is stateless or per-call; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dragoman::text {

// Canonical code point of an invalid UTF-8 byte: an opaque word character.
inline constexpr char32_t kOpaque = 0xFFFD;

struct Char {
  char32_t cp = 0;   // canonical code point
  size_t begin = 0;  // byte span in the text
  size_t end = 0;
};

// Decodes [begin, end) of text into canonical Chars, skipping dropped characters
// (zero-width spaces and joiners, soft hyphens, byte-order marks).
class CharDecoder {
 public:
  CharDecoder(std::string_view text, size_t begin, size_t end) : text_(text), pos_(begin), end_(end) {}
  // The next Char; false at the end.
  bool Next(Char* c);
  size_t position() const { return pos_; }

 private:
  // Decodes one code point at pos_ without normalization; sets *len. Invalid: kOpaque, len 1.
  char32_t DecodeRaw(size_t pos, size_t* len) const;
  // A cp1252 mojibake sequence starting at pos_ with lead character lead (length lead_len):
  // returns the repaired code point and sets *len to the bytes used, or 0 when there is none.
  char32_t Mojibake(char32_t lead, size_t lead_len, size_t* len) const;
  // An HTML entity at pos_ ("&amp;", "&#8217;", "&rsquo;"): its code point, *len its bytes; 0 if none.
  char32_t Entity(size_t* len) const;
  // An entity whose '&' was lost in scraping ("#39;", "quot;") at pos: its code point, *len its
  // bytes; 0 if none.
  char32_t BareRemnant(size_t pos, size_t* len) const;
  // Escaped markup at pos ("&lt;b&gt;", "&lt;/b&gt;", bare "lt;b gt;"): where it ends; 0 if none.
  size_t EscapedTagEnd(size_t pos) const;

  std::string_view text_;
  size_t pos_;
  size_t end_;
};

// The canonical form of a raw code point: ASCII quotes for curly ones, ' ' for odd spaces,
// 0 for a character to drop, ASCII for full-width forms. Others are returned unchanged.
char32_t Canonical(char32_t cp);

bool IsSpace(char32_t cp);   // canonical whitespace (after Canonical)
bool IsLetter(char32_t cp);  // letters, combining marks and opaque bytes
bool IsDigit(char32_t cp);   // decimal digits
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);
inline bool IsWordChar(char32_t cp) { return IsLetter(cp) || IsDigit(cp); }
// A dash that stands between words or clauses: U+2013..U+2015 (the ASCII '-' is a hyphen).
inline bool IsDash(char32_t cp) { return cp >= 0x2013 && cp <= 0x2015; }

// Appends the form of canonical code point cp to out: "-" for an en dash, "--" for an em dash,
// "..." for an ellipsis, U+FFFD for an opaque byte, else its UTF-8 encoding.
void AppendForm(char32_t cp, std::string* out);
// Appends the UTF-8 encoding of cp.
void AppendUtf8(char32_t cp, std::string* out);

// Lower-cases an ASCII letter; other code points unchanged.
inline char32_t AsciiLower(char32_t cp) { return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp; }

// True when [begin, end) holds a character that decodes to a space (not one dropped before an
// entity remnant, "Iran #39;s"): what separates two tokens, for SpaceAfter.
bool SpaceBetween(std::string_view text, size_t begin, size_t end);

// The normalized form of a byte range, as tokens carry it: canonical characters, dropped
// characters removed, spaces collapsed to one.
std::string NormalizeRange(std::string_view text, size_t begin, size_t end);

}  // namespace dragoman::text
