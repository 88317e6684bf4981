"""Reading a hostile file takes bounded memory: measured as the rise in peak resident memory
of the process that reads each file, and of the process that asked for it
(``tests/hostile/peak_memory.py``, run as a separate process).

A Word document at the XML tag limit (the costliest file the limits let through) takes about
210 MB; it needs some 20 s to read, so it runs only in the long run (``HYPOTHESIS_PROFILE=long``)
with the dense-grid PDF, which is read for the whole 30 s time limit. CI reads a document at a
fifth of the tag limit instead, which must take at most a fifth of the bound.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.peak_memory import LONG_CASES

BOUND_MB = 300
CALLER_BOUND_MB = 60
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc")
def test_peak_memory_of_reading_hostile_files_is_bounded() -> None:
    long_run = os.environ.get("HYPOTHESIS_PROFILE") == "long"
    probe = subprocess.run(
        [sys.executable, "-m", "tests.hostile.peak_memory", *(["--long"] if long_run else [])],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    measured = json.loads(probe.stdout)
    print(measured)
    rise, caller = measured["reader"], measured["caller"]
    assert "zip_bomb_ratio" in rise and (set(LONG_CASES) <= set(rise)) == long_run
    assert max(rise.values()) <= BOUND_MB, rise
    assert rise["tags_at_a_fifth_of_the_limit"] <= BOUND_MB / 5, rise
    # The caller holds the file and the reading it gets back, nothing of the reading's cost.
    assert max(caller.values()) <= CALLER_BOUND_MB, caller
