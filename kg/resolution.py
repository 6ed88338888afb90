"""Cross-article entity resolution: one person (and one meeting), one IRI, whichever article names it.

Two steps, each a function of its input only, so the graph is the same whatever order articles
arrive in (docs/decisions/2026-11-28-entity-resolution.md): when an article is mapped to RDF,
:class:`PersonResolver` decides from the article alone plus shipped data and the merge file;
after every ingest (and on ``kg resolve``) :func:`resolve_store` re-resolves every stored mention
against the *set* of stored articles (:func:`cluster_people`; meetings and agreements by
:mod:`kg.event_resolution`) and
rewrites the article graphs whose people or meetings change.

For one :class:`Mention` (the full name an article writes, its language, and the roles and
countries the article gives that person) :meth:`PersonResolver.resolve` returns the IRI:

1. the office-holder table (``data/lexicon/office_holders.json``) is the strongest evidence. Every
   holder whose names share a family name with the mention, after transliteration folding
   (:mod:`kg.translit`), is scored: rapidfuzz's ``token_sort_ratio`` of the two skeletons, and the
   agreement of the article's role and country with the holder's terms. A country that contradicts
   every term vetoes the match (two "Kim" from two countries never merge). The best accepted
   holder gives ``dipr:person/<slug(holder name)>`` (scores: family name 0.55, given names 0.45,
   rapidfuzz ``ratio`` of the skeletons, or ``token_sort_ratio`` when higher);
2. anyone else gets ``dipr:person/<name_key(name)>``: the name with German name endings in their
   English form, so "Sergej …ow" and "Sergey …ov" written by two articles meet;
3. the merge file (:mod:`kg.merges`) then forbids or pins.

Every non-trivial outcome (a spelling merged into a differently written canonical name, a
candidate kept apart, a pin or forbid applied) is a :class:`Decision` with its score and reasons;
:mod:`kg.rdf` writes them as ``dip:ResolutionDecision`` nodes into the article's graph and
``kg explain`` prints them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from kg.model import slug
from kg.translit import name_key, same_spelling, skeleton, skeleton_tokens
from kg.vocab import DIPR

if TYPE_CHECKING:
    from kg.merges import MergeFile

__all__ = [
    "Decision",
    "Holder",
    "Mention",
    "PersonResolver",
    "ResolveReport",
    "Resolution",
    "StoredMention",
    "Term",
    "cluster_people",
    "default_resolver",
    "holder_iri",
    "key_iri",
    "load_holders",
    "name_similarity",
    "person_known",
    "resolve_store",
    "resolver_for",
    "stored_mentions",
]

PERSON = f"{DIPR}person/"
#: name similarity (0..1) from which two names are candidates at all
CANDIDATE = 0.80
#: accept on the name alone (transliteration variants with equal skeletons score 1.0)
NAME_ALONE = 0.97
#: accept on the name alone when the family names are the same after folding
SAME_FAMILY = 0.93
#: accept when the article's country agrees with one of the holder's terms
WITH_COUNTRY = 0.85
#: accept when role and country agree
WITH_ROLE = 0.80
#: two accepted holders closer than this are ambiguous: neither is taken
AMBIGUOUS = 0.02


@dataclass(frozen=True)
class Term:
    """One term of office of a holder: role tail, ISO country, start and end (ISO, partial allowed)."""

    role: str
    country: str | None
    start: str | None
    end: str | None


@dataclass(frozen=True)
class Holder:
    """One office holder of the table."""

    id: str
    name: str
    names: tuple[str, ...]
    terms: tuple[Term, ...]
    wikidata: str | None = None

    @property
    def iri(self) -> str:
        return holder_iri(self.name)

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(t.country for t in self.terms if t.country)


@dataclass(frozen=True)
class Mention:
    """A person as one article names them: full name, language, and (role, country) pairs it gives."""

    name: str
    lang: str | None = None
    roles: frozenset[tuple[str, str | None]] = frozenset()
    date: str | None = None  # the article's date, ISO

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(c for _, c in self.roles if c)


@dataclass(frozen=True)
class Decision:
    """One merge or no-merge: the name compared, the candidate, the outcome, score and reasons."""

    name: str
    outcome: str  # "merged" | "kept-apart" | "pinned" | "forbidden"
    candidate: str  # the name compared with (or the merge-file entry)
    candidate_iri: str
    resolved_to: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Resolution:
    """The IRI a mention gets, the decisions behind it, and the person's display name (``label``)."""

    iri: str
    decisions: tuple[Decision, ...] = ()
    label: str = ""
    label_lang: str | None = None

    def display(self, written: str, lang: str | None) -> tuple[str, str | None]:
        """The ``rdfs:label`` an article graph gives the person: its own spelling when a reader takes
        it for the canonical name (:func:`kg.translit.same_spelling`), else the canonical name (the
        article's spelling stays as ``skos:hiddenLabel``). So every person shows one name."""
        if not self.label or same_spelling(written, self.label):
            return written, lang
        return self.label, self.label_lang


def holder_iri(name: str) -> str:
    """The IRI of an office holder: ``dipr:person/<slug(name)>``."""
    return f"{PERSON}{slug(name)}"


def key_iri(name: str) -> str:
    """The IRI of a person the table does not know: ``dipr:person/<name_key(name)>``."""
    return f"{PERSON}{name_key(name)}"


# ---------------------------------------------------------------- the table


def _holders_from_json(data: Any) -> tuple[Holder, ...]:
    holders = []
    for item in data.get("holders", []) if isinstance(data, dict) else []:
        if not isinstance(item, dict) or not item.get("name"):
            continue
        names = [item["name"]]
        for values in (item.get("names") or {}).values():
            names.extend(v for v in values if isinstance(v, str) and v)
        terms = tuple(
            Term(t.get("role", ""), (t.get("country") or "").upper() or None, t.get("start"), t.get("end"))
            for t in item.get("terms", [])
            if isinstance(t, dict)
        )
        holders.append(
            Holder(
                id=str(item.get("id") or slug(item["name"])),
                name=item["name"],
                names=tuple(dict.fromkeys(names)),
                terms=terms,
                wikidata=item.get("wikidata"),
            )
        )
    return tuple(holders)


def _get(record: Any, key: str, default: Any = None) -> Any:
    return record.get(key, default) if isinstance(record, dict) else getattr(record, key, default)


def _holder_of(record: Any) -> Holder | None:
    """A Holder from whatever ``kg.reference.office_holders()`` yields (dicts or records)."""
    if isinstance(record, Holder):
        return record
    name = _get(record, "name")
    if not name:
        return None
    names = [name]
    for values in (_get(record, "names") or {}).values():
        names.extend(v for v in values if isinstance(v, str) and v)
    terms = tuple(
        Term(
            _get(t, "role", ""),
            (_get(t, "country") or "").upper() or None,
            _get(t, "start") and str(_get(t, "start")),
            _get(t, "end") and str(_get(t, "end")),
        )
        for t in _get(record, "terms", ()) or ()
    )
    return Holder(
        id=str(_get(record, "id") or slug(name)),
        name=name,
        names=tuple(dict.fromkeys(names)),
        terms=terms,
        wikidata=_get(record, "wikidata"),
    )


@functools.lru_cache(maxsize=1)
def load_holders() -> tuple[Holder, ...]:
    """The shipped office-holder table (empty when there is none)."""
    try:
        from kg.reference import office_holders  # type: ignore[attr-defined]
    except ImportError:
        office_holders = None
    if office_holders is not None:
        records = office_holders()
        values = records.values() if isinstance(records, dict) else records
        return tuple(h for h in (_holder_of(r) for r in values) if h is not None)
    from kg.resources import lexicon_dir

    path = lexicon_dir() / "office_holders.json"
    if not path.is_file():
        return ()
    return _holders_from_json(json.loads(path.read_text(encoding="utf-8")))


# ---------------------------------------------------------------- scoring


def name_similarity(a: str, b: str) -> tuple[float, tuple[str, ...]]:
    """How alike two names are after transliteration folding (0..1), and why.

    The family names (last words) weigh 0.55 and the given names, word by word from the start,
    0.45 (rapidfuzz ``ratio`` of the skeletons); ``token_sort_ratio`` of the whole skeletons wins
    when higher (names written in another order). A family name must be shared: the last word of
    the shorter name must match some word of the other (>= 0.85), else the score is at most 0.5.
    """
    ta, tb = skeleton_tokens(a), skeleton_tokens(b)
    if not ta or not tb:
        return 0.0, ("empty name",)
    sa, sb = " ".join(ta), " ".join(tb)
    if sa == sb:
        same = "same spelling" if a.casefold() == b.casefold() else f"same transliteration key '{sa}'"
        return 1.0, (same,)
    family = fuzz.ratio(ta[-1], tb[-1]) / 100
    ga, gb = ta[:-1], tb[:-1]
    if ga and gb:
        given = sum(fuzz.ratio(x, y) for x, y in zip(ga, gb, strict=False)) / 100 / min(len(ga), len(gb))
        aligned = 0.55 * family + 0.45 * given
    else:
        aligned = family * (1.0 if not (ga or gb) else 0.9)
    score = max(aligned, fuzz.token_sort_ratio(sa, sb) / 100)
    reasons = [f"name similarity {score:.2f} ('{sa}' / '{sb}': family {family:.2f})"]
    short, other = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    shared = max(fuzz.ratio(short[-1], t) for t in other) / 100
    if shared < 0.85:
        reasons.append(f"no shared family name ('{short[-1]}' best {shared:.2f})")
        return min(score, 0.5), tuple(reasons)
    if len(short) == 1 and len(other) > 1:
        reasons.append("one name gives the family name only")
    return score, tuple(reasons)


def _in_term(term: Term, date: str | None) -> bool | None:
    if not date:
        return None
    day = date[:10]
    if term.start and day < str(term.start)[:10]:
        return False
    return not (term.end and day > str(term.end)[:10])


def _context(mention: Mention, holder: Holder) -> tuple[str, tuple[str, ...]]:
    """ "role+country", "country", "none" (no context in the article) or "conflict", with reasons."""
    if not mention.roles:
        return "none", ("the article gives no role or country",)
    countries = mention.countries
    if countries and holder.countries and not countries & holder.countries:
        return "conflict", (
            f"country differs: article {','.join(sorted(countries))}, "
            f"table {','.join(sorted(holder.countries))}",
        )
    for role, country in sorted(mention.roles, key=str):
        for term in holder.terms:
            if term.role == role and country and term.country == country:
                when = _in_term(term, mention.date)
                span = f"{term.start or '?'}–{term.end or ''}"
                note = "" if when is None else (" within the term" if when else " outside the term")
                return "role+country", (f"role {role} of {country} agrees with term {span}{note}",)
    if countries & holder.countries:
        return "country", (f"country {','.join(sorted(countries & holder.countries))} agrees",)
    return "none", ("role and country neither agree nor conflict",)


def _accepted(name: float, context: str, reasons: Sequence[str] = ()) -> bool:
    if context == "conflict":
        return False
    if name >= NAME_ALONE:
        return True
    if name >= SAME_FAMILY and any("family 1.00" in r for r in reasons):
        return True
    if context == "role+country":
        return name >= WITH_ROLE
    return context == "country" and name >= WITH_COUNTRY


_CONTEXT_BONUS = {"role+country": 0.1, "country": 0.05, "none": 0.0, "conflict": -1.0}


@dataclass
class _Index:
    holders: tuple[Holder, ...]
    tokens: list[str] = field(default_factory=list)
    owners: list[set[int]] = field(default_factory=list)

    @classmethod
    def build(cls, holders: Sequence[Holder]) -> _Index:
        index = cls(tuple(holders))
        where: dict[str, set[int]] = {}
        for i, holder in enumerate(index.holders):
            for name in holder.names:
                for token in skeleton_tokens(name):
                    where.setdefault(token, set()).add(i)
        index.tokens = sorted(where)
        index.owners = [where[t] for t in index.tokens]
        return index

    def candidates(self, name: str) -> list[Holder]:
        found: set[int] = set()
        for token in skeleton_tokens(name):
            if len(token) < 2:
                continue
            for _, _, i in process.extract(
                token, self.tokens, scorer=fuzz.ratio, score_cutoff=80, limit=None
            ):
                found |= self.owners[i]
        return [self.holders[i] for i in sorted(found)]


class PersonResolver:
    """Decides the IRI of a person mention. Independent of any store; cheap to call per mention."""

    def __init__(self, holders: Iterable[Holder] | None = None, *, merges: MergeFile | None = None) -> None:
        self.holders = tuple(load_holders() if holders is None else holders)
        self.merges = merges
        self._index = _Index.build(self.holders)
        self._by_iri = {h.iri: h for h in self.holders}

    def holder(self, iri: str) -> Holder | None:
        return self._by_iri.get(iri)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - a resolver lives for one ingest
    def resolve(self, mention: Mention) -> Resolution:
        base = self.resolve_base(mention)
        if self.merges is None:
            return base
        return self.merges.apply(mention, base, self)

    def resolve_base(self, mention: Mention) -> Resolution:
        """Table, then name key; no merge file."""
        scored = []
        for holder in self._index.candidates(mention.name):
            best, why, compared = max(
                ((*name_similarity(mention.name, n), n) for n in holder.names), key=lambda t: t[0]
            )
            if best < CANDIDATE:
                continue
            context, ctx_why = _context(mention, holder)
            scored.append((best, context, holder, compared, (*why, *ctx_why)))
        accepted = sorted(
            (s for s in scored if _accepted(s[0], s[1], s[4])),
            key=lambda s: (-(s[0] + _CONTEXT_BONUS[s[1]]), s[2].iri),
        )
        own = key_iri(mention.name)
        if own in self._by_iri:  # a namesake of an office holder, kept apart from them
            own = f"{own}-{'-'.join(sorted(mention.countries)).lower() or 'other'}"
        decisions: list[Decision] = []
        chosen = accepted[0] if accepted else None
        if len(accepted) > 1 and chosen is not None:
            runner = accepted[1]
            gap = (chosen[0] + _CONTEXT_BONUS[chosen[1]]) - (runner[0] + _CONTEXT_BONUS[runner[1]])
            if runner[2].iri != chosen[2].iri and gap < AMBIGUOUS:
                for s in accepted[:2]:
                    decisions.append(
                        Decision(
                            mention.name,
                            "kept-apart",
                            s[3],
                            s[2].iri,
                            own,
                            round(s[0], 3),
                            (*s[4], f"ambiguous: {chosen[2].name} and {runner[2].name} fit equally well"),
                        )
                    )
                chosen = None
        iri = chosen[2].iri if chosen else own
        for best, context, holder, compared, why in sorted(scored, key=lambda s: (-s[0], s[2].iri)):
            if holder.iri == iri:
                if mention.name != holder.name:
                    reasons = (*why, f"office-holder table entry {holder.id}")
                    decisions.append(
                        Decision(mention.name, "merged", compared, iri, iri, round(best, 3), reasons)
                    )
            elif not _accepted(best, context, why) and best >= CANDIDATE:
                reasons = (*why, "not enough agreement to merge")
                decisions.append(
                    Decision(mention.name, "kept-apart", compared, holder.iri, iri, round(best, 3), reasons)
                )
        return Resolution(iri, tuple(decisions[:4]), mention.name, mention.lang)

    def iri_of_name(self, name: str) -> str:
        """The IRI a bare name (no article context) resolves to, merge file not applied."""
        return self.resolve_base(Mention(name)).iri

    def same_name(self, a: str, b: str) -> bool:
        return skeleton(a) == skeleton(b)


@functools.lru_cache(maxsize=1)
def default_resolver() -> PersonResolver:
    """A resolver over the shipped table, without a merge file (cached per process)."""
    return PersonResolver()


# ---------------------------------------------------------------- the corpus pass


@dataclass
class _Node:
    """Every mention that got one base IRI: the names as written, roles, countries and articles."""

    iri: str
    table: bool
    names: dict[str, str] = field(default_factory=dict)  # name -> lang
    roles: set[tuple[str, str | None]] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(c for _, c in self.roles if c)


@dataclass(frozen=True)
class StoredMention:
    """One person node of one article graph, read back from the store."""

    sha: str
    iri: str  # as stored now
    mention: Mention


def _node_pair(a: _Node, b: _Node, holders: dict[str, Holder]) -> tuple[float, str, tuple[str, ...]]:
    """Best name score between two nodes, the context agreement and reasons."""
    best, why, pair = 0.0, (), ("", "")
    names_a = sorted(a.names) + (list(holders[a.iri].names) if a.iri in holders else [])
    names_b = sorted(b.names) + (list(holders[b.iri].names) if b.iri in holders else [])
    for x in names_a:
        for y in names_b:
            score, reasons = name_similarity(x, y)
            if score > best:
                best, why, pair = score, reasons, (x, y)
    ca = a.countries | (holders[a.iri].countries if a.iri in holders else frozenset())
    cb = b.countries | (holders[b.iri].countries if b.iri in holders else frozenset())
    roles_a = a.roles | ({(t.role, t.country) for t in holders[a.iri].terms} if a.iri in holders else set())
    roles_b = b.roles | ({(t.role, t.country) for t in holders[b.iri].terms} if b.iri in holders else set())
    compared = (f"'{pair[0]}' ~ '{pair[1]}'",)
    if ca and cb and not ca & cb:
        conflict = f"country differs: {','.join(sorted(ca))} / {','.join(sorted(cb))}"
        return best, "conflict", (*compared, *why, conflict)
    shared = {r for r in roles_a & roles_b if r[1]}
    if shared:
        role, country = sorted(shared, key=str)[0]
        return best, "role+country", (*compared, *why, f"role {role} of {country} agrees")
    if ca & cb:
        return best, "country", (*compared, *why, f"country {','.join(sorted(ca & cb))} agrees")
    return best, "none", (*compared, *why, "no role or country to compare")


def _canonical(nodes: list[_Node]) -> _Node:
    """The node whose IRI a cluster keeps: the table's, else the most English-written, most reported."""

    def rank(n: _Node) -> tuple:
        english = sum(1 for lang in n.names.values() if lang == "en")
        return (not n.table, -english, -len(n.articles), len(n.iri), n.iri)

    return min(nodes, key=rank)


def cluster_people(
    mentions: Iterable[StoredMention], resolver: PersonResolver
) -> dict[tuple[str, str], Resolution]:
    """The IRI and decisions of every stored mention, as a function of the *set* of mentions.

    Base IRIs (table or name key, :meth:`PersonResolver.resolve_base`) are joined across articles
    when their names are transliteration variants with agreeing role or country (the rules of
    :func:`_accepted`); two table entries, or two clusters with different countries, never join.
    The merge file is applied last, to each mention.
    """
    items = sorted(set(mentions), key=lambda m: (m.sha, m.iri, m.mention.name))
    base: dict[tuple[str, str], Resolution] = {}
    nodes: dict[str, _Node] = {}
    for m in items:
        base[(m.sha, m.mention.name)] = resolver.resolve_base(m.mention)
    _split_by_country(items, base, resolver)
    for m in items:
        res = base[(m.sha, m.mention.name)]
        node = nodes.setdefault(res.iri, _Node(res.iri, res.iri in resolver._by_iri))
        node.names.setdefault(m.mention.name, m.mention.lang or "")
        node.roles |= m.mention.roles
        node.articles.add(m.sha)
    blocks: dict[str, set[str]] = {}
    for node in nodes.values():
        for name in node.names:
            for token in skeleton_tokens(name):
                if len(token) >= 3:
                    blocks.setdefault(token[:3], set()).add(node.iri)
    pairs: dict[tuple[str, str], tuple[float, str, tuple[str, ...]]] = {}
    for members in blocks.values():
        for a in sorted(members):
            for b in sorted(members):
                if a < b and (a, b) not in pairs and not (nodes[a].table and nodes[b].table):
                    pairs[(a, b)] = _node_pair(nodes[a], nodes[b], resolver._by_iri)
    parent = {iri: iri for iri in nodes}
    members_of = {iri: [nodes[iri]] for iri in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    joined: dict[str, tuple[str, float, tuple[str, ...]]] = {}
    kept: list[tuple[str, str, float, tuple[str, ...]]] = []
    order = sorted(pairs.items(), key=lambda kv: (-(kv[1][0] + _CONTEXT_BONUS[kv[1][1]]), kv[0]))
    for (a, b), (score, context, why) in order:
        if score < CANDIDATE:
            continue
        if not _accepted(score, context, why):
            kept.append((a, b, score, (*why, "not enough agreement to merge")))
            continue
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        group = members_of[ra] + members_of[rb]
        countries = [n.countries for n in group if n.countries]
        if sum(n.table for n in group) > 1:
            kept.append((a, b, score, (*why, "would join two office holders")))
            continue
        if any(not (x & y) for x in countries for y in countries):
            kept.append((a, b, score, (*why, "would join people of different countries")))
            continue
        root, other = sorted((ra, rb))
        parent[other] = root
        members_of[root] = group
        joined.setdefault(b, (a, score, why))
        joined.setdefault(a, (b, score, why))
    final = {iri: _canonical(members_of[find(iri)]).iri for iri in nodes}
    labels = _display_names(items, base, final, resolver)
    out: dict[tuple[str, str], Resolution] = {}
    for m in items:
        key = (m.sha, m.mention.name)
        res = base[key]
        iri = final[res.iri]
        decisions = [d for d in res.decisions if d.outcome != "kept-apart" or d.candidate_iri != iri]
        decisions = [replace(d, resolved_to=iri) for d in decisions]
        if iri != res.iri:
            via, score, why = joined.get(res.iri, ("", 1.0, ()))
            compared = next(iter(sorted(nodes[via].names)), via) if via in nodes else iri
            decisions.append(
                Decision(
                    m.mention.name,
                    "merged",
                    compared,
                    iri,
                    iri,
                    round(score, 3),
                    (*why, "joined across articles"),
                )
            )
        for a, b, score, why in kept:
            if res.iri in (a, b):
                other = b if res.iri == a else a
                if final[other] != iri:
                    compared = sorted(nodes[other].names)[0] if nodes[other].names else other
                    decisions.append(
                        Decision(
                            m.mention.name, "kept-apart", compared, final[other], iri, round(score, 3), why
                        )
                    )
        resolved = Resolution(iri, tuple(_unique(decisions)[:6]), *labels.get(iri, (m.mention.name, None)))
        if resolver.merges is not None:
            resolved = resolver.merges.apply(m.mention, resolved, resolver)
        out[key] = resolved
    return out


def _split_by_country(
    items: Sequence[StoredMention], base: dict[tuple[str, str], Resolution], resolver: PersonResolver
) -> None:
    """Two people of one name from two countries (two "Kim Min-ho", of Korea and of North Korea):
    when the mentions of one name key fall into groups with disjoint countries, each group gets
    ``<key>-<countries>``; mentions that give no country keep the plain key."""
    by_iri: dict[str, list[StoredMention]] = {}
    for m in items:
        iri = base[(m.sha, m.mention.name)].iri
        if resolver.holder(iri) is None:
            by_iri.setdefault(iri, []).append(m)
    for iri, group in by_iri.items():
        components: list[set[str]] = []
        for countries in {m.mention.countries for m in group if m.mention.countries}:
            joined = set(countries)
            for c in [c for c in components if c & joined]:
                joined |= c
                components.remove(c)
            components.append(joined)
        if len(components) < 2:
            continue
        for m in group:
            if not m.mention.countries:
                continue
            part = next(c for c in components if c & m.mention.countries)
            key = (m.sha, m.mention.name)
            res = base[key]
            new = f"{iri}-{'-'.join(sorted(part)).lower()}"
            why = f"same name as people of {', '.join(sorted(set().union(*components) - part))}: kept apart"
            note = Decision(m.mention.name, "kept-apart", m.mention.name, iri, new, 1.0, (why,))
            base[key] = replace(res, iri=new, decisions=(*res.decisions, note))


def _display_names(
    items: Sequence[StoredMention],
    base: dict[tuple[str, str], Resolution],
    final: dict[str, str],
    resolver: PersonResolver,
) -> dict[str, tuple[str, str | None]]:
    """One display name per person, chosen among the spellings the articles write: one a reader
    takes for the table's name first, then the spelling most articles use, English first."""
    spellings: dict[str, dict[tuple[str, str | None], set[str]]] = {}
    for m in items:
        iri = final[base[(m.sha, m.mention.name)].iri]
        spellings.setdefault(iri, {}).setdefault((m.mention.name, m.mention.lang), set()).add(m.sha)
    out = {}
    for iri, names in spellings.items():
        holder = resolver.holder(iri)

        def rank(kv: tuple[tuple[str, str | None], set[str]], holder: Holder | None = holder) -> tuple:
            (name, lang), shas = kv
            table = holder is not None and same_spelling(name, holder.name)
            return (not table, -len(shas), lang != "en", name, lang or "")

        out[iri] = min(names.items(), key=rank)[0]
    return out


def _unique(decisions: Iterable[Decision]) -> list[Decision]:
    seen: dict[tuple[str, str, str], Decision] = {}
    for d in decisions:
        seen.setdefault((d.name, d.outcome, d.candidate_iri), d)
    return list(seen.values())


# ---------------------------------------------------------------- applying it to a store

_MENTIONS_QUERY = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?g ?p ?label ?role ?country ?issued WHERE {
  GRAPH ?g {
    ?p a dip:Person ; skos:hiddenLabel ?label .
    OPTIONAL { ?pos dip:holder ?p ; dip:roleType ?role . OPTIONAL { ?pos dip:ofCountry ?country } }
    OPTIONAL { ?a a dip:Article ; dct:issued ?issued . FILTER(DATATYPE(?issued) = <http://www.w3.org/2001/XMLSchema#date>) }
  }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/dipkg/graph/article/"))
}
"""


@dataclass(frozen=True)
class ResolveReport:
    """What :func:`resolve_store` did: mentions and articles seen, graphs rewritten, people merged."""

    mentions: int
    articles: int
    rewritten: int
    people: int


def stored_mentions(store: Any) -> list[StoredMention]:
    """Every person node of every article graph, with the names, roles and date the graph gives it."""
    from kg.vocab import sha256_of_graph

    rows = store.select(_MENTIONS_QUERY, use_default_graph_as_union=False)
    found: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in rows:
        sha = sha256_of_graph(row["g"].value)
        label = row["label"]
        key = (sha, row["p"].value, label.value)
        item = found.setdefault(key, {"lang": label.language, "roles": set(), "date": None})
        if "role" in row:
            country = row["country"].value.rsplit("/", 1)[-1] if "country" in row else None
            item["roles"].add((row["role"].value.rsplit("/", 1)[-1], country))
        if "issued" in row:
            item["date"] = row["issued"].value
    return [
        StoredMention(sha, iri, Mention(name, v["lang"], frozenset(v["roles"]), v["date"]))
        for (sha, iri, name), v in sorted(found.items())
    ]


def resolve_store(store: Any, resolver: PersonResolver | None = None) -> ResolveReport:
    """Re-resolve every person of ``store`` against the whole corpus, merge the meetings and agreements
    several articles report (:mod:`kg.event_resolution`), and rewrite the article graphs whose IRIs,
    decisions or attestations change (each in its own transaction). Idempotent; the result depends on
    the set of stored articles (and the table and merge file), never on the order they came in."""
    from pyoxigraph import Literal, NamedNode, Quad

    from kg.event_resolution import REPORTED, cluster_agreements, cluster_meetings
    from kg.rdf import decision_quads
    from kg.vocab import DIP, RDF, RDFS, article_graph

    resolver = resolver or default_resolver()
    mentions = stored_mentions(store)
    results = cluster_people(mentions, resolver)
    by_article: dict[str, list[StoredMention]] = {}
    for m in mentions:
        by_article.setdefault(m.sha, []).append(m)
    person_map = {(m.sha, m.iri): results[(m.sha, m.mention.name)].iri for m in mentions}
    meetings, stored_meetings = cluster_meetings(store, person_map)
    agreements = cluster_agreements(store, stored_meetings, meetings.iris)
    chosen = {**meetings.chosen, **agreements.chosen}
    renames: dict[str, dict[str, str]] = {}
    for (sha, old), new in [*meetings.iris.items(), *agreements.iris.items()]:
        renames.setdefault(sha, {})[old] = new
    shas = sorted(set(by_article) | set(renames))
    single = {DIP[name] for pair in REPORTED.items() for name in pair}
    rewritten = 0
    for sha in shas:
        items = by_article.get(sha, [])
        mapping: dict[str, str] = dict(renames.get(sha, {}))
        decisions: list[Decision] = []
        labels: set[Quad] = set()
        lang = None
        for m in sorted(items, key=lambda m: m.mention.name):
            res = results[(m.sha, m.mention.name)]
            mapping.setdefault(m.iri, res.iri)
            decisions.extend(res.decisions)
            lang = lang or m.mention.lang
            text, tag = res.display(m.mention.name, m.mention.lang)
            literal = Literal(text, language=tag) if tag else Literal(text)
            labels.add(Quad(NamedNode(mapping[m.iri]), RDFS.label, literal, NamedNode(article_graph(sha))))
        graph = article_graph(sha)
        stored = store.graph_quads(graph)
        drop = {q.subject for q in stored if q.predicate == RDF.type and q.object == DIP.ResolutionDecision}
        people = {q.subject for q in stored if q.predicate == RDF.type and q.object == DIP.Person}
        nodes = {old: NamedNode(new) for old, new in mapping.items() if old != new}
        quads = set(labels)
        for q in stored:
            if q.subject in drop or (q.subject in people and q.predicate == RDFS.label):
                continue
            s = nodes.get(q.subject.value, q.subject) if isinstance(q.subject, NamedNode) else q.subject
            o = nodes.get(q.object.value, q.object) if isinstance(q.object, NamedNode) else q.object
            predicate = _attested(q.predicate, s, o, chosen) if q.predicate in single else q.predicate
            quads.add(Quad(s, predicate, o, q.graph_name))
        quads |= set(decision_quads(sha, _article_lang(stored) or lang, _unique(decisions)))
        if quads != stored:
            if hasattr(store, "patch_article"):
                removed, added = sorted(stored - quads, key=str), sorted(quads - stored, key=str)
                store.patch_article(sha, removed, added)
            else:
                store.put_article(sha, sorted(quads, key=str))
            rewritten += 1
    people = len({r.iri for r in results.values()})
    return ResolveReport(len(mentions), len(shas), rewritten, people)


def _attested(predicate: Any, subject: Any, obj: Any, chosen: dict[str, dict[str, tuple[str, str]]]) -> Any:
    """``dip:date`` (``dip:meetingType``, ...) when the article's own value is the one its merged node
    keeps, else the article-level attestation ``dip:reportedDate`` (...); the other way round when
    the node's kept value changed back (:data:`kg.event_resolution.REPORTED`)."""
    from kg.event_resolution import REPORTED, reported_predicate
    from kg.vocab import DIP

    values = chosen.get(getattr(subject, "value", ""))
    head, _, name = predicate.value.partition("#")
    if values is None or f"{head}#" != DIP.iri("date").partition("#")[0] + "#":
        return predicate
    main = next((k for k, v in REPORTED.items() if name in (k, v)), None)
    if main is None:
        return predicate
    datatype = getattr(obj, "datatype", None)
    literal = main in ("date", "signedOn") and datatype is not None
    value = (obj.value, datatype.value.rsplit("#", 1)[-1] if literal else "")
    return DIP[reported_predicate(main, value, values)]


def _article_lang(quads: Iterable[Any]) -> str | None:
    from kg.vocab import DCT

    return next((q.object.value for q in quads if q.predicate == DCT.language), None)


def person_known(store: Any, resolver: PersonResolver) -> Any:
    """``known(iri)`` for :func:`kg.merges.load_merges`: a person of the store or of the table."""

    def known(iri: str) -> bool:
        if resolver.holder(iri) is not None:
            return True
        rows = store.select(
            f"SELECT ?g WHERE {{ GRAPH ?g {{ <{iri}> a <https://w3id.org/dipkg/ontology#Person> }} }} LIMIT 1",
            use_default_graph_as_union=False,
        )
        return bool(rows)

    return known


def resolver_for(store: Any, merges: str | Path | None = None) -> PersonResolver:
    """The resolver an ingest or ``kg resolve`` uses: the shipped table plus the merge file ``merges``,
    else ``merges.json`` beside the store when there is one (checked against ``store``)."""
    from kg.merges import default_merges_path, load_merges

    path = Path(merges) if merges is not None else default_merges_path(getattr(store, "path", None))
    if path is None or (merges is None and not path.is_file()):
        return default_resolver()
    base = default_resolver()
    return PersonResolver(base.holders, merges=load_merges(path, known=person_known(store, base)))
