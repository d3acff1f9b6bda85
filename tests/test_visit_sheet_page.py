"""The visit sheet gathers what was chosen in the explorer, Compare & decide, and the quizzes."""

from __future__ import annotations

import pytest

from testkit.pages import PRESET, answer, open_page, page_text, start_round


@pytest.fixture(autouse=True)
def private_database(tmp_path, monkeypatch):
    monkeypatch.setenv("NETAID_DATABASE_URL", f"sqlite:///{tmp_path / 'sheet.sqlite3'}")


def test_choices_from_explorer_values_and_quiz_reach_the_sheet():
    at = open_page("explorer.py")
    at.button(key=f"preset_{PRESET}").click().run()
    at.checkbox(key="keep_telotristat").check().run()
    at.switch_page("pages/decide.py").run()
    at.select_slider(key="value_avoid_injections").set_value("very important").run()
    at.switch_page("pages/quiz.py").run()
    start_round(at, topic="triggers", length=5)
    answer(at, right=False)
    at.switch_page("pages/visit_sheet.py").run()
    assert not at.exception
    text = page_text(at)
    assert "**Where it started:** Small intestine" in text
    assert at.multiselect(key="sheet_options").value == ["telotristat"]
    assert "Avoiding shots (injections): **very important**" in text
    assert "Carcinoid syndrome triggers" in text or "triggers" in text.lower()
    at.checkbox(key="sheet_q_after_diagnosis_0").check().run()
    at.text_area(key="sheet_own").set_value("Can I fly next month?").run()
    preview = at.text[0].value
    assert "Can I fly next month?" in preview and "Telotristat" in preview
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download the visit sheet (PDF)", "Download as plain text", "Download the wallet card (PDF)"]


def test_empty_sheet_explains_where_to_start():
    at = open_page("visit_sheet.py")
    assert "You have not described your situation yet" in at.info[0].proto.body
    assert "No questions picked" not in page_text(at)
