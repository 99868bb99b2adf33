// `dragoman code`: articles in, coded events out (JSON Lines, TSV or a table).
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "dragoman/pipeline.h"
#include "ingest/reader.h"
#include "output/event_writer.h"
#include "pipeline/parallel_runner.h"

namespace dragoman::cli {
namespace {

int RunCode(int argc, char** argv) {
  CLI::App app("Code news articles into CAMEO/PLOVER events.", "code");
  std::vector<std::string> inputs;
  std::string format = "jsonl", date, model, dict_dir, verbs, errors_path, input_format = "auto";
  bool strict = false, quiet = false, cameo_quads = false;
  int jobs = 0;
  bool repair_utf8 = false, any_language = false;
  app.add_option("inputs", inputs, "article files, folders, globs, or - for standard input")->required();
  app.add_option("--format", format, "output format: jsonl, json, csv, tsv, table, gdelt, gdelt-mentions or plover")->capture_default_str();
  app.add_option("--date", date, "date (YYYY-MM-DD) for articles that carry none")->check(CalendarDate());
  app.add_option("--input-format,--format-in", input_format, "auto, text, jsonl, json, html or warc")->capture_default_str();
  app.add_option("-j,--jobs", jobs, "worker threads (default: all cores); output order never changes")
      ->check(CLI::Range(1, kMaxJobs));
  app.add_flag("--repair-utf8", repair_utf8, "replace invalid UTF-8 in text and JSON input with U+FFFD instead of rejecting the record");
  app.add_flag("--any-language", any_language, "code articles in any language (default: skip those not in English)");
  app.add_option("--model", model, "syntax model file (default: built in)")->check(RegularFile(kMaxModelBytes, "none"));
  std::string parser = "fast";
  AddParserOption(app, &parser);
  std::vector<std::string> include, exclude;
  app.add_option("--include", include, "in folders, take the files matching this glob (\"*.md\", \"2022/*\"), and only those; repeatable");
  app.add_option("--exclude", exclude, "in folders, leave out the files matching this glob; repeatable");
  app.add_option("--dict", dict_dir, "folder of dictionaries, dragoman's format or PETRARCH's (default: the built-in ones)");
  app.add_option("--verbs", verbs, "with --dict: verb dictionary file name in that folder");
  app.add_option("--errors", errors_path, "also write error records as JSON Lines to this file");
  app.add_flag("--cameo-quads", cameo_quads, "quad classes 09->3, 14->4 instead of GDELT's 09->2, 14->3");
  app.add_flag("--strict", strict, "stop at the first bad record or dictionary line");
  app.add_flag("-q,--quiet", quiet, "no progress line on standard error (the final summary is always printed)");
  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;

  Result<output::OutputFormat> out_format = output::ParseOutputFormat(format);
  if (!out_format.ok()) {
    std::cerr << "dragoman code: " << out_format.status().message() << "\n";
    return kExitUsage;
  }
  PipelineOptions options;
  options.model_path = model;
  options.accurate_parse = parser == "accurate";
  options.dict_dir = dict_dir;
  options.verbs_file = verbs;
  options.strict = strict;
  options.gdelt_quad_classes = !cameo_quads;
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "dragoman code: " << pipeline.status().message() << "\n";
    return kExitFailure;
  }
  std::ofstream errors_file;
  if (!errors_path.empty()) {
    errors_file.open(errors_path);
    if (!errors_file) {
      std::cerr << "dragoman code: cannot write " << errors_path << "\n";
      return kExitFailure;
    }
  }

  ingest::ReadOptions read_options;
  read_options.default_date = date;
  read_options.include = include;
  read_options.exclude = exclude;
  read_options.format = input_format;
  read_options.repair_utf8 = repair_utf8;
  read_options.english_only = !any_language;
  read_options.defer_html = true;  // the runner's workers extract HTML pages, not the reading thread
  std::unique_ptr<ingest::RecordReader> reader = ingest::OpenInputs(inputs, read_options);
  output::EventWriter writer(std::cout, *out_format);
  // Workers code articles in parallel; the sink sees them in input order, so the output is the
  // same for any -j (see src/pipeline/parallel_runner.h).
  RunOptions run_options;
  run_options.threads = jobs;
  run_options.quiet = quiet;
  const bool progress_on_terminal = !quiet && ::isatty(STDERR_FILENO) == 1;
  RunSummary summary = RunPipeline(*reader, **pipeline, run_options, [&](RunItem& item) {
    if (item.record.error) {
      if (progress_on_terminal) std::cerr << "\r\033[K";  // clear the progress line first
      std::cerr << output::ErrorToText(*item.record.error) << "\n";
      if (errors_file.is_open()) errors_file << output::ErrorToJson(*item.record.error) << "\n";
      return !strict || item.record.error->skipped;
    }
    writer.Write(*item.record.article, item.events);
    return true;
  });
  writer.Finish();
  std::cerr << "dragoman code: " << summary.read << " records read, " << summary.coded << " coded, "
            << summary.rejected << " rejected, " << summary.skipped << " skipped; " << summary.sentences << " sentences, " << summary.events
            << " events";
  char rate[96];
  std::snprintf(rate, sizeof rate, " in %.2f s (%.0f sentences/s, %d thread%s)\n", summary.seconds,
                summary.seconds > 0 ? summary.sentences / summary.seconds : 0.0, summary.threads,
                summary.threads == 1 ? "" : "s");
  std::cerr << rate;
  if (summary.crawl_dated > 0) {
    std::cerr << "dragoman code: " << summary.crawl_dated
              << " articles dated only by their crawl (the WARC date): their pages show no date of their own\n";
  }
  if (strict && summary.stopped) return kExitFailure;
  const size_t rejected = summary.rejected;
  // A run that rejected records says so in its exit status, after coding everything it could.
  return rejected > 0 ? kExitFailure : kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("code", "code articles into CAMEO/PLOVER events", RunCode);

}  // namespace dragoman::cli
