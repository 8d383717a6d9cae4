"""Relations between entity mentions in a sentence, read from the dependency parse.

Rules (each named on the relation's provenance):

* ``svo``: a verb's subjects and objects (direct, prepositional, attribute), with coordination and the
  passive ``by`` agent;
* ``nominal``: an event noun with ``of``/``by``/``against`` arguments ("the blockade of X by Y");
* ``title``: a person's title before the name ("Russian Foreign Minister Sergey Lavrov");
* reported speech: relations inside the complement of a cue verb ("said", "accused", ...) carry the
  cue's subject as speaker; a pronoun subject resolves to the last person named before it.

Negation and hedging are read from the verb's dependents and recorded on the relation.
"""
from __future__ import annotations

from .model import Mention, Provenance, Relation
from .predicates import GENERIC, Predicates

CUE_VERBS = {"say", "claim", "accuse", "deny", "state", "announce", "characterize", "characterise", "describe",
             "allege", "argue", "insist", "assert", "declare", "report", "confirm", "warn", "suggest", "believe",
             "tell", "note", "stress", "add", "write", "call", "maintain", "contend", "acknowledge", "admit",
             "threaten", "promise", "complain", "perceive", "consider", "think", "label", "brand", "blame"}
HEDGES = {"reportedly", "allegedly", "potentially", "possibly", "apparently", "likely", "perhaps", "probably",
          "seemingly", "arguably", "presumably", "supposedly"}
HEDGE_VERBS = {"appear", "seem", "imply", "suggest"}
MODALS = {"may", "might", "could", "would"}
NEGATIONS = {"not", "n't", "never", "no"}
SUBJ = {"nsubj", "nsubjpass", "csubj"}
OBJ_PREPS_SKIP = {"in", "at", "on", "during", "since", "until", "after", "before", "for", "of"}
TITLES = {
    "president": "leader_of", "prime minister": "leader_of", "premier": "leader_of", "leader": "leader_of",
    "head": "leader_of", "chairman": "leader_of", "chair": "leader_of", "king": "leader_of",
    "chancellor": "leader_of", "speaker": "leader_of", "minister": "affiliated_with",
    "foreign minister": "affiliated_with", "defense minister": "affiliated_with", "ambassador": "affiliated_with",
    "spokesperson": "spokesperson_of", "spokeswoman": "spokesperson_of", "spokesman": "spokesperson_of",
    "press secretary": "spokesperson_of", "wife": "spouse_of", "husband": "spouse_of", "secretary": "affiliated_with",
    "official": "affiliated_with", "general": "affiliated_with", "commander": "leader_of", "envoy": "affiliated_with",
}
PRONOUNS = {"he", "she", "him", "her", "his"}


def _conjuncts(tok):
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


class _Sentence:
    """Token -> entity key lookup for one sentence."""

    def __init__(self, sent, key_at: dict[int, str]):
        self.sent = sent
        self.key_at = key_at

    def entity(self, tok) -> str | None:
        if tok.i in self.key_at:
            return self.key_at[tok.i]
        # "the Lachin Corridor blockade": the head noun may carry a compound that names the entity
        return None

    def entities(self, toks) -> list[tuple[str, object]]:
        out = []
        for tok in toks:
            for t in _conjuncts(tok):
                key = self.entity(t)
                if key is not None and all(k != key or x.i != t.i for k, x in out):
                    out.append((key, t))
        return out


def _subjects(verb, s: _Sentence) -> tuple[list, list]:
    """(agents, passive patients) of a verb, inherited from the head for conjoined/xcomp verbs."""
    agents, patients = [], []
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            agents.append(child)
        elif child.dep_ == "nsubjpass":
            patients.append(child)
        elif child.dep_ == "agent":
            agents.extend(g for g in child.children if g.dep_ == "pobj")
    if not agents and not patients:
        head = verb.head
        if verb.dep_ in ("conj", "xcomp", "advcl") and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            return _subjects(head, s)
        if verb.dep_ in ("relcl", "acl") and head.i != verb.i:
            if verb.tag_ == "VBN":  # "the ethnic cleansing carried out by Azerbaijan": head is the patient
                return agents, [head]
            agents.append(head)
    return agents, patients


def _objects(verb) -> list[tuple[object, str]]:
    """(object token, preposition) pairs of a verb."""
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "dative", "oprd"):
            out.append((child, ""))
        elif child.dep_ == "prep" and child.lower_ not in OBJ_PREPS_SKIP:
            out.extend((g, child.lower_) for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "prt":
            continue
    return out


def _flags(verb) -> tuple[bool, bool]:
    negated = any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in ("advmod", "det") for c in verb.children)
    hedged = any(
        (c.dep_ == "aux" and c.lower_ in MODALS) or (c.dep_ == "advmod" and c.lower_ in HEDGES) for c in verb.children
    )
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ in HEDGE_VERBS:
        hedged = True
    if verb.dep_ in ("xcomp", "conj") and head.i != verb.i:
        neg_h, hedge_h = _flags(head) if head.pos_ in ("VERB", "AUX") and head.i != verb.i else (False, False)
        negated = negated or (verb.dep_ == "xcomp" and neg_h)
        hedged = hedged or hedge_h
    return negated, hedged


def _speech(verb, s: _Sentence, last_person):
    """(speaker key, cue word) when ``verb`` sits inside the complement of a reporting verb."""
    tok = verb
    while tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "xcomp", "advcl") or (tok.dep_ == "dobj" and tok.head.lemma_ in ("characterize", "describe", "call")):
            cue = tok.head
            if cue.lemma_ in CUE_VERBS:
                for subj in (c for c in cue.children if c.dep_ in ("nsubj",)):
                    key = s.entity(subj)
                    if key is None and subj.lower_ in PRONOUNS:
                        key = last_person(subj.idx)
                    if key is not None:
                        return key, cue.text
                return None, cue.text
        tok = tok.head
    return None, None


def _provenance(sent, source: str, section: str, rule: str, confidence: float) -> Provenance:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return Provenance(source=source, sentence=text.strip(), start=sent.start_char + lead,
                      end=sent.start_char + lead + len(text.strip()), rule=rule, confidence=confidence, section=section)


def extract_relations(doc, mentions: list[Mention], *, source: str, section: str, predicates: Predicates):
    """Yield the relations of one parsed doc; ``mentions`` are that doc's mentions (provisional keys)."""
    key_at: dict[int, str] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                key_at[tok.i] = m.entity
    persons = sorted((m.start, m.entity) for m in mentions if m.ner_label == "PERSON" or m.entity.startswith("Person:"))

    def last_person(before: int) -> str | None:
        """The last person named before ``before`` in the same paragraph."""
        para_start = doc.text.rfind("\n\n", 0, before)
        candidates = [k for start, k in persons if para_start < start < before]
        return candidates[-1] if candidates else None

    seen: set[tuple] = set()
    for sent in doc.sents:
        s = _Sentence(sent, key_at)
        for rel in _sentence_relations(sent, s, source, section, predicates, last_person):
            key = (rel.subject, rel.predicate, rel.object, rel.provenance.start)
            if key not in seen and rel.subject != rel.object:
                seen.add(key)
                yield rel


def _sentence_relations(sent, s: _Sentence, source, section, predicates: Predicates, last_person):
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            yield from _verb_relations(tok, s, source, section, predicates, last_person)
        elif tok.pos_ == "NOUN":
            yield from _nominal_relations(tok, s, source, section, predicates, last_person)
        if tok.i in s.key_at and (tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].i not in s.key_at or
                                  s.key_at[tok.doc[tok.i + 1].i] != s.key_at[tok.i]):
            yield from _title_relations(tok, s, source, section)


def _verb_relations(verb, s, source, section, predicates, last_person):
    agents, patients = _subjects(verb, s)
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    subj_ents = s.entities(agents)
    obj_pairs = [(t, "") for t in patients] + _objects(verb)
    negated, hedged = _flags(verb)
    speaker, cue = _speech(verb, s, last_person)
    for obj_tok, prep in obj_pairs:
        pred = predicates.for_verb(verb.lemma_.lower(), particle, prep) or GENERIC
        for obj_key, _ in s.entities([obj_tok]):
            for subj_key, _ in subj_ents:
                yield Relation(
                    subject=subj_key, predicate=pred, object=obj_key,
                    provenance=_provenance(s.sent, source, section, "svo" if not patients else "svo_passive",
                                           0.7 if pred != GENERIC else 0.4),
                    speaker=speaker if speaker != subj_key or cue is None else speaker, cue=cue,
                    negated=negated, hedged=hedged, verb=verb.text,
                )


def _nominal_relations(noun, s, source, section, predicates, last_person):
    pred = predicates.nouns.get(noun.lemma_.lower())
    if pred is None:
        compound = " ".join(t.lower_ for t in noun.lefts if t.dep_ in ("amod", "compound")) + " " + noun.lower_
        pred = predicates.nouns.get(compound.strip())
    if pred is None:
        return
    agents, patients = [], []
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ == "by":
            agents.extend(objs)
        elif prep.lower_ in ("of", "against", "on", "to"):
            patients.extend(objs)
    for child in noun.children:
        if child.dep_ == "acl":  # "cleansing carried out by Azerbaijan"
            for agent in (c for c in child.children if c.dep_ == "agent"):
                agents.extend(g for g in agent.children if g.dep_ == "pobj")
        if child.dep_ == "poss":
            agents.append(child)
    speaker, cue = _speech(noun, s, last_person)
    for subj_key, _ in s.entities(agents):
        for obj_key, _ in s.entities(patients):
            yield Relation(subject=subj_key, predicate=pred, object=obj_key,
                           provenance=_provenance(s.sent, source, section, "nominal", 0.6),
                           speaker=speaker, cue=cue, verb=noun.text)


def _title_relations(tok, s, source, section):
    """"Russian Foreign Minister Sergey Lavrov" -> (lavrov, affiliated_with, russia)."""
    person = s.key_at.get(tok.i)
    if person is None or not (person.startswith("Person:") or tok.ent_type_ == "PERSON"):
        return
    start = tok.i
    while start > s.sent.start and s.key_at.get(start - 1) == person:
        start -= 1
    words, states = [], []
    i = start - 1
    while i >= s.sent.start and start - i <= 6:
        t = tok.doc[i]
        if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "DET") and t.lower_ not in ("'s",):
            break
        key = s.key_at.get(i)
        if key is not None and key != person:
            if key not in states:
                states.append(key)
        else:
            words.insert(0, t.lower_)
        i -= 1
    title = " ".join(words)
    pred = next((p for t, p in sorted(TITLES.items(), key=lambda kv: -len(kv[0])) if title.endswith(t) or f"{t} " in title + " "), None)
    if pred is None:
        return
    for org in states[:1]:
        if pred == "spouse_of" and not (org.startswith("Person:") or "_" in org):
            continue
        yield Relation(subject=person, predicate=pred, object=org,
                       provenance=_provenance(s.sent, source, section, "title", 0.8), verb=title)
