"""Derived relations: facts computed from the articles, kept in their own graph ``…/graph/derived``.

Each ``queries/derive/*.rq`` is a CONSTRUCT over the merged graph (the union of the article and
reference graphs): ``country-pairs.rq`` (per pair of countries and calendar year the number of
meetings, agreements and figures, ``dip:CountryPairYear``), ``country-pair-totals.rq``
(``dip:CountryPair``, read by cq8), ``country-years.rq`` (``dip:CountryYear``, read by
most-active-countries), ``office-holdings.rq`` (``dip:OfficeHolding``, read by cq1 and
role-holders-over-time), ``person-pairs.rq`` (``dip:PersonPair``, read by who-met-person) and
``statistic-summaries.rq`` (``dip:StatisticSummary``, read by trade-over-time); meetings-per-pair-per-year
reads the country-pair-years. One derivation is computed in Python, because SPARQL can only join
what it needs to sort: :mod:`kg.office_attestations` (``dip:OfficeAttestation``, read by
role-holder-on-date). A meeting any article reports as held counts as held. :func:`derive`
runs them and replaces the derived graph with the result in one transaction
(:meth:`kg.store.Store.put_graph`). The derived graph is *not* part of the merged default graph:
queries read it with ``GRAPH <https://w3id.org/dipkg/graph/derived> { … }``, so counting meetings
never meets a derived triple, and re-deriving touches nothing else.

The graph says which articles it was computed from: ``<…/graph/derived> schema:sha256`` is the
sha256 of the sorted sha256 of the stored articles and of the derivation queries' text, and
``dip:articleCount`` the number of articles. Saved queries that read the graph compare that count
with the store's (``?article a dip:Article``, a few ms) and count the facts themselves when the graph
is missing or the counts differ (docs/decisions/2026-11-28-derived-graph.md). Ingesting does not create the graph (a store
that nobody derives pays nothing), but once it exists ``kg ingest``, ``kg remove`` and
``kg resolve`` refresh it (:func:`refresh_derived`), so it follows the articles; after any other
change (the library's :func:`kg.ingest.ingest`, another program) :func:`derived_status` tells
whether it still does, and ``kg stats`` shows it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode, Quad

from kg.errors import KgError, StoreError
from kg.office_attestations import office_attestation_quads
from kg.vocab import DCT, DERIVED_GRAPH, DIP, PREFIXES, RDF, SCHEMA, XSD

if TYPE_CHECKING:
    from kg.store import Store

__all__ = [
    "DeriveReport",
    "DerivedStatus",
    "derivation_queries",
    "derive",
    "derived_quads",
    "derived_status",
    "format_derive_report",
    "format_derived_status",
    "refresh_derived",
]

_TITLE = "dipkg derived relations"
#: Names the derivations computed in Python (part of the digest: a graph derived by another
#: version of them is out of date). Change it when their output changes.
_COMPUTED = "office-attestations 1"
_STATUS = f"""
PREFIX dip: <{PREFIXES["dip"]}>
PREFIX schema: <{PREFIXES["schema"]}>
SELECT ?digest (COUNT(DISTINCT ?pair) AS ?pairs) WHERE {{
  GRAPH <{DERIVED_GRAPH}> {{ <{DERIVED_GRAPH}> schema:sha256 ?digest . OPTIONAL {{ ?pair a dip:CountryPairYear }} }}
}} GROUP BY ?digest
"""


@dataclass(frozen=True)
class DeriveReport:
    """What :func:`derive` wrote: country-pair-years, triples, the articles read, and whether the
    graph changed."""

    pairs: int
    triples: int
    articles: int
    changed: bool


@dataclass(frozen=True)
class DerivedStatus:
    """Whether the derived graph exists, how many country-pair-years it holds, and whether it was
    computed from the articles the store holds now."""

    exists: bool
    pairs: int
    current: bool


def _queries_dir() -> Path:
    from kg.resources import queries_dir

    return queries_dir() / "derive"


@lru_cache(maxsize=1)
def derivation_queries() -> tuple[tuple[str, str], ...]:
    """``(name, CONSTRUCT text)`` of every ``queries/derive/*.rq``, sorted by name."""
    folder = _queries_dir()
    found = []
    for path in sorted(folder.glob("*.rq")):
        try:
            found.append((path.stem, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as error:
            raise KgError(f"{path}: cannot read derivation query ({error.__class__.__name__})") from error
    if not found:
        raise KgError(f"{folder}: no derivation queries (*.rq) found")
    return tuple(found)


def _articles_digest(shas: list[str]) -> str:
    """sha256 of the stored articles' sha256 values and of the derivation queries: a graph derived
    from other articles, or by other derivation queries, is out of date."""
    digest = hashlib.sha256("\n".join(sorted(shas)).encode("ascii"))
    for name, text in derivation_queries():
        digest.update(f"\n{name}\n{text}".encode())
    digest.update(f"\n{_COMPUTED}".encode())
    return digest.hexdigest()


_ARTICLE_COUNT = f"""
PREFIX dip: <{PREFIXES["dip"]}>
SELECT (COUNT(*) AS ?n) WHERE {{ ?article a dip:Article }}
"""


def _article_count(store: Store | Any) -> int:
    """Articles in the merged graph, counted as the saved queries count them to tell whether the
    derived graph follows the store (``dip:articleCount`` of the graph)."""
    rows = store.select(_ARTICLE_COUNT)
    return int(rows[0]["n"].value) if rows else 0


def derived_quads(store: Store | Any) -> list[Quad]:
    """The quads of the derived graph for the store as it is now: every derivation query's triples
    and the marker naming the articles they come from, sorted."""
    graph = NamedNode(DERIVED_GRAPH)
    quads: set[Quad] = set()
    for name, text in derivation_queries():
        try:
            triples = store.query(text)
        except (SyntaxError, ValueError) as error:
            raise KgError(f"queries/derive/{name}.rq: {' '.join(str(error).split())}") from error
        for triple in triples:
            quads.add(Quad(triple.subject, triple.predicate, triple.object, graph))
    quads.update(office_attestation_quads(store, graph))
    quads.add(Quad(graph, SCHEMA.sha256, Literal(_articles_digest(store.article_shas())), graph))
    quads.add(Quad(graph, DCT.title, Literal(_TITLE), graph))
    count = Literal(str(_article_count(store)), datatype=XSD.integer)
    quads.add(Quad(graph, DIP.articleCount, count, graph))
    return sorted(quads, key=str)


def derive(store: Store | Any) -> DeriveReport:
    """Recompute the derived graph and store it (one transaction); unchanged content writes nothing.

    Works on the embedded store and on a SPARQL server (:class:`kg.remote.RemoteStore`); raises
    :class:`StoreError` for a store that cannot hold it (read-only, or an object without ``put_graph``).
    """
    put_graph = getattr(store, "put_graph", None)
    if put_graph is None:
        raise StoreError(f"{store!r}: this store cannot hold the derived graph (use a local store)")
    store.ensure_reference()  # the merged graph exists before anything else is written
    quads = derived_quads(store)
    changed = put_graph(DERIVED_GRAPH, quads)
    pairs = sum(1 for q in quads if q.predicate == RDF.type and q.object == DIP.CountryPairYear)
    return DeriveReport(
        pairs=pairs, triples=len(quads) - 3, articles=len(store.article_shas()), changed=changed
    )


def derived_status(store: Store | Any) -> DerivedStatus:
    """Whether ``…/graph/derived`` exists, its number of country-pair-years, and whether it was
    derived from exactly the articles the store holds now (a re-extraction in place is not seen)."""
    rows = store.select(_STATUS)
    if not rows:
        return DerivedStatus(exists=False, pairs=0, current=False)
    digest = _articles_digest(store.article_shas())
    current = len(rows) == 1 and rows[0]["digest"].value == digest
    return DerivedStatus(exists=True, pairs=max(int(r["pairs"].value) for r in rows), current=current)


def refresh_derived(store: Store | Any) -> DeriveReport | None:
    """Derive again when the store already has a derived graph (and can hold one); else None."""
    if getattr(store, "put_graph", None) is None or getattr(store, "read_only", False):
        return None
    if not derived_status(store).exists:
        return None
    return derive(store)


def format_derive_report(report: DeriveReport) -> str:
    """One line: ``derived: 107 country pairs per year (749 triples) from 14 articles``."""
    what = f"{report.pairs} country pairs per year ({report.triples} triples) from {report.articles} articles"
    return f"derived: {what}" + ("" if report.changed else " (unchanged)")


def format_derived_status(status: DerivedStatus) -> str:
    """One line for ``kg stats``: whether the derived graph exists and follows the articles."""
    if not status.exists:
        return "derived graph: none (run `kg derive`)"
    state = "up to date" if status.current else "out of date: the articles changed since (run `kg derive`)"
    return f"derived graph: {status.pairs} country pairs per year, {state}"
