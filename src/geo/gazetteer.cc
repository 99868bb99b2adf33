#include "geo/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <tuple>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

#include "resources/external_data.h"
#include "resources/resources.h"

namespace dragoman::geo {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

bool ParseDouble(std::string_view s, double* out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

std::string Fixed(std::string_view text) { return std::string(text); }

}  // namespace

std::string FoldName(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '-' || c == '\'' || c == '.' || c == ',' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot read the gazetteer");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str(), path);
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Parse(std::string_view text, std::string_view origin) {
  auto g = std::make_shared<Gazetteer>();
  std::unordered_map<std::string, size_t> city_by_id;
  size_t line_no = 0, start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabs(line);
    auto bad = [&](const std::string& why) {
      return Corrupt(std::string(origin) + ":" + std::to_string(line_no) + ": " + why + ": \"" +
                     std::string(line.substr(0, 80)) + "\"");
    };
    if (f[0] == "C") {
      Country c;
      if (f.size() != 6 || !ParseDouble(f[4], &c.lat) || !ParseDouble(f[5], &c.lon))
        return bad("expected C, alpha-2, alpha-3, name, latitude, longitude");
      c.alpha2 = Fixed(f[1]);
      c.alpha3 = Fixed(f[2]);
      c.name = Fixed(f[3]);
      size_t index = g->countries_.size();
      for (const std::string& key : {c.alpha2, c.alpha3, FoldName(c.name)}) g->countries_by_key_.emplace(key, index);
      g->countries_.push_back(std::move(c));
    } else if (f[0] == "P") {
      City c;
      int64_t population = 0;
      if (f.size() != 9 || !ParseDouble(f[7], &c.lat) || !ParseDouble(f[8], &c.lon) ||
          std::from_chars(f[6].data(), f[6].data() + f[6].size(), population).ec != std::errc())
        return bad("expected P, GeoNames id, name, country, admin1, feature code, population, latitude, longitude");
      c.geonames_id = Fixed(f[1]);
      c.name = Fixed(f[2]);
      c.country = Fixed(f[3]);
      c.admin1 = Fixed(f[4]);
      c.feature_code = Fixed(f[5]);
      c.population = population;
      // A second line for the same id is the ASCII spelling of its name: one more key, one city.
      auto [it, fresh] = city_by_id.emplace(c.geonames_id, g->cities_.size());
      std::string key = FoldName(c.name);
      if (fresh) g->cities_.push_back(std::move(c));
      auto& list = g->cities_by_name_[key];
      if (list.empty() || list.back() != it->second) list.push_back(it->second);
      size_t words = 1;
      for (char ch : key) words += ch == ' ';
      g->max_name_words_ = std::max(g->max_name_words_, words);
    } else {
      return bad("unknown record kind (expected C or P)");
    }
  }
  if (g->cities_.empty() && g->countries_.empty()) return Corrupt(std::string(origin) + ": no places");
  // Our aliases: names the news uses that GeoNames spells otherwise.
  if (std::optional<std::string_view> aliases = resources::Find("data/geo/place_aliases.tsv")) {
    std::istringstream lines{std::string(*aliases)};
    std::string line;
    while (std::getline(lines, line)) {
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      auto it = city_by_id.find(line.substr(tab + 1));
      if (it == city_by_id.end()) continue;  // a gazetteer without that city (a test's small one)
      g->cities_by_name_[FoldName(line.substr(0, tab))].push_back(it->second);
    }
  }
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

std::shared_ptr<const Gazetteer> Gazetteer::Default() {
  static std::once_flag once;
  static std::shared_ptr<const Gazetteer> loaded;
  std::call_once(once, [] {
    std::string path = resources::ExternalDataFile("gazetteer.tsv");
    if (path.empty()) {
      std::cerr << "warning: no gazetteer (build/external/gazetteer.tsv; run scripts/setup.sh and build): "
                   "events get no location\n";
      return;
    }
    Result<std::shared_ptr<const Gazetteer>> g = Load(path);
    if (!g.ok()) {
      std::cerr << "warning: " << g.status().message() << ": events get no location\n";
      return;
    }
    loaded = *g;
  });
  return loaded;
}

const City* Gazetteer::FindCity(std::string_view name, std::string_view prefer_country) const {
  auto it = cities_by_name_.find(FoldName(name));
  if (it == cities_by_name_.end()) return nullptr;
  const City* best = nullptr;
  auto rank = [&](const City& c) {
    // In an actor's country first, then capitals, then the most populous.
    return std::make_tuple(!prefer_country.empty() && c.country == prefer_country, c.capital(), c.population);
  };
  for (size_t index : it->second) {
    const City& c = cities_[index];
    if (!best || rank(c) > rank(*best)) best = &c;
  }
  return best;
}

const Country* Gazetteer::FindCountry(std::string_view code_or_name) const {
  auto it = countries_by_key_.find(std::string(code_or_name));
  if (it == countries_by_key_.end()) it = countries_by_key_.find(FoldName(code_or_name));
  return it == countries_by_key_.end() ? nullptr : &countries_[it->second];
}

Location Gazetteer::CityLocation(const City& city) const {
  Location l;
  l.type = Location::kCity;
  const Country* country = FindCountry(city.country);
  l.full_name = city.name + (country ? ", " + country->name : "");
  l.country_code = city.country;
  l.adm1_code = city.country + city.admin1;
  l.lat = city.lat;
  l.lon = city.lon;
  l.feature_id = city.geonames_id;
  return l;
}

Location Gazetteer::CountryLocation(const Country& country) const {
  Location l;
  l.type = Location::kCountry;
  l.full_name = country.name;
  l.country_code = l.adm1_code = l.feature_id = country.alpha2;
  l.lat = country.lat;
  l.lon = country.lon;
  return l;
}

}  // namespace dragoman::geo
