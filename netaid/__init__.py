"""NETaid's functional core: content, grading, rules, quizzes and figures. Never imports streamlit."""
