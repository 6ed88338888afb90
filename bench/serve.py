"""Queries per second over HTTP: ``kg serve`` against Oxigraph's server alone and the embedded store.

    .venv/bin/python bench/serve.py                          # store from data/articles, 2,000 requests
    .venv/bin/python bench/serve.py --store PATH --requests 5000
    .venv/bin/python bench/serve.py --write docs/benchmarks.md

One saved query (``--query``, default ``formats-of-country`` with its example values) is sent
``--requests`` times to each of:

* ``embedded``: ``kg.store.Store.open(read_only=True).query`` in this process, every row read;
* ``oxigraph``: Oxigraph's server alone (``oxigraph serve-read-only``, :class:`kg.oxigraph_server.OxigraphServer`);
* ``kg serve``: the dipkg endpoint (:class:`kg.serve.Endpoint`: the proxy with token, row cap and
  timeout in front of that same server).

HTTP clients send GET requests with ``Accept: application/sparql-results+json`` over one
keep-alive connection each (``http.client``), and read the whole body; first with one client,
then with ``--clients`` threads at once. The store is built by ingesting ``data/articles`` into
``--workdir`` (default ``out/bench-serve/``) unless ``--store`` names one. With ``--write FILE``
the section between ``<!-- serve-bench:start -->`` and ``<!-- serve-bench:end -->`` of FILE is
replaced with the results.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import os
import platform
import re
import shutil
import statistics
import sys
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest import ingest  # noqa: E402
from kg.oxigraph_server import OxigraphServer  # noqa: E402
from kg.saved_queries import find_saved_query, parse_param_args  # noqa: E402
from kg.serve import Endpoint, EndpointConfig  # noqa: E402
from kg.store import Store  # noqa: E402

START, END = "<!-- serve-bench:start -->", "<!-- serve-bench:end -->"


def build_store(workdir: Path) -> Path:
    store_path = workdir / "store"
    if store_path.exists():
        shutil.rmtree(store_path)
    workdir.mkdir(parents=True, exist_ok=True)
    with Store.open(store_path) as store:
        ingest([str(ROOT / "data" / "articles")], store=store)
    return store_path


def http_runner(url: str, query: str) -> Callable[[], Callable[[], int]]:
    """A factory of clients; each client keeps one connection and returns the body size per request."""
    parts = urllib.parse.urlsplit(url)
    target = f"{parts.path}/query?{urllib.parse.urlencode({'query': query})}"
    headers = {"Accept": "application/sparql-results+json"}

    def client() -> Callable[[], int]:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)

        def one() -> int:
            connection.request("GET", target, headers=headers)
            response = connection.getresponse()
            body = response.read()
            if response.status != 200:
                raise RuntimeError(f"{url}: HTTP {response.status}: {body[:200]!r}")
            return len(body)

        return one

    return client


def embedded_runner(store: Store, query: str) -> Callable[[], Callable[[], int]]:
    def client() -> Callable[[], int]:
        def one() -> int:
            return sum(1 for _ in store.query(query))

        return one

    return client


def measure(make_client: Callable[[], Callable[[], int]], *, requests: int, clients: int) -> dict[str, float]:
    """Queries per second with ``clients`` threads sharing ``requests``; median latency in ms."""
    warm = make_client()
    for _ in range(10):
        warm()
    share = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]

    def work(count: int) -> list[float]:
        one = make_client()
        times = []
        for _ in range(count):
            start = time.perf_counter()
            one()
            times.append(time.perf_counter() - start)
        return times

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=clients) as pool:
        latencies = [t for part in pool.map(work, share) for t in part]
    elapsed = time.perf_counter() - start
    assert len(latencies) == requests
    return {"qps": requests / elapsed, "median_ms": statistics.median(latencies) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--store", type=Path, help="an existing store folder (default: build one)")
    parser.add_argument("--workdir", type=Path, default=ROOT / "out" / "bench-serve")
    parser.add_argument("--query", default="formats-of-country", help="saved query name")
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--write", type=Path, metavar="FILE")
    args = parser.parse_args()

    store_path = args.store or build_store(args.workdir)
    saved = find_saved_query(args.query)
    params = parse_param_args(args.param) if args.param else dict(saved.examples[0] if saved.examples else ())
    query = saved.bind(params)
    with Store.open(store_path, read_only=True) as store:
        triples = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
        rows = sum(1 for _ in store.query(query))
    results: dict[str, dict[int, dict[str, float]]] = {}

    def run(name: str, make_client: Callable[[], Callable[[], int]]) -> None:
        results[name] = {}
        for clients in (1, args.clients):
            results[name][clients] = measure(make_client, requests=args.requests, clients=clients)
            print(f"{name:10} {clients} client(s): {results[name][clients]}", file=sys.stderr)

    with Store.open(store_path, read_only=True) as store:
        run("embedded", embedded_runner(store, query))
    with OxigraphServer(store_path, timeout_s=30) as server:
        run("oxigraph", http_runner(server.url, query))
    with Endpoint(EndpointConfig(store=store_path, bind="127.0.0.1:0")) as endpoint:
        run("kg serve", http_runner(endpoint.url, query))

    described = ", ".join(f"{k}={v}" for k, v in params.items())
    lines = [
        f"`queries/{saved.name}.rq` ({described}; {rows} rows) on a store of {triples:,} triples "
        f"(default graph), {args.requests:,} requests per run; {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d')}. Reproduce: `.venv/bin/python bench/serve.py`.",
        "",
        f"| backend | 1 client q/s | 1 client median ms | {args.clients} clients q/s "
        f"| {args.clients} clients median ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, by_clients in results.items():
        one, many = by_clients[1], by_clients[args.clients]
        lines.append(
            f"| {name} | {one['qps']:,.0f} | {one['median_ms']:.2f} | {many['qps']:,.0f} | {many['median_ms']:.2f} |"
        )
    table = "\n".join(lines)
    print(table)
    if args.write:
        text = args.write.read_text(encoding="utf-8")
        pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
        if not pattern.search(text):
            raise SystemExit(f"{args.write}: no {START} … {END} markers")
        args.write.write_text(pattern.sub(lambda _: f"{START}\n{table}\n{END}", text), encoding="utf-8")


if __name__ == "__main__":
    main()
