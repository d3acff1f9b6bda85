"""The diary summary as a one- or two-page PDF for the care team (same look as the visit sheet)."""

from __future__ import annotations

from datetime import date

from netaid.diary.patterns import summary_lines
from netaid.handout import _heading, _para, _pdf
from netaid.vocabulary import DISCLAIMER

CAVEAT = "Patterns, not proof: a symptom after a food does not show the food caused it."


def summary_pdf(data: dict[str, object], made_on: date, paper: str = "a4") -> bytes:
    pdf = _pdf(paper)
    pdf.set_title("My NET diary summary")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 22)
    pdf.cell(0, 12, "My NET diary summary", new_x="LMARGIN", new_y="NEXT")
    _para(pdf, f"Made with NETaid on {made_on:%d %B %Y}, from my own diary.", size=11)
    _heading(pdf, f"The last {data['weeks']} weeks")
    for line in summary_lines(data):
        _para(pdf, line)
    if not data["top_patterns"]:
        _para(pdf, f"No trigger pattern yet: a tag needs at least {data['min_times_for_a_pattern']} times.", size=11)
    pdf.ln(2)
    _para(pdf, CAVEAT, size=10)
    _para(pdf, DISCLAIMER, size=10, bold=True)
    return bytes(pdf.output())
