"""Read each document in a child process of its own, with a memory and a time limit, so that one
hostile file can never take a web worker or a command down with it.

Children come from a fork server (started once per process, with the readers imported): forking
a threaded web worker itself could copy a lock another thread holds. A child is limited in
address space (``RLIMIT_AS``), so a decompression bomb inside a PDF stops when it reaches the
limit instead of taking the machine's memory; a child that runs past the time limit is killed,
whatever library call it is in. At most :data:`CHILDREN` read at once in each process.
"""

from __future__ import annotations

import multiprocessing
import re
import resource
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from qa_audit.errors import BadDocument

CHILDREN = 2
GRACE_SECONDS = 2.0  # for the child to start and to send its answer back
TOO_SLOW = "The document took too long to read. Try saving it again as a smaller file."
TOO_BIG = (
    "The document needs far more memory to read than a plan does, so it was not read. "
    "It may be damaged or unsafe; try saving it again."
)

_CONTEXT = multiprocessing.get_context("forkserver")
# As multiprocessing does for every child, a child of a process started as a script (not with
# ``python -m``) runs that script's imports again: cheap for the app's commands and servers,
# whose modules the fork server already holds; the benchmarks run as modules for that reason.
_CONTEXT.set_forkserver_preload(["qa_audit.documents.reader"])
_SLOTS = threading.BoundedSemaphore(CHILDREN)


def run_isolated(
    function: Callable[..., Any], *args: Any, memory_bytes: int, seconds: float
) -> tuple[Any, float | None]:
    """``function(*args)`` in a child limited to ``memory_bytes`` and ``seconds``.

    Returns what it returned, or the ``BadDocument`` it raised (returned, not raised, so that a
    caller can still read the second item), and the child's peak resident memory in MB (None
    when the child was stopped by a limit). A stopped child becomes a ``BadDocument``."""
    with _SLOTS:
        receiver, sender = _CONTEXT.Pipe(duplex=False)
        child = _CONTEXT.Process(
            target=_child, args=(sender, memory_bytes, function, args), daemon=True
        )
        child.start()
        sender.close()
        try:
            if not receiver.poll(seconds + GRACE_SECONDS):
                return BadDocument(TOO_SLOW), None
            status, value, peak = receiver.recv()
        except EOFError:  # it died without answering: past its memory limit
            return BadDocument(TOO_BIG), None
        finally:
            receiver.close()
            child.join(timeout=GRACE_SECONDS)
            if child.is_alive():
                child.kill()
                child.join()
    return (value if status == "ok" else BadDocument(value)), peak


def _child(
    sender: Connection, memory_bytes: int, function: Callable[..., Any], args: tuple
) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        answer: tuple[str, Any] = ("ok", function(*args))
    except BadDocument as error:
        answer = ("refused", str(error))
    except MemoryError:
        answer = ("refused", TOO_BIG)
    sender.send((*answer, _peak_mb()))
    sender.close()


def _peak_mb() -> float:
    status = Path("/proc/self/status").read_text()
    found = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else 0.0
