"""The visit sheet's optional diary section: a summary of the last 2, 4 or 8 weeks."""

from __future__ import annotations

import streamlit as st

from netaid.diary.crypto import WrongKey
from netaid.diary.patterns import summary, summary_lines
from netaid.safe_text import plain
from ui.diary_state import diary_owner, local_now
from ui.shell import label_from

WEEKS = {2: "2 weeks", 4: "4 weeks", 8: "8 weeks"}


def diary_summary_lines() -> list[str]:
    """Shows the section when there is a diary; returns the lines the sheet should print (or none)."""
    owner = diary_owner()
    try:
        entries = owner.store.entries(owner.key)
    except WrongKey:
        return []
    if not entries:
        return []
    st.header("My diary")
    if not st.checkbox("Add a summary of my diary to the sheet", value=True, key="sheet_diary"):
        return []
    weeks = (
        st.segmented_control(
            "Of the last", list(WEEKS), default=4, key="sheet_diary_weeks", format_func=label_from(WEEKS), required=True
        )
        or 4
    )
    lines = summary_lines(summary(entries, weeks, local_now()))
    st.markdown("\n".join(f"- {plain(line, 400)}" for line in lines))
    st.caption("Patterns, not proof: the counts show what happened, not why.")
    return lines
