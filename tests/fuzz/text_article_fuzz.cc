// Plain-text articles: any bytes give an article or an error record.
#include <cstdint>
#include <string>

#include "ingest/article_formats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dragoman::ingest::ReadOptions options;
  options.default_date = "2022-05-20";
  options.repair_utf8 = size % 2 == 0;
  dragoman::ingest::Record r =
      dragoman::ingest::ParseTextArticle(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt", "fuzz", options);
  if (!r.article && !r.error) __builtin_trap();  // every record ends as one or the other
  return 0;
}
