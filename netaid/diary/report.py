"""The diary summary as a one- or two-page PDF for the care team (same look as the visit sheet)."""

from __future__ import annotations

from datetime import date

from netaid.content.models import SourcesFile
from netaid.diary.patterns import summary_lines
from netaid.outputs.disclosure import shipped_sources
from netaid.outputs.pdf import disclosure_block, heading, para, titled_pdf
from netaid.vocabulary import DISCLAIMER

CAVEAT = "Patterns, not proof: a symptom after a food does not show the food caused it."


def summary_pdf(data: dict[str, object], made_on: date, paper: str = "a4", sources: SourcesFile | None = None) -> bytes:
    """The summary, then NETaid's disclosure (from `sources`, or the shipped sources.yaml)."""
    pdf = titled_pdf(paper, "My NET diary summary", f"Made with NETaid on {made_on:%d %B %Y}, from my own diary.")
    heading(pdf, f"The last {data['weeks']} weeks")
    for line in summary_lines(data):
        para(pdf, line)
    if not data["top_patterns"]:
        para(pdf, f"No trigger pattern yet: a tag needs at least {data['min_times_for_a_pattern']} times.", size=11)
    pdf.ln(2)
    para(pdf, CAVEAT, size=10)
    para(pdf, DISCLAIMER, size=10, bold=True)
    disclosure_block(pdf, sources or shipped_sources())
    return bytes(pdf.output())
