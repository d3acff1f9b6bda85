"""Diagnosis: the tests, what each looks for, and what it is like."""

import streamlit as st

from netaid.content.library import sources_in
from ui.fragments import page_fragment
from ui.shell import cite, item, library, linked, next_step, page_sources, require_app_shell

require_app_shell()

lib = library()
tests = lib.tests
KINDS = {
    "tissue": "Taking a small piece of tissue",
    "lab": "Blood and urine tests",
    "endoscopy": "Looking inside with a camera",
    "imaging": "Scans and pictures",
    "nuclear": "Scans with a tracer (nuclear medicine)",
}

item(lib, tests.intro, anchor="diagnosis", level=1)


@page_fragment
def test_filter() -> None:
    """The filter and the tests it shows: a pick reruns only this part."""
    kind = st.segmented_control(
        "Show tests of this kind",
        ["all", *KINDS],
        default="all",
        key="kind",
        format_func=lambda k: "All tests" if k == "all" else KINDS[k],
    )
    shown = [t for t in tests.tests if kind in (None, "all") or t.kind == kind]
    for test in shown:
        with st.container(border=True):
            st.header(test.name, anchor=test.id)
            st.caption(KINDS[test.kind])
            st.markdown(f"**What it looks for:** {linked(test.looks_for)}")
            st.markdown(f"**What it is like:** {linked(test.what_it_is_like)}")
            if test.prepare:
                st.markdown(f"**How to get ready:** {test.prepare}")
            if test.caution:
                st.warning(test.caution, icon=":material/warning:")
            cite(lib, test.sources)


test_filter()

item(lib, tests.pet_comparison, anchor="pet-scans", level=2)
next_step("grade", "See what the grade in a pathology report means")
page_sources(lib, sources_in(tests))
