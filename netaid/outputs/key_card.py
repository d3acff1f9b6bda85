"""The private key on paper: a small PDF card and a text file, made in memory, never stored."""

from __future__ import annotations

from datetime import date

from fpdf import FPDF

from netaid.content.models import SourcesFile
from netaid.learner_key import format_key
from netaid.outputs.disclosure import HEADING, disclosure_lines, shipped_sources
from netaid.paths import FONT_DIR

CARD_W, CARD_H = 85.6, 54.0  # bank-card size, in mm

KEEP_IT = (
    "This key opens your NETaid quiz progress on any device. Keep it private, like a password. "
    "NETaid cannot show it again or reset it: without it, saved progress cannot be opened."
)


def key_text(key: str, made_on: date) -> str:
    """The key as a small text file."""
    return f"NETaid private key\n{format_key(key)}\n\nMade on {made_on.isoformat()}.\n{KEEP_IT}\n"


def key_card_pdf(key: str, made_on: date, sources: SourcesFile | None = None) -> bytes:
    """A bank-card-sized card with the key in large, clear type, on an A4 page to cut out,
    with NETaid's disclosure below it (from `sources`, or the shipped sources.yaml)."""
    grouped = format_key(key)
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_creator("NETaid")
    pdf.set_title("NETaid private key")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    x, y = 18.0, 20.0
    pdf.set_draw_color(120, 120, 120)
    pdf.set_dash_pattern(dash=2, gap=1.5)
    pdf.rect(x, y, CARD_W, CARD_H)
    pdf.set_dash_pattern()
    pdf.set_xy(x + 4, y + 4)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(CARD_W - 8, 6, "NETaid private key")
    pdf.set_xy(x + 4, y + 13)
    pdf.set_font("DejaVu", "B", 12.5)
    groups = grouped.split("-")
    half = (len(groups) + 1) // 2
    for line in ("-".join(groups[:half]), "-".join(groups[half:])):
        pdf.cell(CARD_W - 8, 7, line, align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(x + 4, y + 30)
    pdf.set_font("DejaVu", "", 6.5)
    pdf.multi_cell(CARD_W - 8, 3.0, f"{KEEP_IT} Made on {made_on.isoformat()}.", align="L")
    pdf.set_xy(18, y + CARD_H + 8)
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(
        0,
        5,
        "Cut along the dashed line and keep the card somewhere safe. Case, spaces and dashes "
        "do not matter when you type the key.",
        align="L",
    )
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 9.5)
    pdf.multi_cell(0, 5, HEADING, align="L", new_x="LMARGIN", new_y="NEXT")
    for label, text in disclosure_lines(sources or shipped_sources()):
        pdf.set_font("DejaVu", "B", 8.5)
        pdf.write(4.3, f"{label}: ")
        pdf.set_font("DejaVu", "", 8.5)
        pdf.write(4.3, text)
        pdf.ln(5.2)
    return bytes(pdf.output())
