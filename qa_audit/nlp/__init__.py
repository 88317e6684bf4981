"""Pre-flagging of EHC plans: machine hints on outcomes, provision, golden thread and advice.

Rules, not a trained model: a blank English spaCy pipeline with lookup lemmas and pattern
components whose rules live in ``qa_audit/nlp/rules/*.json``. Results are stored with
:data:`ANALYSER_VERSION`; bump it whenever the rules or their interpretation change.
"""

from qa_audit.nlp.flags import Flag, is_weak
from qa_audit.nlp.outcomes import OutcomeCheck, check_outcomes
from qa_audit.nlp.plan import PlanAnalysis, analyse_plan
from qa_audit.nlp.provision import ProvisionCheck, check_provision
from qa_audit.nlp.version import ANALYSER_VERSION

__all__ = [
    "ANALYSER_VERSION",
    "Flag",
    "OutcomeCheck",
    "PlanAnalysis",
    "ProvisionCheck",
    "analyse_plan",
    "check_outcomes",
    "check_provision",
    "is_weak",
]
