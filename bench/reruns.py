"""Server time of a full rerun of each page, over Streamlit's own protocol (no browser, no AppTest).

Run:  python -m bench.reruns [--runs 30]
One session per page: open the page, rerun it a few times to warm up, then time `--runs`
reruns from sending the rerun_script BackMsg to its script_finished ForwardMsg (what a click
outside any fragment costs the server). Also times a fragment rerun where the page has one.
Writes bench/results/reruns.json. Not part of the tests.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics

from bench.common import save_results
from bench.protocol_load import ProtocolSession, percentile
from testkit.servers import streamlit_server
from ui.registry import PAGES

# A widget inside each page's fragment (key), whose rerun is timed with the fragment id it reports.
FRAGMENT_WIDGETS = {
    "grade": "ki67",
    "stage": "stage",
    "diagnosis": "kind",
    "glossary": "glossary_query",
    "decide": "value_surgery",
    "explorer": "make_share_link",
}


async def page_reruns(ws_url: str, path: str, runs: int) -> dict:
    session = ProtocolSession(ws_url)
    await session.open()
    try:
        await session.rerun(page="" if path in ("", PAGES[0][3]) else path)
        for _ in range(3):
            await session.rerun()
        times, first_deltas = [], []
        for _ in range(runs):
            times.append(await session.rerun())
            first_deltas.append(session.first_delta_ms)
        out = {
            "median_ms": statistics.median(times),
            "p95_ms": percentile(times, 95),
            "first_delta_median_ms": statistics.median(first_deltas),
            "errors": len(session.errors),
        }
        widget = session.by_key(FRAGMENT_WIDGETS.get(path, ""))
        if widget is not None and widget.fragment_id:
            fragment = [await session.rerun(fragment_id=widget.fragment_id) for _ in range(runs)]
            out |= {"fragment_median_ms": statistics.median(fragment), "fragment_p95_ms": percentile(fragment, 95)}
        return out
    finally:
        await session.close()


def measure(runs: int = 30, app: str = "app.py", env: dict[str, str] | None = None) -> dict:
    with streamlit_server(app, env=env) as (url, _):
        ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
        return {path: asyncio.run(page_reruns(ws_url, path, runs)) for _, _, _, path in PAGES}


def measure_baseline(runs: int = 30, env: dict[str, str] | None = None) -> dict:
    """The hello-world page's full rerun, for scale."""
    with streamlit_server("bench/baseline_app.py", env=env) as (url, _):
        ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
        return asyncio.run(page_reruns(ws_url, "", runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--out", default="reruns")
    parser.add_argument(
        "--no-post-run-gc",
        action="store_true",
        help="turn off Streamlit's full garbage collection after each run (runner.postScriptGC), "
        "to see the floor of a rerun on this machine",
    )
    args = parser.parse_args(argv)
    env = {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "false"} if args.no_post_run_gc else None
    out = {**measure(args.runs, env=env), "baseline": measure_baseline(args.runs, env=env)}
    save_results(args.out, out)
    for path, row in out.items():
        extra = f", fragment {row['fragment_median_ms']:.1f} ms" if "fragment_median_ms" in row else ""
        print(
            f"{path}: median {row['median_ms']:.1f} ms, p95 {row['p95_ms']:.1f} ms, "
            f"first element after {row['first_delta_median_ms']:.1f} ms{extra}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
