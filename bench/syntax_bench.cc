// Syntax stage throughput: tokens per second for tag + lemma + parse on gold-tokenized EWT
// sentences (../shared/ud, else the tiny test treebank), one thread and two, and model load time.
//
//   build/bench/bench_syntax [--benchmark_filter=Annotate]
//   DRAGOMAN_SYNTAX_MODEL=models/other.bin build/bench/bench_syntax
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "resources/resources.h"
#include "syntax/conllu.h"
#include "syntax/syntax_model.h"

namespace dragoman::syntax {
namespace {

std::string ModelBytes(std::string* name) {
  if (const char* path = std::getenv("DRAGOMAN_SYNTAX_MODEL")) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    *name = path;
    return s.str();
  }
  *name = kDefaultModelName;
  auto bytes = resources::Find(kDefaultModelName);
  return bytes ? std::string(*bytes) : std::string();
}

const Model* GetModel() {
  static std::shared_ptr<SyntaxModel> model = [] {
    std::string name;
    std::string bytes = ModelBytes(&name);
    auto m = SyntaxModel::FromBytes(bytes, name);
    if (!m.ok()) {
      std::cerr << m.status().message() << "\n";
      std::exit(1);
    }
    return *m;
  }();
  return model.get();
}

const std::vector<Sentence>& Sentences() {
  static std::vector<Sentence> sentences = [] {
    std::string shared = std::string(DRAGOMAN_SOURCE_DIR) + "/../shared/ud/en_ewt-ud-test.conllu";
    std::string path = std::filesystem::exists(shared) ? shared : std::string(DRAGOMAN_SOURCE_DIR) + "/tests/data/syntax/tiny.conllu";
    std::vector<ConlluSentence> c;
    Status s = ReadConlluFile(path, &c);
    if (!s.ok()) {
      std::cerr << s.message() << "\n";
      std::exit(1);
    }
    std::vector<Sentence> out;
    for (const ConlluSentence& x : c) out.push_back(ToSentence(x, false));
    return out;
  }();
  return sentences;
}

void AnnotateLoop(benchmark::State& state, Model::Parsing parsing);

// Tag + lemma + parse with both parsers (the default of `parse` and `eval`).
void BM_Annotate(benchmark::State& state) { AnnotateLoop(state, Model::Parsing::kAccurate); }
// The first parser alone (the default of bulk coding).
void BM_AnnotateFast(benchmark::State& state) { AnnotateLoop(state, Model::Parsing::kFast); }

void AnnotateLoop(benchmark::State& state, Model::Parsing parsing) {
  const Model* model = GetModel();
  const std::vector<Sentence>& sentences = Sentences();
  size_t tokens = 0, i = static_cast<size_t>(state.thread_index()) * 997;
  for (auto _ : state) {
    Sentence s = sentences[i++ % sentences.size()];
    model->Annotate(s, parsing);
    tokens += s.tokens.size();
    benchmark::DoNotOptimize(s.tokens.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(tokens));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
// One thread: rates per CPU second, so a busy shared machine does not distort the figure.
BENCHMARK(BM_Annotate)->Threads(1)->MinTime(3.0);
// Two threads: wall-clock rate of both together.
BENCHMARK(BM_Annotate)->Threads(2)->UseRealTime()->MinTime(3.0);
BENCHMARK(BM_AnnotateFast)->Threads(1)->MinTime(3.0);
BENCHMARK(BM_AnnotateFast)->Threads(2)->UseRealTime()->MinTime(3.0);

void BM_LoadModel(benchmark::State& state) {
  std::string name;
  std::string bytes = ModelBytes(&name);
  for (auto _ : state) {
    auto m = SyntaxModel::FromBytes(bytes, name);
    if (!m.ok()) state.SkipWithError(m.status().message().c_str());
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace dragoman::syntax

BENCHMARK_MAIN();
