"""The output format registry: every document NETaid hands out and the file formats it comes in.

The CLI picks a maker by the output file's suffix, and the pages take the file name and the
MIME type from here, so a new format is one `Format`, one maker, and one line in a document.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netaid.content.library import Library
from netaid.outputs.crisis_card import crisis_card_pdf
from netaid.outputs.review_packet import packet_markdown, packet_pdf
from netaid.outputs.visit_sheet import VisitSheet, visit_sheet_pdf, visit_sheet_text


@dataclass(frozen=True)
class Format:
    id: str
    suffix: str
    mime: str


FORMATS: dict[str, Format] = {
    f.id: f
    for f in (
        Format("pdf", ".pdf", "application/pdf"),
        Format("txt", ".txt", "text/plain"),
        Format("md", ".md", "text/markdown"),
        Format("csv", ".csv", "text/csv"),
        Format("ics", ".ics", "text/calendar"),
    )
}

Maker = Callable[..., bytes | str]  # every maker of one document takes the same arguments


@dataclass(frozen=True)
class Document:
    file_stem: str  # the file name a download gets, without its suffix
    makers: Mapping[str, Maker]  # format id -> maker
    default: str | None = None  # the format for an output file whose suffix names none of them

    def format_for(self, path: Path) -> str:
        """The format an output file asks for by its suffix; ValueError naming the choices."""
        by_suffix = {FORMATS[f].suffix: f for f in self.makers}
        found = by_suffix.get(path.suffix.lower(), self.default)
        if found is None:
            choices = " or ".join(sorted(by_suffix))
            raise ValueError(f"-o must end in {choices} (got {path.name!r})")
        return found

    def make(self, format_id: str, *args: Any, **kwargs: Any) -> bytes:
        data = self.makers[format_id](*args, **kwargs)
        return data.encode("utf-8") if isinstance(data, str) else data

    def file_name(self, format_id: str) -> str:
        return self.file_stem + FORMATS[format_id].suffix

    def mime(self, format_id: str) -> str:
        return FORMATS[format_id].mime


def _visit_sheet_text(lib: Library, sheet: VisitSheet, paper: str = "a4") -> str:
    return visit_sheet_text(lib, sheet)  # plain text has no paper size


VISIT_SHEET = Document("netaid-visit-sheet", {"pdf": visit_sheet_pdf, "txt": _visit_sheet_text}, default="pdf")
CRISIS_CARD = Document("netaid-crisis-card", {"pdf": crisis_card_pdf}, default="pdf")
REVIEW_PACKET = Document("netaid-review-packet", {"md": packet_markdown, "pdf": packet_pdf})

DOCUMENTS: dict[str, Document] = {
    "visit-sheet": VISIT_SHEET,
    "crisis-card": CRISIS_CARD,
    "review-packet": REVIEW_PACKET,
}
