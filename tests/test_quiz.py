"""Quiz banks, answer checking, stable shuffles, generated grade questions, and the quiz-bank CLI."""

from __future__ import annotations

import json

import pytest

from netaid.grading import grade_tumor
from netaid.quiz.models import MultipleSelect, SingleChoice, SortIntoGroups, TrueFalse
from netaid.quiz.rounds import (
    as_dict,
    authored_questions,
    find_question,
    generated_grade_questions,
    practice_ids,
    stable_order,
)
from netaid.vocabulary import QUIZ_TOPICS
from tests.conftest import run_cli


@pytest.mark.parametrize(("topic", "least"), list(QUIZ_TOPICS.items()))
def test_every_topic_meets_its_count(lib, topic, least):
    assert len(lib.quiz_banks[topic].questions) >= least


def test_question_ids_are_unique_and_every_question_is_explained_and_cited(lib):
    questions = authored_questions(lib)
    assert len({q.id for q in questions}) == len(questions)
    registry = {s.id for s in lib.sources.sources}
    for q in questions:
        assert q.explanation.count(".") >= 2, f"{q.id}: explain why right and why the tempting answer is wrong"
        assert set(q.sources) <= registry
        if isinstance(q, (SingleChoice, MultipleSelect)):
            answers = [q.correct] if isinstance(q, SingleChoice) else q.correct
            assert set(answers) <= set(q.choices)
        if isinstance(q, SortIntoGroups):
            assert set(q.correct.values()) <= set(q.groups)


def test_banks_mix_question_types(lib):
    types = {q.type for q in authored_questions(lib)}
    assert types == {"single", "multiple", "true_false", "sort"}
    trigger_types = {q.type for q in lib.quiz_banks["triggers"].questions}
    assert {"sort", "multiple"} <= trigger_types


def _first(lib, kind):
    return next(q for q in authored_questions(lib) if isinstance(q, kind))


def test_check_single_and_true_false(lib):
    single = _first(lib, SingleChoice)
    wrong = next(c for c in single.choices if c != single.correct)
    assert single.check(single.correct).correct
    assert not single.check(wrong).correct
    tf = _first(lib, TrueFalse)
    assert tf.check("True" if tf.correct else "False").correct
    assert not tf.check("False" if tf.correct else "True").correct


def test_check_multiple_needs_exactly_the_right_set(lib):
    q = _first(lib, MultipleSelect)
    assert q.check(list(reversed(q.correct))).correct
    assert not q.check(q.correct[:-1] or []).correct
    extra = next((c for c in q.choices if c not in q.correct), None)
    if extra:
        verdict = q.check([*q.correct, extra])
        assert not verdict.correct and verdict.wrong_items == (extra,)


def test_check_sort_names_the_misplaced_items(lib):
    q = _first(lib, SortIntoGroups)
    assert q.check(dict(q.correct)).correct
    item = next(iter(q.correct))
    other = next(g for g in q.groups if g != q.correct[item])
    verdict = q.check({**q.correct, item: other})
    assert not verdict.correct and verdict.wrong_items == (item,)


def test_choice_order_is_shuffled_once_and_stays_put(lib):
    q = _first(lib, SingleChoice)
    first = stable_order(q.shown_choices(), f"seed:{q.id}")
    assert all(stable_order(q.shown_choices(), f"seed:{q.id}") == first for _ in range(5))
    assert sorted(first) == sorted(q.choices)
    orders = {tuple(stable_order(q.shown_choices(), f"{seed}:{q.id}")) for seed in range(30)}
    assert len(orders) > 1, "different rounds see different orders"


@pytest.mark.parametrize("seed", range(40))
def test_generated_grade_questions_are_right(seed):
    for q in generated_grade_questions(seed, 10):
        assert q.correct in q.choices
        assert find_question(None, q.id)[0] == q  # rebuilt from its id alone
        ki67 = mitoses = None
        if "Ki-67 index of " in q.prompt:
            ki67 = float(q.prompt.split("Ki-67 index of ")[1].split("%")[0])
        if "mitotic count of " in q.prompt:
            mitoses = float(q.prompt.split("mitotic count of ")[1].split(" ")[0])
        assert q.correct == f"Grade {grade_tumor(ki67, mitoses).grade}"


def test_generated_questions_are_reproducible_and_cover_every_boundary():
    assert generated_grade_questions(5, 8) == generated_grade_questions(5, 8)
    prompts = " ".join(q.prompt for seed in range(60) for q in generated_grade_questions(seed, 10))
    for boundary in (
        "Ki-67 index of 3%",
        "Ki-67 index of 20%",
        "Ki-67 index of 2.9%",
        "Ki-67 index of 20.1%",
        "mitotic count of 2 ",
        "mitotic count of 20 ",
        "mitotic count of 1 ",
        "mitotic count of 21 ",
    ):
        assert boundary in prompts


@pytest.mark.parametrize(
    ("ki67", "mitoses", "grade"),
    [
        (2.9, None, 1),
        (3, None, 2),
        (20, None, 2),
        (20.1, None, 3),
        (None, 1, 1),
        (None, 2, 2),
        (None, 20, 2),
        (None, 21, 3),
    ],
)
def test_generated_explanation_at_each_who_boundary(ki67, mitoses, grade):
    result = grade_tumor(ki67, mitoses)
    assert result.grade == grade and f"grade is {grade}" in result.explanation


def test_practice_round_is_reproducible_from_its_seed(lib):
    assert practice_ids(lib, "triggers", 10, 3) == practice_ids(lib, "triggers", 10, 3)
    assert len(set(practice_ids(lib, None, 20, 3))) == 20
    assert all(q.startswith("generated-9-") for q in practice_ids(lib, "generated", 5, 9))


def test_unknown_question_ids_are_not_found(lib):
    assert find_question(lib, "nope-01") is None
    assert find_question(lib, "generated-x-y") is None


def test_cli_quiz_bank_all_and_by_topic(lib):
    result = run_cli("quiz-bank")
    assert result.code == 0
    data = json.loads(result.out)
    assert len(data) == len(authored_questions(lib))
    assert all(
        set(q) == {"id", "topic", "type", "prompt", "choices", "correct", "explanation", "sources"} for q in data
    )
    sort = next(q for q in data if q["type"] == "sort")
    assert isinstance(sort["correct"], dict) and set(sort["correct"]) == set(sort["choices"])
    triggers = json.loads(run_cli("quiz-bank", "--topic", "triggers").out)
    assert {q["topic"] for q in triggers} == {"triggers"}
    assert triggers[0] == as_dict(lib.quiz_banks["triggers"].questions[0], "triggers")


def test_cli_quiz_bank_unknown_topic():
    result = run_cli("quiz-bank", "--topic", "astrology")
    assert result.code == 2 and "unknown topic 'astrology'; topics: diagnosis" in result.err
