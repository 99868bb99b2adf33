// The gazetteer and the event locator on a small hand-made gazetteer: names shared by several
// cities, aliases, the order sentence city > dateline > target's country > source's country.
#include "geo/gazetteer.h"

#include <gtest/gtest.h>

#include "geo/locator.h"

namespace dragoman::geo {
namespace {

constexpr char kGazetteer[] =
    "# test gazetteer\n"
    "C\tIQ\tIRQ\tIraq\t33.0\t44.0\n"
    "C\tKZ\tKAZ\tKazakhstan\t47.2\t70.7\n"
    "C\tUS\tUSA\tUnited States\t38.0\t-97.0\n"
    "C\tRU\tRUS\tRussia\t56.0\t40.0\n"
    "P\t98860\tNajaf\tIQ\t17\tPPLA\t482576\t32.02594\t44.34625\n"
    "P\t99454\tAl Fallūjah\tIQ\t01\tPPLA2\t190159\t33.34913\t43.78599\n"
    "P\t99454\tAl Fallujah\tIQ\t01\tPPLA2\t190159\t33.34913\t43.78599\n"
    "P\t1526273\tNur-Sultan\tKZ\t05\tPPLC\t345604\t51.1801\t71.44598\n"
    "P\t524901\tMoscow\tRU\t48\tPPLC\t10381222\t55.75222\t37.61556\n"
    "P\t5601538\tMoscow\tUS\tID\tPPL\t25060\t46.73239\t-117.00017\n"
    "P\t4315588\tBaghdad\tUS\tLA\tPPL\t1200\t30.0\t-91.0\n"
    "P\t98182\tBaghdad\tIQ\t07\tPPLC\t7216000\t33.34058\t44.40088\n"
    "P\t99532\tBasrah\tIQ\t02\tPPLA\t2600000\t30.50852\t47.78040\n";

std::shared_ptr<const Gazetteer> Small() {
  Result<std::shared_ptr<const Gazetteer>> g = Gazetteer::Parse(kGazetteer, "test.tsv");
  EXPECT_TRUE(g.ok()) << g.status().message();
  return *g;
}

TEST(Gazetteer, FindsCitiesByNameFoldedAndByAlias) {
  auto g = Small();
  ASSERT_NE(g->FindCity("najaf"), nullptr);
  EXPECT_EQ(g->FindCity("NAJAF")->geonames_id, "98860");
  EXPECT_EQ(g->FindCity("Al-Fallujah")->geonames_id, "99454");     // hyphen as space, ASCII spelling
  EXPECT_EQ(g->FindCity("Falluja")->geonames_id, "99454");         // data/geo/place_aliases.tsv
  EXPECT_EQ(g->FindCity("Astana")->geonames_id, "1526273");        // alias of Nur-Sultan
  EXPECT_EQ(g->FindCity("Nur Sultan")->geonames_id, "1526273");
  EXPECT_EQ(g->FindCity("Basra")->geonames_id, "99532");          // the news' spelling of Basrah
  EXPECT_EQ(g->FindCity("Atlantis"), nullptr);
  EXPECT_EQ(g->city_count(), 8u);  // the ASCII spelling is no second city
}

TEST(Gazetteer, SharedNamesPreferTheActorsCountryThenTheCapital) {
  auto g = Small();
  EXPECT_EQ(g->FindCity("Moscow")->country, "RU");
  EXPECT_EQ(g->FindCity("Moscow", "US")->country, "US");
  EXPECT_EQ(g->FindCity("Baghdad")->country, "IQ");
}

TEST(Gazetteer, CountriesByCodeAndNameAndTheirLocation) {
  auto g = Small();
  ASSERT_NE(g->FindCountry("IRQ"), nullptr);
  EXPECT_EQ(g->FindCountry("IQ")->name, "Iraq");
  EXPECT_EQ(g->FindCountry("kazakhstan")->alpha3, "KAZ");
  Location l = g->CountryLocation(*g->FindCountry("KAZ"));
  EXPECT_EQ(l.type, Location::kCountry);
  EXPECT_EQ(l.country_code, "KZ");
  EXPECT_DOUBLE_EQ(l.lat, 47.2);
  Location c = g->CityLocation(*g->FindCity("Najaf"));
  EXPECT_EQ(c.type, Location::kCity);
  EXPECT_EQ(c.full_name, "Najaf, Iraq");
  EXPECT_EQ(c.adm1_code, "IQ17");
  EXPECT_EQ(c.feature_id, "98860");
}

TEST(Gazetteer, ABadLineIsReportedWithFileAndLine) {
  Result<std::shared_ptr<const Gazetteer>> g = Gazetteer::Parse("C\tIQ\tIRQ\tIraq\t33.0\t44.0\nP\t1\tX\n", "g.tsv");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("g.tsv:2:"), std::string::npos) << g.status().message();
}

// A sentence tokenized by hand: words separated by single spaces.
Article OneSentence(const std::string& text) {
  Article a;
  a.text = text;
  Sentence s;
  s.span = {0, text.size()};
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    size_t word_end = end;
    if (text[word_end - 1] == '.') --word_end;
    s.tokens.push_back(Token{text.substr(start, word_end - start), {start, word_end}});
    if (word_end != end) s.tokens.push_back(Token{".", {word_end, end}});
    start = end + 1;
  }
  a.sentences.push_back(s);
  return a;
}

Event Between(const std::string& source, const std::string& target) {
  Event e;
  e.source = source;
  e.target = target;
  e.sentence_index = 0;
  return e;
}

TEST(EventLocator, TheCityTheSentenceNamesAfterAPreposition) {
  EventLocator locator(Small());
  Location l = locator.Locate(OneSentence("Gunmen attacked police in Najaf on Monday."), Between("IRQREB", "IRQCOP"));
  EXPECT_EQ(l.type, Location::kCity);
  EXPECT_EQ(l.feature_id, "98860");
  l = locator.Locate(OneSentence("Xi met Tokayev in Astana."), Between("CHNGOV", "KAZGOV"));
  EXPECT_EQ(l.feature_id, "1526273");
  // Moscow, Idaho when the actors are American; Moscow, Russia otherwise.
  EXPECT_EQ(locator.Locate(OneSentence("Police arrested protesters in Moscow."), Between("USACOP", "USA")).country_code,
            "US");
  EXPECT_EQ(locator.Locate(OneSentence("Putin met Xi in Moscow."), Between("RUSGOV", "CHNGOV")).country_code, "RU");
}

TEST(EventLocator, ElseTheDatelineElseTheTargetsCountryElseTheSources) {
  EventLocator locator(Small());
  Article a = OneSentence("Iraq accused Kazakhstan of meddling.");
  EXPECT_EQ(locator.Locate(a, Between("IRQ", "KAZ")).country_code, "KZ");
  EXPECT_EQ(locator.Locate(a, Between("IRQ", "")).country_code, "IQ");
  EXPECT_EQ(locator.Locate(a, Between("IGOUNO", "")).type, Location::kNone);
  a.dateline.city = "Baghdad";
  Location l = locator.Locate(a, Between("IRQ", "KAZ"));
  EXPECT_EQ(l.type, Location::kCity);
  EXPECT_EQ(l.feature_id, "98182");
}

TEST(EventLocator, MonthsAndCapitalizedWordsAfterInAreNoPlaces) {
  EventLocator locator(Small());
  // "in May" names a month, not a town; the event falls back to the target's country.
  Location l = locator.Locate(OneSentence("Iraq will meet Kazakhstan in May."), Between("IRQ", "KAZ"));
  EXPECT_EQ(l.type, Location::kCountry);
}

}  // namespace
}  // namespace dragoman::geo
