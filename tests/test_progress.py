"""Progress storage: answers are committed at once, survive a new process, stay per learner."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from netaid.quiz.progress import ProgressFileError, ProgressStore, UnknownLearner, database_url
from netaid.quiz.stats import accuracy_by_day, mastery, missed_ids, most_missed

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)
ROOT = Path(__file__).resolve().parent.parent
TOPIC_OF = {"q1": "triggers", "q2": "diagnosis"}.get


@pytest.fixture
def store(tmp_path):
    return ProgressStore(f"sqlite:///{tmp_path / 'progress.sqlite3'}")


def test_database_url_comes_from_the_environment():
    assert database_url({"NETAID_DATABASE_URL": "postgresql://x/y"}) == "postgresql://x/y"
    assert database_url({}).startswith("sqlite:///")


def test_answers_survive_a_new_process(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    code = (
        "from datetime import datetime, timezone; from netaid.quiz.progress import ProgressStore;"
        f"s = ProgressStore({url!r}); l = s.create('kim');"
        "s.record_answer(l, 'triggers-01', 'triggers', True, datetime(2026, 1, 1, tzinfo=timezone.utc))"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    again = ProgressStore(url)
    assert [a["question_id"] for a in again.answers(again.find("kim"))] == ["triggers-01"]


def test_two_learners_do_not_see_each_other(store):
    ann, bob = store.create("ann"), store.create("bob")
    store.record_answer(ann, "q1", "triggers", False, NOW)
    assert store.answers(bob) == [] and store.due(bob, NOW + timedelta(days=400)) == []
    assert len(store.answers(ann)) == 1


def test_wrong_answers_come_back_sooner_than_right_ones(store):
    me = store.create("me")
    wrong_due = store.record_answer(me, "wrong", "symptoms", False, NOW)
    right_due = store.record_answer(me, "right", "symptoms", True, NOW)
    assert wrong_due < right_due
    assert store.due(me, NOW) == []
    assert store.due(me, NOW + timedelta(minutes=5)) == ["wrong"]
    later = store.record_answer(me, "right", "symptoms", True, right_due)
    assert later - right_due > right_due - NOW, "each right answer stretches the gap"


def test_concurrent_answers_from_many_threads_lose_nothing(store):
    learners = [store.create(f"user{i}") for i in range(8)]
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
    ann, copy = store.create("ann"), store.create("copy")
    store.record_answer(ann, "q1", "triggers", True, NOW)
    store.record_answer(ann, "q2", "diagnosis", False, NOW + timedelta(minutes=1))
    exported = store.export(ann)
    assert json.loads(exported)["format"] == "netaid-progress/1"
    assert store.import_(copy, exported, TOPIC_OF, NOW).added == 2
    assert store.import_(copy, exported, TOPIC_OF, NOW).added == 0, "importing twice adds nothing"
    assert [a["question_id"] for a in store.answers(copy)] == ["q1", "q2"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "this is not a NETaid progress file"),
        ('{"format": "other/9", "answers": []}', "unknown progress file format"),
        ('{"format": "netaid-progress/1", "answers": [{"question_id": "q"}]}', "answer 1: topic: Field required"),
    ],
)
def test_bad_import_files_are_explained(store, text, message):
    with pytest.raises(ProgressFileError) as err:
        store.import_(store.create("x"), text, TOPIC_OF, NOW)
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


# -- private keys: lookups never create, nicknames open nothing, forgetting deletes everything ---


def test_looking_up_a_key_never_creates_a_learner(store):
    from sqlalchemy import func, select

    from netaid.quiz.progress import Learner

    for guess in ("sunflower", "0" * 64, "guest"):
        assert store.find(guess) is None
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Learner)) == 0
    made = store.create("h1")
    assert store.find("h1") == made == store.create("h1"), "creating twice gives the same learner"
    store.set_sealed_label(made, b"sealed-by-the-page")
    assert store.sealed_label(made) == b"sealed-by-the-page"


def _old_database(path: Path) -> str:
    """A progress database as NETaid made it before private keys (nickname NOT NULL, no round ids)."""
    import sqlite3

    con = sqlite3.connect(path)
    con.executescript(
        """
        CREATE TABLE learners (id INTEGER NOT NULL PRIMARY KEY, nickname VARCHAR(40) NOT NULL UNIQUE);
        CREATE TABLE answers (id INTEGER NOT NULL PRIMARY KEY, learner_id INTEGER NOT NULL REFERENCES learners (id),
            question_id VARCHAR(80) NOT NULL, topic VARCHAR(40) NOT NULL, correct BOOLEAN NOT NULL,
            answered_at DATETIME NOT NULL);
        CREATE INDEX ix_answers_learner_id ON answers (learner_id);
        CREATE TABLE cards (learner_id INTEGER NOT NULL REFERENCES learners (id), question_id VARCHAR(80) NOT NULL,
            card_json TEXT NOT NULL, due DATETIME NOT NULL, PRIMARY KEY (learner_id, question_id));
        INSERT INTO learners VALUES (1, 'sunflower'), (2, 'bob');
        INSERT INTO answers VALUES (1, 1, 'q1', 'triggers', 1, '2026-10-01 10:00:00.000000'),
                                   (2, 2, 'q2', 'diagnosis', 0, '2026-10-01 11:00:00.000000');
        INSERT INTO cards VALUES (1, 'q1', '', '2026-10-05 10:00:00.000000');
        """
    )
    con.commit()
    con.close()
    return f"sqlite:///{path}"


def test_an_old_database_is_upgraded_and_no_nickname_opens_or_moves_anything(tmp_path):
    store = ProgressStore(_old_database(tmp_path / "old.sqlite3"))
    for retired in ("find_nickname", "has_nickname", "move_nickname"):
        assert not hasattr(store, retired), "a guessable nickname must never find or move anyone's progress"
    assert store.answers(1)[0]["question_id"] == "q1", "old rows are kept, reachable by nobody"
    assert store.find("sunflower") is None
    again = ProgressStore(f"sqlite:///{tmp_path / 'old.sqlite3'}")  # opening an upgraded database again is fine
    assert again.find("sunflower") is None and again.sealed_label(1) is None


def test_forget_me_deletes_the_learner_their_answers_and_cards(store):
    from sqlalchemy import func, select

    from netaid.quiz.progress import AnswerRecord, CardState

    me, other = store.create("me"), store.create("other")
    store.record_answer(me, "q1", "triggers", True, NOW)
    store.record_answer(other, "q1", "triggers", True, NOW)
    store.forget(me)
    assert store.find("me") is None and store.answers(me) == [] and store.next_due(me) == {}
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(AnswerRecord)) == 1
        assert conn.scalar(select(func.count()).select_from(CardState)) == 1
    with pytest.raises(UnknownLearner):
        store.record_answer(me, "q2", "triggers", True, NOW)


# -- answers recorded once --------------------------------------------------------------------


def test_the_same_answer_in_the_same_round_is_recorded_once(store):
    me = store.create("me")
    first = store.record_answer(me, "q1", "triggers", True, NOW, round_id="r1")
    second = store.record_answer(me, "q1", "triggers", False, NOW + timedelta(seconds=1), round_id="r1")
    assert first == second, "the card is not rescheduled twice"
    assert [a["correct"] for a in store.answers(me)] == [True]
    store.record_answer(me, "q1", "triggers", False, NOW + timedelta(days=3), round_id="r2")
    assert len(store.answers(me)) == 2, "a new round records again"


RACE = """
import sys
from datetime import datetime, timedelta, timezone
from netaid.quiz.progress import ProgressStore
store = ProgressStore(sys.argv[1])
now = datetime(2026, 11, 1, tzinfo=timezone.utc)
for n in range(int(sys.argv[3])):
    learner = store.create(f"race-{n % 10}")
    store.record_answer(learner, f"q{n % 4}", "triggers", n % 2 == 0, now + timedelta(seconds=n))
    store.record_answer(learner, f"q{n % 4}", "triggers", True, now, round_id=f"{sys.argv[2]}-{n}")
print("ok")
"""


def test_two_processes_racing_on_one_sqlite_file_lose_and_double_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'race.sqlite3'}"
    per_process = 150
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACE, url, name, str(per_process)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    outputs = [p.communicate(timeout=240) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-2000:] for _, err in outputs]
    store = ProgressStore(url)
    learners = {store.find(f"race-{i}") for i in range(10)}
    assert None not in learners and len(learners) == 10, "each learner was made exactly once"
    total = sum(len(store.answers(lid)) for lid in learners)
    assert total == 2 * per_process * 2, "every acknowledged answer is kept, none doubled"


# -- imports: bounded, strict, whole ----------------------------------------------------------


def _file(*answers: dict) -> str:
    return json.dumps({"format": "netaid-progress/1", "answers": list(answers)})


def _answer(
    qid: str = "q1", when: str = "2026-10-01T10:00:00+00:00", correct: object = True, topic: str = "triggers"
) -> dict:
    return {"question_id": qid, "topic": topic, "correct": correct, "answered_at": when}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            _file(_answer(), _answer(when="9999-01-01T00:00:00+00:00")),
            "answer 2: the date 9999-01-01 is not between 2020-01-01 and tomorrow",
        ),
        (_file(_answer(when="2019-12-31T23:00:00+00:00")), "answer 1: the date 2019-12-31"),
        (_file(_answer(when=(NOW + timedelta(days=2)).isoformat())), "answer 1: the date 2026-11-03"),
        (_file(_answer(), _answer(correct="yes")), "answer 2: correct: Input should be a valid boolean"),
        (_file(_answer(correct=1)), "answer 1: correct: Input should be a valid boolean"),
        (_file(_answer(qid=7)), "answer 1: question_id: Input should be a valid string"),
        (_file({**_answer(), "extra": 1}), "answer 1: extra: Extra inputs are not permitted"),
        (
            _file(*[_answer(when=(NOW - timedelta(minutes=i)).isoformat()) for i in range(5001)]),
            "more than 5,000 answers",
        ),
        ('{"format": "netaid-progress/1", "answers": ' + "[" * 5000 + "]" * 5000 + "}", "not a NETaid progress file"),
        ("[" * 100_000, "not a NETaid progress file"),
        (" " * 1_000_001, "larger than 1 MB"),
    ],
)
def test_a_bad_file_is_refused_whole_naming_the_answer(store, text, message):
    me = store.create("me")
    with pytest.raises(ProgressFileError) as err:
        store.import_(me, text, TOPIC_OF, NOW)
    assert message in str(err.value)
    assert store.answers(me) == [] and store.next_due(me) == {}, "nothing of a refused file is saved"


def test_duplicates_are_dropped_and_unknown_questions_left_out(store):
    me = store.create("me")
    copies = [_answer() for _ in range(100)]
    result = store.import_(
        me, _file(*copies, _answer(qid="![x](http://evil)"), _answer(qid="q2", topic="other")), TOPIC_OF, NOW
    )
    assert (result.added, result.duplicates, result.unknown) == (2, 99, 1)
    answers = store.answers(me)
    assert [(a["question_id"], a["topic"]) for a in answers] == [("q1", "triggers"), ("q2", "diagnosis")], (
        "the topic comes from NETaid, not from the file"
    )


def test_an_import_fails_whole_when_the_database_fails_half_way(store, monkeypatch):
    me = store.create("me")
    calls = {"n": 0}
    real = ProgressStore._reschedule

    def flaky(self, *args):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(self, *args)

    monkeypatch.setattr(ProgressStore, "_reschedule", flaky)
    with pytest.raises(RuntimeError):
        store.import_(me, _file(_answer(), _answer(qid="q2", when="2026-10-02T10:00:00+00:00")), TOPIC_OF, NOW)
    assert store.answers(me) == [], "one transaction: all or nothing"
