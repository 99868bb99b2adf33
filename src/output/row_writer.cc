// The format registry and the generic formats (JSON, CSV, TSV, table). GDELT and PLOVER, which
// reshape the row, are in their own files.
#include "output/row_writer.h"

#include <algorithm>

#include "output/formats.h"

namespace dragoman::output {
namespace {

// Tabs and newlines inside a TSV cell become spaces, so each row stays one line.
std::string Flat(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string Dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

class JsonLinesWriter : public RowWriter {
 public:
  explicit JsonLinesWriter(std::ostream& out) : out_(out) {}
  void Write(const EventRow& row) override { out_ << Dump(RowToJson(row)) << '\n'; }
  void Finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

class JsonArrayWriter : public RowWriter {
 public:
  explicit JsonArrayWriter(std::ostream& out) : out_(out) {}
  void Write(const EventRow& row) override {
    out_ << (first_ ? "[\n" : ",\n") << Dump(RowToJson(row));
    first_ = false;
  }
  void Finish() override {
    out_ << (first_ ? "[]\n" : "\n]\n");
    out_.flush();
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

class DelimitedWriter : public RowWriter {
 public:
  DelimitedWriter(std::ostream& out, bool csv) : out_(out), csv_(csv) {}
  void Write(const EventRow& row) override {
    if (!header_written_) {
      Line(RowColumns());
      header_written_ = true;
    }
    Line(RowCells(row));
  }
  void Finish() override {
    if (!header_written_) Line(RowColumns());
    out_.flush();
  }

 private:
  void Line(const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out_ << (csv_ ? ',' : '\t');
      if (csv_) {
        WriteCsvCell(out_, cells[i]);
      } else {
        out_ << Flat(cells[i]);
      }
    }
    out_ << (csv_ ? "\r\n" : "\n");
  }
  std::ostream& out_;
  bool csv_;
  bool header_written_ = false;
};

// For reading at a terminal: the columns a person scans, aligned; long cells cut.
class TableWriter : public RowWriter {
 public:
  explicit TableWriter(std::ostream& out) : out_(out) {}
  void Write(const EventRow& r) override {
    auto number = [](const std::optional<double>& v) {
      if (!v) return std::string();
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", *v);
      return std::string(buf);
    };
    rows_.push_back({r.event_id ? std::to_string(r.event_id) : r.article_id, r.date, r.source, r.target, r.code,
                     std::to_string(r.quad_class), number(r.goldstein), std::to_string(r.num_mentions),
                     r.plover_type, r.location.full_name, r.source_text, r.verb_text, r.target_text});
    if (r.event_id == 0) first_header_ = "article";
  }
  void Finish() override {
    std::vector<std::string> header = {first_header_, "date", "source", "target", "code", "quad", "goldstein",
                                       "mentions", "plover", "location", "source text", "verb", "target text"};
    std::vector<size_t> width(header.size());
    auto measure = [&](const std::vector<std::string>& row) {
      for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], std::min(Display(row[i]), kMaxCell));
    };
    measure(header);
    for (const auto& row : rows_) measure(row);
    auto print = [&](const std::vector<std::string>& row) {
      for (size_t i = 0; i < row.size(); ++i) {
        std::string cell = Cut(Flat(row[i]));
        out_ << cell;
        if (i + 1 < row.size()) out_ << std::string(width[i] - std::min(width[i], Display(cell)) + 2, ' ');
      }
      out_ << '\n';
    };
    print(header);
    for (const auto& row : rows_) print(row);
    rows_.clear();
    out_.flush();
  }

 private:
  static constexpr size_t kMaxCell = 40;
  // Display width: UTF-8 continuation bytes take no column.
  static size_t Display(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }
  static std::string Cut(const std::string& s) {
    size_t chars = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars > kMaxCell - 3) return s.substr(0, i) + "...";
    }
    return s;
  }
  std::ostream& out_;
  std::string first_header_ = "event";
  std::vector<std::vector<std::string>> rows_;
};

struct FormatInfo {
  Format format;
  const char* name;
  const char* content_type;
  const char* extension;
};
constexpr FormatInfo kFormats[] = {
    {Format::kJsonLines, "jsonl", "application/x-ndjson; charset=utf-8", "jsonl"},
    {Format::kJson, "json", "application/json; charset=utf-8", "json"},
    {Format::kCsv, "csv", "text/csv; charset=utf-8", "csv"},
    {Format::kTsv, "tsv", "text/tab-separated-values; charset=utf-8", "tsv"},
    {Format::kTable, "table", "text/plain; charset=utf-8", "txt"},
    {Format::kGdeltEvents, "gdelt", "text/tab-separated-values; charset=utf-8", "export.CSV"},
    {Format::kGdeltMentions, "gdelt-mentions", "text/tab-separated-values; charset=utf-8", "mentions.CSV"},
    {Format::kPlover, "plover", "application/x-ndjson; charset=utf-8", "plover.jsonl"},
};

const FormatInfo& Info(Format format) {
  for (const FormatInfo& f : kFormats)
    if (f.format == format) return f;
  return kFormats[0];
}

}  // namespace

void WriteCsvCell(std::ostream& out, const std::string& cell) {
  if (cell.find_first_of(",\"\n\r") == std::string::npos) {
    out << cell;
    return;
  }
  out << '"';
  for (char c : cell) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

Result<Format> ParseFormat(const std::string& name) {
  for (const FormatInfo& f : kFormats)
    if (name == f.name) return f.format;
  std::string names;
  for (const std::string& n : FormatNames()) names += (names.empty() ? "" : ", ") + n;
  return InvalidInput("unknown output format \"" + name.substr(0, 40) + "\" (expected " + names + ")");
}

const std::vector<std::string>& FormatNames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const FormatInfo& f : kFormats) names.push_back(f.name);
    return names;
  }();
  return kNames;
}

std::string ContentType(Format format) { return Info(format).content_type; }
std::string FileExtension(Format format) { return Info(format).extension; }

std::unique_ptr<RowWriter> NewRowWriter(Format format, std::ostream& out) {
  switch (format) {
    case Format::kJsonLines:
      return std::make_unique<JsonLinesWriter>(out);
    case Format::kJson:
      return std::make_unique<JsonArrayWriter>(out);
    case Format::kCsv:
      return std::make_unique<DelimitedWriter>(out, true);
    case Format::kTsv:
      return std::make_unique<DelimitedWriter>(out, false);
    case Format::kTable:
      return std::make_unique<TableWriter>(out);
    case Format::kGdeltEvents:
      return NewGdeltEventWriter(out);
    case Format::kGdeltMentions:
      return NewGdeltMentionWriter(out);
    case Format::kPlover:
      return NewPloverWriter(out);
  }
  return std::make_unique<JsonLinesWriter>(out);
}

}  // namespace dragoman::output
