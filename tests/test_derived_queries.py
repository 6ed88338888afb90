"""Saved queries that read the derived graph give the answer of their direct form.

``tests/data/direct-queries/NAME.rq`` is each query as it was before it read ``…/graph/derived``
(counting the articles' facts itself). On the sample corpus the saved query must answer exactly as
that direct form: with the derived graph current, without any derived graph (the query's fallback
branch), and with a derived graph left behind by later ingests (fallback again).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.derive import derive, derived_status
from kg.ingest import ingest
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
}


def answers(store: Store, text: str, params: dict[str, str]) -> list[tuple]:
    query = parse_saved_query(Path("q.rq"), text=text)
    result = store.query(query.bind(params))
    names = [v.value for v in result.variables]
    return [tuple(row[n] for n in names) for row in result]


def cases(name: str) -> list[dict[str, str]]:
    query = find_saved_query(name)
    return [dict(example) for example in query.examples] or [{}]


def ingest_sample(store: Store, paths: list[Path]) -> None:
    before = Path.cwd()
    os.chdir(ROOT)
    try:
        assert ingest(paths, store=store).ok
    finally:
        os.chdir(before)


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
