"""Find the line of a field in TOML source text, so validation errors can point at it.

A path is the route into the parsed data, e.g. ``("criteria", 3, "descriptors", "good")``.
The locator splits the text into tables (``[scale]``, the fourth ``[[criteria]]``,
``[criteria.descriptors]`` under it...) and looks for the deepest table on the path, then for the
next key inside it. It understands the TOML this project's matrices use; anything it cannot place
falls back to the nearest enclosing table, or to no line at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

PathPart = str | int
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY_PART = r"""(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)"""
_KEY = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_MULTILINE_QUOTES = ('"""', "'''")


@dataclass
class _Table:
    path: tuple[PathPart, ...]
    line: int  # 1-based line of the header, 0 for the root table
    keys: dict[tuple[PathPart, ...], int] = field(default_factory=dict)  # dotted key -> line


def locate(text: str, path: Sequence[PathPart]) -> int | None:
    """1-based line of ``path`` in ``text``, or None when it cannot be placed."""
    tables = _tables(text)
    best: _Table | None = None
    for table in tables:
        depth = len(table.path)
        matches = tuple(path[:depth]) == table.path
        if matches and (best is None or depth > len(best.path)):
            best = table
    if best is None:
        return None
    rest = tuple(path[len(best.path) :])
    for length in range(len(rest), 0, -1):
        if rest[:length] in best.keys:
            return best.keys[rest[:length]]
    return best.line or None


def _tables(text: str) -> list[_Table]:
    root = _Table(path=(), line=0)
    tables = [root]
    current = root
    array_counts: dict[tuple[PathPart, ...], int] = {}
    open_quote: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if open_quote is not None:
            if line.count(open_quote) % 2 == 1:
                open_quote = None
            continue
        header = _HEADER.match(line)
        if header:
            is_array = header.group(1) == "[["
            current = _Table(
                path=_header_path(header.group(2), is_array, array_counts), line=number
            )
            tables.append(current)
            continue
        key = _KEY.match(line)
        if key:
            parts = _split_dotted(key.group(1))
            for length in range(1, len(parts) + 1):
                current.keys.setdefault(parts[:length], number)
        open_quote = _opens_multiline(line)
    return tables


def _header_path(
    dotted: str, is_array: bool, array_counts: dict[tuple[PathPart, ...], int]
) -> tuple[PathPart, ...]:
    parts = _split_dotted(dotted)
    path: tuple[PathPart, ...] = ()
    for position, part in enumerate(parts):
        path = (*path, part)
        last = position == len(parts) - 1
        if last and is_array:
            array_counts[path] = array_counts.get(path, 0) + 1
        if path in array_counts:
            path = (*path, array_counts[path] - 1)
    return path


def _split_dotted(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in dotted.split("."))


def _opens_multiline(line: str) -> str | None:
    for quote in _MULTILINE_QUOTES:
        if line.count(quote) % 2 == 1:
            return quote
    return None
