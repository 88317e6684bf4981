"""Times shown to users: stored in UTC, shown on the local clock of English councils."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from qa_audit.models._base import as_utc

DISPLAY_ZONE = ZoneInfo("Europe/London")


def clock_time(moment: datetime) -> str:
    """ "14:05" on the UK clock."""
    return as_utc(moment).astimezone(DISPLAY_ZONE).strftime("%H:%M")


def epoch_ms(moment: datetime | None) -> int:
    """Milliseconds since 1970 (for scripts comparing with ``Date.now()``); 0 for no time."""
    return int(as_utc(moment).timestamp() * 1000) if moment else 0
