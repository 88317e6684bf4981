"""Open a .docx zip with bounds checked before anything is unpacked (zip bombs)."""

from __future__ import annotations

import io
import zipfile
import zlib

from qa_audit.errors import BadDocument

from .limits import DocumentLimits, megabytes

CHUNK = 1024 * 1024
DAMAGED = "The Word document is damaged and cannot be opened. Save it again and re-upload it."


class SafeZip:
    """A zip whose declared sizes, entry count and compression ratios passed the limits."""

    def __init__(self, data: bytes, limits: DocumentLimits) -> None:
        self._limits = limits
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as err:
            raise BadDocument(DAMAGED) from err
        self._check(infos)
        self._infos = {info.filename: info for info in infos}

    def _check(self, infos: list[zipfile.ZipInfo]) -> None:
        limits = self._limits
        if len(infos) > limits.max_zip_entries:
            raise BadDocument(
                f"The Word document holds {len(infos)} parts; the limit is "
                f"{limits.max_zip_entries}. It may be damaged or unsafe."
            )
        total = sum(info.file_size for info in infos)
        if total > limits.max_uncompressed_bytes:
            raise BadDocument(
                f"The Word document would unpack to {megabytes(total)}; the limit is "
                f"{megabytes(limits.max_uncompressed_bytes)}. It may be damaged or unsafe."
            )
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > CHUNK and ratio > limits.max_compression_ratio:
                raise BadDocument(
                    "The Word document is compressed far more than a normal document "
                    "(a possible 'zip bomb'), so it was not opened."
                )

    def read(self, name: str) -> bytes | None:
        """The part's bytes, reading no more than its declared size (sizes can lie).

        Only XML parts are read, to be parsed, so a part past ``max_xml_bytes`` is refused.
        """
        info = self._infos.get(name)
        if info is None:
            return None
        limit = info.file_size
        if limit > self._limits.max_xml_bytes:
            raise BadDocument(
                f"The Word document's text would unpack to {megabytes(limit)}; the limit is "
                f"{megabytes(self._limits.max_xml_bytes)}. It may be damaged or unsafe."
            )
        parts: list[bytes] = []
        read = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    read += len(chunk)
                    if read > limit:
                        raise BadDocument(DAMAGED)
                    parts.append(chunk)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            ValueError,
            NotImplementedError,
        ) as err:
            raise BadDocument(DAMAGED) from err
        return b"".join(parts)
