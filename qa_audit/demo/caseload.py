"""Demonstration data: accounts for every role, a caseload of pseudonymous plans and audits of
some of them (not started, drafts and submitted) on the active matrix.

Every plan issued in the terms the audit cycles cover has a generated document, imported and
pre-flagged before any audit is marked, with the professionals' advice it was written from
(:mod:`qa_audit.demo.advice`). About a third of them are weak plans (more in older
terms, so quality improves over time): their faults raise pre-flags, auditors grade them lower
and confirm the hints their faults back. Some of the others have one slip, which auditors note
and confirm, mostly without marking the plan down.

Deterministic (fixed seed) and loaded once: running it again changes nothing.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from qa_audit.analysis.runner import analyse_document
from qa_audit.auth import accounts
from qa_audit.demo.advice import load_awaited_requests, load_plan_advice
from qa_audit.demo.advice_audits import load_advice_audits
from qa_audit.demo.audits import load_demo_audits
from qa_audit.demo.family import load_family_demo
from qa_audit.demo.samples import demo_terms, load_sampling_demo
from qa_audit.demo.timeliness import load_timeliness_demo
from qa_audit.extensions import db
from qa_audit.models import Plan, User
from qa_audit.models.plan import PRIMARY_NEEDS
from qa_audit.synthetic import CONVERSION_LAYOUTS, LAYOUTS, PlanTruth, generate_plan
from qa_audit.uploads.importing import import_document

DEMO_PASSWORD = "demo-password-2025"  # noqa: S105 (printed demo login, demo data only)
DEMO_ACCOUNTS = [
    ("admin", "admin@demo.example.org", "Alex Admin", None, None),
    ("qa_lead", "lead@demo.example.org", "Priya Lead", None, "education"),
    ("auditor", "auditor.education@demo.example.org", "Sam Education", "North", "education"),
    ("auditor", "auditor.health@demo.example.org", "Jo Health", None, "health"),
    ("auditor", "auditor.care@demo.example.org", "Chris Care", None, "social_care"),
    ("sen_manager", "manager.north@demo.example.org", "Morgan North", "North", None),
    ("sen_manager", "manager.south@demo.example.org", "Taylor South", "South", None),
]
TEAMS = ("North", "South", "Post-16")
CASEWORKERS = {
    "North": ("R. Ahmed", "L. Brennan"),
    "South": ("K. Osei", "M. Novak"),
    "Post-16": ("D. Clarke",),
}
KINDS = (("new", 0.6), ("amended", 0.25), ("phase_transfer", 0.1), ("conversion", 0.05))
WEAK_SHARE_NEW, WEAK_SHARE_OLD = 0.2, 0.45
"""Chance that a plan is weak when issued today, and when issued ``OLD_AFTER_DAYS`` ago or more."""
ADVICE_AUDIT_SEED = 2031  # the advice samples and their grades draw on their own
SLIP_SHARE = 0.4
"""Chance that a plan that is not weak still has one slip (an undated outcome, or one item of
provision not quantified), as most sound plans do."""
OLD_AFTER_DAYS = 450
CURRENT_LAYOUTS = tuple(layout for layout in LAYOUTS if layout not in CONVERSION_LAYOUTS)
NEED_WEIGHTS = {
    "ASD": 30,
    "SLCN": 22,
    "SEMH": 16,
    "MLD": 9,
    "SLD": 5,
    "PMLD": 2,
    "SpLD": 5,
    "HI": 2,
    "VI": 1,
    "MSI": 1,
    "PD": 4,
    "OTH": 3,
}


def _phase(year_group: int) -> str:
    if year_group <= 0:
        return "early_years"
    if year_group <= 6:
        return "primary"
    return "secondary" if year_group <= 11 else "post16"


def _plans(rng: random.Random, count: int, today: date) -> list[Plan]:
    plans = []
    needs = list(PRIMARY_NEEDS)
    for number in range(1, count + 1):
        issued = today - timedelta(days=rng.randint(5, 600))
        team = "Post-16" if rng.random() < 0.15 else rng.choice(TEAMS[:2])
        year_group = rng.randint(12, 14) if team == "Post-16" else rng.randint(-1, 11)
        kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
        plans.append(
            Plan(
                reference=f"EHCP-{issued.year}-{number:04d}",
                issue_date=issued,
                review_date=issued + timedelta(days=365),
                kind=kind,
                team=team,
                caseworker=rng.choice(CASEWORKERS[team]),
                phase=_phase(year_group),
                year_group=max(year_group, 0),
                primary_need=rng.choices(needs, weights=[NEED_WEIGHTS[n] for n in needs])[0],
            )
        )
    return plans


def load_demo(today: date | None = None) -> tuple[bool, dict]:
    """Create the demo data unless present. Returns (created, logins to print)."""
    logins = {
        "password": DEMO_PASSWORD,
        "accounts": [(role, email) for role, email, *_ in DEMO_ACCOUNTS],
    }
    if db.session.scalar(select(User).where(User.email == DEMO_ACCOUNTS[0][1])):
        return False, logins
    for role, email, name, team, agency in DEMO_ACCOUNTS:
        accounts.create_user(
            email=email, name=name, role=role, password=DEMO_PASSWORD, team=team, agency=agency
        )
    rng = random.Random(2025)  # noqa: S311 (reproducible demo data, not security)
    today = today or date.today()
    plans = _plans(rng, 120, today)
    db.session.add_all(plans)
    db.session.commit()
    since = demo_terms(today)[0].starts_on
    truths = _documents([plan for plan in plans if plan.issue_date >= since], today)
    auditors = db.session.scalars(
        select(User).where(User.role == "auditor").order_by(User.email)
    ).all()
    load_demo_audits(plans, auditors, today, truths)
    load_timeliness_demo(plans, today)  # before the samples: review samples draw on it
    load_sampling_demo(truths, today)
    load_advice_audits(demo_terms(today)[:-1], ADVICE_AUDIT_SEED)
    load_family_demo(plans, since, today)
    db.session.commit()
    return True, logins


def _documents(plans: list[Plan], today: date) -> dict[int, PlanTruth]:
    """A generated, fictional plan document for each of ``plans``, imported and pre-flagged the
    way an upload is. Returns what each document holds, by plan id."""
    rng = random.Random(2027)  # noqa: S311 (reproducible demo data, not security)
    advice_rng = random.Random(2029)  # noqa: S311 (its own, so the plans drawn stay the same)
    truths = {}
    for number, plan in enumerate(plans):
        age = min((today - plan.issue_date).days, OLD_AFTER_DAYS) / OLD_AFTER_DAYS
        weak = rng.random() < WEAK_SHARE_NEW + (WEAK_SHARE_OLD - WEAK_SHARE_NEW) * age
        conversion = plan.kind == "conversion"
        generated = generate_plan(
            1000 + number,
            "conversion" if conversion else CURRENT_LAYOUTS[number % len(CURRENT_LAYOUTS)],
            "pdf" if number % 4 == 3 else "docx",
            issued=plan.issue_date,
            year_group=plan.year_group,
            quality="weak" if weak else "slip" if rng.random() < SLIP_SHARE else "good",
        )
        result = import_document(
            generated.data, f"plan-{number}.{generated.fmt}", user=None, plan=plan
        )
        truths[plan.id] = load_plan_advice(plan, 1000 + number, generated.truth, weak, advice_rng)
        db.session.commit()
        analyse_document(result.document.id, today)  # traces the advice too
    load_awaited_requests(plans, today, advice_rng)
    return truths
