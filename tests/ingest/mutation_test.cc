// Damaged input of every format must give records, never a crash or a hang: each mutated input is
// read to the end and every record is an article or an error with an origin and a message.
#include <gtest/gtest.h>

#include <random>

#include "ingest/html_extractor.h"
#include "test_files.h"

namespace dragoman::ingest {
namespace {

std::string Mutate(std::string s, std::mt19937& rng) {
  if (s.empty()) return s;
  int edits = 1 + static_cast<int>(rng() % 8);
  for (int e = 0; e < edits && !s.empty(); ++e) {
    size_t at = rng() % s.size();
    switch (rng() % 4) {
      case 0: s[at] = static_cast<char>(rng() % 256); break;                    // flip a byte
      case 1: s.insert(at, std::string(1 + rng() % 16, static_cast<char>(rng() % 256))); break;  // insert bytes
      case 2: s.erase(at, 1 + rng() % 64); break;                               // drop bytes
      default: s.resize(at); break;                                             // cut the end
    }
  }
  return s;
}

void ExpectWellFormedRecords(const std::vector<Record>& records) {
  for (const Record& r : records) {
    ASSERT_NE(r.article.has_value(), r.error.has_value());
    if (r.error) {
      EXPECT_FALSE(r.error->origin.empty());
      EXPECT_FALSE(r.error->message.empty());
    }
  }
}

TEST(Mutation, DamagedInputsOfEveryFormatGiveRecords) {
  std::string page =
      "<html><head><meta property=\"article:published_time\" content=\"2022-05-20\"><title>Talks</title></head>"
      "<body><article><p>China is ready to work with Kazakhstan, the minister said.</p></article></body></html>";
  std::string warc;
  for (int i = 0; i < 4; ++i) {
    warc += testing::WarcHtmlResponse("https://n.example/" + std::to_string(i), "2022-05-20T00:00:00Z",
                                      "id-" + std::to_string(i), page);
  }
  std::string warc_gz;
  for (int i = 0; i < 4; ++i) {
    warc_gz += testing::GzipMember(testing::WarcHtmlResponse("https://n.example/" + std::to_string(i),
                                                             "2022-05-20T00:00:00Z", "id", page));
  }
  std::string jsonl =
      R"({"id":"a","date":"2022-05-20","title":"T","text":"China is ready to work with Kazakhstan."})" "\n"
      R"({"id":"b","date":"May 21, 2022","text":"Kazakhstan supports China."})" "\n";
  std::string text = "Headline\n2022-05-20 0 By\nChina is ready to work with Kazakhstan.\n";
  std::vector<std::string> seeds = {warc, warc_gz, jsonl, text, page, "[" + jsonl.substr(0, jsonl.find('\n')) + "]"};

  testing::ScratchDir dir;
  std::mt19937 rng(12345);
  for (int round = 0; round < 150; ++round) {
    for (size_t k = 0; k < seeds.size(); ++k) {
      std::string input = Mutate(seeds[k], rng);
      std::string path = dir.Write(std::to_string(k) + ".in", input);
      auto records = testing::ReadAll({path});
      ExpectWellFormedRecords(records);
      ExtractHtml(input);  // never crashes on any bytes
    }
  }
}

}  // namespace
}  // namespace dragoman::ingest
