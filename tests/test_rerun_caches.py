"""Work a page rerun no longer repeats: glossary linking and a page's source list are kept,
and the kept answers are the same as working them out again."""

from netaid.content.glossary_links import Linker
from netaid.content.library import load_library, sources_in

TERMS = [("Ki-67", []), ("Carcinoid syndrome", ["carcinoid"]), ("Octreotide", [])]


def test_a_fresh_linker_links_like_a_new_one_and_shares_the_pattern():
    first = Linker(TERMS)
    text = "Ki-67 and octreotide. Ki-67 again."
    once = first(text)
    assert once.count("**Ki-67**") == 1 and "**octreotide**" in once
    assert "**" not in first(text)  # already marked on this page
    fresh = first.fresh()
    assert fresh.seen == set() and fresh._pattern is first._pattern
    assert fresh(text) == Linker(TERMS)(text) == once  # same answer, now from the memo
    assert fresh.seen == {"Ki-67", "Octreotide"}


def test_the_memo_respects_what_the_page_already_linked():
    linker = Linker(TERMS)
    linker("The carcinoid syndrome")
    later = linker("Ki-67 and carcinoid syndrome")
    assert "**Ki-67**" in later and "**carcinoid syndrome**" not in later
    other = linker.fresh()
    assert "**carcinoid syndrome**" in other("Ki-67 and carcinoid syndrome")  # a new page marks it again


def test_sources_in_gives_the_same_answer_when_kept():
    lib = load_library()
    first = sources_in(lib.overview, lib.sites)
    first.add("changed by the caller")
    again = sources_in(lib.overview, lib.sites)
    assert "changed by the caller" not in again  # callers get their own copy
    assert again == sources_in(lib.sites, lib.overview) == sources_in(lib.overview) | sources_in(lib.sites)
    assert again and all(isinstance(s, str) for s in again)
