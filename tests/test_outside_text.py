"""Outside text is always text: Markdown, HTML and Streamlit's colour, icon and maths syntax
typed by anyone (or put in a link or a file) shows as written, never as a link, image or colour.

Every path is driven through the real pages with AppTest; what each element would render is
checked with a CommonMark renderer (with GFM autolinks) plus a check for Streamlit's own
directives, which CommonMark does not know.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from netaid.safe_text import plain
from testkit.pages import explorer_with_link, open_page

MARK = "EVILMARK"
PAYLOADS = [
    f"![{MARK}](http://evil.example/p.png)",
    f"[Your results: click {MARK}](http://evil.example)",
    f":red-background[STOP TAKING OCTREOTIDE {MARK}]",
    f":red[{MARK}] :blue-badge[x] :material/warning: :smile: :rainbow[x]",
    f"$\\frac{{1}}{{2}}$ {MARK} $$x^2$$",
    f"<img src=x onerror=alert(1)> <a href='javascript:alert(1)'>{MARK}</a> <script>x</script>",
    f"http://evil.example www.evil.example {MARK}@evil.example",
    f"# {MARK}\n- list\n> quote\n\n---",
    f"**{MARK}** _it_ `code` ~~s~~ | a | b | <https://evil.example>",
    f"[{MARK}][r]\n\n[r]: http://evil.example",
]
RENDER = MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "table", "strikethrough"])
DIRECTIVE = re.compile(r"(?<!\\):[a-z-]+(\[|/[a-z_]+:|:)|(?<!\\)\$")
# Pages wrap outside text in their own bold or italics; anything else it could make is checked.
TAGS = re.compile(r"<(a|img|code|h\d|ul|ol|li|blockquote|del|s|table|hr|script)\b", re.I)
EMPHASIS = re.compile(r"<(em|strong)\b", re.I)


def shown(text: str) -> str:
    """What a person sees after Markdown is rendered: the text of the HTML, tags removed."""
    return html.unescape(re.sub(r"<[^>]+>", "", RENDER.render(text))).strip()


def assert_inert(markdown: str, emphasis_allowed: bool = True) -> None:
    rendered = RENDER.render(markdown)
    assert not TAGS.search(rendered), f"renders markup: {rendered!r}"
    assert emphasis_allowed or not EMPHASIS.search(rendered), f"renders emphasis: {rendered!r}"
    assert not DIRECTIVE.search(markdown), f"a Streamlit directive could apply: {markdown!r}"


def bodies(at: AppTest) -> list[str]:
    """The Markdown source of every element that renders Markdown."""
    out = [m.value for m in at.markdown] + [c.value for c in at.caption]
    out += [e.proto.body for kind in ("info", "warning", "error", "success") for e in getattr(at, kind)]
    out += [t.value for t in at.title] + [h.value for h in at.header] + [s.value for s in at.subheader]
    return out


def assert_page_is_safe(at: AppTest, expect_mark: bool = True) -> None:
    assert not at.exception
    hits = [b for b in bodies(at) if any(w in b.lower() for w in ("evil", "alert", "octreotide", "frac"))]
    if expect_mark:
        assert hits, "the outside text is shown somewhere (escaped)"
    for body in hits:
        assert_inert(body)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_shows_exactly_the_text_and_nothing_else(payload):
    escaped = plain(payload, limit=500)
    assert_inert(escaped, emphasis_allowed=False)
    assert shown(escaped) == " ".join(payload.split()), "the person sees what was typed, on one line"


def test_plain_caps_length_and_drops_hidden_characters():
    assert plain("x" * 500, limit=10) == "x" * 9 + "…"
    assert plain("a\u202eb\u0000c\nd") == "a b c d"
    assert plain("क्\u200dष") == "क्\u200dष", "joiners that shape scripts stay"
    assert plain(None) == ""


@pytest.fixture(autouse=True)
def private_database(tmp_path, monkeypatch):
    monkeypatch.setenv("NETAID_DATABASE_URL", f"sqlite:///{tmp_path / 'outside.sqlite3'}")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_glossary_search(payload):
    at = open_page("glossary.py")
    at.text_input(key="glossary_query").set_value(payload).run()
    assert_page_is_safe(at)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_explorer_link_parameter_names_and_values(payload):
    at = explorer_with_link({payload: "1", "site": payload, "ki67": payload})
    assert_page_is_safe(at)
    assert not at.query_params


@pytest.mark.parametrize("payload", PAYLOADS)
def test_display_name_on_the_progress_page(payload):
    at = open_page("progress.py")
    at.button(key="make_key").click().run()
    at.text_input(key="label_input").set_value(payload)
    at.button(key="save_label").click().run()
    assert_page_is_safe(at)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_imported_ids_file_names_and_field_names(payload):
    answers = [
        {"question_id": payload[:80], "topic": "triggers", "correct": True, "answered_at": "2026-10-01T10:00:00+00:00"},
    ]
    files = [
        json.dumps({"format": "netaid-progress/1", "answers": answers}).encode(),
        json.dumps({"format": "netaid-progress/1", "answers": [{**answers[0], payload: 1}]}).encode(),
    ]
    for data in files:
        at = open_page("progress.py")
        at.file_uploader(key="import_file").set_value((f"{payload}.json", data, "application/json")).run()
        assert_page_is_safe(at)
        assert "No answers yet" in " ".join(bodies(at)), "an unknown question id is dropped, not saved"


def test_visit_sheet_notes_are_never_markdown():
    at = open_page("visit_sheet.py")
    payload = PAYLOADS[0] + " " + PAYLOADS[2]
    at.text_area(key="sheet_notes").set_value(payload).run()
    at.text_area(key="sheet_own").set_value(payload).run()
    assert_page_is_safe(at, expect_mark=False)
    assert any(MARK in t.value for t in at.text), "notes show as plain text (st.text)"
