"""Every page renders through app.py without an exception, and its widgets do what they say."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from testkit.pages import APP, figure, open_page, page_text
from ui.registry import PAGES, PAGES_DIR, SECTIONS


def test_every_page_file_is_in_the_navigation():
    assert sorted(p.name for p in PAGES_DIR.glob("*.py")) == sorted(p[0] for p in PAGES)


def test_every_page_is_in_exactly_one_menu_section():
    in_sections = [url for urls in SECTIONS.values() for url in urls]
    assert sorted(in_sections) == sorted(p[3] for p in PAGES)
    assert len(SECTIONS) <= 5 and all(len(urls) <= 5 for urls in SECTIONS.values()), "a first look stays short"


def test_url_paths_match_file_names():
    """A fresh server routes its first deep link by file name; a mismatch shows 'page not found'."""
    assert all(url == file.removesuffix(".py") for file, _, _, url in PAGES)


@pytest.mark.parametrize("file", [p[0] for p in PAGES])
def test_page_renders_with_disclaimer(file):
    at = open_page(file)
    assert len(at.title) >= 1
    if file == "present.py":  # presenter mode keeps the screen clear: the disclaimer is on its closing slide
        assert "It is not medical advice" not in page_text(at)
        at.button(key="present_prev").click().run()
    assert "It is not medical advice" in page_text(at)


def test_home_offers_three_starting_paths():
    text = page_text(open_page("home.py"))
    for path in ("I have a NET", "I'm explaining to a patient", "I want to test what I know"):
        assert path in text


def test_learn_shows_sites_chart_with_alt_and_table(lib):
    at = open_page("learn.py")
    chart = at.get("plotly_chart")[0]
    spec = json.loads(chart.proto.spec)
    percents = {s.name: s.percent for s in lib.sites.sites if s.percent is not None}
    bar = spec["data"][0]
    assert dict(zip(bar["y"], bar["x"])) == percents
    assert "Lung" in chart.proto.alt or "lung" in chart.proto.alt.lower()
    assert at.table, "the chart's numbers are also shown as a table"
    text = page_text(at)
    assert "60 in 100" in text or "60 out of 100" in text
    assert "#functional" in text and "Next part: Risks and symptoms" in [
        link.proto.label for link in at.get("page_link")
    ]


def test_learn_parts_open_directly_and_explain_glossary_words():
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("pages/learn.py")
    at.query_params["section"] = "triggers"
    at.run()
    assert not at.exception
    text = page_text(at)
    assert "#carcinoid-crisis" in text and "#triggers" in text
    assert "](/glossary?term=" not in text, "glossary words are explained in place, not linked away"
    assert any(p.proto.popover.label.startswith("Words explained") for p in at.get("popover"))


def test_home_route_and_visit_sheet_one_tap_away():
    at = open_page("home.py")
    links = [link.proto.page for link in at.get("page_link")]
    assert any("visit_sheet" in link for link in links)


def test_grade_page_grades_and_explains():
    at = open_page("grade.py")
    assert "Enter a Ki-67 percent" in page_text(at)
    at.number_input(key="ki67").set_value(2.9).run()
    at.number_input(key="mitoses").set_value(21).run()
    assert not at.exception
    assert not at.success, "a grade 3 result is never shown as a green success"
    result = at.warning[0].proto.body
    assert "Grade 3" in result and "mitotic count decided it" in result
    assert len(at.warning) == 3, "the grade 3 result, then both values near a cut-off"
    assert "NEC" in page_text(at)
    spec = figure(at)
    markers = [t for t in spec["data"] if t.get("mode") == "markers+text"]
    assert [m["text"] for m in markers] == [["2.9%"], ["21"]]


def test_grade_page_single_measure():
    at = open_page("grade.py")
    at.number_input(key="ki67").set_value(10).run()
    assert "Grade 2" in at.info[0].proto.body
    assert "Ki-67 index decided it" in at.info[0].proto.body
    assert not at.warning


def test_stage_picture_changes_with_the_choice():
    at = open_page("stage.py")
    before = figure(at)
    at.radio(key="stage").set_value("metastatic").run()
    at.selectbox(key="site").set_value("pancreas").run()
    at.button_group(key="stage_spread").set_value(["liver"]).run()
    after = figure(at)
    assert before != after
    assert "metastatic" in at.get("plotly_chart")[0].proto.alt.lower()
    assert "Liver" in at.get("plotly_chart")[0].proto.alt


def test_diagnosis_filter_by_kind(lib):
    at = open_page("diagnosis.py")
    all_count = len(lib.tests.tests)
    assert sum(1 for s in at.header if s.value in {t.name for t in lib.tests.tests}) == all_count
    at.button_group(key="kind").set_value("nuclear").run()
    nuclear = {t.name for t in lib.tests.tests if t.kind == "nuclear"}
    assert {s.value for s in at.header} & {t.name for t in lib.tests.tests} == nuclear
    assert "pheochromocytoma" in page_text(open_page("diagnosis.py")).lower()


def test_glossary_search(lib):
    at = open_page("glossary.py")
    at.text_input(key="glossary_query").set_value("ki-67").run()
    assert "Ki-67" in page_text(at)
    at.text_input(key="glossary_query").set_value("zzzz").run()
    assert "No word matches" in at.info[0].proto.body


def test_sources_page_lists_registry_and_policy(lib):
    text = page_text(open_page("sources.py"))
    assert lib.sources.update_policy in text and lib.sources.funding in text
