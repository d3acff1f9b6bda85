"""Checks that span files: source ids, duplicate ids, and references between content files."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netaid.content.yamldoc import Loc, Parsed, Problem, YamlDoc
from netaid.explorer.conditions import condition_problems
from netaid.quiz.models import LongestAnswerShare
from netaid.vocabulary import LEARN_LINKS, OPTION_IDS, REQUIRED_CAUTION_IDS

ID_KEYS = ("id", "term", "grade")


def _walk(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    yield loc, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _walk(value, (*loc, i))


def _source_problems(doc: YamlDoc, known: set[str]) -> list[Problem]:
    problems = []
    for loc, value in _walk(doc.data):
        if loc and loc[-1] == "sources" and isinstance(value, list) and loc != ("sources",):
            for i, source_id in enumerate(value):
                if isinstance(source_id, str) and source_id not in known:
                    problems.append(
                        doc.problem(
                            (*loc, i),
                            f"unknown source id `{source_id}` (the registry has: {', '.join(sorted(known))})",
                        )
                    )
    return problems


def _duplicate_problems(doc: YamlDoc) -> list[Problem]:
    problems = []
    for loc, value in _walk(doc.data):
        if not isinstance(value, list):
            continue
        for key in ID_KEYS:
            seen: dict[Any, int] = {}
            for i, item in enumerate(value):
                if not isinstance(item, dict) or key not in item:
                    continue
                ident = item[key].lower() if isinstance(item[key], str) else item[key]
                if ident in seen:
                    first = doc.line_of((*loc, seen[ident], key))
                    problems.append(
                        doc.problem((*loc, i, key), f"duplicate {key} `{item[key]}` (first on line {first})")
                    )
                else:
                    seen[ident] = i
    return problems


def _question_problems(doc: YamlDoc, bank: Any, stem: str) -> list[Problem]:
    problems = []
    if bank.topic != stem:
        problems.append(doc.problem(("topic",), f"topic `{bank.topic}` does not match the file name `{stem}.yaml`"))
    for i, q in enumerate(bank.questions):
        at = ("questions", i)
        if q.learn is not None and q.learn not in LEARN_LINKS:
            problems.append(
                doc.problem((*at, "learn"), f"unknown learn link `{q.learn}` (known: {', '.join(LEARN_LINKS)})")
            )
        problems += [doc.problem((*at, *where), message) for where, message in q.problems()]
    return problems


def _quiz_problems(banks: dict[str, Parsed | None]) -> list[Problem]:
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    for stem, parsed in banks.items():
        if parsed is None or parsed.model is None:
            continue
        bank = parsed.model
        problems += _question_problems(parsed.doc, bank, stem)
        for i, q in enumerate(bank.questions):  # type: ignore[attr-defined]
            if q.id in first_seen and first_seen[q.id] != parsed.doc.path:
                problems.append(
                    parsed.doc.problem(
                        ("questions", i, "id"), f"question id `{q.id}` is also used in {first_seen[q.id]}"
                    )
                )
            first_seen.setdefault(q.id, parsed.doc.path)
    return problems


def _longest_answer_shares(banks: dict[str, Parsed | None]) -> list[tuple[YamlDoc, LongestAnswerShare]]:
    shares = []
    for parsed in banks.values():
        if parsed is not None and parsed.model is not None:
            bank: Any = parsed.model
            shares.append((parsed.doc, LongestAnswerShare.of(bank.questions)))
    return shares


def longest_answer_problems(banks: dict[str, Parsed | None]) -> list[Problem]:
    """Bank-wide: the right answer may be the longest choice no more often than chance allows.

    The problem points at each file over its own bound, or at the worst file if none is.
    """
    shares = _longest_answer_shares(banks)
    total = sum((share for _, share in shares), LongestAnswerShare(0, 0, 0.0, 0.0))
    if not total.over:
        return []
    guilty = [(doc, share) for doc, share in shares if share.over] or [
        max(shares, key=lambda item: item[1].longest - item[1].chance)
    ]
    return [
        doc.problem(("questions",), f"across all quiz banks {total.describe()}; in this file {share.describe()}")
        for doc, share in guilty
    ]


def longest_answer_warnings(banks: dict[str, Parsed | None]) -> list[str]:
    """Per file: `path:line: warning: ...` for each bank over its own bound."""
    return [
        f"{doc.path}:{doc.line_of(('questions',))}: warning: {share.describe()}"
        for doc, share in _longest_answer_shares(banks)
        if share.over
    ]


def _explorer_problems(parsed: dict[str, Parsed | None]) -> list[Problem]:
    got = {name: p for name, p in parsed.items() if p is not None and p.model is not None}
    models: dict[str, Any] = {name: p.model for name, p in got.items()}  # each one its file's model
    problems: list[Problem] = []
    option_ids: set[str] = set()
    caution_ids: set[str] = set()
    if "options.yaml" in got:
        options, doc = models["options.yaml"], got["options.yaml"].doc
        option_ids = {o.id for o in options.options}
        missing = [o for o in OPTION_IDS if o not in option_ids]
        if missing:
            problems.append(doc.problem(("options",), f"options missing from the catalog: {', '.join(missing)}"))
        if "side_effects.yaml" in got:
            effect_ids = {e.id for e in models["side_effects.yaml"].side_effects}
            for i, option in enumerate(options.options):
                for kind in ("common", "serious", "late"):
                    for j, effect in enumerate(getattr(option.side_effects, kind)):
                        if effect not in effect_ids:
                            where = ("options", i, "side_effects", kind, j)
                            problems.append(
                                doc.problem(where, f"unknown side effect `{effect}` (add it to side_effects.yaml)")
                            )
    if "cautions.yaml" in got:
        caution_ids = {c.id for c in models["cautions.yaml"].cautions}
        missing = [c for c in REQUIRED_CAUTION_IDS if c not in caution_ids]
        if missing:
            problems.append(
                got["cautions.yaml"].doc.problem(("cautions",), f"required cautions missing: {', '.join(missing)}")
            )
    if "outcomes.yaml" in got and option_ids:
        doc = got["outcomes.yaml"].doc
        for i, outcome in enumerate(models["outcomes.yaml"].outcomes):
            if outcome.option not in option_ids:
                problems.append(doc.problem(("outcomes", i, "option"), f"unknown option `{outcome.option}`"))
    if "rules.yaml" in got:
        doc = got["rules.yaml"].doc
        for i, rule in enumerate(models["rules.yaml"].rules):
            for sub, message in condition_problems(rule.when):
                problems.append(doc.problem(("rules", i, "when", *sub), f"rule `{rule.id}`: {message}"))
            for kind, known in (("options", option_ids), ("cautions", caution_ids)):
                for j, ident in enumerate(getattr(rule.add, kind)):
                    if known and ident not in known:
                        problems.append(
                            doc.problem(
                                ("rules", i, "add", kind, j), f"rule `{rule.id}` adds unknown {kind[:-1]} `{ident}`"
                            )
                        )
            for j, note in enumerate(rule.add.balanced_notes):
                if option_ids and note.about not in option_ids:
                    problems.append(
                        doc.problem(
                            ("rules", i, "add", "balanced_notes", j, "about"),
                            f"rule `{rule.id}`: a note about unknown option `{note.about}`",
                        )
                    )
    return problems


def cross_checks(parsed: dict[str, Parsed | None], banks: dict[str, Parsed | None]) -> list[Problem]:
    """Every check that needs more than one file, or more than the schema can say."""
    problems: list[Problem] = []
    registry = parsed.get("sources.yaml")
    known = {s.id for s in registry.model.sources} if registry and registry.model else None  # type: ignore[attr-defined]
    for item in [*parsed.values(), *banks.values()]:
        if item is None:
            continue
        problems += _duplicate_problems(item.doc)
        if known is not None:
            problems += _source_problems(item.doc, known)
    problems += _explorer_problems(parsed)
    problems += _quiz_problems(banks)
    problems += longest_answer_problems(banks)
    return problems
