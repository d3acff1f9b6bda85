"""Printable PDFs made with fpdf2: the visit sheet and the carcinoid-crisis wallet card.

Everything is built in memory and returned as bytes: nothing a person types is stored.
DejaVu Sans (shipped in netaid/fonts) prints accents, curly quotes, Greek, Cyrillic and more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from fpdf import FPDF

from netaid.card_fonts import fallbacks_for, needs_shaping
from netaid.content import Library
from netaid.disclosure import HEADING, disclosure_lines, disclosure_text
from netaid.models import SourcesFile
from netaid.decision import (
    NONE_LISTED, SURE_QUESTIONS, benefit_words, named_side_effects, not_certain, side_effect_names, sure_help,
    trial_words,
)
from netaid.rules import ShownOption
from netaid.source_dates import review_phrase
from netaid.vocabulary import DISCLAIMER

FONT_DIR = Path(__file__).resolve().parent / "fonts"
PAPERS = {"a4": "A4", "letter": "Letter"}
CARD_W, CARD_H = 85.6, 54.0  # ISO/IEC 7810 ID-1, the size of a bank card, in mm
CARD_LIMITS = {"name": 60, "contact": 120, "medicines": 160}  # what fits on the card's back
CARD_VALUE_SIZES = (8.5, 7.5, 6.5, 6.0)  # the typed text shrinks to fit, down to 6 pt, or is refused


@dataclass
class VisitSheet:
    """What the person chose to bring; every field is optional."""

    situation: list[tuple[str, str]] = field(default_factory=list)  # (question, answer) in plain words
    option_ids: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)  # value -> how much it matters
    missed_topics: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    notes: str = ""
    made_on: date = field(default_factory=date.today)
    # The explorer's result for the situation, by option id: trial figures show only where they fit.
    shown: dict[str, ShownOption] = field(default_factory=dict)
    leaning: str | None = None  # the option id the person leans toward; "" = not sure yet; None = not said
    sure: dict[str, bool | None] = field(default_factory=dict)  # SURE test answers by question key
    diary: list[str] = field(default_factory=list)  # summary lines from the person's own diary


def _reviewed(reviewed: str) -> str:
    """ "Reviewed: 05/2022", or "No review date given"."""
    phrase = review_phrase(reviewed)
    return f"Reviewed: {phrase.removeprefix('reviewed ')}" if phrase.startswith("reviewed ") else phrase[:1].upper() + phrase[1:]


def _pdf(paper: str) -> FPDF:
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of: {', '.join(PAPERS)} (got {paper!r})")
    pdf = FPDF(format=PAPERS[paper])
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_creator("NETaid")
    return pdf


def _heading(pdf: FPDF, text: str, keep_with_next: float = 20) -> None:
    """A section heading that never sits alone at the foot of a page: it moves to the next
    page with at least `keep_with_next` mm of what follows it."""
    if pdf.will_page_break(3 + 8 + keep_with_next):
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 12)


def _para(pdf: FPDF, text: str, size: int = 12, bold: bool = False) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", size)
    pdf.multi_cell(0, size * 0.5 + 0.8, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 12)


def _checkbox_question(pdf: FPDF, text: str) -> None:
    if pdf.will_page_break(24):
        pdf.add_page()
    x, y = pdf.get_x(), pdf.get_y()
    pdf.rect(x, y + 1, 4.5, 4.5)
    pdf.set_x(x + 8)
    pdf.multi_cell(0, 6.8, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(170, 170, 170)
    for _ in range(2):  # room to write the answer
        pdf.ln(6)
        pdf.line(x + 8, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.set_draw_color(0, 0, 0)
    pdf.ln(4)


def _footer(pdf: FPDF, lib: Library, source_ids: set[str]) -> None:
    _heading(pdf, "Where this comes from")
    for s in lib.sources.sources:
        if s.id in source_ids:
            _para(pdf, f"{s.short}: {s.title}. {_reviewed(s.reviewed)}.", size=10)
    pdf.ln(2)
    _para(pdf, DISCLAIMER, size=10, bold=True)
    disclosure_block(pdf, lib.sources)


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


def _titled_pdf(paper: str, title: str, subtitle: str) -> FPDF:
    """A new document whose first page starts with its title in large type and one line under it."""
    pdf = _pdf(paper)
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 22)
    pdf.cell(0, 12, title, new_x="LMARGIN", new_y="NEXT")
    _para(pdf, subtitle, size=11)
    return pdf


def visit_sheet_pdf(lib: Library, sheet: VisitSheet, paper: str = "a4") -> bytes:
    """The visit sheet as PDF bytes, in large readable type with room for answers."""
    pdf = _titled_pdf(paper, "My NET visit sheet",
                      f"Made with NETaid on {sheet.made_on:%d %B %Y}. Bring it to your next appointment.")
    used: set[str] = set()
    for section, lines in _sections(lib, sheet, used):
        _heading(pdf, section)
        for line in lines:
            _para(pdf, line)
    _heading(pdf, "My questions", keep_with_next=30)
    if sheet.questions:
        for question in sheet.questions:
            _checkbox_question(pdf, question)
    else:
        _para(pdf, "(No questions picked yet. Write yours here.)")
        for _ in range(4):
            _checkbox_question(pdf, "")
    if sheet.notes.strip():
        _heading(pdf, "My notes")
        _para(pdf, sheet.notes.strip())
    _footer(pdf, lib, used | {"cancernet"})
    return bytes(pdf.output())


def _sections(lib: Library, sheet: VisitSheet, used: set[str]) -> list[tuple[str, list[str]]]:
    """The text parts of the sheet, shared by the PDF and the plain-text version."""
    sections: list[tuple[str, list[str]]] = []
    if sheet.situation:
        sections.append(("My situation", [f"{q}: {a}" for q, a in sheet.situation]))
    if sheet.option_ids:
        names = side_effect_names(lib)
        options = {o.id: o for o in lib.options.options}
        lines = []
        for oid in sheet.option_ids:
            o = options[oid]
            used.update(o.sources)
            watch = [names[e] for e in named_side_effects([*o.side_effects.common, *o.side_effects.serious])]
            watch += [f"{names[e]} (can show up later)" for e in named_side_effects(list(o.side_effects.late))]
            shown = sheet.shown.get(oid)
            used.update(s for f in (shown.outcomes if shown else ()) for s in f.outcome.sources)
            lines.append(f"• {o.name}. {o.what_it_is}")
            lines.append(f"   Possible benefits: {benefit_words(o)}")
            lines.append(f"   What the trials found: {trial_words(lib, o, shown)}")
            lines.append(f"   Side effects to watch for: {', '.join(watch) if watch else NONE_LISTED.lower()}.")
            lines.append(f"   What is not certain: {not_certain(o, shown)}")
        sections.append(("Options I want to talk about", lines))
    if sheet.leaning is not None:
        names_by_id = {o.id: o.name for o in lib.options.options}
        lean = names_by_id.get(sheet.leaning) if sheet.leaning else None
        sections.append(("Which way I lean", [f"I lean toward: {lean}." if lean else "I am not sure yet."]))
    if any(v is not None for v in sheet.sure.values()):
        sure_lines = []
        for key, question in SURE_QUESTIONS:
            said = sheet.sure.get(key)
            sure_lines.append(f"{question} {'Yes' if said else 'No' if said is not None else 'Not answered'}.")
            if said is False:
                sure_lines.append(f"   What may help: {sure_help(key)}")
        sections.append(("How sure I feel (SURE test)", sure_lines))
    if sheet.values:
        sections.append(("What matters to me", [f"{v}: {how}" for v, how in sheet.values.items()]))
    if sheet.missed_topics:
        sections.append(("Quiz topics I found hard", [", ".join(sheet.missed_topics)]))
    if sheet.diary:
        sections.append(("From my diary", sheet.diary))
    return sections


def visit_sheet_text(lib: Library, sheet: VisitSheet) -> str:
    """The same sheet as plain text."""
    used: set[str] = set()
    out = ["MY NET VISIT SHEET", f"Made with NETaid on {sheet.made_on:%d %B %Y}.", ""]
    for section, lines in _sections(lib, sheet, used):
        out += [section.upper(), *lines, ""]
    out += ["MY QUESTIONS", *(f"[ ] {q}\n    Answer: ______________________" for q in sheet.questions), ""]
    if sheet.notes.strip():
        out += ["MY NOTES", sheet.notes.strip(), ""]
    out.append("WHERE THIS COMES FROM")
    out += [f"{s.short}: {s.title}. {_reviewed(s.reviewed)}." for s in lib.sources.sources if s.id in used | {"cancernet"}]
    out += ["", DISCLAIMER, "", HEADING.upper(), disclosure_text(lib.sources)]
    return "\n".join(out) + "\n"


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
        lines = pdf.multi_cell(CARD_W - 6, size * 0.47, value or "________________________", align="L",
                               new_x="LEFT", new_y="NEXT", dry_run=dry_run, output="LINES")
    finally:
        if shaping:
            pdf.set_text_shaping(False)
    return len(lines) * size * 0.47


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
    typed = f"{name}{contact}{medicines}"
    fallbacks = fallbacks_for(typed)  # UnprintableText (a ValueError) says what cannot print
    shaping = needs_shaping(typed)
    card = lib.cautions.crisis_card
    pdf = _pdf(paper)
    for font in fallbacks:
        pdf.add_font(font.family, "", str(font.path), collection_font_number=font.collection)
    if fallbacks:
        pdf.set_fallback_fonts([font.family for font in fallbacks], exact_match=False)
    pdf.set_title("Carcinoid crisis card")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.cell(0, 9, "Carcinoid crisis wallet card", new_x="LMARGIN", new_y="NEXT")
    _para(pdf, "Cut along the dashed lines, fold in the middle, and keep it with your ID.", size=11)
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
    _para(pdf, DISCLAIMER, size=10, bold=True)
    disclosure_block(pdf, lib.sources)
    return bytes(pdf.output())
