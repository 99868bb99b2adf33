// Where events happened and their tone, as `dragoman code` writes them (bar 2 of issue 16): on the
// real sample article every event has a location; an event whose sentence names Beijing or Astana
// carries that city's coordinates, the others their target's country. Skipped when the gazetteer
// (build/external/, made from npm packages by the build) or the shared sample is absent.
#include <cmath>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "run_program.h"

namespace dragoman::testing {
namespace {

namespace fs = std::filesystem;

bool ExternalDataBuilt() { return fs::exists(std::string(DRAGOMAN_BINARY_DIR) + "/external/gazetteer.tsv"); }

std::vector<nlohmann::json> Code(const std::string& path) {
  ProgramRun run = RunDragoman("code -j 1 " + path);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return ParseJsonLines(run.out);
}

// GeoNames coordinates of the two capitals (Astana is "Nur-Sultan" there, found by our alias).
constexpr double kBeijing[] = {39.9075, 116.39723};
constexpr double kAstana[] = {51.1801, 71.44598};

bool At(const nlohmann::json& e, const double* where) {
  return e["geo_type"] == 4 && std::abs(e["geo_lat"].get<double>() - where[0]) < 0.01 &&
         std::abs(e["geo_lon"].get<double>() - where[1]) < 0.01;
}

TEST(EventLocation, EveryEventOfTheSampleArticleHasAPlace) {
  if (!ExternalDataBuilt()) GTEST_SKIP() << "build/external/gazetteer.tsv is absent (run scripts/setup.sh, rebuild)";
  if (!fs::exists(SharedSample())) GTEST_SKIP() << "../shared/samples is absent";
  std::vector<nlohmann::json> events = Code(SharedSample());
  ASSERT_GE(events.size(), 5u);
  for (const nlohmann::json& e : events) {
    std::string sentence = e["sentence_text"];
    ASSERT_GT(e["geo_type"].get<int>(), 0) << e.dump();
    ASSERT_FALSE(e["geo_lat"].is_null()) << e.dump();
    if (sentence.find("in Beijing") != std::string::npos) {
      EXPECT_TRUE(At(e, kBeijing)) << e.dump();
    } else if (sentence.find("in Astana") != std::string::npos) {
      EXPECT_TRUE(At(e, kAstana)) << e.dump();
    } else {
      // No place named: the target's country (KAZ -> KZ, CHN -> CN).
      EXPECT_EQ(e["geo_type"], 1) << e.dump();
      std::string target = e["target"];
      std::string expected = target.rfind("KAZ", 0) == 0 ? "KZ" : target.rfind("CHN", 0) == 0 ? "CN" : "";
      if (!expected.empty()) EXPECT_EQ(e["geo_country"], expected) << e.dump();
    }
    EXPECT_TRUE(e["tone"].is_number()) << e.dump();
  }
}

TEST(EventLocation, ACityNamedInTheSentenceWinsOverTheCountry) {
  if (!ExternalDataBuilt()) GTEST_SKIP() << "build/external/gazetteer.tsv is absent (run scripts/setup.sh, rebuild)";
  TempDir dir("location_test_");
  std::string path = dir.Write("visit.txt",
                               "Talks\n\n2022-05-20\n\n"
                               "Chinese President Xi Jinping met with Kazakh President Kassym-Jomart Tokayev in Astana "
                               "on Monday.\n\nChinese Foreign Minister Wang Yi held talks with Kazakhstan in Beijing "
                               "on Tuesday.\n\nChina is ready to work with Kazakhstan.\n");
  std::vector<nlohmann::json> events = Code(path);
  int astana = 0, beijing = 0, country = 0;
  for (const nlohmann::json& e : events) {
    std::string sentence = e["sentence_text"];
    if (sentence.find("in Astana") != std::string::npos) astana += At(e, kAstana);
    else if (sentence.find("in Beijing") != std::string::npos) beijing += At(e, kBeijing);
    else country += e["geo_type"] == 1 && e["geo_country"] == "KZ";
  }
  EXPECT_GE(astana, 1) << events.size();
  EXPECT_GE(beijing, 1);
  EXPECT_GE(country, 1);
}

// GDELT's AvgTone: (positive - negative words) / words * 100, words rated by AFINN-165.
TEST(EventTone, PositiveAndNegativeArticlesScoreOnTheirSide) {
  if (!ExternalDataBuilt()) GTEST_SKIP() << "build/external/tone_afinn165.tsv is absent";
  TempDir dir("tone_test_");
  std::string good = dir.Write("good.txt", "Friends\n\n2022-05-20\n\nChina praised Kazakhstan for its excellent, "
                                           "successful and friendly cooperation.\n");
  std::string bad = dir.Write("bad.txt", "Attack\n\n2022-05-20\n\nRussia attacked Ukraine, killing and wounding "
                                         "civilians in a deadly, brutal assault.\n");
  std::vector<nlohmann::json> good_events = Code(good), bad_events = Code(bad);
  ASSERT_FALSE(good_events.empty());
  ASSERT_FALSE(bad_events.empty());
  EXPECT_GT(good_events[0]["tone"].get<double>(), 5.0) << good_events[0].dump();
  EXPECT_LT(bad_events[0]["tone"].get<double>(), -5.0) << bad_events[0].dump();
}

}  // namespace
}  // namespace dragoman::testing
