"""Visit sheet and crisis card PDFs: content, wrapping, Unicode, paper sizes, CLI."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from pypdf import PdfReader

from netaid.outputs.crisis_card import crisis_card_pdf
from netaid.outputs.visit_sheet import VisitSheet, visit_sheet_pdf, visit_sheet_text
from testkit.pdfs import squash, text_of
from tests.conftest import run_cli

MM_PER_PT = 25.4 / 72


@pytest.fixture
def sheet():
    return VisitSheet(
        situation=[("Where it started", "Pancreas"), ("How far it has spread", "Spread to other parts of the body")],
        option_ids=["sunitinib", "prrt"],
        values={"Avoiding an operation": "very important"},
        missed_topics=["Carcinoid syndrome triggers"],
        questions=["What is my grade?", "Can I keep working?"],
        notes="Bring the CT disc.",
        made_on=date(2026, 11, 21),
    )


def test_visit_sheet_holds_everything_chosen(lib, sheet):
    text = squash(text_of(visit_sheet_pdf(lib, sheet)))
    for expected in (
        "My NET visit sheet",
        "21 November 2026",
        "Pancreas",
        "Sunitinib",
        "What is my grade?",
        "Can I keep working?",
        "Bring the CT disc.",
        "Avoiding an operation: very important",
        "Carcinoid syndrome triggers",
        "Reviewed: 05/2022",
        "It is not medical advice",
    ):
        assert expected in text, expected
    names = {e.id: e.name for e in lib.side_effects.side_effects}
    prrt = next(o for o in lib.options.options if o.id == "prrt")
    for effect in (*prrt.side_effects.common, *prrt.side_effects.serious):
        assert squash(names[effect]) in text


def test_a_very_long_note_wraps_onto_more_pages_without_losing_a_word(lib):
    words = [f"word{i}" for i in range(1500)]
    data = visit_sheet_pdf(lib, VisitSheet(notes=" ".join(words)))
    assert len(PdfReader(io.BytesIO(data)).pages) >= 2
    text = squash(text_of(data))
    assert all(w in text.split() for w in words)


def test_any_language_prints(lib):
    note = "Zoë’s “notes”: café, naïve — Привет, Ελληνικά, Łódź"
    text = text_of(visit_sheet_pdf(lib, VisitSheet(notes=note, questions=["¿Qué es el grado?"])))
    for part in ("Zoë’s", "“notes”", "café", "Привет", "Ελληνικά", "Łódź", "¿Qué es el grado?"):
        assert part in text


@pytest.mark.parametrize(("paper", "size_mm"), [("a4", (210, 297)), ("letter", (215.9, 279.4))])
def test_paper_sizes(lib, sheet, paper, size_mm):
    box = PdfReader(io.BytesIO(visit_sheet_pdf(lib, sheet, paper))).pages[0].mediabox
    assert float(box.width) * MM_PER_PT == pytest.approx(size_mm[0], abs=0.5)
    assert float(box.height) * MM_PER_PT == pytest.approx(size_mm[1], abs=0.5)


def test_typical_sheet_fits_on_one_or_two_pages(lib, sheet):
    assert len(PdfReader(io.BytesIO(visit_sheet_pdf(lib, sheet))).pages) <= 2


def test_plain_text_version(lib, sheet):
    text = visit_sheet_text(lib, sheet)
    assert "[ ] What is my grade?" in text and "Sunitinib" in text and "not medical advice" in text


def test_crisis_card(lib):
    text = squash(text_of(crisis_card_pdf(lib, "Zoë O’Brien", "Dr Müller, 555 0100", "Lanreotide")))
    for expected in (
        "carcinoid syndrome",
        "octreotide",
        "Zoë O’Brien",
        "Dr Müller, 555 0100",
        "Lanreotide",
        "Source: Cancer.Net",
        "crisis",
    ):
        assert expected.lower() in text.lower(), expected


def test_crisis_card_refuses_text_that_does_not_fit(lib):
    with pytest.raises(ValueError, match="name is 61 characters; the card has room for 60"):
        crisis_card_pdf(lib, "x" * 61, "team")


def test_cli_visit_sheet(tmp_path):
    profile, questions, out = tmp_path / "p.json", tmp_path / "q.txt", tmp_path / "sheet.pdf"
    profile.write_text(json.dumps({"site": "pancreas", "extent": "metastatic"}))
    questions.write_text("What is my grade?\n\nCan I travel?\n")
    result = run_cli(
        "visit-sheet",
        "--profile",
        str(profile),
        "--options",
        "sunitinib,prrt",
        "--questions",
        str(questions),
        "--notes",
        "Bring scans",
        "--paper",
        "letter",
        "-o",
        str(out),
    )
    assert result.code == 0, result.err
    text = squash(text_of(out.read_bytes()))
    assert "Pancreas" in text and "Can I travel?" in text and "Bring scans" in text and "Sunitinib" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["visit-sheet", "--options", "magic", "-o", "x.pdf"], "unknown option 'magic'; options: active_surveillance"),
        (["visit-sheet", "--paper", "a3", "-o", "x.pdf"], "invalid choice: 'a3'"),
        (["visit-sheet"], "the following arguments are required: -o/--output"),
        (["visit-sheet", "--questions", "/no/such/file", "-o", "x.pdf"], "cannot read /no/such/file"),
        (["crisis-card", "--name", "Ann", "-o", "c.pdf"], "the following arguments are required: --contact"),
        (["crisis-card", "--name", "A" * 70, "--contact", "x", "-o", "c.pdf"], "name is 70 characters"),
    ],
)
def test_cli_bad_arguments_exit_2(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    result = run_cli(*argv, capsys=capsys)
    assert result.code == 2 and message in result.err


def test_cli_crisis_card(tmp_path):
    out = tmp_path / "card.pdf"
    assert run_cli("crisis-card", "--name", "Ann", "--contact", "Dr X", "-o", str(out)).code == 0
    assert "Ann" in text_of(out.read_bytes())


def test_pdf_keeps_late_side_effects_and_never_strands_a_heading(lib):
    from netaid.explorer.compare import named_side_effects, side_effect_names

    names = side_effect_names(lib)
    with_late = [o for o in lib.options.options if named_side_effects(list(o.side_effects.late))]
    assert with_late
    for filler in range(0, 12):
        sheet = VisitSheet(
            option_ids=[o.id for o in with_late],
            questions=["What next?"],
            situation=[("Line", "x")] * filler,
            made_on=date(2026, 11, 21),
        )
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(visit_sheet_pdf(lib, sheet))).pages]
        text = squash("\n".join(pages))
        for o in with_late:
            for e in named_side_effects(list(o.side_effects.late)):
                assert squash(f"{names[e]} (can show up later)") in text
        assert "(late effect) (can show up later)" not in text
        for page in pages[:-1]:
            assert page.strip().splitlines()[-1].strip() not in ("My questions", "Options I want to talk about")
