#include "coding/verb_dictionary.h"

#include <algorithm>
#include <cctype>

namespace dragoman::coding {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

// "_" joins words of one phrase in PETRARCH files.
std::string Underscores(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '_', ' ');
  return std::string(Trim(out));
}

bool ValidVerbCode(std::string_view code) {
  if (code == kNullCode) return true;
  if (code.empty() || code.size() > 8) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

// Splits "[043:042]" contents into code and reverse code; false when malformed.
bool ParseCode(std::string_view inside, std::string* code, std::string* reverse) {
  inside = Trim(inside);
  size_t colon = inside.find(':');
  std::string_view a = colon == std::string_view::npos ? inside : inside.substr(0, colon);
  std::string_view b = colon == std::string_view::npos ? std::string_view() : inside.substr(colon + 1);
  a = Trim(a);
  b = Trim(b);
  if (a.empty() && b.empty()) return false;
  if (!a.empty() && !ValidVerbCode(a)) return false;
  if (!b.empty() && !ValidVerbCode(b)) return false;
  *code = a.empty() ? std::string(kNullCode) : std::string(a);
  *reverse = (b.empty() || b == kNullCode) ? std::string() : std::string(b);
  return true;
}

}  // namespace

std::string PluralOf(std::string_view noun) {
  std::string n(noun);
  if (n.empty()) return n;
  char last = n.back();
  if (last == 'y' && n.size() > 1 && std::string_view("aeiou").find(n[n.size() - 2]) == std::string_view::npos)
    return n.substr(0, n.size() - 1) + "ies";
  if (last == 's' || last == 'x' || last == 'z' || (n.size() > 1 && (n.ends_with("ch") || n.ends_with("sh"))))
    return n + "es";
  return n + "s";
}

int VerbPattern::Specificity() const {
  int n = 0;
  auto nouns = [&](const std::vector<PatternNoun>& v) {
    for (const PatternNoun& p : v) n += p.role == SlotRole::kWord ? 2 + static_cast<int>(p.modifiers.size()) : 1;
  };
  nouns(pre_nouns);
  nouns(post_nouns);
  for (const PatternPrep& p : pre_preps) { n += 2; nouns(p.objects); }
  for (const PatternPrep& p : post_preps) { n += 2; nouns(p.objects); }
  return n;
}

int VerbDictionary::AddSynset(std::string_view name, const std::vector<std::string>& phrases, std::string origin) {
  std::string key(name);
  int index;
  auto it = synset_by_name_.find(key);
  if (it == synset_by_name_.end()) {
    index = static_cast<int>(synsets_.size());
    synsets_.push_back(Synset{key, {}, {}, {}, std::move(origin)});
    synset_by_name_.emplace(key, index);
  } else {
    index = it->second;
  }
  Synset& s = synsets_[index];
  bool set_no_plural = !key.empty() && key.back() == '_';
  for (const std::string& raw : phrases) {
    std::string p = Lower(raw);
    bool no_plural = set_no_plural;
    if (!p.empty() && p.back() == '_') {
      no_plural = true;
      p.pop_back();
    }
    p = Underscores(p);
    if (p.empty()) continue;
    s.phrases.push_back(p);
    std::vector<std::string> words = SplitWords(p);
    if (words.size() == 1) {
      s.words.insert(words[0]);
      if (!no_plural) s.words.insert(PluralOf(words[0]));
    } else {
      s.phrases_by_head[words.back()].push_back(words);
      if (!no_plural) {
        std::vector<std::string> plural = words;
        plural.back() = PluralOf(words.back());
        s.phrases_by_head[plural.back()].push_back(plural);
      }
    }
  }
  return index;
}

int VerbDictionary::FindSynset(std::string_view name) const {
  auto it = synset_by_name_.find(std::string(name));
  return it == synset_by_name_.end() ? -1 : it->second;
}

Result<int> VerbDictionary::AddBlock(VerbBlock block) {
  const std::string where = block.origin.empty() ? block.name : block.origin;
  if (block.name.empty()) return InvalidInput(where + ": verb block without a name");
  if (block.forms.empty()) return InvalidInput(where + ": verb block \"" + block.name + "\" has no verb");
  if (!ValidVerbCode(block.code))
    return InvalidInput(where + ": bad code \"" + block.code + "\" for verb block \"" + block.name + "\"");
  for (const VerbPattern& p : block.patterns) {
    if (!p.code.empty() && !ValidVerbCode(p.code))
      return InvalidInput((p.origin.empty() ? where : p.origin) + ": bad pattern code \"" + p.code + "\"");
  }
  for (const VerbForm& f : block.forms) {
    if (f.lemma.empty()) return InvalidInput((f.origin.empty() ? where : f.origin) + ": verb form without a verb");
  }
  int index = static_cast<int>(blocks_.size());
  for (size_t i = 0; i < block.forms.size(); ++i) {
    const VerbForm& f = block.forms[i];
    FormRef ref{index, static_cast<int>(i)};
    std::vector<std::string> keys = {f.lemma};
    keys.insert(keys.end(), f.inflections.begin(), f.inflections.end());
    if (f.inflections.empty() && f.lemma.size() > 1) {
      // Regular forms, for lookup by surface form when a lemma is missing or wrong.
      const std::string& l = f.lemma;
      keys.push_back(PluralOf(l));
      if (l.back() == 'e') {
        keys.push_back(l + "d");
        keys.push_back(l.substr(0, l.size() - 1) + "ing");
      } else {
        keys.push_back(l + "ed");
        keys.push_back(l + "ing");
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::string& k : keys) forms_by_word_[k].push_back(ref);
  }
  block_by_name_.emplace(block.name, index);
  blocks_.push_back(std::move(block));
  return index;
}

const std::vector<VerbDictionary::FormRef>& VerbDictionary::Find(std::string_view word) const {
  static const std::vector<FormRef> kNone;
  auto it = forms_by_word_.find(std::string(word));
  return it == forms_by_word_.end() ? kNone : it->second;
}

bool VerbDictionary::WordMatches(const PatternWord& w, std::string_view word) const {
  if (w.synset >= 0) return synsets_[w.synset].words.count(std::string(word)) > 0;
  if (w.text == word) return true;
  // The plural, without building it: "treaty"/"treaties", "bus"/"buses", "talk"/"talks".
  const std::string& n = w.text;
  if (word.size() <= n.size() || word.size() > n.size() + 2 || n.empty()) return false;
  if (word.compare(0, n.size() - 1, n, 0, n.size() - 1) != 0) return false;
  return word == PluralOf(n);
}

int VerbDictionary::FindBlock(std::string_view name) const {
  auto it = block_by_name_.find(std::string(name));
  return it == block_by_name_.end() ? -1 : it->second;
}

size_t VerbDictionary::pattern_count() const {
  size_t n = 0;
  for (const VerbBlock& b : blocks_) n += b.patterns.size();
  return n;
}

// ---------------------------------------------------------------------------------------------
// PETRARCH2 verb-file reader.

namespace {

class VerbFileReader {
 public:
  // Synonym sets go into synsets, verb blocks and transformations into dict.
  VerbFileReader(std::string_view file_name, bool strict, std::vector<std::string>* warnings,
                 VerbDictionary* synsets, VerbDictionary* dict)
      : file_(file_name), strict_(strict), warnings_(warnings), synsets_(synsets), dict_(dict) {}

  Status Read(std::string_view text);

 private:
  enum class Context { kNone, kSynset, kBlock };

  std::string Where() const { return file_ + ":" + std::to_string(line_no_); }
  // Records a bad line; returns the error when strict.
  Status Problem(const std::string& what, std::string_view line) {
    std::string msg = Where() + ": " + what + ": \"" + std::string(Trim(line)) + "\"";
    if (strict_) return InvalidInput(msg);
    if (warnings_) warnings_->push_back(msg);
    return Status::Ok();
  }
  Status FlushBlock();
  Status BlockHeader(std::string_view line);
  Status VerbLine(std::string_view line);
  Status PatternLine(std::string_view line);
  Status TransformationLine(std::string_view line);
  Status SynsetMember(std::string_view line);
  // Parses a sequence of pattern tokens into nouns and preps. false + message on error.
  bool ParseSide(const std::vector<std::string>& tokens, std::vector<PatternNoun>* nouns,
                 std::vector<PatternPrep>* preps, std::string* error);
  bool MakeWord(std::string_view token, PatternWord* w, std::string* error);

  std::string file_;
  bool strict_;
  std::vector<std::string>* warnings_;
  VerbDictionary* synsets_;
  VerbDictionary* dict_;
  int line_no_ = 0;
  Context context_ = Context::kNone;
  std::string synset_name_;
  std::vector<std::string> synset_members_;
  std::string synset_origin_;
  bool have_block_ = false;
  VerbBlock block_;
};

Status VerbFileReader::FlushBlock() {
  if (context_ == Context::kSynset && !synset_name_.empty()) {
    synsets_->AddSynset(synset_name_, synset_members_, synset_origin_);
    synset_members_.clear();
    synset_name_.clear();
  }
  if (have_block_) {
    have_block_ = false;
    if (block_.forms.empty()) {
      // A header with patterns but no verb cannot be used; say so.
      if (!block_.patterns.empty() && warnings_)
        warnings_->push_back(block_.origin + ": verb block \"" + block_.name + "\" has patterns but no verb");
      return Status::Ok();
    }
    Result<int> r = dict_->AddBlock(std::move(block_));
    if (!r.ok()) {
      if (strict_) return r.status();
      if (warnings_) warnings_->push_back(r.status().message());
    }
  }
  return Status::Ok();
}

Status VerbFileReader::BlockHeader(std::string_view line) {
  if (Status s = FlushBlock(); !s.ok()) return s;
  context_ = Context::kBlock;
  // "--- NAME [code] ---"
  std::string_view body = Trim(line);
  while (!body.empty() && body.front() == '-') body.remove_prefix(1);
  while (!body.empty() && body.back() == '-') body.remove_suffix(1);
  body = Trim(body);
  block_ = VerbBlock();
  block_.origin = Where();
  size_t open = body.find('[');
  size_t close = body.find(']');
  std::string_view name = open == std::string_view::npos ? body : Trim(body.substr(0, open));
  block_.name = std::string(name);
  block_.code = std::string(kNullCode);
  if (open != std::string_view::npos) {
    if (close == std::string_view::npos || close < open)
      return Problem("verb block header has an unclosed code", line);
    if (!ParseCode(body.substr(open + 1, close - open - 1), &block_.code, &block_.reverse_code))
      return Problem("bad code in verb block header", line);
  }
  if (block_.name.empty()) return Problem("verb block header without a name", line);
  have_block_ = true;
  return Status::Ok();
}

// Splits "WIRE_+TAP" into before {"wire"}, verb "tap", after {}.
static bool SplitMultiWord(std::string_view token, std::vector<std::string>* before, std::string* verb,
                           std::vector<std::string>* after) {
  std::string t = Lower(token);
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t u = t.find('_', start);
    parts.push_back(t.substr(start, u == std::string::npos ? std::string::npos : u - start));
    if (u == std::string::npos) break;
    start = u + 1;
  }
  int verb_index = -1;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!parts[i].empty() && parts[i][0] == '+') {
      verb_index = static_cast<int>(i);
      parts[i].erase(0, 1);
    }
  }
  if (verb_index < 0) verb_index = 0;  // no '+': the first word is taken as the verb
  before->clear();
  after->clear();
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty()) continue;
    if (static_cast<int>(i) < verb_index) before->push_back(parts[i]);
    else if (static_cast<int>(i) > verb_index) after->push_back(parts[i]);
  }
  *verb = parts[verb_index];
  return !verb->empty();
}

Status VerbFileReader::VerbLine(std::string_view line) {
  // "SAY {SAYS SAID SAYING} [010]", "+BREAK_DOWN {+BROKE_DOWN ...}", "KLM_NOP_+RST [002]"
  std::string_view body = Trim(line);
  VerbForm form;
  form.origin = Where();
  size_t open_code = body.rfind('[');
  if (open_code != std::string_view::npos) {
    size_t close = body.find(']', open_code);
    if (close == std::string_view::npos) return Problem("unclosed code on verb line", line);
    std::string reverse;
    if (!ParseCode(body.substr(open_code + 1, close - open_code - 1), &form.code, &reverse))
      return Problem("bad code on verb line", line);
    body = Trim(body.substr(0, open_code));
  }
  std::string_view forms;
  size_t brace = body.find('{');
  if (brace != std::string_view::npos) {
    size_t close = body.find('}', brace);
    if (close == std::string_view::npos) return Problem("unclosed { on verb line", line);
    forms = body.substr(brace + 1, close - brace - 1);
    body = Trim(body.substr(0, brace));
  }
  std::vector<std::string> words = SplitWords(body);
  if (words.empty()) return Problem("verb line without a verb", line);
  if (words.size() > 1) return Problem("verb line has more than one verb (join a phrase with _)", line);
  std::string base = words[0];
  if (base.find_first_of("*$%^()") != std::string::npos) return Problem("unexpected symbol in verb", line);
  if (!SplitMultiWord(base, &form.before, &form.lemma, &form.after)) return Problem("empty verb", line);
  for (const std::string& f : SplitWords(forms)) {
    std::vector<std::string> b, a;
    std::string v;
    if (SplitMultiWord(f, &b, &v, &a)) form.inflections.push_back(v);
  }
  if (!have_block_) return Problem("verb outside a verb block", line);
  block_.forms.push_back(std::move(form));
  return Status::Ok();
}

bool VerbFileReader::MakeWord(std::string_view token, PatternWord* w, std::string* error) {
  if (token.empty()) {
    *error = "empty word";
    return false;
  }
  if (token[0] == '&') {
    w->text = std::string(token);  // resolved after the whole file is read
    w->synset = -2;
    return true;
  }
  std::string t = Lower(token);
  if (!t.empty() && t.back() == '_') t.pop_back();
  w->text = Underscores(t);
  if (w->text.empty()) {
    *error = "empty word";
    return false;
  }
  return true;
}

bool VerbFileReader::ParseSide(const std::vector<std::string>& raw, std::vector<PatternNoun>* nouns,
                               std::vector<PatternPrep>* preps, std::string* error) {
  // Tokenize brackets apart from words.
  std::vector<std::string> tokens;
  for (const std::string& r : raw) {
    std::string cur;
    for (char c : r) {
      if (c == '(' || c == ')' || c == '{' || c == '}') {
        if (!cur.empty()) tokens.push_back(cur);
        cur.clear();
        tokens.emplace_back(1, c);
      } else {
        cur += c;
      }
    }
    if (!cur.empty()) tokens.push_back(cur);
  }
  PatternPrep* prep = nullptr;
  bool in_np = false;
  std::vector<PatternWord> np_words;
  auto add_noun = [&](PatternNoun n) {
    if (prep) prep->objects.push_back(std::move(n));
    else nouns->push_back(std::move(n));
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (t == "(") {
      if (prep || in_np) { *error = "nested ( in pattern"; return false; }
      if (i + 1 >= tokens.size() || tokens[i + 1] == ")" || tokens[i + 1] == "{" || tokens[i + 1] == "(") {
        *error = "( without a preposition";
        return false;
      }
      preps->push_back(PatternPrep{Underscores(Lower(tokens[i + 1])), {}});
      prep = &preps->back();
      ++i;
      continue;
    }
    if (t == ")") {
      if (!prep || in_np) { *error = "unbalanced ) in pattern"; return false; }
      prep = nullptr;
      continue;
    }
    if (t == "{") {
      if (in_np) { *error = "nested { in pattern"; return false; }
      in_np = true;
      np_words.clear();
      continue;
    }
    if (t == "}") {
      if (!in_np) { *error = "unbalanced } in pattern"; return false; }
      in_np = false;
      if (np_words.empty()) { *error = "empty {} in pattern"; return false; }
      PatternNoun n;
      n.head = np_words.back();
      np_words.pop_back();
      n.modifiers = np_words;
      add_noun(std::move(n));
      continue;
    }
    PatternNoun n;
    if (t == "$") n.role = SlotRole::kSource;
    else if (t == "+") n.role = SlotRole::kTarget;
    else if (t == "^") n.role = SlotRole::kSkip;
    else if (t == "%") n.role = SlotRole::kCompound;
    if (n.role != SlotRole::kWord) {
      if (in_np) continue;  // a marker inside {...} adds no constraint
      add_noun(std::move(n));
      continue;
    }
    PatternWord w;
    if (!MakeWord(t, &w, error)) return false;
    if (in_np) {
      np_words.push_back(std::move(w));
    } else {
      n.head = std::move(w);
      add_noun(std::move(n));
    }
  }
  if (prep) { *error = "unclosed ( in pattern"; return false; }
  if (in_np) { *error = "unclosed { in pattern"; return false; }
  return true;
}

Status VerbFileReader::PatternLine(std::string_view line) {
  std::string_view body = Trim(line);
  if (!body.empty() && body.front() == '-') body.remove_prefix(1);
  body = Trim(body);
  if (!have_block_) return Problem("pattern outside a verb block", line);
  VerbPattern p;
  p.origin = Where();
  size_t open = body.rfind('[');
  if (open == std::string_view::npos) return Problem("pattern without a [code]", line);
  size_t close = body.find(']', open);
  if (close == std::string_view::npos) return Problem("pattern code without ]", line);
  if (!ParseCode(body.substr(open + 1, close - open - 1), &p.code, &p.reverse_code))
    return Problem("bad code in pattern", line);
  body = Trim(body.substr(0, open));
  size_t star = body.find('*');
  if (star == std::string_view::npos) return Problem("pattern without the verb marker *", line);
  if (body.find('*', star + 1) != std::string_view::npos) return Problem("pattern with more than one *", line);
  std::string error;
  if (!ParseSide(SplitWords(body.substr(0, star)), &p.pre_nouns, &p.pre_preps, &error) ||
      !ParseSide(SplitWords(body.substr(star + 1)), &p.post_nouns, &p.post_preps, &error))
    return Problem(error, line);
  block_.patterns.push_back(std::move(p));
  return Status::Ok();
}

Status VerbFileReader::TransformationLine(std::string_view line) {
  // "~ a (a b ATTACK) SAY = a b 015"
  std::string body(Trim(line).substr(1));
  for (char& c : body)
    if (c == '(' || c == ')') c = ' ';
  size_t eq = body.find('=');
  if (eq == std::string::npos) return Problem("transformation without =", line);
  std::vector<std::string> lhs = SplitWords(std::string_view(body).substr(0, eq));
  std::vector<std::string> rhs = SplitWords(std::string_view(body).substr(eq + 1));
  if (lhs.size() != 5 || rhs.size() != 3)
    return Problem("transformation must read \"~ a (x y VERB) VERB = s t CODE\"", line);
  Transformation t;
  t.inner_source = Lower(lhs[1]);
  t.inner_target = Lower(lhs[2]);
  t.inner_verb = Lower(lhs[3]);
  t.outer_verb = Lower(lhs[4]);
  t.result_source = Lower(rhs[0]);
  t.result_target = Lower(rhs[1]);
  t.result_code = rhs[2];
  t.origin = Where();
  dict_->AddTransformation(std::move(t));
  return Status::Ok();
}

Status VerbFileReader::SynsetMember(std::string_view line) {
  std::string_view m = Trim(line);
  m.remove_prefix(1);  // '+'
  m = Trim(m);
  if (m.empty()) return Problem("empty synonym", line);
  std::string s(m);
  // Parenthesized phrases "(TO THE END)" are plain phrases here.
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '(' || c == ')' || c == '{' || c == '}'; }),
          s.end());
  if (!s.empty() && s[0] == '&') {
    // A synset inside a synset: copy its members (it must be defined earlier).
    int inner = synsets_->FindSynset(std::string(Trim(s)));
    if (inner < 0) return Problem("synonym set used before it is defined", line);
    const Synset& in = synsets_->synsets()[inner];
    for (const std::string& p : in.phrases) synset_members_.push_back(p);
    return Status::Ok();
  }
  synset_members_.push_back(s);
  return Status::Ok();
}

Status VerbFileReader::Read(std::string_view text) {
  size_t pos = 0;
  bool in_comment = false;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no_;
    std::string line(raw);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // XML-style comments, possibly over several lines.
    if (in_comment) {
      size_t end = line.find("-->");
      if (end == std::string::npos) continue;
      line = line.substr(end + 3);
      in_comment = false;
    }
    for (size_t c = line.find("<!"); c != std::string::npos; c = line.find("<!")) {
      size_t end = line.find("-->", c);
      if (end == std::string::npos) {
        line = line.substr(0, c);
        in_comment = true;
        break;
      }
      line.erase(c, end + 3 - c);
    }
    if (size_t hash = line.find('#'); hash != std::string::npos) line = line.substr(0, hash);
    std::string_view l = Trim(line);
    if (l.empty()) continue;
    Status s;
    if (l.starts_with("---")) {
      s = BlockHeader(l);
    } else if (l[0] == '&') {
      if (Status f = FlushBlock(); !f.ok()) return f;
      context_ = Context::kSynset;
      synset_name_ = std::string(SplitWords(l)[0]);
      synset_origin_ = Where();
      synset_members_.clear();
    } else if (l[0] == '~') {
      s = TransformationLine(l);
    } else if (l[0] == '+' && context_ == Context::kSynset) {
      s = SynsetMember(l);
    } else if (l[0] == '+' && context_ == Context::kNone) {
      s = Problem("synonym outside a synonym set", l);
    } else if (l[0] == '-' || l[0] == '*') {
      if (context_ != Context::kBlock) s = Problem("pattern outside a verb block", l);
      else s = PatternLine(l);
    } else if (context_ == Context::kBlock) {
      s = VerbLine(l);
    } else {
      s = Problem("line outside a synonym set or verb block", l);
    }
    if (!s.ok()) return s;
  }
  if (Status f = FlushBlock(); !f.ok()) return f;
  return Status::Ok();
}

// Replaces synset names in patterns with indexes; drops patterns whose synset is unknown.
Status ResolveSynsets(VerbDictionary* dict, std::vector<VerbBlock>* blocks, bool strict,
                      std::vector<std::string>* warnings) {
  for (VerbBlock& b : *blocks) {
    std::vector<VerbPattern> kept;
    for (VerbPattern& p : b.patterns) {
      std::string missing;
      auto fix = [&](PatternWord& w) {
        if (w.synset != -2) return;
        w.synset = dict->FindSynset(w.text);
        if (w.synset < 0) missing = w.text;
      };
      auto fix_nouns = [&](std::vector<PatternNoun>& v) {
        for (PatternNoun& n : v) {
          fix(n.head);
          for (PatternWord& m : n.modifiers) fix(m);
        }
      };
      fix_nouns(p.pre_nouns);
      fix_nouns(p.post_nouns);
      for (PatternPrep& pp : p.pre_preps) fix_nouns(pp.objects);
      for (PatternPrep& pp : p.post_preps) fix_nouns(pp.objects);
      if (!missing.empty()) {
        std::string msg = p.origin + ": unknown synonym set \"" + missing + "\"";
        if (strict) return InvalidInput(msg);
        if (warnings) warnings->push_back(msg);
        continue;
      }
      kept.push_back(std::move(p));
    }
    b.patterns = std::move(kept);
  }
  return Status::Ok();
}

}  // namespace

Status ReadPetrarchVerbsInto(std::string_view text, std::string_view file_name, bool strict,
                             std::vector<std::string>* warnings, VerbDictionary* dict) {
  // Blocks are read into a scratch dictionary first so that synsets defined anywhere in the file
  // can be resolved before the blocks are indexed.
  VerbDictionary scratch;
  VerbFileReader reader(file_name, strict, warnings, dict, &scratch);
  if (Status s = reader.Read(text); !s.ok()) return s;
  std::vector<VerbBlock> blocks = scratch.blocks();
  if (Status s = ResolveSynsets(dict, &blocks, strict, warnings); !s.ok()) return s;
  for (VerbBlock& b : blocks) {
    Result<int> r = dict->AddBlock(std::move(b));
    if (!r.ok()) {
      if (strict) return r.status();
      if (warnings) warnings->push_back(r.status().message());
    }
  }
  for (const Transformation& t : scratch.transformations()) dict->AddTransformation(t);
  return Status::Ok();
}

Result<VerbDictionary> ReadPetrarchVerbs(std::string_view text, std::string_view file_name, bool strict,
                                         std::vector<std::string>* warnings) {
  VerbDictionary dict;
  if (Status s = ReadPetrarchVerbsInto(text, file_name, strict, warnings, &dict); !s.ok()) return s;
  return dict;
}

}  // namespace dragoman::coding
