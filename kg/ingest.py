"""Ingest: read articles, extract facts, map them to quads and store each article in one transaction.

One bad input never stops the batch: a file that cannot be read, an article in a language we
do not handle, or an extractor error becomes a line in the :class:`IngestReport`. Each article
is stored by its own transaction (:meth:`kg.store.Store.put_article`), so an interrupt or a
crash leaves every article finished before it stored whole.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kg.model import Article

if TYPE_CHECKING:
    from pyoxigraph import Quad

    from kg.model import Extraction
    from kg.resolution import PersonResolver
    from kg.sources import SourceFailure
    from kg.store import Store

__all__ = ["SUPPORTED_LANGUAGES", "IngestReport", "ingest", "ingest_articles", "remove_articles"]

SUPPORTED_LANGUAGES = ("de", "en")
_JSONL_LINE = re.compile(r"#\d+$")


@dataclass
class IngestReport:
    """What one ingest did. ``failed`` and ``skipped`` hold ``(source, message)`` pairs."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    facts: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        """True when no input failed (skipped articles are not failures)."""
        return not self.failed

    @property
    def stored(self) -> int:
        return self.new + self.unchanged + self.replaced


def _input_of(source: str) -> str:
    """The input an article came from: ``corpus.jsonl#3`` -> ``corpus.jsonl``."""
    return _JSONL_LINE.sub("", source)


def _same_mapping(store: Store, sha256: str, quads: Sequence[Quad]) -> bool:
    """True when the stored graph of the article was mapped from the same quads (``kg resolve`` may
    since have rewritten its people and meetings; :func:`kg.rdf.mapping_marker`)."""
    from kg.vocab import SCHEMA, article_graph

    if not store.has_article(sha256):
        return False
    graph = article_graph(sha256)
    marker = next((q for q in quads if q.subject.value == graph and q.predicate == SCHEMA.sha256), None)
    return marker is not None and marker in store.graph_quads(graph)


def ingest(
    paths: Sequence[str | Path],
    *,
    store: Store,
    stdin: TextIO | None = None,
    progress: Callable[[int], None] | None = None,
    extractor: Callable[[Article], Extraction] | None = None,
    resolver: PersonResolver | None = None,
) -> IngestReport:
    """Ingest files, folders and ``-`` (stdin) into ``store``.

    A missing path raises :class:`~kg.errors.InputError` before anything is read or written.
    ``progress(1)`` is called each time one input (a file, a JSONL file, stdin) is done, so a bar
    sized by :func:`kg.sources.count_inputs` ends full.
    """
    from kg.sources import iter_articles

    items = iter_articles(list(paths), stdin=stdin)
    return ingest_articles(items, store=store, progress=progress, extractor=extractor, resolver=resolver)


def ingest_articles(
    items: Iterable[Article | SourceFailure],
    *,
    store: Store,
    progress: Callable[[int], None] | None = None,
    extractor: Callable[[Article], Extraction] | None = None,
    resolver: PersonResolver | None = None,
) -> IngestReport:
    """Ingest already-read articles (and read failures); see :func:`ingest`.

    ``resolver`` decides person IRIs (default: :func:`kg.resolution.default_resolver`, no merge file).
    """
    from kg.rdf import extraction_quads

    if extractor is None:
        from kg.extract import extract as extractor
    store.ensure_reference()
    report = IngestReport()
    current: str | None = None
    for item in items:
        source = _input_of(item.source)
        if progress is not None and current is not None and source != current:
            progress(1)
        current = source
        if not isinstance(item, Article):
            report.failed.append((item.source, item.message))
            continue
        report.read += 1
        if item.lang not in SUPPORTED_LANGUAGES:
            why = f"language '{item.lang}' not supported" if item.lang else "language not recognised"
            report.skipped.append((item.source, f"{item.source}: {why} (only de and en are)"))
            continue
        try:
            extraction = extractor(item)
            quads = extraction_quads(extraction, resolver=resolver)
        except Exception as error:  # noqa: BLE001 - one article must never stop the batch
            detail = " ".join(str(error).split()) or type(error).__name__
            report.failed.append((item.source, f"{item.source}: extraction failed: {detail}"))
            continue
        state = (
            "unchanged" if _same_mapping(store, item.sha256, quads) else store.put_article(item.sha256, quads)
        )
        setattr(report, state, getattr(report, state) + 1)
        report.facts.update(extraction.counts())
    if progress is not None and current is not None:
        progress(1)
    if report.new or report.replaced or getattr(resolver, "merges", None) is not None:
        from kg.resolution import resolve_store

        resolve_store(store, resolver)  # people across articles: a function of the stored set
    return report


def remove_articles(store: Store, ref: str, *, resolver: PersonResolver | None = None) -> list[str]:
    """Drop the article(s) ``ref`` names (:meth:`kg.store.Store.remove_article`) and resolve the rest
    again, so that people, meetings and agreements merged with a removed report get back what their own
    articles say (``resolver``: as for an ingest; the store's merge file when None). Returns their sha256."""
    from kg.resolution import resolve_store, resolver_for

    removed = store.remove_article(ref)
    resolve_store(store, resolver if resolver is not None else resolver_for(store))
    return removed
