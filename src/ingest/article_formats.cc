#include "ingest/article_formats.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "ingest/date_parser.h"
#include "ingest/language.h"
#include "ingest/utf8.h"

namespace dragoman::ingest {
namespace {

constexpr size_t kMaxTitleBytes = 400;       // a longer first line is body text, not a headline
constexpr size_t kMaxHeaderLineBytes = 200;  // date/byline lines are short
constexpr int kHeaderLinesToSearch = 3;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// [begin, end) of s[from, to) without surrounding white space.
std::pair<size_t, size_t> TrimRange(std::string_view s, size_t from, size_t to) {
  while (from < to && IsSpace(s[from])) ++from;
  while (to > from && IsSpace(s[to - 1])) --to;
  return {from, to};
}

std::string Quote(std::string_view s, size_t max = 60) {
  std::string out = "\"";
  out += s.substr(0, max);
  if (s.size() > max) out += "...";
  out += "\"";
  return out;
}

std::string ByteHex(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

// The message for invalid UTF-8 at offset bad of s.
std::string Utf8Message(std::string_view s, size_t bad, bool by_line) {
  std::string m = "invalid UTF-8: byte " + ByteHex(static_cast<unsigned char>(s[bad])) + " at offset " +
                  std::to_string(bad);
  if (by_line) m += " (line " + std::to_string(LineOfOffset(s, bad)) + ")";
  return m + "; convert the input to UTF-8 or use --repair-utf8";
}

std::string JsonTypeName(const nlohmann::json& j) { return j.type_name(); }

// "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> from "parse error".
std::string JsonError(const nlohmann::json::exception& e) {
  std::string what = e.what();
  size_t close = what.find("] ");
  return close == std::string::npos ? what : what.substr(close + 2);
}

Record ParseJsonObject(const nlohmann::json& j, const std::string& origin, const std::string& default_id,
                       const ReadOptions& options);

}  // namespace

std::string RecordLocation(std::string_view name, uint64_t number) {
  return std::string(name) + "#" + std::to_string(number);
}

Record ErrorRecordOf(std::string origin, std::string message) {
  Record r;
  r.error = ErrorRecord{std::move(origin), std::move(message)};
  return r;
}

Record SkippedRecordOf(std::string origin, std::string reason) {
  Record r;
  r.error = ErrorRecord{std::move(origin), "skipped: " + std::move(reason), true};
  return r;
}

Record ArticleRecordOf(Article article, std::string_view declared_language, const ReadOptions& options) {
  Record r;
  if (options.english_only) {
    if (std::optional<std::string> why = NonEnglishReason(declared_language, article.text)) {
      r.error = ErrorRecord{article.origin, "skipped: " + *why + " (--any-language codes it anyway)", true};
      return r;
    }
  }
  r.article = std::move(article);
  return r;
}

std::string FileStem(const std::string& path) {
  if (path == "-") return "stdin";
  std::string name = std::filesystem::path(path).filename().string();
  for (const char* ext : {".gz", ".zst"}) {
    std::string_view e(ext);
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) {
      name.resize(name.size() - e.size());
    }
  }
  size_t dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

std::string ResolveDate(std::string_view own, bool has_own, const ReadOptions& options, std::string* error) {
  if (has_own) {
    if (auto iso = ParseNewsDate(own)) return *iso;
    if (!options.default_date.empty()) return options.default_date;
    *error = "unparseable date " + Quote(own) + "; use --date YYYY-MM-DD to give one";
    return "";
  }
  if (!options.default_date.empty()) return options.default_date;
  *error = "no date found; use --date YYYY-MM-DD to give one";
  return "";
}

Record ParseTextArticle(std::string content, const std::string& origin, const std::string& id,
                        const ReadOptions& options) {
  std::string_view view(content);
  std::string why = BinaryReason(view.substr(0, 8192));
  if (!why.empty()) return ErrorRecordOf(origin, why);
  if (size_t bad = FindInvalidUtf8(view); bad != std::string_view::npos) {
    if (!options.repair_utf8) return ErrorRecordOf(origin, Utf8Message(view, bad, true));
    content = RepairUtf8(content);
    view = content;
  }
  size_t start = view.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte-order mark is not the title
  if (TrimRange(view, start, view.size()).first == view.size()) {
    return ErrorRecordOf(origin, content.empty() ? "empty file" : "empty file (only white space)");
  }

  Article a;
  a.id = id;
  a.origin = origin;
  // Walk the lines: the first non-blank one is the title, the next few short ones may carry the date.
  size_t pos = start;
  bool have_title = false;
  int header_lines = 0;
  std::optional<std::string> date;
  while (pos < view.size()) {
    size_t nl = view.find('\n', pos);
    size_t end = nl == std::string_view::npos ? view.size() : nl;
    auto [b, e] = TrimRange(view, pos, end);
    pos = end + 1;
    if (b == e) continue;
    if (!have_title) {
      have_title = true;
      if (e - b <= kMaxTitleBytes) {
        a.title_span = Span{b, e};
        a.title = std::string(view.substr(b, e - b));
        continue;
      }
    }
    if (e - b > kMaxHeaderLineBytes || header_lines >= kHeaderLinesToSearch) break;
    ++header_lines;
    if ((date = FindNewsDate(view.substr(b, e - b)))) break;
  }
  std::string error;
  a.date = date ? *date : ResolveDate("", false, options, &error);
  if (a.date.empty()) return ErrorRecordOf(origin, error);
  a.text = std::move(content);
  return ArticleRecordOf(std::move(a), "", options);
}

Record ParseJsonLine(std::string_view line, const std::string& origin, const std::string& stem, size_t line_number,
                     const ReadOptions& options) {
  std::string repaired;
  if (size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos) {
    if (!options.repair_utf8) return ErrorRecordOf(origin, Utf8Message(line, bad, false));
    repaired = RepairUtf8(line);
    line = repaired;
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    return ErrorRecordOf(origin, "malformed JSON: " + JsonError(e));
  }
  return ParseJsonObject(j, origin, stem + ":" + std::to_string(line_number), options);
}

namespace {

// One article object of JSON Lines or a JSON document.
Record ParseJsonObject(const nlohmann::json& j, const std::string& origin, const std::string& default_id,
                       const ReadOptions& options) {
  if (!j.is_object()) return ErrorRecordOf(origin, "expected a JSON object, got " + JsonTypeName(j));

  // Reads a string field; numbers are accepted only where allow_number (ids are often numbers).
  auto string_field = [&](const char* name, std::string* out, std::string* error, bool allow_number = false) -> bool {
    auto it = j.find(name);
    if (it == j.end() || it->is_null()) return false;
    if (it->is_string()) {
      *out = it->get<std::string>();
      return true;
    }
    if (allow_number && (it->is_number_integer() || it->is_number_unsigned())) {
      *out = it->dump();
      return true;
    }
    *error = std::string("field \"") + name + "\" is " + JsonTypeName(*it) + ", expected a string";
    return false;
  };

  std::string error, text, title, date;
  bool has_text = string_field("text", &text, &error);
  if (!error.empty()) return ErrorRecordOf(origin, error);
  if (!has_text) {
    // Common exports name the body differently; accept the usual names before giving up.
    for (const char* alt : {"body", "content", "maintext"}) {
      if ((has_text = string_field(alt, &text, &error))) break;
      if (!error.empty()) return ErrorRecordOf(origin, error);
    }
  }
  if (!has_text) return ErrorRecordOf(origin, "missing \"text\" field");

  Article a;
  a.origin = origin;
  if (!string_field("id", &a.id, &error, true)) {
    if (!error.empty()) return ErrorRecordOf(origin, error);
    a.id = default_id;
  }
  string_field("title", &title, &error);
  string_field("source", &a.source, &error);
  string_field("url", &a.url, &error);
  if (!error.empty()) return ErrorRecordOf(origin, error);
  if (a.url.size() >= 2 && a.url.front() == '<' && a.url.back() == '>') a.url = a.url.substr(1, a.url.size() - 2);
  bool has_date = string_field("date", &date, &error);
  if (!error.empty()) return ErrorRecordOf(origin, error);
  std::string language;  // scrapers name it either way
  if (!string_field("language", &language, &error) && error.empty()) string_field("lang", &language, &error);
  if (!error.empty()) return ErrorRecordOf(origin, error);

  auto [tb, te] = TrimRange(title, 0, title.size());
  title = title.substr(tb, te - tb);
  auto [xb, xe] = TrimRange(text, 0, text.size());
  if (xb == xe && title.empty()) return ErrorRecordOf(origin, "empty \"text\" and no title");

  a.date = ResolveDate(date, has_date, options, &error);
  if (a.date.empty()) return ErrorRecordOf(origin, error);

  a.title = title;
  if (title.empty()) {
    a.text = std::move(text);
  } else if (std::string_view(text).substr(xb, title.size()) == title) {
    // The scraper already put the headline first: do not read it twice.
    a.text = std::move(text);
    a.title_span = Span{xb, xb + title.size()};
  } else {
    a.text.reserve(title.size() + 2 + text.size());
    a.text = title;
    a.text += "\n\n";
    a.text += text;
    a.title_span = Span{0, title.size()};
  }
  return ArticleRecordOf(std::move(a), language, options);
}

}  // namespace

std::vector<Record> ParseJsonDocument(std::string_view doc, const std::string& name, const std::string& stem,
                                      const ReadOptions& options) {
  std::vector<Record> records;
  std::string repaired;
  if (size_t bad = FindInvalidUtf8(doc); bad != std::string_view::npos) {
    if (!options.repair_utf8) {
      records.push_back(ErrorRecordOf(name, Utf8Message(doc, bad, true)));
      return records;
    }
    repaired = RepairUtf8(doc);
    doc = repaired;
  }
  // One or more JSON values, one after another: arrays of articles or article objects.
  std::istringstream in{std::string(doc)};
  size_t k = 0;
  for (;;) {
    in >> std::ws;
    if (in.peek() == std::char_traits<char>::eof()) break;
    nlohmann::json value;
    try {
      in >> value;
    } catch (const nlohmann::json::exception& e) {
      records.push_back(ErrorRecordOf(RecordLocation(name, k + 1), "malformed JSON: " + JsonError(e) +
                                                                               "; the rest of the file is skipped"));
      break;
    }
    if (value.is_array()) {
      for (const nlohmann::json& element : value) {
        std::string origin = RecordLocation(name, k + 1);
        records.push_back(ParseJsonObject(element, origin, stem + "[" + std::to_string(k) + "]", options));
        ++k;
      }
    } else {
      std::string origin = RecordLocation(name, k + 1);
      records.push_back(ParseJsonObject(value, origin, stem + "[" + std::to_string(k) + "]", options));
      ++k;
    }
  }
  if (records.empty()) records.push_back(ErrorRecordOf(name, "JSON document holds no articles"));
  return records;
}

bool LooksLikeJsonDocument(std::string_view head) {
  size_t i = head.find_first_not_of(" \t\r\n\f\v");
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = head.find_first_not_of(" \t\r\n\f\v", 3);
  if (i == std::string_view::npos) return false;
  if (head[i] == '[') return true;
  if (head[i] != '{') return false;
  // JSON Lines keep each object on one line; a first line that does not close it is a document.
  size_t nl = head.find('\n', i);
  std::string_view first = head.substr(i, nl == std::string_view::npos ? std::string_view::npos : nl - i);
  size_t last = first.find_last_not_of(" \t\r");
  return nl != std::string_view::npos && (last == std::string_view::npos || first[last] != '}');
}

}  // namespace dragoman::ingest

namespace dragoman::ingest {

std::string DetectFormat(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  if (head.substr(0, 5) == "WARC/") return "warc";
  size_t i = 0;
  while (i < head.size() && IsSpace(head[i])) ++i;
  if (i < head.size() && head[i] == '{') return "jsonl";
  if (i < head.size() && head[i] == '[') {
    // A JSON array of articles, not a title such as "[Updated] Talks resume".
    size_t j = i + 1;
    while (j < head.size() && IsSpace(head[j])) ++j;
    if (j < head.size() && (head[j] == '{' || head[j] == ']')) return "jsonl";
  }
  if (i < head.size() && head[i] == '<') return "html";
  return "text";
}

}  // namespace dragoman::ingest
