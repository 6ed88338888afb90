"""The Oxigraph HTTP server (the ``oxigraph`` package's binary) as a child process.

:class:`OxigraphServer` starts ``oxigraph serve-read-only`` (or ``oxigraph serve`` when writable)
over a store folder on a loopback port, waits until it answers HTTP, and stops it again::

    with OxigraphServer(Path(".dipkg/store")) as server:
        urllib.request.urlopen(server.query_url + "?query=ASK%7B%7D")

The binary must be the same Oxigraph version as pyoxigraph, since both read the same RocksDB
folder: :func:`oxigraph_binary` checks that and refuses a mismatch.

Read-only serving while another process writes the folder is undefined behaviour (Oxigraph's
``serve-read-only --help``). RocksDB's own lock (``LOCK`` in the folder, an ``fcntl`` lock) is not
taken by a read-only open, so a read-only server takes it itself for as long as it runs
(:class:`StoreLock`): a ``kg ingest`` from another process then fails with "store … is in use by
another process", and a server cannot start while an ingest holds the store. A writable server
(``oxigraph serve``) holds the RocksDB lock itself.
"""

from __future__ import annotations

import fcntl
import functools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import weakref
from pathlib import Path
from typing import IO

from kg.errors import StoreError

__all__ = ["EndpointUrls", "OxigraphServer", "StoreLock", "oxigraph_binary", "split_bind"]

_START_TIMEOUT_S = 30.0
_STOP_TIMEOUT_S = 10.0


def oxigraph_binary() -> Path:
    """The ``oxigraph`` server binary: next to ``sys.executable``, else on ``PATH``.

    Raises :class:`StoreError` when there is none, or when its version differs from pyoxigraph's.
    """
    beside = Path(sys.executable).parent / "oxigraph"
    found = beside if beside.is_file() and os.access(beside, os.X_OK) else None
    if found is None:
        which = shutil.which("oxigraph")
        found = Path(which) if which else None
    if found is None:
        raise StoreError(
            "the oxigraph server binary was not found next to Python or on PATH "
            f"(install it with `pip install oxigraph=={_pyoxigraph_version()}`)"
        )
    _check_version(str(found))
    return found


def _pyoxigraph_version() -> str:
    import pyoxigraph

    return str(pyoxigraph.__version__)


@functools.lru_cache(maxsize=8)
def _check_version(binary: str) -> None:
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError) as error:
        raise StoreError(f"cannot run the oxigraph server binary {binary}: {error}") from error
    version = out.stdout.split()[-1] if out.stdout.split() else "?"
    expected = _pyoxigraph_version()
    if version != expected:
        raise StoreError(
            f"the oxigraph server binary {binary} is version {version} but pyoxigraph is {expected}; "
            f"both read the same store folder, install the same version (`pip install oxigraph=={expected}`)"
        )


def split_bind(bind: str) -> tuple[str, int]:
    """``"HOST:PORT"`` as ``(host, port)``; an IPv6 host may be bracketed (``[::1]:7878``)."""
    host, sep, port = bind.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise StoreError(f"--bind {bind!r} is not HOST:PORT")
    return host.strip("[]"), int(port)


def _free_port(host: str) -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", "", "localhost"):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


class StoreLock:
    """RocksDB's write lock on a store folder (``fcntl`` lock on ``DIR/LOCK``), held without opening it.

    Taken while a read-only server runs so that no other process opens the folder for writing.
    POSIX locks are per process: this keeps other processes out, not the process that holds it.
    """

    def __init__(self, location: Path) -> None:
        self.location = Path(location)
        self._file: IO[bytes] | None = None

    def acquire(self) -> None:
        path = self.location / "LOCK"
        try:
            handle = open(path, "ab")  # noqa: SIM115 - held open until release()
        except OSError as error:
            raise StoreError(f"cannot lock store {self.location}: {error.strerror}") from error
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            handle.close()
            raise StoreError(
                f"store {self.location} is in use by another process (is a `kg ingest` running?)"
            ) from error
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            try:
                fcntl.lockf(self._file, fcntl.LOCK_UN)
            finally:
                self._file.close()
                self._file = None


def _terminate(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=_STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class EndpointUrls:
    """The three URLs of an Oxigraph-style server below its ``url``."""

    url: str

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 Protocol query endpoint."""
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        """The SPARQL 1.1 Protocol update endpoint."""
        return f"{self.url}/update"

    @property
    def store_url(self) -> str:
        """The SPARQL 1.1 Graph Store HTTP Protocol endpoint."""
        return f"{self.url}/store"


class OxigraphServer(EndpointUrls):
    """An ``oxigraph serve-read-only`` (or, writable, ``oxigraph serve``) process over ``location``.

    ``bind`` is ``HOST:PORT``; port 0 picks a free one. ``location=None`` (writable only) serves an
    in-memory store. ``timeout_s`` is Oxigraph's per-query timeout. :meth:`start` returns once the
    server answers HTTP; :meth:`stop` terminates it and waits for it to exit.
    """

    def __init__(
        self,
        location: Path | None,
        *,
        bind: str = "127.0.0.1:0",
        read_only: bool = True,
        timeout_s: float | None = None,
    ) -> None:
        if location is None and read_only:
            raise StoreError("a read-only Oxigraph server needs a store folder")
        self.location = Path(location) if location is not None else None
        self.host, self.port = split_bind(bind)
        self._auto_port = self.port == 0
        self.read_only = read_only
        self.timeout_s = timeout_s
        self._process: subprocess.Popen[bytes] | None = None
        self._lock: StoreLock | None = None
        self._finalizer: weakref.finalize | None = None

    # -------------------------------------------------------- addresses

    @property
    def url(self) -> str:
        """``http://HOST:PORT`` (a wildcard bind is reached over loopback)."""
        return f"http://{_url_host(self.host)}:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "writable"
        return f"OxigraphServer({str(self.location)!r}, {mode}, {self.url})"

    # -------------------------------------------------------- life cycle

    def __enter__(self) -> OxigraphServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> OxigraphServer:
        """Start the server and wait until it answers; a one-line :class:`StoreError` if it cannot."""
        if self.running:
            return self
        binary = oxigraph_binary()
        if self.location is not None and self.read_only:
            if not self.location.is_dir():
                raise StoreError(f"store folder {self.location} does not exist")
            if not (self.location / "CURRENT").is_file():
                raise StoreError(f"{self.location} is not a store (no Oxigraph database in it)")
            self._lock = StoreLock(self.location)
            self._lock.acquire()
        try:
            for attempt in range(3):
                if self._auto_port:
                    self.port = _free_port(self.host)
                try:
                    self._spawn(binary)
                    return self
                except _AddressInUse:
                    if not self._auto_port or attempt == 2:
                        raise StoreError(f"port {self.port} on {self.host} is already in use") from None
        except BaseException:
            self._release_lock()
            raise
        return self  # pragma: no cover - the loop returns or raises

    def _command(self, binary: Path) -> list[str]:
        command = [str(binary), "serve-read-only" if self.read_only else "serve"]
        if self.location is not None:
            command += ["--location", str(self.location)]
        command += [
            "--bind",
            f"{self.host}:{self.port}" if ":" not in self.host else f"[{self.host}]:{self.port}",
        ]
        if self.timeout_s is not None:
            command += ["--timeout-s", f"{self.timeout_s:g}"]
        return command

    def _spawn(self, binary: Path) -> None:
        stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        # Its own process group: a Ctrl-C in the terminal reaches the parent only, which then stops
        # the server in order (stop()) instead of both dying at once.
        process = subprocess.Popen(
            self._command(binary),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            process_group=0,
        )
        self._process = process
        self._stderr = stderr
        deadline = time.monotonic() + _START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                message = self._read_stderr()
                self._process = None
                stderr.close()
                if "address" in message.lower() and "in use" in message.lower():
                    raise _AddressInUse(message)
                raise StoreError(f"the Oxigraph server over {self.location} did not start: {message}")
            if self._answers():
                break
            if time.monotonic() > deadline:
                _terminate(process)
                self._process = None
                stderr.close()
                raise StoreError(f"the Oxigraph server over {self.location} did not answer within 30 s")
            time.sleep(0.05)
        self._finalizer = weakref.finalize(self, _terminate, process)

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/", timeout=2) as response:
                return response.status < 500
        except urllib.error.HTTPError:
            return True
        except (OSError, ValueError):
            return False

    def _read_stderr(self) -> str:
        self._stderr.seek(0)
        lines = [line.strip() for line in self._stderr.read().decode("utf-8", "replace").splitlines()]
        errors = [line.removeprefix("Error:").strip() for line in lines if line.startswith("Error:")]
        if errors:
            return errors[0]
        lines = [line for line in lines if line and not line.startswith("Listening for requests")]
        return lines[0] if lines else "no message"

    def stop(self) -> None:
        """Terminate the server (SIGTERM, then SIGKILL after 10 s) and release the store."""
        process, self._process = self._process, None
        if process is not None:
            if self._finalizer is not None:
                self._finalizer.detach()
                self._finalizer = None
            _terminate(process)
            self._stderr.close()
        self._release_lock()

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None


class _AddressInUse(Exception):
    pass
