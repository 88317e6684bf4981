"""Small files that cost a reader far more than their size: each aims at one limit."""

from __future__ import annotations

import bz2
import io
import zipfile
import zlib

from fpdf import FPDF

from tests.hostile.document_strategies import word_document


def dense_grid_pdf(lines: int) -> bytes:
    """One page ruled with ``lines`` lines each way: a few kilobytes that once took minutes,
    because every square of the grid was treated as a table cell."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=8)
    pdf.add_page()
    pdf.set_line_width(0.1)
    for index in range(lines):
        pdf.line(10, 10 + index * 270 / lines, 200, 10 + index * 270 / lines)
        pdf.line(10 + index * 190 / lines, 10, 10 + index * 190 / lines, 280)
    pdf.text(20, 5, "Section A: Views, interests and aspirations")
    return bytes(pdf.output())


def empty_paragraphs_docx(count: int) -> bytes:
    """A Word document of ``count`` empty paragraphs: six bytes of XML, one tree node each."""
    return word_document("<w:p/>" * count)


def nested_controls_docx(depth: int) -> bytes:
    """Content controls nested ``depth`` deep around one paragraph."""
    opening = "<w:sdt><w:sdtContent>" * depth
    closing = "</w:sdtContent></w:sdt>" * depth
    return word_document(f"{opening}<w:p><w:r><w:t>Deep</w:t></w:r></w:p>{closing}")


def long_plan_body(items: int) -> str:
    """A headed plan with ``items`` needs, outcomes and provision items, each a list item."""

    def listed(text: str) -> str:
        return f"<w:p><w:pPr><w:numPr/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"

    def heading(text: str) -> str:
        return f"<w:p><w:pPr><w:outlineLvl w:val='0'/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"

    return "".join(
        [
            heading("Section B: Special educational needs"),
            *(listed(f"B{n % 90 + 1} Sam finds reading task {n} hard.") for n in range(items)),
            heading("Section E: Outcomes"),
            *(listed(f"By July 2027, Sam will read list {n} (links to B2).") for n in range(items)),
            heading("Section F: Special educational provision"),
            *(
                listed(f"Weekly reading session {n} with a teaching assistant.")
                for n in range(items)
            ),
        ]
    )


def _compressed(compressor, size: int, fill: bytes = b"\0") -> bytes:
    """``size`` bytes of ``fill`` compressed in pieces, never holding them all at once."""
    piece = fill * (16 * 1024 * 1024 // len(fill))
    parts = []
    for start in range(0, size, len(piece)):
        parts.append(compressor.compress(piece[: size - start]))
    parts.append(compressor.flush())
    return b"".join(parts)


def content_types_bomb_docx(method: int, unpacked: int, *, declared: int | None = None) -> bytes:
    """A Word document whose ``[Content_Types].xml`` unpacks to ``unpacked`` bytes with
    ``method`` (bzip2 or deflate). ``declared`` patches the size its zip headers claim (a lying
    archive); by default they tell the truth."""
    bzip2 = method == zipfile.ZIP_BZIP2
    compressor = bz2.BZ2Compressor(9) if bzip2 else zlib.compressobj(9, zlib.DEFLATED, -15)
    body = _compressed(compressor, unpacked, b" ")
    plan = word_document("<w:p><w:r><w:t>Section E: Outcomes</w:t></w:r></w:p>")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plan)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename != "[Content_Types].xml":
                target.writestr(item, source.read(item))
        entry = zipfile.ZipInfo("[Content_Types].xml")
        entry.compress_type = method
        # Written raw: the archive's record says what was compressed; the body is already so.
        entry.file_size = unpacked if declared is None else declared
        entry.compress_size = len(body)
        entry.CRC = 0
        entry.header_offset = target.fp.tell()
        target.fp.write(entry.FileHeader(zip64=False))
        target.fp.write(body)
        target.filelist.append(entry)
        target.NameToInfo[entry.filename] = entry
        target.start_dir = target.fp.tell()
    return out.getvalue()


def _raw_pdf(content: bytes, filters: str) -> bytes:
    """A one-page PDF whose page content stream is ``content``, written as given."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        f"<< /Length {len(content)} {filters}>>\nstream\n".encode() + content + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write(b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets))
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def stream_bomb_pdf(unpacked: int) -> bytes:
    """A PDF whose one content stream inflates to ``unpacked`` bytes of spaces."""
    return _raw_pdf(_compressed(zlib.compressobj(9), unpacked, b" "), "/Filter /FlateDecode ")


def path_segments_pdf(segments: int) -> bytes:
    """A PDF page holding one stroked path of ``segments`` line segments (a zig-zag)."""
    step = b"10 10 l 20 20 l "
    body = b"0 0 m " + step * (segments // 2) + b"S\n"
    return _raw_pdf(zlib.compress(body, 9), "/Filter /FlateDecode ")
