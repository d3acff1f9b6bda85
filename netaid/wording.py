"""Everyday words for profile values, shared by the explorer form and the visit sheet."""

from __future__ import annotations

from typing import Any

from netaid.profile import PROFILE_FIELDS

PROFILE_WORDS: dict[str, dict[Any, str]] = {
    "extent": {"localized": "Only where it started", "regional": "Spread nearby (lymph nodes or tissue)",
               "metastatic": "Spread to other parts of the body", "unknown": "Not sure"},
    "grade": {1: "Grade 1", 2: "Grade 2", 3: "Grade 3", "unknown": "Not sure"},
    "differentiation": {"well": "They look like normal cells (well differentiated)",
                        "poorly": "They look very different from normal cells (poorly differentiated)",
                        "unknown": "Not sure"},
    "functional": {"yes": "Yes", "no": "No", "unknown": "Not sure"},
    "syndrome": {"none": "None", "carcinoid_syndrome": "Carcinoid syndrome", "insulinoma": "Insulinoma (low blood sugar)",
                 "gastrinoma": "Gastrinoma / Zollinger-Ellison (too much stomach acid, ulcers)",
                 "vipoma": "VIPoma (a hormone called VIP causes watery diarrhea)",
                 "pheochromocytoma": "Pheochromocytoma (adrenaline-type hormones, high blood pressure)",
                 "other": "Another hormone syndrome"},
    "sstr": {"positive": "Yes, it lit up", "negative": "No, it did not light up", "unknown": "Not done or not sure"},
    "resectable": {"yes": "Yes", "no": "No", "unknown": "Not sure"},
    "growth": {"stable": "Staying the same", "growing": "Growing", "unknown": "Not sure"},
    "symptoms": {"diarrhea": "Diarrhea", "flushing": "Flushing (red, warm face)", "wheezing": "Wheezing",
                 "heart_valve_problems": "Heart valve problems", "bone_pain": "Bone pain",
                 "low_blood_sugar": "Low blood sugar", "stomach_ulcers": "Stomach ulcers"},
}

FIELD_QUESTIONS = {
    "site": "Where it started", "extent": "How far it has spread", "grade": "Grade", "ki67": "Ki-67",
    "mitoses": "Mitotic count (per 2 mm²)", "differentiation": "How the cells look",
    "functional": "Makes hormones that cause symptoms", "syndrome": "Hormone syndrome",
    "sstr": "Receptor scan (e.g. DOTATATE PET) lit up", "liver_metastases": "Spread to the liver",
    "bone_metastases": "Spread to the bone", "resectable": "Surgery could take all of it out",
    "tumor_size_cm": "Tumor size (cm)", "growth": "Growing", "symptoms": "Symptoms",
    "previous_treatments": "Treatments already tried",
}


def describe_profile(profile: dict[str, Any], site_names: dict[str, str], option_names: dict[str, str]) -> list[tuple[str, str]]:
    """(question, answer) pairs in everyday words for the parts of a profile that were given."""
    rows = []
    for name, spec in PROFILE_FIELDS.items():
        value = profile.get(name, spec.default)
        if value in (None, (), []) or (value == spec.default and name != "site"):
            continue
        if name == "site":
            text = site_names.get(value, str(value))
        elif spec.kind == "bool":
            text = "Yes" if value else "No"
        elif spec.kind == "number":
            text = f"{value:g}" + ("%" if name == "ki67" else "")
        elif name == "previous_treatments":
            text = ", ".join(option_names.get(v, v) for v in value)
        elif spec.kind == "list":
            text = ", ".join(PROFILE_WORDS[name].get(v, v) for v in value)
        else:
            text = PROFILE_WORDS[name].get(value, str(value))
        rows.append((FIELD_QUESTIONS[name], text))
    return rows


def count_of(n: int, noun: str, plural: str | None = None, bare: bool = False) -> str:
    """ "1 question", "3 questions" (never "question(s)"); bare=True leaves the number off."""
    word = noun if n == 1 else (plural or noun + "s")
    return word if bare else f"{n} {word}"
