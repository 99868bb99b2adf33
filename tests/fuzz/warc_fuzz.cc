// WARC files, plain or as gzip members (and so the gzip reader with its member recovery): every
// record read or an error record, and the reader always ends.
#include <cstdint>
#include <string>

#include "ingest/byte_stream.h"
#include "ingest/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dragoman::ingest::ReadOptions options;
  options.max_record_bytes = 1 << 20;
  auto stream = dragoman::ingest::ByteStream::FromString(std::string(reinterpret_cast<const char*>(data), size));
  dragoman::ingest::WarcReader warc(stream.get(), "fuzz.warc", options);
  dragoman::ingest::Record r;
  size_t records = 0;
  while (warc.Next(&r)) {
    if (!r.article && !r.error) __builtin_trap();
    if (++records > size + 2) __builtin_trap();  // more records than bytes: a loop
    r = {};
  }
  return 0;
}
