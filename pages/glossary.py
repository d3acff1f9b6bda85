"""Glossary: every medical word the app uses, in plain words, with a search box."""

import streamlit as st

from netaid.content.library import sources_in
from netaid.safe_text import plain
from ui.fragments import page_fragment
from ui.shell import library, next_step, page_sources, require_app_shell

require_app_shell()

lib = library()
st.title("Glossary")
st.markdown("Plain meanings of the medical words you will meet in NETaid and in your reports.")
# A glossary link elsewhere in the app (/glossary?term=Ki-67) opens with that word looked up.
linked_term = st.query_params.get("term")
if linked_term and st.session_state.get("_glossary_term") != linked_term:
    st.session_state["glossary_query"] = linked_term[:80]
    st.session_state["_glossary_term"] = linked_term


@page_fragment
def glossary_search() -> None:
    """The search box and the list it filters: typing reruns only this part."""
    query = (
        st.text_input("Find a word", key="glossary_query", placeholder="for example Ki-67", max_chars=100)
        .strip()
        .lower()
    )
    terms = sorted(lib.glossary.terms, key=lambda t: t.term.lower())
    found = [
        t
        for t in terms
        if not query
        or query in t.term.lower()
        or query in t.plain.lower()
        or any(query in a.lower() for a in t.also_called)
    ]
    if not found:
        st.info(f"No word matches “{plain(query, 60)}”. Try a shorter part of the word.")
    # One block for the whole list: a few hundred separate elements made every keystroke slow.
    entries = []
    for term in found:
        also = f" (also called {', '.join(term.also_called)})" if term.also_called else ""
        entries.append(f"**{term.term}**{also}: {term.plain}  \n:gray[{lib.cite(term.sources)}]")
    st.markdown("\n\n".join(entries))


glossary_search()
next_step("learn", "Learn about NETs, with these words in use")
page_sources(lib, sources_in(lib.glossary))
