"""Whose words a relation is, and how firmly they are said: the speaker and cue verb of reported speech
("X said that ...", "according to X", every sentence of a quotation), negation and hedging.

Used by :mod:`kg.relations` on the token that carries each relation.
"""
from __future__ import annotations

import re

from .nlp import text_of
from .quotations import quotations
from .context import Context
from .syntax import (CREDITING_VERBS, CUE_VERBS, REBUTTING_VERBS, REQUEST_VERBS, SPEAKER_ACTS, conjuncts, is_verb,
                     reporting_conjunct, subjects_of)

HEDGES = {"reportedly", "allegedly", "potentially", "possibly", "apparently", "likely", "perhaps", "probably",
          "seemingly", "arguably", "presumably", "supposedly"}

#: verbs whose infinitive complement did not happen: "failed to protect", "refused to recognize"
FAIL_VERBS = {"fail", "refuse", "decline", "neglect"}
HEDGE_VERBS = {"appear", "seem", "imply",
               # an act only threatened, planned or attempted is not said to have happened
               "threaten", "plan", "intend", "vow", "pledge", "promise", "want", "seek", "try", "attempt", "prepare",
               "consider", "propose", "offer", "hope", "aim", "expect", "wish", "plot"}

#: nouns whose infinitive names an act not (yet) done: "a proposal to resume talks", "plans to build a base"
UNDONE_NOUNS = {"proposal", "offer", "plan", "request", "demand", "call", "bid", "attempt", "threat", "effort",
                "intention", "proposition", "invitation", "appeal", "ultimatum", "readiness", "willingness"}

#: auxiliaries of acts not (yet) done: "may have attacked", "must withdraw", "will invade", "would intervene"
MODALS = {"may", "might", "could", "must", "should", "will", "would", "shall", "'ll", "wo"}


#: verbs of holding a view: what "X regards/views/treats A as part of B" or "X considers A part of B" says is
#: X's claim, not the source's
VIEW_VERBS = {"regard", "view", "treat", "deem", "see", "consider", "perceive"}

#: nouns naming someone's standing line, whose owner holds the view a gerund states: "treating A as part of B
#: is a cornerstone of the country's policy" is the country's view
POLICY_NOUNS = {"policy", "politics", "politic", "doctrine", "position", "stance", "strategy", "ideology", "narrative",
                "identity", "agenda", "platform", "worldview", "line", "thinking", "programme", "program",
                "constitution", "consensus"}

#: cue words whose content the speaker doubts: said, but not as so
DOUBT_CUES = {"doubt", "doubts", "doubted", "question", "questions", "questioned"}
DOUBT_VERBS = {"doubt", "question"}

#: cue words whose content the speaker says is not so
DENIAL_CUES = {"deny", "denies", "denied", "denying", "refute", "refutes", "refuted", "dismiss", "dismisses",
               "dismissed", "reject", "rejects", "rejected", "rejecting"}
#: cue words that deny only what an allegation or a that-clause says ("rejected accusations that it armed X"), not
#: what they take for object ("rejected the appeal to Moscow" does not say there was no appeal)
REJECT_CUES = {"reject", "rejects", "rejected", "rejecting", "dismiss", "dismisses", "dismissed"}
#: nouns of what someone alleges
ALLEGED_NOUNS = {"accusation", "allegation", "claim", "charge", "report", "assertion", "suggestion", "rumour", "rumor"}


def denial_reaches(tok, cue: str) -> bool:
    """Does the denial cue over ``tok`` deny it? "denied arming X" yes; "rejected the appeal to X" only when
    what is rejected is an allegation or a that-clause ("rejected claims that ...")."""
    if cue.lower() not in REJECT_CUES:
        return True
    child = tok
    for parent in tok.ancestors:
        if parent.text == cue:
            return child.dep_ == "ccomp"
        if parent.pos_ == "NOUN" and parent.lemma_.lower() in ALLEGED_NOUNS:
            return True
        child = parent
    return False

#: what may stand between the comma and the allegation noun: "a charge", "an unfounded claim", "similar accusations"
_REBUTTAL_MODIFIERS = {"DT", "JJ", "RB"}


def rebutted_allegation(verb):
    """The allegation noun of a rebuttal appended after a comma to the clause it answers, with ``verb`` its
    denial: "X accused Y of Z, a charge Y rejects", "..., claims Moscow has dismissed", "..., accusations that
    Algiers denied"; else None. The parser often hangs the clause before on the denial, or reads "claims" as a
    verb with the denial for complement."""
    if verb.lemma_.lower() not in REBUTTING_VERBS or verb.i - verb.sent.start < 4:
        return None
    comma = next((t for t in reversed(verb.doc[verb.sent.start:verb.i]) if t.is_punct), None)
    if comma is None or comma.text != "," or comma.i == verb.sent.start:
        return None
    between = verb.doc[comma.i + 1:verb.i]
    noun = next((t for t in between if t.tag_ not in _REBUTTAL_MODIFIERS), None)
    if noun is None or not (noun.lemma_.lower() in ALLEGED_NOUNS or noun.lower_[:-1] in ALLEGED_NOUNS):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > noun.i]
    if not subjects or any(is_verb(t) and t.dep_ not in ("aux", "auxpass") and t.i != noun.i for t in between):
        return None  # "..., claims that Russia has rejected the plan are false" is no rebuttal
    return noun


def _rebuttal_of(verb, child) -> bool:
    """Is ``verb`` (a denial, or "claims" the parser read as a verb) part of a rebuttal appended after the clause
    ``child`` stands for ("Kyiv accused Moscow of X, a charge the Kremlin rejects"), or ``child`` the denial under
    that "claims"? The clause is not the denier's words, nor the denial the accuser's; the one who denies rejects
    the accuser (:mod:`kg.relations`)."""
    noun = rebutted_allegation(verb)
    if noun is None:  # "claims" read as a verb over the denial: "..., claims Moscow has dismissed"
        denied = [rebutted_allegation(c) for c in verb.children if c.dep_ == "ccomp"]
        noun = verb if any(n is not None and n.i == verb.i for n in denied) else None
    return noun is not None and (child.right_edge.i < noun.i or (noun.i == verb.i and child.i > verb.i))


def flags(tok) -> tuple[bool, bool]:
    """(negated, hedged) for a predicate token, looking at its own and its governing verb's dependents."""
    negated = any(c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det")) for c in tok.children)
    if is_verb(tok):  # "Neither the CSTO nor Russia came ..."
        negated = negated or any((g.dep_ == "preconj" and g.lower_ == "neither") or (g.dep_ == "det" and g.lower_ == "no")
                                 for c in tok.children if c.dep_ == "nsubj" for g in c.children)  # "No state has ..."
    hedged = any((c.dep_ == "aux" and c.lower_ in MODALS) or (c.dep_ == "advmod" and c.lower_ in HEDGES)
                 or (c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")) for c in tok.children)
    head = tok.head
    if tok.dep_ in ("acl", "xcomp", "relcl", "advcl") and head.pos_ == "NOUN" and head.lemma_.lower() in UNDONE_NOUNS:
        hedged = True  # "a proposal to resume talks", "a plan to invade": proposed or planned, not done
    if head.i != tok.i and tok.dep_ in ("xcomp", "conj", "pcomp", "dobj", "pobj") and is_verb(head):
        h_neg, h_hedge = flags(head)
        if tok.dep_ == "xcomp" and head.lemma_ in HEDGE_VERBS | REQUEST_VERBS:
            h_hedge = True
        if tok.dep_ == "xcomp" and head.lemma_ in FAIL_VERBS:
            h_neg = not h_neg  # "failed to protect", "refused to recognize": the act did not happen
        negated = negated or (tok.dep_ in ("xcomp", "dobj") and h_neg)
        hedged = hedged or h_hedge
    return negated, hedged


#: what a clause can be "according to" whose author is named by "by"/"from": "according to a report by Amnesty"
SOURCE_NOUNS = {"report", "study", "statement", "assessment", "estimate", "investigation", "analysis", "document",
                "letter", "release", "survey", "count", "tally", "figure", "data"}


def _according_to(verb, ctx: Context) -> str | None:
    """"..., according to Ukrainian officials" / "according to a report by Amnesty": who the clause is from."""
    for acc in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "according"):
        for to in (c for c in acc.children if c.dep_ == "prep" and c.lower_ == "to"):
            for pobj in (c for c in to.children if c.dep_ == "pobj"):
                key = ctx.entity(pobj)
                if (key is None or ctx.is_event(key)) and pobj.lemma_.lower() in SOURCE_NOUNS:  # "a report by X"
                    key = next(iter(ctx.entities([g for p in pobj.children if p.dep_ == "prep"
                                                  and p.lower_ in ("by", "from") for g in p.children
                                                  if g.dep_ == "pobj"])), None)
                if key is not None:
                    return key
    return None


def speech(tok, ctx: Context, subject: str | None = None):
    """(speaker key, cue word) when ``tok`` sits inside what a cue verb reports, or in a clause "according to" X; of
    several who say it together, the ``subject`` of what is said when it is one of them ("Mali and Niger said they
    were leaving ECOWAS": each says it leaves)."""
    child, contrast, relative, claim = tok, None, False, None
    while True:
        if contrast is None and _contrasting(child):
            contrast = child
        if claim is None and child.dep_ in ("acl", "relcl") and _that_clause(child) and not _denying_it(child):
            claim = _claimant(child.head, ctx)
        if is_verb(child):
            key = _according_to(child, ctx)
            if key is not None:
                return key, "according to"
        if child.head.i == child.i or rebutted_allegation(child) is not None:
            # a rebuttal appended to a clause ("..., accusations that Algiers rejected") is said by no one there
            trailing = _trailing_cue(child, ctx)
            if trailing is not None:
                return trailing
            break
        parent = child.head
        if is_verb(parent) and _reports(parent, child) and not (relative and child.dep_ not in ("ccomp", "xcomp")):
            if relative and (parent.text.lower() in DENIAL_CUES | DOUBT_CUES or cue_negated(child, parent.text)):
                # what a relative clause says holds outside a denial or doubt: "Israel has never confirmed that it
                # carried out the strike, which killed seven officers" (the writer says it killed them)
                return None, None
            if contrast is not None and parent.i < contrast.i:
                return None, None  # "X said A, while Washington urged B": B is not in X's words
            nsubjs = [c for c in parent.children if c.dep_ == "nsubj"]
            if nsubjs:
                # the parser may take a dateline for a second subject ("YEREVAN, Oct 4 — the ministry said
                # that ..."): the one that names someone speaks
                key = next((key for key in map(ctx.entity, nsubjs) if key is not None), None)
                if subject is not None and key is not None and key != subject and subject in ctx.entities(nsubjs):
                    key = subject
                if key is None:
                    key = _titled_person(nsubjs, ctx)
                if key is None or ctx.is_event(key):
                    key = _author(nsubjs, ctx) or key  # "A report commissioned by the EU concluded that ..."
                if key is None and any(n.lower_ in ("we", "i") for n in nsubjs):
                    key = (_transcript_speaker(tok, ctx) or (None,))[0]  # "Maria Zakharova: ... We have seen how"
                return key, parent.text
            agents, _ = subjects_of(parent)
            for subj in agents:
                key = ctx.entity(subj)
                if key is not None:
                    return key, parent.text
            # nobody named holds it: "X contends that a basis exists (there is reason) to believe that ...": X's words
            infinitive = parent.dep_ in ("relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                 for c in parent.children)
            outer = speech(parent.head if infinitive else parent, ctx)
            return outer if outer[0] is not None else (None, parent.text)
        if child.dep_ == "relcl" and _that_clause(child):
            # a that-clause the parser hung on a noun: "citing two officials, that India had struck X"
            verb = parent.head
            if parent.dep_ == "dobj" and is_verb(verb) and verb.lemma_.lower() in ("cite", "quote"):
                return ctx.entity(parent), verb.text
            child = parent
            continue
        if child.dep_ == "conj" and is_verb(child) and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            child = parent  # "said X and that Russia would continue": the second that-clause is said too
            continue
        if (child.dep_ == "conj" and is_verb(child) and child.head.dep_ == "ccomp" and is_verb(child.head)
                and _one_clause(child)  # "said it supports X and urged Y": "urged" goes with "said"
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.head.children)
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
                and child.lemma_.lower() not in CUE_VERBS and not reporting_conjunct(child)):
            child = parent  # "She said the US had armed and trained the army": both acts are said
            continue
        if child.dep_ == "conj" and is_verb(child):
            return None, None  # a coordinated act: the source's voice
        if child.dep_ == "relcl" and child.lemma_.lower() in CUE_VERBS | REBUTTING_VERBS:
            return None, None  # "X say Y belongs to Z, which Bamako denies": a speech act of its own, told by the source
        if child.dep_ == "relcl":
            # a relative clause describing something is said by whoever says the clause it stands in: "X said that
            # troops, who crossed the border on Monday, had shelled Y" (X's words); not "X rejected the proposal
            # that Y made" (a noun the cue takes for object is no reported clause)
            relative = True
        child = parent
    if claim is not None and claim[0] is not None:
        return claim
    found = _headline_speaker(tok, ctx) or _transcript_speaker(tok, ctx) or _quoted_by(tok, ctx)
    return found if found[0] is not None or claim is None else claim


def _one_clause(conj) -> bool:
    """Is the verb coordinated with a reported verb part of the same reported clause? It is when both have the same
    form ("had armed and trained the army"), or when it is a past form the parser made of a participle that shares
    the perfect's "had" ("X said Y had flown a drone and then fired rockets"), unless it is an act of the speaker's
    own ("... had shelled the plant and urged the IAEA to act")."""
    head = conj.head
    if conj.tag_ == head.tag_:
        return True
    return (conj.tag_ == "VBD" and head.tag_ == "VBN" and conj.lemma_.lower() not in SPEAKER_ACTS
            and any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children))


def reported_agents(sent, ctx: Context) -> list[tuple[int, str, str]]:
    """(cue index, speaker, agent) for each one a cue verb in ``sent`` reports doing something: "Thailand said the
    mines had been laid by Cambodia" -> (said, thailand, cambodia), what "the accusation" Cambodia rejects next may
    be. Not what a denial or a doubt reports."""
    out = []
    for cue in sent:
        lemma = cue.lemma_.lower()
        if not is_verb(cue) or lemma not in CUE_VERBS or lemma in REBUTTING_VERBS | DOUBT_VERBS:
            continue
        speakers = [k for k in ctx.entities(subjects_of(cue)[0]) if not ctx.is_event(k)]
        clauses = [v for c in cue.children if c.dep_ == "ccomp" for v in conjuncts(c) if is_verb(v)]
        agents = [k for v in clauses for k in ctx.entities(subjects_of(v)[0]) if not ctx.is_event(k)]
        out += [(cue.i, speaker, agent) for speaker in speakers[:1] for agent in agents if agent != speaker]
    return out


def _denying_it(clause) -> bool:
    """Is ``clause`` a denial without an object of its own, a relative clause however parsed ("claims that Russia has
    rejected")?"""
    return clause.lemma_.lower() in REBUTTING_VERBS and not any(c.dep_ in ("dobj", "ccomp") for c in clause.children)


def _claimant(noun, ctx: Context):
    """(owner, noun) of a claim noun a that-clause hangs on, for when no cue verb above reports it: "Kyiv's claims
    that Russia shelled X were rejected by Moscow", "allegations by the UN that ..." are the owner's words; "reports
    that ..." are someone's (owner None)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ALLEGED_NOUNS:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("by", "from") for g in p.children
               if g.dep_ == "pobj"]
    return next((k for k in map(ctx.entity, owners) if k is not None and not ctx.is_event(k)), None), noun.text


#: conjunctions of a clause set against the one it hangs on: "X said A, while Washington urged B"
CONTRASTING = {"while", "whereas", "whilst"}


def _contrasting(clause) -> bool:
    """Is ``clause`` one with its own subject set against the clause before by "while" or "whereas" after a comma
    ("..., while Washington urged B")? Not "while" of time ("attacked while the troops slept")."""
    return (clause.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            and any(c.dep_ == "mark" and c.lower_ in CONTRASTING and c.i > 0 and (
                c.lower_ != "while" or c.nbor(-1).text in (",", ";", "—")) for c in clause.children))


#: words a headline may put before the speaker's name: "President Ilham Aliyev: ...", "Russia's Lavrov: ..."
_HEADLINE_TITLE_POS = {"PROPN", "NOUN", "ADJ", "PART", "DET"}


def _headline_speaker(tok, ctx: Context):
    """(speaker, ":") for ``tok`` after a colon that a person's name opens the sentence with ("Zelensky: Russia is
    massing troops", "President X: Armenia must change its constitution"): a headline quoting that person. Not a
    place or a body before the colon ("Sudan: RSF kills 100" names a topic)."""
    sent = tok.sent
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None or tok.i <= colon.i or colon.i - sent.start > 8 or colon.i == sent.start:
        return None
    before = sent.doc[sent.start:colon.i]
    keys = {ctx.key_at.get(t.i) for t in before if t.i + 1 >= len(t.doc) or t.doc[t.i + 1].tag_ != "POS"} - {None}
    if len(keys) != 1 or not ctx.is_person(next(iter(keys))):
        return None
    key = keys.pop()
    if any(t.i not in ctx.key_at and (t.pos_ not in _HEADLINE_TITLE_POS or t.is_lower and t.pos_ != "PART")
           for t in before):
        return None  # "Officials in Kyiv said this of Zelensky: ..." is no headline
    if ctx.key_at.get(colon.i - 1) != key:
        return None  # the name ends the part before the colon
    return key, ":"


#: a paragraph opened by a speaker's label: one to four capitalized words and a colon ("Maria Zakharova: ...",
#: "Question: ...")
_TURN_LABEL = re.compile(r"(?:^|\n[ \t]*\n\s*)([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]")


def _transcript_speaker(tok, ctx: Context):
    """(speaker, ":") for ``tok`` in a transcript's turn: a paragraph a person's name and a colon open ("Maria
    Zakharova: We have ...") and the paragraphs after it up to the next label ("Question: ..."), in a text with
    two such labels or more; None elsewhere."""
    turns = _turns(tok.doc, ctx)
    start = next((s for s, _ in reversed(turns) if s <= tok.idx), None)
    return (dict(turns)[start], ":") if start is not None and dict(turns)[start] is not None else None


def _turns(doc, ctx: Context) -> list[tuple[int, str | None]]:
    """(offset after the label, its speaker's key or None) of a transcript's turns, in order; [] unless the text
    has two labels or more."""
    cache = doc.user_data.setdefault("kg_turns", {})
    if "turns" not in cache:
        text, found = text_of(doc), []
        for m in _TURN_LABEL.finditer(text):
            label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            keys = {ctx.key_at.get(t.i) for t in label} - {None} if label is not None else set()
            key = next(iter(keys)) if len(keys) == 1 and ctx.is_person(next(iter(keys))) else None
            found.append((m.end(), key))
        cache["turns"] = found if len(found) >= 2 and any(k for _, k in found) else []
    return cache["turns"]


def _trailing_cue(verb, ctx: Context):
    """(speaker, cue) of an attribution after a comma that the parser made a second clause: "The RSF attacked
    Omdurman, al-Burhan told reporters" (parsed as "attacked ... and told")."""
    for cue in (c for c in verb.children if c.dep_ == "conj" and is_verb(c) and c.lemma_.lower() in CUE_VERBS):
        if any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
            continue  # "..., and X said that ...": a statement of its own
        subjects = [c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i]
        if not subjects or cue.doc[subjects[0].left_edge.i - 1].text != ",":
            continue
        key = ctx.entity(subjects[0])
        if key is not None and not ctx.is_event(key):
            return key, cue.text
    return None


#: title words the parser may make the subject of a long "Title of Body Rank Name" phrase
SUBJECT_TITLES = {"general", "director", "minister", "secretary", "president", "chief", "head", "commander",
                  "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador", "governor"}


def _titled_person(subjects, ctx: Context) -> str | None:
    """The one person a title the parser made the subject names: "Director General of ISPR Lieutenant General
    Ahmed Sharif Chaudhry said" (the subject is "General")."""
    for subj in subjects:
        if subj.lower_ not in SUBJECT_TITLES:
            continue
        people = {ctx.key_at[t.i] for t in subj.subtree if t.i in ctx.key_at and ctx.is_person(ctx.key_at[t.i])}
        if len(people) == 1:
            return people.pop()
    return None


#: the offices and services through which someone speaks: "Zelensky's office said", "the Kremlin press service"
SPEAKING_BODIES = {"office", "service", "intelligence", "staff", "headquarters", "secretariat", "chancellery",
                   "camp", "team"}


def _author(subjects, ctx: Context) -> str | None:
    """Who a report, study or statement that speaks is from, or whose office speaks: "a report by Amnesty", "a
    report commissioned by the EU", "a UN report", "Amnesty's report", "Zelensky's office", "the office of the
    president"."""
    for subj in subjects:
        lemma = subj.lemma_.lower()
        if lemma not in SOURCE_NOUNS | SPEAKING_BODIES:
            continue
        owners = [c for c in subj.children if c.dep_ in ("poss", "compound", "amod")]
        owners += [g for p in subj.children if p.dep_ == "prep" and (p.lower_ in ("by", "from") or (
            p.lower_ == "of" and lemma in SPEAKING_BODIES)) for g in p.children if g.dep_ == "pobj"]
        owners += [g for v in subj.children if v.dep_ == "acl" and v.tag_ == "VBN" for a in v.children
                   if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        for owner in owners:
            key = ctx.entity(owner)
            if key is not None and not ctx.is_event(key):
                return key
    return None


def _reports(verb, child) -> bool:
    """Does ``child`` stand for what cue verb ``verb`` says or holds ("said that ...", "regards X as ...")?
    Not a clause before it across a semicolon: "Kosovo blames Belgrade; Serbia denies involvement" is two
    statements, however the parser hangs them."""
    if child.i < verb.i and any(t.text == ";" for t in verb.doc[child.right_edge.i:verb.i]):
        return False
    if _rebuttal_of(verb, child):
        return False  # "X accused Y of Z, a charge Y rejects": the accusation is not Y's words
    lemma = verb.lemma_.lower()
    if lemma in VIEW_VERBS and (child.dep_ in ("ccomp", "oprd", "xcomp") or (child.dep_ == "prep" and child.lower_ == "as")):
        return True
    if lemma in FINDING_VERBS and child.dep_ == "ccomp":
        return True  # "an Amnesty report found that X had shelled Y": the report's finding
    if lemma in CHARGE_VERBS and child.dep_ == "prep" and (
            child.lower_ == "for" or (child.lower_ == "with" and lemma in CREDITING_VERBS)):
        return True  # "blamed X for shelling Y", "credited X for (with) brokering the deal": what X did, in their words
    return (lemma in CUE_VERBS and child.dep_ in ("ccomp", "xcomp", "prep", "dobj", "oprd", "pcomp")
            and not (child.dep_ == "prep" and child.lower_ in ("for", "on", "to", "with")))


#: verbs that report a finding only with a that-clause ("found that ..."; not "found weapons")
FINDING_VERBS = {"find", "show", "reveal", "establish", "determine"}

#: cue verbs whose "for" phrase is what the one blamed or credited did
CHARGE_VERBS = {"blame", "credit", "accuse", "fault", "charge"}


def view_holder(verb, ctx: Context) -> str | None:
    """Who holds the view a subjectless gerund states, when the clause it is the subject of says whose line it
    is: "Treating A as part of B is a cornerstone of the country's policy" -> the country."""
    if verb.dep_ != "csubj" or verb.tag_ != "VBG":
        return None
    inside = {t.i for t in verb.subtree}
    for tok in verb.head.subtree:
        if tok.i not in inside and tok.lemma_.lower() in POLICY_NOUNS and tok.pos_ == "NOUN":
            for owner in (c for c in tok.children if c.dep_ == "poss"):
                key = ctx.entity(owner)
                if key is not None:
                    return key
    return None


def _quotes(ctx: Context) -> list[tuple[tuple[tuple[int, int], ...], object]]:
    """(stretches, cue verb) of every quotation whose speaker a cue verb right after it ('," he said') or right
    before it ('Lavrov said: "') names; a quotation with neither that follows one with a cue in the same paragraph
    right after the cue's sentence goes on with those words ('"A," said X. "B."'). Computed once per doc."""
    if getattr(ctx, "quote_spans", None) is not None:
        return ctx.quote_spans
    doc, text = ctx.doc, text_of(ctx.doc)
    spans: list = []
    for quotation in quotations(text):
        start, end = quotation[0][0], quotation[-1][1]
        cue = _cue_around(doc, text, start, end)
        if cue is None and spans and spans[-1][0][-1][1] < start:
            last = spans[-1][1]  # the cue of the quotation before, when only the rest of its sentence lies between
            between = text[max(last.sent.end_char, spans[-1][0][-1][1] + 1):start]
            if last.sent.end_char <= start and not between.strip() and "\n\n" not in between:
                cue = last
        if cue is not None:
            spans.append((quotation, cue))
    ctx.quote_spans = spans
    return spans


def _cue_around(doc, text: str, start: int, end: int):
    """The cue verb of the quotation from mark ``start`` to mark ``end``: right after it ('," he said', '," said X')
    or right before it, after a colon ('Lavrov said: "')."""
    after = doc.char_span(end + 1, len(text), alignment_mode="expand") if end + 1 < len(text) else None
    if after is not None and (text[end - 1] in ",!?" or text[end + 1:end + 3].lstrip().startswith(",")):
        cue = next((t for t in doc[after.start:min(after.start + 8, after.sent.end)]
                    if is_verb(t) and t.lemma_.lower() in CUE_VERBS), None)
        if cue is not None:
            return cue
    before = text[:start].rstrip()
    if before.endswith(":"):
        colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if colon is not None:
            return next((t for t in reversed(list(colon.sent)) if t.i < colon.start and is_verb(t)
                         and t.lemma_.lower() in CUE_VERBS), None)
    return None


def _quoted_by(tok, ctx: Context):
    """(speaker, cue) of a quotation ``tok`` stands in, when its own sentence has no cue: the first sentences
    of '"Armenia has recognized Karabakh. Baku acts on its territory," he said.', a paragraph a quotation runs on
    into."""
    for quotation, cue in _quotes(ctx):
        if any(start < tok.idx < end for start, end in quotation) and not (cue.sent.start <= tok.i < cue.sent.end):
            for subj in subjects_of(cue)[0]:
                key = ctx.entity(subj)
                if key is not None:
                    return key, cue.text
    return None, None


def _cue_verb(tok, cue: str):
    """The cue verb (by its text, as :func:`speech` returned it) that ``tok`` stands under, or None."""
    return next((verb for verb in tok.ancestors if verb.text == cue), None)


def passive_cue(tok, cue: str) -> bool:
    """Is the cue verb over ``tok`` a passive with nobody named ("X has been accused of ...", "is said to")?"""
    verb = _cue_verb(tok, cue)
    return verb is not None and (any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
                                 and not any(c.dep_ == "agent" for c in verb.children))


def cue_negated(tok, cue: str) -> bool:
    """Is the cue verb over ``tok`` itself negated ("did not deny", "neither confirmed nor denied")?"""
    verb = _cue_verb(tok, cue)
    if verb is None:
        return False
    return (any(c.dep_ == "neg" for c in verb.children)
            or (verb.dep_ == "conj" and any(c.lower_ == "nor" for c in verb.head.children)))


def _that_clause(clause) -> bool:
    """A clause with "that" as its conjunction and a subject of its own: a complement, not a relative clause."""
    return (any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("who", "which", "that")
                    for c in clause.children))
