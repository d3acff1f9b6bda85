"""What a person sees when a save fails for real (a locked SQLite file), when a button is clicked
twice, and when their key was forgotten on another device: AppTest through app.py."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import contextmanager

import pytest
from streamlit.testing.v1 import AppTest

from netaid.diary.crypto import DiaryKey
from netaid.evaluation import DCS_ITEMS, EvaluationStore
from netaid.explorer.values import SURE_QUESTIONS
from netaid.learner_key import lookup_hash
from testkit.pages import choose, open_page, page_text, start_round
from ui.diary_state import shared_diary
from ui.learner import shared_store


@pytest.fixture
def database(tmp_path, monkeypatch):
    path = tmp_path / "netaid.sqlite3"
    monkeypatch.setenv("NETAID_DATABASE_URL", f"sqlite:///{path}")
    return path


@contextmanager
def locked(path):
    """Another process holding the write lock (readers still read: SQLite's WAL mode)."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def button(at: AppTest, prefix: str):
    """A save button: its key ends in the form's one-time token."""
    return next(b for b in at.button if (b.key or "").startswith(prefix))


def with_key(at: AppTest) -> str:
    at.button(key="make_key").click().run()
    assert not at.exception
    return at.session_state["learner_key"]


def diary_rows() -> int:
    """Counted on a connection of its own: what is committed, as another replica would see it."""
    import os

    path = os.environ["NETAID_DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM diary_records WHERE record_id != 'settings'").fetchone()[0]


def test_a_locked_database_says_not_saved_keeps_the_note_and_the_retry_saves_once(database, caplog):
    at = open_page("diary.py")
    key = with_key(at)
    at.button_group(key="d_event").set_value("flushing").run()
    at.button_group(key="d_sev").set_value(2).run()
    at.text_input(key="d_note").input("after the curry").run()
    caplog.set_level(logging.DEBUG)
    with locked(database):
        button(at, "d_save_").click().run()
    assert not at.exception
    assert "Not saved" in at.error[0].proto.body and not at.success
    assert at.text_input(key="d_note").value == "after the curry", "what was typed stays"
    assert at.button_group(key="d_event").value == "flushing"
    assert lookup_hash(key) not in caplog.text, "the log names no learner"
    assert "locked" in caplog.text
    button(at, "d_save_").click().run()  # the retry, once the lock is gone
    assert at.success[0].proto.body.startswith("Saved: Flushing")
    assert diary_rows() == 1


def test_a_double_click_on_each_diary_save_stores_one_entry(database):
    at = open_page("diary.py")
    with_key(at)
    at.button_group(key="d_triggers").set_value(["aged_cheese"]).run()  # no follow-ups that vanish after
    save = button(at, "d_save_")
    save.click().run()
    save.click().run()  # the browser still shows the old button: its click names the saved form
    at.button_group(key="t_other").set_value(at.button_group(key="t_other").options[0]).run()
    dose = button(at, "t_log_other_")
    dose.click().run()
    dose.click().run()
    shot = button(at, "t_save_shot_")
    shot.click().run()
    shot.click().run()
    assert not at.exception
    assert diary_rows() == 3, "one trigger, one medicine, one shot"


def test_an_answer_is_acknowledged_only_once_it_is_committed(database, caplog):
    at = open_page("quiz.py")
    key = with_key(at)
    start_round(at)
    choose(at, right=True)
    caplog.set_level(logging.DEBUG)
    with locked(database):
        at.button(key="check").click().run()
    assert not at.exception
    assert "Not saved" in page_text(at)
    assert not any("Right!" in s.proto.body for s in at.success), "no feedback for an answer not stored"
    learner = shared_store().find(lookup_hash(key))
    assert shared_store().answers(learner) == []
    assert lookup_hash(key) not in caplog.text
    at.button(key="check").click().run()  # try again
    assert "Right!" in at.success[0].proto.body and "Not saved" not in page_text(at)
    assert len(shared_store().answers(learner)) == 1


def test_after_forget_me_the_other_device_cannot_save_under_the_key(database):
    here = open_page("progress.py")
    key = with_key(here)
    there = open_page("diary.py")
    there.text_input(key="key_input").input(key)
    there.button(key="use_key").click().run()
    assert not there.exception and there.session_state["learner_hash"] == lookup_hash(key)
    here.checkbox(key="forget_sure").check().run()
    here.button(key="forget").click().run()
    assert "has been deleted" in here.success[0].proto.body
    there.button_group(key="d_event").set_value("flushing").run()
    there.button_group(key="d_sev").set_value(3).run()
    there.text_input(key="d_note").input("still open on the tablet").run()
    button(there, "d_save_").click().run()
    assert not there.exception
    assert "deleted with Forget me" in there.error[0].proto.body
    assert shared_diary().entries(DiaryKey(key)) == [] and diary_rows() == 0


def test_a_double_click_on_send_my_answers_stores_one_row(database, monkeypatch):
    monkeypatch.setenv("NETAID_EVALUATION_KIT", "on")
    at = open_page("evaluation.py")
    for key, _ in SURE_QUESTIONS:
        at.radio(key=f"pilot_sure_{key}").set_value("yes")
    for key, _ in DCS_ITEMS:
        at.radio(key=f"pilot_dcs_{key}").set_value("no")
    send = button(at, "pilot_send_")
    send.click().run()
    send.click().run()
    send.click().run()
    assert not at.exception
    assert "saved without your name" in page_text(at)
    kit = EvaluationStore({"NETAID_EVALUATION_KIT": "on", "NETAID_DATABASE_URL": f"sqlite:///{database}"})
    assert len(kit.responses()) == 1
