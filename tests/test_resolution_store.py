"""Resolution in a store: order independence, merged meetings, the merge file through the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.export import export
from kg.ingest import ingest
from kg.resolution import resolve_store
from kg.store import Store

SET = Path(__file__).parent / "gold" / "resolution"
ARTICLES = [
    "r06-wadephul-kulubajew-telefonat.de.txt",
    "r07-lavrov-saidov-moscow.en.txt",
    "r08-lawrow-saidow-moskau.de.txt",
    "r13-lavrov-wonsan-liveblog.en.txt",
    "r14-lawrow-wonsan-bericht.de.txt",
    "r31-wadephul-kulubaev-call.en.txt",
]
PERSONS = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
SELECT DISTINCT ?p WHERE { ?p a dip:Person ; skos:hiddenLabel ?written . FILTER(STR(?written) = "%s") }"""


def dump(store: Store, fmt: str) -> bytes:
    out = io.BytesIO()
    export(store, fmt=fmt, output=out)
    return out.getvalue()


def ingest_one_by_one(names: list[str], folder: Path) -> Store:
    """On disk, as users run it (an in-memory Oxigraph store iterates in insertion order)."""
    store = Store.open(folder)
    for name in names:
        ingest([str(SET / name)], store=store)
    return store


@pytest.fixture(scope="module")
def two_orders(tmp_path_factory) -> tuple[Store, Store]:
    base = tmp_path_factory.mktemp("orders")
    return (
        ingest_one_by_one(ARTICLES, base / "forward"),
        ingest_one_by_one(list(reversed(ARTICLES)), base / "backward"),
    )


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_any_order_gives_the_same_graph(two_orders, fmt):
    first, second = two_orders
    assert dump(first, fmt) == dump(second, fmt)


def persons_written(store: Store, name: str) -> set[str]:
    rows = store.select(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" + PERSONS % name,
    )
    return {r["p"].value for r in rows}


def test_spellings_of_two_languages_are_one_person(two_orders):
    store, _ = two_orders
    assert persons_written(store, "Sergej Lawrow") == persons_written(store, "Sergey Lavrov")
    assert len(persons_written(store, "Sergej Lawrow")) == 1
    assert persons_written(store, "Dscheenbek Kulubajew") == persons_written(store, "Jeenbek Kulubaev")


def test_a_phone_call_told_by_two_articles_is_one_meeting(two_orders):
    store, _ = two_orders
    rows = store.select(
        """PREFIX dip: <https://w3id.org/dipkg/ontology#>
        SELECT ?m (COUNT(DISTINCT ?a) AS ?n) WHERE {
          ?m a dip:Meeting ; dip:meetingType <https://w3id.org/dipkg/id/meeting-type/phone-call> ;
             dip:evidence/dip:article ?a
        } GROUP BY ?m"""
    )
    assert any(int(r["n"].value) == 2 for r in rows), rows


def test_resolve_again_changes_nothing(two_orders):
    store, _ = two_orders
    before = dump(store, "trig")
    assert resolve_store(store).rewritten == 0
    assert dump(store, "trig") == before


# ---------------------------------------------------------------- merge file through the CLI


@pytest.fixture()
def cli_store(tmp_path):
    runner = CliRunner()
    store = tmp_path / "store"
    args = ["ingest", "--store", str(store), str(SET / ARTICLES[1]), str(SET / ARTICLES[2])]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    return runner, store


def export_text(runner, store) -> str:
    result = runner.invoke(main, ["export", "--store", str(store), "--format", "trig"])
    assert result.exit_code == 0
    return result.output


def test_pin_through_resolve(cli_store, tmp_path):
    runner, store = cli_store
    merges = tmp_path / "pins.json"
    merges.write_text(
        json.dumps({"pin": [{"from": "Bachtijor Saidow", "to": "dipr:person/sergey-lavrov"}]}),
        encoding="utf-8",
    )
    result = runner.invoke(main, ["resolve", "--store", str(store), "--merges", str(merges)])
    assert result.exit_code == 0, result.output
    assert "article graphs rewritten" in result.output
    explained = runner.invoke(main, ["explain", "--store", str(store), "Bachtijor Saidow"])
    assert "pinned" in explained.output and "pin #1" in explained.output


def test_merges_json_beside_the_store_is_honoured_by_ingest(tmp_path):
    runner = CliRunner()
    store = tmp_path / "kg" / "store"
    (tmp_path / "kg").mkdir()
    (tmp_path / "kg" / "merges.json").write_text(
        json.dumps({"forbid": [{"a": "Sergej Lawrow", "b": "dipr:person/sergey-lavrov"}]}), encoding="utf-8"
    )
    result = runner.invoke(main, ["ingest", "--store", str(store), str(SET / ARTICLES[2])])
    assert result.exit_code == 0, result.output
    explained = runner.invoke(main, ["explain", "--store", str(store), "Sergej Lawrow"])
    assert "forbidden" in explained.output


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"pin": [{"from": "A B", "to": "dipr:person/nobody-at-all"}]}, "pin #1: unknown IRI"),
        ({"pin": [{"from": "A B", "to": "C D"}, {"from": "C D", "to": "A B"}]}, "cycle"),
    ],
)
def test_bad_merge_file_changes_nothing(cli_store, tmp_path, data, message):
    runner, store = cli_store
    before = export_text(runner, store)
    merges = tmp_path / "bad.json"
    merges.write_text(json.dumps(data), encoding="utf-8")
    for command in (["resolve"], ["ingest", str(SET / ARTICLES[0])]):
        result = runner.invoke(main, [*command, "--store", str(store), "--merges", str(merges)])
        assert result.exit_code == 2
        assert message in result.output and str(merges) in result.output
        assert "Traceback" not in result.output
    assert export_text(runner, store) == before


def test_the_merged_graph_stays_the_union_after_rewrites(two_orders):
    store, _ = two_orders
    union = {
        (r["s"], r["p"], r["o"])
        for r in store.select(
            "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", use_default_graph_as_union=False
        )
    }
    merged = {
        (r["s"], r["p"], r["o"])
        for r in store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", use_default_graph_as_union=False)
    }
    assert merged == union


def test_memoranda_of_one_day_between_the_same_states_stay_apart_in_the_store(tmp_path):
    article = tmp_path / "hanoi.en.txt"
    article.write_text(
        "UAE and Vietnam exchange memoranda\n\nHANOI: The President of the UAE, Sheikh Mohamed bin Zayed Al "
        "Nahyan, held talks on Tuesday with Vietnamese President Luong Cuong in Hanoi. Following the talks, the "
        "two leaders witnessed the exchange of the following MoUs:\n- an MoU on investment cooperation;\n"
        "- an MoU on food security.\n",
        encoding="utf-8",
    )
    (article.parent / "hanoi.en.meta.json").write_text(
        '{"date": "2025-10-15", "lang": "en"}', encoding="utf-8"
    )
    store = Store.open(tmp_path / "store")
    ingest([str(article)], store=store)
    rows = store.select(
        "PREFIX dip: <https://w3id.org/dipkg/ontology#>\n"
        "SELECT ?a (SAMPLE(STR(?t)) AS ?title) WHERE { ?a a dip:Agreement ; dip:title ?t } GROUP BY ?a"
    )
    assert sorted(r["title"].value for r in rows) == ["MoU on food security", "MoU on investment cooperation"]
