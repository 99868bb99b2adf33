// Wire datelines: the place, date and agency that open a news body ("BAGHDAD, Iraq (Reuters) - ",
// "AP - ", "ISLAMABAD, Oct 23: "). Left in the first sentence, the parser makes the city the
// subject of its verb; the segmenter takes the dateline out into Article::dateline instead.
//
//   std::optional<Dateline> d = FindDateline(text, begin, end);
//   if (d) { /* d->place_display == "Baghdad, Iraq", the body goes on at d->span.end */ }
//
// Conservative: a body that merely opens with an acronym ("NATO said ...", "US troops ...") has
// none. The word lists (agencies, months, places that need no separator, labels that are no
// places) come from data/text/news_agencies.txt and data/text/dateline_words.txt.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/status.h"
#include "text/lexicon.h"

namespace dragoman::text {

class DatelineWords {
 public:
  // The lists built into the program. Parsed once; a broken embedded file is reported on stderr
  // once and left out (no datelines are found then).
  static const DatelineWords& Default();

  // Parses the two list files; errors name origin and line.
  static Result<DatelineWords> Parse(std::string_view agencies, std::string_view words, std::string_view origin);

  // The number of tokens of a listed agency name that starts forms[0], or 0 (the longest wins).
  size_t AgencyAt(const std::vector<std::string_view>& forms) const;
  bool IsAgency(std::string_view name) const;
  // "Aug", "Sept.", "october": case-insensitive, a final full stop ignored.
  bool IsMonth(std::string_view form) const;
  // An upper-case place that may stand with no separator after it; words joined by one space.
  bool IsStandalonePlace(std::string_view words) const;
  bool IsLabel(std::string_view word) const;

 private:
  std::vector<std::vector<std::string>> agencies_;  // token forms of each name
  StringSet agency_names_;
  StringSet months_;
  StringSet places_;
  StringSet labels_;
};

// The dateline at the start of [begin, end) of text (one line or paragraph: the body's first),
// or nothing. Spans point into text.
std::optional<Dateline> FindDateline(std::string_view text, size_t begin, size_t end,
                                     const DatelineWords& words = DatelineWords::Default(),
                                     const Lexicon& lexicon = Lexicon::Default());

// "BAGHDAD" -> "Baghdad", "GAZA CITY" -> "Gaza City", "DUBAI/PARIS" -> "Dubai/Paris": each run of
// letters keeps its first letter and lower-cases the rest.
std::string TitleCase(std::string_view upper);

}  // namespace dragoman::text
