// Helpers for ingest tests: a scratch folder, files written into it, gzip members, reading all
// records of a reader.
#pragma once

#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/reader.h"

namespace dragoman::ingest::testing {

// A fresh folder under the system temp folder, removed at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("dragoman_ingest_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// One complete gzip member holding data.
inline std::string GzipMember(const std::string& data) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// One WARC record with the given type, target URI, date, id and content block.
inline std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& date,
                              const std::string& id, const std::string& content_type, const std::string& block) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: " + date + "\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\n";
  if (!content_type.empty()) r += "Content-Type: " + content_type + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

// A WARC response record holding an HTTP 200 response with an HTML page.
inline std::string WarcHtmlResponse(const std::string& uri, const std::string& date, const std::string& id,
                                    const std::string& html, int status = 200,
                                    const std::string& type = "text/html; charset=utf-8") {
  std::string http = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + type +
                     "\r\nContent-Length: " + std::to_string(html.size()) + "\r\n\r\n" + html;
  return WarcRecord("response", uri, date, id, "application/http; msgtype=response", http);
}

inline std::vector<Record> ReadAll(const std::vector<std::string>& inputs, const ReadOptions& options = {}) {
  std::vector<Record> records;
  auto reader = OpenInputs(inputs, options);
  Record r;
  while (reader->Next(&r)) records.push_back(std::move(r));
  return records;
}

}  // namespace dragoman::ingest::testing
