"""One-time form tokens: a double or triple click on a save button stores one entry.

A token is made when a form is drawn and goes into the save button's key and its callback's
arguments. A repeated click still names the token it was drawn with, so after the first save
has used that token the repeat finds it spent and does nothing. The stores also keep the token
(as the new rows' ids, or in a unique column), so a repeat that reaches another process is
stored once too. A save that fails leaves the token unspent: the retry saves once.
"""

from __future__ import annotations

import hashlib
import secrets

import streamlit as st

_TOKENS = "_form_tokens"  # form name -> the token its drawn button carries


def form_token(form: str) -> str:
    """The token of this form as drawn now (a fresh one after each save)."""
    tokens = st.session_state.setdefault(_TOKENS, {})
    return tokens.setdefault(form, secrets.token_hex(16))


def is_current(form: str, token: str) -> bool:
    """True if a click carries the form's live token (not a repeat of a click already saved)."""
    return st.session_state.get(_TOKENS, {}).get(form) == token


def spend(form: str) -> None:
    """The save went through: the next drawing of the form gets a new token."""
    st.session_state.get(_TOKENS, {}).pop(form, None)


def entry_ids(token: str, count: int) -> list[str]:
    """Entry ids that follow from the token, so a repeated save writes onto the same ids."""
    return [hashlib.sha256(f"{token}:{n}".encode()).hexdigest()[:32] for n in range(count)]
