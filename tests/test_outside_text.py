"""Outside text is always text: Markdown, HTML and Streamlit's colour, icon and maths syntax
typed by anyone (or put in a link or a file) shows as written, never as a link, image or colour.

Every path is driven through the real pages with AppTest; what each element would render is
checked with a CommonMark renderer (with GFM autolinks) plus a check for Streamlit's own
directives, which CommonMark does not know.
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from netaid.diary.export import to_csv
from netaid.diary.models import MAX_DOSE, MAX_NOTE
from netaid.safe_text import WORD_JOINER, plain
from testkit.hostile import MARK, PAYLOADS, assert_inert, shown
from testkit.pages import explorer_with_link, open_page, save_button
from tests.diary_samples import sample_diary


def bodies(at: AppTest) -> list[str]:
    """The Markdown source of every element that renders Markdown."""
    out = [m.value for m in at.markdown] + [c.value for c in at.caption]
    out += [e.proto.body for kind in ("info", "warning", "error", "success") for e in getattr(at, kind)]
    out += [t.value for t in at.title] + [h.value for h in at.header] + [s.value for s in at.subheader]
    out += [str(cell) for table in at.table for cell in table.value.to_numpy().ravel()]  # cells are Markdown too
    return out


def assert_page_is_safe(at: AppTest, expect_mark: bool = True) -> None:
    assert not at.exception
    hits = [b for b in bodies(at) if any(w in b.lower() for w in ("evil", "alert", "stop taking", "frac"))]
    if expect_mark:
        assert hits, "the outside text is shown somewhere (escaped)"
    for body in hits:
        assert_inert(body)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_shows_exactly_the_text_and_nothing_else(payload):
    escaped = plain(payload, limit=500)
    assert_inert(escaped, emphasis_allowed=False)
    seen = shown(escaped).replace(WORD_JOINER, "")  # the invisible joiner that breaks bare links
    assert seen == " ".join(payload.split()), "the person sees what was typed, on one line"


def test_plain_caps_length_and_drops_hidden_characters():
    assert plain("x" * 500, limit=10) == "x" * 9 + "…"
    assert plain("a\u202eb\u0000c\nd") == "a b c d"
    assert plain("क्\u200dष") == "क्\u200dष", "joiners that shape scripts stay"
    assert plain(None) == ""
    assert plain("a\u2060\u2060@b.example").count(WORD_JOINER) == 1, "joiners typed in are dropped, ours is added"


@pytest.fixture(autouse=True)
def private_database(tmp_path, monkeypatch):
    monkeypatch.setenv("NETAID_DATABASE_URL", f"sqlite:///{tmp_path / 'outside.sqlite3'}")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_glossary_search(payload):
    at = open_page("glossary.py")
    at.text_input(key="glossary_query").set_value(payload).run()
    assert_page_is_safe(at)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_glossary_link_parameter(payload):
    assert_page_is_safe(glossary_with_link(payload))


def glossary_with_link(term: str) -> AppTest:
    """The glossary opened from a link such as /glossary?term=Ki-67."""
    at = open_page("home.py")
    at.switch_page("pages/glossary.py")
    at.query_params["term"] = term
    at.run()
    assert not at.exception
    return at


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


class Upload:
    """What st.file_uploader returns, for driving the diary's "Load it" without a browser."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name, self.file_id, self._data = name, f"id-{hash((name, data))}", data

    def getvalue(self) -> bytes:
        return self._data


def load_diary_file(upload: Upload, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The Diary page's "Load it" with `upload` chosen in its file box."""
    import streamlit as st

    def chosen(*args: object, key: str, **kwargs: object) -> Upload:
        st.session_state[key] = upload
        return upload

    monkeypatch.setattr(st, "file_uploader", chosen)
    at = open_page("diary.py")
    at.button(key="x_load").click().run()
    assert not at.exception
    return at


@pytest.mark.parametrize("payload", PAYLOADS)
def test_diary_note_and_doses(payload):
    at = open_page("diary.py")
    at.button_group(key="d_event").set_value("flushing").run()
    at.button_group(key="d_sev").set_value(2).run()
    at.text_input(key="d_note").input(payload[:MAX_NOTE]).run()
    save_button(at, "d_save_").click().run()
    at.number_input(key="t_days").set_value(28).run()
    at.button(key="t_save_plan").click().run()
    at.text_input(key="t_dose").input(payload[:MAX_DOSE])
    save_button(at, "t_save_shot_").click().run()
    at.button_group(key="t_other").set_value("octreotide_rescue").run()
    at.text_input(key="t_other_dose").input(payload[:MAX_DOSE]).run()
    save_button(at, "t_log_other_").click().run()
    assert_page_is_safe(at)
    cells = [shown(str(cell)).replace(WORD_JOINER, "") for table in at.table for cell in table.value.to_numpy().ravel()]
    assert " ".join(payload[:MAX_DOSE].split()) in cells, "the rescue dose reads as typed in the medicine table"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_diary_file_names(payload, monkeypatch):
    good = to_csv(sample_diary()).encode("utf-8")
    for upload in (Upload(payload + ".csv", good), Upload(payload + ".csv", b"not,a diary\n1,2")):
        assert_page_is_safe(load_diary_file(upload, monkeypatch))
