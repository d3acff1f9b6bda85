"""Quizzes: practice a topic, review what I missed, or what is due, with instant explained feedback."""

import secrets
from datetime import UTC, datetime

import streamlit as st

from netaid.explorer.wording import count_of
from netaid.quiz.rounds import find_question, practice_ids
from netaid.quiz.stats import missed_ids
from ui.behaviour import anchor, focus_if_requested, request_focus
from ui.diary_state import quiz_suggestion
from ui.learner import answer_problem, answer_saved, current_learner, learner_box
from ui.quiz_widgets import ask, feedback
from ui.shell import library, next_step, require_app_shell

require_app_shell()

lib = library()
learner_box()
store, learner_id, nickname = current_learner()
TOPICS = lib.topic_titles()
TOPICS["generated"] = "Grade practice with made-up lab values"
TITLE_ID = "quizzes"


def start(mode: str, ids: list[str]) -> None:
    st.session_state["round"] = {
        "mode": mode,
        "ids": ids,
        "pos": 0,
        "results": {},
        "seed": secrets.randbelow(10**6),
        "id": secrets.token_hex(8),
    }
    request_focus("quiz-question")


def start_practice() -> None:
    topic, seed = st.session_state["quiz_topic"], secrets.randbelow(10**6)
    start("practice", practice_ids(lib, None if topic == "all" else topic, st.session_state["quiz_length"], seed))


def record(question, topic: str, answer) -> None:
    """Mark and save the answer at once: it is committed before the feedback shows.

    Once per question per round: a double click runs this twice, and the store also ignores
    a second answer with the same round id (another tab, a retried request).
    """
    round_ = st.session_state.get("round")
    if round_ is None or question.id in round_["results"]:
        return
    verdict = question.check(answer)
    if not answer_saved(
        lambda: store.record_answer(
            learner_id, question.id, topic, verdict.correct, datetime.now(UTC), round_id=round_.get("id")
        )
    ):
        return  # not committed, so not acknowledged: the person can press Check again
    round_["results"][question.id] = verdict.correct
    request_focus("quiz-feedback")


def advance() -> None:
    st.session_state["round"]["pos"] += 1
    request_focus("quiz-question")


def leave() -> None:
    st.session_state.pop("round", None)
    request_focus(TITLE_ID)  # "Back to quizzes" and "Stop this round" land on the page title


st.title("Quizzes", anchor=TITLE_ID)
st.markdown("Check what you know. Each answer shows why it is right or wrong, and where the fact comes from.")

round_ = st.session_state.get("round")
if round_ is None:
    focus_if_requested(TITLE_ID)
    practice, review, due = st.tabs(["Practice a topic", "Review what I missed", "Due for review"])
    with practice:
        quiz_suggestion(start)  # trigger questions about what the person tags in their diary
        st.selectbox(
            "Topic", ["all", *TOPICS], key="quiz_topic", format_func=lambda t: "All topics" if t == "all" else TOPICS[t]
        )
        st.select_slider("Questions in this round", [5, 10, 20], value=10, key="quiz_length")
        st.button("Start practice", key="start_practice", type="primary", on_click=start_practice)
    answers = store.answers(learner_id)
    with review:
        missed = missed_ids(answers)
        st.markdown(
            f"You have **{len(missed)}** {count_of(len(missed), 'question', bare=True)} whose last answer was wrong."
        )
        if missed:
            st.button("Review them", key="start_review", type="primary", on_click=start, args=("review", missed[:20]))
    with due:
        due_ids = store.due(learner_id, datetime.now(UTC))
        st.markdown(
            f"**{len(due_ids)}** {count_of(len(due_ids), 'question', bare=True)} "
            f"{'is' if len(due_ids) == 1 else 'are'} due. NETaid brings back each question you have answered "
            "after a gap that grows each time you get it right (spaced repetition)."
        )
        if due_ids:
            st.button(
                "Review due questions", key="start_due", type="primary", on_click=start, args=("due", due_ids[:20])
            )
    st.page_link("pages/progress.py", label="My progress", icon=":material/monitoring:")
    st.page_link(
        "pages/present.py", label="Presenter mode, for showing one question at a time", icon=":material/co_present:"
    )
    next_step("visit_sheet", "Bring what you found hard to your visit: the visit sheet")
    st.stop()

ids, pos = round_["ids"], round_["pos"]
if not ids:
    st.info("There are no questions for this round.")
    st.button("Back to quizzes", key="back_empty", on_click=leave)
    st.stop()

if pos >= len(ids):
    right = sum(round_["results"].values())
    anchor("quiz-question", "Your results", level="p")
    focus_if_requested("quiz-question")
    st.header("Round finished")
    st.metric("Answers right", f"{right} of {len(ids)}")
    wrong = [qid for qid in ids if not round_["results"].get(qid)]
    if wrong:
        st.subheader("Worth another look")
        for qid in wrong:
            found = find_question(lib, qid)
            if found:
                st.markdown(f"- **{found[0].prompt}** {found[0].explanation}")
    c1, c2 = st.columns(2)
    c1.button(
        "Review the ones I missed", key="again_missed", disabled=not wrong, on_click=start, args=("review", wrong)
    )
    c2.button("Back to quizzes", key="back_done", on_click=leave)
    next_step("visit_sheet", "Put the topics you found hard on your visit sheet")
    st.stop()

qid = ids[pos]
found = find_question(lib, qid)
if found is None:  # e.g. a question removed from a bank since it was scheduled
    advance()
    st.rerun()
question, topic = found
st.progress(pos / len(ids), text=f"Question {pos + 1} of {len(ids)}")
anchor("quiz-question", "The next question", level="p")
st.header(question.prompt, anchor=False)  # h2 under the page's h1: heading levels never skip
answered = qid in round_["results"]
answer = ask(question, order_key=str(round_["seed"]), disabled=answered)

if not answered:
    st.button(
        "Check answer",
        key="check",
        type="primary",
        disabled=answer is None or answer == [],
        on_click=record,
        args=(question, topic, answer),
    )
    answer_problem()
else:
    feedback(lib, question, question.check(answer), answer)
    last = pos + 1 == len(ids)
    st.button("See my results" if last else "Next question", key="next", type="primary", on_click=advance)
st.button("Stop this round", key="stop_round", on_click=leave)
focus_if_requested("quiz-feedback", "quiz-question")
