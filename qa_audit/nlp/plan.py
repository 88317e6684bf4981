"""Whole-plan pre-flagging: outcomes, provision, golden thread, advice, PfA, template and plain
English in the parts written for the family."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from qa_audit.documents.model import Need, Outcome, ParsedPlan, ProvisionItem
from qa_audit.nlp import flags as f
from qa_audit.nlp.adulthood import AdulthoodCheck, check_adulthood
from qa_audit.nlp.advice import AdviceCheck, check_advice, load_disciplines
from qa_audit.nlp.dates import SchoolContext, add_months
from qa_audit.nlp.nil_entries import is_nil_entry
from qa_audit.nlp.outcomes import OutcomeCheck, outcome_check
from qa_audit.nlp.pipeline import cues, longest, parse
from qa_audit.nlp.provision import ProvisionCheck, provision_check
from qa_audit.nlp.readability import PartReadability, check_readability
from qa_audit.nlp.themes import ThemeLexicon, load_themes
from qa_audit.nlp.thread import GoldenThread, Strand, golden_thread, profile
from qa_audit.nlp.version import ANALYSER_VERSION


@dataclass
class PlanAnalysis:
    outcomes: list[tuple[OutcomeCheck, str | None, str | None]]  # check, need, provision
    provision: list[ProvisionCheck]
    advice: list[AdviceCheck]
    golden_thread: GoldenThread
    adulthood: AdulthoodCheck
    template: dict[str, object]
    reference_date: date
    readability: dict[str, PartReadability]
    version: str = ANALYSER_VERSION

    def to_dict(self) -> dict:
        return {
            "analyser_version": self.version,
            "reference_date": self.reference_date.isoformat(),
            "outcomes": [
                {**check.to_dict(), "need": need, "provision": prov}
                for check, need, prov in self.outcomes
            ],
            "provision": [p.to_dict() for p in self.provision],
            "advice": [a.to_dict() for a in self.advice],
            "golden_thread": self.golden_thread.to_dict(),
            "preparing_for_adulthood": self.adulthood.to_dict(),
            "template": self.template,
            "readability": {key: part.to_dict() for key, part in self.readability.items()},
            "summary": self.summary(),
        }

    def summary(self) -> dict:
        checks = [check for check, _, _ in self.outcomes]
        weak = sum(c.weak for c in checks)
        codes = Counter(fl.code for c in checks for fl in c.flags)
        codes.update(fl.code for p in self.provision for fl in p.flags)
        codes.update(fl.code for a in self.advice for fl in a.flags)
        codes.update(fl.code for fl in self.adulthood.flags)
        codes.update(fl.code for part in self.readability.values() for fl in part.flags)
        thread = self.golden_thread
        return {
            "outcomes": len(checks),
            "weak_outcomes": weak,
            "weak_share": round(weak / len(checks), 3) if checks else None,
            "flag_counts": dict(sorted(codes.items())),
            "provision_items": len(self.provision),
            "vague_provision": sum(not p.quantified for p in self.provision),
            "advice_items": len(self.advice),
            "advice_reflected": sum(a.reflected for a in self.advice),
            "needs_without_provision": len(thread.needs_without_provision),
            "outcomes_without_need": len(thread.outcomes_without_need),
            "outcomes_without_provision": len(thread.outcomes_without_provision),
            "aspirations_without_outcome": len(thread.aspirations_without_outcome),
            "pfa_required": self.adulthood.required,
            "pfa_present": self.adulthood.present,
            "template": self.template["kind"],
        }


def reference_date_for(plan: ParsedPlan, today: date) -> date:
    """Date that target dates are judged against: when the plan was written or last reviewed.

    That is the later of its issue date and a year before its next annual review is due (the
    latest date of the review before it), when either is known; today only when neither is.
    A target already past on that date was out of date when the plan was written.
    """
    known = [plan.issue_date] if plan.issue_date else []
    if plan.review_date is not None:
        known.append(add_months(plan.review_date, -12))
    return max(known, default=today)


def _start_date(plan: ParsedPlan, reference: date) -> date:
    """Date that relative frames ("within 12 months") count from: the plan's issue date."""
    return plan.issue_date or reference


def analyse_plan(plan: ParsedPlan, *, today: date | None = None) -> PlanAnalysis:
    """Pre-flag one parsed plan. Only its statements (outcomes, provision, needs, aspirations)
    go through spaCy, in one batch; the rest of the document text is not needed."""
    today = today or date.today()
    reference = reference_date_for(plan, today)
    school = None
    if plan.year_group is not None:
        school = SchoolContext(plan.year_group, plan.issue_date or today)
    lexicon = load_themes()
    groups = [
        [o.text for o in plan.outcomes],
        [p.text if is_nil_entry(p.text) else p.statement for p in plan.provision],
        [n.text for n in plan.needs],
        list(plan.aspirations),
        sorted({o.heading for o in plan.outcomes if o.heading}),
    ]
    docs = list(parse([text for group in groups for text in group]))
    o_docs, p_docs, n_docs, a_docs, h_docs = _split(docs, [len(group) for group in groups])
    frames = {doc.text: [span.text for span in longest(cues(doc, "TIME"))] for doc in h_docs}

    start = _start_date(plan, reference)
    outcome_checks = [
        outcome_check(doc, reference, school, start=start, framed_by=frames.get(o.heading, ()))
        for doc, o in zip(o_docs, plan.outcomes, strict=True)
    ]
    provision_checks = [provision_check(doc) for doc in p_docs]
    o_strands = _strands(plan.outcomes, o_docs, lexicon)
    thread = golden_thread(
        needs=list(zip(plan.needs, _strands(plan.needs, n_docs, lexicon), strict=True)),
        outcomes=list(zip(plan.outcomes, o_strands, strict=True)),
        provision=list(zip(plan.provision, _strands(plan.provision, p_docs, lexicon), strict=True)),
        aspirations=[Strand(d.text, None, profile(d, lexicon)) for d in a_docs],
    )
    _flag_unlinked(outcome_checks, thread)
    has_views = plan.has_section("A") or bool(plan.aspirations)
    need_texts = [n.text for n in plan.needs]
    advice = check_advice(plan.advice, provision_checks, need_texts, has_views, load_disciplines())
    adulthood = check_adulthood(
        plan.year_group, [s.profile for s in o_strands], list(lexicon.adulthood)
    )
    return PlanAnalysis(
        outcomes=[
            (check, o.need, o.provision)
            for check, o in zip(outcome_checks, plan.outcomes, strict=True)
        ],
        provision=provision_checks,
        advice=advice,
        golden_thread=thread,
        adulthood=adulthood,
        template={"kind": plan.template.kind, "evidence": list(plan.template.evidence)},
        reference_date=reference,
        readability=check_readability(plan),
    )


def _split(docs: list[Doc], sizes: list[int]) -> list[list[Doc]]:
    """Cut one batch of docs back into the groups it was built from."""
    parts, start = [], 0
    for size in sizes:
        parts.append(docs[start : start + size])
        start += size
    return parts


def _strands(
    items: Sequence[Need | Outcome | ProvisionItem], docs: Sequence[Doc], lexicon: ThemeLexicon
) -> list[Strand]:
    return [
        Strand(item.text, item.area, profile(doc, lexicon))
        for item, doc in zip(items, docs, strict=True)
    ]


def _flag_unlinked(checks: list[OutcomeCheck], thread: GoldenThread) -> None:
    for check, linked in zip(checks, thread.outcome_linked, strict=True):
        if not linked:
            check.flags.append(f.make_flag(f.NO_LINKED_NEED, "no matching need in B, C or D"))
