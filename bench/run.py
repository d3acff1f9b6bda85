"""NETaid benchmark: page loads and clicks against a hello-world baseline, server reruns,
content loading, explorer throughput, and memory per session.

Run:  python -m bench.run [--loads 5] [--sessions 10]
Writes bench/results/latest.md and latest.json and prints the table. Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from streamlit.testing.v1 import AppTest

from bench.common import CHROMIUM_ARGS, IDLE, ROOT, chromium_path, rss_mb, streamlit_server
from bench.explorer_throughput import TARGET_US, grid
from ui.registry import PAGES

RESULTS = ROOT / "bench" / "results"
TARGETS = {"load_ratio": 1.3, "click_ratio": 1.2, "rerun_median_ms": 20.0, "explorer_us": TARGET_US, "session_mb": 5.0}

# The main interaction of each page: (description, action). Pages without one are loads only.
CLICKS = {
    "learn": ("open the table under the chart", lambda p: p.get_by_text("Show these numbers as a table").first.click()),
    "grade": ("enter a Ki-67 value", lambda p: (p.get_by_label("Ki-67 index (percent of cells)").fill("12"), p.keyboard.press("Enter"))),
    "stage": ("pick 'Metastatic'", lambda p: p.get_by_text("Metastatic", exact=True).click()),
    "diagnosis": ("filter to scans with a tracer", lambda p: p.get_by_text("Scans with a tracer (nuclear medicine)", exact=True).first.click()),
    "explorer": ("click a preset", lambda p: p.get_by_role("button", name="Advanced pancreatic NET").click()),
    "decide": ("move a value slider", lambda p: (p.get_by_role("slider").first.focus(), p.keyboard.press("ArrowRight"))),
    "quiz": ("start a practice round", lambda p: p.get_by_role("button", name="Start practice").click()),
    "present": ("show the answer", lambda p: p.get_by_role("button", name="Show the answer").click()),
    "glossary": ("search the glossary", lambda p: (p.get_by_label("Find a word").fill("grade"), p.keyboard.press("Enter"))),
    "visit_sheet": ("tick a question", lambda p: (p.get_by_text("After a diagnosis").click())),
}


def wait_idle(page: Page) -> None:
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_timeout(50)
    page.wait_for_selector(IDLE, timeout=60_000)


def timed_load(browser, url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    wait_idle(page)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def timed_click(browser, url: str, action) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    wait_idle(page)
    page.wait_for_timeout(300)
    start = time.perf_counter()
    action(page)
    page.wait_for_timeout(30)  # let the rerun begin before waiting for it to end
    wait_idle(page)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def browser_numbers(loads: int, sessions: int) -> dict:
    out: dict = {"pages": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        with streamlit_server("bench/baseline_app.py") as (base_url, _):
            timed_load(browser, base_url)  # warm up
            out["baseline_load_s"] = statistics.median(timed_load(browser, base_url) for _ in range(loads))
            click = lambda p: p.get_by_role("button", name="Click me").click()  # noqa: E731
            out["baseline_click_s"] = statistics.median(timed_click(browser, base_url, click) for _ in range(loads))
        with streamlit_server("app.py") as (url, pid):
            timed_load(browser, f"{url}/home")  # warm caches, as a running server would have
            for _, title, _, path in PAGES:
                load = statistics.median(timed_load(browser, f"{url}/{path}") for _ in range(loads))
                row = {"title": title, "load_s": load, "load_ratio": load / out["baseline_load_s"]}
                if path in CLICKS:
                    what, action = CLICKS[path]
                    try:
                        click_s = statistics.median(timed_click(browser, f"{url}/{path}", action) for _ in range(loads))
                        row |= {"click": what, "click_s": click_s, "click_ratio": click_s / out["baseline_click_s"]}
                    except Exception as exc:  # report the page, keep measuring the others
                        row |= {"click_error": f"{what}: {type(exc).__name__}"}
                out["pages"][path] = row
            # Memory: one session open, then `sessions` more.
            contexts = [browser.new_context()]
            first = contexts[0].new_page()
            first.goto(f"{url}/explorer")
            wait_idle(first)
            time.sleep(1)
            one = rss_mb(pid)
            for _ in range(sessions):
                ctx = browser.new_context()
                page = ctx.new_page()
                page.goto(f"{url}/explorer")
                wait_idle(page)
                page.get_by_role("button", name="Advanced pancreatic NET").click()
                wait_idle(page)
                contexts.append(ctx)
            time.sleep(1)
            many = rss_mb(pid)
            out["memory"] = {"rss_1_session_mb": one, "sessions": sessions + 1, "rss_n_sessions_mb": many,
                             "per_session_mb": (many - one) / sessions}
            for ctx in contexts:
                ctx.close()
        browser.close()
    return out


def rerun_numbers(runs: int = 30) -> dict:
    """Server-side script time per page, measured with AppTest (median and p95 of reruns)."""
    out = {}
    for file, _, _, path in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.run()
        if file != PAGES[0][0]:
            at.switch_page(f"pages/{file}").run()
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        out[path] = {"median_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))]}
    return out


def content_load_seconds() -> float:
    code = "import time; t = time.perf_counter(); from netaid.content import collect; collect(); print(time.perf_counter() - t)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def explorer_us() -> float:
    from netaid.content import load_library
    from netaid.rules import Explorer

    engine, profiles = Explorer(load_library()), grid()
    start = time.perf_counter()
    for profile in profiles:
        engine.explore_parsed(profile)
    return (time.perf_counter() - start) / len(profiles) * 1e6


def table(results: dict) -> str:
    ok = lambda value, target: "meets" if value <= target else "MISSES"  # noqa: E731
    lines = [
        f"Machine: {results['machine']}; Python {results['python']}; {results['date']}.",
        "",
        "| page | load (s) | load ÷ baseline | main click | click (s) | click ÷ baseline | rerun median (ms) | rerun p95 (ms) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for path, row in results["browser"]["pages"].items():
        rerun = results["reruns"][path]
        click = (f"{row['click']} | {row['click_s']:.2f} | {row['click_ratio']:.2f} ({ok(row['click_ratio'], TARGETS['click_ratio'])})"
                 if "click" in row else (f"{row['click_error']} | failed | —" if "click_error" in row else "— | — | —"))
        lines.append(
            f"| {row['title']} | {row['load_s']:.2f} | {row['load_ratio']:.2f} ({ok(row['load_ratio'], TARGETS['load_ratio'])}) | "
            f"{click} | {rerun['median_ms']:.1f} ({ok(rerun['median_ms'], TARGETS['rerun_median_ms'])}) | {rerun['p95_ms']:.1f} |"
        )
    b, m = results["browser"], results["browser"]["memory"]
    lines += [
        "",
        f"- Baseline hello-world page: load {b['baseline_load_s']:.2f} s, click {b['baseline_click_s']:.2f} s.",
        f"- Content load and validation, cold process: {results['content_load_s'] * 1000:.0f} ms.",
        f"- Explorer over the full profile grid: {results['explorer_us']:.1f} µs per profile "
        f"({ok(results['explorer_us'], TARGETS['explorer_us'])}; target ≤ {TARGETS['explorer_us']:g} µs).",
        f"- Server memory: {m['rss_1_session_mb']:.0f} MB with 1 session, {m['rss_n_sessions_mb']:.0f} MB with "
        f"{m['sessions']}; {m['per_session_mb']:.2f} MB per extra session "
        f"({ok(m['per_session_mb'], TARGETS['session_mb'])}; target ≤ {TARGETS['session_mb']:g} MB).",
        f"- Targets: load ≤ {TARGETS['load_ratio']}× baseline, click ≤ {TARGETS['click_ratio']}× baseline, "
        f"rerun median ≤ {TARGETS['rerun_median_ms']:g} ms (AppTest's own overhead included).",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=5, help="loads and clicks per page (median taken)")
    parser.add_argument("--sessions", type=int, default=10, help="extra browser sessions for the memory figure")
    args = parser.parse_args(argv)
    results = {
        "machine": f"{platform.platform()}, {__import__('os').cpu_count()} cores",
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d"),
        "content_load_s": content_load_seconds(),
        "explorer_us": explorer_us(),
        "reruns": rerun_numbers(),
        "browser": browser_numbers(args.loads, args.sessions),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2))
    (RESULTS / "latest.md").write_text(table(results) + "\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
