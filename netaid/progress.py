"""Learner progress: every answer committed as it is given, and an fsrs card per question.

A learner is only a nickname (no health data). SQLite by default; any SQLAlchemy URL works
(set NETAID_DATABASE_URL), e.g. PostgreSQL for several app replicas.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from fsrs import Card, Rating, Scheduler
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import StaticPool

DEFAULT_DATABASE = Path(__file__).resolve().parent.parent / "netaid-progress.sqlite3"
EXPORT_FORMAT = "netaid-progress/1"


def database_url(environ: Mapping[str, str]) -> str:
    """The progress database: NETAID_DATABASE_URL, or a SQLite file beside the app."""
    return environ.get("NETAID_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE}"


class Base(DeclarativeBase):
    pass


class Learner(Base):
    __tablename__ = "learners"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nickname: Mapped[str] = mapped_column(String(40), unique=True)


class AnswerRecord(Base):
    __tablename__ = "answers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"), index=True)
    question_id: Mapped[str] = mapped_column(String(80))
    topic: Mapped[str] = mapped_column(String(40))
    correct: Mapped[bool] = mapped_column(Boolean)
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CardState(Base):
    __tablename__ = "cards"
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    card_json: Mapped[str] = mapped_column(Text)
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class ExportedAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question_id: str = Field(min_length=1, max_length=80)
    topic: str = Field(min_length=1, max_length=40)
    correct: bool
    answered_at: datetime


class ExportFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: str
    answers: list[ExportedAnswer]


class ProgressFileError(ValueError):
    """A progress file that cannot be imported; the message says why."""


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def normalize_nickname(nickname: str) -> str:
    name = " ".join(nickname.split()).lower()
    if not 1 <= len(name) <= 40:
        raise ValueError("a nickname is 1 to 40 characters")
    return name


class ProgressStore:
    """All reads and writes of progress. Safe to share between threads."""

    def __init__(self, url: str) -> None:
        memory = url in ("sqlite://", "sqlite:///:memory:")
        kwargs: dict[str, Any] = {}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
            if memory:
                kwargs["poolclass"] = StaticPool
        self.engine = create_engine(url, **kwargs)
        if url.startswith("sqlite") and not memory:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        Base.metadata.create_all(self.engine)
        self._scheduler = Scheduler(enable_fuzzing=False)
        # One writer at a time in this process: SQLite allows only one anyway, and the
        # read-modify-write of a card must not interleave with another answer to it.
        self._write_lock = threading.Lock()

    def learner(self, nickname: str) -> int:
        """The id for a nickname, creating the learner the first time."""
        name = normalize_nickname(nickname)
        with self._write_lock, Session(self.engine) as session:
            found = session.scalar(select(Learner.id).where(Learner.nickname == name))
            if found is not None:
                return found
            learner = Learner(nickname=name)
            session.add(learner)
            session.commit()
            return learner.id

    def record_answer(self, learner_id: int, question_id: str, topic: str, correct: bool, now: datetime) -> datetime:
        """Save one answer and reschedule its question; committed before this returns the due date."""
        now = _utc(now)
        with self._write_lock, Session(self.engine) as session:
            session.add(AnswerRecord(learner_id=learner_id, question_id=question_id, topic=topic, correct=correct, answered_at=now))
            due = self._reschedule(session, learner_id, question_id, correct, now)
            session.commit()
            return due

    def _reschedule(self, session: Session, learner_id: int, question_id: str, correct: bool, now: datetime) -> datetime:
        state = session.get(CardState, (learner_id, question_id))
        card = Card.from_json(state.card_json) if state else Card()
        card, _ = self._scheduler.review_card(card, Rating.Good if correct else Rating.Again, now)
        if state is None:
            state = CardState(learner_id=learner_id, question_id=question_id, card_json="", due=card.due)
            session.add(state)
        state.card_json, state.due = card.to_json(), card.due
        return _utc(card.due)

    def answers(self, learner_id: int) -> list[dict[str, Any]]:
        """Every answer of one learner, oldest first."""
        with Session(self.engine) as session:
            rows = session.scalars(
                select(AnswerRecord).where(AnswerRecord.learner_id == learner_id).order_by(AnswerRecord.answered_at, AnswerRecord.id)
            )
            return [
                {"question_id": r.question_id, "topic": r.topic, "correct": r.correct, "answered_at": _utc(r.answered_at)}
                for r in rows
            ]

    def due(self, learner_id: int, now: datetime) -> list[str]:
        """Question ids due for review at `now`, most overdue first."""
        with Session(self.engine) as session:
            rows = session.scalars(
                select(CardState.question_id)
                .where(CardState.learner_id == learner_id, CardState.due <= _utc(now))
                .order_by(CardState.due)
            )
            return list(rows)

    def next_due(self, learner_id: int) -> dict[str, datetime]:
        with Session(self.engine) as session:
            rows = session.execute(select(CardState.question_id, CardState.due).where(CardState.learner_id == learner_id))
            return {qid: _utc(due) for qid, due in rows}

    def export(self, learner_id: int) -> str:
        answers = [{**a, "answered_at": a["answered_at"].isoformat()} for a in self.answers(learner_id)]
        return json.dumps({"format": EXPORT_FORMAT, "answers": answers}, indent=2)

    def import_(self, learner_id: int, text: str | bytes) -> int:
        """Add the answers from an exported file (skipping ones already here); returns how many."""
        try:
            data = ExportFile.model_validate_json(text)
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "the file"
            raise ProgressFileError(f"this is not a NETaid progress file ({where}: {first['msg']})") from None
        if data.format != EXPORT_FORMAT:
            raise ProgressFileError(f"unknown progress file format {data.format!r}; expected {EXPORT_FORMAT!r}")
        have = {(a["question_id"], a["answered_at"]) for a in self.answers(learner_id)}
        added = 0
        for a in sorted(data.answers, key=lambda a: _utc(a.answered_at)):
            if (a.question_id, _utc(a.answered_at)) in have:
                continue
            self.record_answer(learner_id, a.question_id, a.topic, a.correct, a.answered_at)
            added += 1
        return added


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA synchronous=FULL")  # an acknowledged answer survives a crash
    cursor.close()
