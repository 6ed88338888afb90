"""Paging: ``# page:`` headers, ``# @page`` and ``# @params`` markers, ``kg query --limit/--offset/--all``,
``Graph.query(limit=, offset=)``, and the listings rewritten to cut their page inside the query.

``tests/data/paging-reference/`` holds the listing queries as they were before they were rewritten
for paging: on the sample corpus each rewritten query must give the same rows (as a multiset;
ties the old ``ORDER BY`` left open may now come in another order), and its pages, put together,
exactly its full result. When a query's meaning changes on purpose, update its reference.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode
from sample_corpus import ingest_sample

from kg import Graph
from kg.cli import main
from kg.errors import QueryError
from kg.query import format_result, page_query, run_query, write_result
from kg.saved_queries import bind_values, find_saved_query, page_size, parse_saved_query
from kg.store import Store

REFERENCE = Path(__file__).parent / "data" / "paging-reference"

# query -> the parameter values it is compared with (its examples, and more to see more rows)
LISTINGS = {
    "agreements-expiring": [{"year": "2027"}, {"year": "2025"}, {"year": "2030"}],
    "agreements-of-country": [{"country": "UZ"}, {"country": "KZ"}, {"country": "CN"}],
    "cq2-agreements-kazakhstan-china": [{}, {"a": "UZ", "b": "KZ"}],
    "provenance": [{"fact": "dipr:agreement/bdf6805f5a9702ac"}],
    "quotes-by-person": [{"person": "Murat Nurtleu"}, {"person": "Wang Yi"}],
    "travel-timeline": [{"person": "Murat Nurtleu"}, {"person": "Wang Yi"}],
    "missions-of-country": [{"country": "KZ"}, {"country": "UZ"}],
    "cq7-provenance": [{}],
    "cq3-roles-of-wang-yi": [{"person": "Wang Yi"}, {"person": "Murat Nurtleu"}],
    "cq6-meetings-per-person": [{}],
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("paging") / "store"
    with Store.open(path) as opened:
        ingest_sample(opened)
    return path


@pytest.fixture(scope="module")
def store(store_path):
    with Store.open(store_path, read_only=True) as opened:
        yield opened


def values(result) -> list[tuple]:
    return [tuple(None if t is None else str(t) for t in row) for row in result.rows]


def all_pages(store, text: str, size: int) -> list[tuple]:
    rows, offset = [], 0
    while True:
        page = run_query(store, text, limit=size, offset=offset)
        assert len(page.rows) <= size
        rows += values(page)
        if not page.more:
            return rows
        assert len(page.rows) == size and page.next_offset == offset + size
        offset = page.next_offset


# ---------------------------------------------------------------- the listings


def test_every_rewritten_listing_has_a_reference_and_declares_a_page():
    assert sorted(p.stem for p in REFERENCE.glob("*.rq")) == sorted(LISTINGS)
    for name in LISTINGS:
        assert find_saved_query(name).page == 100, name


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_a_listing_gives_the_rows_it_gave_before_and_its_pages_add_up(store, name):
    new = find_saved_query(name)
    old = parse_saved_query(REFERENCE / f"{name}.rq")
    seen_more = False
    for params in LISTINGS[name]:
        full = run_query(store, new.bind(params))
        before = run_query(store, old.bind(params) if old.params else old.text)
        assert full.variables == before.variables
        assert Counter(values(full)) == Counter(values(before)), (name, params)
        for size in (1, 2, 3):
            assert all_pages(store, new.bind(params), size) == values(full), (name, params, size)
        seen_more = seen_more or len(full.rows) > 1
    assert seen_more, f"{name}: no example has two rows, so paging is not tested"


def test_the_first_page_of_a_long_listing_says_more_follow(store):
    query = find_saved_query("cq7-provenance")
    page = run_query(store, query.bind(), limit=query.page)
    assert len(page.rows) == 100 and page.more and page.next_offset == 100
    assert page.page_note() == "rows 1–100 of more; next page: --offset 100 (--all: every row)"
    rest = run_query(store, query.bind(), offset=100)
    assert not rest.more and rest.next_offset is None
    assert rest.page_note().endswith("(the last page)")
    assert values(page) + values(rest) == values(run_query(store, query.bind()))


def test_streamed_rows_are_the_same_rows(store):
    text = find_saved_query("cq7-provenance").bind()
    streamed = run_query(store, text, stream=True)
    assert not isinstance(streamed.rows, list)
    assert [tuple(map(str, r)) for r in streamed.rows] == values(run_query(store, text))


@pytest.mark.parametrize("fmt", ["csv", "tsv", "table", "json"])
def test_write_result_streams_what_format_result_writes(store, fmt):
    import io

    text = find_saved_query("travel-timeline").bind({"person": "Murat Nurtleu"})
    whole = format_result(run_query(store, text), fmt=fmt)
    out = io.StringIO()
    count = write_result(run_query(store, text, stream=True), out, fmt=fmt)
    assert count == len(run_query(store, text).rows)
    if fmt == "json":
        assert json.loads(out.getvalue()) == json.loads(whole)
    else:
        assert out.getvalue() == whole


# ---------------------------------------------------------------- the header and the markers


def test_the_page_header_is_read_and_checked(tmp_path):
    good = parse_saved_query(tmp_path / "q.rq", text="# title: T\n# page: 25\nSELECT ?s WHERE { ?s ?p ?o }\n")
    assert good.page == 25
    assert parse_saved_query(tmp_path / "q.rq", text="# title: T\nSELECT ?s WHERE { }\n").page is None
    for bad in ("0", "-3", "ten", "10 rows", ""):
        with pytest.raises(QueryError, match=r"q\.rq:2: expected '# page: N'"):
            parse_saved_query(tmp_path / "q.rq", text=f"# title: T\n# page: {bad}\nSELECT ?s WHERE {{ }}\n")


def test_page_size_prefers_what_is_asked_for():
    assert page_size(None, declared=100) == 100
    assert page_size(None, declared=None) is None
    assert page_size(5, declared=100) == 5
    assert page_size(0, declared=100) is None
    assert page_size(None, declared=100, every_row=True) is None
    with pytest.raises(QueryError, match="not both"):
        page_size(5, declared=100, every_row=True)


def test_page_query_writes_limit_and_offset_at_the_end_and_at_the_marker():
    plain = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"
    assert page_query(plain, limit=11, offset=20).endswith("ORDER BY ?s\nLIMIT 11 OFFSET 20\n")
    assert page_query(plain, limit=None, offset=0) == plain
    assert page_query(plain, limit=None, offset=5).endswith("\nOFFSET 5\n")
    marked = (
        "SELECT ?s ?o WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\n # @page\n } ?s ?q ?o } ORDER BY ?s"
    )
    paged = page_query(marked, limit=11, offset=20)
    assert "ORDER BY ?s\n LIMIT 31 # @page" in paged  # the keys up to the end of the page
    assert paged.endswith("\nLIMIT 11 OFFSET 20\n")
    assert "LIMIT 31" not in page_query(marked, limit=None, offset=20)


@pytest.mark.parametrize(
    ("sparql", "message"),
    [
        ("ASK { ?s ?p ?o }", "page the rows of a SELECT; this query is ASK"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "this query is CONSTRUCT"),
        ("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3", "has its own LIMIT"),
        ("SELECT ?s WHERE { ?s ?p ?o } VALUES ?s { <x:a> }", "has its own VALUES"),
        (
            "SELECT ?s WHERE { { SELECT ?s WHERE {} # @page\n } { SELECT ?s WHERE {} # @page\n } }",
            "two '# @page'",
        ),
    ],
)
def test_what_cannot_be_paged_says_why(sparql, message):
    with pytest.raises(QueryError, match=message):
        page_query(sparql, limit=10, offset=0)


def test_a_limit_inside_a_sub_select_does_not_stop_paging():
    text = "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 3 } }"
    assert page_query(text, limit=2).endswith("\nLIMIT 2\n")


VALUES_TO_TRY = [
    'a "quoted" value',
    "braces { } and }",
    "}",
    "} } # @page",
    "# @params",
    "'''",
    "back\\slash",
    "x\nnew line",
]


@pytest.mark.parametrize("text", VALUES_TO_TRY)
def test_parameters_go_where_the_params_marker_is_and_stay_one_value(store, text):
    sparql = (
        "SELECT ?echo WHERE {\n"
        "  { SELECT ?echo WHERE {\n"
        "      # @params\n"
        "      BIND(?given AS ?echo)\n"
        "    } ORDER BY ?echo\n"
        "    # @page\n"
        "  }\n"
        "}\n"
    )
    bound = bind_values(sparql, {"given": Literal(text)})
    assert bound.index("VALUES (?given)") < bound.index("# @params")
    for limit, offset in ((None, 0), (1, 0), (5, 0)):
        result = run_query(store, bound, limit=limit, offset=offset)
        assert [row[0].value for row in result.rows] == [text]
        assert not result.more
    assert run_query(store, bound, offset=1).rows == []


def test_a_saved_query_binds_into_its_keys_sub_select(store):
    query = find_saved_query("agreements-of-country")
    text = query.bind({"country": "UZ"})
    at = text.index("VALUES (?country) { (<https://w3id.org/dipkg/id/country/UZ>) }")
    assert text.index("SELECT ?agreement ?type ?country") < at < text.index("# @page")
    hostile = "UZ} } SELECT * WHERE { ?s ?p ?o } #"
    with pytest.raises(QueryError, match="unknown country"):
        query.bind({"country": hostile})
    echo = bind_values(
        "SELECT ?x WHERE { { SELECT ?x WHERE { # @params\n } } }", {"x": NamedNode("https://example.org/a")}
    )
    assert run_query(store, echo).rows[0][0] == NamedNode("https://example.org/a")


def test_every_params_marker_gets_the_values(store):
    text = (
        "SELECT ?a ?b WHERE {\n"
        "  { SELECT ?a WHERE { # @params\n BIND(?x AS ?a) } }\n"
        "  { SELECT ?b WHERE { # @params\n BIND(?x AS ?b) } }\n"
        "}"
    )
    bound = bind_values(text, {"x": Literal("} # @params {")})
    assert bound.count("VALUES (?x)") == 2
    assert [(a.value, b.value) for a, b in run_query(store, bound).rows] == [
        ("} # @params {", "} # @params {")
    ]


# ---------------------------------------------------------------- the command line and the API


def kg(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="kg")


def test_kg_query_shows_the_declared_page_and_says_how_to_get_the_next(store_path):
    first = kg("query", "--name", "cq7-provenance", "--store", str(store_path), "--format", "csv")
    assert first.exit_code == 0, first.output
    assert len(first.stdout.splitlines()) == 1 + 100
    assert "rows 1–100 of more; next page: --offset 100 (--all: every row)" in first.stderr
    assert "of more" not in first.stdout
    rest = kg(
        "query", "--name", "cq7", "--offset", "100", "--all", "--store", str(store_path), "--format", "csv"
    )
    every = kg("query", "--name", "cq7", "--all", "--store", str(store_path), "--format", "csv")
    assert rest.exit_code == 0 and every.exit_code == 0, rest.output + every.output
    assert first.stdout.splitlines() + rest.stdout.splitlines()[1:] == every.stdout.splitlines()
    assert "(the last page)" in rest.stderr and every.stderr == ""


def test_kg_query_limit_and_offset_on_a_table(store_path):
    args = (
        "query",
        "--name",
        "travel-timeline",
        "--param",
        "person=Murat Nurtleu",
        "--store",
        str(store_path),
    )
    page = kg(*args, "--limit", "3", "--offset", "2")
    assert page.exit_code == 0, page.output
    lines = page.stdout.splitlines()
    assert (
        len(lines) == 2 + 3 + 1 and lines[-1] == "rows 3–5 of more; next page: --offset 5 (--all: every row)"
    )
    whole = kg(*args, "--limit", "0")
    assert [line.split() for line in whole.stdout.splitlines()[4:7]] == [line.split() for line in lines[2:5]]
    assert "of more" not in whole.output


def test_kg_query_paging_errors_are_one_line(store_path):
    both = kg("query", "--name", "cq7", "--limit", "5", "--all", "--store", str(store_path))
    assert both.exit_code != 0 and "not both" in both.output and "Traceback" not in both.output
    ask = kg("query", "ASK { ?s ?p ?o }", "--limit", "5", "--store", str(store_path))
    assert ask.exit_code != 0 and "page the rows of a SELECT" in ask.output
    negative = kg("query", "--name", "cq7", "--offset", "-1", "--store", str(store_path))
    assert negative.exit_code != 0


def test_kg_query_pages_a_typed_query_with_a_header(store_path):
    text = "# page: 2\nSELECT ?m WHERE { ?m a dip:Meeting } ORDER BY ?m"
    page = kg("query", text, "--store", str(store_path), "--format", "tsv")
    assert page.exit_code == 0, page.output
    assert len(page.stdout.splitlines()) == 3 and "next page: --offset 2" in page.stderr


def test_graph_query_pages_like_the_command_line(store_path):
    with Graph.open(store_path, read_only=True) as g:
        first = g.query("cq7-provenance")
        assert len(first) == 100 and first.more and first.next_offset == 100
        assert "next page: offset=100" in repr(first) and "offset=100" in first._repr_html_()
        second = g.query("cq7-provenance", offset=100, limit=50)
        every = g.query("cq7-provenance", limit=0)
        assert not every.more and len(every) > 150
        assert first.tuples() + second.tuples() == every.tuples()[:150]
        timeline = g.query("travel-timeline", person="Murat Nurtleu", limit=2)
        assert len(timeline) == 2 and timeline.more
        assert not g.query("SELECT ?m WHERE { ?m a dip:Meeting }").more  # no header: every row
