"""Whose diary this is and where it is kept: the private key's encrypted store, or the session.

A person with a private key in this session gets the shared encrypted store (the key stays in
the session only; the database sees its hash and ciphertext). Guests, and people signed in with
a clinic account (no key, so nothing to encrypt with), get a diary in this session's memory.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

import streamlit as st

from netaid.diary.crypto import DiaryKey
from netaid.diary.quiz_links import questions_for_tags
from netaid.diary.store import DiaryStore
from netaid.learner_key import new_key
from netaid.quiz.progress import database_url
from netaid.storage import StoreUnavailable
from ui import state
from ui.learner import diary_key

log = logging.getLogger("netaid")
GUEST = "diary_guest"
TAGS = "diary_tags"  # the trigger tags a person uses most, for the quiz page


@dataclass(frozen=True)
class Owner:
    store: DiaryStore
    key: DiaryKey
    saved: bool  # True: encrypted in the shared database; False: this visit only


@st.cache_resource(show_spinner=False)
def _shared_diary(url: str) -> DiaryStore:
    return DiaryStore(url)


def shared_diary() -> DiaryStore:
    return _shared_diary(database_url(os.environ))


def guest_owner() -> Owner:
    if GUEST not in st.session_state:
        st.session_state[GUEST] = Owner(DiaryStore("sqlite://"), DiaryKey(new_key()), False)
    return st.session_state[GUEST]


def diary_owner() -> Owner:
    key = diary_key()
    if key is not None:
        try:
            return Owner(shared_diary(), key, True)
        except StoreUnavailable as error:  # an unreachable database must not lose what the person types now
            log.warning("diary database: %s", error)
            st.session_state[state.DIARY_UNREACHABLE] = True
    return guest_owner()


def forget_diary(owner_hash: str | None) -> None:
    """'Forget me': delete every diary record under this key, and this visit's guest diary."""
    if owner_hash:
        shared_diary().forget(owner_hash)
    st.session_state.pop(GUEST, None)
    st.session_state.pop("_diary_key", None)
    st.session_state.pop(TAGS, None)


def browser_zone() -> tzinfo | None:
    """The person's time zone as their browser names it (st.context.timezone, e.g. "Europe/Berlin"),
    or None when the browser sent none or a name this server does not know."""
    try:
        name = st.context.timezone
        return ZoneInfo(name) if name else None
    except Exception:  # an unknown or malformed name: the page says it uses UTC instead
        return None


def local_zone() -> tzinfo:
    """The person's time zone, or UTC when the browser gives none (the diary then says so)."""
    return browser_zone() or UTC


def local_now() -> datetime:
    return datetime.now(local_zone()).replace(second=0, microsecond=0)


def quiz_suggestion(start: Callable[[str, list[str]], None]) -> None:
    """On the quiz page: the trigger questions about what this person tags in their diary."""
    tags = st.session_state.get(TAGS) or []
    if not tags:
        return
    from ui.shell import library

    ids = questions_for_tags(library(), tags)
    if not ids:
        return
    from netaid.diary.models import LABEL

    named = ", ".join(LABEL[t].lower() for t in tags[:3])
    st.info(
        f"From your diary: you often tag {named}. {len(ids)} trigger questions are about these.",
        icon=":material/edit_note:",
    )
    st.button("Practise these questions", key="start_diary_questions", on_click=start, args=("practice", ids[:10]))
