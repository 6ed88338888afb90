"""Saved queries that read the derived graph give the answer of their direct form.

``tests/data/direct-queries/NAME.rq`` is each query as it was before it read ``…/graph/derived``
(counting the articles' facts itself). On the sample corpus the saved query must answer exactly as
that direct form: with the derived graph current, without any derived graph (the query's fallback
branch), and with a derived graph left behind by later ingests (fallback again).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sample_corpus import ingest_sample

from kg.derive import derive, derived_status
from kg.model import Article, DateValue, Evidence, Extraction, Meeting, PlaceRef
from kg.rdf import extraction_quads
from kg.resolution import resolve_store
from kg.saved_queries import find_saved_query, parse_saved_query
from kg.store import Store
from kg.vocab import DERIVED_GRAPH

ROOT = Path(__file__).resolve().parents[1]
DIRECT = Path(__file__).parent / "data" / "direct-queries"
NAMES = sorted(path.stem for path in DIRECT.glob("*.rq"))
# parameters besides each query's examples, so that more than one answer is compared
MORE = {
    "cq1-ministers-met-in-almaty": [{"city": "Astana"}, {"city": "Berlin"}],
    "role-holders-over-time": [
        {"role": "foreign-minister", "country": "KZ"},
        {"role": "president", "country": "UZ"},
    ],
    "who-met-person": [{"person": "Murat Nurtleu"}, {"person": "Annalena Baerbock"}],
    "most-active-countries": [{"year": "2024"}, {"year": "2023"}],
    "meetings-per-pair-per-year": [{"country": "UZ"}, {"country": "CN"}, {"country": "DE"}],
    "trade-over-time": [{"a": "UZ", "b": "CN"}, {"a": "KZ", "b": "RU"}],
}


def answers(store: Store, text: str, params: dict[str, str]) -> list[tuple]:
    query = parse_saved_query(Path("q.rq"), text=text)
    result = store.query(query.bind(params))
    names = [v.value for v in result.variables]
    return [tuple(row[n] for n in names) for row in result]


def cases(name: str) -> list[dict[str, str]]:
    query = find_saved_query(name)
    return [dict(example) for example in query.examples] or [{}]


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """The sample corpus without a derived graph, with a current one, and with a stale one (derived
    before the last two articles were ingested)."""
    articles = sorted((ROOT / "data" / "articles").glob("*.txt"))
    plain = Store.in_memory()
    ingest_sample(plain, [Path("data") / "articles"])
    derived = Store.in_memory()
    ingest_sample(derived, [Path("data") / "articles"])
    derive(derived)
    folder = tmp_path_factory.mktemp("first")
    for path in articles[:-2]:
        for part in path.parent.glob(path.name.removesuffix(".txt") + ".*"):
            shutil.copy(part, folder / part.name)
    stale = Store.in_memory()
    ingest_sample(stale, [folder])
    derive(stale)
    ingest_sample(stale, [Path("data") / "articles"])
    assert derived_status(derived).current and not derived_status(stale).current
    assert not derived_status(plain).exists
    return {"plain": plain, "derived": derived, "stale": stale}


@pytest.mark.parametrize("name", NAMES)
def test_the_saved_query_answers_as_its_direct_form(stores, name):
    saved = find_saved_query(name).text
    direct = (DIRECT / f"{name}.rq").read_text(encoding="utf-8")
    assert DERIVED_GRAPH in saved, "the saved query no longer reads the derived graph"
    for params in cases(name) + MORE.get(name, []):
        expected = answers(stores["plain"], direct, params)
        for state in ("derived", "plain", "stale"):
            assert answers(stores[state], saved, params) == expected, (name, params, state)
    assert any(answers(stores["plain"], direct, params) for params in cases(name) + MORE.get(name, []))


def test_a_stale_derived_graph_is_not_read(stores):
    # the stale store's derived graph counts fewer articles; cq8 must still count every meeting
    stale = answers(stores["stale"], find_saved_query("cq8-country-pairs").text, {})
    current = answers(stores["derived"], find_saved_query("cq8-country-pairs").text, {})
    assert stale == current and current


# ---------------------------------------------------------------- merged reports: held wins


def _report(text: str, date: str, meetings: list) -> Extraction:
    sha = hashlib.sha256(text.encode()).hexdigest()
    article = Article(
        text=text, sha256=sha, source=f"status-{sha[:8]}.en.txt", title=text[:20], lang="en", date=date
    )
    built = []
    for key, sentence, status, day, place, countries in meetings:
        start = text.index(sentence)
        built.append(
            Meeting(
                key,
                "ministerial-meeting",
                [Evidence(sentence, start, start + len(sentence))],
                date=DateValue(day, "date", day),
                place=place,
                participants=["Wang Yi", "Murat Nurtleu"],
                participant_countries=countries,
                format="central-asia-china",
                status=status,
            )
        )
    return Extraction(article, meetings=built, persons={"Wang Yi": [], "Murat Nurtleu": []})


@pytest.fixture(scope="module")
def status_stores(tmp_path_factory):
    """The Almaty ministerial of 2025-04-26, announced by one article ("planned") and reported by
    another ("held"): event merging makes it one meeting with both statuses. And a meeting in Astana
    only ever reported as cancelled. With and without a derived graph."""
    almaty, astana = PlaceRef("Almaty", "KZ"), PlaceRef("Astana", "KZ")
    ahead = "Wang Yi will meet Murat Nurtleu in Almaty on 26 April. A meeting in Astana was called off."
    after = "Wang Yi met Murat Nurtleu in Almaty on 26 April."
    reports = [
        _report(ahead, "2025-04-20", [
            ("m1", "Wang Yi will meet Murat Nurtleu in Almaty on 26 April", "planned", "2025-04-26", almaty, ["CN", "KZ"]),
            ("m2", "A meeting in Astana was called off", "cancelled", "2025-04-22", astana, ["CN", "KZ"]),
        ]),
        _report(after, "2025-04-27", [
            ("m1", "Wang Yi met Murat Nurtleu in Almaty on 26 April", "held", "2025-04-26", almaty, ["CN", "KZ"]),
        ]),
    ]  # fmt: skip
    found = {}
    for state in ("plain", "derived"):
        store = Store.open(tmp_path_factory.mktemp(state) / "store")
        store.ensure_reference()
        for extraction in reports:
            store.put_article(extraction.article.sha256, extraction_quads(extraction))
        resolve_store(store)
        if state == "derived":
            derive(store)
        found[state] = store
    return found


STATUS_CASES = [
    ("most-active-countries", {"year": "2025"}, [("CN", "1"), ("KZ", "1")]),
    ("meetings-per-pair-per-year", {"country": "KZ"}, [("2025", "CN", "1")]),
    ("cq8-country-pairs", {}, [("CN", "KZ", "1")]),
]


def test_the_reports_merged_into_one_meeting_with_both_statuses(status_stores):
    rows = status_stores["plain"].select(
        "PREFIX dip: <https://w3id.org/dipkg/ontology#>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
        'SELECT ?m ?s WHERE { ?m a dip:Meeting ; dip:status ?s ; dip:date "2025-04-26"^^xsd:date }'
    )
    assert sorted(r["s"].value for r in rows) == ["held", "planned"]
    assert len({r["m"] for r in rows}) == 1


@pytest.mark.parametrize(("name", "params", "expected"), STATUS_CASES)
@pytest.mark.parametrize("state", ["plain", "derived"])
def test_a_meeting_any_article_reports_as_held_counts_once_as_held(
    status_stores, state, name, params, expected
):
    found = answers(status_stores[state], find_saved_query(name).text, params)
    assert [tuple(term.value for term in row[: len(expected[0])]) for row in found] == expected


@pytest.mark.parametrize(
    ("name", "params"),
    [("format-meetings", {"format": "central-asia-china"}), ("meetings-between", {"a": "CN", "b": "KZ"}),
     ("meetings-in-period", {"start": "2025-04-01", "end": "2025-04-30"})],
)  # fmt: skip
def test_a_merged_meeting_is_listed_once_as_held(status_stores, name, params):
    query = find_saved_query(name)
    result = status_stores["plain"].query(query.bind(params))
    names = [v.value for v in result.variables]
    found = [{n: row[n].value for n in names if row[n] is not None} for row in result]
    assert [(r["date"], r["status"]) for r in found] == [("2025-04-22", "cancelled"), ("2025-04-26", "held")]


def test_the_derived_country_pairs_count_the_merged_meeting_as_held(status_stores):
    rows = status_stores["derived"].select(
        "PREFIX dip: <https://w3id.org/dipkg/ontology#>\n"
        f"SELECT ?n WHERE {{ GRAPH <{DERIVED_GRAPH}> {{ ?p a dip:CountryPairYear ; dip:meetingCount ?n }} }}"
    )
    assert [r["n"].value for r in rows] == ["1"]
