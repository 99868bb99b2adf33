#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <optional>

#include "resources/resources.h"
#include "syntax/conllu.h"
#include "syntax/model_io.h"
#include "syntax/syntax_model.h"

namespace dragoman::syntax {
namespace {

std::vector<std::string> Forms(const Sentence& s) {
  std::vector<std::string> forms;
  forms.reserve(s.tokens.size());
  for (const Token& t : s.tokens) forms.push_back(t.form);
  return forms;
}

// The lines of an embedded data file, without blank lines and "#" comments.
std::vector<std::string> DataLines(const char* path) {
  std::vector<std::string> lines;
  std::optional<std::string_view> text = resources::Find(path);
  if (!text) return lines;
  std::istringstream in{std::string(*text)};
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') lines.push_back(std::move(line));
  return lines;
}

// data/text/irregular_verbs.txt: the lemma of each listed irregular past form ("shot" -> "shoot").
const std::unordered_map<std::string, std::string>& IrregularVerbs() {
  static const std::unordered_map<std::string, std::string> k = [] {
    std::unordered_map<std::string, std::string> m;
    for (const std::string& line : DataLines("data/text/irregular_verbs.txt")) {
      std::istringstream fields(line);
      std::string form, lemma;
      if (fields >> form >> lemma) m.emplace(form, lemma);
    }
    return m;
  }();
  return k;
}

// data/text/function_words.txt: closed-class words, which WordNet does not list.
const std::set<std::string>& FunctionWords() {
  static const std::set<std::string> k = [] {
    std::set<std::string> words;
    for (const std::string& line : DataLines("data/text/function_words.txt")) {
      std::istringstream fields(line);
      for (std::string w; fields >> w;) words.insert(w);
    }
    return words;
  }();
  return k;
}

bool Capitalized(const std::string& w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }
bool AllCaps(const std::string& w) {
  return std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A headline in title case ("Delegates Urge Cleric to Pull Out of Najaf") is tagged as if every
// word were a name. Its capitalized words that are common words in the lexicon are read in lower
// case for tagging and parsing; the tokens keep their forms, so names still match as written.
void LowercaseTitleCase(const Sentence& s, const OpenClassLexicon& open_classes, std::vector<std::string>* forms) {
  if (!s.is_title || open_classes.empty()) return;
  int words = 0, capitalized = 0;
  for (const std::string& f : *forms) {
    if (f.size() < 4 || !std::all_of(f.begin(), f.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
      continue;
    ++words;
    capitalized += Capitalized(f) && !AllCaps(f);
  }
  if (words < 3 || capitalized * 10 < words * 7) return;
  for (std::string& f : *forms) {
    if (!Capitalized(f) || AllCaps(f)) continue;
    std::string lower = f;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (open_classes.Classes(lower) != 0 || FunctionWords().count(lower)) f = std::move(lower);
  }
}

}  // namespace

void SyntaxModel::AnnotateTimed(Sentence& sentence, Times* times, Parsing parsing) const {
  AnnotateWith(sentence, times, parsing, false);
}

void SyntaxModel::AnnotateNews(Sentence& sentence, Times* times, Parsing parsing) const {
  AnnotateWith(sentence, times, parsing, !sentence.is_title);
}

void SyntaxModel::ParseRange(const std::vector<std::string>& forms, const std::vector<int>& tags, size_t begin,
                             size_t end, Parsing parsing, std::vector<int>* heads, std::vector<int>* labels) const {
  const std::vector<std::string> f(forms.begin() + static_cast<std::ptrdiff_t>(begin),
                                   forms.begin() + static_cast<std::ptrdiff_t>(end));
  const std::vector<int> t(tags.begin() + static_cast<std::ptrdiff_t>(begin), tags.begin() + static_cast<std::ptrdiff_t>(end));
  if (has_guide()) {
    GuideParse guide;
    guide_.Parse(f, t, &guide.heads, &guide.labels);
    if (parsing == Parsing::kFast) {
      *heads = std::move(guide.heads);
      *labels = std::move(guide.labels);
    } else {
      parser_.Parse(f, t, heads, labels, &guide);
    }
  } else {
    parser_.Parse(f, t, heads, labels);
  }
}

size_t SyntaxModel::TrailingAttribution(const std::vector<std::string>& forms, const std::vector<int>& tags) const {
  // "..., a U.N. spokesman in Kinshasa said." / "..., said a police officer." / "..., officials
  // told Reuters on Monday.": after the last comma, a short phrase with one verb, a verb of
  // reporting, and a noun; before it, a clause with a verb of its own.
  static const std::set<std::string> kReporting = {"said", "says", "told", "reported", "added", "stated"};
  const size_t n = forms.size();
  if (n < 8 || (forms[n - 1] != "." && forms[n - 1] != "!")) return 0;
  size_t comma = 0;
  for (size_t i = n - 2; i > 0; --i)
    if (forms[i] == ",") {
      comma = i;
      break;
    }
  if (comma < 4 || n - 1 - comma < 2 || n - 1 - comma > 14) return 0;
  int verbs = 0, reporting = 0, nouns = 0;
  for (size_t i = comma + 1; i + 1 < n; ++i) {
    const std::string& x = tagger_.xpos(tags[i]);
    std::string lower = Lowercase(forms[i]);
    if (x.starts_with("VB") || x == "MD") {
      ++verbs;
      reporting += kReporting.count(lower) > 0;
    }
    nouns += x.starts_with("NN") || x == "PRP";
    if (lower == "that" || lower == "who" || lower == "which" || forms[i] == "\"" || x == "``" || x == "''") return 0;
  }
  if (verbs != 1 || reporting != 1 || nouns == 0) return 0;
  bool clause_verb = false;
  for (size_t i = 0; i < comma; ++i) {
    const std::string& x = tagger_.xpos(tags[i]);
    // (A past form the tagger took for a participle counts: "Police arrested[VBN] hundreds ...".)
    clause_verb |= x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" || x == "VBN";
  }
  return clause_verb ? comma : 0;
}

namespace {
// Words that open a clause of its own: a phrase they open is no prepositional phrase.
const std::set<std::string>& Subordinators() {
  static const std::set<std::string> words = {"that",   "because", "if",    "while",   "although", "though",
                                              "as",     "after",   "before", "since",  "when",     "whether",
                                              "unless", "until",   "once",  "whereas", "like",     "than"};
  return words;
}
}  // namespace

std::pair<size_t, size_t> SyntaxModel::ParentheticalPhrase(const std::vector<std::string>& forms,
                                                         const std::vector<int>& tags) const {
  // Before the verb: a noun, a comma, a preposition opening a phrase without a verb of its own
  // ("on a one-day visit to Berlin", "in a statement"), and a comma with more sentence after it.
  // Clauses a subordinator opens ("while", "after", ...) are no such phrase.
  const std::set<std::string>& kSubordinators = Subordinators();
  const size_t n = forms.size();
  // Also anywhere after a noun: ", among them two Britons and an American," (what it includes).
  for (size_t open = 1; open + 4 < n; ++open) {
    if (forms[open] != "," || Lowercase(forms[open + 1]) != "among" || Lowercase(forms[open + 2]) != "them" ||
        !tagger_.xpos(tags[open - 1]).starts_with("NN"))
      continue;
    for (size_t close = open + 4; close + 2 < n && close <= open + 14; ++close) {
      const std::string& y = tagger_.xpos(tags[close]);
      if (y.starts_with("VB") || y == "MD" || y == "WDT" || y == "WP" || y == "``" || y == "''") break;
      if (forms[close] == ",") return {open, close};
    }
  }
  for (size_t open = 1; open + 4 < n; ++open) {
    const std::string& x = tagger_.xpos(tags[open - 1]);
    if (x.starts_with("VB") || x == "MD") return {0, 0};
    if (forms[open] != "," || !(x.starts_with("NN") || x == "PRP")) continue;
    if (tagger_.xpos(tags[open + 1]) != "IN" || kSubordinators.count(Lowercase(forms[open + 1]))) return {0, 0};
    for (size_t close = open + 3; close < n && close <= open + 14; ++close) {
      const std::string& y = tagger_.xpos(tags[close]);
      if (y.starts_with("VB") || y == "MD" || y == "WDT" || y == "WP" || y == "``" || y == "''" || y == "-LRB-" ||
          forms[close] == "(" || forms[close] == "\"" || forms[close] == ";" || forms[close] == ":")
        return {0, 0};
      if (forms[close] != ",") continue;
      if (close + 2 >= n) return {0, 0};
      return {open, close};
    }
    return {0, 0};
  }
  return {0, 0};
}

void SyntaxModel::RetagLoneParticiple(const std::vector<std::string>& forms, std::vector<int>* tags) const {
  // "Indonesian police arrested[VBN] militant Muslim cleric Abu Bakar Bashir on Friday": prose
  // needs a finite verb; a past participle right after the subject's noun, with no auxiliary and
  // no finite verb of its clause, is the past tense (the parser then reads the clause).
  const int vbd = tagger_.TagId("VERB", "VBD");
  if (vbd < 0 || forms.size() < 4) return;
  // (A finite verb after it in a clause of its own is no verb of this one: "... on Friday as he
  // walked out of a Jakarta prison".)
  static const std::set<std::string> kDays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                              "sunday"};
  int participle = -1;
  bool own_clause = false;
  for (size_t i = 0; i < forms.size(); ++i) {
    const std::string& x = tagger_.xpos((*tags)[i]);
    const bool finite = x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
    if (finite && (participle < 0 || !own_clause)) return;
    if (participle >= 0 && (x == "WDT" || x == "WP" || x == "WRB" || (x == "IN" && Subordinators().count(Lowercase(forms[i])))))
      own_clause = true;
    if (x == "VBN" && participle < 0) participle = static_cast<int>(i);
    // (Only right after the subject: no phrase before it but an "of" ("Thousands of protesters")
    // or a day ("Serbia on Monday handed over ...").)
    if (participle < 0 && (x == "IN" || x == "TO") && Lowercase(forms[i]) != "of" &&
        !(i + 1 < forms.size() && kDays.count(Lowercase(forms[i + 1]))))
      return;
  }
  if (participle < 1 || participle + 1 >= static_cast<int>(forms.size())) return;
  const std::string& before = tagger_.xpos((*tags)[participle - 1]);
  const std::string& after = tagger_.xpos((*tags)[participle + 1]);
  // (The noun before may be the day of a time phrase after the subject.)
  if (!before.starts_with("NN") || after == "IN" || after == "TO" || after == "," || after == ".") return;
  (*tags)[participle] = vbd;
}

void SyntaxModel::ParseClauses(const std::vector<std::string>& forms, const std::vector<int>& tags, Parsing parsing,
                               bool split_attribution, std::vector<int>* heads_out,
                               std::vector<int>* labels_out) const {
  const Parser* labeller = has_guide() && parsing == Parsing::kFast ? &guide_ : &parser_;
  std::vector<int>& heads = *heads_out;
  std::vector<int>& labels = *labels_out;
  const size_t comma = split_attribution ? TrailingAttribution(forms, tags) : 0;
  const int parataxis = labeller->label_id("parataxis"), punct = labeller->label_id("punct");
  bool split = false;
  std::vector<int> clause_heads, clause_labels, said_heads, said_labels;
  int clause_root = -1, said_root = -1;
  if (comma > 0 && parataxis >= 0 && punct >= 0) {
    // The clause is parsed as the sentence it reports, with the sentence's closing mark (which
    // the parser expects at the end); that mark then goes back to the attribution.
    std::vector<std::string> clause_forms(forms.begin(), forms.begin() + static_cast<std::ptrdiff_t>(comma));
    std::vector<int> clause_tags(tags.begin(), tags.begin() + static_cast<std::ptrdiff_t>(comma));
    clause_forms.push_back(forms.back());
    clause_tags.push_back(tags.back());
    ParseRange(clause_forms, clause_tags, 0, clause_forms.size(), parsing, &clause_heads, &clause_labels);
    const int mark = static_cast<int>(comma) + 1;  // the closing mark's 1-based position there
    clause_heads.pop_back();
    clause_labels.pop_back();
    clause_root = static_cast<int>(std::find(clause_heads.begin(), clause_heads.end(), 0) - clause_heads.begin());
    for (int& h : clause_heads)
      if (h == mark) h = clause_root + 1;
    ParseRange(forms, tags, comma + 1, forms.size(), parsing, &said_heads, &said_labels);
    said_root = static_cast<int>(std::find(said_heads.begin(), said_heads.end(), 0) - said_heads.begin());
    // (A clause whose only root was the borrowed mark falls back to the whole parse.)
    split = clause_root < static_cast<int>(clause_heads.size()) && said_root < static_cast<int>(said_heads.size());
  }
  if (split) {
    heads = clause_heads;
    labels = clause_labels;
    heads.push_back(static_cast<int>(comma) + 1 + said_root + 1);  // the comma
    labels.push_back(punct);
    for (size_t j = 0; j < said_heads.size(); ++j) {
      if (said_heads[j] == 0) {
        heads.push_back(clause_root + 1);
        labels.push_back(parataxis);
      } else {
        heads.push_back(said_heads[j] + static_cast<int>(comma) + 1);
        labels.push_back(said_labels[j]);
      }
    }
  } else {
    ParseRange(forms, tags, 0, forms.size(), parsing, &heads, &labels);
  }
}

void SyntaxModel::AnnotateWith(Sentence& sentence, Times* times, Parsing parsing, bool split_attribution) const {
  if (sentence.tokens.empty()) return;
  using Clock = std::chrono::steady_clock;
  const Clock::time_point t0 = times ? Clock::now() : Clock::time_point{};
  std::vector<std::string> forms = Forms(sentence);
  LowercaseTitleCase(sentence, tagger_.open_classes(), &forms);
  // News prose: a verb repeated with "re-" ("re-arrested", "re-elected"), a word the treebank
  // hardly has, is tagged, parsed and lemmatized as the verb itself.
  if (split_attribution)
    for (std::string& f : forms)
      if (f.size() > 6 && (f[0] == 'r' || f[0] == 'R') && (f[1] == 'e' || f[1] == 'E') && f[2] == '-' &&
          std::islower(static_cast<unsigned char>(f[3])))
        f.erase(0, 3);
  std::vector<int> tags, heads, labels;
  tagger_.Tag(forms, &tags);
  if (split_attribution) RetagLoneParticiple(forms, &tags);
  const Clock::time_point t1 = times ? Clock::now() : Clock::time_point{};
  const Parser* labeller = has_guide() && parsing == Parsing::kFast ? &guide_ : &parser_;
  const auto [open, close] = split_attribution ? ParentheticalPhrase(forms, tags) : std::pair<size_t, size_t>{0, 0};
  const int nmod = labeller->label_id("nmod"), punct = labeller->label_id("punct");
  bool set_off = false;
  if (close > open && nmod >= 0 && punct >= 0) {
    // The sentence is parsed without the phrase and its commas, the phrase as a sentence of its
    // own; its root then modifies the noun before it.
    std::vector<std::string> rest_forms;
    std::vector<int> rest_tags;
    std::vector<int> kept;  // the sentence position of each word of the rest
    // (After an inclusion, ", among them ...,", the closing comma stays: it ends the clause.)
    const bool keep_close = Lowercase(forms[open + 1]) == "among";
    for (size_t i = 0; i < forms.size(); ++i) {
      if (i >= open && (i < close || (i == close && !keep_close))) continue;
      rest_forms.push_back(forms[i]);
      rest_tags.push_back(tags[i]);
      kept.push_back(static_cast<int>(i));
    }
    std::vector<int> rest_heads, rest_labels, phrase_heads, phrase_labels;
    ParseClauses(rest_forms, rest_tags, parsing, split_attribution, &rest_heads, &rest_labels);
    // "among them two Britons" is parsed as "among two Britons": the pronoun only repeats the noun.
    const bool them = Lowercase(forms[open + 2]) == "them";
    std::vector<std::string> phrase_forms(forms.begin() + static_cast<std::ptrdiff_t>(open) + 1,
                                          forms.begin() + static_cast<std::ptrdiff_t>(close));
    std::vector<int> phrase_tags(tags.begin() + static_cast<std::ptrdiff_t>(open) + 1,
                                 tags.begin() + static_cast<std::ptrdiff_t>(close));
    if (them) {
      phrase_forms.erase(phrase_forms.begin() + 1);
      phrase_tags.erase(phrase_tags.begin() + 1);
    }
    ParseRange(phrase_forms, phrase_tags, 0, phrase_forms.size(), parsing, &phrase_heads, &phrase_labels);
    if (them) {
      // Back in place, hung from the phrase's head.
      for (int& hd : phrase_heads)
        if (hd > 1) ++hd;
      const int root = static_cast<int>(std::find(phrase_heads.begin(), phrase_heads.end(), 0) - phrase_heads.begin());
      phrase_heads.insert(phrase_heads.begin() + 1, root < static_cast<int>(phrase_heads.size()) ? (root >= 1 ? root + 2 : root + 1) : 0);
      phrase_labels.insert(phrase_labels.begin() + 1, labeller->label_id("dep"));
    }
    const int phrase_root =
        static_cast<int>(std::find(phrase_heads.begin(), phrase_heads.end(), 0) - phrase_heads.begin());
    if (phrase_root < static_cast<int>(phrase_heads.size())) {
      set_off = true;
      heads.assign(forms.size(), 0);
      labels.assign(forms.size(), punct);
      for (size_t j = 0; j < kept.size(); ++j) {
        heads[kept[j]] = rest_heads[j] == 0 ? 0 : kept[rest_heads[j] - 1] + 1;
        labels[kept[j]] = rest_labels[j];
      }
      // The noun's phrase head: a name's first word, not its flat or compound parts.
      int noun = static_cast<int>(open) - 1;
      for (int guard = 0; guard < 8 && heads[noun] > 0; ++guard) {
        const std::string& rel = labeller->label(labels[noun]);
        if (rel != "flat" && rel != "flat:name" && rel != "compound") break;
        noun = heads[noun] - 1;
      }
      const int root_at = static_cast<int>(open) + 1 + phrase_root;
      for (size_t j = 0; j < phrase_heads.size(); ++j) {
        const size_t at = open + 1 + j;
        heads[at] = phrase_heads[j] == 0 ? noun + 1 : static_cast<int>(open) + phrase_heads[j] + 1;
        labels[at] = phrase_heads[j] == 0 ? nmod : phrase_labels[j];
      }
      heads[open] = root_at + 1;
      if (!keep_close) heads[close] = root_at + 1;
    }
  }
  if (!set_off) ParseClauses(forms, tags, parsing, split_attribution, &heads, &labels);
  const Clock::time_point t2 = times ? Clock::now() : Clock::time_point{};
  for (size_t i = 0; i < forms.size(); ++i) {
    Token& t = sentence.tokens[i];
    t.upos = tagger_.upos(tags[i]);
    t.xpos = tagger_.xpos(tags[i]);
    const std::string lower = Lowercase(forms[i]);
    lemmatizer_.Annotate(forms[i], lower, tags[i], &t.lemma, &t.feats);
    if (t.upos == "VERB" || t.upos == "AUX") {
      auto irregular = IrregularVerbs().find(lower);
      if (irregular != IrregularVerbs().end()) t.lemma = irregular->second;
    }
    t.head = heads[i];
    t.deprel = labeller->label(labels[i]);
  }
  if (times) {
    times->tag_s += std::chrono::duration<double>(t1 - t0).count() +
                    std::chrono::duration<double>(Clock::now() - t2).count();
    times->parse_s += std::chrono::duration<double>(t2 - t1).count();
  }
}

std::string SyntaxModel::Serialize() const {
  ModelWriter w;
  w.Section("META").String(metadata_);
  tagger_.Write(w.Section("TAGR"));
  lemmatizer_.Write(w.Section("LEMM"));
  parser_.Write(w.Section("PARS"));
  if (has_guide()) guide_.Write(w.Section("GUID"));
  ByteWriter& t = w.Section("TEST");
  t.U32(static_cast<uint32_t>(self_test_.size()));
  for (const Sentence& s : self_test_) {
    t.U32(static_cast<uint32_t>(s.tokens.size()));
    for (const Token& tok : s.tokens) {
      t.String(tok.form).String(tok.upos).String(tok.xpos).String(tok.lemma).String(tok.feats);
      t.U32(static_cast<uint32_t>(tok.head)).String(tok.deprel);
    }
  }
  return w.Finish(kComponentBundle);
}

Status SyntaxModel::Save(const std::string& path) const {
  std::string bytes = Serialize();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return IoError(path + ": cannot open for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return IoError(path + ": write failed");
  return Status::Ok();
}

void SyntaxModel::RecordSelfTest(const std::vector<Sentence>& sentences) {
  self_test_ = sentences;
  for (Sentence& s : self_test_) Annotate(s);
}

Status SyntaxModel::RunSelfTest(const std::string& name) const {
  for (size_t i = 0; i < self_test_.size(); ++i) {
    Sentence s = self_test_[i];
    Annotate(s);
    for (size_t j = 0; j < s.tokens.size(); ++j) {
      const Token& a = s.tokens[j];
      const Token& e = self_test_[i].tokens[j];
      if (a.upos != e.upos || a.xpos != e.xpos || a.lemma != e.lemma || a.head != e.head || a.deprel != e.deprel) {
        return Corrupt(name + ": self-test sentence " + std::to_string(i + 1) + " word " + std::to_string(j + 1) +
                       " (\"" + e.form + "\") gives " + a.upos + "/" + a.xpos + "/" + a.lemma + "/" +
                       std::to_string(a.head) + "/" + a.deprel + ", expected " + e.upos + "/" + e.xpos + "/" +
                       e.lemma + "/" + std::to_string(e.head) + "/" + e.deprel);
      }
    }
  }
  return Status::Ok();
}

Result<std::shared_ptr<SyntaxModel>> SyntaxModel::FromBytes(std::string_view bytes, const std::string& name) {
  ModelFile file;
  Status s = ParseModelFile(bytes, name, &file);
  if (!s.ok()) return s;
  if (file.component != kComponentBundle) {
    return Unsupported(name + ": component " + std::to_string(file.component) + " is not a syntax model bundle (" +
                       std::to_string(kComponentBundle) + ")");
  }
  auto model = std::make_shared<SyntaxModel>();
  ByteReader meta = file.Section("META");
  model->metadata_ = meta.String();
  if (!meta.ok()) return meta.status();
  ByteReader tr = file.Section("TAGR");
  s = model->tagger_.Read(tr);
  if (!s.ok()) return s;
  ByteReader lr = file.Section("LEMM");
  s = model->lemmatizer_.Read(lr);
  if (!s.ok()) return s;
  ByteReader pr = file.Section("PARS");
  s = model->parser_.Read(pr);
  if (!s.ok()) return s;
  const bool guide_section = file.Has("GUID");
  if (model->parser_.guided() != guide_section) {
    return Corrupt(name + ": the parser " + (guide_section ? "is not guided but the file has" : "is guided but the file has no") +
                   " guide parser");
  }
  if (guide_section) {
    ByteReader gr = file.Section("GUID");
    s = model->guide_.Read(gr);
    if (!s.ok()) return s;
  }
  ByteReader te = file.Section("TEST");
  uint32_t n = te.U32();
  for (uint32_t i = 0; i < n && te.ok(); ++i) {
    Sentence sent;
    uint32_t m = te.U32();
    if (te.ok() && m > 1000) te.Fail("bad self-test sentence length");
    for (uint32_t j = 0; j < m && te.ok(); ++j) {
      Token t;
      t.form = te.String();
      t.upos = te.String();
      t.xpos = te.String();
      t.lemma = te.String();
      t.feats = te.String();
      t.head = static_cast<int>(te.U32());
      t.deprel = te.String();
      sent.tokens.push_back(std::move(t));
    }
    model->self_test_.push_back(std::move(sent));
  }
  if (!te.ok()) return te.status();
  s = model->RunSelfTest(name);
  if (!s.ok()) return s;
  return model;
}

Result<std::shared_ptr<const Model>> Model::Load(const std::string& path) {
  // Only a regular file of sane size is read whole: a folder, /dev/zero or a pipe would never end.
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec)) {
    return IoError(path + ": not a model file (not a regular file)");
  }
  if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) > (1ull << 30)) {
    return IoError(path + ": over 1 GiB, not a model file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open model file");
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string bytes = buf.str();
  auto model = SyntaxModel::FromBytes(bytes, path);
  if (!model.ok()) return model.status();
  return std::shared_ptr<const Model>(*model);
}

Result<std::shared_ptr<const Model>> Model::LoadDefault() {
  static std::mutex mu;
  static std::shared_ptr<const Model> cached;
  std::lock_guard<std::mutex> lock(mu);
  if (cached) return cached;
  std::optional<std::string_view> bytes = resources::Find(kDefaultModelName);
  if (!bytes) {
    return NotFound(std::string(kDefaultModelName) + ": no syntax model built into this binary (train one with `dragoman train`)");
  }
  auto model = SyntaxModel::FromBytes(*bytes, kDefaultModelName);
  if (!model.ok()) return model.status();
  cached = *model;
  return cached;
}

namespace {

// Runs job(0) .. job(jobs - 1) on up to two threads.
void RunOnThreads(int jobs, int threads, const std::function<void(int)>& job) {
  threads = std::max(1, std::min(threads, 2));
  std::vector<std::thread> pool;
  std::mutex next_mu;
  int next = 0;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&]() {
      while (true) {
        int k;
        {
          std::lock_guard<std::mutex> lock(next_mu);
          if (next >= jobs) return;
          k = next++;
        }
        job(k);
      }
    });
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace

Result<std::shared_ptr<SyntaxModel>> TrainModelImpl(const TrainOptions& options) {
  auto log = [&](const std::string& m) {
    if (options.log) options.log(m);
  };
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&]() {
    return std::to_string(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()) + "s";
  };
  std::vector<ConlluSentence> train_c, dev_c;
  Status s = ReadConlluFile(options.train_path, &train_c);
  if (!s.ok()) return s;
  if (!options.dev_path.empty()) {
    s = ReadConlluFile(options.dev_path, &dev_c);
    if (!s.ok()) return s;
  }
  // Tag and label inventories, sorted so ids do not depend on file order.
  std::set<std::string> tag_set, label_set;
  for (const ConlluSentence& c : train_c) {
    for (const ConlluRow* r : c.Words()) {
      tag_set.insert(r->upos() + "\t" + r->xpos());
      label_set.insert(r->deprel());
    }
  }
  if (label_set.size() > 64) return InvalidInput(options.train_path + ": more than 64 dependency labels");
  std::vector<std::string> tag_names(tag_set.begin(), tag_set.end());
  std::vector<std::string> label_names(label_set.begin(), label_set.end());
  std::map<std::string, int> tag_id, label_id;
  for (size_t i = 0; i < tag_names.size(); ++i) tag_id[tag_names[i]] = static_cast<int>(i);
  for (size_t i = 0; i < label_names.size(); ++i) label_id[label_names[i]] = static_cast<int>(i);

  auto to_tagged = [&](const std::vector<ConlluSentence>& cs, std::vector<TaggedSentence>* out,
                       std::vector<ParseSentence>* parse) {
    for (const ConlluSentence& c : cs) {
      TaggedSentence t;
      ParseSentence p;
      for (const ConlluRow* r : c.Words()) {
        t.forms.push_back(r->form());
        auto it = tag_id.find(r->upos() + "\t" + r->xpos());
        t.tags.push_back(it == tag_id.end() ? 0 : it->second);
        auto lt = label_id.find(r->deprel());
        p.heads.push_back(r->head < 0 ? 0 : r->head);
        p.labels.push_back(lt == label_id.end() ? 0 : lt->second);
      }
      p.forms = t.forms;
      p.tags = t.tags;
      out->push_back(std::move(t));
      parse->push_back(std::move(p));
    }
  };
  std::vector<TaggedSentence> train_t, dev_t;
  std::vector<ParseSentence> train_p, dev_p;
  to_tagged(train_c, &train_t, &train_p);
  to_tagged(dev_c, &dev_t, &dev_p);
  log("read " + std::to_string(train_t.size()) + " training and " + std::to_string(dev_t.size()) +
      " dev sentences; " + std::to_string(tag_names.size()) + " tags, " + std::to_string(label_names.size()) +
      " labels");

  auto model = std::make_shared<SyntaxModel>();
  // Jackknifing: the parser trains on tags predicted by taggers that never saw the sentence,
  // so it learns to cope with tagging errors as they occur on new text.
  const int folds = std::max(1, options.folds);
  OpenClassLexicon open_classes;
  if (!options.wordnet_dir.empty()) {
    auto wordnet = OpenClassLexicon::LoadWordNet(options.wordnet_dir);
    if (!wordnet.ok()) return wordnet.status();
    open_classes = wordnet.take();
    log("WordNet: " + std::to_string(open_classes.size()) + " word forms (" + elapsed() + ")");
  }
  std::vector<Tagger> taggers(folds > 1 ? folds + 1 : 1);
  std::mutex log_mu;
  auto train_tagger = [&](int k) {
    TaggerOptions to;
    to.epochs = options.tagger_epochs;
    to.seed = options.seed + static_cast<uint64_t>(k);
    to.min_updates = options.tagger_min_updates;
    to.open_classes = &open_classes;
    bool final_tagger = k == static_cast<int>(taggers.size()) - 1;
    if (final_tagger) {
      to.log = [&](const std::string& m) {
        std::lock_guard<std::mutex> lock(log_mu);
        log(m + " (" + elapsed() + ")");
      };
      taggers[k] = Tagger::Train(tag_names, train_t, dev_t, to);
    } else {
      std::vector<TaggedSentence> part;
      for (size_t i = 0; i < train_t.size(); ++i) {
        if (static_cast<int>(i % folds) != k) part.push_back(train_t[i]);
      }
      taggers[k] = Tagger::Train(tag_names, part, {}, to);
    }
  };
  RunOnThreads(static_cast<int>(taggers.size()), options.threads, train_tagger);
  model->tagger_ = std::move(taggers.back());
  log("taggers trained (" + elapsed() + ")");
  size_t tag_correct = 0, tag_total = 0;
  for (size_t i = 0; i < train_p.size(); ++i) {
    const Tagger& t = folds > 1 ? taggers[i % folds] : model->tagger_;
    std::vector<int> tags;
    t.Tag(train_p[i].forms, &tags, /*keep_confident=*/false);
    for (size_t j = 0; j < tags.size(); ++j) tag_correct += tags[j] == train_p[i].tags[j];
    tag_total += tags.size();
    train_p[i].tags = std::move(tags);
  }
  for (ParseSentence& p : dev_p) model->tagger_.Tag(p.forms, &p.tags, /*keep_confident=*/false);
  log("parser training tags: " + std::to_string(100.0 * tag_correct / std::max<size_t>(1, tag_total)) + "% correct");

  std::vector<LemmaExample> examples;
  for (const ConlluSentence& c : train_c) {
    for (const ConlluRow* r : c.Words()) {
      examples.push_back({r->form(), tag_id[r->upos() + "\t" + r->xpos()], r->lemma(), r->feats()});
    }
  }
  model->lemmatizer_ = Lemmatizer::Train(examples, static_cast<int>(tag_names.size()));
  log("lemmatizer trained (" + elapsed() + ")");

  ParserOptions po;
  po.epochs = options.parser_epochs;
  po.seed = options.seed;
  po.min_updates = options.parser_min_updates;
  po.feature_set = options.parser_feature_set;
  {
    std::map<std::string, int> upos_id;
    for (const std::string& name : tag_names) {
      std::string upos = name.substr(0, name.find('\t'));
      auto it = upos_id.emplace(upos, static_cast<int>(upos_id.size())).first;
      po.coarse_tags.push_back(it->second);
    }
  }
  po.log = [&](const std::string& m) { log(m + " (" + elapsed() + ")"); };
  if (options.guided) {
    // Stacking: the guide reads the other way, so its parse tells the parser about words it has
    // not reached yet. The guide's parses of the training sentences come from guides that did
    // not see them (folds), like the tags, so the parser learns how far to trust it. Whichever
    // parser reads right to left puts the root last: read backwards with the root first, the
    // root would be chosen among the sentence's last words (dev UAS 79.4 root first, 84.1 last).
    ParserOptions go = po;
    go.right_to_left = options.guide_right_to_left;
    go.root_last = options.guide_right_to_left;
    go.epochs = options.guide_epochs;
    go.log = nullptr;
    // The guide trained on every sentence goes first: it is the longest job.
    const int guide_folds = std::max(1, options.guide_folds);
    std::vector<Parser> guides(guide_folds > 1 ? guide_folds + 1 : 1);
    auto train_guide = [&](int k) {
      const bool final_guide = k == 0;
      std::vector<ParseSentence> part;
      if (!final_guide) {
        for (size_t i = 0; i < train_p.size(); ++i) {
          if (static_cast<int>(i % guide_folds) != k - 1) part.push_back(train_p[i]);
        }
      }
      guides[k] = Parser::Train(label_names, static_cast<int>(tag_names.size()), final_guide ? train_p : part, {}, go);
      std::lock_guard<std::mutex> lock(log_mu);
      log("guide parser " + std::to_string(k + 1) + " of " + std::to_string(guides.size()) + " trained (" + elapsed() + ")");
    };
    RunOnThreads(static_cast<int>(guides.size()), options.threads, train_guide);
    for (size_t i = 0; i < train_p.size(); ++i) {
      const Parser& g = guide_folds > 1 ? guides[1 + i % guide_folds] : guides[0];
      g.Parse(train_p[i].forms, train_p[i].tags, &train_p[i].guide.heads, &train_p[i].guide.labels);
    }
    model->guide_ = std::move(guides[0]);
    for (ParseSentence& p : dev_p) model->guide_.Parse(p.forms, p.tags, &p.guide.heads, &p.guide.labels);
    po.guided = true;
    po.right_to_left = !options.guide_right_to_left;
    po.root_last = !options.guide_right_to_left;
  }
  model->parser_ = Parser::Train(label_names, static_cast<int>(tag_names.size()), train_p, dev_p, po);
  log("parser trained (" + elapsed() + ")");

  model->metadata_ = "treebank: " + options.train_path + "\nseed: " + std::to_string(options.seed) +
                     "\ntagger_epochs: " + std::to_string(options.tagger_epochs) +
                     "\nparser_epochs: " + std::to_string(options.parser_epochs) +
                     "\nfolds: " + std::to_string(folds) + "\n" + options.description;
  std::vector<Sentence> tests;
  for (size_t i = 0; i < dev_c.size() && tests.size() < 5; i += 97) tests.push_back(ToSentence(dev_c[i], false));
  if (tests.empty() && !train_c.empty()) tests.push_back(ToSentence(train_c[0], false));
  model->RecordSelfTest(tests);
  return model;
}

Result<std::shared_ptr<SyntaxModel>> TrainModel(const TrainOptions& options) { return TrainModelImpl(options); }

}  // namespace dragoman::syntax
