"""Compare-page pieces that keep benefits and harms in equal detail (IPDAS C1)."""

from __future__ import annotations

import streamlit as st

from netaid.content.library import Library
from netaid.explorer.compare import benefit_words, not_certain, trial_words
from netaid.explorer.rules import Exploration
from ui.shell import cite

WATCH = "active_surveillance"


def watch_and_wait_section(lib: Library, result: Exploration) -> None:
    """Watch and wait under its own heading, with its real risks, but only where the rules
    already list it for this situation: it is never added here."""
    shown = next((o for o in result.options if o.id == WATCH), None)
    if shown is None:
        return
    option = lib.option(WATCH)
    effects = {e.id: e for e in lib.side_effects.side_effects}
    st.header("Watch and wait: no treatment for now", anchor="watch-and-wait")
    st.markdown(
        "For this situation our sources also describe watching the tumor closely instead of treating it now. "
        "It is a real choice with its own good and bad sides, like every other option."
    )
    st.markdown(f"**What it is.** {option.what_it_is}")
    good, harm = st.columns(2)
    with good:
        st.markdown("**Possible benefits**")
        st.markdown(benefit_words(option))
    with harm:
        st.markdown("**Its risks**")
        st.markdown(
            "\n".join(
                f"- **{effects[e].name}.** {effects[e].text or ''}".rstrip()
                for e in (*option.side_effects.common, *option.side_effects.serious, *option.side_effects.late)
            )
        )
    st.markdown(f"**What the trials found.** {trial_words(lib, option, shown)}")
    st.markdown(f"**What is not certain.** {not_certain(option, shown)}")
    st.markdown("The other options listed for this situation have their own benefits and risks. Compare them above.")
    cite(lib, option.sources)
