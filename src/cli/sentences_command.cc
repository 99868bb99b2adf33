// `dragoman sentences`: shows the repaired sentences and tokens of articles, for debugging the
// text stage (what the later stages will see).
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "ingest/reader.h"
#include "output/event_writer.h"
#include "text/boilerplate.h"
#include "text/segmenter.h"

namespace dragoman::cli {
namespace {

// Stands for "no date" in ingest's default_date; never printed.
constexpr std::string_view kNoDate = "unknown";

void PrintText(const Article& article, std::ostream& out) {
  bool dated = !article.date.empty() && article.date != kNoDate;
  out << "# article " << article.id << " (" << article.origin << ")"
      << (dated ? " date " + article.date : std::string()) << ", " << article.sentences.size()
      << " sentences\n";
  // The wire dateline the text stage took off the body ("BAGHDAD, Iraq (Reuters) -").
  const Dateline& d = article.dateline;
  if (!d.empty()) {
    out << "# dateline\t" << d.span.begin << "-" << d.span.end << "\t" << article.Slice(d.span);
    if (!d.place_display.empty()) out << "\tplace=" << d.place_display;
    if (!d.date.empty()) out << "\tdate=" << d.date;
    if (!d.agency.empty()) out << "\tagency=" << d.agency;
    out << "\n";
  }
  for (size_t i = 0; i < article.sentences.size(); ++i) {
    const Sentence& s = article.sentences[i];
    out << i << "\t" << s.span.begin << "-" << s.span.end << (s.is_title ? "\ttitle" : "") << "\t"
        << article.Slice(s.span) << "\n";
    for (const Token& t : s.tokens) {
      out << "\t" << t.form << "\t" << t.span.begin << "-" << t.span.end;
      if (!t.space_after) out << "\tSpaceAfter=No";
      // Show the original bytes where normalization changed them (curly quotes, mojibake, ...).
      std::string_view original = article.Slice(t.span);
      if (original != t.form) out << "\toriginal=" << original;
      out << "\n";
    }
  }
}

void PrintJson(const Article& article, std::ostream& out) {
  for (size_t i = 0; i < article.sentences.size(); ++i) {
    const Sentence& s = article.sentences[i];
    nlohmann::json tokens = nlohmann::json::array();
    for (const Token& t : s.tokens) {
      tokens.push_back(
          {{"form", t.form}, {"begin", t.span.begin}, {"end", t.span.end}, {"space_after", t.space_after}});
    }
    nlohmann::json line = {{"article", article.id},      {"sentence", i},
                           {"begin", s.span.begin},      {"end", s.span.end},
                           {"title", s.is_title},        {"text", std::string(article.Slice(s.span))},
                           {"tokens", std::move(tokens)}};
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
}

int RunSentences(int argc, char** argv) {
  CLI::App app("Print the repaired sentences and tokens of articles (for debugging).", "sentences");
  std::vector<std::string> inputs;
  std::string input_format = "auto", boilerplate_path, date;
  bool json = false, keep_boilerplate = false, wrapped = false, strict = false, repair_utf8 = false;
  app.add_option("inputs", inputs, "article files, folders, globs, or - for standard input")->required();
  app.add_flag("--json", json, "one JSON object per sentence (JSON Lines)");
  app.add_option("--input-format", input_format, "auto, text, jsonl, html or warc")->capture_default_str();
  app.add_option("--boilerplate", boilerplate_path, "boilerplate rule file instead of the built-in one");
  app.add_flag("--keep-boilerplate", keep_boilerplate, "keep boilerplate lines and datelines");
  app.add_flag("--wrapped", wrapped, "text is wrapped: only blank lines, not line breaks, end sentences");
  app.add_option("--date", date,
                 "date (YYYY-MM-DD) for articles that carry none (default: none needed here)")->check(CalendarDate());
  app.add_flag("--repair-utf8", repair_utf8,
               "replace invalid UTF-8 with U+FFFD instead of rejecting the record");
  app.add_flag("--strict", strict, "stop at the first bad record");
  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;

  text::SegmentOptions options;
  std::unique_ptr<text::Boilerplate> rules;
  if (!boilerplate_path.empty()) {
    std::ifstream in(boilerplate_path, std::ios::binary);
    if (!in) {
      std::cerr << "dragoman sentences: cannot read " << boilerplate_path << "\n";
      return kExitFailure;
    }
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Result<text::Boilerplate> parsed = text::Boilerplate::Parse(content, boilerplate_path);
    if (!parsed.ok()) {
      std::cerr << "dragoman sentences: " << parsed.status().message() << "\n";
      return kExitFailure;
    }
    rules = std::make_unique<text::Boilerplate>(parsed.take());
    options.boilerplate = rules.get();
  }
  options.drop_boilerplate = !keep_boilerplate;
  options.drop_datelines = !keep_boilerplate;
  options.line_breaks_end_sentences = !wrapped;

  ingest::ReadOptions read_options;
  read_options.format = input_format;
  // Sentences need no date: an article without one is shown, not rejected.
  read_options.default_date = date.empty() ? std::string(kNoDate) : date;
  read_options.repair_utf8 = repair_utf8;
  read_options.english_only = false;  // a look at the text stage, whatever the language
  std::unique_ptr<ingest::RecordReader> reader = ingest::OpenInputs(inputs, read_options);
  ingest::Record record;
  size_t read = 0, rejected = 0;
  while (reader->Next(&record)) {
    ++read;
    if (record.error) {
      ++rejected;
      std::cerr << output::ErrorToText(*record.error) << "\n";
      if (strict) return kExitFailure;
      continue;
    }
    text::Segment(*record.article, options);
    if (json) {
      PrintJson(*record.article, std::cout);
    } else {
      PrintText(*record.article, std::cout);
    }
  }
  std::cerr << "dragoman sentences: " << read << " records read, " << rejected << " rejected\n";
  return rejected > 0 && read == rejected ? kExitFailure : kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("sentences", "print the repaired sentences and tokens of articles", RunSentences);

}  // namespace dragoman::cli
