"""The moderation blueprint; its views live in ``views`` and ``follow_up_views``."""

from flask import Blueprint

bp = Blueprint("moderation", __name__, url_prefix="/moderation")
