"""A generated plan with the professional advice written for it, and the truth of what the plan
did with each recommendation: reflected (in its own words), watered down (the amount made vague
or left out) or dropped. The plan's provision in sections F, G and H is replaced by the
reworded recommendations and a few items no advice asked for.

generate_trace_case(seed, split="dev", fmt="docx") -> TraceCase
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from .advice_content import DEV, EP, HELD_OUT, OT, PLAN_ONLY, SLT, Pair
from .advice_pairs_blind import BLIND, BLIND_PLAN_ONLY
from .advice_pairs_blind2 import BLIND2, BLIND2_PLAN_ONLY
from .advice_pairs_blind3 import BLIND3, BLIND3_PLAN_ONLY
from .advice_pairs_blind4 import BLIND4, BLIND4_PLAN_ONLY
from .advice_pairs_fresh import FRESH, FRESH_PLAN_ONLY
from .advice_pairs_fresh2 import FRESH2, FRESH2_PLAN_ONLY
from .advice_pairs_tune import TUNE, TUNE_PLAN_ONLY
from .layouts import LAYOUT_BUILDERS
from .plan_facts import choose_facts
from .render_docx import render_docx
from .render_pdf import render_pdf
from .sections import TITLES, Writer
from .spec import Block, CellSpec, Para, TableSpec

Status = Literal["reflected", "watered_down", "missing"]
ADVICE_LAYOUTS = ("numbered", "table", "paragraphs")
SPLITS: dict[str, tuple[tuple[Pair, ...], tuple[tuple[str, str], ...]]] = {
    "dev": (DEV, PLAN_ONLY),
    "heldout": (HELD_OUT, PLAN_ONLY),
    "tune": (TUNE, TUNE_PLAN_ONLY),
    "fresh": (FRESH, FRESH_PLAN_ONLY),
    "fresh2": (FRESH2, FRESH2_PLAN_ONLY),
    "blind": (BLIND, BLIND_PLAN_ONLY),
    "blind2": (BLIND2, BLIND2_PLAN_ONLY),
    "blind3": (BLIND3, BLIND3_PLAN_ONLY),
    "blind4": (BLIND4, BLIND4_PLAN_ONLY),
}
"""Each split's pairs and the provision no advice asked for. ``dev`` and ``heldout`` were
written with the tracer's word lists; ``tune`` chooses the tracer's settings; ``fresh`` and
``fresh2`` were written blind to the tracer, then read and used to change it; ``blind``,
``blind2`` and ``blind3`` were written blind to it, and their figures were later used to choose
the threshold; ``blind4`` was written blind to it after that and is only reported on."""
TITLE = {
    EP: "Educational Psychology advice",
    SLT: "Speech and Language Therapy advice",
    OT: "Occupational Therapy advice",
}
SOURCE = {
    EP: "Educational Psychologist",
    SLT: "Speech and Language Therapist",
    OT: "Occupational therapist",
}
BACKGROUND = (
    "I met the pupil in school and spoke with the class teacher and with the family. "
    "This report describes what I found and what I recommend."
)
FINDINGS = (
    "The pupil was friendly and keen to take part. Standardised assessment showed a profile "
    "of strengths and difficulties that are described below in plain terms."
)
PLAN_SECTION_ORDER = ("F", "G", "H1", "H2", "I")


@dataclass
class TruthRecommendation:
    advice: str  # the recommendation as the adviser wrote it
    status: Status
    plan: str | None  # the plan's rewording, None when dropped


@dataclass
class AdviceFile:
    filename: str
    data: bytes
    source: str
    layout: str
    recommendations: list[TruthRecommendation] = field(default_factory=list)


@dataclass
class TraceCase:
    plan_filename: str
    plan_data: bytes
    advice: list[AdviceFile]
    unsupported: list[str]  # plan provision that no advice asked for


def generate_trace_case(
    seed: int, split: str = "dev", fmt: Literal["docx", "pdf"] = "docx"
) -> TraceCase:
    """One plan and an advice document from each of three professions, in rotating layouts,
    drawing its recommendations from the ``split`` pairs (see :data:`SPLITS`)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose from {', '.join(SPLITS)}")
    rng = random.Random(seed)  # noqa: S311 (reproducible fictional data)
    pairs, plan_only = SPLITS[split]
    advice: list[AdviceFile] = []
    provision: list[str] = []
    for index, profession in enumerate((EP, SLT, OT)):
        pool = [pair for pair in pairs if pair.profession == profession]
        chosen = rng.sample(pool, min(len(pool), rng.randint(3, 5)))
        truths = [_fate(pair, rng) for pair in chosen]
        provision += [t.plan for t in truths if t.plan]
        layout = ADVICE_LAYOUTS[(seed + index) % len(ADVICE_LAYOUTS)]
        blocks = _advice_blocks(profession, chosen, layout)
        name = f"advice-{seed:04d}-{profession}-{layout}.{fmt}"
        data = render_document(blocks, fmt, TITLE[profession])
        advice.append(AdviceFile(name, data, SOURCE[profession], layout, truths))
    extra = rng.sample(plan_only, 4)
    rng.shuffle(provision)
    plan_blocks = _plan_blocks(seed, provision, extra)
    plan_name = f"plan-{seed:04d}-traced.{fmt}"
    plan_data = render_document(plan_blocks, fmt, "EHC plan")
    return TraceCase(plan_name, plan_data, advice, [text for _, text in extra])


def _fate(pair: Pair, rng: random.Random) -> TruthRecommendation:
    roll = rng.random()
    if roll < 0.2:
        return TruthRecommendation(pair.advice, "missing", None)
    if roll < 0.4:
        return TruthRecommendation(pair.advice, "watered_down", pair.plan_text(watered=True))
    return TruthRecommendation(pair.advice, "reflected", pair.plan_text(watered=False))


def _advice_blocks(profession: str, pairs: list[Pair], layout: str) -> list[Block]:
    blocks: list[Block] = [
        Para(TITLE[profession], "title"),
        Para("Advice for an Education, Health and Care needs assessment"),
        Para("Background", "h1"),
        Para(BACKGROUND),
        Para("Summary of assessment", "h1"),
        Para(FINDINGS),
    ]
    if layout == "numbered":
        blocks += [Para("Recommendations", "h1"), Para("I recommend the following:")]
        blocks += [Para(pair.advice, "number") for pair in pairs]
    elif layout == "table":
        blocks.append(Para("Recommended provision", "h1"))
        header = [CellSpec("Recommendation", shaded=True), CellSpec("Frequency", shaded=True)]
        rows: list[list[CellSpec | None]] = [[*header, CellSpec("Who", shaded=True)]]
        rows += [[CellSpec(p.action), CellSpec(p.amount), CellSpec(p.who)] for p in pairs]
        blocks.append(TableSpec(rows, widths=(0.55, 0.25, 0.2)))
    else:
        blocks.append(Para("What would help", "h1"))
        for start in range(0, len(pairs), 2):
            blocks.append(Para(" ".join(pair.advice for pair in pairs[start : start + 2])))
    blocks.append(Para("Report author", "h1"))
    blocks.append(Para("Signed by the assessing professional, on behalf of the service."))
    return blocks


def _plan_blocks(seed: int, provision: list[str], extra: list[tuple[str, str]]) -> list[Block]:
    """The "headed" plan of ``seed`` with its F, G, H1 and H2 content replaced."""
    blocks, _outcomes = LAYOUT_BUILDERS["headed"](Writer(choose_facts(seed, None, None)))
    starts = {key: _heading_index(blocks, key) for key in PLAN_SECTION_ORDER}
    content = {key: [text for where, text in extra if where == key] for key in TITLES}
    content["F"] = provision + content["F"]
    for key, following in reversed(list(pairwise(PLAN_SECTION_ORDER))):
        items = content[key] or ["None."]
        blocks[starts[key] + 1 : starts[following]] = [Para(text, "bullet") for text in items]
    return blocks


def _heading_index(blocks: list[Block], key: str) -> int:
    titles = [title.lower() for title in TITLES[key]]
    for index, block in enumerate(blocks):
        heading = isinstance(block, Para) and block.style in ("bold", "h1")
        if heading and any(title in block.text.lower() for title in titles):
            return index
    raise ValueError(f"the generated plan has no section {key} heading")


def render_document(blocks: list[Block], fmt: str, footer: str) -> bytes:
    if fmt == "docx":
        return render_docx(blocks)
    if fmt == "pdf":
        return render_pdf(blocks, footer)
    raise ValueError(f"unknown format {fmt!r}")
