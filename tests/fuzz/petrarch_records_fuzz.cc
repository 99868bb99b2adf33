// PETRARCH validation records (XML, `dragoman validate`): records or a message.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "coding/validation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The reader takes a path: the bytes go to a file of this process's own.
  static const std::string path = "/tmp/dragoman_fuzz_records_" + std::to_string(::getpid()) + ".xml";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  auto set = dragoman::coding::ReadValidationRecords(path);
  if (set.ok()) {
    for (const auto& r : set->records) dragoman::coding::RecordArticle(r);
  }
  return 0;
}
