"""Which trial figures fit a profile. A figure is shown when the person is like the people
in the trial; when the profile leaves something unknown, it is shown with that said; when
the person is clearly unlike them, the figure is left out and the trial only named."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from netaid.explorer.outcome_models import Outcome, Population

Fit = Literal["yes", "unclear", "no"]


@dataclass(frozen=True)
class ShownOutcome:
    outcome: Outcome
    fit: Fit
    unknown: tuple[str, ...]  # profile fields the person has not given
    not_stated: tuple[str, ...] = ()  # what the publication does not say about who was in it

    def as_dict(self, source_name: str) -> dict[str, Any]:
        o = self.outcome
        return {
            "what": o.what,
            "with": o.with_treatment,
            "without": o.without_treatment,
            "unit": o.unit,
            "over": o.over,
            "who": o.who,
            "evidence": o.evidence,
            "source": f"{source_name}, {o.place}",
        }


def _check(known: bool, ok: bool) -> Fit:
    return "unclear" if not known else ("yes" if ok else "no")


def population_fit(pop: Population, p: dict[str, Any]) -> tuple[Fit, tuple[str, ...], tuple[str, ...]]:
    """How a (resolved) profile fits a trial's population: the fit, the profile fields not
    given, and the fields the publication does not state (each makes the fit unclear)."""
    advanced = p["extent"] == "metastatic" or p["resectable"] == "no"
    stated: dict[str, tuple[Any, ...] | None] = {
        "grade": tuple(pop.grades) if pop.grades else None,
        "differentiation": (pop.differentiation,) if pop.differentiation else None,
        "functional": tuple(pop.functional) if pop.functional else None,
    }
    checks: dict[str, Fit] = {
        "site": _check(p["site"] not in ("other", "unknown_primary") or p["site"] in pop.sites, p["site"] in pop.sites),
        "extent": _check(p["extent"] != "unknown" or p["resectable"] != "unknown", advanced == pop.advanced),
    }
    not_stated = tuple(name for name, allowed in stated.items() if allowed is None)
    for name, allowed in stated.items():
        if allowed is not None:
            checks[name] = _check(p[name] != "unknown", p[name] in allowed)
    if pop.receptor_positive_only:
        checks["sstr"] = _check(p["sstr"] != "unknown", p["sstr"] == "positive")
    if pop.carcinoid_syndrome_only:
        checks["syndrome"] = "yes" if p["syndrome"] == "carcinoid_syndrome" else "no"
    if "no" in checks.values():
        return "no", (), ()
    unknown = tuple(name for name, fit in checks.items() if fit == "unclear")
    return ("unclear" if unknown or not_stated else "yes"), unknown, not_stated


def outcomes_for(outcomes: list[Outcome], option_id: str, profile: dict[str, Any]) -> list[ShownOutcome]:
    """Every trial figure for the option, each with how well the profile fits its trial."""
    shown = []
    for outcome in outcomes:
        if outcome.option == option_id:
            fit, unknown, not_stated = population_fit(outcome.population, profile)
            shown.append(ShownOutcome(outcome, fit, unknown, not_stated))
    return shown
