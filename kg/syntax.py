"""Dependency-parse helpers shared by the relation and event readers: a verb's subjects and objects, the
arguments of an event noun or verb, and the word lists they read (which entity a token stands for is
:class:`kg.context.Context`)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .predicates import Predicates

if TYPE_CHECKING:
    from .context import Context

#: verbs that frame their object as something ("X characterized the exodus as ethnic cleansing")
FRAMING_VERBS = {"characterize", "characterise", "describe", "call", "label", "brand", "consider", "perceive",
                 "regard", "see", "view", "term", "denounce", "condemn"}

#: verbs whose object noun carries the real predicate ("launched an attack", "carried out ethnic cleansing")
LIGHT_VERBS = {"launch", "carry", "conduct", "commit", "wage", "perpetrate", "stage", "mount", "begin", "start",
               "continue", "impose", "establish", "announce", "order", "make", "hold", "undertake", "present",
               "submit", "issue", "put", "deliver", "extend", "level", "file", "express", "voice", "shift",
               "assign", "lay", "place", "orchestrate", "organize", "organise", "lead", "complete", "finish",
               "resume", "step", "take", "gain", "assume", "wrest",
               # allowing it to be done: "approved arms sales to Taiwan" (the approver sells)
               "approve", "authorize", "authorise",
               # doing it again or harder: "renewed its criticism of X", "intensified attacks on X"
               "renew", "intensify", "escalate", "redouble", "sharpen", "reiterate", "repeat", "ramp"}

#: verbs whose prepositional object carries the real predicate, with that preposition: "doubled down on its
#: criticism of X", "embarked on an offensive against X", "pressed ahead with its attacks on X"
LIGHT_PREP_VERBS = {"double": "on", "embark": "on", "press": "with", "push": "with", "forge": "with",
                    "proceed": "with", "persist": "in"}

#: verbs whose object is a means, not the one who does what their infinitive says: "used the leak to criticize X"
#: (the user criticizes), unlike "urged X to withdraw"
MEANS_VERBS = {"use", "utilize", "utilise", "exploit", "leverage", "employ", "seize", "harness"}

#: verbs under which a people's independence from a state is its secession: "declared independence from Serbia"
#: (not "recognized its independence"; "seeks independence from X" is hedged, as for the calls_for verbs)
DECLARING_VERBS = {"declare", "proclaim", "win", "gain", "achieve"}

#: predicates whose noun names what is left with "from": "their withdrawal from the country", "secession from X"
FROM_PREDICATES = {"withdraws_from", "secedes_from"}

#: counts and runs of acts, whose "of" names the act: "hundreds of strikes", "a wave of drone attacks"
QUANTITY_NOUNS = {"hundred", "hundreds", "dozen", "dozens", "thousand", "thousands", "score", "scores", "series",
                  "wave", "waves", "barrage", "spate", "string", "round", "rounds", "salvo", "volley", "flurry"}

SKIP_PREPS = {"in", "at", "on", "during", "since", "until", "after", "before", "of", "following", "amid",
              "despite", "like", "as", "than", "over", "about", "within", "inside", "without"}

#: ("authority": the lemma the parser gives "authorities")
STATE_NOUNS = {"government", "authorities", "authority", "leadership", "side", "state", "administration", "regime",
               "junta", "cabinet", "territory", "soil", "presidency"}

#: nouns of how someone acts, which stand for them when judged: "criticized the presence of NATO troops"
CONDUCT_NOUNS = {"presence", "interference", "meddling", "conduct", "behavior", "behaviour"}

#: nouns that stand for whoever owns them: "Azerbaijani demands", "Lavrov's proposals", "on Armenia's behalf"
STANDIN_NOUNS = STATE_NOUNS | {"demand", "interest", "position", "stance", "point", "proposal", "claim", "statement",
                               "policy", "plan", "offer", "effort", "role", "behalf", "aid", "official",
                               "representative", "delegate", "sovereignty", "concern", "condition", "initiative", "request",
                               "decision", *CONDUCT_NOUNS,
                               "eyewitness", "witness", "member", "source", "spokesperson", "spokesman",
                               "spokeswoman", "town", "city", "village", "region", "province", "district", "capital",
                               "port", "outskirts", "suburb", "airport", "commander", "fighter",
                               "minister", "counterpart", "leader", "delegation", "envoy", "diplomat", "president",
                               "citizenship", "rule", "governance", "jurisdiction", "independence", "integrity",
                               "embassy", "consulate", "mission",
                               # what a state's forces field: "shot down a Russian jet", "Iranian drones hit X"
                               "jet", "plane", "aircraft", "warplane", "drone", "ship", "warship", "vessel", "convoy",
                               "base", "helicopter", "submarine", "tank", "force", "airfield", "airbase", "refinery",
                               "depot", "missile", "rocket", "artillery", "bomber",
                               # what a strike hits stands for its owner: "struck Houthi targets", "Hamas positions"
                               "target", "site", "facility", "stronghold", "hideout", "camp", "installation",
                               "launcher", "infrastructure", "troop", "soldier", "army", "military"}

#: stand-ins whose author a "by" phrase names: "rejected a proposal by the UN envoy"
AUTHORED_NOUNS = {"proposal", "offer", "request", "demand", "claim", "statement", "plan", "initiative", "decision"}

#: nouns that, after "as", name what the object belongs to: "recognized X as part of Y / as Azerbaijani territory"
TERRITORY_WORDS = {"part", "territory", "land", "soil"}
#: "acknowledges X as a sovereign concern of Y", "an internal matter of Y"
SOVEREIGN_WORDS = {"concern", "matter", "affair", "issue"}

#: stand-ins that speak or act for whoever governs a place: "the authorities in X", "X's leaders", "an X official"
GOVERNING_NOUNS = {"government", "authorities", "authority", "leadership", "administration", "regime", "junta",
                   "cabinet", "official", "leader", "representative", "envoy", "delegation", "minister", "spokesperson",
                   "spokesman", "spokeswoman"}

#: verbs that move one's own forces: "its troops" on them are the mover's ("urged Russia to withdraw its troops")
MOVING_VERBS = {"withdraw", "pull", "deploy", "redeploy", "send", "station", "move", "relocate", "bring"}

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}

THING_PRONOUNS = {"it", "its"}

RELATIVES = {"that", "which", "who", "whom"}

#: nouns that, bare and definite, are the government of the state the text is about: "the head of the junta"
RULERS = {"junta", "regime", "government"}

#: nouns that, bare and definite, refer back to a territory named before: "the region", "the enclave"
REGION_NOUNS = {"region", "territory", "enclave", "exclave", "province"}

#: verbs of naming in a relative clause that says what a noun is called: "the region, which Azerbaijanis call X"
NAMING_VERBS = {"call", "name", "dub"}

#: stand-ins for a place, which an "of" phrase names: "the town of X", "the port of X"
PLACE_STANDINS = {"town", "city", "village", "region", "province", "district", "capital", "port", "outskirts",
                  "suburb", "airport"}

#: standin nouns for people, which an apposition names: "his Azerbaijani counterpart, Ilham Aliyev"
#: participles whose agent mediates an event noun, not takes part: "talks mediated by Turkey"
MEDIATING = {"mediate", "broker", "host", "sponsor", "convene"}

#: fighters whom "X-led" makes X's: "Hamas-led gunmen", "a Saudi-led coalition", "US-led forces"
ARMED_NOUNS = {"gunman", "gunmen", "fighter", "militant", "force", "troops", "coalition", "rebel", "militia",
               "attacker", "insurgent", "alliance"}

PERSON_STANDINS = {"official", "representative", "eyewitness", "witness", "member", "spokesperson", "spokesman",
                   "spokeswoman", "minister", "counterpart", "leader", "envoy", "diplomat"}


#: verbs that report what someone says or holds: what their clause says is the subject's words (kg.speech)
CUE_VERBS = {"say", "claim", "accuse", "deny", "state", "announce", "characterize", "characterise", "describe",
             "allege", "argue", "insist", "assert", "declare", "report", "confirm", "warn", "suggest", "believe",
             "tell", "note", "stress", "add", "write", "call", "maintain", "contend", "acknowledge", "admit",
             "promise", "complain", "perceive", "consider", "think", "label", "brand", "blame", "explain",
             "reject", "credit", "cite", "emphasize", "emphasise", "recall", "predict", "estimate", "accept",
             "proclaim", "concede", "testify", "recount", "affirm", "reiterate", "suspect",
             "doubt", "question", "conclude", "dismiss", "refute"}

#: verbs whose complement is asked for, not done: "pressed X to sign", "urged the council to convene"
REQUEST_VERBS = {"urge", "ask", "call", "demand", "request", "press", "push", "invite", "encourage", "appeal"}

#: verbs that deny an allegation appended to the clause it answers: "..., a charge Baku rejects"
REBUTTING_VERBS = {"deny", "reject", "dismiss", "refute", "dispute", "rebuff", "contest"}

#: acts of the speaker's own that may follow a report: "X said Y had shelled the plant and urged the IAEA to act"
SPEAKER_ACTS = REQUEST_VERBS | REBUTTING_VERBS | {"condemn", "denounce", "criticize", "criticise", "deplore", "decry",
                                                  "welcome", "praise", "hail", "thank", "vow", "pledge", "threaten"}

#: the speaker's own acts that a reported actor rarely does in the same breath, so that one in the reporting verb's
#: tense goes with it even when the reported verb has that tense too: "Kyiv said Russian troops shelled the plant and
#: urged the IAEA to act" (Kyiv urges), not "... shelled the plant and threatened the town" (the troops threaten)
STATEMENT_ACTS = SPEAKER_ACTS - {"vow", "pledge", "threaten", "push", "press", "invite", "encourage", "thank"}

#: verbs whose "with" phrase is what their object did: "credited Qatar with brokering", "charged X with shelling"
CREDITING_VERBS = {"credit", "charge"}

#: verbs of being asked or reached, whose "by" is no actor in what the clause reports: "Asked by Reuters, X said"
ADDRESSING_VERBS = {"ask", "question", "interview", "contact", "reach", "approach", "quote", "press"}


def conjuncts(tok):
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def is_verb(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def is_reciprocal(tok) -> bool:
    """'each other' / 'one another'."""
    return (tok.lower_ == "other" and any(c.lower_ == "each" for c in tok.children)) or (
        tok.lower_ == "another" and any(c.lower_ == "one" for c in tok.children))


def fronted(prep, verb) -> bool:
    """A prepositional phrase that opens the clause before its verb's subject ("With this offer from X, Y declined"):
    a circumstance of the act, not one of its objects."""
    if prep.i > verb.i:
        return False
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and prep.i < min(subjects)


def relative_object(verb):
    """The noun a relative clause with no relative pronoun takes for object through its gap ("the groups [it
    blames] for the attack": the groups), or None (it has an object or a passive subject of its own, or a
    relative pronoun: "the groups that attacked", "the region, which Russia instigated")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.dep_ in ("dobj", "nsubjpass") for t in verb.children):
        return None
    if not any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") and c.lower_ != "that" for c in verb.children):
        return None
    if any(t.tag_ in ("WDT", "WP", "WP$") or t.lower_ == "that" for t in verb.doc[verb.head.i + 1:verb.i]):
        return None  # "conflicts in ..., South Ossetia, which Russia instigated": a pronoun the parser may misplace
    return verb.head


def possessive_gerund(tok):
    """The gerund a possessive noun is the subject of, where the parser made the gerund a modifier of the noun
    ("Serbian forces' occupying a third of X": "occupying" hangs on "forces" as an adjective or a clause), else
    None."""
    if not any(c.dep_ == "case" and c.tag_ == "POS" for c in tok.children):
        return None
    return next((c for c in tok.rights if c.dep_ in ("amod", "acl") and c.tag_ == "VBG"), None)


def is_gerund_noun(tok) -> bool:
    """A gerund the parser made a noun, with a possessor for its subject: "Russia's capturing (of X)"."""
    return (tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lower_.endswith("ing")
            and any(c.dep_ == "poss" for c in tok.children))


def gerund_verbs(tok) -> list[str]:
    """The verb lemmas a gerund noun may come from: "capturing" -> capture, "shelling" -> shell."""
    stem = tok.lower_[:-3]
    out = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.append(stem[:-1])  # "running" -> run
    return out


def misparsed_gerund(verb) -> bool:
    """Is ``verb`` a gerund the parser made an adjective of its own object after "of"/"for" ("accused Russia of
    shelling Kharkiv" with "shelling" an amod of "Kharkiv")?"""
    head = verb.head
    return (verb.dep_ == "amod" and verb.tag_ == "VBG" and head.pos_ == "PROPN" and head.dep_ == "pobj"
            and head.left_edge.i == verb.i and head.head.lower_ in ("of", "for") and is_verb(head.head.head))


def reporting_conjunct(verb) -> bool:
    """Is ``verb`` a cue verb or an act of the speaker's own without a subject of its own that the parser
    coordinated with the clause a verb reports, though its tense goes with the reporting verb: "told X that Russia
    had shelled Y and accused Z", "said Russian troops had shelled the plant and urged the IAEA to act" (not "said
    the US had armed and trained the army")? A call, condemnation or rebuttal in the reporting verb's tense goes with
    it even when the reported verb has that tense too ("said Russian troops shelled the plant and urged ...")."""
    head = verb.head
    if not (verb.dep_ == "conj" and is_verb(head) and head.dep_ == "ccomp" and is_verb(head.head)
            and verb.tag_ == head.head.tag_
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)):
        return False
    lemma, reporting = verb.lemma_.lower(), head.head.lemma_.lower() in CUE_VERBS
    if verb.tag_ != head.tag_:
        return lemma in CUE_VERBS or (reporting and lemma in SPEAKER_ACTS)
    return reporting and lemma in STATEMENT_ACTS and head.lemma_.lower() not in SPEAKER_ACTS


def subjects_of(verb) -> tuple[list, list]:
    """(agent tokens, passive patient tokens) of a verb, inherited where the verb has none of its own."""
    agents, patients = [], []
    if verb.dep_ == "amod" and verb.tag_ == "VBG" and possessive_gerund(verb.head) == verb:
        return [verb.head], []  # "Serbian forces' occupying X": the forces occupy X
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and possessive_gerund(child) is not None:
            continue  # "X's occupying Y shocked Z": the occupying, not X, shocked Z
        if child.dep_ in ("nsubj", "csubj"):
            agents.append(child)
        elif child.dep_ == "nsubjpass":
            patients.append(child)
        elif child.dep_ == "agent":
            agents.extend(g for g in child.children if g.dep_ == "pobj")
    cut = [a for a in agents if a.i < verb.i and any(t.text == ":" for t in verb.doc[a.i:verb.i])]
    if cut and len(cut) < len(agents):  # "Lavrov: Ukraine attacked X": the name before the colon speaks
        agents = [a for a in agents if a not in cut]
    if (agents and not patients and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i != verb.i
            and not any(c.dep_ == "nsubj" for c in verb.children)):
        patients = [verb.head]  # "the army, led by General X": the army is led (not "claims that X had shelled Y")
    elif (agents and not patients and verb.dep_ == "advcl" and verb.tag_ == "VBN" and is_verb(verb.head)
          and verb.lemma_.lower() not in ADDRESSING_VERBS
          and not any(c.dep_ in ("mark", "aux", "auxpass") for c in verb.children)):
        # "Belgrade, backed by Russia, refuses ...", "Armed by Iran, the Houthis ...": the main clause's subject
        patients = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if agents or patients:  # "Hundreds of Palestinians fled": the Palestinians did
        return [counted(a) for a in agents], [counted(p) for p in patients]
    head = verb.head
    if head.i == verb.i:
        return agents, patients
    if misparsed_gerund(verb):  # "accused Russia of shelling Kharkiv", "shelling" made an adjective of "Kharkiv"
        head = head.head
    if (verb.dep_ == "pcomp" or misparsed_gerund(verb)) and head.dep_ in ("prep", "conj"):  # "accused X of deploying"
        gov = head.head
        while gov.dep_ == "conj" and gov.pos_ == "ADP":
            gov = gov.head
        # "accused X of deploying", "blamed X for shelling": X does it; "violated Y by shelling": the subject does
        objs = [c for c in gov.children if c.dep_ == "dobj"] if head.lower_ in ("of", "for") or (
            head.lower_ == "with" and gov.lemma_.lower() in CREDITING_VERBS) else []  # "credited X with brokering"
        if not objs and head.lower_ in ("of", "for") and relative_object(gov) is not None:
            objs = [relative_object(gov)]  # "the diplomats it accuses of arming X": the diplomats arm X
        if objs:
            return objs, []
        if is_verb(gov):
            agents, patients = subjects_of(gov)
            if patients and (not agents or head.lower_ in ("of", "for")):
                # "X has been accused (by Y) of supplying weapons": X supplies (in the accusers' words)
                return patients, []
            return agents, patients
    if verb.dep_ == "conj" and is_gerund_noun(head):  # "Russian forces' capturing and holding X": the forces hold X
        return [c for c in head.children if c.dep_ == "poss"], []
    if verb.dep_ == "conj" and reporting_conjunct(verb):
        return subjects_of(head.head)  # "told X that Russia had shelled Y and accused Z": the teller accuses
    if verb.dep_ in ("conj", "advcl") and is_verb(head):
        agents, patients = subjects_of(head)
        if (verb.dep_ == "conj" and head.dep_ == "ccomp" and agents and all(a.dep_ == "csubj" for a in agents)
                and is_verb(head.head)):
            # "X said that protecting them was a priority and accused Y of ...": a clause accuses no one; the
            # parser hung the second verb on the reported clause instead of on "said"
            return subjects_of(head.head)
        return agents, patients
    if verb.dep_ == "xcomp" and is_verb(head):
        objs = [c for c in head.children if c.dep_ == "dobj"  # "urged X to withdraw": X withdraws
                and head.lemma_.lower() not in MEANS_VERBS]  # "used the leak to criticize X": the user does
        objs = objs or [g for p in head.children if p.dep_ == "prep" and p.lower_ in ("on", "upon")
                        for g in p.children if g.dep_ == "pobj"]  # "called on X to accept": X accepts
        if objs:
            return objs, []
        agents, patients = subjects_of(head)
        if any(c.dep_ == "auxpass" for c in verb.children):
            return [], agents or patients  # "X is to be dissolved": X is what is dissolved
        return agents or patients, []  # "X was seen shaking hands with Y": X shakes hands
    if verb.dep_ in ("relcl", "acl"):
        if verb.tag_ == "VBN":  # "the cleansing carried out by Y": the head is the patient
            return agents, [head]
        return [head], []
    return agents, patients


#: verbs that, with "control" for object, gain or keep it ("seized control of X"); not "lost control of X"
CONTROL_VERBS = {"seize", "regain", "retake", "retain", "keep", "maintain", "tighten", "consolidate", "expand",
                 "cement", "reassert", "secure"}


#: prepositions of an opening phrase that sets a meeting as the clause's occasion: "During talks with X, Y said"
SETTING_PREPS = {"in", "during", "at", "on", "over"}


def coordinated_preps(prep) -> list:
    """A preposition and those coordinated with it: "spoke with X and with Y" hangs the second "with" on the
    first, with Y for its own object."""
    out, todo = [], [prep]
    while todo:
        p = todo.pop(0)
        out.append(p)
        todo += [c for c in p.children if c.dep_ == "conj" and c.pos_ == "ADP"]
    return out


#: words for a share of something: the verb acts on the whole named after "of" ("took part of the Kharkiv region",
#: "captured most of Goma", "controls large swathes of the north")
PORTION_WORDS = {"part", "parts", "most", "much", "half", "rest", "remainder", "swathe", "swathes", "swath", "swaths",
                 "chunk", "chunks", "portion", "portions", "section", "sections", "bulk", "majority",
                 # a fraction or a share counted: "occupied a third of X", "holds 20 percent of X"
                 "third", "thirds", "quarter", "quarters", "fifth", "fifths", "fraction", "percent", "%"}


def portion_of(tok) -> list:
    """The wholes after a share word that stands as an object ("[part] of the Kharkiv region"), else []."""
    if tok.lower_ not in PORTION_WORDS and tok.lemma_.lower() not in PORTION_WORDS:
        return []
    return [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


def objects_of(verb, *, locative: bool = False, phrasal=frozenset()) -> list[tuple[object, str]]:
    """(object token, preposition) pairs of a verb; locative preps ("in", "inside") only when asked;
    any preposition the vocabulary pairs with this verb ("call on", "withdraw from") always; the whole a share
    of it stands for ("took part of X": X)."""
    out = [(verb.head, "")] if misparsed_gerund(verb) else []  # "of shelling Kharkiv" read as "of Kharkiv"
    for child in verb.children:
        if child.dep_ == "dobj" and portion_of(child) and verb.lemma_.lower() != "be":
            out.extend((g, "") for g in portion_of(child))
        elif child.dep_ in ("dobj", "attr", "dative", "oprd"):
            out.append((child, ""))
        elif (child.dep_ == "ccomp" and verb.lemma_.lower() in DEMANDING_VERBS
              and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)):
            out.extend((c, "") for c in child.children if c.dep_ == "nsubj")  # "demanded that Armenia change X"
        elif child.dep_ == "prep" and not fronted(child, verb):
            for prep, g in ((p, g) for p in coordinated_preps(child) for g in p.children):
                if g.dep_ != "pobj":
                    continue
                if (prep.lower_ not in SKIP_PREPS or g.lemma_.lower() == "behalf" or prep.lower_ in phrasal
                        or (prep.lower_ == "as" and g.lemma_.lower() in TERRITORY_WORDS | SOVEREIGN_WORDS)
                        or (locative and prep.lower_ in ("in", "inside", "into", "within", "on"))):
                    out.append((g, prep.lower_))
    return out


#: verbs of demanding whose that-clause's subject is who is urged: "Baku demanded that Armenia change its constitution"
DEMANDING_VERBS = {"demand", "ask", "request", "urge"}


#: targets that move: where they were hit is no target of the attack ("attacked ships in the Red Sea")
MOBILE_TARGETS = {"ship", "vessel", "tanker", "boat", "freighter", "carrier", "warship", "convoy", "aircraft", "plane",
                  "airliner", "jet", "helicopter", "drone", "truck", "lorry", "vehicle", "bus", "car", "train"}


#: words that count what follows their "of": the quantity nouns, "a number of villages", "several of the ships"
#: (numerals count too: ``like_num``)
COUNT_NOUNS = QUANTITY_NOUNS | {"number", "couple", "pair", "handful", "several", "many", "some"}


def counted(tok):
    """The noun a count stands for ("[dozens] of merchant ships": ships), else the token itself."""
    if tok.lower_ in COUNT_NOUNS or tok.like_num:
        return next((g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                     if g.dep_ == "pobj"), tok)
    return tok


def is_mobile(tok) -> bool:
    """Whether a target moves (a ship, a convoy, "dozens of tankers"): where it was hit is no target."""
    return counted(tok).lemma_.lower() in MOBILE_TARGETS


#: predicates of what one sends another (an order, a call, an offer, support), whose noun names the sender with
#: "from" ("orders from Beijing to state media") and the one it goes to with "to"
SENT_PREDICATES = {"instructs", "calls_for", "proposes_to", "supports", "provides_aid_to"}


def noun_arguments(noun, ctx: Context, predicates: Predicates | None = None, pred: str | None = None):
    """(agent, patient, place tokens, hedged) of an event noun: "the blockade of X by Y", "Y launched an
    attack on X", "characterized the exodus of A as a cleansing carried out by Y", "called for talks with X"."""
    agents, patients, places = [], [], []
    outer = noun  # "carried out hundreds of strikes in Syria": the count stands in the clause for the strikes
    if (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN"
            and noun.head.head.lemma_.lower() in QUANTITY_NOUNS):
        outer = noun.head.head
    preps = [p for c in noun.children if c.dep_ == "prep" for p in coordinated_preps(c)]
    if outer is not noun:
        preps += [c for c in outer.children if c.dep_ == "prep" and c.i != noun.head.i]
    for prep in preps:
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        mutual_of = prep.lower_ == "of" and pred is not None and predicates is not None and predicates.is_symmetric(pred)
        if pred == "secedes_from" and prep.lower_ != "from":
            if prep.lower_ == "of":  # "the secession of Transnistria (from Moldova)": who secedes
                agents.extend(objs)
            continue  # "recognized the independence of Kosovo", "independence on 17 February": from no one
        if pred == "flees_to" and prep.lower_ == "of":  # "the flight of 200,000 Rohingya to Bangladesh": who flee
            agents.extend(objs)
            continue
        if prep.lower_ == "by" or mutual_of or (prep.lower_ == "from" and pred in SENT_PREDICATES):
            # "talks by X"; "a summit of the EAC": those who meet, not whom someone meets; "orders from X"
            agents.extend(objs)
        elif prep.lower_ in ("of", "against", "on", "to", "toward", "towards", "with", "between") or (
                prep.lower_ == "from" and pred in FROM_PREDICATES):  # "their withdrawal from the country"
            # "the largest attack of the war": the war it is part of, not its target
            patients.extend(o for o in objs if not (prep.lower_ == "of" and o.i in ctx.key_at
                                                    and ctx.is_event(ctx.key_at[o.i])))
        elif prep.lower_ in ("in", "into", "at", "near", "along", "across", "inside", "within"):
            places.extend(objs)  # "the ceasefire along the Line of Control"
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.tag_ == "VBN":  # "cleansing carried out by Y (and facilitated by Z)"
            for verb in conjuncts(child):
                if verb.lemma_.lower() in MEDIATING:
                    continue  # "talks mediated by Turkey": Turkey mediates them (a relation of its own), no party
                for agent in (c for c in verb.children if c.dep_ == "agent"):
                    agents.extend(g for g in agent.children if g.dep_ == "pobj")
                # "the agreement reached on Thursday between A, B and C": the sides it is between
                patients.extend(g for p in verb.children if p.dep_ == "prep" and p.lower_ == "between"
                                for g in p.children if g.dep_ == "pobj")
        elif child.dep_ == "poss":
            agents.append(child)
        elif (child.dep_ == "compound" and child.i in ctx.key_at and ctx.key_at[child.i] != ctx.key_at.get(noun.i)
              and ctx.is_event(ctx.key_at[child.i])):
            patients.append(child)  # "ceasefire violations": violations of the ceasefire
        elif (child.dep_ in ("amod", "compound") and child.i in ctx.key_at and not agents
              and ctx.key_at[child.i] != ctx.key_at.get(noun.i)):
            agents.append(child)  # "the Azerbaijani attack"
    head = outer.head
    mutual = pred is not None and predicates is not None and predicates.is_symmetric(pred)
    if outer.dep_ == "dobj" and is_verb(head) and (head.lemma_.lower() in LIGHT_VERBS
                                                   or (mutual and head.lemma_.lower() == "have")
                                                   or (pred == "secedes_from" and head.lemma_.lower() in DECLARING_VERBS)
                                                   or (pred == "controls" and head.lemma_.lower() in CONTROL_VERBS)):
        # ... "had a phone conversation with X", "had talks with X": having a meeting is holding it
        agents.extend(subjects_of(head)[0])  # "Baku launched an attack on X", "presented a proposal to X"
        patients.extend(g for p in head.children if p.dep_ == "prep" and p.lower_ in ("to", "against", "on", "onto", "upon")
                        for g in p.children if g.dep_ == "pobj")
        # "took control of Gaza", "declared independence from Serbia": the preposition the parser hung on the verb
        # right after the noun is the noun's
        hung = {"controls": ("of", "over"), "occupies": ("of", "over"), "secedes_from": ("from",)}.get(pred, ())
        patients.extend(g for p in head.children if p.dep_ == "prep" and p.lower_ in hung
                        and p.i == outer.right_edge.i + 1 for g in p.children if g.dep_ == "pobj")
    if outer.dep_ == "dobj" and is_verb(head) and pred in SENT_PREDICATES:
        # "revealed instructions by X to Y": the "to" the parser hung on the verb right after the noun is the noun's
        patients.extend(g for p in head.children if p.dep_ == "prep" and p.lower_ == "to"
                        and p.i == outer.right_edge.i + 1 for g in p.children if g.dep_ == "pobj")
    if outer.dep_ == "nsubjpass" and is_verb(head) and head.lemma_.lower() in LIGHT_VERBS:
        # "genocide is being committed by X against Y", "attacks were launched by X on Y"
        agents.extend(g for a in head.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
        patients.extend(g for p in head.children if p.dep_ == "prep" and p.lower_ in ("against", "on", "upon")
                        for g in p.children if g.dep_ == "pobj")
    if (outer.dep_ == "pobj" and is_verb(head.head) and LIGHT_PREP_VERBS.get(head.head.lemma_.lower()) == head.lower_
            and not fronted(head, head.head)):
        agents.extend(subjects_of(head.head)[0])  # "X doubled down on its criticism of Y", "embarked on an offensive"
    if noun.dep_ == "pobj" and head.lower_ == "as":  # "characterized the exodus of A as an ethnic cleansing"
        gov = head.head
        framed = []
        if is_verb(gov) and gov.lemma_.lower() in FRAMING_VERBS:
            framed = [c for c in gov.children if c.dep_ == "dobj"]
        elif gov.dep_ == "dobj" and is_verb(gov.head) and gov.head.lemma_.lower() in FRAMING_VERBS:
            framed = [gov]
        for f in framed:
            for prep in (c for c in f.children if c.dep_ == "prep" and c.lower_ == "of"):
                patients.extend(g for g in prep.children if g.dep_ == "pobj")
    patients = [w for t in patients for w in (portion_of(t) or [t])]  # "control of much of Khartoum": Khartoum
    dated = ("DATE", "TIME", "CARDINAL", "ORDINAL")
    agents = [t for t in agents if t.ent_type_ not in dated]
    patients = [t for t in patients if t.ent_type_ not in dated]
    places = [t for t in places if t.ent_type_ not in dated]
    if patients and pred in ("attacks", "occupies", "controls", "blocks") and not ctx.entities(patients):
        # "strikes on six locations in Pakistan": a target kg cannot name is where it is; not a moving one ("attacks
        # on ships in the Red Sea" are not attacks on the sea)
        inner = [g for t in patients if t.pos_ == "NOUN" and not is_mobile(t)
                 for p in t.children if p.dep_ == "prep"
                 and p.lower_ in ("in", "inside", "across") for g in p.children if g.dep_ == "pobj"
                 and g.ent_type_ not in dated]
        if ctx.entities(inner):
            patients = inner
    if not patients and places and pred in ("attacks", "occupies", "controls", "blocks", "deploys_to"):
        patients = places
    hedged = False
    if (not agents and mutual and noun.dep_ == "pobj" and head.lower_ in SETTING_PREPS and is_verb(head.head)
            and fronted(head, head.head)):
        agents.extend(subjects_of(head.head)[0])  # "In a call with X, Y urged ...": Y is the other side of the call
    elif (not agents and predicates is not None and (noun.dep_ == "dobj" or (
            noun.dep_ == "pobj" and head.lower_ not in SKIP_PREPS))):  # "X called for talks with Y"
        verb = head.head if noun.dep_ == "pobj" else head
        if is_verb(verb) and predicates.for_verb(verb.lemma_.lower(), "", head.lower_ if noun.dep_ == "pobj" else "") in (
                "calls_for", "proposes_to", "seeks", "rejects", "supports", "opposes"):
            agents.extend(subjects_of(verb)[0])
            hedged = True
    return agents, patients, places, hedged


def verb_arguments(verb, ctx: Context):
    """(agent, patient, place tokens) of an event verb ("the ministers convened in Moscow")."""
    agents, patients = subjects_of(verb)
    places = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            patients.append(child)
        elif child.dep_ == "prep":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if child.lower_ in ("in", "at", "near", "inside"):
                places.extend(objs)
            elif child.lower_ in ("with", "against", "on", "between"):
                patients.extend(objs)
    return agents, patients, places
