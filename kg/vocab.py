"""The RDF vocabulary the code speaks: namespaces that reject unknown terms, and IRI builders.

``DIP.Meeting`` is a :class:`pyoxigraph.NamedNode`; ``DIP.Meeting_`` (a typo) raises
:class:`AttributeError` at once, as rdflib's ``DefinedNamespace`` with ``_fail = True`` does.
Every ``dip:`` term is listed here and declared in ``ontology/dip.ttl``
(a test checks both lists agree). Where a term comes from:

* CONTRACT.md: the classes and properties analysts' saved queries rely on;
* TERMS.md extensions: ``dateText``, ``dateResolution``, ``qualifier``, ``titleText``,
  ``geonamesId``, ``publisher``, ``formatKind``;
* the ontology: ``Fact``, the superclass of the six fact classes (data does not state it).

Entity IRIs are deterministic (TERMS.md): the builders below are the only place that spells them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from pyoxigraph import NamedNode

from kg.model import PlaceRef, slug

__all__ = [
    "DCT",
    "DERIVED_GRAPH",
    "DIP",
    "DIPR",
    "GRAPH",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "REFERENCE_GRAPH",
    "SCHEMA",
    "SKOS",
    "WD",
    "XSD",
    "article_graph",
    "article_iri",
    "concept_iri",
    "country_iri",
    "format_iri",
    "organization_iri",
    "person_iri",
    "place_iri",
    "sha256_of_graph",
    "shorten",
]

DIPR = "https://w3id.org/dipkg/id/"
GRAPH = "https://w3id.org/dipkg/graph/"
REFERENCE_GRAPH = GRAPH + "reference"
DERIVED_GRAPH = GRAPH + "derived"  # what `kg derive` computes from the articles (kg.derive)
WD = "http://www.wikidata.org/entity/"

#: Prefixes used in exports, query results and saved queries, longest namespace first when shortening.
PREFIXES: dict[str, str] = {
    "dip": "https://w3id.org/dipkg/ontology#",
    "dipr": DIPR,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "http://schema.org/",
    "dct": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "wd": WD,
}


@functools.lru_cache(maxsize=4096)
def _node(iri: str) -> NamedNode:
    return NamedNode(iri)


class _Vocabulary(type):
    """Metaclass of a closed namespace: ``NS.term`` is a NamedNode, an undeclared term raises."""

    _base: str
    _prefix: str
    _terms: frozenset[str]

    def __getattr__(cls, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in cls._terms:
            raise AttributeError(f"{cls._prefix}:{name} is not a term of the dipkg vocabulary")
        return _node(cls._base + name)

    def __getitem__(cls, name: str) -> NamedNode:
        return cls.__getattr__(name)

    def __contains__(cls, name: object) -> bool:
        return name in cls._terms

    def __iter__(cls) -> Iterator[str]:
        return iter(sorted(cls._terms))

    def iri(cls, name: str) -> str:
        """The full IRI of a declared term, as a string."""
        return cls[name].value


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


class DIP(metaclass=_Vocabulary):
    """``dip:`` — https://w3id.org/dipkg/ontology# (CONTRACT.md plus TERMS.md extensions)."""

    _base = PREFIXES["dip"]
    _prefix = "dip"
    _classes = _words(
        """Country Person Place Organization Format Meeting Agreement DiplomaticMission Position
        Statistic Statement Article Evidence"""
    )
    _terms = _classes | _words(
        """Fact
        isoCode inCountry member
        holder roleType ofCountry inOrganization attestedOn
        meetingType date location venueCountry participant participantCountry format ordinal topic status
        agreementType partyCountry party signedOn signedAt validFrom validUntil title
        missionType sendingCountry hostCountry
        statisticType value currency year concerns
        speaker text madeAt
        evidence article sentence charStart charEnd confidence extractor
        sha256 source
        dateText dateResolution qualifier titleText geonamesId publisher formatKind
        reportedDate reportedMeetingType reportedSignedOn reportedSignedAt reportedAgreementType
        ResolutionDecision nameCompared comparedWith candidate resolvedTo outcome score reason
        OfficeTerm startDate endDate CountryPairYear country pairYear meetingCount agreementCount statisticCount
        CountryPair CountryYear OfficeHolding PersonPair countYear person counterpart firstDate lastDate
        firstAttested lastAttested articleCount StatisticSummary statistic countryCount firstSource
        OfficeAttestation supersededOn"""
    )

    @classmethod
    def classes(cls) -> list[str]:
        """Local names of the dip: classes data is typed with, sorted (not the abstract ``dip:Fact``)."""
        return sorted(cls._classes)


class RDF(metaclass=_Vocabulary):
    _base = PREFIXES["rdf"]
    _prefix = "rdf"
    _terms = _words("type")


class RDFS(metaclass=_Vocabulary):
    _base = PREFIXES["rdfs"]
    _prefix = "rdfs"
    _terms = _words("label comment subClassOf")


class SKOS(metaclass=_Vocabulary):
    _base = PREFIXES["skos"]
    _prefix = "skos"
    _terms = _words(
        "Concept ConceptScheme prefLabel altLabel hiddenLabel inScheme topConceptOf hasTopConcept"
    )


class OWL(metaclass=_Vocabulary):
    _base = PREFIXES["owl"]
    _prefix = "owl"
    _terms = _words("sameAs")


class XSD(metaclass=_Vocabulary):
    _base = PREFIXES["xsd"]
    _prefix = "xsd"
    _terms = _words("string date gYear gYearMonth gMonthDay decimal integer anyURI")


class SCHEMA(metaclass=_Vocabulary):
    _base = PREFIXES["schema"]
    _prefix = "schema"
    _terms = _words("url sha256")


class DCT(metaclass=_Vocabulary):
    _base = PREFIXES["dct"]
    _prefix = "dct"
    _terms = _words("title language issued")


class PROV(metaclass=_Vocabulary):
    _base = PREFIXES["prov"]
    _prefix = "prov"
    _terms = _words("wasDerivedFrom")


# ---------------------------------------------------------------- IRI builders


def article_graph(sha256: str) -> str:
    """The named graph holding everything one article yields."""
    return f"{GRAPH}article/{sha256}"


def article_iri(sha256: str) -> str:
    return f"{DIPR}article/{sha256}"


def country_iri(iso2: str) -> str:
    return f"{DIPR}country/{iso2.upper()}"


def person_iri(name: str) -> str:
    return f"{DIPR}person/{slug(name)}"


def place_iri(place: PlaceRef) -> str:
    return f"{DIPR}place/{slug(place.name)}-{place.country.lower()}"


def format_iri(format_id: str) -> str:
    return f"{DIPR}format/{format_id}"


def organization_iri(name: str) -> str:
    return f"{DIPR}organization/{slug(name)}"


def concept_iri(scheme: str, tail: str) -> str:
    """``concept_iri("role", "foreign-minister")`` -> ``dipr:role/foreign-minister``."""
    return f"{DIPR}{scheme}/{tail}"


def sha256_of_graph(graph_iri: str) -> str | None:
    """The article sha256 of an article graph IRI, or None for any other graph."""
    prefix = f"{GRAPH}article/"
    return graph_iri[len(prefix) :] if graph_iri.startswith(prefix) else None


def shorten(iri: str) -> str:
    """``https://w3id.org/dipkg/id/person/wang-yi`` -> ``dipr:person/wang-yi`` (display only)."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")) and len(iri) > len(ns):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else f"<{iri}>"
