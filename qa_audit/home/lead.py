"""A QA lead's home: the current term at a glance and the next thing to do.

Every figure comes from the module that owns its rule: progress per auditor from
:mod:`qa_audit.sampling.progress`, the grades that count (and which plans wait for the
moderator) from the report's loading and results, and the headline measures from
:func:`qa_audit.reports.headline.headline`, the advice sample's progress from
:mod:`qa_audit.advice_quality.queries`. A fixed handful of queries whatever the size of the
term.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from flask import current_app, url_for
from sqlalchemy import func, select

from qa_audit.advice_quality.queries import AdviceSampleProgress, advice_sample_progress
from qa_audit.extensions import db
from qa_audit.models import Audit, FollowUpAction, Sample, SampleMember
from qa_audit.reports.headline import MeasureFigure, headline
from qa_audit.reports.loading import load_term
from qa_audit.reports.results import combine_results
from qa_audit.reports.shares import SUPPRESS_BELOW, percent, verdict
from qa_audit.sampling.progress import AuditorProgress, term_progress
from qa_audit.terms import TermSpan, term_for


@dataclass(frozen=True)
class NextAction:
    label: str
    url: str


@dataclass(frozen=True)
class Measure:
    """One headline measure so far, read against its target."""

    title: str
    kind_label: str
    met: int
    n: int
    target: str
    share: str
    status: str  # "too early", "met", "below", "unclear", "no figure"

    @property
    def too_early(self) -> bool:
        return self.status in {"too early", "no figure"}


@dataclass(frozen=True)
class LeadHome:
    term: TermSpan
    samples: int
    unassigned: int  # sampled plans with no audit yet
    progress: list[AuditorProgress]
    awaiting_moderation: int
    follow_ups_open: int
    follow_ups_overdue: int
    measures: list[Measure]
    advice: AdviceSampleProgress
    next_action: NextAction | None

    @property
    def assigned(self) -> int:
        return sum(p.total for p in self.progress)

    @property
    def submitted(self) -> int:
        return sum(p.submitted for p in self.progress)

    @property
    def overdue(self) -> int:
        return sum(p.overdue for p in self.progress)


def lead_home(today: date) -> LeadHome:
    term = term_for(today, current_app.config["TERM_STARTS"])
    samples = db.session.scalar(select(func.count(Sample.id)).where(Sample.term_id == term.id))
    unassigned = _unassigned(term.id) if samples else 0
    progress = term_progress(term.id, today)
    data = load_term(term)
    results = combine_results(data, "random")
    others = [r for kind in ("review", "targeted") for r in combine_results(data, kind)]
    awaiting = sum(r.basis == "awaiting_moderation" for r in results + others)
    measures = [
        _measure(figure) for group in headline(results, data.versions) for figure in group.figures
    ]
    open_actions, overdue_actions = db.session.execute(
        select(
            func.count(FollowUpAction.id),
            func.count(FollowUpAction.id).filter(FollowUpAction.due_on < today),
        ).where(FollowUpAction.status == "open")
    ).one()
    home = LeadHome(
        term=term,
        samples=samples or 0,
        unassigned=unassigned,
        progress=progress,
        awaiting_moderation=awaiting,
        follow_ups_open=open_actions,
        follow_ups_overdue=overdue_actions,
        measures=measures,
        advice=advice_sample_progress(term.id),
        next_action=None,
    )
    return replace(home, next_action=next_action(home))


def _unassigned(term_id: str) -> int:
    audited = select(Audit.id).where(
        Audit.sample_id == SampleMember.sample_id, Audit.plan_id == SampleMember.plan_id
    )
    return db.session.scalar(
        select(func.count(SampleMember.id))
        .join(Sample, Sample.id == SampleMember.sample_id)
        .where(Sample.term_id == term_id, ~audited.exists())
    )


def _measure(figure: MeasureFigure) -> Measure:
    share = figure.share
    found = verdict(share, figure.measure.target)
    status = "too early" if share.n and share.n < SUPPRESS_BELOW else found
    return Measure(
        title=figure.measure.title,
        kind_label=figure.kind_label,
        met=share.met,
        n=share.n,
        target=percent(figure.measure.target),
        share=percent(share.value),
        status=status,
    )


def next_action(home: LeadHome) -> NextAction | None:
    """The one thing the term needs next, in the order the term's work goes."""
    term_page = url_for("sampling.term", term_id=home.term.id)
    if not home.samples:
        return NextAction("Draw the sample", term_page)
    if home.unassigned:
        return NextAction("Assign audits", term_page)
    if home.awaiting_moderation:
        count = home.awaiting_moderation
        return NextAction(
            f"Moderate {count} plan{'' if count == 1 else 's'}",
            url_for("moderation.term", term_id=home.term.id),
        )
    if home.assigned and home.submitted == home.assigned:
        return NextAction("Download the report", url_for("reports.index", term=home.term.id))
    if home.overdue:
        return NextAction(
            f"Chase {home.overdue} overdue audit{'' if home.overdue == 1 else 's'}", term_page
        )
    return None
