"""Network measures with networkx: degree, betweenness centrality, communities.

One module serves both the view (node sizes, ``--max-nodes``, tooltips) and
``kg analyze``, so the numbers an analyst reads in the table are the ones that
size the nodes on the page.

Every measure is taken on the undirected simple graph of a view: parallel edges
are merged and their ``weight`` (1 when absent) summed.

* degree: the number of distinct neighbours; ``weight``: the summed weight of a
  node's edges (in the countries view, the meetings and agreements it shares);
  ``degree_centrality``: degree / (nodes - 1), networkx's definition;
* betweenness: networkx's normalised betweenness centrality over hop counts,
  exact up to :data:`EXACT_BETWEENNESS_LIMIT` nodes and estimated from
  :data:`BETWEENNESS_SAMPLES` seeded sample sources above that (Brandes'
  pivots), because the exact value costs nodes × edges;
* communities: Louvain modularity communities on the edge weights (seed 0, so
  the same graph always gives the same communities), numbered 1, 2, … from the
  largest.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import networkx as nx

__all__ = [
    "BETWEENNESS_SAMPLES",
    "EXACT_BETWEENNESS_LIMIT",
    "Measures",
    "NodeMeasures",
    "measure",
    "rank_nodes",
    "simple_graph",
]

EXACT_BETWEENNESS_LIMIT = 500
"""Up to this many nodes betweenness is exact; above, it is estimated from samples."""

BETWEENNESS_SAMPLES = 200
"""Sample sources for the betweenness estimate of larger graphs."""

_SEED = 0


@dataclass(frozen=True)
class NodeMeasures:
    """The measures of one node."""

    degree: int
    weight: float
    degree_centrality: float
    betweenness: float | None = None
    community: int | None = None


@dataclass(frozen=True)
class Measures:
    """The measures of every node of a graph, and its communities (largest first)."""

    nodes: dict[Hashable, NodeMeasures]
    communities: list[list[Hashable]]
    betweenness_samples: int | None
    """None when betweenness is exact (or was not computed), else the number of sample sources."""


def simple_graph(graph: nx.Graph) -> nx.Graph:
    """The undirected simple graph of ``graph``: parallel edges merged, their ``weight`` summed, no loops."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for source, target, weight in graph.edges(data="weight", default=1):
        if source == target:
            continue
        if simple.has_edge(source, target):
            simple[source][target]["weight"] += weight
        else:
            simple.add_edge(source, target, weight=weight)
    return simple


def measure(graph: nx.Graph, *, betweenness: bool = True, communities: bool = True) -> Measures:
    """Degree, weighted degree and degree centrality of every node; betweenness and communities on request."""
    simple = simple_graph(graph)
    count = simple.number_of_nodes()
    scale = 1.0 / (count - 1) if count > 1 else 0.0
    between: dict[Hashable, float] = {}
    samples = None
    if betweenness and count:
        if count > EXACT_BETWEENNESS_LIMIT:
            samples = min(BETWEENNESS_SAMPLES, count)
            between = nx.betweenness_centrality(simple, k=samples, seed=_SEED)
        else:
            between = nx.betweenness_centrality(simple)
    groups: list[list[Hashable]] = []
    membership: dict[Hashable, int] = {}
    if communities and count:
        found = nx.community.louvain_communities(simple, weight="weight", seed=_SEED)
        groups = sorted((sorted(group, key=str) for group in found), key=lambda g: (-len(g), str(g[0])))
        membership = {node: number for number, group in enumerate(groups, 1) for node in group}
    nodes = {
        node: NodeMeasures(
            degree=simple.degree(node),
            weight=float(simple.degree(node, weight="weight")),
            degree_centrality=simple.degree(node) * scale,
            betweenness=between.get(node) if betweenness else None,
            community=membership.get(node),
        )
        for node in simple.nodes
    }
    return Measures(nodes=nodes, communities=groups, betweenness_samples=samples)


def rank_nodes(graph: nx.Graph, *, keep_first: Iterable[Hashable] = ()) -> list[Hashable]:
    """Nodes from the most to the least central: weighted degree, then degree, then IRI (stable).

    ``keep_first`` nodes (a focus) come before all others.
    """
    simple = simple_graph(graph)
    first = [node for node in keep_first if node in simple]
    chosen = set(first)
    rest = sorted(
        (node for node in simple.nodes if node not in chosen),
        key=lambda node: (-simple.degree(node, weight="weight"), -simple.degree(node), str(node)),
    )
    return first + rest
