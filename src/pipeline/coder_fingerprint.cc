#include "pipeline/coder_fingerprint.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

namespace dragoman {

// Identifies the coder: the bytes of the program (or library) that codes, the bytes of the model file and dictionaries it was
// given, and the options that change coding, so a rebuilt binary, a retrained model or edited
// dictionaries re-code articles that an unchanged setup would skip.
std::string CoderFingerprint(const PipelineOptions& options, const std::string& binary) {
  uint64_t hash = 0x9e3779b97f4a7c15ULL;
  auto mix = [&hash](uint64_t word) {
    hash ^= word;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 32;
  };
  std::vector<char> buffer(1 << 20);
  auto mix_file = [&](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      size_t n = static_cast<size_t>(in.gcount());
      for (size_t i = 0; i + 8 <= n; i += 8) {
        uint64_t word;
        std::memcpy(&word, buffer.data() + i, 8);
        mix(word);
      }
      for (size_t i = n - n % 8; i < n; ++i) mix(static_cast<unsigned char>(buffer[i]));
    }
  };
  mix_file(binary);
  if (!options.model_path.empty() && options.model_path != "none") mix_file(options.model_path);
  if (!options.dict_dir.empty()) {
    // Every file of the folder, in name order (the verb file is one of them).
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(options.dict_dir, ec)) {
      if (entry.is_regular_file(ec)) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      for (unsigned char c : f.filename().string()) mix(c);
      mix_file(f.string());
    }
  }
  std::string settings = std::string(DRAGOMAN_VERSION) + "|" + options.model_path +
                         (options.accurate_parse ? "|accurate" : "") + "|" + options.dict_dir +
                         "|" + options.verbs_file + "|" + (options.gdelt_quad_classes ? "gdelt" : "cameo");
  for (unsigned char c : settings) mix(c);
  char hex[32];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(hash));
  return std::string(DRAGOMAN_VERSION) + "-" + hex;
}

}  // namespace dragoman
