"""Disclosure (IPDAS C3, C6): every PDF NETaid makes carries its version, publication, checked
and next-review dates, who makes and funds it, conflicts of interest and how the evidence was
chosen, in the About block's own words; every source has its address (or says why not)."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from netaid.content.models import Source
from netaid.diary.patterns import summary
from netaid.diary.report import summary_pdf
from netaid.explorer.vignettes import load_vignettes
from netaid.outputs.crisis_card import crisis_card_pdf
from netaid.outputs.disclosure import disclosure_lines, shipped_sources
from netaid.outputs.key_card import key_card_pdf
from netaid.outputs.review_packet import packet_markdown, packet_pdf
from netaid.outputs.visit_sheet import VisitSheet, visit_sheet_pdf, visit_sheet_text
from testkit.pdfs import squash, text_of
from tests.diary_samples import at, sample_diary

# Sources whose web address we could not confirm; each says why in `no_url`.
NO_CONFIRMED_ADDRESS = {"cancercare", "carcinoid-site"}


def expected(lib) -> list[str]:
    a = lib.sources.about
    return [
        a.version,
        f"{a.published:%d %B %Y}",
        f"{a.content_checked:%d %B %Y}",
        f"{a.next_review:%d %B %Y}",
        squash(a.made_by),
        squash(lib.sources.funding),
        squash(a.conflicts_of_interest),
        squash(a.evidence_method),
    ]


def pdfs(lib):
    vignettes = load_vignettes()
    return {
        "visit sheet": visit_sheet_pdf(lib, VisitSheet(option_ids=["surgery"])),
        "crisis card": crisis_card_pdf(lib, "Ann Lee", "NET clinic 555 0100", "Lanreotide"),
        "review packet": packet_pdf(lib, vignettes[:2], date(2026, 11, 22)),
        "key card": key_card_pdf("A" * 28, date(2026, 11, 22), lib.sources),
        "diary summary": summary_pdf(summary(sample_diary(), 2, at(7, 23)), date(2026, 3, 8), sources=lib.sources),
    }


def test_every_pdf_carries_the_whole_disclosure(lib):
    for name, data in pdfs(lib).items():
        text = squash(text_of(data))
        assert "About NETaid" in text, name
        for label, _ in disclosure_lines(lib.sources):
            assert label in text, (name, label)
        for words in expected(lib):
            assert words in text, (name, words[:40])


def test_text_and_markdown_versions_carry_it_too(lib):
    for text in (visit_sheet_text(lib, VisitSheet()), packet_markdown(lib, load_vignettes()[:1], date(2026, 11, 22))):
        flat = squash(text)
        assert all(words in flat for words in expected(lib))


def test_key_card_reads_the_shipped_about_block_by_default(lib):
    assert shipped_sources().about == lib.sources.about
    assert squash(lib.sources.funding) in squash(text_of(key_card_pdf("B" * 28, date(2026, 11, 22))))


def test_every_source_has_its_address_or_says_why_not(lib):
    for s in lib.sources.sources:
        if s.id in NO_CONFIRMED_ADDRESS:
            assert s.url is None and s.no_url, s.id
        else:
            assert s.url and s.url.startswith("https://"), s.id
    raw = lib.sources.sources[0].model_dump()
    with pytest.raises(ValidationError, match="url"):
        Source.model_validate({**raw, "url": None, "no_url": None})
    with pytest.raises(ValidationError, match="https"):
        Source.model_validate({**raw, "url": "http://example.org"})


def test_sources_page_shows_every_address():
    from testkit.pages import open_page, page_text

    at = open_page("sources.py")
    table = at.table[0].value
    assert all(str(a).startswith(("https://", "none: ")) for a in table["Address"])
    assert "Who makes and pays for NETaid" in page_text(at)
