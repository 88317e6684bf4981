"""Ids in URLs are database ids: a number no id column can hold is "not found", not an error
from the database (SQLite refuses integers past 64 bits, PostgreSQL past 32 for INTEGER)."""

from __future__ import annotations

from werkzeug.routing import IntegerConverter, Map

MAX_ID = 2**31 - 1  # primary keys are INTEGER columns: 32-bit on PostgreSQL


class DatabaseIdConverter(IntegerConverter):
    """``<int:...>`` in every route: matches only numbers an id column can hold."""

    def __init__(
        self,
        map: Map,
        fixed_digits: int = 0,
        min: int | None = None,
        max: int | None = None,
        signed: bool = False,
    ) -> None:
        super().__init__(map, fixed_digits, min, MAX_ID if max is None else max, signed)


def database_id(value: str | None) -> int | None:
    """A query-string value as an id, or None when it cannot be one."""
    if value is None or not (value.isascii() and value.isdecimal()) or len(value) > 10:
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None
