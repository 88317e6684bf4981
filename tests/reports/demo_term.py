"""A demo-like term for rendering tests: three teams, new and amended plans, a moderated pair,
a disagreement awaiting moderation, a targeted sample, analyses and follow-up actions."""

from __future__ import annotations

from datetime import date

from qa_audit.extensions import db
from qa_audit.matrix import matrix_from_json
from qa_audit.models import Audit, Plan
from tests.reports.factories import ReportWorld, all_grades, analysis_result

TEAMS = ("North", "South", "Post-16")
NEEDS = ("ASD", "SLCN", "SEMH", "MLD")
COMMENT = (
    "Outcomes for Amira are broad aims; Mrs Okafor said the EP advice on a 20-minute "
    "daily SaLT group in Year 5 was reduced to access to therapy."
)


def build_demo_term(world: ReportWorld, plans: int = 24, term_id: str = "autumn-2025") -> dict:
    version = world.version()
    matrix = matrix_from_json(version.content)
    sample = world.sample(term_id, description="Random 10% of plans issued or amended")
    targeted = world.sample(term_id, kind="targeted", description="Plans from the Post-16 team")
    audits = []
    for number in range(plans):
        plan = world.plan(
            kind="new" if number % 4 else "amended",
            team=TEAMS[number % 3],
            phase=("primary", "secondary", "post16")[number % 3],
            primary_need=NEEDS[number % 4],
        )
        good = number % 5 != 0
        grades = all_grades(
            matrix,
            "good" if good else "requires-improvement",
            advice_reflected="good" if number % 7 else "inadequate",
            preparing_for_adulthood="n/a",
        )
        audit = world.audit(
            plan,
            sample,
            version,
            grades,
            "good" if good else "requires-improvement",
            evidence={"smart-outcomes": COMMENT} if not good else None,
            confirmed={"smart-outcomes": ["vague"]} if number % 3 == 0 else None,
        )
        world.analysis(
            plan,
            analysis_result(
                template="conversion" if number % 11 == 0 else "current",
                weak=number % 3,
                outdated=1 if number % 6 == 0 else 0,
                advice=[("Educational psychology", number % 2 == 0), ("Health", True)],
                codes=("vague",),
            ),
        )
        audits.append(audit)
    # Double-marked: one moderated to Good, one disagreement still open.
    second = world.audit(
        _plan(audits[5]),
        sample,
        version,
        all_grades(matrix, "good", preparing_for_adulthood="n/a"),
        "good",
        auditor=world.second,
    )
    world.moderation(audits[5], second, {**all_grades(matrix, "good"), "overall": "good"})
    third = world.audit(
        _plan(audits[10]),
        sample,
        version,
        all_grades(matrix, "good", preparing_for_adulthood="n/a"),
        "good",
        auditor=world.second,
    )
    extra = world.plan(kind="new", team="Post-16")
    world.audit(extra, targeted, version, all_grades(matrix, "inadequate"), "inadequate")
    world.action(audits[0], "amend", date(2025, 10, 5), date(2025, 11, 1))
    world.action(audits[0], "training", date(2025, 10, 5), date(2025, 12, 1), date(2025, 11, 20))
    return {"version": version, "audits": audits, "open_pair": (audits[10], third)}


def _plan(audit: Audit) -> Plan:
    return db.session.get(Plan, audit.plan_id)
