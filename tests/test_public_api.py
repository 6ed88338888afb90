"""The public surface of the library: each module's curated ``__all__`` names things that exist,
nothing private, and covers what the ``kg`` command imports."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parents[1]
MODULES = [
    "kg.model",
    "kg.errors",
    "kg.sources",
    "kg.store",
    "kg.remote",
    "kg.ingest",
    "kg.export",
    "kg.query",
    "kg.saved_queries",
    "kg.graph",
    "kg.extract",
]


def public_names(module: ModuleType) -> list[str]:
    names = getattr(module, "__all__", None)
    assert names is not None, f"{module.__name__} has no __all__"
    assert isinstance(names, (list, tuple)), f"{module.__name__}.__all__ is a {type(names).__name__}"
    return list(names)


@pytest.mark.parametrize("name", MODULES)
def test_all_lists_existing_public_names_once(name: str):
    module = importlib.import_module(name)
    names = public_names(module)
    assert names, f"{name}.__all__ is empty"
    assert all(isinstance(n, str) for n in names)
    assert len(set(names)) == len(names), f"{name}.__all__ repeats a name"
    missing = [n for n in names if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ lists names the module lacks: {missing}"
    private = [n for n in names if n.startswith("_")]
    assert not private, f"{name}.__all__ lists private names: {private}"


@pytest.mark.parametrize("name", MODULES)
def test_star_import_gives_exactly_all(name: str):
    namespace: dict[str, object] = {}
    exec(f"from {name} import *", namespace)  # noqa: S102 - the point of the test
    assert set(namespace) - {"__builtins__"} == set(public_names(importlib.import_module(name)))


@pytest.mark.parametrize("name", MODULES)
def test_public_classes_and_functions_say_what_they_do(name: str):
    module = importlib.import_module(name)
    objects = {n: getattr(module, n) for n in public_names(module)}
    undocumented = [
        n
        for n, obj in objects.items()
        if (inspect.isclass(obj) or inspect.isfunction(obj)) and not (inspect.getdoc(obj) or "").strip()
    ]
    assert not undocumented, f"{name}: public callables without a docstring: {undocumented}"


def test_the_error_hierarchy_has_one_root():
    from kg import errors

    for n in public_names(errors):
        assert issubclass(getattr(errors, n), errors.KgError)


def cli_imports() -> list[tuple[str, str]]:
    """``(module, name)`` for every ``from kg.x import y`` in kg/cli.py."""
    tree = ast.parse((ROOT / "kg" / "cli.py").read_text(encoding="utf-8"))
    return sorted(
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg.")
        for alias in node.names
    )


def test_the_cli_uses_only_public_names():
    """The command is a thin layer over the library's public API, never over its internals."""
    used = cli_imports()
    assert ("kg.store", "open_store") in used and ("kg.ingest", "ingest") in used
    for module_name, name in used:
        module = importlib.import_module(module_name)
        assert name in public_names(module), (
            f"kg/cli.py imports {name} from {module_name}, not in its __all__"
        )
