"""The clinic pilot kit: stores nothing while off, scores the decisional conflict scale, and
exports anonymous answers as CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from netaid.evaluation import (
    DCS_ITEMS,
    EvaluationStore,
    Response,
    dcs_score,
    kit_is_on,
    knowledge_questions,
    knowledge_score,
    new_participant_code,
    responses_csv,
)
from tests.conftest import run_cli

ALL_YES = {k: "yes" for k, _ in DCS_ITEMS}


@pytest.mark.parametrize(
    ("answers", "score"),
    [
        (ALL_YES, 0.0),
        ({k: "no" for k, _ in DCS_ITEMS}, 100.0),
        ({k: "unsure" for k, _ in DCS_ITEMS}, 50.0),
        ({**ALL_YES, "sure": "no", "advice": "unsure"}, 15.0),
    ],
)
def test_decisional_conflict_score(answers, score):
    assert dcs_score(answers) == score


def test_a_missing_or_odd_answer_is_refused_by_name():
    with pytest.raises(ValueError, match="pressure"):
        dcs_score({**ALL_YES, "pressure": "maybe"})


def test_knowledge_check_is_five_fixed_true_false_questions(lib):
    questions = knowledge_questions(lib.quiz_banks)
    assert len(questions) == 5 and questions == knowledge_questions(lib.quiz_banks)
    assert knowledge_score(questions, {q.id: q.correct for q in questions}) == 5
    assert knowledge_score(questions, {}) == 0


def test_switch_words():
    assert (
        kit_is_on({"NETAID_EVALUATION_KIT": "on"})
        and not kit_is_on({})
        and not kit_is_on({"NETAID_EVALUATION_KIT": "off"})
    )


def response(phase: str = "before") -> Response:
    return Response(
        "AB12CD34",
        phase,
        date(2026, 11, 21),
        {"sure": True, "understand": False, "risk_benefit": True, "encouragement": True},
        3,
        5,
        dict(ALL_YES),
    )


def test_the_kit_stores_nothing_while_off(tmp_path):
    db = tmp_path / "off.sqlite3"
    kit = EvaluationStore({"NETAID_DATABASE_URL": f"sqlite:///{db}"})
    with pytest.raises(RuntimeError, match="switched off"):
        kit.save(response())
    assert kit.responses() == [] and not db.exists()


def test_answers_are_kept_and_exported_without_names(tmp_path):
    env = {"NETAID_DATABASE_URL": f"sqlite:///{tmp_path / 'on.sqlite3'}", "NETAID_EVALUATION_KIT": "on"}
    kit = EvaluationStore(env)
    kit.save(response("before"))
    kit.save(response("after"))
    rows = list(csv.DictReader(io.StringIO(responses_csv(EvaluationStore(env).responses()))))
    assert [r["phase"] for r in rows] == ["before", "after"]
    assert rows[0]["dcs_total"] == "0" and rows[0]["sure_all_yes"] == "False" and rows[0]["knowledge_right"] == "3"


def test_participant_codes_are_random():
    assert len({new_participant_code() for _ in range(1000)}) == 1000


def test_cli_export(tmp_path, monkeypatch):
    monkeypatch.setenv("NETAID_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.delenv("NETAID_EVALUATION_KIT", raising=False)
    assert run_cli("evaluation-export", "-o", str(tmp_path / "a.csv")).code == 2
    monkeypatch.setenv("NETAID_EVALUATION_KIT", "on")
    result = run_cli("evaluation-export", "-o", str(tmp_path / "a.csv"))
    assert result.code == 0 and (tmp_path / "a.csv").read_text().startswith("participant,phase,day")


def test_pilot_page_says_it_is_off_by_default():
    from testkit.pages import open_page, page_text

    assert "switched off on this site" in page_text(open_page("evaluation.py"))


def test_a_person_fills_in_the_pilot_form_when_the_clinic_switched_it_on(tmp_path, monkeypatch):
    from testkit.pages import open_page, page_text

    env = {"NETAID_DATABASE_URL": f"sqlite:///{tmp_path / 'page.sqlite3'}", "NETAID_EVALUATION_KIT": "on"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    at = open_page("evaluation.py")
    code = at.text_input(key="pilot_code_typed").value
    at.button[0].click().run()  # send with nothing answered
    assert "Please answer every question" in page_text(at)
    from netaid.explorer.values import SURE_QUESTIONS

    for key, _ in SURE_QUESTIONS:
        at.radio(key=f"pilot_sure_{key}").set_value("yes")
    for key, _ in DCS_ITEMS:
        at.radio(key=f"pilot_dcs_{key}").set_value("unsure")
    at.button[0].click().run()
    assert "Your answers are saved without your name" in page_text(at)
    saved = EvaluationStore(env).responses()
    assert len(saved) == 1 and saved[0].participant == code and dcs_score(saved[0].dcs) == 50.0
