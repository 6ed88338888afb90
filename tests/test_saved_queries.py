"""Saved, parameterised queries: the header convention, values bound as RDF terms (never pasted),
and ``kg query --name`` / ``kg queries``. What each shipped query answers is in test_queries.py."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import QueryError
from kg.query import run_query
from kg.saved_queries import (
    PARAM_TYPES,
    Param,
    bind_query_text,
    bind_values,
    find_saved_query,
    format_saved_queries,
    parse_param_args,
    parse_saved_query,
    saved_queries,
    to_term,
)
from kg.store import Store
from kg.vocab import DIP, DIPR, XSD, article_graph

SHA = "d" * 64
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
NASTY = [
    '"} ; DROP ALL #',
    "} } DROP ALL ; SELECT * WHERE { ?s ?p ?o",
    'Almaty" } UNION { ?s ?p ?o',
    "'; DELETE WHERE { ?s ?p ?o } #",
    "{{}}",
    '\\" \\\\ \\u0022',
    "line one\nline two } #",
    '"""',
]

ECHO = """# title: Echo
# description: Gives back its parameter.
# param: x string The value
SELECT ?x ?length WHERE { BIND(STRLEN(?x) AS ?length) }
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.rq"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A small on-disk store: one meeting in Almaty with Wang Yi."""
    path = tmp_path / "store"
    g = ox.NamedNode(article_graph(SHA))
    wang = ox.NamedNode(f"{DIPR}person/wang-yi")
    almaty = ox.NamedNode(f"{DIPR}place/almaty-kz")
    meeting = ox.NamedNode(f"{DIPR}meeting/0001")
    with Store.open(path) as store:
        store.put_article(
            SHA,
            [
                ox.Quad(wang, RDF_TYPE, DIP.Person, g),
                ox.Quad(wang, RDFS_LABEL, ox.Literal("Wang Yi", language="en"), g),
                ox.Quad(almaty, RDF_TYPE, DIP.Place, g),
                ox.Quad(almaty, RDFS_LABEL, ox.Literal("Almaty", language="en"), g),
                ox.Quad(meeting, RDF_TYPE, DIP.Meeting, g),
                ox.Quad(meeting, DIP.participant, wang, g),
                ox.Quad(meeting, DIP.meetingType, ox.NamedNode(f"{DIPR}meeting-type/bilateral-talks"), g),
                ox.Quad(meeting, DIP.location, almaty, g),
                ox.Quad(meeting, DIP.date, ox.Literal("2025-05-21", datatype=XSD.date), g),
                ox.Quad(meeting, DIP.participantCountry, ox.NamedNode(f"{DIPR}country/CN"), g),
            ],
        )
    return path


def kg(*args: object, input: str | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, prog_name="kg")


def dump(path: Path) -> set[str]:
    with Store.open(path, read_only=True) as store:
        return {str(q) for q in store.oxigraph}


# ---------------------------------------------------------------- the header


def test_the_header_gives_title_description_params_and_examples(tmp_path: Path):
    path = write(
        tmp_path,
        "timeline",
        """# title: A person's travel timeline
# description: Every meeting a person took part in,
#   by date.
# param: person person default="Wang Yi" The person (name or IRI)
# param: year year The year
# example: person="Murat Nurtleu" year=2025
# example: year=2024
#
# A remark that is not part of the description.
SELECT ?m WHERE { ?m <p> ?person ; <q> ?year }
""",
    )
    query = parse_saved_query(path)
    assert query.name == "timeline"
    assert query.title == "A person's travel timeline"
    assert query.description == "Every meeting a person took part in, by date."
    assert query.params == (
        Param("person", "person", "Wang Yi", "The person (name or IRI)"),
        Param("year", "year", None, "The year"),
    )
    assert [p.required for p in query.params] == [False, True]
    assert [p.describe() for p in query.params] == ['person:person="Wang Yi"', "year:year"]
    assert query.examples == ((("person", "Murat Nurtleu"), ("year", "2025")), (("year", "2024"),))


def test_an_old_style_first_comment_line_is_the_title(tmp_path: Path):
    query = parse_saved_query(write(tmp_path, "old", "# CQ9: Who?\nSELECT * WHERE { ?s ?p ?o }\n"))
    assert (query.title, query.params, query.examples) == ("CQ9: Who?", (), ())


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("# param: x colour The x", "unknown parameter type 'colour'"),
        ("# param: x", "expected '# param: NAME TYPE"),
        ("# param: 1x string The x", "expected '# param: NAME TYPE"),
        ("# param: x string The x\n# param: x string Again", "'x' is declared twice"),
        ("# param: unused string Never used", "?unused is not used"),
        ("# param: x year default=twenty The x", "default of 'x': 'twenty' is not a year"),
        ("# param: x string The x\n# example: y=1", "unknown parameter 'y'"),
        ("# param: x date The x\n# example: x=2025-13-01", "example value of 'x'"),
        ("# param: x string The x\n# example: x='open", "malformed example"),
        ("# param: x string The x\n# example: novalue", "expected KEY=VALUE"),
    ],
)
def test_a_malformed_header_is_one_error_naming_the_file(tmp_path: Path, header: str, message: str):
    path = write(tmp_path, "bad", f"# title: Bad\n{header}\nSELECT ?x WHERE {{ ?x ?p ?o }}\n")
    with pytest.raises(QueryError, match="bad.rq") as error:
        parse_saved_query(path)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_every_shipped_query_has_a_valid_header():
    queries = saved_queries()
    names = [q.name for q in queries]
    assert names == sorted(names) and len(names) == len(set(names))
    for query in queries:
        assert query.title and "\n" not in query.title
        assert all(p.type in PARAM_TYPES for p in query.params)


# ---------------------------------------------------------------- values -> terms


@pytest.mark.parametrize(
    ("value", "kind", "term"),
    [
        ("KZ", "country", ox.NamedNode(f"{DIPR}country/KZ")),
        ("kz", "country", ox.NamedNode(f"{DIPR}country/KZ")),
        ("Kazakhstan", "country", ox.NamedNode(f"{DIPR}country/KZ")),
        ("Kasachstan", "country", ox.NamedNode(f"{DIPR}country/KZ")),
        ("  united   kingdom ", "country", ox.NamedNode(f"{DIPR}country/GB")),
        ("dipr:country/CN", "country", ox.NamedNode(f"{DIPR}country/CN")),
        ("foreign-minister", "role", ox.NamedNode(f"{DIPR}role/foreign-minister")),
        ("Foreign Minister", "role", ox.NamedNode(f"{DIPR}role/foreign-minister")),
        ("c5-plus-1", "format", ox.NamedNode(f"{DIPR}format/c5-plus-1")),
        ("C5+1", "format", ox.NamedNode(f"{DIPR}format/c5-plus-1")),
        ("Shanghai Cooperation Organisation", "format", ox.NamedNode(f"{DIPR}format/sco")),
        ("Wang Yi", "person", ox.NamedNode(f"{DIPR}person/wang-yi")),
        ("Recep Tayyip Erdoğan", "person", ox.NamedNode(f"{DIPR}person/recep-tayyip-erdogan")),
        ("<https://example.org/x>", "iri", ox.NamedNode("https://example.org/x")),
        ("https://example.org/x", "iri", ox.NamedNode("https://example.org/x")),
        ("dipr:meeting/0001", "iri", ox.NamedNode(f"{DIPR}meeting/0001")),
        ("dip:Meeting", "iri", DIP.Meeting),
        ('a "quoted" {value}', "string", ox.Literal('a "quoted" {value}')),
        ("2025-05-21", "date", ox.Literal("2025-05-21", datatype=XSD.date)),
        ("2024", "year", ox.Literal("2024", datatype=XSD.gYear)),
        (2024, "year", ox.Literal("2024", datatype=XSD.gYear)),
        ("+042", "integer", ox.Literal("42", datatype=XSD.integer)),
        ("1e9", "decimal", ox.Literal("1000000000", datatype=XSD.decimal)),
        (Decimal("0.75"), "decimal", ox.Literal("0.75", datatype=XSD.decimal)),
    ],
)
def test_values_become_terms_of_their_type(value, kind: str, term):
    assert to_term(value, kind, where="test") == term


@pytest.mark.parametrize(
    ("value", "kind", "message"),
    [
        ("Atlantis", "country", "unknown country 'Atlantis'"),
        ("court-jester", "role", "unknown role 'court-jester'"),
        ("G99", "format", "unknown format 'G99'"),
        ("!!!", "person", "is not a name"),
        ("not an iri", "iri", "is not an IRI"),
        ('https://example.org/"} ; DROP ALL #', "iri", "is not an IRI"),
        ("https://example.org/x> } DROP ALL", "iri", "is not an IRI"),
        ("2025-02-30", "date", "is not a date"),
        ("21.05.2025", "date", "is not a date"),
        ("25", "year", "is not a year"),
        ("4.5", "integer", "is not an integer"),
        ("NaN", "decimal", "is not a decimal"),
        ("ten", "decimal", "is not a decimal"),
    ],
)
def test_a_badly_typed_value_is_one_error(value: str, kind: str, message: str):
    with pytest.raises(QueryError, match="^query q: parameter 'p': ") as error:
        to_term(value, kind, where="query q: parameter 'p'")
    assert message in str(error.value)


def test_param_args_split_at_the_first_equals_sign():
    assert parse_param_args(["a=b=c", "empty=", "x= spaced "]) == {"a": "b=c", "empty": "", "x": " spaced "}
    with pytest.raises(QueryError, match="expected KEY=VALUE"):
        parse_param_args(["novalue"])
    with pytest.raises(QueryError, match="'a' is given twice"):
        parse_param_args(["a=1", "a=2"])


# ---------------------------------------------------------------- binding


def test_values_open_the_outermost_where_group():
    select = 'SELECT ?x WHERE { { SELECT ?y WHERE { ?y ?p "{" } } ?x ?p ?y } # {'
    bound = bind_values(select, {"z": ox.Literal("v")})
    assert bound.startswith('SELECT ?x WHERE {\n  VALUES (?z) { ("v") }\n { SELECT ?y')
    ask = bind_values("ASK { ?s ?p ?o }", {"s": ox.NamedNode("https://e.org/s")})
    assert ask == "ASK {\n  VALUES (?s) { (<https://e.org/s>) }\n ?s ?p ?o }"
    construct = bind_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"o": ox.Literal("1")})
    assert construct.startswith("CONSTRUCT { ?s ?p ?o } WHERE {\n  VALUES (?o)")
    short = bind_values("CONSTRUCT { ?s ?p ?o } { ?s ?p ?o }", {"o": ox.Literal("1")})
    assert short.startswith("CONSTRUCT { ?s ?p ?o } {\n  VALUES (?o)")
    # several parameters are one row, so that the engine starts from all of them at once
    two = bind_values("SELECT * { ?s ?p ?o }", {"s": ox.NamedNode("https://e.org/s"), "o": ox.Literal("1")})
    assert two == 'SELECT * {\n  VALUES (?s ?o) { (<https://e.org/s> "1") }\n ?s ?p ?o }'
    prefixed = bind_values(
        'PREFIX x: <https://e.org/where#> SELECT * { ?s x:p "WHERE {" }', {"o": ox.Literal("1")}
    )
    assert prefixed.startswith("PREFIX x: <https://e.org/where#> SELECT * {\n  VALUES (?o)")
    with pytest.raises(QueryError, match="no WHERE group"):
        bind_values("DROP ALL", {"o": ox.Literal("1")})


@pytest.mark.parametrize("value", NASTY)
def test_a_value_is_always_one_literal(value: str):
    """Whatever it holds, the value comes back as it was given, as one literal."""
    store = Store.in_memory()
    query = parse_saved_query(Path("echo.rq"), text=ECHO)
    result = run_query(store, query.bind({"x": value}))
    assert [(row[0].value, int(row[1].value)) for row in result.rows] == [(value, len(value))]
    assert len(store.oxigraph) == 0


def test_required_unknown_and_default_params():
    query = parse_saved_query(
        Path("q.rq"), text="# param: a string\n# param: b year default=2024\nSELECT * { ?a ?b ?c }"
    )
    with pytest.raises(QueryError, match=r"^query q: parameter 'a' \(string\) is required"):
        query.bind({})
    with pytest.raises(QueryError, match=r"^query q: unknown parameter 'c' \(known: a, b\)$"):
        query.bind({"a": "x", "c": "y"})
    assert query.terms({"a": "x"}) == {"a": ox.Literal("x"), "b": ox.Literal("2024", datatype=XSD.gYear)}
    assert query.terms({"a": ox.NamedNode("https://e.org/a"), "b": 1999})["b"].value == "1999"


def test_a_query_without_params_is_left_as_it_is():
    assert bind_query_text("SELECT * WHERE { ?s ?p ?o }") == "SELECT * WHERE { ?s ?p ?o }"
    with pytest.raises(QueryError, match="unknown parameter 'x' \\(known: none\\)"):
        bind_query_text("SELECT * WHERE { ?s ?p ?o }", {"x": "1"})


def test_find_by_exact_name_or_unique_prefix(tmp_path: Path):
    for name in ("alpha", "alphabet", "beta-one"):
        write(tmp_path, name, f"# title: {name}\nSELECT * WHERE {{ ?s ?p ?o }}\n")
    assert find_saved_query("alpha", directory=tmp_path).name == "alpha"
    assert find_saved_query("beta", directory=tmp_path).name == "beta-one"
    assert find_saved_query("beta-one.rq", directory=tmp_path).name == "beta-one"
    with pytest.raises(QueryError, match="'alph' matches 2 saved queries: alpha, alphabet"):
        find_saved_query("alph", directory=tmp_path)
    with pytest.raises(QueryError, match="no saved query 'gamma'"):
        find_saved_query("gamma", directory=tmp_path)
    with pytest.raises(QueryError, match="is not a query name"):
        find_saved_query("../etc/passwd", directory=tmp_path)


# ---------------------------------------------------------------- the command line


def test_kg_query_name_binds_params(store_path: Path):
    result = kg("query", "--store", store_path, "--name", "cq1", "--param", "city=Almaty", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "minister,country,date,format,meetingType"
    result = kg("query", "--store", store_path, "--name", "travel-timeline", "--param", "person=Wang Yi")
    assert result.exit_code == 0, result.output
    assert "2025-05-21" in result.output and "Almaty" in result.output


@pytest.mark.parametrize("value", NASTY)
def test_kg_query_binds_nasty_values_as_literals_and_the_store_is_unchanged(store_path: Path, value: str):
    before = dump(store_path)
    result = kg("query", "--store", store_path, "--name", "cq1", "--param", f"city={value}")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2:] == []  # a header and a rule, no rows: no city has that name
    result = kg("query", "--store", store_path, "--name", "facts-of-article", "--param", f"source={value}")
    assert result.exit_code == 0, result.output
    assert dump(store_path) == before


def test_kg_query_file_with_params_echoes_the_value(store_path: Path, tmp_path: Path):
    path = write(tmp_path, "echo", ECHO)
    value = '"} ; DROP ALL #'
    result = kg("query", "--store", store_path, "--file", path, "--param", f"x={value}", "--format", "json")
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)["results"]["bindings"]
    assert row["x"] == {"type": "literal", "value": value}
    typed = "# param: x integer\nSELECT ?x WHERE { }"
    result = kg("query", "--store", store_path, typed, "--param", "x=7", "--format", "csv")
    assert result.output.splitlines() == ["x", "7"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", "travel-timeline"], "kg: query travel-timeline: parameter 'person' (person) is required"),
        (["--name", "travel-timeline", "--param", "persn=x"], "unknown parameter 'persn' (known: person)"),
        (["--name", "most-active-countries", "--param", "year=20x5"], "'20x5' is not a year (YYYY)"),
        (
            ["--name", "meetings-between", "--param", "a=KZ", "--param", "b=Narnia"],
            "unknown country 'Narnia'",
        ),
        (["--name", "provenance", "--param", 'fact=x"}'], "is not an IRI"),
        (["--name", "no-such-query"], "kg: --name: no saved query 'no-such-query'"),
        (["--name", "cq1", "--param", "city"], "kg: --param: expected KEY=VALUE"),
        (["SELECT * WHERE { ?s ?p ?o }", "--param", "x=1"], "unknown parameter 'x' (known: none)"),
    ],
)
def test_kg_query_param_errors_are_one_line(store_path: Path, args: list[str], message: str):
    before = dump(store_path)
    result = kg("query", "--store", store_path, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert dump(store_path) == before


def test_kg_query_takes_one_source_of_query(store_path: Path):
    result = kg("query", "--store", store_path, "--name", "cq4", "SELECT * WHERE { ?s ?p ?o }")
    assert result.exit_code == 2 and "give one of QUERY, --file or --name" in result.output


def test_kg_queries_lists_names_titles_and_params():
    result = kg("queries")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["name", "title", "params"]
    names = [line.split()[0] for line in lines[2:]]
    assert names == [q.name for q in saved_queries()]
    timeline = next(line for line in lines if line.startswith("travel-timeline "))
    assert "A person's travel timeline" in timeline and timeline.endswith("person:person")
    assert any(line.endswith('person:person="Wang Yi"') for line in lines)


def test_kg_queries_as_json():
    result = kg("queries", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = {item["name"]: item for item in json.loads(result.output)}
    assert set(listed) == {q.name for q in saved_queries()}
    cq5 = listed["cq5-trade-kazakhstan-china-2024"]
    assert [(p["name"], p["type"], p["default"], p["required"]) for p in cq5["params"]] == [
        ("a", "country", "KZ", False),
        ("b", "country", "CN", False),
        ("year", "year", "2024", False),
    ]
    assert listed["provenance"]["params"][0]["required"] is True
    assert listed["travel-timeline"]["examples"] == [{"person": "Murat Nurtleu"}]


def test_format_saved_queries_refuses_an_unknown_format():
    with pytest.raises(QueryError, match="unknown format 'xml'"):
        format_saved_queries([], fmt="xml")
