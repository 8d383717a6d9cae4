"""One relation as one source makes it in one sentence: its evidence (provenance), and whose words it is and
how firmly (:mod:`kg.speech`: speaker, cue verb, negation, hedging)."""
from __future__ import annotations

from dataclasses import replace

from .model import Provenance, Relation
from .nlp import text_of
from .speech import (ALLEGED_NOUNS, DENIAL_CUES, DOUBT_CUES, REJECT_CUES, cue_negated, denial_reaches, flags,
                     passive_cue, speech)


def provenance(sent, source: str, section: str, rule: str, confidence: float) -> Provenance:
    text = text_of(sent.doc)[sent.start_char:sent.end_char]
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    return Provenance(source=source, sentence=stripped, start=sent.start_char + lead,
                      end=sent.start_char + lead + len(stripped), rule=rule, confidence=confidence, section=section)


def writers_voice(rel: Relation) -> Relation:
    """A description in the writer's own words (a title, "X-led"), even inside a reported sentence; a negated one
    keeps its voice (the negation is someone's)."""
    return rel if rel.negated else replace(rel, speaker=None, cue=None)


def make_relation(subject, predicate, obj, sent, ctx, anchor, source, section, rule, confidence, verb_text):
    negated, hedged = flags(anchor)
    speaker, cue = speech(anchor, ctx, subject)
    if cue is not None and cue.lower() in REJECT_CUES and not denial_reaches(anchor, cue):
        speaker, cue = None, None  # "Moldova rejected Transnistria's appeal to Moscow": the appeal is no one's claim
    if (cue is not None and cue.lower() in DENIAL_CUES and predicate not in ("rejects", "accuses")
            and denial_reaches(anchor, cue)):
        if cue_negated(anchor, cue):
            hedged = True  # "Israel neither confirmed nor denied striking Iran": said neither way
        else:
            negated = not negated  # "Tehran denies arming the Houthis": in Iran's words, Iran does not arm them
    elif cue is not None and cue_negated(anchor, cue):
        hedged = True  # "Israel has never confirmed that it carried out the strike": not said either way
    if cue is not None and cue.lower() in DOUBT_CUES:
        hedged = True  # "analysts doubt that Venezuela will invade"
    if cue is not None and speaker is None and predicate not in ("accuses", "rejects") and (
            passive_cue(anchor, cue) or cue.lower() in ALLEGING_CUES or cue.lower().rstrip("s") in ALLEGED_NOUNS):
        hedged = True  # "X has been accused of supplying weapons", "Critics accuse X of ...", "reports that ...":
        # someone's claim
    return Relation(subject=subject, predicate=predicate, object=obj,
                    provenance=provenance(sent, source, section, rule, confidence),
                    speaker=speaker, cue=cue, negated=negated, hedged=hedged, verb=verb_text)


#: cue words of an accusation: what they report is the accuser's claim, never the source's, even when kg cannot
#: tell who the accuser is ("Critics accuse X of arming Y")
ALLEGING_CUES = {"accuse", "accuses", "accused", "accusing", "allege", "alleges", "alleged", "alleging", "blame",
                 "blames", "blamed", "blaming"}
