"""``kg explain ENTITY`` and ``kg resolve`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode, Quad

from kg.cli import main
from kg.explain import explain, format_explanation
from kg.store import Store

SET = Path(__file__).parent / "gold" / "resolution"
ARTICLES = ["r07-lavrov-saidov-moscow.en.txt", "r08-lawrow-saidow-moskau.de.txt"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("explain") / "store"
    result = CliRunner().invoke(main, ["ingest", "--store", str(path), *(str(SET / a) for a in ARTICLES)])
    assert result.exit_code == 0, result.output
    return path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("entity", ["Sergej Lawrow", "sergey lavrov", "dipr:person/sergey-lavrov"])
def test_explain_a_person_by_name_or_iri(store_path, entity):
    result = run("explain", "--store", str(store_path), entity)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("dipr:person/sergey-lavrov")
    assert '"Sergej Lawrow"@de in r08-lawrow-saidow-moskau.de.txt' in out
    assert '"Sergey Lavrov"@en in r07-lavrov-saidov-moscow.en.txt' in out
    assert "merged into dipr:person/sergey-lavrov" in out
    assert "score 1" in out and "same transliteration key" in out


def test_explain_by_wikidata_id(store_path, tmp_path):
    with Store.open(store_path, read_only=True) as source:
        quads = list(source.oxigraph)
    store = Store.in_memory()
    store.oxigraph.extend(quads)
    person = NamedNode("https://w3id.org/dipkg/id/person/sergey-lavrov")
    same = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
    store.oxigraph.add(Quad(person, same, NamedNode("http://www.wikidata.org/entity/Q83148")))
    text = format_explanation(explain(store, "Q83148"))
    assert text.startswith("dipr:person/sergey-lavrov") and "Sergej Lawrow" in text


def test_explain_unknown_entity_is_one_line(store_path):
    result = run("explain", "--store", str(store_path), "Nobody Atall")
    assert result.exit_code == 2
    assert result.output.strip() == "kg: ENTITY: nothing in the store matches 'Nobody Atall'"


def test_resolve_reports_and_changes_nothing_the_second_time(store_path):
    result = run("resolve", "--store", str(store_path))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("people: ") and "0 article graphs rewritten" in result.output
