"""The Diary page through app.py: quick entry, edit, delete, undo, the tracker, charts, privacy, ties."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from netaid.diary.crypto import DiaryKey
from netaid.diary.export import to_csv
from netaid.diary.models import Entry
from netaid.diary.store import DiaryStore
from netaid.learner_key import normalize_key
from netaid.storage import StoreUnavailable
from testkit.pages import open_page, page_text, save_button
from tests.diary_samples import sample_diary, sample_diary_moved_to_last_week


@pytest.fixture(autouse=True)
def private_database(tmp_path, monkeypatch):
    monkeypatch.setenv("NETAID_DATABASE_URL", f"sqlite:///{tmp_path / 'diary.sqlite3'}")


def entry_lines(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if " · " in m.value]


def add_flushing(at: AppTest, severity: int = 2, triggers: list[str] | None = None, note: str = "") -> AppTest:
    at.button_group(key="d_event").set_value("flushing").run()
    at.button_group(key="d_sev").set_value(severity).run()
    if triggers:
        at.button_group(key="d_triggers").set_value(triggers).run()
    if note:
        at.text_input(key="d_note").input(note).run()
    save_button(at, "d_save_").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def with_key(at: AppTest) -> str:
    at.button(key="make_key").click().run()
    assert not at.exception
    return at.session_state["learner_key"]


def test_a_guest_is_told_the_diary_lasts_this_visit_only():
    at = open_page("diary.py")
    assert "for this visit only" in at.info[0].proto.body
    assert "Carcinoid crisis" in [e.label for e in at.expander][0]
    assert "visit_sheet" in [link.proto.page for link in at.get("page_link")][0], "the crisis card is one tap away"


def test_quick_entry_with_a_trigger_saves_both_and_escapes_the_note():
    at = add_flushing(open_page("diary.py"), 3, ["aged_cheese"], "**loud** <script>x</script>")
    saved = at.success[0].proto.body
    assert saved.startswith("Saved: Flushing at ") and ", Aged cheese at " in saved, "each entry with its own time"
    lines = entry_lines(at)
    assert len(lines) == 2 and "**Flushing**, 3 severe" in lines[0] and "\\*\\*loud\\*\\*" in lines[0]
    assert "<script>" not in lines[0]
    assert at.button_group(key="d_event").value is None, "the form is cleared for the next entry"
    assert at.button_group(key="d_triggers").value == []
    assert not [w for w in at.warning if "Session State" in w.proto.body]


def test_diarrhea_asks_for_stool_count_and_bristol_type():
    at = open_page("diary.py")
    assert not [n for n in at.number_input if n.key == "d_stools"]
    at.button_group(key="d_event").set_value("diarrhea").run()
    at.button_group(key="d_sev").set_value(1).run()
    at.number_input(key="d_stools").set_value(5).run()
    at.button_group(key="d_bristol").set_value(7).run()
    save_button(at, "d_save_").click().run()
    assert "5 stools, Bristol 7" in entry_lines(at)[0]


def test_missing_choices_are_explained_and_nothing_is_saved():
    at = open_page("diary.py")
    save_button(at, "d_save_").click().run()
    assert "Pick what happened" in at.error[0].proto.body
    at.button_group(key="d_event").set_value("wheezing").run()
    save_button(at, "d_save_").click().run()
    assert "Pick how bad it was" in at.error[0].proto.body
    assert entry_lines(at) == []


def test_edit_delete_and_undo():
    at = add_flushing(open_page("diary.py"), 1)
    entry_id = at.session_state["d_undo"][1][0].id
    at.button(key=f"d_edit_{entry_id}").click().run()
    at.button_group(key="e_severity").set_value(3)  # in a form: sent with the submit button
    at.text_input(key="e_note").input("worse than I thought")
    at.button(key="FormSubmitter:d_edit_form-Save the change").click().run()
    assert not at.exception and "Changed: Flushing." in at.success[0].proto.body
    assert "3 severe — worse than I thought" in entry_lines(at)[0]
    at.button(key="d_undo_btn").click().run()
    assert "1 mild" in entry_lines(at)[0] and "worse" not in entry_lines(at)[0], "undo puts the old version back"
    at.button(key=f"d_del_{entry_id}").click().run()
    assert entry_lines(at) == [] and "Deleted: Flushing." in at.success[0].proto.body
    at.button(key="d_undo_btn").click().run()
    assert len(entry_lines(at)) == 1, "undo brings the deleted entry back"
    assert "Undone." in at.success[0].proto.body and not [b for b in at.button if b.key == "d_undo_btn"]


def test_undo_of_a_new_entry_removes_it():
    at = add_flushing(open_page("diary.py"), 2, ["alcohol"])
    assert len(entry_lines(at)) == 2
    at.button(key="d_undo_btn").click().run()
    assert entry_lines(at) == []


def test_the_tracker_logs_shots_shows_the_next_due_date_and_a_calendar():
    at = open_page("diary.py")
    assert "Log your first shot" in page_text(at)
    at.number_input(key="t_days").set_value(21).run()
    at.button(key="t_save_plan").click().run()
    at.radio(key="t_site").set_value("left_thigh")
    at.radio(key="t_by").set_value("nurse")
    at.text_input(key="t_dose").input("120 mg")
    save_button(at, "t_save_shot_").click().run()
    assert not at.exception, [e.value for e in at.exception]
    text = page_text(at)
    assert "Next shot due:" in text and "(in 21 days)" in text and "every 21 days" in text
    assert "Try the right thigh this time" in text
    assert at.radio(key="t_site").value == "right_thigh", "the rotation hint is the default next time"
    assert "left thigh, given by a nurse, 120 mg" in entry_lines(at)[0]
    assert [b for b in at.get("download_button") if "calendar" in b.proto.label]
    at.button_group(key="t_other").set_value("octreotide_rescue").run()
    save_button(at, "t_log_other_").click().run()
    assert "Saved: Octreotide, short-acting (rescue dose)." in at.success[0].proto.body
    assert "Shots at home, and giving them yourself" in text and "Macmillan" in text


def test_charts_have_alt_text_tables_and_the_caution(monkeypatch):
    at = open_page("diary.py")
    store, key = at.session_state["diary_guest"].store, at.session_state["diary_guest"].key
    store.save_many(key, sample_diary_moved_to_last_week())
    at.run()
    charts = at.get("plotly_chart")
    assert len(charts) == 3
    alts = [c.proto.alt for c in charts]
    assert "5 symptoms on 5 days" in alts[0] and "days since the last shot" in alts[1]
    assert "Aged cheese 3 of 6 times, other tags 2 of 7" in alts[2]
    assert len(at.table) >= 3
    text = page_text(at)
    assert "Patterns, not proof — talk to your team before cutting foods out." in text
    assert "After aged cheese, a symptom followed within 4 hours 3 of 6 times." in text
    assert "stress (2)" in text, "a tag with fewer than 5 times is named but not shown as a pattern"
    at.slider(key="v_hours").set_value(12).run()
    assert "After aged cheese, a symptom followed within 12 hours 4 of 6 times." in page_text(at)
    spec = json.loads(at.get("plotly_chart")[2].proto.spec)
    assert spec["data"][0]["text"][0] == "4 of 6"


def test_a_key_keeps_the_diary_encrypted_and_forget_me_deletes_it(tmp_path):
    at = open_page("diary.py")
    add_flushing(at, 2, note="guest note")
    key = with_key(at)
    assert "Saved with your private key" in page_text(at)
    at.button(key="d_move").click().run()
    add_flushing(at, 3, note="secret-diary-words")
    store = DiaryStore(os.environ["NETAID_DATABASE_URL"])
    notes = sorted(e.note for e in store.entries(DiaryKey(key)))
    assert notes == ["guest note", "secret-diary-words"]
    raw = b"".join(p.read_bytes() for p in Path(tmp_path).glob("diary.sqlite3*"))
    assert b"secret-diary-words" not in raw and b"flushing" not in raw
    at.switch_page("pages/progress.py").run()
    at.checkbox(key="forget_sure").check().run()
    at.button(key="forget").click().run()
    assert not at.exception
    assert store.entries(DiaryKey(key)) == []
    assert normalize_key(key)


def test_the_quiz_suggests_trigger_questions_about_what_the_diary_tags():
    at = open_page("diary.py")
    at.session_state["diary_guest"].store.save_many(at.session_state["diary_guest"].key, sample_diary())
    at.run()
    assert at.session_state["diary_tags"][:2] == ["aged_cheese", "alcohol"]
    at.switch_page("pages/quiz.py").run()
    assert "From your diary: you often tag aged cheese, alcohol, stress" in at.info[0].proto.body
    at.button(key="start_diary_questions").click().run()
    assert not at.exception and at.session_state["round"]["ids"]
    assert all(q.startswith("triggers-") for q in at.session_state["round"]["ids"])


def test_entries_are_listed_newest_first_with_more_on_request():
    at = open_page("diary.py")
    guest = at.session_state["diary_guest"]
    first = Entry(recorded_at=sample_diary()[0].recorded_at, kind="trigger", what="tofu")
    guest.store.save_many(
        guest.key,
        [
            first.model_copy(update={"id": f"{n:032x}", "recorded_at": first.recorded_at + timedelta(hours=n)})
            for n in range(25)
        ],
    )
    at.run()
    assert len(entry_lines(at)) == 20
    at.button(key="d_more").click().run()
    assert len(entry_lines(at)) == 25
    assert to_csv(guest.store.entries(guest.key)).count("tofu") == 25


def test_the_visit_sheet_can_carry_a_diary_summary():
    at = open_page("diary.py")
    guest = at.session_state["diary_guest"]
    guest.store.save_many(guest.key, sample_diary_moved_to_last_week())
    at.switch_page("pages/visit_sheet.py").run()
    assert not at.exception
    assert "My diary" in [h.value for h in at.header]
    sheet_text = [t.value for t in at.text][-1]
    assert "FROM MY DIARY" in sheet_text and "Symptoms: flushing 3x, diarrhea 1x, wheezing 1x, on 5 days." in sheet_text
    assert "After aged cheese, a symptom followed within 4 hours 3 of 6 times" in sheet_text
    at.button_group(key="sheet_diary_weeks").set_value(2).run()
    assert "(2 weeks," in [t.value for t in at.text][-1]
    at.checkbox(key="sheet_diary").uncheck().run()
    assert "FROM MY DIARY" not in [t.value for t in at.text][-1]


def test_the_visit_sheet_has_no_diary_section_without_entries():
    at = open_page("visit_sheet.py")
    assert "My diary" not in [h.value for h in at.header]


def test_opening_a_key_brings_its_plan_and_rotation_hint_into_the_tracker():
    at = open_page("diary.py")  # first as a guest: no plan, no hint
    assert at.radio(key="t_site").value is None and at.number_input(key="t_days").value == 28
    key = with_key(at)
    store = DiaryStore(os.environ["NETAID_DATABASE_URL"])
    from netaid.diary.models import Settings

    store.save_settings(DiaryKey(key), Settings(medicine="octreotide_lar", interval_days=14))
    store.save(
        DiaryKey(key),
        Entry(recorded_at=sample_diary()[0].recorded_at, kind="injection", what="octreotide_lar", site="right_thigh"),
    )
    at.run()
    assert at.radio(key="t_site").value == "left_buttock", "the next site after the right thigh"
    assert at.number_input(key="t_days").value == 14 and at.selectbox(key="t_med").value == "octreotide_lar"


def test_a_database_failure_says_not_saved_and_acknowledges_nothing(monkeypatch):
    at = open_page("diary.py")

    def broken(*args, **kwargs):
        raise StoreUnavailable("full")

    monkeypatch.setattr(DiaryStore, "add_once", broken)
    at.button_group(key="d_event").set_value("flushing").run()
    at.button_group(key="d_sev").set_value(1).run()
    save_button(at, "d_save_").click().run()
    assert not at.exception
    assert "Not saved" in at.error[0].proto.body and not at.success
    assert at.button_group(key="d_event").value == "flushing", "what was typed stays, to try again"


def test_an_entry_that_cannot_be_read_is_noted_and_can_be_deleted_while_the_rest_shows():
    from tests.test_diary_store import _put_raw, far_future_entry

    at = open_page("diary.py")
    add_flushing(at, 2, note="still here")
    guest = at.session_state["diary_guest"]
    _put_raw(guest.store, guest.key, "f" * 32, far_future_entry("f" * 32))
    at.run()
    assert not at.exception
    note = [w.proto.body for w in at.warning if "cannot be read" in w.proto.body]
    assert note and note[0].startswith("1 entry in your diary cannot be read"), [w.proto.body for w in at.warning]
    assert any("still here" in line for line in entry_lines(at)), "the readable entries still show"
    at.button(key="d_drop_damaged").click().run()
    assert not at.exception
    assert not any("cannot be read" in w.proto.body for w in at.warning)
    assert guest.store.read(guest.key).damaged == []
    assert any("still here" in line for line in entry_lines(at))
