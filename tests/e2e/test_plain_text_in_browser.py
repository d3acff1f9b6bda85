"""Streamlit's own Markdown renderer (react-markdown with GFM) in Chromium: text escaped by
plain() never becomes a link or an image, bare addresses included, and still reads as typed."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from netaid.safe_text import WORD_JOINER
from testkit.browser import screenshot, wait_idle
from testkit.hostile import AUTOLINK_BAITS, MARKDOWN_BAITS
from testkit.servers import streamlit_server

TEXTS = AUTOLINK_BAITS + MARKDOWN_BAITS


@pytest.fixture(scope="module")
def hostile_app_url() -> Iterator[str]:
    env = {"NETAID_HOSTILE_TEXTS": json.dumps(TEXTS)}
    with streamlit_server("tests/e2e/plain_text_app.py", env=env) as (url, _pid):
        yield url


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_no_link_or_image_forms_from_escaped_text(browser: Browser, hostile_app_url: str, size: str) -> None:
    viewport = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1920, "height": 1080}}[size]
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        page.goto(hostile_app_url)
        page.get_by_text("RENDERED-END").wait_for()
        wait_idle(page)
        main = page.locator("[data-testid='stMain']")
        made = main.locator("a, img")
        assert made.count() == 0, made.evaluate_all("els => els.map(e => e.outerHTML)")
        shown = main.inner_text().replace(WORD_JOINER, "")
        for text in TEXTS:
            assert " ".join(text.split()) in shown, f"{text!r} does not read as typed"
        screenshot(page, f"plain-text-{size}")
    finally:
        context.close()
