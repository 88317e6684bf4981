"""Decide what an uploaded file really is, from its bytes rather than its name."""

from __future__ import annotations

import codecs
from typing import Literal

import puremagic

from qa_audit.errors import BadDocument

from .limits import DocumentLimits
from .safe_zip import SafeZip

DocumentKind = Literal["docx", "pdf"]

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
MACRO_CONTENT_TYPE = b"macroEnabled"
CONTENT_TYPES_READ = 200_000  # bytes: where Word lists the macro part, if any

NAMED_TYPES = {
    ".jpg": "a JPEG image",
    ".jpeg": "a JPEG image",
    ".jfif": "a JPEG image",
    ".png": "a PNG image",
    ".gif": "a GIF image",
    ".tif": "a TIFF image",
    ".tiff": "a TIFF image",
    ".bmp": "a bitmap image",
    ".xlsx": "an Excel spreadsheet",
    ".xls": "an Excel spreadsheet",
    ".pptx": "a PowerPoint presentation",
    ".rtf": "a Rich Text file",
    ".odt": "an OpenDocument text file",
    ".html": "a web page",
    ".htm": "a web page",
    ".msg": "an Outlook message",
}
SUPPORTED = "Please upload the plan as a Word document (.docx) or a PDF."


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff(data: bytes, filename: str, limits: DocumentLimits | None = None) -> DocumentKind:
    """Return the real type of an upload, or raise ``BadDocument`` saying why it is refused.

    Messages say "The file", never its name: plan file names often carry the child's name.
    ``filename`` is only used for its extension. A zip is checked against ``limits`` before
    any of it is unpacked. Whether a PDF opens (a password) is for the PDF reader to find.
    """
    if not data:
        raise BadDocument("The file is empty (0 bytes). Please upload the plan again.")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(ZIP_SIGNATURES):
        return _sniff_zip(data, filename, limits or DocumentLimits())
    if data.startswith(OLE_SIGNATURE):
        raise BadDocument(_ole_message(data))
    raise BadDocument(
        f"The file is {_describe_other(data)}, not a Word or PDF document. {SUPPORTED}"
    )


def _sniff_zip(data: bytes, filename: str, limits: DocumentLimits) -> DocumentKind:
    archive = SafeZip(data, limits)  # refuses bombs before any part is unpacked
    names = archive.names
    content_types = archive.head("[Content_Types].xml", CONTENT_TYPES_READ)
    if "word/document.xml" in names:
        if (
            filename.lower().endswith((".docm", ".dotm"))
            or any(name.lower().endswith("vbaproject.bin") for name in names)
            or MACRO_CONTENT_TYPE in content_types
        ):
            raise BadDocument(
                "The file is a Word document with macros. Save it as a Word Document (.docx) "
                "without macros and upload it again."
            )
        return "docx"
    if "xl/workbook.xml" in names:
        kind = "an Excel spreadsheet"
    elif "ppt/presentation.xml" in names:
        kind = "a PowerPoint presentation"
    elif "mimetype" in names:
        kind = "an OpenDocument file"
    else:
        kind = "a zip archive"
    raise BadDocument(f"The file is {kind}, not a Word or PDF document. {SUPPORTED}")


def _ole_message(data: bytes) -> str:
    if _utf16("EncryptionInfo") in data or _utf16("EncryptedPackage") in data:
        return (
            "The file is password-protected. Remove the password in Word "
            "(File > Info > Protect Document) and upload it again."
        )
    if _utf16("WordDocument") in data:
        return (
            "The file is in the old Word 97-2003 (.doc) format. Open it in Word, "
            "save it as a Word Document (.docx) and upload that."
        )
    if _utf16("Workbook") in data:
        return f"The file is an Excel spreadsheet, not a Word or PDF document. {SUPPORTED}"
    return f"The file is an old-style Office file that cannot be read. {SUPPORTED}"


def _describe_other(data: bytes) -> str:
    try:
        extension = puremagic.from_string(data[:8192])
    except (puremagic.PureError, ValueError):
        extension = ""
    if extension.lower() in NAMED_TYPES:
        return NAMED_TYPES[extension.lower()]
    if _looks_like_text(data[:4096]):
        return "a plain text file"
    return "an unrecognised kind of file"


def _looks_like_text(sample: bytes) -> bool:
    try:  # incremental decoding tolerates a character cut off at the end of the sample
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return not any(byte < 9 for byte in sample)
