"""Node positions computed in Python, so that big graphs need no physics in the browser.

* :func:`spring_layout`: a force-directed layout in pure Python (networkx's
  layouts need numpy, which is no dependency). 1 s for 5,000 nodes and 15,000
  edges, 5 s for 20,000 and 60,000 on the benchmark machine (docs/benchmarks.md).
* :func:`timeline_layout`: the person and format views: the subject on top,
  its meetings in a row from the earliest to the latest (undated ones last),
  agreements above the meeting they were signed at, everyone else below, near
  the meetings they attended.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Hashable, Sequence

import networkx as nx

__all__ = ["spring_layout", "timeline_layout"]

Position = tuple[float, float]
_LABEL_GAP = 150.0  # room for a label of 26 characters


def timeline_layout(
    graph: nx.MultiDiGraph, subject: Hashable, timeline: Sequence[Hashable], *, step: float = 190.0
) -> dict[Hashable, Position]:
    """Positions for a subject, its meetings in time order (``timeline``) and the nodes around them."""
    positions: dict[Hashable, Position] = {}
    meetings = [m for m in timeline if m in graph]
    for index, meeting in enumerate(meetings):
        positions[meeting] = (index * step, 0.0)
    middle = (len(meetings) - 1) * step / 2 if meetings else 0.0
    positions[subject] = (middle, -400.0)

    above: list[tuple[float, str, Hashable]] = []
    below: list[tuple[float, str, Hashable]] = []
    for node in sorted(graph.nodes, key=str):
        if node in positions:
            continue
        linked = [positions[n][0] for n in nx.all_neighbors(graph, node) if n in positions and n != subject]
        ideal = sum(linked) / len(linked) if linked else (len(meetings) + 1) * step
        if graph.nodes[node].get("cls") == "Agreement" and linked:
            above.append((ideal, str(node), node))
        else:
            below.append((ideal, str(node), node))
    # Agreements above the meetings they were signed at, in two staggered rows that never overlap.
    last = [-math.inf, -math.inf]
    for index, (ideal, _, node) in enumerate(sorted(above)):
        row = index % 2
        x = max(ideal, last[row] + 2 * _LABEL_GAP)
        last[row] = x
        positions[node] = (round(x, 1), -140.0 - 110.0 * row)

    # Everyone else in rows below, in the order of the meetings they attended, spread over the timeline.
    below.sort()
    width = max((len(meetings) - 1) * step, 900.0)
    gap = _LABEL_GAP
    row_count = max(1, math.ceil(len(below) * gap / width))
    per_row = math.ceil(len(below) / row_count) if below else 0
    for row in range(row_count):
        chunk = below[row * per_row : (row + 1) * per_row]
        spacing = max(gap, width / max(len(chunk), 1))
        for index, (_, _, node) in enumerate(chunk):
            x = middle + (index - (len(chunk) - 1) / 2) * spacing
            positions[node] = (round(x, 1), 260.0 + 120.0 * row + (40.0 if index % 2 else 0.0))
    return positions


def spring_layout(
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
