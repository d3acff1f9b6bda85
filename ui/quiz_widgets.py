"""Asking a quiz question and showing its feedback, for every question type."""

from __future__ import annotations

from typing import Any

import streamlit as st

from netaid.content import Library
from netaid.quiz import Verdict, choices_of, correct_of, stable_order
from netaid.quiz_models import MultipleSelect, Question, SortIntoGroups
from netaid.vocabulary import LEARN_LINKS
from ui.behaviour import anchor
from ui.shell import cite


def ask(question: Question, order_key: str, disabled: bool = False) -> Any:
    """Show the answer widgets; return the answer so far (None while incomplete)."""
    key = f"answer_{order_key}_{question.id}"
    choices = stable_order(choices_of(question), f"{order_key}:{question.id}")
    if isinstance(question, MultipleSelect):
        st.caption("Select all that apply.")
        picked = [c for i, c in enumerate(choices) if st.checkbox(c, key=f"{key}_{i}", disabled=disabled)]
        return picked
    if isinstance(question, SortIntoGroups):
        st.caption("Put each item in its group.")
        answer = {}
        for i, item in enumerate(choices):
            answer[item] = st.radio(item, question.groups, index=None, key=f"{key}_{i}", horizontal=True, disabled=disabled)
        return None if None in answer.values() else answer
    return st.radio("Your answer", choices, index=None, key=key, disabled=disabled)


def learn_link(question: Question) -> str | None:
    if question.learn is None or question.learn not in LEARN_LINKS:
        return None
    page, section = LEARN_LINKS[question.learn]
    return f"/{page}?section={section}#{section}" if page == "learn" else f"/{page}#{section}"


def answer_text(right: Any) -> str:
    if isinstance(right, dict):
        return "; ".join(f"{item}: {group}" for item, group in right.items())
    return ", ".join(right) if isinstance(right, list) else str(right)


def feedback(lib: Library, question: Question, verdict: Verdict | None, answer: Any = None) -> None:
    """Right or wrong (or, with no verdict, just the answer), why, the source, and where to learn more.
    Focus lands here after "Check answer" (the page asks for it)."""
    anchor("quiz-feedback", "Feedback on your answer", level="p")
    if verdict is None:
        st.success(f"**The answer:** {answer_text(correct_of(question))}", icon=":material/lightbulb:")
    elif verdict.correct:
        st.success("**Right!**", icon=":material/check_circle:")
    else:
        st.error(f"**Not quite.** The answer is: {answer_text(verdict.right_answer)}", icon=":material/cancel:")
    if isinstance(question, SortIntoGroups) and isinstance(answer, dict):
        right = correct_of(question)
        st.markdown("\n".join(
            f"- ✓ **{item}**: {group} (right)" if right.get(item) == group
            else f"- ✗ **{item}**: you chose {group}; it belongs in **{right.get(item)}**"
            for item, group in answer.items()
        ))
    st.markdown(question.explanation)
    cite(lib, question.sources)
    link = learn_link(question)
    if link:
        st.markdown(f"[Learn more about this]({link})")
