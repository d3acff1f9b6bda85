"""Read a YAML file into data plus a map from key paths to line numbers.

The data comes from `yaml.safe_load`; the line numbers come from the node tree that
`yaml.compose` builds from the same text. Problems that YAML itself hides are reported
here: syntax errors, empty files, duplicate keys, and bare words such as `no` that YAML
1.1 silently turns into booleans.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

Loc = tuple[str | int, ...]
BOOL_TAG = "tag:yaml.org,2002:bool"
MAX_BYTES = 2_000_000  # the largest content file is about 60 kB; a huge one is a mistake


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a content file, shown as `path:line: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found; str() gives one `path:line: message` per line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class YamlDoc:
    """A parsed file: its data, its node tree (for line numbers) and its display path."""

    path: str
    data: Any
    root: yaml.Node
    problems: list[Problem]  # duplicate keys and bare yes/no words

    def line_of(self, loc: Loc) -> int:
        """The 1-based line of the deepest node that `loc` reaches (or its nearest parent)."""
        node = self.root
        for key in loc:
            child = _child(node, key)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1

    def key_line(self, loc: Loc) -> int:
        """The line of the key that names `loc` (for a mapping entry), else of the node."""
        if not loc:
            return self.line_of(loc)
        parent = self.root
        for key in loc[:-1]:
            parent = _child(parent, key) or parent
        if isinstance(parent, yaml.MappingNode):
            for key_node, _ in parent.value:
                if key_node.value == loc[-1]:
                    return key_node.start_mark.line + 1
        return self.line_of(loc)

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.path, self.line_of(loc), message)


def _child(node: yaml.Node, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(key):
                return value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None


def _hidden_problems(path: str, node: yaml.Node) -> list[Problem]:
    """Duplicate keys and bare yes/no/on/off words, anywhere in the tree."""
    problems: list[Problem] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in current.value:
                line = key_node.start_mark.line + 1
                if key_node.value in seen:
                    problems.append(
                        Problem(path, line, f"duplicate key `{key_node.value}` (first on line {seen[key_node.value]})")
                    )
                seen.setdefault(key_node.value, line)
                stack.extend((key_node, value_node))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif (
            isinstance(current, yaml.ScalarNode)
            and current.tag == BOOL_TAG
            and current.style is None
            and current.value not in ("true", "false")
        ):
            word = current.value
            meaning = str(word.lower() in ("yes", "on", "y")).lower()
            problems.append(
                Problem(
                    path,
                    current.start_mark.line + 1,
                    f'bare `{word}` is read by YAML as {meaning}; write "{word}" in quotes '
                    f"if you mean the word, or true/false if you mean yes or no",
                )
            )
    return problems


def read_yaml(file: Path, display: str) -> YamlDoc:
    """Parse one file; raise ContentError for syntax errors and empty files."""
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise ContentError(
                [Problem(display, 1, f"the file is too large ({size:,} bytes; the limit is {MAX_BYTES:,})")]
            )
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise ContentError(
            [Problem(display, 1, f"the file is not UTF-8 text (byte {err.start} cannot be read)")]
        ) from None
    except OSError as err:
        raise ContentError([Problem(display, 1, f"cannot read the file: {err.strerror}")]) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text) if root is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(str(p) for p in (err.context, err.problem) if p)
        hint = "; YAML does not allow tabs for indenting, use spaces" if "'\\t'" in what else ""
        raise ContentError([Problem(display, line, f"YAML syntax error: {what}{hint}")]) from None
    except yaml.YAMLError as err:
        raise ContentError([Problem(display, 1, f"YAML error: {err}")]) from None
    if root is None:
        raise ContentError([Problem(display, 1, "the file is empty")])
    return YamlDoc(display, data, root, _hidden_problems(display, root))


@dataclass
class Parsed:
    """A file's YAML with its line map, and the model it validated into (None if it did not)."""

    doc: YamlDoc
    model: BaseModel | None
