"""Times shown to users: stored in UTC, shown on the local clock of English councils."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from qa_audit.models._base import as_utc

DISPLAY_ZONE = ZoneInfo("Europe/London")


def clock_time(moment: datetime) -> str:
    """ "14:05" on the UK clock."""
    return as_utc(moment).astimezone(DISPLAY_ZONE).strftime("%H:%M")


def day_and_clock(moment: datetime) -> str:
    """ "5 December 2026, 14:05" on the UK clock."""
    return as_utc(moment).astimezone(DISPLAY_ZONE).strftime("%-d %B %Y, %H:%M")


def epoch_ms(moment: datetime | None) -> int:
    """Milliseconds since 1970 (for scripts comparing with ``Date.now()``); 0 for no time."""
    return int(as_utc(moment).timestamp() * 1000) if moment else 0


def age_in_words(span: timedelta) -> str:
    """ "40 minutes", "21 hours", "3 days": how long ago, to the unit that matters."""
    minutes = max(int(span.total_seconds() // 60), 0)
    if minutes < 120:
        return f"{minutes} minute{'' if minutes == 1 else 's'}"
    if minutes < 48 * 60:
        return f"{minutes // 60} hours"
    return f"{minutes // (24 * 60)} days"
