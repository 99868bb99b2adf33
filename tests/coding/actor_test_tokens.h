// A small stand-in tokenizer for the coding tests: splits text into sentences and EWT-like tokens
// (punctuation, "'s", hyphens between words as their own tokens) with byte spans, so coding tests
// do not depend on the text stage. Not used by the library.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

#include "dragoman/document.h"

namespace dragoman::coding::testing {

inline bool IsPunct(unsigned char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == '(' ||
         c == ')' || c == '-';
}

// Appends the tokens of text[begin, end) to sentence.
inline void TokenizeRange(const std::string& text, size_t begin, size_t end, Sentence* sentence) {
  size_t i = begin;
  auto push = [&](size_t b, size_t e) {
    Token t;
    t.span = {b, e};
    t.form = text.substr(b, e - b);
    if (t.form == "\xE2\x80\x99s") t.form = "'s";
    if (t.form == "\xE2\x80\x9C" || t.form == "\xE2\x80\x9D") t.form = "\"";
    t.space_after = e < text.size() && text[e] == ' ';
    sentence->tokens.push_back(t);
  };
  while (i < end) {
    unsigned char c = text[i];
    if (c == ' ' || c == '\n') {
      ++i;
      continue;
    }
    if (text.compare(i, 3, "\xE2\x80\x9C") == 0 || text.compare(i, 3, "\xE2\x80\x9D") == 0) {
      push(i, i + 3);
      i += 3;
      continue;
    }
    if (IsPunct(c)) {
      push(i, i + 1);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < end && text[j] != ' ' && text[j] != '\n' && !IsPunct(static_cast<unsigned char>(text[j])) &&
           text.compare(j, 3, "\xE2\x80\x9C") != 0 && text.compare(j, 3, "\xE2\x80\x9D") != 0) {
      if (text.compare(j, 4, "\xE2\x80\x99s") == 0 || text.compare(j, 2, "'s") == 0) break;
      ++j;
    }
    if (j > i) push(i, j);
    if (j < end && text.compare(j, 4, "\xE2\x80\x99s") == 0) {
      push(j, j + 4);
      j += 4;
    } else if (j < end && text.compare(j, 2, "'s") == 0) {
      push(j, j + 2);
      j += 2;
    }
    i = j;
  }
}

// Splits at ". " / "." before an upper-case letter, and at newlines; the first line is the title.
inline void Segment(Article& a) {
  a.sentences.clear();
  const std::string& text = a.text;
  size_t start = 0;
  bool first = true;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool end = i == text.size() || text[i] == '\n';
    size_t cut = i;
    if (!end && text[i] == '.' && i + 1 < text.size() &&
        (text[i + 1] == ' ' || std::isupper(static_cast<unsigned char>(text[i + 1])))) {
      end = true;
      cut = i + 1;
    }
    if (!end) continue;
    Sentence s;
    s.span = {start, cut};
    TokenizeRange(text, start, cut, &s);
    if (!s.tokens.empty()) {
      s.is_title = first;
      first = false;
      a.sentences.push_back(std::move(s));
    }
    start = cut;
  }
}

}  // namespace dragoman::coding::testing
