"""A diary out and back in: CSV (for people and spreadsheets) and a FHIR Bundle (for care teams).

CSV: a header row, then one row per entry, oldest first. Only the first five columns are
required when reading; the others are filled in when missing. A file this module wrote reads
back to the same entries and writes out byte for byte the same.

FHIR: symptoms and triggers become Observations, shots and medicines MedicationAdministrations,
in a Bundle of type "collection". The models come from `fhir.resources.R4B`: the fhir.resources
releases that work with pydantic 2 carry R4B and R5, and these two resources are the same on
the wire in R4 and R4B. Every resource carries the diary's own codes, so nothing is lost on
the way back.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import UTC, datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.medicationadministration import MedicationAdministration
from fhir.resources.R4B.observation import Observation
from pydantic import ValidationError

from netaid.csv_safety import CsvShapeError, read_rows, safe_row
from netaid.diary.models import CSV_COLUMNS, KIND_OF, KINDS, LABEL, REQUIRED_COLUMNS, Entry, strict_moment

MAX_FILE_BYTES = 2_000_000
MAX_ROWS = 20_000
SYSTEM = "https://netaid.example/fhir/CodeSystem/diary"  # the diary's own code system (ids as codes)
ENTRY_ID = "https://netaid.example/fhir/NamingSystem/diary-entry"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
_ID_NAMESPACE = uuid.UUID("6f1d8e0c-3a57-4c7e-9a55-0d2f1b6a9c11")


class DiaryFileError(ValueError):
    """A file that is not a diary; the message names the row and column."""


# -- CSV ---------------------------------------------------------------------------------------

# A line inside a cell that starts like a diary row: a quote was left open and swallowed it.
_ROW_START = re.compile(rf"\s*\d{{4}}-\d\d-\d\d[T ][^,]*,\s*(?:{'|'.join(KINDS)})\s*,")


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def to_csv(entries: list[Entry]) -> str:
    """Every cell neutralised (see netaid.csv_safety), so a spreadsheet never runs a note."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; also quotes any \r or \n in a note
    writer.writerow(CSV_COLUMNS)
    for e in sorted(entries, key=lambda e: (e.recorded_at, e.id)):
        data = e.model_dump()
        data["recorded_at"] = e.recorded_at.isoformat()
        writer.writerow(safe_row(_cell(data[c]) for c in CSV_COLUMNS))
    return out.getvalue()


def _int(text: str, row: int, column: str) -> int | None:
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        raise DiaryFileError(f"row {row}, column {column}: {text[:20]!r} is not a whole number") from None


def _when(text: str, row: int) -> datetime:
    try:
        moment = strict_moment(text)
    except ValueError as error:
        if "time zone" not in str(error):
            raise DiaryFileError(f"row {row}, column recorded_at: {error}") from None
        moment = datetime.fromisoformat(text.strip()).replace(tzinfo=UTC)  # no offset: read as UTC
    return moment


def _row_entry(cells: dict[str, str], row: int) -> Entry:
    kind, what = cells["kind"], cells["what"]
    if kind not in KINDS:
        raise DiaryFileError(f"row {row}, column kind: {kind[:20]!r} is not one of {', '.join(KINDS)}")
    if KIND_OF.get(what) != kind:
        raise DiaryFileError(f"row {row}, column what: {what[:40]!r} is not a known {kind}")
    values: dict[str, Any] = {
        "recorded_at": _when(cells["recorded_at"], row),
        "kind": kind,
        "what": what,
        "note": cells["note"],
        "severity": _int(cells["severity"], row, "severity"),
        "stool_count": _int(cells.get("stool_count", ""), row, "stool_count"),
        "bristol": _int(cells.get("bristol", ""), row, "bristol"),
    }
    for column in ("site", "given_by", "dose"):
        values[column] = cells.get(column) or None
    # A file without ids gets ids made from the row itself, so reading it twice gives the same ids.
    values["id"] = cells.get("id") or uuid.uuid5(_ID_NAMESPACE, f"{row}|" + "|".join(cells.values())).hex
    try:
        return Entry(**values)
    except ValidationError as error:
        raise DiaryFileError(f"row {row}, {_problem(error)}") from None


def _problem(error: ValidationError, part: str = "column") -> str:
    """The first problem: "<part> <name>: <what is wrong>", the name a diary column."""
    first = error.errors()[0]
    column = str(first["loc"][0]) if first["loc"] else _guess_column(first["msg"])
    return f"{part} {column}: {first['msg'].removeprefix('Value error, ')}"


def _guess_column(message: str) -> str:
    """A rule about several columns names the one it is about."""
    for word, column in (
        ("severity", "severity"),
        ("stool", "stool_count"),
        ("site", "site"),
        ("gave", "given_by"),
        ("dose", "dose"),
    ):
        if word in message:
            return column
    return "what"


def from_csv(text: str) -> list[Entry]:
    """Entries from a diary CSV, all or none; DiaryFileError names the first bad row and column.

    Rows are numbered as a spreadsheet numbers records (the header is row 1); a problem with
    quotes also names the line of the file.
    """
    if len(text) > MAX_FILE_BYTES:
        raise DiaryFileError(f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    rows = read_rows(text.removeprefix("\ufeff"), _ROW_START)
    entries: list[Entry] = []
    seen: set[str] = set()
    try:
        first = next(rows, None)
        if first is None:
            raise DiaryFileError("row 1: the file is empty; it needs a header row")
        header = _header(first[2])
        for row, line, cells in rows:
            if len(cells) != len(header):
                raise DiaryFileError(
                    f"row {row}: it has {len(cells)} cells, the header has {len(header)} (line {line} of the file)"
                )
            if len(entries) >= MAX_ROWS:
                raise DiaryFileError(f"row {row}: a diary file has at most {MAX_ROWS} rows")
            entry = _row_entry(dict(zip(header, cells)), row)
            if entry.id in seen:
                raise DiaryFileError(f"row {row}, column id: this id is used twice")
            seen.add(entry.id)
            entries.append(entry)
    except CsvShapeError as error:
        raise DiaryFileError(str(error)) from None
    return entries


def _header(cells: list[str]) -> list[str]:
    header = [h.strip() for h in cells]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise DiaryFileError(f"row 1, column {missing[0]}: the header has no {missing[0]!r} column")
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if unknown:
        raise DiaryFileError(f"row 1, column {unknown[0][:30]!r}: not a diary column")
    twice = [c for c in header if header.count(c) > 1]
    if twice:
        raise DiaryFileError(f"row 1, column {twice[0]}: the header has this column twice")
    return header


# -- FHIR ----------------------------------------------------------------------------------------


def _code(what: str) -> dict[str, Any]:
    return {"coding": [{"system": SYSTEM, "code": what, "display": LABEL[what]}], "text": LABEL[what]}


def _observation(e: Entry) -> Observation:
    category = "survey" if e.kind == "symptom" else "social-history"
    data: dict[str, Any] = {
        "id": e.id,
        "identifier": [{"system": ENTRY_ID, "value": e.id}],
        "status": "final",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": category}]},
            {"coding": [{"system": SYSTEM, "code": e.kind}]},
        ],
        "code": _code(e.what),
        "effectiveDateTime": e.recorded_at.isoformat(),
    }
    if e.severity is not None:
        data["valueInteger"] = e.severity
    parts = [("stool_count", e.stool_count), ("bristol", e.bristol)]
    if any(v is not None for _, v in parts):
        data["component"] = [
            {"code": {"coding": [{"system": SYSTEM, "code": name}]}, "valueInteger": value}
            for name, value in parts
            if value is not None
        ]
    if e.note:
        data["note"] = [{"text": e.note}]
    return Observation(**data)


def _administration(e: Entry) -> MedicationAdministration:
    data: dict[str, Any] = {
        "id": e.id,
        "identifier": [{"system": ENTRY_ID, "value": e.id}],
        "status": "completed",
        "category": {"coding": [{"system": SYSTEM, "code": e.kind}]},
        "medicationCodeableConcept": _code(e.what),
        "subject": {"display": "The person who keeps this diary"},
        "effectiveDateTime": e.recorded_at.isoformat(),
    }
    dosage: dict[str, Any] = {}
    if e.site:
        dosage["site"] = _code(e.site)
    if e.dose:
        dosage["text"] = e.dose
    if dosage:
        data["dosage"] = dosage
    if e.given_by:
        data["performer"] = [
            {"function": {"coding": [{"system": SYSTEM, "code": e.given_by}]}, "actor": {"display": LABEL[e.given_by]}}
        ]
    if e.note:
        data["note"] = [{"text": e.note}]
    return MedicationAdministration(**data)


def to_fhir(entries: list[Entry]) -> Bundle:
    resources = [
        _observation(e) if e.kind in ("symptom", "trigger") else _administration(e)
        for e in sorted(entries, key=lambda e: (e.recorded_at, e.id))
    ]
    return Bundle(
        type="collection", entry=[{"fullUrl": f"urn:uuid:{uuid.UUID(r.id)}", "resource": r} for r in resources]
    )


def fhir_json(entries: list[Entry]) -> str:
    return to_fhir(entries).model_dump_json(indent=2, exclude_none=True)


def _own_code(concept: dict[str, Any] | None) -> str | None:
    for coding in (concept or {}).get("coding", []):
        if coding.get("system") == SYSTEM:
            return coding.get("code")
    return None


# A FHIR dateTime down to the second, with its zone: a partial date ("2026", "2026-03") is refused.
_FHIR_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)")


def _fhir_moment(resource: dict[str, Any], n: int) -> str:
    moment = resource.get("effectiveDateTime")
    if not isinstance(moment, str) or not _FHIR_MOMENT.fullmatch(moment):
        raise DiaryFileError(
            f"entry {n}, effectiveDateTime: {str(moment)[:40]!r} is not a full date and time with a time zone "
            "(like 2026-03-01T08:30:00+00:00); a diary entry needs the day and the time"
        )
    return moment


def _fhir_entry(r: dict[str, Any], n: int) -> Entry:
    common: dict[str, Any] = {
        "id": r["identifier"][0]["value"],
        "recorded_at": _fhir_moment(r, n),
        "note": (r.get("note") or [{}])[0].get("text", ""),
    }
    if r.get("resourceType") == "Observation":
        kinds = [_own_code(c) for c in r.get("category", [])]
        parts = {_own_code(c["code"]): c.get("valueInteger") for c in r.get("component", [])}
        return Entry(
            **common,
            kind=next(k for k in kinds if k),
            what=_own_code(r["code"]),
            severity=r.get("valueInteger"),
            stool_count=parts.get("stool_count"),
            bristol=parts.get("bristol"),
        )
    if r.get("resourceType") == "MedicationAdministration":
        dosage = r.get("dosage", {})
        performer = (r.get("performer") or [{}])[0]
        return Entry(
            **common,
            kind=_own_code(r.get("category")),
            what=_own_code(r["medicationCodeableConcept"]),
            site=_own_code(dosage.get("site")),
            dose=dosage.get("text"),
            given_by=_own_code(performer.get("function")),
        )
    raise DiaryFileError(f"entry {n}: {r.get('resourceType')!r} is not a diary resource")


def from_fhir(text: str) -> list[Entry]:
    """Entries back from a bundle this module made (validated by fhir.resources first), all or none.

    Dates must be whole (day, time and zone), and two entries may not share an id: the result
    has exactly one entry per bundle entry.
    """
    if len(text) > MAX_FILE_BYTES * 4:
        raise DiaryFileError("the file is too large")
    try:
        bundle = Bundle.model_validate_json(text)
    except ValidationError as error:
        raise DiaryFileError(f"not a valid FHIR Bundle: {error.errors()[0]['msg']}") from None
    entries: list[Entry] = []
    first_with: dict[str, int] = {}
    for n, item in enumerate(bundle.entry or [], start=1):
        r = item.resource.model_dump(mode="json", exclude_none=True) if item.resource else {}
        try:
            entry = _fhir_entry(r, n)
        except ValidationError as error:
            raise DiaryFileError(f"entry {n}, {_problem(error, 'field')}") from None
        except (KeyError, IndexError, StopIteration, TypeError) as error:
            raise DiaryFileError(f"entry {n}: not a NETaid diary entry ({type(error).__name__})") from None
        if entry.id in first_with:
            raise DiaryFileError(f"entry {n}: its id {entry.id} is the id of entry {first_with[entry.id]} too")
        first_with[entry.id] = n
        entries.append(entry)
    return entries
