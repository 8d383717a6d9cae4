"""Relations between entity mentions in a sentence, read from the dependency parse.

Rules (each named on the relation's provenance):

* ``svo`` / ``svo_passive``: a verb's subjects and objects (direct, prepositional, attribute), with
  coordination, the passive ``by`` agent, relative clauses ("the agreements that A and B signed") and
  gerund complements ("accused X of deploying Y": X deploys);
* ``nominal`` (:mod:`kg.nominal`): an event noun with its arguments ("the blockade of X by Y", "Y launched an
  attack on X", "an ethnic cleansing carried out by Y");
* verbs with a reading of their own (:mod:`kg.verb_classes`): ceding ground, suspending or joining a body, receiving
  arms;
* ``title`` / ``apposition``: "Russian Foreign Minister Sergey Lavrov", "Pashinyan's wife, Anna Hakobyan";
* reported speech: a relation inside the complement of a cue verb ("said", "accused", "characterized")
  carries the cue's subject as speaker; "he"/"she"/"it" resolve to the last compatible name before.

Speakers, negation and hedging are read by :mod:`kg.speech` and recorded on the relation.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .blame import BLAME_WORDS, blame_relations
from .claims import make_relation
from .model import Mention, Relation
from .nominal import HARM_PREDICATES, TARGET_PREDICATES, nominal_relations, noun_predicate
from .predicates import GENERIC, Predicates
from .reactions import acting_clause, reaction_relations
from .context import Context
from .phrase_relations import (CHECKPOINT_NOUNS, ENCLAVE_NOUNS, HYPHEN_PARTICIPLES, INVOLVEMENT_NOUNS,
                               PARTY_WORDS, ROLE_NOUNS, SETTLEMENT_NOUNS, anti_relations, checkpoint_relations, event_setting,
                               hyphen_relations, impact_relations, involvement, mediated_sides, party_leader,
                               role_relations, settlement_relations, territory_relations)
from .speech import (ALLEGED_NOUNS, CUE_VERBS, DENIAL_CUES, VIEW_VERBS, rebutted_allegation, reported_agents, speech,
                     view_holder)
from .syntax import (CONDUCT_NOUNS, FRAMING_VERBS, LIGHT_VERBS, SENT_PREDICATES, SOVEREIGN_WORDS, TERRITORY_WORDS,
                     counted, is_mobile, is_reciprocal, is_verb, objects_of, relative_object, subjects_of)
from .titles import TITLE_HEADS, title_relations
from .verb_classes import (AID_NOUNS, CEDING_VERBS, JOIN_VERBS, MATERIEL_NOUNS, MEMBERSHIP_VERBS, RECEIVING_VERBS,
                           SUSPENDING_VERBS, ceded, given_arms, joined, members, received_aid, suspended)

#: what a state expels or deports that is no population: its vessels, envoys, troops, missions and staff
EXPELLED_NOT_PEOPLE = {"vessel", "ship", "boat", "trawler", "aircraft", "ambassador", "diplomat", "envoy", "attaché",
                       "consul", "embassy", "mission", "journalist", "correspondent", "reporter", "troops", "soldier",
                       "force", "peacekeeper", "observer", "monitor", "official", "staff", "contractor", "company"}


def _expels_no_population(verb, obj_tok) -> bool:
    """Is what ``verb`` expels (its object, also for "from X") vessels, envoys or troops rather than people?"""
    expelled = [obj_tok] if obj_tok.dep_ == "dobj" else [c for c in verb.children if c.dep_ == "dobj"]
    return any(t.lemma_.lower() in EXPELLED_NOT_PEOPLE for t in expelled)


LOCATIVE_PREDICATES = {"deploys_to", "attacks", "occupies", "controls", "withdraws_from", "visits", "flees_to"}

def extract_relations(doc, mentions: list[Mention], *, source: str, section: str, predicates: Predicates,
                      is_person=None, state_of=None, is_event=None, government_of=None, affiliations=None,
                      is_region=None, is_organization=None):
    """Yield the relations of one parsed doc; ``mentions`` are that doc's mentions (provisional keys).

    ``is_person(key)`` and ``state_of(key)`` (the state a key is or belongs to, or None) let rules tell
    people from states; without them, persons are PERSON-labelled mentions and no key is a state.
    """
    persons = {m.entity for m in mentions if m.ner_label == "PERSON" or m.entity.startswith("Person:")}
    is_person = is_person or (lambda key: key in persons)
    state_of = state_of or (lambda key: None)
    ctx = Context(doc, mentions, is_person, state_of, government_of)
    is_event = is_event or (lambda key: key.startswith("Trig:"))
    ctx.is_event = is_event
    if is_region is not None:
        ctx.is_region = is_region
    if is_organization is not None:
        ctx.is_organization = is_organization
    ctx.affiliation = {}
    roles = affiliations or {}

    def party(key: str) -> str | None:  # the state a key acts for: itself, its body's state, a role holder's state
        return state_of(key) or ctx.affiliation.get(key) or roles.get(key)
    ctx.party = party
    ctx.voice = lambda tok: speech(tok, ctx)[0]
    seen: set[tuple] = set()
    for sent in doc.sents:
        ctx.claims.extend(reported_agents(sent, ctx))
        for rel in _sentence_relations(sent, ctx, source, section, predicates, is_event):
            # one relation per sentence and voice: "X is believed to arm Y, although X denies arming Y" is two
            key = (rel.subject, rel.predicate, rel.object, rel.speaker, rel.negated)
            if rel.subject != rel.object and (key, sent.start) not in seen and not (
                    is_event(rel.subject) and rel.predicate not in EVENT_SUBJECT_PREDICATES):
                seen.add((key, sent.start))
                if rel.predicate in ("accuses", "criticizes") and not rel.negated:
                    ctx.accusations.append((rel.subject, rel.object))  # what "the accusation", "the criticism" was
                if rel.predicate in ("allied_with", "supports", "depends_on") and not (rel.negated or rel.hedged):
                    ctx.bonds.append((rel.subject, rel.predicate, rel.object))  # who "its ally", "its patron" is
                if rel.predicate in ("leader_of", "spokesperson_of") and rel.speaker is None:
                    ctx.affiliation.setdefault(rel.subject, rel.object)  # "Serbian President X ... rejected the claims"
                yield rel
                blame = _framing_accusation(rel, predicates, party)
                blamed = (blame.subject, blame.predicate, blame.object, None, False) if blame is not None else None
                if blame is not None and (blamed, sent.start) not in seen:
                    seen.add((blamed, sent.start))
                    ctx.accusations.append((blame.subject, blame.object))
                    yield blame


#: the predicates an event can be the subject of ("the war killed ...", "the talks took place in ..."); an event
#: does not sign, accuse or mediate ("the agreement concluding the war" is no signing)
EVENT_SUBJECT_PREDICATES = {"kills", "located_in", "part_of", "related_to"}

#: categories of acts that, framed by a speaker, accuse their agent ("characterized it as a cleansing by Y")
HARMFUL = {"ASSAULT", "COERCE", "OCCUPY"}


def _framing_accusation(rel: Relation, predicates: Predicates, party=None) -> Relation | None:
    """Calling an act a harm done by Y is accusing Y: "X characterized the exodus as a cleansing carried out by Y"
    -> (X, accuses, Y), in the source's voice."""
    if rel.speaker is None or rel.negated or rel.cue is None or rel.subject == rel.speaker:
        return None
    if party is not None and party(rel.speaker) is not None and party(rel.speaker) == party(rel.subject):
        return None  # Putin calling Russia's strike self-defense accuses no one
    if rel.cue.lower() not in FRAMING_CUES:
        return None
    pred = predicates.by_name.get(rel.predicate)
    if pred is None or (pred.category not in HARMFUL and rel.predicate != "fails_to_aid"):
        return None
    prov = replace(rel.provenance, rule="framing_accusation", confidence=0.5)
    return Relation(subject=rel.speaker, predicate="accuses", object=rel.subject, provenance=prov, speaker=None,
                    cue=None, negated=False, hedged=rel.hedged, verb=rel.cue)


#: cue words that frame an act ("characterized", "described", "branded"), in their inflected forms
FRAMING_CUES = {form for lemma in FRAMING_VERBS - {"consider", "perceive", "regard", "see", "view"}
                for form in (lemma, lemma + "s", lemma + "d", lemma + "ed", lemma + "ing", lemma[:-1] + "ing")}

#: nouns that name someone's accusation ("denied the allegations", "claims that Russia has rejected")
ALLEGATIONS = ALLEGED_NOUNS | {"criticism"}  # what a denial or rejection can answer
#: pronouns that, as what is denied, stand for an accusation made before: "..., which Iran denies", "Kyiv denies this"
DENIED_PRONOUNS = {"which", "this"}
#: verbs that say something alleged is untrue (one rejects a plan, but denies a charge)
DENYING_VERBS = {"deny", "refute", "dispute"}


def _accusers(ctx: Context, accused: list[str], tok) -> list[str]:
    """Who last accused or criticized one of ``accused`` (or the state one of them leads or speaks for) earlier in
    the article (the referent of "the allegations", "the criticism", "which X denies" at ``tok``); failing that, who
    said in this sentence or the one before that one of them did something ("X said the mines had been laid by Y.
    Y rejected the accusation")."""
    sides = set(accused) | {ctx.affiliation[k] for k in accused if k in ctx.affiliation}
    for accuser, target in reversed(ctx.accusations):
        if target in sides or ctx.party(target) in sides:  # "accused Eritrean soldiers ..., which Asmara denied"
            return [accuser]
    since = ctx.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else 0
    for i, speaker, agent in reversed(ctx.claims):
        if since <= i < tok.i and (agent in sides or ctx.party(agent) in sides) and speaker not in sides:
            return [speaker]
    return []


def _sentence_relations(sent, ctx: Context, source, section, predicates: Predicates, is_event):
    for tok in sent:
        if tok.is_punct:
            continue
        if is_verb(tok) and tok.dep_ not in ("aux", "auxpass"):
            yield from _verb_relations(tok, ctx, source, section, predicates)
            yield from event_setting(tok, ctx, source, section, is_event)
            yield from impact_relations(tok, ctx, source, section)
        elif tok.pos_ in ("NOUN", "PROPN") and (tok.i not in ctx.key_at or ctx.key_at[tok.i].startswith("Trig:")):
            yield from nominal_relations(tok, ctx, source, section, predicates)
            if tok.lemma_.lower() in ROLE_NOUNS:
                yield from role_relations(tok, ctx, source, section)
            if tok.lemma_.lower() in INVOLVEMENT_NOUNS and tok.dep_ == "dobj":
                yield from involvement(tok, ctx, source, section)
        key = ctx.key_at.get(tok.i)
        if key is not None and ctx.is_person(key) and ctx.key_at.get(tok.i + 1) != key:
            yield from title_relations(tok, ctx, source, section)
        if tok.lower_ in HYPHEN_PARTICIPLES and tok.i >= 2 and tok.nbor(-1).text in ("-", "–"):
            yield from hyphen_relations(tok, ctx, source, section)
        if tok.lower_ in PARTY_WORDS and tok.i in ctx.key_at:
            yield from party_leader(tok, ctx, source, section)
        own = ctx.key_at.get(tok.i)  # a unit's own name ("the Kidal region") takes part, a state's does not
        if tok.lemma_.lower() in ENCLAVE_NOUNS and tok.pos_ == "NOUN" and (own is None or ctx.state_of(own) != own):
            yield from territory_relations(tok, ctx, source, section)
        if tok.lemma_.lower() in CHECKPOINT_NOUNS and tok.pos_ == "NOUN":
            yield from checkpoint_relations(tok, ctx, source, section)
        if tok.lemma_.lower() in SETTLEMENT_NOUNS and tok.pos_ == "NOUN" and tok.i not in ctx.key_at:
            yield from settlement_relations(tok, ctx, source, section)
        if tok.lemma_.lower() in TERRITORY_WORDS and tok.pos_ == "NOUN" and tok.dep_ in ("ccomp", "xcomp", "oprd"):
            yield from _small_clause(tok, ctx, source, section)
        if tok.lemma_.lower() in BLAME_WORDS:
            yield from blame_relations(tok, ctx, source, section)
        if tok.lower_ == "anti" and tok.i + 2 < len(ctx.doc) and tok.nbor(1).text in ("-", "–"):
            yield from anti_relations(tok, ctx, source, section)


SOVEREIGN_MODIFIERS = {"sovereign", "internal", "domestic"}

#: cue verbs whose object is the audience when a that-clause follows ("told X that", "assured X that")
ADDRESS_VERBS = {"tell", "inform", "assure", "remind", "warn", "brief"}

#: predicates where a passive subject without an agent is still the one who acts ("troops were stationed in X")
SELF_MOTION = {"deploys_to"}


def _wholes(noun, ctx: Context) -> list[str]:
    """What ``noun`` ("part of Y", "Azerbaijani territory", "a sovereign concern of Baku") says a thing belongs to."""
    lemma = noun.lemma_.lower()
    if lemma in SOVEREIGN_WORDS and not any(c.lower_ in SOVEREIGN_MODIFIERS for c in noun.children):
        return []
    if lemma not in TERRITORY_WORDS | SOVEREIGN_WORDS or noun.pos_ != "NOUN":
        return []
    wholes = ctx.entities([g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pobj"])
    if not wholes and lemma != "part":
        key = ctx.entity(noun)
        wholes = [ctx.state_of(key) or key] if key is not None else []
    return wholes


def _small_clause(noun, ctx: Context, source, section):
    """A verbless clause: "Beijing considers Taiwan part of China" -> (Taiwan, part_of, China), whose speaker
    the verb over it names."""
    parts = ctx.entities([c for c in noun.children if c.dep_ == "nsubj"])
    for part in parts:
        for whole in _wholes(noun, ctx):
            if part != whole:
                yield make_relation(part, "part_of", whole, noun.sent, ctx, noun, source, section, "svo", 0.6, noun.text)


def _held_view(verb, ctx: Context, source, section):
    """"Treating A as part of B is a cornerstone of X's policy": (A, part_of, B) in X's words; with nobody
    holding it ("treating A as part of B would be a mistake") the source does not say it."""
    holder = view_holder(verb, ctx)
    if holder is None:
        return
    scope = [verb] + ([verb.head] if verb.head.lemma_ == "be" else [])  # the parser may hang "as" on "is"
    wholes = [w for v in scope for p in v.children if p.dep_ == "prep" and p.lower_ == "as"
              for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in TERRITORY_WORDS for w in _wholes(g, ctx)]
    for part in ctx.entities([c for c in verb.children if c.dep_ == "dobj"]):
        for whole in wholes:
            if part != whole:
                rel = make_relation(part, "part_of", whole, verb.sent, ctx, verb, source, section, "held_view", 0.5,
                                verb.text)
                yield replace(rel, speaker=holder, cue=verb.text)


@dataclass(frozen=True, slots=True)
class Clause:
    """A verb's clause as the rules on it read it: the verb, its particle ("broke away", "handed over"), the
    predicate they make together, who acts (entity keys), its passive subjects and direct objects (tokens)."""
    verb: object
    lemma: str
    particle: str
    own: str | None
    subjects: list[str]
    patients: list
    dobjs: list
    materiel: bool  # it has weapons or supplies for object: "sent weapons to X"
    rebutted: object  # the allegation it rebuts, however the parser hangs it ("a charge Y rejects"), or None

    @property
    def rule(self) -> str:
        return "svo_passive" if self.patients else "svo"


def _verb_relations(verb, ctx: Context, source, section, predicates: Predicates):
    """The relations a verb's clause states between who acts and each of its objects (direct, prepositional,
    attribute); a verb whose class reads otherwise (kg.verb_classes) may say all there is."""
    lemma, particle = verb.lemma_.lower(), _particle(verb)
    subjects, patients = _verb_subjects(verb, lemma, particle, ctx, predicates)
    if not subjects:
        if lemma in VIEW_VERBS:
            yield from _held_view(verb, ctx, source, section)
        return
    if acting_clause(verb) is not None:  # "..., a move that Egypt condemned": Egypt judges who made the move
        yield from reaction_relations(verb, subjects, ctx, predicates, source, section)
        return
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    c = Clause(verb, lemma, particle, predicates.for_verb(lemma, particle), subjects, patients, dobjs,
               any(d.lemma_.lower() in MATERIEL_NOUNS for d in dobjs), rebutted_allegation(verb))
    pairs = _object_pairs(c, ctx, predicates)
    classed, pairs = _verb_class_relations(c, pairs, ctx, source, section)
    yield from classed
    if pairs is None:
        return
    yield from _mutual_relations(c, ctx, predicates, source, section)
    framed = _framed_objects(c, pairs, ctx)
    yield from _framed_relations(c, framed, ctx, predicates, source, section)
    yield from _object_relations(c, pairs, framed, ctx, predicates, source, section)


def _particle(verb) -> str:
    """The verb's particle ("broke away", "handed over"), or ""; "signing it away": the parser's adverb is one."""
    return next((c.lower_ for c in verb.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "away")),
                "")


def _verb_subjects(verb, lemma: str, particle: str, ctx: Context, predicates: Predicates) -> tuple[list[str], list]:
    """Who acts in the verb's clause (entity keys) and its passive subjects (tokens): the agent of a passive, the
    passive subject of a verb of self-motion ("troops were stationed in X"), the critics seated where a passive
    criticism was voiced ("was criticized in Yerevan")."""
    agents, patients = subjects_of(verb)
    if lemma == "be" and not agents and not patients and verb.dep_ == "ccomp":
        # a misparse around brackets or quotes: 'proclaimed, "Artsakh [Karabakh] is Armenia"' puts the subject
        # of "is" as the object of the cue verb before it
        agents = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
    subjects = ctx.entities(agents)
    if not subjects and patients and predicates.for_verb(lemma, particle) in SELF_MOTION:
        subjects, patients = ctx.entities(patients), []  # "1,960 troops were stationed in Karabakh"
    if not subjects and patients and predicates.for_verb(lemma, particle) in DISAPPROVING:
        subjects = _critics_at(verb, ctx)
    return subjects, patients


def _object_pairs(c: Clause, ctx: Context, predicates: Predicates) -> list[tuple]:
    """The verb's objects as ``(token, preposition)`` pairs ("" for a direct object or passive subject), with the
    objects the parser hangs elsewhere: after a particle, on a coordinated verb, as a dative, on the target, on the
    topic, on the noun the clause relates to, on the allegation it rebuts."""
    verb, lemma = c.verb, c.lemma
    # "struck Houthi targets in Yemen": with a target named, the place is where it was, not a second target
    # ... nor when the target moves ("attacked dozens of ships in the Red Sea" did not attack the sea)
    locative = c.own in LOCATIVE_PREDICATES and not (
        c.own in HARM_PREDICATES and (ctx.entities(c.dobjs) or any(is_mobile(d) for d in c.dobjs)))
    phrasal = frozenset(p.lower_ for p in verb.children if p.dep_ == "prep" and f"{lemma} {p.lower_}" in predicates.verbs)
    pairs = [(t, "") for t in c.patients] + objects_of(verb, locative=locative, phrasal=phrasal)
    if c.particle and c.own != predicates.for_verb(lemma):  # "broke away from Georgia": "from" hangs on "away"
        pairs += [(g, p.lower_) for a in verb.children if a.dep_ == "advmod" and a.lower_ == c.particle
                  for p in a.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    if not pairs and not c.patients and not any(d.dep_ in ("xcomp", "ccomp", "agent", "auxpass", "acomp")
                                                for d in verb.children) and verb.dep_ not in ("acl", "relcl"):
        pairs = _shared_object(verb)
    if c.materiel:  # "sent weapons to X", parsed with "to" as a dative
        pairs += [(g, "to") for d in verb.children if d.dep_ == "dative" and d.lower_ == "to" for g in d.children
                  if g.dep_ == "pobj"]
    if c.own in HARM_PREDICATES:
        pairs += _target_places(pairs, ctx)
    if c.own in SELF_MOTION:  # "deployed a mission on the Armenian side": where to
        pairs += [(g, p.lower_) for t, prep in pairs if t.dep_ == "dobj" for p in t.children
                  if p.dep_ == "prep" and p.lower_ in ("in", "on", "to", "into", "inside") for g in p.children
                  if g.dep_ == "pobj"]
    if lemma in DISCUSSING_VERBS:  # "discussed the situation with Aliyev": the parser hangs "with" on the topic
        pairs += [(g, "with") for t in c.dobjs for p in t.children if p.dep_ == "prep" and p.lower_ == "with"
                  for g in p.children if g.dep_ == "pobj" and any(ctx.is_person(k) for k in ctx.entities([g]))]
    if relative_object(verb) is not None:
        pairs = [(verb.head, "")] + pairs  # "the groups it blames for the attack": it blames the groups
    if not pairs and verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in ALLEGATIONS:
        pairs = [(verb.head, "")]  # "claims that Russia has rejected": the claims are the object
    if c.rebutted is not None and not any(t.lemma_.lower() in ALLEGATIONS for t, _ in pairs):
        pairs = [(c.rebutted, "")]  # "X accused Y of Z, a charge Y rejects", however the parser hangs it
    return pairs


def _shared_object(verb) -> list[tuple]:
    """"had armed and trained the army": a verb with no object of its own shares the coordinated verb's (not
    "denies losing jets, blames X", whose second verb has a subject of its own)."""
    return [(g, "") for c in verb.children if c.dep_ == "conj" and is_verb(c)
            and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
            for g in c.children if g.dep_ == "dobj"][:1]


def _target_places(pairs, ctx: Context) -> list[tuple]:
    """Where a harmed target is: "struck a hospital in Gaza", "shelled villages inside Armenia", "fired at cities
    across Ukraine" (not for a named or moving target, nor a date)."""
    return [(g, p.lower_) for t, prep in pairs if t.pos_ == "NOUN" and prep not in ("in", "inside", "across")
            and not ctx.entities([t]) and not is_mobile(t) for p in counted(t).children
            if p.dep_ == "prep" and p.lower_ in ("in", "inside", "across")
            for g in p.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]


def _verb_class_relations(c: Clause, pairs, ctx: Context, source, section) -> tuple[list[Relation], list | None]:
    """The relations of verbs with a reading of their own (kg.verb_classes, and mediating between sides), with the
    object pairs left to the general rules, or None when the class reading is all the clause says."""
    verb, subjects, rels = c.verb, c.subjects, []
    if c.own == "mediates":  # "Qatar mediated talks between Congo and Rwanda": Qatar mediates between them too
        rels += [rel for obj_tok in (t for t, prep in pairs if t.dep_ == "dobj") for subj in subjects
                 for rel in mediated_sides(subj, obj_tok, ctx, source, section, verb)]
    if c.lemma in RECEIVING_VERBS:  # who it is from (or whose the weapons are) is no guest
        rels += received_aid(verb, ctx, subjects, pairs, source, section, c.rule)
        things = given_arms(verb)
        pairs = [(t, prep) for t, prep in pairs if prep != "from" and t not in things]
    if c.lemma in SUSPENDING_VERBS:
        left = suspended(verb, ctx, subjects, source, section)
        if left:
            return rels + left, None
    if c.lemma in CEDING_VERBS and c.particle in CEDING_VERBS[c.lemma]:
        given = ceded(verb, ctx, subjects, pairs, source, section)
        if given or c.particle == "away":  # "signing it away" gives up what it names, whatever it is: no signing
            return rels + given, None
    if c.lemma in MEMBERSHIP_VERBS:
        return rels + members(verb, ctx, subjects, pairs, source, section), None
    if c.lemma in JOIN_VERBS:
        parts, bodies = joined(verb, ctx, subjects, pairs, source, section)
        rels += parts
        if bodies and not any(ctx.is_person(k) for k in subjects):
            pairs = [(t, prep) for t, prep in pairs if t not in bodies]  # no second, vaguer relation to them
    return rels, pairs


def _mutual_relations(c: Clause, ctx: Context, predicates: Predicates, source, section):
    """Coordinated subjects of a mutual verb with no other party act on each other: "Serbia and Kosovo met in
    Brussels", "X and Y discussed the war"."""
    verb = c.verb
    mutual = (c.own if c.own and predicates.is_symmetric(c.own)
              else "meets_with" if c.lemma in DISCUSSING_VERBS else None)
    if (len(c.subjects) < 2 or not mutual or verb.dep_ in ("xcomp", "pcomp")
            or any((d.dep_ in ("dobj", "dative") and (c.lemma not in TOPIC_VERBS or ctx.entities([d])))
                   or (d.dep_ == "prep" and d.lower_ == "with") for d in verb.children)):
        return
    for i, a in enumerate(c.subjects):
        for b in c.subjects[i + 1:]:
            yield make_relation(a, mutual, b, verb.sent, ctx, verb, source, section, "coordination", 0.6, verb.text)


def _framed_objects(c: Clause, pairs, ctx: Context) -> list[tuple]:
    """The objects that frame a thing as a piece of a whole, each with the wholes it names: "X is part of Y",
    "recognized X as Azerbaijani territory", "acknowledges X as a concern of Y"."""
    copula = c.lemma == "be"
    framed = [(t, _wholes(t, ctx)) for t, prep in pairs if prep == "as" or (copula and t.dep_ == "attr")]
    framed += [(g, _wholes(g, ctx)) for t, prep in pairs if t.dep_ == "dobj"
               for p in t.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children if g.dep_ == "pobj"]
    return [(t, wholes) for t, wholes in framed if wholes]


def _framed_relations(c: Clause, framed, ctx: Context, predicates: Predicates, source, section):
    """"X is part of Y", "A recognized X as Azerbaijani territory": X is part of the whole (taking part, when the
    whole is an event); one who recognizes X as part of B recognizes B's sovereignty (not X's)."""
    verb, copula = c.verb, c.lemma == "be"
    for obj_tok, wholes in framed:
        parts = c.subjects if copula else ctx.entities(c.dobjs)
        if obj_tok.lemma_.lower() not in TERRITORY_WORDS:
            parts = []  # "a sovereign concern of Y" says whose affair it is, not what it is part of
        for part in parts:
            for whole in wholes:
                if part != whole:  # "Eritrea was not part of the talks": taking part, not being a piece
                    yield make_relation(part, "participant_in" if ctx.is_event(whole) else "part_of", whole, verb.sent,
                                        ctx, verb if copula else obj_tok, source, section, "svo", 0.6, obj_tok.text)
        if not copula and predicates.for_verb(c.lemma, c.particle) == "recognizes_sovereignty_of":
            for subj in c.subjects:
                for whole in wholes:
                    if subj != whole:
                        yield make_relation(subj, "recognizes_sovereignty_of", whole, verb.sent, ctx, verb, source,
                                            section, "svo", 0.6, verb.text)


def _object_relations(c: Clause, pairs, framed, ctx: Context, predicates: Predicates, source, section):
    """The verb's relation from each subject to each object not framed as a piece of a whole: the predicate of
    the verb (with its particle and preposition), told apart by what the object is."""
    verb, framed_toks = c.verb, {t.i for t, _ in framed}
    # "China holds drills around Taiwan": a support verb's event object takes the rest of the clause
    event_object = c.lemma in LIGHT_VERBS and any(
        ctx.is_event(k) for t, p in pairs if t.dep_ == "dobj" for k in ctx.entities([t]))
    # "approved arms sales to Taiwan": the noun of what is sent carries the relation to whom it goes (nominal)
    noun_act = c.lemma in LIGHT_VERBS and any(noun_predicate(d, predicates) in SENT_PREDICATES for d in c.dobjs)
    for obj_tok, prep in pairs:
        if obj_tok.i in framed_toks or (framed and obj_tok.dep_ == "dobj"):
            continue
        if event_object and prep:
            continue  # "around Taiwan" places the drills; China does not thereby control Taiwan
        if noun_act and prep == "to" and not predicates.for_verb(c.lemma, c.particle, prep):
            continue  # no vaguer second relation to whom the arms go
        if obj_tok.lower_ in TITLE_HEADS and (obj_tok.dep_ in ("attr", "oprd") or prep == "as"):
            continue  # "became Britain's prime minister": the office the subject takes (kg.titles)
        pred = _pair_predicate(c, obj_tok, prep, event_object, ctx, predicates)
        if pred is None:
            continue
        pred, objects = _pair_objects(c, obj_tok, prep, pred, ctx)
        for obj in objects:
            for subj in c.subjects:
                this = None if subj == obj else _subject_object_predicate(c, subj, obj, obj_tok, prep, pred, ctx)
                if this is None:
                    continue
                rel = make_relation(subj, this, obj, verb.sent, ctx, verb, source, section, c.rule,
                                    0.7 if this != GENERIC else 0.4, verb.text)
                yield _aid_refused(rel, c.lemma)


def _pair_predicate(c: Clause, obj_tok, prep: str, event_object: bool, ctx: Context,
                    predicates: Predicates) -> str | None:
    """The predicate the verb (with its particle and ``prep``) gives an object, read in context; None when the
    object is no party to the verb's act (what is said, sent, won, taken from, who is told or goes along)."""
    verb, lemma = c.verb, c.lemma
    pred = predicates.for_verb(lemma, c.particle, prep) or GENERIC
    if pred == "leader_of" and prep and f"{lemma} {prep}" not in predicates.verbs:
        pred = GENERIC  # "the court ruled against Russia", "led to a crisis": no object led
    if prep == "on" and obj_tok.lemma_.lower() == "behalf":  # "negotiated on the group's behalf": for it, not with it
        pred = "provides_aid_to" if lemma in AID_VERBS else GENERIC  # "intervened on Armenia's behalf": helped it
    if pred == GENERIC and prep in ("with", "to") and lemma in CONVERSE_VERBS and _by_phone(verb):
        pred = "meets_with"  # "spoke by phone with X", "talked to X over the phone": a call is a meeting
    if pred == GENERIC and prep == "with" and lemma in DISCUSSING_VERBS:
        pred = "meets_with"  # "Putin discussed the situation with Aliyev (by phone)": they met or talked
    if pred == "deploys_to" and not prep and obj_tok.dep_ == "dobj" and lemma in SENDING_VERBS:
        return None  # "sent Syrian mercenaries", "deployed the 58th Army": what is sent is not where it goes
    if c.materiel and prep in ("to", "into") and (pred == "deploys_to" or (pred == GENERIC and lemma in HANDING_VERBS)):
        pred = "provides_aid_to"  # "sent weapons to Mogadishu", "sold jets to India": arming its government
    if event_object and any(ctx.is_event(k) for k in ctx.entities([obj_tok])):
        pred = GENERIC  # "held drills", "holds talks": taking part (below), not the verb's own sense
    if prep == "for" and pred == "withdraws_from":
        return None  # "tried to leave for Poland": where one goes, not what one leaves
    if prep == "from" and pred in ("occupies", "controls") and f"{lemma} from" not in predicates.verbs:
        return None  # "recaptured the town from the rebels": whom it was taken from holds it no more
    if (obj_tok.dep_ == "dobj" or prep == "from") and any(
            noun_predicate(d, predicates) == "secedes_from" for d in c.dobjs):
        return None  # "won independence from Ethiopia": the state is left (the noun's relation), not won
    if (prep == "with" and pred != GENERIC and f"{lemma} with" not in predicates.verbs
            and not pred.endswith("_with") and not predicates.is_symmetric(pred)):
        return None  # "visited the city with the Greek prime minister": a companion, not what is visited
    if pred == GENERIC and obj_tok.dep_ == "dative" and _grants_basing(verb):
        pred = "hosts"  # "gave American forces access to four more bases": it hosts them
    if obj_tok.lemma_.lower() in AID_NOUNS and obj_tok.pos_ == "NOUN":
        pred = "provides_aid_to"  # "came to Armenia's aid"
    if pred == GENERIC and prep == "against" and any(d.lemma_.lower() in ARMS_NOUNS for d in c.dobjs):
        pred = "attacks"  # "the MNLA took up arms against the state", "used weapons against civilians"
    if (lemma in RESPECTING_VERBS and prep in ("", "of") and obj_tok.dep_ in ("dobj", "pobj")
            and any(d.lemma_.lower() in SOVEREIGNTY_NOUNS for d in c.dobjs)):
        pred = "recognizes_sovereignty_of"  # "respected Afghanistan's sovereignty", "respect the integrity of X"
    if lemma == "take" and not c.particle and not prep and pred == GENERIC:
        pred = TAKEN  # "Russian forces took Kupiansk": ground taken is occupied (a place only, below)
    if pred == GENERIC and lemma in CUE_VERBS:
        return None  # "said X", "proclaimed X": what is said carries the relations, not the saying
    if pred == GENERIC and obj_tok.lemma_.lower() in CONDUCT_NOUNS:
        return None  # "would like to end Russia's presence": only a judgment of someone's conduct is about them
    if lemma in ADDRESS_VERBS and any(d.dep_ == "ccomp" for d in verb.children):
        return None  # "told Al Jazeera that ...": the one told is the audience, not the one ordered
    return pred


def _pair_objects(c: Clause, obj_tok, prep: str, pred: str, ctx: Context) -> tuple[str, list[str]]:
    """The entity keys an object stands for (with the predicate, which a side taken turns into an alliance): each
    other's subjects, whose side it is, the government armed, the accusers a denial answers."""
    if is_reciprocal(obj_tok):
        objects = c.subjects  # "Yerevan and Moscow blamed each other"
    elif prep == "on" and obj_tok.lemma_.lower() == "side" and (c.own == "attacks" or c.lemma in SIDING_VERBS):
        pred, objects = "allied_with", _sided_with(obj_tok, ctx)  # "fought on the side of the RSF"
    else:
        objects = ctx.entities([obj_tok])
    if pred == "provides_aid_to" and c.materiel:  # weapons sent to a capital go to its state
        objects = [ctx.government_of(k) or k if not ctx.is_person(k) else k for k in objects]
    if pred == "rejects":
        objects = _rejected(c, obj_tok, objects, ctx)
    return pred, objects


def _rejected(c: Clause, obj_tok, objects: list[str], ctx: Context) -> list[str]:
    """Who a rejection or denial answers: the accusers of "denied the allegations", "..., which X denies", "a claim
    Turkey disputed"; never the object of the charge ("says Iran arms the Houthis, a charge Tehran denies")."""
    allegation = obj_tok.lemma_.lower() in ALLEGATIONS
    if allegation and (obj_tok.dep_ == "appos" or (c.rebutted is not None and obj_tok.i == c.rebutted.i)):
        objects = []  # the charge is not the Houthis
    if obj_tok.lower_ in DENIED_PRONOUNS and c.lemma in DENYING_VERBS and not any(ctx.is_event(k) for k in objects):
        objects = _accusers(ctx, c.subjects, c.verb) or objects  # "accuses X of arming rebels, which X denies"
    if not objects and allegation:
        objects = _accusers(ctx, c.subjects, c.verb)  # "Yerevan denied the allegations": the accusers'
        if not objects and (obj_tok.dep_ in ("npadvmod", "appos") or c.rebutted is not None):
            # "X said Tehran had warned them, a claim Turkey disputed": whoever says the clause before the comma
            said = obj_tok if c.rebutted is None else next(
                t for t in reversed(ctx.doc[c.verb.sent.start:c.rebutted.i]) if t.is_punct).nbor(-1)
            claimant, _ = speech(said, ctx)
            objects = [claimant] if claimant is not None and claimant not in c.subjects else []
    return objects


def _subject_object_predicate(c: Clause, subj: str, obj: str, obj_tok, prep: str, pred: str,
                              ctx: Context) -> str | None:
    """The predicate between one subject and one object, told apart by what they are (people talking meet, an
    event is taken part in, a state holds no post); None when the pair is no relation ("attacked ... the war")."""
    lemma = c.lemma
    if pred == "hosts" and lemma in RECEIVING_VERBS and ctx.is_event(obj):
        return None  # "received credible reports", "received the peace plan": a thing received is no guest
    this = pred
    if this == GENERIC and lemma in CONVERSE_VERBS and prep == "with" and ctx.is_person(subj) and ctx.is_person(obj):
        this = "meets_with"  # "Rubio spoke with Jaishankar": two officials talking is a meeting
    if this == GENERIC and ctx.is_event(obj) and not ctx.is_event(subj) and lemma not in OUTSIDE_VERBS:
        this = "participant_in"  # "launched an offensive", "fought a long war"
    if prep in ("in", "during", "at", "through", "via", "with") and ctx.is_event(obj) and not ctx.is_event(subj):
        this = "participant_in"  # "seized power in a 2021 coup", "regained it through the war"
    if this in TARGET_PREDICATES and ctx.is_event(obj) and lemma in ("fight", "battle", "enter"):
        this = "participant_in"  # "fought a long war against X", "entered talks": taking part
    elif this in TARGET_PREDICATES and ctx.is_event(obj):
        return None  # "attacked ... the war": an attack's target is a party or a place, never an event
    if this == "affiliated_with" and prep == "with" and ctx.state_of(subj) == subj:
        this = GENERIC  # "Russia would continue to work with Armenia": a state holds no post with another
    if this == TAKEN:  # "took the ambassador aside", "took Ukraine's side": no ground taken
        this = GENERIC if _is_actor(obj, ctx) or ctx.is_event(obj) or ctx.state_of(obj) == obj else "occupies"
    if this == GENERIC and lemma == "belong" and prep == "to" and not ctx.is_event(obj):
        # "the personnel belong to the Wagner Group"; "Crimea belongs to Ukraine"
        this = ("affiliated_with" if _is_actor(subj, ctx) and ctx.state_of(subj) != subj
                else "part_of" if not _is_actor(obj, ctx) else GENERIC)
    if this == "ethnically_cleanses" and (ctx.state_of(obj) not in (None, obj) or ctx.is_person(obj)
                                          or ctx.is_organization(obj) or _expels_no_population(c.verb, obj_tok)):
        this = GENERIC  # "expelled Ethiopian troops / the ambassador / Philippine vessels": not a population
    if this == "accuses" and ctx.is_event(obj):
        this = "criticizes"  # "France condemned the attack": an act is criticized, a party accused
    if lemma in ENDORSE_VERBS and ctx.is_event(obj):
        this = "supports"  # "the US welcomed the deal": it endorses the deal, it does not host it
    if (lemma == "be" and obj_tok.dep_ == "attr" and ctx.state_of(obj) == obj and ctx.state_of(subj) != subj
            and not ctx.is_person(subj)):
        this = "part_of"  # "Artsakh is Armenia"
    return this


#: verbs that, "on X's side", put their subject in X's camp (with the fighting verbs): "entered the war on X's side"
SIDING_VERBS = {"enter", "intervene", "join", "stand", "serve"}


def _sided_with(side, ctx: Context) -> list[str]:
    """Whose side a "side" is: "on the side of the RSF", "on Azerbaijan's side", "on the Malian side" (the party
    itself, not the state a stand-in "side" would stand for)."""
    owners = [c for c in side.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    owners += [g for p in side.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return ctx.entities(owners)


#: predicates of disapproval, whose passive "in <capital>" names the critic: "was criticized in Yerevan"
DISAPPROVING = {"criticizes", "accuses"}


def _critics_at(verb, ctx: Context) -> list[str]:
    """The governments seated where a passive criticism was voiced: "Russia has been criticized in Yerevan for
    failing to stop the offensive" (Armenia's); none for a country ("criticized in Ukraine" names no speaker)."""
    places = ctx.entities([g for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children
                           if g.dep_ == "pobj"])
    return [g for g in map(ctx.government_of, places) if g is not None]


def _is_actor(key: str, ctx: Context) -> bool:
    """A person, an organization or a body of people ("Russian troops"), not a place nor a state."""
    return ctx.is_person(key) or ctx.is_organization(key) or "__" in key or key.startswith(("Group:", "Person:"))


#: arms and armed action, which taken up, used or launched "against" someone attack them: "took up arms against the
#: state", "used weapons against civilians", "launched operations against the rebels"
ARMS_NOUNS = {"arm", "arms", "weapon", "gun", "operation"}
#: verbs of respecting what they have for object: with a state's sovereignty, recognizing it
RESPECTING_VERBS = {"respect", "uphold", "honour", "honor", "guarantee", "safeguard"}
#: what a state's sovereignty is called: "Afghanistan's sovereignty", "the territorial integrity of Nepal"
SOVEREIGNTY_NOUNS = {"sovereignty", "integrity", "independence"}

#: the sense of "take" with a place for object: capturing it ("took Kupiansk"), else no relation
TAKEN = "taken"

#: verbs of talking, which with a phone or video link make a call: "spoke by phone with X"
CONVERSE_VERBS = {"speak", "talk", "converse", "chat", "confer"}
#: verbs whose object is what they send, never where it goes: "sent troops (to X)", "stationed a brigade in X"
SENDING_VERBS = {"send", "deploy", "redeploy", "station", "dispatch"}
#: verbs of going over a matter together, whose "with" names the one met: "discussed the war with X"
#: discussing verbs whose object is a topic ("discussed the war"), not whom one consults ("consulted their allies")
TOPIC_VERBS = {"discuss", "debate"}
DISCUSSING_VERBS = {"discuss", "debate", "consult"}
#: what a call goes over: "by phone", "over the telephone", "via video link"
CALL_MEDIA = {"phone", "telephone", "videophone", "video", "videoconference", "videolink", "link", "line", "call"}


def _by_phone(verb) -> bool:
    """Does ``verb`` say the talking went over a phone or video link ("by phone", "in a phone call", "via video
    link")?"""
    return any(g.lemma_.lower() in CALL_MEDIA and (g.lemma_.lower() in ("phone", "telephone", "videoconference")
                                                  or any(m.lower_ in ("phone", "telephone", "video") for m in g.lefts))
               for p in verb.children if p.dep_ == "prep" and p.lower_ in ("by", "over", "on", "via", "in", "during")
               for g in p.children if g.dep_ == "pobj")


#: verbs that hand what they have for object to another: with weapons for object, they arm the one it goes to
HANDING_VERBS = {"sell", "ship", "transfer", "export", "give", "hand", "donate", "lend", "lease", "airlift", "fly",
                 "smuggle", "funnel", "channel", "transport"}

#: what a state lets foreign forces use ("bases": spaCy's lemma of it is "basis")
BASING_NOUNS = {"base", "bases", "airbase", "airbases", "airfield", "airfields", "port", "ports", "harbour", "harbours",
                "harbor", "harbors"}
#: verbs of letting someone have something: "granted China access to a naval base"
GRANTING_VERBS = {"give", "grant", "offer", "allow", "extend", "provide", "expand"}


def _grants_basing(verb) -> bool:
    """Does ``verb`` give someone (its dative) access to bases or ports, hosting them ("has given American forces
    access to four more bases")?"""
    return verb.lemma_.lower() in GRANTING_VERBS and any(
        g.lower_ in BASING_NOUNS for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "access"
        for p in c.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj")


#: verbs whose subject acts on an event from outside it: "urged the council to stop the attacks" is no part in them
OUTSIDE_VERBS = {"stop", "halt", "end", "prevent", "avert", "investigate", "monitor", "observe", "document", "discuss",
                 "witness", "survive", "ignore", "mourn", "commemorate", "mark", "cover", "study", "probe"}

#: verbs that, with an event for object, endorse it ("welcomed the deal") rather than their own sense
ENDORSE_VERBS = {"welcome", "hail", "applaud", "salute"}

AID_VERBS = {"intervene", "protect", "defend", "help", "assist", "aid", "rescue", "save"}


def _aid_refused(rel: Relation, lemma: str) -> Relation:
    """A negated act of help ("Russia would not intervene on Armenia's behalf") is a positive fails_to_aid."""
    if rel.negated and (rel.predicate == "provides_aid_to" or lemma in AID_VERBS) and not (
            rel.cue and rel.cue.lower() in DENIAL_CUES):  # "denies arming X" is a denial, not a refusal to help
        return replace(rel, predicate="fails_to_aid", negated=False)
    return rel
