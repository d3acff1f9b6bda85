"""One-time form tokens: a double or triple click on a save button stores one entry.

A token is made when a form is drawn and goes into the save button's key and its callback's
arguments. A repeated click still names the token it was drawn with, so after the first save
has used that token the repeat finds it spent and does nothing. The stores also keep the token
(as the new rows' ids, or in a unique column), so a repeat that reaches another process is
stored once too. A save that fails leaves the token unspent: the retry saves once.

A fast triple click can land its last click on the form drawn after the first save, with a new
token. So a save also remembers what it stored (its fingerprint): the same thing sent again
from the next drawing of the form is a repeat too (entries carry the minute they are for, so
this refuses only a copy made within the same minute), and an empty send right after a save
is the late click on the form the save cleared.
"""

from __future__ import annotations

import hashlib
import secrets

import streamlit as st

_TOKENS = "_form_tokens"  # form name -> the token its drawn button carries
_LAST = "_form_last_saved"  # form name -> the fingerprint of what its last save stored


def form_token(form: str) -> str:
    """The token of this form as drawn now (a fresh one after each save)."""
    tokens = st.session_state.setdefault(_TOKENS, {})
    return tokens.setdefault(form, secrets.token_hex(16))


def is_current(form: str, token: str) -> bool:
    """True if a click carries the form's live token (not a repeat of a click already saved)."""
    return st.session_state.get(_TOKENS, {}).get(form) == token


def spend(form: str, fingerprint: str) -> None:
    """The save went through: the next drawing of the form gets a new token."""
    st.session_state.get(_TOKENS, {}).pop(form, None)
    st.session_state.setdefault(_LAST, {})[form] = fingerprint


def repeats_last_save(form: str, fingerprint: str) -> bool:
    """True if this is what the form's last save stored (the late click of a triple click)."""
    return st.session_state.get(_LAST, {}).get(form) == fingerprint


def just_saved(form: str) -> bool:
    """True once this form has saved something in this visit."""
    return form in st.session_state.get(_LAST, {})


def fingerprint(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def entry_ids(token: str, count: int) -> list[str]:
    """Entry ids that follow from the token, so a repeated save writes onto the same ids."""
    return [hashlib.sha256(f"{token}:{n}".encode()).hexdigest()[:32] for n in range(count)]
