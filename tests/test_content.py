"""The shipped content holds what the sources say, complete and cited."""

from __future__ import annotations

from pathlib import Path

import pytest

from netaid.content.library import CONTENT_FILES, load_library, sources_in
from netaid.content.readability import MAX_GRADE, MAX_MEDIAN, median_grade, score_all

# Figures as the Cancer.Net guide (seed 000) gives them.
SEED_SITE_PERCENTS = {
    "lung": 30,
    "colon_rectum": 20,
    "small_intestine": 19,
    "unknown_primary": 15,
    "pancreas": 7,
    "appendix": 4,
}


def test_library_is_parsed_once_per_process(lib):
    assert load_library() is lib


def test_site_percentages_match_the_sources(lib):
    given = {s.id: s.percent for s in lib.sites.sites if s.percent is not None}
    assert given == SEED_SITE_PERCENTS
    assert all("cancernet" in s.sources for s in lib.sites.sites if s.percent is not None)


def test_statistics_match_the_sources(lib):
    values = {s.value for s in lib.overview.statistics}
    assert {12000, 171000, 60} <= values


def test_trigger_groups_hold_the_source_foods(lib):
    triggers = {t.id: t for t in lib.carcinoid.triggers}
    assert set(triggers) == {"amines", "serotonin", "alcohol", "stress", "hard_exercise"}
    amines = " ".join(triggers["amines"].examples).lower()
    serotonin = " ".join(triggers["serotonin"].examples).lower()
    for food in ("cheese", "yeast", "tofu", "sauerkraut", "smoked"):
        assert food in amines
    for food in ("walnut", "pecan", "plantain", "banana", "tomato"):
        assert food in serotonin


@pytest.mark.parametrize(
    "test_id",
    [
        "biopsy",
        "five_hiaa",
        "chromogranin_a",
        "endoscopy",
        "ultrasound",
        "x_ray",
        "ct",
        "mri",
        "dotatate_pet",
        "fdg_pet",
    ],
)
def test_every_diagnosis_test_is_described(lib, test_id):
    assert test_id in {t.id for t in lib.tests.tests}


def test_biopsy_carries_the_pheochromocytoma_caution(lib):
    biopsy = next(t for t in lib.tests.tests if t.id == "biopsy")
    assert biopsy.caution and "pheochromocytoma" in biopsy.caution.lower()


def test_chromogranin_a_is_not_presented_as_diagnostic(lib):
    cga = next(t for t in lib.tests.tests if t.id == "chromogranin_a")
    text = f"{cga.looks_for} {cga.what_it_is_like} {cga.caution or ''}".lower()
    assert "not" in text and "diagnos" in text


def test_stages_and_staging_systems(lib):
    assert [s.id for s in lib.stages.stages] == ["localized", "regional", "metastatic"]
    sites = " ".join(lib.stages.own_system_sites).lower()
    for site in ("stomach", "pancreas", "appendix", "colon"):
        assert site in sites
    assert "non-small cell lung cancer" in lib.stages.lung_system.text.lower()


def test_grades_functional_syndromes_and_glossary(lib):
    assert [g.grade for g in lib.grades.grades] == [1, 2, 3]
    assert {"insulinoma", "vipoma", "zollinger_ellison"} <= {s.id for s in lib.functional_syndromes.syndromes}
    assert len(lib.glossary.terms) >= 40


def test_every_cited_source_is_in_the_registry_and_dated(lib):
    registry = {s.id: s for s in lib.sources.sources}
    cited = sources_in(*(getattr(lib, attr) for attr, _ in CONTENT_FILES.values()), lib.quiz_banks)
    assert cited <= set(registry)
    assert all(registry[c].reviewed for c in cited)


def test_patient_facing_text_is_plain(lib):
    roots = {attr: getattr(lib, attr) for attr, _ in CONTENT_FILES.values()}
    roots |= {f"quizzes/{topic}": bank for topic, bank in lib.quiz_banks.items()}
    scored = score_all(roots)
    too_hard = [s for s in scored if s.grade > MAX_GRADE]
    median = median_grade(scored)
    worst = "\n".join(f"  {s.grade:5.1f} {s.where}: {s.text[:100]}" for s in scored[:10])
    assert not too_hard and median <= MAX_MEDIAN, (
        f"{len(too_hard)} of {len(scored)} texts are above grade {MAX_GRADE}; median {median} "
        f"(limit {MAX_MEDIAN}). Hardest:\n{worst}"
    )


def test_netaid_states_its_version_dates_funding_and_conflicts(lib):
    import tomllib

    about = lib.sources.about
    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
    assert about.version == pyproject["project"]["version"], "one version, in pyproject and on the Sources page"
    assert about.published <= about.content_checked < about.next_review
    assert "Nobody funds NETaid" in lib.sources.funding and about.conflicts_of_interest


def test_sources_page_shows_the_version_and_disclosures():
    from testkit.pages import open_page, page_text

    text = page_text(open_page("sources.py"))
    assert "NETaid version 0.2.0" in text and "next full review due by" in text
    assert "Nobody funds NETaid" in text and "Conflicts of interest" in text and "How we chose the evidence" in text
