"""Home: what NETaid offers, three ways to start, and the visit sheet one tap away."""

import streamlit as st

from ui.shell import require_app_shell

require_app_shell()

st.title("NETaid")
st.markdown(
    "NETaid helps people with a **neuroendocrine tumor (NET)**, and the people who care for them, "
    "learn what a NET is. It explains grade and stage in plain words. It also helps you get "
    "ready to talk with your care team. Every fact names the source it comes from."
)
st.page_link("pages/visit_sheet.py", label="Make a visit sheet for your next appointment", icon=":material/print:")

st.header("Where would you like to start?")
# One path under the other: link labels then have the full width and are never cut off.
with st.container(border=True):
    st.subheader("I have a NET")
    st.markdown(
        "Learn what a NET is, what the grade and stage in your report mean, and which options the sources describe."
    )
    st.page_link("pages/learn.py", label="Learn about NETs", icon=":material/menu_book:")
    st.page_link("pages/grade.py", label="What my grade means", icon=":material/speed:")
    st.page_link("pages/stage.py", label="What my stage means", icon=":material/accessibility_new:")
    st.page_link("pages/diagnosis.py", label="The tests doctors use", icon=":material/biotech:")
    st.page_link("pages/explorer.py", label="Options for my situation", icon=":material/alt_route:")
with st.container(border=True):
    st.subheader("I'm explaining to a patient")
    st.markdown(
        "Show where a Ki-67 value falls on the WHO grade bands, what stage means, and the options the sources describe."
    )
    st.page_link("pages/grade.py", label="Grade from Ki-67 and mitotic count", icon=":material/speed:")
    st.page_link("pages/stage.py", label="Stage on a body picture", icon=":material/accessibility_new:")
    st.page_link("pages/explorer.py", label="Treatment options explorer", icon=":material/alt_route:")
    st.page_link("pages/present.py", label="Presenter mode, for a screen in the room", icon=":material/co_present:")
with st.container(border=True):
    st.subheader("I want to test what I know")
    st.markdown("Quiz yourself on triggers, symptoms, side effects, grade and stage, with every answer explained.")
    st.page_link("pages/quiz.py", label="Quizzes", icon=":material/quiz:")
    st.page_link("pages/progress.py", label="My progress", icon=":material/monitoring:")

st.header("What NETaid does not do")
st.markdown(
    "- It does not tell you which treatment to choose.\n"
    "- It does not say whether a symptom is caused by a NET.\n"
    "- It does not store your health details."
)
st.page_link("pages/sources.py", label="Where our facts come from", icon=":material/info:")
