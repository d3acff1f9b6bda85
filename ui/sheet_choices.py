"""The visit sheet's part of the guided path: the leaning option and the SURE answers made on
Compare & decide, shown on the page as they will print."""

from __future__ import annotations

import streamlit as st

from netaid.content.library import Library
from netaid.explorer.values import SURE_QUESTIONS, sure_help
from ui import state


def leaning_and_sure(lib: Library) -> tuple[str | None, dict[str, bool | None]]:
    """What the person said on Compare & decide (None / {} when they said nothing there)."""
    names = lib.option_names
    leaning = st.session_state.get(state.LEANING_ANSWER)
    if leaning not in (None, "") and leaning not in names:
        leaning = None  # never print an id that is not an option
    sure = {k: v for k, v in st.session_state.get(state.SURE_ANSWERS, {}).items() if k in dict(SURE_QUESTIONS)}
    if leaning is not None:
        st.header("Which way I lean")
        st.markdown(f"I lean toward: **{names[leaning]}**." if leaning else "I am not sure yet.")
    if any(v is not None for v in sure.values()):
        st.header("How sure I feel (SURE test)")
        lines = []
        for key, question in SURE_QUESTIONS:
            said = sure.get(key)
            lines.append(f"- {question} **{'Yes' if said else 'No' if said is not None else 'Not answered'}**")
            if said is False:
                lines.append(f"  - What may help: {sure_help(key)}")
        st.markdown("\n".join(lines))
    if leaning is None and not sure:
        st.caption("Which way you lean and how sure you feel come from step 3 on Compare & decide.")
    return leaning, sure
