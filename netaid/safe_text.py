"""Outside text (what people type, links, files) made safe to show inside Markdown.

Streamlit renders Markdown almost everywhere: st.markdown, st.write, captions, alerts and
widget labels. It also reads its own directives there: colours (`:red[...]`,
`:red-background[...]`), badges, emoji and icon short codes (`:smile:`, `:material/x:`) and
maths (`$...$`). Text from outside must not be able to use any of it, or a file name could
show a link, fetch an image, or print "STOP TAKING OCTREOTIDE" in red as if NETaid said so.

`plain()` is the one way outside text reaches Markdown in NETaid: it caps the length,
flattens line breaks and control characters, and backslash-escapes every ASCII punctuation
mark (CommonMark lets any of them be escaped, and an escaped mark is always shown as itself).

Escapes do not stop GFM's bare-address links (`https://…`, `www.…`, `name@host.org`): Streamlit's
renderer finds those in the text after the escapes are read. So `plain()` also puts an invisible
WORD JOINER (U+2060) inside each place such a link could start: between `http`/`https`/`www` and
the `:` or `.` after it, and before every `@`. The text looks and reads the same (screen readers
skip the joiner), but no address pattern matches it any more.
"""

from __future__ import annotations

import re
import string
import unicodedata

_ESCAPE = {ord(ch): "\\" + ch for ch in string.punctuation}
ELLIPSIS = "…"
WORD_JOINER = "\u2060"
# Where GFM could start a bare link: a scheme or `www` followed by `:` or `.`, and any `@`.
_LINK_START = re.compile(r"(?i)(https?|www)(?=[:.])|(?=@)")


_JOINERS = {"\u200c", "\u200d"}  # zero-width (non-)joiners shape Indic, Arabic and emoji text: keep them


def _hidden(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in _JOINERS


def plain(text: object, limit: int = 200) -> str:
    """Text that Markdown shows exactly as written: no links, images, HTML, colours, emoji or maths."""
    raw = "" if text is None else str(text)
    # Line breaks, tabs and other control or format characters (e.g. right-to-left overrides)
    # become spaces: they could start a new Markdown block or disguise what is shown.
    flat = "".join(" " if _hidden(ch) else ch for ch in raw)
    flat = " ".join(flat.split())
    if len(flat) > limit:
        flat = flat[: max(limit - 1, 0)].rstrip() + ELLIPSIS
    return _LINK_START.sub(lambda m: m.group(0) + WORD_JOINER, flat).translate(_ESCAPE)
