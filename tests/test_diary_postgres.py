"""The encrypted diary on a real PostgreSQL server, shared by two app replicas."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from netaid.diary.crypto import DiaryKey, WrongKey
from netaid.diary.store import DiaryStore
from netaid.learner_key import new_key
from tests.diary_samples import sample_diary


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
