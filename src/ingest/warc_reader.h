// Streaming WARC reader (.warc and .warc.gz, including CC-NEWS's one gzip member per record).
//
// Reads one record at a time from a ByteStream (which inflates gzip member after member), so memory
// holds one record, never the file. `response` records (and `resource` records) whose payload is
// HTML go through the HTML extractor: WARC-Target-URI becomes Article::url, WARC-Date the fallback
// date, WARC-Record-ID the article id ("urn:uuid:" and angle brackets removed). Records of other
// types (warcinfo, request, metadata, revisit) are not articles and are passed over. A response
// that is not a usable article (HTTP status not 2xx, not HTML, no text) is an error record, so
// every page in the file is accounted for. Origins read "file.warc.gz#N" (N counts all records).
//
// A file cut off in the middle of a record gives every complete record before the cut, then one
// error record for the tail. A damaged record header gives one error record; reading resumes at
// the next "WARC/" version line.
//
//   auto stream = ByteStream::Open("CC-NEWS-20240101.warc.gz");
//   WarcReader warc((*stream).get(), "CC-NEWS-20240101.warc.gz", options);
//   Record r;
//   while (warc.Next(&r)) { ... }
#pragma once

#include <map>
#include <string>

#include "ingest/byte_stream.h"
#include "ingest/reader.h"

namespace dragoman::ingest {

class WarcReader {
 public:
  // stream and options must outlive the reader.
  WarcReader(ByteStream* stream, std::string name, const ReadOptions& options);
  // The next article or error record; false at the end of the file.
  bool Next(Record* record);

 private:
  struct Header {
    std::string version;
    std::map<std::string, std::string> fields;  // lower-cased names
    const std::string* Get(const std::string& lower_name) const;
  };
  // Reads the version line and header fields. false at the clean end of input; sets *error for a
  // damaged or truncated header.
  bool ReadHeader(Header* header, std::string* error);
  Record Convert(const Header& header, std::string block, const std::string& origin);

  ByteStream* stream_;
  std::string name_;
  const ReadOptions& options_;
  size_t record_number_ = 0;
  bool done_ = false;
  bool resync_ = false;  // after a damaged header: skip to the next "WARC/" line
};

// An HTTP response message split into status, headers and decoded body (chunked transfer encoding
// and gzip/deflate content encoding undone). Used for WARC response payloads.
struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;
};
// Parses an HTTP response; *error says why it could not be. Bodies decoding past max_bytes fail.
bool ParseHttpResponse(std::string_view message, size_t max_bytes, HttpResponse* out, std::string* error);

}  // namespace dragoman::ingest
