"""kg.vocab and kg.rdf: the mapping from an Extraction to quads, and the reference graph."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from kg.model import (
    Agreement,
    Article,
    DateValue,
    Evidence,
    Extraction,
    Meeting,
    Mission,
    PlaceRef,
    Position,
    Statement,
    Statistic,
)
from kg.rdf import build_reference_quads, canonical_decimal, concept_triples, extraction_quads
from kg.resources import ontology_dir
from kg.vocab import (
    DIP,
    DIPR,
    PREFIXES,
    RDF,
    RDFS,
    REFERENCE_GRAPH,
    SKOS,
    XSD,
    article_graph,
    person_iri,
    shorten,
)

TEXT = "Der Außenminister Chinas, Wang Yi, traf Murat Atteneu am 26. April 2025 in Almaty."
SHA_A, SHA_B = "a" * 64, "b" * 64


def article(sha: str = SHA_A, *, lang: str = "de", date: str | None = "2025-04-27") -> Article:
    return Article(
        text=TEXT,
        sha256=sha,
        source=f"corpus/{sha[:4]}.txt",
        title="Treffen in Almaty",
        lang=lang,
        date=date,
        url="https://example.org/a",
        publisher="Außenministerium",
    )


def extraction(
    sha: str = SHA_A, *, meeting_date: DateValue | None = None, confidence: float = 0.9
) -> Extraction:
    ev = Evidence(TEXT, 0, len(TEXT))
    date = meeting_date or DateValue("2025-04-26", "date", "26. April 2025")
    return Extraction(
        article=article(sha),
        positions=[Position("Wang Yi", "foreign-minister", "CN", [ev], title_text="Außenminister")],
        meetings=[
            Meeting(
                "m1",
                "bilateral-talks",
                [ev],
                date=date,
                place=PlaceRef("Almaty", "KZ", 1526384, "Almaty"),
                participants=["Wang Yi", "Murat Atteneu"],
                participant_countries=["KZ", "CN"],
                format="central-asia-china",
                ordinal=6,
                topics=["Verkehr"],
                confidence=confidence,
            )
        ],
        agreements=[
            Agreement(
                "memorandum",
                [ev],
                parties=["KZ", "CN"],
                signed_at="m1",
                valid_from=DateValue("2026", "gYear"),
                valid_until=DateValue("2028", "gYear"),
            )
        ],
        missions=[
            Mission(
                "consulate-general",
                [ev],
                sending_country="KZ",
                host_country="CN",
                place=PlaceRef("Urumqi", "CN"),
            )
        ],
        statistics=[
            Statistic(
                "trade-volume",
                Decimal("43.80E9"),
                [ev],
                currency="USD",
                year=2024,
                concerns=["CN", "KZ"],
                confidence=0.876,
            )
        ],
        statements=[Statement("Wang Yi", "Wir sind  Freunde.", "de", [ev], made_at="m1")],
        persons={"Murat Atteneu": ["Atteneu", "Murat N. Atteneu"]},
    )


def objects(quads: list[ox.Quad], subject: str | None, predicate: ox.NamedNode) -> list:
    return sorted(
        (
            q.object
            for q in quads
            if q.predicate == predicate and (subject is None or q.subject.value == subject)
        ),
        key=str,
    )


def subjects_of_type(quads: list[ox.Quad], cls: ox.NamedNode) -> list[str]:
    return sorted(q.subject.value for q in quads if q.predicate == RDF.type and q.object == cls)


# ---------------------------------------------------------------- vocab


def test_namespace_rejects_unknown_terms():
    assert DIP.Meeting.value == "https://w3id.org/dipkg/ontology#Meeting"
    with pytest.raises(AttributeError, match="dip:Meting"):
        _ = DIP.Meting
    with pytest.raises(AttributeError):
        _ = XSD.dateTimeStamp


def test_every_dip_term_is_declared_in_the_ontology_and_back():
    ns = PREFIXES["dip"]
    parsed = ox.parse(path=ontology_dir() / "dip.ttl", format=ox.RdfFormat.TURTLE)
    declared = {
        q.subject.value[len(ns) :]
        for q in parsed
        if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(ns)
    }
    assert set(DIP) == declared


def test_shorten_uses_prefixes():
    assert shorten(person_iri("Wang Yi")) == "dipr:person/wang-yi"
    assert shorten("http://example.org/x") == "<http://example.org/x>"


# ---------------------------------------------------------------- extraction_quads


def test_quads_are_sorted_deterministic_and_in_the_article_graph():
    first, second = extraction_quads(extraction()), extraction_quads(extraction())
    assert first == second
    assert [str(q) for q in first] == sorted(str(q) for q in first)
    assert {q.graph_name.value for q in first} == {article_graph(SHA_A)}
    assert len(first) == len(set(first))


def test_article_node():
    quads = extraction_quads(extraction())
    node = f"{DIPR}article/{SHA_A}"
    assert subjects_of_type(quads, DIP.Article) == [node]
    assert objects(quads, node, DIP.sha256) == [ox.Literal(SHA_A)]
    assert objects(quads, node, DIP.source) == [ox.Literal("corpus/aaaa.txt")]
    assert objects(quads, node, DIP.publisher) == [ox.Literal("Außenministerium")]
    issued = ox.NamedNode(PREFIXES["dct"] + "issued")
    assert objects(quads, node, issued) == [ox.Literal("2025-04-27", datatype=XSD.date)]


def test_persons_get_full_name_labels_never_surname_only():
    quads = extraction_quads(extraction())
    atteneu = person_iri("Murat Atteneu")
    assert person_iri("Wang Yi") in subjects_of_type(quads, DIP.Person)
    assert objects(quads, atteneu, RDFS.label) == [ox.Literal("Murat Atteneu", language="de")]
    assert objects(quads, atteneu, SKOS.altLabel) == [ox.Literal("Murat N. Atteneu", language="de")]
    assert all(len(o.value.split()) >= 2 for o in objects(quads, None, SKOS.altLabel))


def test_meeting_fields_and_typed_literals():
    quads = extraction_quads(extraction())
    (meeting,) = subjects_of_type(quads, DIP.Meeting)
    assert objects(quads, meeting, DIP.date) == [ox.Literal("2025-04-26", datatype=XSD.date)]
    assert objects(quads, meeting, DIP.dateText) == [ox.Literal("26. April 2025")]
    assert objects(quads, meeting, DIP.status) == [ox.Literal("held")]
    assert objects(quads, meeting, DIP.ordinal) == [ox.Literal("6", datatype=XSD.integer)]
    assert [o.value for o in objects(quads, meeting, DIP.participantCountry)] == [
        f"{DIPR}country/CN",
        f"{DIPR}country/KZ",
    ]
    assert objects(quads, meeting, DIP.location) == [ox.NamedNode(f"{DIPR}place/almaty-kz")]
    assert objects(quads, meeting, DIP.meetingType) == [ox.NamedNode(f"{DIPR}meeting-type/bilateral-talks")]
    place = f"{DIPR}place/almaty-kz"
    assert objects(quads, place, RDFS.label) == [
        ox.Literal("Almaty", language="de"),
        ox.Literal("Almaty", language="en"),
    ]
    assert objects(quads, place, DIP.geonamesId) == [ox.Literal("1526384", datatype=XSD.integer)]


def test_agreement_points_at_the_meeting_and_statement_too():
    quads = extraction_quads(extraction())
    (meeting,) = subjects_of_type(quads, DIP.Meeting)
    (agreement,) = subjects_of_type(quads, DIP.Agreement)
    (statement,) = subjects_of_type(quads, DIP.Statement)
    assert objects(quads, agreement, DIP.signedAt) == [ox.NamedNode(meeting)]
    assert objects(quads, agreement, DIP.validUntil) == [ox.Literal("2028", datatype=XSD.gYear)]
    assert objects(quads, statement, DIP.madeAt) == [ox.NamedNode(meeting)]
    assert objects(quads, statement, DIP.text) == [ox.Literal("Wir sind  Freunde.", language="de")]


def test_statistic_value_and_confidence_are_canonical_decimals():
    quads = extraction_quads(extraction())
    (statistic,) = subjects_of_type(quads, DIP.Statistic)
    assert objects(quads, statistic, DIP.value) == [ox.Literal("43800000000", datatype=XSD.decimal)]
    assert objects(quads, statistic, DIP.year) == [ox.Literal("2024", datatype=XSD.gYear)]
    assert objects(quads, statistic, DIP.confidence) == [ox.Literal("0.88", datatype=XSD.decimal)]
    assert canonical_decimal("0.90") == "0.9"
    assert canonical_decimal(Decimal("1.00")) == "1"


def test_every_fact_has_evidence_confidence_and_extractor():
    quads = extraction_quads(extraction())
    facts = [
        s
        for cls in ("Position", "Meeting", "Agreement", "DiplomaticMission", "Statistic", "Statement")
        for s in subjects_of_type(quads, DIP[cls])
    ]
    assert len(facts) == 6
    for fact in facts:
        (evidence,) = objects(quads, fact, DIP.evidence)
        assert objects(quads, fact, DIP.extractor) == [ox.Literal("dipkg-rules/0.1")]
        assert len(objects(quads, fact, DIP.confidence)) == 1
    assert objects(quads, evidence.value, DIP.charEnd) == [ox.Literal(str(len(TEXT)), datatype=XSD.integer)]
    assert objects(quads, evidence.value, DIP.article) == [ox.NamedNode(f"{DIPR}article/{SHA_A}")]


def test_same_dated_meeting_in_two_articles_is_one_node_but_positions_are_per_article():
    a, b = extraction_quads(extraction(SHA_A)), extraction_quads(extraction(SHA_B))
    assert subjects_of_type(a, DIP.Meeting) == subjects_of_type(b, DIP.Meeting)
    assert subjects_of_type(a, DIP.Agreement) == subjects_of_type(b, DIP.Agreement)
    assert subjects_of_type(a, DIP.Position) != subjects_of_type(b, DIP.Position)
    assert subjects_of_type(a, DIP.Evidence) != subjects_of_type(b, DIP.Evidence)


def test_year_less_meetings_in_two_articles_stay_apart():
    no_year = DateValue("--04-26", "gMonthDay", "26. April")
    a = extraction_quads(extraction(SHA_A, meeting_date=no_year))
    b = extraction_quads(extraction(SHA_B, meeting_date=no_year))
    assert subjects_of_type(a, DIP.Meeting) != subjects_of_type(b, DIP.Meeting)
    (meeting,) = subjects_of_type(a, DIP.Meeting)
    assert objects(a, meeting, DIP.date) == [ox.Literal("--04-26", datatype=XSD.gMonthDay)]


def test_quads_read_back_from_oxigraph_are_identical():
    quads = extraction_quads(extraction(confidence=0.5))
    store = ox.Store()
    store.extend(quads)
    assert set(store) == set(quads)


def test_unknown_date_datatype_is_refused():
    with pytest.raises(ValueError, match="dateTime"):
        extraction_quads(extraction(meeting_date=DateValue("2025-04-26T10:00:00", "dateTime")))


# ---------------------------------------------------------------- reference graph


def fake_reference() -> list[ox.Quad]:
    countries = [
        SimpleNamespace(iso2=code, name_en=en, name_de=de, alt_labels=((alt, "de"),), wikidata=wd)
        for code, en, de, alt, wd in (
            ("KZ", "Kazakhstan", "Kasachstan", "Republik Kasachstan", "Q232"),
            ("CN", "China", "China", "Volksrepublik China", "Q148"),
        )
    ]
    formats = [
        SimpleNamespace(
            id="central-asia-china",
            kind="format",
            label_en="Central Asia–China",
            label_de="Zentralasien–China",
            aliases=(("C5+China", "en"),),
            members=("KZ", "CN"),
            wikidata=None,
        )
    ]
    return build_reference_quads(countries, formats, concept_triples())


def test_reference_graph_holds_countries_formats_and_concepts():
    quads = fake_reference()
    assert {q.graph_name.value for q in quads} == {REFERENCE_GRAPH}
    kz = f"{DIPR}country/KZ"
    assert objects(quads, kz, DIP.isoCode) == [ox.Literal("KZ")]
    assert ox.Literal("Kasachstan", language="de") in objects(quads, kz, RDFS.label)
    assert objects(quads, kz, ox.NamedNode(PREFIXES["owl"] + "sameAs")) == [
        ox.NamedNode("http://www.wikidata.org/entity/Q232")
    ]
    fmt = f"{DIPR}format/central-asia-china"
    assert len(objects(quads, fmt, DIP.member)) == 2
    assert objects(quads, fmt, SKOS.altLabel) == [ox.Literal("C5+China", language="en")]
    role = f"{DIPR}role/foreign-minister"
    assert ox.NamedNode(f"{DIPR}role") in objects(quads, role, SKOS.inScheme)
    assert all(q.subject.value.startswith(DIPR) for q in concept_triples())


def test_reference_quads_from_the_shipped_data():
    from kg.rdf import reference_quads

    quads = reference_quads()
    assert ox.Literal("KZ") in objects(quads, f"{DIPR}country/KZ", DIP.isoCode)
    assert subjects_of_type(quads, DIP.Format)
    assert subjects_of_type(quads, SKOS.Concept)


def test_concept_triples_are_stable_between_parses():
    assert sorted(map(str, concept_triples())) == sorted(map(str, concept_triples()))


def test_a_place_keeps_the_articles_spelling_as_an_alternative_label():
    x = extraction()
    x.meetings[0].place = PlaceRef("New York City", "US", 5128581, written="New York")
    quads = extraction_quads(x)
    labels = {
        (str(q.predicate.value), q.object.value)
        for q in quads
        if q.subject.value.endswith("/new-york-city-us") and q.predicate in (RDFS.label, SKOS.altLabel)
    }
    assert labels == {(RDFS.label.value, "New York City"), (SKOS.altLabel.value, "New York")}
