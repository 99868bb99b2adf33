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
#include "load/store_loader.h"
#include "pipeline/coder_fingerprint.h"
#include "pipeline/parallel_runner.h"
#include "store/event_store.h"

namespace dragoman::cli {
namespace {

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

int RunIngest(int argc, char** argv) {
  CLI::App app("Code articles and store them with their events in an event store (SQLite or PostgreSQL).", "ingest");
  std::vector<std::string> inputs;
  std::string db_path, date, model, dict_dir, verbs, input_format = "auto";
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  size_t batch = 200;
  bool force = false, quiet = false, cameo_quads = false;
  app.add_option("inputs", inputs,
                 "article files, folders, globs, or - for standard input (none: only create or "
                 "upgrade the store)");
  app.add_option("--db", db_path,
                 "the event store: an SQLite file or a postgresql:// URL, created when absent (default: $DRAGOMAN_DB)")
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

  LoadOptions load;
  load.coder = coder;
  load.threads = jobs;
  load.batch = batch;
  load.force = force;
  load.quiet = quiet;
  load.stop = &g_stop;
  load.on_error = [&](const ErrorRecord& error) {
    std::cerr << output::ErrorToText(error) << "\n";
    if (errors_file.is_open()) errors_file << output::ErrorToJson(error) << "\n";
  };
  load.on_failure = [](const std::string& message) { std::cerr << "dragoman ingest: " << message << "\n"; };
  const LoadSummary summary = LoadIntoStore(*reader, **pipeline, **store, load);
  const Status& status = summary.status;
  const size_t read = summary.read, stored = summary.stored, skipped = summary.unchanged,
               rejected = summary.rejected, failed = summary.failed, events_total = summary.events;
  const double seconds = summary.seconds;
  if (!status.ok()) {
    std::cerr << "dragoman ingest: " << status.message() << "\n";
    return kExitFailure;
  }
  if (!quiet) {
    std::fprintf(
        stderr,
        "dragoman ingest: %zu records read, %zu articles stored, %zu unchanged (skipped), %zu skipped (not "
        "articles, or not in English), %zu rejected, %zu failed; %zu events in %.1f s\n",
        read, stored, skipped, summary.skipped, rejected, failed, events_total, seconds);
    if (g_stop) std::fprintf(stderr, "dragoman ingest: interrupted; run the same command again to resume\n");
  }
  if (g_stop) return kExitFailure;
  return rejected > 0 || failed > 0 ? kExitFailure : kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("ingest", "code articles into an event store (SQLite or PostgreSQL)", RunIngest);

}  // namespace dragoman::cli
