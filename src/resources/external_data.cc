#include "resources/external_data.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace dragoman::resources {

std::string ExternalDataFile(std::string_view name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> folders;
  if (const char* env = std::getenv("DRAGOMAN_EXTERNAL_DATA"); env && *env) folders.emplace_back(env);
  if (fs::path exe = fs::read_symlink("/proc/self/exe", ec); !ec) folders.push_back(exe.parent_path() / "external");
#ifdef DRAGOMAN_EXTERNAL_DATA_DIR
  folders.emplace_back(DRAGOMAN_EXTERNAL_DATA_DIR);
#endif
  for (const fs::path& folder : folders) {
    fs::path file = folder / name;
    if (fs::is_regular_file(file, ec)) return file.string();
  }
  return "";
}

}  // namespace dragoman::resources
