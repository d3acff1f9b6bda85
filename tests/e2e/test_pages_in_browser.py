"""Open every page in Chromium, wait for the script to finish, scan it with axe-core."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from testkit.browser import axe_summary, screenshot, wait_idle
from testkit.servers import serve_netaid
from ui.registry import PAGES

pytestmark = pytest.mark.e2e
AXE = Axe()


@pytest.mark.parametrize("url_path", [p[3] for p in PAGES])
def test_page_loads_and_has_no_axe_violations(page, app_url, url_path):
    page.goto(f"{app_url}/{url_path}")
    wait_idle(page)
    main = page.locator("[data-testid='stMain']")
    assert main.locator("h1").count() >= 1, "every page has a title"
    if url_path == "present":  # a clear screen; the disclaimer is on the closing slide (one step back)
        assert page.locator(".netaid-disclaimer").count() == 0
        page.locator("body").press("ArrowLeft")
        wait_idle(page)
        page.locator(".netaid-closing").wait_for()
    assert page.locator(".netaid-disclaimer").is_visible(), "the disclaimer shows on every page"
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, url_path)
    results = AXE.run(page)
    assert results.violations_count == 0, axe_summary(results)


def test_first_visit_to_a_deep_link_goes_through_the_app_shell(page, tmp_path):
    """A fresh server's first request for /grade gets the menu and the disclaimer too."""
    with serve_netaid(tmp_path) as url:
        page.goto(f"{url}/grade")
        wait_idle(page)
        assert page.locator(".netaid-disclaimer").is_visible()
        nav = page.locator("[data-testid='stSidebarNav']")
        assert "Learn about NETs" in nav.inner_text()
        assert page.locator("h1").first.inner_text() != ""
        assert page.get_by_role("dialog").count() == 0, "no 'page not found' dialog"


def test_explorer_flow_in_the_browser(page, app_url):
    """Preset -> options -> keep two -> compare -> values, with axe scans along the way."""
    page.goto(f"{app_url}/explorer")
    wait_idle(page)
    page.get_by_role("button", name="Small-intestine NET with carcinoid syndrome and liver spread").click()
    wait_idle(page)
    assert "?" not in page.url, "the situation stays out of the address bar"
    page.get_by_role("button", name="Make a share link").click()
    wait_idle(page)
    assert "site=small_intestine" in page.locator("[data-testid='stCode']").first.inner_text()
    assert "?" not in page.url
    card = page.locator("[data-testid='stExpander']", has_text="Somatostatin analog shots (octreotide, lanreotide)")
    card.get_by_text("Somatostatin analog shots (octreotide, lanreotide)").click()
    wait_idle(page)
    assert card.get_by_text("Why it appears for this situation").is_visible()
    card.get_by_text("Keep this option for my visit sheet").click()
    wait_idle(page)
    screenshot(page, "explorer-preset")
    results = AXE.run(page)
    assert results.violations_count == 0, axe_summary(results)

    page.get_by_role("link", name="Compare options and think about what matters to you").click()
    page.wait_for_url("**/decide")
    page.get_by_role("heading", name="Compare options and decide what matters").wait_for()
    wait_idle(page)
    page.locator("[data-testid='stTable']").first.wait_for()
    assert page.get_by_text("Somatostatin analog shots (octreotide, lanreotide)").first.is_visible()
    screenshot(page, "decide-flow")
    results = AXE.run(page)
    assert results.violations_count == 0, axe_summary(results)


def test_shared_explorer_link_opens_the_same_situation(page, app_url):
    page.goto(f"{app_url}/explorer?site=pancreas&extent=metastatic&resectable=no&sstr=positive")
    wait_idle(page)
    expect(page.locator("[data-testid='stExpander'] summary", has_text="Sunitinib").first).to_be_visible()
    page.goto(f"{app_url}/explorer?site=mars&%3Cscript%3E=1")
    wait_idle(page)
    assert page.get_by_text("was not understood").first.is_visible()
    assert page.locator("[data-testid='stException']").count() == 0
