"""The one place NETaid touches a private Streamlit class, checked so an upgrade fails here first.

`ui.shell.require_app_shell` flips `PagesManager.uses_pages_directory` to False when a fresh
server runs a page file alone (Streamlit's legacy pages/ routing takes the first deep link
before app.py has run). st.navigation makes the same switch itself; we only make it earlier.
No public API does this in Streamlit 1.67 (issue streamlit/streamlit#9624 covers deep links on
first load), and the project layout requires the folder to be called pages/.
tests/e2e/test_pages_in_browser.py checks the behaviour in a browser; this checks the switch.
"""

from __future__ import annotations

import inspect

from streamlit.commands import navigation
from streamlit.runtime.pages_manager import PagesManager


def test_pages_manager_still_has_the_routing_switch():
    assert "uses_pages_directory" in vars(PagesManager), (
        "Streamlit renamed PagesManager.uses_pages_directory: update ui/shell.py require_app_shell"
    )


def test_st_navigation_still_turns_the_pages_folder_off_with_that_switch():
    assert "PagesManager.uses_pages_directory = False" in inspect.getsource(navigation), (
        "st.navigation no longer switches pages/ routing off through PagesManager: "
        "re-check ui/shell.py require_app_shell against the new Streamlit"
    )
