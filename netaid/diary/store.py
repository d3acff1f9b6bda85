"""Encrypted diary rows in SQLite or PostgreSQL (the same NETAID_DATABASE_URL as progress).

A row holds only the owner's lookup hash, a random record id, a nonce and ciphertext: no
dates, kinds or words in the clear. Every save is committed before it returns, so an entry
the page has acknowledged survives the server being killed. SQLite runs in WAL mode with
synchronous=FULL for the same reason.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import LargeBinary, String, create_engine, delete, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import StaticPool

from netaid.diary.crypto import DiaryKey, Sealed
from netaid.diary.models import Entry, Settings
from netaid.quiz.progress import _sqlite_autocommit, _sqlite_begin, _sqlite_connect  # same durable SQLite setup

SETTINGS_ID = "settings"  # entry ids are 32 hex digits, so this never clashes


class _Base(DeclarativeBase):
    pass


class DiaryRow(_Base):
    __tablename__ = "diary_records"
    owner: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    nonce: Mapped[bytes] = mapped_column(LargeBinary)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)


class DiaryStore:
    """Reads and writes one person's encrypted diary. Safe to share between threads."""

    def __init__(self, url: str) -> None:
        memory = url in ("sqlite://", "sqlite:///:memory:")
        kwargs: dict[str, Any] = {}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
            if memory:
                kwargs["poolclass"] = StaticPool
        self.engine = create_engine(url, **kwargs)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_autocommit if memory else _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        _Base.metadata.create_all(self.engine, checkfirst=True)

    def _put(self, key: DiaryKey, records: list[tuple[str, bytes]]) -> None:
        """Seal and add or replace records, all in one transaction."""
        sealed = [(record_id, key.seal(record_id, plain)) for record_id, plain in records]
        with Session(self.engine.execution_options(netaid_write=True)) as session, session.begin():
            for record_id, s in sealed:
                row = session.get(DiaryRow, (key.owner, record_id))
                if row is None:
                    session.add(DiaryRow(owner=key.owner, record_id=record_id, nonce=s.nonce, ciphertext=s.ciphertext))
                else:
                    row.nonce, row.ciphertext = s.nonce, s.ciphertext
        # leaving `session.begin()` committed the rows: only now may the page say "saved"

    def save(self, key: DiaryKey, entry: Entry) -> Entry:
        """Add or replace an entry; committed when this returns."""
        self._put(key, [(entry.id, entry.model_dump_json().encode("utf-8"))])
        return entry

    def delete(self, key: DiaryKey, entry_id: str) -> None:
        with Session(self.engine.execution_options(netaid_write=True)) as session, session.begin():
            session.execute(delete(DiaryRow).where(DiaryRow.owner == key.owner, DiaryRow.record_id == entry_id))

    def entries(self, key: DiaryKey) -> list[Entry]:
        """Every entry, oldest first. Raises WrongKey if any row does not open with this key."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(DiaryRow.record_id, DiaryRow.nonce, DiaryRow.ciphertext).where(
                    DiaryRow.owner == key.owner, DiaryRow.record_id != SETTINGS_ID
                )
            ).all()
        found = [Entry.model_validate_json(key.open(rid, Sealed(nonce, ct))) for rid, nonce, ct in rows]
        return sorted(found, key=lambda e: (e.recorded_at, e.id))

    def settings(self, key: DiaryKey) -> Settings:
        with Session(self.engine) as session:
            row = session.get(DiaryRow, (key.owner, SETTINGS_ID))
            if row is None:
                return Settings()
            return Settings.model_validate_json(key.open(SETTINGS_ID, Sealed(row.nonce, row.ciphertext)))

    def save_settings(self, key: DiaryKey, settings: Settings) -> None:
        self._put(key, [(SETTINGS_ID, settings.model_dump_json().encode("utf-8"))])

    def forget(self, owner: str) -> int:
        """Delete every record of this owner (their lookup hash); how many rows went."""
        with Session(self.engine.execution_options(netaid_write=True)) as session, session.begin():
            return session.execute(delete(DiaryRow).where(DiaryRow.owner == owner)).rowcount  # type: ignore[attr-defined]

    def save_many(self, key: DiaryKey, entries: list[Entry]) -> None:
        """Add imported entries (same ids replace earlier copies) in one transaction."""
        self._put(key, [(e.id, e.model_dump_json().encode("utf-8")) for e in entries])
