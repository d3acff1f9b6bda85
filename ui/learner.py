"""Who is answering: a nickname (progress kept in the database) or a guest (kept in the session)."""

from __future__ import annotations

import os

import streamlit as st

from ui.behaviour import anchor, focus_if_requested, request_focus
from netaid.progress import ProgressStore, database_url, normalize_nickname


@st.cache_resource(show_spinner=False)
def _shared_store(url: str) -> ProgressStore:
    return ProgressStore(url)


def current_learner() -> tuple[ProgressStore, int, str | None]:
    """(store, learner id, nickname or None for a guest)."""
    nickname = st.session_state.get("learner")
    if nickname:
        try:
            store = _shared_store(database_url(os.environ))
            return store, store.learner(nickname), nickname
        except Exception:  # a database that cannot be reached must not lose the learner's session
            st.session_state["learner"] = None
            st.warning("Saved progress cannot be reached right now, so your answers are kept for this visit only.")
    if "guest_store" not in st.session_state:
        st.session_state["guest_store"] = ProgressStore("sqlite://")
    store = st.session_state["guest_store"]
    return store, store.learner("guest"), None


def _use_nickname() -> None:
    raw = st.session_state.get("nickname_input", "")
    try:
        st.session_state["learner"] = normalize_nickname(raw)
        st.session_state["nickname_error"] = None
    except ValueError as error:
        st.session_state["nickname_error"] = f"That nickname cannot be used: {error}."
    request_focus("learner-status")


def learner_box() -> None:
    """Sidebar box to pick a nickname; guests keep progress for this visit only."""
    with st.sidebar:
        st.markdown("**My progress**")
        anchor("learner-status", "Who is answering", level="p")
        nickname = st.session_state.get("learner")
        if nickname:
            st.caption(f"Saving progress as **{nickname}**. Only this nickname is stored, never health details.")
            st.button("Switch to guest", key="to_guest", on_click=lambda: st.session_state.update(learner=None))
        else:
            st.caption("You are a guest: progress is kept for this visit only. Pick a nickname to keep it.")
            # A form, so Enter in the field uses the nickname.
            with st.form("nickname_form", border=False, enter_to_submit=True):
                st.text_input("Nickname", key="nickname_input", max_chars=40, placeholder="for example sunflower")
                st.form_submit_button("Use this nickname", key="use_nickname", on_click=_use_nickname)
            if st.session_state.get("nickname_error"):
                st.error(st.session_state["nickname_error"])
        focus_if_requested("learner-status")
