"""The rule condition language: check a condition against the profile vocabulary, compile it.

A condition is `always: true`, `all: [...]`, `any: [...]`, `not: {...}`, or a field test
`field: NAME` with exactly one of `equals`, `in`, `at_least`, `at_most`, `contains`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netaid.explorer.profile import OPERATORS, PROFILE_FIELDS, FieldSpec, allowed_text

Predicate = Callable[[dict[str, Any]], bool]
Found = list[tuple[tuple[str | int, ...], str]]
GROUPS = ("all", "any", "not", "always")
TESTS = ("equals", "in", "at_least", "at_most", "contains")


def _value_ok(spec: FieldSpec, value: Any) -> bool:
    if spec.kind == "bool":
        return isinstance(value, bool)
    if spec.kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return value in spec.values and not isinstance(value, bool)


def _field_problems(cond: dict[str, Any], loc: tuple[str | int, ...]) -> Found:
    name = cond["field"]
    if name not in PROFILE_FIELDS:
        return [((*loc, "field"), f"unknown field `{name}` (fields: {', '.join(PROFILE_FIELDS)})")]
    ops = [k for k in cond if k != "field"]
    unknown = [k for k in ops if k not in TESTS]
    if unknown:
        return [((*loc, unknown[0]), f"unknown test `{unknown[0]}` (use one of: {', '.join(TESTS)})")]
    if len(ops) != 1:
        return [(loc, f"a test on `{name}` needs exactly one of: {', '.join(TESTS)}")]
    op, spec = ops[0], PROFILE_FIELDS[name]
    if op not in OPERATORS[spec.kind]:
        return [((*loc, op), f"`{op}` does not work on `{name}`; use {', '.join(OPERATORS[spec.kind])}")]
    values = cond[op] if op == "in" else [cond[op]]
    if op == "in" and not isinstance(values, list):
        return [((*loc, op), "`in` takes a list of values")]
    found: Found = []
    for i, value in enumerate(values):
        where = (*loc, op, i) if op == "in" else (*loc, op)
        if not _value_ok(spec, value):
            found.append((where, f"`{name}` cannot be {value!r}; it takes {allowed_text(spec)}"))
    return found


def condition_problems(cond: Any, loc: tuple[str | int, ...] = ()) -> Found:
    """Everything wrong with a condition, each with its location inside the condition."""
    if not isinstance(cond, dict) or not cond:
        return [(loc, "a condition must be a mapping such as `field: site` with `equals: lung`")]
    if "field" in cond:
        return _field_problems(cond, loc)
    keys = list(cond)
    if len(keys) != 1 or keys[0] not in GROUPS:
        return [
            (loc, f"a condition needs `field` or exactly one of: {', '.join(GROUPS)} (got {', '.join(map(str, keys))})")
        ]
    key, body = keys[0], cond[keys[0]]
    if key == "always":
        return [] if body is True else [((*loc, key), "`always` must be true")]
    if key == "not":
        return condition_problems(body, (*loc, key))
    if not isinstance(body, list) or not body:
        return [((*loc, key), f"`{key}` takes a non-empty list of conditions")]
    return [p for i, sub in enumerate(body) for p in condition_problems(sub, (*loc, key, i))]


def _test(name: str, op: str, target: Any) -> Predicate:
    if op == "equals":
        return lambda p: p[name] == target
    if op == "in":
        allowed = tuple(target)
        return lambda p: p[name] in allowed
    if op == "at_least":
        return lambda p: p[name] is not None and p[name] >= target
    if op == "at_most":
        return lambda p: p[name] is not None and p[name] <= target
    return lambda p: target in p[name]


def compile_condition(cond: dict[str, Any]) -> Predicate:
    """A fast predicate over a parsed profile (call only on a condition with no problems)."""
    if "field" in cond:
        op = next(k for k in cond if k != "field")
        return _test(cond["field"], op, cond[op])
    key, body = next(iter(cond.items()))
    if key == "always":
        return lambda p: True
    if key == "not":
        inner = compile_condition(body)
        return lambda p: not inner(p)
    parts = tuple(compile_condition(c) for c in body)
    if key == "all":
        return lambda p: all(f(p) for f in parts)
    return lambda p: any(f(p) for f in parts)
