"""Plain data that flows between the stages: an article in, facts out.

Nothing here knows RDF or any language. ``kg.sources`` makes :class:`Article`
objects, ``kg.extract`` turns one into an :class:`Extraction`, and ``kg.rdf``
turns that into quads.

Identifiers used inside an extraction:

* countries are ISO 3166-1 alpha-2 codes (``"KZ"``);
* people are their canonical full name as the article spells it
  (``"Murat Atteneu"``); :func:`slug` of it is the IRI tail;
* places are :class:`PlaceRef` (a GeoNames city);
* formats are the slug of the format in ``data/lexicon/formats.json``
  (``"central-asia-china"``);
* concept types are the IRI tails of CONTRACT.md (``"foreign-minister"``,
  ``"ministerial-meeting"``, ``"memorandum"``, ``"consulate-general"``,
  ``"trade-volume"``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

__all__ = [
    "Agreement",
    "Article",
    "DateValue",
    "Evidence",
    "Extraction",
    "Meeting",
    "Mission",
    "PlaceRef",
    "Position",
    "Statement",
    "Statistic",
    "slug",
]


def slug(text: str) -> str:
    """ASCII, lower case, hyphen-separated: ``"Zheenbek Kulubaev"`` -> ``"zheenbek-kulubaev"``."""
    text = text.replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "x"


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, a JSONL line or stdin."""

    text: str
    sha256: str
    source: str  # path or URL it was read from
    title: str | None = None
    lang: str | None = None  # "de", "en", … (ISO 639-1)
    date: str | None = None  # ISO 8601 date of publication, when known
    url: str | None = None
    publisher: str | None = None  # the meta file's free-text "source" field


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact was read from, with its offsets into ``Article.text``."""

    sentence: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class DateValue:
    """A date as precise as the text allows, and how it was obtained.

    ``lexical`` is the XSD lexical form (``"2025-04-26"``, ``"--04-26"``,
    ``"2025-04"``, ``"2025"``); ``datatype`` its XSD type name (``"date"``,
    ``"gMonthDay"``, ``"gYearMonth"``, ``"gYear"``). ``resolution`` is
    ``"absolute"``, ``"relative-to-article"`` or ``"relative-to-event"``.
    """

    lexical: str
    datatype: str
    text: str = ""
    resolution: str = "absolute"


@dataclass(frozen=True)
class PlaceRef:
    """A city: its English name, country and GeoNames id."""

    name: str
    country: str
    geonames_id: int | None = None
    label_de: str | None = None
    written: str | None = field(default=None, compare=False)  # as the article spells it: "New York", "Genf"

    @property
    def key(self) -> str:
        return slug(self.name)


@dataclass
class Position:
    """A person holding a role, as the article attests it."""

    person: str
    role: str
    country: str | None
    evidence: list[Evidence]
    organization: str | None = None
    qualifier: str | None = None  # "former", "designate" or None (current)
    title_text: str = ""  # the title as written, e.g. "Außenminister"
    confidence: float = 0.9


@dataclass
class Meeting:
    """A meeting, talks, visit, summit, phone call … and who took part."""

    key: str  # local key inside one extraction, for signed_at / made_at
    meeting_type: str
    evidence: list[Evidence]
    date: DateValue | None = None
    place: PlaceRef | None = None
    venue_country: str | None = None
    participants: list[str] = field(default_factory=list)
    participant_countries: list[str] = field(default_factory=list)
    format: str | None = None
    ordinal: int | None = None
    topics: list[str] = field(default_factory=list)
    status: str = "held"
    confidence: float = 0.9


@dataclass
class Agreement:
    """A memorandum, agreement, treaty, declaration, joint statement or roadmap."""

    agreement_type: str
    evidence: list[Evidence]
    parties: list[str] = field(default_factory=list)  # ISO codes
    party_organizations: list[str] = field(
        default_factory=list
    )  # names, e.g. "Ministry of Foreign Affairs of Kazakhstan"
    signed_on: DateValue | None = None
    signed_at: str | None = None  # Meeting.key
    valid_from: DateValue | None = None
    valid_until: DateValue | None = None
    title: str | None = None
    status: str = "signed"
    confidence: float = 0.9


@dataclass
class Mission:
    """An embassy or consulate opened, agreed or closed."""

    mission_type: str
    evidence: list[Evidence]
    sending_country: str | None = None
    host_country: str | None = None
    place: PlaceRef | None = None
    status: str = "opened"
    confidence: float = 0.9


@dataclass
class Statistic:
    """A trade, investment or aid figure."""

    statistic_type: str
    value: Decimal
    evidence: list[Evidence]
    currency: str | None = None
    year: int | None = None
    concerns: list[str] = field(default_factory=list)
    confidence: float = 0.9


@dataclass
class Statement:
    """A quote and who said it."""

    speaker: str
    text: str
    lang: str
    evidence: list[Evidence]
    made_at: str | None = None  # Meeting.key
    confidence: float = 0.9


@dataclass
class Extraction:
    """Everything one article yields."""

    article: Article
    positions: list[Position] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    missions: list[Mission] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    persons: dict[str, list[str]] = field(default_factory=dict)  # full name -> other spellings seen
    extractor: str = "dipkg-rules/0.1"

    def counts(self) -> dict[str, int]:
        return {
            "positions": len(self.positions),
            "meetings": len(self.meetings),
            "agreements": len(self.agreements),
            "missions": len(self.missions),
            "statistics": len(self.statistics),
            "statements": len(self.statements),
        }
