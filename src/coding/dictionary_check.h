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
// codes. People codes may carry offices ("head-of-state"): an office on a code with no country is
// an error; two people holding the same office of one country over overlapping ranges (by more
// than the handover day) is a warning, except for joint heads of state; with
// CheckOptions::office_date, a UN member without a head of state or of government is a warning.
// Stateless functions; thread-safe.
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
  // When set (YYYYMMDD), every UN member state (members file) without a head of state or head of
  // government on that date gets a warning.
  int office_date = 0;
};

// One office range of a person in the people files: "KAZ head-of-state 2019-03-20.. Tokayev".
struct OfficeHolder {
  std::string country;  // CAMEO country code: the first three letters of the code
  std::string office;   // "head-of-state", ...
  std::string person;   // the entry's first name
  std::string origin;   // "data/dict/people.txt:12"
  DateRange range;
};

// Every office range in the people files, in file order.
std::vector<OfficeHolder> OfficeHolders(const std::vector<DictFile>& files);

// ISO alpha-3 codes from the members files (the UN member states), in file order.
std::vector<std::string> UnMembers(const std::vector<DictFile>& files);

// UN member states lacking a head of state or a head of government on date (YYYYMMDD), as
// "KAZ head-of-state" (CAMEO country codes; a joint head of state or a governor-general counts as
// head of state). Empty when every member has both.
std::vector<std::string> MissingOffices(const std::vector<DictFile>& files, int date);

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
