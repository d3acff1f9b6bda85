"""The output format registry: the suffix picks the maker, and a wrong one is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from netaid.outputs.formats import REVIEW_PACKET, VISIT_SHEET
from netaid.outputs.visit_sheet import VisitSheet


def test_the_suffix_picks_the_format():
    assert VISIT_SHEET.format_for(Path("sheet.TXT")) == "txt"
    assert VISIT_SHEET.format_for(Path("sheet.pdf")) == "pdf"
    assert VISIT_SHEET.format_for(Path("sheet")) == "pdf", "a file with no known suffix gets the PDF"
    assert REVIEW_PACKET.format_for(Path("packet.md")) == "md"


def test_a_document_with_no_default_names_its_formats():
    with pytest.raises(ValueError, match=r"-o must end in \.md or \.pdf \(got 'packet\.docx'\)"):
        REVIEW_PACKET.format_for(Path("packet.docx"))


def test_text_makers_give_utf8_bytes_and_pdfs_stay_pdfs(lib):
    sheet = VisitSheet(questions=["Is it growing?"], notes="Zoë’s notes")
    text = VISIT_SHEET.make("txt", lib, sheet, paper="letter")
    assert "Zoë’s notes" in text.decode("utf-8")
    assert VISIT_SHEET.make("pdf", lib, sheet).startswith(b"%PDF")
    assert VISIT_SHEET.file_name("txt") == "netaid-visit-sheet.txt"
    assert VISIT_SHEET.mime("pdf") == "application/pdf"
