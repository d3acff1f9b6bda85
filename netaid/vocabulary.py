"""Fixed vocabularies shared by content, rules, profiles and quizzes (ids never get renamed)."""

from __future__ import annotations

DISCLAIMER = (
    "NETaid is for learning. It is not medical advice and does not replace your care team. "
    "In an emergency, call your local emergency number."
)

OPTION_IDS: tuple[str, ...] = (
    "active_surveillance",
    "surgery",
    "endoscopic_resection",
    "debulking_surgery",
    "somatostatin_analog",
    "telotristat",
    "everolimus",
    "sunitinib",
    "cabozantinib",
    "prrt",
    "chemotherapy",
    "interferon",
    "external_beam_radiation",
    "radiofrequency_ablation",
    "hepatic_artery_embolization",
    "cryotherapy",
    "clinical_trial",
    "supportive_care",
    "proton_pump_inhibitor",
    "diazoxide",
    "bronchodilator",
    "cardiology_care",
    "nutrition_support",
)

# Safety cautions the catalog must always hold (the rules add them where they apply).
REQUIRED_CAUTION_IDS: tuple[str, ...] = (
    "carcinoid_crisis",
    "pheochromocytoma_biopsy",
    "everolimus_carcinoid_syndrome",
    "nec_urgent",
    "low_blood_sugar_safety",
    "vipoma_fluid_loss",
    "gastrinoma_acid",
    "pheochromocytoma_blood_pressure",
    "bronchodilator_carcinoid",
)

GOALS: dict[str, str] = {
    "remove_tumor": "Remove the tumor",
    "slow_growth": "Slow the growth",
    "control_symptoms": "Control symptoms",
    "relieve": "Relieve problems the tumor causes",
    "watch": "Watch closely, and treat only if needed",
    "support": "Support you and your body",
}

# What an option asks of a person; "What matters to me" relates these to values.
INVOLVES: dict[str, str] = {
    "surgery": "An operation",
    "hospital_stay": "A stay in hospital",
    "injections": "Shots (injections)",
    "iv_drip": "Medicine through a vein (IV)",
    "daily_pills": "Pills taken at home",
    "radiation": "Radiation",
    "hair_loss": "Can cause hair loss",
    "nausea": "Can cause nausea",
    "regular_scans": "Regular scans and check-ups",
    "time_off": "Time off from usual life to recover",
}

SYMPTOM_IDS: tuple[str, ...] = (
    "diarrhea",
    "flushing",
    "wheezing",
    "heart_valve_problems",
    "bone_pain",
    "low_blood_sugar",
    "stomach_ulcers",
)

QUIZ_TOPICS: dict[str, int] = {  # topic id -> the least number of questions its bank holds
    "triggers": 25,
    "symptoms": 20,
    "side_effects": 30,
    "grade_stage": 20,
    "diagnosis": 15,
    "treatments": 20,
    "living_with": 10,
}

# Where a quiz answer or an option card links to learn more: id -> (page url path, anchor).
LEARN_LINKS: dict[str, tuple[str, str]] = {
    "what-is-a-net": ("learn", "what-is-a-net"),
    "where-nets-start": ("learn", "where-nets-start"),
    "functional": ("learn", "functional"),
    "numbers": ("learn", "numbers"),
    "risk-factors": ("learn", "risk-factors"),
    "symptoms": ("learn", "symptoms"),
    "carcinoid-syndrome": ("learn", "carcinoid-syndrome"),
    "triggers": ("learn", "triggers"),
    "carcinoid-crisis": ("learn", "carcinoid-crisis"),
    "heart-disease": ("learn", "heart-disease"),
    "functional-syndromes": ("learn", "functional-syndromes"),
    "follow-up": ("learn", "follow-up"),
    "grade": ("grade", "grade"),
    "differentiation": ("grade", "differentiation"),
    "net-g3-vs-nec": ("grade", "net-g3-vs-nec"),
    "stage": ("stage", "stage"),
    "grade-vs-stage": ("stage", "grade-vs-stage"),
    "recurrence": ("stage", "recurrence"),
    "diagnosis": ("diagnosis", "diagnosis"),
    "pet-scans": ("diagnosis", "pet-scans"),
    "treatments": ("explorer", "treatments"),
}
