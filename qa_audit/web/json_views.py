"""Views that answer scripts with JSON: errors come back as JSON too, never as a redirect to the
sign-in page, so a page can tell its user what happened and keep what they typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Response, jsonify

F = TypeVar("F", bound=Callable)

SIGNED_OUT = (
    "You have been signed out. Sign in again in another tab, then come back: "
    "nothing you typed on this page has been lost."
)


def json_view(view: F) -> F:
    view.answers_json = True  # type: ignore[attr-defined]
    return view


def answers_json(view: Callable | None) -> bool:
    return bool(getattr(view, "answers_json", False))


def json_error(message: str, status: int, **extra: object) -> tuple[Response, int]:
    return jsonify(error=message, **extra), status
