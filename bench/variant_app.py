"""The hello-world baseline with one of NETaid's shell parts added, so the breakdown can time
each part on its own. NETAID_BENCH_PARTS names the parts (comma-separated):

- style: app.py's custom CSS (one st.markdown with a <style> block)
- disclaimer: the HTML disclaimer box
- nav: st.navigation over NETaid's 14 menu entries (no icons)
- icons: the same menu with its Material icons (loads the icon font)
- elements: 120 small markdown elements (about as many as the Learn page)
- plotly: one small Plotly chart (loads Plotly's script)
"""

import ast
import os
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
PARTS = set(filter(None, os.environ.get("NETAID_BENCH_PARTS", "").split(",")))


def app_style() -> str:
    """STYLE from app.py, read without running app.py."""
    tree = ast.parse((ROOT / "app.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "STYLE" for t in node.targets):
            return ast.literal_eval(node.value)
    return ""


def hello() -> None:
    st.title("Hello")
    st.write("A baseline page.")
    st.button("Click me", key="baseline_click")
    if "elements" in PARTS:
        for n in range(120):
            st.markdown(f"Line {n} of a long page, in **plain** words.")
    if "plotly" in PARTS:
        import plotly.graph_objects as go

        st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2])), config={"displayModeBar": False})


if "style" in PARTS:
    st.markdown(app_style(), unsafe_allow_html=True)
if "disclaimer" in PARTS:
    from ui.shell import disclaimer

    disclaimer(full=True)
if "nav" in PARTS or "icons" in PARTS:
    from ui.registry import PAGES

    pages = [
        st.Page(hello, title=title, icon=icon if "icons" in PARTS else None, url_path=url, default=(i == 0))
        for i, (_, title, icon, url) in enumerate(PAGES)
    ]
    st.navigation(pages, expanded=True).run()
else:
    hello()
