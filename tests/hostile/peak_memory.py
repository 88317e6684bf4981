"""Peak memory taken by reading hostile files, measured in a process of its own.

``python -m tests.hostile.peak_memory [--long]`` prints a JSON object with two entries, each
giving for every case a number of MB:

- ``reader``: how far the reading process's peak resident memory rose above that of a process
  reading a one-page plan (each document is read in a child of its own; a child stopped at its
  memory limit counts as the whole limit);
- ``caller``: how far the calling process's peak rose (reset through ``/proc/self/clear_refs``
  before each file, so one process measures every case; Linux only).

``--long`` adds the two slow cases: a Word document at the XML tag limit (about 20 s) and the
dense-grid PDF, which is read for the whole 30 s time limit.
"""

from __future__ import annotations

import gc
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from qa_audit.documents import DocumentLimits
from qa_audit.documents.reader import read_plan_isolated
from qa_audit.synthetic import generate_plan
from tests.bad_files import bad_files
from tests.hostile.document_strategies import word_document
from tests.hostile.hostile_files import dense_grid_pdf, empty_paragraphs_docx, long_plan_body

LIMITS = DocumentLimits()
TAG_LIMIT = LIMITS.max_xml_tags
LONG_CASES = ("tags_at_the_limit", "dense_grid_pdf")
Case = Callable[[], tuple[bytes, str]]


def _cases() -> dict[str, Case]:
    bad = {name: (data, filename) for name, (data, filename, _) in bad_files().items()}
    cases: dict[str, Case] = {name: (lambda item=item: item) for name, item in bad.items()}
    cases |= {
        "dense_grid_pdf": lambda: (dense_grid_pdf(150), "plan.pdf"),  # read for the full 30 s
        "tags_over_the_limit": lambda: (empty_paragraphs_docx(TAG_LIMIT + 1), "plan.docx"),
        "tags_at_a_fifth_of_the_limit": lambda: (
            empty_paragraphs_docx(TAG_LIMIT // 5),
            "plan.docx",
        ),
        "tags_at_the_limit": lambda: (empty_paragraphs_docx(TAG_LIMIT - 10), "plan.docx"),
        "plan_with_8000_items": lambda: (word_document(long_plan_body(8000)), "plan.docx"),
    }
    return cases


def _status_mb(field: str) -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"{field}:\s+(\d+) kB", status).group(1)) / 1024


def peak_rise_mb(data: bytes, filename: str) -> tuple[float, float]:
    """The reading child's peak and the rise of this process's peak, in MB."""
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")  # peak := current resident size
    before = _status_mb("VmRSS")
    _, child_peak = read_plan_isolated(data, filename, LIMITS)
    if child_peak is None:  # stopped at its limit
        child_peak = LIMITS.max_memory_bytes / 1024 / 1024
    return child_peak, _status_mb("VmHWM") - before


def main(arguments: list[str]) -> None:
    cases = _cases()
    names = [name for name in cases if name not in LONG_CASES or "--long" in arguments]
    for fmt in ("docx", "pdf"):  # load every module before measuring
        plan = generate_plan(1, "area_tables", fmt)
        read_plan_isolated(plan.data, plan.filename, LIMITS)
    plan = generate_plan(1, "headed", "docx")
    baseline, _ = peak_rise_mb(plan.data, plan.filename)
    reader: dict[str, float] = {}
    caller: dict[str, float] = {}
    for name in names:
        child_peak, rise = peak_rise_mb(*cases[name]())
        reader[name] = round(child_peak - baseline, 1)
        caller[name] = round(rise, 1)
    print(json.dumps({"reader": reader, "caller": caller}))


if __name__ == "__main__":
    main(sys.argv[1:])
