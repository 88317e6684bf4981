"""The sampling method in plain English, for the sample page and the termly report."""

from __future__ import annotations

from datetime import date

from qa_audit.models.plan import PLAN_KINDS
from qa_audit.sampling.makeup import DIMENSION_LABELS


def describe_method(method: dict) -> str:
    """One paragraph from a random sample's recorded ``Sample.method``."""
    size = method["size"]
    population = method["population"]
    how = "Stratified random sample" if method["strata"] else "Simple random sample"
    asked = f"{method['percent']:g}% of" if method.get("percent") else "drawn from"
    text = f"{how} of {_plans(size)} ({asked} {_plans(population)} {_drawn_from(method)})"
    if method["strata"]:
        groups = " and ".join(DIMENSION_LABELS[s].lower() for s in method["strata"])
        text += f", in proportion to {groups}"
    text += "."
    if method["risk_weighted"]:
        text += (
            " Plans were weighted towards those the pre-flags mark as risky, so this sample"
            " over-represents weaker plans."
        )
    if method.get("exclude_months"):
        since = date.fromisoformat(method["audited_since"]).strftime("%-d %B %Y")
        text += (
            f" Plans audited since {since} were left out"
            f" ({_plans(len(method['excluded_plan_ids']))})."
        )
    if note := no_document_note(method):
        text += f" {note}"
    if method.get("count") and method["count"] > size:
        text += f" {method['count']} were asked for, but only {size} were available."
    text += f" Seed {method['seed']}: the same seed and population give the same sample."
    return text


def _drawn_from(method: dict) -> str:
    draws_from = method.get("draws_from", "issued")  # not recorded before review samples
    if draws_from == "issued":
        kinds = ", ".join(PLAN_KINDS.get(k, k).lower() for k in method["kinds"])
        return f"issued in {method['term_label']} of these kinds: {kinds}"
    text = {
        "amended": f"amended after an annual review held in {method['term_label']}",
        "phase_transfer": f"transferring phase with a deadline in {method['term_label']}",
    }[draws_from]
    text += ", from the caseload extract"
    if method.get("not_in_tool"):
        text += f"; {_plans(method['not_in_tool'])} in the extract are not in the tool"
    if method.get("not_issued"):
        text += f"; {_plans(method['not_issued'])} not yet issued left out"
    return text


def no_document_note(method: dict) -> str:
    """What the draw did with plans that have no uploaded document ("" when there were none)."""
    no_document = method.get("no_document_plan_ids") or []  # not recorded before
    if not no_document:
        return ""
    if method["documented_only"]:
        return f"Plans with no uploaded document were left out ({_plans(len(no_document))})."
    drawn = method["no_document_drawn"]
    text = f"{_plans(len(no_document))} in the population had no uploaded document"
    if not drawn:
        return text + "; none was drawn."
    return text + f", and {drawn} drawn: they cannot be audited until one is uploaded."


def describe_afterwards(method: dict) -> str:
    """What was done with a sample after it was drawn (assignment, swaps), in words; "" when
    nothing is recorded."""
    parts = []
    assignment = method.get("assignment")
    if assignment:
        team = (
            "kept off their own team's plans"
            if assignment.get("avoid_own_team")
            else "assigned regardless of team"
        )
        share = assignment.get("double_mark_share") or 0
        marked = f"{share:.0%} of plans double-marked" if share else "no plan double-marked"
        parts.append(f"Auditors were {team}, with {marked}.")
    swaps = len(method.get("swaps") or [])
    if swaps:
        parts.append(f"{_plans(swaps)} swapped by hand after the draw, each with a reason.")
    return " ".join(parts)


def describe_targeted(rule_label: str, size: int, term_label: str) -> str:
    return (
        f"Targeted sample of {_plans(size)}: {rule_label} ({term_label}). Reported separately;"
        " never counted in the headline figures."
    )


def _plans(count: int) -> str:
    return f"{count} plan" if count == 1 else f"{count} plans"
