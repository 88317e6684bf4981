"""Load test: simulated auditors and SEN managers against real gunicorn on SQLite or PostgreSQL.

Run: ``python -m benchmarks.load`` (or ``make load``); ``--help`` lists the settings.
"""

from benchmarks.load.run import LoadResult, LoadSettings, run_load

__all__ = ["LoadResult", "LoadSettings", "run_load"]
