"""Reading rules for errors found on articles about conflicts kg had never seen (Sahel, Lebanon, Myanmar, Ethiopia,
Afghanistan-Pakistan, Thailand-Cambodia, Turkey), on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.test_extract import rels


# --- stand-ins ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, absent", [
    ("The European Union and the United States have criticised the juntas for postponing elections.",
     ("european_union", "criticizes", "united_states")),
    ("Mali, Niger and Burkina Faso left the bloc. France and Germany condemned the regimes on Monday.",
     ("germany", "accuses", "france")),
    ("Sudan and Chad exchanged fire. The United States and Britain urged the governments to talk.",
     ("united_kingdom", "calls_for", "united_states")),
    ("Sudan and Chad exchanged fire. Egypt and Qatar called on the two countries to show restraint.",
     ("qatar", "calls_for", "egypt")),
])
def test_a_plural_ruler_is_not_the_one_state_named_last(extract_text, text, absent):
    assert absent not in rels(extract_text(text))


def test_a_singular_ruler_still_is_the_state_named_last(extract_text):
    # guard (passes either way): "the junta" is the state the paragraph is about
    found = rels(extract_text("Mali expelled the French ambassador. The European Union criticised the junta."))
    assert ("european_union", "criticizes", "mali") in found

