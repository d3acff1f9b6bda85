"""The carcinoid-crisis wallet card: front and back at bank-card size on one page, to cut out.

Built in memory and returned as bytes: the name, contact and medicines typed are not stored.
"""

from __future__ import annotations

from fpdf import FPDF

from netaid.content.library import Library
from netaid.content.source_dates import review_phrase
from netaid.outputs.card_fonts import add_fallbacks
from netaid.outputs.pdf import disclosure_block, new_pdf, para
from netaid.vocabulary import DISCLAIMER

CARD_W, CARD_H = 85.6, 54.0  # ISO/IEC 7810 ID-1, the size of a bank card, in mm
CARD_LIMITS = {"name": 60, "contact": 120, "medicines": 160}  # what fits on the card's back
CARD_VALUE_SIZES = (8.5, 7.5, 6.5, 6.0)  # the typed text shrinks to fit, down to 6 pt, or is refused


def _card_box(pdf: FPDF, x: float, y: float, label: str) -> None:
    pdf.set_draw_color(120, 120, 120)
    pdf.set_dash_pattern(dash=2, gap=1.5)
    pdf.rect(x, y, CARD_W, CARD_H)
    pdf.set_dash_pattern()
    pdf.set_font("DejaVu", "", 8)
    pdf.set_xy(x, y - 4.5)
    pdf.cell(CARD_W, 4, label)


def _typed_cell(pdf: FPDF, value: str, size: float, shaping: bool, dry_run: bool = False) -> float:
    """What the person typed, shaped (joined letters, right to left) when its script needs it."""
    pdf.set_font("DejaVu", "", size)
    if shaping:
        pdf.set_text_shaping(True)
    try:
        lines = pdf.multi_cell(
            CARD_W - 6,
            size * 0.47,
            value or "________________________",
            align="L",
            new_x="LEFT",
            new_y="NEXT",
            dry_run=dry_run,
            output="LINES",
        )
    finally:
        if shaping:
            pdf.set_text_shaping(False)
    return len(lines) * size * 0.47  # type: ignore[arg-type]  # output="LINES" gives a list


def _fitting_size(pdf: FPDF, fields: tuple[tuple[str, str], ...], room: float, shaping: bool) -> float:
    """The largest type size at which the typed fields fit above the card's source line."""
    for size in CARD_VALUE_SIZES:
        height = sum(3.6 + _typed_cell(pdf, value, size, shaping, dry_run=True) + 1.2 for _, value in fields)
        if height <= room:
            return size
    raise ValueError("the name, contact and medicines together are too long for the card; please shorten them")


def crisis_card_pdf(lib: Library, name: str, contact: str, medicines: str = "", paper: str = "a4") -> bytes:
    """A page with the wallet card's front and back at bank-card size, to cut out and fold."""
    for what, value in (("name", name), ("contact", contact), ("medicines", medicines)):
        if len(value) > CARD_LIMITS[what]:
            raise ValueError(f"{what} is {len(value)} characters; the card has room for {CARD_LIMITS[what]}")
    card = lib.cautions.crisis_card
    pdf = new_pdf(paper)
    shaping = add_fallbacks(pdf, f"{name}{contact}{medicines}")  # UnprintableText says what cannot print
    pdf.set_title("Carcinoid crisis card")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.cell(0, 9, "Carcinoid crisis wallet card", new_x="LMARGIN", new_y="NEXT")
    para(pdf, "Cut along the dashed lines, fold in the middle, and keep it with your ID.", size=11)
    x, y = pdf.l_margin, 42.0
    _card_box(pdf, x, y, "Front")
    _card_box(pdf, x + CARD_W, y, "Back (fold here)")
    pdf.set_fill_color(179, 38, 30)
    pdf.rect(x, y, CARD_W, 9, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("DejaVu", "B", 9)
    pdf.set_xy(x + 2, y + 1.4)
    pdf.cell(CARD_W - 4, 6, "MEDICAL ALERT: CARCINOID SYNDROME", align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(x + 3, y + 11)
    pdf.set_font("DejaVu", "B", 8.5)
    pdf.multi_cell(CARD_W - 6, 4, card.heading, align="L", new_x="LEFT", new_y="NEXT")
    pdf.set_font("DejaVu", "", 7.5)
    pdf.multi_cell(CARD_W - 6, 3.5, f"{card.warning} {card.team_note}", align="L", new_x="LEFT", new_y="NEXT")
    bx = x + CARD_W + 3
    fields = (("Name", name), ("My NET team", contact), ("My medicines", medicines))
    source_top = y + CARD_H - 7
    size = _fitting_size(pdf, fields, source_top - (y + 3) - 1, shaping)
    pdf.set_xy(bx, y + 3)
    for label, value in fields:
        pdf.set_font("DejaVu", "B", 7.5)
        pdf.multi_cell(CARD_W - 6, 3.6, label, align="L", new_x="LEFT", new_y="NEXT")
        _typed_cell(pdf, value, size, shaping)
        pdf.set_xy(bx, pdf.get_y() + 1.2)
    if pdf.get_y() - 1.2 > source_top + 0.01:  # _fitting_size measured it; this only guards that promise
        raise ValueError("the name, contact and medicines together are too long for the card; please shorten them")
    source = "; ".join(f"{s.short} ({review_phrase(s.reviewed)})" for s in lib.sources.sources if s.id in card.sources)
    pdf.set_font("DejaVu", "", 6)
    pdf.set_xy(bx, y + CARD_H - 7)
    pdf.multi_cell(CARD_W - 6, 2.8, f"Source: {source}. Made with NETaid.", align="L", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(pdf.l_margin, y + CARD_H + 8)
    para(pdf, DISCLAIMER, size=10, bold=True)
    disclosure_block(pdf, lib.sources)
    return bytes(pdf.output())
