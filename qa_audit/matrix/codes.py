"""Fixed vocabularies a matrix file may use: flag codes, plan sections, plan kinds, modes."""

from __future__ import annotations

from typing import Final

from qa_audit import plan_kinds
from qa_audit.plan_sections import SECTION_KEYS

OUTCOME_FLAG_CODES: Final = (
    "vague",
    "not_measurable",
    "not_time_bound",
    "provision_not_outcome",
    "outdated",
    "no_linked_need",
    "provision_not_quantified",
)
"""Pre-flags raised on single outcomes or provision lines."""

PLAN_FLAG_CODES: Final = (
    "golden_thread",
    "advice_not_reflected",
    "conversion_template",
    "no_pfa_outcomes",
)
"""Pre-flags raised on the plan as a whole."""

READABILITY_FLAG_CODES: Final = ("long_sentence", "hard_to_read", "jargon")
"""Pre-flags of the plain English check on the parts written for the family."""

FAMILY_SECTIONS: Final = ("A", "E")
"""The parts of a plan written for the family, which the plain English check reads."""

FLAG_CODES: Final = OUTCOME_FLAG_CODES + PLAN_FLAG_CODES + READABILITY_FLAG_CODES

ADVICE_FLAG_CODES: Final = ("provision_not_quantified", "advice_late", *READABILITY_FLAG_CODES)
"""Hints an advice matrix may show: recommendations that do not say how much or who, advice
received after its 6-week deadline, and the plain English check on the recommendations."""

MATRIX_KINDS: Final = ("plan", "advice")
"""What a matrix scores: EHC plans (the default) or the professional advice behind them."""

PROVISION_SECTIONS: Final = ("F", "G", "H1", "H2")
FLAG_SECTIONS: Final = {
    **{code: ("E",) for code in OUTCOME_FLAG_CODES},
    "provision_not_quantified": PROVISION_SECTIONS,
    **{code: FAMILY_SECTIONS for code in READABILITY_FLAG_CODES},
}
"""The plan sections a flag raised on one outcome or provision line is about; a criterion shows
it as a hint only when it concerns one of them. Plan-wide flags are not listed: they concern
every criterion that names them."""

FLAG_LABELS: Final = {
    "vague": "Vague outcome",
    "not_measurable": "Outcome not measurable",
    "not_time_bound": "Outcome not time-bound",
    "provision_not_outcome": "Provision written as an outcome",
    "outdated": "Outdated outcome",
    "no_linked_need": "Outcome with no linked need",
    "provision_not_quantified": "Provision not quantified",
    "golden_thread": "Golden thread gap",
    "advice_not_reflected": "Advice not reflected",
    "conversion_template": "Conversion template",
    "no_pfa_outcomes": "No Preparing for Adulthood outcomes",
    "long_sentence": "Long sentence for the family",
    "hard_to_read": "Hard for the family to read",
    "jargon": "Jargon or unexplained abbreviation",
    "advice_late": "Advice received after its 6-week deadline",
}
"""Short names of the flag codes, for hints, confirmations and reports."""

PLAN_SECTIONS: Final = SECTION_KEYS

PLAN_KINDS: Final = tuple(plan_kinds.PLAN_KINDS)
"""Kinds of audited plan a measure can apply to: the plan kinds the service records."""

JUDGEMENT_MODES: Final = ("auditor", "key_criteria", "weighted")

CEILINGS: Final = ("best-criterion", "median-criterion", "none")
"""Auditor mode: the overall grade may be no better than the best criterion grade, than the
middle criterion grade, or (``none``) is limited only by the caps."""

CAP_CRITERIA: Final = ("key", "any")
"""Which criteria a judgement cap watches: the key criteria, or every criterion."""

NOT_APPLICABLE: Final = "n/a"
"""Score value for a criterion that does not apply to the plan (only where the matrix allows)."""
