"""Sources & about: the source registry, review dates, update policy, funding, disclaimer."""

import streamlit as st

from netaid.source_dates import review_phrase
from ui.shell import DISCLAIMER, library, next_step, require_app_shell

require_app_shell()

lib = library()
st.title("Sources & about")
st.markdown(
    "Every fact, rule and quiz answer in NETaid names the source it comes from. "
    "We write everything in our own plain words."
)
st.header("Our sources")
st.table(
    [
        {"Source": f"{s.publisher}: {s.title}", "Reviewed": review_phrase(s.reviewed).removeprefix("reviewed "), "What it covers": s.covers}
        for s in lib.sources.sources
    ]
)
for s in lib.sources.sources:
    if s.url:
        st.markdown(f"- [{s.title}]({s.url})")
st.header("How we keep content up to date")
st.markdown(lib.sources.update_policy)
st.header("Who pays for NETaid")
st.markdown(lib.sources.funding)
st.header("Please note")
st.markdown(DISCLAIMER)
st.markdown(
    "NETaid helps you learn and get ready to talk with your care team. "
    "It never tells anyone which treatment to choose."
)
next_step("home", "Back to the start: choose where to begin")
