"""The option card the explorer shows for each option."""

from __future__ import annotations

from itertools import groupby

import streamlit as st

from netaid.content.library import Library
from netaid.explorer.compare import side_effect_names
from netaid.explorer.rules import ShownOption
from netaid.outputs.outcome_charts import month_scale, outcome_chart, outcome_sentence
from ui import state
from ui.shell import cached_chart, cite, linked, show_chart

FIELD_WORDS = {
    "site": "where it started",
    "grade": "grade",
    "differentiation": "how the cells look",
    "functional": "whether it makes hormones",
    "extent": "how far it has spread",
    "sstr": "receptor scan",
}


def _trial_figures(lib: Library, shown: ShownOption, short_name: str) -> None:
    """What the trials found: each figure in words and as a picture, with who was in the trial."""
    st.markdown("**What the trials found**")
    all_for_option = [o for o in lib.outcomes.outcomes if o.option == shown.id]
    if not all_for_option:
        st.markdown("Our sources give no trial figures for this option.")
        return
    if not shown.outcomes:
        who = " ".join(o.who for o in all_for_option)
        st.markdown(f"The trials we use studied people unlike the situation you described. {who}")
        return
    scale = month_scale(list(lib.outcomes.outcomes))
    # One trial can give several figures: each gets its words and picture, then who was in the
    # trial and how well it fits are said once for that trial, not once per figure.
    for trial, figures in groupby(shown.outcomes, key=lambda f: f.outcome.trial):
        group = list(figures)
        for figure in group:
            o = figure.outcome
            st.markdown(outcome_sentence(o, short_name))
            # Built once per figure (a Plotly figure costs tens of ms); every trace skips hover, so static.
            show_chart(cached_chart(outcome_chart, o, short_name, scale), key=f"outcome_{shown.id}_{o.id}", static=True)
        last = group[-1]
        st.caption(f"Who was in {trial}: {last.outcome.who} Kind of evidence: {last.outcome.evidence}.")
        unknown = sorted({f for figure in group for f in figure.unknown})
        not_stated = sorted({f for figure in group for f in figure.not_stated})
        if unknown or not_stated:
            why = []
            if unknown:
                why.append(f"you have not said {' or '.join(FIELD_WORDS.get(f, f) for f in unknown)}")
            if not_stated:
                why.append(f"the trial report does not say {' or '.join(FIELD_WORDS.get(f, f) for f in not_stated)}")
            st.caption(
                f"These figures are for people like those in the trial. We cannot be sure you are like "
                f"them, because {' and '.join(why)}."
            )
        cite(lib, sorted({s for figure in group for s in figure.outcome.sources}))


def _toggle_kept(option_id: str) -> None:
    kept = st.session_state.setdefault(state.KEPT_OPTIONS, [])
    if st.session_state[f"keep_{option_id}"]:
        if option_id not in kept:
            kept.append(option_id)
    elif option_id in kept:
        kept.remove(option_id)


def option_card(lib: Library, shown: ShownOption, kept: list[str]) -> None:
    """An expander: why it appears, what it is, what it is like, benefits, side effects, questions."""
    option = lib.option(shown.id)
    names = side_effect_names(lib)
    with st.expander(option.name, key=f"option_card_{shown.id}"):
        st.markdown("**Why it appears for this situation**")
        st.markdown("\n".join(f"- {r.why}" for r in shown.reasons))
        st.markdown(f"**What it is.** {linked(option.what_it_is)}")
        like = option.what_it_is_like
        st.markdown(
            f"**What it is like**\n- *How it is given:* {like.how_given}\n- *How often:* {like.how_often}\n"
            f"- *Where:* {like.where}\n- *Recovery:* {like.recovery}"
        )
        good, harm = st.columns(2)
        with good:
            st.markdown("**Possible benefits**")
            st.markdown("\n".join(f"- {b}" for b in option.benefits))
        with harm:
            st.markdown("**Possible side effects**")
            effects = [f"- {names[e]}" for e in option.side_effects.common]
            effects += [f"- {names[e]} (rare but serious)" for e in option.side_effects.serious]
            effects += [f"- {names[e]} (can show up later)" for e in option.side_effects.late]
            st.markdown("\n".join(effects) or "- None listed in our sources.")
        short = option.name.split(" (")[0]
        in_sentence = short if short[1:2].isupper() else short[0].lower() + short[1:]  # keep "PRRT"
        _trial_figures(lib, shown, in_sentence)
        if option.uncertainty:
            st.info(f"**What is not certain.** {option.uncertainty}", icon=":material/help:")
        st.markdown("**Questions to ask your care team**")
        st.markdown("\n".join(f"- {q}" for q in option.questions))
        cite(lib, sorted({*option.sources, *(s for r in shown.reasons for s in r.sources)}))
        st.checkbox(
            "Keep this option for my visit sheet",
            value=shown.id in kept,
            key=f"keep_{shown.id}",
            on_change=_toggle_kept,
            args=(shown.id,),
        )
