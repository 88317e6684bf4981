"""No import cycle between the top-level packages and modules of ``qa_audit``, nor between the
modules of one package.

The graph is read from the source with ``ast``: every ``import`` and ``from ... import``, those
inside functions (and ``if TYPE_CHECKING``) included, relative imports resolved.

The layers, each importing only from those before it:

1. foundation: ``errors``, ``config``, ``extensions``, ``plan_kinds``, ``plan_sections``,
   ``plan_references``, ``terms``, ``models``, ``background`` (thread, RQ or inline jobs),
   ``files`` (PDF rendering, spreadsheet-safe tables, atomic writes);
2. request plumbing: ``access_recorder`` (the access-log recorder), ``web`` (widgets, JSON
   answers, error pages, security headers), ``auth``, ``visibility``;
3. reading plans and matrices: ``documents``, ``nlp``, ``matrix``; then ``analysis``;
4. the audit cycle: ``audits`` (with double marking as one audit sees it), ``sampling``,
   ``moderation``, then ``feedback`` and ``reports``;
5. pages and commands: ``plans`` (its forms serve the upload pages too), ``uploads``, ``admin``,
   ``home``, ``datacare``, ``alerts``, ``synthetic`` (fictional plans), ``demo``, ``commands``,
   ``template_helpers``, ``app``, ``cli``.

Within a package the same holds module by module: a module never imports one that imports it.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "qa_audit"


def _modules(root: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package's ``__init__``), migrations left out."""
    found = {}
    for path in (root / PACKAGE).rglob("*.py"):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if "migrations" in parts:
            continue
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        here = module.split(".") if is_package else module.split(".")[:-1]
        here = here[: len(here) - (node.level - 1)]
        base = ".".join([*here, node.module] if node.module else here)
    # ``from pkg import name`` imports the module pkg.name when there is one, else pkg.
    return [f"{base}.{alias.name}" for alias in node.names] + [base]


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the ``qa_audit`` modules it imports."""
    modules = _modules(root)
    graph: dict[str, set[str]] = defaultdict(set)
    for module, (path, is_package) in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            targets = _targets(node, module, is_package)
            named = [t for t in targets[:-1] if t in modules] if len(targets) > 1 else []
            for target in named or targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != module:
                    graph[module].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(set(graph) | {t for targets in graph.values() for t in targets}):
        if node not in index:
            visit(node)
    return found


def top_level(module: str) -> str:
    """``qa_audit.audits.page`` -> ``qa_audit.audits``; ``qa_audit.terms`` stays itself."""
    return ".".join(module.split(".")[:2])


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Edges between top-level packages and modules (the root ``qa_audit`` left out: it only
    re-exports the app factory)."""
    packages: dict[str, set[str]] = defaultdict(set)
    for module, targets in graph.items():
        for target in targets:
            source, dest = top_level(module), top_level(target)
            if source != dest and PACKAGE not in (source, dest):
                packages[source].add(dest)
    return packages


def _describe(component: list[str], graph: dict[str, set[str]], level=lambda m: m) -> str:
    members = set(component)
    edges = sorted(
        f"{module} -> {target}"
        for module, targets in graph.items()
        for target in targets
        if level(module) in members and level(target) in members and level(module) != level(target)
    )
    return "cycle {" + ", ".join(component) + "}:\n  " + "\n  ".join(edges)


def test_no_cycle_between_top_level_packages_and_modules():
    graph = import_graph(ROOT)
    found = cycles(package_graph(graph))
    assert not found, "\n".join(_describe(c, graph, top_level) for c in found)


def test_no_cycle_between_modules():
    graph = import_graph(ROOT)
    found = cycles(graph)
    assert not found, "\n".join(_describe(c, graph) for c in found)


@pytest.fixture
def tree(tmp_path: Path):
    def write(files: dict[str, str]) -> Path:
        for name, text in files.items():
            path = tmp_path / PACKAGE / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        return tmp_path

    return write


def test_a_cycle_through_an_import_inside_a_function_is_found(tree):
    root = tree(
        {
            "__init__.py": "",
            "low/__init__.py": "",
            "low/helpers.py": "def late():\n    from qa_audit.high.views import page\n",
            "high/__init__.py": "",
            "high/views.py": "from ..low import helpers\n\ndef page():\n    pass\n",
        }
    )
    graph = import_graph(root)
    assert graph["qa_audit.high.views"] == {"qa_audit.low.helpers"}
    assert cycles(package_graph(graph)) == [["qa_audit.high", "qa_audit.low"]]
    assert cycles(graph) == [["qa_audit.high.views", "qa_audit.low.helpers"]]


def test_layered_imports_have_no_cycle(tree):
    root = tree(
        {
            "__init__.py": "from qa_audit.app import create_app\n",
            "app.py": "from qa_audit import terms\nfrom .web import widgets\n",
            "terms.py": "",
            "web/__init__.py": "",
            "web/widgets.py": "from . import forms\nfrom qa_audit.terms import x\n",
            "web/forms.py": "import qa_audit.terms\n",
        }
    )
    graph = import_graph(root)
    assert graph["qa_audit.app"] == {"qa_audit.terms", "qa_audit.web.widgets"}
    assert graph["qa_audit.web.widgets"] == {"qa_audit.web.forms", "qa_audit.terms"}
    assert cycles(package_graph(graph)) == []
    assert cycles(graph) == []
