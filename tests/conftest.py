"""Shared fixtures: the project root on sys.path, the shipped library, and a CLI runner."""

from __future__ import annotations

import io
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from netaid.cli import main  # noqa: E402
from netaid.content.library import load_library  # noqa: E402
from netaid.paths import DATA_DIR, QUIZ_DIR  # noqa: E402
from tests.postgres_server import NoPostgres, postgres_server  # noqa: E402


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(*argv: str, capsys: pytest.CaptureFixture[str] | None = None) -> CliResult:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    extra_err = capsys.readouterr().err if capsys else ""
    return CliResult(code, out.getvalue(), err.getvalue() + extra_err)


@pytest.fixture(scope="session")
def lib():
    return load_library()


@pytest.fixture
def content_copy(tmp_path: Path) -> tuple[Path, Path]:
    """A writable copy of the shipped content and quiz banks, to break in tests."""
    data, quizzes = tmp_path / "data", tmp_path / "quizzes"
    shutil.copytree(DATA_DIR, data)
    shutil.copytree(QUIZ_DIR, quizzes)
    return data, quizzes


@pytest.fixture(scope="module")
def postgres_url():
    """A throwaway PostgreSQL server for one test module, or a skip that says why there is none."""
    try:
        with postgres_server() as url:
            yield url
    except NoPostgres as why:
        pytest.skip(f"no PostgreSQL test: {why}")
