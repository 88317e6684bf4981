"""Render a Jinja template under ``templates/pdf/`` to PDF bytes with WeasyPrint.

The stylesheet is read from ``static/pdf/report.css`` and passed as a string, charts are inline
SVG, and every URL is refused (:mod:`qa_audit.files.pdf_fetcher`).

WeasyPrint is imported on the first PDF rather than when the app starts: the import takes about
half a second, paid otherwise by every web worker and every CLI command.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import current_app, render_template

STYLESHEET = Path("pdf") / "report.css"
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # one line per page


def report_css() -> str:
    static = Path(current_app.static_folder or "static")
    return (static / STYLESHEET).read_text(encoding="utf-8")


def render_pdf(template: str, **context: Any) -> bytes:
    """The template rendered with ``context`` as an A4 PDF."""
    from weasyprint import CSS, HTML

    from qa_audit.files.pdf_fetcher import RefusingFetcher

    html = render_template(template, **context)
    fetcher = RefusingFetcher()
    document = HTML(string=html, url_fetcher=fetcher, base_url=None)
    return document.write_pdf(stylesheets=[CSS(string=report_css(), url_fetcher=fetcher)])
