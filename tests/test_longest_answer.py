"""The right answer of single-choice questions must not be the longest choice more often than chance."""

from pathlib import Path

import yaml

from netaid.quiz.models import LongestAnswerShare, SingleChoice
from tests.conftest import run_cli


def _single(i: int, right: str, wrong: list[str]) -> SingleChoice:
    return SingleChoice.model_validate(
        {
            "id": f"t-{i}",
            "type": "single",
            "prompt": "Which one?",
            "choices": [right, *wrong],
            "correct": right,
            "explanation": "Because.",
            "sources": ["cancernet"],
        }
    )


def test_a_bank_whose_right_answers_are_always_longest_is_over_the_bound() -> None:
    skewed = [_single(i, "A long and careful right answer", ["Short", "Brief"]) for i in range(10)]
    share = LongestAnswerShare.of(skewed)
    assert (share.longest, share.questions) == (10, 10)
    assert share.over
    assert "10 of 10" in share.describe()


def test_a_bank_where_the_right_answer_is_longest_by_chance_passes() -> None:
    fair = [_single(i, "Right", ["A longer wrong one", "Wrong"]) for i in range(6)]
    fair += [_single(6 + i, "A longer right answer", ["Wrong", "Also wrong"]) for i in range(2)]
    share = LongestAnswerShare.of(fair)
    assert share.longest == 2
    assert not share.over


def test_the_shipped_banks_are_within_the_bound() -> None:
    result = run_cli("validate")
    assert result.code == 0, result.err
    assert "the right answer is the longest choice" not in result.err


def _make_every_right_answer_longest(bank: Path) -> None:
    """Pad each single-choice answer (in its choice and in `correct`) so it outgrows every wrong choice."""
    doc = yaml.safe_load(bank.read_text())
    for q in doc["questions"]:
        if q["type"] == "single":
            longest_wrong = max(len(c) for c in q["choices"] if c != q["correct"])
            padded = q["correct"] + "." * max(0, longest_wrong + 1 - len(q["correct"]))
            q["choices"] = [padded if c == q["correct"] else c for c in q["choices"]]
            q["correct"] = padded
    bank.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))


def test_validate_reports_a_skewed_bank_at_its_questions_line(content_copy, capsys) -> None:
    data, quizzes = content_copy
    for name in ("diagnosis.yaml", "grade_stage.yaml", "treatments.yaml"):
        _make_every_right_answer_longest(quizzes / name)
    result = run_cli("validate", "--data", str(data), "--quizzes", str(quizzes), capsys=capsys)
    assert result.code == 1
    assert "Traceback" not in result.err
    bank = quizzes / "treatments.yaml"
    lines = bank.read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.lstrip().startswith("- id:"))  # the list's first line
    expected = f"{bank}:{line}: across all quiz banks the right answer is the longest choice in "
    assert any(p.startswith(expected) for p in result.err.splitlines()), result.err
