"""Link the first use of each glossary word in a text to its glossary entry (pure functions)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

# Everyday words that are in the glossary but would make every page a sea of links.
TOO_COMMON = frozenset({"tumor", "hormone", "contrast", "dye", "margin", "regional", "localized", "benign"})
# Parts of a text that must never get a link inside them: links, inline code, HTML tags, headings' anchors.
PROTECTED = re.compile(r"\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]+>|https?://\S+")


def surface_forms(term: str, also_called: Iterable[str]) -> list[str]:
    """The words a text may use for a term: the term, the term without its bracket, the
    bracketed short form, every other name, and a scan's tracer alone ("DOTATATE")."""
    forms = [term, *also_called]
    bracket = re.match(r"^(.*?)\s*\(([^)]+)\)$", term)
    if bracket:
        forms += [bracket.group(1), bracket.group(2)]
    if term.endswith(" PET") and " " not in term[:-4]:
        forms.append(term[:-4])
    return [f for f in dict.fromkeys(forms) if len(f) >= 3 and f.lower() not in TOO_COMMON]


def glossary_href(term: str) -> str:
    return f"/glossary?term={quote(term)}"


class Linker:
    """Links the first use of each glossary term on one page; later uses stay plain text."""

    def __init__(self, terms: Iterable[tuple[str, Iterable[str]]]) -> None:
        pairs = [(form, term) for term, also in terms for form in surface_forms(term, also)]
        pairs.sort(key=lambda p: -len(p[0]))  # longest first: "Carcinoid crisis" before "Carcinoid"
        self._term_of = {form.lower(): term for form, term in pairs}
        self._pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(form) for form, _ in pairs) + r")(?![\w-])", re.IGNORECASE
        ) if pairs else None
        self.seen: set[str] = set()

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        out, last = [], 0
        for protected in PROTECTED.finditer(text):
            out.append(self._link(text[last:protected.start()]))
            out.append(protected.group(0))
            last = protected.end()
        out.append(self._link(text[last:]))
        return "".join(out)

    def _link(self, chunk: str) -> str:
        def replace(match: re.Match[str]) -> str:
            term = self._term_of[match.group(1).lower()]
            if term in self.seen:
                return match.group(1)
            self.seen.add(term)
            return f"[{match.group(1)}]({glossary_href(term)})"

        return self._pattern.sub(replace, chunk) if self._pattern else chunk
