"""Saves against a real SQLite file that is locked, full, or under a forgotten key: each fails
fast with one narrow error, and nothing is stored twice, logged with a hash, or world-readable."""

from __future__ import annotations

import logging
import sqlite3
import stat
import subprocess
import sys
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, func, select

from netaid.diary.crypto import DiaryKey
from netaid.diary.models import Entry
from netaid.diary.store import DiaryRow, DiaryStore
from netaid.evaluation import DCS_ITEMS, EvaluationStore, Response, ResponseRow
from netaid.learner_key import lookup_hash, new_key
from netaid.quiz.progress import ProgressStore
from netaid.storage import BUSY_TIMEOUT_SECONDS, KeyForgotten, StoreUnavailable, make_engine
from tests.diary_samples import sample_diary

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


@contextmanager
def locked(path):
    """Another process holding the write lock, as a stuck replica or a backup tool would."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _entry(note: str = "") -> Entry:
    return Entry(recorded_at=NOW, kind="symptom", what="flushing", severity=2, note=note)


def test_the_busy_timeout_is_a_few_seconds_not_minutes():
    assert 1 <= BUSY_TIMEOUT_SECONDS <= 5


def test_a_locked_file_gives_store_unavailable_to_both_stores(tmp_path):
    path = tmp_path / "netaid.sqlite3"
    diary, progress = DiaryStore(f"sqlite:///{path}"), ProgressStore(f"sqlite:///{path}")
    learner, key = progress.create("h"), DiaryKey(new_key())
    with locked(path):
        with pytest.raises(StoreUnavailable, match="locked"):
            diary.add_once(key, [_entry()])
        with pytest.raises(StoreUnavailable, match="locked"):
            progress.record_answer(learner, "q1", "triggers", True, NOW)
    assert diary.entries(key) == [] and progress.answers(learner) == [], "nothing was half-saved"
    diary.add_once(key, [_entry()])
    assert len(diary.entries(key)) == 1, "once the lock is gone, the same save goes through"


def test_a_full_file_gives_store_unavailable(tmp_path):
    path = tmp_path / "full.sqlite3"
    diary = DiaryStore(f"sqlite:///{path}")
    key = DiaryKey(new_key())
    diary.add_once(key, [_entry()])
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]
    diary.engine.dispose()
    # SQLite's own limit on the file's size: the same "database or disk is full" as a full disk.
    event.listen(diary.engine, "connect", lambda conn, _: conn.execute(f"PRAGMA max_page_count={pages}"))
    with pytest.raises(StoreUnavailable, match="full"):
        diary.add_once(key, [_entry("x" * 400) for _ in range(200)])
    assert len(diary.entries(key)) == 1


def test_database_files_are_readable_by_their_owner_only(tmp_path):
    path = tmp_path / "private.sqlite3"
    store = DiaryStore(f"sqlite:///{path}")
    store.add_once(DiaryKey(new_key()), [_entry()])
    for file in (path, tmp_path / "private.sqlite3-wal"):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    old = tmp_path / "old.sqlite3"
    old.touch(mode=0o644)
    old.chmod(0o644)
    ProgressStore(f"sqlite:///{old}")
    assert stat.S_IMODE(old.stat().st_mode) == 0o600, "a file made by an older NETaid is tightened"


def test_adding_the_same_entries_again_stores_them_once(tmp_path):
    store, key = DiaryStore(f"sqlite:///{tmp_path / 'd.sqlite3'}"), DiaryKey(new_key())
    entries = sample_diary()[:3]
    assert store.add_once(key, entries) == 3
    assert store.add_once(key, entries) == 0, "a repeated send adds nothing"
    changed = entries[0].model_copy(update={"note": "edited since"})
    store.save(key, changed)
    store.add_once(key, entries)
    assert changed in store.entries(key), "a late repeat never overwrites a later edit"
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(DiaryRow)) == 3


def test_after_forget_me_no_replica_saves_under_the_key(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    here, there = DiaryStore(url), DiaryStore(url)
    key_text = new_key()
    key = DiaryKey(key_text)
    there.add_once(key, [_entry()])
    here.forget(key.owner)
    with pytest.raises(KeyForgotten):
        there.add_once(key, [_entry("typed on the other device")])
    with pytest.raises(KeyForgotten):
        there.save_settings(key, there.settings(key))
    assert there.entries(key) == []
    with pytest.raises(KeyForgotten):
        ProgressStore(url).create(lookup_hash(key_text))  # one tombstone covers progress and diary
    progress, other_key = ProgressStore(url), lookup_hash(new_key())
    progress.forget(progress.create(other_key), other_key)
    with pytest.raises(KeyForgotten):
        ProgressStore(url).create(other_key)
    with sqlite3.connect(tmp_path / "shared.sqlite3") as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(forgotten_keys)")]
    assert columns == ["key_hash"], "the tombstone holds only the lookup hash"


def test_errors_carry_no_hashes_ids_or_values(tmp_path, caplog):
    path = tmp_path / "netaid.sqlite3"
    store, key = DiaryStore(f"sqlite:///{path}"), DiaryKey(new_key())
    entry = _entry()
    caplog.set_level(logging.DEBUG)
    with locked(path), pytest.raises(StoreUnavailable) as caught:
        store.add_once(key, [entry])
    told = str(caught.value) + repr(caught.value) + caplog.text
    assert key.owner not in told and entry.id not in told
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_the_pilot_stores_one_row_per_token_and_upgrades_an_old_table(tmp_path):
    path = tmp_path / "pilot.sqlite3"
    with sqlite3.connect(path) as conn:  # the table as NETaid made it before tokens
        conn.execute(
            "CREATE TABLE evaluation_responses (id INTEGER PRIMARY KEY, participant VARCHAR(16), "
            "phase VARCHAR(8), day DATE, answers TEXT)"
        )
    kit = EvaluationStore({"NETAID_EVALUATION_KIT": "on", "NETAID_DATABASE_URL": f"sqlite:///{path}"})
    form = Response("AB12CD34", "before", NOW.date(), {"sure": True}, 3, 5, {k: "yes" for k, _ in DCS_ITEMS})
    assert kit.save(form, "t" * 32) is True
    assert kit.save(form, "t" * 32) is False, "the second click of a double click stores nothing"
    assert kit.save(form, "u" * 32) is True
    with kit._engine.connect() as conn:  # type: ignore[union-attr]
        assert conn.scalar(select(func.count()).select_from(ResponseRow)) == 2


def test_making_another_store_keeps_the_locks_of_open_connections(tmp_path):
    """Closing any descriptor of a file drops every POSIX lock the process holds on it, so a new
    store must never open an existing database file just to set its mode."""
    path = tmp_path / "shared.sqlite3"
    url = f"sqlite:///{path}"
    first = DiaryStore(url)
    conn = first.engine.raw_connection()
    try:
        conn.cursor().execute("BEGIN IMMEDIATE")  # this process is writing
        make_engine(url)  # another store's engine on the same file, made meanwhile
        other = subprocess.run(
            [sys.executable, "-c", TRY_TO_WRITE, str(path)], capture_output=True, text=True, timeout=60
        )
        conn.cursor().execute("ROLLBACK")
    finally:
        conn.close()
    assert other.stdout.strip() == "locked", "another process must still see this process's write lock"


TRY_TO_WRITE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
try:
    conn.execute("BEGIN IMMEDIATE")
    print("wrote")
except sqlite3.OperationalError:
    print("locked")
"""
