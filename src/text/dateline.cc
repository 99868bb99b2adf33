#include "text/dateline.h"

#include <utf8proc.h>

#include <iostream>

#include "resources/resources.h"
#include "text/chars.h"
#include "text/lexicon.h"
#include "text/tokenizer.h"

namespace dragoman::text {
namespace {

// A dateline is short: "GAZA CITY, Gaza Strip Sept. 7, 2004 (Reuters) -" is 14 tokens.
constexpr size_t kMaxTokens = 24;
// At most this many words in the upper-case place, the region, or the parenthesized agency.
constexpr size_t kMaxPlaceWords = 4;
constexpr size_t kMaxRegionWords = 4;
constexpr size_t kMaxAgencyTokens = 5;

// Non-comment lines of a list file, trimmed, with their line numbers.
struct ListLine {
  size_t number;
  std::string_view text;
};

std::vector<ListLine> ReadLines(std::string_view content) {
  std::vector<ListLine> lines;
  size_t number = 0, pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    lines.push_back({number, line});
  }
  return lines;
}

// "sept." -> "sept": lower-cased, a final full stop dropped.
std::string MonthKey(std::string_view form) {
  if (!form.empty() && form.back() == '.') form.remove_suffix(1);
  return AsciiLowerCopy(form);
}

// The canonical characters of a token form.
std::u32string Chars(std::string_view form) {
  std::u32string out;
  CharDecoder decoder(form, 0, form.size());
  Char c;
  while (decoder.Next(&c)) out.push_back(c.cp);
  return out;
}

// "BAGHDAD", "SÃO", "N'DJAMENA": two or more letters, all upper-case, maybe an apostrophe between
// two of them.
bool IsUpperWord(std::string_view form) {
  std::u32string chars = Chars(form);
  if (chars.size() < 2) return false;
  for (size_t i = 0; i < chars.size(); ++i) {
    const char32_t c = chars[i];
    const bool inner_apostrophe = (c == U'\'' || c == U'\u2019') && i > 0 && i + 1 < chars.size();
    if (!IsUpper(c) && !inner_apostrophe) return false;
  }
  return true;
}

// "President", "Iraq", "Mass.", "D.C.": an upper-case letter, then letters and full stops, with a
// lower-case letter or a full stop (not an acronym).
bool IsCapitalizedWord(std::string_view form, bool allow_stops) {
  std::u32string chars = Chars(form);
  if (chars.size() < 2 || !IsUpper(chars[0])) return false;
  bool lower = false, stop = false;
  for (char32_t c : chars) {
    if (c == '.' && allow_stops) {
      stop = true;
    } else if (IsLower(c)) {
      lower = true;
    } else if (!IsLetter(c)) {
      return false;
    }
  }
  return lower || stop;
}

bool IsDigits(std::string_view form, size_t min_len, size_t max_len) {
  if (form.size() < min_len || form.size() > max_len) return false;
  for (char c : form) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "-", "--" (an em dash's form), "---": a dash between dateline and story.
bool IsDashSeparator(std::string_view form) { return !form.empty() && form.size() <= 3 && form.find_first_not_of('-') == std::string_view::npos; }

class Matcher {
 public:
  Matcher(std::string_view text, std::vector<RawToken> tokens, const DatelineWords& words)
      : text_(text), t_(std::move(tokens)), words_(words) {
    for (const RawToken& t : t_) forms_.push_back(t.form);
  }

  std::optional<Dateline> Find() {
    if (t_.empty()) return std::nullopt;
    if (std::optional<Dateline> d = AgencyAlone()) return d;
    return PlaceFirst();
  }

 private:
  size_t n() const { return t_.size(); }
  std::string_view Form(size_t i) const { return i < n() ? std::string_view(t_[i].form) : std::string_view(); }
  // No space between token i - 1 and token i.
  bool Glued(size_t i) const { return i > 0 && i < n() && t_[i].begin == t_[i - 1].end; }
  std::string Slice(size_t first, size_t last) const {  // tokens [first, last) as written
    return std::string(text_.substr(t_[first].begin, t_[last - 1].end - t_[first].begin));
  }
  // Forms of tokens [first, last), with one space where the text has any.
  std::string Joined(size_t first, size_t last) const {
    std::string out;
    for (size_t i = first; i < last; ++i) {
      if (i > first && !Glued(i)) out.push_back(' ');
      out += t_[i].form;
    }
    return out;
  }

  // A separator at i: a dash or a colon with space on at least one side ("UN-backed" is a word).
  bool SeparatorAt(size_t i) const {
    if (i >= n() || !(IsDashSeparator(Form(i)) || Form(i) == ":")) return false;
    return !Glued(i) || i + 1 >= n() || !Glued(i + 1);
  }

  // "AP - Candidates who ...": a listed agency, then a spaced dash.
  std::optional<Dateline> AgencyAlone() const {
    std::vector<std::string_view> forms(forms_.begin(), forms_.end());
    size_t m = words_.AgencyAt(forms);
    if (m == 0 || m >= n() || !IsDashSeparator(Form(m)) || Glued(m)) return std::nullopt;
    Dateline d;
    d.span = {t_[0].begin, t_[m].end};
    d.agency = Slice(0, m);
    return d;
  }

  // A month, its day and maybe ", 2004" at i: "Aug 25, 2004", "Sept. 7", "Oct 23". The end, or 0.
  size_t DateEnd(size_t i) const {
    if (!words_.IsMonth(Form(i))) return 0;
    size_t m = i + 1;
    if (Form(m) == "." && Glued(m)) ++m;  // "Sept" "." when "Sept." is not one token
    if (!IsDigits(Form(m), 1, 2)) return 0;
    ++m;
    if (Form(m) == "," && IsDigits(Form(m + 1), 4, 4)) {
      m += 2;
    } else if (IsDigits(Form(m), 4, 4)) {
      ++m;
    }
    return m;
  }

  std::optional<Dateline> PlaceFirst() const {
    // The place: upper-case words, maybe joined by '/' or '-' ("DUBAI/PARIS", "WINSTON-SALEM").
    size_t k = 0, words = 0;
    while (k < n() && words < kMaxPlaceWords && IsUpperWord(Form(k))) {
      ++k;
      ++words;
      if ((Form(k) == "/" || Form(k) == "-") && Glued(k) && Glued(k + 1) && IsUpperWord(Form(k + 1))) ++k;
    }
    if (words == 0 || words_.IsLabel(Form(0))) return std::nullopt;
    const size_t place_end = k;
    std::string place_words = Joined(0, place_end);
    if (words_.IsAgency(place_words)) return std::nullopt;  // "AFP: ..." is no place
    size_t region_begin = 0, region_end = 0, date_begin = 0, date_end = 0;
    // ", Region" and a date, in either of the orders datelines use.
    if (Form(k) == ",") {
      if (size_t e = DateEnd(k + 1)) {  // "ABUJA, Aug 25, 2004"
        date_begin = k + 1;
        date_end = k = e;
      } else {  // "BAGHDAD, Iraq", "GAZA CITY, Gaza Strip", "FOXBORO, Mass."
        size_t r = k + 1;
        // (Words joined by a glued hyphen are one region: "Serbia-Montenegro".)
        while (r < n() && r - (k + 1) < kMaxRegionWords && DateEnd(r) == 0 &&
               (IsCapitalizedWord(Form(r), true) || (Form(r) == "." && Glued(r) && r > k + 1) ||
                (Form(r) == "-" && r > k + 1 && Glued(r) && Glued(r + 1) && IsCapitalizedWord(Form(r + 1), false)))) {
          ++r;
        }
        if (r == k + 1) return std::nullopt;
        region_begin = k + 1;
        region_end = k = r;
      }
    }
    if (date_end == 0) {
      size_t date_at = region_end != 0 && Form(k) == "," ? k + 1 : k;  // "KANDAHAR, Afghanistan, Dec 14"
      if (size_t e = DateEnd(date_at)) {
        date_begin = date_at;
        date_end = k = e;
      }
    }
    // "(Reuters)", "(dpa)", "(ITAR-TASS)": a listed agency, or capitalized names.
    size_t agency_begin = 0, agency_end = 0;
    if (Form(k) == "(") {
      size_t close = k + 1;
      bool names = true;
      while (close < n() && close - k <= kMaxAgencyTokens && Form(close) != ")") {
        std::string_view f = Form(close);
        bool joiner = (f == "-" || f == "&") && Glued(close);
        names &= joiner || IsUpper(Chars(f).empty() ? 0 : Chars(f)[0]);
        ++close;
      }
      if (close >= n() || Form(close) != ")" || close == k + 1) return std::nullopt;
      if (!names && !words_.IsAgency(Slice(k + 1, close))) return std::nullopt;
      agency_begin = k + 1;
      agency_end = close;
      k = close + 1;
    }
    Dateline d;
    if (SeparatorAt(k)) {
      d.span = {t_[0].begin, t_[k].end};
    } else if (k == place_end && k < n() && !Glued(k) && words_.IsStandalonePlace(place_words) &&
               IsCapitalizedWord(Form(k), false)) {
      d.span = {t_[0].begin, t_[place_end - 1].end};  // "LONDON President Vladimir Putin ..."
    } else {
      return std::nullopt;
    }
    size_t place_last = region_end != 0 ? region_end : place_end;
    d.place_span = {t_[0].begin, t_[place_last - 1].end};
    d.place = std::string(text_.substr(d.place_span.begin, d.place_span.end - d.place_span.begin));
    d.city = TitleCase(place_words);
    if (region_end != 0) d.region = Joined(region_begin, region_end);
    d.place_display = d.region.empty() ? d.city : d.city + ", " + d.region;
    if (date_end != 0) d.date = Slice(date_begin, date_end);
    if (agency_end != 0) d.agency = Slice(agency_begin, agency_end);
    return d;
  }

  std::string_view text_;
  std::vector<RawToken> t_;
  std::vector<std::string> forms_;
  const DatelineWords& words_;
};

}  // namespace

Result<DatelineWords> DatelineWords::Parse(std::string_view agencies, std::string_view words,
                                           std::string_view origin) {
  DatelineWords out;
  for (const ListLine& line : ReadLines(agencies)) {
    out.agency_names_.insert(std::string(line.text));
    std::vector<std::string> forms;
    for (RawToken& t : Tokenizer::TokenizeAll(Lexicon::Default(), line.text, 0, line.text.size()))
      forms.push_back(std::move(t.form));
    out.agencies_.push_back(std::move(forms));
  }
  for (const ListLine& line : ReadLines(words)) {
    size_t space = line.text.find_first_of(" \t");
    std::string_view kind = line.text.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? std::string_view() : line.text.substr(space + 1);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    // Words of a place are kept joined by one space, as Matcher joins them.
    std::string joined;
    for (size_t i = 0; i < rest.size(); ++i) {
      bool blank = rest[i] == ' ' || rest[i] == '\t';
      if (!blank) joined.push_back(rest[i]);
      else if (!joined.empty() && joined.back() != ' ') joined.push_back(' ');
    }
    bool one_word = !joined.empty() && joined.find(' ') == std::string::npos;
    if (kind == "month" && one_word) {
      out.months_.insert(MonthKey(joined));
    } else if (kind == "place" && !joined.empty()) {
      out.places_.insert(joined);
    } else if (kind == "label" && one_word) {
      out.labels_.insert(joined);
    } else {
      return InvalidInput(std::string(origin) + ": dateline words line " + std::to_string(line.number) +
                          ": expected \"month WORD\", \"place WORDS\" or \"label WORD\", got \"" +
                          std::string(line.text) + "\"");
    }
  }
  return out;
}

const DatelineWords& DatelineWords::Default() {
  static const DatelineWords* words = [] {
    Result<DatelineWords> parsed = Parse(EmbeddedList("data/text/news_agencies.txt"),
                                         EmbeddedList("data/text/dateline_words.txt"), "data/text");
    auto* out = new DatelineWords();
    if (parsed.ok()) {
      *out = parsed.take();
    } else {
      std::cerr << "dragoman: " << parsed.status().message() << "\n";
    }
    return out;
  }();
  return *words;
}

size_t DatelineWords::AgencyAt(const std::vector<std::string_view>& forms) const {
  size_t best = 0;
  for (const std::vector<std::string>& agency : agencies_) {
    if (agency.empty() || agency.size() > forms.size() || agency.size() <= best) continue;
    bool match = true;
    for (size_t i = 0; i < agency.size() && match; ++i) match = forms[i] == agency[i];
    if (match) best = agency.size();
  }
  return best;
}

bool DatelineWords::IsAgency(std::string_view name) const { return agency_names_.find(name) != agency_names_.end(); }

bool DatelineWords::IsMonth(std::string_view form) const {
  if (form.empty() || form.size() > 10) return false;
  return months_.find(MonthKey(form)) != months_.end();
}

bool DatelineWords::IsStandalonePlace(std::string_view words) const { return places_.find(words) != places_.end(); }

bool DatelineWords::IsLabel(std::string_view word) const { return labels_.find(word) != labels_.end(); }

std::string TitleCase(std::string_view upper) {
  std::string out;
  const auto* s = reinterpret_cast<const utf8proc_uint8_t*>(upper.data());
  utf8proc_ssize_t pos = 0, size = static_cast<utf8proc_ssize_t>(upper.size());
  bool in_word = false;
  while (pos < size) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(s + pos, size - pos, &cp);
    if (len <= 0) {  // not UTF-8: copied as it is
      out.push_back(static_cast<char>(s[pos]));
      ++pos;
      in_word = false;
      continue;
    }
    pos += len;
    bool letter = IsLetter(static_cast<char32_t>(cp));
    if (letter && in_word) cp = utf8proc_tolower(cp);
    in_word = letter;
    AppendUtf8(static_cast<char32_t>(cp), &out);
  }
  return out;
}

std::optional<Dateline> FindDateline(std::string_view text, size_t begin, size_t end, const DatelineWords& words,
                                     const Lexicon& lexicon) {
  if (begin >= end || end > text.size()) return std::nullopt;
  std::vector<RawToken> tokens;
  Tokenizer tokenizer(lexicon, text, begin, end);
  while (tokens.size() < kMaxTokens && tokenizer.Next(&tokens)) {
  }
  return Matcher(text, std::move(tokens), words).Find();
}

}  // namespace dragoman::text
