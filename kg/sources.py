"""Read articles from files, folders, JSONL files and stdin.

This is the first stage: paths in, :class:`~kg.model.Article` objects out. It
follows CONTRACT.md "Input conventions":

* ``.txt`` and ``.md``: the whole file is the article text, its first non-empty
  line the title (leading ``#`` dropped for Markdown);
* ``.html`` and ``.htm``: the main text as trafilatura extracts it (page chrome
  dropped), the title from the page's metadata or its ``<title>``;
* ``.jsonl``: one article per line, ``{"text": …}`` with optional ``title``,
  ``date``, ``lang``, ``url``, ``source``; its source is ``FILE#LINE``;
* ``NAME.meta.json`` beside ``NAME.txt`` / ``.md`` / ``.html`` gives ``title``,
  ``date`` (ISO 8601), ``lang``, ``url`` and ``source`` (the publisher);
* ``-`` reads stdin: one plain-text article, or JSONL when every non-empty
  line is a JSON object.

Folders are read recursively in sorted order, skipping hidden entries and
files of other types. Article text is kept as written (offsets point into it):
only newlines are normalised to ``\\n`` and a byte order mark removed.
``Article.sha256`` is the SHA-256 of that text in UTF-8, so the same text read
from another path is the same article.

A path that does not exist stops everything before anything is read
(:class:`~kg.errors.InputError`). Any other problem with one file or one JSONL
line is yielded as a :class:`SourceFailure` with a one-line message, and the
other inputs are still read.
"""

from __future__ import annotations

import codecs
import hashlib
import html as html_lib
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, TextIO

from kg.errors import InputError
from kg.langid import detect_language
from kg.model import Article

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_BYTES",
    "STDIN",
    "STDIN_SOURCE",
    "SourceFailure",
    "count_inputs",
    "iter_articles",
]

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_FILE_BYTES = 20 * 1024 * 1024
STDIN = "-"
STDIN_SOURCE = "<stdin>"

_FOLDER_NOTES = frozenset({"README", "LICENSE", "CHANGELOG", "NOTES"})
_HTML_SUFFIXES = (".html", ".htm")
_SIDECAR_OWNERS = (".txt", ".md", ".html", ".htm")
_META_SUFFIX = ".meta.json"
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.1  # more control bytes than this in the first 8 KiB: not text
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")
_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_HTML_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_LANG_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
_FIELDS = ("title", "date", "lang", "url", "source")


@dataclass(frozen=True)
class SourceFailure:
    """An input that could not be read as an article; ``message`` names the file and the problem."""

    source: str
    message: str

    def __str__(self) -> str:
        return self.message


class _Unreadable(Exception):
    """Internal: one input (file or JSONL line) is bad; the message is the one-line report."""


# ---------------------------------------------------------------- public API


def iter_articles(
    paths: Sequence[str | Path], *, stdin: TextIO | None = None
) -> Iterator[Article | SourceFailure]:
    """Every article in ``paths`` (files, folders, ``-`` for stdin), in a deterministic order.

    Raises :class:`~kg.errors.InputError` at once, before anything is read,
    when a path does not exist. ``stdin`` defaults to ``sys.stdin``.
    """
    _check_exist(paths)
    return _iter_articles(list(paths), stdin)


def count_inputs(paths: Sequence[str | Path]) -> int:
    """How many inputs :func:`iter_articles` will read (files, stdin counts 1), e.g. for a progress bar.

    A JSONL file counts once, however many articles it holds.
    """
    _check_exist(paths)
    return sum(1 for _ in _plan(list(paths)))


# ---------------------------------------------------------------- which inputs


def _check_exist(paths: Sequence[str | Path]) -> None:
    for path in paths:
        if str(path) != STDIN and not Path(path).exists():
            raise InputError(f"{path}: no such file or directory")


def _iter_articles(paths: list[str | Path], stdin: TextIO | None) -> Iterator[Article | SourceFailure]:
    for item in _plan(paths):
        if isinstance(item, SourceFailure):
            yield item
        elif item == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin)
        else:
            yield from _read_path(Path(item))


def _plan(paths: list[str | Path]) -> Iterator[str | Path | SourceFailure]:
    """Each input once, in order: ``STDIN``, a file path, or a failure for a folder that cannot be listed."""
    explicit = {_real(Path(p)) for p in paths if str(p) != STDIN and not Path(p).is_dir()}
    seen: set[str] = set()
    for given in paths:
        if str(given) == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                yield STDIN
            continue
        path = Path(given)
        if path.is_dir():
            candidates: Iterator[Path | SourceFailure] = _walk(path, visited=set())
        elif _is_sidecar_of(path, explicit):
            continue  # read together with its article
        else:
            candidates = iter([path])
        for candidate in candidates:
            if isinstance(candidate, SourceFailure):
                yield candidate
                continue
            key = _real(candidate)
            if key not in seen:
                seen.add(key)
                yield candidate


def _walk(folder: Path, *, visited: set[str]) -> Iterator[Path | SourceFailure]:
    """Article files under ``folder``, depth first in name order; hidden entries and other types skipped."""
    real = _real(folder)
    if real in visited:  # a symlink loop
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield SourceFailure(str(folder), f"{folder}: cannot read folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith(".") or _is_folder_notes(entry.name):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError:
            continue
        if is_dir:
            yield from _walk(path, visited=visited)
        elif is_file and path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path


def _is_folder_notes(name: str) -> bool:
    """``README.md``, ``LICENSE.txt`` …: notes about a corpus folder, not articles (a file named on the
    command line is still read)."""
    return name.split(".")[0].upper() in _FOLDER_NOTES


def _real(path: Path) -> str:
    return os.path.realpath(path)


def _is_sidecar_of(path: Path, explicit: set[str]) -> bool:
    """Whether ``path`` is ``NAME.meta.json`` and ``NAME.txt`` (…) is among the files given."""
    name = path.name
    if not name.lower().endswith(_META_SUFFIX):
        return False
    stem = name[: -len(_META_SUFFIX)]
    return any(_real(path.with_name(stem + suffix)) in explicit for suffix in _SIDECAR_OWNERS)


# ---------------------------------------------------------------- files


def _read_path(path: Path) -> Iterator[Article | SourceFailure]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix not in ARTICLE_SUFFIXES:
            kind = f"'{suffix}'" if suffix else "(no extension)"
            raise _Unreadable(f"{source}: unsupported file type {kind} (use .txt, .md, .html, .jsonl)")
        if not path.is_file():
            raise _Unreadable(f"{source}: not a regular file")
        if suffix == ".jsonl":
            yield from _read_jsonl_file(path)
            return
        raw = _read_bytes(path, limit=MAX_FILE_BYTES)
        yield _article_from_file(path, raw)
    except _Unreadable as exc:
        yield SourceFailure(source, str(exc))


def _read_bytes(path: Path, *, limit: int) -> bytes:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise _Unreadable(
                f"{source}: file too large ({size / 1e6:.1f} MB; the limit is {limit // 2**20} MB)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise _Unreadable(f"{source}: cannot read ({exc.strerror or exc})") from None


def _article_from_file(path: Path, raw: bytes) -> Article:
    source = str(path)
    is_html = path.suffix.lower() in _HTML_SUFFIXES
    decoded = _decode(raw, source, charset=_declared_charset(raw) if is_html else None)
    if not decoded.strip():
        raise _Unreadable(f"{source}: empty article")
    if is_html:
        text, title = _html_main_text(decoded, source)
    else:
        text = decoded
        title = _first_line_title(text, markdown=path.suffix.lower() == ".md")
    fields = _read_sidecar(path)
    return _make_article(text, source=source, title=title, fields=fields)


def _decode(raw: bytes, source: str, *, charset: str | None = None) -> str:
    """UTF-8 text with newlines normalised and a BOM removed; refuses binary data and other encodings.

    ``charset`` is an encoding the file itself declares (an HTML ``<meta charset>``);
    no encoding is ever guessed.
    """
    if raw.startswith(_UTF16_32_BOMS) and not raw.startswith(codecs.BOM_UTF8):
        raise _Unreadable(f"{source}: not valid UTF-8 (UTF-16 or UTF-32 byte order mark; save it as UTF-8)")
    if _looks_binary(raw):
        raise _Unreadable(f"{source}: binary file, not an article")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if charset is None:
            raise _Unreadable(
                f"{source}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
            ) from None
        try:
            text = raw.decode(charset)
        except UnicodeDecodeError as exc2:
            bad = f"byte 0x{raw[exc2.start]:02x} at offset {exc2.start}"
            raise _Unreadable(f"{source}: not valid {charset} as the page declares ({bad})") from None
    return _normalise(text.removeprefix("\ufeff"))


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(raw: bytes) -> bool:
    if b"\x00" in raw:
        return True
    sample = raw[:_SNIFF_BYTES]
    controls = sum(1 for byte in sample if (byte < 0x20 and byte not in _TEXT_CONTROLS) or byte == 0x7F)
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_SHARE


def _declared_charset(raw: bytes) -> str | None:
    """The non-UTF-8 encoding an HTML page declares in its first bytes, if any."""
    match = _HTML_CHARSET.search(raw[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if name in {"utf-8", "utf-8-sig"} else name


def _first_line_title(text: str, *, markdown: bool) -> str | None:
    for line in text.split("\n"):
        title = line.strip()
        if markdown and title.startswith("#"):
            title = title.lstrip("#").strip().rstrip("#").strip()
        if title:
            return title
    return None


def _html_main_text(page: str, source: str) -> tuple[str, str | None]:
    """The main text of an HTML page and its title; page chrome, comments and tables dropped."""
    try:
        import trafilatura
    except ImportError as exc:  # a broken installation, not a bad file; still one line
        raise _Unreadable(f"{source}: cannot read HTML, trafilatura is not usable ({exc})") from None
    try:
        document = trafilatura.bare_extraction(
            page,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            with_metadata=True,
        )
    except RecursionError:
        raise _Unreadable(f"{source}: HTML nested too deeply to read") from None
    except Exception as exc:  # any parser failure is this file's problem: one line
        raise _Unreadable(f"{source}: cannot parse HTML ({type(exc).__name__})") from None
    text = _normalise(getattr(document, "text", None) or "") if document is not None else ""
    if not any(char.isalpha() for char in text):  # nothing, or markup debris such as "<<<>>>"
        raise _Unreadable(f"{source}: no article text found in HTML")
    title = getattr(document, "title", None) or _html_title(page)
    return text, _clean_title(title)


def _html_title(page: str) -> str | None:
    match = _HTML_TITLE.search(page)
    return html_lib.unescape(match.group(1)) if match else None


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return " ".join(title.split()) or None


# ---------------------------------------------------------------- metadata


def _read_sidecar(path: Path) -> dict[str, str | None]:
    """The fields of ``NAME.meta.json`` beside ``path``, validated; empty when there is none."""
    meta = path.with_name(path.stem + _META_SUFFIX)
    if not meta.is_file():
        return {}
    where = str(meta)
    raw = _read_bytes(meta, limit=MAX_FILE_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Unreadable(
            f"{where}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Unreadable(
            f"{where}: invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise _Unreadable(f"{where}: invalid JSON (nested too deeply)") from None
    if not isinstance(data, dict):
        raise _Unreadable(f"{where}: expected a JSON object")
    return _fields(data, where)


def _fields(data: dict[str, object], where: str) -> dict[str, str | None]:
    """``title``, ``date``, ``lang``, ``url`` and ``source`` from a meta object or a JSONL line, validated."""
    fields: dict[str, str | None] = {}
    for key in _FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise _Unreadable(f"{where}: '{key}' must be a string")
        value = value.strip()
        if not value:
            continue
        if key == "date":
            iso = _iso_date(value)
            if iso is None:
                raise _Unreadable(f"{where}: 'date' is not an ISO 8601 date")
            value = iso
        elif key == "lang":
            code = _language_code(value)
            if code is None:
                raise _Unreadable(f"{where}: 'lang' is not a language code (use ISO 639-1, e.g. \"de\")")
            value = code
        fields[key] = value
    return fields


def _iso_date(value: str) -> str | None:
    """``YYYY-MM-DD`` for an ISO 8601 date or date-time (the date as written, time dropped)."""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None


def _language_code(value: str) -> str | None:
    """The ISO 639-1 code of a language tag (``"de"``, ``"de-AT"``, ``"deu"``), or None."""
    match = _LANG_TAG.fullmatch(value)
    if not match:
        return None
    primary = match.group(1).lower()
    if len(primary) == 2:
        return primary
    import pycountry

    language = pycountry.languages.get(alpha_3=primary) or pycountry.languages.get(bibliographic=primary)
    return getattr(language, "alpha_2", None)


def _make_article(text: str, *, source: str, title: str | None, fields: dict[str, str | None]) -> Article:
    return Article(
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        source=source,
        title=fields.get("title") or title,
        lang=fields.get("lang") or detect_language(text),
        date=fields.get("date"),
        url=fields.get("url"),
        publisher=fields.get("source"),
    )


# ---------------------------------------------------------------- JSONL


def _read_jsonl_file(path: Path) -> Iterator[Article | SourceFailure]:
    """One article per line; a bad line is a failure of its own and the others are still read."""
    source = str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
            if head.startswith(_UTF16_32_BOMS) and not head.startswith(codecs.BOM_UTF8):
                raise _Unreadable(
                    f"{source}: not valid UTF-8 (UTF-16 or UTF-32 byte order mark; save it as UTF-8)"
                )
            if _looks_binary(head):
                raise _Unreadable(f"{source}: binary file, not an article")
            handle.seek(0)
            found = False
            offset = 0
            for lineno, (line, length) in enumerate(_limited_lines(handle), start=1):
                start, offset = offset, offset + length
                if line is None:
                    yield SourceFailure(f"{source}#{lineno}", f"{source}:{lineno}: line too large")
                    found = True
                    continue
                if lineno == 1:
                    line = line.removeprefix(codecs.BOM_UTF8)
                if not line.strip():
                    continue
                found = True
                try:
                    text = line.decode("utf-8")
                except UnicodeDecodeError as exc:
                    bad = f"byte 0x{line[exc.start]:02x} at offset {start + exc.start}"
                    yield SourceFailure(f"{source}#{lineno}", f"{source}:{lineno}: not valid UTF-8 ({bad})")
                    continue
                yield _jsonl_line(text, source=source, lineno=lineno)
    except OSError as exc:
        yield SourceFailure(source, f"{source}: cannot read ({exc.strerror or exc})")
        return
    except _Unreadable as exc:
        yield SourceFailure(source, str(exc))
        return
    if not found:
        yield SourceFailure(source, f"{source}: empty file, no articles")


def _limited_lines(handle: BinaryIO) -> Iterator[tuple[bytes | None, int]]:
    """Lines of a binary file with their length in bytes; ``None`` for a line over ``MAX_FILE_BYTES``."""
    while True:
        line = handle.readline(MAX_FILE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_FILE_BYTES and not line.endswith(b"\n"):
            length = len(line)
            while True:  # skip the rest of the overlong line
                rest = handle.readline(MAX_FILE_BYTES)
                length += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None, length
            continue
        yield line, len(line)


def _jsonl_line(line: str, *, source: str, lineno: int) -> Article | SourceFailure:
    where = f"{source}:{lineno}"
    try:
        try:
            data = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            raise _Unreadable(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        except RecursionError:
            raise _Unreadable(f"{where}: invalid JSON (nested too deeply)") from None
        if not isinstance(data, dict):
            raise _Unreadable(f"{where}: expected a JSON object")
        if "text" not in data or data["text"] is None:
            raise _Unreadable(f"{where}: missing 'text'")
        if not isinstance(data["text"], str):
            raise _Unreadable(f"{where}: 'text' must be a string")
        text = _normalise(data["text"])
        if not text.strip():
            raise _Unreadable(f"{where}: empty article")
        fields = _fields(data, where)
        return _make_article(text, source=f"{source}#{lineno}", title=None, fields=fields)
    except _Unreadable as exc:
        return SourceFailure(f"{source}#{lineno}", str(exc))


# ---------------------------------------------------------------- stdin


def _read_stdin(stream: TextIO) -> Iterator[Article | SourceFailure]:
    """Stdin as one plain-text article, or as JSONL when every non-empty line is a JSON object."""
    try:
        raw = _stdin_bytes(stream)
        text = _decode(raw, STDIN_SOURCE)
    except _Unreadable as exc:
        yield SourceFailure(STDIN_SOURCE, str(exc))
        return
    except OSError as exc:
        yield SourceFailure(STDIN_SOURCE, f"{STDIN_SOURCE}: cannot read ({exc.strerror or exc})")
        return
    if not text.strip():
        yield SourceFailure(STDIN_SOURCE, f"{STDIN_SOURCE}: empty article")
        return
    lines = [(lineno, line) for lineno, line in enumerate(text.split("\n"), start=1) if line.strip()]
    if _all_json_objects(lines):
        for lineno, line in lines:
            yield _jsonl_line(line, source=STDIN_SOURCE, lineno=lineno)
        return
    yield _make_article(text, source=STDIN_SOURCE, title=_first_line_title(text, markdown=False), fields={})


def _stdin_bytes(stream: TextIO) -> bytes:
    """The bytes behind a text stream, so that stdin gets the same checks as a file."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer.read()
    text = stream.read()
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _all_json_objects(lines: list[tuple[int, str]]) -> bool:
    if not lines or not lines[0][1].lstrip().startswith("{"):
        return False
    for _lineno, line in lines:
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except (json.JSONDecodeError, RecursionError):
            return False
    return True
