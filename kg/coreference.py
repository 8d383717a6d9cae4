"""Links between the mentions of one text (per doc, after kg/entities.py has read them).

The same name again (one sense per text), "the army" back to "the Sudanese army", "the Iran-backed group"
back to the armed group named before, "X's foreign ministry" and "X, whose troops" as a body of X, "Russian
peacekeepers" as a group of Russia's, "X, also known as Y", "the National Liberation Army (ELN)".
"""
from __future__ import annotations

import re

from .gazetteer import BODY_NOUNS, STATE_BODY_WORDS, Gazetteer, is_ministry_name, ministry_noun, names_state_body, norm
from .model import Mention
from .nlp import text_of


#: kinds of unknown names whose every occurrence in a text is the same entity (one sense per discourse)
_PROPAGATED = ("Place:", "Person:", "Organization:")


def same_name_again(doc, mentions: list[Mention]) -> list[Mention]:
    """A name the NER found once is that name wherever else it stands in the same text as a proper noun:
    "gunmen killed 26 tourists near Pahalgam" and "the Pahalgam attack" (which the NER left untagged)."""
    names: dict[str, set[str]] = {}
    for m in mentions:
        if m.entity.startswith(_PROPAGATED) and m.reading == "name" and len(m.text) >= 3 and m.text[:1].isupper():
            names.setdefault(m.text, set()).add(m.entity)
    if not names:
        return mentions
    text = text_of(doc)
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for name, keys in sorted(names.items()):
        if len(keys) != 1:
            continue
        for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            start, end = hit.span()
            if any(s < end and start < e for s, e in taken):
                continue
            span = doc.char_span(start, end)
            if span is None or not all(t.pos_ == "PROPN" for t in span) or span[0].is_sent_start:
                continue
            taken.append((start, end))
            added.append(Mention(entity=next(iter(keys)), text=name, start=start, end=end, source=mentions[0].source,
                                 section=mentions[0].section, reading="name", ner_label="PROPAGATED"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _merge_pairs(mentions: list[Mention], combine) -> list[Mention]:
    """Mentions in order, each with the one after it replaced by ``combine(m, next)`` when that gives one."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        joined = combine(mentions[i], mentions[i + 1]) if i + 1 < len(mentions) else None
        out.append(joined or mentions[i])
        i += 2 if joined is not None else 1
    return out


def possessive_bodies(doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"Taiwan's Defense Ministry" (an organization kg does not know) is that state's ministry, as "the
    Taiwanese Defense Ministry" would be: one mention of the body, part of the state."""
    def combine(m: Mention, nxt: Mention) -> Mention | None:
        entry = gaz.entries.get(m.entity)
        if (entry is None or entry.type != "Country" or not nxt.entity.startswith("Organization:")
                or text_of(doc)[m.end:nxt.start] not in ("'s ", "’s ") or nxt.text.split()[-1].lower() not in STATE_BODY_WORDS):
            return None
        return Mention(entity=gaz.body_of(m.entity, nxt.entity.split(':', 1)[1]), text=text_of(doc)[m.start:nxt.end],
                       start=m.start, end=nxt.end, source=m.source, section=m.section, reading="demonym", ner_label="ORG")

    mentions = _merge_pairs(mentions, combine)
    text = text_of(doc)
    out = []
    for m in mentions:  # "Israel's military", "Russia's armed forces": the body, as "the Israeli military" would be
        entry = gaz.entries.get(m.entity)
        if entry is not None and entry.type == "Country" and text[m.end:m.end + 3] in ("'s ", "’s "):
            rest = text[m.end + 3:m.end + 40].lower()
            noun = next((n for n in sorted(BODY_NOUNS, key=len, reverse=True)
                         if rest.startswith(n) and not rest[len(n):len(n) + 1].isalpha()), None)
            end = m.end + 3 + len(noun) if noun else None
            last = doc.char_span(m.end + 3, end, alignment_mode="expand") if noun else None
            if last is not None and last[-1].dep_ in ("amod", "compound"):
                noun = None  # "Chad's military government": the government, not the military
            if noun and not any(o is not m and o.start < end and m.start < o.end for o in mentions):
                key = gaz.body_of(m.entity, noun)  # "Russia's armed forces": the "Russian armed forces"
                m = Mention(entity=key, text=text[m.start:end], start=m.start, end=end,
                            source=m.source, section=m.section, reading="demonym", ner_label="ORG")
        out.append(m)
    return out


#: titles a place's body stands before, whose title it is: "Kosovo police spokesman X"
_BODY_OF_TITLE = {"spokesman", "spokeswoman", "spokesperson", "chief", "head", "commander", "official", "officials",
                  "statement", "figures", "data", "toll"}


def place_bodies(doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"Kosovo police", "the Gaza health ministry", "Gaza's health ministry", "the Ukrainian General Staff": a
    state's or place's name, or a state's adjective no mention covers, that modifies a body noun of a state
    (:func:`kg.gazetteer.names_state_body`) is part of that body's one mention, as in "Kosovo's police"; the body
    is the place's or state's (an unknown name the NER found in the body noun, "Health Ministry", goes with it)."""
    text = text_of(doc)
    owners = [(m, m.entity) for m in mentions
              if m.entity in gaz.entries and gaz.entries[m.entity].type in ("Country", "Place")]
    covered = [(m.start, m.end) for m in mentions]
    for tok in doc:  # "the Ukrainian General Staff", which the NER left untagged
        state = gaz.demonyms.get(norm(tok.text)) if tok.is_title and tok.dep_ in ("amod", "compound") else None
        if state and not any(a < tok.idx + len(tok) and tok.idx < b for a, b in covered):
            owners.append((Mention(entity=state, text=tok.text, start=tok.idx, end=tok.idx + len(tok),
                                   source=mentions[0].source if mentions else "", section=mentions[0].section
                                   if mentions else "", reading="demonym", ner_label="NORP"), state))
    replaced, found = set(), []
    for m, key in owners:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        body = _body_after(span) if span is not None else None
        if body is None or not names_state_body(body.text.lower()):
            continue
        inside = [o for o in mentions if o.start < body.end_char and body.start_char < o.end]
        if any(o.text.lower() != body.text.lower() for o in inside):
            continue  # another name in it ("Kosovo Liberation Army" is the ruler's whole name); a known body's bare
            # name is the owner's ("Ukraine's Security Council" is no UN Security Council)
        replaced.update(id(o) for o in [m, *inside])
        found.append(Mention(entity=gaz.body_of(key, ministry_noun(body.text.lower())),
                             text=text[m.start:body.end_char], start=m.start, end=body.end_char, source=m.source,
                             section=m.section, reading="demonym", ner_label="ORG"))
    if not found:
        return mentions
    return sorted([m for m in mentions if id(m) not in replaced] + found, key=lambda m: m.start)


def _body_after(span):
    """The noun phrase a name modifies, from the word after it (and its "'s") to the noun it modifies: "police" in
    "Kosovo police", "health ministry" in "Gaza's health ministry"; None when that noun in turn modifies another
    than a title or a body's word ("a Kosovo police station")."""
    root, doc = span.root, span.doc
    head = root.head
    if root.dep_ not in ("compound", "amod", "poss") or head.i < span.end or head.pos_ not in ("NOUN", "PROPN"):
        return None
    first = span.end + (1 if span.end < len(doc) and doc[span.end].tag_ == "POS" and root.dep_ == "poss" else 0)
    if first > head.i or any(t.head.i != head.i or t.dep_ not in ("compound", "amod") for t in doc[first:head.i]):
        return None
    if head.dep_ in ("compound", "amod") and head.head.lemma_.lower() not in _BODY_OF_TITLE:
        return None
    return doc[first:head.i + 1]


def stateless_ministries(doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"Iran condemned the strikes. Foreign Ministry spokesman X said ...": a ministry named without its state is
    the ministry of the state that is the main subject of its sentence or the one before, unless the text names a
    ministry whose name ends in it ("the Russian Defense Ministry ... the Defense Ministry": that one, see
    kg/resolution.py, which also keeps a ministry no state claims to its article)."""
    out = []
    for m in mentions:
        name = m.entity.split(":", 1)[1] if m.entity.startswith("Organization:") else ""
        if not is_ministry_name(name) or any(_ends_in(o, name, gaz) for o in mentions):
            out.append(m)
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        first = span.sent.start if span is not None else len(doc)
        if 0 < first < len(doc):
            first = doc[first - 1].sent.start  # the sentence before too
        state = None
        for other in mentions:
            entry = gaz.entries.get(other.entity)
            if other.end > m.start or entry is None or entry.type != "Country":
                continue
            token = doc.char_span(other.start, other.end, alignment_mode="expand")
            if (token is not None and token.start >= first and token.root.dep_ in ("nsubj", "nsubjpass")
                    and token.root.head.i == token.root.sent.root.i):
                state = entry.id  # the nearest main-clause subject before it wins (not "Ukraine said Russia ...")
        state = state or _state_of_named_official(doc, m, mentions, gaz)
        out.append(m.of(gaz.body_of(state, ministry_noun(name))) if state else m)
    return out


_OFFICIAL_GAP = re.compile(r"\s+(?:[a-z][a-z-]*\s+){1,3}")


def _state_of_named_official(doc, m: Mention, mentions: list[Mention], gaz: Gazetteer) -> str | None:
    """The state of a known person a ministry's title names right after it ("Foreign Ministry spokeswoman Maria
    Zakharova": Russia's, by her gazetteer role), else None."""
    text = text_of(doc)
    after = [o for o in mentions if o.start >= m.end and _OFFICIAL_GAP.fullmatch(text, m.end, o.start)]
    entry = gaz.entries.get(min(after, key=lambda o: o.start).entity) if after else None
    if entry is None or entry.type != "Person":
        return None
    states = {gaz.state_of(role.of) for role in entry.roles} - {None}
    return states.pop() if len(states) == 1 else None


def _ends_in(other: Mention, name: str, gaz: Gazetteer) -> bool:
    """Whether ``other`` names a body whose name ends in ``name`` ("Russian Defense Ministry", "defense ministry")."""
    entry = gaz.entries.get(other.entity)
    names = entry.names if entry is not None else (other.text,)
    return any(n.lower().endswith(" " + name) for n in names)


_WHOSE = re.compile(r"\s*,?\s*whose\s+")


def whose_bodies(doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"Russia, whose peacekeepers are deployed in X": the body a relative clause opened by "whose" names is the
    state's own, as "Russia's peacekeepers" would be (the state keeps its mention)."""
    text = text_of(doc)
    found = []
    for m in mentions:
        entry = gaz.entries.get(m.entity)
        match = _WHOSE.match(text, m.end) if entry is not None and entry.type == "Country" else None
        if match is None:
            continue
        rest = text[match.end():match.end() + 40].lower()
        noun = next((n for n in sorted(BODY_NOUNS, key=len, reverse=True)
                     if rest.startswith(n) and not rest[len(n):len(n) + 1].isalpha()), None)
        start, end = match.end(), match.end() + len(noun or "")
        if noun and not any(o.start < end and start < o.end for o in mentions):
            found.append(Mention(entity=gaz.body_of(m.entity, noun), text=text[start:end], start=start, end=end,
                                 source=m.source, section=m.section, reading="anaphor", ner_label="ORG"))
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


_KNOWN_AS = re.compile(r"^\s*[,(]?\s*(?:also |better |widely |popularly |commonly )?(?:known|referred to) as\s*$", re.I)


def known_as(doc, mentions: list[Mention]) -> list[Mention]:
    """"Mohamed Hamdan Dagalo, known as Hemedti" -> every "Hemedti" of this text is him."""
    same: dict[str, str] = {}
    for a, b in zip(mentions, mentions[1:]):
        if a.entity != b.entity and b.entity not in same and _KNOWN_AS.match(text_of(doc)[a.end:b.start]):
            same[b.entity] = a.entity
    if not same:
        return mentions
    return [Mention(entity=same[m.entity], text=m.text, start=m.start, end=m.end, source=m.source, section=m.section,
                    reading="alias", ner_label=m.ner_label) if m.entity in same else m for m in mentions]


def named_before_acronym(doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"the National Liberation Army (ELN)": a name the gazetteer lacks, put right before a known body's acronym in
    parentheses, is that body (the acronym of a name in another language: Ejército de Liberación Nacional), here
    and wherever else this text names it."""
    text = text_of(doc)
    same: dict[str, str] = {}
    for a, b in zip(mentions, mentions[1:]):
        entry = gaz.entries.get(b.entity)
        if (a.entity.startswith(("Organization:", "Group:")) and a.entity not in same and entry is not None
                and entry.type in ("Organization", "Group") and b.text.isupper() and b.text.isalpha()
                and 2 <= len(b.text) <= 6 and re.fullmatch(r"\s*\(\s*", text[a.end:b.start])
                and text[b.end:b.end + 1] == ")"):
            same[a.entity] = b.entity
    if not same:
        return mentions
    return [m.of(same[m.entity]) if m.entity in same else m for m in mentions]


#: bodies a bare "the <noun>" can point back to, once the text has named one ("the Sudanese army ... the army")
ANAPHORIC_BODIES = ("armed forces", "army", "military", "peacekeepers", "government", "police", "navy")


#: titles a bare body noun before them ties to that body: "Army spokesman X", "the police chief"
BODY_TITLES = {"spokesman", "spokeswoman", "spokesperson", "chief", "commander"}


#: bare body nouns that stand for a state's forces, never a rebel army ("the National Liberation Army ... the army")
STATE_FORCES = {"army", "military", "armed forces"}


def _rebel_army(m: Mention, gaz: Gazetteer) -> bool:
    """Is a body named "... Army" an armed group rather than a state's forces: one the gazetteer calls an armed
    group, or a name it lacks that opens with no state's name or adjective ("the Arakan Army")?"""
    entry = gaz.entries.get(m.entity)
    if entry is not None:
        return entry.kind == "ArmedGroup"
    return ":" in m.entity and gaz.owner_state(m.text) is None


def body_anaphora(doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"The army, led by ..." after "the Sudanese army" in the same text is that army: a bare definite body noun
    is the nearest body of that name mentioned before it (none before: not a mention); a bare "the army" is no
    rebel army (:func:`_rebel_army`)."""
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for match in re.finditer(rf"\b(?:([Tt]he) )?({'|'.join(ANAPHORIC_BODIES)})\b", text_of(doc), flags=re.IGNORECASE):
        start, end = match.start(2), match.end(2)
        if any(a < end and start < b for a, b in taken):
            continue
        noun = match.group(2).lower()
        head = doc.char_span(start, end, alignment_mode="expand")
        if head is None:
            continue
        # "Army spokesman X", "the military spokesman": the title is the body's (capitalized only at a sentence's start)
        titled = (head.root.dep_ in ("compound", "amod") and head.root.head.lemma_.lower() in BODY_TITLES
                  and (match.group(2) == noun or (head[0].is_sent_start and match.group(2) == noun.capitalize())))
        if not titled and (match.group(2) != noun or head.root.dep_ in ("amod", "compound") or not match.group(1)
                           or head.root.pos_ not in ("NOUN", "PROPN")):
            continue  # "the military operation": an adjective, not the army
        before = [m for m in mentions if m.end <= start and m.text.lower().endswith(" " + noun)
                  and not (noun in STATE_FORCES and _rebel_army(m, gaz))]
        if before:
            ref = max(before, key=lambda m: m.start)
            found.append(Mention(entity=ref.entity, text=text_of(doc)[start:end], start=start, end=end, source=ref.source,
                                 section=ref.section, reading="anaphor", ner_label=ref.ner_label))
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


#: what a bare "the group" / "the bloc" can stand for: a body of that kind the text named before ("the Houthis ...
#: the Iran-backed group", "the CSTO ... accusing the bloc")
GROUP_HEADS = {"group": "ArmedGroup", "militia": "ArmedGroup", "movement": "ArmedGroup", "faction": "ArmedGroup",
               "rebels": "ArmedGroup", "insurgents": "ArmedGroup", "militants": "ArmedGroup",
               "bloc": "InternationalOrganization", "alliance": "InternationalOrganization"}
_GROUP_ANAPHOR = re.compile(rf"\b[Tt]he ((?:[\w-]+ ){{0,2}}?)({'|'.join(GROUP_HEADS)})\b")


def group_anaphora(doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"The Iran-backed group", "the militant group" after the Houthis are named is the Houthis, "the bloc" after
    the CSTO the CSTO: the nearest body of the head noun's kind (the gazetteer's) mentioned before, in this or the
    previous paragraph."""
    text = text_of(doc)
    taken = [(m.start, m.end) for m in mentions]
    kinds = set(GROUP_HEADS.values())
    bodies = [m for m in mentions if getattr(gaz.entries.get(m.entity), "kind", "") in kinds]
    found = []
    for match in _GROUP_ANAPHOR.finditer(text):
        start, end = match.start(2), match.end(2)
        if any(a < end and start < b for a, b in taken) or match.group(1).strip().lower() in ("same", "other"):
            continue
        head = doc.char_span(start, end, alignment_mode="expand")
        if head is None or head.root.pos_ != "NOUN" or head.root.dep_ in ("amod", "compound"):
            continue
        window = text.rfind("\n\n", 0, text.rfind("\n\n", 0, start))  # this paragraph and the one before
        kind = GROUP_HEADS[match.group(2)]
        before = [m for m in bodies if window < m.start and m.end <= start and gaz.entries[m.entity].kind == kind]
        if before:
            ref = max(before, key=lambda m: m.start)
            found.append(Mention(entity=ref.entity, text=text[start:end], start=start, end=end, source=ref.source,
                                 section=ref.section, reading="anaphor", ner_label=ref.ner_label))
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def demonym_bodies(doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """A demonym followed by a body noun ("Sudanese army", "Israeli troops") is that body of the state,
    also for states whose demonyms the ruler does not know; the gazetteer's entry for it when there is one ("the
    Russian foreign ministry" is the Russian Foreign Ministry)."""
    out = []
    for m in mentions:
        if m.reading == "demonym" and "__" not in m.entity:
            rest = text_of(doc)[m.end:m.end + 40].lower()
            noun = next((n for n in sorted(BODY_NOUNS, key=len, reverse=True)
                         if re.match(rf"\s{re.escape(n)}\b", rest)), None)
            if noun is not None:
                end = m.end + 1 + len(noun)
                m = Mention(entity=gaz.body_of(m.entity, noun), text=text_of(doc)[m.start:end], start=m.start, end=end,
                            source=m.source, section=m.section, reading="demonym", ner_label="ORG")
        out.append(m)
    return out


def compose_groups(doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"Armenians from Nagorno-Karabakh" -> the group the gazetteer knows as "Karabakh Armenians"."""
    def combine(m: Mention, nxt: Mention) -> Mention | None:
        between = text_of(doc)[m.end:nxt.start].strip().lower()
        entry, place = gaz.entries.get(m.entity), gaz.entries.get(nxt.entity)
        if not (entry and entry.type == "Group" and place and place.type in ("Place", "Country")
                and between in ("of", "from", "in")):
            return None
        for name in place.names:
            found = gaz.lookup(f"{name} {m.text}") or gaz.lookup(f"{m.text} {between} {name}")
            if found is not None and found.type == "Group":
                return Mention(entity=found.id, text=text_of(doc)[m.start:nxt.end], start=m.start, end=nxt.end,
                               source=m.source, section=m.section, reading="alias", ner_label=m.ner_label)
        return None

    return _merge_pairs(mentions, combine)
