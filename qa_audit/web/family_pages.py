"""Pages families open without an account. Their error pages (a rate limit, say) keep the
family's layout and never offer a staff dashboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)


def family_page(view: F) -> F:
    view.for_families = True  # type: ignore[attr-defined]
    return view


def for_families(view: Callable | None) -> bool:
    return bool(getattr(view, "for_families", False))
