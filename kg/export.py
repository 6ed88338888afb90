"""Export the store as RDF files.

* ``turtle`` and ``ntriples``: the union of all graphs as one graph; a triple stated in several
  article graphs is written once;
* ``trig`` and ``nquads``: the dataset, every article in its named graph;
* ``jsonld``: the dataset as JSON-LD, named graphs kept, compacted with ``ontology/context.jsonld``
  (embedded in the file, so reading it back needs no network).

Oxigraph writes the first four directly from the store (fast); JSON-LD goes through rdflib,
which applies the context.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pyoxigraph import DefaultGraph, Quad, QuerySolution, RdfFormat, Triple, serialize

from kg.errors import ExportError
from kg.vocab import PREFIXES

if TYPE_CHECKING:
    from kg.store import Store

__all__ = ["FORMATS", "SUFFIXES", "export", "turtle_prefixes"]

FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld")
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "ntriples": ".nt", "jsonld": ".jsonld"}

_UNION = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"
_ENTITY_KINDS = (
    "article", "country", "person", "place", "format", "organization", "meeting", "agreement", "mission",
    "statistic", "statement", "position", "evidence", "role", "meeting-type", "agreement-type", "mission-type",
    "statistic-type",
)  # fmt: skip


def turtle_prefixes() -> dict[str, str]:
    """Readable prefixed names: ``person:wang-yi`` rather than ``dipr:person\\/wang-yi``.

    Turtle cannot write a "/" in a local name without escaping it, so each kind of entity gets
    its own prefix; ``dipr:`` stays for the concept schemes themselves.
    """
    base = PREFIXES["dipr"]
    kinds = {kind: f"{base}{kind}/" for kind in _ENTITY_KINDS}
    return {**PREFIXES, **kinds, "articleGraph": "https://w3id.org/dipkg/graph/article/"}


def _triples(rows: Iterable[QuerySolution]) -> Iterator[Triple]:
    for row in rows:
        yield Triple(row[0], row[1], row[2])


def _union(store: Store, fmt: RdfFormat, output: IO[bytes]) -> None:
    rows = store.query(_UNION)
    serialize(_triples(rows), output, fmt, prefixes=turtle_prefixes() if fmt == RdfFormat.TURTLE else None)


def _named_quads(store: Store) -> Iterator[Quad]:
    """Every quad of the named graphs; the merged default graph is the store's index, not data."""
    return (q for q in store.oxigraph if not isinstance(q.graph_name, DefaultGraph))


def _dataset(store: Store, fmt: RdfFormat, output: IO[bytes]) -> None:
    serialize(_named_quads(store), output, fmt, prefixes=turtle_prefixes() if fmt == RdfFormat.TRIG else None)


def _context() -> dict[str, Any]:
    from kg.resources import ontology_dir

    path = ontology_dir() / "context.jsonld"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ExportError(f"cannot read the JSON-LD context {path}: {error}") from error
    return document.get("@context", document) if isinstance(document, dict) else {}


def _jsonld(store: Store, output: IO[bytes]) -> None:
    from rdflib import Dataset

    context = _context()
    with warnings.catch_warnings():  # rdflib 7 warns about its own internal use of ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = Dataset()
        dataset.parse(data=serialize(_named_quads(store), format=RdfFormat.N_QUADS), format="nquads")
        text = dataset.serialize(format="json-ld", context=context, auto_compact=True, indent=1)
    output.write(text.encode("utf-8"))


_WRITERS: dict[str, Callable[[Store, IO[bytes]], None]] = {
    "turtle": lambda store, out: _union(store, RdfFormat.TURTLE, out),
    "ntriples": lambda store, out: _union(store, RdfFormat.N_TRIPLES, out),
    "trig": lambda store, out: _dataset(store, RdfFormat.TRIG, out),
    "nquads": lambda store, out: _dataset(store, RdfFormat.N_QUADS, out),
    "jsonld": _jsonld,
}


def export(store: Store, *, fmt: str, output: IO[bytes] | str | os.PathLike[str]) -> None:
    """Write the store (a :class:`kg.store.Store`) in format ``fmt`` to a binary stream or a file path.

    A file is written next to its final name and renamed into place, so a failed export never
    leaves a half-written file behind. Parent folders are created.
    """
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ExportError(f"unknown export format '{fmt}' (choose {', '.join(FORMATS)})")
    if not isinstance(output, (str, os.PathLike)):
        writer(store, output)
        return
    path = Path(output)
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as stream:
            writer(store, stream)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
