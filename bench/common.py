"""What the benchmarks share beyond testkit (servers and Chromium, shared with the tests):
a process's memory and CPU time, and where results are written."""

from __future__ import annotations

import json
import os
from pathlib import Path

from testkit.servers import ROOT

RESULTS = ROOT / "bench" / "results"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def save_results(name: str, data: object, markdown: str | None = None, indent: int = 2) -> None:
    """Write bench/results/NAME.json (and NAME.md with the printed table, when there is one)."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=indent))
    if markdown is not None:
        (RESULTS / f"{name}.md").write_text(markdown + "\n")
        print(markdown)
