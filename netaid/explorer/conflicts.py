"""Answers that contradict each other, and the profile the rules then use.

The explorer never guesses silently. Where two answers cannot both be true, it names the
conflict, says which reading it used, and offers a fix for each side. Where one reading is
the more serious one (a higher grade, spread beyond where the tumor started, a tumor that
makes hormones), that reading is used, so that no caution is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netaid.explorer.profile import measured_grade

HORMONE_SYNDROMES = ("carcinoid_syndrome", "insulinoma", "gastrinoma", "vipoma", "pheochromocytoma", "other")
# Symptoms that point to tumor hormones (diarrhea and ulcers have many other causes).
HORMONE_SIGNS = {"flushing": "flushing", "low_blood_sugar": "low blood sugar"}
# Where each syndrome's tumor starts (MedlinePlus on insulinoma, VIPoma, Zollinger-Ellison
# and pheochromocytoma); the first is the usual one.
SYNDROME_SITES = {
    "insulinoma": ("pancreas",),
    "vipoma": ("pancreas",),
    "gastrinoma": ("pancreas", "duodenum"),
    "pheochromocytoma": ("adrenal",),
}
SITE_WORDS = {
    "pancreas": "the pancreas",
    "duodenum": "the first part of the small bowel",
    "adrenal": "an adrenal gland",
    "lung": "the lung",
    "stomach": "the stomach",
    "small_intestine": "the small bowel",
    "appendix": "the appendix",
    "colon_rectum": "the colon or rectum",
}


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
    removable = ""
    if given["resectable"] == "yes":
        # "Surgery could take it all out" was likely said of the first tumor, not the spread.
        used["resectable"] = "unknown"
        removable = " It also reads 'surgery could take it all out' as not sure, since that may not include the spread."
    return Conflict(
        "extent_vs_spread",
        ("extent", *spread),
        f"You said the tumor is {said}, and also that it has spread to {places}. Spread to "
        f"{places} means spread to other parts of the body. The list below uses that, so no "
        f"caution is missed.{removable} Check with your care team which is right.",
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


def _hormones_without_syndrome(given: dict[str, Any], used: dict[str, Any]) -> Conflict | None:
    if given["functional"] != "yes" or given["syndrome"] != "none":
        return None
    used["syndrome"] = "other"  # it makes hormones, but which is not said: keep every hormone caution in play
    return Conflict(
        "hormones_without_syndrome",
        ("functional", "syndrome"),
        "You said the tumor makes hormones that cause symptoms, but picked no hormone syndrome. "
        "Each hormone brings its own safety caution, so it matters which one it is. Until you pick "
        "it, the list below treats it as another hormone syndrome. Ask your care team which hormone it makes.",
        (
            Fix("It makes a hormone not listed, or I am not sure which", (("syndrome", "other"),)),
            Fix("Not sure if it makes hormones", (("functional", "unknown"),)),
        ),
    )


def _functional_vs_symptoms(given: dict[str, Any], used: dict[str, Any]) -> Conflict | None:
    signs = [s for s in HORMONE_SIGNS if s in given["symptoms"]]
    if given["functional"] != "no" or given["syndrome"] in HORMONE_SYNDROMES or not signs:
        return None
    used["functional"] = "yes"
    words = " and ".join(HORMONE_SIGNS[s] for s in signs)
    return Conflict(
        "functional_vs_symptoms",
        ("functional", "symptoms"),
        f"You said the tumor makes no hormones that cause symptoms, and also picked {words}. "
        "These are most often caused by tumor hormones. The list below treats the tumor as "
        "making hormones, so its cautions are shown. Ask your care team what causes yours.",
        (
            Fix("It makes hormones", (("functional", "yes"),)),
            Fix("Not sure if it makes hormones", (("functional", "unknown"),)),
        ),
    )


def _syndrome_vs_site(given: dict[str, Any], used: dict[str, Any]) -> Conflict | None:
    expected = SYNDROME_SITES.get(given["syndrome"])
    if expected is None or given["site"] in (*expected, "other", "unknown_primary"):
        return None
    name, usual = expected[0], " or ".join(SITE_WORDS[s] for s in expected)
    return Conflict(
        "syndrome_vs_site",
        ("syndrome", "site"),
        f"The hormone syndrome you picked almost always comes from a tumor in {usual}, but "
        f"you said the tumor started in {SITE_WORDS.get(given['site'], 'another place')}. "
        "The list below keeps the cautions for both. Ask your care team to check.",
        (
            Fix(f"It started in {SITE_WORDS[name]}", (("site", name),)),
            Fix("There is no hormone syndrome", (("syndrome", "none"),)),
        ),
    )


def _grade_vs_measured(given: dict[str, Any], used: dict[str, Any]) -> Conflict | None:
    measured = measured_grade(given)
    if measured is None or given["site"] == "lung":  # the bands are for the gut and pancreas
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


CHECKS = (
    _extent_vs_spread,
    _functional_vs_syndrome,
    _hormones_without_syndrome,
    _functional_vs_symptoms,
    _syndrome_vs_site,
    _grade_vs_measured,
    _grade_vs_differentiation,
)


def resolve(given: dict[str, Any]) -> tuple[dict[str, Any], tuple[Conflict, ...]]:
    """The profile the rules use, and every conflict found in the profile as given."""
    used = dict(given)
    if given["extent"] == "unknown" and (given["liver_metastases"] or given["bone_metastases"]):
        used["extent"] = "metastatic"  # not a conflict: the spread answers the question
    if given["syndrome"] in HORMONE_SYNDROMES and given["functional"] == "unknown":
        used["functional"] = "yes"
    found = (check(given, used) for check in CHECKS)
    return used, tuple(c for c in found if c is not None)
