"""Glossary words open their meanings in place, on a phone and by keyboard: the same page, the
same session, no new tab."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from testkit.browser import axe_summary, open_sized, wait_idle

pytestmark = pytest.mark.e2e
SHOTS = "/tmp/h7-shots"


def test_words_explained_opens_in_place_on_a_phone_by_keyboard(browser, app_url, lib):
    context, page = open_sized(browser, "phone")
    try:
        page.goto(f"{app_url}/learn?section=triggers")
        wait_idle(page)
        url = page.url
        page.evaluate("window.__sameSession = true")  # gone if the page loaded again
        button = page.locator("[data-testid='stPopoverButton']", has_text="Words explained").first
        button.scroll_into_view_if_needed()
        button.focus()
        page.keyboard.press("Enter")
        body = page.locator("[data-testid='stPopoverBody']")
        serotonin = next(t.plain for t in lib.glossary.terms if t.term == "Serotonin")
        expect(body).to_contain_text(serotonin)
        assert page.url == url and len(context.pages) == 1, "no new tab, no new address"
        assert page.evaluate("window.__sameSession === true"), "the page did not load again"
        box = body.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1, f"the meanings fit the phone {box}"
        size = body.locator("p").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
        assert size >= 14, f"readable type, not {size}px"
        page.screenshot(path=f"{SHOTS}/glossary-popover-phone.png")
        results = Axe().run(page)
        assert results.violations_count == 0, axe_summary(results)
        page.keyboard.press("Escape")
        expect(body).to_be_hidden()
    finally:
        context.close()
