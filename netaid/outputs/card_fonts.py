"""Fonts for what people type on printouts: DejaVu Sans first, then Noto fonts for other scripts.

DejaVu Sans (shipped in netaid/fonts) prints Latin, Greek, Cyrillic and more. Names and
medicines in Arabic, Hebrew, Hindi, Bengali, Tamil, Thai, Chinese, Japanese, Korean and other
scripts need Noto fonts: Debian's `fonts-noto-core` and `fonts-noto-cjk` packages, which
scripts/test.sh installs. A character no available font has is refused with a message that
says which package would print it, never printed as a blank box.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont
from fpdf import FPDF

from netaid.paths import FONT_DIR

NOTO = Path("/usr/share/fonts/truetype/noto")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto")


@dataclass(frozen=True)
class Fallback:
    family: str
    path: Path
    package: str
    scripts: str  # what it prints, for messages
    collection: int = 0  # face number inside a .ttc collection

    def available(self) -> bool:
        return self.path.is_file()


_CORE = [
    ("Arabic", "Arabic, Persian, Urdu"),
    ("Hebrew", "Hebrew"),
    ("Devanagari", "Hindi, Marathi, Nepali"),
    ("Bengali", "Bengali"),
    ("Gurmukhi", "Punjabi"),
    ("Gujarati", "Gujarati"),
    ("Tamil", "Tamil"),
    ("Telugu", "Telugu"),
    ("Kannada", "Kannada"),
    ("Malayalam", "Malayalam"),
    ("Sinhala", "Sinhala"),
    ("Thai", "Thai"),
    ("Lao", "Lao"),
    ("Khmer", "Khmer"),
    ("Myanmar", "Burmese"),
    ("Georgian", "Georgian"),
    ("Armenian", "Armenian"),
    ("Ethiopic", "Amharic, Tigrinya"),
]
FALLBACKS: tuple[Fallback, ...] = (
    *(
        Fallback(f"Noto{name}", NOTO / f"NotoSans{name}-Regular.ttf", "fonts-noto-core", scripts)
        for name, scripts in _CORE
    ),
    # Face 2 of the collection is Simplified Chinese; it also has every kana and Hangul syllable.
    Fallback("NotoCJK", NOTO_CJK / "NotoSansCJK-Regular.ttc", "fonts-noto-cjk", "Chinese, Japanese, Korean", 2),
)
# The scripts NETaid knows a font package for: a character of one of these is "missing a
# package"; anything else is simply not printable.
_SCRIPT_WORDS = {
    "ARABIC": 0,
    "HEBREW": 1,
    "DEVANAGARI": 2,
    "BENGALI": 3,
    "GURMUKHI": 4,
    "GUJARATI": 5,
    "TAMIL": 6,
    "TELUGU": 7,
    "KANNADA": 8,
    "MALAYALAM": 9,
    "SINHALA": 10,
    "THAI": 11,
    "LAO": 12,
    "KHMER": 13,
    "MYANMAR": 14,
    "GEORGIAN": 15,
    "ARMENIAN": 16,
    "ETHIOPIC": 17,
    "CJK": 18,
    "HIRAGANA": 18,
    "KATAKANA": 18,
    "HANGUL": 18,
    "IDEOGRAPHIC": 18,
}
# Characters that change how text is shaped, not what is shown: fonts need not have them.
_INVISIBLE = {"\u200c", "\u200d", "\u200e", "\u200f"}


class UnprintableText(ValueError):
    """Text with characters no installed font can print; the message says which and why."""


@cache
def _cmap(path: Path, collection: int) -> frozenset[int]:
    font = (
        TTCollection(str(path), lazy=True).fonts[collection] if path.suffix == ".ttc" else TTFont(str(path), lazy=True)
    )
    return frozenset(font.getBestCmap())


def base_cmap() -> frozenset[int]:
    return _cmap(FONT_DIR / "DejaVuSans.ttf", 0)


def fallbacks_for(text: str) -> list[Fallback]:
    """The fallback fonts this text needs, in order; raises UnprintableText if a character has none."""
    needed: list[Fallback] = []
    missing: dict[str, set[str]] = {}
    unprintable: list[str] = []
    base = base_cmap()
    for ch in dict.fromkeys(text):
        if ch in _INVISIBLE or ord(ch) in base or ch.isspace():
            continue
        found = next((f for f in FALLBACKS if f.available() and ord(ch) in _cmap(f.path, f.collection)), None)
        if found is not None:
            if found not in needed:
                needed.append(found)
            continue
        font = _known_script(ch)
        if font is not None and not font.available():
            missing.setdefault(font.package, set()).add(font.scripts)
        else:
            unprintable.append(ch)
    if missing:
        packages = "; ".join(f"{', '.join(sorted(s))} needs the font package {p}" for p, s in sorted(missing.items()))
        raise UnprintableText(
            f"this server cannot print some of the letters: {packages}, which is not installed. "
            "Ask the people who run this site, or write it in Latin letters"
        )
    if unprintable:
        shown = " ".join(f"U+{ord(c):04X}" for c in unprintable[:5])
        raise UnprintableText(f"some characters cannot be printed ({shown}); please leave them out")
    return needed


def _known_script(ch: str) -> Fallback | None:
    name = unicodedata.name(ch, "")
    for word, index in _SCRIPT_WORDS.items():
        if name.startswith(word) or f" {word} " in f" {name} ":
            return FALLBACKS[index]
    return None


def needs_shaping(text: str) -> bool:
    """True for text whose letters join or reorder (Arabic, Hebrew, Indic, Thai...): shape it with HarfBuzz."""
    return any(ord(ch) >= 0x0590 and not (0x3000 <= ord(ch) <= 0xFFEF) for ch in text)


def add_fallbacks(pdf: FPDF, typed: str) -> bool:
    """Give `pdf` the fonts that `typed` needs; True when that text must be shaped.

    Raises UnprintableText (a ValueError) naming what cannot print, before anything is drawn.
    """
    fallbacks = fallbacks_for(typed)
    for font in fallbacks:
        pdf.add_font(font.family, "", str(font.path), collection_font_number=font.collection)
    if fallbacks:
        pdf.set_fallback_fonts([font.family for font in fallbacks], exact_match=False)
    return needs_shaping(typed)
