"""A .zip archive of advice documents, opened with the bounds a Word document gets (entry
count, unpacked size, compression ratio, packing; :class:`~qa_audit.documents.safe_zip.SafeZip`)
and read one file at a time. Paths that climb out of the archive, absolute paths and archives
inside it are refused: the files are read, never written out."""

from __future__ import annotations

from pathlib import PurePosixPath

from qa_audit.documents.limits import DocumentLimits, megabytes
from qa_audit.documents.safe_zip import SafeZip
from qa_audit.errors import BadDocument

ARCHIVE_SUFFIXES = frozenset({".zip", ".7z", ".rar", ".tar", ".gz", ".tgz", ".bz2", ".xz"})
ZIP_SIGNATURE = b"PK\x03\x04"


class AdviceArchive(SafeZip):
    """The archive's files by their own name (folders inside it are only a way to group them)."""

    what = "The zip archive"
    unusual_packing = (
        "The zip archive is packed with a method other than the usual one (deflate), so it was "
        "not opened. Make it again with your computer's ordinary 'compress' or 'send to zip'."
    )

    def __init__(self, data: bytes, limits: DocumentLimits) -> None:
        super().__init__(data, limits)
        self.files: dict[str, str] = {}  # file name -> its path in the archive
        for member in sorted(self.names):
            if member.endswith("/"):
                continue  # a folder
            name = _checked(member)
            if name in self.files:
                raise BadDocument(
                    f"The zip archive holds two files named {name}; give each a different name."
                )
            self.files[name] = member

    def file(self, name: str) -> bytes:
        """The named file's bytes, no larger than one upload may be; a file that is itself
        an archive is refused."""
        member = self.files[name]
        info = self._infos[member]
        if info.file_size > self._limits.max_bytes:
            raise BadDocument(
                f"{name} is {megabytes(info.file_size)} unpacked; the limit for one document "
                f"is {megabytes(self._limits.max_bytes)}."
            )
        data = self._unpack(info, info.file_size, strict=True)
        if data.startswith(ZIP_SIGNATURE) and PurePosixPath(name).suffix.lower() != ".docx":
            raise BadDocument(_NESTED.format(name=name))
        return data


_NESTED = (
    "{name} is an archive inside the archive; unpack it and put its documents in the zip "
    "archive itself."
)


def _checked(member: str) -> str:
    """The base name of a member whose path stays inside the archive."""
    path = PurePosixPath(member.replace("\\", "/"))
    drive = bool(path.parts) and ":" in path.parts[0]
    if path.is_absolute() or ".." in path.parts or drive:
        raise BadDocument(
            f"The zip archive holds {member}, a path outside the archive; it was not opened."
        )
    if path.suffix.lower() in ARCHIVE_SUFFIXES:
        raise BadDocument(_NESTED.format(name=path.name))
    return path.name
