"""Who says it: the speaker of reported words read from what a quotation runs on into; on sentences written for
these tests (not taken from the seeds), through the real pipeline."""
from __future__ import annotations

import pytest

from tests.test_extract import only


def _said(extraction, subject, predicate, obj):
    return only(extraction, subject, predicate, obj).speaker


# --- quotations: one running on over paragraphs, one following another's attribution ---------------------------

@pytest.mark.parametrize("text, relation, speaker", [
    ('Felix Tshisekedi spoke on Monday. He said: "Rwanda is arming the M23.\n\n"Kigali also backs the rebels in Goma."',
     ("rwanda", "supports", "m23"), "felix_tshisekedi"),
    ('"Rwanda is arming the M23.\n\n"Kigali also backs the rebels in Goma," Felix Tshisekedi said.',
     ("rwanda", "provides_aid_to", "m23"), "felix_tshisekedi"),
    ('"Rwanda is arming the M23," said Felix Tshisekedi. "Kigali also backs the rebels in Goma."',
     ("rwanda", "supports", "m23"), "felix_tshisekedi"),
    # guards (pass without the rules): another sentence between the quotations; a stray mark opens nothing
    ('"Rwanda is arming the M23," said Felix Tshisekedi. Paul Kagame denied it. "Kigali backs the M23 in Goma."',
     ("rwanda", "supports", "m23"), None),
    ('He called it "a shame.\n\nRwanda backs the M23 in Goma, the UN says.', ("rwanda", "supports", "m23"),
     "united_nations"),
])
def test_quotations_run_on(extract_text, text, relation, speaker):
    assert _said(extract_text(text), *relation) == speaker
