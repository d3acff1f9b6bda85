"""A NETaid (or any Streamlit script) server on a free loopback port, and how to launch Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Streamlit's own end-to-end suite waits for this: the script has finished running.
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def chromium_path() -> str | None:
    """Debian's chromium (scripts/test.sh sets NETAID_CHROMIUM); None means Playwright's own."""
    return os.environ.get("NETAID_CHROMIUM") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@contextmanager
def streamlit_server(
    script: str = "app.py",
    env: dict[str, str] | None = None,
    prefix: list[str] | None = None,
    log: Path | None = None,
    start_timeout: float = 60,
    port: int | None = None,
) -> Iterator[tuple[str, int]]:
    """Serve `script` on a free loopback port; yield (url, server pid), on `port` if given. `prefix` wraps the command
    (["taskset", "-c", "0"] pins the server to one core; exec keeps the pid); `log` keeps its output."""
    port = port or free_port()
    out = log.open("w") if log else None
    proc = subprocess.Popen(
        [
            *(prefix or []),
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        stdout=out or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if out else subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    where = f"; see {log}" if log else ""
                    raise RuntimeError(f"{script} did not start within {start_timeout:g} s{where}") from None
                time.sleep(0.2)
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if out:
            out.close()


@contextmanager
def serve_netaid(workdir: Path) -> Iterator[str]:
    """NETaid with its own progress database and log in `workdir`; yield its URL."""
    env = {"NETAID_DATABASE_URL": f"sqlite:///{workdir / 'e2e.sqlite3'}"}
    with streamlit_server("app.py", env=env, log=workdir / "streamlit.log") as (url, _pid):
        yield url
