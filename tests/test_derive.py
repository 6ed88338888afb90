"""Derived country-pair relations: the CONSTRUCT, its own graph outside the merged one, staleness, the command."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode, Quad
from sample_corpus import ingest_sample

from kg.cli import main
from kg.derive import derive, derived_quads, derived_status, refresh_derived
from kg.ingest import ingest
from kg.saved_queries import run_saved_query
from kg.store import Store
from kg.validate import validate
from kg.vocab import DERIVED_GRAPH, DIP, PREFIXES, REFERENCE_GRAPH, article_graph

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"

PAIRS = f"""
PREFIX dip: <{PREFIXES["dip"]}>
SELECT ?a ?b ?year ?meetings ?agreements ?figures WHERE {{
  GRAPH <{DERIVED_GRAPH}> {{
    ?pair dip:country ?ca , ?cb ; dip:pairYear ?year ; dip:meetingCount ?meetings ;
          dip:agreementCount ?agreements ; dip:statisticCount ?figures .
  }}
  BIND(STRAFTER(STR(?ca), "/country/") AS ?a) BIND(STRAFTER(STR(?cb), "/country/") AS ?b)
  FILTER(?a < ?b)
}}
"""

# the facts each pair's counts come from, read without the derivation's CONSTRUCT
FACTS = f"""
PREFIX dip: <{PREFIXES["dip"]}>
SELECT ?kind ?fact ?country ?when ?status WHERE {{
  {{ ?fact a dip:Meeting ; dip:participantCountry ?country . BIND("meeting" AS ?kind)
     OPTIONAL {{ ?fact dip:date ?when }} OPTIONAL {{ ?fact dip:status ?status }} }}
  UNION
  {{ ?fact a dip:Agreement ; dip:partyCountry ?country . BIND("agreement" AS ?kind)
     OPTIONAL {{ ?fact dip:signedOn ?signed }} OPTIONAL {{ ?fact dip:signedAt/dip:date ?day }}
     BIND(COALESCE(?signed, ?day) AS ?when) OPTIONAL {{ ?fact dip:status ?status }} }}
  UNION
  {{ ?fact a dip:Statistic ; dip:concerns ?country ; dip:year ?when . BIND("figure" AS ?kind) }}
}}
"""


def pairs(store: Store) -> dict[tuple[str, str, str], tuple[int, int, int]]:
    out = {}
    for row in store.select(PAIRS):
        key = (row["a"].value, row["b"].value, row["year"].value)
        assert key not in out, key
        out[key] = (int(row["meetings"].value), int(row["agreements"].value), int(row["figures"].value))
    return out


def recount(store: Store) -> dict[tuple[str, str, str], tuple[int, int, int]]:
    """The counts computed in Python from the facts: what the derivation must agree with."""
    facts: dict[tuple[str, str], dict] = {}
    for row in store.select(FACTS):
        key = (row["kind"].value, row["fact"].value)
        item = facts.setdefault(key, {"countries": set(), "when": set(), "status": set()})
        item["countries"].add(row["country"].value.rsplit("/", 1)[1])
        if "when" in row:
            item["when"].add(row["when"])
        if "status" in row:
            item["status"].add(row["status"].value)
    counted = {"meeting": {"held"}, "agreement": {"signed", "adopted"}, "figure": set()}
    found: dict[tuple[str, str, str], dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for (kind, fact), item in facts.items():
        if item["status"] - counted[kind]:
            continue  # planned, cancelled
        for when in item["when"]:
            if when.datatype.value.endswith("gMonthDay"):
                continue
            year = when.value[:4]
            for a in item["countries"]:
                for b in item["countries"]:
                    if a < b:
                        found[(a, b, year)][kind].add(fact)
    return {
        key: (len(kinds["meeting"]), len(kinds["agreement"]), len(kinds["figure"]))
        for key, kinds in found.items()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Store:
    store = Store.in_memory()
    ingest_sample(store)
    report = derive(store)
    assert report.changed and report.pairs > 50
    return store


# ---------------------------------------------------------------- the sample corpus


def test_counts_read_from_the_articles_by_hand(corpus):
    found = pairs(corpus)
    # berlin-tashkent-talks.de: talks and a memorandum on 11 Feb 2025 (the planned return visit does
    # not count), the 2024 trade volume (the investment stock has no year)
    assert found[("DE", "UZ", "2025")] == (1, 1, 0)
    assert found[("DE", "UZ", "2024")] == (0, 0, 1)
    # samarkand-hungary-visit.en: trade "reached $420 million in 2024"
    assert found[("HU", "UZ", "2024")] == (0, 0, 1)
    # london-astana-dialogue.en: the Strategic Dialogue and the talks of the next day; 2024 trade and
    # "last year"'s investment
    assert found[("GB", "KZ", "2025")][0] == 2
    assert found[("GB", "KZ", "2024")] == (0, 0, 2)
    # pairs are written once, codes in order; no pair of a country with itself
    assert not any(a >= b for a, b, _ in found)


def test_every_count_agrees_with_a_recount_of_the_facts(corpus):
    assert pairs(corpus) == recount(corpus)


def test_the_derived_graph_stays_out_of_the_merged_graph(corpus):
    merged = corpus.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a <{DIP.CountryPairYear.value}> }}")
    assert merged[0]["n"].value == "0"
    named = {g.value for g in corpus.oxigraph.named_graphs()}
    assert DERIVED_GRAPH in named and REFERENCE_GRAPH in named
    pair = NamedNode("https://w3id.org/dipkg/id/country-pair/DE-UZ/2025")
    triples = list(corpus.oxigraph.quads_for_pattern(pair, None, None, NamedNode(DERIVED_GRAPH)))
    assert len(triples) == 7  # type, two countries, year and three counts
    assert Literal("2025", datatype=NamedNode(PREFIXES["xsd"] + "gYear")) in {q.object for q in triples}


def test_deriving_again_changes_nothing(corpus):
    before = corpus.graph_quads(DERIVED_GRAPH)
    report = derive(corpus)
    assert not report.changed and report.articles == len(corpus.article_shas())
    assert corpus.graph_quads(DERIVED_GRAPH) == before


def test_the_saved_query_reads_the_derived_graph(corpus):
    result = run_saved_query(corpus, "derive-country-pairs", {"country": "de"})
    rows = [
        dict(zip(result.variables, (t.value if t else None for t in row), strict=True)) for row in result.rows
    ]
    assert rows and all("DE" in (r["a"], r["b"]) for r in rows)
    assert {(r["a"], r["b"], r["year"]): (r["meetings"], r["agreements"], r["figures"]) for r in rows}[
        ("DE", "UZ", "2025")
    ] == ("1", "1", "0")
    assert rows[0]["nameA"] and rows[0]["nameB"]
    everything = run_saved_query(corpus, "derive-country-pairs")
    assert len(everything) == len(pairs(corpus))


# ---------------------------------------------------------------- small stores


ARTICLE = (
    "Kazakhstan and Mongolia hold talks\n\n"
    "Kazakh Foreign Minister Murat Nurtleu met Mongolian Foreign Minister Ana Example in Astana on "
    "{day}. The ministers signed a memorandum on transit cooperation.\n"
)


def small_store(folder: Path, days: list[tuple[str, str]]) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (published, day) in enumerate(days):
        (folder / f"n{i}.en.txt").write_text(ARTICLE.format(day=day), encoding="utf-8")
        (folder / f"n{i}.en.meta.json").write_text(
            json.dumps({"date": published, "lang": "en"}), encoding="utf-8"
        )
    store = Store.in_memory()
    assert ingest([folder], store=store).ok
    return store


def test_the_same_meeting_told_twice_counts_once_and_years_stay_apart(tmp_path):
    store = small_store(
        tmp_path / "a",
        [("2024-05-15", "14 May 2024"), ("2024-05-20", "14 May 2024"), ("2025-03-05", "4 March 2025")],
    )
    derive(store)
    assert pairs(store) == {("KZ", "MN", "2024"): (1, 1, 0), ("KZ", "MN", "2025"): (1, 1, 0)}
    assert validate(store).conforms


def test_status_follows_the_articles_and_refresh_keeps_it_current(tmp_path):
    store = small_store(tmp_path / "b", [("2024-05-15", "14 May 2024")])
    assert derived_status(store).exists is False
    assert refresh_derived(store) is None  # nothing to refresh: ingesting never creates the graph
    derive(store)
    assert derived_status(store).current and derived_status(store).pairs == 1
    more = tmp_path / "more"
    more.mkdir()
    (more / "m.en.txt").write_text(ARTICLE.format(day="2 June 2025"), encoding="utf-8")
    (more / "m.en.meta.json").write_text('{"date": "2025-06-03", "lang": "en"}', encoding="utf-8")
    assert ingest([more], store=store).new == 1
    status = derived_status(store)
    assert status.exists and not status.current and status.pairs == 1
    report = refresh_derived(store)
    assert report is not None and report.changed and report.pairs == 2
    assert derived_status(store).current


def test_put_graph_replaces_one_graph_and_refuses_articles_and_reference(tmp_path):
    store = Store.in_memory()
    graph = NamedNode(DERIVED_GRAPH)
    first = [
        Quad(
            NamedNode("urn:x:a"),
            DIP.meetingCount,
            Literal("1", datatype=NamedNode(PREFIXES["xsd"] + "integer")),
            graph,
        )
    ]
    assert store.put_graph(DERIVED_GRAPH, first) is True
    assert store.put_graph(DERIVED_GRAPH, first) is False
    assert store.put_graph(DERIVED_GRAPH, []) is True
    assert store.graph_quads(DERIVED_GRAPH) == set()
    for bad in (REFERENCE_GRAPH, article_graph("a" * 64)):
        with pytest.raises(ValueError, match="article or the reference graph"):
            store.put_graph(bad, [])
    with pytest.raises(ValueError, match="every quad must be in the graph"):
        store.put_graph(DERIVED_GRAPH, [Quad(*first[0].triple, NamedNode(REFERENCE_GRAPH))])
    # nothing of it reached the merged default graph
    assert store.select("SELECT (COUNT(*) AS ?n) WHERE { <urn:x:a> ?p ?o }")[0]["n"].value == "0"


def test_derived_quads_carry_the_marker_of_the_articles(tmp_path):
    store = small_store(tmp_path / "c", [("2024-05-15", "14 May 2024")])
    quads = derived_quads(store)
    markers = [q for q in quads if q.subject == NamedNode(DERIVED_GRAPH)]
    names = {q.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for q in markers}
    assert names == {"sha256", "title", "articleCount"}
    count = next(q.object for q in markers if q.predicate.value.endswith("#articleCount"))
    assert count.value == "1"  # the saved queries compare it with the articles the store holds
    assert all(q.graph_name == NamedNode(DERIVED_GRAPH) for q in quads)


# ---------------------------------------------------------------- the command


def kg(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="kg")


def test_kg_derive_and_kg_stats(tmp_path):
    folder = tmp_path / "articles"
    small_store(folder, [("2024-05-15", "14 May 2024")])  # writes the files
    store = tmp_path / "store"
    assert kg("ingest", "--store", store, folder).exit_code == 0
    stats = kg("stats", "--store", store)
    assert stats.exit_code == 0 and "derived graph: none (run `kg derive`)" in stats.output
    result = kg("derive", "--store", store)
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"derived: 1 country pairs per year \(\d+ triples\) from 1 articles\n", result.output)
    assert "derived graph: 1 country pairs per year, up to date" in kg("stats", "--store", store).output
    numbers = json.loads(kg("stats", "--store", store, "--format", "json").output)
    assert numbers["derived"] == {"exists": True, "pairs": 1, "current": True}
    # once derived, ingest keeps it current
    (folder / "n9.en.txt").write_text(ARTICLE.format(day="2 June 2025"), encoding="utf-8")
    (folder / "n9.en.meta.json").write_text('{"date": "2025-06-03", "lang": "en"}', encoding="utf-8")
    again = kg("ingest", "--store", store, folder)
    assert again.exit_code == 0 and re.search(
        r"derived: 2 country pairs per year \(\d+ triples\) from 2 articles", again.output
    )
    removed = kg("remove", "--store", store, folder / "n9.en.txt")
    assert re.search(r"derived: 1 country pairs per year \(\d+ triples\) from 1 articles", removed.output)
    assert "up to date" in kg("stats", "--store", store).output
