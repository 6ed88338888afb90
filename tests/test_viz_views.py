"""Views and filters: which nodes each view draws from the test corpus (tests/test_viz_corpus.py)."""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
import pytest
from test_viz_corpus import HOSTILE_PERSON, corpus_store, iri

from kg.errors import QueryError
from kg.viz import ViewOptions, build_network, make_view
from kg.viz.measures import measure, rank_nodes, simple_graph
from kg.viz.views import resolve_entity

M1 = "6th ministerial meeting (2024-04-26)"
M2 = "bilateral talks (2025-03-04)"
M3 = "phone call (2025-06)"
M4 = "summit (2026)"
M5 = "ministerial meeting (5 Nov)"
AG1 = "memorandum (2026\u20132028)"
AG2 = "Roadmap on transit"


@pytest.fixture(scope="module")
def network() -> nx.MultiDiGraph:
    return build_network(corpus_store())


def labels(network: nx.MultiDiGraph, **options) -> set[str]:
    view = make_view(network, ViewOptions(**options))
    assert view.empty is None, view.empty
    return {data["label"] for _, data in view.graph.nodes(data=True)}


def facts(network: nx.MultiDiGraph, **options) -> set[str]:
    return labels(network, **options) & {M1, M2, M3, M4, M5, AG1, AG2}


# ---------------------------------------------------------------- views


def test_actors_view_is_the_whole_network(network):
    view = make_view(network, ViewOptions())
    assert view.graph.number_of_nodes() == network.number_of_nodes() == 21
    assert view.graph.number_of_edges() == network.number_of_edges()
    assert view.directed and view.subject is None and view.left_out is None
    assert len(view.cited) == 4


def test_countries_view_weighs_pairs_by_held_meetings_and_signed_agreements(network):
    view = make_view(network, ViewOptions(view="countries"))
    assert not view.directed
    pairs = {
        tuple(sorted(n.rsplit("/", 1)[-1] for n in (u, v))): data
        for u, v, data in view.graph.edges(data=True)
    }
    weights = {pair: data["weight"] for pair, data in pairs.items()}
    # the planned summit (m4) counts nowhere; the consulate and the trade figure are not meetings
    assert weights == {
        ("CN", "KZ"): 3,
        ("KZ", "UZ"): 3,
        ("CN", "UZ"): 2,
        ("CN", "KG"): 1,
        ("KG", "KZ"): 1,
        ("KG", "UZ"): 1,
    }
    cn_kz = pairs[("CN", "KZ")]
    assert cn_kz["meetings"] == [iri("meeting/m1"), iri("meeting/m2")] and cn_kz["agreements"] == [
        iri("agreement/ag1")
    ]
    assert cn_kz["info"] == [
        "Meetings (2):",
        f"  {M1}",
        f"  {M2}",
        "Agreements (1):",
        f"  2024-04-26 \u00b7 {AG1}",
    ]
    assert cn_kz["label"] == "3"
    assert pairs[("CN", "UZ")]["info"][-1] == f"  {M5}"


def test_person_view_draws_one_person_their_meetings_and_counterparts(network):
    view = make_view(network, ViewOptions(view="person", focus="Wang Yi"))
    assert view.subject == iri("person/wang-yi") and not view.subject_chosen
    assert {d["label"] for _, d in view.graph.nodes(data=True)} == {
        "Wang Yi", HOSTILE_PERSON, "Bakhtiyor Saidov", M1, M2, M5, AG1,
    }  # fmt: skip
    assert view.graph.graph["timeline"] == [iri("meeting/m1"), iri("meeting/m2"), iri("meeting/m5")]


def test_person_view_without_focus_takes_the_most_active_person(network):
    view = make_view(network, ViewOptions(view="person"))
    # Wang Yi and Murat Nurtleu are in three meetings each; the tie goes to the better connected
    assert view.subject in (iri("person/wang-yi"), iri("person/murat-nurtleu")) and view.subject_chosen


def test_format_view_draws_the_format_its_members_and_meetings(network):
    view = make_view(network, ViewOptions(view="format", focus="Central Asia\u2013China"))
    assert {d["label"] for _, d in view.graph.nodes(data=True)} == {
        "Central Asia\u2013China", "China", "Kazakhstan", "Kyrgyzstan", "Uzbekistan", M1, M4, AG1,
    }  # fmt: skip
    keys = sorted(key for _, _, key in view.graph.edges(keys=True))
    assert keys.count("member") == 4 and keys.count("format") == 2 and keys.count("participant country") == 8


def test_format_view_of_a_format_without_meetings_shows_its_members(network):
    assert labels(network, view="format", focus="C5") == {"C5", "Kazakhstan", "Kyrgyzstan", "Uzbekistan"}


# ---------------------------------------------------------------- filters


def test_since_and_until_keep_facts_whose_date_overlaps(network):
    assert facts(network, since="2025") == {M2, M3, M4, AG2}  # m5 has no year, ag1 dates from m1
    assert facts(network, until="2024") == {M1, AG1}
    assert facts(network, since="2025-06", until="2025-06") == {M3, AG2}
    assert "trade volume 2024: 43.8 billion USD" in labels(network, until="2024-12-31")
    view = make_view(network, ViewOptions(since="2025"))
    assert view.dated_only


def test_filters_drop_the_entities_no_remaining_fact_mentions(network):
    kept = labels(network, since="2025")
    assert "Almaty" not in kept and "Frankfurt" not in kept and "Germany" not in kept
    assert "Beijing" in kept
    # a person keeps the country of their office
    assert {"Wang Yi", "China"} <= kept


def test_type_takes_classes_and_types(network):
    assert facts(network, types=("summit",)) == {M4}
    assert facts(network, types=("agreements",)) == {AG1, AG2} | {M1}  # m1: where ag1 was signed
    assert facts(network, types=("Meeting",)) == {M1, M2, M3, M4, M5}
    assert facts(network, types=("phone call", "roadmap")) == {M3, AG2}


def test_country_keeps_the_facts_a_country_takes_part_in(network):
    assert facts(network, countries=("UZ",)) == {M1, M3, M4, M5, AG2}
    assert facts(network, countries=("Usbekistan",)) == facts(network, countries=("Q265",))
    assert facts(network, countries=("Germany",)) == set()
    assert "consulate general of Kazakhstan in Frankfurt" in labels(network, countries=("DE",))


def test_focus_and_hops(network):
    assert labels(network, focus="Wang Yi", hops=1) == {"Wang Yi", "China", M1, M2, M5}
    around = labels(network, focus="Q16245")  # two steps by default: the people Wang Yi met
    assert {HOSTILE_PERSON, "Bakhtiyor Saidov", "Almaty"} <= around and "Frankfurt" not in around
    assert labels(network, focus="dipr:person/wang-yi", hops=0) == {"Wang Yi"}
    assert labels(network, view="countries", focus="Kyrgyzstan") == {
        "Kyrgyzstan",
        "China",
        "Kazakhstan",
        "Uzbekistan",
    }


def test_min_weight(network):
    assert labels(network, view="countries", min_weight=2) == {"China", "Kazakhstan", "Uzbekistan"}
    kept = labels(network, min_weight=2)
    assert "Almaty" not in kept and "Germany" not in kept  # in one fact only
    assert {"Wang Yi", "Kazakhstan", M1} <= kept


def test_max_nodes_keeps_the_most_central_and_says_what_it_left_out(network):
    view = make_view(network, ViewOptions(max_nodes=5))
    assert view.graph.number_of_nodes() == 5
    assert "Kazakhstan" in {d["label"] for _, d in view.graph.nodes(data=True)}
    assert view.left_out.total == 21 and sum(view.left_out.nodes.values()) == 16
    assert view.left_out.edges == network.number_of_edges() - view.graph.number_of_edges()
    assert view.left_out.nodes["Person"] == 3
    # the focus always stays
    kept = labels(network, focus="Frankfurt", hops=2, max_nodes=1)
    assert kept == {"Frankfurt"}


def test_filters_that_leave_nothing(network):
    view = make_view(network, ViewOptions(since="2030"))
    assert view.empty == "nothing matches these filters (--since 2030)" and view.graph.number_of_nodes() == 0
    view = make_view(network, ViewOptions(view="countries", focus="Germany"))
    assert view.empty == "Germany is not in this view with these filters"
    view = make_view(network, ViewOptions(view="countries", types=("mission",)))
    assert view.empty and view.empty.startswith("nothing matches")


def test_an_empty_network_is_an_empty_store():
    view = make_view(build_network(ox.Store()), ViewOptions(view="person"))
    assert view.empty == "store"


# ---------------------------------------------------------------- bad option values


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_nodes": 0}, "--max-nodes 0: nothing would be drawn; give at least 1"),
        ({"hops": -1, "focus": "KZ"}, "--hops -1: give 0 or more"),
        ({"hops": 2}, "--hops needs --focus"),
        ({"min_weight": -2}, "--min-weight -2"),
        ({"since": "2025-13"}, r"--since: '2025-13' is not a date \(give YYYY, YYYY-MM or YYYY-MM-DD\)"),
        ({"until": "May 2025"}, "--until: 'May 2025' is not a date"),
        ({"since": "2026", "until": "2025"}, "--since 2026 is after --until 2025"),
        ({"view": "maps"}, "--view: unknown view 'maps'"),
        ({"lang": "fr"}, r"--lang: unknown language 'fr' \(choose en, de\)"),
        ({"types": ("sumit",)}, "--type 'sumit': not a kind of fact .* did you mean: summit?"),
        ({"focus": "Wang Yee"}, "--focus 'Wang Yee': no entity in the store .* did you mean: Wang Yi?"),
        ({"focus": "Zzyzx"}, "--focus 'Zzyzx': no entity in the store .*nor a similar name"),
        ({"countries": ("Kazakstan",)}, "--country 'Kazakstan': no country .* did you mean: Kazakhstan"),
        ({"view": "person", "focus": "Kazakhstan"}, "--focus 'Kazakhstan' is a country, not a person"),
        ({"view": "countries", "focus": "Wang Yi"}, "--focus 'Wang Yi' is a person, not a country"),
    ],
)
def test_bad_values_are_one_line_errors(network, options, message):
    with pytest.raises(QueryError, match=message) as caught:
        make_view(network, ViewOptions(**options))
    assert "\n" not in str(caught.value)


def test_resolve_entity_by_every_kind_of_name(network):
    kz = [iri("country/KZ")]
    for name in ("KZ", "kazakhstan", "Kasachstan", "Q232", "wd:Q232", "dipr:country/KZ", iri("country/KZ")):
        assert resolve_entity(network, name) == kz, name
    assert resolve_entity(network, "https://www.wikidata.org/wiki/Q16245") == [iri("person/wang-yi")]
    assert resolve_entity(network, "Russia", cls="Country") == [iri("country/RU")]  # reference data only
    tail = resolve_entity(network, "central-asia-china")  # the last part of the IRI
    assert tail == [iri("format/central-asia-china")]


# ---------------------------------------------------------------- measures


def test_measures_of_a_small_graph():
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", weight=2)
    graph.add_edge("b", "a", weight=1)  # merged with a-b: weight 3
    graph.add_edge("b", "c")
    graph.add_edge("c", "c")  # a loop counts nowhere
    graph.add_node("d")
    result = measure(graph)
    assert simple_graph(graph)["a"]["b"]["weight"] == 3
    b = result.nodes["b"]
    assert (b.degree, b.weight, b.degree_centrality) == (2, 4.0, pytest.approx(2 / 3))
    assert b.betweenness == pytest.approx(1 / 3) and result.nodes["a"].betweenness == 0
    assert result.betweenness_samples is None
    assert sorted(n for group in result.communities for n in group) == ["a", "b", "c", "d"]  # each once
    assert {result.nodes[n].community for n in "abcd"} <= set(range(1, len(result.communities) + 1))
    assert rank_nodes(graph) == ["b", "a", "c", "d"]
    assert rank_nodes(graph, keep_first=["d"]) == ["d", "b", "a", "c"]


def test_betweenness_of_a_big_graph_is_estimated_and_repeatable():
    graph = nx.MultiDiGraph(nx.path_graph(600))
    first, second = measure(graph, communities=False), measure(graph, communities=False)
    assert first.betweenness_samples == 200
    assert first.nodes == second.nodes
    assert first.nodes[300].betweenness > first.nodes[5].betweenness
    assert measure(graph, betweenness=False, communities=False).nodes[300].betweenness is None
