"""Uploads the reader must refuse, each with the message fragment it should give."""

from __future__ import annotations

import io
import struct
import zipfile

from fpdf import FPDF
from PIL import Image

from qa_audit.synthetic import generate_plan

SECTOR = 512
END_OF_CHAIN, FAT_SECTOR, FREE = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def cfb_container(streams: dict[str, bytes]) -> bytes:
    """A minimal compound file (the OLE container of legacy and encrypted Office files).

    Streams are padded to 4096 bytes so all live in ordinary sectors (no mini stream).
    """
    payloads = [data.ljust(max(4096, len(data)), b"\0") for data in streams.values()]
    sizes = [len(p) // SECTOR + (len(p) % SECTOR > 0) for p in payloads]
    directory_sectors = 1
    data_sectors = sum(sizes)
    fat_entries = [FAT_SECTOR]
    fat_entries += [END_OF_CHAIN]  # directory (sector 1)
    starts = []
    position = 2
    for size in sizes:
        starts.append(position)
        fat_entries += [position + i + 1 for i in range(size - 1)] + [END_OF_CHAIN]
        position += size
    fat_entries += [FREE] * (SECTOR // 4 - len(fat_entries))
    header = bytearray(SECTOR)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIII", header, 40, 0, 1, 1, 0, 4096, END_OF_CHAIN, 0)
    struct.pack_into("<II", header, 68, END_OF_CHAIN, 0)
    struct.pack_into("<I", header, 76, 0)
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, FREE)
    entries = [_entry("Root Entry", 5, END_OF_CHAIN, 0, child=1 if streams else FREE)]
    for index, (name, start, payload) in enumerate(zip(streams, starts, payloads, strict=True)):
        right = index + 2 if index + 1 < len(streams) else FREE
        entries.append(_entry(name, 2, start, len(payload), right=right))
    directory = b"".join(entries).ljust(SECTOR * directory_sectors, b"\0")
    fat = struct.pack(f"<{SECTOR // 4}I", *fat_entries[: SECTOR // 4])
    assert data_sectors + 2 <= SECTOR // 4
    return bytes(header) + fat + directory + b"".join(payloads)


def _entry(name: str, kind: int, start: int, size: int, child=FREE, right=FREE) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    entry = bytearray(128)
    entry[0 : len(encoded)] = encoded
    struct.pack_into("<HBB", entry, 64, len(encoded), kind, 1)
    struct.pack_into("<III", entry, 68, FREE, right, child)
    struct.pack_into("<IQ", entry, 116, start, size)
    return bytes(entry)


def _docx_with(extra: dict[str, bytes], replace: dict[str, bytes] | None = None) -> bytes:
    base = generate_plan(1, "headed", "docx").data
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = (replace or {}).get(item.filename, source.read(item.filename))
            target.writestr(item.filename, data)
        for name, data in extra.items():
            target.writestr(name, data)
    return out.getvalue()


def _declared_size_bomb() -> bytes:
    """A docx whose document part claims to unpack to 3 GB (sizes patched in the zip headers)."""
    data = bytearray(generate_plan(2, "headed", "docx").data)
    name = b"word/document.xml"
    for signature, size_offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while (found := data.find(signature, start)) >= 0:
            name_offset = found + (46 if signature == b"PK\x01\x02" else 30)
            if data[name_offset : name_offset + len(name)] == name:
                struct.pack_into("<I", data, found + size_offset, 3_000_000_000)
            start = found + 4
    return bytes(data)


def _ratio_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", b"<w:document>" + b" " * 20_000_000 + b"</w:document>"
        )
    return out.getvalue()


XML_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""


def _pdf(pages: int, image: bool = False) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for number in range(pages):
        pdf.add_page()
        if image:
            picture = Image.new("L", (400, 500), 255)
            picture.paste(0, (40, 40, 360, 60))
            pdf.image(picture, x=10, y=10, w=180)
        else:
            pdf.cell(0, 10, f"Page {number + 1}")
    return bytes(pdf.output())


def _encrypted_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 10, "Section A: Views, interests and aspirations")
    return bytes(pdf.output())


def _workbook() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 30, 30)).save(out, format="JPEG")
    return out.getvalue()


def bad_files() -> dict[str, tuple[bytes, str, str]]:
    """name -> (bytes, filename, fragment the error message must contain)."""
    plan = generate_plan(3, "headed", "docx").data
    return {
        "empty": (b"", "plan.docx", "is empty"),
        "jpeg_named_docx": (_jpeg(), "plan.docx", "is a JPEG image"),
        "plain_text": (b"Section A: Views\nSection B: Needs\n", "plan.pdf", "plain text"),
        "docm_by_name": (plan, "plan.docm", "without macros"),
        "docx_with_vba": (
            _docx_with({"word/vbaProject.bin": b"\0" * 64}),
            "plan.docx",
            "without macros",
        ),
        "encrypted_office": (
            cfb_container(
                {"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x01" * 64}
            ),
            "plan.docx",
            "password-protected",
        ),
        "legacy_doc": (
            cfb_container({"WordDocument": b"\xec\xa5" + b"\0" * 64}),
            "plan.doc",
            "Word 97-2003",
        ),
        "excel_named_docx": (_workbook(), "plan.docx", "is an Excel spreadsheet"),
        "corrupt_zip": (plan[: len(plan) // 2], "plan.docx", "damaged"),
        "zip_bomb_declared": (_declared_size_bomb(), "plan.docx", "would unpack to"),
        "zip_bomb_ratio": (_ratio_bomb(), "plan.docx", "zip bomb"),
        "xml_bomb": (_docx_with({}, {"word/document.xml": XML_BOMB}), "plan.docx", "unsafe XML"),
        "scanned_pdf": (_pdf(2, image=True), "plan.pdf", "This PDF has no text"),
        "too_many_pages": (_pdf(301), "plan.pdf", "301 pages"),
        "encrypted_pdf": (_encrypted_pdf(), "plan.pdf", "password-protected PDF"),
    }
