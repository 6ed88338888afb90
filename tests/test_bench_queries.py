"""Smoke test of bench/queries.py: every saved query on every backend, on a 20-article store; no timing assertions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench_scripts import load_bench_script

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench" / "queries.py"
QUERIES = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def bench():
    return load_bench_script("queries")


@pytest.fixture(scope="module")
def run(bench, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bench-queries")
    doc = tmp / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nWritten by someone else.\n", encoding="utf-8")
    argv = ["--articles", "20", "--runs", "1", "--no-explain"]
    argv += ["--workdir", str(tmp / "work"), "--write", str(doc)]
    code = bench.main(argv)
    results = json.loads((tmp / "work" / "results.json").read_text(encoding="utf-8"))
    return code, results, doc, tmp


def test_every_saved_query_runs_on_every_backend(run):
    code, results, _, _ = run
    assert code == 0
    assert QUERIES, "no saved queries found"
    assert [q["name"] for q in results["queries"]] == QUERIES
    for query in results["queries"]:
        assert not query["skip"], (query["name"], query["skip"])
        backends = query["backends"]
        assert set(backends) == {"disk", "memory", "http", "rdflib"}
        for name in ("disk", "memory", "http"):
            timing = backends[name]
            assert timing["problem"] == "", (query["name"], name, timing["problem"])
            assert len(timing["times_ms"]) == 1 and timing["median_ms"] > 0
        oxigraph_rows = {backends[name]["rows"] for name in ("disk", "memory", "http")}
        assert len(oxigraph_rows) == 1, (query["name"], oxigraph_rows)  # one engine, one answer


def test_rdflib_answers_like_oxigraph_where_it_can(run):
    _, results, _, _ = run
    compared = 0
    for query in results["queries"]:
        rdflib = query["backends"]["rdflib"]
        if rdflib["problem"]:
            continue
        compared += 1
        assert rdflib["rows"] == query["backends"]["disk"]["rows"], query["name"]
    assert compared >= len(QUERIES) // 2


def test_the_store_is_described_and_cached(bench, run):
    _, results, _, tmp = run
    store = results["store"]
    assert store["articles"] == 20
    assert 0 < store["merged_triples"] < store["store_quads"]
    assert store["named_quads"] + store["merged_triples"] == store["store_quads"]
    # a second run with --reuse takes the cached store instead of ingesting again
    argv = ["--articles", "20", "--reuse", "--workdir", str(tmp / "work"), "--backends", "disk"]
    argv += ["--only", "cq4", "--json", str(tmp / "again.json")]
    assert bench.main(argv) == 0
    again = json.loads((tmp / "again.json").read_text(encoding="utf-8"))
    assert again["store"]["reused"] is True and not store["reused"]
    assert again["store"]["merged_triples"] == store["merged_triples"]
    assert [q["name"] for q in again["queries"]] == [n for n in QUERIES if "cq4" in n]


def test_the_section_is_written_and_replaced_not_repeated(bench, run):
    _, _, doc, _ = run
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\nWritten by someone else.\n")
    assert text.count(bench.SECTION) == 1 and text.count(bench.BEGIN) == 1
    for name in QUERIES:
        assert f"`{name}`" in text
    assert "| query | rows | disk median / p95 (ms)" in text
    doc.write_text(text + "\nA note kept by hand.\n", encoding="utf-8")
    bench.write_section(doc, text[text.index(bench.SECTION) :].replace("20 synthetic", "21 synthetic"))
    again = doc.read_text(encoding="utf-8")
    assert again.count(bench.BEGIN) == 1 and "21 synthetic" in again and "20 synthetic" not in again
    assert again.count("A note kept by hand.") == 1 and "Written by someone else." in again


def test_listings_are_compared_with_rdflib_as_kg_query_shows_them(run):
    _, results, doc, _ = run
    listings = [q for q in results["queries"] if q["page"]]
    assert listings, "no saved query declares a page"
    for query in listings:
        disk, rdflib = query["first_page_disk"], query["first_page_rdflib"]
        assert disk["rows"] is not None and disk["rows"] <= query["page"] + 1, query["name"]
        if not rdflib["problem"]:
            assert rdflib["rows"] == disk["rows"], query["name"]
    for query in results["queries"]:
        if not query["page"]:
            assert query["first_page_disk"] is None and query["first_page_rdflib"] is None
    text = doc.read_text(encoding="utf-8")
    assert "| rdflib first page median / p95 (ms) |" in text and "| disk vs rdflib, as shown |" in text
    assert "faster at the median for " in text and "as `kg query` shows them, for " in text


def test_speedups_count_lower_bounds_that_clear_the_target(bench):
    def row(disk_ms, rdflib_ms=None, *, timed_out=None):
        found = bench.QueryResultRow("q", {}, "")
        found.timings["disk"] = bench.Timing("disk", rows=1, times_ms=[disk_ms])
        found.timings["rdflib"] = bench.Timing(
            "rdflib", rows=1, times_ms=[rdflib_ms] if rdflib_ms else [], timed_out=timed_out
        )
        return found

    rows = [row(1.0, 50.0), row(1.0, 5.0), row(10.0, timed_out=20.0), row(5000.0, timed_out=20.0)]
    assert bench.speedup_summary(rows, paged=False).endswith(
        "for 2 of 4 queries with every row (where rdflib was stopped, by the lower bound)."
    )


def test_order_by_is_removed_for_rdflib_and_nothing_else(bench):
    sparql = "SELECT ?a WHERE { ?a ?b ?c } GROUP BY ?a ORDER BY DESC(?a) STR(?b) LIMIT 5"
    assert bench.without_order_by(sparql) == "SELECT ?a WHERE { ?a ?b ?c } GROUP BY ?a LIMIT 5"
    assert bench.without_order_by("SELECT * WHERE { ?a ?b ?c }") == "SELECT * WHERE { ?a ?b ?c }"


def test_speedups_say_when_rdflib_timed_out(bench):
    fast = bench.Timing("disk", rows=1, times_ms=[2.0, 4.0, 3.0])
    slow = bench.Timing("rdflib", rows=1, times_ms=[300.0])
    stopped = bench.Timing("rdflib", timed_out=60.0, problem="a run took > 60 s")
    assert fast.median == 3.0 and fast.p95 == 4.0
    assert bench.speedup(fast, slow) == "100×"
    assert bench.speedup(fast, stopped) == "> 20,000×"
    assert bench.speedup(bench.Timing("disk"), slow) == "—"


def test_the_store_says_where_its_time_goes(run, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main
    from kg.store import Store, format_timings

    _, _, _, tmp = run
    store_path = tmp / "work" / "store"
    result = CliRunner().invoke(
        main,
        [
            "query",
            "--store",
            str(store_path),
            "--profile",
            "--format",
            "csv",
            "SELECT ?s WHERE { ?s a dip:Country }",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "profile: store.query" in result.stderr and "profile: format as csv" in result.stderr
    assert "profile:" not in result.stdout
    with Store.open(store_path, read_only=True) as store:
        assert store.timings is None  # off unless asked for
    monkeypatch.setenv("KG_PROFILE", "1")
    with Store.open(store_path, read_only=True) as store:
        rows = store.select(
            "SELECT ?s WHERE { ?s a dip:Country }", prefixes={"dip": "https://w3id.org/dipkg/ontology#"}
        )
        assert [op for op, _, _ in store.timings][-1].startswith("select")
        assert store.timings[-1][2] == len(rows) > 0
        assert "rows" in format_timings(store.timings)
