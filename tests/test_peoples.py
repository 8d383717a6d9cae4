"""Peoples: a people of a place ("Kosovo Serbs"), a people kg knows no state of ("the Rohingya"), and its fighters or
herders ("Fulani herders") are groups of their own, not the place, the state or nothing (sentences written for
these tests)."""
from __future__ import annotations

import pytest

from tests.test_extract import rels


def types(extraction):
    return {e.id: e.type for e in extraction.entities}


@pytest.mark.parametrize("text, group, not_read", [
    ("Kosovo Serbs protested in Mitrovica on Friday.", "kosovo_serbs", "serbs"),
    ("Bosnian Serbs rejected the ruling of the court.", "bosnia_and_herzegovina_serbs", "serbs"),
    ("Russia deported Crimean Tatars from the peninsula.", "crimean_tatars", None),
    ("Syrian Kurds fled across the border to Iraq.", "syria_kurds", "kurds"),
])
def test_a_people_of_a_place_is_a_group_of_its_own(extract_text, text, group, not_read):
    found = types(extract_text(text))
    assert found.get(group) == "Group", found
    assert not_read not in found


@pytest.mark.parametrize("text, group", [
    # with a plural noun for people
    ("Fulani herders clashed with farmers near Mopti.", "fulani_herders"),
    ("The Dogon militias burned three villages.", "dogon_militias"),
    ("Druze leaders met the governor on Monday.", "druze_leaders"),
    ("The Tuareg rebels seized the town in 2012.", "tuareg_rebels"),  # the NER's place
    # named on its own
    ("The army expelled the Rohingya from Rakhine State.", "rohingya"),
    ("Israel promised to protect the Druze.", "druze"),
    ("Police detained Uyghurs in Xinjiang.", "uyghurs"),  # the NER's place
])
def test_a_people_kg_knows_no_state_of_is_a_group(extract_text, text, group):
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


@pytest.mark.parametrize("text", [
    "Kosovo Serbs boycotted the vote in the north.",
    "The Serbs of Kosovo boycotted the vote in the north.",
    "Ethnic Serbs in northern Kosovo boycotted the vote.",
    "Kosovo's Serb minority boycotted the vote in the north.",
    "The Serb minority in Kosovo boycotted the vote in the north.",
])
def test_a_people_of_a_place_is_one_group_however_the_text_puts_it(extract_text, text):
    found = types(extract_text(text))
    assert found.get("kosovo_serbs") == "Group", found
    assert "kosovo" not in found and "serbia" not in found, found


def test_a_people_of_a_place_the_gazetteer_knows_is_its_group(extract_text):
    found = types(extract_text("The Armenian population of Karabakh fled to Armenia within a week."))
    assert found.get("karabakh_armenians") == "Group", found


def test_a_people_in_a_city_is_where_the_people_are(extract_text):
    # guard (passes without the rules too): "in" a city says where they are, not whose people they are
    found = types(extract_text("Washington held talks with the Russians in Geneva on Monday."))
    assert "russia" in found and not any(k.endswith("_russians") for k in found), found


def test_a_people_of_a_state_named_by_its_adjective_is_the_same_as_of_its_name(extract_text):
    ex = extract_text("Syrian Kurds fled to Iraq. The Kurds of Syria had held the border town for years.")
    groups = [e for e in ex.entities if e.type == "Group"]
    assert [e.id for e in groups] == ["syria_kurds"], groups
    assert groups[0].label == "Syrian Kurds"


@pytest.mark.parametrize("text, expected", [
    ("Bosnian Serb leader Milorad Dodik rejected the ruling.",
     ("milorad_dodik", "leader_of", "bosnia_and_herzegovina_serbs")),
    ("Bosnian Serb forces shelled Sarajevo in 1993.", ("bosnia_and_herzegovina_serbs", "attacks", "sarajevo_ba")),
])
def test_two_nationality_words_before_a_noun_are_a_people_of_a_place(extract_text, text, expected):
    assert expected in rels(extract_text(text))


def test_a_people_named_by_its_adjective_is_labelled_by_its_plural(extract_text):
    ex = extract_text("Bosnian Serb leaders met in Banja Luka. Bosnian Serbs voted on Sunday.")
    assert {e.label for e in ex.entities if e.type == "Group"} == {"Bosnian Serbs"}


@pytest.mark.parametrize("text", [
    "US Democratic senators opposed the bill on Tuesday.",  # a political camp
    "Gunmen barricaded themselves in a Serbian Orthodox monastery.",  # no noun for people after
])
def test_two_nationality_words_before_other_nouns_are_no_people(extract_text, text):
    # guards (pass without the rule)
    found = types(extract_text(text))
    assert not any(t == "Group" for t in found.values()), found


def test_the_people_of_a_state_in_another_stands_for_its_forces(extract_text):
    # "the Iranians in Iraq" are Iran's forces or agents there, no people of Iraq
    found = types(extract_text("The Iranians in Iraq armed the militias."))
    assert not any(k.endswith("_iranians") for k in found), found
