"""A real small filesystem (tmpfs) for full-disk tests, rather than a patched ``os.write``."""

from __future__ import annotations

import contextlib
import errno
import subprocess
from collections.abc import Iterator
from pathlib import Path


class CannotMount(Exception):
    pass


@contextlib.contextmanager
def mounted_tmpfs(folder: Path, megabytes: int) -> Iterator[None]:
    folder.mkdir(exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m,mode=0700", "qa-audit-test", folder],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        raise CannotMount(f"cannot mount a small filesystem: {mounted.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["umount", "--lazy", folder], check=True)


def fill(disk: Path) -> Path:
    """Write to ``disk`` until the filesystem refuses with ENOSPC; returns the filler file."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as stream:
        try:
            while True:
                stream.write(b"\0" * 65536)
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise
    return filler
