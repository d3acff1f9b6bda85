"""Treatment options: describe the situation, see every option the sources describe for it and why."""

import streamlit as st

from netaid.explorer.compare import group_by_goal
from netaid.explorer.share import PRESETS, profile_from_query, query_from_profile, share_link
from netaid.explorer.wording import count_of
from netaid.safe_text import plain
from netaid.vocabulary import GOALS
from ui import state
from ui.behaviour import anchor, focus_if_requested, request_focus
from ui.entered import give, set_situation, situation, start_over
from ui.explorer_cards import option_card
from ui.explorer_form import draw_form, set_widgets
from ui.fragments import page_fragment
from ui.guided_path import step_indicator, step_links
from ui.shell import cite, explorer, library, next_step, require_app_shell

require_app_shell()

lib = library()
engine = explorer()


def apply_preset(label: str) -> None:
    set_situation(PRESETS[label])
    set_widgets(PRESETS[label])
    st.session_state["preset_applied"] = label
    request_focus("explorer-summary", flash=".st-key-explorer_summary_box")


def apply_fix(changes: tuple[tuple[str, object], ...]) -> None:
    """One click on a conflict's fix: set the answers it names, leave the rest."""
    for name, value in changes:
        give(name, value)
    set_widgets(st.session_state[state.PROFILE])
    st.session_state["_explorer_form_changed"] = True
    request_focus("explorer-summary", flash=".st-key-explorer_summary_box")


def clear_situation() -> None:
    start_over()
    st.session_state["started_over"] = True


# A shared link's query parameters (if any) fill the form once, then leave the address bar:
# the situation is health data, and the address bar goes into history, screenshots and logs.
incoming = st.query_params.to_dict()
if incoming:
    from_link, warnings = profile_from_query(incoming)
    if from_link:
        set_situation(from_link)
        set_widgets(from_link)
    st.session_state["link_warnings"] = warnings
    st.query_params.clear()

st.title("Treatment options explorer")
st.markdown(
    "Describe the situation, in your words or from the care team's notes. NETaid then lists every "
    "option our sources describe for it, and shows **why** each one appears. It does not rank them "
    "or pick one: the choice is yours to make with your care team."
)
step_indicator(1)
for warning in st.session_state.pop("link_warnings", []):
    st.warning(f"{plain(warning, 300)} You can set it again below.", icon=":material/link_off:")

given = situation()

st.header("Start from an example")
with st.container(horizontal=True):
    for label in PRESETS:
        st.button(label, key=f"preset_{label}", on_click=apply_preset, args=(label,))

st.header("Describe the situation")
if st.session_state.pop("started_over", False):
    st.success("Everything you entered in this visit has been cleared. You can start again.")
draw_form(lib, given)
st.button(
    "Start over",
    key="start_over",
    icon=":material/restart_alt:",
    on_click=clear_situation,
    help="Clears the situation, the options you kept, what matters to you and your visit sheet.",
)
result = engine.explore(given)


@page_fragment
def results() -> None:
    """The results under the form: keeping an option or making a link reruns only this part;
    a conflict's fix changes the form, so it reruns the whole page."""
    if st.session_state.pop("_explorer_form_changed", False):
        st.rerun()
    st.button(
        "Make a share link",
        key="make_share_link",
        icon=":material/link:",
        on_click=lambda: st.session_state.update(share_requested=True),
    )
    if st.session_state.pop("share_requested", False):  # shown once, on request
        st.code(share_link(st.context.url, query_from_profile(given)), language=None, wrap_lines=True)
        st.caption(
            "This link holds the situation described above, and nothing else. Anyone who has it can see that "
            "situation, so share it only with people you choose. NETaid does not keep it."
        )

    # The answer comes right under the form: one line, then what must never be missed.
    summary = f"**{count_of(len(result.options), 'option')}**, **{count_of(len(result.cautions), 'caution')}**"
    if result.conflicts:
        summary += f", **{count_of(len(result.conflicts), 'answer', 'answers')} that do not fit together**"
    applied = st.session_state.pop("preset_applied", None)
    anchor("explorer-summary", "Results", level="p")
    with st.container(border=True, key="explorer_summary_box"):
        if applied:
            st.markdown(f"Example filled in: *{applied}*. The form above and the results below have changed.")
        st.markdown(f"{summary}. [Jump to the options](#treatments)")
    focus_if_requested("explorer-summary")

    st.header("Options the sources describe", anchor="treatments")
    if result.conflicts:
        st.subheader("Some answers do not fit together")
        for conflict in result.conflicts:
            with st.container(border=True):
                st.markdown(conflict.text)
                with st.container(horizontal=True):
                    for m, fix in enumerate(conflict.fixes):
                        st.button(fix.label, key=f"fix_{conflict.id}_{m}", on_click=apply_fix, args=(fix.changes,))
    if result.cautions:
        st.subheader("Important cautions")
        for caution in result.cautions:
            # A risk to life is red; something to raise with the team is amber.
            box = st.error if caution.level == "danger" else st.warning
            box(f"**{caution.title}.** {caution.text}", icon=":material/warning:")
            cite(lib, caution.sources)
    if result.notes:
        with st.expander(f"Good to know ({count_of(len(result.notes), 'note')})"):
            st.markdown("\n".join(f"- {note.text}" for note in result.notes))
            cite(lib, result.notes)

    st.markdown(
        f"**{len(result.options)} options** are listed below, grouped by what they aim to do. "
        "The order is not a ranking. Open any option to see why it appears, what it is like, its "
        "benefits and its side effects."
    )
    kept = st.session_state.setdefault(state.KEPT_OPTIONS, [])
    for goal_label, cards, also in group_by_goal(list(result.options)):
        st.subheader(goal_label)
        for option in cards:
            option_card(lib, option, kept)
        if also:
            where = "; ".join(f"**{o.name}** (its card is under “{GOALS[o.goals[0]]}”)" for o in also)
            st.caption(f"Also aims to do this: {where}.")
    if result.already_had:
        st.subheader("Treatments you have already had")
        st.markdown("These are not listed again as new options. Here is what usually comes next.")
        for had in result.already_had:
            with st.container(border=True):
                st.markdown(f"**{had.name}.** {had.after}")
                cite(lib, had.sources)


st.session_state.pop("_explorer_form_changed", None)  # this full run already shows the changed form
results()
st.page_link("pages/decide.py", label="Compare options and think about what matters to you", icon=":material/compare:")
step_links(back=None, forward=2)
next_step("visit_sheet", "Put the options you kept on your visit sheet")
