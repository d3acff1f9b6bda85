"""Contradictory answers: found, resolved to the safer reading, fixable in one click; and
treatments already had are shown apart from new options."""

from __future__ import annotations

import json

import pytest

from netaid.explorer.conflicts import resolve
from netaid.explorer.profile import parse_profile
from netaid.explorer.rules import Explorer
from testkit.pages import card_labels, open_page, page_text
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def engine(lib):
    return Explorer(lib)


def conflicts_of(profile: dict) -> tuple[dict, list[str]]:
    used, found = resolve(parse_profile(profile))
    return used, [c.id for c in found]


@pytest.mark.parametrize(
    ("profile", "expected", "used"),
    [
        ({"extent": "localized", "liver_metastases": True}, ["extent_vs_spread"], {"extent": "metastatic"}),
        ({"extent": "regional", "bone_metastases": True}, ["extent_vs_spread"], {"extent": "metastatic"}),
        ({"functional": "no", "syndrome": "insulinoma"}, ["functional_vs_syndrome"], {"functional": "yes"}),
        ({"grade": 1, "ki67": 40}, ["grade_vs_measured"], {"grade": 3}),
        ({"grade": 3, "ki67": 1}, ["grade_vs_measured"], {"grade": 3}),
        ({"grade": 1, "differentiation": "poorly"}, ["grade_vs_differentiation"], {"grade": 1}),
        ({"ki67": 10, "differentiation": "poorly"}, ["grade_vs_differentiation"], {"grade": 2}),
        ({"functional": "no", "symptoms": ["flushing"]}, ["functional_vs_symptoms"], {"functional": "yes"}),
        ({"functional": "yes"}, ["hormones_without_syndrome"], {"syndrome": "other"}),
        ({"functional": "yes", "syndrome": "none"}, ["hormones_without_syndrome"], {"syndrome": "other"}),
        ({"site": "small_intestine", "syndrome": "insulinoma"}, ["syndrome_vs_site"], {"site": "small_intestine"}),
        ({"site": "pancreas", "syndrome": "pheochromocytoma"}, ["syndrome_vs_site"], {"syndrome": "pheochromocytoma"}),
        ({"site": "lung", "grade": 1, "mitoses": 15}, ["grade_vs_measured"], {"grade": 3, "differentiation": "poorly"}),
        ({"site": "lung", "grade": 1, "mitoses": 5}, ["grade_vs_measured"], {"grade": 2}),
        (
            {"site": "lung", "mitoses": 12, "differentiation": "well"},
            ["lung_count_vs_look"],
            {"differentiation": "poorly"},
        ),
        (
            {"extent": "localized", "liver_metastases": True, "resectable": "yes"},
            ["extent_vs_spread"],
            {"extent": "metastatic", "resectable": "unknown"},
        ),
    ],
)
def test_each_contradiction_is_found_and_the_safer_reading_used(profile, expected, used):
    resolved, found = conflicts_of(profile)
    assert found == expected
    assert {k: resolved[k] for k in used} == used


@pytest.mark.parametrize(
    ("profile", "used"),
    [
        ({}, {"grade": "unknown", "extent": "unknown", "functional": "unknown"}),
        ({"ki67": 12}, {"grade": 2}),  # a measured grade fills an unknown one; no conflict
        ({"grade": 2, "ki67": 20}, {"grade": 2}),  # 20 % is still grade 2
        ({"extent": "unknown", "liver_metastases": True}, {"extent": "metastatic"}),
        ({"syndrome": "vipoma"}, {"functional": "yes"}),
        ({"extent": "metastatic", "liver_metastases": True}, {"extent": "metastatic"}),
        # The lung's own scale: 15 mitoses is grade 2 in the gut, but a carcinoma in the lung.
        ({"site": "lung", "grade": 1, "mitoses": 1}, {"grade": 1, "differentiation": "unknown"}),
        ({"site": "lung", "mitoses": 15}, {"grade": 3, "differentiation": "poorly"}),
        ({"site": "lung", "ki67": 45}, {"grade": 3, "differentiation": "poorly"}),
        ({"site": "lung", "ki67": 45, "differentiation": "well"}, {"grade": 3, "differentiation": "well"}),
        ({"site": "lung", "ki67": 25, "mitoses": 3}, {"grade": 2, "differentiation": "unknown"}),
        ({"site": "duodenum", "syndrome": "gastrinoma"}, {"functional": "yes"}),
        ({"site": "unknown_primary", "syndrome": "vipoma"}, {"site": "unknown_primary"}),
        ({"functional": "no", "symptoms": ["diarrhea"]}, {"functional": "no"}),  # diarrhea has many causes
        ({"functional": "yes", "syndrome": "carcinoid_syndrome"}, {"syndrome": "carcinoid_syndrome"}),
        ({"functional": "unknown", "syndrome": "none"}, {"syndrome": "none"}),
    ],
)
def test_answers_that_fit_together_raise_no_conflict(profile, used):
    resolved, found = conflicts_of(profile)
    assert found == []
    assert {k: resolved[k] for k in used} == used


def test_typed_grade_1_with_ki67_40_loses_watch_and_wait_and_says_why(engine):
    result = engine.explore({"grade": 1, "ki67": 40, "growth": "stable"})
    assert result.profile["grade"] == 3
    assert "active_surveillance" not in [o.id for o in result.options]
    conflict = result.conflicts[0]
    assert "higher grade counts" in conflict.text and "grade 3" in conflict.text


def test_every_fix_makes_its_conflict_go_away(engine):
    for profile in (
        {"extent": "localized", "liver_metastases": True, "bone_metastases": True},
        {"functional": "no", "syndrome": "gastrinoma"},
        {"grade": 1, "ki67": 40},
        {"grade": 2, "differentiation": "poorly"},
        {"functional": "no", "symptoms": ["low_blood_sugar"]},
        {"site": "lung", "syndrome": "vipoma"},
        {"functional": "yes", "site": "pancreas"},
    ):
        conflict = engine.explore(profile).conflicts[0]
        assert len(conflict.fixes) == 2
        for fix in conflict.fixes:
            fixed = {**profile, **{k: v for k, v in fix.changes}}
            assert conflict.id not in [c.id for c in engine.explore(fixed).conflicts], fix.label


def test_cli_explore_always_has_a_conflicts_list(tmp_path):
    file = tmp_path / "p.json"
    file.write_text(json.dumps([{}, {"extent": "localized", "liver_metastases": True}]))
    data = json.loads(run_cli("explore", "--profile", str(file)).out)
    assert data[0]["conflicts"] == []
    assert data[1]["conflicts"] == [
        {"id": "extent_vs_spread", "fields": ["extent", "liver_metastases"], "text": data[1]["conflicts"][0]["text"]}
    ]


def test_an_appendix_tumor_removed_at_appendectomy_is_not_offered_surgery_again(engine):
    result = engine.explore(
        {"site": "appendix", "extent": "localized", "grade": 1, "resectable": "yes", "previous_treatments": ["surgery"]}
    )
    assert "surgery" not in [o.id for o in result.options]
    had = result.already_had[0]
    assert had.id == "surgery" and "check-ups" in had.after


def test_old_true_false_links_still_work_for_hormones():
    assert parse_profile({"functional": True})["functional"] == "yes"
    assert parse_profile({"functional": "false"})["functional"] == "no"


# --- the explorer page -------------------------------------------------------------------------
def test_conflict_shows_above_results_and_one_click_fixes_it():
    at = open_page("explorer.py")
    at.radio(key="p_extent").set_value("localized").run()
    at.checkbox(key="p_liver_metastases").check().run()
    assert "Some answers do not fit together" in page_text(at)
    assert card_labels(at), "the results stay visible under the conflict"
    at.button(key="fix_extent_vs_spread_0").click().run()
    assert at.radio(key="p_extent").value == "metastatic"
    assert "Some answers do not fit together" not in page_text(at)


def test_already_had_treatments_get_their_own_section():
    at = open_page("explorer.py")
    at.selectbox(key="p_site").set_value("appendix").run()
    at.radio(key="p_extent").set_value("localized").run()
    at.multiselect(key="p_previous_treatments").set_value(["surgery"]).run()
    assert "Treatments you have already had" in page_text(at)
    assert "Surgery to remove the tumor" not in card_labels(at)


def test_a_hormone_syndrome_caution_is_red_and_names_what_to_do():
    at = open_page("explorer.py")
    at.selectbox(key="p_syndrome").set_value("insulinoma").run()
    errors = " ".join(e.proto.body for e in at.error)
    assert "Low blood sugar can be life-threatening" in errors and "emergency" in errors
