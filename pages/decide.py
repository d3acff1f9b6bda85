"""Compare & decide: options side by side, what matters to me, and the SURE check."""

import streamlit as st

from netaid.explorer.compare import compare_rows, side_effect_matrix
from netaid.explorer.values import SURE_QUESTIONS, VALUES, sure_shows_doubt, value_relation
from netaid.outputs.charts import IMPORTANCE, NOT_SET, side_effect_heatmap, values_chart
from ui import state
from ui.entered import remembered, seed, situation
from ui.equal_detail import watch_and_wait_section
from ui.fragments import page_fragment
from ui.guided_path import step_indicator, step_links
from ui.leaning import leaning_section, sure_help_links
from ui.shell import cached_chart, explorer, library, next_step, require_app_shell, show_chart

require_app_shell()

lib = library()
OPTIONS = {o.id: o for o in lib.options.options}


def _keep_picks() -> None:
    st.session_state[state.COMPARE_PICKS] = list(st.session_state["compare_ids"])


st.title("Compare options and decide what matters")
st.markdown(
    "Here you can look at options side by side and think about what matters most to you. "
    "Nothing here adds up a score or says which option is best. It is a way to get ready "
    "to talk with your care team."
)
st.page_link("pages/explorer.py", label="Change the situation in the explorer", icon=":material/tune:")
step_indicator(2)
result = explorer().explore(situation())
shown_ids = [o.id for o in result.options]

st.header("Compare options side by side")
kept = [o for o in remembered(state.KEPT_OPTIONS, []) if o in shown_ids]
picks = remembered(state.COMPARE_PICKS, [])  # what the person picked here last, or else the kept options
picked_before = state.COMPARE_PICKS in st.session_state
seed(
    "compare_ids",
    [o for o in picks if o in shown_ids] if picked_before else kept[:4] if len(kept) >= 2 else shown_ids[:2],
)
picked = st.multiselect(
    "Pick 2 to 4 options",
    shown_ids,
    max_selections=4,
    key="compare_ids",
    format_func=lambda i: OPTIONS[i].name,
    on_change=_keep_picks,
)
chosen = [OPTIONS[i] for i in picked]
if len(picked) < 2:
    st.info("Pick at least 2 options to compare them.")
else:
    st.table(compare_rows(lib, chosen, {o.id: o for o in result.options}))
    st.caption(
        "Benefits, trial figures and what is not certain stand beside the side effects, in the same detail. "
        "Trial figures show only where the trial's people were like the situation you described."
    )
    effects, names, matrix = side_effect_matrix(lib, chosen)
    if effects:
        show_chart(cached_chart(side_effect_heatmap, effects, names, matrix), key="side_effect_heatmap")
    else:
        st.markdown("Our sources name no side effects for these options. Ask your care team what to expect.")

watch_and_wait_section(lib, result)


@page_fragment
def values_sliders() -> None:
    """The sliders and their chart: moving one reruns only this part."""
    st.header("What matters to me", anchor="what-matters-to-me")
    st.markdown(
        "Move each slider to show how much it matters to you. There are no right answers. "
        "Only the ones you move go on your visit sheet."
    )
    CHOICES = [NOT_SET, *IMPORTANCE]
    said_before = remembered(state.VALUES_ANSWERS, {})
    importance: list[int | None] = []
    for value in VALUES:
        before = said_before.get(value.label, NOT_SET)
        seed(f"value_{value.id}", before if before in CHOICES else NOT_SET)
        said = st.select_slider(value.label, options=CHOICES, key=f"value_{value.id}")
        importance.append(None if said == NOT_SET else IMPORTANCE.index(said))
    # Only what the person set reaches the visit sheet: an untouched slider says nothing about them.
    st.session_state[state.VALUES_ANSWERS] = {
        v.label: IMPORTANCE[i] for v, i in zip(VALUES, importance) if i is not None
    }
    if len(chosen) >= 2:
        relation = [[value_relation(o, v) for v in VALUES] for o in chosen]
        show_chart(
            cached_chart(values_chart, [o.name for o in chosen], [v.short for v in VALUES], relation, importance),
            key="values_chart",
        )
        st.caption(
            "✓ on green: the option works toward that value, for example watch and wait spares you an "
            "operation and shots for as long as the tumor is only watched. ✗ on red: it works against it, for "
            "example an option that involves an operation, when avoiding one matters to you. Grey: no direct "
            "link. The dots beside each value show how much it matters to you."
        )
    else:
        st.caption("Pick 2 to 4 options above to see how each relates to what matters to you.")


values_sliders()

leaning_section(lib, shown_ids)

st.header("Check how sure you feel (SURE test)")
answers = {}
said_before = remembered(state.SURE_ANSWERS, {})
for key, question in SURE_QUESTIONS:
    before = said_before.get(key)  # kept when the person leaves for help and comes back
    seed(f"sure_{key}", None if before is None else ("Yes" if before else "No"))
    choice = st.radio(question, ["Yes", "No"], index=None, key=f"sure_{key}", horizontal=True)
    answers[key] = None if choice is None else choice == "Yes"
st.session_state[state.SURE_ANSWERS] = answers
doubt = sure_shows_doubt(answers)
if doubt is None:
    st.caption("Answer all four questions to see the result.")
elif doubt:
    st.warning(
        "Your answers show some doubt. That is common. It may help to talk it through with your care "
        "team before you decide. You can bring your questions on a visit sheet.",
        icon=":material/forum:",
    )
else:
    st.success("You feel sure, informed, clear and supported. Share your thoughts with your care team.")
st.caption("SURE test: O'Connor and Légaré, Ottawa Hospital Research Institute (2008).")
sure_help_links(answers)
step_links(back=1, forward=4)
next_step("visit_sheet", "Put your options, values and questions on a visit sheet")
