"""Step 3 of the guided path: which way the person leans, and the help that fits each "no"
on the SURE test. Both reach the visit sheet through session state."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from netaid.content.library import Library
from netaid.explorer.values import SURE_HELP, SURE_QUESTIONS
from ui import state
from ui.registry import TITLE_OF, URL_OF

NOT_SURE = ""
SURE_SHORT = {
    "sure": "Sure",
    "understand": "Understand",
    "risk_benefit": "Risk-benefit",
    "encouragement": "Encouragement",
}


def leaning_section(lib: Library, shown_ids: list[str]) -> None:
    """A radio of the options listed for this situation, plus "not sure yet". Never preset."""
    names = lib.option_names
    st.header("Which way I lean", anchor="which-way-i-lean")
    st.markdown(
        "If you had to choose today, which option would you lean toward? This is only for you and "
        'your care team. You can change it at any time, and "not sure yet" is a fine answer.'
    )
    choices = [NOT_SURE, *shown_ids]
    before = st.session_state.get(state.LEANING_ANSWER)
    picked = st.radio(
        "I lean toward",
        choices,
        key="leaning_option",
        index=choices.index(before) if before in choices else None,
        format_func=lambda i: "I am not sure yet" if i == NOT_SURE else names[i],
    )
    if picked is not None:
        st.session_state[state.LEANING_ANSWER] = picked


def sure_help_links(answers: Mapping[str, bool | None]) -> None:
    """For each "no", the help that fits it, with a link where the app has that help."""
    noes = [key for key, _ in SURE_QUESTIONS if answers.get(key) is False]
    if not noes:
        return
    st.subheader("Help for each “no”")
    for key in noes:
        url, words = SURE_HELP[key]
        st.markdown(f"**{SURE_SHORT[key]}: no.** {words}")
        if key == "understand":
            st.page_link(f"pages/{URL_OF['learn']}", label="Read the Learn page", icon=":material/menu_book:")
            st.page_link(f"pages/{URL_OF['quiz']}", label="Check what you know with a quiz", icon=":material/quiz:")
        elif key == "risk_benefit":
            st.markdown("[Go back to what matters to me](#what-matters-to-me)")
        elif key == "sure":
            st.markdown("[Look at the options side by side again](#compare-options-side-by-side)")
        else:
            st.page_link(
                f"pages/{URL_OF[url]}",
                label=f"Make a {TITLE_OF[url].lower()} with questions for your team",
                icon=":material/print:",
            )
