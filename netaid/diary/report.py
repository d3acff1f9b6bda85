"""The diary summary as a one- or two-page PDF for the care team (same look as the visit sheet)."""

from __future__ import annotations

from datetime import date

from netaid.diary.patterns import summary_lines
from netaid.disclosure import shipped_sources
from netaid.handout import _heading, _para, _titled_pdf, disclosure_block
from netaid.models import SourcesFile
from netaid.vocabulary import DISCLAIMER

CAVEAT = "Patterns, not proof: a symptom after a food does not show the food caused it."


def summary_pdf(data: dict[str, object], made_on: date, paper: str = "a4", sources: SourcesFile | None = None) -> bytes:
    """The summary, then NETaid's disclosure (from `sources`, or the shipped sources.yaml)."""
    pdf = _titled_pdf(paper, "My NET diary summary", f"Made with NETaid on {made_on:%d %B %Y}, from my own diary.")
    _heading(pdf, f"The last {data['weeks']} weeks")
    for line in summary_lines(data):
        _para(pdf, line)
    if not data["top_patterns"]:
        _para(pdf, f"No trigger pattern yet: a tag needs at least {data['min_times_for_a_pattern']} times.", size=11)
    pdf.ln(2)
    _para(pdf, CAVEAT, size=10)
    _para(pdf, DISCLAIMER, size=10, bold=True)
    disclosure_block(pdf, sources or shipped_sources())
    return bytes(pdf.output())
