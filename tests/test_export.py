"""kg.export: every format is written and read back by rdflib; union formats hold each triple once."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from kg.errors import ExportError
from kg.export import FORMATS, export
from kg.model import Article, DateValue, Evidence, Extraction, Meeting, PlaceRef
from kg.rdf import extraction_quads
from kg.store import Store
from kg.vocab import DIP, REFERENCE_GRAPH

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

TEXT = "Die Außenminister trafen sich am 26. April 2025 in Almaty."


def extraction(sha: str) -> Extraction:
    art = Article(
        text=TEXT, sha256=sha, source=f"corpus/{sha[:3]}.txt", title="Almaty", lang="de", date="2025-04-27"
    )
    ev = Evidence(TEXT, 0, len(TEXT))
    meeting = Meeting(
        "m",
        "ministerial-meeting",
        [ev],
        date=DateValue("2025-04-26", "date", "26. April 2025"),
        place=PlaceRef("Almaty", "KZ", 1526384),
        participants=["Wang Yi"],
        participant_countries=["CN", "KZ"],
    )
    return Extraction(article=art, meetings=[meeting])


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "store")
    g = ox.NamedNode(REFERENCE_GRAPH)
    kz = ox.NamedNode("https://w3id.org/dipkg/id/country/KZ")
    store.ensure_reference([ox.Quad(kz, DIP.isoCode, ox.Literal("KZ"), g)])
    for sha in ("a" * 64, "b" * 64):  # the same meeting, reported by two articles
        store.put_article(sha, extraction_quads(extraction(sha)))
    return store


def distinct_triples(store: Store) -> int:
    return len(list(store.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }")))


def test_formats_are_the_five_of_the_cli():
    assert FORMATS == ("turtle", "trig", "nquads", "ntriples", "jsonld")


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("ntriples", "nt")])
def test_union_formats_hold_each_triple_once(store: Store, tmp_path: Path, fmt: str, rdflib_format: str):
    out = tmp_path / f"graph.{fmt}"
    export(store, fmt=fmt, output=out)
    graph = Graph().parse(out, format=rdflib_format)
    assert len(graph) == distinct_triples(store) < store.quad_count()
    meetings = list(graph.subjects(predicate=None, object=None))
    assert meetings


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("trig", "trig"), ("nquads", "nquads")])
def test_dataset_formats_keep_the_graphs(store: Store, tmp_path: Path, fmt: str, rdflib_format: str):
    out = tmp_path / "export" / f"graph.{fmt}"  # the folder is created
    export(store, fmt=fmt, output=out)
    dataset = Dataset()
    dataset.parse(out, format=rdflib_format)
    assert len(list(dataset.quads((None, None, None, None)))) == store.quad_count()
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert graphs == {g.value for g in store.oxigraph.named_graphs()}


def test_jsonld_keeps_the_graphs_and_uses_the_context(store: Store):
    buffer = io.BytesIO()
    export(store, fmt="jsonld", output=buffer)
    text = buffer.getvalue().decode("utf-8")
    document = json.loads(text)
    assert "@context" in document
    assert "https://w3id.org/dipkg/ontology#participant" not in text  # compacted through the context
    dataset = Dataset()
    dataset.parse(data=text, format="json-ld")
    assert len(list(dataset.quads((None, None, None, None)))) == store.quad_count()
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert graphs == {g.value for g in store.oxigraph.named_graphs()}


def test_turtle_uses_the_prefixes(store: Store):
    buffer = io.BytesIO()
    export(store, fmt="turtle", output=buffer)
    text = buffer.getvalue().decode("utf-8")
    assert "@prefix dip: <https://w3id.org/dipkg/ontology#> ." in text
    assert "a dip:Meeting" in text


def test_unknown_format_is_refused(store: Store, tmp_path: Path):
    with pytest.raises(ExportError, match=r"^unknown export format 'xyz' \(choose turtle, trig, nquads"):
        export(store, fmt="xyz", output=tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_an_unwritable_output_leaves_no_file(store: Store, tmp_path: Path):
    target = tmp_path / "a-folder"
    target.mkdir()
    with pytest.raises(ExportError, match="a-folder"):
        export(store, fmt="nquads", output=target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder", "store"]
