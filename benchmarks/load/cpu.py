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
    parts: dict[str, float]  # name -> CPU seconds of a process and its descendants
    generator: float
    machine: float

    @classmethod
    def now(cls, processes: dict[str, int]) -> CpuReading:
        """Read the CPU used so far by each named process tree (name -> pid), by this process
        (the load generator) and by the whole machine."""
        return cls(
            wall=time.perf_counter(),
            parts={
                name: sum(_process_seconds(member) for member in _tree(pid))
                for name, pid in processes.items()
            },
            generator=time.process_time(),
            machine=_machine_busy_seconds(),
        )

    def since(self, start: CpuReading) -> dict[str, float]:
        """CPU seconds used between ``start`` and this reading, and the cores there were."""
        parts = {name: self.parts[name] - start.parts[name] for name in self.parts}
        generator = self.generator - start.generator
        other = self.machine - start.machine - sum(parts.values()) - generator
        return {
            "wall": round(self.wall - start.wall, 2),
            "cores": os.cpu_count() or 1,
            **{name: round(seconds, 2) for name, seconds in parts.items()},
            "load generator": round(generator, 2),
            "other processes": round(other, 2),
        }
