"""Grade: WHO grade from Ki-67 and mitotic count, shown on the grade bands."""

import streamlit as st

from netaid.content.library import sources_in
from netaid.grading import GRADE_SOURCES, grade_tumor
from netaid.outputs.charts import grade_bands_chart
from ui.fragments import page_fragment
from ui.shell import cached_chart, cite, item, library, next_step, page_sources, require_app_shell, show_chart

require_app_shell()

lib = library()
grades = lib.grades

item(lib, grades.intro, anchor="grade", level=1)


@page_fragment
def grade_calculator() -> None:
    """The calculator: entering a value reruns only this part."""
    st.header("Find the grade from a pathology report")
    st.markdown("Enter one value or both. You can find them in the pathology report, or ask your care team.")
    col1, col2 = st.columns(2)
    with col1:
        ki67 = st.number_input(
            "Ki-67 index (percent of cells)",
            min_value=0.0,
            max_value=100.0,
            value=None,
            step=0.5,
            format="%g",
            key="ki67",
            placeholder="for example 4",
        )
    with col2:
        mitoses = st.number_input(
            "Mitotic count (dividing cells per 2 mm²)",
            min_value=0.0,
            value=None,
            step=1.0,
            format="%g",
            key="mitoses",
            placeholder="for example 1",
        )

    if ki67 is None and mitoses is None:
        st.info("Enter a Ki-67 percent, a mitotic count, or both, to see the grade.")
    else:
        result = grade_tumor(ki67, mitoses)
        name = next(g.name for g in grades.grades if g.grade == result.grade)
        decided = {
            "ki67": "The Ki-67 index decided it.",
            "mitoses": "The mitotic count decided it.",
            "both": "Both measures point to the same grade." if ki67 is not None and mitoses is not None else "",
        }[result.decided_by]
        # Grade 3 is news to take to the care team, never a green "success".
        box = st.warning if result.grade == 3 else st.info
        box(f"### {name}\n{decided}", icon=":material/labs:")
        if result.grade == 3:
            st.markdown(
                "A grade 3 tumor can be a NET whose cells look like normal cells, or a fast-growing "
                "carcinoma (NEC). They are treated differently. [Read about the difference](#net-g3-vs-nec)."
            )
        st.markdown(result.explanation)
        for note in result.near_cutoff:
            st.warning(note, icon=":material/error:")
        cite(lib, list(GRADE_SOURCES))

    show_chart(cached_chart(grade_bands_chart, ki67, mitoses), key="grade_bands")


grade_calculator()

st.header("What each grade means")
st.markdown("\n\n".join(f"**{g.name}.** {g.text}" for g in grades.grades))
cite(lib, grades.grades)
for measure in grades.measures:
    item(lib, measure)

st.header("How the cells look: differentiation", anchor="differentiation")
for col, it in zip(st.columns(len(grades.differentiation)), grades.differentiation):
    with col:
        item(lib, it)

item(lib, grades.net_g3_vs_nec, anchor="net-g3-vs-nec", level=2)
item(lib, grades.lung_grading, anchor="lung-grading", level=2)
item(lib, grades.grade_vs_stage, level=2)
st.page_link("pages/stage.py", label="See what stage means", icon=":material/accessibility_new:")

next_step("stage", "See what stage means")
page_sources(lib, sources_in(grades) | set(GRADE_SOURCES))
