"""Progress: mastery by topic, accuracy over time, what is due, most-missed, export and import."""

from datetime import UTC, datetime

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from netaid.explorer.wording import count_of
from netaid.outputs.charts import accuracy_chart, mastery_chart
from netaid.quiz.progress import ProgressFileError, UnknownLearner
from netaid.quiz.rounds import find_question, question_topic
from netaid.quiz.stats import (
    accuracy_by_day,
    due_now,
    mastery,
    most_missed,
    questions_tried,
    review_in_words,
    soonest,
)
from netaid.safe_text import plain
from ui.learner import current_learner, key_section, learner_box
from ui.shell import cached_chart, library, next_step, require_app_shell, show_chart

IMPORT_NOTE = "progress_import_note"  # (kind, message) of the last file loaded, shown under the uploader

require_app_shell()

lib = library()
learner_box()
store, learner_id, nickname = current_learner()


def import_note(upload: UploadedFile) -> tuple[str, str]:
    """Load one progress file; ("success" | "error", what happened in plain words)."""
    name = plain(upload.name, 80)
    try:
        result = store.import_(learner_id, upload.getvalue(), lambda qid: question_topic(lib, qid), datetime.now(UTC))
    except ProgressFileError as error:
        return "error", f"Nothing was loaded from {name}: {plain(error, 300)}."
    except UnknownLearner:
        return "error", "Nothing was loaded: your saved progress was deleted on another device."
    notes = []
    if result.duplicates:
        notes.append(f"{result.duplicates} were already here")
    if result.unknown:
        notes.append(f"{result.unknown} were about questions NETaid does not have, so they were left out")
    more = f" ({'; '.join(notes)})" if notes else ""
    return "success", f"Loaded {count_of(result.added, 'answer')} from {name}{more}."


def load_progress_file() -> None:
    """Runs before the page is drawn (a widget callback), so everything below already counts the
    loaded answers: the page never says "No answers yet" above "Loaded 26 answers". Once per file."""
    upload = st.session_state.get("import_file")
    st.session_state[IMPORT_NOTE] = import_note(upload) if upload is not None else None


answers = store.answers(learner_id)
titles = lib.topic_titles()


def prompt_of(question_id: str) -> str:
    found = find_question(lib, question_id)
    return found[0].prompt if found else "(a question NETaid no longer has)"


st.title("My progress")
st.caption(f"Progress for **{plain(nickname, 40)}**." if nickname else "Progress for this visit (guest).")
if not answers:
    st.info("No answers yet. Try a quiz round, then come back here.")
    st.page_link("pages/quiz.py", label="Go to quizzes", icon=":material/quiz:")
else:
    c1, c2 = st.columns(2)
    c1.metric(
        "Questions tried", questions_tried(answers), help="Each question counts once, however often you answered it."
    )
    c2.metric("Answers given", len(answers), help="Every answer, including questions you answered again.")
    rows = [
        (titles[m.topic], m.mastered, m.tried, m.total)
        for m in mastery(answers, {t: len(b.questions) for t, b in sorted(lib.quiz_banks.items())})
    ]
    show_chart(cached_chart(mastery_chart, rows), key="mastery")
    show_chart(cached_chart(accuracy_chart, accuracy_by_day(answers)), key="accuracy")

    st.header("Due for review")
    now = datetime.now(UTC)
    next_review = store.next_due(learner_id)  # read once: the count and the table come from the same times
    due = due_now(next_review, now)
    st.markdown(f"**{count_of(len(due), 'question')}** {'is' if len(due) == 1 else 'are'} due now.")
    upcoming = soonest(next_review)
    if upcoming:
        st.table([{"Question": prompt_of(q), "Next review": review_in_words(when, now)} for q, when in upcoming])
        if len(next_review) > len(upcoming):
            st.caption(f"The {len(upcoming)} questions that come back first.")

    st.header("Most missed")
    missed = most_missed(answers)
    if missed:
        st.table([{"Question": prompt_of(q), "Times wrong": n, "Times answered": tries} for q, n, tries in missed])
    else:
        st.markdown("Nothing missed yet.")

st.header("Keep or move your progress")
st.markdown("Download your answers as a file, or load a file you saved before. It holds only quiz answers.")
st.download_button(
    "Download my progress (JSON)",
    store.export(learner_id),
    file_name="netaid-progress.json",
    mime="application/json",
    key="export",
)
with st.expander("Load a progress file"):
    st.file_uploader("Progress file (.json)", type=["json"], key="import_file", on_change=load_progress_file)
if note := st.session_state.get(IMPORT_NOTE):
    kind, message = note
    (st.success if kind == "success" else st.error)(message)

key_section()
next_step("quiz", "Practise a topic in the quizzes")
