"""Draw a term's advice sample and assign each source's advice to an auditor.

The population is the advice received in the term whose recommendations are still held (purged
advice cannot be audited: the draw counts it and leaves it out). A term has one advice sample:
a second would count advice twice in the figures. The method and seed are stored with the
sample, as for plan samples. Operations only flush; the caller commits.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from qa_audit.advice_quality.draw import AdviceCandidate, by_source, draw_per_source
from qa_audit.audits.operations import AUDITOR_ROLES
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import AdviceAudit, AdviceSample, PlanAdvice, User
from qa_audit.sampling.draw import DrawSpec
from qa_audit.sampling.operations import SEED_LIMIT, ensure_term
from qa_audit.terms import TermSpan, term_span

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AdviceSampleRequest:
    term_id: str
    count: int | None = None  # advice drawn from each source
    percent: float | None = None  # or this share of each source, rounded up
    seed: int | None = None


@dataclass(frozen=True)
class AdvicePopulation:
    term: TermSpan
    candidates: list[AdviceCandidate]
    purged: int  # received in the term, but its recommendations are no longer held

    def sizes(self) -> dict[str, int]:
        return {source: len(ids) for source, ids in by_source(self.candidates).items()}


def advice_population(term_id: str) -> AdvicePopulation:
    """The advice received in the term, by source."""
    term = term_span(term_id)
    received = db.session.execute(
        select(PlanAdvice.id, PlanAdvice.source, PlanAdvice.recommendations).where(
            PlanAdvice.received_on.between(term.starts_on, term.ends_on)
        )
    ).all()
    held = [AdviceCandidate(row.id, row.source) for row in received if row.recommendations]
    return AdvicePopulation(term, held, len(received) - len(held))


def advice_sample_for(term_id: str) -> AdviceSample | None:
    return db.session.scalar(select(AdviceSample).where(AdviceSample.term_id == term_id))


def draw_advice_sample(
    request: AdviceSampleRequest, auditors: Mapping[str, int], user: User | None
) -> AdviceSample:
    """Draw and store the term's advice sample, each drawn piece of advice assigned to the
    auditor chosen for its source (``auditors``: source -> user id)."""
    if (existing := advice_sample_for(request.term_id)) is not None:
        raise QaAuditError(
            f"{term_span(request.term_id).label} already has an advice sample "
            f"({len(existing.audits)} pieces of advice): a second one would count advice twice."
        )
    if request.seed is not None and not 0 <= request.seed <= SEED_LIMIT:
        raise QaAuditError(f"The seed must be a whole number from 0 to {SEED_LIMIT}.")
    population = advice_population(request.term_id)
    if not population.candidates:
        raise QaAuditError(f"No advice received in {population.term.label} can be audited.")
    seed = request.seed if request.seed is not None else secrets.randbelow(SEED_LIMIT + 1)
    drawn = draw_per_source(population.candidates, DrawSpec(seed, request.count, request.percent))
    people = _auditors_for(drawn, auditors)
    ensure_term(population.term.id)
    sizes = population.sizes()
    sample = AdviceSample(
        term_id=population.term.id,
        seed=seed,
        method={
            "term_label": population.term.label,
            "count_per_source": request.count,
            "percent_per_source": request.percent,
            "seed": seed,
            "purged_left_out": population.purged,
            "sources": {
                source: {
                    "population": sizes[source],
                    "drawn": len(ids),
                    "auditor_id": people[source],
                }
                for source, ids in drawn.items()
            },
        },
        description=_describe(request, seed, population, drawn),
        created_by_id=user.id if user else None,
    )
    db.session.add(sample)
    db.session.flush()
    db.session.add_all(
        AdviceAudit(sample_id=sample.id, advice_id=advice_id, auditor_id=people[source])
        for source, ids in drawn.items()
        for advice_id in ids
    )
    db.session.flush()
    log.info("advice sample %s drawn for %s", sample.id, sample.term_id)
    return sample


def _auditors_for(drawn: Mapping[str, list[int]], chosen: Mapping[str, int]) -> dict[str, int]:
    """The auditor for each source drawn from (every source gives at least one piece of advice):
    each must be an active auditor or QA lead."""
    people = {}
    for source in drawn:
        person = db.session.get(User, chosen.get(source) or 0)
        if person is None or person.role not in AUDITOR_ROLES or not person.active:
            raise QaAuditError(f"Choose an active auditor or QA lead for the {source} advice.")
        people[source] = person.id
    return people


def _describe(
    request: AdviceSampleRequest,
    seed: int,
    population: AdvicePopulation,
    drawn: Mapping[str, list[int]],
) -> str:
    size = (
        f"{request.count} from each source (all of a source with fewer)"
        if request.count is not None
        else f"{request.percent:g}% of each source, rounded up"
    )
    total = sum(len(ids) for ids in drawn.values())
    text = (
        f"Random draw of advice received in {population.term.label}: {size}. "
        f"{total} of {len(population.candidates)} pieces of advice from "
        f"{len(drawn)} sources. Seed {seed}."
    )
    if population.purged:
        text += f" {population.purged} left out: their recommendations are no longer held."
    return text
