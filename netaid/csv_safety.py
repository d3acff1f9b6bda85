"""CSV cells that a spreadsheet cannot run, and CSV files read strictly.

A spreadsheet treats a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return as
a formula (OWASP, "CSV Injection"). Such a cell is written with a single quote in front, which
spreadsheets show as text. Reading takes that quote off again, so a file read back gives the
exact text that was written. A cell that already begins with quotes before one of those
characters gets one more quote, so text such as `'=x` survives the round trip too.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator

FORMULA_STARTS = "=+-@\t\r"
QUOTE = "'"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ESCAPED = re.compile(rf"'*[{re.escape(FORMULA_STARTS)}]")  # quotes, then a formula start


class CsvShapeError(ValueError):
    """A CSV file whose quoting or row shape is broken; the message names the row and line."""


def neutralise(cell: object) -> str:
    """The cell as text a spreadsheet shows and never runs."""
    text = "" if cell is None else str(cell)
    return QUOTE + text if _ESCAPED.match(text) else text


def restore(cell: str) -> str:
    """The exact text `neutralise` was given (a cell from elsewhere without the quote stays as is)."""
    return cell[1:] if cell.startswith(QUOTE) and _ESCAPED.match(cell, 1) else cell


def safe_row(cells: Iterable[object]) -> list[str]:
    return [neutralise(cell) for cell in cells]


def read_rows(text: str, looks_like_row: re.Pattern[str]) -> Iterator[tuple[int, int, list[str]]]:
    """(row number, first line, restored cells) for each row that is not empty, the header first.

    Strict: a stray or missing quote is refused, and so is a cell that runs over a line break
    into a line that `looks_like_row` (a quote left open swallows the rows after it; merged,
    they could still have the right number of cells).
    """
    reader = csv.reader(io.StringIO(text), strict=True)
    row, line = 1, 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise CsvShapeError(
                f"row {row}: a quote is not closed or not paired, line {line} of the file ({error})"
            ) from None
        if any(_swallowed(cell, looks_like_row) for cell in cells):
            raise CsvShapeError(
                f"row {row}: a quote is not closed, so the lines after line {line} of the file were read into it"
            )
        if any(cells):
            yield row, line, [restore(c) for c in cells]
        row, line = row + 1, reader.line_num + 1


def _swallowed(cell: str, looks_like_row: re.Pattern[str]) -> bool:
    return any(looks_like_row.match(inner) for inner in _LINE_BREAK.split(cell)[1:])
