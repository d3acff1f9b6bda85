"""The guided decision path in Chromium at phone (390x844) and desktop (1920x1080) size: the
step indicator, Compare with benefit, trial and "not certain" rows, which way I lean and the
SURE test with help for a "no", and the visit sheet that carries them. axe finds nothing."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from testkit.browser import SIZES, axe_summary, check_fits, screenshot, wait_idle

pytestmark = pytest.mark.e2e
AXE = Axe()
# (preset, option to lean toward, text only that situation shows)
CASES = {
    "phone": (
        "Small pancreatic NET, no hormones",
        "Surgery to remove the tumor",
        "Watch and wait: no treatment for now",
    ),
    "desktop": ("Advanced pancreatic NET", "Everolimus (Afinitor)", "CLARINET"),
}


def check_view(page, name: str) -> None:
    page.wait_for_timeout(400)  # charts draw after the script finishes
    check_fits(page, name)
    results = AXE.run(page)
    assert results.violations_count == 0, f"{name}:\n{axe_summary(results)}"
    screenshot(page, name)


def answer(page, question: str, said: str) -> None:
    page.locator("[data-testid='stRadio']").filter(has_text=question).get_by_text(said, exact=True).click()
    wait_idle(page)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_guided_path_compare_and_visit_sheet(browser, app_url, size):
    preset, lean, only_here = CASES[size]
    context = browser.new_context(**SIZES[size])
    page = context.new_page()
    try:
        page.goto(f"{app_url}/explorer")
        wait_idle(page)
        page.get_by_role("button", name=preset).click()
        wait_idle(page)
        nav = page.get_by_role("navigation", name="Decision steps")
        assert "Step 1 of 4" in nav.inner_text()
        assert nav.locator("[aria-current='step']").inner_text().startswith("1.")
        check_view(page, f"path-{size}-1-explorer")
        page.set_viewport_size(SIZES[size]["viewport"])

        page.get_by_role("link", name="On to step 2: What matters to me").click()
        wait_idle(page)
        page.locator("h1").filter(has_text="Compare options").wait_for()
        table = page.locator("[data-testid='stTable']").first
        for row in ("Possible benefits", "What the trials found", "What is not certain", "Common side effects"):
            assert row in table.inner_text(), row
        assert only_here in page.locator("[data-testid='stMain']").inner_text()
        answer(page, "I lean toward", lean)
        answer(page, "Do you feel sure about the best choice for you?", "Yes")
        answer(page, "Do you know the benefits and risks of each option?", "No")
        answer(page, "Are you clear about which benefits and risks matter most to you?", "Yes")
        answer(page, "Do you have enough support and advice to make a choice?", "Yes")
        assert page.get_by_role("link", name="Read the Learn page").is_visible()
        check_view(page, f"path-{size}-2-3-compare")
        page.set_viewport_size(SIZES[size]["viewport"])

        page.get_by_role("link", name="On to step 4: Next steps").click()
        wait_idle(page)
        page.locator("h1").filter(has_text="Visit sheet").wait_for()
        main = page.locator("[data-testid='stMain']").inner_text()
        assert f"I lean toward: {lean}" in main
        assert "Do you know the benefits and risks of each option? No" in main
        assert "Step 4 of 4" in main
        check_view(page, f"path-{size}-4-visit-sheet")
    finally:
        context.close()
