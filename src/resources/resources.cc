#include "resources/resources.h"

namespace dragoman::resources {

std::optional<std::string_view> Find(std::string_view name) {
  for (const Resource& r : All()) {
    if (r.name == name) return r.bytes;
  }
  return std::nullopt;
}

std::vector<Resource> WithPrefix(std::string_view prefix) {
  std::vector<Resource> out;
  for (const Resource& r : All()) {
    if (r.name.substr(0, prefix.size()) == prefix) out.push_back(r);
  }
  return out;
}

}  // namespace dragoman::resources
