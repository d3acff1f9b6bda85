"""The diary on a phone: an entry in a few taps, and a full diary that axe passes at both sizes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from netaid.diary.crypto import DiaryKey
from netaid.diary.store import DiaryStore
from netaid.learner_key import format_key, lookup_hash, new_key
from netaid.quiz.progress import ProgressStore
from testkit.browser import axe_summary, check_fits, screenshot, wait_idle
from testkit.servers import serve_netaid
from tests.diary_samples import sample_diary_moved_to_last_week

pytestmark = pytest.mark.e2e
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1920, "height": 1080}}


class Taps:
    """Counts every tap the person makes."""

    def __init__(self, page) -> None:
        self.page, self.count = page, 0

    def tap(self, locator) -> None:
        locator.click()
        self.count += 1
        wait_idle(self.page)


def test_an_entry_on_a_phone_takes_fewer_than_6_taps(browser, app_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        page.goto(f"{app_url}/diary")
        wait_idle(page)
        page.get_by_text("for this visit only").first.wait_for()
        taps = Taps(page)
        # One-choice pills are radio buttons to assistive technology; several-choice pills are toggle buttons.
        taps.tap(page.get_by_role("radio", name="Flushing", exact=True))
        taps.tap(page.get_by_role("radio", name="2 medium", exact=True))
        taps.tap(page.get_by_role("button", name="Aged cheese", exact=True))
        taps.tap(page.get_by_role("button", name="Save", exact=True))
        page.get_by_text("Aged cheese at").wait_for()
        assert taps.count < 6, taps.count
        assert page.get_by_role("radio", name="Flushing", exact=True).get_attribute("aria-checked") == "false", (
            "the form is clear for the next entry"
        )
        page.get_by_role("tab", name="Entries").click()
        wait_idle(page)
        assert page.get_by_text("Flushing, 2 medium").count() == 1
        check_fits(page, "diary after an entry at 390")
        screenshot(page, "diary-entry-390")
        results = Axe().run(page)
        assert results.violations_count == 0, axe_summary(results)
    finally:
        context.close()


def _prefilled(workdir) -> str:
    """A server database holding one person's encrypted diary (the sample moved to last week)."""
    url = f"sqlite:///{workdir / 'e2e.sqlite3'}"
    key = new_key()
    ProgressStore(url).create(lookup_hash(key))
    DiaryStore(url).save_many(DiaryKey(key), sample_diary_moved_to_last_week())
    return key


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_full_diary_fits_and_passes_axe(browser, tmp_path, size):
    key = _prefilled(tmp_path)
    with serve_netaid(tmp_path) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        try:
            page.goto(f"{url}/diary")
            wait_idle(page)
            page.get_by_label("I have a key").fill(format_key(key))
            page.get_by_role("button", name="Open my progress").click()
            wait_idle(page)
            page.get_by_text("Saved with your private key").wait_for()
            page.set_viewport_size((PHONE if size == "phone" else DESKTOP)["viewport"])
            wait_idle(page)
            for tab in ("Entries", "Shots", "Patterns", "Export"):
                page.get_by_role("tab", name=tab).click()
                wait_idle(page)
                page.wait_for_timeout(400)  # charts draw after the script finishes
                check_fits(page, f"diary {tab} at {size}")
                results = Axe().run(page)
                assert results.violations_count == 0, f"{tab} at {size}:\n{axe_summary(results)}"
                screenshot(page, f"diary-{size}-{tab.split()[0].lower()}")
            page.get_by_role("tab", name="Patterns").click()
            wait_idle(page)
            assert page.get_by_text("Patterns, not proof").count() >= 1
            assert page.locator("[data-testid='stPlotlyChart']").count() == 3
        finally:
            context.close()


# Each tab's box against the viewport and against the box that clips it: Streamlit's tab row
# scrolls sideways, so a tab can sit inside the viewport yet be cut off by the row's own edge.
TABS_JS = """() => Array.from(document.querySelectorAll("[data-testid='stTabs'] [role='tab']")).map(tab => {
  let clip = tab.parentElement;
  while (clip && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
  const r = tab.getBoundingClientRect(), c = clip.getBoundingClientRect();
  return {name: tab.textContent, left: r.left, right: r.right, clipLeft: c.left, clipRight: c.right};
})"""


def test_every_diary_tab_is_visible_within_a_phone_screen(browser, app_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        page.goto(f"{app_url}/diary")
        wait_idle(page)
        page.get_by_role("tab", name="Export").wait_for()
        tabs = page.evaluate(TABS_JS)
        assert [t["name"] for t in tabs] == ["Add", "Entries", "Shots", "Patterns", "Export"]
        width = PHONE["viewport"]["width"]
        cut = [t for t in tabs if t["left"] < max(0, t["clipLeft"]) - 1 or t["right"] > min(width, t["clipRight"]) + 1]
        assert not cut, f"tabs cut off at {width} px: {cut}"
        assert page.get_by_role("button", name="Scroll tabs right").count() == 0, "the row should not need scrolling"
        page.get_by_role("tab", name="Export").click()
        wait_idle(page)
        page.get_by_role("button", name="Spreadsheet (CSV)").wait_for()
    finally:
        context.close()
