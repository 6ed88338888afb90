"""kg.ingest: one transaction per article, bad inputs as report lines, interrupts keep finished work."""

from __future__ import annotations

import gc
import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.rdf
from kg.errors import InputError
from kg.ingest import IngestReport, ingest, ingest_articles
from kg.model import Article, Evidence, Extraction, Meeting, Position
from kg.sources import SourceFailure
from kg.store import Store
from kg.vocab import DIP, REFERENCE_GRAPH, article_graph


@pytest.fixture(autouse=True)
def small_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    g = ox.NamedNode(REFERENCE_GRAPH)
    quad = ox.Quad(ox.NamedNode("https://w3id.org/dipkg/id/country/KZ"), DIP.isoCode, ox.Literal("KZ"), g)
    monkeypatch.setattr(kg.rdf, "reference_quads", lambda: [quad])


def make_article(text: str, *, lang: str = "de", source: str | None = None) -> Article:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(
        text=text, sha256=sha, source=source or f"corpus/{sha[:6]}.txt", lang=lang, title=text[:10]
    )


def fake_extract(article: Article) -> Extraction:
    if "BOOM" in article.text:
        raise RuntimeError("the extractor tripped\non two lines")
    if "INTERRUPT" in article.text:
        raise KeyboardInterrupt
    ev = Evidence(article.text, 0, len(article.text))
    return Extraction(
        article=article,
        positions=[Position("Wang Yi", "foreign-minister", "CN", [ev])],
        meetings=[Meeting("m", "summit", [ev], participant_countries=["CN", "KZ"])],
    )


def run(store: Store, items: list) -> IngestReport:
    return ingest_articles(items, store=store, extractor=fake_extract)


def test_ingest_twice_changes_nothing(tmp_path: Path):
    store = Store.open(tmp_path / "store")
    articles = [make_article("Erster Artikel."), make_article("Second article.", lang="en")]
    first = run(store, articles)
    assert (first.read, first.new, first.unchanged, first.ok) == (2, 2, 0, True)
    assert first.facts == {
        "positions": 2,
        "meetings": 2,
        "agreements": 0,
        "missions": 0,
        "statistics": 0,
        "statements": 0,
    }
    count = store.quad_count()
    second = run(store, articles)
    assert (second.new, second.unchanged, second.replaced) == (0, 2, 0)
    assert store.quad_count() == count
    assert store.oxigraph.contains_named_graph(ox.NamedNode(REFERENCE_GRAPH))


def test_bad_inputs_become_report_lines_and_the_batch_goes_on(tmp_path: Path):
    store = Store.open(tmp_path / "store")
    items = [
        SourceFailure("corpus/broken.html", "corpus/broken.html: not valid UTF-8"),
        make_article("Un article en français.", lang="fr", source="corpus/fr.txt"),
        make_article("BOOM goes this one.", source="corpus/boom.txt"),
        make_article("Ein guter Artikel.", source="corpus/good.txt"),
    ]
    report = run(store, items)
    assert not report.ok
    assert (report.read, report.new) == (3, 1)
    assert report.failed == [
        ("corpus/broken.html", "corpus/broken.html: not valid UTF-8"),
        ("corpus/boom.txt", "corpus/boom.txt: extraction failed: the extractor tripped on two lines"),
    ]
    assert report.skipped[0][0] == "corpus/fr.txt"
    assert "language 'fr' not supported" in report.skipped[0][1]
    assert [a["source"] for a in store.articles()] == ["corpus/good.txt"]


def test_an_interrupt_mid_batch_leaves_earlier_articles_whole(tmp_path: Path):
    path = tmp_path / "store"
    store = Store.open(path)
    first = make_article("Der erste Artikel ist fertig.")
    with pytest.raises(KeyboardInterrupt):
        run(store, [first, make_article("INTERRUPT here."), make_article("Never reached.")])
    expected = kg.rdf.extraction_quads(fake_extract(first))
    del store
    gc.collect()
    reopened = Store.open(path, read_only=True)
    assert reopened.article_shas() == [first.sha256]
    assert reopened.graph_quads(article_graph(first.sha256)) == set(expected)


def test_progress_is_reported_once_per_input():
    store = Store.in_memory()
    calls: list[int] = []
    items = [make_article(f"Zeile {i}.", source=f"corpus/all.jsonl#{i}") for i in (1, 2, 3)]
    items += [make_article("Einzeln.", source="corpus/one.txt")]
    ingest_articles(items, store=store, extractor=fake_extract, progress=calls.append)
    assert calls == [1, 1]


def test_ingest_reads_paths_with_kg_sources(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Treffen in Almaty\n\nDie Außenminister trafen sich am Montag in Almaty.\n", encoding="utf-8"
    )
    (corpus / "b.txt").write_text(
        "Talks in Beijing\n\nThe foreign ministers met in Beijing on Monday.\n", encoding="utf-8"
    )
    store = Store.open(tmp_path / "store")
    report = ingest([corpus], store=store, extractor=fake_extract)
    assert report.read == 2
    assert report.new + len(report.skipped) == 2
    assert all(a["source"].endswith(".txt") for a in store.articles())


def test_a_missing_path_stops_before_anything_is_written(tmp_path: Path):
    store = Store.open(tmp_path / "store")
    with pytest.raises(InputError, match="nope"):
        ingest([tmp_path / "nope"], store=store, extractor=fake_extract)
    assert store.quad_count() == 0
