"""All models, importable from one place (Alembic reads the metadata through here)."""

from qa_audit.models.access_log_entry import AccessLog
from qa_audit.models.advice_audit import AdviceAudit, AdviceAuditScore, AdviceSample
from qa_audit.models.advice_request import AdviceRequest
from qa_audit.models.advice_trace import AdviceTrace
from qa_audit.models.alert import Alert
from qa_audit.models.audit import (
    Audit,
    AuditScore,
    FollowUpAction,
    MatrixVersion,
    Moderation,
    Sample,
    SampleMember,
    Term,
)
from qa_audit.models.backup_record import BackupRecord
from qa_audit.models.family import FamilyLink, FamilyResponse, YouSaidWeDid
from qa_audit.models.national import ComparisonArea, NationalFigure
from qa_audit.models.password_link import PasswordLink
from qa_audit.models.plan import Analysis, Plan, PlanDocument
from qa_audit.models.plan_advice import PlanAdvice
from qa_audit.models.plan_event import PlanEvent
from qa_audit.models.recovery_code import RecoveryCode
from qa_audit.models.report_build import ReportBuild
from qa_audit.models.user import User

__all__ = [
    "AccessLog",
    "AdviceAudit",
    "AdviceAuditScore",
    "AdviceRequest",
    "AdviceSample",
    "AdviceTrace",
    "Alert",
    "Analysis",
    "Audit",
    "AuditScore",
    "BackupRecord",
    "ComparisonArea",
    "FamilyLink",
    "FamilyResponse",
    "FollowUpAction",
    "MatrixVersion",
    "Moderation",
    "NationalFigure",
    "PasswordLink",
    "Plan",
    "PlanAdvice",
    "PlanDocument",
    "PlanEvent",
    "RecoveryCode",
    "ReportBuild",
    "Sample",
    "SampleMember",
    "Term",
    "User",
    "YouSaidWeDid",
]
