"""Checks a person would make in a real browser: the page is idle, it fits the screen, charts
stay in their boxes, and axe-core finds nothing. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page

from testkit.servers import IDLE, ROOT

SHOTS = ROOT / "artifacts" / "screenshots"
# The sizes the issues name: a phone, a clinic screen, and that screen at 150 % zoom (a 1280x720
# CSS-pixel layout drawn at 1.5 device pixels per pixel, as the browser's own zoom does).
SIZES: dict[str, dict[str, Any]] = {
    "phone": dict(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, device_scale_factor=2),
    "desktop": dict(viewport={"width": 1920, "height": 1080}),
    "zoom150": dict(viewport={"width": 1280, "height": 720}, device_scale_factor=1.5),
}

# Plotly's drag layer is transparent and takes only the pointer: a picture drawn to scale (the
# body) stretches it past the figure's edge, though nothing visible runs off.
OVERFLOW_JS = """() => {
  const doc = document.documentElement, main = document.querySelector("[data-testid='stMain']");
  const wide = [];
  for (const el of main.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > window.innerWidth + 1 && !el.closest('[data-testid="stTable"]')
        && !el.closest('.modebar') && !el.closest('.draglayer') && getComputedStyle(el).position !== 'fixed') {
      wide.push((el.getAttribute('data-testid') || el.tagName) + ':' + Math.round(r.right));
    }
  }
  return {doc: doc.scrollWidth, inner: window.innerWidth, main: main.scrollWidth, mainClient: main.clientWidth,
          wide: wide.slice(0, 5)};
}"""

CHARTS_JS = """() => Array.from(document.querySelectorAll("[data-testid='stPlotlyChart']")).map(box => {
  const b = box.getBoundingClientRect();
  const svg = box.querySelector('svg.main-svg');
  const s = svg ? svg.getBoundingClientRect() : {width: 0, right: 0, left: 0};
  // Every text label the figure drew must sit inside the figure.
  const out = Array.from(box.querySelectorAll('text')).filter(t => {
    const r = t.getBoundingClientRect();
    return r.width > 0 && (r.left < s.left - 2 || r.right > s.right + 2);
  }).map(t => t.textContent).slice(0, 3);
  return {box: b.width, svg: s.width, right: s.right, inner: window.innerWidth, out};
})"""


def wait_idle(page: Page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished running the script (its own e2e suite's signal)."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_timeout(300)  # let the last delta paint
    page.wait_for_selector(IDLE, timeout=timeout)


def screenshot(page: Page, name: str) -> Path:
    """The whole page: Streamlit scrolls inside its own container, so grow the viewport to fit."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    width = page.viewport_size["width"] if page.viewport_size else 1280
    height = page.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": width, "height": min(max(int(height), 600), 12000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    return path


def open_sized(browser: Browser, size: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(**SIZES[size])
    return context, context.new_page()


def check_fits(page: Page, label: str) -> None:
    """No sideways scroll, nothing off the right edge, every chart and its labels inside its box."""
    sizes = page.evaluate(OVERFLOW_JS)
    assert sizes["doc"] <= sizes["inner"], f"{label}: the page scrolls sideways {sizes}"
    assert sizes["main"] <= sizes["mainClient"] + 1, f"{label}: the main column scrolls sideways {sizes}"
    assert not sizes["wide"], f"{label}: elements run off the right edge {sizes['wide']}"
    for chart in page.evaluate(CHARTS_JS):
        assert chart["svg"] <= chart["box"] + 1 and chart["right"] <= chart["inner"] + 1, (
            f"{label}: chart too wide {chart}"
        )
        assert not chart["out"], f"{label}: chart labels cut off {chart['out']}"


def axe_summary(results: Any) -> str:
    """axe-core's violations, one line each: rule, impact, help and the first few elements."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes'][:3]]}"
        for v in results.response["violations"]
    )


# Every tap target in the main column drawn smaller than 44 px tall. A link inside a sentence is
# words, not a target (WCAG 2.5.8 exempts inline links); a link alone on its line counts.
SMALL_TAP_TARGETS_JS = """() => {
  const main = document.querySelector("[data-testid='stMain']"), small = [];
  function check(el, kind) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || !el.checkVisibility({visibilityProperty: true})) return;
    if (r.height < 44) {
      const name = (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 50);
      small.push(kind + ' ' + Math.round(r.height * 10) / 10 + ' px: ' + name);
    }
  }
  main.querySelectorAll("[data-testid='stRadioOption']").forEach(e => check(e, 'radio'));
  main.querySelectorAll("[data-testid='stCheckbox'] > label").forEach(e => check(e, 'checkbox'));
  main.querySelectorAll('button').forEach(e => check(e, 'button'));
  main.querySelectorAll("[data-testid='stSelectbox'] [role='group'], [data-testid='stMultiSelect'] [role='group']")
    .forEach(e => check(e, 'select'));
  main.querySelectorAll('a[href]').forEach(a => {
    const line = a.closest('p, li, td, th');
    if (!line || line.textContent.trim() === a.textContent.trim()) check(a, 'link');
  });
  return small;
}"""

# Font sizes of the main column's headings, and every dropdown label whose text is cut off.
HEADINGS_AND_LABELS_JS = """() => {
  const main = document.querySelector("[data-testid='stMain']");
  const size = sel => Array.from(main.querySelectorAll(sel)).filter(h => h.checkVisibility())
    .map(h => parseFloat(getComputedStyle(h).fontSize));
  const labels = "[data-testid='stSelectbox'] [data-testid='stWidgetLabel'], "
    + "[data-testid='stMultiSelect'] [data-testid='stWidgetLabel']";
  const clipped = Array.from(main.querySelectorAll(labels))
    .flatMap(label => [label, ...label.querySelectorAll('*')])
    .filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth)
    .map(e => e.textContent.trim().slice(0, 50));
  return {h1: size('h1'), lower: size('h2, h3'), clipped};
}"""
