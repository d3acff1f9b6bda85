"""Load and validate every content file and quiz bank once per process.

`collect()` gathers every problem in every file (for `python -m netaid validate`);
`load_library()` returns the validated, cached Library or raises ContentError.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError

from netaid.content import models as m
from netaid.content.checks import cross_checks
from netaid.content.schema_errors import schema_problems
from netaid.content.source_dates import group_review_phrase
from netaid.content.yamldoc import ContentError, Parsed, Problem, read_yaml
from netaid.explorer import option_models as om
from netaid.explorer import outcome_models as outm
from netaid.paths import DATA_DIR, QUIZ_DIR
from netaid.quiz.models import QuizBank

# File name -> (Library attribute, model). Every one of these must exist.
CONTENT_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "sources.yaml": ("sources", m.SourcesFile),
    "overview.yaml": ("overview", m.OverviewFile),
    "sites.yaml": ("sites", m.SitesFile),
    "risk_factors.yaml": ("risk_factors", m.RiskFactorsFile),
    "symptoms.yaml": ("symptoms", m.SymptomsFile),
    "carcinoid.yaml": ("carcinoid", m.CarcinoidFile),
    "functional_syndromes.yaml": ("functional_syndromes", m.FunctionalSyndromesFile),
    "tests.yaml": ("tests", m.TestsFile),
    "grades.yaml": ("grades", m.GradesFile),
    "stages.yaml": ("stages", m.StagesFile),
    "follow_up.yaml": ("follow_up", m.FollowUpFile),
    "glossary.yaml": ("glossary", m.GlossaryFile),
    "questions.yaml": ("questions", m.QuestionsFile),
    "options.yaml": ("options", om.OptionsFile),
    "side_effects.yaml": ("side_effects", om.SideEffectsFile),
    "cautions.yaml": ("cautions", om.CautionsFile),
    "rules.yaml": ("rules", om.RulesFile),
    "outcomes.yaml": ("outcomes", outm.OutcomesFile),
}


class Cited(Protocol):
    @property
    def sources(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class Library:
    """Every validated content file, by topic, plus the quiz banks by topic id."""

    sources: m.SourcesFile
    overview: m.OverviewFile
    sites: m.SitesFile
    risk_factors: m.RiskFactorsFile
    symptoms: m.SymptomsFile
    carcinoid: m.CarcinoidFile
    functional_syndromes: m.FunctionalSyndromesFile
    tests: m.TestsFile
    grades: m.GradesFile
    stages: m.StagesFile
    follow_up: m.FollowUpFile
    glossary: m.GlossaryFile
    questions: m.QuestionsFile
    options: om.OptionsFile
    side_effects: om.SideEffectsFile
    cautions: om.CautionsFile
    rules: om.RulesFile
    outcomes: outm.OutcomesFile
    quiz_banks: dict[str, QuizBank] = field(default_factory=dict)

    def source(self, source_id: str) -> m.Source:
        return self._sources_by_id[source_id]

    def option(self, option_id: str) -> om.Option:
        return self._options_by_id[option_id]

    def option_name(self, option_id: str) -> str:
        """The option's name, or the id itself for an id no option has (an old link, say)."""
        return self.option_names.get(option_id, option_id)

    def site_name(self, site_id: str) -> str:
        return self.site_names.get(site_id, site_id)

    def topic_title(self, topic: str) -> str:
        bank = self.quiz_banks.get(topic)
        return bank.title if bank else topic

    def topic_titles(self) -> dict[str, str]:
        """Quiz topic id -> title, in topic order."""
        return {topic: bank.title for topic, bank in sorted(self.quiz_banks.items())}

    def cite(self, cited: Iterable[str | Cited]) -> str:
        """ "Source: …" or "Sources: …": each publisher's short name once, with its review dates
        ("Cancer Research UK (sections last reviewed 04 Feb 2025)" for three of its pages).
        Takes source ids, or anything with `sources` (an item, a rule, a note…)."""
        ids = (one for c in cited for one in ((c,) if isinstance(c, str) else c.sources))
        reviewed: dict[str, list[str]] = {}
        for s in map(self.source, dict.fromkeys(ids)):
            reviewed.setdefault(s.short, []).append(s.reviewed)
        parts = [f"{short} ({group_review_phrase(dates)})" for short, dates in reviewed.items()]
        return ("Source: " if len(parts) == 1 else "Sources: ") + "; ".join(parts)

    @functools.cached_property
    def _sources_by_id(self) -> dict[str, m.Source]:
        return {s.id: s for s in self.sources.sources}

    @functools.cached_property
    def _options_by_id(self) -> dict[str, om.Option]:
        return {o.id: o for o in self.options.options}

    @functools.cached_property
    def site_names(self) -> Mapping[str, str]:
        """Site id -> name, in the content's order (a form's choices)."""
        return MappingProxyType({s.id: s.name for s in self.sites.sites})

    @functools.cached_property
    def option_names(self) -> Mapping[str, str]:
        """Option id -> name, in the content's order (a form's choices)."""
        return MappingProxyType({o.id: o.name for o in self.options.options})

    def counts(self) -> dict[str, int]:
        return {
            "content files": len(CONTENT_FILES),
            "sources": len(self.sources.sources),
            "glossary terms": len(self.glossary.terms),
            "tests": len(self.tests.tests),
            "options": len(self.options.options),
            "rules": len(self.rules.rules),
            "quiz banks": len(self.quiz_banks),
            "quiz questions": sum(len(b.questions) for b in self.quiz_banks.values()),
        }


_SOURCES_MEMO: dict[tuple[int, ...], tuple[tuple[object, ...], frozenset[str]]] = {}
_SOURCES_MEMO_LIMIT = 512


def sources_in(*objs: object) -> set[str]:
    """Every source id cited anywhere inside the given models (for a page's source list).

    Loaded content is never changed, and a page asks about the same models on every rerun
    (walking Learn's costs several ms), so answers are kept per set of objects. The memo holds
    the objects themselves, so an id is never reused for another object while it is kept."""
    key = tuple(map(id, objs))
    kept = _SOURCES_MEMO.get(key)
    if kept is not None and all(a is b for a, b in zip(kept[0], objs)):
        return set(kept[1])
    found = _walk_sources(objs)
    if len(_SOURCES_MEMO) >= _SOURCES_MEMO_LIMIT:
        _SOURCES_MEMO.clear()
    _SOURCES_MEMO[key] = (objs, frozenset(found))
    return found


def _walk_sources(objs: tuple[object, ...]) -> set[str]:
    found: set[str] = set()
    stack = list(objs)
    while stack:
        obj = stack.pop()
        if isinstance(obj, BaseModel):
            cited = getattr(obj, "sources", None)
            if isinstance(cited, list) and all(isinstance(c, str) for c in cited):
                found.update(cited)
            stack.extend(getattr(obj, name) for name in type(obj).model_fields)
        elif isinstance(obj, (list, tuple)):
            stack.extend(obj)
        elif isinstance(obj, dict):
            stack.extend(obj.values())
    return found


def _display(file: Path, base: Path) -> str:
    try:
        return str(file.relative_to(base))
    except ValueError:
        return str(file)


def _parse(file: Path, display: str, model: type[BaseModel], problems: list[Problem]) -> Parsed | None:
    try:
        doc = read_yaml(file, display)
    except ContentError as err:
        problems.extend(err.problems)
        return None
    problems.extend(doc.problems)
    hidden_lines = {p.line for p in doc.problems}
    try:
        return Parsed(doc, model.model_validate(doc.data))
    except ValidationError as err:
        problems.extend(p for p in schema_problems(doc, model, err) if p.line not in hidden_lines)
        return Parsed(doc, None)


def collect(data_dir: Path = DATA_DIR, quiz_dir: Path = QUIZ_DIR) -> tuple[Library | None, list[Problem]]:
    """Parse and check every file; return the Library (None if anything failed) and all problems."""
    base = Path.cwd()
    problems: list[Problem] = []
    parsed: dict[str, Parsed | None] = {}
    for name, (_, model) in CONTENT_FILES.items():
        file = data_dir / name
        if not file.exists():
            problems.append(Problem(_display(file, base), 1, "the file is missing"))
            parsed[name] = None
            continue
        parsed[name] = _parse(file, _display(file, base), model, problems)
    banks: dict[str, Parsed | None] = {}
    for file in sorted(quiz_dir.glob("*.yaml")) if quiz_dir.is_dir() else []:
        banks[file.stem] = _parse(file, _display(file, base), QuizBank, problems)
    problems.extend(cross_checks(parsed, banks))
    if problems:
        return None, sorted(set(problems))
    # No problems, so every file parsed into its model.
    models: dict[str, Any] = {attr: parsed[name].model for name, (attr, _) in CONTENT_FILES.items()}  # type: ignore[union-attr]
    quiz_banks: dict[str, Any] = {b.model.topic: b.model for b in banks.values()}  # type: ignore[union-attr]
    library = Library(**models, quiz_banks=quiz_banks)
    return library, []


@functools.lru_cache(maxsize=4)
def _load(data_dir: Path, quiz_dir: Path) -> Library:
    library, problems = collect(data_dir, quiz_dir)
    if library is None:
        raise ContentError(problems)
    return library


def load_library(data_dir: Path = DATA_DIR, quiz_dir: Path = QUIZ_DIR) -> Library:
    """The validated content, parsed once per process and directory pair."""
    return _load(data_dir.resolve(), quiz_dir.resolve())
