"""Read-only SPARQL over the store, and the formats ``kg query`` prints.

The default graph of a query is the union of all named graphs, so an analyst writes
``?m dip:participant ?p`` without ``GRAPH``. That union is a multiset: a triple stated by two
articles is seen twice, so aggregates should use ``DISTINCT``. The usual prefixes (``dip:``,
``dipr:``, ``rdfs:``, ``skos:`` …, see :data:`kg.vocab.PREFIXES`) are predeclared; a query's own
``PREFIX`` lines take precedence.

Updates are refused before anything runs: the first keyword after ``PREFIX``/``BASE``
declarations and comments is checked against the SPARQL 1.1 Update operations.

Paging happens inside the query: :func:`page_query` writes ``LIMIT``/``OFFSET`` at the end of
a SELECT, and a ``LIMIT`` where the query has a ``# @page`` comment (the end of the sub-select
that chooses and orders a listing's keys, so that the expensive columns are fetched for the keys
up to the page only). One row more than the page is asked for, so a page knows whether more rows
follow (:attr:`QueryResult.more`). With ``stream=True`` a SELECT's rows are read as they come, for
results too large to hold (:func:`write_result` writes them out as they arrive).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal, TextIO

from pyoxigraph import (
    BlankNode,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Triple,
    Variable,
    serialize,
)
from pyoxigraph import Literal as RdfLiteral

from kg.errors import QueryError
from kg.vocab import PREFIXES, XSD, shorten

if TYPE_CHECKING:
    from kg.store import Store

__all__ = [
    "PAGE_MARKER",
    "PARAMS_MARKER",
    "RESULT_FORMATS",
    "UPDATE_KEYWORDS",
    "QueryResult",
    "find_page_marker",
    "find_params_markers",
    "format_result",
    "is_update",
    "page_query",
    "run_query",
    "write_result",
]

RESULT_FORMATS = ("table", "csv", "tsv", "json")
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_READ_ONLY = "updates are not allowed: kg query is read-only"
PAGE_MARKER = re.compile(r"^#\s*@page\b")  # the comment that ends the sub-select a page is cut in
PARAMS_MARKER = re.compile(r"^#\s*@params\b")  # the comment that says where parameters are bound
_STREAM_TABLE_ROWS = 1000  # a streamed table takes its column widths from this many rows

# SPARQL text as tokens: comments, IRIs and strings come whole, so a keyword inside one is not
# taken for a keyword (kg.saved_queries uses the same tokens to find the WHERE group).
SPARQL_TOKENS = re.compile(
    r"""
      (?P<comment>\#[^\n]*)
    | (?P<iri><[^<>"{}|^`\\\s]*>)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    | (?P<word>[A-Za-z_][\w.-]*:?[\w.-]*)
    | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)

Term = Any  # a pyoxigraph NamedNode, BlankNode, Literal or Triple


@dataclass
class QueryResult:
    """A finished query: rows of a SELECT, the answer of an ASK, or the triples of a CONSTRUCT/DESCRIBE."""

    kind: Literal["select", "ask", "graph"]
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)  # an iterator when streamed
    boolean: bool | None = None
    triples: list[Triple] = field(default_factory=list)
    offset: int = 0  # rows skipped before the first one here
    limit: int | None = None  # the page size asked for; None: every row
    more: bool = False  # rows follow this page (ask for them with offset=next_offset)

    def __len__(self) -> int:
        if self.kind == "ask":
            return 1
        return len(self.rows) if self.kind == "select" else len(self.triples)

    @property
    def next_offset(self) -> int | None:
        """The offset of the next page, or None when this is the last one."""
        return self.offset + len(self.rows) if self.more else None

    def page_note(self, *, options: bool = True, count: int | None = None) -> str:
        """One line saying which rows these are and how to get the next page; "" for a whole result.

        ``options`` names the ``kg query`` options (``--offset N``, ``--all``); otherwise the
        :meth:`kg.Graph.query` arguments. ``count``: the number of rows of a streamed result,
        once they are read (:func:`write_result` returns it).
        """
        if self.kind != "select" or (not self.more and not self.offset):
            return ""
        count = len(self.rows) if count is None else count
        shown = (
            f"rows {self.offset + 1}–{self.offset + count}" if count else f"no rows after row {self.offset}"
        )
        if not self.more:
            return f"{shown} (the last page)"
        if options:
            return f"{shown} of more; next page: --offset {self.next_offset} (--all: every row)"
        return f"{shown} of more; next page: offset={self.next_offset} (limit=0: every row)"


def is_update(sparql: str) -> bool:
    """True when the text is a SPARQL Update request (its first operation keyword is an update's)."""
    skip = 0
    for match in SPARQL_TOKENS.finditer(sparql):
        kind, text = match.lastgroup, match.group()
        if kind == "comment":
            continue
        if skip:
            skip -= 1
            continue
        keyword = text.upper() if kind == "word" else ""
        if keyword == "PREFIX":
            skip = 2  # the prefix name and its IRI
        elif keyword == "BASE":
            skip = 1
        else:
            return keyword in UPDATE_KEYWORDS
    return False


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _form(sparql: str) -> str:
    """The query form (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``), or "" when there is none."""
    for match in SPARQL_TOKENS.finditer(sparql):
        if match.lastgroup == "word" and match.group().upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return match.group().upper()
    return ""


def find_page_marker(sparql: str) -> tuple[int, int | None] | None:
    """Where the query's ``# @page`` comment is: ``(its offset, the offset of the '{' that opens the
    sub-select it ends)``, the second None when it stands in the outer query; None without one.

    Raises :class:`QueryError` when there are two markers.
    """
    found: tuple[int, int | None] | None = None
    opened: list[int] = []
    for match in SPARQL_TOKENS.finditer(sparql):
        kind, token = match.lastgroup, match.group()
        if kind == "comment":
            if PAGE_MARKER.match(token):
                if found is not None:
                    raise QueryError("the query has two '# @page' markers (one says where a page is cut)")
                found = (match.start(), opened[-1] if opened else None)
        elif kind == "other" and token == "{":
            opened.append(match.start())
        elif kind == "other" and token == "}" and opened:
            opened.pop()
    return found


def find_params_markers(sparql: str) -> list[int]:
    """The offsets of the query's ``# @params`` comments (where ``VALUES`` for its parameters go:
    each sub-select that uses them has its own), in the order they appear."""
    return [
        m.start()
        for m in SPARQL_TOKENS.finditer(sparql)
        if m.lastgroup == "comment" and PARAMS_MARKER.match(m.group())
    ]


def page_query(sparql: str, *, limit: int | None, offset: int = 0) -> str:
    """``sparql`` asking for ``limit`` rows (None: every row) after the first ``offset``.

    The query must be a SELECT without a LIMIT, OFFSET or VALUES of its own after its WHERE group:
    ``LIMIT``/``OFFSET`` are written at its end. When a ``# @page`` comment ends a sub-select (the
    one that selects and orders the keys of a listing), ``LIMIT offset+limit`` is written there
    too, so the outer query fetches its other columns for the keys up to this page only. That is
    exact when the outer ``ORDER BY`` begins with the sub-select's and the outer part keeps every
    key (it may give a key several rows). The caller asks for one row more than it shows to learn
    whether more follow (:func:`run_query` does).
    """
    if (limit is not None and limit < 0) or offset < 0:
        raise QueryError(f"--limit and --offset must be 0 or more (got {limit}, {offset})")
    if limit is None and not offset:
        return sparql
    form = _form(sparql)
    if form != "SELECT":
        raise QueryError(f"--limit/--offset page the rows of a SELECT; this query is {form or 'not one'}")
    depth, closed, tail = 0, False, []
    for match in SPARQL_TOKENS.finditer(sparql):
        kind, token = match.lastgroup, match.group()
        if kind == "other" and token == "{":
            depth += 1
        elif kind == "other" and token == "}":
            depth -= 1
            closed = closed or depth == 0  # the WHERE group has ended: solution modifiers follow
        elif closed and depth == 0 and kind == "word":
            tail.append(token.upper())
    own = sorted({"LIMIT", "OFFSET", "VALUES"} & set(tail))
    if own:
        raise QueryError(f"the query has its own {'/'.join(own)}: it cannot be paged (give every row: --all)")
    outer = " ".join(
        ([f"LIMIT {limit}"] if limit is not None else []) + ([f"OFFSET {offset}"] if offset else [])
    )
    text = sparql.rstrip() + "\n" + outer + "\n"
    marker = find_page_marker(sparql)
    if marker is not None and marker[1] is not None and limit is not None:
        at = marker[0]
        text = text[:at] + f"LIMIT {offset + limit} " + text[at:]
    return text


def run_query(
    store: Store,
    sparql: str,
    *,
    bindings: Mapping[str, Term] | None = None,
    limit: int | None = None,
    offset: int = 0,
    stream: bool = False,
) -> QueryResult:
    """Run a read-only SPARQL query; ``bindings`` pre-bind variables (``{"person": NamedNode(…)}``),
    which must appear in the SELECT clause (Oxigraph follows SPARQL-dev SEP-0007).

    ``limit`` rows (None or 0: every row) after the first ``offset`` (see :func:`page_query`):
    the result says whether more rows follow (``more``). ``stream=True`` leaves a SELECT's rows
    an iterator read from the store as it is consumed (without ``limit``).

    Raises :class:`QueryError` for an update, a malformed query or a failure while evaluating it.
    """
    if is_update(sparql):
        raise QueryError(_READ_ONLY)
    limit = limit or None
    if limit is not None and stream:
        raise QueryError("a page is read whole: stream=True takes no limit")
    paged = limit is not None or offset
    if paged:
        sparql = page_query(sparql, limit=None if limit is None else limit + 1, offset=offset)
    substitutions = {Variable(name): value for name, value in (bindings or {}).items()}
    try:
        results = store.query(sparql, prefixes=PREFIXES, substitutions=substitutions or None)
        if isinstance(results, QueryBoolean):
            return QueryResult("ask", boolean=bool(results))
        if isinstance(results, QuerySolutions):
            names = [v.value for v in results.variables]
            if stream:
                return QueryResult("select", variables=names, rows=_rows(results), offset=offset)
            rows = [tuple(row) for row in results]  # the values in the order of the variables
            more = limit is not None and len(rows) > limit
            if more:
                del rows[limit:]
            return QueryResult("select", variables=names, rows=rows, offset=offset, limit=limit, more=more)
        return QueryResult("graph", triples=list(results))
    except SyntaxError as error:
        raise QueryError(f"malformed query: {_one_line(error)}") from error
    except (OSError, RuntimeError, ValueError, TypeError) as error:
        raise QueryError(f"query failed: {_one_line(error)}") from error


def _rows(results: QuerySolutions) -> Iterator[tuple[Term | None, ...]]:
    """The solutions as tuples, read as they are asked for; a failure midway is a QueryError."""
    try:
        for row in results:
            yield tuple(row)  # the values in the order of the variables, None where unbound
    except (OSError, RuntimeError, ValueError, TypeError) as error:
        raise QueryError(f"query failed: {_one_line(error)}") from error


# ---------------------------------------------------------------- formatting


def _cell(term: Term | None) -> str:
    """A short, readable rendering for the table: prefixed IRIs, literal values without quotes."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return shorten(term.value)
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, RdfLiteral):
        return " ".join(term.value.split()) if "\n" in term.value else term.value
    return str(term)


def _plain(term: Term | None) -> str:
    """SPARQL 1.1 CSV: IRIs and literals by their plain value, blank nodes as ``_:id``."""
    if term is None:
        return ""
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (NamedNode, RdfLiteral)):
        return term.value
    return str(term)


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, RdfLiteral):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype != XSD.string:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _table(variables: Sequence[str], rows: Sequence[Sequence[Term | None]]) -> str:
    cells = [[_cell(term) for term in row] for row in rows]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(variables)]
    lines = [
        "  ".join(name.ljust(w) for name, w in zip(variables, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


def _csv(variables: Sequence[str], rows: Sequence[Sequence[Term | None]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    writer.writerows([_plain(t) for t in row] for row in rows)
    return buffer.getvalue()


def _tsv(variables: Sequence[str], rows: Sequence[Sequence[Term | None]]) -> str:
    lines = ["\t".join(f"?{name}" for name in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return "\n".join(lines) + "\n"


def _json(result: QueryResult) -> str:
    if result.kind == "ask":
        document: dict[str, Any] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {name: _json_term(t) for name, t in zip(result.variables, row, strict=True) if t is not None}
            for row in result.rows
        ]
        document = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def format_result(result: QueryResult, *, fmt: str = "table") -> str:
    """Render a result: SELECT/ASK as ``table``, ``csv``, ``tsv`` or ``json`` (SPARQL 1.1 formats);
    CONSTRUCT/DESCRIBE always as Turtle."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format '{fmt}' (choose {', '.join(RESULT_FORMATS)})")
    if result.kind == "graph":
        from kg.export import turtle_prefixes

        return serialize(result.triples, format=RdfFormat.TURTLE, prefixes=turtle_prefixes()).decode("utf-8")
    if fmt == "json":
        return _json(result)
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    writer = {"table": _table, "csv": _csv, "tsv": _tsv}[fmt]
    return writer(result.variables, result.rows)


def write_result(result: QueryResult, out: TextIO, *, fmt: str = "table") -> int:
    """Write a result to ``out`` as :func:`format_result` renders it, row by row when its rows are
    streamed (a streamed table takes its column widths from its first 1,000 rows); returns the
    number of rows written."""
    if result.kind != "select" or isinstance(result.rows, list):
        out.write(format_result(result, fmt=fmt))
        return len(result) if result.kind != "ask" else 1
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format '{fmt}' (choose {', '.join(RESULT_FORMATS)})")
    rows: Iterator[tuple[Term | None, ...]] = iter(result.rows)
    count = 0
    if fmt == "table":
        first = list(islice(rows, _STREAM_TABLE_ROWS))
        cells = [[_cell(term) for term in row] for row in first]
        names = result.variables
        widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(names)]
        out.write(_table(names, first))
        count = len(first)
        for row in rows:
            line = "  ".join(_cell(t).ljust(w) for t, w in zip(row, widths, strict=True)).rstrip()
            out.write(line + "\n")
            count += 1
        return count
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in rows:
            writer.writerow([_plain(t) for t in row])
            count += 1
        return count
    if fmt == "tsv":
        out.write("\t".join(f"?{name}" for name in result.variables) + "\n")
        for row in rows:
            out.write("\t".join("" if t is None else str(t) for t in row) + "\n")
            count += 1
        return count
    head = json.dumps({"vars": result.variables}, ensure_ascii=False)
    out.write(f'{{"head": {head}, "results": {{"bindings": [')
    for row in rows:
        binding = {n: _json_term(t) for n, t in zip(result.variables, row, strict=True) if t is not None}
        out.write(("\n " if not count else ",\n ") + json.dumps(binding, ensure_ascii=False))
        count += 1
    out.write("\n]}}\n")
    return count
