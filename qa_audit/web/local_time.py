"""Times shown to users: stored in UTC, shown on the local clock of English councils."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

DISPLAY_ZONE = ZoneInfo("Europe/London")


def clock_time(moment: datetime) -> str:
    """ "14:05" on the UK clock. Naive datetimes (SQLite) are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(DISPLAY_ZONE).strftime("%H:%M")


def epoch_ms(moment: datetime | None) -> int:
    """Milliseconds since 1970 (for scripts comparing with ``Date.now()``); 0 for no time."""
    if moment is None:
        return 0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)
