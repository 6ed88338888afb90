"""Open a network page in headless Chromium and read back what it drew (tests, benchmark, screenshots).

Chromium is driven through the DevTools protocol over ``--remote-debugging-pipe``
(file descriptors 3 and 4; standard library only, no driver to install). The page
is loaded from a ``file://`` address with the network emulated offline, and every
request the page makes besides its own file is recorded, as are console messages
and uncaught exceptions. The page reports itself ready by writing
``data-state="ready"`` (or ``"empty"``) on ``<body>`` after its first frame
(:mod:`kg.viz.page`).

Chromium runs with the flags this machine needs (no sandbox as root, no GPU, no
background networking) and a fresh profile in a temporary folder. It is looked
for in ``$CHROMIUM``, then ``/usr/bin/chromium``, then ``chromium`` on the PATH.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Chromium", "ChromiumError", "PageReport", "find_chromium", "png_pixels"]

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)


class ChromiumError(RuntimeError):
    """Chromium could not be started, stopped answering, or the page did not get ready in time."""


@dataclass
class PageReport:
    """What a page did after it was opened."""

    state: str
    nodes: int | None
    edges: int | None
    drawn_nodes: int | None
    drawn_edges: int | None
    ready_ms: float | None
    """``performance.now()`` when the first frame was drawn: milliseconds since navigation started."""
    wall_ms: float
    """Milliseconds from the navigation request until the page said it was ready, measured outside."""
    console: list[str] = field(default_factory=list)
    """Console messages of level error or warning, and uncaught exceptions."""
    requests: list[str] = field(default_factory=list)
    """Addresses the page requested besides its own file."""
    attributes: dict[str, str] = field(default_factory=dict)
    """The ``data-*`` attributes of ``<body>``."""
    value: Any = None
    """What the ``evaluate`` expression of :meth:`Chromium.open` returned."""


def find_chromium() -> str | None:
    """The Chromium executable: ``$CHROMIUM``, ``/usr/bin/chromium`` or ``chromium`` on the PATH; None when absent."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


class Chromium:
    """One headless Chromium process; open pages one after another with :meth:`open`.

    Use it as a context manager, so that the process and its profile folder go away.
    """

    def __init__(self, executable: str | None = None, *, width: int = 1280, height: int = 800) -> None:
        self.executable = executable or find_chromium()
        if not self.executable:
            raise ChromiumError("Chromium not found (install Debian's chromium or set $CHROMIUM)")
        self.width, self.height = width, height
        self._process: subprocess.Popen | None = None
        self._profile: str | None = None
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict] = []
        self._session: str | None = None

    # -------------------------------------------------------- process

    def __enter__(self) -> Chromium:
        try:
            self.start()
        except BaseException:
            self.close()  # the process and the profile folder go even when Chromium never answered
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        self._profile = tempfile.mkdtemp(prefix="dipkg-chromium-")
        to_chromium_read, to_chromium_write = os.pipe()
        from_chromium_read, from_chromium_write = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4. Copies above 10 are moved there
        # in the child; the originals stay open until it started, so subprocess's own pipes never take 3 or 4.
        high_read = fcntl.fcntl(to_chromium_read, fcntl.F_DUPFD_CLOEXEC, 10)
        high_write = fcntl.fcntl(from_chromium_write, fcntl.F_DUPFD_CLOEXEC, 10)

        def child_fds() -> None:
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        command = [
            self.executable,
            *_FLAGS,
            f"--user-data-dir={self._profile}",
            f"--window-size={self.width},{self.height}",
            "about:blank",
        ]
        try:
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=child_fds,  # only dup2 before exec
                pass_fds=(3, 4),
            )
        except OSError as error:
            raise ChromiumError(f"cannot start {self.executable}: {error}") from error
        finally:
            for fd in (high_read, high_write, to_chromium_read, from_chromium_write):
                os.close(fd)
        self._write_fd, self._read_fd = to_chromium_write, from_chromium_read
        self.call("Browser.getVersion", timeout=30)

    def close(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            with contextlib.suppress(ChromiumError):
                self.call("Browser.close", timeout=5)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            for fd in (self._write_fd, self._read_fd):
                with contextlib.suppress(OSError):
                    os.close(fd)
        if self._profile:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None

    # -------------------------------------------------------- protocol

    def call(
        self, method: str, params: dict | None = None, *, session: str | None = None, timeout: float = 30
    ) -> dict:
        """Send one DevTools command and wait for its answer (events that arrive meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            os.write(self._write_fd, json.dumps(message).encode("utf-8") + b"\0")
        except OSError as error:
            raise ChromiumError(f"Chromium stopped listening ({method}): {error}") from error
        deadline = time.monotonic() + timeout
        while True:
            answer = self._receive(deadline, method)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise ChromiumError(f"{method}: {answer['error'].get('message')}")
                return answer.get("result", {})
            if "method" in answer:
                self._events.append(answer)

    def _receive(self, deadline: float, what: str) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ChromiumError(f"Chromium did not answer in time ({what})")
            ready, _, _ = select.select([self._read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._read_fd, 1 << 20)
            if not chunk:
                raise ChromiumError(f"Chromium closed the connection ({what})")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def _pump(self, seconds: float) -> None:
        """Collect events for up to ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if b"\0" not in self._buffer:
                ready, _, _ = select.select([self._read_fd], [], [], max(0.0, deadline - time.monotonic()))
                if not ready:
                    return
            message = self._receive(deadline + 5, "events")
            if "method" in message:
                self._events.append(message)

    # -------------------------------------------------------- pages

    def open(
        self,
        page: Path | str,
        *,
        timeout: float = 60,
        screenshot: Path | None = None,
        clip_selector: str | None = None,
        scale: float = 1.0,
        settle: float = 0.2,
        evaluate: str | None = None,
    ) -> PageReport:
        """Load ``page`` (a file) offline, wait until it says it is ready, and report what it did.

        ``screenshot`` writes a PNG of the window (or of the element ``clip_selector``
        selects, scaled by ``scale``) after ``settle`` more seconds. ``evaluate`` is a
        JavaScript expression run once the page is ready (after the screenshot); its
        value is the report's ``value``, and what it makes the page do is in the report too.
        """
        url = Path(page).resolve().as_uri()
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self._session = session
        try:
            for method in ("Page.enable", "Runtime.enable", "Network.enable", "Log.enable"):
                self.call(method, session=session)
            self.call(
                "Network.emulateNetworkConditions",
                {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
                session=session,
            )
            self._events.clear()
            started = time.monotonic()
            self.call("Page.navigate", {"url": url}, session=session)
            state = self._wait_ready(session, started + timeout)
            wall_ms = (time.monotonic() - started) * 1000
            self._pump(settle)
            attributes = self.evaluate(
                "Object.assign({}, document.body ? document.body.dataset : {})", session=session
            )
            if screenshot is not None:
                self._screenshot(session, Path(screenshot), clip_selector, scale)
            value = None
            if evaluate is not None:
                value = self.evaluate(evaluate, session=session)
                self._pump(settle)
                attributes = self.evaluate(
                    "Object.assign({}, document.body ? document.body.dataset : {})", session=session
                )
            report = PageReport(
                state=state,
                nodes=_int(attributes.get("nodes")),
                edges=_int(attributes.get("edges")),
                drawn_nodes=_int(attributes.get("drawnNodes")),
                drawn_edges=_int(attributes.get("drawnEdges")),
                ready_ms=_float(attributes.get("readyMs")),
                wall_ms=round(wall_ms, 1),
                attributes={k: str(v) for k, v in attributes.items()},
                value=value,
            )
            self._collect(report, url)
            return report
        finally:
            self._session = None
            self.call("Target.closeTarget", {"targetId": target})

    def evaluate(self, expression: str, *, session: str | None = None) -> Any:
        """The value of a JavaScript expression in the open page (JSON-serialisable values only)."""
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=session or self._session,
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise ChromiumError(f"JavaScript failed: {text}")
        return result.get("result", {}).get("value")

    def _wait_ready(self, session: str, deadline: float) -> str:
        while True:
            state = self.evaluate(
                "document.readyState === 'complete' && document.body ? document.body.dataset.state || '' : ''",
                session=session,
            )
            if state in ("ready", "empty"):
                return state
            if time.monotonic() > deadline:
                raise ChromiumError(f"the page did not get ready in time (state '{state}')")
            self._pump(0.02)

    def _screenshot(self, session: str, path: Path, selector: str | None, scale: float) -> None:
        params: dict[str, Any] = {"format": "png"}
        if selector:
            box = self.evaluate(
                f"(function(){{var r=document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
                "return {x:r.left,y:r.top,width:r.width,height:r.height};})()",
                session=session,
            )
            params["clip"] = {**box, "scale": scale}
        elif scale != 1.0:
            params["clip"] = {"x": 0, "y": 0, "width": self.width, "height": self.height, "scale": scale}
        data = self.call("Page.captureScreenshot", params, session=session)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def _collect(self, report: PageReport, url: str) -> None:
        for event in self._events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                text = " ".join(
                    str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])
                )
                report.console.append(f"console.{params['type']}: {text}")
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                text = details.get("exception", {}).get("description") or details.get("text", "")
                report.console.append(f"exception: {text}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                report.console.append(f"log: {params['entry'].get('text', '')}")
            elif method == "Network.requestWillBeSent":
                requested = params.get("request", {}).get("url", "")
                if requested != url:
                    report.requests.append(requested)
        self._events.clear()


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------- PNG


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB bytes of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    position, chunks, header = 8, [], None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    if header is None:
        raise ValueError("PNG without a header")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(b"".join(chunks))
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + predictor) & 0xFF
        previous = line
        rows.append(bytes(line) if channels == 3 else bytes(b for i, b in enumerate(line) if i % 4 != 3))
    return width, height, rows
