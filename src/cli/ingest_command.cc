// `dragoman ingest`: codes articles and stores them, with their sentences, events and the
// mentions behind each event, in an SQLite event store (see src/store/event_store.h).
//
// Safe to kill: articles are committed in batches, each article whole, so a killed run leaves
// only complete articles; running the same command again resumes. An article already stored
// with the same content and the same coder (this binary, its model and dictionary files, these
// options) is skipped; any other is coded again and replaces the stored one, so re-ingesting
// never duplicates.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>
#include <unordered_set>

#include "cli/command.h"
#include "dragoman/pipeline.h"
#include "ingest/reader.h"
#include "output/event_writer.h"
#include "pipeline/parallel_runner.h"
#include "store/event_store.h"

namespace dragoman::cli {
namespace {

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

// Identifies the coder: this program's bytes, the bytes of the model file and dictionaries it was
// given, and the options that change coding, so a rebuilt binary, a retrained model or edited
// dictionaries re-code articles that an unchanged setup would skip.
std::string CoderFingerprint(const PipelineOptions& options) {
  uint64_t hash = 0x9e3779b97f4a7c15ULL;
  auto mix = [&hash](uint64_t word) {
    hash ^= word;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 32;
  };
  std::vector<char> buffer(1 << 20);
  auto mix_file = [&](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      size_t n = static_cast<size_t>(in.gcount());
      for (size_t i = 0; i + 8 <= n; i += 8) {
        uint64_t word;
        std::memcpy(&word, buffer.data() + i, 8);
        mix(word);
      }
      for (size_t i = n - n % 8; i < n; ++i) mix(static_cast<unsigned char>(buffer[i]));
    }
  };
  mix_file("/proc/self/exe");
  if (!options.model_path.empty() && options.model_path != "none") mix_file(options.model_path);
  if (!options.dict_dir.empty()) {
    // Every file of the folder, in name order (the verb file is one of them).
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(options.dict_dir, ec)) {
      if (entry.is_regular_file(ec)) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      for (unsigned char c : f.filename().string()) mix(c);
      mix_file(f.string());
    }
  }
  std::string settings = std::string(DRAGOMAN_VERSION) + "|" + options.model_path +
                         (options.accurate_parse ? "|accurate" : "") + "|" + options.dict_dir +
                         "|" + options.verbs_file + "|" + (options.gdelt_quad_classes ? "gdelt" : "cameo");
  for (unsigned char c : settings) mix(c);
  char hex[32];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(hash));
  return std::string(DRAGOMAN_VERSION) + "-" + hex;
}

// The articles already stored by this coder, as hashes of (id, content hash): a snapshot taken
// before the run, so worker threads can skip coding them without touching the store. The store
// itself (checked again in input order) has the final say.
Result<std::unordered_set<uint64_t>> StoredSnapshot(store::EventStore& db, const std::string& coder) {
  std::unordered_set<uint64_t> keys;
  Result<store::Stmt> q = db.db().Prepare("SELECT id, content_hash FROM articles WHERE coder = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, coder);
  while (true) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    keys.insert(std::hash<std::string>()(q->Text(0) + '\0' + q->Text(1)));
  }
  return keys;
}

int RunIngest(int argc, char** argv) {
  CLI::App app("Code articles and store them with their events in an SQLite event store.", "ingest");
  std::vector<std::string> inputs;
  std::string db_path, date, model, dict_dir, verbs, input_format = "auto";
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  size_t batch = 200;
  bool force = false, quiet = false, cameo_quads = false;
  app.add_option("inputs", inputs,
                 "article files, folders, globs, or - for standard input (none: only create or "
                 "upgrade the store)");
  app.add_option("--db", db_path,
                 "the event store (an SQLite file, created when absent; default: $DRAGOMAN_DB)")
      ->envname("DRAGOMAN_DB")
      ->required();
  app.add_option("--date", date, "date (YYYY-MM-DD) for articles that carry none")->check(CalendarDate());
  app.add_option("--input-format", input_format, "auto, text, jsonl, html or warc")->capture_default_str();
  app.add_option("-j,--jobs", jobs, "coding threads (default: all cores)")->check(CLI::Range(1, kMaxJobs));
  app.add_option("--batch", batch, "articles per transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  app.add_option("--model", model, "syntax model file (default: built in)")->check(RegularFile(kMaxModelBytes, "none"));
  std::string parser = "fast";
  AddParserOption(app, &parser);
  std::vector<std::string> include, exclude;
  app.add_option("--include", include, "in folders, take the files matching this glob (\"*.md\", \"2022/*\"), and only those; repeatable");
  app.add_option("--exclude", exclude, "in folders, leave out the files matching this glob; repeatable");
  app.add_option("--dict", dict_dir, "folder of dictionaries, dragoman's format or PETRARCH's (default: the built-in ones)");
  app.add_option("--verbs", verbs, "with --dict: verb dictionary file name in that folder");
  app.add_flag("--cameo-quads", cameo_quads, "quad classes 09->3, 14->4 instead of GDELT's 09->2, 14->3");
  std::string errors_path;
  app.add_option("--errors", errors_path, "also write error records as JSON Lines to this file (as code --errors)");
  app.add_flag("--force", force, "code every article again, even those stored unchanged");
  bool any_language = false;
  app.add_flag("--any-language", any_language, "code articles in any language (default: skip those not in English)");
  app.add_flag("-q,--quiet", quiet, "no progress or summary on standard error");
  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;

  auto store = store::EventStore::Open(db_path, {});
  if (!store.ok()) {
    std::cerr << "dragoman ingest: " << store.status().message() << "\n";
    return kExitFailure;
  }
  if (inputs.empty()) {
    if (!quiet)
      std::cerr << "dragoman ingest: " << db_path << " is at schema version " << (*store)->schema_version()
                << "\n";
    return kExitOk;
  }

  PipelineOptions options;
  options.model_path = model;
  options.accurate_parse = parser == "accurate";
  options.dict_dir = dict_dir;
  options.verbs_file = verbs;
  options.gdelt_quad_classes = !cameo_quads;
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "dragoman ingest: " << pipeline.status().message() << "\n";
    return kExitFailure;
  }
  const std::string coder = CoderFingerprint(options);

  std::ofstream errors_file;
  if (!errors_path.empty()) {
    errors_file.open(errors_path);
    if (!errors_file) {
      std::cerr << "dragoman ingest: cannot write " << errors_path << "\n";
      return kExitFailure;
    }
  }

  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);

  ingest::ReadOptions read_options;
  read_options.default_date = date;
  read_options.include = include;
  read_options.exclude = exclude;
  read_options.format = input_format;
  read_options.english_only = !any_language;
  std::unique_ptr<ingest::RecordReader> reader = ingest::OpenInputs(inputs, read_options);

  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  Clock::time_point last_commit = start;
  size_t stored = 0, skipped = 0, failed = 0, events_total = 0, in_batch = 0;
  store::EventStore& db = **store;
  Status status;

  std::unordered_set<uint64_t> snapshot;
  if (!force) {
    Result<std::unordered_set<uint64_t>> keys = StoredSnapshot(db, coder);
    if (!keys.ok()) {
      std::cerr << "dragoman ingest: " << keys.status().message() << "\n";
      return kExitFailure;
    }
    snapshot = keys.take();
  }
  auto key_of = [](const Article& a, const std::string& hash) {
    return std::hash<std::string>()(a.id + '\0' + hash);
  };

  auto begin = [&] {
    if (!db.in_transaction()) {
      if (Status s = db.Begin(); !s.ok() && status.ok()) status = s;
    }
  };
  auto commit_if_due = [&](bool force_commit) {
    if (!db.in_transaction()) return;
    Clock::time_point now = Clock::now();
    // A batch ends after `batch` articles or two seconds, so a slow run still commits often.
    if (force_commit || in_batch >= batch || now - last_commit > std::chrono::seconds(2)) {
      if (Status s = db.Commit(); !s.ok() && status.ok()) status = s;
      in_batch = 0;
      last_commit = now;
    }
  };

  RunOptions run_options;
  run_options.threads = jobs;
  run_options.quiet = quiet;
  // The store's write lock is held only while articles are written: whenever the next article is
  // still being coded, the open transaction is committed, so another ingest can write meanwhile.
  run_options.on_idle = [&] { commit_if_due(true); };
  const Pipeline& coder_pipeline = **pipeline;
  // Workers skip articles the snapshot says are stored unchanged; the sink below decides.
  ProcessFunction process = [&](Article& article, std::vector<Event>* events, StageTimes* times) {
    if (!force && snapshot.count(key_of(article, store::ContentHash(article)))) return;
    coder_pipeline.Process(article, events, times);
  };
  RunSummary summary = RunParallel(*reader, process, run_options, [&](RunItem& item) {
    if (item.record.error) {
      std::cerr << output::ErrorToText(*item.record.error) << "\n";
      if (errors_file.is_open()) errors_file << output::ErrorToJson(*item.record.error) << "\n";
      begin();
      if (Status s = db.PutError(*item.record.error); !s.ok() && status.ok()) status = s;
      commit_if_due(false);
      return status.ok() && !g_stop;
    }
    Article& article = *item.record.article;
    std::string hash = store::ContentHash(article);
    bool coded = force || !snapshot.count(key_of(article, hash));
    if (!force) {
      // The store as it is now, in input order: an earlier record of this run may have replaced
      // this id since the snapshot.
      Result<bool> same = db.StoredArticleMatches(article.id, hash, coder);
      if (!same.ok()) {
        status = same.status();
        return false;
      }
      if (*same) {
        ++skipped;
        return !g_stop;
      }
    }
    if (!coded) {
      commit_if_due(true);  // no write lock while coding
      coder_pipeline.Process(article, &item.events);
    }
    begin();
    if (Status s = db.PutArticle(article, item.events, coder); !s.ok()) {
      ++failed;
      std::cerr << "dragoman ingest: " << s.message() << "\n";
    } else {
      ++stored;
      ++in_batch;
      events_total += item.events.size();
    }
    commit_if_due(false);
    return status.ok() && !g_stop;
  });
  commit_if_due(true);
  const size_t read = summary.read, rejected = summary.rejected;

  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!status.ok()) {
    std::cerr << "dragoman ingest: " << status.message() << "\n";
    return kExitFailure;
  }
  if (!quiet) {
    std::fprintf(
        stderr,
        "dragoman ingest: %zu records read, %zu articles stored, %zu unchanged (skipped), %zu not in English "
        "(skipped), %zu rejected, %zu failed; %zu events in %.1f s\n",
        read, stored, skipped, static_cast<size_t>(summary.skipped), rejected, failed, events_total, seconds);
    if (g_stop) std::fprintf(stderr, "dragoman ingest: interrupted; run the same command again to resume\n");
  }
  if (g_stop) return kExitFailure;
  return rejected > 0 || failed > 0 ? kExitFailure : kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("ingest", "code articles into an SQLite event store", RunIngest);

}  // namespace dragoman::cli
