"""``kg viz`` end to end through click's CliRunner: every view, the filters, and bad input as one line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_viz_corpus import write_corpus_store

from kg.cli import main


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store holding the test corpus."""
    return write_corpus_store(tmp_path_factory.mktemp("viz") / "store")


def kg(*args: object):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def page_data(path: Path) -> dict:
    page = path.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.DOTALL)
    assert found
    return json.loads(found[1])


@pytest.mark.parametrize(
    ("args", "nodes", "edges"),
    [
        ((), 21, 39),
        (("--view", "countries"), 4, 6),
        (("--view", "person", "--focus", "Wang Yi"), 7, 7),
        (("--view", "format", "--focus", "central-asia-china"), 8, 15),
        (("--view", "countries", "--since", "2025"), 3, 2),
        (("--view", "countries", "--min-weight", "2"), 3, 3),
        (("--type", "summit", "--type", "phone-call"), 9, 11),
        (("--country", "KG"), 10, 15),
        (("--focus", "Q16245", "--hops", "1"), 5, 7),
        (("--max-nodes", "3"), 3, 2),
    ],
)
def test_viz_views_and_filters(store: Path, tmp_path: Path, args: tuple[str, ...], nodes: int, edges: int):
    output = tmp_path / "graph.html"
    result = kg("viz", "--store", store, "-o", output, *args)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {output}: {nodes} nodes, {edges} edges\n"
    data = page_data(output)
    assert len(data["nodes"]) == nodes and len(data["edges"]) == edges
    assert "://" not in output.read_text(encoding="utf-8")


def test_notes_go_to_stderr(store: Path, tmp_path: Path):
    output = tmp_path / "graph.html"
    result = kg("viz", "--store", store, "-o", output, "--view", "person")
    assert result.exit_code == 0
    assert re.search(
        r"^note: Person: .* \(most active person; choose another with --focus\)$", result.stderr, re.M
    )
    result = kg("viz", "--store", store, "-o", output, "--max-nodes", "3")
    assert "note: left out by --max-nodes 3: 18 of 21 nodes" in result.stderr


def test_german_labels(store: Path, tmp_path: Path):
    output = tmp_path / "de.html"
    assert kg("viz", "--store", store, "-o", output, "--lang", "de", "--view", "countries").exit_code == 0
    assert "Kasachstan" in page_data(output)["names"]
    assert "Netzwerk: L\u00e4nder" in output.read_text(encoding="utf-8")


def test_title_option(store: Path, tmp_path: Path):
    output = tmp_path / "t.html"
    kg("viz", "--store", store, "-o", output, "--title", "Briefing <draft>")
    assert "<title>Briefing &lt;draft&gt;</title>" in output.read_text(encoding="utf-8")


def test_a_filter_that_leaves_nothing_writes_a_page_that_says_so(store: Path, tmp_path: Path):
    output = tmp_path / "none.html"
    result = kg("viz", "--store", store, "-o", output, "--since", "2030")
    assert result.exit_code == 0
    assert result.stdout == f"wrote {output}: 0 nodes, 0 edges\n"
    assert "note: Nothing to draw: nothing matches these filters (--since 2030)" in result.stderr
    assert "Nothing to draw: nothing matches these filters (--since 2030)" in output.read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--focus", "Wang Yee"), "kg: --focus 'Wang Yee': no entity in the store has that name, IRI or "
         "Wikidata id; did you mean: Wang Yi?"),
        (("--max-nodes", "0"), "kg: --max-nodes 0: nothing would be drawn; give at least 1 (it keeps that many "
         "of the most central nodes)"),
        (("--since", "yesterday"), "kg: --since: 'yesterday' is not a date (give YYYY, YYYY-MM or YYYY-MM-DD)"),
        (("--type", "banquet"), "kg: --type 'banquet': not a kind of fact (meeting, agreement, mission, "
         "statistic) nor a type such as summit or memorandum"),
        (("--view", "person", "--focus", "China"), "kg: --focus 'China' is a country, not a person"),
        (("--hops", "2"), "kg: --hops needs --focus (the steps are counted from the focus)"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(store: Path, tmp_path: Path, args: tuple[str, ...], message: str):
    output = tmp_path / "bad.html"
    result = kg("viz", "--store", store, "-o", output, *args)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert result.stdout == ""
    assert not output.exists()


def test_unknown_view_is_a_usage_error(store: Path, tmp_path: Path):
    result = kg("viz", "--store", store, "-o", tmp_path / "x.html", "--view", "map")
    assert result.exit_code == 2 and "Invalid value for '--view'" in result.stderr
