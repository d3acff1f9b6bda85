"""The visit sheet in Chromium: pick a question, download the PDF, render its first page to PNG."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from testkit.browser import SHOTS, axe_summary, screenshot, wait_idle

pytestmark = pytest.mark.e2e


def test_visit_sheet_download_and_render(page, app_url, tmp_path):
    page.goto(f"{app_url}/visit_sheet")
    wait_idle(page)
    page.get_by_text("After a diagnosis").click()
    wait_idle(page)
    page.locator("[data-testid='stCheckbox']").first.click()
    wait_idle(page)
    page.get_by_label("My own questions (one per line)").fill("Может ли это вернуться? — “Can it come back?”")
    page.get_by_label("Notes").click()  # moves focus so the text area's value is sent
    wait_idle(page)
    screenshot(page, "visit-sheet")
    results = Axe().run(page)
    assert results.violations_count == 0, axe_summary(results)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the visit sheet (PDF)").click()
    pdf = tmp_path / "sheet.pdf"
    download.value.save_as(pdf)
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Может ли это вернуться?" in text and "“Can it come back?”" in text
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed, so the PDF page was not rendered to PNG")
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(pdf), str(SHOTS / "visit-sheet-pdf")], check=True
    )
    assert list(SHOTS.glob("visit-sheet-pdf*.png"))
