"""The option card the explorer shows for each option."""

from __future__ import annotations

import streamlit as st

from netaid.content import Library
from netaid.decision import side_effect_names
from netaid.rules import ShownOption
from ui.shell import cite, linked


def _toggle_kept(option_id: str) -> None:
    kept = st.session_state.setdefault("kept_options", [])
    if st.session_state[f"keep_{option_id}"]:
        if option_id not in kept:
            kept.append(option_id)
    elif option_id in kept:
        kept.remove(option_id)


def option_card(lib: Library, shown: ShownOption, kept: list[str]) -> None:
    """An expander: why it appears, what it is, what it is like, benefits, side effects, questions."""
    option = next(o for o in lib.options.options if o.id == shown.id)
    names = side_effect_names(lib)
    with st.expander(option.name):
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
        if option.uncertainty:
            st.info(f"**What is not certain.** {option.uncertainty}", icon=":material/help:")
        st.markdown("**Questions to ask your care team**")
        st.markdown("\n".join(f"- {q}" for q in option.questions))
        cite(lib, sorted({*option.sources, *(s for r in shown.reasons for s in r.sources)}))
        st.checkbox("Keep this option for my visit sheet", value=shown.id in kept, key=f"keep_{shown.id}",
                    on_change=_toggle_kept, args=(shown.id,))
