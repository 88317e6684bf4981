"""Generated plan documents as multipart file fields, made once per test session."""

from __future__ import annotations

import functools

from qa_audit.synthetic import generate_plan

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@functools.cache
def plan_files(count: int) -> list[tuple[str, bytes, str]]:
    """``count`` distinct plans as (file name, content, type)."""
    return [
        (f"plan-{seed}.docx", generate_plan(seed, "headed", "docx").data, DOCX)
        for seed in range(100, 100 + count)
    ]
