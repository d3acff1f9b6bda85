"""NETaid benchmark: page loads (cold and warm) and clicks against a hello-world baseline
measured in the same run, server reruns, content loading, explorer throughput, and memory per session.

Cold load: a new browser context (nothing cached, a new Streamlit session).
Warm load: the same context visits the page a second time (files cached, a new session),
which is what a returning user sees.

Run:  python -m bench.run [--loads 5] [--sessions 10]
Writes bench/results/latest.md and latest.json and prints the table. Not part of the tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from bench.common import rss_mb, save_results
from bench.explorer_throughput import TARGET_US, grid
from testkit.servers import CHROMIUM_ARGS, IDLE, ROOT, chromium_path, streamlit_server
from ui.registry import PAGES

TARGETS = {"load_ratio": 1.3, "click_ratio": 1.2, "rerun_median_ms": 10.0, "explorer_us": TARGET_US, "session_mb": 5.0}

# The main interaction of each page: (description, action). Pages without one are loads only.
CLICKS = {
    "learn": ("open the table under the chart", lambda p: p.get_by_text("Show these numbers as a table").first.click()),
    "grade": (
        "enter a Ki-67 value",
        lambda p: (p.get_by_label("Ki-67 index (percent of cells)").fill("12"), p.keyboard.press("Enter")),
    ),
    "stage": ("pick 'Metastatic'", lambda p: p.get_by_text("Metastatic", exact=True).click()),
    "diagnosis": (
        "filter to scans with a tracer",
        lambda p: p.get_by_text("Scans with a tracer (nuclear medicine)", exact=True).first.click(),
    ),
    "explorer": ("click a preset", lambda p: p.get_by_role("button", name="Advanced pancreatic NET").click()),
    "decide": (
        "move a value slider",
        lambda p: (p.get_by_role("slider").first.focus(), p.keyboard.press("ArrowRight")),
    ),
    "quiz": ("start a practice round", lambda p: p.get_by_role("button", name="Start practice").click()),
    "present": ("show the answer", lambda p: p.get_by_role("button", name="Show the answer").click()),
    "glossary": (
        "search the glossary",
        lambda p: (p.get_by_label("Find a word").fill("grade"), p.keyboard.press("Enter")),
    ),
    "visit_sheet": ("tick a question", lambda p: p.get_by_text("After a diagnosis").click()),
}


def page_url(url: str, path: str) -> str:
    """Home is served at "/" (the menu's Home link); "/home" is only an alias that switches
    to it, which costs a second script run."""
    return f"{url}/" if path == PAGES[0][3] else f"{url}/{path}"


def wait_idle(page: Page) -> None:
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_timeout(50)
    page.wait_for_selector(IDLE, timeout=60_000)


def timed_load(browser: Browser, url: str, warm: bool = False) -> float:
    """Cold: a fresh context, so nothing is cached. Warm: the second visit in the same context
    (HTTP cache filled, a new server session)."""
    context = browser.new_context()
    page = context.new_page()
    if warm:
        page.goto(url)
        wait_idle(page)
        page.goto("about:blank")
    start = time.perf_counter()
    page.goto(url)
    wait_idle(page)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def timed_click(browser: Browser, url: str, action: Callable[[Page], object]) -> float:
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


def baseline_samples(browser: Browser, base_url: str, loads: int) -> dict[str, list[float]]:
    click = lambda p: p.get_by_role("button", name="Click me").click()  # noqa: E731
    return {
        "load": [timed_load(browser, base_url) for _ in range(loads)],
        "warm": [timed_load(browser, base_url, warm=True) for _ in range(loads)],
        "click": [timed_click(browser, base_url, click) for _ in range(loads)],
    }


def browser_numbers(loads: int, sessions: int) -> dict:
    """Both servers run side by side; the baseline is measured before and after NETaid's pages
    and the median of all its samples is the reference, so drift from other load on the
    machine hits both sides."""
    out: dict = {"pages": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        with streamlit_server("bench/baseline_app.py") as (base_url, _), streamlit_server("app.py") as (url, pid):
            timed_load(browser, base_url)  # warm up
            timed_load(browser, f"{url}/home")  # warm caches, as a running server would have
            before = baseline_samples(browser, base_url, loads)
            rows = {}
            for _, title, _, path in PAGES:
                address = page_url(url, path)
                load = statistics.median(timed_load(browser, address) for _ in range(loads))
                warm = statistics.median(timed_load(browser, address, warm=True) for _ in range(loads))
                row = {"title": title, "load_s": load, "warm_s": warm}
                if path in CLICKS:
                    what, action = CLICKS[path]
                    try:
                        row |= {
                            "click": what,
                            "click_s": statistics.median(timed_click(browser, address, action) for _ in range(loads)),
                        }
                    except Exception as exc:  # report the page, keep measuring the others
                        row |= {"click_error": f"{what}: {type(exc).__name__}"}
                rows[path] = row
            after = baseline_samples(browser, base_url, loads)
            for key, name in (("load", "baseline_load_s"), ("warm", "baseline_warm_s"), ("click", "baseline_click_s")):
                out[name] = statistics.median(before[key] + after[key])
                out[name + "_before_after"] = [statistics.median(before[key]), statistics.median(after[key])]
            for path, row in rows.items():
                row["load_ratio"] = row["load_s"] / out["baseline_load_s"]
                row["warm_ratio"] = row["warm_s"] / out["baseline_warm_s"]
                if "click_s" in row:
                    row["click_ratio"] = row["click_s"] / out["baseline_click_s"]
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
            out["memory"] = {
                "rss_1_session_mb": one,
                "sessions": sessions + 1,
                "rss_n_sessions_mb": many,
                "per_session_mb": (many - one) / sessions,
            }
            for ctx in contexts:
                ctx.close()
        browser.close()
    return out


def rerun_numbers(runs: int = 30) -> dict:
    """Server time of a full rerun of each page (and of its fragment), over Streamlit's protocol."""
    from bench.reruns import measure

    return measure(runs)


def baseline_rerun(runs: int = 30) -> dict:
    from bench.reruns import measure_baseline

    return measure_baseline(runs)


def content_load_seconds() -> float:
    code = (
        "import time; t = time.perf_counter(); from netaid.content.library import collect; "
        "collect(); print(time.perf_counter() - t)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def explorer_us() -> float:
    from netaid.content.library import load_library
    from netaid.explorer.rules import Explorer

    engine, profiles = Explorer(load_library()), grid()
    start = time.perf_counter()
    for profile in profiles:
        engine.explore_parsed(profile)
    return (time.perf_counter() - start) / len(profiles) * 1e6


def _ok(value: float, target: float) -> str:
    return "meets" if value <= target else "MISSES"


def table(results: dict) -> str:
    ok = _ok
    lines = [
        f"Machine: {results['machine']}; Python {results['python']}; {results['date']}; "
        f"load average {results.get('loadavg_start', '?')} at the start, {results.get('loadavg_end', '?')} at the end.",
        "",
        "| page | cold load (s) | cold ÷ baseline | warm load (s) | warm ÷ baseline | main click | "
        "click (s) | click ÷ baseline | rerun median (ms) | rerun p95 (ms) | fragment rerun median (ms) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for path, row in results["browser"]["pages"].items():
        rerun = results["reruns"][path]
        click = (
            f"{row['click']} | {row['click_s']:.2f} | {row['click_ratio']:.2f} "
            f"({ok(row['click_ratio'], TARGETS['click_ratio'])})"
            if "click" in row
            else (f"{row['click_error']} | failed | —" if "click_error" in row else "— | — | —")
        )
        fragment = f"{rerun['fragment_median_ms']:.1f}" if "fragment_median_ms" in rerun else "—"
        lines.append(
            f"| {row['title']} | {row['load_s']:.2f} | {row['load_ratio']:.2f} "
            f"({ok(row['load_ratio'], TARGETS['load_ratio'])}) | "
            f"{row['warm_s']:.2f} | {row['warm_ratio']:.2f} ({ok(row['warm_ratio'], TARGETS['load_ratio'])}) | "
            f"{click} | {rerun['median_ms']:.1f} "
            f"({ok(rerun['median_ms'], TARGETS['rerun_median_ms'])}) | {rerun['p95_ms']:.1f} | "
            f"{fragment} |"
        )
    b, m = results["browser"], results["browser"]["memory"]
    drift = lambda key: " → ".join(f"{v:.2f}" for v in b.get(key + "_before_after", []))  # noqa: E731
    lines += [
        "",
        f"- Baseline hello-world page (same run, median of samples before and after NETaid's pages): cold load "
        f"{b['baseline_load_s']:.2f} s ({drift('baseline_load_s')}), warm load {b['baseline_warm_s']:.2f} s "
        f"({drift('baseline_warm_s')}), click {b['baseline_click_s']:.2f} s ({drift('baseline_click_s')}).",
        *(
            [
                f"- Hello-world baseline full rerun over the protocol: median "
                f"{results['baseline_rerun']['median_ms']:.1f} ms, "
                f"p95 {results['baseline_rerun']['p95_ms']:.1f} ms."
            ]
            if "baseline_rerun" in results
            else []
        ),
        f"- Content load and validation, cold process: {results['content_load_s'] * 1000:.0f} ms.",
        f"- Explorer over the full profile grid: {results['explorer_us']:.1f} µs per profile "
        f"({ok(results['explorer_us'], TARGETS['explorer_us'])}; target ≤ {TARGETS['explorer_us']:g} µs).",
        f"- Server memory: {m['rss_1_session_mb']:.0f} MB with 1 session, {m['rss_n_sessions_mb']:.0f} MB with "
        f"{m['sessions']}; {m['per_session_mb']:.2f} MB per extra session "
        f"({ok(m['per_session_mb'], TARGETS['session_mb'])}; target ≤ {TARGETS['session_mb']:g} MB).",
        f"- Targets: load ≤ {TARGETS['load_ratio']}× baseline cold and warm, click ≤ "
        f"{TARGETS['click_ratio']}× baseline, "
        f"rerun median ≤ {TARGETS['rerun_median_ms']:g} ms (server time of a full rerun over Streamlit's websocket "
        f"protocol, from the rerun request to script_finished; bench/reruns.py).",
    ]
    return "\n".join(lines)


def machine() -> str:
    model = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            "unknown CPU",
        )
        if Path("/proc/cpuinfo").exists()
        else "unknown CPU"
    )
    return f"{platform.platform()}, {model}, {os.cpu_count()} cores"


def loadavg() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=5, help="loads and clicks per page (median taken)")
    parser.add_argument("--sessions", type=int, default=10, help="extra browser sessions for the memory figure")
    parser.add_argument(
        "--out", default="latest", help="name of the result files in bench/results (NAME.md, NAME.json)"
    )
    args = parser.parse_args(argv)
    results = {
        "machine": machine(),
        "loadavg_start": loadavg(),
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d"),
        "content_load_s": content_load_seconds(),
        "explorer_us": explorer_us(),
        "reruns": rerun_numbers(),
        "baseline_rerun": baseline_rerun(),
        "browser": browser_numbers(args.loads, args.sessions),
        "loadavg_end": loadavg(),
    }
    save_results(args.out, results, table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
