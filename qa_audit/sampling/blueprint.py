"""The sampling blueprint; its views live in ``views`` and ``sample_views``."""

from flask import Blueprint

bp = Blueprint("sampling", __name__, url_prefix="/sampling")
