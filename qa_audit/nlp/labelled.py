"""The hand-labelled statements in ``qa_audit/nlp/data`` that the pre-flags are measured against.

Each split is JSON Lines: ``{"text", "weak", "flags": [codes], "reference_date"?}``. The ``dev``
split is for tuning the rules; ``heldout`` was written before the rules and is only measured;
``review`` was written afterwards by a second author, in council wording, with the rules frozen,
and is only measured.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Literal

Split = Literal["dev", "heldout", "review"]
Kind = Literal["outcomes", "provision"]
SPLITS: tuple[Split, ...] = ("dev", "heldout", "review")


def load_records(kind: Kind, split: Split) -> list[dict]:
    path = resources.files("qa_audit.nlp") / "data" / f"{kind}_{split}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
