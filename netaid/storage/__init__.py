"""What the progress, diary and pilot stores share: the engine settings, the one error they raise
when the database fails, and the tombstones of keys deleted with "Forget me".

An error from the database driver names tables, values and sometimes a learner's hash; none of
that may reach a log or a person. So engines hide statement parameters, and a failing database
comes out as `StoreUnavailable`, whose message names only the kind of failure.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, String, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import StaticPool

BUSY_TIMEOUT_SECONDS = 3  # a locked SQLite file fails after this, instead of hanging the page
FILE_MODE = 0o600  # database files are readable by their owner only


class StoreUnavailable(RuntimeError):
    """The database cannot be reached or written right now (down, locked or full); nothing was saved."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"the database is unavailable ({kind})")


class KeyForgotten(LookupError):
    """A save under a key that was deleted with "Forget me"; nothing was saved."""

    def __init__(self) -> None:
        super().__init__("this key was deleted with Forget me")


@contextmanager
def reporting_outages() -> Iterator[None]:
    """Turn a database that is down, locked or full into StoreUnavailable (without the SQL or values)."""
    try:
        yield
    except (OperationalError, InterfaceError, PoolTimeout) as error:
        raise StoreUnavailable(_kind(error)) from None
    except DBAPIError as error:
        if isinstance(error, IntegrityError) or not error.connection_invalidated:
            raise
        raise StoreUnavailable("connection lost") from None


def _kind(error: Exception) -> str:
    message = str(getattr(error, "orig", error)).lower()
    for words, kind in (("locked", "locked"), ("busy", "locked"), ("full", "full"), ("read-only", "read-only")):
        if words in message:
            return kind
    return "cannot connect" if "connect" in message else type(error).__name__


def make_engine(url: str) -> Engine:
    """An engine with NETaid's settings; a SQLite file is made owner-only before its first use."""
    if not url.startswith("sqlite"):
        return create_engine(url, hide_parameters=True, pool_pre_ping=True)
    memory = url in ("sqlite://", "sqlite:///:memory:")
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": BUSY_TIMEOUT_SECONDS}}
    if memory:
        kwargs["poolclass"] = StaticPool
    else:
        _private_file(make_url(url).database or "")
    engine = create_engine(url, hide_parameters=True, **kwargs)
    event.listen(engine, "connect", _sqlite_autocommit if memory else _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _private_file(database: str) -> None:
    """Create the SQLite file (and tighten an old one) so only its owner can read it.

    SQLite gives its -wal and -shm files the same mode as the database file. An existing file is
    never opened here: closing any descriptor of a file drops every POSIX lock this process holds
    on it, so the other engines' connections would lose their locks (and commits go astray).
    """
    path = Path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    with suppress(FileExistsError):  # made earlier, or by another replica: only its mode is set below
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if file.exists():
            file.chmod(FILE_MODE)


def _sqlite_autocommit(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event below starts transactions


def _sqlite_connect(dbapi_connection: Any, record: Any) -> None:
    _sqlite_autocommit(dbapi_connection, record)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA synchronous=FULL")  # an acknowledged save survives a crash
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # A write starts with BEGIN IMMEDIATE: it waits for the lock up front, instead of reading
    # first and then failing with "database is locked" when another process wrote meanwhile.
    write = connection.get_execution_options().get("netaid_write")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def insert_ignore(session: Session, model: type[Any], values: dict[str, Any], conflict: list[str]) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING; True if a row was inserted."""
    dialect = session.get_bind().dialect.name
    if dialect not in ("postgresql", "sqlite"):  # other databases: a plain insert in a savepoint
        try:
            with session.begin_nested():
                session.add(model(**values))
            return True
        except IntegrityError:
            return False
    # Imported here, when needed: the PostgreSQL dialect alone takes ~50 ms to import.
    insert = importlib.import_module(f"sqlalchemy.dialects.{dialect}").insert
    statement = insert(model).values(**values).on_conflict_do_nothing(index_elements=conflict)
    # RETURNING, not rowcount: through the ORM, psycopg reports a rowcount of -1 for this insert,
    # which read as "inserted" even when the conflict stopped it.
    returned = session.execute(statement.returning(*(getattr(model, name) for name in conflict)))
    return returned.first() is not None


# -- tombstones: keys deleted with "Forget me" -------------------------------------------------


class _TombstoneBase(DeclarativeBase):
    pass


class ForgottenKeyRow(_TombstoneBase):
    """Only the lookup hash of a deleted key, so no replica saves under it again."""

    __tablename__ = "forgotten_keys"
    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)


def create_tombstones(engine: Engine) -> None:
    _TombstoneBase.metadata.create_all(engine, checkfirst=True)


def bury(session: Session, key_hash: str) -> None:
    """Record that this key was forgotten (in the caller's transaction)."""
    insert_ignore(session, ForgottenKeyRow, {"key_hash": key_hash}, ["key_hash"])


def refuse_if_forgotten(session: Session, key_hash: str) -> None:
    """Raise KeyForgotten inside the saving transaction if this key was forgotten."""
    if session.scalar(select(ForgottenKeyRow.key_hash).where(ForgottenKeyRow.key_hash == key_hash)):
        raise KeyForgotten()
