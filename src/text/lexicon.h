// Word lists the tokenizer and sentence splitter consult: abbreviations, hyphen prefixes kept
// joined, whole-word contractions, and common sentence openers. The built-in lists are embedded
// from data/text/ (see the header comment of each file for its format).
//
//   const Lexicon& lexicon = Lexicon::Default();
//   if (lexicon.Abbreviation("Mr.") == AbbreviationKind::kTitle) ...;
//
// A Lexicon is immutable after construction and safe to share across threads.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "dragoman/status.h"

namespace dragoman::text {

// The bytes of an embedded data file (data/text/...); empty, with a message on stderr, when the
// build lacks it.
std::string_view EmbeddedList(std::string_view name);

// kAny: may end a sentence ("etc.", "Inc."); kTitle: precedes a name, never ends one ("Mr.");
// kNumber: an abbreviation only before a number ("No. 5", "p. 12"), else a word and a full stop.
enum class AbbreviationKind { kNone, kAny, kTitle, kNumber };

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

class Lexicon {
 public:
  // The lists built into the program from data/text/. Parsed once; never fails for the embedded
  // files (a broken embedded file is reported on stderr once and left out).
  static const Lexicon& Default();

  // Parses the three list files; errors name origin and line.
  static Result<Lexicon> Parse(std::string_view abbreviations, std::string_view hyphen_prefixes,
                               std::string_view contractions, std::string_view origin);

  // "Mr." -> kTitle, "etc." -> kAny, "No." -> kNumber; word includes its final full stop.
  AbbreviationKind Abbreviation(std::string_view word) const;
  // True when "word-..." stays one token; word is compared lower-cased (ASCII).
  bool HyphenPrefix(std::string_view word) const;
  // For a whole word like "cannot", the length of its first part (3), else 0. Case-insensitive.
  size_t ContractionSplit(std::string_view word) const;
  // True for words that often open a sentence after an abbreviation ("The", "He", "In").
  bool SentenceOpener(std::string_view word) const;

 private:
  std::unordered_map<std::string, AbbreviationKind, StringHash, std::equal_to<>> abbreviations_;
  StringSet hyphen_prefixes_;
  std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> contractions_;
  StringSet openers_;
};

// ASCII lower-case copy.
std::string AsciiLowerCopy(std::string_view s);

}  // namespace dragoman::text
