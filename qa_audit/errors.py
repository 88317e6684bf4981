"""Domain errors. The web layer and the CLI turn each into a plain-English message."""


class QaAuditError(Exception):
    """Base of every error a user may see. ``str(err)`` is the plain-English message."""


class BadDocument(QaAuditError):
    """An uploaded plan document cannot be read (corrupt, encrypted, wrong type, too big...)."""


class MatrixError(QaAuditError):
    """A QA matrix file is malformed. The message names the file, line and field."""


class NotFound(QaAuditError):
    """The object asked for does not exist (the web answers 404)."""


class NotAllowed(QaAuditError):
    """The signed-in user's role does not allow the action (the web logs a refusal and
    answers 403)."""


class NotVisible(NotAllowed):
    """The object exists but the user may not see it. The web logs a refusal and answers 404,
    as for an object that does not exist, so nobody learns which objects exist."""
