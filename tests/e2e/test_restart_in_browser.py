"""A server restart while a page is open: the person is told plainly what happened."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page

from testkit.browser import screenshot, wait_idle
from testkit.servers import ROOT, free_port

pytestmark = pytest.mark.e2e


def _start(port: int, workdir: Path) -> subprocess.Popen:
    env = {**os.environ, "NETAID_DATABASE_URL": f"sqlite:///{workdir / 'restart.sqlite3'}"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
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
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).status == 200:
                return server
        except OSError:
            if time.monotonic() > deadline:
                server.terminate()
                pytest.fail("the app did not start within 60 s")
            time.sleep(0.3)


def test_a_restart_with_a_quiz_open_says_plainly_what_happened(page: Page, tmp_path: Path):
    port = free_port()
    server = _start(port, tmp_path)
    try:
        page.goto(f"http://127.0.0.1:{port}/quiz")
        wait_idle(page)
        page.get_by_role("button", name="Start practice").click()
        wait_idle(page)
        assert page.get_by_text("NETaid was restarted").count() == 0, "no notice on a normal visit"
        main = page.locator("[data-testid='stMain']")
        main.locator("[data-testid='stCheckbox'], [data-testid='stRadioOption']").first.wait_for()
        server.terminate()
        server.wait(timeout=15)
        server = _start(port, tmp_path)
        # The page reconnects by itself; the person's next click is the first thing the new server sees.
        page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=45_000)
        page.wait_for_timeout(3000)
        main.locator("[data-testid='stCheckbox'], [data-testid='stRadioOption']").first.click()
        page.get_by_text("NETaid was restarted").wait_for(timeout=45_000)
        wait_idle(page)
        screenshot(page, "restart-notice")
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        server.terminate()
        server.wait(timeout=15)
