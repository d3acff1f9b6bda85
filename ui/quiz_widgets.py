"""Asking a quiz question and showing its feedback, for every question type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from netaid.content.library import Library
from netaid.quiz.models import Question, SortIntoGroups, Verdict
from netaid.quiz.rounds import stable_order
from netaid.vocabulary import LEARN_LINKS
from ui.behaviour import anchor
from ui.shell import cite


def _one_choice(question: Question, choices: list[str], key: str, disabled: bool) -> Any:
    return st.radio("Your answer", choices, index=None, key=key, disabled=disabled)


def _many_choices(question: Question, choices: list[str], key: str, disabled: bool) -> Any:
    return [c for i, c in enumerate(choices) if st.checkbox(c, key=f"{key}_{i}", disabled=disabled)]


def _group_each_item(question: Question, choices: list[str], key: str, disabled: bool) -> Any:
    assert isinstance(question, SortIntoGroups)  # the only type that asks for this widget
    answer = {
        item: st.radio(item, question.groups, index=None, key=f"{key}_{i}", horizontal=True, disabled=disabled)
        for i, item in enumerate(choices)
    }
    return None if None in answer.values() else answer


# One asker per `widget` a question type names (netaid/quiz/models.py): it draws the answer
# widgets and returns the answer so far, or None while it is incomplete.
ASKERS: dict[str, Callable[[Question, list[str], str, bool], Any]] = {
    "one_choice": _one_choice,
    "many_choices": _many_choices,
    "group_each_item": _group_each_item,
}


def ask(question: Question, order_key: str, disabled: bool = False) -> Any:
    """Show the answer widgets; return the answer so far (None while incomplete)."""
    if question.instruction:
        st.caption(question.instruction)
    choices = stable_order(question.shown_choices(), f"{order_key}:{question.id}")
    return ASKERS[question.widget](question, choices, f"answer_{order_key}_{question.id}", disabled)


def learn_link(question: Question) -> str | None:
    if question.learn is None or question.learn not in LEARN_LINKS:
        return None
    page, section = LEARN_LINKS[question.learn]
    return f"/{page}?section={section}#{section}" if page == "learn" else f"/{page}#{section}"


def feedback(lib: Library, question: Question, verdict: Verdict | None, answer: Any = None) -> None:
    """Right or wrong (or, with no verdict, just the answer), why, the source, and where to learn more.
    Focus lands here after "Check answer" (the page asks for it)."""
    anchor("quiz-feedback", "Feedback on your answer", level="p")
    if verdict is None:
        st.success(f"**The answer:** {question.answer_text()}", icon=":material/lightbulb:")
    elif verdict.correct:
        st.success("**Right!**", icon=":material/check_circle:")
    else:
        st.error(f"**Not quite.** The answer is: {question.answer_text()}", icon=":material/cancel:")
    review = question.answer_review(answer)
    if review:
        st.markdown("\n".join(review))
    st.markdown(question.explanation)
    cite(lib, question.sources)
    link = learn_link(question)
    if link:
        st.markdown(f"[Learn more about this]({link})")
