"""Presenter mode: one question at a time in large type for a clinician and a patient. No scores."""

import streamlit as st

from netaid.quiz import authored_questions, choices_of, stable_order
from ui.quiz_widgets import feedback
from ui.shell import library, require_app_shell

require_app_shell()

lib = library()
TOPICS = {topic: bank.title for topic, bank in sorted(lib.quiz_banks.items())}
st.markdown(
    "<style>.netaid-present { font-size: 2rem; line-height: 1.35; font-weight: 600; margin: 1rem 0 1.5rem; }"
    " .netaid-choice { font-size: 1.5rem; margin: 0.4rem 0; }</style>",
    unsafe_allow_html=True,
)
st.title("Presenter mode")
topic = st.selectbox("Topic", list(TOPICS), key="present_topic", format_func=TOPICS.get)
questions = authored_questions(lib, topic)
index = st.session_state.setdefault("present_index", 0) % len(questions)
if st.session_state.get("present_topic_seen") != topic:
    st.session_state.update(present_topic_seen=topic, present_index=0, present_reveal=False)
    index = 0
question = questions[index]


def move(step: int) -> None:
    st.session_state["present_index"] = (st.session_state["present_index"] + step) % len(questions)
    st.session_state["present_reveal"] = False


st.caption(f"Question {index + 1} of {len(questions)}. Keys: ← previous, → next, Space shows the answer.")
st.markdown(f'<div class="netaid-present">{question.prompt}</div>', unsafe_allow_html=True)
if question.type == "sort":
    st.markdown(f'<div class="netaid-choice">Groups: {" · ".join(question.groups)}</div>', unsafe_allow_html=True)
choices = stable_order(choices_of(question), f"present:{question.id}")
st.markdown("".join(f'<div class="netaid-choice">• {c}</div>' for c in choices), unsafe_allow_html=True)

c1, c2, c3 = st.columns(3)
c1.button("Previous", key="present_prev", on_click=move, args=(-1,), shortcut="Left", use_container_width=True)
c2.button("Show the answer", key="present_reveal_btn", shortcut="Space", use_container_width=True, type="primary",
          on_click=lambda: st.session_state.update(present_reveal=True))
c3.button("Next", key="present_next", on_click=move, args=(1,), shortcut="Right", use_container_width=True)
if st.session_state.get("present_reveal"):
    feedback(lib, question, None)
