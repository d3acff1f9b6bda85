"""The three tasks from issue 12, end to end: a patient on a phone, a clinician at 150 %, a
keyboard-only learner."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from testkit.browser import SIZES, check_fits, screenshot, wait_idle
from tests.e2e.keyboard import answer_question, focus_lands_on

pytestmark = pytest.mark.e2e
PRESET = "Small-intestine NET with carcinoid syndrome and liver spread"


def test_patient_on_a_phone(browser, app_url):
    context = browser.new_context(**SIZES["phone"])
    page = context.new_page()
    try:
        page.goto(f"{app_url}/explorer")
        wait_idle(page)
        page.get_by_role("button", name=PRESET).tap()
        wait_idle(page)
        page.wait_for_timeout(600)
        summary = page.locator(".st-key-explorer_summary_box")
        assert "Example filled in" in summary.inner_text() and "options" in summary.inner_text()
        box = summary.bounding_box()
        assert box and 0 <= box["y"] < 844, "a preset tap brings the results summary into view"
        assert page.get_by_role("link", name="Jump to the options").is_visible()
        check_fits(page, "explorer after a preset on a phone")
        card = page.locator("[data-testid='stExpander']", has_text="Telotristat").first
        card.locator("summary").first.tap()  # the card's own summary; its trial table folds inside it
        wait_idle(page)
        card.get_by_text("Keep this option for my visit sheet").tap()
        wait_idle(page)
        page.goto(f"{app_url}/decide")  # same session: the menu link, opened directly
        wait_idle(page)
        page.wait_for_timeout(400)
        check_fits(page, "compare on a phone")
        assert "Not listed in our sources" not in page.locator("[data-testid='stPlotlyChart']").first.inner_text()
        screenshot(page, "task-phone-decide")
        page.set_viewport_size(SIZES["phone"]["viewport"])
        link = page.locator("[data-testid='stMain'] a[href$='visit_sheet']").last
        link.scroll_into_view_if_needed()
        link.click()
        page.wait_for_url("**/visit_sheet")
        wait_idle(page)
        text = page.locator("[data-testid='stMain']").inner_text()
        values_heading = page.get_by_role("heading", name="What matters to me")  # the step indicator names it too
        assert "somewhat important" not in text and values_heading.count() == 0, "no values the patient never set"
        assert page.locator("details.netaid-disclaimer").count() == 1, "after the first page the disclaimer is one line"
        check_fits(page, "visit sheet on a phone")
    finally:
        context.close()


def test_clinician_at_150_percent(browser, app_url):
    context = browser.new_context(**SIZES["zoom150"])
    page = context.new_page()
    try:
        page.goto(f"{app_url}/grade")
        wait_idle(page)
        page.get_by_label("Ki-67 index (percent of cells)").fill("25")
        page.keyboard.press("Enter")
        wait_idle(page)
        assert page.locator("[data-testid='stAlertContentSuccess']").count() == 0, "grade 3 is never a green box"
        assert page.locator("[data-testid='stAlertContentWarning']").first.is_visible()
        page.wait_for_timeout(400)
        check_fits(page, "grade at 150 %")
        page.goto(f"{app_url}/stage")
        wait_idle(page)
        page.get_by_text("Metastatic").first.click()
        wait_idle(page)
        page.wait_for_timeout(400)
        check_fits(page, "stage at 150 %")
        chart = page.locator("[data-testid='stPlotlyChart']").first
        assert chart.bounding_box()["width"] >= 500, "the body picture is big enough for a clinic screen"
        expect(chart).to_contain_text("Spread to parts far away")  # nothing far away is marked until picked
        for place in ("Liver", "Bone"):
            page.locator("[data-testid='stButtonGroup'] button", has_text=place).first.click()
            expect(chart).to_contain_text(place, timeout=30_000)  # waits for the rerun, however busy the machine
        expect(chart).not_to_contain_text("Spread to parts far away")
        page.goto(f"{app_url}/present")
        wait_idle(page)
        page.keyboard.press("Space")
        wait_idle(page)
        answer = page.locator("#present-answer").bounding_box()
        assert answer and answer["y"] + answer["height"] <= 720
    finally:
        context.close()


def test_keyboard_only_learner(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{app_url}/quiz")
        wait_idle(page)
        page.get_by_role("button", name="Save my progress").focus()
        page.keyboard.press("Enter")
        wait_idle(page)
        assert page.get_by_text("This is your private key").is_visible(), "Enter on the button makes a key"
        page.get_by_role("button", name="Start practice").focus()
        page.keyboard.press("Enter")
        wait_idle(page)
        focus_lands_on(page, "quiz-question")
        first = page.locator(
            "[data-testid='stMain'] input[type='radio'], [data-testid='stMain'] input[type='checkbox']"
        ).first
        first.focus()
        ring = first.evaluate(
            "e => { const l = e.closest('label') || e; const s = getComputedStyle(l);"
            " return [s.outlineStyle, s.boxShadow, getComputedStyle(e).outlineStyle]; }"
        )
        page.locator("#quiz-question").focus()
        answer_question(page)  # Tab and Space to every answer group, Enter on Check, focus on the feedback
        assert page.get_by_role("button", name="Next question").is_visible()
        assert ring != ["none", "none", "none"], f"a focused answer shows a ring: {ring}"
    finally:
        context.close()
