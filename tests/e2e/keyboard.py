"""Driving the app with the keyboard alone, as a keyboard-only learner does."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from testkit.browser import wait_idle

ACTIVE = """() => { const a = document.activeElement; if (!a) return null;
  return {tag: a.tagName, type: a.type || '', name: a.name || '', id: a.id || '',
          text: (a.innerText || a.getAttribute('aria-label') || '').trim(), checked: !!a.checked,
          disabled: !!a.disabled || a.getAttribute('aria-disabled') === 'true'}; }"""


def tab_until(page: Page, wanted, limit: int = 200) -> dict:
    """Press Tab until the focused element is the one wanted; return what it is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(ACTIVE)
        if info and wanted(info):
            return info
    raise AssertionError(f"could not reach the element with the Tab key in {limit} presses")


def _group(info: dict) -> str:
    # Every radio group has its own name; the checkboxes of a multiple-select question are one group.
    return info["name"] if info["type"] == "radio" else "checkboxes"


def answer_question(page: Page) -> None:
    """Pick the first choice of every answer group with Tab and Space, then press "Check answer".

    A sort question has one radio group per item, and "Check answer" stays disabled until each
    has a choice, so every group is answered before the button is looked for."""
    groups = page.locator("[data-testid='stMain'] [role='radiogroup']").count() or 1
    picked: set[str] = set()
    for _ in range(groups):
        info = tab_until(
            page,
            lambda i: (
                i["tag"] == "INPUT"
                and i["type"] in ("radio", "checkbox")
                and not i["checked"]
                and _group(i) not in picked
            ),
        )
        page.keyboard.press("Space")
        page.wait_for_function("document.activeElement && document.activeElement.checked")
        wait_idle(page)
        picked.add(_group(info))
    expect(page.get_by_role("button", name="Check answer")).to_be_enabled()
    tab_until(page, lambda i: i["tag"] == "BUTTON" and i["text"].startswith("Check answer") and not i["disabled"])
    page.keyboard.press("Enter")
    wait_idle(page)
    focus_lands_on(page, "quiz-feedback")


def focus_lands_on(page: Page, element_id: str) -> None:
    """The app moves focus after a rerun; wait for it rather than for a fixed time."""
    page.wait_for_function(f"document.activeElement && document.activeElement.id === {element_id!r}", timeout=30_000)
