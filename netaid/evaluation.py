"""The opt-in evaluation kit a clinic can switch on to pilot NETaid: before and after, the SURE
test, a short knowledge check from the quiz banks, and the 10-item low-literacy Decisional
Conflict Scale. Answers are stored anonymously, and only while the kit is switched on."""

from __future__ import annotations

import csv
import io
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import Date, Integer, String, Text, inspect, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from netaid.csv_safety import safe_row
from netaid.explorer.values import SURE_QUESTIONS
from netaid.quiz.models import TrueFalse
from netaid.quiz.progress import database_url
from netaid.storage import insert_ignore, make_engine, reporting_outages

SWITCH = "NETAID_EVALUATION_KIT"  # a clinic sets this to "on" to collect answers
Phase = Literal["before", "after"]

# O'Connor AM, Decisional Conflict Scale, low-literacy version (Ottawa Hospital Research
# Institute user manual): each item is answered yes (0), unsure (2) or no (4); the total is
# the mean item score times 25, from 0 (no conflict) to 100 (very high conflict).
DCS_ITEMS: tuple[tuple[str, str], ...] = (
    ("options", "Do you know which options are available to you?"),
    ("benefits", "Do you know the benefits of each option?"),
    ("risks", "Do you know the risks and side effects of each option?"),
    ("benefits_matter", "Are you clear about which benefits matter most to you?"),
    ("risks_matter", "Are you clear about which risks and side effects matter most to you?"),
    ("support", "Do you have enough support from others to make a choice?"),
    ("pressure", "Are you choosing without pressure from others?"),
    ("advice", "Do you have enough advice to make a choice?"),
    ("clear_best", "Are you clear about the best choice for you?"),
    ("sure", "Do you feel sure about what to choose?"),
)
DCS_POINTS = {"yes": 0, "unsure": 2, "no": 4}
KNOWLEDGE_TOPICS = ("grade_stage", "treatments", "diagnosis", "triggers", "side_effects")


def kit_is_on(environ: Mapping[str, str]) -> bool:
    return environ.get(SWITCH, "").strip().lower() in ("on", "1", "true", "yes")


def dcs_score(answers: Mapping[str, str]) -> float:
    """0 to 100; raises ValueError if an item is missing or not yes / unsure / no."""
    missing = [key for key, _ in DCS_ITEMS if answers.get(key) not in DCS_POINTS]
    if missing:
        raise ValueError(f"the decision questions are not all answered: {', '.join(missing)}")
    return sum(DCS_POINTS[answers[key]] for key, _ in DCS_ITEMS) / len(DCS_ITEMS) * 25


def knowledge_questions(banks: Mapping[str, Any]) -> list[TrueFalse]:
    """The same five true/false questions for everyone, one per topic, so before and after compare."""
    picked = []
    for topic in KNOWLEDGE_TOPICS:
        first = next((q for q in banks[topic].questions if isinstance(q, TrueFalse)), None)
        if first is not None:
            picked.append(first)
    return picked


def knowledge_score(questions: list[TrueFalse], answers: Mapping[str, bool | None]) -> int:
    """How many of the knowledge questions were answered right (an unanswered one counts wrong)."""
    return sum(1 for q in questions if answers.get(q.id) is q.correct)


@dataclass(frozen=True)
class Response:
    """One anonymous filled-in form: no name, no key, no health details, only the day."""

    participant: str  # a random code the person keeps on paper, to pair before with after
    phase: Phase
    day: date
    sure: dict[str, bool]
    knowledge_right: int
    knowledge_asked: int
    dcs: dict[str, str]

    @property
    def dcs_total(self) -> float:
        return dcs_score(self.dcs)


def new_participant_code() -> str:
    """A short random code, unlinkable to anything else NETaid stores."""
    return secrets.token_hex(4).upper()


class _Base(DeclarativeBase):
    pass


class ResponseRow(_Base):
    __tablename__ = "evaluation_responses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant: Mapped[str] = mapped_column(String(16), index=True)
    phase: Mapped[str] = mapped_column(String(8))
    day: Mapped[date] = mapped_column(Date)
    answers: Mapped[str] = mapped_column(Text)  # JSON: sure, knowledge, dcs
    # The form's one-time token: a second or third click on "Send" stores nothing more.
    token: Mapped[str | None] = mapped_column(String(32), unique=True, nullable=True)


CSV_COLUMNS = [
    "participant",
    "phase",
    "day",
    "sure_all_yes",
    "knowledge_right",
    "knowledge_asked",
    "dcs_total",
    *(f"sure_{k}" for k, _ in SURE_QUESTIONS),
    *(f"dcs_{k}" for k, _ in DCS_ITEMS),
]


class EvaluationStore:
    """Keeps responses only when the kit is switched on; when off, `save` refuses."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self.enabled = kit_is_on(environ)
        self._engine = make_engine(database_url(environ)) if self.enabled else None
        if self._engine is not None:
            with reporting_outages(), self._engine.begin() as conn:
                _add_token_column(conn)
            with reporting_outages():
                _Base.metadata.create_all(self._engine)

    def save(self, response: Response, token: str | None = None) -> bool:
        """Store one form once per token (the form's one-time token); False if it was already stored."""
        token = token or secrets.token_hex(16)
        if self._engine is None:
            raise RuntimeError("the evaluation kit is switched off, so nothing is stored")
        _ = response.dcs_total  # check the form whole before anything is written
        payload = {
            "sure": response.sure,
            "knowledge_right": response.knowledge_right,
            "knowledge_asked": response.knowledge_asked,
            "dcs": response.dcs,
        }
        row = {
            "participant": response.participant,
            "phase": response.phase,
            "day": response.day,
            "answers": json.dumps(payload),
            "token": token,
        }
        with reporting_outages(), Session(self._engine) as session, session.begin():
            return insert_ignore(session, ResponseRow, row, ["token"])

    def responses(self) -> list[Response]:
        if self._engine is None:
            return []
        with reporting_outages(), Session(self._engine) as session:
            rows = session.scalars(select(ResponseRow).order_by(ResponseRow.id)).all()
        out = []
        for row in rows:
            data = json.loads(row.answers)
            out.append(
                Response(
                    row.participant,
                    row.phase,  # type: ignore[arg-type]  # written from a Phase only
                    row.day,
                    data["sure"],
                    data["knowledge_right"],
                    data["knowledge_asked"],
                    data["dcs"],
                )
            )
        return out


def _add_token_column(conn: Any) -> None:
    """Tables made before the one-time token get its column (unique, so a token is stored once)."""
    if "evaluation_responses" not in inspect(conn).get_table_names():
        return
    if "token" not in {c["name"] for c in inspect(conn).get_columns("evaluation_responses")}:
        conn.execute(text("ALTER TABLE evaluation_responses ADD COLUMN token VARCHAR(32)"))
        conn.execute(text("CREATE UNIQUE INDEX ix_evaluation_responses_token ON evaluation_responses (token)"))


def responses_csv(responses: list[Response]) -> str:
    """One row per form, with every item, for the clinic's own analysis; no cell can run as a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in responses:
        cells: dict[str, object] = {
            "participant": r.participant,
            "phase": r.phase,
            "day": r.day.isoformat(),
            "sure_all_yes": all(r.sure.get(k) for k, _ in SURE_QUESTIONS),
            "knowledge_right": r.knowledge_right,
            "knowledge_asked": r.knowledge_asked,
            "dcs_total": f"{r.dcs_total:g}",
            **{f"sure_{k}": r.sure.get(k) for k, _ in SURE_QUESTIONS},
            **{f"dcs_{k}": r.dcs[k] for k, _ in DCS_ITEMS},
        }
        writer.writerow(safe_row(cells[c] for c in CSV_COLUMNS))
    return buffer.getvalue()
