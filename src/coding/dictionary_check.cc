#include "coding/dictionary_check.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "resources/resources.h"

namespace dragoman::coding {

namespace {

// CAMEO actor type codes (../shared/reference/cameo_actor_types.tsv) plus the few the PETRARCH
// dictionaries and ours also use (ELI, REL).
const std::set<std::string>& AgentTypes() {
  static const std::set<std::string> k = {
      "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL",
      "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "AMN", "IRC",
      "GRP", "UNO", "PKO", "UIS", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "SET", "PTY", "REL"};
  return k;
}

// First chunks that need no country: international actors.
const std::set<std::string>& InternationalPrefixes() {
  static const std::set<std::string> k = {"IGO", "NGO", "MNC", "IMG", "INT", "NGM", "UIS"};
  return k;
}

std::string NormName(const std::string& name) {
  std::string out;
  for (const std::string& u : NameTokens(name)) out += (out.empty() ? "" : " ") + u;
  if (out.rfind("the ", 0) == 0) out = out.substr(4);
  return out;
}

std::string CodesKey(const std::vector<DatedCode>& codes) {
  std::string k;
  for (const DatedCode& c : codes) k += c.code + "@" + std::to_string(c.range.begin) + "-" + std::to_string(c.range.end) + ",";
  return k;
}

struct Parsed {
  std::vector<ActorEntry> countries;  // countries and regions
  std::vector<ActorEntry> actors;     // everything else
  std::vector<AgentEntry> agents;
  std::vector<VerbEntry> verbs;
  std::vector<std::string> members;        // ISO alpha-3 codes
  std::vector<std::string> member_origins;  // file of each member code
  std::map<std::string, size_t> entries_by_kind;
  WordLists words;  // every "words" file together
};

Parsed ParseAll(const std::vector<DictFile>& files, const CheckOptions& options, CheckReport* report) {
  Parsed p;
  for (const DictFile& f : files) {
    std::vector<std::string> problems;
    Result<std::string> kind = DictFileKind(f.name, f.text);
    if (!kind.ok()) {
      if (report) report->issues.push_back({CheckIssue::Severity::kError, f.name, kind.status().message()});
      continue;
    }
    size_t before = 0;
    if (*kind == "members") {
      before = p.members.size();
      LoadMemberFile(f.name, f.text, false, &p.members, &problems);
      p.member_origins.resize(p.members.size(), f.name);
      p.entries_by_kind[*kind] += p.members.size() - before;
    } else if (*kind == "verbs") {
      before = p.verbs.size();
      LoadVerbFile(f.name, f.text, false, &p.verbs, &problems);
      p.entries_by_kind[*kind] += p.verbs.size() - before;
    } else if (*kind == "words") {
      LoadWordFile(f.name, f.text, false, &p.words, &problems);
      p.entries_by_kind[*kind] += 1;
    } else if (*kind == "agents") {
      before = p.agents.size();
      ParseActorFile(f.name, f.text, false, &p.actors, &p.agents, &problems);
      p.entries_by_kind[*kind] += p.agents.size() - before;
    } else {
      std::vector<ActorEntry>& list = (*kind == "countries" || *kind == "regions") ? p.countries : p.actors;
      before = list.size();
      ParseActorFile(f.name, f.text, false, &list, &p.agents, &problems);
      p.entries_by_kind[*kind] += list.size() - before;
    }
    if (report)
      for (const std::string& m : problems) report->issues.push_back({CheckIssue::Severity::kError, "", m});
  }
  if (!options.iso_codes_json.empty()) {
    std::vector<std::string> problems;
    Status s = MergeIsoCountries(options.iso_codes_json, &p.countries, &problems);
    if (report) {
      if (!s.ok()) report->issues.push_back({CheckIssue::Severity::kError, options.iso_codes_json, s.message()});
      for (const std::string& m : problems)
        report->issues.push_back({CheckIssue::Severity::kWarning, options.iso_codes_json, m});
    }
  }
  return p;
}

std::vector<OfficeHolder> HoldersOf(const Parsed& p) {
  std::vector<OfficeHolder> out;
  for (const ActorEntry& e : p.actors)
    for (const DatedCode& c : e.codes)
      for (const std::string& o : c.offices) out.push_back({c.code.substr(0, 3), o, e.id, e.origin, c.range});
  return out;
}

std::vector<std::string> Missing(const Parsed& p, int date) {
  std::vector<std::string> out;
  std::set<std::string> state, government;
  for (const ActorEntry& e : p.actors) {
    for (const DatedCode& c : e.codes) {
      if (c.offices.empty() || !c.range.Contains(date)) continue;
      if (HoldsOffice(c, kHeadOfState)) state.insert(c.code.substr(0, 3));
      if (HoldsOffice(c, kHeadOfGovernment)) government.insert(c.code.substr(0, 3));
    }
  }
  for (const std::string& iso : p.members) {
    std::string code = CameoCountryCode(iso);
    if (!state.count(code)) out.push_back(code + " " + kHeadOfState);
    if (!government.count(code)) out.push_back(code + " " + kHeadOfGovernment);
  }
  return out;
}

}  // namespace

std::vector<OfficeHolder> OfficeHolders(const std::vector<DictFile>& files) {
  return HoldersOf(ParseAll(files, CheckOptions{.iso_codes_json = ""}, nullptr));
}

std::vector<std::string> UnMembers(const std::vector<DictFile>& files) {
  return ParseAll(files, CheckOptions{.iso_codes_json = ""}, nullptr).members;
}

std::vector<std::string> MissingOffices(const std::vector<DictFile>& files, int date) {
  return Missing(ParseAll(files, CheckOptions{.iso_codes_json = ""}, nullptr), date);
}

size_t CheckReport::errors() const {
  return std::count_if(issues.begin(), issues.end(),
                       [](const CheckIssue& i) { return i.severity == CheckIssue::Severity::kError; });
}
size_t CheckReport::warnings() const { return issues.size() - errors(); }

std::vector<DictFile> EmbeddedDictFiles() {
  std::vector<DictFile> files;
  for (const resources::Resource& r : resources::WithPrefix("data/dict/"))
    if (std::string_view(r.name).ends_with(".txt")) files.push_back({std::string(r.name), std::string(r.bytes)});
  return files;
}

Result<std::vector<DictFile>> DictFilesFrom(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound(dir + ": not a directory");
  std::vector<std::string> paths;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  std::vector<DictFile> files;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return IoError(path + ": cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    files.push_back({path, ss.str()});
  }
  if (files.empty()) return NotFound(dir + ": no .txt dictionary files");
  return files;
}

std::vector<std::string> CameoEventCodes() {
  std::vector<std::string> codes;
  std::optional<std::string_view> tsv = resources::Find("data/reference/cameo_codes.tsv");
  if (!tsv) return codes;
  size_t pos = 0;
  bool header = true;
  while (pos < tsv->size()) {
    size_t nl = tsv->find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv->size();
    std::string_view line = tsv->substr(pos, nl - pos);
    pos = nl + 1;
    if (header) {
      header = false;
      continue;
    }
    size_t tab = line.find('\t');
    std::string code(line.substr(0, tab));
    if (!code.empty()) codes.push_back(code);
  }
  return codes;
}

CheckReport CheckDictionaries(const std::vector<DictFile>& files, const CheckOptions& options) {
  CheckReport report;
  Parsed p = ParseAll(files, options, &report);
  auto error = [&](const std::string& origin, const std::string& m) {
    report.issues.push_back({CheckIssue::Severity::kError, origin, m});
  };
  auto warn = [&](const std::string& origin, const std::string& m) {
    report.issues.push_back({CheckIssue::Severity::kWarning, origin, m});
  };

  // The coder's rules read these word lists; a folder with words files must name them all.
  if (!p.words.empty())
    for (const std::string& list : WordLists::Required())
      if (p.words.Get(list).empty()) error("", "no words file names the \"" + list + "\" list, which the coder reads");

  std::set<std::string> places;  // country and region codes
  for (const ActorEntry& e : p.countries)
    for (const DatedCode& c : e.codes) places.insert(c.code);

  // Names: duplicates and conflicts across all actor entries.
  struct Seen {
    std::string codes;
    std::string origin;
    std::string id;
  };
  std::map<std::string, Seen> by_name;
  auto check_entry = [&](const ActorEntry& e) {
    std::set<std::string> own;
    for (const ActorName& n : e.names) {
      std::string key = NormName(n.cased);
      if (key.empty()) continue;
      if (!own.insert(key).second) {
        warn(e.origin, "duplicate name \"" + n.cased + "\" in the same entry");
        continue;
      }
      std::string codes = CodesKey(e.codes);
      auto it = by_name.find(key);
      if (it == by_name.end()) {
        by_name.emplace(key, Seen{codes, e.origin, e.id});
      } else if (it->second.codes == codes) {
        warn(e.origin, "duplicate name \"" + n.cased + "\", also at " + it->second.origin);
      } else if (!e.origin.starts_with("/")) {  // ISO names may repeat ours under another code
        error(e.origin, "conflicting codes for name \"" + n.cased + "\": " + it->second.origin + " (" +
                            it->second.id + ") codes it differently");
      }
    }
    // Codes: known prefix and agent types; dated codes of one entry must not overlap.
    for (size_t i = 0; i < e.codes.size(); ++i) {
      const std::string& code = e.codes[i].code;
      std::string prefix = code.substr(0, 3);
      bool international = InternationalPrefixes().count(prefix) > 0;
      if (!international && !places.count(prefix)) {
        error(e.origin, "unknown country or region code \"" + prefix + "\" in \"" + code + "\" for \"" + e.id + "\"");
      } else if (!international) {
        for (size_t k = 3; k + 3 <= code.size(); k += 3) {
          std::string chunk = code.substr(k, 3);
          if (!AgentTypes().count(chunk))
            error(e.origin, "unknown agent type \"" + chunk + "\" in \"" + code + "\" for \"" + e.id + "\"");
        }
        if (code.size() % 3 != 0) error(e.origin, "code \"" + code + "\" is not made of 3-letter parts");
      }
      for (size_t j = i + 1; j < e.codes.size(); ++j) {
        const DatedCode& a = e.codes[i];
        const DatedCode& b = e.codes[j];
        if (a.range.open() || b.range.open()) {
          if (a.range.open() && b.range.open())
            error(e.origin, "two undated codes (" + a.code + ", " + b.code + ") for \"" + e.id + "\"");
          continue;
        }
        if (a.range.Overlaps(b.range))
          error(e.origin, "overlapping date ranges: " + a.code + " " + FormatDate(a.range.begin) + ".." +
                              FormatDate(a.range.end) + " and " + b.code + " " + FormatDate(b.range.begin) + ".." +
                              FormatDate(b.range.end) + " for \"" + e.id + "\"");
      }
    }
  };
  for (const ActorEntry& e : p.countries) check_entry(e);
  for (const ActorEntry& e : p.actors) check_entry(e);

  // Offices: held for a country, and one holder of each office at a time.
  for (const ActorEntry& e : p.actors)
    for (const DatedCode& c : e.codes)
      if (!c.offices.empty() && InternationalPrefixes().count(c.code.substr(0, 3)))
        error(e.origin, "office \"" + c.offices.front() + "\" on \"" + c.code + "\" for \"" + e.id +
                            "\": an office needs a country code");
  std::map<std::pair<std::string, std::string>, std::vector<OfficeHolder>> by_office;
  for (OfficeHolder& h : HoldersOf(p)) {
    if (h.office == kJointHeadOfState) continue;  // held together by design
    by_office[{h.country, h.office}].push_back(std::move(h));
  }
  for (auto& [key, holders] : by_office) {
    std::stable_sort(holders.begin(), holders.end(),
                     [](const OfficeHolder& a, const OfficeHolder& b) { return a.range.begin < b.range.begin; });
    for (size_t i = 0; i < holders.size(); ++i) {
      for (size_t j = i + 1; j < holders.size(); ++j) {
        const OfficeHolder& a = holders[i];
        const OfficeHolder& b = holders[j];
        if (b.range.begin > a.range.end) break;
        if (a.person == b.person) continue;  // one person's consecutive ranges
        // The handover day may be written as the last day of one and the first of the other.
        if (b.range.begin == a.range.end) continue;
        warn(b.origin, "overlapping " + key.second + " of " + key.first + ": \"" + b.person + "\" " +
                           FormatDate(b.range.begin) + ".." + FormatDate(b.range.end) + " and \"" + a.person + "\" " +
                           FormatDate(a.range.begin) + ".." + FormatDate(a.range.end) + " at " + a.origin);
      }
    }
  }

  // UN members: known countries, listed once, and (with a date) a head of state and of government.
  std::set<std::string> seen_members;
  for (size_t i = 0; i < p.members.size(); ++i) {
    const std::string& iso = p.members[i];
    if (!seen_members.insert(iso).second) warn(p.member_origins[i], "UN member " + iso + " listed twice");
    if (!places.count(CameoCountryCode(iso)))
      error(p.member_origins[i], "UN member " + iso + " is not a country code of the countries file or ISO 3166-1");
  }
  if (options.office_date != 0)
    for (const std::string& m : Missing(p, options.office_date))
      warn("", "UN member " + m.substr(0, 3) + " has no " + m.substr(4) + " on " + FormatDate(options.office_date));

  // Agents: a title names one agent type.
  std::map<std::string, std::pair<std::string, std::string>> agent_names;  // name -> (code, origin)
  for (const AgentEntry& a : p.agents) {
    for (const std::string& code_part : {a.code}) {
      for (size_t k = 0; k + 3 <= code_part.size(); k += 3)
        if (!AgentTypes().count(code_part.substr(k, 3)))
          error(a.origin, "unknown agent type \"" + code_part.substr(k, 3) + "\" in \"" + a.code + "\"");
    }
    for (const std::string& n : a.names) {
      std::string key = NormName(n);
      auto it = agent_names.find(key);
      if (it == agent_names.end()) {
        agent_names.emplace(key, std::make_pair(a.code, a.origin));
      } else if (it->second.first == a.code) {
        warn(a.origin, "duplicate agent title \"" + n + "\", also at " + it->second.second);
      } else {
        error(a.origin, "conflicting agent codes for \"" + n + "\": " + a.code + " here, " + it->second.first +
                            " at " + it->second.second);
      }
    }
  }

  // Verbs: known event codes, no pattern listed twice.
  std::vector<std::string> cameo = CameoEventCodes();
  std::set<std::string> known(cameo.begin(), cameo.end());
  std::map<std::string, std::pair<std::string, std::string>> patterns;  // pattern -> (code, origin)
  // A root alone ("17") is a heading of the CAMEO table, not an event code: GDELT and PLOVER
  // consumers filter on three or four digits, so `--code 170` would never find it.
  auto two_digit = [](const std::string& code) { return code.size() == 2; };
  for (const VerbEntry& v : p.verbs) {
    for (const std::string* code : {&v.code, &v.reverse_code}) {
      if (two_digit(*code))
        error(v.origin, "two-digit CAMEO code \"" + *code + "\" for \"" + v.text +
                            "\": a root is no event code; use three or four digits (\"" + *code + "0\")");
    }
    if (!known.empty() && !known.count(v.code))
      error(v.origin, "unknown CAMEO event code \"" + v.code + "\" for \"" + v.text + "\"");
    auto it = patterns.find(v.text);
    if (it == patterns.end()) {
      patterns.emplace(v.text, std::make_pair(v.code, v.origin));
    } else if (it->second.first == v.code) {
      warn(v.origin, "duplicate verb pattern \"" + v.text + "\", also at " + it->second.second);
    } else {
      error(v.origin, "conflicting codes for verb pattern \"" + v.text + "\": " + v.code + " here, " +
                          it->second.first + " at " + it->second.second);
    }
  }
  return report;
}

DictStats ComputeStats(const std::vector<DictFile>& files, const CheckOptions& options) {
  DictStats s;
  Parsed p = ParseAll(files, options, nullptr);
  s.entries_by_kind = p.entries_by_kind;
  s.verb_entries = p.verbs.size();
  std::set<std::string> covered;
  for (const VerbEntry& v : p.verbs) {
    ++s.verbs_by_root[v.code.substr(0, 2)];
    covered.insert(v.code);
  }
  for (const std::string& c : CameoEventCodes())
    if (!covered.count(c)) s.event_codes_without_verbs.push_back(c);
  for (const std::vector<ActorEntry>* list : {&p.countries, &p.actors}) {
    for (const ActorEntry& e : *list) {
      // The type of the entry's latest code: its agent part, or the actor kind when it has none.
      std::string code = e.CodeAt(0);
      std::string type = code.size() >= 6 ? code.substr(3, 3) : std::string(ActorKindName(e.kind));
      if (code.size() >= 3 && InternationalPrefixes().count(code.substr(0, 3))) type = code.substr(0, 3);
      ++s.actors_by_type[type];
    }
  }
  for (const AgentEntry& a : p.agents) s.agents_by_type[a.code] += a.names.size();
  return s;
}

}  // namespace dragoman::coding
