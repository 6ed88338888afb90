"""SHACL validation of the store with ``ontology/shapes.ttl`` (pySHACL).

The data graph is the union of all graphs (each triple once), with ``ontology/dip.ttl`` mixed
in so class hierarchies (``dip:Fact``) are known. Violations are results, not errors: they come
back as readable lines such as ``dipr:meeting/ab12…: dip:confidence: Value 1.5 not <= 1``.
:class:`~kg.errors.ValidationError` means validation could not run at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pyoxigraph import RdfFormat, Triple, serialize

from kg.errors import ValidationError
from kg.vocab import shorten

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.store import Store

__all__ = ["ValidationReport", "union_graph", "validate"]

_SH = "http://www.w3.org/ns/shacl#"


@dataclass
class ValidationReport:
    """``conforms`` is pySHACL's verdict; ``violations`` one sorted line per result (warnings marked)."""

    conforms: bool
    violations: list[str] = field(default_factory=list)


def union_graph(store: Store) -> Graph:
    """The union of all graphs of the store as an rdflib Graph, each triple once."""
    from rdflib import Graph

    # the named graphs themselves, not the store's merged index of them: validation checks the data
    rows = store.query("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    data = serialize((Triple(r[0], r[1], r[2]) for r in rows), format=RdfFormat.N_TRIPLES)
    graph = Graph()
    graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def _term(node: Any) -> str:
    from rdflib import Literal, URIRef

    if isinstance(node, URIRef):
        return shorten(str(node))
    if isinstance(node, Literal):
        return str(node)
    return "(path)" if node is not None else ""


def _lines(results: Graph) -> list[str]:
    from rdflib import RDF, URIRef

    sh = {name: URIRef(_SH + name) for name in ("ValidationResult", "focusNode", "resultPath", "value")}
    sh |= {name: URIRef(_SH + name) for name in ("resultMessage", "resultSeverity", "Violation")}
    lines = set()
    for result in results.subjects(RDF.type, sh["ValidationResult"]):
        focus = _term(results.value(result, sh["focusNode"]))
        path = _term(results.value(result, sh["resultPath"]))
        value = results.value(result, sh["value"])
        messages = sorted(str(m) for m in results.objects(result, sh["resultMessage"]))
        message = messages[0] if messages else "constraint not met"
        if value is not None and _term(value) not in message:
            message += f" (value {_term(value)})"
        severity = results.value(result, sh["resultSeverity"])
        marker = (
            "" if severity in (None, sh["Violation"]) else f"{str(severity).rsplit('#', 1)[-1].lower()}: "
        )
        lines.add(
            f"{marker}{focus}: {path}: {' '.join(message.split())}" if path else f"{marker}{focus}: {message}"
        )
    return sorted(lines)


def validate(store: Store) -> ValidationReport:
    """Validate the whole store against the shipped SHACL shapes."""
    import pyshacl
    from rdflib import Graph

    from kg.resources import ontology_dir

    shapes_path, ontology_path = ontology_dir() / "shapes.ttl", ontology_dir() / "dip.ttl"
    try:
        shapes = Graph().parse(shapes_path, format="turtle")
        ontology = Graph().parse(ontology_path, format="turtle")
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            f"cannot read the SHACL shapes or ontology in {ontology_dir()}: {error}"
        ) from error
    data = union_graph(store)
    try:
        conforms, results, _text = pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=True
        )
    except Exception as error:  # noqa: BLE001 - pySHACL raises many kinds; report them as one
        raise ValidationError(f"SHACL validation could not run: {' '.join(str(error).split())}") from error
    return ValidationReport(conforms=bool(conforms), violations=_lines(results))
