"""Which clause an event mention stands in: the date of another clause is not its date, a known event at a
capital is not what a story about other states names, and a checkpoint is not the blockade named beside it."""
from __future__ import annotations

import pytest


def dates(extraction, event_type: str) -> list[str | None]:
    return [e.date.start if e.date else None for e in extraction.entities
            if e.type == "Event" and e.event_type == event_type]


@pytest.mark.parametrize("text, etype", [
    # only possible, planned or to be avoided under the verb the date hangs on: not of that day
    ("Turkish officials said on Tuesday that Ankara was ready to host talks between Russia and Ukraine.", "Talks"),
    ("The Sudanese foreign minister said on Monday that a ceasefire agreement with the RSF could be signed in "
     "Jeddah.", "Ceasefire"),
    ("President Ruto warned on Friday that the deal would help avoid a new war between Ethiopia and Eritrea.", "War"),
    # set beside the clause the date is in
    ("Qatar hosted talks between Kinshasa and the M23 in March 2025, while Angola chaired several meetings in "
     "Luanda.", "Meeting"),
    # the date inside a relative clause about something else
    ("The Ukrainian withdrawal from Avdiivka came after a siege of the town, the last stronghold near Donetsk, "
     "which Russian forces had imposed since October 10, 2023.", "Withdrawal"),
])
def test_the_date_of_another_clause_does_not_date_the_event(extract_text, text, etype):
    found = dates(extract_text(text, date="2025-04-30"), etype)
    assert found and found == [None] * len(found), found


@pytest.mark.parametrize("text, etype, start", [
    # guards (pass either way): the clause's own date, and a real event only in the time around a modal
    ("Qatar hosted talks between Kinshasa and the M23 in March 2025, while Angola chaired several meetings in "
     "Luanda.", "Talks", "2025-03"),
    ("Kyiv said the talks between Russia and Ukraine could resume in Istanbul on April 28.", "Talks", "2025-04-28"),
    # fail without their refinements: an event named before as the subject is real, and "during" the clashes is the time of what would not happen, the clashes happened
    ("Kenya said on Tuesday that the peace deal between Ethiopia and the TPLF would help avoid a new war.",
     "Agreement", "2025-04-29"),
    ("Serbia's president said last year that NATO would not intervene during clashes in northern Kosovo.", "War",
     "2024"),
])
def test_the_clauses_own_date_still_dates_the_event(extract_text, text, etype, start):
    assert start in dates(extract_text(text, date="2025-04-30"), etype)


@pytest.mark.parametrize("text, joined", [
    # the US, the state Washington stands for, is named too, but none of the accord's other sides
    ("The United States hosted the leaders of the DRC and Rwanda at the White House in June. Whether the "
     "Washington accord holds depends on Kigali.", False),
    # guard (passes either way): a story that names the accord's sides
    ("Israel and the United Arab Emirates normalized ties. The Washington accord reshaped the Gulf.", True),
])
def test_a_known_event_at_a_capital_needs_a_story_about_its_sides(extract_text, text, joined):
    ex = extract_text(text, date="2025-07-01")
    assert ("abraham_accords" in {e.id for e in ex.entities}) == joined


@pytest.mark.parametrize("text", [
    # "the blockade" refers back to no checkpoint
    "Serbian police set up a checkpoint at the Jarinje crossing in July 2022. Kosovo condemned the move, but the "
    "blockade continued for weeks.",
    # a blockade at the checkpoint's place is another event
    "Serbian police set up a checkpoint at the Jarinje crossing. Serb protesters mounted a blockade of the Jarinje "
    "crossing.",
])
def test_a_blockade_is_not_the_checkpoint_named_beside_it(extract_text, text):
    ex = extract_text(text, date="2022-09-01")
    checkpoint = next(e for e in ex.entities if e.type == "Event" and any(m.text == "checkpoint" for m in e.mentions))
    assert not any("blockade" in m.text for m in checkpoint.mentions)


@pytest.mark.parametrize("text, etype, start", [
    ("Abiy Ahmed met Isaias Afwerki in Asmara. It was the first summit since the two countries went to war in the "
     "late 1990s.", "Meeting", "1990"),
    ("Abiy Ahmed met Isaias Afwerki in Asmara. It was the first summit since the two countries went to war in "
     "1998.", "Meeting", "1998"),
])
def test_a_date_in_a_clause_of_what_came_before_does_not_date_the_event(extract_text, text, etype, start):
    assert start not in dates(extract_text(text, date="2018-07-09"), etype)
