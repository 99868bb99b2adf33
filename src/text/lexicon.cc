#include "text/lexicon.h"

#include <iostream>
#include <vector>

#include "resources/resources.h"

namespace dragoman::text {
namespace {

// Splits list-file content into (line number, fields) for non-comment lines.
struct ListLine {
  size_t number;
  std::vector<std::string_view> fields;
};

std::vector<ListLine> ReadList(std::string_view content) {
  std::vector<ListLine> lines;
  size_t number = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    ListLine out{number, {}};
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
      if (i >= line.size() || (out.fields.empty() && line[i] == '#')) break;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
      out.fields.push_back(line.substr(i, j - i));
      i = j;
    }
    if (!out.fields.empty()) lines.push_back(std::move(out));
    if (nl == content.size()) break;
  }
  return lines;
}

}  // namespace

std::string_view EmbeddedList(std::string_view name) {
  std::optional<std::string_view> bytes = resources::Find(name);
  if (!bytes) {
    std::cerr << "dragoman: embedded file " << name << " is missing; rebuild after running cmake\n";
    return {};
  }
  return *bytes;
}

std::string AsciiLowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

Result<Lexicon> Lexicon::Parse(std::string_view abbreviations, std::string_view hyphen_prefixes,
                               std::string_view contractions, std::string_view origin) {
  Lexicon lexicon;
  for (const ListLine& line : ReadList(abbreviations)) {
    std::string_view word = line.fields[0];
    std::string_view kind = line.fields.size() == 2 ? line.fields[1] : std::string_view();
    if (word.size() < 2 || word.back() != '.' || line.fields.size() > 2 ||
        (!kind.empty() && kind != "title" && kind != "number")) {
      return InvalidInput(std::string(origin) + ": abbreviations line " + std::to_string(line.number) +
                          ": expected \"WORD. [title|number]\", got \"" + std::string(word) + "\"");
    }
    lexicon.abbreviations_[std::string(word)] = kind == "title"    ? AbbreviationKind::kTitle
                                                : kind == "number" ? AbbreviationKind::kNumber
                                                                   : AbbreviationKind::kAny;
  }
  for (const ListLine& line : ReadList(hyphen_prefixes)) {
    if (line.fields.size() != 1) {
      return InvalidInput(std::string(origin) + ": hyphen prefixes line " + std::to_string(line.number) +
                          ": expected one word, got " + std::to_string(line.fields.size()));
    }
    lexicon.hyphen_prefixes_.insert(AsciiLowerCopy(line.fields[0]));
  }
  for (const ListLine& line : ReadList(contractions)) {
    std::string word = line.fields.size() == 2 ? AsciiLowerCopy(line.fields[0]) : std::string();
    std::string parts = line.fields.size() == 2 ? AsciiLowerCopy(line.fields[1]) : std::string();
    size_t bar = parts.find('|');
    if (word.empty() || bar == std::string::npos || bar == 0 || bar + 1 == parts.size() ||
        parts.size() != word.size() + 1 || parts.compare(0, bar, word, 0, bar) != 0 ||
        parts.compare(bar + 1, std::string::npos, word, bar, std::string::npos) != 0) {
      return InvalidInput(std::string(origin) + ": contractions line " + std::to_string(line.number) +
                          ": expected \"WORD FIRST|SECOND\" whose parts spell WORD");
    }
    lexicon.contractions_[word] = bar;
  }
  return lexicon;
}

const Lexicon& Lexicon::Default() {
  static const Lexicon* lexicon = [] {
    Result<Lexicon> parsed =
        Parse(EmbeddedList("data/text/abbreviations.txt"), EmbeddedList("data/text/hyphen_prefixes.txt"),
              EmbeddedList("data/text/contractions.txt"), "data/text");
    auto* out = new Lexicon();
    if (parsed.ok()) {
      *out = parsed.take();
    } else {
      std::cerr << "dragoman: " << parsed.status().message() << "\n";
    }
    for (const ListLine& line : ReadList(EmbeddedList("data/text/sentence_openers.txt"))) {
      out->openers_.insert(std::string(line.fields[0]));
    }
    return out;
  }();
  return *lexicon;
}

AbbreviationKind Lexicon::Abbreviation(std::string_view word) const {
  auto it = abbreviations_.find(word);
  return it == abbreviations_.end() ? AbbreviationKind::kNone : it->second;
}

bool Lexicon::HyphenPrefix(std::string_view word) const {
  if (word.size() > 12) return false;
  char buf[12];
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return hyphen_prefixes_.find(std::string_view(buf, word.size())) != hyphen_prefixes_.end();
}

size_t Lexicon::ContractionSplit(std::string_view word) const {
  if (word.size() < 2 || word.size() > 12) return 0;
  char buf[12];
  bool all_upper = true;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'a' && c <= 'z') all_upper = false;
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  // Short all-capital words are acronyms ("IM", "IVE"), not contractions.
  if (all_upper && word.size() <= 3) return 0;
  auto it = contractions_.find(std::string_view(buf, word.size()));
  return it == contractions_.end() ? 0 : it->second;
}

bool Lexicon::SentenceOpener(std::string_view word) const { return openers_.find(word) != openers_.end(); }

}  // namespace dragoman::text
