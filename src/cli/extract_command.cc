// `dragoman extract`: what dragoman reads from web pages (and any other input): the title, the
// date and where it was found, the byline, the wire dateline, the language and the body text,
// after main-text extraction and before any parsing. For checking the extractor on real pages.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "ingest/language.h"
#include "ingest/reader.h"
#include "output/event_writer.h"
#include "text/segmenter.h"

namespace dragoman::cli {
namespace {

// Stands for "no date" in ingest's default_date; printed as no date.
constexpr std::string_view kNoDate = "unknown";

struct Extracted {
  std::string date, date_source, language, language_note, body;
};

Extracted Describe(const Article& article) {
  Extracted e;
  if (article.date != kNoDate) {
    e.date = article.date;
    e.date_source = article.date_source.empty() ? "record" : article.date_source;
  }
  std::optional<std::string> foreign = ingest::NonEnglishReason(article.language, article.text);
  e.language = foreign ? "not English" : "English";
  if (foreign) e.language_note = *foreign;
  // The body: everything after the title, less the dateline that the text stage takes off it.
  size_t begin = article.title_span.empty() ? 0 : article.title_span.end;
  if (!article.dateline.empty() && article.dateline.span.begin >= begin) {
    e.body = article.text.substr(begin, article.dateline.span.begin - begin) + article.text.substr(article.dateline.span.end);
  } else {
    e.body = article.text.substr(begin);
  }
  size_t first = e.body.find_first_not_of("\n ");
  e.body = first == std::string::npos ? "" : e.body.substr(first);
  return e;
}

void PrintText(const Article& a, const Extracted& e, std::ostream& out) {
  out << "# " << a.id << " (" << a.origin << ")\n";
  out << "title:\t" << a.title << "\n";
  out << "date:\t" << (e.date.empty() ? "none" : e.date + " (" + e.date_source + ")") << "\n";
  if (!a.author.empty()) out << "byline:\t" << a.author << "\n";
  if (!a.source.empty()) out << "site:\t" << a.source << "\n";
  if (!a.url.empty()) out << "url:\t" << a.url << "\n";
  if (!a.dateline.empty()) {
    out << "dateline:\t" << a.Slice(a.dateline.span);
    if (!a.dateline.place_display.empty()) out << "\tplace=" << a.dateline.place_display;
    if (!a.dateline.agency.empty()) out << "\tagency=" << a.dateline.agency;
    out << "\n";
  }
  out << "language:\t" << e.language << (a.language.empty() ? "" : " (declared " + a.language + ")")
      << (e.language_note.empty() ? "" : "; " + e.language_note) << "\n\n";
  out << e.body << "\n\n";
}

void PrintJson(const Article& a, const Extracted& e, std::ostream& out) {
  nlohmann::json j = {{"id", a.id},
                      {"origin", a.origin},
                      {"title", a.title},
                      {"date", e.date.empty() ? nlohmann::json() : nlohmann::json(e.date)},
                      {"date_source", e.date_source.empty() ? nlohmann::json() : nlohmann::json(e.date_source)},
                      {"byline", a.author},
                      {"site", a.source},
                      {"url", a.url},
                      {"declared_language", a.language},
                      {"english", e.language_note.empty()},
                      {"text", e.body}};
  if (!a.dateline.empty()) {
    j["dateline"] = {{"text", std::string(a.Slice(a.dateline.span))},
                     {"place", a.dateline.place_display},
                     {"agency", a.dateline.agency},
                     {"date", a.dateline.date}};
  } else {
    j["dateline"] = nullptr;
  }
  if (!e.language_note.empty()) j["language_note"] = e.language_note;
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

int RunExtract(int argc, char** argv) {
  CLI::App app("Print what dragoman extracts from pages: title, date and its source, byline, dateline, language, "
               "body text.",
               "extract");
  std::vector<std::string> inputs;
  std::string format = "text", input_format = "auto";
  bool strict = false;
  app.add_option("inputs", inputs, "pages (HTML, WARC, or any other input), folders, globs, or - for standard input")
      ->required();
  app.add_option("--format", format, "text or json (one object per page)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app.add_option("--input-format", input_format, "auto, text, jsonl, html or warc")->capture_default_str();
  app.add_flag("--strict", strict, "stop at the first bad record");
  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;

  ingest::ReadOptions read_options;
  read_options.format = input_format;
  read_options.default_date = std::string(kNoDate);  // a page without a date is shown, not rejected
  read_options.english_only = false;                // the language is shown, not judged here
  read_options.repair_utf8 = true;
  text::SegmentOptions segment_options;
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
    Article& article = *record.article;
    text::Segment(article, segment_options);  // finds the wire dateline
    Extracted e = Describe(article);
    if (format == "json") {
      PrintJson(article, e, std::cout);
    } else {
      PrintText(article, e, std::cout);
    }
  }
  std::cerr << "dragoman extract: " << read << " records read, " << rejected << " rejected\n";
  return rejected > 0 ? kExitFailure : kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("extract", "print the title, date, byline, dateline and body text read from pages", RunExtract);

}  // namespace dragoman::cli
