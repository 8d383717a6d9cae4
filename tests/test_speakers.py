"""Who says it: the speaker of reported words read from who speaks for a body and what a quotation runs on into;
on sentences written for these tests (not taken from the seeds), through the real pipeline."""
from __future__ import annotations

import pytest

from tests.test_extract import only


def _said(extraction, subject, predicate, obj):
    return only(extraction, subject, predicate, obj).speaker


# --- people inside a body, its spokespeople and its offices speak for it -----------------------------------------

@pytest.mark.parametrize("text, relation, speaker", [
    ("Sources in the Malian army told AFP that Wagner fighters attacked Gao.",
     ("wagner_group", "attacks", "gao_ml"), "mali__army"),
    ("Sources within the Sudanese army said the RSF had attacked El Fasher.",
     ("rsf", "attacks", "el_fasher"), "sudan__army"),
    ("Soldiers in the Ukrainian army said that Russian forces shelled Kharkiv.",
     ("russia__forces", "attacks", "kharkiv_ua"), "ukraine__army"),
    ("A spokesman for the Russian foreign ministry said that NATO had attacked Serbia in 1999.",
     ("nato", "attacks", "serbia"), "russian_foreign_ministry"),
    ("Russia's foreign ministry spokeswoman said that NATO had attacked Serbia in 1999.",
     ("nato", "attacks", "serbia"), "russia"),
    ("Zelensky's office said in a statement that Russia had shelled Kharkiv.",
     ("russia", "attacks", "kharkiv_ua"), "volodymyr_zelensky"),
    ("Ukraine's military intelligence said Russia had shelled Kharkiv.", ("russia", "attacks", "kharkiv_ua"), "ukraine"),
    ("The Kremlin press service said that Ukraine had attacked Belgorod.",
     ("ukraine", "attacks", "belgorod_ru"), "russia"),
    # a finding is a report's words
    ("Amnesty International's report found that the RSF had attacked El Fasher.",
     ("rsf", "attacks", "el_fasher"), "amnesty_international"),
    ("A UN investigation established that Eritrean troops had attacked Axum.",
     ("eritrea__troops", "attacks", "axum"), "united_nations"),
    # the authorities of a land kg knows no state or government of are the land's own
    ("The authorities in Transnistria accused Moldova of blockading Tiraspol.",
     ("moldova", "blocks", "tiraspol_md"), "transnistria"),
    ("The authorities in Abkhazia said Georgia had attacked Sukhumi.", ("georgia", "attacks", "sukhumi"), "abkhazia"),
    # guards (pass without the rules too): sources in a town speak for no one; officials in a capital for its state
    ("Sources in Goma said that the M23 had attacked Sake.", None, None),
    ("Officials in Kyiv said that Russia had shelled Kharkiv.", ("russia", "attacks", "kharkiv_ua"), "ukraine"),
])
def test_who_speaks_for_a_body(extract_text, text, relation, speaker):
    found = extract_text(text)
    if speaker is None:  # the guard only checks that no one speaks
        assert all(r.speaker is None for r in found.relations), [(r.subject, r.speaker) for r in found.relations]
        return
    assert _said(found, *relation) == speaker


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
