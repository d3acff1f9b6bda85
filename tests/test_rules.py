"""The explorer's rule engine: every rule, scenarios from the sources, and invariants over the grid."""

from __future__ import annotations

import itertools
import json

import pytest

from netaid.explorer.conditions import compile_condition, condition_problems
from netaid.explorer.conflicts import resolve
from netaid.explorer.profile import PROFILE_FIELDS, ProfileError, parse_profile
from netaid.explorer.rules import Explorer
from netaid.explorer.share import PRESETS
from tests.conftest import run_cli

ADVANCED = {"extent": "metastatic", "resectable": "no"}


@pytest.fixture(scope="module")
def engine(lib):
    return Explorer(lib)


def ids(result):
    return [o.id for o in result.options]


def caution_ids(result):
    return [c.id for c in result.cautions]


# --- the condition language -------------------------------------------------------------
@pytest.mark.parametrize(
    ("cond", "profile", "expected"),
    [
        ({"always": True}, {}, True),
        ({"field": "site", "equals": "lung"}, {"site": "lung"}, True),
        ({"field": "site", "in": ["lung", "pancreas"]}, {"site": "appendix"}, False),
        ({"field": "tumor_size_cm", "at_most": 2}, {"tumor_size_cm": 2}, True),
        ({"field": "tumor_size_cm", "at_least": 2}, {}, False),
        ({"field": "symptoms", "contains": "wheezing"}, {"symptoms": ["wheezing", "flushing"]}, True),
        ({"not": {"field": "resectable", "equals": "no"}}, {"resectable": "no"}, False),
        (
            {"all": [{"field": "site", "equals": "pancreas"}, {"field": "grade", "equals": 1}]},
            {"site": "pancreas", "ki67": 1},
            True,
        ),
        # The gut and pancreas grade bands are not applied to a lung NET's counts.
        ({"field": "grade", "equals": "unknown"}, {"site": "lung", "ki67": 1}, True),
        (
            {"any": [{"field": "grade", "equals": 3}, {"field": "differentiation", "equals": "poorly"}]},
            {"mitoses": 25},
            True,
        ),
    ],
)
def test_conditions_evaluate(cond, profile, expected):
    assert condition_problems(cond) == []
    used, _ = resolve(parse_profile(profile))
    assert compile_condition(cond)(used) is expected


@pytest.mark.parametrize(
    ("cond", "message"),
    [
        ({"field": "colour", "equals": "red"}, "unknown field `colour`"),
        ({"field": "site", "equals": "mars"}, "`site` cannot be 'mars'"),
        ({"field": "site", "at_least": 3}, "`at_least` does not work on `site`"),
        ({"field": "site"}, "needs exactly one of"),
        ({"field": "liver_metastases", "equals": "yes"}, "takes true or false"),
        ({"field": "resectable", "equals": False}, "`resectable` cannot be False"),
        ({"some": []}, "a condition needs `field` or exactly one of"),
        ({"all": []}, "`all` takes a non-empty list"),
        ({"field": "site", "similar": "lung"}, "unknown test `similar`"),
    ],
)
def test_bad_conditions_are_explained(cond, message):
    problems = condition_problems(cond)
    assert problems and message in problems[0][1]


# --- every rule fires for a profile made for it -------------------------------------------


def test_every_rule_can_fire_and_every_option_and_caution_is_reachable(lib, engine):
    fired, options, cautions = set(), set(), set()
    grid = itertools.product(
        PROFILE_FIELDS["site"].values,
        ("localized", "regional", "metastatic"),
        (1, 2, 3, "unknown"),
        ("well", "poorly", "unknown"),
        PROFILE_FIELDS["syndrome"].values,
        ("positive", "negative", "unknown"),
        (True, False),
        ("yes", "unknown"),
    )
    symptom_sets = [
        (),
        ("diarrhea", "flushing", "wheezing", "heart_valve_problems", "bone_pain", "low_blood_sugar", "stomach_ulcers"),
    ]
    for site, extent, grade, diff, syndrome, sstr, liver, resectable in grid:
        for symptoms in symptom_sets:
            profile = parse_profile(
                {
                    "site": site,
                    "extent": extent,
                    "grade": grade,
                    "differentiation": diff,
                    "syndrome": syndrome,
                    "sstr": sstr,
                    "liver_metastases": liver,
                    "bone_metastases": liver,
                    "symptoms": list(symptoms),
                    "functional": bool(symptoms),
                    "resectable": resectable,
                    "growth": "stable" if grade == 1 else "unknown",
                    "previous_treatments": ["somatostatin_analog"] if liver else [],
                }
            )
            result = engine.explore_parsed(profile)
            options.update(ids(result))
            cautions.update(caution_ids(result))
            fired.update(r.rule for o in result.options for r in o.reasons)
            fired.update(rule for c in result.cautions for rule in c.rules)
            fired.update(n.rule for n in result.notes)
    # Rules that need what the grid does not vary: a treatment history (growth after a targeted
    # drug) and a tumor size (scope removal).
    for extra in (
        {
            "site": "colon_rectum",
            "extent": "localized",
            "grade": 1,
            "differentiation": "well",
            "functional": "no",
            "tumor_size_cm": 0.8,
        },
        {
            "site": "pancreas",
            "extent": "metastatic",
            "grade": 2,
            "differentiation": "well",
            "growth": "growing",
            "previous_treatments": ["everolimus"],
        },
    ):
        result = engine.explore(extra)
        options.update(ids(result))
        fired.update(r.rule for o in result.options for r in o.reasons)
    assert {r.id for r in lib.rules.rules} == fired
    assert {o.id for o in lib.options.options} == options
    assert {c.id for c in lib.cautions.cautions} == cautions


# --- scenarios from the sources -------------------------------------------------------------
def test_everyone_gets_trials_and_supportive_care(engine):
    result = engine.explore({})
    assert ids(result) == ["clinical_trial", "supportive_care"]
    assert result.profile["site"] == "other" and result.profile["extent"] == "unknown"


def test_localized_removable_tumor_lists_surgery(engine):
    result = engine.explore({"site": "small_intestine", "extent": "localized", "resectable": "yes"})
    assert "surgery" in ids(result) and "debulking_surgery" not in ids(result)
    why = next(o for o in result.options if o.id == "surgery").reasons[0]
    assert why.rule == "surgery_when_not_spread_far" and "cancernet" in why.sources


def test_carcinoid_syndrome_brings_symptom_control_and_the_crisis_caution(engine):
    result = engine.explore({"site": "small_intestine", "syndrome": "carcinoid_syndrome", "symptoms": ["diarrhea"]})
    assert {"somatostatin_analog", "telotristat", "cardiology_care", "nutrition_support"} <= set(ids(result))
    assert "carcinoid_crisis" in caution_ids(result)
    ssa = next(o for o in result.options if o.id == "somatostatin_analog")
    assert len(ssa.reasons) >= 2, "each rule that brings an option is in its trail"


def test_liver_spread_brings_liver_directed_treatment(engine):
    result = engine.explore({"site": "small_intestine", "extent": "metastatic", "liver_metastases": True})
    assert {"radiofrequency_ablation", "hepatic_artery_embolization", "cryotherapy"} <= set(ids(result))


def test_advanced_pancreatic_net(engine):
    result = engine.explore({**ADVANCED, "site": "pancreas", "sstr": "positive"})
    assert {"sunitinib", "everolimus", "prrt", "somatostatin_analog", "chemotherapy"} <= set(ids(result))


def test_everolimus_with_carcinoid_syndrome_shows_both_sources(engine, lib):
    result = engine.explore({**ADVANCED, "site": "small_intestine", "syndrome": "carcinoid_syndrome"})
    assert "everolimus" in ids(result)
    caution = next(c for c in result.cautions if c.id == "everolimus_carcinoid_syndrome")
    assert {"carcinoid-site", "cancernet"} <= set(caution.sources)


def test_adrenal_site_warns_against_biopsy(engine):
    assert "pheochromocytoma_biopsy" in caution_ids(engine.explore({"site": "adrenal"}))


@pytest.mark.parametrize(
    ("symptom", "option"),
    [
        ("wheezing", "bronchodilator"),
        ("stomach_ulcers", "proton_pump_inhibitor"),
        ("bone_pain", "external_beam_radiation"),
        ("heart_valve_problems", "cardiology_care"),
    ],
)
def test_symptoms_bring_their_supportive_option(engine, symptom, option):
    assert option in ids(engine.explore({"symptoms": [symptom]}))


def test_low_blood_sugar_brings_its_safety_caution_and_diazoxide_waits_for_a_diagnosis(engine):
    result = engine.explore({"symptoms": ["low_blood_sugar"]})
    assert "low_blood_sugar_safety" in caution_ids(result) and "diazoxide" not in ids(result)
    assert "diazoxide" in ids(engine.explore({"syndrome": "insulinoma"}))


def test_grade_is_derived_from_ki67_and_shapes_options(engine):
    result = engine.explore({"ki67": 35})
    assert result.profile["grade"] == 3
    assert "chemotherapy" in ids(result)
    assert "active_surveillance" not in ids(result)


def test_watching_is_for_a_small_quiet_pancreas_net_or_stable_spread_only(engine):
    small_pancreas = {"site": "pancreas", "extent": "localized", "grade": 1, "functional": "no", "tumor_size_cm": 2}
    assert "active_surveillance" in ids(engine.explore(small_pancreas))
    stable_spread = {
        "site": "small_intestine",
        "extent": "metastatic",
        "grade": 1,
        "functional": "no",
        "growth": "stable",
    }
    assert "active_surveillance" in ids(engine.explore(stable_spread))
    for changed in ({"tumor_size_cm": 2.1}, {"tumor_size_cm": None}, {"functional": "unknown"}, {"grade": "unknown"}):
        assert "active_surveillance" not in ids(engine.explore({**small_pancreas, **changed})), changed
    for changed in ({"growth": "unknown"}, {"growth": "growing"}, {"extent": "regional"}):
        assert "active_surveillance" not in ids(engine.explore({**stable_spread, **changed})), changed
    assert "active_surveillance" not in ids(engine.explore({**small_pancreas, "site": "colon_rectum"}))


@pytest.mark.parametrize("label", list(PRESETS))
def test_every_preset_is_a_valid_profile(engine, label):
    result = engine.explore(PRESETS[label])
    assert {"clinical_trial", "supportive_care"} <= set(ids(result))


# --- invariants over the full grid of enumerated fields ---------------------------------------
NET_ONLY = {
    "somatostatin_analog",
    "everolimus",
    "sunitinib",
    "prrt",
    "interferon",
    "debulking_surgery",
    "radiofrequency_ablation",
    "hepatic_artery_embolization",
    "cryotherapy",
}


def _grid():
    names = [n for n, s in PROFILE_FIELDS.items() if s.kind in ("choice", "bool")]
    values = [PROFILE_FIELDS[n].values if PROFILE_FIELDS[n].kind == "choice" else (True, False) for n in names]
    for combo in itertools.product(*values):
        yield parse_profile(dict(zip(names, combo)))


def test_invariants_hold_for_every_profile_in_the_grid(engine):
    seen = 0
    for profile in _grid():
        result = engine.explore_parsed(profile)
        shown = ids(result)
        assert "clinical_trial" in shown and "supportive_care" in shown
        assert len(shown) == len(set(shown))
        if "sunitinib" in shown:
            assert profile["site"] == "pancreas"
        if "prrt" in shown:
            assert profile["sstr"] == "positive"
        if profile["extent"] == "metastatic":
            assert "endoscopic_resection" not in shown
        if "everolimus" in shown and profile["syndrome"] == "carcinoid_syndrome":
            assert "everolimus_carcinoid_syndrome" in caution_ids(result)
        if profile["syndrome"] == "carcinoid_syndrome":
            assert "carcinoid_crisis" in caution_ids(result)
        # The safety rules a NET team would sign (issue: clinical safety).
        if profile["differentiation"] == "poorly":
            assert not NET_ONLY & set(shown) and "nec_urgent" in caution_ids(result)
        if "active_surveillance" in shown:
            used = result.profile
            assert used["syndrome"] == "none" and used["functional"] != "yes" and used["grade"] != 3
            assert used["growth"] != "growing" and used["differentiation"] != "poorly"
        if profile["syndrome"] == "insulinoma":
            assert "low_blood_sugar_safety" in caution_ids(result)
        if profile["syndrome"] == "vipoma":
            assert "vipoma_fluid_loss" in caution_ids(result)
        if profile["syndrome"] == "pheochromocytoma":
            assert "pheochromocytoma_blood_pressure" in caution_ids(result)
        if (
            profile["extent"] == "metastatic"
            and profile["resectable"] == "yes"
            and profile["differentiation"] != "poorly"
        ):
            assert "surgery" in shown and "debulking_surgery" not in shown
        for option in result.options:
            assert option.reasons and all(r.why and r.sources for r in option.reasons)
        seen += 1
    assert seen == 1_088_640


def test_same_input_same_output(engine):
    profile = {**ADVANCED, "site": "pancreas", "sstr": "positive", "symptoms": ["diarrhea"]}
    assert engine.explore(profile) == engine.explore(dict(profile))


# --- profiles: vocabulary and messages ---------------------------------------------------------
@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ({"sitee": "lung"}, "unknown field `sitee`; the fields are: site, extent"),
        ({"site": "mars"}, "`site` cannot be 'mars'; it takes one of: lung, stomach"),
        ({"grade": 4}, "`grade` cannot be 4; it takes one of: 1, 2, 3, unknown"),
        ({"ki67": 120}, "`ki67` cannot be 120; it takes a number from 0 to 100"),
        ({"tumor_size_cm": 0}, "`tumor_size_cm` cannot be 0; it takes a number above 0"),
        ({"liver_metastases": "maybe"}, "`liver_metastases` cannot be 'maybe'; it takes true or false"),
        ({"symptoms": ["itching"]}, "`symptoms` cannot be ['itching']; it takes a list of: diarrhea"),
        ("lung", "a profile must be an object"),
    ],
)
def test_profile_errors_name_the_field_and_allowed_values(profile, message):
    with pytest.raises(ProfileError) as err:
        parse_profile(profile)
    assert message in str(err.value)


def test_cli_explore_one_profile(tmp_path):
    file = tmp_path / "p.json"
    file.write_text(json.dumps({"site": "pancreas", **ADVANCED, "sstr": "positive"}))
    result = run_cli("explore", "--profile", str(file))
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert set(data) == {"profile", "options", "cautions", "notes", "conflicts", "already_had"}
    assert data["conflicts"] == []
    assert data["profile"]["growth"] == "unknown" and data["profile"]["symptoms"] == []
    option = next(o for o in data["options"] if o["id"] == "sunitinib")
    assert set(option) == {"id", "name", "goals", "reasons", "outcomes"}
    assert set(option["reasons"][0]) == {"rule", "why", "sources"}
    assert all({"id", "text", "sources"} <= set(c) for c in data["cautions"])


def test_cli_explore_a_list_from_stdin(monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps([{"site": "lung"}, {"site": "adrenal"}])))
    data = json.loads(run_cli("explore", "--profile", "-").out)
    assert [d["profile"]["site"] for d in data] == ["lung", "adrenal"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"site": "mars"}', "`site` cannot be 'mars'; it takes one of: lung"),
        ('[{"site": "lung"}, {"colour": 1}]', "profile 2: unknown field `colour`"),
        ("{not json", "not valid JSON"),
    ],
)
def test_cli_explore_bad_profiles_exit_2(tmp_path, content, message):
    file = tmp_path / "p.json"
    file.write_text(content)
    result = run_cli("explore", "--profile", str(file))
    assert result.code == 2 and message in result.err


def test_cli_explore_missing_file(tmp_path):
    result = run_cli("explore", "--profile", str(tmp_path / "nope.json"))
    assert result.code == 2 and "cannot read" in result.err
