// Event coder benchmarks: dictionary load time (CAMEO.2.0 + Phoenix) and coding throughput with
// parses given (PETRARCH's unit-test records, UD parses included), one thread.
//
//   build/bench/bench_coder --benchmark_min_time=2s
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "coding/event_coder.h"
#include "coding/petrarch_reader.h"
#include "coding/validation.h"

namespace dragoman::coding {
namespace {

const std::string kDir = std::string(DRAGOMAN_SHARED_DIR) + "/petrarch";

bool Available(benchmark::State& state) {
  FILE* f = std::fopen((kDir + "/CAMEO.2.0.txt").c_str(), "rb");
  if (!f) {
    state.SkipWithError(("no PETRARCH dictionaries in " + kDir).c_str());
    return false;
  }
  std::fclose(f);
  return true;
}

// Reading every CAMEO.2.0 + Phoenix file and building the coder's indexes.
void BM_LoadCameoPhoenix(benchmark::State& state) {
  if (!Available(state)) return;
  for (auto _ : state) {
    std::vector<std::string> warnings;
    Result<std::unique_ptr<Coder>> coder = MakeCoder({.dict_dir = kDir, .warnings = &warnings});
    if (!coder.ok()) {
      state.SkipWithError(coder.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(coder);
  }
}
BENCHMARK(BM_LoadCameoPhoenix)->Unit(benchmark::kMillisecond)->Iterations(5);

// Loading dragoman's own dictionaries built into the binary (compiling the token patterns).
void BM_LoadDefaultDictionaries(benchmark::State& state) {
  for (auto _ : state) {
    Result<std::unique_ptr<Coder>> coder = MakeCoder({});
    if (!coder.ok()) {
      state.SkipWithError(coder.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(coder);
  }
}
BENCHMARK(BM_LoadDefaultDictionaries)->Unit(benchmark::kMillisecond)->Iterations(5);

struct Corpus {
  std::vector<Article> articles;
  std::vector<int> dates;
};

Corpus LoadRecords() {
  Corpus c;
  Result<ValidationSet> set = ReadValidationRecords(kDir + "/PETR.UnitTest.records.ud.xml");
  if (!set.ok()) return c;
  for (const ValidationRecord& r : set->records) {
    c.articles.push_back(RecordArticle(r));
    c.dates.push_back(r.date);
  }
  return c;
}

void CodeCorpus(benchmark::State& state, const EventCoder& coder, const Corpus& corpus) {
  size_t sentences = 0, events = 0;
  EventCoderOptions options;
  std::vector<Event> out;
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.articles.size(); ++i) {
      out.clear();
      coder.CodeSentence(corpus.articles[i], 0, corpus.dates[i], options, &out);
      events += out.size();
    }
    sentences += corpus.articles.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(sentences));
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/sentence"] = sentences ? static_cast<double>(events) / sentences : 0;
}

// The unit-test records with the dictionaries they were written for (PETR.Validate.*, verbs 2.0).
void BM_CodeGivenParsesValidateDicts(benchmark::State& state) {
  if (!Available(state)) return;
  static Corpus corpus = LoadRecords();
  PetrarchFiles files;
  files.dir = kDir;
  files.verbs = "PETR.Validate.verbs.2.0.txt";
  files.actors = {"PETR.Validate.actors.txt"};
  files.agents = {"PETR.Validate.agents.txt"};
  files.discards = "PETR.Validate.discards.txt";
  Result<Lexicon> d = LoadPetrarchFiles(files, false, nullptr);
  if (!d.ok() || corpus.articles.empty()) {
    state.SkipWithError("cannot load the validation records or dictionaries");
    return;
  }
  std::unique_ptr<EventCoder> coder = MakeEventCoder(d.take());
  CodeCorpus(state, *coder, corpus);
}
BENCHMARK(BM_CodeGivenParsesValidateDicts)->Unit(benchmark::kMillisecond);

// The same sentences with the full CAMEO.2.0 + Phoenix dictionaries (27,000 actors, 4,600 patterns).
void BM_CodeGivenParsesCameoPhoenix(benchmark::State& state) {
  if (!Available(state)) return;
  static Corpus corpus = LoadRecords();
  Result<Lexicon> d = LoadPetrarchFiles(PetrarchFiles::Phoenix(kDir), false, nullptr);
  if (!d.ok() || corpus.articles.empty()) {
    state.SkipWithError("cannot load the validation records or dictionaries");
    return;
  }
  std::unique_ptr<EventCoder> coder = MakeEventCoder(d.take());
  CodeCorpus(state, *coder, corpus);
}
BENCHMARK(BM_CodeGivenParsesCameoPhoenix)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dragoman::coding

BENCHMARK_MAIN();
