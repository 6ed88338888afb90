"""Office attestations: per holder, office and day, what the articles of that day say and until when.

"Who held ROLE of COUNTRY on DATE" (``queries/role-holder-on-date.rq``) asks, for the articles, which
person the latest article on or before the day calls the current holder, unless a later article up
to the day calls someone else the holder or calls the person "former". Answered from the Positions
directly, that is a join of every attestation of the office with every later one: seconds on a
large store. This module computes it once, for every office and day, when the derived graph is
derived (:func:`kg.derive.derived_quads`), by sorting each office's days instead of joining them:

``dip:OfficeAttestation`` (``dipr:office-attestation/<md5 of person, role and country IRIs and the
day>``) in ``…/graph/derived``: a person (``dip:holder``) whom Positions without any qualifier of
one day (``dip:attestedOn``) give a role (``dip:roleType``) for a country (``dip:ofCountry``), the
number of articles of that day that do (``dip:articleCount``), and the first later day on which a
Position without qualifier gives the office to someone else or one qualified "former" is about
this person (``dip:supersededOn``, absent when there is none). The attestation answers for every day
``D`` with ``attestedOn <= D < supersededOn``: a few hundred nodes for the busiest office to filter,
against tens of thousands of joined rows.

The same Positions as the direct query are read: ``dip:Position`` with ``dip:holder``,
``dip:roleType``, ``dip:ofCountry`` and ``dip:attestedOn`` (an ``xsd:date``, the article's day);
an attestation needs its article (``dip:evidence/dip:article``) too.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode, Quad

from kg.vocab import DIP, DIPR, PREFIXES, RDF, XSD

if TYPE_CHECKING:
    from kg.store import Store

__all__ = ["OfficeAttestation", "office_attestation_quads", "office_attestations"]

_POSITIONS = f"""
PREFIX dip: <{PREFIXES["dip"]}>
SELECT ?person ?role ?country ?on ?qualifier ?article WHERE {{
  ?fact a dip:Position ; dip:holder ?person ; dip:roleType ?role ; dip:ofCountry ?country ;
        dip:attestedOn ?on .
  OPTIONAL {{ ?fact dip:qualifier ?qualifier }}
  OPTIONAL {{ ?fact dip:evidence/dip:article ?article }}
}}
"""

Office = tuple[str, str]  # role IRI, country IRI


@dataclass(frozen=True, order=True)
class OfficeAttestation:
    """``person`` held ``role`` of ``country`` on ``day`` by ``articles`` articles, until ``superseded_on``
    (the first later day someone else is called the holder or the person "former"; None if never).
    IRIs and days (``YYYY-MM-DD``) as strings."""

    role: str
    country: str
    day: str
    person: str
    articles: int
    superseded_on: str | None


def office_attestations(store: Store | Any) -> list[OfficeAttestation]:
    """Every office attestation of the store's merged graph, sorted: one SELECT, then one pass over
    each office's days in order."""
    articles: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)  # (role, country, person, day)
    holders_on: dict[Office, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # day -> persons
    former_on: dict[tuple[str, str, str], list[str]] = defaultdict(list)  # (role, country, person) -> days
    for row in store.select(_POSITIONS):
        person, role, country, on = row["person"], row["role"], row["country"], row["on"]
        if not all(isinstance(t, NamedNode) for t in (person, role, country)):
            continue
        if not isinstance(on, Literal) or on.datatype != XSD.date:
            continue
        qualifier, article = row.get("qualifier"), row.get("article")
        office, day = (role.value, country.value), on.value
        if qualifier is None:
            holders_on[office][day].add(person.value)
            if article is not None:
                articles[(*office, person.value, day)].add(str(article))
        elif isinstance(qualifier, Literal) and qualifier.value == "former":
            former_on[(*office, person.value)].append(day)
    next_other = {office: _next_other_day(days) for office, days in holders_on.items()}
    for days in former_on.values():
        days.sort()
    result = []
    for (role, country, person, day), found in articles.items():
        ends = []
        other = next_other[(role, country)](day, person)
        if other is not None:
            ends.append(other)
        gone = former_on.get((role, country, person), [])
        at = bisect_right(gone, day)
        if at < len(gone):
            ends.append(gone[at])
        result.append(OfficeAttestation(role, country, day, person, len(found), min(ends) if ends else None))
    return sorted(result)


def _next_other_day(holders_on: dict[str, set[str]]) -> Callable[[str, str], str | None]:
    """For one office: a function giving, for a day and a person, the first later day on which
    someone else is called the holder (None if none). Runs of days with one and the same sole
    holder are skipped in one step, so each lookup is a bisection."""
    days = sorted(holders_on)
    sole = [next(iter(holders_on[d])) if len(holders_on[d]) == 1 else None for d in days]
    run_end = list(range(len(days)))  # index of the last day of the run of the same sole holder
    for i in range(len(days) - 2, -1, -1):
        if sole[i] is not None and sole[i] == sole[i + 1]:
            run_end[i] = run_end[i + 1]

    def lookup(day: str, person: str) -> str | None:
        j = bisect_right(days, day)
        if j < len(days) and sole[j] == person:
            j = run_end[j] + 1
        return days[j] if j < len(days) else None

    return lookup


def office_attestation_quads(store: Store | Any, graph: NamedNode) -> list[Quad]:
    """The ``dip:OfficeAttestation`` quads of :func:`office_attestations`, in ``graph``."""
    quads = []
    for a in office_attestations(store):
        key = f"{a.person} {a.role} {a.country} {a.day}"
        node = NamedNode(f"{DIPR}office-attestation/{hashlib.md5(key.encode()).hexdigest()}")  # noqa: S324
        quads += [
            Quad(node, RDF.type, DIP.OfficeAttestation, graph),
            Quad(node, DIP.holder, NamedNode(a.person), graph),
            Quad(node, DIP.roleType, NamedNode(a.role), graph),
            Quad(node, DIP.ofCountry, NamedNode(a.country), graph),
            Quad(node, DIP.attestedOn, Literal(a.day, datatype=XSD.date), graph),
            Quad(node, DIP.articleCount, Literal(str(a.articles), datatype=XSD.integer), graph),
        ]
        if a.superseded_on is not None:
            quads.append(Quad(node, DIP.supersededOn, Literal(a.superseded_on, datatype=XSD.date), graph))
    return quads
