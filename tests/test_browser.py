"""The network pages in a real browser: headless Chromium, offline, driven over the DevTools protocol.

Each page must get ready with the number of nodes and edges it was written with, draw them, log no
console error, request nothing, show a screenshot that is not blank, and never run the markup that
hostile labels, sentences, titles and addresses carry. ``make test`` installs Debian's ``chromium``
when it is missing; without it these tests are skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench_scripts import load_bench_script
from test_viz_corpus import HOSTILE_PERSON, HOSTILE_SENTENCE, HOSTILE_TITLE, corpus_store

from kg.viz import ViewOptions, VizSummary, build_network, make_view, write_html
from kg.viz.browser import Chromium, find_chromium, png_pixels

ROOT = Path(__file__).parents[1]
CHROMIUM = find_chromium()

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium not found at /usr/bin/chromium or on the PATH (make test installs Debian's chromium)",
)

M1 = "6th ministerial meeting (2024-04-26)"
M3 = "phone call (2025-06)"
VIEWS = {
    "actors": ViewOptions(),
    "countries": ViewOptions(view="countries"),
    "person": ViewOptions(view="person", focus="Wang Yi"),
    "format": ViewOptions(view="format", focus="Central Asia\u2013China"),
}


@pytest.fixture(scope="module")
def chromium():
    with Chromium(CHROMIUM) as browser:
        yield browser


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, VizSummary]]:
    folder = tmp_path_factory.mktemp("pages")
    network = build_network(corpus_store())
    written = {}
    for name, options in VIEWS.items():
        output = folder / f"{name}.html"
        written[name] = (output, write_html(make_view(network, options), output))
    output = folder / "nothing.html"
    written["nothing"] = (output, write_html(make_view(network, ViewOptions(since="2030")), output))
    return written


@pytest.mark.parametrize("name", list(VIEWS))
def test_every_view_loads_offline_and_draws_what_it_holds(chromium, pages, name, tmp_path):
    path, summary = pages[name]
    shot = tmp_path / f"{name}.png"
    report = chromium.open(path, screenshot=shot, clip_selector="#network", scale=0.25)
    assert report.state == "ready"
    assert (report.nodes, report.edges) == (summary.nodes, summary.edges)
    assert (report.drawn_nodes, report.drawn_edges) == (summary.nodes, summary.edges)
    assert report.console == []
    assert report.requests == []
    assert report.ready_ms is not None and report.ready_ms > 0

    width, height, rows = png_pixels(shot.read_bytes())
    pixels = [row[i : i + 3] for row in rows for i in range(0, len(row), 3)]
    drawn = [pixel for pixel in pixels if pixel != b"\xff\xff\xff"]
    assert width > 100 and height > 50
    assert len(drawn) > len(pixels) * 0.005, "the network area is blank"
    assert len({pixel for pixel in drawn if max(pixel) - min(pixel) > 60}) >= 2, "no class colours drawn"


def test_a_page_with_nothing_to_draw_says_so(chromium, pages):
    path, _ = pages["nothing"]
    report = chromium.open(path, evaluate="document.getElementById('empty').textContent")
    assert report.state == "empty" and (report.nodes, report.edges) == (0, 0)
    assert report.value == "Nothing to draw: nothing matches these filters (--since 2030)"
    assert report.console == [] and report.requests == []


INTERACT = """
(function () {
  var net = window.dipkgNetwork;
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var tip = document.getElementById("tip");
  var body = document.getElementById("details-body");
  var out = {};
  function links() {
    return Array.prototype.map.call(document.querySelectorAll("#details a"), function (a) {
      return a.getAttribute("href");
    });
  }
  var meeting = data.names.indexOf(%(m1)s);
  net.emit("hoverNode", {node: meeting, pointer: {DOM: {x: 30, y: 30}}});
  out.tip = tip.textContent;
  out.tipShown = !tip.hidden;
  net.emit("click", {nodes: [meeting], edges: [], pointer: {DOM: {x: 30, y: 30}}});
  out.details = body.textContent;
  out.meetingLinks = links();
  var person = data.names.indexOf(%(person)s);
  net.emit("hoverNode", {node: person, pointer: {DOM: {x: 30, y: 30}}});
  out.personTip = tip.textContent;
  net.emit("click", {nodes: [person], edges: [], pointer: {DOM: {x: 30, y: 30}}});
  out.personTitle = body.querySelector("h2").textContent;
  net.emit("click", {nodes: [data.names.indexOf(%(m3)s)], edges: []});
  out.javascriptLinks = links();
  net.emit("hoverEdge", {edge: 0, pointer: {DOM: {x: 30, y: 30}}});
  out.edgeTip = tip.textContent;
  var search = document.getElementById("search");
  search.value = "<img";
  search.dispatchEvent(new Event("change"));
  out.searchImg = [document.getElementById("search-result").textContent, net.getSelectedNodes()];
  search.value = "wang";
  search.dispatchEvent(new Event("change"));
  out.searchWang = [document.getElementById("search-result").textContent,
                    net.getSelectedNodes().map(function (id) { return data.names[id]; })];
  out.injected = document.querySelectorAll("main img, main script, header img, header script").length;
  return out;
})()
"""


def test_hostile_text_is_shown_and_never_runs(chromium, pages):
    path, _ = pages["actors"]
    script = INTERACT % {"m1": json.dumps(M1), "m3": json.dumps(M3), "person": json.dumps(HOSTILE_PERSON)}
    report = chromium.open(path, evaluate=script, settle=0.5)
    value = report.value
    assert "pwned" not in report.attributes, "markup from the store ran in the page"
    assert value["injected"] == 0
    assert report.console == [] and report.requests == []
    # shown as written: in the tooltip, the details panel, the search
    assert value["tipShown"] and HOSTILE_SENTENCE in value["tip"] and HOSTILE_TITLE in value["tip"]
    assert HOSTILE_SENTENCE in value["details"]
    assert value["meetingLinks"] == ["https://example.org/news/1"]
    assert value["personTip"].startswith(f"Person: {HOSTILE_PERSON}\n")
    assert value["personTitle"] == f"Person: {HOSTILE_PERSON}"
    assert value["javascriptLinks"] == []  # a javascript: address is never a link
    assert value["edgeTip"].count(" \u2014 ") >= 2
    assert value["searchImg"][0] == "1 match" and len(value["searchImg"][1]) == 1
    assert value["searchWang"] == ["1 match", ["Wang Yi"]]


def test_the_check_for_running_markup_can_fail(chromium, tmp_path):
    """The same payload written as markup does run: the test above would see it."""
    page = tmp_path / "unsafe.html"
    page.write_text(
        f'<!DOCTYPE html><html><body data-state="ready"><p>{HOSTILE_PERSON}</p></body></html>',
        encoding="utf-8",
    )
    report = chromium.open(page, settle=0.5)
    assert report.attributes.get("pwned") == "4"


def test_five_thousand_nodes_are_drawn(chromium, tmp_path):
    """The size the issue names: 5,000 nodes and about 15,000 edges, laid out beforehand, physics off."""
    bench = load_bench_script("viz")
    view = make_view(build_network(bench.synthetic_store(5000)), ViewOptions())
    output = tmp_path / "big.html"
    summary = write_html(view, output)
    assert summary.nodes == 5000 and summary.edges > 14000
    report = chromium.open(output, timeout=120, settle=0.0)
    assert report.state == "ready"
    assert (report.drawn_nodes, report.drawn_edges) == (summary.nodes, summary.edges)
    assert report.console == [] and report.requests == []
    print(f"5,000 nodes: ready after {report.ready_ms:.0f} ms in the page, {report.wall_ms:.0f} ms wall")
