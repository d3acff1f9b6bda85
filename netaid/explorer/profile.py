"""The explorer's profile: a fixed vocabulary of fields, their allowed values and defaults.

`parse_profile` turns loose input (a JSON object, URL query parameters) into a complete
profile with defaults filled in, or raises ProfileError naming the field and what it allows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from netaid.content.models import SITE_IDS
from netaid.grading import GradeInputError, grade_tumor
from netaid.vocabulary import OPTION_IDS, SYMPTOM_IDS

Kind = Literal["choice", "bool", "number", "list"]
# How the explorer form asks for a field (ui/explorer_form.py has one drawer for each).
Widget = Literal["select", "radio", "radio_row", "checkbox", "number", "multiselect"]
NamesFrom = Literal["sites", "options"]  # value words that come from the content library


@dataclass(frozen=True)
class FieldSpec:
    """One profile field: what it accepts, and how the form asks for it and the visit sheet says it."""

    kind: Kind
    label: str  # a short heading: the visit sheet and the review packet
    question: str  # what the explorer form asks
    widget: Widget
    column: Literal[1, 2] = 1  # the explorer form's column
    values: tuple[Any, ...] = ()  # allowed values (choice) or allowed items (list)
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    above: float | None = None  # strictly greater than
    words: Mapping[Any, str] | None = None  # each value in everyday words
    names_from: NamesFrom | None = None  # or: the values are site or option ids, named by the library
    unit: str = ""  # printed after a number ("%")
    first: bool = False  # one of the few questions the form asks first; the rest fold under "more details"


def _choice(words: Mapping[Any, str], default: Any, **spec: Any) -> FieldSpec:
    """A choice whose allowed values are the keys of its words, so they are written once."""
    return FieldSpec("choice", values=tuple(words), default=default, words=words, **spec)


NOT_SURE = "Not sure"
# Past these a number is a typing slip, not a tumor: NETs reported in the sources are far smaller
# (tens of cm at most), and mitotic counts even in carcinomas stay in the low hundreds per 2 mm².
MAX_TUMOR_CM = 50
MAX_MITOSES = 1000

PROFILE_FIELDS: dict[str, FieldSpec] = {
    "site": FieldSpec(
        "choice", "Where it started", "Where did the tumor start?", "select",
        values=SITE_IDS, default="other", names_from="sites", first=True,
    ),
    "extent": _choice(
        {"localized": "Only where it started", "regional": "Spread nearby (lymph nodes or tissue)",
         "metastatic": "Spread to other parts of the body", "unknown": NOT_SURE},
        "unknown", label="How far it has spread", question="How far has it spread?", widget="radio", first=True,
    ),
    "grade": _choice(
        {1: "Grade 1", 2: "Grade 2", 3: "Grade 3", "unknown": NOT_SURE},
        "unknown", label="Grade", question="Grade, if known", widget="select", first=True,
    ),
    "ki67": FieldSpec(
        "number", "Ki-67", "Ki-67 percent, if known (fills in the grade)", "number", minimum=0, maximum=100, unit="%",
    ),
    "mitoses": FieldSpec(
        "number", "Mitotic count (per 2 mm²)", "Mitotic count per 2 mm², if known", "number", minimum=0,
        maximum=MAX_MITOSES,
    ),
    "differentiation": _choice(
        {"well": "They look like normal cells (well differentiated)",
         "poorly": "They look very different from normal cells (poorly differentiated)", "unknown": NOT_SURE},
        "unknown", label="How the cells look", question="How do the cells look?", widget="radio", first=True,
    ),
    # Three answers, so "not sure" is not read as "makes no hormones".
    "functional": _choice(
        {"yes": "Yes", "no": "No", "unknown": NOT_SURE}, "unknown", label="Makes hormones that cause symptoms",
        question="Does it make hormones that cause symptoms?", widget="radio_row", column=2, first=True,
    ),
    "syndrome": _choice(
        {"none": "None", "carcinoid_syndrome": "Carcinoid syndrome", "insulinoma": "Insulinoma (low blood sugar)",
         "gastrinoma": "Gastrinoma / Zollinger-Ellison (too much stomach acid, ulcers)",
         "vipoma": "VIPoma (a hormone called VIP causes watery diarrhea)",
         "pheochromocytoma": "Pheochromocytoma (adrenaline-type hormones, high blood pressure)",
         "other": "Another hormone syndrome"},
        "none", label="Hormone syndrome", question="Hormone syndrome", widget="select", column=2,
    ),
    "sstr": _choice(
        {"positive": "Yes, it lit up", "negative": "No, it did not light up", "unknown": "Not done or not sure"},
        "unknown", label="Receptor scan (e.g. DOTATATE PET) lit up",
        question="Did a receptor scan (like DOTATATE PET) show the tumor lighting up?", widget="radio", column=2,
    ),
    "liver_metastases": FieldSpec(
        "bool", "Spread to the liver", "It has spread to the liver", "checkbox", column=2, default=False,
    ),
    "bone_metastases": FieldSpec(
        "bool", "Spread to the bone", "It has spread to the bone", "checkbox", column=2, default=False,
    ),
    "resectable": _choice(
        {"yes": "Yes", "no": "No", "unknown": NOT_SURE}, "unknown", label="Surgery could take all of it out",
        question="Has the care team said surgery could take all of it out?", widget="radio_row", column=2,
        first=True,
    ),
    "tumor_size_cm": FieldSpec(
        "number", "Tumor size (cm)", "Tumor size in cm, if known", "number", above=0, maximum=MAX_TUMOR_CM,
    ),
    "growth": _choice(
        {"stable": "Staying the same", "growing": "Growing", "unknown": NOT_SURE}, "unknown", label="Growing",
        question="Is it growing?", widget="radio_row", column=2, first=True,
    ),
    "symptoms": FieldSpec(
        "list", "Symptoms", "Symptoms", "multiselect", column=2, values=SYMPTOM_IDS, default=(),
        words={"diarrhea": "Diarrhea", "flushing": "Flushing (red, warm face)", "wheezing": "Wheezing",
               "heart_valve_problems": "Heart valve problems", "bone_pain": "Bone pain",
               "low_blood_sugar": "Low blood sugar", "stomach_ulcers": "Stomach ulcers"},
    ),
    "previous_treatments": FieldSpec(
        "list", "Treatments already tried", "Treatments already tried", "multiselect", column=2,
        values=OPTION_IDS, default=(), names_from="options",
    ),
}  # fmt: skip

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
        if spec.above is not None:
            most = f" and at most {spec.maximum:g}" if spec.maximum is not None else ""
            return f"a number above {spec.above:g}{most}"
        low = spec.minimum or 0
        if spec.maximum is not None:
            return f"a number from {low:g} to {spec.maximum:g}"
        return f"a number of {low:g} or more"
    items = ", ".join(str(v) for v in spec.values)
    return f"one of: {items}" if spec.kind == "choice" else f"a list of: {items}"


def _shown(raw: Any, limit: int = 60) -> str:
    """A value as a message may quote it: short, and never failing (a huge int has no repr)."""
    try:
        text = repr(raw)
    except ValueError:  # Python refuses to print integers of more than 4,300 digits
        return "a number too large to read"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def coerce_value(name: str, spec: FieldSpec, raw: Any) -> Any:
    """Check one field's value (also accepting the text forms a URL carries)."""
    bad = ProfileError(f"`{name}` cannot be {_shown(raw)}; it takes {allowed_text(spec)}")
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
        except (TypeError, ValueError, OverflowError):  # OverflowError: an integer too large for a float
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


def parse_given(data: Any) -> dict[str, Any]:
    """Only the fields a mapping gives, each checked; raises ProfileError on the first bad one."""
    if not isinstance(data, dict):
        raise ProfileError("a profile must be an object of field: value pairs")
    unknown = [k for k in data if k not in PROFILE_FIELDS]
    if unknown:
        known = ", ".join(PROFILE_FIELDS)
        name = " ".join(str(unknown[0]).split())[:40]  # one line, however the key was written
        raise ProfileError(f"unknown field `{name}`; the fields are: {known}")
    return {
        name: coerce_value(name, PROFILE_FIELDS[name], raw)
        for name, raw in data.items()
        if raw is not None and raw != "" and raw != [] and raw != ()
    }


def parse_profile(data: Any) -> dict[str, Any]:
    """A full profile from a mapping, defaults for what it does not give (the rules read all fields)."""
    return {**{name: spec.default for name, spec in PROFILE_FIELDS.items()}, **parse_given(data)}


def clean_given(data: Any) -> tuple[dict[str, Any], list[str]]:
    """What can be kept of a stored or stale profile, and a plain line for each part dropped.

    Session state can hold an old or tampered profile; each bad field is dropped on its own, so
    one stale value never costs the rest of the situation, and never crashes a page."""
    if not isinstance(data, dict):
        return {}, ["The situation saved in this session could not be read, so it was set aside."]
    kept: dict[str, Any] = {}
    dropped: list[str] = []
    for name, raw in data.items():
        spec = PROFILE_FIELDS.get(name) if isinstance(name, str) else None
        if spec is None:
            dropped.append("A saved answer NETaid does not know was set aside.")
            continue
        if raw is None or raw == "" or raw == [] or raw == ():
            continue
        try:
            kept[name] = coerce_value(name, spec, raw)
        except ProfileError:
            dropped.append(f"The saved answer to “{spec.question}” could not be read, so it was set aside.")
    return kept, dropped


def measured_grade(profile: dict[str, Any]) -> int | None:
    """The WHO grade that the profile's Ki-67 and mitotic count give, if either is known."""
    if profile["ki67"] is None and profile["mitoses"] is None:
        return None
    try:
        return grade_tumor(profile["ki67"], profile["mitoses"]).grade
    except GradeInputError as err:  # coerce_value keeps both in range, so this is a guard
        raise ProfileError(str(err)) from None
