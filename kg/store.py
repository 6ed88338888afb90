"""The store: an embedded Oxigraph database on disk, one named graph per article.

Atomicity (checked against Oxigraph 0.5's ``Store::update_opt``, which runs the whole request
in one ``storage.transaction``, and pyoxigraph's documentation: "Updates are applied in a
transactional manner: either the full operation succeeds, or nothing is written"):

* a new article is written with ``Store.extend`` (one transaction);
* a changed article, and the reference graph, are replaced with one SPARQL UPDATE request
  ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }``, which is one transaction too;
* removing articles is one ``DROP GRAPH`` request.

So a crash or Ctrl-C between two articles leaves every earlier article whole, and no article is
ever half written.

The merged graph. Oxigraph's union of named graphs is a multiset: a meeting reported by 300
articles has each of its triples 300 times, and a query joining five of its patterns meets
300^5 combinations (a 2,000-article store left saved queries running for minutes). So the store
also keeps every triple of every named graph once in its default graph, updated in the same
transaction as the article: a new article adds its triples; replacing or removing one first
deletes those of its triples that no other graph states. Queries read that default graph, which
is the union as a set; ``GRAPH ?g { … }`` still reaches each article. Exports of datasets (TriG,
N-Quads, JSON-LD) write the named graphs only. A store written before the merged graph existed is
brought up to date when it is next opened for writing (read-only, it is queried as a union).
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import pyoxigraph
from pyoxigraph import DefaultGraph, NamedNode, Quad

from kg.errors import InputError, StoreError
from kg.vocab import (
    DCT,
    DERIVED_GRAPH,
    GRAPH,
    PREFIXES,
    REFERENCE_GRAPH,
    SCHEMA,
    article_graph,
    sha256_of_graph,
)

__all__ = [
    "ArticleState",
    "DEFAULT_STORE",
    "Store",
    "StoreReads",
    "article_records",
    "format_timings",
    "open_store",
    "resolve_store_path",
]

DEFAULT_STORE = Path(".dipkg") / "store"
ArticleState = Literal["new", "unchanged", "changed"]

_HEX = re.compile(r"^[0-9a-f]{8,64}$")
_JSONL_LINE = re.compile(r"#\d+$")
_ARTICLES_QUERY = f"""
PREFIX dip: <{PREFIXES["dip"]}>
PREFIX dct: <{PREFIXES["dct"]}>
SELECT ?g ?sha ?source ?title ?lang ?issued WHERE {{
  GRAPH ?g {{
    ?a a dip:Article ; dip:sha256 ?sha .
    OPTIONAL {{ ?a dip:source ?source }}
    OPTIONAL {{ ?a dct:title ?title }}
    OPTIONAL {{ ?a dct:language ?lang }}
    OPTIONAL {{ ?a dct:issued ?issued }}
  }}
  FILTER(STRSTARTS(STR(?g), "{GRAPH}article/"))
}}
"""


def resolve_store_path(option: str | os.PathLike[str] | None) -> Path:
    """The store folder: the ``--store`` option, else ``$KG_STORE``, else ``./.dipkg/store``."""
    if option:
        return Path(option)
    env = os.environ.get("KG_STORE")
    return Path(env) if env else DEFAULT_STORE


def open_store(location: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Any:
    """The store ``location`` names (a folder, or a SPARQL endpoint ``http(s)://…``; default as
    :func:`resolve_store_path`): a :class:`Store` or a :class:`kg.remote.RemoteStore`."""
    raw = str(location) if location else os.environ.get("KG_STORE", "")
    if raw.lower().startswith(("http://", "https://")):
        from kg.remote import RemoteStore

        return RemoteStore.open(raw, read_only=read_only)
    return Store.open(resolve_store_path(location), read_only=read_only)


def format_timings(timings: Sequence[tuple[str, float, int | None]]) -> str:
    """What ``kg query --profile`` prints: one line per timed store operation (:attr:`Store.timings`)."""
    lines = []
    for operation, seconds, rows in timings:
        count = "" if rows is None else f", {rows:,} rows"
        lines.append(f"profile: {operation}: {seconds * 1000:,.1f} ms{count}\n")
    return "".join(lines)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _insert_data(graph: str, quads: Sequence[Quad]) -> str:
    """``INSERT DATA`` for quads; pyoxigraph writes terms in N-Triples syntax, which SPARQL accepts."""
    body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}"


def _insert_merged(quads: Sequence[Quad]) -> str:
    """``INSERT DATA`` of the quads' triples into the merged default graph."""
    body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return f"INSERT DATA {{\n{body}\n}}"


def _unmerge(graph: str) -> str:
    """Delete from the merged default graph the triples of ``graph`` that no other named graph states."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{graph}>) }} }}"
    )


def _content_hash(quads: Sequence[Quad]) -> str:
    digest = hashlib.sha256()
    for line in sorted(str(q) for q in quads):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


class _Closed:
    """Stands in for the database of a closed store: any use is a one-line StoreError."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def __getattr__(self, name: str) -> Any:
        raise StoreError(f"store {self._path} is closed")

    def __len__(self) -> int:
        raise StoreError(f"store {self._path} is closed")


def article_records(rows: Sequence[dict[str, Any]]) -> list[dict[str, str]]:
    """Rows of the articles query as one dict per article (sha256, source, title, lang, issued;
    missing keys omitted), sorted by source."""
    seen: dict[str, dict[str, str]] = {}
    for row in rows:
        item = {"sha256": row["sha"].value}
        for key in ("source", "title", "lang", "issued"):
            if key in row:
                item[key] = row[key].value
        seen.setdefault(item["sha256"], item)
    return sorted(seen.values(), key=lambda a: (a.get("source", ""), a["sha256"]))


class StoreReads:
    """What the embedded :class:`Store` and :class:`kg.remote.RemoteStore` share, written once over
    their ``query``, ``article_shas`` and ``articles``: rows as dicts, profiling, article lookup."""

    timings: list[tuple[str, float, int | None]] | None

    def select(self, sparql: str, **options: Any) -> list[dict[str, Any]]:
        """Rows of a SELECT query as dicts of variable name -> pyoxigraph term (unbound omitted)."""
        start = time.perf_counter()
        results = self.query(sparql, **options)
        names = [v.value for v in results.variables]
        rows = [{n: row[n] for n in names if row[n] is not None} for row in results]
        self.record("select: query and read the rows", start, len(rows))
        return rows

    def record(self, operation: str, start: float, rows: int | None = None) -> None:
        """When profiling, add ``(operation, seconds since start, rows)`` to :attr:`timings`
        (``start`` is a :func:`time.perf_counter` reading); readers of lazy results call it too."""
        if self.timings is not None:
            self.timings.append((operation, time.perf_counter() - start, rows))

    def _match(self, ref: str) -> list[str]:
        stored = self.article_shas()
        key = ref.strip().lower()
        if _HEX.match(key):
            hits = [sha for sha in stored if sha.startswith(key)]
            if len(hits) > 1:
                raise StoreError(f"'{ref}' matches {len(hits)} articles: give more digits of the sha256")
            if hits:
                return hits
        target = _resolved(ref)
        hits = {
            a["sha256"]
            for a in self.articles()
            if "source" in a and (a["source"] == ref or (target and _source_file(a["source"]) == target))
        }
        if not hits and Path(ref).is_file():
            hits = set(_file_shas(Path(ref))) & set(stored)
        return sorted(hits)


class Store(StoreReads):
    """A dipkg store. Open one with :meth:`Store.open` (on disk) or :meth:`Store.in_memory`."""

    def __init__(self, oxigraph: pyoxigraph.Store, *, path: Path | None = None, read_only: bool = False):
        self._store = oxigraph
        self.path = path
        self.read_only = read_only
        # Where the time goes: None, or (operation, seconds, rows) per store operation when profiling
        # (KG_PROFILE=1 in the environment, or a caller sets ``store.timings = []``).
        self.timings: list[tuple[str, float, int | None]] | None = (
            [] if os.environ.get("KG_PROFILE") else None
        )
        self._merged = self._has_merged_graph()
        if not self._merged and not read_only and any(True for _ in oxigraph.named_graphs()):
            self._merge_all()

    # -------------------------------------------------------- opening

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> Store:
        """Open (and, unless read-only, create) the store folder ``path``.

        Raises :class:`StoreError` when the folder holds something other than an Oxigraph
        database, is in use by another process, or (read-only) does not exist.
        """
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise StoreError(f"store {path} is not a folder")
        if path.is_dir() and any(path.iterdir()) and not (path / "CURRENT").is_file():
            raise StoreError(f"{path} is not a dipkg store (a non-empty folder without an Oxigraph database)")
        if read_only and not (path / "CURRENT").is_file():
            raise StoreError(f"no store at {path} (run `kg ingest` first, or pass --store)")
        try:
            if read_only:
                oxigraph = pyoxigraph.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                oxigraph = pyoxigraph.Store(str(path))
        except (OSError, RuntimeError) as error:  # RocksDB reports a folder changing under it as RuntimeError
            message = _one_line(error)
            if "lock" in message.lower():
                raise StoreError(
                    f"store {path} is in use by another process (is a `kg ingest` running?)"
                ) from error
            if read_only and isinstance(error, RuntimeError):
                raise StoreError(
                    f"store {path} changed while it was being opened (is a `kg ingest` running?): {message}"
                ) from error
            raise StoreError(f"cannot open store {path}: {message}") from error
        return cls(oxigraph, path=path, read_only=read_only)

    @classmethod
    def in_memory(cls) -> Store:
        """A store that lives in memory only (tests, benchmarks)."""
        return cls(pyoxigraph.Store())

    @property
    def oxigraph(self) -> pyoxigraph.Store:
        """The underlying :class:`pyoxigraph.Store`, for read access (viz, benchmarks)."""
        return self._store

    def __repr__(self) -> str:
        where = str(self.path) if self.path else "memory"
        return f"Store({where!r}{', read_only=True' if self.read_only else ''})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush writes to disk and release the database, so that the folder can be opened again.

        pyoxigraph has no ``close()``: it releases a database when the last reference to it goes.
        So the store drops its reference here; a traceback or a caller that still holds this object
        no longer keeps the database (and its lock) open. An in-memory store is left as it is.
        """
        if self.path is None or isinstance(self._store, _Closed):
            return
        try:
            if not self.read_only:
                self._store.flush()
        except OSError as error:
            raise StoreError(f"cannot flush store {self.path}: {_one_line(error)}") from error
        finally:
            self._store = _Closed(self.path)

    # -------------------------------------------------------- the merged graph

    def _has_merged_graph(self) -> bool:
        """True when the default graph holds the merged triples (or the store is empty)."""
        store = self._store
        if next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None:
            return True
        return next(iter(store.named_graphs()), None) is None

    def _merge_all(self) -> None:
        """Build the merged default graph of a store written before it existed (one transaction)."""
        self._update(
            f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{DERIVED_GRAPH}>) }}"
        )
        self._merged = True

    # -------------------------------------------------------- reading

    def query(self, sparql: str, **options: Any) -> Any:
        """Run a SPARQL query over the merged graph (the union of all graphs, each triple once)."""
        options.setdefault("use_default_graph_as_union", not self._merged)
        start = time.perf_counter()
        try:
            results = self._store.query(sparql, **options)
        except (OSError, RuntimeError) as error:
            raise StoreError(f"cannot read store {self._where()}: {_one_line(error)}") from error
        self.record("store.query: parse and plan (sorted or grouped results are computed here too)", start)
        return results

    def graph_quads(self, graph: str) -> set[Quad]:
        return set(self._store.quads_for_pattern(None, None, None, NamedNode(graph)))

    def has_article(self, sha256: str) -> bool:
        return self._store.contains_named_graph(NamedNode(article_graph(sha256)))

    def article_shas(self) -> list[str]:
        """sha256 of every stored article, sorted."""
        shas = (sha256_of_graph(g.value) for g in self._store.named_graphs() if isinstance(g, NamedNode))
        return sorted(s for s in shas if s)

    def articles(self) -> list[dict[str, str]]:
        """One dict per stored article: sha256, source, title, lang, issued (missing keys omitted)."""
        return article_records(self.select(_ARTICLES_QUERY, use_default_graph_as_union=False))

    def quad_count(self) -> int:
        """Quads in the named graphs (the merged default graph is an index of them, not counted)."""
        if not self._merged:
            return len(self._store)
        rows = self._store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", use_default_graph_as_union=False
        )
        return len(self._store) - int(next(iter(rows))["n"].value)

    def article_state(self, sha256: str, quads: Sequence[Quad]) -> ArticleState:
        """Compare the stored graph of an article with new quads: new, unchanged or changed."""
        graph = article_graph(sha256)
        if not self._store.contains_named_graph(NamedNode(graph)):
            return "new"
        return "unchanged" if self.graph_quads(graph) == set(quads) else "changed"

    # -------------------------------------------------------- writing

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self._where()} is open read-only")

    def _where(self) -> str:
        return str(self.path) if self.path else "in memory"

    def _update(self, sparql: str) -> None:
        start = time.perf_counter()
        try:
            self._store.update(sparql)
        except (OSError, SyntaxError) as error:
            raise StoreError(f"cannot write store {self._where()}: {_one_line(error)}") from error
        self.record("update", start)

    def _replace_graph(self, graph: str, quads: Sequence[Quad]) -> None:
        """Replace one named graph by ``quads``, and its share of the merged graph, in a single transaction."""
        self._update(
            f"{_unmerge(graph)} ;\nDROP SILENT GRAPH <{graph}> ;\n{_insert_data(graph, quads)} ;\n{_insert_merged(quads)}"
        )
        self._merged = True

    def put_article(self, sha256: str, quads: Sequence[Quad]) -> Literal["new", "unchanged", "replaced"]:
        """Store an article's quads as its named graph, atomically; ingesting it again changes nothing."""
        self._writable()
        graph = article_graph(sha256)
        node = NamedNode(graph)
        if any(q.graph_name != node for q in quads):
            raise ValueError(f"put_article: every quad must be in the graph <{graph}>")
        state = self.article_state(sha256, quads)
        if state == "unchanged":
            return "unchanged"
        if state == "new":
            merged = [Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in quads]
            start = time.perf_counter()
            try:
                self._store.extend([*quads, *merged])  # one transaction: the article and its merged triples
            except OSError as error:
                raise StoreError(f"cannot write store {self._where()}: {_one_line(error)}") from error
            self.record("put_article: write a new article and its merged triples", start, len(quads))
            self._merged = True
            return "new"
        self._replace_graph(graph, quads)
        return "replaced"

    def patch_article(self, sha256: str, removed: Sequence[Quad], added: Sequence[Quad]) -> None:
        """Change a few quads of a stored article graph, and the merged graph, in one transaction
        (``kg resolve`` renaming people and meetings; cheaper than replacing the whole graph)."""
        self._writable()
        graph = article_graph(sha256)
        if any(q.graph_name != NamedNode(graph) for q in [*removed, *added]):
            raise ValueError(f"patch_article: every quad must be in the graph <{graph}>")
        steps = []
        if removed:
            body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in removed)
            rows = "\n".join(f"({q.subject} {q.predicate} {q.object})" for q in removed)
            steps.append(f"DELETE DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")
            steps.append(
                f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{\n{rows}\n}} "
                f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} }} }}"
            )
        if added:
            steps.append(_insert_data(graph, added))
            steps.append(_insert_merged(added))
        if steps:
            self._update(" ;\n".join(steps))

    def ensure_reference(self, quads: Sequence[Quad] | None = None) -> bool:
        """Write the reference graph when it is missing or out of date; True when it was written.

        Its content hash is kept in the graph itself as ``<…/graph/reference> schema:sha256 "…"``.
        """
        if quads is None:
            from kg.rdf import reference_quads

            quads = reference_quads()
        digest = _content_hash(quads)
        graph = NamedNode(REFERENCE_GRAPH)
        stored = {q.object.value for q in self._store.quads_for_pattern(graph, SCHEMA.sha256, None, graph)}
        if stored == {digest}:
            return False
        self._writable()
        marker = [
            Quad(graph, SCHEMA.sha256, pyoxigraph.Literal(digest), graph),
            Quad(graph, DCT.title, pyoxigraph.Literal("dipkg reference data"), graph),
        ]
        self._replace_graph(REFERENCE_GRAPH, [*quads, *marker])
        return True

    def put_graph(self, graph: str, quads: Sequence[Quad]) -> bool:
        """Replace the named graph ``graph`` (not an article's, not the reference graph) by ``quads``
        in one transaction, *outside* the merged default graph; True when its content changed.

        For graphs computed from the others, such as ``…/graph/derived`` (:mod:`kg.derive`): queries
        read them with ``GRAPH <…> { … }``, and the merged graph never holds their triples.
        """
        self._writable()
        if sha256_of_graph(graph) is not None or graph == REFERENCE_GRAPH:
            raise ValueError(f"put_graph: <{graph}> is an article or the reference graph")
        node = NamedNode(graph)
        if any(q.graph_name != node for q in quads):
            raise ValueError(f"put_graph: every quad must be in the graph <{graph}>")
        if self.graph_quads(graph) == set(quads):
            return False
        steps = [f"DROP SILENT GRAPH <{graph}>"]
        if quads:
            steps.append(_insert_data(graph, quads))
        self._update(" ;\n".join(steps))
        return True

    def remove_article(self, ref: str) -> list[str]:
        """Drop the graph(s) of the article(s) ``ref`` names; returns their sha256, sorted.

        ``ref`` is a sha256 (or a unique prefix of at least 8 hex digits), the source path an
        article was read from (``dip:source``), or a file whose articles are stored. Nothing else
        is touched; when nothing matches, :class:`StoreError` says so and nothing is removed.
        """
        self._writable()
        shas = self._match(ref)
        if not shas:
            raise StoreError(f"no stored article matches '{ref}': nothing removed")
        steps = [f"{_unmerge(article_graph(sha))} ;\nDROP GRAPH <{article_graph(sha)}>" for sha in shas]
        self._update(" ;\n".join(steps))
        return shas


def _source_file(source: str) -> Path | None:
    """The file a ``dip:source`` names: ``corpus.jsonl#3`` -> ``corpus.jsonl``, resolved."""
    return _resolved(_JSONL_LINE.sub("", source))


def _resolved(path: str) -> Path | None:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError, ValueError):
        return None


def _file_shas(path: Path) -> list[str]:
    """sha256 of the articles a file holds, as ``kg.sources`` reads them."""
    from kg.model import Article
    from kg.sources import iter_articles

    try:
        return [item.sha256 for item in iter_articles([path]) if isinstance(item, Article)]
    except InputError:
        return []
