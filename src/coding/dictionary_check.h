// Lints dragoman's own dictionaries and counts what they cover: the engine of `dragoman dict
// check` and `dragoman dict stats`.
//
//   std::vector<DictFile> files = EmbeddedDictFiles();
//   CheckReport r = CheckDictionaries(files, {});
//   for (const CheckIssue& i : r.issues) std::cerr << i.origin << ": " << i.message << "\n";
//   DictStats s = ComputeStats(files, {});
//
// Checks: every entry parses (file:line), no name listed twice with the same codes (duplicate,
// a warning) or with different codes (conflict, an error), codes are known (country or region
// prefix, CAMEO agent types, CAMEO event codes for verbs), and no entry has overlapping dated
// codes. Stateless functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "coding/our_dictionary_loader.h"

namespace dragoman::coding {

struct DictFile {
  std::string name;  // "data/dict/people.txt"
  std::string text;
};

struct CheckIssue {
  enum class Severity { kError, kWarning } severity = Severity::kError;
  std::string origin;   // "data/dict/people.txt:12"
  std::string message;
};

struct CheckReport {
  std::vector<CheckIssue> issues;
  size_t errors() const;
  size_t warnings() const;
};

struct CheckOptions {
  std::string iso_codes_json = "/usr/share/iso-codes/json/iso_3166-1.json";
};

// The dictionary files embedded in this build (data/dict/*.txt), or those of a folder on disk.
std::vector<DictFile> EmbeddedDictFiles();
Result<std::vector<DictFile>> DictFilesFrom(const std::string& dir);

// CAMEO event codes from the embedded data/reference/cameo_codes.tsv, in file order.
std::vector<std::string> CameoEventCodes();

CheckReport CheckDictionaries(const std::vector<DictFile>& files, const CheckOptions& options);

struct DictStats {
  std::map<std::string, size_t> entries_by_kind;        // "people" -> 812, "verbs" -> 1600
  std::map<std::string, size_t> verbs_by_root;          // "04" -> 120
  std::map<std::string, size_t> actors_by_type;         // agent type of each actor code: "GOV" -> 700, "" -> countries
  std::map<std::string, size_t> agents_by_type;         // agent titles per type
  std::vector<std::string> event_codes_without_verbs;   // CAMEO codes no verb entry names
  size_t verb_entries = 0;
};

DictStats ComputeStats(const std::vector<DictFile>& files, const CheckOptions& options);

}  // namespace dragoman::coding
