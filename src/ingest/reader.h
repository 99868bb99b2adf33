// Ingest: input files and streams in, Articles (or ErrorRecords) out, one record at a time.
//
//   ingest::ReadOptions options; options.default_date = "2022-05-20";
//   auto reader = ingest::OpenInputs({"a.txt", "feed.jsonl", "-"}, options);
//   ingest::Record record;
//   while (reader->Next(&record)) { if (record.article) Use(*record.article); else Log(*record.error); }
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dragoman/document.h"

namespace dragoman::ingest {

struct PendingPage;

// Exactly one of article and error is set, except with ReadOptions::defer_html, where an HTML page
// may come back with only `pending` set: call ResolvePending (on any thread) to extract it.
struct Record {
  std::optional<Article> article;
  std::optional<ErrorRecord> error;
  std::shared_ptr<PendingPage> pending;  // an HTML page not yet extracted (defer_html only)
};

struct ReadOptions {
  std::string default_date;                // ISO date used when a record has none ("" = none)
  std::string format = "auto";             // auto|text|jsonl|json|html|warc
  // Larger records (a text file, a JSON line, a WARC record) become error records without being
  // held in memory; never a crash. No news article comes near it; a 50 MB line is rejected.
  size_t max_record_bytes = 16u << 20;
  // Text and JSON Lines input with invalid UTF-8 is an error record naming the first bad byte
  // (false), or is repaired with U+FFFD and read on (true). HTML pages are always repaired: web
  // pages often carry a stray byte, and the page's declared charset (windows-1252, iso-8859-1) is
  // converted first.
  bool repair_utf8 = false;
  // Leave HTML main-text extraction (the slow part of reading web pages: about 1 ms per 13 KB
  // page) to whoever resolves the record, so that parallel workers do it instead of the single
  // reading thread. The parallel runner resolves pending records in its workers.
  bool defer_html = false;
  // Articles not in English (declared, or judged from the text: language.h) become skipped
  // records instead of articles; false codes every article whatever its language.
  bool english_only = true;
  // Files of a folder input: those matching an include glob (on the path below the folder or the
  // file name: "*.md", "2022/*") are taken whatever they look like, and then only those; those
  // matching an exclude glob are left out.
  std::vector<std::string> include, exclude;
};

// How far the reader has got, for progress lines: raw bytes read of all inputs, and their total
// size where it is known (0 when an input is standard input or a pipe).
struct ReadProgress {
  uint64_t bytes_done = 0;
  uint64_t bytes_total = 0;
};

// Reads records from files, folders, globs and "-" (standard input), in the order given.
//
// Inputs: a file; a folder (every input file below it, recursively, in sorted path order: files
// named .txt, .jsonl, .json, .html, .warc (gzipped or not), or whose first bytes are WARC, JSON,
// HTML or gzip; hidden files, web assets and other files such as README.md and LICENSE are passed
// over, said in one skipped record per folder; ReadOptions::include/exclude choose otherwise); a
// glob ("news/*.warc.gz", sorted); "-".
// Each input's format is detected from its content (gzip is inflated first): "WARC/" -> warc, "{"
// -> JSON Lines, "<" -> HTML, otherwise a plain-text article. ReadOptions::format overrides.
//   text:  one article per file: first line the title, then an optional date/byline line within
//          the first short lines (see date_parser.h), then the body. Article::text is the file.
//   jsonl: one article per line {"id","date","source","url","title","text"}; text = title + "\n\n"
//          + text (or text alone when it already starts with the title). Blank lines are skipped.
//   json:  a JSON document: an array of such objects, or objects over several lines (detected
//          from a leading "[" or a first object that does not close on its first line).
//   html:  one page per file, main text extracted (html_extractor.h).
//   warc:  every response record with an HTML payload (warc_reader.h).
// Every input record ends as exactly one Article or ErrorRecord; errors name the input and the
// line or record and say what was wrong, and reading goes on with the next record.
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Fills *record with the next record; false at the end of all inputs.
  virtual bool Next(Record* record) = 0;
  // Bytes read so far and in all (see ReadProgress). Called from the thread that calls Next.
  virtual ReadProgress Progress() const { return {}; }
};

// Turns a record whose `pending` is set into its article or error record (extracting the HTML
// page); does nothing to other records. Thread-safe: each record is independent.
void ResolvePending(Record* record);

std::unique_ptr<RecordReader> OpenInputs(const std::vector<std::string>& inputs, const ReadOptions& options);

}  // namespace dragoman::ingest
