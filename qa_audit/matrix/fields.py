"""Typed readers for one raw TOML table: each returns a clean value or records a problem."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from qa_audit.matrix.locator import PathPart
from qa_audit.matrix.problems import Problems

_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


@dataclass
class TableReader:
    """Reads fields of ``table`` (found at ``path``), reporting problems as ``where``."""

    table: Mapping[str, Any]
    path: tuple[PathPart, ...]
    where: str
    problems: Problems

    def item(self, key: str, index: int, kind: str, name_field: str = "id") -> TableReader:
        """Reader for table number ``index`` of the array ``key``, named after its id."""
        raw = self.table[key][index]
        name = raw.get(name_field)
        where = (
            f"{kind} '{name}'" if isinstance(name, str) and name else f"{kind} number {index + 1}"
        )
        return TableReader(raw, (*self.path, key, index), where, self.problems)

    def problem(self, key: str | None, message: str) -> None:
        path = self.path if key is None else (*self.path, key)
        self.problems.add(path, self.where, message)

    def reject_unknown(self, allowed: set[str]) -> None:
        for key in self.table:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.problem(key, f"unknown field '{key}' (known fields: {known})")

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self.table.get(key)
        if value is None:
            if required:
                self.problem(None, f"'{key}' is missing")
            return default
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"'{key}' must be some text")
            return default
        return value.strip()

    def slug(self, key: str = "id") -> str:
        value = self.text(key)
        if value and not _SLUG.match(value):
            self.problem(
                key,
                f"'{key}' must be lower-case letters, digits, '-' or '_' (found '{value}')",
            )
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.table.get(key, default)
        if not isinstance(value, bool):
            self.problem(key, f"'{key}' must be true or false")
            return default
        return value

    def number(self, key: str, *, required: bool = True) -> float | None:
        value = self.table.get(key)
        if value is None:
            if required:
                self.problem(None, f"'{key}' is missing")
            return None
        # nan, inf and integers too large for a float pass TOML and JSON but are no use here
        if isinstance(value, bool) or not isinstance(value, int | float) or not _finite(value):
            self.problem(key, f"'{key}' must be a number")
            return None
        return float(value)

    def share(self, key: str, *, required: bool = True) -> float | None:
        """A proportion between 0 and 1 (0.85 means 85%)."""
        value = self.number(key, required=required)
        if value is not None and not 0 <= value <= 1:
            self.problem(
                key, f"'{key}' must be between 0 and 1, e.g. 0.85 for 85% (found {value:g})"
            )
            return None
        return value

    def text_list(self, key: str, *, allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(key, f'\'{key}\' must be a list of text values, e.g. ["A", "B"]')
            return ()
        clean = tuple(item.strip() for item in value)
        if allowed is not None:
            for item in clean:
                if item not in allowed:
                    self.problem(
                        key, f"'{key}' has unknown value '{item}' (allowed: {', '.join(allowed)})"
                    )
            clean = tuple(item for item in clean if item in allowed)
        return clean

    def tables(self, key: str, *, required: bool = True) -> list[Mapping[str, Any]]:
        """An array of tables such as ``[[criteria]]``; non-table items are reported."""
        value = self.table.get(key)
        header = ".".join([*(part for part in self.path if isinstance(part, str)), key])
        if value is None:
            if required:
                self.problem(None, f"'{key}' is missing: add at least one [[{header}]] table")
            return []
        if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
            self.problem(key, f"'{key}' must be written as [[{header}]] tables")
            return []
        return value

    def sub_table(self, key: str, *, required: bool = True) -> Mapping[str, Any]:
        value = self.table.get(key)
        if value is None:
            if required:
                self.problem(None, f"'{key}' is missing")
            return {}
        if not isinstance(value, Mapping):
            self.problem(key, f"'{key}' must be a table")
            return {}
        return value


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer beyond the largest float
        return False
