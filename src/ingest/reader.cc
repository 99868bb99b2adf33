// OpenInputs: input discovery (files, folders, globs, "-"), format detection, and one reader per
// input format, chained in input order.
#include "ingest/reader.h"

#include <fnmatch.h>
#include <glob.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "ingest/article_formats.h"
#include "ingest/byte_stream.h"
#include "ingest/html_extractor.h"
#include "ingest/utf8.h"
#include "ingest/warc_reader.h"

namespace dragoman::ingest {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSniffBytes = 64 << 10;
constexpr size_t kKeepLineCapacity = 1 << 20;

struct InputEntry {
  std::string path;
  std::string error;       // set: this entry is an error record, not a file to read
  bool skipped = false;    // with error: a skipped record (files passed over), not an error
  uint64_t size = 0;
  bool size_known = false;
};

bool IsGlob(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

// Files in a folder that are never articles: page assets saved next to the pages.
bool IsAssetFile(const fs::path& p) {
  static const std::array<std::string_view, 24> kAssets = {
      ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".bmp", ".css", ".js", ".mjs", ".map",
      ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".webm", ".pdf", ".zip", ".exe", ".so"};
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(kAssets.begin(), kAssets.end(), ext) != kAssets.end();
}

void AddFile(const std::string& path, std::vector<InputEntry>* out) {
  InputEntry e;
  e.path = path;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
    e.size = static_cast<uint64_t>(st.st_size);
    e.size_known = true;
  }
  out->push_back(std::move(e));
}

bool MatchesAny(const std::vector<std::string>& patterns, const std::string& relative, const std::string& name) {
  for (const std::string& p : patterns) {
    if (::fnmatch(p.c_str(), relative.c_str(), 0) == 0 || ::fnmatch(p.c_str(), name.c_str(), 0) == 0) return true;
  }
  return false;
}

// Whether a file found in a folder is an input: a name that says so (.txt, .jsonl, .json, .html,
// .warc, and those gzipped), else its first bytes (WARC, JSON, HTML, gzip). README.md, LICENSE
// and scripts are passed over.
bool LooksLikeInput(const fs::path& p) {
  std::string name = p.filename().string();
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  if (name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0) name.resize(name.size() - 3);
  static const std::array<std::string_view, 10> kInputs = {".txt", ".text", ".jsonl", ".ndjson", ".json",
                                                           ".html", ".htm", ".xhtml", ".warc", ".xml"};
  std::string ext = fs::path(name).extension().string();
  if (std::find(kInputs.begin(), kInputs.end(), ext) != kInputs.end()) return true;
  char head[64];
  std::ifstream in(p, std::ios::binary);
  in.read(head, sizeof head);
  std::string_view bytes(head, static_cast<size_t>(in.gcount()));
  if (bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b') return true;
  std::string format = DetectFormat(bytes);
  return format != "text";
}

void AddFolder(const std::string& dir, const ReadOptions& options, std::vector<InputEntry>* out) {
  std::vector<std::string> files, passed_over;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    out->push_back({dir, "cannot read folder: " + ec.message()});
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      out->push_back({dir, "cannot read folder: " + ec.message()});
      return;
    }
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    std::string relative = fs::relative(p, dir, ec).string();
    if (MatchesAny(options.exclude, relative, name)) continue;
    bool included = MatchesAny(options.include, relative, name);
    if (!options.include.empty() && !included) continue;
    if (included || (!IsAssetFile(p) && LooksLikeInput(p))) {
      files.push_back(p.string());
    } else if (!IsAssetFile(p)) {
      passed_over.push_back(relative);
    }
  }
  std::sort(files.begin(), files.end());
  std::sort(passed_over.begin(), passed_over.end());
  if (!passed_over.empty()) {
    std::string names;
    for (size_t i = 0; i < passed_over.size() && i < 5; ++i) names += (i ? ", " : "") + passed_over[i];
    if (passed_over.size() > 5) names += " ...";
    InputEntry e{dir, "skipped: " + std::to_string(passed_over.size()) + " file" +
                          (passed_over.size() == 1 ? "" : "s") + " in this folder " +
                          (passed_over.size() == 1 ? "is" : "are") + " not articles by name or content (" + names +
                          "); name them, or use --include PATTERN"};
    e.skipped = true;
    out->push_back(std::move(e));
  }
  if (files.empty()) {
    if (passed_over.empty()) out->push_back({dir, "folder holds no input files"});
    return;
  }
  for (const std::string& f : files) AddFile(f, out);
}

std::vector<InputEntry> ExpandInputs(const std::vector<std::string>& inputs, const ReadOptions& options) {
  std::vector<InputEntry> out;
  for (const std::string& input : inputs) {
    if (input == "-") {
      out.push_back({"-", ""});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (fs::is_directory(st)) {
      AddFolder(input, options, &out);
    } else if (fs::exists(st)) {
      AddFile(input, &out);
    } else if (IsGlob(input)) {
      glob_t g{};
      int rc = ::glob(input.c_str(), 0, nullptr, &g);
      if (rc != 0 || g.gl_pathc == 0) {
        out.push_back({input, "no file matches this pattern"});
      } else {
        for (size_t i = 0; i < g.gl_pathc; ++i) {  // glob(3) sorts its matches
          std::string match = g.gl_pathv[i];
          if (fs::is_directory(match, ec)) {
            AddFolder(match, options, &out);
          } else {
            AddFile(match, &out);
          }
        }
      }
      ::globfree(&g);
    } else {
      out.push_back({input, "no such file or folder"});
    }
  }
  return out;
}

// Reads the records of one opened input.
class InputReader {
 public:
  virtual ~InputReader() = default;
  virtual bool Next(Record* record) = 0;
};

// A whole-file format: exactly one record.
class OneRecordReader : public InputReader {
 public:
  explicit OneRecordReader(Record record) : record_(std::move(record)) {}
  bool Next(Record* record) override {
    if (done_) return false;
    done_ = true;
    *record = std::move(record_);
    return true;
  }

 private:
  Record record_;
  bool done_ = false;
};

// Records parsed up front (a JSON document).
class ManyRecordsReader : public InputReader {
 public:
  explicit ManyRecordsReader(std::vector<Record> records) : records_(std::move(records)) {}
  bool Next(Record* record) override {
    if (next_ >= records_.size()) return false;
    *record = std::move(records_[next_++]);
    return true;
  }

 private:
  std::vector<Record> records_;
  size_t next_ = 0;
};

class JsonLinesReader : public InputReader {
 public:
  JsonLinesReader(ByteStream* stream, std::string name, const ReadOptions& options)
      : stream_(stream), name_(std::move(name)), stem_(FileStem(name_)), options_(options) {}

  bool Next(Record* record) override {
    for (;;) {
      if (done_) return false;
      uint64_t skipped = 0;
      LineStatus st = stream_->ReadLine(&line_, options_.max_record_bytes, &skipped);
      if (std::string damage = stream_->damage();
          !damage.empty() && (st == LineStatus::kEnd || stream_->line_cut())) {
        // A corrupt gzip member: the lines in it are lost; reading goes on at the next member.
        stream_->ResumeAfterDamage();
        *record = ErrorRecordOf(RecordLocation(name_, ++line_number_),
                                damage + "; lines may be lost, reading resumed at the next gzip member");
        return true;
      }
      if (st == LineStatus::kEnd) {
        done_ = true;
        if (!stream_->error().empty()) {
          *record = ErrorRecordOf(RecordLocation(name_, line_number_ + 1), stream_->error());
          return true;
        }
        return false;
      }
      ++line_number_;
      std::string origin = RecordLocation(name_, line_number_);
      if (st == LineStatus::kTooLong) {
        *record = ErrorRecordOf(origin, "line is " + std::to_string(skipped) + " bytes, over the record limit of " +
                                            std::to_string(options_.max_record_bytes) + " bytes; skipped");
        return true;
      }
      if (!line_.empty() && line_.back() == '\r') line_.pop_back();
      if (line_.find_first_not_of(" \t\f\v") == std::string::npos) continue;  // blank lines are no records
      *record = ParseJsonLine(line_, origin, stem_, line_number_, options_);
      if (line_.capacity() > kKeepLineCapacity) std::string().swap(line_);  // a huge line's buffer is not kept
      return true;
    }
  }

 private:
  ByteStream* stream_;
  std::string name_, stem_;
  const ReadOptions& options_;
  std::string line_;
  size_t line_number_ = 0;
  bool done_ = false;
};

class WarcInputReader : public InputReader {
 public:
  WarcInputReader(ByteStream* stream, const std::string& name, const ReadOptions& options)
      : warc_(stream, name, options) {}
  bool Next(Record* record) override { return warc_.Next(record); }

 private:
  WarcReader warc_;
};

// Reads a whole-file input, or says why it cannot be used.
Record ReadWholeFile(ByteStream* stream, const std::string& name, const ReadOptions& options, std::string* content) {
  if (!stream->ReadAll(options.max_record_bytes, content)) {
    return ErrorRecordOf(name, "file is over the record limit of " + std::to_string(options.max_record_bytes) +
                                   " bytes; skipped (not read further)");
  }
  if (!stream->error().empty()) return ErrorRecordOf(name, stream->error());
  return Record{};
}

class MultiReader : public RecordReader {
 public:
  MultiReader(std::vector<InputEntry> entries, const ReadOptions& options)
      : entries_(std::move(entries)), options_(options) {
    all_sizes_known_ = std::all_of(entries_.begin(), entries_.end(),
                                   [](const InputEntry& e) { return e.size_known || !e.error.empty(); });
    for (const InputEntry& e : entries_) total_bytes_ += e.size;
  }

  bool Next(Record* record) override {
    for (;;) {
      if (current_) {
        *record = Record{};
        if (current_->Next(record)) return true;
        Close();
      }
      if (next_ >= entries_.size()) return false;
      const InputEntry& entry = entries_[next_++];
      if (!entry.error.empty()) {
        *record = ErrorRecordOf(entry.path, entry.error);
        record->error->skipped = entry.skipped;
        return true;
      }
      current_size_ = entry.size;
      if (Record r = Open(entry.path); r.article || r.error || r.pending) {
        Close();
        *record = std::move(r);
        return true;
      }
    }
  }

  ReadProgress Progress() const override {
    ReadProgress p;
    p.bytes_done = done_bytes_ + (stream_ ? stream_->raw_bytes() : 0);
    p.bytes_total = all_sizes_known_ ? total_bytes_ : 0;
    return p;
  }

 private:
  void Close() {
    current_.reset();
    stream_.reset();
    done_bytes_ += current_size_;
    current_size_ = 0;
  }

  // Opens an input and sets current_; returns a record when the input gives exactly one (a whole
  // file article or an error), an empty Record when current_ will deliver the records.
  Record Open(const std::string& path) {
    std::string name = path == "-" ? "stdin" : path;
    auto opened = ByteStream::Open(path);
    if (!opened.ok()) return ErrorRecordOf(name, opened.status().message().substr(path.size() + 2));
    stream_ = opened.take();
    std::string_view head = stream_->Peek(kSniffBytes);
    if (head.empty()) {
      if (!stream_->error().empty()) return ErrorRecordOf(name, stream_->error());
      return ErrorRecordOf(name, "empty file");
    }
    std::string format = options_.format;
    if (head.substr(0, 11) == "filedesc://") {
      return ErrorRecordOf(name, "an ARC file (the web archive format before WARC) is not read; convert it to WARC "
                                 "first (for example with warcio or jwattools)");
    }
    if (const char* utf16 = DetectUtf16(head); utf16 && (format == "auto" || format == "html" || format == "text")) {
      // A UTF-16 page or text file: read it whole, then as its UTF-8 conversion.
      std::string content;
      Record r = ReadWholeFile(stream_.get(), name, options_, &content);
      if (r.error) return r;
      std::string utf8 = Utf16ToUtf8(content, utf16);
      if (format == "auto") format = DetectFormat(utf8.substr(0, kSniffBytes));
      if (format == "html") return HtmlRecordOrPending(std::move(utf8), "utf-8", name, FileStem(path), "", "", options_);
      if (format == "text") return ParseTextArticle(std::move(utf8), name, FileStem(path), options_);
      return ErrorRecordOf(name, "UTF-16 " + format + " input is not read; convert it to UTF-8 first");
    }
    if (format == "auto") format = DetectFormat(head);
    if (format == "text" || format == "auto") {
      // Binary input (an image, /dev/zero) is refused from its first bytes, before reading it.
      if (std::string why = BinaryReason(head.substr(0, 8192)); !why.empty()) return ErrorRecordOf(name, why);
    }
    if (format == "json" || (format == "jsonl" && LooksLikeJsonDocument(head))) {
      std::string content;
      ReadOptions doc_options = options_;
      doc_options.max_record_bytes = 4 * options_.max_record_bytes;  // a document holds many records
      Record r = ReadWholeFile(stream_.get(), name, doc_options, &content);
      if (r.error) return r;
      current_ = std::make_unique<ManyRecordsReader>(ParseJsonDocument(content, name, FileStem(path), options_));
      return Record{};
    }
    if (format == "jsonl") {
      current_ = std::make_unique<JsonLinesReader>(stream_.get(), name, options_);
      return Record{};
    }
    if (format == "warc") {
      current_ = std::make_unique<WarcInputReader>(stream_.get(), name, options_);
      return Record{};
    }
    if (format == "text" || format == "html") {
      std::string content;
      Record r = ReadWholeFile(stream_.get(), name, options_, &content);
      if (r.error) return r;
      if (format == "text") return ParseTextArticle(std::move(content), name, FileStem(path), options_);
      return HtmlRecordOrPending(std::move(content), "", name, FileStem(path), "", "", options_);
    }
    return ErrorRecordOf(name, "unknown input format \"" + format + "\" (expected auto, text, jsonl, json, html or warc)");
  }

  std::vector<InputEntry> entries_;
  const ReadOptions options_;
  size_t next_ = 0;
  std::unique_ptr<ByteStream> stream_;
  std::unique_ptr<InputReader> current_;
  uint64_t total_bytes_ = 0, done_bytes_ = 0, current_size_ = 0;
  bool all_sizes_known_ = true;
};

}  // namespace

std::unique_ptr<RecordReader> OpenInputs(const std::vector<std::string>& inputs, const ReadOptions& options) {
  return std::make_unique<MultiReader>(ExpandInputs(inputs, options), options);
}

}  // namespace dragoman::ingest
