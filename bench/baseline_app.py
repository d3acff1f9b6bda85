"""The baseline the benchmark compares NETaid's pages with: a hello-world Streamlit page."""

import streamlit as st

st.title("Hello")
st.write("A baseline page.")
st.button("Click me", key="baseline_click")
