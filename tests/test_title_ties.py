"""Titles that tie a person to a state or a body, and names the gazetteer knows, on sentences written for these
tests (not taken from the seeds), through the real pipeline."""
from __future__ import annotations

import pytest

from tests.test_extract import entity_ids, rels


@pytest.mark.parametrize("text, expected", [
    # an office by its portfolio is a state's office: the state is the one the gazetteer's dated role names
    ("Secretary of State Antony Blinken met Ukrainian President Volodymyr Zelensky in Kyiv.",
     ("antony_blinken", "affiliated_with", "united_states")),
    # "assistant to the President of X" serves X (and does not lead it), before the name or in an apposition
    ("Assistant to the President of the Republic of Kenya Monica Juma said talks in Nairobi would go on.",
     ("monica_juma", "affiliated_with", "kenya")),
    ("Monica Juma, Assistant to the President of Kenya, said talks in Nairobi would go on.",
     ("monica_juma", "affiliated_with", "kenya")),
    # an acronym in parentheses after a body's name does not cut the title off it
    ("The Shanghai Cooperation Organisation (SCO) Secretary General Zhang Ming visited Astana.",
     ("zhang_ming", "leader_of", "sco")),
    # a spokesman with no body named speaks for the body the sentence before had as its subject
    ("Ukraine's army said it repelled attacks. Spokesman Oleksandr Shtupun said ten assaults failed.",
     ("oleksandr_shtupun", "spokesperson_of", "ukrainian_armed_forces")),
    # an ombudsman, an agency's administrator
    ("Ukrainian Human Rights Ombudsman Dmytro Lubinets said prisoners were tortured.",
     ("dmytro_lubinets", "affiliated_with", "ukraine")),
    ("USAID Administrator Samantha Power visited refugee camps in Chad.", ("samantha_power", "leader_of", "usaid")),
])
def test_a_title_ties_its_holder(extract_text, text, expected):
    found = rels(extract_text(text, date="2024-06-01"))
    assert expected in found, sorted(found)


@pytest.mark.parametrize("text", [
    # guard (passes either way): the sentence before has a person as its subject, no body to speak for
    "Biden spoke with Zelensky. Spokesman John Kirby said the call was long.",
])
def test_a_bare_spokesman_speaks_for_no_person(extract_text, text):
    assert not any(p == "spokesperson_of" for _, p, _ in rels(extract_text(text, date="2024-06-01")))


@pytest.mark.parametrize("text, present, absent", [
    # a body's full name is one name, not a state and a body of its own
    ("The US Agency for International Development sent food to Sudan.", "usaid", "international_development"),
    # "the Islamic Republic" is Iran, as "the Kremlin" is Russia's seat
    ("The Houthis thanked Tehran. The Islamic Republic has armed the group for years.", "iran", "islamic_republic"),
])
def test_known_names(extract_text, text, present, absent):
    found = entity_ids(extract_text(text, date="2024-06-01"))
    assert present in found and absent not in found, sorted(found)


@pytest.mark.parametrize("text, absent", [
    # a text named after a city is no mention of the city (a gazetteer city and an unknown one)
    ("Ukraine has never ratified the Rome Statute of the International Criminal Court.", "rome_it"),
    ("Moldova invoked the Chisinau Convention against Russian troops in Transnistria.", "chisinau_md"),
])
def test_a_text_named_after_a_city_is_no_mention_of_it(extract_text, text, absent):
    found = entity_ids(extract_text(text, date="2024-06-01"))
    assert absent not in found, sorted(found)


@pytest.mark.parametrize("text, key, etype", [
    # a name before "river", "lake", "mountains" is a place's
    ("Ethiopian troops massed along the Tekeze river.", "tekeze", "Place"),
    # a nationality's plural the NER tagged, listed with places only, is a town
    ("The Sudanese army shelled Omdurman, Bahri and Karrarians.", "karrarians", "Place"),
    # a named exercise is an event
    ("Polish soldiers took part in the Anakonda exercise with US troops.", "anakonda", "Event"),
    ("Ukrainian sailors took part in the Sea Breeze exercise with US troops.", "sea_breeze", "Event"),
    # a House one meets at is a building
    ("The envoys of Serbia and Kosovo met at Blair House in Washington.", "blair_house", "Place"),
])
def test_a_name_typed_by_its_noun(extract_text, text, key, etype):
    found = {e.id: e.type for e in extract_text(text, date="2024-06-01").entities}
    assert found.get(key) == etype, found


@pytest.mark.parametrize("text, author, known", [
    # a byline the parser cut into two sentences ("Oleksandr | Zelensky") is still one name: the author's, not
    # the known person who shares the surname
    ("Why Kyiv keeps fighting\n\nOleksandr Zelensky\n\nPresident Zelensky said Ukraine would fight on.",
     "oleksandr_zelensky", "volodymyr_zelensky"),
])
def test_a_bylined_author_is_not_the_namesake(extract_text, text, author, known):
    found = entity_ids(extract_text(text, date="2024-06-01"))
    assert author in found and known in found, sorted(found)
