// Throughput of the text stage (text::Segment): tokens/s and MB/s on news-like text.
//
//   build-text/bench/bench_segmenter [--benchmark_filter=...]
// Uses the real sample article from ../shared/samples when present, else a built-in paragraph,
// repeated to about 1 MB per article.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "text/segmenter.h"

namespace {

std::string NewsText() {
  std::ifstream in(std::string(DRAGOMAN_SOURCE_DIR) + "/../shared/samples/000_9dc233296e0b742c.txt",
                   std::ios::binary);
  std::string base;
  if (in) {
    std::stringstream ss;
    ss << in.rdbuf();
    base = ss.str();
  } else {
    base =
        "Chinese President Xi Jinping met with Kazakh President Kassym-Jomart Tokayev on Sunday, CCTV "
        "reported.Xi said China is ready to work with Kazakhstan to deepen trust, expand cooperation "
        "and support each other. The U.S. economy grew 3.5 percent in Jan. 2022, Mr. Smith said.\n"
        "\xE2\x80\x9CWe don\xE2\x80\x99t expect a change,\xE2\x80\x9D he told reporters at 12.30 GMT.\n";
  }
  std::string text;
  while (text.size() < (1u << 20)) text += base + "\n";
  return text;
}

// Arg 1: with the boilerplate rules (the default); 0: without, to show what they cost.
void BM_Segment(benchmark::State& state) {
  dragoman::Article article;
  article.text = NewsText();
  dragoman::text::SegmentOptions options;
  options.drop_boilerplate = state.range(0) != 0;
  size_t tokens = 0;
  for (auto _ : state) {
    dragoman::text::Segment(article, options);
    tokens = 0;
    for (const auto& s : article.sentences) tokens += s.tokens.size();
    benchmark::DoNotOptimize(tokens);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * article.text.size()));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["sentences"] = static_cast<double>(article.sentences.size());
}
BENCHMARK(BM_Segment)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
