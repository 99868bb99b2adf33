// End-to-end throughput: raw article text in, coded events out, through the whole pipeline.
//
// Corpus: the raw text of ../shared/ud/en_ewt-ud-{train,dev,test}.conllu (the "# text" lines, one
// article per "# newdoc", a blank line at each "# newpar") plus the sample article of
// ../shared/samples. Runs the parallel runner on 1 thread and on 2 threads (or --threads=LIST) and
// prints sentences/s, the speed-up, peak resident memory and the time per stage, then one summary
// line to compare across commits (appended to --log=FILE with the date and commit when given).
//
//   build/bench/bench_e2e                       # 1 and 2 threads
//   build/bench/bench_e2e --threads=1,2,4 --log=bench/results.log
//   build/bench/bench_e2e --limit=200           # the first 200 articles only (quick look)
//   build/bench/bench_e2e --repeat=5            # the corpus 5 times over (steadier figures; default 3)
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "dragoman/pipeline.h"
#include "pipeline/parallel_runner.h"

namespace {

using namespace dragoman;

// Serves copies of in-memory articles (the pipeline fills them in, so each run needs fresh ones).
class CorpusReader : public ingest::RecordReader {
 public:
  CorpusReader(const std::vector<Article>& articles, size_t repeat) : articles_(articles), total_(articles.size() * repeat) {}
  bool Next(ingest::Record* record) override {
    if (i_ >= total_) return false;
    *record = ingest::Record{};
    record->article = articles_[i_++ % articles_.size()];
    return true;
  }
  ingest::ReadProgress Progress() const override { return {i_, total_}; }

 private:
  const std::vector<Article>& articles_;
  size_t total_;
  size_t i_ = 0;
};

// Appends the raw text of a CoNLL-U file as articles. Returns the number of "# text" sentences.
size_t ReadConlluArticles(const std::string& path, std::vector<Article>* out) {
  std::ifstream in(path);
  std::string line;
  size_t sentences = 0;
  Article* current = nullptr;
  int doc = 0;
  std::string stem = std::filesystem::path(path).stem().string();
  while (std::getline(in, line)) {
    if (line.rfind("# newdoc", 0) == 0 || current == nullptr) {
      out->emplace_back();
      current = &out->back();
      current->id = stem + "-" + std::to_string(doc++);
      current->date = "2022-05-20";
      current->origin = path;
    }
    if (line.rfind("# newpar", 0) == 0 && !current->text.empty()) current->text += "\n\n";
    if (line.rfind("# text = ", 0) == 0) {
      if (!current->text.empty() && current->text.back() != '\n') current->text += ' ';
      current->text += line.substr(9);
      ++sentences;
    }
  }
  // A document that began with "# newdoc" right at the end has no text.
  while (!out->empty() && out->back().text.empty()) out->pop_back();
  return sentences;
}

double PeakRssMb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;  // Linux reports KiB
}

std::string Commit() {
  std::string out;
  if (FILE* p = popen("git -C " DRAGOMAN_SOURCE_DIR " rev-parse --short HEAD 2>/dev/null", "r")) {
    char buf[64];
    if (std::fgets(buf, sizeof buf, p)) out = buf;
    pclose(p);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out.empty() ? "uncommitted" : out;
}

std::string Today() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", std::gmtime(&t));
  return buf;
}

// User + system CPU seconds of the whole process (all threads) so far.
double CpuSeconds() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

struct Measure {
  int threads;
  RunSummary summary;
  double rate;      // sentences per wall second
  double cpu_rate;  // sentences per CPU second (all threads): what a loaded machine cannot hide
};

}  // namespace

// The machine's load average, printed with the figures: wall-clock rates mean little on a busy machine.
double LoadAverage() {
  double load[1] = {0};
  return getloadavg(load, 1) == 1 ? load[0] : -1;
}

int main(int argc, char** argv) {
  std::string shared = DRAGOMAN_SHARED_DIR;
  std::string log_path, model;
  bool accurate_parse = false;
  std::vector<int> thread_counts = {1, 2};
  size_t limit = 0, repeat = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--threads=", 0) == 0) {
      thread_counts.clear();
      std::stringstream ss(a.substr(10));
      std::string t;
      while (std::getline(ss, t, ',')) thread_counts.push_back(std::atoi(t.c_str()));
    } else if (a.rfind("--log=", 0) == 0) {
      log_path = a.substr(6);
    } else if (a.rfind("--shared=", 0) == 0) {
      shared = a.substr(9);
    } else if (a.rfind("--model=", 0) == 0) {
      model = a.substr(8);
    } else if (a == "--parser=accurate" || a == "--parser=fast") {
      accurate_parse = a == "--parser=accurate";
    } else if (a.rfind("--repeat=", 0) == 0) {
      repeat = std::max<size_t>(1, static_cast<size_t>(std::atol(a.substr(9).c_str())));
    } else if (a.rfind("--limit=", 0) == 0) {
      limit = static_cast<size_t>(std::atol(a.substr(8).c_str()));
    } else {
      std::cerr << "usage: bench_e2e [--threads=1,2] [--log=FILE] [--shared=DIR] [--model=F|none] [--parser=fast|accurate] [--limit=N] [--repeat=N]\n";
      return 2;
    }
  }

  std::vector<Article> articles;
  size_t text_lines = 0;
  for (const char* part : {"train", "dev", "test"}) {
    std::string path = shared + "/ud/en_ewt-ud-" + part + ".conllu";
    if (!std::filesystem::exists(path)) {
      std::cerr << "bench_e2e: " << path << " not found (give --shared=DIR)\n";
      return 1;
    }
    text_lines += ReadConlluArticles(path, &articles);
  }
  std::string sample_path = shared + "/samples/000_9dc233296e0b742c.txt";
  if (std::ifstream in{sample_path}) {
    std::stringstream ss;
    ss << in.rdbuf();
    Article a;
    a.id = "sample";
    a.date = "2022-05-20";
    a.text = ss.str();
    a.title = a.text.substr(0, a.text.find('\n'));
    a.title_span = Span{0, a.title.size()};
    articles.push_back(std::move(a));
  }
  if (limit > 0 && articles.size() > limit) articles.resize(limit);
  size_t bytes = 0;
  for (const Article& a : articles) bytes += a.text.size();

  PipelineOptions options;
  options.model_path = model;
  options.accurate_parse = accurate_parse;
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "bench_e2e: " << pipeline.status().message() << "\n";
    return 1;
  }
  std::printf("corpus: %zu articles, %zu UD sentences, %.1f MB of text, run %zu times over; model load peak RSS %.0f MB\n",
              articles.size(), text_lines, bytes / 1e6, repeat, PeakRssMb());

  // Warm-up (first-touch allocations, caches) on a slice of the corpus.
  {
    std::vector<Article> warm(articles.begin(), articles.begin() + std::min<size_t>(articles.size(), 50));
    CorpusReader reader(warm, 1);
    RunOptions ro;
    ro.threads = 1;
    ro.quiet = true;
    RunPipeline(reader, **pipeline, ro, [](RunItem&) { return true; });
  }

  std::vector<Measure> measures;
  for (int threads : thread_counts) {
    CorpusReader reader(articles, repeat);
    RunOptions ro;
    ro.threads = threads;
    ro.quiet = true;
    double cpu0 = CpuSeconds();
    RunSummary s = RunPipeline(reader, **pipeline, ro, [](RunItem&) { return true; });
    double cpu = CpuSeconds() - cpu0;
    double rate = s.seconds > 0 ? s.sentences / s.seconds : 0;
    double cpu_rate = cpu > 0 ? s.sentences / cpu : 0;
    measures.push_back({threads, s, rate, cpu_rate});
    double stage_total = s.times.segment_s + s.times.annotate_s + s.times.code_s;
    auto pct = [&](double v) { return stage_total > 0 ? 100 * v / stage_total : 0.0; };
    std::printf("%d thread%s: %llu sentences, %llu events in %.2f s = %.0f sentences/s (CPU %.2f s = %.0f sentences "
                "per CPU second); stage wall time summed over workers: segment (repair, split, tokenize) %.2f s "
                "(%.0f%%), tag (with lemmas) %.2f s (%.0f%%), parse %.2f s (%.0f%%), code %.2f s (%.0f%%)\n",
                threads, threads == 1 ? "" : "s", static_cast<unsigned long long>(s.sentences),
                static_cast<unsigned long long>(s.events), s.seconds, rate, cpu, cpu_rate, s.times.segment_s,
                pct(s.times.segment_s), s.times.tag_s, pct(s.times.tag_s), s.times.parse_s, pct(s.times.parse_s),
                s.times.code_s, pct(s.times.code_s));
  }
  double rss = PeakRssMb();
  std::printf("peak RSS: %.0f MB\n", rss);

  // One line to compare across commits.
  std::ostringstream line;
  line << Today() << " " << Commit() << " e2e" << (accurate_parse ? " (accurate parser)" : "") << ":";
  line << " sentences=" << (measures.empty() ? 0 : measures[0].summary.sentences);
  for (const Measure& m : measures) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " t%d=%.0f/s(cpu %.0f/s)", m.threads, m.rate, m.cpu_rate);
    line << buf;
  }
  if (measures.size() >= 2 && measures[0].rate > 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " speedup=%.2fx", measures.back().rate / measures[0].rate);
    line << buf;
  }
  if (!measures.empty()) {
    const StageTimes& t = measures[0].summary.times;
    double n = static_cast<double>(std::max<uint64_t>(1, measures[0].summary.sentences));
    char buf[160];
    std::snprintf(buf, sizeof buf, " us/sent: segment=%.1f tag=%.1f parse=%.1f code=%.1f", 1e6 * t.segment_s / n,
                  1e6 * t.tag_s / n, 1e6 * t.parse_s / n, 1e6 * t.code_s / n);
    line << buf;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, " rss=%.0fMB load=%.1f", rss, LoadAverage());
  line << buf;
  std::printf("%s\n", line.str().c_str());
  if (!log_path.empty()) {
    std::ofstream log(log_path, std::ios::app);
    log << line.str() << "\n";
  }
  return 0;
}
