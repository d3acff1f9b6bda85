"""A server restart while a page is open: the person is told plainly what happened."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from testkit.browser import screenshot, wait_idle
from testkit.servers import free_port, streamlit_server

pytestmark = pytest.mark.e2e


def test_a_restart_with_a_quiz_open_says_plainly_what_happened(page: Page, tmp_path: Path):
    port = free_port()
    env = {"NETAID_DATABASE_URL": f"sqlite:///{tmp_path / 'restart.sqlite3'}"}
    main = page.locator("[data-testid='stMain']")
    with streamlit_server("app.py", env=env, port=port):
        page.goto(f"http://127.0.0.1:{port}/quiz")
        wait_idle(page)
        page.get_by_role("button", name="Start practice").click()
        wait_idle(page)
        assert page.get_by_text("NETaid was restarted").count() == 0, "no notice on a normal visit"
        main.locator("[data-testid='stCheckbox'], [data-testid='stRadioOption']").first.wait_for()
    with streamlit_server("app.py", env=env, port=port):  # the same address, a new process
        # The page reconnects by itself; the person's next click is the first thing the new server sees.
        page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=45_000)
        page.wait_for_timeout(3000)
        main.locator("[data-testid='stCheckbox'], [data-testid='stRadioOption']").first.click()
        page.get_by_text("NETaid was restarted").wait_for(timeout=45_000)
        wait_idle(page)
        screenshot(page, "restart-notice")
        assert page.locator("[data-testid='stException']").count() == 0
