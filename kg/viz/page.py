"""Writing a view as one offline HTML page with vis-network.

The page carries everything it needs: vis-network 9.1.2 from pyvis's bundled
copy (inlined: the page loads nothing, and works with the network off), the
graph as JSON, and a small script of ours for the tooltip, the details panel
and the search box. Text never becomes markup:

* the graph goes into ``<script type="application/json">`` with ``<``, ``>``,
  ``&`` and ``/`` written as JSON escapes (``\\u003c`` … ``\\/``), so no label or
  sentence can close the element, and the page holds no literal ``://``: an
  article's web address is data, turned into a link only when a reader clicks;
* vis-network draws labels on the canvas; tooltips and the details panel are
  filled with ``textContent``, and a link gets an ``href`` only when the address
  starts with ``http://`` or ``https://``;
* the heading, caption and legend are HTML-escaped by Jinja's autoescaping.

Nodes are coloured and shaped by class; their size follows their weighted
degree (:mod:`kg.viz.measures`). From :data:`PHYSICS_NODE_LIMIT` nodes on, and
always in the person and format views, positions are computed in Python
(:mod:`kg.viz.layout`) and physics is off, so big graphs are drawn at once.
After the first frame the page writes ``data-state="ready"``, ``data-nodes``,
``data-edges`` and ``data-ready-ms`` on ``<body>`` (the browser tests and the
benchmark read them).
"""

from __future__ import annotations

import functools
import json
import math
import re
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import jinja2
import pyvis

from kg.errors import ExportError
from kg.viz.layout import spring_layout, timeline_layout
from kg.viz.text import word
from kg.viz.views import MEASURE_NODE_LIMIT, View

__all__ = ["PHYSICS_NODE_LIMIT", "VizSummary", "write_html"]

PHYSICS_NODE_LIMIT = 100
"""From this many nodes on, the page gets a precomputed layout and physics off."""

_MAX_EVIDENCE_TIP = 3
_EDGE_LABEL_LIMIT = 150  # more edge labels than this only clutter the picture; tooltips name the relation
_LABEL_WIDTH = 26
_LABEL_LINES = 3
_VIS_DIR = "templates/lib/vis-9.1.2"


@dataclass(frozen=True)
class VizSummary:
    """What :func:`write_html` drew."""

    nodes: int
    edges: int
    articles: int = 0
    empty: str | None = None
    """Why nothing was drawn (a sentence), or None."""
    notes: tuple[str, ...] = ()
    """What the caption says besides the counts (filters, what --max-nodes left out …)."""


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
    _Style("Organization", "#3f8f8a", "hexagon", "\u2b22"),
    _Style("Meeting", "#f28e2b", "star", "\u2605"),
    _Style("Agreement", "#59a14f", "square", "\u25a0"),
    _Style("DiplomaticMission", "#edc948", "triangle", "\u25b2"),
    _Style("Place", "#b07aa1", "triangleDown", "\u25bc"),
    _Style("Statistic", "#9c755f", "box", "\u25ad"),
)
_FALLBACK_STYLE = _Style("Other", "#bab0ac", "dot", "\u25cf")


def _style(cls: str) -> _Style:
    return next((style for style in _STYLES if style.cls == cls), _FALLBACK_STYLE)


# ---------------------------------------------------------------- writing


def write_html(view: View, output: Path, *, title: str | None = None) -> VizSummary:
    """Write ``view`` (from :func:`kg.viz.views.make_view`) as one offline HTML page; return what was drawn.

    Raises :class:`~kg.errors.ExportError` when ``output`` cannot be written.
    """
    output = Path(output)
    lang = view.lang
    heading = title or _default_title(view)
    notes = tuple(_notes(view))
    context: dict = {
        "lang": lang,
        "heading": heading,
        "notes": notes,
        "word": functools.partial(word, lang=lang),
    }
    graph = view.graph
    if view.empty or graph.number_of_nodes() == 0:
        if view.empty == "store" or view.empty is None:
            message = word(
                "No facts in the store yet. Ingest some articles with kg ingest, then draw again.", lang
            )
        else:
            message = word("Nothing to draw: {reason}", lang, reason=view.empty)
        summary_line = word("{nodes} nodes and {edges} edges", lang, nodes=0, edges=0)
        page = (
            _environment()
            .get_template("page")
            .render(**context, empty=message, summary_line=summary_line, legend=[])
        )
        _write(output, page)
        return VizSummary(nodes=0, edges=0, empty=message, notes=notes)

    data, options = _page_data(view)
    summary_line = _summary_line(view, len(data["nodes"]), len(data["edges"]))
    page = (
        _environment()
        .get_template("page")
        .render(
            **context,
            empty=None,
            summary_line=summary_line,
            legend=_legend(view),
            data_json=_script_json(data),
            options_json=_script_json(options),
            vis_js=_vis_assets()[0],
            vis_css=_vis_assets()[1],
            app_js=_APP_JS,
        )
    )
    _write(output, page)
    return VizSummary(
        nodes=len(data["nodes"]), edges=len(data["edges"]), articles=len(view.cited), notes=notes
    )


def _write(output: Path, page: str) -> None:
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(page, encoding="utf-8")
    except OSError as error:
        raise ExportError(f"cannot write {output}: {error.strerror or error}") from error


def _number(value: int, lang: str) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "de" else text


def _view_name(view: View) -> str:
    return word("format view" if view.options.view == "format" else view.options.view, view.lang)


def _default_title(view: View) -> str:
    name = word("{view} network", view.lang, view=_view_name(view))
    if view.subject and view.subject in view.graph:
        name += f": {view.graph.nodes[view.subject]['label']}"
    return f"dipkg \u2014 {name}"


def _summary_line(view: View, nodes: int, edges: int) -> str:
    lang = view.lang
    text = word(
        "{nodes} nodes and {edges} edges", lang, nodes=_number(nodes, lang), edges=_number(edges, lang)
    )
    count = len(view.cited)
    text += ", " + (
        word("from 1 article", lang)
        if count == 1
        else word("from {n} articles", lang, n=_number(count, lang))
    )
    return f"{_view_name(view)}: {text}."


def _notes(view: View) -> list[str]:
    """The caption's sentences besides the counts."""
    lang = view.lang
    notes = []
    filters = view.options.filters()
    if filters:
        notes.append(word("Filters", lang) + ": " + " \u00b7 ".join(filters))
    if view.subject_chosen and view.subject in view.graph:
        what = word(view.graph.nodes[view.subject]["cls"], lang)
        lowered = what if lang == "de" else what.lower()
        label = view.graph.nodes[view.subject]["label"]
        notes.append(
            f"{what}: {label} ({word('most active {what}; choose another with --focus', lang, what=lowered)})"
        )
    if view.left_out is not None:
        left = view.left_out
        classes = ", ".join(f"{_number(n, lang)} {word(cls, lang)}" for cls, n in left.nodes.items())
        notes.append(
            word(
                "left out by --max-nodes {limit}: {nodes} of {total} nodes ({classes}) and {edges} edges",
                lang,
                limit=left.limit,
                nodes=_number(sum(left.nodes.values()), lang),
                total=_number(left.total, lang),
                classes=classes,
                edges=_number(left.edges, lang),
            )
        )
    if view.dated_only and not view.empty:
        notes.append(word("undated facts are left out by --since/--until", lang))
    if not view.empty and view.graph.number_of_nodes() > MEASURE_NODE_LIMIT:
        notes.append(
            word(
                "betweenness and communities are computed up to {n} nodes (kg analyze gives them for any size)",
                lang,
                n=_number(MEASURE_NODE_LIMIT, lang),
            )
        )
    return notes


# ---------------------------------------------------------------- the data in the page


def _page_data(view: View) -> tuple[dict, dict]:
    graph = view.graph
    lang = view.lang
    order = sorted(graph.nodes, key=str)
    ids = {node: index for index, node in enumerate(order)}
    large = len(order) >= PHYSICS_NODE_LIMIT
    fixed = view.options.view in ("person", "format") and view.subject in graph
    if fixed:
        positions = timeline_layout(graph, view.subject, graph.graph.get("timeline", []))
    elif large:
        positions = spring_layout(graph, order)
    else:
        positions = {}

    measures = view.measures.nodes if view.measures else {}
    top = max((m.weight for m in measures.values()), default=1.0) or 1.0

    keys: dict[str, int] = {}
    articles: dict[str, int] = {}
    evidence_table: list[list] = []
    article_table: list[list] = []

    def evidence_ids(found: list[str]) -> list[int]:
        result = []
        for key in found:
            if key not in view.evidence:
                continue
            if key not in keys:
                keys[key] = len(evidence_table)
                rows = []
                for sentence, article in view.evidence[key]:
                    if article and article not in articles:
                        articles[article] = len(article_table)
                        article_table.append(_article_row(view.articles.get(article)))
                    rows.append([sentence, articles[article] if article else -1])
                evidence_table.append(rows)
            result.append(keys[key])
        return result

    nodes, node_info, node_evidence = [], [], []
    for node in order:
        data = graph.nodes[node]
        style = _style(data.get("cls", ""))
        node_measures = measures.get(node)
        weight = node_measures.weight if node_measures else 0.0
        item: dict = {
            "id": ids[node],
            "label": _wrap(str(data.get("label") or node)),
            "group": style.cls,
            "size": round(10 + 24 * math.sqrt(weight / top), 1),
        }
        if node == view.subject or node in view.focus:
            item["size"] = max(item["size"], 30)
            item["font"] = {"size": 20}
        if node in positions:
            item["x"], item["y"] = positions[node]
        nodes.append(item)
        lines = list(data.get("info") or [str(node)])
        if node_measures is not None:
            lines.append(_measure_line(node_measures, lang))
        node_info.append("\n".join(lines))
        node_evidence.append(evidence_ids(list(data.get("evidence", []))))

    edges, edge_info, edge_evidence = [], [], []
    edge_labels = (
        not large
        and graph.number_of_edges() <= _EDGE_LABEL_LIMIT
        and view.options.view
        in (
            "actors",
            "countries",
        )
    )
    top_edge = max((w for _, _, w in graph.edges(data="weight", default=1)), default=1) or 1
    ordered = sorted(graph.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], str(e[2])))
    for index, (source, target, _, data) in enumerate(ordered):
        item = {"id": index, "from": ids[source], "to": ids[target]}
        if edge_labels:
            item["label"] = str(data.get("label", ""))
        if not view.directed:
            weight = data.get("weight", 1)
            item["width"] = round(1 + 9 * math.sqrt(weight / top_edge), 1)
            item["value"] = weight
        edges.append(item)
        lines = [str(data.get("header") or data.get("label", ""))]
        lines += list(data.get("info", []))
        edge_info.append("\n".join(lines))
        edge_evidence.append(evidence_ids(list(data.get("evidence", []))))

    nodes, edges, options = _through_pyvis(
        nodes, edges, _options(view, large=large, fixed=bool(positions)), directed=view.directed
    )
    data = {
        "names": [str(graph.nodes[node].get("label") or node) for node in order],
        "nodes": nodes,
        "edges": edges,
        "nodeInfo": node_info,
        "nodeEvidence": node_evidence,
        "edgeInfo": edge_info,
        "edgeEvidence": edge_evidence,
        "evidence": evidence_table,
        "articles": article_table,
        "large": large,
        "text": {
            "evidence": word("Evidence", lang),
            "more": word("\u2026 and {n} more", lang, n="{n}"),
            "matches": word("{n} matches", lang, n="{n}"),
            "match": word("1 match", lang),
            "noMatch": word("no match", lang),
            "tipEvidence": _MAX_EVIDENCE_TIP,
        },
    }
    return data, options


def _through_pyvis(nodes: list[dict], edges: list[dict], options: dict, *, directed: bool):
    """The network as pyvis models it: nodes, edges and vis options from a :class:`pyvis.network.Network`.

    The lists are filled directly (``add_node``/``add_edge`` cost O(N·E), BASELINES.md) and read
    back with :meth:`~pyvis.network.Network.get_network_data`, the call pyvis's own templates use;
    our template then renders them offline.
    """
    from pyvis.network import Network

    net = Network(directed=directed, cdn_resources="in_line")
    net.nodes, net.edges = nodes, edges
    net.options = dict(options)
    net_nodes, net_edges, _heading, _height, _width, net_options = net.get_network_data()
    return net_nodes, net_edges, json.loads(net_options)


def _wrap(label: str) -> str:
    """A long label on up to three lines of about 26 characters (the full text is in the tooltip)."""
    label = " ".join(label.split())
    if len(label) <= _LABEL_WIDTH:
        return label
    lines = textwrap.wrap(label, width=_LABEL_WIDTH, break_long_words=True)
    if len(lines) > _LABEL_LINES:
        lines = lines[:_LABEL_LINES]
        lines[-1] = lines[-1][: _LABEL_WIDTH - 1].rstrip() + "\u2026"
    return "\n".join(lines)


def _measure_line(measures, lang: str) -> str:
    parts = [f"{word('Degree', lang)} {measures.degree}"]
    if measures.weight != measures.degree:
        parts.append(f"{word('Weight', lang)} {measures.weight:g}")
    if measures.betweenness is not None:
        parts.append(f"{word('Betweenness', lang)} {measures.betweenness:.3f}")
    if measures.community is not None:
        parts.append(f"{word('Community', lang)} {measures.community}")
    return " \u00b7 ".join(parts)


def _article_row(article) -> list:
    if article is None:
        return ["?", None, ""]
    url = article.url if article.url and re.match(r"https?://", article.url, re.IGNORECASE) else None
    if url is None and article.source and re.match(r"https?://", article.source, re.IGNORECASE):
        url = article.source
    title = article.title or article.source or "?"
    where = ", ".join(part for part in (article.publisher, article.issued) if part)
    if not url and article.source and article.source != title:
        where = ", ".join(part for part in (where, article.source) if part)
    return [title, url, where]


def _options(view: View, *, large: bool, fixed: bool) -> dict:
    groups = {
        style.cls: {"shape": style.shape, "color": {"background": style.colour, "border": "#555555"}}
        for style in (*_STYLES, _FALLBACK_STYLE)
    }
    options: dict = {
        "groups": groups,
        "nodes": {
            "font": {"size": 16},
            "borderWidth": 1,
            # labels stay readable when a small graph is fitted to the window (vis hides them below 5 px)
            "scaling": {"label": {"drawThreshold": 8 if large else 2}},
        },
        "edges": {
            "arrows": {"to": {"enabled": view.directed, "scaleFactor": 0.5}},
            "color": {"color": "#9a9a9a", "highlight": "#333333", "hover": "#333333"},
            "font": {"size": 10, "align": "middle", "color": "#555555"},
            "smooth": False
            if (large or fixed or not view.directed)
            else {"enabled": True, "type": "dynamic"},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 100,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
    }
    if fixed:
        options["physics"] = {"enabled": False}
        options["layout"] = {"improvedLayout": False}
    else:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": 300, "fit": True},
        }
    return options


def _script_json(value: object) -> str:
    """JSON that is safe inside ``<script>``: no ``<``, ``>``, ``&`` or ``/`` (so no ``</script>`` and no ``://``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("/", "\\/"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


class _LegendEntry(NamedTuple):
    cls: str
    name: str
    colour: str
    shape: str
    glyph: str
    count: int


def _legend(view: View) -> list[_LegendEntry]:
    counts = Counter(_style(cls or "").cls for _, cls in view.graph.nodes(data="cls"))
    return [
        _LegendEntry(
            style.cls, word(style.cls, view.lang), style.colour, style.shape, style.glyph, counts[style.cls]
        )
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


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader({"page": _TEMPLATE}), autoescape=True)


# ---------------------------------------------------------------- the page

_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dipkg">
<title>{{ heading }}</title>
{% if not empty %}<style>{{ vis_css|safe }}</style>{% endif %}
<style>
  html, body { height: 100%; }
  body { font-family: system-ui, sans-serif; margin: 0; color: #222; display: flex; flex-direction: column; }
  header { padding: 0.6em 1em 0.4em; border-bottom: 1px solid #ddd; }
  h1 { font-size: 1.25em; margin: 0 0 0.2em; }
  #caption { margin: 0 0 0.3em; color: #444; font-size: 0.9em; }
  #caption span { display: block; }
  #tools { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em 1.2em; }
  #search { font: inherit; padding: 0.15em 0.4em; width: 16em; }
  #search-result { color: #555; font-size: 0.9em; min-width: 6em; }
  #legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; }
  #legend li { font-size: 0.9em; white-space: nowrap; }
  #legend .glyph { font-size: 1.2em; margin-right: 0.25em; }
  #legend .count { color: #777; }
  main { position: relative; flex: 1; min-height: 24em; }
  #network { position: absolute; inset: 0; }
  #tip { position: absolute; z-index: 10; pointer-events: none; background: #fffff4; border: 1px solid #bbb;
    border-radius: 3px; padding: 0.4em 0.6em; max-width: 36em; white-space: pre-wrap; font-size: 13px;
    box-shadow: 2px 2px 6px rgba(0,0,0,0.15); }
  #details { position: absolute; z-index: 11; top: 0; right: 0; bottom: 0; width: min(30em, 45%);
    overflow: auto; background: #fff; border-left: 1px solid #ccc; padding: 0.6em 0.9em; font-size: 14px; }
  #details h2 { font-size: 1.05em; margin: 0 2em 0.4em 0; }
  #details pre { white-space: pre-wrap; font-family: inherit; margin: 0 0 0.6em; }
  #details ol { padding-left: 1.2em; }
  #details li { margin-bottom: 0.5em; }
  #details .where { color: #666; }
  #close { position: absolute; top: 0.4em; right: 0.5em; font: inherit; }
  #empty { margin: 2em 1em; font-size: 1.1em; color: #555; }
</style>
</head>
<body data-state="{{ 'empty' if empty else 'loading' }}"{% if empty %} data-nodes="0" data-edges="0"{% endif %}>
<header>
<h1>{{ heading }}</h1>
<p id="caption"><span>{{ summary_line }}</span>{% for note in notes %}<span>{{ note }}</span>{% endfor %}\
{% if not empty %}<span>{{ word("Hover over a node or edge for its evidence; click for links to the articles; \
drag to move, scroll to zoom.") }}</span>{% endif %}</p>
{% if not empty %}
<div id="tools">
<label><span hidden>{{ word("Search") }}</span><input id="search" type="search" list="names" autocomplete="off" \
placeholder="{{ word('Search a name\u2026') }}" aria-label="{{ word('Search') }}"></label>
<span id="search-result" role="status"></span><datalist id="names"></datalist>
<ul id="legend" aria-label="{{ word('Legend') }}">
{% for entry in legend %}  <li data-class="{{ entry.cls }}"><span class="glyph" style="color: {{ entry.colour }}">\
{{ entry.glyph }}</span>{{ entry.name }} <span class="count">({{ entry.count }})</span></li>
{% endfor %}</ul>
</div>
{% endif %}
</header>
{% if empty %}
<p id="empty">{{ empty }}</p>
{% else %}
<main>
<div id="network"></div>
<div id="tip" hidden></div>
<aside id="details" hidden><button id="close" type="button" aria-label="{{ word('Close') }}">\u00d7</button>\
<div id="details-body"></div></aside>
</main>
<script type="application/json" id="graph-data">{{ data_json|safe }}</script>
<script type="application/json" id="graph-options">{{ options_json|safe }}</script>
<script>{{ vis_js|safe }}</script>
<script>{{ app_js|safe }}</script>
{% endif %}
</body>
</html>
"""

# The page's own script: no data in it, and text only ever goes into the page through textContent.
_APP_JS = r"""
(function () {
  "use strict";
  var body = document.body;
  var errors = 0;
  window.addEventListener("error", function () { errors += 1; body.setAttribute("data-errors", String(errors)); });
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var options = JSON.parse(document.getElementById("graph-options").textContent);
  var text = data.text;
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var main = document.querySelector("main");
  var network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges}, options);
  var tip = document.getElementById("tip");
  var details = document.getElementById("details");
  var detailsBody = document.getElementById("details-body");
  window.dipkgNetwork = network;

  function evidenceOf(keys) {
    var found = [];
    keys.forEach(function (key) {
      data.evidence[key].forEach(function (row) { found.push(row); });
    });
    return found;
  }

  function articleName(index) {
    if (index < 0) { return ""; }
    var article = data.articles[index];
    return article[2] ? article[0] + ", " + article[2] : article[0];
  }

  function tipText(info, keys) {
    var lines = [info];
    var found = evidenceOf(keys);
    if (found.length) {
      lines.push(text.evidence + ":");
      found.slice(0, text.tipEvidence).forEach(function (row) {
        var name = articleName(row[1]);
        lines.push("\u201c" + row[0] + "\u201d" + (name ? " \u2014 " + name : ""));
      });
      if (found.length > text.tipEvidence) {
        lines.push(text.more.replace("{n}", String(found.length - text.tipEvidence)));
      }
    }
    return lines.join("\n");
  }

  function showTip(value, pointer) {
    tip.textContent = value;
    tip.hidden = false;
    var box = main.getBoundingClientRect();
    var x = pointer.x + 14, y = pointer.y + 14;
    if (x + tip.offsetWidth > box.width) { x = Math.max(0, pointer.x - tip.offsetWidth - 14); }
    if (y + tip.offsetHeight > box.height) { y = Math.max(0, box.height - tip.offsetHeight); }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  function hideTip() { tip.hidden = true; }

  function element(name, value) {
    var node = document.createElement(name);
    if (value !== undefined) { node.textContent = value; }
    return node;
  }

  function showDetails(info, keys) {
    detailsBody.textContent = "";
    var lines = info.split("\n");
    detailsBody.appendChild(element("h2", lines[0]));
    detailsBody.appendChild(element("pre", lines.slice(1).join("\n")));
    var found = evidenceOf(keys);
    if (found.length) {
      detailsBody.appendChild(element("h3", text.evidence));
      var list = element("ol");
      found.forEach(function (row) {
        var item = element("li");
        item.appendChild(element("span", "\u201c" + row[0] + "\u201d"));
        if (row[1] >= 0) {
          var article = data.articles[row[1]];
          item.appendChild(document.createTextNode(" \u2014 "));
          var url = article[1];
          if (typeof url === "string" && /^https?:\/\//i.test(url)) {
            var link = element("a", article[0]);
            link.href = url;
            link.target = "_blank";
            link.rel = "noopener noreferrer";
            item.appendChild(link);
          } else {
            item.appendChild(element("span", article[0]));
          }
          if (article[2]) { item.appendChild(element("span", " (" + article[2] + ")")).className = "where"; }
        }
        list.appendChild(item);
      });
      detailsBody.appendChild(list);
    }
    details.hidden = false;
  }

  function nodeDetails(id) { showDetails(data.nodeInfo[id], data.nodeEvidence[id]); }

  network.on("hoverNode", function (event) {
    showTip(tipText(data.nodeInfo[event.node], data.nodeEvidence[event.node]), event.pointer.DOM);
  });
  network.on("hoverEdge", function (event) {
    showTip(tipText(data.edgeInfo[event.edge], data.edgeEvidence[event.edge]), event.pointer.DOM);
  });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (name) { network.on(name, hideTip); });
  network.on("click", function (event) {
    hideTip();
    if (event.nodes.length) { nodeDetails(event.nodes[0]); }
    else if (event.edges.length) { showDetails(data.edgeInfo[event.edges[0]], data.edgeEvidence[event.edges[0]]); }
    else { details.hidden = true; }
  });
  document.getElementById("close").addEventListener("click", function () { details.hidden = true; });

  var search = document.getElementById("search");
  var result = document.getElementById("search-result");
  var names = document.getElementById("names");
  var lowered = data.names.map(function (name) { return name.toLowerCase(); });
  if (data.nodes.length <= 3000) {
    var seen = {};
    data.names.slice().sort().forEach(function (label) {
      if (seen[label]) { return; }
      seen[label] = true;
      var option = document.createElement("option");
      option.value = label;
      names.appendChild(option);
    });
  }

  function matches() {
    var query = search.value.trim().toLowerCase();
    if (!query) { return []; }
    var exact = [], partial = [];
    lowered.forEach(function (label, id) {
      if (label === query) { exact.push(id); } else if (label.indexOf(query) >= 0) { partial.push(id); }
    });
    return exact.concat(partial);
  }

  function runSearch(focus) {
    var found = matches();
    if (!search.value.trim()) { result.textContent = ""; network.unselectAll(); return; }
    result.textContent = found.length === 0 ? text.noMatch
      : found.length === 1 ? text.match : text.matches.replace("{n}", String(found.length));
    network.selectNodes(found.slice(0, 500));
    if (focus && found.length) {
      if (found.length === 1) {
        network.focus(found[0], {scale: Math.max(network.getScale(), 1.0), animation: false});
        nodeDetails(found[0]);
      } else {
        network.fit({nodes: found.slice(0, 500), animation: false});
      }
    }
  }

  search.addEventListener("input", function () { runSearch(false); });
  search.addEventListener("change", function () { runSearch(true); });
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") { runSearch(true); } });

  network.once("afterDrawing", function () {
    body.setAttribute("data-nodes", String(nodes.length));
    body.setAttribute("data-edges", String(edges.length));
    body.setAttribute("data-drawn-nodes", String(network.body.nodeIndices.length));
    body.setAttribute("data-drawn-edges", String(network.body.edgeIndices.length));
    body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    body.setAttribute("data-state", "ready");
  });
})();
"""
