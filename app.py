"""NETaid entry point: navigation over pages/, the disclaimer on every page, and a safety net."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import streamlit as st

from netaid.evaluation import kit_is_on
from ui import state
from ui.behaviour import focus_title_after_navigation
from ui.learner import notice_restart
from ui.registry import CLINIC_ONLY, PAGES, PAGES_DIR, SECTIONS
from ui.shell import app_shell, disclaimer, settle_long_lived_objects

FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"
STYLE = """
<style>
.netaid-disclaimer { background: #fff8e1; border-left: 6px solid #8a5a00; color: #1b1b1b;
  padding: 0.6rem 0.9rem; border-radius: 0.3rem; margin-bottom: 1rem; font-size: 0.95rem; }
details.netaid-disclaimer > summary { cursor: pointer; min-height: 44px; display: flex; align-items: center;
  gap: 0.3rem; list-style-position: inside; }
details.netaid-disclaimer > summary::-webkit-details-marker { display: none; }
details.netaid-disclaimer > summary::after { content: "more"; margin-left: auto; text-decoration: underline;
  font-size: 0.85rem; }
details.netaid-disclaimer[open] > summary::after { content: "less"; }
/* On a phone the summary line wraps between words, never inside "Please note:" or "more". */
details.netaid-disclaimer > summary > strong, details.netaid-disclaimer > summary::after { flex-shrink: 0;
  white-space: nowrap; }
/* Streamlit's keyboard-shortcut hint is too faint on a primary (dark blue) button. */
[data-testid="stBaseButton-primary"] kbd { color: #ffffff !important; opacity: 1 !important; }
/* Phone first: nothing may push the page sideways at 390 px. */
html, body, [data-testid="stApp"], [data-testid="stMain"] { overflow-x: hidden; max-width: 100vw; }
[data-testid="stMarkdownContainer"], [data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stTable"] td *, [data-testid="stTable"] th * {
  overflow-wrap: anywhere !important; word-break: break-word;
}
/* Tables fit the column: fixed layout and wrapping cells, never a sideways-scrolling box. */
[data-testid="stTable"] { max-width: 100%; }
[data-testid="stTable"] table { table-layout: fixed; width: 100%; }
[data-testid="stTable"] td, [data-testid="stTable"] th { overflow-wrap: anywhere; hyphens: auto; white-space: normal; }
[data-testid="stPlotlyChart"] { max-width: 100%; overflow: hidden; }
/* Tap targets of at least 44 px, on the markup Streamlit 1.67 renders (react-aria widgets). The
   stApp prefix outweighs Streamlit's own one-class rules. */
.stApp button, .stApp [data-testid="stPageLink-NavLink"], .stApp [data-testid="stSidebarNavLink"], .stApp summary,
.stApp [data-testid="stSelectbox"] [role="group"], .stApp [data-testid="stMultiSelect"] [role="group"] {
  min-height: 44px; }
.stApp [data-testid="stRadioOption"], .stApp [data-testid="stCheckbox"] > label { min-height: 44px;
  align-items: center; }
[data-testid="stMarkdownContainer"] a { padding: 0.1rem 0; }
/* A link that stands alone in its line (a step, "Learn more") is a tap target, not words in a sentence. */
.netaid-steps a, [data-testid="stMarkdownContainer"] p > a:only-child { display: inline-flex; align-items: center;
  min-height: 44px; }
/* Widget labels wrap on a narrow screen instead of being cut off. */
[data-testid="stWidgetLabel"], [data-testid="stWidgetLabel"] p { white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; overflow-wrap: anywhere; }
/* Streamlit's "Link to heading" icons are a tab stop per heading; the headings keep their ids. */
[data-testid="stHeaderActionElements"] { display: none !important; }
/* Page titles take focus after navigation (tabindex -1): no ring for a place that is not a control. */
[data-testid="stMain"] h1[tabindex="-1"]:focus { outline: none !important; box-shadow: none !important; }
/* Button and link labels wrap instead of being cut off with "..." on a narrow screen. */
button, [data-testid="stPageLink-NavLink"] { height: auto; max-width: 100%; }
button .stMarkdownEllipsis, button p, [data-testid="stPageLink-NavLink"] p,
[data-testid="stPageLink-NavLink"] span { white-space: normal !important; text-overflow: clip !important;
  overflow-wrap: anywhere; text-align: left; }
/* A focus ring that is always clear, and never looks like the current page in the menu. */
:focus-visible, a:focus-visible, button:focus-visible, summary:focus-visible {
  outline: 3px solid #0b5394 !important; outline-offset: 2px !important; box-shadow: 0 0 0 5px #ffffff !important; }
/* Radios and checkboxes hide their input: the ring goes on the whole option (3:1 and more on white). */
[data-testid="stRadioOption"]:has(input:focus-visible), [data-testid="stCheckbox"] > label:has(input:focus-visible) {
  outline: 3px solid #0b5394 !important; outline-offset: 2px; border-radius: 0.3rem; }
[data-testid="stSidebarNavLink"]:focus-visible { background: transparent !important; }
[data-testid="stSidebarNavLink"][aria-current="page"] { font-weight: 700; border-left: 4px solid #0b5394; }
.netaid-anchor { margin: 0; height: 0; overflow: hidden; }
.netaid-anchor:focus { outline: none; }
[class*="st-key-netaid_script"] { display: none; }
@keyframes netaid-flash { from { background: #fff3b0; } to { background: transparent; } }
.netaid-flash { animation: netaid-flash 2.4s ease-out; border-radius: 0.4rem; }
@media (max-width: 640px) {
  [data-testid="stTable"] { font-size: 0.85rem; }
  [data-testid="stTable"] td, [data-testid="stTable"] th { padding: 0.3rem 0.25rem !important; word-break: break-word; }
  /* Streamlit shrinks h1 on a phone but not h2: keep the page title the biggest heading. */
  h1 { font-size: 1.9rem !important; }
  h2 { font-size: 1.5rem !important; }
  h3 { font-size: 1.25rem !important; }
  [data-testid="stMainBlockContainer"] { padding-left: 0.9rem; padding-right: 0.9rem; }
}
</style>
"""

# Presenter mode is for a screen across a room: no menu, no banner (the disclaimer is on its closing slide).
PRESENTER_STYLE = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 1500px; padding-top: 1.2rem; }
</style>
"""


def _home_alias() -> None:
    """/home is the home page too: a typed or bookmarked /home never shows 'Page not found'."""
    st.switch_page(PAGES_DIR / PAGES[0][0])


def run() -> None:
    # A local file: an icon name (":material/...") makes the browser fetch the favicon from Google.
    st.set_page_config(page_title="NETaid", page_icon=str(FAVICON), layout="centered")
    settle_long_lived_objects()
    # The default page is served at "/" but still reserves a pathname; it reserves "start" so
    # that "home" is free for the alias below.
    clinic_on = kit_is_on(os.environ)
    pages = {
        url: st.Page(
            PAGES_DIR / file,
            title=title,
            icon=icon,
            url_path="start" if i == 0 else url,
            default=(i == 0),
            visibility="hidden" if url in CLINIC_ONLY and not clinic_on else "visible",
        )
        for i, (file, title, icon, url) in enumerate(PAGES)
    }
    # One flat list in the order of SECTIONS: st.navigation's section headings (Streamlit 1.67) put
    # a heading straight into the menu's <ul>, which axe reports as two serious list violations.
    menu = [pages[url] for urls in SECTIONS.values() for url in urls]
    menu.append(st.Page(_home_alias, title="Home", url_path=PAGES[0][3], visibility="hidden"))
    page = st.navigation(menu, expanded=True)
    st.markdown(STYLE, unsafe_allow_html=True)
    focus_title_after_navigation(page.url_path)
    st.session_state.pop(state.GLOSSARY_LINKER, None)  # glossary words are linked once per page run
    presenting = page.url_path == "present"
    if page.title == "Home" and page.visibility == "hidden":
        pass  # the /home alias switches to the home page at once
    elif presenting:
        st.markdown(PRESENTER_STYLE, unsafe_allow_html=True)
    else:
        seen = st.session_state.setdefault("_pages_seen", [])
        if page.url_path not in seen:
            seen.append(page.url_path)
        # The whole disclaimer on the first page of a visit, then one line that opens on a tap.
        disclaimer(full=seen[0] == page.url_path)
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
