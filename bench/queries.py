"""Saved queries on 1 million triples: embedded Oxigraph (on disk, in memory), rdflib, and Oxigraph over HTTP.

    .venv/bin/python bench/queries.py                        # build (or --reuse) the store, time every query
    .venv/bin/python bench/queries.py --reuse --write docs/benchmarks.md
    .venv/bin/python bench/queries.py --articles 20 --runs 2 # a smoke run

The store is built through the real pipeline: the synthetic articles of bench/ingest.py (same
generator, same seed) go through ``kg.ingest.ingest_articles`` into an on-disk store, batch after
batch, until its merged default graph (the graph the queries read, every triple once) holds at
least ``--min-triples`` triples. The store and an N-Quads dump of it (named graphs and the merged
graph) are cached in ``--workdir`` (default ``out/bench-queries/``); ``--reuse`` takes them from
there when they were built with the same arguments.

Then every ``queries/*.rq`` (globbed at run time) runs on four backends, one after the other:

* ``disk``: ``kg.store.Store.open(path, read_only=True)`` and ``kg.query.run_query``, as ``kg query``;
* ``memory``: the same quads loaded into ``pyoxigraph.Store()``, through ``run_query`` too;
* ``rdflib``: an ``rdflib.Dataset`` with the same quads (its default graph is the merged graph);
* ``http``: Oxigraph's own server (``oxigraph serve-read-only``, what ``kg serve`` runs) on the
  store folder, over loopback, SPARQL JSON results parsed.

A query that declares ``# page: N`` (a listing ``kg query`` shows a page at a time) is also timed
on disk with the ``LIMIT`` that ``kg query`` adds (``kg.query.page_query``): the "disk first page"
column. Every other column is the whole result, so the cost of a full listing stays in view.

Each query gets one warm-up run, then ``--runs`` timed runs, in a child process that is killed
when one run takes longer than ``--timeout`` seconds (reported as ``> N s``); runs stop early
when they add up to more than ``--budget`` seconds. Queries that declare parameters
(``# param:`` header lines) are run with their ``# example:`` values when ``kg.saved_queries``
can bind them, and skipped with a note otherwise. Results: a Markdown table on stdout, a JSON
file (``--json``, default ``<workdir>/results.json``) and, with ``--write FILE``, the section
"Saved queries on 1 million triples" of FILE (the text between its markers is replaced; the
rest of the file is kept).
"""

from __future__ import annotations

import argparse
import http.client
import importlib
import importlib.util
import json
import multiprocessing
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_WORKDIR = ROOT / "out" / "bench-queries"
DEFAULT_MIN_TRIPLES = 1_000_000
BATCH = 250  # articles ingested between two counts of the merged graph
BACKENDS = ("disk", "memory", "http", "rdflib")
TARGET_MS = 100.0  # the target: every saved query under 100 ms (median) on the on-disk store
TARGET_SPEEDUP = 10.0  # and at least 10x faster than rdflib
SECTION = "## Saved queries on 1 million triples"
BEGIN = "<!-- bench/queries.py: begin (generated; rerun the script rather than editing) -->"
END = "<!-- bench/queries.py: end -->"
CACHE_VERSION = 1

# Examples that name a sample article or one of its facts find nothing in the synthetic store: these
# parameters are taken from the store instead (the first query variable of each query's first row).
SYNTHETIC_PARAMS = {
    ("facts-of-article", "source"): (
        "SELECT ?v WHERE { ?a a dip:Article ; dip:source ?v } ORDER BY ?v LIMIT 1",
        "the first synthetic article",
    ),
    ("provenance", "fact"): (
        "SELECT ?v WHERE { ?v a dip:Meeting ; dip:evidence ?e } GROUP BY ?v ORDER BY DESC(COUNT(?e)) ?v LIMIT 1",
        "the meeting the most articles report (the worst case)",
    ),
}

_PARAM = re.compile(r"^#\s*param:\s*\??(\w+)", re.MULTILINE)
_EXAMPLE = re.compile(r"^#\s*example:\s*(.+)$", re.MULTILINE)


def _say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def bench_ingest() -> ModuleType:
    """bench/ingest.py as a module: its corpus generator, machine description and table helpers."""
    name = "dipkg_bench_ingest"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("ingest.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- the saved queries


@dataclass
class SavedQuery:
    """One ``queries/*.rq`` file, with the example values of its parameters when they can be bound."""

    name: str
    sparql: str  # the text every backend runs, its parameters bound: every row
    params: dict[str, str] = field(default_factory=dict)  # the values they were bound to
    skip: str = ""  # why the query is not run
    page: int | None = None  # its ``# page:`` size: its first page is timed on disk too
    page_sparql: str = ""  # the text of that first page (kg.query.page_query), as kg query runs it


def _examples(text: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in _EXAMPLE.findall(text):
        for item in line.split():
            key, sep, value = item.partition("=")
            if sep:
                pairs[key.lstrip("?")] = value
    return pairs


def load_queries(folder: Path, *, overrides: dict[str, dict[str, str]] | None = None) -> list[SavedQuery]:
    """Every ``*.rq`` in ``folder`` (read now, so queries added since the last run are included).

    Parameters are bound as ``kg query --name`` binds them (``kg.saved_queries``: a ``VALUES``
    clause opening the outer ``WHERE`` group), with the first ``# example:`` of the query, else
    the defaults; the same text then runs on every backend.
    """
    try:
        from kg.saved_queries import parse_saved_query
    except ImportError:  # before kg.saved_queries existed: run parameterless queries only
        parse_saved_query = None
    queries = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        query = SavedQuery(path.stem, text)
        if parse_saved_query is None:
            if _PARAM.search(text):
                query.params = _examples(text)
                query.skip = "has parameters, and kg.saved_queries (which binds them) is not there"
            queries.append(query)
            continue
        try:
            saved = parse_saved_query(path, text=text)
            query.params = dict(saved.examples[0]) if saved.examples else {}
            query.params.update((overrides or {}).get(query.name, {}))
            if saved.params:
                query.sparql = saved.bind(query.params or None)
                defaults = {p.name: p.default for p in saved.params if p.name not in query.params}
                query.params.update({k: v for k, v in defaults.items() if v is not None})
            if getattr(saved, "page", None):
                from kg.query import page_query

                query.page = saved.page
                # one row more than the page, as kg query asks for (to know whether more follow)
                query.page_sparql = page_query(query.sparql, limit=saved.page + 1)
        except Exception as error:  # noqa: BLE001 - reported in the table
            query.skip = f"parameters not bound: {' '.join(str(error).split())}"
        queries.append(query)
    return queries


def synthetic_params(store_path: Path, names: set[str]) -> dict[str, dict[str, str]]:
    """Values from the store for :data:`SYNTHETIC_PARAMS` of the queries in ``names``."""
    from kg.query import run_query
    from kg.store import Store

    found: dict[str, dict[str, str]] = {}
    with Store.open(store_path, read_only=True) as store:
        for (name, key), (sparql, _why) in SYNTHETIC_PARAMS.items():
            if name not in names:
                continue
            rows = run_query(store, sparql).rows
            if rows and rows[0][0] is not None:
                term = rows[0][0]
                value = f"<{term.value}>" if type(term).__name__ == "NamedNode" else term.value
                found.setdefault(name, {})[key] = value
    return found


def _prefixed(sparql: str) -> str:
    """The query with kg's predeclared prefixes written out (for engines that do not get them)."""
    from kg.vocab import PREFIXES

    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
    return head + sparql


# ---------------------------------------------------------------- the store


@dataclass
class StoreInfo:
    articles: int
    named_quads: int  # quads in the article and reference graphs
    merged_triples: int  # triples of the merged default graph (what the queries read)
    store_quads: int  # everything in the database: named graphs + merged graph
    store_bytes: int
    build_seconds: float | None  # None when reused from the cache
    ingest_rate: float | None
    dump_seconds: float | None
    nquads_bytes: int
    params: dict[str, Any]
    built: str
    derived_triples: int = 0  # triples of the derived graph (kg derive)
    derive_seconds: float | None = None  # None when the derived graph was already current
    derive_note: str = ""
    reused: bool = False  # this run took the store from the cache

    @property
    def total(self) -> int:
        return self.store_quads


def _merged_triples(store: Any) -> int:
    rows = store.oxigraph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(next(iter(rows))["n"].value)


def ensure_derived(store_path: Path, dump: Path, meta: Path, info: StoreInfo) -> StoreInfo:
    """Write the derived graph (``kg derive``) into the store when it is missing or stale, then dump
    the store again, so that every backend has it; ``info`` updated and saved."""
    from pyoxigraph import NamedNode, RdfFormat

    from kg.store import Store

    try:
        from kg.derive import derive, derived_quads, derived_status
        from kg.vocab import DERIVED_GRAPH
    except ImportError:
        info.derive_note = "no kg.derive: no derived graph"
        return info
    with Store.open(store_path) as store:
        if derived_status(store).current:
            return info
        _say("kg derive")
        start = time.perf_counter()
        try:
            derive(store)
            how = "kg.derive.derive"
        except Exception as error:  # noqa: BLE001 - a store without put_graph yet: write the graph as derive would
            quads = derived_quads(store)
            if store.oxigraph.contains_named_graph(NamedNode(DERIVED_GRAPH)):
                store.oxigraph.remove_graph(NamedNode(DERIVED_GRAPH))
            store.oxigraph.extend(quads)  # the named graph only: it is not part of the merged graph
            how = f"kg.derive.derived_quads written by the benchmark ({' '.join(str(error).split())[:120]})"
        info.derive_seconds = time.perf_counter() - start
        graph = NamedNode(DERIVED_GRAPH)
        info.derived_triples = sum(1 for _ in store.oxigraph.quads_for_pattern(None, None, None, graph))
        info.derive_note = how
        info.named_quads = store.quad_count()
        info.merged_triples = _merged_triples(store)
        info.store_quads = len(store.oxigraph)
        start = time.perf_counter()
        store.oxigraph.dump(str(dump), format=RdfFormat.N_QUADS)
        info.dump_seconds = time.perf_counter() - start
    info.nquads_bytes = dump.stat().st_size
    info.store_bytes = bench_ingest().folder_size(store_path)
    meta.write_text(json.dumps({**asdict(info), "reused": False}, indent=1) + "\n", encoding="utf-8")
    return info


def build_store(
    workdir: Path, *, min_triples: int, articles: int | None, seed: int, reuse: bool
) -> tuple[Path, Path, StoreInfo]:
    """The cached store folder and N-Quads dump in ``workdir``, built unless ``reuse`` finds them."""
    from pyoxigraph import RdfFormat

    from kg.ingest import ingest_articles
    from kg.store import Store

    bi = bench_ingest()
    params = {"min_triples": min_triples, "articles": articles, "seed": seed, "version": CACHE_VERSION}
    store_path, dump, meta = workdir / "store", workdir / "all.nq", workdir / "store.json"
    if reuse and meta.is_file() and dump.is_file() and (store_path / "CURRENT").is_file():
        info = StoreInfo(**json.loads(meta.read_text(encoding="utf-8")))
        if info.params == params:
            _say(f"reusing {store_path} ({info.merged_triples:,} merged triples)")
            info.reused, info.derive_seconds = True, None
            return store_path, dump, ensure_derived(store_path, dump, meta, info)
        _say(f"{meta} was built with {info.params}, not {params}: rebuilding")
    shutil.rmtree(store_path, ignore_errors=True)
    meta.unlink(missing_ok=True)
    dump.unlink(missing_ok=True)
    workdir.mkdir(parents=True, exist_ok=True)
    samples = bi.load_samples(bi.SAMPLES)
    wanted = articles if articles is not None else max(BATCH, min_triples // 120)
    corpus = bi.build_corpus(samples, count=wanted, seed=seed)
    done = 0
    start = time.perf_counter()
    with Store.open(store_path) as store:
        while True:
            if done == len(corpus):
                if articles is not None:
                    break
                corpus = bi.build_corpus(samples, count=len(corpus) * 2, seed=seed)  # same prefix
            batch = corpus[done : done + (BATCH if articles is None else len(corpus))]
            report = ingest_articles(batch, store=store)
            if report.failed:
                raise SystemExit(f"ingest failed: {report.failed[0][1]}")
            done += len(batch)
            merged = _merged_triples(store)
            _say(f"{done:,} articles, {merged:,} merged triples, {time.perf_counter() - start:,.0f} s")
            if articles is None and merged >= min_triples:
                break
        build_seconds = time.perf_counter() - start
        named = store.quad_count()
        total = len(store.oxigraph)
        merged = _merged_triples(store)
        start = time.perf_counter()
        store.oxigraph.dump(str(dump), format=RdfFormat.N_QUADS)
        dump_seconds = time.perf_counter() - start
    info = StoreInfo(
        articles=done,
        named_quads=named,
        merged_triples=merged,
        store_quads=total,
        store_bytes=bi.folder_size(store_path),
        build_seconds=build_seconds,
        ingest_rate=done / build_seconds,
        dump_seconds=dump_seconds,
        nquads_bytes=dump.stat().st_size,
        params=params,
        built=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
    meta.write_text(json.dumps(asdict(info), indent=1) + "\n", encoding="utf-8")
    return store_path, dump, ensure_derived(store_path, dump, meta, info)


# ---------------------------------------------------------------- timing one query in a child process

Runner = Callable[[SavedQuery], tuple[int, str]]  # runs a query once: its row count, a note


@dataclass
class Timing:
    backend: str
    rows: int | None = None
    times_ms: list[float] = field(default_factory=list)
    problem: str = ""
    note: str = ""  # how the query was changed to run at all (rdflib)
    timed_out: float | None = None  # the per-run cap that one run passed, in seconds

    @property
    def median(self) -> float | None:
        return statistics.median(self.times_ms) if self.times_ms else None

    @property
    def p95(self) -> float | None:
        """Nearest-rank 95th percentile (with 5 runs: the slowest)."""
        if not self.times_ms:
            return None
        ordered = sorted(self.times_ms)
        return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "median_ms": self.median, "p95_ms": self.p95}


def _worker(make: Callable[[], Runner], query: SavedQuery, runs: int, budget: float, out: Connection) -> None:
    """In a child: one warm-up run, then up to ``runs`` timed runs; ``("run", ms, rows, note)`` after each.

    A warm-up that takes more than half the budget counts as a timed run (a query that slow gains
    nothing from a warm cache, and the budget would not allow another run otherwise).
    """
    try:
        runner = make()
        spent = 0.0
        timed = 0
        for index in range(runs + 1):
            start = time.perf_counter()
            rows, note = runner(query)
            seconds = time.perf_counter() - start
            counts = index > 0 or seconds > budget / 2
            out.send(("run" if counts else "warm", seconds * 1000, rows, note))
            if counts:
                spent += seconds
                timed += 1
            if timed >= runs or (counts and spent + seconds > budget):
                break
        out.send(("done",))
    except Exception as error:  # noqa: BLE001 - reported in the table
        out.send(("error", " ".join(f"{type(error).__name__}: {error}".split())[:200]))
    finally:
        out.close()


def time_query(
    make: Callable[[], Runner], query: SavedQuery, *, backend: str, runs: int, timeout: float, budget: float
) -> Timing:
    """Time ``query`` in a forked child that builds its runner with ``make()`` (or inherits it).

    A query that Oxigraph or rdflib is evaluating cannot be interrupted from Python, hence the
    process: it is killed when one run passes ``timeout`` seconds.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_worker, args=(make, query, runs, budget, sender), daemon=True)
    child.start()
    sender.close()
    timing = Timing(backend)
    setup_allowance = 10.0  # opening the store in the child, before the warm-up
    first = True
    try:
        while True:
            if not receiver.poll(timeout + (setup_allowance if first else 0.0)):
                timing.timed_out = timeout
                timing.problem = f"a run took > {timeout:g} s"
                break
            first = False
            try:
                kind, *data = receiver.recv()
            except EOFError:
                timing.problem = "the query process died"
                break
            if kind == "done":
                break
            if kind == "error":
                timing.problem = data[0]
                break
            timing.rows, timing.note = data[1], data[2]
            if kind == "run":
                timing.times_ms.append(data[0])
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if not timing.problem and len(timing.times_ms) < runs:
        timing.problem = f"{len(timing.times_ms)} of {runs} runs (budget {budget:g} s)"
    return timing


# ---------------------------------------------------------------- the backends


def _kg_runner(store: Any) -> Runner:
    from kg.query import run_query

    return lambda q: (len(run_query(store, q.sparql)), "")


def disk_maker(store_path: Path) -> Callable[[], Runner]:
    """Open the on-disk store read-only in the child, as ``kg query`` does."""

    def make() -> Runner:
        from kg.store import Store

        return _kg_runner(Store.open(store_path, read_only=True))

    return make


def load_memory(dump: Path) -> Any:
    """The quads of the dump in ``pyoxigraph.Store()``, wrapped in ``kg.store.Store``."""
    import pyoxigraph

    from kg.store import Store

    memory = pyoxigraph.Store()
    memory.bulk_load(path=str(dump), format=pyoxigraph.RdfFormat.N_QUADS)
    return Store(memory)


def load_rdflib(dump: Path) -> Any:
    """An rdflib Dataset with the quads of the dump; its default graph (not a union) is the merged graph."""
    import rdflib

    dataset = rdflib.Dataset(default_union=False)
    with warnings.catch_warnings():  # rdflib 7 warns about its own parser's use of Dataset.default_context
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(str(dump), format="nquads")
    return dataset


def without_order_by(sparql: str) -> str:
    """The query without its final ``ORDER BY`` (kept: GROUP BY, LIMIT, OFFSET)."""
    end = sparql.rindex("}") + 1
    tail = re.sub(r"(?is)\bORDER\s+BY\b.*?(?=\bLIMIT\b|\bOFFSET\b|$)", "", sparql[end:])
    return sparql[:end] + tail


def _rdflib_runner(dataset: Any) -> Runner:
    """rdflib 7.6 cannot sort unbound values with bound ones (``TypeError: '<' not supported``):
    such a query is timed without its ORDER BY, and the note says so."""
    unsorted: set[str] = set()

    def count(sparql: str) -> int:
        result = dataset.query(_prefixed(sparql))
        return 1 if result.type == "ASK" else sum(1 for _ in result)

    def run(query: SavedQuery) -> tuple[int, str]:
        if query.name not in unsorted:
            try:
                return count(query.sparql), ""
            except TypeError as error:
                if "not supported between" not in str(error):
                    raise
                unsorted.add(query.name)
        return count(without_order_by(query.sparql)), "without ORDER BY (rdflib cannot sort unbound values)"

    return run


def _http_runner(url: str, timeout: float) -> Runner:
    parts = urllib.parse.urlsplit(url)

    def run(query: SavedQuery) -> int:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        try:
            connection.request(
                "POST",
                parts.path or "/query",
                body=_prefixed(query.sparql).encode("utf-8"),
                headers={
                    "Content-Type": "application/sparql-query; charset=utf-8",
                    "Accept": "application/sparql-results+json",
                },
            )
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}: {body[:200].decode('utf-8', 'replace')}")
        document = json.loads(body)
        return (1 if "boolean" in document else len(document["results"]["bindings"])), ""

    return run


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def http_server(store_path: Path, *, timeout: float) -> Iterator[tuple[str, str]]:
    """A read-only Oxigraph server on the store: ``(query URL, how it was started)``.

    Uses ``kg.oxigraph_server.OxigraphServer`` (what ``kg serve`` runs) when it exists, else
    starts ``oxigraph serve-read-only`` itself.
    """
    try:
        from kg.oxigraph_server import OxigraphServer  # type: ignore[import-not-found]
    except ImportError:
        OxigraphServer = None  # noqa: N806
    if OxigraphServer is not None:
        with OxigraphServer(store_path, read_only=True, timeout_s=timeout) as server:
            yield server.query_url, "kg.oxigraph_server.OxigraphServer (as kg serve)"
        return
    binary = Path(sys.executable).with_name("oxigraph")
    port = _free_port()
    command = [str(binary), "serve-read-only", "--location", str(store_path), "--bind", f"127.0.0.1:{port}"]
    command += ["--timeout-s", str(int(timeout) + 1)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
                    raise SystemExit(f"oxigraph serve-read-only did not start: {error.strip()}") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/query", "oxigraph serve-read-only (started by this script)"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# ---------------------------------------------------------------- where the time goes


@dataclass
class Explanation:
    """Oxigraph's plan of one query with its evaluation statistics (``oxigraph query --explain --stats``)."""

    tree: list[str]  # one line per plan node, indented: name, results, seconds
    largest: tuple[int, str]  # the node with the most results (below Project/Sort/Distinct)
    patterns: list[tuple[int, str]]  # the quad patterns with the most results
    problem: str = ""


_IRI = re.compile(r"<([^<>\s]+)>")


def _short(name: str, width: int = 150) -> str:
    from kg.vocab import shorten

    text = _IRI.sub(lambda m: shorten(m.group(1)), name)
    return text if len(text) <= width else text[: width - 1] + "…"


def explain(store_path: Path, query: SavedQuery, *, folder: Path, timeout: float) -> Explanation:
    """Run ``query`` once through the ``oxigraph`` CLI on the store folder with ``--explain --stats``.

    The statistics slow evaluation down (each plan node is timed), so the seconds are shares, not
    latencies; the result counts are exact. The tree is also written to ``folder/NAME.txt``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    text, plan = folder / f"{query.name}.rq", folder / f"{query.name}.json"
    text.write_text(_prefixed(query.sparql), encoding="utf-8")
    binary = Path(sys.executable).with_name("oxigraph")
    command = [str(binary), "query", "--location", str(store_path), "--query-file", str(text)]
    command += ["--results-file", str(folder / f"{query.name}.tsv"), "--explain-file", str(plan), "--stats"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return Explanation([], (0, ""), [], f"no plan: the query took > {timeout:g} s")
    if done.returncode != 0 or not plan.is_file():
        return Explanation([], (0, ""), [], f"no plan: {' '.join(done.stderr.split())[:200]}")
    root = json.loads(plan.read_text(encoding="utf-8"))["plan"]
    tree: list[str] = []
    nodes: list[tuple[int, str]] = []

    def walk(node: dict[str, Any], depth: int) -> None:
        name, results = node.get("name", "?"), int(node.get("number of results", 0))
        seconds = float(node.get("duration in seconds", 0.0))
        tree.append(f"{'  ' * depth}{_short(name)}  [{results:,} results, {seconds * 1000:,.1f} ms]")
        nodes.append((results, name))
        for child in node.get("children", []):
            walk(child, depth + 1)

    walk(root, 0)
    (folder / f"{query.name}.txt").write_text("\n".join(tree) + "\n", encoding="utf-8")
    inner = [n for n in nodes if not n[1].startswith(("Project", "Sort", "Distinct", "Slice", "Extend"))]
    largest = max(inner or nodes)
    patterns = sorted((n for n in nodes if n[1].startswith("QuadPattern")), reverse=True)[:3]
    return Explanation(tree, (largest[0], _short(largest[1], 90)), [(r, _short(n, 90)) for r, n in patterns])


# ---------------------------------------------------------------- one run


@dataclass
class QueryResultRow:
    name: str
    params: dict[str, str]
    skip: str
    timings: dict[str, Timing] = field(default_factory=dict)  # every row
    explanation: Explanation | None = None
    page: int | None = None  # the ``# page:`` size the query declares
    first_page: Timing | None = None  # on disk, its first page as kg query shows it by default
    first_page_rdflib: Timing | None = None  # the same page in rdflib, to compare what is shown


@dataclass
class Results:
    args: argparse.Namespace
    store: StoreInfo
    rows: list[QueryResultRow]
    load_seconds: dict[str, float]
    http_how: str
    machine: list[tuple[str, str]]


def measure(
    queries: Sequence[SavedQuery],
    *,
    store_path: Path,
    dump: Path,
    backends: Sequence[str],
    runs: int,
    timeout: float,
    budget: float,
    rdflib_timeout: float,
) -> tuple[list[QueryResultRow], dict[str, float], str]:
    """Every query on every backend; backends one after the other, so only one runs at a time."""
    rows = [QueryResultRow(q.name, q.params, q.skip, page=q.page) for q in queries]
    todo = [(row, q) for row, q in zip(rows, queries, strict=True) if not q.skip]
    loads: dict[str, float] = {}
    how = ""
    if not todo:
        return rows, loads, how

    def each(backend: str, make: Callable[[], Runner], cap: float) -> None:
        """Every row of each query, then its first page when it declares one (right after, so that
        both are timed in the same state of the machine)."""
        for row, query in todo:
            _say(f"{backend}: {query.name}")
            row.timings[backend] = time_query(
                make, query, backend=backend, runs=runs, timeout=cap, budget=budget
            )
            if query.page and backend in ("disk", "rdflib"):
                _say(f"{backend}: {query.name}, first page of {query.page}")
                first = SavedQuery(query.name, query.page_sparql, query.params)
                timing = time_query(make, first, backend=backend, runs=runs, timeout=cap, budget=budget)
                if backend == "disk":
                    row.first_page = timing
                else:
                    row.first_page_rdflib = timing

    for backend in backends:
        if backend == "disk":
            each("disk", disk_maker(store_path), timeout)
        elif backend == "http":
            with http_server(store_path, timeout=timeout) as (url, how):
                each("http", lambda url=url: _http_runner(url, timeout + 5), timeout)
        elif backend in ("memory", "rdflib"):
            _say(f"loading {dump.name} into {backend}")
            start = time.perf_counter()
            loaded = load_memory(dump) if backend == "memory" else load_rdflib(dump)
            loads[backend] = time.perf_counter() - start
            runner = _kg_runner(loaded) if backend == "memory" else _rdflib_runner(loaded)
            # the child inherits the loaded store through fork
            each(backend, lambda runner=runner: runner, timeout if backend == "memory" else rdflib_timeout)
            del loaded, runner
    return rows, loads, how


# ---------------------------------------------------------------- the report


def _ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def _cell(timing: Timing | None) -> str:
    if timing is None:
        return "—"
    if timing.median is None:
        if timing.timed_out is not None:
            return f"> {timing.timed_out:g} s"
        return "error"
    return f"{_ms(timing.median)} / {_ms(timing.p95)}{' †' if timing.note else ''}"


def ratio(fast: Timing | None, slow: Timing | None) -> tuple[float, bool] | None:
    """How many times faster ``fast`` is than ``slow`` (rdflib) at the median, and whether that is
    only a lower bound (rdflib timed out); None when either has no median to compare."""
    if fast is None or fast.median is None or slow is None:
        return None
    if slow.median is not None:
        return slow.median / max(fast.median, 1e-6), False
    if slow.timed_out is not None:
        return slow.timed_out * 1000 / max(fast.median, 1e-6), True
    return None


def speedup(fast: Timing | None, slow: Timing | None) -> str:
    """:func:`ratio` as a cell: 'N×', or '> N×' when rdflib timed out."""
    found = ratio(fast, slow)
    if found is None:
        return "—"
    times, bound = found
    return f"{'> ' if bound else ''}{times:,.0f}×"


def shown_timing(row: QueryResultRow, backend: str) -> Timing | None:
    """What ``kg query`` shows by default on ``backend``: the first page of a listing, else every row."""
    first = {"disk": row.first_page, "rdflib": row.first_page_rdflib}.get(backend)
    return first if first is not None else row.timings.get(backend)


def _rows_cell(row: QueryResultRow) -> str:
    counts = {t.rows for t in row.timings.values() if t.rows is not None}
    if not counts:
        return "—"
    if len(counts) == 1:
        return f"{counts.pop():,}"
    return " / ".join(f"{b} {t.rows:,}" for b, t in row.timings.items() if t.rows is not None)


def markdown(results: Results) -> str:
    bi = bench_ingest()
    args, info = results.args, results.store
    backends = [b for b in BACKENDS if b in args.backends]
    paged = "disk" in backends and any(r.first_page is not None for r in results.rows)
    header = ["query", "rows", *(f"{b} median / p95 (ms)" for b in backends)]
    if paged:
        header.insert(3 if backends[0] == "disk" else 2, "disk first page median / p95 (ms)")
    paged_rdflib = "rdflib" in backends and any(r.first_page_rdflib is not None for r in results.rows)
    if paged_rdflib:
        header.append("rdflib first page median / p95 (ms)")
    header += [f"{b} vs rdflib" for b in backends if b != "rdflib" and "rdflib" in backends]
    if paged and paged_rdflib:
        header.append("disk vs rdflib, as shown")
    table = []
    notes = []
    for row in results.rows:
        if row.skip:
            notes.append(f"- `{row.name}`: skipped, {row.skip}.")
            continue
        cells = [f"`{row.name}`", _rows_cell(row)]
        cells += [_cell(row.timings.get(b)) for b in backends]
        if paged:
            first = "—" if row.first_page is None else f"{_cell(row.first_page)} ({row.page} rows)"
            cells.insert(header.index("disk first page median / p95 (ms)"), first)
        if paged_rdflib:
            cells.append("—" if row.first_page_rdflib is None else _cell(row.first_page_rdflib))
        if "rdflib" in backends:
            cells += [
                speedup(row.timings.get(b), row.timings.get("rdflib")) for b in backends if b != "rdflib"
            ]
        if paged and paged_rdflib:
            cells.append(speedup(shown_timing(row, "disk"), shown_timing(row, "rdflib")))
        table.append(cells)
        for backend, timing in row.timings.items():
            for text in (timing.note, timing.problem):
                if text:
                    notes.append(f"- `{row.name}` on {backend}: {text}.")
        if row.first_page is not None and row.first_page.problem:
            notes.append(f"- `{row.name}`, first page on disk: {row.first_page.problem}.")
        if row.first_page_rdflib is not None:
            for text in (row.first_page_rdflib.note, row.first_page_rdflib.problem):
                if text:
                    notes.append(f"- `{row.name}`, first page on rdflib: {text}.")
        if row.params:
            why = [
                f"{k} is {w}"
                for (n, k), (_, w) in SYNTHETIC_PARAMS.items()
                if n == row.name and k in row.params
            ]
            notes.append(
                f"- `{row.name}` ran with "
                + ", ".join(f"`{k}={v}`" for k, v in row.params.items())
                + (f" ({'; '.join(why)})" if why else "")
                + "."
            )
    timed = [r for r in results.rows if not r.skip and "disk" in r.timings]
    on_disk = [r.timings["disk"] for r in timed]
    fast = sum(1 for t in on_disk if t.median is not None and t.median < TARGET_MS)
    lines = [
        f"{info.articles:,} synthetic articles (bench/ingest.py's generator, seed {args.seed}) ingested "
        f"through `kg.ingest.ingest_articles`: {info.merged_triples:,} triples in the merged default "
        f"graph that the queries read, {info.named_quads:,} quads in the named graphs, "
        f"{info.store_quads:,} quads in the database ({bi._mb(info.store_bytes)} on disk).",
        "",
        f"Median / p95 of {args.runs} runs after one warm-up, ms; each query in a child process, killed "
        f"when one run passes {args.timeout:g} s ({args.rdflib_timeout:g} s for rdflib). "
        f"HTTP: {results.http_how or 'not run'}, SPARQL JSON results parsed by the client.",
        "",
        *bi._table(header, table, align="lr" + "r" * (len(header) - 2)),
        "",
    ]
    if on_disk:
        lines.append(
            f"On disk, {fast} of {len(on_disk)} timed queries answer in under {TARGET_MS:g} ms at the median "
            "(every row)."
        )
        if paged:
            shown = [r.first_page if r.first_page is not None else r.timings["disk"] for r in timed]
            fast_shown = sum(1 for t in shown if t.median is not None and t.median < TARGET_MS)
            count = sum(1 for r in timed if r.first_page is not None)
            lines.append(
                f"As `kg query` shows them by default (the first page of the {count} listings that declare "
                f"`# page:`, every row of the others), {fast_shown} of {len(shown)} answer in under "
                f"{TARGET_MS:g} ms. The disk, memory, HTTP and rdflib columns are always the whole result; "
                "the first-page column is the same query with the `LIMIT` that `kg query` adds."
            )
        if "rdflib" in backends:
            lines.append(speedup_summary(timed, paged=paged and paged_rdflib))
        lines.append("")
    loads = ", ".join(f"{b} {s:,.1f} s" for b, s in results.load_seconds.items())
    extra = [
        f"- Loading the N-Quads dump ({bi._mb(info.nquads_bytes)}): {loads}."
        if loads
        else "- No in-memory backend loaded.",
    ]
    if not info.reused and info.build_seconds is not None:
        extra.append(
            f"- Building the store: {info.build_seconds:,.0f} s ({info.ingest_rate:,.1f} articles/s, "
            f"extraction included); dump {info.dump_seconds:,.1f} s."
        )
    else:
        built = f"built {info.built}"
        if info.build_seconds is not None and info.ingest_rate is not None:
            built += f" in {info.build_seconds:,.0f} s, {info.ingest_rate:,.1f} articles/s with extraction"
        extra.append(f"- The store was reused from the cache ({built}).")
    if info.derived_triples:
        when = "already current" if info.derive_seconds is None else f"{info.derive_seconds:,.1f} s"
        extra.append(
            f"- The derived graph (`kg derive`, `…/graph/derived`): {info.derived_triples:,} triples ({when}); "
            "it is a named graph, not part of the merged graph."
        )
    elif info.derive_note:
        extra.append(f"- {info.derive_note}.")
    explained = [r for r in results.rows if r.explanation is not None]
    if explained:
        notes += [
            "",
            f"Where the time goes in the queries that miss {TARGET_MS:g} ms on disk (`oxigraph query --explain "
            "--stats` on the store; the largest intermediate result and the quad patterns that match the most; "
            f"full plans in `{_shown(args.workdir)}/explain/`):",
            "",
        ]
        for row in explained:
            e = row.explanation
            assert e is not None
            if e.problem:
                notes.append(f"- `{row.name}`: {e.problem}.")
                continue
            patterns = "; ".join(f"{n:,} × `{name}`" for n, name in e.patterns)
            notes.append(
                f"- `{row.name}`: largest {e.largest[0]:,} results at `{e.largest[1]}`; patterns: {patterns}."
            )
    return "\n".join([*lines, *extra, *notes]) + "\n"


def speedup_summary(timed: Sequence[QueryResultRow], *, paged: bool) -> str:
    """How many queries the on-disk store answers at least TARGET_SPEEDUP times faster than rdflib
    (a lower bound counts when it already clears the target), with every row and as shown."""

    def count(pick: Callable[[QueryResultRow, str], Timing | None]) -> tuple[int, int]:
        found = [ratio(pick(r, "disk"), pick(r, "rdflib")) for r in timed]
        compared = [f for f in found if f is not None]
        return sum(1 for times, _ in compared if times >= TARGET_SPEEDUP), len(compared)

    fast, compared = count(lambda r, b: r.timings.get(b))
    text = (
        f"Against rdflib, the on-disk store is at least {TARGET_SPEEDUP:g}× faster at the median for {fast} "
        f"of {compared} queries with every row (where rdflib was stopped, by the lower bound)"
    )
    if paged:
        fast_shown, compared_shown = count(shown_timing)
        text += f"; as `kg query` shows them, for {fast_shown} of {compared_shown}"
    return text + "."


def _shown(path: Path) -> str:
    """``path`` relative to the repository when it is inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def machine_lines(results: Results) -> list[str]:
    return [f"- {key}: {value}" for key, value in results.machine]


def command_line(args: argparse.Namespace) -> str:
    return ".venv/bin/python bench/queries.py " + " ".join(args.argv)


def full_report(results: Results) -> str:
    return "\n".join(
        [
            SECTION,
            "",
            BEGIN,
            "",
            "Machine:",
            "",
            *machine_lines(results),
            "",
            "```sh",
            command_line(results.args).strip(),
            "```",
            "",
            markdown(results),
            END,
        ]
    )


def write_section(path: Path, section: str) -> None:
    """Replace the generated part of the section in ``path`` (or append the section); keep the rest."""
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    body = section[section.index(BEGIN) :]
    if BEGIN in old and END in old:
        new = old[: old.index(BEGIN)] + body + old[old.index(END) + len(END) :]
    else:
        new = old.rstrip("\n") + ("\n\n" if old else "") + section.rstrip("\n") + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new, encoding="utf-8")


def as_json(results: Results) -> dict[str, Any]:
    return {
        "command": command_line(results.args),
        "machine": dict(results.machine),
        "store": asdict(results.store),
        "load_seconds": results.load_seconds,
        "http": results.http_how,
        "runs": results.args.runs,
        "timeout_s": results.args.timeout,
        "rdflib_timeout_s": results.args.rdflib_timeout,
        "queries": [
            {
                "name": row.name,
                "params": row.params,
                "skip": row.skip,
                "backends": {b: t.as_dict() for b, t in row.timings.items()},
                "page": row.page,
                "first_page_disk": None if row.first_page is None else row.first_page.as_dict(),
                "first_page_rdflib": None
                if row.first_page_rdflib is None
                else row.first_page_rdflib.as_dict(),
                "explanation": None if row.explanation is None else asdict(row.explanation),
            }
            for row in results.rows
        ],
    }


# ---------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--min-triples",
        type=int,
        default=DEFAULT_MIN_TRIPLES,
        help=f"ingest until the merged graph holds this many triples (default {DEFAULT_MIN_TRIPLES:,})",
    )
    ap.add_argument("--articles", type=int, help="ingest exactly this many articles instead")
    ap.add_argument("--seed", type=int, default=2025, help="seed of the corpus (default 2025)")
    ap.add_argument(
        "--workdir", type=Path, default=DEFAULT_WORKDIR, help="cache folder (default out/bench-queries)"
    )
    ap.add_argument(
        "--reuse", action="store_true", help="reuse the store cached in --workdir when it matches"
    )
    ap.add_argument("--queries", type=Path, help="folder of *.rq files (default: the project's queries/)")
    ap.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="QUERY:KEY=VALUE",
        help="bind a parameter of one query instead of its example (repeatable)",
    )
    ap.add_argument("--only", action="append", default=[], help="time only queries whose name contains this")
    ap.add_argument(
        "--backends",
        default=",".join(BACKENDS),
        help=f"comma-separated, of {', '.join(BACKENDS)} (default all)",
    )
    ap.add_argument("--runs", type=int, default=5, help="timed runs per query and backend (default 5)")
    ap.add_argument("--timeout", type=float, default=60, help="seconds one run may take (default 60)")
    ap.add_argument("--rdflib-timeout", type=float, default=60, help="the same for rdflib (default 60)")
    ap.add_argument(
        "--budget", type=float, default=60, help="stop timing a query after this many s (default 60)"
    )
    ap.add_argument(
        "--build-only", action="store_true", help="build (or check) the cached store, time nothing"
    )
    ap.add_argument(
        "--no-explain", action="store_true", help="do not explain the queries that miss the target on disk"
    )
    ap.add_argument("--json", type=Path, help="JSON results (default <workdir>/results.json)")
    ap.add_argument("--write", type=Path, metavar="FILE", help="also write the section into FILE")
    args = ap.parse_args(argv)
    args.backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = sorted(set(args.backends) - set(BACKENDS))
    if unknown:
        ap.error(f"--backends: unknown {', '.join(unknown)} (choose from {', '.join(BACKENDS)})")
    if args.runs < 1 or args.timeout <= 0 or args.rdflib_timeout <= 0 or args.budget <= 0:
        ap.error("--runs, --timeout, --rdflib-timeout and --budget must be positive")
    if (args.articles is not None and args.articles < 1) or args.min_triples < 1:
        ap.error("--articles and --min-triples must be positive")
    args.argv = list(sys.argv[1:] if argv is None else argv)
    return args


def run(args: argparse.Namespace) -> Results:
    from kg.resources import queries_dir

    store_path, dump, info = build_store(
        args.workdir, min_triples=args.min_triples, articles=args.articles, seed=args.seed, reuse=args.reuse
    )
    folder = args.queries or queries_dir()
    overrides: dict[str, dict[str, str]] = {}
    if not args.build_only:
        overrides = synthetic_params(store_path, {p.stem for p in folder.glob("*.rq")})
    for item in args.param:
        name, _, pair = item.partition(":")
        key, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"--param: expected QUERY:KEY=VALUE, got {item!r}")
        overrides.setdefault(name, {})[key] = value
    queries = [] if args.build_only else load_queries(folder, overrides=overrides)
    if args.only:
        queries = [q for q in queries if any(part in q.name for part in args.only)]
    rows, loads, how = measure(
        queries,
        store_path=store_path,
        dump=dump,
        backends=args.backends,
        runs=args.runs,
        timeout=args.timeout,
        budget=args.budget,
        rdflib_timeout=args.rdflib_timeout,
    )
    if not args.no_explain:
        for row, query in zip(rows, queries, strict=True):
            disk = row.timings.get("disk")
            if disk is not None and (disk.median is None or disk.median >= TARGET_MS) and not query.skip:
                _say(f"explain: {query.name}")
                row.explanation = explain(
                    store_path, query, folder=args.workdir / "explain", timeout=args.timeout
                )
    machine = [(k, v) for k, v in bench_ingest().machine() if k != "cores"]
    machine.insert(2, ("cores", f"{os.cpu_count()} (nproc); one query at a time"))
    return Results(args, info, rows, loads, how, machine)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    results = run(args)
    report = full_report(results)
    print(report)
    target = args.json or args.workdir / "results.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(as_json(results), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _say(f"wrote {target}")
    if args.write is not None:
        write_section(args.write, report)
        _say(f"wrote the section of {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
