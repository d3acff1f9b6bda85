"""Keyboard use in Chromium: focus lands on the new page's title, headings add no tab stops, the
focus ring on a radio has 3:1 contrast, and Enter opens the file uploader's chooser."""

from __future__ import annotations

import pytest

from testkit.browser import wait_idle
from tests.e2e.keyboard import ACTIVE, tab_until

pytestmark = pytest.mark.e2e
TITLE_FOCUSED = "() => document.activeElement && document.activeElement.tagName === 'H1'"


def test_focus_lands_on_the_title_after_a_menu_link_and_back_to_quizzes(page, app_url):
    page.goto(f"{app_url}/glossary")
    wait_idle(page)
    page.locator("[data-testid='stSidebarNav'] a", has_text="Quizzes").click()
    page.wait_for_url("**/quiz")
    page.wait_for_function(TITLE_FOCUSED, timeout=10_000)
    assert page.evaluate(ACTIVE)["text"] == "Quizzes"
    page.get_by_role("button", name="Start practice").click()
    page.get_by_role("button", name="Stop this round").click()
    page.wait_for_function(TITLE_FOCUSED, timeout=10_000)
    assert page.evaluate(ACTIVE)["text"] == "Quizzes"


def test_tab_order_has_no_heading_links(page, app_url):
    page.goto(f"{app_url}/visit_sheet")
    wait_idle(page)
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(ACTIVE)["text"])
    assert seen and "Link to heading" not in seen, seen


def _contrast(a: list[float], b: list[float]) -> float:
    def lum(c: list[float]) -> float:
        s = [x / 255 for x in c[:3]]
        lin = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in s]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted([lum(a), lum(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_focus_ring_on_a_radio_has_3_to_1_contrast(page, app_url):
    page.goto(f"{app_url}/visit_sheet")
    wait_idle(page)
    tab_until(page, lambda i: i["type"] == "radio")
    ring = page.evaluate(
        """() => { const o = document.activeElement.closest("[data-testid='stRadioOption']"), s = getComputedStyle(o);
          return {style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                  color: s.outlineColor.match(/[0-9.]+/g).map(Number)}; }"""
    )
    assert ring["style"] != "none" and ring["width"] >= 2, ring
    assert _contrast(ring["color"], [255, 255, 255]) >= 3, ring


def test_enter_opens_the_upload_file_chooser(page, app_url):
    page.goto(f"{app_url}/progress")
    wait_idle(page)
    page.get_by_text("Load a progress file").click()
    button = page.locator("[data-testid='stFileUploader'] button").first
    button.wait_for()
    # The app's Enter handler is installed by a script the page runs; wait for it, not a time.
    page.wait_for_function("window.netaidUploadEnter === true")
    # The chooser opens from a click on the uploader's hidden file input; note that click
    # (Chromium's own file-chooser event proved racy under load, the input's click is not).
    page.evaluate(
        """() => document.querySelector("[data-testid='stFileUploader'] input[type=file]")
              .addEventListener('click', () => { window.netaidChooserOpened = true; })"""
    )
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.netaidChooserOpened === true", timeout=10_000)
