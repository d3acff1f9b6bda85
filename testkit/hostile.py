"""Hostile outside text, and the checks that it stays text once Streamlit renders it.

Streamlit renders Markdown with react-markdown and remark-gfm. Besides CommonMark's links, GFM
links bare addresses after parsing: it searches every text node with the two patterns below
(copied from mdast-util-gfm-autolink-literal, as bundled in Streamlit's StreamlitMarkdown.js).
Backslash escapes do not stop that search, because it runs on the text after escapes are read.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

MARK = "EVILMARK"
MARKDOWN_BAITS = [
    f"![{MARK}](http://evil.example/p.png)",
    f"[Your results: click {MARK}](http://evil.example)",
    f":red-background[STOP TAKING OCTREOTIDE {MARK}]",
    f":red[{MARK}] :blue-badge[x] :material/warning: :smile: :rainbow[x]",
    f"$\\frac{{1}}{{2}}$ {MARK} $$x^2$$",
    f"<img src=x onerror=alert(1)> <a href='javascript:alert(1)'>{MARK}</a> <script>x</script>",
    f"# {MARK}\n- list\n> quote\n\n---",
    f"**{MARK}** _it_ `code` ~~s~~ | a | b | <https://evil.example>",
    f"[{MARK}][r]\n\n[r]: http://evil.example",
]
AUTOLINK_BAITS = [
    f"http://evil.example www.evil.example {MARK}@evil.example",
    f"{MARK} see https://evil.example/path?q=1#x now",
    f"{MARK} HTTPS://EVIL.EXAMPLE and WWW.EVIL.EXAMPLE",
    f"www.evil.example.json {MARK}",
    f"({MARK} mailto:nurse@evil.example) first.last+tag@evil-host.example.org",
    f"{MARK}:www.evil.example,http://x.example;a@b.example.",
]
PAYLOADS = MARKDOWN_BAITS + AUTOLINK_BAITS

# JavaScript's \w is ASCII-only: re.ASCII reads these the way the browser does. The lookbehinds
# of the originals only narrow where a link may start, so matching without them is stricter.
GFM_URL = re.compile(r"(https?://|www(?=\.))([-.\w]+)", re.I | re.ASCII)
GFM_EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII)

RENDER = MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "table", "strikethrough"])
DIRECTIVE = re.compile(r"(?<!\\):[a-z-]+(\[|/[a-z_]+:|:)|(?<!\\)\$")
# Pages wrap outside text in their own bold or italics; anything else it could make is checked.
TAGS = re.compile(r"<(a|img|code|h\d|ul|ol|li|blockquote|del|s|table|hr|script)\b", re.I)
EMPHASIS = re.compile(r"<(em|strong)\b", re.I)


def shown(markdown: str) -> str:
    """What a person sees after Markdown is rendered: the text of the HTML, tags removed."""
    return html.unescape(re.sub(r"<[^>]+>", "", RENDER.render(markdown))).strip()


def autolinks(markdown: str) -> list[str]:
    """The bare addresses GFM would turn into links in the rendered text of `markdown`."""
    text = shown(markdown)
    return [m.group(0) for pattern in (GFM_URL, GFM_EMAIL) for m in pattern.finditer(text)]


def assert_inert(markdown: str, emphasis_allowed: bool = True) -> None:
    """`markdown` renders no link, image, HTML, block, colour, icon or formula."""
    rendered = RENDER.render(markdown)
    assert not TAGS.search(rendered), f"renders markup: {rendered!r}"
    assert emphasis_allowed or not EMPHASIS.search(rendered), f"renders emphasis: {rendered!r}"
    assert not DIRECTIVE.search(markdown), f"a Streamlit directive could apply: {markdown!r}"
    assert not autolinks(markdown), f"GFM would link {autolinks(markdown)} in {markdown!r}"
