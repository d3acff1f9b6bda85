"""The functional core never imports streamlit; pages stay thin."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_netaid_source_never_imports_streamlit():
    for file in (ROOT / "netaid").rglob("*.py"):
        tree = ast.parse(file.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "streamlit" for n in names), f"{file} imports streamlit"


def test_importing_every_netaid_module_does_not_load_streamlit():
    modules = [f"netaid.{p.stem}" for p in (ROOT / "netaid").glob("*.py") if p.stem != "__main__"]
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_pages_never_open_files_or_parse_yaml():
    for file in (ROOT / "pages").glob("*.py"):
        text = file.read_text()
        for forbidden in ("open(", "yaml", "read_text"):
            assert forbidden not in text, f"{file.name} uses {forbidden}"
