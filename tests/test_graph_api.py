"""The notebook API: ``from kg import Graph`` over a real on-disk store of two sample articles."""

from __future__ import annotations

import html
import subprocess
import sys
import types
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import Graph
from kg.errors import QueryError, StoreError
from kg.graph import Rows, VizPage, python_value
from kg.vocab import DIPR, XSD

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
TWO = [ARTICLES / "fidan-nurtleu-phone.en.txt", ARTICLES / "berlin-tashkent-talks.de.txt"]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "store"
    with Graph.open(path) as g:
        report = g.ingest(TWO)
        assert report.ok and report.new == 2, report
    return path


@pytest.fixture
def g(template: Path, tmp_path: Path):
    import shutil

    path = tmp_path / "store"
    shutil.copytree(template, path)
    with Graph.open(path) as graph:
        yield graph


def test_import_kg_stays_cheap():
    code = "import sys, kg; print(sorted(m for m in sys.modules if m.startswith(('kg', 'pyoxigraph', 'rdflib'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['kg']"


def test_ingest_returns_the_report_and_is_idempotent(g: Graph):
    report = g.ingest(TWO[0])
    assert (report.read, report.new, report.unchanged) == (1, 0, 1)
    assert g.stats()["articles"] == 2


def test_query_a_saved_query_by_name_with_params(g: Graph):
    rows = g.query("travel-timeline", person="Murat Nurtleu")
    assert isinstance(rows, Rows)
    assert rows.variables == ["date", "meetingType", "place", "country", "format", "status", "meeting"]
    assert [(r["date"], r["meetingType"]) for r in rows] == [("--08-12", "phone-call")]
    assert rows[0]["meeting"].startswith(f"{DIPR}meeting/")
    assert rows.tuples()[0][:2] == ("--08-12", "phone-call")
    assert rows.column("meetingType") == ["phone-call"]
    assert g.query("travel", person="Murat Nurtleu") == rows  # a prefix only one name has
    with pytest.raises(QueryError, match="no column 'x'"):
        rows.column("x")


def test_query_errors_name_the_query_and_the_parameter(g: Graph):
    with pytest.raises(QueryError, match="query travel-timeline: parameter 'person' .* is required"):
        g.query("travel-timeline")
    with pytest.raises(QueryError, match=r"unknown parameter 'who' \(known: person\)"):
        g.query("travel-timeline", who="x")
    with pytest.raises(QueryError, match="'twenty' is not a year"):
        g.query("most-active-countries", year="twenty")
    with pytest.raises(QueryError, match="no saved query 'no-such-query'"):
        g.query("no-such-query")
    with pytest.raises(QueryError, match="malformed query"):
        g.query("SELECT WHERE {")


def test_query_sparql_text_binds_python_values_and_terms(g: Graph):
    nasty = '"} ; DROP ALL #'
    rows = g.query(
        "SELECT ?s ?n ?d ?iri WHERE { }", s=nasty, n=3, d=Decimal("0.5"), iri=ox.NamedNode(f"{DIPR}x")
    )
    assert rows.tuples() == [(nasty, 3, Decimal("0.5"), f"{DIPR}x")]
    header = "# param: who person\nSELECT ?label WHERE { ?who rdfs:label ?label }"
    assert {r["label"] for r in g.query(header, who="Hakan Fidan")} == {"Hakan Fidan"}
    assert g.stats()["articles"] == 2


def test_ask_gives_a_bool_and_construct_gives_triples(g: Graph):
    assert g.query("ASK { ?m a dip:Meeting }") is True
    assert g.query("ASK { ?m a dip:Nothing }") is False
    triples = g.query("CONSTRUCT { ?m a dip:Meeting } WHERE { ?m a dip:Meeting }")
    assert len(triples) >= 2 and all(isinstance(t, ox.Triple) for t in triples)


def test_values_become_plain_python():
    assert python_value(None) is None
    assert python_value(ox.NamedNode("https://e.org/x")) == "https://e.org/x"
    assert python_value(ox.Literal("42", datatype=XSD.integer)) == 42
    assert python_value(ox.Literal("4.50", datatype=XSD.decimal)) == Decimal("4.50")
    assert python_value(ox.Literal("2025", datatype=XSD.gYear)) == "2025"
    assert python_value(ox.Literal("Wang", language="de")) == "Wang"
    assert python_value(
        ox.Literal("true", datatype=ox.NamedNode(str(XSD.date.value).replace("date", "boolean")))
    )


def test_rows_show_as_a_table_in_text_and_html(g: Graph):
    rows = g.query("SELECT ?x WHERE { }", x="<b>&")
    assert repr(rows).splitlines() == ["x", "----", "<b>&", "(1 row)"]
    page = rows._repr_html_()
    assert "<th>x</th>" in page and "<td>&lt;b&gt;&amp;</td>" in page and "<b>&" not in page


def test_to_pandas_without_pandas_is_a_clear_import_error(g: Graph, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    rows = g.query("formats-of-country", country="KZ")
    with pytest.raises(ImportError, match="needs pandas, which dipkg does not install: pip install pandas"):
        rows.to_pandas()
    with pytest.raises(ImportError, match="pip install pandas"):
        _ = rows.df


def test_to_pandas_builds_a_frame_with_one_column_per_variable(g: Graph, monkeypatch: pytest.MonkeyPatch):
    made = {}

    def data_frame(data, columns):
        made.update(data=data, columns=columns)
        return "frame"

    monkeypatch.setitem(sys.modules, "pandas", types.SimpleNamespace(DataFrame=data_frame))
    rows = g.query("formats-of-country", country="KZ")
    assert rows.df == "frame"
    assert made["columns"] == ["format", "name", "kind", "meetings"]
    assert made["data"] == rows.tuples() and len(made["data"]) > 5


def test_export_gives_text_or_writes_a_file(g: Graph, tmp_path: Path):
    text = g.export("turtle")
    assert "dip:Meeting" in text and "@prefix dip:" in text
    path = g.export("nquads", tmp_path / "out" / "graph.nq")
    assert path == tmp_path / "out" / "graph.nq" and path.read_text(encoding="utf-8").count(" .\n") > 100


def test_viz_shows_inline_in_jupyter(g: Graph, tmp_path: Path):
    page = g.viz(view="countries", countries="KZ")
    assert isinstance(page, VizPage) and page.summary.nodes >= 2
    assert page.html.lstrip().lower().startswith("<!doctype html")
    inline = page._repr_html_()
    assert inline.startswith('<iframe srcdoc="') and inline.endswith("></iframe>")
    srcdoc = inline[len('<iframe srcdoc="') : inline.index('" style=')]
    assert '"' not in srcdoc and html.unescape(srcdoc) == page.html
    saved = page.save(tmp_path / "viz.html")
    assert saved.read_text(encoding="utf-8") == page.html
    with pytest.raises(QueryError, match="viz: .*colour.*options: countries"):
        g.viz(colour="red")


def test_stats_and_saved_query_list(g: Graph):
    stats = g.stats()
    assert stats["articles"] == 2 and stats["classes"]["Meeting"] >= 2
    names = [q["name"] for q in g.queries()]
    assert "travel-timeline" in names and names == sorted(names)


def test_context_manager_closes_and_read_only_refuses_ingest(template: Path, tmp_path: Path):
    import shutil

    path = tmp_path / "store"
    shutil.copytree(template, path)
    with Graph.open(path) as graph:
        assert graph.stats()["articles"] == 2
    with pytest.raises(StoreError, match="closed"):
        graph.stats()
    with Graph.open(path, read_only=True) as graph:
        with pytest.raises(StoreError, match="read-only"):
            graph.ingest(ARTICLES / "astana-beijing-roadmap.de.txt")
        assert graph.stats()["articles"] == 2


def test_an_in_memory_graph():
    with Graph.in_memory() as graph:
        graph.ingest([TWO[0]])
        assert graph.query("ASK { ?m a dip:Meeting }") is True
