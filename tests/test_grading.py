import json

import pytest

from netaid.grading import GradeInputError, grade_by_ki67, grade_by_mitoses, grade_tumor
from tests.conftest import run_cli


@pytest.mark.parametrize(
    ("ki67", "grade"),
    [(0, 1), (2.9, 1), (2.99, 1), (3, 2), (3.1, 2), (19.9, 2), (20, 2), (20.1, 3), (55, 3), (100, 3)],
)
def test_ki67_boundaries(ki67, grade):
    assert grade_by_ki67(ki67) == grade


@pytest.mark.parametrize(
    ("mitoses", "grade"), [(0, 1), (1, 1), (1.9, 1), (2, 2), (19, 2), (20, 2), (20.5, 3), (21, 3), (300, 3)]
)
def test_mitoses_boundaries(mitoses, grade):
    assert grade_by_mitoses(mitoses) == grade


@pytest.mark.parametrize(
    ("ki67", "mitoses", "grade", "decided_by"),
    [
        (2.9, 1, 1, "both"),
        (2.9, 21, 3, "mitoses"),
        (25, 1, 3, "ki67"),
        (10, 1, 2, "ki67"),
        (1, 2, 2, "mitoses"),
        (20, 20, 2, "both"),
        (12, None, 2, "ki67"),
        (None, 25, 3, "mitoses"),
    ],
)
def test_higher_grade_wins(ki67, mitoses, grade, decided_by):
    result = grade_tumor(ki67, mitoses)
    assert (result.grade, result.decided_by) == (grade, decided_by)


def test_disagreement_is_explained():
    result = grade_tumor(2, 25)
    assert result.by_ki67 == 1 and result.by_mitoses == 3
    assert "do not agree" in result.explanation and "grade is 3" in result.explanation


@pytest.mark.parametrize(
    ("ki67", "mitoses", "flags"), [(3.5, None, 1), (10, None, 0), (19.5, 21, 2), (None, 2, 1), (None, 8, 0)]
)
def test_values_near_a_cutoff_are_flagged(ki67, mitoses, flags):
    assert len(grade_tumor(ki67, mitoses).near_cutoff) == flags


@pytest.mark.parametrize(
    ("ki67", "mitoses", "message"),
    [
        (None, None, "Give a Ki-67 percent, a mitotic count, or both."),
        (-1, None, "Ki-67 is a percent, so it must be from 0 to 100 (got -1)"),
        (100.5, None, "Ki-67 is a percent, so it must be from 0 to 100 (got 100.5)"),
        (None, -2, "The mitotic count must be 0 or more (got -2)"),
        (float("nan"), None, "Ki-67 must be a number, not nan"),
        ("12", None, "Ki-67 must be a number, not '12'"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(ki67, mitoses, message):
    with pytest.raises(GradeInputError) as err:
        grade_tumor(ki67, mitoses)
    assert str(err.value) == message


def test_cli_prints_json():
    result = run_cli("grade", "--ki67", "2.9", "--mitoses", "21")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["grade"] == 3 and data["by_ki67"] == 1 and data["by_mitoses"] == 3
    assert data["explanation"]


def test_cli_either_measure_alone():
    data = json.loads(run_cli("grade", "--mitoses", "2").out)
    assert (data["grade"], data["by_ki67"], data["by_mitoses"]) == (2, None, 2)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["grade"], "Give a Ki-67 percent, a mitotic count, or both."),
        (["grade", "--ki67", "150"], "must be from 0 to 100 (got 150)"),
        (["grade", "--ki67", "-3"], "must be from 0 to 100 (got -3)"),
        (["grade", "--mitoses", "-1"], "must be 0 or more (got -1)"),
        (["grade", "--ki67", "abc"], "--ki67 must be a number, not 'abc'"),
        (["grade", "--mitoses", "nan"], "--mitoses must be a real number, not 'nan'"),
        (["grade", "--ki-67", "3"], "unrecognized arguments: --ki-67"),
        (["gradez"], "invalid choice: 'gradez'"),
    ],
)
def test_cli_bad_input_exits_2_with_a_message(argv, message, capsys):
    result = run_cli(*argv, capsys=capsys)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err
