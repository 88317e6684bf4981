"""A small line chart as inline SVG: share per term with its interval and the target line.

Plain SVG (no script, no external files), so it renders the same in the browser and in the PDF.
The chart carries a text alternative; the report always prints the same data as a table too.
"""

from __future__ import annotations

from typing import Protocol
from xml.sax.saxutils import escape

from markupsafe import Markup

from qa_audit.reports.shares import Share, percent


class Target(Protocol):
    target: float


class ChartSeries(Protocol):
    """What a chart needs of a series: a matrix measure's trend or a family measure's."""

    @property
    def title(self) -> str: ...

    measure: Target
    terms: tuple[str, ...]
    shares: tuple[Share, ...]


WIDTH, HEIGHT = 640, 230
LEFT, RIGHT, TOP, BOTTOM = 44, 76, 14, 42
INK, MUTED, TARGET, GRID = "#0b0c0c", "#505a5f", "#d4351c", "#d8dadb"


def _y(value: float) -> float:
    return TOP + (1 - value) * (HEIGHT - TOP - BOTTOM)


def _x(index: int, count: int) -> float:
    inner = WIDTH - LEFT - RIGHT
    return LEFT + inner * (index + 0.5) / count


def line_chart(series: ChartSeries, chart_id: str) -> Markup:
    """The series as an accessible SVG; ``chart_id`` must be unique on the page."""
    count = len(series.terms)
    parts = [_grid(), _target(series.measure.target)]
    path: list[str] = []
    for index, share in enumerate(series.shares):
        x = _x(index, count)
        parts.append(_text(x, HEIGHT - BOTTOM + 16, series.terms[index], MUTED, "middle"))
        parts.append(_text(x, HEIGHT - BOTTOM + 30, f"n={share.n}", MUTED, "middle"))
        if share.value is None or share.interval is None:
            if len(path) > 1:
                parts.append(_polyline(path))
            path = []
            continue
        low, high = share.interval
        parts.append(_line(x, _y(low), x, _y(high), MUTED, 1.5))
        parts.append(f'<circle cx="{x:.1f}" cy="{_y(share.value):.1f}" r="4" fill="{INK}"/>')
        parts.append(_text(x + 7, _y(share.value) - 6, percent(share.value), INK, "start"))
        path.append(f"{x:.1f},{_y(share.value):.1f}")
    if len(path) > 1:
        parts.append(_polyline(path))
    title = escape(f"{series.title}: {_summary(series)}")
    # Every text in ``parts`` and ``title`` went through escape(); numbers are formatted floats.
    return Markup(  # noqa: S704
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'aria-labelledby="{chart_id}-title"><title id="{chart_id}-title">{title}</title>'
        f"{''.join(parts)}</svg>"
    )


def _summary(series: ChartSeries) -> str:
    points = [
        f"{term} {percent(share.value)} of {share.n}"
        for term, share in zip(series.terms, series.shares, strict=True)
    ]
    return f"target {percent(series.measure.target)}; " + "; ".join(points)


def _grid() -> str:
    lines = []
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        lines.append(_line(LEFT, _y(tick), WIDTH - RIGHT, _y(tick), GRID, 1))
        lines.append(_text(LEFT - 6, _y(tick) + 4, percent(tick), MUTED, "end"))
    return "".join(lines)


def _target(target: float) -> str:
    y = _y(target)
    return (
        f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="{TARGET}" '
        f'stroke-width="1.5" stroke-dasharray="6 4"/>'
        + _text(WIDTH - RIGHT + 6, y + 4, f"target {percent(target)}", TARGET, "start")
    )


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, width: float) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{colour}" stroke-width="{width}"/>'
    )


def _polyline(points: list[str]) -> str:
    return f'<polyline points="{" ".join(points)}" fill="none" stroke="{INK}" stroke-width="2"/>'


def _text(x: float, y: float, text: str, colour: str, anchor: str) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" fill="{colour}" font-size="11" '
        f'text-anchor="{anchor}">{escape(text)}</text>'
    )
