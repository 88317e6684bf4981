"""Render a Jinja template under ``templates/pdf/`` to PDF bytes with WeasyPrint.

The stylesheet is read from ``static/pdf/report.css`` and passed as a string, charts are inline
SVG, and the URL fetcher refuses every URL: a report never reads a local file or the network,
whatever ends up in its HTML.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, NoReturn

from flask import current_app, render_template
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

STYLESHEET = Path("pdf") / "report.css"
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # one line per page


class FetchRefused(ValueError):
    """Raised for any URL a report tries to load."""


class RefusingFetcher(URLFetcher):
    """WeasyPrint URL fetcher that loads nothing: no file://, no http(s), no other scheme."""

    def fetch(self, url: str, headers: Any = None) -> NoReturn:
        scheme = url.split(":", 1)[0].lower()
        raise FetchRefused(f"reports may not load external resources ({scheme}: URL refused)")


def report_css() -> str:
    static = Path(current_app.static_folder or "static")
    return (static / STYLESHEET).read_text(encoding="utf-8")


def render_pdf(template: str, **context: Any) -> bytes:
    """The template rendered with ``context`` as an A4 PDF."""
    html = render_template(template, **context)
    fetcher = RefusingFetcher()
    document = HTML(string=html, url_fetcher=fetcher, base_url=None)
    return document.write_pdf(stylesheets=[CSS(string=report_css(), url_fetcher=fetcher)])
