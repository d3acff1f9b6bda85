"""Progress storage: answers are committed at once, survive a new process, stay per learner."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from netaid.progress import ProgressFileError, ProgressStore, database_url, normalize_nickname
from netaid.progress_stats import accuracy_by_day, mastery, missed_ids, most_missed

NOW = datetime(2026, 11, 1, 12, tzinfo=timezone.utc)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path):
    return ProgressStore(f"sqlite:///{tmp_path / 'progress.sqlite3'}")


def test_database_url_comes_from_the_environment():
    assert database_url({"NETAID_DATABASE_URL": "postgresql://x/y"}) == "postgresql://x/y"
    assert database_url({}).startswith("sqlite:///")


@pytest.mark.parametrize(("raw", "name"), [("Ann", "ann"), ("  Big   Bear ", "big bear")])
def test_nicknames_are_normalised(raw, name):
    assert normalize_nickname(raw) == name


@pytest.mark.parametrize("raw", ["", "   ", "x" * 41])
def test_bad_nicknames_are_refused(raw):
    with pytest.raises(ValueError):
        normalize_nickname(raw)


def test_answers_survive_a_new_process(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    code = (
        "from datetime import datetime, timezone; from netaid.progress import ProgressStore;"
        f"s = ProgressStore({url!r}); l = s.learner('kim');"
        "s.record_answer(l, 'triggers-01', 'triggers', True, datetime(2026, 1, 1, tzinfo=timezone.utc))"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    again = ProgressStore(url)
    assert [a["question_id"] for a in again.answers(again.learner("kim"))] == ["triggers-01"]


def test_two_learners_do_not_see_each_other(store):
    ann, bob = store.learner("ann"), store.learner("bob")
    store.record_answer(ann, "q1", "triggers", False, NOW)
    assert store.answers(bob) == [] and store.due(bob, NOW + timedelta(days=400)) == []
    assert len(store.answers(ann)) == 1


def test_wrong_answers_come_back_sooner_than_right_ones(store):
    me = store.learner("me")
    wrong_due = store.record_answer(me, "wrong", "symptoms", False, NOW)
    right_due = store.record_answer(me, "right", "symptoms", True, NOW)
    assert wrong_due < right_due
    assert store.due(me, NOW) == []
    assert store.due(me, NOW + timedelta(minutes=5)) == ["wrong"]
    later = store.record_answer(me, "right", "symptoms", True, right_due)
    assert later - right_due > right_due - NOW, "each right answer stretches the gap"


def test_concurrent_answers_from_many_threads_lose_nothing(store):
    learners = [store.learner(f"user{i}") for i in range(8)]
    errors = []

    def answer_many(learner_id: int) -> None:
        try:
            for n in range(40):
                store.record_answer(learner_id, f"q{n % 10}", "triggers", n % 3 == 0, NOW + timedelta(seconds=n))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=answer_many, args=(lid,)) for lid in learners]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(len(store.answers(lid)) == 40 for lid in learners)


def test_export_and_import_round_trip(store):
    ann, copy = store.learner("ann"), store.learner("copy")
    store.record_answer(ann, "q1", "triggers", True, NOW)
    store.record_answer(ann, "q2", "diagnosis", False, NOW + timedelta(minutes=1))
    exported = store.export(ann)
    assert json.loads(exported)["format"] == "netaid-progress/1"
    assert store.import_(copy, exported) == 2
    assert store.import_(copy, exported) == 0, "importing twice adds nothing"
    assert [a["question_id"] for a in store.answers(copy)] == ["q1", "q2"]


@pytest.mark.parametrize(
    ("text", "message"),
    [("not json", "this is not a NETaid progress file"), ('{"format": "other/9", "answers": []}', "unknown progress file format"),
     ('{"format": "netaid-progress/1", "answers": [{"question_id": "q"}]}', "answers.0.topic")],
)
def test_bad_import_files_are_explained(store, text, message):
    with pytest.raises(ProgressFileError) as err:
        store.import_(store.learner("x"), text)
    assert message in str(err.value)


def test_progress_summaries():
    answers = [
        {"question_id": "a", "topic": "triggers", "correct": False, "answered_at": NOW},
        {"question_id": "a", "topic": "triggers", "correct": True, "answered_at": NOW + timedelta(days=1)},
        {"question_id": "b", "topic": "triggers", "correct": False, "answered_at": NOW + timedelta(days=1)},
        {"question_id": "c", "topic": "diagnosis", "correct": False, "answered_at": NOW + timedelta(days=1, hours=1)},
    ]
    by_topic = {m.topic: (m.mastered, m.total) for m in mastery(answers, {"triggers": 25, "diagnosis": 15})}
    assert by_topic == {"triggers": (1, 25), "diagnosis": (0, 15)}
    assert [(d.day, n, r) for d, n, r in accuracy_by_day(answers)] == [(1, 1, 0), (2, 3, 1)]
    assert missed_ids(answers) == ["c", "b"]
    assert most_missed(answers)[0] == ("a", 1, 2)
