"""My diary: symptoms and what came before them, shots and medicines, patterns, and exports.

Entries are encrypted with the person's private key before they reach the database; a guest's
diary lives in this visit's memory only.
"""

import streamlit as st

from netaid.diary.patterns import trigger_patterns
from ui import state
from ui.diary_entry import UTC_NOTE, entry_list, flash, load, quick_entry
from ui.diary_state import GUEST, TAGS, browser_zone, diary_owner, local_zone
from ui.diary_tracker import tracker
from ui.diary_views import exports, move_guest_entries, what_i_see
from ui.learner import learner_box
from ui.shell import item, library, next_step, require_app_shell

require_app_shell()

lib = library()
learner_box()
owner = diary_owner()

st.title("My diary")
if owner.saved:
    st.caption(
        "Saved with your private key, locked (encrypted) so that only your key can read it. "
        "Not even the people who run NETaid can."
    )
else:
    st.info(
        "You are a guest, so this diary is kept **for this visit only**: it is gone when you close the page. "
        "**Save my progress** (in the side bar) makes a private key that keeps it, locked.",
        icon=":material/lock_open:",
    )
if browser_zone() is None:
    st.caption(UTC_NOTE)
if st.session_state.get(state.DIARY_UNREACHABLE):
    st.warning("Your saved diary cannot be reached right now. What you add is kept for this visit only.")
with st.expander("Carcinoid crisis: what to do", icon=":material/emergency:"):
    card = lib.cautions.crisis_card
    st.markdown(f"**{card.heading}.** {card.warning} {card.team_note}")
    st.page_link("pages/visit_sheet.py", label="Make my crisis wallet card", icon=":material/badge:")

entries = load(owner)
if entries is None:
    st.stop()
guest = st.session_state.get(GUEST)
if owner.saved and guest is not None and (left := guest.store.entries(guest.key)):
    st.button(
        f"Move the {len(left)} entries from this visit into my private diary",
        key="d_move",
        on_click=move_guest_entries,
        args=(owner, guest),
    )
tags = [p.what for p in trigger_patterns(entries, 4)]
st.session_state[TAGS] = tags[:5]  # the quiz page suggests questions about these

flash(owner)
# Short names, so all five tabs fit side by side on a 390 px phone (longer ones scroll out of sight).
add, listed, shots, seen, files = st.tabs(["Add", "Entries", "Shots", "Patterns", "Export"])
with add:
    quick_entry(owner)
with listed:
    entry_list(owner, entries)
with shots:
    tracker(owner, entries)
    if lib.carcinoid.self_injection:
        item(lib, lib.carcinoid.self_injection, level=2)
with seen:
    what_i_see(entries, local_zone())
with files:
    exports(owner, entries)
next_step("visit_sheet", "Bring a diary summary to your visit: the visit sheet")
