// `dragoman ingest`: codes articles and stores them, with their sentences, events and the
// mentions behind each event, in an SQLite event store (see src/store/event_store.h).
//
// Safe to kill: articles are committed in batches, each article whole, so a killed run leaves
// only complete articles; running the same command again resumes. An article already stored
// with the same content and the same coder (this binary, these options) is skipped; any other
// is coded again and replaces the stored one, so re-ingesting never duplicates.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <cstdio>
#include <deque>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/command.h"
#include "dragoman/pipeline.h"
#include "ingest/reader.h"
#include "store/event_store.h"

namespace dragoman::cli {
namespace {

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

// Identifies the coder: this program's bytes plus the options that change coding, so a rebuilt
// binary or new dictionaries re-code articles that an unchanged one would skip.
std::string CoderFingerprint(const PipelineOptions& options) {
  uint64_t hash = 0x9e3779b97f4a7c15ULL;
  auto mix = [&hash](uint64_t word) {
    hash ^= word;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 32;
  };
  std::ifstream exe("/proc/self/exe", std::ios::binary);
  std::vector<char> buffer(1 << 20);
  while (exe) {
    exe.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    size_t n = static_cast<size_t>(exe.gcount());
    for (size_t i = 0; i + 8 <= n; i += 8) {
      uint64_t word;
      std::memcpy(&word, buffer.data() + i, 8);
      mix(word);
    }
    for (size_t i = n - n % 8; i < n; ++i) mix(static_cast<unsigned char>(buffer[i]));
  }
  std::string settings = std::string(DRAGOMAN_VERSION) + "|" + options.model_path + "|" + options.dict_dir + "|" +
                         options.verbs_file + "|" + (options.gdelt_quad_classes ? "gdelt" : "cameo");
  for (unsigned char c : settings) mix(c);
  char hex[32];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(hash));
  return std::string(DRAGOMAN_VERSION) + "-" + hex;
}

// Codes articles on worker threads and hands them back in input order, holding at most
// `capacity` at once, so memory stays bounded whatever the input size.
class OrderedWorkers {
 public:
  struct Item {
    Article article;
    std::vector<Event> events;
    bool done = false;
  };

  OrderedWorkers(const Pipeline& pipeline, int threads, size_t capacity) : pipeline_(pipeline), capacity_(capacity) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
  }
  ~OrderedWorkers() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  bool Full() {
    std::lock_guard<std::mutex> lock(mutex_);
    return items_.size() >= capacity_;
  }
  bool Empty() {
    std::lock_guard<std::mutex> lock(mutex_);
    return items_.empty();
  }
  void Submit(Article article) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto item = std::make_shared<Item>();
      item->article = std::move(article);
      items_.push_back(item);
      pending_.push_back(item);
    }
    work_ready_.notify_one();
  }
  // The oldest item, once coded. Call only when !Empty().
  std::shared_ptr<Item> TakeOldest() {
    std::unique_lock<std::mutex> lock(mutex_);
    item_done_.wait(lock, [this] { return items_.front()->done; });
    std::shared_ptr<Item> item = items_.front();
    items_.pop_front();
    return item;
  }

 private:
  void Work() {
    while (true) {
      std::shared_ptr<Item> item;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        work_ready_.wait(lock, [this] { return closing_ || !pending_.empty(); });
        if (pending_.empty()) return;
        item = pending_.front();
        pending_.pop_front();
      }
      pipeline_.Process(item->article, &item->events);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        item->done = true;
      }
      item_done_.notify_all();
    }
  }

  const Pipeline& pipeline_;
  size_t capacity_;
  std::mutex mutex_;
  std::condition_variable work_ready_, item_done_;
  std::deque<std::shared_ptr<Item>> items_;    // in input order, coded or not
  std::deque<std::shared_ptr<Item>> pending_;  // not yet taken by a worker
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

int RunIngest(int argc, char** argv) {
  CLI::App app("Code articles and store them with their events in an SQLite event store.", "ingest");
  std::vector<std::string> inputs;
  std::string db_path, date, model, dict_dir, verbs, input_format = "auto";
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  size_t batch = 200;
  bool force = false, quiet = false, cameo_quads = false;
  app.add_option("inputs", inputs, "article files, folders, globs, or - for standard input (none: only create or "
                                   "upgrade the store)");
  app.add_option("--db", db_path, "the event store (an SQLite file; created when absent)")->required();
  app.add_option("--date", date, "date (YYYY-MM-DD) for articles that carry none");
  app.add_option("--input-format", input_format, "auto, text, jsonl, html or warc")->capture_default_str();
  app.add_option("-j,--jobs", jobs, "coding threads (default: all cores)")->check(CLI::Range(1, 256));
  app.add_option("--batch", batch, "articles per transaction")->capture_default_str()->check(CLI::Range(1, 100000));
  app.add_option("--model", model, "syntax model file (default: built in; none: no parse)");
  app.add_option("--dict", dict_dir, "folder of PETRARCH-format dictionaries (default: dragoman's own)");
  app.add_option("--verbs", verbs, "with --dict: verb dictionary file name in that folder");
  app.add_flag("--cameo-quads", cameo_quads, "quad classes 09->3, 14->4 instead of GDELT's 09->2, 14->3");
  app.add_flag("--force", force, "code every article again, even those stored unchanged");
  app.add_flag("-q,--quiet", quiet, "no progress or summary on standard error");
  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;

  auto store = store::EventStore::Open(db_path, {});
  if (!store.ok()) {
    std::cerr << "dragoman ingest: " << store.status().message() << "\n";
    return kExitFailure;
  }
  if (inputs.empty()) {
    if (!quiet) std::cerr << "dragoman ingest: " << db_path << " is at schema version " << (*store)->schema_version() << "\n";
    return kExitOk;
  }

  PipelineOptions options;
  options.model_path = model;
  options.dict_dir = dict_dir;
  options.verbs_file = verbs;
  options.gdelt_quad_classes = !cameo_quads;
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "dragoman ingest: " << pipeline.status().message() << "\n";
    return kExitFailure;
  }
  const std::string coder = CoderFingerprint(options);

  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);

  ingest::ReadOptions read_options;
  read_options.default_date = date;
  read_options.format = input_format;
  std::unique_ptr<ingest::RecordReader> reader = ingest::OpenInputs(inputs, read_options);

  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  Clock::time_point last_commit = start, last_progress = start;
  size_t read = 0, stored = 0, skipped = 0, rejected = 0, failed = 0, events_total = 0, in_batch = 0;
  const bool progress = !quiet && isatty(STDERR_FILENO);
  store::EventStore& db = **store;
  Status status;

  auto commit_if_due = [&](bool force_commit) {
    if (!db.in_transaction()) return;
    Clock::time_point now = Clock::now();
    // A batch ends after `batch` articles or two seconds, so a slow run still commits often.
    if (force_commit || in_batch >= batch || now - last_commit > std::chrono::seconds(2)) {
      if (Status s = db.Commit(); !s.ok() && status.ok()) status = s;
      in_batch = 0;
      last_commit = now;
    }
    if (progress && now - last_progress > std::chrono::milliseconds(500)) {
      last_progress = now;
      std::fprintf(stderr, "\r%zu read, %zu stored, %zu unchanged, %zu events", read, stored, skipped, events_total);
    }
  };
  auto begin = [&] {
    if (!db.in_transaction()) {
      if (Status s = db.Begin(); !s.ok() && status.ok()) status = s;
    }
  };
  auto store_item = [&](OrderedWorkers::Item& item) {
    begin();
    if (Status s = db.PutArticle(item.article, item.events, coder); !s.ok()) {
      ++failed;
      std::cerr << "dragoman ingest: " << s.message() << "\n";
    } else {
      ++stored;
      ++in_batch;
      events_total += item.events.size();
    }
    commit_if_due(false);
  };

  {
    OrderedWorkers workers(**pipeline, jobs, static_cast<size_t>(jobs) * 4);
    ingest::Record record;
    while (status.ok() && !g_stop && reader->Next(&record)) {
      ++read;
      if (record.error) {
        ++rejected;
        std::cerr << "error: " << record.error->origin << ": " << record.error->message << "\n";
        begin();
        if (Status s = db.PutError(*record.error); !s.ok() && status.ok()) status = s;
        continue;
      }
      Article& article = *record.article;
      if (!force) {
        Result<bool> same = db.StoredArticleMatches(article.id, store::ContentHash(article), coder);
        if (!same.ok()) {
          status = same.status();
          break;
        }
        if (*same) {
          ++skipped;
          continue;
        }
      }
      while (workers.Full()) store_item(*workers.TakeOldest());
      workers.Submit(std::move(article));
    }
    // Articles already being coded are finished and stored, even after a signal.
    while (!workers.Empty()) store_item(*workers.TakeOldest());
  }
  commit_if_due(true);
  if (progress) std::fprintf(stderr, "\n");

  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!status.ok()) {
    std::cerr << "dragoman ingest: " << status.message() << "\n";
    return kExitFailure;
  }
  if (!quiet) {
    std::fprintf(stderr,
                 "dragoman ingest: %zu records read, %zu articles stored, %zu unchanged (skipped), %zu rejected, "
                 "%zu failed; %zu events in %.1f s\n",
                 read, stored, skipped, rejected, failed, events_total, seconds);
    if (g_stop) std::fprintf(stderr, "dragoman ingest: interrupted; run the same command again to resume\n");
  }
  if (g_stop) return kExitFailure;
  return rejected > 0 || failed > 0 ? kExitFailure : kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("ingest", "code articles into an SQLite event store", RunIngest);

}  // namespace dragoman::cli
