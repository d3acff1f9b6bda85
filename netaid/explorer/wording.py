"""Everyday words for profile values, shared by the explorer form and the visit sheet."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netaid.content.library import Library
from netaid.explorer.profile import PROFILE_FIELDS


def value_words(lib: Library, name: str, value: Any) -> str:
    """One profile value in everyday words: the field's own words, a site or option name, a number."""
    spec = PROFILE_FIELDS[name]
    if spec.names_from == "sites":
        return lib.site_name(value)
    if spec.names_from == "options":
        return lib.option_name(value)
    if spec.words is not None and value in spec.words:
        return str(spec.words[value])
    if spec.kind == "bool":
        return "Yes" if value else "No"
    if isinstance(value, (int, float)):
        return f"{value:g}{spec.unit}"
    return str(value)


def describe_profile(given: Mapping[str, Any], lib: Library) -> list[tuple[str, str]]:
    """(question, answer) pairs in everyday words for the fields that were given, and only those:
    a default the person never chose is never described as theirs."""
    rows = []
    for name, spec in PROFILE_FIELDS.items():
        value = given.get(name)
        if value is None or value in ((), []):
            continue
        text = (
            ", ".join(value_words(lib, name, v) for v in value)
            if spec.kind == "list"
            else value_words(lib, name, value)
        )
        rows.append((spec.label, text))
    return rows


def count_of(n: int, noun: str, plural: str | None = None, bare: bool = False) -> str:
    """ "1 question", "3 questions" (never "question(s)"); bare=True leaves the number off."""
    word = noun if n == 1 else (plural or noun + "s")
    return word if bare else f"{n} {word}"
