"""Where NETaid's files live, in one place, so modules can move without counting `.parent`s."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"
QUIZ_DIR = REPO_DIR / "quizzes"
FONT_DIR = PACKAGE_DIR / "fonts"
VIGNETTES_FILE = REPO_DIR / "tests" / "clinical" / "vignettes.yaml"
DEFAULT_DATABASE = REPO_DIR / "netaid-progress.sqlite3"
