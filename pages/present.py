"""Presenter mode: one question at a time in large type for a clinician and a patient, and a
"show to patient" view of the grade bands and the stage picture. No scores, no menu, no banner:
the disclaimer is on the closing slide."""

from html import escape

import streamlit as st

from netaid.grading import grade_tumor
from netaid.outputs.charts import FAR_PLACES, grade_bands_chart, stage_body_chart
from netaid.quiz.rounds import authored_questions, stable_order
from ui.shell import DISCLAIMER, cached_chart, cite, library, require_app_shell, show_chart

require_app_shell()

lib = library()
TOPICS = lib.topic_titles()
st.html(
    "<style>.netaid-present "
    "{ font-size: clamp(1.6rem, 3.2vw, 3rem); line-height: 1.3; font-weight: 700; margin: 0.4rem 0 1rem; }"
    " .netaid-choice { font-size: clamp(1.3rem, 2.4vw, 2.2rem); margin: 0.3rem 0; line-height: 1.3; }"
    " .netaid-answer { font-size: clamp(1.5rem, 2.8vw, 2.6rem); font-weight: 700; background: #e3f1e8; color: #0f3d22;"
    "   border-left: 10px solid #1e7a46; padding: 0.6rem 1rem; border-radius: 0.4rem; margin: 0.4rem 0 0.8rem; }"
    " .netaid-explain { font-size: clamp(1.2rem, 2vw, 1.9rem); line-height: 1.4; }"
    " .netaid-big { font-size: clamp(1.4rem, 2.6vw, 2.4rem); font-weight: 700; }"
    " .netaid-closing .netaid-disclaimer { font-size: clamp(1.2rem, 2vw, 1.8rem); }"
    # The controls take one short row each, so the question starts near the top of a small screen.
    " [data-testid='stMainBlockContainer'] { padding-top: 1.2rem; }"
    " .netaid-many { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); column-gap: 1.5rem; }"
    " .netaid-many .netaid-choice, .netaid-groups { font-size: clamp(1.1rem, 1.9vw, 1.8rem); }"
    " [data-testid='stMain'] h1 { font-size: 1.4rem; padding: 0; }</style>"
)

top = st.columns([3, 2], vertical_alignment="center")
with top[0]:
    st.title("Presenter mode")
with top[1]:
    st.page_link("pages/home.py", label="Leave presenter mode", icon=":material/close:")
mode = st.segmented_control(
    "Show",
    ["questions", "grade", "stage"],
    label_visibility="collapsed",
    default="questions",
    key="present_mode",
    required=True,
    format_func={
        "questions": "Quiz questions",
        "grade": "Grade bands (show to patient)",
        "stage": "Stage picture (show to patient)",
    }.get,
)

if mode == "grade":
    c1, c2 = st.columns(2)
    ki67 = c1.number_input("Ki-67 (%)", 0.0, 100.0, value=None, step=0.5, format="%g", key="present_ki67")
    mitoses = c2.number_input("Mitotic count per 2 mm²", 0.0, value=None, step=1.0, format="%g", key="present_mitoses")
    if ki67 is not None or mitoses is not None:
        result = grade_tumor(ki67, mitoses)
        st.markdown(f'<div class="netaid-big">These values give grade {result.grade}.</div>', unsafe_allow_html=True)
        for note in result.near_cutoff:  # the same near-cut-off notes as the Grade page
            st.warning(note, icon=":material/error:")
    show_chart(cached_chart(grade_bands_chart, ki67, mitoses, True), key="present_grade")
    st.stop()

if mode == "stage":
    stages = lib.stages.stages
    sites = lib.site_names
    # Choices and words beside the picture, so both fit a 1280x720 screen at 150 %.
    left, right = st.columns([2, 3])
    stage_id = left.radio(
        "How far has it spread?",
        [s.id for s in stages],
        key="present_stage",
        format_func=lambda i: next(s.name for s in stages if s.id == i),
    )
    site_id = left.selectbox("Where did it start?", list(sites), key="present_site", format_func=sites.get)
    stage = next(s for s in stages if s.id == stage_id)
    spread_to: tuple[str, ...] = ()
    if stage.id == "metastatic":
        spread_to = tuple(
            left.pills(
                "Where has it spread?",
                ["lymph_nodes", *FAR_PLACES],
                selection_mode="multi",
                key="present_spread",
                format_func={"lymph_nodes": "Nearby lymph nodes", **FAR_PLACES}.get,
            )
        )
    left.markdown(
        f'<div class="netaid-explain">{escape(stage.name)}. {escape(stage.text)}</div>', unsafe_allow_html=True
    )
    with right:
        show_chart(
            cached_chart(stage_body_chart, stage, site_id, sites[site_id], True, spread_to), key="present_stage_chart"
        )
    st.stop()

c0, c1, c2, c3 = st.columns([3, 1.2, 1.6, 1.2], vertical_alignment="bottom")
topic = c0.selectbox("Topic", list(TOPICS), key="present_topic", format_func=TOPICS.get, label_visibility="collapsed")
questions = authored_questions(lib, topic)
slides = len(questions) + 1  # the last slide closes the session, with the disclaimer
if st.session_state.get("present_topic_seen") != topic:
    st.session_state.update(present_topic_seen=topic, present_index=0, present_reveal=False)
index = st.session_state.setdefault("present_index", 0) % slides


def move(step: int) -> None:
    st.session_state["present_index"] = (st.session_state.get("present_index", 0) + step) % slides
    st.session_state["present_reveal"] = False


def reveal() -> None:
    st.session_state["present_reveal"] = True


c1.button("Previous", key="present_prev", on_click=move, args=(-1,), shortcut="Left", use_container_width=True)
c2.button(
    "Show the answer",
    key="present_reveal_btn",
    shortcut="Space",
    use_container_width=True,
    type="primary",
    on_click=reveal,
    disabled=index == len(questions),
)
c3.button("Next", key="present_next", on_click=move, args=(1,), shortcut="Right", use_container_width=True)

if index == len(questions):
    st.markdown(
        '<div class="netaid-present">Thank you. Questions to talk through together?</div>', unsafe_allow_html=True
    )
    st.markdown(
        f'<div class="netaid-closing"><div class="netaid-disclaimer" role="note"><strong>Please note:</strong> '
        f"{escape(DISCLAIMER)}</div></div>",
        unsafe_allow_html=True,
    )
    st.caption("Keys: ← previous, → next. Press → to start again.")
    st.stop()

question = questions[index]
st.caption(f"Question {index + 1} of {len(questions)}. Keys: ← previous, → next, Space shows the answer.")
st.markdown(
    f'<div class="netaid-present" id="present-question">{escape(question.prompt)}</div>', unsafe_allow_html=True
)
if st.session_state.get("present_reveal"):
    # The answer takes the place of the choices, so it is on screen without scrolling.
    st.markdown(
        f'<div class="netaid-answer" role="status" id="present-answer">The answer: '
        f"{escape(question.answer_text())}</div>",
        unsafe_allow_html=True,
    )
    st.markdown(f'<div class="netaid-explain">{escape(question.explanation)}</div>', unsafe_allow_html=True)
    cite(lib, question.sources)
else:
    extra = question.extra_lines()
    if extra:
        st.markdown(f'<div class="netaid-groups">{" · ".join(escape(x) for x in extra)}</div>', unsafe_allow_html=True)
    choices = stable_order(question.shown_choices(), f"present:{question.id}")
    # Many choices (a sort question's items) go in two columns, so all of them fit on screen.
    many = " netaid-many" if len(choices) > 4 else ""
    items = "".join(f'<div class="netaid-choice">• {escape(c)}</div>' for c in choices)
    st.markdown(f'<div class="netaid-choices{many}" id="present-choices">{items}</div>', unsafe_allow_html=True)
