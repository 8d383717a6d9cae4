"""Blame said without the verb "accuse" (kg/relations.py wires it in), each an ``accuses`` relation:

* held responsible: "Kyiv holds Moscow responsible for the attack" -> (Kyiv, accuses, Moscow);
* said to be at fault: "Yerevan is to blame for the situation, Zakharova said", "the leadership bears
  responsibility for what happened": whoever says so accuses them, in the source's voice (as calling an act a
  harm done by Y does, kg.relations' framing accusation); nobody, when it is the writer's own judgment;
* a cause blamed for its owner: "Moscow blamed Pashinyan's pro-Western course for the crisis" accuses Pashinyan.
"""
from __future__ import annotations

from dataclasses import replace

from .claims import make_relation
from .context import Context
from .speech import speech
from .syntax import is_verb, subjects_of

#: adjectives of being at fault, after "hold X" or a copula: "held Russia responsible", "was responsible for"
FAULT_ADJECTIVES = {"responsible", "accountable", "culpable", "liable"}
#: verbs that take responsibility for object when it is blame: "bears responsibility for what happened"
BEARING_VERBS = {"bear", "carry", "shoulder"}
#: what one is said to be responsible for when it is blame, not duty ("responsible for the defence of X" is none):
#: harm, a crisis, "what happened"
FAULTS = {"attack", "strike", "crisis", "situation", "death", "killing", "violence", "escalation", "war", "conflict",
          "massacre", "bloodshed", "tragedy", "shelling", "bombing", "failure", "collapse", "breakdown", "exodus",
          "displacement", "loss", "destruction", "crime", "atrocity", "incident", "explosion", "blast", "casualty",
          "suffering", "catastrophe", "disaster", "blockade", "fighting", "clash", "unrest", "chaos", "instability",
          "aggression", "provocation", "downing", "sabotage", "invasion", "offensive", "assault", "raid", "fall",
          "defeat", "deterioration", "tension", "consequence", "outbreak", "deadlock", "stalemate", "impasse"}
#: verbs of blaming whose object may be a cause owned by the one blamed: "blamed Pashinyan's course for X"
BLAMING_VERBS = {"blame", "fault"}
#: the lemmas :func:`blame_relations` reads
BLAME_WORDS = FAULT_ADJECTIVES | BLAMING_VERBS | {"responsibility"}


def blame_relations(tok, ctx: Context, source, section):
    """The accusations ``tok`` (an adjective of fault, "responsibility", "blame" or a blaming verb) makes."""
    lemma = tok.lemma_.lower()
    if lemma in FAULT_ADJECTIVES and tok.pos_ == "ADJ":
        yield from _held_responsible(tok, ctx, source, section)
    elif lemma == "responsibility" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in BEARING_VERBS:
        if _for_fault(tok, ctx, required=False):
            yield from _said_at_fault(tok.head, subjects_of(tok.head)[0], ctx, source, section)
    elif lemma == "blame" and tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):  # "X is to blame"
        yield from _said_at_fault(tok, subjects_of(tok.head)[0], ctx, source, section)
    elif lemma in BLAMING_VERBS and is_verb(tok):
        yield from _blamed_cause(tok, ctx, source, section)


def _for_fault(tok, ctx: Context, *, required: bool) -> bool:
    """Is what ``tok``'s "for" names a harm ("for the attack", "for what happened", an event kg knows)? Without a
    "for", ``required`` says."""
    objs = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children
            if g.dep_ in ("pobj", "pcomp")]
    if not objs:
        return not required
    return any(g.dep_ == "pcomp" or g.lemma_.lower() in FAULTS
               or any(ctx.is_event(k) for k in ctx.entities([g])) for g in objs)


def _held_responsible(adj, ctx: Context, source, section):
    """"X holds Y responsible for Z": X accuses Y; "Y was responsible for the attack, X said": X accuses Y."""
    head = adj.head
    if head.lemma_.lower() == "hold" and adj.dep_ in ("ccomp", "oprd", "xcomp", "acomp"):
        accused = [c for c in adj.children if c.dep_ == "nsubj"] or [c for c in head.children if c.dep_ == "dobj"]
        holder = head
    elif adj.dep_ == "amod" and head.dep_ == "dobj" and head.head.lemma_.lower() == "hold":
        accused, holder = [head], head.head  # "holds the gangs responsible": the parser makes it the gangs' adjective
    elif adj.dep_ == "acomp" and head.lemma_ == "be" and _for_fault(adj, ctx, required=True):
        yield from _said_at_fault(adj, subjects_of(head)[0], ctx, source, section)
        return
    else:
        return
    agents, patients = subjects_of(holder)
    if patients and not agents:  # "Russia was held responsible for the attack": by whoever says so
        yield from _said_at_fault(adj, patients, ctx, source, section)
        return
    for subj in ctx.entities(agents):
        for obj in ctx.entities(accused):
            if subj != obj and not ctx.is_event(obj):
                yield make_relation(subj, "accuses", obj, adj.sent, ctx, holder, source, section, "blame", 0.6,
                                    holder.text)


def _said_at_fault(anchor, accused, ctx: Context, source, section):
    """Whoever says ``accused`` is at fault accuses them (in the source's voice); no one when the writer does."""
    speaker, cue = speech(anchor, ctx)
    if speaker is None:
        return
    for obj in ctx.entities(accused):
        if obj == speaker or ctx.is_event(obj):
            continue
        rel = make_relation(speaker, "accuses", obj, anchor.sent, ctx, anchor, source, section, "blame", 0.5, cue)
        if not rel.negated:  # "Yerevan is not to blame, X said" accuses no one
            yield replace(rel, speaker=None, cue=None)


def _blamed_cause(verb, ctx: Context, source, section):
    """"Moscow blamed Pashinyan's pro-Western course for the crisis": what is blamed is no one, its owner is; but
    "Russia blamed the deaths of Ukrainian soldiers on NATO" accuses what it is blamed on (not the victims)."""
    causes = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and ctx.entity(c) is None]
    on = ctx.entities([g for t in (verb, *causes) for p in t.children if p.dep_ == "prep" and p.lower_ == "on"
                       for g in p.children if g.dep_ == "pobj"])  # the parser may hang "on" on the noun
    owners = on or ctx.entities([g for c in causes for g in c.children if g.dep_ == "poss"]
                                + [g for c in causes for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                                   for g in p.children if g.dep_ == "pobj"])  # "the nationalism of X" is X's
    for subj in ctx.entities(subjects_of(verb)[0]):
        for obj in owners:
            if subj != obj and not ctx.is_event(obj):
                yield make_relation(subj, "accuses", obj, verb.sent, ctx, verb, source, section, "blame", 0.5,
                                    verb.text)
