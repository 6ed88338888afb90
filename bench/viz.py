"""Benchmark the network view: HTML generation time and page-ready time in headless Chromium.

    .venv/bin/python bench/viz.py                                  # 500, 5,000, 20,000 nodes; report on stdout
    .venv/bin/python bench/viz.py --sizes 500 --runs 1             # a quick run
    .venv/bin/python bench/viz.py --write docs/benchmarks.md       # the recorded run
    .venv/bin/python bench/viz.py --screenshots docs/screenshots   # screenshots of each view of data/articles

For each size a synthetic store is built in memory (:func:`synthetic_store`: people with an
office each, meetings with two or three participants and two participant countries, half of them
at a place and some in a format, agreements between two countries, half signed at a meeting; one
evidence sentence per fact; seeded, so a rerun measures the same graph; about three edges per node,
so 5,000 nodes come with about 15,000 edges). Then, in one process:

- generation: reading the store into the networkx graph (SPARQL), making the actors view
  (measures included) and writing the page (layout, data, template), each timed;
- in Chromium (Debian's ``chromium``, through :mod:`kg.viz.browser`, offline): the time from the
  navigation request until the page has drawn its first frame and says it is ready (the page's own
  ``performance.now()`` at that moment, and the wall time seen from outside), median of ``--runs``
  loads; then the time of one more frame after zooming (interactivity).

A second table compares physics with a precomputed layout at the sizes around
``PHYSICS_NODE_LIMIT``. ``--write FILE`` replaces (or appends) the ``## Network view`` section of
FILE and leaves everything else as it is.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kg.viz import ViewOptions, build_network, make_view, write_html
from kg.viz import page as viz_page
from kg.viz.browser import Chromium, find_chromium

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = (500, 5000, 20000)
SECTION = "## Network view"

_DIP = "https://w3id.org/dipkg/ontology#"
_DIPR = "https://w3id.org/dipkg/id/"
_GRAPH = "https://w3id.org/dipkg/graph/article/"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_XSD = "http://www.w3.org/2001/XMLSchema#"


# ---------------------------------------------------------------- the synthetic graph


def synthetic_store(nodes: int, *, seed: int = 2025) -> ox.Store:
    """An in-memory store whose actors view has about ``nodes`` nodes and 3 × ``nodes`` edges."""
    rng = random.Random(seed)
    countries = min(200, max(10, nodes // 25))
    formats = max(2, nodes // 250)
    places = max(5, nodes // 50)
    people = round(nodes * 0.28)
    meetings = round(nodes * 0.45)
    agreements = max(1, nodes - countries - formats - places - people - meetings)
    quads: list[ox.Quad] = []

    def node(tail: str) -> ox.NamedNode:
        return ox.NamedNode(_DIPR + tail)

    def add(
        subject: ox.NamedNode, predicate: str, value: ox.NamedNode | ox.Literal, graph: ox.NamedNode
    ) -> None:
        quads.append(ox.Quad(subject, ox.NamedNode(predicate), value, graph))

    reference = ox.NamedNode("https://w3id.org/dipkg/graph/reference")
    country_nodes = [node(f"country/C{i:03d}") for i in range(countries)]
    for i, country in enumerate(country_nodes):
        add(country, _RDF_TYPE, ox.NamedNode(_DIP + "Country"), reference)
        add(country, _LABEL, ox.Literal(f"Country {i}", language="en"), reference)
    format_nodes = [node(f"format/f{i}") for i in range(formats)]
    for i, fmt in enumerate(format_nodes):
        add(fmt, _RDF_TYPE, ox.NamedNode(_DIP + "Format"), reference)
        add(fmt, _LABEL, ox.Literal(f"Format {i}", language="en"), reference)
        for country in rng.sample(country_nodes, min(5, countries)):
            add(fmt, _DIP + "member", country, reference)
    place_nodes = [node(f"place/p{i}") for i in range(places)]
    for i, place in enumerate(place_nodes):
        add(place, _RDF_TYPE, ox.NamedNode(_DIP + "Place"), reference)
        add(place, _LABEL, ox.Literal(f"City {i}", language="en"), reference)

    article_count = max(1, (meetings + agreements) // 3)
    facts = 0

    def graph_of() -> tuple[ox.NamedNode, ox.NamedNode]:
        number = rng.randrange(article_count)
        return ox.NamedNode(f"{_GRAPH}{number:064x}"), node(f"article/{number:064x}")

    def evidence(fact: ox.NamedNode, graph: ox.NamedNode, article: ox.NamedNode, text: str) -> None:
        nonlocal facts
        facts += 1
        item = node(f"evidence/e{facts}")
        add(fact, _DIP + "evidence", item, graph)
        add(item, _DIP + "article", article, graph)
        add(item, _DIP + "sentence", ox.Literal(text), graph)

    for number in range(article_count):
        graph, article = ox.NamedNode(f"{_GRAPH}{number:064x}"), node(f"article/{number:064x}")
        add(article, _RDF_TYPE, ox.NamedNode(_DIP + "Article"), graph)
        add(article, "http://purl.org/dc/terms/title", ox.Literal(f"Article {number}"), graph)

    person_country = []
    for i in range(people):
        person, country = node(f"person/p{i}"), rng.choice(country_nodes)
        person_country.append((person, country))
        graph, article = graph_of()
        add(person, _RDF_TYPE, ox.NamedNode(_DIP + "Person"), graph)
        add(person, _LABEL, ox.Literal(f"Person {i}"), graph)
        position = node(f"position/p{i}")
        add(position, _RDF_TYPE, ox.NamedNode(_DIP + "Position"), graph)
        add(position, _DIP + "holder", person, graph)
        add(position, _DIP + "roleType", node("role/foreign-minister"), graph)
        add(position, _DIP + "ofCountry", country, graph)
        evidence(position, graph, article, f"Person {i} is the foreign minister of {country.value[-4:]}.")

    meeting_nodes = []
    for i in range(meetings):
        meeting = node(f"meeting/m{i}")
        meeting_nodes.append(meeting)
        graph, article = graph_of()
        add(meeting, _RDF_TYPE, ox.NamedNode(_DIP + "Meeting"), graph)
        add(meeting, _DIP + "meetingType", node("meeting-type/bilateral-talks"), graph)
        day = f"{rng.randrange(2023, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        add(meeting, _DIP + "date", ox.Literal(day, datatype=ox.NamedNode(_XSD + "date")), graph)
        attendees = rng.sample(person_country, rng.choice((2, 2, 3)))
        for person, _ in attendees:
            add(meeting, _DIP + "participant", person, graph)
        for country in {country for _, country in attendees[:2]}:
            add(meeting, _DIP + "participantCountry", country, graph)
        if rng.random() < 0.5:
            add(meeting, _DIP + "location", rng.choice(place_nodes), graph)
        if rng.random() < 0.2:
            add(meeting, _DIP + "format", rng.choice(format_nodes), graph)
        evidence(meeting, graph, article, f"Meeting {i} took place on {day}.")

    for i in range(agreements):
        agreement = node(f"agreement/a{i}")
        graph, article = graph_of()
        add(agreement, _RDF_TYPE, ox.NamedNode(_DIP + "Agreement"), graph)
        add(agreement, _DIP + "agreementType", node("agreement-type/memorandum"), graph)
        for country in rng.sample(country_nodes, 2):
            add(agreement, _DIP + "partyCountry", country, graph)
        if rng.random() < 0.5:
            add(agreement, _DIP + "signedAt", rng.choice(meeting_nodes), graph)
        evidence(agreement, graph, article, f"Agreement {i} was signed.")

    store = ox.Store()
    store.extend(quads)
    return store


# ---------------------------------------------------------------- measuring


def _timed(function: Callable[[], object]) -> tuple[object, float]:
    start = time.perf_counter()
    value = function()
    return value, time.perf_counter() - start


def measure_size(nodes: int, *, runs: int, chromium: Chromium | None, workdir: Path) -> dict:
    store = synthetic_store(nodes)
    network, read_s = _timed(lambda: build_network(store))
    view, view_s = _timed(lambda: make_view(network, ViewOptions()))
    output = workdir / f"network-{nodes}.html"
    summary, write_s = _timed(lambda: write_html(view, output))
    row = {
        "target": nodes,
        "nodes": summary.nodes,
        "edges": summary.edges,
        "read_s": read_s,
        "view_s": view_s,
        "write_s": write_s,
        "mb": output.stat().st_size / 1e6,
    }
    if chromium is not None:
        row.update(_load(chromium, output, runs=runs))
    return row


def _load(chromium: Chromium, output: Path, *, runs: int) -> dict:
    ready, wall, frames = [], [], []
    report = None
    for _ in range(runs):
        report = chromium.open(output, timeout=120, settle=0.0)
        if report.state != "ready" or report.console or report.requests:
            raise SystemExit(f"{output.name}: {report.state}, {report.console}, {report.requests}")
        ready.append(report.ready_ms)
        wall.append(report.wall_ms)
    assert report is not None
    # one more frame after a zoom, timed inside the page (what a reader waits for when interacting)
    frames.append(_frame_ms(chromium, output))
    return {
        "ready_ms": statistics.median(ready),
        "wall_ms": statistics.median(wall),
        "frame_ms": statistics.median(frames),
        "drawn": (report.drawn_nodes, report.drawn_edges),
    }


def _frame_ms(chromium: Chromium, output: Path) -> float:
    """Milliseconds for one frame after zooming in, measured in the page."""
    target = chromium.call("Target.createTarget", {"url": output.resolve().as_uri()})["targetId"]
    session = chromium.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    try:
        deadline = time.monotonic() + 120
        while (
            chromium.evaluate("document.body ? document.body.dataset.state : ''", session=session) != "ready"
        ):
            if time.monotonic() > deadline:
                raise SystemExit(f"{output.name} did not get ready")
            time.sleep(0.05)
        return float(
            chromium.evaluate(
                "(function () { var n = window.dipkgNetwork; var t = performance.now();"
                " n.moveTo({scale: n.getScale() * 1.5}); n.redraw(); return performance.now() - t; })()",
                session=session,
            )
        )
    finally:
        chromium.call("Target.closeTarget", {"targetId": target})


def physics_comparison(chromium: Chromium, workdir: Path, sizes=(60, 100, 150, 300)) -> list[dict]:
    """Page-ready time with physics (stabilised before the first frame) and with the precomputed layout."""
    rows = []
    limit = viz_page.PHYSICS_NODE_LIMIT
    try:
        for nodes in sizes:
            store = synthetic_store(nodes)
            view = make_view(build_network(store), ViewOptions())
            row = {"nodes": view.graph.number_of_nodes(), "edges": view.graph.number_of_edges()}
            for name, threshold in (("physics", 10**9), ("precomputed", 0)):
                viz_page.PHYSICS_NODE_LIMIT = threshold
                output = workdir / f"physics-{nodes}-{name}.html"
                write_html(view, output)
                report = chromium.open(output, timeout=180, settle=0.0)
                row[name] = report.ready_ms
            rows.append(row)
    finally:
        viz_page.PHYSICS_NODE_LIMIT = limit
    return rows


# ---------------------------------------------------------------- report


def report(rows: list[dict], physics: list[dict], *, runs: int, browser: str | None) -> str:
    import os
    import platform
    from datetime import UTC, datetime
    from importlib.metadata import version

    lines = [
        SECTION,
        "",
        "Written by `bench/viz.py` (`.venv/bin/python bench/viz.py --write docs/benchmarks.md`); the rest of",
        "this file is written by `bench/ingest.py`. Synthetic stores (seeded), the actors view with no filter,",
        f"one process, {datetime.now(UTC):%Y-%m-%d}, {os.cpu_count()} cores, Python {platform.python_version()};",
        f"Chromium: {browser or 'not found'}, headless, offline; page-ready times are medians of {runs} loads.",
        f"networkx {version('networkx')}, pyoxigraph {version('pyoxigraph')}, vis-network 9.1.2 (from pyvis "
        f"{version('pyvis')}).",
        "",
        "| nodes | edges | read store (s) | view + measures (s) | layout + page (s) | generation (s) | page (MB) "
        "| page ready (ms) | wall (ms) | one frame after zoom (ms) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        total = row["read_s"] + row["view_s"] + row["write_s"]
        browser_cells = (
            f"{row['ready_ms']:,.0f} | {row['wall_ms']:,.0f} | {row['frame_ms']:,.0f}"
            if "ready_ms" in row
            else "- | - | -"
        )
        lines.append(
            f"| {row['nodes']:,} | {row['edges']:,} | {row['read_s']:.2f} | {row['view_s']:.2f} | "
            f"{row['write_s']:.2f} | {total:.2f} | {row['mb']:.1f} | {browser_cells} |"
        )
    lines += [
        "",
        "- page ready: the page's own `performance.now()` when vis-network has drawn the first frame",
        "  (`data-ready-ms` on `<body>`), i.e. from the start of navigation; wall: from the DevTools",
        '  navigation request until the test saw `data-state="ready"` (polled every 20 ms).',
        "- view + measures: filters, degree for node sizes, and up to 2,000 nodes betweenness and",
        "  communities (above that, the caption says `kg analyze` gives them).",
        "- layout + page: the pure-Python force layout (from 100 nodes on), JSON and template.",
    ]
    if physics:
        lines += [
            "",
            "Physics or a precomputed layout (page ready, ms; physics stabilises before the first frame):",
            "",
            "| nodes | edges | physics | precomputed |",
            "| ---: | ---: | ---: | ---: |",
        ]
        for row in physics:
            lines.append(
                f"| {row['nodes']} | {row['edges']} | {row['physics']:,.0f} | {row['precomputed']:,.0f} |"
            )
        lines += [
            "",
            f"From {viz_page.PHYSICS_NODE_LIMIT} nodes on the page gets the precomputed layout "
            "(`kg.viz.PHYSICS_NODE_LIMIT`).",
        ]
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    """Replace the ``## Network view`` section of ``path`` (up to the next ``## ``), or append it."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if SECTION in old:
        start = old.index(SECTION)
        rest = old[start + len(SECTION) :]
        following = rest.find("\n## ")
        end = start + len(SECTION) + following + 1 if following >= 0 else len(old)
        new = old[:start] + section + ("\n" + old[end:] if following >= 0 else "")
    else:
        new = old.rstrip("\n") + "\n\n" + section
    path.write_text(new, encoding="utf-8")


# ---------------------------------------------------------------- screenshots


SCREENSHOTS = (
    ("actors", ("--focus", "Wang Yi")),
    ("countries", ()),
    ("person", ("--focus", "Murat Nurtleu")),
    ("format", ("--focus", "C5+1")),
)


def screenshots(folder: Path, chromium: Chromium) -> list[Path]:
    """Ingest data/articles into a temporary store and take a screenshot of each view."""
    from click.testing import CliRunner

    from kg.cli import main

    written = []
    with tempfile.TemporaryDirectory() as temporary:
        store = Path(temporary) / "store"
        runner = CliRunner()
        result = runner.invoke(main, ["ingest", "--store", str(store), str(ROOT / "data" / "articles")])
        if result.exit_code != 0:
            raise SystemExit(result.output)
        for view, options in SCREENSHOTS:
            page = Path(temporary) / f"{view}.html"
            result = runner.invoke(
                main, ["viz", "--store", str(store), "-o", str(page), "--view", view, *options]
            )
            if result.exit_code != 0:
                raise SystemExit(result.output)
            target = folder / f"{view}.png"
            report = chromium.open(page, screenshot=target, settle=0.5)
            if report.console or report.requests:
                raise SystemExit(f"{view}: {report.console} {report.requests}")
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--runs", type=int, default=3, help="page loads per size (median)")
    parser.add_argument("--no-physics", action="store_true", help="skip the physics comparison")
    parser.add_argument("--write", type=Path, help="replace the '## Network view' section of this file")
    parser.add_argument("--screenshots", type=Path, help="write a PNG of each view of data/articles here")
    args = parser.parse_args(argv)

    executable = find_chromium()
    if args.screenshots:
        if not executable:
            raise SystemExit("Chromium not found: install Debian's chromium")
        with Chromium(executable) as chromium:
            for path in screenshots(args.screenshots, chromium):
                print(f"wrote {path}")
        return 0
    if not executable:
        print("Chromium not found: measuring generation only", file=sys.stderr)
    rows, physics = [], []
    with tempfile.TemporaryDirectory() as temporary:
        workdir = Path(temporary)
        chromium = Chromium(executable) if executable else None
        try:
            if chromium:
                chromium.start()
            for nodes in args.sizes:
                row = measure_size(nodes, runs=args.runs, chromium=chromium, workdir=workdir)
                print(f"{nodes}: {row}", file=sys.stderr)
                rows.append(row)
            if chromium and not args.no_physics:
                physics = physics_comparison(chromium, workdir)
        finally:
            if chromium:
                chromium.close()
    version_line = None
    if executable:
        import subprocess

        version_line = subprocess.run(
            [executable, "--version"], capture_output=True, text=True
        ).stdout.strip()
    text = report(rows, physics, runs=args.runs, browser=version_line)
    print(text)
    if args.write:
        write_section(args.write, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
