"""Pairwise precision and recall of entity resolution against expected clusters.

A resolution test set is a folder of articles with ``clusters.json``::

    {"clusters": [{"id": "lavrov", "kind": "person",
                   "mentions": [{"article": "r07-….txt", "text": "Sergej Lawrow"}, …]}, …]}

The articles are ingested into an in-memory store (order does not matter, see
:mod:`kg.resolution`); each mention is looked up in its article's graph (a person by the name as
written, a meeting or agreement by the words of its short description) and gets the IRI found
there. Over every pair of mentions of one kind from two different articles (within one article,
identity is the extractor's coreference, scored by ``kg eval``'s per-article categories), among
the mentions the extractor produced (the others are listed as not found): a *predicted* merge is a pair with the same IRI, a
*gold* merge a pair in the same cluster; precision = right predicted merges / predicted merges,
recall = right predicted merges / gold merges.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.translit import ascii_name, skeleton

__all__ = [
    "CLUSTERS_FILE",
    "KINDS",
    "PairScore",
    "ResolutionReport",
    "evaluate_resolution",
    "find_clusters",
    "format_resolution",
]

CLUSTERS_FILE = "clusters.json"
KINDS = ("person", "meeting", "agreement")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class PairScore:
    kind: str
    mentions: int
    predicted: int  # pairs with the same IRI
    gold: int  # pairs in the same cluster
    correct: int
    found: int = 0  # mentions the extractor produced (pairs are counted over these)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "mentions": self.mentions,
            "predicted": self.predicted,
            "gold": self.gold,
            "correct": self.correct,
            "found": self.found,
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
        }


@dataclass(frozen=True)
class ResolutionReport:
    scores: dict[str, PairScore]
    missing: tuple[tuple[str, str, str], ...] = ()  # (kind, article, text) not found
    errors: tuple[tuple[str, str, str, str], ...] = field(default=())  # (kind, a, b, why) wrong pairs

    def to_dict(self) -> dict[str, Any]:
        return {
            "resolution": {k: v.to_dict() for k, v in self.scores.items()},
            "missing": [list(m) for m in self.missing],
        }


def find_clusters(articles_dir: str | Path, gold_dir: str | Path | None = None) -> Path | None:
    """``clusters.json`` in the gold folder, else in the articles folder, else None."""
    for folder in (gold_dir, articles_dir):
        if folder is not None and (Path(folder) / CLUSTERS_FILE).is_file():
            return Path(folder) / CLUSTERS_FILE
    return None


def _load_clusters(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: cannot read clusters ({' '.join(str(error).split())})") from None
    clusters = data.get("clusters") if isinstance(data, dict) else None
    if not isinstance(clusters, list):
        raise InputError(f'{path}: expected {{"clusters": [...]}}')
    for number, c in enumerate(clusters, start=1):
        if not isinstance(c, dict) or c.get("kind") not in KINDS or not isinstance(c.get("mentions"), list):
            raise InputError(f"{path}: cluster #{number}: needs a kind ({', '.join(KINDS)}) and mentions")
    return clusters


def _words(text: str) -> set[str]:
    return set(_WORD.findall(ascii_name(text).replace(" ", "  ") if text else ""))


class _Lookup:
    """Finds the node a mention names inside one article's graph."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.graph_of: dict[str, str] = {}
        for a in store.articles():
            if "source" in a:
                self.graph_of[Path(a["source"]).name] = a["sha256"]
        self._cache: dict[tuple[str, str], list[tuple[str, list[str]]]] = {}

    def _nodes(self, sha: str, kind: str) -> list[tuple[str, list[str]]]:
        """(IRI, names or evidence sentences) of every person/meeting/agreement in the article graph."""
        key = (sha, kind)
        if key not in self._cache:
            from kg.vocab import article_graph

            cls = {"person": "Person", "meeting": "Meeting", "agreement": "Agreement"}[kind]
            path = "rdfs:label|skos:altLabel" if kind == "person" else "dip:evidence/dip:sentence|dip:title"
            rows = self.store.select(
                f"""PREFIX dip: <https://w3id.org/dipkg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?n ?t WHERE {{ GRAPH <{article_graph(sha)}> {{ ?n a dip:{cls} ; {path} ?t }} }}""",
                use_default_graph_as_union=False,
            )
            out: dict[str, list[str]] = defaultdict(list)
            for row in rows:
                out[row["n"].value].append(row["t"].value)
            self._cache[key] = sorted(out.items())
        return self._cache[key]

    def find(self, kind: str, article: str, text: str) -> str | None:
        sha = self.graph_of.get(Path(article).name)
        if sha is None or not text.strip():
            return None
        nodes = self._nodes(sha, kind)
        if kind == "person":
            return self._person(nodes, text)
        return self._fact(nodes, text)

    @staticmethod
    def _fact(nodes: list[tuple[str, list[str]]], text: str) -> str | None:
        """The node whose evidence sentence holds the description (partial_ratio >= 95), best first."""
        from rapidfuzz import fuzz

        wanted = " ".join(text.split()).casefold()
        best = max(
            (
                (max(fuzz.partial_ratio(wanted, " ".join(s.split()).casefold()) for s in texts), iri)
                for iri, texts in nodes
            ),
            default=(0.0, None),
        )
        return best[1] if best[0] >= 95 else None

    @staticmethod
    def _person(nodes: list[tuple[str, list[str]]], text: str) -> str | None:
        from kg.evaluate import same_person

        for test in (
            lambda n: n.casefold() == text.casefold(),
            lambda n: skeleton(n) == skeleton(text),
            lambda n: same_person(n, text),
            lambda n: skeleton(text).split()[-1:] == skeleton(n).split()[-1:],
        ):
            hits = sorted({iri for iri, names in nodes if any(test(n) for n in names)})
            if len(hits) == 1:
                return hits[0]
        return None


def evaluate_resolution(
    articles_dir: str | Path, clusters_path: str | Path, *, resolver: Any = None
) -> ResolutionReport:
    """Ingest the folder into a store in memory and score the clusters of ``clusters_path``."""
    from kg.ingest import ingest
    from kg.store import Store

    clusters = _load_clusters(Path(clusters_path))
    store = Store.in_memory()
    ingest([str(articles_dir)], store=store, resolver=resolver)
    lookup = _Lookup(store)
    by_kind: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)  # (gold id, iri, article, text)
    missing = []
    for c in clusters:
        for m in c["mentions"]:
            iri = lookup.find(c["kind"], m.get("article", ""), m.get("text", ""))
            if iri is None:
                missing.append((c["kind"], m.get("article", ""), m.get("text", "")))
                iri = f"missing:{m.get('article')}:{m.get('text')}"
            by_kind[c["kind"]].append(
                (str(c.get("id")), iri, Path(str(m.get("article"))).name, str(m.get("text")))
            )
    scores, errors = {}, []
    for kind in KINDS:
        items = by_kind.get(kind, [])
        if not items:
            continue
        holds: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, IRI) -> gold clusters
        for gold_id, iri, article, _ in items:
            holds[(article, iri)].add(gold_id)
        predicted = gold = correct = 0
        found = [item for item in items if not item[1].startswith("missing:")]
        for (ga, ia, aa, ta), (gb, ib, ab, tb) in combinations(found, 2):
            if aa == ab:  # within one article identity is the extractor's (coreference), not resolution's
                continue
            la, lb = f"{aa}: {ta}", f"{ab}: {tb}"
            same_gold, same_pred = ga == gb, ia == ib
            predicted += same_pred
            gold += same_gold
            correct += same_gold and same_pred
            if same_gold != same_pred:
                why = "merged, should not be" if same_pred else "not merged"
                folded = sorted({a for a, i in ((aa, ia), (ab, ib)) if len(holds[(a, i)]) > 1})
                if same_pred and folded:  # the extractor made two events of one article one node
                    why += f" (one node of {', '.join(folded)} holds two expected clusters)"
                errors.append((kind, la, lb, why))
        scores[kind] = PairScore(kind, len(items), predicted, gold, correct, len(found))
    return ResolutionReport(scores, tuple(missing), tuple(errors))


def format_resolution(report: ResolutionReport, *, details: bool = False) -> str:
    """``resolution person  P 1.00  R 0.95  …`` lines, one per kind."""
    lines = [
        f"{'resolution (pairwise)':22} {'P':>6} {'R':>6}   correct/predicted/gold pairs, mentions found/gold"
    ]
    for kind, s in report.scores.items():
        lines.append(
            f"{'resolution.' + kind:22} {s.precision:6.2f} {s.recall:6.2f}   "
            f"{s.correct}/{s.predicted}/{s.gold}, {s.found}/{s.mentions}"
        )
    if details:
        lines.extend(f"  not found: {k} {a}: {t}" for k, a, t in report.missing)
        lines.extend(f"  {why}: {k} [{a}] [{b}]" for k, a, b, why in report.errors)
    return "\n".join(lines)
