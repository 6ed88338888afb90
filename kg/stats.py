"""Counts for ``kg stats``: articles, languages, quads, and instances of every dip: class.

Instances are counted with ``COUNT(DISTINCT …)``: the union of the article graphs is a multiset
and a meeting reported by two articles must count once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.vocab import DIP, GRAPH, PREFIXES

if TYPE_CHECKING:
    from kg.store import Store

__all__ = ["collect_stats", "format_stats"]

_CLASSES = f"""
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  ?s a ?class .
  FILTER(STRSTARTS(STR(?class), "{PREFIXES["dip"]}"))
}} GROUP BY ?class
"""

_LANGUAGES = f"""
PREFIX dip: <{PREFIXES["dip"]}>
PREFIX dct: <{PREFIXES["dct"]}>
SELECT ?lang (COUNT(DISTINCT ?a) AS ?n) WHERE {{
  GRAPH ?g {{ ?a a dip:Article . OPTIONAL {{ ?a dct:language ?l }} }}
  FILTER(STRSTARTS(STR(?g), "{GRAPH}article/"))
  BIND(COALESCE(STR(?l), "unknown") AS ?lang)
}} GROUP BY ?lang
"""


def collect_stats(store: Store) -> dict[str, Any]:
    """``{"articles": 8, "languages": {"de": 4, "en": 4}, "quads": …, "graphs": …,
    "classes": {"Meeting": 5, …}}`` — every dip: class is listed, with 0 when absent."""
    classes = dict.fromkeys(DIP.classes(), 0)
    for row in store.select(_CLASSES):
        name = row["class"].value[len(PREFIXES["dip"]) :]
        if name in classes:
            classes[name] = int(row["n"].value)
    languages = {row["lang"].value: int(row["n"].value) for row in store.select(_LANGUAGES)}
    return {
        "articles": len(store.article_shas()),
        "languages": dict(sorted(languages.items())),
        "quads": store.quad_count(),
        "graphs": sum(1 for _ in store.oxigraph.named_graphs()),
        "classes": classes,
    }


def format_stats(stats: dict[str, Any]) -> str:
    """The numbers of :func:`collect_stats` as aligned plain-text lines."""
    languages = ", ".join(f"{lang} {n}" for lang, n in stats["languages"].items())
    lines = [
        f"articles: {stats['articles']}" + (f" ({languages})" if languages else ""),
        f"quads: {stats['quads']} in {stats['graphs']} graphs",
        "instances by class:",
    ]
    width = max((len(name) for name in stats["classes"]), default=0)
    lines += [f"  {name.ljust(width)}  {count:>6}" for name, count in stats["classes"].items()]
    return "\n".join(lines)
