"""Checks on the package's own source that the linters do not make."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import newsnorm

PACKAGE = Path(newsnorm.__file__).parent


def _bound_names(tree: ast.Module) -> Counter[str]:
    """How often each name is bound by a top-level assignment, function or class."""
    names: Counter[str] = Counter()
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] += 1
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def test_no_module_binds_a_top_level_name_twice() -> None:
    # two constants or helpers of one name (say, from two branches merged together)
    # would silently leave only the second: ruff does not flag a rebound constant
    twice = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, count in _bound_names(ast.parse(path.read_text(encoding="utf-8"))).items()
        if count > 1
    }
    assert not twice


def test_the_check_finds_a_name_bound_twice() -> None:
    tree = ast.parse("_LIMIT = 3\n\ndef f() -> None: ...\n\n_LIMIT = 4\n")
    assert _bound_names(tree)["_LIMIT"] == 2
