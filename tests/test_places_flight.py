"""Named units of a state, flights of peoples, destinations left for, and a state's own security council."""
import pytest

from tests.test_extract import entity_ids, rels


@pytest.mark.parametrize("text, part, whole", [
    ("Fighting spread to the Kidal region of Mali.", "kidal", "mali"),
    ("Shelling hit the Kherson region of Ukraine.", "kherson", "ukraine"),
    ("Drones struck the Amhara region of Ethiopia.", "amhara_region", "ethiopia"),
])
def test_named_unit_of_a_state_is_part_of_it(extract_text, text, part, whole):
    assert (part, "part_of", whole) in rels(extract_text(text))


@pytest.mark.parametrize("text, group, refuge", [
    ("The crackdown caused the flight of 200,000 Rohingya to Bangladesh.", "rohingya", "bangladesh"),
    ("The army's offensive triggered the flight of the Rohingya to Bangladesh.", "rohingya", "bangladesh"),
])
def test_flight_of_a_people_to_a_place(extract_text, text, group, refuge):
    assert (group, "flees_to", refuge) in rels(extract_text(text))


@pytest.mark.parametrize("text, who, place", [
    ("Yanukovych was stopped as he tried to leave for Russia.", "viktor_yanukovych", "russia"),
    ("The Sudanese envoy left for Chad on Monday.", "sudan", "chad"),
])
def test_leaving_for_a_place_is_no_withdrawal_from_it(extract_text, text, who, place):
    assert not any(p == "withdraws_from" and o == place for _, p, o in rels(extract_text(text)))


def test_leaving_a_place_still_withdraws(extract_text):  # guard: passes either way
    assert ("russia__troops", "withdraws_from", "kherson") in rels(extract_text("Russian troops left Kherson."))


@pytest.mark.parametrize("text, body", [
    ("Ukraine's Security Council met on Friday.", "ukraine__security_council"),
    ("Serbia's Security Council met in Belgrade.", "serbia__security_council"),
])
def test_a_states_security_council_is_its_own(extract_text, text, body):
    ids = entity_ids(extract_text(text))
    assert body in ids and "un_security_council" not in ids


def test_the_security_council_alone_is_the_uns(extract_text):  # guard: passes either way
    assert "un_security_council" in entity_ids(extract_text("The Security Council condemned the coup in Niger."))
