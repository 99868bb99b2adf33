#include "text/segmenter.h"

#include <array>
#include <string_view>
#include <utility>

#include "text/boilerplate.h"
#include "text/chars.h"
#include "text/dateline.h"
#include "text/lexicon.h"
#include "text/tokenizer.h"

namespace dragoman::text {
namespace {

// Lines longer than this are not tested against whole-line rules (a footer is short).
constexpr size_t kMaxCheckedLineBytes = 4000;
// A date/byline line has at most this many tokens.
constexpr size_t kMaxDatelineTokens = 14;
// A wire dateline is looked for in the body's first lines that hold a sentence or are dropped
// (a byline, a date line), at most this many.
constexpr size_t kWireDatelineLines = 3;

bool StartsWithOpeningQuote(std::string_view text, size_t pos) {
  // “ (E2 80 9C), ‘ (E2 80 98), « (C2 AB)
  if (pos + 3 <= text.size() && text[pos] == '\xE2' && text[pos + 1] == '\x80' &&
      (text[pos + 2] == '\x9C' || text[pos + 2] == '\x98')) {
    return true;
  }
  return pos + 2 <= text.size() && text[pos] == '\xC2' && text[pos + 1] == '\xAB';
}

bool IsClosingBracket(char32_t c) { return c == ')' || c == ']' || c == '}'; }

// True when a letter or digit starts at pos: a quote right before it opens (`ties."We will`).
bool WordFollows(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[pos]);
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

// "1", "12", "a", "B", "iv": what numbers an item of a list.
bool IsListMarker(std::string_view form) {
  if (form.empty() || form.size() > 3) return false;
  bool digits = true, roman = true;
  for (char c : form) {
    digits &= c >= '0' && c <= '9';
    roman &= c == 'i' || c == 'v' || c == 'x' || c == 'I' || c == 'V' || c == 'X';
  }
  bool letter =
      form.size() == 1 && ((form[0] >= 'a' && form[0] <= 'z') || (form[0] >= 'A' && form[0] <= 'Z'));
  return digits || roman || letter;
}

// Words a date, time or byline line is made of ("2022-05-20 0 By", "Updated: May 20, 2022 10:30 GMT").
bool IsDatelineWord(std::string_view form) {
  static constexpr std::array<std::string_view, 58> kWords = {
      "by",      "updated",   "published", "posted",    "last",     "modified", "on",       "at",
      "am",      "pm",        "a.m.",      "p.m.",      "utc",      "gmt",      "edt",      "est",
      "bst",     "cst",       "pst",       "cet",       "cest",     "msk",      "ist",      "jan",
      "feb",     "mar",       "apr",       "may",       "jun",      "jul",      "aug",      "sep",
      "sept",    "oct",       "nov",       "dec",       "january",  "february", "march",    "april",
      "june",    "july",      "august",    "september", "october",  "november", "december", "monday",
      "tuesday", "wednesday", "thursday",  "friday",    "saturday", "sunday",   "source",   "time",
      "date",    "views"};
  std::string lower;
  for (char c : form) {
    if (c == '.' && !lower.empty() && lower.size() >= 3) break;  // "Jan." -> "jan"
    lower.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  }
  for (std::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

bool IsDatelineToken(const Token& t) {
  const std::string& f = t.form;
  bool digits = false, other = false;
  for (char c : f) {
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c != '-' && c != '/' && c != ':' && c != '.' && c != ',') {
      other = true;
    }
  }
  if (digits && !other) return true;                                    // 2022-05-20, 10:30, 0
  if (!digits && !other) return true;                                   // punctuation
  if (f == "|" || f == "\xC2\xB7" || f == "\xE2\x80\xA2") return true;  // | · •
  return IsDatelineWord(f);
}

bool IsPunctuation(const Token& t) {
  for (char c : t.form) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

bool IsCapitalized(const Token& t) {
  unsigned char c = static_cast<unsigned char>(t.form.empty() ? 0 : t.form[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// A short line that holds no news: only a date, time and byline words, or "By NAME NAME".
bool IsDateline(const std::vector<Token>& tokens, size_t begin, size_t end) {
  size_t n = end - begin;
  if (n == 0 || n > kMaxDatelineTokens) return false;
  bool all = true, words = false;
  for (size_t i = begin; i < end && all; ++i) {
    all = IsDatelineToken(tokens[i]);
    words |= !IsPunctuation(tokens[i]);
  }
  if (all && words) return true;
  // "By John Smith", "By Zhang Wei and Li Ming | Xinhua": capitalized words after "By", no verb-like
  // lower-case word and no sentence-final punctuation.
  const std::string& first = tokens[begin].form;
  if ((first != "By" && first != "BY") || n > 8 || n < 2) return false;
  for (size_t i = begin + 1; i < end; ++i) {
    const std::string& f = tokens[i].form;
    if (f == "." || f == "!" || f == "?") return false;
    if (IsCapitalized(tokens[i]) || f == "and" || f == "," || f == "|" || f == "-" || f == "/" ||
        IsDatelineToken(tokens[i])) {
      continue;
    }
    return false;
  }
  return true;
}

class Builder {
 public:
  Builder(Article& article, const Lexicon& lexicon, const Boilerplate* boilerplate,
          const SegmentOptions& options)
      : article_(article), lexicon_(lexicon), boilerplate_(boilerplate), options_(options) {}

  void Title(Span span) {
    Sentence s;
    s.is_title = true;
    std::vector<RawToken> raw = Tokenizer::TokenizeAll(lexicon_, article_.text, span.begin, span.end);
    for (RawToken& t : raw) s.tokens.push_back(MakeToken(std::move(t)));
    if (s.tokens.empty()) return;
    s.span = {s.tokens.front().span.begin, s.tokens.back().span.end};
    article_.sentences.push_back(std::move(s));
  }

  // The next units are the body: look for a wire dateline at its start.
  void StartBody() { dateline_units_left_ = options_.find_wire_datelines ? kWireDatelineLines : 0; }

  // Segments one unit (a line, or a paragraph when line breaks do not end sentences).
  void Unit(size_t begin, size_t end) {
    if (dateline_units_left_ > 0) {
      --dateline_units_left_;
      // "BAGHDAD, Iraq (Reuters) - Followers of ...": the dateline goes to Article::dateline and
      // the first sentence starts after it.
      if (std::optional<Dateline> dateline = FindDateline(article_.text, begin, end)) {
        article_.dateline = std::move(*dateline);
        begin = article_.dateline.span.end;
        dateline_units_left_ = 0;
      }
    }
    size_t first_sentence = article_.sentences.size();
    UnitSentences(begin, end);
    // The first line with a sentence ends the search: a dateline opens the story or not at all.
    if (article_.sentences.size() > first_sentence) dateline_units_left_ = 0;
  }

 private:
  enum class Pending { kNone, kStop, kAbbreviation, kForced };

  void UnitSentences(size_t begin, size_t end) {
    size_t first_sentence = article_.sentences.size();
    Tokenizer tokenizer(lexicon_, article_.text, begin, end);
    buffer_.clear();
    while (tokenizer.Next(&buffer_)) {
      for (RawToken& t : buffer_) Add(std::move(t));
      buffer_.clear();
    }
    Flush();
    if (article_.sentences.size() == first_sentence || end - begin > kMaxCheckedLineBytes) return;
    // Whole-line tests: datelines and footers.
    const std::vector<Token>* tokens = &article_.sentences[first_sentence].tokens;
    if (article_.sentences.size() > first_sentence + 1) {
      line_tokens_.clear();
      for (size_t i = first_sentence; i < article_.sentences.size(); ++i) {
        for (const Token& t : article_.sentences[i].tokens) line_tokens_.push_back(t);
      }
      tokens = &line_tokens_;
    }
    bool drop = options_.drop_datelines && IsDateline(*tokens, 0, tokens->size());
    if (!drop && boilerplate_ != nullptr) drop = boilerplate_->Matches(*tokens, 0, tokens->size(), true);
    if (drop) article_.sentences.resize(first_sentence);
  }

  Token MakeToken(RawToken&& raw) {
    Token t;
    t.form = std::move(raw.form);
    t.span = {raw.begin, raw.end};
    return t;
  }

  bool ShouldBreak(Pending pending, const RawToken& next) const {
    switch (pending) {
      case Pending::kForced:
        return true;
      case Pending::kStop: {
        char32_t c = next.first;
        // A lower-case word after the stop starts a new sentence in informal text ("ok. i will"),
        // but not after a closing quote or bracket: `"Why?" he asked`, `(really?) it works`.
        // An ellipsis before a lower-case word trails off inside the sentence ("well... maybe").
        if (IsLower(c)) return !closed_quote_ && !ellipsis_;
        if (c == ',' || c == ';' || c == ':' || IsClosingBracket(c) || c == '%') return false;
        // "1. China will ..." and "a. The ...": a list marker opens the sentence, it is not one.
        if (current_.size() == 2 && current_[1].form == "." && IsListMarker(current_[0].form)) return false;
        return true;
      }
      case Pending::kAbbreviation:
        // "in the U.S. The ..." ends a sentence; "George W. Bush" and "U.S. officials" do not.
        return lexicon_.SentenceOpener(next.form) || StartsWithOpeningQuote(article_.text, next.begin);
      case Pending::kNone:
        return false;
    }
    return false;
  }

  void Add(RawToken&& t) {
    if (pending_ != Pending::kNone) {
      // Closing brackets and quotes right after the stop stay in the sentence: `said.”`, `(sic.)`.
      bool attached = t.begin == last_end_;
      bool closer = IsClosingBracket(t.first) ||
                    (attached && (t.first == '"' || t.first == '\'') &&
                     !StartsWithOpeningQuote(article_.text, t.begin) &&
                     (!WordFollows(article_.text, t.end) || (t.first == '"' && open_quotes_ % 2 == 1)));
      if (closer && pending_ != Pending::kForced) {
        closed_quote_ = true;
        if (t.first == '"') ++open_quotes_;
        last_end_ = t.end;
        current_.push_back(MakeToken(std::move(t)));
        return;
      }
      if (ShouldBreak(pending_, t)) Flush();
      pending_ = Pending::kNone;
      closed_quote_ = false;
    }
    uint8_t flags = t.flags;
    if (t.first == '"') ++open_quotes_;
    last_end_ = t.end;
    current_.push_back(MakeToken(std::move(t)));
    if (flags & kGlued) {
      pending_ = Pending::kForced;
    } else if (flags & kTerminal) {
      pending_ = Pending::kStop;
      closed_quote_ = false;
      const std::string& f = current_.back().form;
      ellipsis_ = f.size() >= 2 && f[0] == '.' && f[1] == '.';
    } else if (flags & kAbbreviation) {
      pending_ = Pending::kAbbreviation;
    }
    if (options_.max_sentence_tokens != 0 && current_.size() >= options_.max_sentence_tokens) Flush();
  }

  void Flush() {
    // A sentence that ends with an abbreviation ends with its full stop, written once: "on Fri, Sat
    // or Sun." gives "Sun" and "." as EWT has it. Dotted forms ("U.S.", "a.m.") stay whole.
    if (pending_ == Pending::kAbbreviation && !current_.empty()) SplitFinalStop();
    pending_ = Pending::kNone;
    closed_quote_ = false;
    open_quotes_ = 0;
    if (current_.empty()) return;
    if (boilerplate_ != nullptr && boilerplate_->Matches(current_, 0, current_.size(), false)) {
      current_.clear();
      return;
    }
    Sentence s;
    s.span = {current_.front().span.begin, current_.back().span.end};
    s.tokens = std::move(current_);
    current_.clear();
    article_.sentences.push_back(std::move(s));
  }

  void SplitFinalStop() {
    Token& last = current_.back();
    const std::string& f = last.form;
    if (f.size() < 2 || f.back() != '.' || f.find('.') != f.size() - 1) return;
    if (article_.text[last.span.end - 1] != '.') return;
    Token stop;
    stop.form = ".";
    stop.span = {last.span.end - 1, last.span.end};
    last.form.pop_back();
    last.span.end -= 1;
    current_.push_back(std::move(stop));
  }

  Article& article_;
  const Lexicon& lexicon_;
  const Boilerplate* boilerplate_;
  const SegmentOptions& options_;
  std::vector<RawToken> buffer_;
  std::vector<Token> current_;
  std::vector<Token> line_tokens_;
  Pending pending_ = Pending::kNone;
  bool closed_quote_ = false;  // a closing quote or bracket followed the pending stop
  bool ellipsis_ = false;      // the pending stop is an ellipsis
  size_t open_quotes_ = 0;     // double quotes in the current sentence (odd: one is open)
  size_t last_end_ = 0;
  size_t dateline_units_left_ = 0;  // units still to look for a wire dateline in
};

// The end of the line starting at pos (before end): a line feed, or U+2028 LINE SEPARATOR or
// U+2029 PARAGRAPH SEPARATOR. Sets *next to where the following line starts.
size_t LineEnd(std::string_view text, size_t pos, size_t end, size_t* next) {
  for (size_t i = pos; i < end; ++i) {
    char c = text[i];
    if (c == '\n') {
      *next = i + 1;
      return i;
    }
    if (c == '\xE2' && i + 2 < end && text[i + 1] == '\x80' &&
        (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      *next = i + 3;
      return i;
    }
  }
  *next = end;
  return end;
}

// Calls unit(begin, end) for each line of [begin, end), or each paragraph (lines up to a blank
// line) when by_line is false.
template <typename Fn>
void ForEachUnit(std::string_view text, size_t begin, size_t end, bool by_line, Fn&& unit) {
  size_t unit_begin = begin;
  size_t pos = begin;
  while (pos < end) {
    size_t next = end;
    size_t line_end = LineEnd(text, pos, end, &next);
    bool blank = true;
    for (size_t i = pos; i < line_end && blank; ++i) {
      char c = text[i];
      blank = c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    }
    if (by_line) {
      if (!blank) unit(pos, line_end);
    } else if (blank) {
      if (pos > unit_begin) unit(unit_begin, pos);
      unit_begin = next;
    }
    pos = next;
  }
  if (!by_line && unit_begin < end) unit(unit_begin, end);
}

}  // namespace

void Segment(Article& article, const SegmentOptions& options) {
  article.sentences.clear();
  article.dateline = Dateline();
  const Lexicon& lexicon = Lexicon::Default();
  const Boilerplate* boilerplate = nullptr;
  if (options.drop_boilerplate)
    boilerplate = options.boilerplate != nullptr ? options.boilerplate : &Boilerplate::Default();
  Builder builder(article, lexicon, boilerplate, options);
  const std::string_view text = article.text;
  Span title = article.title_span;
  bool has_title = !title.empty() && title.begin < title.end && title.end <= text.size();
  auto unit = [&](size_t b, size_t e) { builder.Unit(b, e); };
  if (has_title) {
    // Text before the title (rare) first, so that sentences stay in text order.
    ForEachUnit(text, 0, title.begin, options.line_breaks_end_sentences, unit);
    builder.Title(title);
    builder.StartBody();
    ForEachUnit(text, title.end, text.size(), options.line_breaks_end_sentences, unit);
  } else {
    builder.StartBody();
    ForEachUnit(text, 0, text.size(), options.line_breaks_end_sentences, unit);
  }
  // SpaceAfter=No when the next token starts right where this one ends.
  Token* previous = nullptr;
  for (Sentence& s : article.sentences) {
    for (Token& t : s.tokens) {
      // A space dropped before an entity remnant ("Iran #39;s") separates nothing.
      if (previous != nullptr) {
        previous->space_after =
            previous->span.end != t.span.begin && SpaceBetween(text, previous->span.end, t.span.begin);
      }
      previous = &t;
    }
  }
  if (previous != nullptr) previous->space_after = true;
}

std::vector<std::string> TokenForms(std::string_view text) {
  std::vector<std::string> forms;
  for (RawToken& t : Tokenizer::TokenizeAll(Lexicon::Default(), text, 0, text.size()))
    forms.push_back(std::move(t.form));
  return forms;
}

}  // namespace dragoman::text
