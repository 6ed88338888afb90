"""Cross-article merging of meetings and agreements: the same event told by several articles, one node.

Called by :func:`kg.resolution.resolve_store` after people are resolved
(docs/decisions/2026-11-29-event-merging.md). Every stored meeting (agreement) node of every
article graph is read back with the values *its own article* gave it (``dip:date`` or
``dip:reportedDate``, ``dip:meetingType`` or ``dip:reportedMeetingType``, ...), so the result is a
function of the set of stored articles, whatever order they came in and however often the pass ran.

Two nodes of two articles join when nothing contradicts and something links them:

* a contradiction (:func:`meeting_conflict`, :func:`agreement_conflict`) is hard: the same article,
  kinds that cannot be one event (a phone call and a visit, a summit and a ministerial meeting),
  dates that are not refinements of each other (``2025-04`` and ``2025-04-26`` are; two days are
  not), two places (unless GeoNames puts both towns of one country within 40 km: ``places_near``),
  two venues, two formats, two ordinals, disjoint participants, two different
  lists of two or more countries or people (outside a shared format), an undated report whose
  article date and status rule out the other's date; for agreements kinds that differ, two party
  lists, two signing dates, two periods of validity, titles of one language with no subject in
  common, two meetings of signature without titles that agree;
* a link (:func:`meeting_link`, :func:`agreement_link`) is positive evidence: the same day and
  shared participants; or a shared place, format or two shared people with compatible dates and
  overlapping participants; for agreements two subjects of the title in common (:func:`subject_words`:
  "Konsultationsplan" and "plan of consultations" are both about ``@consultation``), all subjects of
  one title among the other's in one month, the same signing day or the same meeting of signature.

Clusters grow by complete linkage (every pair of a cluster must be free of contradictions), strongest
links first, ties by IRI. A cluster takes the smallest own IRI of its members and keeps ONE value of
each single-valued property: the most precise date (day over month over year), the kind most of its
articles give. An article whose own value differs keeps it as an article-level attestation
(``dip:reportedDate``, ``dip:reportedMeetingType``, ``dip:reportedSignedOn``, ``dip:reportedSignedAt``,
``dip:reportedAgreementType``), so the merged default graph holds one value and every article graph
still says only what its article said.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kg.translit import skeleton_tokens

__all__ = [
    "EventPlan",
    "REPORTED",
    "SUBJECTS_FILE",
    "StoredAgreement",
    "StoredMeeting",
    "TitleSubjects",
    "agreement_conflict",
    "agreement_kinds_compatible",
    "agreement_link",
    "cluster_agreements",
    "cluster_meetings",
    "date_parts",
    "dates_compatible",
    "kinds_compatible",
    "meeting_conflict",
    "places_near",
    "meeting_link",
    "most_precise",
    "read_agreements",
    "read_meetings",
    "reported_predicate",
    "subject_words",
    "title_subjects",
]

#: single-valued property -> its article-level attestation (local names in dip:)
REPORTED = {
    "date": "reportedDate",
    "meetingType": "reportedMeetingType",
    "signedOn": "reportedSignedOn",
    "signedAt": "reportedSignedAt",
    "agreementType": "reportedAgreementType",
}
#: meeting kinds that may be one event told differently (a phone call or a summit joins its own kind only)
_IN_PERSON = frozenset({"ministerial-meeting", "bilateral-talks", "strategic-dialogue", "visit", "other"})
#: kinds of meeting several delegations attend: a report may name only some of them
_SESSIONS = frozenset({"ministerial-meeting", "summit"})
#: when members disagree on the kind and are equally many: the more specific first
_KIND_RANK = (
    "summit",
    "ministerial-meeting",
    "strategic-dialogue",
    "bilateral-talks",
    "visit",
    "phone-call",
    "other",
)
#: agreement kinds the same document is called by two articles ("Absichtserklärung" read as a memorandum)
_AGREEMENT_PAIRS = frozenset(
    {
        frozenset({"memorandum", "declaration"}),
        frozenset({"agreement", "treaty"}),
        frozenset({"declaration", "joint-statement"}),
    }
)
#: a link this strong (the same day) is never ambiguous; weaker ones are taken only when they are not
STRONG = 3
#: two reports the mapping already gave one IRI (same kind, date, place, countries or format)
SAME_KEY = 4
_DATATYPE_RANK = {"date": 3, "gYearMonth": 2, "gMonthDay": 2, "gYear": 1}
#: an undated report of a held meeting refers to one at most this long before its article
HELD_WINDOW = 62
#: an undated report of a planned meeting refers to one at most this long after its article
PLANNED_WINDOW = 366
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: title words that name the kind of document, the parties' ministries or grammar, not its subject
_TITLE_STOP = frozenset(
    skeleton_tokens(
        """memorandum memorandums understanding agreement agreements treaty treaties declaration
        joint intent cooperation statement communique roadmap plan protocol convention charter
        between on of the and in for with to a an by its their two all long term
        ministries ministry foreign affairs government governments republic federation
        absichtserklarung erklarung gemeinsame gemeinsames gemeinsamen vertrag abkommen vereinbarung
        kommunique fahrplan zusammenarbeit uber die der des den dem das und zu zur zum im in fur mit
        von vom bei beiden zwischen ministerien ministeriums auswartigen angelegenheiten regierung
        bereich bereichen programme program programm protokoll konvention charta deklaration
        aussenministerien aussenministeriums aussenministerium year years jahr jahre jahren jahres
        text texts full final entsprechende entsprechendes entsprechenden corresponding ihrer their"""
    )
)
#: the file of subjects of agreement titles across languages (data/lexicon/)
SUBJECTS_FILE = "agreement_subjects.json"
#: endings of a German compound's head: "Abkommen|s", "Vertrag|es", "Plan|e"
_INFLECTIONS = ("", "s", "es", "e", "en", "n")
#: a compound's subject must be this long ("Konsultations|plan"; not "Ge|plan")
_MIN_STEM = 4


# ---------------------------------------------------------------- dates


def date_parts(lexical: str, datatype: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of an ``xsd:date``/``gYearMonth``/``gYear``/``gMonthDay`` lexical form."""
    text = lexical.strip()
    try:
        if datatype == "gMonthDay":
            month, day = text.lstrip("-").split("-")[:2]
            return None, int(month), int(day[:2])
        parts = text.split("-")
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and datatype in ("date", "gYearMonth") else None
        day = int(parts[2][:2]) if len(parts) > 2 and datatype == "date" else None
    except (ValueError, IndexError):
        return None, None, None
    return year, month, day


def dates_compatible(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Neither date contradicts the other: one is a refinement of the other (``2025`` ⊃ ``2025-04`` ⊃
    ``2025-04-26``; ``--04-26`` fits ``2025-04-26``), or one is missing."""
    if a is None or b is None:
        return True
    return all(x is None or y is None or x == y for x, y in zip(date_parts(*a), date_parts(*b), strict=True))


def _precision(value: tuple[str, str]) -> tuple[int, int]:
    known = sum(p is not None for p in date_parts(*value))
    return known, _DATATYPE_RANK.get(value[1], 0)


def most_precise(values: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """The most precise of compatible dates (day over month over year), ties by lexical form."""
    found = sorted(set(values), key=lambda v: (-_precision(v)[0], -_precision(v)[1], v))
    return found[0] if found else None


def _span(value: tuple[str, str]) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date can be (None for a year-less date)."""
    year, month, day = date_parts(*value)
    if year is None:
        return None
    try:
        if day is not None and month is not None:
            first = last = dt.date(year, month, day)
        elif month is not None:
            first = dt.date(year, month, 1)
            last = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        else:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return first, last


def _window(article: str | None, status: frozenset[str]) -> tuple[dt.date, dt.date] | None:
    """When an undated meeting can have been, from its article's date and its status."""
    try:
        day = dt.date.fromisoformat((article or "")[:10])
    except ValueError:
        return None
    held = day - dt.timedelta(days=HELD_WINDOW), day + dt.timedelta(days=1)
    planned = day + dt.timedelta(days=1), day + dt.timedelta(days=PLANNED_WINDOW)
    if status and status <= {"held"}:
        return held
    if status and status <= {"planned", "cancelled"}:
        return planned
    return held[0], planned[1]


def _overlap(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


# ---------------------------------------------------------------- what is read from the store


@dataclass
class StoredMeeting:
    """One meeting node of one article graph, with the values its own article gave it."""

    sha: str
    stored: str  # the IRI in the store now
    own: str = ""  # the IRI its article alone gives it (kg.rdf.meeting_iri)
    kind: str = ""
    date: tuple[str, str] | None = None  # (lexical, datatype)
    place: str | None = None
    venue: str | None = None
    format: str | None = None
    ordinal: str | None = None
    countries: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    status: set[str] = field(default_factory=set)
    article_date: str | None = None

    def signature(self) -> tuple[Any, ...]:
        """Everything the rules read, except the article (an undated meeting's article date counts)."""
        return (
            self.kind,
            self.date,
            self.place,
            self.venue,
            self.format,
            self.ordinal,
            frozenset(self.countries),
            frozenset(self.people),
            frozenset(self.status),
            self.article_date if self.date is None else None,
        )

    def window(self) -> tuple[dt.date, dt.date] | None:
        """The days the meeting can be on: its date's span, else what its article date and status allow."""
        if self.date is not None:
            return _span(self.date)
        return _window(self.article_date, frozenset(self.status))


@dataclass
class StoredAgreement:
    """One agreement node of one article graph, with the values its own article gave it."""

    sha: str
    stored: str
    own: str = ""
    kind: str = ""
    signed_on: tuple[str, str] | None = None
    signed_at: str | None = None  # the meeting IRI as stored in this article graph
    meeting: str | None = None  # that meeting's cluster IRI
    parties: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    valid: tuple[str | None, str | None] = (None, None)
    titles: dict[str, str | None] = field(default_factory=dict)  # title -> language
    words: dict[str | None, frozenset[str]] | None = None  # content words of the titles, per language
    own_meeting: str | None = None  # the meeting and day its own IRI was made from
    own_day: str | None = None

    def signature(self) -> tuple[Any, ...]:
        """Everything the rules read, except the article."""
        words = tuple(sorted(_title_words(self).items(), key=lambda kv: kv[0] or ""))
        return (
            self.kind,
            self.signed_on,
            self.meeting,
            frozenset(self.parties),
            frozenset(self.orgs),
            self.valid,
            words,
        )


@dataclass(frozen=True)
class EventPlan:
    """What the pass decided: (sha, stored IRI) -> cluster IRI, and per cluster IRI the one value of
    each single-valued property (local name -> lexical/IRI, datatype or "" for an IRI)."""

    iris: dict[tuple[str, str], str]
    chosen: dict[str, dict[str, tuple[str, str]]]


def _tail(iri: str) -> str:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


_ARTICLE_DATES = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?g ?issued WHERE {
  GRAPH ?g { ?a a dip:Article ; dct:issued ?issued }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/dipkg/graph/article/"))
}
"""


def _properties_per_article(cls: str, properties: str) -> str:
    """SPARQL: ``?g ?x ?p ?o`` for each node ``?x`` of ``dip:<cls>`` and each of the ``properties``
    (dip: local names) in the article graph ``?g`` that states it."""
    values = " ".join(f"dip:{name}" for name in properties.split())
    return f"""
PREFIX dip: <https://w3id.org/dipkg/ontology#>
SELECT ?g ?x ?p ?o WHERE {{
  GRAPH ?g {{ ?x a dip:{cls} ; ?p ?o . VALUES ?p {{ {values} }} }}
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/dipkg/graph/article/"))
}}
"""


_MEETINGS = _properties_per_article(
    "Meeting",
    "meetingType reportedMeetingType date reportedDate location venueCountry format ordinal"
    " participantCountry participant status",
)
_AGREEMENTS = _properties_per_article(
    "Agreement",
    "agreementType reportedAgreementType signedOn reportedSignedOn signedAt reportedSignedAt"
    " partyCountry party validFrom validUntil title",
)


def _article_dates(store: Any) -> dict[str, str]:
    from kg.vocab import sha256_of_graph

    out = {}
    for row in store.select(_ARTICLE_DATES, use_default_graph_as_union=False):
        out[sha256_of_graph(row["g"].value) or ""] = row["issued"].value
    return out


def _literal(term: Any) -> tuple[str, str]:
    return term.value, _tail(term.datatype.value) if getattr(term, "datatype", None) else ""


def read_meetings(store: Any, people: dict[tuple[str, str], str]) -> list[StoredMeeting]:
    """Every meeting node of every article graph with its own article's values, sorted by (sha, own IRI).

    ``people`` maps (sha, stored person IRI) to the person's resolved IRI."""
    from kg.rdf import meeting_iri
    from kg.vocab import sha256_of_graph

    issued = _article_dates(store)
    found: dict[tuple[str, str], StoredMeeting] = {}
    for row in store.select(_MEETINGS, use_default_graph_as_union=False):
        sha = sha256_of_graph(row["g"].value) or ""
        m = found.setdefault((sha, row["x"].value), StoredMeeting(sha, row["x"].value))
        name, obj = _tail(row["p"].value), row["o"]
        if name in ("meetingType", "reportedMeetingType"):
            m.kind = _tail(obj.value)
        elif name in ("date", "reportedDate"):
            m.date = _literal(obj)
        elif name == "location":
            m.place = obj.value
        elif name == "venueCountry":
            m.venue = _tail(obj.value)
        elif name == "format":
            m.format = _tail(obj.value)
        elif name == "ordinal":
            m.ordinal = obj.value
        elif name == "participantCountry":
            m.countries.add(_tail(obj.value))
        elif name == "participant":
            m.people.add(people.get((sha, obj.value), obj.value))
        elif name == "status":
            m.status.add(obj.value)
    for m in found.values():
        m.article_date = issued.get(m.sha)
        m.own = _own_meeting_iri(m, meeting_iri)
    _tell_apart(found.values(), meeting_iri)
    return sorted(found.values(), key=lambda m: (m.sha, m.own, m.stored))


def _sharing_own_iri(items: Iterable[Any]) -> list[Any]:
    """The items (meetings or agreements) that share their own IRI with another of the same article."""
    by_own: dict[tuple[str, str], list[Any]] = {}
    for item in items:
        by_own.setdefault((item.sha, item.own), []).append(item)
    return [item for group in by_own.values() if len(group) > 1 for item in group]


def _tell_apart(meetings: Iterable[StoredMeeting], meeting_iri: Callable[..., str]) -> None:
    """Two meetings of one article with one own IRI (the same kind, day, town and sides: talks with the
    minister and a reception by the president) are told apart by who met, as the mapping does."""
    for m in _sharing_own_iri(meetings):
        m.own = _own_meeting_iri(m, meeting_iri, people=sorted(m.people) or [m.stored])


def _own_meeting_iri(m: StoredMeeting, meeting_iri: Callable[..., str], **extra: Any) -> str:
    """The IRI the mapping gives a meeting from its own article's values (:func:`kg.rdf.meeting_iri`)."""
    return meeting_iri(
        m.sha,
        m.kind,
        m.date[0] if m.date else None,
        m.date[1] if m.date else None,
        m.place,
        sorted(m.countries),
        m.format,
        venue=m.venue,
        ordinal=int(m.ordinal) if m.ordinal else None,
        **extra,
    )


def read_agreements(
    store: Any, meetings: Sequence[StoredMeeting], meeting_iris: dict[tuple[str, str], str]
) -> list[StoredAgreement]:
    """Every agreement node of every article graph with its own article's values, sorted by (sha, own IRI)."""
    from kg.rdf import agreement_iri
    from kg.vocab import sha256_of_graph

    own_meeting = {(m.sha, m.stored): m for m in meetings}
    found: dict[tuple[str, str], StoredAgreement] = {}
    for row in store.select(_AGREEMENTS, use_default_graph_as_union=False):
        sha = sha256_of_graph(row["g"].value) or ""
        a = found.setdefault((sha, row["x"].value), StoredAgreement(sha, row["x"].value))
        name, obj = _tail(row["p"].value), row["o"]
        if name in ("agreementType", "reportedAgreementType"):
            a.kind = _tail(obj.value)
        elif name in ("signedOn", "reportedSignedOn"):
            a.signed_on = _literal(obj)
        elif name in ("signedAt", "reportedSignedAt"):
            a.signed_at = obj.value
        elif name == "partyCountry":
            a.parties.add(_tail(obj.value))
        elif name == "party":
            a.orgs.add(obj.value)
        elif name == "validFrom":
            a.valid = ("^".join(_literal(obj)), a.valid[1])
        elif name == "validUntil":
            a.valid = (a.valid[0], "^".join(_literal(obj)))
        elif name == "title":
            a.titles[obj.value] = getattr(obj, "language", None)
    for a in found.values():
        meeting = own_meeting.get((a.sha, a.signed_at)) if a.signed_at else None
        a.meeting = meeting_iris.get((a.sha, a.signed_at)) if a.signed_at else None
        day = None
        if meeting is not None and meeting.date is not None and meeting.date[1] == "date":
            day = "^".join(meeting.date)
        a.own_meeting, a.own_day = (meeting.own if meeting is not None else a.signed_at), day
        a.own = _own_agreement_iri(a, agreement_iri)
    _tell_agreements_apart(found.values(), agreement_iri)
    return sorted(found.values(), key=lambda a: (a.sha, a.own, a.stored))


def _tell_agreements_apart(agreements: Iterable[StoredAgreement], agreement_iri: Callable[..., str]) -> None:
    """Two texts of one article with one own IRI (memoranda of one day between the same states) are told
    apart by their titles, as the mapping does (:func:`kg.rdf.agreement_iri`)."""
    for a in _sharing_own_iri(agreements):
        a.own = _own_agreement_iri(a, agreement_iri, title=min(a.titles, default=""))


def _own_agreement_iri(a: StoredAgreement, agreement_iri: Callable[..., str], **extra: Any) -> str:
    """The IRI the mapping gives an agreement from its own article's values (:func:`kg.rdf.agreement_iri`)."""
    return agreement_iri(
        a.sha,
        a.kind,
        sorted(a.parties),
        sorted(a.orgs),
        "^".join(a.signed_on) if a.signed_on else None,
        a.own_meeting,
        a.own_day,
        a.valid,
        **extra,
    )


# ---------------------------------------------------------------- meetings


def kinds_compatible(a: str, b: str) -> bool:
    """Two meeting kinds one event can be reported as: the same, or two kinds of in-person meeting
    (talks, a visit, a ministerial meeting, a dialogue); a phone call or a summit only as itself."""
    return a == b or (a in _IN_PERSON and b in _IN_PERSON)


def _differ(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


#: Two towns this close are one place for a meeting: a conference centre outside a city is
#: reported under either name ("Belek" / "Antalya", 30 km apart).
NEAR_KM = 40.0


def places_near(a: str, b: str) -> bool:
    """Whether two place IRIs name GeoNames cities of one country at most :data:`NEAR_KM` apart."""
    from kg.reference import city_of_place, distance_km

    first, second = city_of_place(a), city_of_place(b)
    if first is None or second is None or first.country != second.country:
        return False
    return distance_km(first, second) <= NEAR_KM


def meeting_conflict(a: StoredMeeting, b: StoredMeeting) -> str | None:
    """Why two reported meetings cannot be one (None when nothing contradicts)."""
    if a.sha == b.sha:
        return "one article"
    if not kinds_compatible(a.kind, b.kind):
        return f"kinds {a.kind} / {b.kind}"
    if not dates_compatible(a.date, b.date):
        return "dates"
    if (a.date is None or b.date is None) and not _overlap(a.window(), b.window()):
        return "article date and status rule the other's date out"
    if _differ(a.place, b.place) and not places_near(a.place, b.place):
        return "place"
    for what in ("venue", "format", "ordinal"):
        if _differ(getattr(a, what), getattr(b, what)):
            return what
    if _one_session(a, b):
        pass  # each report names some of the delegations: "Wang Yi attended" / "Saidov and Muhriddin met there"
    elif a.countries and b.countries and not a.countries & b.countries:
        return "disjoint countries"
    elif a.people and b.people and not a.people & b.people and not (a.format and a.format == b.format):
        return "disjoint people"
    if not (a.format and a.format == b.format or _one_session(a, b)):
        if len(a.countries) >= 2 and len(b.countries) >= 2 and a.countries != b.countries:
            return "different countries"
        if len(a.people) >= 2 and len(b.people) >= 2 and a.people != b.people:
            return "different people"
    if "held" in a.status | b.status and "cancelled" in a.status | b.status:
        return "held and cancelled"
    return None


def _one_session(a: StoredMeeting, b: StoredMeeting) -> bool:
    """Two reports of a ministerial meeting or summit in one town (or one naming some of those the
    other names): each may name only some of the delegations ("the two ministers had last met in
    Almaty at the meeting of foreign ministers of …"), so their participants are not compared."""
    if a.kind != b.kind or a.kind not in _SESSIONS:
        return False
    if a.place and a.place == b.place:
        return True
    if (a.format or b.format) and (a.countries <= b.countries or b.countries <= a.countries):
        return True  # the delegations one names are among those of the format the other names
    small, large = (a, b) if len(a.people) <= len(b.people) else (b, a)
    return small.people < large.people and small.countries <= large.countries and len(large.people) > 2


def meeting_link(a: StoredMeeting, b: StoredMeeting) -> int:
    """How strongly two reports point at one meeting: 3 the same day, 2 compatible dates (and the same
    place, format or two people), 1 one undated (and the same place or format; when both are undated,
    two people or the same edition of a format too); 0 no link."""
    shared_countries = len(a.countries & b.countries)
    need = min(2, len(a.countries), len(b.countries))
    shared_people = len(a.people & b.people)
    participants = (need and shared_countries >= need) or shared_people >= 1
    anchored = any(getattr(a, k) and getattr(a, k) == getattr(b, k) for k in ("place", "format"))
    if a.date and b.date and a.date[1] == b.date[1] == "date" and a.date == b.date:
        if participants and (shared_people >= 2 or shared_countries >= 1 or anchored):
            return 3
        return 3 if anchored and not need else 0
    if not (anchored or shared_people >= 2) or not participants:
        return 0
    if a.date and b.date:
        return 2
    if not anchored:  # an undated report is placed by where (or in which format) it was, not by who
        return 0
    if a.date or b.date:
        return 1
    same_edition = a.format and a.ordinal and a.format == b.format and a.ordinal == b.ordinal
    return 1 if shared_people >= 2 or same_edition else 0


def _meeting_values(group: Sequence[StoredMeeting]) -> dict[str, tuple[str, str]]:
    kinds: dict[str, int] = {}
    for m in group:
        kinds[m.kind] = kinds.get(m.kind, 0) + 1
    rank = {k: i for i, k in enumerate(_KIND_RANK)}
    kind = min(kinds, key=lambda k: (-kinds[k], rank.get(k, len(rank)), k))
    out = {"meetingType": (f"https://w3id.org/dipkg/id/meeting-type/{kind}", "")}
    date = most_precise(m.date for m in group if m.date)
    if date is not None:
        out["date"] = date
    return out


def _years(m: StoredMeeting) -> list[str]:
    """The years a meeting can be in: its date's, else those its article date and status allow."""
    span = m.window()
    if span is None:
        return ["?"]
    return [str(y) for y in range(span[0].year, span[1].year + 1)]


def _meeting_blocks(m: StoredMeeting) -> set[tuple[str, str]]:
    """Keys of the candidate pairs: only reports sharing one can link (the same day; the same place,
    format or two people in a year both can be in)."""
    keys: set[tuple[str, str]] = set()
    if m.date:
        keys.add(("day", "^".join(m.date)))
    anchors = [f"place {m.place}"] if m.place else []
    anchors += [f"format {m.format}"] if m.format else []
    people = sorted(m.people)
    anchors += [f"people {a} {b}" for n, a in enumerate(people) for b in people[n + 1 :]]
    for year in _years(m):
        keys |= {(anchor, year) for anchor in anchors}
    return keys


def _cluster(
    items: Sequence[Any],
    blocks: Callable[[Any], set[tuple[str, str]]],
    conflict: Callable[[Any, Any], str | None],
    link: Callable[[Any, Any], int],
) -> list[list[int]]:
    """Complete-linkage clusters of ``items`` (sorted by own IRI): candidate pairs strongest link first
    (the same own IRI, which the mapping gave them from the same key, first), ties by own IRIs.

    Rules look at an item's values only (and its article, for "one article"), so they are computed
    once per pair of distinct value sets (``item.signature()``): a corpus where one meeting is told
    by hundreds of articles stays fast."""
    sig_ids: dict[Any, int] = {}
    sig = [sig_ids.setdefault(item.signature(), len(sig_ids)) for item in items]
    first = {}
    for i, s in enumerate(sig):
        first.setdefault(s, i)
    conflicts: dict[tuple[int, int], bool] = {}
    links: dict[tuple[int, int], int] = {}

    def contradicts(x: int, y: int) -> bool:
        if items[x].sha == items[y].sha:
            return True
        key = (sig[x], sig[y]) if sig[x] <= sig[y] else (sig[y], sig[x])
        if key not in conflicts:
            a, b = items[first[key[0]]], items[first[key[1]]]
            conflicts[key] = (
                a.sha != b.sha and conflict(a, b) is not None or _same_values_apart(a, b, conflict)
            )
        return conflicts[key]

    def linked(x: int, y: int) -> int:
        if items[x].own == items[y].own:
            return SAME_KEY
        key = (sig[x], sig[y]) if sig[x] <= sig[y] else (sig[y], sig[x])
        if key not in links:
            links[key] = link(items[first[key[0]]], items[first[key[1]]])
        return links[key]

    where: dict[tuple[str, str], list[int]] = {}
    for i, item in enumerate(items):
        for key in {*blocks(item), ("own", item.own)}:
            where.setdefault(key, []).append(i)
    pairs: dict[tuple[int, int], int] = {}
    for members in where.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) not in pairs:
                    pairs[(i, j)] = 0 if contradicts(i, j) else linked(i, j)
    parent = list(range(len(items)))
    group = {i: [i] for i in range(len(items))}
    shas = {i: {items[i].sha} for i in range(len(items))}
    sigs = {i: {sig[i]: i} for i in range(len(items))}  # distinct value sets of a cluster, one member each

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    version = [0] * len(items)
    fit_cache: dict[tuple[int, int, int, int], bool] = {}

    def fits(ri: int, rj: int) -> bool:
        if ri == rj:
            return True
        ri, rj = min(ri, rj), max(ri, rj)
        key = (ri, version[ri], rj, version[rj])
        if key not in fit_cache:
            fit_cache[key] = not shas[ri] & shas[rj] and not any(
                contradicts(x, y) for x in sigs[ri].values() for y in sigs[rj].values()
            )
        return fit_cache[key]

    def join(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri == rj or not fits(ri, rj):
            return
        root, other = min(ri, rj), max(ri, rj)
        parent[other] = root
        version[root] += 1
        group[root] = group[root] + group.pop(other)
        shas[root] |= shas.pop(other)
        for key, member in sigs.pop(other).items():
            sigs[root].setdefault(key, member)

    order = sorted(
        ((score, i, j) for (i, j), score in pairs.items() if score > 0),
        key=lambda t: (-t[0], items[t[1]].own, items[t[2]].own, t[1], t[2]),
    )
    for score, i, j in order:
        if score >= STRONG:
            join(i, j)
    # weak links: judged against the clusters the strong links (same key, same day) made
    partners: dict[int, dict[int, int]] = {}
    for score, i, j in order:
        if score < STRONG:
            partners.setdefault(i, {})[j] = score
            partners.setdefault(j, {})[i] = score
    roots = {i: find(i) for i in range(len(items))}
    decided: dict[tuple[int, int], int | None] = {}

    def best_for(a: int, score: int) -> int | None:
        """The cluster ``a`` is linked to at least this strongly by most of its reports, unless a
        cluster that cannot be one with it is linked by as many (then None: ambiguous). A "March"
        report of talks fits two days of talks in March; it joins the one more articles report."""
        if (a, score) not in decided:
            counts: dict[int, int] = {}
            for k, other in partners.get(a, {}).items():
                if other >= score and roots[k] != roots[a]:
                    counts[roots[k]] = counts.get(roots[k], 0) + 1
            ranked = sorted((r for r in counts if fits(roots[a], r)), key=lambda r: (-counts[r], r))
            best = ranked[0] if ranked else None
            if best is not None and any(counts[r] >= counts[best] and not fits(best, r) for r in ranked[1:]):
                best = None
            decided[(a, score)] = best
        return decided[(a, score)]

    def allowed(a: int, rb: int, score: int) -> bool:
        best = best_for(a, score)
        return best is not None and (best == rb or fits(best, rb))

    weak = [(score, i, j) for score, i, j in order if score < STRONG]
    keep = [(i, j) for score, i, j in weak if allowed(i, roots[j], score) and allowed(j, roots[i], score)]
    for i, j in keep:
        join(i, j)
    return [sorted(members) for _, members in sorted(group.items())]


def _same_values_apart(a: Any, b: Any, conflict: Callable[[Any, Any], str | None]) -> bool:
    """Two reports with the same values from one representative pair of one article: the rule (one
    article) says nothing about the values, so test them as if from two articles."""
    if a.sha != b.sha:
        return False
    other = copy.copy(b)
    other.sha = f"{b.sha}~"
    return conflict(a, other) is not None


def _names(items: Sequence[Any], clusters: list[list[int]]) -> list[str]:
    """The IRI of each cluster: the smallest own IRI of its members. When the mapping gave two reports
    one IRI and the pass keeps them apart (two meetings of one day and place with different people),
    the cluster holding the report of the smallest article keeps it, the others get
    ``<that IRI>-<16 hex of a hash of it and their smallest article>``; a function of the set."""
    names = [min(items[i].own for i in c) for c in clusters]
    claims: dict[str, list[tuple[str, int]]] = {}
    for n, (name, members) in enumerate(zip(names, clusters, strict=True)):
        first = min(items[i].sha for i in members if items[i].own == name)
        claims.setdefault(name, []).append((first, n))
    for name, claimants in claims.items():
        for first, n in sorted(claimants)[1:]:
            digest = hashlib.sha256(f"{name}|{first}".encode()).hexdigest()[:16]
            names[n] = f"{name}-{digest}"
    return names


def cluster_meetings(store: Any, people: dict[tuple[str, str], str]) -> tuple[EventPlan, list[StoredMeeting]]:
    """The plan for every stored meeting: its cluster IRI (the smallest own IRI of the cluster) and the
    one date and kind the cluster keeps. ``people``: (sha, stored person IRI) -> resolved IRI."""
    items = read_meetings(store, people)
    iris: dict[tuple[str, str], str] = {}
    chosen: dict[str, dict[str, tuple[str, str]]] = {}
    clusters = _cluster(items, _meeting_blocks, meeting_conflict, meeting_link)
    for members, iri in zip(clusters, _names(items, clusters), strict=True):
        group = [items[i] for i in members]
        chosen[iri] = _meeting_values(group)
        for m in group:
            iris[(m.sha, m.stored)] = iri
    return EventPlan(iris, chosen), items


# ---------------------------------------------------------------- agreements


@dataclass(frozen=True)
class TitleSubjects:
    """``agreement_subjects.json`` folded for lookup: per language the compound heads (with their endings,
    longest first) and, per folded word form, the subjects it names (``"@peace"``)."""

    heads: dict[str, tuple[str, ...]]
    subjects: dict[str, frozenset[str]]


def _subjects_error(path: Any, what: str) -> Exception:
    from kg.errors import KgError

    return KgError(f"{path}: {what}")


@lru_cache(maxsize=1)
def title_subjects() -> TitleSubjects:
    """The shipped subjects of agreement titles (``data/lexicon/agreement_subjects.json``), read once."""
    from kg.reference import load_lexicon

    path, data = load_lexicon(SUBJECTS_FILE)
    heads_in, subjects_in = (
        data.get(k) if isinstance(data, dict) else None for k in ("compound_heads", "subjects")
    )
    if not isinstance(heads_in, dict) or not isinstance(subjects_in, dict):
        raise _subjects_error(
            path, 'expected {"compound_heads": {LANG: [...]}, "subjects": {SUBJECT: [...]}}'
        )

    def folded(form: Any, where: str) -> str:
        if not isinstance(form, str) or not _WORD.fullmatch(form):
            raise _subjects_error(path, f"{where}: {form!r} is not one word")
        return skeleton_tokens(form)[0]

    heads = {}
    for lang, words in heads_in.items():
        if not isinstance(words, list):
            raise _subjects_error(path, f"compound_heads.{lang}: expected a list of words")
        forms = {
            skeleton_tokens(folded(w, f"compound_heads.{lang}") + end)[0]
            for w in words
            for end in _INFLECTIONS
        }
        heads[lang] = tuple(sorted(forms, key=lambda f: (-len(f), f)))
    subjects: dict[str, set[str]] = {}
    for subject, forms in subjects_in.items():
        if not isinstance(forms, list) or not forms:
            raise _subjects_error(path, f"subjects.{subject}: expected a list of word forms")
        for form in forms:
            subjects.setdefault(folded(form, f"subjects.{subject}"), set()).add(f"@{subject}")
    return TitleSubjects(heads, {form: frozenset(names) for form, names in subjects.items()})


def subject_words(title: str, lang: str | None) -> frozenset[str]:
    """What a title is about: its words less document kinds, ministries and grammar (``_TITLE_STOP``),
    folded (``kg.translit``: "Bakhty"/"Bachty" meet), a German compound less its document head
    ("Konsultationsplan" -> "Konsultation(s)"), and each word a subject of the shipped list names as
    that subject ("consultations", "Konsultationen" -> ``@consultation``; "Friedens" -> ``@peace``)."""
    lexicon = title_subjects()
    heads = lexicon.heads.get(lang or "", ())
    out: set[str] = set()
    for token in skeleton_tokens(" ".join(_WORD.findall(title))):
        if token in _TITLE_STOP or token in heads:
            continue
        head = next((h for h in heads if token.endswith(h) and len(token) - len(h) >= _MIN_STEM), None)
        stem = token[: -len(head)] if head else token
        for form in (stem, stem[:-1]) if head and stem.endswith("s") else (stem,):  # "Konsultation-s-plan"
            if form in lexicon.subjects:
                out |= lexicon.subjects[form]
                break
        else:
            if len(stem) >= 4 and stem not in _TITLE_STOP:
                out.add(stem)
    return frozenset(out)


def _title_words(a: StoredAgreement) -> dict[str | None, frozenset[str]]:
    if a.words is None:
        out: dict[str | None, set[str]] = {}
        for title, lang in a.titles.items():
            out.setdefault(lang, set()).update(subject_words(title, lang))
        a.words = {lang: frozenset(words) for lang, words in out.items()}
    return a.words


def _subjects(a: StoredAgreement) -> frozenset[str]:
    return frozenset().union(*_title_words(a).values())


def _month_known(value: tuple[str, str] | None) -> bool:
    year, month, _ = date_parts(*value) if value else (None, None, None)
    return year is not None and month is not None


def _shared_words(a: StoredAgreement, b: StoredAgreement) -> tuple[int, bool]:
    """Content words the titles share, and whether two titles of one language share none."""
    wa, wb = _title_words(a), _title_words(b)
    shared = len(set().union(*wa.values(), set()) & set().union(*wb.values(), set()))
    same_lang_apart = any(wa[lang] and wb.get(lang) and not wa[lang] & wb[lang] for lang in wa if lang)
    return shared, same_lang_apart and not shared


def agreement_kinds_compatible(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in _AGREEMENT_PAIRS


def agreement_conflict(a: StoredAgreement, b: StoredAgreement) -> str | None:
    """Why two reported agreements cannot be one document (None when nothing contradicts)."""
    if a.sha == b.sha:
        return "one article"
    if not agreement_kinds_compatible(a.kind, b.kind):
        return f"kinds {a.kind} / {b.kind}"
    if a.parties and b.parties and a.parties != b.parties:
        return "parties"
    if a.orgs and b.orgs and a.orgs != b.orgs:
        return "party organisations"
    if not dates_compatible(a.signed_on, b.signed_on):
        return "signing dates"
    if any(x and y and x != y for x, y in zip(a.valid, b.valid, strict=True)):
        return "periods of validity"  # a plan for 2025-2026 is not the plan for 2027-2028
    shared, apart = _shared_words(a, b)
    if apart:
        return "titles of one language with no word in common"
    same_day = bool(a.signed_on and a.signed_on[1] == "date" and a.signed_on == b.signed_on)
    if a.meeting and b.meeting and a.meeting != b.meeting and shared < 2 and not same_day:
        return "signed at two meetings"  # on one day, two meetings of one visit (talks, a reception) may be named
    return None


def agreement_link(a: StoredAgreement, b: StoredAgreement) -> int:
    """3 the same signing day or meeting and the same parties; 2 two subjects of the title in common, or the
    same kind among the same three or more parties, or the same kind and parties, both signed in a known
    month (compatible), and every subject of one title among the other's."""
    shared, _ = _shared_words(a, b)
    same_parties = bool(a.parties) and a.parties == b.parties
    same_day = bool(a.signed_on and b.signed_on and a.signed_on[1] == "date" and a.signed_on == b.signed_on)
    same_meeting = bool(a.meeting) and a.meeting == b.meeting
    if same_parties and (same_day or same_meeting):
        return 3
    if shared >= 2 and (same_parties or not (a.parties and b.parties)):
        return 2
    if a.kind == b.kind and same_parties and _month_known(a.signed_on) and _month_known(b.signed_on):
        # "der im März vereinbarte Konsultationsplan" / "a plan of consultations between their ministries",
        # signed 4 March: all one title is about is in the other's, in the same month
        small, large = sorted((_subjects(a), _subjects(b)), key=len)
        if small and small <= large:
            return 2
    if same_parties and len(a.parties) >= 3 and a.kind == b.kind:  # "a treaty … China and all five states"
        return 2
    return 0


def _agreement_blocks(a: StoredAgreement) -> set[tuple[str, str]]:
    keys = {("parties", ",".join(sorted(a.parties)))} if a.parties else set()
    keys |= {("word", w) for words in _title_words(a).values() for w in words}
    return keys


def _agreement_values(group: Sequence[StoredAgreement]) -> dict[str, tuple[str, str]]:
    kinds: dict[str, int] = {}
    meetings: dict[str, int] = {}
    for a in group:
        kinds[a.kind] = kinds.get(a.kind, 0) + 1
        if a.meeting:
            meetings[a.meeting] = meetings.get(a.meeting, 0) + 1
    kind = min(kinds, key=lambda k: (-kinds[k], k))
    out = {"agreementType": (f"https://w3id.org/dipkg/id/agreement-type/{kind}", "")}
    date = most_precise(a.signed_on for a in group if a.signed_on)
    if date is not None:
        out["signedOn"] = date
    if meetings:
        out["signedAt"] = (min(meetings, key=lambda m: (-meetings[m], m)), "")
    return out


def cluster_agreements(
    store: Any, meetings: Sequence[StoredMeeting], meeting_iris: dict[tuple[str, str], str]
) -> EventPlan:
    """The plan for every stored agreement: its cluster IRI and the one kind, signing date and
    meeting of signature the cluster keeps (the meeting as a cluster IRI of ``meeting_iris``)."""
    items = read_agreements(store, meetings, meeting_iris)
    iris: dict[tuple[str, str], str] = {}
    chosen: dict[str, dict[str, tuple[str, str]]] = {}
    clusters = _cluster(items, _agreement_blocks, agreement_conflict, agreement_link)
    for members, iri in zip(clusters, _names(items, clusters), strict=True):
        group = [items[i] for i in members]
        chosen[iri] = _agreement_values(group)
        for a in group:
            iris[(a.sha, a.stored)] = iri
    return EventPlan(iris, chosen)


def reported_predicate(name: str, value: tuple[str, str], chosen: dict[str, tuple[str, str]]) -> str:
    """``name`` when ``value`` is the one the cluster keeps (or it keeps none), else its attestation."""
    kept = chosen.get(name)
    return name if kept is None or kept == value else REPORTED[name]
