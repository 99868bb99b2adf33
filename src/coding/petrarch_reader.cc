#include "coding/petrarch_reader.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace dragoman::coding {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Iterates over the meaningful lines of a PETRARCH file: '#' comments and <!-- --> comments
// removed, blank lines skipped. Keeps whether the line was indented.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  // False at the end. *line is trimmed; *indented says whether it started with blank space.
  bool Next(std::string* line, bool* indented, int* line_no) {
    while (pos_ <= text_.size()) {
      size_t nl = text_.find('\n', pos_);
      std::string_view raw = text_.substr(pos_, nl == std::string_view::npos ? std::string_view::npos : nl - pos_);
      pos_ = nl == std::string_view::npos ? text_.size() + 1 : nl + 1;
      ++line_no_;
      std::string l(raw);
      if (!l.empty() && l.back() == '\r') l.pop_back();
      if (in_comment_) {
        size_t end = l.find("-->");
        if (end == std::string::npos) continue;
        l = l.substr(end + 3);
        in_comment_ = false;
      }
      for (size_t c = l.find("<!"); c != std::string::npos; c = l.find("<!")) {
        size_t end = l.find("-->", c);
        if (end == std::string::npos) {
          // "<! -- x -->" style or an unterminated comment: the rest is a comment.
          l = l.substr(0, c);
          in_comment_ = l.find('>') == std::string::npos && raw.find('>') == std::string::npos;
          break;
        }
        l.erase(c, end + 3 - c);
      }
      if (size_t h = l.find('#'); h != std::string::npos) l = l.substr(0, h);
      std::string_view t = Trim(l);
      if (t.empty()) continue;
      *indented = !l.empty() && std::isspace(static_cast<unsigned char>(l[0]));
      *line = std::string(t);
      *line_no = line_no_;
      return true;
    }
    return false;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int line_no_ = 0;
  bool in_comment_ = false;
};

// Shared handling of bad lines.
struct Problems {
  std::string file;
  bool strict;
  std::vector<std::string>* warnings;
  Status Report(int line_no, const std::string& what, std::string_view line) {
    std::string msg = file + ":" + std::to_string(line_no) + ": " + what + ": \"" + std::string(line) + "\"";
    return Raw(msg);
  }
  // A message that already names file and line.
  Status Raw(const std::string& msg) {
    if (strict) return InvalidInput(msg);
    if (warnings) warnings->push_back(msg);
    return Status::Ok();
  }
};

// "ARNOR_" -> "ARNOR", "MINAS_TIRITH" -> "MINAS TIRITH".
std::string NameText(std::string_view raw) {
  std::string s(Trim(raw));
  while (!s.empty() && s.back() == '_') s.pop_back();
  std::replace(s.begin(), s.end(), '_', ' ');
  return std::string(Trim(s));
}

// Parses the inside of an actor code bracket: "KAZGOV 991001-020128", "HOB < 950601", "ENT".
bool ParseDatedCode(std::string_view inside, DatedCode* out, std::string* error) {
  std::string s(Trim(inside));
  size_t space = s.find_first_of(" \t<>");
  std::string code = Upper(Trim(std::string_view(s).substr(0, space)));
  std::string rest = space == std::string::npos ? "" : std::string(Trim(std::string_view(s).substr(space)));
  if (code.empty()) {
    *error = "code missing";
    return false;
  }
  out->code = code;
  out->range = DateRange();
  if (rest.empty()) return true;
  rest.erase(std::remove_if(rest.begin(), rest.end(), [](char c) { return c == ' ' || c == '\t'; }), rest.end());
  if (rest[0] == '<' || rest[0] == '>') {
    std::optional<int> d = ParsePetrarchDate(rest.substr(1));
    if (!d) {
      *error = "bad date \"" + rest.substr(1) + "\"";
      return false;
    }
    if (rest[0] == '<') out->range.end = *d - 1;
    else out->range.begin = *d + 1;
    return true;
  }
  size_t dash = rest.find('-');
  if (dash == std::string::npos) {
    *error = "bad date restriction \"" + rest + "\"";
    return false;
  }
  std::optional<int> a = ParsePetrarchDate(rest.substr(0, dash));
  std::optional<int> b = ParsePetrarchDate(rest.substr(dash + 1));
  if (!a || !b) {
    *error = "bad date range \"" + rest + "\"";
    return false;
  }
  if (*b < *a) {
    *error = "date range ends before it begins \"" + rest + "\"";
    return false;
  }
  out->range = DateRange{*a, *b};
  return true;
}

// Splits the [..] groups off a line: "GONDOR [GON] [GONGOV >2001]" -> name "GONDOR", groups.
bool SplitCodes(std::string_view line, std::string* name, std::vector<std::string>* groups, std::string* error) {
  size_t open = line.find('[');
  *name = std::string(Trim(line.substr(0, open)));
  while (open != std::string_view::npos) {
    size_t close = line.find(']', open);
    if (close == std::string_view::npos) {
      *error = "unclosed [";
      return false;
    }
    groups->emplace_back(line.substr(open + 1, close - open - 1));
    open = line.find('[', close);
  }
  return true;
}

}  // namespace

bool IsCommonWord(std::string_view w) { return BuiltInWordLists().Has("exact-case-word", w); }

std::optional<int> ParsePetrarchDate(std::string_view text) {
  text = Trim(text);
  if (!AllDigits(text) || (text.size() != 6 && text.size() != 8)) return std::nullopt;
  int v = std::stoi(std::string(text));  // at most 8 digits: no overflow
  int year, md;
  if (text.size() == 6) {
    int yy = v / 10000;
    year = yy < 30 ? 2000 + yy : 1900 + yy;
    md = v % 10000;
  } else if (text.size() == 8) {
    year = v / 10000;
    md = v % 10000;
  } else {
    return std::nullopt;
  }
  int month = md / 100, day = md % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return year * 10000 + md;
}

Status ReadPetrarchActors(std::string_view text, std::string_view file_name, bool strict,
                          std::vector<std::string>* warnings, ActorDictionary* dict,
                          std::vector<ActorEntry>* extra) {
  Problems problems{std::string(file_name), strict, warnings};
  LineReader reader(text);
  std::string line;
  bool indented = false;
  int line_no = 0;
  const bool countries = file_name.find("Countr") != std::string_view::npos;

  ActorEntry entry;
  int entry_line = 0;
  std::string first_line;
  bool have_entry = false;
  auto finish = [&](bool at_end) -> Status {
    if (!have_entry) return Status::Ok();
    if (entry.codes.empty()) {
      // Names without a code share the next entry's codes; at the end of the file they are lost.
      if (at_end) return problems.Report(entry_line, "actor without a code", first_line);
      return Status::Ok();
    }
    if (countries && entry.codes.front().code.size() == 3) entry.kind = ActorKind::kCountry;
    else if (entry.names.size() == 1 && entry.names[0].text.find(' ') != std::string::npos)
      entry.kind = ActorKind::kPerson;
    auto store_code = [](const std::string& c) {  // what ActorDictionary accepts
      return c.size() >= 3 && c.size() <= 21 &&
             std::all_of(c.begin(), c.end(), [](char x) { return (x >= 'A' && x <= 'Z') || (x >= '0' && x <= '9') || x == '-'; });
    };
    auto petrarch_code = [](const std::string& c) {  // any printable code without blanks
      return !c.empty() && std::all_of(c.begin(), c.end(), [](char x) { return x > ' ' && x < 127 && x != '[' && x != ']'; });
    };
    bool odd = std::any_of(entry.codes.begin(), entry.codes.end(), [&](const DatedCode& c) { return !store_code(c.code); });
    bool petrarch = std::all_of(entry.codes.begin(), entry.codes.end(), [&](const DatedCode& c) { return petrarch_code(c.code); });
    if (extra && odd && petrarch) {
      for (ActorName& n : entry.names) {
        std::string joined;
        for (const std::string& u : NameTokens(n.text)) joined += (joined.empty() ? "" : " ") + u;
        n.text = joined;
      }
      extra->push_back(std::move(entry));
      entry = ActorEntry();
      have_entry = false;
      return Status::Ok();
    }
    Status s = dict->AddActor(std::move(entry));
    entry = ActorEntry();
    have_entry = false;
    if (!s.ok()) return problems.Raw(s.message() + ": \"" + first_line + "\"");
    return Status::Ok();
  };
  auto add_name = [&](std::string_view raw, int at) -> bool {
    std::string n = NameText(raw);
    if (n.empty()) return false;
    ActorName name;
    name.cased = n;
    name.text = n;
    // Short names must be capitalized ("Xi"), and those that are also common words ("US", "IT",
    // "UN" in French text) must be written in capitals, so that "us" or "it" never match.
    std::string letters;
    for (char c : n)
      if (std::isalpha(static_cast<unsigned char>(c))) letters += c;
    if (n.find(' ') == std::string::npos && letters.size() <= 3) {
      name.match_case = IsCommonWord(NormalizeForm(n)) ? ActorName::Case::kExact : ActorName::Case::kCapitalized;
      if (name.match_case == ActorName::Case::kExact) name.cased = Upper(n);
    }
    entry.names.push_back(std::move(name));
    return true;
  };
  auto add_codes = [&](const std::vector<std::string>& groups, std::string_view l, int at) -> Status {
    for (const std::string& g : groups) {
      DatedCode c;
      std::string error;
      if (!ParseDatedCode(g, &c, &error)) {
        if (Status s = problems.Report(at, error, l); !s.ok()) return s;
        continue;
      }
      entry.codes.push_back(std::move(c));
    }
    return Status::Ok();
  };

  while (reader.Next(&line, &indented, &line_no)) {
    if (line[0] == '[') {
      if (!have_entry) {
        if (Status s = problems.Report(line_no, "code without an actor", line); !s.ok()) return s;
        continue;
      }
      std::string name, error;
      std::vector<std::string> groups;
      if (!SplitCodes(line, &name, &groups, &error)) {
        if (Status s = problems.Report(line_no, error, line); !s.ok()) return s;
        continue;
      }
      if (Status s = add_codes(groups, line, line_no); !s.ok()) return s;
      continue;
    }
    if (line[0] == '+') {
      if (!have_entry) {
        if (Status s = problems.Report(line_no, "synonym without an actor", line); !s.ok()) return s;
        continue;
      }
      std::string name, error;
      std::vector<std::string> groups;
      if (!SplitCodes(std::string_view(line).substr(1), &name, &groups, &error) || !add_name(name, line_no)) {
        if (Status s = problems.Report(line_no, error.empty() ? "empty synonym" : error, line); !s.ok()) return s;
        continue;
      }
      if (Status s = add_codes(groups, line, line_no); !s.ok()) return s;
      continue;
    }
    // A primary name line. An entry still without a code lends it its names.
    std::vector<ActorName> carried;
    if (have_entry && entry.codes.empty()) {
      carried = std::move(entry.names);
      entry = ActorEntry();
      have_entry = false;
    } else if (Status s = finish(false); !s.ok()) {
      return s;
    }
    std::string name, error;
    std::vector<std::string> groups;
    if (!SplitCodes(line, &name, &groups, &error)) {
      if (Status s = problems.Report(line_no, error, line); !s.ok()) return s;
      continue;
    }
    entry = ActorEntry();
    entry.origin = std::string(file_name) + ":" + std::to_string(line_no);
    entry.id = NameText(name);
    entry_line = line_no;
    first_line = line;
    if (!add_name(name, line_no)) {
      if (Status s = problems.Report(line_no, "actor line without a name", line); !s.ok()) return s;
      continue;
    }
    for (ActorName& n : carried) entry.names.push_back(std::move(n));
    have_entry = true;
    if (Status s = add_codes(groups, line, line_no); !s.ok()) return s;
  }
  return finish(true);
}

Status ReadPetrarchAgents(std::string_view text, std::string_view file_name, bool strict,
                          std::vector<std::string>* warnings, ActorDictionary* dict,
                          std::vector<bool>* agent_prefix) {
  Problems problems{std::string(file_name), strict, warnings};
  LineReader reader(text);
  std::string line;
  bool indented = false;
  int line_no = 0;
  std::vector<std::pair<std::string, std::vector<std::string>>> substitutions;  // "!PERSON!" -> words

  while (reader.Next(&line, &indented, &line_no)) {
    if (line[0] == '!' && line.find('=') != std::string::npos) {
      size_t eq = line.find('=');
      std::string key(Trim(std::string_view(line).substr(0, eq)));
      std::vector<std::string> words;
      std::stringstream ss(line.substr(eq + 1));
      std::string w;
      while (std::getline(ss, w, ',')) {
        std::string t(Trim(w));
        if (!t.empty()) words.push_back(t);
      }
      if (key.size() < 3 || key.back() != '!' || words.empty()) {
        if (Status s = problems.Report(line_no, "bad substitution set", line); !s.ok()) return s;
        continue;
      }
      substitutions.emplace_back(key, words);
      continue;
    }
    size_t open = line.find('[');
    size_t close = open == std::string::npos ? std::string::npos : line.find(']', open);
    if (open == std::string::npos || close == std::string::npos) {
      if (Status s = problems.Report(line_no, "agent without a [code]", line); !s.ok()) return s;
      continue;
    }
    std::string code = Upper(Trim(std::string_view(line).substr(open + 1, close - open - 1)));
    std::string head = line.substr(0, open);
    bool explicit_plurals = false;
    std::vector<std::string> plurals;
    if (size_t b = head.find('{'); b != std::string::npos) {
      size_t e = head.find('}', b);
      if (e == std::string::npos) {
        if (Status s = problems.Report(line_no, "unclosed {", line); !s.ok()) return s;
        continue;
      }
      explicit_plurals = true;
      std::stringstream ss(head.substr(b + 1, e - b - 1));
      std::string p;
      while (ss >> p) plurals.push_back(p);
      head = head.substr(0, b);
    }
    std::string base(Trim(head));
    bool prefix = false;
    if (code.size() > 1 && code.back() == '~' && code.front() != '~') {
      prefix = true;
      code.pop_back();
    } else if (!code.empty() && code.front() == '~') {
      code.erase(0, 1);
    }
    if (base.empty() || code.empty()) {
      if (Status s = problems.Report(line_no, base.empty() ? "agent without a name" : "empty agent code", line); !s.ok())
        return s;
      continue;
    }
    // Expand substitution sets, then plurals.
    std::vector<std::string> names = {base};
    for (const std::string& p : plurals) names.push_back(p);
    bool bad_sub = false;
    for (size_t i = 0; i < names.size(); ++i) {
      size_t a = names[i].find('!');
      if (a == std::string::npos) continue;
      size_t b = names[i].find('!', a + 1);
      if (b == std::string::npos) { bad_sub = true; break; }
      std::string key = names[i].substr(a, b - a + 1);
      auto it = std::find_if(substitutions.begin(), substitutions.end(), [&](auto& s) { return s.first == key; });
      if (it == substitutions.end()) { bad_sub = true; break; }
      std::string original = names[i];
      names.erase(names.begin() + static_cast<long>(i));
      for (const std::string& w : it->second) names.push_back(original.substr(0, a) + w + original.substr(b + 1));
      --i;
    }
    if (bad_sub) {
      if (Status s = problems.Report(line_no, "unknown substitution set", line); !s.ok()) return s;
      continue;
    }
    AgentEntry agent;
    agent.code = code;
    agent.origin = std::string(file_name) + ":" + std::to_string(line_no);
    for (const std::string& n : names) {
      std::string t = NameText(n);
      if (t.empty()) continue;
      agent.names.push_back(t);
      if (!explicit_plurals) {
        size_t sp = t.rfind(' ');
        std::string last = sp == std::string::npos ? t : t.substr(sp + 1);
        std::string lower = NormalizeForm(last);
        std::string pl = Upper(PluralOf(lower));
        agent.names.push_back((sp == std::string::npos ? "" : t.substr(0, sp + 1)) + pl);
      }
    }
    Status s = dict->AddAgent(std::move(agent));
    if (!s.ok()) {
      if (Status r = problems.Raw(s.message() + ": \"" + line + "\""); !r.ok()) return r;
      continue;
    }
    if (agent_prefix) {
      agent_prefix->resize(dict->agents().size(), false);
      agent_prefix->back() = prefix;
    }
  }
  return Status::Ok();
}

Status ReadPetrarchDiscards(std::string_view text, std::string_view file_name, bool strict,
                            std::vector<std::string>* warnings, DiscardList* discards) {
  Problems problems{std::string(file_name), strict, warnings};
  LineReader reader(text);
  std::string line;
  bool indented = false;
  int line_no = 0;
  while (reader.Next(&line, &indented, &line_no)) {
    DiscardList::Phrase p;
    std::string_view body = line;
    if (body[0] == '+') {
      p.story = true;
      body.remove_prefix(1);
    }
    p.words = NameTokens(NameText(body));
    if (p.words.empty()) {
      if (Status s = problems.Report(line_no, "empty discard phrase", line); !s.ok()) return s;
      continue;
    }
    p.origin = std::string(file_name) + ":" + std::to_string(line_no);
    discards->phrases.push_back(std::move(p));
  }
  return Status::Ok();
}

// Each n: or v: word multiplies an issue phrase's forms; PETRARCH's own phrases have a few.
constexpr size_t kMaxIssueForms = 256;

Status ReadPetrarchIssues(std::string_view text, std::string_view file_name, bool strict,
                          std::vector<std::string>* warnings, std::vector<IssueEntry>* issues) {
  Problems problems{std::string(file_name), strict, warnings};
  LineReader reader(text);
  std::string line;
  bool indented = false;
  int line_no = 0;
  std::string category;
  while (reader.Next(&line, &indented, &line_no)) {
    if (line.starts_with("<ISSUE")) {
      size_t q = line.find("CATEGORY=\"");
      if (q == std::string::npos) {
        if (Status s = problems.Report(line_no, "ISSUE without CATEGORY", line); !s.ok()) return s;
        continue;
      }
      size_t e = line.find('"', q + 10);
      category = line.substr(q + 10, e == std::string::npos ? std::string::npos : e - q - 10);
      continue;
    }
    if (line.starts_with("</ISSUE")) {
      category.clear();
      continue;
    }
    IssueEntry entry;
    entry.category = category;
    entry.origin = std::string(file_name) + ":" + std::to_string(line_no);
    std::string body = line;
    if (body.starts_with("~~")) {
      entry.exclude_story = true;
      body = body.substr(2);
    } else if (body[0] == '~') {
      entry.exclude_sentence = true;
      body = body.substr(1);
    } else {
      size_t open = body.find('[');
      size_t close = open == std::string::npos ? std::string::npos : body.find(']', open);
      if (open == std::string::npos || close == std::string::npos || close == open + 1) {
        if (Status s = problems.Report(line_no, "issue phrase without a [code]", line); !s.ok()) return s;
        continue;
      }
      entry.code = std::string(Trim(std::string_view(body).substr(open + 1, close - open - 1)));
      body = body.substr(0, open);
    }
    // Expand n: (noun plural), v: (verb forms) and + (space or hyphen) into word lists.
    std::vector<std::vector<std::string>> forms = {{}};
    std::stringstream ss(body);
    std::string word;
    std::string_view malformed;
    while (malformed.empty() && ss >> word) {
      std::vector<std::string> alts;
      std::string w = word;
      std::string lower = NormalizeForm(w);
      if ((lower.starts_with("n:") || lower.starts_with("v:")) && lower.size() == 2) {
        malformed = "n: or v: without a word";
      } else if (forms.size() > kMaxIssueForms) {
        malformed = "issue phrase with too many word forms";
      } else if (lower.starts_with("n:")) {
        std::string n = lower.substr(2);
        alts = {n, PluralOf(n)};
      } else if (lower.starts_with("v:")) {
        std::string v = lower.substr(2);
        alts = {v, v + "s", v.back() == 'e' ? v + "d" : v + "ed", v.back() == 'e' ? v.substr(0, v.size() - 1) + "ing" : v + "ing"};
      } else {
        alts = {lower};
      }
      std::vector<std::vector<std::string>> next;
      for (const auto& f : forms) {
        for (const std::string& a : alts) {
          // "+" joins two words with a space or a hyphen; our tokens split hyphens, so both are
          // the same word sequence.
          std::vector<std::string> g = f;
          for (const std::string& piece : NameTokens(std::string(a.begin(), a.end()))) {
            std::string p = piece;
            std::replace(p.begin(), p.end(), '+', ' ');
            std::stringstream ps(p);
            std::string x;
            while (ps >> x) g.push_back(x);
          }
          next.push_back(std::move(g));
        }
      }
      forms = std::move(next);
    }
    if (!malformed.empty()) {
      if (Status s = problems.Report(line_no, std::string(malformed), line); !s.ok()) return s;
      continue;
    }
    for (auto& f : forms) {
      if (f.empty()) continue;
      IssueEntry e = entry;
      e.words = std::move(f);
      issues->push_back(std::move(e));
    }
  }
  return Status::Ok();
}

Result<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return IoError(path + ": read error");
  return ss.str();
}

PetrarchFiles PetrarchFiles::Phoenix(std::string dir, std::string verbs) {
  PetrarchFiles f;
  f.dir = std::move(dir);
  f.verbs = std::move(verbs);
  f.actors = {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"};
  f.agents = {"Phoenix.agents.txt"};
  f.discards = "Phoenix.discards.txt";
  f.issues = "Phoenix.IssueCoding.txt";
  return f;
}

Result<Lexicon> LoadPetrarchFiles(const PetrarchFiles& files, bool strict,
                                                      std::vector<std::string>* warnings) {
  Lexicon d;
  d.words = BuiltInWordLists();
  auto path = [&](const std::string& name) {
    if (files.dir.empty() || (!name.empty() && name[0] == '/')) return name;
    return files.dir + "/" + name;
  };
  if (!files.verbs.empty()) {
    Result<std::string> text = ReadTextFile(path(files.verbs));
    if (!text.ok()) return text.status();
    if (Status s = ReadPetrarchVerbsInto(*text, files.verbs, strict, warnings, &d.verbs); !s.ok()) return s;
  }
  for (const std::string& a : files.actors) {
    Result<std::string> text = ReadTextFile(path(a));
    if (!text.ok()) return text.status();
    if (Status s = ReadPetrarchActors(*text, a, strict, warnings, &d.actors, &d.extra_actors); !s.ok()) return s;
  }
  for (const std::string& a : files.agents) {
    Result<std::string> text = ReadTextFile(path(a));
    if (!text.ok()) return text.status();
    if (Status s = ReadPetrarchAgents(*text, a, strict, warnings, &d.actors, &d.agent_prefix); !s.ok()) return s;
  }
  d.agent_prefix.resize(d.actors.agents().size(), false);
  if (!files.discards.empty()) {
    Result<std::string> text = ReadTextFile(path(files.discards));
    if (!text.ok()) return text.status();
    if (Status s = ReadPetrarchDiscards(*text, files.discards, strict, warnings, &d.discards); !s.ok()) return s;
  }
  if (!files.issues.empty()) {
    Result<std::string> text = ReadTextFile(path(files.issues));
    if (!text.ok()) return text.status();
    if (Status s = ReadPetrarchIssues(*text, files.issues, strict, warnings, &d.issues); !s.ok()) return s;
  }
  return d;
}

}  // namespace dragoman::coding
