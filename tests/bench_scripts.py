"""The scripts of bench/ loaded as modules, for the tests that run or check them."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "bench"


@functools.cache
def load_bench_script(name: str) -> ModuleType:
    """``bench/NAME.py`` as the module ``dipkg_bench_NAME`` (loaded once per test session)."""
    spec = importlib.util.spec_from_file_location(f"dipkg_bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None, f"no script bench/{name}.py"
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module
