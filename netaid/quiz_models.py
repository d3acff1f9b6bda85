"""Pydantic models for the quiz banks in quizzes/*.yaml."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from netaid.models import Id, Label, Prose, SourceIds, Strict
from netaid.vocabulary import QUIZ_TOPICS

TopicId = Literal[tuple(QUIZ_TOPICS)]  # type: ignore[valid-type]  # the ids of vocabulary.QUIZ_TOPICS
Choices = Annotated[list[Label], Field(min_length=2, max_length=8)]


class QuestionBase(Strict):
    id: Id
    prompt: Prose
    explanation: Prose  # why the right answer is right and the tempting wrong one is wrong
    learn: Id | None = None  # a key of netaid.vocabulary.LEARN_LINKS
    sources: SourceIds


class SingleChoice(QuestionBase):
    type: Literal["single"]
    choices: Choices
    correct: Label


class MultipleSelect(QuestionBase):
    type: Literal["multiple"]
    choices: Choices
    correct: Annotated[list[Label], Field(min_length=1)]


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    correct: bool


class SortIntoGroups(QuestionBase):
    type: Literal["sort"]
    groups: Annotated[list[Label], Field(min_length=2, max_length=4)]
    correct: Annotated[dict[Label, Label], Field(min_length=2)]  # item -> its group


Question = Annotated[
    Union[SingleChoice, MultipleSelect, TrueFalse, SortIntoGroups], Field(discriminator="type")
]


class QuizBank(Strict):
    topic: TopicId
    title: Label
    questions: Annotated[list[Question], Field(min_length=1)]
