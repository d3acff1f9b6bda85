"""Sources & about: the source registry, review dates, update policy, funding, disclaimer."""

import streamlit as st

from netaid.content.source_dates import review_phrase
from netaid.outputs.review_packet import review_statement
from ui.shell import DISCLAIMER, library, next_step, require_app_shell

require_app_shell()

lib = library()
st.title("Sources & about")
about = lib.sources.about
st.markdown(
    f"**NETaid version {about.version}**, published {about.published:%d %B %Y}. "
    f"Content last checked {about.content_checked:%d %B %Y}; next full review due by "
    f"{about.next_review:%d %B %Y}."
)
st.markdown(
    "Every fact, rule and quiz answer in NETaid names the source it comes from. "
    "We write everything in our own plain words."
)
st.header("Clinical review")
st.warning(review_statement(lib.rules.rules))
st.markdown(
    "A clinic can check NETaid's whole decision logic in one sitting with the review packet: "
    "every rule in plain words, every option card and caution, every source with its review date, "
    "and specialist test cases beside what NETaid shows for each. To make it, run "
    "`python -m netaid review-packet -o packet.pdf` in the NETaid folder "
    "(or `-o packet.md` for plain text)."
)
st.header("Our sources")
st.table(
    [
        {
            "Source": f"{s.publisher}: {s.title}",
            "Reviewed": review_phrase(s.reviewed).removeprefix("reviewed "),
            "What it covers": s.covers,
            "Address": s.url or f"none: {s.no_url}",
        }
        for s in lib.sources.sources
    ]
)
for s in lib.sources.sources:
    if s.url:
        st.markdown(f"- [{s.title}]({s.url})")
st.header("How we keep content up to date")
st.markdown(lib.sources.update_policy)
st.header("Who makes and pays for NETaid")
st.markdown(
    f"{about.made_by}\n\n**Funding.** {lib.sources.funding}\n\n**Conflicts of interest.** {about.conflicts_of_interest}"
)
st.header("How we chose the evidence")
st.markdown(about.evidence_method)
st.header("Please note")
st.markdown(DISCLAIMER)
st.markdown(
    "NETaid helps you learn and get ready to talk with your care team. It never tells anyone which treatment to choose."
)
next_step("home", "Back to the start: choose where to begin")
