"""Speakers across turn-by-turn statements, the speaker's own acts coordinated with what they report, and plural
stand-ins for states named just before ("the two countries"), on sentences written for these tests (not taken from
the seeds), through the real pipeline."""
from __future__ import annotations

import pytest

from tests.test_extract import rels


def _voices(extraction):
    return {(r.subject, r.predicate, r.object): r.speaker for r in extraction.relations}


# --- a call or condemnation in the reporting verb's tense is the reporter's own act ------------------------------

@pytest.mark.parametrize("text, act, reported", [
    ("Kyiv said Russian troops had shelled the plant and urged the IAEA to act.",
     ("ukraine", "calls_for", "iaea"), ("russia__troops", "calls_for", "iaea")),
    ("Kyiv said Russian troops shelled the plant and urged the IAEA to act.",
     ("ukraine", "calls_for", "iaea"), ("russia__troops", "calls_for", "iaea")),
    ("Kyiv says Russian troops are shelling the plant and urges the IAEA to act.",
     ("ukraine", "calls_for", "iaea"), ("russia__troops", "calls_for", "iaea")),
])
def test_a_call_after_a_report_is_the_reporters(extract_text, text, act, reported):
    voices = _voices(extract_text(text))
    assert voices.get(act, "missing") is None, voices
    assert reported not in voices, voices


def test_a_threat_in_the_reported_tense_stays_the_reported_actors(extract_text):
    # guard (passes either way): a threat may be the reported actor's own in the same breath
    voices = _voices(extract_text("Washington said Iran armed the Houthis and threatened Saudi Arabia."))
    assert voices.get(("iran", "provides_aid_to", "houthis")) == "united_states", voices
    assert ("united_states", "opposes", "saudi_arabia") not in voices, voices
