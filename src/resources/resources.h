// Files built into the binary: dictionaries, reference tables and the default models, so that
// build/dragoman runs from anywhere with nothing beside it. Names are repository-relative paths.
//
//   std::optional<std::string_view> verbs = resources::Find("data/dict/verbs.txt");
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dragoman::resources {

struct Resource {
  std::string_view name;   // repository-relative path, e.g. "data/dict/verbs.txt"
  std::string_view bytes;  // the file's content, valid for the program's lifetime
};

// Every embedded file, in a fixed order.
const std::vector<Resource>& All();

// The embedded file with this name, or nothing.
std::optional<std::string_view> Find(std::string_view name);

// Embedded files whose name starts with prefix, e.g. "data/dict/".
std::vector<Resource> WithPrefix(std::string_view prefix);

}  // namespace dragoman::resources
