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
from ui.entered import give, seed
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


def _gave(name: str) -> None:
    """A widget's on_change: the person set this field, so it is theirs (and survives leaving the page)."""
    give(name, st.session_state[widget_key(name)])


def _watched(name: str) -> dict[str, Any]:
    return {"key": widget_key(name), "on_change": _gave, "args": (name,)}


def _select(spec: FieldSpec, name: str, lib: Library) -> None:
    values, words = choices_and_words(lib, spec)
    st.selectbox(spec.question, values, format_func=label_from(words), **_watched(name))


def _radio(spec: FieldSpec, name: str, lib: Library, horizontal: bool = False) -> None:
    values, words = choices_and_words(lib, spec)
    st.radio(spec.question, values, format_func=label_from(words), horizontal=horizontal, **_watched(name))


def _checkbox(spec: FieldSpec, name: str, lib: Library) -> None:
    st.checkbox(spec.question, **_watched(name))


def _number(spec: FieldSpec, name: str, lib: Library) -> None:
    low, high = _number_bounds(spec)
    st.number_input(spec.question, low, high, format="%g", **_watched(name))


def _multiselect(spec: FieldSpec, name: str, lib: Library) -> None:
    values, words = choices_and_words(lib, spec)
    st.multiselect(spec.question, values, format_func=label_from(words), **_watched(name))


DRAWERS: dict[str, Callable[[FieldSpec, str, Library], None]] = {
    "select": _select,
    "radio": _radio,
    "radio_row": lambda spec, name, lib: _radio(spec, name, lib, horizontal=True),
    "checkbox": _checkbox,
    "number": _number,
    "multiselect": _multiselect,
}


def draw_form(lib: Library, given: Mapping[str, Any]) -> None:
    """The few key questions first, the rest folded under "more details" (open when any is answered),
    each in its column, in the profile's order, each showing what the person gave."""
    for name, spec in PROFILE_FIELDS.items():
        seed(widget_key(name), _widget_value(spec, given.get(name, spec.default)))
    _draw_fields(lib, [name for name, spec in PROFILE_FIELDS.items() if spec.first])
    details = [name for name, spec in PROFILE_FIELDS.items() if not spec.first]
    answered = sum(name in given for name in details)
    title = "More details: Ki-67, hormones, scans, spread, size, symptoms, treatments"
    with st.expander(f"{title} ({answered} answered)" if answered else title, expanded=bool(answered)):
        _draw_fields(lib, details)


def _draw_fields(lib: Library, names: list[str]) -> None:
    columns = st.columns(2)
    for column_number, column in enumerate(columns, start=1):
        with column:
            for name in names:
                spec = PROFILE_FIELDS[name]
                if spec.column == column_number:
                    DRAWERS[spec.widget](spec, name, lib)


def _widget_value(spec: FieldSpec, value: Any) -> Any:
    return list(value) if spec.kind == "list" else value


def set_widgets(profile: Mapping[str, Any]) -> None:
    """Put a (partial) profile into the form's widgets, defaults for the rest (an example, a link, a fix)."""
    for name, spec in PROFILE_FIELDS.items():
        st.session_state[widget_key(name)] = _widget_value(spec, profile.get(name, spec.default))
