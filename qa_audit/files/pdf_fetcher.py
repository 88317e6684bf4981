"""The URL fetcher every PDF is rendered with: it loads nothing.

No file://, no http(s), no other scheme: a report or feedback sheet never reads a local file or
the network, whatever ends up in its HTML. Kept apart from :mod:`qa_audit.files.pdf` because
subclassing WeasyPrint's fetcher imports WeasyPrint, which takes about half a second.
"""

from __future__ import annotations

from typing import Any, NoReturn

from weasyprint.urls import URLFetcher


class FetchRefused(ValueError):
    """Raised for any URL a report tries to load."""


class RefusingFetcher(URLFetcher):
    """WeasyPrint URL fetcher that refuses every URL."""

    def fetch(self, url: str, headers: Any = None) -> NoReturn:
        scheme = url.split(":", 1)[0].lower()
        raise FetchRefused(f"reports may not load external resources ({scheme}: URL refused)")
