"""The explorer's profile: a fixed vocabulary of fields, their allowed values and defaults.

`parse_profile` turns loose input (a JSON object, URL query parameters) into a complete
profile with defaults filled in, or raises ProfileError naming the field and what it allows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from netaid.grading import GradeInputError, grade_tumor
from netaid.models import SITE_IDS
from netaid.vocabulary import OPTION_IDS, SYMPTOM_IDS

Kind = Literal["choice", "bool", "number", "list"]


@dataclass(frozen=True)
class FieldSpec:
    kind: Kind
    values: tuple[Any, ...] = ()  # allowed values (choice) or allowed items (list)
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    above: float | None = None  # strictly greater than


PROFILE_FIELDS: dict[str, FieldSpec] = {
    "site": FieldSpec("choice", SITE_IDS, "other"),
    "extent": FieldSpec("choice", ("localized", "regional", "metastatic", "unknown"), "unknown"),
    "grade": FieldSpec("choice", (1, 2, 3, "unknown"), "unknown"),
    "ki67": FieldSpec("number", minimum=0, maximum=100),
    "mitoses": FieldSpec("number", minimum=0),
    "differentiation": FieldSpec("choice", ("well", "poorly", "unknown"), "unknown"),
    # Three answers, so "not sure" is not read as "makes no hormones".
    "functional": FieldSpec("choice", ("yes", "no", "unknown"), "unknown"),
    "syndrome": FieldSpec(
        "choice",
        ("none", "carcinoid_syndrome", "insulinoma", "gastrinoma", "vipoma", "pheochromocytoma", "other"),
        "none",
    ),
    "sstr": FieldSpec("choice", ("positive", "negative", "unknown"), "unknown"),
    "liver_metastases": FieldSpec("bool", default=False),
    "bone_metastases": FieldSpec("bool", default=False),
    "resectable": FieldSpec("choice", ("yes", "no", "unknown"), "unknown"),
    "tumor_size_cm": FieldSpec("number", above=0),
    "growth": FieldSpec("choice", ("stable", "growing", "unknown"), "unknown"),
    "symptoms": FieldSpec("list", SYMPTOM_IDS, ()),
    "previous_treatments": FieldSpec("list", OPTION_IDS, ()),
}

# Which operators a rule may use on each kind of field.
OPERATORS: dict[Kind, tuple[str, ...]] = {
    "choice": ("equals", "in"),
    "bool": ("equals",),
    "number": ("equals", "at_least", "at_most"),
    "list": ("contains",),
}


class ProfileError(ValueError):
    """A profile field or value that is not in the vocabulary."""


def allowed_text(spec: FieldSpec) -> str:
    """A short human list of what a field accepts."""
    if spec.kind == "bool":
        return "true or false"
    if spec.kind == "number":
        if spec.maximum is not None:
            return f"a number from {spec.minimum:g} to {spec.maximum:g}"
        if spec.above is not None:
            return f"a number above {spec.above:g}"
        return f"a number of {spec.minimum:g} or more"
    items = ", ".join(str(v) for v in spec.values)
    return f"one of: {items}" if spec.kind == "choice" else f"a list of: {items}"


def coerce_value(name: str, spec: FieldSpec, raw: Any) -> Any:
    """Check one field's value (also accepting the text forms a URL carries)."""
    bad = ProfileError(f"`{name}` cannot be {raw!r}; it takes {allowed_text(spec)}")
    if spec.kind == "bool":
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.lower() in ("true", "false"):
            return raw.lower() == "true"
        raise bad
    if spec.kind == "number":
        if isinstance(raw, bool):
            raise bad
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise bad from None
        too_low = (spec.minimum is not None and value < spec.minimum) or (
            spec.above is not None and value <= spec.above
        )
        too_high = spec.maximum is not None and value > spec.maximum
        if math.isnan(value) or math.isinf(value) or too_low or too_high:
            raise bad
        return value
    if spec.kind == "choice":
        if isinstance(raw, bool) and "yes" in spec.values:  # older links and files said true/false
            return "yes" if raw else "no"
        if isinstance(raw, str) and raw.lower() in ("true", "false") and "yes" in spec.values:
            return "yes" if raw.lower() == "true" else "no"
        for allowed in spec.values:
            if raw == allowed or (isinstance(raw, str) and raw == str(allowed)):
                return allowed
        raise bad
    items = raw.split(",") if isinstance(raw, str) else raw
    if not isinstance(items, (list, tuple)) or any(i not in spec.values for i in items):
        raise bad
    return tuple(dict.fromkeys(i for i in items if i))


def parse_profile(data: Any) -> dict[str, Any]:
    """A full profile from a mapping, exactly as given (netaid.conflicts reads it for the rules)."""
    if not isinstance(data, dict):
        raise ProfileError("a profile must be an object of field: value pairs")
    unknown = [k for k in data if k not in PROFILE_FIELDS]
    if unknown:
        known = ", ".join(PROFILE_FIELDS)
        raise ProfileError(f"unknown field `{unknown[0]}`; the fields are: {known}")
    profile = {name: spec.default for name, spec in PROFILE_FIELDS.items()}
    for name, raw in data.items():
        if raw is None or raw == "":
            continue
        profile[name] = coerce_value(name, PROFILE_FIELDS[name], raw)
    return profile


def measured_grade(profile: dict[str, Any]) -> int | None:
    """The WHO grade that the profile's Ki-67 and mitotic count give, if either is known."""
    if profile["ki67"] is None and profile["mitoses"] is None:
        return None
    try:
        return grade_tumor(profile["ki67"], profile["mitoses"]).grade
    except GradeInputError as err:  # coerce_value keeps both in range, so this is a guard
        raise ProfileError(str(err)) from None
