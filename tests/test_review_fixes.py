"""Readings a review of session 7's rules found wrong, on sentences written for these tests (not from the seeds)."""
from __future__ import annotations

import pytest

from tests.test_extract import rels


@pytest.mark.parametrize("text, accused, victim", [
    ("Russia blamed the deaths of Ukrainian soldiers on NATO.", "nato", "ukraine__soldiers"),
    ("Kinshasa blamed the fall of Goma on Rwanda.", "rwanda", "goma_cd"),
])
def test_what_is_blamed_on_someone_accuses_them_not_the_victims(extract_text, text, accused, victim):
    found = {(s, o) for s, p, o in rels(extract_text(text)) if p == "accuses"}
    assert any(o == accused for _, o in found) and not any(o == victim for _, o in found), found


def test_a_ministry_is_not_the_state_of_a_reported_clauses_subject(extract_text):
    ex = extract_text("Ukraine said Russia launched 40 drones overnight. The Foreign Ministry called it a war crime.")
    ids = {e.id for e in ex.entities}
    assert "ukraine__foreign_ministry" in ids and "russian_foreign_ministry" not in ids, ids


@pytest.mark.parametrize("text, person", [
    ("Ali told reporters on Monday that the talks had failed.", "ali"),
    ("David met the foreign minister in Kyiv on Friday.", "david"),
])
def test_a_town_name_that_acts_as_a_person_stays_a_person(extract_text, text, person):
    types = {e.id: e.type for e in extract_text(text).entities}
    assert types.get(person) == "Person", types


def test_consulting_someone_is_no_meeting_of_the_consulters(extract_text):
    assert ("france", "meets_with", "germany") not in rels(extract_text(
        "France and Germany consulted their allies on Tuesday."))
    # guard: discussing a topic together is one
    assert ("france", "meets_with", "germany") in rels(extract_text("France and Germany discussed the war on Tuesday."))


def test_hosting_is_no_reaction_of_support(extract_text):
    assert ("egypt", "supports", "turkey") not in rels(extract_text(
        "Turkey sent troops to Libya, a move that Egypt hosted."))


def test_an_unclosed_quotation_does_not_make_the_next_paragraphs_narration_quoted(extract_text):
    ex = extract_text('The mayor said: "We will hold the city.\n\n'
                      'Officials called it "terror". Russian forces shelled Kharkiv today, the governor said, in what '
                      'he called "revenge".', date="2024-06-30")
    dated = {e.event_type: e.date.start for e in ex.entities if e.type == "Event" and e.date is not None}
    assert dated.get("Attack") == "2024-06-30", dated


# --- session 8's review ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, absent", [
    ("Qatar Airways suspended flights to Tehran on Monday.", "qatar_airways"),  # a company, no people of Qatar
    ("Two suspects fled the scene on Monday.", None),  # a few who flee are no displacement
])
def test_no_people_and_no_displacement_where_there_is_none(extract_text, text, absent):
    ex = extract_text(text)
    if absent:
        assert absent not in {e.id for e in ex.entities}
    else:
        assert not [e for e in ex.entities if e.type == "Event" and e.event_type == "Displacement"]


def test_a_peoples_adjective_and_its_plural_are_one_group(extract_text):
    ex = extract_text("Iraqi Kurds voted on Sunday. Iraqi Kurdish leader Masoud Barzani welcomed the result.")
    assert ("masoud_barzani", "leader_of", "iraq_kurds") in rels(ex)
    assert [e.id for e in ex.entities if e.type == "Group"] == ["iraq_kurds"]


@pytest.mark.parametrize("text, kept", [
    ("Congress passed the aid bill for Ukraine on Tuesday.", "congress"),  # one body where it is used
    ("Sheikh Hasina fled to India in August.", "sheikh_hasina"),  # a title word that is part of a name
])
def test_a_name_that_looks_like_a_title_or_a_common_body_stays(extract_text, text, kept):
    assert kept in {e.id for e in extract_text(text).entities}


def test_ruling_against_a_state_does_not_lead_it(extract_text):
    found = rels(extract_text("The ICJ ruled against Russia on Wednesday."))
    assert not any(p == "leader_of" for _, p, _ in found), found
