"""Glossary words are explained on the page that uses them: marked in bold once per page run,
with their meanings in a "Words explained" popover, never a link to another tab."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from netaid.content.glossary_links import Linker
from testkit.pages import APP, page_text

TERMS = [("Ki-67", []), ("Carcinoid syndrome", ["carcinoid"]), ("Octreotide", [])]


def test_first_use_is_bold_and_listed_in_text_order():
    linker = Linker(TERMS)
    assert linker("Octreotide and Ki-67; Ki-67 again.") == "**Octreotide** and **Ki-67**; Ki-67 again."
    assert linker.take_marked() == ["Octreotide", "Ki-67"]
    assert linker.take_marked() == [], "each marked word is handed over once"
    assert linker("octreotide") == "octreotide", "a word is marked once per page run"


def test_words_already_bold_count_as_marked_without_breaking_the_bold():
    linker = Linker(TERMS)
    assert linker("**Carcinoid syndrome.** It can flush the skin.") == "**Carcinoid syndrome.** It can flush the skin."
    assert linker.take_marked() == ["Carcinoid syndrome"]


def test_links_and_code_stay_untouched():
    linker = Linker(TERMS)
    text = "[Ki-67](https://example.org/ki-67) and `Octreotide`"
    assert linker(text) == text and linker.take_marked() == []


def test_a_remembered_answer_hands_over_the_same_words():
    first = Linker(TERMS)
    first("Ki-67 and octreotide")
    again = first.fresh()
    assert again("Ki-67 and octreotide") == "**Ki-67** and **octreotide**"
    assert again.take_marked() == ["Ki-67", "Octreotide"]


def _learn(section: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("pages/learn.py")
    at.query_params["section"] = section
    at.run()
    assert not at.exception
    return at


def test_a_learn_section_explains_its_words_on_the_same_page(lib):
    at = _learn("triggers")
    meanings = {t.term: t.plain for t in lib.glossary.terms}
    popovers = [p for p in at.get("popover") if p.proto.popover.label.startswith("Words explained")]
    assert popovers, "each section with glossary words has a Words explained popover"
    explained = "\n".join(m.value for p in popovers for m in p.markdown)
    for term in ("Serotonin", "Octreotide"):
        assert f"<strong>{term}</strong>: {meanings[term]}" in explained
    text = page_text(at)
    assert "**Octreotide**" in text or "**octreotide**" in text, "the word stays in the text, in bold"
    assert "/glossary?term=" not in text and "_blank" not in text, "no link sends the person to another tab"
    marked = re.findall(r"<strong>([^<]+)</strong>", explained)
    assert len(marked) == len(set(marked)), "each word is explained once per page run"
