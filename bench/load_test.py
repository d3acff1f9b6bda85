"""Load test: N concurrent browser sessions click through the explorer and a quiz round.

Run:  python -m bench.load_test [--sessions 50] [--seconds 60]
Loopback only (the app is started here on 127.0.0.1) and bounded in time: every session stops
after --seconds, and the whole run after --seconds + 180 s at most. Reports errors (target 0),
p50/p95 click-to-idle, and the server's CPU and memory. Writes bench/results/load.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from collections.abc import Awaitable, Callable

from playwright.async_api import Browser, Page, async_playwright

from bench.common import cpu_seconds, rss_mb, save_results
from testkit.servers import CHROMIUM_ARGS, IDLE, ROOT, chromium_path, streamlit_server

PRESETS = ["Small low-grade appendix NET", "Advanced pancreatic NET", "Lung NET", "Fast-growing carcinoma"]


async def idle(page: Page) -> None:
    await page.wait_for_timeout(30)
    await page.wait_for_selector(IDLE, timeout=120_000)


async def session(
    browser: Browser, url: str, number: int, stop_at: float, clicks: list[float], errors: list[str]
) -> None:
    # Stagger the starts: 50 tabs opening at once on a small machine starve the browser, not the app.
    await asyncio.sleep(number * 0.5)
    context = await browser.new_context()
    page = await context.new_page()
    page.set_default_timeout(120_000)

    async def click(action: Callable[[], Awaitable[object]]) -> None:
        start = time.perf_counter()
        await action()
        await idle(page)
        clicks.append(time.perf_counter() - start)
        if await page.locator("[data-testid='stException']").count():
            errors.append(f"session {number}: an exception was shown")

    try:
        while time.monotonic() < stop_at:
            await page.goto(f"{url}/explorer", wait_until="commit")
            await idle(page)
            for preset in PRESETS[number % 2 :: 2]:
                await click(page.get_by_role("button", name=preset).click)
            await page.goto(f"{url}/quiz", wait_until="commit")
            await idle(page)
            await click(lambda: page.get_by_role("button", name="Start practice").click())
            for _ in range(3):
                if time.monotonic() >= stop_at:
                    break
                await click(
                    lambda: page.locator(
                        "[data-testid='stMain'] input[type=radio], [data-testid='stMain'] input[type=checkbox]"
                    ).first.check(force=True)
                )
                check = page.get_by_role("button", name="Check answer")
                if await check.is_enabled():
                    await click(check.click)
                    await click(lambda: page.get_by_role("button", name="Next question").click())
    except Exception as exc:  # a timeout or a missing element counts as an error
        if time.monotonic() < stop_at:
            errors.append(f"session {number}: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
    finally:
        await context.close()


async def run(sessions: int, seconds: float) -> dict:
    clicks: list[float] = []
    errors: list[str] = []
    with streamlit_server(
        "app.py", env={"NETAID_DATABASE_URL": "sqlite:///" + str(ROOT / "bench" / "results" / "load.sqlite3")}
    ) as (url, pid):
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            cpu_before, rss_before = cpu_seconds(pid), rss_mb(pid)
            started = time.monotonic()
            stop_at = started + seconds
            peak = [rss_before]

            async def sample() -> None:
                while time.monotonic() < stop_at:
                    peak.append(rss_mb(pid))
                    await asyncio.sleep(1)

            tasks = [session(browser, url, n, stop_at, clicks, errors) for n in range(sessions)]
            await asyncio.wait_for(asyncio.gather(sample(), *tasks), timeout=seconds + 180)
            wall = time.monotonic() - started
            cpu = cpu_seconds(pid) - cpu_before
            await browser.close()
    ordered = sorted(clicks)
    return {
        "sessions": sessions,
        "seconds": seconds,
        "clicks": len(clicks),
        "errors": len(errors),
        "error_samples": errors[:10],
        "click_p50_s": statistics.median(ordered) if ordered else None,
        "click_p95_s": ordered[int(0.95 * (len(ordered) - 1))] if ordered else None,
        "server_cpu_percent_of_one_core": round(100 * cpu / wall, 1),
        "server_rss_start_mb": round(rss_before, 1),
        "server_rss_peak_mb": round(max(peak), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args(argv)
    result = asyncio.run(run(args.sessions, args.seconds))
    save_results("load", result)
    print(json.dumps(result, indent=2))
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
