"""The quiz banks in quizzes/*.yaml, and one class per question type.

Each question type knows everything that differs between types: what it shows, which
answer widget it needs, how to mark an answer, how to say the right answer, and what
would be wrong with it in a bank. Nothing else in NETaid asks which type a question is.
To add a type: a class here, in QUESTION_TYPES, and (if it needs a new widget) an asker in
ui/quiz_widgets.py. See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Union, get_args

from pydantic import Field

from netaid.content.models import Id, Label, Prose, SourceIds, Strict
from netaid.vocabulary import QUIZ_TOPICS

if TYPE_CHECKING:  # a type checker cannot read a Literal built at run time
    TopicId = str
else:
    TopicId = Literal[tuple(QUIZ_TOPICS)]  # the ids of vocabulary.QUIZ_TOPICS
Choices = Annotated[list[Label], Field(min_length=2, max_length=8)]
Where = tuple[str | int, ...]  # a place inside one question, for `file:line` messages


@dataclass(frozen=True)
class Verdict:
    correct: bool
    right_answer: Any
    wrong_items: tuple[str, ...] = ()  # multiple/sort: the choices or items answered wrongly


class QuestionBase(Strict):
    id: Id
    prompt: Prose
    explanation: Prose  # why the right answer is right and the tempting wrong one is wrong
    learn: Id | None = None  # a key of netaid.vocabulary.LEARN_LINKS
    sources: SourceIds

    label: ClassVar[str]  # what authors call the type (docs/CONTENT_AUTHORING.md)
    widget: ClassVar[str]  # a key of ui.quiz_widgets.ASKERS: how the answer is given
    instruction: ClassVar[str | None] = None  # shown above the answer widgets

    def shown_choices(self) -> list[str]:
        """What the person picks from (in bank order; the page shuffles them)."""
        raise NotImplementedError

    def right_answer(self) -> Any:
        """The right answer in the shape `check` takes."""
        raise NotImplementedError

    def check(self, answer: Any) -> Verdict:
        right = self.right_answer()
        return Verdict(answer == right, right)

    def answer_text(self) -> str:
        """The right answer in words."""
        return str(self.right_answer())

    def extra_lines(self) -> list[str]:
        """Anything a person needs besides the prompt and the choices (a sort question's groups)."""
        return []

    def answer_review(self, answer: Any) -> list[str]:
        """Markdown lines going over a marked answer part by part (none for one-part answers)."""
        return []

    def problems(self) -> list[tuple[Where, str]]:
        """What is wrong with this question that its fields' types cannot say."""
        return []


class SingleChoice(QuestionBase):
    type: Literal["single"]
    choices: Choices
    correct: Label

    label: ClassVar[str] = "one right choice"
    widget: ClassVar[str] = "one_choice"

    def shown_choices(self) -> list[str]:
        return list(self.choices)

    def right_answer(self) -> str:
        return self.correct

    def problems(self) -> list[tuple[Where, str]]:
        return _choice_problems(self.choices, [self.correct])

    def right_is_longest(self) -> bool:
        """True when the right choice is strictly longer than every wrong one: a give-away."""
        return all(len(self.correct) > len(c) for c in self.choices if c != self.correct)


@dataclass(frozen=True)
class LongestAnswerShare:
    """How often the right choice of single-choice questions is strictly the longest.

    If choice lengths were shuffled, a question with k choices would give it away with
    chance 1/k. `chance` is the expected count, `spread` one standard deviation of it; the
    bound allows one standard deviation so a fairly worded bank passes by luck of wording,
    while a skew like "the right answer is longest half the time" does not.
    """

    longest: int
    questions: int
    chance: float
    spread: float

    @classmethod
    def of(cls, questions: list[Any]) -> LongestAnswerShare:
        singles = [q for q in questions if isinstance(q, SingleChoice)]
        odds = [1 / len(q.choices) for q in singles]
        spread = math.sqrt(sum(p * (1 - p) for p in odds))
        return cls(sum(q.right_is_longest() for q in singles), len(singles), sum(odds), spread)

    def __add__(self, other: LongestAnswerShare) -> LongestAnswerShare:
        spread = math.hypot(self.spread, other.spread)
        return LongestAnswerShare(
            self.longest + other.longest, self.questions + other.questions, self.chance + other.chance, spread
        )

    @property
    def over(self) -> bool:
        return self.longest > self.chance + self.spread

    def describe(self) -> str:
        n = max(self.questions, 1)
        return (
            f"the right answer is the longest choice in {self.longest} of {self.questions} single-choice"
            f" questions ({self.longest / n:.0%}); chance is {self.chance / n:.0%}, allowed up to"
            f" {(self.chance + self.spread) / n:.0%}: make wrong choices as specific as the right one"
        )


class MultipleSelect(QuestionBase):
    type: Literal["multiple"]
    choices: Choices
    correct: Annotated[list[Label], Field(min_length=1)]

    label: ClassVar[str] = "every right choice"
    widget: ClassVar[str] = "many_choices"
    instruction: ClassVar[str | None] = "Select all that apply."

    def shown_choices(self) -> list[str]:
        return list(self.choices)

    def right_answer(self) -> list[str]:
        return list(self.correct)

    def check(self, answer: Any) -> Verdict:
        picked = {a for a in answer if isinstance(a, str)} if isinstance(answer, (list, tuple, set)) else set()
        wrong = tuple(sorted(picked.symmetric_difference(self.correct)))
        return Verdict(not wrong, self.right_answer(), wrong)

    def answer_text(self) -> str:
        return ", ".join(self.correct)

    def problems(self) -> list[tuple[Where, str]]:
        return _choice_problems(self.choices, self.correct)


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    correct: bool

    label: ClassVar[str] = "true or false"
    widget: ClassVar[str] = "one_choice"
    CHOICES: ClassVar[tuple[str, str]] = ("True", "False")

    def shown_choices(self) -> list[str]:
        return list(self.CHOICES)

    def right_answer(self) -> str:
        return self.CHOICES[0] if self.correct else self.CHOICES[1]


class SortIntoGroups(QuestionBase):
    type: Literal["sort"]
    groups: Annotated[list[Label], Field(min_length=2, max_length=4)]
    correct: Annotated[dict[Label, Label], Field(min_length=2)]  # item -> its group

    label: ClassVar[str] = "sort items into groups"
    widget: ClassVar[str] = "group_each_item"
    instruction: ClassVar[str | None] = "Put each item in its group."

    def shown_choices(self) -> list[str]:
        return list(self.correct)

    def right_answer(self) -> dict[str, str]:
        return dict(self.correct)

    def check(self, answer: Any) -> Verdict:
        given = answer if isinstance(answer, dict) else {}
        wrong = tuple(item for item, group in self.correct.items() if given.get(item) != group)
        return Verdict(not wrong, self.right_answer(), wrong)

    def answer_text(self) -> str:
        return "; ".join(f"{item}: {group}" for item, group in self.correct.items())

    def extra_lines(self) -> list[str]:
        return [f"Groups: {' · '.join(self.groups)}"]

    def answer_review(self, answer: Any) -> list[str]:
        if not isinstance(answer, dict):
            return []
        return [
            f"- ✓ **{item}**: {group} (right)"
            if self.correct.get(item) == group
            else f"- ✗ **{item}**: you chose {group}; it belongs in **{self.correct.get(item)}**"
            for item, group in answer.items()
        ]

    def problems(self) -> list[tuple[Where, str]]:
        return [
            (("correct", item), f"`{item}` is put in `{group}`, which is not one of the groups")
            for item, group in self.correct.items()
            if group not in self.groups
        ]


def _choice_problems(choices: list[str], answers: list[str]) -> list[tuple[Where, str]]:
    problems: list[tuple[Where, str]] = [
        (("correct",), f"answer `{answer}` is not among the choices") for answer in answers if answer not in choices
    ]
    if len(set(choices)) != len(choices):
        problems.append((("choices",), "the same choice is listed twice"))
    return problems


# Every question type, in the order the authoring guide lists them.
QUESTION_TYPES: tuple[type[QuestionBase], ...] = (SingleChoice, MultipleSelect, TrueFalse, SortIntoGroups)
Question = Annotated[Union[SingleChoice, MultipleSelect, TrueFalse, SortIntoGroups], Field(discriminator="type")]  # noqa: UP007


def type_names() -> list[str]:
    """The `type:` values a bank may use, from the classes themselves."""
    return [get_args(t.model_fields["type"].annotation)[0] for t in QUESTION_TYPES]


class QuizBank(Strict):
    topic: TopicId
    title: Label
    questions: Annotated[list[Question], Field(min_length=1)]
