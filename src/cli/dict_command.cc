// `dragoman dict check|stats`: lint dragoman's own dictionaries and report what they cover.
#include <ctime>
#include <iostream>
#include <optional>

#include "cli/command.h"
#include "coding/dictionary_check.h"

namespace dragoman::cli {
namespace {

int RunDict(int argc, char** argv) {
  CLI::App app("lint dragoman's dictionaries (check) or count their entries (stats)", "dict");
  std::string dir;
  std::string iso = "/usr/share/iso-codes/json/iso_3166-1.json";
  bool warnings = false;
  app.require_subcommand(1);
  CLI::App* check = app.add_subcommand("check", "report bad entries, duplicates, conflicting or unknown codes and "
                                                "overlapping date ranges; exit 1 on any error");
  CLI::App* stats = app.add_subcommand("stats", "print entries per CAMEO root and per actor type");
  for (CLI::App* sub : {check, stats}) {
    sub->add_option("--dir", dir, "a folder of dictionary files instead of the built-in ones (data/dict/)");
    sub->add_option("--iso-codes", iso, "iso-codes JSON with ISO 3166-1 names (\"\" to skip)");
  }
  check->add_flag("--warnings", warnings, "also print warnings (duplicates)");
  std::string office_date;
  check->add_option("--date", office_date,
                    "warn about UN members without a head of state or government on this date (YYYY-MM-DD; "
                    "default today)");
  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;

  std::vector<coding::DictFile> files;
  if (dir.empty()) {
    files = coding::EmbeddedDictFiles();
    if (files.empty()) {
      std::cerr << "dragoman dict: no dictionaries are embedded in this build\n";
      return kExitFailure;
    }
  } else {
    Result<std::vector<coding::DictFile>> f = coding::DictFilesFrom(dir);
    if (!f.ok()) {
      std::cerr << "dragoman dict: " << f.status().message() << "\n";
      return kExitFailure;
    }
    files = f.take();
  }
  coding::CheckOptions options;
  options.iso_codes_json = iso;

  if (check->parsed()) {
    if (office_date.empty()) {
      std::time_t now = std::time(nullptr);
      std::tm utc{};
      gmtime_r(&now, &utc);
      char buf[16];
      std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
      office_date = buf;
    }
    std::optional<int> d = coding::ParseDate(office_date);
    if (!d) {
      std::cerr << "dragoman dict check: bad --date \"" << office_date << "\" (expected YYYY-MM-DD)\n";
      return kExitUsage;
    }
    options.office_date = *d;
    coding::CheckReport r = coding::CheckDictionaries(files, options);
    for (const coding::CheckIssue& i : r.issues) {
      bool is_error = i.severity == coding::CheckIssue::Severity::kError;
      if (!is_error && !warnings) continue;
      std::cout << (is_error ? "error: " : "warning: ") << (i.origin.empty() ? "" : i.origin + ": ") << i.message
                << "\n";
    }
    std::cerr << "dragoman dict check: " << files.size() << " files, " << r.errors() << " errors, " << r.warnings()
              << " warnings\n";
    return r.errors() == 0 ? kExitOk : kExitFailure;
  }

  coding::DictStats s = coding::ComputeStats(files, options);
  std::cout << "entries by file kind\n";
  for (const auto& [k, n] : s.entries_by_kind) std::cout << "  " << k << "\t" << n << "\n";
  std::cout << "verb entries by CAMEO root (" << s.verb_entries << " in all)\n";
  for (const auto& [k, n] : s.verbs_by_root) std::cout << "  " << k << "\t" << n << "\n";
  std::cout << "actor entries by type\n";
  for (const auto& [k, n] : s.actors_by_type) std::cout << "  " << k << "\t" << n << "\n";
  std::cout << "agent titles by type\n";
  for (const auto& [k, n] : s.agents_by_type) std::cout << "  " << k << "\t" << n << "\n";
  std::cout << "CAMEO event codes without a verb entry: " << s.event_codes_without_verbs.size() << "\n";
  for (const std::string& c : s.event_codes_without_verbs) std::cout << "  " << c << "\n";
  return kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("dict", "check or count dragoman's own dictionaries", RunDict);

}  // namespace dragoman::cli
