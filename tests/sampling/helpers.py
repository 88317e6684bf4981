"""Plans spread over teams and phases in autumn 2025, for sampling tests."""

from datetime import date

from qa_audit.models import Analysis

TEAMS = ("North", "North", "North", "South", "South")  # 60% North, 40% South


def autumn_plans(make, count: int = 20, **fields) -> list:
    return [
        make.plan(
            issue_date=date(2025, 9, 1 + n % 28),
            team=TEAMS[n % 5],
            phase="primary" if n % 2 else "secondary",
            primary_need="ASD" if n % 3 else "SLCN",
            **fields,
        )
        for n in range(count)
    ]


def add_analysis(make, plan, summary: dict) -> None:
    """A finished analysis of a new document of ``plan`` with the given summary."""
    from qa_audit.extensions import db

    document = make.document(plan)
    db.session.add(
        Analysis(
            document_id=document.id,
            analyser_version="test",
            status="done",
            result={"summary": summary},
        )
    )
    db.session.commit()
