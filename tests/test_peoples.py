"""Peoples: a people of a place ("Kosovo Serbs"), a people kg knows no state of ("the Rohingya"), and its fighters or
herders ("Fulani herders") are groups of their own, not the place, the state or nothing (sentences written for
these tests)."""
from __future__ import annotations

import pytest


def types(extraction):
    return {e.id: e.type for e in extraction.entities}


@pytest.mark.parametrize("text, group, not_read", [
    ("Kosovo Serbs protested in Mitrovica on Friday.", "kosovo_serbs", "serbs"),
    ("Bosnian Serbs rejected the ruling of the court.", "bosnian_serbs", "serbs"),
    ("Russia deported Crimean Tatars from the peninsula.", "crimean_tatars", None),
    ("Syrian Kurds fled across the border to Iraq.", "syrian_kurds", "kurds"),
])
def test_a_people_of_a_place_is_a_group_of_its_own(extract_text, text, group, not_read):
    found = types(extract_text(text))
    assert found.get(group) == "Group", found
    assert not_read not in found


@pytest.mark.parametrize("text, group", [
    ("Fulani herders clashed with farmers near Mopti.", "fulani_herders"),
    ("The Dogon militias burned three villages.", "dogon_militias"),
    ("Druze leaders met the governor on Monday.", "druze_leaders"),
    ("The Tuareg rebels seized the town in 2012.", "tuareg_rebels"),  # the NER's place
])
def test_a_people_kg_knows_no_state_of_and_its_fighters_are_a_group(extract_text, text, group):
    found = types(extract_text(text))
    assert found.get(group) == "Group", found


@pytest.mark.parametrize("text, group", [
    ("The army expelled the Rohingya from Rakhine State.", "rohingya"),
    ("Israel promised to protect the Druze.", "druze"),
    ("Police detained Uyghurs in Xinjiang.", "uyghurs"),  # the NER's place
])
def test_a_people_named_on_its_own_is_a_group(extract_text, text, group):
    found = types(extract_text(text))
    assert found.get(group) == "Group", found


# guards of the rules above (they pass without them too): a capitalized word after "an" or "the island of"
@pytest.mark.parametrize("text, absent", [
    ("He wrote The Making of an Autocrat in 2022.", "autocrat"),
    ("The Dominican Republic shares the island of Hispaniola with Haiti.", "hispaniola"),
])
def test_a_capitalized_word_that_is_no_people_is_no_group(extract_text, text, absent):
    found = types(extract_text(text))
    assert found.get(absent) != "Group", found


@pytest.mark.parametrize("text, place, group", [
    ("Israeli troops shelled the Golan Heights.", "golan_heights", None),  # guard: a place's plural name
    ("Armenian protesters marched on parliament.", None, "armenia__protesters"),  # guard: a state's body
])
def test_a_place_or_a_states_body_stays_what_it_was(extract_text, text, place, group):
    found = types(extract_text(text))
    if place:
        assert found.get(place) == "Place", found
    if group:
        assert group in found, found


def test_a_town_the_ner_took_for_an_organization_is_seized_as_a_town(extract_text):
    found = types(extract_text("Rebels seized Kidal after the army withdrew."))
    assert found.get("kidal") == "Place", found


def test_an_organization_that_is_seized_stays_one_when_no_town_has_its_name(extract_text):
    # guard: "seized" alone makes nothing a place
    found = types(extract_text("Prosecutors seized Gazprom assets in Vienna."))
    assert found.get("gazprom") == "Organization", found
