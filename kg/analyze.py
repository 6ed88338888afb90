"""Network analysis of the graph: who is central, which groups form, which country pairs are most active.

:func:`analyze` makes a view of the store exactly as ``kg viz`` does
(:func:`kg.viz.make_view`, with the same filters; the countries view unless
another is asked for) and measures it with :mod:`kg.viz.measures`, the module
that also sizes the nodes on the page:

* the most central nodes: degree, weighted degree, degree centrality,
  betweenness centrality (exact up to 500 nodes, estimated from 200 seeded
  samples above) and Louvain community;
* the communities, largest first, with their best-connected members;
* the most active country pairs: held meetings and signed agreements both
  countries take part in (as competency question 8 counts meetings), per year
  and with the trend from the year before the last to the last year of the
  period the filters leave. With ``--country`` only pairs that include one of
  those countries are listed.

:func:`format_analysis` writes the result as a text table, CSV (one table at a
time) or JSON.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from kg.errors import QueryError
from kg.viz import ViewOptions, build_network, make_view
from kg.viz.text import word
from kg.viz.views import resolve_entity

__all__ = [
    "ANALYSIS_FORMATS",
    "ANALYSIS_TABLES",
    "Analysis",
    "CommunityRow",
    "NodeRow",
    "PairRow",
    "analyze",
    "format_analysis",
]

ANALYSIS_FORMATS = ("table", "csv", "json")
ANALYSIS_TABLES = ("all", "nodes", "communities", "pairs")
_MEMBERS_SHOWN = 6


@dataclass(frozen=True)
class NodeRow:
    """One node and its measures."""

    iri: str
    label: str
    cls: str
    degree: int
    weight: float
    degree_centrality: float
    betweenness: float | None
    community: int | None


@dataclass(frozen=True)
class CommunityRow:
    """One community: its number, size and members (most connected first)."""

    number: int
    size: int
    members: list[str]


@dataclass(frozen=True)
class PairRow:
    """Two countries and the held meetings and signed agreements they share, per year."""

    first: str
    second: str
    first_label: str
    second_label: str
    meetings: int
    agreements: int
    by_year: dict[int, int]
    undated: int
    trend: str
    """``"up"``, ``"down"`` or ``"flat"`` from the year before the last to the last year; ``"-"`` for one year."""

    @property
    def total(self) -> int:
        return self.meetings + self.agreements


@dataclass
class Analysis:
    """What :func:`analyze` found."""

    view: str
    filters: list[str]
    nodes: int
    edges: int
    articles: int
    central: list[NodeRow] = field(default_factory=list)
    communities: list[CommunityRow] = field(default_factory=list)
    pairs: list[PairRow] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    betweenness_samples: int | None = None
    empty: str | None = None
    """Why there is nothing to analyse, or None."""


def analyze(store: Any, *, options: ViewOptions | None = None, top: int | None = 20) -> Analysis:
    """Measure the view ``options`` describes (default: the countries view); ``top`` rows per table
    (None or 0: all).

    Raises :class:`~kg.errors.QueryError` for option values that name nothing or make no sense.
    """
    options = options or ViewOptions(view="countries")
    if top is not None and top < 0:
        raise QueryError(f"--top {top}: give 0 (all rows) or more")
    network = build_network(store, lang=options.lang)
    view = make_view(network, options, measure_all=True)
    result = Analysis(
        view=options.view,
        filters=options.filters(),
        nodes=view.graph.number_of_nodes(),
        edges=view.graph.number_of_edges(),
        articles=len(view.cited),
    )
    if view.empty:
        result.empty = (
            word(
                "No facts in the store yet. Ingest some articles with kg ingest, then draw again.",
                options.lang,
            )
            if view.empty == "store"
            else view.empty
        )
        return result
    limit = top or None
    graph, measures = view.graph, view.measures
    assert measures is not None
    rows = [
        NodeRow(
            iri=str(node),
            label=graph.nodes[node].get("label", str(node)),
            cls=graph.nodes[node].get("cls", ""),
            degree=m.degree,
            weight=m.weight,
            degree_centrality=round(m.degree_centrality, 4),
            betweenness=None if m.betweenness is None else round(m.betweenness, 4),
            community=m.community,
        )
        for node, m in measures.nodes.items()
    ]
    rows.sort(key=lambda r: (-r.weight, -r.degree, -(r.betweenness or 0.0), r.label, r.iri))
    result.central = rows[:limit]
    result.betweenness_samples = measures.betweenness_samples
    weight = {node: (m.weight, m.degree) for node, m in measures.nodes.items()}
    result.communities = [
        CommunityRow(
            number=number,
            size=len(group),
            members=[
                graph.nodes[n].get("label", str(n))
                for n in sorted(group, key=lambda n: (-weight[n][0], -weight[n][1], str(n)))[:_MEMBERS_SHOWN]
            ],
        )
        for number, group in enumerate(measures.communities, 1)
    ][:limit]
    result.pairs, result.years = _pairs(network, options)
    result.pairs = result.pairs[:limit]
    return result


def _pairs(network, options: ViewOptions) -> tuple[list[PairRow], list[int]]:
    """Country pairs of the facts the date, type and country filters leave."""
    pair_options = replace(options, view="countries", focus=None, hops=None, max_nodes=None)
    view = make_view(network, pair_options, measure_all=False)
    if view.empty:
        return [], []
    countries = {
        iri
        for value in options.countries
        for iri in resolve_entity(network, value, cls="Country", option="--country")
    }
    found = []
    years: set[int] = set()
    for first, second, data in view.graph.edges(data=True):
        if countries and first not in countries and second not in countries:
            continue
        by_year: dict[int, int] = {}
        undated = 0
        for fact in (*data["meetings"], *data["agreements"]):
            span = network.nodes[fact].get("span")
            if span and span[0][:4] == span[1][:4]:
                year = int(span[0][:4])
                by_year[year] = by_year.get(year, 0) + 1
            else:
                undated += 1
        years.update(by_year)
        a, b = sorted((first, second), key=lambda n: view.graph.nodes[n]["label"])
        found.append(
            (
                a,
                b,
                view.graph.nodes[a]["label"],
                view.graph.nodes[b]["label"],
                len(data["meetings"]),
                len(data["agreements"]),
                dict(sorted(by_year.items())),
                undated,
            )
        )
    span = sorted(years)
    last = span[-1] if span else None
    rows = []
    for a, b, label_a, label_b, meetings, agreements, by_year, undated in found:
        if last is None or len(span) < 2:
            trend = "-"
        else:
            now, before = by_year.get(last, 0), by_year.get(last - 1, 0)
            trend = "up" if now > before else "down" if now < before else "flat"
        rows.append(PairRow(a, b, label_a, label_b, meetings, agreements, by_year, undated, trend))
    rows.sort(key=lambda r: (-r.total, -r.meetings, r.first_label, r.second_label))
    years_all = list(range(span[0], span[-1] + 1)) if span else []
    return rows, years_all


# ---------------------------------------------------------------- formatting


def format_analysis(analysis: Analysis, *, fmt: str = "table", table: str = "all") -> str:
    """The analysis as a text ``table``, ``csv`` (one ``table``: nodes, communities or pairs) or ``json``."""
    if fmt not in ANALYSIS_FORMATS:
        raise QueryError(f"--format: unknown format '{fmt}' (choose {', '.join(ANALYSIS_FORMATS)})")
    if table not in ANALYSIS_TABLES:
        raise QueryError(f"--table: unknown table '{table}' (choose {', '.join(ANALYSIS_TABLES)})")
    if fmt == "json":
        return _json(analysis, table)
    if fmt == "csv":
        if table == "all":
            raise QueryError("--format csv writes one table: add --table nodes, communities or pairs")
        return _csv(analysis, table)
    return _text(analysis, table)


def _header_rows(analysis: Analysis, table: str) -> tuple[list[str], list[list[Any]]]:
    if table == "nodes":
        header = [
            "rank",
            "node",
            "class",
            "degree",
            "weight",
            "degree_centrality",
            "betweenness",
            "community",
            "iri",
        ]
        rows = [
            [
                i,
                r.label,
                r.cls,
                r.degree,
                _g(r.weight),
                r.degree_centrality,
                r.betweenness,
                r.community,
                r.iri,
            ]
            for i, r in enumerate(analysis.central, 1)
        ]
        return header, rows
    if table == "communities":
        return ["community", "size", "members"], [
            [c.number, c.size, "; ".join(c.members)] for c in analysis.communities
        ]
    header = ["rank", "country_a", "country_b", "meetings", "agreements", "total"]
    header += [str(y) for y in analysis.years] + ["undated", "trend", "iri_a", "iri_b"]
    rows = [
        [i, p.first_label, p.second_label, p.meetings, p.agreements, p.total]
        + [p.by_year.get(y, 0) for y in analysis.years]
        + [p.undated, p.trend, p.first, p.second]
        for i, p in enumerate(analysis.pairs, 1)
    ]
    return header, rows


def _g(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _csv(analysis: Analysis, table: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    header, rows = _header_rows(analysis, table)
    writer.writerow(header)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return buffer.getvalue()


def _json(analysis: Analysis, table: str) -> str:
    document: dict[str, Any] = {
        "view": analysis.view,
        "filters": analysis.filters,
        "nodes": analysis.nodes,
        "edges": analysis.edges,
        "articles": analysis.articles,
        "betweenness": _betweenness_note(analysis),
    }
    if analysis.empty:
        document["empty"] = analysis.empty
    if table in ("all", "nodes"):
        document["central"] = [asdict(row) for row in analysis.central]
    if table in ("all", "communities"):
        document["communities"] = [asdict(row) for row in analysis.communities]
    if table in ("all", "pairs"):
        document["years"] = analysis.years
        document["pairs"] = [
            {**asdict(row), "by_year": {str(y): n for y, n in row.by_year.items()}, "total": row.total}
            for row in analysis.pairs
        ]
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _betweenness_note(analysis: Analysis) -> str:
    if analysis.betweenness_samples:
        return f"estimated from {analysis.betweenness_samples} sample sources"
    return "exact"


def _text(analysis: Analysis, table: str) -> str:
    filters = " ".join(analysis.filters) or "none"
    lines = [
        f"{analysis.view} view: {analysis.nodes} nodes, {analysis.edges} edges, from {analysis.articles} "
        f"articles; filters: {filters}"
    ]
    if analysis.empty:
        lines.append(f"nothing to analyse: {analysis.empty}")
        return "\n".join(lines) + "\n"
    sections = {
        "nodes": f"Most central nodes (by weighted degree; betweenness {_betweenness_note(analysis)})",
        "communities": "Communities (Louvain on the edge weights, largest first)",
        "pairs": "Most active country pairs (held meetings and signed agreements, by year)",
    }
    for name, caption in sections.items():
        if table not in ("all", name):
            continue
        header, rows = _header_rows(analysis, name)
        if name == "nodes":
            header, rows = header[:-1], [row[:-1] for row in rows]
        elif name == "pairs":
            header, rows = header[:-2], [row[:-2] for row in rows]
        lines += ["", caption, *_aligned(header, rows)]
    return "\n".join(lines) + "\n"


def _aligned(header: list[str], rows: list[list[Any]]) -> list[str]:
    if not rows:
        return ["(none)"]
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(name), *(len(row[i]) for row in cells)) for i, name in enumerate(header)]
    numeric = [all(_is_number(row[i]) for row in rows) for i in range(len(header))]

    def line(values: list[str]) -> str:
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)]
        return "  ".join(parts).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(row) for row in cells)]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) or value is None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}" if not value.is_integer() else f"{int(value)}"
    return str(value)
