#!/usr/bin/env python3
"""Import PETRARCH2/Phoenix actor dictionaries into dragoman's own format (data/dict/).

    python3 scripts/import_phoenix_actors.py [PETRARCH_DIR] [--out data/dict] [--report]

PETRARCH_DIR holds Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt and
Phoenix.Countries.actors.txt (default: ../shared/petrarch relative to the repository root).
Writes data/dict/phoenix_organizations.txt, phoenix_groups.txt and phoenix_people.txt.
Stdlib only. The Phoenix files are MIT licensed (Copyright (c) 2014 Open Event Data Alliance);
they are read, never copied into the repository.

What is read (see src/coding/petrarch_reader.cc, ReadPetrarchActors, for PETRARCH's rules):
  NAME_WITH_UNDERSCORES [CODE] [CODE 991001-020128] ...   a new entry
  +SYNONYM [CODE]                                           another name of the entry
  <tab>[CODE <950601]  [CODE >20121115]                     more codes, dated (YYMMDD or YYYYMMDD,
                                                            '<D' ends the day before D, '>D'
                                                            begins the day after D)
  A name line without any code lends its names to the next entry.

What is written: "names = codes", names separated by ';', "=NAME" exact case, "!Name" must be
capitalized; codes separated by ',' each with an optional range FROM..TO (YYYY-MM-DD).

REVIEW (what is dropped, and why) is below; every drop is counted and printed with --report.
"""

import argparse
import datetime
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FILES = {
    "international": "Phoenix.International.actors.txt",
    "milnonstate": "Phoenix.MilNonState.actors.txt",
    "countries": "Phoenix.Countries.actors.txt",
}

# ---------------------------------------------------------------------------------------------
# REVIEW: known failures of the Phoenix dictionaries on real news, and the rules that drop them.
#
#  dictionary-word   A one-word name that is an ordinary lower-case English word (WordNet lemma
#                    written in lower case: "senate", "apple", "care", "pole"): it matches the
#                    word in running text.
#  first-name        A one-word name that Phoenix itself uses as the first word of three or more
#                    people ("Abdullah", "Mohammed", "David"), or is in COMMON_FIRST_NAMES.
#  ambiguous-surname A one-word person name shared by two or more Phoenix people with different
#                    codes ("Khan", "Singh"): it cannot say who.
#  short-name        A one-word name of fewer than 4 letters that is a word or a first name; the
#                    others are taken as acronyms and matched in exact case ("=PLA", "=FSB").
#  place-name        A name that WordNet files as a location (noun.location: cities, regions,
#                    countries: "Kabul", "Gaza Strip"): a bare place is not an actor, and a
#                    country is ours (countries.txt). Countries' own entries in
#                    Phoenix.Countries (code = a bare country code, with their cities and
#                    provinces as synonyms) are skipped altogether.
#  common-phrase     A name of two or three words that are all ordinary lower-case words
#                    ("Black Friday" -> TURREB, "Black Hand", "Secretary of State", "Federal Law
#                    Enforcement", "Intelligence Community"): it matches ordinary phrases.
#  sports-club       Names with club or sport words (FC, football, soccer, rugby, cricket, ...).
#  generic-name      Names in GENERIC_NAMES: titles and common nouns that Phoenix codes for one
#                    country ("President of the United States" is an agent phrase, composed by
#                    agents.txt; "Indian UN peacekeeper").
#  inverted-name     Names with a comma ("Virgin Islands, U.S."): never written so in text.
#  bad-code          Codes our loader or `dragoman dict check` rejects: no country, region or
#                    international prefix ("ELI", "---"), an unknown agent type ("GBRGIB",
#                    "PSEGZA"), a length not made of 3-letter parts, a bad date. The code is
#                    dropped; an entry left without a code is dropped.
#  ours              A name one of our own files already has (ours win), and for people any
#                    person whose name or surname our people.txt already has.
#  conflict          A name that two Phoenix entries code differently: dropped from both.
#  duplicate         A name given again with the same codes: kept once.
# ---------------------------------------------------------------------------------------------

COMMON_FIRST_NAMES = {
    "john", "james", "david", "michael", "robert", "william", "richard", "thomas", "mary", "peter",
    "paul", "mark", "george", "charles", "joseph", "daniel", "anna", "maria", "jose", "juan",
    "carlos", "luis", "ali", "ahmed", "ahmad", "mohammed", "mohammad", "muhammad", "mohamed",
    "hassan", "hussein", "abdullah", "omar", "umar", "khalid", "ibrahim", "ismail", "yusuf",
    "mustafa", "mahmoud", "salman", "hamad", "khalifa", "sultan", "nasser", "karim", "rashid",
    "vladimir", "sergei", "ivan", "igor", "nikolai", "alexander", "andrei", "li", "wang", "zhang",
    "kim", "park", "lee", "singh", "khan", "shah", "ram", "raja", "amit", "eyal", "shahin", "muhannad",
    "hamzah", "hamza",
}

GENERIC_NAMES = {
    "president of the united states", "american president", "us president", "potus",
    "indian un peacekeeper", "federal law enforcement", "secretary of state", "senate",
    "intelligence community", "national security council", "national security council staff",
    "department of state", "attorney general", "supreme court", "constitutional court",
    "parliament", "national assembly", "government", "army", "police", "military",
    "ministry of defense", "ministry of defence", "ministry of foreign affairs",
    "ministry of interior", "ministry of justice", "ministry of finance", "the government",
    "the opposition", "opposition", "rebels", "the rebels", "central bank", "national bank",
    "foreign ministry", "defense ministry", "interior ministry", "prime minister", "president",
    # Generic words for a kind of actor, which agents.txt has: they name no one organization.
    "ngo", "ngos", "mnc", "mncs",
    # Places and things that share a group's name: "Israeli police entered Al-Aqsa" is the mosque.
    "al-aqsa", "al aqsa", "al aksa", "yahweh",
}

# Words that make a name of ordinary words an institution's name ("World Health Organization").
INSTITUTION_WORDS = {
    "organization", "organisation", "agency", "council", "union", "league", "front", "party", "army",
    "brigade", "brigades", "movement", "fund", "bank", "programme", "program", "assembly",
    "community", "alliance", "trust", "foundation", "association", "committee", "committees",
    "federation", "society", "institute", "corps", "commission", "court", "tribunal", "ministry",
    "department", "bureau", "office", "authority", "service", "forces", "force", "guard", "guards",
    "battalion", "battalions", "regiment", "militia", "organization", "network", "coalition",
    "conference", "secretariat", "parliament", "congress", "academy", "university", "center",
    "centre", "group", "watch", "international", "liberation", "revolutionary", "resistance",
    "jihad", "mujahideen", "islamic", "corporation", "company", "inc", "ltd", "co", "plc",
}
# Capitalized in WordNet, yet ordinary in running text ("Black Friday", "Black September").
CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december", "christmas", "easter"}

# Kept although made of ordinary words: well-known names that ordinary text does not write.
KEEP_NAMES = {"shining path", "red brigades", "muslim brotherhood", "royal navy", "defense intelligence agency"}

SPORT_WORDS = {"fc", "f.c.", "afc", "football", "soccer", "rugby", "cricket", "baseball", "basketball",
               "hockey", "olympique", "sporting"}

INTERNATIONAL = {"IGO", "NGO", "MNC", "IMG", "INT", "NGM", "UIS"}
AGENT_TYPES = set("""COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI
LAB LEG MED REF MOD RAD AMN IRC GRP UNO PKO UIS IGO IMG INT MNC NGM NGO SET PTY REL""".split())
CAMEO_ISO = {"ROU": "ROM", "TLS": "TMP", "MNE": "MTN"}

OPEN_BEGIN = datetime.date(1, 1, 1)
OPEN_END = datetime.date(9999, 12, 31)


# --- Normalization as dragoman's index sees names (NameTokens, then without a leading "the").
def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def tokens(name):
    out = []
    for w in re.split(r"[\s_]+", name.replace("\u2019", "'")):
        if not w:
            continue
        # A hyphen inside a word separates pieces ("Ban Ki-moon" -> ban ki moon).
        out.extend(p for p in re.split(r"(?<=[^-\s])-(?=[^-\s])", w) if p)
    return [fold(t) for t in out]


def norm(name):
    t = tokens(name)
    if len(t) > 1 and t[0] == "the":
        t = t[1:]
    return " ".join(t)


def letters(s):
    return "".join(c for c in s if c.isalpha())


# --- WordNet: lower-case lemmas (ordinary words) and location lemmas.
def load_wordnet(wn_dir):
    lower, location, proper = set(), set(), set()
    for pos in ("noun", "verb", "adj", "adv"):
        path = os.path.join(wn_dir, "data." + pos)
        if not os.path.exists(path):
            continue
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split(" ")
                lexfile = int(parts[1])
                count = int(parts[3], 16)
                for k in range(count):
                    w = parts[4 + 2 * k]
                    w = re.sub(r"\(.*\)$", "", w)
                    key = fold(w.replace("_", " "))
                    if w == w.lower() and any(c.isalpha() for c in w):
                        lower.add(key)
                    elif w[:1].isupper():
                        proper.add(key)
                    if pos == "noun" and lexfile == 15 and w[:1].isupper():
                        location.add(key)
    # Inflected forms (WordNet's exception lists: "men", "geese") of ordinary words.
    for pos in ("noun", "verb", "adj", "adv"):
        path = os.path.join(wn_dir, pos + ".exc")
        if os.path.exists(path):
            with open(path, encoding="latin-1") as f:
                for line in f:
                    parts = line.split()
                    if len(parts) >= 2 and fold(parts[1].replace("_", " ")) in lower:
                        lower.add(fold(parts[0].replace("_", " ")))
    return lower, location


def is_word(t, lower):
    """t or its regular plural ("tigers", "militias", "parties") is an ordinary lower-case word."""
    if t in lower:
        return True
    if t.endswith("ies") and t[:-3] + "y" in lower:
        return True
    if t.endswith("es") and t[:-2] in lower:
        return True
    return t.endswith("s") and len(t) > 3 and t[:-1] in lower


# --- PETRARCH parsing.
def parse_date(text):
    t = text.strip()
    if not t.isdigit() or len(t) not in (6, 8):
        return None
    v = int(t)
    if len(t) == 6:
        yy = v // 10000
        year = 2000 + yy if yy < 30 else 1900 + yy
    else:
        year = v // 10000
    md = v % 10000
    try:
        return datetime.date(year, md // 100, md % 100)
    except ValueError:
        return None


def parse_code(inside):
    """'KAZGOV 991001-020128' -> (code, begin, end); None if the date is bad."""
    s = inside.strip()
    m = re.match(r"([^\s<>]*)\s*(.*)$", s)
    code, rest = m.group(1).upper(), re.sub(r"\s", "", m.group(2))
    if not code:
        return None, "code missing"
    if not rest:
        return (code, None, None), None
    if rest[0] in "<>":
        d = parse_date(rest[1:])
        if not d:
            return None, "bad date"
        if rest[0] == "<":
            return (code, OPEN_BEGIN, d - datetime.timedelta(days=1)), None
        return (code, d + datetime.timedelta(days=1), OPEN_END), None
    if "-" not in rest:
        return None, "bad date"
    a, b = rest.split("-", 1)
    da, db = parse_date(a), parse_date(b)
    if not da or not db or db < da:
        return None, "bad date"
    return (code, da, db), None


def read_petrarch(path):
    """Entries: dict(names=[raw], codes=[raw inside], comment=str, line=int)."""
    entries = []
    cur = None
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    for no, raw in enumerate(text.split("\n"), 1):
        comment = raw.split("#", 1)[1] if "#" in raw else ""
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        name = line.split("[", 1)[0].strip()
        if line.startswith("["):
            if cur is not None:
                cur["codes"] += codes
            continue
        if line.startswith("+"):
            if cur is not None:
                cur["names"].append(name[1:])
                cur["codes"] += codes
            continue
        carried = []
        if cur is not None and not cur["codes"]:
            carried = cur["names"]
            entries.pop()
        cur = {"names": [name] + carried, "codes": codes, "comment": comment, "line": no}
        entries.append(cur)
    return [e for e in entries if e["codes"]]


# --- Codes.
def known_places():
    places = set()
    for fn in ("countries.txt", "regions.txt"):
        with open(os.path.join(REPO, "data/dict", fn), encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if "|" in line:
                    places.add(line.split("|", 1)[0].strip())
    iso = "/usr/share/iso-codes/json/iso_3166-1.json"
    if os.path.exists(iso):
        with open(iso, encoding="utf-8") as f:
            for c in json.load(f)["3166-1"]:
                places.add(CAMEO_ISO.get(c["alpha_3"], c["alpha_3"]))
    return places


def code_ok(code, places):
    if not re.fullmatch(r"[A-Z0-9-]{3,21}", code):
        return False
    prefix = code[:3]
    if prefix in INTERNATIONAL:
        return True
    if prefix not in places or len(code) % 3:
        return False
    return all(code[k:k + 3] in AGENT_TYPES for k in range(3, len(code), 3))


def company_code(code, places):
    """Phoenix codes a company MNC + its country (+ a sector): MNCUSA, MNCUSAHLH. The GUIDE codes
    companies as their country + BUS (USABUS), and so does the scorer: MNCUSA -> USABUS. A company
    without a country stays MNC. National NGOs likewise become their country's."""
    if code.startswith("MNC") and len(code) >= 6 and code[3:6] in places:
        return code[3:6] + "BUS"
    # A national NGO ("American Civil Liberties Union" NGOUSAHRI) is of its country, as CAMEO
    # codes domestic NGOs (USANGOHRI); transnational ones (NGOHRI) keep NGO first.
    if (code.startswith("NGO") and len(code) >= 6 and len(code) % 3 == 0 and code[3:6] in places and
            all(code[k:k + 3] in AGENT_TYPES for k in range(6, len(code), 3))):
        return code[3:6] + "NGO" + code[6:]
    return code


def resolve_codes(raw_codes, places, drops):
    """Parsed, checked and painted codes: (undated code or None, [(code, begin, end)]) with
    non-overlapping dated ranges; where Phoenix's ranges overlap, the shorter range wins."""
    undated, dated = None, []
    for inside in raw_codes:
        parsed, err = parse_code(inside)
        if parsed is None or not code_ok(parsed[0], places):
            drops["bad-code"] += 1
            continue
        code, b, e = parsed
        code = company_code(code, places)
        if b is None:
            if undated is None:
                undated = code
            elif code != undated:
                drops["bad-code (second undated code)"] += 1
            continue
        dated.append((code, b, e))
    if not dated:
        return undated, []
    points = sorted({b for _, b, _ in dated} | {e + datetime.timedelta(days=1) for _, _, e in dated if e < OPEN_END})
    segments = []
    for i, start in enumerate(points):
        end = points[i + 1] - datetime.timedelta(days=1) if i + 1 < len(points) else OPEN_END
        best = None
        for order, (code, b, e) in enumerate(dated):
            if b <= start and end <= e:
                length = (e - b).days
                if best is None or (length, -order) < (best[0], -best[1]):
                    best = (length, order, code)
        if best is None:
            continue
        code = best[2]
        if segments and segments[-1][0] == code and segments[-1][2] + datetime.timedelta(days=1) == start:
            segments[-1] = (code, segments[-1][1], end)
        else:
            segments.append((code, start, end))
    # A dated range with the fallback's own code says nothing the fallback does not.
    segments = [s for s in segments if s[0] != undated]
    return undated, segments


def format_code(code, b, e):
    if b is None:
        return code
    f = "" if b == OPEN_BEGIN else b.isoformat()
    t = "" if e == OPEN_END else e.isoformat()
    return f"{code} {f}..{t}"


# --- Names.
def clean_name(raw):
    """PETRARCH name -> text: underscores to blanks, parenthesized acronyms removed."""
    n = raw.strip().rstrip("_").replace("_", " ")
    n = re.sub(r"\([^)]*\)", " ", n)
    n = re.sub(r"\s+", " ", n).strip(" .-")
    return n


def display(name):
    """Title case for a name Phoenix writes in capitals, keeping short particles."""
    small = {"of", "the", "and", "for", "in", "on", "de", "al", "el", "du", "la", "le", "da", "bin", "ibn", "to"}
    words = []
    for i, w in enumerate(name.split(" ")):
        lw = w.lower()
        if i > 0 and lw in small:
            words.append(lw)
        elif "." in w and len(letters(w)) <= 4:
            words.append(w.upper())  # U.S., U.N.
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


class Reviewer:
    def __init__(self, lower_words, locations, first_names, country_words):
        self.lower = lower_words | CALENDAR_WORDS
        self.locations = locations
        self.first_names = first_names
        self.country_words = country_words  # country names and adjectives, from countries.txt

    def review(self, name, person, institution=False):
        """institution: a country's institution (Phoenix.Countries without dates), which must name
        its country or be a proper name, not a generic title ("National Security Council")."""
        """(written name, None) or (None, reason)."""
        if "," in name:
            return None, "inverted-name"
        if any(c in name for c in ";=#[]|"):
            return None, "bad-name"
        toks = tokens(name)
        key = norm(name)
        if not toks or not letters(name):
            return None, "bad-name"
        if key in GENERIC_NAMES:
            return None, "generic-name"
        if not person and any(t in SPORT_WORDS for t in toks):
            return None, "sports-club"
        if key in self.locations:
            return None, "place-name"
        if len(toks) == 1:
            t = toks[0]
            n_letters = len(letters(t))
            if is_word(t, self.lower):
                return None, "short-name" if n_letters < 4 else "dictionary-word"
            if t in COMMON_FIRST_NAMES or t in self.first_names:
                return None, "short-name" if n_letters < 4 else "first-name"
            if n_letters < 4:
                return "=" + name.upper(), None  # an acronym: exact case
            return "!" + display(name), None  # a proper name: capitalized in the text
        content = [t for t in toks if t not in ("the", "of", "and", "for", "in", "on", "to", "a")]
        common = bool(content) and all(is_word(t, self.lower) and t not in self.country_words for t in content)
        if person:
            # "Ban Ki-moon", "Pat Cox": written capitalized, so "ban" or "pat" in a sentence never match.
            return ("!" if common else "") + display(name), None
        if key in KEEP_NAMES:
            return display(name), None
        if common and institution and len(toks) <= 3:
            return None, "common-phrase"
        if common and len(toks) <= 3 and not any(t in INSTITUTION_WORDS for t in toks):
            return None, "common-phrase"
        return display(name), None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("petrarch_dir", nargs="?", default=os.path.join(REPO, "..", "shared", "petrarch"))
    ap.add_argument("--out", default=os.path.join(REPO, "data", "dict"))
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--report", action="store_true", help="print every dropped name with its reason")
    args = ap.parse_args()

    if not os.path.exists(os.path.join(args.wordnet, "data.noun")):
        sys.exit(f"{args.wordnet}: WordNet data files missing (apt-get install wordnet-base)")
    lower_words, locations = load_wordnet(args.wordnet)
    places = known_places()

    # Our own names: they win.
    ours, our_people, our_surnames = set(), set(), set()
    for fn in sorted(os.listdir(args.out)):
        if not fn.endswith(".txt") or fn.startswith("phoenix_") or fn in ("verbs.txt", "un_members.txt", "agents.txt"):
            continue
        with open(os.path.join(args.out, fn), encoding="utf-8") as f:
            for i, line in enumerate(f):
                line = re.split(r"(?:^|\s)#", line, 1)[0].strip()
                if i == 0 or not line:
                    continue
                if "|" in line:
                    names = [n for field in line.split("|")[1:] for n in field.split(";")]
                else:
                    names = line.split(" = ", 1)[0].split(";")
                for n in names:
                    n = n.strip().lstrip("!=")
                    if not n:
                        continue
                    ours.add(norm(n))
                    if fn == "people.txt":
                        our_people.add(norm(n))
                        t = tokens(n)
                        if t:
                            our_surnames.add(t[-1])

    raw = {k: read_petrarch(os.path.join(args.petrarch_dir, f)) for k, f in FILES.items()}

    # First names, as Phoenix uses them: the first word of three or more people.
    first_count = Counter()
    for e in raw["countries"]:
        for n in e["names"][:1]:
            t = tokens(clean_name(n))
            if len(t) >= 2:
                first_count[t[0]] += 1
    first_names = {t for t, c in first_count.items() if c >= 3}
    country_words = set()
    with open(os.path.join(REPO, "data/dict/countries.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0]
            if "|" in line:
                for field in line.split("|")[1:3]:
                    for n in field.split(";"):
                        country_words.update(tokens(n.strip().lstrip("!=")))
    reviewer = Reviewer(lower_words, locations, first_names, country_words)

    drops = Counter()
    dropped = defaultdict(list)  # reason -> names
    entries = []  # dict(kind, names=[written], codes=[str], source)
    for src, items in raw.items():
        for e in items:
            undated, dated = resolve_codes(e["codes"], places, drops)
            codes = ([format_code(undated, None, None)] if undated else []) + [format_code(*s) for s in dated]
            first = [c.split()[0] for c in (e["codes"] or [""])]
            if src == "countries":
                # The country's own entry (its names, cities and provinces): ours.
                if any(len(parse_code(c)[0][0]) == 3 for c in e["codes"] if parse_code(c)[0]):
                    drops["country entry (countries.txt is ours)"] += 1
                    continue
                kind = "people" if dated or "CountryInfo" in e["comment"] else "groups"
            elif src == "milnonstate":
                kind = "groups"
            else:
                kind = "organizations"
                if dated:  # office holders with dated codes (IGOrulers): people
                    kind = "people"
            if not codes:
                drops["entry without a usable code"] += 1
                dropped["entry without a usable code"].append(f"{clean_name(e['names'][0])} {e['codes']}")
                continue
            names = []
            for rn in e["names"]:
                for piece in rn.split("+"):
                    n = clean_name(piece)
                    if not n:
                        continue
                    written, reason = reviewer.review(n, kind == "people", src == "countries")
                    if reason:
                        drops[reason] += 1
                        dropped[reason].append(n)
                        continue
                    names.append(written)
            entries.append({"kind": kind, "names": names, "codes": codes, "source": f"{FILES[src]}:{e['line']}"})

    # People: ours win for the whole person; one-word names shared by people coded differently
    # say nothing.
    single = defaultdict(set)
    for e in entries:
        if e["kind"] == "people":
            for n in e["names"]:
                t = tokens(n.lstrip("!="))
                if len(t) >= 2:
                    single[t[-1]].add(",".join(e["codes"]))
                elif len(t) == 1:
                    single[t[0]].add(",".join(e["codes"]))
    kept = []
    for e in entries:
        if e["kind"] == "people":
            keys = [tokens(n.lstrip("!=")) for n in e["names"]]
            if any(" ".join(k) in our_people or (k and k[-1] in our_surnames) for k in keys):
                drops["ours (person in people.txt)"] += 1
                dropped["ours (person in people.txt)"].append(e["names"][0] if e["names"] else e["source"])
                continue
            names = []
            for n, k in zip(e["names"], keys):
                if len(k) == 1 and len(single[k[0]]) > 1:
                    drops["ambiguous-surname"] += 1
                    dropped["ambiguous-surname"].append(n)
                    continue
                names.append(n)
            e["names"] = names
        kept.append(e)
    entries = kept

    # Names: ours win; a name coded differently by two entries is dropped from both.
    by_key = defaultdict(set)
    for e in entries:
        for n in e["names"]:
            by_key[norm(n.lstrip("!="))].add(",".join(e["codes"]))
    for e in entries:
        names, seen = [], set()
        for n in e["names"]:
            k = norm(n.lstrip("!="))
            if k in ours:
                drops["ours"] += 1
                dropped["ours"].append(n)
            elif len(by_key[k]) > 1:
                drops["conflict"] += 1
                dropped["conflict"].append(n)
            elif k in seen:
                drops["duplicate"] += 1
            else:
                seen.add(k)
                names.append(n)
        e["names"] = names
    # The same name in two entries with the same codes: keep the first.
    written = set()
    for e in entries:
        names = []
        for n in e["names"]:
            k = norm(n.lstrip("!="))
            if k in written:
                drops["duplicate"] += 1
                continue
            written.add(k)
            names.append(n)
        e["names"] = names
    empty = [e for e in entries if not e["names"]]
    drops["entry left without a name"] += len(empty)
    entries = [e for e in entries if e["names"]]

    counts = Counter(e["kind"] for e in entries)
    command = "python3 scripts/import_phoenix_actors.py ../shared/petrarch"
    header_common = [
        "# Imported from PETRARCH2/Phoenix by scripts/import_phoenix_actors.py; do not edit by hand,",
        "# change the script (its REVIEW list) and rerun:",
        f"#   {command}",
        "# Source: Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt and",
        "# Phoenix.Countries.actors.txt from PETRARCH2 (https://github.com/openeventdata/petrarch2),",
        "# MIT License, Copyright (c) 2014 Open Event Data Alliance. Permission is hereby granted, free",
        "# of charge, to any person obtaining a copy of this software and associated documentation",
        "# files, to deal in the Software without restriction, subject to including the copyright",
        "# notice and permission notice; the Software is provided \"as is\", without warranty of any kind.",
        "# Our own files (organizations.txt, groups.txt, people.txt, countries.txt) win over these.",
        "# Each line: names = codes (see data/dict/README.md); each entry notes its Phoenix line.",
    ]
    kinds = {"organizations": "organizations", "groups": "groups", "people": "people"}
    for kind, fn in (("organizations", "phoenix_organizations.txt"), ("groups", "phoenix_groups.txt"),
                     ("people", "phoenix_people.txt")):
        lines = [f"dragoman-dict 1 {kinds[kind]}"] + header_common + [f"# {counts[kind]} entries."]
        for e in entries:
            if e["kind"] != kind:
                continue
            lines.append("; ".join(e["names"]) + " = " + ", ".join(e["codes"]) + "  # " + e["source"])
        with open(os.path.join(args.out, fn), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    print("written:", ", ".join(f"{k} {counts[k]}" for k in ("organizations", "groups", "people")),
          f"({sum(counts.values())} entries, {sum(len(e['names']) for e in entries)} names)")
    for reason, n in sorted(drops.items(), key=lambda x: -x[1]):
        print(f"  dropped {reason}: {n}")
    if args.report:
        for reason, names in sorted(dropped.items()):
            print(f"== {reason} ({len(names)})")
            for n in names:
                print("  ", n)


if __name__ == "__main__":
    main()
