"""``kg serve``: a SPARQL 1.1 Protocol endpoint over a store folder.

The SPARQL engine and the protocol are Oxigraph's own server (``oxigraph serve-read-only``, or
``oxigraph serve`` when writable; see :mod:`kg.oxigraph_server`), running on an internal loopback
port. In front of it a small proxy (:class:`http.server.ThreadingHTTPServer`) on the public port
adds what Oxigraph's server lacks:

* **Updates refused** unless the endpoint is writable, and then only with
  ``Authorization: Bearer TOKEN`` (401 without it, 403 with a wrong one). That covers SPARQL
  Update (``/update``, ``/sparql``) and the writing methods of the Graph Store Protocol
  (``PUT``/``POST``/``DELETE`` on ``/store``). Reading needs no token.
* **A result-size cap.** A result is read from Oxigraph up to ``max_rows`` rows (solutions of a
  SELECT, triples of a CONSTRUCT/DESCRIBE) and sent whole with a ``Content-Length``; a longer
  one is cut after ``max_rows`` rows, stays a valid document of its format, and carries the
  header ``X-Kg-Truncated: result cut at N rows (kg serve --max-rows N)``. The rest of the query
  is not computed (the proxy closes its connection to Oxigraph, which cancels it).
  ``max_rows=0`` streams results through uncapped instead, and so does every query that carries
  the token of a writable endpoint (a ``kg`` command using it as a remote store needs whole results).
* **A clear timeout.** Oxigraph's ``--timeout-s`` cancels a query but answers ``200`` with its
  message appended to the half-written result; the proxy turns that, and its own deadline
  (timeout + 1 s, for results that trickle), into ``504`` with one line of text.
* **A query page that works offline** at ``/``: a form, a results table, no external URL. The
  YASGUI editor bundled with Oxigraph's server is at ``/yasgui/`` (its scripts are served
  locally; only its prefix autocompletion asks prefix.cc, and does without when offline).

Oxigraph does the content negotiation: SPARQL JSON, XML, CSV and TSV results; Turtle, N-Triples,
N-Quads, TriG, RDF/XML and JSON-LD graphs (a capped graph result is re-written by pyoxigraph in
the format Oxigraph chose, with the dipkg prefixes).

Queries read the store's default graph, which is the merged graph of all articles
(:mod:`kg.store`); ``GRAPH ?g { … }`` reaches each article. ``--union-default-graph`` is
deliberately not used: the union is a multiset and makes joins explode.

No other process may write the store while it is served: a read-only endpoint holds the
store's lock (:class:`kg.oxigraph_server.StoreLock`), so ``kg ingest`` from another process
fails with "in use by another process"; a writable endpoint's Oxigraph holds it itself, and
writes go through the endpoint (``kg ingest --store http://HOST:PORT``).
"""

from __future__ import annotations

import errno
import hmac
import http.client
import io
import itertools
import os
import re
import signal
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from kg.errors import KgError, StoreError
from kg.oxigraph_server import EndpointUrls, OxigraphServer, split_bind

__all__ = ["DEFAULT_MAX_ROWS", "DEFAULT_TIMEOUT_S", "Endpoint", "EndpointConfig", "serve_until_stopped"]

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_ROWS = 10_000
TRUNCATED_HEADER = "X-Kg-Truncated"

_CANCELLED = b"The SPARQL operation has been cancelled"
_CHUNK = 1 << 16
_MAX_REQUEST_BYTES = 16 << 20
_MAX_ERROR_BYTES = 1 << 20
_MAX_UPLOAD_BYTES = 1 << 30
_GRACE_S = 1.0
_LONG_S = 3600.0  # updates, Graph Store Protocol transfers and pages: Oxigraph's timeout is for queries
_YASGUI_ASSETS = {"yasgui.min.js", "yasgui.min.css", "logo.svg"}


@dataclass(frozen=True, kw_only=True)
class EndpointConfig:
    """What ``kg serve`` serves and how: see :class:`Endpoint`."""

    store: Path
    bind: str = "127.0.0.1:7878"
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_rows: int = DEFAULT_MAX_ROWS
    writable: bool = False
    token: str | None = None

    def check(self) -> None:
        split_bind(self.bind)
        if self.timeout_s <= 0:
            raise KgError(f"--timeout {self.timeout_s:g} must be more than 0 seconds")
        if self.max_rows < 0:
            raise KgError(f"--max-rows {self.max_rows} must be 0 (no cap) or more")
        if self.writable and not self.token:
            raise KgError("--writable needs --token TOKEN (or $KG_SERVE_TOKEN): updates must be authorised")
        if self.token and not self.writable:
            raise KgError("--token is only used with --writable (a read-only endpoint takes no updates)")


class _Refused(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


class _TimedOut(Exception):
    pass


# ------------------------------------------------------------------ reading Oxigraph's answer


class _Upstream(io.RawIOBase):
    """Oxigraph's response body as a raw stream that gives up at the deadline and keeps its tail."""

    def __init__(self, response: http.client.HTTPResponse, deadline: float) -> None:
        self._response = response
        self._deadline = deadline
        self.tail = b""
        self.timed_out = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if time.monotonic() > self._deadline:
            self.timed_out = True
            raise _TimedOut
        try:
            data = self._response.read1(len(buffer))
        except TimeoutError as error:
            self.timed_out = True
            raise _TimedOut from error
        buffer[: len(data)] = data
        self.tail = (self.tail + data)[-len(_CANCELLED) - 8 :]
        return len(data)

    def cancelled(self) -> bool:
        return _CANCELLED in self.tail


class _RowCutter:
    """Finds where each row of a SPARQL results document ends, without parsing its terms.

    ``feed`` scans the buffered document; ``ends`` holds the offset just after each complete row
    (header rows of CSV/TSV excluded). ``close`` is what makes a cut document whole again.
    """

    _JSON_TOKENS = re.compile(rb'[{}\[\]"]')
    _CSV_TOKENS = re.compile(rb'["\n]')

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.ends: list[int] = []
        self._pos = 0
        self._depth = 0
        self._arrays: list[bool] = []
        self._in_string = False
        self._header = kind in ("csv", "tsv")
        self.close = {"json": b"]}}", "xml": b"</results></sparql>"}.get(kind, b"")

    def feed(self, data: bytes | bytearray, *, want: int) -> None:
        scan = {"json": self._json, "xml": self._xml, "csv": self._csv, "tsv": self._tsv}[self.kind]
        scan(data, want)

    def _row(self, end: int) -> None:
        if self._header:
            self._header = False
        else:
            self.ends.append(end)

    def _tsv(self, data: bytes | bytearray, want: int) -> None:
        while len(self.ends) < want:
            nl = data.find(b"\n", self._pos)
            if nl < 0:
                return
            self._pos = nl + 1
            self._row(self._pos)

    def _csv(self, data: bytes | bytearray, want: int) -> None:
        for match in self._CSV_TOKENS.finditer(data, self._pos):
            self._pos = match.end()
            if match.group() == b'"':
                self._in_string = not self._in_string
            elif not self._in_string:
                self._row(self._pos)
                if len(self.ends) >= want:
                    return
        self._pos = len(data)

    def _xml(self, data: bytes | bytearray, want: int) -> None:
        token = b"</result>"
        while len(self.ends) < want:
            found = data.find(token, self._pos)
            if found < 0:
                self._pos = max(self._pos, len(data) - len(token) + 1)
                return
            self._pos = found + len(token)
            self._row(self._pos)

    def _json(self, data: bytes | bytearray, want: int) -> None:
        # A solution is an object directly inside the array at depth 3: {"results": {"bindings": [ {…} ]}}.
        # Only brackets and quotes matter; a quote is a string's end unless an odd run of \\ precedes it.
        for match in self._JSON_TOKENS.finditer(data, self._pos):
            char = match.group()
            if self._in_string:
                if char == b'"' and not self._escaped(data, match.start()):
                    self._in_string = False
                continue
            if char == b'"':
                self._in_string = True
            elif char in (b"{", b"["):
                self._arrays.append(char == b"[")
            else:
                self._arrays.pop()
                if char == b"}" and len(self._arrays) == 3 and self._arrays[2]:
                    self.ends.append(match.end())
                    if len(self.ends) >= want:
                        self._pos = match.end()
                        return
        self._pos = len(data)

    @staticmethod
    def _escaped(data: bytes | bytearray, quote: int) -> bool:
        slashes = 0
        while quote - slashes - 1 >= 0 and data[quote - slashes - 1] == 0x5C:
            slashes += 1
        return slashes % 2 == 1


def _results_kind(content_type: str) -> str | None:
    media = content_type.split(";")[0].strip().lower()
    return {
        "application/sparql-results+json": "json",
        "application/json": "json",
        "application/sparql-results+xml": "xml",
        "application/xml": "xml",
        "text/csv": "csv",
        "text/tab-separated-values": "tsv",
    }.get(media)


def _rdf_format(content_type: str) -> Any:
    import pyoxigraph

    try:
        return pyoxigraph.RdfFormat.from_media_type(content_type.split(";")[0].strip())
    except ValueError:
        return None


# ------------------------------------------------------------------ the proxy


class _Front(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up mid-request is no news; the library prints nothing."""

    def __init__(self, address: tuple[str, int], config: EndpointConfig, upstream: OxigraphServer) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.config = config
        self.upstream = upstream
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _Front
    protocol_version = "HTTP/1.1"
    server_version = "dipkg"

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes: without this, Nagle's algorithm and the
        # client's delayed ACK hold each response back by some 40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        """No access log: the library prints nothing."""

    # -------------------------------------------------------- routing

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._dispatch("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_PUT(self) -> None:  # noqa: N802
        self._dispatch("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        self._responded = False
        path, _, query_string = self.path.partition("?")
        path = path.removeprefix("/yasgui") if path.startswith("/yasgui/") else path
        try:
            if path in ("/", "/index.html") and method in ("GET", "HEAD"):
                if self.path.startswith("/yasgui/"):
                    self._pass_through("GET", "/", query_string, b"")
                else:
                    self._send(200, _page(self.server.config).encode("utf-8"), "text/html; charset=utf-8")
            elif self.path == "/yasgui":
                self._send(301, b"", "text/plain", {"Location": "/yasgui/"})
            elif path.lstrip("/") in _YASGUI_ASSETS and method in ("GET", "HEAD"):
                self._pass_through(method, path, "", b"")
            elif path in ("/query", "/sparql", "/update"):
                self._sparql(method, path, query_string)
            elif path == "/store":
                self._graph_store(method, query_string)
            else:
                raise _Refused(404, f"no such page: {path} (the endpoint is /query, the page is /)")
        except _Refused as refused:
            self.close_connection = True
            if self._responded:
                return
            self._send(
                refused.status, (str(refused) + "\n").encode(), "text/plain; charset=utf-8", refused.headers
            )
        except _TimedOut:
            self.close_connection = True
            if self._responded:
                return
            self._send(504, self._timeout_message(), "text/plain; charset=utf-8")
        except (ConnectionError, TimeoutError):
            self.close_connection = True  # the client went away, or Oxigraph did
        except Exception as error:  # a bug here must not leave the client waiting
            self.close_connection = True
            if not self._responded:
                message = f"internal error in kg serve: {type(error).__name__}: {error}\n".encode()
                self._send(500, message, "text/plain; charset=utf-8")

    def _timeout_message(self) -> bytes:
        seconds = self.server.config.timeout_s
        return (
            f"query timed out after {seconds:g} s (kg serve --timeout {seconds:g}); "
            "narrow the query or add a LIMIT\n"
        ).encode()

    # -------------------------------------------------------- SPARQL

    def _body(self, *, limit: int = _MAX_REQUEST_BYTES) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise _Refused(411, "send the request body with a Content-Length")
        length = int(self.headers.get("Content-Length") or 0)
        if length > limit:
            raise _Refused(413, f"request body of {length} bytes is over the {limit} byte limit")
        return self.rfile.read(length) if length else b""

    def _sparql(self, method: str, path: str, query_string: str) -> None:
        if method not in ("GET", "POST"):
            raise _Refused(405, f"{method} is not allowed on {path}: use GET or POST", {"Allow": "GET, POST"})
        body = self._body() if method == "POST" else b""
        if self._is_update(method, path, body):
            self._authorise()
            self._pass_through("POST", "/update", query_string, body)
        else:
            self._query(method, query_string, body)

    def _is_update(self, method: str, path: str, body: bytes) -> bool:
        """``/update`` always; ``/sparql`` (YASGUI's endpoint) when a POST carries an update."""
        if path != "/sparql" or method != "POST":
            return path == "/update"
        media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return True
        if media == "application/x-www-form-urlencoded":
            return "update" in urllib.parse.parse_qs(body.decode("utf-8", "replace"))
        return False

    def _token_ok(self) -> bool:
        """True when the endpoint is writable and the request carries its bearer token."""
        config = self.server.config
        scheme, _, token = self.headers.get("Authorization", "").partition(" ")
        return (
            config.writable
            and scheme.lower() == "bearer"
            and hmac.compare_digest(token.strip().encode(), str(config.token).encode())
        )

    def _authorise(self) -> None:
        config = self.server.config
        if not config.writable:
            raise _Refused(
                403, "updates are refused: this endpoint is read-only (kg serve --writable --token TOKEN)"
            )
        given = self.headers.get("Authorization", "")
        if not given:
            raise _Refused(
                401,
                "updates need the header 'Authorization: Bearer TOKEN' (the token kg serve was started with)",
                {"WWW-Authenticate": 'Bearer realm="kg serve"'},
            )
        if not self._token_ok():
            raise _Refused(
                403, "wrong token: updates need 'Authorization: Bearer TOKEN' with kg serve's token"
            )

    def _graph_store(self, method: str, query_string: str) -> None:
        if method in ("GET", "HEAD"):
            self._pass_through(method, "/store", query_string, b"", stream=True)
            return
        self._authorise()  # before reading a possibly large body
        body = self._body(limit=_MAX_UPLOAD_BYTES)
        self._pass_through(method, "/store", query_string, body)

    # -------------------------------------------------------- talking to Oxigraph

    def _request(
        self, method: str, path: str, query_string: str, body: bytes, *, limit_s: float
    ) -> tuple[Any, Any, float]:
        deadline = time.monotonic() + limit_s
        connection = http.client.HTTPConnection("127.0.0.1", self.server.upstream.port, timeout=limit_s)
        headers = {
            name: self.headers[name]
            for name in ("Accept", "Content-Type", "Accept-Language")
            if self.headers.get(name) is not None
        }
        headers["Connection"] = "close"
        target = path + ("?" + query_string if query_string else "")
        try:
            connection.request(method, target, body=body or None, headers=headers)
            response = connection.getresponse()
        except TimeoutError as error:
            connection.close()
            raise _TimedOut from error
        except OSError as error:
            connection.close()
            raise _Refused(502, f"the Oxigraph server did not answer: {error}") from error
        return connection, response, deadline

    def _pass_through(
        self, method: str, path: str, query_string: str, body: bytes, *, stream: bool = False
    ) -> None:
        connection, response, deadline = self._request(method, path, query_string, body, limit_s=_LONG_S)
        try:
            headers = {
                name: value
                for name, value in response.getheaders()
                if name.lower() in ("content-type", "location", "www-authenticate", "cache-control", "etag")
            }
            if stream and response.status == 200:
                self._stream(response.status, headers, _Upstream(response, deadline))
            else:
                content = response.read(_MAX_ERROR_BYTES if response.status >= 400 else None)
                self._send(response.status, content, headers.pop("Content-Type", "text/plain"), headers)
        finally:
            connection.close()

    def _query(self, method: str, query_string: str, body: bytes) -> None:
        limit_s = self.server.config.timeout_s + _GRACE_S
        connection, response, deadline = self._request(method, "/query", query_string, body, limit_s=limit_s)
        try:
            content_type = response.getheader("Content-Type", "application/octet-stream")
            if response.status != 200:
                content = response.read(_MAX_ERROR_BYTES)
                self._send(response.status, content, content_type)
                return
            reader = _Upstream(response, deadline)
            # A client with the token (kg ingest --store http://…) gets whole results, streamed.
            cap = 0 if self._token_ok() else self.server.config.max_rows
            if cap == 0:
                self._stream(200, {"Content-Type": content_type}, reader)
                return
            kind = _results_kind(content_type)
            if kind is not None:
                content, truncated = _capped_results(reader, kind, cap)
            else:
                content, truncated = _capped_graph(reader, content_type, cap)
            headers = (
                {TRUNCATED_HEADER: f"result cut at {cap} rows (kg serve --max-rows {cap})"}
                if truncated
                else {}
            )
            self._send(200, content, content_type, headers)
        finally:
            connection.close()

    # -------------------------------------------------------- answering

    def _send(
        self, status: int, content: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self._responded = True
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(content)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(content)

    def _stream(self, status: int, headers: dict[str, str], reader: _Upstream) -> None:
        """Forward a body as it comes (chunked). A timeout after the first bytes can only cut it."""
        self._responded = True
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if self.command == "HEAD":
            return
        try:
            while chunk := reader.read(_CHUNK):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except _TimedOut:
            self.close_connection = True
            return  # no final chunk: the client sees an incomplete response
        if reader.cancelled():
            self.close_connection = True
            return
        self.wfile.write(b"0\r\n\r\n")


def _capped_results(reader: _Upstream, kind: str, cap: int) -> tuple[bytes, bool]:
    """The results document read up to ``cap`` rows, and whether rows were cut."""
    buffer = bytearray()
    cutter = _RowCutter(kind)
    while len(cutter.ends) <= cap:
        chunk = reader.read(_CHUNK)
        if not chunk:
            break
        buffer += chunk
        cutter.feed(buffer, want=cap + 1)
    if reader.cancelled() or buffer.endswith(_CANCELLED):
        raise _TimedOut
    if len(cutter.ends) > cap:
        return bytes(buffer[: cutter.ends[cap - 1]]) + cutter.close, True
    return bytes(buffer), False


def _capped_graph(reader: _Upstream, content_type: str, cap: int) -> tuple[bytes, bool]:
    """The triples of a CONSTRUCT/DESCRIBE result up to ``cap``, re-written in the same format."""
    import pyoxigraph

    from kg.vocab import PREFIXES

    fmt = _rdf_format(content_type)
    if fmt is None:
        return reader.read(), False
    try:
        quads = list(
            itertools.islice(pyoxigraph.parse(input=io.BufferedReader(reader, _CHUNK), format=fmt), cap + 1)
        )
    except (SyntaxError, OSError, _TimedOut) as error:  # pyoxigraph may wrap the reader's _TimedOut
        if reader.cancelled() or reader.timed_out:
            raise _TimedOut from error
        raise _Refused(502, f"the Oxigraph server sent a result that cannot be read: {error}") from error
    truncated = len(quads) > cap
    options: dict[str, Any] = {"format": fmt}
    if fmt in (pyoxigraph.RdfFormat.TURTLE, pyoxigraph.RdfFormat.TRIG, pyoxigraph.RdfFormat.N3):
        options["prefixes"] = PREFIXES
    return pyoxigraph.serialize(quads[:cap], **options), truncated


# ------------------------------------------------------------------ the endpoint


class Endpoint(EndpointUrls):
    """``kg serve`` as an object: Oxigraph on an internal port and the proxy on ``config.bind``.

    ``with Endpoint(EndpointConfig(store=path, bind="127.0.0.1:0")) as endpoint:`` serves until the
    block ends; :attr:`url` is where (a port of 0 picks a free one).
    """

    def __init__(self, config: EndpointConfig) -> None:
        config.check()
        self.config = config
        self._front: _Front | None = None
        self._upstream: OxigraphServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._front is None:
            host, port = split_bind(self.config.bind)
        else:
            host, port = split_bind(self.config.bind)[0], self._front.server_address[1]
        host = "127.0.0.1" if host in ("0.0.0.0", "localhost", "") else host
        host = "[::1]" if host == "::" else (f"[{host}]" if ":" in host else host)
        return f"http://{host}:{port}"

    @property
    def loopback(self) -> bool:
        host = split_bind(self.config.bind)[0]
        return host in ("localhost", "::1") or host.startswith("127.")

    @property
    def running(self) -> bool:
        """True while the proxy and its Oxigraph process both run."""
        return self._front is not None and self._upstream is not None and self._upstream.running

    def __enter__(self) -> Endpoint:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> Endpoint:
        """Bind the public port, check the store, start Oxigraph, then answer requests (in a thread)."""
        store = self.config.store
        if not self.config.writable and not store.is_dir():
            raise StoreError(f"store folder {store} does not exist (run `kg ingest` first, or pass --store)")
        host, port = split_bind(self.config.bind)
        upstream = OxigraphServer(
            store, bind="127.0.0.1:0", read_only=not self.config.writable, timeout_s=self.config.timeout_s
        )
        try:
            front = _Front((host, port), self.config, upstream)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise KgError(
                    f"cannot serve on {self.config.bind}: the port is in use (pick another with --port)"
                ) from None
            raise KgError(f"cannot serve on {self.config.bind}: {error.strerror or error}") from error
        try:
            _prepare_store(store)
            upstream.start()
        except BaseException:
            front.server_close()
            raise
        self._front, self._upstream = front, upstream
        self._thread = threading.Thread(target=front.serve_forever, name="kg-serve", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop answering, then stop Oxigraph (which releases the store)."""
        front, self._front = self._front, None
        if front is not None:
            front.shutdown()
            front.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        upstream, self._upstream = self._upstream, None
        if upstream is not None:
            upstream.stop()


def _prepare_store(store: Path) -> None:
    """Open the store for writing once: a clear error if another process writes it, and a store
    written before the merged default graph existed is brought up to date (kg.store)."""
    from kg.store import Store

    if store.is_dir() and any(store.iterdir()) and os.access(store, os.W_OK):  # read-only media: no writer
        Store.open(store).close()


def serve_until_stopped(endpoint: Endpoint, *, ready: Callable[[Endpoint], None] | None = None) -> None:
    """Start ``endpoint``, call ``ready``, and serve until SIGINT (Ctrl-C) or SIGTERM; then stop cleanly.

    Must run in the main thread (it installs the two signal handlers, and restores them after).
    """
    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with endpoint:
            if ready is not None:
                ready(endpoint)
            while not stop.wait(0.5):
                if not endpoint.running:
                    raise StoreError("the Oxigraph server stopped unexpectedly")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# ------------------------------------------------------------------ the offline query page


def _page(config: EndpointConfig) -> str:
    import html

    from kg.vocab import PREFIXES

    prefixes = "\n".join(
        f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items() if name in ("dip", "dipr", "dct")
    )
    example = (
        f"{prefixes}\nSELECT ?type (COUNT(*) AS ?n) WHERE {{ ?s a ?type }}\nGROUP BY ?type ORDER BY DESC(?n)"
    )
    mode = "writable (updates need the token)" if config.writable else "read-only"
    cap = f"at most {config.max_rows} rows" if config.max_rows else "no row cap"
    return _PAGE.format(
        example=html.escape(example),
        about=html.escape(f"{mode}, timeout {config.timeout_s:g} s, {cap}"),
    )


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>dipkg SPARQL</title>
<style>
body{{font:14px system-ui,sans-serif;margin:1.5em;color:#222}}
textarea{{width:100%;height:14em;font:13px ui-monospace,monospace}}
table{{border-collapse:collapse;margin-top:1em}} td,th{{border:1px solid #ccc;padding:.2em .5em;text-align:left;
vertical-align:top}} th{{background:#f3f3f3}} #status{{margin-top:.8em}} .error{{color:#a00;white-space:pre-wrap}}
.note{{color:#865}} pre{{background:#f7f7f7;padding:.5em;overflow:auto}}
</style></head><body>
<h1>dipkg SPARQL endpoint</h1>
<p>{about}. Endpoint: <code>/query</code> (SPARQL 1.1 Protocol, GET or POST).
The full YASGUI editor is at <a href="/yasgui/">/yasgui/</a>.</p>
<form id="form"><textarea id="query" spellcheck="false">{example}</textarea><br>
<label>Result format <select id="accept">
<option value="application/sparql-results+json">table (SPARQL JSON)</option>
<option>application/sparql-results+xml</option><option>text/csv</option><option>text/tab-separated-values</option>
<option>text/turtle</option><option>application/n-triples</option><option>application/ld+json</option>
</select></label> <button type="submit">Run</button></form>
<div id="status"></div><div id="out"></div>
<script>
"use strict";
const form = document.getElementById("form"), out = document.getElementById("out"),
  status = document.getElementById("status");
function cell(term) {{
  const td = document.createElement("td");
  if (term) td.textContent = term.type === "uri" ? "<" + term.value + ">" : term.value;
  return td;
}}
function table(data) {{
  const t = document.createElement("table"), head = t.insertRow();
  if ("boolean" in data) {{ t.insertRow().appendChild(cell({{value: String(data.boolean)}})); return t; }}
  for (const v of data.head.vars) {{ const th = document.createElement("th"); th.textContent = "?" + v;
    head.appendChild(th); }}
  for (const b of data.results.bindings) {{ const r = t.insertRow();
    for (const v of data.head.vars) r.appendChild(cell(b[v])); }}
  return t;
}}
form.addEventListener("submit", async (event) => {{
  event.preventDefault();
  out.textContent = ""; status.textContent = "running…"; status.className = "";
  const accept = document.getElementById("accept").value, started = performance.now();
  try {{
    const response = await fetch("/query", {{method: "POST", body: document.getElementById("query").value,
      headers: {{"Content-Type": "application/sparql-query", "Accept": accept}}}});
    const text = await response.text(), ms = Math.round(performance.now() - started);
    if (!response.ok) {{ status.className = "error"; status.textContent = response.status + ": " + text; return; }}
    const cut = response.headers.get("X-Kg-Truncated");
    const type = response.headers.get("Content-Type") || "";
    if (type.includes("json") && !type.includes("ld+json")) {{
      const data = JSON.parse(text);
      out.appendChild(table(data));
      status.textContent = ("boolean" in data ? "answer" : data.results.bindings.length + " rows") + " in " + ms + " ms";
    }} else {{
      const pre = document.createElement("pre"); pre.textContent = text; out.appendChild(pre);
      status.textContent = type + " in " + ms + " ms";
    }}
    if (cut) {{ const note = document.createElement("span"); note.className = "note";
      note.textContent = " — " + cut; status.appendChild(note); }}
  }} catch (error) {{ status.className = "error"; status.textContent = String(error); }}
}});
</script></body></html>
"""
