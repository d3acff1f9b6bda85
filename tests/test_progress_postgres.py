"""The progress store against a real PostgreSQL server, as several app replicas would share it."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta

import pytest

from netaid.evaluation import DCS_ITEMS, EvaluationStore, Response
from netaid.learner_key import lookup_hash
from netaid.quiz.progress import ProgressStore, UnknownLearner
from netaid.storage import KeyForgotten, StoreUnavailable
from testkit.pages import choose, open_page, page_text, start_round
from tests.postgres_server import NoPostgres, controlled_postgres_server

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


def _race(work, replicas: list[ProgressStore], errors: list[BaseException]) -> None:
    """Eight threads, alternating between the two replicas, run `work` at once; no error allowed."""
    threads = [threading.Thread(target=work, args=(replicas[w % 2], w)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:3]


def test_two_replicas_share_progress_and_keep_learners_apart(postgres_url):
    replica_a, replica_b = ProgressStore(postgres_url), ProgressStore(postgres_url)
    kim = replica_a.create("kim-hash")
    assert replica_b.find("kim-hash") == kim, "the same key is the same learner on every replica"
    replica_a.record_answer(kim, "triggers-01", "triggers", False, NOW)
    assert [a["question_id"] for a in replica_b.answers(kim)] == ["triggers-01"]
    assert replica_b.due(kim, NOW + timedelta(hours=1)) == ["triggers-01"]
    lee = replica_b.create("lee-hash")
    assert replica_a.answers(lee) == []


def test_concurrent_answers_on_two_replicas_lose_nothing(postgres_url):
    replicas = [ProgressStore(postgres_url), ProgressStore(postgres_url)]
    learners = [replicas[0].create(f"pg-user{i}") for i in range(6)]

    def answer_many(store: ProgressStore, learner_id: int) -> None:
        for n in range(30):
            store.record_answer(learner_id, f"q{n % 7}", "symptoms", n % 2 == 0, NOW + timedelta(seconds=n))

    threads = [threading.Thread(target=answer_many, args=(replicas[i % 2], lid)) for i, lid in enumerate(learners)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(len(replicas[1].answers(lid)) == 30 for lid in learners)


def test_export_from_one_replica_imports_on_another(postgres_url):
    a, b = ProgressStore(postgres_url), ProgressStore(postgres_url)
    src, dst = a.create("pg-src"), b.create("pg-dst")
    a.record_answer(src, "diagnosis-03", "diagnosis", True, NOW)
    assert b.import_(dst, a.export(src), {"diagnosis-03": "diagnosis"}.get, NOW).added == 1


def test_400_racing_answers_on_two_replicas_are_all_kept_once(postgres_url):
    """Two replicas make the same learner and the same cards at the same moment: 400 of 400 kept."""
    replicas = [ProgressStore(postgres_url), ProgressStore(postgres_url)]
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []
    ids: set[int] = set()

    def answer_many(store: ProgressStore, worker: int) -> None:
        try:
            barrier.wait()
            for n in range(50):
                learner = store.create("pg-race")  # every worker "makes" the learner: one row, no error
                ids.add(learner)
                store.record_answer(
                    learner, f"q{n % 5}", "symptoms", n % 3 != 0, NOW + timedelta(seconds=n), round_id=f"round-{worker}"
                )
        except BaseException as error:  # reported below
            errors.append(error)

    _race(answer_many, replicas, errors)
    assert len(ids) == 1
    # 8 workers x 50 answers, but each round answers each of its 5 questions once: the rest are repeats.
    answers = replicas[1].answers(ids.pop())
    assert len(answers) == 8 * 5


def test_400_racing_new_answers_on_two_replicas_are_all_kept(postgres_url):
    replicas = [ProgressStore(postgres_url), ProgressStore(postgres_url)]
    learner = replicas[0].create("pg-race-400")
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def answer_many(store: ProgressStore, worker: int) -> None:
        try:
            barrier.wait()
            for n in range(50):
                store.record_answer(
                    learner, f"q{n % 5}", "symptoms", n % 2 == 0, NOW + timedelta(seconds=n), round_id=f"w{worker}-n{n}"
                )
        except BaseException as error:  # reported below
            errors.append(error)

    _race(answer_many, replicas, errors)
    assert len(replicas[0].answers(learner)) == 400
    assert sorted(replicas[1].next_due(learner)) == [f"q{i}" for i in range(5)]


# -- faults: PostgreSQL down, Forget me on another replica, the pilot's repeated send ----------


@pytest.fixture(scope="module")
def pg_server():
    """A server of this module's own, which the tests stop and start (an outage)."""
    try:
        with controlled_postgres_server() as server:
            yield server
    except NoPostgres as why:
        pytest.skip(f"no PostgreSQL test: {why}")


def test_an_answer_while_postgres_is_down_is_refused_not_acknowledged(pg_server):
    store = ProgressStore(pg_server.url)
    learner = store.create("pg-outage")
    pg_server.stop()
    try:
        with pytest.raises(StoreUnavailable):
            store.record_answer(learner, "q1", "symptoms", True, NOW, round_id="r1")
    finally:
        pg_server.start()
    store.record_answer(learner, "q1", "symptoms", True, NOW, round_id="r1")
    store.record_answer(learner, "q1", "symptoms", True, NOW, round_id="r1")
    assert len(store.answers(learner)) == 1


def test_the_quiz_page_says_not_saved_during_an_outage_and_the_retry_saves_once(pg_server, monkeypatch, caplog):
    monkeypatch.setenv("NETAID_DATABASE_URL", pg_server.url)
    at = open_page("quiz.py")
    at.button(key="make_key").click().run()
    key = at.session_state["learner_key"]
    start_round(at)
    choose(at, right=True)
    caplog.set_level(logging.DEBUG)
    pg_server.stop()
    try:
        at.button(key="check").click().run()
        assert not at.exception
        assert "Not saved" in page_text(at)
        assert not any("Right!" in s.proto.body for s in at.success), "not stored, so not acknowledged"
    finally:
        pg_server.start()
    at.button(key="check").click().run()
    assert "Right!" in at.success[0].proto.body
    store = ProgressStore(pg_server.url)
    assert len(store.answers(store.find(lookup_hash(key)))) == 1
    assert lookup_hash(key) not in caplog.text, "logs name no learner"


def test_a_forgotten_key_is_refused_on_every_replica(pg_server):
    replica_a, replica_b = ProgressStore(pg_server.url), ProgressStore(pg_server.url)
    learner = replica_a.create("pg-forget-me")
    replica_a.forget(learner, "pg-forget-me")
    with pytest.raises(KeyForgotten):
        replica_b.create("pg-forget-me")
    with pytest.raises(UnknownLearner):
        replica_b.record_answer(learner, "q1", "symptoms", True, NOW)


def test_the_pilot_stores_one_row_however_often_a_form_is_sent(pg_server):
    env = {"NETAID_EVALUATION_KIT": "on", "NETAID_DATABASE_URL": pg_server.url}
    replica_a, replica_b = EvaluationStore(env), EvaluationStore(env)
    form = Response("AB12CD34", "after", NOW.date(), {"sure": True}, 4, 5, {k: "unsure" for k, _ in DCS_ITEMS})
    assert [replica_a.save(form, "f" * 32), replica_b.save(form, "f" * 32), replica_a.save(form, "f" * 32)] == [
        True,
        False,
        False,
    ]
    assert len(replica_b.responses()) == 1
