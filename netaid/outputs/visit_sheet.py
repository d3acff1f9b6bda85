"""The visit sheet: what a person chose to bring to the care team, as PDF or plain text.

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
from netaid.outputs.disclosure import HEADING, disclosure_text
from netaid.outputs.pdf import disclosure_block, heading, para, titled_pdf
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


def visit_sheet_pdf(lib: Library, sheet: VisitSheet, paper: str = "a4") -> bytes:
    """The visit sheet as PDF bytes, in large readable type with room for answers."""
    pdf = titled_pdf(
        paper, "My NET visit sheet", f"Made with NETaid on {sheet.made_on:%d %B %Y}. Bring it to your next appointment."
    )
    used: set[str] = set()
    for section, lines in _sections(lib, sheet, used):
        heading(pdf, section)
        for line in lines:
            para(pdf, line)
    heading(pdf, "My questions", keep_with_next=30)
    if sheet.questions:
        for question in sheet.questions:
            _checkbox_question(pdf, question)
    else:
        para(pdf, "(No questions picked yet. Write yours here.)")
        for _ in range(4):
            _checkbox_question(pdf, "")
    if sheet.notes.strip():
        heading(pdf, "My notes")
        para(pdf, sheet.notes.strip())
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
        lean = lib.option_names.get(sheet.leaning) if sheet.leaning else None
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
    out += [
        f"{s.short}: {s.title}. {_reviewed(s.reviewed)}." for s in lib.sources.sources if s.id in used | {"cancernet"}
    ]
    out += ["", DISCLAIMER, "", HEADING.upper(), disclosure_text(lib.sources)]
    return "\n".join(out) + "\n"
