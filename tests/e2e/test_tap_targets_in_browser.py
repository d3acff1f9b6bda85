"""On a phone (390x844), measured in Chromium: every radio option, checkbox, button, stand-alone link
and dropdown in the main column is at least 44 px tall, the page title is the biggest heading,
and no dropdown label is cut off."""

from __future__ import annotations

import pytest

from testkit.browser import HEADINGS_AND_LABELS_JS, SMALL_TAP_TARGETS_JS, open_sized, wait_idle

pytestmark = pytest.mark.e2e
PAGES_WITH_CONTROLS = ["home", "explorer", "decide", "quiz", "visit_sheet", "diary"]


def _check_page(page, label: str) -> None:
    small = page.evaluate(SMALL_TAP_TARGETS_JS)
    assert not small, f"{label}: tap targets under 44 px: {small}"
    found = page.evaluate(HEADINGS_AND_LABELS_JS)
    assert found["h1"], f"{label}: no page title"
    assert all(found["h1"][0] > lower for lower in found["lower"]), f"{label}: a heading is as big as h1 {found}"
    assert not found["clipped"], f"{label}: dropdown labels cut off: {found['clipped']}"


@pytest.mark.parametrize("url", PAGES_WITH_CONTROLS)
def test_phone_tap_targets_headings_and_labels(browser, app_url, url):
    context, page = open_sized(browser, "phone")
    try:
        page.goto(f"{app_url}/{url}")
        wait_idle(page)
        page.locator("[data-testid='stMain'] h1").first.wait_for()
        _check_page(page, url)
    finally:
        context.close()


def test_phone_tap_targets_of_a_quiz_question(browser, app_url):
    context, page = open_sized(browser, "phone")
    try:
        page.goto(f"{app_url}/quiz")
        wait_idle(page)
        page.get_by_role("button", name="Start practice").click()
        page.get_by_text("Question 1 of 10").wait_for()
        wait_idle(page)
        choices = "[data-testid='stMain'] :is([data-testid='stRadioOption'], [data-testid='stCheckbox'])"
        page.locator(choices).first.wait_for()
        _check_page(page, "a quiz question")
    finally:
        context.close()
