// One record of each simple input format to an Article or an ErrorRecord (used by OpenInputs).
//
//   Record r = ingest::ParseTextArticle(file_bytes, "a.txt", "a", options);
//   Record j = ingest::ParseJsonLine(R"({"title":"T","text":"B","date":"2022-05-20"})", "f.jsonl#3", "f", 3, options);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/reader.h"

namespace dragoman::ingest {

// A plain-text article file: the first non-empty line is the title; the date comes from the first
// short lines after it (the date/byline line: "2022-05-20 0 By", "By Jane Doe | 20 May 2022"),
// else options.default_date, else the record is an error. Article::text is the content verbatim.
Record ParseTextArticle(std::string content, const std::string& origin, const std::string& id,
                        const ReadOptions& options);

// One JSON Lines record {"id","date","source","url","title","text"}. origin is RecordLocation(file,
// LINE); the id defaults to "<stem>:<line>".
Record ParseJsonLine(std::string_view line, const std::string& origin, const std::string& stem, size_t line_number,
                     const ReadOptions& options);

// A JSON document (a .json export): an array of article objects, or one or more objects written
// over several lines. One record per object; origins are RecordLocation(file, K),
// K counting from 1 (ids without their own: "<stem>[K-1]"). A
// syntax error ends the file with one error record.
std::vector<Record> ParseJsonDocument(std::string_view doc, const std::string& name, const std::string& stem,
                                      const ReadOptions& options);

// True when input that starts with these bytes is a JSON document rather than JSON Lines: it
// opens with "[", or its first object does not close on its first line.
bool LooksLikeJsonDocument(std::string_view head);

// The date for a record: its own date string parsed, else the default. Returns "" and sets *error
// when neither gives one.
std::string ResolveDate(std::string_view own, bool has_own, const ReadOptions& options, std::string* error);

// "dir/000_abc.txt" -> "000_abc"; "feed.jsonl.gz" -> "feed"; "-" -> "stdin".
std::string FileStem(const std::string& path);

// Where record `number` (from 1) of input `name` is, in the one form every reader and message uses:
// "feed.jsonl#4" (the record on line 4 of a JSON Lines file), "export.json#4" (the fourth article
// of a JSON document), "crawl.warc.gz#4" (the fourth WARC record).
std::string RecordLocation(std::string_view name, uint64_t number);

// An ErrorRecord as a Record.
Record ErrorRecordOf(std::string origin, std::string message);
// A record left out on purpose (not an article: an image, a redirect), with the reason; counted as
// skipped, not as an error. The message reads "skipped: <reason>".
Record SkippedRecordOf(std::string origin, std::string reason);

// The article record itself, or, with ReadOptions::english_only and an article that is not in
// English, a skipped record saying why. declared_language: what the input says ("" = nothing).
Record ArticleRecordOf(Article article, std::string_view declared_language, const ReadOptions& options);

}  // namespace dragoman::ingest

namespace dragoman::ingest {

// The format of an input from its first bytes (after gzip inflation): "warc" for "WARC/", "jsonl"
// when the first non-blank byte is "{" or "[{" (JSON documents are told apart later, see
// LooksLikeJsonDocument), "html" when it is "<", otherwise "text".
std::string DetectFormat(std::string_view head);

}  // namespace dragoman::ingest
