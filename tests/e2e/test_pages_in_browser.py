"""Open every page in Chromium, wait for the script to finish, scan it with axe-core."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from ui.registry import PAGES
from tests.e2e.conftest import screenshot, serve, wait_idle

pytestmark = pytest.mark.e2e
AXE = Axe()


def _violations_summary(results) -> str:
    lines = []
    for v in results.response["violations"]:
        targets = [n["target"] for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("url_path", [p[3] for p in PAGES])
def test_page_loads_and_has_no_axe_violations(page, app_url, url_path):
    page.goto(f"{app_url}/{url_path}")
    wait_idle(page)
    main = page.locator("[data-testid='stMain']")
    assert main.locator("h1").count() >= 1, "every page has a title"
    assert page.locator(".netaid-disclaimer").is_visible(), "the disclaimer shows on every page"
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, url_path)
    results = AXE.run(page)
    assert results.violations_count == 0, _violations_summary(results)


def test_first_visit_to_a_deep_link_goes_through_the_app_shell(page, tmp_path):
    """A fresh server's first request for /grade gets the menu and the disclaimer too."""
    with serve(tmp_path) as url:
        page.goto(f"{url}/grade")
        wait_idle(page)
        assert page.locator(".netaid-disclaimer").is_visible()
        nav = page.locator("[data-testid='stSidebarNav']")
        assert "Learn about NETs" in nav.inner_text()
        assert page.locator("h1").first.inner_text() != ""
        assert page.get_by_role("dialog").count() == 0, "no 'page not found' dialog"
