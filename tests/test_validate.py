"""kg.validate: SHACL over the union graph; violations come back as readable lines."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from kg.model import (
    Agreement,
    Article,
    DateValue,
    Evidence,
    Extraction,
    Meeting,
    Mission,
    PlaceRef,
    Position,
    Statement,
    Statistic,
)
from kg.rdf import build_reference_quads, concept_triples, extraction_quads
from kg.stats import collect_stats, format_stats
from kg.store import Store
from kg.validate import validate
from kg.vocab import DIP, article_graph

TEXT = "Außenminister Wang Yi und Murat Atteneu unterzeichneten in Almaty ein Memorandum."


def reference() -> list[ox.Quad]:
    countries = [
        SimpleNamespace(iso2=c, name_en=c, name_de=c, alt_labels=(), wikidata=None) for c in ("KZ", "CN")
    ]
    formats = [
        SimpleNamespace(
            id="central-asia-china",
            kind="format",
            label_en="Central Asia–China",
            label_de="Zentralasien–China",
            aliases=(),
            members=("KZ", "CN"),
            wikidata=None,
        )
    ]
    return build_reference_quads(countries, formats, concept_triples())


def extraction(sha: str, *, confidence: float = 0.9) -> Extraction:
    art = Article(
        text=TEXT,
        sha256=sha,
        source=f"corpus/{sha[:3]}.txt",
        title="Almaty",
        lang="de",
        date="2025-04-27",
        url="https://example.org/a",
    )
    ev = Evidence(TEXT, 0, len(TEXT))
    almaty = PlaceRef("Almaty", "KZ", 1526384, "Almaty")
    return Extraction(
        article=art,
        positions=[Position("Wang Yi", "foreign-minister", "CN", [ev], title_text="Außenminister")],
        meetings=[
            Meeting(
                "m",
                "ministerial-meeting",
                [ev],
                date=DateValue("--04-26", "gMonthDay", "26. April"),
                place=almaty,
                participants=["Wang Yi", "Murat Atteneu"],
                participant_countries=["KZ", "CN"],
                format="central-asia-china",
                ordinal=6,
                confidence=confidence,
            )
        ],
        agreements=[
            Agreement(
                "memorandum",
                [ev],
                parties=["KZ", "CN"],
                signed_at="m",
                valid_from=DateValue("2026", "gYear"),
                valid_until=DateValue("2028", "gYear"),
            )
        ],
        missions=[
            Mission(
                "consulate-general",
                [ev],
                sending_country="KZ",
                host_country="CN",
                place=PlaceRef("Urumqi", "CN"),
            )
        ],
        statistics=[
            Statistic(
                "trade-volume", Decimal("43.8E9"), [ev], currency="USD", year=2024, concerns=["KZ", "CN"]
            )
        ],
        statements=[Statement("Wang Yi", "Wir sind Freunde.", "de", [ev], made_at="m")],
    )


@pytest.fixture
def store() -> Store:
    store = Store.in_memory()
    store.ensure_reference(reference())
    return store


def test_a_mapped_extraction_conforms(store: Store):
    for sha in ("a" * 64, "b" * 64):
        store.put_article(sha, extraction_quads(extraction(sha)))
    report = validate(store)
    assert report.violations == []
    assert report.conforms


def test_violations_are_readable_lines(store: Store):
    store.put_article("a" * 64, extraction_quads(extraction("a" * 64, confidence=1.5)))
    report = validate(store)
    assert not report.conforms
    (line,) = report.violations
    assert line.startswith("dipr:meeting/")
    assert ": dip:confidence: " in line
    assert "1.5" in line


def test_a_fact_without_evidence_is_a_violation(store: Store):
    sha = "a" * 64
    quads = [
        q
        for q in extraction_quads(extraction(sha))
        if not (q.predicate == DIP.evidence and "statistic/" in q.subject.value)
    ]
    store.put_article(sha, quads)
    report = validate(store)
    assert not report.conforms
    assert any(line.startswith("dipr:statistic/") and "dip:evidence" in line for line in report.violations)


def test_stats_count_distinct_instances(store: Store):
    for sha in ("a" * 64, "b" * 64):
        store.put_article(sha, extraction_quads(extraction(sha)))
    stats = collect_stats(store)
    assert stats["articles"] == 2
    assert stats["languages"] == {"de": 2}
    assert stats["graphs"] == 3
    classes = stats["classes"]
    # year-less meetings stay per article; the dated agreement anchored at them follows; the
    # statistic and mission are shared by both articles and count once
    assert (classes["Meeting"], classes["Statistic"], classes["DiplomaticMission"]) == (2, 1, 1)
    assert (classes["Position"], classes["Article"], classes["Country"]) == (2, 2, 2)
    assert "Fact" not in classes
    text = format_stats(stats)
    assert text.splitlines()[0] == "articles: 2 (de 2)"
    assert any(line.split() == ["Statistic", "1"] for line in text.splitlines())


def test_graph_names_are_article_graphs(store: Store):
    store.put_article("a" * 64, extraction_quads(extraction("a" * 64)))
    names = {g.value for g in store.oxigraph.named_graphs()}
    assert article_graph("a" * 64) in names
