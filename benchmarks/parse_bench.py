"""Median parse time per plan against a bare-extraction baseline measured in the same run.

Run: ``python -m benchmarks.parse_bench`` (one core; plans are generated first).
Targets: under 0.2 s per 10,000-word .docx and under 1 s per 30-page PDF.
"""

from __future__ import annotations

import io
import statistics
import zipfile
from collections.abc import Callable

import pypdfium2
from lxml import etree

from benchmarks.timing import seconds
from qa_audit.documents import DocumentLimits, read_plan
from qa_audit.documents.reader import read_plan_here

DOCX_WORDS = 10_000
PDF_PAGES = 30
ROUNDS = 3


def bare_docx(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    "".join(root.itertext())


def bare_pdf(data: bytes) -> None:
    document = pypdfium2.PdfDocument(data)
    for page in document:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    document.close()


def pdf_with_pages(seed: int, layout: str, pages: int) -> bytes:
    from qa_audit.synthetic import generate_plan

    words = pages * 330
    while True:
        data = generate_plan(seed, layout, "pdf", words=words).data
        count = len(pypdfium2.PdfDocument(data))
        if count >= pages:
            return data
        words = int(words * pages / count) + 100


def median_time(documents: list[bytes], run: Callable[[bytes], object]) -> float:
    return statistics.median(seconds(run, data) for _ in range(ROUNDS) for data in documents)


def report(label: str, documents: list[bytes], filename: str, baseline, target: float) -> bool:
    """``read_plan`` (in a child process, as uploads are read) against the bare extraction, and
    the same reading in this process, which shows what the child process costs."""
    ours = median_time(documents, lambda data: read_plan(data, filename))
    here = median_time(documents, lambda data: read_plan_here(data, filename, DocumentLimits()))
    bare = median_time(documents, baseline)
    verdict = "OK" if ours < target else "OVER TARGET"
    print(
        f"{label:<28} read_plan {ours * 1000:7.1f} ms | in-process {here * 1000:7.1f} ms | "
        f"baseline {bare * 1000:7.1f} ms | ratio {ours / bare:5.1f}x | "
        f"target < {target * 1000:.0f} ms: {verdict}"
    )
    return ours < target


def main() -> None:
    # Imported here, not above: each child that reads a document runs this module's imports
    # again (multiprocessing's rule for the main module), and the generator is not needed there.
    from qa_audit.synthetic import LAYOUTS, generate_plan

    docx = [generate_plan(s, lay, "docx", words=DOCX_WORDS).data for s, lay in enumerate(LAYOUTS)]
    pdfs = [pdf_with_pages(s, layout, PDF_PAGES) for s, layout in enumerate(LAYOUTS)]
    pages = [len(pypdfium2.PdfDocument(data)) for data in pdfs]
    words = [read_plan(data, "plan.docx").word_count for data in docx]
    print(f"{len(docx)} .docx plans, {min(words)}-{max(words)} words; one per layout")
    print(f"{len(pdfs)} PDF plans, {min(pages)}-{max(pages)} pages; {ROUNDS} rounds each")
    ok = report(f".docx ({DOCX_WORDS:,} words)", docx, "plan.docx", bare_docx, 0.2)
    ok &= report(f"PDF ({PDF_PAGES} pages)", pdfs, "plan.pdf", bare_pdf, 1.0)
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
