#include "text/tokenizer.h"

#include <array>

namespace dragoman::text {
namespace {

// Top-level domains accepted for a bare domain name ("example.com", "xinhua.net"); a URL with a
// scheme or "www." needs none of these.
constexpr std::array<std::string_view, 44> kTopLevelDomains = {
    "com", "org", "net", "gov", "edu", "int", "mil", "info", "biz",  "io", "co", "uk", "cn", "kz",  "ru",
    "de",  "fr",  "jp",  "in",  "us",  "ca",  "au",  "eu",   "news", "tv", "me", "ly", "hk", "tw",  "sg",
    "uz",  "kg",  "tj",  "tm",  "pk",  "af",  "ir",  "ae",   "sa",   "tr", "ua", "by", "pl", "asia"};

// No listed abbreviation is longer ("Messrs.", "a.k.a.", "Thurs.").
constexpr size_t kMaxAbbreviationChars = 10;

bool IsTopLevelDomain(std::string_view s) {
  for (std::string_view t : kTopLevelDomains) {
    if (s == t) return true;
  }
  return false;
}

bool IsOpening(char32_t c) { return c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == '\''; }
bool IsTrailing(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '>' || c == '"' || c == '\'' || c == '.' || c == ',' ||
         c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2026;
}
bool IsStop(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
// Characters a URL or e-mail address may hold besides letters and digits.
bool IsUrlChar(char32_t c) {
  switch (c) {
    case '.':
    case '-':
    case '_':
    case '/':
    case ':':
    case '?':
    case '=':
    case '&':
    case '%':
    case '#':
    case '~':
    case '+':
    case '@':
    case ',':
    case ';':
    case '!':
    case '*':
    case '(':
    case ')':
    case '\'':
    case '$':
    case '[':
    case ']':
      return true;
    default:
      return IsWordChar(c);
  }
}

bool IsCliticSuffix(const char* s, size_t n) {
  switch (n) {
    case 1:
      return s[0] == 's' || s[0] == 'm' || s[0] == 'd';
    case 2:
      return (s[0] == 'r' && s[1] == 'e') || (s[0] == 'l' && s[1] == 'l') || (s[0] == 'v' && s[1] == 'e');
    default:
      return false;
  }
}

}  // namespace

std::vector<RawToken> Tokenizer::TokenizeAll(const Lexicon& lexicon, std::string_view text, size_t begin,
                                             size_t end) {
  std::vector<RawToken> out;
  Tokenizer tokenizer(lexicon, text, begin, end);
  while (tokenizer.Next(&out)) {
  }
  return out;
}

bool Tokenizer::ReadChunk() {
  chunk_.clear();
  Char c;
  if (has_pending_) {
    c = pending_;
    has_pending_ = false;
  } else {
    do {
      if (!decoder_.Next(&c)) return false;
    } while (IsSpace(c.cp));
  }
  chunk_.push_back(c);
  following_ = 0;
  while (chunk_.size() < kMaxChunkChars) {
    if (!decoder_.Next(&c)) return true;
    if (IsSpace(c.cp)) break;
    chunk_.push_back(c);
  }
  // Read on to the first character of the next chunk (a very long chunk is cut, and the
  // character read past it starts the next one), so that "No." can look at what follows.
  while (decoder_.Next(&c)) {
    if (!IsSpace(c.cp)) {
      pending_ = c;
      has_pending_ = true;
      following_ = c.cp;
      break;
    }
  }
  return true;
}

bool Tokenizer::Next(std::vector<RawToken>* out) {
  if (!ReadChunk()) return false;
  out_ = out;
  TokenizeChunk(0, chunk_.size());
  out_ = nullptr;
  return true;
}

void Tokenizer::Emit(size_t a, size_t b, uint8_t flags) {
  RawToken t;
  t.begin = chunk_[a].begin;
  t.end = chunk_[b - 1].end;
  t.first = chunk_[a].cp;
  t.flags = flags;
  for (size_t i = a; i < b; ++i) AppendForm(chunk_[i].cp, &t.form);
  out_->push_back(std::move(t));
}

void Tokenizer::EmitWord(size_t a, size_t b) {
  if (IsDigit(chunk_[a].cp)) {
    // A number with a unit glued on is two tokens ("398,487MMBTU", "81K", "10am"), as in EWT;
    // ordinals and decades stay whole ("26th", "1990s").
    size_t x = a;
    while (x < b && (IsDigit(chunk_[x].cp) || chunk_[x].cp == ',' || chunk_[x].cp == '.')) ++x;
    if (x < b && x > a && IsDigit(chunk_[x - 1].cp)) {
      bool letters = true;
      char suffix[3] = {0, 0, 0};
      for (size_t y = x; y < b && letters; ++y) {
        letters = IsLetter(chunk_[y].cp);
        if (y - x < 2) suffix[y - x] = static_cast<char>(AsciiLower(chunk_[y].cp));
      }
      size_t len = b - x;
      bool ordinal =
          (len == 2 && ((suffix[0] == 't' && suffix[1] == 'h') || (suffix[0] == 's' && suffix[1] == 't') ||
                        (suffix[0] == 'n' && suffix[1] == 'd') || (suffix[0] == 'r' && suffix[1] == 'd'))) ||
          (len == 1 && suffix[0] == 's');
      if (letters && !ordinal) {
        Emit(a, x);
        Emit(x, b);
        return;
      }
    }
  }
  size_t n = b - a;
  if (n >= 2 && n <= 12) {
    char buf[12];
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; ++i) {
      char32_t c = chunk_[a + i].cp;
      ascii = c < 0x80 && IsLetter(c);
      buf[i] = static_cast<char>(c);
    }
    if (ascii) {
      size_t split = lexicon_.ContractionSplit(std::string_view(buf, n));
      if (split > 0) {
        Emit(a, a + split);
        Emit(a + split, b);
        return;
      }
    }
  }
  Emit(a, b);
}

// The end of a URL, e-mail address or domain name that fills chunk_[from, to) once leading
// brackets or quotes and trailing punctuation are set aside; 0 when it is none.
size_t Tokenizer::UrlEnd(size_t from, size_t to) const {
  size_t lo = from;
  while (lo < to && IsOpening(chunk_[lo].cp)) ++lo;
  size_t hi = to;
  while (hi > lo && IsTrailing(chunk_[hi - 1].cp)) --hi;
  if (hi - lo < 4) return 0;
  // A sentence glued after an address ends it: "info@gov.kz.Officials said", "www.x.org.The".
  // Only in the host part, before any '/': a path may hold anything.
  size_t host = lo + 1;
  for (size_t i = lo; i < hi; ++i) {
    if (chunk_[i].cp == '@') host = i + 1;  // in an e-mail address, the domain after "@"
  }
  for (size_t i = host; i + 2 < hi; ++i) {
    char32_t c = chunk_[i].cp;
    if (c == '/') break;
    if (c == '.' && IsLower(chunk_[i - 1].cp) && IsUpper(chunk_[i + 1].cp) && IsLower(chunk_[i + 2].cp)) {
      hi = i;
      break;
    }
  }
  if (hi - lo < 4) return 0;
  size_t dots = 0, at = 0, at_pos = 0, scheme = 0, slash = hi;
  for (size_t i = lo; i < hi; ++i) {
    char32_t c = chunk_[i].cp;
    if (!IsUrlChar(c)) return 0;
    if (c == '.') ++dots;
    if (c == '@') {
      ++at;
      at_pos = i;
    }
    if (c == '/' && slash == hi) slash = i;
    if (c == ':' && scheme == 0 && i + 2 < hi && chunk_[i + 1].cp == '/' && chunk_[i + 2].cp == '/')
      scheme = i;
  }
  if (lo != from) return 0;  // leading brackets are split off by the caller first
  if (scheme > lo) {
    for (size_t i = lo; i < scheme; ++i) {
      if (!IsLetter(chunk_[i].cp) || chunk_[i].cp >= 0x80) return 0;
    }
    return hi;
  }
  if (at == 1) {
    // name@domain.tld, or an internal address such as Edison@ENRON: word characters on both
    // sides of "@", and after a last full stop only letters.
    if (at_pos == lo || at_pos + 1 >= hi || !IsWordChar(chunk_[at_pos + 1].cp)) return 0;
    // The local part may end in "..." where a site hid part of it ("davidr...@example.net").
    if (!IsWordChar(chunk_[at_pos - 1].cp) && chunk_[at_pos - 1].cp != '.') return 0;
    for (size_t i = lo; i < at_pos; ++i) {
      char32_t c = chunk_[i].cp;
      if (!(IsWordChar(c) || c == '.' || c == '-' || c == '_' || c == '+' || c == ':')) return 0;  // mailto:
    }
    size_t last_dot = 0;
    for (size_t i = at_pos + 1; i < hi; ++i) {
      char32_t c = chunk_[i].cp;
      if (c == '.') last_dot = i;
      if (!(IsWordChar(c) || c == '.' || c == '-' || c == '_')) return 0;
    }
    if (last_dot != 0) {
      if (last_dot + 2 > hi) return 0;
      for (size_t i = last_dot + 1; i < hi; ++i) {
        if (!IsLetter(chunk_[i].cp)) return 0;
      }
    }
    return hi;
  }
  if (dots == 0) return 0;
  auto lower_ascii = [&](size_t i) { return chunk_[i].cp >= 'a' && chunk_[i].cp <= 'z'; };
  if (hi - lo > 4 && (chunk_[lo].cp == 'w' || chunk_[lo].cp == 'W') && AsciiLower(chunk_[lo + 1].cp) == 'w' &&
      AsciiLower(chunk_[lo + 2].cp) == 'w' && chunk_[lo + 3].cp == '.' && IsWordChar(chunk_[lo + 4].cp)) {
    return hi;
  }
  if (at != 0) return 0;
  // A bare domain: labels of letters, digits and hyphens, the last a known lower-case TLD.
  size_t host_end = slash;
  size_t last_dot = 0;
  for (size_t i = lo; i < host_end; ++i) {
    char32_t c = chunk_[i].cp;
    if (c == '.') {
      if (i == lo || chunk_[i - 1].cp == '.') return 0;
      last_dot = i;
    } else if (!(IsWordChar(c) || c == '-')) {
      return 0;
    }
  }
  if (last_dot == 0 || last_dot + 1 >= host_end || last_dot - lo < 2) return 0;
  std::string tld;
  for (size_t i = last_dot + 1; i < host_end; ++i) {
    if (!lower_ascii(i)) return 0;
    tld.push_back(static_cast<char>(chunk_[i].cp));
  }
  if (!IsTopLevelDomain(tld)) return 0;
  return hi;
}

void Tokenizer::TokenizeChunk(size_t from, size_t to) {
  size_t i = from;
  // URLs and addresses first: they contain every kind of punctuation the rules below split on.
  bool maybe_url = false;
  for (size_t k = from; k < to && !maybe_url; ++k) {
    char32_t c = chunk_[k].cp;
    maybe_url = c == '.' || c == '@' || c == ':';
  }
  if (maybe_url) {
    size_t lo = from;
    while (lo < to && IsOpening(chunk_[lo].cp)) ++lo;
    size_t end = UrlEnd(lo, to);
    if (end > lo) {
      for (size_t k = from; k < lo; ++k) Emit(k, k + 1);
      Emit(lo, end);
      i = end;
    }
  }
  while (i < to) {
    char32_t c = chunk_[i].cp;
    if (IsWordChar(c)) {
      i = ScanWord(i, to);
      continue;
    }
    size_t emoticon = EmoticonEnd(i, to);
    if (emoticon > i) {
      Emit(i, emoticon);
      i = emoticon;
      continue;
    }
    if (c == '\'' && i + 2 < to && IsDigit(chunk_[i + 1].cp) && IsDigit(chunk_[i + 2].cp) &&
        (i + 3 >= to || !IsWordChar(chunk_[i + 3].cp)) && (i == from || !IsWordChar(chunk_[i - 1].cp))) {
      i = ScanWord(i + 1, to, i);  // '73: the year keeps its apostrophe
      continue;
    }
    size_t j = i + 1;
    uint8_t flags = 0;
    if (IsStop(c)) {
      while (j < to && IsStop(chunk_[j].cp)) ++j;
      flags = kTerminal;
    } else {
      // A run of one character is one token: "--", "**", "<<", "''".
      while (j < to && chunk_[j].cp == c) ++j;
    }
    Emit(i, j, flags);
    i = j;
  }
}

size_t Tokenizer::EmoticonEnd(size_t i, size_t n) const {
  static constexpr std::array<std::u32string_view, 16> kEmoticons = {
      U":-)", U":-(", U":-D", U":-P", U";-)", U":'(", U":)", U":(",
      U":D",  U":P",  U":p",  U";)",  U"(:",  U"):",  U"<3", U":/"};
  for (std::u32string_view e : kEmoticons) {
    if (i + e.size() > n) continue;
    bool match = true;
    for (size_t x = 0; x < e.size() && match; ++x) match = chunk_[i + x].cp == e[x];
    if (!match) continue;
    size_t end = i + e.size();
    // Only a whole chunk or one followed by punctuation: "(:" opens many brackets, ":/" a URL.
    if (end < n && IsWordChar(chunk_[end].cp)) continue;
    if (e == U":/" && end < n && chunk_[end].cp == '/') continue;
    if ((e == U"(:" || e == U"):") && (i > 0 || end < n)) continue;
    return end;
  }
  return i;
}

size_t Tokenizer::NumberCodeEnd(size_t seg, size_t n) const {
  // Groups of digits joined by single hyphens, e.g. 713-853-5025, 853-7906, 77002-1234, or a
  // day-month-year date such as 01-Feb-02. Returns the end of the code, or seg when there is none.
  std::array<size_t, 8> lengths{};
  size_t groups = 0, k = seg;
  bool month = false;
  while (groups < lengths.size()) {
    size_t g = k;
    bool letters = groups == 1 && k < n && IsLetter(chunk_[k].cp);
    if (letters) {
      while (g < n && IsLetter(chunk_[g].cp)) ++g;
      month = g - k == 3;
      if (!month) return seg;
    } else {
      while (g < n && IsDigit(chunk_[g].cp)) ++g;
    }
    if (g == k) return seg;
    lengths[groups++] = g - k;
    k = g;
    if (k + 1 < n && chunk_[k].cp == '-' && IsWordChar(chunk_[k + 1].cp)) {
      ++k;
      continue;
    }
    break;
  }
  if (k < n && IsLetter(chunk_[k].cp)) return seg;
  if (month) return groups == 3 ? k : seg;
  if (groups >= 3) return k;
  if (groups == 2 && lengths[1] == 4 && (lengths[0] == 3 || lengths[0] == 5)) return k;
  return seg;
}

size_t Tokenizer::ScanWord(size_t i, size_t n, size_t token_start) {
  size_t start = token_start < i ? token_start : i;
  size_t seg = i;        // start of the current run of letters and digits
  bool initials = true;  // every run so far is one letter followed by a full stop ("U.S")
  size_t k = i;
  auto word_string = [&](size_t a, size_t b) {
    std::string s;
    for (size_t x = a; x < b; ++x) AppendForm(chunk_[x].cp, &s);
    return s;
  };
  auto abbreviation = [&](size_t a, size_t b) {  // [a, b) ends with the full stop
    // Abbreviations are short; not building long strings keeps "a.1a.1a.1..." linear.
    if (b - a > kMaxAbbreviationChars + 6) return AbbreviationKind::kNone;
    AbbreviationKind kind = b - a > kMaxAbbreviationChars ? AbbreviationKind::kNone : lexicon_.Abbreviation(word_string(a, b));
    if (kind != AbbreviationKind::kNone) return kind;
    // A prefix hyphened to an abbreviation keeps it one ("post-Sept. 11", "mid-Oct.").
    for (size_t x = b - 1; x > a; --x)
      if (chunk_[x - 1].cp == '-') return b - x > kMaxAbbreviationChars ? AbbreviationKind::kNone : lexicon_.Abbreviation(word_string(x, b));
    return AbbreviationKind::kNone;
  };
  auto abbreviation_flag = [](AbbreviationKind kind) {
    return kind == AbbreviationKind::kAny ? kAbbreviation : kTitleAbbreviation;
  };
  while (true) {
    while (k < n && IsWordChar(chunk_[k].cp)) ++k;
    if (k >= n) break;
    char32_t c = chunk_[k].cp;
    char32_t left = chunk_[k - 1].cp;
    bool next_word = k + 1 < n && IsWordChar(chunk_[k + 1].cp);
    if (c == '.') {
      if (next_word) {
        char32_t right = chunk_[k + 1].cp;
        if (IsDigit(left) && IsDigit(right)) {  // 3.5, 12.30, 1.2.3
          ++k;
          initials = false;
          continue;
        }
        if (initials && seg > start && k - seg == 1 && IsUpper(left) && IsUpper(right) && k + 2 < n &&
            IsLower(chunk_[k + 2].cp)) {
          Emit(start, k + 1, kAbbreviation);  // "U.S.China": the abbreviation, then a word
          start = seg = ++k;
          continue;
        }
        if (initials && k - seg == 1 && IsLetter(left) && IsLetter(right) &&
            !(IsLower(left) && IsUpper(right) && k + 2 < n && IsLower(chunk_[k + 2].cp))) {
          ++k;  // U.S, e.g, J.K
          seg = k;
          continue;
        }
        bool glued =
            IsUpper(right) && (IsLower(left) || IsDigit(left) ||
                               (k - seg >= 2 && IsUpper(left) && k + 2 < n && IsLower(chunk_[k + 2].cp)));
        if (glued || (IsLetter(left) && IsDigit(right))) {
          AbbreviationKind kind = abbreviation(start, k + 1);
          if (kind == AbbreviationKind::kNumber && !IsDigit(right)) kind = AbbreviationKind::kNone;
          if (kind != AbbreviationKind::kNone) {  // "Mr.Smith", "No.5": split, no sentence end
            Emit(start, k + 1, abbreviation_flag(kind));
            start = seg = ++k;
            initials = true;
            continue;
          }
          if (glued) {  // "reported.Xi": two sentences
            EmitWord(start, k);
            Emit(k, k + 1, kTerminal | kGlued);
            start = seg = ++k;
            initials = true;
            continue;
          }
        }
        ++k;  // a dotted name such as "node.js" stays whole
        seg = k;
        initials = false;
        continue;
      }
      // A full stop after the word: part of it only for an abbreviation or initial.
      bool single = initials && k - seg == 1 && IsLetter(left);
      if (single && k - start == 1 && (left == 'I' || left == 'a'))
        single = false;  // "I." "a." end sentences
      if (single) {
        Emit(start, k + 1, kAbbreviation);
        return k + 1;
      }
      AbbreviationKind kind = abbreviation(start, k + 1);
      if (kind == AbbreviationKind::kNumber) {
        char32_t after = k + 1 < n ? chunk_[k + 1].cp : following_;
        if (!IsDigit(after)) kind = AbbreviationKind::kNone;  // "He said no."
      }
      if (kind != AbbreviationKind::kNone) {
        Emit(start, k + 1, abbreviation_flag(kind));
        return k + 1;
      }
      break;
    }
    if (c == '\'') {
      size_t m = k + 1;
      char suffix[3];
      size_t suffix_len = 0;
      while (m < n && IsLetter(chunk_[m].cp)) {
        if (suffix_len < 3) suffix[suffix_len] = static_cast<char>(AsciiLower(chunk_[m].cp));
        ++suffix_len;
        ++m;
      }
      bool at_end = m >= n || !IsWordChar(chunk_[m].cp);
      if (at_end && suffix_len == 1 && suffix[0] == 's' && IsDigit(left)) {  // the 80's, 1990's
        k = m;
        break;
      }
      if (at_end && k > start && IsCliticSuffix(suffix, suffix_len)) {  // it's, I'm, we're
        EmitWord(start, k);
        Emit(k, m);
        return m;
      }
      if (at_end && suffix_len == 1 && suffix[0] == 't' && k - 1 > start && AsciiLower(left) == 'n') {
        EmitWord(start, k - 1);  // do|n't, ca|n't, wo|n't
        Emit(k - 1, m);
        return m;
      }
      if (next_word && IsLetter(left)) {  // O'Brien, rock'n'roll
        ++k;
        initials = false;
        continue;
      }
      break;
    }
    if (c == '-') {
      if (!next_word) break;
      bool prefix = true;
      char buf[12];
      size_t len = k - seg;
      if (len > 12) prefix = false;
      for (size_t x = 0; prefix && x < len; ++x) {
        char32_t ch = chunk_[seg + x].cp;
        prefix = ch < 0x80 && IsLetter(ch);
        buf[x] = static_cast<char>(ch);
      }
      // An all-capital "prefix" is an acronym: "UN-backed" splits, "Un-" would not.
      if (prefix && len >= 2 && IsUpper(chunk_[seg].cp) && IsUpper(chunk_[seg + 1].cp)) prefix = false;
      if (prefix && lexicon_.HyphenPrefix(std::string_view(buf, len))) {  // non-stop, e-mail
        ++k;
        seg = k;
        initials = false;
        continue;
      }
      if (seg == start) {
        size_t code_end = NumberCodeEnd(seg, n);  // 713-853-5025, 01-Feb-02 stay whole
        if (code_end > k) {
          k = code_end;
          initials = false;
          continue;
        }
      }
      EmitWord(start, k);  // center - north, as in EWT
      Emit(k, k + 1);
      start = seg = ++k;
      initials = true;
      continue;
    }
    if (c == ',' && IsDigit(left)) {
      // 1,000: exactly three digits follow.
      size_t d = k + 1;
      while (d < n && IsDigit(chunk_[d].cp)) ++d;
      if (d - k - 1 == 3 && (d >= n || !IsDigit(chunk_[d].cp))) {
        k = d;
        initials = false;
        continue;
      }
      break;
    }
    if ((c == ':' || c == '/') && IsDigit(left) && k + 1 < n && IsDigit(chunk_[k + 1].cp)) {  // 12:30, 9/11
      ++k;
      initials = false;
      continue;
    }
    if (c == '_' && next_word) {  // image_gif_part, snake_case names
      ++k;
      initials = false;
      continue;
    }
    if ((c == '&' || c == '/') && next_word && IsLetter(left) && IsLetter(chunk_[k + 1].cp)) {
      // AT&T, R&D, a&m (letter runs of up to three), b/c, w/o (single letters)
      size_t limit = c == '&' ? 3 : 1;
      size_t right_end = k + 1;
      while (right_end < n && IsLetter(chunk_[right_end].cp)) ++right_end;
      if (k - seg <= limit && right_end - k - 1 <= limit) {
        k = right_end;
        seg = k;
        initials = false;
        continue;
      }
    }
    break;
  }
  if (k > start) EmitWord(start, k);
  return k;
}

}  // namespace dragoman::text
