"""The Python API for notebooks and scripts: one object over a store.

    from kg import Graph

    with Graph.open("out/store") as g:                 # a folder, or a SPARQL endpoint http(s)://…
        g.ingest(["data/articles"])                   # -> IngestReport
        rows = g.query("travel-timeline", person="Murat Nurtleu")   # a saved query, by name
        rows = g.query("SELECT ?m WHERE { ?m a dip:Meeting }")     # or any SPARQL
        rows = g.query("cq7-provenance", offset=100)  # a listing's next page (rows.more); limit=0: all
        rows.df                                       # a pandas DataFrame (pandas installed)
        g.export("turtle")                            # -> str; g.export("trig", "out/g.trig") -> Path
        g.viz(view="countries")                       # shows inline in Jupyter
        g.stats()                                     # -> dict, as kg stats --format json

Each method calls the same library function as the matching ``kg`` command, so a notebook and
the command line always agree. Errors are :class:`kg.errors.KgError` subclasses with one-line
messages.
"""

from __future__ import annotations

import html
import io
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KgError, QueryError

if TYPE_CHECKING:
    from kg.ingest import IngestReport
    from kg.query import QueryResult
    from kg.viz import VizSummary

__all__ = ["Graph", "Rows", "VizPage"]

_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    f"{_XSD}{name}"
    for name in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}


def python_value(term: Any) -> Any:
    """A query result term as a plain Python value: an IRI as its string, a number as int, Decimal or
    float, a boolean as bool, any other literal as its lexical form (dates stay strings: the graph mixes
    ``xsd:date``, ``xsd:gYear`` and ``xsd:gMonthDay``); None for unbound."""
    if term is None:
        return None
    from pyoxigraph import Literal

    if not isinstance(term, Literal):
        return term.value if hasattr(term, "value") else str(term)
    datatype = term.datatype.value
    try:
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype == f"{_XSD}decimal":
            return Decimal(term.value)
        if datatype in (f"{_XSD}double", f"{_XSD}float"):
            return float(term.value)
        if datatype == f"{_XSD}boolean":
            return term.value in ("true", "1")
    except ValueError:
        pass
    return term.value


class Rows(Sequence[dict[str, Any]]):
    """The rows of a SELECT: each a dict of variable -> Python value (see :func:`python_value`).

    ``rows.variables`` names the columns, ``rows.tuples()`` gives plain tuples, ``rows.result`` the
    :class:`kg.query.QueryResult` with the RDF terms, ``rows.df`` / ``rows.to_pandas()`` a pandas
    DataFrame. In Jupyter the rows show as a table.
    """

    def __init__(self, result: QueryResult):
        self.result = result
        self.variables: list[str] = list(result.variables)
        self.more: bool = result.more  # rows follow this page: g.query(..., offset=rows.next_offset)
        self.next_offset: int | None = result.next_offset
        self._rows = [
            {name: python_value(term) for name, term in zip(self.variables, row, strict=True)}
            for row in result.rows
        ]

    def __getitem__(self, index):  # type: ignore[override]
        return self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._rows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows):
            return self.variables == other.variables and self._rows == other._rows
        return isinstance(other, list) and self._rows == other

    __hash__ = None  # type: ignore[assignment]

    def tuples(self) -> list[tuple[Any, ...]]:
        """The rows as tuples, in the order of :attr:`variables`."""
        return [tuple(row[name] for name in self.variables) for row in self._rows]

    def column(self, name: str) -> list[Any]:
        """The values of one variable, row by row."""
        if name not in self.variables:
            raise QueryError(f"no column '{name}' (columns: {', '.join(self.variables)})")
        return [row[name] for row in self._rows]

    def to_pandas(self) -> Any:
        """A :class:`pandas.DataFrame` with one column per variable (ImportError without pandas)."""
        try:
            import pandas
        except ImportError as error:
            raise ImportError(
                "Rows.to_pandas() needs pandas, which dipkg does not install: pip install pandas "
                "(rows.tuples() and rows.variables work without it)"
            ) from error
        return pandas.DataFrame(self.tuples(), columns=self.variables)

    @property
    def df(self) -> Any:
        """The same as :meth:`to_pandas`."""
        return self.to_pandas()

    def __repr__(self) -> str:
        from kg.query import format_result

        count = len(self)
        note = self.result.page_note(options=False)
        return (
            format_result(self.result, fmt="table").rstrip("\n")
            + f"\n({count} row{'s' if count != 1 else ''}{'; ' + note if note else ''})"
        )

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(name)}</th>" for name in self.variables)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
            for row in self.tuples()
        )
        return (
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            f"<p>{len(self)} row{'s' if len(self) != 1 else ''}"
            f"{html.escape('; ' + self.result.page_note(options=False)) if self.more or self.result.offset else ''}"
            "</p>"
        )


@dataclass(frozen=True)
class VizPage:
    """A network page made by :meth:`Graph.viz`: the HTML and what was drawn. Shows inline in Jupyter."""

    html: str
    summary: VizSummary
    height: int = 640

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` (it works offline, as ``kg viz`` pages do)."""
        target = Path(path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.html, encoding="utf-8")
        except OSError as error:
            from kg.errors import ExportError

            raise ExportError(f"cannot write {target}: {error.strerror or error}") from error
        return target

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
            f'style="width: 100%; height: {self.height}px; border: 1px solid #ddd" '
            'sandbox="allow-scripts allow-popups"></iframe>'
        )

    def __repr__(self) -> str:
        return f"VizPage({self.summary.nodes} nodes, {self.summary.edges} edges)"


class Graph:
    """A dipkg store, for notebooks and scripts. Open one with :meth:`Graph.open` or :meth:`Graph.in_memory`."""

    def __init__(self, store: Any):
        self.store = store

    @classmethod
    def open(cls, location: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Graph:
        """Open the store at ``location``: a folder (created unless ``read_only``) or, where the store
        layer supports it, a SPARQL endpoint ``http(s)://…``; default ``$KG_STORE``, else ``./.dipkg/store``."""
        from kg import store as stores

        opener = getattr(stores, "open_store", None)
        if opener is not None:
            return cls(opener(location, read_only=read_only))
        return cls(stores.Store.open(stores.resolve_store_path(location), read_only=read_only))

    @classmethod
    def in_memory(cls) -> Graph:
        """A graph that lives in memory only (nothing is written to disk)."""
        from kg.store import Store

        return cls(Store.in_memory())

    def __repr__(self) -> str:
        return f"Graph({self.store!r})"

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the store (an on-disk store can then be opened by another process)."""
        self.store.close()

    # -------------------------------------------------------- reading

    def query(
        self, sparql_or_name: str, /, *, limit: int | None = None, offset: int = 0, **params: Any
    ) -> Any:
        """Run a saved query by name (``"travel-timeline"``, or a prefix only it has) or SPARQL text.

        ``params`` bind the parameters the query's header declares (``person="Wang Yi"``, strings
        as on the command line, or pyoxigraph terms); SPARQL text without a header binds them as
        given: pyoxigraph terms, or Python values as literals. Always bound with ``VALUES``, never
        pasted. Returns :class:`Rows` for SELECT, a bool for ASK, a list of triples for CONSTRUCT
        and DESCRIBE. Raises :class:`~kg.errors.QueryError` for an unknown query or parameter, a
        bad value, or a failing query.

        Like ``kg query``, a query whose header says ``# page: N`` gives N rows unless ``limit``
        says otherwise (``limit=0``: every row); ``offset`` skips rows. ``rows.more`` tells whether
        more follow, ``rows.next_offset`` where the next page starts. (So ``limit`` and ``offset``
        cannot name query parameters.)
        """
        from kg.query import run_query
        from kg.saved_queries import bind_query_text, find_saved_query, page_size, parse_saved_query

        text = sparql_or_name
        if text and set(text) <= _NAME_CHARS:
            saved = find_saved_query(text)
            declared, text = saved.page, saved.bind(params)
        else:
            header = parse_saved_query(Path("QUERY"), text=text)
            declared = header.page
            text = bind_query_text(text, params) if header.params or not params else _bind_plain(text, params)
        result = run_query(self.store, text, limit=page_size(limit, declared=declared), offset=offset)
        if result.kind == "ask":
            return bool(result.boolean)
        if result.kind == "graph":
            return list(result.triples)
        return Rows(result)

    def queries(self) -> list[dict[str, Any]]:
        """The saved queries: name, title, description and parameters of each (as ``kg queries --format json``)."""
        import json

        from kg.saved_queries import format_saved_queries, saved_queries

        return json.loads(format_saved_queries(saved_queries(), fmt="json"))

    def stats(self) -> dict[str, Any]:
        """Counts: articles, languages, quads, graphs and instances by class (as ``kg stats --format json``)."""
        from kg.stats import collect_stats

        return collect_stats(self.store)

    # -------------------------------------------------------- writing

    def ingest(self, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> IngestReport:
        """Read articles (files, folders, ``.jsonl``) and store their facts, as ``kg ingest``; returns the report."""
        from kg.ingest import ingest

        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        return ingest([Path(p) for p in paths], store=self.store)

    def export(self, fmt: str = "turtle", path: str | os.PathLike[str] | None = None) -> str | Path:
        """The graph as text in ``fmt`` (turtle, trig, nquads, ntriples, jsonld), or written to ``path``
        (returned) as ``kg export --output`` does."""
        from kg.export import export

        if path is not None:
            export(self.store, fmt=fmt, output=path)
            return Path(path)
        buffer = io.BytesIO()
        export(self.store, fmt=fmt, output=buffer)
        return buffer.getvalue().decode("utf-8")

    # -------------------------------------------------------- seeing

    def viz(self, *, title: str | None = None, height: int = 640, **options: Any) -> VizPage:
        """The network view ``kg viz`` draws, as a :class:`VizPage` that shows inline in Jupyter.

        ``options`` are those of :class:`kg.viz.ViewOptions` (``view="countries"``, ``focus="Wang Yi"``,
        ``since="2025"``, ``types=["meeting"]``, ``countries=["KZ"]``, ``min_weight``, ``max_nodes``,
        ``hops``, ``until``, ``lang``); one string is accepted where a list is expected.
        """
        from kg.viz import ViewOptions, build_network, make_view, write_html

        for key in ("types", "countries"):
            if isinstance(options.get(key), str):
                options[key] = (options[key],)
            elif key in options:
                options[key] = tuple(options[key])
        try:
            view_options = ViewOptions(**options)
        except TypeError as error:
            known = ", ".join(sorted(ViewOptions.__dataclass_fields__))
            raise QueryError(f"viz: {error} (options: {known})") from None
        view = make_view(build_network(self.store, lang=view_options.lang), view_options)
        with tempfile.TemporaryDirectory(prefix="dipkg-viz-") as folder:
            page = Path(folder) / "graph.html"
            summary = write_html(view, page, title=title)
            text = page.read_text(encoding="utf-8")
        return VizPage(html=text, summary=summary, height=height)


def _bind_plain(text: str, params: dict[str, Any]) -> str:
    """Bind ``params`` into SPARQL that declares none: terms as they are, Python values as literals."""
    from pyoxigraph import Literal, NamedNode

    from kg.saved_queries import bind_values
    from kg.vocab import XSD

    terms = {}
    for name, value in params.items():
        if isinstance(value, (NamedNode, Literal)):
            terms[name] = value
        elif isinstance(value, bool):
            terms[name] = Literal("true" if value else "false", datatype=NamedNode(f"{_XSD}boolean"))
        elif isinstance(value, int):
            terms[name] = Literal(str(value), datatype=XSD.integer)
        elif isinstance(value, Decimal):
            terms[name] = Literal(format(value, "f"), datatype=XSD.decimal)
        elif isinstance(value, float):
            terms[name] = Literal(repr(value), datatype=NamedNode(f"{_XSD}double"))
        elif isinstance(value, date):
            terms[name] = Literal(value.isoformat(), datatype=XSD.date)
        elif isinstance(value, str):
            terms[name] = Literal(value)
        else:
            raise KgError(f"query parameter '{name}': cannot bind a {type(value).__name__}")
    return bind_values(text, terms)
