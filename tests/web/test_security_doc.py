"""SECURITY.md names the test that checks each control; a renamed or removed test must not leave
the document claiming a check that no longer runs."""

from __future__ import annotations

import ast
import re

from qa_audit.config import project_root

NAMED_TEST = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)`")


def test_every_test_named_in_security_md_exists():
    root = project_root()
    named = set(NAMED_TEST.findall((root / "SECURITY.md").read_text()))
    assert len(named) > 50
    missing = []
    for path, name in sorted(named):
        file = root / path
        tree = ast.parse(file.read_text()) if file.exists() else ast.Module(body=[])
        functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
        if name not in functions:
            missing.append(f"{path}::{name}")
    assert missing == []


ROLE_COLUMNS = ("admin", "qa_lead", "auditor", "sen_manager")
ACTION_ROW = re.compile(r"^\| `([a-z_]+(?:\.[a-z_]+)?)`[^|]*((?:\|[^|]*){4})\|\s*$", re.MULTILINE)


def test_the_role_table_in_security_md_matches_the_permission_table():
    from qa_audit.auth.permissions import PERMISSIONS

    text = (project_root() / "SECURITY.md").read_text()
    documented = {}
    for action, cells in ACTION_ROW.findall(text):
        allowed = [cell.strip() for cell in cells.strip("|").split("|")]
        documented[action] = frozenset(
            role for role, cell in zip(ROLE_COLUMNS, allowed, strict=True) if cell
        )
    assert documented == PERMISSIONS
