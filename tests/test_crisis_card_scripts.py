"""The crisis card prints names in many scripts (or refuses plainly), shapes right-to-left text,
and never lets what was typed overprint the card's source line."""

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
