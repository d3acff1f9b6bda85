"""A PDF's text, for tests that read what NETaid prints."""

from __future__ import annotations

import io

from pypdf import PdfReader


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squash(text: str) -> str:
    """One space between words, so a line break in the PDF does not split a phrase."""
    return " ".join(text.split())
