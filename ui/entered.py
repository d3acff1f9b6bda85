"""What a person has entered, kept where Streamlit's widget clean-up cannot reach it.

Streamlit deletes a widget's value at the end of any run that does not draw that widget, so
a trip to another page used to reset every field (and the visit sheet then printed the reset
values as the person's own). Each value a person enters therefore lives in a plain
session-state key that no widget owns (the keys are in ui/state.py). A widget keeps its own
key, is seeded from the plain one whenever it is drawn anew, and writes back to it on every
change. Nothing here is cleared except by the person: "Start over" or "Forget me".
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from netaid.explorer.profile import clean_given
from ui import state


def seed(widget_key: str, value: Any) -> None:
    """Give a widget its remembered value when it is drawn anew (after its key was cleaned up)."""
    if widget_key not in st.session_state:
        st.session_state[widget_key] = value


def remembered(key: str, default: Any) -> Any:
    """A stored value, or the default when the person has not entered one. A value of another kind
    than the default (a stale or tampered session) is dropped, so no page trips over it."""
    value = st.session_state.get(key, default)
    if default is not None and value is not None and not isinstance(value, type(default)):
        st.session_state.pop(key, None)
        return default
    return value


def situation() -> dict[str, Any]:
    """The fields of the situation the person gave (nothing filled in by default), each checked.

    A stale or tampered value is dropped on its own, with a plain note on the page that read it."""
    given, dropped = clean_given(st.session_state.get(state.PROFILE, {}))
    if dropped:
        st.session_state[state.PROFILE] = given
        for line in dict.fromkeys(dropped):
            st.info(f"{line} You can set it again in the treatment options explorer.", icon=":material/info:")
    return given


def set_situation(given: dict[str, Any]) -> None:
    """Replace the situation with these fields (an example, a share link)."""
    st.session_state[state.PROFILE] = dict(given)


def give(name: str, value: Any) -> None:
    """One field of the situation as the person set it; an emptied field is no longer given."""
    profile = dict(st.session_state.get(state.PROFILE, {}))
    if value is None or value == "" or value == [] or value == ():
        profile.pop(name, None)
    else:
        profile[name] = value
    st.session_state[state.PROFILE] = profile


def start_over() -> None:
    """Forget everything entered on the decision path in this visit (the person asked)."""
    for key in state.ENTERED:
        st.session_state.pop(key, None)
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(state.WIDGET_PREFIXES)]:
        del st.session_state[key]
