"""Read-only SPARQL over the store, and the formats ``kg query`` prints.

The default graph of a query is the union of all named graphs, so an analyst writes
``?m dip:participant ?p`` without ``GRAPH``. That union is a multiset: a triple stated by two
articles is seen twice, so aggregates should use ``DISTINCT``. The usual prefixes (``dip:``,
``dipr:``, ``rdfs:``, ``skos:`` …, see :data:`kg.vocab.PREFIXES`) are predeclared; a query's own
``PREFIX`` lines take precedence.

Updates are refused before anything runs: the first keyword after ``PREFIX``/``BASE``
declarations and comments is checked against the SPARQL 1.1 Update operations.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

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

__all__ = ["RESULT_FORMATS", "UPDATE_KEYWORDS", "QueryResult", "format_result", "is_update", "run_query"]

RESULT_FORMATS = ("table", "csv", "tsv", "json")
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_READ_ONLY = "updates are not allowed: kg query is read-only"

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
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Triple] = field(default_factory=list)

    def __len__(self) -> int:
        if self.kind == "ask":
            return 1
        return len(self.rows) if self.kind == "select" else len(self.triples)


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


def run_query(store: Store, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> QueryResult:
    """Run a read-only SPARQL query; ``bindings`` pre-bind variables (``{"person": NamedNode(…)}``),
    which must appear in the SELECT clause (Oxigraph follows SPARQL-dev SEP-0007).

    Raises :class:`QueryError` for an update, a malformed query or a failure while evaluating it.
    """
    if is_update(sparql):
        raise QueryError(_READ_ONLY)
    substitutions = {Variable(name): value for name, value in (bindings or {}).items()}
    try:
        results = store.query(sparql, prefixes=PREFIXES, substitutions=substitutions or None)
        if isinstance(results, QueryBoolean):
            return QueryResult("ask", boolean=bool(results))
        if isinstance(results, QuerySolutions):
            names = [v.value for v in results.variables]
            rows = [tuple(row[name] for name in names) for row in results]
            return QueryResult("select", variables=names, rows=rows)
        return QueryResult("graph", triples=list(results))
    except SyntaxError as error:
        raise QueryError(f"malformed query: {_one_line(error)}") from error
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
