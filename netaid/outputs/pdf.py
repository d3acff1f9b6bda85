"""Shared PDF building blocks (fpdf2): pages, headings, paragraphs and NETaid's disclosure.

DejaVu Sans (shipped in netaid/fonts) prints accents, curly quotes, Greek, Cyrillic and more.
"""

from __future__ import annotations

from fpdf import FPDF

from netaid.content.models import SourcesFile
from netaid.outputs.disclosure import HEADING, disclosure_lines
from netaid.paths import FONT_DIR

PAPERS = {"a4": "A4", "letter": "Letter"}


def new_pdf(paper: str) -> FPDF:
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of: {', '.join(PAPERS)} (got {paper!r})")
    pdf = FPDF(format=PAPERS[paper])
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_creator("NETaid")
    return pdf


def heading(pdf: FPDF, text: str, keep_with_next: float = 20, size: int = 15) -> None:
    """A section heading that never sits alone at the foot of a page: it moves to the next
    page with at least `keep_with_next` mm of what follows it."""
    line, space = size * 0.53, size * 0.2
    if pdf.will_page_break(space + line + keep_with_next):
        pdf.add_page()
    pdf.ln(space)
    pdf.set_font("DejaVu", "B", size)
    pdf.multi_cell(0, line, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 12)


def para(pdf: FPDF, text: str, size: float = 12, bold: bool = False, leading: float = 0.8) -> None:
    """A paragraph; `leading` is the room (mm) between lines beyond half the type size."""
    pdf.set_font("DejaVu", "B" if bold else "", size)
    pdf.multi_cell(0, size * 0.5 + leading, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 12)


def labelled(
    pdf: FPDF, pairs: list[tuple[str, str]], size: float = 11, together: bool = False, leading: float = 0.8
) -> None:
    """ "Label: text" with the label in bold, one pair a line, or `together` in one flowing
    paragraph (pairs apart by a wide space) where room is short."""
    height = size * 0.5 + leading
    pdf.set_font("DejaVu", "", size)
    lines = [f"**{_plain_marks(label)}:** {_plain_marks(text)}" for label, text in pairs]
    if together:
        lines = ["     ".join(line if line.endswith((".", "?", "!")) else f"{line}." for line in lines)]
    for line in lines:
        pdf.multi_cell(0, height, line, align="L", new_x="LMARGIN", new_y="NEXT", markdown=True)
    pdf.set_font("DejaVu", "", 12)


def _plain_marks(text: str) -> str:
    """Text that fpdf2's markdown prints as it is: a backslash before each style marker, and
    "[x](y)" kept from turning into a link (a backslash before "[" drops the bracket)."""
    text = text.replace("\\", "\\\\").replace("](", "] (")
    for marker in FPDF.MARKDOWN_MARKERS:
        text = text.replace(marker, "\\" + marker)
    return text


def tick_box_line(pdf: FPDF, text: str, size: float = 11, leading: float = 0.8) -> None:
    """A line with an empty box in front, to tick."""
    height = size * 0.5 + leading
    x, y = pdf.get_x(), pdf.get_y()
    box = size * 0.36
    pdf.rect(x, y + (height - box) / 2, box, box)
    pdf.set_x(x + box + 3)
    pdf.set_font("DejaVu", "", size)
    pdf.multi_cell(0, height, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(0.3)
    pdf.set_font("DejaVu", "", 12)


def disclosure_block(pdf: FPDF, sources: SourcesFile, size: float = 8.5) -> None:
    """NETaid's version, dates, makers, funding, conflicts and evidence method, in small type,
    kept together on one page (about 45 mm)."""
    if pdf.auto_page_break and pdf.will_page_break(48):
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font("DejaVu", "B", size + 1)
    pdf.multi_cell(0, size * 0.5 + 0.6, HEADING, align="L", new_x="LMARGIN", new_y="NEXT")
    for label, text in disclosure_lines(sources):
        pdf.set_font("DejaVu", "B", size)
        pdf.write(size * 0.45 + 0.5, f"{label}: ")
        pdf.set_font("DejaVu", "", size)
        pdf.write(size * 0.45 + 0.5, text)
        pdf.ln(size * 0.45 + 0.9)
    pdf.set_font("DejaVu", "", 12)


def titled_pdf(paper: str, title: str, subtitle: str) -> FPDF:
    """A new document whose first page starts with its title in large type and one line under it."""
    pdf = new_pdf(paper)
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 22)
    pdf.cell(0, 12, title, new_x="LMARGIN", new_y="NEXT")
    para(pdf, subtitle, size=11)
    return pdf
