"""The treatment-option explorer: profile -> the options the sources describe for it, each with
the trail of rules that brought it, plus cautions and notes. It never ranks or chooses:
options come back in catalog order, and the view groups them by goal."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from netaid.conditions import Predicate, compile_condition
from netaid.content import Library
from netaid.option_models import Rule
from netaid.profile import parse_profile


@dataclass(frozen=True)
class Reason:
    rule: str
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ShownOption:
    id: str
    name: str
    goal: str
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class ShownCaution:
    id: str
    title: str
    text: str
    sources: tuple[str, ...]
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Note:
    text: str
    rule: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Exploration:
    profile: dict[str, Any]
    options: tuple[ShownOption, ...]
    cautions: tuple[ShownCaution, ...]
    notes: tuple[Note, ...]

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["profile"] = {k: list(v) if isinstance(v, tuple) else v for k, v in self.profile.items()}
        return data


class Explorer:
    """Rules compiled once; `explore` is then a pure, fast function of a profile."""

    def __init__(self, library: Library) -> None:
        self._rules: list[tuple[Rule, Predicate, Reason]] = [
            (rule, compile_condition(rule.when), Reason(rule.id, rule.why, tuple(rule.sources)))
            for rule in library.rules.rules
        ]
        self._options = {o.id: o for o in library.options.options}
        self._order = {o.id: i for i, o in enumerate(library.options.options)}
        self._cautions = {c.id: c for c in library.cautions.cautions}
        self._caution_order = {c.id: i for i, c in enumerate(library.cautions.cautions)}

    def explore(self, raw_profile: dict[str, Any]) -> Exploration:
        """Evaluate every rule; raises ProfileError for fields or values outside the vocabulary."""
        return self.explore_parsed(parse_profile(raw_profile))

    def explore_parsed(self, profile: dict[str, Any]) -> Exploration:
        reasons: dict[str, list[Reason]] = {}
        caution_rules: dict[str, list[str]] = {}
        notes: list[Note] = []
        for rule, matches, reason in self._rules:
            if not matches(profile):
                continue
            for option_id in rule.add.options:
                trail = reasons.setdefault(option_id, [])
                if reason not in trail:
                    trail.append(reason)
            for caution_id in rule.add.cautions:
                caution_rules.setdefault(caution_id, []).append(rule.id)
            notes.extend(Note(text, rule.id, reason.sources) for text in rule.add.notes)
        options = tuple(
            ShownOption(oid, self._options[oid].name, self._options[oid].goal, tuple(trail))
            for oid, trail in sorted(reasons.items(), key=lambda kv: self._order[kv[0]])
        )
        cautions = tuple(
            ShownCaution(cid, c.title, c.text, tuple(c.sources), tuple(caution_rules[cid]))
            for cid, c in sorted(
                ((cid, self._cautions[cid]) for cid in caution_rules), key=lambda kv: self._caution_order[kv[0]]
            )
        )
        return Exploration(profile, options, cautions, tuple(notes))
