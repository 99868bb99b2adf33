#include "ingest/record_source.h"

#include "ingest/article_formats.h"

namespace dragoman::ingest {
namespace {

class JsonRecordsReader : public RecordReader {
 public:
  JsonRecordsReader(std::vector<std::string> lines, std::string name, const ReadOptions& options)
      : lines_(std::move(lines)), name_(std::move(name)), stem_(FileStem(name_)), options_(options) {}
  bool Next(Record* record) override {
    if (next_ >= lines_.size()) return false;
    size_t number = ++next_;
    *record = ParseJsonLine(lines_[number - 1], RecordLocation(name_, number), stem_, number, options_);
    return true;
  }

 private:
  std::vector<std::string> lines_;
  std::string name_, stem_;
  ReadOptions options_;
  size_t next_ = 0;
};

class RangeReader : public RecordReader {
 public:
  RangeReader(std::unique_ptr<RecordReader> reader, uint64_t first, uint64_t last)
      : reader_(std::move(reader)), first_(first), last_(last) {}
  bool Next(Record* record) override {
    while (index_ < first_) {
      Record dropped;
      if (!reader_->Next(&dropped)) return false;
      ++index_;
    }
    if (last_ != 0 && index_ >= last_) return false;
    if (!reader_->Next(record)) return false;
    ++index_;
    return true;
  }
  ReadProgress Progress() const override { return reader_->Progress(); }

 private:
  std::unique_ptr<RecordReader> reader_;
  uint64_t first_, last_, index_ = 0;
};

}  // namespace

std::unique_ptr<RecordReader> OpenJsonRecords(std::vector<std::string> lines, std::string name,
                                              const ReadOptions& options) {
  return std::make_unique<JsonRecordsReader>(std::move(lines), std::move(name), options);
}

std::unique_ptr<RecordReader> OpenRecordRange(std::unique_ptr<RecordReader> reader, uint64_t first, uint64_t last) {
  return std::make_unique<RangeReader>(std::move(reader), first, last);
}

uint64_t CountRecords(const std::vector<std::string>& inputs, ReadOptions options) {
  options.defer_html = true;
  std::unique_ptr<RecordReader> reader = OpenInputs(inputs, options);
  uint64_t n = 0;
  Record record;
  while (reader->Next(&record)) ++n;
  return n;
}

}  // namespace dragoman::ingest
