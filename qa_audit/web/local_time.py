"""Times shown to users: stored in UTC, shown on the local clock of English councils."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

DISPLAY_ZONE = ZoneInfo("Europe/London")


def as_utc(moment: datetime) -> datetime:
    """SQLite gives stored times back without their zone; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def clock_time(moment: datetime) -> str:
    """ "14:05" on the UK clock."""
    return as_utc(moment).astimezone(DISPLAY_ZONE).strftime("%H:%M")


def epoch_ms(moment: datetime | None) -> int:
    """Milliseconds since 1970 (for scripts comparing with ``Date.now()``); 0 for no time."""
    return int(as_utc(moment).timestamp() * 1000) if moment else 0
