"""Entity mentions read from a parsed doc (per doc), each with a provisional key.

A key is a gazetteer id, or ``"Type:name"`` for a name the gazetteer lacks; kg/resolution.py merges keys
across the corpus into canonical entities. :class:`KeyKinds` tells what kind of thing a key names.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .coreference import (body_anaphora, compose_groups, demonym_bodies, group_anaphora, known_as,
                          named_before_acronym, place_bodies, possessive_bodies, same_name_again,
                          stateless_ministries, whose_bodies)
from .gazetteer import BODY_NOUNS, STATE_NOUNS, Gazetteer, body_type, names_state_body, norm
from .model import Mention
from .nlp import text_of
from .peoples import PEOPLE_LABEL, people_key
from .speech import CUE_VERBS
from .spans import (ARTICLE_SCOPED, BODY_KIND_NOUNS, COMPOUND_PLACE, DATELINE, GEO_HEADS, GROUP_LABEL, JOINED_PERSON,
                    TITLE_WORDS, is_portfolio, read_spans)
from .syntax import PORTION_WORDS

NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
             "EVENT": "Event", "NORP": "Group"}
#: prepositions after which a capital is the city, not the state ("convened in Moscow")
LOCATIVE = {"in", "to", "from", "at", "near", "into", "outside", "around", "across", "through", "toward",
            "towards", "via", "within", "inside", "throughout"}
#: what a state sends or is sent: "orders from Beijing", "an appeal to Moscow" name the state, not the city
MESSAGE_NOUNS = {"order", "instruction", "directive", "call", "demand", "request", "offer", "proposal", "appeal",
                 "message", "warning", "threat", "invitation", "ultimatum", "pressure", "support", "backing"}
#: verbs whose "to" names who gets or is yielded to, not where: "capitulated to Baku", "sold drones to Moscow"
YIELDING_VERBS = {"surrender", "capitulate", "yield", "submit", "cede", "hand", "transfer", "lose", "sell", "deliver",
                  "supply", "give", "appeal"}
MOTION_VERBS = {"visit", "travel", "arrive", "fly", "move", "go", "return", "flee", "leave", "reach", "relocate", "come"}
#: verbs of taking, besieging or shelling ground: what they take or shell is the city, not its state ("the Taliban
#: took over Kabul", "Serb forces shelled Sarajevo")
CAPTURE_VERBS = {"capture", "seize", "take", "retake", "recapture", "liberate", "besiege", "encircle", "surround",
                 "overrun", "storm", "enter", "conquer", "regain", "lose", "shell", "bombard", "pound"}
#: nouns for a settlement or area: "the capital of Baku" names the city
PLACE_NOUNS = {"capital", "city", "town", "village", "port", "region", "province", "district", "outskirts", "streets"}
#: role nouns a seat of government modifies as the state it stands for: "Kremlin spokesman", "Kremlin aide"
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "envoy", "diplomat",
                "press", "chief", "insider"}
_LEADING = {"the", "a", "an", "this", "that", "these", "those"}


def _clean(span) -> tuple[int, int, str] | None:
    """Trim determiners, possessives and punctuation from a span; None when nothing name-like is left."""
    tokens = list(span)
    while tokens and (tokens[0].lower_ in _LEADING or tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = text_of(span.doc)[start:end]
    if not re.search(r"[^\W\d_]", text) or "\n" in text or len(text) > 80 or len(tokens) > 8:
        return None
    if tokens[-1].is_stop and tokens[-1].is_lower:  # "Azerbaijani Control of": a headline cut by the NER
        return None
    if any(t.text in (":", "|") for t in tokens):  # "Last Winter: How": a headline's two parts, no one name
        return None
    return start, end, text


#: nouns after a capital's name that make it the state: "the Kiev regime", "Moscow officials"
GOVERNING_HEADS = {"regime", "government", "authorities", "administration", "leadership", "official", "junta",
                   "cabinet"}


def _is_literal_place(span) -> bool:
    """Is a capital's name used for the city itself ("in Moscow", "visited Yerevan") rather than the state?"""
    root = span.root
    if (root.dep_ == "pobj" and root.head.lower_ in ("from", "to") and root.head.head.pos_ == "NOUN"
            and root.head.head.lemma_.lower() in MESSAGE_NOUNS):
        return False  # "orders from Beijing", "an appeal to Moscow": the state sends or gets it
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lemma_.lower() in YIELDING_VERBS:
        return False  # "capitulated to Baku", "handed the town over to Moscow": the state gets it
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        return True
    if root.dep_ in ("dobj", "pobj") and root.head.lemma_ in MOTION_VERBS:
        return True
    if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in CAPTURE_VERBS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "over") and root.head.i > 0 and (
            root.head.head.lemma_.lower() == "control" or span.doc[root.head.i - 1].lemma_.lower() == "control"):
        return True  # "took control of Khartoum": the city
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS:
        return True  # "the Azerbaijani capital of Baku"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PORTION_WORDS:
        return True  # "control of much of Khartoum", "shelled parts of Kyiv": a share of the city
    if (root.dep_ == "compound" and root.head.pos_ in ("PROPN", "NOUN") and root.head.lower_ not in ("led", "backed")
            and root.head.lemma_.lower() not in SPOKESPEOPLE and root.head.lemma_.lower() not in GOVERNING_HEADS):
        return True  # "Moscow region", "Yerevan residents" (but "Kremlin spokesman" speaks for the state)
    if root.dep_ == "appos" or (root.dep_ == "conj" and root.head.ent_type_ in ("GPE", "LOC") and _is_literal_place(root.head.doc[root.head.i:root.head.i + 1])):
        return True
    return False


#: kinds of weapons a model name stands before: "Bayraktar TB2 drones", "Shahed drones", "HIMARS launchers"
WEAPON_NOUNS = {"drone", "missile", "jet", "aircraft", "tank", "rocket", "launcher", "helicopter", "howitzer", "rifle",
                "fighter", "bomber", "system", "munition", "warship", "submarine", "vehicle", "battery", "interceptor",
                "frigate", "destroyer", "shell", "bomb", "torpedo", "gun", "warhead", "artillery", "carrier"}


def _is_model_name(span) -> bool:
    """A name the NER found that modifies a kind of weapon, over any other modifiers, names a model, not an actor
    ("Bayraktar TB2 drones", "Patriot batteries", "Vampire multiple rocket launchers", "Kinzhal hypersonic
    missiles"); a nationality does not ("Chadian drones")."""
    root = span.root
    if span.label_ == "NORP":
        return False
    if span.text.isupper() and re.search(rf"\(\s*{re.escape(span.text)}\s*\)", text_of(span.doc)):
        return False  # "RSF drones" in a text that spelled out "the Rapid Support Forces (RSF)": the owner's
    head = root
    while head.dep_ in ("compound", "amod") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        head = head.head
    if head is root:  # the parser cut the name off its noun ("bought [Pinaka] [multiple rocket launchers]")
        after = span.doc[span.end:span.end + 4]
        head = next((t for t in after if t.dep_ not in ("compound", "amod")), root)
        if head is not root and any(t.i < head.i and t.head.i != head.i and t.head.head.i != head.i for t in after):
            head = root
    return (head is not root and head.i >= span.end and head.pos_ == "NOUN"
            and (head.lemma_.lower() in WEAPON_NOUNS or head.lower_.rstrip("s") in WEAPON_NOUNS))


def _demonym_body(span, gaz: Gazetteer) -> str | None:
    """``"the Armenian government"`` -> ``armenia`` (a body standing for the state)."""
    words = span.text.split()
    if len(words) >= 2 and norm(words[-1]) in STATE_NOUNS:
        return gaz.demonyms.get(norm(" ".join(words[:-1])))
    return None


def _state_body(words: list[str], gaz: Gazetteer) -> str | None:
    """The key of a state's body named by a demonym or a state's name and a body noun ("Ethiopian Defence
    Ministry", "US Army", "United States Army"), else None; also a place's ("Gaza Health Ministry")."""
    for cut in range(1, len(words)):
        noun = norm(" ".join(words[cut:]))
        if noun not in BODY_NOUNS and not names_state_body(noun):
            continue
        head = " ".join(words[:cut])
        state = gaz.demonyms.get(norm(head))
        if state is None:
            entry = gaz.lookup(head)
            state = entry.id if entry is not None and entry.type in ("Country", "Place") else None
        if state is not None:
            return gaz.body_of(state, " ".join(words[cut:]))
    return None


#: words that open a two-word rank before a name: "Field Marshal", "Air Chief Marshal", "Rear Admiral"
RANK_OPENERS = {"field", "air", "rear", "vice", "brigadier", "lieutenant", "major", "senior", "chief", "grand",
                "supreme"}


def _opens_a_rank(span, words: list[str]) -> bool:
    """Is an unknown name only the opening words of a rank whose next word is a title ("Field" in "Field
    Marshal X", "Air" in "Air Marshal X", "Supreme" in "Supreme Leader X")?"""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return (nxt is not None and nxt.is_title and nxt.lower_ in TITLE_WORDS | {"leader"}  # "Supreme Leader X"
            and all(w in RANK_OPENERS or w in TITLE_WORDS for w in words))


def provisional_key(span, gaz: Gazetteer) -> tuple[str, str] | None:
    """``(key, reading)`` for one NER/ruler span, or None for spans that name nothing kg tracks."""
    if span.label_ == JOINED_PERSON:
        cleaned = _clean(span)
        return (f"Person:{norm(cleaned[2])}", "name") if cleaned is not None else None
    if span.label_ == COMPOUND_PLACE:  # "Port Sudan": the whole name, looked up as any other
        entry = gaz.lookup(span.text)
        return (entry.id, "name") if entry is not None else (f"Place:{norm(span.text)}", "name")
    if span.label_ == PEOPLE_LABEL:  # "the Serbs of Kosovo": one key however the text puts it
        return people_key(span, gaz), "name"
    if span.label_ == DATELINE:  # the city the story was filed from, literally
        return gaz.lookup(span.text).id, "dateline"
    if span.ent_id_:
        ent_id = span.ent_id_
        if ":" in ent_id:  # an ambiguous surname, resolved per article later
            return ent_id, "name"
        if "__" in ent_id:  # demonym + body noun, minted by the ruler: "the Israeli army" is the IDF
            state, noun = ent_id.split("__", 1)
            return gaz.body_of(state, noun.replace("_", " ")), "demonym"
        entry = gaz.entries.get(ent_id)
        if entry and entry.type in ("Place", "Country") and _names_a_document(span):
            return None  # "the Rome Statute", "the Geneva Conventions": a text named after a city, not the city
        if entry and entry.metonym_of and not _is_literal_place(span):
            return entry.metonym_of, "metonym"
        return ent_id, "name"
    label = span.label_
    if is_portfolio(span) or _is_model_name(span) or (label in ("GPE", "LOC") and _names_a_document(span)):
        return None
    cleaned = _clean(span)
    if label == GROUP_LABEL and cleaned is not None:
        return f"Group:{norm(cleaned[2])}", "name"
    if label not in NER_TYPES or cleaned is None:
        return None
    text = cleaned[2]
    key = norm(text)
    if key in COMMON_BODIES:
        return None  # "Junta spokesman ...", "Army chief ...": a common noun capitalized, not a name
    if _opens_a_rank(span, key.split()):
        return None  # "Field Marshal Khalifa Haftar", "Air Marshal X": the first word of a rank, not a name
    if (label != "NORP" and len(span) == 1 and span[0].tag_ in ("JJ", "NNP") and gaz.lookup(text) is None
            and norm(text).endswith(("an", "ese", "ish", "i", "ic")) and gaz.guess_state(text) is not None):
        label = "NORP"  # "Angolan President X": a state's adjective the NER took for a place is a nationality
    words = text.split()
    state_body = _state_body(words, gaz) if label == "ORG" else None
    if state_body is not None:
        # "Ethiopian Defence Ministry" as the NER found it: the body "the Ethiopian defence ministry" and
        # "Ethiopia's Defence Ministry" name too; so does "the US Army"
        return state_body, "demonym"
    if label == "NORP" or key in gaz.demonyms:
        state = gaz.demonyms.get(key) or _demonym_body(span, gaz) or (gaz.guess_state(text) if not text.endswith("s") else None)
        if state:
            return state, "demonym"
        if not text[:1].isupper() or not (text.endswith("s") or _names_a_people(span)):
            return None  # an adjective of a nationality kg does not know: nothing to link
    entry = gaz.lookup(text)
    if (entry is not None and not entry.curated and entry.type == "Place" and label in ("ORG", "NORP", "PERSON")
            and norm(entry.label) != key):
        entry = None  # a city's alternate name ("Hamas" for Hamm, "Gan" for Ramat Gan) overrides no body or person
    if entry is not None:
        if entry.metonym_of and not _is_literal_place(span):
            return entry.metonym_of, "metonym"
        return entry.id, "alias" if norm(entry.label) != key else "name"
    if not text[:1].isupper() and not text[:1].isdigit():
        return None  # statistical NER on a common noun phrase
    etype = NER_TYPES[label]
    if label == "GPE" and len(words) == 1 and text.endswith("s") and key not in gaz.towns and _names_a_people(span):
        etype = "Group"  # "detained Uyghurs": a people the NER took for a place, not a place kg knows
    if label in ("ORG", "PERSON", "LOC") and _names_a_drill(span):
        etype = "Event"  # "the Eagle Partner exercise": a named exercise is an event, not a body
    if label == "ORG" and words[-1] == "House" and span.start > 0 and span.doc[span.start - 1].lower_ == "at":
        etype = "Place"  # "talks at Blair House": a building (not "a report by Freedom House")
    if _is_operation(text):
        etype = "Event"  # a named military operation, whatever the NER made of it
    if etype == "Person" and len(text.split()) > 4:
        return None
    if etype in ("Person", "Organization", "Event") and len(words) >= 2 and words[-1].lower() in (
            FACILITY_NOUNS | GEO_HEADS):
        etype = "Place"  # "the Grand Ethiopian Renaissance Dam", "Hmeimim Air Base", "Mischief Reef": not a body
    if (etype in ("Person", "Organization") and len(words) >= 2 and words[-1] == "Line"
            and (span[0].lower_ == "the" or (span.start > 0 and span.doc[span.start - 1].lower_ == "the"))):
        etype = "Place"  # "the Durand Line", "the Green Line": a border or front line (not "Maersk Line")
    return f"{etype}:{key}", "name"


def _after_titles(span, start: int, end: int, key: str) -> tuple[int, str]:
    """Where a person's name starts after the titles and ranks a span opens with ("General Asim Munir", "Senior
    General Min Aung Hlaing", a gazetteer alias or the NER's), and its key (an unknown name's, without them)."""
    tokens = [t for t in span if start <= t.idx < end]
    i = 0
    while i < len(tokens) - 1 and tokens[i].is_title and tokens[i].lower_.rstrip(".") in TITLE_WORDS | RANK_OPENERS:
        i += 1
    if i == 0 or (i == len(tokens) - 1 and key.startswith("Person:")):
        return start, key  # "Sheikh Hasina": with one word of an unknown name left, the title word is part of it
    start = tokens[i].idx
    return start, f"Person:{norm(text_of(span.doc)[start:end])}" if key.startswith("Person:") else key


def _names_a_people(span) -> bool:
    """Is a nationality's or people's name a noun phrase of its own ("expelled the Rohingya", "the Druze said"),
    not an adjective before a noun ("Rohingya refugees") nor the place after a preposition of place?"""
    root = span.root
    if root.dep_ in ("amod", "compound", "poss") or root.pos_ not in ("PROPN", "NOUN"):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children):
        return False  # "the Making of an Autocrat": one of a kind, no people
    if root.dep_ == "pobj" and root.head.lower_ == "of":  # "the island of Hispaniola", "the region of X"
        return not _word_in(root.head.head, PLACE_NOUNS | NAMED_PLACE_NOUNS | GEO_HEADS)
    return not (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS | {"at", "from", "to"})


#: capitalized nouns of a text named after a place: "the Rome Statute", "the Dayton Accords"
DOCUMENT_NOUNS = {"statute", "treaty", "convention", "conventions", "charter", "accord", "accords", "protocol",
                  "declaration"}
#: nouns of a military exercise a name before them names: "the Eagle Partner exercise"
DRILL_NOUNS = {"exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres", "wargames"}
#: verbs that start or hold an exercise right before its name: "launched Joint Sword-2024A drills"
DRILL_VERBS = {"launch", "hold", "stage", "conduct", "begin", "start", "kick", "host"}
#: participles that give an exercise its name: "the drills, dubbed Eagle Partner", "exercises code-named Zapad"
NAMING_PARTICIPLES = {"dubbed", "called", "named", "codenamed", "code-named", "titled"}


def _names_a_document(span) -> bool:
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.is_title and nxt.lower_ in DOCUMENT_NOUNS


def _names_a_drill(span) -> bool:
    """Is ``span`` the name of a military exercise: "the Eagle Partner exercise", "launched Joint Sword-2024A
    drills", "the drills, dubbed Eagle Partner", "exercises code-named Zapad"?"""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if nxt is not None and nxt.lower_ in DRILL_NOUNS and before is not None and (
            before.lower_ == "the" or (before.pos_ == "VERB" and before.lemma_.lower() in DRILL_VERBS)):
        return True
    i = span.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].text == ","):
        i -= 1
    if i < 0 or doc[i].lower_ not in NAMING_PARTICIPLES:
        return False
    return any(t.lower_ in DRILL_NOUNS for t in doc[max(0, i - 4):i])  # "drills, dubbed", "exercises code-named"


#: common nouns the statistical NER takes for names when capitalized at the start of a sentence or headline
COMMON_BODIES = set(STATE_NOUNS) | {"army", "military", "police", "navy", "rebels", "militants", "government forces",
                                    "security forces", "the army", "parliament"}


def _is_operation(name: str) -> bool:
    """"Operation Sindoor", "Operation Protective Edge": "Operation" and a capitalised word name a military
    operation (an event), which the statistical NER often types as an organization or a person."""
    words = name.split()
    return len(words) >= 2 and words[0] == "Operation" and (words[1][:1].isupper() or words[1][:1].isdigit())


def read_mentions(doc, *, source: str, section: str, gaz: Gazetteer, publisher: str | None = None) -> list[Mention]:
    """Every entity mention of a parsed doc, with provisional keys; ``publisher`` (the article's) names no one
    as the series its headline is filed under ("ISW Analysis: ...")."""
    own = _publisher_names(publisher, gaz)
    mentions = []
    located: set[str] = set()
    spans: list = []  # the span each mention was read from
    for span in read_spans(doc, gaz):
        found = provisional_key(span, gaz)
        if found is None:
            continue
        key, reading = found
        cleaned = (_clean(span) if not span.ent_id_ or span.label_ in (JOINED_PERSON, COMPOUND_PLACE)
                   else (span.start_char, span.end_char, span.text))
        if cleaned is None:
            continue
        start, end, text = cleaned
        if _series_name(span, own):
            continue
        if span.label_ == "PERSON" and not span.ent_id_ and span.end < len(doc):
            nxt = doc[span.end]  # a byline's capitalised surname the NER left out: "M. Hakan YAVUZ"
            # ... or a surname the NER cut off a name it tagged ("Prime Minister Raila | Odinga"): a capitalized
            # proper noun in the same name, which names nothing else
            # (or hung the name on a title before it and took the surname for the argument: "met foreign minister
            # [Amir Khan] Muttaqi", two noun phrases side by side with nothing between)
            cut = (nxt.pos_ == "PROPN" and nxt.is_title and nxt.is_alpha and not nxt.ent_type_ and len(nxt) >= 3
                   and nxt.lower_ not in TITLE_WORDS and not span[-1].whitespace_.count("\n")
                   and ((span.root.dep_ == "compound" and span.root.head.i == nxt.i)
                        or (span.root.dep_ == "appos" and span.root.head.i < span.start
                            and nxt.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"))))
            if (cut or (nxt.is_upper and nxt.is_alpha and len(nxt) >= 3)) and not span.doc[span.end - 1].whitespace_.count("\n"):
                end = nxt.idx + len(nxt.text)
                text = text_of(doc)[start:end]
                key = f"Person:{norm(text)}"
        if key.startswith("Person:") or getattr(gaz.entries.get(key), "type", "") == "Person":
            start, key = _after_titles(span, start, end, key)  # "General Asim Munir": the name, not the rank
            text = text_of(doc)[start:end]
        if key.startswith(("Person:", "Place:")) and (_names_a_body(span) or _apposed_to_body(span)):
            key = "Organization:" + key.split(":", 1)[1]  # "the Viv Ansanm gang alliance"
        if key.startswith("Organization:") and _described_as_person(span):
            key = "Person:" + key.split(":", 1)[1]  # "Milan Radoičić, a vice-president of the party"
        if key.startswith(("Organization:", "Person:")) and _described_as_place(span):
            key = "Place:" + key.split(":", 1)[1]  # "Amdjarass, a town in eastern Chad"
            located.add(key)
        if span.label_ == GROUP_LABEL:  # "protesters" here and "protesters" in another article are not one group
            key = f"{key}{ARTICLE_SCOPED}{source}"
        if key.startswith(("Person:", "Organization:", "Place:")) and _after_locative(span, key):
            key = "Place:" + key.split(":", 1)[1]
            located.add(key)
        mentions.append(Mention(entity=key, text=text, start=start, end=end, source=source, section=section,
                                reading=reading, ner_label=span.label_))
        spans.append(span)
    for i, key in _listed_places(mentions, spans, gaz):
        mentions[i] = mentions[i].of(key)
        located.add(key)
    full_names = {m.entity.split(":", 1)[1] for m in mentions if m.entity.startswith("Person:") and " " in m.entity}
    for i, (m, span) in enumerate(zip(mentions, spans)):
        if _town_not_person(m.entity, span, full_names, gaz):
            mentions[i] = m.of("Place:" + m.entity.split(":", 1)[1])  # "Kherson came under fire"
    # one sense per text: a name the text puts after "near" is a place wherever else the NER typed it a person
    mentions = [replace(m, entity="Place:" + m.entity.split(":", 1)[1])
                if m.entity.startswith(("Person:", "Organization:", "Event:")) and "Place:" + m.entity.split(":", 1)[1] in located
                else m for m in mentions]
    mentions = _bare_body_nouns([_known_place(m, gaz) for m in mentions])
    mentions = place_bodies(doc, possessive_bodies(doc, demonym_bodies(doc, mentions, gaz), gaz), gaz)
    mentions = stateless_ministries(doc, whose_bodies(doc, mentions, gaz), gaz)
    mentions = known_as(doc, named_before_acronym(doc, compose_groups(doc, same_name_again(doc, mentions), gaz), gaz))
    return group_anaphora(doc, body_anaphora(doc, mentions, gaz), gaz)


#: capitalized common nouns for a body that alone name none ("the Authority remains committed", "House extends
#: ..."), unless the text names a body they are short for ("the House of Peoples' Representatives ... the House")
#: ("Congress", "Parliament", "the Senate" stay: each names one body where it is used)
GENERIC_BODIES = {"authority", "house", "chamber", "court", "cabinet", "council", "assembly", "committee", "commission",
                  "agency", "ministry", "office", "department", "bureau", "directorate", "mission", "tribunal",
                  "group", "organization", "organisation", "alliance", "coalition", "bloc", "faction", "network"}


def _bare_body_nouns(mentions: list[Mention]) -> list[Mention]:
    """The mentions without an unknown one-word organization that is a common noun for a body
    (:data:`GENERIC_BODIES`), unless another name in the text opens with it and "of" or ends with it: that body's
    short name then (kg/resolution.py links it)."""
    names = [norm(m.text) for m in mentions]

    def bare(m: Mention) -> bool:
        word = m.entity.split(":", 1)[1] if m.entity.startswith("Organization:") else ""
        return word in GENERIC_BODIES and not any(n.startswith(word + " of ") or n.endswith(" " + word) for n in names)

    return [m for m in mentions if not bare(m)]


#: verbs whose subject is a person, never a town: "Ali told reporters", "David met Zelensky"
PERSON_VERBS = CUE_VERBS | {"meet", "tell", "talk", "speak", "phone", "call", "visit", "travel", "fly", "arrive",
                            "sign", "resign", "chair", "urge", "thank", "write", "vote", "appoint", "nominate"}


def _town_not_person(key: str, span, full_names: set[str], gaz: Gazetteer) -> bool:
    """Is a one-word name the NER took for a person a town of the world layer (:attr:`Gazetteer.towns`:
    "Kherson came under fire"), or one it took for an organization the object of seizing, taking or shelling
    ("rebels seized Kidal")? Not when the text names someone with that family name ("Marco Rubio ...
    Rubio"), a title stands before it, or it is the subject of what only people do ("Ali told reporters")."""
    if not key.startswith(("Person:", "Organization:")):
        return False
    name = key.split(":", 1)[1]
    if " " in name or name not in gaz.towns or any(n.endswith(" " + name) for n in full_names):
        return False
    root, doc = span.root, span.doc
    if key.startswith("Organization:"):  # "rebels seized Kidal": only ground is seized, taken or shelled
        return root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in GROUND_VERBS | TAKING_VERBS
    if span.start > 0 and doc[span.start - 1].lower_ in TITLE_WORDS:
        return False
    return not (root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in PERSON_VERBS)


def _known_place(m: Mention, gaz: Gazetteer) -> Mention:
    """A name the context made a place ("retook Wad Madani", which the NER took for a person) is the gazetteer's
    place of that name, also by a city's alternate name (which alone overrides no person the NER found)."""
    if not m.entity.startswith("Place:"):
        return m
    entry = gaz.lookup(m.entity.split(":", 1)[1])
    return m.of(entry.id) if entry is not None and entry.type == "Place" else m


def _listed_places(mentions: list[Mention], spans: list, gaz: Gazetteer):
    """``(index, Place key)`` of unknown names the NER took for a person or organization that a coordination lists
    with places and nothing else ("shelling hit Avdiivka, Marinka and Vuhledar": Marinka is a town)."""
    kinds = {}  # token index -> "place" / "actor" (what the mention covering it names)
    for mention, span in zip(mentions, spans):
        key = mention.entity
        etype = key.split(":", 1)[0] if ":" in key else _key_type(key, gaz)
        kind = "place" if etype == "Place" else "actor" if etype in ("Person", "Organization", "Country") else None
        for t in range(span.start, span.end):
            kinds.setdefault(t, kind)
    for i, (mention, span) in enumerate(zip(mentions, spans)):
        if span.ent_id_ or span.label_ == GROUP_LABEL or not mention.entity.startswith(("Person:", "Organization:", "Group:")):
            continue  # (a nationality's plural the NER tagged, "Jermuk, Goris and Vardenis", may be a town too)
        listed = {kinds.get(t.i) for t in span.root.conjuncts if not span.start <= t.i < span.end}
        if "place" in listed and "actor" not in listed:
            yield i, "Place:" + mention.entity.split(":", 1)[1]


#: last words of the name of an outlet's series or column: "RCDS Insights: ...", "CSIS Analysis: ..."
SERIES_WORDS = {"insight", "insights", "analysis", "analyses", "opinion", "opinions", "commentary", "explainer",
                "briefing", "brief", "briefs", "update", "updates", "dispatch", "dispatches", "perspective",
                "perspectives", "podcast", "newsletter", "spotlight", "digest", "roundup", "outlook", "notes",
                "weekly", "daily", "bulletin", "memo", "factsheet", "backgrounder", "viewpoint", "viewpoints"}


def _publisher_names(publisher: str | None, gaz: Gazetteer) -> frozenset[str]:
    """The names an article's publisher goes by (norm): its own, its initials, and its gazetteer entry's names
    and id ("Institute for the Study of War": "isw")."""
    if not publisher or not publisher.strip():
        return frozenset()
    entry = gaz.lookup(publisher)
    words = [w for w in re.split(r"[\s-]+", publisher) if w[:1].isupper()]
    names = {norm(publisher), norm("".join(w[0] for w in words))} if len(words) >= 2 else {norm(publisher)}
    if entry is not None:
        names |= {norm(n) for n in entry.names} | {entry.id}
    return frozenset(names)


def _series_name(span, publisher: frozenset[str] = frozenset()) -> bool:
    """Is a name the series a headline is filed under ("RCDS Insights: Ethnic cleansing of ...", "Crisis Group
    Briefing: ...")? It opens a line, a colon follows it, and it is an unknown name ending in a word of an
    outlet's series, or the article's own publisher, with or without such a word ("ISW Analysis:" by ISW)."""
    doc = span.doc
    own = norm(span.text) in publisher or (span.ent_id_ and span.ent_id_ in publisher)
    if (span.ent_id_ and not own) or (span.start > 0 and "\n" not in doc[span.start - 1].whitespace_
                                      and not doc[span.start - 1].is_space):
        return False
    end = span.end  # "KCDS Insights:" when the NER tagged only "KCDS"
    while end < min(len(doc), span.end + 2) and doc[end].text != ":" and doc[end].is_title:
        end += 1
    return end < len(doc) and doc[end].text == ":" and (doc[end - 1].lower_ in SERIES_WORDS or (own and end == span.end))


#: nouns an apposition uses for a person: "X, a vice-president of the party", "X, the group's commander"
PERSON_ROLES = {"president", "vice-president", "minister", "leader", "spokesman", "spokeswoman", "spokesperson",
                "commander", "founder", "co-founder", "member", "official", "deputy", "adviser", "advisor", "envoy",
                "ambassador", "general", "colonel", "secretary", "chairman", "chairwoman", "director", "governor",
                "mayor", "lawmaker", "senator", "politician", "businessman", "businesswoman", "journalist", "activist",
                "analyst", "professor", "researcher", "lawyer", "judge", "prosecutor", "priest", "cleric", "son",
                "daughter", "wife", "husband", "brother", "sister", "head", "chief"}


#: verbs that give a thing its name: "a new state called X", "a town known as X"
NAMING_VERBS = {"call", "name", "know", "dub", "rename"}
#: nouns for a territory a naming verb can name, besides :data:`NAMED_PLACE_NOUNS`: "a new state called X"
TERRITORY_NOUNS = {"state", "region", "territory", "republic", "enclave", "zone", "area"}


#: what an apposition calls a place held or fought over: "Marib, the last stronghold of the government"
HELD_PLACE_NOUNS = {"stronghold", "bastion", "capital", "enclave", "outpost", "hometown", "birthplace"}


def _described_as_place(span) -> bool:
    """Does an apposition right after an unknown name say it is a settlement ("X, a town in eastern Chad", "X, the
    last stronghold of ..."), or is it the name a naming verb gives a settlement or territory ("a new state called
    X", "a town known as X")?"""
    root = span.root
    if any(child.dep_ == "appos" and child.i >= span.end and _word_in(child, NAMED_PLACE_NOUNS | HELD_PLACE_NOUNS)
           for child in root.children):
        return True
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else root.head
    return (root.dep_ in ("oprd", "pobj", "dobj") and verb.lemma_.lower() in NAMING_VERBS and verb.dep_ == "acl"
            and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in NAMED_PLACE_NOUNS | TERRITORY_NOUNS)




def _names_a_body(span) -> bool:
    """Does an unknown name stand before a noun of an organized body it names ("the Viv Ansanm gang alliance"; not
    "a mostly Tuareg alliance", which says what the body is like)?"""
    head = span.root.head
    return (span.root.dep_ == "compound" and head.i >= span.end and head.lower_ in BODY_KIND_NOUNS
            and all(t.dep_ == "compound" for t in span.doc[span.end:head.i])
            and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children))


#: fighters a named body is made of: "a faction of the rebels, the X"
ARMED_PEOPLE = {"rebels", "insurgents", "militants", "separatists", "guerrillas", "jihadists", "fighters"}


def _apposed_to_body(span) -> bool:
    """Is an unknown name an apposition to a noun of an organized body ("a regional faction of the group, the
    Comuneros del Sur"), by the parse or, as the parser often misses it, a definite name right after "<body>,"?"""
    root, doc, bodies = span.root, span.doc, BODY_KIND_NOUNS | ARMED_PEOPLE
    if root.dep_ == "appos" and root.head.i < span.start and _word_in(root.head, bodies) and root.head.pos_ != "PROPN":
        return True  # not a body's own name ("the X Organization (XO) Secretary General NAME", misparsed)
    return (span.start >= 2 and span[0].lower_ == "the" and doc[span.start - 1].text == ","
            and doc[span.start - 2].pos_ == "NOUN" and _word_in(doc[span.start - 2], bodies))


def _described_as_person(span) -> bool:
    """Does an apposition right after an unknown name say it is a person ("X, a vice-president of ...")?"""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and (
                child.lemma_.lower() in PERSON_ROLES
                or any(g.dep_ == "appos" and g.lemma_.lower() in PERSON_ROLES for g in root.children if g.i > child.i)):
            return True
    return False


#: nouns of a place that a name before them names: "the Zamzam camp", "the Jabrayil district"
#: facilities a name before them (or at the end of it) names: "the Belbek airfield", "the Kakhovka dam"
FACILITY_NOUNS = {"dam", "bridge", "pipeline", "airport", "airfield", "airbase", "port", "harbour", "harbor", "canal",
                  "reservoir", "refinery", "plant", "terminal", "tunnel", "crossing", "checkpoint", "corridor",
                  "highway", "railway", "station", "base", "bases"}
NAMED_PLACE_NOUNS = {"camp", "district", "province", "village", "town", "city", "valley", "settlement", "neighborhood",
                     "neighbourhood", "county", "governorate", "oblast", "municipality", "region", "territory",
                     "river", "lake", "mountain", "mountains", "gorge", "plateau", "desert"} | FACILITY_NOUNS
#: nouns that only a place has, after "of" or a possessive: "the mayor of X", "X's residents"
PLACE_OF_NOUNS = {"mayor", "residents", "inhabitants", "outskirts", "suburbs", "streets", "environs"}
#: ... and that an organization has too ("the governor of the central bank"): a place's only over a person's name
PERSON_NOT_OF = {"governor", "centre", "center", "city", "town", "region", "province", "district"}
#: verbs of leaving ground, whose "from" is where: "withdrew from X", "fled from X"
LEAVING_VERBS = {"withdraw", "retreat", "evacuate", "pull", "flee", "escape", "relocate", "displace", "expel"}
#: verbs whose object is ground, never a person: "shelled X", "besieged X" (not "captured", "struck", "hit")
GROUND_VERBS = {"shell", "bombard", "pound", "besiege", "encircle", "storm", "overrun", "recapture", "retake",
                "occupy", "annex"}

#: verbs whose object a town's name stays a town under, even where the NER took it for an organization: "seized X"
TAKING_VERBS = CAPTURE_VERBS | GROUND_VERBS | {"control", "bomb", "raid"}

#: prepositions after which an unknown name the NER calls a person or organization is a place ("near Masisi")
PLACE_PREPOSITIONS = {"near", "outside", "around", "toward", "towards", "across", "throughout", "into", "in"}
#: ... and after which even an organization's name is a place ("studied at Sciences Po" is an organization)
STRONG_PLACE_PREPOSITIONS = {"near", "outside", "around", "toward", "towards"}


def _word_in(tok, words: set[str]) -> bool:
    """Is a noun one of ``words``, as written or by its lemma ("residents", "outskirts": the lemma drops the s)?"""
    return tok.lower_ in words or tok.lemma_.lower() in words


def _after_locative(span, key: str) -> bool:
    """Does the sentence use an unknown name the NER took for a person or organization as a place's: after a
    preposition of place, in "the town of X", "the mayor of X", "X's residents", "the X region", "withdrew from X",
    or (a person's name) as the object of shelling or a siege?"""
    root = span.root
    person = key.startswith("Person:")
    preps = STRONG_PLACE_PREPOSITIONS if key.startswith("Organization:") else PLACE_PREPOSITIONS
    owned_by = PLACE_OF_NOUNS | (PERSON_NOT_OF if person else set())
    if root.dep_ == "pobj" and root.head.lower_ == "of" and _word_in(root.head.head, PLACE_NOUNS | owned_by):
        return True  # "the town of Moura", "the mayor of Kherson", "residents of Janzour"
    if root.dep_ == "poss" and _word_in(root.head, owned_by):
        return True  # "Kherson's mayor", "Goma's outskirts"
    if root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.lemma_.lower() in LEAVING_VERBS:
        return True  # "Russian troops withdrew from Kherson"
    if person and root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in GROUND_VERBS:
        return True  # "Russian forces shelled Kherson", "Toretsk was besieged"
    head = last = span[-1]  # the name's last word (its root may be a stray determiner: "the Brak al-Shati")
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if head is not last and (head.pos_ == "NOUN" or head.is_lower) and _word_in(head, NAMED_PLACE_NOUNS):
        return True  # "the Zamzam displacement camp", "the Jabrayil district", "the Brak al-Shati air bases"
    return (root.dep_ == "pobj" and root.head.lower_ in preps and (span.end >= len(span.doc)
            or span.doc[span.end].tag_ != "POS") and not any(c.dep_ == "case" for c in root.children))


def _key_type(key: str, gaz: Gazetteer) -> str:
    if ":" in key:
        return key.split(":", 1)[0]
    if "__" in key:
        return body_type(key.split("__", 1)[1])
    return gaz.entries[key].type


class KeyKinds:
    """What kind of thing a provisional key names (for rules that need to know persons from states)."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    def is_person(self, key: str) -> bool:
        return _key_type(key, self.gaz) == "Person"

    def is_organization(self, key: str) -> bool:
        """An organization proper (an alliance, a party, a bloc), not a state's body ("Russian army")."""
        if key.startswith("Organization:"):
            return True
        entry = self.gaz.entries.get(key)
        return "__" not in key and entry is not None and entry.type == "Organization"

    def government_of(self, key: str, on: str | None = None) -> str | None:
        """The (de facto) government of a region on date ``on`` (ISO, any precision), when the gazetteer
        knows one: "the authorities in Nagorno-Karabakh" in 2023; a capital's is its state's."""
        entry = self.gaz.entries.get(key)
        if entry is not None and entry.governed_by is None and entry.type == "Place" and entry.metonym_of:
            return entry.metonym_of  # "officials in Kinshasa": the state it is the capital of
        if entry is None or entry.governed_by is None:
            return None
        if on and entry.governed_until and on[:len(entry.governed_until)] > entry.governed_until:
            return None
        return entry.governed_by

    def is_region(self, key: str) -> bool:
        """A territory "the region" can refer back to: a region the gazetteer knows, or a place it does not know."""
        if key.startswith("Place:"):
            return True
        entry = self.gaz.entries.get(key)
        return entry is not None and entry.type == "Place" and entry.kind == "Region"

    def state_of(self, key: str) -> str | None:
        """The state a key is, or is part of (a ministry, an army, "Russian peacekeepers"), else None; an
        unknown body by the demonym its name opens with ("Organization:Eritrean Defense Ministry")."""
        if key.startswith(("Organization:", "Group:")):
            return self.gaz.owner_state(key.split(":", 1)[1])
        return self.gaz.state_of(key)
