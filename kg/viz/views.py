"""Views of the fact network and the filters every view takes.

A view is made from the graph :func:`kg.viz.read.build_network` returns, in this order:

1. fact filters: ``since``/``until`` (a fact's date span must overlap the
   period; undated facts and year-less dates drop out), ``types`` (a class such
   as ``meeting`` or a type such as ``summit``, ``memorandum``), ``countries``
   (facts a country takes part in). Entities that no remaining fact mentions
   drop out with them (and a person keeps the country of its office);
2. the view: ``actors`` (facts and the people, countries, formats, places and
   organisations they mention), ``countries`` (country to country, one edge per
   pair weighted by the held meetings and signed agreements both take part in,
   as competency question 8 counts them), ``person`` (one person's meetings,
   counterparts and the agreements signed there, laid out in time) and
   ``format`` (a format, its members, its meetings, the countries at them and
   the agreements signed there). Without ``focus`` the person and format views
   take the most active person or format and say so;
3. ``focus`` and ``hops``: only what lies within ``hops`` steps of the focus
   (default 2 in the actors view, where people meet through meeting nodes, 1 in
   the countries view; in the person and format views ``focus`` picks the
   subject and ``hops`` applies only when given);
4. ``min_weight``: in the countries view, pairs with fewer shared facts drop
   out; in the other views, entities linked to fewer facts (the focus stays);
5. ``max_nodes``: the most central nodes by weighted degree
   (:func:`kg.viz.measures.rank_nodes`) stay, and the view records what was
   left out by class;
6. measures (:func:`kg.viz.measures.measure`) of what is left, for node sizes and tooltips.

Bad option values raise :class:`~kg.errors.QueryError` with one line naming the
option; a focus or country that matches nothing lists the nearest names.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

import networkx as nx

from kg.errors import QueryError
from kg.viz.measures import Measures, measure, rank_nodes
from kg.viz.read import FACT_CLASSES, date_span, local_name
from kg.viz.text import LANGUAGES, date, word
from kg.vocab import PREFIXES, shorten

__all__ = ["MEASURE_NODE_LIMIT", "VIEWS", "LeftOut", "View", "ViewOptions", "make_view", "resolve_entity"]

VIEWS = ("actors", "countries", "person", "format")

MEASURE_NODE_LIMIT = 2000
"""Up to this many nodes a view computes betweenness and communities for its tooltips."""

_DEFAULT_HOPS = {"actors": 2, "countries": 1}
_SUBJECT_CLASS = {"person": "Person", "format": "Format", "countries": "Country"}
_CLASS_TYPES = {
    "meeting": "Meeting",
    "agreement": "Agreement",
    "mission": "DiplomaticMission",
    "diplomaticmission": "DiplomaticMission",
    "statistic": "Statistic",
    "figure": "Statistic",
}
_NOT_HAPPENED = {"planned", "cancelled"}
_MAX_LISTED = 20


@dataclass(frozen=True, kw_only=True)
class ViewOptions:
    """What to draw: the view and its filters (see the module docstring)."""

    view: str = "actors"
    focus: str | None = None
    hops: int | None = None
    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    min_weight: int | None = None
    max_nodes: int | None = None
    lang: str = "en"

    def filters(self) -> list[str]:
        """The filters in force, written as the command-line options that set them."""
        shown = []
        for name, value in (
            ("--focus", self.focus),
            ("--hops", self.hops),
            ("--since", self.since),
            ("--until", self.until),
            ("--min-weight", self.min_weight),
            ("--max-nodes", self.max_nodes),
        ):
            if value is not None:
                shown.append(f"{name} {value}")
        shown += [f"--type {value}" for value in self.types]
        shown += [f"--country {value}" for value in self.countries]
        return shown


@dataclass(frozen=True)
class LeftOut:
    """What ``max_nodes`` left out: nodes by class, edges, and how many nodes there were."""

    nodes: dict[str, int]
    edges: int
    total: int
    limit: int


@dataclass
class View:
    """A graph ready to draw, with what the caption says about it."""

    options: ViewOptions
    graph: nx.MultiDiGraph
    directed: bool
    evidence: dict[str, list[tuple[str, str | None]]]
    articles: dict
    cited: set[str] = field(default_factory=set)
    subject: str | None = None
    subject_chosen: bool = False
    left_out: LeftOut | None = None
    empty: str | None = None
    """Why nothing is drawn: ``"store"`` (no facts at all) or a sentence; None when something is."""
    measures: Measures | None = None
    dated_only: bool = False
    focus: list[str] = field(default_factory=list)
    """The nodes ``--focus`` named that are drawn (the page shows them larger)."""

    @property
    def lang(self) -> str:
        return self.options.lang


# ---------------------------------------------------------------- entry point


def make_view(network: nx.MultiDiGraph, options: ViewOptions, *, measure_all: bool = False) -> View:
    """The view ``options`` asks for, made from the fact network of :func:`kg.viz.read.build_network`.

    Betweenness and communities are measured up to :data:`MEASURE_NODE_LIMIT` nodes, or always
    with ``measure_all``.
    """
    _check(options)
    lang = options.lang
    if network.graph.get("lang", lang) != lang:
        raise ValueError(f"the network was read in '{network.graph['lang']}', the view asks for '{lang}'")
    view = View(
        options=options,
        graph=nx.MultiDiGraph(),
        directed=options.view != "countries",
        evidence=network.graph.get("evidence", {}),
        articles=network.graph.get("articles", {}),
        dated_only=bool(options.since or options.until),
    )
    if network.number_of_nodes() == 0:
        view.empty = "store"
        return view

    focus = _focus_nodes(network, options)
    countries = {iri for value in options.countries for iri in _resolve_country(network, value)}
    classes, kinds = _types(network, options.types)
    start = date_span(options.since)[0] if options.since else None
    end = date_span(options.until)[1] if options.until else None

    def keep(fact: str) -> bool:
        data = network.nodes[fact]
        if (classes or kinds) and data["cls"] not in classes and data.get("type") not in kinds:
            return False
        if start or end:
            span = data.get("span")
            if span is None or (start and span[1] < start) or (end and span[0] > end):
                return False
        return not countries or any(n in countries for n in nx.all_neighbors(network, fact))

    filtered = bool(countries or classes or kinds or start or end)
    facts = sorted(n for n, cls in network.nodes(data="cls") if cls in FACT_CLASSES and keep(n))
    base = _restrict(network, facts) if filtered else network

    if options.view == "actors":
        graph = base.copy()
    elif options.view == "countries":
        graph = _countries(base, lang)
    else:
        subject = _subject(base, network, options.view, focus)
        if subject is None:
            view.empty = _nothing(options, focus, network)
            return view
        view.subject, view.subject_chosen = subject, not focus
        graph = _person(base, subject) if options.view == "person" else _format(base, network, subject, lang)
    for _, _, data in graph.edges(data=True):
        data.setdefault("weight", 1)

    anchors = [n for n in (focus or ([view.subject] if view.subject else [])) if n in graph]
    hops = options.hops if options.hops is not None else _DEFAULT_HOPS.get(options.view)
    if focus and options.view in ("actors", "countries"):
        if not anchors:
            view.empty = _nothing(options, focus, network)
            return view
        graph = _within(graph, anchors, hops)
    elif options.hops is not None and anchors:
        graph = _within(graph, anchors, options.hops)

    if options.min_weight:
        graph = _min_weight(
            graph, options.min_weight, keep=set(anchors), countries=options.view == "countries"
        )
    if graph.number_of_nodes() == 0:
        view.empty = _nothing(options, focus, network)
        return view
    if options.max_nodes is not None and graph.number_of_nodes() > options.max_nodes:
        graph, view.left_out = _max_nodes(graph, options.max_nodes, anchors)

    view.graph = graph
    view.focus = [n for n in focus if n in graph]
    view.cited = _cited(graph, view.evidence)
    small = measure_all or graph.number_of_nodes() <= MEASURE_NODE_LIMIT
    view.measures = measure(graph, betweenness=small, communities=small)
    return view


def _check(options: ViewOptions) -> None:
    if options.view not in VIEWS:
        raise QueryError(f"--view: unknown view '{options.view}' (choose {', '.join(VIEWS)})")
    if options.lang not in LANGUAGES:
        raise QueryError(f"--lang: unknown language '{options.lang}' (choose {', '.join(LANGUAGES)})")
    if options.max_nodes is not None and options.max_nodes < 1:
        raise QueryError(
            f"--max-nodes {options.max_nodes}: nothing would be drawn; give at least 1 "
            "(it keeps that many of the most central nodes)"
        )
    if options.hops is not None and options.hops < 0:
        raise QueryError(f"--hops {options.hops}: give 0 or more steps from the focus")
    if options.min_weight is not None and options.min_weight < 0:
        raise QueryError(f"--min-weight {options.min_weight}: give 0 or more")
    for name, value in (("--since", options.since), ("--until", options.until)):
        if value is not None and (not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value) or not date_span(value)):
            raise QueryError(f"{name}: '{value}' is not a date (give YYYY, YYYY-MM or YYYY-MM-DD)")
    if options.since and options.until and date_span(options.since)[0] > date_span(options.until)[1]:
        raise QueryError(f"--since {options.since} is after --until {options.until}")
    if options.hops is not None and options.view in ("actors", "countries") and not options.focus:
        raise QueryError("--hops needs --focus (the steps are counted from the focus)")


# ---------------------------------------------------------------- finding entities


def resolve_entity(
    network: nx.MultiDiGraph, value: str, *, cls: str | None = None, option: str = "--focus"
) -> list[str]:
    """IRIs of the entities ``value`` names: an IRI, a prefixed name (``dipr:person/wang-yi``), a
    Wikidata id (``Q232``, ``wd:Q232``), an ISO code or a label in any language (case ignored).

    Only entities of class ``cls`` when given. Raises :class:`~kg.errors.QueryError` naming
    ``option`` when nothing matches: it lists the nearest names, or says which class the
    entity has when it is of another class.
    """
    hits = _matches(_candidates(network, cls), value)
    if hits:
        return hits
    kinds = word(cls).lower() if cls else "entity"
    if cls:
        others = _candidates(network, None)
        elsewhere = _matches(others, value)
        if elsewhere:
            found = (
                network.nodes[elsewhere[0]]
                if elsewhere[0] in network
                else network.graph["entities"][elsewhere[0]]
            )
            raise QueryError(f"{option} '{value}' is a {word(found['cls']).lower()}, not a {kinds}")
    names: dict[str, str] = {}
    for label, aliases in _candidates(network, cls).values():
        for name in (label, *aliases):
            if not re.fullmatch(r"Q\d+", name):
                names.setdefault(name.casefold(), label)
    near = difflib.get_close_matches(value.strip().casefold(), list(names), n=8, cutoff=0.6)
    shown = sorted(dict.fromkeys(names[n] for n in near))[:5]
    hint = f"; did you mean: {', '.join(shown)}?" if shown else " (nor a similar name)"
    raise QueryError(f"{option} '{value}': no {kinds} in the store has that name, IRI or Wikidata id{hint}")


def _matches(candidates: dict[str, tuple[str, list[str]]], value: str) -> list[str]:
    text = value.strip()
    if ":" in text and not text.startswith("http"):
        prefix, _, rest = text.partition(":")
        if prefix in PREFIXES and prefix != "wd":
            text = PREFIXES[prefix] + rest
    if text in candidates:
        return [text]
    wikidata = re.fullmatch(
        r"(?:wd:|https?://www\.wikidata\.org/(?:entity|wiki)/)?(Q\d+)", text, re.IGNORECASE
    )
    key = (wikidata[1] if wikidata else text).casefold()
    return sorted(
        iri
        for iri, (label, names) in candidates.items()
        if key in (label.casefold(), local_name(iri).casefold())
        or any(key == name.casefold() for name in names)
    )


def _candidates(network: nx.MultiDiGraph, cls: str | None) -> dict[str, tuple[str, list[str]]]:
    found = {
        node: (data.get("label", ""), data.get("names", []))
        for node, data in network.nodes(data=True)
        if data.get("cls") not in FACT_CLASSES and (cls is None or data.get("cls") == cls)
    }
    for iri, data in network.graph.get("entities", {}).items():
        if iri not in found and (cls is None or data["cls"] == cls):
            found[iri] = (data["label"], data["names"])
    return found


def _focus_nodes(network: nx.MultiDiGraph, options: ViewOptions) -> list[str]:
    if not options.focus:
        return []
    return resolve_entity(network, options.focus, cls=_SUBJECT_CLASS.get(options.view))


def _resolve_country(network: nx.MultiDiGraph, value: str) -> list[str]:
    return resolve_entity(network, value, cls="Country", option="--country")


def _types(network: nx.MultiDiGraph, values: Iterable[str]) -> tuple[set[str], set[str]]:
    """Classes and type concepts (last path segment) ``--type`` values name."""
    known = network.graph.get("types", {})
    classes: set[str] = set()
    kinds: set[str] = set()
    for value in values:
        key = re.sub(r"[\s_]+", "-", value.strip().lower())
        singular = key[:-1] if key.endswith("s") else key
        if key in _CLASS_TYPES or singular in _CLASS_TYPES:
            classes.add(_CLASS_TYPES.get(key) or _CLASS_TYPES[singular])
        elif key in known or singular in known:
            kinds.add(key if key in known else singular)
        else:
            choices = sorted({*_CLASS_TYPES, *known})
            near = difflib.get_close_matches(key, choices, n=4, cutoff=0.5)
            hint = f"; did you mean: {', '.join(near)}?" if near else ""
            raise QueryError(
                f"--type '{value}': not a kind of fact (meeting, agreement, mission, statistic) "
                f"nor a type such as summit or memorandum{hint}"
            )
    return classes, kinds


# ---------------------------------------------------------------- filters


def _restrict(network: nx.MultiDiGraph, facts: list[str]) -> nx.MultiDiGraph:
    """The facts kept, the entities they mention, and the countries of those people's offices."""
    keep = set(facts)
    for fact in facts:
        keep.update(n for n in nx.all_neighbors(network, fact) if network.nodes[n]["cls"] not in FACT_CLASSES)
    for person in [n for n in keep if network.nodes[n]["cls"] == "Person"]:
        keep.update(t for _, t in network.out_edges(person) if network.nodes[t]["cls"] == "Country")
    for fact in facts:  # a meeting an agreement was signed at is context, not a match
        keep.update(t for _, t in network.out_edges(fact) if network.nodes[t]["cls"] in FACT_CLASSES)
    graph = network.subgraph(sorted(keep)).copy()
    return graph


def _within(graph: nx.MultiDiGraph, anchors: list[str], hops: int | None) -> nx.MultiDiGraph:
    """Nodes at most ``hops`` steps (either direction) from an anchor."""
    undirected = graph.to_undirected(as_view=True)
    reached: set[Hashable] = set(anchors)
    frontier = set(anchors)
    for _ in range(hops if hops is not None else graph.number_of_nodes()):
        frontier = {n for node in frontier for n in undirected.neighbors(node)} - reached
        if not frontier:
            break
        reached |= frontier
    return graph.subgraph(sorted(reached, key=str)).copy()


def _min_weight(graph: nx.MultiDiGraph, minimum: int, *, keep: set[str], countries: bool) -> nx.MultiDiGraph:
    graph = graph.copy()
    if countries:
        graph.remove_edges_from(
            [(u, v, k) for u, v, k, w in graph.edges(keys=True, data="weight", default=1) if w < minimum]
        )
    else:
        weak = []
        for node, cls in graph.nodes(data="cls"):
            if cls in FACT_CLASSES or node in keep:
                continue
            facts = {n for n in nx.all_neighbors(graph, node) if graph.nodes[n]["cls"] in FACT_CLASSES}
            if len(facts) < minimum:
                weak.append(node)
        graph.remove_nodes_from(weak)
        graph.remove_nodes_from(
            [
                n
                for n, cls in list(graph.nodes(data="cls"))
                if cls in FACT_CLASSES
                and not any(graph.nodes[m]["cls"] not in FACT_CLASSES for m in nx.all_neighbors(graph, n))
            ]
        )
    graph.remove_nodes_from([n for n in list(graph.nodes) if graph.degree(n) == 0 and n not in keep])
    return graph


def _max_nodes(graph: nx.MultiDiGraph, limit: int, anchors: list[str]) -> tuple[nx.MultiDiGraph, LeftOut]:
    ranked = rank_nodes(graph, keep_first=anchors)
    kept = set(ranked[:limit])
    dropped = Counter(graph.nodes[n]["cls"] for n in ranked[limit:])
    smaller = graph.subgraph([n for n in graph.nodes if n in kept]).copy()
    left_out = LeftOut(
        nodes=dict(sorted(dropped.items(), key=lambda item: (-item[1], item[0]))),
        edges=graph.number_of_edges() - smaller.number_of_edges(),
        total=graph.number_of_nodes(),
        limit=limit,
    )
    return smaller, left_out


def _cited(graph: nx.MultiDiGraph, evidence: dict[str, list[tuple[str, str | None]]]) -> set[str]:
    keys = {key for _, keys in graph.nodes(data="evidence", default=[]) for key in keys}
    keys |= {key for _, _, keys in graph.edges(data="evidence", default=[]) for key in keys}
    return {article for key in keys for _, article in evidence.get(key, []) if article}


def _nothing(options: ViewOptions, focus: list[str], network: nx.MultiDiGraph) -> str:
    lang = options.lang
    if options.view in ("person", "format") and not focus:
        kind = word(_SUBJECT_CLASS[options.view], lang)
        if not any(cls == _SUBJECT_CLASS[options.view] for _, cls in network.nodes(data="cls")):
            return word("no {what} in the store", lang, what=kind)
    if focus:
        label = (
            network.nodes[focus[0]]["label"]
            if focus[0] in network
            else network.graph["entities"][focus[0]]["label"]
        )
        return word("{what} is not in this view with these filters", lang, what=label)
    return word(
        "nothing matches these filters ({filters})", lang, filters=", ".join(options.filters()) or "-"
    )


# ---------------------------------------------------------------- the views


def _countries(network: nx.MultiDiGraph, lang: str) -> nx.MultiDiGraph:
    """Country to country: one edge per pair, weighted by the held meetings and signed agreements."""
    pairs: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: {"Meeting": [], "Agreement": []})
    relation = {"Meeting": "participant country", "Agreement": "party"}
    for fact, data in network.nodes(data=True):
        if data["cls"] not in relation or data.get("status") in _NOT_HAPPENED:
            continue
        members = sorted(
            {
                target
                for _, target, key in network.out_edges(fact, keys=True)
                if key == relation[data["cls"]] and network.nodes[target]["cls"] == "Country"
            }
        )
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                pairs[(first, second)][data["cls"]].append(fact)

    graph = nx.MultiDiGraph()
    for first, second in sorted(pairs):
        for country in (first, second):
            if country not in graph:
                graph.add_node(country, **_copy(network.nodes[country]))
    for (first, second), found in sorted(pairs.items()):
        meetings = sorted(found["Meeting"], key=lambda f: _when(network, f))
        agreements = sorted(found["Agreement"], key=lambda f: _when(network, f))
        lines = []
        for caption, facts in (("Meetings", meetings), ("Agreements", agreements)):
            if not facts:
                continue
            lines.append(f"{word(caption, lang)} ({len(facts)}):")
            for fact in facts[:_MAX_LISTED]:
                label = network.nodes[fact]["label"]
                when = network.nodes[fact].get("date")
                shown = date(when, lang) if when else word("undated", lang)
                lines.append(f"  {label}" if when and shown in label else f"  {shown} \u00b7 {label}")
            if len(facts) > _MAX_LISTED:
                lines.append("  " + word("\u2026 and {n} more", lang, n=len(facts) - _MAX_LISTED))
        weight = len(meetings) + len(agreements)
        graph.add_edge(
            first,
            second,
            key="pair",
            label=str(weight),
            header=f"{network.nodes[first]['label']} \u2014 {network.nodes[second]['label']}",
            info=lines,
            evidence=meetings + agreements,
            weight=weight,
            meetings=meetings,
            agreements=agreements,
        )
    return graph


def _when(network: nx.MultiDiGraph, fact: str) -> tuple[str, str]:
    span = network.nodes[fact].get("span")
    return (span[0] if span else "9999", fact)


def _subject(network: nx.MultiDiGraph, full: nx.MultiDiGraph, view: str, focus: list[str]) -> str | None:
    """The person or format to draw: the focus, or the one in the most meetings."""
    cls = _SUBJECT_CLASS[view]
    if focus:  # resolve_entity checked the class
        inside = [n for n in focus if n in network]
        return inside[0] if inside else focus[0] if view == "format" else None
    candidates = [n for n, c in network.nodes(data="cls") if c == cls]

    def meetings(node: str) -> int:
        return sum(1 for n in nx.all_neighbors(network, node) if network.nodes[n]["cls"] == "Meeting")

    best = max(candidates, key=lambda n: (meetings(n), network.degree(n), n), default=None)
    return best if best is not None and meetings(best) else None


def _copy(data: dict) -> dict:
    return {key: (list(value) if isinstance(value, list) else value) for key, value in data.items()}


def _person(network: nx.MultiDiGraph, person: str) -> nx.MultiDiGraph:
    meetings = sorted(
        {t for _, t, k in network.out_edges(person, keys=True) if k == "participant"},
        key=lambda m: _when(network, m),
    )
    graph = nx.MultiDiGraph()
    graph.add_node(person, **_copy(network.nodes[person]))
    for meeting in meetings:
        graph.add_node(meeting, **_copy(network.nodes[meeting]))
    for meeting in meetings:
        for other, _, key, data in network.in_edges(meeting, keys=True, data=True):
            if key == "participant":
                if other not in graph:
                    graph.add_node(other, **_copy(network.nodes[other]))
                graph.add_edge(other, meeting, key=key, **_copy(data))
            elif key == "signed at":
                graph.add_node(other, **_copy(network.nodes[other]))
                graph.add_edge(other, meeting, key=key, **_copy(data))
    graph.graph["timeline"] = meetings
    return graph


def _format(network: nx.MultiDiGraph, full: nx.MultiDiGraph, fmt: str, lang: str) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    entities = full.graph.get("entities", {})
    if fmt in network:
        graph.add_node(fmt, **_copy(network.nodes[fmt]))
    else:  # a format no (remaining) meeting names: itself and its members
        found = full.nodes[fmt] if fmt in full else entities[fmt]
        info = [f"{word('Format', lang)}: {found['label']}", shorten(fmt)]
        graph.add_node(fmt, cls="Format", label=found["label"], names=found["names"], info=info, evidence=[])
        graph.nodes[fmt]["members"] = list(found.get("members", []))
    for member in sorted(graph.nodes[fmt].get("members", [])):
        if member in full:
            data = _copy(full.nodes[member])
        elif member in entities:
            data = {"cls": "Country", "label": entities[member]["label"], "names": entities[member]["names"]}
            data["info"] = [f"{word('Country', lang)}: {data['label']}"]
            data["evidence"] = []
        else:
            continue
        graph.add_node(member, **data)
        label = word("member", lang)
        graph.add_edge(
            fmt,
            member,
            key="member",
            label=label,
            evidence=[],
            header=f"{graph.nodes[fmt]['label']} \u2014 {label} \u2014 {data['label']}",
        )
    meetings = sorted(
        (s for s, _, k in network.in_edges(fmt, keys=True) if k == "format") if fmt in network else (),
        key=lambda m: _when(network, m),
    )
    for meeting in meetings:
        graph.add_node(meeting, **_copy(network.nodes[meeting]))
        for _, target, key, data in network.out_edges(meeting, keys=True, data=True):
            if key == "format" and target == fmt or key == "participant country":
                if target not in graph:
                    graph.add_node(target, **_copy(network.nodes[target]))
                graph.add_edge(meeting, target, key=key, **_copy(data))
        for other, _, key, data in network.in_edges(meeting, keys=True, data=True):
            if key == "signed at":
                graph.add_node(other, **_copy(network.nodes[other]))
                graph.add_edge(other, meeting, key=key, **_copy(data))
    graph.graph["timeline"] = meetings
    return graph
