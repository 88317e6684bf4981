"""CPU seconds used by the server, the load generator and everything else on the machine, read
from /proc (Linux). On a shared machine other processes' CPU explains latency that is not the
server's own; the server's CPU per request is the figure that noise does not inflate."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _process_seconds(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:  # exited in between
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def _tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except FileNotFoundError:
        return [pid]
    return [pid, *(member for child in children for member in _tree(int(child)))]


def _machine_busy_seconds() -> float:
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle, iowait = values[3], values[4]
    return (sum(values[:8]) - idle - iowait) / TICKS


@dataclass(frozen=True)
class CpuReading:
    wall: float
    server: float
    generator: float
    machine: float

    @classmethod
    def now(cls, server_pid: int) -> CpuReading:
        return cls(
            wall=time.perf_counter(),
            server=sum(_process_seconds(pid) for pid in _tree(server_pid)),
            generator=time.process_time(),
            machine=_machine_busy_seconds(),
        )

    def since(self, start: CpuReading) -> dict[str, float]:
        """CPU seconds used between ``start`` and this reading, and the cores there were."""
        server = self.server - start.server
        generator = self.generator - start.generator
        return {
            "wall": round(self.wall - start.wall, 2),
            "cores": os.cpu_count() or 1,
            "server": round(server, 2),
            "load generator": round(generator, 2),
            "other processes": round(self.machine - start.machine - server - generator, 2),
        }
