"""The guided path: step indicator and back/next links over the explorer, Compare and the visit
sheet; the leaning option and the SURE answers (with help for each no) reach the visit sheet."""

from __future__ import annotations

import pytest

from netaid.explorer.rules import Explorer
from netaid.explorer.values import SURE_QUESTIONS, sure_help
from netaid.outputs.visit_sheet import VisitSheet, visit_sheet_pdf, visit_sheet_text
from testkit.pages import open_page, page_text
from testkit.pdfs import squash, text_of
from testkit.profiles import ADVANCED_PNET_GROWING

PRESET = "Advanced pancreatic NET"


@pytest.fixture(autouse=True)
def private_database(tmp_path, monkeypatch):
    monkeypatch.setenv("NETAID_DATABASE_URL", f"sqlite:///{tmp_path / 'path.sqlite3'}")


def links(at):
    return [(p.proto.label, p.proto.page) for p in at.get("page_link")]


def markdown_html(at):
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize(
    ("file", "step", "back", "forward"),
    [
        ("explorer.py", 1, None, "On to step 2: What matters to me"),
        ("decide.py", 2, "Back to step 1: What I know", "On to step 4: Next steps"),
        ("visit_sheet.py", 4, "Back to step 3: Which way I lean", None),
    ],
)
def test_each_step_page_shows_where_it_is_and_links_back_and_on(file, step, back, forward):
    at = open_page(file)
    html = markdown_html(at)
    assert f"Step {step} of 4" in html and 'aria-current="step"' in html and 'aria-label="Decision steps"' in html
    labels = [label for label, _ in links(at)]
    if back:
        assert back in labels
    if forward:
        assert forward in labels


def answer_sure(at, noes=()):
    for key, _ in SURE_QUESTIONS:
        at.radio(key=f"sure_{key}").set_value("No" if key in noes else "Yes").run()


def test_each_no_on_sure_points_to_the_help_that_fits():
    at = open_page("decide.py")
    answer_sure(at, noes=("understand", "risk_benefit", "encouragement"))
    assert not at.exception
    text = page_text(at)
    assert "Help for each “no”" in text
    labels = [label for label, _ in links(at)]
    assert "Read the Learn page" in labels and "Check what you know with a quiz" in labels
    assert "[Go back to what matters to me](#what-matters-to-me)" in text
    assert "Talk with your care team" in text
    assert "**Sure: no.**" not in text, "a yes brings no help"


def test_no_help_when_every_answer_is_yes():
    at = open_page("decide.py")
    answer_sure(at)
    assert "Help for each “no”" not in page_text(at)


def test_leaning_and_sure_reach_the_visit_sheet_page_and_file():
    at = open_page("explorer.py")
    at.button(key=f"preset_{PRESET}").click().run()
    at.checkbox(key="keep_everolimus").check().run()
    at.switch_page("pages/decide.py").run()
    at.radio(key="leaning_option").set_value("everolimus").run()
    answer_sure(at, noes=("encouragement",))
    at.switch_page("pages/visit_sheet.py").run()
    assert not at.exception
    text = page_text(at)
    assert "I lean toward: **Everolimus (Afinitor)**" in text
    assert "Do you have enough support and advice to make a choice? **No**" in text
    assert sure_help("encouragement") in text
    sheet = at.text[0].value
    assert "WHICH WAY I LEAN" in sheet and "I lean toward: Everolimus (Afinitor)." in sheet
    assert "Possible benefits:" in sheet and "What is not certain:" in sheet
    assert "RADIANT-3" in sheet, "the trial figure that fits an advanced pancreatic NET"
    assert f"What may help: {sure_help('encouragement')}" in sheet


def test_leaning_comes_back_when_the_person_returns_to_compare():
    at = open_page("decide.py")
    at.radio(key="leaning_option").set_value("").run()
    at.switch_page("pages/visit_sheet.py").run()
    assert "I am not sure yet." in page_text(at)
    at.switch_page("pages/decide.py").run()
    assert at.radio(key="leaning_option").value == ""


def test_visit_sheet_pdf_carries_benefits_sure_answers_and_the_leaning_option(lib):
    profile = ADVANCED_PNET_GROWING
    shown = {o.id: o for o in Explorer(lib).explore(profile).options}
    sheet = VisitSheet(
        option_ids=["somatostatin_analog", "everolimus"],
        shown=shown,
        leaning="somatostatin_analog",
        sure={"sure": False, "understand": True, "risk_benefit": True, "encouragement": True},
    )
    for text in (squash(text_of(visit_sheet_pdf(lib, sheet))), squash(visit_sheet_text(lib, sheet))):
        assert "Possible benefits:" in text and "What the trials found:" in text and "What is not certain:" in text
        assert "65.1 in 100" in text, "CLARINET's figure, for a person like those in the trial"
        assert "Which way I lean".lower() in text.lower() and "I lean toward: Somatostatin analog shots" in text
        assert "Do you feel sure about the best choice for you? No." in text
        assert squash(f"What may help: {sure_help('sure')}") in text
        assert "Do you have enough support and advice to make a choice? Yes." in text


def test_sheet_without_leaning_or_sure_says_nothing_about_them(lib):
    text = visit_sheet_text(lib, VisitSheet(option_ids=["surgery"]))
    assert "WHICH WAY I LEAN" not in text and "SURE" not in text
