#include "text/boilerplate.h"

#include <iostream>

#include "resources/resources.h"
#include "text/lexicon.h"
#include "text/tokenizer.h"

namespace dragoman::text {
namespace {

bool IsPunctuationForm(std::string_view form) {
  for (char c : form) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return false;
  }
  return !form.empty();
}

bool IsNumberForm(std::string_view form) {
  for (char c : form) {
    if ((c < '0' || c > '9') && c != ',' && c != '.') return false;
  }
  return !form.empty();
}

void AppendLower(std::string_view form, std::string* out) {
  for (char c : form) out->push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<Boilerplate> Boilerplate::Parse(std::string_view content, std::string_view origin) {
  Boilerplate out;
  size_t number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = Trim(content.substr(pos, nl - pos));
    pos = nl + 1;
    ++number;
    if (line.empty() || line.front() == '#') continue;
    auto error = [&](const std::string& what) {
      return InvalidInput(std::string(origin) + ":" + std::to_string(number) + ": " + what + ": \"" +
                          std::string(line) + "\"");
    };
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return error("expected \"KIND: PHRASE [max=N]\"");
    std::string_view kind = Trim(line.substr(0, colon));
    std::string_view phrase = Trim(line.substr(colon + 1));
    Rule rule;
    rule.line = number;
    if (kind.substr(0, 5) == "line-") {
      rule.whole_line = true;
      kind.remove_prefix(5);
    }
    if (kind == "contains") {
      rule.kind = Kind::kContains;
    } else if (kind == "starts") {
      rule.kind = Kind::kStarts;
    } else if (kind == "ends") {
      rule.kind = Kind::kEnds;
    } else if (kind == "equals") {
      rule.kind = Kind::kEquals;
    } else if (kind == "only") {
      rule.kind = Kind::kOnly;
    } else {
      return error("unknown kind \"" + std::string(kind) +
                   "\" (expected contains, starts, ends, equals or only, "
                   "optionally with line-)");
    }
    size_t max_at = phrase.rfind("max=");
    if (max_at != std::string_view::npos && (max_at == 0 || phrase[max_at - 1] == ' ')) {
      std::string_view number_text = phrase.substr(max_at + 4);
      size_t value = 0;
      if (number_text.empty() || number_text.size() > 6) return error("max= needs a number of tokens");
      for (char c : number_text) {
        if (c < '0' || c > '9') return error("max= needs a number of tokens");
        value = value * 10 + static_cast<size_t>(c - '0');
      }
      rule.max_words = value;
      phrase = Trim(phrase.substr(0, max_at));
    }
    if (phrase.empty()) return error("empty phrase");
    // Tokenize the phrase like the text, so that it matches whole tokens.
    std::vector<RawToken> tokens = Tokenizer::TokenizeAll(Lexicon::Default(), phrase, 0, phrase.size());
    rule.phrase.assign(1, ' ');
    for (const RawToken& t : tokens) {
      AppendLower(t.form, &rule.phrase);
      rule.phrase.push_back(' ');
    }
    if (tokens.empty()) return error("empty phrase");
    if (rule.kind == Kind::kOnly) {
      for (const RawToken& t : tokens) {
        if (IsPunctuationForm(t.form)) continue;
        rule.words.insert(AsciiLowerCopy(t.form));
        out.first_tokens_.insert(AsciiLowerCopy(t.form));
      }
    } else {
      out.first_tokens_.insert(AsciiLowerCopy(tokens.front().form));
    }
    out.has_line_rules_ |= rule.whole_line;
    out.rules_.push_back(std::move(rule));
  }
  return out;
}

const Boilerplate& Boilerplate::Default() {
  static const Boilerplate* rules = [] {
    auto* out = new Boilerplate();
    std::optional<std::string_view> content = resources::Find("data/text/boilerplate.txt");
    if (!content) {
      std::cerr
          << "dragoman: embedded file data/text/boilerplate.txt is missing; rebuild after running cmake\n";
      return out;
    }
    Result<Boilerplate> parsed = Parse(*content, "data/text/boilerplate.txt");
    if (parsed.ok()) {
      *out = parsed.take();
    } else {
      std::cerr << "dragoman: " << parsed.status().message() << "\n";
    }
    return out;
  }();
  return *rules;
}

bool Boilerplate::Matches(const std::vector<Token>& tokens, size_t begin, size_t end, bool whole_line) const {
  if (rules_.empty() || begin >= end) return false;
  if (whole_line && !has_line_rules_) return false;
  size_t count = end - begin;
  // Trailing punctuation does not count: "Share." equals "share".
  while (end > begin && IsPunctuationForm(tokens[end - 1].form)) --end;
  if (end == begin) return false;
  // Most text opens no phrase: look each token up before building anything.
  bool candidate = false;
  std::string lower;
  for (size_t i = begin; i < end && !candidate; ++i) {
    lower.clear();
    AppendLower(tokens[i].form, &lower);
    candidate = first_tokens_.count(lower) != 0;
  }
  if (!candidate) return false;
  std::string text = " ";
  for (size_t i = begin; i < end; ++i) {
    AppendLower(tokens[i].form, &text);
    text.push_back(' ');
  }
  for (const Rule& rule : rules_) {
    if (rule.whole_line != whole_line) continue;
    if (rule.max_words != 0 && count > rule.max_words) continue;
    const std::string& p = rule.phrase;
    if (rule.kind == Kind::kOnly) {
      bool all = true;
      for (size_t i = begin; i < end && all; ++i) {
        if (IsPunctuationForm(tokens[i].form) || IsNumberForm(tokens[i].form)) continue;  // "Share 12"
        lower.clear();
        AppendLower(tokens[i].form, &lower);
        all = rule.words.count(lower) != 0;
      }
      if (all) return true;
      continue;
    }
    if (p.size() > text.size()) continue;
    switch (rule.kind) {
      case Kind::kContains:
        if (text.find(p) != std::string::npos) return true;
        break;
      case Kind::kStarts:
        if (text.compare(0, p.size(), p) == 0) return true;
        break;
      case Kind::kEnds:
        if (text.compare(text.size() - p.size(), p.size(), p) == 0) return true;
        break;
      case Kind::kEquals:
        if (text == p) return true;
        break;
      case Kind::kOnly:
        break;
    }
  }
  return false;
}

}  // namespace dragoman::text
