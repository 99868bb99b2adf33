#!/usr/bin/env python3
"""Converts PETRARCH2's verb dictionary (CAMEO.2.0.txt) into dragoman's own verb format.

    python3 scripts/import_petrarch_verbs.py [CAMEO.2.0.txt] [--out data/dict/verbs_cameo.txt]
        [--codes ../shared/reference/cameo_event_codes.tsv] [--stats]

Defaults are relative to the repository root: ../shared/petrarch/CAMEO.2.0.txt,
../shared/reference/cameo_event_codes.tsv and data/dict/verbs_cameo.txt. Stdlib only.

PETRARCH's file (blocks "--- NAME [CODE] ---", verb lines, pattern lines
"- PRE * POST (PREP OBJ) [CODE]", synonym sets "&NAME" with "+MEMBER" lines and "~"
transformations) is read the way src/coding/verb_dictionary.cc (ReadPetrarchVerbs) reads it.
Each pattern becomes one line per multi-word verb of its block, plus one line whose verb is the
alternation of the block's single-word verbs, in dragoman's token-pattern format (see the header
of data/dict/verbs.txt):

    - * TIES (WITH +) [050]        under RESTORE   ->  050 restore|renew * ties with +
    - % * &TREATY [057:057]  (were it there)      ->  057 $ and + sign * treaty|...  # reverse 057
    - * (FOR) [173]                under SUE       ->  173 sue + for

* Target. PETRARCH takes the target from the parse when a pattern has no "+"; a token pattern
  must say where it is. Without "+": a pattern with no object words takes the verb's object
  ("sue + for"); a prepositional phrase without objects "(WITH)" takes the target ("with +");
  otherwise the target is in a prepositional phrase after the object words
  ("close * embassy in|to|... +"). A pattern whose only actor slot is "$" after the verb takes
  the subject as its target ("+ receive * protests from $").
* Pre-verb words: only "$" (dropped: the source is the nearest actor before the verb anyway) and
  "%" (compound subject acting on each other: "$ and + VERB") can be said; other subject words
  ("POLICE * ...") are dropped with the pattern.
* "^" (any one word) becomes a gap "*" inside a pattern; at an end it is dropped.
* Synonym sets become a|b|c over their single-word members; multi-word members repeat the
  pattern once each when a set has at most MAX_PHRASES of them, else they are left out.
* Codes: kept when they are CAMEO codes of the reference table (two-digit roots become the
  three-digit "x0" code); "---" (no event) patterns are dropped (our format has no blocking
  entries). A reverse code "[043:042]" is the event 042 from the target to the source: written
  "043 pattern  # reverse 042" until the loader reads the new syntax "043:042 pattern"
  (--reverse code writes that); a reverse-only code "[:110]" swaps the slots instead.
* REVIEW (below) drops verbs and patterns that over-fire on news or code the wrong thing.
"""

import argparse
import collections
import os
import re
import sys

PREPOSITIONS = {"to", "with", "against", "on", "from", "for", "of", "in", "into", "at", "toward",
                "towards", "over", "upon", "about", "by", "between", "among", "inside", "outside"}

MAX_PHRASES = 3  # multi-word synset members repeated as separate patterns at most this many

# Prepositions that may introduce the target after a pattern's object words.
TARGET_PREPS = "to|with|against|on|from|for"

# ---------------------------------------------------------------------------------------------
# REVIEW. Keys are lowercase verb lemmas (as in the block's verb lines), block names (upper
# case, "BLOCK:NAME"), or "CODE" for a CAMEO code. Values: (action, reason).
#   drop        the verb is left out of the block entirely (bare and in patterns)
#   nobare      the bare verb is not written; its patterns are kept
# ---------------------------------------------------------------------------------------------
REVIEW_VERBS = {
    # Reports and speech: a statement is no event between two actors unless it is about one, and
    # PETRARCH gets those through transformations and specific patterns.
    "say": ("nobare", "a report is not an event between two actors; keep only its specific patterns"),
    "tell": ("nobare", "reporting verb; 'told reporters' is no event"),
    "add": ("drop", "'added' mostly continues a quote; its patterns are arithmetic"),
    "state": ("nobare", "reporting verb"),
    "report": ("drop", "news reports are not events"),
    "quote": ("drop", "reporting verb"),
    "repeat": ("drop", "reporting verb"),
    "observe": ("drop", "mostly 'observers', 'observed a holiday'"),
    "estimate": ("drop", "numbers, not events"),
    "predict": ("drop", "forecasts, not events"),
    "emphasize": ("nobare", "reporting verb"),
    "explain": ("nobare", "reporting verb"),
    "circulate": ("drop", "documents circulate; no actor-to-actor event"),
    # Broad verbs whose senses are mostly not political events.
    "hit": ("drop", "'hit by tariffs / storms / hit record' outnumber military strikes on news"),
    "strike": ("nobare", "'strike a deal', labour strikes, 'struck by'; keep the military patterns only"),
    "fire": ("nobare", "'fired the minister', 'under fire'; keep 'fire * at|on +' patterns"),
    "extradite": ("nobare", "the one extradited is no partner: judicial cooperation is with the country he is sent to"),
    "hold": ("drop", "'hold talks/elections/power' are covered by verbs.txt; bare hold over-fires"),
    "take": ("drop", "light verb; its events are in verbs.txt as specific phrases"),
    "give": ("drop", "light verb; 'give * aid to +' style phrases are in verbs.txt"),
    "get": ("drop", "light verb"),
    "go": ("drop", "light verb"),
    "come": ("drop", "light verb"),
    "make": ("drop", "light verb"),
    "set": ("drop", "light verb"),
    "see": ("drop", "'see' is mostly perception or forecasts"),
    "leave": ("drop", "'left ten dead', 'leave office'; departures are no events"),
    "run": ("drop", "'run for office', 'run a company'"),
    "call": ("nobare", "'called it', 'so-called'; keep 'call on + to' style patterns"),
    "face": ("drop", "'face charges/criticism/elections' are the other side's act or none"),
    "expect": ("drop", "forecasts, not events"),
    "want": ("drop", "wishes are no events; PETRARCH uses WANT only in transformations"),
    "help": ("nobare", "'help' is mostly generic; keep patterns"),
    "meet": ("nobare", "'meet targets/demand/criteria'; verbs.txt has 'meet +' and 'meet with +'"),
    "engage": ("drop", "'engage in talks', 'engaged to'; 190 for bare engage is wrong on news"),
    "target": ("nobare", "'targets' of growth, inflation, sales"),
    "pound": ("drop", "the currency (pound sterling) outnumbers shelling on news"),
    "die": ("drop", "deaths have no actor acting on another; the killer is coded by its own verb"),
    "destroy": ("nobare", "storms and fires destroy; keep patterns"),
    "shoot": ("nobare", "'shoot a film', 'photo shoot'; keep patterns"),
    "beat": ("drop", "sports and elections ('beat Brazil 2-1')"),
    "defeat": ("drop", "sports and elections; a military defeat is coded by the fighting verb"),
    "win": ("drop", "elections, prizes and games"),
    "lose": ("drop", "elections, games and markets"),
    "trade": ("drop", "'traded at', 'trade deficit' (markets), not aid"),
    "link": ("drop", "'linked to', 'links' between facts"),
    "merge": ("drop", "company mergers"),
    "boost": ("drop", "economic growth and markets"),
    "import": ("drop", "trade statistics"),
    "purchase": ("drop", "company purchases"),
    "finance": ("nobare", "mostly business financing"),
    "grant": ("nobare", "'granted' bail, licences, patents; keep patterns"),
    "allocate": ("drop", "budgets"),
    "enact": ("drop", "laws are domestic acts with no target"),
    "enlist": ("drop", "recruiting, no target"),
    "oversee": ("drop", "management"),
    "manage": ("drop", "management, 'managed to'"),
    "consider": ("nobare", "'considered a terrorist group'; keep patterns"),
    "hear": ("drop", "courts 'hear' cases; perception"),
    "introduce": ("drop", "bills, products"),
    "arrive": ("nobare", "arrival is 042 only with a place or host; keep patterns"),
    "assemble": ("drop", "crowds assemble; no target"),
    "cable": ("drop", "rare, cable TV"),
    "notify": ("nobare", "formal notices; keep patterns"),
    "prepare": ("drop", "'prepare to' is coded by what follows; bare 030 over-fires"),
    "signal": ("drop", "markets 'signal'; rarely an intent to cooperate"),
    "strive": ("drop", "no target"),
    "intend": ("drop", "intentions are coded by what follows"),
    "revive": ("nobare", "economies revive"),
    "influence": ("drop", "influence is no cooperation (050)"),
    "rejoice": ("drop", "no target"),
    "disclose": ("drop", "disclosures are no cooperation (050)"),
    "support": ("nobare", "stocks are 'supported'; verbs.txt codes 'support +' with its fillers"),
    "bless": ("drop", "religious; rarely an actor praising another"),
    "respect": ("nobare", "'in respect of', 'respected'"),
    "favor": ("drop", "'in favor of' is mostly about policies"),
    "favour": ("drop", "'in favour of' is mostly about policies"),
    "reassert": ("drop", "reasserting a claim is no praise (051)"),
    "aid": ("nobare", "'aided by', 'aide'; keep patterns"),
    "facilitate": ("drop", "no clear target"),
    "arm": ("drop", "'arm' is mostly the noun (an army's arm, armed groups)"),
    "release": ("nobare", "press releases, product releases, data releases; keep patterns"),
    "allow": ("drop", "'allow' is mostly permission in general (080 over-fires)"),
    "yield": ("drop", "bond yields"),
    "submit": ("drop", "'submit a report/bid'"),
    "abandon": ("nobare", "'abandoned cars, plans'"),
    "abstain": ("drop", "votes, no target"),
    "loosen": ("drop", "monetary policy"),
    "compromise": ("drop", "'compromised' security; rarely a concession to a named actor"),
    "retreat": ("nobare", "markets retreat; keep 'retreat from +' patterns"),
    "unblock": ("nobare", "keep patterns"),
    "inspect": ("nobare", "keep patterns"),
    "investigate": ("nobare", "police investigate crimes; 090 needs a state investigating an actor"),
    "probe": ("nobare", "as investigate"),
    "insist": ("drop", "reporting verb ('insisted that')"),
    "demand": ("nobare", "'demand' is mostly the economic noun"),
    "curse": ("drop", "rare"),
    "despair": ("drop", "no target"),
    "lament": ("nobare", "no target mostly"),
    "regret": ("nobare", "no target mostly"),
    "warn": ("nobare", "'warned that' reports forecasts; verbs.txt has 'warn + of|against'"),
    "threaten": ("nobare", "'threatened species', storms threaten; keep patterns"),
    "endanger": ("drop", "storms and diseases endanger"),
    "march": ("drop", "the month of March"),
    "disturb": ("drop", "no target mostly"),
    "parade": ("drop", "celebrations"),
    "patrol": ("nobare", "'patrol' is mostly routine"),
    "mobilize": ("nobare", "voters, resources"),
    "mobilise": ("nobare", "voters, resources"),
    "overfly": ("nobare", "rare"),
    "disrupt": ("drop", "weather and strikes disrupt; not a cut of relations (160)"),
    "undermine": ("nobare", "'undermines confidence'"),
    "impose": ("nobare", "'impose' taxes; keep sanctions/curfew patterns"),
    "confine": ("drop", "'confined to' a region"),
    "exclude": ("drop", "'excluding' in lists"),
    "impel": ("drop", "rare"),
    "punish": ("nobare", "keep patterns"),
    "suppress": ("nobare", "keep patterns"),
    "extract": ("drop", "mining"),
    "steal": ("nobare", "crime, rarely a state seizing property"),
    "nationalize": ("nobare", "keep patterns"),
    "fine": ("drop", "'fine' the adjective; fines of companies"),
    "sentence": ("nobare", "grammar 'sentence'; keep patterns"),
    "prohibit": ("nobare", "laws prohibit things"),
    "remove": ("drop", "'removed' anything; PETRARCH puts it under DEPORT (174)"),
    "oust": ("nobare", "ousting a leader is not deportation (174)"),
    "hurt": ("drop", "'hurt' economies and feelings, injured people"),
    "rip": ("drop", "'rip into' (criticism), tearing"),
    "abuse": ("nobare", "drug abuse"),
    "whip": ("drop", "party whips"),
    "destroy": ("nobare", "storms and fires destroy; keep patterns"),
    "flatten": ("drop", "storms and earthquakes flatten"),
    "injure": ("nobare", "bombings and disasters injure; the nearest actor is rarely who did it"),
    "kill": ("nobare", "disasters kill; the killer must be an actor: kept as 'kill +' only through patterns"),
    "raid": ("nobare", "police raids on companies; keep patterns"),
    "ransack": ("nobare", "keep patterns"),
    "repulse": ("nobare", "keep patterns"),
    "encircle": ("nobare", "keep patterns"),
    "massacre": ("nobare", "keep patterns"),
    "appreciate": ("drop", "currencies appreciate"),
    "encourage": ("nobare", "'encouraging' results"),
    "thank": ("nobare", "'thanks to' means because of"),
    "appeal": ("nobare", "court appeals ('appealed the verdict')"),
    "hope": ("drop", "wishes; verbs.txt codes 'express hope' and 'be hopeful about'"),
    "suggest": ("drop", "'data suggest'"),
    "offer": ("nobare", "share offers, 'offered prayers'; keep patterns"),
    "agree": ("nobare", "'agree' mostly takes a clause; keep 'agree with +' and deal patterns"),
    "promise": ("nobare", "keep patterns"),
    "pledge": ("nobare", "keep patterns"),
    "concern": ("drop", "'concerning', 'as far as ... is concerned'; verbs.txt has 'be concerned about +'"),
    "worry": ("drop", "verbs.txt has 'be worried about +'"),
    "intrude": ("drop", "rare and not optimism (013)"),
    "allay": ("drop", "'allay fears' is no symbolic act (017)"),
    "confer": ("drop", "'conferred' honours"),
    "decree": ("drop", "domestic decrees"),
    "deplore": ("keep", ""),
    "exile": ("nobare", "'in exile' describes a state"),
    "remove": ("drop", "see above"),
    "end": ("drop", "'end' over-fires: the end of anything; 'end * talks' patterns go with halt/stop"),
    "close": ("drop", "'closed' markets, 'close to', 'closely'; 'close * embassy' kept under shut/halt"),
    "stop": ("nobare", "keep patterns"),
    "quit": ("nobare", "resignations"),
    "delay": ("drop", "flights and trials are delayed"),
    "order": ("nobare", "'in order to', orders of goods; keep patterns"),
    "express": ("nobare", "express trains; its code [110] is wrong for 'express support'"),
    "dismiss": ("nobare", "'dismissed the charges', firings"),
    "decline": ("drop", "'declined 2 percent' (markets); verbs.txt has 'decline to comment on +'"),
    "fail": ("drop", "'failed to' is coded by what follows"),
    "defy": ("nobare", "keep patterns"),
    "breach": ("nobare", "keep patterns"),
    "brand": ("drop", "brands and products"),
    "mock": ("nobare", "'mock' the adjective"),
    "compensate": ("nobare", "keep patterns"),
    "renounce": ("nobare", "keep patterns"),
    "spurn": ("nobare", "keep patterns"),
    "grill": ("drop", "cooking"),
    "disband": ("nobare", "keep patterns"),
    "rescind": ("nobare", "keep patterns"),
    "abort": ("drop", "abortions"),
    "defect": ("nobare", "'defect' the noun (a product defect)"),
    "beef": ("drop", "the meat"),
    # WordNet synonyms of praise (051) and others that are not acts towards an actor on news.
    "prefer": ("drop", "preferences are no praise"),
    "value": ("drop", "prices and values"),
    "prize": ("drop", "prizes"),
    "esteem": ("drop", "rare; 'self-esteem'"),
    "toast": ("drop", "food, and 'toasted' as slang"),
    "clap": ("drop", "applause of audiences"),
    "celebrate": ("drop", "festivals and anniversaries"),
    "commemorate": ("drop", "anniversaries"),
    "spur": ("drop", "'spurred growth, fears'"),
    "rouse": ("drop", "rare"),
    "galvanize": ("drop", "'galvanized' support, steel"),
    "invigorate": ("drop", "economies"),
    "enliven": ("drop", "rare"),
    "embolden": ("drop", "'emboldened' is no praise"),
    "inspire": ("drop", "'inspired by'"),
    "exalt": ("drop", "rare"),
    "glorify": ("drop", "'glorifying terrorism' is no praise"),
    "sanctify": ("drop", "rare"),
    "disarray": ("drop", "a noun ('in disarray')"),
    "disorder": ("drop", "a noun (disorders)"),
    "countermine": ("drop", "rare"),
    "infest": ("drop", "pests; no occupation (192)"),
    "inhabit": ("drop", "residence is no occupation (192)"),
    "reside": ("drop", "residence is no occupation (192)"),
    "explode": ("drop", "explosions have no target actor; suicide bombing (183) needs its own wording"),
    "dishonor": ("drop", "not sexual assault (1821)"),
    "dishonour": ("drop", "not sexual assault (1821)"),
    "tax": ("drop", "taxation is no ban (172)"),
    "lecture": ("drop", "university lectures"),
    "remonstrate": ("nobare", "rare"),
    "reprobate": ("drop", "rare"),
    "crucify": ("drop", "religious"),
    "disassociate": ("nobare", "rare"),
    "secede": ("nobare", "'secede from +' has no direct object"),
    "interdict": ("nobare", "shipments are interdicted"),
    "dynamite": ("drop", "a noun mostly"),
    "butcher": ("drop", "a noun mostly"),
    "greet": ("nobare", "'greeted' crowds, news"),
    "reward": ("drop", "rewards for information"),
    "recognise": ("nobare", "'recognised' as a fact; verbs.txt has recognition patterns"),
    "recognize": ("nobare", "'recognized' as a fact; verbs.txt has recognition patterns"),
    "occupy": ("nobare", "'occupied' posts and buildings by protesters; keep patterns"),
    "charge": ("recode 173", "GUIDE: charges, trials and detentions are 173; 'charge +' is a charge, not an accusation"),
}

# Codes a bare verb ("CODE verb +", the verb's object is the target) may carry: specific acts
# whose direct object is the actor acted upon. Statements, appeals, intentions, cooperation and
# the generic root codes are left to patterns: their verbs take clauses and things as objects.
SAFE_BARE_CODES = {
    "0251", "041", "042", "043", "051", "055", "056", "063", "111", "112", "1121", "1122",
    "1123", "1124", "1125", "122", "1222", "124", "125", "160", "161", "163", "164", "172",
    "173", "174", "175", "181", "182", "1821", "1822", "1823", "183", "1831", "1832", "185",
    "186", "192", "193", "194", "195", "202", "203",
}


def check(lines):
    """The rules of LoadVerbFile (src/coding/our_dictionary_loader.cc), plus CODE:REVERSE."""
    errors = []
    for text in lines:
        f = text.split()
        if len(f) < 2 or not re.fullmatch(r"[0-9]{2,4}(:[0-9]{2,4})?", f[0]):
            errors.append("bad code: " + text)
            continue
        els = f[1:]
        if els[0] == "*" or els[-1] == "*":
            errors.append("gap at an end: " + text)
        if els.count("+") > 1 or els.count("$") > 1:
            errors.append("two slots: " + text)
        words = [e for e in els if e not in ("+", "$", "*")]
        for w in words:
            inner = w[1:-1] if len(w) > 2 and w[0] == "(" and w[-1] == ")" else w
            if not all(re.fullmatch(r"[a-z0-9'\-]+", a) for a in inner.split("|")):
                errors.append("bad word %r: %s" % (w, text))
        if not any(not w.startswith("(") for w in words):
            errors.append("no word: " + text)
    return errors


def root_dir():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_codes(path):
    codes = set()
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            c = line.split("\t")[0].strip()
            if c:
                codes.add(c)
    return codes


class Block:
    def __init__(self, name, code, line):
        self.name, self.code, self.line = name, code, line
        self.forms = []      # (words list in order, verb index, code or "")
        self.patterns = []   # (raw body, code string, line)


def parse_file(path):
    synsets = collections.OrderedDict()
    blocks = []
    transformations = 0
    context = None
    cur_syn = None
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    in_comment = False
    for no, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if in_comment:
            if "-->" not in line:
                continue
            line = line[line.index("-->") + 3:]
            in_comment = False
        while "<!" in line:
            c = line.index("<!")
            e = line.find("-->", c)
            if e < 0:
                line = line[:c]
                in_comment = True
                break
            line = line[:c] + line[e + 3:]
        comment = ""
        if "#" in line:
            comment = line[line.index("#") + 1:]
            line = line[:line.index("#")]
        l = line.strip()
        if not l:
            continue
        if l.startswith("---"):
            body = l.strip("-").strip()
            m = re.match(r"(\S+)\s*(?:\[([^\]]*)\])?", body)
            blocks.append(Block(m.group(1), (m.group(2) or "---").strip(), no))
            context = "block"
        elif l[0] == "&":
            cur_syn = l.split()[0]
            synsets.setdefault(cur_syn, [])
            context = "synset"
        elif l[0] == "~":
            transformations += 1
        elif l[0] == "+" and context == "synset":
            m = l[1:].strip()
            m = re.sub(r"[(){}]", "", m).strip()
            if m.startswith("&"):
                synsets[cur_syn].extend(synsets.get(m.split()[0], []))
            elif m:
                synsets[cur_syn].append(m)
        elif l[0] in "-*":
            if context != "block":
                continue
            body = l[1:].strip() if l[0] == "-" else l
            m = re.search(r"\[([^\]]*)\]\s*$", body)
            if not m:
                continue
            origins = [w.strip().lower() for w in comment.split(",")]
            origins = [w for w in origins if re.fullmatch(r"[a-z_+\-]+", w)]
            blocks[-1].patterns.append((body[:m.start()].strip(), m.group(1).strip(), no, origins))
        elif context == "block":
            m = re.match(r"([^\s{\[]+)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?", l)
            if not m:
                continue
            token = m.group(1).lower()
            names = {token.replace("+", "")} | {x.lower().replace("+", "") for x in (m.group(2) or "").split()}
            parts = token.split("_")
            vi = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
            parts = [p.lstrip("+") for p in parts]
            blocks[-1].forms.append((parts, vi, (m.group(3) or "").strip(), no, names))
    return synsets, blocks, transformations


BE_FORMS = {"is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "am": "be"}


def stems(origin):
    """Spellings a comment's verb may have in a block's verb names ("called_off" -> "call_off")."""
    out = {origin, origin.replace("-", "_")}
    parts = origin.split("_")
    for i, p in enumerate(parts):
        for suf in ("s", "es", "ed", "d", "ing", "ies", "ied"):
            if p.endswith(suf) and len(p) > len(suf) + 2:
                base = p[:-len(suf)]
                for b in (base, base + "e", base + "y", base[:-1] if len(base) > 3 and base[-1] == base[-2] else base):
                    out.add("_".join(parts[:i] + [b] + parts[i + 1:]))
    return out


def norm_code(code, valid):
    """A CAMEO code of the reference table, or None."""
    if code in valid and len(code) >= 3:
        return code
    if len(code) == 2 and code + "0" in valid:
        return code + "0"
    return None


def word(tok):
    """A literal PETRARCH word as lower-case words of our format ('' if not expressible)."""
    t = tok.lower().rstrip("_").replace("_", " ")
    out = []
    for w in t.split():
        if not re.fullmatch(r"[a-z0-9'\-]+", w):
            return None
        out.append(w)
    return out


class Converter:
    def __init__(self, synsets, valid):
        self.synsets = synsets
        self.valid = valid
        self.drops = collections.Counter()
        self.notes = collections.Counter()

    def synset_alts(self, name):
        """List of alternatives: each a list of elements (one for the a|b|c of single words, one
        per kept multi-word member)."""
        members = self.synsets.get(name)
        if members is None:
            return None
        singles, phrases = [], []
        for m in members:
            w = word(m)
            if not w:
                continue
            if len(w) == 1:
                for x in (w[0],):
                    if x not in singles:
                        singles.append(x)
            else:
                phrases.append(w)
        alts = []
        if singles:
            alts.append(["|".join(singles)])
        if len(phrases) <= MAX_PHRASES:
            alts.extend(phrases)
        else:
            self.notes["multi-word synset members left out"] += len(phrases)
        return alts

    def tokens(self, side):
        toks = []
        for r in side.split():
            cur = ""
            for c in r:
                if c in "(){}":
                    if cur:
                        toks.append(cur)
                    cur = ""
                    toks.append(c)
                else:
                    cur += c
            if cur:
                toks.append(cur)
        return toks

    def post_elements(self, side):
        """Converts the post-verb side to a list of variants; each variant is a list of items
        ('w', words) / ('slot', '$'|'+') / ('gap',) / ('prep', p, has_objects), or raises
        ValueError(reason)."""
        toks = self.tokens(side)
        variants = [[]]
        i = 0
        in_np = False
        in_pp = False
        pp_objects = 0
        def add(items_alts):
            nonlocal variants
            new = []
            for v in variants:
                for alt in items_alts:
                    new.append(v + alt)
            variants = new
        while i < len(toks):
            t = toks[i]
            if t == "(":
                if i + 1 >= len(toks):
                    raise ValueError("malformed")
                p = word(toks[i + 1])
                if not p:
                    raise ValueError("malformed")
                add([[("prep", " ".join(p))]])
                in_pp, pp_objects = True, 0
                i += 2
                continue
            if t == ")":
                if pp_objects == 0:
                    add([[("empty-pp",)]])
                in_pp = False
                i += 1
                continue
            if t == "{":
                in_np = True
                i += 1
                continue
            if t == "}":
                in_np = False
                i += 1
                continue
            if in_pp:
                pp_objects += 1
            if t in ("$", "+"):
                if not in_np:
                    add([[("slot", t)]])
            elif t == "^":
                add([[("gap",)]])
            elif t == "%":
                raise ValueError("% after the verb")
            elif t.startswith("&"):
                alts = self.synset_alts(t)
                if alts is None:
                    raise ValueError("unknown synonym set")
                if not alts:
                    raise ValueError("synonym set without single words")
                add([[("pw" if in_pp else "w", x) for x in a] for a in alts])
            else:
                w = word(t)
                if not w:
                    raise ValueError("word our format cannot spell")
                add([[("pw" if in_pp else "w", x) for x in w]])
            i += 1
        return variants

    def convert(self, body, code, verbs):
        """Returns a list of output lines (without code) for one pattern, or raises ValueError."""
        star = body.find("*")
        if star < 0 or body.find("*", star + 1) >= 0:
            raise ValueError("malformed")
        pre = body[:star].split()
        post = body[star + 1:]
        prefix = []
        compound = False
        if pre == [] or pre == ["$"]:
            pass
        elif pre == ["%"]:
            compound = True
        else:
            raise ValueError("subject words before the verb")
        variants = self.post_elements(post)
        out = []
        for items in variants:
            # Place the target.
            slots = [x[1] for x in items if x[0] == "slot"]
            has_words = any(x[0] == "w" for x in items)
            els = []
            lead = []
            if compound:
                if slots:
                    raise ValueError("% with other slots")
                lead = ["$", "and", "+"]
            target_placed = "+" in slots or compound
            if not target_placed and slots == ["$"]:
                lead = ["+"]
                target_placed = True
            first = True
            for idx, x in enumerate(items):
                if x[0] == "pw":
                    els.append(x[1])
                elif x[0] == "w":
                    if first:
                        els.append("*")
                    els.append(x[1])
                elif x[0] == "slot":
                    els.append(x[1])
                elif x[0] == "gap":
                    els.append("*")
                elif x[0] == "prep":
                    els.append(x[1])
                elif x[0] == "empty-pp":
                    if not target_placed:
                        els.append("+")
                        target_placed = True
                    else:
                        # "(WITH)" after a target: any object; nothing to add
                        pass
                first = False
            if not target_placed:
                if not has_words:
                    # the verb's object is the target: "sue + for"
                    els = ["+"] + els
                elif els and els[-1] in PREPOSITIONS:
                    els += ["+"]  # "* BACK TO": the target follows the preposition
                else:
                    els += [TARGET_PREPS, "+"]
            # Clean gaps: none first/last, none doubled, none next to a slot at the end.
            while els and els[-1] == "*":
                els.pop()
            cleaned = []
            for e in els:
                if e == "*" and cleaned and cleaned[-1] == "*":
                    continue
                cleaned.append(e)
            els = cleaned
            # A gap right after the verb before a slot is pointless; before a preposition fine.
            for v in verbs:
                line = lead + v + els
                if line[0] == "*":
                    line = line[1:]
                out.append(" ".join(line))
        return out


def main():
    root = root_dir()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("verbs", nargs="?", default=os.path.join(root, "..", "shared", "petrarch", "CAMEO.2.0.txt"))
    ap.add_argument("--codes", default=os.path.join(root, "..", "shared", "reference", "cameo_event_codes.tsv"))
    ap.add_argument("--out", default=os.path.join(root, "data", "dict", "verbs_cameo.txt"))
    ap.add_argument("--stats", action="store_true", help="print counts to stderr")
    ap.add_argument("--reverse", choices=("comment", "code"), default="code",
                    help="write a reverse code as a comment '# reverse 043' (default: the loader "
                         "does not know CODE:REVERSE yet) or as 'CODE:REVERSE'")
    args = ap.parse_args()

    valid = load_codes(args.codes)
    synsets, blocks, transformations = parse_file(args.verbs)
    conv = Converter(synsets, valid)
    drops = conv.drops
    lines = collections.OrderedDict()  # text -> origin comment
    n_patterns = 0
    n_kept = 0
    n_bare_in = 0
    bare_written = 0
    for b in blocks:
        forms = []      # kept: (words, lemma, code, action, names)
        all_names = []  # every form of the block, kept or not: (names, kept index or None)
        for parts, vi, fcode, no, names in b.forms:
            lemma = parts[vi]
            lemma = BE_FORMS.get(lemma, lemma)
            parts = [BE_FORMS.get(p, p) for p in parts]
            action = REVIEW_VERBS.get(lemma, ("keep", ""))[0]
            ws = [p for p in parts if p]
            if action == "drop":
                drops["verb dropped by review (bare and patterns)"] += 1
                all_names.append((names, None))
                continue
            if not all(re.fullmatch(r"[a-z0-9'\-]+", w) for w in ws):
                drops["verb form our format cannot spell"] += 1
                all_names.append((names, None))
                continue
            all_names.append((names, len(forms)))
            forms.append((ws, lemma, fcode, action, names))
        # Bare verbs.
        for ws, lemma, fcode, action, names in forms:
            n_bare_in += 1
            raw = fcode or b.code
            if raw in ("---", ""):
                drops["bare verb: no code (---)"] += 1
                continue
            code = raw.split(":")[0]
            c = norm_code(code, valid) if code else None
            if action == "nobare":
                drops["bare verb: review keeps only its patterns"] += 1
                continue
            rec = REVIEW_VERBS.get(lemma, ("keep", ""))[0]
            if rec.startswith("recode "):
                c = rec.split()[1]
            if c is None or c not in SAFE_BARE_CODES:
                drops["bare verb: code a bare verb cannot carry safely"] += 1
                continue
            text = c + " " + " ".join(ws) + " +"
            lines.setdefault(text, b.name)
            bare_written += 1

        def verb_list(chosen):
            singles = [f[1] for f in chosen if len(f[0]) == 1]
            out = []
            if singles:
                out.append(["|".join(dict.fromkeys(singles))])
            out.extend(f[0] for f in chosen if len(f[0]) > 1)
            return out

        for body, raw_code, no, origins in b.patterns:
            n_patterns += 1
            # The comment names the verb the pattern was written for ("# HALT"): apply it to that
            # verb only; PETRARCH applies it to every verb of the block, which gives nonsense
            # such as "wage war * criticism" in a block of 30 verbs.
            if origins:
                hit = set()
                for o in origins:
                    for names, idx in all_names:
                        if any(stem in names for stem in stems(o)):
                            hit.add(idx)
                if not hit:
                    drops["pattern: its verb (comment) is not in the block"] += 1
                    continue
                if hit == {None}:
                    drops["pattern: its verb dropped by review"] += 1
                    continue
                verbs = verb_list([forms[i] for i in sorted(x for x in hit if x is not None)])
            else:
                verbs = verb_list(forms)
            if not verbs:
                drops["pattern: every verb of its block dropped by review"] += 1
                continue
            fwd, _, rev = raw_code.partition(":")
            if fwd.strip() == "---" or (not fwd and not rev):
                drops["pattern: no event (---)"] += 1
                continue
            code = None
            if fwd:
                code = norm_code(fwd.strip(), valid)
                if code is None:
                    drops["pattern: code not in the CAMEO table"] += 1
                    continue
            rcode = None
            if rev:
                rcode = norm_code(rev.strip(), valid)
                if rcode is None:
                    drops["pattern: code not in the CAMEO table"] += 1
                    continue
            review = REVIEW_PATTERNS.get((b.name, body.split()and " ".join(body.split()), code))
            try:
                outs = conv.convert(body, code, verbs)
            except ValueError as e:
                drops["pattern: " + str(e)] += 1
                continue
            if code is None:
                # reverse only: swap the slots
                swapped = []
                for o in outs:
                    els = o.split()
                    if "$" in els and not els[0] in ("$", "+"):
                        pass
                    if els[0] in ("+", "$"):
                        drops["pattern: reverse-only code with a slot before the verb"] += 1
                        swapped = None
                        break
                    els = ["$" if e == "+" else ("from" if e == TARGET_PREPS else e) for e in els]
                    swapped.append("+ " + " ".join(els))
                if swapped is None:
                    continue
                outs, code_str = swapped, rcode
            else:
                code_str = code + (":" + rcode if rcode else "")
            if review:
                drops["pattern: " + review] += 1
                continue
            kept = False
            for o in outs:
                if any(w in BAD_PATTERN_WORDS for w in o.split()):
                    continue
                bad = next((r for rx, r in REVIEW_OUTPUT if re.search(rx, o)), None)
                if bad:
                    drops["pattern: review: " + bad] += 1
                    continue
                rc = next(((c, r) for rx, c, r in RECODE_OUTPUT if re.search(rx, o)), None)
                if rc:
                    conv.notes["recoded by review: " + rc[1]] += 1
                lines.setdefault((rc[0] if rc else code_str) + " " + o, b.name)
                kept = True
            if kept:
                n_kept += 1
            else:
                drops["pattern: every converted line dropped by review"] += 1
    # Patterns verbs.txt already has (with its own, reviewed code) are left to it.
    ours = set()
    ours_path = os.path.join(root, "data", "dict", "verbs.txt")
    if os.path.exists(ours_path):
        for l in open(ours_path, encoding="utf-8"):
            l = l.split("#")[0].split()
            if len(l) > 1 and l[0][0].isdigit():
                ours.add(" ".join(l[1:]))
    for text in list(lines):
        if text.split(" ", 1)[1] in ours:
            del lines[text]
            drops["line: verbs.txt already has the pattern (its code wins)"] += 1
    # One converted pattern with two codes: PETRARCH told them apart by parse context the token
    # pattern lost ("send * delegation to +" 042:043 and 050); none can be trusted.
    by_pattern = collections.defaultdict(list)
    for text in lines:
        by_pattern[text.split(" ", 1)[1]].append(text)
    for pat, texts in by_pattern.items():
        if len(texts) > 1:
            for t in texts:
                del lines[t]
            drops["line: the same converted pattern with conflicting codes"] += len(texts)
    errors = check(lines)
    if errors:
        for e in errors[:20]:
            print("error: " + e, file=sys.stderr)
        sys.exit(1)
    # Write.
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(HEADER)
        last = None
        for text, block in lines.items():
            if block != last:
                f.write("\n# %s\n" % block)
                last = block
            code, pat = text.split(" ", 1)
            if ":" in code and args.reverse == "comment":
                fwd, rev = code.split(":")
                f.write("%s %s  # reverse %s\n" % (fwd, pat, rev))
            else:
                f.write(text + "\n")
    stats = {
        "blocks": len(blocks), "patterns in": n_patterns, "verb forms": n_bare_in,
        "patterns kept": n_kept, "bare verbs written": bare_written, "lines written": len(lines),
        "lines with a reverse code": sum(1 for t in lines if ":" in t.split()[0]),
        "transformations skipped": transformations, "synonym sets": len(synsets),
    }
    if args.stats:
        for k, v in stats.items():
            print("%-50s %d" % (k, v), file=sys.stderr)
        for k, v in sorted(drops.items()):
            print("dropped: %-41s %d" % (k, v), file=sys.stderr)
        for k, v in sorted(conv.notes.items()):
            print("note: %-44s %d" % (k, v), file=sys.stderr)


# Patterns reviewed one by one: (block, pattern body, code) -> reason. Unused so far: the
# review below works on the converted text, which is what the coder sees.
REVIEW_PATTERNS = {}

# Converted patterns (regular expressions over the output line without its code) dropped by
# review, with the reason.
REVIEW_OUTPUT = [
    (r"^press \* on \+$", "'pressed + on' an issue is an appeal, not fighting (190)"),
    (r"\btrade\b", "trade wording: blocking or halting trade is economics, not a blockade or force"),
    (r"\b(tariffs?|prices?|markets?|shares?|stocks?|economy|growth|inflation)\b",
     "economic wording does not name a political event between actors"),
    (r"^cross in pursuit", "no target: a pursuit across a border names a place"),
    (r"^(discuss|talk|speak|converse|utter|verbali[sz]e) \+", "what is discussed or talked is the topic, not the partner ('discussed Iran's nuclear "
     "programme by telephone'): the partner comes with 'with' (verbs.txt), or the subjects meet jointly"),
    (r"^sign \* law ", "signing a law is legislation, not an agreement with the actors it concerns"),
    (r"cross \* border into", "crossing a border into a country is no act of that country (PETRARCH's reverse-only 074)"),
    (r"\bback by\b", "'backed by' gives the backer, not the attacker"),
    (r"\bby \+$", "'by +' names the agent of a passive: the target would be the actor acting"),
    (r"^kill gunfire|^shot and\b", "broken multi-word verbs of TABARI ('KILL_GUNFIRE', 'SHOT_AND')"),
    (r"\bhartals\b", "too rare and local to be worth a pattern"),
    (r"^meet at \+$|^destroy \* outside \+$",
     "the actor after 'at'/'outside' is a place ('a meeting at the United Nations'), not the one met or attacked"),
    (r"^spend \* ", "spending names no recipient (071 needs aid given to an actor)"),
    (r"^welcome to \+$", "'welcomed Chirac to the Kremlin': the actor after 'to' is the host's own place, not the guest"),
    (r"^meet \+ with leaders$", "a meeting with leaders is a meeting (verbs.txt 'meet with +'), not an intent to meet (036)"),
    (r"^return from \+$", "returning from a country ends a stay there; it names no visit or host now"),
    (r"^(receive|get|gain|obtain|acquire) \* (military|weapon|shipment|food|authorisation|backing|embrace)\b",
     "receiving aid or backing is the giver's act; these code the receiver as giving ('+ receive * aid from $' in verbs.txt)"),
    (r"^call \* election ", "calling an election names no actor it yields to; the gap took 'called for a boycott of elections'"),
    (r"^appear \+ in court$", "who appears in court is the accused, not the target of an actor after the verb"),
    (r"^(condemn|denounce|slam|criticize|criticise|deplore|decry|hail|praise|deny|protest)\b.* "
     r"(raids?|attacks?|bombings?|killings?|shelling|invasion|assault|strikes?|massacre|violence|aggression|"
     r"incursions?|occupation|crackdown|air ?strikes?) to\|with\|against\|on\|from\|for \+$",
     "judging an attack: its 'on'/'against' phrase names the victim, not the one judged ('condemned the Israeli "
     "raid on the camp' is against Israel; 'condemn +' reads the attack's own actor)"),
    (r"^sign \* military\|army\|.*\|brigades to\|",
     "any military word after 'sign' matched ('signed an executive order imposing sanctions on the leaders of the "
     "military coup'); agreements on military cooperation are in verbs.txt"),
    (r"^battle \* insurgents to\|",
     "'battled insurgents loyal to a cleric': any preposition after the insurgents made fighting them cooperation "
     "(062) with whoever the phrase names; fighting insurgents is force (190, verbs.txt)"),
    (r"^oppose \* action against \+$", "opposing action against an actor is no intent to cooperate with it (030)"),
    (r"^break with \+$|^break \* (away|off) ",
     "breaking away from a state is secession and breaking off ties a cut in relations (161 in verbs.txt), not a "
     "threat (130)"),
]

# Converted patterns whose code review changes: regex over the pattern -> (code, reason).
RECODE_OUTPUT = [
    (r"^fly to \+$", "042:043", "GUIDE.md: travelling to a country is a visit (042), not an intent to meet (036)"),
    (r"^fly into \+$", "042:043", "'flew into quake-hit Haiti': travelling to a country is a visit (042), not a mobilization (154)"),
    (r"^meet \+ for talks$", "040:040", "meeting for talks is a meeting (040); an announced one becomes 036 by the future rule"),
]
# Words that make a converted pattern over-fire whatever its verb.
BAD_PATTERN_WORDS = set()

HEADER = """dragoman-dict 1 verbs
# Verb patterns imported from PETRARCH2's CAMEO.2.0.txt.
# PETRARCH2: Copyright (c) 2014 Open Event Data (MIT License; the file itself says
# Copyright (c) 2015 Open Event Data Alliance), https://github.com/openeventdata/petrarch2.
# GENERATED by scripts/import_petrarch_verbs.py -- do not edit; change the script and run
#     python3 scripts/import_petrarch_verbs.py ../shared/petrarch/CAMEO.2.0.txt
# from the repository root. Format as data/dict/verbs.txt. "# reverse CODE" after a pattern is
# PETRARCH's reverse code: the event CODE from the target to the source ("042 visit +  # reverse
# 043": A visits B gives A 042 B and B 043 A). Once the loader reads "CODE:REVERSE pattern",
# run the script with --reverse code to write them so.
# Each block below is named after its PETRARCH verb block; the review that dropped or kept
# verbs and patterns is the REVIEW table of the script.
"""

if __name__ == "__main__":
    main()
