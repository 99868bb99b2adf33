// Is an article English? dragoman's dictionaries and parser are English; a news dump such as
// CC-NEWS mixes dozens of languages, and coding a German or Russian page would only waste time
// and, now and then, invent an event from a stray English-looking word.
//
//   if (auto why = NonEnglishReason(page_lang, article.text)) Skip(article, *why);
//
// The text decides: mostly non-Latin letters, or a longer text whose function words are mostly
// those of another language (Spanish, French, German, ...), is not English. A declared language
// (HTML <html lang>, a JSON "language" field) other than English decides only when the text does
// not plainly say English (sites declare their language on every page, English ones included).
// Short texts (a headline, a one-line alert) are given the benefit of the doubt.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dragoman::ingest {

// Why the article is not English ("the article declares language \"de\"", "the text is not
// English: 30 of 120 words are function words of other languages, 2 of English"), or nothing when
// it is English or cannot be told.
std::optional<std::string> NonEnglishReason(std::string_view declared_language, std::string_view text);

}  // namespace dragoman::ingest
