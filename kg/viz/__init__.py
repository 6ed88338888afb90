"""The HTML network view: what the store says, drawn as an interactive page that works offline.

Three steps, each its own module:

* :func:`build_network` (:mod:`kg.viz.read`) reads the facts and the entities they
  mention from the store with SPARQL into a networkx graph;
* :func:`make_view` (:mod:`kg.viz.views`) makes one of the :data:`VIEWS` of it and
  applies the filters of :class:`ViewOptions`; :mod:`kg.viz.measures` gives the
  degree, betweenness and communities that size the nodes (``kg analyze`` prints
  the same numbers);
* :func:`write_html` (:mod:`kg.viz.page`) writes one self-contained page with
  vis-network inlined, a legend, a search box, tooltips and a details panel
  with the evidence and links to the articles.

:func:`draw` runs all three, as ``kg viz`` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.viz.page import PHYSICS_NODE_LIMIT, VizSummary, write_html
from kg.viz.read import build_network
from kg.viz.views import VIEWS, View, ViewOptions, make_view

__all__ = [
    "PHYSICS_NODE_LIMIT",
    "VIEWS",
    "View",
    "ViewOptions",
    "VizSummary",
    "build_network",
    "draw",
    "make_view",
    "write_html",
]


def draw(
    store: Any, output: Path, *, options: ViewOptions | None = None, title: str | None = None
) -> VizSummary:
    """Read ``store``, make the view ``options`` asks for and write it to ``output``; return what was drawn.

    Raises :class:`~kg.errors.QueryError` for option values that name nothing (a focus, a
    country, a type) or make no sense (``max_nodes=0``), :class:`~kg.errors.ExportError`
    when ``output`` cannot be written.
    """
    options = options or ViewOptions()
    network = build_network(store, lang=options.lang)
    return write_html(make_view(network, options), output, title=title)
