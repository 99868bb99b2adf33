#include "coding/our_dictionary_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "resources/resources.h"

namespace dragoman::coding {

const std::vector<std::string>& KnownOffices() {
  static const std::vector<std::string> k = {kHeadOfState,      kHeadOfGovernment, kJointHeadOfState,
                                             kGovernorGeneral, "foreign-minister", "defence-minister"};
  return k;
}

bool IsOffice(std::string_view word) {
  const std::vector<std::string>& k = KnownOffices();
  return std::find(k.begin(), k.end(), word) != k.end();
}

bool HoldsOffice(const DatedCode& code, std::string_view office) {
  auto has = [&](std::string_view o) { return std::find(code.offices.begin(), code.offices.end(), o) != code.offices.end(); };
  if (has(office)) return true;
  // A joint head of state and a governor-general stand for the head of state.
  if (office == kHeadOfState) return has(kJointHeadOfState) || has(kGovernorGeneral);
  return false;
}

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(Trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

// The line without its comment. '#' starts a comment at the line start or after a space.
std::string_view StripComment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return Trim(line.substr(0, i));
  return Trim(line);
}

// Iterates over the entry lines of a file: calls fn(line_number, content) for each non-empty,
// non-comment line after the version line.
template <typename Fn>
void ForEachEntry(std::string_view text, Fn fn) {
  size_t line_no = 0;
  size_t pos = 0;
  bool seen_version = false;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    ++line_no;
    pos = nl + 1;
    std::string_view content = StripComment(line);
    if (content.empty()) {
      if (nl == text.size()) break;
      continue;
    }
    if (!seen_version) {
      seen_version = true;  // DictFileKind checked it
      continue;
    }
    fn(line_no, content, line);
    if (nl == text.size()) break;
  }
}

std::string Where(std::string_view file, size_t line) { return std::string(file) + ":" + std::to_string(line); }

std::string Quote(std::string_view line) {
  std::string l(Trim(line));
  if (l.size() > 120) l = l.substr(0, 117) + "...";
  return "\"" + l + "\"";
}

// "Turkey" the country versus "turkey" the bird: single-word names that are common words
// (data/dict/english.txt, "capitalized-name") must be capitalized to match.
bool NeedsCapital(std::string_view name) { return BuiltInWordLists().Has("capitalized-name", NormalizeForm(name)); }

// Parses one name with its case marker: "!Xi" (capitalized), "=US" (exact case), else any case.
std::optional<ActorName> ParseName(std::string_view raw, NameRole role, std::string* error) {
  ActorName n;
  n.role = role;
  if (raw.starts_with("!")) {
    n.match_case = ActorName::Case::kCapitalized;
    raw.remove_prefix(1);
  } else if (raw.starts_with("=")) {
    n.match_case = ActorName::Case::kExact;
    raw.remove_prefix(1);
  }
  raw = Trim(raw);
  if (raw.empty()) {
    *error = "empty name";
    return std::nullopt;
  }
  n.cased = std::string(raw);
  n.text = std::string(raw);
  if (NameTokens(raw).empty()) {
    *error = "empty name";
    return std::nullopt;
  }
  return n;
}

// "head-of-state, head-of-government, ..." for error messages.
std::string OfficeList() {
  std::string out;
  for (const std::string& o : KnownOffices()) out += (out.empty() ? "" : ", ") + o;
  return out;
}

// "KAZGOV 2019-03-20..", "CHNGOV 2008-03..2013", "CHN", and in people files office words after
// the code or range: "KAZGOV 2019-03-20.. head-of-state", "USAGOV 2025-01-20.. head-of-state
// head-of-government".
std::optional<DatedCode> ParseCode(std::string_view raw, std::string* error) {
  DatedCode c;
  std::vector<std::string_view> parts;
  for (std::string_view p : Split(Trim(raw), ' '))
    if (!p.empty()) parts.push_back(p);
  c.code = parts.empty() ? std::string() : std::string(parts[0]);
  if (c.code.size() < 3 ||
      !std::all_of(c.code.begin(), c.code.end(),
                   [](char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-'; })) {
    *error = "bad code \"" + c.code + "\" (expected upper-case letters, e.g. KAZGOV)";
    return std::nullopt;
  }
  bool have_range = false;
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    if (part.find("..") == std::string_view::npos) {
      if (part.front() >= '0' && part.front() <= '9') {
        *error = "bad date range \"" + std::string(part) + "\" (expected FROM..TO, either side may be empty)";
        return std::nullopt;
      }
      if (!IsOffice(part)) {
        *error = "unknown office \"" + std::string(part) + "\" for " + c.code + " (expected " + OfficeList() + ")";
        return std::nullopt;
      }
      if (std::find(c.offices.begin(), c.offices.end(), part) != c.offices.end()) {
        *error = "office \"" + std::string(part) + "\" given twice for " + c.code;
        return std::nullopt;
      }
      c.offices.emplace_back(part);
      continue;
    }
    if (have_range || !c.offices.empty()) {
      *error = "a code takes one date range, before its offices: \"" + std::string(Trim(raw)) + "\"";
      return std::nullopt;
    }
    have_range = true;
    std::string_view range = part;
    size_t dots = range.find("..");
    std::string_view from = Trim(range.substr(0, dots)), to = Trim(range.substr(dots + 2));
    if (!from.empty()) {
      std::optional<int> d = ParseDate(from, false);
      if (!d) {
        *error = "bad date \"" + std::string(from) + "\" (expected YYYY, YYYY-MM or YYYY-MM-DD)";
        return std::nullopt;
      }
      c.range.begin = *d;
    }
    if (!to.empty()) {
      std::optional<int> d = ParseDate(to, true);
      if (!d) {
        *error = "bad date \"" + std::string(to) + "\" (expected YYYY, YYYY-MM or YYYY-MM-DD)";
        return std::nullopt;
      }
      c.range.end = *d;
    }
    if (c.range.begin > c.range.end) {
      *error = "date range of " + c.code + " ends before it begins";
      return std::nullopt;
    }
    if (from.empty() && to.empty()) {
      *error = "empty date range \"..\" for " + c.code + " (leave the range out for an undated code)";
      return std::nullopt;
    }
  }
  return c;
}

ActorKind KindOf(std::string_view kind) {
  if (kind == "countries") return ActorKind::kCountry;
  if (kind == "regions") return ActorKind::kRegion;
  if (kind == "organizations") return ActorKind::kOrganization;
  if (kind == "people") return ActorKind::kPerson;
  return ActorKind::kGroup;
}

const std::set<std::string, std::less<>>& ActorKinds() {
  static const std::set<std::string, std::less<>> k = {"countries", "regions", "organizations",
                                                       "people",    "groups",  "agents"};
  return k;
}

}  // namespace

std::string CameoCountryCode(std::string_view iso) {
  if (iso == "ROU") return "ROM";
  if (iso == "TLS") return "TMP";
  if (iso == "MNE") return "MTN";
  if (iso == "XKX") return "KSV";  // Kosovo's user-assigned code (GeoNames)
  return std::string(iso);
}

Result<std::string> DictFileKind(std::string_view name, std::string_view text) {
  size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = StripComment(text.substr(pos, nl - pos));
    ++line_no;
    pos = nl + 1;
    if (line.empty()) continue;
    std::vector<std::string_view> f;
    for (std::string_view p : Split(line, ' '))
      if (!p.empty()) f.push_back(p);
    if (f.size() != 3 || f[0] != "dragoman-dict")
      return InvalidInput(Where(name, line_no) + ": expected the version line \"dragoman-dict " +
                          std::to_string(kDictFormatVersion) + " KIND\", got " + Quote(line));
    int version = 0;
    try {
      version = std::stoi(std::string(f[1]));
    } catch (...) {
      return InvalidInput(Where(name, line_no) + ": bad format version " + Quote(f[1]));
    }
    if (version > kDictFormatVersion || version < 1)
      return Unsupported(Where(name, line_no) + ": dictionary format " + std::string(f[1]) +
                         ", this build reads up to " + std::to_string(kDictFormatVersion));
    std::string kind(f[2]);
    if (!ActorKinds().count(kind) && kind != "verbs" && kind != "members" && kind != "words")
      return InvalidInput(Where(name, line_no) + ": unknown dictionary kind \"" + kind +
                          "\" (expected countries, regions, organizations, people, groups, agents, verbs, "
                          "members or words)");
    return kind;
  }
  return InvalidInput(std::string(name) + ": empty dictionary file (expected a version line \"dragoman-dict " +
                      std::to_string(kDictFormatVersion) + " KIND\")");
}

// The bad lines of one dictionary file: each is reported to problems (when given) as
// "file:line: what: the line"; in strict mode the first one also fails the load.
class BadLines {
 public:
  BadLines(std::string_view name, bool strict, std::vector<std::string>* problems)
      : name_(name), strict_(strict), problems_(problems) {}
  void Add(size_t line_no, std::string_view line, const std::string& what) {
    std::string m = Where(name_, line_no) + ": " + what + ": " + Quote(line);
    if (problems_) problems_->push_back(m);
    if (strict_ && failed_.ok()) failed_ = InvalidInput(m);
  }
  const Status& failed() const { return failed_; }

 private:
  std::string_view name_;
  bool strict_;
  std::vector<std::string>* problems_;
  Status failed_;
};

Status ParseActorFile(std::string_view name, std::string_view text, bool strict, std::vector<ActorEntry>* actors,
                      std::vector<AgentEntry>* agents, std::vector<std::string>* problems) {
  Result<std::string> kind = DictFileKind(name, text);
  if (!kind.ok()) return kind.status();
  if (!ActorKinds().count(*kind))
    return InvalidInput(std::string(name) + ": a " + *kind + " file is not an actor dictionary");
  BadLines bad_lines(name, strict, problems);
  auto bad = [&](size_t line_no, std::string_view line, const std::string& msg) { bad_lines.Add(line_no, line, msg); };
  ForEachEntry(text, [&](size_t line_no, std::string_view content, std::string_view line) {
    std::string err;
    if (*kind == "countries" || *kind == "regions") {
      // CODE | names | adjectives and demonyms | capitals and seats
      std::vector<std::string_view> f = Split(content, '|');
      if (f.size() < 2 || f.size() > 4) {
        bad(line_no, line, "expected \"CODE | names | adjectives | capitals\"");
        return;
      }
      std::optional<DatedCode> code = ParseCode(f[0], &err);
      if (!code) {
        bad(line_no, line, err);
        return;
      }
      if (!code->offices.empty()) {
        bad(line_no, line, "office words are allowed only in people files");
        return;
      }
      ActorEntry e;
      e.kind = KindOf(*kind);
      e.id = code->code;
      e.codes.push_back(*code);
      e.origin = Where(name, line_no);
      const NameRole roles[] = {NameRole::kName, NameRole::kAdjective, NameRole::kMetonym};
      for (size_t k = 1; k < f.size(); ++k) {
        if (f[k].empty()) continue;
        for (std::string_view raw : Split(f[k], ';')) {
          if (raw.empty()) continue;
          std::optional<ActorName> n = ParseName(raw, roles[k - 1], &err);
          if (!n) {
            bad(line_no, line, err);
            return;
          }
          if (n->match_case == ActorName::Case::kAnyCase && NeedsCapital(n->cased))
            n->match_case = ActorName::Case::kCapitalized;
          e.names.push_back(std::move(*n));
        }
      }
      if (e.names.empty()) {
        bad(line_no, line, "no name for " + e.id);
        return;
      }
      actors->push_back(std::move(e));
      return;
    }
    // names = codes
    size_t eq = content.find(" = ");
    if (eq == std::string_view::npos) {
      bad(line_no, line, "expected \"names = codes\"");
      return;
    }
    std::vector<std::string_view> names = Split(content.substr(0, eq), ';');
    std::vector<std::string_view> codes = Split(content.substr(eq + 3), ',');
    if (*kind == "agents") {
      AgentEntry a;
      a.origin = Where(name, line_no);
      if (codes.size() != 1 || codes[0].find(' ') != std::string_view::npos) {
        bad(line_no, line, "an agent takes exactly one undated code");
        return;
      }
      std::optional<DatedCode> c = ParseCode(codes[0], &err);
      if (!c) {
        bad(line_no, line, err);
        return;
      }
      a.code = c->code;
      for (std::string_view n : names) {
        if (n.empty()) continue;
        if (NameTokens(n).empty()) continue;
        a.names.emplace_back(n);
      }
      if (a.names.empty()) {
        bad(line_no, line, "no name");
        return;
      }
      agents->push_back(std::move(a));
      return;
    }
    ActorEntry e;
    e.kind = KindOf(*kind);
    e.origin = Where(name, line_no);
    for (std::string_view raw : names) {
      if (raw.empty()) continue;
      std::optional<ActorName> n = ParseName(raw, NameRole::kName, &err);
      if (!n) {
        bad(line_no, line, err);
        return;
      }
      e.names.push_back(std::move(*n));
    }
    if (e.names.empty()) {
      bad(line_no, line, "no name");
      return;
    }
    e.id = e.names.front().cased;
    for (std::string_view raw : codes) {
      if (raw.empty()) {
        bad(line_no, line, "empty code");
        return;
      }
      std::optional<DatedCode> c = ParseCode(raw, &err);
      if (!c) {
        bad(line_no, line, err);
        return;
      }
      if (!c->offices.empty() && *kind != "people") {
        bad(line_no, line, "office words are allowed only in people files");
        return;
      }
      e.codes.push_back(std::move(*c));
    }
    actors->push_back(std::move(e));
  });
  return bad_lines.failed();
}

Status LoadActorFile(std::string_view name, std::string_view text, bool strict, ActorDictionary* dict,
                     std::vector<std::string>* problems) {
  std::vector<ActorEntry> actors;
  std::vector<AgentEntry> agents;
  Status s = ParseActorFile(name, text, strict, &actors, &agents, problems);
  if (!s.ok()) return s;
  for (ActorEntry& e : actors) {
    Status a = dict->AddActor(std::move(e));
    if (!a.ok()) {
      if (problems) problems->push_back(a.message());
      if (strict) return a;
    }
  }
  for (AgentEntry& e : agents) {
    Status a = dict->AddAgent(std::move(e));
    if (!a.ok()) {
      if (problems) problems->push_back(a.message());
      if (strict) return a;
    }
  }
  return Status::Ok();
}

Status LoadVerbFile(std::string_view name, std::string_view text, bool strict, std::vector<VerbEntry>* verbs,
                    std::vector<std::string>* problems) {
  Result<std::string> kind = DictFileKind(name, text);
  if (!kind.ok()) return kind.status();
  if (*kind != "verbs") return InvalidInput(std::string(name) + ": a " + *kind + " file is not a verbs file");
  BadLines bad_lines(name, strict, problems);
  ForEachEntry(text, [&](size_t line_no, std::string_view content, std::string_view line) {
    auto bad = [&](const std::string& msg) { bad_lines.Add(line_no, line, msg); };
    std::vector<std::string> f;
    for (std::string_view p : Split(content, ' '))
      if (!p.empty()) f.emplace_back(p);
    if (f.size() < 2) {
      bad("expected \"CODE pattern\"");
      return;
    }
    std::string code = f[0], reverse;
    if (size_t colon = code.find(':'); colon != std::string::npos) {
      reverse = code.substr(colon + 1);
      code = code.substr(0, colon);
    }
    auto is_code = [](const std::string& c) {
      return c.size() >= 2 && c.size() <= 4 &&
             std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    };
    if (!is_code(code) || (!reverse.empty() && !is_code(reverse)) || (f[0].find(':') != std::string::npos && reverse.empty())) {
      bad("bad event code \"" + f[0] + "\" (expected 2 to 4 digits, or CODE:REVERSE)");
      return;
    }
    VerbEntry v;
    v.code = code;
    v.reverse_code = reverse;
    v.origin = Where(name, line_no);
    int targets = 0, sources = 0, words = 0;
    for (size_t i = 1; i < f.size(); ++i) {
      const std::string& el = f[i];
      if (el == "+") {
        ++targets;
      } else if (el == "$") {
        ++sources;
      } else if (el == "*") {
        if (i == 1 || i + 1 == f.size()) {
          bad("a gap \"*\" may not start or end a pattern");
          return;
        }
      } else {
        std::string w = el;
        if (w.size() > 2 && w.front() == '(' && w.back() == ')') w = w.substr(1, w.size() - 2);
        for (std::string_view alt : Split(w, '|')) {
          if (alt.empty() ||
              !std::all_of(alt.begin(), alt.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || c == '\'' || c == '-' || (c >= '0' && c <= '9');
              })) {
            bad("bad pattern word \"" + el + "\" (expected lower-case lemmas, +, $, *, (word) or a|b)");
            return;
          }
        }
        if (el.front() != '(') ++words;
      }
      v.elements.push_back(el);
    }
    if (targets > 1 || sources > 1) {
      bad("a pattern takes at most one target \"+\" and one source \"$\"");
      return;
    }
    if (words == 0) {
      bad("a pattern needs at least one word");
      return;
    }
    for (size_t i = 1; i < f.size(); ++i) v.text += (i > 1 ? " " : "") + f[i];
    verbs->push_back(std::move(v));
  });
  return bad_lines.failed();
}

Status LoadWordFile(std::string_view name, std::string_view text, bool strict, WordLists* words,
                    std::vector<std::string>* problems) {
  Result<std::string> kind = DictFileKind(name, text);
  if (!kind.ok()) return kind.status();
  if (*kind != "words") return InvalidInput(std::string(name) + ": a " + *kind + " file is not a words file");
  BadLines bad_lines(name, strict, problems);
  ForEachEntry(text, [&](size_t line_no, std::string_view content, std::string_view line) {
    size_t colon = content.find(':');
    std::string list(Trim(content.substr(0, colon == std::string_view::npos ? 0 : colon)));
    if (colon == std::string_view::npos || list.empty() ||
        !std::all_of(list.begin(), list.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; })) {
      bad_lines.Add(line_no, line, "expected \"list-name: word word ...\"");
      return;
    }
    for (std::string_view w : Split(content.substr(colon + 1), ' ')) {
      if (w.empty()) continue;
      std::string word(w);
      for (char& c : word) {
        if (c == '_') c = ' ';
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      words->Add(list, std::move(word));
    }
  });
  return bad_lines.failed();
}

Status LoadMemberFile(std::string_view name, std::string_view text, bool strict, std::vector<std::string>* codes,
                      std::vector<std::string>* problems) {
  Result<std::string> kind = DictFileKind(name, text);
  if (!kind.ok()) return kind.status();
  if (*kind != "members") return InvalidInput(std::string(name) + ": a " + *kind + " file is not a members file");
  BadLines bad_lines(name, strict, problems);
  ForEachEntry(text, [&](size_t line_no, std::string_view content, std::string_view line) {
    bool ok = content.size() == 3 && std::all_of(content.begin(), content.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!ok) {
      bad_lines.Add(line_no, line, "expected one ISO 3166-1 alpha-3 code (e.g. KAZ)");
      return;
    }
    codes->emplace_back(content);
  });
  return bad_lines.failed();
}

Status MergeIsoCountries(const std::string& path, std::vector<ActorEntry>* countries,
                         std::vector<std::string>* problems) {
  std::ifstream in(path);
  if (!in) return Status::Ok();  // iso-codes not installed: our own names still cover every country
  nlohmann::json j;
  try {
    in >> j;
  } catch (const std::exception& e) {
    return Corrupt(path + ": not valid JSON: " + e.what());
  }
  if (!j.contains("3166-1") || !j["3166-1"].is_array())
    return Corrupt(path + ": expected an object with a \"3166-1\" array");
  std::map<std::string, size_t> by_code;
  for (size_t i = 0; i < countries->size(); ++i)
    if (!(*countries)[i].codes.empty()) by_code.emplace((*countries)[i].codes.front().code, i);
  // Names compare as the index sees them: normalized, without a leading "the".
  auto key = [](std::string_view name) {
    std::vector<std::string> units = NameTokens(name);
    if (units.size() > 1 && units[0] == "the") units.erase(units.begin());
    std::string k;
    for (const std::string& u : units) k += (k.empty() ? "" : " ") + u;
    return k;
  };
  std::set<std::string> ours;
  for (const ActorEntry& entry : *countries)
    for (const ActorName& a : entry.names) ours.insert(key(a.cased));
  size_t index = 0;
  for (const nlohmann::json& c : j["3166-1"]) {
    ++index;
    if (!c.is_object() || !c.contains("alpha_3") || !c["alpha_3"].is_string()) {
      if (problems) problems->push_back(path + ": entry " + std::to_string(index) + " has no alpha_3 code");
      continue;
    }
    std::string code = CameoCountryCode(c["alpha_3"].get<std::string>());
    std::vector<std::string> names;
    for (const char* field : {"name", "official_name", "common_name"}) {
      if (!c.contains(field) || !c[field].is_string()) continue;
      std::string n = c[field].get<std::string>();
      // Inverted ("Korea, Republic of") and bracketed names never appear as such in running text.
      if (n.find(',') != std::string::npos || n.find('(') != std::string::npos) continue;
      names.push_back(n);
    }
    if (names.empty()) continue;
    auto it = by_code.find(code);
    if (it == by_code.end()) {
      ActorEntry e;
      e.id = code;
      e.kind = ActorKind::kCountry;
      e.codes.push_back({code, {}, {}});
      e.origin = path + ":" + std::to_string(index);
      by_code.emplace(code, countries->size());
      countries->push_back(std::move(e));
      it = by_code.find(code);
    }
    ActorEntry& e = (*countries)[it->second];
    for (const std::string& n : names) {
      std::string norm = key(n);
      bool have = std::any_of(e.names.begin(), e.names.end(), [&](const ActorName& a) { return key(a.cased) == norm; });
      // A name our file gives another country is ours to decide ("Congo" alone is the DR Congo
      // in the news, though ISO 3166 calls the Republic of the Congo so).
      if (have || ours.count(norm)) continue;
      ActorName a;
      a.text = n;
      a.cased = n;
      a.match_case = NeedsCapital(n) ? ActorName::Case::kCapitalized : ActorName::Case::kAnyCase;
      e.names.push_back(std::move(a));
    }
  }
  return Status::Ok();
}

namespace {

// A reader names a person by surname once the person is known ("President George W. Bush ...
// Bush", and headlines: "Powell accuses Iran"): every person gets the last word of each full name
// as a capitalized name, unless that word already names another entry, people of different
// countries share it ("Kim", "Singh"), or it is a weekday or month ("Godwin Friday"); nor for
// governors-general.
bool IsCuratedPeopleFile(const std::string& origin) {
  std::string file = origin.substr(0, origin.rfind(':'));
  return file == "people.txt" || file.ends_with("/people.txt");
}

void AddSurnames(std::vector<ActorEntry>* entries) {
  auto surname_of = [](const std::string& cased) -> std::string {
    std::vector<std::string> words;
    for (std::string_view w : Split(cased, ' '))
      if (!w.empty()) words.emplace_back(w);
    while (words.size() > 2 && (words.back() == "Jr." || words.back() == "Jr" || words.back() == "Sr." ||
                                 std::all_of(words.back().begin(), words.back().end(),
                                             [](char c) { return c == 'I' || c == 'V' || c == 'X'; })))
      words.pop_back();
    if (words.size() < 2) return "";
    // After "bin" or "ibn" (patronymic) the last word is the father's name: "King Abdullah bin
    // Abdulaziz" is no "Abdulaziz".
    if (BuiltInWordLists().Has("patronymic", NormalizeForm(words[words.size() - 2]))) return "";
    const std::string& last = words.back();
    bool has_lower = std::any_of(last.begin(), last.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (last.size() < 3 || !has_lower || last.find('.') != std::string::npos || !(last[0] >= 'A' && last[0] <= 'Z'))
      return "";
    return last;
  };
  std::set<std::string> names;
  for (const ActorEntry& e : *entries)
    for (const ActorName& n : e.names) names.insert(n.text);
  // surname -> the home countries of the people who bear it (a person's first code: "Kofi Annan =
  // GHA, IGOUNO" is one person of Ghana, whatever office he held)
  std::map<std::string, std::set<std::string>> countries;
  for (const ActorEntry& e : *entries) {
    if (e.kind != ActorKind::kPerson || e.codes.empty()) continue;
    for (const ActorName& n : e.names) {
      std::string surname = surname_of(n.cased);
      if (surname.empty()) continue;
      countries[surname].insert(e.codes.front().code.substr(0, 3));
    }
  }
  // A one-word name written in the file that is the last word of the person's full name
  // ("Muammar Gaddafi; !Gaddafi") is a surname too: "Saif al-Islam Gaddafi" is someone else.
  for (ActorEntry& e : *entries) {
    if (e.kind != ActorKind::kPerson) continue;
    std::set<std::string> lasts;
    for (const ActorName& n : e.names)
      if (std::string last = surname_of(n.cased); !last.empty()) lasts.insert(last);
    for (ActorName& n : e.names)
      if (n.cased.find(' ') == std::string::npos && lasts.count(n.cased)) n.surname = true;
  }
  for (ActorEntry& e : *entries) {
    // Only the curated people file: imported lists hold thousands of minor figures whose
    // surnames are ordinary capitalized words in headlines ("Gates", "Brown").
    if (e.kind != ActorKind::kPerson || !IsCuratedPeopleFile(e.origin)) continue;
    // A governor-general is named in full: "Smith" and "Young" are everyone's names.
    bool governor_general = std::any_of(e.codes.begin(), e.codes.end(), [](const DatedCode& c) {
      return std::find(c.offices.begin(), c.offices.end(), kGovernorGeneral) != c.offices.end();
    });
    if (governor_general) continue;
    std::vector<ActorName> add;
    for (const ActorName& n : e.names) {
      std::string surname = surname_of(n.cased);
      if (surname.empty() || countries[surname].size() != 1) continue;
      if (BuiltInWordLists().Has("not-a-surname", NormalizeForm(surname))) continue;
      std::string error;
      std::optional<ActorName> alias = ParseName("!" + surname, NameRole::kName, &error);
      if (!alias || names.count(alias->text)) continue;
      alias->surname = true;
      if (std::any_of(add.begin(), add.end(), [&](const ActorName& a) { return a.text == alias->text; })) continue;
      add.push_back(std::move(*alias));
    }
    for (ActorName& a : add) e.names.push_back(std::move(a));
  }
}

Result<OurDictionaries> LoadFiles(const std::vector<std::pair<std::string, std::string>>& files,
                                  const LoadOptions& options, std::vector<std::string>* problems) {
  OurDictionaries out;
  std::vector<ActorEntry> countries, others;
  std::vector<AgentEntry> agents;
  for (const auto& [name, text] : files) {
    Result<std::string> kind = DictFileKind(name, text);
    if (!kind.ok()) {
      if (options.strict) return kind.status();
      if (problems) problems->push_back(kind.status().message());
      continue;
    }
    Status s;
    if (*kind == "verbs") {
      s = LoadVerbFile(name, text, options.strict, &out.verbs, problems);
    } else if (*kind == "members") {
      s = LoadMemberFile(name, text, options.strict, &out.un_members, problems);
    } else if (*kind == "words") {
      s = LoadWordFile(name, text, options.strict, &out.words, problems);
    } else if (*kind == "countries" || *kind == "regions") {
      s = ParseActorFile(name, text, options.strict, &countries, &agents, problems);
    } else {
      s = ParseActorFile(name, text, options.strict, &others, &agents, problems);
    }
    if (!s.ok()) return s;
  }
  if (!options.iso_codes_json.empty()) {
    Status s = MergeIsoCountries(options.iso_codes_json, &countries, problems);
    if (!s.ok()) {
      if (options.strict) return s;
      if (problems) problems->push_back(s.message());
    }
  }
  {
    std::vector<ActorEntry> all = std::move(others);
    size_t n_others = all.size();
    for (ActorEntry& c : countries) all.push_back(std::move(c));
    AddSurnames(&all);
    countries.assign(std::make_move_iterator(all.begin() + n_others), std::make_move_iterator(all.end()));
    all.resize(n_others);
    others = std::move(all);
  }
  // People and organizations first: for equal-length names a person's code wins.
  for (std::vector<ActorEntry>* list : {&others, &countries}) {
    for (ActorEntry& e : *list) {
      Status s = out.actors.AddActor(std::move(e));
      if (!s.ok()) {
        if (problems) problems->push_back(s.message());
        if (options.strict) return s;
      }
    }
  }
  for (AgentEntry& a : agents) {
    Status s = out.actors.AddAgent(std::move(a));
    if (!s.ok()) {
      if (problems) problems->push_back(s.message());
      if (options.strict) return s;
    }
  }
  return out;
}

}  // namespace

Result<OurDictionaries> LoadOurDictionaries(const LoadOptions& options, std::vector<std::string>* problems) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const resources::Resource& r : resources::WithPrefix("data/dict/")) {
    if (!std::string_view(r.name).ends_with(".txt")) continue;
    files.emplace_back(std::string(r.name), std::string(r.bytes));
  }
  if (files.empty()) return NotFound("data/dict/: no dictionary files are embedded in this build");
  return LoadFiles(files, options, problems);
}

Result<OurDictionaries> LoadOurDictionariesFrom(const std::string& dir, const LoadOptions& options,
                                                std::vector<std::string>* problems) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound(dir + ": not a directory");
  std::vector<std::string> paths;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return IoError(p + ": cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    files.emplace_back(p, ss.str());
  }
  if (files.empty()) return NotFound(dir + ": no .txt dictionary files");
  return LoadFiles(files, options, problems);
}

}  // namespace dragoman::coding
