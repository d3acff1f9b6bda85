"""st.fragment for a page's self-contained interactive part, with what app.py gives a full run.

A widget inside a fragment reruns only the fragment: not app.py, not the rest of the page,
so a click costs a fraction of a page run and sends only the fragment's elements. Two
things app.py does on a full run must then happen here too:
- glossary words are linked once per page: a fragment rerun links the same words it linked
  on the page's last full run (not none, because the page already "used" them);
- a failure shows the same friendly message, never a traceback.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from ui.shell import glossary_linker

log = logging.getLogger("netaid")
F = TypeVar("F", bound=Callable[..., Any])
FAILED = (
    "Sorry, something went wrong on this page. Nothing you entered has been lost. "
    "Please try again, or choose another page from the menu."
)


def _same_links_as_full_run(key: str) -> None:
    """On a full run, note which glossary words were already linked when the fragment began;
    on the fragment's own rerun (same linker: app.py did not run), start from that note."""
    linker = glossary_linker()
    noted = st.session_state.get(key)
    if noted is not None and noted[0] is linker:
        linker.seen = set(noted[1])
    else:
        st.session_state[key] = (linker, frozenset(linker.seen))


def page_fragment(func: F) -> F:
    """Decorate a page's interactive part: its widgets rerun only this function."""
    key = f"_fragment_links_{func.__qualname__}"

    @functools.wraps(func)
    def body(*args: Any, **kwargs: Any) -> Any:
        _same_links_as_full_run(key)
        try:
            return func(*args, **kwargs)
        except Exception:  # st.stop and st.rerun are BaseExceptions, so they pass through
            log.exception("fragment %s failed", func.__qualname__)
            st.error(FAILED)
            return None

    return st.fragment(body)  # type: ignore[return-value]
