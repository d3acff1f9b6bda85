"""Quiz logic: questions from the banks, stable shuffles, answer checking, generated grade
questions. Pure functions: randomness comes in as a seed or an `random.Random`."""

from __future__ import annotations

import hashlib
import random
from typing import Any

from netaid.content.library import Library
from netaid.grading import GRADE_SOURCES, KI67_CUTOFFS, MITOSES_CUTOFFS, grade_tumor
from netaid.quiz.models import Question, SingleChoice

GENERATED_TOPIC = "grade_stage"


def authored_questions(library: Library, topic: str | None = None) -> list[Question]:
    """Every authored question, bank by bank in topic order, optionally one topic only."""
    return [
        q
        for bank_topic, bank in sorted(library.quiz_banks.items())
        if topic in (None, bank_topic)
        for q in bank.questions
    ]


def topic_of(library: Library) -> dict[str, str]:
    """Question id -> topic id, for authored questions."""
    return {q.id: topic for topic, bank in library.quiz_banks.items() for q in bank.questions}


def as_dict(question: Question, topic: str) -> dict[str, Any]:
    """The CLI's JSON shape for one question."""
    return {
        "id": question.id,
        "topic": topic,
        "type": question.type,
        "prompt": question.prompt,
        "choices": question.shown_choices(),
        "correct": question.right_answer(),
        "explanation": question.explanation,
        "sources": list(question.sources),
    }


def stable_order(items: list[str], key: str) -> list[str]:
    """A shuffle that depends only on `key`, so the order stays put on every rerun and retry."""
    seed = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
    shuffled = list(items)
    random.Random(seed).shuffle(shuffled)
    return shuffled


def _grade_value(rng: random.Random, cutoffs: tuple[float, float], top: float, integer: bool) -> float:
    low, high = cutoffs
    # Half the values sit on or next to a cut-off, where people most often slip.
    near = [0.0, low - (1 if integer else 0.1), low, high, high + (1 if integer else 0.1)]
    if rng.random() < 0.5:
        return rng.choice(near)
    value = rng.uniform(0, top)
    return float(round(value)) if integer else round(value, 1)


def generated_grade_question(rng: random.Random, ident: str) -> SingleChoice:
    """A grade question from random Ki-67 and/or mitotic values, with a worked explanation."""
    which = rng.choice(("ki67", "mitoses", "both"))
    ki67 = _grade_value(rng, KI67_CUTOFFS, 60, False) if which in ("ki67", "both") else None
    mitoses = _grade_value(rng, MITOSES_CUTOFFS, 40, True) if which in ("mitoses", "both") else None
    result = grade_tumor(ki67, mitoses)
    given = []
    if ki67 is not None:
        given.append(f"a Ki-67 index of {ki67:g}%")
    if mitoses is not None:
        given.append(f"a mitotic count of {mitoses:g} per 2 mm²")
    return SingleChoice(
        id=ident,
        type="single",
        prompt=f"A NET has {' and '.join(given)}. What is its WHO grade?",
        choices=["Grade 1", "Grade 2", "Grade 3"],
        correct=f"Grade {result.grade}",
        explanation=result.explanation,
        learn="grade",
        sources=list(GRADE_SOURCES),
    )


GENERATED_PREFIX = "generated-"


def generated_question(seed: int, index: int) -> SingleChoice:
    """Generated grade question number `index` of a seed; its id (generated-SEED-INDEX) rebuilds it."""
    rng = random.Random(f"{seed}:{index}")
    return generated_grade_question(rng, f"{GENERATED_PREFIX}{seed}-{index}")


def generated_grade_questions(seed: int, count: int) -> list[SingleChoice]:
    """`count` generated grade questions, the same ones for the same seed."""
    return [generated_question(seed, i) for i in range(count)]


def find_question(library: Library, question_id: str) -> tuple[Question, str] | None:
    """The question with this id and its topic, authored or generated; None if there is none."""
    if question_id.startswith(GENERATED_PREFIX):
        try:
            seed, index = (int(part) for part in question_id[len(GENERATED_PREFIX) :].split("-"))
        except ValueError:
            return None
        return generated_question(seed, index), GENERATED_TOPIC
    for topic, bank in library.quiz_banks.items():
        for q in bank.questions:
            if q.id == question_id:
                return q, topic
    return None


def practice_ids(library: Library, topic: str | None, count: int, seed: int) -> list[str]:
    """A practice round: `count` questions from a topic (or all), in an order fixed by `seed`.

    topic "generated" gives generated grade questions instead of authored ones.
    """
    if topic == "generated":
        return [f"{GENERATED_PREFIX}{seed}-{i}" for i in range(count)]
    ids = [q.id for q in authored_questions(library, topic)]
    return stable_order(ids, f"round:{seed}")[:count]


MAX_GENERATED_SEED, MAX_ROUND_LENGTH = 10**6, 20  # what practice rounds use (see pages/quiz.py)


def question_topic(library: Library, question_id: str) -> str | None:
    """The topic of a question NETaid can ask (authored, or generated as a round would), else None."""
    if question_id.startswith(GENERATED_PREFIX):
        parts = question_id[len(GENERATED_PREFIX) :].split("-")
        if len(parts) != 2 or not all(p.isdigit() and p == str(int(p)) for p in parts):
            return None
        seed, index = int(parts[0]), int(parts[1])
        return GENERATED_TOPIC if seed < MAX_GENERATED_SEED and index < MAX_ROUND_LENGTH else None
    found = find_question(library, question_id)
    return found[1] if found else None
