"""The curated world layer (ontology/gazetteer_world.yaml): well-formed, never re-pointing a name of
gazetteer.yaml, and read right in sentences written for these tests (not taken from any article)."""
from __future__ import annotations

import pytest
import yaml

from kg.errors import OntologyError
from kg.gazetteer import CURATED_LAYERS, Role, load_curated, load_gazetteer, norm, ruler_patterns
from kg.model import ENTITY_TYPES
from kg.pipeline import ontology_path

WORLD = ontology_path("gazetteer_world.yaml")


@pytest.fixture(scope="module")
def world_entries():
    return load_curated(WORLD)


@pytest.fixture(scope="module")
def regional():
    return load_gazetteer(ontology_path("gazetteer.yaml"), layers=(), world=False)


# --- the file -----------------------------------------------------------------------------------------------------

def test_the_world_layer_is_loaded_after_the_regional_one(gazetteer, world_entries):
    assert "gazetteer_world.yaml" in CURATED_LAYERS
    assert all(e.id in gazetteer.entries for e in world_entries)
    assert gazetteer.lookup("Lashkar-e-Taiba").id == "lashkar_e_taiba"


def test_world_entries_are_well_formed(gazetteer, world_entries):
    ids = [e.id for e in world_entries]
    assert len(ids) == len(set(ids)), "an id is defined twice"
    regional_ids = {raw["id"] for raw in yaml.safe_load(ontology_path("gazetteer.yaml").read_text(encoding="utf-8"))["entries"]}
    assert not set(ids) & regional_ids, "a world entry redefines a regional id"
    for e in world_entries:
        assert e.type in ENTITY_TYPES, e.id
        assert e.label and all(isinstance(a, str) and a.strip() for a in e.aliases), e.id
        assert e.wikidata is None or (e.wikidata.startswith("Q") and e.wikidata[1:].isdigit()), e.id
        refs = [r.of for r in e.roles] + [x for x in (e.part_of, e.metonym_of, e.place, e.governed_by) if x] + list(e.parties)
        for ref in refs:  # every reference is to a curated entry (not to the package layer, which may change)
            assert ref in gazetteer.entries and gazetteer.entries[ref].curated, f"{e.id}: unknown id {ref!r}"
        for role in e.roles:
            assert isinstance(role, Role) and role.role.islower() and " " not in role.role, e.id
            for when in (role.since, role.until):
                assert when is None or (isinstance(when, str) and len(when) in (4, 7, 10)), f"{e.id}: {when!r}"
            assert not (role.since and role.until) or role.since <= role.until, e.id
        if e.type == "Event":
            assert e.date is not None and e.date[0][:4].isdigit(), f"{e.id}: an event without a date"
            assert e.date[1] is None or e.date[0] <= e.date[1], e.id
        else:
            assert e.date is None and not e.parties, e.id


def test_no_name_of_the_regional_gazetteer_is_re_pointed(gazetteer, regional):
    changed = {name: (key, gazetteer.by_name.get(name)) for name, key in regional.by_name.items()
               if gazetteer.by_name.get(name) != key}
    assert not changed


def test_the_regional_entries_keep_their_ruler_patterns(gazetteer, regional):
    """Every name and bare surname of gazetteer.yaml still matches its entry (a demonym + body phrase such as
    "Pakistani army" may now be the named army of the world layer)."""
    mine = {(p["pattern"], p["id"]) for p in ruler_patterns(regional) if "__" not in p["id"]}
    now = {(p["pattern"], p["id"]) for p in ruler_patterns(gazetteer)}
    assert mine <= now


def test_an_id_defined_again_in_a_later_layer_is_an_error(tmp_path):
    (tmp_path / "gazetteer.yaml").write_text("entries:\n- {id: a, type: Country, label: Aland}\n", encoding="utf-8")
    (tmp_path / "gazetteer_world.yaml").write_text("entries:\n- {id: a, type: Person, label: Abe}\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="already defined"):
        load_gazetteer(tmp_path / "gazetteer.yaml", world=False)


def test_a_later_layer_never_takes_a_name_from_an_earlier_one(tmp_path):
    (tmp_path / "gazetteer.yaml").write_text("entries:\n- {id: a, type: Country, label: Aland, aliases: [AL]}\n",
                                             encoding="utf-8")
    (tmp_path / "gazetteer_world.yaml").write_text("entries:\n- {id: b, type: Organization, label: Bland, aliases: [AL]}\n",
                                                   encoding="utf-8")
    gaz = load_gazetteer(tmp_path / "gazetteer.yaml", world=False)
    assert gaz.lookup("AL").id == "a" and gaz.lookup("Bland").id == "b"
    assert load_gazetteer(tmp_path / "gazetteer.yaml", world=False, layers=()).lookup("Bland") is None


def test_world_people_get_no_bare_surname_pattern(gazetteer):
    surnames = gazetteer.surnames()
    assert "Pashinyan" in surnames  # regional layer: as before
    assert "Johnson" not in surnames and "Cohen" not in surnames and "Khan" not in surnames
    assert gazetteer.lookup("Netanyahu").id == "benjamin_netanyahu"  # a listed alias still is one


# --- reading sentences --------------------------------------------------------------------------------------------

def _entity(ex, key):
    return next((e for e in ex.entities if e.id == key), None)


@pytest.mark.parametrize("text, key, etype", [
    ("Police in Srinagar said Lashkar-e-Taiba had recruited the two men last year.", "lashkar_e_taiba", "Organization"),
    ("A court banned Jaish-e-Mohammed and froze the accounts of its front groups.", "jaish_e_mohammed", "Organization"),
    ("Hizb-ut-Tahrir held a rally that the authorities had not approved.", "hizb_ut_tahrir", "Organization"),
    ("Leaders of Tehreek-e-Insaf boycotted the session of parliament.", "pti", "Organization"),
    ("The Houthis claimed a drone strike on a tanker off Hodeidah.", "houthis", "Organization"),
    ("Fighters of al-Shabaab overran a base north of Mogadishu.", "al_shabaab", "Organization"),
    ("Boko Haram abducted dozens of pupils from a boarding school.", "boko_haram", "Organization"),
    ("The Rapid Support Forces shelled a camp for displaced people.", "rapid_support_forces", "Organization"),
    ("Analysts say the M23 rebels are backed by troops from across the border.", "m23", "Organization"),
    ("Daesh claimed the bombing in a statement on its channels.", "islamic_state", "Organization"),
    ("The Arakan Army seized another township in Rakhine State.", "arakan_army", "Organization"),
    ("The Inter-Services Intelligence denied any role in the plot.", "isi", "Organization"),
    ("UNRWA said its warehouses had run out of flour.", "unrwa", "Organization"),
    ("ECOWAS gave the junta a deadline to restore civilian rule.", "ecowas", "Organization"),
    ("The IAEA said its inspectors had no access to the site.", "iaea", "Organization"),
    ("Human Rights Watch documented strikes on hospitals.", "human_rights_watch", "Organization"),
])
def test_armed_groups_and_bodies_are_organizations(extract_text, text, key, etype):
    ex = extract_text(text)
    found = _entity(ex, key)
    assert found is not None and found.type == etype, sorted((e.id, e.type) for e in ex.entities)


@pytest.mark.parametrize("text, person, state, predicate", [
    ("Pakistani Prime Minister Shehbaz Sharif said his government would not be intimidated.", "shehbaz_sharif",
     "pakistan", "leader_of"),
    ("Indian Foreign Minister S. Jaishankar told reporters that the talks had been useful.", "s_jaishankar", "india",
     "affiliated_with"),
    ("Ethiopian Prime Minister Abiy Ahmed opened the new dam on Tuesday.", "abiy_ahmed", "ethiopia", "leader_of"),
    ("Iranian President Masoud Pezeshkian spoke by phone with the emir.", "masoud_pezeshkian", "iran", "leader_of"),
    ("Rwandan President Paul Kagame rejected the accusation.", "paul_kagame", "rwanda", "leader_of"),
    ("Serbian President Aleksandar Vucic said the border would stay open.", "aleksandar_vucic", "serbia", "leader_of"),
])
def test_a_leader_with_a_title_is_the_person_of_that_state(extract_text, text, person, state, predicate):
    ex = extract_text(text)
    found = _entity(ex, person)
    assert found is not None and found.type == "Person", sorted((e.id, e.type) for e in ex.entities)
    assert (person, predicate, state) in {(r.subject, r.predicate, r.object) for r in ex.relations}


@pytest.mark.parametrize("text, key, start", [
    ("Water talks have been frozen since India suspended the Indus Waters Treaty.", "indus_waters_treaty", "1960-09-19"),
    ("The Pretoria Agreement ended two years of fighting in the north.", "pretoria_agreement", "2022-11-02"),
    ("Families of hostages taken in the October 7 attack marched to Jerusalem.", "october_7_attack", "2023-10-07"),
    ("Millions have fled their homes since the Sudanese civil war began.", "sudanese_civil_war", "2023-04-15"),
    ("Bahrain joined the Abraham Accords along with the Emirates.", "abraham_accords", "2020-09-15"),
    ("Negotiators went back to the Good Friday Agreement for language on borders.", "good_friday_agreement", "1998-04-10"),
])
def test_named_events_are_events_with_their_dates(extract_text, text, key, start):
    ex = extract_text(text)
    found = _entity(ex, key)
    assert found is not None and found.type == "Event", sorted((e.id, e.type) for e in ex.entities)
    assert found.date is not None and found.date.start == start


@pytest.mark.parametrize("text, name", [
    ("The navy said Operation Sea Guardian would continue through the winter.", "Operation Sea Guardian"),
    ("Commanders declared Operation Northern Shield complete after three weeks.", "Operation Northern Shield"),
    ("Officials gave few details of Operation Kestrel, which began before dawn.", "Operation Kestrel"),
])
def test_an_unknown_named_operation_is_an_event(extract_text, text, name):
    ex = extract_text(text)
    found = next((e for e in ex.entities if e.label == name), None)
    assert found is not None and found.type == "Event", sorted((e.label, e.type) for e in ex.entities)


@pytest.mark.parametrize("name, expected", [
    ("Operation Sindoor", True), ("Operation Protective Edge", True), ("Operation 1027", True),
    ("Operations Command", False), ("Operation", False), ("operation Kestrel", False),
])
def test_what_counts_as_an_operation_name(name, expected):
    from kg.entities import _is_operation

    assert _is_operation(name) is expected


def test_a_world_surname_alone_in_an_unrelated_article_is_nobody_known(extract_text):
    ex = extract_text("Johnson, a farmer near Gyumri, said the frost had ruined his apricots.")
    assert "boris_johnson" not in {e.id for e in ex.entities}


def test_the_congos_are_two_states(gazetteer):
    assert gazetteer.lookup("DRC").id == "dr_congo" and gazetteer.lookup("Congo").id == "dr_congo"
    assert gazetteer.lookup("Republic of the Congo").id == "republic_of_the_congo"
    assert norm("Congo-Brazzaville") in gazetteer.by_name


# --- demonyms from the package layer (countryinfo) ----------------------------------------------------------------

@pytest.mark.parametrize("demonym, state", [
    ("Mexican", "mexico"), ("Swedish", "sweden"), ("Chilean", "chile"), ("Nepalese", "nepal"),
    ("Guatemalan", "guatemala"), ("Hungarian", "hungary"),
    # guards (the curated layers have these too): shared with French territories, and by the two Congos
    ("French", "france"), ("Congolese", "dr_congo"),
])
def test_every_states_demonym_comes_from_the_package_layer(gazetteer, demonym, state):
    assert gazetteer.demonyms.get(norm(demonym)) == state


def test_package_demonyms_make_no_ruler_patterns(gazetteer):
    patterns = {p["pattern"] for p in ruler_patterns(gazetteer)}
    assert "Russian troops" in patterns  # a curated demonym's body
    assert "Mexican troops" not in patterns  # read from the NER's nationality instead (below)


@pytest.mark.parametrize("text, body", [
    ("The Malagasy army said it had sent more soldiers to the capital.", "madagascar__armed_forces"),  # not Malawi's
    ("Salvadoran police arrested dozens of gang members in April.", "el_salvador__police"),
    ("The Brazilian Defence Ministry sent more troops to the border with Venezuela.", "brazil__defense_ministry"),
])
def test_a_package_demonym_and_a_body_noun_are_the_states_body(extract_text, text, body):
    assert body in {e.id for e in extract_text(text).entities}


@pytest.mark.parametrize("text, state, city", [
    ("Washington urged Belgrade and Pristina to return to the talks.", "kosovo", None),
    ("The two delegations met in Pristina on Monday.", None, "pristina_xk"),
])
def test_the_capital_of_a_state_iso_3166_lacks_stands_for_it(extract_text, text, state, city):
    ids = {e.id for e in extract_text(text).entities}
    assert (state is None or state in ids) and (city is None or city in ids), ids
