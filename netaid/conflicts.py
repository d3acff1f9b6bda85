"""Answers that contradict each other, and the profile the rules then use.

The explorer never guesses silently. Where two answers cannot both be true, it names the
conflict, says which reading it used, and offers a fix for each side. Where one reading is
the more serious one (a higher grade, spread beyond where the tumor started, a tumor that
makes hormones), that reading is used, so that no caution is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netaid.profile import measured_grade

HORMONE_SYNDROMES = ("carcinoid_syndrome", "insulinoma", "gastrinoma", "vipoma", "pheochromocytoma", "other")


@dataclass(frozen=True)
class Fix:
    """One click that makes the answers agree: a label and the fields it sets."""

    label: str
    changes: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Conflict:
    id: str
    fields: tuple[str, ...]
    text: str
    fixes: tuple[Fix, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "fields": list(self.fields), "text": self.text}


def _extent_vs_spread(given: dict[str, Any], used: dict[str, Any]) -> Conflict | None:
    spread = [f for f in ("liver_metastases", "bone_metastases") if given[f]]
    if given["extent"] not in ("localized", "regional") or not spread:
        return None
    places = " and ".join("the liver" if f == "liver_metastases" else "the bone" for f in spread)
    said = "only where it started" if given["extent"] == "localized" else "spread only nearby"
    used["extent"] = "metastatic"
    return Conflict(
        "extent_vs_spread",
        ("extent", *spread),
        f"You said the tumor is {said}, and also that it has spread to {places}. Spread to "
        f"{places} means spread to other parts of the body. The list below uses that, so no "
        "caution is missed. Check with your care team which is right.",
        (
            Fix("It has spread to other parts of the body", (("extent", "metastatic"),)),
            Fix(f"It has not spread to {places}", tuple((f, False) for f in spread)),
        ),
    )


def _functional_vs_syndrome(given: dict[str, Any], used: dict[str, Any]) -> Conflict | None:
    if given["functional"] != "no" or given["syndrome"] not in HORMONE_SYNDROMES:
        return None
    used["functional"] = "yes"
    return Conflict(
        "functional_vs_syndrome",
        ("functional", "syndrome"),
        "You said the tumor makes no hormones that cause symptoms, and also picked a hormone "
        "syndrome. A hormone syndrome means the tumor does make hormones. The list below "
        "treats it as making hormones, so its safety cautions are shown.",
        (
            Fix("It makes hormones", (("functional", "yes"),)),
            Fix("There is no hormone syndrome", (("syndrome", "none"),)),
        ),
    )


def _grade_vs_measured(given: dict[str, Any], used: dict[str, Any]) -> Conflict | None:
    measured = measured_grade(given)
    if measured is None:
        return None
    typed = given["grade"]
    if typed == "unknown":
        used["grade"] = measured
        return None
    used["grade"] = max(typed, measured)
    if typed == measured:
        return None
    return Conflict(
        "grade_vs_measured",
        ("grade", "ki67", "mitoses"),
        f"You typed grade {typed}, but the Ki-67 or mitotic count you gave means grade "
        f"{measured}. When these disagree, the higher grade counts, so the list below uses "
        f"grade {max(typed, measured)}. Ask your care team to check the report.",
        (
            Fix(f"Use grade {measured}, from the numbers", (("grade", measured),)),
            Fix(f"Keep grade {typed} and clear the numbers", (("ki67", None), ("mitoses", None))),
        ),
    )


def _grade_vs_differentiation(given: dict[str, Any], used: dict[str, Any]) -> Conflict | None:
    if given["differentiation"] != "poorly" or used["grade"] not in (1, 2):
        return None
    return Conflict(
        "grade_vs_differentiation",
        ("grade", "differentiation"),
        f"You gave grade {used['grade']}, and said the cells look very different from normal "
        "cells. Cells like that belong to a fast-growing carcinoma (NEC), which is always high "
        "grade. The list below follows how the cells look. Ask your care team to check.",
        (
            Fix("The cells look like normal cells", (("differentiation", "well"),)),
            Fix("It is grade 3", (("grade", 3), ("ki67", None), ("mitoses", None))),
        ),
    )


CHECKS = (_extent_vs_spread, _functional_vs_syndrome, _grade_vs_measured, _grade_vs_differentiation)


def resolve(given: dict[str, Any]) -> tuple[dict[str, Any], tuple[Conflict, ...]]:
    """The profile the rules use, and every conflict found in the profile as given."""
    used = dict(given)
    if given["extent"] == "unknown" and (given["liver_metastases"] or given["bone_metastases"]):
        used["extent"] = "metastatic"  # not a conflict: the spread answers the question
    if given["syndrome"] in HORMONE_SYNDROMES and given["functional"] == "unknown":
        used["functional"] = "yes"
    found = (check(given, used) for check in CHECKS)
    return used, tuple(c for c in found if c is not None)
