"""Pydantic models for the treatment explorer's content: options, side effects, cautions, rules."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, model_validator

from netaid.content.models import Id, Label, Prose, SourceIds, Strict
from netaid.vocabulary import GOALS, INVOLVES

if TYPE_CHECKING:  # a type checker cannot read a Literal built at run time
    Goal = str
    Involvement = str
else:
    Goal = Literal[tuple(GOALS)]  # the ids of vocabulary.GOALS
    Involvement = Literal[tuple(INVOLVES)]  # the ids of vocabulary.INVOLVES


class WhatItIsLike(Strict):
    how_given: Prose
    how_often: Prose
    where: Prose
    recovery: Prose


class OptionSideEffects(Strict):
    """Side-effect ids from side_effects.yaml; `serious` are the rare-but-serious ones."""

    common: list[Id]
    serious: list[Id] = []
    late: list[Id] = []


class Option(Strict):
    id: Id
    name: Label
    goals: Annotated[list[Goal], Field(min_length=1)]  # the first is where its card is grouped
    what_it_is: Prose
    what_it_is_like: WhatItIsLike
    benefits: Annotated[list[Prose], Field(min_length=1)]
    side_effects: OptionSideEffects
    questions: Annotated[list[Prose], Field(min_length=1)]
    involves: list[Involvement] = []
    # Burdens the option spares a person (watch and wait: no operation, no shots), from the
    # same vocabulary as `involves`, so "what matters to me" can credit it.
    avoids: list[Involvement] = []
    uncertainty: Prose | None = None  # what the sources say is not known or not agreed
    after: Prose  # what comes next for someone who has already had it
    sources: SourceIds

    @model_validator(mode="after")
    def _avoids_nothing_it_involves(self) -> Option:
        both = sorted(set(self.involves) & set(self.avoids))
        if both:
            raise ValueError(f"`avoids` and `involves` both name: {', '.join(both)}")
        return self


class OptionsFile(Strict):
    options: Annotated[list[Option], Field(min_length=1)]


class SideEffect(Strict):
    id: Id
    name: Label
    text: Prose | None = None
    sources: SourceIds


class SideEffectsFile(Strict):
    side_effects: Annotated[list[SideEffect], Field(min_length=1)]


class Caution(Strict):
    id: Id
    # danger: a risk to life that needs action (red); warning: something to raise with the team (amber)
    level: Literal["danger", "warning"]
    title: Label
    text: Prose
    sources: SourceIds


class CrisisCard(Strict):
    """The wording of the printable carcinoid-crisis wallet card."""

    heading: Label
    warning: Prose
    team_note: Prose
    sources: SourceIds


class CautionsFile(Strict):
    cautions: Annotated[list[Caution], Field(min_length=1)]
    crisis_card: CrisisCard


class BalancedNote(Strict):
    """A note that speaks for (or against) one option, always shown with its pair: what the
    person should know about the other options (IPDAS: no option is favoured in the wording)."""

    about: Id  # the option the note speaks of
    text: Prose
    others: Prose  # the pairing sentence about the other options

    @property
    def whole(self) -> str:
        return f"{self.text} {self.others}"


class RuleAdds(Strict):
    options: list[Id] = []
    cautions: list[Id] = []
    notes: list[Prose] = []  # neutral notes; one that favours an option goes in balanced_notes
    balanced_notes: list[BalancedNote] = []


class RuleReview(Strict):
    """Clinical sign-off of one rule: `draft` until a named clinician signs it on a date."""

    status: Literal["draft", "signed"]
    by: Label | None = None
    date: datetime.date | None = None

    @model_validator(mode="after")
    def _signed_needs_name_and_date(self) -> RuleReview:
        if self.status == "signed" and (self.by is None or self.date is None):
            raise ValueError("a signed rule needs `by` (the clinician) and `date`")
        return self


class Rule(Strict):
    """A condition over profile fields (checked by netaid.explorer.rules), what it adds, and why."""

    id: Id
    when: dict[str, object]
    add: RuleAdds
    why: Prose
    sources: SourceIds
    review: RuleReview


class RulesFile(Strict):
    rules: Annotated[list[Rule], Field(min_length=1)]
