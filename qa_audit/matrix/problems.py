"""Collect every problem found in a matrix, then report them all at once as a MatrixError."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from qa_audit.errors import MatrixError
from qa_audit.matrix.locator import PathPart, locate

LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")  # where str.splitlines splits


@dataclass(frozen=True)
class Problem:
    path: tuple[PathPart, ...]  # where in the data, for finding the line
    where: str  # plain-English owner, e.g. "criterion 'smart-outcomes'"
    message: str


@dataclass
class Problems:
    source_name: str
    text: str | None = None  # source text, when lines can be located
    found: list[Problem] = field(default_factory=list)

    def add(self, path: Sequence[PathPart], where: str, message: str) -> None:
        self.found.append(Problem(tuple(path), where, message))

    def lines(self) -> list[str]:
        """One message per problem, in file order (problems without a line first)."""
        located = [(self._line(problem), problem) for problem in self.found]
        located.sort(key=lambda pair: pair[0] or 0)
        return [self._format(problem, line) for line, problem in located]

    def raise_if_any(self) -> None:
        if self.found:
            raise MatrixError("\n".join(self.lines()))

    def _line(self, problem: Problem) -> int | None:
        return locate(self.text, problem.path) if self.text is not None else None

    def _format(self, problem: Problem, line: int | None) -> str:
        parts = [self.source_name]
        if line is not None:
            parts.append(f"line {line}")
        if problem.where:
            parts.append(problem.where)
        return _one_line(f"{', '.join(parts)}: {problem.message}")


def _one_line(text: str) -> str:
    """``text`` with line breaks written as escapes: values quoted from the file may hold them,
    and the report must stay one problem per line."""
    return "".join(repr(ch)[1:-1] if ch in LINE_BREAKS else ch for ch in text)
