"""In Chromium: what a person enters survives the menu, and keeping an option leaves the cards open."""

from __future__ import annotations

import random

import pytest
from playwright.sync_api import Page, expect

from testkit.browser import screenshot, wait_idle
from ui.registry import PAGES

pytestmark = pytest.mark.e2e

MENU = [(title, url) for file, title, _, url in PAGES if url not in ("present", "evaluation")]
PRESET = "Advanced pancreatic NET"
NOTE = "Ask about the scan from May"


def _menu(page: Page, title: str, url: str) -> None:
    page.locator("[data-testid='stSidebarNavLink']", has_text=title).first.click()
    page.wait_for_url(f"**/{url}" if url != "home" else "**/")
    wait_idle(page)


def _card(page: Page, option_id: str):
    """An option card's own <details> (cards hold smaller expanders of their own)."""
    return page.locator(f".st-key-option_card_{option_id} details").first


def test_keeping_an_option_leaves_the_open_cards_open(page, app_url):
    page.goto(f"{app_url}/explorer")
    wait_idle(page)
    page.get_by_role("button", name=PRESET).click()
    wait_idle(page)
    for option_id in ("everolimus", "sunitinib"):
        _card(page, option_id).locator("summary").first.click()
        expect(_card(page, option_id)).to_have_attribute("open", "")
    page.locator(".st-key-keep_everolimus").get_by_text("Keep this option for my visit sheet").click()
    expect(page.locator(".st-key-keep_everolimus").get_by_role("checkbox")).to_be_checked()
    wait_idle(page)
    for option_id in ("everolimus", "sunitinib"):
        expect(_card(page, option_id)).to_have_attribute("open", "")
    expect(_card(page, "prrt")).not_to_have_attribute("open", "")


@pytest.mark.parametrize("walk", range(3))
def test_random_menu_walks_lose_nothing_and_the_sheet_matches(browser, app_url, walk):
    rng = random.Random(walk)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{app_url}/explorer")
        wait_idle(page)
        page.get_by_role("button", name=PRESET).click()
        wait_idle(page)
        size = page.get_by_label("Tumor size in cm, if known")
        size.fill("2.5")
        size.press("Enter")
        wait_idle(page)
        _menu(page, "Visit sheet", "visit_sheet")
        page.get_by_label("Notes").fill(NOTE)
        page.get_by_label("Your name").click()  # moves focus, so the notes are sent
        wait_idle(page)
        for _ in range(6):
            title, url = rng.choice(MENU)
            _menu(page, title, url)
        _menu(page, "Treatment options", "explorer")
        expect(page.get_by_label("It has spread to the liver")).to_be_checked()
        expect(page.get_by_label("Tumor size in cm, if known")).to_have_value("2.5")
        growing = page.get_by_role("radiogroup", name="Is it growing?").get_by_role("radio", name="Growing", exact=True)
        expect(growing).to_be_checked()
        _menu(page, "Visit sheet", "visit_sheet")
        main = page.locator("[data-testid='stMain']")
        for line in ("Where it started: Pancreas", "Tumor size (cm): 2.5", "Growing: Growing"):
            expect(main).to_contain_text(line)
        expect(main).not_to_contain_text("You have not described your situation yet")
        expect(page.get_by_label("Notes")).to_have_value(NOTE)
        screenshot(page, f"visit-sheet-after-walk-{walk}")
    finally:
        context.close()
