"""NETaid entry point: navigation over pages/, the disclaimer on every page, and a safety net."""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from ui.registry import PAGES, PAGES_DIR
from ui.learner import notice_restart
from ui.shell import app_shell, disclaimer

FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"
STYLE = """
<style>
.netaid-disclaimer { background: #fff8e1; border-left: 6px solid #8a5a00; color: #1b1b1b;
  padding: 0.6rem 0.9rem; border-radius: 0.3rem; margin-bottom: 1rem; font-size: 0.95rem; }
/* Streamlit's keyboard-shortcut hint is too faint on a primary (dark blue) button. */
[data-testid="stBaseButton-primary"] kbd { color: #ffffff !important; opacity: 1 !important; }
</style>
"""


def run() -> None:
    # A local file: an icon name (":material/...") makes the browser fetch the favicon from Google.
    st.set_page_config(page_title="NETaid", page_icon=str(FAVICON), layout="centered")
    pages = [
        st.Page(PAGES_DIR / file, title=title, icon=icon, url_path=url, default=(i == 0))
        for i, (file, title, icon, url) in enumerate(PAGES)
    ]
    page = st.navigation(pages)
    st.markdown(STYLE, unsafe_allow_html=True)
    disclaimer()
    notice_restart()
    with st.sidebar:
        st.caption("NETaid: learning about neuroendocrine tumors (NETs).")
    try:
        with app_shell():
            page.run()
    except Exception:  # st.stop and st.rerun are BaseExceptions, so they pass through
        logging.getLogger("netaid").exception("page %s failed", page.title)
        st.error(
            "Sorry, something went wrong on this page. Nothing you entered has been lost. "
            "Please try again, or choose another page from the menu."
        )


run()
