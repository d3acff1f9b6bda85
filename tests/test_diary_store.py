"""The encrypted diary store: nothing readable at rest, one key per diary, nothing lost on a crash."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from netaid.diary.crypto import DiaryKey, Sealed, WrongKey
from netaid.diary.models import Entry, Settings
from netaid.diary.store import DiaryStore
from netaid.learner_key import new_key
from tests.diary_samples import at, sample_diary

ROOT = Path(__file__).resolve().parent.parent
SECRET_NOTE = "my-very-private-note-ZQX"


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'diary.sqlite3'}"


def _raw_bytes(tmp_path: Path) -> bytes:
    """Every byte SQLite keeps for this database: the file and its write-ahead log."""
    return b"".join(p.read_bytes() for p in tmp_path.glob("diary.sqlite3*"))


def _with_secret(entries: list[Entry]) -> list[Entry]:
    return [e.model_copy(update={"note": SECRET_NOTE}) if e.kind == "symptom" else e for e in entries]


def test_the_database_holds_no_readable_diary_text(tmp_path):
    store, key = DiaryStore(_url(tmp_path)), DiaryKey(new_key())
    store.save_many(key, _with_secret(sample_diary()))
    store.save_settings(key, Settings(medicine="octreotide_lar", interval_days=21))
    raw = _raw_bytes(tmp_path)
    assert len(raw) > 4096
    for word in (
        SECRET_NOTE,
        "flushing",
        "aged_cheese",
        "lanreotide",
        "octreotide",
        "left_buttock",
        "2026-03",
        "severity",
        "120 mg",
        "symptom",
    ):
        assert word.encode() not in raw, word
    columns = {row[1] for row in store.engine.connect().execute(text("PRAGMA table_info(diary_records)"))}
    assert columns == {"owner", "record_id", "nonce", "ciphertext"}  # no dates or kinds in the clear


def test_a_second_store_and_a_second_process_read_it_with_the_key(tmp_path):
    key_text = new_key()
    DiaryStore(_url(tmp_path)).save_many(DiaryKey(key_text), _with_secret(sample_diary()))
    again = DiaryStore(_url(tmp_path)).entries(DiaryKey(key_text))  # as after a restart
    assert len(again) == len(sample_diary()) and SECRET_NOTE in {e.note for e in again}
    script = (
        "import json, sys; from netaid.diary.store import DiaryStore; from netaid.diary.crypto import DiaryKey; "
        "es = DiaryStore(sys.argv[1]).entries(DiaryKey(sys.argv[2])); "
        "print(json.dumps([e.note for e in es]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, _url(tmp_path), key_text],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert SECRET_NOTE in json.loads(out)


def test_a_wrong_key_opens_nothing_and_says_so(tmp_path):
    store, mine = DiaryStore(_url(tmp_path)), DiaryKey(new_key())
    store.save_many(mine, sample_diary())
    assert store.entries(DiaryKey(new_key())) == []  # another key finds no diary at all
    # A row moved under another person's hash (by someone with the database) does not open there.
    thief = DiaryKey(new_key())
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE diary_records SET owner = :thief WHERE record_id IN "
                "(SELECT record_id FROM diary_records LIMIT 1)"
            ),
            {"thief": thief.owner},
        )
    with pytest.raises(WrongKey, match="This key does not open this diary"):
        store.entries(thief)
    sealed = mine.seal("a" * 32, b"hello")
    with pytest.raises(WrongKey):
        DiaryKey(new_key()).open("a" * 32, sealed)
    with pytest.raises(WrongKey):  # the same key, but the row moved onto another entry's id
        mine.open("b" * 32, sealed)
    assert mine.open("a" * 32, sealed) == b"hello"
    assert mine.seal("a" * 32, b"hello").nonce != sealed.nonce  # a fresh nonce every time
    assert len(sealed.ciphertext) % 128 == 16  # padded: the size says little about the note


def test_two_people_never_see_each_others_entries(tmp_path):
    store = DiaryStore(_url(tmp_path))
    ann, bob = DiaryKey(new_key()), DiaryKey(new_key())
    store.save(ann, Entry(recorded_at=at(0, 8), kind="symptom", what="flushing", severity=2, note="ann"))
    store.save(bob, Entry(recorded_at=at(0, 9), kind="trigger", what="tofu", note="bob"))
    assert [e.note for e in store.entries(ann)] == ["ann"]
    assert [e.note for e in store.entries(bob)] == ["bob"]
    store.forget(ann.owner)
    assert store.entries(ann) == [] and [e.note for e in store.entries(bob)] == ["bob"]


def test_edit_delete_and_settings(tmp_path):
    store, key = DiaryStore(_url(tmp_path)), DiaryKey(new_key())
    entry = store.save(key, Entry(recorded_at=at(0, 8), kind="symptom", what="flushing", severity=1))
    store.save(key, entry.model_copy(update={"severity": 3}))
    assert [e.severity for e in store.entries(key)] == [3]
    store.delete(key, entry.id)
    assert store.entries(key) == []
    assert store.settings(key) == Settings()
    store.save_settings(key, Settings(interval_days=14))
    assert store.settings(key).interval_days == 14 and store.entries(key) == []


SAVE_THEN_WAIT = """
import sys, time
from datetime import datetime, timezone
from netaid.diary.crypto import DiaryKey
from netaid.diary.models import Entry
from netaid.diary.store import DiaryStore
store = DiaryStore(sys.argv[1])
store.save(DiaryKey(sys.argv[2]), Entry(recorded_at=datetime(2026, 3, 1, 8, tzinfo=timezone.utc), kind="symptom",
           what="flushing", severity=2, note="saved just before the crash"))
print("saved", flush=True)  # the page acknowledges the entry at this point
time.sleep(60)
"""


def test_kill_9_right_after_an_entry_is_acknowledged_loses_nothing(tmp_path):
    key_text = new_key()
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVE_THEN_WAIT, _url(tmp_path), key_text], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "saved"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    found = DiaryStore(_url(tmp_path)).entries(DiaryKey(key_text))
    assert [e.note for e in found] == ["saved just before the crash"]


def test_the_key_repr_never_shows_the_secret():
    key = DiaryKey(new_key())
    assert "owner=" in repr(key) and len(repr(key)) < 40
    assert isinstance(key.seal("c" * 32, b"x"), Sealed)


def _put_raw(store: DiaryStore, key: DiaryKey, record_id: str, plain: bytes) -> None:
    """A row as an older NETaid (before dates were bounded) or a damaged disk could have left it."""
    sealed = key.seal(record_id, plain)
    with store.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO diary_records (owner, record_id, nonce, ciphertext) VALUES (:o, :r, :n, :c)"),
            {"o": key.owner, "r": record_id, "n": sealed.nonce, "c": sealed.ciphertext},
        )


def far_future_entry(record_id: str) -> bytes:
    """The entry that bricked a diary: dated 9999-12-31 at 23:59, twelve hours behind UTC."""
    good = sample_diary()[0].model_dump(mode="json")
    return json.dumps({**good, "id": record_id, "recorded_at": "9999-12-31T23:59:00-12:00"}).encode()


def test_a_row_that_cannot_be_read_is_set_apart_and_the_rest_still_open(tmp_path):
    store, key = DiaryStore(_url(tmp_path)), DiaryKey(new_key())
    diary = sample_diary()
    store.save_many(key, diary)
    _put_raw(store, key, "f" * 32, far_future_entry("f" * 32))
    _put_raw(store, key, "e" * 32, b"{not json")
    with store.engine.begin() as conn:  # a third row whose bytes changed on disk
        conn.execute(
            text("UPDATE diary_records SET ciphertext = :c WHERE record_id = :r"),
            {"c": b"\x00" * 48, "r": diary[0].id},
        )
    found = store.read(key)
    assert len(found.entries) == len(diary) - 1, "every other entry still shows"
    assert sorted(d.record_id for d in found.damaged) == sorted(["f" * 32, "e" * 32, diary[0].id])
    assert any("recorded_at" in d.why for d in found.damaged), found.damaged
    assert any("no longer opens" in d.why for d in found.damaged)
    assert store.entries(key) == found.entries
    for d in found.damaged:
        store.delete(key, d.record_id)
    assert store.read(key).damaged == []
    assert len(store.entries(key)) == len(diary) - 1
