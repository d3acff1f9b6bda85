"""Example situations (presets) and share links: a profile to and from URL query parameters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from netaid.explorer.profile import PROFILE_FIELDS, ProfileError, coerce_value

# Starting points a clinician can pick and then adjust. Not medical facts: example situations.
PRESETS: dict[str, dict[str, Any]] = {
    "Small low-grade appendix NET": {
        "site": "appendix",
        "extent": "localized",
        "grade": 1,
        "differentiation": "well",
        "resectable": "yes",
        "growth": "stable",
    },
    "Small pancreatic NET, no hormones": {
        "site": "pancreas",
        "extent": "localized",
        "grade": 1,
        "differentiation": "well",
        "functional": "no",
        "tumor_size_cm": 1.5,
        "resectable": "yes",
    },
    "Small-intestine NET with carcinoid syndrome and liver spread": {
        "site": "small_intestine",
        "extent": "metastatic",
        "grade": 2,
        "differentiation": "well",
        "functional": "yes",
        "syndrome": "carcinoid_syndrome",
        "sstr": "positive",
        "liver_metastases": True,
        "resectable": "no",
        "symptoms": ["diarrhea", "flushing"],
    },
    "Advanced pancreatic NET": {
        "site": "pancreas",
        "extent": "metastatic",
        "grade": 2,
        "differentiation": "well",
        "sstr": "positive",
        "liver_metastases": True,
        "resectable": "no",
        "growth": "growing",
    },
    "Lung NET": {"site": "lung", "extent": "localized", "grade": 1, "differentiation": "well", "resectable": "yes"},
    "Fast-growing carcinoma": {
        "site": "other",
        "extent": "metastatic",
        "grade": 3,
        "differentiation": "poorly",
        "sstr": "negative",
        "resectable": "no",
        "growth": "growing",
    },
}

LIST_FIELDS = tuple(name for name, spec in PROFILE_FIELDS.items() if spec.kind == "list")


def profile_from_query(params: Mapping[str, str | list[str]]) -> tuple[dict[str, Any], list[str]]:
    """Profile input from URL query parameters. Bad fields or values are dropped with a warning."""
    profile: dict[str, Any] = {}
    warnings: list[str] = []
    for name, raw in params.items():
        value: Any = raw
        if isinstance(raw, list):  # a parameter given more than once
            value = ",".join(raw) if name in LIST_FIELDS else (raw[-1] if raw else "")
        if name not in PROFILE_FIELDS:
            warnings.append(f"The link has an unknown setting “{name}”, so it was left out.")
            continue
        try:
            profile[name] = coerce_value(name, PROFILE_FIELDS[name], value)
        except ProfileError:
            warnings.append(f"The link's value for “{name}” was not understood, so the usual setting is used.")
    return profile, warnings


def _number_text(value: float) -> str:
    """Short when that is exact (12, 3.5), otherwise every digit, so a link keeps the value."""
    short = f"{value:g}"
    return short if float(short) == value else repr(value)


def query_from_profile(profile: Mapping[str, Any]) -> dict[str, str]:
    """Query parameters for the non-default parts of a profile (a short shareable link)."""
    query = {}
    for name, spec in PROFILE_FIELDS.items():
        value = profile.get(name, spec.default)
        if value == spec.default or value is None or value == ():
            continue
        if spec.kind == "list":
            query[name] = ",".join(value)
        elif spec.kind == "bool":
            query[name] = "true" if value else "false"
        else:
            query[name] = _number_text(value) if isinstance(value, float) else str(value)
    return query


def share_link(page_url: str | None, query: Mapping[str, str]) -> str:
    """The explorer's address with a situation in its query, made only when someone asks for it."""

    parts = urlsplit(page_url or "/explorer")
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/explorer", urlencode(query), ""))
