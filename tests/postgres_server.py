"""Start a throwaway PostgreSQL server for tests (Debian's postgresql package), or say why not."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class NoPostgres(Exception):
    """PostgreSQL cannot be started here; the message says why."""


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise NoPostgres(
            "PostgreSQL is not installed (Debian's `postgresql` package; scripts/test.sh installs it "
            "where apt-get works)"
        )
    return found[-1]


def _as_postgres(cmd: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; the Debian package creates a `postgres` user for it.
    if os.geteuid() != 0:
        return cmd
    if shutil.which("runuser") is None:
        raise NoPostgres("running as root and `runuser` is missing, so PostgreSQL cannot be started")
    return ["runuser", "-u", "postgres", "--", *cmd]


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a SQLAlchemy URL of a fresh server on 127.0.0.1; stop it and remove it afterwards."""
    with controlled_postgres_server() as server:
        yield server.url


class Server:
    """A running test server that a test can stop and start again (a database outage)."""

    def __init__(self, url: str, start: list[str], stop: list[str]) -> None:
        self.url, self._start, self._stop = url, start, stop

    def stop(self) -> None:
        subprocess.run(_as_postgres(self._stop), capture_output=True, text=True, timeout=120, check=True)

    def start(self) -> None:
        subprocess.run(_as_postgres(self._start), capture_output=True, text=True, timeout=120, check=True)


@contextmanager
def controlled_postgres_server() -> Iterator[Server]:
    """Like postgres_server, but the test gets stop() and start() too."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    # A folder straight under the temp dir: pytest's own tmp folders are private to root,
    # and the server runs as the `postgres` user.
    workdir = Path(tempfile.mkdtemp(prefix="netaid-pg-"))
    data = workdir / "pgdata"
    data.mkdir(parents=True)
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres")
        shutil.chown(data, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = lambda cmd: subprocess.run(_as_postgres(cmd), capture_output=True, text=True, timeout=120)  # noqa: E731
    made = run([initdb, "-D", str(data), "--auth=trust", "-U", "postgres", "--encoding=UTF8"])
    if made.returncode != 0:
        raise NoPostgres(f"initdb failed: {made.stderr.strip()[:300]}")
    options = f"-p {port} -h 127.0.0.1 -k {workdir}"
    start = [pg_ctl, "-D", str(data), "-o", options, "-l", str(workdir / "pg.log"), "-w", "start"]
    stop = [pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"]
    started = run(start)
    if started.returncode != 0:
        raise NoPostgres(f"pg_ctl start failed: {started.stderr.strip()[:300]}")
    try:
        yield Server(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", start, stop)
    finally:
        run(stop)
        shutil.rmtree(workdir, ignore_errors=True)
