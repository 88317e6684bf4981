"""Domain errors. The web layer and the CLI turn each into a plain-English message."""


class QaAuditError(Exception):
    """Base of every error a user may see. ``str(err)`` is the plain-English message."""


class BadDocument(QaAuditError):
    """An uploaded plan document cannot be read (corrupt, encrypted, wrong type, too big...)."""


class MatrixError(QaAuditError):
    """A QA matrix file is malformed. The message names the file, line and field."""


class NotAllowed(QaAuditError):
    """The signed-in user's role does not allow the action."""
