"""bench/viz.py: the synthetic graph has the size it promises, and the report goes into its own section."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from kg.viz import ViewOptions, build_network, make_view

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_viz", ROOT / "bench" / "viz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_synthetic_store_has_about_the_nodes_asked_for_and_three_edges_each(bench):
    view = make_view(build_network(bench.synthetic_store(500)), ViewOptions())
    nodes, edges = view.graph.number_of_nodes(), view.graph.number_of_edges()
    assert 450 <= nodes <= 500
    assert 2.5 * nodes <= edges <= 3.5 * nodes
    again = make_view(build_network(bench.synthetic_store(500)), ViewOptions())
    assert sorted(again.graph.edges(keys=True)) == sorted(view.graph.edges(keys=True))  # seeded


def test_the_section_is_replaced_or_appended(bench, tmp_path):
    path = tmp_path / "benchmarks.md"
    path.write_text("# Benchmarks\n\n## Machine\n\nfast\n\n<!-- notes -->\n", encoding="utf-8")
    bench.write_section(path, "## Network view\n\nfirst\n")
    assert path.read_text(encoding="utf-8").endswith("<!-- notes -->\n\n## Network view\n\nfirst\n")
    bench.write_section(path, "## Network view\n\nsecond\n")
    text = path.read_text(encoding="utf-8")
    assert text.count("## Network view") == 1 and "second" in text and "first" not in text
    assert text.startswith("# Benchmarks\n\n## Machine\n\nfast\n")
    path.write_text(text + "\n## Later\n\nkept\n", encoding="utf-8")
    bench.write_section(path, "## Network view\n\nthird\n")
    text = path.read_text(encoding="utf-8")
    assert "third" in text and "second" not in text and text.endswith("## Later\n\nkept\n")


def test_report_without_a_browser(bench):
    row = {"target": 10, "nodes": 9, "edges": 27, "read_s": 0.1, "view_s": 0.2, "write_s": 0.3, "mb": 0.01}
    text = bench.report([row], [], runs=1, browser=None)
    assert text.startswith("## Network view\n")
    assert "| 9 | 27 | 0.10 | 0.20 | 0.30 | 0.60 | 0.0 | - | - | - |" in text
