"""The sampling blueprint with all its views attached (what the app registers)."""

from qa_audit.sampling import sample_views, views
from qa_audit.sampling.blueprint import bp

__all__ = ["bp", "sample_views", "views"]
