"""Acts seen missed on unseen text: arms taken up and operations launched against someone, ground overrun,
sovereignty respected. Sentences written for these tests (not the seeds), through the real pipeline."""
from __future__ import annotations

import pytest

from tests.test_extract import only


# --- armed action against someone, ground overrun ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("In 2012 the MNLA took up arms against the Malian government.", ("mnla", "attacks", "mali")),
    ("The Ethiopian army launched operations against the TPLF in Tigray.", ("ethiopia__army", "attacks", "tplf")),
    ("The Colombian army conducted military operations against the FARC near the border.",
     ("colombia__army", "attacks", "farc")),
    ("Turkey's military operations against the PKK continued for months.", ("turkey", "attacks", "pkk")),
    ("The M23 overran Rubaya in April.", ("m23", "occupies", "rubaya")),
])
def test_armed_action_against_someone_attacks_them(extract_text, text, expected):
    rel = only(extract_text(text), *expected)
    assert rel.speaker is None and not rel.negated


# --- respecting a state's sovereignty recognizes it ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected, negated", [
    ("India pledged to respect the territorial integrity of Nepal.", ("india", "recognizes_sovereignty_of", "nepal"),
     False),
    ("Russia does not respect Ukraine's independence.", ("russia", "recognizes_sovereignty_of", "ukraine"), True),
])
def test_respecting_sovereignty_recognizes_it(extract_text, text, expected, negated):
    assert only(extract_text(text), *expected).negated is negated
