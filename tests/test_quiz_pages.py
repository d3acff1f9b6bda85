"""Quiz, Progress and Presenter pages: answering, feedback, review, due list, export and import."""

from __future__ import annotations

import json
from datetime import UTC

import pytest
from streamlit.testing.v1 import AppTest

from netaid.content.library import load_library
from netaid.quiz.models import SortIntoGroups
from testkit.pages import answer, choose, current_question, open_page, page_text, start_round


@pytest.fixture(autouse=True)
def private_database(tmp_path, monkeypatch):
    monkeypatch.setenv("NETAID_DATABASE_URL", f"sqlite:///{tmp_path / 'quiz.sqlite3'}")


def test_right_answer_shows_right_with_the_explanation():
    at = start_round(open_page("quiz.py"))
    q = current_question(at)
    answer(at, right=True)
    assert "Right!" in at.success[0].proto.body
    assert q.explanation in page_text(at)
    assert "Source" in page_text(at)


def test_wrong_answer_shows_the_right_one_and_a_learn_link():
    at = start_round(open_page("quiz.py"), topic="triggers")
    q = current_question(at)
    answer(at, right=False)
    assert "Not quite" in at.error[0].proto.body
    assert q.explanation in page_text(at)
    if q.learn:
        assert "Learn more about this" in page_text(at)


def test_a_round_ends_with_a_summary_and_review_of_missed():
    at = start_round(open_page("quiz.py"), length=5)
    for i in range(5):
        answer(at, right=i % 2 == 0)
        at.button(key="next").click().run()
    assert "Round finished" in page_text(at)
    assert at.metric[0].value == "3 of 5"
    at.button(key="again_missed").click().run()
    assert len(at.session_state["round"]["ids"]) == 2


def test_review_missed_and_due_lists_follow_the_answers():
    at = start_round(open_page("quiz.py"), length=5)
    answer(at, right=False)
    missed_id = current_question(at).id
    at.button(key="stop_round").click().run()
    text = page_text(at)
    assert "**1** question whose last answer was wrong" in text
    assert "**0** questions are due" in text, "a missed question comes back after a short gap, not at once"
    at.button(key="start_review").click().run()
    assert at.session_state["round"]["ids"] == [missed_id]


def test_progress_page_charts_export_and_import():
    at = start_round(open_page("quiz.py"), length=5)
    answer(at, right=True)
    at.switch_page("pages/progress.py").run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 2
    exported = at.session_state["guest_store"].export(at.session_state["guest_store"].find("guest"))
    assert len(json.loads(exported)["answers"]) == 1
    fresh = open_page("progress.py")
    assert "No answers yet" in fresh.info[0].proto.body


def save_with_a_key(at: AppTest) -> str:
    """Press "Save my progress"; return the key the page shows."""
    at.button(key="make_key").click().run()
    assert not at.exception
    key = at.session_state["learner_key"]
    assert key in [c.value for c in at.code], "the new key is shown"
    return key


def open_with_key(at: AppTest, key: str) -> AppTest:
    at.text_input(key="key_input").set_value(key)  # in a form: sent with the submit button, as Enter would
    at.button(key="use_key").click().run()
    assert not at.exception
    return at


def test_a_private_key_keeps_progress_in_the_database_and_opens_it_elsewhere():
    at = open_page("quiz.py")
    start_round(at)
    answer(at, right=True)
    key = save_with_a_key(at)
    assert len(key.split("-")) == 7, "shown in short groups"
    answer_count = len(at.session_state["guest_store"].answers(1))
    assert answer_count == 1
    other = open_with_key(open_page("quiz.py"), key.lower().replace("-", " "))
    other.switch_page("pages/progress.py").run()
    assert "Questions tried" in [m.label for m in other.metric], "the guest's answer came along to the key"
    assert other.metric[0].value == "1"


def test_a_wrong_or_unknown_key_creates_nothing_and_says_why():
    from sqlalchemy import func, select

    from netaid.quiz.progress import Learner
    from ui.learner import shared_store

    at = open_with_key(open_page("quiz.py"), "sunflower")
    assert "That is not a NETaid key" in at.error[0].proto.body
    at = open_with_key(open_page("quiz.py"), "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV")
    assert "No progress is saved under that key" in at.error[0].proto.body
    assert at.session_state["learner_hash"] is None if "learner_hash" in at.session_state else True
    with shared_store().engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Learner)) == 0


def test_no_nickname_form_is_offered_and_forget_me_deletes_everything():
    from ui.learner import shared_store

    at = open_page("progress.py")
    assert not [t for t in at.text_input if t.key == "old_nickname_input"], "nickname look-ups are retired"
    at.button(key="make_key").click().run()
    key = at.session_state["learner_key"]
    learner = shared_store().find(lookup(key))
    shared_store().record_answer(learner, "diagnosis-01", "diagnosis", True, datetime_now())
    at.run()
    assert at.metric[0].value == "1"
    at.checkbox(key="forget_sure").check().run()
    at.button(key="forget").click().run()
    assert "has been deleted" in at.success[0].proto.body
    assert "No answers yet" in at.info[0].proto.body
    assert shared_store().find(lookup(key)) is None


def datetime_now():
    from datetime import datetime

    return datetime.now(UTC)


def lookup(key: str) -> str:
    from netaid.learner_key import lookup_hash

    return lookup_hash(key)


def test_double_click_on_check_answer_records_once():
    at = start_round(open_page("quiz.py"), length=5)
    choose(at, right=True)
    check = at.button(key="check")
    check.click().run()
    check.click().run()  # the second click of a double click arrives after the first has run
    assert not at.exception
    store = at.session_state["guest_store"]
    assert len(store.answers(store.find("guest"))) == 1


def test_presenter_reveals_on_click_and_moves_on():
    at = open_page("present.py")
    lib = load_library()
    first = sorted(lib.quiz_banks)[0]
    assert lib.quiz_banks[first].questions[0].prompt in page_text(at)
    assert not at.success and not at.error, "no answer shown before the reveal"
    first_q = lib.quiz_banks[first].questions[0]
    at.button(key="present_reveal_btn").click().run()
    assert first_q.explanation in page_text(at)
    assert "The answer:" in page_text(at) and "Right!" not in page_text(at)
    assert first_q.choices[0] not in page_text(at) or first_q.choices[0] in first_q.right_answer(), (
        "the answer replaces the choices"
    )
    at.button(key="present_next").click().run()
    assert lib.quiz_banks[first].questions[1].prompt in page_text(at)
    assert lib.quiz_banks[first].questions[0].explanation not in page_text(at)
    at.button(key="present_prev").click().run()
    assert lib.quiz_banks[first].questions[0].prompt in page_text(at)
    assert not at.metric, "presenter mode shows no scores"


def test_due_questions_can_be_reviewed(tmp_path):
    import os
    from datetime import datetime, timedelta

    from netaid.quiz.progress import ProgressStore

    store = ProgressStore(os.environ["NETAID_DATABASE_URL"])
    from netaid.learner_key import lookup_hash, new_key

    key = new_key()
    learner = store.create(lookup_hash(key))
    store.record_answer(learner, "diagnosis-01", "diagnosis", False, datetime.now(UTC) - timedelta(days=2))
    at = open_with_key(open_page("quiz.py"), key)
    assert "**1** question is due" in page_text(at)
    at.button(key="start_due").click().run()
    assert at.session_state["round"]["ids"] == ["diagnosis-01"]
    assert current_question(at).id == "diagnosis-01"


def test_progress_speaks_plain_words_and_counts_right():
    at = start_round(open_page("quiz.py"), topic="triggers", length=5)
    for i in range(5):
        answer(at, right=i != 0)
        at.button(key="next").click().run()
    at.button(key="again_missed").click().run()
    answer(at, right=True)
    at.switch_page("pages/progress.py").run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Questions tried"] == "5" and metrics["Answers given"] == "6"
    mastery = json.loads(at.get("plotly_chart")[0].proto.spec)
    labels = " ".join(mastery["layout"]["yaxis"]["ticktext"])
    assert labels.count("not tried yet") == len(load_library().quiz_banks) - 1
    assert "5 right of 5 tried" in labels
    table = next(t.value for t in at.table if "Next review" in t.value.columns)
    assert all("UTC" not in w and ("in " in w or w in ("now", "tomorrow")) for w in table["Next review"])


def test_sort_question_marks_each_item():
    lib = load_library()
    sort_q = next(q for bank in lib.quiz_banks.values() for q in bank.questions if isinstance(q, SortIntoGroups))
    at = open_page("quiz.py")
    at.session_state["round"] = {"mode": "practice", "ids": [sort_q.id], "pos": 0, "results": {}, "seed": 1}
    at.run()
    answer(at, right=False)
    text = page_text(at)
    assert text.count("✗ **") == 1 and text.count("✓ **") == len(sort_q.correct) - 1
