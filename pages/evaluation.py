"""Clinic pilot: the opt-in evaluation kit (SURE, a knowledge check, the decisional conflict scale)."""

import os
import re
from datetime import date

import streamlit as st

from netaid.evaluation import DCS_ITEMS, SWITCH, EvaluationStore, Response, knowledge_questions, new_participant_code
from netaid.explorer.values import SURE_QUESTIONS
from netaid.storage import StoreUnavailable
from ui.once import fingerprint, form_token, is_current, repeats_last_save, spend
from ui.shell import library, require_app_shell

require_app_shell()

CODE = re.compile(r"^[0-9A-F]{8}$")
PILOT_FORM = "pilot"


@st.cache_resource(show_spinner=False)
def store(switch: str | None, database: str | None) -> EvaluationStore:
    """One store per setting, so switching the kit on or off takes effect on the next run."""
    return EvaluationStore({k: v for k, v in ((SWITCH, switch), ("NETAID_DATABASE_URL", database)) if v})


lib = library()
st.title("Clinic pilot: does NETaid help?")
st.markdown(
    "Clinics that try NETaid can ask people to fill in this short form twice: before they use "
    "NETaid and after. It asks how sure you feel about your choice, five quiz questions, and ten "
    "questions about your decision. It asks for no name and no health details."
)
try:
    kit = store(os.environ.get(SWITCH), os.environ.get("NETAID_DATABASE_URL"))
except StoreUnavailable:
    st.error("The pilot form cannot reach its database right now. Please try again in a moment.")
    st.stop()
if not kit.enabled:
    st.info(
        "The pilot form is switched off on this site, so nothing you could enter here would be "
        f"stored. A clinic switches it on by starting NETaid with `{SWITCH}=on`.",
        icon=":material/toggle_off:",
    )
    st.page_link("pages/sources.py", label="Read who makes NETaid and how", icon=":material/info:")
    st.stop()

st.info(
    "This clinic has switched the pilot form on. Your answers are stored without your name.",
    icon=":material/toggle_on:",
)
if "pilot_code" not in st.session_state:
    st.session_state["pilot_code"] = new_participant_code()
phase = st.radio(
    "When are you filling this in?",
    ["before", "after"],
    horizontal=True,
    key="pilot_phase",
    format_func={"before": "Before using NETaid", "after": "After using NETaid"}.get,
)
if phase == "before":
    st.markdown(f"Your code is **{st.session_state['pilot_code']}**. Write it down: you type it in after.")
questions = knowledge_questions(lib.quiz_banks)


def send(token: str) -> None:
    """Check the form whole, then save it in one go (a callback, so a rerun cannot lose the click).

    The form's one-time token makes a double or triple click store one row (and the store keeps
    the token in a unique column, for a repeat that reaches it anyway).
    """
    state = st.session_state
    if not is_current(PILOT_FORM, token):
        state["pilot_result"] = ("success", SAVED)  # a repeated click: the first one saved it
        return
    code = (state.get("pilot_code_typed") or "").strip().upper()
    sure = {key: state.get(f"pilot_sure_{key}") for key, _ in SURE_QUESTIONS}
    dcs = {key: state.get(f"pilot_dcs_{key}") for key, _ in DCS_ITEMS}
    if not CODE.match(code):
        state["pilot_result"] = ("error", "The code should be 8 letters and numbers, like the one you wrote down.")
    elif None in sure.values() or None in dcs.values():
        state["pilot_result"] = (
            "error",
            "Please answer every question about how sure you feel and about your decision.",
        )
    else:
        right = sum(1 for q in questions if state.get(f"pilot_k_{q.id}") is q.correct)
        response = Response(
            code,
            state["pilot_phase"],
            date.today(),
            {k: v == "yes" for k, v in sure.items()},
            right,
            len(questions),
            dict(dcs),  # type: ignore[arg-type]
        )
        sent = fingerprint(response)
        if repeats_last_save(PILOT_FORM, sent):  # the late click of a triple click, on the redrawn form
            state["pilot_result"] = ("success", SAVED)
            return
        try:
            kit.save(response, token)
        except StoreUnavailable:
            state["pilot_result"] = ("error", "Not saved: the pilot's database cannot be reached. Please try again.")
            return
        spend(PILOT_FORM, sent)
        state["pilot_result"] = ("success", SAVED)


SAVED = "Thank you. Your answers are saved without your name."


with st.form("pilot_form"):
    st.text_input(
        "Your code",
        value=st.session_state["pilot_code"] if phase == "before" else "",
        max_chars=8,
        key="pilot_code_typed",
    )
    st.subheader("How sure do you feel?")
    for key, text in SURE_QUESTIONS:
        st.radio(text, ["yes", "no"], index=None, horizontal=True, key=f"pilot_sure_{key}")
    st.subheader("Five quick questions")
    for q in questions:
        st.radio(
            q.prompt,
            [True, False],
            index=None,
            horizontal=True,
            key=f"pilot_k_{q.id}",
            format_func=lambda v: "True" if v else "False",
        )
    st.subheader("About your decision")
    for key, text in DCS_ITEMS:
        st.radio(text, ["yes", "unsure", "no"], index=None, horizontal=True, key=f"pilot_dcs_{key}")
    token = form_token(PILOT_FORM)  # in the key: a repeated click names the form it was drawn in
    st.form_submit_button("Send my answers", key=f"pilot_send_{token}", on_click=send, args=(token,))
result = st.session_state.pop("pilot_result", None)
if result:
    kind, message = result
    (st.success if kind == "success" else st.error)(message)
