"""A dipkg store on a SPARQL 1.1 server: ``--store http(s)://…``.

:class:`RemoteStore` has the public interface of :class:`kg.store.Store` and keeps its layout: one
named graph per article, the reference graph, and the *merged graph* (every triple of the named
graphs once) that queries read as their default graph. It talks to the server with the SPARQL 1.1
Protocol only (queries and updates over HTTP POST, standard library ``urllib``), so it works with
Oxigraph server, Apache Jena Fuseki, Virtuoso, GraphDB and Amazon Neptune.

Writing. An article is written with one SPARQL Update request that removes its old share of the
merged graph, replaces its named graph and adds its triples to the merged graph::

    DELETE { … } WHERE { GRAPH <g> { ?s ?p ?o } FILTER NOT EXISTS { … } } ;
    DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } } ; INSERT DATA { … }

Servers run one request as one transaction (Oxigraph, Fuseki/TDB2; see docs/remote-stores.md for
the others), so an article's graph is replaced whole or not at all. Bulk ingest queues articles
and sends several in one request (``batch_articles``); every read of the store sends the queue
first, and :meth:`RemoteStore.close` sends what is left. Every request is idempotent, so one that
failed with a connection error or a 5xx answer is sent again (``retries`` times, waiting
``backoff_s``, then twice as long …) before a one-line :class:`~kg.errors.StoreError` names the
article reached and how many were stored before it.

Reading. Query results come back as pyoxigraph objects (``QuerySolutions``, ``QueryBoolean``,
an iterator of ``Triple``), parsed from the HTTP response as it arrives, so the code that reads
an embedded store reads a remote one unchanged; :attr:`RemoteStore.oxigraph` stands in for the
few ``pyoxigraph.Store`` methods the exporters use and streams quads the same way.

Where the merged graph lives. By default in the server's default graph, as in the embedded store
(Oxigraph, Fuseki). Servers whose default graph is the union of all graphs (Virtuoso, GraphDB,
Neptune) keep it in a named graph instead (``merged_graph``, ``$KG_STORE_MERGED_GRAPH``), which
queries without ``GRAPH``/``FROM`` then name as their default graph (``default-graph-uri``).

Credentials: ``https://user:password@host/…`` (HTTP Basic or Digest, as the server asks) or a
bearer token in ``$KG_STORE_TOKEN``. Neither ever appears in a message.
"""

from __future__ import annotations

import base64
import io
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from http.client import HTTPException, HTTPResponse
from typing import Any, Literal

import pyoxigraph
from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryResultsFormat,
    RdfFormat,
    Variable,
)

from kg.errors import QueryError, StoreError
from kg.store import (
    _ARTICLES_QUERY,
    StoreReads,
    _content_hash,
    article_records,
)
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

__all__ = ["DEFAULT_MERGED_GRAPH", "RemoteSettings", "RemoteStore", "is_store_url"]

DEFAULT_MERGED_GRAPH = f"{GRAPH}merged"
_RESULTS = "application/sparql-results+json"
_GRAPH_TYPES = {
    "application/n-triples": RdfFormat.N_TRIPLES,
    "text/plain": RdfFormat.N_TRIPLES,
    "text/turtle": RdfFormat.TURTLE,
    "application/x-turtle": RdfFormat.TURTLE,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/n-quads": RdfFormat.N_QUADS,
}
_ACCEPT = f"{_RESULTS}, application/n-triples;q=0.9, text/turtle;q=0.8, application/rdf+xml;q=0.5"
_TOKEN = re.compile(
    r"""
      \#[^\n]*
    | <[^<>"{}|^`\\\s]*>
    | '''(?:[^'\\]|\\.|'(?!''))*''' | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
    | '(?:[^'\\\n]|\\.)*' | "(?:[^"\\\n]|\\.)*"
    | (?P<word>[A-Za-z_][\w-]*)(?P<colon>:)?
    """,
    re.VERBOSE | re.DOTALL,
)
_DECLARED_PREFIX = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)
_ENV = {
    "token": "KG_STORE_TOKEN",
    "update_url": "KG_STORE_UPDATE_URL",
    "merged_graph": "KG_STORE_MERGED_GRAPH",
    "retries": "KG_STORE_RETRIES",
    "backoff_s": "KG_STORE_BACKOFF_S",
    "batch_articles": "KG_STORE_BATCH",
}


def is_store_url(location: object) -> bool:
    """True when a ``--store`` value names a SPARQL server rather than a folder."""
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


@dataclass(frozen=True)
class RemoteSettings:
    """How to reach and write a server; :meth:`from_env` fills what the environment says."""

    update_url: str | None = None  # default: derived from the query URL (see docs/remote-stores.md)
    token: str | None = None  # a bearer token; ignored when the URL carries user:password
    merged_graph: str | None = None  # None: the server's default graph holds the merged graph
    retries: int = 3  # tries after the first, on connection errors and 5xx answers
    backoff_s: float = 0.5  # wait before the first retry; doubled each time
    timeout_s: float = 120.0  # per socket operation (connecting, each read), not per request
    batch_articles: int = 100  # articles per update request during bulk ingest
    batch_bytes: int = 4_000_000  # …or fewer, when their data reaches this size

    @classmethod
    def from_env(cls, **overrides: Any) -> RemoteSettings:
        """Settings from ``$KG_STORE_TOKEN``, ``$KG_STORE_UPDATE_URL``, ``$KG_STORE_MERGED_GRAPH``,
        ``$KG_STORE_RETRIES``, ``$KG_STORE_BACKOFF_S`` and ``$KG_STORE_BATCH``; ``overrides`` win."""
        values: dict[str, Any] = {}
        for name, variable in _ENV.items():
            raw = os.environ.get(variable, "").strip()
            if not raw:
                continue
            if name in ("retries", "batch_articles", "backoff_s"):
                try:
                    number = float(raw) if name == "backoff_s" else int(raw)
                except ValueError:
                    raise StoreError(f"${variable}: '{raw}' is not a number") from None
                if number < 0 or (name == "batch_articles" and number < 1):
                    raise StoreError(f"${variable}: '{raw}' is out of range")
                values[name] = number
            elif name == "merged_graph":
                values[name] = None if raw == "default" else (DEFAULT_MERGED_GRAPH if raw == "named" else raw)
            else:
                values[name] = raw
        values.update(overrides)
        return cls(**values)


# ---------------------------------------------------------------- HTTP


class _Client:
    """POSTs to the query and update endpoints with retries; never shows credentials."""

    def __init__(self, url: str, settings: RemoteSettings) -> None:
        parts = urllib.parse.urlsplit(url)
        try:
            port = parts.port
        except ValueError:
            port = -1
        if not parts.hostname or port == -1:
            raise StoreError(f"--store: '{_strip_secrets(url)}' is not a URL with a host (and a port)")
        netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
        if port:
            netloc += f":{port}"
        self.query_url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
        self.update_url = settings.update_url or _update_url(self.query_url)
        self.settings = settings
        self._headers: dict[str, str] = {}
        handlers: list[urllib.request.BaseHandler] = []
        if parts.username is not None:
            user = urllib.parse.unquote(parts.username)
            password = urllib.parse.unquote(parts.password or "")
            manager = urllib.request.HTTPPasswordMgrWithPriorAuth()
            for endpoint in {self.query_url, self.update_url}:
                manager.add_password(None, endpoint, user, password, is_authenticated=False)
            handlers += [urllib.request.HTTPBasicAuthHandler(manager)]
            handlers += [urllib.request.HTTPDigestAuthHandler(manager)]
            if parts.scheme == "https":  # over TLS, send Basic credentials without waiting to be asked
                pair = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
                self._headers["Authorization"] = f"Basic {pair}"
        elif settings.token:
            self._headers["Authorization"] = f"Bearer {settings.token}"
        self._opener = urllib.request.build_opener(*handlers)

    def post(self, url: str, body: bytes, *, content_type: str, accept: str, doing: str) -> HTTPResponse:
        """POST with retries; the open response, or a one-line StoreError saying what failed."""
        settings = self.settings
        tries = settings.retries + 1
        for attempt in range(tries):
            request = urllib.request.Request(url, data=body, method="POST")
            request.add_header("Content-Type", content_type)
            request.add_header("Accept", accept)
            for name, value in self._headers.items():
                request.add_header(name, value)
            try:
                return self._opener.open(request, timeout=settings.timeout_s)
            except urllib.error.HTTPError as error:
                problem, hint = _http_problem(error, update=url == self.update_url != self.query_url)
                if error.code < 500 and error.code != 429:
                    raise _Refused(f"store {url}: {problem} while {doing}{hint}", code=error.code) from None
            except TimeoutError:
                raise StoreError(
                    f"store {url}: no answer within {settings.timeout_s:g} s while {doing}"
                ) from None
            except (urllib.error.URLError, HTTPException, ConnectionError) as error:
                reason = getattr(error, "reason", error)
                if isinstance(reason, TimeoutError):
                    raise StoreError(
                        f"store {url}: no answer within {settings.timeout_s:g} s while {doing}"
                    ) from None
                problem = f"cannot connect ({_one_line(getattr(reason, 'strerror', None) or reason)})"
            if attempt + 1 < tries:
                time.sleep(settings.backoff_s * 2**attempt)
        tried = f"after {tries} tries" if tries > 1 else "(no retries)"
        raise StoreError(f"store {url}: {problem} {tried} while {doing}")


class _Refused(StoreError):
    """The server answered with a 4xx status (kept in ``code``): sending again will not help."""

    def __init__(self, message: str, *, code: int) -> None:
        super().__init__(message)
        self.code = code


def _http_problem(error: urllib.error.HTTPError, *, update: bool = False) -> tuple[str, str]:
    """What went wrong, and a hint for the end of the message."""
    code = error.code
    detail = ""
    try:
        kind = error.headers.get_content_type() if error.headers else ""
        if kind != "text/html":
            detail = _one_line(error.read(300).decode("utf-8", "replace"))
    except (OSError, HTTPException):
        pass
    if code in (401, 403):
        return f"access denied (HTTP {code})", ": give user:password in the URL or a token in $KG_STORE_TOKEN"
    if code in (404, 405, 501) and update:
        return f"answered HTTP {code}", ": is it a SPARQL Update endpoint? (else set $KG_STORE_UPDATE_URL)"
    if code in (404, 405, 501):
        return f"answered HTTP {code}", ": is it a SPARQL endpoint?"
    return f"server answered {code}" + (f" ({detail[:200]})" if detail else ""), ""


def _strip_secrets(url: str) -> str:
    return re.sub(r"//[^/@]*@", "//", url)


def _update_url(query_url: str) -> str:
    """Oxigraph and Fuseki take updates at ``…/update`` beside ``…/query``; others at the same URL."""
    parts = urllib.parse.urlsplit(query_url)
    path = parts.path
    if path in ("", "/"):
        return urllib.parse.urlunsplit((*parts[:2], "/update", parts.query, ""))
    if path.endswith("/query"):
        return urllib.parse.urlunsplit((*parts[:2], path[: -len("query")] + "update", parts.query, ""))
    if re.search(r"/repositories/[^/]+/?$", path):  # GraphDB, RDF4J
        return urllib.parse.urlunsplit((*parts[:2], path.rstrip("/") + "/statements", parts.query, ""))
    return query_url


def _query_url(url: str) -> str:
    """An Oxigraph server's root URL stands for its ``/query`` endpoint."""
    parts = urllib.parse.urlsplit(url)
    if parts.path in ("", "/"):
        return urllib.parse.urlunsplit((*parts[:2], "/query", parts.query, ""))
    return url


# ---------------------------------------------------------------- SPARQL text


def _words(sparql: str) -> Iterator[str]:
    """The keywords and names of a query, outside IRIs, strings and comments, upper-cased."""
    for match in _TOKEN.finditer(sparql):
        if match.group("word") and not match.group("colon"):
            yield match.group("word").upper()


def _with_prefixes(sparql: str, prefixes: dict[str, str] | None) -> str:
    if not prefixes:
        return sparql
    declared = {name or "" for name in _DECLARED_PREFIX.findall(sparql)}
    lines = [f"PREFIX {name}: <{iri}> " for name, iri in prefixes.items() if name not in declared]
    return "".join([*lines, sparql])  # on the first line, so the server's line numbers stay right


def _with_values(sparql: str, substitutions: dict[Variable, Any] | None) -> str:
    """Pre-bound variables as a trailing ``VALUES`` clause (terms in N-Triples syntax, never pasted text)."""
    if not substitutions:
        return sparql
    names = " ".join(f"?{variable.value}" for variable in substitutions)
    terms = " ".join(str(term) for term in substitutions.values())
    return f"{sparql}\nVALUES ({names}) {{ ({terms}) }}"


def _triples_text(quads: Sequence[Quad]) -> str:
    return "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


# ---------------------------------------------------------------- the store


@dataclass
class _Pending:
    graph: str
    quads: list[Quad]
    label: str
    size: int
    new: bool  # not in the store when it was queued: nothing to remove first


class RemoteStore(StoreReads):
    """A dipkg store on a SPARQL 1.1 server. Open one with :meth:`RemoteStore.open`."""

    path = None  # not a folder

    def __init__(self, url: str, *, read_only: bool = False, settings: RemoteSettings | None = None):
        self.settings = settings or RemoteSettings()
        self._client = _Client(_query_url(url), self.settings)
        self.url = self._client.query_url
        self.read_only = read_only
        self._merged_graph = self.settings.merged_graph
        self._pending: list[_Pending] = []
        self._pending_bytes = 0
        self._stored = 0  # articles this object wrote
        self._closed = False
        # as Store.timings: None, or (operation, seconds, rows) per store operation when profiling
        self.timings: list[tuple[str, float, int | None]] | None = (
            [] if os.environ.get("KG_PROFILE") else None
        )

    @classmethod
    def open(cls, url: str, *, read_only: bool = False, **settings: Any) -> RemoteStore:
        """Connect to the SPARQL endpoint ``url`` and check that it answers SPARQL.

        ``settings`` override :class:`RemoteSettings` and the environment. Raises
        :class:`StoreError` when the server is down or the URL is not a SPARQL endpoint.
        """
        store = cls(url, read_only=read_only, settings=RemoteSettings.from_env(**settings))
        store.check()
        return store

    def check(self) -> None:
        """Ask the server ``ASK {}``; a one-line StoreError unless it answers like a SPARQL endpoint."""
        result = self._query("ASK {}", doing="connecting")
        if not isinstance(result, pyoxigraph.QueryBoolean):
            raise StoreError(f"store {self.url}: answered ASK with something else: is it a SPARQL endpoint?")

    @property
    def oxigraph(self) -> RemoteDataset:
        """The few ``pyoxigraph.Store`` methods exporters and statistics use, over HTTP."""
        self.flush()
        return RemoteDataset(self)

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r}{', read_only=True' if self.read_only else ''})"

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Send the articles still queued; the store cannot be used afterwards."""
        if self._closed:
            return
        try:
            self.flush()
        finally:
            self._closed = True

    def _open(self) -> None:
        if self._closed:
            raise StoreError(f"store {self.url} is closed")

    # -------------------------------------------------------- reading

    def query(self, sparql: str, **options: Any) -> Any:
        """Run a SPARQL query over the merged graph; pyoxigraph results, parsed as they arrive.

        Takes pyoxigraph's ``prefixes`` and ``substitutions`` (sent as a trailing ``VALUES``);
        ``use_default_graph_as_union`` is accepted and has no effect: the default graph of a
        remote store is the merged graph, the union of the article graphs as a set.
        """
        self._open()
        self.flush()
        prefixes = options.pop("prefixes", None)
        substitutions = options.pop("substitutions", None)
        options.pop("use_default_graph_as_union", None)
        if options:
            raise QueryError(f"a remote store does not take the query option(s) {', '.join(sorted(options))}")
        text = _with_values(_with_prefixes(sparql, prefixes), substitutions)
        start = time.perf_counter()
        results = self._query(text, doing="running a query", user=True)
        self.record("store.query: send, and wait for the first bytes of the answer", start)
        return results

    def _query(self, sparql: str, *, doing: str, user: bool = False) -> Any:
        fields = {"query": sparql}
        words = set(_words(sparql))
        if self._merged_graph and not words & {"GRAPH", "FROM"}:
            fields["default-graph-uri"] = self._merged_graph
        body = urllib.parse.urlencode(fields).encode("utf-8")
        try:
            response = self._client.post(
                self.url,
                body,
                content_type="application/x-www-form-urlencoded",
                accept=_ACCEPT,
                doing=doing,
            )
        except _Refused as error:
            if user and error.code == 400:
                raise QueryError(f"the server refused the query: {error}") from None
            raise
        kind = response.headers.get_content_type()
        stream = io.BufferedReader(response, 1 << 16)  # the parsers read in small pieces
        if kind in (_RESULTS, "application/json"):
            return pyoxigraph.parse_query_results(stream, QueryResultsFormat.JSON)
        if kind == "application/sparql-results+xml":
            return pyoxigraph.parse_query_results(stream, QueryResultsFormat.XML)
        if kind in _GRAPH_TYPES:
            return (quad.triple for quad in pyoxigraph.parse(stream, _GRAPH_TYPES[kind]))
        response.close()
        raise StoreError(
            f"store {self.url}: answered {kind or 'without a content type'}, not SPARQL results, "
            f"while {doing}: is it a SPARQL endpoint?"
        )

    def _rows(
        self, sparql: str, *, doing: str = "reading the store", flush: bool = True
    ) -> list[dict[str, Any]]:
        self._open()
        if flush:
            self.flush()
        try:
            results = self._query(sparql, doing=doing)
            names = [v.value for v in results.variables]
            return [{n: row[n] for n in names if row[n] is not None} for row in results]
        except (OSError, SyntaxError, ValueError) as error:
            raise StoreError(
                f"store {self.url}: unreadable answer while {doing}: {_one_line(error)}"
            ) from None

    def graph_quads(self, graph: str, *, doing: str = "reading the store") -> set[Quad]:
        pending = self._pending_of(graph)
        if pending is not None:
            return set(pending.quads)
        node = NamedNode(graph)
        # a graph no queued article touches: no need to send the queue first
        rows = self._rows(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", doing=doing, flush=False
        )
        return {Quad(r["s"], r["p"], r["o"], node) for r in rows}

    def has_article(self, sha256: str) -> bool:
        graph = article_graph(sha256)
        if self._pending_of(graph) is not None:
            return True
        return bool(self._rows(f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} LIMIT 1", flush=False))

    def named_graphs(self) -> list[NamedNode]:
        """The named graphs (articles and reference; never the merged graph)."""
        rows = self._rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return [r["g"] for r in rows if isinstance(r["g"], NamedNode) and r["g"].value != self._merged_graph]

    def article_shas(self) -> list[str]:
        """sha256 of every stored article, sorted."""
        rows = self._rows(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a a <{PREFIXES['dip']}Article> }} "
            f'FILTER(STRSTARTS(STR(?g), "{GRAPH}article/")) }}'
        )
        shas = (sha256_of_graph(r["g"].value) for r in rows)
        return sorted(s for s in shas if s)

    def articles(self) -> list[dict[str, str]]:
        """One dict per stored article: sha256, source, title, lang, issued (missing keys omitted)."""
        return article_records(self._rows(_ARTICLES_QUERY))

    def quad_count(self) -> int:
        """Quads in the named graphs (the merged graph is an index of them, not counted)."""
        skip = f"FILTER(?g != <{self._merged_graph}>)" if self._merged_graph else ""
        rows = self._rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {skip} }}")
        return int(rows[0]["n"].value) if rows else 0

    def article_state(
        self, sha256: str, quads: Sequence[Quad], *, doing: str = "reading the store"
    ) -> Literal["new", "unchanged", "changed"]:
        """Compare the stored graph of an article with new quads: new, unchanged or changed."""
        stored = self.graph_quads(article_graph(sha256), doing=doing)
        if not stored:
            return "new"
        return "unchanged" if stored == set(quads) else "changed"

    # -------------------------------------------------------- writing

    def _writable(self) -> None:
        self._open()
        if self.read_only:
            raise StoreError(f"store {self.url} is open read-only")

    def _pending_of(self, graph: str) -> _Pending | None:
        return next((p for p in self._pending if p.graph == graph), None)

    def _merged_target(self, body: str) -> str:
        return f"GRAPH <{self._merged_graph}> {{ {body} }}" if self._merged_graph else body

    def _replace(self, graph: str, quads: Sequence[Quad]) -> str:
        """The update that replaces one named graph and its share of the merged graph."""
        return (
            f"{self._unmerge(graph)} ;\nDROP SILENT GRAPH <{graph}> ;\n"
            f"INSERT DATA {{ GRAPH <{graph}> {{\n{_triples_text(quads)}\n}} }} ;\n"
            f"INSERT DATA {{ {self._merged_target(_triples_text(quads))} }}"
        )

    def _insert(self, graph: str, quads: Sequence[Quad]) -> str:
        """The update that adds a new named graph and its triples to the merged graph (one operation)."""
        text = _triples_text(quads)
        return f"INSERT DATA {{ GRAPH <{graph}> {{\n{text}\n}}\n{self._merged_target(text)} }}"

    def _unmerge(self, graph: str) -> str:
        others = f"?other != <{graph}> && ?other != <{DERIVED_GRAPH}>"
        if self._merged_graph:
            others += f" && ?other != <{self._merged_graph}>"
        return (
            f"DELETE {{ {self._merged_target('?s ?p ?o')} }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER({others}) }} }}"
        )

    def _update(self, sparql: str, *, doing: str) -> None:
        response = self._client.post(
            self._client.update_url,
            sparql.encode("utf-8"),
            content_type="application/sparql-update; charset=utf-8",
            accept="*/*",
            doing=doing,
        )
        with response:
            response.read()

    def put_article(self, sha256: str, quads: Sequence[Quad]) -> Literal["new", "unchanged", "replaced"]:
        """Queue an article's quads as its named graph; sent whole, with the next batch or read."""
        self._writable()
        graph = article_graph(sha256)
        node = NamedNode(graph)
        if any(q.graph_name != node for q in quads):
            raise ValueError(f"put_article: every quad must be in the graph <{graph}>")
        label = _label(sha256, quads)
        doing = f"reading article {label} ({self._stored} written before are stored)"
        state = self.article_state(sha256, quads, doing=doing)
        if state == "unchanged":
            return "unchanged"
        queued = self._pending_of(graph)
        if queued is not None:
            self._pending.remove(queued)
            self._pending_bytes -= queued.size
        size = sum(len(str(q)) for q in quads)
        new = queued.new if queued is not None else state == "new"
        self._pending.append(_Pending(graph, list(quads), label, size, new))
        self._pending_bytes += size
        settings = self.settings
        if len(self._pending) >= settings.batch_articles or self._pending_bytes >= settings.batch_bytes:
            self.flush()
        return "new" if state == "new" else "replaced"

    def flush(self) -> None:
        """Send the queued articles in one update request (all of them, or none on failure)."""
        if not self._pending:
            return
        batch, self._pending, self._pending_bytes = self._pending, [], 0
        first = batch[0].label
        what = f"article {first}" if len(batch) == 1 else f"articles {first} … {batch[-1].label}"
        count = f"{len(batch)} in one request, none of them stored; " if len(batch) > 1 else ""
        doing = f"writing {what} ({count}{self._stored} written before are stored)"
        steps = (self._insert(p.graph, p.quads) if p.new else self._replace(p.graph, p.quads) for p in batch)
        self._update(" ;\n".join(steps), doing=doing)
        self._stored += len(batch)

    def ensure_reference(self, quads: Sequence[Quad] | None = None) -> bool:
        """Write the reference graph when it is missing or out of date; True when it was written."""
        if quads is None:
            from kg.rdf import reference_quads

            quads = reference_quads()
        digest = _content_hash(quads)
        rows = self._rows(
            f"SELECT ?h WHERE {{ GRAPH <{REFERENCE_GRAPH}> {{ <{REFERENCE_GRAPH}> <{SCHEMA.sha256.value}> ?h }} }}"
        )
        if {r["h"].value for r in rows} == {digest}:
            return False
        self._writable()
        graph = NamedNode(REFERENCE_GRAPH)
        marker = [
            Quad(graph, SCHEMA.sha256, pyoxigraph.Literal(digest), graph),
            Quad(graph, DCT.title, pyoxigraph.Literal("dipkg reference data"), graph),
        ]
        self._update(self._replace(REFERENCE_GRAPH, [*quads, *marker]), doing="writing the reference graph")
        return True

    def put_graph(self, graph: str, quads: Sequence[Quad]) -> bool:
        """Replace the named graph ``graph`` (not an article's, not the reference graph) by ``quads``,
        outside the merged graph, in one request; True when its content changed (as
        :meth:`kg.store.Store.put_graph`)."""
        self._writable()
        if sha256_of_graph(graph) is not None or graph == REFERENCE_GRAPH:
            raise ValueError(f"put_graph: <{graph}> is an article or the reference graph")
        node = NamedNode(graph)
        if any(q.graph_name != node for q in quads):
            raise ValueError(f"put_graph: every quad must be in the graph <{graph}>")
        self.flush()
        if self.graph_quads(graph) == set(quads):
            return False
        steps = [f"DROP SILENT GRAPH <{graph}>"]
        if quads:
            steps.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{_triples_text(quads)}\n}} }}")
        self._update(" ;\n".join(steps), doing=f"writing the graph <{graph}>")
        return True

    def remove_article(self, ref: str) -> list[str]:
        """Drop the graph(s) of the article(s) ``ref`` names, as :meth:`kg.store.Store.remove_article`."""
        self._writable()
        self.flush()
        shas = self._match(ref)
        if not shas:
            raise StoreError(f"no stored article matches '{ref}': nothing removed")
        steps = [f"{self._unmerge(article_graph(s))} ;\nDROP SILENT GRAPH <{article_graph(s)}>" for s in shas]
        self._update(" ;\n".join(steps), doing=f"removing {len(shas)} article(s)")
        return shas


def _label(sha256: str, quads: Sequence[Quad]) -> str:
    """How an error names an article: its ``dip:source``, else the start of its sha256."""
    source = f"{PREFIXES['dip']}source"
    for q in quads:
        if q.predicate.value == source:
            return q.object.value
    return sha256[:12]


class RemoteDataset:
    """Stands in for ``pyoxigraph.Store`` where the library reads one directly (export, stats).

    Quads are streamed from the server; the merged graph shows as the default graph, as it does
    in the embedded store.
    """

    def __init__(self, store: RemoteStore) -> None:
        self._store = store

    def query(self, sparql: str, **options: Any) -> Any:
        return self._store.query(sparql, **options)

    def named_graphs(self) -> Iterator[NamedNode]:
        return iter(self._store.named_graphs())

    def contains_named_graph(self, graph: NamedNode) -> bool:
        store = self._store
        return bool(store._rows(f"SELECT ?s WHERE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }} LIMIT 1"))

    def quads_for_pattern(
        self, subject: Any, predicate: Any, obj: Any, graph_name: Any = None
    ) -> Iterator[Quad]:
        """Quads matching the pattern (``None`` matches anything), read as they arrive."""
        merged = self._store._merged_graph  # noqa: SLF001
        terms = [
            t if t is not None else f"?{n}" for n, t in zip("spo", (subject, predicate, obj), strict=True)
        ]
        pattern = " ".join(str(t) for t in terms) + " ."
        project = "?s ?p ?o ?g"
        if isinstance(graph_name, DefaultGraph):
            where = f"GRAPH <{merged}> {{ {pattern} }}" if merged else pattern
        elif isinstance(graph_name, NamedNode):
            where = f"GRAPH {graph_name} {{ {pattern} }}"
        elif merged:
            where = f"GRAPH ?g {{ {pattern} }}"
        else:
            where = f"{{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} }}"
        sparql = f"SELECT {project} WHERE {{ {where} }}"
        return _quads(self._store, sparql, (subject, predicate, obj, graph_name), merged)

    def __iter__(self) -> Iterator[Quad]:
        """The quads of the named graphs only: the merged graph is an index of them, and
        streaming it too would double what an export reads."""
        merged = self._store._merged_graph  # noqa: SLF001
        skip = f" FILTER(?g != <{merged}>)" if merged else ""
        sparql = f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }}{skip} }}"
        return _quads(self._store, sparql, (None, None, None, None), merged)

    def __len__(self) -> int:
        named = "GRAPH ?g { ?s ?p ?o }"
        where = named if self._store._merged_graph else f"{{ ?s ?p ?o }} UNION {{ {named} }}"  # noqa: SLF001
        rows = self._store._rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")  # noqa: SLF001
        return int(rows[0]["n"].value) if rows else 0


def _quads(store: RemoteStore, sparql: str, pattern: tuple[Any, ...], merged: str | None) -> Iterator[Quad]:
    subject, predicate, obj, graph_name = pattern
    fixed = graph_name if isinstance(graph_name, NamedNode) else None
    for row in store._query(sparql, doing="reading quads"):  # noqa: SLF001
        graph = fixed or row["g"]
        if graph is None or (merged and graph.value == merged) or isinstance(graph_name, DefaultGraph):
            graph = DefaultGraph()
        yield Quad(
            row["s"] if subject is None else subject,
            row["p"] if predicate is None else predicate,
            row["o"] if obj is None else obj,
            graph,
        )
