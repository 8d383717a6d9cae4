"""Peoples: the groups a text names by a people or a nationality with a place or a noun for people.

A people of a place is a group of its own, however the text puts it: "Kosovo Serbs", "the Serbs of Kosovo",
"ethnic Serbs in northern Kosovo", "Kosovo's Serb minority" and "the Serb minority in Kosovo" are one group
(:func:`people_key`), not Kosovo and the whole people; so are "Bosnian Serbs" and "Crimean Tatars". A
nationality no state of kg's has, with a plural noun for people, names a group by those words ("Fulani
herders", "Dogon militias", "Tuareg rebels"). :func:`people_span` finds these spans for kg/spans.py.
"""
from __future__ import annotations

from .gazetteer import STATE_BODY_WORDS, Gazetteer, norm

#: span label of a people of a place; its key comes from :func:`people_key`
PEOPLE_LABEL = "KG_PEOPLE"
#: plural nouns for a collective actor that is a group of its own when it acts ("protesters stormed ...")
GROUP_NOUNS = {"protesters", "protestors", "demonstrators", "rebels", "separatists", "insurgents", "militants"}
#: plural nouns for people that, after a nationality or ethnonym no state of kg's has, name a group of their own:
#: "Fulani herders", "Dogon militias", "Druze leaders", "Tuareg rebels"
PEOPLE_NOUNS = GROUP_NOUNS | {"herders", "farmers", "villagers", "civilians", "leaders", "elders", "fighters", "militias",
                              "gunmen", "tribesmen", "clans", "communities", "settlers", "refugees", "activists",
                              "residents", "forces", "groups", "nationalists", "separatists", "youths"}
#: nouns (lemmas) for people or their bodies that two nationality words before them make a people's: "Bosnian Serb
#: leader X", "Kosovo Serb protesters", "Iraqi Kurdish authorities"
PEOPLE_LEMMAS = {"leader", "leadership", "politician", "official", "lawmaker", "deputy", "representative", "member",
                 "community", "population", "minority", "authority", "side", "party", "militia", "force", "fighter",
                 "protester", "protestor", "demonstrator", "delegation", "negotiator", "soldier", "police", "rebel",
                 "separatist", "refugee", "civilian", "villager", "resident", "activist", "nationalist", "militant",
                 "commander", "army", "troop", "unit", "paramilitary", "entity", "mayor", "president", "legislator"}
#: nouns for the people of a place that a nationality's adjective qualifies: "Kosovo's Serb minority"
POPULATION_NOUNS = {"minority", "population", "community", "residents", "inhabitants"}
#: plural nouns of land that end a place's name: "the Golan Heights", "the Palestinian Territories"
LAND_NOUNS = {"heights", "hills", "mountains", "highlands", "lowlands", "plains", "falls", "springs", "fields", "lakes",
              "islands", "isles", "territories", "provinces", "regions", "states", "emirates", "republics", "lands",
              "straits", "shoals", "reefs", "marshes", "woods", "keys", "narrows", "rapids", "steppes"}
#: capitalized plurals that name a service or a company, not a people: "US Marines", "Qatar Airways"
SERVICE_PLURALS = {"marines", "rangers", "commandos", "paratroopers", "airways", "airlines", "railways", "industries",
                   "systems", "holdings", "technologies", "communications", "games", "olympics", "news", "times",
                   "affairs", "forces", "brigades", "guards", "corps", "services"}
_PLACE_LABELS = ("GPE", "LOC")
_OF = ("of", "in", "from")


def people_span(doc, span, gaz: Gazetteer):
    """The span of a people that ``span`` (the NER's or the ruler's) opens, else None."""
    from spacy.tokens import Span

    if span.label_ not in ("NORP", "GPE", "LOC") or "__" in span.ent_id_ or span.end >= len(doc):
        return None
    end = _people_of_place_end(doc, span, gaz)
    if end is not None:
        return Span(doc, span.start, end, label=PEOPLE_LABEL)
    end = _nationals_end(doc, span, gaz)
    return Span(doc, span.start, end, label="NORP") if end is not None else None


def _people_of_place_end(doc, span, gaz: Gazetteer) -> int | None:
    nxt, last = doc[span.end], doc[span.end - 1]
    if "\n" in last.whitespace_:
        return None
    if last.head.i == nxt.i and last.dep_ in ("amod", "compound") and _a_peoples_plural(doc, nxt, gaz):
        return nxt.i + 1  # "Kosovo Serbs", "Bosnian Serbs", "Crimean Tatars", "Syrian Kurds"
    if _a_peoples_adjective(doc, span, nxt):
        return nxt.i + 1  # "Bosnian Serb leader X", "Kosovo Serb protesters": the people's, not the state's
    if span.label_ == "NORP" and span.text[:1].isupper():
        if span.text.endswith("s"):  # "the Serbs of Kosovo"
            return _place_after(doc, span.root, gaz) if _is_people(span, gaz) else None
        if nxt.lower_ in POPULATION_NOUNS and span.root.head.i == nxt.i:  # "the Serb minority in Kosovo"
            return _place_after(doc, nxt, gaz)
        return None
    if span.label_ in _PLACE_LABELS and nxt.tag_ == "POS" and nxt.head.i == last.i and span.end + 2 < len(doc):
        adj, noun = doc[span.end + 1], doc[span.end + 2]  # "Kosovo's Serb minority"
        if (adj.ent_type_ == "NORP" and adj.head.i == noun.i and noun.lower_ in POPULATION_NOUNS
                and last.head.i == noun.i and not adj.lower_.endswith("s")):
            return noun.i + 1
    return None


def _a_peoples_plural(doc, tok, gaz: Gazetteer) -> bool:
    """Is a capitalized plural a people's name, not a longer name's part ("Bosnian Serb Republic"), a body's
    ("Armed Forces") or land's ("the Golan Heights")?"""
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and after.is_title and after.pos_ == "PROPN" and "\n" not in tok.whitespace_:
        return False
    word, entry = tok.lower_, gaz.lookup(tok.text)
    return (tok.is_title and tok.pos_ in ("PROPN", "NOUN") and word.endswith("s") and not word.endswith("ss")
            and (tok.ent_type_ == "NORP" or (tok.ent_type_ == "" and tok.tag_ == "NNPS"))
            and "__" not in tok.ent_id_ and (entry is None or entry.type == "Group")
            and word not in STATE_BODY_WORDS | LAND_NOUNS | SERVICE_PLURALS)


#: adjectives of a political or religious camp, which qualify no people of a place: "US Democratic senators"
CAMP_ADJECTIVES = {"democratic", "republican", "socialist", "communist", "conservative", "liberal", "labour", "labor",
                   "green", "progressive", "nationalist", "federal", "national", "islamist", "jihadist", "reformist"}


def _a_peoples_adjective(doc, span, tok) -> bool:
    """Is ``tok`` a second nationality word that, with the one before it, qualifies a noun: "Bosnian Serb leader",
    "Kosovo Serb protesters", "Iraqi Kurdish authorities" (a people of that place, like "Bosnian Serbs")?"""
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if (after is None or tok.ent_type_ != "NORP" or tok.ent_iob_ != "B" or tok.ent_id_ or not tok.is_title
            or tok.lower_.endswith("s") or tok.lower_ in CAMP_ADJECTIVES or "\n" in tok.whitespace_):
        return False
    if not (after.pos_ == "NOUN" and after.is_lower and tok.head.i == after.i
            and after.lemma_.lower() in PEOPLE_LEMMAS):
        return False  # "a Serbian Orthodox monastery": no people's
    last = doc[span.end - 1]
    return last.head.i in (tok.i, after.i) and last.dep_ in ("amod", "compound", "nmod")


def _is_people(span, gaz: Gazetteer) -> bool:
    """Is a plural nationality a people's name ("Serbs"), not a name of something else ("the Philippines")?"""
    entry = gaz.lookup(span.text)
    return entry is None or entry.type == "Group"


def _place_after(doc, noun, gaz: Gazetteer) -> int | None:
    """End of the known place "of", "in" or "from" puts after a people's noun: "Serbs in northern Kosovo"."""
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in _OF), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.ent_type_ not in _PLACE_LABELS or obj.ent_iob_ == "":
        return None
    if any(t.ent_type_ and t.ent_type_ not in _PLACE_LABELS for t in doc[prep.i + 1:obj.i]):
        return None
    entry = gaz.lookup(obj.text)
    if prep.lower_ == "in" and entry is not None and entry.kind == "City":
        return None  # "talks with the Russians in Geneva": where they are, not a people of Geneva
    if (prep.lower_ in ("in", "from") and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            and norm(noun.text[:-1]) in gaz.demonyms):
        return None  # "the Russians in Ukraine have lost tanks": a state's people standing for its forces there
    end = obj.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _nationals_end(doc, span, gaz: Gazetteer) -> int | None:
    """After a nationality no state of kg's has, a plural noun for people: "Fulani herders", "Tuareg rebels"."""
    nxt, last = doc[span.end], doc[span.end - 1]
    if last.head.i != nxt.i or last.dep_ not in ("amod", "compound") or "\n" in last.whitespace_:
        return None
    text = span.text
    known = (span.ent_id_ or norm(text) in gaz.demonyms or gaz.lookup(text) is not None
             or norm(text) in gaz.towns or gaz.guess_state(text) is not None)
    if not known and nxt.lower_ in PEOPLE_NOUNS and nxt.is_lower and text[:1].isupper():
        return nxt.i + 1
    return None


def people_key(span, gaz: Gazetteer) -> str:
    """The key of a people of a place, the same however the text puts it: ``Group:kosovo serbs`` for "Kosovo
    Serbs", "the Serbs of Kosovo" and "Kosovo's Serb minority"; the gazetteer's group where it has one ("the
    Armenians of Karabakh" is its Karabakh Armenians)."""
    tokens = [t for t in span if t.lower_ not in ("the", "ethnic")]
    cut = next((i for i, t in enumerate(tokens) if t.lower_ in _OF and t.dep_ == "prep"), None)
    if cut is not None:  # "Serbs of Kosovo", "Serb minority in northern Kosovo"
        people, place = tokens[:cut], tokens[cut + 1:]
    else:
        cut = next((i for i, t in enumerate(tokens) if t.tag_ == "POS"), None)
        people, place = (tokens[cut + 1:], tokens[:cut]) if cut is not None else (tokens[-1:], tokens[:-1])
    place = [t for t in place if t.ent_type_] or place  # "northern Kosovo": Kosovo
    people = [t for t in people if t.lower_ not in POPULATION_NOUNS]
    where = " ".join(t.text for t in place)
    who = _plural(" ".join(t.text for t in people), gaz)
    entry = gaz.lookup(where)
    if entry is None and norm(where) in gaz.demonyms:  # "Bosnian Serbs": Bosnia and Herzegovina's
        entry = gaz.entries.get(gaz.demonyms[norm(where)])
    for name in (f"{where} {who}", f"{who} of {where}", *((f"{entry.label} {who}",) if entry is not None else ())):
        known = gaz.lookup(name)
        if known is not None and known.type == "Group":
            return known.id
    return f"Group:{norm(entry.label if entry is not None else where)} {norm(who)}"


def is_phrase(name: str) -> bool:
    """Does a people's name describe it ("Kurds of Syria", "Kosovo's Serb minority") rather than name it?"""
    words = name.replace("’", "'").split()
    return any(w in _OF or w.endswith("'s") or w in POPULATION_NOUNS for w in words)


def _plural(people: str, gaz: Gazetteer) -> str:
    """A people's name from its adjective: "Serb" -> "Serbs", "Armenian" -> "Armenians"; "Chinese" stays."""
    if people.endswith("s"):
        return people
    if people.lower() in PEOPLE_OF_ADJECTIVE:
        return PEOPLE_OF_ADJECTIVE[people.lower()]
    entry = gaz.lookup(people + "s")
    if entry is not None and entry.type == "Group":
        return entry.label
    return people if people.endswith(("ese", "sh", "ch")) else people + "s"


#: peoples whose name is not their adjective with an s: "Kurdish" -> "Kurds" ("Iraqi Kurdish leader" and "Iraqi
#: Kurds" are one group)
PEOPLE_OF_ADJECTIVE = {"kurdish": "Kurds", "turkish": "Turks", "jewish": "Jews", "polish": "Poles", "danish": "Danes",
                       "swedish": "Swedes", "finnish": "Finns", "scottish": "Scots", "spanish": "Spaniards",
                       "british": "Britons", "welsh": "Welsh", "tajik": "Tajiks", "uzbek": "Uzbeks"}
