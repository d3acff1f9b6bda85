"""The crisis card and the visit sheet print what people type in many scripts (or refuse plainly),
shape right-to-left text, and never let what was typed overprint the card's source line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from netaid.outputs import card_fonts
from netaid.outputs.card_fonts import FALLBACKS, UnprintableText, fallbacks_for, needs_shaping
from netaid.outputs.crisis_card import CARD_LIMITS, crisis_card_pdf

NAMES = {
    "Chinese": "李小龍",
    "Korean": "김민수",
    "Japanese": "さくら",
    "Thai": "สมชาย",
    "Hindi": "अनीता",
    "Arabic": "فاطمة",
    "Hebrew": "רבקה",
    "Bengali": "রহিম",
    "Tamil": "முருகன்",
    "Greek": "Ελένη",
    "Russian": "Анна",
}
FONTS_INSTALLED = all(f.available() for f in FALLBACKS)
needs_fonts = pytest.mark.skipif(
    not FONTS_INSTALLED,
    reason="Debian's fonts-noto-core and fonts-noto-cjk are not "
    "installed (scripts/test.sh installs them where apt-get works)",
)


def runs(pdf: bytes) -> list[tuple[float, float, str]]:
    """(x, y, text) of every text run on the page, in PDF points (y grows upwards)."""
    out: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            out.append((tm[4], tm[5], text.replace("\x00", "")))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return out


def fonts_in(pdf: bytes) -> str:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return " ".join(str(f["/BaseFont"]) for f in page["/Resources"]["/Font"].values())


@needs_fonts
@pytest.mark.parametrize("script", list(NAMES))
def test_a_name_in_a_common_script_prints(lib, script):
    pdf = crisis_card_pdf(lib, NAMES[script], "NET clinic 555 0100")
    text = "".join(t for _, _, t in runs(pdf)).replace(" ", "")
    if script not in ("Hindi", "Bengali", "Tamil"):  # Indic text comes back in shaped clusters
        assert NAMES[script].replace(" ", "") in text, f"{script} letters are in the PDF, not blanks"
    if script in ("Chinese", "Korean", "Japanese"):
        assert "NotoSansCJK" in fonts_in(pdf)


@needs_fonts
def test_right_to_left_text_is_shaped_and_not_reversed(lib):
    pdf = crisis_card_pdf(lib, "Ann Lee", "NET clinic", "أوكتريوتيد 20 ملغ (octreotide)")
    line = [(x, t) for x, _, t in runs(pdf) if "octreotide" in t or "أوكتريوتيد" in t]
    arabic_x = next(x for x, t in line if "أوكتريوتيد" in t)
    latin_x = next(x for x, t in line if "octreotide" in t)
    assert arabic_x > latin_x, "a right-to-left line starts on the right: the first Arabic word is rightmost"
    assert needs_shaping("أوكتريوتيد") and not needs_shaping("Ann Lee 李")


def test_a_missing_font_package_is_named_in_a_plain_refusal(lib, monkeypatch):
    missing = tuple(
        card_fonts.Fallback(f.family, Path("/nonexistent") / f.path.name, f.package, f.scripts, f.collection)
        for f in FALLBACKS
    )
    monkeypatch.setattr(card_fonts, "FALLBACKS", missing)
    with pytest.raises(UnprintableText) as err:
        crisis_card_pdf(lib, "李小龍", "clinic")
    assert "Chinese, Japanese, Korean needs the font package fonts-noto-cjk" in str(err.value)
    with pytest.raises(UnprintableText) as err:
        crisis_card_pdf(lib, "สมชาย", "clinic")
    assert "fonts-noto-core" in str(err.value)
    assert fallbacks_for("Ann Lee, Ελένη, Анна") == [], "DejaVu alone prints Latin, Greek and Cyrillic"


def test_characters_no_font_has_are_refused(lib):
    with pytest.raises(UnprintableText) as err:
        crisis_card_pdf(lib, "Ann \U0001f9a0", "clinic")
    assert "U+1F9A0" in str(err.value)


def _source_y(pdf: bytes) -> float:
    return next(y for _, y, t in runs(pdf) if t.startswith("Source:"))


def _typed_ys(pdf: bytes, typed: list[str]) -> list[float]:
    return [y for _, y, t in runs(pdf) if any(w and t.strip() in w for w in typed)]


@pytest.mark.parametrize(
    ("name", "contact", "medicines"),
    [
        (
            "Maria Fernanda Gonzalez-Rodriguez de la Cruz",
            "Dr. A. Example, NET clinic, City Hospital, 555 0100",
            "octreotide LAR 30 mg every 4 weeks; lanreotide 120 mg monthly; telotristat 250 mg three times a day",
        ),
        ("W" * CARD_LIMITS["name"], "m" * CARD_LIMITS["contact"], "x " * (CARD_LIMITS["medicines"] // 2)),
    ],
)
def test_long_realistic_text_shrinks_to_fit_above_the_source_line(lib, name, contact, medicines):
    pdf = crisis_card_pdf(lib, name, contact, medicines)
    source = _source_y(pdf)
    words = [name, contact, medicines]
    lowest = min(_typed_ys(pdf, words))
    assert lowest > source + 2, "the typed text stays above the source line (PDF y grows upwards)"


def test_text_that_cannot_fit_is_refused_not_overprinted(lib):
    too_much = "W" * CARD_LIMITS["medicines"]
    with pytest.raises(ValueError) as err:
        crisis_card_pdf(lib, "W" * CARD_LIMITS["name"], "W" * CARD_LIMITS["contact"], too_much)
    assert "too long for the card" in str(err.value)


def test_the_visit_sheet_page_explains_a_card_it_cannot_make(monkeypatch):
    from testkit.pages import open_page

    at = open_page("visit_sheet.py")
    at.text_input(key="card_name").set_value("W" * CARD_LIMITS["name"]).run()
    at.text_input(key="card_contact").set_value("W" * CARD_LIMITS["contact"]).run()
    at.text_input(key="card_medicines").set_value("W" * CARD_LIMITS["medicines"]).run()
    assert not at.exception
    assert any("too long for the card" in w.proto.body for w in at.warning)
    at.text_input(key="card_medicines").set_value("octreotide").run()
    assert not any("cannot be made" in w.proto.body for w in at.warning)


# -- the visit sheet uses the same fonts for what the person typed ------------------------------

NOTES_IN_SCRIPTS = "日本語のメモ हिंदी नोट สมชาย 한국어 메모 فاطمة Ann"


def _sheet_pdf(lib, notes: str, questions: list[str] | None = None) -> bytes:
    from netaid.outputs.visit_sheet import VisitSheet, visit_sheet_pdf

    return visit_sheet_pdf(lib, VisitSheet(option_ids=["surgery"], notes=notes, questions=questions or []))


def _all_fonts(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(str(f["/BaseFont"]) for p in pages for f in p["/Resources"]["/Font"].values())


@needs_fonts
def test_visit_sheet_notes_and_questions_in_other_scripts_print_with_noto_fonts(lib):
    pdf = _sheet_pdf(lib, NOTES_IN_SCRIPTS, ["김민수 질문?"])
    fonts = _all_fonts(pdf)
    for family in ("NotoSansCJK", "NotoSansDevanagari", "NotoSansThai"):  # DejaVu has Arabic itself
        assert family in fonts, f"{family} carries those letters (was '; ; ; Ann' with DejaVu alone)"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "สมชาย" in text and "Ann" in text
    assert "; ; ;" not in text


def test_visit_sheet_with_english_only_needs_no_fallback_font(lib):
    assert "Noto" not in _all_fonts(_sheet_pdf(lib, "Ask about octreotide", ["Is it growing?"]))


def test_visit_sheet_refuses_characters_no_font_has_and_the_cli_says_so(lib, tmp_path):
    import subprocess
    import sys

    with pytest.raises(UnprintableText) as err:
        _sheet_pdf(lib, "Ann \U0001f9a0")
    assert "U+1F9A0" in str(err.value)
    out = tmp_path / "sheet.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "netaid", "visit-sheet", "--options", "surgery", "--notes", "Ann \U0001f9a0", "-o", out],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "U+1F9A0" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists(), "no PDF with blank boxes is written"


def test_the_visit_sheet_page_says_which_characters_the_pdf_cannot_print():
    from testkit.pages import open_page

    at = open_page("visit_sheet.py")
    at.text_area(key="sheet_notes").set_value("Ann \U0001f9a0 flushing after meals").run()
    assert not at.exception
    assert any(
        "The PDF cannot be made" in w.proto.body and "U+1F9A0" in w.proto.body.replace("\\", "") for w in at.warning
    )
    assert PDF_BUTTON not in _download_labels(at), "no PDF with the letters left out"
    assert "Download as plain text" in _download_labels(at), "the text file still keeps every word"
    at.text_area(key="sheet_notes").set_value("flushing after meals").run()
    assert not any("The PDF cannot be made" in w.proto.body for w in at.warning)
    assert PDF_BUTTON in _download_labels(at)


PDF_BUTTON = "Download the visit sheet (PDF)"


def _download_labels(at) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]
