"""The explorer's form, drawn from the profile's fields (netaid/explorer/profile.py).

Each field names its widget; each widget has one drawer here. A new profile field needs no
change in this file unless it asks for a new kind of widget.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from netaid.content.library import Library
from netaid.explorer.profile import PROFILE_FIELDS, FieldSpec
from ui.shell import label_from


def widget_key(name: str) -> str:
    """The session-state key of a profile field's widget."""
    return f"p_{name}"


def choices_and_words(lib: Library, spec: FieldSpec) -> tuple[list[Any], Mapping[Any, str]]:
    """The values a widget offers, in order, and the words it shows for each."""
    if spec.names_from == "sites":
        return list(lib.site_names), lib.site_names
    if spec.names_from == "options":
        return list(lib.option_names), lib.option_names
    words = spec.words or {}
    return list(spec.values), words


def _number_bounds(spec: FieldSpec) -> tuple[float, float | None]:
    """The number box's range; a field that must be above a value starts one tenth above it."""
    low = spec.minimum if spec.minimum is not None else (spec.above or 0.0) + 0.1
    return float(low), None if spec.maximum is None else float(spec.maximum)


def _select(spec: FieldSpec, key: str, lib: Library) -> None:
    values, words = choices_and_words(lib, spec)
    st.selectbox(spec.question, values, key=key, format_func=label_from(words))


def _radio(spec: FieldSpec, key: str, lib: Library, horizontal: bool = False) -> None:
    values, words = choices_and_words(lib, spec)
    st.radio(spec.question, values, key=key, format_func=label_from(words), horizontal=horizontal)


def _checkbox(spec: FieldSpec, key: str, lib: Library) -> None:
    st.checkbox(spec.question, key=key)


def _number(spec: FieldSpec, key: str, lib: Library) -> None:
    low, high = _number_bounds(spec)
    st.number_input(spec.question, low, high, key=key, value=None, format="%g")


def _multiselect(spec: FieldSpec, key: str, lib: Library) -> None:
    values, words = choices_and_words(lib, spec)
    st.multiselect(spec.question, values, key=key, format_func=label_from(words))


DRAWERS: dict[str, Callable[[FieldSpec, str, Library], None]] = {
    "select": _select,
    "radio": _radio,
    "radio_row": lambda spec, key, lib: _radio(spec, key, lib, horizontal=True),
    "checkbox": _checkbox,
    "number": _number,
    "multiselect": _multiselect,
}


def draw_form(lib: Library) -> None:
    """Every profile field in its column, in the profile's order."""
    columns = st.columns(2)
    for column_number, column in enumerate(columns, start=1):
        with column:
            for name, spec in PROFILE_FIELDS.items():
                if spec.column == column_number:
                    DRAWERS[spec.widget](spec, widget_key(name), lib)


def set_widgets(profile: Mapping[str, Any]) -> None:
    """Put a (partial) profile into the form's widgets, defaults for the rest."""
    for name, spec in PROFILE_FIELDS.items():
        value = profile.get(name, spec.default)
        st.session_state[widget_key(name)] = list(value) if spec.kind == "list" else value


def form_values() -> dict[str, Any]:
    """What the form holds now, field by field (None where a widget has not been drawn)."""
    return {name: st.session_state.get(widget_key(name)) for name in PROFILE_FIELDS}
