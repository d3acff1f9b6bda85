"""The quick entry, the list of entries, and edit / delete with undo."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

import streamlit as st
from pydantic import ValidationError

from netaid.diary.crypto import WrongKey
from netaid.diary.models import GIVER_IDS, LABEL, MAX_DOSE, MAX_NOTE, SITE_IDS, SYMPTOMS, TRIGGERS, Entry
from netaid.diary.store import Damaged
from netaid.safe_text import plain
from netaid.storage import KeyForgotten, StoreUnavailable
from ui import state
from ui.diary_state import Owner, browser_zone, local_now, local_zone
from ui.once import entry_ids, fingerprint, form_token, is_current, just_saved, repeats_last_save, spend
from ui.shell import label_from

log = logging.getLogger("netaid")
SEVERITY = {1: "1 mild", 2: "2 medium", 3: "3 severe"}
BRISTOL = {
    1: "1 hard lumps",
    2: "2 lumpy",
    3: "3 cracked",
    4: "4 smooth",
    5: "5 soft blobs",
    6: "6 mushy",
    7: "7 watery",
}
GAPS = {0.5: "½ hour", 1.0: "1 hour", 2.0: "2 hours", 4.0: "4 hours", 8.0: "8 hours"}
QUICK_RESET: dict[str, object] = {"d_event": None, "d_triggers": [], "d_date": None, "d_time": None, "d_note": ""}
QUICK_FOLLOW_UPS = ("d_sev", "d_stools", "d_bristol", "d_gap")  # shown only once an event is picked
QUICK_FIELDS = (*QUICK_RESET, *QUICK_FOLLOW_UPS)
FLASH, UNDO, ERROR, EDITING = "d_flash", "d_undo", state.DIARY_ERROR, "d_editing"
UNSAVED = "d_unsaved"  # what a failed save had in its form, put back when the form is drawn again
QUICK_FORM = "quick"


def clean_note(text: object) -> str:
    """A note as typed, on one line, without control characters, at most MAX_NOTE characters."""
    kept = "".join(ch if ch.isprintable() else " " for ch in str(text or ""))
    return " ".join(kept.split())[:MAX_NOTE]


def moment(day: date | None, at: time | None) -> datetime:
    """The chosen date and time in the person's time zone; now for whatever was left empty."""
    now = local_now()
    return datetime.combine(day or now.date(), at or now.timetz().replace(tzinfo=None), tzinfo=local_zone())


UTC_NOTE = (
    "Your browser did not say which time zone you are in, so NETaid uses UTC (world time) "
    "for the times you pick and see here."
)


def clock(moment: datetime) -> str:
    """A time of day in the person's time zone ("04:00"), with "UTC" when their zone is unknown."""
    text = moment.astimezone(local_zone()).strftime("%H:%M")
    return text if browser_zone() else f"{text} UTC"


def describe(e: Entry) -> str:
    """One entry in a short line of plain words (the note escaped for Markdown)."""
    when = e.recorded_at.astimezone(local_zone()).strftime("%a %d %b, %H:%M")
    parts = [f"**{e.label}**"]
    if e.severity:
        parts.append(SEVERITY[e.severity])
    if e.stool_count is not None:
        parts.append(f"{e.stool_count} stools")
    if e.bristol:
        parts.append(f"Bristol {e.bristol}")
    if e.site:
        parts.append(LABEL[e.site].lower())
    if e.given_by:
        parts.append(f"given by {LABEL[e.given_by].lower()}")
    if e.dose:
        parts.append(plain(e.dose, MAX_DOSE))
    text = f"{when} · " + ", ".join(parts)
    return text + (f" — {plain(e.note, MAX_NOTE)}" if e.note else "")


def say(message: str, undo: tuple[str, Entry | list[Entry]] | None = None) -> None:
    st.session_state[FLASH] = message
    st.session_state[ERROR] = None
    if undo is not None:
        st.session_state[UNDO] = undo


def _fail(message: str) -> None:
    st.session_state[ERROR] = message


NOT_SAVED = (
    "Not saved: your diary cannot be reached right now. What you typed is still here: please try again in a moment."
)
FORGOTTEN = (
    "Not saved: this key was deleted with Forget me (here or on another device), so nothing can be "
    "saved under it any more. Leave, then save your progress to get a new key."
)
UNREACHABLE = "Your diary cannot be reached right now. Please try again in a moment."


def stored(write: Callable[[], object], typed: tuple[str, ...] = ()) -> bool:
    """Run one write; if the database fails, say plainly that nothing was saved and keep what was typed.

    `typed` names the form's fields: a page that cannot be drawn on the next run (the diary
    cannot be read either) would otherwise drop them.
    """
    try:
        write()
    except StoreUnavailable as error:  # the message names only the kind of failure: no hashes or ids
        log.warning("diary write not saved: %s", error)
        _keep_typed(typed)
        _fail(NOT_SAVED)
        return False
    except KeyForgotten:
        log.warning("diary write refused: the key was forgotten")
        _fail(FORGOTTEN)
        return False
    return True


def _keep_typed(names: tuple[str, ...]) -> None:
    ss = st.session_state
    ss.setdefault(UNSAVED, {}).update({name: ss[name] for name in names if name in ss})


def restore_typed(names: tuple[str, ...]) -> None:
    """Put back what a failed save had in this form; call before the form's widgets are drawn."""
    kept = st.session_state.get(UNSAVED, {})
    for name in names:
        if name in kept:
            st.session_state[name] = kept.pop(name)


def saved_once(
    form: str, token: str, entries: list[Entry], write: Callable[[], object], typed: tuple[str, ...]
) -> bool | None:
    """Save a form with its one-time token: True if saved now, None for a repeated click, False if not saved."""
    what = fingerprint(*(e.model_dump(exclude={"id"}) for e in entries))
    if not is_current(form, token) or repeats_last_save(form, what):
        return None  # this click's form, or this very entry, was saved already: a double or triple click
    if not stored(write, typed):
        return False  # the token stays live, so "try again" saves once
    spend(form, what)
    return True


def save_quick(owner: Owner, token: str) -> None:
    ss = st.session_state
    if not is_current(QUICK_FORM, token):
        return  # a repeated click on a form already saved
    event, triggers = ss.get("d_event"), list(ss.get("d_triggers") or [])
    if not event and not triggers:
        if just_saved(QUICK_FORM):
            return None  # the late click of a triple click, on the form cleared by the first
        return _fail("Pick what happened, or what came before, then press Save.")
    if event and not ss.get("d_sev"):
        return _fail("Pick how bad it was: 1, 2 or 3.")
    when, note = moment(ss.get("d_date"), ss.get("d_time")), clean_note(ss.get("d_note"))
    diarrhea = event == "diarrhea"
    new: list[Entry] = []
    if event:
        new.append(
            Entry(
                recorded_at=when,
                kind="symptom",
                what=event,
                severity=ss["d_sev"],
                stool_count=ss.get("d_stools") if diarrhea else None,
                bristol=ss.get("d_bristol") if diarrhea else None,
                note=note,
            )
        )
    gap = timedelta(hours=ss.get("d_gap") or 1.0) if event else timedelta(0)
    new += [Entry(recorded_at=when - gap, kind="trigger", what=t, note="" if event else note) for t in triggers]
    new = [e.model_copy(update={"id": i}) for e, i in zip(new, entry_ids(token, len(new)), strict=True)]
    # committed before the page says "saved"; ids from the token, so a repeat adds nothing
    if not saved_once(QUICK_FORM, token, new, lambda: owner.store.add_once(owner.key, new), QUICK_FIELDS):
        return
    ss.update(QUICK_RESET)  # assigned, not removed: the browser would send back a removed widget's old value
    for name in QUICK_FOLLOW_UPS:  # hidden on the next run, so removing them is enough
        ss.pop(name, None)
    say("Saved: " + ", ".join(f"{e.label} at {clock(e.recorded_at)}" for e in new) + ".", ("added", new))


def delete(owner: Owner, entry: Entry) -> None:
    if not stored(lambda: owner.store.delete(owner.key, entry.id)):
        return
    say(f"Deleted: {entry.label}.", ("deleted", entry))


def _damaged_note(owner: Owner, damaged: list[Damaged]) -> None:
    count = f"{len(damaged)} entry" if len(damaged) == 1 else f"{len(damaged)} entries"
    st.warning(
        f"{count} in your diary cannot be read, so they are not shown. The rest of your diary is below. "
        f"Why: {plain(damaged[0].why, 200)}.",
        icon=":material/report:",
    )
    st.button(
        f"Delete the {count} that cannot be read",
        key="d_drop_damaged",
        on_click=_drop_damaged,
        args=(owner, [d.record_id for d in damaged]),
    )


def _drop_damaged(owner: Owner, record_ids: list[str]) -> None:
    if stored(lambda: owner.store.delete(owner.key, *record_ids)):
        say(f"Deleted the {len(record_ids)} that could not be read.")


def undo(owner: Owner) -> None:
    action, what = st.session_state[UNDO]

    def write() -> None:
        if action == "added":
            owner.store.delete(owner.key, *(e.id for e in what))
        else:  # deleted or edited: put the earlier version back
            owner.store.save(owner.key, what)

    if stored(write):
        st.session_state.pop(UNDO, None)
        say("Undone.")


def start_edit(entry_id: str) -> None:
    st.session_state[EDITING] = entry_id


def save_edit(owner: Owner, old: Entry) -> None:
    ss = st.session_state
    data: dict[str, Any] = old.model_dump()
    data["recorded_at"] = moment(ss.get("e_date"), ss.get("e_time"))
    data["note"] = clean_note(ss.get("e_note"))
    for field in ("severity", "stool_count", "bristol", "site", "given_by"):
        if f"e_{field}" in ss:
            data[field] = ss.get(f"e_{field}")
    if "e_dose" in ss:
        data["dose"] = clean_note(ss.get("e_dose"))[:MAX_DOSE] or None
    try:
        new = Entry(**data)
    except ValidationError as error:
        return _fail(f"That change cannot be saved: {plain(error.errors()[0]['msg'], 200)}.")
    if not stored(lambda: owner.store.save(owner.key, new)):
        return
    ss.pop(EDITING, None)
    say(f"Changed: {new.label}.", ("edited", old))


def flash(owner: Owner) -> None:
    """What just happened, with Undo when it can be undone."""
    if st.session_state.get(ERROR):
        st.error(st.session_state[ERROR])
    message = st.session_state.get(FLASH)
    if message:
        st.success(message, icon=":material/check_circle:")
        if st.session_state.get(UNDO):
            st.button("Undo", key="d_undo_btn", icon=":material/undo:", on_click=undo, args=(owner,))


def quick_entry(owner: Owner) -> None:
    restore_typed(QUICK_FIELDS)
    st.pills(
        "What happened?",
        [w.id for w in SYMPTOMS],
        key="d_event",
        format_func=label_from(LABEL),
    )
    event = st.session_state.get("d_event")
    if event:
        st.segmented_control("How bad was it?", list(SEVERITY), key="d_sev", format_func=label_from(SEVERITY))
    if event == "diarrhea":
        st.number_input("How many loose stools?", min_value=0, max_value=30, value=1, step=1, key="d_stools")
        st.pills(
            "What did it look like? (Bristol scale, optional)",
            list(BRISTOL),
            key="d_bristol",
            format_func=label_from(BRISTOL),
            help="A scale from 1 (hard lumps) to 7 (all liquid) that care teams use.",
        )
    st.pills(
        "What came before? (optional)",
        [w.id for w in TRIGGERS],
        selection_mode="multi",
        key="d_triggers",
        format_func=label_from(LABEL),
    )
    if event and st.session_state.get("d_triggers"):
        st.segmented_control(
            "About how long before?", list(GAPS), key="d_gap", format_func=label_from(GAPS), default=1.0
        )
    with st.expander("Change the date or time (now if left empty)"):
        st.date_input("Date", value=None, key="d_date", max_value=date.today() + timedelta(days=1), format="YYYY-MM-DD")
        st.time_input("Time", value=None, key="d_time", step=300)
    st.text_input("Note (optional)", key="d_note", max_chars=MAX_NOTE)
    token = form_token(QUICK_FORM)
    st.button(  # the key carries the token: a repeated click names the form it was drawn in
        "Save", key=f"d_save_{token}", type="primary", icon=":material/save:", on_click=save_quick, args=(owner, token)
    )


def _edit_form(owner: Owner, e: Entry) -> None:
    local = e.recorded_at.astimezone(local_zone())
    with st.form("d_edit_form", border=True):
        st.markdown(f"**Change this entry:** {e.label}")
        st.date_input("Date", value=local.date(), key="e_date", format="YYYY-MM-DD")
        st.time_input("Time", value=local.time().replace(tzinfo=None), key="e_time", step=300)
        if e.kind == "symptom":
            st.segmented_control(
                "How bad was it?",
                list(SEVERITY),
                key="e_severity",
                default=e.severity,
                format_func=label_from(SEVERITY),
                required=True,
            )
        if e.what == "diarrhea":
            st.number_input("How many loose stools?", 0, 30, value=e.stool_count, key="e_stool_count")
            st.selectbox(
                "Bristol type",
                list(BRISTOL),
                index=(e.bristol - 1) if e.bristol else None,
                key="e_bristol",
                format_func=label_from(BRISTOL),
            )
        if e.kind == "injection":
            st.selectbox(
                "Where",
                SITE_IDS,
                index=SITE_IDS.index(e.site) if e.site else None,
                key="e_site",
                format_func=label_from(LABEL),
            )
            st.selectbox(
                "Given by",
                GIVER_IDS,
                index=GIVER_IDS.index(e.given_by) if e.given_by else None,
                key="e_given_by",
                format_func=label_from(LABEL),
            )
        if e.kind in ("injection", "medicine"):
            st.text_input("Dose (optional)", value=e.dose or "", key="e_dose", max_chars=MAX_DOSE)
        st.text_input("Note", value=e.note, key="e_note", max_chars=MAX_NOTE)
        c1, c2 = st.columns(2)
        c1.form_submit_button("Save the change", type="primary", on_click=save_edit, args=(owner, e))
        c2.form_submit_button("Cancel", on_click=lambda: st.session_state.pop(EDITING, None))


def entry_list(owner: Owner, entries: list[Entry]) -> None:
    if not entries:
        st.info("No entries yet. Add one above: it takes a few taps.")
        return
    editing = next((e for e in entries if e.id == st.session_state.get(EDITING)), None)
    if editing:
        _edit_form(owner, editing)
    shown = st.session_state.get("d_shown", 20)
    newest = entries[::-1][:shown]
    for e in newest:
        with st.container(border=True):
            st.markdown(describe(e))
            row = st.container(horizontal=True)  # side by side, even on a phone
            row.button(
                "Edit",
                key=f"d_edit_{e.id}",
                icon=":material/edit:",
                on_click=start_edit,
                args=(e.id,),
                help=f"Change this {e.label.lower()} entry",
            )
            row.button(
                "Delete",
                key=f"d_del_{e.id}",
                icon=":material/delete:",
                on_click=delete,
                args=(owner, e),
                help=f"Delete this {e.label.lower()} entry (you can undo)",
            )
    if len(entries) > shown:
        st.button(
            f"Show more ({len(entries) - shown} older)",
            key="d_more",
            on_click=lambda: st.session_state.update(d_shown=shown + 40),
        )


def load(owner: Owner) -> list[Entry] | None:
    """The diary's entries, or None with a plain message if they cannot be opened or reached.

    Entries that cannot be read are set apart with a note and a way to delete them, so one
    damaged row never takes the rest of the diary down.
    """
    try:
        found = owner.store.read(owner.key)
        if found.damaged:
            _damaged_note(owner, found.damaged)
        return found.entries
    except WrongKey as error:
        st.error(str(error))
    except StoreUnavailable as error:
        log.warning("diary read failed: %s", error)
        st.error(st.session_state.get(ERROR) or UNREACHABLE)  # "Not saved" if a save just failed
        st.button("Try again", key="d_retry", icon=":material/refresh:")  # what was typed comes back with the form
    return None
