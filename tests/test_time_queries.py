"""Who held an office on a day, and over time: attested positions and shipped terms together.

The articles are written here (English and German). Mongolia's foreign ministers are invented
people the shipped table does not know, so only the articles speak for them; Kazakhstan's are in
the table, so the articles and the shipped terms meet.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.derive import derive
from kg.ingest import ingest
from kg.saved_queries import find_saved_query, run_saved_query
from kg.store import Store

ARTICLES = {
    # Ana Example, Mongolia's foreign minister in 2023; Nurtleu, Kazakhstan's, in the table
    "a1.en": (
        "2023-05-10",
        "Mongolia and Kazakhstan discuss transit\n\n"
        "Mongolian Foreign Minister Ana Example met Kazakh Foreign Minister Murat Nurtleu in Astana on "
        "Tuesday. The two ministers discussed transit routes.\n",
    ),
    # Bea Beispiel, the next one, in a German article
    "a2.de": (
        "2024-09-01",
        "Mongolei und Usbekistan vereinbaren engere Zusammenarbeit\n\n"
        "Die mongolische Außenministerin Bea Beispiel ist am Montag in Taschkent mit dem usbekischen "
        "Präsidenten Schawkat Mirsijojew zusammengetroffen. Beide Seiten sprachen über Handel und Verkehr.\n",
    ),
    # a 2025 article calling both "former": it makes neither the holder in 2025
    "a3.en": (
        "2025-01-20",
        "Lecture on steppe diplomacy in Almaty\n\n"
        "Former Mongolian Foreign Minister Ana Example gave a lecture at a university in Almaty on Friday. "
        "Former Kazakh Foreign Minister Murat Nurtleu attended the lecture.\n",
    ),
}


def write(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        day, text = ARTICLES[name]
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(
            json.dumps({"date": day, "lang": name[-2:]}), encoding="utf-8"
        )
    return folder


def store_of(folder: Path, how: str) -> Store:
    """The articles of ``folder`` in a store; ``how`` is "direct" (no derived graph: the queries
    count the Positions) or "derived" (`kg derive` ran: they read the derived graph)."""
    store = Store.in_memory()
    report = ingest([folder], store=store)
    assert report.ok and report.new == len(list(folder.glob("*.txt"))), report.failed
    if how == "derived":
        derive(store)
    return store


# every test runs twice: on the Positions themselves and on the derived graph
@pytest.fixture(scope="module", params=["direct", "derived"])
def full(request, tmp_path_factory) -> Store:
    return store_of(write(tmp_path_factory.mktemp("all"), ["a1.en", "a2.de", "a3.en"]), request.param)


@pytest.fixture(scope="module", params=["direct", "derived"])
def without_successor(request, tmp_path_factory) -> Store:
    return store_of(write(tmp_path_factory.mktemp("no-bea"), ["a1.en", "a3.en"]), request.param)


@pytest.fixture(scope="module", params=["direct", "derived"])
def without_former(request, tmp_path_factory) -> Store:
    return store_of(write(tmp_path_factory.mktemp("no-former"), ["a1.en", "a2.de"]), request.param)


def rows(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    result = run_saved_query(store, find_saved_query(name), params)
    return [
        {k: (v.value if v is not None else "") for k, v in zip(result.variables, row, strict=True)}
        for row in result.rows
    ]


def holders(store: Store, role: str, country: str, day: str) -> dict[str, dict[str, str]]:
    found = rows(store, "role-holder-on-date", role=role, country=country, date=day)
    return {row["name"]: row for row in found}


# ---------------------------------------------------------------- on a day, from the articles


def test_the_latest_article_up_to_the_day_names_the_holder(full):
    found = holders(full, "foreign-minister", "MN", "2023-06-01")
    assert list(found) == ["Ana Example"]
    row = found["Ana Example"]
    assert row["bases"] == "attested" and row["lastAttested"] == "2023-05-10" and row["articles"] == "1"
    assert row["person"].endswith("/person/ana-example")


def test_a_later_article_naming_someone_else_replaces_the_holder(full):
    assert list(holders(full, "foreign-minister", "MN", "2024-10-01")) == ["Bea Beispiel"]
    # a German name of the country and the role's words are bound to the same IRIs
    assert list(holders(full, "foreign minister", "Mongolei", "2024-10-01")) == ["Bea Beispiel"]


def test_a_former_does_not_make_anyone_the_holder(full, without_successor):
    # the 2025 article calls Ana Example "former": she is not the holder in 2025 ...
    assert list(holders(full, "foreign-minister", "MN", "2025-03-01")) == ["Bea Beispiel"]
    assert holders(without_successor, "foreign-minister", "MN", "2025-03-01") == {}
    # ... but she still was before that article
    assert list(holders(without_successor, "foreign-minister", "MN", "2024-12-31")) == ["Ana Example"]


def test_nothing_is_known_before_the_first_article(full):
    assert holders(full, "foreign-minister", "MN", "2023-05-09") == {}
    assert holders(full, "deputy-foreign-minister", "MN", "2024-10-01") == {}


# ---------------------------------------------------------------- on a day, with the shipped terms


def test_a_shipped_term_and_an_attestation_of_the_same_person_are_one_row(full):
    found = holders(full, "foreign-minister", "KZ", "2024-06-01")
    assert list(found) == ["Murat Nurtleu"]
    row = found["Murat Nurtleu"]
    assert set(row["bases"].split(", ")) == {"term", "attested"}
    assert (row["since"], row["until"], row["lastAttested"]) == ("2023-04-01", "2025", "2023-05-10")


def test_the_table_alone_answers_where_no_article_speaks(full):
    found = holders(full, "foreign-minister", "CN", "2023-06-01")
    assert list(found) == ["Qin Gang"]
    assert found["Qin Gang"]["bases"] == "term" and found["Qin Gang"]["articles"] == "0"
    assert list(holders(full, "president", "UZ", "2024-09-01")) == ["Shavkat Mirziyoyev"]


def test_a_former_drops_a_shipped_term_too(full, without_former):
    # the table is unsure when in 2025 Nurtleu handed over; the 2025 article settles it
    assert list(holders(without_former, "foreign-minister", "KZ", "2025-03-01")) == [
        "Murat Nurtleu",
        "Yermek Kosherbayev",
    ]
    assert list(holders(full, "foreign-minister", "KZ", "2025-03-01")) == ["Yermek Kosherbayev"]
    # before the article called him former, he held the office
    assert "Murat Nurtleu" in holders(full, "foreign-minister", "KZ", "2025-01-19")


# ---------------------------------------------------------------- over time


def test_holders_over_time_from_the_articles(full):
    found = rows(full, "role-holders-over-time", role="foreign-minister", country="MN")
    assert [(r["name"], r["basis"], r["from"], r["until"], r["articles"]) for r in found] == [
        ("Ana Example", "attested", "2023-05-10", "2023-05-10", "1"),  # the "former" of 2025 not counted
        ("Bea Beispiel", "attested", "2024-09-01", "2024-09-01", "1"),
    ]


def test_holders_over_time_from_the_table_and_the_articles(full):
    found = rows(full, "role-holders-over-time", role="foreign-minister", country="KZ")
    assert [(r["name"], r["basis"], r["from"], r["until"]) for r in found] == [
        ("Mukhtar Tleuberdi", "term", "2019-12-18", "2023-04-01"),
        ("Murat Nurtleu", "term", "2023-04-01", "2025"),
        ("Murat Nurtleu", "attested", "2023-05-10", "2023-05-10"),
        ("Yermek Kosherbayev", "term", "2025", ""),
    ]
    presidents = rows(full, "role-holders-over-time", role="president", country="CN")
    assert [(r["name"], r["from"], r["until"]) for r in presidents] == [("Xi Jinping", "2013-03-14", "")]
