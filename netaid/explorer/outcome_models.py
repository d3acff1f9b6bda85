"""Pydantic models for outcome chances: figures from a trial's own publication, with who was
in the trial, the time frame, the kind of evidence and the exact place the figure came from.
The publication itself is an entry in sources.yaml (its title, authors, journal, year, URL)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from netaid.content.models import Id, Label, Prose, SiteId, SourceIds, Strict

Evidence = Literal["randomized trial", "single-arm study", "registry", "expert consensus"]


class Population(Strict):
    """Who was in the trial, in profile terms: a figure shows only for profiles that fit."""

    # None means the publication does not say, so the app cannot tell if a person fits.
    sites: Annotated[list[SiteId], Field(min_length=1)]
    grades: Annotated[list[Literal[1, 2, 3]], Field(min_length=1)] | None = None
    differentiation: Literal["well", "poorly"] | None = None
    functional: Annotated[list[Literal["yes", "no"]], Field(min_length=1)] | None = None
    receptor_positive_only: bool = False
    advanced: bool = True  # spread, or not removable by surgery
    carcinoid_syndrome_only: bool = False


class Outcome(Strict):
    id: Id
    option: Id
    trial: Label
    what: Prose  # what was measured, in plain words
    with_treatment: Annotated[float, Field(ge=0)]
    without_treatment: Annotated[float, Field(ge=0)]
    compared_with: Label  # the other arm: placebo, or the comparison treatment
    unit: Literal["in 100", "months"]
    over: Label  # the time frame
    who: Prose  # who was in the trial, in plain words
    population: Population
    evidence: Evidence
    place: Label  # where in the publication the figure stands, e.g. "abstract, results"
    sources: SourceIds  # the first is the trial's own publication

    @model_validator(mode="after")
    def _a_rate_is_out_of_100(self) -> Outcome:
        if self.unit == "in 100" and max(self.with_treatment, self.without_treatment) > 100:
            raise ValueError("an `in 100` figure cannot be above 100")
        return self


class OutcomesFile(Strict):
    outcomes: Annotated[list[Outcome], Field(min_length=1)]
