"""Saved, parameterised queries: ``queries/NAME.rq`` with a header that says what it asks and takes.

The header is the run of comment lines at the top of the file (``docs/queries.md`` shows every
saved query)::

    # title: A minister's travel timeline
    # description: Every meeting a person took part in, by date, with place and format.
    #   A description may go on over further comment lines.
    # param: person person default="Wang Yi" The person (name or IRI)
    # param: year year The year (optional words after the type are the description)
    # example: person="Wang Yi"
    # page: 100
    PREFIX dip: <https://w3id.org/dipkg/ontology#>
    SELECT ... WHERE { ?meeting dip:participant ?person ... }

``# param: NAME TYPE [default=VALUE] description`` declares the query variable ``?NAME``. A
default with spaces is written in double quotes. The types, and what a value becomes:

========  ===================================================================================
iri       any IRI: ``<https://…>``, ``https://…`` or a prefixed name (``dipr:meeting/…``)
country   ISO 3166-1 alpha-2 code or country name (English or German) -> ``dipr:country/XX``
role      role tail (``foreign-minister``) or its words (``foreign minister``) -> ``dipr:role/…``
format    format id (``c5-plus-1``) or its name (``C5+1``) -> ``dipr:format/…``
person    a name (``Wang Yi``) -> ``dipr:person/wang-yi`` (the slug of the name), or an IRI
string    a plain string literal (``xsd:string``)
date      ``YYYY-MM-DD`` -> ``xsd:date``
year      ``YYYY`` -> ``xsd:gYear`` (the datatype of ``dip:year``; compare with ``STR(?year)``
          for dates of other types)
integer   -> ``xsd:integer``
decimal   -> ``xsd:decimal``
========  ===================================================================================

``# example: key=value …`` lines (shell quoting: ``person="Wang Yi"``) give the values
``docs/queries.md`` runs the query with; a query without one runs with its defaults.

``# page: N`` makes ``kg query`` (and :meth:`kg.Graph.query`) show N rows at a time unless asked
otherwise (``--limit``, ``--offset``, ``--all``). A listing that is slow to compute whole marks with
a ``# @page`` comment the end of the sub-select that selects and orders its keys (after its
``ORDER BY``): a ``LIMIT`` is written there too, so the columns the outer query fetches with its
``OPTIONAL`` patterns are looked up for the keys up to the page only. The outer ``ORDER BY`` must
begin with the sub-select's, and the outer part must keep every key (it may give a key several
rows); the page itself is cut at the end of the query (see :func:`kg.query.page_query`).

Values are bound, never pasted: each value is turned into an RDF term (which checks it), and
the query gets ``VALUES (?NAME …) { (term …) }`` (one row binding every parameter) as the first element of its outermost ``WHERE`` group,
written by pyoxigraph's term serialiser. So a parameter must be used in that outer group (or be
projected by a sub-SELECT that uses it); it need not be in the SELECT clause, and aggregate
queries may use it. A query that has ``# @params`` comments gets its ``VALUES`` at each of them
instead, e.g. inside the sub-select that chooses a listing's keys (Oxigraph does not push outer
values into a sub-select), so the parameters narrow the keys before the page is cut; the
sub-select projects them when the outer query needs them too. A value is always a single RDF term, however
many quotes or braces it holds.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode

from kg.errors import QueryError
from kg.query import SPARQL_TOKENS
from kg.vocab import DIPR, PREFIXES, XSD

if TYPE_CHECKING:
    from kg.query import QueryResult
    from kg.store import Store

__all__ = [
    "PARAM_TYPES",
    "Param",
    "SavedQuery",
    "bind_query_text",
    "bind_values",
    "find_saved_query",
    "format_saved_queries",
    "parse_param_args",
    "page_size",
    "parse_saved_query",
    "run_saved_query",
    "saved_queries",
    "to_term",
]

PARAM_TYPES = ("iri", "country", "role", "format", "person", "string", "date", "year", "integer", "decimal")
HEADER_KEYS = ("title", "description", "param", "example", "page")

_KEY_LINE = re.compile(r"^#\s*(?P<key>[a-z]+):\s?(?P<value>.*)$")
_PARAM = re.compile(
    r"""^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>\S+)
        (?:\s+default=(?P<default>"(?:[^"\\]|\\.)*"|\S+))?
        (?:\s+(?P<description>.*))?$""",
    re.VERBOSE,
)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_PREFIXED = re.compile(r"^(?P<prefix>[A-Za-z][\w-]*):(?P<local>[^\s<>\"{}|^`\\]*)$")
_YEAR = re.compile(r"^-?\d{4}$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Param:
    """One ``# param:`` line: the variable ``?name``, its type, its default (None: required)."""

    name: str
    type: str
    default: str | None = None
    description: str = ""

    @property
    def required(self) -> bool:
        return self.default is None

    def describe(self) -> str:
        """``name:type`` or ``name:type=default``, as ``kg queries`` lists it."""
        text = f"{self.name}:{self.type}"
        if self.default is None:
            return text
        return (
            f'{text}="{self.default}"'
            if " " in self.default or not self.default
            else f"{text}={self.default}"
        )


@dataclass(frozen=True)
class SavedQuery:
    """A parsed ``queries/NAME.rq``: its header and its SPARQL text."""

    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...]
    examples: tuple[tuple[tuple[str, str], ...], ...]
    text: str = field(repr=False)
    page: int | None = None  # ``# page: N``: rows shown at a time by default (None: every row)

    def param(self, name: str) -> Param:
        """The parameter ``name``; :class:`QueryError` listing the known ones when there is none."""
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name}: unknown parameter '{name}' (known: {known})")

    def bind(self, values: Mapping[str, Any] | None = None) -> str:
        """The query text with every parameter bound (``values`` first, then defaults) via ``VALUES``."""
        return bind_values(self.text, self.terms(values), where=f"query {self.name}")

    def terms(self, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Each parameter's RDF term: from ``values`` (strings or pyoxigraph terms), else its default.

        Raises :class:`QueryError` for an unknown parameter, a missing required one or a bad value.
        """
        values = dict(values or {})
        for name in values:
            self.param(name)
        terms: dict[str, Any] = {}
        for param in self.params:
            value = values.get(param.name, param.default)
            if value is None:
                raise QueryError(
                    f"query {self.name}: parameter '{param.name}' ({param.type}) is required "
                    f"(--param {param.name}=VALUE)"
                )
            terms[param.name] = to_term(
                value, param.type, where=f"query {self.name}: parameter '{param.name}'"
            )
        return terms


# ---------------------------------------------------------------- parsing


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return re.sub(r"\\(.)", r"\1", text[1:-1])
    return text


def parse_saved_query(path: Path, *, text: str | None = None) -> SavedQuery:
    """Read the header of a ``.rq`` file (see the module docstring).

    Raises :class:`QueryError` naming the file and line for a malformed header: an unknown type,
    a parameter declared twice or never used, a bad default or example, an example for an
    unknown parameter.
    """
    path = Path(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(f"{path}: cannot read query ({error.__class__.__name__})") from None
    name = path.name.removesuffix(".rq")
    title, description, params, examples = "", [], [], []
    page = None
    last = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            if last is not None:
                break  # a blank line ends the header
            continue
        if not line.startswith("#"):
            break
        where = f"{path}:{number}"
        match = _KEY_LINE.match(line)
        key = match.group("key") if match else None
        if key not in HEADER_KEYS:
            if last == "description":
                description.append(line.lstrip("#").strip())
            elif last is None and not title:
                title = line.lstrip("#").strip()  # an old-style first comment line
                last = "title"
            continue
        value = match.group("value").strip()
        last = key
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        elif key == "param":
            params.append(_parse_param(value, where=where))
        elif key == "page":
            if not re.fullmatch(r"[1-9][0-9]{0,6}", value):
                raise QueryError(f"{where}: expected '# page: N' (rows per page, 1 or more), got {value!r}")
            page = int(value)
        else:
            examples.append(_parse_example(value, where=where))
    query = SavedQuery(
        name=name,
        path=path,
        title=title,
        description=" ".join(d for d in description if d),
        params=tuple(params),
        examples=tuple(examples),
        text=text,
        page=page,
    )
    _check(query, text)
    return query


def _parse_param(value: str, *, where: str) -> Param:
    match = _PARAM.match(value)
    if not match:
        raise QueryError(f"{where}: expected '# param: NAME TYPE [default=VALUE] description', got {value!r}")
    kind = match.group("type")
    if kind not in PARAM_TYPES:
        raise QueryError(f"{where}: unknown parameter type '{kind}' (choose {', '.join(PARAM_TYPES)})")
    default = match.group("default")
    return Param(
        name=match.group("name"),
        type=kind,
        default=None if default is None else _unquote(default),
        description=(match.group("description") or "").strip(),
    )


def _parse_example(value: str, *, where: str) -> tuple[tuple[str, str], ...]:
    try:
        words = shlex.split(value)
    except ValueError as error:
        raise QueryError(f"{where}: malformed example ({error})") from None
    try:
        return tuple(parse_param_args(words).items())
    except QueryError as error:
        raise QueryError(f"{where}: {error}") from None


def _check(query: SavedQuery, text: str) -> None:
    seen: set[str] = set()
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    for param in query.params:
        if param.name in seen:
            raise QueryError(f"{query.path}: parameter '{param.name}' is declared twice")
        seen.add(param.name)
        if not re.search(rf"[?$]{re.escape(param.name)}\b", body):
            raise QueryError(
                f"{query.path}: parameter '{param.name}' is declared but ?{param.name} is not used"
            )
        if param.default is not None:
            to_term(param.default, param.type, where=f"{query.path}: default of '{param.name}'")
    for example in query.examples:
        for key, value in example:
            param = next((p for p in query.params if p.name == key), None)
            if param is None:
                known = ", ".join(p.name for p in query.params) or "none"
                raise QueryError(f"{query.path}: example for unknown parameter '{key}' (known: {known})")
            to_term(value, param.type, where=f"{query.path}: example value of '{key}'")


def parse_param_args(items: Iterable[str]) -> dict[str, str]:
    """``["key=value", …]`` (as ``--param`` gives them) -> ``{"key": "value"}``; values keep any ``=``."""
    values: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise QueryError(f"--param: expected KEY=VALUE, got {item!r}")
        if key in values:
            raise QueryError(f"--param: '{key}' is given twice")
        values[key] = value
    return values


# ---------------------------------------------------------------- finding


def saved_queries(directory: Path | None = None) -> list[SavedQuery]:
    """Every ``*.rq`` in ``directory`` (default: the shipped ``queries/``), parsed, sorted by name."""
    folder = Path(directory) if directory is not None else _queries_dir()
    return [parse_saved_query(path) for path in sorted(folder.glob("*.rq"))]


def _queries_dir() -> Path:
    from kg.resources import queries_dir

    return queries_dir()


def find_saved_query(name: str, *, directory: Path | None = None) -> SavedQuery:
    """The saved query ``name``: its exact file name (without ``.rq``), or a prefix only it has.

    Raises :class:`QueryError` listing the saved queries when none or several match.
    """
    folder = Path(directory) if directory is not None else _queries_dir()
    key = name.removesuffix(".rq")
    if not _NAME.match(key):
        raise QueryError(f"--name: '{name}' is not a query name (letters, digits, '-', '_', '.')")
    exact = folder / f"{key}.rq"
    if exact.is_file():
        return parse_saved_query(exact)
    names = sorted(path.name.removesuffix(".rq") for path in folder.glob("*.rq"))
    hits = [n for n in names if n.startswith(key)]
    if len(hits) == 1:
        return parse_saved_query(folder / f"{hits[0]}.rq")
    if hits:
        raise QueryError(f"--name: '{name}' matches {len(hits)} saved queries: {', '.join(hits)}")
    raise QueryError(f"--name: no saved query '{name}' in {folder} (`kg queries` lists them)")


def run_saved_query(
    store: Store,
    query: SavedQuery | str,
    params: Mapping[str, Any] | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """Run a saved query (a :class:`SavedQuery` or its name) with ``params`` bound; see :func:`kg.query.run_query`.

    Every row unless ``limit`` asks for a page (``query.page`` is the size its header declares).
    """
    from kg.query import run_query

    if isinstance(query, str):
        query = find_saved_query(query)
    return run_query(store, query.bind(params), limit=limit, offset=offset)


def page_size(limit: int | None, *, declared: int | None, every_row: bool = False) -> int | None:
    """The page size to ask for: ``limit`` when given (0: every row), else None with ``every_row``,
    else the ``# page:`` size the query declares (None: every row)."""
    if limit is not None:
        if limit < 0:
            raise QueryError(f"--limit {limit}: give 0 (every row) or more")
        if every_row and limit:
            raise QueryError("give --limit N or --all, not both")
        return limit or None
    return None if every_row else declared


# ---------------------------------------------------------------- values -> terms


def to_term(value: Any, kind: str, *, where: str) -> Any:
    """A parameter value as an RDF term of type ``kind``; pyoxigraph terms pass as they are.

    Raises :class:`QueryError` (``where: …``) when the value does not fit the type.
    """
    if isinstance(value, (NamedNode, Literal)):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal, date)):
        raise QueryError(f"{where}: expected a {kind}, got {type(value).__name__}")
    text = value.isoformat() if isinstance(value, date) else str(value)
    converter = _CONVERTERS.get(kind)
    if converter is None:
        raise QueryError(f"{where}: unknown parameter type '{kind}'")
    try:
        return converter(text.strip())
    except _BadValue as error:
        raise QueryError(f"{where}: {error}") from None


class _BadValue(Exception):
    pass


def _iri(text: str) -> NamedNode:
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    match = _PREFIXED.match(text)
    if match and match.group("prefix") in PREFIXES:
        text = PREFIXES[match.group("prefix")] + match.group("local")
    elif not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text):
        raise _BadValue(f"{text!r} is not an IRI (write <https://…> or a prefixed name such as dipr:…)")
    try:
        return NamedNode(text)
    except ValueError as error:
        raise _BadValue(f"{text!r} is not an IRI ({error})") from None


def _is_iri(text: str) -> bool:
    return text.startswith("<") or text.startswith(("http://", "https://", "dipr:"))


def _country(text: str) -> NamedNode:
    if _is_iri(text):
        return _iri(text)
    iso = _country_index().get(_fold(text))
    if iso is None:
        raise _BadValue(f"unknown country {text!r} (give an ISO 3166-1 alpha-2 code or a name)")
    return NamedNode(f"{DIPR}country/{iso}")


def _role(text: str) -> NamedNode:
    if _is_iri(text):
        return _iri(text)
    from kg.model import slug

    tail = slug(text)
    known = _role_tails()
    if tail not in known:
        raise _BadValue(f"unknown role {text!r} (choose {', '.join(sorted(known))})")
    return NamedNode(f"{DIPR}role/{tail}")


def _format(text: str) -> NamedNode:
    if _is_iri(text):
        return _iri(text)
    fid = _format_index().get(_fold(text))
    if fid is None:
        raise _BadValue(
            f"unknown format {text!r} (give a format id of data/lexicon/formats.json or its name)"
        )
    return NamedNode(f"{DIPR}format/{fid}")


def _person(text: str) -> NamedNode:
    if _is_iri(text):
        return _iri(text)
    from kg.resolution import default_resolver

    if not re.search(r"\w", text):
        raise _BadValue(f"{text!r} is not a name")
    # the IRI ingest gives this name: "Sergej Lawrow" finds dipr:person/sergey-lavrov
    return NamedNode(default_resolver().iri_of_name(text))


def _string(text: str) -> Literal:
    return Literal(text)


def _date(text: str) -> Literal:
    try:
        if not _DATE.match(text):
            raise ValueError
        date.fromisoformat(text)
    except ValueError:
        raise _BadValue(f"{text!r} is not a date (YYYY-MM-DD)") from None
    return Literal(text, datatype=XSD.date)


def _year(text: str) -> Literal:
    if not _YEAR.match(text):
        raise _BadValue(f"{text!r} is not a year (YYYY)")
    return Literal(text, datatype=XSD.gYear)


def _integer(text: str) -> Literal:
    if not _INTEGER.match(text):
        raise _BadValue(f"{text!r} is not an integer")
    return Literal(str(int(text)), datatype=XSD.integer)


def _decimal(text: str) -> Literal:
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise _BadValue(f"{text!r} is not a decimal number") from None
    if not number.is_finite():
        raise _BadValue(f"{text!r} is not a decimal number")
    return Literal(format(number, "f"), datatype=XSD.decimal)


_CONVERTERS = {
    "iri": _iri,
    "country": _country,
    "role": _role,
    "format": _format,
    "person": _person,
    "string": _string,
    "date": _date,
    "year": _year,
    "integer": _integer,
    "decimal": _decimal,
}


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Folded ISO code, English and German names and alternative labels -> ISO code."""
    from kg.reference import countries

    index: dict[str, str] = {}
    for iso, country in countries().items():
        for label in (country.name_en, country.name_de, *(text for text, _ in country.alt_labels)):
            index.setdefault(_fold(label), iso)
    for iso in countries():
        index[_fold(iso)] = iso  # a code wins over a name that happens to spell it
    return index


@lru_cache(maxsize=1)
def _format_index() -> dict[str, str]:
    from kg.reference import formats

    index: dict[str, str] = {}
    for fid, fmt in formats().items():
        for label in (fmt.label_en, fmt.label_de, *(text for text, _ in fmt.aliases)):
            index.setdefault(_fold(label), fid)
    for fid in formats():
        index[_fold(fid)] = fid
    return index


@lru_cache(maxsize=1)
def _role_tails() -> frozenset[str]:
    from kg.reference import role_lexicon

    concepts = role_lexicon()["concepts"]
    contract = {
        "foreign-minister",
        "deputy-prime-minister",
        "prime-minister",
        "president",
        "ambassador",
        "deputy-foreign-minister",
        "minister",
        "secretary-general",
        "other",
    }
    return frozenset(contract | set(concepts))


# ---------------------------------------------------------------- binding


def _where_brace(text: str, start: int = 0) -> int:
    """Offset just after the ``{`` that opens the outermost WHERE group of the query that starts at
    ``start`` (a sub-select when ``start`` is just inside the ``{`` that opens it)."""
    depth = 0
    form = None
    after_where = False
    groups = 0
    for match in SPARQL_TOKENS.finditer(text, start):
        kind, token = match.lastgroup, match.group()
        if kind in ("comment", "string", "iri"):
            continue
        if kind == "word" and depth == 0:
            upper = token.upper()
            if form is None and upper in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
                form = upper
            elif upper == "WHERE":
                after_where = True
        elif token == "{":
            if depth == 0 and form is not None:
                groups += 1
                if after_where or form != "CONSTRUCT" or groups == 2:
                    return match.end()
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                break  # the end of the sub-select
    raise QueryError("cannot bind parameters: the query has no WHERE group")


def _binding_points(text: str) -> list[int]:
    """Where the ``VALUES`` go: at each ``# @params`` comment, else opening the outermost WHERE group."""
    from kg.query import find_params_markers

    return find_params_markers(text) or [_where_brace(text)]


def bind_values(sparql: str, terms: Mapping[str, Any], *, where: str = "query") -> str:
    """``sparql`` with ``VALUES (?name …) { (term …) }``, one row binding every one of ``terms``, opening
    its outermost WHERE group (or where each of its ``# @params`` comments is).

    Terms are pyoxigraph terms, written by pyoxigraph (quotes, braces and newlines in a literal are
    escaped), so a value can never change the query around it.
    """
    if not terms:
        return sparql
    try:
        points = _binding_points(sparql)
    except QueryError as error:
        raise QueryError(f"{where}: {error}") from None
    for name, term in terms.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"{where}: '{name}' is not a variable name")
        if not isinstance(term, (NamedNode, Literal)):
            raise QueryError(f"{where}: parameter '{name}' must be an IRI or a literal")
    # one row binding every parameter: Oxigraph starts a group's evaluation from it and looks the
    # patterns up with all the values bound (separate VALUES are joined one at a time, often last)
    names = " ".join(f"?{name}" for name in terms)
    row = " ".join(str(term) for term in terms.values())
    block = f"\n  VALUES ({names}) {{ ({row}) }}\n"
    for at in reversed(points):  # from the end, so the earlier offsets still hold
        sparql = sparql[:at] + block + sparql[at:]
    return sparql


def bind_query_text(text: str, params: Mapping[str, Any] | None = None, *, source: str = "query") -> str:
    """Any query text (typed, or read from a file) with its header's parameters bound.

    A text that declares no ``# param:`` and gets no ``params`` is returned as it is; ``source``
    names it in errors (a file name, ``query``).
    """
    query = parse_saved_query(Path(source), text=text)
    if not query.params and not params:
        return text
    return query.bind(params)


def format_saved_queries(queries: Iterable[SavedQuery], *, fmt: str = "table") -> str:
    """The saved queries as a table (name, title, params) or as JSON (everything the header says)."""
    queries = list(queries)
    if fmt == "json":
        import json

        document = [
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "params": [
                    {
                        "name": p.name,
                        "type": p.type,
                        "default": p.default,
                        "required": p.required,
                        "description": p.description,
                    }
                    for p in q.params
                ],
                "examples": [dict(example) for example in q.examples],
                "page": q.page,
                "path": str(q.path),
            }
            for q in queries
        ]
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if fmt != "table":
        raise QueryError(f"--format: unknown format '{fmt}' (choose table, json)")
    rows = [(q.name, q.title, " ".join(p.describe() for p in q.params)) for q in queries]
    header = ("name", "title", "params")
    widths = [max([len(header[i]), *(len(row[i]) for row in rows)]) for i in range(2)]
    lines = [f"{header[0]:<{widths[0]}}  {header[1]:<{widths[1]}}  {header[2]}"]
    lines.append(f"{'-' * widths[0]}  {'-' * widths[1]}  {'-' * 6}")
    lines += [f"{n:<{widths[0]}}  {t:<{widths[1]}}  {p}".rstrip() for n, t, p in rows]
    return "\n".join(lines) + "\n"
