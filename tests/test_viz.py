"""The network view: what build_network reads from a store and what write_html puts in the page."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from test_viz_corpus import (
    HOSTILE_PERSON,
    HOSTILE_SENTENCE,
    HOSTILE_TITLE,
    corpus_quads,
    corpus_store,
    iri,
)

from kg.errors import ExportError
from kg.model import Agreement, Article, Evidence, Extraction, Meeting, Mission, PlaceRef, Position, Statistic
from kg.rdf import extraction_quads
from kg.store import Store
from kg.viz import PHYSICS_NODE_LIMIT, ViewOptions, VizSummary, build_network, draw, make_view, write_html
from kg.viz.read import date_span

# ---------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def network() -> nx.MultiDiGraph:
    return build_network(corpus_store())


def _node(graph: nx.MultiDiGraph, tail: str) -> dict:
    return graph.nodes[iri(tail)]


def page_data(page: str) -> tuple[dict, dict]:
    """The graph data and the vis options embedded in a page."""
    data = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.DOTALL)
    options = re.search(r'<script type="application/json" id="graph-options">(.*?)</script>', page, re.DOTALL)
    assert data and options
    return json.loads(data[1]), json.loads(options[1])


def write(view_or_network, tmp_path: Path, name: str = "graph.html", **options) -> tuple[VizSummary, str]:
    view = (
        make_view(view_or_network, ViewOptions(**options))
        if isinstance(view_or_network, nx.Graph)
        else view_or_network
    )
    output = tmp_path / name
    summary = write_html(view, output)
    return summary, output.read_text(encoding="utf-8")


PAGE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "p", "span", "div", "label", "input",
    "datalist", "ul", "li", "main", "aside", "button", "script",
}  # fmt: skip


def _tags(page: str) -> list[tuple[str, str]]:
    """Start and end tags in document order, as an HTML parser (script content is raw text) sees them."""

    class Collector(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[tuple[str, str]] = []

        def handle_starttag(self, tag, attrs):
            self.tags.append((tag, "start"))

        def handle_endtag(self, tag):
            self.tags.append((tag, "end"))

    collector = Collector()
    collector.feed(page)
    collector.close()
    return collector.tags


# ---------------------------------------------------------------- build_network


def test_build_network_has_the_facts_and_what_they_mention(network):
    classes = sorted(cls for _, cls in network.nodes(data="cls"))
    assert classes == sorted(
        ["Meeting"] * 5
        + ["Agreement"] * 2
        + ["DiplomaticMission", "Statistic"]
        + ["Person"] * 3
        + ["Country"] * 5  # CN KZ UZ KG DE; Russia is only reference data
        + ["Format", "Place", "Place", "Place"]
    )
    assert iri("country/RU") not in network and iri("format/c5") not in network
    # ... but reference entities stay findable for --focus and the format view
    assert network.graph["entities"][iri("format/c5")]["members"] == [
        iri(f"country/{c}") for c in ("KG", "KZ", "UZ")
    ]
    assert network.graph["entities"][iri("country/RU")]["label"] == "Russia"


def test_edges_name_their_relation_and_their_evidence(network):
    edges = {
        (network.nodes[u]["label"], key, network.nodes[v]["label"]) for u, v, key in network.edges(keys=True)
    }
    meeting = "6th ministerial meeting (2024-04-26)"
    assert {
        ("Wang Yi", "participant", meeting),
        (HOSTILE_PERSON, "participant", meeting),
        (meeting, "format", "Central Asia\u2013China"),
        (meeting, "held in", "Almaty"),
        (meeting, "participant country", "Uzbekistan"),
        ("Wang Yi", "foreign minister of", "China"),
        (HOSTILE_PERSON, "deputy prime minister of", "Kazakhstan"),
        ("memorandum (2026\u20132028)", "party", "China"),
        ("memorandum (2026\u20132028)", "signed at", meeting),
        ("consulate general of Kazakhstan in Frankfurt", "host country", "Germany"),
        ("trade volume 2024: 43.8 billion USD", "concerns", "Kazakhstan"),
    } <= edges
    participant = network.edges[iri("person/wang-yi"), iri("meeting/m1"), "participant"]
    assert participant["evidence"] == [iri("meeting/m1")]
    assert participant["header"] == f"Wang Yi \u2014 participant \u2014 {meeting}"
    office = network.edges[iri("person/wang-yi"), iri("country/CN"), "foreign minister of"]
    assert office["evidence"] == [iri("position/wang-yi")]


def test_a_fact_stated_by_two_articles_is_one_node_with_all_its_evidence():
    """The union of named graphs is a multiset: the same triples in two graphs must not double edges."""
    once = build_network(corpus_store())
    store = corpus_store()
    again = ox.NamedNode("https://w3id.org/dipkg/graph/article/copy")
    store.extend(
        [
            ox.Quad(q.subject, q.predicate, q.object, again)
            for q in corpus_quads()
            if "meeting/m1" in q.subject.value
        ]
    )
    twice = build_network(store)
    assert sorted(once.edges(keys=True)) == sorted(twice.edges(keys=True))
    assert twice.graph["evidence"][iri("meeting/m1")] == once.graph["evidence"][iri("meeting/m1")]


def test_facts_carry_type_status_and_dates(network):
    m1, m3, m4, m5 = (_node(network, f"meeting/m{n}") for n in (1, 3, 4, 5))
    assert (m1["type"], m1["date"], m1["span"]) == ("ministerial-meeting", "2024-04-26", ("2024-04-26",) * 2)
    assert (m3["type"], m3["span"]) == ("phone-call", ("2025-06-01", "2025-06-30"))
    assert (m4["type"], m4["status"], m4["span"]) == ("summit", "planned", ("2026-01-01", "2026-12-31"))
    assert m5["date"] == "--11-05" and m5["span"] is None  # no year: never guessed
    assert _node(network, "agreement/ag1")["date"] == "2024-04-26"  # the date of the meeting it was signed at
    assert _node(network, "agreement/ag2")["date"] == "2025-06-10"
    assert _node(network, "statistic/s1")["date"] == "2024"
    assert _node(network, "mission/x1")["date"] is None


@pytest.mark.parametrize(
    ("lexical", "span"),
    [
        ("2025-02", ("2025-02-01", "2025-02-28")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2025", ("2025-01-01", "2025-12-31")),
        ("2025-05-21", ("2025-05-21", "2025-05-21")),
        ("2025-05-21T10:00:00Z", ("2025-05-21", "2025-05-21")),
        ("--04-26", None),
        ("2025-13", None),
        ("soon", None),
    ],
)
def test_date_span(lexical, span):
    assert date_span(lexical) == span


def test_labels_in_the_asked_language_fall_back_to_english():
    german = build_network(corpus_store(), lang="de")
    assert _node(german, "country/KZ")["label"] == "Kasachstan"
    assert _node(german, "place/almaty-kz")["label"] == "Almaty"  # no German label: English
    assert _node(german, "person/wang-yi")["label"] == "Wang Yi"  # untagged
    assert _node(german, "meeting/m1")["label"] == "6. Ministertreffen (2024-04-26)"
    assert _node(german, "statistic/s1")["label"] == "Handelsvolumen 2024: 43,8 Mrd. USD"
    assert german.edges[iri("person/wang-yi"), iri("country/CN"), "foreign minister of"]["label"] == (
        "Au\u00dfenminister von"
    )
    assert _node(german, "meeting/m5")["label"] == "Ministertreffen (5. Nov.)"


def test_info_lines_hold_roles_dates_members_and_prefixed_names(network):
    person = _node(network, "person/wang-yi")["info"]
    assert person[:4] == ["Person: Wang Yi", "dipr:person/wang-yi", "Roles:", "  foreign minister of China"]
    meeting = _node(network, "meeting/m4")["info"]
    assert "Date: 2026" in meeting and "Status: planned" in meeting
    assert _node(network, "format/central-asia-china")["info"][-1] == (
        "Members: China, Kazakhstan, Kyrgyzstan, Uzbekistan"
    )
    assert _node(network, "country/KZ")["names"] == ["KZ", "Kasachstan", "Kazakhstan", "Q232"]


def test_evidence_and_articles_are_kept_once(network):
    evidence = network.graph["evidence"]
    assert evidence[iri("meeting/m1")] == [(HOSTILE_SENTENCE, iri("article/a1"))]
    articles = network.graph["articles"]
    assert articles[iri("article/a1")].title == HOSTILE_TITLE
    assert articles[iri("article/a1")].url == "https://example.org/news/1"
    assert articles[iri("article/a2")].url is None and articles[iri("article/a2")].source == "data/a2.txt"


def test_reads_what_the_rdf_mapper_writes():
    """The queries here and kg.rdf speak the same vocabulary."""
    text = "Wang Yi met Murat Nurtleu in Almaty."
    article = Article(text=text, sha256="ab" * 32, source="a.txt", title="Talks", lang="en", publisher="MFA")
    evidence = [Evidence(text, 0, len(text))]
    extraction = Extraction(
        article=article,
        positions=[
            Position("Wang Yi", "foreign-minister", "CN", evidence),
            Position("Murat Nurtleu", "deputy-prime-minister", "KZ", evidence, qualifier="former"),
        ],
        meetings=[
            Meeting(
                "m1",
                "ministerial-meeting",
                evidence,
                place=PlaceRef("Almaty", "KZ"),
                participants=["Wang Yi", "Murat Nurtleu"],
                format="central-asia-china",
            )
        ],
        agreements=[Agreement("memorandum", evidence, parties=["KZ", "CN"], signed_at="m1")],
        missions=[Mission("consulate-general", evidence, sending_country="KZ", host_country="CN")],
        statistics=[
            Statistic("trade-volume", Decimal("43800000000"), evidence, currency="USD", concerns=["KZ"])
        ],
        persons={"Wang Yi": [], "Murat Nurtleu": []},
    )
    store = ox.Store()
    store.extend(extraction_quads(extraction))
    graph = build_network(store)
    assert sorted(cls for _, cls in graph.nodes(data="cls")) == sorted(
        ["Agreement", "Country", "Country", "DiplomaticMission", "Format", "Meeting", "Person", "Person"]
        + ["Place", "Statistic"]
    )
    keys = {key for _, _, key in graph.edges(keys=True)}
    assert {
        "participant",
        "format",
        "held in",
        "party",
        "signed at",
        "sending country",
        "host country",
    } <= keys
    assert {"foreign minister of", "former deputy prime minister of", "concerns"} <= keys
    meeting = next(node for node, cls in graph.nodes(data="cls") if cls == "Meeting")
    assert graph.graph["evidence"][meeting] == [(text, next(iter(graph.graph["articles"])))]


def test_a_dipkg_store_reads_like_the_union_of_its_graphs():
    plain = build_network(corpus_store())
    merged = build_network(Store(corpus_store()))  # builds the merged default graph
    assert sorted(merged.edges(keys=True)) == sorted(plain.edges(keys=True))
    assert dict(merged.nodes(data="label")) == dict(plain.nodes(data="label"))


def test_empty_store_gives_empty_graph():
    graph = build_network(ox.Store())
    assert graph.number_of_nodes() == 0 and graph.number_of_edges() == 0


# ---------------------------------------------------------------- write_html


def test_page_is_offline_and_self_contained(network, tmp_path):
    summary, page = write(network, tmp_path)
    assert summary == VizSummary(nodes=21, edges=network.number_of_edges(), articles=4)
    assert "://" not in page
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", page)
    assert "vis-network" in page and "@version 9.1.2" in page  # the library itself, inlined
    assert "new vis.Network(" in page


def test_page_data_holds_nodes_edges_evidence_and_article_links(network, tmp_path):
    _, page = write(network, tmp_path)
    data, options = page_data(page)
    assert (
        len(data["nodes"]) == len(data["nodeInfo"]) == len(data["nodeEvidence"]) == len(data["names"]) == 21
    )
    assert len(data["edges"]) == len(data["edgeInfo"]) == network.number_of_edges()
    m1 = data["names"].index("6th ministerial meeting (2024-04-26)")
    [key] = data["nodeEvidence"][m1]
    [[sentence, article]] = data["evidence"][key]
    assert sentence == HOSTILE_SENTENCE
    assert data["articles"][article] == [
        HOSTILE_TITLE,
        "https://example.org/news/1",
        "Ministry of Foreign Affairs",
    ]
    # an address that is not http(s) never becomes a link
    titles = {row[0]: row[1] for row in data["articles"]}
    assert titles["Tashkent and Astana"] is None
    assert titles["Wang Yi in Beijing"] is None  # read from a file: no address
    assert (
        options["groups"]["Person"]["shape"] == "dot" and options["groups"]["Country"]["shape"] == "diamond"
    )


def test_nodes_are_sized_by_their_weighted_degree(network, tmp_path):
    _, page = write(network, tmp_path)
    data, _ = page_data(page)
    size = dict(zip(data["names"], (node["size"] for node in data["nodes"]), strict=True))
    assert size["Kazakhstan"] == max(size.values())
    assert size["Frankfurt"] < size["China"] < size["Kazakhstan"]
    kz = data["names"].index("Kazakhstan")
    assert re.search(r"Degree \d+ \u00b7 Betweenness 0\.\d{3} \u00b7 Community \d+$", data["nodeInfo"][kz])


def test_page_has_a_caption_a_legend_and_a_search_box(network, tmp_path):
    _, page = write(network, tmp_path)
    assert "Actors: 21 nodes and 39 edges, from 4 articles." in page
    assert '<input id="search" type="search"' in page
    legend = re.search(r'<ul id="legend".*?</ul>', page, flags=re.DOTALL)
    assert legend
    for cls in (
        "Person",
        "Country",
        "Format",
        "Meeting",
        "Agreement",
        "Place",
        "DiplomaticMission",
        "Statistic",
    ):
        assert f'data-class="{cls}"' in legend[0]
    assert 'data-class="Organization"' not in legend[0]  # only classes that are drawn


def test_caption_says_what_max_nodes_left_out(network, tmp_path):
    summary, page = write(network, tmp_path, max_nodes=5)
    assert summary.nodes == 5
    [note] = [n for n in summary.notes if n.startswith("left out")]
    assert re.fullmatch(r"left out by --max-nodes 5: 16 of 21 nodes \(.*\) and \d+ edges", note)
    assert "3 Person" in note and note in page
    assert "Filters: --max-nodes 5" in summary.notes


def test_german_page(tmp_path):
    german = build_network(corpus_store(), lang="de")
    summary, page = write(german, tmp_path, lang="de", view="countries")
    assert '<html lang="de">' in page
    assert "L\u00e4nder: 4 Knoten und 6 Kanten, aus 4 Artikeln." in page
    data, _ = page_data(page)
    assert "Kasachstan" in data["names"]
    assert 'placeholder="Namen suchen\u2026"' in page


def test_hostile_text_stays_text(network, tmp_path):
    view = make_view(network, ViewOptions())
    output = tmp_path / "graph.html"
    write_html(view, output, title="<b>Title</b> & </script>")
    page = output.read_text(encoding="utf-8")
    for raw in ("<script>document", "<img src=x", "<b>Title", "<!-- end", "</script><script>"):
        assert raw not in page
    # Parsed as a browser would: only the page's own elements, four scripts, each closed where it should be.
    tags = _tags(page)
    assert {tag for tag, _ in tags} <= PAGE_TAGS
    assert tags.count(("script", "start")) == tags.count(("script", "end")) == 4
    assert "&lt;b&gt;Title&lt;/b&gt; &amp; &lt;/script&gt;" in page
    data, _ = page_data(page)
    person = data["names"].index(HOSTILE_PERSON)  # plain text, exactly as in the store
    assert data["nodeInfo"][person].startswith(f"Person: {HOSTILE_PERSON}\n")
    assert HOSTILE_SENTENCE in {sentence for rows in data["evidence"] for sentence, _ in rows}


def test_the_script_fills_text_with_text_content_only():
    from kg.viz.page import _APP_JS

    assert (
        "innerHTML" not in _APP_JS and "insertAdjacentHTML" not in _APP_JS and "document.write" not in _APP_JS
    )
    assert "eval(" not in _APP_JS and "new Function" not in _APP_JS
    assert "/^https?:\\/\\//i.test(url)" in _APP_JS  # links only to web addresses


def test_small_graphs_move_big_ones_are_laid_out_beforehand(network, tmp_path):
    _, page = write(network, tmp_path)
    data, options = page_data(page)
    assert options["physics"]["enabled"] is True and all("x" not in node for node in data["nodes"])

    graph = nx.MultiDiGraph(lang="en")
    for i in range(PHYSICS_NODE_LIMIT + 20):
        graph.add_node(f"n{i}", cls="Person" if i % 2 else "Meeting", label=f"node {i}", info=[f"node {i}"])
        if i:
            graph.add_edge(f"n{i}", f"n{i // 3}", key="participant", label="participant")
    summary, page = write(graph, tmp_path, "large.html")
    assert summary.nodes == PHYSICS_NODE_LIMIT + 20 and summary.edges == PHYSICS_NODE_LIMIT + 19
    data, options = page_data(page)
    assert options["physics"]["enabled"] is False
    positions = {(node["x"], node["y"]) for node in data["nodes"]}
    assert len(positions) == len(data["nodes"])  # every node placed, none on top of another
    assert all("label" not in edge for edge in data["edges"])  # edge labels only in tooltips


def test_the_person_view_is_laid_out_in_time(network, tmp_path):
    _, page = write(network, tmp_path, view="person", focus="Wang Yi")
    data, options = page_data(page)
    x = {name: node["x"] for name, node in zip(data["names"], data["nodes"], strict=True)}
    assert x["6th ministerial meeting (2024-04-26)"] < x["bilateral talks (2025-03-04)"]
    assert x["bilateral talks (2025-03-04)"] < x["ministerial meeting (5 Nov)"]  # no year: last
    assert options["physics"]["enabled"] is False


def test_long_labels_are_wrapped_and_searched_whole(tmp_path):
    graph = nx.MultiDiGraph(lang="en")
    title = "Memorandum of Understanding on cooperation in the field of higher education and science"
    graph.add_node("a", cls="Agreement", label=title, info=[title])
    graph.add_node("k", cls="Country", label="Kazakhstan", info=["Kazakhstan"])
    graph.add_edge("a", "k", key="party", label="party")
    _, page = write(graph, tmp_path)
    data, _ = page_data(page)
    label = data["nodes"][data["names"].index(title)]["label"]
    assert label.count("\n") == 2 and label.endswith("\u2026") and max(map(len, label.split("\n"))) <= 26


def test_empty_store_page(tmp_path):
    output = tmp_path / "sub" / "empty.html"
    summary = draw(ox.Store(), output)
    page = output.read_text(encoding="utf-8")
    assert summary.nodes == summary.edges == 0
    assert "No facts in the store yet" in page and 'data-state="empty"' in page
    assert "://" not in page and "<script" not in page
    assert page.lstrip().startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


def test_filters_that_leave_nothing_give_a_page_that_says_so(network, tmp_path):
    summary, page = write(network, tmp_path, since="2030")
    assert (
        summary.nodes == 0
        and summary.empty == "Nothing to draw: nothing matches these filters (--since 2030)"
    )
    assert "Nothing to draw: nothing matches these filters (--since 2030)" in page
    summary, page = write(network, tmp_path, focus="Russia")
    assert summary.empty == "Nothing to draw: Russia is not in this view with these filters"


def test_unwritable_output_is_an_export_error(network, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="file"):
        write_html(make_view(network, ViewOptions()), blocker / "graph.html")
