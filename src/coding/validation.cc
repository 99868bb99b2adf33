#include "coding/validation.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include <pugixml.hpp>

namespace dragoman::coding {
namespace {

std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

bool ParseBool(const std::string& v) {
  std::string l;
  for (char c : v) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l == "true" || l == "1" || l == "yes";
}

// Line number of a byte offset.
int LineAt(const std::string& text, ptrdiff_t offset) {
  if (offset < 0) return 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::min<ptrdiff_t>(offset, text.size()), '\n'));
}

// Reads the CoNLL-U lines of a <Parse> into tokens whose spans are found in text.
Status ReadParse(const std::string& conllu, const std::string& text, const std::string& where, Sentence* s) {
  std::istringstream in(conllu);
  std::string line;
  size_t pos = 0;
  while (std::getline(in, line)) {
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ls(line);
    std::string col;
    while (std::getline(ls, col, '\t')) cols.push_back(col);
    if (cols.size() < 8) {
      // Some records separate columns with spaces.
      cols.clear();
      std::stringstream ws(line);
      while (ws >> col) cols.push_back(col);
    }
    if (cols.size() < 8) return InvalidInput(where + ": parse line has " + std::to_string(cols.size()) + " columns, expected 10: \"" + line + "\"");
    if (cols[0].find_first_of("-.") != std::string::npos) continue;  // multiword or empty nodes
    Token t;
    t.form = cols[1];
    t.lemma = cols[2];
    t.upos = cols[3];
    t.xpos = cols[4];
    t.feats = cols[5];
    try {
      t.head = std::stoi(cols[6]);
    } catch (...) {
      return InvalidInput(where + ": bad head \"" + cols[6] + "\" in \"" + line + "\"");
    }
    t.deprel = cols[7];
    size_t at = text.find(t.form, pos);
    if (at != std::string::npos && at - pos < 40) {
      t.span = Span{at, at + t.form.size()};
      pos = at + t.form.size();
    } else {
      t.span = Span{pos, pos};
    }
    s->tokens.push_back(std::move(t));
  }
  if (!s->tokens.empty()) s->span = Span{s->tokens.front().span.begin, s->tokens.back().span.end};
  return Status::Ok();
}

}  // namespace

Result<ValidationSet> ReadValidationRecords(const std::string& path) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_file(path.c_str(), pugi::parse_default | pugi::parse_comments);
  if (!parsed) {
    return InvalidInput(path + ": not a readable XML file: " + parsed.description() + " at byte " +
                        std::to_string(parsed.offset));
  }
  std::string raw;
  {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f) {
      char buf[65536];
      size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) raw.append(buf, n);
      std::fclose(f);
    }
  }
  pugi::xml_node root = doc.child("Validation");
  if (!root) return InvalidInput(path + ": no <Validation> element");
  ValidationSet set;
  pugi::xml_node env = root.child("Environment");
  set.verb_file = Trim(env.child_value("Verbfile"));
  set.actor_file = Trim(env.child_value("Actorfile"));
  set.agent_file = Trim(env.child_value("Agentfile"));
  set.discard_file = Trim(env.child_value("Discardfile"));
  bool require_dyad = true;
  int new_actor_length = 0;
  for (pugi::xml_node env_config : env.children("Config")) {
    if (std::string(env_config.attribute("option").value()) == "require_dyad")
      require_dyad = ParseBool(env_config.attribute("value").value());
  }
  pugi::xml_node sentences = root.child("Sentences");
  for (pugi::xml_node n : sentences.children()) {
    std::string name = n.name();
    if (name == "Config") {
      std::string option = n.attribute("option").value();
      if (option == "require_dyad") require_dyad = ParseBool(n.attribute("value").value());
      if (option == "new_actor_length") new_actor_length = n.attribute("value").as_int(0);
      continue;
    }
    if (name != "Sentence") continue;
    ValidationRecord r;
    r.id = n.attribute("id").value();
    r.category = n.attribute("source").value();
    r.line = LineAt(raw, n.offset_debug());
    std::string where = path + ":" + std::to_string(r.line) + " (" + r.id + ")";
    std::string date = n.attribute("date").value();
    try {
      r.date = date.empty() ? 0 : std::stoi(date);
    } catch (...) {
      return InvalidInput(where + ": bad date \"" + date + "\"");
    }
    r.require_dyad = require_dyad;
    r.new_actor_length = new_actor_length;
    std::string text = n.child_value("Text");
    // The records wrap lines; the sentence is the text with its line breaks as spaces.
    std::string joined;
    bool space = false;
    for (char c : Trim(text)) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        space = true;
        continue;
      }
      if (space && !joined.empty()) joined += ' ';
      space = false;
      joined += c;
    }
    r.text = joined;
    for (pugi::xml_node ev : n.children("EventCoding")) {
      if (ev.attribute("error")) {
        r.expected_error = ev.attribute("error").value();
        continue;
      }
      if (ev.attribute("noevents")) continue;
      EventKey k{ev.attribute("sourcecode").value(), ev.attribute("targetcode").value(),
                 ev.attribute("eventcode").value()};
      if (k.target.empty()) k.target = "---";
      r.expected.push_back(std::move(k));
    }
    if (Status s = ReadParse(n.child_value("Parse"), r.text, where, &r.parse); !s.ok()) return s;
    set.records.push_back(std::move(r));
  }
  return set;
}

Article RecordArticle(const ValidationRecord& record) {
  Article a;
  a.id = record.id;
  a.text = record.text;
  if (record.date > 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", record.date / 10000, record.date / 100 % 100, record.date % 100);
    a.date = buf;
  }
  a.origin = record.id;
  a.sentences.push_back(record.parse);
  return a;
}

std::vector<EventKey> EventKeys(const std::vector<Event>& events) {
  std::vector<EventKey> keys;
  for (const Event& e : events) keys.push_back({e.source, e.target.empty() ? "---" : e.target, e.code});
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

bool SameEvents(std::vector<EventKey> a, std::vector<EventKey> b) {
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  std::sort(b.begin(), b.end());
  b.erase(std::unique(b.begin(), b.end()), b.end());
  return a == b;
}

}  // namespace dragoman::coding
