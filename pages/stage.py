"""Stage: localized / regional / metastatic on a body picture, staging systems, recurrence."""

import streamlit as st

from netaid.content.library import sources_in
from netaid.outputs.charts import FAR_PLACES, stage_body_chart
from ui.fragments import page_fragment
from ui.shell import cached_chart, cite, item, library, next_step, page_sources, require_app_shell, show_chart

require_app_shell()

lib = library()
stages = lib.stages
sites = lib.site_names
SPREAD_CHOICES = {"lymph_nodes": "Nearby lymph nodes", **FAR_PLACES}

item(lib, stages.intro, anchor="stage", level=1)


@page_fragment
def stage_picker() -> None:
    """The picker and its body picture: a pick reruns only this part."""
    st.header("See a stage on the body")
    col1, col2 = st.columns(2)
    with col1:
        stage_id = st.radio(
            "How far has it spread?",
            [s.id for s in stages.stages],
            key="stage",
            format_func=lambda i: next(s.name for s in stages.stages if s.id == i),
        )
    with col2:
        site_id = st.selectbox("Where did it start?", list(sites), key="site", format_func=sites.get)
    stage = next(s for s in stages.stages if s.id == stage_id)
    st.markdown(f"**{stage.name}.** {stage.text}")
    cite(lib, stage.sources)
    spread_to: tuple[str, ...] = ()
    if stage.id == "metastatic":
        spread_to = tuple(
            st.pills(
                "Where has it spread? Pick the places your report names, to mark them.",
                ["lymph_nodes", *FAR_PLACES],
                selection_mode="multi",
                key="stage_spread",
                format_func=SPREAD_CHOICES.get,
            )
        )
    show_chart(cached_chart(stage_body_chart, stage, site_id, sites[site_id], False, spread_to), key="stage_body")


stage_picker()

st.header("Each place has its own staging system", anchor="staging-systems")
st.markdown(stages.own_systems.text)
st.markdown("\n".join(f"- {name}" for name in stages.own_system_sites))
cite(lib, stages.own_systems.sources)
item(lib, stages.lung_system)

item(lib, stages.grade_vs_stage, anchor="grade-vs-stage", level=2)
st.page_link("pages/grade.py", label="See what grade means", icon=":material/speed:")
item(lib, stages.recurrence, anchor="recurrence", level=2)

next_step("explorer", "See the options the sources describe for a situation")
page_sources(lib, sources_in(stages))
