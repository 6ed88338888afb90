"""docs/notebook.ipynb runs: its code cells are executed in order, in one namespace, as Jupyter would.

The notebook works in a temporary folder holding a copy of ``data/articles`` (so nothing is written
into the project); each cell's last expression is evaluated and shown the way Jupyter shows it
(``_repr_html_`` when the value has one, else ``repr``). The DataFrame cell (tagged ``pandas``)
is skipped when pandas is not installed: pandas is not a dependency of dipkg.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "docs" / "notebook.ipynb"
HAS_PANDAS = importlib.util.find_spec("pandas") is not None


def load() -> dict:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    text = cell["source"]
    return "".join(text) if isinstance(text, list) else text


def run_cell(code: str, namespace: dict, *, name: str) -> object:
    """Execute a cell; return the value of its last expression (None when it ends in a statement)."""
    tree = ast.parse(code, filename=name)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, name, "exec"), namespace)  # noqa: S102 - running the notebook is the point
    if last is None:
        return None
    return eval(compile(ast.Expression(last.value), name, "eval"), namespace)  # noqa: S307


def shown(value: object) -> str:
    if value is None:
        return ""
    html = getattr(value, "_repr_html_", None)
    return html() if callable(html) else repr(value)


def test_the_notebook_is_a_real_notebook():
    notebook = load()
    assert notebook["nbformat"] == 4
    kinds = [cell["cell_type"] for cell in notebook["cells"]]
    assert kinds[0] == "markdown" and kinds.count("code") >= 10
    for cell in notebook["cells"]:
        assert cell["cell_type"] in ("markdown", "code")
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
            ast.parse(source(cell))
    text = "\n".join(source(cell) for cell in notebook["cells"])
    for call in ("g.ingest(", "g.query(", ".df", "g.export(", "g.viz(", "Graph.open("):
        assert call in text, f"the notebook does not show {call}"


def test_the_notebook_runs_cell_by_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    work = tmp_path / "project"
    shutil.copytree(ROOT / "data" / "articles", work / "data" / "articles")
    monkeypatch.chdir(work)
    namespace: dict = {"__name__": "__main__"}
    outputs: list[str] = []
    ran = skipped = 0
    for number, cell in enumerate(load()["cells"]):
        if cell["cell_type"] != "code":
            continue
        if "pandas" in cell.get("metadata", {}).get("tags", []) and not HAS_PANDAS:
            skipped += 1
            continue
        value = run_cell(source(cell), namespace, name=f"notebook cell {number}")
        outputs.append(shown(value))
        ran += 1
    assert ran >= 10 and skipped == (0 if HAS_PANDAS else 1)
    assert Path.cwd() == work and (work / "out" / "notebook-store" / "CURRENT").is_file()
    assert (work / "out" / "notebook-graph.trig").stat().st_size > 1000
    printed = capsys.readouterr().out
    assert "query agreements-expiring: parameter 'year': 'next year' is not a year (YYYY)" in printed
    assert "travel-timeline" in printed and "@prefix " in printed
    assert any("<td>phone-call</td>" in out for out in outputs), "rows show as an HTML table"
    assert any(out.startswith("<iframe srcdoc=") for out in outputs), "the viz cell shows inline"
    report = namespace["report"]
    assert report.ok and report.read == report.new > 10
    assert namespace["timeline"].variables[0] == "date"
    assert namespace["page"].summary.nodes > 2
