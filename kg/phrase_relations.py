"""Relations read from a noun or a modifier rather than a verb's arguments (kg/relations.py wires them in).

* ``impact``: an attack that hit something ("a Russian drone strike hit the port of Odesa");
* ``setting``: an event a verb happened in ("came to power in the Velvet Revolution");
* ``territory`` / ``located_in``: "Nakhchivan, an Azerbaijani exclave", "the Algerian city of Tindouf";
* ``anti``: "anti-Russian sentiment among A";
* ``checkpoint``: who sets up or mans a checkpoint on a place controls it;
* roles and involvement: "As a traditional ally, Russia ...", "denied any role in the attack", a party's leader;
* ``hyphen``: "Moscow-led", "US-mediated";
* ``mediation``: a mediator of talks between A and B mediates A and B.
"""
from __future__ import annotations

from .claims import make_relation, writers_voice
from .context import Context
from .speech import CUE_VERBS
from .syntax import fronted, is_verb, noun_arguments, subjects_of

#: "Moscow-led", "US-mediated": the hyphenated participle names the relation to the noun it modifies
HYPHEN_PARTICIPLES = {"led": "leader_of", "backed": "supports", "mediated": "mediates", "brokered": "mediates",
                      "facilitated": "mediates", "sponsored": "supports", "controlled": "controls",
                      "occupied": "occupies", "funded": "supports", "run": "controls", "dominated": "controls",
                      "supported": "supports", "allied": "allied_with"}

#: verbs whose subject can be an attack that did it: "a Russian drone strike hit the port of Odesa"
IMPACT_VERBS = {"hit": "attacks", "strike": "attacks", "target": "attacks", "destroy": "attacks", "damage": "attacks",
                "pound": "attacks", "kill": "kills"}


def impact_relations(verb, ctx: Context, source, section):
    """An attack that hit X was its agent's attack on X: (agent of the attack, attacks, X)."""
    pred = IMPACT_VERBS.get(verb.lemma_.lower())
    if pred is None:
        return
    targets = [k for k in ctx.entities([c for c in verb.children if c.dep_ == "dobj"]) if not ctx.is_event(k)]
    for tok in subjects_of(verb)[0]:
        key = ctx.key_at.get(tok.i)
        if key is None or not key.startswith("Trig:Attack:") or tok.pos_ != "NOUN":
            continue  # an attack that hit X; not "the economic crisis hit Germany"
        doers = [k for k in ctx.entities(noun_arguments(tok, ctx)[0]) if not ctx.is_event(k)]
        for doer in doers:
            for target in targets:
                if doer != target:
                    yield make_relation(doer, pred, target, verb.sent, ctx, verb, source, section, "impact", 0.5, verb.text)


def event_setting(verb, ctx: Context, source, section, is_event):
    """"X came to power in the Velvet Revolution", "Y fought during the war" -> (X, participant_in, event)."""
    lemma = verb.lemma_.lower()
    if lemma in CUE_VERBS or lemma in ("be", "bear", "have"):
        return
    events = ctx.entities([g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "at")
                           and not fronted(p, verb) for g in p.children if g.dep_ == "pobj"])
    events = [e for e in events if is_event(e)]
    if not events:
        return
    for subj in ctx.entities(subjects_of(verb)[0]):
        for event in events:
            if subj != event and not is_event(subj):
                yield make_relation(subj, "participant_in", event, verb.sent, ctx, verb, source, section, "setting", 0.5,
                                verb.text)


#: nouns that say a place belongs to a state: "Nakhchivan, an Azerbaijani exclave", "its exclave of Nakhichevan"
ENCLAVE_NOUNS = {"exclave", "enclave", "province", "region", "oblast", "territory", "district", "dependency",
                 "colony"}


def territory_relations(noun, ctx: Context, source, section):
    """(place, part_of, state) from an apposition or an "of" phrase on a territory noun with an owner."""
    owners, own = [], ctx.key_at.get(noun.i) or next(
        (ctx.key_at[c.i] for c in noun.children if c.dep_ in ("amod", "compound") and c.i in ctx.key_at
         and ctx.state_of(ctx.key_at[c.i]) != ctx.key_at[c.i]), None)
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and (own is None or ctx.key_at.get(child.i) != own):
            key = ctx.key_at.get(child.i)
            if key is None and child.dep_ == "poss":
                key = ctx.antecedent(child)
            key = ctx.state_of(key) if key is not None else None
            if key is not None and key not in owners:
                owners.append(key)
    of = ctx.entities([g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj"])
    parts = []
    if noun.dep_ == "appos":
        parts += ctx.entities([noun.head])
        if not owners:  # "Somaliland, a breakaway region of Somalia"
            owners = [k for k in of if ctx.state_of(k) == k]
            of = []
    # "the Kharkiv region of Ukraine", "Armenia's Syunik province": the unit the noun's own name names
    if own is not None and noun.dep_ != "appos" and ctx.state_of(own) != own and not ctx.is_event(own):
        if not owners:
            owners, of = [k for k in of if ctx.state_of(k) == k], []
        parts.append(own)
    if not owners:
        return
    parts += of
    for part in parts:
        for owner in owners:
            if part != owner and ctx.state_of(part) != part:
                yield make_relation(part, "part_of", owner, noun.sent, ctx, noun, source, section, "territory", 0.6,
                                noun.text)


#: nouns of a settlement that a state's adjective places in that state: "the Algerian city of Tindouf"
SETTLEMENT_NOUNS = {"city", "town", "village", "port"}


def settlement_relations(noun, ctx: Context, source, section):
    """(place, located_in, state) from "the Algerian city of Tindouf" / "Tindouf, an Algerian town": the
    state's own adjective, not a hyphened holder ("the Russian-held town of X" says who holds it)."""
    owners = []
    for child in noun.children:
        if child.dep_ not in ("amod", "compound") or child.i not in ctx.key_at:
            continue
        if child.i + 1 < len(ctx.doc) and ctx.doc[child.i + 1].text in ("-", "–"):
            continue
        key = ctx.key_at[child.i]
        if ctx.state_of(key) == key and key not in owners:
            owners.append(key)
    if not owners and noun.dep_ == "appos":  # "Amdjarass, a town in eastern Chad"
        owners = [k for k in ctx.entities([g for p in noun.children if p.dep_ == "prep" and p.lower_ == "in"
                                           for g in p.children if g.dep_ == "pobj"]) if ctx.state_of(k) == k]
    if len(owners) != 1:
        return
    places = ctx.entities([g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pobj"])
    if noun.dep_ == "appos":
        places += ctx.entities([noun.head])
    for place in places:
        if place != owners[0] and ctx.state_of(place) != place and not ctx.is_person(place) and not ctx.is_event(place):
            yield make_relation(place, "located_in", owners[0], noun.sent, ctx, noun, source, section, "territory", 0.6,
                            noun.text)


#: posts that hold a route or a place for whoever mans them: "set up a checkpoint on the bridge"
CHECKPOINT_NOUNS = {"checkpoint", "roadblock", "checkpost"}
#: verbs that set up, man or keep such a post (not "removed", "attacked" or "dismantled" it)
POSTING_VERBS = {"establish", "set", "install", "erect", "build", "construct", "create", "open", "put", "place", "man",
                 "operate", "run", "maintain", "keep", "hold", "station", "deploy"}


def checkpoint_relations(noun, ctx: Context, source, section):
    """"Moldova established a checkpoint on the bridge", "the Azerbaijani checkpoint on the road" -> (who mans it,
    controls, the place it is on)."""
    verb = noun.head if noun.dep_ == "dobj" and is_verb(noun.head) else None
    holders = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss") and c.i in ctx.key_at]
    if verb is not None and verb.lemma_.lower() in POSTING_VERBS:
        holders += subjects_of(verb)[0]
    preps = [p for p in noun.children if p.dep_ == "prep"]
    if verb is not None:  # "erected a checkpoint on the bridge", the parser hanging "on" on the verb
        preps += [p for p in verb.children if p.dep_ == "prep" and p.i == noun.right_edge.i + 1]
    places = ctx.entities([g for p in preps if p.lower_ in ("on", "at", "along", "across", "over") for g in p.children
                           if g.dep_ == "pobj"])
    for holder in ctx.entities(holders):
        for place in places:
            if holder != place and not ctx.is_event(holder) and not ctx.is_event(place) and not ctx.is_person(place):
                yield make_relation(holder, "controls", place, noun.sent, ctx, noun, source, section, "checkpoint", 0.5,
                                    noun.text)


def anti_relations(anti, ctx: Context, source, section):
    """"anti-Russian sentiment among the Karabakh Armenians" -> (karabakh_armenians, opposes, russia)."""
    target = ctx.key_at.get(anti.i + 2)
    if target is None:
        return
    holders, node = [], anti.nbor(2).head
    for _ in range(4):  # the phrase naming who feels it: on the noun or on a verb or noun above it
        holders = ctx.entities([g for p in node.children if p.dep_ == "prep" and p.lower_ in ("among", "by")
                                for g in p.children if g.dep_ == "pobj"])
        if holders or node.head.i == node.i:
            break
        node = node.head
    for holder in holders:
        if holder != target:
            yield make_relation(holder, "opposes", target, anti.sent, ctx, anti.nbor(2).head, source, section, "anti", 0.5,
                            "anti-")


PARTY_WORDS = {"party", "movement", "bloc", "alliance", "coalition", "faction"}
#: nouns that say what the clause's subject is to someone: "As a traditional Armenian ally, Russia ..."
ROLE_NOUNS = {"ally": "allied_with", "partner": "allied_with", "opponent": "opposes", "enemy": "opposes",
              "adversary": "opposes", "critic": "criticizes", "supporter": "supports", "backer": "supports",
              "patron": "supports", "mediator": "mediates", "guarantor": "supports", "proxy": "depends_on"}
#: what makes a partner one in business, not an ally: "Russia's largest trading partner"
COMMERCE_WORDS = {"trading", "trade", "economic", "commercial", "business", "energy", "investment", "export",
                  "import"}


#: "X played a role in E", "X denied any involvement in E": taking part in an event
INVOLVEMENT_NOUNS = {"role", "involvement", "part", "hand", "participation", "complicity", "responsibility"}


def involvement(noun, ctx: Context, source, section):
    """"Russia played a role in the talks" -> (russia, participant_in, talks); "Islamabad denied any role in the
    attack" is the same relation, negated in Islamabad's words (the denial cue, see :func:`_relation`)."""
    preps = ("for",) if noun.lemma_.lower() == "responsibility" else ("in",)  # "claimed responsibility for E"
    events = [k for p in noun.children if p.dep_ == "prep" and p.lower_ in preps
              for k in ctx.entities([g for g in p.children if g.dep_ == "pobj"]) if ctx.is_event(k)]
    for subj in ctx.entities(subjects_of(noun.head)[0]):
        for event in events:
            if not ctx.is_event(subj):
                yield make_relation(subj, "participant_in", event, noun.sent, ctx, noun, source, section, "involvement",
                                0.6, noun.text)


def role_relations(noun, ctx: Context, source, section):
    """"As a traditional Armenian ally, Russia served ..." / "Russia is Armenia's ally" -> (russia, allied_with, armenia);
    a trading partner is none."""
    if any(c.lower_ in COMMERCE_WORDS for c in noun.children if c.dep_ in ("amod", "compound")):
        return
    head = noun.head
    holders = []
    if noun.dep_ == "pobj" and head.lower_ == "as" and is_verb(head.head):
        holders = subjects_of(head.head)[0]
    elif noun.dep_ == "attr" and is_verb(head):
        holders = subjects_of(head)[0]
    elif noun.dep_ == "appos":
        holders = [head]
    others = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in ctx.key_at]
    for g in (g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "to") for g in p.children
              if g.dep_ == "pobj"):
        inner = [x for h in (g, noun) for p in h.children  # the parse hangs "into ..." on either noun
                 if p.dep_ == "prep" and p.lower_ in ("into", "with", "toward", "towards") for x in p.children
                 if x.dep_ == "pobj"]
        # "an opponent of Armenia's integration into the EAEU": opposed to the EAEU, not to Armenia
        others += inner if (g.i not in ctx.key_at and g.pos_ == "NOUN" and ctx.entities(inner)) else [g]
    pred = ROLE_NOUNS[noun.lemma_.lower()]
    subjects = ctx.entities(holders)
    if not others and noun.tag_ == "NNS" and pred == "allied_with":  # "Russia and Belarus are close allies"
        for i, subj in enumerate(subjects):
            for obj in subjects[i + 1:]:
                yield make_relation(subj, pred, obj, noun.sent, ctx, noun, source, section, "role", 0.6, noun.text)
    for subj in subjects:
        for obj in ctx.entities(others):
            if subj != obj:
                yield make_relation(subj, pred, obj, noun.sent, ctx, noun, source, section, "role", 0.6, noun.text)


def party_leader(tok, ctx: Context, source, section):
    """"Pashinyan's Civil Contract party" -> (pashinyan, leader_of, civil_contract)."""
    party = ctx.key_at[tok.i]
    start = tok.i
    while start > 0 and ctx.key_at.get(start - 1) == party:
        start -= 1
    for t in ctx.doc[start:tok.i + 1].root.children:
        person = ctx.key_at.get(t.i)
        if person is None and t.dep_ == "poss" and t.lower_ in ("his", "her"):
            person = ctx.antecedent(t)  # "Pashinyan ... his Civil Contract party"
        if t.dep_ == "poss" and person is not None and ctx.is_person(person):
            yield make_relation(person, "leader_of", party, tok.sent, ctx, tok, source, section, "possessive", 0.6, tok.text)


def between_sides(noun, ctx: Context) -> list[str]:
    """The sides a "between" phrase on ``noun`` names: "talks between Congo and Rwanda", "efforts between
    representatives of Serbia and Kosovo" (each side of "representatives of A and B")."""
    sides = []
    for g in (g for p in noun.children if p.dep_ == "prep" and p.lower_ == "between" for g in p.children
              if g.dep_ == "pobj"):
        of = [x for p in g.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.children if x.dep_ == "pobj"]
        found = ctx.entities(of) if g.i not in ctx.key_at and of else ctx.entities([g])
        sides += [k for k in found if k not in sides and not ctx.is_event(k)]
    return sides


def mediated_sides(mediator: str, noun, ctx: Context, source, section, tok):
    """A mediator of talks between A and B mediates between them: (mediator, mediates, A), (mediator, mediates, B)."""
    for side in between_sides(noun, ctx):
        if side != mediator:
            yield make_relation(mediator, "mediates", side, tok.sent, ctx, tok, source, section, "mediation", 0.6,
                                tok.text)


def hyphen_relations(tok, ctx: Context, source, section):
    """"the Moscow-led Eurasian Economic Union" -> (russia, leader_of, eaeu); "US-mediated talks between A and B" ->
    (united_states, mediates, the talks), and the US mediates A and B."""
    subj = ctx.key_at.get(tok.i - 2)
    noun = tok.head if tok.head.i != tok.i else None
    while noun is not None and noun.dep_ in ("amod", "compound") and noun.i not in ctx.key_at and noun.head.i != noun.i:
        noun = noun.head
    if subj is None or noun is None:
        return
    pred = HYPHEN_PARTICIPLES[tok.lower_]
    if pred == "mediates":  # "the US-mediated efforts between A and B": the writer's description, as below
        yield from (writers_voice(rel) for rel in mediated_sides(subj, noun, ctx, source, section, tok))
    obj = ctx.entity(noun, pronouns=False)
    if obj is None:
        obj = next(iter(ctx.entities([g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                                      for g in p.children])), None)  # not "a US-backed route through X"
        if obj is None:
            return
    # "the Russian-led alliance": the writer's description
    yield writers_voice(make_relation(subj, pred, obj, tok.sent, ctx, tok, source, section, "hyphen", 0.6, tok.text))


