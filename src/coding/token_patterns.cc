#include "coding/token_patterns.h"

#include <map>

namespace dragoman::coding {
namespace {

std::vector<std::string> Alternatives(const std::string& element) {
  std::vector<std::string> out;
  for (size_t i = 0, j; i <= element.size(); i = j + 1) {
    j = element.find('|', i);
    if (j == std::string::npos) j = element.size();
    if (j > i) out.push_back(element.substr(i, j - i));
  }
  return out;
}

bool IsSlot(const std::string& e) { return e == "+" || e == "$"; }

PatternNoun SlotNoun(const std::string& e) {
  PatternNoun n;
  n.role = e == "+" ? SlotRole::kTarget : SlotRole::kSource;
  return n;
}

// One element of a pattern after its anchor.
struct Step {
  enum class Kind { kWord, kPreposition, kSlot, kInfinitive } kind;
  std::string element;  // as written ("a|b", "+")
};

class Compiler {
 public:
  Compiler(const WordLists& words, VerbDictionary* verbs) : words_(words), verbs_(verbs) {}

  // Adds the entry's patterns to the blocks being built; false with *error when it cannot be read.
  bool Add(const VerbEntry& entry, std::string* error);
  // Adds the blocks to the dictionary, in order of first appearance.
  Status Flush(bool strict, std::vector<std::string>* problems);

 private:
  bool AllIn(const std::string& list, const std::string& element) const {
    std::vector<std::string> alts = Alternatives(element);
    if (alts.empty()) return false;
    for (const std::string& a : alts)
      if (!words_.Has(list, a)) return false;
    return true;
  }
  PatternWord Word(const std::string& element) {
    std::vector<std::string> alts = Alternatives(element);
    if (alts.size() == 1) return PatternWord{alts[0], -1};
    return PatternWord{"", verbs_->AddSynset("~" + element, alts, "")};
  }
  void AddPattern(const std::string& anchor, bool nominal, VerbPattern pattern, const std::string& origin) {
    std::string key = anchor + (nominal ? " (noun)" : "");
    auto [it, fresh] = block_index_.emplace(key, blocks_.size());
    if (fresh) {
      VerbBlock b;
      b.name = key;
      b.code = std::string(kNullCode);
      b.origin = origin;
      VerbForm f;
      f.lemma = anchor;
      f.origin = origin;
      f.nominal = nominal;
      f.from_token_pattern = true;
      b.forms.push_back(std::move(f));
      blocks_.push_back(std::move(b));
    }
    blocks_[it->second].patterns.push_back(std::move(pattern));
  }

  const WordLists& words_;
  VerbDictionary* verbs_;
  std::vector<VerbBlock> blocks_;
  std::map<std::string, size_t> block_index_;
};

bool Compiler::Add(const VerbEntry& entry, std::string* error) {
  std::vector<std::string> el;
  for (const std::string& e : entry.elements)
    if (e != "*" && !(e.size() > 2 && e.front() == '(' && e.back() == ')')) el.push_back(e);
  VerbPattern base;
  base.code = entry.code;
  base.reverse_code = entry.reverse_code;
  base.origin = entry.origin;
  base.preps_anywhere = true;
  size_t i = 0;
  bool lead_target = false, lead_source = false, nominal = false;
  if (el.size() >= 3 && IsSlot(el[0]) && el[1] == "and" && IsSlot(el[2]) && el[0] != el[2]) {
    PatternNoun n;
    n.role = SlotRole::kCompound;
    base.pre_nouns.push_back(n);
    i = 3;
  } else if (!el.empty() && IsSlot(el[0])) {
    (el[0] == "+" ? lead_target : lead_source) = true;
    i = 1;
  }
  if (i < el.size() && AllIn("copula", el[i])) {
    ++i;
    // "+ be attack by $": the passive; the parse names its subject and agent.
    bool passive = false;
    if (lead_target) {
      for (size_t j = i + 1; j + 1 < el.size(); ++j)
        if (AllIn("agent-preposition", el[j]) && el[j + 1] == "$") {
          el.erase(el.begin() + j, el.begin() + j + 2);
          passive = true;
          break;
        }
    }
    if (passive) {
      lead_target = false;
    } else {
      // The predicate: "be at war with +" is anchored on "war", "be concerned about +" on "concerned".
      while (i + 1 < el.size() && (AllIn("preposition", el[i]) || AllIn("determiner", el[i])) && !IsSlot(el[i + 1])) ++i;
      nominal = true;
    }
  }
  if (lead_target) {
    PatternNoun n;
    n.role = SlotRole::kTarget;
    base.pre_nouns.push_back(n);
  }
  // "$ visit to +": the anchor may be a noun whose own phrase names the source.
  if (lead_source) nominal = true;
  if (i >= el.size() || IsSlot(el[i])) {
    *error = "no word to anchor the pattern on";
    return false;
  }
  std::vector<std::string> anchors = Alternatives(el[i++]);
  // "talks between $ and +", "visit by $ to +": a source after the anchor names a noun's event;
  // after a verb whose subject is the target ("+ receive * aid from $") it is the verb's source.
  for (size_t j = i; j < el.size(); ++j)
    if (el[j] == "$" && !lead_target) nominal = true;

  std::vector<Step> steps;
  for (; i < el.size(); ++i) {
    const std::string& e = el[i];
    if (IsSlot(e)) {
      steps.push_back({Step::Kind::kSlot, e});
    } else if (e == "to" && i + 1 < el.size() && !IsSlot(el[i + 1]) && !AllIn("determiner", el[i + 1]) &&
               !AllIn("preposition", el[i + 1])) {
      steps.push_back({Step::Kind::kInfinitive, e});
    } else if (AllIn("determiner", e)) {
      continue;
    } else if (AllIn("preposition", e) && !(e == "and") && !(steps.empty() && AllIn("particle", e))) {
      // (A particle right after the verb, "rule out", "call off", is a word of the verb, not a
      // phrase: parses attach it to the verb.)
      steps.push_back({Step::Kind::kPreposition, e});
    } else {
      steps.push_back({Step::Kind::kWord, e});
    }
  }
  // One variant per choice of preposition ("about|over +").
  std::vector<std::vector<std::string>> choices = {{}};
  for (const Step& s : steps) {
    if (s.kind != Step::Kind::kPreposition) continue;
    std::vector<std::vector<std::string>> next;
    for (const auto& c : choices)
      for (const std::string& a : Alternatives(s.element)) {
        next.push_back(c);
        next.back().push_back(a);
      }
    choices = std::move(next);
    if (choices.size() > 16) {
      *error = "too many alternative prepositions";
      return false;
    }
  }
  for (const auto& choice : choices) {
    VerbPattern p = base;
    int open = -1;           // the phrase being filled, by index into post_preps
    bool open_filled = false;
    size_t prep_no = 0;
    for (size_t k = 0; k < steps.size(); ++k) {
      const Step& s = steps[k];
      switch (s.kind) {
        case Step::Kind::kInfinitive:
          open = -1;
          break;
        case Step::Kind::kPreposition:
          p.post_preps.push_back(PatternPrep{choice[prep_no++], {}});
          open = static_cast<int>(p.post_preps.size()) - 1;
          open_filled = false;
          break;
        case Step::Kind::kSlot:
          if (open >= 0 && !open_filled) {
            // "between $ and +": the phrase's conjuncts act on each other.
            if (k + 2 < steps.size() && steps[k + 1].element == "and" && steps[k + 2].kind == Step::Kind::kSlot) {
              PatternNoun n;
              n.role = SlotRole::kCompound;
              p.post_preps[open].objects.push_back(n);
              k += 2;
            } else {
              p.post_preps[open].objects.push_back(SlotNoun(s.element));
            }
            open_filled = true;
          } else {
            p.post_nouns.push_back(SlotNoun(s.element));
            open = -1;
          }
          break;
        case Step::Kind::kWord: {
          PatternNoun n;
          n.head = Word(s.element);
          if (open >= 0 && !open_filled) {
            p.post_preps[open].objects.push_back(std::move(n));
            open_filled = true;
          } else {
            p.post_nouns.push_back(std::move(n));
            open = -1;
          }
          break;
        }
      }
    }
    for (const std::string& anchor : anchors) AddPattern(anchor, nominal, p, entry.origin);
  }
  return true;
}

Status Compiler::Flush(bool strict, std::vector<std::string>* problems) {
  for (VerbBlock& b : blocks_) {
    Result<int> added = verbs_->AddBlock(std::move(b));
    if (!added.ok()) {
      if (strict) return added.status();
      if (problems) problems->push_back(added.status().message());
    }
  }
  blocks_.clear();
  return Status::Ok();
}

}  // namespace

Status CompileTokenPatterns(const std::vector<VerbEntry>& entries, const WordLists& words, VerbDictionary* verbs,
                            bool strict, std::vector<std::string>* problems) {
  Compiler compiler(words, verbs);
  for (const VerbEntry& e : entries) {
    std::string error;
    if (compiler.Add(e, &error)) continue;
    std::string message = e.origin + ": " + error + ": \"" + e.text + "\"";
    if (strict) return InvalidInput(message);
    if (problems) problems->push_back(message);
  }
  return compiler.Flush(strict, problems);
}

}  // namespace dragoman::coding
