"""The HTML network view: who met whom, where, in which format, and what they signed.

:func:`build_network` reads the union of all graphs with SPARQL (``DISTINCT``
everywhere: the union is a multiset) and returns a :class:`networkx.MultiDiGraph`.
Its nodes are the fact nodes (Meeting, Agreement, DiplomaticMission, Statistic)
and the entities those facts reference (Person, Country, Format, Place); an
entity no fact mentions is left out. Node attributes:

* ``cls``: the class name without prefix (``"Person"``);
* ``label``: the English ``rdfs:label`` when there is one, else any label, else
  a label made from the fact's type, date and figures;
* ``tooltip``: plain text with newlines: the prefixed IRI, the roles of a
  person, and for facts the evidence sentences with their article.

Edge keys and ``label`` name the relation (``"participant"``, ``"signed at"``,
``"foreign minister of"``); a Position edge also has a ``tooltip`` with its evidence.

:func:`write_html` renders that graph with pyvis into one self-contained page:
vis-network is inlined from pyvis's own copy and the page names no ``http(s)://``
address at all, so it works offline. pyvis's stock template pulls Bootstrap from
a CDN and shows a tooltip through ``innerHTML`` whenever a title contains
"href", so the page is rendered through pyvis with the template in this module
instead. Text never becomes markup:

* node and edge data go into the ``<script>`` block as JSON with ``<``, ``>``,
  ``&`` and ``'`` written as ``\\u003c`` … (Jinja's ``tojson``), so no label or
  sentence can close the script element;
* vis-network 9.1.2 shows a string ``title`` with ``innerText`` (plain text),
  and labels are drawn on the canvas, so both stay unescaped plain text and a
  sentence with ``&`` reads as written;
* the heading and the legend are HTML-escaped by the template.
"""

from __future__ import annotations

import functools
import json
import math
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NamedTuple

import jinja2
import networkx as nx
import pyoxigraph
import pyvis
from pyvis.network import Network

from kg.errors import ExportError
from kg.vocab import PREFIXES, shorten

__all__ = ["PHYSICS_NODE_LIMIT", "VizSummary", "build_network", "write_html"]

PHYSICS_NODE_LIMIT = 300
"""From this many nodes on, the page gets a precomputed layout and physics off."""

_MAX_EVIDENCE = 5
_MAX_SENTENCE = 400
_VIS_DIR = "templates/lib/vis-9.1.2"
_TEMPLATE_NAME = "dipkg-network.html"


class _Style(NamedTuple):
    cls: str
    colour: str
    shape: str
    glyph: str  # for the legend


# Legend order. Shapes with the label below them, except Statistic (a box that holds its figure).
_STYLES = (
    _Style("Person", "#4e79a7", "dot", "\u25cf"),
    _Style("Country", "#e15759", "diamond", "\u25c6"),
    _Style("Format", "#76b7b2", "hexagon", "\u2b22"),
    _Style("Meeting", "#f28e2b", "star", "\u2605"),
    _Style("Agreement", "#59a14f", "square", "\u25a0"),
    _Style("DiplomaticMission", "#edc948", "triangle", "\u25b2"),
    _Style("Place", "#b07aa1", "triangleDown", "\u25bc"),
    _Style("Statistic", "#9c755f", "box", "\u25ad"),
)
_FALLBACK_STYLE = _Style("Other", "#bab0ac", "dot", "\u25cf")


class _Link(NamedTuple):
    subject_cls: str
    predicate: str  # local name in dip:
    label: str
    reverse: bool  # draw the edge object -> subject
    object_cls: str


_LINKS = (
    _Link("Meeting", "participant", "participant", True, "Person"),
    _Link("Meeting", "format", "format", False, "Format"),
    _Link("Meeting", "location", "held in", False, "Place"),
    _Link("Meeting", "participantCountry", "participant country", False, "Country"),
    _Link("Meeting", "venueCountry", "venue country", False, "Country"),
    _Link("Agreement", "partyCountry", "party", False, "Country"),
    _Link("Agreement", "signedAt", "signed at", False, "Meeting"),
    _Link("DiplomaticMission", "sendingCountry", "sending country", False, "Country"),
    _Link("DiplomaticMission", "hostCountry", "host country", False, "Country"),
    _Link("DiplomaticMission", "location", "located in", False, "Place"),
    _Link("Statistic", "concerns", "concerns", False, "Country"),
)
_FACT_CLASSES = ("Meeting", "Agreement", "DiplomaticMission", "Statistic")

_FACTS_QUERY = """
SELECT DISTINCT ?node ?cls WHERE {
  VALUES ?cls { dip:Meeting dip:Agreement dip:DiplomaticMission dip:Statistic }
  ?node a ?cls .
}"""

_LINKS_QUERY = """
SELECT DISTINCT ?s ?cls ?p ?o WHERE {
  VALUES ?cls { dip:Meeting dip:Agreement dip:DiplomaticMission dip:Statistic }
  VALUES ?p {
    dip:participant dip:format dip:location dip:participantCountry dip:venueCountry dip:partyCountry
    dip:signedAt dip:sendingCountry dip:hostCountry dip:concerns
  }
  ?s a ?cls ; ?p ?o .
  FILTER(isIRI(?o))
}"""

_POSITIONS_QUERY = """
SELECT DISTINCT ?pos ?person ?role ?country ?qualifier WHERE {
  ?pos a dip:Position ; dip:holder ?person .
  OPTIONAL { ?pos dip:roleType ?role }
  OPTIONAL { ?pos dip:ofCountry ?country }
  OPTIONAL { ?pos dip:qualifier ?qualifier }
}"""

_ATTRIBUTES_QUERY = """
SELECT DISTINCT ?node ?p ?v WHERE {
  VALUES ?p {
    dip:meetingType dip:date dip:ordinal dip:status dip:agreementType dip:title dip:signedOn
    dip:validFrom dip:validUntil dip:missionType dip:statisticType dip:value dip:currency dip:year
    dip:isoCode dip:inCountry dip:member
  }
  ?node ?p ?v .
}"""

_LABELS_QUERY = """
SELECT DISTINCT ?node ?label WHERE { ?node rdfs:label ?label . FILTER(isLiteral(?label)) }"""

_CONCEPT_LABELS_QUERY = """
SELECT DISTINCT ?concept ?label WHERE {
  ?concept skos:prefLabel ?label .
  FILTER(langMatches(lang(?label), "en"))
}"""

_EVIDENCE_QUERY = """
SELECT DISTINCT ?fact ?sentence ?title ?publisher ?source WHERE {
  ?fact dip:evidence ?evidence .
  ?evidence dip:sentence ?sentence .
  OPTIONAL {
    ?evidence dip:article ?article .
    OPTIONAL { ?article dct:title ?title }
    OPTIONAL { ?article dip:publisher ?publisher }
    OPTIONAL { ?article dip:source ?source }
  }
}"""


@dataclass(frozen=True)
class VizSummary:
    """What :func:`write_html` drew."""

    nodes: int
    edges: int


# ---------------------------------------------------------------- reading the store


def build_network(store: pyoxigraph.Store) -> nx.MultiDiGraph:
    """The network of facts and the entities they reference, read from the union of all graphs."""
    graph = nx.MultiDiGraph()
    for row in _select(store, _FACTS_QUERY):
        graph.add_node(row["node"], cls=_local(row["cls"]))

    links = {(link.subject_cls, link.predicate): link for link in _LINKS}
    for row in _select(store, _LINKS_QUERY):
        link = links.get((_local(row["cls"]), _local(row["p"])))
        if link is None or graph.nodes[row["s"]].get("cls") != link.subject_cls:
            continue
        _add_entity(graph, row["o"], link.object_cls)
        source, target = (row["o"], row["s"]) if link.reverse else (row["s"], row["o"])
        graph.add_edge(source, target, key=link.label, label=link.label)

    concept_labels = _best_labels(_select(store, _CONCEPT_LABELS_QUERY), key="concept")
    roles: dict[str, set[tuple[str, str | None, str | None]]] = defaultdict(set)
    position_edges: dict[str, tuple[str, str, str]] = {}
    for row in _select(store, _POSITIONS_QUERY):
        person, country = row["person"], row.get("country")
        role = _concept_label(row.get("role"), concept_labels) if row.get("role") else "position"
        qualifier = row.get("qualifier")
        _add_entity(graph, person, "Person")
        roles[person].add((role, qualifier, country))
        if country is not None:
            _add_entity(graph, country, "Country")
            label = f"{qualifier + ' ' if qualifier else ''}{role} of"
            graph.add_edge(person, country, key=label, label=label)
            position_edges[row["pos"]] = (person, country, label)

    attributes: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in _select(store, _ATTRIBUTES_QUERY):
        if row["node"] in graph:
            attributes[row["node"]][_local(row["p"])].append(row["v"])
    for values in attributes.values():
        for name in values:
            values[name].sort()

    evidence: dict[str, list[str]] = defaultdict(list)
    for row in _select(store, _EVIDENCE_QUERY):
        if row["fact"] in graph or row["fact"] in position_edges:
            evidence[row["fact"]].append(_evidence_line(row))
    for lines in evidence.values():
        lines[:] = sorted(set(lines))

    mentioned = set(graph) | {
        iri
        for values in attributes.values()
        for name in ("inCountry", "member")
        for iri in values.get(name, ())
    }
    labels = _best_labels(
        (row for row in _select(store, _LABELS_QUERY) if row["node"] in mentioned), key="node"
    )
    for node, data in graph.nodes(data=True):
        if data["cls"] not in _FACT_CLASSES:
            data["label"] = labels.get(node) or _tail(node)
    for node, data in graph.nodes(data=True):
        if data["cls"] in _FACT_CLASSES:
            data["label"] = labels.get(node) or _fact_label(graph, node, attributes[node], concept_labels)
    for node, data in graph.nodes(data=True):
        data["tooltip"] = _node_tooltip(
            graph, node, attributes[node], roles.get(node, set()), evidence, labels
        )

    edge_evidence: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for pos, edge in sorted(position_edges.items()):
        edge_evidence[edge].extend(evidence.get(pos, []))
    for (person, country, label), lines in edge_evidence.items():
        header = f"{graph.nodes[person]['label']} \u2014 {label} \u2014 {graph.nodes[country]['label']}"
        graph.edges[person, country, label]["tooltip"] = "\n".join([header, *_evidence_block(lines)])
    return graph


def _select(store: pyoxigraph.Store, query: str) -> Iterator[dict[str, str]]:
    """Rows of a SELECT over the union of all graphs, each term as its string value."""
    solutions = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    names = [variable.value for variable in solutions.variables]
    for solution in solutions:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = term.value
                if isinstance(term, pyoxigraph.Literal) and term.language:
                    row[name + "@"] = term.language.lower()
        yield row


def _add_entity(graph: nx.MultiDiGraph, node: str, cls: str) -> None:
    if node not in graph:
        graph.add_node(node, cls=cls)


def _best_labels(rows: Iterable[dict[str, str]], *, key: str) -> dict[str, str]:
    """One label per node: English first, then untagged, then any other language (deterministic)."""
    ranked: dict[str, tuple[int, str, str]] = {}
    for row in rows:
        lang = row.get("label@", "")
        rank = 0 if lang == "en" or lang.startswith("en-") else 1 if not lang else 2
        candidate = (rank, lang, row["label"])
        node = row[key]
        if node not in ranked or candidate < ranked[node]:
            ranked[node] = candidate
    return {node: label for node, (_, _, label) in ranked.items()}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _tail(iri: str) -> str:
    """``…/person/wang-yi`` -> ``"wang yi"``; ``…/country/KZ`` -> ``"KZ"``."""
    return _local(iri).replace("-", " ")


def _concept_label(concept: str, concept_labels: dict[str, str]) -> str:
    return concept_labels.get(concept) or _tail(concept)


def _curie(iri: str) -> str:
    """A prefixed name for display (``dipr:person/wang-yi``); never a full ``http(s)://`` address."""
    return _without_scheme(shorten(iri))


def _without_scheme(text: str) -> str:
    return re.sub(r"\b[A-Za-z][A-Za-z0-9+.-]*://", "", text)


def _plain(text: str, *, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _evidence_line(row: dict[str, str]) -> str:
    sentence = _plain(row["sentence"], limit=_MAX_SENTENCE)
    where = [_plain(row[name], limit=160) for name in ("title", "publisher") if row.get(name)]
    if not where and row.get("source"):
        where.append(_plain(_without_scheme(row["source"]), limit=160))
    return f"\u201c{_without_scheme(sentence)}\u201d" + (f" \u2014 {', '.join(where)}" if where else "")


def _evidence_block(lines: list[str]) -> list[str]:
    if not lines:
        return []
    block = ["Evidence:", *lines[:_MAX_EVIDENCE]]
    if len(lines) > _MAX_EVIDENCE:
        block.append(f"\u2026 and {len(lines) - _MAX_EVIDENCE} more")
    return block


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _date(lexical: str) -> str:
    """``"--04-26"`` (a gMonthDay) -> ``"26 Apr"``; other XSD forms stay as written."""
    match = re.fullmatch(r"--(\d\d)-(\d\d)", lexical)
    if match and 1 <= int(match[1]) <= 12:
        return f"{int(match[2])} {_MONTHS[int(match[1]) - 1]}"
    return lexical


def _amount(lexical: str) -> str:
    try:
        value = Decimal(lexical)
    except InvalidOperation:
        return lexical
    for scale, word in (
        (Decimal(10) ** 12, "trillion"),
        (Decimal(10) ** 9, "billion"),
        (Decimal(10) ** 6, "million"),
    ):
        if abs(value) >= scale:
            return f"{format((value / scale).normalize(), 'f')} {word}"
    return format(value.normalize(), "f")


def _first(values: dict[str, list[str]], name: str) -> str | None:
    found = values.get(name)
    return found[0] if found else None


def _fact_label(
    graph: nx.MultiDiGraph, node: str, values: dict[str, list[str]], concept_labels: dict[str, str]
) -> str:
    cls = graph.nodes[node]["cls"]

    def concept(name: str, default: str) -> str:
        found = _first(values, name)
        return _concept_label(found, concept_labels) if found else default

    def neighbour(label: str) -> str | None:
        targets = sorted(
            graph.nodes[t]["label"] for _, t, key in graph.out_edges(node, keys=True) if key == label
        )
        return ", ".join(targets) if targets else None

    if cls == "Meeting":
        text = concept("meetingType", "meeting")
        ordinal = _first(values, "ordinal")
        if ordinal and ordinal.isdigit():
            text = f"{_ordinal(int(ordinal))} {text}"
        date = _first(values, "date")
        return f"{text} ({_date(date)})" if date else text
    if cls == "Agreement":
        text = _first(values, "title") or concept("agreementType", "agreement")
        start, end = _first(values, "validFrom"), _first(values, "validUntil")
        if start or end:
            text += f" ({start or '?'}\u2013{end or '?'})"
        return text
    if cls == "DiplomaticMission":
        text = concept("missionType", "mission")
        sending = neighbour("sending country")
        where = neighbour("located in") or neighbour("host country")
        return text + (f" of {sending}" if sending else "") + (f" in {where}" if where else "")
    text = concept("statisticType", "statistic")
    year, value = _first(values, "year"), _first(values, "value")
    text += f" {year}" if year else ""
    if value:
        text += f": {_amount(value)}" + (
            f" {_first(values, 'currency')}" if _first(values, "currency") else ""
        )
    return text


def _node_tooltip(
    graph: nx.MultiDiGraph,
    node: str,
    values: dict[str, list[str]],
    roles: set[tuple[str, str | None, str | None]],
    evidence: dict[str, list[str]],
    labels: dict[str, str],
) -> str:
    data = graph.nodes[node]
    lines = [f"{data['cls']}: {data['label']}", _curie(node)]

    def label_of(iri: str) -> str:
        return graph.nodes[iri]["label"] if iri in graph else labels.get(iri) or _tail(iri)

    if data["cls"] == "Person" and roles:
        lines.append("Roles:")
        for role, qualifier, country in sorted(roles, key=lambda r: (r[0], r[1] or "", r[2] or "")):
            text = f"{qualifier} {role}" if qualifier else role
            lines.append(f"  {text} of {label_of(country)}" if country else f"  {text}")
    if data["cls"] == "Country" and _first(values, "isoCode"):
        lines.append(f"ISO code: {_first(values, 'isoCode')}")
    if data["cls"] == "Place" and values.get("inCountry"):
        lines.append("in " + ", ".join(sorted(label_of(c) for c in values["inCountry"])))
    if data["cls"] == "Format" and values.get("member"):
        lines.append("Members: " + ", ".join(sorted(label_of(c) for c in values["member"])))
    if data["cls"] in _FACT_CLASSES:
        for name, caption in (
            ("date", "Date"),
            ("signedOn", "Signed on"),
            ("status", "Status"),
            ("validFrom", "Valid from"),
            ("validUntil", "Valid until"),
        ):
            if values.get(name):
                lines.append(f"{caption}: {', '.join(_date(v) for v in values[name])}")
    lines.extend(_evidence_block(evidence.get(node, [])))
    return "\n".join(lines)


# ---------------------------------------------------------------- writing the page


def write_html(graph: nx.MultiDiGraph, output: Path, *, title: str = "dipkg network") -> VizSummary:
    """Write ``graph`` (from :func:`build_network`) as one offline HTML page; return what was drawn.

    Any ``scheme://`` in a label, tooltip or the title loses its scheme, so the page
    names no address a browser could try to fetch. Raises :class:`ExportError` when
    ``output`` cannot be written.
    """
    output = Path(output)
    order = sorted(graph.nodes, key=str)
    ids = {node: index for index, node in enumerate(order)}
    large = len(order) >= PHYSICS_NODE_LIMIT
    positions = _spring_layout(graph, order) if large else {}

    heading = _without_scheme(title)
    net = Network(height="80vh", width="100%", directed=True, heading=heading, cdn_resources="in_line")
    # add_node/add_edge are O(N·E) (BASELINES.md): fill the lists pyvis renders directly.
    net.nodes = [_vis_node(graph, node, ids[node], positions.get(node)) for node in order]
    net.edges = [
        _vis_edge(ids[source], ids[target], data, large=large)
        for source, target, _, data in sorted(
            graph.edges(keys=True, data=True), key=lambda edge: tuple(map(str, edge[:3]))
        )
    ]
    net.set_options(json.dumps(_options(large=large)))
    net.templateEnv = _environment(_legend(graph))
    net.path = _TEMPLATE_NAME
    page = net.generate_html()
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(page, encoding="utf-8")
    except OSError as error:
        raise ExportError(f"cannot write {output}: {error.strerror or error}") from error
    return VizSummary(nodes=len(net.nodes), edges=len(net.edges))


def _style(cls: str) -> _Style:
    return next((style for style in _STYLES if style.cls == cls), _FALLBACK_STYLE)


def _vis_node(graph: nx.MultiDiGraph, node: str, index: int, position: tuple[float, float] | None) -> dict:
    data = graph.nodes[node]
    style = _style(data.get("cls", ""))
    item = {
        "id": index,
        "label": _without_scheme(str(data.get("label") or _tail(str(node)))),
        "title": _without_scheme(str(data.get("tooltip") or _curie(str(node)))),
        "group": style.cls,
        "color": style.colour,
        "shape": style.shape,
        "size": round(8 + 3 * math.sqrt(graph.degree(node)), 1),
    }
    if position is not None:
        item["x"], item["y"] = position
    return item


def _vis_edge(source: int, target: int, data: dict, *, large: bool) -> dict:
    label = _without_scheme(str(data.get("label", "")))
    item = {"from": source, "to": target, "title": _without_scheme(str(data.get("tooltip") or label))}
    if not large:  # thousands of edge labels make the canvas slow and unreadable
        item["label"] = label
    return item


def _options(*, large: bool) -> dict:
    options: dict = {
        # labels stay readable when a whole graph is fitted to the window (vis hides them below 5 px)
        "nodes": {"font": {"size": 16}, "borderWidth": 1, "scaling": {"label": {"drawThreshold": 2}}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9a9a9a", "highlight": "#333333"},
            "font": {"size": 10, "align": "middle", "color": "#555555"},
            "smooth": False if large else {"enabled": True, "type": "dynamic"},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large},
    }
    if large:
        options["physics"] = {"enabled": False}
        options["layout"] = {"improvedLayout": False}
    else:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        }
    return options


class _LegendEntry(NamedTuple):
    cls: str
    colour: str
    shape: str
    glyph: str
    count: int


def _legend(graph: nx.MultiDiGraph) -> list[_LegendEntry]:
    counts: dict[str, int] = defaultdict(int)
    for _, cls in graph.nodes(data="cls"):
        counts[_style(cls or "").cls] += 1
    return [
        _LegendEntry(style.cls, style.colour, style.shape, style.glyph, counts[style.cls])
        for style in (*_STYLES, _FALLBACK_STYLE)
        if counts.get(style.cls)
    ]


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from pyvis's own copy, made safe to inline and free of addresses."""
    folder = Path(pyvis.__file__).resolve().parent / _VIS_DIR
    try:
        script = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        style = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as error:
        raise ExportError(f"vis-network is missing from pyvis: {error.filename}") from error
    # Only comments and string literals hold these; "\/" is "/" in a JS string, so nothing changes.
    script = re.sub(r"(https?)://", r"\1:\\/\\/", script)
    script = re.sub(r"</(script)", r"<\\/\1", script, flags=re.IGNORECASE)
    style = re.sub(r"</(style)", r"<\\/\1", style, flags=re.IGNORECASE)
    if re.search(r"https?://", style):
        raise ExportError(f"{folder / 'vis-network.css'} refers to a remote address")
    return script, style


def _environment(legend: list[_LegendEntry]) -> jinja2.Environment:
    script, style = _vis_assets()
    environment = jinja2.Environment(loader=jinja2.DictLoader({_TEMPLATE_NAME: _TEMPLATE}), autoescape=True)
    environment.globals.update(vis_js=script, vis_css=style, legend=legend)
    return environment


# ---------------------------------------------------------------- layout for large graphs


def _spring_layout(
    graph: nx.MultiDiGraph, order: list[str], *, spacing: float = 80.0, seed: int = 7
) -> dict[str, tuple[float, float]]:
    """A force-directed layout in pure Python (networkx's layouts need numpy, which is no dependency).

    ForceAtlas2's forces: linear attraction along edges, repulsion between nodes
    weighted by (degree + 1) so hubs push each other apart, and a weak gravity that
    keeps small components near the rest. Repulsion is exact inside a node's grid
    cell and comes from the centre of mass of each of the 24 cells around it, so a
    round costs O(nodes + edges). Nodes start on a sunflower spiral in
    breadth-first order, so neighbours start close.
    """
    count = len(order)
    if count == 0:
        return {}
    index = {node: i for i, node in enumerate(order)}
    undirected = nx.Graph()
    undirected.add_nodes_from(range(count))
    undirected.add_edges_from((index[u], index[v]) for u, v in graph.edges() if u != v)
    pairs = list(undirected.edges())
    mass = [undirected.degree(n) + 1.0 for n in range(count)]

    sequence: list[int] = []
    for component in sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(c))):
        start = max(component, key=lambda n: (undirected.degree(n), -n))
        sequence.extend(nx.bfs_tree(undirected, start))
    rng = random.Random(seed)
    xs, ys = [0.0] * count, [0.0] * count
    golden = math.pi * (3 - math.sqrt(5))
    for rank, node in enumerate(sequence):
        radius = spacing * 0.6 * math.sqrt(rank + 0.5)
        xs[node] = radius * math.cos(rank * golden) + rng.uniform(-1, 1)
        ys[node] = radius * math.sin(rank * golden) + rng.uniform(-1, 1)

    repulsion = spacing * spacing / 4
    gravity = 1.0
    cell_size = 2 * spacing
    rounds = 60 if count <= 1000 else max(20, 60_000 // count)
    start_cap = spacing * 2
    ring = [(ox, oy) for ox in range(-2, 3) for oy in range(-2, 3) if ox or oy]
    for step in range(rounds):
        fxs, fys = [0.0] * count, [0.0] * count
        cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        shift_x, shift_y = rng.uniform(0, cell_size), rng.uniform(0, cell_size)  # no grid-shaped artefacts
        for node in range(count):
            cells[(int((xs[node] + shift_x) // cell_size), int((ys[node] + shift_y) // cell_size))].append(
                node
            )
        centres = {}
        for cell, members in cells.items():
            total = sum(mass[n] for n in members)
            centres[cell] = (
                sum(xs[n] * mass[n] for n in members) / total,
                sum(ys[n] * mass[n] for n in members) / total,
                total,
            )
        for (cx, cy), members in cells.items():
            around = [centres[c] for c in ((cx + ox, cy + oy) for ox, oy in ring) if c in centres]
            for a in members:
                ax, ay = xs[a], ys[a]
                fx = fy = 0.0
                for b in members:
                    if b != a:
                        ddx, ddy = ax - xs[b], ay - ys[b]
                        distance2 = ddx * ddx + ddy * ddy
                        if distance2 < 0.01:
                            ddx, ddy, distance2 = rng.uniform(-1, 1), rng.uniform(-1, 1), 1.0
                        fx += ddx * mass[b] / distance2
                        fy += ddy * mass[b] / distance2
                for bx, by, weight in around:
                    ddx, ddy = ax - bx, ay - by
                    distance2 = ddx * ddx + ddy * ddy or 0.01
                    fx += ddx * weight / distance2
                    fy += ddy * weight / distance2
                fxs[a] = fx * repulsion * mass[a]
                fys[a] = fy * repulsion * mass[a]
        for a, b in pairs:
            ddx, ddy = xs[a] - xs[b], ys[a] - ys[b]
            fxs[a] -= ddx
            fys[a] -= ddy
            fxs[b] += ddx
            fys[b] += ddy
        mx = sum(x * m for x, m in zip(xs, mass, strict=True)) / sum(mass)
        my = sum(y * m for y, m in zip(ys, mass, strict=True)) / sum(mass)
        cap = start_cap * (1 - step / rounds) + 1
        for node in range(count):
            ddx, ddy = xs[node] - mx, ys[node] - my
            distance = math.hypot(ddx, ddy) or 1.0
            fx = fxs[node] - gravity * mass[node] * ddx / distance
            fy = fys[node] - gravity * mass[node] * ddy / distance
            fx, fy = fx / mass[node], fy / mass[node]
            length = math.hypot(fx, fy)
            if length > cap:
                fx, fy = fx * cap / length, fy * cap / length
            xs[node] += fx
            ys[node] += fy
    return {node: (round(xs[index[node]], 1), round(ys[index[node]], 1)) for node in order}


# ---------------------------------------------------------------- the page

_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dipkg with pyvis">
<title>{{ heading }}</title>
{% if nodes %}<style>{{ vis_css|safe }}</style>{% endif %}
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #222; }
  header { padding: 0.6em 1em 0.3em; }
  h1 { font-size: 1.25em; margin: 0 0 0.2em; }
  p.summary { margin: 0 0 0.4em; color: #555; font-size: 0.9em; }
  #legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; }
  #legend li { font-size: 0.9em; white-space: nowrap; }
  #legend .glyph { font-size: 1.2em; margin-right: 0.25em; }
  #legend .shape { color: #777; }
  #mynetwork { width: {{ width }}; height: {{ height }}; border-top: 1px solid #ddd; }
  div.vis-tooltip { white-space: normal; max-width: 36em; font-family: inherit; font-size: 13px; }
  #empty { margin: 2em 1em; font-size: 1.1em; color: #555; }
</style>
</head>
<body>
<header>
<h1>{{ heading }}</h1>
<p class="summary">{{ nodes|length }} nodes, {{ edges|length }} edges{% if nodes %}.
Hover over a node or edge for its evidence; drag to move, scroll to zoom.{% endif %}</p>
{% if legend %}
<ul id="legend" aria-label="Legend">
{% for entry in legend %}  <li data-class="{{ entry.cls }}"><span class="glyph" style="color: {{ entry.colour }}">\
{{ entry.glyph }}</span>{{ entry.cls }} <span class="shape">({{ entry.shape }}, {{ entry.count }})</span></li>
{% endfor %}</ul>
{% endif %}
</header>
{% if nodes %}
<div id="mynetwork"></div>
<script>{{ vis_js|safe }}</script>
<script>
(function () {
  var nodes = new vis.DataSet({{ nodes|tojson }});
  var edges = new vis.DataSet({{ edges|tojson }});
  var options = {{ options|safe }};
  new vis.Network(document.getElementById("mynetwork"), {nodes: nodes, edges: edges}, options);
})();
</script>
{% else %}
<p id="empty">No facts in the store yet. Ingest some articles with <code>kg ingest</code>, then draw again.</p>
{% endif %}
</body>
</html>
"""
