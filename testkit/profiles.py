"""Situations the tests describe again and again (not medical facts: example profiles)."""

from __future__ import annotations

from typing import Any

# An advanced, well-differentiated grade 2 pancreatic NET that lit up on a receptor scan and
# cannot be removed; how fast it grows is not given.
ADVANCED_PNET: dict[str, Any] = {
    "site": "pancreas",
    "extent": "metastatic",
    "grade": 2,
    "differentiation": "well",
    "functional": "no",
    "sstr": "positive",
    "resectable": "no",
}
ADVANCED_PNET_GROWING: dict[str, Any] = {**ADVANCED_PNET, "growth": "growing"}
