"""Triple clicks in a real Chromium: each diary save and the pilot's send store one entry."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from netaid.diary.crypto import DiaryKey
from netaid.diary.store import DiaryStore
from testkit.browser import wait_idle
from testkit.servers import serve_netaid

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/h8-shots")


def _count(database: Path, sql: str) -> int:
    with sqlite3.connect(database) as conn:
        return int(conn.execute(sql).fetchone()[0])


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("size", [{"width": 390, "height": 844}, {"width": 1920, "height": 1080}])
def test_a_triple_click_on_each_diary_save_stores_one_entry(browser, tmp_path, size):
    with serve_netaid(tmp_path) as url:
        context = browser.new_context(viewport=size)
        page = context.new_page()
        try:
            page.goto(f"{url}/diary")
            wait_idle(page)
            if size["width"] < 600:  # the side bar is folded away on a phone
                page.locator(
                    "[data-testid='stExpandSidebarButton'], [data-testid='stSidebarCollapsedControl'] button"
                ).first.click()
                wait_idle(page)
            page.get_by_role("button", name="Save my progress").click()
            wait_idle(page)
            page.get_by_text("Saved with your private key").wait_for()
            key = page.locator("[data-testid='stSidebar'] [data-testid='stCode'] code").first.inner_text().strip()
            if size["width"] < 600:  # fold it away again
                page.locator("[data-testid='stSidebarCollapseButton'] button").first.click()
                wait_idle(page)
            page.get_by_role("radio", name="Flushing", exact=True).click()
            wait_idle(page)
            page.get_by_role("radio", name="2 medium", exact=True).click()
            wait_idle(page)
            page.get_by_label("Note (optional)").first.fill("three clicks")
            page.get_by_role("button", name="Save", exact=True).click(click_count=3)
            wait_idle(page)
            page.get_by_text("Saved: Flushing").wait_for()
            _shot(page, f"diary-after-triple-save-{size['width']}")

            page.get_by_role("tab", name="Shots", exact=True).click()
            wait_idle(page)
            page.get_by_role("button", name="Save the shot").click(click_count=3)
            wait_idle(page)
            page.get_by_text("Saved: ").first.wait_for()
            page.get_by_role("radio", name="Octreotide, short-acting (rescue dose)", exact=True).click()
            wait_idle(page)
            page.get_by_role("button", name="Log it now").click(click_count=3)
            wait_idle(page)
            page.get_by_text("Saved: ").first.wait_for()
            _shot(page, f"diary-after-triple-dose-{size['width']}")
        finally:
            context.close()
    stored = DiaryStore(f"sqlite:///{tmp_path / 'e2e.sqlite3'}").entries(DiaryKey(key))
    assert sorted(e.kind for e in stored) == ["injection", "medicine", "symptom"], stored


def test_a_triple_click_on_send_my_answers_stores_one_row(browser, tmp_path, monkeypatch):
    monkeypatch.setenv("NETAID_EVALUATION_KIT", "on")
    with serve_netaid(tmp_path) as url:
        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        page = context.new_page()
        try:
            page.goto(f"{url}/evaluation")
            wait_idle(page)
            form = page.locator("[data-testid='stForm']")
            for group in form.locator("[data-testid='stRadio']").all():
                group.locator("[data-testid='stRadioOption']").first.click()
            page.get_by_role("button", name="Send my answers").click(click_count=3)
            wait_idle(page)
            page.get_by_text("Your answers are saved without your name").wait_for()
            _shot(page, "pilot-after-triple-send-1920")
        finally:
            context.close()
    assert _count(tmp_path / "e2e.sqlite3", "SELECT count(*) FROM evaluation_responses") == 1
