"""A whole quiz round with the keyboard only, in Chromium, with an axe scan at the end."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from testkit.browser import axe_summary, screenshot, wait_idle
from tests.e2e.keyboard import answer_question, focus_lands_on, tab_until

pytestmark = pytest.mark.e2e


def test_whole_round_with_the_keyboard_only(page, app_url):
    page.goto(f"{app_url}/quiz")
    wait_idle(page)
    tab_until(page, lambda i: i["type"] == "range")
    page.keyboard.press("ArrowLeft")  # 10 -> 5 questions
    wait_idle(page)
    tab_until(page, lambda i: i["tag"] == "BUTTON" and i["text"].startswith("Start practice"))
    page.keyboard.press("Enter")
    wait_idle(page)
    for number in range(1, 6):
        page.get_by_text(f"Question {number} of 5").wait_for()
        # The app moves focus to the new question after the rerun; Tab only once it has, or that move
        # lands between a Tab and the Space and the Space hits the anchor instead of a choice.
        focus_lands_on(page, "quiz-question")
        wait_idle(page)
        answer_question(page)
        page.locator("[data-testid='stAlert']").first.wait_for()
        if number == 1:
            screenshot(page, "quiz-feedback")
        label = "See my results" if number == 5 else "Next question"
        tab_until(page, lambda i, label=label: i["tag"] == "BUTTON" and i["text"].startswith(label))
        page.keyboard.press("Enter")
        wait_idle(page)
    page.get_by_text("Round finished").wait_for()
    screenshot(page, "quiz-summary")
    results = Axe().run(page)
    assert results.violations_count == 0, axe_summary(results)


def test_presenter_keys(page, app_url):
    page.goto(f"{app_url}/present")
    wait_idle(page)
    first = page.locator(".netaid-present").inner_text()
    page.locator("body").press("Space")
    wait_idle(page)
    page.locator("#present-answer").wait_for()
    screenshot(page, "presenter-revealed")
    page.locator("body").press("ArrowRight")
    wait_idle(page)
    page.wait_for_function("t => document.querySelector('.netaid-present').innerText !== t", arg=first)
    assert page.locator("#present-answer").count() == 0
    page.locator("body").press("ArrowLeft")
    wait_idle(page)
    page.wait_for_function("t => document.querySelector('.netaid-present').innerText === t", arg=first)
