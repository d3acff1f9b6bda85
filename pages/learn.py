"""Learn about NETs: what they are, where they start, symptoms, carcinoid syndrome, follow-up."""

import streamlit as st

from netaid.content.library import sources_in
from netaid.outputs.charts import sites_chart
from ui.shell import (
    cached_chart,
    cite,
    item,
    library,
    linked,
    next_step,
    page_sources,
    require_app_shell,
    show_chart,
)

require_app_shell()

lib = library()
ov, sites, risk, sym, carc, func, fu = (
    lib.overview,
    lib.sites,
    lib.risk_factors,
    lib.symptoms,
    lib.carcinoid,
    lib.functional_syndromes,
    lib.follow_up,
)

st.title("Learn about NETs")
SECTIONS = [
    ("what-is-a-net", "What a NET is"),
    ("where-nets-start", "Where NETs start"),
    ("functional", "Functional and non-functional NETs"),
    ("numbers", "How many people have a NET"),
    ("risk-factors", "Risk factors"),
    ("symptoms", "Symptoms"),
    ("carcinoid-syndrome", "Carcinoid syndrome"),
    ("triggers", "What can set off symptoms"),
    ("carcinoid-crisis", "Carcinoid crisis"),
    ("heart-disease", "Carcinoid heart disease"),
    ("functional-syndromes", "Hormone syndromes of the pancreas"),
    ("follow-up", "Follow-up care"),
]
# Learn is long, so it is split into parts, one at a time; each part has its own address
# (/learn?section=triggers) so quiz feedback and bookmarks can open it directly.
PARTS = {
    "basics": ("The basics", ["what-is-a-net", "where-nets-start", "functional", "numbers"]),
    "risks": ("Risks and symptoms", ["risk-factors", "symptoms"]),
    "syndrome": ("Carcinoid syndrome", ["carcinoid-syndrome", "triggers", "carcinoid-crisis", "heart-disease"]),
    "hormones": ("Hormone syndromes", ["functional-syndromes"]),
    "follow-up": ("Follow-up care", ["follow-up"]),
}
PART_OF = {anchor: part for part, (_, anchors) in PARTS.items() for anchor in anchors}
asked = st.query_params.get("section", "basics")
if "learn_part" not in st.session_state or st.session_state.get("_learn_asked") != asked:
    st.session_state["learn_part"] = PART_OF.get(asked, asked if asked in PARTS else "basics")
    st.session_state["_learn_asked"] = asked
part = st.segmented_control(
    "Part",
    list(PARTS),
    key="learn_part",
    required=True,
    format_func=lambda k: PARTS[k][0],
)
titles = dict(SECTIONS)
st.markdown("**In this part:** " + " · ".join(f"[{titles[a]}](#{a})" for a in PARTS[part][1]))
order = list(PARTS)


def part_end() -> None:
    """Each part ends with the next part and the visit sheet."""
    following = order[(order.index(part) + 1) % len(order)]
    st.divider()
    st.markdown("**Next step**")
    st.page_link(
        "pages/learn.py",
        label=f"Next part: {PARTS[following][0]}",
        icon=":material/arrow_forward:",
        query_params={"section": following},
    )
    next_step("visit_sheet", "Write down your questions on a visit sheet")


if part == "basics":
    item(lib, ov.what_is_a_net, anchor="what-is-a-net", level=2)
    for extra in ov.sections:
        item(lib, extra)

    st.header("Where NETs start", anchor="where-nets-start")
    st.markdown(linked(sites.intro))
    show_chart(cached_chart(sites_chart, list(sites.sites)), key="sites_chart")
    st.markdown(sites.note)
    with st.expander("More about each place"):
        places = []  # one block, not one element per place
        for site in sites.sites:
            amount = f" (about {site.percent:g} in 100)" if site.percent is not None else ""
            places.append(f"**{site.name}**{amount}: {site.text}")
        st.markdown("\n\n".join(places))
    cite(lib, sites.sources)

    st.header("Functional and non-functional NETs", anchor="functional")
    col1, col2 = st.columns(2)
    with col1:
        item(lib, ov.functional)
    with col2:
        item(lib, ov.non_functional)

    st.header("How many people have a NET", anchor="numbers")
    cols = st.columns(len(ov.statistics))
    for col, stat in zip(cols, ov.statistics):
        with col:
            st.metric(stat.label, f"{stat.value:,.0f}", help=None)
            st.caption(stat.unit)
    st.markdown("\n".join(f"- {stat.text}" for stat in ov.statistics))
    cite(lib, ov.statistics)

if part == "risks":
    item(lib, risk.intro, anchor="risk-factors", level=2)
    factors = []  # one block for all the factors
    for factor in risk.factors:
        factors.append(f"**{factor.title}.** {factor.text}")
        if factor.points:
            factors.append("\n".join(f"- {p}" for p in factor.points))
    st.markdown("\n\n".join(factors))
    cite(lib, risk.factors)
    st.subheader("Conditions that run in families")
    st.markdown("\n".join(f"- **{syndrome.title}**: {syndrome.text}" for syndrome in risk.inherited_syndromes))
    cite(lib, risk.inherited_syndromes)

    item(lib, sym.intro, anchor="symptoms", level=2)
    for col, group in zip(st.columns(3), sym.groups):
        with col:
            st.subheader(group.title)
            st.markdown(linked(group.text))
            st.markdown("\n".join(f"- **{s.name}**" + (f": {s.detail}" if s.detail else "") for s in group.symptoms))
            cite(lib, group.sources)

if part == "syndrome":
    item(lib, carc.about, anchor="carcinoid-syndrome", level=2)
    st.markdown("**Signs of carcinoid syndrome:**")
    st.markdown("\n".join(f"- **{s.name}**" + (f": {s.detail}" if s.detail else "") for s in carc.symptoms))
    cite(lib, carc.symptoms_sources)

    st.header("What can set off symptoms", anchor="triggers")
    food = [t for t in carc.triggers if t.examples]
    other = [t for t in carc.triggers if not t.examples]
    for col, trig in zip(st.columns(len(food)), food):
        with col:
            st.subheader(trig.title)
            st.markdown(linked(trig.text))
            st.markdown("\n".join(f"- {e}" for e in trig.examples))
            cite(lib, trig.sources)
    if other:
        st.markdown("\n\n".join(f"**{trig.title}.** {trig.text}" for trig in other))
    cite(lib, other)

    st.header("Carcinoid crisis", anchor="carcinoid-crisis")
    st.error(f"**{carc.crisis.title}.** {carc.crisis.text}", icon=":material/warning:")
    if carc.crisis.points:
        st.markdown("\n".join(f"- {p}" for p in carc.crisis.points))
    cite(lib, carc.crisis.sources)
    item(lib, carc.crisis_prevention)

    item(lib, carc.heart_disease, anchor="heart-disease", level=2)
    if carc.managing:
        st.subheader("Managing symptoms")
        for it in carc.managing:
            item(lib, it, folded=True)

if part == "hormones":
    item(lib, func.intro, anchor="functional-syndromes", level=2)
    st.table([{"Syndrome": s.name, "Hormone made": s.hormone, "Main sign": s.main_sign} for s in func.syndromes])
    st.markdown("\n\n".join(f"**{s.name}.** {s.text}" for s in func.syndromes))
    cite(lib, func.syndromes)

if part == "follow-up":
    item(lib, fu.intro, anchor="follow-up", level=2)
    st.table([{"When": step.when, "What is usually checked": ", ".join(step.checks)} for step in fu.schedule])
    st.markdown("\n".join(f"- **{step.when}:** {step.text}" for step in fu.schedule))
    cite(lib, fu.schedule)
    for note in fu.notes:
        item(lib, note, folded=True)

part_end()
page_sources(lib, sources_in(ov, sites, risk, sym, carc, func, fu))
