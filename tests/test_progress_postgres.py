"""The progress store against a real PostgreSQL server, as several app replicas would share it."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from netaid.quiz.progress import ProgressStore

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
