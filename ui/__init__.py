"""Streamlit helpers shared by the pages: the only code besides pages/ and app.py that imports streamlit."""
