"""Verbs whose class gives them a reading of their own, in place of (or before) the plain subject-verb-object one
(kg/relations.py wires them in):

* ceding ground: "Armenia returned Aghdam to Azerbaijan" (Armenia leaves it, Azerbaijan controls it);
* suspending a membership: "Armenia froze its participation in the CSTO" (it withdraws from the CSTO);
* including members: "the alliance includes the Arakan Army" (the army is part of it);
* joining or forming a body: "Finland joined NATO" (Finland is part of it);
* receiving arms or aid: "Kyiv received weapons from Germany" (Germany arms Kyiv).

Each rule takes the verb, its subjects (entity keys) and its objects as ``(token, preposition)`` pairs.
"""
from __future__ import annotations

from .claims import make_relation
from .context import Context
from .model import Relation

AID_NOUNS = {"aid", "rescue", "assistance", "help", "defense", "defence", "protection"}

#: what is sent or delivered to arm someone: "sent weapons to X" provides aid to X
MATERIEL_NOUNS = {"weapon", "arm", "ammunition", "munition", "missile", "drone", "tank", "rocket", "shell",
                  "equipment", "aid", "supply", "artillery", "jet", "aircraft", "helicopter", "rifle", "launcher",
                  "system"}

#: verbs whose subject becomes a member of the organization they have for object: "formed the Alliance of Sahel
#: States", "joined NATO" (a person who joins is not thereby a part of it)
JOIN_VERBS = {"join", "form", "found", "co-found", "rejoin"}

#: verbs whose "from" names a giver, not a guest: "received weapons from Germany", "bought jets from France" (an
#: arms sale supplies the buyer)
RECEIVING_VERBS = {"receive", "obtain", "get", "acquire", "accept", "buy", "purchase", "procure", "import", "order"}

#: verbs (with the particle they need) of handing ground to another: "returned Aghdam to Azerbaijan", "ceded Crimea"
CEDING_VERBS = {"cede": ("",), "surrender": ("",), "return": ("",), "hand": ("over", "back"),
                "give": ("up", "back", "away"), "transfer": ("",),
                "relinquish": ("",), "sign": ("away", "over"), "trade": ("away",), "bargain": ("away",)}

#: verbs that freeze or end a membership they have for object: "froze its participation in the CSTO"
SUSPENDING_VERBS = {"freeze", "suspend", "end", "halt", "pause", "terminate", "renounce"}
#: nouns of belonging to a body
MEMBERSHIP_NOUNS = {"participation", "membership"}

#: verbs whose object is a member of the subject: "the alliance includes the Arakan Army"
MEMBERSHIP_VERBS = {"include", "comprise", "encompass"}


def ceded(verb, ctx: Context, subjects: list[str], pairs, source, section) -> list[Relation]:
    """"Armenia returned Aghdam and Kalbajar to Azerbaijan": the one who hands a place over leaves it, the one it
    goes to controls it; nothing when what is handed over is no place ("returned the prisoners to Kyiv")."""
    places = [k for k in ctx.entities([t for t, prep in pairs if not prep and t.dep_ in ("dobj", "pobj")])
              if not (ctx.is_person(k) or ctx.is_organization(k) or ctx.is_event(k) or ctx.state_of(k) == k)
              and not k.startswith(("Group:", "Person:"))]
    if not places:
        return []
    takers = [k for k in ctx.entities([t for t, prep in pairs if prep == "to"]) if k not in places]
    out = [make_relation(s, "withdraws_from", p, verb.sent, ctx, verb, source, section, "ceding", 0.6,
                         verb.text) for s in subjects for p in places if s != p]
    out += [make_relation(t, "controls", p, verb.sent, ctx, verb, source, section, "ceding", 0.6, verb.text)
            for t in takers for p in places if t != p]
    return out


def suspended(verb, ctx: Context, subjects: list[str], source, section) -> list[Relation]:
    """"Armenia froze its participation in the CSTO", "Mali suspended its membership of ECOWAS": leaving the body
    (for now), not a generic link with it."""
    bodies = ctx.entities([g for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in MEMBERSHIP_NOUNS
                           for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                           for g in p.children if g.dep_ == "pobj"])
    return [make_relation(s, "withdraws_from", b, verb.sent, ctx, verb, source, section, "svo", 0.6, verb.text)
            for s in subjects for b in bodies if s != b]


def members(verb, ctx: Context, subjects: list[str], pairs, source, section) -> list[Relation]:
    """"The alliance, which includes the Arakan Army": each direct object is part of the subject."""
    return [make_relation(obj, "part_of", subj, verb.sent, ctx, verb, source, section, "svo", 0.6, verb.text)
            for obj in ctx.entities([t for t, prep in pairs if not prep]) for subj in subjects
            if obj != subj and not ctx.is_event(obj) and not ctx.is_person(subj)]


def joined(verb, ctx: Context, subjects: list[str], pairs, source, section) -> tuple[list[Relation], list]:
    """"Niger and Burkina Faso formed the Alliance of Sahel States", "Finland joined NATO": the subject is part of
    the organization; returns those relations and the object tokens that named an organization."""
    bodies = [t for t, prep in pairs if not prep and any(ctx.is_organization(k) for k in ctx.entities([t]))]
    rels = [make_relation(subj, "part_of", obj, verb.sent, ctx, verb, source, section, "svo", 0.6, verb.text)
            for obj in ctx.entities(bodies) for subj in subjects if subj != obj and not ctx.is_person(subj)]
    return rels, bodies


def given_arms(verb) -> list:
    """The weapons or aid ``verb`` has for object: "received weapons", "bought Russian jets"."""
    return [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in MATERIEL_NOUNS | AID_NOUNS]


def received_aid(verb, ctx: Context, subjects: list[str], pairs, source, section, rule) -> list[Relation]:
    """"Kyiv received weapons from Germany", "Kyiv received Western tanks": whoever weapons or aid come from (or
    whose they are) arms the one who receives them."""
    things = given_arms(verb)
    givers = ctx.entities([t for t, prep in pairs if prep == "from"] + things) if things else []
    return [make_relation(giver, "provides_aid_to", subj, verb.sent, ctx, verb, source, section, rule, 0.6, verb.text)
            for giver in givers for subj in subjects if giver != subj]
