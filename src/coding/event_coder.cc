#include "coding/event_coder.h"

#include "coding/our_dictionary_loader.h"
#include "geo/gazetteer.h"
#include "text/tone.h"

#include <algorithm>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace dragoman::coding {
namespace {

// A dictionary name as a sequence of normalized units.
struct NameRef {
  std::vector<std::string> units;
  int entry = 0;
  ActorName::Case match_case = ActorName::Case::kAnyCase;
  std::string cased;      // for kExact: the letters the text must have
  bool surname = false;   // ActorName::surname
  bool demonym = false;   // a country's adjective or people ("Iraqi", "Iraqis")
};

// Relations that do not belong to a noun's own phrase.
bool OutsidePhrase(std::string_view rel) {
  return rel == "conj" || rel == "cc" || rel == "cc:preconj" || rel == "acl" || rel == "acl:relcl" ||
         rel == "relcl" || rel == "advcl" || rel == "ccomp" || rel == "xcomp" || rel == "parataxis" ||
         rel == "appos" || rel == "punct" || rel == "nmod:tmod" || rel == "obl:tmod" || rel == "dep" ||
         rel == "list" || rel == "discourse" || rel == "nsubj" || rel == "nsubjpass" || rel == "nsubj:pass" ||
         rel == "csubj" || rel == "cop" || rel == "aux" || rel == "mark";
}

// DRAGOMAN_TRACE=1 prints each sentence's actors and coded verbs to stderr (for dictionary work);
// DRAGOMAN_TRACE=2 also the dependency parse the coder read, after its repairs.
bool Trace() {
  static const bool on = std::getenv("DRAGOMAN_TRACE") != nullptr;
  return on;
}
bool TraceParse() {
  static const bool on = Trace() && std::string_view(std::getenv("DRAGOMAN_TRACE")) == "2";
  return on;
}

bool IsNominalRel(std::string_view rel) {
  if (rel == "nmod:desc") return false;  // "President Romendacil": a title, not a phrase of its own
  return rel == "nmod" || rel == "obl" || rel.starts_with("nmod:") || rel.starts_with("obl:");
}

// Bare noun phrases of time or measure ("on Thursday" is obl, but "Thursday" alone is these).
bool IsTemporalRel(std::string_view rel) {
  return rel == "nmod:tmod" || rel == "obl:tmod" || rel == "obl:unmarked" || rel == "nmod:unmarked" ||
         rel == "obl:npmod" || rel == "nmod:npmod";
}

// A piece of a token the name indexes are matched on: tokens split at hyphens, normalized.
struct MatchUnit {
  std::string text;
  int token;
};

// The match units of a sentence, for the coder and for NamesIn alike. A hyphen split off as a
// token of its own ("Barad - dur") joins the words around it.
std::vector<MatchUnit> MatchUnits(const Sentence& s) {
  std::vector<MatchUnit> units;
  const int n = static_cast<int>(s.tokens.size());
  units.reserve(n + 4);
  for (int i = 0; i < n; ++i) {
    const std::string& f = s.tokens[i].form;
    if ((f == "-" || f == "\u2010" || f == "\u2011") && i > 0 && i + 1 < n) continue;
    if (f.find('-') == std::string::npos || f.size() < 3) {
      units.push_back({NormalizeForm(f), i});
    } else {
      for (std::string& p : NameTokens(f)) units.push_back({std::move(p), i});
    }
  }
  return units;
}

}  // namespace

// Names as a trie over normalized units, so a lookup costs one step per word of text.
struct NameTrie {
  struct Node {
    std::unordered_map<std::string, int> next;
    std::vector<NameRef> hits;
  };
  std::vector<Node> nodes = std::vector<Node>(1);
  void Add(NameRef ref) {
    int n = 0;
    for (const std::string& u : ref.units) {
      auto it = nodes[n].next.find(u);
      if (it == nodes[n].next.end()) {
        int child = static_cast<int>(nodes.size());
        nodes[n].next.emplace(u, child);
        nodes.emplace_back();
        n = child;
      } else {
        n = it->second;
      }
    }
    ref.units.clear();
    nodes[n].hits.push_back(std::move(ref));
  }
  int Step(int n, const std::string& unit) const {
    auto it = nodes[n].next.find(unit);
    return it == nodes[n].next.end() ? -1 : it->second;
  }
};

struct EventCoder::Index {
  explicit Index(const WordLists& w)
      : pronoun(w.Get("pronoun")), plural_pronoun(w.Get("plural-pronoun")), relative(w.Get("relative-pronoun")),
        negation(w.Get("negation")), speaker(w.Get("speaker-pronoun")), speaker_plural(w.Get("speaker-plural")), denial(w.Get("denial")), group_noun(w.Get("group-noun")), group_quantifier(w.Get("group-quantifier")),
        intent(w.Get("intent")), meeting_noun(w.Get("meeting-noun")), condition(w.Get("condition")), hypothetical(w.Get("hypothetical-auxiliary")),
        object_acts(w.Get("object-acts-marker")), averted(w.Get("averted-marker")),
        phrase_preposition(w.Get("phrase-preposition")),
        actor_phrase_preposition(w.Get("actor-phrase-preposition")), agent_preposition(w.Get("agent-preposition")),
        partner_preposition(w.Get("partner-preposition")), non_political_head(w.Get("non-political-head")),
        non_political_modifier(w.Get("non-political-modifier")), locative(w.Get("locative-preposition")),
        non_country_prefix(w.Get("non-country-prefix")), future(w.Get("future-auxiliary")),
        foreign_only(w.Get("foreign-only")), joint(w.Get("joint")), state_role(w.Get("state-role")),
        aerial_word(w.Get("aerial-word")), joint_symmetric(w.Get("joint-if-symmetric")), unreal_modifier(w.Get("unreal-modifier")),
        noun_purpose_marker(w.Get("noun-purpose-marker")), passive_agent(w.Get("passive-agent")), former_office(w.Get("former-office")), date_word(w.Get("date-word")),
        message_noun(w.Get("message-noun")), captive_word(w.Get("captive-word")),
        future_verb(w.Get("future-verb")), people_quantity(w.Get("people-quantity")), people_role(w.Get("people-role")),
        place_noun(w.Get("place-noun")), characterize_verb(w.Get("characterize-verb")),
        leader_participle(w.Get("leader-participle")), affiliation_word(w.Get("affiliation-word")),
        personal_pronoun(w.Get("personal-pronoun")), answer_verb(w.Get("answer-verb")),
        claim_verb(w.Get("claim-verb")), responsibility_noun(w.Get("responsibility-noun")),
        allegation_verb(w.Get("allegation-verb")), allegation_marker(w.Get("allegation-marker")),
        affiliation_preposition(w.Get("affiliation-preposition")),
        responsibility_preposition(w.Get("responsibility-preposition")),
        obligation_auxiliary(w.Get("obligation-auxiliary")), naming_verb(w.Get("naming-verb")),
        naming_preposition(w.Get("naming-preposition")), private_role(w.Get("private-role")),
        suicide_word(w.Get("suicide-word")), bombing_word(w.Get("bombing-word")), border_noun(w.Get("border-noun")),
        carrier_verb(w.Get("carrier-verb")), support_verb(w.Get("support-verb")), armed_group_role(w.Get("armed-group-role")), kin_noun(w.Get("kin-noun")), reciprocal_object(w.Get("reciprocal-object")), reciprocal_determiner(w.Get("reciprocal-determiner")), force_role(w.Get("force-role")), court_word(w.Get("court-word")), court_source(w.Get("court-source")), court_role(w.Get("court-role")),
        own_court_role(w.Get("own-court-role")), direction_noun(w.Get("direction-noun")),
        own_country_target(w.Get("own-country-target")), domestic_target(w.Get("domestic-target")), domestic_source_role(w.Get("domestic-source-role")), office_role(w.Get("office-role")), pair_preposition(w.Get("pair-preposition")), future_time_word(w.Get("future-time-word")),
        future_time_modifier(w.Get("future-time-modifier")), time_unit(w.Get("time-unit")), collective_noun(w.Get("collective-noun")),
        preposition(w.Get("preposition")), group_anaphor(w.Get("group-anaphor")), person_anaphor(w.Get("person-anaphor")),
        definite_article(w.Get("definite-article")), adjective_participle(w.Get("adjective-participle")),
        perpetrator_noun(w.Get("perpetrator-noun")), time_preposition(w.Get("time-preposition")),
        reason_preposition(w.Get("reason-preposition")), cessation_verb(w.Get("cessation-verb")),
        country_anaphor(w.Get("country-anaphor")),
        origin_preposition(w.Get("origin-preposition")),
        charge_noun(w.Get("charge-noun")), charge_denial_verb(w.Get("charge-denial-verb")), charge_denied(w.Get("charge-denied")),
        reaction_noun(w.Get("reaction-noun")), name_particle(w.Get("name-particle")),
        prevention_verb(w.Get("prevention-verb")), protest_holding_verb(w.Get("protest-holding-verb")),
        modal_noun(w.Get("modal-noun")), epithet_noun(w.Get("epithet-noun")),
        place_preposition(w.Get("place-preposition")), subordinator(w.Get("subordinator")),
        involvement_noun(w.Get("involvement-noun")), inclusion_marker(w.Get("inclusion-marker")),
        foreign_modifier(w.Get("foreign-modifier")), facility_noun(w.Get("facility-noun")),
        complementizer(w.Get("complementizer")), organization_anaphor(w.Get("organization-anaphor")),
        force_posture(w.Get("force-posture")), year_preposition(w.Get("year-preposition")), command(w.Get("command")),
        response_verb(w.Get("response-verb")), response_preposition(w.Get("response-preposition")) {}
  // The language's word lists the rules read (data/dict/english.txt).
  const WordLists::Set &pronoun, &plural_pronoun, &relative, &negation, &speaker, &speaker_plural, &denial, &group_noun, &group_quantifier, &intent,
      &meeting_noun, &condition, &hypothetical, &object_acts, &averted, &phrase_preposition, &actor_phrase_preposition,
      &agent_preposition,
      &partner_preposition, &non_political_head, &non_political_modifier, &locative, &non_country_prefix, &future, &foreign_only, &joint, &state_role, &aerial_word,
      &joint_symmetric, &unreal_modifier, &noun_purpose_marker, &passive_agent, &former_office, &date_word, &message_noun, &captive_word, &future_verb, &people_quantity, &people_role, &place_noun, &characterize_verb,
      &leader_participle, &affiliation_word, &personal_pronoun, &answer_verb, &claim_verb, &responsibility_noun,
      &allegation_verb, &allegation_marker, &affiliation_preposition, &responsibility_preposition,
      &obligation_auxiliary, &naming_verb, &naming_preposition, &private_role, &suicide_word, &bombing_word, &border_noun,
      &carrier_verb, &support_verb, &armed_group_role, &kin_noun, &reciprocal_object, &reciprocal_determiner, &force_role, &court_word, &court_source, &court_role, &own_court_role, &direction_noun, &own_country_target, &domestic_target, &domestic_source_role, &office_role, &pair_preposition, &future_time_word, &future_time_modifier, &time_unit, &collective_noun, &preposition, &group_anaphor, &person_anaphor, &definite_article, &adjective_participle, &perpetrator_noun, &time_preposition, &reason_preposition,
      &cessation_verb, &country_anaphor, &origin_preposition, &charge_noun,
      &charge_denial_verb, &charge_denied, &reaction_noun, &name_particle,
      &prevention_verb, &protest_holding_verb, &modal_noun, &epithet_noun, &place_preposition, &subordinator, &involvement_noun, &inclusion_marker, &foreign_modifier, &facility_noun,
      &complementizer, &organization_anaphor, &force_posture, &year_preposition, &command, &response_verb,
      &response_preposition;
  bool Is(const WordLists::Set& list, const std::string& w) const { return list.count(w) > 0; }
  // data/dict/coding_rules.txt "reciprocal: A>B": code -> the code of the reverse event.
  std::unordered_map<std::string, std::string> reciprocal;
  // "people-seized: A>B" and "people-seized-by-state: A>C": a seizure of people.
  std::unordered_map<std::string, std::string> people_seized, people_seized_by_state;
  // "private-charge: A>B": a charge laid by an actor without a state role is an accusation.
  std::unordered_map<std::string, std::string> private_charge;
  // "crowd-protest: A>B": a protest A by people (people-role) is a demonstration B.
  std::unordered_map<std::string, std::string> crowd_protest;
  // "armed-group-seizure: A>B": an arrest A by an armed group (armed-group-role) is B.
  std::unordered_map<std::string, std::string> armed_group_seizure;
  // "armed-riot: A>B": a violent protest A by an actor with a force of arms (force-role) is force B.
  std::unordered_map<std::string, std::string> armed_riot;
  // "bombing: A>B": an attack A with bombs (bombing-word) by an actor without a state role is B.
  std::unordered_map<std::string, std::string> bombing;
  // "armed-group-bombing: A>B": an air strike A by an armed group without aircraft is a bombing B.
  std::unordered_map<std::string, std::string> armed_group_bombing;
  // "person-attack: A>B": force A by a person (no force-role) on a person is criticism B.
  std::unordered_map<std::string, std::string> person_attack;
  // "aerial: A>B": an attack A made from the air (aerial-word in the source or the act) is B.
  std::unordered_map<std::string, std::string> aerial;
  // "suicide: A>B": an attack A by a suicide attacker (suicide-word) is B.
  std::unordered_map<std::string, std::string> suicide;
  // "repression: A>B": force A by a state's armed forces or police (state-role and force-role) on
  // their own country's protesters (protester-word in the target) is violent repression B.
  std::unordered_map<std::string, std::string> repression;
  WordLists::Set protester_word;
  // Events made by rules of their own (word or code > code; coding_rules.txt): an answered
  // noun's act, a protest verb's code, a reaction verb's code, the parties' code under a
  // mediator's, and the meeting a meeting noun implies.
  std::unordered_map<std::string, std::string> answered_act, protest_act, reaction, mediation, implied_meeting;
  // "captive-killed: A>B": force A that kills a captive (captive-word in the target) is B.
  std::unordered_map<std::string, std::string> captive_killed;
  // "troop-movement: A B": codes of a visit that troops (troop-noun) making or receiving it do not
  // make ("Nigerian infantry flew out of Abuja, heading for Darfur" is a deployment, not a visit).
  WordLists::Set troop_movement, troop_noun;
  // "characterize: A>NEG>POS": a statement A that calls its target something negative is NEG,
  // something positive POS.
  std::unordered_map<std::string, std::pair<std::string, std::string>> characterize;

  NameTrie actors;
  NameTrie agents;
  // For each block and pattern, the literal one-word nouns it requires (with their plurals): a
  // pattern whose words are not in the sentence is not tried.
  std::vector<std::vector<std::vector<std::pair<std::string, std::string>>>> anchors;
  // Discard phrases by first word; a phrase ending in a noun also appears with its plural.
  struct Discard {
    std::vector<std::string> words;
    bool story = false;
  };
  std::unordered_map<std::string, std::vector<Discard>> discards;

  // Whether tokens (normalized) contain a discard phrase of the given kind.
  bool HasDiscard(const std::vector<std::string>& words, bool story) const {
    for (size_t i = 0; i < words.size(); ++i) {
      auto it = discards.find(words[i]);
      if (it == discards.end()) continue;
      for (const Discard& d : it->second) {
        if (d.story != story || d.words.size() > words.size() - i) continue;
        bool ok = true;
        for (size_t j = 1; j < d.words.size() && ok; ++j) ok = words[i + j] == d.words[j];
        if (ok) return true;
      }
    }
    return false;
  }
};

namespace {

void AddName(NameTrie* index, const std::string& text, int entry, ActorName::Case match_case,
             const std::string& cased, bool surname = false, bool demonym = false) {
  NameRef ref;
  ref.demonym = demonym;
  for (size_t i = 0, j; i < text.size(); i = j + 1) {
    j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (j > i) ref.units.push_back(text.substr(i, j - i));
  }
  if (ref.units.size() > 1 && ref.units[0] == "the") ref.units.erase(ref.units.begin());
  if (ref.units.empty()) return;
  ref.entry = entry;
  ref.match_case = match_case;
  ref.cased = cased;
  ref.surname = surname;
  index->Add(std::move(ref));
}

// Per-sentence analysis.
struct Analysis {
  const Sentence* s = nullptr;
  int n = 0;
  std::vector<int> head;                 // 0-based, -1 for the root
  std::vector<std::vector<int>> kids;
  std::vector<std::string> low, lem, rel;
  std::vector<int> actor_at, agent_at;   // mention index per token, -1 none
  struct Mention {
    int begin, end, entry;
    bool demonym = false;  // matched by a country's adjective or people's name ("Iraqis")
  };
  std::vector<Mention> actor_mentions, agent_mentions;

  // Hangs token t from head with the relation (a parse repair).
  void Attach(int t, int to, const char* relation) {
    head[t] = to;
    rel[t] = relation;
  }
  bool HasChildRel(int t, std::initializer_list<std::string_view> rels) const {
    for (int k : kids[t])
      for (std::string_view r : rels)
        if (rel[k] == r) return true;
    return false;
  }
  int ChildWithRel(int t, std::initializer_list<std::string_view> rels) const {
    for (int k : kids[t])
      for (std::string_view r : rels)
        if (rel[k] == r) return k;
    return -1;
  }
  bool InSubtree(int t, int root) const {
    for (int guard = 0; t >= 0 && guard < n; ++guard) {
      if (t == root) return true;
      t = head[t];
    }
    return false;
  }
  // The case/mark word before t found by heads alone (for parse repairs, which run before the
  // kids are linked), "" when none.
  // The first dependent of t with one of rels, found by heads alone (for parse repairs); -1 when none.
  int ChildByHeads(int t, std::initializer_list<std::string_view> rels) const {
    for (int k = 0; k < n; ++k)
      if (head[k] == t)
        for (std::string_view r : rels)
          if (rel[k] == r) return k;
    return -1;
  }
  std::string MarkerByHeads(int t) const {
    for (int k = 0; k < t; ++k)
      if (head[k] == t && (rel[k] == "case" || rel[k] == "mark")) return low[k];
    return "";
  }
  // The case/mark word of a nominal, "" when none.
  std::string CaseOf(int t) const {
    for (int k : kids[t])
      if (rel[k] == "case" || rel[k] == "mark") return low[k];
    return "";
  }
};

struct ActorCode {
  std::string code;
  std::string base;   // the actor's own code without agents ("---" when only agents)
  int first = 0, last = 0;  // tokens
  bool inferred = false;    // an agent whose country the context gave, not its own words
};

// The CAMEO code of the intention to do what code says: cooperation maps into 03 (express intent
// to cooperate), conflict into 13 (threaten); statements, demands and the like stay as they are
// (empty result).
// The first three letters of a code, lowercased, for the non-country-prefix list.
std::string Lower3(const std::string& code) {
  std::string s = code.substr(0, 3);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Whether an actor code has one of the roles (lowercased codes) after its base ("IRQCOP": cop).
bool HasRoleIn(const std::string& code, const WordLists::Set& roles) {
  for (size_t i = 3; i + 3 <= code.size(); i += 3)
    if (roles.count(Lower3(code.substr(i, 3))) > 0) return true;
  return false;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Force: military posture, assault, fight, mass violence (roots 15, 18, 19, 20).
bool IsForce(const std::string& code) {
  std::string_view root = std::string_view(code).substr(0, 2);
  return root == "15" || root == "18" || root == "19" || root == "20";
}

std::string IntentCode(const std::string& code) {
  if (code.size() < 2) return "";
  std::string root = code.substr(0, 2);
  if (root == "04") return "036";  // meet, negotiate
  if (root == "05") return "032";  // diplomatic cooperation
  if (root == "06") return "031";  // material cooperation
  if (root == "07") return "033";  // aid
  if (root == "08") return "035";  // yield
  if (root == "14") return "133";  // political dissent
  if (root == "16") return "131";  // reduce relations: threaten non-force
  if (root == "17") return "137";  // repression
  if (IsForce(code)) return "138";  // military force
  return "";
}

std::string Compose(const std::vector<std::string>& prefixes, const std::string& actor,
                    const std::vector<std::string>& suffixes) {
  std::string code = actor;
  auto contains = [&](const std::string& c, const std::string& a) {
    for (size_t i = 0; i + a.size() <= c.size(); i += 3)
      if (c.compare(i, a.size(), a) == 0) return true;
    return false;
  };
  std::string pre;
  for (const std::string& p : prefixes)
    if (!contains(code, p) && !contains(pre, p)) pre += p;
  code = pre + code;
  for (const std::string& s : suffixes)
    if (!contains(code, s)) code += s;
  return code;
}

}  // namespace

EventCoder::EventCoder(std::shared_ptr<const Lexicon> dicts, EventCoderOptions options)
    : dicts_(std::move(dicts)), options_(options), index_(std::make_unique<Index>(dicts_->words.empty() ? BuiltInWordLists() : dicts_->words)) {
  const ActorDictionary& ad = dicts_->actors;
  for (size_t i = 0; i < ad.actors().size(); ++i) {
    for (const ActorName& n : ad.actors()[i].names)
      AddName(&index_->actors, n.text, static_cast<int>(i), n.match_case, n.cased, n.surname,
              ad.actors()[i].kind == ActorKind::kCountry && n.role == NameRole::kAdjective);
  }
  for (size_t i = 0; i < dicts_->extra_actors.size(); ++i) {
    for (const ActorName& n : dicts_->extra_actors[i].names)
      AddName(&index_->actors, n.text, static_cast<int>(ad.actors().size() + i), n.match_case, n.cased);
  }
  for (size_t i = 0; i < ad.agents().size(); ++i) {
    for (const std::string& n : ad.agents()[i].names)
      AddName(&index_->agents, n, static_cast<int>(i), ActorName::Case::kAnyCase, "");
  }
  for (const VerbBlock& b : dicts_->verbs.blocks()) {
    auto& block_anchors = index_->anchors.emplace_back();
    for (const VerbPattern& p : b.patterns) {
      auto& words = block_anchors.emplace_back();
      auto add = [&](const std::vector<PatternNoun>& nouns) {
        for (const PatternNoun& n : nouns)
          if (n.role == SlotRole::kWord && n.head.synset < 0 && n.head.text.find(' ') == std::string::npos)
            words.emplace_back(n.head.text, PluralOf(n.head.text));
      };
      add(p.pre_nouns);
      add(p.post_nouns);
      for (const PatternPrep& pp : p.pre_preps) add(pp.objects);
      for (const PatternPrep& pp : p.post_preps) add(pp.objects);
    }
  }
  const WordLists& words = dicts_->words.empty() ? BuiltInWordLists() : dicts_->words;
  auto read_map = [&](const char* list, std::unordered_map<std::string, std::string>* to) {
    for (const std::string& rule : words.Get(list)) {
      size_t gt = rule.find('>');
      if (gt != std::string::npos) (*to)[rule.substr(0, gt)] = rule.substr(gt + 1);
    }
  };
  read_map("reciprocal", &index_->reciprocal);
  read_map("people-seized", &index_->people_seized);
  read_map("people-seized-by-state", &index_->people_seized_by_state);
  read_map("private-charge", &index_->private_charge);
  read_map("crowd-protest", &index_->crowd_protest);
  read_map("armed-group-seizure", &index_->armed_group_seizure);
  read_map("armed-group-bombing", &index_->armed_group_bombing);
  read_map("bombing", &index_->bombing);
  read_map("armed-riot", &index_->armed_riot);
  read_map("person-attack", &index_->person_attack);
  read_map("aerial", &index_->aerial);
  read_map("suicide", &index_->suicide);
  read_map("captive-killed", &index_->captive_killed);
  read_map("repression", &index_->repression);
  read_map("answered-act", &index_->answered_act);
  read_map("protest-act", &index_->protest_act);
  read_map("reaction", &index_->reaction);
  read_map("mediation", &index_->mediation);
  read_map("implied-meeting", &index_->implied_meeting);
  index_->protester_word = words.Get("protester-word");
  index_->troop_movement = words.Get("troop-movement");
  index_->troop_noun = words.Get("troop-noun");
  for (const std::string& rule : words.Get("characterize")) {
    size_t a = rule.find('>'), b = a == std::string::npos ? a : rule.find('>', a + 1);
    if (b != std::string::npos) index_->characterize[rule.substr(0, a)] = {rule.substr(a + 1, b - a - 1), rule.substr(b + 1)};
  }
  for (const DiscardList::Phrase& p : dicts_->discards.phrases) {
    if (p.words.empty()) continue;
    index_->discards[p.words[0]].push_back({p.words, p.story});
    std::vector<std::string> plural = p.words;
    plural.back() = PluralOf(plural.back());
    index_->discards[plural[0]].push_back({plural, p.story});
  }
}

EventCoder::~EventCoder() = default;

namespace {

// The state the coder keeps across the sentences of one article.
struct ArticleContext {
  std::vector<ActorCode> last_sources;  // actors of the most recent subject
  std::vector<std::string> last_actors; // distinct actor codes of the last sentence with actors
  // Names not in the dictionary seen in a coded phrase ("Kazakh President Kazak Tokayev" ->
  // "tokayev" = KAZGOV), so that a later bare "Tokayev" gets the same code.
  std::unordered_map<std::string, std::string> names;
  // The words of every full person name the dictionary found anywhere in the article ("Hu
  // Jintao" -> "hu" = CHNGOV), so that "President Hu" in a headline above the body's full name
  // is the same person; "" where two people share the word.
  std::unordered_map<std::string, std::string> person_words;
  // Where the article's events happen, for agents whose country the text does not name
  // ("gunmen", "police"): countries named in place phrases, by sentence and in the title, and
  // every country the article names.
  std::vector<std::vector<std::string>> places;  // by sentence
  std::vector<std::string> title_places, countries;
  // The countries named other than as the nationality of private people ("a South Korean
  // hostage"): the ones an armed group without a country may take.
  std::vector<std::string> armed_group_countries;
  std::string dateline_country;  // the country of the wire dateline's place ("BAGHDAD, Iraq -")
  // The country each role was named with ("Sudanese rebels" -> REB: SDN) and the last sentence
  // naming it, so that a later "rebel groups" is the same side; "" once two countries were named
  // for one role.
  std::unordered_map<std::string, std::pair<std::string, int>> role_country;  // with the sentence
  // The country the context gave each hostile role (gunmen, kidnappers) in the body, with the
  // sentence: "the kidnappers" a sentence later are that side, whatever the new sentence names.
  std::unordered_map<std::string, std::pair<std::string, int>> hostile_role_context;
  // The last noun of each agent's name of two words or more ("terror suspects" -> "suspects"):
  // the agent entry, -1 once two agents ended in it.
  std::unordered_map<std::string, int> agent_heads;
  // The code of the last named group of the article's earlier sentences (an armed group, a party:
  // the actor "the group" refers back to).
  std::string last_group;
  // Likewise the last named international organisation ("the alliance" after NATO).
  std::string last_organization;
  // The country the article's earlier sentences named last (not as a place): the country "the
  // country" refers back to.
  std::string last_country;
  // Roles a headline gave a country only from the dateline or places ("Militants free two
  // Turkish truck drivers" under ANKARA), with that country.
  std::map<std::string, std::string> title_guessed_roles;
};

class SentenceCoder {
 public:
  SentenceCoder(const Lexicon& d, const EventCoder::Index& index, const Article& article,
                int sentence_index, int date, const EventCoderOptions& options, ArticleContext* context)
      : d_(d), index_(index), article_(article), sentence_index_(sentence_index), date_(date),
        options_(options), context_(context) {}

  void Run(std::vector<Event>* out);
  // Fills context->places[sentence], title_places and countries from this sentence's mentions.
  void CollectPlaces();
  // Resolves every agent phrase of the sentence, so that the article learns whose agents it
  // names ("a missing Italian journalist") for a headline coded again.
  void NoteAgentCountries();

 private:
  struct VerbResult {
    int verb = -1;
    int block = -1;
    std::vector<ActorCode> sources;
    std::vector<Event> events;
    bool transformed_away = false;
    bool transformed = false;         // events rewritten by a transformation
    bool transformed_keeps_code = false;  // ... that kept the clause's own code ("= a b Q")
    bool target_from_clause = false;  // the target came from a reported clause
    bool addressed_to_answerer = false;  // an appeal whose target is the actor answering it
    bool claimed = false;                // an act whose source claimed responsibility for it
    bool court_implied = false;          // the source is a court the sentence does not name
    bool by_rule = false;                // made by a coding rule of its own, not by a pattern
  };

  void Analyze();
  // A clause parsed as one noun phrase ("U.S. forces battled insurgents" with "battled" an
  // adjective of "insurgents"; "X and Y troops fought" with "fought" a relative clause): the
  // finite verb becomes the root, the phrase before it its subject and what follows its object.
  void RepairVerblessClause();
  // A past tense read as a reduced relative of the subject ("Thousands of Israelis accused
  // Sharon of treason as parliament looked ..." with "accused" a participle of "Thousands" and
  // "Sharon" its agent without "by"): a participle followed by a bare noun phrase is active, so
  // it becomes the verb of the subject, and the verb the subject was given becomes its adverbial.
  void RepairParticipleReadAsRelative();
  // "Russia on Thursday proposed ...": wire prose puts the day between subject and verb, and the
  // parser may take the day for the subject and leave the actor a root of its own.
  void RepairDateReadAsSubject();
  // "Bush, Lawmakers Discuss Social Security": a headline lists its subjects with commas; the
  // parser takes the first for a vocative, a loose word or a bare adverbial noun ("Militia,
  // Shiite Leaders Bicker Over Shrine").
  void RepairHeadlineCommaList();
  // "Hamas Militants Fire Rockets": a name right before a noun that is no predicate (it has no
  // copula) is no subject of that noun but its modifier.
  void RepairSubjectOfNoun();
  // "Chirac hosted Putin and Schroeder for a summit" parsed with "Putin" the subject of "summit":
  // a phrase before the preposition of an oblique is no subject of it but the object of the verb
  // the oblique belongs to, when that verb has none.
  void RepairSubjectOfOblique();
  // "was shot dead by Israeli troops" parsed with the agent under "dead": a passive's agent hung
  // from its adjective complement is the passive's.
  void RepairAgentOfComplement();
  // "Insurgents detonated a roadside bomb ..., killing two American soldiers, the military said"
  // parsed with "killing" under "said": a participle before a reporting clause that follows the
  // main clause belongs to the main clause.
  void RepairParticipleUnderReport();
  // "Followers of radical Shiite cleric Muqtada al-Sadr said" parsed with the name a second
  // subject of "said": a name right after a noun of the first subject's phrase is that noun's.
  void RepairNameReadAsSecondSubject();
  // "will begin handing weapons over to Iraqi police" parsed with "handing" an adjective of
  // "weapons": a gerund right after a support verb (support-verb: begin, start, continue ...),
  // before that verb's object, is the verb's complement and the object its own.
  void RepairGerundReadAsAdjective();
  // "A security officer stands by as a campaigner protests" parsed with "by" and "as" both
  // prepositions of "campaigner": a preposition right before "as" is the verb's adverb, and the
  // phrase no "by" phrase of it.
  void RepairPrepositionBeforeAs();
  // "U.S. and Iraqi troops", "Afghan and U.S. forces" parsed with the first country the head of
  // the phrase (or of the clause) and the noun a conjunct: two countries joined by "and" right
  // before an agent noun both modify that noun. Reads the mentions; returns whether it changed
  // the parse.
  bool RepairModifierListReadAsConjuncts();
  // Whether token t is inside a phrase below v that one of the prepositions opens; a partner's
  // own phrase ("with Bush", however the parse hangs it) is not.
  // The preposition of the nearest phrase of reason (reason-preposition) above phrase o, below
  // v; "" when none.
  std::string ReasonPhraseAbove(int o, int v) const {
    for (int t = a_.head[o], guard = 0; t >= 0 && t != v && guard < a_.n; t = a_.head[t], ++guard)
      for (int k : a_.kids[t])
        if (a_.rel[k] == "case" && index_.Is(index_.reason_preposition, a_.low[k])) return a_.low[k];
    return "";
  }
  bool InPhraseOf(int t, int v, const WordLists::Set& prepositions) const {
    for (int guard = 0; t >= 0 && t != v && guard < a_.n; t = a_.head[t], ++guard) {
      const std::string c = a_.CaseOf(t);
      if (index_.Is(index_.partner_preposition, c)) return false;
      if (index_.Is(prepositions, c)) return true;
    }
    return false;
  }
  // "to rein in Arab militias accused of atrocities" parsed with "accused" a finite verb conjoined
  // to the clause without "and": a past form right after a noun, with no subject and no
  // conjunction, is a participle modifying that noun.
  void RepairConjunctReadForParticiple();
  // "asked neighboring Syria to stop insurgents": a participle used as an adjective
  // (adjective-participle) read as a verb with the noun after it as its object.
  void RepairParticipleAdjective();
  // The code of the last named group (or, organization, the last named international
  // organisation) before token h of this sentence, else of the article's earlier sentences (h = n:
  // this sentence only).
  std::string LastGroupBefore(int h, bool organization = false) const;
  std::string LastCountryBefore(int h);
  // The country named last before token `before`, other than except (places left out).
  std::string CountryNamedLast(int before, const std::string& except) const;
  // The passive agent ("by" phrase) of verb v, -1 when none.
  int AgentPhrase(int v) const;
  // Who answers the noun an answer-verb (answer-verb) takes as its object (its active subject)
  // or passive subject (its agent); -1 when none.
  int Answerer(int noun);
  // The actors token h stands for, those of known country only (not "---").
  std::vector<ActorCode> KnownActors(int h, bool allow_pronoun = true, int depth = 0) {
    std::vector<ActorCode> actors = Resolve(h, allow_pronoun, depth);
    std::erase_if(actors, [](const ActorCode& x) { return x.base == "---"; });
    return actors;
  }
  // An event of this sentence from source to target, its verb the token verb.
  Event NewEvent(const ActorCode& source, const ActorCode& target, const std::string& code, int verb,
                 const std::string& rule) const;
  // The code an answered noun names (answered-act: "demand>100"), "" when none.
  std::string AnsweredActCode(int noun) const;
  // Appeals, demands, offers and charges that another actor answers, coded as their own actor's act
  // toward the answerer where no pattern coded them.
  void CodeAnsweredActs(std::vector<VerbResult>* results, std::vector<int>* result_of);
  // A protest without a named target is against the target of what its protesters demand or
  // charge in the same clause.
  void CodeProtestsByTheirDemands(std::vector<VerbResult>* results);
  // "X accused Y of ..., a charge Y denied": Y's denial toward X.
  void CodeDeniedCharges(std::vector<VerbResult>* results);
  // "X did Y, a move welcomed by Z": Z's reaction toward X.
  void CodeReactionsToTheAct(std::vector<VerbResult>* results);
  // The parties a mediator brings together negotiate with each other.
  void CodeMediatedParties(std::vector<VerbResult>* results);
  // Two actors one of whom acts on the other "during talks" met.
  void CodeMeetingsTheActHappenedAt(std::vector<VerbResult>* results);
  // A threat or warning whose target the pattern took from its clause's subject, the speaker's own
  // country, is aimed at whom that clause acts on.
  void AimWarningsPastTheirOwnSide(std::vector<VerbResult>* results);
  // "The attack on Israel killed hundreds" parsed with two subjects, "on" a subordinator: the
  // second, after a preposition, is a phrase of the first.
  void RepairPrepositionalSubject();
  // "returned to help end the fighting and is calling on his followers", ", accusing the
  // company of": a finite verb or a comma's participle hung as a conjunct of a participle below
  // the clause belongs to the clause.
  void RepairFiniteConjunctOfNonFinite();
  // The parse's one root, -1 when it has none or several.
  int SingleRoot() const;
  // "Iran and the EU will resume talks" parsed with "Iran" as the root and the verb its
  // conjunct: the names are the verb's subject list.
  void RepairSubjectListReadAsRoot();
  // "Four US soldiers charged with abusing Iraqi prisoners are set to face hearings" parsed with
  // "charged" as the root: the participle is the subject's, the later clause the sentence's.
  void RepairChargedReadAsRoot();
  // "shot dead by Afghan and US-led troops" parsed with "Afghan" as the phrase's head and
  // "troops" a conjunct of the verb: adjectives listed before a noun modify that noun.
  void RepairListedAdjectiveReadAsHead();
  // "talks between the government of Sudan and rebels" parsed with "rebels" a conjunct of
  // "Sudan": "between" (pair-preposition) takes two parties, so the conjunct inside the first
  // party's own phrase is the second party.
  void RepairPairListInPhrase();
  // "Hu Jintao and Taiwan's opposition leader Lien Chan met": a possessive after a list read as
  // the whole list's ("[Hu and Taiwan]'s opposition"), where it is the last item's, and the
  // possessed phrase, which names a person, is the list's second item.
  void RepairPossessorReadAsList();
  // "lodged a protest after Chinese coast guard vessels fired water cannon at a boat" parsed as
  // one noun phrase under "after", with "fired" an adjective: a past form right after a noun
  // inside a phrase that a subordinating preposition (time-preposition) opens is that clause's
  // verb, the words before it its subject and the phrase's head its object.
  void RepairClauseReadAsPhrase();
  // "vowed revenge on Israel after an Israeli air strike killed one of its commanders" parsed with
  // "strike" an oblique of "vowed" and "killed" its conjunct: a finite verb joined as a conjunct
  // with neither "and" nor a comma, right after a phrase that a subordinating preposition
  // (time-preposition) opens, is that clause's verb and the phrase its subject.
  void RepairClauseReadAsConjunct();
  // "Hamas militants fired rockets at the Israeli town of Sderot ..., the army said" parsed with
  // the noun "militants" heading the reported clause, "rockets" its object and "fired" an
  // adjective of it: a past form right after a noun that heads a clause and has an object is
  // that clause's verb, the noun its subject.
  void RepairNounReadAsClauseHead();
  // "urged Israel and the Palestinians to end the violence" parsed with "Palestinians" a conjunct
  // of the verb: a bare noun phrase joined by "and" to a verb right after that verb's object is the
  // object's conjunct.
  void RepairObjectListReadAsClause();
  void RepairPlaceReadAsClauseSubject();
  void RepairGerundRootAfterReducedRelative();
  void RepairParentheticalParticipleReadAsVerb();
  void RepairTimedParticipleOnNoun();
  // "Russia's Gazprom threatened ..." with "Russia" hung as the possessor of the verb: a verb owns
  // no possessor, so it belongs to the subject phrase that follows the "'s".
  void RepairPossessorOfVerb();
  // "imposed an arms embargo and visa bans on Uzbek officials" with "bans" a present-tense verb
  // and "visa" its subject: a bare noun and a present plural-looking verb conjoined to a past-tense
  // verb that has an object are a second item of that object; their obliques are the verb's.
  void RepairObjectItemReadAsVerb();
  // "Ivory Coast President Laurent Gbagbo and rebel leader Guillaume Soro signed", parsed with
  // "Gbagbo" a compound of "leader" and the "and" between them: no modifier stands before its
  // head's own "and", so the name is the list's first item and the phrase after "and" the second.
  void RepairListItemReadAsModifier();
  // "Chavez called U.S. President George W. Bush a liar and accused Washington of plotting", parsed
  // with Bush the subject of "accused": a conjoined verb's subject comes after its "and", so a
  // subject between the first verb and the "and" is the first verb's object, and the second verb
  // shares the first one's subject.
  void RepairObjectReadAsConjunctsSubject();
  // "Sudan ordered a U.N. official to leave the country, accusing him of spreading false reports",
  // parsed with "accusing" an adverbial of "leave": a participle after a comma hung from the
  // infinitive that completes the verb's object (or the verb) is the verb's adverbial.
  void RepairCommaParticipleOnComplement();
  // "Iran would free the 15 British sailors" with "free" tagged an adjective: a word the verb
  // lexicon knows as a verb, right after a modal auxiliary, is that verb (also where the parse
  // made the object the clause's head: "Iran will free British sailors").
  void RepairAdjectiveAfterModal();
  // "Insurgents detonated a roadside bomb next to a U.S. convoy, killing two American soldiers"
  // with "killing" labelled a possessor or a bare dependent of the verb: a participle after a
  // comma that hangs from a verb under a nominal or loose label is the verb's adverbial.
  void RepairMislabelledCommaParticiple();
  // A participle after a comma at the end of a condition is the adverbial of the conditioned verb.
  void RepairParticipleInCondition();
  // "Chen called on Beijing to dismantle its missiles" parsed with "on" a marker of "dismantle"
  // and Beijing its subject: an infinitive has no subject brought in by a preposition, so the
  // phrase is the governing verb's ("call on Beijing") and the infinitive its complement.
  void RepairPrepositionalSubjectOfInfinitive();
  // "Tens of thousands of protesters rallied in central Bangkok in a bid to force Thaksin from
  // office, accusing him of corruption", parsed with "Tens" the root and "rallied" a reduced
  // relative: prose with no subject anywhere has its past form as the verb, the noun as subject.
  void RepairNounRootOverPastForm();
  // A clause that a complementizer opens, read as a parenthetical beside the verb it completes
  // ("demanded on Thursday that the United States stop", with a time phrase between): the verb's
  // complement.
  void RepairMarkedClauseReadAsParataxis();
  // "Chavez accused the United States of financing X, and threatened to cut off oil", parsed with
  // "threatened" a complement whose subject is the accused: a clause verb after ", and" is a
  // conjunct of the verb before, and the noun between that verb's object.
  void RepairConjunctReadAsComplement();
  // "Two Chinese engineers working in Waziristan were kidnapped by militants", parsed with the
  // noun the root and the verb hung from it: a verb with its own finite auxiliary after the
  // root noun, or a finite verb right after the noun's phrase ("China on Wednesday strongly
  // condemned"), is the sentence's verb and the noun its subject.
  void RepairVerbHungFromRootNoun();
  // "blocked highways on Monday to demand that ...", parsed with the infinitive on the date: an
  // infinitive hung from a date, or labelled a noun's clause on a verb, is the verb's purpose.
  void RepairInfinitiveOnDate();
  // "French troops destroyed the air force, hours after an air strike by Ivorian jets killed nine
  // French peacekeepers", parsed with "after an air strike" a phrase of the first verb and
  // "killed" a subjectless parenthetical: the phrase's noun is the subject of the verb right
  // after it, and "after" opens that clause.
  void RepairSubjectOfClauseReadAsPhrase();
  // "between Prime Minister Viktor Yanukovich and ...", parsed with "between" on "Viktor", a word
  // compounded into the name, and the name a conjunct of the verb: a preposition belongs to its
  // phrase's head, and that phrase is the verb's oblique.
  void RepairPrepositionOnCompound();
  // "appealed to the United States, the European Union and Japan", parsed with "the European
  // Union" a second oblique of the verb without a preposition: a phrase after a comma that ends
  // a list with "and" is a member of the list the phrase before it began.
  void RepairListSplitFromItsPhrase();
  // "condemned a visit by Taiwan's vice president, Annette Lu, and urged the United States",
  // parsed with the name the subject of "urged": a name between commas right after a noun, before
  // ", and" and the verb, is that noun's apposition, and the verb shares its conjunct's subject.
  void RepairAppositionReadAsSubject();
  // "An audio tape released by bin Laden's deputy calls for attacks on U.S. interests" tagged
  // with "calls" a plural noun: in a sentence without a finite verb, a plural after a noun that
  // the verb lexicon knows as a verb taking the preposition that follows ("call for"), is the verb.
  void RepairPluralReadAsVerb();
  // "Police arrested terror suspects" tagged with "suspects" a verb whose subject is "terror"
  // and "arrested" an adjective of it: a plural verb right after a noun that a past form before
  // it modifies is that noun's head, the plural noun the object (RepairVerblessClause goes on).
  void RepairPluralObjectReadAsVerb();
  // A headline without a verb ("British police arrest radical cleric Abu Hamza", "Pakistan Tests
  // Missile" with the verb tagged a noun): the first word after an actor's phrase that the verb
  // lexicon knows as a verb, followed by a phrase, is read as the verb, the words before it as its
  // subject and the phrases after it as its object and obliques. Returns whether it did.
  bool RepairHeadlineVerb();
  // Words the parse hung from a punctuation mark (the fast parser attaches what it left on its
  // stack to the closing full stop: "accused Prime Minister Ariel Sharon of treason ." with
  // "Ariel" a dependent of "."): a noun phrase right after a verb without an object becomes its
  // object, one after a preposition that preposition's phrase, anything else a dependent of the
  // mark's own head.
  void RepairArcsToPunctuation();
  // The regular stem of an inflected verb form that the verb lexicon knows ("declined" ->
  // "decline"), "" when none.
  std::string KnownVerbStem(const std::string& form) const;
  // The first of the words the verb lexicon knows as a verb (a form that is not only a nominal
  // event's) that accept(block, form) takes; "" when none.
  template <typename Accept>
  std::string VerbFormOf(std::initializer_list<std::string> words, Accept accept) const {
    for (const std::string& w : words) {
      if (w.empty()) continue;
      for (const VerbDictionary::FormRef& ref : d_.verbs.Find(w)) {
        const VerbBlock& block = d_.verbs.blocks()[ref.block];
        if (!block.forms[ref.form].nominal && accept(block, block.forms[ref.form])) return w;
      }
    }
    return "";
  }
  std::string VerbFormOf(std::initializer_list<std::string> words) const {
    return VerbFormOf(words, [](const VerbBlock&, const VerbForm&) { return true; });
  }
  void FindMentions(const NameTrie& index, bool agents);
  // "a company of Nigerian infantry": a collective-noun agent before "of" and another agent is
  // that agent's body, no agent of its own.
  void DropCollectiveAgents();
  // "Terror Suspects Arrested ... police arrest three suspects": a noun that ended an agent's
  // name earlier in the item is that agent again; notes this sentence's such nouns for later ones.
  void ShortenedAgentMentions();
  bool Discarded() const;
  std::vector<ActorCode> Resolve(int h, bool allow_pronoun = true, int depth = 0);
  std::vector<ActorCode> ResolveUncached(int h, bool allow_pronoun, int depth);
  // "20 people suspected of being members of Eta": the phrase that says who they are, or -1.
  int AllegedIdentity(int h) const;
  std::vector<ActorCode> ResolveOne(int h, int depth);
  std::vector<ActorCode> ResolvePronoun(int h);
  std::vector<ActorCode> ResolveSpeaker(int h);
  // 0 when the word does not match token t, else the number of words matched (a phrase counts
  // each of its words, so a longer synonym beats a shorter one).
  int TokenMatches(const PatternWord& w, int t) const;
  int NounMatchesAt(const PatternNoun& noun, int t, const std::vector<char>& region) const;
  int PhraseHead(int t) const;
  // A verb by its tag; or a noun or adjective that anchors a nominal pattern of the lexicon.
  bool IsVerbal(int t) const;
  // Whether t has a passive agent ("by police") among its dependents, found by heads alone (for
  // parse repairs, before the kids are linked).
  bool HasAgentByHeads(int t) const;
  bool HasNominalForm(int t);
  int Claimant(int v) const;
  // Whether token t is inside a complement clause of verb v (xcomp, ccomp, an infinitive).
  bool InComplement(int t, int v) const;
  bool NamesItsAgent(int t);
  // Whether the patterns of a nominal event put its target in the noun's phrase with this
  // preposition ("murder of + by $": "of").
  bool PhraseNamesTarget(int noun, const std::string& preposition) const;
  // The head of a phrase of place inside the phrase at h that names a country ("stations [around
  // Madrid]"), in text order; -1 when none.
  int PlaceInside(int h) const;
  // An event noun whose own phrase names who acted: a possessor, a nationality adjective, an agent
  // noun ("Iran's attack", "an Israeli raid", "insurgent attacks"), not a place in a compound or
  // locative phrase ("Baghdad bombings", "his Gaza disengagement", "clashes in Iraq").
  bool EventNamesItsActor(int noun) const;
  // An act that does not happen: in a condition or question ("if X attacks", "whether X will"),
  // or warned against or prevented ("warned X against attacking", "barred X from entering").
  bool Unreal(int v) const;
  // An act the sentence dates to a year before the one before the article's ("fought a border war
  // in 1995", "Sierra Leone's 1991-2002 war killed 50,000 people"): background, no event.
  bool DatedBackground(int v) const;
  // The country of an agent that names none: the one country of this sentence's place phrases,
  // else of the title's, else the one country the article names; "" when that is not clear.
  // armed_group: the agent is an armed group or criminals, whose country is where they act (the
  // one country the article's place phrases name, before the one country it names at all).
  std::string ContextCountry(bool armed_group = false) const;
  // Notes that this sentence names role (agent codes) with country; "" once two countries were.
  void NoteRoleCountry(const std::string& roles, const std::string& country);
  // The one country whose institutions the sentence names ("Somalia's parliament", "a Ukrainian
  // court") when it names no other country; "" otherwise.
  std::string InstitutionsCountry() const;
  // Whether verb v or a phrase of its clause is a word of a court's proceedings (court-word).
  bool NamesCourt(int v) const;
  // The country of the city the proper name ending at token t names ("Falluja"): a city the
  // gazetteer knows with 50,000 people or more, a capital or a province's seat; "" otherwise.
  std::string CityCountry(int t) const;
  // The first token of the proper name (no actor's) that ends at token t ("Gaza City", "Khan Younis").
  int CityNameStart(int t) const;
  // The preposition that introduces phrase h as a place: its own ("in Iraq"), or for the "of"
  // phrase of a noun of place its noun's ("in the streets of Ramadi"); a noun of direction needs
  // none ("50 miles south of Baghdad": "in").
  std::string PlaceCase(int h) const;
  // Whether token t lies in the phrase that names the victims of an event noun below verb v ("the
  // kidnapping of aid workers", PhraseNamesTarget) or the place of such an event ("in Iraq").
  bool InVictimPhrase(int t, int v) const;
  // A city as the target of force ("US forces bombed Falluja"): its country.
  std::vector<ActorCode> CityTarget(int h) const;
  // The country code an actor mention stands for, "" for an international or unknown actor.
  std::string CountryOf(const Analysis::Mention& m) const;
  int Subject(int v, bool* passive, int depth = 0);
  bool Infinitival(int t) const;
  // PETRARCH's new actor: the phrase at h as quoted upper-case text, when it has at most
  // options_.new_actor_length words; empty otherwise.
  std::vector<ActorCode> NewActor(int h) const;
  // The predicate of intent ("ready", "hope", "vow") that governs verb v through xcomp, an
  // infinitive or conjoined verbs; -1 when none.
  int IntentGovernor(int v) const;
  // The first phrase after v that names an actor (objects first, then obliques and the phrases
  // inside them, in text order), skipping the subject and phrases that only repeat the source.
  // with_clauses also searches complement clauses, their subjects first.
  // places_partners false: an actor reached through a locative phrase is where the event was, not
  // its partner ("met in Berlin").
  template <typename Accept>
  std::vector<ActorCode> FindTarget(int v, int subj, bool with_clauses, Accept accept, bool places_partners = true);
  bool CodeVerb(int v, VerbResult* result);
  Span SpanOf(int first, int last) const;
  bool Negated(int v) const;
  // Whether event e of verb v is named by one of the words: a word of its source ("Israeli
  // helicopters", "a suicide bomber") or of the act ("air strikes", "a suicide attack").
  bool ActNamedBy(int v, const Event& e, const WordLists::Set& words) const;
  // Whether a word of the span is on the list.
  bool SpanHasWord(const Span& span, const WordLists::Set& words) const;
  // Whether advcl k is a finite clause of its own, with a subordinator and a subject ("while four
  // drivers were seized"): another event's, no part of its governor's phrases.
  // A condition ("unless Japan pulled its troops out") still names whom a threat is made to.
  bool OwnAdverbialClause(int k) const {
    if (!a_.HasChildRel(k, {"nsubj", "nsubj:pass", "nsubjpass"})) return false;
    for (int m : a_.kids[k])
      if (a_.rel[m] == "mark") return !index_.Is(index_.condition, a_.low[m]);
    return false;
  }
  // Whether the text span names a person of the dictionaries.
  bool SpanNamesPerson(const Span& span) const;
  // Whether event e's target names a captive (captive-word: hostage, captive).
  bool TargetIsCaptive(const Event& e) const;
  // The summed AFINN valence of the words verb v says its target is (the head of its phrase after
  // the target, with the head's modifiers): "called Bush a liar" -3. 0 without the tone lexicon.
  int PredicateValence(int v, const Event& e) const;
  // The same for a statement's reported copular clause whose subject holds the target.
  int ReportedPredicateValence(int v, const Event& e) const;

  // An actor entry by index: ActorDictionary entries first, then the PETRARCH extras.
  const ActorEntry& Actor(int entry) const {
    size_t n = d_.actors.actors().size();
    return static_cast<size_t>(entry) < n ? d_.actors.actors()[entry] : d_.extra_actors[entry - n];
  }
  // The entry's code at the article date. With "former-office: ELI" (coding_rules.txt) a person
  // whose offices of one country all ended before the date is that country's elite: "former
  // dictator Pinochet" in 2004 is CHLELI, not CHL.
  std::string CodeOf(int entry) const {
    const ActorEntry& e = Actor(entry);
    std::string code = e.CodeAt(date_);
    if (e.kind != ActorKind::kPerson || code.size() != 3 || date_ == 0 || index_.former_office.empty()) return code;
    for (const DatedCode& c : e.codes) {
      if (c.range.open() || c.range.end >= date_ || c.code.size() <= 3 || c.code.compare(0, 3, code) != 0) continue;
      return code + Upper(*index_.former_office.begin());  // word lists are lower case
    }
    return code;
  }

  const Lexicon& d_;
  const EventCoder::Index& index_;
  const Article& article_;
  int sentence_index_;
  int date_;
  EventCoderOptions options_;
  ArticleContext* context_;
  Analysis a_;
  // Resolve(h) results for this sentence (pronouns allowed, top level), filled on first use.
  std::vector<std::vector<ActorCode>> resolved_;
  int resolving_ = 0;  // nesting of ResolveUncached calls
  bool analyzed_ = false;
  std::vector<char> resolved_done_;
  std::vector<std::string_view> words_;  // sorted forms and lemmas of the sentence
  // The sentence as the coder reads it when a repair retags a word (a headline's verb).
  Sentence retagged_;
  // Token t of that sentence, for a repair to retag (copying the parse's sentence once).
  Token& Retag(int t) {
    if (a_.s != &retagged_) {
      retagged_ = *a_.s;
      a_.s = &retagged_;
    }
    return retagged_.tokens[t];
  }
};

void SentenceCoder::Analyze() {
  analyzed_ = true;
  const Sentence& s = article_.sentences[sentence_index_];
  a_.s = &s;
  a_.n = static_cast<int>(s.tokens.size());
  a_.head.assign(a_.n, -1);
  a_.kids.assign(a_.n, {});
  a_.low.resize(a_.n);
  a_.lem.resize(a_.n);
  a_.rel.resize(a_.n);
  for (int i = 0; i < a_.n; ++i) {
    const Token& t = s.tokens[i];
    a_.low[i] = NormalizeForm(t.form);
    a_.lem[i] = t.lemma.empty() || t.lemma == "_" ? a_.low[i] : NormalizeForm(t.lemma);
    if (t.upos == "VERB" && d_.verbs.Find(a_.lem[i]).empty()) {
      // A lemma the lemmatizer guessed for a word it never saw ("blamed" -> "blam", "shelled" ->
      // "shel"): the regular English stem the lexicon knows, if one does.
      std::string stem = KnownVerbStem(a_.low[i]);
      if (!stem.empty()) a_.lem[i] = stem;
    }
    std::string r = t.deprel;
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    a_.rel[i] = r;
    int h = t.head - 1;
    if (t.head > 0 && h < a_.n && h != i) a_.head[i] = h;
  }
  RepairArcsToPunctuation();
  // An agent without its "by" is the verb's object ("police arrested 20 suspected militants"
  // parsed with the militants as the agent of a reduced relative).
  for (int t = 0; t < a_.n; ++t) {
    if (a_.head[t] < 0 || (a_.rel[t] != "obl:agent" && a_.rel[t] != "nmod:agent")) continue;
    bool by = false;
    for (int k = 0; k < a_.n; ++k) by |= a_.head[k] == t && a_.rel[k] == "case";
    if (!by && t > a_.head[t]) a_.rel[t] = "obj";
  }
  RepairPluralReadAsVerb();
  RepairPluralObjectReadAsVerb();
  RepairVerblessClause();
  RepairParticipleReadAsRelative();
  RepairDateReadAsSubject();
  RepairHeadlineCommaList();
  RepairSubjectOfNoun();
  RepairSubjectOfOblique();
  RepairAgentOfComplement();
  RepairParticipleUnderReport();
  RepairNameReadAsSecondSubject();
  RepairGerundReadAsAdjective();
  RepairPrepositionBeforeAs();
  RepairConjunctReadForParticiple();
  RepairPrepositionalSubject();
  RepairParticipleAdjective();
  RepairFiniteConjunctOfNonFinite();
  RepairSubjectListReadAsRoot();
  RepairChargedReadAsRoot();
  RepairListedAdjectiveReadAsHead();
  RepairPairListInPhrase();
  RepairPossessorReadAsList();
  RepairClauseReadAsPhrase();
  RepairClauseReadAsConjunct();
  RepairNounReadAsClauseHead();
  RepairObjectListReadAsClause();
  RepairPlaceReadAsClauseSubject();
  RepairGerundRootAfterReducedRelative();
  RepairParentheticalParticipleReadAsVerb();
  RepairTimedParticipleOnNoun();
  RepairPossessorOfVerb();
  RepairObjectItemReadAsVerb();
  RepairListItemReadAsModifier();
  RepairObjectReadAsConjunctsSubject();
  RepairAdjectiveAfterModal();
  RepairMislabelledCommaParticiple();
  RepairParticipleInCondition();
  RepairPrepositionalSubjectOfInfinitive();
  RepairNounRootOverPastForm();
  RepairCommaParticipleOnComplement();
  RepairMarkedClauseReadAsParataxis();
  RepairConjunctReadAsComplement();
  RepairVerbHungFromRootNoun();
  RepairInfinitiveOnDate();
  RepairSubjectOfClauseReadAsPhrase();
  RepairPrepositionOnCompound();
  RepairListSplitFromItsPhrase();
  RepairAppositionReadAsSubject();
  // Break cycles from malformed parses: a token whose head chain does not reach the root is
  // detached.
  for (int i = 0; i < a_.n; ++i) {
    int t = i, steps = 0;
    while (t >= 0 && steps <= a_.n) {
      t = a_.head[t];
      ++steps;
    }
    if (steps > a_.n) a_.head[i] = -1;
  }
  for (int i = 0; i < a_.n; ++i)
    if (a_.head[i] >= 0) a_.kids[a_.head[i]].push_back(i);
  FindMentions(index_.actors, false);
  FindMentions(index_.agents, true);
  DropCollectiveAgents();
  ShortenedAgentMentions();
  const bool modifier_list = RepairModifierListReadAsConjuncts();
  if (RepairHeadlineVerb() || modifier_list) {
    for (auto& k : a_.kids) k.clear();
    for (int i = 0; i < a_.n; ++i)
      if (a_.head[i] >= 0) a_.kids[a_.head[i]].push_back(i);
  }
  // A headline's closing credit ("... (Reuters)", "(Canadian Press)") names the source, no actor.
  if (a_.s->is_title && a_.n >= 3 && a_.low[a_.n - 1] == ")") {
    for (int open = a_.n - 2; open >= std::max(0, a_.n - 6); --open) {
      if (a_.low[open] != "(") continue;
      for (int t = open + 1; t < a_.n - 1; ++t) a_.actor_at[t] = a_.agent_at[t] = -1;
      break;
    }
  }
  // "a Lebanese-American contractor": the last of hyphened nationalities is the citizenship.
  for (int t = 0; t + 2 < a_.n; ++t) {
    int m = a_.actor_at[t];
    if (m < 0 || a_.actor_mentions[m].end != t + 1 || a_.low[t + 1] != "-" || a_.actor_at[t + 2] < 0) continue;
    const auto& toks = a_.s->tokens;
    if (toks[t].span.end != toks[t + 1].span.begin || toks[t + 1].span.end != toks[t + 2].span.begin) continue;
    if (Actor(a_.actor_mentions[m].entry).kind != ActorKind::kCountry ||
        Actor(a_.actor_mentions[a_.actor_at[t + 2]].entry).kind != ActorKind::kCountry)
      continue;
    for (int k = a_.actor_mentions[m].begin; k <= t; ++k) a_.actor_at[k] = -1;
  }
  // A nationality before a sport, culture or consumer noun names no political actor: "the German
  // (national) team", "American fans", "an Italian chef".
  for (int t = 0; t < a_.n; ++t) {
    int m = a_.actor_at[t];
    if (m < 0 || (t > 0 && a_.actor_at[t - 1] == m)) continue;
    if (Actor(a_.actor_mentions[m].entry).kind != ActorKind::kCountry) continue;
    int end = a_.actor_mentions[m].end;
    int head = end;
    while (head < a_.n && index_.Is(index_.non_political_modifier, a_.low[head])) ++head;
    // (Only as the phrase's head: "North Korea food aid" is aid.)
    if (head < a_.n && !(a_.rel[head] == "compound" && a_.head[head] > head) &&
        (index_.Is(index_.non_political_head, a_.low[head]) || index_.Is(index_.non_political_head, a_.lem[head]))) {
      for (int k = a_.actor_mentions[m].begin; k < end; ++k) a_.actor_at[k] = -1;
    }
  }
  // An agent word used as an adjective of a thing is no actor: "an official visit", "military
  // actions"; of a person or another agent it is ("a military official", "Iraqi military").
  for (int t = 0; t < a_.n; ++t) {
    int g = a_.agent_at[t];
    if (g < 0 || a_.s->tokens[t].upos != "ADJ") continue;
    const Analysis::Mention& m = a_.agent_mentions[g];
    // The noun it modifies; the next word when the parse lost the link ("a two-day official
    // visit" with "official" hung elsewhere).
    int h = a_.rel[t] == "amod" ? a_.head[t]
            : (t + 1 < a_.n && a_.s->tokens[t + 1].upos == "NOUN") ? t + 1 : -1;
    if (m.end - m.begin != 1 || h < 0 || a_.agent_at[h] >= 0 || a_.actor_at[h] >= 0) continue;
    // An armed group's word names who attacked ("an insurgent attack", "rebel raids").
    if (d_.actors.agents()[m.entry].code == "REB") continue;
    // Only before a noun the lexicon codes as an event ("visit", "action"): elsewhere ("an
    // official news agency") the adjective may still name who acts.
    if (d_.verbs.Find(a_.lem[h]).empty() && d_.verbs.Find(a_.low[h]).empty()) continue;
    a_.agent_at[t] = -1;
  }
}

std::string SentenceCoder::KnownVerbStem(const std::string& form) const {
  auto known = [&](const std::string& w) { return w.size() > 1 && !d_.verbs.Find(w).empty(); };
  auto ends = [&](const char* suffix) { return form.ends_with(suffix) && form.size() > std::strlen(suffix) + 1; };
  std::vector<std::string> candidates;
  auto add_stems = [&](const std::string& base) {
    candidates.push_back(base);            // shell-ed, attack-ing
    candidates.push_back(base + "e");      // blam-ed -> blame
    if (base.size() > 2 && base[base.size() - 1] == base[base.size() - 2])
      candidates.push_back(base.substr(0, base.size() - 1));  // stopp-ed -> stop
  };
  if (ends("ied")) candidates.push_back(form.substr(0, form.size() - 3) + "y");
  if (ends("ed")) add_stems(form.substr(0, form.size() - 2));
  if (ends("ing")) add_stems(form.substr(0, form.size() - 3));
  if (ends("ies")) candidates.push_back(form.substr(0, form.size() - 3) + "y");
  if (ends("es")) candidates.push_back(form.substr(0, form.size() - 2));
  if (ends("s")) candidates.push_back(form.substr(0, form.size() - 1));
  for (const std::string& c : candidates)
    if (known(c)) return c;
  return "";
}

bool SentenceCoder::RepairHeadlineVerb() {
  if (!a_.s->is_title || a_.n < 3) return false;
  // A plural the dictionaries name, read as a verb ("U.S. Warplanes Pound Rebel Positions"), is
  // the noun it names; a participle modifying a noun ("Two Kidnapped Egyptians") is no verb of
  // the headline either. Any other verb: the headline has one.
  // So is a past form read as the verb between such a verb, tagged a noun after the subject, and
  // a noun ("Nigerian Troops Rescue Kidnapped Girls", "kidnapped" taken for the verb).
  std::vector<int> named_nouns, misread_participles;
  for (int t = 0; t < a_.n; ++t) {
    const Token& w = a_.s->tokens[t];
    const std::vector<Token>& tk = a_.s->tokens;
    if (w.upos == "VERB" && w.xpos == "VBZ" && (a_.agent_at[t] >= 0 || a_.actor_at[t] >= 0))
      named_nouns.push_back(t);
    else if (w.upos == "VERB" && (w.xpos == "VBN" || w.xpos == "VBD") && t >= 2 && t + 1 < a_.n &&
             (tk[t + 1].upos == "NOUN" || tk[t + 1].upos == "PROPN" || a_.agent_at[t + 1] >= 0 || a_.actor_at[t + 1] >= 0) &&
             tk[t - 1].upos == "NOUN" &&
             a_.actor_at[t - 1] < 0 && a_.agent_at[t - 1] < 0 && (a_.actor_at[t - 2] >= 0 || a_.agent_at[t - 2] >= 0) &&
             !VerbFormOf({a_.low[t - 1], KnownVerbStem(a_.low[t - 1])}).empty())
      misread_participles.push_back(t);
    else if ((w.upos == "VERB" && a_.rel[t] != "amod") || w.upos == "AUX")
      return false;
  }
  Sentence work = *a_.s;
  for (int t : named_nouns) {
    work.tokens[t].upos = "NOUN";
    work.tokens[t].xpos = "NNS";
  }
  const std::vector<Token>& tok = work.tokens;
  bool actor_before = false;
  for (int v = 1; v + 1 < a_.n; ++v) {
    actor_before |= a_.actor_at[v - 1] >= 0 || a_.agent_at[v - 1] >= 0;
    const std::string& pos = tok[v].upos;
    const std::string& before = tok[v - 1].upos;
    const std::string& after = tok[v + 1].upos;
    // An adjective that is also a verb, between a plural subject and its object's number or
    // article, is the verb ("Militants Free Two Kidnapped Egyptians").
    bool verb_adjective = pos == "ADJ" && tok[v - 1].xpos == "NNS" &&
                          (after == "NUM" || after == "DET" || (tok[v + 1].xpos == "VBN" && a_.rel[v + 1] == "amod"));
    if (!actor_before || (pos != "NOUN" && pos != "PROPN" && !verb_adjective) || a_.actor_at[v] >= 0 || a_.agent_at[v] >= 0)
      continue;
    if (before != "NOUN" && before != "PROPN") continue;
    if (after == "PUNCT" || after == "CCONJ" || after == "SYM") continue;
    std::string stem = VerbFormOf({a_.low[v], KnownVerbStem(a_.low[v])});
    if (stem.empty()) continue;
    Token& verb = work.tokens[v];
    verb.upos = "VERB";
    verb.xpos = a_.low[v] != stem && a_.low[v].ends_with("s") ? "VBZ" : "VBP";
    verb.lemma = stem;
    retagged_ = work;
    a_.s = &retagged_;
    a_.lem[v] = stem;
    a_.head[v] = -1;
    a_.rel[v] = "root";
    // Words that were that noun's subject or object modify it ("U.S. Warplanes").
    for (int n : named_nouns)
      for (int t = 0; t < n; ++t)
        if (a_.head[t] == n && a_.rel[t] != "punct" && a_.rel[t] != "case") a_.rel[t] = tok[t].upos == "ADJ" ? "amod" : "compound";
    // The words before: the last of their top words is the subject, the others modify it
    // ("Ivory Coast 's Army Bombs": Army, with Ivory Coast its modifier).
    std::vector<int> tops;
    for (int t = 0; t < v; ++t)
      if (!(a_.head[t] >= 0 && a_.head[t] < v && a_.head[t] != t)) tops.push_back(t);
    // A noun after a preposition is that preposition's phrase inside the subject ("Clashes in
    // Iraq Kill"); a noun after another is the new head ("Ivory Coast 's Army").
    // Names a comma separates are a list of subjects ("Chirac, Schroeder Meet in Berlin").
    int subject = -1, pending_case = -1;
    bool comma = false;
    std::vector<int> modifiers, listed;
    for (int t : tops) {
      const std::string& p = tok[t].upos;
      bool after_comma = std::exchange(comma, a_.low[t] == ",");
      if (p == "ADP") {
        pending_case = t;
      } else if (p == "NOUN" || p == "PROPN" || p == "PRON" || p == "NUM") {
        if (pending_case >= 0 && subject >= 0) {
          a_.head[t] = subject;
          a_.rel[t] = "nmod";
          a_.head[pending_case] = t;
          a_.rel[pending_case] = "case";
          pending_case = -1;
          continue;
        }
        if (subject >= 0) (after_comma ? listed : modifiers).push_back(subject);
        subject = t;
      } else if (p != "PUNCT") {
        modifiers.push_back(t);
      }
    }
    for (int t : tops) {
      if (tok[t].upos == "PUNCT") {
        a_.head[t] = v;
        a_.rel[t] = "punct";
      }
    }
    if (subject >= 0) {
      a_.head[subject] = v;
      a_.rel[subject] = "nsubj";
      for (int t : listed) {
        a_.head[t] = v;
        a_.rel[t] = "nsubj";
      }
      for (int t : modifiers) {
        a_.head[t] = subject;
        a_.rel[t] = tok[t].upos == "ADJ" ? "amod" : "compound";
      }
    }
    for (int t : tops)
      if (a_.head[t] >= 0 && a_.head[t] < v && a_.head[t] == t) a_.head[t] = v;
    for (int p : misread_participles) {
      if (p <= v) continue;
      for (int t = 0; t < a_.n; ++t)
        if (a_.head[t] == p) a_.head[t] = v;
      a_.head[p] = p + 1;
      a_.rel[p] = "amod";
    }
    // The words after: the first phrase without a preposition is the object, the others obliques.
    bool object = false;
    for (int t = v + 1; t < a_.n; ++t) {
      if (a_.head[t] > v && a_.head[t] != t) continue;
      a_.head[t] = v;
      if (tok[t].upos == "PUNCT") {
        a_.rel[t] = "punct";
      } else if (!a_.CaseOf(t).empty() || tok[t].upos == "ADP" || tok[t].upos == "ADV") {
        a_.rel[t] = tok[t].upos == "ADP" || tok[t].upos == "ADV" ? "compound:prt" : "obl";
      } else {
        a_.rel[t] = object ? "obl" : "obj";
        object = true;
      }
    }
    return true;
  }
  return false;
}

void SentenceCoder::RepairArcsToPunctuation() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int t = 0; t < a_.n; ++t) {
    int p = a_.head[t];
    if (p < 0 || tok[p].upos != "PUNCT") continue;
    int fallback = a_.head[p] >= 0 && a_.head[p] != t ? a_.head[p] : -1;
    const std::string& pos = tok[t].upos;
    if (pos != "NOUN" && pos != "PROPN" && pos != "PRON" && pos != "NUM") {
      a_.head[t] = fallback;
      a_.rel[t] = fallback < 0 ? "root" : pos == "PUNCT" ? "punct" : pos == "VERB" ? "parataxis" : "dep";
      continue;
    }
    int first = t;
    while (first > 0 && a_.InSubtree(first - 1, t)) --first;
    int before = first - 1;
    if (before >= 0 && tok[before].upos == "ADP") {
      int anchor = before - 1;
      while (anchor >= 0 && tok[anchor].upos != "VERB" && tok[anchor].upos != "NOUN" && tok[anchor].upos != "PROPN")
        --anchor;
      if (anchor >= 0 && !a_.InSubtree(anchor, t)) {
        a_.head[t] = anchor;
        a_.rel[t] = tok[anchor].upos == "VERB" ? "obl" : "nmod";
        a_.head[before] = t;
        a_.rel[before] = "case";
        continue;
      }
    }
    if (before >= 0 && tok[before].upos == "VERB" && !a_.InSubtree(before, t)) {
      bool has_object = false;
      for (int k = 0; k < a_.n; ++k) has_object |= a_.head[k] == before && (a_.rel[k] == "obj" || a_.rel[k] == "dobj");
      if (!has_object) {
        a_.head[t] = before;
        a_.rel[t] = "obj";
        continue;
      }
    }
    a_.head[t] = fallback;
    a_.rel[t] = fallback < 0 ? "root" : "dep";
  }
}

void SentenceCoder::RepairParticipleReadAsRelative() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int v = 1; v < a_.n; ++v) {
    if (tok[v].upos != "VERB" || tok[v].xpos != "VBN" || a_.rel[v] != "acl") continue;
    int noun = a_.head[v];
    // (Or a reported clause read as its subject noun: "Nigerian troops rescued 20 schoolgirls,
    // the army said" with "troops" the complement of "said".)
    const bool reported = noun >= 0 && noun < v && a_.rel[noun] == "ccomp" && a_.head[noun] > v;
    if (noun < 0 || noun > v || (!a_.rel[noun].starts_with("nsubj") && !reported)) continue;
    int verb = a_.head[noun];
    if (verb < 0 || verb <= v || tok[verb].upos != "VERB") continue;
    // The bare noun phrase right after the participle: not a date, not introduced by a preposition.
    int object = -1;
    for (int t = v + 1; t < a_.n; ++t) {
      if (a_.head[t] != v) continue;
      const std::string& r = a_.rel[t];
      bool nominal = tok[t].upos == "NOUN" || tok[t].upos == "PROPN";
      // The repairs run before the children lists are built: the case word is found by its head.
      bool has_case = false;
      for (int k = 0; k < a_.n; ++k) has_case |= a_.head[k] == t && (a_.rel[k] == "case" || a_.rel[k] == "mark");
      if (nominal && (r == "obj" || r == "obl:agent" || r == "obl") && !has_case) object = t;
      break;
    }
    if (object < 0) continue;
    if (reported) {
      a_.head[v] = verb;
      a_.rel[v] = "ccomp";
    } else {
      a_.head[v] = a_.head[verb];
      a_.rel[v] = a_.rel[verb];
      a_.head[verb] = v;
      a_.rel[verb] = "advcl";
    }
    // The noun's other words after the verb (the reporting clause's comma) stay with the clause.
    for (int t = v + 1; reported && t < a_.n; ++t)
      if (a_.head[t] == noun && a_.rel[t] == "punct") a_.head[t] = verb;
    a_.head[noun] = v;
    a_.rel[noun] = "nsubj";
    a_.rel[object] = "obj";
    return;
  }
}

void SentenceCoder::RepairDateReadAsSubject() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int d = 1; d < a_.n; ++d) {
    int v = a_.head[d];
    if (v >= 0 && v < d && (a_.rel[d] == "obj" || a_.rel[d] == "dobj") && index_.Is(index_.date_word, a_.low[d]) &&
        tok[d].xpos == "NNP") {
      // "Hamas vowed Saturday to avenge": a day after the verb is a time, not its object (nor
      // the one its infinitive's act is asked of); "halted his march" keeps its object.
      a_.rel[d] = "obl:tmod";
      continue;
    }
    if (v <= d || !a_.rel[d].starts_with("nsubj") || tok[v].upos != "VERB" || !index_.Is(index_.date_word, a_.low[d]))
      continue;
    // "said Saturday they will begin": a day beside the verb's own subject is a time.
    bool other_subject = false;
    for (int k = d + 1; k < v; ++k) other_subject |= a_.head[k] == v && a_.rel[k].starts_with("nsubj");
    if (other_subject) {
      a_.rel[d] = "obl:tmod";
      continue;
    }
    // The phrase right before the day (and its "on"): its top word.
    int t = d - 1;
    if (t > 0 && a_.low[t] == "on") --t;
    if (tok[t].upos != "NOUN" && tok[t].upos != "PROPN") continue;
    int top = t;
    for (int guard = 0; guard < a_.n && a_.head[top] >= 0 && a_.head[top] < d; ++guard) top = a_.head[top];
    if (a_.head[top] != -1 && a_.head[top] != v) continue;
    a_.head[top] = v;
    a_.rel[top] = "nsubj";
    a_.rel[d] = "obl:tmod";
  }
}

void SentenceCoder::RepairHeadlineCommaList() {
  if (!a_.s->is_title) return;
  const std::vector<Token>& tok = a_.s->tokens;
  for (int t = 0; t + 2 < a_.n; ++t) {
    int v = a_.head[t];
    const std::string& r = a_.rel[t];
    if (v <= t || tok[v].upos != "VERB" ||
        (r != "vocative" && r != "dep" && r != "appos" && r != "parataxis" && r != "obl:unmarked" && r != "obl:npmod"))
      continue;
    if (tok[t].upos != "NOUN" && tok[t].upos != "PROPN") continue;
    // The next subject of the same verb, after a comma that follows t's phrase.
    int end = t;
    while (end + 1 < a_.n && a_.head[end + 1] == t && a_.rel[end + 1] != "punct") ++end;
    if (end + 2 >= a_.n || a_.low[end + 1] != ",") continue;
    int next = -1;
    for (int k = end + 2; k < v && next < 0; ++k)
      if (a_.head[k] == v && a_.rel[k].starts_with("nsubj")) next = k;
    if (next < 0) continue;
    a_.rel[t] = a_.rel[next];
  }
}

void SentenceCoder::RepairSubjectOfNoun() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int t = 0; t + 1 < a_.n; ++t) {
    const int h = t + 1;
    if (a_.head[t] != h || !a_.rel[t].starts_with("nsubj")) continue;
    if ((tok[t].upos != "NOUN" && tok[t].upos != "PROPN") || (tok[h].upos != "NOUN" && tok[h].upos != "PROPN")) continue;
    bool predicate = false;
    for (int k = 0; k < a_.n; ++k) predicate |= a_.head[k] == h && a_.rel[k] == "cop";
    if (!predicate) a_.rel[t] = "compound";
  }
}

void SentenceCoder::RepairSubjectOfOblique() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int t = 0; t < a_.n; ++t) {
    const int h = a_.head[t];
    if (h <= t || !a_.rel[t].starts_with("nsubj") || (tok[h].upos != "NOUN" && tok[h].upos != "PROPN")) continue;
    if (a_.rel[h] != "obl" && a_.rel[h] != "nmod") continue;
    const int g = a_.head[h];
    if (g < 0 || g >= t || tok[g].upos != "VERB") continue;
    int preposition = -1;
    bool has_object = false;
    for (int k = 0; k < a_.n; ++k) {
      if (a_.head[k] == h && a_.rel[k] == "case" && k > t && k < h) preposition = k;
      if (a_.head[k] == g && (a_.rel[k] == "obj" || a_.rel[k] == "dobj")) has_object = true;
    }
    if (preposition < 0 || has_object) continue;
    a_.head[t] = g;
    a_.rel[t] = "obj";
  }
}

bool SentenceCoder::RepairModifierListReadAsConjuncts() {
  bool changed = false;
  const std::vector<Token>& tok = a_.s->tokens;
  auto top_of = [&](int begin, int end) {
    int top = end - 1;
    for (int k = begin; k < end; ++k)
      if (a_.head[k] < begin || a_.head[k] >= end) top = k;
    return top;
  };
  for (int a = 0; a + 3 < a_.n; ++a) {
    const int m1 = a_.actor_at[a];
    if (m1 < 0 || a_.actor_mentions[m1].end != a + 1 || (a_.low[a + 1] != "and" && a_.low[a + 1] != "or")) continue;
    const int m2 = a_.actor_at[a + 2];
    if (m2 < 0 || a_.actor_mentions[m2].begin != a + 2) continue;
    const int noun = a_.actor_mentions[m2].end;
    if (noun >= a_.n || a_.agent_at[noun] < 0 || tok[noun].upos != "NOUN" || a_.actor_at[noun] >= 0) continue;
    if (Actor(a_.actor_mentions[m1].entry).kind != ActorKind::kCountry ||
        Actor(a_.actor_mentions[m2].entry).kind != ActorKind::kCountry)
      continue;
    const int first = top_of(a_.actor_mentions[m1].begin, a + 1);
    const int second = top_of(a + 2, noun);
    // Only where the parse got it wrong: the noun does not govern the first country.
    if (a_.InSubtree(first, noun)) continue;
    const int old_head = a_.head[first];
    const std::string old_rel = a_.rel[first];
    // The noun's clause, parsed as a conjunct of the first country, takes the place the country
    // had ("Afghan" the root, "killed" its conjunct); else the noun does ("troops" a conjunct).
    int clause = a_.head[noun];
    if (clause < 0 || a_.head[clause] != first || a_.rel[clause] != "conj" || tok[clause].upos != "VERB") clause = -1;
    const int replacement = clause >= 0 ? clause : noun;
    if (clause >= 0 || a_.head[noun] == first || a_.InSubtree(noun, first)) {
      a_.head[replacement] = old_head;
      a_.rel[replacement] = old_rel;
    }
    for (int k = 0; k < a_.n; ++k)
      if (a_.head[k] == first && k != replacement && !(k > first && k < noun)) a_.head[k] = replacement;
    a_.Attach(first, noun, "amod");
    a_.Attach(second, first, "conj");
    a_.Attach(a + 1, second, "cc");
    for (int k = a + 2; k < noun; ++k)
      if (k != second && (a_.head[k] < a + 2 || a_.head[k] >= noun)) a_.head[k] = second;
    changed = true;
  }
  return changed;
}

void SentenceCoder::RepairPrepositionBeforeAs() {
  for (int t = 0; t + 2 < a_.n; ++t) {
    const int n = a_.head[t];
    if (n <= t + 1 || a_.rel[t] != "case" || a_.low[t + 1] != "as" || a_.head[t + 1] != n || a_.rel[t + 1] != "case") continue;
    if (a_.head[n] < 0) continue;
    a_.head[t] = a_.head[n];
    a_.rel[t] = "advmod";
  }
}

void SentenceCoder::RepairNameReadAsSecondSubject() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int second = 2; second < a_.n; ++second) {
    const int v = a_.head[second];
    // "The Philippine government and Moro Islamic Liberation Front rebels resumed talks": a plural
    // noun read as a second subject after a listed name is that item's head ("Front rebels").
    if (v > second && a_.rel[second].starts_with("nsubj") && tok[second].xpos == "NNS" && tok[second - 1].upos == "PROPN") {
      int item = second - 1;
      while (a_.head[item] > item && a_.head[item] < second) item = a_.head[item];
      const int first = a_.head[item];
      // (The first subject may come hung from the noun, read as a predicate.)
      if (a_.rel[item] == "conj" && first >= 0 && (a_.head[first] == v || a_.head[first] == second) &&
          a_.rel[first].starts_with("nsubj")) {
        bool alone = true;  // nothing else hangs from the noun before it
        for (int k = 0; k < second; ++k) alone &= a_.head[k] != second || k == first;
        if (alone) {
          for (int k = 0; k < item; ++k)
            if (a_.head[k] == item && a_.rel[k] == "cc") a_.head[k] = second;
          if (a_.head[first] == second) a_.Attach(first, v, a_.rel[second].c_str());
          a_.Attach(second, first, "conj");
          a_.Attach(item, second, "compound");
          continue;
        }
      }
    }
    if (v <= second || !a_.rel[second].starts_with("nsubj") || tok[second].upos != "PROPN") continue;
    // The phrase's first word, and the word right before it.
    int begin = second;
    for (int k = second - 1; k >= 0 && a_.InSubtree(k, second); --k) begin = k;
    const int before = begin - 1;
    if (before < 0 || tok[before].upos != "NOUN") continue;
    int first = -1;
    for (int k = 0; k < before; ++k)
      if (a_.head[k] == v && a_.rel[k].starts_with("nsubj") && a_.InSubtree(before, k)) first = k;
    if (first < 0) continue;
    a_.head[second] = before;
    a_.rel[second] = "appos";
  }
}

void SentenceCoder::RepairGerundReadAsAdjective() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int g = 1; g + 1 < a_.n; ++g) {
    const int v = g - 1;
    const int o = a_.head[g];
    if (tok[g].xpos != "VBG" || a_.rel[g] != "amod" || o <= g || a_.head[o] != v || (a_.rel[o] != "obj" && a_.rel[o] != "dobj")) continue;
    if (tok[v].upos != "VERB" || !index_.Is(index_.support_verb, a_.lem[v])) continue;
    a_.head[g] = v;
    a_.rel[g] = "xcomp";
    a_.head[o] = g;
    for (int k = o + 1; k < a_.n; ++k)
      if (a_.head[k] == v && (a_.rel[k] == "obl" || a_.rel[k] == "compound:prt")) a_.head[k] = g;
  }
}

void SentenceCoder::RepairAgentOfComplement() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int k = 0; k < a_.n; ++k) {
    const int adj = a_.head[k];
    if (adj < 0 || (a_.rel[k] != "obl:agent" && a_.rel[k] != "nmod:agent")) continue;
    if (tok[adj].upos != "ADJ" || a_.rel[adj] != "xcomp") continue;
    const int v = a_.head[adj];
    if (v < 0 || tok[v].xpos != "VBN") continue;
    a_.head[k] = v;
  }
}

void SentenceCoder::RepairParticipleUnderReport() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int v = 1; v < a_.n; ++v) {
    const int report = a_.head[v];
    if (report <= v || a_.rel[v] != "advcl" || tok[v].xpos != "VBG" || tok[v - 1].upos != "PUNCT") continue;
    const int main = a_.head[report];
    if (main < 0 || main >= v || tok[main].upos != "VERB" || (a_.rel[report] != "parataxis" && a_.rel[report] != "ccomp"))
      continue;
    bool reporter_after = false;
    for (int k = v + 1; k < report; ++k) reporter_after |= a_.head[k] == report && a_.rel[k].starts_with("nsubj");
    if (!reporter_after) continue;
    a_.head[v] = main;
  }
}

void SentenceCoder::RepairParticipleAdjective() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int t = 0; t + 1 < a_.n; ++t) {
    const int noun = t + 1, up = a_.head[t];
    if (tok[t].xpos != "VBG" || !index_.Is(index_.adjective_participle, a_.low[t]) || a_.head[noun] != t) continue;
    if ((tok[noun].upos != "NOUN" && tok[noun].upos != "PROPN") || a_.rel[t] == "amod") continue;
    bool subject = false;
    for (int k = 0; k < a_.n; ++k) subject |= a_.head[k] == t && a_.rel[k].starts_with("nsubj");
    if (subject) continue;
    a_.head[noun] = up;
    a_.rel[noun] = a_.rel[t] == "xcomp" || a_.rel[t] == "ccomp" ? "obj" : a_.rel[t];
    // Its other dependents are the clause's: "to stop insurgents" completes "asked".
    for (int k = 0; k < a_.n; ++k)
      if (k != noun && a_.head[k] == t) {
        a_.head[k] = up >= 0 ? up : noun;
        if (a_.rel[k] == "advcl" && up >= 0) a_.rel[k] = "xcomp";
      }
    a_.head[t] = noun;
    a_.rel[t] = "amod";
  }
}

void SentenceCoder::RepairConjunctReadForParticiple() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int t = 1; t < a_.n; ++t) {
    const int noun = t - 1;
    if (a_.rel[t] != "conj" || tok[t].xpos != "VBD" || !a_.low[t].ends_with("ed")) continue;
    if (tok[noun].upos != "NOUN" && tok[noun].upos != "PROPN") continue;
    if (a_.head[t] < 0 || a_.head[t] > noun || !a_.InSubtree(noun, a_.head[t])) continue;
    bool own = false;  // a subject, conjunction or object of its own: a clause after all
    for (int k = 0; k < a_.n; ++k)
      if (a_.head[k] == t)
        own |= a_.rel[k].starts_with("nsubj") || a_.rel[k] == "cc" || a_.rel[k] == "obj" || a_.rel[k] == "dobj" ||
               a_.rel[k].starts_with("aux");
    if (own) continue;
    Retag(t).xpos = "VBN";
    a_.head[t] = noun;
    a_.rel[t] = "acl";
  }
}

void SentenceCoder::RepairGerundRootAfterReducedRelative() {
  // "Tens of thousands of protesters rallied in central Kiev on Monday, accusing the government
  // of rigging the election", parsed with "rallied" a reduced relative of the subject and the
  // participle after the comma the sentence's verb: a sentence needs a finite verb, and a
  // participle without an auxiliary is none, so the past form in the subject's phrase is the verb
  // and the participle its adverbial.
  // (Also a past participle without an auxiliary, read as the verb: "Hundreds of Indonesian
  // Muslims protested outside the Danish embassy against cartoons first published in Denmark",
  // which is a reduced relative on the noun right before it.)
  const int root = SingleRoot();
  if (root < 0 || (a_.s->tokens[root].xpos != "VBG" && a_.s->tokens[root].xpos != "VBN")) return;
  const bool participle_root = a_.s->tokens[root].xpos == "VBN";
  if (participle_root && a_.s->is_title) return;  // a headline's passive needs no auxiliary
  int noun_before = root - 1;
  while (noun_before >= 0 && a_.head[noun_before] == root && a_.s->tokens[noun_before].upos == "ADV") --noun_before;
  if (participle_root && (noun_before < 0 || (a_.s->tokens[noun_before].upos != "NOUN" &&
                                              a_.s->tokens[noun_before].upos != "PROPN")))
    return;
  int subject = -1;
  for (int k = 0; k < a_.n; ++k) {
    if (a_.head[k] != root) continue;
    if (a_.rel[k] == "aux" || a_.rel[k] == "aux:pass" || a_.rel[k] == "auxpass" || a_.rel[k] == "cop") return;
    if (a_.rel[k] == "nsubj" && k < root && subject < 0) subject = k;
  }
  if (subject < 0) return;
  int verb = -1;
  for (int t = subject + 1; t < root && verb < 0; ++t) {
    const std::string& xpos = a_.s->tokens[t].xpos;
    if (a_.rel[t] != "acl" || (xpos != "VBN" && xpos != "VBD") || !a_.InSubtree(t, subject)) continue;
    if (!HasAgentByHeads(t)) verb = t;  // "protesters arrested by police, ..." is a true reduced relative
  }
  if (verb < 0 || (participle_root && a_.InSubtree(verb, noun_before))) return;
  Retag(verb).xpos = "VBD";
  a_.head[verb] = -1;
  a_.rel[verb] = "root";
  a_.head[subject] = verb;
  a_.rel[subject] = "nsubj";
  if (participle_root) {
    for (int k = 0; k < a_.n; ++k)
      if (a_.head[k] == root && (k <= noun_before || a_.rel[k] == "punct")) a_.head[k] = verb;
    a_.head[root] = noun_before;
    a_.rel[root] = "acl";
    return;
  }
  a_.head[root] = verb;
  a_.rel[root] = "advcl";
}

void SentenceCoder::RepairParentheticalParticipleReadAsVerb() {
  // "Italian journalist Giuliana Sgrena, kidnapped in Baghdad a month ago, was freed on Friday",
  // parsed with "kidnapped" the sentence's verb (the journalist kidnapping) and "was freed" its
  // conjunct: a participle between commas after the subject is a reduced relative of it, and the
  // later verb with its own auxiliary and no subject is the sentence's verb.
  const int root = SingleRoot();
  if (root < 2 || a_.low[root - 1] != "," || (a_.s->tokens[root].xpos != "VBN" && a_.s->tokens[root].xpos != "VBD")) return;
  int subject = -1, verb = -1;
  for (int k = 0; k < a_.n; ++k) {
    if (a_.head[k] != root) continue;
    if (a_.rel[k] == "nsubj" && k < root - 1) subject = k;
    if (a_.rel[k] == "obj" || a_.rel[k] == "dobj") return;  // an active verb with its object
    if (k > root && a_.rel[k] == "conj" && verb < 0 && a_.s->tokens[k].upos == "VERB") verb = k;
  }
  if (subject < 0 || verb < 0 || a_.low[verb - 1] == "and") return;
  bool auxiliary = false, own_subject = false, passive = false;
  for (int k = 0; k < a_.n; ++k) {
    if (a_.head[k] != verb) continue;
    auxiliary |= a_.rel[k] == "aux" || a_.rel[k] == "aux:pass" || a_.rel[k] == "auxpass";
    passive |= a_.rel[k] == "aux:pass" || a_.rel[k] == "auxpass";
    own_subject |= a_.rel[k].starts_with("nsubj");
  }
  bool comma_before = false;  // the participle's phrase closes with a comma
  for (int k = root + 1; k < verb; ++k) comma_before |= a_.low[k] == "," && a_.head[k] != subject;
  if (!auxiliary || own_subject || !comma_before) return;
  Retag(root).xpos = "VBN";
  for (int k = verb + 1; k < a_.n; ++k)
    if (a_.head[k] == root) a_.head[k] = verb;  // "..., Berlusconi said."
  a_.head[verb] = -1;
  a_.rel[verb] = "root";
  a_.head[subject] = verb;
  a_.rel[subject] = passive ? "nsubj:pass" : "nsubj";
  a_.head[root] = subject;
  a_.rel[root] = "acl";
}

void SentenceCoder::RepairTimedParticipleOnNoun() {
  // "Georgia ordered the expulsion of four Russian officers after accusing them of spying", parsed
  // with "after accusing" a clause of the noun "expulsion": a participle opened by a preposition of
  // time (time-preposition) tells when the clause's act happened, so it is the clause verb's
  // adverbial and shares its subject.
  for (int v = 0; v < a_.n; ++v) {
    if (a_.s->tokens[v].xpos != "VBG" || a_.rel[v] != "acl" || a_.head[v] < 0) continue;
    bool timed = false;
    for (int k = 0; k < v; ++k)
      timed |= a_.head[k] == v && a_.rel[k] == "mark" && index_.Is(index_.time_preposition, a_.low[k]);
    if (!timed) continue;
    int verb = a_.head[v];
    for (int guard = 0; guard < 6 && verb >= 0 && !IsVerbal(verb); ++guard) verb = a_.head[verb];
    if (verb < 0 || !IsVerbal(verb)) continue;
    a_.head[v] = verb;
    a_.rel[v] = "advcl";
  }
}

void SentenceCoder::RepairPossessorOfVerb() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int k = 0; k < a_.n; ++k) {
    const int v = a_.head[k];
    if (v <= k || a_.rel[k] != "nmod:poss" || (tok[v].upos != "VERB" && tok[v].upos != "AUX")) continue;
    int subject = -1;
    for (int t = k + 1; t < v; ++t)
      if (a_.head[t] == v && a_.rel[t].starts_with("nsubj")) subject = t;
    if (subject < 0) continue;
    // Nothing between the possessor and the subject but its "'s" and the subject's own words.
    bool adjacent = true;
    for (int t = k + 1; t < subject; ++t)
      adjacent &= (a_.head[t] == k && a_.rel[t] == "case") || a_.InSubtree(t, subject);
    if (!adjacent) continue;
    a_.head[k] = subject;
  }
}

void SentenceCoder::RepairObjectItemReadAsVerb() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int p = 3; p < a_.n; ++p) {
    const int v = a_.head[p];
    if (v < 0 || v >= p || tok[p].xpos != "VBZ" || !a_.low[p].ends_with("s") || a_.rel[p] != "conj") continue;
    if (tok[v].xpos != "VBD" && tok[v].xpos != "VBN") continue;
    const int noun = p - 1, cc = p - 2;
    if (a_.head[noun] != p || !a_.rel[noun].starts_with("nsubj") || tok[noun].xpos != "NN") continue;
    if (a_.head[cc] != p || a_.rel[cc] != "cc") continue;
    int object = -1;
    for (int t = 0; t < cc; ++t)
      if (a_.head[t] == v && (a_.rel[t] == "obj" || a_.rel[t] == "dobj")) object = t;
    if (object < 0) continue;
    bool own_verb_words = false;
    for (int t = 0; t < a_.n; ++t)
      own_verb_words |= a_.head[t] == noun || (a_.head[t] == p && (a_.rel[t].starts_with("aux") || a_.rel[t] == "obj" ||
                                            a_.rel[t] == "dobj" || a_.rel[t] == "cop" || a_.rel[t] == "ccomp" ||
                                            a_.rel[t] == "xcomp"));
    if (own_verb_words) continue;  // (nor a determiner or modifier of its "subject")
    Token& item = Retag(p);
    item.upos = "NOUN";
    item.xpos = "NNS";
    a_.rel[noun] = "compound";
    a_.head[p] = object;
    for (int t = p + 1; t < a_.n; ++t)
      if (a_.head[t] == p && a_.rel[t] != "punct") a_.head[t] = v;
    return;
  }
}

void SentenceCoder::RepairListItemReadAsModifier() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int cc = 1; cc + 1 < a_.n; ++cc) {
    const int h = a_.head[cc];
    if (h <= cc || a_.rel[cc] != "cc") continue;
    const int item = cc - 1;
    if (a_.head[item] != h || a_.rel[item] != "compound" || tok[item].upos != "PROPN") continue;
    if (tok[h].upos != "NOUN" && tok[h].upos != "PROPN") continue;
    // The first item's words: those before it that hang from the head go with it.
    for (int k = 0; k < item; ++k)
      if (a_.head[k] == h) a_.head[k] = item;
    a_.head[item] = a_.head[h];
    a_.rel[item] = a_.rel[h];
    a_.head[h] = item;
    a_.rel[h] = "conj";
  }
}

void SentenceCoder::RepairObjectReadAsConjunctsSubject() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int second = 2; second < a_.n; ++second) {
    const int first = a_.head[second];
    if (first < 0 || first >= second || a_.rel[second] != "conj" || tok[second].upos != "VERB" ||
        tok[first].upos != "VERB")
      continue;
    int cc = -1, subject = -1;
    for (int k = first + 1; k < second; ++k) {
      if (a_.head[k] != second) continue;
      if (a_.rel[k] == "cc") cc = k;
      if (a_.rel[k] == "nsubj") subject = k;
    }
    if (cc < 0 || subject < 0 || subject > cc) continue;
    bool has_object = false, has_subject = false;
    for (int k = 0; k < a_.n; ++k) {
      has_object |= a_.head[k] == first && (a_.rel[k] == "obj" || a_.rel[k] == "dobj" || a_.rel[k] == "ccomp");
      has_subject |= a_.head[k] == first && a_.rel[k].starts_with("nsubj");
    }
    if (has_object || !has_subject) continue;
    a_.head[subject] = first;
    a_.rel[subject] = "obj";
    // What hangs between the object and the "and" is the object's ("a liar").
    for (int k = subject + 1; k < cc; ++k)
      if (a_.head[k] == second) a_.head[k] = first;
  }
}

void SentenceCoder::RepairCommaParticipleOnComplement() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int p = 2; p < a_.n; ++p) {
    const int inf = a_.head[p];
    if (inf < 0 || a_.rel[p] != "advcl" || tok[p].xpos != "VBG" || a_.low[p - 1] != ",") continue;
    if (a_.rel[inf] != "acl" && a_.rel[inf] != "xcomp") continue;
    const bool infinitive = a_.MarkerByHeads(inf) == "to";
    // (Or a past participle on the object: "would free the sailors held in the Gulf, calling ...".)
    const bool reduced_relative = a_.rel[inf] == "acl" && tok[inf].xpos == "VBN";
    if (!infinitive && !reduced_relative) continue;
    // (A participle with its own subject or marker is a clause of its own.)
    bool own_words = false;
    for (int k = 0; k < p; ++k)
      own_words |= a_.head[k] == p && (a_.rel[k].starts_with("nsubj") || a_.rel[k] == "mark");
    if (own_words) continue;
    int verb = a_.head[inf];
    if (verb >= 0 && a_.rel[inf] == "acl") {
      // (Or of the noun of a purpose phrase: "rallied in a bid to force Thaksin from office,
      // accusing him of corruption".)
      if (a_.rel[verb] != "obj" && a_.rel[verb] != "dobj" && !(infinitive && a_.rel[verb] == "obl")) continue;
      verb = a_.head[verb];
    }
    if (verb < 0 || !IsVerbal(verb)) continue;
    a_.head[p] = verb;
  }
}

void SentenceCoder::RepairAdjectiveAfterModal() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int t = 1; t + 1 < a_.n; ++t) {
    if (tok[t].xpos != "JJ" || tok[t - 1].xpos != "MD" || tok[t + 1].upos == "ADP") continue;
    if (VerbFormOf({a_.low[t]}).empty()) continue;
    const int modal = t - 1, h = a_.head[modal];
    if (h < 0 || a_.rel[modal] != "aux") continue;
    if (h == t) {
      // The parse kept the clause: its object makes the adjective a verb.
      bool object = false;
      for (int k = t + 1; k < a_.n; ++k) object |= a_.head[k] == t && (a_.rel[k] == "obj" || a_.rel[k] == "dobj");
      if (!object) {
        // (Or the noun phrase after it, left hanging elsewhere: "would free the two fishermen".)
        int n = t + 1;
        for (int guard = 0; guard < 8 && a_.head[n] > n; ++guard) n = a_.head[n];
        if ((tok[n].upos != "NOUN" && tok[n].upos != "PROPN") || (a_.rel[n] != "dep" && a_.rel[n] != "obj")) continue;
        a_.head[n] = t;
        a_.rel[n] = "obj";
      }
    } else {
      // The clause hung from the noun the adjective modifies.
      if (h <= t || a_.head[t] != h || a_.rel[t] != "amod" || (tok[h].upos != "NOUN" && tok[h].upos != "PROPN")) continue;
      for (int k = 0; k < t; ++k)
        if (a_.head[k] == h) a_.head[k] = t;
      a_.head[t] = a_.head[h];
      a_.rel[t] = a_.rel[h];
      a_.head[h] = t;
      a_.rel[h] = "obj";
    }
    Token& verb = Retag(t);
    verb.upos = "VERB";
    verb.xpos = "VB";
  }
}

void SentenceCoder::RepairParticipleInCondition() {
  // "Chavez threatened to halt oil shipments if Washington tried to topple him, accusing the Bush
  // administration of plotting": a participle after a comma at the end of a condition (if,
  // unless) says what the speaker does, not a hypothetical act: it is the adverbial of the verb
  // the condition hangs from.
  const std::vector<Token>& tok = a_.s->tokens;
  for (int p = 2; p < a_.n; ++p) {
    if (tok[p].xpos != "VBG" || a_.low[p - 1] != "," || a_.rel[p] != "advcl" || a_.head[p] < 0) continue;
    // Up from the participle to the clause a condition's marker opens.
    int clause = a_.head[p];
    for (int guard = 0; guard < 4 && clause >= 0; ++guard) {
      bool conditional = false;
      for (int k = 0; k < clause; ++k)
        conditional |= a_.head[k] == clause && a_.rel[k] == "mark" && index_.Is(index_.condition, a_.low[k]);
      if (conditional) break;
      if (a_.rel[clause] != "xcomp" && a_.rel[clause] != "ccomp" && a_.rel[clause] != "conj") {
        clause = -1;
        break;
      }
      clause = a_.head[clause];
    }
    if (clause < 0 || a_.rel[clause] != "advcl" || a_.head[clause] < 0 || clause > p) continue;
    bool own_subject = false;
    for (int k = 0; k < a_.n; ++k) own_subject |= a_.head[k] == p && a_.rel[k].starts_with("nsubj");
    if (own_subject) continue;
    a_.head[p] = a_.head[clause];
  }
}

void SentenceCoder::RepairMislabelledCommaParticiple() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int p = 2; p < a_.n; ++p) {
    const int h = a_.head[p];
    if (h < 0 || h >= p || tok[p].xpos != "VBG" || a_.low[p - 1] != ",") continue;
    const std::string& r = a_.rel[p];
    if (r != "dep" && r != "nmod:poss" && r != "nmod" && r != "obl" && r != "compound") continue;
    if (tok[h].upos != "VERB") continue;
    a_.rel[p] = "advcl";
  }
}

void SentenceCoder::RepairMarkedClauseReadAsParataxis() {
  for (int v = 1; v < a_.n; ++v) {
    const int h = a_.head[v];
    if (h < 0 || h >= v || a_.rel[v] != "parataxis") continue;
    bool marked = false;
    for (int k = h + 1; k < v; ++k) marked |= a_.head[k] == v && a_.rel[k] == "mark" && index_.Is(index_.complementizer, a_.low[k]);
    if (marked) a_.rel[v] = "ccomp";
  }
}

void SentenceCoder::RepairConjunctReadAsComplement() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int v = 2; v < a_.n; ++v) {
    const int h = a_.head[v];
    if (h < 0 || h >= v || a_.rel[v] != "ccomp" || tok[v].upos != "VERB" || tok[h].upos != "VERB") continue;
    int cc = -1, subject = -1;
    for (int k = h + 1; k < v; ++k) {
      if (a_.head[k] != v) continue;
      if (a_.rel[k] == "cc") cc = k;
      else if (a_.rel[k] == "nsubj" && subject < 0) subject = k;
    }
    // The subject before the "and" and a comma right before the "and": no clause of its own.
    if (cc < 0 || subject < 0 || subject > cc || a_.low[cc - 1] != ",") continue;
    if (a_.ChildByHeads(h, {"obj", "dobj"}) >= 0 || a_.ChildByHeads(v, {"mark"}) >= 0) continue;
    a_.head[subject] = h;
    a_.rel[subject] = "obj";
    for (int k = subject + 1; k < cc - 1; ++k)
      if (a_.head[k] == v) a_.head[k] = h;
    a_.rel[v] = "conj";
  }
}

void SentenceCoder::RepairVerbHungFromRootNoun() {
  const std::vector<Token>& tok = a_.s->tokens;
  if (a_.s->is_title) return;
  const int root = SingleRoot();
  if (root < 0 || (tok[root].upos != "NOUN" && tok[root].upos != "PROPN")) return;
  for (int k = 0; k < a_.n; ++k)
    if (a_.head[k] == root && (a_.rel[k] == "cop" || a_.rel[k].starts_with("nsubj"))) return;
  for (int v = root + 1; v < a_.n; ++v) {
    if (a_.head[v] != root || tok[v].upos != "VERB" ||
        (a_.rel[v] != "dep" && a_.rel[v] != "acl" && a_.rel[v] != "parataxis" && a_.rel[v] != "appos"))
      continue;
    int aux = -1;
    for (int k = root + 1; k < v; ++k)
      if (a_.head[k] == v && (a_.rel[k] == "aux" || a_.rel[k] == "aux:pass" || a_.rel[k] == "auxpass") &&
          (tok[k].xpos == "VBD" || tok[k].xpos == "VBZ" || tok[k].xpos == "VBP" || tok[k].xpos == "MD"))
        aux = k;
    // (Or a finite verb of its own right after the noun's phrase, a day or an adverb between:
    // "China on Wednesday strongly condemned a visit".)
    bool finite = tok[v].xpos == "VBD" || tok[v].xpos == "VBZ" || tok[v].xpos == "VBP";
    for (int k = root + 1; k < v && finite; ++k) {
      int g = k;
      for (int guard = 0; guard < a_.n && g >= 0 && g != root && g != v; ++guard) g = a_.head[g];
      finite = (g == root || g == v) && tok[k].upos != "VERB" && tok[k].upos != "AUX" && a_.low[k] != ",";
    }
    if ((aux < 0 && !finite) || a_.ChildByHeads(v, {"nsubj", "nsubj:pass", "nsubjpass"}) >= 0) continue;
    const bool passive = aux >= 0 && (a_.rel[aux] != "aux" || a_.ChildByHeads(v, {"aux:pass", "auxpass"}) >= 0);
    a_.head[v] = -1;
    a_.rel[v] = "root";
    // What follows the verb (an attribution, the full stop) is the verb's.
    for (int k = v + 1; k < a_.n; ++k)
      if (a_.head[k] == root) a_.head[k] = v;
    a_.head[root] = v;
    a_.rel[root] = passive ? "nsubj:pass" : "nsubj";
    return;
  }
}

void SentenceCoder::RepairInfinitiveOnDate() {
  for (int v = 2; v < a_.n; ++v) {
    // A clause on a verb is no noun's clause: "braved freezing temperatures ... to protest against
    // the government" with "to protest" labelled a noun modifier of "braved".
    if (a_.rel[v] == "acl" && a_.head[v] >= 0 && a_.head[v] < v && a_.s->tokens[a_.head[v]].upos == "VERB" &&
        a_.MarkerByHeads(v) == "to") {
      a_.rel[v] = "advcl";
      continue;
    }
    const int date = a_.head[v];
    if (date < 0 || date >= v || a_.rel[v] != "acl" || a_.MarkerByHeads(v) != "to" || !index_.Is(index_.date_word, a_.low[date]))
      continue;
    const int verb = a_.head[date];
    if (verb < 0 || a_.s->tokens[verb].upos != "VERB" || (!IsTemporalRel(a_.rel[date]) && a_.rel[date] != "obl")) continue;
    a_.head[v] = verb;
    a_.rel[v] = "advcl";
  }
}

void SentenceCoder::RepairSubjectOfClauseReadAsPhrase() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int v = 3; v < a_.n; ++v) {
    const int h = a_.head[v];
    const std::string& x = tok[v].xpos;
    if (h < 0 || h >= v || (x != "VBD" && x != "VBZ" && x != "VBP") ||
        (a_.rel[v] != "parataxis" && a_.rel[v] != "dep" && a_.rel[v] != "conj"))
      continue;
    if (a_.ChildByHeads(v, {"nsubj", "nsubj:pass", "nsubjpass", "cc", "mark"}) >= 0) continue;
    // The phrase that ends right before the verb: a noun of h's with a preposition of time.
    int n = v - 1;
    for (int guard = 0; guard < a_.n && n >= 0 && a_.head[n] != h; ++guard) n = a_.head[n];
    if (n < 0 || n >= v || a_.head[n] != h || tok[n].upos != "NOUN" || !a_.rel[n].starts_with("obl")) continue;
    int mark = -1;
    for (int k = h + 1; k < n; ++k)
      if (a_.head[k] == n && a_.rel[k] == "case" && index_.Is(index_.time_preposition, a_.low[k])) mark = k;
    if (mark < 0) continue;
    a_.Attach(v, h, "advcl");
    a_.Attach(mark, v, "mark");
    a_.Attach(n, v, "nsubj");
    return;
  }
}

void SentenceCoder::RepairPrepositionOnCompound() {
  for (int c = 0; c < a_.n; ++c) {
    int h = a_.head[c];
    if (h <= c || a_.rel[c] != "case") continue;
    // Up the name's words to the phrase's head, which comes after them.
    for (int guard = 0; guard < 6 && a_.head[h] > h && (a_.rel[h] == "compound" || a_.rel[h] == "flat"); ++guard)
      h = a_.head[h];
    if (h != a_.head[c]) a_.head[c] = h;
    // A phrase with its preposition is no conjunct of a verb: the verb's oblique.
    const int g = a_.head[h];
    // (Not a nominal clause of its own, with a subject or copula: "..., a senior official said on
    // Saturday" in a UD v1 parse.)
    if (a_.rel[h] == "conj" && g >= 0 && g < c && a_.s->tokens[g].upos == "VERB" &&
        (a_.s->tokens[h].upos == "NOUN" || a_.s->tokens[h].upos == "PROPN") &&
        a_.ChildByHeads(h, {"nsubj", "nsubj:pass", "nsubjpass", "cop"}) < 0)
      a_.rel[h] = "obl";
  }
}

void SentenceCoder::RepairListSplitFromItsPhrase() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int b = 3; b < a_.n; ++b) {
    const int v = a_.head[b];
    if (v < 0 || v >= b || !(a_.rel[b] == "obl" || a_.rel[b] == "nmod" || a_.rel[b] == "obj") ||
        (tok[b].upos != "PROPN" && tok[b].upos != "NOUN") || a_.ChildByHeads(b, {"case"}) >= 0)
      continue;
    // The list's end: a conjunct of b with its "and" or "or".
    int last = -1;
    for (int k = b + 1; k < a_.n; ++k)
      if (a_.head[k] == b && a_.rel[k] == "conj" && a_.ChildByHeads(k, {"cc"}) >= 0) last = k;
    if (last < 0) continue;
    // The phrase before: the verb's oblique with a preposition, ending at a comma right before b's
    // first word.
    int first_word = b;
    while (first_word > 0 && a_.head[first_word - 1] == b && a_.rel[first_word - 1] != "punct") --first_word;
    if (first_word < 2 || a_.low[first_word - 1] != ",") continue;
    int a = first_word - 2;
    for (int guard = 0; guard < a_.n && a >= 0 && a_.head[a] != v; ++guard) a = a_.head[a];
    if (a < 0 || a >= b || !(a_.rel[a] == "obl" || a_.rel[a] == "nmod") || a_.ChildByHeads(a, {"case"}) < 0 ||
        (tok[a].upos != "PROPN" && tok[a].upos != "NOUN"))
      continue;
    a_.Attach(first_word - 1, b, "punct");
    a_.Attach(b, a, "conj");
    for (int k = b + 1; k < a_.n; ++k)
      if (a_.head[k] == b && a_.rel[k] == "conj") a_.head[k] = a;
  }
}

void SentenceCoder::RepairAppositionReadAsSubject() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int v = 5; v < a_.n; ++v) {
    const int h = a_.head[v];
    if (h < 0 || h >= v || a_.rel[v] != "conj" || tok[v].upos != "VERB" || tok[h].upos != "VERB") continue;
    const int subject = a_.ChildByHeads(v, {"nsubj"});
    if (subject < 0 || subject < h || tok[subject].upos != "PROPN") continue;
    // Its words: the name and the words hung from it, between the two commas.
    int first = subject, last = subject;
    for (int k = 0; k < a_.n; ++k)
      if (a_.head[k] == subject && a_.rel[k] != "punct") first = std::min(first, k), last = std::max(last, k);
    if (first < 2 || last + 3 > v || a_.low[first - 1] != "," || a_.low[last + 1] != "," || a_.rel[last + 2] != "cc") continue;
    const int noun = first - 2;
    if (tok[noun].upos != "NOUN" || !a_.InSubtree(noun, h)) continue;
    a_.Attach(subject, noun, "appos");
    a_.Attach(first - 1, subject, "punct");
    a_.Attach(last + 1, subject, "punct");
  }
}

void SentenceCoder::RepairPrepositionalSubjectOfInfinitive() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int v = 3; v < a_.n; ++v) {
    const int g = a_.head[v];
    if (g < 0 || g >= v || tok[g].upos != "VERB") continue;
    int prep = -1, subject = -1, to = -1;
    for (int k = g + 1; k < v; ++k) {
      if (a_.head[k] != v) continue;
      if (a_.rel[k] == "mark" && a_.low[k] == "to") to = k;
      else if ((a_.rel[k] == "mark" || a_.rel[k] == "case") && tok[k].xpos == "IN" && prep < 0) prep = k;
      else if (a_.rel[k].starts_with("nsubj")) subject = k;
    }
    if (prep < 0 || subject < 0 || to < 0 || !(prep < subject && subject < to) || prep != g + 1) continue;
    a_.head[prep] = subject;
    a_.rel[prep] = "case";
    a_.head[subject] = g;
    a_.rel[subject] = "obl";
    a_.rel[v] = "xcomp";
  }
}

void SentenceCoder::RepairNounRootOverPastForm() {
  const std::vector<Token>& tok = a_.s->tokens;
  if (a_.s->is_title) return;
  const int root = SingleRoot();
  if (root < 0 || (tok[root].upos != "NOUN" && tok[root].upos != "PROPN")) return;
  for (int k = 0; k < a_.n; ++k)
    if (a_.rel[k].starts_with("nsubj") || a_.rel[k] == "cop" || tok[k].xpos == "VBZ" || tok[k].xpos == "VBP" ||
        tok[k].xpos == "VBD" || tok[k].xpos == "MD") {
      if (!(tok[k].xpos == "VBD" && a_.rel[k] == "acl")) return;
    }
  // (Only a verb on the subject's own phrase: "Tens of thousands of protesters rallied", not one
  // on a phrase of another preposition: "Police search for a boy feared kidnapped".)
  auto subject_phrase = [&](int t) {
    for (int guard = 0; guard < 8 && t >= 0 && t != root; ++guard, t = a_.head[t])
      if (a_.rel[t] != "compound" && !(a_.rel[t].starts_with("nmod") && a_.MarkerByHeads(t) == "of")) return false;
    return t == root;
  };
  int verb = -1;
  for (int t = root + 1; t < a_.n && verb < 0; ++t) {
    if (a_.rel[t] != "acl" || (tok[t].xpos != "VBN" && tok[t].xpos != "VBD") || !subject_phrase(a_.head[t])) continue;
    bool own_words = HasAgentByHeads(t);  // an agent or auxiliary makes it a true passive relative
    for (int k = 0; k < a_.n; ++k) own_words |= a_.head[k] == t && a_.rel[k].starts_with("aux");
    verb = own_words ? -2 : t;
  }
  if (verb < 0) return;
  Token& past = Retag(verb);
  past.xpos = "VBD";
  past.upos = "VERB";
  for (int k = 0; k < a_.n; ++k)
    if (a_.head[k] == root && (k > verb || a_.rel[k] == "punct")) a_.head[k] = verb;
  a_.head[verb] = -1;
  a_.rel[verb] = "root";
  a_.head[root] = verb;
  a_.rel[root] = "nsubj";
}

void SentenceCoder::RepairPlaceReadAsClauseSubject() {
  // "An earthquake flattened villages across northern Pakistan and Kashmir, killing 18,000
  // people", parsed as an absolute clause "across Pakistan killing ...": no absolute clause opens
  // with a preposition of place, so the place belongs to the verb the participle hangs from and
  // the participle has no subject of its own (it shares the earthquake).
  const std::vector<Token>& tok = a_.s->tokens;
  for (int v = 0; v < a_.n; ++v) {
    const int h = a_.head[v];
    if (h < 0 || tok[v].xpos != "VBG" || a_.rel[v] != "advcl") continue;
    int prep = -1, subject = -1;
    for (int k = 0; k < v; ++k) {
      if (a_.head[k] != v) continue;
      if ((a_.rel[k] == "case" || a_.rel[k] == "mark") && tok[k].upos == "ADP" && index_.Is(index_.locative, a_.low[k]))
        prep = k;
      if (a_.rel[k] == "nsubj") subject = k;
    }
    if (prep < 0 || subject < prep || (tok[subject].upos != "NOUN" && tok[subject].upos != "PROPN")) continue;
    for (int k = prep + 1; k < subject; ++k)
      if (a_.head[k] == v) a_.head[k] = subject;  // "northern"
    a_.head[subject] = h;
    a_.rel[subject] = "obl";
    a_.head[prep] = subject;
    a_.rel[prep] = "case";
  }
}

void SentenceCoder::RepairPrepositionalSubject() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int s2 = 2; s2 < a_.n; ++s2) {
    const int v = a_.head[s2];
    if (v <= s2 || a_.rel[s2] != "nsubj") continue;
    // The preposition before the second subject's phrase, and the first subject before it.
    int first = s2;
    while (first > 0 && a_.head[first - 1] == s2 && a_.rel[first - 1] != "mark" && a_.rel[first - 1] != "case") --first;
    const int prep = first - 1;
    if (prep < 1 || tok[prep].upos != "ADP" || !index_.Is(index_.preposition, a_.low[prep])) continue;
    if (a_.head[prep] != v && a_.head[prep] != s2) continue;
    int s1 = -1;
    for (int k = 0; k < prep; ++k)
      if (a_.head[k] == v && a_.rel[k] == "nsubj") s1 = k;
    if (s1 < 0 || (tok[s1].upos != "NOUN" && tok[s1].upos != "PROPN")) continue;
    bool adjacent = true;
    for (int k = s1 + 1; k < prep; ++k) adjacent &= a_.InSubtree(k, s1);
    if (!adjacent) continue;
    a_.head[s2] = s1;
    a_.rel[s2] = "nmod";
    a_.head[prep] = s2;
    a_.rel[prep] = "case";
  }
}

namespace {
// A finite verb form or modal by its (Penn) tag: the auxiliary of a clause of its own.
bool FiniteTag(const std::string& xpos) { return xpos == "VBZ" || xpos == "VBP" || xpos == "VBD" || xpos == "MD"; }
}  // namespace

int SentenceCoder::SingleRoot() const {
  int root = -1;
  for (int t = 0; t < a_.n; ++t)
    if (a_.head[t] < 0) {
      if (root >= 0) return -1;
      root = t;
    }
  return root;
}

void SentenceCoder::RepairFiniteConjunctOfNonFinite() {
  // "returned to help end weeks of fighting in Najaf and is calling on his followers": a verb with
  // its own finite auxiliary and no subject is no conjunct of a participle or infinitive below
  // the clause; it shares the subject of the nearest clause above that has one.
  const std::vector<Token>& tok = a_.s->tokens;
  auto has_child = [&](int v, auto pred) {
    for (int k = 0; k < a_.n; ++k)
      if (a_.head[k] == v && pred(k)) return true;
    return false;
  };
  auto finite_aux = [&](int k) {
    return (a_.rel[k] == "aux" || a_.rel[k] == "aux:pass") && FiniteTag(tok[k].xpos);
  };
  auto subject = [&](int k) { return a_.rel[k].starts_with("nsubj") || a_.rel[k].starts_with("csubj"); };
  for (int v = 0; v < a_.n; ++v) {
    int h = a_.head[v];
    if (h < 0 || a_.rel[v] != "conj" || tok[v].upos != "VERB" || tok[h].upos != "VERB") continue;
    if (a_.rel[h] != "acl" && a_.rel[h] != "advcl" && a_.rel[h] != "xcomp") continue;
    if (has_child(v, subject) || has_child(h, finite_aux) || has_child(h, subject)) continue;
    // ", accusing the company of ...": a participle after a comma, without "and", is an adjunct
    // of the clause, not a conjunct of the participle before it.
    bool adjunct = tok[v].xpos == "VBG" && v > 0 && a_.low[v - 1] == "," && !has_child(v, [&](int k) { return a_.rel[k] == "cc"; });
    if (!adjunct && !has_child(v, finite_aux)) continue;
    int g = a_.head[h];
    for (int guard = 0; g >= 0 && guard < a_.n; ++guard) {
      if (tok[g].upos == "VERB" && (a_.head[g] < 0 || has_child(g, subject))) break;
      g = a_.head[g];
    }
    if (g < 0 || g > v) continue;
    a_.head[v] = g;
    if (adjunct) a_.rel[v] = "advcl";
  }
  // "... packed Martyrs' Square in Beirut on Monday, demanding that Syria withdraw": a participle
  // after a comma hung from a noun of the clause is the clause's adjunct too.
  for (int v = 1; v < a_.n; ++v) {
    int h = a_.head[v];
    if (h < 0 || tok[v].xpos != "VBG" || a_.low[v - 1] != "," || (tok[h].upos != "NOUN" && tok[h].upos != "PROPN")) continue;
    if (a_.rel[v] != "parataxis" && a_.rel[v] != "dep" && a_.rel[v] != "conj") continue;
    if (has_child(v, subject) || has_child(v, [&](int k) { return a_.rel[k] == "cc"; })) continue;
    int g = h;
    for (int guard = 0; g >= 0 && guard < a_.n; ++guard) {
      if (tok[g].upos == "VERB" && has_child(g, subject)) break;
      g = a_.head[g];
    }
    if (g < 0 || g > v) continue;
    a_.head[v] = g;
    a_.rel[v] = "advcl";
  }
}

void SentenceCoder::RepairSubjectListReadAsRoot() {
  const std::vector<Token>& tok = a_.s->tokens;
  const int root = SingleRoot();
  if (root < 0 || (tok[root].upos != "NOUN" && tok[root].upos != "PROPN")) return;
  for (int v = root + 1; v < a_.n; ++v) {
    if (a_.head[v] != root || a_.rel[v] != "conj" || tok[v].upos != "VERB") continue;
    int subj = -1, cc = -1;
    for (int k = root + 1; k < v; ++k) {
      if (a_.head[k] == v && a_.rel[k].starts_with("nsubj")) subj = k;
      if ((a_.head[k] == v || a_.head[k] == root) && a_.rel[k] == "cc" && cc < 0) cc = k;
    }
    if (subj < 0 || cc < 0 || cc > subj) return;
    // Only names and nouns between the root and the verb's subject: "Iran and the EU".
    for (int k = root + 1; k < cc; ++k)
      if (a_.head[k] != root || a_.rel[k] == "punct") return;
    for (int k = 0; k < a_.n; ++k)
      if (a_.head[k] == root && k > subj) a_.head[k] = v;
    a_.head[v] = -1;
    a_.rel[v] = "root";
    a_.head[root] = v;
    a_.rel[root] = a_.rel[subj];
    a_.head[subj] = root;
    a_.rel[subj] = "conj";
    a_.head[cc] = subj;
    return;
  }
}

void SentenceCoder::RepairPossessorReadAsList() {
  const std::vector<Token>& tok = a_.s->tokens;
  // The "and" of list item y, between the first item x and y; -1 when none.
  auto cc_between = [&](int x, int y) {
    for (int k = x + 1; k < y; ++k)
      if (a_.head[k] == y && a_.rel[k] == "cc") return k;
    return -1;
  };
  for (int p = 1; p < a_.n; ++p) {
    if (a_.rel[p] != "case" || (a_.low[p] != "'s" && a_.low[p] != "'")) continue;
    // Or left on the list's last item, the possessed name read as a second subject ("Putin and
    // Ukraine's President Leonid Kuchma held talks").
    if (const int y = a_.head[p]; y >= 0 && y == p - 1 && a_.rel[y] == "conj" && a_.head[y] >= 0 &&
                                  a_.rel[a_.head[y]].starts_with("nsubj")) {
      const int x = a_.head[y], verb = a_.head[x];
      int n = -1;
      for (int k = p + 1; k < a_.n && k < p + 6 && n < 0; ++k)
        if (a_.head[k] == verb && a_.rel[k] == a_.rel[x] && tok[k].upos == "PROPN") n = k;
      const int cc = cc_between(x, y);
      if (verb >= 0 && n >= 0 && cc >= 0) {
        a_.Attach(n, x, "conj");
        a_.Attach(cc, n, "cc");
        a_.Attach(y, n, "nmod:poss");
      }
      continue;
    }
    const int x = a_.head[p];
    if (x < 0 || x >= p - 1 || a_.rel[x] != "nmod:poss") continue;
    const int n = a_.head[x];
    if (n <= p) continue;
    // The list's last item ends right before the possessive.
    int y = -1;
    for (int k = x + 1; k < p; ++k)
      if (a_.head[k] == x && a_.rel[k] == "conj" && a_.InSubtree(p - 1, k)) y = k;
    if (y < 0) continue;
    // The possessed phrase names a person ("opposition leader Lien Chan", "President Chen").
    bool names_person = tok[n].upos == "PROPN";
    for (int k = n + 1; k < a_.n && !names_person; ++k)
      names_person = tok[k].upos == "PROPN" && (a_.rel[k] == "appos" || a_.rel[k] == "flat") && a_.InSubtree(k, n);
    if (!names_person) continue;
    const int cc = cc_between(x, y);
    if (cc < 0) continue;
    if (a_.head[n] < 0) {
      a_.head[x] = -1;
      a_.rel[x] = "root";
    } else {
      a_.Attach(x, a_.head[n], a_.rel[n].c_str());
    }
    a_.Attach(n, x, "conj");
    a_.Attach(cc, n, "cc");
    a_.Attach(y, n, "nmod:poss");
    a_.Attach(p, y, "case");
  }
}

void SentenceCoder::RepairPairListInPhrase() {
  for (int n = 0; n < a_.n; ++n) {
    bool pair = false, listed = false;
    for (int k = 0; k < a_.n; ++k) {
      if (a_.head[k] != n) continue;
      pair |= a_.rel[k] == "case" && index_.Is(index_.pair_preposition, a_.low[k]);
      listed |= a_.rel[k] == "conj";
    }
    if (!pair) continue;
    if (listed) {
      // A headline's comma for "and" ("between Israel, Syria", the comma list already joined).
      bool has_cc = false;
      for (int k = 0; k < a_.n; ++k)
        has_cc |= a_.rel[k] == "cc" && (a_.head[k] == n || (a_.head[k] >= 0 && a_.head[a_.head[k]] == n));
      for (int k = n + 2; k < a_.n && !has_cc; ++k)
        if (a_.head[k] == n && a_.rel[k] == "conj" && a_.low[k - 1] == ",") {
          a_.head[k - 1] = k;
          a_.rel[k - 1] = "cc";
          has_cc = true;
        }
      continue;
    }
    // Or hung from the phrase's head right after the first party ("talks between X of Y and
    // rebels" with "rebels" a conjunct of "talks").
    int last = n;
    for (int k = n + 1; k < a_.n; ++k) {
      int a = k;
      for (int guard = 0; a >= 0 && a != n && guard < a_.n; ++guard) a = a_.head[a];
      if (a == n) last = k;
    }
    if (int g = a_.head[n], c = last + 1 < a_.n && a_.rel[last + 1] == "cc" ? a_.head[last + 1] : -1;
        g >= 0 && c > last && a_.head[c] == g && a_.rel[c] == "conj") {
      a_.head[c] = n;
      continue;
    }
    // Or read as a second subject of the verb ("Talks between India and Pakistan will start":
    // Pakistan as a subject of "start" beside "Talks").
    if (last + 2 < a_.n && a_.rel[last + 1] == "cc") {
      int y = last + 2;
      for (int guard = 0; guard < 4 && a_.head[y] > y && a_.head[y] < a_.n && a_.rel[y] != "nsubj"; ++guard) y = a_.head[y];
      const int verb = a_.head[y];
      bool other_subject = false;
      for (int k = 0; k < a_.n && verb >= 0; ++k)
        other_subject |= k != y && a_.head[k] == verb && a_.rel[k].starts_with("nsubj") && a_.InSubtree(n, k);
      if (a_.rel[y] == "nsubj" && other_subject &&
          (a_.s->tokens[y].upos == "PROPN" || a_.s->tokens[y].upos == "NOUN")) {
        a_.Attach(y, n, "conj");
        a_.Attach(last + 1, y, "cc");
        continue;
      }
    }
    // A headline's comma for "and" ("mediates between Israel, Syria"), read as an apposition.
    // The second party may also come hung from the verb ("parataxis").
    int own_last = n;  // the first party's last word, without an apposition
    for (int k = n + 1; k < a_.n; ++k) {
      int a = k;
      bool through_appos = false;
      for (int guard = 0; a >= 0 && a != n && guard < a_.n; ++guard) {
        through_appos |= a_.head[a] == n && a_.rel[a] == "appos";
        a = a_.head[a];
      }
      if (a == n && !through_appos && a_.low[k] != ",") own_last = k;
    }
    if (int k = own_last + 1 < a_.n && a_.low[own_last + 1] == "," ? a_.head[own_last + 1] : -1;
        k > own_last + 1 && (a_.head[k] == n || a_.head[k] == a_.head[n]) &&
        (a_.rel[k] == "appos" || a_.rel[k] == "parataxis" || a_.rel[k] == "dep") &&
        (a_.s->tokens[k].upos == "PROPN" || a_.s->tokens[k].upos == "NOUN")) {
      a_.head[k] = n;
      a_.rel[k] = "conj";
      a_.rel[own_last + 1] = "cc";  // the comma stands for the "and"
      continue;
    }
    for (int m = n + 1; m < a_.n; ++m) {
      if (a_.head[m] != n || !a_.rel[m].starts_with("nmod")) continue;
      for (int c = m + 1; c < a_.n; ++c)
        if (a_.head[c] == m && a_.rel[c] == "conj") {
          a_.head[c] = n;
          break;
        }
    }
  }
}

void SentenceCoder::RepairObjectListReadAsClause() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int c = 2; c < a_.n; ++c) {
    const int v = a_.head[c];
    if (v < 0 || v >= c || a_.rel[c] != "conj" || tok[v].upos != "VERB" ||
        (tok[c].upos != "NOUN" && tok[c].upos != "PROPN"))
      continue;
    // The verb's object right before, then "and" (hung from c), then c's own words.
    int object = -1;
    for (int k = v + 1; k < c; ++k)
      if (a_.head[k] == v && (a_.rel[k] == "obj" || a_.rel[k] == "dobj" || a_.rel[k] == "iobj")) object = k;
    if (object < 0) continue;
    bool joined = false, adjacent = true;
    for (int k = object + 1; k < c && adjacent; ++k) {
      int a = k;
      for (int guard = 0; a >= 0 && a != c && a != object && guard < a_.n; ++guard) a = a_.head[a];
      adjacent = a == c || a == object;
      joined |= a_.rel[k] == "cc" && a_.head[k] == c;
    }
    // (A bare noun phrase: "coup and assassination attempts against its leaders" is a list of its own.)
    bool bare = true;
    for (int k = c + 1; k < a_.n; ++k) bare &= a_.head[k] != c || !IsNominalRel(a_.rel[k]);
    if (!joined || !adjacent || !bare) continue;
    a_.head[c] = object;
  }
}

void SentenceCoder::RepairClauseReadAsPhrase() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int v = 2; v < a_.n; ++v) {
    const int h = a_.head[v];
    if (h <= v || a_.rel[v] != "amod" || tok[v].upos != "VERB" || (tok[v].xpos != "VBN" && tok[v].xpos != "VBD")) continue;
    const int s = v - 1;
    if ((tok[s].upos != "NOUN" && tok[s].upos != "PROPN") || a_.head[s] != h || a_.head[h] < 0) continue;
    // The phrase's subordinating preposition, before the subject's words.
    int mark = -1;
    for (int k = 0; k < s; ++k)
      if (a_.head[k] == h && a_.rel[k] == "case" && index_.Is(index_.time_preposition, a_.low[k])) mark = k;
    if (mark < 0) continue;
    // Every word between the mark and the verb belongs to the subject's phrase.
    bool subject_phrase = true;
    for (int k = mark + 1; k < s && subject_phrase; ++k) {
      int a = k;
      for (int guard = 0; a >= 0 && a != s && a != h && guard < a_.n; ++guard) a = a_.head[a];
      subject_phrase = a == s || (a == h && a_.rel[k] != "case");
    }
    if (!subject_phrase) continue;
    for (int k = mark + 1; k < s; ++k)
      if (a_.head[k] == h) a_.head[k] = s;
    a_.Attach(v, a_.head[h], "advcl");
    a_.Attach(mark, v, "mark");
    a_.Attach(s, v, "nsubj");
    a_.Attach(h, v, "obj");
    for (int k = h + 1; k < a_.n; ++k)
      if (a_.head[k] == h && IsNominalRel(a_.rel[k])) {
        a_.head[k] = v;
        a_.rel[k] = "obl";
      }
    return;
  }
}

void SentenceCoder::RepairClauseReadAsConjunct() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int v = 3; v < a_.n; ++v) {
    const int g = a_.head[v];
    if (g < 0 || g >= v || a_.rel[v] != "conj" || tok[v].upos != "VERB") continue;
    const std::string& x = tok[v].xpos;
    if (x != "VBD" && x != "VBZ" && x != "VBP") continue;
    bool joined = false, has_subject = false;
    for (int k = g + 1; k < a_.n; ++k) {
      if (a_.head[k] != v) continue;
      if (k < v && (a_.rel[k] == "cc" || a_.rel[k] == "punct")) joined = true;
      if (a_.rel[k] == "nsubj" || a_.rel[k] == "nsubj:pass") has_subject = true;
    }
    if (joined || has_subject) continue;
    // The phrase that ends right before the verb: an oblique of the verb's governor.
    int n = v - 1;
    for (int guard = 0; guard < a_.n && n >= 0 && n < v && a_.head[n] != g; ++guard) n = a_.head[n];
    if (n < 0 || n >= v || a_.head[n] != g || a_.rel[n] != "obl" || (tok[n].upos != "NOUN" && tok[n].upos != "PROPN")) continue;
    int mark = -1;
    for (int k = 0; k < n; ++k)
      if (a_.head[k] == n && a_.rel[k] == "case") mark = k;
    if (mark < 0 || !index_.Is(index_.time_preposition, a_.low[mark])) continue;
    a_.Attach(v, g, "advcl");
    a_.Attach(mark, v, "mark");
    a_.Attach(n, v, "nsubj");
  }
}

void SentenceCoder::RepairNounReadAsClauseHead() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int n = 0; n + 2 < a_.n; ++n) {
    if ((tok[n].upos != "NOUN" && tok[n].upos != "PROPN") ||
        !(a_.rel[n] == "root" || a_.rel[n] == "ccomp" || a_.rel[n] == "parataxis"))
      continue;
    const int v = n + 1;
    if (tok[v].upos != "VERB" || (tok[v].xpos != "VBD" && tok[v].xpos != "VBN") || a_.rel[v] != "amod") continue;
    const int o = a_.head[v];
    if (o <= v || a_.head[o] != n || (a_.rel[o] != "obj" && a_.rel[o] != "dobj")) continue;
    a_.head[v] = a_.head[n];
    a_.rel[v] = a_.rel[n];
    for (int k = v + 1; k < a_.n; ++k)
      if (a_.head[k] == n) a_.head[k] = v;
    a_.head[n] = v;
    a_.rel[n] = "nsubj";
    // The clause's own words before the noun ("that", "will") belong to the verb too.
    for (int k = 0; k < n; ++k)
      if (a_.head[k] == n && (a_.rel[k] == "mark" || a_.rel[k] == "aux")) a_.head[k] = v;
    return;
  }
}

void SentenceCoder::RepairListedAdjectiveReadAsHead() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int t = 0; t < a_.n; ++t) {
    int h = a_.head[t];
    if (h < 0 || tok[t].upos != "ADJ" || !IsNominalRel(a_.rel[t])) continue;
    // The noun after the list: a conjunct of the same head, its "and" right after t.
    if (t + 1 >= a_.n || tok[t + 1].upos != "CCONJ") continue;
    int noun = a_.head[t + 1];
    if (noun <= t + 1 || a_.head[noun] != h || a_.rel[noun] != "conj" || tok[noun].upos != "NOUN") continue;
    // Everything between hangs inside the noun's phrase.
    bool inside = true;
    for (int k = t + 2; k < noun && inside; ++k) {
      int g = k;
      for (int guard = 0; g >= 0 && g != noun && guard < a_.n; ++guard) g = a_.head[g];
      inside = g == noun;
    }
    bool has_kids = false;
    for (int k = 0; k < a_.n; ++k) has_kids |= a_.head[k] == t && a_.rel[k] != "case" && a_.rel[k] != "det";
    if (!inside || has_kids) continue;
    for (int k = 0; k < a_.n; ++k)
      if (a_.head[k] == t) a_.head[k] = noun;
    a_.head[noun] = h;
    a_.rel[noun] = a_.rel[t];
    a_.head[t] = noun;
    a_.rel[t] = "amod";
  }
}

void SentenceCoder::RepairPluralObjectReadAsVerb() {
  const std::vector<Token>& tok = a_.s->tokens;
  if (a_.s->is_title) return;
  for (int p = 3; p < a_.n; ++p) {
    if (tok[p].xpos != "VBZ" || !a_.low[p].ends_with("s")) continue;
    // The parse's root, or a clause of a root noun ("Police" with "suspects" its complement).
    if (a_.head[p] >= 0 && (a_.head[a_.head[p]] >= 0 || tok[a_.head[p]].upos != "NOUN")) continue;
    const int n = p - 1, v = p - 2;
    if (a_.head[n] != p || !a_.rel[n].starts_with("nsubj") || tok[n].upos != "NOUN") continue;
    if (a_.head[v] != n || a_.rel[v] != "amod" || (tok[v].xpos != "VBN" && tok[v].xpos != "VBD")) continue;
    if (tok[v - 1].upos != "NOUN" && tok[v - 1].upos != "PROPN") continue;
    bool own_verb_words = false;
    for (int k = 0; k < a_.n; ++k)
      own_verb_words |= a_.head[k] == p && (a_.rel[k].starts_with("aux") || a_.rel[k] == "obj" || a_.rel[k] == "dobj" || a_.rel[k] == "cop");
    if (own_verb_words) continue;
    Token& noun = Retag(p);
    noun.upos = "NOUN";
    noun.xpos = "NNS";
    a_.rel[n] = "compound";
    a_.head[v] = p;
    for (int k = p + 1; k < a_.n; ++k)
      if (a_.head[k] == p && a_.rel[k] == "obl") a_.rel[k] = "nmod";
    return;
  }
}

void SentenceCoder::RepairPluralReadAsVerb() {
  const std::vector<Token>& tok = a_.s->tokens;
  if (a_.s->is_title || a_.n < 4) return;
  const int root = SingleRoot();
  if (root < 0 || tok[root].upos == "VERB" || tok[root].upos == "AUX") return;
  for (int k = 0; k < a_.n; ++k)
    if (FiniteTag(tok[k].xpos)) return;
  for (int v = 1; v + 1 < a_.n; ++v) {
    if (tok[v].xpos != "NNS" || !a_.low[v].ends_with("s")) continue;
    if (tok[v - 1].upos != "NOUN" && tok[v - 1].upos != "PROPN") continue;
    if (tok[v + 1].upos != "ADP") continue;
    // A verb whose own patterns take that preposition right after it ("call for").
    const std::string& next = a_.low[v + 1];
    std::string stem = VerbFormOf({a_.lem[v], KnownVerbStem(a_.low[v])}, [&](const VerbBlock& block, const VerbForm& form) {
      if (!form.after.empty() && form.after.front() == next) return true;
      return std::any_of(block.patterns.begin(), block.patterns.end(), [&](const VerbPattern& p) {
        return !p.post_preps.empty() && p.post_preps.front().preposition == next;
      });
    });
    if (stem.empty()) continue;
    // The subject: the highest word above it that comes before it.
    int subject = -1;
    for (int t = a_.head[v], guard = 0; t >= 0 && guard < a_.n; t = a_.head[t], ++guard)
      if (t < v) subject = t;
    if (subject < 0) continue;
    // The words before it that hang from it end the phrase it was read in: their last noun
    // takes its place there ("released by bin Laden's deputy").
    int last_noun = -1;
    for (int k = 0; k < v; ++k)
      if (a_.head[k] == v && (tok[k].upos == "NOUN" || tok[k].upos == "PROPN")) last_noun = k;
    if (last_noun >= 0 && a_.head[v] != subject) {
      for (int k = 0; k < v; ++k)
        if (a_.head[k] == v && k != last_noun) a_.head[k] = last_noun;
      a_.head[last_noun] = a_.head[v];
      a_.rel[last_noun] = a_.rel[v];
    }
    for (int k = v + 1; k < a_.n; ++k)
      if (a_.head[k] == v && a_.rel[k].starts_with("nmod")) a_.rel[k] = "obl";
    Token& verb = Retag(v);
    verb.upos = "VERB";
    verb.xpos = "VBZ";
    verb.lemma = stem;
    a_.lem[v] = stem;
    a_.head[v] = -1;
    a_.rel[v] = "root";
    a_.head[subject] = v;
    a_.rel[subject] = "nsubj";
    if (root != subject) {
      a_.head[root] = v;
      if (tok[root].upos == "ADV") a_.rel[root] = "advmod";
      else if (tok[root].upos == "PUNCT") a_.rel[root] = "punct";
      else a_.rel[root] = "dep";
    }
    return;
  }
}

void SentenceCoder::RepairChargedReadAsRoot() {
  const std::vector<Token>& tok = a_.s->tokens;
  const int v = SingleRoot();
  if (v < 0 || (tok[v].xpos != "VBD" && tok[v].xpos != "VBN")) return;
  int subject = -1, first_subject = -1, gerund = -1, clause = -1, conjunct = -1;
  for (int k = 0; k < a_.n; ++k) {
    if (a_.head[k] != v) continue;
    if (k < v && a_.rel[k] == "nsubj") {
      if (first_subject < 0) first_subject = k;
      subject = k;
    }
    if (k > v && a_.rel[k] == "ccomp" && clause < 0) clause = k;
    if (k > v && a_.rel[k] == "conj" && tok[k].upos == "VERB" && conjunct < 0) conjunct = k;
    if (k > v && tok[k].xpos == "VBG" && gerund < 0)
      for (int m = v + 1; m < k; ++m)
        if (a_.head[m] == k && (a_.rel[m] == "mark" || a_.rel[m] == "case") && index_.Is(index_.allegation_marker, a_.low[m]))
          gerund = k;
  }
  if (subject < 0) return;
  // The sentence's verb becomes the root with its subject; the participle modifies its noun and
  // leaves what follows the new root to it.
  auto make_main = [&](int main, int main_subject) {
    a_.head[main] = -1;
    a_.rel[main] = "root";
    a_.head[main_subject] = main;
    a_.head[v] = subject;
    a_.rel[v] = "acl";
    for (int k = 0; k < a_.n; ++k)
      if (a_.head[k] == v && k > main) a_.head[k] = main;
  };
  // "Three Americans accused of running a jail in Kabul were arrested", "two Britons charged with
  // spying were released": one subject, the charged verb without an object of its own, and a
  // finite verb after the charge joined without "and", a subordinator or a subject: that verb
  // is the sentence's, and the subject its own.
  if (first_subject == subject) {
    int charge = -1, later = -1;
    for (int k = v + 1; k < a_.n; ++k) {
      if (a_.head[k] == v && (a_.rel[k] == "obj" || a_.rel[k] == "dobj")) return;
      if (charge < 0) {
        if (a_.head[k] != v) continue;
        for (int m = v + 1; m < k; ++m)
          if (a_.head[m] == k && (a_.rel[m] == "mark" || a_.rel[m] == "case") && index_.Is(index_.allegation_marker, a_.low[m]))
            charge = k;
      } else if (later < 0 && tok[k].upos == "VERB" && (a_.head[k] == v || a_.head[k] == charge) &&
                 (a_.rel[k] == "conj" || a_.rel[k] == "advcl" || a_.rel[k] == "xcomp")) {
        later = k;
      }
    }
    if (charge >= 0 && later >= 0) {
      bool own_clause = false, passive_main = false;
      // (An allegation verb without its object is a participle: a past form after it is the
      // sentence's verb however it was tagged, "the trial of X accused of Y resumed".)
      bool finite = FiniteTag(tok[later].xpos) ||
                    (tok[later].xpos == "VBN" && (index_.Is(index_.allegation_verb, a_.lem[v]) || index_.Is(index_.allegation_verb, a_.low[v])));
      for (int k = 0; k < a_.n; ++k) {
        if (a_.head[k] != later) continue;
        own_clause |= a_.rel[k] == "cc" || a_.rel[k] == "mark" || a_.rel[k].starts_with("nsubj");
        passive_main |= a_.rel[k] == "aux:pass" || a_.rel[k] == "auxpass";
        finite |= (a_.rel[k] == "aux" || a_.rel[k] == "aux:pass" || a_.rel[k] == "auxpass") && FiniteTag(tok[k].xpos);
      }
      if (!own_clause && finite) {
        for (int k = later + 1; k < a_.n; ++k)
          if (a_.head[k] == charge) a_.head[k] = later;
        make_main(later, subject);
        a_.rel[subject] = passive_main ? "nsubj:pass" : "nsubj";
        // The participle belongs to the noun right before it ("the trial of three Americans
        // accused of ...": the Americans are accused).
        const int noun = v - 1;
        if (noun > subject && (tok[noun].upos == "NOUN" || tok[noun].upos == "PROPN") && a_.InSubtree(noun, subject))
          a_.head[v] = noun;
        return;
      }
    }
  }
  if (gerund < 0 || tok[v].xpos != "VBD") return;
  // "A lawyer for one of three Americans accused of torturing prisoners showed a video": two
  // subjects, and a verb after the gerund joined without "and" is the sentence's.
  if (first_subject >= 0 && first_subject != subject && conjunct > gerund) {
    for (int k = 0; k < a_.n; ++k)
      if (a_.head[k] == conjunct && (a_.rel[k] == "cc" || a_.rel[k].starts_with("nsubj"))) return;
    int owner = -1;  // the word of the first subject's phrase the participle's noun follows
    for (int k = subject - 1; k > first_subject && owner < 0; --k)
      if (a_.InSubtree(k, first_subject) && a_.rel[k] != "case" && a_.rel[k] != "det" && a_.rel[k] != "punct") owner = k;
    if (owner < 0) return;
    make_main(conjunct, first_subject);
    a_.head[subject] = owner;
    a_.rel[subject] = "nmod";
    return;
  }
  if (clause < 0 || clause < gerund) return;
  // The later clause is finite, with its own subject after the gerund ("prisoners are set").
  int inner_subject = -1;
  bool finite = false;
  for (int k = 0; k < a_.n; ++k) {
    if (a_.head[k] != clause) continue;
    if (a_.rel[k].starts_with("nsubj") && k > gerund && k < clause) inner_subject = k;
    if ((a_.rel[k] == "cop" || a_.rel[k] == "aux" || a_.rel[k] == "aux:pass") && FiniteTag(tok[k].xpos)) finite = true;
  }
  if (inner_subject < 0 || !finite) return;
  make_main(clause, subject);
  a_.head[inner_subject] = gerund;
  a_.rel[inner_subject] = "obj";
}

void SentenceCoder::RepairVerblessClause() {
  const std::vector<Token>& tok = a_.s->tokens;
  int root = -1;
  for (int i = 0; i < a_.n; ++i)
    if (a_.head[i] < 0 && a_.rel[i] == "root") root = i;
  if (root < 0 || (tok[root].upos != "NOUN" && tok[root].upos != "PROPN")) return;
  bool finite_anywhere = false;
  for (int t = 0; t < a_.n; ++t)
    finite_anywhere |= (tok[t].upos == "VERB" || tok[t].upos == "AUX") &&
                       (tok[t].xpos == "VBD" || tok[t].xpos == "VBZ" || tok[t].xpos == "VBP" || tok[t].xpos == "MD");
  for (int v = 1; v < a_.n; ++v) {
    const std::string& x = tok[v].xpos;
    const std::string& r = a_.rel[v];
    // A finite verb inside a noun phrase; or a participle between two nouns, as an adjective of
    // the second ("forces battled insurgents"), which English writes only with a determiner, or
    // as a relative clause with an object ("troops fought pitched battles").
    bool finite = x == "VBD" || x == "VBZ" || x == "VBP";
    // A participle with a direct object is active, not a reduced relative ("troops sent there").
    bool has_object = false;
    for (int t = v + 1; t < a_.n; ++t) has_object |= a_.head[t] == v && (a_.rel[t] == "obj" || a_.rel[t] == "dobj");
    // Or a noun phrase right after it that the parser hung elsewhere ("troops fought pitched
    // battles" with "battles" tagged a verb and joined to the subject).
    // (After a word of the verb's own: "troops shot dead a Palestinian gunman", "gunned down".)
    int loose_object = -1;
    int after = v + 1;
    if (after < a_.n && a_.head[after] == v && (a_.rel[after] == "xcomp" || a_.rel[after] == "compound:prt")) ++after;
    if (r == "acl" && !has_object && after + 1 < a_.n) {
      int p = a_.head[after];
      const Token& w = tok[after];
      bool starts_phrase = w.upos == "DET" || w.upos == "ADJ" || w.upos == "NUM" || (w.xpos == "VBN" && a_.rel[after] == "amod");
      if (starts_phrase && p > after && p < a_.n && (tok[p].upos == "NOUN" || (tok[p].xpos == "VBZ" && a_.low[p].ends_with("s"))) &&
          a_.head[p] != v)
        loose_object = p;
    }
    // (Also before a compound or a name: "Insurgents attacked police stations", "Sudan on
    // Tuesday rejected United Nations demands".)
    bool before_noun = r == "amod" && a_.head[v] > v;
    for (int t = v + 1; before_noun && t < a_.head[v]; ++t)
      before_noun = a_.head[t] > v && a_.head[t] <= a_.head[v] &&
                    (tok[t].upos == "PROPN" || tok[t].xpos == "NNP" || tok[t].xpos == "NNPS" || (a_.head[t] == a_.head[v] && a_.rel[t] == "compound" && tok[t].upos == "NOUN"));
    // Or, in prose without a finite verb, a regular past right after the subject's phrase: "Thousands
    // of Serbs protested in Belgrade" read as a reduced relative of "Thousands" (a headline's
    // participle stays passive: "10 Iraqis Killed in Attack").
    // Prose ends with its full stop, and an agent right after the verb keeps it passive ("US
    // hostage killed by Iraqi captors").
    // (Or of the subject's last listed item: "Israeli troops and Hamas militants clashed in Gaza".)
    const bool of_subject = a_.head[v] == root || (a_.head[v] >= 0 && a_.rel[a_.head[v]] == "conj" && a_.head[a_.head[v]] == root);
    bool prose_past = r == "acl" && of_subject && !a_.s->is_title && a_.low[v].ends_with("ed") && !finite_anywhere &&
                      a_.low[a_.n - 1] == "." && !(v + 1 < a_.n && index_.Is(index_.agent_preposition, a_.low[v + 1]));
    for (int t = 0; prose_past && t < a_.n; ++t)
      prose_past = !(a_.head[t] == v && (a_.rel[t] == "aux" || a_.rel[t] == "aux:pass" || a_.rel[t] == "auxpass" || a_.rel[t] == "cop"));
    bool participle = x == "VBN" && (before_noun || prose_past || (r == "acl" && (has_object || loose_object >= 0)));
    if (tok[v].upos != "VERB" || !(finite || participle)) continue;
    bool nominal_rel = r == "nmod" || r == "obl" || r == "obj";
    if (r != "amod" && r != "acl" && r != "compound" && r != "dep" && r != "appos" && !(finite && nominal_rel)) continue;
    bool has_subject = false, verb_above = false;
    for (int t = 0; t < a_.n; ++t)
      if (a_.head[t] == v && a_.rel[t].starts_with("nsubj")) has_subject = true;
    for (int g = a_.head[v], guard = 0; g >= 0 && guard < a_.n; g = a_.head[g], ++guard)
      verb_above |= tok[g].upos == "VERB" || tok[g].upos == "AUX";
    if (verb_above) continue;
    if (has_subject) {
      // "Supporters of X's President Y criticized on Tuesday a UN decision" parsed with
      // "decision" the root: the verb keeps its subject and takes the root as its object.
      if (!finite || root < v) continue;
      a_.head[v] = -1;
      a_.rel[v] = "root";
      a_.head[root] = v;
      a_.rel[root] = has_object ? "obl" : "obj";
      return;
    }
    if (tok[v - 1].upos != "NOUN" && tok[v - 1].upos != "PROPN") continue;
    // The phrase before the verb: its top word that still lies before it.
    int subject = v - 1;
    for (int guard = 0; guard < a_.n && a_.head[subject] >= 0 && a_.head[subject] < v; ++guard)
      subject = a_.head[subject];
    int old_head = a_.head[v];
    for (int t = v + 1; t < a_.n; ++t) {
      if (a_.head[t] < 0 || a_.head[t] >= v) continue;
      a_.head[t] = v;
      if (a_.rel[t] == "nmod") a_.rel[t] = "obl";
    }
    if (old_head > v) {
      a_.head[old_head] = v;
      a_.rel[old_head] = "obj";
      // The clause's own modifiers hung from the noun move up: "..., killing two militants".
      for (int t = old_head + 1; t < a_.n; ++t)
        if (a_.head[t] == old_head && (a_.rel[t] == "advcl" || a_.rel[t] == "parataxis" || a_.rel[t] == "punct"))
          a_.head[t] = v;
    }
    if (loose_object >= 0) {
      a_.head[loose_object] = v;
      a_.rel[loose_object] = "obj";
    }
    // An active verb has no agent: its "by" phrase is an oblique.
    for (int t = v + 1; t < a_.n; ++t)
      if (a_.head[t] == v && (a_.rel[t] == "obl:agent" || a_.rel[t] == "nmod:agent")) a_.rel[t] = "obl";
    a_.head[v] = -1;
    a_.rel[v] = "root";
    a_.head[subject] = v;
    a_.rel[subject] = "nsubj";
    if (root != v && root != subject && root != old_head && a_.head[root] < 0) {
      a_.head[root] = v;
      a_.rel[root] = root > v ? "obl" : "dep";
    }
    return;
  }
}

void SentenceCoder::FindMentions(const NameTrie& index, bool agents) {
  const std::vector<MatchUnit> units = MatchUnits(*a_.s);
  std::vector<int>& at = agents ? a_.agent_at : a_.actor_at;
  auto& mentions = agents ? a_.agent_mentions : a_.actor_mentions;
  at.assign(a_.n, -1);
  for (size_t k = 0; k < units.size();) {
    // The longest name starting here that fits the text's case and has a code at the date.
    size_t matched = 0;
    const NameRef* best = nullptr;
    bool best_has_role = false;
    // Whether a word alone is a whole name of the dictionary ("President", "Iraqi", "administration").
    auto whole_name = [](const NameTrie& names, const std::string& word) {
      int nd = names.Step(0, word);
      return nd >= 0 && !names.nodes[nd].hits.empty();
    };
    int node = 0;
    for (size_t j = k; j < units.size(); ++j) {
      node = index.Step(node, units[j].text);
      if (node < 0) break;
      for (const NameRef& ref : index.nodes[node].hits) {
        bool ok = true;
        if (ref.match_case != ActorName::Case::kAnyCase) {
          const std::string& form = a_.s->tokens[units[k].token].form;
          if (ref.match_case == ActorName::Case::kExact) {
            ok = form == ref.cased;
          } else {
            ok = !form.empty() && std::isupper(static_cast<unsigned char>(form[0]));
          }
        }
        // (In a headline every word is capitalized: there the tagger's proper noun decides.)
        if (ok && ref.surname && j + 1 < units.size() && units[j + 1].token == units[j].token + 1) {
          const Token& next = a_.s->tokens[units[j + 1].token];
          ok = next.form.empty() || !std::isupper(static_cast<unsigned char>(next.form[0])) ||
               (a_.s->is_title && next.upos != "PROPN");
          // Nor before a particle that goes on with the name ("Abdulaziz al-Muqrin").
          if (ok && index_.Is(index_.name_particle, a_.low[units[j + 1].token])) ok = false;
        }
        // Nor, in a headline, when it is a common noun modifying the next, which names no agent or
        // event ("Bird Flu Kills Girl": no Lester Bird; "Bush Administration", "Rice Visit" stay).
        if (ok && ref.surname && a_.s->is_title && j == k && units[k].token + 1 < a_.n) {
          const int t = units[k].token, next = t + 1;
          if (a_.s->tokens[t].upos == "NOUN" && a_.s->tokens[next].upos == "NOUN" && a_.head[t] == next) {
            bool event_noun = false;
            for (const std::string* key : {&a_.lem[next], &a_.low[next]})
              for (const VerbDictionary::FormRef& f : d_.verbs.Find(*key))
                event_noun |= d_.verbs.blocks()[f.block].forms[f.form].nominal;
            ok = event_noun || whole_name(index_.agents, a_.low[next]) || whole_name(index_.agents, a_.lem[next]);
          }
        }
        // Nor, in a headline, a one-word name of a person that the article's body gives as part of
        // another actor's full name ("Indonesia Re-Arrests Cleric Bashir" above "Abu Bakar
        // Bashir": not Omar al-Bashir).
        if (ok && !agents && a_.s->is_title && j == k && Actor(ref.entry).kind == ActorKind::kPerson) {
          auto it = context_->person_words.find(a_.low[units[k].token]);
          if (it != context_->person_words.end() && !it->second.empty() && it->second != CodeOf(ref.entry)) ok = false;
        }
        // Nor when a name that is no title comes before it ("Laura Bush", "Najaf Gates"); in a
        // headline every word is capitalized, so there the tagger's proper noun decides.
        if (ok && ref.surname && j == k && units[k].token > 0) {
          int prev = units[k].token - 1;
          const Token& p = a_.s->tokens[prev];
          // (A word that is itself a name or a title the dictionaries know is no given name:
          // "President Bush", "Iraqi Allawi"; one that only begins a longer name may be: "Saif
          // al-Islam Gaddafi".)
          bool name_before = !p.form.empty() && std::isupper(static_cast<unsigned char>(p.form[0])) &&
                             (!a_.s->is_title || p.upos == "PROPN") && (prev > 0 || a_.s->is_title || p.upos == "PROPN") &&
                             at[prev] < 0 &&
                             !whole_name(index_.agents, a_.low[prev]) && !whole_name(index_.actors, a_.low[prev]);
          ok = !name_before;
        }
        // Nor right after a preposition of place only (place-preposition), unless it owns what
        // follows: "arrested two insurgents in Yala" is the Thai province, not Kumba Yala.
        // So after a place noun's "of" ("the southern province of Yala").
        if (ok && ref.surname && j == k && units[k].token > 0) {
          const int t = units[k].token;
          const bool place = index_.Is(index_.place_preposition, a_.low[t - 1]) ||
                             (t > 1 && a_.low[t - 1] == "of" && index_.Is(index_.place_noun, a_.low[t - 2]));
          if (place && !(t + 1 < a_.n && (a_.low[t + 1] == "'s" || a_.low[t + 1] == "'"))) ok = false;
        }
        // A one-word name of a person right after another name the dictionary knows is part of
        // one longer name: "Abu Bakar Bashir" is not the group's "Abu Bakar" beside Omar al-Bashir.
        if (ok && !agents && j == k && units[k].token > 0 && !a_.s->is_title &&
            Actor(ref.entry).kind == ActorKind::kPerson) {
          const int prev = units[k].token - 1;
          if (at[prev] >= 0) {
            const ActorKind kind = Actor(a_.actor_mentions[at[prev]].entry).kind;
            ok = kind != ActorKind::kPerson && kind != ActorKind::kGroup;
            // The word is that name's: a headline's bare "Bashir" is that person too.
            if (!ok) {
              const std::string code = CodeOf(a_.actor_mentions[at[prev]].entry);
              auto [it, added] = context_->person_words.emplace(a_.low[units[k].token], code);
              if (!added && it->second != code) it->second.clear();
            }
          }
        }
        if (!ok) continue;
        // Several entries share a name ("Bush"): the one holding a role at the date wins.
        size_t code_size = agents ? 0 : CodeOf(ref.entry).size();
        if (!agents && code_size == 0) continue;
        bool role = code_size > 3;
        if (!best || matched != j - k + 1 || (role && !best_has_role)) {
          best = &ref;
          matched = j - k + 1;
          best_has_role = role;
        }
        if (agents || role) break;
      }
    }
    if (!best) {
      ++k;
      continue;
    }
    int b = units[k].token, e = units[k + matched - 1].token + 1;
    bool overlap = false;
    for (int t = b; t < e; ++t) overlap |= at[t] >= 0 || (agents && a_.actor_at[t] >= 0);
    // An agent word at the end of a hyphenated modifier names no agent: "the six-party talks".
    if (agents && b >= 2 && a_.low[b - 1] == "-" && a_.s->tokens[b - 1].span.begin == a_.s->tokens[b - 2].span.end &&
        a_.s->tokens[b].span.begin == a_.s->tokens[b - 1].span.end && a_.s->tokens[b - 2].upos == "NUM")
      overlap = true;
    if (!overlap) {
      int id = static_cast<int>(mentions.size());
      mentions.push_back({b, e, best->entry, best->demonym});
      for (int t = b; t < e; ++t) at[t] = id;
    }
    k += matched;
  }
  // "South and North Korean officials": a capitalized word before "and" that, put in place of a
  // name's first word, makes another name ("South Korean") is that name, sharing the rest.
  if (agents) return;
  const size_t found = mentions.size();
  for (size_t i = 0; i < found; ++i) {
    const int b = mentions[i].begin, e = mentions[i].end;
    if (e - b < 2 || b < 2 || (a_.low[b - 1] != "and" && a_.low[b - 1] != "or") || at[b - 2] >= 0) continue;
    const std::string& form = a_.s->tokens[b - 2].form;
    if (form.empty() || !std::isupper(static_cast<unsigned char>(form[0]))) continue;
    int node = index.Step(0, a_.low[b - 2]);
    for (int t = b + 1; t < e && node >= 0; ++t) node = index.Step(node, a_.low[t]);
    if (node < 0) continue;
    for (const NameRef& ref : index.nodes[node].hits) {
      if (CodeOf(ref.entry).empty() || ref.entry == mentions[i].entry) continue;
      at[b - 2] = static_cast<int>(mentions.size());
      mentions.push_back({b - 2, b - 1, ref.entry, ref.demonym});
      break;
    }
  }
}

void SentenceCoder::DropCollectiveAgents() {
  for (int t = 0; t + 2 < a_.n; ++t) {
    int m = a_.agent_at[t];
    if (m < 0 || a_.agent_mentions[m].begin != t || a_.agent_mentions[m].end != t + 1) continue;
    if (!index_.Is(index_.collective_noun, a_.low[t]) || !index_.Is(index_.phrase_preposition, a_.low[t + 1])) continue;
    bool agent_after = false;
    for (int k = t + 2; k < std::min(a_.n, t + 6); ++k) agent_after |= a_.agent_at[k] >= 0 && a_.agent_at[k] != m;
    if (agent_after) a_.agent_at[t] = -1;
  }
}

void SentenceCoder::ShortenedAgentMentions() {
  const std::vector<Token>& tok = a_.s->tokens;
  for (int t = 0; t < a_.n; ++t) {
    if (a_.agent_at[t] >= 0 || a_.actor_at[t] >= 0 || tok[t].upos != "NOUN") continue;
    auto it = context_->agent_heads.find(a_.low[t]);
    if (it == context_->agent_heads.end() || it->second < 0) continue;
    a_.agent_at[t] = static_cast<int>(a_.agent_mentions.size());
    a_.agent_mentions.push_back({t, t + 1, it->second});
  }
  for (const Analysis::Mention& m : a_.agent_mentions) {
    const int last = m.end - 1;
    // (Its tag may be wrong: "arrested three terror suspects" with "suspects" a verb.)
    if (m.end - m.begin < 2 || tok[last].upos == "ADP" || tok[last].upos == "PROPN") continue;
    bool actor = false;
    for (int t = m.begin; t < m.end; ++t) actor |= a_.actor_at[t] >= 0;
    if (actor) continue;
    auto [it, added] = context_->agent_heads.emplace(a_.low[last], m.entry);
    if (!added && it->second != m.entry) it->second = -1;
  }
}

bool SentenceCoder::Discarded() const { return index_.HasDiscard(a_.low, /*story=*/false); }

Span SentenceCoder::SpanOf(int first, int last) const {
  const auto& toks = a_.s->tokens;
  if (first < 0 || last < first || last >= a_.n) return {};
  return Span{toks[first].span.begin, toks[last].span.end};
}

// Climbs from a word inside a noun phrase to the phrase's head.
int SentenceCoder::PhraseHead(int t) const {
  for (int guard = 0; guard < 8 && t >= 0; ++guard) {
    const std::string& r = a_.rel[t];
    if (a_.head[t] >= 0 && (r == "compound" || r == "amod" || r == "flat" || r == "flat:name" || r == "name" ||
                            r == "nmod:poss" || r == "det" || r == "nummod" || r == "nmod:desc"))
      t = a_.head[t];
    else
      break;
  }
  return t;
}

std::vector<ActorCode> SentenceCoder::ResolveSpeaker(int h) {
  // "Tokayev: I look forward ...": the actor before a colon opening the sentence. "we" speaks for
  // the speaker's country.
  std::vector<ActorCode> out;
  for (int t = 1; t < h && t < 8; ++t) {
    if (a_.low[t] != ":") continue;
    for (int k = 0; k < t; ++k)
      if (a_.actor_at[k] >= 0) {
        out = Resolve(PhraseHead(k), false);
        break;
      }
    break;
  }
  const bool plural = index_.Is(index_.speaker_plural, a_.low[h]);
  for (ActorCode& x : out) {
    x.first = x.last = h;
    if (plural && x.code.size() > 3) x.code = x.code.substr(0, 3), x.base = x.code;
  }
  return out;
}

std::vector<ActorCode> SentenceCoder::ResolvePronoun(int h) {
  std::vector<ActorCode> out;
  if (!options_.resolve_pronouns) return out;
  const std::string& w = a_.low[h];
  bool plural = index_.Is(index_.plural_pronoun, w);
  // "he", "his": a person, never a country as such ("returned from Britain and is calling on his
  // followers" are the cleric's).
  const bool personal = index_.Is(index_.personal_pronoun, w);
  auto fits = [&](const std::vector<ActorCode>& c, int t) {
    if (personal && c.size() == 1 && c[0].code.size() == 3 && a_.agent_at[t] < 0) {
      int m = a_.actor_at[t];
      if (m < 0 || Actor(a_.actor_mentions[m].entry).kind != ActorKind::kPerson) return false;
    }
    // "they": several actors, or one named by a plural noun ("followers of al-Sadr ... they").
    // Our parser writes no features; its plural noun tags say the same.
    if (plural)
      return c.size() >= 2 || a_.s->tokens[t].feats.find("Number=Plur") != std::string::npos ||
             a_.s->tokens[t].xpos == "NNS" || a_.s->tokens[t].xpos == "NNPS";
    return c.size() == 1;
  };
  // An object ("accusing him") is not the subject of its own clause: the nearest earlier actor
  // outside that subject.
  const std::string& hr = a_.rel[h];
  // (A possessive is not: "Chad closed its border" is Chad's, whatever stands before it.)
  if ((hr == "obj" || hr == "dobj" || hr == "iobj" || (IsNominalRel(hr) && hr != "nmod:poss")) && a_.head[h] >= 0) {
    bool p;
    int own = Subject(a_.head[h], &p);
    // "met Pope John Paul II, who urged him": a relative subject is the noun its clause modifies.
    int antecedent = -1;
    if (own >= 0 && index_.Is(index_.relative, a_.low[own])) {
      int clause = a_.head[own];
      if (clause >= 0 && a_.head[clause] >= 0 && (a_.rel[clause] == "acl:relcl" || a_.rel[clause] == "relcl"))
        antecedent = a_.head[clause];
    }
    for (int t = h - 1; t >= 0; --t) {
      if (a_.actor_at[t] < 0 || (own >= 0 && a_.InSubtree(t, own))) continue;
      if (antecedent >= 0 && a_.InSubtree(t, antecedent) && !a_.InSubtree(t, a_.head[own])) continue;
      int head = PhraseHead(t);
      if (head == h || index_.Is(index_.pronoun, a_.low[head])) continue;
      std::vector<ActorCode> c = Resolve(head, false);
      if (!c.empty() && fits(c, head)) {
        for (ActorCode& x : c) x.first = x.last = h;
        return c;
      }
      if (personal && c.size() == 1 && c[0].code.size() == 3) continue;  // a country: look further back
      break;
    }
  }
  // A possessive belongs to the subject of its clause, following control ("help Iraq rebuild its
  // security forces" is Iraq's), or in a phrase of reason to the verb's object ("criticized
  // Georgia for its treatment of ethnic Russians").
  if (hr == "nmod:poss") {
    int verb = a_.head[h];
    bool reason = false;
    for (int guard = 0; guard < 8 && verb >= 0 && !IsVerbal(verb); ++guard) {
      reason |= index_.Is(index_.reason_preposition, a_.CaseOf(verb));
      verb = a_.head[verb];
    }
    if (verb >= 0 && IsVerbal(verb)) {
      bool p;
      int owner = Subject(verb, &p);
      if (reason)
        if (int obj = a_.ChildWithRel(verb, {"obj", "dobj"}); obj >= 0 && obj < h) owner = obj;
      if (owner >= 0 && !a_.InSubtree(h, owner) && !index_.Is(index_.pronoun, a_.low[owner])) {
        std::vector<ActorCode> c = Resolve(owner, false);
        if (!c.empty() && fits(c, owner)) {
          for (ActorCode& x : c) x.first = x.last = h;
          return c;
        }
      }
    }
  }
  // The nearest earlier subject in this sentence.
  for (int t = h - 1; t >= 0; --t) {
    const std::string& r = a_.rel[t];
    if ((r == "nsubj" || r == "nsubjpass" || r == "nsubj:pass") && !index_.Is(index_.pronoun, a_.low[t])) {
      std::vector<ActorCode> c = Resolve(t, false);
      if (!c.empty() && fits(c, t)) {
        for (ActorCode& x : c) x.first = x.last = h;
        return c;
      }
      if (!c.empty() && plural && (hr == "nsubj:pass" || hr == "nsubjpass")) {
        // "Iran freed eight British servicemen, three days after they were detained": with a
        // subject of one, "they" undergoing an act is the nearest earlier people of several.
        for (int k = h - 1; k > t; --k) {
          if (a_.agent_at[k] < 0) continue;
          const int head = PhraseHead(k);
          if (head == h || head == t || a_.agent_at[head] < 0 || index_.Is(index_.pronoun, a_.low[head])) continue;
          std::vector<ActorCode> many = Resolve(head, false);
          if (!many.empty() && fits(many, head)) {
            for (ActorCode& x : many) x.first = x.last = h;
            return many;
          }
        }
      }
      if (!c.empty()) return out;  // a subject that does not fit: ambiguous
    }
  }
  const std::vector<ActorCode>& prev = context_->last_sources;
  if (!prev.empty() && (plural ? prev.size() >= 2 : prev.size() == 1)) {
    out = prev;
    for (ActorCode& x : out) x.first = x.last = h;
  }
  return out;
}

std::vector<ActorCode> SentenceCoder::ResolveOne(int h, int depth) {
  std::vector<ActorCode> out;
  if (h < 0 || depth > 4) return out;
  // A title stands for the name it is the title of: "Prime Minister" in "Prime Minister Ariel
  // Sharon" is Sharon.
  if (a_.rel[h] == "nmod:desc" && a_.head[h] > h && a_.s->tokens[a_.head[h]].upos == "PROPN") h = a_.head[h];
  // Pronouns and "the two sides".
  if (a_.s->tokens[h].upos == "PRON" && index_.Is(index_.pronoun, a_.low[h])) return ResolvePronoun(h);
  if (a_.s->tokens[h].upos == "PRON" && index_.Is(index_.speaker, a_.low[h])) return ResolveSpeaker(h);
  // ("the two" alone as a subject too: "Obasanjo met Dokubo-Asari and the two agreed to a ceasefire".)
  const bool bare_two = a_.s->tokens[h].upos == "NUM" && index_.Is(index_.group_quantifier, a_.low[h]) &&
                        a_.rel[h].starts_with("nsubj") &&
                        std::any_of(a_.kids[h].begin(), a_.kids[h].end(), [&](int k) {
                          return a_.rel[k] == "det" && index_.Is(index_.definite_article, a_.low[k]);
                        });
  if ((bare_two || index_.Is(index_.group_noun, a_.lem[h])) && options_.resolve_pronouns && a_.actor_at[h] < 0) {
    bool two = bare_two;
    for (int k : a_.kids[h]) two |= index_.Is(index_.group_quantifier, a_.low[k]);
    // The two actors this sentence named before it as subject or object ("Hu Jintao met visiting
    // Kazakh President Nazarbayev, and the two leaders pledged ..."), else the last sentence's.
    std::vector<ActorCode> named;
    for (int t = 0; t < h && two && depth < 3; ++t) {
      if (a_.head[t] < 0 || a_.InSubtree(h, t) ||
          !(a_.rel[t].starts_with("nsubj") || a_.rel[t] == "obj" || a_.rel[t] == "dobj"))
        continue;
      for (const ActorCode& x : KnownActors(t, false, depth + 1))
        if (std::none_of(named.begin(), named.end(), [&](const ActorCode& y) { return y.code == x.code; }))
          named.push_back(x);
    }
    if (two && named.size() == 2) {
      for (const ActorCode& x : named) out.push_back({x.code, x.base, h, h});
      return out;
    }
    if (two && context_->last_actors.size() == 2) {
      for (const std::string& c : context_->last_actors) out.push_back({c, c, h, h});
      return out;
    }
  }
  // "the group": the group named last before it ("A senior Hamas official said the group would
  // continue attacks"); not "the group of eight".
  // "the alliance": the international organisation named last (organization-anaphor).
  const bool organization_anaphor = index_.Is(index_.organization_anaphor, a_.low[h]);
  if (a_.actor_at[h] < 0 && a_.agent_at[h] < 0 && options_.resolve_pronouns &&
      (organization_anaphor || index_.Is(index_.group_anaphor, a_.low[h]))) {
    bool definite = false, own_phrase = false;
    for (int k : a_.kids[h]) {
      definite |= a_.rel[k] == "det" && index_.Is(index_.definite_article, a_.low[k]);
      own_phrase |= k > h && IsNominalRel(a_.rel[k]);
    }
    if (definite && !own_phrase) {
      std::string group = LastGroupBefore(h, organization_anaphor);
      if (!group.empty()) return {{group, group, h, h}};
    }
  }
  // "pressed the kingdom to pump more oil", "banning exports to the country": a definite noun for
  // a country (country-anaphor) is the country the sentence named last before it.
  // So is a state or regime known by an epithet (epithet-noun with an adjective that names no
  // actor): "banning all imports from the reclusive state", "the communist regime".
  const bool epithet = a_.actor_at[h] < 0 && a_.agent_at[h] >= 0 && index_.Is(index_.epithet_noun, a_.low[h]) &&
                       std::any_of(a_.kids[h].begin(), a_.kids[h].end(), [&](int k) {
                         return k < h && a_.rel[k] == "amod" && a_.actor_at[k] < 0 && a_.agent_at[k] < 0;
                       });
  if (a_.actor_at[h] < 0 && (a_.agent_at[h] < 0 || epithet) && options_.resolve_pronouns && a_.s->tokens[h].xpos == "NN" &&
      (epithet || index_.Is(index_.country_anaphor, a_.low[h]))) {
    // (Not one its own "of" phrase names: "the country of his birth".)
    bool definite = false, own_phrase = false;
    for (int k : a_.kids[h]) {
      definite |= a_.rel[k] == "det" && index_.Is(index_.definite_article, a_.low[k]);
      own_phrase |= k > h && IsNominalRel(a_.rel[k]) && index_.Is(index_.phrase_preposition, a_.CaseOf(k));
    }
    if (definite && !own_phrase) {
      std::string country = LastCountryBefore(h);
      if (!country.empty()) return {{country, country, h, h}};
    }
  }
  // "the man", "the woman": the person the story spoke of, whose country the context does not give
  // ("insurgents threatening to kill the man", a kidnapped Briton).
  if (a_.agent_at[h] >= 0 && a_.actor_at[h] < 0 && index_.Is(index_.person_anaphor, a_.low[h])) {
    bool definite = false, own_words = false;
    for (int k : a_.kids[h]) {
      definite |= a_.rel[k] == "det" && index_.Is(index_.definite_article, a_.low[k]);
      own_words |= a_.rel[k] != "det" && a_.rel[k] != "punct";
    }
    if (definite && !own_words) return out;
  }
  // A thing done by an actor stands for the actor: "condemned military actions by Rwanda".
  if (a_.actor_at[h] < 0 && a_.agent_at[h] < 0 && !IsVerbal(h)) {
    for (int k : a_.kids[h]) {
      if (k < h || !IsNominalRel(a_.rel[k]) || !index_.Is(index_.agent_preposition, a_.CaseOf(k))) continue;
      std::vector<ActorCode> by = ResolveOne(k, depth + 1);
      if (!by.empty()) return by;
    }
    // "a group linked to Zarqawi", "a cell tied to al-Qaeda": a nameless group stands for the
    // actor it is tied to (affiliation-word).
    for (int k : a_.kids[h]) {
      if (k < h || (a_.rel[k] != "acl" && a_.rel[k] != "amod") || !index_.Is(index_.affiliation_word, a_.low[k])) continue;
      for (int m : a_.kids[k]) {
        if (!IsNominalRel(a_.rel[m]) || !index_.Is(index_.affiliation_preposition, a_.CaseOf(m))) continue;
        std::vector<ActorCode> tied = ResolveOne(m, depth + 1);
        if (!tied.empty()) return tied;
      }
    }
    // "a group calling itself the Islamic Army in Iraq", "a group known as Ansar al-Sunna": a
    // nameless group is the actor it is named (naming-verb).
    for (int k : a_.kids[h]) {
      if (k < h || a_.rel[k] != "acl" || !index_.Is(index_.naming_verb, a_.lem[k])) continue;
      for (int m : a_.kids[k]) {
        bool name = a_.rel[m] == "xcomp" || ((a_.rel[m] == "obj" || a_.rel[m] == "dobj") && a_.s->tokens[m].upos != "PRON") ||
                    (IsNominalRel(a_.rel[m]) && index_.Is(index_.naming_preposition, a_.CaseOf(m)));
        if (!name || m < k) continue;
        std::vector<ActorCode> named = ResolveOne(m, depth + 1);
        if (!named.empty()) return named;
      }
    }
    // "a convoy carrying Iraq's interior minister", "a plane carrying the delegation": what
    // carries people stands for them (carrier-verb); also parsed as the verb's adverbial right after
    // the noun ("hit a car carrying two Italian diplomats").
    std::vector<int> carriers = a_.kids[h];
    if (h + 1 < a_.n && a_.head[h] >= 0 && a_.head[h + 1] == a_.head[h] && a_.rel[h + 1] == "advcl") carriers.push_back(h + 1);
    for (int k : carriers) {
      if (k < h || (a_.rel[k] != "acl" && a_.rel[k] != "advcl") || a_.s->tokens[k].xpos != "VBG" ||
          !index_.Is(index_.carrier_verb, a_.lem[k]))
        continue;
      for (int m : a_.kids[k]) {
        if (a_.rel[m] != "obj" && a_.rel[m] != "dobj") continue;
        std::vector<ActorCode> carried = ResolveOne(m, depth + 1);
        if (!carried.empty()) return carried;
      }
    }
    // A message stands for its author (`message-noun`): "a tape purportedly from Al Qaeda", "an
    // audio tape released by bin Laden's deputy calls for attacks".
    if (index_.Is(index_.message_noun, a_.lem[h]) || index_.Is(index_.message_noun, a_.low[h])) {
      for (int k : a_.kids[h]) {
        int author = -1;
        if (k > h && IsNominalRel(a_.rel[k]) && a_.CaseOf(k) == "from") author = k;
        if (a_.rel[k] == "acl" && a_.s->tokens[k].xpos == "VBN")
          for (int m : a_.kids[k])
            if (IsNominalRel(a_.rel[m]) && index_.Is(index_.agent_preposition, a_.CaseOf(m))) author = m;
        if (author < 0) continue;
        std::vector<ActorCode> from = ResolveOne(author, depth + 1);
        if (!from.empty()) return from;
      }
    }
  }
  // "Four foreign oil workers, including two Britons and an American": people of no country of
  // their own whose phrase names some of them by nationality (inclusion-marker) are those.
  if (a_.agent_at[h] >= 0 && a_.actor_at[h] < 0 && depth < 3) {
    for (int k : a_.kids[h]) {
      if (k < h || !IsNominalRel(a_.rel[k]) || !index_.Is(index_.inclusion_marker, a_.CaseOf(k))) continue;
      std::vector<ActorCode> named = Resolve(k, false, depth + 1);
      std::erase_if(named, [&](const ActorCode& x) {
        return x.base.size() < 3 || x.base == "---" || index_.Is(index_.non_country_prefix, Lower3(x.base.substr(0, 3)));
      });
      if (!named.empty()) return named;
    }
  }
  // The phrase: h and its modifiers, with "of/in/from" phrases, by depth from h.
  std::vector<int> tokens = {h};
  std::vector<int> depth_of(a_.n, -1);
  std::vector<char> via_nominal(a_.n, 0);
  depth_of[h] = 0;
  bool head_is_agent = a_.agent_at[h] >= 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    int t = tokens[i];
    for (int k : a_.kids[t]) {
      const std::string& r = a_.rel[k];
      // A title in apposition ("Deputy, Prime Minister Telemar" in a poor parse) belongs to the
      // phrase unless it names an actor of its own.
      if (r == "appos" && a_.agent_at[k] >= 0) {
        depth_of[k] = depth_of[t] + 1;
        tokens.push_back(k);
        continue;
      }
      if (OutsidePhrase(r)) continue;
      // "Gaddafi's son" is not Gaddafi (kin-noun).
      if (t == h && r == "nmod:poss" && index_.Is(index_.kin_noun, a_.low[h])) continue;
      // "accused Ukraine of shelling civilians": a clause, not Ukraine's own phrase.
      if (IsNominalRel(r) && IsVerbal(k)) continue;
      // "US-led forces": the name hyphened to a participle of leading names the phrase's actor.
      if (IsNominalRel(r) && a_.actor_at[k] >= 0 && a_.CaseOf(k).empty() && k + 2 == t && a_.low[k + 1] == "-" &&
          a_.rel[t] == "amod" && index_.Is(index_.leader_participle, a_.low[t])) {
        depth_of[k] = depth_of[t] + 1;
        tokens.push_back(k);
        continue;
      }
      if (IsNominalRel(r) && r != "nmod:poss") {
        std::string c = a_.CaseOf(k);
        // "the president of X"; "officials in X", "troops from X" when the head names an actor.
        bool ok = index_.Is(index_.phrase_preposition, c) ||
                  (index_.Is(index_.actor_phrase_preposition, c) && (head_is_agent || a_.actor_at[h] >= 0));
        // "the kidnappers of a British engineer": the victims, not the kidnappers' own side.
        // Nor is a leader's son the leader ("Saif al-Islam Gaddafi, son of Libyan leader Muammar Gaddafi").
        if (t == h && index_.Is(index_.phrase_preposition, c) &&
            (index_.Is(index_.perpetrator_noun, a_.low[h]) || index_.Is(index_.kin_noun, a_.low[h])))
          ok = false;
        if (!ok) {
          // A name taken for a preposition ("the evil Arnor awful Gondor" with "Arnor" as the
          // case marker of "Gondor") is a misparse: the name still modifies this phrase.
          for (int m : a_.kids[k])
            if (a_.rel[m] == "case" && a_.actor_at[m] >= 0 && depth_of[m] < 0 && a_.low[m] == c &&
                std::isupper(static_cast<unsigned char>(a_.s->tokens[m].form[0]))) {
              depth_of[m] = depth_of[t] + 1;
              tokens.push_back(m);
            }
          continue;
        }
      }
      // An actor in an "of/in/from" phrase is farther from the head than a modifier is.
      bool nominal = IsNominalRel(r) && r != "nmod:poss";
      depth_of[k] = depth_of[t] + (nominal ? 2 : 1);
      via_nominal[k] = via_nominal[t] || nominal;
      tokens.push_back(k);
    }
  }
  // The actor: the head's own when its code names a role ("Tokayev" -> KAZGOV); else the first
  // actor among the modifiers before the head ("Ithilen's minister Calimehtar" -> ITH + GOV, as
  // the country-level name comes first); else the head's; else the nearest in an of/in/from phrase.
  int best = -1, best_tok = -1;
  // (A person under the title of an international organisation acts for it: "U.N. envoy Martti
  // Ahtisaari" is the UN's, not the Finnish former president's.)
  bool serves_organisation = false;
  if (int m = a_.actor_at[h]; m >= 0 && Actor(a_.actor_mentions[m].entry).kind == ActorKind::kPerson)
    for (int t : tokens)
      if (t < h && !via_nominal[t] && a_.actor_at[t] >= 0 && a_.actor_at[t] != m &&
          Lower3(CodeOf(a_.actor_mentions[a_.actor_at[t]].entry)) == "igo")
        serves_organisation = true;
  if (int m = a_.actor_at[h]; m >= 0 && CodeOf(a_.actor_mentions[m].entry).size() > 3 && !serves_organisation) {
    best = m;
    best_tok = h;
  }
  if (best < 0) {
    for (int t : tokens) {
      int m = a_.actor_at[t];
      if (m < 0 || via_nominal[t] || t >= h || a_.actor_at[h] == m) continue;
      if (best_tok < 0 || t < best_tok) {
        best = m;
        best_tok = t;
      }
    }
  }
  if (best < 0 && a_.actor_at[h] >= 0) {
    best = a_.actor_at[h];
    best_tok = h;
  }
  if (best < 0) {
    int best_depth = 1 << 20;
    for (int t : tokens) {
      int m = a_.actor_at[t];
      if (m < 0) continue;
      if (depth_of[t] < best_depth || (depth_of[t] == best_depth && t > best_tok)) {
        best = m;
        best_depth = depth_of[t];
        best_tok = t;
      }
    }
  }
  // "its U.N. diplomats", "their EU envoy": an organisation named as a title's modifier is where
  // the agent serves; the possessor is whom it serves.
  std::vector<ActorCode> served_by_owner;
  if (best >= 0 && best_tok != h && a_.agent_at[h] >= 0 && a_.rel[best_tok] == "compound" &&
      Lower3(CodeOf(a_.actor_mentions[best].entry)) == "igo") {
    for (int k : a_.kids[h])
      if (a_.rel[k] == "nmod:poss" && a_.s->tokens[k].upos == "PRON" && index_.Is(index_.pronoun, a_.low[k])) {
        std::vector<ActorCode> owner = ResolvePronoun(k);
        if (owner.size() == 1 && owner[0].base.size() == 3 && !index_.Is(index_.non_country_prefix, Lower3(owner[0].base)))
          served_by_owner = owner;
      }
  }
  // Agents in text order, outside the actor mention.
  std::vector<int> agent_ids;
  for (int t : tokens) {
    int g = a_.agent_at[t];
    // A named actor's "of" phrase is not its title: "Ukraine of shelling civilians".
    if (g >= 0 && via_nominal[t] && a_.actor_at[h] >= 0) continue;
    if (g >= 0 && std::find(agent_ids.begin(), agent_ids.end(), g) == agent_ids.end()) agent_ids.push_back(g);
  }
  std::sort(agent_ids.begin(), agent_ids.end());
  std::vector<std::string> prefixes, suffixes;
  int first = h, last = h;
  for (int g : agent_ids) {
    const auto& m = a_.agent_mentions[g];
    const AgentEntry& e = d_.actors.agents()[m.entry];
    bool prefix = m.entry < static_cast<int>(d_.agent_prefix.size()) && d_.agent_prefix[m.entry];
    (prefix ? prefixes : suffixes).push_back(e.code);
    first = std::min(first, m.begin);
    last = std::max(last, m.end - 1);
  }
  if (best < 0) {
    // "the president, Tokayev": an apposition names the actor the title belongs to.
    for (int k : a_.kids[h]) {
      if (a_.rel[k] != "appos") continue;
      std::vector<ActorCode> named = ResolveOne(k, depth + 1);
      std::erase_if(named, [](const ActorCode& x) { return x.base == "---"; });
      if (named.empty()) continue;
      for (ActorCode& x : named) {
        x.code = Compose(prefixes, x.code, suffixes);
        x.first = std::min(x.first, first);
        x.last = std::max(x.last, last);
      }
      return named;
    }
    // "Arnor former security officials" with "Arnor" parsed outside the phrase: an actor written
    // right before the phrase's first word still owns its titles.
    if (!agent_ids.empty()) {
      int first_tok = *std::min_element(tokens.begin(), tokens.end());
      int k = first_tok - 1;
      if (k >= 0 && a_.actor_at[k] >= 0 && a_.head[k] != -1 && !IsNominalRel(a_.rel[k]) &&
          a_.rel[k] != "nsubj" && a_.rel[k] != "obj" && a_.rel[k] != "dobj" && a_.rel[k] != "conj") {
        const auto& m = a_.actor_mentions[a_.actor_at[k]];
        std::string code = CodeOf(m.entry);
        if (!code.empty()) {
          out.push_back({Compose(prefixes, code, suffixes), code, std::min(first, m.begin), last});
          return out;
        }
      }
    }
    // A name the article gives in full elsewhere: "Tokayev" after "President Kazak Tokayev",
    // "President Hu" above "Chinese President Hu Jintao".
    if (a_.s->tokens[h].upos == "PROPN" && a_.agent_at[h] < 0) {
      std::string known;
      if (auto it = context_->names.find(a_.low[h]); it != context_->names.end()) known = it->second;
      if (auto it = context_->person_words.find(a_.low[h]); known.empty() && it != context_->person_words.end())
        known = it->second;
      if (!known.empty()) {
        out.push_back({known, known.substr(0, 3), first, last});
        return out;
      }
    }
    if (agent_ids.empty()) {
      // An apposition may name the actor: "the state's fiercest foe, Osgiliath".
      for (int k : a_.kids[h])
        if (a_.rel[k] == "appos") return ResolveOne(k, depth + 1);
      return out;
    }
    std::string roles;
    for (const std::string& x : suffixes) roles += x;
    // Only while the story is still on that side: the title or the last few sentences.
    auto known = context_->role_country.find(roles);
    bool recent = known != context_->role_country.end() && !known->second.first.empty() &&
                  (known->second.second == 0 || sentence_index_ - known->second.second <= 2);
    std::string country = recent ? known->second.first : "";
    // "his army", "their supporters": the country of whom the possessive pronoun stands for; not
    // for armed groups and criminals, whose "his" is their victim ("his captors").
    bool hostile = roles.find("REB") != std::string::npos || roles.find("CRM") != std::string::npos;
    bool owned = false;
    for (int k = 0; k < a_.n && !hostile; ++k) {
      if (a_.head[k] < 0 || std::find(tokens.begin(), tokens.end(), a_.head[k]) == tokens.end()) continue;
      if (a_.rel[k] != "nmod:poss" || a_.s->tokens[k].upos != "PRON" || !index_.Is(index_.pronoun, a_.low[k])) continue;
      std::vector<ActorCode> owner = ResolvePronoun(k);
      if (owner.size() != 1 || owner[0].base.size() < 3) continue;
      std::string prefix = owner[0].base.substr(0, 3);
      if (!index_.Is(index_.non_country_prefix, Lower3(prefix)) &&
          std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        country = prefix;
        owned = true;
        // Known for the article too: the headline's "Army" above "Sharon rejected his army's request".
        NoteRoleCountry(roles, country);
      }
    }
    // "Insurgents ambushed a US convoy, killing two soldiers": whom the act's participle strikes
    // belongs to the side the act struck.
    if (int g = a_.head[h]; country.empty() && g >= 0 && (a_.rel[h] == "obj" || a_.rel[h] == "dobj") &&
                            a_.rel[g] == "advcl" && a_.s->tokens[g].xpos == "VBG" && a_.head[g] >= 0) {
      for (int k : a_.kids[a_.head[g]]) {
        if (k > g || (a_.rel[k] != "obj" && a_.rel[k] != "dobj")) continue;
        std::vector<ActorCode> struck = ResolveOne(k, depth + 1);
        if (struck.size() == 1 && struck[0].base.size() >= 3 && struck[0].base != "---" &&
            !index_.Is(index_.non_country_prefix, Lower3(struck[0].base.substr(0, 3))))
          country = struck[0].base.substr(0, 3);
      }
    }
    // "rebels loyal to Maskhadov", "an envoy of Aslan Maskhadov": the country of the actor the
    // agent is tied to (affiliation-word) or whose agent its "of" phrase says it is, before the
    // dateline's.
    // (The "to" phrase also comes parsed on the agent itself: "Rebels loyal to Aslan Maskhadov".)
    const bool affiliated = std::any_of(a_.kids[h].begin(), a_.kids[h].end(), [&](int k) {
      return k > h && (a_.rel[k] == "acl" || a_.rel[k] == "amod") && index_.Is(index_.affiliation_word, a_.low[k]);
    });
    for (int k : a_.kids[h]) {
      if (!country.empty()) break;
      if (k < h) continue;
      std::vector<int> principals;
      if ((a_.rel[k] == "acl" || a_.rel[k] == "amod") && index_.Is(index_.affiliation_word, a_.low[k])) {
        for (int m : a_.kids[k])
          if (IsNominalRel(a_.rel[m]) && index_.Is(index_.affiliation_preposition, a_.CaseOf(m))) principals.push_back(m);
      } else if (IsNominalRel(a_.rel[k]) &&
                 ((index_.Is(index_.phrase_preposition, a_.CaseOf(k)) && !hostile &&
                   !index_.Is(index_.perpetrator_noun, a_.low[h])) ||  // "the kidnappers of two Italians"
                  (affiliated && index_.Is(index_.affiliation_preposition, a_.CaseOf(k))))) {
        principals.push_back(k);
      }
      for (int m : principals) {
        std::vector<ActorCode> tied = ResolveOne(m, depth + 1);
        if (tied.size() != 1 || tied[0].inferred || tied[0].base.size() < 3 || tied[0].base == "---") continue;
        std::string prefix = tied[0].base.substr(0, 3);
        if (!index_.Is(index_.non_country_prefix, Lower3(prefix))) country = prefix;
      }
    }
    // "foreign oil workers", "foreign troops": people said to be foreign are not of the country the
    // context gives (foreign-modifier); they stay without one unless their own words name it.
    const bool foreign = std::any_of(tokens.begin(), tokens.end(), [&](int t) {
      return a_.agent_at[t] < 0 && a_.actor_at[t] < 0 && a_.rel[t] == "amod" && index_.Is(index_.foreign_modifier, a_.low[t]);
    });
    if (foreign && !owned) country.clear();
    if (country.empty() && !foreign && index_.Is(index_.office_role, Lower3(roles))) country = InstitutionsCountry();
    // "President Rafael Correa ordered troops to the border", "Chavez sent tanks": a state's forces
    // (a role both of force and of the state) that a state actor's verb commands or moves are its own.
    if (int g = a_.head[h]; country.empty() && !foreign && !hostile && g >= 0 && IsVerbal(g) &&
                            (a_.rel[h] == "obj" || a_.rel[h] == "dobj") && index_.Is(index_.force_role, Lower3(roles)) &&
                            index_.Is(index_.state_role, Lower3(roles))) {
      for (int k : a_.kids[g]) {
        if (a_.rel[k] != "nsubj" || k > g) continue;
        std::vector<ActorCode> commander = ResolveOne(k, depth + 1);
        if (commander.size() == 1 && !commander[0].inferred && commander[0].base.size() >= 3 && commander[0].base != "---" &&
            (commander[0].code.size() == 3 || HasRoleIn(commander[0].code, index_.state_role)) &&
            !index_.Is(index_.non_country_prefix, Lower3(commander[0].base.substr(0, 3))))
          country = commander[0].base.substr(0, 3);
      }
    }
    // "Gunmen kidnapped two Turkish drivers [in Iraq]. A spokesman in Ankara called on the
    // kidnappers to free the men": a definite hostile role is the side the story gave it just
    // before, not the new sentence's country.
    const bool definite = std::any_of(a_.kids[h].begin(), a_.kids[h].end(), [&](int k) {
      return a_.rel[k] == "det" && index_.Is(index_.definite_article, a_.low[k]);
    });
    if (country.empty() && !foreign && hostile && definite && !a_.s->is_title) {
      auto earlier = context_->hostile_role_context.find(roles);
      if (earlier != context_->hostile_role_context.end() && earlier->second.second < sentence_index_ &&
          sentence_index_ - earlier->second.second <= 2)
        country = earlier->second.first;
    }
    if (country.empty() && !foreign) {
      country = ContextCountry(hostile);
      // A headline's guess from the dateline or places, which the body may correct.
      if (a_.s->is_title && !country.empty()) context_->title_guessed_roles[roles] = country;
      if (hostile && !a_.s->is_title && !country.empty()) context_->hostile_role_context[roles] = {country, sentence_index_};
    }
    // (A possessive names the country as surely as an adjective: "clashes between its troops and
    // Sudanese militiamen" keeps the troops the subject's.)
    out.push_back({Compose(prefixes, country.empty() ? "---" : country, suffixes), country.empty() ? "---" : country,
                   first, last, !owned});
    return out;
  }
  if (!served_by_owner.empty()) {
    const std::string& country = served_by_owner[0].base;
    out.push_back({Compose(prefixes, country, suffixes), country, first, last});
    return out;
  }
  // The span names the whole phrase up to its of/in/from phrases: "Kazakh President Kazak Tokayev".
  if (!via_nominal[best_tok]) {
    for (int t : tokens) {
      if (via_nominal[t] || a_.rel[t] == "punct" || a_.rel[t] == "case" || a_.rel[t] == "det") continue;
      first = std::min(first, t);
      last = std::max(last, t);
    }
  }
  // The actor and any actors conjoined with it inside the phrase ("lawmakers in A and B").
  // Conjuncts of the head itself are phrases of their own, resolved by Resolve ("Gondor and
  // Arnor's Elrond": the second is Arnor's, not Elrond's own code).
  std::vector<int> actor_tokens = {best_tok};
  if (best_tok != h) {
    // (Conjuncts of any word of the actor's name: "South Korean and U.S. officials".)
    for (int w = 0; w < a_.n; ++w) {
      if (a_.actor_at[w] != a_.actor_at[best_tok]) continue;
      for (int k : a_.kids[w])
        if (a_.rel[k] == "conj" && a_.actor_at[k] >= 0 && a_.actor_at[k] != a_.actor_at[best_tok]) actor_tokens.push_back(k);
    }
    // Modifiers listed with "and" as siblings: "Afghan and US-led troops".
    for (int t : tokens) {
      if (t <= best_tok || t >= h || via_nominal[t] || a_.actor_at[t] < 0 || a_.actor_at[t] == a_.actor_at[best_tok] ||
          std::find(actor_tokens.begin(), actor_tokens.end(), t) != actor_tokens.end())
        continue;
      if (t > 0 && a_.actor_at[t - 1] == a_.actor_at[t]) continue;  // not the mention's first word
      bool listed = false;
      auto in_phrase = [&](int c) { return std::find(tokens.begin(), tokens.end(), a_.head[c]) != tokens.end(); };
      for (int c = best_tok + 1; c < t; ++c) listed |= a_.rel[c] == "cc" && in_phrase(c);
      // A comma lists them too, in a headline or before a later "and" ("Indian, Pakistani
      // Foreign Ministers"; "Afghan, Pakistani and US troops").
      if (!listed && a_.low[t - 1] == "," && t - 1 > best_tok) {
        bool and_after = false;
        for (int c = t + 1; c < h; ++c) and_after |= a_.rel[c] == "cc" && in_phrase(c);
        listed = a_.s->is_title || and_after;
      }
      if (listed) actor_tokens.push_back(t);
    }
  }
  for (int t : actor_tokens) {
    const auto& m = a_.actor_mentions[a_.actor_at[t]];
    std::string code = CodeOf(m.entry);
    if (code.empty()) continue;
    // People counted by their nationality are civilians: "10 Iraqis", "thousands of Israelis",
    // "a Palestinian" (people-quantity in english.txt); "the Palestinians" are their nation.
    // (Also "an American" tagged an adjective: with its article it names a person.)
    const bool person_adjective =
        a_.s->tokens[t].upos == "ADJ" && std::any_of(a_.kids[t].begin(), a_.kids[t].end(), [&](int k) {
          return a_.rel[k] == "det" && (a_.low[k] == "a" || a_.low[k] == "an");
        });
    if (suffixes.empty() && m.demonym && code.size() == 3 &&
        (a_.s->tokens[t].upos == "NOUN" || a_.s->tokens[t].upos == "PROPN" || person_adjective) &&
        a_.rel[t] != "amod" && a_.rel[t] != "compound" && !index_.Is(index_.non_country_prefix, Lower3(code))) {
      bool counted = false;
      for (int k : a_.kids[t])
        counted |= a_.rel[k] == "nummod" || (a_.rel[k] == "det" && (a_.low[k] == "a" || a_.low[k] == "an")) ||
                   (a_.rel[k] == "amod" && index_.Is(index_.people_quantity, a_.low[k]));
      if (t != h && a_.head[t] == h && a_.CaseOf(t) == "of" &&
          (index_.Is(index_.people_quantity, a_.low[h]) || index_.Is(index_.people_quantity, a_.lem[h])))
        counted = true;
      if (counted) {
        const std::string cvl = index_.people_role.empty() ? std::string() : Upper(*index_.people_role.begin());
        if (!cvl.empty()) {
          out.push_back({code + cvl, code, std::min(first, m.begin), std::max(last, m.end - 1)});
          continue;
        }
      }
    }
    out.push_back({Compose(prefixes, code, suffixes), code, std::min(first, m.begin), std::max(last, m.end - 1)});
    // The side a role is on: "Sudanese rebels" (REB: SDN), or a dictionary actor of a country
    // and role ("Hamas" PSEREB), so that later "militants" are Palestinian.
    bool own_role = suffixes.empty() && code.size() == 6 && CountryOf(m) == code.substr(0, 3) &&
                    Actor(m.entry).kind != ActorKind::kPerson;
    if ((!suffixes.empty() && code.size() == 3 && CountryOf(m) == code) || own_role) {
      std::string roles = own_role ? code.substr(3) : "";
      for (const std::string& x : suffixes) roles += x;
      if (own_role) code = code.substr(0, 3);
      NoteRoleCountry(roles, code);
    }
  }
  // Remember the unknown proper names of a titled actor ("Kazak Tokayev") for later mentions.
  if (out.size() == 1 && out[0].code.size() > 3) {
    for (int t : tokens)
      if (a_.s->tokens[t].upos == "PROPN" && a_.actor_at[t] < 0 && a_.agent_at[t] < 0 && t >= h)
        context_->names.emplace(a_.low[t], out[0].code);
  }
  return out;
}

std::vector<ActorCode> SentenceCoder::Resolve(int h, bool allow_pronoun, int depth) {
  std::vector<ActorCode> out;
  if (h < 0) return out;
  const bool memo = allow_pronoun && depth == 0 && h < a_.n;
  if (memo) {
    if (resolved_done_.empty()) {
      resolved_done_.assign(a_.n, 0);
      resolved_.assign(a_.n, {});
    }
    if (resolved_done_[h]) return resolved_[h];
    out = ResolveUncached(h, allow_pronoun, depth);
    resolved_done_[h] = 1;
    resolved_[h] = out;
    return out;
  }
  return ResolveUncached(h, allow_pronoun, depth);
}

int SentenceCoder::AllegedIdentity(int h) const {
  // Not for a named actor ("Hamas, suspected of ...").
  if (a_.s->tokens[h].upos != "NOUN" || a_.actor_at[h] >= 0) return -1;
  std::vector<int> clauses;
  for (int k : a_.kids[h])
    if (a_.rel[k] == "acl") clauses.push_back(k);
  // Parsed as the verb's complement right after its object ("arrested 20 people suspected of").
  if (int g = a_.head[h]; g >= 0 && (a_.rel[h] == "obj" || a_.rel[h] == "dobj") && h + 1 < a_.n && a_.head[h + 1] == g &&
                          (a_.rel[h + 1] == "xcomp" || a_.rel[h + 1] == "advcl"))
    clauses.push_back(h + 1);
  for (int c : clauses) {
    if (a_.s->tokens[c].xpos != "VBN" || !index_.Is(index_.allegation_verb, a_.lem[c])) continue;
    // "... of being members of X": the predicate of a copula in the clause.
    for (int n : a_.kids[c]) {
      if (!IsNominalRel(a_.rel[n]) && a_.rel[n] != "xcomp" && a_.rel[n] != "advcl") continue;
      bool copula = false;
      for (int m : a_.kids[n]) copula |= a_.rel[m] == "cop";
      if (copula && !IsVerbal(n)) return n;
    }
  }
  return -1;
}

std::vector<ActorCode> SentenceCoder::ResolveUncached(int h, bool allow_pronoun, int depth) {
  std::vector<ActorCode> out;
  if (h < 0) return out;
  // Pronouns, appositions and relative clauses resolve through one another; a malformed parse
  // must not make that endless.
  if (resolving_ > 8) return out;
  struct Nesting {
    int& n;
    explicit Nesting(int& count) : n(count) { ++n; }
    ~Nesting() { --n; }
  } nesting(resolving_);
  if (!allow_pronoun && a_.s->tokens[h].upos == "PRON") return out;
  // A relative pronoun stands for the noun its clause modifies.
  if (index_.Is(index_.relative, a_.low[h]) && a_.head[h] >= 0) {
    int clause = a_.head[h];
    if (a_.head[clause] >= 0 && (a_.rel[clause] == "acl:relcl" || a_.rel[clause] == "relcl" || a_.rel[clause] == "acl"))
      return Resolve(a_.head[clause], allow_pronoun, depth + 1);
  }
  if (int who = AllegedIdentity(h); who >= 0) {
    std::vector<ActorCode> named = KnownActors(who, false, depth + 1);
    if (!named.empty()) {
      for (ActorCode& x : named) x.first = std::min(x.first, h);
      return named;
    }
  }
  std::vector<std::vector<ActorCode>> groups;
  groups.push_back(ResolveOne(h, depth));
  bool has_conj = false;
  // A list ends with "and"/"or" before its last member; "Ukraine, Chancellor Scholz said" parsed
  // as two conjuncts is no list.
  // (UD v1 hangs the "and" from the first member, UD v2 from the member it precedes.)
  // A parser may chain a long list ("El Salvador and Nicaragua and Panama and Ecuador" with the
  // last two hung from the second): members of members are members.
  std::vector<int> members;
  for (int k : a_.kids[h])
    if (a_.rel[k] == "conj" && a_.s->tokens[k].upos != "VERB") members.push_back(k);
  for (size_t i = 0; i < members.size() && members.size() < 32; ++i)
    for (int k : a_.kids[members[i]])
      if (a_.rel[k] == "conj" && a_.s->tokens[k].upos != "VERB") members.push_back(k);
  std::sort(members.begin(), members.end());
  int last_with_cc = a_.HasChildRel(h, {"cc"}) ? a_.n : -1;
  for (int k : members)
    if (a_.HasChildRel(k, {"cc"})) last_with_cc = std::max(last_with_cc, k);
  for (int k : members)
    if (k <= last_with_cc) {
      groups.push_back(ResolveOne(k, depth));
      has_conj = true;
    }
  // In a list ("Mordor, the awful Arnor, and Gondor") a parser may take an item for an apposition,
  // and hang the rest of the list from it.
  for (int k : a_.kids[h]) {
    if (a_.rel[k] != "appos") continue;
    std::vector<int> appos_conj;
    for (int c : a_.kids[k])
      if (a_.rel[c] == "conj" && a_.s->tokens[c].upos != "VERB") appos_conj.push_back(c);
    if (!has_conj && appos_conj.empty()) continue;
    groups.push_back(ResolveOne(k, depth));
    for (int c : appos_conj) groups.push_back(ResolveOne(c, depth));
  }
  // Distribute actors to conjuncts that only name agents ("Danish media and government").
  std::vector<std::string> bases;
  bool has_inferred = false;
  for (auto& g : groups)
    for (auto& c : g) has_inferred |= c.inferred;
  // A conjunct whose country only the context gave takes the list's named one: "the Sudanese
  // government and the rebels" are Sudan's rebels, wherever the talks are held.
  for (auto& g : groups)
    for (auto& c : g)
      if (c.base != "---" && !c.inferred && std::find(bases.begin(), bases.end(), c.base) == bases.end() &&
          !(has_inferred && index_.Is(index_.non_country_prefix, Lower3(c.base))))
        bases.push_back(c.base);
  // Words before the first conjunct modify them all: "Danish Islamist media and government" gives
  // the government the actor and the "Islamist" agent too, but not the "media" head's own agent.
  std::vector<std::string> shared = bases;
  if (bases.size() == 1 && !groups[0].empty() && groups[0].size() == 1 && groups[0][0].base == bases[0] &&
      a_.agent_at[h] >= 0) {
    const std::string& donor = groups[0][0].code;
    const std::string& own = d_.actors.agents()[a_.agent_mentions[a_.agent_at[h]].entry].code;
    if (!own.empty() && donor.size() > 3 + own.size() && donor.ends_with(own))
      shared[0] = donor.substr(0, donor.size() - own.size());
  }
  // An armed group listed beside troops is not theirs: troops serve abroad, and an armed group
  // belongs where it acts ("clashes between US troops and insurgents in Fallujah": Iraq's).
  bool named_only_troops = groups.size() > 1;  // (only a list distributes)
  for (size_t i = 0; named_only_troops && i < groups.size(); ++i)
    for (const ActorCode& c : groups[i])
      if (c.base != "---" && !c.inferred)
        named_only_troops &= HasRoleIn(c.code, index_.state_role) && !HasRoleIn(c.code, index_.domestic_source_role);
  for (auto& g : groups) {
    bool only_agents = !g.empty() && groups.size() > 1 &&
                       std::all_of(g.begin(), g.end(), [](const ActorCode& c) { return c.base == "---" || c.inferred; });
    if (only_agents && named_only_troops &&
        std::all_of(g.begin(), g.end(), [&](const ActorCode& c) { return HasRoleIn(c.code, index_.armed_group_role); }))
      only_agents = false;
    for (auto& c : g) {
      if (only_agents && !bases.empty()) {
        for (size_t i = 0; i < bases.size(); ++i) {
          std::string code = shared[i];
          for (size_t j = 3; j + 3 <= c.code.size(); j += 3)
            if (code.find(c.code.substr(j, 3)) == std::string::npos) code += c.code.substr(j, 3);
          out.push_back({code, bases[i], c.first, c.last});
        }
      } else {
        out.push_back(c);
      }
    }
  }
  // Deduplicate, keeping order.
  std::vector<ActorCode> unique;
  for (auto& c : out)
    if (std::none_of(unique.begin(), unique.end(), [&](const ActorCode& u) { return u.code == c.code; }))
      unique.push_back(c);
  return unique;
}

int SentenceCoder::TokenMatches(const PatternWord& w, int t) const {
  const VerbDictionary& v = d_.verbs;
  if (w.synset < 0 && w.text.find(' ') == std::string::npos)
    return v.WordMatches(w, a_.low[t]) || v.WordMatches(w, a_.lem[t]) ? 1 : 0;
  auto preceding = [&](const std::vector<std::string>& words) {
    // words[0..n-2] must be the tokens right before t.
    int k = t - 1;
    for (int j = static_cast<int>(words.size()) - 2; j >= 0; --j, --k)
      if (k < 0 || (a_.low[k] != words[j] && a_.lem[k] != words[j])) return false;
    return true;
  };
  if (w.synset < 0) {
    std::vector<std::string> words;
    for (size_t i = 0, j; i < w.text.size(); i = j + 1) {
      j = w.text.find(' ', i);
      if (j == std::string::npos) j = w.text.size();
      words.push_back(w.text.substr(i, j - i));
    }
    const std::string& last = words.back();
    if (a_.low[t] != last && a_.lem[t] != last && a_.low[t] != PluralOf(last)) return 0;
    return preceding(words) ? static_cast<int>(words.size()) : 0;
  }
  const Synset& s = v.synsets()[w.synset];
  int best = 0;
  for (const std::string* key : {&a_.low[t], &a_.lem[t]}) {
    auto it = s.phrases_by_head.find(*key);
    if (it == s.phrases_by_head.end()) continue;
    for (const auto& words : it->second)
      if (static_cast<int>(words.size()) > best && preceding(words)) best = static_cast<int>(words.size());
  }
  if (best == 0 && (s.words.count(a_.low[t]) || s.words.count(a_.lem[t]))) best = 1;
  return best;
}

int SentenceCoder::NounMatchesAt(const PatternNoun& noun, int t, const std::vector<char>& region) const {
  int words = TokenMatches(noun.head, t);
  if (words == 0) return 0;
  // The other words of {...} modify the head: before it, in order, inside its phrase.
  int k = t - 1;
  for (int i = static_cast<int>(noun.modifiers.size()) - 1; i >= 0; --i) {
    bool found = false;
    for (; k >= 0 && k >= t - 6 && !found; --k)
      found = (region[k] || a_.InSubtree(k, t)) && a_.InSubtree(k, t) && TokenMatches(noun.modifiers[i], k);
    if (!found) return 0;
    // A noun compounded onto the head names a different thing ("trade relations" is not
    // "relations"): adjectives may come between the pattern's words, an unmatched compound
    // noun right before the head may not.
    if (i + 1 == static_cast<int>(noun.modifiers.size())) {
      int head_start = t - words + 1;
      for (int c = k + 2; c < head_start; ++c)
        if (a_.head[c] == t && (a_.rel[c] == "compound" || a_.rel[c] == "nmod:npmod") &&
            a_.s->tokens[c].upos == "NOUN")
          return 0;
    }
  }
  return words + static_cast<int>(noun.modifiers.size());
}

bool SentenceCoder::Negated(int v) const {
  for (int k : a_.kids[v]) {
    if (a_.rel[k] == "neg") return true;
    if ((a_.rel[k] == "advmod" || a_.rel[k] == "aux" || a_.rel[k] == "det") && index_.Is(index_.negation, a_.low[k])) return true;
  }
  return false;
}

// The subject of v: its own nsubj, else (for xcomp/conj/acl verbs) the governing word's.
int SentenceCoder::Subject(int v, bool* passive, int depth) {
  *passive = false;
  // Several subjects happen in broken parses ("Arnor on Thursday signed": Thursday as subject);
  // take the one that names an actor, else the first.
  int first = -1, with_actor = -1;
  bool first_passive = false, actor_passive = false;
  for (int k : a_.kids[v]) {
    const std::string& r = a_.rel[k];
    bool is_passive = r == "nsubjpass" || r == "nsubj:pass";
    if (r != "nsubj" && r != "csubj" && !is_passive) continue;
    if (first < 0) {
      first = k;
      first_passive = is_passive;
    }
    if (with_actor < 0 && !Resolve(k).empty()) {
      with_actor = k;
      actor_passive = is_passive;
    }
  }
  if (with_actor >= 0) {
    *passive = actor_passive;
    return with_actor;
  }
  if (first >= 0) {
    *passive = first_passive;
    return first;
  }
  if (depth > 4 || a_.head[v] < 0) return -1;
  const std::string& r = a_.rel[v];
  int h = a_.head[v];
  if (r == "xcomp") {
    // Object control ("urged Bree to help"): the object is the subject.
    int obj = a_.ChildWithRel(h, {"dobj", "obj", "iobj"});
    if (obj >= 0) return obj;
    bool p;
    return Subject(h, &p, depth + 1);
  }
  if (r == "advcl") {
    // "congratulated China on hosting", "criticized X for attacking": the object acts.
    std::string intro;
    for (int k : a_.kids[v])
      if (a_.rel[k] == "mark" || a_.rel[k] == "case") intro = a_.low[k];
    if (index_.Is(index_.object_acts, intro)) {
      int obj = a_.ChildWithRel(h, {"dobj", "obj"});
      if (obj >= 0) return obj;
    }
    bool p;
    // "rammed a car packed with explosives into a convoy, killing four soldiers": a participle
    // that describes the object ("packed") does not act; its verb's subject does.
    if (a_.rel[h] == "xcomp" && a_.s->tokens[h].xpos == "VBN" && a_.head[h] >= 0 &&
        !a_.HasChildRel(h, {"nsubj", "nsubj:pass", "nsubjpass"})) {
      int controller = a_.ChildWithRel(a_.head[h], {"dobj", "obj"});
      if (controller >= 0 && Resolve(controller).empty()) return Subject(a_.head[h], &p, depth + 2);
    }
    return Subject(h, &p, depth + 1);
  }
  if (r == "conj") {
    // "were kidnapped and later killed by insurgents": a bare participle shares its head's voice.
    bool p;
    int s = Subject(h, &p, depth + 1);
    *passive = p && a_.s->tokens[v].xpos == "VBN" && !a_.HasChildRel(v, {"aux", "obj", "dobj"});
    return s;
  }
  if (r == "ccomp") {
    // "indicated it should have acted" parsed with "it" as the object of "indicated".
    int obj = a_.ChildWithRel(h, {"dobj", "obj"});
    if (obj >= 0 && obj < v && a_.s->tokens[obj].upos == "PRON") return obj;
  }
  if (r == "acl" && (Infinitival(v) || a_.s->tokens[v].xpos == "VBG") && (a_.rel[h] == "obj" || a_.rel[h] == "dobj") &&
      a_.head[h] >= 0 && (index_.Is(index_.message_noun, a_.lem[h]) || index_.Is(index_.message_noun, a_.low[h]))) {
    // "sent a message to Sihamoni to congratulate him", "passed a resolution calling for Iran to
    // suspend": what a message sent or passed does is its sender's.
    bool p;
    return Subject(a_.head[h], &p, depth + 1);
  }
  if (r == "acl" && Infinitival(v) && (a_.rel[h] == "obj" || a_.rel[h] == "dobj") && a_.head[h] >= 0 &&
      IsVerbal(a_.head[h]) && a_.actor_at[h] < 0 && a_.agent_at[h] < 0 && !index_.Is(index_.intent, a_.lem[h]) &&
      !index_.Is(index_.modal_noun, a_.lem[h]) && a_.ChildWithRel(h, {"nmod:poss"}) < 0) {
    // "thousands defied a curfew to protest against the king's rule", with the infinitive hung
    // from the object: an infinitive on a verb's object that names no actor tells what the
    // verb's subject does (its purpose). Not a noun of intent or one with its own possessor
    // ("condemned Washington's decision to sell arms": Washington sells), nor one of what may be
    // done (modal-noun: "were denied permission to check", "found a way to prevent").
    bool p;
    return Subject(a_.head[h], &p, depth + 1);
  }
  if (r == "acl") {
    // "the parade supporting Gondor"; a participle with its agent is passive: "a journalist
    // kidnapped by militants".
    bool agent = AgentPhrase(v) >= 0;
    // A headline's participle of its root noun is its passive verb: "10 Iraqis Killed in Attack".
    bool headline = a_.s->is_title && a_.head[h] < 0;
    // "three Americans accused of torturing prisoners", "soldiers charged with abusing": a
    // participle whose charge is a gerund says what was done to its noun.
    bool charge = false;
    for (int k : a_.kids[v])
      if (a_.s->tokens[k].xpos == "VBG" && k > v)
        for (int m : a_.kids[k])
          charge |= (a_.rel[m] == "mark" || a_.rel[m] == "case") && index_.Is(index_.allegation_marker, a_.low[m]);
    // Any other past participle of a noun is passive too ("two Italian aid workers kidnapped in
    // Baghdad were freed": the workers were kidnapped), unless it reports another verb ("a woman
    // believed linked to al-Qaeda": the noun is the subject of that verb), or the noun heads a
    // sentence that is no headline (then the participle is its misread verb: "Israeli troops
    // clashed with Palestinian gunmen").
    bool reduced_relative = a_.head[h] >= 0 && !a_.HasChildRel(v, {"xcomp", "ccomp"});
    *passive = (reduced_relative || agent || headline || charge) &&
               (a_.s->tokens[v].xpos == "VBN" || (charge && a_.s->tokens[v].xpos == "VBD"));
    return h;
  }
  // A verb hanging from a noun in a broken parse ("Gollum ... did allow" with allow as dep).
  if (r == "dep" && a_.s->tokens[h].upos != "VERB" && a_.actor_at[h] >= 0) return h;
  // "Israel responded with air strikes on Hamas targets": the act a verb of response does with
  // (response-verb, its instrument preposition) is its subject's.
  if (IsNominalRel(r) && h < v && index_.Is(index_.response_verb, a_.lem[h]) &&
      index_.Is(index_.response_preposition, a_.CaseOf(v))) {
    bool p;
    return Subject(h, &p, depth + 1);
  }
  // "French President Jacques Chirac, on a one-day visit to Berlin, ...": an event noun in a
  // phrase set off by a comma after an actor's name is that actor's act.
  if (IsNominalRel(r) && h < v && a_.s->tokens[v].upos == "NOUN" && a_.actor_at[h] >= 0) {
    bool set_off = false;
    for (int k : a_.kids[v]) set_off |= k > h && k < v && a_.rel[k] == "punct" && a_.low[k] == ",";
    if (set_off) return h;
  }
  return -1;
}

int SentenceCoder::IntentGovernor(int v) const {
  int t = v;
  // A noun's event governed by its verb: "agreed to take part in talks with X".
  if (!IsVerbal(v) && a_.head[v] >= 0 && IsVerbal(a_.head[v]) &&
      (a_.rel[v] == "obj" || a_.rel[v] == "dobj" || (IsNominalRel(a_.rel[v]) && !IsTemporalRel(a_.rel[v])))) {
    t = a_.head[v];
    if (index_.Is(index_.intent, a_.lem[t]) || index_.Is(index_.intent, a_.low[t])) return t;
  }
  for (int guard = 0; guard < 6 && t >= 0; ++guard) {
    int h = a_.head[t];
    if (h < 0) return -1;
    const std::string& r = a_.rel[t];
    if (r == "conj") {
      t = h;
      continue;
    }
    // "plans to prosecute", "a pledge to withdraw": the infinitive that completes a noun of intent.
    // (Also parsed as the infinitive of the verb the noun depends on: "proceeding with plans to
    // prosecute".)
    bool noun_complement = r == "acl" && Infinitival(t) && a_.s->tokens[h].upos == "NOUN";
    if (r == "advcl" && Infinitival(t)) {
      int mark = -1;
      for (int k : a_.kids[t])
        if (a_.rel[k] == "mark" && k < t) mark = k;
      int noun = mark - 1;
      if (mark > 0 && a_.head[noun] == h && a_.s->tokens[noun].upos == "NOUN" && IsNominalRel(a_.rel[noun]) &&
          (index_.Is(index_.intent, a_.lem[noun]) || index_.Is(index_.intent, a_.low[noun])))
        return noun;
    }
    bool complement = r == "xcomp" || ((r == "advcl" || r == "ccomp") && Infinitival(t)) || noun_complement;
    if (!complement) return -1;
    if (index_.Is(index_.intent, a_.lem[h]) || index_.Is(index_.intent, a_.low[h])) return h;
    return -1;
  }
  return -1;
}

std::vector<ActorCode> SentenceCoder::NewActor(int h) const {
  if (h < 0 || options_.new_actor_length <= 0) return {};
  std::vector<int> tokens = {h};
  for (size_t i = 0; i < tokens.size(); ++i)
    for (int k : a_.kids[tokens[i]]) {
      const std::string& r = a_.rel[k];
      if (r == "punct" || r == "conj" || r == "cc" || r == "acl" || r == "acl:relcl" || r == "relcl" ||
          IsTemporalRel(r) || r == "advcl" || r == "parataxis")
        continue;
      if (r == "case" && (a_.low[k] == "'s" || a_.low[k] == "'")) continue;
      if (r == "case" && k < tokens[0] && a_.head[k] == h) continue;  // the phrase's own preposition
      tokens.push_back(k);
    }
  if (static_cast<int>(tokens.size()) > options_.new_actor_length) return {};
  std::sort(tokens.begin(), tokens.end());
  std::string text;
  for (int t : tokens) {
    std::string w = a_.s->tokens[t].form;
    for (char& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    text += (text.empty() ? "" : " ") + w;
  }
  std::string code = "\"" + text + "\"";
  return {ActorCode{code, code, tokens.front(), tokens.back()}};
}

bool SentenceCoder::Infinitival(int t) const {
  for (int k : a_.kids[t])
    if (a_.rel[k] == "mark" && a_.low[k] == "to") return true;
  return false;
}

template <typename Accept>
std::vector<ActorCode> SentenceCoder::FindTarget(int v, int subj, bool with_clauses, Accept accept, bool places_partners) {
  std::vector<int> direct, others;
  std::vector<int> queue;
  auto is_clause = [&](const std::string& r) { return r == "ccomp" || r == "csubj"; };
  // "condemned the kidnapping of aid workers": an event noun stands for its actor, not for the
  // victims its "of" phrase names (a claim of responsibility is about them).
  auto victims_only = [&](int k) {
    return a_.actor_at[k] < 0 && a_.agent_at[k] < 0 && PhraseNamesTarget(k, "of") &&
           !index_.Is(index_.claim_verb, a_.lem[v]);
  };
  for (int k : a_.kids[v]) {
    const std::string& r = a_.rel[k];
    if (k == subj || r == "punct" || r == "parataxis" || IsTemporalRel(r)) continue;
    if (r == "conj") continue;  // another clause, or (for nouns) handled by Resolve
    if (r == "advcl" && !Infinitival(k) && !(with_clauses && a_.s->tokens[k].upos == "VERB")) continue;
    // A finite adverbial clause with its own subject is another event's ("said Wednesday, while four
    // drivers were seized"), not what was said.
    if (r == "advcl" && OwnAdverbialClause(k)) continue;
    if (is_clause(r)) {
      if (!with_clauses) continue;
      bool p;
      int cs = Subject(k, &p);
      if (cs >= 0) direct.push_back(cs);
    }
    if ((r == "dobj" || r == "obj" || r == "iobj") && !victims_only(k)) direct.push_back(k);
    queue.push_back(k);
  }
  // Everything nominal below those dependents, in text order.
  for (size_t i = 0; i < queue.size(); ++i) {
    int t = queue[i];
    const std::string& r = a_.rel[t];
    bool subject_rel = r == "nsubj" || r == "nsubjpass" || r == "nsubj:pass";
    if (t != subj && (IsNominalRel(r) || r == "dobj" || r == "obj" || r == "iobj" || (with_clauses && subject_rel)) &&
        r != "nmod:poss" && !IsTemporalRel(r) && !victims_only(t) && !InVictimPhrase(t, v))
      others.push_back(t);
    for (int k : a_.kids[t]) {
      const std::string& rk = a_.rel[k];
      // Conjuncts of a found phrase are its own (Resolve); other conjuncts are other clauses.
      if (rk == "punct" || rk == "acl:relcl" || rk == "relcl" || rk == "parataxis" || rk == "conj") continue;
      if (!with_clauses && is_clause(rk)) continue;
      if (rk == "advcl" && OwnAdverbialClause(k)) continue;
      queue.push_back(k);
    }
  }
  std::sort(others.begin(), others.end());
  std::vector<int> order = direct;
  order.insert(order.end(), others.begin(), others.end());
  for (bool real_only : {true, false}) {
    for (int c : order) {
      if (!places_partners && InPhraseOf(c, v, index_.locative)) continue;
      if (InPhraseOf(c, v, index_.time_preposition)) continue;  // "after the leader's death"
      std::vector<ActorCode> t = Resolve(c);
      if (real_only) std::erase_if(t, [](const ActorCode& x) { return x.base == "---"; });
      if (!t.empty() && accept(t)) return t;
    }
  }
  return {};
}

bool SentenceCoder::CodeVerb(int v, VerbResult* result) {
  const VerbDictionary& dict = d_.verbs;
  // Candidate forms, best multi-word match first.
  const VerbDictionary::FormRef* chosen = nullptr;
  int chosen_score = -1;
  int particle_last = v;
  // A misspelt "-es" form ("departes"): parsers still give the lemma "depart", but English
  // adds "-es" only after s, x, z, ch, sh and o, so the word is not that verb's inflection.
  const std::string& lemma = a_.lem[v];
  const std::string& surface = a_.low[v];
  bool bad_es = surface.size() == lemma.size() + 2 && surface.starts_with(lemma) && surface.ends_with("es") &&
                !lemma.empty() && !lemma.ends_with("s") && !lemma.ends_with("x") && !lemma.ends_with("z") &&
                !lemma.ends_with("ch") && !lemma.ends_with("sh") && !lemma.ends_with("o");
  const bool verbal = IsVerbal(v);
  // A noun reads its verb's own (not only nominal) patterns when it names its agent or is a
  // claimed act; asked once, and only when a form needs it.
  int noun_reads_verb = -1;
  auto reads_verb = [&] {
    if (noun_reads_verb < 0) noun_reads_verb = NamesItsAgent(v) || Claimant(v) >= 0;
    return noun_reads_verb == 1;
  };
  for (const std::string* key : {&a_.lem[v], &a_.low[v]}) {
    if (bad_es && key == &a_.lem[v]) continue;
    for (const VerbDictionary::FormRef& ref : dict.Find(*key)) {
      const VerbForm& f = dict.blocks()[ref.block].forms[ref.form];
      if (!verbal && !f.nominal && !reads_verb()) continue;
      bool ok = true;
      int k = v - 1;
      for (int j = static_cast<int>(f.before.size()) - 1; j >= 0 && ok; --j, --k)
        ok = k >= 0 && (a_.low[k] == f.before[j] || a_.lem[k] == f.before[j]);
      int last = v;
      for (const std::string& word : f.after) {
        if (!ok) break;
        bool found = false;
        for (int t = v + 1; t < std::min(a_.n, v + 4) && !found; ++t) {
          if (a_.low[t] == word && (a_.head[t] == v || t == last + 1)) {
            found = true;
            last = t;
          }
        }
        ok = found;
      }
      // Multi-word matches first; then a form that lists this very word ("left" under LEFT
      // rather than the lemma "leave").
      // (A token pattern's anchor written inflected, "+ be killed by $", lists nothing: the lemma's
      // block reads it.)
      bool listed = *key == a_.low[v] && !f.from_token_pattern &&
                    (f.lemma == a_.low[v] ||
                     std::find(f.inflections.begin(), f.inflections.end(), a_.low[v]) != f.inflections.end());
      // A verb reads its verb patterns before the patterns of its noun ("visited" vs. "$ visit to +").
      int score = 10 * static_cast<int>(f.before.size() + f.after.size()) + (listed ? 1 : 0) + (f.nominal ? 0 : 2);
      if (ok && score > chosen_score) {
        chosen = &ref;
        chosen_score = score;
        particle_last = last;
      }
    }
  }
  if (!chosen) return false;
  const VerbBlock& block = dict.blocks()[chosen->block];
  const VerbForm& form = block.forms[chosen->form];
  result->verb = v;
  result->block = chosen->block;

  bool passive = false;
  int subj = Subject(v, &passive);
  // (A conjunct's subject is its head's: "X, already detained in London, was arrested".)
  if (!passive && a_.HasChildRel(v, {"auxpass", "aux:pass"}) && a_.rel[v] != "xcomp")
    passive = subj >= 0 && (a_.head[subj] == v || (a_.rel[v] == "conj" && a_.head[subj] == a_.head[v]));
  // Headlines drop "is": "US hostage killed by Iraqi captors", "Eta suspects arrested in France".
  // A headline writes what is done in the present ("CIA Accuses"): its past form without an
  // object is the participle ("CIA accused over Iraq detainees").
  bool headline_participle =
      a_.s->tokens[v].xpos == "VBN" || (a_.s->tokens[v].xpos == "VBD" && a_.low[v].ends_with("ed"));
  // An object read past a prepositional phrase ("Two Charged in S. African Trafficking Case") is
  // the phrase's misparsed noun, not an object.
  auto misread_object = [&] {
    if (a_.s->tokens[v].xpos != "VBN") return false;
    for (int k : a_.kids[v]) {
      if (a_.rel[k] != "obj" && a_.rel[k] != "dobj") continue;
      bool after_phrase = false;
      for (int j = v + 1; j < k; ++j) after_phrase |= a_.rel[j] == "case" && a_.head[j] >= 0 && a_.head[a_.head[j]] == v;
      if (!after_phrase) return false;
    }
    return true;
  };
  if (!passive && a_.s->is_title && headline_participle && subj >= 0 && a_.head[subj] == v &&
      !a_.HasChildRel(v, {"aux", "aux:pass", "auxpass"}) && (!a_.HasChildRel(v, {"obj", "dobj"}) || misread_object()))
    passive = true;
  // A noun's event ("Xi's visit to Astana", "talks between X and Y"): its own phrase names the
  // source, else the subject of the support verb it is the object of ("Xi began a visit to
  // Astana"; not "the Council condemned an attack").
  if (!verbal && subj < 0) {
    std::vector<ActorCode> own = KnownActors(v);
    // "concluded another round of talks": through an "of" phrase to the object.
    int n = v;
    if (a_.head[n] >= 0 && IsNominalRel(a_.rel[n]) && index_.Is(index_.phrase_preposition, a_.CaseOf(n))) n = a_.head[n];
    // (Not when the actors are those of a phrase that names the noun's target: "the trial of three
    // Americans" is no trial by them.)
    bool own_is_target = false;
    if (!own.empty() && !EventNamesItsActor(v))
      for (int k : a_.kids[v]) own_is_target |= IsNominalRel(a_.rel[k]) && PhraseNamesTarget(v, a_.CaseOf(k));
    if (!own.empty() && !own_is_target) {
      subj = v;
    } else if (int g = a_.head[n];
               g >= 0 &&
               (index_.Is(index_.support_verb, a_.lem[g]) || index_.Is(index_.support_verb, a_.low[g]) ||
                // "promised a full withdrawal from Lebanon": an act promised or offered is the
                // promiser's (the intent itself is read later).
                ((index_.Is(index_.intent, a_.lem[g]) || index_.Is(index_.intent, a_.low[g])) &&
                 (a_.rel[n] == "obj" || a_.rel[n] == "dobj")) ||
                // "praised relations with Russia during a visit to Moscow": a meeting in the
                // verb's circumstances is its subject's.
                (a_.rel[n] == "obl" && (index_.Is(index_.meeting_noun, a_.lem[v]) || index_.Is(index_.meeting_noun, a_.low[v])))) &&
               (a_.rel[n] == "obj" || a_.rel[n] == "dobj" || (a_.rel[n] == "obl" && IsVerbal(g)))) {
      // "took part in talks with X": the subject of the verb whose oblique the noun is.
      bool p;
      subj = Subject(a_.head[n], &p);
      if (p) subj = -1;
    }
  }

  // Regions: words of v's clause before and after it (not inside other clauses).
  std::vector<char> pre(a_.n, 0), post(a_.n, 0);
  {
    std::vector<int> stack = {v};
    while (!stack.empty()) {
      int t = stack.back();
      stack.pop_back();
      for (int k : a_.kids[t]) {
        const std::string& r = a_.rel[k];
        // A token pattern may read into the reported clause ("demand that + withdraw").
        if (t == v && (r == "conj" || r == "parataxis" || r == "punct" || (r == "ccomp" && !form.from_token_pattern)))
          continue;
        if (t == v && r == "advcl" && !Infinitival(k)) continue;
        if (t != v && (r == "acl:relcl" || r == "relcl")) continue;
        (k < v ? pre : post)[k] = 1;
        stack.push_back(k);
      }
    }
    if (subj >= 0 && !a_.InSubtree(subj, v)) {
      // An inherited subject: its words count as the pre-verb part.
      for (int t = 0; t < a_.n; ++t)
        if (a_.InSubtree(t, subj)) pre[t] = 1;
      for (int t = 0; t < v; ++t)
        if (a_.head[t] == a_.head[v] && (a_.rel[t] == "aux" || a_.rel[t] == "neg" || a_.rel[t] == "advmod")) pre[t] = 1;
    }
    for (int t = v + 1; t <= particle_last; ++t) post[t] = 0;
  }

  // Evaluate the block's patterns.
  std::vector<char> skipped(a_.n, 0);
  bool skip_used = false;
  const VerbPattern* best = nullptr;
  int best_spec = -1;
  int best_source = -1, best_target = -1;
  bool best_compound = false, best_subject_is_target = false, best_negation = false, best_target_is_object = false;
  // The sentence's words, for the anchor check.
  if (words_.empty()) {
    for (int t = 0; t < a_.n; ++t) {
      words_.push_back(a_.low[t]);
      words_.push_back(a_.lem[t]);
    }
    std::sort(words_.begin(), words_.end());
  }
  const auto& block_anchors = index_.anchors[chosen->block];
  // relax_target: a pattern may leave its target slot empty (coordinated actors acting together).
  // How many actors the subject names, with the verb's other subjects ("Israel and the
  // Palestinians" may come parsed as two); counted once, when first asked.
  int subject_actors = -1;
  auto count_subject_actors = [&]() {
    if (subject_actors >= 0) return subject_actors;
    std::vector<ActorCode> all = subj >= 0 ? Resolve(subj) : std::vector<ActorCode>{};
    if (subj >= 0 && a_.head[subj] == v)
      for (int k : a_.kids[v])
        if (k != subj && a_.rel[k] == a_.rel[subj])
          for (const ActorCode& x : Resolve(k)) all.push_back(x);
    std::erase_if(all, [](const ActorCode& x) { return x.base == "---"; });
    subject_actors = static_cast<int>(all.size());
    return subject_actors;
  };
  auto evaluate_patterns = [&](bool relax_target) {
  for (size_t pi = 0; pi < block.patterns.size(); ++pi) {
    const VerbPattern& p = block.patterns[pi];
    bool present = true;
    for (const auto& [w, plural] : block_anchors[pi]) {
      if (!std::binary_search(words_.begin(), words_.end(), w) &&
          !std::binary_search(words_.begin(), words_.end(), plural)) {
        present = false;
        break;
      }
    }
    if (!present) continue;
    // The code the pattern gives: its own, else its verb form's, else its block's.
    const bool force_pattern = IsForce(p.code.empty() ? (form.code.empty() ? block.code : form.code) : p.code);
    int source_tok = -1, target_tok = -1;
    bool compound = false, subject_is_target = false, names_negation = false, target_is_object = false;
    bool ok = true;
    // Pre-verb nouns.
    for (const PatternNoun& noun : p.pre_nouns) {
      if (!ok) break;
      switch (noun.role) {
        case SlotRole::kCompound:
          // "$ and + meet" wants a subject that names two actors or more.
          compound = true;
          ok = passive || count_subject_actors() >= 2;
          break;
        case SlotRole::kTarget:
          subject_is_target = true;
          // A noun's "+ be on trial" wants the noun as a predicate of its subject, not the object
          // of someone's act ("Iraq may begin trials": Iraq is not on trial).
          if (!verbal && !passive && a_.ChildWithRel(v, {"cop"}) < 0) ok = false;
          break;
        case SlotRole::kSource:
        case SlotRole::kSkip: break;
        case SlotRole::kWord: {
          bool found = false;
          for (int t = 0; t < v && !found; ++t) found = pre[t] && NounMatchesAt(noun, t, pre);
          ok = found;
          if (noun.head.synset < 0 && index_.Is(index_.negation, noun.head.text)) names_negation = true;
          if (noun.head.synset >= 0) {
            const Synset& s = d_.verbs.synsets()[noun.head.synset];
            for (const std::string& ph : s.phrases)
              for (size_t b = 0, e; b < ph.size(); b = e + 1) {
                e = ph.find(' ', b);
                if (e == std::string::npos) e = ph.size();
                if (index_.Is(index_.negation, ph.substr(b, e - b))) names_negation = true;
              }
          }
          break;
        }
      }
    }
    // Prepositional phrases.
    if (skip_used) {
      std::fill(skipped.begin(), skipped.end(), 0);
      skip_used = false;
    }
    auto match_preps = [&](const std::vector<PatternPrep>& preps, const std::vector<char>& region) {
      for (const PatternPrep& pp : preps) {
        bool found = false;
        for (int c = 0; c < a_.n && !found; ++c) {
          if (!region[c] || (a_.rel[c] != "case" && a_.rel[c] != "mark" && a_.rel[c] != "compound:prt" &&
                             a_.rel[c] != "prt" && a_.rel[c] != "advmod"))
            continue;
          if (a_.low[c] != pp.preposition) continue;
          int o = a_.rel[c] == "case" || a_.rel[c] == "mark" ? a_.head[c] : -1;
          // The verb's own infinitive marker ("to accord") is no prepositional phrase: "(TO) *"
          // wants "to X" before the verb, as a treebank parse has it (TO in PP vs. TO in VP).
          if (o == v && a_.rel[c] == "mark" && a_.s->tokens[c].upos == "PART") continue;
          // Nor, for a token pattern's phrase with a slot or words, is another verb's ("heading
          // for Darfur to join an African Union force": not "head to +"; "ask + to" reads it).
          if (p.preps_anywhere && !pp.objects.empty() && o >= 0 && a_.rel[c] == "mark" &&
              a_.s->tokens[c].upos == "PART" && IsVerbal(o))
            continue;
          // The phrase must be the verb's own (or its object's): "met X at the hall" attaches
          // "at the hall" to the verb, "met [X at the hall]" does not.
          // A pattern naming several phrases is specific enough to accept them nested inside one
          // another, as parsers often attach "with X" to the phrase before it.
          // A token pattern reads a phrase anywhere in the verb's clause, but not inside another
          // verb's clause unless the pattern names that verb ("threaten to impose sanctions on +").
          if (o >= 0 && p.preps_anywhere) {
            bool foreign = false;
            for (int g = a_.head[o], guard = 0; g >= 0 && g != v && guard < a_.n; g = a_.head[g], ++guard) {
              if (!IsVerbal(g)) continue;
              bool named = false;
              for (const PatternNoun& pn : p.post_nouns)
                if (pn.role == SlotRole::kWord && TokenMatches(pn.head, g)) named = true;
              if (!named) foreign = true;
            }
            if (foreign) continue;
            // Nor inside a phrase of reason ("imposed sanctions on X over arms sales to Taiwan")
            // that the pattern does not name itself ("call for * attacks on +").
            if (const std::string why = ReasonPhraseAbove(o, v); !why.empty()) {
              bool named = std::find(form.after.begin(), form.after.end(), why) != form.after.end();
              for (const auto* list : {&p.pre_preps, &p.post_preps})
                for (const PatternPrep& q : *list) named |= q.preposition == why && &q != &pp;
              if (!named) continue;
            }
          }
          if (o >= 0 && o != v && a_.head[o] != v && preps.size() < 2 && !p.preps_anywhere) {
            int g = a_.head[o];
            const std::string& gr = g >= 0 ? a_.rel[g] : std::string();
            bool object_of_v = g >= 0 && a_.head[g] == v &&
                               (gr == "obj" || gr == "dobj" || gr == "xcomp" || gr == "iobj" || Infinitival(g));
            if (!object_of_v) continue;
          }
          if (pp.objects.empty()) {
            found = true;
            break;
          }
          if (o < 0) continue;
          bool all = true;
          int src = -1, tgt = -1, skip_root = -1, skips = 0;
          for (const PatternNoun& noun : pp.objects) {
            if (!all) break;
            if (noun.role == SlotRole::kWord) {
              bool m = NounMatchesAt(noun, o, region);
              if (!m) {
                for (int t = 0; t < a_.n && !m; ++t) m = t != o && a_.InSubtree(t, o) && NounMatchesAt(noun, t, region);
              }
              all = m;
            } else if (noun.role == SlotRole::kTarget || noun.role == SlotRole::kSource) {
              // A token pattern's slot must hold an actor ("reject * proposal for +" is not
              // "rejected Hamas's proposal for a ceasefire"), so that a plainer pattern can.
              int slot = o;
              if (p.preps_anywhere && Resolve(o).empty()) {
                // Force against a place: the place the phrase names ("set off bombs at petrol
                // stations around Madrid", "attacked a checkpoint near Gaza City").
                const bool force = noun.role == SlotRole::kTarget && force_pattern;
                slot = force ? PlaceInside(o) : -1;
                // "an air strike on Falluja": the city itself.
                if (slot < 0 && force && !CityCountry(o).empty()) slot = o;
                if (slot < 0) {
                  all = false;
                  continue;
                }
              }
              (noun.role == SlotRole::kTarget ? tgt : src) = slot;
            } else if (noun.role == SlotRole::kSkip) {
              skip_root = o;
              ++skips;
            } else if (noun.role == SlotRole::kCompound) {
              src = o;
              compound = true;
            }
          }
          if (all) {
            found = true;
            if (src >= 0) source_tok = src;
            if (tgt >= 0) target_tok = tgt;
            // "(IN ^)": the actor there is passed over by later $ and + slots.
            if (skip_root >= 0) {
              skip_used = true;
              for (int t = 0; t < a_.n; ++t)
                if (a_.InSubtree(t, skip_root)) skipped[t] = 1;
              // "(AT ^ ^)": each further ^ passes over the next actor or agent after the phrase
              // ("at Osgiliath with the parliament of Gondor": the parliament, leaving Gondor).
              for (int extra = 1; extra < skips; ++extra) {
                for (int t = skip_root + 1; t < a_.n; ++t) {
                  if (skipped[t] || !region[t] || (a_.actor_at[t] < 0 && a_.agent_at[t] < 0)) continue;
                  for (int u = t; u < a_.n && ((a_.actor_at[t] >= 0 && a_.actor_at[u] == a_.actor_at[t]) ||
                                               (a_.agent_at[t] >= 0 && a_.agent_at[u] == a_.agent_at[t]));
                       ++u)
                    skipped[u] = 1;
                  break;
                }
              }
            }
          }
        }
        if (!found && relax_target &&
            std::any_of(pp.objects.begin(), pp.objects.end(), [](const PatternNoun& x) { return x.role == SlotRole::kTarget; }))
          found = true;
        if (!found) return false;
      }
      return true;
    };
    if (ok) ok = match_preps(p.pre_preps, pre) && match_preps(p.post_preps, post);
    // Post-verb nouns, in order.
    int pos = v;
    int bonus = 0;
    for (const PatternNoun& noun : p.post_nouns) {
      if (!ok) break;
      if (noun.role == SlotRole::kWord) {
        bool found = false;
        for (int t = pos + 1; t < a_.n && !found; ++t) {
          int m = post[t] ? NounMatchesAt(noun, t, post) : 0;
          if (m > 0) {
            found = true;
            pos = t;
            bonus += m - 1 - static_cast<int>(noun.modifiers.size());
          }
        }
        ok = found;
        if (index_.Is(index_.negation, noun.head.text)) names_negation = true;
      } else if (noun.role == SlotRole::kTarget || noun.role == SlotRole::kSource || noun.role == SlotRole::kCompound) {
        const int pos_before_slot = pos;  // v when the slot is the verb's object ("kill +")
        int found = -1;
        for (int t = pos + 1; t < a_.n && found < 0; ++t) {
          // The verb's object slot is not inside its complement clause ("ordered his men to lay
          // down their weapons and join thousands of pilgrims": not the pilgrims).
          if (pos == v && noun.role == SlotRole::kTarget && InComplement(t, v)) continue;
          // Nor, for a verb that calls its object something, inside what it is called ("branded
          // the MDC a puppet of London", parsed with the MDC the indirect object).
          if (pos == v && noun.role == SlotRole::kTarget && index_.Is(index_.characterize_verb, a_.lem[v]) &&
              a_.ChildWithRel(v, {"iobj"}) >= 0) {
            const int called = a_.ChildWithRel(v, {"obj", "dobj"});
            if (called > a_.ChildWithRel(v, {"iobj"}) && a_.InSubtree(t, called)) continue;
          }
          // A personal pronoun fills a slot with the actor it stands for ("who urged him to").
          bool pronoun = a_.s->tokens[t].upos == "PRON" &&
                         (a_.rel[t] == "obj" || a_.rel[t] == "dobj" || a_.rel[t] == "iobj") &&
                         index_.Is(index_.pronoun, a_.low[t]) && !Resolve(t).empty();
          // A city the act of force strikes ("US jets pound Falluja").
          bool city = noun.role == SlotRole::kTarget && force_pattern && a_.actor_at[t] < 0 && a_.agent_at[t] < 0 &&
                      !CityCountry(t).empty();
          // So does a definite noun for an actor named before: a country ("pressed the kingdom to"),
          // a group ("the group") or an organisation ("the alliance").
          bool actor_anaphor = a_.actor_at[t] < 0 && a_.agent_at[t] < 0 &&
                               (index_.Is(index_.country_anaphor, a_.low[t]) || index_.Is(index_.group_anaphor, a_.low[t]) ||
                                index_.Is(index_.organization_anaphor, a_.low[t])) &&
                               !Resolve(t).empty();
          if (!post[t] || skipped[t] || (a_.actor_at[t] < 0 && a_.agent_at[t] < 0 && !pronoun && !city && !actor_anaphor))
            continue;
          // "condemned the kidnapping of aid workers": the victims of an event the verb's object
          // names are no target of the verb.
          if (noun.role == SlotRole::kTarget && InVictimPhrase(t, v)) continue;
          // Nor is an actor the verb's object slot reaches only through a phrase of reason.
          if (pos_before_slot == v && noun.role == SlotRole::kTarget && InPhraseOf(t, v, index_.reason_preposition)) continue;
          // A token pattern's bare slot is not a place: "met in Cairo" names where, not whom.
          // Nor is an actor of a time phrase: "Hamas Threatens Revenge After Leader Killed".
          if (p.preps_anywhere &&
              (index_.Is(index_.locative, a_.CaseOf(PhraseHead(t))) || InPhraseOf(t, v, index_.time_preposition)))
            continue;
          found = t;
        }
        // A name right after the verb is its object whatever the parse says ("met Pope John Paul
        // II, who ..." with the name attached to the relative clause).
        bool adjacent = false;
        if (found < 0 && pos == v && noun.role == SlotRole::kTarget) {
          int t = particle_last + 1;
          if (t < a_.n && a_.s->tokens[t].upos == "DET") ++t;
          if (t < a_.n && !pre[t] && a_.head[t] != v - 1 && a_.actor_at[t] >= 0 &&
              (t == 0 || a_.actor_at[t - 1] != a_.actor_at[t])) {
            found = t;
            adjacent = true;
          }
        }
        if (found < 0) {
          // A passive's target is its subject, before the verb ("Ten Iraqis were killed in an
          // insurgent attack" for "kill +").
          bool passive_target = passive && noun.role == SlotRole::kTarget && pos_before_slot == v && subj >= 0 &&
                                (a_.head[subj] == v || a_.head[v] == subj) && target_tok < 0 && !subject_is_target;
          ok = (relax_target && noun.role == SlotRole::kTarget) || passive_target;
        } else {
          pos = found;
          (noun.role == SlotRole::kSource ? source_tok : target_tok) = adjacent ? found : PhraseHead(found);
          if (noun.role == SlotRole::kTarget) target_is_object = pos_before_slot == v;
        }
      }
    }
    if (!ok) continue;
    int spec = p.Specificity() + bonus;
    if (spec > best_spec) {
      best = &p;
      best_spec = spec;
      best_source = source_tok;
      best_target = target_tok;
      best_compound = compound;
      best_subject_is_target = subject_is_target;
      best_negation = names_negation;
      best_target_is_object = target_is_object;
    }
  }
  };
  evaluate_patterns(false);
  // "Palestinian gunmen and Israeli troops fought", "Australia and the United States sealed a free
  // trade agreement": a pattern whose only missing part is its target, when the subject names
  // several actors, codes what they did together (the rule's joint codes, checked below).
  bool joint_only = false;
  if (!best && !passive && subj >= 0 && a_.head[subj] == v && count_subject_actors() >= 2) {
    evaluate_patterns(true);
    joint_only = best != nullptr;
  }
  // "Israel and Hamas accused each other of violating the truce": each acts on the other,
  // whatever the act (reciprocal-object).
  bool each_other = false;
  if (!passive && subj >= 0 && a_.head[subj] == v)
    // (Right after the verb or its particle, however the parse hangs the two words.)
    for (int k = particle_last + 1; k + 1 < a_.n && k <= particle_last + 2 && !each_other; ++k)
      each_other = index_.Is(index_.reciprocal_determiner, a_.low[k]) && index_.Is(index_.reciprocal_object, a_.low[k + 1]) &&
                   count_subject_actors() >= 2;
  if (each_other && !joint_only) {
    best = nullptr;
    best_spec = -1;
    evaluate_patterns(true);
    joint_only = best != nullptr;
  }

  std::string code, reverse, rule;
  if (best) {
    code = best->code.empty() ? (form.code.empty() ? block.code : form.code) : best->code;
    reverse = best->code.empty() ? block.reverse_code : best->reverse_code;
    rule = best->origin;
  } else {
    code = form.code.empty() ? block.code : form.code;
    reverse = block.reverse_code;
    rule = form.origin.empty() ? block.origin : form.origin;
  }
  // "looks forward to President Xi's visit", "hopes for talks with X": intent to meet (036) with
  // the visitor or partner as target.
  int meeting_target = -1;
  if (index_.Is(index_.intent, a_.lem[v]) || index_.Is(index_.intent, a_.low[v])) {
    // The meeting noun is an object or oblique of the verb, or (in a poorer parse) one level
    // further down, a few words after the verb.
    std::vector<int> candidates;
    for (int k : a_.kids[v]) {
      const std::string& r = a_.rel[k];
      if (r == "ccomp" || r == "parataxis" || r == "conj" || r == "nsubj" || r == "punct") continue;
      candidates.push_back(k);
      for (int g : a_.kids[k])
        if (a_.rel[g] == "obj" || a_.rel[g] == "dobj" || IsNominalRel(a_.rel[g])) candidates.push_back(g);
    }
    for (int k : candidates) {
      if (k < v || k > v + 10) continue;
      const std::string& r = a_.rel[k];
      if (!(IsNominalRel(r) || r == "obj" || r == "dobj")) continue;
      if (!index_.Is(index_.meeting_noun, a_.lem[k]) && !index_.Is(index_.meeting_noun, a_.low[k])) continue;
      meeting_target = k;
      code = "036";
      reverse.clear();
      rule = "builtin:intent-to-meet";
      break;
    }
  }
  // Source and target phrases.
  int source_head = -1, target_head = -1;
  if (passive) {
    target_head = subj;
    for (int k : a_.kids[v]) {
      const std::string& r = a_.rel[k];
      if (r == "nmod:agent" || r == "obl:agent" || (IsNominalRel(r) && index_.Is(index_.agent_preposition, a_.CaseOf(k)))) {
        source_head = k;
        break;
      }
    }
  } else {
    source_head = subj;
  }
  // A passive without its agent names no actor: not one outside its own clause ("urged Sudan to
  // rein in militias accused of atrocities" has Powell accuse no one).
  if (best_source >= 0 && !(passive && source_head < 0 && !a_.InSubtree(best_source, v))) source_head = best_source;
  if (best_subject_is_target && subj >= 0) {
    target_head = subj;
    if (best_source < 0) source_head = -1;
  }
  // A passive's object slot is its subject: an actor after the verb is the agent or in an oblique
  // ("were killed in attacks by Iraqi insurgents"), not the target.
  if (best_target >= 0 && !(passive && (best_target == source_head || (best_target_is_object && subj >= 0))))
    target_head = best_target;
  if (meeting_target >= 0) {
    // The meeting's other party: its "with" phrase, else the phrase itself (with its possessor),
    // else whoever the verb names.
    target_head = meeting_target;
    for (int k : a_.kids[meeting_target])
      if (IsNominalRel(a_.rel[k]) && index_.Is(index_.partner_preposition, a_.CaseOf(k))) target_head = k;
    std::vector<ActorCode> t = KnownActors(target_head);
    if (t.empty()) target_head = -1;
  }

  std::vector<ActorCode> sources = Resolve(source_head);
  // An event as the subject ("Baghdad bombings kill a soldier", "Russia mine blast"): a place or
  // country in a compound names where it happened, not who acted; a possessor or a nationality
  // adjective ("Iran's attack", "an Iranian missile attack") does name the actor.
  if (source_head >= 0 && source_head == subj && subj != v && !passive && a_.actor_at[subj] < 0 && a_.agent_at[subj] < 0 &&
      HasNominalForm(subj)) {
    if (!EventNamesItsActor(subj)) sources.clear();
  }
  // A thing that a place only locates uses no force ("a bombing outside a Tel Aviv nightclub that
  // killed four Israelis": the nightclub is no Israeli actor).
  if (source_head >= 0 && source_head == subj && subj != v && !passive && IsForce(code)) {
    int thing = subj;
    if (index_.Is(index_.relative, a_.low[subj]) && a_.head[v] >= 0 && (a_.rel[v] == "acl:relcl" || a_.rel[v] == "relcl"))
      thing = a_.head[v];
    bool located = false;  // its actor is a name compounded with it ("Tel Aviv nightclub")
    for (int k : a_.kids[thing]) located |= a_.rel[k] == "compound" && a_.actor_at[k] >= 0;
    if (located && a_.s->tokens[thing].upos == "NOUN" && a_.actor_at[thing] < 0 && a_.agent_at[thing] < 0 &&
        !HasNominalForm(thing) && !index_.Is(index_.group_anaphor, a_.lem[thing]))
      sources.clear();
  }
  // "Fierce clashes in Iraq kill 34": the place of an event that is the subject is not its actor.
  if (source_head >= 0 && subj >= 0 && source_head != subj && subj != v && !passive && HasNominalForm(subj) &&
      a_.actor_at[subj] < 0 && a_.agent_at[subj] < 0 && a_.InSubtree(source_head, subj) &&
      index_.Is(index_.locative, a_.CaseOf(source_head)))
    sources.clear();
  if (sources.empty()) sources = NewActor(source_head);
  // "claimed responsibility for the school hostage siege": who claims an act did it (claim-verb,
  // responsibility-noun).
  if (int claimant = verbal ? -1 : Claimant(v); claimant >= 0) {
    source_head = claimant;
    sources = Resolve(claimant);
    result->claimed = !sources.empty();
  }
  // Two subjects of the verb with "and" between them are one list ("The United States and Japan
  // condemned", parsed as two subjects).
  if (source_head >= 0 && source_head == subj && a_.head[subj] == v && !passive) {
    for (int k : a_.kids[v]) {
      if (k == subj || a_.rel[k] != a_.rel[subj]) continue;
      bool joined = false;
      // Headlines list with commas too: "Bush, Lawmakers Discuss Social Security".
      for (int c = std::min(k, subj) + 1; c < std::max(k, subj); ++c)
        joined |= (a_.rel[c] == "cc" && (a_.head[c] == k || a_.head[c] == subj || a_.head[c] == v)) ||
                  (a_.s->is_title && a_.low[c] == ",");
      if (!joined) continue;
      for (ActorCode& x : Resolve(k))
        if (std::none_of(sources.begin(), sources.end(), [&](const ActorCode& y) { return y.code == x.code; }))
          sources.push_back(x);
    }
    // As in one list: a subject whose country only the context gave takes the one country the
    // others name ("The Sudanese government and the rebels signed a peace deal in Nairobi").
    std::vector<std::string> named;
    for (const ActorCode& x : sources)
      if (!x.inferred && x.base != "---" && x.base.size() == 3 && !index_.Is(index_.non_country_prefix, Lower3(x.base)) &&
          std::find(named.begin(), named.end(), x.base) == named.end())
        named.push_back(x.base);
    if (named.size() == 1)
      for (ActorCode& x : sources)
        if (x.inferred && x.code.size() >= 3) {
          x.code = named[0] + x.code.substr(3);
          x.base = named[0];
          x.inferred = false;
        }
  }
  if (Trace())
    std::fprintf(stderr, "trace:     %s: code %s, source at %d, target at %d%s\n", rule.c_str(), code.c_str(), source_head,
                 target_head, Negated(v) ? ", negated" : "");
  result->sources = sources;
  if (!sources.empty()) context_->last_sources = sources;

  if (code == kNullCode && reverse.empty()) return true;
  if (Negated(v) && !best_negation) return true;

  auto differs = [&](const std::vector<ActorCode>& t) {
    return std::any_of(t.begin(), t.end(), [&](const ActorCode& x) {
      return std::none_of(sources.begin(), sources.end(), [&](const ActorCode& s) { return s.code == x.code; });
    });
  };
  std::vector<ActorCode> targets;
  if (target_head >= 0) {
    targets = Resolve(target_head);
    if (targets.empty() && IsForce(code)) targets = CityTarget(target_head);
    if (targets.empty()) targets = NewActor(target_head);
  } else if (!verbal) {
    // A noun's event with its partner in a phrase of its own: "Iran's negotiations with the EU",
    // "an attack on Israel"; not a place ("talks in Abuja"), an "of" phrase, or an actor inside
    // another phrase ("battles on the outskirts of the camp").
    for (int k : a_.kids[v]) {
      if (k < v || !IsNominalRel(a_.rel[k]) || IsTemporalRel(a_.rel[k]) || a_.rel[k] == "nmod:poss") continue;
      if (a_.actor_at[k] < 0 && a_.agent_at[k] < 0) continue;
      std::string c = a_.CaseOf(k);
      if (c.empty() || index_.Is(index_.locative, c) || index_.Is(index_.phrase_preposition, c) ||
          index_.Is(index_.agent_preposition, c))
        continue;
      std::vector<ActorCode> t = KnownActors(k);
      if (!t.empty() && differs(t)) {
        targets = std::move(t);
        break;
      }
    }
  } else if (meeting_target >= 0) {
    // "agree to take part in peace talks in Abuja": a meeting without a named partner has none
    // (a place is not one).
  } else if (!passive && verbal) {
    // A meeting's partner is no place it was held in ("Schroeder met in Berlin").
    const bool places_partners = !index_.Is(index_.joint, code);
    targets = FindTarget(v, subj, false, differs, places_partners);
    // Force against a facility in a city the gazetteer knows: the city's country ("attacked a
    // checkpoint in Mosul"), as for a facility in a named country.
    if (targets.empty() && IsForce(code))
      for (int k : a_.kids[v])
        if (k > v && (a_.rel[k] == "obj" || a_.rel[k] == "dobj") && a_.actor_at[k] < 0 && a_.agent_at[k] < 0)
          if (int place = PlaceInside(k); place >= 0 && a_.actor_at[place] < 0) targets = CityTarget(place);
    // Verbs of saying and thinking: the actors of the reported clause ("believes Dagolath can").
    if (targets.empty()) {
      targets = FindTarget(v, subj, true, differs, places_partners);
      result->target_from_clause = !targets.empty();
    }
    if (targets.empty() && options_.new_actor_length > 0) {
      // The first object or oblique after the verb, as a new actor.
      for (int k : a_.kids[v]) {
        const std::string& r = a_.rel[k];
        if (k < v || !(r == "obj" || r == "dobj" || (IsNominalRel(r) && !IsTemporalRel(r)))) continue;
        targets = NewActor(k);
        break;
      }
    }
  }
  // "rejected his army's request", "the rebels' demand ... has been rejected by the government":
  // an appeal that another actor answers (answer-verb) was addressed to that actor, whatever its
  // own phrases name ("request to scale back its Gaza offensive").
  if (!verbal && !sources.empty()) {
    if (int answerer = Answerer(v); answerer >= 0) {
      std::vector<ActorCode> t = KnownActors(answerer);
      if (!t.empty() && differs(t)) {
        targets = std::move(t);
        result->addressed_to_answerer = true;
      }
    }
  }
  if (passive && sources.empty() && source_head < 0 && best_source < 0) {
    // A passive without an agent: the actor of an event in an oblique, named by the event noun's
    // own phrase or its "by" phrase ("was shot dead in an Israeli raid", "were killed in attacks
    // by insurgents"); with "passive-agent: event-noun" (coding_rules.txt) a place is no actor
    // ("were killed in a blast in Russia"), without it any actor in the obliques is, PETRARCH's
    // convention ("An Eriadorian was shot dead in Osgiliath": OSG).
    const bool event_nouns_only = index_.Is(index_.passive_agent, "event-noun");
    // Where the verb shares its oblique with a conjoined clause, that clause's ("were killed and
    // several others wounded in insurgent attacks").
    std::vector<int> clauses = {v}, nominals;
    for (int k : a_.kids[v]) {
      if (a_.rel[k] != "conj") continue;
      clauses.push_back(k);
      for (int m : a_.kids[k])
        if ((a_.rel[m] == "amod" || a_.rel[m] == "acl") && (a_.s->tokens[m].xpos == "VBN" || a_.low[m].ends_with("ed")))
          clauses.push_back(m);
    }
    std::vector<int> queue;
    for (int c : clauses)
      for (int k : a_.kids[c]) {
        if (!IsNominalRel(a_.rel[k]) || IsTemporalRel(a_.rel[k])) continue;
        if (!event_nouns_only) {
          queue.push_back(k);
          continue;
        }
        if (!HasNominalForm(k)) continue;
        if (EventNamesItsActor(k)) nominals.push_back(k);
        for (int m : a_.kids[k])
          if (IsNominalRel(a_.rel[m]) && index_.Is(index_.agent_preposition, a_.CaseOf(m))) nominals.push_back(m);
      }
    if (!event_nouns_only)
      for (int k : a_.kids[v])
        if (a_.rel[k] == "obj" || a_.rel[k] == "dobj") queue.push_back(k);
    // The phrases inside the obliques too ("criticized over its dispute with Eriador").
    for (size_t i = 0; i < queue.size(); ++i) {
      nominals.push_back(queue[i]);
      for (int k : a_.kids[queue[i]])
        if (IsNominalRel(a_.rel[k]) && a_.rel[k] != "nmod:poss" && !IsTemporalRel(a_.rel[k])) queue.push_back(k);
    }
    std::sort(nominals.begin(), nominals.end());
    for (int k : nominals) {
      std::vector<ActorCode> c = Resolve(k);
      std::erase_if(c, [&](const ActorCode& x) {
        return x.base == "---" ||
               std::any_of(targets.begin(), targets.end(), [&](const ActorCode& t) { return t.code == x.code; });
      });
      if (!c.empty()) {
        sources = std::move(c);
        break;
      }
    }
  }

  // Legal action that names no one taking it (court-source, court-word): a court of where it
  // happens ("Four US soldiers charged with abusing Iraqi prisoners", "the trial of three
  // Americans resumed in Kabul").
  // An infinitive's act is someone's plan or wish ("plans to prosecute", "set to go on trial"), not
  // a court's act.
  if (sources.empty() && !targets.empty() && index_.Is(index_.court_source, code) && !index_.court_role.empty() &&
      !Infinitival(v) && NamesCourt(v)) {
    const ActorCode& accused = targets.front();
    const bool accused_country = accused.base.size() == 3 && accused.base != "---";
    std::string country;
    if (accused_country && accused.code.size() >= 6 && index_.Is(index_.own_court_role, Lower3(accused.code.substr(3))))
      country = accused.base;
    if (country.empty()) country = ContextCountry();
    if (country.empty() && accused_country) country = accused.base;
    if (country.size() == 3 && !index_.Is(index_.non_country_prefix, Lower3(country))) {
      std::string role = *index_.court_role.begin();
      for (char& c : role) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      ActorCode court;
      court.code = country + role;
      court.base = country;
      court.first = court.last = v;
      court.inferred = true;
      sources.push_back(std::move(court));
      result->court_implied = true;
    }
  }

  // A state's act on its own people without a named target (own-country-target): the country
  // where it happens, else the state's own ("declared a state of emergency for 60 days").
  if (targets.empty() && !sources.empty() && index_.Is(index_.own_country_target, code)) {
    std::string country = ContextCountry();
    if (country.empty()) country = sources.front().base;
    if (country.size() == 3 && country != "---" && !index_.Is(index_.non_country_prefix, Lower3(country)))
      targets.push_back(ActorCode{country, country, v, v});
  }

  // A state's arrest of someone whose country the item does not give is of its own people
  // (domestic-target, by a domestic-source-role: not troops, who often serve abroad): "British
  // police arrest radical cleric Abu Hamza" is GBRCOP 173 GBRELI.
  if (sources.size() == 1 && index_.Is(index_.domestic_target, code)) {
    const ActorCode& s = sources.front();
    if (HasRoleIn(s.code, index_.domestic_source_role) && s.base.size() == 3 && s.base != "---" &&
        !index_.Is(index_.non_country_prefix, Lower3(s.base)))
      for (ActorCode& t : targets)
        if (t.base == "---" && t.code.starts_with("---")) {
          t.code = s.base + t.code.substr(3);
          t.base = s.base;
        }
  }

  int verb_last = particle_last;
  auto make = [&](const ActorCode& s, const ActorCode* t, const std::string& c) {
    Event e;
    e.article_id = article_.id;
    e.date = article_.date;
    e.sentence_index = sentence_index_;
    e.source = s.code;
    e.target = t ? t->code : "";
    e.code = c;
    e.source_span = SpanOf(s.first, s.last);
    e.verb_span = SpanOf(std::min(v, v - static_cast<int>(form.before.size())), verb_last);
    if (t) e.target_span = SpanOf(t->first, t->last);
    e.rule = rule;
    for (const Event& x : result->events)
      if (x.source == e.source && x.target == e.target && x.code == e.code) return;
    result->events.push_back(std::move(e));
  };
  // "India and Pakistan concluded a round of talks": a meeting without a named partner is between
  // the actors that hold it.
  // Fighting is joint only when the verb is ("fought", "clashed"; not "attacked the village").
  bool joint = index_.Is(index_.joint, code) || (index_.Is(index_.joint_symmetric, code) && !reverse.empty());
  // What the verb finds outside the pattern is no partner then: "Koizumi and Bush discussed North
  // Korea" is their meeting, North Korea its topic.
  if (joint_only) {
    if (!joint && !each_other) return true;
    targets.clear();
    best_compound = true;
  }
  // Actors named together who fight: each other, not an actor in a phrase of place or
  // circumstance the target slot reached ("Palestinian gunmen and Israeli troops fought pitched
  // battles on the outskirts of the refugee camp").
  if (joint && !best_compound && !passive && !targets.empty() && target_head >= 0 && subj >= 0 && a_.head[subj] == v &&
      count_subject_actors() >= 2) {
    int h = PhraseHead(target_head);
    bool object = a_.head[h] == v && (a_.rel[h] == "obj" || a_.rel[h] == "dobj");
    bool partner = IsNominalRel(a_.rel[h]) && a_.head[h] == v && index_.Is(index_.partner_preposition, a_.CaseOf(h));
    if (!object && !partner) {
      targets.clear();
      best_compound = true;
    }
  }
  if (!best_compound && targets.empty() && sources.size() >= 2 && joint) best_compound = true;
  if (best_compound) {
    if (sources.size() < 2) return true;
    for (const ActorCode& s : sources)
      for (const ActorCode& t : sources) {
        if (s.code == t.code) continue;
        if (code != kNullCode) make(s, &t, code);
      }
    return true;
  }
  if (sources.empty()) return true;
  if (targets.empty()) {
    if (options_.require_dyad) return true;
    for (const ActorCode& s : sources)
      if (code != kNullCode) make(s, nullptr, code);
    return true;
  }
  for (const ActorCode& s : sources)
    for (const ActorCode& t : targets) {
      // An actor acting on itself is no dyad; a country and its parts act on each other
      // ("insurgents killed Iraqis": IRQREB -> IRQ; "Syria used chemical weapons against Syrian
      // civilians": SYR -> SYRCVL).
      if (s.code == t.code) continue;
      if (code != kNullCode) make(s, &t, code);
      if (!reverse.empty()) {
        make(t, &s, reverse);
      } else if (auto it = index_.reciprocal.find(code); it != index_.reciprocal.end() && code != kNullCode) {
        make(t, &s, it->second);
      }
    }
  return true;
}

int SentenceCoder::PredicateValence(int v, const Event& e) const {
  std::shared_ptr<const text::ToneLexicon> tone = text::ToneLexicon::Default();
  if (!tone) return 0;
  // The predicate: the verb's first phrase after the target ("a liar", "as a great hero", "the
  // worst countries"), its head and the head's own modifiers, not its phrases ("in terms of press
  // freedom").
  for (int k : a_.kids[v]) {
    const std::string& r = a_.rel[k];
    if (a_.s->tokens[k].span.begin < e.target_span.end) continue;
    // (A quoted predicate may be parsed as a parataxis: called the move "totally unacceptable".)
    if (r != "xcomp" && r != "obj" && r != "dobj" && r != "parataxis" && !r.starts_with("obl") && !r.starts_with("nmod"))
      continue;
    int valence = tone->Valence(a_.low[k]);
    for (int m : a_.kids[k])
      if (a_.rel[m] == "amod" || a_.rel[m] == "advmod" || a_.rel[m] == "compound") valence += tone->Valence(a_.low[m]);
    return valence;
  }
  return 0;
}

int SentenceCoder::ReportedPredicateValence(int v, const Event& e) const {
  std::shared_ptr<const text::ToneLexicon> tone = text::ToneLexicon::Default();
  if (!tone) return 0;
  // The reported clause's predicate after a copula ("was illegal", "would be a solid candidate"),
  // whose subject's phrase holds the target; the predicate word and its own modifiers.
  for (int c : a_.kids[v]) {
    if (a_.rel[c] != "ccomp" || a_.ChildWithRel(c, {"cop"}) < 0) continue;
    const int subject = a_.ChildWithRel(c, {"nsubj", "nsubj:pass", "nsubjpass"});
    if (subject < 0) continue;
    bool holds_target = false;
    for (int t = 0; t < a_.n && !holds_target; ++t)
      holds_target = a_.InSubtree(t, subject) && a_.s->tokens[t].span.begin >= e.target_span.begin &&
                     a_.s->tokens[t].span.end <= e.target_span.end;
    if (!holds_target) continue;
    int valence = tone->Valence(a_.low[c]);
    for (int m : a_.kids[c])
      if (a_.rel[m] == "amod" || a_.rel[m] == "advmod" || a_.rel[m] == "compound") valence += tone->Valence(a_.low[m]);
    return valence;
  }
  return 0;
}

bool SentenceCoder::TargetIsCaptive(const Event& e) const {
  for (int t = 0; t < a_.n; ++t) {
    const Span& span = a_.s->tokens[t].span;
    if (span.begin >= e.target_span.begin && span.end <= e.target_span.end &&
        (index_.Is(index_.captive_word, a_.low[t]) || index_.Is(index_.captive_word, a_.lem[t])))
      return true;
  }
  return false;
}

bool SentenceCoder::SpanNamesPerson(const Span& span) const {
  for (int t = 0; t < a_.n; ++t) {
    const Span& w = a_.s->tokens[t].span;
    if (w.begin >= span.begin && w.end <= span.end && a_.actor_at[t] >= 0 &&
        Actor(a_.actor_mentions[a_.actor_at[t]].entry).kind == ActorKind::kPerson)
      return true;
  }
  return false;
}

bool SentenceCoder::SpanHasWord(const Span& span, const WordLists::Set& words) const {
  for (int t = 0; t < a_.n; ++t) {
    const Span& w = a_.s->tokens[t].span;
    if (w.begin >= span.begin && w.end <= span.end && span.end > span.begin &&
        (index_.Is(words, a_.low[t]) || index_.Is(words, a_.lem[t])))
      return true;
  }
  return false;
}

bool SentenceCoder::ActNamedBy(int v, const Event& e, const WordLists::Set& words) const {
  auto within_source = [&](int t) {
    const Span& span = a_.s->tokens[t].span;
    return span.begin >= e.source_span.begin && span.end <= e.source_span.end;
  };
  for (int t = 0; t < a_.n; ++t) {
    bool in_source = within_source(t);
    // Or a modifier of the source's words ("a suicide car bomber" named by "bomber").
    for (int h = t, guard = 0; !in_source && guard < 4 && a_.head[h] >= 0 &&
                               (a_.rel[h] == "compound" || a_.rel[h] == "amod");
         ++guard) {
      h = a_.head[h];
      in_source = within_source(h);
    }
    bool of_verb = t == v || (a_.head[t] == v && (a_.rel[t] == "compound" || a_.rel[t] == "amod" ||
                                                   a_.rel[t] == "obj" || a_.rel[t] == "obl"));
    // Or a modifier of the act's instrument: "killed in a bomb attack", "in an air strike" (also
    // where the parse hung that phrase lower in the clause: "killed an aide to the governor of
    // Sindh province in a bomb attack").
    if (int n = a_.head[t]; !of_verb && n >= 0 && (a_.rel[t] == "compound" || a_.rel[t] == "amod")) {
      const std::string preposition = a_.CaseOf(n);
      of_verb = (a_.head[n] == v && (a_.rel[n] == "obl" || a_.rel[n] == "obj")) ||
                (n > v && a_.InSubtree(n, v) && (preposition == "in" || preposition == "with"));
    }
    if ((in_source || of_verb) && (index_.Is(words, a_.low[t]) || index_.Is(words, a_.lem[t])))
      return true;
  }
  // A participle of the harm done ("set off a bomb outside a market, killing two and wounding
  // 12") is named as the act it follows is.
  if (a_.head[v] >= 0 && a_.rel[v] == "advcl" && a_.s->tokens[v].xpos == "VBG" && a_.head[v] < v)
    return ActNamedBy(a_.head[v], e, words);
  return false;
}

bool SentenceCoder::HasAgentByHeads(int t) const {
  for (int k = 0; k < a_.n; ++k) {
    if (a_.head[k] != t) continue;
    if (a_.rel[k] == "obl:agent" || a_.rel[k] == "nmod:agent") return true;
    if (IsNominalRel(a_.rel[k]) && index_.Is(index_.agent_preposition, a_.MarkerByHeads(k))) return true;
  }
  return false;
}

bool SentenceCoder::IsVerbal(int v) const {
  const Token& t = a_.s->tokens[v];
  return t.upos == "VERB" || (t.upos.empty() && t.xpos.starts_with("VB")) ||
         (t.upos != "AUX" && t.xpos.starts_with("VB") && t.upos != "NOUN");
}

int SentenceCoder::PlaceInside(int h) const {
  for (int t = h + 1; t < a_.n; ++t) {
    if (!a_.InSubtree(t, h)) continue;
    // A country's name, or a city the gazetteer knows ("fired missiles at a car in Gaza City").
    if (a_.actor_at[t] < 0 ? CityCountry(t).empty() : CountryOf(a_.actor_mentions[a_.actor_at[t]]).empty()) continue;
    if (!index_.Is(index_.locative, a_.CaseOf(PhraseHead(t)))) continue;
    return t;
  }
  return -1;
}

bool SentenceCoder::EventNamesItsActor(int noun) const {
  for (int k : a_.kids[noun]) {
    if (a_.actor_at[k] < 0 && a_.agent_at[k] < 0) continue;
    const std::string& r = a_.rel[k];
    if (r == "nmod:poss" || r == "amod") return true;
    if (r == "compound" && a_.actor_at[k] < 0) return true;
    // Not a phrase that names its target ("the murder of an Iraqi general", "the attack on Israel").
    if (IsNominalRel(r) && !index_.Is(index_.locative, a_.CaseOf(k)) && !PhraseNamesTarget(noun, a_.CaseOf(k)))
      return true;
  }
  return false;
}

bool SentenceCoder::PhraseNamesTarget(int noun, const std::string& preposition) const {
  // "the murder of an Iraqi general": a noun whose own patterns put the target in its "of"
  // phrase ("murder of + by $") names its victim there, not its actor.
  for (const std::string* key : {&a_.lem[noun], &a_.low[noun]})
    for (const VerbDictionary::FormRef& ref : d_.verbs.Find(*key)) {
      const VerbBlock& block = d_.verbs.blocks()[ref.block];
      if (!block.forms[ref.form].nominal) continue;
      for (const VerbPattern& p : block.patterns)
        for (const PatternPrep& prep : p.post_preps)
          if (prep.preposition == preposition &&
              std::any_of(prep.objects.begin(), prep.objects.end(),
                          [](const PatternNoun& o) { return o.role == SlotRole::kTarget; }))
            return true;
    }
  return false;
}

bool SentenceCoder::HasNominalForm(int v) {
  const Token& t = a_.s->tokens[v];
  if (t.upos != "NOUN" && t.upos != "ADJ") return false;
  bool known = false;
  for (const std::string* key : {&a_.lem[v], &a_.low[v]})
    for (const VerbDictionary::FormRef& ref : d_.verbs.Find(*key)) {
      if (d_.verbs.blocks()[ref.block].forms[ref.form].nominal) return true;
      known = true;
    }
  return known && (NamesItsAgent(v) || Claimant(v) >= 0);
}

bool SentenceCoder::InComplement(int t, int v) const {
  // Past the complement's own verb: a subject before it ("Orders Fighters to Lay Down Weapons"
  // parsed with the fighters as the subject of "Lay") is the object the verb controls.
  const int token = t;
  for (int guard = 0; t >= 0 && guard < a_.n; ++guard) {
    int h = a_.head[t];
    if (h == v)
      return token > t && (a_.rel[t] == "xcomp" || a_.rel[t] == "ccomp" || (a_.rel[t] == "advcl" && Infinitival(t)));
    if (h >= 0 && a_.head[h] == v && a_.rel[t] == "acl" && Infinitival(t) &&
        (a_.rel[h] == "obj" || a_.rel[h] == "dobj"))
      return token > t;  // "urged the world to unite": the infinitive hangs from the object
    t = h;
  }
  return false;
}

int SentenceCoder::Claimant(int v) const {
  // "X claimed responsibility for the siege": X (claim-verb, responsibility-noun).
  // The "for" phrase hangs from the noun or, in many parses, from the verb.
  if (a_.head[v] < 0 || !IsNominalRel(a_.rel[v]) || !index_.Is(index_.responsibility_preposition, a_.CaseOf(v))) return -1;
  int claim = a_.head[v];
  if (!IsVerbal(claim)) claim = a_.head[claim];
  if (claim < 0 || !IsVerbal(claim) || !index_.Is(index_.claim_verb, a_.lem[claim])) return -1;
  bool responsibility = false;
  for (int k : a_.kids[claim])
    responsibility |= (a_.rel[k] == "obj" || a_.rel[k] == "dobj") && index_.Is(index_.responsibility_noun, a_.lem[k]);
  if (!responsibility) return -1;
  for (int k : a_.kids[claim])
    if (a_.rel[k] == "nsubj") return k;
  return -1;
}

bool SentenceCoder::NamesItsAgent(int v) {
  // "Israeli attack on Gaza", "Russia's invasion of Ukraine", "US sanctions against Belarus": a
  // noun whose own phrase names an actor before it reads its verb's patterns with that actor as
  // the source.
  if (a_.s->tokens[v].upos != "NOUN") return false;
  std::vector<ActorCode> own = Resolve(v);
  return std::any_of(own.begin(), own.end(), [&](const ActorCode& x) { return x.base != "---" && x.first < v; });
}

bool SentenceCoder::DatedBackground(int v) const {
  if (date_ <= 0) return false;
  const int article_year = date_ / 10000;
  // ("1995", or the last year of a span written as one word, "1991-2002".)
  auto old_year = [&](int t) {
    std::string f = a_.low[t];
    if (f.size() == 9 && f[4] == '-') f = f.substr(5);
    if (f.size() != 4 || !std::all_of(f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    const int year = std::stoi(f);
    return year >= 1800 && year < article_year - 1;
  };
  // The verb itself (a noun's event) and its subject. (Not the noun of a phrase on the verb: "was
  // sentenced for conspiracy in the 2002 Bali bombings" is this year's sentence.)
  std::vector<int> phrases;
  phrases.push_back(v);
  for (int k : a_.kids[v])
    if (a_.rel[k].starts_with("nsubj")) phrases.push_back(k);
  for (int t = 0; t < a_.n; ++t) {
    if (!old_year(t) || a_.head[t] < 0) continue;
    const int h = a_.head[t];
    const std::string& r = a_.rel[t];
    // "in 1995", "during 1994" on the verb or its object ("fought a border war in 1995"); "the 1995
    // war", "1991-2002" before the noun.
    const bool on_object = h >= 0 && a_.head[h] == v && (a_.rel[h] == "obj" || a_.rel[h] == "dobj");
    if ((h == v || on_object) && IsNominalRel(r) && index_.Is(index_.year_preposition, a_.CaseOf(t))) return true;
    for (int p : phrases)
      if ((h == p || (a_.head[h] == p && a_.low[h] == "-")) &&
          (r == "nummod" || r == "compound" || r == "amod" || r == "nmod" || r == "obl:npmod" || r == "nmod:npmod") &&
          t < p)
        return true;
  }
  return false;
}

bool SentenceCoder::Unreal(int v) const {
  // "denied sending drones", "refused to release": the act its governor denies or refuses is not
  // done (the refusal itself is coded by its own pattern, "refuse to release +").
  // (An adverbial only with its marker: "rejected the call, accusing Washington of a hostile
  // policy" accused.)
  // (Not a clause of its own time or reason: "denied any involvement, after Lebanese leaders
  // accused Damascus" accused; subordinator.)
  const int marker = a_.ChildWithRel(v, {"mark"});
  const bool complement_marker = marker >= 0 && !index_.Is(index_.subordinator, a_.low[marker]);
  if (a_.head[v] >= 0 && (a_.rel[v] == "xcomp" || a_.rel[v] == "ccomp" || (a_.rel[v] == "advcl" && complement_marker)) &&
      index_.Is(index_.denial, a_.lem[a_.head[v]]))
    return true;
  // "stopped supplying weapons", "stopped short of blaming Damascus": an act its governor ends or
  // holds back from is not done (cessation-verb).
  // So is a complement clause of a verb that bans or prevents ("banning most US exports to the
  // country" parsed with "exports" a verb; prevention-verb).
  if (a_.head[v] >= 0 && (a_.rel[v] == "xcomp" || a_.rel[v] == "ccomp") &&
      index_.Is(index_.prevention_verb, a_.lem[a_.head[v]]))
    return true;
  // (An adverbial only with its marker: "halted the offensive, withdrawing troops" withdrew.)
  if (int h = a_.head[v]; h >= 0 && a_.s->tokens[v].xpos == "VBG" &&
                          (a_.rel[v] == "xcomp" || a_.rel[v] == "ccomp" || (a_.rel[v] == "advcl" && complement_marker))) {
    if (a_.s->tokens[h].upos == "ADJ" && a_.rel[h] == "xcomp" && a_.head[h] >= 0) h = a_.head[h];
    if (index_.Is(index_.cessation_verb, a_.lem[h])) return true;
  }
  // "a boy feared kidnapped", parsed with both participles on the noun: the same.
  if (v > 0 && a_.s->tokens[v].xpos == "VBN" && a_.s->tokens[v - 1].xpos == "VBN" &&
      index_.Is(index_.denial, a_.lem[v - 1]) && (a_.head[v] == v - 1 || a_.head[v] == a_.head[v - 1]))
    return true;
  // "Americans accused of torturing prisoners", "charged with abusing": an alleged act is an
  // allegation, not the act (allegation-verb).
  // (Also parsed as a clause of the accused: "accused the United States of backing a plot".)
  if (int h = a_.head[v]; h >= 0 && a_.s->tokens[v].xpos == "VBG" &&
                          (index_.Is(index_.allegation_verb, a_.lem[h]) ||
                           (a_.rel[v] == "acl" && (a_.rel[h] == "obj" || a_.rel[h] == "dobj") && a_.head[h] >= 0 &&
                            index_.Is(index_.allegation_verb, a_.lem[a_.head[h]]))))
    for (int k : a_.kids[v])
      if ((a_.rel[k] == "mark" || a_.rel[k] == "case") && index_.Is(index_.allegation_marker, a_.low[k])) return true;
  // "rejected accusations by U.S. officials that it was letting insurgents slip across": what a
  // charge says was done is the charge, not the act (charge-noun with its "that" clause).
  if (int h = a_.head[v]; h >= 0 && (a_.rel[v] == "acl" || a_.rel[v] == "ccomp") && complement_marker &&
                          index_.Is(index_.complementizer, a_.low[marker]) &&
                          (index_.Is(index_.charge_noun, a_.lem[h]) || index_.Is(index_.charge_noun, a_.low[h])))
    return true;
  // "against providing", "from attacking": a gerund after an averting marker.
  for (int k : a_.kids[v])
    if ((a_.rel[k] == "mark" || a_.rel[k] == "case") && index_.Is(index_.averted, a_.low[k]) &&
        a_.s->tokens[v].xpos == "VBG")
      return true;
  // "the rationale for invading Iraq": a gerund that completes a noun names an idea, not an act.
  // (Parsed also as an adverbial of the verb whose object that noun is; "criticized Russia for
  // attacking", whose object names an actor, is Russia's act.)
  if (a_.s->tokens[v].xpos == "VBG" && a_.head[v] >= 0 && v > 1) {
    int marker = -1;
    for (int k : a_.kids[v])
      if ((a_.rel[k] == "mark" || a_.rel[k] == "case") && k == v - 1 && index_.Is(index_.noun_purpose_marker, a_.low[k]))
        marker = k;
    int noun = marker - 1;
    bool of_noun = a_.rel[v] == "acl" && !IsVerbal(a_.head[v]);
    bool after_object = a_.rel[v] == "advcl" && noun >= 0 && a_.head[noun] == a_.head[v] &&
                        (a_.rel[noun] == "obj" || a_.rel[noun] == "dobj") && a_.actor_at[noun] < 0 &&
                        a_.agent_at[noun] < 0 && a_.s->tokens[noun].upos == "NOUN";
    if (marker >= 0 && (of_noun || after_object)) return true;
  }
  // "backing a plot to assassinate him": the act a noun of plotting or refusal (denial) names
  // (also parsed as an infinitive of the verb whose object the noun is).
  if (a_.head[v] >= 0 && Infinitival(v) && (a_.rel[v] == "acl" || a_.rel[v] == "advcl")) {
    int noun = a_.rel[v] == "acl" ? a_.head[v] : -1;
    for (int k : a_.kids[v])
      if (a_.rel[v] == "advcl" && a_.rel[k] == "mark" && k > 0 && k < v && a_.head[k - 1] == a_.head[v] &&
          (a_.rel[k - 1] == "obj" || a_.rel[k - 1] == "dobj"))
        noun = k - 1;
    if (noun >= 0 && a_.s->tokens[noun].upos == "NOUN" && index_.Is(index_.denial, a_.lem[noun])) return true;
  }
  // "accused the United States of plotting to assassinate him", "denied trying to kill": what
  // completes an act that did not happen did not happen either.
  if (a_.head[v] >= 0 && a_.rel[v] == "xcomp" && IsVerbal(a_.head[v]) && Unreal(a_.head[v])) return true;
  // "possible sanctions against Tehran", "a proposed visit": an event noun the text only supposes.
  if (!IsVerbal(v))
    for (int k : a_.kids[v])
      if (a_.rel[k] == "amod" && index_.Is(index_.unreal_modifier, a_.low[k])) return true;
  // "he could apologize": an act only said to be possible (hypothetical-auxiliary).
  for (int k : a_.kids[v])
    if (a_.rel[k] == "aux" && index_.Is(index_.hypothetical, a_.low[k])) return true;
  // Up the verb's own clause (its conjuncts and complements) to a condition's marker.
  int t = v;
  for (int guard = 0; guard < 6 && t >= 0; ++guard) {
    for (int k : a_.kids[t])
      if ((a_.rel[k] == "mark" || a_.rel[k] == "advmod") && k < t && index_.Is(index_.condition, a_.low[k])) return true;
    const std::string& r = a_.rel[t];
    if (r != "conj" && r != "xcomp") break;
    t = a_.head[t];
  }
  return false;
}

std::string SentenceCoder::CountryOf(const Analysis::Mention& m) const {
  const ActorEntry& e = Actor(m.entry);
  if (e.kind == ActorKind::kRegion) return "";
  std::string code = CodeOf(m.entry);
  if (code.size() < 3) return "";
  std::string prefix = code.substr(0, 3);
  std::string lower = prefix;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (index_.Is(index_.non_country_prefix, lower)) return "";
  if (!std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return "";
  return prefix;
}

void SentenceCoder::CollectPlaces() {
  if (!analyzed_) Analyze();
  if (static_cast<int>(context_->places.size()) <= sentence_index_) context_->places.resize(sentence_index_ + 1);
  auto add = [](std::vector<std::string>* list, const std::string& c) {
    if (std::find(list->begin(), list->end(), c) == list->end()) list->push_back(c);
  };
  for (const Analysis::Mention& m : a_.actor_mentions) {
    const ActorEntry& entry = Actor(m.entry);
    if (entry.kind == ActorKind::kPerson && m.end - m.begin >= 2) {
      std::string code = CodeOf(m.entry);
      for (int t = m.begin; t < m.end && code.size() > 3; ++t) {
        if (!std::isupper(static_cast<unsigned char>(a_.s->tokens[t].form[0])) || a_.low[t].size() < 2) continue;
        auto [it, added] = context_->person_words.emplace(a_.low[t], code);
        if (!added && it->second != code) it->second.clear();
      }
    }
    std::string country = CountryOf(m);
    if (country.empty()) continue;
    // "near the Afghan border" names a frontier, on either side of which the events may be
    // (border-noun): no country of the article's.
    int h = PhraseHead(m.begin);
    if (h != m.begin && index_.Is(index_.locative, a_.CaseOf(h)) && index_.Is(index_.border_noun, a_.lem[h])) continue;
    // "fired mortar rounds at a U.S. military base", "outside the Danish embassy": a country
    // before a facility it keeps abroad (facility-noun) owns it; it is no place of the events.
    const bool owner = h != m.begin && m.end <= h && index_.Is(index_.facility_noun, a_.lem[h]);
    add(&context_->countries, country);
    bool private_people = false;
    if (m.demonym && m.end < a_.n) {
      int g = a_.agent_at[m.end];
      private_people = index_.Is(index_.captive_word, a_.low[m.end]) ||
                       (g >= 0 && index_.Is(index_.private_role, Lower3(d_.actors.agents()[a_.agent_mentions[g].entry].code)));
    }
    if (!private_people) add(&context_->armed_group_countries, country);
    // A place phrase: the mention's phrase ("in Iraq", "his Baghdad home", "Iraq's northeast")
    // is introduced by a preposition of place.
    if (owner || !index_.Is(index_.locative, PlaceCase(h))) continue;
    add(&context_->places[sentence_index_], country);
    if (a_.s->is_title) add(&context_->title_places, country);
  }
  // Cities the gazetteer knows, in phrases of place: "clashes flared in Najaf", "in the city of
  // Falluja" (GeoNames cities of 50,000 people or more, capitals or seats of provinces).
  std::shared_ptr<const geo::Gazetteer> gazetteer = geo::Gazetteer::Default();
  if (!gazetteer) return;
  for (int t = 0; t < a_.n; ++t) {
    if (a_.s->tokens[t].upos != "PROPN" && a_.s->tokens[t].upos != "NOUN") continue;
    if (a_.actor_at[t] >= 0 || a_.agent_at[t] >= 0) continue;
    int h = PhraseHead(t);
    std::string c = PlaceCase(h);
    // Also a city a verb acts on ("struck Falluja", "visited Najaf") or an attack strikes ("an air
    // strike on Falluja"): the events are there.
    const bool object = c.empty() && (a_.rel[h] == "obj" || a_.rel[h] == "dobj");
    const bool struck = (c == "on" || c == "against") && a_.head[h] >= 0 &&
                        !VerbFormOf({a_.lem[a_.head[h]], a_.low[a_.head[h]]}, [](const VerbBlock& block, const VerbForm&) {
                           return IsForce(block.code) || std::any_of(block.patterns.begin(), block.patterns.end(),
                                                                     [](const VerbPattern& p) { return IsForce(p.code); });
                         }).empty();
    if (!index_.Is(index_.locative, c) && !object && !struck) continue;
    std::string code = CityCountry(t);
    if (code.empty()) continue;
    add(&context_->countries, code);
    add(&context_->places[sentence_index_], code);
    if (a_.s->is_title) add(&context_->title_places, code);
  }
}

void SentenceCoder::NoteAgentCountries() {
  if (!analyzed_) Analyze();
  for (const Analysis::Mention& m : a_.agent_mentions) Resolve(PhraseHead(m.begin));
}

std::string SentenceCoder::CityCountry(int t) const {
  if (t < 0 || a_.actor_at[t] >= 0 || a_.agent_at[t] >= 0) return "";
  // A headline's capitalized noun may be a name the tagger missed ("US forces bomb Falluja").
  const bool proper = a_.s->tokens[t].upos == "PROPN" ||
                      (a_.s->is_title && a_.s->tokens[t].upos == "NOUN" &&
                       std::isupper(static_cast<unsigned char>(a_.s->tokens[t].form[0])));
  if (!proper) return "";
  if (t + 1 < a_.n && a_.s->tokens[t + 1].upos == "PROPN" && a_.actor_at[t + 1] < 0) return "";  // not the name's end
  std::shared_ptr<const geo::Gazetteer> gazetteer = geo::Gazetteer::Default();
  if (!gazetteer) return "";
  const int b = CityNameStart(t);
  std::string name;
  for (int k = b; k <= t; ++k) name += (k > b ? " " : "") + a_.s->tokens[k].form;
  const geo::City* city = gazetteer->FindCity(name);
  // (A county seat is too small to stand for a country: "Iraqi Council member" is no Council, Idaho.)
  if (!city || (city->population < 50000 && !city->province_seat())) return "";
  const geo::Country* country = gazetteer->FindCountry(city->country);
  return country ? CameoCountryCode(country->alpha3) : "";
}

std::vector<ActorCode> SentenceCoder::CityTarget(int h) const {
  if (h < 0) return {};
  std::string code = CityCountry(h);
  if (code.empty() || index_.Is(index_.non_country_prefix, Lower3(code))) return {};
  return {ActorCode{code, code, CityNameStart(h), h}};
}

int SentenceCoder::CityNameStart(int t) const {
  int b = t;
  while (b > 0 && a_.s->tokens[b - 1].upos == "PROPN" && a_.actor_at[b - 1] < 0 && a_.agent_at[b - 1] < 0) --b;
  return b;
}

std::string SentenceCoder::PlaceCase(int h) const {
  std::string c = a_.CaseOf(h);
  int g = a_.head[h];
  if (c != "of" || g < 0) return c;
  if (index_.Is(index_.direction_noun, a_.lem[g]) || index_.Is(index_.direction_noun, a_.low[g])) return "in";
  if (index_.Is(index_.place_noun, a_.lem[g])) return a_.CaseOf(g);
  return c;
}

bool SentenceCoder::InVictimPhrase(int t, int v) const {
  // A claim of responsibility is about the victims ("claimed responsibility for the kidnapping of
  // two French journalists": a statement to them, with the kidnapping itself).
  if (index_.Is(index_.claim_verb, a_.lem[v])) return false;
  for (int a = t, guard = 0; a >= 0 && a != v && guard < a_.n; a = a_.head[a], ++guard) {
    int n = a_.head[a];
    if (n < 0 || n == v || !IsNominalRel(a_.rel[a]) || a_.rel[a] == "nmod:poss") continue;
    if (a_.s->tokens[n].upos != "NOUN" || a_.actor_at[n] >= 0 || a_.agent_at[n] >= 0) continue;
    const std::string c = a_.CaseOf(a);
    if (PhraseNamesTarget(n, c)) return true;
    // Nor is the place of such an event ("the kidnapping of aid workers in Iraq").
    if (index_.Is(index_.locative, c) && PhraseNamesTarget(n, "of")) return true;
  }
  return false;
}

bool SentenceCoder::NamesCourt(int v) const {
  auto court = [&](int t) { return index_.Is(index_.court_word, a_.lem[t]) || index_.Is(index_.court_word, a_.low[t]); };
  if (court(v)) return true;
  for (int k : a_.kids[v]) {
    if (a_.rel[k] == "punct" || a_.rel[k] == "conj" || a_.rel[k] == "parataxis") continue;
    if (court(k)) return true;
    for (int g : a_.kids[k])
      if (IsNominalRel(a_.rel[g]) && court(g)) return true;
  }
  return false;
}

void SentenceCoder::NoteRoleCountry(const std::string& roles, const std::string& country) {
  auto [it, added] = context_->role_country.emplace(roles, std::make_pair(country, sentence_index_));
  if (added) return;
  if (it->second.first != country) it->second.first.clear();
  it->second.second = std::max(it->second.second, sentence_index_);
}

std::string SentenceCoder::InstitutionsCountry() const {
  std::string country;
  bool institution = false;
  for (const Analysis::Mention& m : a_.actor_mentions) {
    std::string c = CountryOf(m);
    if (c.empty()) continue;
    if (!country.empty() && c != country) return "";
    country = c;
    // The mention's phrase is headed by an office or institution of the state (office-role).
    int h = PhraseHead(m.begin);
    if (h < m.end || a_.agent_at[h] < 0) continue;
    const std::string& code = d_.actors.agents()[a_.agent_mentions[a_.agent_at[h]].entry].code;
    institution |= code.size() >= 3 && index_.Is(index_.office_role, Lower3(code.substr(0, 3)));
  }
  return institution ? country : "";
}

std::string SentenceCoder::ContextCountry(bool armed_group) const {
  if (sentence_index_ < static_cast<int>(context_->places.size()) && context_->places[sentence_index_].size() == 1)
    return context_->places[sentence_index_][0];
  if (!context_->dateline_country.empty()) return context_->dateline_country;
  if (context_->title_places.size() == 1) return context_->title_places[0];
  // The one country the article's place phrases name ("US troops are on the offensive in Iraq"
  // for the headline's "Sunni insurgents").
  if (armed_group) {
    std::vector<std::string> places;
    for (const auto& list : context_->places)
      for (const std::string& c : list)
        if (std::find(places.begin(), places.end(), c) == places.end()) places.push_back(c);
    if (places.size() == 1) return places[0];
    return context_->armed_group_countries.size() == 1 ? context_->armed_group_countries[0] : "";
  }
  if (context_->countries.size() == 1) return context_->countries[0];
  return "";
}

namespace {
// The code a "word>code" rule gives a word ("demand>100"), "" when none.
std::string CodeInPairs(const std::unordered_map<std::string, std::string>& rule, const std::string& word) {
  auto it = rule.find(word);
  return it == rule.end() ? std::string() : it->second;
}
}  // namespace

int SentenceCoder::AgentPhrase(int v) const {
  int agent = -1;
  for (int k : a_.kids[v])
    if (a_.rel[k] == "obl:agent" || a_.rel[k] == "nmod:agent" ||
        (IsNominalRel(a_.rel[k]) && index_.Is(index_.agent_preposition, a_.CaseOf(k))))
      agent = k;
  return agent;
}

int SentenceCoder::Answerer(int noun) {
  const int h = a_.head[noun];
  if (h < 0 || !IsVerbal(h) || !(index_.Is(index_.answer_verb, a_.lem[h]) || index_.Is(index_.answer_verb, a_.low[h])))
    return -1;
  if (a_.rel[noun] == "obj" || a_.rel[noun] == "dobj") {
    bool passive = false;
    const int subject = Subject(h, &passive);
    return passive ? -1 : subject;
  }
  if (a_.rel[noun] == "nsubj:pass" || a_.rel[noun] == "nsubjpass") return AgentPhrase(h);
  return -1;
}

Event SentenceCoder::NewEvent(const ActorCode& source, const ActorCode& target, const std::string& code, int verb,
                              const std::string& rule) const {
  Event e;
  e.article_id = article_.id;
  e.date = article_.date;
  e.sentence_index = sentence_index_;
  e.source = source.code;
  e.target = target.code;
  e.code = code;
  e.source_span = SpanOf(source.first, source.last);
  e.verb_span = SpanOf(verb, verb);
  e.target_span = SpanOf(target.first, target.last);
  e.rule = rule;
  return e;
}

std::string SentenceCoder::AnsweredActCode(int noun) const {
  std::string code = CodeInPairs(index_.answered_act, a_.low[noun]);
  return code.empty() ? CodeInPairs(index_.answered_act, a_.lem[noun]) : code;
}

void SentenceCoder::CodeAnsweredActs(std::vector<VerbResult>* results, std::vector<int>* result_of) {
  // "North Korea rejected a U.S. call to return to talks" (USA 020 PRK), "Rwanda denied Congolese
  // charges that its army had crossed" (COD 112 RWA), "Iran rejected a demand by the European
  // Union" (EU 100 IRN): the act the answered noun names (answered-act) is its own actor's (a
  // possessor, a name or nationality before it, its "by" or "from" phrase), addressed to the
  // actor who answers it.
  if (index_.answered_act.empty()) return;
  for (int h = 0; h < a_.n; ++h) {
    for (int noun : a_.kids[h]) {
      const bool object = a_.rel[noun] == "obj" || a_.rel[noun] == "dobj";
      if (a_.s->tokens[noun].upos != "NOUN" || a_.actor_at[noun] >= 0 || a_.agent_at[noun] >= 0) continue;
      const std::string code = AnsweredActCode(noun);
      if (code.empty()) continue;
      const int known = (*result_of)[noun];
      if (known >= 0 && !(*results)[known].events.empty()) continue;
      // Not one only supposed ("will reject any European proposal").
      if (Unreal(noun) || std::any_of(a_.kids[noun].begin(), a_.kids[noun].end(), [&](int k) {
            return a_.rel[k] == "det" && index_.Is(index_.unreal_modifier, a_.low[k]);
          }))
        continue;
      const int answerer = Answerer(noun);
      if (answerer < 0) continue;
      std::vector<ActorCode> actors;
      for (int k : a_.kids[noun]) {
        const std::string& r = a_.rel[k];
        // (Before the noun, the actor's own word: "Gaza Referendum Call" is no call by Gaza.)
        const bool before = k < noun && (r == "nmod:poss" || r == "amod" || r == "compound") &&
                            (a_.actor_at[k] >= 0 || a_.agent_at[k] >= 0);
        const bool phrase = k > noun && IsNominalRel(r) &&
                            (index_.Is(index_.agent_preposition, a_.CaseOf(k)) ||
                             index_.Is(index_.origin_preposition, a_.CaseOf(k)));
        if (!before && !phrase) continue;
        actors = KnownActors(k);
        if (!actors.empty()) break;
      }
      // (The phrase also comes parsed on the answering verb: "rejected criticism from Bush".)
      for (int k : a_.kids[h]) {
        if (!actors.empty() || !object || k < noun || !IsNominalRel(a_.rel[k]) ||
            !index_.Is(index_.origin_preposition, a_.CaseOf(k)))
          continue;
        actors = KnownActors(k);
      }
      std::vector<ActorCode> targets = KnownActors(answerer);
      if (actors.empty() || targets.empty()) continue;
      VerbResult r;
      r.verb = noun;
      r.by_rule = true;
      r.sources = actors;
      r.addressed_to_answerer = true;
      for (const ActorCode& a : actors)
        for (const ActorCode& t : targets) {
          if (a.code == t.code) continue;
          r.events.push_back(NewEvent(a, t, code, noun, "builtin:answered-act"));
        }
      if (r.events.empty()) continue;
      if (known >= 0) {
        (*results)[known].events = std::move(r.events);
        (*results)[known].addressed_to_answerer = true;
      } else {
        (*result_of)[noun] = static_cast<int>(results->size());
        results->push_back(std::move(r));
      }
    }
  }
}

void SentenceCoder::CodeProtestsByTheirDemands(std::vector<VerbResult>* results) {
  // "Lebanese demonstrators rallied in central Beirut, demanding that Syria withdraw its troops":
  // LBNCVL 141 SYR beside the demand. The protest verb (protest-act: verb>code) codes nothing of its
  // own without a target; the participle of its clause says whom the protest is against. Not for
  // states and armed forces (state-role, force-role: troops "marched into the city, killing ...";
  // "China blocked the resolution, saying ...").
  // A purpose infinitive says it too, and then the demand or appeal is the protest's own, not a
  // second event: "thousands rallied in Bishkek to demand the resignation of President Bakiyev" is
  // KGZCVL 141 KGZGOV alone. So does a protest noun held (protest-holding-verb): "the opposition
  // began a nationwide strike to press the government to reform" (143).
  if (index_.protest_act.empty()) return;
  const size_t made = results->size();
  for (size_t i = 0; i < made; ++i) {
    const int v = (*results)[i].verb;
    if (!IsVerbal(v) || !(*results)[i].events.empty()) continue;
    std::string code = CodeInPairs(index_.protest_act, a_.lem[v]);
    int held = -1;  // the protest noun a holding verb holds
    if (code.empty() && index_.Is(index_.protest_holding_verb, a_.lem[v])) {
      held = a_.ChildWithRel(v, {"obj", "dobj"});
      if (held >= 0) code = CodeInPairs(index_.protest_act, a_.lem[held]);
    }
    if (code.empty() || Unreal(v)) continue;
    std::vector<Event> events;
    for (size_t j = 0; j < made; ++j) {
      VerbResult& r = (*results)[j];
      // (The participle or infinitive shares the protest's subject: it has none of its own.)
      const bool participle = a_.head[r.verb] == v && a_.rel[r.verb] == "advcl" && a_.s->tokens[r.verb].xpos == "VBG";
      const bool purpose = Infinitival(r.verb) && ((a_.head[r.verb] == v && a_.rel[r.verb] == "advcl") ||
                                                   (held >= 0 && a_.head[r.verb] == held && a_.rel[r.verb] == "acl"));
      if (!(participle || purpose) || a_.ChildWithRel(r.verb, {"nsubj", "nsubj:pass", "nsubjpass"}) >= 0) continue;
      for (const Event& e : r.events) {
        // (People protest: not a state, its forces or an armed group.)
        if (HasRoleIn(e.source, index_.force_role) || HasRoleIn(e.source, index_.state_role) || e.source.size() <= 3 ||
            e.target.empty())
          continue;
        Event p = e;
        p.code = code;
        p.verb_span = SpanOf(held >= 0 ? held : v, held >= 0 ? held : v);
        p.rule = "builtin:protest-by-its-demand";
        if (std::none_of(events.begin(), events.end(),
                         [&](const Event& x) { return x.source == p.source && x.target == p.target; }))
          events.push_back(std::move(p));
      }
      if (purpose && !events.empty())
        std::erase_if(r.events, [&](const Event& e) {
          return (e.code.starts_with("02") || e.code.starts_with("10")) &&
                 std::any_of(events.begin(), events.end(), [&](const Event& x) { return x.source == e.source; });
        });
    }
    (*results)[i].events = std::move(events);
  }
}

void SentenceCoder::CodeDeniedCharges(std::vector<VerbResult>* results) {
  // "British officials accused Iran of supplying explosives, a charge Tehran denied": the relative
  // clause on the charge (charge-noun) whose verb denies it (charge-denial-verb) is the denier's
  // denial (charge-denied: 016) toward the accuser, where the denier is the one accused.
  // So is a denial whose object is the charge, or the denier's involvement (involvement-noun), when
  // the sentence names the accusation: "Ethiopia accused Eritrea of backing rebels, and Asmara
  // denied the charge"; "Syria denied any involvement in the killing, after Lebanese opposition
  // leaders accused Damascus of ordering the bombing". Not one whose owner names the accuser
  // ("denied U.S. accusations": the answered accusation, CodeAnsweredActs).
  if (index_.charge_denied.empty()) return;
  const std::string& code = *index_.charge_denied.begin();
  const size_t made = results->size();
  auto deny = [&](int d, int noun, const std::vector<ActorCode>& deniers, bool accusation_before) {
    if (deniers.size() != 1) return;
    const ActorCode& denier = deniers.front();
    if (denier.base.size() < 3) return;
    // The accusation that targets the denier (before the charge, where the charge names it).
    const Event* accusation = nullptr;
    for (size_t i = 0; i < made && !accusation; ++i) {
      if (accusation_before && (*results)[i].verb > noun) continue;
      for (const Event& e : (*results)[i].events)
        if (e.code.starts_with("11") && e.target.compare(0, 3, denier.base, 0, 3) == 0 &&
            e.source.compare(0, 3, denier.base, 0, 3) != 0) {
          accusation = &e;
          break;
        }
    }
    if (!accusation) return;
    Event e = NewEvent(denier, denier, code, d, "builtin:charge-denied");
    e.target = accusation->source;
    e.target_span = accusation->source_span;
    VerbResult r;
    r.verb = d;
    r.by_rule = true;
    r.sources = deniers;
    r.events.push_back(std::move(e));
    results->push_back(std::move(r));
  };
  for (int noun = 0; noun < a_.n; ++noun) {
    if (a_.s->tokens[noun].upos != "NOUN") continue;
    const bool charge = index_.Is(index_.charge_noun, a_.lem[noun]);
    if (!charge && !index_.Is(index_.involvement_noun, a_.lem[noun])) continue;
    for (int d : a_.kids[noun]) {
      if (!charge || (a_.rel[d] != "acl:relcl" && a_.rel[d] != "relcl") || !index_.Is(index_.charge_denial_verb, a_.lem[d]))
        continue;
      const int subject = a_.ChildWithRel(d, {"nsubj"});
      if (subject < 0 || index_.Is(index_.relative, a_.low[subject])) continue;
      deny(d, noun, KnownActors(subject), true);
    }
    const int d = a_.head[noun];
    if (d < 0 || (a_.rel[noun] != "obj" && a_.rel[noun] != "dobj") || !IsVerbal(d) ||
        !index_.Is(index_.charge_denial_verb, a_.lem[d]))
      continue;
    bool owned = false, coded = false;
    for (int k : a_.kids[noun])
      owned |= a_.rel[k] == "nmod:poss" || (a_.rel[k] == "compound" && a_.actor_at[k] >= 0) ||
               (a_.rel[k] == "amod" && a_.actor_at[k] >= 0) ||
               (k > noun && IsNominalRel(a_.rel[k]) && index_.Is(index_.agent_preposition, a_.CaseOf(k)));
    for (size_t i = 0; i < made; ++i) coded |= (*results)[i].verb == d && !(*results)[i].events.empty();
    if (owned || coded || Unreal(d)) continue;
    bool passive = false;
    const int subject = Subject(d, &passive);
    if (subject < 0 || passive) continue;
    deny(d, noun, KnownActors(subject), false);
  }
}

void SentenceCoder::CodeReactionsToTheAct(std::vector<VerbResult>* results) {
  // "Egypt released opposition leader Ayman Nour on bail, a move welcomed by the United States"
  // (USA 051 EGY), "Zapatero said he would bring the troops home, a decision criticized by
  // Washington" (USA 111 ESPGOV), "a court sentenced Bashir ..., a verdict that angered Australia"
  // (AUS 111 IDNJUD): a noun that sums up the sentence's act (reaction-noun) with a clause of
  // reaction on it (reaction: verb>code) is the reacting actor's act toward the one who acted.
  if (index_.reaction.empty()) return;
  for (int noun = 0; noun < a_.n; ++noun) {
    if (a_.s->tokens[noun].upos != "NOUN" || !index_.Is(index_.reaction_noun, a_.lem[noun]) || a_.head[noun] < 0) continue;
    for (int d : a_.kids[noun]) {
      if (d < noun) continue;
      const std::string code = CodeInPairs(index_.reaction, a_.lem[d]);
      if (code.empty()) continue;
      int reactor = -1;
      if (a_.rel[d] == "acl") {  // "welcomed by the United States"
        reactor = AgentPhrase(d);
      } else if (a_.rel[d] == "acl:relcl" || a_.rel[d] == "relcl") {
        const int subject = a_.ChildWithRel(d, {"nsubj"});
        if (subject >= 0 && !index_.Is(index_.relative, a_.low[subject])) reactor = subject;  // "a move the UN welcomed"
        if (subject >= 0 && index_.Is(index_.relative, a_.low[subject]))  // "a verdict that angered Australia"
          reactor = a_.ChildWithRel(d, {"obj", "dobj"});
      }
      if (reactor < 0) continue;
      // Who acted: the subject of the clause the noun hangs from.
      int verb = a_.head[noun];
      for (int guard = 0; guard < 6 && verb >= 0 && !IsVerbal(verb); ++guard) verb = a_.head[verb];
      if (verb < 0 || !IsVerbal(verb)) continue;
      bool passive = false;
      const int subject = Subject(verb, &passive);
      if (subject < 0 || passive) continue;
      std::vector<ActorCode> reactors = KnownActors(reactor), actors = KnownActors(subject);
      if (reactors.empty() || actors.empty()) continue;
      VerbResult r;
      r.verb = d;
      r.by_rule = true;
      r.sources = reactors;
      for (const ActorCode& who : reactors)
        for (const ActorCode& whom : actors) {
          if (who.base == whom.base && who.code == whom.code) continue;
          r.events.push_back(NewEvent(who, whom, code, d, "builtin:reaction-to-the-act"));
        }
      if (!r.events.empty()) results->push_back(std::move(r));
    }
  }
}

void SentenceCoder::CodeMediatedParties(std::vector<VerbResult>* results) {
  // "Kwasniewski and Solana mediated talks in Kiev between Yushchenko and Yanukovich": mediation
  // (mediation: A>B, the mediator's code A) between two parties is their negotiation B, both ways.
  for (VerbResult& r : *results) {
    std::vector<std::pair<std::string, Span>> parties;
    std::string code;
    for (const Event& e : r.events) {
      if (code.empty()) code = CodeInPairs(index_.mediation, e.code);
      if (code.empty() || e.target.empty()) continue;
      if (std::none_of(parties.begin(), parties.end(), [&](const auto& p) { return p.first == e.target; }))
        parties.emplace_back(e.target, e.target_span);
    }
    if (code.empty() || parties.size() != 2) continue;
    // Only talks it brings about ("mediated talks between"): "Egypt mediates between Israel and
    // Syria" is the mediator's act alone.
    const int object = a_.ChildWithRel(r.verb, {"obj", "dobj"});
    if (object < 0 || !index_.Is(index_.meeting_noun, a_.low[object])) continue;
    for (int i = 0; i < 2; ++i) {
      Event e = r.events.front();
      e.source = parties[i].first;
      e.source_span = parties[i].second;
      e.target = parties[1 - i].first;
      e.target_span = parties[1 - i].second;
      e.code = code;
      e.rule = "builtin:mediated-parties";
      r.events.push_back(std::move(e));
    }
  }
}

void SentenceCoder::CodeMeetingsTheActHappenedAt(std::vector<VerbResult>* results) {
  // "Blair praised visiting Iraqi Prime Minister Allawi during talks at Downing Street": the two
  // held talks (implied-meeting: noun>code), both ways, beside the praise. Only for a meeting noun
  // without partners of its own ("talks with X" is coded as such) in a phrase of time or place.
  if (index_.implied_meeting.empty()) return;
  const size_t made = results->size();
  for (size_t i = 0; i < made; ++i) {
    VerbResult& r = (*results)[i];
    if (!IsVerbal(r.verb) || r.events.empty()) continue;
    std::string code;
    int noun = -1;
    for (int t = r.verb + 1; t < a_.n && code.empty(); ++t) {
      std::string c = CodeInPairs(index_.implied_meeting, a_.lem[t]);
      if (c.empty()) c = CodeInPairs(index_.implied_meeting, a_.low[t]);
      const std::string& marker = a_.CaseOf(t);
      if (c.empty() || !(index_.Is(index_.time_preposition, marker) || index_.Is(index_.locative, marker))) continue;
      // Within the verb's own clause: up through phrases only.
      int g = t;
      for (int guard = 0; guard < 8 && g >= 0 && g != r.verb && !IsVerbal(g); ++guard) g = a_.head[g];
      if (g != r.verb) continue;
      bool partners = false;
      for (int k : a_.kids[t])
        partners |= IsNominalRel(a_.rel[k]) && (index_.Is(index_.partner_preposition, a_.CaseOf(k)) ||
                                               index_.Is(index_.pair_preposition, a_.CaseOf(k)));
      if (partners) continue;
      code = c;
      noun = t;
    }
    if (code.empty()) continue;
    std::vector<Event> met;
    for (const Event& e : r.events) {
      if (e.target.empty() || e.source.starts_with("---") || e.target.starts_with("---") || e.source == e.target) continue;
      // Words said to each other (01-05, 10-13), not force or material acts: "killed a Hamas
      // leader during talks" is no meeting with Hamas.
      const std::string root = e.code.substr(0, 2);
      if (!((root >= "01" && root <= "05") || (root >= "10" && root <= "13"))) continue;
      for (int way = 0; way < 2; ++way) {
        Event m = e;
        if (way == 1) {
          std::swap(m.source, m.target);
          std::swap(m.source_span, m.target_span);
        }
        m.code = code;
        m.verb_span = SpanOf(noun, noun);
        m.rule = "builtin:implied-meeting";
        if (std::none_of(met.begin(), met.end(), [&](const Event& x) { return x.source == m.source && x.target == m.target; }))
          met.push_back(std::move(m));
      }
    }
    if (met.empty()) continue;
    VerbResult m;
    m.verb = noun;
    m.by_rule = true;
    m.events = std::move(met);
    results->push_back(std::move(m));
  }
}

void SentenceCoder::AimWarningsPastTheirOwnSide(std::vector<VerbResult>* results) {
  // "Chavez warned that Venezuela would cut off oil shipments to the United States if he were
  // killed": "warn +" found Venezuela as the clause's subject, but no state warns itself; the
  // warning is aimed at the first actor of another country in the clause (VENGOV 130 USA), and
  // without one it is no event.
  for (VerbResult& r : *results) {
    if (!IsVerbal(r.verb) || r.by_rule || r.events.empty()) continue;
    const int clause = a_.ChildWithRel(r.verb, {"ccomp"});
    if (clause < 0) continue;
    bool passive = false;
    const int subject = Subject(clause, &passive);
    if (subject < 0 || !a_.InSubtree(subject, clause)) continue;
    const std::vector<ActorCode> own = KnownActors(subject);
    if (own.size() != 1 || own[0].base.size() < 3) continue;
    const std::string own_country = own[0].base.substr(0, 3);
    if (index_.Is(index_.non_country_prefix, Lower3(own_country))) continue;
    bool dropped = false;
    for (Event& e : r.events) {
      if (!e.code.starts_with("13") || e.target != own[0].code || !e.source.starts_with(own_country)) continue;
      const ActorCode* aimed = nullptr;
      std::vector<ActorCode> found;
      for (int t = subject + 1; t < a_.n && !aimed; ++t) {
        if (!a_.InSubtree(t, clause) || a_.InSubtree(t, subject) || a_.actor_at[t] < 0) continue;
        found = KnownActors(t, false);
        for (const ActorCode& x : found)
          if (!x.base.starts_with(own_country)) {
            aimed = &x;
            break;
          }
      }
      if (aimed) {
        e.target = aimed->code;
        e.target_span = SpanOf(aimed->first, aimed->last);
      } else {
        e.code.clear();
        dropped = true;
      }
    }
    if (dropped) std::erase_if(r.events, [](const Event& e) { return e.code.empty(); });
  }
}

void SentenceCoder::Run(std::vector<Event>* out) {
  if (!analyzed_) Analyze();
  if (a_.n == 0 || Discarded()) return;
  // A question asks; it reports no act ("Will Iran strike Israel?").
  if (a_.low[a_.n - 1] == "?") return;
  std::vector<VerbResult> results;
  std::vector<int> result_of(a_.n, -1);
  // A claimed act named by a gerund ("responsibility for the kidnapping of") is its verb's act
  // (also where the gerund has nominal patterns of its own: "kidnapping of + by $").
  for (int v = 0; v < a_.n; ++v)
    if (a_.s->tokens[v].upos == "NOUN" && VerbFormOf({a_.lem[v]}).empty() && Claimant(v) >= 0) {
      std::string stem = KnownVerbStem(a_.low[v]);
      if (!stem.empty()) a_.lem[v] = stem;
    }
  for (int v = 0; v < a_.n; ++v) {
    if (!IsVerbal(v) && !HasNominalForm(v)) continue;
    // The second half of a hyphenated adjective is no act: "Tsunami-Hit Indonesia", "war-torn".
    if (v >= 2 && a_.low[v - 1] == "-" && a_.s->tokens[v - 2].span.end == a_.s->tokens[v - 1].span.begin &&
        a_.s->tokens[v - 1].span.end == a_.s->tokens[v].span.begin)
      continue;
    VerbResult r;
    if (!CodeVerb(v, &r)) continue;
    if (Unreal(v) || DatedBackground(v)) r.events.clear();
    result_of[v] = static_cast<int>(results.size());
    results.push_back(std::move(r));
  }
  CodeAnsweredActs(&results, &result_of);
  CodeProtestsByTheirDemands(&results);
  CodeDeniedCharges(&results);
  CodeReactionsToTheAct(&results);
  CodeMediatedParties(&results);
  CodeMeetingsTheActHappenedAt(&results);
  AimWarningsPastTheirOwnSide(&results);
  // A noun's event yields to the verb it depends on when that verb codes an event or did not
  // happen ("China imposed sanctions on Lithuania": the verb's event; "asked whether China would
  // impose sanctions": none).
  for (VerbResult& r : results) {
    if (IsVerbal(r.verb) || r.addressed_to_answerer || r.claimed || r.by_rule) continue;
    int h = r.verb;
    for (int guard = 0; guard < 3 && h >= 0 && !IsVerbal(h); ++guard) {
      const std::string& rel = a_.rel[h];
      if (!(rel == "obj" || rel == "dobj" || rel == "nsubj:pass" || rel == "nsubjpass" || IsNominalRel(rel) ||
            rel == "compound"))
        break;
      h = a_.head[h];
    }
    if (h < 0 || h == r.verb || !IsVerbal(h)) continue;
    // "closed its border after clashes between its troops and Sudanese militiamen": an event at
    // another time (time-preposition) is an event of its own.
    if (a_.head[r.verb] == h && index_.Is(index_.time_preposition, a_.CaseOf(r.verb)) && !Unreal(h) &&
        !index_.Is(index_.denial, a_.lem[h]))
      continue;
    // "China postponed talks with Japan": a denied or put-off act did not happen either, nor one
    // stopped or prevented ("stopped a shipment of chemicals to North Korea", "banning US exports
    // to the country": cessation-verb, prevention-verb).
    // Talks between others that the verb's actor mediates or hosts ("mediated talks in Kiev between
    // Yanukovich and Yushchenko") are those others' talks, beside the verb's event.
    const bool others_meet =
        result_of[h] >= 0 && !r.events.empty() && !Unreal(h) && !index_.Is(index_.denial, a_.lem[h]) &&
        !index_.Is(index_.cessation_verb, a_.lem[h]) &&
        std::all_of(r.events.begin(), r.events.end(), [&](const Event& e) {
          return index_.Is(index_.joint, e.code) &&
                 std::none_of(results[result_of[h]].sources.begin(), results[result_of[h]].sources.end(),
                              [&](const ActorCode& s) { return s.base == e.source.substr(0, 3) || s.code == e.source; });
        });
    if (others_meet) continue;
    if ((result_of[h] >= 0 && !results[result_of[h]].events.empty()) || Unreal(h) || index_.Is(index_.denial, a_.lem[h]) ||
        index_.Is(index_.cessation_verb, a_.lem[h]) || index_.Is(index_.prevention_verb, a_.lem[h]))
      r.events.clear();
  }
  // Transformations: a verb whose complement clause is coded ("X said Y attacked Z").
  const VerbDictionary& dict = d_.verbs;
  for (VerbResult& outer : results) {
    for (const Transformation& tr : dict.transformations()) {
      const auto& outer_forms = dict.Find(tr.outer_verb);
      if (std::none_of(outer_forms.begin(), outer_forms.end(),
                       [&](const VerbDictionary::FormRef& f) { return f.block == outer.block; }))
        continue;
      for (int c : a_.kids[outer.verb]) {
        if (a_.rel[c] != "ccomp" && a_.rel[c] != "xcomp") continue;
        if (result_of[c] < 0) continue;
        VerbResult& inner = results[result_of[c]];
        if (tr.inner_verb != "q") {
          const auto& inner_forms = dict.Find(tr.inner_verb);
          if (std::none_of(inner_forms.begin(), inner_forms.end(),
                           [&](const VerbDictionary::FormRef& f) { return f.block == inner.block; }))
            continue;
        }
        std::vector<Event> made;
        for (Event& e : inner.events) {
          bool same = std::any_of(outer.sources.begin(), outer.sources.end(),
                                  [&](const ActorCode& s) { return s.code == e.source; });
          if (tr.inner_source == "a" && !same) continue;
          if (tr.inner_source == "b" && same) continue;
          auto value = [&](const std::string& var) -> std::string {
            if (var == "a") return outer.sources.empty() ? "" : outer.sources[0].code;
            if (var == "b") return tr.inner_source == "b" ? e.source : e.target;
            return "";
          };
          Event t = e;
          t.source = value(tr.result_source);
          t.target = value(tr.result_target);
          if (t.source.empty() || t.source == t.target) continue;
          t.code = tr.result_code == "Q" || tr.result_code == "q" ? e.code : tr.result_code;
          t.verb_span = SpanOf(outer.verb, outer.verb);
          t.rule = tr.origin;
          made.push_back(std::move(t));
        }
        if (!made.empty()) {
          inner.events = std::move(made);
          inner.transformed = true;
          inner.transformed_keeps_code = tr.result_code == "Q" || tr.result_code == "q";
          outer.transformed_away = true;
        }
      }
    }
  }
  // Intent and modality: "is ready to work with", "hopes to deepen", "vowed to attack" code the
  // complement's event as an intention (CAMEO 03x for cooperation, 13x for conflict); the
  // predicate of intent itself adds no event of its own.
  // A transformation that keeps the clause's code keeps its modality too ("Fox said he will meet
  // Bush": an intent to meet, as without the transformation).
  for (VerbResult& r : results) {
    if ((r.transformed && !r.transformed_keeps_code) || r.events.empty()) continue;
    int trigger = IntentGovernor(r.verb);
    // "X will meet Y", "X will send troops": a future act announced is an intention too.
    bool future = false;
    for (int k : a_.kids[r.verb])
      if (a_.rel[k] == "aux" && index_.Is(index_.future, a_.low[k])) future = true;
    // "they will begin handing weapons over to Iraqi police": the act its future verb goes on to.
    if (int g = a_.head[r.verb]; g >= 0 && a_.rel[r.verb] == "xcomp" && IsVerbal(g))
      for (int k : a_.kids[g])
        if (a_.rel[k] == "aux" && index_.Is(index_.future, a_.low[k])) future = true;
    // "Israel's evacuation of the Gaza Strip will begin next summer": a noun's act is announced
    // by the future of the verb it is the subject of.
    if (int g = a_.head[r.verb]; !IsVerbal(r.verb) && g >= 0 && IsVerbal(g) && a_.rel[r.verb].starts_with("nsubj"))
      for (int k : a_.kids[g])
        if (a_.rel[k] == "aux" && index_.Is(index_.future, a_.low[k])) future = true;
    // "would resume attacks on Turkish targets": so is the act of a noun that a verb carrying it
    // (support-verb) has as its object.
    if (int g = a_.head[r.verb]; !IsVerbal(r.verb) && g >= 0 && IsVerbal(g) &&
                                 (a_.rel[r.verb] == "obj" || a_.rel[r.verb] == "dobj") && index_.Is(index_.support_verb, a_.lem[g]))
      for (int k : a_.kids[g])
        if (a_.rel[k] == "aux" && index_.Is(index_.future, a_.low[k])) future = true;
    // "talks tomorrow", "will meet next week": a time still to come (future-time-word, or a
    // future-time-modifier of a time) on the act or the verb a noun's act depends on.
    for (int t : {r.verb, IsVerbal(r.verb) ? -1 : a_.head[r.verb]}) {
      if (t < 0) continue;
      for (int k : a_.kids[t]) {
        if (index_.Is(index_.future_time_word, a_.low[k])) future = true;
        if (IsTemporalRel(a_.rel[k]) || a_.rel[k] == "obl" || a_.rel[k].starts_with("nmod"))
          for (int m : a_.kids[k])
            if (a_.rel[m] == "amod" && index_.Is(index_.future_time_modifier, a_.low[m]) && index_.Is(index_.time_unit, a_.lem[k]))
              future = true;
      }
    }
    // A headline's "X to VERB" announces ("Japan to Send Troops to Iraq", "Russia to Meet Georgia").
    if (a_.s->is_title && a_.rel[r.verb] != "xcomp" && a_.rel[r.verb] != "ccomp")
      for (int k : a_.kids[r.verb])
        if (a_.rel[k] == "mark" && a_.low[k] == "to" && k < r.verb) future = true;
    // "is going to visit": a verb of the future (future-verb) in the progressive, with the act its
    // infinitive.
    if (int g = a_.head[r.verb]; g >= 0 && a_.rel[r.verb] == "xcomp" && index_.Is(index_.future_verb, a_.low[g]) &&
                                 a_.HasChildRel(g, {"aux"}))
      future = true;
    if (trigger < 0 && !future) continue;
    // A court the sentence does not name announces nothing: an act only planned or expected ("may
    // begin war crimes trials", "plans to prosecute") is someone else's announcement.
    if (r.court_implied) {
      r.events.clear();
      continue;
    }
    // An announced meeting or visit is the announcer's intent; the other side has announced
    // nothing ("Fox said he will meet Bush": MEXGOV 036 USAGOV only).
    std::erase_if(r.events, [&](const Event& e) {
      return std::none_of(r.sources.begin(), r.sources.end(), [&](const ActorCode& s) { return s.code == e.source; });
    });
    if (future) {
      for (Event& e : r.events) {
        std::string intent = IntentCode(e.code);
        if (!intent.empty()) e.code = intent;
      }
      continue;
    }
    for (Event& e : r.events) {
      std::string intent = IntentCode(e.code);
      if (!intent.empty()) e.code = intent;
    }
    if (result_of[trigger] >= 0) results[result_of[trigger]].transformed_away = true;
  }
  // "Iran said Israel must stop its attacks", "the EU said Turkey should recognize Cyprus": what
  // another actor says someone must or should do is that actor's demand (100) of the one
  // obliged, not the act.
  for (VerbResult& r : results) {
    if (!std::any_of(a_.kids[r.verb].begin(), a_.kids[r.verb].end(), [&](int k) {
          return a_.rel[k] == "aux" && index_.Is(index_.obligation_auxiliary, a_.low[k]);
        }))
      continue;
    std::vector<ActorCode> speakers;
    int g = a_.head[r.verb];
    if (g >= 0 && a_.rel[r.verb] == "ccomp") {
      bool p = false;
      int speaker = Subject(g, &p);
      if (speaker >= 0 && !p) speakers = Resolve(speaker);
    }
    // "Italy must withdraw its troops", an act without a target: still a demand of the one
    // obliged, its (active) subject, when another country says it (what a country says its own
    // people or companies must do is its view: "the BBC's boss says the corporation must keep up").
    std::vector<Event> acts = r.events;
    if (acts.empty()) {
      bool p = false;
      int obliged = Subject(r.verb, &p);
      if (obliged < 0 || p) continue;
      for (const ActorCode& o : Resolve(obliged)) {
        if (o.base == "---" ||
            std::any_of(speakers.begin(), speakers.end(), [&](const ActorCode& sp) { return sp.code.compare(0, 3, o.code, 0, 3) == 0; }))
          continue;
        Event e;
        e.article_id = article_.id;
        e.date = article_.date;
        e.sentence_index = sentence_index_;
        e.source = o.code;
        e.source_span = SpanOf(o.first, o.last);
        e.verb_span = SpanOf(r.verb, r.verb);
        acts.push_back(std::move(e));
      }
    }
    std::vector<Event> demands;
    for (const Event& e : acts)
      for (const ActorCode& sp : speakers) {
        if (sp.base == "---" || sp.code == e.source) continue;
        Event d = e;
        d.target = e.source;
        d.target_span = e.source_span;
        d.source = sp.code;
        d.source_span = SpanOf(sp.first, sp.last);
        d.code = "100";
        d.rule = "builtin:obligation-demand";
        if (std::none_of(demands.begin(), demands.end(), [&](const Event& x) { return x.source == d.source && x.target == d.target; }))
          demands.push_back(std::move(d));
      }
    // Else (no other actor says it: "Ethiopia indicated it should have acted against Libya") the
    // act stays as PETRARCH's convention codes it.
    if (!demands.empty()) r.events = std::move(demands);
  }
  // A verb of saying whose target came from the reported clause adds nothing when that clause is
  // coded itself ("China said it attacked Kazakhstan" is the attack), also through the clause's
  // complements ("said Arnor is about to restore ties": the clause's head is "about").
  std::function<bool(int, int)> clause_coded = [&](int c, int depth) {
    if (result_of[c] >= 0 && !results[result_of[c]].events.empty()) return true;
    if (depth == 0) return false;
    for (int k : a_.kids[c])
      if (a_.rel[k] == "xcomp" && clause_coded(k, depth - 1)) return true;
    return false;
  };
  for (VerbResult& r : results) {
    if (!r.target_from_clause) continue;
    for (int c : a_.kids[r.verb])
      if ((a_.rel[c] == "ccomp" || a_.rel[c] == "csubj") && clause_coded(c, 3)) r.events.clear();
  }
  // A complement verb ("urged Eriador to respond") adds nothing when its governor is coded.
  for (VerbResult& r : results) {
    // Up a chain of complements ("called on X to be allowed to leave") to the first coded verb.
    int t = r.verb;
    for (int guard = 0; guard < 5; ++guard) {
      int h = a_.head[t];
      if (h < 0) break;
      bool complement = a_.rel[t] == "xcomp" || (a_.rel[t] == "advcl" && Infinitival(t));
      // "demanding that Syria withdraw its troops": what an appeal or demand asks is not done.
      if (a_.rel[t] == "ccomp" && result_of[h] >= 0)
        for (const Event& e : results[result_of[h]].events)
          complement |= e.code.starts_with("02") || e.code.starts_with("10");
      if (a_.rel[t] == "acl" && Infinitival(t)) {
        // "urged Eriador to respond": the infinitive hangs from the object. But a noun with its
        // own agent ("Washington's decision to sell arms") is that agent's act.
        if (a_.HasChildRel(h, {"nmod:poss"})) break;
        h = a_.head[h];
        complement = true;
      }
      if (!complement || h < 0) break;
      // (An uncoded verb between passes it on: "urged Washington to keep supplying Taipei".)
      if (result_of[h] >= 0 && !results[result_of[h]].events.empty()) {
        if (!results[result_of[h]].transformed_away) r.events.clear();
        break;
      }
      t = h;
    }
  }
  if (Trace()) {
    std::string line = "trace: sentence " + std::to_string(sentence_index_) + ":";
    for (int t = 0; t < a_.n; ++t) {
      line += " " + a_.s->tokens[t].form;
      if (a_.actor_at[t] >= 0 && (t == 0 || a_.actor_at[t - 1] != a_.actor_at[t]))
        line += "[" + CodeOf(a_.actor_mentions[a_.actor_at[t]].entry) + "]";
      if (a_.agent_at[t] >= 0) line += "[~" + d_.actors.agents()[a_.agent_mentions[a_.agent_at[t]].entry].code + "]";
    }
    std::fprintf(stderr, "%s\n", line.c_str());
    for (int t = 0; TraceParse() && t < a_.n; ++t)
      std::fprintf(stderr, "trace:     %d %s %s %s <-%s- %d\n", t, a_.s->tokens[t].form.c_str(), a_.s->tokens[t].xpos.c_str(),
                   a_.lem[t].c_str(), a_.rel[t].c_str(), a_.head[t]);
    for (const VerbResult& r : results) {
      std::string src;
      for (const ActorCode& c : r.sources) src += c.code + " ";
      std::fprintf(stderr, "trace:   %s (%s) sources: %s events: %zu%s\n", a_.s->tokens[r.verb].form.c_str(),
                   r.block >= 0 ? d_.verbs.blocks()[r.block].name.c_str() : "coding rule", src.c_str(), r.events.size(),
                   r.transformed_away ? " (yields to its clause)" : "");
    }
  }
  std::vector<std::string> actors;
  const size_t first_out = out->size();
  for (VerbResult& r : results) {
    if (r.transformed_away) continue;
    for (Event& e : r.events) {
      // A visit crosses a border: "Indonesian police rushed to Aceh" is no visit to Indonesia.
      if (index_.Is(index_.foreign_only, e.code) && e.source.size() >= 3 && e.target.size() >= 3 &&
          e.source.compare(0, 3, e.target, 0, 3) == 0 && !e.source.starts_with("---"))
        continue;
      // "Chavez put troops on alert": a state's posture of its own forces is aimed at none of them,
      // and "Correa ordered troops to the border" commands them, an order no demand (command).
      if ((index_.Is(index_.force_posture, e.code) || (index_.Is(index_.command, e.code) && (e.source.size() == 3 || HasRoleIn(e.source, index_.state_role)))) &&
          e.source.size() >= 3 && e.target.size() >= 3 &&
          e.source.compare(0, 3, e.target, 0, 3) == 0 && HasRoleIn(e.target, index_.force_role) &&
          HasRoleIn(e.target, index_.state_role))
        continue;
      // "is flying the migrants to Libya", "sent troops to": a verb that carries an object there
      // moves the object; the actor makes no visit. ("paid a visit to" carries the visit itself.)
      if (index_.Is(index_.foreign_only, e.code) && IsVerbal(r.verb)) {
        bool carries = false;
        // ("received the Iranian foreign minister": the object is the guest, the event's target.)
        for (int k : a_.kids[r.verb]) {
          const Span& at = a_.s->tokens[k].span;
          bool is_target = at.begin >= e.target_span.begin && at.end <= e.target_span.end && e.target_span.end > 0;
          is_target |= at.begin >= e.source_span.begin && at.end <= e.source_span.end && e.source_span.end > 0;
          // ("sent an envoy to Sudan": its envoys, delegations and officials represent the sender.)
          bool envoy = a_.agent_at[k] >= 0 &&
                       d_.actors.agents()[a_.agent_mentions[a_.agent_at[k]].entry].code == "GOV";
          carries |= (a_.rel[k] == "obj" || a_.rel[k] == "dobj") && !index_.Is(index_.meeting_noun, a_.lem[k]) &&
                     !index_.Is(index_.meeting_noun, a_.low[k]) && a_.actor_at[k] < 0 && !is_target && !envoy;
        }
        if (carries) continue;
      }
      // A seizure whose target names people (a role: drivers, a contractor) is an abduction, or an
      // arrest when a state's forces make it.
      if (auto it = index_.people_seized.find(e.code); it != index_.people_seized.end() && e.target.size() > 3 &&
          !index_.Is(index_.non_country_prefix, Lower3(e.target))) {
        const bool state = HasRoleIn(e.source, index_.state_role);
        auto by_state = index_.people_seized_by_state.find(e.code);
        e.code = state && by_state != index_.people_seized_by_state.end() ? by_state->second : it->second;
      }
      // "The opposition charged the government with fraud": only a state charges at law; anyone
      // else accuses (private-charge, for the allegation verbs).
      if (auto it = index_.private_charge.find(e.code); it != index_.private_charge.end() && e.source.size() > 3 &&
          index_.Is(index_.allegation_verb, a_.lem[r.verb])) {
        if (!HasRoleIn(e.source, index_.state_role)) e.code = it->second;
      }
      // "Kerry Attacks Bush on Iraq": a person without a force of arms (force-role) who attacks
      // another person attacks in words (person-attack).
      if (auto it = index_.person_attack.find(e.code); it != index_.person_attack.end() && !HasRoleIn(e.source, index_.force_role) &&
                                                        SpanNamesPerson(e.source_span) && SpanNamesPerson(e.target_span))
        e.code = it->second;
      // "Hezbollah guerrillas captured two Israeli soldiers": an armed group (armed-group-role)
      // that seizes or holds people takes them hostage; only a state arrests.
      if (auto it = index_.armed_group_seizure.find(e.code);
          it != index_.armed_group_seizure.end() && (HasRoleIn(e.source, index_.armed_group_role) || e.source.starts_with("IMG")))
        e.code = it->second;
      // "Hundreds of people protested against the bases": people protest in the street, not by
      // a note (crowd-protest, for a source of people-role).
      if (auto it = index_.crowd_protest.find(e.code); it != index_.crowd_protest.end() && HasRoleIn(e.source, index_.people_role))
        e.code = it->second;
      // "Israeli helicopters attacked", "air strikes on": force used from the air.
      // "a suicide bomber blew himself up, killing eight soldiers": a suicide attack (suicide-word).
      if (auto it = index_.suicide.find(e.code); it != index_.suicide.end() && ActNamedBy(r.verb, e, index_.suicide_word))
        e.code = it->second;
      if (auto it = index_.aerial.find(e.code); it != index_.aerial.end() && ActNamedBy(r.verb, e, index_.aerial_word))
        e.code = it->second;
      // "Uzbek troops opened fire on protesters": a state's forces firing on its own protesters
      // repress them (175).
      if (auto it = index_.repression.find(e.code);
          it != index_.repression.end() && HasRoleIn(e.source, index_.state_role) && HasRoleIn(e.source, index_.force_role) &&
          e.source.compare(0, 3, e.target, 0, 3) == 0 && SpanHasWord(e.target_span, index_.protester_word))
        e.code = it->second;
      // "Chechen rebels stormed police stations": armed men who storm a place attack it.
      if (auto it = index_.armed_riot.find(e.code); it != index_.armed_riot.end() &&
                                                     (HasRoleIn(e.source, index_.force_role) || e.source.starts_with("IMG")))
        e.code = it->second;
      // "Militants killed an aide in a bomb attack": bombs set off by whoever has no state role (a
      // country named alone is a state).
      if (auto it = index_.bombing.find(e.code); it != index_.bombing.end() && e.source.size() > 3 &&
                                                  !HasRoleIn(e.source, index_.state_role) &&
                                                  ActNamedBy(r.verb, e, index_.bombing_word))
        e.code = it->second;
      // "Militants bombed the U.S. embassy": an armed group that names no aircraft sets off bombs.
      if (auto it = index_.armed_group_bombing.find(e.code);
          it != index_.armed_group_bombing.end() && (HasRoleIn(e.source, index_.armed_group_role) || e.source.starts_with("IMG")) &&
          !ActNamedBy(r.verb, e, index_.aerial_word))
        e.code = it->second;
      // "called Bush a liar", "labeled North Korea the worst country": calling the target
      // something of negative valence is criticism, of positive valence praise (AFINN-165).
      if (auto it = index_.characterize.find(e.code); it != index_.characterize.end() &&
                                                       index_.Is(index_.characterize_verb, a_.lem[r.verb])) {
        int valence = PredicateValence(r.verb, e);
        if (valence < 0) e.code = it->second.first;
        if (valence > 0) e.code = it->second.second;
      } else if (it != index_.characterize.end() && r.target_from_clause) {
        // "said the US-led invasion of Iraq was illegal", "said the country would be a solid
        // candidate": a statement whose reported clause calls the target something.
        int valence = ReportedPredicateValence(r.verb, e);
        if (valence < 0) e.code = it->second.first;
        if (valence > 0) e.code = it->second.second;
      }
      // "A US hostage has been killed by his captors": a captive is executed, not fought.
      if (auto it = index_.captive_killed.find(e.code); it != index_.captive_killed.end() && TargetIsCaptive(e))
        e.code = it->second;
      // Troops going to a country deploy there; they pay it no visit (a general or a military
      // delegation does).
      if (index_.troop_movement.count(e.code) > 0 && (SpanHasWord(e.source_span, index_.troop_noun) ||
                                                       SpanHasWord(e.target_span, index_.troop_noun)))
        continue;
      bool dup = std::any_of(out->begin(), out->end(), [&](const Event& x) {
        return x.sentence_index == e.sentence_index && x.source == e.source && x.target == e.target && x.code == e.code;
      });
      if (dup) continue;
      for (const std::string* c : {&e.source, &e.target})
        if (!c->empty() && !c->starts_with("---") && std::find(actors.begin(), actors.end(), *c) == actors.end())
          actors.push_back(*c);
      out->push_back(std::move(e));
    }
  }
  // "Uzbek troops opened fire on protesters, killing scores of people": the killing that goes
  // with a repression by the same forces is part of it (repression, on the country's people).
  std::vector<std::string> repressors;
  for (size_t i = first_out; i < out->size(); ++i)
    for (const auto& [from, to] : index_.repression)
      if ((*out)[i].code == to) repressors.push_back((*out)[i].source);
  for (size_t i = first_out; i < out->size() && !repressors.empty(); ++i) {
    Event& e = (*out)[i];
    auto it = index_.repression.find(e.code);
    if (it == index_.repression.end() || std::find(repressors.begin(), repressors.end(), e.source) == repressors.end() ||
        e.source.compare(0, 3, e.target, 0, 3) != 0 || !HasRoleIn(e.target, index_.people_role))
      continue;
    e.code = it->second;
  }
  for (size_t i = first_out; i < out->size(); ++i)
    for (size_t j = first_out; j < i; ++j)
      if ((*out)[j].source == (*out)[i].source && (*out)[j].target == (*out)[i].target && (*out)[j].code == (*out)[i].code) {
        out->erase(out->begin() + static_cast<std::ptrdiff_t>(i--));
        break;
      }
  if (!actors.empty()) context_->last_actors = actors;
  if (std::string group = LastGroupBefore(a_.n); !group.empty()) context_->last_group = group;
  if (std::string igo = LastGroupBefore(a_.n, true); !igo.empty()) context_->last_organization = igo;
  if (std::string country = CountryNamedLast(a_.n, ""); !country.empty()) context_->last_country = country;
}

std::string SentenceCoder::LastGroupBefore(int h, bool organization) const {
  for (int t = std::min(h, a_.n) - 1; t >= 0; --t) {
    const int m = a_.actor_at[t];
    if (m < 0 || a_.actor_mentions[m].end != t + 1) continue;
    if (Actor(a_.actor_mentions[m].entry).kind == (organization ? ActorKind::kOrganization : ActorKind::kGroup)) {
      std::string code = CodeOf(a_.actor_mentions[m].entry);
      if (!code.empty() && (!organization || code.starts_with("IGO"))) return code;
    }
  }
  if (h >= a_.n) return std::string();
  return organization ? context_->last_organization : context_->last_group;
}

std::string SentenceCoder::LastCountryBefore(int h) {
  // Not the country of the noun's own clause's subject: "the US banned exports to the country" is
  // another country than the US.
  std::string own;
  int verb = a_.head[h];
  for (int guard = 0; guard < 6 && verb >= 0 && !IsVerbal(verb); ++guard) verb = a_.head[verb];
  if (verb >= 0 && IsVerbal(verb)) {
    bool passive = false;
    int subject = Subject(verb, &passive);
    if (subject >= 0 && subject != h && !a_.InSubtree(subject, h) && !a_.InSubtree(h, subject)) {
      std::vector<ActorCode> c = Resolve(subject, false);
      if (c.size() == 1) own = c[0].code.substr(0, 3);
    }
  }
  std::string named = CountryNamedLast(h, own);
  // Else the country the article named last before this sentence ("Syria said ... . The
  // country's foreign minister ...").
  if (named.empty() && context_->last_country != own) named = context_->last_country;
  return named;
}

std::string SentenceCoder::CountryNamedLast(int before, const std::string& except) const {
  for (int t = before - 1; t >= 0; --t) {
    const int m = a_.actor_at[t];
    if (m < 0 || a_.actor_mentions[m].end != t + 1) continue;
    if (Actor(a_.actor_mentions[m].entry).kind != ActorKind::kCountry) continue;
    // A country named as the place of something ("military actions by Rwanda in eastern Congo")
    // is not what the story goes on to speak of.
    int phrase = t;
    for (int guard = 0; guard < 6 && a_.head[phrase] >= 0; ++guard) {
      const std::string& r = a_.rel[phrase];
      if (r != "compound" && r != "flat" && r != "appos" && r != "conj" && r != "amod" &&
          !(r == "nmod" && index_.Is(index_.phrase_preposition, a_.CaseOf(phrase))))
        break;
      phrase = a_.head[phrase];
    }
    if (index_.Is(index_.locative, a_.CaseOf(phrase))) continue;
    std::string code = CodeOf(a_.actor_mentions[m].entry).substr(0, 3);
    if (code.size() == 3 && code != except) return code;
  }
  return "";
}

// The country a dateline's place names: its region ("Iraq" in "BAGHDAD, Iraq") or its city as a
// capital ("BAGHDAD"), looked up among the actors; "" when neither is a country's name.
std::string DatelineCountry(const Lexicon& d, const EventCoder::Index& index, const Dateline& dateline, int date) {
  for (const std::string* name : {&dateline.region, &dateline.city}) {
    if (name->empty()) continue;
    std::vector<std::string> units = NameTokens(*name);
    int node = 0;
    for (const std::string& u : units) {
      node = index.actors.Step(node, u);
      if (node < 0) break;
    }
    if (node <= 0) continue;
    for (const NameRef& ref : index.actors.nodes[node].hits) {
      if (static_cast<size_t>(ref.entry) >= d.actors.actors().size()) continue;
      const ActorEntry& e = d.actors.actors()[ref.entry];
      if (e.kind != ActorKind::kCountry) continue;
      std::string code = e.CodeAt(date);
      if (code.size() >= 3) return code.substr(0, 3);
    }
  }
  // A city the gazetteer knows ("JOHANNESBURG, Sept. 9 --"), as for place phrases: a city of
  // 50,000 people or more, or a seat of government.
  if (dateline.city.empty()) return "";
  std::shared_ptr<const geo::Gazetteer> gazetteer = geo::Gazetteer::Default();
  if (!gazetteer) return "";
  const geo::City* city = gazetteer->FindCity(dateline.city);
  if (!city || (city->population < 50000 && !city->seat())) return "";
  const geo::Country* country = gazetteer->FindCountry(city->country);
  return country ? CameoCountryCode(country->alpha3) : "";
}

int DateOf(const std::string& iso) {
  std::optional<int> d = ParseDate(iso);
  return d ? *d : 0;
}

bool StoryDiscarded(const EventCoder::Index& index, const Article& article) {
  if (index.discards.empty()) return false;
  std::vector<std::string> words;
  for (const Sentence& s : article.sentences) {
    words.clear();
    for (const Token& t : s.tokens) words.push_back(NormalizeForm(t.form));
    if (index.HasDiscard(words, /*story=*/true)) return true;
  }
  return false;
}

}  // namespace

void EventCoder::Code(const Article& article, std::vector<Event>* events) const {
  if (StoryDiscarded(*index_, article)) return;
  int date = DateOf(article.date);
  ArticleContext context;
  context.dateline_country = DatelineCountry(*dicts_, *index_, article.dateline, date);
  // Every sentence is analysed once: first for the places the article names, then coded.
  std::vector<SentenceCoder> coders;
  coders.reserve(article.sentences.size());
  for (size_t i = 0; i < article.sentences.size(); ++i) {
    coders.emplace_back(*dicts_, *index_, article, static_cast<int>(i), date, options_, &context);
    coders.back().CollectPlaces();
  }
  size_t start = events->size(), title_end = start;
  size_t names_after_title = 0;
  for (size_t i = 0; i < coders.size(); ++i) {
    coders[i].Run(events);
    if (i == 0) {
      title_end = events->size();
      names_after_title = context.names.size();
    }
  }
  // A headline names people by the surname the body introduces later ("Sistani Urges
  // Supporters ..." above "Grand Ayatollah Ali al-Sistani urged ..."): once the body has taught
  // the article's names, a headline that uses one is coded again.
  // Likewise a headline's agent without a country ("Journalist purportedly kidnapped by
  // militants") once the body has said whose ("a missing Italian journalist").
  if (article.sentences.empty() || !article.sentences[0].is_title) return;
  bool uses_new_name = false;
  for (const Token& t : article.sentences[0].tokens) {
    std::string low = t.form;
    for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    uses_new_name |= t.upos == "PROPN" && context.names.size() != names_after_title && context.names.count(low) > 0;
    // (A surname the body gave in full: "Bashir" above "Abu Bakar Bashir".)
    if (auto it = context.person_words.find(low); t.upos == "PROPN" && it != context.person_words.end() && !it->second.empty())
      uses_new_name = true;
  }
  bool unknown_country = false;
  for (size_t k = start; k < title_end; ++k)
    unknown_country |= (*events)[k].source.starts_with("---") || (*events)[k].target.starts_with("---");
  // A role the headline gave the dateline's country that the body's events give another, one
  // country only ("Militants in Iraq have released two Turkish truck drivers"): the body's.
  bool corrected = false;
  for (const auto& [roles, guessed] : context.title_guessed_roles) {
    std::set<std::string> body;
    for (size_t k = title_end; k < events->size(); ++k)
      for (const std::string* code : {&(*events)[k].source, &(*events)[k].target})
        if (code->size() == 3 + roles.size() && code->compare(3, std::string::npos, roles) == 0 && !code->starts_with("---"))
          body.insert(code->substr(0, 3));
    if (body.size() != 1 || *body.begin() == guessed) continue;
    context.role_country[roles] = {*body.begin(), 1};
    corrected = true;
  }
  if (!uses_new_name && !unknown_country && !corrected) return;
  if (unknown_country)
    for (size_t i = 1; i < coders.size(); ++i) coders[i].NoteAgentCountries();
  std::vector<Event> title_events;
  SentenceCoder(*dicts_, *index_, article, 0, date, options_, &context).Run(&title_events);
  events->erase(events->begin() + static_cast<std::ptrdiff_t>(start), events->begin() + static_cast<std::ptrdiff_t>(title_end));
  events->insert(events->begin() + static_cast<std::ptrdiff_t>(start), title_events.begin(), title_events.end());
}

int EventCoder::NamesIn(const Sentence& sentence, int most) const {
  // Names of either index in the words (case and the date are decided while coding); "the two
  // sides" counts as two, and so does a sentence that opens with "The two".
  const std::vector<MatchUnit> units = MatchUnits(sentence);
  for (size_t k = 1; k < units.size(); ++k) {
    const std::string& unit = units[k].text;
    if (k == 1 && index_->Is(index_->definite_article, units[0].text) && index_->Is(index_->group_quantifier, unit))
      return most;
    if (index_->Is(index_->group_quantifier, units[k - 1].text) &&
        (index_->Is(index_->group_noun, unit) ||
         (unit.size() > 1 && unit.back() == 's' && index_->Is(index_->group_noun, unit.substr(0, unit.size() - 1)))))
      return most;
  }
  int found = 0;
  for (const NameTrie* trie : {&index_->actors, &index_->agents})
    for (size_t k = 0; k < units.size(); ++k) {
      size_t longest = 0;
      for (int node = 0, j = static_cast<int>(k); j < static_cast<int>(units.size()); ++j) {
        node = trie->Step(node, units[j].text);
        if (node < 0) break;
        if (!trie->nodes[node].hits.empty()) longest = j - k + 1;
      }
      if (longest == 0) continue;
      if (++found >= most) return most;
      k += longest - 1;
    }
  return found;
}

void EventCoder::CodeSentence(const Article& article, int sentence_index, int date,
                              const EventCoderOptions& options, std::vector<Event>* events) const {
  if (sentence_index < 0 || sentence_index >= static_cast<int>(article.sentences.size())) return;
  if (StoryDiscarded(*index_, article)) return;
  ArticleContext context;
  SentenceCoder coder(*dicts_, *index_, article, sentence_index, date, options, &context);
  coder.Run(events);
}

Result<std::unique_ptr<Coder>> MakeCoder(const CoderOptions& options) {
  if (!options.parsed)
    return InvalidInput("the coder reads the dependency parse; coding needs a syntax model (drop --model none)");
  std::vector<std::string> problems;
  Result<Lexicon> lexicon = LoadLexicon({options.dict_dir, options.verbs_file, options.strict}, &problems);
  // Bad dictionary lines are reported once, where the user can see them, and loading goes on.
  if (options.warnings) options.warnings->insert(options.warnings->end(), problems.begin(), problems.end());
  if (!lexicon.ok()) return lexicon.status();
  return std::unique_ptr<Coder>(MakeEventCoder(lexicon.take()));
}

std::unique_ptr<EventCoder> MakeEventCoder(Lexicon dicts, EventCoderOptions options) {
  auto shared = std::make_shared<const Lexicon>(std::move(dicts));
  return std::make_unique<EventCoder>(std::move(shared), options);
}

}  // namespace dragoman::coding
