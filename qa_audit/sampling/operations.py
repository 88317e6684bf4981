"""Draw a term's random sample: preview it, then store it with its method and seed.

A term has one headline (random) sample: a second is refused, since the report would count
both. A review sample (``kind = "review"``) is drawn the same way from an annual-review
population of the caseload extract (:mod:`qa_audit.sampling.review_population`), one per
population and term, and reported on its own. Plans with no uploaded document cannot be
audited: the draw counts them, and leaves them out when ``documented_only`` is set (the
sampling page sets it unless the lead clears it).
Creating after a preview names the preview's :func:`draw_fingerprint`; a draw that would differ
(the plans or settings changed in between) is refused with :class:`PreviewChanged`.

Operations only flush; the caller commits.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import Plan, Sample, SampleMember, Term, User
from qa_audit.sampling.describe import describe_method
from qa_audit.sampling.draw import Candidate, DrawSpec, draw
from qa_audit.sampling.population import (
    HEADLINE_KINDS,
    audited_since,
    candidates,
    months_before,
    term_plans,
)
from qa_audit.sampling.review_population import REVIEW_POPULATIONS, review_plans
from qa_audit.terms import TermSpan, term_span

log = logging.getLogger(__name__)
SEED_LIMIT = 2**31 - 1  # stored in a 32-bit integer column


@dataclass(frozen=True)
class SampleRequest:
    term_id: str
    count: int | None = None
    percent: float | None = None
    strata: tuple[str, ...] = ()
    risk_weighted: bool = False
    exclude_months: int | None = None
    kinds: tuple[str, ...] = HEADLINE_KINDS
    seed: int | None = None
    documented_only: bool = False  # leave out plans with no uploaded document
    draws_from: str = "issued"  # or a key of REVIEW_POPULATIONS (then ``kinds`` is not used)


class PreviewChanged(QaAuditError):
    """The sample a create would store is not the one previewed."""

    def __init__(self) -> None:
        super().__init__(
            "The sample would differ from the preview: the settings or the plans to sample "
            "from have changed since. Check the new preview, then create the sample."
        )


@dataclass
class Draw:
    """A drawn (not yet stored) sample: the eligible population and the chosen plan ids."""

    term: TermSpan
    population: list[Candidate]
    chosen: list[int]
    method: dict = field(default_factory=dict)

    @property
    def sample(self) -> list[Candidate]:
        chosen = set(self.chosen)
        return [c for c in self.population if c.plan_id in chosen]


def draw_fingerprint(drawn: Draw) -> str:
    """Names the drawn plans and seed, so a create can check it stores what was previewed."""
    text = f"{drawn.method['seed']}:{','.join(map(str, sorted(drawn.chosen)))}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def ensure_term(term_id: str) -> Term:
    """The stored term, created from the configured term dates on first use."""
    term = db.session.get(Term, term_id)
    if term is None:
        span = term_span(term_id)
        term = Term(id=span.id, label=span.label, starts_on=span.starts_on, ends_on=span.ends_on)
        db.session.add(term)
        db.session.flush()
    return term


def draw_sample(request: SampleRequest, today: date | None = None) -> Draw:
    """Draw without storing anything: what the preview shows and what create stores."""
    if request.seed is not None and not 0 <= request.seed <= SEED_LIMIT:
        raise QaAuditError(f"The seed must be a whole number from 0 to {SEED_LIMIT}.")
    span = term_span(request.term_id)
    plans, extract_notes = _population_plans(span, request)
    excluded: set[int] = set()
    since = None
    if request.exclude_months:
        since = months_before(today or date.today(), request.exclude_months)
        excluded = audited_since(since) & {p.id for p in plans}
    no_document = sorted(p.id for p in plans if not _auditable(p))
    left_out = excluded | (set(no_document) if request.documented_only else set())
    population = candidates([p for p in plans if p.id not in left_out])
    if not population:
        which = "of the chosen kinds" if request.draws_from == "issued" else "of this population"
        raise QaAuditError(
            f"No plans {which} are left to sample in {span.label}."
            + (f" {len(no_document)} have no uploaded document." if no_document else "")
            + ("" if request.draws_from == "issued" else _extract_note(extract_notes))
        )
    seed = request.seed if request.seed is not None else secrets.randbelow(SEED_LIMIT + 1)
    spec = DrawSpec(seed, request.count, request.percent, request.strata, request.risk_weighted)
    chosen = draw(population, spec)
    method = {
        "term_label": span.label,
        "draws_from": request.draws_from,
        **extract_notes,
        "kinds": list(request.kinds) if request.draws_from == "issued" else [request.draws_from],
        "count": request.count,
        "percent": request.percent,
        "strata": list(request.strata),
        "risk_weighted": request.risk_weighted,
        "exclude_months": request.exclude_months,
        "audited_since": since.isoformat() if since else None,
        "excluded_plan_ids": sorted(excluded),
        "documented_only": request.documented_only,
        "no_document_plan_ids": no_document,
        "no_document_drawn": len(set(no_document) & set(chosen)),
        "population": len(population),
        "size": len(chosen),
        "seed": seed,
        "swaps": [],
    }
    return Draw(span, population, chosen, method)


def _population_plans(span: TermSpan, request: SampleRequest) -> tuple[list[Plan], dict]:
    """The plans to draw from, and what the extract says about those it could not give."""
    if request.draws_from == "issued":
        if not request.kinds:
            raise QaAuditError("Choose at least one kind of plan to sample from.")
        return term_plans(span, request.kinds), {}
    if request.draws_from not in REVIEW_POPULATIONS:
        raise QaAuditError("Choose one of the listed populations to sample from.")
    found = review_plans(span, request.draws_from)
    return found.plans, {"not_in_tool": found.not_in_tool, "not_issued": found.not_issued}


def create_sample(
    request: SampleRequest,
    user: User | None,
    today: date | None = None,
    previewed: str | None = None,
) -> Sample:
    """Draw and store a random sample (``kind = "random"``: it feeds the headline figures), or
    from an annual-review population a review sample (``kind = "review"``).

    ``previewed`` is the preview's :func:`draw_fingerprint`; the draw must match it.
    """
    if request.draws_from != "issued":
        _refuse_second_review_sample(request)
    elif (existing := headline_sample(request.term_id)) is not None:
        label, size = term_span(request.term_id).label, len(existing.members)
        raise QaAuditError(
            f"{label} already has a headline random sample ({size} plans). The report counts"
            " every random sample of a term, so a second one would skew the figures: change"
            " the existing sample's plans by hand instead."
        )
    drawn = draw_sample(request, today)
    if previewed is not None and previewed != draw_fingerprint(drawn):
        raise PreviewChanged()
    ensure_term(drawn.term.id)
    sample = Sample(
        term_id=drawn.term.id,
        kind="random" if request.draws_from == "issued" else "review",
        method=drawn.method,
        seed=drawn.method["seed"],
        description=describe_method(drawn.method),
        created_by_id=user.id if user else None,
    )
    db.session.add(sample)
    db.session.flush()
    db.session.add_all(SampleMember(sample_id=sample.id, plan_id=pid) for pid in drawn.chosen)
    db.session.flush()
    log.info("sample %s drawn for %s: %s plans", sample.id, sample.term_id, len(drawn.chosen))
    return sample


def headline_sample(term_id: str) -> Sample | None:
    """The term's random sample, the one its headline figures come from, if drawn."""
    query = select(Sample).where(Sample.term_id == term_id, Sample.kind == "random")
    return db.session.scalars(query.order_by(Sample.id)).first()


def _extract_note(notes: dict) -> str:
    text = " The population comes from the imported caseload extract"
    if notes["not_in_tool"]:
        text += f"; {notes['not_in_tool']} of its plans are not in the tool"
    if notes["not_issued"]:
        text += f"; {notes['not_issued']} amended plans are not issued yet"
    return text + "."


def _refuse_second_review_sample(request: SampleRequest) -> None:
    query = select(Sample).where(Sample.term_id == request.term_id, Sample.kind == "review")
    for sample in db.session.scalars(query):
        if (sample.method or {}).get("draws_from") == request.draws_from:
            label = REVIEW_POPULATIONS[request.draws_from].split(" (")[0].lower()
            raise QaAuditError(
                f"{term_span(request.term_id).label} already has a sample of {label} "
                f"({len(sample.members)} plans): change its plans by hand instead."
            )


def _auditable(plan: Plan) -> bool:
    document = plan.latest_document
    return document is not None and document.stored_path is not None


def samples_for_term(term_id: str) -> list[Sample]:
    query = select(Sample).where(Sample.term_id == term_id).order_by(Sample.kind, Sample.id)
    return list(db.session.scalars(query))
