"""The professional advice written for the child of a generated plan, and what the plan as
written did with each recommendation.

The advisers asked for what the sound version of the plan provides (so a good plan carries
every recommendation in the adviser's words, amounts kept); a weak plan that made provision
vague waters the advice down, and one that left a need out drops it. Each profession that
delivers provision writes one document.

advice_for_plan(seed, truth, fmt="docx", as_written=False) -> list[AdviceFile]
"""

from __future__ import annotations

from typing import Literal

from .advice_docs import BACKGROUND, FINDINGS, AdviceFile, TruthRecommendation, render_document
from .plan_facts import choose_facts
from .spec import Block, Para, PlanTruth

ADVISERS = (
    ("physio", "Physiotherapist"),
    ("nurse", "Paediatrician"),
    ("speech", "Speech and Language Therapist"),
    ("occupational", "Occupational therapist"),
    ("disabilities", "Social worker"),
    ("social", "Social worker"),
)
"""Words in who delivers a provision -> the adviser who asked for it (else the educational
psychologist)."""
DEFAULT_ADVISER = "Educational Psychologist"


def advice_for_plan(
    seed: int, truth: PlanTruth, fmt: Literal["docx", "pdf"] = "docx", *, as_written: bool = False
) -> list[AdviceFile]:
    """The advice for generated plan ``seed`` (``truth`` is what the plan as written holds).
    ``as_written``: the advisers asked for what the plan as written provides, so it carries
    all its advice whatever else it slips on."""
    facts = choose_facts(seed, truth.issue_date, truth.year_group)
    written = dict(truth.provision)
    asked: dict[str, list[TruthRecommendation]] = {}
    for strand in facts.all_strands:
        kept = written.get(strand.need)
        wanted = kept if as_written and kept else strand.provision
        status = "missing" if kept is None else "reflected" if kept == wanted else "watered_down"
        asked.setdefault(adviser(strand.by_whom), []).append(
            TruthRecommendation(_in_adviser_words(wanted), status, kept)
        )
    return [
        AdviceFile(
            f"advice-{seed:04d}-{number}.{fmt}",
            render_document(_blocks(source, items), fmt, f"{source} advice"),
            source,
            "numbered",
            items,
        )
        for number, (source, items) in enumerate(asked.items(), start=1)
    ]


def adviser(by_whom: str) -> str:
    lowered = by_whom.lower()
    return next((name for word, name in ADVISERS if word in lowered), DEFAULT_ADVISER)


def _in_adviser_words(provision: str) -> str:
    """The provision as a recommendation: "We recommend weekly 45-minute ..."."""
    first = provision[:1] if provision[1:2].isupper() else provision[:1].lower()
    return f"We recommend {first}{provision[1:]}"


def _blocks(source: str, items: list[TruthRecommendation]) -> list[Block]:
    return [
        Para(f"{source} advice", "title"),
        Para("Advice for an Education, Health and Care needs assessment"),
        Para("Background", "h1"),
        Para(BACKGROUND),
        Para("Summary of assessment", "h1"),
        Para(FINDINGS),
        Para("Recommendations", "h1"),
        Para("I recommend the following:"),
        *(Para(item.advice, "number") for item in items),
        Para("Report author", "h1"),
        Para(f"{source}, on behalf of the service."),
    ]
