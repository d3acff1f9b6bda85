"""WHO grade of a NET from its Ki-67 index and mitotic count (per 2 mm²).

Cut-offs (sources: cancernet, who-2019): grade 1 is Ki-67 under 3 % and fewer than 2
mitoses; grade 2 is 3-20 % or 2-20 mitoses; grade 3 is over 20 % or over 20 mitoses.
When the two measures disagree, the higher grade is assigned (who-2019).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

KI67_CUTOFFS = (3.0, 20.0)  # grade 2 starts at 3 %, grade 3 is above 20 %
MITOSES_CUTOFFS = (2.0, 20.0)  # grade 2 starts at 2, grade 3 is above 20
# How close to a cut-off a value must be to be flagged: a recount could land on the other side.
NEAR_MARGIN = {"ki67": 1.0, "mitoses": 1.0}
GRADE_SOURCES = ("cancernet", "who-2019")


class GradeInputError(ValueError):
    """A Ki-67 or mitotic-count value that cannot be graded."""


@dataclass(frozen=True)
class GradeResult:
    grade: int
    by_ki67: int | None
    by_mitoses: int | None
    decided_by: str  # "ki67", "mitoses" or "both"
    explanation: str
    near_cutoff: list[str] = field(default_factory=list)
    sources: tuple[str, ...] = GRADE_SOURCES

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def grade_for(value: float, cutoffs: tuple[float, float]) -> int:
    """The grade one measure gives on its own: under the low cut-off 1, up to the high one 2, above it 3."""
    low, high = cutoffs
    if value < low:
        return 1
    return 2 if value <= high else 3


def grade_by_ki67(ki67: float) -> int:
    """Grade from Ki-67 alone: <3 % is 1, 3-20 % is 2, >20 % is 3."""
    return grade_for(ki67, KI67_CUTOFFS)


def grade_by_mitoses(mitoses: float) -> int:
    """Grade from mitotic count alone: <2 is 1, 2-20 is 2, >20 is 3."""
    return grade_for(mitoses, MITOSES_CUTOFFS)


def check_ki67(ki67: float) -> float:
    if isinstance(ki67, bool) or not isinstance(ki67, (int, float)) or math.isnan(ki67):
        raise GradeInputError(f"Ki-67 must be a number, not {ki67!r}")
    if not 0 <= ki67 <= 100:
        raise GradeInputError(f"Ki-67 is a percent, so it must be from 0 to 100 (got {ki67:g})")
    return float(ki67)


def check_mitoses(mitoses: float) -> float:
    if isinstance(mitoses, bool) or not isinstance(mitoses, (int, float)) or math.isnan(mitoses):
        raise GradeInputError(f"The mitotic count must be a number, not {mitoses!r}")
    if mitoses < 0 or math.isinf(mitoses):
        raise GradeInputError(f"The mitotic count must be 0 or more (got {mitoses:g})")
    return float(mitoses)


def _near(value: float, cutoffs: tuple[float, float], margin: float) -> float | None:
    return next((c for c in cutoffs if abs(value - c) <= margin), None)


def _near_notes(ki67: float | None, mitoses: float | None) -> list[str]:
    notes = []
    if ki67 is not None and (c := _near(ki67, KI67_CUTOFFS, NEAR_MARGIN["ki67"])) is not None:
        notes.append(
            f"Ki-67 of {ki67:g}% is close to the {c:g}% cut-off. A small change in the count "
            "could change the grade. Ask your care team how sure they are."
        )
    if mitoses is not None and (c := _near(mitoses, MITOSES_CUTOFFS, NEAR_MARGIN["mitoses"])) is not None:
        notes.append(
            f"A mitotic count of {mitoses:g} is close to the cut-off of {c:g}. A small change "
            "in the count could change the grade. Ask your care team how sure they are."
        )
    return notes


def _explain(grade: int, ki67: float | None, mitoses: float | None, by_k: int | None, by_m: int | None) -> str:
    parts = []
    if by_k is not None:
        parts.append(f"A Ki-67 of {ki67:g}% alone means grade {by_k}.")
    if by_m is not None:
        parts.append(f"A mitotic count of {mitoses:g} alone means grade {by_m}.")
    if by_k is not None and by_m is not None:
        if by_k == by_m:
            parts.append(f"Both agree, so the grade is {grade}.")
        else:
            parts.append(f"They do not agree. The higher one counts, so the grade is {grade}.")
    else:
        parts.append(f"So the grade is {grade}.")
    return " ".join(parts)


def grade_tumor(ki67: float | None = None, mitoses: float | None = None) -> GradeResult:
    """Grade from either or both measures; the higher grade wins when they disagree."""
    if ki67 is None and mitoses is None:
        raise GradeInputError("Give a Ki-67 percent, a mitotic count, or both.")
    ki67 = None if ki67 is None else check_ki67(ki67)
    mitoses = None if mitoses is None else check_mitoses(mitoses)
    by_k = None if ki67 is None else grade_by_ki67(ki67)
    by_m = None if mitoses is None else grade_by_mitoses(mitoses)
    grade = max(g for g in (by_k, by_m) if g is not None)
    if by_k is not None and by_m is not None:
        decided_by = "both" if by_k == by_m else ("ki67" if by_k > by_m else "mitoses")
    else:
        decided_by = "ki67" if by_k is not None else "mitoses"
    return GradeResult(
        grade=grade,
        by_ki67=by_k,
        by_mitoses=by_m,
        decided_by=decided_by,
        explanation=_explain(grade, ki67, mitoses, by_k, by_m),
        near_cutoff=_near_notes(ki67, mitoses),
    )
