"""Turn pydantic validation errors into `path:line: what is wrong` problems with hints."""

from __future__ import annotations

import datetime
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from netaid.content.yamldoc import Loc, Problem, YamlDoc
from netaid.quiz.models import type_names


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _union_members(tp: Any) -> tuple[Any, ...]:
    if get_origin(tp) in (Union, types.UnionType):
        return tuple(_unwrap(a) for a in get_args(tp))
    return ()


def _tag_of(model: Any) -> Any:
    if isinstance(model, type) and issubclass(model, BaseModel) and "type" in model.model_fields:
        args = get_args(model.model_fields["type"].annotation)
        return args[0] if args else None
    return None


def model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that the path `loc` ends in, or None when it is not a model."""
    tp: Any = root
    for key in loc:
        tp = _unwrap(tp)
        members = _union_members(tp)
        if members:
            tagged = [m for m in members if _tag_of(m) == key]
            if tagged:
                tp = tagged[0]
                continue
            models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
            tp = models[0] if models else None
            tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(key, str):
            if key not in tp.model_fields:
                return None
            tp = tp.model_fields[key].annotation
        elif get_origin(tp) in (list, tuple) and isinstance(key, int):
            tp = get_args(tp)[0]
        elif get_origin(tp) is dict:
            tp = get_args(tp)[1]
        else:
            return None
    tp = _unwrap(tp)
    models = [m for m in _union_members(tp) if isinstance(m, type) and issubclass(m, BaseModel)]
    if models:
        return models[0]
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _doc_loc(doc: YamlDoc, loc: Loc) -> Loc:
    """Drop the union tags pydantic adds to a location (`questions.3.single.correct`)."""
    data: Any = doc.data
    kept: list[str | int] = []
    for key in loc:
        if (isinstance(data, dict) and key in data) or (
            isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data)
        ):
            data = data[key]  # type: ignore[index]  # a list is only indexed by an int (checked above)
        elif isinstance(data, dict) and data.get("type") == key:
            continue
        else:
            data = None
        kept.append(key)
    return tuple(kept)


def show_path(loc: Loc) -> str:
    out = ""
    for key in loc:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "the file"


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"a date ({value})"
    if isinstance(value, str):
        return f"text ({value[:40]!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing" if value is None else type(value).__name__


def _message(root: type[BaseModel], loc: Loc, raw_loc: Loc, err: ErrorDetails) -> str:
    kind, value = err["type"], err.get("input")
    where = show_path(loc)
    if kind == "missing":
        return f"`{where}` is missing"
    if kind == "extra_forbidden":
        parent = model_at(root, raw_loc[:-1])
        allowed = f" (allowed here: {', '.join(parent.model_fields)})" if parent else ""
        return f"unknown field `{loc[-1]}` in `{show_path(loc[:-1])}`{allowed}"
    if kind == "string_type":
        hint = " Put it in quotes so YAML keeps it as text." if isinstance(value, (int, float, datetime.date)) else ""
        return f"`{where}` should be text, not {_describe(value)}.{hint}"
    if kind in ("int_type", "float_type"):
        return f"`{where}` should be a number, not {_describe(value)}"
    if kind == "bool_type":
        return f"`{where}` should be true or false, not {_describe(value)}"
    if kind in ("list_type", "tuple_type"):
        return f"`{where}` should be a list (lines starting with `- `), not {_describe(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"`{where}` should be a mapping of `key: value` lines, not {_describe(value)}"
    if kind == "too_short":
        if isinstance(value, str):
            return f"`{where}` is empty"
        return f"`{where}` needs at least {err['ctx']['min_length']} item(s)"
    if kind == "string_pattern_mismatch":
        return f"`{where}` {value!r} may hold only lower-case letters, digits, - and _"
    if kind == "union_tag_invalid":
        return f"`{where}` {err['ctx']['tag']!r} is not a question type; use {err['ctx']['expected_tags']}"
    if kind == "union_tag_not_found":
        return f"`{where}` needs a `type` ({', '.join(type_names()[:-1])} or {type_names()[-1]})"
    if kind == "literal_error":
        return f"`{where}` cannot be {value!r}: {err['msg'].replace('Input should be', 'it should be')}"
    return f"`{where}`: {err['msg']} (got {_describe(value)})"


def schema_problems(doc: YamlDoc, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    """One problem per pydantic error, at the line of the key or value it is about."""
    problems = []
    for err in error.errors():
        raw_loc = tuple(err["loc"])
        loc = _doc_loc(doc, raw_loc)
        if err["type"] == "union_tag_invalid":
            loc = (*loc, "type")  # point at the `type:` line, not the start of the question
        line = doc.key_line(loc) if err["type"] == "extra_forbidden" else doc.line_of(loc)
        problems.append(Problem(doc.path, line, _message(model, loc, raw_loc, err)))
    return problems
