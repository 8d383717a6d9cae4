"""The spans a doc's entity mentions are read from: the NER's and the entity ruler's, with names the NER cut joined
("the American University-Washington College of Law", "the European Union Monitoring Mission"), names of their
own that end in a known name ("Port Sudan", "Thérèse Kayikwamba Wagner"), datelines and their credits, routes
between places and collective actors the NER never tags. kg/entities.py turns each span into a mention.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from .gazetteer import PORTFOLIOS, Gazetteer, norm
from .nlp import text_of
from .peoples import GROUP_NOUNS, people_span

_PLACE_LABELS = ("GPE", "LOC", "FAC", "NORP")
_HYPHENS = ("-", "–", "—")
_NAME_JOINERS = ("of", "for", "and", "&")
#: nouns for a route or line between places: "the Armenia-Azerbaijan border", "the Aghdam-Stepanakert road"
ROUTE_NOUNS = {"road", "highway", "border", "frontier", "railway", "railroad", "pipeline", "corridor", "bridge", "crossing"}
#: span label of a place's name that ends in a known place's name ("Port Sudan", "North Darfur")
COMPOUND_PLACE = "KG_PLACE"
#: span label of a person's name that ends in a word the ruler took for an organization ("... Wagner")
JOINED_PERSON = "KG_PERSON"


_TITLE_HEADS = {"secretary", "minister", "undersecretary", "ministry", "department"}


def is_portfolio(span) -> bool:
    """"State" in "US Secretary of State Marco Rubio", "Defence" in "Defence Minister X" (the NER's ORG) name no
    organization."""
    root = span.root
    if norm(span.text) not in PORTFOLIOS:
        return False
    if span.end < len(span.doc) and span.doc[span.end].lower_ in ("minister", "secretary"):
        return True  # "Defence Minister Israel Katz": a portfolio before its title
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _TITLE_HEADS


def _demonym_portfolio(span, gaz: Gazetteer) -> bool:
    """Is an organization the NER read a state's adjective and a portfolio before a minister's title ("Indian
    External Affairs Minister X", "British Home Secretary X")? The state is named; the rest is the title."""
    doc = span.doc
    if len(span) < 2 or span.end >= len(doc) or doc[span.end].lower_ not in ("minister", "secretary"):
        return False
    rest = norm(span[1:].text)
    return (rest in PORTFOLIOS or rest in ("home", "foreign")) and norm(span[0].text) in gaz.demonyms


def _hyphen_joined(doc, span) -> int | None:
    """End token of an organization name the NER cut at a hyphen ("the American University-" + "Washington
    College of Law"): the proper nouns after the hyphen, with "of"/"for"/"and" between them."""
    last = span.end if doc[span.end - 1].text not in _HYPHENS else span.end - 1
    if doc[last].text not in _HYPHENS if last < len(doc) else True:
        return None
    hyphen = doc[last]
    if hyphen.whitespace_ or (last > 0 and doc[last - 1].whitespace_):
        return None  # a dash between words ("UN - a body that ..."), not a hyphenated name
    j = last + 1
    while j < len(doc) and "\n" not in doc[j - 1].whitespace_:
        tok = doc[j]
        if tok.pos_ == "PROPN" and tok.text[:1].isupper():
            j += 1
        elif tok.lower_ in _NAME_JOINERS and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper():
            j += 2
        else:
            break
    return j if j > last + 1 else None


#: route nouns that, after one place's name, name a crossing point or route of its own ("the Rafah crossing")
CROSSING_NOUNS = {"crossing", "corridor", "bridge", "checkpoint", "highway", "road", "pass", "railway"}


#: capitalized title words before a name ("Foreign Minister Wagner"): not part of it
TITLE_WORDS = {"minister", "president", "general", "secretary", "foreign", "defense", "defence", "prime", "chief",
               "commander", "ambassador", "envoy", "spokesman", "spokeswoman", "senator", "governor", "mayor", "judge",
               "colonel", "captain", "lieutenant", "major", "sergeant", "admiral", "marshal", "king", "queen",
               "prince", "sheikh", "mr", "mrs", "ms", "dr", "professor", "deputy", "vice", "premier", "chancellor"}


def _name_before(doc, span) -> int | None:
    """Where a person's name starts when a one-word organization name of the gazetteer ends it ("Thérèse
    Kayikwamba Wagner", not the Wagner Group): capitalized proper nouns right before it that no entity
    (or only the NER's person) covers."""
    if not span.ent_id_ or span.label_ not in ("ORG", "NORP") or len(span) != 1:
        return None
    i = span.start
    if (i > span.sent.start and doc[i - 1].ent_type_ != "PERSON" and doc[i - 1].lower_ in TITLE_WORDS
            and doc[i - 1].text[:1].isupper()):
        return i  # "Foreign Minister Wagner"
    return _given_names_start(doc, span)


def _given_names_start(doc, span) -> int | None:
    """Where the given names before a one-word ``span`` start: the NER's person right before it, else up to two
    capitalized proper nouns no entity covers, no title among them."""
    first = _name_line_start(doc, span)
    i = span.start
    if i > first and doc[i - 1].ent_type_ == "PERSON":  # the NER's person right before it
        while i > first and doc[i - 1].ent_type_ == "PERSON" and doc[i - 1].ent_iob_ != "":
            i -= 1
            if doc[i].ent_iob_ == "B":
                break
        return i
    while (i > first and span.start - i < 2 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_alpha
           and doc[i - 1].text[:1].isupper() and not doc[i - 1].ent_type_ and not doc[i - 1].whitespace_.count("\n")
           and doc[i - 1].lower_ not in TITLE_WORDS):
        i -= 1
    return i if i < span.start else None


def _name_line_start(doc, span) -> int:
    """The first token a name's given names may start at: its sentence's, or, where the parser cut a line with
    no punctuation into sentences (a byline: "Oleksandr | Zelensky"), the line's."""
    first = span.sent.start
    while first > 0 and not doc[first - 1].is_punct and not doc[first - 1].is_space and "\n" not in doc[first - 1].whitespace_:
        first = doc[first - 1].sent.start
    return first


def _namesake_before(doc, span, gaz: Gazetteer) -> int | None:
    """Where another person's full name starts when a known person's surname ends it: given names before the
    surname that none of the people it may stand for has ("Haftar's son Saddam Haftar" is not Khalifa Haftar;
    "Recep Tayyip Erdogan" is Erdoğan)."""
    if not span.ent_id_ or span.label_ != "PERSON" or len(span) != 1:
        return None
    first = _given_names_start(doc, span)
    if first is None or any(tok.lower_ in TITLE_WORDS for tok in doc[first:span.start]):
        return None
    key = span.ent_id_
    people = ([gaz.entries[key]] if key in gaz.entries
              else [gaz.entries[k] for k in gaz.surnames().get(span.text, ()) if k in gaz.entries])
    known = {_folded(w) for e in people for name in e.names for w in name.split()[:-1]}
    given = [_folded(tok.text) for tok in doc[first:span.start] if tok.is_alpha]
    if not people or not given or any(fuzz.ratio(g, k) >= 75 for g in given for k in known):
        return None
    return first


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


#: capitalized nouns that end an organization's name: "the European Union Monitoring Mission", "the Kosovo
#: Security Force", "the Azerbaijani State Border Service"
ORG_HEADS = {"mission", "party", "movement", "front", "army", "forces", "force", "council", "committee", "commission",
             "association", "alliance", "coalition", "brigade", "brigades", "corps", "guard", "guards", "agency",
             "service", "bank", "airlines", "company", "corporation", "church", "congress", "assembly", "league",
             "federation", "foundation", "institute", "center", "centre", "fund", "network", "bureau", "directorate",
             "police", "gendarmerie", "militia", "battalion", "regiment", "division", "organization", "organisation",
             "authority", "tribunal", "society", "bloc", "ministry", "union"}
#: nouns of an organized body that a name before them modifies: "the Viv Ansanm gang", "the Fano militia", "the
#: Georgian Dream party"
BODY_KIND_NOUNS = {"gang", "gangs", "alliance", "militia", "group", "movement", "party", "coalition", "faction", "bloc",
                   "cartel", "network", "brigade", "battalion", "organization", "organisation", "army"}


def _name_after(doc, span) -> int | None:
    """End token of an organization's name that goes on after a name the ruler or the NER matched in it: the
    capitalized words after a state's, place's, organization's or nationality's name, when the last of them
    ends an organization's name ("the European Union Monitoring Mission") or a party noun follows ("the
    Georgian Dream party", "the Serb List party"). Titles stop it: "Russian Prime Minister X" ends in no such
    word."""
    if span.label_ not in ("NORP", "GPE", "ORG", "LOC") or "__" in span.ent_id_:
        return None
    j = span.end
    while (j < len(doc) and doc[j].pos_ in ("PROPN", "NOUN") and doc[j].is_title and doc[j].is_alpha
           and (not doc[j].ent_type_ or (doc[j].ent_type_ == "ORG" and not doc[j].ent_id_))
           and "\n" not in doc[j - 1].whitespace_ and doc[j].sent == span.sent):
        j += 1
    if j == span.end:
        return None
    if doc[j - 1].lower_ in ORG_HEADS:
        return j
    if j < len(doc) and doc[j].lower_ in BODY_KIND_NOUNS and doc[j].is_lower:
        return j
    return None


def _route_span(doc, head):
    """``"the Armenia-Azerbaijan border"``, ``"the Aghdam-Stepanakert (Khankendi) Road"``: places joined by a
    hyphen before a route noun name the route or border between them (a Place of its own); so does one place
    before a crossing noun ("the Rafah crossing", "the Kerch bridge")."""
    i, names, hyphens = head.i - 1, 0, 0
    while i >= 0 and doc[i].sent == head.sent:
        tok = doc[i]
        if tok.ent_type_ in _PLACE_LABELS and tok.text[:1].isupper():
            names += tok.ent_iob_ == "B"
        elif tok.text in _HYPHENS and not tok.whitespace_:
            hyphens += 1
        elif tok.text not in ("(", ")"):
            break
        i -= 1
    first = i + 1
    while first < head.i and doc[first].text in _HYPHENS + ("(", ")"):
        first += 1
    single = (names == 1 and not hyphens and head.lower_ in CROSSING_NOUNS and doc[first].ent_type_ != "NORP"
              and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children))
    if not (single or (names >= 2 and hyphens)) or doc[first].ent_iob_ != "B":
        return None  # "the Rafah crossing" is a place of its own; "the Syrian border" is Syria's
    from spacy.tokens import Span

    return Span(doc, first, head.i + 1, label="FAC")


#: joins a generic group's name to its article in a key: "Group:protesters@<source>"
ARTICLE_SCOPED = "@"
GROUP_LABEL = "KG_GROUP"  # span label of a collective actor found by :func:`_group_nouns`


def _group_nouns(doc, taken: set[int]) -> list:
    """Collective actors the NER never tags: a bare plural group noun as a subject ("protesters stormed the
    building"), and "the opposition" (a country's political opposition). Not after a demonym: "Armenian
    protesters" is a demonym body."""
    from spacy.tokens import Span

    out = []
    for tok in doc:
        if tok.lower_ not in GROUP_NOUNS and tok.lower_ != "opposition":
            continue  # tested first: the checks below walk the parse
        if tok.i in taken or tok.ent_type_ or any(c.dep_ in ("amod", "compound", "poss") for c in tok.lefts):
            continue
        dets = [c.lower_ for c in tok.lefts if c.dep_ == "det"]
        acting = tok.lower_ in GROUP_NOUNS and tok.dep_ in ("nsubj", "nsubjpass") and not dets
        opposition = tok.lower_ == "opposition" and dets == ["the"] and not any(c.dep_ == "prep" and c.lower_ in ("to", "of", "from", "against") for c in tok.rights)
        if acting or opposition:
            out.append(Span(doc, tok.i, tok.i + 1, label=GROUP_LABEL))
    return out


#: compass words that open a region's name: "West Darfur", "North Kivu" (when the gazetteer lacks the name)
COMPASS_WORDS = {"west", "east", "north", "south", "western", "eastern", "northern", "southern", "central"}

#: capitalized words that, before a known place's name, make the name another place's ("Port Sudan", "North
#: Darfur", "Lake Chad", "Mount Lebanon")
PLACE_PREFIXES = {"north", "south", "east", "west", "port", "lake", "mount", "upper", "lower"}


def _compound_place_start(doc, span, gaz: Gazetteer) -> int | None:
    """Where a place's name starts when the ruler matched only a known place inside it: a capitalized word of
    :data:`PLACE_PREFIXES` right before it ("Port Sudan" is no mention of Sudan). The whole name is then looked
    up as any other; the gazetteer's own longer names ("South Sudan", "East Jerusalem") never get here."""
    entry = gaz.entries.get(span.ent_id_) if span.ent_id_ else None
    if entry is None or entry.type not in ("Country", "Place") or span.start == 0:
        return None
    before = doc[span.start - 1]
    if (before.lower_ not in PLACE_PREFIXES or not before.is_title or before.sent != span.sent
            or "\n" in before.whitespace_ or before.ent_type_ in ("PERSON", "ORG", "DATE")):
        return None
    return before.i


#: last words of a geographic feature's name: "Second Thomas Shoal", "Mischief Reef", "the Khyber Pass"
GEO_HEADS = {"shoal", "shoals", "reef", "reefs", "atoll", "island", "islands", "isle", "archipelago", "strait", "straits",
             "peninsula", "sea", "gulf", "canal", "desert", "plateau", "valley", "river", "heights", "mountains", "pass",
             "delta", "oasis"}


def _ordinal_place_start(doc, span) -> int | None:
    """Where a geographic feature's name starts when the NER left a capitalized ordinal out of it ("Second" in
    "the Second Thomas Shoal")."""
    if span.ent_id_ or span.start == 0 or span[-1].lower_ not in GEO_HEADS:
        return None
    before = doc[span.start - 1]
    if (not (before.ent_type_ == "ORDINAL" or (before.like_num and before.is_alpha and not before.ent_type_))
            or not before.is_title or before.sent != span.sent or "\n" in before.whitespace_):
        return None
    return before.i


DATELINE = "KG_DATELINE"  # span label of the place a news dateline names
#: a dateline at the start of a paragraph: "ADDIS ABABA —", "KYIV, Ukraine (Reuters) -", "CARACAS, Dec 4 —",
#: "ISLAMABAD:"
_DATELINE = re.compile(r"([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})(?:\s*,\s*[\w .]{2,25})?\s*(?:\(([^)\n]{1,30})\)\s*)?(?:[—–-]{1,2}|:)\s")


#: a news agency's dateline: a place, maybe a date, then the agency in capitals ("Kyiv, March 3, UKRINFORM.",
#: "TEHRAN, IRNA -", "MOSCOW, October 4. /TASS/.")
_AGENCY_DATELINE = re.compile(r"([A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,3})(?:\s*,\s*[\w ]{2,25}?)?\s*[,.]\s*"
                              r"/?([A-Z]{2,}(?:[ -][A-Z]{2,})?)/?\s*(?:[.:—–-]|\n|$)")


def _datelines(doc, gaz: Gazetteer) -> tuple[list, set[int]]:
    """The places named by datelines, read in capitals ("ADDIS ABABA —") that the NER does not know; and the
    tokens of their credits ("(Reuters)", "(AP)", "Kyiv, March 3, UKRINFORM."): the wire the story came from,
    which the text does not mention."""
    text, out, credits = text_of(doc), [], set()
    for start in [0] + [m.end() for m in re.finditer(r"\n\s*\n\s*", text)]:
        agency = _AGENCY_DATELINE.match(text, start)
        place = agency and gaz.lookup(agency.group(1))
        if place is not None and place.type in ("Place", "Country") and gaz.lookup(agency.group(2)) != place:
            credit = doc.char_span(agency.start(2), agency.end(2), alignment_mode="expand")
            credits.update(range(credit.start, credit.end) if credit is not None else ())
        match = _DATELINE.match(text, start)
        if match is None:
            continue
        credit = doc.char_span(match.start(2), match.end(2), alignment_mode="expand") if match.group(2) else None
        if credit is not None:
            credits.update(range(credit.start, credit.end))
        entry = gaz.lookup(match.group(1))
        if entry is None or entry.type != "Place":
            continue
        span = doc.char_span(match.start(1), match.end(1), label=DATELINE, alignment_mode="contract")
        if span is not None and len(span):
            out.append(span)
    return out, credits


def _place_in_name(doc, span) -> int | None:
    """End token of an organization's name the NER cut before a place in it, when the acronym in parentheses right
    after spells the whole: "the United Nations Assistance Mission | in Afghanistan (UNAMA)", "the United Nations
    Support Mission | in Libya (UNSMIL)"."""
    j = span.end
    if span.label_ != "ORG" or span.ent_id_ or j + 4 >= len(doc) or doc[j].lower_ not in ("in", "for", "to", "on"):
        return None
    place = doc[j + 1]
    if place.ent_type_ not in ("GPE", "LOC") or place.ent_iob_ != "B":
        return None
    k = j + 2
    while k < len(doc) and doc[k].ent_iob_ == "I":
        k += 1
    if k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")" or not doc[k + 1].is_upper:
        return None
    words = [t for t in doc[span.start:k] if (t.text[:1].isupper() and t.lower_ != "the") or t.i == j]
    spelled = {"".join(t.text[0] for t in words if t.i != j), "".join(t.text[0] for t in words).upper()}
    return k if doc[k + 1].text in spelled else None  # (with the preposition's initial or without: "UNSMIL")


#: words that describe a body at the start of the NER's name for it, in lower case in running text: "Opposition
#: Republican People's Party", "Ruling Serbian Progressive Party", "Outlawed Kurdistan Workers' Party"
DESCRIPTORS = {"opposition", "ruling", "governing", "former", "rival", "banned", "outlawed", "proscribed", "exiled",
               "defunct", "pro-government", "anti-government", "hardline", "separatist", "jihadist", "militant"}


def _after_descriptors(doc, span, gaz: Gazetteer) -> int:
    """Where an unknown name starts after the descriptive words the NER put at its start (:data:`DESCRIPTORS`): a
    capitalized name of two words or more, or one the gazetteer knows, must be left ("Opposition Bloc", a party's
    name, keeps its first word); the span's start when there are none."""
    i = span.start
    while i < span.end - 1:
        hyphened = i + 3 < span.end and doc[i + 1].text in _HYPHENS and not doc[i].whitespace_
        width = 3 if hyphened else 1
        if doc[i:i + width].text.lower() not in DESCRIPTORS:
            break
        i += width
    rest = doc[i:span.end]
    if i == span.start or not rest[0].is_title or (len(rest) < 2 and gaz.lookup(rest.text) is None):
        return span.start
    return i


def read_spans(doc, gaz: Gazetteer) -> list:
    """The NER's and ruler's spans, with hyphen-cut organization names joined and routes between places added
    (before the places they join, which stay mentions of their own)."""
    from spacy.tokens import Span

    datelines, credits = _datelines(doc, gaz)
    dated = credits | {i for span in datelines for i in range(span.start, span.end)}
    ents = sorted([e for e in doc.ents if not dated.intersection(range(e.start, e.end))] + datelines,
                  key=lambda s: s.start)
    out, skip_to = [], 0
    for span in ents:
        if span.start < skip_to:
            continue  # swallowed by a joined name
        if len(span) > 2 and span[0].lower_ == "anti" and span[1].text in ("-", "–"):
            span = Span(doc, span.start + 2, span.end, label=span.label_)  # "anti-French": French
        if not span.ent_id_ and span.label_ in ("ORG", "NORP", "PERSON", "GPE", "LOC", "EVENT"):
            span = Span(doc, _after_descriptors(doc, span, gaz), span.end, label=span.label_)  # "Opposition X Party"
        end = _hyphen_joined(doc, span) if span.label_ == "ORG" and not span.ent_id_ else None
        end = end or _name_after(doc, span)
        if end is not None:
            span, skip_to = Span(doc, span.start, end, label="ORG"), end
        elif len(span) == 1 and span[0].lower_ in COMPASS_WORDS and not span[0].whitespace_.count("\n"):
            end = span.end  # "West Darfur", "East Kordofan": a region's name, not "the West"
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end - 1].whitespace_.count("\n"):
                end += 1
            if end > span.end:
                span, skip_to = Span(doc, span.start, end, label="GPE"), end
        if _place_in_name(doc, span) is not None:  # "the UN Assistance Mission in Afghanistan (UNAMA)": one name
            end = _place_in_name(doc, span)
            span, skip_to = Span(doc, span.start, end, label="ORG"), end
        first = _ordinal_place_start(doc, span)
        if first is not None:  # "Second Thomas Shoal": one name
            if out and out[-1].end > first:
                out.pop()
            span = Span(doc, first, span.end, label="LOC")
        first = _compound_place_start(doc, span, gaz)
        if first is not None:  # "Port Sudan", "North Darfur", "Lake Chad": a place of its own
            if out and out[-1].end > first:
                out.pop()
            span = Span(doc, first, span.end, label=COMPOUND_PLACE)
        people = people_span(doc, span, gaz) if end is None else None
        if people is not None:  # "Kosovo Serbs", "the Serbs of Kosovo", "Fulani herders": a group of its own
            span, skip_to = people, people.end
        if span.label_ == "ORG" and not span.ent_id_ and _demonym_portfolio(span, gaz):
            span = Span(doc, span.start, span.start + 1, label="NORP")  # "Indian [External Affairs] Minister X"
        first = _name_before(doc, span)
        if first is None:  # "Saddam Haftar": another person than the gazetteer's Khalifa Haftar
            first = _namesake_before(doc, span, gaz)
        if first is not None:  # "Thérèse Kayikwamba Wagner": a surname, not the Wagner Group
            if out and out[-1].end > first:
                out.pop()
            span = Span(doc, first, span.end, label=JOINED_PERSON)
        out.append(span)
    routes = [r for r in (_route_span(doc, t) for t in doc if t.lower_ in ROUTE_NOUNS and t.pos_ in ("NOUN", "PROPN")
                          and not t.ent_type_) if r is not None]
    # "the Dniester bridge": a name kg does not know, before a crossing noun, is the crossing's name (one place);
    # a known place stays a mention of its own ("the Rafah crossing" is also at Rafah)
    named = {(r.start, r.end - 1) for r in routes if not any(t.text in _HYPHENS for t in r)}
    out = [s for s in out if not (s.ent_id_ == "" and gaz.lookup(s.text) is None
                                  and any(a <= s.start and s.end <= b for a, b in named))]
    taken = {i for span in out for i in range(span.start, span.end)}
    return sorted(out + routes + _group_nouns(doc, taken), key=lambda s: (s.start, -s.end))


