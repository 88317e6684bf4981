"""What the demo families said about their plans, made through the family package as the
product makes it: a SEN manager (or the QA lead, for Post-16) sends a link to the parent or
carer, and to the young person from Year 9 or, sometimes, the child; about three in ten links
are answered online; for a few of the rest a caseworker records the answers given by phone or
on paper. Families are happier with plans the auditors found good, but not always: some
disagree with the audit either way. Reproducible from a fixed seed."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.family.links import answer_through_link, issue_link, record_given_answer
from qa_audit.models import Audit, FamilyLink, Plan, User

ANSWERED_ONLINE = 0.3
RECORDED_BY_CASEWORKER = 0.1  # of the links not answered online
YES_WHEN_GOOD, YES_WHEN_BELOW, YES_NOT_AUDITED = 0.8, 0.45, 0.65
OTHER_ANSWERS = (("partly", 5), ("no", 3), ("dont_know", 2))
COMMENTS = (
    "More about what she is good at, not only what she finds hard.",
    "We would have liked the meeting after school so both of us could come.",
    "The outcomes are from two years ago and he has moved on since.",
    "It was good that the school listened to what he wants to do at college.",
    "I did not get the draft in time to read it before the meeting.",
)
QUESTIONS = ("describes_now", "aspirations", "involved")


def load_family_demo(plans: Sequence[Plan], since: date, today: date) -> None:
    """Links and answers for the plans issued on or after ``since`` (flushed, not committed).
    Nothing is added when some links exist already."""
    if db.session.scalar(select(FamilyLink.id).limit(1)) is not None:
        return
    rng = random.Random(2029)  # noqa: S311 (reproducible demo data, not security)
    # The answers draw on their own, so who answers stays the same whatever the audits found.
    answer_rng = random.Random(2030)  # noqa: S311 (reproducible demo data, not security)
    senders = _senders()
    audited = _audit_results()
    for plan in sorted(plans, key=lambda p: p.id):
        if not plan.issue_date or plan.issue_date < since:
            continue
        sent_on = plan.issue_date + timedelta(days=rng.randint(7, 30))
        if sent_on >= today:
            continue
        for respondent in _respondents(rng, plan):
            sent = _moment(sent_on, rng)
            link, _ = issue_link(plan, respondent, senders.get(plan.team, senders[None]), sent)
            answered_on = sent_on + timedelta(days=rng.randint(1, 40))
            roll = rng.random()
            if answered_on >= today:
                continue
            answers, comments = _answers(answer_rng, audited.get(plan.id))
            if roll < ANSWERED_ONLINE:
                answer_through_link(link, answers, comments, _moment(answered_on, rng))
            elif roll < ANSWERED_ONLINE + (1 - ANSWERED_ONLINE) * RECORDED_BY_CASEWORKER:
                how = rng.choice(("phone", "paper"))
                at = _moment(answered_on, rng)
                record_given_answer(plan, respondent, how, answers, comments, at)


def _respondents(rng: random.Random, plan: Plan) -> list[str]:
    found = ["parent"]
    if (plan.year_group or 0) >= 9:
        found.append("young_person")
    elif (plan.year_group or 0) >= 3 and rng.random() < 0.4:
        found.append("child")
    return found


def _answers(rng: random.Random, meets: bool | None) -> tuple[dict, dict]:
    yes = {True: YES_WHEN_GOOD, False: YES_WHEN_BELOW, None: YES_NOT_AUDITED}[meets]
    others, weights = zip(*OTHER_ANSWERS, strict=True)
    answers = {
        q: "yes" if rng.random() < yes else rng.choices(others, weights)[0] for q in QUESTIONS
    }
    comments = {"better": rng.choice(COMMENTS)} if rng.random() < 0.35 else {}
    return answers, comments


def _senders() -> dict[str | None, User]:
    """Who sends a team's links: its SEN manager; the QA lead for other teams."""
    users = db.session.scalars(
        select(User).where(User.role.in_(("sen_manager", "qa_lead"))).order_by(User.id)
    ).all()
    found: dict[str | None, User] = {u.team: u for u in users if u.role == "sen_manager" and u.team}
    found[None] = next(u for u in users if u.role == "qa_lead")
    return found


def _audit_results() -> dict[int, bool]:
    """Plan id -> whether its latest submitted audit met the quality threshold."""
    rows = db.session.execute(
        select(Audit.plan_id, Audit.meets_threshold)
        .where(Audit.status == "submitted", Audit.meets_threshold.is_not(None))
        .order_by(Audit.submitted_at)
    )
    return {row.plan_id: row.meets_threshold for row in rows}


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 19), rng.randint(0, 59)), UTC)
