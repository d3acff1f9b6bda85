"""The visit sheet's first page holds what matters most in a visit, on A4 and on Letter, for a
typical full sheet; the detail follows on later pages; the text version keeps the same order."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from netaid.explorer.rules import Explorer
from netaid.explorer.values import SURE_QUESTIONS, VALUES
from netaid.explorer.wording import describe_profile
from netaid.outputs.charts import IMPORTANCE
from netaid.outputs.visit_sheet import MORE_DETAIL, VisitSheet, visit_sheet_pdf, visit_sheet_text
from testkit.pdfs import squash
from testkit.profiles import ADVANCED_PNET

PAPERS = {"a4": (210, 297), "letter": (215.9, 279.4)}


@pytest.fixture(scope="module")
def full_sheet(lib) -> VisitSheet:
    """The advanced profile with 3 kept options, every value answered, a leaning, the SURE test
    and 8 questions: a sheet as full as people make it."""
    shown = {o.id: o for o in Explorer(lib).explore(ADVANCED_PNET).options}
    kept = list(shown)[:3]
    return VisitSheet(
        situation=describe_profile(ADVANCED_PNET, lib),
        option_ids=kept,
        values={v.label: IMPORTANCE[i % len(IMPORTANCE)] for i, v in enumerate(VALUES)},
        missed_topics=["Carcinoid syndrome"],
        questions=[q for group in lib.questions.groups for q in group.questions][:8],
        notes="Bring the CT disc.",
        made_on=date(2026, 11, 21),
        shown=shown,
        leaning=kept[1],
        sure={key: i % 2 == 0 for i, (key, _) in enumerate(SURE_QUESTIONS)},
    )


def _pages(data: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("paper", list(PAPERS))
def test_first_page_holds_what_matters_most(lib, full_sheet, paper):
    pages = _pages(visit_sheet_pdf(lib, full_sheet, paper))
    first = pages[0]
    assert len(full_sheet.situation) >= 6 and len(full_sheet.option_ids) == 3 and len(full_sheet.questions) == 8
    for question, answer in full_sheet.situation:
        assert f"{question}: {answer}" in first, question
    for oid in full_sheet.option_ids:
        name = lib.option_names[oid]
        assert f"{name}: " in first, f"{name} with its one line"
    for value, how in full_sheet.values.items():
        assert f"{value}: {how}" in first, value
    assert f"I lean toward: {lib.option_names[full_sheet.leaning]}." in first
    for question in full_sheet.questions:
        assert squash(question) in first, question
    assert MORE_DETAIL in first, "the whole summary, to its last line, is on page 1"
    assert "Possible benefits:" not in first, "the detail waits for the later pages"
    rest = " ".join(pages[1:])
    later = ("The options in more detail", "Possible benefits:", "with room for the answers", "Where this comes from")
    for part in later:
        assert part in rest, part


def test_each_option_gets_one_short_line_that_says_enough(lib, full_sheet):
    first = _pages(visit_sheet_pdf(lib, full_sheet))[0]
    # Everolimus's first sentence ("A targeted drug.") says too little on its own.
    assert "Everolimus (Afinitor): A targeted drug. It blocks mTOR" in first
    assert lib.option("everolimus").what_it_is.split(". ")[-1] not in first


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
@pytest.mark.parametrize("paper", list(PAPERS))
def test_first_page_renders_as_a_page_of_that_paper(lib, full_sheet, paper, tmp_path: Path):
    pdf = tmp_path / f"sheet-{paper}.pdf"
    pdf.write_bytes(visit_sheet_pdf(lib, full_sheet, paper))
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / paper)], check=True)
    (png,) = tmp_path.glob(f"{paper}*.png")
    with Image.open(png) as image:
        width, height = image.size
        assert height / width == pytest.approx(PAPERS[paper][1] / PAPERS[paper][0], rel=0.02)
        ink = image.convert("L").point(lambda v: v < 128).getbbox()
    assert ink and ink[3] > height * 0.7, "page 1 is filled well down the page, not blank"


HEADINGS = (
    "My situation",
    "Options I want to talk about",
    "What matters to me",
    "Which way I lean",
    "My questions",
    "The options in more detail",
    "How sure I feel (SURE test)",
    "Quiz topics I found hard",
    "My notes",
    "Where this comes from",
)


def test_text_version_keeps_the_pdfs_order(lib, full_sheet):
    text = visit_sheet_text(lib, full_sheet)
    at = [text.index(f"\n{h.upper()}\n") for h in HEADINGS]
    assert at == sorted(at), "the text version follows the PDF's order"
    pdf = " ".join(_pages(visit_sheet_pdf(lib, full_sheet)))
    at_pdf = [pdf.index(h) for h in HEADINGS]
    assert at_pdf == sorted(at_pdf)
    for question in full_sheet.questions:
        assert f"[ ] {question}\n    Answer: " in text


def test_style_marks_in_a_value_print_as_typed(lib):
    sheet = VisitSheet(values={"My **own** __value__ [x](y)": "very important"})
    text = _pages(visit_sheet_pdf(lib, sheet))[0]
    assert "My **own** __value__ [x] (y): very important" in text


def test_a_short_sheet_gives_room_for_the_answers_on_page_1_and_asks_each_question_once(lib):
    sheet = VisitSheet(option_ids=["prrt"], questions=["What is my grade?", "Can I keep working?"])
    pages = _pages(visit_sheet_pdf(lib, sheet))
    whole = " ".join(pages)
    assert "What is my grade?" in pages[0] and "with room for the answers" not in whole
    assert whole.count("What is my grade?") == 1 and whole.count("Can I keep working?") == 1


def test_a_full_sheet_lists_its_questions_on_page_1_and_gives_room_later(lib, full_sheet):
    pages = _pages(visit_sheet_pdf(lib, full_sheet))
    later = " ".join(pages[1:])
    assert "My questions, with room for the answers" in later
    assert all(squash(q) in pages[0] and squash(q) in later for q in full_sheet.questions)
