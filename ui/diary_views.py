"""'What I see' charts, the exports and the import."""

from __future__ import annotations

from datetime import tzinfo

import streamlit as st

from netaid.diary import charts
from netaid.diary.export import DiaryFileError, fhir_json, from_csv, from_fhir, to_csv
from netaid.diary.models import LABEL, Entry
from netaid.diary.patterns import (
    HARD_DAY_RULE,
    MIN_TIMES,
    by_day,
    by_days_since_shot,
    in_period,
    summary,
    trigger_patterns,
)
from netaid.diary.report import summary_pdf
from netaid.explorer.wording import count_of
from netaid.safe_text import plain
from ui import state
from ui.diary_entry import say, stored
from ui.diary_state import Owner, local_now, local_zone
from ui.shell import label_from, library, show_chart

PERIODS = {2: "2 weeks", 4: "4 weeks", 8: "8 weeks", 520: "All"}
CAVEAT = "Patterns, not proof — talk to your team before cutting foods out."


def what_i_see(entries: list[Entry], zone: tzinfo) -> None:
    """Charts and patterns of the chosen weeks, each entry on its day in the person's `zone`."""
    weeks = st.segmented_control(
        "Show the last", list(PERIODS), key="v_weeks", default=4, format_func=label_from(PERIODS), required=True
    )
    now = local_now()
    recent = in_period(entries, weeks or 4, now)
    if not recent:
        st.info("Nothing in this period yet. Patterns show up after a few days of entries.")
        return
    days = by_day(recent, zone)
    show_chart(charts.symptoms_over_time(days), key="v_time")
    hard = sum(1 for d in days if d.hard)
    st.caption(f"{count_of(hard, 'hard day')} in this period. {HARD_DAY_RULE}")
    since = by_days_since_shot(recent, zone)
    if since:
        show_chart(charts.by_days_since_shot(since), key="v_since")
    else:
        st.caption("Log your shots in the tracker to see symptoms by days since the last shot.")

    st.header("What came before a symptom")
    st.warning(CAVEAT, icon=":material/info:")
    hours = st.slider("A symptom counts if it came within this many hours", 2, 12, value=4, key="v_hours")
    patterns = trigger_patterns(recent, hours)
    shown = [p for p in patterns if p.shown]
    for p in shown:
        st.markdown(f"- {p.sentence()}")
    if shown:
        show_chart(charts.trigger_patterns(patterns), key="v_triggers")
    waiting = [p for p in patterns if not p.shown]
    if waiting:
        st.caption(
            f"Not enough times yet (a pattern needs {MIN_TIMES}): "
            + ", ".join(f"{LABEL[p.what].lower()} ({p.times})" for p in waiting)
            + "."
        )
    if not patterns:
        st.caption("Tag what came before a symptom, and also things you ate or did without one, to see patterns.")


def _import(owner: Owner) -> None:
    upload = st.session_state.get("x_file")
    if upload is None:
        return
    name = plain(upload.name, 80)
    try:
        text = upload.getvalue().decode("utf-8")
        found = from_fhir(text) if name.lower().endswith(".json") else from_csv(text)
    except UnicodeDecodeError:
        st.session_state[state.DIARY_ERROR] = f"Nothing was loaded: {name} is not a text file."
        return
    except DiaryFileError as error:
        st.session_state[state.DIARY_ERROR] = f"Nothing was loaded from {name}: {plain(error, 300)}."
        return
    if not stored(lambda: owner.store.save_many(owner.key, found)):
        return
    say(f"Loaded {len(found)} entries from {name}.")


def exports(owner: Owner, entries: list[Entry]) -> None:
    st.markdown("Take your diary to your team, or keep a copy. The files are made on your screen.")
    now = local_now()
    weeks = (
        st.segmented_control(
            "Summary of the last", [2, 4, 8], key="x_weeks", default=4, format_func=label_from(PERIODS), required=True
        )
        or 4
    )
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        "Summary (PDF)",
        lambda: summary_pdf(summary(entries, weeks, now, zone=local_zone()), now.date(), sources=library().sources),
        file_name="netaid-diary-summary.pdf",
        mime="application/pdf",
        key="x_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
    c2.download_button(
        "Spreadsheet (CSV)",
        lambda: to_csv(entries),
        file_name="netaid-diary.csv",
        mime="text/csv",
        key="x_csv",
        on_click="ignore",
        icon=":material/table:",
    )
    c3.download_button(
        "For health records (FHIR)",
        lambda: fhir_json(entries),
        file_name="netaid-diary-fhir.json",
        mime="application/fhir+json",
        key="x_fhir",
        on_click="ignore",
        icon=":material/medical_information:",
    )
    with st.expander("Load a diary file"):
        st.file_uploader("A diary file saved from NETaid (.csv or FHIR .json)", type=["csv", "json"], key="x_file")
        st.button("Load it", key="x_load", on_click=_import, args=(owner,))


def move_guest_entries(owner: Owner, guest: Owner) -> None:
    found = guest.store.entries(guest.key)
    if not stored(lambda: owner.store.save_many(owner.key, found)):
        return
    guest.store.delete(guest.key, *(e.id for e in found))
    say(f"Moved {len(found)} entries into your private diary.")
