"""Small browser behaviours Streamlit has no command for: move focus to a result, scroll it
into view, flash what changed. Each runs once, right after the action that asked for it.

The scripts are fixed strings in this file; only element ids chosen here are put into them,
never anything a person typed.
"""

from __future__ import annotations

import json

import streamlit as st

_PENDING = "_focus_pending"

_SCRIPT = """
<script>
(function () {
  const targetId = %(target)s, flash = %(flash)s; /* run %(nonce)d */
  let tries = 0;
  function go() {
    const doc = window.document;
    const el = doc.getElementById(targetId);
    if (!el) { if (tries++ < 40) { setTimeout(go, 100); } return; }
    const box = el.closest('[data-testid="stElementContainer"]') || el;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus({preventScroll: true});
    box.scrollIntoView({block: 'start', behavior: 'auto'});
    if (flash) {
      const area = doc.querySelector(flash) || box;
      area.classList.remove('netaid-flash'); void area.offsetWidth; area.classList.add('netaid-flash');
    }
  }
  setTimeout(go, 60);
})();
</script>
"""


def request_focus(target: str, flash: str | None = None) -> None:
    """Call from a widget's callback: after this run, focus (and scroll to) `target`, and
    briefly highlight the element `flash` (a CSS selector) so a change is seen."""
    st.session_state[_PENDING] = (target, flash)


def anchor(target: str, text: str = "", level: str = "p") -> None:
    """A focusable landing place for focus_if_requested (screen readers read `text`)."""
    st.markdown(f'<{level} id="{target}" tabindex="-1" class="netaid-anchor">{text}</{level}>', unsafe_allow_html=True)


def focus_if_requested(*targets: str) -> None:
    """Run the pending focus move once, if it is for one of this page's targets."""
    pending = st.session_state.get(_PENDING)
    if not pending or pending[0] not in targets:
        return
    st.session_state.pop(_PENDING, None)
    target, flash = pending
    # A new number each time, so the browser runs the script again even for the same target.
    nonce = st.session_state["_focus_nonce"] = st.session_state.get("_focus_nonce", 0) + 1
    with st.container(key="netaid_script"):
        st.html(
            _SCRIPT % {"target": json.dumps(target), "flash": json.dumps(flash or ""), "nonce": nonce},
            unsafe_allow_javascript=True,
        )
