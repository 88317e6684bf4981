"""Open a .docx zip with bounds checked before anything is unpacked (zip bombs).

Only stored and deflated parts are read (all Word writes): Python's zipfile unpacks a bzip2 or
LZMA part in one call however large it comes out, so no streaming bound could hold for them,
while deflate unpacks no more than is asked for at a time.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from qa_audit.errors import BadDocument

from .limits import DocumentLimits, megabytes

CHUNK = 1024 * 1024
METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


class SafeZip:
    """A zip whose declared sizes, entry count and compression ratios passed the limits.
    ``what`` and ``unusual_packing`` name it in the messages (a subclass for other zips)."""

    what = "The Word document"
    unusual_packing = (
        "The Word document is packed in a way Word never uses, so it was not opened. "
        "Save it again in Word and re-upload it."
    )

    def __init__(self, data: bytes, limits: DocumentLimits) -> None:
        self._limits = limits
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as err:
            raise BadDocument(self.damaged) from err
        self._check(infos)
        self._infos = {info.filename: info for info in infos}

    def _check(self, infos: list[zipfile.ZipInfo]) -> None:
        limits = self._limits
        if len(infos) > limits.max_zip_entries:
            raise BadDocument(
                f"{self.what} holds {len(infos)} parts; the limit is "
                f"{limits.max_zip_entries}. It may be damaged or unsafe."
            )
        total = sum(info.file_size for info in infos)
        if total > limits.max_uncompressed_bytes:
            raise BadDocument(
                f"{self.what} would unpack to {megabytes(total)}; the limit is "
                f"{megabytes(limits.max_uncompressed_bytes)}. It may be damaged or unsafe."
            )
        for info in infos:
            if info.compress_type not in METHODS:
                raise BadDocument(self.unusual_packing)
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > CHUNK and ratio > limits.max_compression_ratio:
                raise BadDocument(
                    f"{self.what} is compressed far more than a normal file "
                    "(a possible 'zip bomb'), so it was not opened."
                )

    @property
    def names(self) -> set[str]:
        return set(self._infos)

    def read(self, name: str) -> bytes | None:
        """The part's bytes, reading no more than its declared size (sizes can lie).

        Only XML parts are read, to be parsed, so a part past ``max_xml_bytes`` is refused.
        """
        info = self._infos.get(name)
        if info is None:
            return None
        if info.file_size > self._limits.max_xml_bytes:
            raise BadDocument(
                f"The Word document's text would unpack to {megabytes(info.file_size)}; the "
                f"limit is {megabytes(self._limits.max_xml_bytes)}. It may be damaged or unsafe."
            )
        return self._unpack(info, info.file_size, strict=True)

    def head(self, name: str, size: int) -> bytes:
        """At most the first ``size`` bytes of a part (empty when there is no such part)."""
        info = self._infos.get(name)
        return b"" if info is None else self._unpack(info, min(size, info.file_size), strict=False)

    def _unpack(self, info: zipfile.ZipInfo, limit: int, *, strict: bool) -> bytes:
        """Up to ``limit`` bytes of a part, a chunk at a time; with ``strict``, a part that
        unpacks to more than ``limit`` (more than it declared) is refused as damaged."""
        wanted = limit + 1 if strict else limit  # one byte more shows a part that lied
        parts: list[bytes] = []
        read = 0
        try:
            with self._zip.open(info) as stream:
                while read < wanted and (chunk := stream.read(min(CHUNK, wanted - read))):
                    read += len(chunk)
                    parts.append(chunk)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            ValueError,
            NotImplementedError,
        ) as err:
            raise BadDocument(self.damaged) from err
        if read > limit:
            raise BadDocument(self.damaged)
        return b"".join(parts)

    @property
    def damaged(self) -> str:
        return f"{self.what} is damaged and cannot be opened. Save it again and re-upload it."
