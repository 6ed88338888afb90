"""The HTML network view: what build_network reads from a store and what write_html puts in the page."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html.parser import HTMLParser

import networkx as nx
import pyoxigraph
import pytest

from kg.errors import ExportError
from kg.model import Agreement, Article, Evidence, Extraction, Meeting, Mission, PlaceRef, Position, Statistic
from kg.rdf import extraction_quads
from kg.viz import PHYSICS_NODE_LIMIT, VizSummary, build_network, write_html

HOSTILE_SENTENCE = (
    "Wang Yi said \"<script>alert(1)</script>\" & 'more' <img src=x onerror=alert(1)> </script><!-- end"
)
HOSTILE_TITLE = "</script><script>alert(2)</script> Talks in Almaty"
HOSTILE_PERSON = "Murat <img src=x onerror=alert(3)> Nurtleu"

PREFIXES = """
@prefix dip: <https://w3id.org/dipkg/ontology#> .
@prefix dipr: <https://w3id.org/dipkg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix graph: <https://w3id.org/dipkg/graph/> .
"""

REFERENCE = """
graph:reference {
  dipr:country/CN a dip:Country ; rdfs:label "China"@en, "China"@de ; dip:isoCode "CN" .
  dipr:country/KZ a dip:Country ; rdfs:label "Kasachstan"@de, "Kazakhstan"@en ; dip:isoCode "KZ" .
  dipr:country/KG a dip:Country ; rdfs:label "Kyrgyzstan"@en ; dip:isoCode "KG" .
  dipr:country/DE a dip:Country ; rdfs:label "Germany"@en ; dip:isoCode "DE" .
  dipr:format/central-asia-china a dip:Format ; rdfs:label "Central Asia\u2013China"@en ;
    dip:member dipr:country/CN, dipr:country/KZ, dipr:country/KG .
  dipr:place/almaty-kz a dip:Place ; rdfs:label "Almaty"@en ; dip:inCountry dipr:country/KZ .
  dipr:place/berlin-de a dip:Place ; rdfs:label "Berlin"@en ; dip:inCountry dipr:country/DE .
  dipr:role/foreign-minister skos:prefLabel "foreign minister"@en, "Au\u00dfenminister"@de .
  dipr:meeting-type/ministerial-meeting skos:prefLabel "ministerial meeting"@en .
}
"""

ARTICLE_1 = """
graph:article/aaa {
  dipr:article/aaa a dip:Article ; dct:title "%(title)s" ; dip:publisher "Ministry of Foreign Affairs" ;
    dip:source "https://example.org/news/1" .
  dipr:person/wang-yi a dip:Person ; rdfs:label "Wang Yi" .
  dipr:person/murat-nurtleu a dip:Person ; rdfs:label "%(person)s" .
  dipr:position/p1 a dip:Position ; dip:holder dipr:person/wang-yi ; dip:roleType dipr:role/foreign-minister ;
    dip:ofCountry dipr:country/CN ; dip:evidence dipr:evidence/e1 .
  dipr:position/p2 a dip:Position ; dip:holder dipr:person/murat-nurtleu ;
    dip:roleType dipr:role/deputy-prime-minister ; dip:ofCountry dipr:country/KZ ; dip:evidence dipr:evidence/e1 .
  dipr:meeting/m1 a dip:Meeting ; dip:meetingType dipr:meeting-type/ministerial-meeting ; dip:ordinal 6 ;
    dip:date "--04-26"^^xsd:gMonthDay ; dip:location dipr:place/almaty-kz ;
    dip:format dipr:format/central-asia-china ;
    dip:participant dipr:person/wang-yi, dipr:person/murat-nurtleu ; dip:evidence dipr:evidence/e1 .
  dipr:agreement/a1 a dip:Agreement ; dip:agreementType dipr:agreement-type/memorandum ;
    dip:partyCountry dipr:country/KZ, dipr:country/CN ; dip:signedAt dipr:meeting/m1 ;
    dip:validFrom "2026"^^xsd:gYear ; dip:validUntil "2028"^^xsd:gYear ; dip:evidence dipr:evidence/e2 .
  dipr:evidence/e1 a dip:Evidence ; dip:article dipr:article/aaa ; dip:sentence "%(sentence)s" .
  dipr:evidence/e2 a dip:Evidence ; dip:article dipr:article/aaa ;
    dip:sentence "A memorandum for 2026 to 2028 was signed." .
}
"""

# The same meeting again, from a second article: the union of graphs holds its triples twice.
ARTICLE_2 = """
graph:article/bbb {
  dipr:meeting/m1 a dip:Meeting ; dip:participant dipr:person/wang-yi ; dip:location dipr:place/almaty-kz ;
    dip:date "--04-26"^^xsd:gMonthDay ; dip:evidence dipr:evidence/e3, dipr:evidence/e1 .
  dipr:evidence/e1 dip:article dipr:article/aaa ; dip:sentence "%(sentence)s" .
  dipr:evidence/e3 a dip:Evidence ; dip:sentence "Wang Yi arrived in Almaty." .
}
"""


def _escape_turtle(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _store(*chunks: str) -> pyoxigraph.Store:
    """Load TriG written with ``dipr:country/KZ`` shorthands (not legal Turtle names: "/" needs escaping)."""
    text = "".join(chunks)
    text = re.sub(r"\bdipr:([\w-]+)/([\w-]+)", r"<https://w3id.org/dipkg/id/\1/\2>", text)
    text = re.sub(r"\bgraph:article/(\w+)", r"<https://w3id.org/dipkg/graph/article/\1>", text)
    store = pyoxigraph.Store()
    store.load(PREFIXES + text, format=pyoxigraph.RdfFormat.TRIG)
    return store


@pytest.fixture
def store() -> pyoxigraph.Store:
    article = ARTICLE_1 % {
        "title": _escape_turtle(HOSTILE_TITLE),
        "person": _escape_turtle(HOSTILE_PERSON),
        "sentence": _escape_turtle(HOSTILE_SENTENCE),
    }
    return _store(REFERENCE, article, ARTICLE_2 % {"sentence": _escape_turtle(HOSTILE_SENTENCE)})


def _node(graph: nx.MultiDiGraph, tail: str) -> dict:
    return graph.nodes["https://w3id.org/dipkg/id/" + tail]


def _page_data(page: str) -> tuple[list[dict], list[dict], dict]:
    """The node list, edge list and options embedded in the page's script."""
    nodes = re.search(r"var nodes = new vis\.DataSet\((.*?)\);\n", page)
    edges = re.search(r"var edges = new vis\.DataSet\((.*?)\);\n", page)
    options = re.search(r"var options = (.*?);\n", page)
    assert nodes and edges and options
    return json.loads(nodes[1]), json.loads(edges[1]), json.loads(options[1])


PAGE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "p",
    "ul",
    "li",
    "span",
    "div",
    "script",
}


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


def test_build_network_nodes_and_classes(store):
    graph = build_network(store)
    classes = sorted(cls for _, cls in graph.nodes(data="cls"))
    assert classes == ["Agreement", "Country", "Country", "Format", "Meeting", "Person", "Person", "Place"]
    # Germany, Kyrgyzstan and Berlin are reference data no fact mentions.
    assert "https://w3id.org/dipkg/id/country/DE" not in graph
    assert "https://w3id.org/dipkg/id/country/KG" not in graph
    assert "https://w3id.org/dipkg/id/place/berlin-de" not in graph


def test_build_network_edges_are_distinct_across_graphs(store):
    graph = build_network(store)
    edges = sorted(
        (graph.nodes[u]["label"], key, graph.nodes[v]["label"]) for u, v, key in graph.edges(keys=True)
    )
    meeting = "6th ministerial meeting (26 Apr)"
    memorandum = "memorandum (2026\u20132028)"
    assert edges == sorted(
        [
            ("Wang Yi", "participant", meeting),
            (HOSTILE_PERSON, "participant", meeting),
            (meeting, "format", "Central Asia\u2013China"),
            (meeting, "held in", "Almaty"),
            ("Wang Yi", "foreign minister of", "China"),
            (HOSTILE_PERSON, "deputy prime minister of", "Kazakhstan"),
            (memorandum, "party", "China"),
            (memorandum, "party", "Kazakhstan"),
            (memorandum, "signed at", meeting),
        ]
    )


def test_labels_prefer_english(store):
    graph = build_network(store)
    assert _node(graph, "country/KZ")["label"] == "Kazakhstan"
    assert _node(graph, "person/wang-yi")["label"] == "Wang Yi"


def test_tooltips_hold_roles_evidence_and_prefixed_names(store):
    graph = build_network(store)
    person = _node(graph, "person/wang-yi")["tooltip"]
    assert person.splitlines()[:4] == [
        "Person: Wang Yi",
        "dipr:person/wang-yi",
        "Roles:",
        "  foreign minister of China",
    ]

    meeting = _node(graph, "meeting/m1")["tooltip"]
    assert "dipr:meeting/m1" in meeting
    assert f"\u201c{HOSTILE_SENTENCE}\u201d \u2014 {HOSTILE_TITLE}, Ministry of Foreign Affairs" in meeting
    assert "\u201cWang Yi arrived in Almaty.\u201d" in meeting  # evidence from the second article
    assert meeting.count("Wang Yi arrived") == 1 and meeting.count(HOSTILE_SENTENCE) == 1
    assert "\nDate: 26 Apr\n" in meeting

    position_edge = graph.edges[
        "https://w3id.org/dipkg/id/person/wang-yi",
        "https://w3id.org/dipkg/id/country/CN",
        "foreign minister of",
    ]
    assert position_edge["tooltip"].startswith("Wang Yi \u2014 foreign minister of \u2014 China\nEvidence:\n")

    assert _node(graph, "format/central-asia-china")["tooltip"].endswith(
        "Members: China, Kazakhstan, Kyrgyzstan"
    )
    for _, tooltip in graph.nodes(data="tooltip"):
        assert "://" not in tooltip


def test_missions_and_statistics():
    store = _store(
        REFERENCE,
        """
graph:article/ccc {
  dipr:mission/x a dip:DiplomaticMission ; dip:missionType dipr:mission-type/consulate-general ;
    dip:sendingCountry dipr:country/KZ ; dip:hostCountry dipr:country/CN ; dip:status "opened" .
  dipr:statistic/s a dip:Statistic ; dip:statisticType dipr:statistic-type/trade-volume ;
    dip:value 43800000000.0 ; dip:currency "USD" ; dip:year "2024"^^xsd:gYear ;
    dip:concerns dipr:country/KZ, dipr:country/CN .
}
""",
    )
    graph = build_network(store)
    assert _node(graph, "mission/x")["label"] == "consulate general of Kazakhstan in China"
    assert _node(graph, "statistic/s")["label"] == "trade volume 2024: 43.8 billion USD"
    assert sorted(key for _, _, key in graph.edges(keys=True)) == [
        "concerns",
        "concerns",
        "host country",
        "sending country",
    ]


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
    store = pyoxigraph.Store()
    store.extend(extraction_quads(extraction))
    graph = build_network(store)
    assert sorted(cls for _, cls in graph.nodes(data="cls")) == [
        "Agreement",
        "Country",
        "Country",
        "DiplomaticMission",
        "Format",
        "Meeting",
        "Person",
        "Person",
        "Place",
        "Statistic",
    ]
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
    meeting = next(data for _, data in graph.nodes(data=True) if data["cls"] == "Meeting")
    assert f"\u201c{text}\u201d \u2014 Talks, MFA" in meeting["tooltip"]


def test_empty_store_gives_empty_graph():
    graph = build_network(pyoxigraph.Store())
    assert graph.number_of_nodes() == 0 and graph.number_of_edges() == 0


# ---------------------------------------------------------------- write_html


def test_page_is_offline_and_self_contained(store, tmp_path):
    output = tmp_path / "graph.html"
    summary = write_html(build_network(store), output, title="Test network")
    assert summary == VizSummary(nodes=8, edges=9)
    page = output.read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", page)
    assert "vis-network" in page and "@version 9.1.2" in page  # the library itself, inlined
    assert "new vis.Network(" in page


def test_page_has_a_legend_and_styles_by_class(store, tmp_path):
    output = tmp_path / "graph.html"
    write_html(build_network(store), output, title="Test network")
    page = output.read_text(encoding="utf-8")
    legend = re.search(r'<ul id="legend".*?</ul>', page, flags=re.DOTALL)
    assert legend
    for cls in ("Person", "Country", "Format", "Meeting", "Agreement", "Place"):
        assert f'data-class="{cls}"' in legend[0]
    assert 'data-class="Statistic"' not in legend[0]  # only classes that are drawn
    nodes, edges, options = _page_data(page)
    shapes = {node["group"]: (node["shape"], node["color"]) for node in nodes}
    assert len(set(shapes.values())) == len(shapes) == 6
    assert options["physics"]["enabled"] is True
    assert all("x" not in node for node in nodes)
    assert sorted(edge["label"] for edge in edges).count("party") == 2


def test_hostile_text_stays_text(store, tmp_path):
    output = tmp_path / "graph.html"
    write_html(build_network(store), output, title="<b>Title</b> & </script>")
    page = output.read_text(encoding="utf-8")
    for raw in ("<script>alert", "<img src=x", "<b>Title", "<!-- end"):
        assert raw not in page
    # Parsed as a browser would: only the page's own elements, two scripts, each closed where it should be.
    tags = _tags(page)
    assert {tag for tag, _ in tags} <= PAGE_TAGS
    assert tags.count(("script", "start")) == tags.count(("script", "end")) == 2
    assert "&lt;b&gt;Title&lt;/b&gt; &amp; &lt;/script&gt;" in page

    nodes, _, _ = _page_data(page)
    person = next(node for node in nodes if node["label"] == HOSTILE_PERSON)
    assert person["title"].startswith(f"Person: {HOSTILE_PERSON}\n")  # plain text, exactly as in the store
    meeting = next(node for node in nodes if node["group"] == "Meeting")
    assert HOSTILE_SENTENCE in meeting["title"]


def test_inlined_vis_shows_string_titles_as_plain_text(store, tmp_path):
    # The page relies on vis-network putting a string title in with innerText, not innerHTML.
    output = tmp_path / "graph.html"
    write_html(build_network(store), output, title="t")
    assert "this.frame.innerText=t" in output.read_text(encoding="utf-8")


def test_empty_graph_page(tmp_path):
    output = tmp_path / "sub" / "empty.html"
    summary = write_html(build_network(pyoxigraph.Store()), output, title="Empty")
    page = output.read_text(encoding="utf-8")
    assert summary == VizSummary(nodes=0, edges=0)
    assert "No facts in the store yet" in page
    assert "http://" not in page and "https://" not in page
    assert page.lstrip().startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


def test_large_graph_gets_a_precomputed_layout(tmp_path):
    graph = nx.MultiDiGraph()
    for i in range(PHYSICS_NODE_LIMIT + 20):
        graph.add_node(f"n{i}", cls="Person" if i % 2 else "Meeting", label=f"node {i}", tooltip=f"node {i}")
        if i:
            graph.add_edge(f"n{i}", f"n{i // 3}", key="participant", label="participant")
    output = tmp_path / "large.html"
    summary = write_html(graph, output, title="Large")
    assert summary == VizSummary(nodes=PHYSICS_NODE_LIMIT + 20, edges=PHYSICS_NODE_LIMIT + 19)
    nodes, edges, options = _page_data(output.read_text(encoding="utf-8"))
    assert options["physics"]["enabled"] is False
    positions = {(node["x"], node["y"]) for node in nodes}
    assert len(positions) == len(nodes)  # every node placed, none on top of another
    assert all("label" not in edge for edge in edges)  # edge labels only in tooltips


def test_addresses_in_text_lose_their_scheme(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("https://w3id.org/dipkg/id/person/x", cls="Person", label="see https://example.org/a")
    graph.add_node(
        "https://w3id.org/dipkg/id/country/KZ", cls="Country", label="KZ", tooltip="http://example.org/b"
    )
    graph.add_edge(
        "https://w3id.org/dipkg/id/person/x", "https://w3id.org/dipkg/id/country/KZ", key="r", label="ftp://c"
    )
    output = tmp_path / "graph.html"
    write_html(graph, output, title="From https://example.org/")
    page = output.read_text(encoding="utf-8")
    assert "://" not in page
    nodes, edges, _ = _page_data(page)
    person = next(node for node in nodes if node["group"] == "Person")
    assert person["label"] == "see example.org/a"
    assert person["title"] == "dipr:person/x"  # no tooltip: the prefixed name
    assert edges[0]["label"] == "c"


def test_unwritable_output_is_an_export_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="file"):
        write_html(nx.MultiDiGraph(), blocker / "graph.html", title="t")
