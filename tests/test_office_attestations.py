"""Office attestations (kg.office_attestations): per holder, office and day, until when it answers."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from kg.derive import derive
from kg.office_attestations import office_attestations
from kg.saved_queries import find_saved_query, run_saved_query
from kg.store import Store
from kg.vocab import DERIVED_GRAPH, DIP, DIPR, RDF, XSD

ROLE = f"{DIPR}role/foreign-minister"
COUNTRY = f"{DIPR}country/MN"


class Positions:
    """A stand-in store whose one SELECT returns the given Positions."""

    def __init__(self, *positions: tuple[str, str, str | None, str | None]) -> None:
        self.rows = []
        for person, day, qualifier, article in positions:
            row = {
                "person": NamedNode(f"{DIPR}person/{person}"),
                "role": NamedNode(ROLE),
                "country": NamedNode(COUNTRY),
                "on": Literal(day, datatype=XSD.date),
            }
            if qualifier is not None:
                row["qualifier"] = Literal(qualifier)
            if article is not None:
                row["article"] = NamedNode(f"{DIPR}article/{article}")
            self.rows.append(row)

    def select(self, _query: str) -> list[dict]:
        return self.rows


def spans(store: Positions) -> list[tuple[str, str, int, str | None]]:
    return [
        (a.person.rsplit("/", 1)[1], a.day, a.articles, a.superseded_on) for a in office_attestations(store)
    ]


def test_each_day_answers_until_someone_else_is_named():
    store = Positions(
        ("ana", "2023-01-01", None, "a1"),
        ("ana", "2023-01-01", None, "a2"),  # two articles of one day: one attestation, 2 articles
        ("ana", "2023-02-01", None, "a3"),
        ("ana", "2023-03-01", None, "a4"),  # a run of days with Ana alone is skipped in one step
        ("bea", "2023-04-01", None, "a5"),
        ("ana", "2023-04-01", None, "a6"),  # handover day: both named
        ("bea", "2023-05-01", None, "a7"),
    )
    assert spans(store) == [
        ("ana", "2023-01-01", 2, "2023-04-01"),
        ("ana", "2023-02-01", 1, "2023-04-01"),
        ("ana", "2023-03-01", 1, "2023-04-01"),
        ("ana", "2023-04-01", 1, "2023-05-01"),
        ("bea", "2023-04-01", 1, None),
        ("bea", "2023-05-01", 1, None),
    ]


def test_former_ends_an_attestation_and_qualified_positions_attest_nothing():
    store = Positions(
        ("ana", "2023-01-01", None, "a1"),
        ("ana", "2023-06-01", "former", "a2"),
        ("cem", "2023-02-01", "designate", "a3"),  # neither attests nor supersedes
        ("bea", "2023-09-01", None, None),  # no article: supersedes, attests nothing
    )
    assert spans(store) == [("ana", "2023-01-01", 1, "2023-06-01")]


def test_the_query_reads_the_attestations_when_the_derived_graph_is_current():
    store = Store.in_memory()
    store.ensure_reference()
    derive(store)  # no articles: the derived graph is current for zero articles, and no Position
    # exists for the direct branch to count: only the attestation written here can answer
    graph = NamedNode(DERIVED_GRAPH)
    node = NamedNode(f"{DIPR}office-attestation/test")
    store.oxigraph.extend(
        Quad(node, p, o, graph)
        for p, o in [
            (DIP.holder, NamedNode(f"{DIPR}person/ana-example")),
            (DIP.roleType, NamedNode(ROLE)),
            (DIP.ofCountry, NamedNode(COUNTRY)),
            (DIP.attestedOn, Literal("2023-01-01", datatype=XSD.date)),
            (DIP.articleCount, Literal("3", datatype=XSD.integer)),
            (DIP.supersededOn, Literal("2023-06-01", datatype=XSD.date)),
            (RDF.type, DIP.OfficeAttestation),
        ]
    )
    query = find_saved_query("role-holder-on-date")

    def on(day: str) -> list[tuple[str, str]]:
        result = run_saved_query(store, query, {"role": "foreign-minister", "country": "MN", "date": day})
        return [(row[0].value, row[-1].value) for row in result.rows]

    person = f"{DIPR}person/ana-example"
    assert on("2022-12-31") == []
    assert on("2023-01-01") == [(person, "3")]
    assert on("2023-05-31") == [(person, "3")]
    assert on("2023-06-01") == []
