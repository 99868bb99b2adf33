// A buffered byte stream over a file, standard input or a string, that inflates gzip transparently.
//
// Gzip input (magic 1f 8b) is decoded member after member, so both a whole-file .gz and the
// per-record members of a CC-NEWS .warc.gz read as one stream. Input that ends inside a member
// ends the stream early with error() saying so; corrupt compressed data stops it with damage()
// set, and ResumeAfterDamage() goes on at the next member. Everything decoded before either point
// is still delivered. Memory stays bounded: lines longer than a limit are skipped
// without being kept.
//
//   auto stream = ByteStream::Open("feed.jsonl.gz");
//   std::string line; LineStatus st;
//   while ((st = (*stream)->ReadLine(&line, 1 << 20)) != LineStatus::kEnd) { ... }
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "dragoman/status.h"

namespace dragoman::ingest {

enum class LineStatus { kOk, kTooLong, kEnd };

// Where raw (undecoded) bytes come from.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to n bytes into buf; 0 at the end; -1 on error (error() says why).
  virtual long Read(char* buf, size_t n) = 0;
  virtual std::string error() const { return ""; }
};

class ByteStream {
 public:
  // path "-" is standard input. Fails when the file cannot be opened.
  static Result<std::unique_ptr<ByteStream>> Open(const std::string& path);
  // A stream over bytes in memory (tests, WARC payloads); gzip is detected as for files.
  static std::unique_ptr<ByteStream> FromString(std::string data);
  static std::unique_ptr<ByteStream> FromSource(std::unique_ptr<ByteSource> source);

  ~ByteStream();

  // Up to n buffered bytes from the current position, without consuming them (shorter at the end).
  std::string_view Peek(size_t n);

  // The next line, without its "\n" (a "\r" before it is kept). A line longer than max_bytes is
  // skipped to its end and reported as kTooLong with *skipped_bytes set; line is then empty.
  LineStatus ReadLine(std::string* line, size_t max_bytes, uint64_t* skipped_bytes = nullptr);

  // Appends up to n bytes to *out; returns how many (fewer only at the end of the stream).
  size_t Read(size_t n, std::string* out);
  // Skips up to n bytes; returns how many.
  uint64_t Skip(uint64_t n);

  // Everything left, when it is at most max_bytes; otherwise stops reading as soon as the limit is
  // passed (an endless input such as /dev/zero is refused too), leaves *out empty and returns false.
  bool ReadAll(size_t max_bytes, std::string* out);

  bool AtEnd();
  bool gzip() const { return gzip_; }
  // Decoded bytes consumed so far (the offset of the next byte).
  uint64_t offset() const { return offset_; }
  // Raw bytes read from the file so far (compressed bytes for gzip), for progress reports.
  uint64_t raw_bytes() const;
  // Why the stream ended early ("" when it reached a clean end); the damage, while there is one.
  const std::string& error() const { return damage_.empty() ? error_ : damage_; }

  // Gzip damage (a corrupt member, or bytes between members that are not gzip): the stream
  // delivers the bytes decoded before the damage and then stops, as at an end, with damage()
  // saying what was wrong. ResumeAfterDamage() goes on with the next intact member, found by its
  // header, so that one bad member costs only the records inside it. "" when there is none.
  // damage() is set once every byte decoded before the damage has been consumed; line_cut() says
  // whether the last ReadLine ended at the damage instead of at a newline.
  const std::string& damage() const { return pos_ == buf_.size() ? damage_ : kNoDamage; }
  bool line_cut() const { return line_cut_; }
  void ResumeAfterDamage();

 private:
  explicit ByteStream(std::unique_ptr<ByteSource> source);
  // Reads more decoded bytes into the buffer; false when nothing more can come.
  bool Fill();
  void Compact();
  // After gzip damage: moves the compressed input to the next gzip header; false when none is left.
  bool FindNextMember();

  struct Counting;
  struct Gzip;
  std::unique_ptr<ByteSource> source_;  // raw bytes
  Counting* counter_ = nullptr;         // owned through source_
  std::unique_ptr<Gzip> gzip_state_;
  bool gzip_ = false;
  bool started_ = false;
  bool end_ = false;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;
  std::string error_;
  std::string damage_;
  bool line_cut_ = false;
  static inline const std::string kNoDamage;
};

}  // namespace dragoman::ingest
