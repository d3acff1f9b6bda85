"""Reading grade (Flesch-Kincaid, via textstat) of every prose field in the content."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin

import textstat
from pydantic import BaseModel

from netaid.content.models import PROSE

MAX_GRADE = 9.0
MAX_MEDIAN = 7.0


@dataclass(frozen=True)
class Scored:
    where: str
    text: str
    grade: float


def _has_marker(tp: Any) -> bool:
    if get_origin(tp) is Annotated and PROSE in get_args(tp)[1:]:
        return True
    return any(_has_marker(arg) for arg in get_args(tp))


def _is_prose(model: type[BaseModel], name: str) -> bool:
    # pydantic lifts a field's own Annotated metadata into `metadata`; `Prose | None` and
    # `list[Prose]` keep the marker inside the annotation.
    info = model.model_fields[name]
    return PROSE in info.metadata or _has_marker(info.annotation)


def prose_texts(obj: object, where: str) -> Iterator[tuple[str, str]]:
    """Every (location, text) of a prose field in a model tree."""
    if isinstance(obj, BaseModel):
        cls = type(obj)
        for name in cls.model_fields:
            value = getattr(obj, name)
            if isinstance(value, str) and _is_prose(cls, name):
                yield f"{where}.{name}", value
            elif isinstance(value, list) and value and isinstance(value[0], str) and _is_prose(cls, name):
                yield from ((f"{where}.{name}[{i}]", v) for i, v in enumerate(value))
            else:
                yield from prose_texts(value, f"{where}.{name}")
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            yield from prose_texts(item, f"{where}[{i}]")
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from prose_texts(item, f"{where}.{key}")


def score_all(roots: dict[str, BaseModel]) -> list[Scored]:
    """Score every prose text under the given named models, hardest first."""
    scored = [
        Scored(where, text, round(textstat.flesch_kincaid_grade(text), 1))
        for name, root in roots.items()
        for where, text in prose_texts(root, name)
    ]
    return sorted(scored, key=lambda s: -s.grade)


def median_grade(scored: list[Scored]) -> float:
    return round(statistics.median(s.grade for s in scored), 1) if scored else 0.0
