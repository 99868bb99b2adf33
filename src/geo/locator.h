// Where an event happened: the place its sentence names after a preposition of place ("in Najaf",
// "near Gaza City", "talks in Astana"), else the article's dateline city ("BAGHDAD (Reuters) -"),
// else the target's country, else the source's. Places are looked up in the gazetteer; a name
// that several cities share is the one in an actor's country, else a capital, else the most
// populous.
//
//   geo::EventLocator locator(gazetteer);
//   for (Event& e : events) e.location = locator.Locate(article, e);
//
// Thread-safe: it only reads the gazetteer.
#pragma once

#include <memory>

#include "dragoman/document.h"
#include "dragoman/event.h"
#include "geo/gazetteer.h"

namespace dragoman::geo {

class EventLocator {
 public:
  explicit EventLocator(std::shared_ptr<const Gazetteer> gazetteer) : gazetteer_(std::move(gazetteer)) {}

  // The event's location; empty when the gazetteer knows neither a place nor an actor's country.
  Location Locate(const Article& article, const Event& event) const;
  // The city a sentence names after a preposition of place, or null. prefer_country (ISO alpha-2)
  // settles names several cities share.
  const City* CityInSentence(const Article& article, const Sentence& sentence, std::string_view prefer_country) const;

 private:
  std::shared_ptr<const Gazetteer> gazetteer_;
};

}  // namespace dragoman::geo
