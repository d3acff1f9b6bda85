"""Learner progress: every answer committed as it is given, and an fsrs card per question.

A learner is found by the hash of a private key (see learner_key.py) or of a sign-in subject;
an optional display name is stored sealed with the key (the page seals it, as the diary does).
Rows from before private keys keep their nickname, but nothing looks learners up by nickname any
more: a guessable name must never open or move anyone's progress. No health data is stored. SQLite by default;
any SQLAlchemy URL works (set NETAID_DATABASE_URL), e.g. PostgreSQL for several app replicas.

Writes are safe between processes as well as threads: rows that may be created by two
replicas at once (learners, cards, one answer per question per round) are inserted with
INSERT ... ON CONFLICT DO NOTHING and then read back, a card is locked while it is
rescheduled, and a transaction that still loses a race is retried. A database that is down,
locked or full raises StoreUnavailable (netaid/storage) within seconds; nothing is acknowledged
before it is committed.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from fsrs import Card, Rating, Scheduler
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, ValidationError
from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    delete,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from netaid.paths import DEFAULT_DATABASE
from netaid.storage import (
    bury,
    create_tombstones,
    insert_ignore,
    make_engine,
    refuse_if_forgotten,
    reporting_outages,
)

EXPORT_FORMAT = "netaid-progress/1"
MAX_IMPORT_BYTES = 1_000_000  # the same 1 MB as server.maxUploadSize
MAX_IMPORT_ANSWERS = 5_000
MAX_ANSWERS_PER_LEARNER = 50_000  # keeps the Progress page quick however many files are loaded
EARLIEST_ANSWER = datetime(2020, 1, 1, tzinfo=UTC)
RETRIES = 5


def database_url(environ: Mapping[str, str]) -> str:
    """The progress database: NETAID_DATABASE_URL, or a SQLite file beside the app."""
    return environ.get("NETAID_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE}"


class Base(DeclarativeBase):
    pass


class Learner(Base):
    __tablename__ = "learners"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Only rows made before private keys have a nickname; nothing reads it any more.
    nickname: Mapped[str | None] = mapped_column(String(40), unique=True, nullable=True)
    key_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    label: Mapped[str | None] = mapped_column(String(40), nullable=True)  # old display names: emptied
    sealed_label: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # nonce + ciphertext
    __table_args__ = (Index("ix_learners_key_hash", "key_hash", unique=True),)


class AnswerRecord(Base):
    __tablename__ = "answers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"), index=True)
    question_id: Mapped[str] = mapped_column(String(80))
    topic: Mapped[str] = mapped_column(String(40))
    correct: Mapped[bool] = mapped_column(Boolean)
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # A quiz round's id: one answer per question per round, however often "Check" is pressed.
    round_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    __table_args__ = (Index("ix_answers_once_per_round", "learner_id", "round_id", "question_id", unique=True),)


class CardState(Base):
    __tablename__ = "cards"
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    card_json: Mapped[str] = mapped_column(Text)
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class ExportedAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question_id: StrictStr = Field(min_length=1, max_length=80)
    topic: StrictStr = Field(min_length=1, max_length=40)
    correct: StrictBool
    answered_at: datetime


class ExportFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: StrictStr = Field(max_length=40)
    answers: list[ExportedAnswer] = Field(max_length=MAX_IMPORT_ANSWERS)


class ProgressFileError(ValueError):
    """A progress file that cannot be imported; the message says why."""


class UnknownLearner(LookupError):
    """No learner has this key (any more)."""


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def clean_label(label: str | None) -> str | None:
    """An optional display name: trimmed, at most 40 characters, or None."""
    if label is None:
        return None
    label = " ".join(label.split())[:40]
    return label or None


class ProgressStore:
    """All reads and writes of progress. Safe to share between threads and between processes."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        with reporting_outages():
            _create_tables_despite_races(self.engine)
        self._scheduler = Scheduler(enable_fuzzing=False)
        # One writer at a time in this process: SQLite allows only one anyway, and fewer
        # conflicts between threads means fewer retries.
        self._write_lock = threading.Lock()

    # -- writing, with retries --------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE on SQLite, so it never fails half-way on a lock)."""
        with self._write_lock, Session(self.engine.execution_options(netaid_write=True)) as session:
            yield session

    def _retry(self, work: Callable[[Session], Any]) -> Any:
        """Run one write transaction; run it again if another process won a race."""
        with reporting_outages():  # outside the loop: a lost race is retried, an outage is not
            for attempt in range(RETRIES):
                try:
                    with self._writing() as session:
                        result = work(session)
                        session.commit()
                        return result
                except (IntegrityError, OperationalError, DBAPIError) as error:
                    if attempt == RETRIES - 1 or not _is_race(error):
                        raise
                    time.sleep(0.01 * (attempt + 1))
        raise AssertionError("unreachable")

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with reporting_outages(), Session(self.engine) as session:
            yield session

    # -- learners ----------------------------------------------------------------------------

    def find(self, key_hash: str) -> int | None:
        """The learner with this key hash, or None. Never creates a row."""
        with self._reading() as session:
            return session.scalar(select(Learner.id).where(Learner.key_hash == key_hash))

    def create(self, key_hash: str) -> int:
        """The learner with this key hash, made now if it is new (safe if two replicas race).

        Raises KeyForgotten for a key deleted with "Forget me".
        """

        def work(session: Session) -> int:
            refuse_if_forgotten(session, key_hash)
            insert_ignore(session, Learner, {"key_hash": key_hash}, ["key_hash"])
            learner_id = session.scalar(select(Learner.id).where(Learner.key_hash == key_hash))
            assert learner_id is not None  # inserted above, or by the replica that won the race
            return learner_id

        return self._retry(work)

    def sealed_label(self, learner_id: int) -> bytes | None:
        """The display name, sealed by the page with the person's key (the store cannot read it)."""
        with self._reading() as session:
            return session.scalar(select(Learner.sealed_label).where(Learner.id == learner_id))

    def set_sealed_label(self, learner_id: int, sealed: bytes | None) -> None:
        self._retry(
            lambda s: s.execute(update(Learner).where(Learner.id == learner_id).values(sealed_label=sealed, label=None))
        )

    def forget(self, learner_id: int, key_hash: str | None = None) -> None:
        """Delete the learner, every answer and every card, in one transaction.

        With the key's hash, also keep a tombstone of it, so no replica makes the learner again.
        """

        def work(session: Session) -> None:
            if key_hash is not None:
                bury(session, key_hash)
            session.execute(delete(AnswerRecord).where(AnswerRecord.learner_id == learner_id))
            session.execute(delete(CardState).where(CardState.learner_id == learner_id))
            session.execute(delete(Learner).where(Learner.id == learner_id))

        self._retry(work)

    def exists(self, learner_id: int) -> bool:
        with self._reading() as session:
            return session.get(Learner, learner_id) is not None

    # -- answers -----------------------------------------------------------------------------

    def record_answer(
        self, learner_id: int, question_id: str, topic: str, correct: bool, now: datetime, round_id: str | None = None
    ) -> datetime:
        """Save one answer and reschedule its question; committed before this returns the due date.

        With a round id, a second answer to the same question in the same round is ignored
        (a double click), and the card's due date is returned unchanged.
        """
        now = _utc(now)
        values = {
            "learner_id": learner_id,
            "question_id": question_id,
            "topic": topic,
            "correct": correct,
            "answered_at": now,
            "round_id": round_id,
        }

        def work(session: Session) -> datetime:
            if not self._exists_in(session, learner_id):
                raise UnknownLearner(learner_id)
            if round_id is None:
                session.add(AnswerRecord(**values))
            elif not insert_ignore(session, AnswerRecord, values, ["learner_id", "round_id", "question_id"]):
                state = session.get(CardState, (learner_id, question_id))
                return _utc(state.due) if state else now
            return self._reschedule(session, learner_id, question_id, correct, now)

        return self._retry(work)

    @staticmethod
    def _exists_in(session: Session, learner_id: int) -> bool:
        return session.scalar(select(Learner.id).where(Learner.id == learner_id)) is not None

    def _reschedule(
        self, session: Session, learner_id: int, question_id: str, correct: bool, now: datetime
    ) -> datetime:
        # Make sure the card row exists (another replica may be making it right now), then
        # lock it, so two answers to one card never overwrite each other.
        insert_ignore(
            session,
            CardState,
            {"learner_id": learner_id, "question_id": question_id, "card_json": "", "due": now},
            ["learner_id", "question_id"],
        )
        state = session.scalars(
            select(CardState)
            .where(CardState.learner_id == learner_id, CardState.question_id == question_id)
            .with_for_update()
        ).one()
        card = Card.from_json(state.card_json) if state.card_json else Card()
        card, _ = self._scheduler.review_card(card, Rating.Good if correct else Rating.Again, now)
        state.card_json, state.due = card.to_json(), card.due
        return _utc(card.due)

    def answers(self, learner_id: int) -> list[dict[str, Any]]:
        """Every answer of one learner, oldest first."""
        with self._reading() as session:
            rows = session.scalars(
                select(AnswerRecord)
                .where(AnswerRecord.learner_id == learner_id)
                .order_by(AnswerRecord.answered_at, AnswerRecord.id)
            )
            return [
                {
                    "question_id": r.question_id,
                    "topic": r.topic,
                    "correct": r.correct,
                    "answered_at": _utc(r.answered_at),
                }
                for r in rows
            ]

    def due(self, learner_id: int, now: datetime) -> list[str]:
        """Question ids due for review at `now`, most overdue first."""
        with self._reading() as session:
            rows = session.scalars(
                select(CardState.question_id)
                .where(CardState.learner_id == learner_id, CardState.due <= _utc(now))
                .order_by(CardState.due)
            )
            return list(rows)

    def next_due(self, learner_id: int) -> dict[str, datetime]:
        with self._reading() as session:
            rows = session.execute(
                select(CardState.question_id, CardState.due).where(CardState.learner_id == learner_id)
            )
            return {qid: _utc(due) for qid, due in rows}

    # -- export and import -------------------------------------------------------------------

    def export(self, learner_id: int) -> str:
        answers = [{**a, "answered_at": a["answered_at"].isoformat()} for a in self.answers(learner_id)]
        return json.dumps({"format": EXPORT_FORMAT, "answers": answers}, indent=2)

    def copy_answers(self, source: ProgressStore, source_id: int, learner_id: int) -> int:
        """Copy a learner's answers from another store (a guest's visit) in one transaction."""
        answers = source.answers(source_id)
        return self._save_answers(
            learner_id, [(a["question_id"], a["topic"], a["correct"], a["answered_at"]) for a in answers]
        )

    def import_(
        self, learner_id: int, text: str | bytes, topic_of: Callable[[str], str | None], now: datetime
    ) -> ImportResult:
        """Add the answers from an exported file, all or none.

        The file is checked whole first: size, format, at most 5,000 answers, strict types,
        dates from 2020 to tomorrow. Answers already here or repeated in the file are
        skipped; answers to questions NETaid does not have (`topic_of` gives None) are left
        out. The rest are saved in one transaction.
        """
        rows = parse_progress_file(text, topic_of, _utc(now))
        have = {(a["question_id"], a["answered_at"]) for a in self.answers(learner_id)}
        fresh, seen = [], set(have)
        for row in rows.answers:
            if (row[0], row[3]) not in seen:
                seen.add((row[0], row[3]))
                fresh.append(row)
        if len(have) + len(fresh) > MAX_ANSWERS_PER_LEARNER:
            raise ProgressFileError(
                f"this would keep more than {MAX_ANSWERS_PER_LEARNER:,} answers; "
                "download your progress, then start a new key for the rest"
            )
        added = self._save_answers(learner_id, fresh)
        return ImportResult(added=added, duplicates=len(rows.answers) - len(fresh), unknown=rows.unknown)

    def _save_answers(self, learner_id: int, rows: list[tuple[str, str, bool, datetime]]) -> int:
        def work(session: Session) -> int:
            if not self._exists_in(session, learner_id):
                raise UnknownLearner(learner_id)
            for qid, topic, correct, when in sorted(rows, key=lambda r: r[3]):
                session.add(
                    AnswerRecord(
                        learner_id=learner_id, question_id=qid, topic=topic, correct=correct, answered_at=_utc(when)
                    )
                )
                self._reschedule(session, learner_id, qid, correct, _utc(when))
            return len(rows)

        return self._retry(work) if rows else 0


class ImportResult(BaseModel):
    added: int
    duplicates: int  # repeated in the file, or already saved
    unknown: int  # about questions NETaid does not have: left out


class ParsedFile(BaseModel):
    answers: list[tuple[str, str, bool, datetime]]
    unknown: int


def parse_progress_file(text: str | bytes, topic_of: Callable[[str], str | None], now: datetime) -> ParsedFile:
    """Check a whole progress file; every problem names the answer it is in (numbered from 1)."""
    if len(text) > MAX_IMPORT_BYTES:
        raise ProgressFileError(f"the file is larger than {MAX_IMPORT_BYTES // 1_000_000} MB")
    try:
        data = ExportFile.model_validate_json(text, strict=True)
    except ValidationError as err:
        raise ProgressFileError(_file_problem(err)) from None
    except (RecursionError, ValueError):
        raise ProgressFileError("this is not a NETaid progress file") from None
    if data.format != EXPORT_FORMAT:
        raise ProgressFileError(f"unknown progress file format; expected {EXPORT_FORMAT!r}")
    latest = _utc(now) + timedelta(days=1)
    rows: list[tuple[str, str, bool, datetime]] = []
    unknown = 0
    for number, answer in enumerate(data.answers, start=1):
        when = _file_moment(answer.answered_at)
        if when is None or not EARLIEST_ANSWER <= when <= latest:
            raise ProgressFileError(
                f"answer {number}: the date {(when or answer.answered_at).date().isoformat()} is not between "
                f"{EARLIEST_ANSWER.date().isoformat()} and tomorrow"
            )
        topic = topic_of(answer.question_id)
        if topic is None:
            unknown += 1
            continue
        rows.append((answer.question_id, topic, answer.correct, when))
    return ParsedFile(answers=rows, unknown=unknown)


def _file_moment(moment: datetime) -> datetime | None:
    """A file's date in UTC, or None when its UTC time falls off the calendar (year 1 at +14:00)."""
    try:
        return _utc(moment)
    except OverflowError:
        return None


def _file_problem(err: ValidationError) -> str:
    """The first problem, naming the answer it is in (numbered from 1) and the field."""
    first = err.errors()[0]
    loc = list(first["loc"])
    if loc == ["answers"] and first["type"] == "too_long":
        return (
            f"the file has more than {MAX_IMPORT_ANSWERS:,} answers; at most "
            f"{MAX_IMPORT_ANSWERS:,} can be loaded at once"
        )
    if len(loc) >= 2 and loc[0] == "answers" and isinstance(loc[1], int):
        field = ".".join(str(p) for p in loc[2:]) or "the answer"
        return f"answer {loc[1] + 1}: {field}: {first['msg']}"
    where = ".".join(str(p) for p in loc) or "the file"
    return f"this is not a NETaid progress file ({where}: {first['msg']})"


# -- database plumbing -------------------------------------------------------------------------


def _is_race(error: Exception) -> bool:
    """Errors another writer can cause, which a retry resolves.

    A locked SQLite file is not one: BEGIN IMMEDIATE already waited the busy timeout for it, and
    waiting again five times kept a page hanging for minutes.
    """
    if isinstance(error, IntegrityError):
        return True
    message = str(getattr(error, "orig", error)).lower()
    return any(word in message for word in ("deadlock", "could not serialize"))


def _create_tables_despite_races(engine: Any, tries: int = 5) -> None:
    """Replicas starting together can both try to make the same table: the loser looks again."""
    for attempt in range(tries):
        try:
            _create_or_migrate(engine)
            return
        except DBAPIError as error:
            lost_race = any(words in str(error).lower() for words in ("already exists", "duplicate key"))
            if not lost_race or attempt == tries - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _create_or_migrate(engine: Any) -> None:
    """Create the tables, or bring tables made by an older NETaid up to date (keeping all rows)."""
    with engine.begin() as conn:
        tables = set(inspect(conn).get_table_names())
        if "learners" in tables:
            columns = {c["name"]: c for c in inspect(conn).get_columns("learners")}
            if "key_hash" not in columns:
                _migrate_learners(conn)
            elif "sealed_label" not in columns:
                _seal_labels(conn)
        if "answers" in tables and "round_id" not in {c["name"] for c in inspect(conn).get_columns("answers")}:
            conn.execute(text("ALTER TABLE answers ADD COLUMN round_id VARCHAR(40)"))
    Base.metadata.create_all(engine)
    create_tombstones(engine)
    for table in Base.metadata.sorted_tables:  # indexes added since a table was first made
        for index in table.indexes:
            index.create(engine, checkfirst=True)


def _migrate_learners(conn: Any) -> None:
    if conn.dialect.name == "sqlite":  # SQLite cannot drop NOT NULL: rebuild the table, as its docs advise
        conn.execute(
            text(
                "CREATE TABLE learners_new (id INTEGER NOT NULL PRIMARY KEY, nickname VARCHAR(40) UNIQUE, "
                "key_hash VARCHAR(64), label VARCHAR(40))"
            )
        )
        conn.execute(text("INSERT INTO learners_new (id, nickname) SELECT id, nickname FROM learners"))
        conn.execute(text("DROP TABLE learners"))
        conn.execute(text("ALTER TABLE learners_new RENAME TO learners"))
    else:
        conn.execute(text("ALTER TABLE learners ALTER COLUMN nickname DROP NOT NULL"))
        conn.execute(text("ALTER TABLE learners ADD COLUMN key_hash VARCHAR(64)"))
        conn.execute(text("ALTER TABLE learners ADD COLUMN label VARCHAR(40)"))
    _seal_labels(conn)


def _seal_labels(conn: Any) -> None:
    """Display names were stored in clear beside the key hash: drop them (only a key could seal them)."""
    blob = "BYTEA" if conn.dialect.name == "postgresql" else "BLOB"
    conn.execute(text(f"ALTER TABLE learners ADD COLUMN sealed_label {blob}"))
    conn.execute(text("UPDATE learners SET label = NULL"))


def guest_hash() -> str:
    """The one learner of a guest's in-memory store."""
    return "guest"
