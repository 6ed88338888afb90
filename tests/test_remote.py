"""kg.remote against a real Oxigraph server on loopback: the store tests of test_store.py, the
failures of a network (5xx mid-ingest, a server that is down, a URL that is no SPARQL endpoint),
and the kg commands with ``--store URL`` giving what they give on an embedded store."""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

# the store behaviour tests, collected here again: each runs on the `store` fixture of this module
from test_store import (  # noqa: F401 - pytest collects the imported tests
    SHA_A,
    SHA_B,
    _merged,
    _named,
    article_quads,
    reference,
    test_articles_lists_metadata,
    test_changed_article_is_replaced_whole,
    test_put_twice_is_unchanged,
    test_quads_outside_the_article_graph_are_refused,
    test_reference_graph_is_written_once_and_replaced_when_it_changes,
    test_remove_by_file_content,
    test_remove_by_prefix_and_by_source_path,
    test_the_merged_graph_follows_every_put_replace_and_remove,
    test_unknown_or_ambiguous_reference_removes_nothing,
)

from kg.cli import main
from kg.errors import QueryError, StoreError
from kg.oxigraph_server import OxigraphServer, oxigraph_binary
from kg.query import run_query
from kg.remote import DEFAULT_MERGED_GRAPH, RemoteStore
from kg.store import Store, open_store
from kg.vocab import DIP, DIPR, GRAPH, article_graph

ROOT = Path(__file__).parents[1]
ARTICLES = ROOT / "data" / "articles"
SAMPLE = [  # four articles of the corpus: two languages, meetings, an agreement, a distractor
    ARTICLES / name
    for name in (
        "almaty-cica-ministers.en.txt",
        "astana-beijing-roadmap.de.txt",
        "astana-football-qualifier.en.txt",
        "berlin-bishkek-visit.de.txt",
    )
]
FAST = {"retries": 2, "backoff_s": 0.01, "timeout_s": 30.0}


# ---------------------------------------------------------------- servers


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_servers() -> Iterator[dict[str, str]]:
    """Two in-memory Oxigraph servers: a plain one (:class:`kg.oxigraph_server.OxigraphServer`), and
    one whose default graph is the union of all graphs (as Virtuoso's, GraphDB's and Neptune's
    are), where the merged graph must be a named graph."""
    binary = str(oxigraph_binary())
    port = _free_port()
    union = subprocess.Popen(
        [binary, "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with OxigraphServer(None, read_only=False) as plain:
            urls = {"default": plain.url, "named": f"http://127.0.0.1:{port}"}
            _wait_for(urls["named"])
            yield urls
    finally:
        union.terminate()
        union.wait(timeout=10)


def _wait_for(url: str) -> None:
    for _ in range(400):
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)
    raise RuntimeError(f"the oxigraph server at {url} did not start")


def _clear(url: str) -> None:
    request = urllib.request.Request(
        f"{url}/update", data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"}
    )
    with urllib.request.urlopen(request, timeout=10):
        pass


def _remote(urls: dict[str, str], mode: str = "default", **settings) -> RemoteStore:
    merged = DEFAULT_MERGED_GRAPH if mode == "named" else None
    return RemoteStore.open(urls[mode], merged_graph=merged, **{**FAST, **settings})


@pytest.fixture(params=["default", "named"])
def store(request: pytest.FixtureRequest, oxigraph_servers: dict[str, str]) -> Iterator[RemoteStore]:
    """An empty remote store; `named` keeps the merged graph in a named graph on a union-default server."""
    _clear(oxigraph_servers[request.param])
    with _remote(oxigraph_servers, request.param, batch_articles=1) as remote:
        yield remote


@pytest.fixture
def server(oxigraph_servers: dict[str, str]) -> str:
    """The plain server, emptied."""
    _clear(oxigraph_servers["default"])
    return oxigraph_servers["default"]


class _Proxy:
    """A loopback HTTP proxy in front of a server that can answer 503 to chosen update requests."""

    def __init__(self, upstream: str, *, fail_updates: set[int] | None = None, fail_from: int | None = None):
        self.upstream = upstream
        self.fail_updates = fail_updates or set()
        self.fail_from = fail_from
        self.updates = 0
        self.headers: list[dict[str, str]] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                proxy.headers.append(dict(self.headers))
                if self.path.startswith("/update"):
                    proxy.updates += 1
                    n = proxy.updates
                    if n in proxy.fail_updates or (proxy.fail_from is not None and n >= proxy.fail_from):
                        self.send_response(503)
                        self.send_header("Content-Type", "text/plain")
                        self.end_headers()
                        self.wfile.write(b"busy")
                        return
                forwarded = urllib.request.Request(proxy.upstream + self.path, data=body, method="POST")
                for name in ("Content-Type", "Accept"):
                    if self.headers.get(name):
                        forwarded.add_header(name, self.headers[name])
                try:
                    with urllib.request.urlopen(forwarded, timeout=30) as answer:
                        status, kind, data = answer.status, answer.headers.get("Content-Type"), answer.read()
                except urllib.error.HTTPError as error:
                    status, kind, data = error.code, error.headers.get("Content-Type"), error.read()
                self.send_response(status)
                if kind:
                    self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class _Static:
    """A loopback web server that is not a SPARQL endpoint: an HTML page, or 404, for everything."""

    def __init__(self, status: int) -> None:
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                self.rfile.read(length)
                page = b"<!doctype html><title>Welcome</title><p>Hello"
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            do_GET = do_POST = _answer

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


# ---------------------------------------------------------------- the store, remote only


def test_remove_one_of_two_articles_leaves_the_other_intact(oxigraph_servers: dict[str, str]):
    # on the plain server only: where the merged graph is a named graph, `GRAPH ?g` meets it too
    import test_store

    _clear(oxigraph_servers["default"])
    with _remote(oxigraph_servers, "default", batch_articles=1) as remote:
        test_store.test_remove_one_of_two_articles_leaves_the_other_intact(remote)


def test_queries_read_the_merged_graph_where_each_triple_counts_once(store: RemoteStore):
    store.put_article(SHA_A, article_quads(SHA_A))
    store.put_article(SHA_B, article_quads(SHA_B))
    q = f"SELECT (COUNT(?m) AS ?n) WHERE {{ ?m a <{DIP.Meeting.value}> }}"
    assert store.select(q)[0]["n"].value == "1"
    per_graph = store.select(
        f"SELECT (COUNT(?m) AS ?n) WHERE {{ GRAPH ?g {{ ?m a <{DIP.Meeting.value}> }} "
        f'FILTER(STRSTARTS(STR(?g), "{GRAPH}article/")) }}'
    )
    assert per_graph[0]["n"].value == "2"


def test_prefixes_bindings_ask_and_construct_come_back_as_pyoxigraph_results(store: RemoteStore):
    store.put_article(SHA_A, article_quads(SHA_A, title='say "}" { and \\ '))
    meeting = ox.NamedNode(f"{DIPR}meeting/m1")
    rows = run_query(store, "SELECT ?m ?c WHERE { ?m a ?c }", bindings={"m": meeting})
    assert rows.rows == [(meeting, DIP.Meeting)]
    assert run_query(store, "ASK { ?m a dip:Meeting }").boolean is True
    graph = run_query(store, "CONSTRUCT { ?a dct:title ?t } WHERE { ?a dct:title ?t }")
    assert [t.object.value for t in graph.triples] == ['say "}" { and \\ ']
    with pytest.raises(QueryError, match="refused the query"):
        run_query(store, "SELECT ?x WHERE { ?x ?y }")


def test_bulk_ingest_sends_several_articles_per_request_and_reads_see_the_queue(server: str):
    proxy = _Proxy(server)
    try:
        with RemoteStore.open(proxy.url, batch_articles=3, **FAST) as remote:
            shas = [f"{i:02x}" * 32 for i in range(5)]
            for sha in shas:
                assert remote.put_article(sha, article_quads(sha)) == "new"
            assert proxy.updates == 1  # the first three in one request; two still queued
            assert remote.put_article(shas[4], article_quads(shas[4])) == "unchanged"  # queued counts
            assert remote.article_shas() == sorted(shas)  # a read sends the queue first
            assert proxy.updates == 2
            assert _merged(remote) == _named(remote)
    finally:
        proxy.close()


def test_a_5xx_mid_ingest_is_retried_then_named_and_earlier_articles_stay_whole(server: str):
    proxy = _Proxy(server, fail_from=3)  # the third update request and every one after it
    shas = [f"{i:02x}" * 32 for i in range(1, 5)]
    try:
        remote = RemoteStore.open(proxy.url, batch_articles=1, **FAST)
        remote.put_article(shas[0], article_quads(shas[0], source="corpus/a.txt"))
        remote.put_article(shas[1], article_quads(shas[1], source="corpus/b.txt"))
        with pytest.raises(StoreError) as error:
            remote.put_article(shas[2], article_quads(shas[2], source="corpus/c.txt"))
        remote.close()
    finally:
        proxy.close()
    message = str(error.value)
    assert message == (
        f"store {proxy.url}/update: server answered 503 (busy) after 3 tries "
        "while writing article corpus/c.txt (2 written before are stored)"
    )
    assert proxy.updates == 5  # two that passed, three tries of the third; close() sent nothing more
    with RemoteStore.open(server, **FAST) as check:
        assert check.article_shas() == sorted(shas[:2])
        assert check.graph_quads(article_graph(shas[0])) == set(article_quads(shas[0], source="corpus/a.txt"))
        assert _merged(check) == _named(check)


def test_a_5xx_that_passes_is_retried_and_the_batch_written_once(server: str):
    proxy = _Proxy(server, fail_updates={1, 2})
    try:
        with RemoteStore.open(proxy.url, batch_articles=2, **FAST) as remote:
            remote.put_article(SHA_A, article_quads(SHA_A))
            remote.put_article(SHA_B, article_quads(SHA_B))
        assert proxy.updates == 3
    finally:
        proxy.close()
    with RemoteStore.open(server, **FAST) as check:
        assert check.article_shas() == [SHA_A, SHA_B]
        assert check.quad_count() == 2 * len(article_quads(SHA_A))


def test_a_server_that_is_down_is_one_line_after_retries():
    url = f"http://127.0.0.1:{_free_port()}"
    with pytest.raises(StoreError) as error:
        RemoteStore.open(url, **FAST)
    message = str(error.value)
    assert message.startswith(f"store {url}/query: cannot connect (")
    assert message.endswith("after 3 tries while connecting")
    assert "\n" not in message


@pytest.mark.parametrize("status", [200, 404])
def test_a_url_that_is_not_a_sparql_endpoint_is_refused(status: int):
    page = _Static(status)
    try:
        with pytest.raises(StoreError, match="SPARQL endpoint") as error:
            RemoteStore.open(f"{page.url}/index.html", **FAST)
    finally:
        page.close()
    assert "\n" not in str(error.value)


def test_credentials_are_sent_and_never_shown(server: str, monkeypatch: pytest.MonkeyPatch):
    proxy = _Proxy(server)
    try:
        monkeypatch.setenv("KG_STORE_TOKEN", "s3cret-token")
        with RemoteStore.open(proxy.url, **FAST) as remote:
            assert remote.article_shas() == []
        assert proxy.headers[-1]["Authorization"] == "Bearer s3cret-token"
    finally:
        proxy.close()
    down = f"http://alice:pa55word@127.0.0.1:{_free_port()}/sparql"
    with pytest.raises(StoreError) as error:
        RemoteStore.open(down, retries=0)
    assert "pa55word" not in str(error.value) and "alice" not in str(error.value)
    assert "s3cret" not in str(error.value)


def test_read_only_refuses_writes(server: str):
    with RemoteStore.open(server, read_only=True, **FAST) as reader:
        with pytest.raises(StoreError, match="read-only"):
            reader.put_article(SHA_A, article_quads(SHA_A))
        with pytest.raises(StoreError, match="read-only"):
            reader.remove_article(SHA_A)


def test_open_store_picks_the_backend(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with open_store(tmp_path / "folder") as local:
        assert isinstance(local, Store)
    monkeypatch.setenv("KG_STORE", server)
    with open_store(None) as remote:
        assert isinstance(remote, RemoteStore)


# ---------------------------------------------------------------- the kg command


def kg(*args: object, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env=env, prog_name="kg")


def ok(result: Result) -> Result:
    assert result.exit_code == 0, f"exit {result.exit_code}\n{result.output}\n{result.exception!r}"
    return result


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Four articles ingested by `kg ingest` into an embedded store and into a server of its own."""
    folder = tmp_path_factory.mktemp("embedded") / "store"
    with OxigraphServer(None, read_only=False) as server:
        stores = {"embedded": str(folder), "remote": server.url}
        summaries = {name: ok(kg("ingest", "--store", at, *SAMPLE)).stdout for name, at in stores.items()}
        assert summaries["embedded"] == summaries["remote"]
        assert "4 new" in summaries["remote"]
        yield stores


def test_ingest_again_changes_nothing_remotely(both: dict[str, str]):
    assert "0 new, 4 unchanged" in ok(kg("ingest", "--store", both["remote"], *SAMPLE)).stdout


@pytest.mark.parametrize(
    "args",
    [
        ("stats", "--format", "json"),
        (
            "query",
            "--format",
            "csv",
            "SELECT ?iso WHERE { ?c a dip:Country ; dip:isoCode ?iso } ORDER BY ?iso",
        ),
        ("query", "SELECT (COUNT(*) AS ?n) WHERE { ?m a dip:Meeting }"),
        ("analyze", "--format", "json"),
    ],
)
def test_commands_print_the_same_on_both_stores(both: dict[str, str], args: tuple[str, ...]):
    embedded, remote = (kg(*args, "--store", both[name]) for name in ("embedded", "remote"))
    assert embedded.exit_code == remote.exit_code, remote.output
    assert remote.stdout == embedded.stdout


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "ntriples"])
def test_export_gives_the_same_graph_on_both_stores(both: dict[str, str], tmp_path: Path, fmt: str):
    out = {}
    for name in ("embedded", "remote"):
        target = tmp_path / f"{name}.{fmt}"
        ok(kg("export", "--store", both[name], "--format", fmt, "-o", target))
        parse_format = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}.get(fmt)
        parse_format = parse_format or {"turtle": ox.RdfFormat.TURTLE}.get(fmt, ox.RdfFormat.N_TRIPLES)
        out[name] = set(ox.parse(path=target, format=parse_format))
    assert out["remote"] == out["embedded"]
    assert len(out["remote"]) > 200


def test_validate_reads_the_named_graphs_of_a_remote_store(both: dict[str, str]):
    # once, on the remote store only: pySHACL takes seconds, and tests/test_cli.py validates embedded
    assert ok(kg("validate", "--store", both["remote"])).stdout.startswith("valid: ")


def test_derive_and_the_derived_query_give_the_same_on_both_stores(both: dict[str, str]):
    derived = {name: ok(kg("derive", "--store", both[name])).stdout for name in ("embedded", "remote")}
    assert derived["remote"] == derived["embedded"]
    assert derived["remote"].startswith("derived: ")
    rows = {
        name: ok(
            kg("query", "--name", "derive-country-pairs", "--format", "csv", "--store", both[name])
        ).stdout
        for name in ("embedded", "remote")
    }
    assert rows["remote"] == rows["embedded"]
    assert len(rows["remote"].splitlines()) > 1
    assert "up to date" in ok(kg("stats", "--store", both["remote"])).stdout


def test_construct_prints_turtle_and_viz_draws_from_a_remote_store(both: dict[str, str], tmp_path: Path):
    result = ok(
        kg("query", "--store", both["remote"], "CONSTRUCT { ?c a dip:Country } WHERE { ?c a dip:Country }")
    )
    assert "dip:Country" in result.stdout
    ok(kg("viz", "--store", both["remote"], "-o", tmp_path / "graph.html"))
    assert (tmp_path / "graph.html").stat().st_size > 1000


def test_remove_through_the_command(server: str):
    article = ARTICLES / "berlin-bishkek-visit.de.txt"
    ok(kg("ingest", "--store", server, article))
    stats = json.loads(ok(kg("stats", "--store", server, "--format", "json")).stdout)
    assert stats["articles"] == 1
    assert ok(kg("remove", "--store", server, article)).stdout.startswith("removed article ")
    stats = json.loads(ok(kg("stats", "--store", server, "--format", "json")).stdout)
    assert stats["articles"] == 0 and stats["graphs"] == 1  # the reference graph stays


def test_commands_report_a_bad_store_url_in_one_line(tmp_path: Path):
    page = _Static(404)
    try:
        result = kg("stats", "--store", page.url + "/nothing", env={"KG_STORE_RETRIES": "0"})
    finally:
        page.close()
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("kg: store http://127.0.0.1:")
    assert "SPARQL endpoint" in result.stderr


def test_a_failing_server_stops_ingest_with_the_article_named(server: str):
    proxy = _Proxy(server, fail_from=2)  # the reference graph passes, the articles do not
    try:
        result = kg(
            "ingest",
            "--store",
            proxy.url,
            *SAMPLE,
            env={"KG_STORE_RETRIES": "1", "KG_STORE_BACKOFF_S": "0", "KG_STORE_BATCH": "1"},
        )
    finally:
        proxy.close()
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "server answered 503 (busy) after 2 tries while writing article " in result.stderr
    assert "(0 written before are stored)" in result.stderr


@pytest.mark.parametrize(
    ("given", "query", "update"),
    [
        ("http://h:7878", "http://h:7878/query", "http://h:7878/update"),  # Oxigraph
        ("http://h:3030/ds/query", "http://h:3030/ds/query", "http://h:3030/ds/update"),  # Fuseki
        ("http://h:3030/ds", "http://h:3030/ds", "http://h:3030/ds"),  # Fuseki's dataset URL
        ("http://u:p%40ss@h:8890/sparql", "http://h:8890/sparql", "http://h:8890/sparql"),  # Virtuoso
        ("https://h/repositories/kg", "https://h/repositories/kg", "https://h/repositories/kg/statements"),
    ],
)
def test_endpoint_urls_follow_each_server_and_drop_credentials(given: str, query: str, update: str):
    remote = RemoteStore(given)  # no request is sent before check()
    assert (remote.url, remote._client.update_url) == (query, update)


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    from kg.remote import RemoteSettings

    monkeypatch.setenv("KG_STORE_RETRIES", "7")
    monkeypatch.setenv("KG_STORE_MERGED_GRAPH", "named")
    monkeypatch.setenv("KG_STORE_UPDATE_URL", "http://h/u")
    settings = RemoteSettings.from_env(backoff_s=0.0)
    assert (settings.retries, settings.merged_graph, settings.update_url) == (
        7,
        DEFAULT_MERGED_GRAPH,
        "http://h/u",
    )
    monkeypatch.setenv("KG_STORE_BATCH", "0")
    with pytest.raises(StoreError, match=r"\$KG_STORE_BATCH: '0' is out of range"):
        RemoteSettings.from_env()
    monkeypatch.setenv("KG_STORE_BATCH", "many")
    with pytest.raises(StoreError, match="not a number"):
        RemoteSettings.from_env()


def test_a_query_keeps_its_own_prefixes(store: RemoteStore):
    store.put_article(SHA_A, article_quads(SHA_A))
    text = "PREFIX dip: <http://example.org/other#> SELECT ?m WHERE { ?m a dip:Meeting }"
    assert run_query(store, text).rows == []


def test_put_graph_keeps_a_derived_graph_out_of_the_merged_graph(store: RemoteStore):
    from kg.vocab import DERIVED_GRAPH

    store.put_article(SHA_A, article_quads(SHA_A))
    derived = ox.NamedNode(DERIVED_GRAPH)
    pair = [ox.Quad(ox.NamedNode(f"{DIPR}pair/kz-cn-2024"), DIP.sha256, ox.Literal("x"), derived)]
    assert store.put_graph(DERIVED_GRAPH, pair) is True
    assert store.put_graph(DERIVED_GRAPH, pair) is False
    assert store.graph_quads(DERIVED_GRAPH) == set(pair)
    assert not store.select(f"SELECT ?s WHERE {{ ?s <{DIP.sha256.value}> 'x' }}")
    with pytest.raises(ValueError, match="article or the reference graph"):
        store.put_graph(article_graph(SHA_B), [])


def test_a_server_that_goes_down_mid_ingest_is_named_with_the_article(server: str):
    proxy = _Proxy(server)
    remote = RemoteStore.open(proxy.url, batch_articles=1, **FAST)
    remote.put_article(SHA_A, article_quads(SHA_A, source="corpus/a.txt"))
    proxy.close()
    with pytest.raises(StoreError) as error:
        remote.put_article(SHA_B, article_quads(SHA_B, source="corpus/b.txt"))
    message = str(error.value)
    assert message.startswith(f"store {proxy.url}/query: cannot connect (")
    assert message.endswith("after 3 tries while reading article corpus/b.txt (1 written before are stored)")
    with RemoteStore.open(server, **FAST) as check:
        assert check.article_shas() == [SHA_A]
