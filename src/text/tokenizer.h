// Tokenizer: splits a range of text into tokens whose boundaries follow UD English-EWT.
//
// Whitespace separates chunks; inside a chunk, punctuation is split off, clitics are split
// ("Kazakhstan’s" -> "Kazakhstan" "’s", "don't" -> "do" "n't", "cannot" -> "can" "not"), hyphens
// are their own tokens except after prefixes like "non-" and "e-", and these stay whole: URLs,
// e-mail addresses, domains, numbers (3.5, 12.30, 1,000, 12:30, 9/11), abbreviations and
// initials (U.S., Mr., e.g., J.). A full stop glued between a lower-case letter (or digit) and an
// upper-case letter ("reported.Xi") is split off and marked as a sentence end.
//
//   Tokenizer tokenizer(Lexicon::Default(), text, 0, text.size());
//   std::vector<RawToken> tokens;
//   while (tokenizer.Next(&tokens)) {}
//
// Runs in time linear in the text; a chunk longer than kMaxChunkChars is cut into pieces.
// A Tokenizer is one pass over one range; create one per call (cheap). Thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/chars.h"
#include "text/lexicon.h"

namespace dragoman::text {

enum TokenFlag : uint8_t {
  kTerminal = 1,           // a run of . ? ! … that can end a sentence
  kGlued = 2,              // a full stop that ends a sentence with no space after it
  kAbbreviation = 4,       // an abbreviation or initial with its full stop; may end a sentence
  kTitleAbbreviation = 8,  // "Mr.", "Gen.", "No.": never ends a sentence
};

struct RawToken {
  size_t begin = 0;
  size_t end = 0;
  std::string form;
  char32_t first = 0;  // canonical first character
  uint8_t flags = 0;
};

class Tokenizer {
 public:
  static constexpr size_t kMaxChunkChars = 1000;

  Tokenizer(const Lexicon& lexicon, std::string_view text, size_t begin, size_t end)
      : lexicon_(lexicon), decoder_(text, begin, end) {}

  // Appends the tokens of the next whitespace-separated chunk to *out; false when none is left.
  bool Next(std::vector<RawToken>* out);

  // Every token of [begin, end) at once.
  static std::vector<RawToken> TokenizeAll(const Lexicon& lexicon, std::string_view text, size_t begin,
                                           size_t end);

 private:
  bool ReadChunk();
  void TokenizeChunk(size_t from, size_t to);
  // Scans the word at chunk_[i] (a word character) up to n and emits its tokens; the first token
  // starts at token_start when that is before i (an apostrophe in "'73"). Returns the end.
  size_t ScanWord(size_t i, size_t n, size_t token_start = static_cast<size_t>(-1));
  size_t EmoticonEnd(size_t i, size_t n) const;
  size_t NumberCodeEnd(size_t seg, size_t n) const;
  size_t UrlEnd(size_t from, size_t to) const;
  void Emit(size_t a, size_t b, uint8_t flags = 0);
  void EmitWord(size_t a, size_t b);

  const Lexicon& lexicon_;
  CharDecoder decoder_;
  std::vector<Char> chunk_;
  Char pending_{};  // a character read past the end of the previous chunk
  bool has_pending_ = false;
  char32_t following_ = 0;  // first character of the next chunk, 0 at the end
  std::vector<RawToken>* out_ = nullptr;
};

}  // namespace dragoman::text
