#include "coding/actor_dictionary.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <string>
#include <utility>

namespace dragoman::coding {

struct ActorDictionary::Node {
  std::unordered_map<std::string, std::unique_ptr<Node>> next;
  // (entry index, name index) of every name that ends here.
  std::vector<std::pair<size_t, size_t>> hits;
};

namespace {

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

// Decodes one UTF-8 code point at s[*i], advancing *i; invalid bytes come back as themselves.
uint32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = s[*i];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return c;
  }
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char d = s[*i + k];
    if ((d >> 6) != 2) {
      ++*i;
      return c;
    }
    cp = (cp << 6) | (d & 0x3f);
  }
  *i += len;
  return cp;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

// The ASCII letters a Latin letter with diacritics folds to (lowercase), or null.
const char* FoldLatin(uint32_t cp) {
  if (cp >= 0xc0 && cp <= 0xff) {
    static const char* kLatin1[] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};  // F0-FF
    return kLatin1[cp - 0xc0];
  }
  if (cp >= 0x100 && cp <= 0x17f) {
    // Latin Extended-A in code point order; J and O stand for the ligatures ij and oe.
    static const char kExtA[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiJJjjkkkllllllllllnnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    static const char* kSingle[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
                                    "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"};
    char c = kExtA[cp - 0x100];
    if (c == 'J') return "ij";
    if (c == 'O') return "oe";
    return kSingle[c - 'a'];
  }
  switch (cp) {
    case 0x218: case 0x219: return "s";  // Ș ș
    case 0x21a: case 0x21b: return "t";  // Ț ț
    default: return nullptr;
  }
}

// Lowercase ASCII of one name piece as written, keeping case (quotes normalized).
std::string CasedForm(std::string_view form) {
  std::string out;
  for (size_t i = 0; i < form.size();) {
    uint32_t cp = NextCodePoint(form, &i);
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02bc || cp == 0x2032 || cp == 0x60) {
      out.push_back('\'');
    } else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2014) {
      out.push_back('-');
    } else {
      AppendUtf8(cp, &out);
    }
  }
  return out;
}

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); }

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = s[0];
  if (c < 0x80) return std::isupper(c);
  size_t i = 0;
  uint32_t cp = NextCodePoint(s, &i);
  // Latin-1 and Extended-A capitals; other scripts count as capitalized.
  if (cp >= 0xc0 && cp <= 0xde) return true;
  if (cp >= 0x100 && cp <= 0x17f) return cp % 2 == 0;
  return cp > 0x17f;
}

// Splits on spaces, underscores and hyphens between letters/digits.
std::vector<std::string> SplitPieces(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool sep = c == ' ' || c == '_' || c == '\t';
    if (c == '-' && !cur.empty() && i + 1 < s.size() && s[i + 1] != '-' && s[i + 1] != ' ') sep = true;
    if (sep) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool ValidCode(std::string_view code) {
  if (code.size() < 3 || code.size() > 21) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; });
}

void Index(ActorDictionary::Node* root, const std::vector<std::string>& units, size_t entry, size_t name) {
  ActorDictionary::Node* node = root;
  for (const std::string& u : units) {
    auto& child = node->next[u];
    if (!child) child = std::make_unique<ActorDictionary::Node>();
    node = child.get();
  }
  node->hits.emplace_back(entry, name);
}

// Index units of a name: normalized pieces without a leading "the".
std::vector<std::string> IndexUnits(std::string_view name) {
  std::vector<std::string> units = NameTokens(name);
  if (units.size() > 1 && units[0] == "the") units.erase(units.begin());
  return units;
}

}  // namespace

std::optional<int> ParseDate(std::string_view text, bool as_end) {
  if (text.size() > 10 && text[10] == 'T') text = text.substr(0, 10);
  int year = 0, month = 0, day = 0;
  if (text.size() >= 4 && IsDigits(text.substr(0, 4))) {
    year = std::stoi(std::string(text.substr(0, 4)));
  } else {
    return std::nullopt;
  }
  if (text.size() == 4) {
    month = as_end ? 12 : 1;
    day = as_end ? 31 : 1;
  } else if (text.size() == 7 && text[4] == '-' && IsDigits(text.substr(5, 2))) {
    month = std::stoi(std::string(text.substr(5, 2)));
    if (month < 1 || month > 12) return std::nullopt;
    day = as_end ? DaysInMonth(year, month) : 1;
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-' && IsDigits(text.substr(5, 2)) &&
             IsDigits(text.substr(8, 2))) {
    month = std::stoi(std::string(text.substr(5, 2)));
    day = std::stoi(std::string(text.substr(8, 2)));
    if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  return year * 10000 + month * 100 + day;
}

std::string FormatDate(int date) {
  if (date <= kDateMin || date >= kDateMax) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date / 10000, (date / 100) % 100, date % 100);
  return buf;
}

std::string_view ActorKindName(ActorKind kind) {
  switch (kind) {
    case ActorKind::kCountry: return "country";
    case ActorKind::kRegion: return "region";
    case ActorKind::kOrganization: return "organization";
    case ActorKind::kPerson: return "person";
    case ActorKind::kGroup: return "group";
  }
  return "group";
}

std::string ActorEntry::CodeAt(int date) const {
  const DatedCode* open = nullptr;
  const DatedCode* latest = nullptr;
  for (const DatedCode& c : codes) {
    if (c.range.open()) {
      if (!open) open = &c;
      continue;
    }
    if (date != 0 && c.range.Contains(date)) return c.code;
    if (!latest || c.range.end > latest->range.end) latest = &c;
  }
  if (open) return open->code;
  if (date == 0 && latest) return latest->code;
  return "";
}

std::string NormalizeForm(std::string_view form) {
  std::string out;
  out.reserve(form.size());
  for (size_t i = 0; i < form.size();) {
    uint32_t cp = NextCodePoint(form, &i);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(std::tolower(static_cast<int>(cp))));
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02bc || cp == 0x2032) {
      out.push_back('\'');
    } else if (cp == 0x201c || cp == 0x201d || cp == 0x201e) {
      out.push_back('"');
    } else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2014) {
      out.push_back('-');
    } else if (const char* f = FoldLatin(cp)) {
      out += f;
    } else {
      AppendUtf8(cp, &out);
    }
  }
  return out;
}

std::vector<std::string> NameTokens(std::string_view name) {
  std::vector<std::string> out;
  for (const std::string& piece : SplitPieces(CasedForm(name))) out.push_back(NormalizeForm(piece));
  return out;
}

ActorDictionary::ActorDictionary()
    : actor_root_(std::make_unique<Node>()), agent_root_(std::make_unique<Node>()) {}
ActorDictionary::~ActorDictionary() = default;
ActorDictionary::ActorDictionary(ActorDictionary&&) noexcept = default;
ActorDictionary& ActorDictionary::operator=(ActorDictionary&&) noexcept = default;

Status ActorDictionary::AddActor(ActorEntry entry) {
  std::string where = entry.origin.empty() ? entry.id : entry.origin;
  if (entry.names.empty()) return InvalidInput(where + ": actor \"" + entry.id + "\" has no name");
  if (entry.codes.empty()) return InvalidInput(where + ": actor \"" + entry.id + "\" has no code");
  for (const DatedCode& c : entry.codes) {
    if (!ValidCode(c.code))
      return InvalidInput(where + ": bad code \"" + c.code + "\" for \"" + entry.id +
                          "\" (expected 3 to 21 of A-Z, 0-9, -)");
    if (c.range.begin > c.range.end)
      return InvalidInput(where + ": date range ends before it begins for code \"" + c.code + "\"");
  }
  std::vector<std::vector<std::string>> units;
  for (ActorName& n : entry.names) {
    if (n.cased.empty()) n.cased = n.text;
    units.push_back(IndexUnits(n.text));
    if (units.back().empty()) return InvalidInput(where + ": empty name for \"" + entry.id + "\"");
    n.text.clear();
    for (const std::string& u : NameTokens(n.text.empty() ? n.cased : n.text)) {
      if (!n.text.empty()) n.text += ' ';
      n.text += u;
    }
  }
  size_t index = actors_.size();
  for (size_t i = 0; i < units.size(); ++i) Index(actor_root_.get(), units[i], index, i);
  if ((entry.kind == ActorKind::kCountry || entry.kind == ActorKind::kRegion) && !entry.codes.empty())
    country_by_code_.emplace(entry.codes.front().code, index);
  actors_.push_back(std::move(entry));
  return Status::Ok();
}

Status ActorDictionary::AddAgent(AgentEntry entry) {
  std::string where = entry.origin.empty() ? entry.code : entry.origin;
  if (entry.names.empty()) return InvalidInput(where + ": agent \"" + entry.code + "\" has no name");
  if (!ValidCode(entry.code))
    return InvalidInput(where + ": bad agent code \"" + entry.code + "\" (expected 3 to 21 of A-Z, 0-9, -)");
  size_t index = agents_.size();
  for (size_t i = 0; i < entry.names.size(); ++i) {
    std::vector<std::string> units = IndexUnits(entry.names[i]);
    if (units.empty()) return InvalidInput(where + ": empty agent name");
    std::string joined;
    for (const std::string& u : units) joined += (joined.empty() ? "" : " ") + u;
    entry.names[i] = joined;
    Index(agent_root_.get(), units, index, i);
  }
  agents_.push_back(std::move(entry));
  return Status::Ok();
}

const ActorEntry* ActorDictionary::FindCountry(std::string_view code) const {
  auto it = country_by_code_.find(std::string(code));
  return it == country_by_code_.end() ? nullptr : &actors_[it->second];
}

// ---------------------------------------------------------------------------------------------
// Matching.

namespace {

// A match unit: one token, or one piece of a hyphenated token.
struct Unit {
  std::string norm;    // normalized piece
  std::string cased;   // the piece as written (quotes normalized)
  int token = 0;
  Span span;
  bool possessive = false;  // followed by 's
  bool word = false;        // starts with a letter
};

std::vector<Unit> MakeUnits(const Sentence& sentence) {
  std::vector<Unit> units;
  for (size_t t = 0; t < sentence.tokens.size(); ++t) {
    const Token& tok = sentence.tokens[t];
    std::string cased = CasedForm(tok.form);
    if ((cased == "'s" || cased == "'") && !units.empty() && units.back().token == static_cast<int>(t) - 1) {
      units.back().possessive = true;
      continue;
    }
    // A hyphen split off between two words with no space ("Nur - Sultan" from "Nur-Sultan") joins
    // them for matching.
    if (cased == "-" && t > 0 && !sentence.tokens[t - 1].space_after && tok.space_after == false &&
        t + 1 < sentence.tokens.size())
      continue;
    bool aligned = tok.form.size() == tok.span.end - tok.span.begin && cased.size() == tok.form.size();
    size_t offset_fix = 0;
    if (cased.size() > 2 && (cased.ends_with("'s"))) {
      std::string stem = cased.substr(0, cased.size() - 2);
      cased = stem;
      offset_fix = 1;  // possessive carried by this token
    }
    std::vector<std::string> pieces;
    std::vector<size_t> starts;
    // Split on hyphens between letters: "china-Kazakhstan" -> china, Kazakhstan.
    size_t start = 0;
    for (size_t i = 0; i <= cased.size(); ++i) {
      if (i == cased.size() || (cased[i] == '-' && i > 0 && i + 1 < cased.size() && IsLetter(cased[i - 1]) &&
                                IsLetter(cased[i + 1]))) {
        pieces.push_back(cased.substr(start, i - start));
        starts.push_back(start);
        start = i + 1;
      }
    }
    for (size_t p = 0; p < pieces.size(); ++p) {
      Unit u;
      u.cased = pieces[p];
      u.norm = NormalizeForm(pieces[p]);
      u.token = static_cast<int>(t);
      if (aligned && pieces.size() > 1) {
        u.span = {tok.span.begin + starts[p], tok.span.begin + starts[p] + pieces[p].size()};
      } else if (aligned && offset_fix) {
        u.span = {tok.span.begin, tok.span.begin + pieces[p].size()};
      } else {
        u.span = tok.span;
      }
      u.word = !u.cased.empty() && IsLetter(u.cased[0]);
      units.push_back(std::move(u));
    }
    if (offset_fix && !units.empty()) units.back().possessive = true;
  }
  return units;
}

struct Hit {
  size_t entry = 0;
  size_t end = 0;  // one past the last unit
};

bool CaseOk(const ActorName& name, const std::vector<Unit>& units, size_t begin, size_t end) {
  switch (name.match_case) {
    case ActorName::Case::kAnyCase:
      return true;
    case ActorName::Case::kCapitalized:
      return StartsUpper(units[begin].cased);
    case ActorName::Case::kExact: {
      std::vector<std::string> want = SplitPieces(CasedForm(name.cased));
      if (want.size() > 1 && NormalizeForm(want[0]) == "the" && end - begin == want.size() - 1)
        want.erase(want.begin());
      if (want.size() != end - begin) return false;
      for (size_t i = 0; i < want.size(); ++i)
        if (want[i] != units[begin + i].cased) return false;
      return true;
    }
  }
  return true;
}

// Longest actor name starting at unit i (ties: the first entry added).
std::optional<Hit> LongestActor(const ActorDictionary& dict, const std::vector<Unit>& units, size_t i) {
  const ActorDictionary::Node* node = dict.actor_root();
  std::optional<Hit> best;
  for (size_t j = i; j < units.size(); ++j) {
    // A match may not continue past a possessive ("China's Xi" is two mentions).
    auto it = node->next.find(units[j].norm);
    if (it == node->next.end()) break;
    node = it->second.get();
    for (const auto& [entry, name] : node->hits) {
      if (CaseOk(dict.actors()[entry].names[name], units, i, j + 1)) {
        best = Hit{entry, j + 1};
        break;
      }
    }
    if (units[j].possessive) break;
  }
  return best;
}

std::optional<Hit> LongestAgent(const ActorDictionary& dict, const std::vector<Unit>& units, size_t i) {
  const ActorDictionary::Node* node = dict.agent_root();
  std::optional<Hit> best;
  for (size_t j = i; j < units.size(); ++j) {
    auto it = node->next.find(units[j].norm);
    if (it == node->next.end()) break;
    node = it->second.get();
    if (!node->hits.empty()) best = Hit{node->hits.front().first, j + 1};
    if (units[j].possessive) break;
  }
  return best;
}

bool IsCountryLike(ActorKind k) { return k == ActorKind::kCountry || k == ActorKind::kRegion; }

// A nationality adjective before one of these nouns names no political actor: "the German team
// arrived in Qatar", "American fans traveled to Mexico", "Italian chef". Sport, culture and
// consumer news would otherwise code as relations between states.
bool IsNonPoliticalHead(const std::string& w) {
  static const std::set<std::string, std::less<>> k = {
      "team", "teams", "squad", "fans", "supporters", "player", "players", "footballer", "footballers",
      "striker", "goalkeeper", "coach", "club", "clubs", "league", "champion", "champions", "athlete", "athletes",
      "swimmer", "skier", "cyclist", "runner", "chef", "chefs", "cuisine", "food", "dish", "dishes", "wine", "wines",
      "beer", "restaurant", "restaurants", "film", "films", "movie", "movies", "singer", "band", "actor", "actress",
      "director", "novelist", "writer", "artist", "artists", "painter", "composer", "fashion", "designer",
      "language", "accent", "tourists", "tourist", "car", "cars", "brand", "brands", "cheese", "coffee", "tea"};
  return k.count(w) > 0;
}

// Words that may stand between the adjective and such a noun: "the German national team".
bool IsHeadModifier(const std::string& w) {
  return w == "national" || w == "football" || w == "soccer" || w == "olympic" || w == "women's" || w == "men's" ||
         w == "youth" || w == "basketball" || w == "hockey" || w == "rugby" || w == "cricket" || w == "tennis" ||
         w == "famous" || w == "star" || w == "celebrity" || w == "young";
}

std::string Compose(const std::string& actor_code, const std::string& agent_code) {
  if (actor_code.size() >= agent_code.size() &&
      actor_code.compare(actor_code.size() - agent_code.size(), agent_code.size(), agent_code) == 0)
    return actor_code;
  return actor_code + agent_code;
}

}  // namespace

std::vector<ActorMention> ActorMatcher::Match(const Sentence& sentence, int date) const {
  std::vector<ActorMention> out;
  std::vector<Unit> units = MakeUnits(sentence);
  const auto& actors = dict_.actors();
  const auto& agents = dict_.agents();

  auto make = [&](size_t b, size_t e) {
    ActorMention m;
    m.begin = units[b].token;
    m.end = units[e - 1].token + 1;
    m.span = {units[b].span.begin, units[e - 1].span.end};
    m.possessive = units[e - 1].possessive;
    return m;
  };
  // A person named at unit i, allowing up to two unknown capitalized words before the name
  // ("President Kazak Tokayev"). Returns the hit and its start.
  auto person_after = [&](size_t i) -> std::optional<Hit> {
    for (size_t skip = 0; skip <= 2 && i + skip < units.size(); ++skip) {
      if (skip > 0) {
        const Unit& u = units[i + skip - 1];
        if (!u.word || !StartsUpper(u.cased) || u.possessive) return std::nullopt;
      }
      std::optional<Hit> h = LongestActor(dict_, units, i + skip);
      if (h && actors[h->entry].kind == ActorKind::kPerson) return h;
      if (h) return std::nullopt;
    }
    return std::nullopt;
  };

  size_t i = 0;
  while (i < units.size()) {
    std::optional<Hit> actor = LongestActor(dict_, units, i);
    std::optional<Hit> agent = actor ? std::nullopt : LongestAgent(dict_, units, i);

    if (actor) {
      const ActorEntry& a = actors[actor->entry];
      ActorMention m = make(i, actor->end);
      m.kind = a.kind;
      m.origin = a.origin;
      m.code = a.CodeAt(date);
      const ActorName* first_name = nullptr;
      {
        // Which name matched decides adjective/metonym roles.
        std::string joined;
        for (size_t k = i; k < actor->end; ++k) joined += (joined.empty() ? "" : " ") + units[k].norm;
        for (const ActorName& n : a.names) {
          std::string idx;
          for (const std::string& u : IndexUnits(n.text)) idx += (idx.empty() ? "" : " ") + u;
          if (idx == joined) {
            first_name = &n;
            break;
          }
        }
      }
      m.adjective = first_name && first_name->role == NameRole::kAdjective;
      m.metonym = first_name && first_name->role == NameRole::kMetonym;
      size_t end = actor->end;
      if ((IsCountryLike(a.kind) || a.kind == ActorKind::kOrganization) && end < units.size()) {
        if (std::optional<Hit> ag = LongestAgent(dict_, units, end)) {
          // Country + title (+ person): "Chinese President (Xi Jinping)", "China's foreign minister".
          const AgentEntry& agent_entry = agents[ag->entry];
          size_t stop = ag->end;
          std::string code = a.kind == ActorKind::kOrganization ? m.code : Compose(m.code, agent_entry.code);
          std::string origin = m.origin;
          if (!units[ag->end - 1].possessive) {
            if (std::optional<Hit> p = person_after(ag->end)) {
              std::string pc = actors[p->entry].CodeAt(date);
              if (!pc.empty()) {
                code = pc;
                origin = actors[p->entry].origin;
              }
              stop = p->end;
            }
          }
          ActorMention c = make(i, stop);
          c.kind = stop == ag->end ? a.kind : ActorKind::kPerson;
          c.code = code;
          c.origin = origin;
          c.agent_origin = agent_entry.origin;
          if (!c.code.empty()) out.push_back(std::move(c));
          i = stop;
          continue;
        }
      }
      if (m.adjective && end < units.size()) {
        size_t head = end;
        while (head + 1 < units.size() && IsHeadModifier(units[head].norm)) ++head;
        if (IsNonPoliticalHead(units[head].norm)) {
          i = end;
          continue;
        }
      }
      if (!m.code.empty()) out.push_back(std::move(m));
      i = end;
      continue;
    }

    if (agent) {
      const AgentEntry& agent_entry = agents[agent->entry];
      size_t stop = agent->end;
      // Title + person: "Foreign Minister Wang Yi".
      if (!units[stop - 1].possessive) {
        if (std::optional<Hit> p = person_after(stop)) {
          ActorMention m = make(i, p->end);
          m.kind = ActorKind::kPerson;
          m.code = actors[p->entry].CodeAt(date);
          m.origin = actors[p->entry].origin;
          m.agent_origin = agent_entry.origin;
          if (!m.code.empty()) out.push_back(std::move(m));
          i = p->end;
          continue;
        }
        // Title + of + country: "President of Kazakhstan", "the foreign minister of China".
        if (stop + 1 < units.size() && units[stop].norm == "of") {
          size_t c = stop + 1;
          if (c + 1 < units.size() && units[c].norm == "the") ++c;
          if (std::optional<Hit> h = LongestActor(dict_, units, c)) {
            const ActorEntry& a = actors[h->entry];
            if (IsCountryLike(a.kind)) {
              ActorMention m = make(i, h->end);
              m.kind = a.kind;
              std::string cc = a.CodeAt(date);
              m.code = cc.empty() ? "" : Compose(cc, agent_entry.code);
              m.origin = a.origin;
              m.agent_origin = agent_entry.origin;
              if (!m.code.empty()) out.push_back(std::move(m));
              i = h->end;
              continue;
            }
          }
        }
      }
      i = stop;  // a bare title names no actor
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace dragoman::coding
