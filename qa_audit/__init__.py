"""qa_audit: quality assurance of Education, Health and Care plans."""

from qa_audit.app import create_app

__all__ = ["create_app"]
