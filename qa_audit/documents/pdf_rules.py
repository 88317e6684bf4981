"""Table cells from the ruling lines drawn on a PDF page.

Word and most PDF writers draw table borders either as one rectangle per cell or as separate line
segments. Both are reduced to horizontal and vertical edges; edges that touch form a grid, and
grid squares not separated by an edge are merged into one cell (merged cells).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c

from .limits import Deadline
from .pdf_layout import SNAP, Box

THIN = 2.5  # points: a filled rectangle thinner than this is a drawn line
MIN_EDGE = 6.0
MAX_EDGES = 3000  # grouping is quadratic; plan tables need far fewer lines than this
MAX_SEGMENTS = 20_000  # path points read per page; a page of tables has a few thousand at most


@dataclass(frozen=True)
class Edge:
    horizontal: bool
    at: float  # y of a horizontal edge, x of a vertical one
    start: float
    end: float

    def covers(self, position: float) -> bool:
        return self.start - SNAP <= position <= self.end + SNAP


def page_edges(page: pypdfium2.PdfPage, deadline: Deadline) -> list[Edge] | None:
    """Horizontal and vertical edges drawn on the page, or None for a drawing: past MAX_EDGES
    edges or MAX_SEGMENTS path points (counted before they are read)."""
    edges: list[Edge] = []
    segments = 0
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
        deadline.check()
        count = pdfium_c.FPDFPath_CountSegments(obj.raw)
        segments += max(count, 1)
        if len(edges) > MAX_EDGES or segments > MAX_SEGMENTS:
            return None
        left, bottom, right, top = obj.get_bounds()
        if right - left < THIN or top - bottom < THIN:  # a line drawn as a thin rectangle
            edges += _segment(left, bottom, right, top)
            continue
        matrix = obj.get_matrix()
        points: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for index in range(count):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, index)
            pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
            point = matrix.on_point(x.value, y.value)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO and points:
                edges += _segment(*points[-1], *point)
            points.append(point)
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                edges += _segment(*point, *start)
    return edges


def _segment(x0: float, y0: float, x1: float, y1: float) -> list[Edge]:
    if abs(y1 - y0) <= THIN and abs(x1 - x0) >= MIN_EDGE:
        return [Edge(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1))]
    if abs(x1 - x0) <= THIN and abs(y1 - y0) >= MIN_EDGE:
        return [Edge(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1))]
    return []


def _touch(a: Edge, b: Edge) -> bool:
    if a.horizontal == b.horizontal:
        return abs(a.at - b.at) <= SNAP and a.start <= b.end + SNAP and b.start <= a.end + SNAP
    h, v = (a, b) if a.horizontal else (b, a)
    return h.covers(v.at) and v.covers(h.at)


def _groups(edges: list[Edge], deadline: Deadline) -> list[list[Edge]]:
    """Edges that touch, directly or through others (union-find)."""
    parent = list(range(len(edges)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(edges):
        deadline.check()
        for j in range(i + 1, len(edges)):
            if _touch(a, edges[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[Edge]] = {}
    for i, edge in enumerate(edges):
        groups.setdefault(root(i), []).append(edge)
    return list(groups.values())


def _snapped(values: list[float]) -> list[float]:
    result: list[float] = []
    for value in sorted(values):
        if not result or value - result[-1] > SNAP:
            result.append(value)
    return result


def _has_edge(edges: list[Edge], horizontal: bool, at: float, middle: float) -> bool:
    return any(
        e.horizontal == horizontal and abs(e.at - at) <= SNAP and e.covers(middle) for e in edges
    )


def grid_cells(edges: list[Edge], deadline: Deadline) -> list[Box]:
    """Cell boxes for one group of touching edges (merged squares joined)."""
    horizontal = [e for e in edges if e.horizontal]
    vertical = [e for e in edges if not e.horizontal]
    if not horizontal or not vertical:
        return []
    # Tables ruled only inside (no outer frame) end where their lines end.
    xs = _snapped(
        [e.at for e in vertical] + [e.start for e in horizontal] + [e.end for e in horizontal]
    )
    ys = sorted(
        _snapped(
            [e.at for e in horizontal] + [e.start for e in vertical] + [e.end for e in vertical]
        ),
        reverse=True,
    )
    if len(xs) < 2 or len(ys) < 2:
        return []
    taken: set[tuple[int, int]] = set()
    cells: list[Box] = []
    for row in range(len(ys) - 1):
        for col in range(len(xs) - 1):
            deadline.check()
            if (row, col) in taken:
                continue
            middle_y = (ys[row] + ys[row + 1]) / 2
            last_col = col
            while last_col + 1 < len(xs) - 1 and not _has_edge(
                edges, False, xs[last_col + 1], middle_y
            ):
                last_col += 1
            middle_x = (xs[col] + xs[last_col + 1]) / 2
            last_row = row
            while last_row + 1 < len(ys) - 1 and not _has_edge(
                edges, True, ys[last_row + 1], middle_x
            ):
                last_row += 1
            taken |= {(r, c) for r in range(row, last_row + 1) for c in range(col, last_col + 1)}
            cells.append(Box(xs[col], ys[last_row + 1], xs[last_col + 1], ys[row]))
    return cells


def ruled_cells(page: pypdfium2.PdfPage, deadline: Deadline) -> list[Box]:
    """Cells of the ruled tables on a page; none on a page of drawings (too many lines)."""
    edges = page_edges(page, deadline)
    if edges is None:
        return []
    cells: list[Box] = []
    for group in _groups(edges, deadline):
        cells += grid_cells(group, deadline)
    return cells
