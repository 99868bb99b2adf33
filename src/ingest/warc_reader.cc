#include "ingest/warc_reader.h"

#include <zlib.h>

#include <cctype>
#include <cstring>

#include "ingest/article_formats.h"
#include "ingest/html_extractor.h"

namespace dragoman::ingest {
namespace {

constexpr size_t kMaxHeaderLine = 64 << 10;
constexpr size_t kMaxHeaderFields = 256;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool ParseSize(std::string_view s, int base, uint64_t* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 16) return false;
  uint64_t v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (base == 16 && c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (base == 16 && c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return false;
    }
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  *out = v;
  return true;
}

// Inflates zlib/gzip (window_bits 15+32) or raw deflate (-15) data, at most max_bytes of output.
bool Inflate(std::string_view in, int window_bits, size_t max_bytes, std::string* out, std::string* error) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, window_bits) != Z_OK) {
    *error = "cannot start the inflater";
    return false;
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  out->clear();
  int ret = Z_OK;
  while (ret != Z_STREAM_END) {
    size_t old = out->size();
    if (old >= max_bytes) {
      *error = "decoded body is over the record limit of " + std::to_string(max_bytes) + " bytes";
      inflateEnd(&zs);
      return false;
    }
    out->resize(old + (64 << 10));
    zs.next_out = reinterpret_cast<Bytef*>(out->data() + old);
    zs.avail_out = 64 << 10;
    ret = inflate(&zs, Z_NO_FLUSH);
    out->resize(old + (64 << 10) - zs.avail_out);
    if (ret == Z_BUF_ERROR && zs.avail_in == 0) break;  // truncated body: keep what came out
    if (ret != Z_OK && ret != Z_STREAM_END) {
      *error = std::string("corrupt compressed body: ") + (zs.msg ? zs.msg : "inflate error");
      inflateEnd(&zs);
      return false;
    }
  }
  inflateEnd(&zs);
  return true;
}

bool Dechunk(std::string_view in, std::string* out) {
  out->clear();
  size_t pos = 0;
  for (;;) {
    size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    std::string_view size_line = in.substr(pos, nl - pos);
    size_t semi = size_line.find(';');
    if (semi != std::string_view::npos) size_line = size_line.substr(0, semi);
    uint64_t n = 0;
    if (!ParseSize(size_line, 16, &n)) return false;
    pos = nl + 1;
    if (n == 0) return true;
    if (n > in.size() - pos) {
      out->append(in.substr(pos));  // the last chunk was cut: keep what there is
      return true;
    }
    out->append(in.substr(pos, n));
    pos += n;
    if (in.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (in.substr(pos, 1) == "\n") {
      pos += 1;
    }
  }
}

std::string CharsetOf(const std::string& content_type) {
  std::string l = Lower(content_type);
  size_t at = l.find("charset=");
  if (at == std::string::npos) return "";
  std::string_view v = std::string_view(l).substr(at + 8);
  size_t end = v.find_first_of("; ");
  v = v.substr(0, end);
  if (!v.empty() && (v.front() == '"' || v.front() == '\'')) v.remove_prefix(1);
  if (!v.empty() && (v.back() == '"' || v.back() == '\'')) v.remove_suffix(1);
  return std::string(v);
}

bool IsHtmlType(const std::string& content_type) {
  std::string l = Lower(content_type);
  return l.find("text/html") != std::string::npos || l.find("application/xhtml") != std::string::npos;
}

}  // namespace

bool ParseHttpResponse(std::string_view message, size_t max_bytes, HttpResponse* out, std::string* error) {
  size_t head_end = message.find("\r\n\r\n");
  size_t body_start;
  if (head_end != std::string_view::npos) {
    body_start = head_end + 4;
  } else if ((head_end = message.find("\n\n")) != std::string_view::npos) {
    body_start = head_end + 2;
  } else {
    *error = "HTTP response has no end of headers";
    return false;
  }
  std::string_view head = message.substr(0, head_end);
  size_t nl = head.find('\n');
  std::string_view status_line = Trim(head.substr(0, nl));
  if (status_line.substr(0, 5) != "HTTP/") {
    *error = "payload is not an HTTP response (starts \"" + std::string(status_line.substr(0, 40)) + "\")";
    return false;
  }
  size_t sp = status_line.find(' ');
  uint64_t status = 0;
  if (sp == std::string_view::npos || !ParseSize(status_line.substr(sp + 1, 3), 10, &status)) {
    *error = "bad HTTP status line \"" + std::string(status_line.substr(0, 60)) + "\"";
    return false;
  }
  out->status = static_cast<int>(status);
  out->headers.clear();
  size_t pos = nl == std::string_view::npos ? head.size() : nl + 1;
  while (pos < head.size()) {
    size_t e = head.find('\n', pos);
    if (e == std::string_view::npos) e = head.size();
    std::string_view line = Trim(head.substr(pos, e - pos));
    pos = e + 1;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    out->headers[Lower(Trim(line.substr(0, colon)))] = std::string(Trim(line.substr(colon + 1)));
  }
  std::string_view body = message.substr(body_start);
  std::string dechunked;
  if (auto it = out->headers.find("transfer-encoding");
      it != out->headers.end() && Lower(it->second).find("chunked") != std::string::npos && Dechunk(body, &dechunked)) {
    body = dechunked;
  }
  auto enc = out->headers.find("content-encoding");
  std::string encoding = enc == out->headers.end() ? "" : Lower(Trim(enc->second));
  if (encoding.empty() || encoding == "identity") {
    out->body.assign(body);
  } else if (encoding == "gzip" || encoding == "x-gzip") {
    if (!Inflate(body, 15 + 32, max_bytes, &out->body, error)) return false;
  } else if (encoding == "deflate") {
    std::string ignored;
    if (!Inflate(body, 15, max_bytes, &out->body, &ignored) && !Inflate(body, -15, max_bytes, &out->body, error))
      return false;
  } else {
    *error = "unsupported Content-Encoding \"" + encoding + "\"";
    return false;
  }
  return true;
}

const std::string* WarcReader::Header::Get(const std::string& lower_name) const {
  auto it = fields.find(lower_name);
  return it == fields.end() ? nullptr : &it->second;
}

WarcReader::WarcReader(ByteStream* stream, std::string name, const ReadOptions& options)
    : stream_(stream), name_(std::move(name)), options_(options) {}

namespace {

// Why a record of this WARC-Type (null: none) that is not a page is skipped. A type the WARC
// standard does not define is quoted as written, so "WARC-Type: CAPITALIZED" does not read as
// "a capitalized record".
std::string SkipReasonForType(const std::string* type) {
  if (!type || type->empty()) return "a record without a WARC-Type, not a page";
  std::string t = Lower(*type);
  for (const char* known : {"response", "resource", "revisit", "conversion", "continuation"}) {
    if (t == known) return "a " + t + " record, not a page";
  }
  std::string shown;
  for (char c : type->substr(0, 40)) shown += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  return "a record of unknown WARC-Type \"" + shown + "\", not a page";
}

}  // namespace

bool WarcReader::ReadHeader(Header* header, std::string* error) {
  std::string line;
  // The version line, after the blank lines that end the previous record.
  for (;;) {
    LineStatus st = stream_->ReadLine(&line, kMaxHeaderLine);
    if (st == LineStatus::kEnd) return false;
    if (st == LineStatus::kTooLong) {
      if (resync_) continue;
      *error = "expected a WARC/1.x version line at offset " + std::to_string(stream_->offset()) +
               ", found an over-long line";
      resync_ = true;
      return true;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (line.compare(0, 5, "WARC/") == 0) break;
    if (resync_) continue;
    *error = "expected a WARC/1.x version line, found \"" + line.substr(0, 40) + "\"";
    resync_ = true;
    return true;
  }
  resync_ = false;
  header->version = line;
  if (stream_->AtEnd()) {
    *error = "truncated record: the input ends after the version line";
    return true;
  }
  header->fields.clear();
  std::string last;
  for (;;) {
    LineStatus st = stream_->ReadLine(&line, kMaxHeaderLine);
    if (st == LineStatus::kEnd) {
      *error = "truncated record: the input ends inside the record header";
      return true;
    }
    if (st == LineStatus::kTooLong || header->fields.size() > kMaxHeaderFields) {
      *error = "damaged record header (over-long line or too many fields)";
      resync_ = true;
      return true;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      // WARC 1.0 files written after its grammar's example carry "<http://...>": the URI is inside.
      if (auto uri = header->fields.find("warc-target-uri"); uri != header->fields.end()) {
        std::string& v = uri->second;
        if (v.size() >= 2 && v.front() == '<' && v.back() == '>') v = v.substr(1, v.size() - 2);
      }
      break;
    }
    if (stream_->AtEnd()) {  // a header line with nothing after it: the input was cut here
      *error = "truncated record: the input ends inside the record header";
      return true;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !last.empty()) {  // folded continuation line
      header->fields[last] += " " + std::string(Trim(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string::npos) {
      *error = "damaged record header line \"" + line.substr(0, 60) + "\"";
      resync_ = true;
      return true;
    }
    last = Lower(Trim(std::string_view(line).substr(0, colon)));
    header->fields[last] = std::string(Trim(std::string_view(line).substr(colon + 1)));
  }
  return true;
}

bool WarcReader::Next(Record* record) {
  while (!done_) {
    Header header;
    std::string error;
    size_t number = record_number_ + 1;
    bool header_read = ReadHeader(&header, &error);
    if (std::string damage = stream_->damage(); !damage.empty()) {
      // A corrupt gzip member: the record in it is lost, the next member starts a record again.
      stream_->ResumeAfterDamage();
      resync_ = true;
      record_number_ = number;
      *record = ErrorRecordOf(RecordLocation(name_, number),
                              damage + "; reading resumed at the next gzip member");
      return true;
    }
    if (!header_read) {
      done_ = true;
      // After a damaged header with no good record since, the error already covers this tail.
      if (!stream_->error().empty() && !resync_) {
        *record = ErrorRecordOf(RecordLocation(name_, number), stream_->error());
        return true;
      }
      return false;
    }
    record_number_ = number;
    std::string origin = RecordLocation(name_, number);
    if (!error.empty()) {
      if (error.rfind("truncated", 0) == 0) {
        done_ = true;
        if (!stream_->error().empty()) error += " (" + stream_->error() + ")";
      }
      *record = ErrorRecordOf(origin, error);
      return true;
    }
    const std::string* type = header.Get("warc-type");
    const std::string* uri = header.Get("warc-target-uri");
    if (uri) origin += " " + *uri;
    uint64_t length = 0;
    const std::string* length_field = header.Get("content-length");
    if (!length_field || !ParseSize(*length_field, 10, &length)) {
      resync_ = true;
      *record = ErrorRecordOf(origin, length_field ? "bad Content-Length \"" + *length_field + "\""
                                                   : "record has no Content-Length");
      return true;
    }
    std::string t = type ? Lower(*type) : "";
    bool wanted = t == "response" || t == "resource";
    if (!wanted || length > options_.max_record_bytes) {
      uint64_t skipped = stream_->Skip(length);
      if (skipped < length) {
        if (std::string damage = stream_->damage(); !damage.empty()) {
          stream_->ResumeAfterDamage();
          resync_ = true;
          *record = ErrorRecordOf(origin, damage + "; reading resumed at the next gzip member");
          return true;
        }
        done_ = true;
        std::string m = "truncated record: Content-Length " + std::to_string(length) + " but the input ends after " +
                        std::to_string(skipped) + " bytes";
        if (!stream_->error().empty()) m += " (" + stream_->error() + ")";
        *record = ErrorRecordOf(origin, m);
        return true;
      }
      if (wanted) {
        *record = ErrorRecordOf(origin, "record is " + std::to_string(length) + " bytes, over the record limit of " +
                                            std::to_string(options_.max_record_bytes) + " bytes; skipped");
        return true;
      }
      // The records that travel with every page (the crawl's description, the request sent, the
      // crawler's notes) are passed over without a word; other types are skipped with a reason.
      if (t == "warcinfo" || t == "request" || t == "metadata") continue;
      *record = SkippedRecordOf(origin, SkipReasonForType(type));
      return true;
    }
    std::string block;
    size_t got = stream_->Read(static_cast<size_t>(length), &block);
    if (got < length) {
      if (std::string damage = stream_->damage(); !damage.empty()) {
          stream_->ResumeAfterDamage();
          resync_ = true;
          *record = ErrorRecordOf(origin, damage + "; reading resumed at the next gzip member");
          return true;
        }
        done_ = true;
      std::string m = "truncated record: Content-Length " + std::to_string(length) + " but the input ends after " +
                      std::to_string(got) + " bytes";
      if (!stream_->error().empty()) m += " (" + stream_->error() + ")";
      *record = ErrorRecordOf(origin, m);
      return true;
    }
    *record = Convert(header, std::move(block), origin);
    return true;
  }
  return false;
}

Record WarcReader::Convert(const Header& header, std::string block, const std::string& origin) {
  const std::string* type = header.Get("warc-type");
  const std::string* content_type = header.Get("content-type");
  const std::string* uri = header.Get("warc-target-uri");
  const std::string* date = header.Get("warc-date");
  const std::string* record_id = header.Get("warc-record-id");
  std::string id;
  if (record_id) {
    std::string_view v = *record_id;
    if (!v.empty() && v.front() == '<') v.remove_prefix(1);
    if (!v.empty() && v.back() == '>') v.remove_suffix(1);
    if (v.rfind("urn:uuid:", 0) == 0) v.remove_prefix(9);
    id = std::string(v);
  } else {
    id = FileStem(name_) + "-" + std::to_string(record_number_);
  }
  std::string html_type;
  std::string_view payload = block;
  HttpResponse http;
  if (Lower(*type) == "response" && content_type && Lower(*content_type).find("application/http") != std::string::npos) {
    std::string error;
    if (!ParseHttpResponse(block, options_.max_record_bytes, &http, &error)) return ErrorRecordOf(origin, error);
    if (http.status < 200 || http.status > 299) {
      std::string what = http.status >= 300 && http.status < 400 ? " (a redirect)" : "";
      return SkippedRecordOf(origin, "HTTP status " + std::to_string(http.status) + what + ", no page to read");
    }
    auto ct = http.headers.find("content-type");
    html_type = ct == http.headers.end() ? "" : ct->second;
    payload = http.body;
    // Servers that send no Content-Type: look at the bytes.
    if (html_type.empty() && DetectFormat(payload.substr(0, 1024)) == "html") html_type = "text/html";
  } else {
    html_type = content_type ? *content_type : "";
  }
  if (!IsHtmlType(html_type)) {
    return SkippedRecordOf(origin, "not an HTML page (Content-Type \"" + html_type + "\")");
  }
  // The page's bytes move into the record when extraction is deferred to a worker.
  std::string page = payload.data() == http.body.data() ? std::move(http.body)
                     : payload.data() == block.data() && payload.size() == block.size() ? std::move(block)
                                                                                        : std::string(payload);
  return HtmlRecordOrPending(std::move(page), CharsetOf(html_type), origin, id, uri ? *uri : "", date ? *date : "",
                             options_);
}

}  // namespace dragoman::ingest
