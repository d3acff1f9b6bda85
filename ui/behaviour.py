"""Small browser behaviours Streamlit has no command for: move focus to a result, scroll it
into view, flash what changed, put focus on a new page's title, and let Enter open a file
uploader. Each runs once, right after the action that asked for it.

The scripts are fixed strings in this file; only element ids chosen here are put into them,
never anything a person typed.
"""

from __future__ import annotations

import json

import streamlit as st

_PENDING = "_focus_pending"
_LAST_PAGE = "_focus_last_page"
_MOVES = "_focus_page_moves"

_SCRIPT = """
<script>
(function () {
  const targetId = %(target)s, flash = %(flash)s; /* run %(nonce)d */
  const doc = window.document, app = doc.querySelector('[data-testid="stApp"]');
  let tries = 0, flashed = false;
  function go() {
    // Until the run ends, the element with this id may be the last run's, about to be replaced
    // (focus would then fall to the page body): wait for the run to end on a slow machine too.
    const running = app && app.getAttribute('data-test-script-state') === 'running';
    const el = doc.getElementById(targetId);
    if (running || !el) { if (tries++ < 100) { setTimeout(go, 100); } return; }
    const box = el.closest('[data-testid="stElementContainer"]') || el;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus({preventScroll: true});
    box.scrollIntoView({block: 'start', behavior: 'auto'});
    if (flash && !flashed) {
      flashed = true;
      const area = doc.querySelector(flash) || box;
      area.classList.remove('netaid-flash'); void area.offsetWidth; area.classList.add('netaid-flash');
    }
    // Still a late repaint can swap the element: if focus fell to the body, put it back.
    setTimeout(function () {
      const now = doc.activeElement;
      if ((now === doc.body || now === null) && tries++ < 100) go();
    }, 250);
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


_PAGE_SCRIPT = """
<script>
(function () {
  const doc = window.document, moved = %(moved)s; /* page %(page)s, move %(nonce)d */
  // Streamlit's uploader opens its file chooser on a click or Space, not on Enter (a button's key).
  if (!window.netaidUploadEnter) {
    window.netaidUploadEnter = true;
    doc.addEventListener('keydown', function (e) {
      const button = e.key === 'Enter' && e.target.closest && e.target.closest('[data-testid="stFileUploader"] button');
      if (button && !e.repeat) { e.preventDefault(); e.stopPropagation(); button.click(); }
    }, true);
  }
  if (!moved) return;
  // The old page's elements stay until the new page's script has run, so wait for the run to end.
  const from = doc.activeElement, app = doc.querySelector('[data-testid="stApp"]');
  let tries = 0;
  function go() {
    const title = doc.querySelector('[data-testid="stMain"] h1');
    const running = app && app.getAttribute('data-test-script-state') === 'running';
    if (running || !title) { if (tries++ < 100) { setTimeout(go, 100); } return; }
    const now = doc.activeElement;
    if (now !== from && now !== doc.body && now !== null) return;  // the person has moved on already
    title.setAttribute('tabindex', '-1');
    title.focus({preventScroll: true});
  }
  setTimeout(go, 60);
})();
</script>
"""


def focus_title_after_navigation(page: str) -> None:
    """Call once per run, before the page draws: when `page` differs from the last run's page (a
    menu or page link was followed), focus moves to the new page's h1, as after a page load
    with a screen reader. Also makes Enter open a file uploader's chooser."""
    last = st.session_state.get(_LAST_PAGE)
    st.session_state[_LAST_PAGE] = page
    moved = last is not None and last != page
    # A new number for each move, so the browser runs the script again even on a page seen before.
    nonce = st.session_state.get(_MOVES, 0) + moved
    st.session_state[_MOVES] = nonce
    with st.container(key="netaid_script_page"):
        st.html(
            _PAGE_SCRIPT % {"moved": json.dumps(moved), "page": json.dumps(page), "nonce": nonce},
            unsafe_allow_javascript=True,
        )
