"""Explorer throughput over the full grid of enumerated profile fields (target: <= 100 µs each).

Run: python -m bench.explorer_throughput        (prints a Markdown line and a JSON line)
Not part of the test run: timings on shared machines are noisy, so they are measured here.
"""

from __future__ import annotations

import itertools
import json
import platform
import statistics
import time

from netaid.content.library import load_library
from netaid.explorer.profile import PROFILE_FIELDS, parse_profile
from netaid.explorer.rules import Explorer

TARGET_US = 100.0


def grid() -> list[dict]:
    names = [n for n, s in PROFILE_FIELDS.items() if s.kind in ("choice", "bool")]
    values = [PROFILE_FIELDS[n].values if PROFILE_FIELDS[n].kind == "choice" else (True, False) for n in names]
    return [parse_profile(dict(zip(names, combo))) for combo in itertools.product(*values)]


def main() -> None:
    engine = Explorer(load_library())
    profiles = grid()
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        for profile in profiles:
            engine.explore_parsed(profile)
        runs.append((time.perf_counter() - start) / len(profiles) * 1e6)
    median = statistics.median(runs)
    verdict = "meets" if median <= TARGET_US else "MISSES"
    print(
        f"| explorer, full grid ({len(profiles):,} profiles) | {median:.1f} µs/profile | target ≤ "
        f"{TARGET_US:g} µs | {verdict} |"
    )
    print(
        json.dumps(
            {
                "benchmark": "explorer_full_grid",
                "profiles": len(profiles),
                "us_per_profile": round(median, 2),
                "runs_us": [round(r, 2) for r in runs],
                "target_us": TARGET_US,
                "machine": platform.platform(),
                "python": platform.python_version(),
            }
        )
    )


if __name__ == "__main__":
    main()
