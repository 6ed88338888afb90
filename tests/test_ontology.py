"""The ontology layer: ontology/dip.ttl, ontology/shapes.ttl and ontology/context.jsonld.

The CONTRACT.md vocabulary is written out here on purpose: if a term is renamed
or dropped from the ontology, these tests fail.
"""

from __future__ import annotations

import json
from functools import lru_cache

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kg.resources import ontology_dir

DIP = Namespace("https://w3id.org/dipkg/ontology#")
DIPR = Namespace("https://w3id.org/dipkg/id/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest probes module attributes
SCHEMA = Namespace("http://schema.org/")
DCT = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")
ONTOLOGY = URIRef("https://w3id.org/dipkg/ontology")

# --- CONTRACT.md, written out ------------------------------------------------

CONTRACT_CLASSES = [
    "Country", "Person", "Place", "Organization", "Format", "Meeting", "Agreement", "DiplomaticMission",
    "Position", "Statistic", "Statement", "Article", "Evidence",
]  # fmt: skip

# property -> (kind, domain classes, range): kind "object" or "datatype"; a tuple of domains is a union.
CONTRACT_PROPERTIES = {
    "isoCode": ("datatype", ("Country",), XSD.string),
    "inCountry": ("object", ("Place",), DIP.Country),
    "member": ("object", ("Format", "Organization"), DIP.Country),
    "holder": ("object", ("Position",), DIP.Person),
    "roleType": ("object", ("Position",), SKOS.Concept),
    "ofCountry": ("object", ("Position",), DIP.Country),
    "inOrganization": ("object", ("Position",), DIP.Organization),
    "attestedOn": ("datatype", ("Position",), XSD.date),
    "meetingType": ("object", ("Meeting",), SKOS.Concept),
    "date": ("datatype", ("Meeting",), (XSD.date, XSD.gYearMonth, XSD.gYear, XSD.gMonthDay)),
    "location": ("object", ("Meeting", "DiplomaticMission"), DIP.Place),
    "venueCountry": ("object", ("Meeting",), DIP.Country),
    "participant": ("object", ("Meeting",), DIP.Person),
    "participantCountry": ("object", ("Meeting",), DIP.Country),
    "format": ("object", ("Meeting",), DIP.Format),
    "ordinal": ("datatype", ("Meeting",), XSD.integer),
    "topic": ("datatype", ("Meeting",), RDFS.Literal),
    "status": ("datatype", ("Meeting", "Agreement", "DiplomaticMission"), XSD.string),
    "agreementType": ("object", ("Agreement",), SKOS.Concept),
    "partyCountry": ("object", ("Agreement",), DIP.Country),
    "party": ("object", ("Agreement",), DIP.Organization),
    "signedOn": ("datatype", ("Agreement",), (XSD.date, XSD.gYearMonth, XSD.gYear, XSD.gMonthDay)),
    "signedAt": ("object", ("Agreement",), DIP.Meeting),
    "validFrom": ("datatype", ("Agreement",), (XSD.date, XSD.gYearMonth, XSD.gYear)),
    "validUntil": ("datatype", ("Agreement",), (XSD.date, XSD.gYearMonth, XSD.gYear)),
    "title": ("datatype", ("Agreement",), RDFS.Literal),
    "missionType": ("object", ("DiplomaticMission",), SKOS.Concept),
    "sendingCountry": ("object", ("DiplomaticMission",), DIP.Country),
    "hostCountry": ("object", ("DiplomaticMission",), DIP.Country),
    "statisticType": ("object", ("Statistic",), SKOS.Concept),
    "value": ("datatype", ("Statistic",), XSD.decimal),
    "currency": ("datatype", ("Statistic",), XSD.string),
    "year": ("datatype", ("Statistic",), XSD.gYear),
    "concerns": ("object", ("Statistic",), DIP.Country),
    "speaker": ("object", ("Statement",), DIP.Person),
    "text": ("datatype", ("Statement",), RDF.langString),
    "madeAt": ("object", ("Statement",), DIP.Meeting),
    "evidence": ("object", ("Fact",), DIP.Evidence),
    "article": ("object", ("Evidence",), DIP.Article),
    "sentence": ("datatype", ("Evidence",), RDFS.Literal),
    "charStart": ("datatype", ("Evidence",), XSD.integer),
    "charEnd": ("datatype", ("Evidence",), XSD.integer),
    "confidence": ("datatype", ("Fact",), XSD.decimal),
    "extractor": ("datatype", ("Fact",), XSD.string),
    "sha256": ("datatype", ("Article",), XSD.string),
    "source": ("datatype", ("Article",), XSD.string),
}

# Extensions of TERMS.md (and dip:Fact, the superclass of the six fact classes).
EXTENSION_CLASSES = [
    "Fact", "ResolutionDecision", "OfficeTerm", "CountryPairYear", "CountryPair", "CountryYear", "OfficeHolding",
    "PersonPair", "StatisticSummary", "OfficeAttestation",
]  # fmt: skip
EXTENSION_PROPERTIES = {
    "dateText": ("datatype", ("Fact",), XSD.string),
    "dateResolution": ("datatype", ("Fact",), XSD.string),
    "qualifier": ("datatype", ("Position",), XSD.string),
    "titleText": ("datatype", ("Position",), XSD.string),
    "geonamesId": ("datatype", ("Place",), XSD.integer),
    "publisher": ("datatype", ("Article",), XSD.string),
    "formatKind": ("datatype", ("Format",), XSD.string),
    # entity resolution (issue 4)
    "nameCompared": ("datatype", ("ResolutionDecision",), RDFS.Literal),
    "comparedWith": ("datatype", ("ResolutionDecision",), XSD.string),
    "candidate": ("object", ("ResolutionDecision",), DIP.Person),
    "resolvedTo": ("object", ("ResolutionDecision",), DIP.Person),
    "outcome": ("datatype", ("ResolutionDecision",), XSD.string),
    "score": ("datatype", ("ResolutionDecision",), XSD.decimal),
    "reason": ("datatype", ("ResolutionDecision",), XSD.string),
    # shipped terms of office and derived country-pair relations (issue 4)
    "startDate": ("datatype", ("OfficeTerm",), (XSD.date, XSD.gYearMonth, XSD.gYear)),
    "endDate": ("datatype", ("OfficeTerm",), (XSD.date, XSD.gYearMonth, XSD.gYear)),
    "country": ("object", ("CountryPairYear", "CountryPair", "CountryYear"), DIP.Country),
    "pairYear": ("datatype", ("CountryPairYear",), XSD.gYear),
    "meetingCount": (
        "datatype",
        ("CountryPairYear", "CountryPair", "CountryYear", "PersonPair"),
        XSD.integer,
    ),
    "agreementCount": ("datatype", ("CountryPairYear",), XSD.integer),
    "statisticCount": ("datatype", ("CountryPairYear",), XSD.integer),
    # the rest of the derived graph (kg derive; docs/decisions/2026-11-28-derived-graph.md)
    "countYear": ("datatype", ("CountryYear",), XSD.gYear),
    "person": ("object", ("PersonPair",), DIP.Person),
    "counterpart": ("object", ("PersonPair",), DIP.Person),
    "firstDate": ("datatype", ("PersonPair",), XSD.string),
    "lastDate": ("datatype", ("PersonPair",), XSD.string),
    "firstAttested": ("datatype", ("OfficeHolding",), XSD.date),
    "lastAttested": ("datatype", ("OfficeHolding",), XSD.date),
    "articleCount": ("datatype", ("OfficeHolding", "StatisticSummary", "OfficeAttestation"), XSD.integer),
    "supersededOn": ("datatype", ("OfficeAttestation",), XSD.date),
    "statistic": ("object", ("StatisticSummary",), DIP.Statistic),
    "countryCount": ("datatype", ("StatisticSummary",), XSD.integer),
    "firstSource": ("datatype", ("StatisticSummary",), XSD.string),
    # article-level attestations of single-valued values of merged meetings and agreements (issue 4)
    "reportedDate": ("datatype", ("Meeting",), (XSD.date, XSD.gYearMonth, XSD.gYear, XSD.gMonthDay)),
    "reportedMeetingType": ("object", ("Meeting",), SKOS.Concept),
    "reportedSignedOn": ("datatype", ("Agreement",), (XSD.date, XSD.gYearMonth, XSD.gYear, XSD.gMonthDay)),
    "reportedSignedAt": ("object", ("Agreement",), DIP.Meeting),
    "reportedAgreementType": ("object", ("Agreement",), SKOS.Concept),
}

FACT_CLASSES = ["Position", "Meeting", "Agreement", "DiplomaticMission", "Statistic", "Statement"]

# Terms of other vocabularies that CONTRACT.md uses on articles.
EXTERNAL_PROPERTIES = [SCHEMA.url, DCT.title, DCT.language, DCT.issued]

CONCEPTS = {
    "role": [
        "foreign-minister", "deputy-prime-minister", "prime-minister", "president", "ambassador",
        "deputy-foreign-minister", "minister", "secretary-general", "other", "special-envoy", "deputy-minister",
    ],
    "meeting-type": [
        "ministerial-meeting", "summit", "bilateral-talks", "strategic-dialogue", "phone-call", "visit", "other",
    ],
    "agreement-type": ["memorandum", "agreement", "treaty", "declaration", "joint-statement", "roadmap", "other"],
    "mission-type": ["embassy", "consulate-general", "consulate", "other"],
    "statistic-type": ["trade-volume", "investment", "other"],
}  # fmt: skip

ALL_PROPERTIES = {**CONTRACT_PROPERTIES, **EXTENSION_PROPERTIES}
CONCEPT_IRIS = [
    (scheme, URIRef(f"https://w3id.org/dipkg/id/{scheme}/{tail}"))
    for scheme, tails in CONCEPTS.items()
    for tail in tails
]


@lru_cache(maxsize=1)
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "dip.ttl", format="turtle")


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


@lru_cache(maxsize=1)
def context() -> dict:
    return json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]


def languages(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    return sorted((o.language or "") for o in graph.objects(subject, predicate) if isinstance(o, Literal))


def members(graph: Graph, node) -> set:
    """The classes or datatypes a domain/range names: itself, or the members of an owl:unionOf."""
    if isinstance(node, BNode):
        return set(Collection(graph, graph.value(node, OWL.unionOf)))
    return {node}


# --- dip.ttl -----------------------------------------------------------------------


def test_ontology_header():
    g = ontology()
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in g
    assert g.value(ONTOLOGY, OWL.versionInfo) is not None
    assert g.value(ONTOLOGY, OWL.versionIRI) is not None
    assert languages(g, ONTOLOGY, DCT.title) == ["de", "en"]
    assert g.value(ONTOLOGY, DCT.license) is not None


@pytest.mark.parametrize("name", CONTRACT_CLASSES + EXTENSION_CLASSES)
def test_class_declared_and_labelled(name):
    g, term = ontology(), DIP[name]
    assert (term, RDF.type, OWL.Class) in g
    assert languages(g, term, RDFS.label) == ["de", "en"]
    assert languages(g, term, RDFS.comment) == ["de", "en"]
    assert (term, RDFS.isDefinedBy, ONTOLOGY) in g


@pytest.mark.parametrize("name", sorted(ALL_PROPERTIES))
def test_property_declared_with_domain_and_range(name):
    g, term = ontology(), DIP[name]
    kind, domains, range_ = ALL_PROPERTIES[name]
    expected_type = OWL.ObjectProperty if kind == "object" else OWL.DatatypeProperty
    assert (term, RDF.type, expected_type) in g
    assert languages(g, term, RDFS.label) == ["de", "en"]
    assert languages(g, term, RDFS.comment) == ["de", "en"]
    assert (term, RDFS.isDefinedBy, ONTOLOGY) in g
    (domain,) = g.objects(term, RDFS.domain)
    assert members(g, domain) == {DIP[d] for d in domains}
    (range_node,) = g.objects(term, RDFS.range)
    assert members(g, range_node) == (set(range_) if isinstance(range_, tuple) else {range_})


def test_every_dip_term_is_labelled_in_both_languages():
    """Terms added later (beyond the lists above) must be documented as well."""
    g = ontology()
    terms = {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(DIP))}
    assert len(terms) == len(CONTRACT_CLASSES + EXTENSION_CLASSES) + len(ALL_PROPERTIES)
    for term in terms:
        assert languages(g, term, RDFS.label) == ["de", "en"], term
        assert languages(g, term, RDFS.comment) == ["de", "en"], term


def test_no_undeclared_dip_terms_are_used():
    """A typo such as dip:partyCountri in either file would slip past RDF parsers."""
    declared = {s for s in ontology().subjects(RDF.type, None) if isinstance(s, URIRef)}
    for g in (ontology(), shapes()):
        used = {node for triple in g for node in triple if isinstance(node, URIRef)}
        assert {n for n in used if n.startswith(str(DIP))} <= declared
        assert {n for n in used if n.startswith(str(DIPR))} <= declared


def test_fact_classes_are_facts():
    g = ontology()
    for name in FACT_CLASSES:
        assert (DIP[name], RDFS.subClassOf, DIP.Fact) in g


@pytest.mark.parametrize(
    ("subject", "predicate", "obj"),
    [
        (DIP.Country, RDFS.subClassOf, SCHEMA.Country),
        (DIP.Person, RDFS.subClassOf, SCHEMA.Person),
        (DIP.Place, RDFS.subClassOf, SCHEMA.Place),
        (DIP.Place, SKOS.closeMatch, SCHEMA.City),
        (DIP.Organization, RDFS.subClassOf, ORG.Organization),
        (DIP.Organization, RDFS.subClassOf, SCHEMA.Organization),
        (DIP.Meeting, RDFS.subClassOf, SCHEMA.Event),
        (DIP.Article, RDFS.subClassOf, SCHEMA.Article),
        (DIP.Article, SKOS.closeMatch, SCHEMA.NewsArticle),
        (DIP.Statement, RDFS.subClassOf, SCHEMA.Quotation),
        (DIP.DiplomaticMission, RDFS.subClassOf, SCHEMA.GovernmentOrganization),
        (DIP.Position, RDFS.subClassOf, ORG.Membership),
        (DIP.Position, SKOS.closeMatch, ORG.Post),
        (DIP.Evidence, RDFS.subClassOf, PROV.Entity),
        (DIP.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (DIP.extractor, SKOS.closeMatch, PROV.wasGeneratedBy),
        (DIP.roleType, RDFS.subPropertyOf, ORG.role),
        (DIP.holder, RDFS.subPropertyOf, ORG.member),
        (DIP.participant, RDFS.subPropertyOf, SCHEMA.attendee),
    ],
)
def test_alignment(subject, predicate, obj):
    assert (subject, predicate, obj) in ontology()


def test_event_classes_cite_cameo():
    g = ontology()
    for name, code in [("Meeting", "CAMEO 04"), ("Agreement", "CAMEO 057"), ("Statement", "CAMEO 01")]:
        assert code in str(g.value(DIP[name], RDFS.comment)), name


@pytest.mark.parametrize("prop", EXTERNAL_PROPERTIES)
def test_external_contract_properties_declared_with_usage_note(prop):
    g = ontology()
    assert (prop, RDF.type, OWL.DatatypeProperty) in g
    assert languages(g, prop, SKOS.scopeNote) == ["de", "en"]
    assert languages(g, prop, RDFS.label) == []  # not redefined


def test_schema_org_namespace_is_http():
    for name in ("dip.ttl", "shapes.ttl", "context.jsonld"):
        assert "https://schema.org" not in (ontology_dir() / name).read_text(encoding="utf-8"), name


# --- concept schemes -------------------------------------------------------------


@pytest.mark.parametrize("scheme", sorted(CONCEPTS))
def test_concept_scheme(scheme):
    g, iri = ontology(), DIPR[scheme]
    assert (iri, RDF.type, SKOS.ConceptScheme) in g
    assert languages(g, iri, SKOS.prefLabel) == ["de", "en"]
    declared = set(g.subjects(SKOS.inScheme, iri))
    assert declared == {c for s, c in CONCEPT_IRIS if s == scheme}


@pytest.mark.parametrize(("scheme", "concept"), CONCEPT_IRIS, ids=[str(c) for _, c in CONCEPT_IRIS])
def test_concept(scheme, concept):
    g = ontology()
    assert (concept, RDF.type, SKOS.Concept) in g
    assert (concept, SKOS.inScheme, DIPR[scheme]) in g
    assert (concept, SKOS.topConceptOf, DIPR[scheme]) in g
    assert languages(g, concept, SKOS.prefLabel) == ["de", "en"]
    assert "en" in languages(g, concept, SKOS.definition)
    if scheme == "role":
        assert (concept, RDF.type, ORG.Role) in g


# --- shapes.ttl ----------------------------------------------------------------------

PREFIXES = """
@prefix dip: <https://w3id.org/dipkg/ontology#> .
@prefix dipr: <https://w3id.org/dipkg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix schema: <http://schema.org/> .
"""

# A tiny graph in the shape every build must have: reference data plus one article with one fact of each kind.
VALID = """
<https://w3id.org/dipkg/id/country/KZ> a dip:Country ; dip:isoCode "KZ" ; rdfs:label "Kazakhstan"@en , "Kasachstan"@de .
<https://w3id.org/dipkg/id/country/CN> a dip:Country ; dip:isoCode "CN" ; rdfs:label "China"@en .
<https://w3id.org/dipkg/id/place/almaty-kz> a dip:Place ; rdfs:label "Almaty"@en ;
    dip:inCountry <https://w3id.org/dipkg/id/country/KZ> ; dip:geonamesId 1526384 .
<https://w3id.org/dipkg/id/format/central-asia-china> a dip:Format ; rdfs:label "Central Asia–China"@en ;
    dip:formatKind "format" ;
    dip:member <https://w3id.org/dipkg/id/country/KZ> , <https://w3id.org/dipkg/id/country/CN> .
<https://w3id.org/dipkg/id/organization/mfa-kz> a dip:Organization ; rdfs:label "Ministry of Foreign Affairs"@en .
<https://w3id.org/dipkg/id/person/ana-example> a dip:Person ; rdfs:label "Ana Example" .
<https://w3id.org/dipkg/id/person/li-sample> a dip:Person ; rdfs:label "Li Sample" .

<https://w3id.org/dipkg/id/article/aa> a dip:Article ;
    dip:sha256 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" ;
    dip:source "data/articles/example.txt" ; dct:title "Example" ; dct:language "en" ;
    dct:issued "2025-04-27"^^xsd:date ; schema:url "https://example.org/a" ; dip:publisher "Example Wire" .
<https://w3id.org/dipkg/id/evidence/e1> a dip:Evidence ; dip:article <https://w3id.org/dipkg/id/article/aa> ;
    dip:sentence "Ana Example met Li Sample in Almaty." ; dip:charStart 0 ; dip:charEnd 36 .

<https://w3id.org/dipkg/id/meeting/m1> a dip:Meeting ;
    dip:meetingType <https://w3id.org/dipkg/id/meeting-type/ministerial-meeting> ;
    dip:date "--04-26"^^xsd:gMonthDay ; dip:dateText "on 26 April" ; dip:dateResolution "absolute" ;
    dip:location <https://w3id.org/dipkg/id/place/almaty-kz> ; dip:venueCountry <https://w3id.org/dipkg/id/country/KZ> ;
    dip:participant <https://w3id.org/dipkg/id/person/ana-example> , <https://w3id.org/dipkg/id/person/li-sample> ;
    dip:participantCountry <https://w3id.org/dipkg/id/country/KZ> , <https://w3id.org/dipkg/id/country/CN> ;
    dip:format <https://w3id.org/dipkg/id/format/central-asia-china> ; dip:ordinal 6 ; dip:topic "transport"@en ;
    dip:status "held" ;
    dip:evidence <https://w3id.org/dipkg/id/evidence/e1> ; dip:confidence 0.9 ; dip:extractor "dipkg-rules/0.1" .
<https://w3id.org/dipkg/id/position/p1> a dip:Position ;
    dip:holder <https://w3id.org/dipkg/id/person/ana-example> ;
    dip:roleType <https://w3id.org/dipkg/id/role/foreign-minister> ;
    dip:ofCountry <https://w3id.org/dipkg/id/country/KZ> ; dip:attestedOn "2025-04-27"^^xsd:date ;
    dip:titleText "Foreign Minister" ;
    dip:evidence <https://w3id.org/dipkg/id/evidence/e1> ; dip:confidence 0.95 ; dip:extractor "dipkg-rules/0.1" .
<https://w3id.org/dipkg/id/agreement/a1> a dip:Agreement ;
    dip:agreementType <https://w3id.org/dipkg/id/agreement-type/memorandum> ;
    dip:partyCountry <https://w3id.org/dipkg/id/country/KZ> , <https://w3id.org/dipkg/id/country/CN> ;
    dip:party <https://w3id.org/dipkg/id/organization/mfa-kz> ;
    dip:signedOn "--04-25"^^xsd:gMonthDay ; dip:signedAt <https://w3id.org/dipkg/id/meeting/m1> ;
    dip:validFrom "2026"^^xsd:gYear ; dip:validUntil "2028"^^xsd:gYear ; dip:title "Memorandum"@en ;
    dip:status "signed" ;
    dip:evidence <https://w3id.org/dipkg/id/evidence/e1> ; dip:confidence 0.8 ; dip:extractor "dipkg-rules/0.1" .
<https://w3id.org/dipkg/id/mission/d1> a dip:DiplomaticMission ;
    dip:missionType <https://w3id.org/dipkg/id/mission-type/consulate-general> ;
    dip:sendingCountry <https://w3id.org/dipkg/id/country/KZ> ; dip:hostCountry <https://w3id.org/dipkg/id/country/CN> ;
    dip:status "agreed" ;
    dip:evidence <https://w3id.org/dipkg/id/evidence/e1> ; dip:confidence 0.7 ; dip:extractor "dipkg-rules/0.1" .
<https://w3id.org/dipkg/id/statistic/s1> a dip:Statistic ;
    dip:statisticType <https://w3id.org/dipkg/id/statistic-type/trade-volume> ;
    dip:value 43800000000.0 ; dip:currency "USD" ; dip:year "2024"^^xsd:gYear ;
    dip:concerns <https://w3id.org/dipkg/id/country/KZ> , <https://w3id.org/dipkg/id/country/CN> ;
    dip:evidence <https://w3id.org/dipkg/id/evidence/e1> ; dip:confidence 1.0 ; dip:extractor "dipkg-rules/0.1" .
<https://w3id.org/dipkg/id/statement/q1> a dip:Statement ;
    dip:speaker <https://w3id.org/dipkg/id/person/li-sample> ; dip:text "We agreed."@en ;
    dip:madeAt <https://w3id.org/dipkg/id/meeting/m1> ;
    dip:evidence <https://w3id.org/dipkg/id/evidence/e1> ; dip:confidence 0.0 ; dip:extractor "dipkg-rules/0.1" .
"""

M1 = "<https://w3id.org/dipkg/id/meeting/m1>"


def data_graph(turtle: str, *, remove: str = "") -> Graph:
    """The union the validator sees: the concept schemes (reference graph) and article data."""
    g = Graph()
    g += ontology()
    g.parse(data=PREFIXES + turtle, format="turtle")
    if remove:
        g -= Graph().parse(data=PREFIXES + remove, format="turtle")
    return g


def violations(g: Graph) -> set[tuple[str, str]]:
    """(focus node, result path) of every validation result."""
    _, report, _ = pyshacl.validate(g, shacl_graph=shapes(), advanced=False, inference="none")
    out = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        out.add((str(report.value(result, SH.focusNode)), str(report.value(result, SH.resultPath))))
    return out


def test_shapes_parse_and_target_every_fact_class():
    g = shapes()
    targets = set(g.objects(None, SH.targetClass))
    for name in [
        *FACT_CLASSES,
        "Evidence",
        "Article",
        "Country",
        "Place",
        "Format",
        "Person",
        "Organization",
    ]:
        assert DIP[name] in targets, name


def test_valid_graph_conforms():
    conforms, _, text = pyshacl.validate(data_graph(VALID), shacl_graph=shapes(), inference="none")
    assert conforms, text


def test_ontology_concepts_conform():
    conforms, _, text = pyshacl.validate(ontology(), shacl_graph=shapes(), inference="none")
    assert conforms, text


def test_meeting_without_evidence_bad_confidence_and_unknown_status():
    broken = VALID + f'{M1} dip:confidence 1.5 ; dip:status "postponed" .'
    g = data_graph(broken, remove=f"{M1} dip:evidence <https://w3id.org/dipkg/id/evidence/e1> .")
    m1 = "https://w3id.org/dipkg/id/meeting/m1"
    assert violations(g) == {(m1, str(DIP.evidence)), (m1, str(DIP.confidence)), (m1, str(DIP.status))}


EVIDENCE = "<https://w3id.org/dipkg/id/evidence/e1>"
KZ = "<https://w3id.org/dipkg/id/country/KZ>"
P1 = "<https://w3id.org/dipkg/id/position/p1>"
S1 = "<https://w3id.org/dipkg/id/statistic/s1>"
A1 = "<https://w3id.org/dipkg/id/agreement/a1>"
D1 = "<https://w3id.org/dipkg/id/mission/d1>"
Q1 = "<https://w3id.org/dipkg/id/statement/q1>"


PERSON = "<https://w3id.org/dipkg/id/person/li-sample>"
PLACE = "<https://w3id.org/dipkg/id/place/almaty-kz>"
SENTENCE = '"Ana Example met Li Sample in Almaty."'
SUMMIT = "<https://w3id.org/dipkg/id/meeting-type/summit>"

# (id, triples to add, triples to remove, focus node, result path)
INVALID = [
    # one value only
    ("two-meeting-types", f"{M1} dip:meetingType {SUMMIT} .", "", M1, DIP.meetingType),
    ("two-dates", f'{M1} dip:date "2025-04-26"^^xsd:date .', "", M1, DIP.date),
    ("two-ordinals", f"{M1} dip:ordinal 7 .", "", M1, DIP.ordinal),
    ("two-iso-codes", f'{KZ} dip:isoCode "KAZ" .', "", KZ, DIP.isoCode),
    # datatypes and ranges
    (
        "date-plain-string",
        f'{M1} dip:date "26 April" .',
        f'{M1} dip:date "--04-26"^^xsd:gMonthDay .',
        M1,
        DIP.date,
    ),
    ("ordinal-zero", f"{M1} dip:ordinal 0 .", f"{M1} dip:ordinal 6 .", M1, DIP.ordinal),
    (
        "confidence-double",
        f'{M1} dip:confidence "0.9"^^xsd:double .',
        f"{M1} dip:confidence 0.9 .",
        M1,
        DIP.confidence,
    ),
    (
        "value-double",
        f'{S1} dip:value "4.38E10"^^xsd:double .',
        f"{S1} dip:value 43800000000.0 .",
        S1,
        DIP.value,
    ),
    ("currency-lower-case", f'{S1} dip:currency "usd" .', f'{S1} dip:currency "USD" .', S1, DIP.currency),
    (
        "year-integer",
        f'{S1} dip:year "2024"^^xsd:integer .',
        f'{S1} dip:year "2024"^^xsd:gYear .',
        S1,
        DIP.year,
    ),
    (
        "valid-from-month-day",
        f'{A1} dip:validFrom "--01-01"^^xsd:gMonthDay .',
        f'{A1} dip:validFrom "2026"^^xsd:gYear .',
        A1,
        DIP.validFrom,
    ),
    (
        "quote-without-language",
        f'{Q1} dip:text "We agreed." .',
        f'{Q1} dip:text "We agreed."@en .',
        Q1,
        DIP.text,
    ),
    (
        "start-after-end",
        f"{EVIDENCE} dip:charStart 40 .",
        f"{EVIDENCE} dip:charStart 0 .",
        EVIDENCE,
        DIP.charStart,
    ),
    ("negative-end", f"{EVIDENCE} dip:charEnd -1 .", f"{EVIDENCE} dip:charEnd 36 .", EVIDENCE, DIP.charEnd),
    # status values per class
    ("agreement-status-held", f'{A1} dip:status "held" .', f'{A1} dip:status "signed" .', A1, DIP.status),
    ("mission-status-signed", f'{D1} dip:status "signed" .', f'{D1} dip:status "agreed" .', D1, DIP.status),
    ("unknown-qualifier", f'{P1} dip:qualifier "acting" .', "", P1, DIP.qualifier),
    # concepts of the right scheme, instances of the right class
    (
        "role-from-wrong-scheme",
        f"{P1} dip:roleType {SUMMIT} .",
        f"{P1} dip:roleType <https://w3id.org/dipkg/id/role/foreign-minister> .",
        P1,
        DIP.roleType,
    ),
    ("country-as-participant", f"{M1} dip:participant {KZ} .", "", M1, DIP.participant),
    # required properties
    ("no-extractor", "", f'{P1} dip:extractor "dipkg-rules/0.1" .', P1, DIP.extractor),
    (
        "no-statistic-type",
        "",
        f"{S1} dip:statisticType <https://w3id.org/dipkg/id/statistic-type/trade-volume> .",
        S1,
        DIP.statisticType,
    ),
    ("country-without-english-label", "", f'{KZ} rdfs:label "Kazakhstan"@en .', KZ, RDFS.label),
    ("person-without-label", "", f'{PERSON} rdfs:label "Li Sample" .', PERSON, RDFS.label),
    ("place-without-country", "", f"{PLACE} dip:inCountry {KZ} .", PLACE, DIP.inCountry),
    # evidence without its sentence: the fact has no complete evidence left
    ("fact-without-complete-evidence", "", f"{EVIDENCE} dip:sentence {SENTENCE} .", M1, DIP.evidence),
    ("evidence-without-sentence", "", f"{EVIDENCE} dip:sentence {SENTENCE} .", EVIDENCE, DIP.sentence),
]


@pytest.mark.parametrize(
    ("add", "remove", "focus", "path"), [pytest.param(*case[1:], id=case[0]) for case in INVALID]
)
def test_invalid_graph_reports_path(add, remove, focus, path):
    g = data_graph(VALID + add, remove=remove)
    assert (focus.strip("<>"), str(path)) in violations(g)


# --- context.jsonld ----------------------------------------------------------------


def test_context_prefixes():
    ctx = context()
    assert ctx["@version"] == 1.1
    expected = {
        "dip": str(DIP),
        "dipr": str(DIPR),
        "rdfs": str(RDFS),
        "skos": str(SKOS),
        "owl": str(OWL),
        "xsd": str(XSD),
        "schema": "http://schema.org/",
        "dct": "http://purl.org/dc/terms/",
        "prov": "http://www.w3.org/ns/prov#",
    }
    for prefix, iri in expected.items():
        assert ctx[prefix] == iri, prefix
    assert ctx["label"] == "rdfs:label"


def ontology_properties() -> dict[URIRef, URIRef]:
    g = ontology()
    out = {}
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in g.subjects(RDF.type, kind):
            if prop.startswith(str(DIP)):
                out[prop] = kind
    return out


def test_context_has_a_term_for_every_dip_property():
    ctx = context()
    terms = {v["@id"] if isinstance(v, dict) else v: k for k, v in ctx.items() if not k.startswith("@")}
    for prop, kind in ontology_properties().items():
        curie = "dip:" + prop.removeprefix(str(DIP))
        assert curie in terms, curie
        entry = ctx[terms[curie]]
        assert (entry.get("@type") == "@id") == (kind == OWL.ObjectProperty), curie


def test_context_expands_every_term_to_its_iri():
    ctx = context()
    props = ontology_properties()
    node = {"@context": ctx, "id": "dipr:node/x", "type": "Meeting"}
    for term, entry in ctx.items():
        if isinstance(entry, dict) and entry["@id"].startswith("dip:"):
            node[term] = "dipr:target/x" if entry.get("@type") == "@id" else "1"
    g = Graph().parse(data=json.dumps(node), format="json-ld")
    subject = DIPR["node/x"]
    assert (subject, RDF.type, DIP.Meeting) in g
    seen = {p for p in g.predicates(subject, None)} - {RDF.type}
    assert seen == set(props)
    for prop, kind in props.items():
        value = g.value(subject, prop)
        if kind == OWL.ObjectProperty:
            assert value == DIPR["target/x"], prop
        else:
            assert isinstance(value, Literal), prop
    assert g.value(subject, DIP.charStart).datatype == XSD.integer
    assert g.value(subject, DIP.confidence).datatype == XSD.decimal
    assert g.value(subject, DIP.year).datatype == XSD.gYear
    assert g.value(subject, DIP.date).datatype is None  # several date types: no fixed type


def test_context_keeps_untyped_and_language_tagged_labels():
    doc = {
        "@context": context(),
        "id": "dipr:person/ana-example",
        "label": [{"@value": "Ana Example", "@language": "en"}, "Ana Example"],
        "sameAs": "http://www.wikidata.org/entity/Q1",
    }
    g = Graph().parse(data=json.dumps(doc), format="json-ld")
    subject = DIPR["person/ana-example"]
    assert set(g.objects(subject, RDFS.label)) == {Literal("Ana Example", lang="en"), Literal("Ana Example")}
    assert g.value(subject, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q1")
