"""The JSON that ``qa-audit analyse --json`` prints for each file: a contract other tools rely on
(see README, "Interfaces")."""

from __future__ import annotations

from pathlib import Path

from qa_audit.documents import DocumentLimits, read_plan
from qa_audit.errors import BadDocument
from qa_audit.nlp.plan import analyse_plan


def analyse_file(path: Path, limits: DocumentLimits | None = None) -> dict:
    """Parse and pre-flag one file. Never raises for a bad file: ``ok`` is false instead."""
    try:
        parsed = read_plan(path.read_bytes(), path.name, limits)
    except BadDocument as error:
        return {"file": str(path), "ok": False, "error": str(error)}
    except OSError as error:
        return {
            "file": str(path),
            "ok": False,
            "error": f"Could not read the file: {error.strerror}",
        }
    analysis = analyse_plan(parsed).to_dict()
    plan = parsed.to_dict()
    return {
        "file": str(path),
        "ok": True,
        "error": None,
        "template": analysis["template"],
        "sections": plan["sections"],
        "reading": plan["reading"],
        "outcomes": analysis["outcomes"],
        "provision": analysis["provision"],
        "advice": analysis["advice"],
        "golden_thread": analysis["golden_thread"],
        "preparing_for_adulthood": analysis["preparing_for_adulthood"],
        "dates": {"issue_date": plan["issue_date"], "review_date": plan["review_date"]},
        "year_group": plan["year_group"],
        "readability": analysis["readability"],
        "summary": analysis["summary"],
        "analyser_version": analysis["analyser_version"],
    }
