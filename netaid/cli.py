"""`python -m netaid …`: one small function per subcommand; main() returns the exit code."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable
from datetime import UTC, date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from netaid.content.library import Library, collect, load_library
from netaid.content.readability import MAX_GRADE, MAX_MEDIAN, median_grade, score_all
from netaid.content.source_dates import source_warnings
from netaid.content.yamldoc import ContentError, FileRefused, read_regular_file
from netaid.explorer.profile import ProfileError
from netaid.grading import GradeInputError, grade_tumor
from netaid.paths import DATA_DIR, QUIZ_DIR

if TYPE_CHECKING:
    from netaid.diary.models import Entry


class UsageError(Exception):
    """Bad arguments: reported on stderr with exit code 2."""


def _read_bytes(name: str, limit: int) -> bytes:
    """A regular file of at most `limit` bytes (never a FIFO or device: those could block forever)."""
    try:
        return read_regular_file(Path(name), limit)
    except FileRefused as why:
        raise UsageError(f"cannot read {name}: {why}") from None


def _read_text(name: str, limit: int) -> str:
    try:
        return _read_bytes(name, limit).decode("utf-8")  # no newline translation: a note may hold a line break
    except UnicodeDecodeError:
        raise UsageError(f"{name} is not UTF-8 text") from None


def _number(what: str) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be a number, not {text!r}") from None
        if math.isnan(value) or math.isinf(value):
            raise argparse.ArgumentTypeError(f"{what} must be a real number, not {text!r}")
        return value

    return parse


def _content_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="content folder (default: netaid/data)")
    parser.add_argument("--quizzes", type=Path, default=QUIZ_DIR, help="quiz bank folder (default: quizzes)")


def _library_or_report(args: argparse.Namespace, err: TextIO) -> Library | None:
    library, problems = collect(args.data, args.quizzes)
    for problem in problems:
        print(problem, file=err)
    return library


def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    library = _library_or_report(args, err)
    if library is None:
        return 1
    # Old or undated sources are worth a look but do not make the content invalid: warn only.
    for warning in source_warnings(args.data / "sources.yaml", date.today(), Path.cwd()):
        print(warning, file=err)
    counts = ", ".join(f"{n} {what}" for what, n in library.counts().items())
    print(f"OK: {counts}", file=out)
    return 0


def cmd_readability(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    library = _library_or_report(args, err)
    if library is None:
        return 1
    roots = {name: getattr(library, name) for name in library.__dataclass_fields__ if name != "quiz_banks"}
    roots |= {f"quizzes/{topic}": bank for topic, bank in library.quiz_banks.items()}
    scored = score_all(roots)
    too_hard = [s for s in scored if s.grade > MAX_GRADE]
    for s in scored[: args.worst]:
        print(f"{s.grade:5.1f}  {s.where}: {s.text[:90]}", file=out)
    median = median_grade(scored)
    print(f"{len(scored)} texts; median grade {median}; {len(too_hard)} above {MAX_GRADE:g}", file=out)
    return 0 if not too_hard and median <= MAX_MEDIAN else 1


def cmd_grade(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        result = grade_tumor(args.ki67, args.mitoses)
    except GradeInputError as error:
        raise UsageError(str(error)) from None
    print(json.dumps(result.as_dict(), indent=2), file=out)
    return 0


MAX_JSON_BYTES = 10_000_000  # a list of many profiles still fits; anything bigger is a mistake
MAX_JSON_DEPTH = 20  # a profile is a flat object, or a list of them


def _depth(value: object, limit: int) -> int:
    """How deeply lists and objects nest (stops counting past `limit`)."""
    depth, level = 0, [value]
    while level and depth <= limit:
        depth += 1
        level = [
            child
            for item in level
            if isinstance(item, (list, dict))
            for child in (item.values() if isinstance(item, dict) else item)
        ]
        level = [item for item in level if isinstance(item, (list, dict))]
    return depth


def _read_json(name: str) -> object:
    """A JSON file (or stdin), at most 10 MB and 20 levels deep; UsageError otherwise."""
    if name == "-":
        try:
            text = sys.stdin.read(MAX_JSON_BYTES + 1)
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read the profile from stdin: {error}") from None
    else:
        text = _read_text(name, MAX_JSON_BYTES)
    if len(text) > MAX_JSON_BYTES:
        raise UsageError(f"{name} is larger than {MAX_JSON_BYTES // 1_000_000} MB")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"{name}:{error.lineno}: not valid JSON ({error.msg})") from None
    except RecursionError:
        raise UsageError(f"{name}: the JSON is nested too deeply") from None
    if _depth(data, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        raise UsageError(f"{name}: the JSON is nested more than {MAX_JSON_DEPTH} levels deep")
    return data


# ProfileError says what is wrong; the others come from values it does not yet bound (a number too big for a float).
PROFILE_ERRORS = (ProfileError, ValueError, TypeError, ArithmeticError)


def _profile_problem(error: Exception) -> str:
    return str(error) if isinstance(error, ProfileError) else f"a value cannot be used ({_first_line(error)})"


def cmd_explore(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netaid.explorer.rules import Explorer  # the explorer needs the full library; import it only here

    data = _read_json(args.profile)
    explorer = Explorer(load_library(args.data, args.quizzes))
    profiles = data if isinstance(data, list) else [data]
    results = []
    for i, raw in enumerate(profiles):
        try:
            results.append(explorer.explore(raw).as_dict(explorer.source_names))
        except PROFILE_ERRORS as error:
            where = f"profile {i + 1}: " if isinstance(data, list) else ""
            raise UsageError(f"{where}{_profile_problem(error)}") from None
    print(json.dumps(results if isinstance(data, list) else results[0], indent=2), file=out)
    return 0


def cmd_quiz_bank(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netaid.quiz.rounds import as_dict, authored_questions, topic_of

    library = load_library(args.data, args.quizzes)
    if args.topic is not None and args.topic not in library.quiz_banks:
        raise UsageError(f"unknown topic {args.topic!r}; topics: {', '.join(sorted(library.quiz_banks))}")
    topics = topic_of(library)
    questions = [as_dict(q, topics[q.id]) for q in authored_questions(library, args.topic)]
    print(json.dumps(questions, indent=2, ensure_ascii=False), file=out)
    return 0


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None


def cmd_visit_sheet(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netaid.explorer.profile import parse_given, parse_profile
    from netaid.explorer.wording import describe_profile
    from netaid.outputs.formats import VISIT_SHEET
    from netaid.outputs.visit_sheet import VisitSheet

    library = load_library(args.data, args.quizzes)
    known = library.option_names
    option_ids = [o for o in (args.options or "").split(",") if o]
    unknown = [o for o in option_ids if o not in known]
    if unknown:
        raise UsageError(f"unknown option {unknown[0]!r}; options: {', '.join(known)}")
    situation, shown = [], {}
    if args.profile:
        try:
            given = parse_given(_read_json(args.profile))
            profile = parse_profile(given)
        except PROFILE_ERRORS as error:
            raise UsageError(f"{args.profile}: {_profile_problem(error)}") from None
        situation = describe_profile(given, library)
        from netaid.explorer.rules import Explorer  # trial figures on the sheet only where they fit the situation

        shown = {o.id: o for o in Explorer(library).explore_parsed(profile).options}
    questions = []
    if args.questions:
        questions = [q.strip() for q in _read_text(args.questions, MAX_JSON_BYTES).splitlines() if q.strip()]
    sheet = VisitSheet(
        situation=situation, option_ids=option_ids, questions=questions, notes=args.notes or "", shown=shown
    )
    _write(args.output, VISIT_SHEET.make(VISIT_SHEET.format_for(args.output), library, sheet, paper=args.paper))
    print(f"wrote {args.output}", file=out)
    return 0


def cmd_crisis_card(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netaid.outputs.formats import CRISIS_CARD

    library = load_library(args.data, args.quizzes)
    try:
        fields = (args.name, args.contact, args.medicines or "", args.paper)
        data = CRISIS_CARD.make(CRISIS_CARD.format_for(args.output), library, *fields)
    except ValueError as error:
        raise UsageError(str(error)) from None
    _write(args.output, data)
    print(f"wrote {args.output}", file=out)
    return 0


def cmd_review_packet(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netaid.explorer.vignettes import VignetteError, load_vignettes
    from netaid.outputs.formats import REVIEW_PACKET

    try:
        packet_format = REVIEW_PACKET.format_for(args.output)
    except ValueError as error:
        raise UsageError(str(error)) from None
    library = load_library(args.data, args.quizzes)
    try:
        vignettes = load_vignettes()
    except VignetteError as error:
        print(error, file=err)
        return 1
    _write(args.output, REVIEW_PACKET.make(packet_format, library, vignettes, date.today()))
    print(f"wrote {args.output}", file=out)
    return 0


def cmd_evaluation_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from netaid.evaluation import SWITCH, EvaluationStore, kit_is_on, responses_csv
    from netaid.storage import StoreUnavailable

    if not kit_is_on(os.environ):
        raise UsageError(f"the evaluation kit is switched off (set {SWITCH}=on where the app runs)")
    try:
        responses = EvaluationStore(os.environ).responses()
    # a mistyped URL, a server that is down, a missing driver, a folder that cannot be made
    except (SQLAlchemyError, ImportError, OSError, StoreUnavailable) as error:
        raise UsageError(
            f"cannot read the answers from the database in NETAID_DATABASE_URL: {_first_line(error)}"
        ) from None
    _write(args.output, responses_csv(responses).encode("utf-8"))
    print(f"wrote {len(responses)} responses to {args.output}", file=out)
    return 0


def _diary_entries(name: str) -> list[Entry]:
    """The entries of a diary CSV file; UsageError naming the row and column if it is not one."""
    from netaid.diary.export import MAX_FILE_BYTES, DiaryFileError, from_csv

    text = _read_text(name, MAX_FILE_BYTES)
    try:
        return from_csv(text)
    except DiaryFileError as error:
        raise UsageError(f"{name}: {error}") from None


def cmd_diary_summary(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from datetime import datetime, time

    from netaid.diary.patterns import summary

    entries = _diary_entries(args.file)
    if args.until:
        until = datetime.combine(args.until, time.max, tzinfo=UTC)
    else:  # a file's summary is about its own last weeks, whenever it is read
        until = max((e.recorded_at for e in entries), default=datetime.now(UTC))
    try:
        counted = summary(entries, args.weeks, until, args.hours)
    except OverflowError:  # the weeks back (or a time zone) would cross year 1 or year 9999
        raise UsageError(f"{args.weeks} weeks back from {until.date()} is outside the calendar") from None
    print(json.dumps(counted, indent=2, ensure_ascii=False), file=out)
    return 0


FHIR_MAX_OFFSET = timedelta(hours=14)  # FHIR's dateTime allows offsets from -14:00 to +14:00


def cmd_diary_fhir(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netaid.diary.export import fhir_json

    entries = _diary_entries(args.file)
    far = next((e for e in entries if abs(e.recorded_at.utcoffset() or timedelta()) > FHIR_MAX_OFFSET), None)
    if far is not None:
        raise UsageError(
            f"{args.file}: the time {far.recorded_at.isoformat()} has a time-zone offset FHIR does not allow "
            "(it must be from -14:00 to +14:00)"
        )
    _write(args.output, fhir_json(entries).encode("utf-8"))
    print(f"wrote {len(entries)} entries to {args.output}", file=out)
    return 0


def _whole(what: str, low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be a whole number, not {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} must be from {low} to {high}, not {value}")
        return value

    return parse


FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)  # far enough from year 1 and 9999 to count back


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--until must be a date like 2026-03-01, not {text!r}") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(f"--until must be a date from {FIRST_DAY} to {LAST_DAY}, not {text}")
    return day


class _OneLineParser(argparse.ArgumentParser):
    """Argument errors in one line, like every other error here (argparse adds the whole usage)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog="python -m netaid", description="NETaid content and tools.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = sub.add_parser("validate", help="check every content file and quiz bank")
    _content_args(validate)
    validate.set_defaults(run=cmd_validate)

    readability = sub.add_parser("readability", help="reading grade of every patient-facing text")
    _content_args(readability)
    readability.add_argument("--worst", type=int, default=15, help="how many of the hardest texts to list")
    readability.set_defaults(run=cmd_readability)

    grade = sub.add_parser("grade", help="WHO grade from Ki-67 and/or mitotic count")
    grade.add_argument("--ki67", type=_number("--ki67"), help="Ki-67 index in percent (0-100)")
    grade.add_argument("--mitoses", type=_number("--mitoses"), help="mitotic count per 2 mm² (0 or more)")
    grade.set_defaults(run=cmd_grade)

    explore = sub.add_parser("explore", help="options the sources describe for a profile (JSON)")
    explore.add_argument("--profile", required=True, help="JSON file with a profile or a list of them; - for stdin")
    _content_args(explore)
    explore.set_defaults(run=cmd_explore)

    quiz_bank = sub.add_parser("quiz-bank", help="every authored quiz question as JSON")
    quiz_bank.add_argument("--topic", help="only this topic (e.g. triggers)")
    _content_args(quiz_bank)
    quiz_bank.set_defaults(run=cmd_quiz_bank)

    sheet = sub.add_parser("visit-sheet", help="a printable visit sheet (PDF, or text if -o ends in .txt)")
    sheet.add_argument("--profile", help="JSON profile file (as for explore); - for stdin")
    sheet.add_argument("--options", help="option ids to include, comma-separated")
    sheet.add_argument("--questions", help="text file with one question per line")
    sheet.add_argument("--notes", help="free notes to print")
    sheet.add_argument("--paper", choices=["a4", "letter"], default="a4")
    sheet.add_argument("-o", "--output", type=Path, required=True, help="where to write the sheet")
    _content_args(sheet)
    sheet.set_defaults(run=cmd_visit_sheet)

    card = sub.add_parser("crisis-card", help="a printable carcinoid-crisis wallet card (PDF)")
    card.add_argument("--name", required=True, help="the person's name")
    card.add_argument("--contact", required=True, help="the NET team's contact")
    card.add_argument("--medicines", help="medicines to list on the card")
    card.add_argument("--paper", choices=["a4", "letter"], default="a4")
    card.add_argument("-o", "--output", type=Path, required=True, help="where to write the PDF")
    _content_args(card)
    card.set_defaults(run=cmd_crisis_card)

    packet = sub.add_parser("review-packet", help="every rule, option, caution, source and vignette, to sign")
    packet.add_argument("-o", "--output", type=Path, required=True, help="where to write it: .md or .pdf")
    _content_args(packet)
    packet.set_defaults(run=cmd_review_packet)

    pilot = sub.add_parser("evaluation-export", help="the clinic pilot's anonymous answers as CSV")
    pilot.add_argument("-o", "--output", type=Path, required=True, help="where to write the CSV")
    pilot.set_defaults(run=cmd_evaluation_export)

    diary = sub.add_parser("diary", help="a symptom and shot diary file (CSV): summary or FHIR bundle")
    diary_sub = diary.add_subparsers(dest="diary_command", required=True, metavar="ACTION")
    summary = diary_sub.add_parser("summary", help="counts, hard days, shot dates and trigger patterns as JSON")
    summary.add_argument("--file", required=True, help="the diary CSV (as exported by the Diary page)")
    summary.add_argument("--weeks", type=_whole("--weeks", 1, 520), default=4, help="how many weeks back (default 4)")
    summary.add_argument(
        "--hours",
        type=_whole("--hours", 2, 12),
        default=4,
        help="a symptom within this many hours after a trigger counts as following it (2-12)",
    )
    summary.add_argument("--until", type=_day, help="last day of the period (default: the file's last entry)")
    summary.set_defaults(run=cmd_diary_summary)
    fhir = diary_sub.add_parser("fhir", help="a FHIR R4 Bundle of Observations and MedicationAdministrations")
    fhir.add_argument("--file", required=True, help="the diary CSV")
    fhir.add_argument("-o", "--output", type=Path, required=True, help="where to write the bundle (JSON)")
    fhir.set_defaults(run=cmd_diary_fhir)
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return args.run(args, out, err)
    except UsageError as error:
        print(f"{parser.prog} {args.command}: error: {error}", file=err)
        return 2
    except ContentError as error:
        print(f"{parser.prog} {args.command}: the content has problems; run `python -m netaid validate`", file=err)
        print(error, file=err)
        return 1
    except (RecursionError, MemoryError):  # a last guard: no traceback for input too deep or too big
        print(f"{parser.prog} {args.command}: error: the input is too deeply nested or too large", file=err)
        return 2
    except Exception as error:  # the last guard: whatever the input did, one line and exit 2, never a traceback
        if os.environ.get("NETAID_TRACEBACK"):  # for whoever debugs the CLI itself
            raise
        print(f"{parser.prog} {args.command}: error: this input cannot be used ({_first_line(error)})", file=err)
        return 2


def _first_line(error: BaseException, limit: int = 200) -> str:
    """An exception in one short line: its first line, cut to `limit` characters."""
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else type(error).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
