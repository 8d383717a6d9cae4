"""Reactions appended to the clause they answer: "Turkey sent troops to Libya, a move that Egypt condemned", "the UN
has kept peacekeepers there since 1964, a presence Ankara criticises". The one who reacts judges the actor of the
clause before the comma, not the noun the parser hangs the reaction on."""
from __future__ import annotations

from .claims import make_relation
from .context import Context
from .syntax import is_verb, subjects_of

#: nouns that sum up the act of the clause before them
ACT_NOUNS = {"move", "step", "decision", "presence", "deployment", "action", "measure", "initiative", "intervention"}
#: what a reaction's predicate becomes when it judges an act: disapproval is criticism, approval support
REACTION_PREDICATES = {"criticizes": "criticizes", "accuses": "criticizes", "supports": "supports",
                       "opposes": "opposes"}


def acting_clause(verb):
    """The verb of the clause a reaction summed up by an act noun answers ("sent" in "Turkey sent troops to Libya,
    a move that Egypt condemned"), or None."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.lemma_.lower() not in ACT_NOUNS or noun.dep_ not in ("appos", "npadvmod", "dobj"):
        return None
    if noun.left_edge.i == 0 or verb.doc[noun.left_edge.i - 1].text != ",":
        return None
    head = noun.head
    while not is_verb(head) and head.head.i != head.i:
        head = head.head
    return head if is_verb(head) and head.i < noun.i else None


def reaction_relations(verb, reactors: list[str], ctx: Context, predicates, source, section):
    """(reactor, criticizes / supports / opposes, actor) for a reaction to the clause before the comma."""
    acting = acting_clause(verb)
    pred = REACTION_PREDICATES.get(predicates.for_verb(verb.lemma_.lower(), "") or "")
    if acting is None or pred is None:
        return
    for actor in ctx.entities(subjects_of(acting)[0]):
        for reactor in reactors:
            if reactor != actor:
                yield make_relation(reactor, pred, actor, verb.sent, ctx, verb, source, section, "reaction", 0.6,
                                    verb.text)
