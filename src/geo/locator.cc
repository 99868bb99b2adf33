#include "geo/locator.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace dragoman::geo {
namespace {

// Prepositions after which a capitalized name is where something happens.
bool IsPlacePreposition(const std::string& word) {
  static const char* kWords[] = {"in", "near", "at", "outside", "around", "inside", "across", "from"};
  for (const char* w : kWords)
    if (word == w) return true;
  return false;
}

// Capitalized words after "in" that are times or titles, never places, whatever GeoNames says.
bool IsNeverAPlace(const std::string& word) {
  static const char* kWords[] = {"january", "february", "march",  "april",    "may",      "june",   "july",
                                 "august",  "september", "october", "november", "december", "monday", "tuesday",
                                 "wednesday", "thursday", "friday", "saturday", "sunday",  "the",    "his",
                                 "her",     "their",   "its",     "this",     "that",     "president", "general"};
  for (const char* w : kWords)
    if (word == w) return true;
  return false;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Capitalized(const std::string& form) {
  return !form.empty() && std::isupper(static_cast<unsigned char>(form[0]));
}

}  // namespace

const City* EventLocator::CityInSentence(const Article& article, const Sentence& sentence,
                                         std::string_view prefer_country) const {
  const std::vector<Token>& tokens = sentence.tokens;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (!IsPlacePreposition(Lower(tokens[i].form))) continue;
    size_t first = i + 1;
    if (Lower(tokens[first].form) == "the" && first + 1 < tokens.size()) ++first;  // "in the Gaza Strip"
    if (!Capitalized(tokens[first].form) || IsNeverAPlace(Lower(tokens[first].form))) continue;
    // The longest run of words from here that names a city: "Gaza City" before "Gaza".
    size_t most = std::min(tokens.size() - first, gazetteer_->max_name_words() + 2);  // hyphens are tokens
    for (size_t n = most; n >= 1; --n) {
      const Token& last = tokens[first + n - 1];
      if (!std::isalpha(static_cast<unsigned char>(last.form.empty() ? ' ' : last.form.back()))) continue;
      std::string_view name = article.Slice({tokens[first].span.begin, last.span.end});
      if (const City* city = gazetteer_->FindCity(name, prefer_country)) {
        // A small place of a common word ("in Reading", "at Hope") must be a seat of government or
        // in an actor's country to count.
        if (city->seat() || city->population >= 100000 || city->country == prefer_country) return city;
      }
    }
  }
  return nullptr;
}

Location EventLocator::Locate(const Article& article, const Event& event) const {
  if (!gazetteer_) return {};
  // The countries of the actors (CAMEO codes start with the ISO alpha-3 country code).
  auto country_of = [&](const std::string& actor) -> const Country* {
    return actor.size() >= 3 ? gazetteer_->FindCountry(actor.substr(0, 3)) : nullptr;
  };
  const Country* target = country_of(event.target);
  const Country* source = country_of(event.source);
  std::string prefer = target ? target->alpha2 : source ? source->alpha2 : "";
  if (event.sentence_index >= 0 && static_cast<size_t>(event.sentence_index) < article.sentences.size()) {
    const Sentence& sentence = article.sentences[event.sentence_index];
    if (const City* city = CityInSentence(article, sentence, prefer)) return gazetteer_->CityLocation(*city);
  }
  if (!article.dateline.city.empty()) {
    if (const City* city = gazetteer_->FindCity(article.dateline.city, prefer)) return gazetteer_->CityLocation(*city);
  }
  if (target) return gazetteer_->CountryLocation(*target);
  if (source) return gazetteer_->CountryLocation(*source);
  return {};
}

}  // namespace dragoman::geo
