"""Quiz, Progress and Presenter pages: answering, feedback, review, due list, export and import."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from netaid.content import load_library
from netaid.quiz import correct_of, find_question
from netaid.quiz_models import MultipleSelect, SortIntoGroups
from tests.test_pages import open_page, page_text


@pytest.fixture(autouse=True)
def private_database(tmp_path, monkeypatch):
    monkeypatch.setenv("NETAID_DATABASE_URL", f"sqlite:///{tmp_path / 'quiz.sqlite3'}")


def current(at: AppTest):
    round_ = at.session_state["round"]
    return find_question(load_library(), round_["ids"][round_["pos"]])[0]


def answer(at: AppTest, right: bool) -> None:
    """Answer the current question right or wrong through its widgets, then press Check."""
    q = current(at)
    target = correct_of(q)
    if isinstance(q, MultipleSelect):
        wrong_pick = [c for c in q.choices if c not in target][:1] or target[:-1]
        for box in at.checkbox:
            if box.label in (target if right else wrong_pick):
                box.check()
    elif isinstance(q, SortIntoGroups):
        for i, radio in enumerate(at.radio):
            group = target[radio.label]
            if not right and i == 0:
                group = next(g for g in q.groups if g != group)
            radio.set_value(group)
    else:
        radio = at.radio(key=next(r.key for r in at.radio))
        radio.set_value(target if right else next(o for o in radio.options if o != target))
    at.run()
    at.button(key="check").click().run()
    assert not at.exception


def start_round(at: AppTest, topic: str = "diagnosis", length: int = 5) -> AppTest:
    at.selectbox(key="quiz_topic").set_value(topic).run()
    at.select_slider(key="quiz_length").set_value(length).run()
    at.button(key="start_practice").click().run()
    return at


def test_right_answer_shows_right_with_the_explanation():
    at = start_round(open_page("quiz.py"))
    q = current(at)
    answer(at, right=True)
    assert "Right!" in at.success[0].proto.body
    assert q.explanation in page_text(at)
    assert "Source" in page_text(at)


def test_wrong_answer_shows_the_right_one_and_a_learn_link():
    at = start_round(open_page("quiz.py"), topic="triggers")
    q = current(at)
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
    missed_id = current(at).id
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
    exported = at.session_state["guest_store"].export(at.session_state["guest_store"].learner("guest"))
    assert len(json.loads(exported)["answers"]) == 1
    fresh = open_page("progress.py")
    assert "No answers yet" in fresh.info[0].proto.body


def test_nickname_keeps_progress_in_the_database():
    at = open_page("quiz.py")
    at.text_input(key="nickname_input").set_value("Robin")
    at.button(key="use_nickname").click().run()
    assert at.session_state["learner"] == "robin"
    start_round(at)
    answer(at, right=True)
    other = open_page("quiz.py")
    other.text_input(key="nickname_input").set_value("robin")
    other.button(key="use_nickname").click().run()
    other.switch_page("pages/progress.py").run()
    assert "Questions tried" in [m.label for m in other.metric]


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
    assert first_q.choices[0] not in page_text(at) or first_q.choices[0] in correct_of(first_q), "the answer replaces the choices"
    at.button(key="present_next").click().run()
    assert lib.quiz_banks[first].questions[1].prompt in page_text(at)
    assert lib.quiz_banks[first].questions[0].explanation not in page_text(at)
    at.button(key="present_prev").click().run()
    assert lib.quiz_banks[first].questions[0].prompt in page_text(at)
    assert not at.metric, "presenter mode shows no scores"


def test_due_questions_can_be_reviewed(tmp_path):
    import os
    from datetime import datetime, timedelta, timezone

    from netaid.progress import ProgressStore

    store = ProgressStore(os.environ["NETAID_DATABASE_URL"])
    learner = store.learner("dana")
    store.record_answer(learner, "diagnosis-01", "diagnosis", False, datetime.now(timezone.utc) - timedelta(days=2))
    at = open_page("quiz.py")
    at.text_input(key="nickname_input").set_value("Dana")
    at.button(key="use_nickname").click().run()
    assert "**1** question is due" in page_text(at)
    at.button(key="start_due").click().run()
    assert at.session_state["round"]["ids"] == ["diagnosis-01"]
    assert current(at).id == "diagnosis-01"


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
