"""kg.query: read-only SPARQL over the union of the graphs, and the result formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.errors import QueryError
from kg.query import format_result, is_update, run_query
from kg.store import Store
from kg.vocab import DIP, DIPR, article_graph

SHA = "c" * 64
WANG = ox.NamedNode(f"{DIPR}person/wang-yi")
MEETING = ox.NamedNode(f"{DIPR}meeting/0001")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "store")
    g = ox.NamedNode(article_graph(SHA))
    store.put_article(
        SHA,
        [
            ox.Quad(WANG, TYPE, DIP.Person, g),
            ox.Quad(WANG, LABEL, ox.Literal("Wang Yi", language="de"), g),
            ox.Quad(MEETING, TYPE, DIP.Meeting, g),
            ox.Quad(MEETING, DIP.participant, WANG, g),
            ox.Quad(
                MEETING,
                DIP.date,
                ox.Literal("--04-26", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gMonthDay")),
                g,
            ),
            ox.Quad(MEETING, DIP.topic, ox.Literal('Handel, "Verkehr"\tund Energie', language="de"), g),
        ],
    )
    return store


SELECT = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
SELECT ?meeting ?person ?label ?date ?topic WHERE {
  ?meeting dip:participant ?person ; dip:date ?date .
  ?person rdfs:label ?label .
  OPTIONAL { ?meeting dip:topic ?topic }
}
"""


def test_select_sees_the_union_without_graph_clauses(store: Store):
    result = run_query(store, SELECT)
    assert result.kind == "select"
    assert result.variables == ["meeting", "person", "label", "date", "topic"]
    assert len(result) == 1
    assert result.rows[0][1] == WANG


def test_table_shortens_iris_and_aligns_columns(store: Store):
    text = format_result(run_query(store, SELECT), fmt="table")
    header, rule, row = text.splitlines()
    assert header.split() == ["meeting", "person", "label", "date", "topic"]
    assert set(rule.replace("  ", "")) == {"-"}
    assert row.startswith("dipr:meeting/0001  dipr:person/wang-yi")
    assert row.index("dipr:person/wang-yi") == header.index("person")
    assert "--04-26" in row


def test_csv_tsv_and_json_follow_the_sparql_result_formats(store: Store):
    result = run_query(store, SELECT)
    rows = list(csv.reader(io.StringIO(format_result(result, fmt="csv"))))
    assert rows[0] == result.variables
    assert rows[1][:3] == [MEETING.value, WANG.value, "Wang Yi"]
    assert rows[1][4] == 'Handel, "Verkehr"\tund Energie'
    tsv = format_result(result, fmt="tsv").splitlines()
    assert tsv[0] == "?meeting\t?person\t?label\t?date\t?topic"
    assert tsv[1].split("\t")[:3] == [str(MEETING), str(WANG), '"Wang Yi"@de']
    document = json.loads(format_result(result, fmt="json"))
    assert document["head"]["vars"] == result.variables
    binding = document["results"]["bindings"][0]
    assert binding["person"] == {"type": "uri", "value": WANG.value}
    assert binding["label"] == {"type": "literal", "value": "Wang Yi", "xml:lang": "de"}
    assert binding["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#gMonthDay"


def test_ask_and_construct(store: Store):
    ask = run_query(store, "ASK { ?m a dip:Meeting }")  # dip: is predeclared
    assert ask.kind == "ask" and ask.boolean is True
    assert format_result(ask, fmt="table") == "true\n"
    assert json.loads(format_result(ask, fmt="json")) == {"head": {}, "boolean": True}
    construct = run_query(store, "CONSTRUCT { ?p a dip:Person } WHERE { ?m dip:participant ?p }")
    turtle = format_result(construct, fmt="table")
    assert len(Graph().parse(data=turtle, format="turtle")) == 1


def test_bindings_are_passed_as_values_not_pasted(store: Store):
    query = "SELECT ?m ?person WHERE { ?m dip:participant ?person }"
    assert len(run_query(store, query, bindings={"person": WANG})) == 1
    assert len(run_query(store, query, bindings={"person": ox.NamedNode(f"{DIPR}person/nobody")})) == 0


UPDATES = [
    "INSERT DATA { <http://e/s> <http://e/p> <http://e/o> }",
    "PREFIX dip: <https://w3id.org/dipkg/ontology#>\n# remove every meeting\nDELETE WHERE { ?m a dip:Meeting }",
    "# SELECT is only mentioned in this comment\nDROP ALL",
    "BASE <http://e/>\nPREFIX : <http://e/#>\nLOAD <http://example.org/data.ttl>",
    "  clear   default ",
    "PREFIX dip: <https://w3id.org/dipkg/ontology#> WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_and_change_nothing(store: Store, update: str):
    count = store.quad_count()
    with pytest.raises(QueryError, match="^updates are not allowed: kg query is read-only$"):
        run_query(store, update)
    assert store.quad_count() == count


def test_update_words_inside_strings_iris_and_comments_are_not_updates():
    assert not is_update("# INSERT DATA\nSELECT * WHERE { ?s ?p 'DELETE' }")
    assert not is_update("PREFIX insert: <http://e/drop#> SELECT ?x WHERE { ?x insert:a 1 }")
    assert is_update("PREFIX dip: <https://w3id.org/dipkg/ontology#>\nINSERT { ?s ?p 1 } WHERE { ?s ?p ?o }")


def test_a_malformed_query_is_one_line(store: Store):
    with pytest.raises(QueryError) as error:
        run_query(store, "SELECT ?x WHERE {\n  ?x dip:participant \n")
    message = str(error.value)
    assert message.startswith("malformed query: ")
    assert "\n" not in message


def test_an_unknown_result_format_is_refused(store: Store):
    with pytest.raises(QueryError, match="unknown result format 'xml'"):
        format_result(run_query(store, SELECT), fmt="xml")
