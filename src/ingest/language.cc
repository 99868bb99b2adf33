#include "ingest/language.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace dragoman::ingest {
namespace {

// Words frequent in any English news text and rare as words of other languages written in Latin
// letters ("a", "in", "die", "on" are left out: Spanish, German, French use them too).
const std::set<std::string, std::less<>>& EnglishMarkers() {
  static const std::set<std::string, std::less<>> k = {
      "the",   "of",    "and",   "to",    "is",    "was",  "for",   "that", "with", "are", "by",    "this",
      "be",    "from",  "at",    "have",  "has",   "it",   "not",   "will", "said", "were", "which", "their",
      "they",  "he",    "she",   "his",   "her",   "who",  "would", "been", "had",  "but",  "its",   "we",
      "after", "about", "also",  "more",  "than",  "what", "when",  "can",  "there", "our", "you",   "these"};
  return k;
}

// The most frequent function words of the other languages big in news dumps (Spanish, Portuguese,
// French, German, Italian, Dutch, Indonesian, Turkish, Polish): positive evidence, so that
// telegraphic English ("China met with Russia on trade.") is never taken for another language.
const std::set<std::string, std::less<>>& OtherMarkers() {
  static const std::set<std::string, std::less<>> k = {
      "de",   "la",   "que",  "el",   "los",  "las",  "del",  "por",  "una",  "para", "com",  "não",  "uma",
      "le",   "les",  "des",  "du",   "est",  "une",  "pour", "dans", "qui",  "sur",  "pas",  "au",   "aux",
      "der",  "die",  "und",  "das",  "den",  "ist",  "nicht", "mit", "sich", "auf",  "für",  "dem",  "ein",
      "eine", "il",   "di",   "che",  "della", "per", "non",  "sono", "gli",  "het",  "een",  "van",  "niet",
      "zijn", "yang", "dan",  "ini",  "itu",  "dengan", "untuk", "ve", "bir",  "bu",   "ile",  "için", "nie",
      "się",  "jest", "że",   "oraz"};
  return k;
}

constexpr size_t kMinWordsToJudge = 30;    // fewer words: too little to tell a language
constexpr double kMinOtherShare = 0.08;    // other-language function words in a foreign text

}  // namespace

std::optional<std::string> NonEnglishReason(std::string_view declared_language, std::string_view text) {
  // "en", "en-US", "EN_gb": the primary subtag decides.
  std::string primary;
  for (char c : declared_language) {
    if (c == '-' || c == '_' || std::isspace(static_cast<unsigned char>(c))) break;
    primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (!primary.empty()) {
    if (primary == "en" || primary == "eng" || primary == "english" || primary == "und" || primary == "mul" ||
        primary == "x") {
      return std::nullopt;
    }
    return "the article declares language \"" + std::string(declared_language) + "\"";
  }

  // Letters: ASCII against other scripts (each non-ASCII code point counts once; punctuation such
  // as curly quotes is too rare to matter).
  size_t ascii_letters = 0, other_letters = 0, words = 0, markers = 0, other_markers = 0;
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    ++words;
    if (EnglishMarkers().count(word)) ++markers;
    if (OtherMarkers().count(word)) ++other_markers;
    word.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalpha(c)) {
      ++ascii_letters;
      word += static_cast<char>(std::tolower(c));
      continue;
    }
    if (c >= 0xC0) ++other_letters;  // the first byte of a multi-byte code point
    if (c >= 0x80) {
      word += static_cast<char>(c);  // keeps "für", "Россия" whole, and never a marker
      continue;
    }
    if (c == '\'' && !word.empty()) {  // "it's": the word ends before the apostrophe
      end_word();
      continue;
    }
    end_word();
  }
  end_word();
  if (other_letters > 40 && other_letters > ascii_letters) {
    return "the text is not English: most of its letters are not Latin letters";
  }
  if (words < kMinWordsToJudge) return std::nullopt;
  if (static_cast<double>(other_markers) >= kMinOtherShare * static_cast<double>(words) &&
      other_markers > 2 * markers) {
    return "the text is not English: " + std::to_string(other_markers) + " of " + std::to_string(words) +
           " words are function words of other languages, " + std::to_string(markers) + " of English";
  }
  return std::nullopt;
}

}  // namespace dragoman::ingest
