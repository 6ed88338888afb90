"""``kg serve`` over real HTTP: Oxigraph's server behind the dipkg proxy, on loopback ports."""

from __future__ import annotations

import concurrent.futures
import csv
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError, StoreError
from kg.ingest import ingest
from kg.oxigraph_server import OxigraphServer, oxigraph_binary
from kg.serve import TRUNCATED_HEADER, Endpoint, EndpointConfig
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [
    ROOT / "data" / "articles" / "almaty-cica-ministers.en.txt",
    ROOT / "data" / "articles" / "astana-cfive-ministerial.en.txt",
]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
NEVER_ENDS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
JSON = "application/sparql-results+json"
CAP = 50


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    with Store.open(path) as store:
        ingest([str(p) for p in ARTICLES], store=store)
    return path


@pytest.fixture(scope="module")
def triples(store_dir: Path) -> int:
    with Store.open(store_dir, read_only=True) as store:
        return int(store.select(COUNT)[0]["n"].value)


@pytest.fixture
def own_store(store_dir: Path, tmp_path: Path) -> Path:
    """A copy of the store, for tests that start their own endpoint (the shared one holds the lock)."""
    return Path(shutil.copytree(store_dir, tmp_path / "own"))


@pytest.fixture(scope="module")
def endpoint(store_dir: Path, triples: int):
    with Endpoint(EndpointConfig(store=store_dir, bind="127.0.0.1:0", timeout_s=20, max_rows=CAP)) as served:
        yield served


def _get(url: str, query: str, accept: str = JSON, timeout: float = 30):
    request = urllib.request.Request(
        f"{url}?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept}
    )
    return urllib.request.urlopen(request, timeout=timeout)


def _post(url: str, body: bytes, content_type: str, headers: dict[str, str] | None = None):
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": content_type, **(headers or {})}
    )
    return urllib.request.urlopen(request, timeout=30)


def _error(call) -> urllib.error.HTTPError:
    with pytest.raises(urllib.error.HTTPError) as caught:
        call()
    return caught.value


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as a server binds: no listener left
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _count(response) -> int:
    return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


# ------------------------------------------------------------------ the Oxigraph process


def test_oxigraph_binary_is_pyoxigraphs_version() -> None:
    binary = oxigraph_binary()
    out = subprocess.run([str(binary), "--version"], capture_output=True, text=True, check=True).stdout
    assert out.split()[-1] == pyoxigraph.__version__


def test_oxigraph_version_mismatch_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.oxigraph_server as module

    module._check_version.cache_clear()
    monkeypatch.setattr(module, "_pyoxigraph_version", lambda: "0.0.1")
    try:
        with pytest.raises(StoreError, match=r"version .* but pyoxigraph is 0\.0\.1"):
            oxigraph_binary()
    finally:
        module._check_version.cache_clear()


def test_oxigraph_server_answers_and_stops_cleanly(store_dir: Path, triples: int) -> None:
    server = OxigraphServer(store_dir)
    with server:
        assert server.running
        assert _count(_get(server.query_url, COUNT)) == triples
        process_id, port = server.pid, server.port
    assert not server.running
    assert process_id is not None and not Path(f"/proc/{process_id}").exists()
    assert _port_free(port)


def test_oxigraph_server_needs_a_store_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        OxigraphServer(tmp_path / "missing").start()


# ------------------------------------------------------------------ queries


def test_select_by_get_and_by_post(endpoint: Endpoint, triples: int) -> None:
    assert _count(_get(endpoint.query_url, COUNT)) == triples
    direct = _post(endpoint.query_url, COUNT.encode(), "application/sparql-query", {"Accept": JSON})
    assert _count(direct) == triples
    form = urllib.parse.urlencode({"query": COUNT}).encode()
    assert (
        _count(_post(endpoint.query_url, form, "application/x-www-form-urlencoded", {"Accept": JSON}))
        == triples
    )


def _rows(media: str, body: bytes) -> list:
    text = body.decode("utf-8")
    if media == JSON:
        return json.loads(text)["results"]["bindings"]
    if media == "application/sparql-results+xml":
        namespace = "{http://www.w3.org/2005/sparql-results#}"
        return ET.fromstring(text).findall(f"{namespace}results/{namespace}result")
    if media == "text/csv":
        return list(csv.reader(io.StringIO(text, newline="")))[1:]
    return text.splitlines()[1:]


@pytest.mark.parametrize(
    "media", [JSON, "application/sparql-results+xml", "text/csv", "text/tab-separated-values"]
)
def test_each_results_format(endpoint: Endpoint, media: str) -> None:
    response = _get(endpoint.query_url, "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 7", media)
    assert response.headers["Content-Type"].startswith(media)
    assert response.headers[TRUNCATED_HEADER] is None
    assert len(_rows(media, response.read())) == 7


@pytest.mark.parametrize(
    ("media", "fmt"),
    [
        ("text/turtle", pyoxigraph.RdfFormat.TURTLE),
        ("application/n-triples", pyoxigraph.RdfFormat.N_TRIPLES),
        ("application/ld+json", pyoxigraph.RdfFormat.JSON_LD),
    ],
)
def test_construct_in_graph_formats(endpoint: Endpoint, media: str, fmt) -> None:
    query = "PREFIX dip: <https://w3id.org/dipkg/ontology#> CONSTRUCT WHERE { ?m a dip:Meeting }"
    with Store.open(endpoint.config.store, read_only=True) as store:
        expected = set(store.query(query))
    assert 0 < len(expected) < CAP
    response = _get(endpoint.query_url, query, media)
    assert response.headers["Content-Type"].startswith(media)
    got = {
        pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in pyoxigraph.parse(response.read(), fmt)
    }
    assert got == expected


def test_ask(endpoint: Endpoint) -> None:
    assert json.load(_get(endpoint.query_url, "ASK { ?s ?p ?o }"))["boolean"] is True


def test_a_malformed_query_is_a_400_with_oxigraphs_message(endpoint: Endpoint) -> None:
    error = _error(lambda: _get(endpoint.query_url, "SELECT * WHERE { ?s "))
    assert error.code == 400
    assert b"error at" in error.read()


def test_eight_clients_thousand_queries_none_lost(endpoint: Endpoint) -> None:
    def ask(number: int) -> int:
        query = f"SELECT ?i WHERE {{ BIND({number} AS ?i) ?s ?p ?o }} LIMIT 1"
        rows = json.load(_get(endpoint.query_url, query))["results"]["bindings"]
        return int(rows[0]["i"]["value"])

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(ask, range(1000)))
    assert answers == list(range(1000))


# ------------------------------------------------------------------ the row cap


@pytest.mark.parametrize(
    "media", [JSON, "application/sparql-results+xml", "text/csv", "text/tab-separated-values"]
)
def test_rows_beyond_the_cap_are_cut_with_a_header(endpoint: Endpoint, media: str) -> None:
    response = _get(endpoint.query_url, "SELECT * WHERE { ?s ?p ?o }", media)
    assert response.headers[TRUNCATED_HEADER] == f"result cut at {CAP} rows (kg serve --max-rows {CAP})"
    assert len(_rows(media, response.read())) == CAP  # and the cut document still parses


def test_exactly_the_cap_is_not_cut(endpoint: Endpoint) -> None:
    response = _get(endpoint.query_url, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {CAP}")
    assert response.headers[TRUNCATED_HEADER] is None
    assert len(_rows(JSON, response.read())) == CAP


def test_cut_keeps_values_with_brackets_quotes_and_newlines(endpoint: Endpoint) -> None:
    values = ['a}"{', "b\\\\", "c]\n}", 'd,"e"', *[f"v{i}" for i in range(CAP)]]
    literals = " ".join(json.dumps(v) for v in values)
    query = f"SELECT ?x WHERE {{ VALUES ?x {{ {literals} }} }}"
    rows = _rows(JSON, _get(endpoint.query_url, query).read())
    assert [row["x"]["value"] for row in rows] == values[:CAP]
    csv_rows = _rows("text/csv", _get(endpoint.query_url, query, "text/csv").read())
    assert [row[0] for row in csv_rows] == values[:CAP]


def test_construct_beyond_the_cap_is_cut(endpoint: Endpoint) -> None:
    response = _get(endpoint.query_url, "CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle")
    assert response.headers[TRUNCATED_HEADER] is not None
    assert len(list(pyoxigraph.parse(response.read(), pyoxigraph.RdfFormat.TURTLE))) == CAP


# ------------------------------------------------------------------ updates and tokens


def test_read_only_refuses_updates(endpoint: Endpoint, triples: int) -> None:
    update = b"INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    for url in (endpoint.update_url, f"{endpoint.url}/sparql"):
        error = _error(lambda url=url: _post(url, update, "application/sparql-update"))
        assert error.code == 403
        assert b"read-only" in error.read()
    put = urllib.request.Request(
        f"{endpoint.store_url}?default", data=b"<urn:x:a> <urn:x:b> <urn:x:c> .", method="PUT"
    )
    put.add_header("Content-Type", "application/n-triples")
    assert _error(lambda: urllib.request.urlopen(put, timeout=30)).code == 403
    assert _count(_get(endpoint.query_url, COUNT)) == triples


def test_writable_needs_the_right_token(own_store: Path, triples: int) -> None:
    update = b"INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    config = EndpointConfig(store=own_store, bind="127.0.0.1:0", writable=True, token="s3cret")
    with Endpoint(config) as served:
        missing = _error(lambda: _post(served.update_url, update, "application/sparql-update"))
        assert missing.code == 401
        assert missing.headers["WWW-Authenticate"].startswith("Bearer")
        assert b"Authorization: Bearer" in missing.read()
        wrong = _error(
            lambda: _post(
                served.update_url, update, "application/sparql-update", {"Authorization": "Bearer nope"}
            )
        )
        assert wrong.code == 403
        assert b"wrong token" in wrong.read()
        assert _count(_get(served.query_url, COUNT)) == triples
        done = _post(
            served.update_url, update, "application/sparql-update", {"Authorization": "Bearer s3cret"}
        )
        assert done.status in (200, 204)
        assert _count(_get(served.query_url, COUNT)) == triples + 1


def test_token_holders_get_whole_results_and_can_ingest_through_the_endpoint(
    own_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a <https://w3id.org/dipkg/ontology#Article> } }"
    config = EndpointConfig(store=own_store, bind="127.0.0.1:0", writable=True, token="s3cret", max_rows=5)
    with Endpoint(config) as served:
        everything = "SELECT * WHERE { ?s ?p ?o } LIMIT 20"
        assert len(_rows(JSON, _get(served.query_url, everything).read())) == 5
        request = urllib.request.Request(
            f"{served.query_url}?{urllib.parse.urlencode({'query': everything})}",
            headers={"Accept": JSON, "Authorization": "Bearer s3cret"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.headers[TRUNCATED_HEADER] is None
            assert len(_rows(JSON, response.read())) == 20
        monkeypatch.setenv("KG_STORE_TOKEN", "s3cret")
        extra = ROOT / "data" / "articles" / "almaty-cica-ministers.en.txt"
        before = _count(_get(served.query_url, articles))
        (own_store.parent / "again.en.txt").write_text(extra.read_text() + "\nA further line.\n")
        result = CliRunner().invoke(
            main, ["ingest", "--store", served.url, str(own_store.parent / "again.en.txt")]
        )
        assert result.exit_code == 0, result.output
        assert _count(_get(served.query_url, articles)) == before + 1


def test_writable_without_a_token_is_refused(store_dir: Path) -> None:
    with pytest.raises(KgError, match="--token"):
        Endpoint(EndpointConfig(store=store_dir, writable=True))


# ------------------------------------------------------------------ timeout, stop, errors


def test_a_query_that_never_ends_times_out_clearly(own_store: Path, triples: int) -> None:
    with Endpoint(EndpointConfig(store=own_store, bind="127.0.0.1:0", timeout_s=1)) as served:
        error = _error(lambda: _get(served.query_url, NEVER_ENDS, "text/csv"))
        assert error.code == 504
        assert error.read().decode().startswith("query timed out after 1 s (kg serve --timeout 1)")
        assert _count(_get(served.query_url, COUNT)) == triples  # still serving


def test_stop_ends_the_process_and_frees_the_port(own_store: Path) -> None:
    served = Endpoint(EndpointConfig(store=own_store, bind="127.0.0.1:0")).start()
    port, upstream = int(served.url.rsplit(":", 1)[1]), served._upstream
    assert upstream is not None and upstream.pid is not None
    served.stop()
    assert not Path(f"/proc/{upstream.pid}").exists()
    assert _port_free(port) and _port_free(upstream.port)
    with Store.open(own_store):  # the store is free for writing again
        pass


def test_offline_page_has_no_external_urls(endpoint: Endpoint) -> None:
    response = urllib.request.urlopen(endpoint.url + "/", timeout=30)
    assert response.headers["Content-Type"].startswith("text/html")
    page = response.read().decode()
    assert 'fetch("/query"' in page and "<textarea" in page
    for attribute in ("src=", "href="):
        for value in page.split(attribute)[1:]:
            assert not value.lstrip("\"'").startswith(("http:", "https:", "//"))
    yasgui = urllib.request.urlopen(endpoint.url + "/yasgui/", timeout=30).read().decode()
    assert "yasgui.min.js" in yasgui
    assert urllib.request.urlopen(endpoint.url + "/yasgui/yasgui.min.js", timeout=30).status == 200


def test_port_in_use_and_missing_store_are_one_line(own_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(main, ["serve", "--store", str(own_store), "--port", str(port)])
    assert result.exit_code == 2
    assert (
        result.output.strip()
        == f"kg: cannot serve on 127.0.0.1:{port}: the port is in use (pick another with --port)"
    )
    missing = runner.invoke(main, ["serve", "--store", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert len(missing.output.strip().splitlines()) == 1 and "does not exist" in missing.output
    assert not (tmp_path / "nope").exists()


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_cli_serves_refuses_ingest_and_stops_on_sigterm(own_store: Path) -> None:
    kg = Path(sys.executable).parent / "kg"
    command = [str(kg), "serve", "--store", str(own_store), "--port", "0", "--timeout", "5"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = process.stdout.readline() if process.stdout else ""
        assert first.startswith(f"serving {own_store} at http://127.0.0.1:"), first
        url = first.split(" at ")[1].split("/ ")[0]
        assert json.load(_get(url + "/query", "ASK { ?s ?p ?o }"))["boolean"] is True
        children = _children(process.pid)
        assert children, "the oxigraph server runs as a child process"
        ingest = subprocess.run(
            [str(kg), "ingest", "--store", str(own_store), str(ARTICLES[0])],
            capture_output=True,
            text=True,
            env={**os.environ, "KG_STORE": ""},
        )
        assert ingest.returncode == 2
        assert "in use by another process" in ingest.stderr
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert out.strip().endswith("stopped")
    assert all(not Path(f"/proc/{child}").exists() for child in children)
