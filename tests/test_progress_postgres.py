"""The progress store against a real PostgreSQL server, as several app replicas would share it."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest

from netaid.progress import ProgressStore
from tests.postgres_server import NoPostgres, postgres_server

NOW = datetime(2026, 11, 1, 12, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def postgres_url():
    try:
        with postgres_server() as url:
            yield url
    except NoPostgres as why:
        pytest.skip(f"no PostgreSQL test: {why}")


def test_two_replicas_share_progress_and_keep_learners_apart(postgres_url):
    replica_a, replica_b = ProgressStore(postgres_url), ProgressStore(postgres_url)
    kim = replica_a.learner("kim")
    assert replica_b.learner("kim") == kim, "the same nickname is the same learner on every replica"
    replica_a.record_answer(kim, "triggers-01", "triggers", False, NOW)
    assert [a["question_id"] for a in replica_b.answers(kim)] == ["triggers-01"]
    assert replica_b.due(kim, NOW + timedelta(hours=1)) == ["triggers-01"]
    lee = replica_b.learner("lee")
    assert replica_a.answers(lee) == []


def test_concurrent_answers_on_two_replicas_lose_nothing(postgres_url):
    replicas = [ProgressStore(postgres_url), ProgressStore(postgres_url)]
    learners = [replicas[0].learner(f"pg-user{i}") for i in range(6)]

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
    src, dst = a.learner("pg-src"), b.learner("pg-dst")
    a.record_answer(src, "diagnosis-03", "diagnosis", True, NOW)
    assert b.import_(dst, a.export(src)) == 1
