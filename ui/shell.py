"""Shared page furniture: cached content, the disclaimer, charts with alt text and tables, sources."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from html import escape
from pathlib import Path
from typing import Any

import streamlit as st

from netaid.content.glossary_links import Linker
from netaid.content.library import Cited, Library, load_library
from netaid.content.models import Item
from netaid.content.source_dates import review_phrase
from netaid.content.yamldoc import ContentError
from netaid.explorer.rules import Explorer
from netaid.outputs.charts import Chart
from netaid.paths import DATA_DIR, QUIZ_DIR
from netaid.vocabulary import DISCLAIMER
from ui import state
from ui.registry import URL_OF

log = logging.getLogger("netaid")


def _content_dirs() -> tuple[str | None, str | None]:
    """The content and quiz folders to load (environment overrides; None means the shipped ones)."""
    return os.environ.get("NETAID_DATA_DIR"), os.environ.get("NETAID_QUIZ_DIR")


@st.cache_resource(show_spinner=False)
def _cached_library(data_dir: str | None, quiz_dir: str | None) -> Library:
    return load_library(Path(data_dir) if data_dir else DATA_DIR, Path(quiz_dir) if quiz_dir else QUIZ_DIR)


_shell = threading.local()


@contextmanager
def app_shell() -> Iterator[None]:
    """app.py runs each page inside this, so a page can tell it was not run on its own."""
    _shell.active = True
    try:
        yield
    finally:
        _shell.active = False


def require_app_shell() -> None:
    """Send a page run without app.py back through it.

    On a fresh server, Streamlit serves the first deep link (say /grade) from its legacy
    pages/ folder routing, which runs the page file alone: no navigation, no disclaimer.
    app.py's st.navigation switches the whole process to the new routing, so we switch
    it here too and rerun once; the rerun goes through app.py to the same page.
    """
    if getattr(_shell, "active", False):
        return
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()


@st.cache_resource(show_spinner=False)
def _cached_explorer(_library: Library) -> Explorer:
    return Explorer(_library)


def explorer() -> Explorer:
    """The rule engine, compiled once per process."""
    return _cached_explorer(library())


def library() -> Library:
    """The validated content, or a friendly stop if a content file is broken."""
    try:
        return _cached_library(*_content_dirs())
    except ContentError as err:
        log.error("content problems:\n%s", err)
        st.error(
            "Sorry, this page cannot be shown right now because some of NETaid's content "
            "did not pass its checks. Nothing you entered is lost. Please try again later."
        )
        with st.expander("Details for the people who run this site"):
            st.code("\n".join(str(p.relative_to_project()) for p in err.problems[:20]), language=None)
        st.stop()
        raise  # st.stop() raises; this line keeps type checkers calm


_settle_lock = threading.Lock()
_settled = False


def settle_long_lived_objects() -> None:
    """Once per process, with the content and the rule engine loaded: hide every object alive now
    from the cycle collector (gc.freeze). Streamlit runs a full collection after every script run
    (runner.postScriptGC); without this, each one walks about 170,000 long-lived objects (Streamlit,
    Plotly, pydantic, the content), which took 100-200 ms of every click (README, Benchmarks).
    Frozen objects are still freed by reference counting; only the startup set is frozen."""
    global _settled
    with _settle_lock:
        if _settled:
            return
        with contextlib.suppress(ContentError):  # the page says so; freeze what is loaded anyway
            _cached_explorer(_cached_library(*_content_dirs()))
        gc.collect()
        gc.freeze()
        _settled = True


DISCLAIMER_LINE = "Not medical advice. In an emergency, call your local emergency number."


def disclaimer(full: bool = True) -> None:
    """The whole disclaimer on the first page of a visit; after that one line that opens on a tap."""
    if full:
        st.markdown(
            f'<div class="netaid-disclaimer" role="note"><strong>Please note:</strong> {DISCLAIMER}</div>',
            unsafe_allow_html=True,
        )
    else:
        st.markdown(
            f'<div role="note"><details class="netaid-disclaimer '
            f'netaid-disclaimer-short"><summary><strong>Please note:</strong> '
            f"{DISCLAIMER_LINE}</summary>{DISCLAIMER}</details></div>",
            unsafe_allow_html=True,
        )


@st.cache_resource(show_spinner=False)
def _cached_linker(data_dir: str | None, quiz_dir: str | None, library_id: int, _library: Library) -> Linker:
    """The glossary pattern, compiled once per content folder (4 ms a page run otherwise)."""
    return Linker((t.term, t.also_called) for t in _library.glossary.terms)


def glossary_linker() -> Linker:
    """This page run's linker: the first use of each glossary word on the page is marked."""
    linker = st.session_state.get(state.GLOSSARY_LINKER)
    if linker is None:  # app.py clears it at the start of every run
        lib = library()
        linker = _cached_linker(*_content_dirs(), id(lib), lib).fresh()
        st.session_state[state.GLOSSARY_LINKER] = linker
    return linker


def linked(text: str) -> str:
    """Text with its glossary words in bold (first use on the page only); the section's
    `words_explained()` (which `cite` calls) gives their meanings in place."""
    return glossary_linker()(text)


@st.cache_resource(show_spinner=False)
def _cached_meanings(data_dir: str | None, quiz_dir: str | None, library_id: int, _library: Library) -> dict[str, str]:
    return {t.term: t.plain for t in _library.glossary.terms}


def words_explained() -> None:
    """A "Words explained" button that opens, on the same page, the meanings of the glossary
    words marked since the last one (a link to the glossary page left the page)."""
    terms = glossary_linker().take_marked()
    if not terms:
        return
    lib = library()
    meanings = _cached_meanings(*_content_dirs(), id(lib), lib)
    entries = "".join(f"<p><strong>{escape(term)}</strong>: {escape(meanings[term])}</p>" for term in terms)
    with st.popover(f"Words explained ({len(terms)})", icon=":material/menu_book:", type="tertiary"):
        # A long list scrolls inside the popover; a focusable region lets the keyboard scroll it.
        st.markdown(
            f'<div role="region" aria-label="Words explained" tabindex="0">{entries}</div>', unsafe_allow_html=True
        )


def next_step(url: str, label: str, icon: str = ":material/arrow_forward:") -> None:
    """Every page ends with where to go next."""
    st.divider()
    st.markdown("**Next step**")
    st.page_link(f"pages/{URL_OF[url]}", label=label, icon=icon)


@st.cache_resource(max_entries=512, show_spinner=False)
def _chart(builder_name: str, _builder: Callable[..., Chart], *args: Any) -> Chart:
    return _builder(*args)


def cached_chart(builder: Callable[..., Chart], *args: Any) -> Chart:
    """A chart built once per set of inputs: building a Plotly figure costs 15-35 ms a rerun."""
    return _chart(builder.__qualname__, builder, *args)


def show_chart(chart: Chart, key: str, table_first: bool = False, static: bool = False) -> None:
    """A chart under its title, with its accessible name, and the numbers as a table. The title
    sits above the figure as text, so it wraps on a phone instead of being cut.
    `table_first` shows the table and folds the picture away, for charts a phone cannot read.
    `static` draws a picture with no hover or zoom layers, for charts with nothing to hover."""
    title = (chart.figure.layout.meta or {}).get("title") if isinstance(chart.figure.layout.meta, dict) else None
    if title:
        st.markdown(f"**{title}**")
    config = {"displaylogo": False, "displayModeBar": False, "scrollZoom": False}
    if static:
        config["staticPlot"] = True
    if table_first:
        st.table(chart.table)
        with st.expander("Show this as a picture"):
            st.plotly_chart(chart.figure, alt=chart.alt, key=key, config=config)
        return
    st.plotly_chart(chart.figure, alt=chart.alt, key=key, config=config)
    with st.expander("Show these numbers as a table"):
        st.table(chart.table)


def label_from(words: Mapping[Any, str]) -> Callable[[Any], str]:
    """A widget's format_func: each value's words, or the value itself if it has none."""
    return lambda value: words.get(value, str(value))


def cite(lib: Library, cited: Iterable[str | Cited]) -> None:
    """A caption naming the sources (ids, or things that carry `sources`), then the meanings
    of the section's glossary words."""
    st.caption(lib.cite(cited))
    words_explained()


def item_body(it: Item) -> str:
    """An item's text and its points as one Markdown block: one element, not two."""
    points = "\n".join(f"- {linked(p)}" for p in it.points)
    return f"{linked(it.text)}\n\n{points}" if points else linked(it.text)


def item(lib: Library, it: Item, anchor: str | None = None, level: int = 3, folded: bool = False) -> None:
    """A content item: its title, then its text, points and sources (under the title in an
    expander when `folded`)."""
    if folded:
        with st.expander(it.title):
            _item_text(lib, it)
        return
    {1: st.title, 2: st.header}.get(level, st.subheader)(it.title, anchor=anchor)
    _item_text(lib, it)


def _item_text(lib: Library, it: Item) -> None:
    st.markdown(item_body(it))
    cite(lib, it.sources)


def page_sources(lib: Library, used: set[str]) -> None:
    """The footer every content page ends with: the sources it draws on and their dates."""
    words_explained()  # words marked after the page's last citation
    st.divider()
    st.header("Sources for this page", anchor="sources-for-this-page")
    lines = []
    for source_id in sorted(used):  # one list, one element
        s = lib.source(source_id)
        when = review_phrase(s.reviewed)
        lines.append(f"- **{s.publisher}**: *{s.title}*. {when[:1].upper() + when[1:]}.")
    st.markdown("\n".join(lines))
    st.caption("See **Sources & about** for how we keep this content up to date and who funds it.")
