"""Reading the store into a networkx graph: the facts and the entities they reference.

:func:`build_network` reads the union of all graphs with SPARQL (``DISTINCT``
everywhere: Oxigraph's union of named graphs is a multiset) and returns a
:class:`networkx.MultiDiGraph`. Its nodes are the fact nodes (Meeting, Agreement,
DiplomaticMission, Statistic) and the entities those facts reference (Person,
Country, Format, Place, Organization), plus every person that holds a position
and the country of that position; an entity nothing mentions is left out.

Node attributes:

* ``cls``: the class name without prefix (``"Person"``);
* ``label``: the ``rdfs:label`` in the requested language, else English, else
  untagged, else any; a fact without a label gets one made from its type, date
  and figures;
* ``info``: plain-text lines for the tooltip (class and label, the prefixed IRI,
  roles, members, dates, status);
* ``evidence``: keys into ``graph.graph["evidence"]`` (a fact's own IRI);
* ``names``: every label, alternative label, ISO code and Wikidata id, for
  ``--focus``;
* facts also have ``type`` (the concept's last path segment, ``"summit"``),
  ``status``, ``date`` (as written), ``span`` (first and last day the date can
  mean, ISO strings, or None) and, for formats, ``members``.

Edge keys name the relation in English (``"participant"``, ``"signed at"``,
``"foreign minister of"``); ``label`` is the same in the requested language and
``evidence`` holds the keys of the facts behind the edge.

``graph.graph`` holds ``evidence`` (key -> list of ``(sentence, article IRI)``),
``articles`` (article IRI -> :class:`ArticleRef`), ``entities`` (entities that
only reference data mentions, such as the members of a format, with ``cls``,
``label`` and ``names``), ``types`` (concept tail -> class it types) and ``lang``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import networkx as nx
import pyoxigraph

from kg.viz.text import amount, date, ordinal, word
from kg.vocab import PREFIXES, shorten

__all__ = ["ENTITY_CLASSES", "FACT_CLASSES", "ArticleRef", "build_network", "date_span", "local_name"]

FACT_CLASSES = ("Meeting", "Agreement", "DiplomaticMission", "Statistic")
ENTITY_CLASSES = ("Person", "Country", "Format", "Place", "Organization")

_MAX_SENTENCE = 400
_WD = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class ArticleRef:
    """An article as the view cites it: its title, publisher, web address and where it was read from."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    source: str | None = None
    issued: str | None = None


class _Link(NamedTuple):
    subject_cls: str
    predicate: str  # local name in dip:
    key: str
    reverse: bool  # draw the edge object -> subject
    object_cls: str


_LINKS = (
    _Link("Meeting", "participant", "participant", True, "Person"),
    _Link("Meeting", "format", "format", False, "Format"),
    _Link("Meeting", "location", "held in", False, "Place"),
    _Link("Meeting", "participantCountry", "participant country", False, "Country"),
    _Link("Meeting", "venueCountry", "venue country", False, "Country"),
    _Link("Agreement", "partyCountry", "party", False, "Country"),
    _Link("Agreement", "party", "party", False, "Organization"),
    _Link("Agreement", "signedAt", "signed at", False, "Meeting"),
    _Link("DiplomaticMission", "sendingCountry", "sending country", False, "Country"),
    _Link("DiplomaticMission", "hostCountry", "host country", False, "Country"),
    _Link("DiplomaticMission", "location", "located in", False, "Place"),
    _Link("Statistic", "concerns", "concerns", False, "Country"),
)

_FACTS_QUERY = """
SELECT DISTINCT ?node ?cls WHERE {
  VALUES ?cls { dip:Meeting dip:Agreement dip:DiplomaticMission dip:Statistic }
  ?node a ?cls .
}"""

_LINKS_QUERY = """
SELECT DISTINCT ?s ?cls ?p ?o WHERE {
  VALUES ?cls { dip:Meeting dip:Agreement dip:DiplomaticMission dip:Statistic }
  VALUES ?p {
    dip:participant dip:format dip:location dip:participantCountry dip:venueCountry dip:partyCountry
    dip:party dip:signedAt dip:sendingCountry dip:hostCountry dip:concerns
  }
  ?s a ?cls ; ?p ?o .
  FILTER(isIRI(?o))
}"""

_POSITIONS_QUERY = """
SELECT DISTINCT ?pos ?person ?role ?country ?qualifier WHERE {
  ?pos a dip:Position ; dip:holder ?person .
  OPTIONAL { ?pos dip:roleType ?role }
  OPTIONAL { ?pos dip:ofCountry ?country }
  OPTIONAL { ?pos dip:qualifier ?qualifier }
}"""

_ATTRIBUTES_QUERY = """
SELECT DISTINCT ?node ?p ?v WHERE {
  VALUES ?p {
    dip:meetingType dip:date dip:ordinal dip:status dip:agreementType dip:title dip:signedOn
    dip:validFrom dip:validUntil dip:missionType dip:statisticType dip:value dip:currency dip:year
    dip:isoCode dip:inCountry dip:member
  }
  ?node ?p ?v .
}"""

_LABELS_QUERY = """
SELECT DISTINCT ?node ?p ?label WHERE {
  VALUES ?p { rdfs:label skos:altLabel }
  ?node ?p ?label .
  FILTER(isLiteral(?label))
}"""

_CLASSES_QUERY = """
SELECT DISTINCT ?node ?cls WHERE {
  VALUES ?cls { dip:Country dip:Person dip:Place dip:Format dip:Organization }
  ?node a ?cls .
}"""

_SAME_AS_QUERY = """
SELECT DISTINCT ?node ?other WHERE { ?node owl:sameAs ?other . FILTER(isIRI(?other)) }"""

_CONCEPTS_QUERY = """
SELECT DISTINCT ?concept ?label WHERE {
  ?concept skos:prefLabel ?label .
}"""

_EVIDENCE_QUERY = """
SELECT DISTINCT ?fact ?sentence ?article WHERE {
  ?fact dip:evidence ?evidence .
  ?evidence dip:sentence ?sentence .
  OPTIONAL { ?evidence dip:article ?article }
}"""

_ARTICLES_QUERY = """
SELECT DISTINCT ?article ?title ?publisher ?url ?source ?issued WHERE {
  ?article a dip:Article .
  OPTIONAL { ?article dct:title ?title }
  OPTIONAL { ?article dip:publisher ?publisher }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?article dip:source ?source }
  OPTIONAL { ?article dct:issued ?issued }
}"""

_CONCEPT_CLASS = {
    "meeting-type": "Meeting",
    "agreement-type": "Agreement",
    "mission-type": "DiplomaticMission",
    "statistic-type": "Statistic",
}
_STATUS_VALUES = ("held", "planned", "cancelled", "signed", "adopted", "opened", "agreed", "closed")


# ---------------------------------------------------------------- reading the store


def build_network(store: Any, *, lang: str = "en") -> nx.MultiDiGraph:
    """The network of facts and the entities they reference, read from the union of all graphs.

    ``store`` is a :class:`kg.store.Store` or a :class:`pyoxigraph.Store` (read as the
    union of its named graphs); ``lang`` picks the labels (falling back to English).
    """
    graph = nx.MultiDiGraph(lang=lang)
    for row in _select(store, _FACTS_QUERY):
        graph.add_node(row["node"], cls=local_name(row["cls"]))

    links = {(link.subject_cls, link.predicate): link for link in _LINKS}
    for row in _select(store, _LINKS_QUERY):
        link = links.get((local_name(row["cls"]), local_name(row["p"])))
        if link is None or graph.nodes[row["s"]].get("cls") != link.subject_cls:
            continue
        _add_entity(graph, row["o"], link.object_cls)
        source, target = (row["o"], row["s"]) if link.reverse else (row["s"], row["o"])
        graph.add_edge(source, target, key=link.key, label=word(link.key, lang), evidence=[row["s"]])

    concepts = _best_labels(_select(store, _CONCEPTS_QUERY), key="concept", lang=lang)
    roles: dict[str, set[tuple[str, str | None, str | None]]] = defaultdict(set)
    position_edges: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for row in _select(store, _POSITIONS_QUERY):
        person, country = row["person"], row.get("country")
        role = concepts.get(row["role"]) or _tail(row["role"]) if row.get("role") else word("position", lang)
        qualifier = row.get("qualifier")
        _add_entity(graph, person, "Person")
        roles[person].add((role, qualifier, country))
        if country is not None:
            _add_entity(graph, country, "Country")
            role_name = _tail(row["role"]) if row.get("role") else "position"
            english = f"{qualifier + ' ' if qualifier else ''}{role_name} of"
            shown = word("{role} of", lang, role=_qualified(role, qualifier, lang))
            position_edges[(person, country, english, shown)].append(row["pos"])
    for (person, country, english, shown), positions in position_edges.items():
        graph.add_edge(person, country, key=english, label=shown, evidence=sorted(positions))

    attributes: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in _select(store, _ATTRIBUTES_QUERY):
        attributes[row["node"]][local_name(row["p"])].append(row["v"])
    for values in attributes.values():
        for name in values:
            values[name].sort()

    facts_and_positions = set(graph) | {p for positions in position_edges.values() for p in positions}
    evidence: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for row in _select(store, _EVIDENCE_QUERY):
        if row["fact"] in facts_and_positions:
            evidence[row["fact"]].add((_plain(row["sentence"], limit=_MAX_SENTENCE), row.get("article")))
    graph.graph["evidence"] = {
        key: sorted(lines, key=lambda line: (line[0], line[1] or "")) for key, lines in evidence.items()
    }
    cited = {article for lines in evidence.values() for _, article in lines if article}
    graph.graph["articles"] = _articles(store, cited)

    entity_classes = {row["node"]: local_name(row["cls"]) for row in _select(store, _CLASSES_QUERY)}
    mentioned = set(graph) | set(entity_classes)
    label_rows = [row for row in _select(store, _LABELS_QUERY) if row["node"] in mentioned]
    labels = _best_labels((row for row in label_rows if row["p"].endswith("#label")), key="node", lang=lang)
    names: dict[str, set[str]] = defaultdict(set)
    for row in label_rows:
        names[row["node"]].add(row["label"])
    for row in _select(store, _SAME_AS_QUERY):
        if row["node"] in mentioned and row["other"].startswith(_WD):
            names[row["node"]].add(row["other"][len(_WD) :])
    for node in mentioned:
        for iso in attributes.get(node, {}).get("isoCode", ()):
            names[node].add(iso)

    for node, data in graph.nodes(data=True):
        if data["cls"] not in FACT_CLASSES:
            data["label"] = labels.get(node) or _tail(node)
    for node, data in graph.nodes(data=True):
        values = attributes.get(node, {})
        data["names"] = sorted(names.get(node, ()))
        data["evidence"] = [node] if node in graph.graph["evidence"] else []
        if data["cls"] in FACT_CLASSES:
            data["label"] = labels.get(node) or _fact_label(graph, node, values, concepts, lang)
            data["type"] = _fact_type(data["cls"], values)
            data["status"] = _first(values, "status")
            data["date"] = _fact_date(graph, node, values, attributes)
            data["span"] = date_span(data["date"]) if data["date"] else None
        if data["cls"] == "Format":
            data["members"] = list(values.get("member", ()))

    graph.graph["entities"] = {
        iri: {
            "cls": cls,
            "label": labels.get(iri) or _tail(iri),
            "names": sorted(names[iri]),
            "members": list(attributes.get(iri, {}).get("member", ())),
        }
        for iri, cls in sorted(entity_classes.items())
        if iri not in graph
    }

    def label_of(iri: str) -> str:
        if iri in graph:
            return graph.nodes[iri]["label"]
        return graph.graph["entities"].get(iri, {}).get("label") or labels.get(iri) or _tail(iri)

    for node, data in graph.nodes(data=True):
        data["info"] = _info(data, node, attributes.get(node, {}), roles.get(node, set()), label_of, lang)
    for source, target, data in graph.edges(data=True):
        data["header"] = f"{label_of(source)} \u2014 {data['label']} \u2014 {label_of(target)}"
    graph.graph["types"] = {
        local_name(concept): _CONCEPT_CLASS[scheme]
        for concept in concepts
        if (scheme := _scheme(concept)) in _CONCEPT_CLASS
    }
    graph.graph["lang"] = lang
    return graph


def _select(store: Any, query: str) -> Iterator[dict[str, str]]:
    """Rows of a SELECT over the union of all graphs, each term as its string value.

    A language tag comes as ``name + "@"``.
    """
    if isinstance(store, pyoxigraph.Store):
        solutions = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    else:  # kg.store.Store: its merged default graph is the union, each triple once
        solutions = store.query(query, prefixes=PREFIXES)
    names = [variable.value for variable in solutions.variables]
    for solution in solutions:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = term.value
                if isinstance(term, pyoxigraph.Literal) and term.language:
                    row[name + "@"] = term.language.lower()
        yield row


def _articles(store: Any, cited: set[str]) -> dict[str, ArticleRef]:
    found: dict[str, dict[str, str]] = {}
    for row in _select(store, _ARTICLES_QUERY):
        if row["article"] not in cited:
            continue
        seen = found.setdefault(row["article"], {})
        for name in ("title", "publisher", "url", "source", "issued"):
            if row.get(name) and (name not in seen or row[name] < seen[name]):
                seen[name] = _plain(row[name], limit=300)
    return {article: ArticleRef(**found.get(article, {})) for article in sorted(cited)}


def _add_entity(graph: nx.MultiDiGraph, node: str, cls: str) -> None:
    if node not in graph:
        graph.add_node(node, cls=cls)


def _best_labels(rows: Iterable[dict[str, str]], *, key: str, lang: str) -> dict[str, str]:
    """One label per node: ``lang`` first, then English, then untagged, then any other (deterministic)."""
    ranked: dict[str, tuple[int, str, str]] = {}
    for row in rows:
        tag = row.get("label@", "")
        base = tag.split("-", 1)[0]
        rank = 0 if base == lang else 1 if base == "en" else 2 if not tag else 3
        candidate = (rank, tag, row["label"])
        node = row[key]
        if node not in ranked or candidate < ranked[node]:
            ranked[node] = candidate
    return {node: label for node, (_, _, label) in ranked.items()}


def local_name(iri: str) -> str:
    """The last segment of an IRI: ``…/ontology#Meeting`` -> ``"Meeting"``, ``…/role/president`` -> ``"president"``."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _scheme(iri: str) -> str:
    parts = iri.rstrip("/").rsplit("/", 2)
    return parts[-2] if len(parts) == 3 else ""


def _tail(iri: str) -> str:
    """``…/person/wang-yi`` -> ``"wang yi"``; ``…/country/KZ`` -> ``"KZ"``."""
    return local_name(iri).replace("-", " ")


def _curie(iri: str) -> str:
    return shorten(iri)


def _plain(text: str, *, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _first(values: dict[str, list[str]], name: str) -> str | None:
    found = values.get(name)
    return found[0] if found else None


def _qualified(role: str, qualifier: str | None, lang: str) -> str:
    return f"{word(qualifier, lang)} {role}" if qualifier else role


def _fact_type(cls: str, values: dict[str, list[str]]) -> str | None:
    name = {
        "Meeting": "meetingType",
        "Agreement": "agreementType",
        "DiplomaticMission": "missionType",
        "Statistic": "statisticType",
    }[cls]
    found = _first(values, name)
    return local_name(found) if found else None


def _fact_date(
    graph: nx.MultiDiGraph,
    node: str,
    values: dict[str, list[str]],
    attributes: dict[str, dict[str, list[str]]],
) -> str | None:
    """A meeting's date; an agreement's signing date, else the date of the meeting it was signed at;
    a figure's year."""
    found = _first(values, "date") or _first(values, "signedOn") or _first(values, "year")
    if found:
        return found
    for _, meeting, key in graph.out_edges(node, keys=True):
        if key == "signed at":
            found = _first(attributes.get(meeting, {}), "date")
            if found:
                return found
    return None


_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def date_span(lexical: str) -> tuple[str, str] | None:
    """First and last day an XSD date value can mean: ``"2025-08"`` -> ``("2025-08-01", "2025-08-31")``.

    ``xsd:date`` (and a dateTime's date), ``gYearMonth`` and ``gYear`` have a span;
    ``gMonthDay`` (no year) and anything else give None.
    """
    text = lexical.strip()
    match = re.match(r"(-?\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?=$|[T+Z]|-\d\d:)", text)
    if not match or text.startswith("--"):
        return None
    year, month, day = match[1], match[2], match[3]
    if month and not 1 <= int(month) <= 12:
        return None
    if day:
        return (f"{year}-{month}-{day}", f"{year}-{month}-{day}")
    if month:
        last = _DAYS[int(month) - 1]
        if int(month) == 2 and not (int(year) % 4 == 0 and (int(year) % 100 != 0 or int(year) % 400 == 0)):
            last = 28
        return (f"{year}-{month}-01", f"{year}-{month}-{last:02d}")
    return (f"{year}-01-01", f"{year}-12-31")


def _fact_label(
    graph: nx.MultiDiGraph,
    node: str,
    values: dict[str, list[str]],
    concepts: dict[str, str],
    lang: str,
) -> str:
    cls = graph.nodes[node]["cls"]

    def concept(name: str, default: str) -> str:
        found = _first(values, name)
        return (concepts.get(found) or _tail(found)) if found else word(default, lang)

    def neighbour(key: str) -> str | None:
        targets = sorted(graph.nodes[t]["label"] for _, t, k in graph.out_edges(node, keys=True) if k == key)
        return ", ".join(targets) if targets else None

    if cls == "Meeting":
        text = concept("meetingType", "meeting")
        number = _first(values, "ordinal")
        if number and number.isdigit():
            text = f"{ordinal(int(number), lang)} {text}"
        when = _first(values, "date")
        return f"{text} ({date(when, lang)})" if when else text
    if cls == "Agreement":
        text = _first(values, "title") or concept("agreementType", "agreement")
        start, end = _first(values, "validFrom"), _first(values, "validUntil")
        if start or end:
            text += f" ({start or '?'}\u2013{end or '?'})"
        return text
    if cls == "DiplomaticMission":
        text = concept("missionType", "mission")
        sending = neighbour("sending country")
        where = neighbour("located in") or neighbour("host country")
        if sending:
            text = word("{what} of {country}", lang, what=text, country=sending)
        if where:
            text = word("{what} in {place}", lang, what=text, place=where)
        return text
    text = concept("statisticType", "statistic")
    year, value = _first(values, "year"), _first(values, "value")
    text += f" {year}" if year else ""
    if value:
        currency = _first(values, "currency")
        text += f": {amount(value, lang)}" + (f" {currency}" if currency else "")
    return text


def _info(
    data: dict,
    node: str,
    values: dict[str, list[str]],
    roles: set[tuple[str, str | None, str | None]],
    label_of,
    lang: str,
) -> list[str]:
    """Plain-text lines about one node (its evidence is added where it is shown)."""
    lines = [f"{word(data['cls'], lang)}: {data['label']}", _curie(node)]
    if data["cls"] == "Person" and roles:
        lines.append(word("Roles", lang) + ":")
        for role, qualifier, country in sorted(roles, key=lambda r: (r[0], r[1] or "", r[2] or "")):
            text = _qualified(role, qualifier, lang)
            lines.append(
                "  " + (word("{role} of", lang, role=text) + f" {label_of(country)}" if country else text)
            )
    if data["cls"] == "Country" and _first(values, "isoCode"):
        lines.append(f"{word('ISO code', lang)}: {_first(values, 'isoCode')}")
    if data["cls"] == "Place" and values.get("inCountry"):
        lines.append(word("in", lang) + " " + ", ".join(sorted(label_of(c) for c in values["inCountry"])))
    if data["cls"] == "Format" and values.get("member"):
        lines.append(f"{word('Members', lang)}: " + ", ".join(sorted(label_of(c) for c in values["member"])))
    if data["cls"] in FACT_CLASSES:
        for name, caption in (
            ("date", "Date"),
            ("signedOn", "Signed on"),
            ("status", "Status"),
            ("validFrom", "Valid from"),
            ("validUntil", "Valid until"),
        ):
            if values.get(name):
                shown = [word(v, lang) if v in _STATUS_VALUES else date(v, lang) for v in values[name]]
                lines.append(f"{word(caption, lang)}: {', '.join(shown)}")
    return lines
