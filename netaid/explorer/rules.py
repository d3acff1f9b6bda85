"""The treatment-option explorer: profile -> the options the sources describe for it, each with
the trail of rules that brought it, plus cautions, notes and conflicting answers. It never
ranks or chooses: options come back in catalog order, and the view groups them by goal.
Options the person has already had come back apart, with what comes after them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from netaid.content.library import Library
from netaid.explorer.conditions import Predicate, compile_condition
from netaid.explorer.conflicts import Conflict, resolve
from netaid.explorer.outcomes import ShownOutcome, outcomes_for
from netaid.explorer.profile import parse_profile


@dataclass(frozen=True)
class Reason:
    rule: str
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ShownOption:
    id: str
    name: str
    goals: tuple[str, ...]
    reasons: tuple[Reason, ...]
    outcomes: tuple[ShownOutcome, ...] = ()  # trial figures that fit the profile (or may)


@dataclass(frozen=True)
class AlreadyHad:
    """A treatment the person has had: shown with what comes next, never as a new option."""

    id: str
    name: str
    after: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ShownCaution:
    id: str
    level: str
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
    profile: dict[str, Any]  # the profile the rules used, after conflicts were resolved
    options: tuple[ShownOption, ...]
    cautions: tuple[ShownCaution, ...]
    notes: tuple[Note, ...]
    conflicts: tuple[Conflict, ...] = ()
    already_had: tuple[AlreadyHad, ...] = ()

    def as_dict(self, source_names: dict[str, str] | None = None) -> dict[str, Any]:
        names = source_names or {}
        data = asdict(self)
        data["profile"] = {k: list(v) if isinstance(v, tuple) else v for k, v in self.profile.items()}
        data["conflicts"] = [c.as_dict() for c in self.conflicts]
        for option, shown in zip(data["options"], self.options):
            option["outcomes"] = [
                o.as_dict(names.get(o.outcome.sources[0], o.outcome.sources[0])) for o in shown.outcomes
            ]
        return data


class Explorer:
    """Rules compiled once; `explore` is then a pure, fast function of a profile."""

    def __init__(self, library: Library) -> None:
        options = {o.id: o for o in library.options.options}
        order = {o.id: i for i, o in enumerate(library.options.options)}
        cautions = {c.id: c for c in library.cautions.cautions}
        caution_order = {c.id: i for i, c in enumerate(library.cautions.cautions)}
        # Everything a matching rule contributes is built here once, so evaluating a
        # profile only tests conditions and collects ready-made pieces.
        self._rules: list[tuple[Predicate, Reason, tuple[str, ...], tuple[str, ...], tuple[Note, ...]]] = []
        for rule in library.rules.rules:
            reason = Reason(rule.id, rule.why, tuple(rule.sources))
            texts = [*rule.add.notes, *(n.whole for n in rule.add.balanced_notes)]
            notes = tuple(Note(text, rule.id, reason.sources) for text in texts)
            added = tuple(sorted(dict.fromkeys(rule.add.options), key=order.__getitem__))
            self._rules.append(
                (compile_condition(rule.when), reason, added, tuple(dict.fromkeys(rule.add.cautions)), notes)
            )
        self._option_info = {oid: (o.name, tuple(o.goals)) for oid, o in options.items()}
        self._already_had = {oid: AlreadyHad(oid, o.name, o.after, tuple(o.sources)) for oid, o in options.items()}
        self._order = order
        self._outcomes = list(library.outcomes.outcomes)
        self._has_outcomes = {o.option for o in self._outcomes}
        self.source_names = {s.id: f"{s.short}: {s.title}" for s in library.sources.sources}
        self._cautions = cautions
        self._caution_order = caution_order

    def explore(self, raw_profile: dict[str, Any]) -> Exploration:
        """Evaluate every rule; raises ProfileError for fields or values outside the vocabulary."""
        return self.explore_parsed(parse_profile(raw_profile))

    def explore_parsed(self, given: dict[str, Any]) -> Exploration:
        profile, conflicts = resolve(given)
        reasons: dict[str, list[Reason]] = {}
        caution_rules: dict[str, list[str]] = {}
        notes: list[Note] = []
        for matches, reason, added, cautions, rule_notes in self._rules:
            if not matches(profile):
                continue
            for option_id in added:
                reasons.setdefault(option_id, []).append(reason)
            for caution_id in cautions:
                caution_rules.setdefault(caution_id, []).append(reason.rule)
            notes.extend(rule_notes)
        had = profile["previous_treatments"]
        shown = []
        for oid in sorted(reasons, key=self._order.__getitem__):
            if oid in had:
                continue
            name, goals = self._option_info[oid]
            figures: tuple[ShownOutcome, ...] = ()
            if oid in self._has_outcomes:
                figures = tuple(f for f in outcomes_for(self._outcomes, oid, profile) if f.fit != "no")
            shown.append(ShownOption(oid, name, goals, tuple(reasons[oid]), figures))
        already_had = tuple(self._already_had[oid] for oid in sorted(had, key=self._order.__getitem__))
        shown_cautions = []
        # Risks to life first, then the rest, each in catalog order.
        for cid in sorted(caution_rules, key=lambda c: (self._cautions[c].level != "danger", self._caution_order[c])):
            c = self._cautions[cid]
            shown_cautions.append(
                ShownCaution(cid, c.level, c.title, c.text, tuple(c.sources), tuple(caution_rules[cid]))
            )
        return Exploration(profile, tuple(shown), tuple(shown_cautions), tuple(notes), conflicts, already_had)
