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


# The lung's own scale (see lung_grade).
LUNG_TYPICAL_BELOW_MITOSES = 2
LUNG_ATYPICAL_MAX_MITOSES = 10
LUNG_CARCINOID_MAX_KI67 = 30
LUNG_RANGE_WORDS = {1: "a typical carcinoid", 2: "an atypical carcinoid", 3: "a carcinoma"}


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


def lung_grade(given: dict[str, Any]) -> int | None:
    """The grade a lung tumor's own numbers point to: 1 typical, 2 atypical, 3 the carcinoma range.

    The lung has its own scale (sources `enets-2015-lung` and `esmo-2021-lung`, pathology
    sections): under 2 mitoses per 2 mm² is typical, 2 to 10 atypical, over 10 a carcinoma.
    Ki-67 does not grade a lung NET, but over 30 % is above the carcinoid range.
    """
    mitoses, ki67 = given["mitoses"], given["ki67"]
    found = []
    if mitoses is not None:
        found.append(3 if mitoses > LUNG_ATYPICAL_MAX_MITOSES else 2 if mitoses >= LUNG_TYPICAL_BELOW_MITOSES else 1)
    if ki67 is not None and ki67 > LUNG_CARCINOID_MAX_KI67:
        found.append(3)
    return max(found) if found else None


def _grade_vs_measured(given: dict[str, Any], used: dict[str, Any]) -> Conflict | None:
    lung = given["site"] == "lung"  # the gut and pancreas bands do not apply there
    measured = lung_grade(given) if lung else measured_grade(given)
    if measured is None:
        return None
    typed = given["grade"]
    if typed == "unknown":
        used["grade"] = measured
        return None
    used["grade"] = max(typed, measured)
    if typed == measured:
        return None
    means = (
        f"are in the range of {LUNG_RANGE_WORDS[measured]} for a lung tumor"
        if lung
        else f"you gave means grade {measured}"
    )
    return Conflict(
        "grade_vs_measured",
        ("grade", "ki67", "mitoses"),
        f"You typed grade {typed}, but the Ki-67 or mitotic count {means}. When these disagree, "
        f"the higher grade counts, so the list below uses grade {max(typed, measured)}. "
        "Ask your care team to check the report.",
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


def _lung_count_vs_look(given: dict[str, Any], used: dict[str, Any]) -> Conflict | None:
    """A lung tumor whose numbers are in the carcinoma range is read as a carcinoma (NEC).

    Over 10 mitoses per 2 mm² is a carcinoma by definition. A Ki-67 over 30 % points there
    too, so it decides only when no one has said how the cells look.
    """
    if given["site"] != "lung":
        return None
    many_mitoses = given["mitoses"] is not None and given["mitoses"] > LUNG_ATYPICAL_MAX_MITOSES
    high_ki67 = given["ki67"] is not None and given["ki67"] > LUNG_CARCINOID_MAX_KI67
    look = given["differentiation"]
    if not many_mitoses and not (high_ki67 and look == "unknown"):
        return None
    used["differentiation"] = "poorly"
    if look != "well":
        return None  # not sure how the cells look: the numbers answer it, as spread answers extent
    return Conflict(
        "lung_count_vs_look",
        ("mitoses", "differentiation"),
        f"You said the cells look like normal cells, but a lung tumor with more than "
        f"{LUNG_ATYPICAL_MAX_MITOSES} mitoses per 2 mm² is in the range of a fast-growing carcinoma "
        "(NEC). The list below follows the count, so no caution is missed. Ask your care team to check.",
        (
            Fix("The cells look very different (a carcinoma)", (("differentiation", "poorly"),)),
            Fix("Clear the mitotic count", (("mitoses", None),)),
        ),
    )


CHECKS = (
    _extent_vs_spread,
    _functional_vs_syndrome,
    _hormones_without_syndrome,
    _functional_vs_symptoms,
    _syndrome_vs_site,
    _grade_vs_measured,
    _lung_count_vs_look,
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
