"""Specialist vignettes: a profile and what a NET team insists the explorer shows for it.

They live in tests/clinical/vignettes.yaml. Pytest runs each one, and the clinician review
packet prints each one beside what the explorer gives, so a reviewer reads both together.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import Field, ValidationError

from netaid.content.models import Id, Label, Strict
from netaid.explorer.rules import Exploration, Explorer
from netaid.paths import VIGNETTES_FILE


class Vignette(Strict):
    id: Id
    story: Label | str
    profile: dict[str, Any]
    must_show: list[Id] = []
    must_not_show: list[Id] = []
    cautions: list[Id] = []
    not_cautions: list[Id] = []
    conflicts: list[Id]  # the exact set expected
    already_had: list[Id] = []


class VignettesFile(Strict):
    vignettes: Annotated[list[Vignette], Field(min_length=1)]


class VignetteError(ValueError):
    """The vignettes file cannot be read or does not match its format."""


def load_vignettes(path: Path = VIGNETTES_FILE) -> list[Vignette]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return VignettesFile.model_validate(data).vignettes
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise VignetteError(f"{path}: {error}") from None


def vignette_problems(vignette: Vignette, result: Exploration) -> list[str]:
    """What the explorer got wrong for this vignette, in words (empty when it passes)."""
    shown = {o.id for o in result.options}
    had = {h.id for h in result.already_had}
    cautions = {c.id for c in result.cautions}
    conflicts = {c.id for c in result.conflicts}
    problems = [f"does not show `{o}`" for o in vignette.must_show if o not in shown]
    problems += [f"shows `{o}`, which it must not" for o in vignette.must_not_show if o in shown]
    problems += [f"misses the caution `{c}`" for c in vignette.cautions if c not in cautions]
    problems += [f"shows the caution `{c}`, which it must not" for c in vignette.not_cautions if c in cautions]
    problems += [f"does not list `{o}` as already had" for o in vignette.already_had if o not in had]
    problems += [f"offers `{o}` as new, though it was already had" for o in vignette.already_had if o in shown]
    if conflicts != set(vignette.conflicts):
        problems.append(f"conflicts are {sorted(conflicts)}, expected {sorted(vignette.conflicts)}")
    return problems


def run_vignette(explorer: Explorer, vignette: Vignette) -> tuple[Exploration, list[str]]:
    result = explorer.explore(vignette.profile)
    return result, vignette_problems(vignette, result)
