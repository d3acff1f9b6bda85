"""The visit sheet: what a person chose to bring to the care team, as PDF or plain text.

The first page holds what matters most in a visit: the situation, the options to talk about
(one line each), what matters to the person, which way they lean and their questions. The
detail (each option in full, the SURE test, room to write the answers, sources) follows it.
Everything is built in memory and returned as bytes: nothing a person types is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fpdf import FPDF

from netaid.content.library import Library
from netaid.content.source_dates import review_phrase
from netaid.explorer.compare import (
    NONE_LISTED,
    benefit_words,
    named_side_effects,
    not_certain,
    side_effect_names,
    trial_words,
)
from netaid.explorer.rules import ShownOption
from netaid.explorer.values import SURE_QUESTIONS, sure_help
from netaid.outputs.card_fonts import add_fallbacks
from netaid.outputs.disclosure import HEADING, disclosure_text
from netaid.outputs.pdf import disclosure_block, heading, labelled, para, tick_box_line, titled_pdf
from netaid.vocabulary import DISCLAIMER


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

    def typed(self) -> str:
        """Everything on the sheet that the person wrote themselves, in any script."""
        return "\n".join([self.notes, *self.questions, *self.diary])


def _reviewed(reviewed: str) -> str:
    """ "Reviewed: 05/2022", or "No review date given"."""
    phrase = review_phrase(reviewed)
    return (
        f"Reviewed: {phrase.removeprefix('reviewed ')}"
        if phrase.startswith("reviewed ")
        else phrase[:1].upper() + phrase[1:]
    )


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
    heading(pdf, "Where this comes from")
    for s in lib.sources.sources:
        if s.id in source_ids:
            para(pdf, f"{s.short}: {s.title}. {_reviewed(s.reviewed)}.", size=10)
    pdf.ln(2)
    para(pdf, DISCLAIMER, size=10, bold=True)
    disclosure_block(pdf, lib.sources)


# The first page's parts, in the order both formats print them.
SITUATION, OPTIONS, VALUES_HEADING, LEAN, QUESTIONS = (
    "My situation",
    "Options I want to talk about",
    "What matters to me",
    "Which way I lean",
    "My questions",
)
# Type size (pt) and line spacing (mm) of the first page (the detail uses the same size): every
# part of a full sheet fits on one page of A4 or Letter, with room to spare for longer answers.
FIRST_PAGE, FIRST_PAGE_LEADING = 11, 0.4
MORE_DETAIL = "Not medical advice. More detail and the sources follow."


def visit_sheet_pdf(lib: Library, sheet: VisitSheet, paper: str = "a4") -> bytes:
    """The visit sheet as PDF bytes: what matters most on page 1, then the detail, in large
    readable type with room for answers (on page 1 too when they fit there)."""
    room_on_first_page = _fits_on_one_page(_started(paper, sheet), lib, sheet)
    pdf = _started(paper, sheet)
    _first_page(pdf, lib, sheet, room_on_first_page)
    used: set[str] = set()
    for section, lines in _detail_sections(lib, sheet, used):
        heading(pdf, section)
        for line in lines:
            para(pdf, line, size=FIRST_PAGE)
    if not room_on_first_page:
        _questions_with_room(pdf, sheet, "My questions, with room for the answers")
    if sheet.notes.strip():
        heading(pdf, "My notes")
        para(pdf, sheet.notes.strip())
    _footer(pdf, lib, used | {"cancernet"})
    return bytes(pdf.output())


def _started(paper: str, sheet: VisitSheet) -> FPDF:
    """A new sheet with its title, and the fonts for any script the person wrote in (Noto
    fallbacks, as on the crisis card); raises UnprintableText naming what it cannot print."""
    pdf = titled_pdf(
        paper, "My NET visit sheet", f"Made with NETaid on {sheet.made_on:%d %B %Y}. Bring it to your next appointment."
    )
    # Shaping joins and orders Arabic, Indic and Thai letters; it stays off for English-only sheets.
    pdf.set_text_shaping(add_fallbacks(pdf, sheet.typed()))
    return pdf


def _fits_on_one_page(trial: FPDF, lib: Library, sheet: VisitSheet) -> bool:
    """Whether the first page still fits with room to write under each question (a short
    sheet), laid out on a throwaway document."""
    _first_page(trial, lib, sheet, room_for_answers=True)
    return bool(trial.page == 1)


def _questions_with_room(pdf: FPDF, sheet: VisitSheet, title: str) -> None:
    heading(pdf, title if sheet.questions else QUESTIONS, keep_with_next=30)
    if sheet.questions:
        for question in sheet.questions:
            _checkbox_question(pdf, question)
    else:
        para(pdf, "(No questions picked yet. Write yours here.)")
        for _ in range(4):
            _checkbox_question(pdf, "")


def _first_page(pdf: FPDF, lib: Library, sheet: VisitSheet, room_for_answers: bool) -> None:
    """The summary a clinician can read at a glance; what matters flows in one paragraph to
    save lines. Questions get room for the answers here only when it fits on the page."""
    size, leading = FIRST_PAGE, FIRST_PAGE_LEADING
    if sheet.situation:
        heading(pdf, SITUATION, size=13, keep_with_next=7)
        labelled(pdf, sheet.situation, size, leading=leading)
    if sheet.option_ids:
        heading(pdf, OPTIONS, size=13, keep_with_next=7)
        labelled(pdf, _option_lines(lib, sheet), size, leading=leading)
    if sheet.values:
        heading(pdf, VALUES_HEADING, size=13, keep_with_next=7)
        labelled(pdf, list(sheet.values.items()), size, together=True, leading=leading)
    if sheet.leaning is not None:
        heading(pdf, LEAN, size=13, keep_with_next=7)
        para(pdf, _lean_words(lib, sheet), size=size, leading=leading)
    if room_for_answers:
        _questions_with_room(pdf, sheet, QUESTIONS)
    elif sheet.questions:
        heading(pdf, QUESTIONS, size=13, keep_with_next=7)
        for question in sheet.questions:
            tick_box_line(pdf, question, size, leading)
    pdf.ln(1)
    para(pdf, MORE_DETAIL, size=9)


def _one_line(text: str, enough: int = 60) -> str:
    """The first sentences of a text, up to about `enough` letters: "A targeted drug." alone
    says too little, so a short first sentence takes the next one with it."""
    out = ""
    for sentence in text.replace(". ", ".\n").splitlines():
        out = f"{out} {sentence}".strip()
        if len(out) >= enough:
            break
    return out


def _option_lines(lib: Library, sheet: VisitSheet) -> list[tuple[str, str]]:
    return [(lib.option_names[oid], _one_line(lib.option(oid).what_it_is)) for oid in sheet.option_ids]


def _lean_words(lib: Library, sheet: VisitSheet) -> str:
    lean = lib.option_names.get(sheet.leaning) if sheet.leaning else None
    return f"I lean toward: {lean}." if lean else "I am not sure yet."


def _detail_sections(lib: Library, sheet: VisitSheet, used: set[str]) -> list[tuple[str, list[str]]]:
    """The parts after the first page, shared by the PDF and the plain-text version."""
    sections: list[tuple[str, list[str]]] = []
    if sheet.option_ids:
        names = side_effect_names(lib)
        lines = []
        for oid in sheet.option_ids:
            o = lib.option(oid)
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
        sections.append(("The options in more detail", lines))
    if any(v is not None for v in sheet.sure.values()):
        sure_lines = []
        for key, question in SURE_QUESTIONS:
            said = sheet.sure.get(key)
            sure_lines.append(f"{question} {'Yes' if said else 'No' if said is not None else 'Not answered'}.")
            if said is False:
                sure_lines.append(f"   What may help: {sure_help(key)}")
        sections.append(("How sure I feel (SURE test)", sure_lines))
    if sheet.missed_topics:
        sections.append(("Quiz topics I found hard", [", ".join(sheet.missed_topics)]))
    if sheet.diary:
        sections.append(("From my diary", sheet.diary))
    return sections


def _first_page_text(lib: Library, sheet: VisitSheet) -> list[str]:
    """The first page's parts as plain text, in the PDF's order; questions with room to answer."""
    out: list[str] = []
    if sheet.situation:
        out += [SITUATION.upper(), *(f"{q}: {a}" for q, a in sheet.situation), ""]
    if sheet.option_ids:
        out += [OPTIONS.upper(), *(f"• {name}: {line}" for name, line in _option_lines(lib, sheet)), ""]
    if sheet.values:
        out += [VALUES_HEADING.upper(), *(f"{v}: {how}" for v, how in sheet.values.items()), ""]
    if sheet.leaning is not None:
        out += [LEAN.upper(), _lean_words(lib, sheet), ""]
    out += [QUESTIONS.upper(), *(f"[ ] {q}\n    Answer: ______________________" for q in sheet.questions), ""]
    return out


def visit_sheet_text(lib: Library, sheet: VisitSheet) -> str:
    """The same sheet as plain text, in the same order."""
    used: set[str] = set()
    out = ["MY NET VISIT SHEET", f"Made with NETaid on {sheet.made_on:%d %B %Y}.", ""]
    out += _first_page_text(lib, sheet)
    for section, lines in _detail_sections(lib, sheet, used):
        out += [section.upper(), *lines, ""]
    if sheet.notes.strip():
        out += ["MY NOTES", sheet.notes.strip(), ""]
    out.append("WHERE THIS COMES FROM")
    out += [
        f"{s.short}: {s.title}. {_reviewed(s.reviewed)}." for s in lib.sources.sources if s.id in used | {"cancernet"}
    ]
    out += ["", DISCLAIMER, "", HEADING.upper(), disclosure_text(lib.sources)]
    return "\n".join(out) + "\n"
