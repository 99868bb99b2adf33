#include "ingest/date_parser.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

namespace dragoman::ingest {
namespace {

// The line is cut into runs of digits, runs of ASCII letters and single punctuation marks; other
// bytes (spaces, non-ASCII such as a no-break space) only separate tokens.
struct DateToken {
  enum Kind { kNumber, kWord, kPunct } kind;
  std::string_view text;
};

std::vector<DateToken> Tokenize(std::string_view s) {
  std::vector<DateToken> tokens;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c)) {
      size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      tokens.push_back({DateToken::kNumber, s.substr(i, j - i)});
      i = j;
    } else if (c < 0x80 && std::isalpha(c)) {
      size_t j = i;
      while (j < s.size() && static_cast<unsigned char>(s[j]) < 0x80 &&
             std::isalpha(static_cast<unsigned char>(s[j])))
        ++j;
      tokens.push_back({DateToken::kWord, s.substr(i, j - i)});
      i = j;
    } else {
      if (c == '-' || c == '/' || c == '.' || c == ',' || c == ':' || c == '|') {
        tokens.push_back({DateToken::kPunct, s.substr(i, 1)});
      }
      ++i;
    }
  }
  return tokens;
}

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(word[i])) != lower[i]) return false;
  }
  return true;
}

// 1-12 for an English month name or abbreviation, 0 otherwise.
int MonthFromWord(std::string_view word) {
  static constexpr std::array<std::array<std::string_view, 3>, 12> kMonths = {{
      {"january", "jan", ""},   {"february", "feb", ""}, {"march", "mar", ""},
      {"april", "apr", ""},     {"may", "may", ""},      {"june", "jun", ""},
      {"july", "jul", ""},      {"august", "aug", ""},   {"september", "sep", "sept"},
      {"october", "oct", ""},   {"november", "nov", ""}, {"december", "dec", ""},
  }};
  for (int m = 0; m < 12; ++m) {
    for (std::string_view name : kMonths[m]) {
      if (!name.empty() && EqualsLower(word, name)) return m + 1;
    }
  }
  return 0;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ValidDate(int y, int m, int d) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  int days = kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
  return d <= days;
}

std::optional<std::string> Iso(int y, int m, int d) {
  if (!ValidDate(y, m, d)) return std::nullopt;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

class Matcher {
 public:
  explicit Matcher(const std::vector<DateToken>& t) : t_(t) {}

  // A date starting at token i, or nullopt.
  std::optional<std::string> At(size_t i) const {
    if (auto r = YearFirst(i)) return r;
    if (auto r = NumericYearLast(i)) return r;
    if (auto r = MonthFirst(i)) return r;
    if (auto r = DayFirst(i)) return r;
    return std::nullopt;
  }

 private:
  bool Num(size_t i, size_t min_len, size_t max_len) const {
    return i < t_.size() && t_[i].kind == DateToken::kNumber && t_[i].text.size() >= min_len &&
           t_[i].text.size() <= max_len;
  }
  bool Punct(size_t i, char c) const {
    return i < t_.size() && t_[i].kind == DateToken::kPunct && t_[i].text[0] == c;
  }
  bool DateSep(size_t i) const { return Punct(i, '-') || Punct(i, '/') || Punct(i, '.'); }
  int Month(size_t i) const {
    return i < t_.size() && t_[i].kind == DateToken::kWord ? MonthFromWord(t_[i].text) : 0;
  }
  bool Ordinal(size_t i) const {
    return i < t_.size() && t_[i].kind == DateToken::kWord &&
           (EqualsLower(t_[i].text, "st") || EqualsLower(t_[i].text, "nd") ||
            EqualsLower(t_[i].text, "rd") || EqualsLower(t_[i].text, "th"));
  }

  // 2022-05-20, 2022/05/20, 2022.05.20 (with the same separator twice).
  std::optional<std::string> YearFirst(size_t i) const {
    if (!Num(i, 4, 4) || !DateSep(i + 1) || !Num(i + 2, 1, 2) || !Num(i + 4, 1, 2)) return std::nullopt;
    if (i + 3 >= t_.size() || t_[i + 3].text != t_[i + 1].text) return std::nullopt;
    return Iso(ToInt(t_[i].text), ToInt(t_[i + 2].text), ToInt(t_[i + 4].text));
  }

  // 20.05.2022, 20-05-2022 (day first), 05/20/2022 (month first unless that cannot be).
  std::optional<std::string> NumericYearLast(size_t i) const {
    if (!Num(i, 1, 2) || !DateSep(i + 1) || !Num(i + 2, 1, 2) || !Num(i + 4, 4, 4)) return std::nullopt;
    if (i + 3 >= t_.size() || t_[i + 3].text != t_[i + 1].text) return std::nullopt;
    int a = ToInt(t_[i].text), b = ToInt(t_[i + 2].text), y = ToInt(t_[i + 4].text);
    bool slash = t_[i + 1].text[0] == '/';
    auto day_first = Iso(y, b, a);
    auto month_first = Iso(y, a, b);
    if (slash) return month_first ? month_first : day_first;
    return day_first ? day_first : month_first;
  }

  // May 20, 2022 / Sept. 20th 2022 / May-20-2022.
  std::optional<std::string> MonthFirst(size_t i) const {
    int m = Month(i);
    if (m == 0) return std::nullopt;
    size_t j = i + 1;
    if (Punct(j, '.') || Punct(j, '-')) ++j;
    if (!Num(j, 1, 2)) return std::nullopt;
    int d = ToInt(t_[j].text);
    ++j;
    if (Ordinal(j)) ++j;
    if (Punct(j, ',') || Punct(j, '-')) ++j;
    if (!Num(j, 4, 4)) return std::nullopt;
    return Iso(ToInt(t_[j].text), m, d);
  }

  // 20 May 2022 / 20th of May, 2022 / 20-May-2022 / 20 Sept. 2022.
  std::optional<std::string> DayFirst(size_t i) const {
    if (!Num(i, 1, 2)) return std::nullopt;
    int d = ToInt(t_[i].text);
    size_t j = i + 1;
    if (Ordinal(j)) ++j;
    if (Punct(j, '-') || Punct(j, '.')) ++j;
    if (j < t_.size() && t_[j].kind == DateToken::kWord && EqualsLower(t_[j].text, "of")) ++j;
    int m = Month(j);
    if (m == 0) return std::nullopt;
    ++j;
    if (Punct(j, '.')) ++j;
    if (Punct(j, ',') || Punct(j, '-')) ++j;
    if (!Num(j, 4, 4)) return std::nullopt;
    return Iso(ToInt(t_[j].text), m, d);
  }

  const std::vector<DateToken>& t_;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> FindNewsDate(std::string_view line) {
  std::vector<DateToken> tokens = Tokenize(line);
  Matcher matcher(tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (auto r = matcher.At(i)) return r;
  }
  return std::nullopt;
}

std::optional<std::string> ParseNewsDate(std::string_view value) {
  value = Trim(value);
  // The compact 20220520 form is only trusted as a whole value: inside text it is any number.
  if (value.size() == 8) {
    bool digits = true;
    for (char c : value) digits = digits && std::isdigit(static_cast<unsigned char>(c));
    if (digits) {
      return Iso(ToInt(value.substr(0, 4)), ToInt(value.substr(4, 2)), ToInt(value.substr(6, 2)));
    }
  }
  return FindNewsDate(value);
}

}  // namespace dragoman::ingest
