// Boilerplate rules: phrases that mark a line or sentence of a scraped page as not news ("follow
// us on", "All rights reserved", "Share on Facebook"). The format is documented at the top of
// data/text/boilerplate.txt, which holds the built-in rules.
//
//   Result<Boilerplate> rules = Boilerplate::Parse(file_text, "my_rules.txt");
//   SegmentOptions options; options.boilerplate = &*rules;
//   if (rules->Matches(tokens, 0, tokens.size(), false)) ...;
//
// Immutable after Parse; safe to share across threads.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/status.h"

namespace dragoman::text {

class Boilerplate {
 public:
  enum class Kind { kContains, kStarts, kEnds, kEquals, kOnly };
  struct Rule {
    Kind kind = Kind::kContains;
    bool whole_line = false;  // test the whole input line and drop all its sentences
    std::string phrase;       // normalized: " tok tok tok " (lower case, space around each token)
    size_t max_words = 0;     // 0: no limit
    size_t line = 0;          // line in the rule file, for messages
    std::unordered_set<std::string> words;  // kOnly: the words the text may consist of
  };

  // The built-in rules of data/text/boilerplate.txt.
  static const Boilerplate& Default();
  // Parses rule text; an error names origin, line and the bad rule.
  static Result<Boilerplate> Parse(std::string_view content, std::string_view origin);

  // True when tokens [begin, end) match a rule of the given scope (whole_line or sentence).
  bool Matches(const std::vector<Token>& tokens, size_t begin, size_t end, bool whole_line) const;

  const std::vector<Rule>& rules() const { return rules_; }
  bool has_line_rules() const { return has_line_rules_; }

 private:
  std::vector<Rule> rules_;
  bool has_line_rules_ = false;
  // The first token of each rule's phrase -> whether some rule starts with it, so that text
  // none of whose tokens opens a phrase is passed over without building its match string.
  std::unordered_set<std::string> first_tokens_;
};

}  // namespace dragoman::text
