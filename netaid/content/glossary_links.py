"""Mark the first use of each glossary word in a text, and list the words marked, so a page can
explain them in place (pure functions). A mark is bold, not a link: a link to the glossary page
left the page a person was reading."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Everyday words that are in the glossary but would make every page a sea of bold.
TOO_COMMON = frozenset({"tumor", "hormone", "contrast", "dye", "margin", "regional", "localized", "benign"})
MEMO_LIMIT = 20_000
# Parts of a text that must never get a mark inside them: links, inline code, HTML tags, web addresses.
PROTECTED = re.compile(r"\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]+>|https?://\S+")
# Text that is bold already: its glossary words count as marked (they stand out and get
# explained) but get no second pair of ** inside, which would end the bold early.
BOLD = re.compile(r"\*\*[^*]+\*\*")
ANY_PROTECTED = re.compile(f"{PROTECTED.pattern}|{BOLD.pattern}")


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


class Linker:
    """Marks the first use of each glossary term on one page; later uses stay plain text.
    `take_marked()` hands over the terms marked since it was last called, in text order."""

    def __init__(self, terms: Iterable[tuple[str, Iterable[str]]]) -> None:
        pairs = [(form, term) for term, also in terms for form in surface_forms(term, also)]
        pairs.sort(key=lambda p: -len(p[0]))  # longest first: "Carcinoid crisis" before "Carcinoid"
        self._term_of = {form.lower(): term for form, term in pairs}
        self._pattern = (
            re.compile(r"(?<![\w-])(" + "|".join(re.escape(form) for form, _ in pairs) + r")(?![\w-])", re.IGNORECASE)
            if pairs
            else None
        )
        self.seen: set[str] = set()
        self._marked: list[str] = []  # marked, not yet taken by take_marked()
        # Marking is pure given the text and the terms already marked; a page marks the same
        # texts in the same order on every rerun, so the answers are kept (shared by fresh()).
        self._memo: dict[tuple[str, frozenset[str]], tuple[str, tuple[str, ...]]] = {}

    def fresh(self) -> Linker:
        """A linker for a new page run: nothing linked yet; the compiled pattern and the
        remembered answers are shared, so a page run never compiles the pattern again."""
        copy = object.__new__(Linker)
        copy._term_of, copy._pattern, copy._memo = self._term_of, self._pattern, self._memo
        copy.seen, copy._marked = set(), []
        return copy

    def take_marked(self) -> list[str]:
        """The terms marked since the last call, in the order the texts used them."""
        taken, self._marked = self._marked, []
        return taken

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        key = (text, frozenset(self.seen))
        known = self._memo.get(key)
        if known is None:
            first = len(self._marked)
            marked = self._link_all(text)
            known = (marked, tuple(self._marked[first:]))
            del self._marked[first:]  # added back below, the same way as a remembered answer
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()  # bounded: a page's texts fit many times over
            self._memo[key] = known
        self.seen.update(known[1])
        self._marked.extend(known[1])
        return known[0]

    def _link_all(self, text: str) -> str:
        out, last = [], 0
        for protected in ANY_PROTECTED.finditer(text):
            out.append(self._link(text[last : protected.start()]))
            if BOLD.fullmatch(protected.group(0)):
                self._link(protected.group(0), mark=False)
            out.append(protected.group(0))
            last = protected.end()
        out.append(self._link(text[last:]))
        return "".join(out)

    def _link(self, chunk: str, mark: bool = True) -> str:
        def replace(match: re.Match[str]) -> str:
            term = self._term_of[match.group(1).lower()]
            if term in self.seen:
                return match.group(1)
            self.seen.add(term)
            self._marked.append(term)
            return f"**{match.group(1)}**" if mark else match.group(1)

        return self._pattern.sub(replace, chunk) if self._pattern else chunk
