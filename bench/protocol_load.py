"""Protocol-level load test: many Streamlit sessions over the app's own websocket protocol.

Run:  python -m bench.protocol_load [--sessions 200] [--seconds 40] [--search]

No browser: each session is a websocket to /_stcore/stream that sends the same BackMsg
protobufs the Streamlit frontend sends (rerun_script with the page name, widget states and,
for a widget inside a fragment, the fragment id) and reads the ForwardMsgs back. So the
numbers are the server's, not a browser's. Each session opens the explorer, clicks the
example presets, goes to the quizzes and answers a practice round, with think time between
clicks (a person reads before clicking again).

The server runs pinned to one core (taskset -c 0) and this client to the other, so the two
never share a core. Reported: server time per rerun (from sending the BackMsg to the final
script_finished ForwardMsg) p50 and p95, errors, the server's CPU and memory per session.
--search raises N step by step and reports the largest N whose p95 stays under 300 ms.
Writes bench/results/protocol_load.json (and .md). Not part of the tests.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection
from websockets.typing import Subprotocol

from bench.common import cpu_seconds, rss_mb, save_results
from testkit.servers import streamlit_server

P95_LIMIT_MS = 300.0
PRESET_KEYS = [
    "preset_Small low-grade appendix NET",
    "preset_Advanced pancreatic NET",
    "preset_Lung NET",
    "preset_Fast-growing carcinoma",
]
FINAL = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
}


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks; nan when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def largest_passing(steps: Iterable[dict], limit_ms: float = P95_LIMIT_MS) -> int | None:
    """The largest session count whose run kept p95 under the limit with no errors, counting
    only the steps below the first failure (a later lucky pass does not count)."""
    best = None
    for step in sorted(steps, key=lambda s: s["sessions"]):
        if step["errors"] or not step["p95_ms"] < limit_ms:
            break
        best = step["sessions"]
    return best


def widget_key(widget_id: str) -> str | None:
    """The user key inside a Streamlit widget id ('$$ID-<hash>-<key>'), if it has one."""
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[0] == "$$ID" and parts[2] != "None" else None


@dataclass
class Widget:
    kind: str
    id: str
    label: str
    fragment_id: str
    options: list[str] = field(default_factory=list)


class ProtocolSession:
    """One browser tab's worth of protocol: send reruns, collect the elements they draw."""

    def __init__(self, ws_url: str) -> None:
        self.ws_url = ws_url
        self.ws: ClientConnection | None = None
        self.widgets: dict[tuple[int, ...], Widget] = {}
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.page_hash = ""
        self.values: dict[str, WidgetState] = {}
        self.errors: list[str] = []
        self.bytes_in = 0
        self.frames_in = 0
        self.first_delta_ms = 0.0  # of the last rerun: when its first element arrived

    async def open(self) -> None:
        self.ws = await websockets.connect(
            self.ws_url,
            subprotocols=[Subprotocol("streamlit")],
            max_size=None,
            compression=None,
            open_timeout=60,
            ping_interval=None,
        )

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    def by_key(self, key: str) -> Widget | None:
        return next((w for w in self.widgets.values() if widget_key(w.id) == key), None)

    def keys_starting(self, prefix: str) -> list[Widget]:
        return [w for w in self.widgets.values() if (widget_key(w.id) or "").startswith(prefix)]

    async def rerun(
        self, page: str | None = None, trigger: Widget | None = None, fragment_id: str = "", timeout: float = 120
    ) -> float:
        """Send one rerun_script BackMsg; return the milliseconds until its final script_finished."""
        msg = BackMsg()
        state = msg.rerun_script
        if page is not None:
            state.page_name = page
            state.page_script_hash = self.pages.get(page, "")
            self.values.clear()
        else:
            state.page_script_hash = self.page_hash
        states = dict(self.values)
        state.fragment_id = fragment_id
        if trigger is not None:
            states[trigger.id] = WidgetState(id=trigger.id, trigger_value=True)
            state.fragment_id = trigger.fragment_id
        state.widget_states.widgets.extend(states.values())
        if not state.fragment_id:
            self.widgets.clear()  # a full run redraws the page
        if self.ws is None:
            raise RuntimeError("open() the session before a rerun")
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        deadline = start + timeout
        seen_delta = False
        while True:
            data = await asyncio.wait_for(self.ws.recv(), timeout=max(0.1, deadline - time.perf_counter()))
            self.frames_in += 1
            self.bytes_in += len(data)
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                if not seen_delta:
                    self.first_delta_ms, seen_delta = (time.perf_counter() - start) * 1000, True
                self._note_delta(fwd)
            elif kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in fwd.navigation.app_pages}
                self.page_hash = fwd.navigation.page_script_hash
            elif kind == "new_session":
                self.page_hash = fwd.new_session.page_script_hash
            elif kind == "script_finished" and fwd.script_finished in FINAL:
                if fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    self.errors.append("compile error")
                return (time.perf_counter() - start) * 1000

    def set_value(self, widget: Widget, **value: Any) -> None:
        self.values[widget.id] = WidgetState(id=widget.id, **value)

    def _note_delta(self, fwd: ForwardMsg) -> None:
        delta = fwd.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind is None:
            return
        if kind == "exception":
            self.errors.append(f"exception: {element.exception.message[:80]}")
            return
        proto = getattr(element, kind)
        widget_id = getattr(proto, "id", "")
        if widget_id and widget_id.startswith("$$ID"):
            self.widgets[tuple(fwd.metadata.delta_path)] = Widget(
                kind, widget_id, getattr(proto, "label", ""), delta.fragment_id, list(getattr(proto, "options", []))
            )


async def think(low: float, high: float) -> None:
    await asyncio.sleep(random.uniform(low, high))


async def drive(
    session: ProtocolSession,
    stop_at: float,
    think_s: tuple[float, float],
    times: list[float],
    kinds: dict[str, list[float]],
) -> None:
    """The explorer (every preset), then a quiz round of five questions, again and again."""

    async def step(name: str, **kwargs: Any) -> None:
        ms = await session.rerun(**kwargs)
        times.append(ms)
        kinds.setdefault(name, []).append(ms)

    while time.monotonic() < stop_at:
        await step("open explorer", page="explorer")
        for key in PRESET_KEYS:
            await think(*think_s)
            preset = session.by_key(key)
            if preset is None:
                session.errors.append(f"no button {key}")
                break
            await step("explorer preset", trigger=preset)
            if time.monotonic() >= stop_at:
                return
        await think(*think_s)
        await step("open quiz", page="quiz")
        session.values.clear()
        length = session.by_key("quiz_length")
        if length is not None:
            session.set_value(length, string_value="5")
        start = session.by_key("start_practice")
        if start is None:
            session.errors.append("no Start practice button")
            return
        await think(*think_s)
        await step("quiz start", trigger=start)
        for _ in range(5):
            if time.monotonic() >= stop_at:
                return
            # Each answer widget changed is a rerun in the browser, as here.
            for widget in session.keys_starting("answer_"):
                if widget.kind == "radio" and widget.options:
                    session.set_value(widget, string_value=widget.options[0])
                elif widget.kind == "checkbox":
                    session.set_value(widget, bool_value=True)
                else:
                    continue
                await think(*think_s)
                await step("quiz pick answer", fragment_id=widget.fragment_id)
                if widget.kind == "checkbox":
                    break
            check = session.by_key("check")
            if check is None:
                break
            await think(*think_s)
            await step("quiz check answer", trigger=check)
            nxt = session.by_key("next")
            if nxt is None:
                session.errors.append("no Next button after checking")
                break
            await think(*think_s)
            await step("quiz next", trigger=nxt)
        done = session.by_key("back_done")
        if done is not None:
            await step("quiz back", trigger=done)


async def run_step(
    ws_url: str, pid: int, sessions: int, seconds: float, think_s: tuple[float, float], ramp_s: float
) -> dict:
    times: list[float] = []
    kinds: dict[str, list[float]] = {}
    rss_before = rss_mb(pid)
    clients = [ProtocolSession(ws_url) for _ in range(sessions)]
    connect_errors: list[str] = []

    async def one(number: int, client: ProtocolSession) -> None:
        await asyncio.sleep(ramp_s * number / max(1, sessions))
        try:
            await client.open()
            await drive(client, stop_at, think_s, times, kinds)
        except Exception as exc:  # a session that breaks is an error, the others go on
            client.errors.append(f"{type(exc).__name__}: {str(exc)[:80]}")
        finally:
            with contextlib.suppress(Exception):
                await client.close()

    start_cpu, start, client_start = cpu_seconds(pid), time.monotonic(), time.process_time()
    stop_at = start + ramp_s + seconds
    tasks = [asyncio.create_task(one(n, c)) for n, c in enumerate(clients)]
    # Memory with every session open: sample while they are all connected.
    await asyncio.sleep(ramp_s + min(5.0, seconds / 2))
    rss_open = rss_mb(pid)
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - start
    cpu = cpu_seconds(pid) - start_cpu
    client_cpu = time.process_time() - client_start  # this load generator's own share of core 1
    errors = [e for c in clients for e in c.errors] + connect_errors
    return {
        "sessions": sessions,
        "reruns": len(times),
        "reruns_per_s": len(times) / elapsed,
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "max_ms": max(times, default=float("nan")),
        "by_action": {
            name: {"n": len(v), "p50_ms": percentile(v, 50), "p95_ms": percentile(v, 95)}
            for name, v in sorted(kinds.items())
        },
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:5],
        "server_cpu_core_share": cpu / elapsed,
        "client_cpu_core_share": client_cpu / elapsed,
        "server_cpu_ms_per_rerun": cpu * 1000 / max(1, len(times)),
        "rss_before_mb": rss_before,
        "rss_open_mb": rss_open,
        "rss_per_session_mb": (rss_open - rss_before) / sessions,
        "bytes_per_rerun": sum(c.bytes_in for c in clients) / max(1, len(times)),
        "frames_per_rerun": sum(c.frames_in for c in clients) / max(1, len(times)),
    }


def report(results: dict) -> str:
    lines = [
        f"Server pinned to {results['server_cpus']}; client pinned to {results['client_cpus']}; "
        f"think time {results['think_s'][0]:g}–{results['think_s'][1]:g} s between clicks; "
        f"{results['seconds']:g} s per step; {results['machine']}; load average "
        f"{results['loadavg_start']} → {results['loadavg_end']}.",
        "",
        "| sessions | reruns | reruns/s | p50 (ms) | p95 (ms) | errors | server CPU (share of a "
        "core) | CPU per rerun (ms) | RSS per session (MB) | load generator CPU (share of a core) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in results["steps"]:
        lines.append(
            f"| {s['sessions']} | {s['reruns']} | {s['reruns_per_s']:.1f} | {s['p50_ms']:.0f} | {s['p95_ms']:.0f} | "
            f"{s['errors']} | {s['server_cpu_core_share']:.2f} | {s['server_cpu_ms_per_rerun']:.1f} | "
            f"{s['rss_per_session_mb']:.2f} | {s.get('client_cpu_core_share', float('nan')):.2f} |"
        )
    best = results.get("largest_sessions_p95_under_limit")
    lines += [
        "",
        f"Largest N with p95 < {P95_LIMIT_MS:g} ms and no errors: {best if best is not None else 'none of the steps'}.",
    ]
    last = results["steps"][-1]
    lines += [
        "",
        f"Per action at {last['sessions']} sessions:",
        "",
        "| action | n | p50 (ms) | p95 (ms) |",
        "|---|---|---|---|",
    ]
    lines += [f"| {name} | {a['n']} | {a['p50_ms']:.0f} | {a['p95_ms']:.0f} |" for name, a in last["by_action"].items()]
    return "\n".join(lines)


async def _warm_up(session: ProtocolSession) -> None:
    await session.open()
    await session.rerun(page="explorer")
    await session.rerun(page="quiz")
    await session.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=200, help="concurrent sessions (the largest with --search)")
    parser.add_argument("--seconds", type=float, default=40, help="measured time per step, after the ramp")
    parser.add_argument("--ramp", type=float, default=20, help="seconds over which sessions connect")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(3.0, 7.0),
        metavar=("MIN", "MAX"),
        help="seconds a person waits between clicks (uniform)",
    )
    parser.add_argument("--search", action="store_true", help="step N up to --sessions; report the largest passing N")
    parser.add_argument("--steps", type=int, nargs="*", default=None, help="session counts for --search")
    parser.add_argument("--out", default="protocol_load", help="result file name in bench/results")
    parser.add_argument("--app", default="app.py", help="script to serve")
    args = parser.parse_args(argv)

    pin = ["taskset", "-c", "0"] if shutil.which("taskset") and (os.cpu_count() or 1) > 1 else []
    if pin:
        os.sched_setaffinity(0, {1})  # the client on the other core
    counts = (
        sorted(
            set(args.steps or [n for n in (25, 50, 100, 150, 200, 300, 400) if n <= args.sessions] + [args.sessions])
        )
        if args.search
        else [args.sessions]
    )
    from bench.run import loadavg, machine

    results = {
        "server_cpus": "core 0" if pin else "all cores (taskset missing)",
        "client_cpus": "core 1" if pin else "all cores",
        "think_s": list(args.think),
        "seconds": args.seconds,
        "machine": machine(),
        "loadavg_start": loadavg(),
        "steps": [],
    }
    for count in counts:
        # A fresh server per step, so one step's sessions never weigh on the next.
        with streamlit_server(args.app, prefix=pin) as (url, pid):
            ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
            warm = ProtocolSession(ws_url)  # load content and caches once, as a running server has

            asyncio.run(_warm_up(warm))
            step = asyncio.run(run_step(ws_url, pid, count, args.seconds, tuple(args.think), args.ramp))
        results["steps"].append(step)
        print(
            f"{count} sessions: p50 {step['p50_ms']:.0f} ms, p95 {step['p95_ms']:.0f} ms, {step['errors']} errors, "
            f"CPU {step['server_cpu_core_share']:.2f} core (client {step['client_cpu_core_share']:.2f}), "
            f"{step['reruns']} reruns",
            flush=True,
        )
        if args.search and (step["errors"] or step["p95_ms"] >= P95_LIMIT_MS * 3):
            break  # far past the limit: larger N only takes longer to fail
    results["loadavg_end"] = loadavg()
    results["largest_sessions_p95_under_limit"] = largest_passing(results["steps"])
    save_results(args.out, results, report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
