"""Read a YAML file into data plus a map from key paths to line numbers.

The text is composed once into a node tree (for line numbers) and constructed from it with
YAML's safe constructors. Problems that YAML itself hides are reported here: syntax errors,
empty files, duplicate keys, impossible dates, and bare words such as `no` that YAML 1.1
silently turns into booleans.

Content is written by hand, so the reader also refuses what only an attack or an accident
needs: anchors and aliases (a few lines of them expand into billions of nodes), nesting deeper
than any content file, and anything that is not a regular file inside its content folder
(a FIFO or device would block the reader forever; a symlink could read any file).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from netaid.paths import REPO_DIR

Loc = tuple[str | int, ...]
BOOL_TAG = "tag:yaml.org,2002:bool"
MAX_BYTES = 2_000_000  # the largest content file is about 60 kB; a huge one is a mistake
MAX_DEPTH = 40  # content nests about 8 levels deep; far deeper is a mistake (or would exhaust the stack)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a content file, shown as `path:line: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def relative_to_project(self, root: Path = REPO_DIR) -> Problem:
        """The same problem with its path relative to the project (a relative path is read from the
        working folder); a file outside it shows its name only. For visitors: never a server path."""
        path = Path.cwd() / self.path  # an absolute self.path replaces the working folder
        try:
            shown = path.resolve().relative_to(root.resolve())
        except ValueError:
            shown = Path(path.name)
        return Problem(str(shown), self.line, self.message)


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


class _Refused(Exception):
    """Something the content loader will not read, at a 1-based line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


class _ContentLoader(yaml.SafeLoader):
    """The safe loader, refusing anchors, aliases, deep nesting and impossible dates."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            what = "an alias (`*`)" if isinstance(event, yaml.AliasEvent) else "an anchor (`&`)"
            raise _Refused(line, f"{what} is not allowed in content files; write the text out in full")
        if self._depth >= MAX_DEPTH:
            raise _Refused(line, f"the text is nested more than {MAX_DEPTH} levels deep")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> date:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # 2021-02-30 looks like a date to YAML, but there is no such day
            raise _Refused(
                node.start_mark.line + 1, f"`{node.value}` is not a real date; put it in quotes if it is text"
            ) from None


_ContentLoader.add_constructor("tag:yaml.org,2002:timestamp", _ContentLoader.construct_yaml_timestamp)


class FileRefused(Exception):
    """A file that is not read: str() says why ("No such file or directory"), for the person who named it."""


def read_regular_file(file: Path, limit: int) -> bytes:
    """The bytes of `file` if it is a regular file of at most `limit` bytes; FileRefused otherwise.

    Opened without blocking, then checked by what was opened (no gap for a swap between check and
    read): a FIFO with no writer, or a device, would otherwise block or stream forever.
    """
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as err:
        raise FileRefused(err.strerror or "the file cannot be read") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused("this is not a regular file (it may be a pipe or a device)")
        if info.st_size > limit:
            raise FileRefused(f"the file is too large ({info.st_size:,} bytes; the limit is {limit:,})")
        try:
            data = handle.read(limit + 1)
        except OSError as err:
            raise FileRefused(err.strerror or "the file cannot be read") from None
    if len(data) > limit:
        raise FileRefused(f"the file is too large (over {limit:,} bytes)")
    return data


def _read_text(file: Path, display: str) -> str:
    """The text of a content file: a regular file of at most MAX_BYTES inside its own folder."""
    if file.is_symlink() and not file.resolve().is_relative_to(file.parent.resolve()):
        message = "the file is a link to somewhere outside its content folder; copy the file in instead"
        raise ContentError([Problem(display, 1, message)])
    try:
        return read_regular_file(file, MAX_BYTES).decode("utf-8")
    except FileRefused as err:
        raise ContentError([Problem(display, 1, f"cannot read the file: {err}")]) from None
    except UnicodeDecodeError as err:
        message = f"the file is not UTF-8 text (byte {err.start} cannot be read)"
        raise ContentError([Problem(display, 1, message)]) from None


def _parse_yaml(text: str, display: str) -> tuple[yaml.Node | None, Any]:
    """The node tree and the data built from it; ContentError naming the line if YAML fails."""
    loader = _ContentLoader(text)
    try:
        root = loader.get_single_node()
        return root, loader.construct_document(root) if root is not None else None
    except _Refused as err:
        raise ContentError([Problem(display, err.line, err.message)]) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(str(p) for p in (err.context, err.problem) if p)
        hint = "; YAML does not allow tabs for indenting, use spaces" if "'\\t'" in what else ""
        raise ContentError([Problem(display, line, f"YAML syntax error: {what}{hint}")]) from None
    except yaml.YAMLError as err:
        raise ContentError([Problem(display, 1, f"YAML error: {err}")]) from None
    finally:
        loader.dispose()


def read_yaml(file: Path, display: str) -> YamlDoc:
    """Parse one file; raise ContentError for unreadable, refused, malformed and empty files."""
    root, data = _parse_yaml(_read_text(file, display), display)
    if root is None:
        raise ContentError([Problem(display, 1, "the file is empty")])
    return YamlDoc(display, data, root, _hidden_problems(display, root))


@dataclass
class Parsed:
    """A file's YAML with its line map, and the model it validated into (None if it did not)."""

    doc: YamlDoc
    model: BaseModel | None
