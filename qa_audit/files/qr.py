"""QR codes drawn here as inline SVG (for pages and for PDFs): nothing is fetched."""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_svg(text: str, scale: int = 5) -> Markup:
    """``text`` as a QR code (medium error correction), an inline SVG image."""
    svg = segno.make(text, error="m").svg_inline(scale=scale, border=4, svgclass="app-qr")
    # segno writes only paths and numbers; the text itself is not in the drawing.
    return Markup(  # noqa: S704
        svg.replace("<svg ", '<svg role="img" aria-label="QR code to scan" ', 1)
    )
