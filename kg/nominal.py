"""Relations carried by an event noun and its arguments (the ``nominal`` rule): "the blockade of X by Y", "Y
launched an attack on X", "talks between A and B", "an ethnic cleansing carried out by Y and facilitated by the
inaction of Z" (kg/relations.py wires it in; the verb rules ask it what a noun's predicate is)."""
from __future__ import annotations

from dataclasses import replace

from .claims import make_relation
from .context import Context
from .phrase_relations import COMMERCE_WORDS
from .predicates import Predicates
from .speech import speech
from .syntax import gerund_verbs, is_gerund_noun, is_reciprocal, is_verb, noun_arguments

#: what makes an independence one of a sector, no secession: "Europe's energy independence from Russia"
SECTOR_WORDS = COMMERCE_WORDS | {"financial", "fiscal", "monetary", "strategic", "technological", "food", "industrial"}


def _against(noun) -> bool:
    """Is ``noun`` aimed "against" someone, however the parser hangs it ("operations against X"; "conducted operations
    against X" with "against" on the verb right after the noun)?"""
    return any(p.dep_ == "prep" and p.lower_ == "against" for p in noun.children) or (
        noun.dep_ == "dobj" and any(p.dep_ == "prep" and p.lower_ == "against" and p.i == noun.right_edge.i + 1
                                    for p in noun.head.children))


def noun_predicate(noun, predicates: Predicates) -> str | None:
    """The predicate an event noun stands for ("blockade": blocks; "independence from X": secedes_from), or None."""
    lemma = noun.lemma_.lower()
    if lemma == "independence":  # a state's own independence is none from anyone: only "independence from X" is
        froms = [p for p in noun.children if p.dep_ == "prep" and p.lower_ == "from"]
        froms += [p for p in noun.head.children if p.dep_ == "prep" and p.lower_ == "from"
                  and p.i == noun.right_edge.i + 1 and noun.dep_ == "dobj"]  # the parser may hang it on the verb
        return "secedes_from" if froms and not any(t.lower_ in SECTOR_WORDS for t in noun.lefts) else None
    mods = [t.lower_ for t in noun.lefts if t.dep_ in ("amod", "compound")]
    for mod in mods:
        pred = predicates.nouns.get(f"{mod} {lemma}") or predicates.nouns.get(f"{mod} {noun.lower_}")
        if pred:
            return pred
    pred = predicates.nouns.get(lemma) or predicates.nouns.get(noun.lower_)
    if pred is None and is_gerund_noun(noun) and noun.dep_ != "ROOT":
        # "Russia's capturing of Avdiivka": the verb's predicate (not a gerund the parser made the whole
        # sentence's head, its verb lost: "Russia's capturing of [Avdiivka worried Kyiv]")
        pred = next((predicates.verbs[v] for v in gerund_verbs(noun) if v in predicates.verbs), None)
    if pred is None and lemma == "operation" and _against(noun):
        return "attacks"  # "military operations against the PKK" (not "a rescue operation in the port")
    if pred == "calls_for" and lemma == "call" and any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        return "meets_with"  # "a call with the Chinese president": a conversation, not an appeal
    return pred


def nominal_relations(noun, ctx: Context, source, section, predicates: Predicates):
    """The relations an event noun states between its agents and its patients (between the sides it names, for a
    mutual one), and the failures to protect the victims it names ("facilitated by the inaction of Z")."""
    pred = noun_predicate(noun, predicates)
    if pred is None:
        return
    if pred == "part_of" and noun.dep_ == "dobj" and is_verb(noun.head) and noun.head.lemma_.lower() != "be":
        return  # "took part of the Kharkiv region": a share of it taken (the verb's), nothing being a piece of it
    agents, patients, _, hedged = noun_arguments(noun, ctx, predicates, pred)
    subjects = ctx.entities(agents)
    objects = subjects if any(is_reciprocal(t) for t in patients) else ctx.entities(patients)
    if not subjects and predicates.is_symmetric(pred):  # "talks between the United States and the Taliban"
        sides = ctx.entities([g for p in noun.children if p.dep_ == "prep" and p.lower_ == "between"
                              for g in p.children if g.dep_ == "pobj"])
        for i, a in enumerate(sides):
            for b in sides[i + 1:]:
                if a != b and not ctx.is_event(a) and not ctx.is_event(b):
                    rel = make_relation(a, pred, b, noun.sent, ctx, noun, source, section, "nominal", 0.6, noun.text)
                    yield replace(rel, hedged=True) if hedged else rel
    for subj in subjects:
        for obj in objects:
            if subj == obj or (pred in TARGET_PREDICATES and ctx.is_event(obj)):
                continue
            rel = make_relation(subj, pred, obj, noun.sent, ctx, noun, source, section, "nominal", 0.6, noun.text)
            if pred == "secedes_from" and noun.dep_ == "dobj" and rel.cue == noun.head.text:
                # "Kosovo declared independence": the declaration is the act, not a report; in the voice of the
                # clause it stands in ("Belgrade said Kosovo had declared independence": Belgrade's words)
                speaker, cue = speech(noun.head, ctx)
                rel = replace(rel, speaker=speaker, cue=cue)
            yield replace(rel, hedged=True) if hedged else rel
    # "a cleansing carried out by Y and facilitated by the inaction of Z": Z failed to protect the victims
    idle = ctx.entities([g for a in agents if a.lemma_.lower() in INACTION_NOUNS and a.pos_ == "NOUN"
                         for p in a.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                         if g.dep_ == "pobj"])
    if pred in HARM_PREDICATES:
        for subj in idle:
            for obj in objects:
                if subj != obj:
                    yield make_relation(subj, "fails_to_aid", obj, noun.sent, ctx, noun, source, section, "inaction", 0.5,
                                    noun.text)


#: nouns naming a failure to act: "facilitated by the inaction of the peacekeepers"
INACTION_NOUNS = {"inaction", "inactivity", "passivity", "indifference", "failure", "negligence"}
#: predicates whose object is a party or a place, never an event
TARGET_PREDICATES = {"attacks", "occupies", "controls", "blocks", "kills", "ethnically_cleanses", "deploys_to",
                     "withdraws_from", "visits", "flees_to", "evacuates"}
#: predicates of harm to a patient, which someone's inaction can let happen
HARM_PREDICATES = {"attacks", "ethnically_cleanses", "commits_genocide_against", "kills", "blocks", "occupies"}
