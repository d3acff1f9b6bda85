"""Encrypted diary rows in SQLite or PostgreSQL (the same NETAID_DATABASE_URL as progress).

A row holds only the owner's lookup hash, a random record id, a nonce and ciphertext: no
dates, kinds or words in the clear. Every save is committed before it returns, so an entry
the page has acknowledged survives the server being killed. SQLite runs in WAL mode with
synchronous=FULL for the same reason. A database that is down, locked or full raises
StoreUnavailable; a save under a key deleted with "Forget me" raises KeyForgotten, checked in
the saving transaction on whichever replica saves.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import LargeBinary, String, delete, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from netaid.diary.crypto import DiaryKey, Sealed, WrongKey
from netaid.diary.models import Entry, Settings
from netaid.storage import bury, create_tombstones, insert_ignore, make_engine, refuse_if_forgotten, reporting_outages

SETTINGS_ID = "settings"  # entry ids are 32 hex digits, so this never clashes


@dataclass(frozen=True)
class Damaged:
    """A stored row that cannot be shown: its id (to delete it) and why, in plain words."""

    record_id: str
    why: str


@dataclass(frozen=True)
class DiaryRead:
    entries: list[Entry]
    damaged: list[Damaged]


def _first_problem(error: ValidationError) -> str:
    problem = error.errors()[0]
    where = ".".join(str(part) for part in problem["loc"]) or "the entry"
    return f"{where}: {problem['msg']}"[:200]


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
        self.engine = make_engine(url)
        with reporting_outages():
            _Base.metadata.create_all(self.engine, checkfirst=True)
            create_tombstones(self.engine)

    def _write(self) -> Session:
        return Session(self.engine.execution_options(netaid_write=True))

    def _put(self, key: DiaryKey, records: list[tuple[str, bytes]], replace: bool = True) -> int:
        """Seal and add records (replacing rows with the same id, or leaving them) in one transaction.

        Returns how many rows are new.
        """
        sealed = [(record_id, key.seal(record_id, plain)) for record_id, plain in records]
        added = 0
        with reporting_outages(), self._write() as session, session.begin():
            refuse_if_forgotten(session, key.owner)
            for record_id, s in sealed:
                values = {"owner": key.owner, "record_id": record_id, "nonce": s.nonce, "ciphertext": s.ciphertext}
                if insert_ignore(session, DiaryRow, values, ["owner", "record_id"]):
                    added += 1
                elif replace:
                    row = session.get(DiaryRow, (key.owner, record_id))
                    assert row is not None  # the insert found it
                    row.nonce, row.ciphertext = s.nonce, s.ciphertext
        # leaving `session.begin()` committed the rows: only now may the page say "saved"
        return added

    def save(self, key: DiaryKey, entry: Entry) -> Entry:
        """Add or replace an entry; committed when this returns."""
        self._put(key, [(entry.id, entry.model_dump_json().encode("utf-8"))])
        return entry

    def add_once(self, key: DiaryKey, entries: list[Entry]) -> int:
        """Add new entries, leaving any id already stored as it is (a repeated form send); how many are new."""
        return self._put(key, [(e.id, e.model_dump_json().encode("utf-8")) for e in entries], replace=False)

    def delete(self, key: DiaryKey, *entry_ids: str) -> None:
        """Delete these entries in one transaction: all of them go, or none."""
        with reporting_outages(), self._write() as session, session.begin():
            session.execute(delete(DiaryRow).where(DiaryRow.owner == key.owner, DiaryRow.record_id.in_(entry_ids)))

    def entries(self, key: DiaryKey) -> list[Entry]:
        """Every entry that can be read, oldest first (see `read` for the ones that cannot)."""
        return self.read(key).entries

    def read(self, key: DiaryKey) -> DiaryRead:
        """Every entry, oldest first, and the rows that cannot be read, set apart so one
        damaged row never hides the rest. Raises WrongKey when no row at all opens with this key."""
        with reporting_outages(), Session(self.engine) as session:
            rows = session.execute(
                select(DiaryRow.record_id, DiaryRow.nonce, DiaryRow.ciphertext).where(
                    DiaryRow.owner == key.owner, DiaryRow.record_id != SETTINGS_ID
                )
            ).all()
        found: list[Entry] = []
        damaged: list[Damaged] = []
        opened = 0
        for record_id, nonce, ciphertext in rows:
            try:
                plain = key.open(record_id, Sealed(nonce, ciphertext))
            except WrongKey:
                damaged.append(Damaged(record_id, "it was changed after it was saved, so it no longer opens"))
                continue
            opened += 1
            try:
                found.append(Entry.model_validate_json(plain))
            except ValidationError as error:  # e.g. a date outside the diary's window, saved by an older version
                damaged.append(Damaged(record_id, _first_problem(error)))
        if rows and not opened:
            raise WrongKey()
        return DiaryRead(sorted(found, key=lambda e: (e.recorded_at, e.id)), damaged)

    def settings(self, key: DiaryKey) -> Settings:
        with reporting_outages(), Session(self.engine) as session:
            row = session.get(DiaryRow, (key.owner, SETTINGS_ID))
            if row is None:
                return Settings()
            return Settings.model_validate_json(key.open(SETTINGS_ID, Sealed(row.nonce, row.ciphertext)))

    def save_settings(self, key: DiaryKey, settings: Settings) -> None:
        self._put(key, [(SETTINGS_ID, settings.model_dump_json().encode("utf-8"))])

    def forget(self, owner: str) -> int:
        """Delete every record of this owner (their lookup hash) and refuse later saves; how many rows went."""
        with reporting_outages(), self._write() as session, session.begin():
            bury(session, owner)
            return session.execute(delete(DiaryRow).where(DiaryRow.owner == owner)).rowcount  # type: ignore[attr-defined]

    def save_many(self, key: DiaryKey, entries: list[Entry]) -> None:
        """Add imported entries (same ids replace earlier copies) in one transaction."""
        self._put(key, [(e.id, e.model_dump_json().encode("utf-8")) for e in entries])
