"""Small hand-built parsed plans for the analysis tests."""

from datetime import date

from qa_audit.documents.model import (
    Advice,
    Need,
    Outcome,
    ParsedPlan,
    ProvisionItem,
    Section,
    TemplateVerdict,
)

COMMUNICATION = "Communication and interaction"
SEMH = "Social, emotional and mental health"


def primary_plan(**changes) -> ParsedPlan:
    """A Year 5 plan with a complete golden thread except where a test changes it."""
    plan = ParsedPlan(
        sections={
            "A": Section("A", "Views, interests and aspirations", ["T. loves trains."]),
            "B": Section("B", "Special educational needs", []),
        },
        needs=[
            Need(
                "T. understands only short spoken instructions and uses two-word phrases.",
                "B",
                COMMUNICATION,
            ),
            Need("T. becomes anxious at transitions and may run out of class.", "B", SEMH),
        ],
        outcomes=[
            Outcome(
                "By July 2027, T. will follow a two-step spoken instruction in 4 out of 5 lessons.",
                area=COMMUNICATION,
            ),
            Outcome(
                "By the end of Year 6, T. will use his calm card to ask for a break when anxious, "
                "on 4 out of 5 occasions.",
                area=SEMH,
            ),
        ],
        provision=[
            ProvisionItem(
                "Speech and language therapist to deliver 1:1 therapy for 30 minutes weekly.",
                "F",
                COMMUNICATION,
            ),
            ProvisionItem(
                "Key worker to go through a visual timetable with T. for 10 minutes each morning.",
                "F",
                SEMH,
            ),
        ],
        advice=[
            Advice("Speech and Language Therapy", date=date(2025, 5, 2)),
            Advice("Parent", text="Parental advice"),
        ],
        aspirations=["T. wants to drive trains when he grows up."],
        template=TemplateVerdict("current", ["Section E: Outcomes"]),
        issue_date=date(2025, 9, 20),
        year_group=5,
    )
    for key, value in changes.items():
        setattr(plan, key, value)
    return plan
