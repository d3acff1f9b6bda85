"""Helpers shared by the tests and the benchmarks: servers and Chromium (servers), AppTest pages
(pages), PDFs as text (pdfs), the browser checks (browser) and ways to break content (breaks).
Test modules import from here, never from one another."""
