"""Cabozantinib (CABINET, Chan et al., N Engl J Med 2025, PMID 39282913): the card, its rule
and its figures exactly as the abstract prints them, shown only for people like the trial's."""

from __future__ import annotations

from netaid.explorer.rules import Explorer
from testkit.profiles import ADVANCED_PNET_GROWING

# Whether surgery could remove it is not given ("unknown", the default).
AFTER_EVEROLIMUS = {**ADVANCED_PNET_GROWING, "resectable": "unknown", "previous_treatments": ["everolimus"]}


def test_figures_are_the_abstracts_own(lib):
    figures = {
        o.id: (o.with_treatment, o.without_treatment, o.unit) for o in lib.outcomes.outcomes if o.trial == "CABINET"
    }
    assert figures == {
        "cabinet_pancreas_time_to_growth": (13.8, 4.4, "months"),
        "cabinet_pancreas_tumor_shrank": (19, 0, "in 100"),
        "cabinet_outside_pancreas_time_to_growth": (8.4, 3.9, "months"),
        "cabinet_outside_pancreas_tumor_shrank": (5, 0, "in 100"),
    }
    trial = next(s for s in lib.sources.sources if s.id == "trial-cabinet")
    assert trial.kind == "publication" and trial.url == "https://pubmed.ncbi.nlm.nih.gov/39282913/"
    assert all(o.place == "abstract, results" for o in lib.outcomes.outcomes if o.trial == "CABINET")


def test_card_names_its_harms_and_sources(lib):
    card = next(o for o in lib.options.options if o.id == "cabozantinib")
    assert {"high_blood_pressure", "fatigue", "diarrhea"} <= set(card.side_effects.common)
    assert "blood_clots" in card.side_effects.serious
    assert "62 to 65 in 100" in card.what_it_is_like.recovery and "23 to 27 in 100" in card.what_it_is_like.recovery
    assert card.sources[0] == "trial-cabinet" and card.uncertainty


def test_pancreas_figures_for_a_pancreas_net_and_the_others_elsewhere(lib):
    engine = Explorer(lib)
    pnet = next(o for o in engine.explore(AFTER_EVEROLIMUS).options if o.id == "cabozantinib")
    assert {f.outcome.id for f in pnet.outcomes} == {"cabinet_pancreas_time_to_growth", "cabinet_pancreas_tumor_shrank"}
    lung = next(o for o in engine.explore({**AFTER_EVEROLIMUS, "site": "lung"}).options if o.id == "cabozantinib")
    assert {f.outcome.id for f in lung.outcomes} == {
        "cabinet_outside_pancreas_time_to_growth",
        "cabinet_outside_pancreas_tumor_shrank",
    }


def test_never_offered_without_the_trials_conditions(lib):
    engine = Explorer(lib)
    for change in (
        {"differentiation": "poorly"},
        {"differentiation": "unknown"},
        {"growth": "stable"},
        {"growth": "unknown"},
        {"previous_treatments": []},
        {"previous_treatments": ["somatostatin_analog"]},
        {"extent": "localized", "resectable": "yes"},
        {"site": "adrenal"},
    ):
        shown = {o.id for o in engine.explore({**AFTER_EVEROLIMUS, **change}).options}
        assert "cabozantinib" not in shown, change
