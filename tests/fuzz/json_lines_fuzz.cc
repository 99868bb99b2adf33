// JSON Lines records and JSON documents: any bytes give records or error records.
#include <cstdint>
#include <string_view>

#include "ingest/article_formats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  dragoman::ingest::ReadOptions options;
  options.english_only = size % 2 == 0;
  dragoman::ingest::Record r = dragoman::ingest::ParseJsonLine(text, "fuzz.jsonl#1", "fuzz", 1, options);
  if (!r.article && !r.error) __builtin_trap();
  dragoman::ingest::ParseJsonDocument(text, "fuzz.json", "fuzz", options);
  dragoman::ingest::LooksLikeJsonDocument(text);
  dragoman::ingest::DetectFormat(text);
  return 0;
}
