"""Coverage-guided fuzzing of the document reader with atheris (libFuzzer), for long local runs;
CI runs the Hypothesis tests instead (tests/hostile/test_document_fuzz.py).

    .venv/bin/pip install -e ".[test,fuzz]"
    .venv/bin/python -m tests.hostile.fuzz_documents CORPUS_DIR -max_total_time=600

``CORPUS_DIR`` is seeded with the synthetic plans (Word and PDF) and keeps every input that
reached new code. The first input byte picks the file name the upload claims. A finding is any
input for which ``read_safely`` fails: an error other than BadDocument, the catch-all for
unexpected errors, or reading past the time limit; libFuzzer saves it as ``crash-*``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["qa_audit.documents"]):
    from tests.hostile.document_strategies import DOCX_PLANS, PDF_PLANS
    from tests.hostile.reading import read_safely

NAMES = ("EHCP Jane Doe.docx", "EHCP Jane Doe.pdf", "EHCP Jane Doe.docm", "EHCP Jane Doe")


def one_input(data: bytes) -> None:
    if data:
        read_safely(data[1:], NAMES[data[0] % len(NAMES)])


def seed(corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for number, plan in enumerate([*DOCX_PLANS, *PDF_PLANS]):
        (corpus / f"seed-{number}").write_bytes(bytes([number % len(NAMES)]) + plan)


def main(arguments: list[str]) -> None:
    folders = [argument for argument in arguments[1:] if not argument.startswith("-")]
    for folder in folders[:1]:
        seed(Path(folder))
    atheris.Setup(arguments, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
