// Main-text extraction alone (ingest::ExtractHtml: charset, HTML parse, metadata and date
// cascade, article container, furniture), pages per second on one thread, over generated news
// pages shaped like real ones: a head with inline scripts and JSON-LD, a navigation bar of links,
// the article (10 to 30 paragraphs, a table or a list now and then), a sidebar of teasers, a grid
// of related stories, comments and a footer; about 60 to 120 KB each, as news pages are.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/html_extractor.h"

namespace {

// A small deterministic generator (no <random>: the same pages on every machine).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    s_ ^= s_ << 13;
    s_ ^= s_ >> 7;
    s_ ^= s_ << 17;
    return s_;
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

 private:
  uint64_t s_;
};

const char* const kWords[] = {"the",      "minister", "said",    "talks",    "government", "on",     "Tuesday",
                              "border",   "agreed",   "to",      "trade",    "security",   "of",     "a",
                              "officials", "country", "president", "visit",  "capital",    "and",    "in",
                              "would",    "forces",   "economic", "support", "meeting",    "with",   "week"};

std::string Sentence(Rng& rng) {
  std::string s;
  size_t n = 8 + rng.Below(18);
  for (size_t i = 0; i < n; ++i) {
    std::string w = kWords[rng.Below(sizeof kWords / sizeof kWords[0])];
    if (i == 0) w[0] = static_cast<char>(w[0] - 32 * (w[0] >= 'a'));
    s += (i ? " " : "") + w;
  }
  return s + ".";
}

std::string Teasers(Rng& rng, int n, const char* cls) {
  std::string out = std::string("<div class=\"") + cls + "\">";
  for (int i = 0; i < n; ++i) {
    out += "<div class=\"card\"><a href=\"/s/" + std::to_string(rng.Next() % 100000) + "\"><img src=\"x.jpg\"><h3>" +
           Sentence(rng) + "</h3></a><p>" + Sentence(rng) + "</p></div>";
  }
  return out + "</div>";
}

std::string MakePage(uint64_t seed) {
  Rng rng(seed);
  std::string p = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Sentence(rng) +
                  " | Daily News</title><meta property=\"og:site_name\" content=\"Daily News\">";
  for (int i = 0; i < 25; ++i) p += "<meta name=\"k" + std::to_string(i) + "\" content=\"" + Sentence(rng) + "\">";
  p += "<script>";
  for (int i = 0; i < 1000; ++i) p += "window.x" + std::to_string(i) + " = function(a){return a*" + std::to_string(i) + ";};\n";
  p += "</script><style>";
  for (int i = 0; i < 600; ++i) p += ".c" + std::to_string(i) + "{margin:0;padding:" + std::to_string(i) + "px}\n";
  p += "</style><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
       "\"WebPage\"},{\"@type\":\"NewsArticle\",\"headline\":\"" +
       Sentence(rng) + "\",\"datePublished\":\"2021-0" + std::to_string(1 + rng.Below(9)) +
       "-1" + std::to_string(rng.Below(9)) + "T10:00:00-05:00\"}]}</script></head><body class=\"single\">";
  p += "<header class=\"site-header\"><nav><ul>";
  for (int i = 0; i < 80; ++i) p += "<li class=\"menu-item\"><a href=\"/section/" + std::to_string(i) + "\">Section " + std::to_string(i) + "</a></li>";
  p += "</ul></nav></header><div class=\"container header-style-2\"><div class=\"row\"><main><article>";
  p += "<h1>" + Sentence(rng) + "</h1><div class=\"byline\">By Jane Doe | March 3, 2021</div>";
  p += "<div class=\"entry-content\">";
  size_t paragraphs = 10 + rng.Below(21);
  for (size_t i = 0; i < paragraphs; ++i) {
    p += "<p>";
    size_t sentences = 1 + rng.Below(4);
    for (size_t j = 0; j < sentences; ++j) p += (j ? " " : "") + Sentence(rng);
    p += "</p>";
    if (i == 4 && rng.Below(3) == 0) {
      p += "<table>";
      for (int r = 0; r < 8; ++r) p += "<tr><td>Team " + std::to_string(r) + "</td><td>" + std::to_string(rng.Below(40)) + "</td></tr>";
      p += "</table>";
    }
    if (i == 7) p += "<div class=\"ad-slot\"><div class=\"advert\">Advertisement</div></div>";
  }
  p += "</div>" + Teasers(rng, 6, "related-posts") + "</article>";
  p += "<section class=\"comments\">";
  for (int i = 0; i < 10; ++i) p += "<div class=\"comment\"><p>" + Sentence(rng) + " " + Sentence(rng) + "</p></div>";
  p += "</section></main><aside class=\"sidebar\">" + Teasers(rng, 10, "widget") + "</aside></div>";
  p += Teasers(rng, 12, "grid") + "</div><footer>";
  for (int i = 0; i < 40; ++i) p += "<a href=\"/f/" + std::to_string(i) + "\">Footer link " + std::to_string(i) + "</a> ";
  p += "<p>Copyright 2021 Daily News. All rights reserved.</p></footer></body></html>";
  return p;
}

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> v;
    for (uint64_t i = 1; i <= 200; ++i) v.push_back(MakePage(i * 0x9E3779B97F4A7C15ull));
    return v;
  }();
  return pages;
}

void BM_ExtractHtml(benchmark::State& state) {
  const std::vector<std::string>& pages = Pages();
  size_t bytes = 0, i = 0, paragraphs = 0;
  for (auto _ : state) {
    const std::string& page = pages[i++ % pages.size()];
    dragoman::ingest::HtmlPage out = dragoman::ingest::ExtractHtml(page);
    paragraphs += out.paragraphs.size();
    benchmark::DoNotOptimize(out);
    bytes += page.size();
  }
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["KB/page"] = static_cast<double>(bytes) / 1024.0 / static_cast<double>(state.iterations());
  state.counters["paragraphs/page"] = static_cast<double>(paragraphs) / static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ExtractHtml)->Unit(benchmark::kMicrosecond)->MeasureProcessCPUTime();

}  // namespace

BENCHMARK_MAIN();
