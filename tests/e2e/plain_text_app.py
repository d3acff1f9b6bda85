"""Hostile texts through plain() into every kind of Markdown element, for the autolink browser test.

The texts come as JSON in NETAID_HOSTILE_TEXTS, so the test decides what is rendered.
"""

import json
import os
import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # Streamlit puts only this folder on the path

from netaid.safe_text import plain

texts = json.loads(os.environ.get("NETAID_HOSTILE_TEXTS", "[]"))
for text in texts:
    st.markdown(f"Note — {plain(text, 500)}")
    st.caption(plain(text, 500))
    st.info(f"No word matches “{plain(text, 500)}”.")
st.table([{"Dose": plain(text, 500)} for text in texts])
st.markdown("RENDERED-END")
