"""Where the time of a page load goes, for Home and Learn, measured in Chromium.

Run:  python -m bench.breakdown [--loads 5] [--out breakdown]

Two kinds of numbers:
1. NETaid's Home and Learn pages, cold (new browser context) and warm (second visit in the
   same context): navigation timing, every downloaded file (the icon font and Plotly's script
   named apart), the websocket frames of the session (count, bytes, the largest, bytes by
   element type, and the time from the first frame to the last), and the number of elements.
2. The hello-world baseline with one NETaid shell part added at a time (bench/variant_app.py):
   custom CSS, the HTML disclaimer, the menu, the menu's icon font, many elements, a Plotly
   chart. Each is timed against the plain baseline in the same run.
Writes bench/results/<out>.md and .json. Not part of the tests.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Browser, WebSocket, sync_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.common import save_results
from bench.run import loadavg, machine, page_url, wait_idle
from testkit.servers import CHROMIUM_ARGS, chromium_path, streamlit_server

VARIANTS = ["", "style", "disclaimer", "style,disclaimer", "nav", "icons", "elements", "plotly"]

PAGE_FACTS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource').map(r => ({
    name: r.name.split('?')[0].split('/').slice(-1)[0], type: r.initiatorType,
    start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize, transfer: r.transferSize}));
  const paint = Object.fromEntries(performance.getEntriesByType('paint').map(p => [p.name, p.startTime]));
  return {
    response_end: nav.responseEnd, dom_content_loaded: nav.domContentLoadedEventEnd, load_event: nav.loadEventEnd,
    first_contentful_paint: paint['first-contentful-paint'] ?? null,
    resources: res,
    dom_nodes: document.getElementsByTagName('*').length,
    element_containers: document.querySelectorAll('[data-testid="stElementContainer"]').length,
    style_blocks: document.querySelectorAll(
      '[data-testid="stMain"] style, [data-testid="stMarkdownContainer"] style').length,
  };
}"""


def frame_kind(payload: bytes) -> str:
    """A short name for what a ForwardMsg frame carries: 'delta:markdown', 'script_finished', ..."""
    msg = ForwardMsg()
    try:
        msg.ParseFromString(payload)
    except Exception:
        return "unparsed"
    kind = msg.WhichOneof("type") or "empty"
    if kind == "delta":
        delta = msg.delta
        sub = delta.WhichOneof("type")
        if sub == "new_element":
            return f"delta:{delta.new_element.WhichOneof('type')}"
        return f"delta:{sub}"
    return kind


def summarize_frames(frames: list[tuple[float, bytes]]) -> dict:
    """Count, bytes, the largest frame and bytes by kind for one session's received frames."""
    by_kind: Counter[str] = Counter()
    count_by_kind: Counter[str] = Counter()
    for _, payload in frames:
        kind = frame_kind(payload)
        by_kind[kind] += len(payload)
        count_by_kind[kind] += 1
    sizes = [len(p) for _, p in frames]
    return {
        "frames": len(frames),
        "bytes": sum(sizes),
        "largest_bytes": max(sizes, default=0),
        "first_to_last_ms": (frames[-1][0] - frames[0][0]) * 1000 if frames else 0.0,
        "bytes_by_kind": dict(by_kind.most_common()),
        "frames_by_kind": dict(count_by_kind.most_common()),
    }


def classify(resources: list[dict]) -> dict:
    """Totals for the downloaded files, with the icon font and Plotly's script named apart."""

    def pick(test: Callable[[str], bool]) -> dict[str, Any]:
        chosen = [r for r in resources if test(r["name"])]
        return {
            "files": len(chosen),
            "bytes": sum(r["bytes"] for r in chosen),
            "last_end_ms": max((r["end"] for r in chosen), default=0.0),
            "load_ms": max((r["end"] - r["start"] for r in chosen), default=0.0),
            "names": [r["name"] for r in chosen][:6],
        }

    return {
        "all": pick(lambda n: True),
        "js": pick(lambda n: n.endswith(".js")),
        "fonts": pick(lambda n: n.endswith((".woff2", ".woff", ".ttf"))),
        "icon_font": pick(lambda n: "material" in n.lower() and n.endswith((".woff2", ".woff", ".ttf"))),
        "plotly": pick(lambda n: "plotly" in n.lower()),
    }


def measure(browser: Browser, url: str, warm: bool) -> dict[str, Any]:
    context = browser.new_context()
    page = context.new_page()
    if warm:
        page.goto(url)
        wait_idle(page)
        page.goto("about:blank")
    frames: list[tuple[float, bytes]] = []

    def on_ws(ws: WebSocket) -> None:
        ws.on(
            "framereceived",
            lambda payload: frames.append(
                (time.perf_counter(), payload if isinstance(payload, bytes) else payload.encode())
            ),
        )

    page.on("websocket", on_ws)
    start = time.perf_counter()
    page.goto(url)
    wait_idle(page)
    idle_ms = (time.perf_counter() - start) * 1000
    facts = page.evaluate(PAGE_FACTS)
    context.close()
    first_frame_ms = (frames[0][0] - start) * 1000 if frames else None
    return {
        "idle_ms": idle_ms,
        "first_ws_frame_ms": first_frame_ms,
        **{k: v for k, v in facts.items() if k != "resources"},
        "files": classify(facts["resources"]),
        "ws": summarize_frames(frames),
    }


def median_of(samples: list[dict], path: str) -> float | None:
    values: list[float] = []
    for s in samples:
        value: Any = s
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, (int, float)):
            values.append(value)
    return statistics.median(values) if values else None


def run(loads: int) -> dict:
    out: dict = {
        "machine": machine(),
        "loadavg_start": loadavg(),
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "pages": {},
        "variants": {},
    }
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        with streamlit_server("app.py") as (url, _):
            measure(browser, f"{url}/home", warm=False)  # the server's first run loads the content
            for path in ("home", "learn"):
                for warm in (False, True):
                    samples = [measure(browser, page_url(url, path), warm) for _ in range(loads)]
                    out["pages"][f"{path} {'warm' if warm else 'cold'}"] = {"samples": samples}
        for parts in VARIANTS:
            with streamlit_server("bench/variant_app.py", env={"NETAID_BENCH_PARTS": parts}) as (url, _):
                measure(browser, url, warm=False)
                samples = [measure(browser, url, warm=False) for _ in range(loads)]
                out["variants"][parts or "baseline"] = {"samples": samples}
        browser.close()
    out["loadavg_end"] = loadavg()
    return out


KEYS = [
    "idle_ms",
    "response_end",
    "dom_content_loaded",
    "first_ws_frame_ms",
    "ws.first_to_last_ms",
    "ws.frames",
    "ws.bytes",
    "ws.largest_bytes",
    "files.all.bytes",
    "files.icon_font.bytes",
    "files.icon_font.last_end_ms",
    "files.plotly.bytes",
    "files.plotly.last_end_ms",
    "dom_nodes",
    "element_containers",
]
LABELS = {
    "idle_ms": "load to idle (ms)",
    "response_end": "HTML received (ms)",
    "dom_content_loaded": "DOMContentLoaded (ms)",
    "first_ws_frame_ms": "first websocket frame (ms)",
    "ws.first_to_last_ms": "first to last frame (ms)",
    "ws.frames": "frames received",
    "ws.bytes": "websocket bytes",
    "ws.largest_bytes": "largest frame (bytes)",
    "files.all.bytes": "files downloaded (bytes)",
    "files.icon_font.bytes": "icon font (bytes)",
    "files.icon_font.last_end_ms": "icon font done (ms)",
    "files.plotly.bytes": "Plotly script (bytes)",
    "files.plotly.last_end_ms": "Plotly script done (ms)",
    "dom_nodes": "DOM nodes",
    "element_containers": "Streamlit elements",
}


def fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}"


def report(out: dict) -> str:
    names = list(out["pages"])
    lines = [
        f"Machine: {out['machine']}; {out['date']}; load average {out['loadavg_start']} → {out['loadavg_end']}. "
        "Medians of the samples.",
        "",
        "## NETaid pages",
        "",
        "| measure | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for key in KEYS:
        lines.append(
            f"| {LABELS[key]} | " + " | ".join(fmt(median_of(out["pages"][n]["samples"], key)) for n in names) + " |"
        )
    lines += ["", "Websocket bytes by kind (cold, first sample):", ""]
    for n in names:
        if n.endswith("cold"):
            kinds = out["pages"][n]["samples"][0]["ws"]["bytes_by_kind"]
            counts = out["pages"][n]["samples"][0]["ws"]["frames_by_kind"]
            lines.append(f"- {n}: " + ", ".join(f"{k} {counts[k]}× {v:,} B" for k, v in list(kinds.items())[:8]))
    base = median_of(out["variants"]["baseline"]["samples"], "idle_ms") or 0.0
    lines += [
        "",
        "## One shell part at a time on the hello-world page (cold loads)",
        "",
        "| parts added | load to idle (ms) | minus baseline (ms) | websocket bytes | files (bytes) | DOM nodes |",
        "|---|---|---|---|---|---|",
    ]
    for name, v in out["variants"].items():
        idle = median_of(v["samples"], "idle_ms") or 0.0
        lines.append(
            f"| {name} | {idle:,.0f} | {idle - base:+,.0f} | {fmt(median_of(v['samples'], 'ws.bytes'))} | "
            f"{fmt(median_of(v['samples'], 'files.all.bytes'))} | {fmt(median_of(v['samples'], 'dom_nodes'))} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--out", default="breakdown")
    args = parser.parse_args(argv)
    out = run(args.loads)
    slim = {**out, "pages": {k: {"samples": v["samples"]} for k, v in out["pages"].items()}}
    save_results(args.out, slim, report(out), indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
