"""The encrypted diary on a real PostgreSQL server, shared by two app replicas."""

from __future__ import annotations

import logging
from contextlib import contextmanager

import pytest
from sqlalchemy import text

from netaid.diary.crypto import DiaryKey, WrongKey
from netaid.diary.store import DiaryStore
from netaid.learner_key import lookup_hash, new_key
from netaid.storage import KeyForgotten, StoreUnavailable
from testkit.pages import open_page
from tests.diary_samples import sample_diary
from tests.postgres_server import NoPostgres, controlled_postgres_server


def test_two_replicas_share_a_diary_that_only_its_key_opens(postgres_url):
    replica_a, replica_b = DiaryStore(postgres_url), DiaryStore(postgres_url)
    key_text = new_key()
    diary = [e.model_copy(update={"note": "pg-secret-note"}) if e.kind == "symptom" else e for e in sample_diary()]
    replica_a.save_many(DiaryKey(key_text), diary)
    assert sorted(replica_b.entries(DiaryKey(key_text)), key=lambda e: e.id) == sorted(diary, key=lambda e: e.id)
    assert replica_b.entries(DiaryKey(new_key())) == []
    with replica_a.engine.connect() as conn:
        rows = conn.execute(text("SELECT owner, record_id, nonce, ciphertext FROM diary_records")).all()
    raw = b"".join(bytes(r.nonce) + bytes(r.ciphertext) + r.owner.encode() + r.record_id.encode() for r in rows)
    for word in (b"pg-secret-note", b"flushing", b"aged_cheese", b"2026-03"):
        assert word not in raw
    thief = DiaryKey(new_key())
    with replica_a.engine.begin() as conn:
        conn.execute(
            text("UPDATE diary_records SET owner = :o WHERE record_id = :r"), {"o": thief.owner, "r": rows[0].record_id}
        )
    with pytest.raises(WrongKey):
        replica_b.entries(thief)
    assert replica_b.forget(DiaryKey(key_text).owner) == len(diary) - 1


# -- faults: PostgreSQL down, Forget me on another replica -------------------------------------


@pytest.fixture(scope="module")
def pg_server():
    """A server of this module's own, which the tests stop and start (an outage)."""
    try:
        with controlled_postgres_server() as server:
            yield server
    except NoPostgres as why:
        pytest.skip(f"no PostgreSQL test: {why}")


@contextmanager
def outage(server):
    server.stop()
    try:
        yield
    finally:
        server.start()


def test_a_save_while_postgres_is_down_raises_store_unavailable_and_the_retry_saves_once(pg_server):
    store, key = DiaryStore(pg_server.url), DiaryKey(new_key())
    entry = sample_diary()[0]
    with outage(pg_server):
        with pytest.raises(StoreUnavailable):
            store.add_once(key, [entry])
        with pytest.raises(StoreUnavailable):
            store.entries(key)
    store.add_once(key, [entry])
    store.add_once(key, [entry])
    assert store.entries(key) == [entry]


def test_forget_me_on_one_replica_refuses_the_other_replicas_next_save(pg_server):
    replica_a, replica_b = DiaryStore(pg_server.url), DiaryStore(pg_server.url)
    key = DiaryKey(new_key())
    replica_b.add_once(key, sample_diary()[:2])
    assert replica_a.forget(key.owner) == 2
    with pytest.raises(KeyForgotten):
        replica_b.add_once(key, sample_diary()[2:3])
    with pytest.raises(KeyForgotten):
        replica_b.save(key, sample_diary()[3])
    assert replica_b.entries(key) == []


def test_the_diary_page_keeps_the_note_through_an_outage_and_saves_it_once(pg_server, monkeypatch, caplog):
    monkeypatch.setenv("NETAID_DATABASE_URL", pg_server.url)
    at = open_page("diary.py")
    at.button(key="make_key").click().run()
    key = at.session_state["learner_key"]
    at.button_group(key="d_event").set_value("diarrhea").run()
    at.button_group(key="d_sev").set_value(2).run()
    at.text_input(key="d_note").input("typed during the outage").run()
    caplog.set_level(logging.DEBUG)
    with outage(pg_server):
        next(b for b in at.button if b.key.startswith("d_save_")).click().run()
        assert not at.exception
        assert "Not saved" in at.error[0].proto.body and not at.success
        assert "What you typed is still here" in at.error[0].proto.body
        at.button(key="d_retry").click().run()  # still down: the same honest message
        assert "Not saved" in at.error[0].proto.body
    at.button(key="d_retry").click().run()
    assert at.text_input(key="d_note").value == "typed during the outage", "the form came back as typed"
    assert at.button_group(key="d_event").value == "diarrhea"
    next(b for b in at.button if b.key.startswith("d_save_")).click().run()
    assert at.success[0].proto.body.startswith("Saved: Diarrhea")
    assert [e.note for e in DiaryStore(pg_server.url).entries(DiaryKey(key))] == ["typed during the outage"]
    assert lookup_hash(key) not in caplog.text, "logs name no learner"
