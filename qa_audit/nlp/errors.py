"""Errors raised when the pre-flagging analyser itself cannot be set up."""

from qa_audit.errors import QaAuditError


class AnalyserSetupError(QaAuditError):
    """The analyser cannot start: a missing language model or a bad rule file."""


class RuleFileError(AnalyserSetupError):
    """A rule file of the pre-flagging analyser is missing or malformed."""
