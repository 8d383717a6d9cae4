"""Sources that disagree, on short articles written for these tests: reposts, denials, framings, dates."""
from __future__ import annotations

import json

import pytest

from click.testing import CliRunner

from kg.cli import main
from kg.corroboration import containment, find_reposts, shingles
from kg.model import Article

ORIGINAL = (
    "The talks in Geneva ended without agreement on Friday after three days of negotiations. "
    "Both delegations said they would return next month, but diplomats privately doubted that a deal was close. "
    "The mediators proposed a phased withdrawal of heavy weapons from the line of contact, which one side rejected. "
    "Humanitarian groups warned that winter would make conditions in the camps far worse."
)


def test_a_shortened_repost_is_detected_and_nothing_else():
    repost = ORIGINAL.split(". ")[0] + ". Both delegations said they would return next month, but diplomats doubted a deal was close."
    other = "Floods hit the north of the country on Monday, and rescue teams reached the worst affected villages by boat."
    arts = [Article(id="orig", file="orig.txt", title="t", body=ORIGINAL, date="2024-01-05"),
            Article(id="repost", file="repost.txt", title="t", body=repost, date="2024-01-07"),
            Article(id="other", file="other.txt", title="t", body=other, date="2024-01-06")]
    assert find_reposts(arts) == {"repost": "orig"}
    assert containment(shingles(repost), shingles(ORIGINAL)) > 0.5 > containment(shingles(ORIGINAL), shingles(repost))


def groups(ex, kind):
    return [g for g in ex.contested if g.kind == kind]


def test_a_denial_is_contested_by_polarity(extract_text):
    ex = extract_text("Russia attacked Georgia in the night.", "Russia did not attack Georgia, the ministry insisted.")
    (group,) = groups(ex, "polarity")
    assert {(s.source, ex.relations[s.claim].negated) for s in group.sides} == {("t0", False), ("t1", True)}


def test_opposite_framings_of_one_event(extract_text):
    ex = extract_text("On 3 March 2024, Eritrea launched an anti-terrorist operation in Tigray.",
                      "On 3 March 2024, Eritrea launched an assault on Tigray, a campaign of ethnic cleansing.")
    (group,) = groups(ex, "framing")
    stances = {s.source: s.stance.split(":")[0] for s in group.sides}
    assert stances == {"t0": "legitimizing", "t1": "condemning"}


def test_two_sources_give_an_event_different_days(extract_text):
    ex = extract_text("Serbia and Kosovo met in Brussels on May 2, 2024, to discuss the border.",
                      "Serbia and Kosovo met in Brussels on May 7, 2024, to discuss the border.")
    meetings = [e for e in ex.entities if e.event_type == "Meeting"]
    assert len(meetings) == 1 and meetings[0].sources == ("t0", "t1")
    (group,) = groups(ex, "date")
    assert sorted(s.stance for s in group.sides) == ["on 2024-05-02", "on 2024-05-07"]


def test_one_source_giving_two_days_means_two_events(extract_text):
    ex = extract_text("Serbia and Kosovo met in Brussels on May 2, 2024. Serbia and Kosovo met in Brussels again on May 7, 2024.")
    assert len([e for e in ex.entities if e.event_type == "Meeting"]) == 2
    assert not groups(ex, "date")


def test_agreeing_sources_are_not_contested(extract_text):
    ex = extract_text("Russia attacked Georgia in the night.", "Russia attacked Georgia before dawn, officials said.")
    assert not ex.contested
    from kg.corroboration import corroboration

    support = corroboration(ex)
    assert support[("russia", "attacks", "georgia", False)]["sources"] == ["t0", "t1"]


def test_compare_two_seed_sources(seed_output):
    runner = CliRunner()
    result = runner.invoke(main, ["compare", "001", "004", "-o", str(seed_output), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["a"]["id"].startswith("001") and data["b"]["id"].startswith("004")
    assert data["only_a"] and data["only_b"]
    table = runner.invoke(main, ["compare", "001", "004", "-o", str(seed_output)])
    assert "Only A asserts" in table.output and "Where they conflict" in table.output
    bad = runner.invoke(main, ["compare", "001", "nope", "-o", str(seed_output)])
    assert bad.exit_code == 2 and "unknown source 'nope'" in bad.output


def test_seed_repost_is_found(seed_output):
    data = json.loads((seed_output / "kg.json").read_text(encoding="utf-8"))
    dups = {s["id"][:3]: (s["duplicate_of"] or "")[:3] for s in data["sources"]}
    assert dups == {"000": "001", "001": "", "002": "", "003": "", "004": ""}


@pytest.mark.parametrize("text", [
    "Serbia accused Kosovo of attacking Serbian villages. Kosovo denied the allegations.",
    "Serbia has repeatedly accused Kosovo of provocations – claims that Kosovo has rejected.",
])
def test_an_accusation_and_its_denial(extract_text, text):
    ex = extract_text(text)
    assert ("kosovo", "rejects", "serbia") in {(r.subject, r.predicate, r.object) for r in ex.relations}
    (group,) = groups(ex, "denial")
    assert {ex.relations[s.claim].predicate for s in group.sides} == {"accuses", "rejects"}


def test_a_spokesperson_denies_claims_against_a_body_of_his_state(extract_text):
    # the accusation names a body of one state; the denial comes from a person the gazetteer ties to that state
    ex = extract_text("Armenian Prime Minister Nikol Pashinyan accused Russian peacekeepers of failing to protect civilians.",
                      "Dmitry Peskov rejected claims from Armenia that the peacekeepers had failed.")
    (group,) = groups(ex, "denial")
    accusation, denial = (ex.relations[s.claim] for s in group.sides)
    assert (accusation.subject, accusation.object) == ("nikol_pashinyan", "russian_peacekeepers")
    assert (denial.subject, denial.predicate, denial.object) == ("dmitry_peskov", "rejects", "armenia")


def test_a_rejection_that_is_not_about_claims_is_no_denial(extract_text):
    ex = extract_text("Armenian Prime Minister Nikol Pashinyan accused Russian peacekeepers of failing to protect civilians.",
                      "Dmitry Peskov rejected a proposal from Armenia on grain exports.")
    assert groups(ex, "denial") == []


def test_sources_putting_a_third_party_on_opposite_sides(extract_text):
    ex = extract_text("Serbia attacked Kosovo in the night. Russia is a close ally of Serbia.",
                      "Russia has quietly backed Kosovo in the talks, diplomats said.")
    alignments = [g for g in groups(ex, "exclusive") if g.subject == "russia"]
    assert len(alignments) == 1, [g.topic for g in ex.contested]
    assert {(s.source, ex.relations[s.claim].object) for s in alignments[0].sides} == {("t0", "serbia"), ("t1", "kosovo")}


def test_a_third_party_backing_two_friends_is_not_contested(extract_text):
    ex = extract_text("Russia is a close ally of Serbia.", "Russia has quietly backed Belarus in the talks.")
    assert [g for g in groups(ex, "exclusive") if g.subject == "russia"] == []


def test_sources_blaming_different_sides_for_breaking_a_ceasefire(extract_text):
    ex = extract_text("The 2020 trilateral ceasefire agreement ended the war. The Armenian leadership violated the "
                      "ceasefire conditions by refusing to open the roads.",
                      "Under the trilateral ceasefire agreement of 2020, peacekeepers arrived. The Russian Defense "
                      "Ministry said that several ceasefire violations by the Azerbaijani side had been recorded.")
    (group,) = groups(ex, "blame")
    assert group.subject == "trilateral_ceasefire_2020"
    blamed = {(s.source, ex.relations[s.claim].subject, ex.relations[s.claim].speaker) for s in group.sides}
    assert blamed == {("t0", "armenia", None), ("t1", "azerbaijan", "russian_defense_ministry")}


def test_one_voice_blaming_both_sides_is_no_dispute(extract_text):
    ex = extract_text("Under the trilateral ceasefire agreement of 2020, peacekeepers arrived. Armenia and Azerbaijan "
                      "violated the ceasefire conditions within a week.",
                      "The 2020 trilateral ceasefire agreement ended the war. The Armenian leadership violated the "
                      "ceasefire conditions by refusing to open the roads.")
    violations = {(r.source, r.subject) for r in ex.relations if r.predicate == "violates"}
    assert {("t0", "armenia"), ("t0", "azerbaijan"), ("t1", "armenia")} <= violations
    assert groups(ex, "blame") == []


def test_an_event_is_not_labelled_with_one_sides_word_for_it(extract_text):
    # the ministry is an organization kg does not know: its demonym ties it to its state
    ex = extract_text("On 3 March 2024, the Eritrean Defense Ministry announced counter-terrorism measures in Abkhazia.",
                      "On 3 March 2024, Eritrea launched an assault on Abkhazia.")
    (event,) = [e for e in ex.entities if e.event_type == "Attack"]
    assert event.sources == ("t0", "t1")
    assert event.label == "attack in Abkhazia (2024-03-03)", event.label
    assert "counter-terrorism measures" in " ".join(event.aliases)
    (group,) = groups(ex, "framing")
    assert {s.stance.split(":")[0] for s in group.sides} == {"legitimizing", "condemning"}


def test_a_source_making_doers_facilitators_is_a_role_discrepancy(extract_text):
    ex = extract_text("The war ended in 1995, leading to the expulsion of the Serbs of Krajina in 1995 by Croatia.",
                      "The war ended in 1995, leading to the expulsion of the Serbs of Krajina in 1995—facilitated "
                      "by Croatia.")
    (group,) = groups(ex, "role")
    assert {(s.source, s.stance) for s in group.sides} == {("t0", "Croatia: agent"), ("t1", "Croatia: facilitator")}
