"""``kg analyze``: measures, communities and country pairs with their trend, as a table, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from test_viz_corpus import corpus_store, iri, write_corpus_store

from kg.analyze import analyze, format_analysis
from kg.cli import main
from kg.errors import QueryError
from kg.viz import ViewOptions, build_network, make_view


@pytest.fixture(scope="module")
def result():
    return analyze(corpus_store(), top=None)


def pair(analysis, a: str, b: str):
    wanted = {iri(f"country/{a}"), iri(f"country/{b}")}
    return next(row for row in analysis.pairs if {row.first, row.second} == wanted)


def test_the_countries_view_by_default(result):
    assert (result.view, result.nodes, result.edges, result.articles) == ("countries", 4, 6, 4)
    assert result.filters == [] and result.empty is None


def test_most_central_nodes_come_first(result):
    ranked = [row.label for row in result.central]
    assert ranked[0] == "Kazakhstan" and len(ranked) == 4
    kz = result.central[0]
    # Kazakhstan: pairs with China (3), Uzbekistan (3), Kyrgyzstan (1)
    assert (kz.degree, kz.weight, kz.degree_centrality) == (3, 7.0, 1.0)
    assert all(row.betweenness == 0 for row in result.central)  # everyone meets everyone
    assert {row.community for row in result.central} <= {c.number for c in result.communities}


def test_the_same_measures_size_the_nodes_in_the_view():
    view = make_view(build_network(corpus_store()), ViewOptions(view="countries"))
    measured = {node: (m.degree, m.weight, m.betweenness) for node, m in view.measures.nodes.items()}
    analysed = {row.iri: (row.degree, row.weight, row.betweenness) for row in analyze(corpus_store()).central}
    assert measured == analysed


def test_pairs_count_held_meetings_and_signed_agreements_by_year(result):
    assert [(p.first_label, p.second_label, p.total) for p in result.pairs[:2]] == [
        ("China", "Kazakhstan", 3),
        ("Kazakhstan", "Uzbekistan", 3),
    ]
    assert result.years == [2024, 2025]
    cn_kz = pair(result, "CN", "KZ")
    assert (cn_kz.meetings, cn_kz.agreements, cn_kz.by_year, cn_kz.undated, cn_kz.trend) == (
        2, 1, {2024: 2, 2025: 1}, 0, "down",
    )  # fmt: skip
    kz_uz = pair(result, "KZ", "UZ")
    assert (kz_uz.by_year, kz_uz.trend) == ({2024: 1, 2025: 2}, "up")
    cn_uz = pair(result, "CN", "UZ")
    assert (cn_uz.by_year, cn_uz.undated, cn_uz.trend) == ({2024: 1}, 1, "down")  # m5 has no year


def test_filters_apply_to_every_table():
    found = analyze(corpus_store(), options=ViewOptions(view="countries", since="2025"))
    assert found.filters == ["--since 2025"] and found.years == [2025]
    assert {(p.first_label, p.second_label): p.trend for p in found.pairs} == {
        ("China", "Kazakhstan"): "-",
        ("Kazakhstan", "Uzbekistan"): "-",
    }
    kg_only = analyze(corpus_store(), options=ViewOptions(view="countries", countries=("KG",)))
    assert all(iri("country/KG") in (p.first, p.second) for p in kg_only.pairs) and len(kg_only.pairs) == 3


def test_other_views_and_top():
    actors = analyze(corpus_store(), options=ViewOptions(view="actors"), top=3)
    assert actors.view == "actors" and actors.nodes == 21 and len(actors.central) == 3
    assert actors.central[0].label == "Kazakhstan" and actors.central[0].cls == "Country"
    assert len(actors.pairs) <= 3 and len(actors.communities) <= 3


def test_nothing_to_analyse():
    empty = analyze(ox.Store())
    assert empty.empty.startswith("No facts in the store yet") and empty.central == []
    assert "nothing to analyse: No facts" in format_analysis(empty)
    filtered = analyze(corpus_store(), options=ViewOptions(view="countries", since="2030"))
    assert filtered.empty == "nothing matches these filters (--since 2030)"
    assert json.loads(format_analysis(filtered, fmt="json"))["empty"] == filtered.empty


# ---------------------------------------------------------------- formats


def test_table(result):
    text = format_analysis(result)
    lines = text.splitlines()
    assert lines[0] == "countries view: 4 nodes, 6 edges, from 4 articles; filters: none"
    assert "Most central nodes (by weighted degree; betweenness exact)" in lines
    assert "Communities (Louvain on the edge weights, largest first)" in lines
    assert "Most active country pairs (held meetings and signed agreements, by year)" in lines
    header = next(line for line in lines if line.startswith("rank  country_a"))
    assert header.split() == [
        "rank", "country_a", "country_b", "meetings", "agreements", "total", "2024", "2025", "undated", "trend",
    ]  # fmt: skip
    row = lines[lines.index(header) + 2].split()
    assert row == ["1", "China", "Kazakhstan", "2", "1", "3", "2", "1", "0", "down"]


def test_csv_one_table_at_a_time(result):
    rows = list(csv.reader(io.StringIO(format_analysis(result, fmt="csv", table="pairs"))))
    assert rows[0][:10] == [
        "rank", "country_a", "country_b", "meetings", "agreements", "total", "2024", "2025", "undated", "trend",
    ]  # fmt: skip
    assert rows[1] == ["1", "China", "Kazakhstan", "2", "1", "3", "2", "1", "0", "down", iri("country/CN"),
                       iri("country/KZ")]  # fmt: skip
    nodes = list(csv.DictReader(io.StringIO(format_analysis(result, fmt="csv", table="nodes"))))
    assert nodes[0]["node"] == "Kazakhstan" and nodes[0]["iri"] == iri("country/KZ")
    assert float(nodes[0]["degree_centrality"]) == 1.0
    with pytest.raises(QueryError, match="--format csv writes one table"):
        format_analysis(result, fmt="csv")


def test_json(result):
    document = json.loads(format_analysis(result, fmt="json"))
    assert set(document) == {
        "view", "filters", "nodes", "edges", "articles", "betweenness", "central", "communities", "years", "pairs",
    }  # fmt: skip
    first = document["pairs"][0]
    assert first["by_year"] == {"2024": 2, "2025": 1} and first["total"] == 3 and first["trend"] == "down"
    assert document["central"][0]["iri"] == iri("country/KZ")
    only = json.loads(format_analysis(result, fmt="json", table="communities"))
    assert "communities" in only and "pairs" not in only and "central" not in only


# ---------------------------------------------------------------- the command


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus_store(tmp_path_factory.mktemp("analyze") / "store")


def kg(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_command_prints_the_tables(store: Path):
    result = kg("analyze", "--store", store)
    assert result.exit_code == 0, result.output
    assert result.stdout == format_analysis(analyze(corpus_store()))


def test_command_formats_and_options(store: Path):
    result = kg(
        "analyze", "--store", store, "--format", "csv", "--table", "nodes", "--view", "actors", "--top", 2
    )
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3
    result = kg("analyze", "--store", store, "--format", "json", "--since", "2025", "--lang", "de")
    assert json.loads(result.stdout)["central"][0]["label"] == "Kasachstan"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "csv"), "kg: --format csv writes one table: add --table nodes, communities or pairs"),
        (("--top", "-1"), "kg: --top -1: give 0 (all rows) or more"),
        (("--focus", "Atlantis"), "kg: --focus 'Atlantis': no country in the store has that name"),
        (("--max-nodes", "0"), "kg: --max-nodes 0: nothing would be drawn"),
    ],
)
def test_command_bad_input(store: Path, args: tuple[str, ...], message: str):
    result = kg("analyze", "--store", store, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output
