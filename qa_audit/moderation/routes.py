"""The moderation blueprint with all its views attached (what the app registers)."""

from qa_audit.moderation import follow_up_views, views
from qa_audit.moderation.blueprint import bp

__all__ = ["bp", "follow_up_views", "views"]
