"""Facts to quads: one :class:`~kg.model.Extraction` becomes the quads of its article's named graph.

Nothing here knows any language. The mapping follows CONTRACT.md and TERMS.md:

* the article node ``dipr:article/<sha256>`` and everything the article yields live in the
  graph ``…/graph/article/<sha256>``;
* fact IRIs are ``dipr:<kind>/<16 hex>`` of the sha256 of a canonical key. Meetings, agreements,
  missions, statistics and statements leave the article out of the key, so the same meeting
  reported by two articles is one node with evidence from both. A meeting with no date or
  with a year-less date (``xsd:gMonthDay``), and an agreement with neither a date, a meeting nor
  a validity period, cannot be told apart from another one in another article: their key
  includes the article. An agreement or statement tied to a meeting has that meeting's IRI in
  its key, so it is shared exactly when the meeting is (and never gets two ``dip:signedAt`` or
  ``dip:madeAt``). Positions and evidence are attested per article and always include it;
* literals are written in the canonical form Oxigraph stores (``"0.9"``, not ``"0.90"``), so a
  graph read back from the store equals the one written (``kg.store`` relies on that);
* the output is sorted, so the same extraction always gives the same list.

:func:`reference_quads` builds the ``…/graph/reference`` graph: countries, formats, the office
holders of ``office_holders.json`` (each a ``dip:Person`` with ``owl:sameAs`` Wikidata where known,
and a ``dip:OfficeTerm`` per term) and the SKOS concepts declared in ``ontology/dip.ttl``.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, parse

from kg.vocab import (
    DCT,
    DIP,
    DIPR,
    OWL,
    PROV,
    RDF,
    RDFS,
    REFERENCE_GRAPH,
    SCHEMA,
    SKOS,
    WD,
    XSD,
    article_graph,
    article_iri,
    concept_iri,
    country_iri,
    format_iri,
    organization_iri,
    person_iri,
    place_iri,
)

if TYPE_CHECKING:
    from kg.model import (
        Agreement,
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
    from kg.resolution import Decision, Mention, PersonResolver, Resolution

__all__ = [
    "agreement_iri",
    "build_reference_quads",
    "canonical_decimal",
    "concept_triples",
    "decision_quads",
    "extraction_quads",
    "mapping_marker",
    "meeting_iri",
    "reference_quads",
]

_DATE_TYPES = frozenset({"date", "gYear", "gYearMonth", "gMonthDay"})
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def canonical_decimal(value: Decimal | float | int | str) -> str:
    """The lexical form Oxigraph keeps for an ``xsd:decimal``: ``0.90`` -> ``"0.9"``, ``1.0`` -> ``"1"``."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _hash_tail(*parts: object) -> str:
    key = "|".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class _GraphBuilder:
    """Collects the triples of one named graph, without duplicates."""

    def __init__(self, graph: str, lang: str | None) -> None:
        self.graph = NamedNode(graph)
        self.lang = lang
        self.quads: set[Quad] = set()

    def add(self, subject: str, predicate: NamedNode, obj: NamedNode | Literal | str | None) -> None:
        """Add one triple; a ``str`` object is an IRI, ``None`` adds nothing."""
        if obj is None:
            return
        node = NamedNode(obj) if isinstance(obj, str) else obj
        self.quads.add(Quad(NamedNode(subject), predicate, node, self.graph))

    def text(self, subject: str, predicate: NamedNode, value: str | None, lang: str | None = None) -> None:
        """A language-tagged literal (the article's language unless given); plain when none is known."""
        if not value:
            return
        tag = lang or self.lang
        self.add(subject, predicate, Literal(value, language=tag) if tag else Literal(value))

    def string(self, subject: str, predicate: NamedNode, value: str | None) -> None:
        if value:
            self.add(subject, predicate, Literal(value))

    def sorted(self) -> list[Quad]:
        return sorted(self.quads, key=str)


def _date_literal(value: DateValue) -> Literal:
    if value.datatype not in _DATE_TYPES:
        raise ValueError(f"unsupported date datatype {value.datatype!r} for {value.lexical!r}")
    return Literal(value.lexical, datatype=XSD[value.datatype])


def _integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD.integer)


def _decimal(value: Decimal | float | int) -> Literal:
    return Literal(canonical_decimal(value), datatype=XSD.decimal)


def _confidence(value: float) -> Literal:
    return _decimal(Decimal(str(value)).quantize(Decimal("0.01")))


def _article_date(text: str | None) -> Literal | None:
    """The publication date as ``xsd:date`` (or ``gYearMonth``/``gYear`` when that is all we have)."""
    match = _ISO_DATE.match(text or "")
    if not match:
        return None
    year, month, day = match.groups()
    if day:
        return Literal(f"{year}-{month}-{day}", datatype=XSD.date)
    if month:
        return Literal(f"{year}-{month}", datatype=XSD.gYearMonth)
    return Literal(year, datatype=XSD.gYear)


def _is_full_name(spelling: str) -> bool:
    return len(spelling.split()) >= 2


class _Mapper:
    """Maps one extraction; each ``_add_*`` method writes one kind of node."""

    def __init__(self, extraction: Extraction, resolver: PersonResolver | None = None) -> None:
        self.x = extraction
        self.resolver = resolver
        self.article = extraction.article
        self.sha = extraction.article.sha256
        self.g = _GraphBuilder(article_graph(self.sha), extraction.article.lang)
        self.article_iri = article_iri(self.sha)
        self.published = _article_date(extraction.article.date)
        self.meeting_iris: dict[str, str] = {}
        self.shared_meeting_keys: set[str] = set()
        self.meeting_dates: dict[str, str] = {}
        self.persons: set[str] = set(extraction.persons)
        self.person_iris: dict[str, str] = {}
        self.places: dict[str, PlaceRef] = {}
        self.place_spellings: dict[str, set[str]] = {}  # place IRI -> the article's spellings of it
        self.organizations: set[str] = set()

    def run(self) -> list[Quad]:
        self._add_article()
        self.shared_meeting_keys = self._shared_meeting_keys()
        for meeting in self.x.meetings:  # first: agreements and statements point at meetings
            self._add_meeting(meeting)
        for position in self.x.positions:
            self._add_position(position)
        self.shared_agreement_keys = self._shared_agreement_keys()  # after the meetings: it reads their IRIs
        for agreement in self.x.agreements:
            self._add_agreement(agreement)
        for mission in self.x.missions:
            self._add_mission(mission)
        for statistic in self.x.statistics:
            self._add_statistic(statistic)
        for statement in self.x.statements:
            self._add_statement(statement)
        self._add_persons()
        self._add_places()
        self._add_organizations()
        return self.g.sorted()

    # -------------------------------------------------------- article and shared parts

    def _add_article(self) -> None:
        a, g = self.article_iri, self.g
        g.add(a, RDF.type, DIP.Article)
        g.string(a, DIP.sha256, self.sha)
        g.string(a, DIP.source, self.article.source)
        g.string(a, DCT.title, self.article.title)
        g.string(a, DCT.language, self.article.lang)
        g.add(a, DCT.issued, self.published)
        g.string(a, SCHEMA.url, self.article.url)
        g.string(a, DIP.publisher, self.article.publisher)

    def _evidence(self, evidence: Evidence) -> str:
        iri = f"{DIPR}evidence/{_hash_tail(self.sha, evidence.char_start, evidence.char_end)}"
        g = self.g
        g.add(iri, RDF.type, DIP.Evidence)
        g.add(iri, DIP.article, self.article_iri)
        g.string(iri, DIP.sentence, evidence.sentence)
        g.add(iri, DIP.charStart, _integer(evidence.char_start))
        g.add(iri, DIP.charEnd, _integer(evidence.char_end))
        return iri

    def _fact(self, iri: str, cls: NamedNode, evidence: Sequence[Evidence], confidence: float) -> None:
        g = self.g
        g.add(iri, RDF.type, cls)
        for item in evidence:
            g.add(iri, DIP.evidence, self._evidence(item))
        g.add(iri, DIP.confidence, _confidence(confidence))
        g.string(iri, DIP.extractor, self.x.extractor)

    def _date(self, iri: str, predicate: NamedNode, value: DateValue | None) -> None:
        if value is None:
            return
        self.g.add(iri, predicate, _date_literal(value))
        self.g.string(iri, DIP.dateText, value.text)
        self.g.string(iri, DIP.dateResolution, value.resolution)

    def _person(self, name: str) -> str:
        self.persons.add(name)
        if name not in self.person_iris:
            self.person_iris[name] = self._resolve(name).iri
        return self.person_iris[name]

    def _mention(self, name: str) -> Mention:
        from kg.resolution import Mention

        roles = frozenset((p.role, p.country) for p in self.x.positions if p.person == name)
        dated = self.published is not None and self.published.datatype == XSD.date
        date = self.published.value if dated and self.published is not None else None
        return Mention(name, self.article.lang, roles, date)

    def _resolve(self, name: str) -> Resolution:
        if self.resolver is None:
            from kg.resolution import default_resolver

            self.resolver = default_resolver()
        return self.resolver.resolve(self._mention(name))

    def _place(self, place: PlaceRef | None) -> str | None:
        if place is None:
            return None
        iri = place_iri(place)
        self.places[iri] = place
        if place.written and place.written not in (place.name, place.label_de):
            self.place_spellings.setdefault(iri, set()).add(place.written)
        return iri

    def _organization(self, name: str | None) -> str | None:
        if not name:
            return None
        self.organizations.add(name)
        return organization_iri(name)

    def _countries(self, iri: str, predicate: NamedNode, codes: Iterable[str | None]) -> None:
        for code in codes:
            if code:
                self.g.add(iri, predicate, country_iri(code))

    # -------------------------------------------------------- facts

    def _add_position(self, p: Position) -> None:
        holder = self._person(p.person)
        org = self._organization(p.organization)
        key = person_iri(p.person)  # the article's spelling: stable whatever resolution decides
        iri = f"{DIPR}position/{_hash_tail(key, p.role, p.country, org, p.qualifier, self.sha)}"
        g = self.g
        self._fact(iri, DIP.Position, p.evidence, p.confidence)
        g.add(iri, DIP.holder, holder)
        g.add(iri, DIP.roleType, concept_iri("role", p.role))
        self._countries(iri, DIP.ofCountry, [p.country])
        g.add(iri, DIP.inOrganization, org)
        if self.published is not None and self.published.datatype == XSD.date:
            g.add(iri, DIP.attestedOn, self.published)
        g.string(iri, DIP.qualifier, p.qualifier)
        g.string(iri, DIP.titleText, p.title_text)

    def _meeting_iri(self, m: Meeting, *, people: Iterable[str] = ()) -> str:
        lexical, datatype = (m.date.lexical, m.date.datatype) if m.date else (None, None)
        return meeting_iri(
            self.sha,
            m.meeting_type,
            lexical,
            datatype,
            self._place(m.place),
            sorted(set(m.participant_countries)),
            m.format,
            venue=m.venue_country,
            ordinal=m.ordinal,
            people=people,
        )

    def _shared_meeting_keys(self) -> set[str]:
        """The IRIs two meetings of this article would share (same kind, day, town and sides)."""
        seen: dict[str, int] = {}
        for m in self.x.meetings:
            iri = self._meeting_iri(m)
            seen[iri] = seen.get(iri, 0) + 1
        return {iri for iri, n in seen.items() if n > 1}

    def _add_meeting(self, m: Meeting) -> None:
        place = self._place(m.place)
        countries = sorted(set(m.participant_countries))
        date = f"{m.date.lexical}^{m.date.datatype}" if m.date else None
        iri = self._meeting_iri(m)
        if iri in self.shared_meeting_keys:
            iri = self._meeting_iri(m, people=[self._person(name) for name in m.participants])
        self.meeting_iris[m.key] = iri
        if m.date is not None and m.date.datatype == "date":
            self.meeting_dates[m.key] = date
        g = self.g
        self._fact(iri, DIP.Meeting, m.evidence, m.confidence)
        g.add(iri, DIP.meetingType, concept_iri("meeting-type", m.meeting_type))
        self._date(iri, DIP.date, m.date)
        g.add(iri, DIP.location, place)
        self._countries(iri, DIP.venueCountry, [m.venue_country])
        for name in m.participants:
            g.add(iri, DIP.participant, self._person(name))
        self._countries(iri, DIP.participantCountry, countries)
        g.add(iri, DIP.format, format_iri(m.format) if m.format else None)
        if m.ordinal is not None:
            g.add(iri, DIP.ordinal, _integer(m.ordinal))
        for topic in m.topics:
            g.text(iri, DIP.topic, topic)
        g.string(iri, DIP.status, m.status)

    def _agreement_iri(self, a: Agreement, *, title: str | None = None) -> str:
        parties = sorted(set(a.parties))
        orgs = sorted({o for o in (self._organization(name) for name in a.party_organizations) if o})
        meeting = self.meeting_iris.get(a.signed_at) if a.signed_at else None
        signed = f"{a.signed_on.lexical}^{a.signed_on.datatype}" if a.signed_on else None
        valid = tuple(f"{v.lexical}^{v.datatype}" if v else None for v in (a.valid_from, a.valid_until))
        meeting_day = self.meeting_dates.get(a.signed_at) if a.signed_at else None
        return agreement_iri(
            self.sha, a.agreement_type, parties, orgs, signed, meeting, meeting_day, valid, title=title
        )

    def _shared_agreement_keys(self) -> set[str]:
        """The IRIs two agreements of this article with different titles would share."""
        titles: dict[str, set[str]] = {}
        for a in self.x.agreements:
            titles.setdefault(self._agreement_iri(a), set()).add(a.title or "")
        return {iri for iri, told in titles.items() if len(told) > 1}

    def _add_agreement(self, a: Agreement) -> None:
        parties = sorted(set(a.parties))
        orgs = sorted({o for o in (self._organization(name) for name in a.party_organizations) if o})
        meeting = self.meeting_iris.get(a.signed_at) if a.signed_at else None
        iri = self._agreement_iri(a)
        if iri in self.shared_agreement_keys:  # "an MoU on investment …; an MoU on food security …"
            iri = self._agreement_iri(a, title=a.title or "")
        g = self.g
        self._fact(iri, DIP.Agreement, a.evidence, a.confidence)
        g.add(iri, DIP.agreementType, concept_iri("agreement-type", a.agreement_type))
        self._countries(iri, DIP.partyCountry, parties)
        for org in orgs:
            g.add(iri, DIP.party, org)
        self._date(iri, DIP.signedOn, a.signed_on)
        g.add(iri, DIP.signedAt, meeting)
        if a.valid_from:
            g.add(iri, DIP.validFrom, _date_literal(a.valid_from))
        if a.valid_until:
            g.add(iri, DIP.validUntil, _date_literal(a.valid_until))
        g.text(iri, DIP.title, a.title)
        g.string(iri, DIP.status, a.status)

    def _add_mission(self, m: Mission) -> None:
        place = self._place(m.place)
        key = (m.mission_type, m.sending_country, m.host_country, place, m.status)
        iri = f"{DIPR}mission/{_hash_tail(*key)}"
        g = self.g
        self._fact(iri, DIP.DiplomaticMission, m.evidence, m.confidence)
        g.add(iri, DIP.missionType, concept_iri("mission-type", m.mission_type))
        self._countries(iri, DIP.sendingCountry, [m.sending_country])
        self._countries(iri, DIP.hostCountry, [m.host_country])
        g.add(iri, DIP.location, place)
        g.string(iri, DIP.status, m.status)

    def _add_statistic(self, s: Statistic) -> None:
        concerns = sorted(set(s.concerns))
        value = canonical_decimal(s.value)
        key = (s.statistic_type, ",".join(concerns), s.year, value, s.currency)
        iri = f"{DIPR}statistic/{_hash_tail(*key)}"
        g = self.g
        self._fact(iri, DIP.Statistic, s.evidence, s.confidence)
        g.add(iri, DIP.statisticType, concept_iri("statistic-type", s.statistic_type))
        g.add(iri, DIP.value, Literal(value, datatype=XSD.decimal))
        g.string(iri, DIP.currency, s.currency)
        if s.year is not None:
            g.add(iri, DIP.year, Literal(f"{int(s.year):04d}", datatype=XSD.gYear))
        self._countries(iri, DIP.concerns, concerns)

    def _add_statement(self, s: Statement) -> None:
        speaker = self._person(s.speaker)
        text = " ".join(s.text.split())
        meeting = self.meeting_iris.get(s.made_at) if s.made_at else None
        iri = f"{DIPR}statement/{_hash_tail(person_iri(s.speaker), text, meeting)}"
        g = self.g
        self._fact(iri, DIP.Statement, s.evidence, s.confidence)
        g.add(iri, DIP.speaker, speaker)
        g.text(iri, DIP.text, s.text, s.lang)
        g.add(iri, DIP.madeAt, meeting)

    # -------------------------------------------------------- entities

    def _add_persons(self) -> None:
        g = self.g
        for name in sorted(self.persons):
            iri = self._person(name)
            g.add(iri, RDF.type, DIP.Person)
            label, lang = self._resolve(name).display(name, self.article.lang)
            g.text(iri, RDFS.label, label, lang)
            g.text(iri, SKOS.hiddenLabel, name)  # the name as this article writes it
            for spelling in self.x.persons.get(name, ()):
                if spelling != name and _is_full_name(spelling):
                    g.text(iri, SKOS.altLabel, spelling)
            for quad in decision_quads(self.sha, self.article.lang, self._resolve(name).decisions):
                g.quads.add(quad)

    def _add_places(self) -> None:
        g = self.g
        for iri, place in sorted(self.places.items()):
            g.add(iri, RDF.type, DIP.Place)
            g.text(iri, RDFS.label, place.name, "en")
            g.text(iri, RDFS.label, place.label_de, "de")
            for spelling in sorted(self.place_spellings.get(iri, ())):  # "New York" for New York City
                g.text(iri, SKOS.altLabel, spelling, self.article.lang)
            g.add(iri, DIP.inCountry, country_iri(place.country))
            if place.geonames_id is not None:
                g.add(iri, DIP.geonamesId, _integer(place.geonames_id))

    def _add_organizations(self) -> None:
        g = self.g
        for name in sorted(self.organizations):
            iri = organization_iri(name)
            g.add(iri, RDF.type, DIP.Organization)
            g.text(iri, RDFS.label, name)


def extraction_quads(extraction: Extraction, *, resolver: PersonResolver | None = None) -> list[Quad]:
    """All quads of the article's named graph, sorted (people resolved by ``resolver``, default:
    :func:`kg.resolution.default_resolver`)."""
    quads = _Mapper(extraction, resolver).run()
    return sorted([*quads, mapping_marker(extraction.article.sha256, quads)], key=str)


def mapping_marker(sha: str, quads: Iterable[Quad]) -> Quad:
    """``<…/graph/article/<sha>> schema:sha256 "<hash of the mapped quads>"`` in the article's graph.

    ``kg resolve`` rewrites person and meeting IRIs, labels and decisions of a stored graph; this
    triple keeps what the article itself gave, so ingesting it again is "unchanged" (nothing to do)
    exactly when extraction and mapping give the same quads as last time.
    """
    digest = hashlib.sha256()
    for line in sorted(str(q) for q in quads):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    graph = NamedNode(article_graph(sha))
    return Quad(graph, SCHEMA.sha256, Literal(digest.hexdigest()), graph)


def meeting_iri(
    sha: str,
    meeting_type: str,
    date: str | None,
    datatype: str | None,
    place: str | None,
    countries: Iterable[str],
    fmt: str | None,
    *,
    venue: str | None = None,
    ordinal: int | None = None,
    people: Iterable[str] = (),
) -> str:
    """The IRI a meeting gets from its own article (``kg.resolution`` recomputes it from the graph).

    What makes two reported meetings one: kind, date, place, venue country and ordinal, and the
    format, else the participant countries. A meeting in a format is keyed without its
    participants (articles list them differently); one whose participant countries are exactly
    the members of one format counts as held in it. A meeting with no date or a year-less one
    keeps its article in the key. Other pairs (one article giving the place and the other the
    format, a phone call reported with two and with one country) are joined by the corpus pass
    of :func:`kg.resolution.resolve_store`.
    """
    codes = sorted({c.upper() for c in countries})
    when = f"{date}^{datatype}" if date else None
    fmt = fmt or _implied_format(tuple(codes))
    # everything a meeting has once stays in the key, so a shared node never gets two places
    once = (place, venue.upper() if venue else None, ordinal)
    key = (meeting_type, when, "format", fmt, *once) if fmt else (meeting_type, when, *once, ",".join(codes))
    needs_article = date is None or datatype == "gMonthDay"
    # two meetings of one article with all of that in common (talks with the minister and a reception by
    # the president, the same day in the same town) are told apart by who met; then the article is in the key
    who = ",".join(sorted(set(people)))
    if who:
        return f"{DIPR}meeting/{_hash_tail(*key, 'people', who, sha)}"
    return f"{DIPR}meeting/{_hash_tail(*key, sha if needs_article else None)}"


def agreement_iri(
    sha: str,
    agreement_type: str,
    parties: Sequence[str],
    orgs: Sequence[str],
    signed: str | None,
    meeting: str | None,
    meeting_day: str | None,
    valid: tuple[str | None, str | None] = (None, None),
    *,
    title: str | None = None,
) -> str:
    """The IRI an agreement gets from its own article (``kg.event_resolution`` recomputes it from the
    graph). ``signed``, ``meeting_day`` and ``valid`` are ``"<lexical>^<datatype>"``; ``meeting`` is the
    IRI of the meeting it was signed at, ``meeting_day`` that meeting's day when it has one.

    The same memorandum told by two articles: one gives the day, the other the meeting it was
    signed at (whose day is the same); so the day comes first, then the meeting, then validity.
    ``title`` tells apart two texts of one article that would share an IRI (four memoranda of one
    day between the same two states); it is given only then.
    """
    day = signed if signed and signed.endswith("^date") else None
    day = day or meeting_day
    if day:
        key: tuple[str | None, ...] = (agreement_type, ",".join(parties), "day", day)
    elif signed or meeting:
        key = (agreement_type, ",".join(parties), ",".join(orgs), signed, meeting)
    else:
        key = (agreement_type, ",".join(parties), ",".join(orgs), *valid)
    if title is not None:
        key = (*key, "title", title)
    anchored = signed or meeting or any(valid)
    return f"{DIPR}agreement/{_hash_tail(*key, None if anchored else sha)}"


@functools.lru_cache(maxsize=1)
def _format_members() -> dict[frozenset[str], list[str]]:
    from kg.reference import formats

    out: dict[frozenset[str], list[str]] = {}
    for f in formats().values():
        members = frozenset(c.upper() for c in f.members)
        if len(members) >= 3:
            out.setdefault(members, []).append(f.id)
    return out


def _implied_format(countries: tuple[str, ...]) -> str | None:
    found = _format_members().get(frozenset(c.upper() for c in countries), [])
    return found[0] if len(found) == 1 else None


def decision_quads(sha: str, lang: str | None, decisions: Iterable[Decision]) -> list[Quad]:
    """The ``dip:ResolutionDecision`` nodes of one article's graph, sorted."""
    g = _GraphBuilder(article_graph(sha), lang)
    for d in decisions:
        iri = f"{DIPR}decision/{_hash_tail(sha, d.name, d.outcome, d.candidate_iri)}"
        g.add(iri, RDF.type, DIP.ResolutionDecision)
        g.add(iri, PROV.wasDerivedFrom, article_iri(sha))
        g.text(iri, DIP.nameCompared, d.name)
        g.string(iri, DIP.comparedWith, d.candidate)
        g.add(iri, DIP.candidate, d.candidate_iri)
        g.add(iri, DIP.resolvedTo, d.resolved_to)
        g.string(iri, DIP.outcome, d.outcome)
        g.add(iri, DIP.score, _decimal(Decimal(str(d.score)).quantize(Decimal("0.001"))))
        for reason in d.reasons:
            g.string(iri, DIP.reason, reason)
    return g.sorted()


# ---------------------------------------------------------------- reference graph


def _wikidata(value: str | None) -> str | None:
    if not value:
        return None
    return value if value.startswith(("http://", "https://")) else WD + value


def build_reference_quads(
    countries: Iterable[Any], formats: Iterable[Any], concepts: Iterable[Quad], holders: Iterable[Any] = ()
) -> list[Quad]:
    """The reference graph from country, format and office-holder records (``kg.reference``) and
    concept triples."""
    g = _GraphBuilder(REFERENCE_GRAPH, None)
    for c in countries:
        iri = country_iri(c.iso2)
        g.add(iri, RDF.type, DIP.Country)
        g.string(iri, DIP.isoCode, c.iso2.upper())
        g.text(iri, RDFS.label, c.name_en, "en")
        g.text(iri, RDFS.label, c.name_de, "de")
        for text, lang in c.alt_labels:
            g.text(iri, SKOS.altLabel, text, lang)
        g.add(iri, OWL.sameAs, _wikidata(c.wikidata))
    for f in formats:
        iri = format_iri(f.id)
        g.add(iri, RDF.type, DIP.Format)
        if f.kind == "organization":
            g.add(iri, RDF.type, DIP.Organization)
        g.string(iri, DIP.formatKind, f.kind)
        g.text(iri, RDFS.label, f.label_en, "en")
        g.text(iri, RDFS.label, f.label_de, "de")
        for text, lang in f.aliases:
            g.text(iri, SKOS.altLabel, text, lang)
        for member in f.members:
            g.add(iri, DIP.member, country_iri(member))
        g.add(iri, OWL.sameAs, _wikidata(f.wikidata))
    for holder in holders:
        _add_holder(g, holder)
    for quad in concepts:
        g.quads.add(Quad(quad.subject, quad.predicate, quad.object, g.graph))
    return g.sorted()


_PARTIAL_DATE_TYPES = {10: "date", 7: "gYearMonth", 4: "gYear"}


def _term_date(text: str) -> Literal:
    """``"2022-12-30"`` -> xsd:date, ``"2022-12"`` -> xsd:gYearMonth, ``"2022"`` -> xsd:gYear."""
    return Literal(text, datatype=XSD[_PARTIAL_DATE_TYPES[len(text)]])


def _add_holder(g: _GraphBuilder, holder: Any) -> None:
    """An office holder of the shipped table: the person (label, spellings, Wikidata) and one
    ``dip:OfficeTerm`` per term, ``dipr:office-term/<holder id>/<role>-<country>-<start>``."""
    person = person_iri(holder.name)
    g.add(person, RDF.type, DIP.Person)
    # skos:prefLabel, not rdfs:label: an article graph labels the person as that article writes the
    # name; the merged graph would otherwise show the table's spelling as one more name found
    g.text(person, SKOS.prefLabel, holder.name, "en")
    for lang, spellings in sorted(holder.names.items()):
        for spelling in spellings:
            if spelling != holder.name:
                # hidden: searchable, not displayed; a person shows one name (the user's scorer
                # counts every rdfs:label and skos:altLabel of a holder as a name the system found)
                g.text(person, SKOS.hiddenLabel, spelling, lang)
    g.add(person, OWL.sameAs, _wikidata(holder.wikidata))
    for term in holder.terms:
        iri = f"{DIPR}office-term/{holder.id}/{term.role}-{term.country}-{term.start}"
        g.add(iri, RDF.type, DIP.OfficeTerm)
        g.add(iri, DIP.holder, person)
        g.add(iri, DIP.roleType, concept_iri("role", term.role))
        g.add(iri, DIP.ofCountry, country_iri(term.country))
        g.add(iri, DIP.startDate, _term_date(term.start))
        if term.end:
            g.add(iri, DIP.endDate, _term_date(term.end))


def concept_triples() -> list[Quad]:
    """Every triple of ``ontology/dip.ttl`` whose subject is a ``dipr:`` IRI (SKOS concepts and schemes).

    Triples pointing at blank nodes are left out: their labels change from one parse to the next,
    which would make the reference graph look changed on every run.
    """
    from kg.resources import ontology_dir

    path = ontology_dir() / "dip.ttl"
    return [
        quad
        for quad in parse(path=path, format=RdfFormat.TURTLE)
        if isinstance(quad.subject, NamedNode)
        and quad.subject.value.startswith(DIPR)
        and not isinstance(quad.object, BlankNode)
    ]


@functools.lru_cache(maxsize=1)
def _reference() -> tuple[Quad, ...]:
    from kg.reference import countries, formats, office_holders

    return tuple(
        build_reference_quads(
            sorted(countries().values(), key=lambda c: c.iso2),
            sorted(formats().values(), key=lambda f: f.id),
            concept_triples(),
            sorted(office_holders().values(), key=lambda h: h.id),
        )
    )


def reference_quads() -> list[Quad]:
    """The ``…/graph/reference`` graph: countries, formats, office holders with their terms, and
    concepts (computed once per process)."""
    return list(_reference())
