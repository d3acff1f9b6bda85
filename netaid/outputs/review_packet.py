"""The clinician review packet: every rule, option card, caution, source and specialist vignette
in plain words, so that a clinician can read and sign NETaid's decision logic in one sitting.

The packet is built once as a list of blocks; Markdown and PDF are two renderings of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from fpdf import FPDF

from netaid.content.library import Library
from netaid.content.source_dates import review_problem
from netaid.explorer.compare import side_effect_names
from netaid.explorer.option_models import Option, Rule
from netaid.explorer.profile import PROFILE_FIELDS, ProfileError, parse_given
from netaid.explorer.rules import Exploration, Explorer
from netaid.explorer.vignettes import Vignette, run_vignette
from netaid.explorer.wording import describe_profile, value_words
from netaid.outputs.disclosure import HEADING, disclosure_lines
from netaid.outputs.pdf import new_pdf
from netaid.vocabulary import DISCLAIMER, GOALS

Kind = Literal["title", "section", "item", "para", "field", "bullet", "result"]
LEVEL_WORDS = {
    "danger": "danger (red: a risk to life that needs action now)",
    "warning": "warning (amber: something to raise with the care team)",
}


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str
    label: str = ""  # the bold lead of a `field`
    level: int = 0  # nesting of a `bullet`


@dataclass(frozen=True)
class Names:
    """Everyday names for the ids a rule or vignette mentions."""

    lib: Library
    cautions: dict[str, str]
    sources: dict[str, str]

    @classmethod
    def of(cls, lib: Library) -> Names:
        return cls(lib, {c.id: c.title for c in lib.cautions.cautions}, {s.id: s.short for s in lib.sources.sources})


# --- conditions in words --------------------------------------------------------------
def _value(name: str, value: Any, names: Names) -> str:
    return value_words(names.lib, name, value) if name in PROFILE_FIELDS else str(value)


def _test_words(cond: dict[str, Any], names: Names, negate: bool) -> str | None:
    """`Label [field]: value` for one field test, or None where a negation has no plain form."""
    name = cond["field"]
    op = next(k for k in cond if k != "field")
    label = f"{PROFILE_FIELDS[name].label if name in PROFILE_FIELDS else name} [{name}]"
    target = cond[op]
    if isinstance(target, bool):
        return f"{label}: {'yes' if target != negate else 'no'}"
    if op == "in":
        values = ", ".join(f"“{_value(name, v, names)}”" for v in target)
        return f"{label}: {'none of' if negate else 'one of'} {values}"
    if op in ("at_least", "at_most") and not negate:
        return f"{label}: {op.replace('_', ' ')} {_value(name, target, names)}"
    if op == "contains":
        return f"{label}: {'does not include' if negate else 'includes'} “{_value(name, target, names)}”"
    if op == "equals":
        return f"{label}: {'not ' if negate else ''}“{_value(name, target, names)}”"
    return None


def condition_lines(cond: dict[str, Any], names: Names, depth: int = 0) -> list[tuple[int, str]]:
    """A rule's `when` as (depth, text) lines: a field test on one line, groups as nested lists."""
    if "always" in cond:
        return [(depth, "always (every situation)")]
    if "field" in cond:
        return [(depth, _test_words(cond, names, negate=False) or str(cond))]
    key, body = next(iter(cond.items()))
    if key == "not":
        if "field" in body and (text := _test_words(body, names, negate=True)):
            return [(depth, text)]
        inner = next(iter(body))
        heading = {"any": "none of these:", "all": "not all of these:"}.get(inner, "not this:")
        children = body[inner] if inner in ("any", "all") else [body]
    else:
        heading, children = {"all": "all of these:", "any": "any of these:"}[key], body
    return [(depth, heading), *(line for c in children for line in condition_lines(c, names, depth + 1))]


# --- the packet's parts -----------------------------------------------------------------
def review_statement(rules: list[Rule]) -> str:
    """One plain sentence on how much of the decision logic a clinician has signed."""
    signed = sum(1 for r in rules if r.review.status == "signed")
    if signed == 0:
        return (
            f"No clinician has yet reviewed or signed NETaid's content and rules. "
            f"All {len(rules)} treatment rules are drafts."
        )
    if signed == len(rules):
        return f"All {len(rules)} treatment rules have been signed by a clinician."
    return (
        f"{signed} of {len(rules)} treatment rules have been signed by a clinician; "
        f"the other {len(rules) - signed} are drafts that no clinician has yet signed."
    )


def _review_words(rule: Rule) -> str:
    r = rule.review
    return f"signed by {r.by} on {r.date:%d %B %Y}" if r.status == "signed" else "draft (not yet signed by a clinician)"


def _header(lib: Library, results: list[tuple[Vignette, Exploration | None, list[str]]], today: date) -> list[Block]:
    rules = lib.rules.rules
    statuses = Counter(r.review.status for r in rules)
    passed = sum(1 for _, _, problems in results if not problems)
    blocks = [
        Block("title", "NETaid: clinician review packet"),
        Block("para", f"Generated on {today:%d %B %Y} from the content of this copy of NETaid."),
        Block(
            "para",
            f"It holds {len(rules)} rules, {len(lib.options.options)} option cards, "
            f"{len(lib.cautions.cautions)} cautions, {len(lib.sources.sources)} sources and "
            f"{len(results)} specialist vignettes ({passed} pass, {len(results) - passed} fail).",
        ),
    ]
    signed = [r for r in rules if r.review.status == "signed"]
    blocks.append(Block("field", review_statement(rules), "Clinical review"))
    if signed:
        blocks.append(Block("para", f"{statuses['draft']} rules are still drafts. Signed so far:"))
        blocks += [Block("bullet", f"`{r.id}`: {_review_words(r)}") for r in signed]
    blocks += [
        Block(
            "para",
            "How to read it: each rule says when it applies (When), what it adds to the options "
            "a person sees (Adds), and why. The vignettes at the end show what the explorer gives "
            "for realistic cases beside what a NET team insists on.",
        ),
        Block(
            "para",
            "To sign a rule, set its `review` in netaid/data/rules.yaml to "
            '`{status: signed, by: "Name, role", date: YYYY-MM-DD}`.',
        ),
        Block("para", DISCLAIMER),
        Block("item", HEADING),
        *(Block("field", text, label) for label, text in disclosure_lines(lib.sources)),
    ]
    return blocks


def _rule_blocks(rule: Rule, names: Names, lib: Library) -> list[Block]:
    lines = condition_lines(rule.when, names)
    blocks = [Block("item", f"Rule `{rule.id}`"), Block("field", lines[0][1], "When")]
    blocks += [Block("bullet", text, level=depth - 1) for depth, text in lines[1:]]
    levels = {c.id: c.level for c in lib.cautions.cautions}
    adds = [f"Option: {names.lib.option_name(o)}" for o in rule.add.options]
    adds += [f"Caution ({levels.get(c, '?')}): {names.cautions.get(c, c)}" for c in rule.add.cautions]
    adds += [f"Note: {n}" for n in rule.add.notes]
    adds += [f"Note: {n.whole}" for n in rule.add.balanced_notes]
    blocks.append(Block("field", "", "Adds"))
    blocks += [Block("bullet", a) for a in adds]
    return blocks + [
        Block("field", rule.why, "Why"),
        _cited(rule.sources, names),
        Block("field", _review_words(rule), "Review"),
    ]


def _option_blocks(o: Option, names: Names, effect_names: dict[str, str]) -> list[Block]:
    like = o.what_it_is_like
    effects = (
        ("Common", o.side_effects.common),
        ("Rare but serious", o.side_effects.serious),
        ("Late", o.side_effects.late),
    )
    blocks = [
        Block("item", f"{o.name} (`{o.id}`)"),
        Block("field", ", ".join(GOALS[g] for g in o.goals), "Goals"),
        Block("field", o.what_it_is, "What it is"),
        Block("field", "", "What it is like"),
        *(
            Block("bullet", f"{k}: {v}")
            for k, v in (
                ("How it is given", like.how_given),
                ("How often", like.how_often),
                ("Where", like.where),
                ("Recovery", like.recovery),
            )
        ),
        Block("field", "", "Benefits"),
        *(Block("bullet", b) for b in o.benefits),
        Block("field", "", "Side effects"),
        *(Block("bullet", f"{k}: {', '.join(effect_names.get(e, e) for e in ids)}") for k, ids in effects if ids),
    ]
    if o.uncertainty:
        blocks.append(Block("field", o.uncertainty, "What is not known"))
    blocks += [Block("field", o.after, "After it"), Block("field", "", "Questions to ask")]
    blocks += [Block("bullet", q) for q in o.questions]
    return blocks + [_cited(o.sources, names)]


def _caution_and_source_blocks(lib: Library, names: Names, today: date) -> list[Block]:
    blocks = [Block("section", "Cautions")]
    for c in lib.cautions.cautions:
        blocks += [
            Block("item", f"{c.title} (`{c.id}`)"),
            Block("field", LEVEL_WORDS[c.level], "Level"),
            Block("para", c.text),
            _cited(c.sources, names),
        ]
    blocks.append(Block("section", "Sources"))
    for s in lib.sources.sources:
        age = review_problem(s.reviewed, today)
        blocks += [
            Block("item", f"{s.short} (`{s.id}`)"),
            Block("field", s.publisher, "Publisher"),
            Block("field", s.title, "Title"),
            Block("field", s.url or "none given", "URL"),
            Block("field", s.reviewed + (f". Check it: this source {age}" if age else ""), "Reviewed"),
        ]
    return blocks


def _ids(ids: list[str], words: Mapping[str, str]) -> str:
    return "; ".join(words.get(i, f"`{i}`") for i in ids) or "none"


def _cited(source_ids: list[str], names: Names) -> Block:
    return Block("field", ", ".join(names.sources.get(s, s) for s in source_ids), "Sources")


def _vignette_blocks(v: Vignette, result: Exploration | None, problems: list[str], names: Names) -> list[Block]:
    blocks = [Block("item", f"Vignette `{v.id}`"), Block("field", v.story, "Story"), Block("field", "", "Profile")]
    try:
        rows = describe_profile(parse_given(v.profile), names.lib)
        blocks += [Block("bullet", f"{q}: {a}") for q, a in rows]
    except ProfileError as error:
        blocks.append(Block("bullet", f"the profile cannot be read: {error}"))
    if result is not None:
        gives = (
            ("Options", [o.name for o in result.options]),
            ("Already had", [h.name for h in result.already_had]),
            ("Cautions", [f"{c.title} ({c.level})" for c in result.cautions]),
            ("Conflicts", [c.text for c in result.conflicts]),
        )
        blocks.append(Block("field", "", "The explorer gives"))
        blocks += [Block("bullet", f"{k}: {'; '.join(items) or 'none'}") for k, items in gives]
    wanted = (
        ("Must show", _ids(v.must_show, names.lib.option_names)),
        ("Must not show", _ids(v.must_not_show, names.lib.option_names)),
        ("Cautions", _ids(v.cautions, names.cautions)),
        ("Must not caution", _ids(v.not_cautions, names.cautions)),
        ("Already had", _ids(v.already_had, names.lib.option_names)),
        ("Conflicts, exactly", _ids(v.conflicts, {})),
    )
    blocks += [Block("field", "", "The vignette requires"), *(Block("bullet", f"{k}: {t}") for k, t in wanted)]
    blocks.append(Block("result", "FAIL" if problems else "PASS"))
    return blocks + [Block("bullet", p) for p in problems]


def _run(explorer: Explorer, v: Vignette) -> tuple[Vignette, Exploration | None, list[str]]:
    try:
        return (v, *run_vignette(explorer, v))
    except ProfileError as error:  # a broken vignette is reported in the packet, not a crash
        return v, None, [f"the profile cannot be read: {error}"]


def packet_blocks(lib: Library, vignettes: list[Vignette], today: date) -> list[Block]:
    """The whole packet, in reading order."""
    names, explorer = Names.of(lib), Explorer(lib)
    results = [_run(explorer, v) for v in vignettes]
    blocks = _header(lib, results, today)
    blocks.append(Block("section", "Rules"))
    for rule in lib.rules.rules:
        blocks += _rule_blocks(rule, names, lib)
    blocks.append(Block("section", "Option cards"))
    effect_names = side_effect_names(lib)
    for option in lib.options.options:
        blocks += _option_blocks(option, names, effect_names)
    blocks += _caution_and_source_blocks(lib, names, today)
    blocks.append(Block("section", "Specialist vignettes"))
    for v, result, problems in results:
        blocks += _vignette_blocks(v, result, problems, names)
    blocks += [
        Block("section", "Sign-off"),
        Block("para", "I have read every rule above and the vignettes beside them."),
        *(Block("field", "_" * 30, label) for label in ("Name and role", "Signature", "Date")),
    ]
    return blocks


# --- renderings -----------------------------------------------------------------------
MD_PREFIX = {"title": "# ", "section": "## ", "item": "### ", "para": "", "result": ""}


def packet_markdown(lib: Library, vignettes: list[Vignette], today: date) -> str:
    """The packet as Markdown text."""
    out: list[str] = []
    for block in packet_blocks(lib, vignettes, today):
        if block.kind == "bullet":
            out.append(f"{'  ' * block.level}- {block.text}")
            continue
        if out and out[-1] != "":
            out.append("")
        if block.kind == "field":
            out.append(f"**{block.label}:** {block.text}".rstrip())
        elif block.kind == "result":
            out.append(f"**Result: {block.text}**")
        else:
            out.append(MD_PREFIX[block.kind] + block.text)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


BODY = 10.5
LINE = 5.2  # mm per body line
KEEP = {"section": 40.0, "item": 28.0, "field": 14.0, "result": 12.0}  # room a heading needs below it


def _plain(text: str) -> str:
    return text.replace("`", "")  # ids are in code spans for Markdown; print them as plain words


def _draw(pdf: FPDF, block: Block) -> None:
    if block.kind == "section" and pdf.get_y() > pdf.t_margin + 1:
        pdf.add_page()  # each part of the packet starts on a fresh page
    elif block.kind in KEEP and pdf.will_page_break(KEEP[block.kind]):
        pdf.add_page()  # never leave a heading alone at the foot of a page
    text = _plain(block.text)
    if block.kind in ("title", "section", "item"):
        size = {"title": 20, "section": 16, "item": 12.5}[block.kind]
        pdf.ln(2 if block.kind == "item" else 0)
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    elif block.kind == "bullet":
        pdf.set_font("DejaVu", "", BODY)
        pdf.set_x(pdf.l_margin + 3 + 5 * block.level)
        pdf.cell(4, LINE, "•")
        pdf.multi_cell(0, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
    elif block.kind == "result":
        pdf.set_font("DejaVu", "B", BODY + 1)
        pdf.set_text_color(*((179, 38, 30) if text == "FAIL" else (30, 110, 50)))
        pdf.multi_cell(0, LINE + 1, f"Result: {text}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    else:
        pdf.set_font("DejaVu", "B", BODY)
        if block.kind == "field":
            pdf.write(LINE, f"{block.label}: ")
        pdf.set_font("DejaVu", "", BODY)
        pdf.write(LINE, text)
        pdf.ln(LINE + (1.5 if block.kind == "para" else 0.6))


def packet_pdf(lib: Library, vignettes: list[Vignette], today: date) -> bytes:
    """The packet as A4 PDF bytes, with page numbers on every page."""
    pdf = new_pdf("a4")  # the visit sheet's font setup, so both print the same characters
    pdf.set_title("NETaid clinician review packet")

    def footer() -> None:
        pdf.set_y(-12)
        pdf.set_font("DejaVu", "", 8)
        pdf.cell(0, 5, f"NETaid clinician review packet, {today:%d %B %Y}. Page {pdf.page_no()} of {{nb}}", align="C")

    pdf.footer = footer  # type: ignore[method-assign]  # outputs.pdf.new_pdf gives a plain FPDF; this adds page numbers
    pdf.add_page()
    for block in packet_blocks(lib, vignettes, today):
        _draw(pdf, block)
    return bytes(pdf.output())
