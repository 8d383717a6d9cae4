"""Event types of conflict news beyond fighting and talks: court rulings, abductions, annexations."""
from __future__ import annotations

import pytest


def events(extraction):
    return [e for e in extraction.entities if e.type == "Event"]


@pytest.mark.parametrize("text, etype, agent", [
    ("The International Court of Justice ruled on Friday that Guyana keeps the Essequibo region.", "Ruling",
     "international_court_of_justice"),
    ("The tribunal's verdict against the Serbian general was read in The Hague in 2017.", "Ruling", None),
    ("Gunmen abducted 30 students from a school in Kaduna in March.", "Abduction", None),
    ("The kidnapping of aid workers by al-Shabaab in 2023 shocked Somalia.", "Abduction", "al_shabaab"),
    ("Morocco announced the annexation of Western Sahara in 1976.", "Annexation", None),
])
def test_rulings_abductions_and_annexations_are_events(extract_text, text, etype, agent):
    found = [e for e in events(extract_text(text)) if e.event_type == etype]
    assert found, [(e.label, e.event_type) for e in events(extract_text(text))]
    if agent:
        assert agent in {p.entity for e in found for p in e.participants if p.role == "agent"}


@pytest.mark.parametrize("text", [
    # "rule" is a ruling only with a court for subject
    "Mobutu ruled Zaire from 1965 until 1997.",
    # guard (passes either way): "ruling" before a noun is no ruling
    "The ruling party in Caracas won the vote in 2024.",
])
def test_ruling_a_country_is_no_court_ruling(extract_text, text):
    assert "Ruling" not in {e.event_type for e in events(extract_text(text))}


def test_an_annexation_told_with_a_verb_is_the_known_annexation(extract_text):
    ex = extract_text("Russia annexed Crimea in 2014 after a disputed referendum.")
    assert "annexation_of_crimea" in {e.id for e in events(ex)}


@pytest.mark.parametrize("text, displacement", [
    # an aircraft's flight is no people's flight (the first, with the airline named, passes either way)
    ("The downing of Malaysia Airlines flight MH17 over Donbas on July 17, 2014, killed 298 people.", False),
    ("The minister boarded a flight from Kyiv to Warsaw on Monday.", False),
    # guards (pass either way): whose flight it is
    ("The flight of civilians from Goma continued on Monday.", True),
    ("Their flight from El Fasher began in May.", True),
])
def test_flight_is_a_displacement_only_as_peoples_flight(extract_text, text, displacement):
    assert ("Displacement" in {e.event_type for e in events(extract_text(text))}) == displacement


def test_an_agreement_reached_between_sides_has_them_as_participants(extract_text):
    ex = extract_text("The agreement reached on Thursday between Sudan and Chad was welcomed by the AU.")
    deal = [e for e in events(ex) if e.event_type == "Agreement"]
    assert deal and {"sudan", "chad"} <= {p.entity for p in deal[0].participants}
