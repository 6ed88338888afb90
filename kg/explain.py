"""``kg explain ENTITY``: why a person (or a meeting, an agreement) is the node it is.

For a person: its IRI and canonical name, the names as each article writes them, the
``dip:ResolutionDecision`` nodes that merged spellings into it or kept others apart (score and
reasons), and the merge-file pins and forbids that applied. For another node: its labels and the
articles whose evidence supports it.

ENTITY is an IRI (``dipr:person/…`` or full), a Wikidata id (``Q7747``) or a name as written
(transliteration variants find the same person).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.vocab import DIPR, WD, shorten

__all__ = ["Explanation", "explain", "format_explanation"]

_QID = re.compile(r"^Q\d+$")
_PREFIXES = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


@dataclass(frozen=True)
class DecisionView:
    article: str
    name: str
    outcome: str
    compared: str
    candidate: str
    resolved_to: str
    score: str
    reasons: tuple[str, ...]


@dataclass
class Explanation:
    iri: str
    kind: str
    canonical: str | None = None
    wikidata: str | None = None
    names: dict[str, set[str]] = field(default_factory=dict)  # "name"@lang -> article sources
    articles: set[str] = field(default_factory=set)
    decisions: list[DecisionView] = field(default_factory=list)


def _iri(text: str) -> str | None:
    if text.startswith("dipr:"):
        return DIPR + text[len("dipr:") :]
    if text.startswith(("http://", "https://")):
        return text
    return None


def _candidates(store: Any, entity: str, resolver: Any) -> list[str]:
    text = entity.strip()
    if not text:
        raise InputError("ENTITY: give a name, an IRI or a Wikidata id")
    iri = _iri(text)
    if iri:
        return [iri]
    if _QID.match(text):
        rows = store.select(f"{_PREFIXES} SELECT DISTINCT ?p WHERE {{ ?p owl:sameAs <{WD}{text}> }}")
        found = sorted(r["p"].value for r in rows if r["p"].value.startswith(f"{DIPR}person/"))
        if found:
            return found
        holder = next((h for h in resolver.holders if (h.wikidata or "").rsplit("/", 1)[-1] == text), None)
        if holder is None:
            raise InputError(
                f"ENTITY: no person with Wikidata id {text} in the store or the office-holder table"
            )
        return [holder.iri]
    from kg.translit import skeleton

    rows = store.select(
        f"{_PREFIXES} SELECT DISTINCT ?p ?l WHERE {{ ?p a dip:Person ; "
        f"rdfs:label|skos:altLabel|skos:hiddenLabel|skos:prefLabel ?l }}"
    )
    exact = sorted({r["p"].value for r in rows if r["l"].value.casefold() == text.casefold()})
    if exact:
        return exact
    key = skeleton(text)
    return sorted({r["p"].value for r in rows if skeleton(r["l"].value) == key}) or [
        resolver.iri_of_name(text)
    ]


def explain(store: Any, entity: str, *, resolver: Any = None) -> list[Explanation]:
    """Explanations of every node ``entity`` names (usually one). Raises InputError when none is stored."""
    if resolver is None:
        from kg.resolution import default_resolver

        resolver = default_resolver()
    out = []
    for iri in _candidates(store, entity, resolver):
        item = _explain_one(store, iri, resolver)
        if item is not None:
            out.append(item)
    if not out:
        raise InputError(f"ENTITY: nothing in the store matches '{entity}'")
    return out


def _explain_one(store: Any, iri: str, resolver: Any) -> Explanation | None:
    rows = store.select(
        f"""{_PREFIXES} SELECT ?g ?p ?o ?src WHERE {{
          GRAPH ?g {{ <{iri}> ?p ?o }}
          OPTIONAL {{ GRAPH ?g {{ ?a a dip:Article ; dip:source ?src }} }}
        }}""",
        use_default_graph_as_union=False,
    )
    if not rows:
        return None
    kind = next((r["o"].value.rsplit("#", 1)[-1] for r in rows if r["p"].value.endswith("#type")), "node")
    item = Explanation(iri, kind)
    holder = resolver.holder(iri)
    if holder is not None:
        item.canonical, item.wikidata = holder.name, holder.wikidata
    for r in rows:
        if "src" not in r:  # the reference graph: the table's spellings are not names an article wrote
            if r["p"].value.endswith("#sameAs") and item.wikidata is None:
                item.wikidata = r["o"].value.rsplit("/", 1)[-1]
            continue
        source = Path(r["src"].value).name
        if r["p"].value.endswith(("#hiddenLabel", "#altLabel")) or (
            kind != "Person" and r["p"].value.endswith("#label")
        ):
            lang = getattr(r["o"], "language", None)
            item.names.setdefault(f'"{r["o"].value}"' + (f"@{lang}" if lang else ""), set()).add(source)
        if "src" in r:
            item.articles.add(source)
        if r["p"].value.endswith("#sameAs") and item.wikidata is None:
            item.wikidata = r["o"].value.rsplit("/", 1)[-1]
    decisions = store.select(
        f"""{_PREFIXES} SELECT ?g ?d ?p ?o ?src WHERE {{
          GRAPH ?g {{
            ?d a dip:ResolutionDecision .
            {{ ?d dip:resolvedTo <{iri}> }} UNION {{ ?d dip:candidate <{iri}> }}
            ?d ?p ?o .
            OPTIONAL {{ ?a a dip:Article ; dip:source ?src }}
          }}
        }}""",
        use_default_graph_as_union=False,
    )
    fields: dict[tuple[str, str], dict[str, Any]] = defaultdict(lambda: defaultdict(list))
    for r in decisions:
        source = Path(r["src"].value).name if "src" in r else r["g"].value
        fields[(source, r["d"].value)][r["p"].value.rsplit("#", 1)[-1]].append(r["o"].value)
    for (source, _), f in sorted(fields.items()):
        item.decisions.append(
            DecisionView(
                article=source,
                name=(f["nameCompared"] or [""])[0],
                outcome=(f["outcome"] or [""])[0],
                compared=(f["comparedWith"] or [""])[0],
                candidate=(f["candidate"] or [""])[0],
                resolved_to=(f["resolvedTo"] or [""])[0],
                score=(f["score"] or [""])[0],
                reasons=tuple(sorted(set(f["reason"]))),
            )
        )
    return item


def format_explanation(items: list[Explanation]) -> str:
    """Plain text, one block per node."""
    lines: list[str] = []
    for item in items:
        title = f" ({item.canonical})" if item.canonical else ""
        lines.append(f"{shorten(item.iri)}{title}  [{item.kind}]")
        if item.canonical:
            wd = f", Wikidata {item.wikidata}" if item.wikidata else ""
            lines.append(f"  office-holder table: {item.canonical}{wd}")
        elif item.wikidata:
            lines.append(f"  Wikidata: {item.wikidata}")
        if item.names:
            lines.append("  names as written:")
            for name, where in sorted(item.names.items()):
                lines.append(f"    {name} in {', '.join(sorted(where))}")
        lines.append(
            f"  articles: {len(item.articles)}"
            + (f" ({', '.join(sorted(item.articles))})" if item.articles else "")
        )
        rules = [d for d in item.decisions if d.outcome in ("pinned", "forbidden")]
        others = [d for d in item.decisions if d.outcome not in ("pinned", "forbidden")]
        if others:
            lines.append("  decisions:")
            for d in others:
                target = "into" if d.outcome == "merged" else "from"
                whom = shorten(d.candidate) if d.outcome != "merged" else shorten(d.resolved_to)
                lines.append(
                    f'    {d.article}: "{d.name}" {d.outcome} {target} {whom} '
                    f'(compared with "{d.compared}", score {d.score})'
                )
                lines.extend(f"      - {reason}" for reason in d.reasons)
        else:
            lines.append("  decisions: none (every article writes the canonical name)")
        if rules:
            lines.append("  merge file:")
            for d in rules:
                lines.append(f'    {d.article}: "{d.name}" {d.outcome} -> {shorten(d.resolved_to)}')
                lines.extend(f"      - {reason}" for reason in d.reasons)
    return "\n".join(lines)
