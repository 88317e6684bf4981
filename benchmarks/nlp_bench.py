"""Speed of the pre-flagging analyser on 10,000-word plans.

Run: ``python -m benchmarks.nlp_bench [--plans 40] [--pool 200]``

Reports the median seconds per plan for ``analyse_plan`` on one core, the ratio against spaCy's
bare tokenizer (``spacy.blank("en")``) over the same plan's full text, and the throughput of a
2-process pool, from which the time for 5,000 plans on 2 cores is projected.

It then times the whole path from a file: reading a generated 10,000-word .docx of each layout
and analysing it, against reading the same file and tokenising its text (target: within 1.5x).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date

import spacy

from benchmarks.timing import seconds
from qa_audit.documents.limits import DocumentLimits
from qa_audit.documents.model import (
    AREAS_OF_NEED,
    Advice,
    Need,
    Outcome,
    ParsedPlan,
    ProvisionItem,
    Section,
)
from qa_audit.documents.reader import read_plan_here
from qa_audit.nlp.plan import analyse_plan

TARGET_WORDS = 10_000
TODAY = date(2026, 1, 15)
SKILLS = [
    "read 40 common words on sight",
    "ask for help using a help card",
    "dress for PE within 10 minutes",
    "travel to college by bus",
    "use a calm-down strategy when upset",
    "take turns in a game with a peer",
]
CRITERIA = ["in 4 out of 5 sessions", "without adult prompting", "independently", ""]
FRAMES = ["By July 2027,", "By the end of Year 8,", "Within 12 months,", ""]
WEAK = [
    "will improve her communication skills.",
    "will have access to a TA.",
    "will make progress.",
]
PROVISION = [
    "Speech and language therapist to deliver 1:1 therapy for 30 minutes weekly.",
    "Daily 20-minute reading session with a trained teaching assistant.",
    "Access to a quiet space when needed.",
    "Regular support from an adult.",
    "Occupational therapist to review the sensory diet every 6 weeks.",
]
PROSE = [
    "Jo enjoys music lessons and likes to sing with her friends at break time.",
    "Her family describe her as kind, funny and determined when a task interests her.",
    "In class she manages short tasks but finds longer written work tiring.",
    "Assessments last term showed steady progress in number and early reading.",
    "She can become upset when routines change without warning.",
    "Staff report that visual prompts help her to settle at the start of the day.",
]


def build_plan(rng: random.Random) -> ParsedPlan:
    """A fictional plan of about 10,000 words with the usual number of statements."""
    outcomes = [Outcome(_outcome(rng), area=rng.choice(AREAS_OF_NEED)) for _ in range(10)]
    needs = [Need(rng.choice(PROSE), "B", area) for area in AREAS_OF_NEED for _ in range(2)]
    provision = [ProvisionItem(rng.choice(PROVISION), "F") for _ in range(25)]
    statements = [o.text for o in outcomes] + [n.text for n in needs] + [p.text for p in provision]
    words = sum(len(t.split()) for t in statements)
    paragraphs: list[str] = []
    while words < TARGET_WORDS:
        paragraph = " ".join(rng.choice(PROSE) for _ in range(6))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    sections = {
        key: Section(key, f"Section {key}", paragraphs[i::6])
        for i, key in enumerate(("A", "B", "C", "D", "F", "K"))
    }
    advice = [
        Advice(source) for source in ("Educational Psychologist", "Speech and Language", "OT")
    ]
    return ParsedPlan(
        sections=sections,
        needs=needs,
        outcomes=outcomes,
        provision=provision,
        advice=advice,
        aspirations=["Jo wants to work with animals.", "Jo would like to live near her family."],
        issue_date=date(2025, 10, 1),
        year_group=7,
        word_count=words,
    )


def _outcome(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return f"Jo {rng.choice(WEAK)}"
    return f"{rng.choice(FRAMES)} Jo will {rng.choice(SKILLS)} {rng.choice(CRITERIA)}.".strip()


def full_text(plan: ParsedPlan) -> str:
    parts = [s.text for s in plan.sections.values()]
    parts += [o.text for o in plan.outcomes] + [p.text for p in plan.provision]
    return "\n".join(parts + [n.text for n in plan.needs])


def _analyse_seeded(seed: int) -> int:
    analysis = analyse_plan(build_plan(random.Random(seed)), today=TODAY)  # noqa: S311 (test data)
    return len(analysis.outcomes)


def from_docx(tokenizer) -> float:
    """Median of (read + analyse) / (read + tokenise) over one 10,000-word .docx per layout."""
    from qa_audit.synthetic import LAYOUTS, generate_plan

    files = [
        generate_plan(s, lay, "docx", words=TARGET_WORDS).data for s, lay in enumerate(LAYOUTS)
    ]
    limits = DocumentLimits()

    def read_and_analyse(data: bytes) -> None:
        analyse_plan(read_plan_here(data, "plan.docx", limits), today=TODAY)

    def read_and_tokenise(data: bytes) -> None:
        tokenizer(full_text(read_plan_here(data, "plan.docx", limits)))

    ours, base = [], []
    for data in files:  # alternated, so that load from elsewhere falls on both alike
        timed = [
            (seconds(read_and_analyse, data), seconds(read_and_tokenise, data)) for _ in range(3)
        ]
        ours.append(statistics.median(o for o, _ in timed))
        base.append(statistics.median(b for _, b in timed))
    ratio = statistics.median(o / b for o, b in zip(ours, base, strict=True))
    print(
        f"from a .docx ({len(files)} layouts): read + analyse {statistics.median(ours):.4f} s, "
        f"read + tokenise {statistics.median(base):.4f} s, median ratio {ratio:.2f} "
        f"(target 1.5: {'OK' if ratio <= 1.5 else 'OVER TARGET'})"
    )
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=40, help="plans timed on one core")
    parser.add_argument("--pool", type=int, default=200, help="plans run on a 2-process pool")
    args = parser.parse_args()
    rng = random.Random(2026)  # noqa: S311 (reproducible test data, not security)
    plans = [build_plan(rng) for _ in range(args.plans)]
    tokenizer = spacy.blank("en").tokenizer
    analyse_plan(plans[0], today=TODAY)  # load the pipeline once, as a worker would
    per_plan = [seconds(lambda p: analyse_plan(p, today=TODAY), plan) for plan in plans]
    per_tokenize = [seconds(tokenizer, full_text(plan)) for plan in plans]
    median, tok_median = statistics.median(per_plan), statistics.median(per_tokenize)
    words = statistics.median(len(full_text(p).split()) for p in plans)
    print(f"plans timed: {len(plans)}, median words per plan: {words:.0f}")
    print(f"analyse_plan median: {median:.4f} s per plan (one core)")
    print(f"bare spaCy tokenizer on the full text: {tok_median:.4f} s per plan")
    print(f"ratio analyse_plan / tokenizer: {median / tok_median:.2f}")
    from_docx(tokenizer)
    with ProcessPoolExecutor(max_workers=2) as pool:
        start = time.perf_counter()
        list(pool.map(_analyse_seeded, range(args.pool), chunksize=10))
        elapsed = time.perf_counter() - start
    print(f"2-process pool: {args.pool} plans in {elapsed:.1f} s (including plan building)")
    print(f"projected 5,000 plans on 2 cores: {5000 * elapsed / args.pool / 60:.1f} min")


if __name__ == "__main__":
    main()
