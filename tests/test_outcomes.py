"""Outcome chances: every trial figure is complete, shows only for profiles like the trial's
people, and is drawn as a picture whose icons match the number."""

from __future__ import annotations

import json

import pytest

from netaid.explorer.conflicts import resolve
from netaid.explorer.outcomes import population_fit
from netaid.explorer.profile import parse_profile
from netaid.explorer.rules import Explorer
from netaid.outputs.outcome_charts import icon_array, icons_for, month_scale, outcome_chart, outcome_sentence
from testkit.profiles import ADVANCED_PNET
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def engine(lib):
    return Explorer(lib)


def used(profile: dict) -> dict:
    return resolve(parse_profile(profile))[0]


def test_every_figure_has_a_source_time_frame_population_and_evidence_kind(lib):
    registry = {s.id: s for s in lib.sources.sources}
    assert len(lib.outcomes.outcomes) >= 8
    for o in lib.outcomes.outcomes:
        publication = registry[o.sources[0]]
        assert publication.kind == "publication" and publication.url and publication.url.startswith("https://")
        assert o.over and o.who and o.place and o.evidence and o.population.sites
        assert o.option in {opt.id for opt in lib.options.options}
        if o.unit == "in 100":
            assert 0 <= o.with_treatment <= 100 and 0 <= o.without_treatment <= 100


@pytest.mark.parametrize("o_index", range(3))
def test_icon_arrays_fill_as_many_icons_as_the_figure_says(lib, o_index):
    rates = [o for o in lib.outcomes.outcomes if o.unit == "in 100"]
    o = rates[o_index % len(rates)]
    chart = icon_array(o, "the drug")
    filled = [t for t in chart.figure.data if t.marker.color != "white"]
    empty = [t for t in chart.figure.data if t.marker.color == "white"]
    assert [len(t.x) for t in filled] == [icons_for(o.with_treatment), icons_for(o.without_treatment)]
    assert [len(t.x) + len(e.x) for t, e in zip(filled, empty)] == [100, 100]
    assert f"{o.with_treatment:g} in 100" in chart.alt and f"{o.without_treatment:g} in 100" in chart.alt


def test_month_bars_share_one_scale_for_every_option(lib):
    months = [o for o in lib.outcomes.outcomes if o.unit == "months"]
    scale = month_scale(list(lib.outcomes.outcomes))
    ranges = {tuple(outcome_chart(o, "x", scale).figure.layout.xaxis.range) for o in months}
    assert len(ranges) == 1


def test_sentences_carry_the_exact_figures(lib):
    for o in lib.outcomes.outcomes:
        text = outcome_sentence(o, "the drug")
        assert f"{o.with_treatment:g}" in text and f"{o.without_treatment:g}" in text


def test_figures_show_only_for_people_like_those_in_the_trial(engine):
    result = engine.explore(ADVANCED_PNET)
    shots = next(o for o in result.options if o.id == "somatostatin_analog")
    clarinet = [f for f in shots.outcomes if f.outcome.trial == "CLARINET"]
    assert clarinet and clarinet[0].fit == "yes", "every CLARINET entry criterion is known and met"
    assert all(f.outcome.trial != "PROMID" for f in shots.outcomes), "PROMID had small-bowel NETs only"
    everolimus = next(o for o in result.options if o.id == "everolimus")
    radiant3 = [f for f in everolimus.outcomes if f.outcome.trial == "RADIANT-3"]
    assert radiant3 and radiant3[0].fit == "unclear" and "differentiation" in radiant3[0].not_stated
    assert all(f.outcome.trial != "RADIANT-4" for f in everolimus.outcomes), "RADIANT-4 had no pancreas NETs"
    sunitinib = next(o for o in result.options if o.id == "sunitinib")
    assert sunitinib.outcomes and all(f.fit == "unclear" and "grade" in f.not_stated for f in sunitinib.outcomes)
    unknown_grade = engine.explore({**ADVANCED_PNET, "grade": "unknown"})
    ev = next(o for o in unknown_grade.options if o.id == "everolimus")
    assert all(f.fit == "unclear" and "grade" in f.unknown for f in ev.outcomes)
    grade3 = engine.explore({**ADVANCED_PNET, "grade": 3})
    ev3 = next(o for o in grade3.options if o.id == "everolimus")
    assert all(f.outcome.trial != "RADIANT-3" for f in ev3.outcomes), "RADIANT-3 had grades 1 and 2 only"


def test_a_population_that_does_not_fit_hides_the_figure(lib):
    pop = next(o for o in lib.outcomes.outcomes if o.option == "sunitinib").population
    assert (
        population_fit(
            pop,
            used(
                {
                    "site": "small_intestine",
                    "extent": "metastatic",
                    "grade": 2,
                    "differentiation": "well",
                    "functional": "no",
                }
            ),
        )[0]
        == "no"
    )
    assert population_fit(pop, used({"site": "pancreas", "extent": "localized", "resectable": "yes"}))[0] == "no"


def test_cli_gives_each_option_an_outcomes_list(tmp_path):
    file = tmp_path / "p.json"
    file.write_text(json.dumps(ADVANCED_PNET))
    data = json.loads(run_cli("explore", "--profile", str(file)).out)
    assert all("outcomes" in o for o in data["options"])
    everolimus = next(o for o in data["options"] if o["id"] == "everolimus")
    assert everolimus["outcomes"]
    for outcome in everolimus["outcomes"]:
        assert set(outcome) == {"what", "with", "without", "unit", "over", "who", "evidence", "source"}
        assert outcome["unit"] in ("in 100", "months")
    trial = next(o for o in data["options"] if o["id"] == "clinical_trial")
    assert trial["outcomes"] == []


def test_the_option_card_shows_the_trial_figure_in_words_and_as_a_picture():
    from testkit.pages import open_page, page_text

    at = open_page("explorer.py")
    at.button(key="preset_Advanced pancreatic NET").click().run()
    assert not at.exception
    text = page_text(at)
    assert "What the trials found" in text and "RADIANT-3" in text and "11 months" in text
    assert "Our sources give no trial figures for this option." in text  # e.g. clinical trial
    charts = at.get("plotly_chart")
    assert any("Months alive with no growth" in c.proto.spec for c in charts)


def test_telestar_figure_shows_only_with_carcinoid_syndrome_that_has_spread(engine):
    spread = {
        "site": "small_intestine",
        "extent": "metastatic",
        "differentiation": "well",
        "grade": 1,
        "functional": "yes",
        "syndrome": "carcinoid_syndrome",
        "symptoms": ["diarrhea", "flushing"],
    }
    pill = next(o for o in engine.explore(spread).options if o.id == "telotristat")
    assert [(f.outcome.trial, f.outcome.with_treatment, f.outcome.without_treatment) for f in pill.outcomes] == [
        ("TELESTAR", 44, 20)
    ]
    assert pill.outcomes[0].fit in ("yes", "unclear")
    removable = {**spread, "extent": "localized", "resectable": "yes"}
    assert all(
        f.fit == "no" for f in next(o for o in engine.explore(removable).options if o.id == "telotristat").outcomes
    ), "the trial's people had spread NETs"
