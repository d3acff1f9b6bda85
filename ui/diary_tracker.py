"""The shot and medicine tracker: the plan, the next due date, logging a dose, a calendar file."""

from __future__ import annotations

from datetime import UTC, date, datetime

import streamlit as st

from netaid.diary.models import GIVER_IDS, INJECTIONS, LABEL, MAX_DOSE, MAX_NOTE, MEDICINES, SITE_IDS, Entry, Settings
from netaid.diary.patterns import days_since_last_shot, shots
from netaid.diary.schedule import calendar_file, next_due, next_site
from netaid.safe_text import plain
from ui import state
from ui.diary_entry import clean_note, moment, restore_typed, saved_once, say, stored
from ui.diary_state import Owner, local_now
from ui.once import entry_ids, form_token, is_current, just_saved
from ui.shell import label_from

SHOT_FORM, SHOT_FIELDS = "shot", ("t_date", "t_site", "t_by", "t_dose", "t_note")
MEDICINE_FORM, MEDICINE_FIELDS = "medicine", ("t_other", "t_other_dose")


def _save_plan(owner: Owner) -> None:
    ss = st.session_state
    plan = Settings(medicine=ss["t_med"], interval_days=int(ss["t_days"]))
    if not stored(lambda: owner.store.save_settings(owner.key, plan)):
        return
    say("Your shot plan is saved.")


def _log_shot(owner: Owner, token: str) -> None:
    ss = st.session_state
    if not is_current(SHOT_FORM, token):
        return  # a repeated click on a shot already saved
    entry = Entry(
        id=entry_ids(token, 1)[0],  # from the token: a repeat that gets through adds nothing
        recorded_at=moment(ss.get("t_date"), None),
        kind="injection",
        what=ss["t_med"],
        site=ss.get("t_site"),
        given_by=ss.get("t_by"),
        dose=clean_note(ss.get("t_dose"))[:MAX_DOSE] or None,
        note=clean_note(ss.get("t_note")),
    )
    if not saved_once(SHOT_FORM, token, [entry], lambda: owner.store.add_once(owner.key, [entry]), SHOT_FIELDS):
        return
    for name in ("t_date", "t_dose", "t_note"):
        ss.pop(name, None)
    say(f"Saved: {entry.label}, {entry.recorded_at.date().isoformat()}.", ("added", [entry]))


def _log_medicine(owner: Owner, token: str) -> None:
    if not is_current(MEDICINE_FORM, token):
        return  # a repeated click on a dose already logged
    what = st.session_state.get("t_other")
    if not what:
        if just_saved(MEDICINE_FORM):
            return  # the late click of a triple click, on the pick cleared by the first
        st.session_state[state.DIARY_ERROR] = "Pick a medicine first."
        return
    entry = Entry(
        id=entry_ids(token, 1)[0],
        recorded_at=local_now(),
        kind="medicine",
        what=what,
        dose=clean_note(st.session_state.get("t_other_dose"))[:MAX_DOSE] or None,
    )
    if not saved_once(MEDICINE_FORM, token, [entry], lambda: owner.store.add_once(owner.key, [entry]), MEDICINE_FIELDS):
        return
    st.session_state.pop("t_other", None)
    st.session_state.pop("t_other_dose", None)
    say(f"Saved: {entry.label}.", ("added", [entry]))


def due_words(due: date, today: date) -> str:
    days = (due - today).days
    when = due.strftime("%a %d %b %Y")
    if days > 1:
        return f"{when} (in {days} days)"
    if days == 1:
        return f"{when} (tomorrow)"
    if days == 0:
        return f"{when} (today)"
    return f"{when} ({-days} {'day' if days == -1 else 'days'} ago)"


def _follow(name: str, value: object) -> None:
    """Set a widget's value from the diary whenever the diary's value changes (a saved plan, a new
    rotation hint), but leave what the person picked alone otherwise. Widgets with a key keep
    their state across runs, so a default passed as a parameter would be ignored after the first run."""
    seen = f"_{name}_from"
    if seen not in st.session_state or st.session_state[seen] != value:
        st.session_state[name] = st.session_state[seen] = value


def tracker(owner: Owner, entries: list[Entry]) -> None:
    settings = owner.store.settings(owner.key)
    _follow("t_med", settings.medicine)
    _follow("t_days", settings.interval_days)
    today = local_now().date()
    due = next_due(entries, settings)
    since = days_since_last_shot(entries, local_now())
    if due:
        st.markdown(
            f"**Next shot due:** {due_words(due, today)}  \n"
            f"Last shot {since} {'day' if since == 1 else 'days'} ago. Your plan: every "
            f"{settings.interval_days} days."
        )
    else:
        st.markdown("Log your first shot below to see when the next one is due.")

    with st.expander("My shot plan", expanded=due is None):
        st.selectbox("Long-acting shot", [w.id for w in INJECTIONS], key="t_med", format_func=label_from(LABEL))
        st.number_input("Days between shots (as your team set)", 7, 84, key="t_days")
        st.button("Save my plan", key="t_save_plan", on_click=_save_plan, args=(owner,))

    st.header("Log a shot")
    hint = next_site(entries)
    _follow("t_site", hint)
    last = next((s for s in reversed(shots(entries)) if s.site), None)
    if hint and last and last.site:
        st.caption(
            f"Last time: {LABEL[last.site].lower()}. Try the {LABEL[hint].lower()} this time, so each spot can rest."
        )
    restore_typed((*SHOT_FIELDS, *MEDICINE_FIELDS))
    with st.form("t_shot_form", border=False):
        st.date_input("Date", value=today, key="t_date", format="YYYY-MM-DD")
        st.radio("Where", SITE_IDS, key="t_site", format_func=label_from(LABEL), horizontal=True)
        st.radio("Who gave it", GIVER_IDS, index=None, key="t_by", format_func=label_from(LABEL), horizontal=True)
        st.text_input("Dose (optional, e.g. 120 mg)", key="t_dose", max_chars=MAX_DOSE)
        st.text_input("Note (optional)", key="t_note", max_chars=MAX_NOTE)
        shot = form_token(SHOT_FORM)  # in the key: a repeated click names the form it was drawn in
        st.form_submit_button(
            "Save the shot", key=f"t_save_shot_{shot}", type="primary", on_click=_log_shot, args=(owner, shot)
        )

    st.header("Other medicines")
    st.caption("Rescue doses of short-acting octreotide, and other NET medicines, as a simple log.")
    st.pills(
        "Medicine",
        [w.id for w in MEDICINES],
        key="t_other",
        format_func=label_from(LABEL),
    )
    st.text_input("Dose (optional)", key="t_other_dose", max_chars=MAX_DOSE)
    dose = form_token(MEDICINE_FORM)
    st.button("Log it now", key=f"t_log_other_{dose}", on_click=_log_medicine, args=(owner, dose))
    recent = [e for e in entries if e.kind == "medicine"][-5:]
    if recent:
        st.table(
            [
                {
                    "When": e.recorded_at.strftime("%Y-%m-%d %H:%M"),
                    "Medicine": e.label,
                    "Dose": plain(e.dose or "", MAX_DOSE),
                }
                for e in reversed(recent)
            ]
        )

    if due:
        st.download_button(
            "Add the next 6 due dates to my calendar (.ics)",
            calendar_file(entries, settings, datetime.now(UTC)),
            key="t_ics",
            file_name="netaid-shots.ics",
            mime="text/calendar",
            on_click="ignore",
            icon=":material/calendar_month:",
        )
