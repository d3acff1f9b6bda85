"""Progress: mastery by topic, accuracy over time, what is due, most-missed, export and import."""

from datetime import UTC, datetime

import streamlit as st

from netaid.explorer.wording import count_of
from netaid.outputs.charts import accuracy_chart, mastery_chart
from netaid.quiz.progress import ProgressFileError, UnknownLearner
from netaid.quiz.rounds import find_question, question_topic
from netaid.quiz.stats import accuracy_by_day, mastery, most_missed, questions_tried, review_in_words
from netaid.safe_text import plain
from ui.learner import current_learner, key_section, learner_box
from ui.shell import cached_chart, library, next_step, require_app_shell, show_chart

require_app_shell()

lib = library()
learner_box()
store, learner_id, nickname = current_learner()
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
    due = store.due(learner_id, now)
    st.markdown(f"**{count_of(len(due), 'question')}** {'is' if len(due) == 1 else 'are'} due now.")
    upcoming = sorted(store.next_due(learner_id).items(), key=lambda kv: kv[1])[:10]
    if upcoming:
        st.table(
            [
                {
                    "Question": prompt_of(q),
                    "Next review": review_in_words(when if when.tzinfo else when.replace(tzinfo=UTC), now),
                }
                for q, when in upcoming
            ]
        )

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
    upload = st.file_uploader("Progress file (.json)", type=["json"], key="import_file")
if upload is not None and st.session_state.get("imported_name") != upload.file_id:
    st.session_state["imported_name"] = upload.file_id  # one try per file: a refused file is not re-read every rerun
    name = plain(upload.name, 80)
    try:
        result = store.import_(learner_id, upload.getvalue(), lambda qid: question_topic(lib, qid), datetime.now(UTC))
    except ProgressFileError as error:
        st.error(f"Nothing was loaded from {name}: {plain(error, 300)}.")
    except UnknownLearner:
        st.error("Nothing was loaded: your saved progress was deleted on another device.")
    else:
        notes = []
        if result.duplicates:
            notes.append(f"{result.duplicates} were already here")
        if result.unknown:
            notes.append(f"{result.unknown} were about questions NETaid does not have, so they were left out")
        more = f" ({'; '.join(notes)})" if notes else ""
        st.success(f"Loaded {count_of(result.added, 'answer')} from {name}{more}.")

key_section()
next_step("quiz", "Practise a topic in the quizzes")
