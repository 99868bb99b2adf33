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
constexpr double kMinEnglishShare = 0.15;  // English function words in a plainly English text

// What the text's words say, when there are enough of them to tell.
struct TextVerdict {
  bool other_script = false;  // mostly letters outside the Latin alphabet
  bool enough_words = false;
  size_t words = 0, markers = 0, other_markers = 0;
  bool Foreign() const {
    return other_script ||
           (enough_words && static_cast<double>(other_markers) >= kMinOtherShare * static_cast<double>(words) &&
            other_markers > 2 * markers);
  }
  // Plainly English: many English function words and few of other languages.
  bool English() const {
    return !other_script && enough_words &&
           static_cast<double>(markers) >= kMinEnglishShare * static_cast<double>(words) &&
           markers > 3 * other_markers;
  }
};

TextVerdict JudgeText(std::string_view text) {
  TextVerdict v;
  // Letters: ASCII against other scripts (each non-ASCII code point counts once; punctuation such
  // as curly quotes is too rare to matter).
  size_t ascii_letters = 0, other_letters = 0;
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    ++v.words;
    if (EnglishMarkers().count(word)) ++v.markers;
    if (OtherMarkers().count(word)) ++v.other_markers;
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
  v.other_script = other_letters > 40 && other_letters > ascii_letters;
  v.enough_words = v.words >= kMinWordsToJudge;
  return v;
}

std::string ForeignReason(const TextVerdict& v) {
  if (v.other_script) return "the text is not English: most of its letters are not Latin letters";
  return "the text is not English: " + std::to_string(v.other_markers) + " of " + std::to_string(v.words) +
         " words are function words of other languages, " + std::to_string(v.markers) + " of English";
}

}  // namespace

std::optional<std::string> NonEnglishReason(std::string_view declared_language, std::string_view text) {
  // "en", "en-US", "EN_gb": the primary subtag decides.
  std::string primary;
  for (char c : declared_language) {
    if (c == '-' || c == '_' || std::isspace(static_cast<unsigned char>(c))) break;
    primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  bool declared_english = primary == "en" || primary == "eng" || primary == "english" || primary == "und" ||
                          primary == "mul" || primary == "x";
  TextVerdict verdict = JudgeText(text);
  if (primary.empty() || declared_english) {
    if (verdict.Foreign()) return ForeignReason(verdict);
    return std::nullopt;
  }
  // Another language declared: sites declare their own language on every page, and some of their
  // pages are English. The text decides when it plainly disagrees.
  if (verdict.English()) return std::nullopt;
  return "the article declares language \"" + std::string(declared_language) + "\"";
}

}  // namespace dragoman::ingest
