"""The guided decision path over existing pages: (1) what I know, (2) what matters to me,
(3) which way I lean, (4) next steps. A step indicator and back/next links; no page is rebuilt."""

from __future__ import annotations

import html

import streamlit as st

from ui.registry import URL_OF

# (label, page url path, anchor on that page or None)
STEPS: tuple[tuple[str, str, str | None], ...] = (
    ("What I know", "explorer", None),
    ("What matters to me", "decide", "what-matters-to-me"),
    ("Which way I lean", "decide", "which-way-i-lean"),
    ("Next steps", "visit_sheet", None),
)
STYLE = (
    "<style>.netaid-steps{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.2rem 0 .6rem}"
    ".netaid-steps li{border:2px solid #4a5568;border-radius:1rem;padding:.15rem .7rem;color:#1b1b1b;"
    "background:#ffffff;margin:0}"
    ".netaid-steps li[aria-current=step]{background:#0b5394;border-color:#0b5394;color:#ffffff;font-weight:700}"
    ".netaid-steps a{color:inherit}</style>"
)


def step_indicator(current: int) -> None:
    """Where the person is on the path. Steps on this same page are in-page links; the
    others are reached with the back and next links (a page link keeps the session)."""
    page = STEPS[current - 1][1]
    items = []
    for n, (label, url, anchor) in enumerate(STEPS, 1):
        text = f"{n}. {html.escape(label)}"
        if url == page and anchor and n != current:
            text = f'<a href="#{anchor}">{text}</a>'
        here = ' aria-current="step"' if n == current else ""
        items.append(f"<li{here}>{text}</li>")  # aria-current makes screen readers say "current step"
    st.markdown(
        f'{STYLE}<nav aria-label="Decision steps"><p style="margin:0"><strong>Step {current} of {len(STEPS)}:</strong> '
        f'{html.escape(STEPS[current - 1][0])}</p><ol class="netaid-steps">{"".join(items)}</ol></nav>',
        unsafe_allow_html=True,
    )


def step_links(back: int | None, forward: int | None) -> None:
    """Back and next links along the path."""
    with st.container(horizontal=True):
        if back:
            label, url, _ = STEPS[back - 1]
            st.page_link(f"pages/{URL_OF[url]}", label=f"Back to step {back}: {label}", icon=":material/arrow_back:")
        if forward:
            label, url, _ = STEPS[forward - 1]
            st.page_link(
                f"pages/{URL_OF[url]}", label=f"On to step {forward}: {label}", icon=":material/arrow_forward:"
            )
