#include "coding/actor_dictionary.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <string>
#include <utility>

namespace dragoman::coding {

namespace {

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

// Decodes one UTF-8 code point at s[*i], advancing *i; invalid bytes come back as themselves.
uint32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = s[*i];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return c;
  }
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char d = s[*i + k];
    if ((d >> 6) != 2) {
      ++*i;
      return c;
    }
    cp = (cp << 6) | (d & 0x3f);
  }
  *i += len;
  return cp;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

// The ASCII letters a Latin letter with diacritics folds to (lowercase), or null.
const char* FoldLatin(uint32_t cp) {
  if (cp >= 0xc0 && cp <= 0xff) {
    static const char* kLatin1[] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};  // F0-FF
    return kLatin1[cp - 0xc0];
  }
  if (cp >= 0x100 && cp <= 0x17f) {
    // Latin Extended-A in code point order; J and O stand for the ligatures ij and oe.
    static const char kExtA[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiJJjjkkkllllllllllnnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    static const char* kSingle[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
                                    "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"};
    char c = kExtA[cp - 0x100];
    if (c == 'J') return "ij";
    if (c == 'O') return "oe";
    return kSingle[c - 'a'];
  }
  switch (cp) {
    case 0x218: case 0x219: return "s";  // Ș ș
    case 0x21a: case 0x21b: return "t";  // Ț ț
    default: return nullptr;
  }
}

// Lowercase ASCII of one name piece as written, keeping case (quotes normalized).
std::string CasedForm(std::string_view form) {
  std::string out;
  for (size_t i = 0; i < form.size();) {
    uint32_t cp = NextCodePoint(form, &i);
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02bc || cp == 0x2032 || cp == 0x60) {
      out.push_back('\'');
    } else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2014) {
      out.push_back('-');
    } else {
      AppendUtf8(cp, &out);
    }
  }
  return out;
}

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); }

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = s[0];
  if (c < 0x80) return std::isupper(c);
  size_t i = 0;
  uint32_t cp = NextCodePoint(s, &i);
  // Latin-1 and Extended-A capitals; other scripts count as capitalized.
  if (cp >= 0xc0 && cp <= 0xde) return true;
  if (cp >= 0x100 && cp <= 0x17f) return cp % 2 == 0;
  return cp > 0x17f;
}

// Splits on spaces, underscores and hyphens between letters/digits.
std::vector<std::string> SplitPieces(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool sep = c == ' ' || c == '_' || c == '\t';
    if (c == '-' && !cur.empty() && i + 1 < s.size() && s[i + 1] != '-' && s[i + 1] != ' ') sep = true;
    if (sep) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool ValidCode(std::string_view code) {
  if (code.size() < 3 || code.size() > 21) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Index units of a name: normalized pieces without a leading "the".
std::vector<std::string> IndexUnits(std::string_view name) {
  std::vector<std::string> units = NameTokens(name);
  if (units.size() > 1 && units[0] == "the") units.erase(units.begin());
  return units;
}

}  // namespace

std::optional<int> ParseDate(std::string_view text, bool as_end) {
  if (text.size() > 10 && text[10] == 'T') text = text.substr(0, 10);
  int year = 0, month = 0, day = 0;
  if (text.size() >= 4 && IsDigits(text.substr(0, 4))) {
    year = std::stoi(std::string(text.substr(0, 4)));
  } else {
    return std::nullopt;
  }
  if (text.size() == 4) {
    month = as_end ? 12 : 1;
    day = as_end ? 31 : 1;
  } else if (text.size() == 7 && text[4] == '-' && IsDigits(text.substr(5, 2))) {
    month = std::stoi(std::string(text.substr(5, 2)));
    if (month < 1 || month > 12) return std::nullopt;
    day = as_end ? DaysInMonth(year, month) : 1;
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-' && IsDigits(text.substr(5, 2)) &&
             IsDigits(text.substr(8, 2))) {
    month = std::stoi(std::string(text.substr(5, 2)));
    day = std::stoi(std::string(text.substr(8, 2)));
    if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  return year * 10000 + month * 100 + day;
}

std::string FormatDate(int date) {
  if (date <= kDateMin || date >= kDateMax) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date / 10000, (date / 100) % 100, date % 100);
  return buf;
}

std::string_view ActorKindName(ActorKind kind) {
  switch (kind) {
    case ActorKind::kCountry: return "country";
    case ActorKind::kRegion: return "region";
    case ActorKind::kOrganization: return "organization";
    case ActorKind::kPerson: return "person";
    case ActorKind::kGroup: return "group";
  }
  return "group";
}

std::string ActorEntry::CodeAt(int date) const {
  const DatedCode* open = nullptr;
  const DatedCode* latest = nullptr;
  for (const DatedCode& c : codes) {
    if (c.range.open()) {
      if (!open) open = &c;
      continue;
    }
    if (date != 0 && c.range.Contains(date)) return c.code;
    if (!latest || c.range.end > latest->range.end) latest = &c;
  }
  if (open) return open->code;
  if (date == 0 && latest) return latest->code;
  return "";
}

std::string NormalizeForm(std::string_view form) {
  std::string out;
  out.reserve(form.size());
  for (size_t i = 0; i < form.size();) {
    uint32_t cp = NextCodePoint(form, &i);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(std::tolower(static_cast<int>(cp))));
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02bc || cp == 0x2032) {
      out.push_back('\'');
    } else if (cp == 0x201c || cp == 0x201d || cp == 0x201e) {
      out.push_back('"');
    } else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2014) {
      out.push_back('-');
    } else if (const char* f = FoldLatin(cp)) {
      out += f;
    } else {
      AppendUtf8(cp, &out);
    }
  }
  return out;
}

std::vector<std::string> NameTokens(std::string_view name) {
  std::vector<std::string> out;
  for (const std::string& piece : SplitPieces(CasedForm(name))) out.push_back(NormalizeForm(piece));
  return out;
}

ActorDictionary::ActorDictionary() = default;
ActorDictionary::~ActorDictionary() = default;
ActorDictionary::ActorDictionary(ActorDictionary&&) noexcept = default;
ActorDictionary& ActorDictionary::operator=(ActorDictionary&&) noexcept = default;

Status ActorDictionary::AddActor(ActorEntry entry) {
  std::string where = entry.origin.empty() ? entry.id : entry.origin;
  if (entry.names.empty()) return InvalidInput(where + ": actor \"" + entry.id + "\" has no name");
  if (entry.codes.empty()) return InvalidInput(where + ": actor \"" + entry.id + "\" has no code");
  for (const DatedCode& c : entry.codes) {
    if (!ValidCode(c.code))
      return InvalidInput(where + ": bad code \"" + c.code + "\" for \"" + entry.id +
                          "\" (expected 3 to 21 of A-Z, 0-9, -)");
    if (c.range.begin > c.range.end)
      return InvalidInput(where + ": date range ends before it begins for code \"" + c.code + "\"");
  }
  std::vector<std::vector<std::string>> units;
  for (ActorName& n : entry.names) {
    if (n.cased.empty()) n.cased = n.text;
    units.push_back(IndexUnits(n.text));
    if (units.back().empty()) return InvalidInput(where + ": empty name for \"" + entry.id + "\"");
    n.text.clear();
    for (const std::string& u : NameTokens(n.text.empty() ? n.cased : n.text)) {
      if (!n.text.empty()) n.text += ' ';
      n.text += u;
    }
  }
  size_t index = actors_.size();
  if ((entry.kind == ActorKind::kCountry || entry.kind == ActorKind::kRegion) && !entry.codes.empty())
    country_by_code_.emplace(entry.codes.front().code, index);
  actors_.push_back(std::move(entry));
  return Status::Ok();
}

Status ActorDictionary::AddAgent(AgentEntry entry) {
  std::string where = entry.origin.empty() ? entry.code : entry.origin;
  if (entry.names.empty()) return InvalidInput(where + ": agent \"" + entry.code + "\" has no name");
  if (!ValidCode(entry.code))
    return InvalidInput(where + ": bad agent code \"" + entry.code + "\" (expected 3 to 21 of A-Z, 0-9, -)");
  for (size_t i = 0; i < entry.names.size(); ++i) {
    std::vector<std::string> units = IndexUnits(entry.names[i]);
    if (units.empty()) return InvalidInput(where + ": empty agent name");
    std::string joined;
    for (const std::string& u : units) joined += (joined.empty() ? "" : " ") + u;
    entry.names[i] = joined;
  }
  agents_.push_back(std::move(entry));
  return Status::Ok();
}

const ActorEntry* ActorDictionary::FindCountry(std::string_view code) const {
  auto it = country_by_code_.find(std::string(code));
  return it == country_by_code_.end() ? nullptr : &actors_[it->second];
}

}  // namespace dragoman::coding
