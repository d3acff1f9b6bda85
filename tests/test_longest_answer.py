"""The right answer of single-choice questions must not be the longest choice more often than chance."""

from netaid.quiz.models import LongestAnswerShare, SingleChoice


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
