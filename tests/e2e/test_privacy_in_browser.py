"""Privacy in a real browser: no request leaves the machine, and a clinic deployment through
nginx (TLS, two replicas, PostgreSQL) keeps a key's progress on every replica, with its headers."""

from __future__ import annotations

import os
import re
import signal
import ssl
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from testkit.browser import screenshot, wait_idle
from testkit.servers import ROOT, free_port
from ui.registry import PAGES

pytestmark = pytest.mark.e2e
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _leaving(urls: list[str]) -> list[str]:
    """Requests to anywhere but this machine (data: and blob: URLs never leave the browser)."""
    out = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about", "chrome-extension"):
            continue
        if parts.hostname not in LOOPBACK:
            out.append(url)
    return out


def test_no_request_leaves_the_machine_on_any_page(browser: Browser, app_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    page = context.new_page()
    try:
        for _, _, _, url_path in PAGES:
            page.goto(f"{app_url}/{url_path}")
            wait_idle(page)
            page.mouse.wheel(0, 4000)  # lazy parts (charts further down) load too
            wait_idle(page)
        page.goto(f"{app_url}/quiz")
        wait_idle(page)
        page.get_by_role("button", name="Start practice").click()
        wait_idle(page)
        favicon = page.evaluate("() => [...document.querySelectorAll('link[rel~=icon]')].map(l => l.href)")
    finally:
        context.close()
    assert len(urls) > 20, "requests were recorded"
    assert all(urlsplit(f).hostname in LOOPBACK for f in favicon), favicon
    assert _leaving(urls) == []


# -- the clinic deployment: deploy/run-local.sh --------------------------------------------------


@pytest.fixture(scope="module")
def deployment() -> Iterator[dict[str, int]]:
    ports = {"https": free_port(), "http": free_port(), "a": free_port(), "b": free_port(), "pg": free_port()}
    run_dir = Path(tempfile.mkdtemp(prefix="netaid-deploy-test-"))  # not pytest's: PostgreSQL's user must reach it
    run_dir.chmod(0o755)
    env = {
        **os.environ,
        "NETAID_HTTPS_PORT": str(ports["https"]),
        "NETAID_HTTP_PORT": str(ports["http"]),
        "NETAID_REPLICA_PORTS": f"{ports['a']} {ports['b']}",
        "NETAID_PG_PORT": str(ports["pg"]),
        "NETAID_PYTHON": str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else "python3",
    }
    log = (run_dir / "run-local.out").open("w+")
    proc = subprocess.Popen(
        ["bash", str(ROOT / "deploy" / "run-local.sh"), str(run_dir / "run")],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            text = (log.seek(0), log.read())[1]
            if "run-local: ready" in text:
                break
            if proc.poll() is not None:
                if proc.returncode == 3:
                    pytest.skip(f"no clinic deployment test: {text.strip().splitlines()[-1]}")
                pytest.fail(f"deploy/run-local.sh stopped ({proc.returncode}):\n{text[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"deploy/run-local.sh was not ready in 180 s:\n{text[-3000:]}")
            time.sleep(0.5)
        yield ports
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def _get(url: str) -> tuple[int, dict[str, str]]:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # the script's self-signed certificate
    try:
        with urllib.request.urlopen(url, context=context, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}


def test_nginx_sends_the_security_headers_and_hides_metrics(deployment):
    status, headers = _get(f"https://127.0.0.1:{deployment['https']}/")
    assert status == 200
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    assert "server" not in headers or "/" not in headers["server"], "no version number"
    assert _get(f"https://127.0.0.1:{deployment['https']}/_stcore/metrics")[0] == 404
    assert _get(f"http://127.0.0.1:{deployment['http']}/")[0] in (200, 301)


def _answer_two_questions(page: Page) -> None:
    page.get_by_role("button", name="Start practice").click()
    wait_idle(page)
    for number in (1, 2):
        page.get_by_text(f"Question {number} of").wait_for()
        main = page.locator("[data-testid='stMain']")
        main.locator("[data-testid='stCheckbox'], [data-testid='stRadioOption']").first.wait_for()
        for group in main.locator("[data-testid='stRadioGroup']").all():
            group.locator("[data-testid='stRadioOption']").first.click()
            wait_idle(page)
        boxes = main.locator("[data-testid='stCheckbox'] label")
        if boxes.count():
            boxes.first.click()
            wait_idle(page)
        page.get_by_role("button", name="Check answer").click()
        wait_idle(page)
        page.get_by_role("button", name="Next question").click()
        wait_idle(page)


def _open_with_key(page: Page, url: str, key: str) -> str:
    page.goto(f"{url}/progress")
    wait_idle(page)
    field = page.get_by_label("I have a key")
    field.fill(key)
    field.press("Enter")  # the key box is a form: Enter opens it
    wait_idle(page)
    page.get_by_text("Questions tried").wait_for(timeout=20_000)
    return page.locator("[data-testid='stMetricValue']").first.inner_text()


def test_a_key_made_through_nginx_opens_the_same_progress_on_both_replicas(browser: Browser, deployment):
    front = f"https://localhost:{deployment['https']}"
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 1280, "height": 900})
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    page = context.new_page()
    page.goto(f"{front}/quiz")
    wait_idle(page)
    _answer_two_questions(page)
    page.get_by_role("button", name="Save my progress").click()
    wait_idle(page)
    key = page.locator("[data-testid='stSidebar'] [data-testid='stCode'] code").first.inner_text().strip()
    assert re.fullmatch(r"([0-9A-Z]{4}-){6}[0-9A-Z]{4}", key), key
    screenshot(page, "deploy-key-made")
    context.close()
    assert _leaving(urls) == []
    for replica in ("a", "b"):  # each replica on its own: the same key sees the same answers
        other = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            assert _open_with_key(other.new_page(), f"http://127.0.0.1:{deployment[replica]}", key) == "2"
        finally:
            other.close()
    again = browser.new_context(ignore_https_errors=True)
    try:
        assert _open_with_key(again.new_page(), front, key.lower().replace("-", " ")) == "2"
    finally:
        again.close()


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1920, 1080)])
def test_the_key_on_the_progress_page_fits_phone_and_desktop(browser: Browser, app_url: str, width: int, height: int):
    from axe_playwright_python.sync_playwright import Axe

    from testkit.browser import axe_summary

    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(f"{app_url}/quiz")
        wait_idle(page)
        _answer_two_questions(page)
        page.get_by_role("button", name="Stop this round").click()
        wait_idle(page)
        page.locator("[data-testid='stMain']").get_by_role(
            "link", name="My progress"
        ).click()  # in the app: the session goes along
        wait_idle(page)
        page.get_by_text("Questions tried").wait_for()
        if width < 600:  # the side bar is folded away on a phone
            page.locator(
                "[data-testid='stExpandSidebarButton'], [data-testid='stSidebarCollapsedControl'] button"
            ).first.click()
            wait_idle(page)
        page.get_by_role("button", name="Save my progress").click()
        wait_idle(page)
        page.get_by_text("This is your private key").wait_for()
        code = page.locator("[data-testid='stSidebar'] [data-testid='stCode']").first
        box = code.bounding_box()
        assert box and box["width"] <= width, "the key fits the screen"
        screenshot(page, f"progress-key-{width}x{height}")
        results = Axe().run(page)
        assert results.violations_count == 0, axe_summary(results)
    finally:
        context.close()
