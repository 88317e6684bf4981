"""``matrix`` command group: check QA matrix files before an area starts using them."""

from __future__ import annotations

from pathlib import Path

import click

from qa_audit.errors import MatrixError
from qa_audit.matrix.kinds import KIND_WORDS
from qa_audit.matrix.loading import load_matrix
from qa_audit.matrix.model import Matrix
from qa_audit.matrix.overall_rule import describe_rule
from qa_audit.matrix.serialise import matrix_hash


@click.group("matrix")
def matrix_group() -> None:
    """Work with QA matrix files."""


@matrix_group.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def check(files: tuple[Path, ...]) -> None:
    """Validate each matrix FILE and summarise it. Exits 1 if any file has problems."""
    failed = False
    for path in files:
        try:
            matrix = load_matrix(path)
        except MatrixError as err:
            failed = True
            click.echo(f"{path}: INVALID", err=True)
            for line in str(err).splitlines():
                click.echo(f"  {line}", err=True)
            continue
        click.echo(_summary(path, matrix))
    if failed:
        raise SystemExit(1)


def _summary(path: Path, matrix: Matrix) -> str:
    labels = " / ".join(grade.label for grade in matrix.scale.grades)
    measures = ", ".join(f"{m.id} (target {m.target:.0%})" for m in matrix.measures) or "none"
    key_count = sum(1 for c in matrix.criteria if c.key)
    domains = _plural(len(matrix.domains), "domain")
    judgement = ". ".join(filter(None, [matrix.judgement.mode, describe_rule(matrix)]))
    return "\n".join(
        [
            f"{path}: OK - {matrix.title} (id '{matrix.id}')",
            f"  scores: {KIND_WORDS[matrix.kind]}",
            f"  criteria: {len(matrix.criteria)} in {domains}, {key_count} key",
            f"  scale: {labels}; threshold: {matrix.scale.threshold_label}",
            f"  judgement: {judgement}",
            f"  measures: {measures}",
            f"  content hash: {matrix_hash(matrix)}",
        ]
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
