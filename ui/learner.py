"""Who is answering: a private key (progress kept in the database), a clinic sign-in, or a guest.

The session holds the key's hash (to find the learner) and, until the person leaves, the key
itself, so they can still download it. The database holds only the hash, and a display name
sealed with the key (as diary entries are). While saved progress cannot be reached, a person
with a key gets a store that refuses every answer: an answer is acknowledged only once it is
committed. Logs name only the kind of failure, never a hash or an id.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import streamlit as st

from netaid.diary.crypto import NONCE_BYTES, DiaryKey, Sealed, WrongKey
from netaid.learner_key import KeyFormatError, format_key, lookup_hash, new_key, oidc_lookup_hash
from netaid.quiz.progress import ProgressStore, UnknownLearner, clean_label, database_url
from netaid.safe_text import plain
from netaid.storage import KeyForgotten, StoreUnavailable
from ui.behaviour import anchor, focus_if_requested, request_focus
from ui.shell import library

log = logging.getLogger("netaid")
HASH, KEY, NOTICE, ERROR = "learner_hash", "learner_key", "learner_notice", "learner_error"
ANSWER_ERROR = "quiz_answer_error"
GUEST_HASH = "guest"
LABEL_RECORD = "display-name"  # the sealed display name's record id (its associated data)
UNREACHABLE = "Saved progress cannot be reached right now. Please try again in a moment."
ANSWER_NOT_SAVED = "Not saved: your progress cannot be reached right now. Please press Check answer again in a moment."
ANSWER_FORGOTTEN = "Not saved: no progress is kept under your key any more (it was deleted, perhaps on another device)."


class OfflineProgress(ProgressStore):
    """What a person with a key gets while saved progress cannot be reached: nothing saved to show,
    and each answer sent on to the shared store, so it is acknowledged only if the database is
    back and has committed it (a page drawn during the outage keeps this store in its callbacks)."""

    def __init__(self, ident: str) -> None:
        super().__init__("sqlite://")
        self.ident = ident

    def record_answer(self, learner_id: int, *args: Any, **kwargs: Any) -> datetime:
        store = shared_store()
        found = store.find(self.ident)
        if found is None:
            raise UnknownLearner(learner_id)
        return store.record_answer(found, *args, **kwargs)


@st.cache_resource(show_spinner=False)
def _shared_store(url: str) -> ProgressStore:
    return ProgressStore(url)


def shared_store() -> ProgressStore:
    return _shared_store(database_url(os.environ))


def guest_store() -> tuple[ProgressStore, int]:
    if "guest_store" not in st.session_state:
        st.session_state["guest_store"] = ProgressStore("sqlite://")
    store = st.session_state["guest_store"]
    return store, store.create(GUEST_HASH)


# -- clinic sign-in (st.login, OIDC) -------------------------------------------------------------


def sign_in_configured() -> bool:
    """True when secrets.toml has an [auth] section, so st.login can be offered."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _user() -> dict[str, Any]:
    try:
        return dict(st.user.to_dict()) if st.user.get("is_logged_in") else {}
    except Exception:
        return {}


def _signed_in_hash() -> str | None:
    user = _user()
    if not user.get("sub"):
        return None
    return oidc_lookup_hash(str(user.get("iss", "")), str(user["sub"]))


# -- who is answering ------------------------------------------------------------------------------


def diary_key() -> DiaryKey | None:
    """The session's key as a sealer (derived once per key, not on every rerun), or None."""
    key = st.session_state.get(KEY)
    if not (key and st.session_state.get(HASH)):
        return None
    cached = st.session_state.get("_diary_key")
    if cached is None or cached[0] != key:
        cached = (key, DiaryKey(key))
        st.session_state["_diary_key"] = cached
    return cached[1]


def _display_name(store: ProgressStore, learner_id: int) -> str:
    user = _user()
    if user:  # shown from the sign-in each time, never stored
        return str(user.get("name") or user.get("email") or "your clinic account")
    return read_label(store, learner_id) or "your private key"


def current_learner() -> tuple[ProgressStore, int, str | None]:
    """(store, learner id, a display name, or None for a guest)."""
    signed_in = _signed_in_hash()
    ident = signed_in or st.session_state.get(HASH)
    if ident:
        try:
            store = shared_store()
            # the identity provider vouches for a signed-in person: make their row if new
            learner_id = store.create(signed_in) if signed_in else store.find(ident)
            if learner_id is not None:
                return store, learner_id, _display_name(store, learner_id)
            _leave()
            st.warning(
                "No saved progress was found for your key any more (it may have been deleted on another "
                "device). You are a guest now: answers are kept for this visit only."
            )
        except (StoreUnavailable, KeyForgotten) as error:  # the session and its key are kept for later
            log.warning("progress database: %s", error)
            st.warning(
                "Saved progress cannot be reached right now, so answers cannot be saved. Please try again in a moment.",
                icon=":material/cloud_off:",
            )
            offline = st.session_state.get("offline_store")
            if offline is None or offline.ident != ident:
                offline = st.session_state["offline_store"] = OfflineProgress(ident)
            return offline, offline.create(GUEST_HASH), None
    store, learner_id = guest_store()
    return store, learner_id, None


def answer_saved(save: Callable[[], object]) -> bool:
    """Run one answer's save; if it is not committed, say so (shown by `answer_problem`)."""
    try:
        save()
    except StoreUnavailable as error:
        log.warning("answer not saved: %s", error)
        st.session_state[ANSWER_ERROR] = ANSWER_NOT_SAVED
        return False
    except (UnknownLearner, KeyForgotten):
        log.warning("answer not saved: the learner is gone")
        st.session_state[ANSWER_ERROR] = ANSWER_FORGOTTEN
        return False
    st.session_state.pop(ANSWER_ERROR, None)
    return True


def answer_problem() -> None:
    """Below the Check button: why the last answer was not saved, if it was not."""
    if st.session_state.get(ANSWER_ERROR):
        st.error(st.session_state[ANSWER_ERROR], icon=":material/cloud_off:")


# -- the display name, sealed with the key -----------------------------------------------------


def read_label(store: ProgressStore, learner_id: int) -> str | None:
    sealed, key = store.sealed_label(learner_id), diary_key()
    if not sealed or key is None:
        return None
    try:
        return key.open(LABEL_RECORD, Sealed(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:])).decode("utf-8")
    except WrongKey:
        return None


def _save_label(store: ProgressStore, learner_id: int) -> None:
    label, key = clean_label(st.session_state.get("label_input")), diary_key()
    if key is None:
        return
    sealed = key.seal(LABEL_RECORD, label.encode("utf-8")) if label else None
    try:
        store.set_sealed_label(learner_id, sealed.nonce + sealed.ciphertext if sealed else None)
    except StoreUnavailable as error:
        log.warning("display name not saved: %s", error)
        st.session_state[ERROR] = "Not saved: " + UNREACHABLE


def _leave() -> None:
    for name in (HASH, KEY):
        st.session_state.pop(name, None)


def _start_key() -> None:
    """Make a new key; carry over this visit's answers to it."""
    key = new_key()
    hashed = lookup_hash(key)
    store = shared_store()
    learner_id = store.create(hashed)
    guest, guest_id = guest_store()
    store.copy_answers(guest, guest_id, learner_id)
    st.session_state[HASH], st.session_state[KEY] = hashed, format_key(key)
    st.session_state[NOTICE] = True
    st.session_state[ERROR] = None


def _make_key() -> None:
    request_focus("learner-status")
    try:
        _start_key()
    except StoreUnavailable as error:
        log.warning("making a key: %s", error)
        st.session_state[ERROR] = "Your progress cannot be saved right now. Please try again later."


def _use_key() -> None:
    request_focus("learner-status")
    raw = st.session_state.get("key_input", "")
    try:
        hashed = lookup_hash(raw)
    except KeyFormatError as error:
        st.session_state[ERROR] = f"That is not a NETaid key: {error}."
        return
    try:
        found = shared_store().find(hashed)
    except StoreUnavailable as error:
        log.warning("looking up a key: %s", error)
        st.session_state[ERROR] = "Saved progress cannot be reached right now. Please try again later."
        return
    if found is None:
        st.session_state[ERROR] = (
            "No progress is saved under that key. Check it, or save your progress to get a new key."
        )
        return
    st.session_state[HASH], st.session_state[KEY] = hashed, format_key(raw)
    st.session_state[ERROR] = None


def _forget() -> None:
    store, learner_id, name = current_learner()
    if name is None:
        return
    from ui.diary_state import forget_diary  # the diary is deleted with everything else

    key_hash = st.session_state.get(HASH)
    try:
        forget_diary(key_hash)  # first: its tombstone refuses any later diary save under the key
        store.forget(learner_id, key_hash)
    except StoreUnavailable as error:
        log.warning("forget me: %s", error)
        st.session_state[ERROR] = "Not deleted yet: saved progress cannot be reached right now. Please try again."
        return
    _leave()
    st.session_state["guest_store"] = ProgressStore("sqlite://")
    st.session_state[ERROR] = None
    st.session_state["forgotten"] = True


# -- after a server restart ---------------------------------------------------------------------

RESTART_NOTICE = (
    "NETaid was restarted, so this visit started again. Anything you had saved with your private key is "
    "still there: open it again with your key. An answer you gave just before this message may not have been saved."
)


def _browser_had_a_page_open() -> bool:
    """True when the first run of this session carries widget values from the browser.

    A new visit starts with no widget values. A browser that kept its page open while the
    server restarted reconnects to a new, empty session and sends the values of the widgets it
    still shows. Streamlit has no public API for this, so a change there only hides the notice.
    """
    try:
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        ctx = get_script_run_ctx()
        return bool(ctx is not None and ctx.session_state._state._new_widget_state.states)
    except Exception:
        return False


def notice_restart() -> None:
    """Say plainly that a restart reset this visit (and that a key brings progress back)."""
    if "visit_started" not in st.session_state:
        st.session_state["visit_started"] = True
        st.session_state["restart_notice"] = _browser_had_a_page_open()
    if st.session_state.get("restart_notice"):
        st.warning(RESTART_NOTICE, icon=":material/restart_alt:")
        st.button("OK", key="restart_ok", on_click=lambda: st.session_state.update(restart_notice=False))


# -- what the person sees ------------------------------------------------------------------------


def _errors() -> None:
    if st.session_state.get(ERROR):
        st.error(st.session_state[ERROR])


def key_downloads(where: str) -> None:
    """The key, and buttons to keep it as a text file or a small PDF card."""
    from netaid.outputs.key_card import key_card_pdf, key_text

    key = st.session_state.get(KEY)
    if not key:
        return
    st.code(key, language=None, wrap_lines=True)
    st.download_button(
        "Download the key (text)",
        key_text(key, date.today()),
        file_name="netaid-key.txt",
        mime="text/plain",
        key=f"key_txt_{where}",
        on_click="ignore",
    )
    st.download_button(
        "Download a key card (PDF)",
        lambda: key_card_pdf(key, date.today(), library().sources),
        file_name="netaid-key.pdf",
        mime="application/pdf",
        key=f"key_pdf_{where}",
        on_click="ignore",
    )


def learner_box() -> None:
    """Sidebar box: save progress with a private key, open it with the key, or stay a guest."""
    with st.sidebar:
        st.markdown("**My progress**")
        anchor("learner-status", "Who is answering", level="p")
        focus_if_requested("learner-status")
        user = _user()
        if user:
            who = plain(user.get("name") or user.get("email") or "your clinic account", 60)
            st.caption(f"Signed in as {who}. Your progress is saved with this sign-in.")
            st.button("Sign out", key="sign_out", on_click=st.logout)
            return
        if st.session_state.get(HASH):
            st.caption(
                "Your progress is saved under your private key. NETaid stores only a scrambled form "
                "of the key (a hash), never health details."
            )
            if st.session_state.pop(NOTICE, False):
                st.warning(
                    "This is your private key. Write it down or download it now: NETaid cannot show it "
                    "again after you leave.",
                    icon=":material/key:",
                )
                key_downloads("sidebar")
            st.button("Leave (stop saving on this device)", key="leave_key", on_click=_leave)
            _errors()
            return
        st.caption("You are a guest: progress is kept for this visit only.")
        st.button(
            "Save my progress",
            key="make_key",
            type="primary",
            on_click=_make_key,
            help="Makes a private key. With it you can open your progress on any device.",
        )
        with st.form("key_form", clear_on_submit=True, border=False):
            st.text_input(
                "I have a key", key="key_input", type="password", max_chars=60, placeholder="XXXX-XXXX-XXXX-…"
            )
            st.form_submit_button("Open my progress", key="use_key", on_click=_use_key)
        if sign_in_configured():
            st.button("Sign in with your clinic account", key="sign_in", on_click=st.login)
        _errors()


def key_section() -> None:
    """On the Progress page: the key, a display name, and forgetting."""
    if st.session_state.pop("forgotten", False):
        st.success("Everything saved under your key has been deleted. You are a guest now.")
    st.header("Your private key")
    store, learner_id, name = current_learner()
    if name is None:
        st.markdown(
            "You are a guest. **Save my progress** (in the side bar) makes a private key, so you can come "
            "back to your answers on any device."
        )
        _errors()
        return
    if _user():
        st.markdown("Your progress is saved with your clinic sign-in.")
    elif st.session_state.get(KEY):
        st.markdown("Your key opens this progress on any device. Keep it private, like a password.")
        key_downloads("progress")
    with st.form("label_form", border=False):
        st.text_input(
            "A name to show on this page (optional)",
            key="label_input",
            max_chars=40,
            value=read_label(store, learner_id) or "",
        )
        st.form_submit_button("Save the name", key="save_label", on_click=_save_label, args=(store, learner_id))
    with st.expander("Forget me"):
        st.markdown(
            "This deletes every answer, review date and diary entry saved under your key, on every device. It cannot "
            "be undone. Download your progress first if you may want it again."
        )
        sure = st.checkbox("Yes, delete all my saved progress", key="forget_sure")
        st.button("Delete everything", key="forget", type="primary", disabled=not sure, on_click=_forget)
