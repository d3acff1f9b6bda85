"""NETaid's own disclosure (IPDAS C3 and C6): version, dates, who makes it, who funds it,
conflicts of interest and how the evidence was chosen. The words live once, in the About
block of sources.yaml; every PDF and the Sources page print them from here."""

from __future__ import annotations

from pathlib import Path

import yaml

from netaid.content.models import SourcesFile
from netaid.paths import DATA_DIR

HEADING = "About NETaid"


def disclosure_lines(sources: SourcesFile) -> list[tuple[str, str]]:
    """(label, text) pairs, in the order a reader needs them."""
    a = sources.about
    return [
        ("Version", f"NETaid {a.version}, published {a.published:%d %B %Y}"),
        ("Content last checked", f"{a.content_checked:%d %B %Y}"),
        ("Next review due", f"{a.next_review:%d %B %Y}"),
        ("Who makes it", a.made_by),
        ("Who funds it", sources.funding),
        ("Conflicts of interest", a.conflicts_of_interest),
        ("How the evidence was chosen", a.evidence_method),
    ]


def disclosure_text(sources: SourcesFile) -> str:
    return "\n".join(f"{label}: {text}" for label, text in disclosure_lines(sources))


def shipped_sources(data_dir: Path | None = None) -> SourcesFile:
    """The shipped sources.yaml alone, for a PDF made without the whole library (the key card).
    It is validated by the same model as everywhere else."""
    path = (data_dir or DATA_DIR) / "sources.yaml"
    return SourcesFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
