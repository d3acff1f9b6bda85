"""Pydantic models for the Learn content files in netaid/data/ (strict, no unknown fields).

Text fields are typed as either `Prose` (sentences a patient reads; checked for reading
grade) or `Label` (names, terms and short list entries; not graded). The readability
check finds prose by the PROSE marker in a field's metadata.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

PROSE = "netaid:prose"

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), PROSE]
Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)
]  # a publication's own title
SourceIds = Annotated[list[Id], Field(min_length=1)]
Percent = Annotated[float, Field(ge=0, le=100)]

SITE_IDS = (
    "lung",
    "stomach",
    "duodenum",
    "pancreas",
    "small_intestine",
    "appendix",
    "colon_rectum",
    "unknown_primary",
    "adrenal",
    "other",
)
SiteId = Literal[SITE_IDS]  # type: ignore[valid-type]  # the same ids as SITE_IDS
ExtentId = Literal["localized", "regional", "metastatic"]
BodyArea = Literal["primary", "lymph_nodes", "liver", "bone"]


class Strict(BaseModel):
    """Base for every content model: strict types, unknown fields rejected, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Item(Strict):
    """A titled piece of teaching: a short text, optional bullet points, and its sources."""

    id: Id
    title: Label
    text: Prose
    points: list[Prose] = []
    sources: SourceIds


# --- sources.yaml ---------------------------------------------------------------------
class Source(Strict):
    id: Id
    short: Label  # how a citation names it, e.g. "Cancer.Net"
    publisher: Label
    title: Title
    reviewed: Label  # as the page gives it, e.g. "05/2022" or "undated"
    covers: Prose
    url: str | None = None
    no_url: Prose | None = None  # why there is no address, when we could not confirm one
    # A web page is reviewed and can change; a trial's publication is fixed once printed.
    kind: Literal["page", "publication"] = "page"

    @model_validator(mode="after")
    def _address_or_why_not(self) -> Source:
        if (self.url is None) == (self.no_url is None):
            raise ValueError("give `url` (the address), or `no_url` (why there is none), not both")
        if self.url is not None and not self.url.startswith("https://"):
            raise ValueError("`url` must start with https://")
        return self


class About(Strict):
    """NETaid's own version, dates and disclosures (decision-aid standards: date, funding, conflicts)."""

    version: Label
    published: datetime.date
    content_checked: datetime.date
    next_review: datetime.date
    made_by: Prose
    conflicts_of_interest: Prose
    evidence_method: Prose

    @model_validator(mode="after")
    def _review_comes_after_the_check(self) -> About:
        if self.next_review <= self.content_checked:
            raise ValueError("`next_review` must come after `content_checked`")
        return self


class SourcesFile(Strict):
    sources: Annotated[list[Source], Field(min_length=1)]
    about: About
    update_policy: Prose
    funding: Prose


# --- overview.yaml --------------------------------------------------------------------
class Statistic(Strict):
    id: Id
    label: Label
    value: Annotated[float, Field(ge=0)]
    unit: Label  # e.g. "people a year in the US", "in 100 NETs"
    text: Prose
    sources: SourceIds


class OverviewFile(Strict):
    what_is_a_net: Item
    functional: Item
    non_functional: Item
    statistics: list[Statistic]
    sections: list[Item] = []


# --- sites.yaml -----------------------------------------------------------------------
class Site(Strict):
    id: SiteId
    name: Label
    percent: Percent | None = None  # only where a source gives a number
    text: Prose
    sources: SourceIds


class SitesFile(Strict):
    intro: Prose
    sites: list[Site]
    note: Prose  # e.g. why the numbers do not add up to 100
    sources: SourceIds


# --- risk_factors.yaml ----------------------------------------------------------------
class RiskFactorsFile(Strict):
    intro: Item
    factors: list[Item]
    inherited_syndromes: list[Item]


# --- symptoms.yaml --------------------------------------------------------------------
class Symptom(Strict):
    name: Label
    detail: Prose | None = None


class SymptomGroup(Strict):
    id: Literal["general", "size_location", "hormones"]
    title: Label
    text: Prose
    symptoms: Annotated[list[Symptom], Field(min_length=1)]
    sources: SourceIds


class SymptomsFile(Strict):
    intro: Item
    groups: Annotated[list[SymptomGroup], Field(min_length=3, max_length=3)]


# --- carcinoid.yaml -------------------------------------------------------------------
class Trigger(Strict):
    id: Literal["amines", "serotonin", "alcohol", "stress", "hard_exercise"]
    title: Label
    text: Prose
    examples: list[Label] = []  # foods, for the two food groups
    sources: SourceIds


class CarcinoidFile(Strict):
    about: Item
    symptoms: Annotated[list[Symptom], Field(min_length=1)]
    symptoms_sources: SourceIds
    triggers: Annotated[list[Trigger], Field(min_length=5)]
    crisis: Item
    crisis_prevention: Item
    heart_disease: Item
    managing: list[Item] = []
    self_injection: Item | None = None  # shown on the Diary page, beside the shot tracker


# --- functional_syndromes.yaml --------------------------------------------------------
class FunctionalSyndrome(Strict):
    id: Id
    name: Label
    hormone: Label
    main_sign: Label
    text: Prose
    sources: SourceIds


class FunctionalSyndromesFile(Strict):
    intro: Item
    syndromes: Annotated[list[FunctionalSyndrome], Field(min_length=3)]


# --- tests.yaml -----------------------------------------------------------------------
class DiagnosisTest(Strict):
    id: Id
    name: Label
    kind: Literal["tissue", "lab", "endoscopy", "imaging", "nuclear"]
    looks_for: Prose
    what_it_is_like: Prose
    prepare: Prose | None = None  # how to get ready, where a source says
    caution: Prose | None = None
    sources: SourceIds


class TestsFile(Strict):
    intro: Item
    tests: Annotated[list[DiagnosisTest], Field(min_length=1)]
    pet_comparison: Item


# --- grades.yaml ----------------------------------------------------------------------
class GradeInfo(Strict):
    grade: Literal[1, 2, 3]
    name: Label
    text: Prose
    sources: SourceIds


class GradesFile(Strict):
    intro: Item
    grades: Annotated[list[GradeInfo], Field(min_length=3, max_length=3)]
    measures: list[Item]  # Ki-67, mitotic count, the higher-grade rule
    differentiation: list[Item]
    net_g3_vs_nec: Item
    lung_grading: Item
    grade_vs_stage: Item


# --- stages.yaml ----------------------------------------------------------------------
class Stage(Strict):
    id: ExtentId
    name: Label
    text: Prose
    areas: Annotated[list[BodyArea], Field(min_length=1)]  # what the body picture lights up
    sources: SourceIds


class StagesFile(Strict):
    intro: Item
    stages: Annotated[list[Stage], Field(min_length=3, max_length=3)]
    own_systems: Item  # sites with their own AJCC staging system
    own_system_sites: list[Label]
    lung_system: Item
    grade_vs_stage: Item
    recurrence: Item


# --- follow_up.yaml -------------------------------------------------------------------
class FollowUpStep(Strict):
    id: Id
    when: Label
    checks: list[Label]
    text: Prose
    sources: SourceIds


class FollowUpFile(Strict):
    intro: Item
    schedule: Annotated[list[FollowUpStep], Field(min_length=1)]
    notes: list[Item] = []


# --- glossary.yaml --------------------------------------------------------------------
class Term(Strict):
    term: Label
    plain: Prose
    also_called: list[Label] = []
    sources: SourceIds


class GlossaryFile(Strict):
    terms: Annotated[list[Term], Field(min_length=1)]


# --- questions.yaml (visit sheet) -----------------------------------------------------
class QuestionGroup(Strict):
    id: Literal["after_diagnosis", "choosing_treatment", "surgery", "medicines", "radiation", "follow_up"]
    title: Label
    questions: Annotated[list[Prose], Field(min_length=3)]
    sources: SourceIds


class QuestionsFile(Strict):
    groups: Annotated[list[QuestionGroup], Field(min_length=6, max_length=6)]
