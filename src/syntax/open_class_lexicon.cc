#include "syntax/open_class_lexicon.h"

#include <algorithm>
#include <fstream>
#include <utility>
#include <vector>

#include "syntax/perceptron.h"

namespace dragoman::syntax {
namespace {

struct WordNetPos {
  const char* file;  // index.<file>, <file>.exc
  uint8_t cls;
};
constexpr WordNetPos kWordNetPos[] = {{"noun", OpenClassLexicon::kNoun},
                                      {"verb", OpenClassLexicon::kVerb},
                                      {"adj", OpenClassLexicon::kAdj},
                                      {"adv", OpenClassLexicon::kAdv}};

// WordNet's detachment rules (morphy): an inflected form ending in suffix has the lemma with
// suffix replaced by replacement.
struct Detachment {
  uint8_t cls;
  std::string_view suffix, replacement;
};
constexpr Detachment kDetachments[] = {
    {OpenClassLexicon::kNoun, "s", ""},    {OpenClassLexicon::kNoun, "ses", "s"},  {OpenClassLexicon::kNoun, "xes", "x"},
    {OpenClassLexicon::kNoun, "zes", "z"}, {OpenClassLexicon::kNoun, "ches", "ch"}, {OpenClassLexicon::kNoun, "shes", "sh"},
    {OpenClassLexicon::kNoun, "men", "man"}, {OpenClassLexicon::kNoun, "ies", "y"}, {OpenClassLexicon::kVerb, "s", ""},
    {OpenClassLexicon::kVerb, "ies", "y"}, {OpenClassLexicon::kVerb, "es", "e"},   {OpenClassLexicon::kVerb, "es", ""},
    {OpenClassLexicon::kVerb, "ed", "e"},  {OpenClassLexicon::kVerb, "ed", ""},    {OpenClassLexicon::kVerb, "ing", "e"},
    {OpenClassLexicon::kVerb, "ing", ""},  {OpenClassLexicon::kAdj, "er", ""},     {OpenClassLexicon::kAdj, "est", ""},
    {OpenClassLexicon::kAdj, "er", "e"},   {OpenClassLexicon::kAdj, "est", "e"},
};

bool SingleWord(std::string_view w) { return !w.empty() && w.find('_') == std::string_view::npos; }

}  // namespace

uint32_t OpenClassLexicon::Key(std::string_view word) { return static_cast<uint32_t>(HashString(word)); }

void OpenClassLexicon::AddLemma(std::string_view word, uint8_t classes) { entries_[Key(word)] |= classes & 0x0F; }

void OpenClassLexicon::AddIrregular(std::string_view form, uint8_t classes) {
  entries_[Key(form)] |= static_cast<uint8_t>((classes & 0x0F) << 4);
}

uint8_t OpenClassLexicon::Lookup(std::string_view word) const {
  auto it = entries_.find(Key(word));
  return it == entries_.end() ? 0 : it->second;
}

uint8_t OpenClassLexicon::Classes(std::string_view word) const {
  if (entries_.empty() || word.empty()) return 0;
  uint8_t out = Lookup(word);
  std::string base;
  for (const Detachment& d : kDetachments) {
    if (out & (d.cls << 4)) continue;
    if (word.size() <= d.suffix.size() || word.substr(word.size() - d.suffix.size()) != d.suffix) continue;
    base.assign(word.substr(0, word.size() - d.suffix.size()));
    base += d.replacement;
    if (Lookup(base) & d.cls) out |= static_cast<uint8_t>(d.cls << 4);
  }
  return out;
}

Result<OpenClassLexicon> OpenClassLexicon::LoadWordNet(const std::string& dir) {
  OpenClassLexicon lexicon;
  for (const WordNetPos& pos : kWordNetPos) {
    const std::string index_path = dir + "/index." + pos.file;
    std::ifstream index(index_path);
    if (!index) return NotFound(index_path + ": cannot open (install the Debian package wordnet-base)");
    std::string line;
    size_t lemmas = 0;
    while (std::getline(index, line)) {
      if (line.empty() || line[0] == ' ') continue;  // the license header
      const std::string_view lemma = std::string_view(line).substr(0, line.find(' '));
      if (!SingleWord(lemma)) continue;
      lexicon.AddLemma(lemma, pos.cls);
      ++lemmas;
    }
    if (lemmas == 0) return InvalidInput(index_path + ": no lemmas (not a WordNet index file)");
  }
  // Irregular inflected forms, each line "form lemma..." ("met meet", "children child").
  for (const WordNetPos& pos : kWordNetPos) {
    const std::string exc_path = dir + "/" + pos.file + ".exc";
    std::ifstream exc(exc_path);
    if (!exc) return NotFound(exc_path + ": cannot open (install the Debian package wordnet-base)");
    std::string line;
    while (std::getline(exc, line)) {
      const size_t space = line.find(' ');
      if (space == std::string::npos) continue;
      const std::string_view form = std::string_view(line).substr(0, space);
      if (SingleWord(form)) lexicon.AddIrregular(form, pos.cls);
    }
  }
  return lexicon;
}

void OpenClassLexicon::Write(ByteWriter& w) const {
  std::vector<std::pair<uint32_t, uint8_t>> sorted(entries_.begin(), entries_.end());
  std::sort(sorted.begin(), sorted.end());
  w.U64(sorted.size());
  for (const auto& [key, classes] : sorted) w.U32(key).U8(classes);
}

Status OpenClassLexicon::Read(ByteReader& r) {
  const size_t n = r.Count(5);
  entries_.clear();
  entries_.reserve(n);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    const uint32_t key = r.U32();
    entries_[key] = r.U8();
  }
  return r.status();
}

}  // namespace dragoman::syntax
