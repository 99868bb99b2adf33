// HTML pages (any charset, UTF-16 included): an article or an error record, in time linear in the page.
#include <cstdint>
#include <string_view>

#include "ingest/html_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  dragoman::ingest::ReadOptions options;
  options.default_date = "2022-05-20";
  dragoman::ingest::Record r = dragoman::ingest::HtmlToRecord(html, size % 3 == 0 ? "windows-1252" : "", "fuzz.html",
                                                              "fuzz", "https://example.org/a", "", options);
  if (!r.article && !r.error) __builtin_trap();
  return 0;
}
