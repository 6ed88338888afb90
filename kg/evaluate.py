"""Measure extraction against hand-made gold facts, article by article.

The gold file of an article lists what a careful reader finds in it (schema:
``docs/evaluation.md``). :func:`score_extraction` compares one
:class:`~kg.model.Extraction` with one gold dict and counts, per category,
true positives, system facts and gold facts (:class:`Counts`);
:func:`evaluate` runs the extractor over a folder of articles and sums those
counts into an :class:`EvalReport`; :func:`format_report` prints it as a table
or as JSON.

The matching rules follow the user's scorer (``score``, which reads an RDF
export), applied here to the extraction itself:

* a person is the same when the names are equal after normalisation, or have
  the same last word and the same first letter ("Jeenbek Kulubaev" /
  "J. Kulubaev"); a gold person also matches through its ``aliases``;
* facts are paired one to one, greedily, best fit first: meetings by
  participant countries (Jaccard), city and format; agreements by party
  countries (Jaccard >= 0.5); missions by sending and host country; figures by
  countries, year and a value within 2 %; formats by label;
* a category with neither gold nor output scores 1.0.

Facts that the RDF layer would merge into one node (same identity key) count
once here too, so a duplicate fact costs nothing in either scorer.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import Agreement, Article, Extraction, Meeting, Mission, Position, Statistic

__all__ = [
    "BANDS",
    "BAND_KINDS",
    "CATEGORIES",
    "MAIN_CATEGORIES",
    "ArticleScore",
    "BandPrecision",
    "Counts",
    "EvalReport",
    "Judgement",
    "evaluate",
    "find_gold",
    "format_report",
    "load_gold",
    "overall_f1",
    "same_person",
    "score_extraction",
]

MAIN_CATEGORIES = ("persons", "roles", "meetings", "agreements", "missions", "figures", "formats")
CATEGORIES = (
    "persons",
    "roles",
    "meetings",
    "meeting.date",
    "meeting.city",
    "meeting.persons",
    "meeting.countries",
    "meeting.format",
    "meeting.ordinal",
    "meeting.type",
    "meeting.status",
    "agreements",
    "agreement.validity",
    "agreement.type",
    "missions",
    "figures",
    "formats",
    "format.members",
)
# Confidence bands: [low, high) except the last, which includes 1.0.
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.0))
BAND_KINDS = ("meetings", "agreements", "positions", "missions", "figures")

GOLD_LISTS = ("persons", "meetings", "agreements", "formats", "missions", "figures")
_REQUIRED = {
    "persons": ("name", "role"),
    "agreements": ("kind", "parties"),
    "formats": ("name",),
    "missions": ("sending", "host"),
    "figures": ("value",),
}
# gold type names that are not CONTRACT.md tails, and the tail they stand for
_CONCEPT_ALIASES = {
    "minister-other": "minister",
    "head-of-state": "president",
    "head-of-government": "prime-minister",
    "chancellor": "prime-minister",
    "plan": "roadmap",
}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Counts:
    """True positives, system facts and gold facts of one category; they add up across articles."""

    tp: int = 0
    sys: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.sys + other.sys, self.gold + other.gold)

    @property
    def precision(self) -> float:
        if self.sys:
            return self.tp / self.sys
        return 0.0 if self.gold else 1.0

    @property
    def recall(self) -> float:
        if self.gold:
            return self.tp / self.gold
        return 0.0 if self.sys else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def empty(self) -> bool:
        return not (self.tp or self.sys or self.gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "sys": self.sys,
            "gold": self.gold,
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Judgement:
    """One system fact: its kind (``BAND_KINDS``), confidence and whether it matched gold."""

    kind: str
    confidence: float
    correct: bool


@dataclass(frozen=True)
class BandPrecision:
    """How many system facts of one kind fall in a confidence band, and how many of them are right."""

    kind: str
    low: float
    high: float
    facts: int
    correct: int

    @property
    def precision(self) -> float | None:
        return self.correct / self.facts if self.facts else None

    @property
    def label(self) -> str:
        return f"{self.low:.2f}-{self.high:.2f}"


@dataclass(frozen=True)
class ArticleScore:
    """The scores of one article."""

    name: str  # file name without its suffix, the gold file's stem
    source: str
    lang: str
    counts: dict[str, Counts]
    judgements: tuple[Judgement, ...] = ()
    failure: str | None = None  # the reader's message when the article could not be read

    @property
    def overall_f1(self) -> float:
        return overall_f1(self.counts)


@dataclass(frozen=True)
class EvalReport:
    """Scores of a folder of articles: totals, per article, per language and per confidence band."""

    articles: tuple[ArticleScore, ...]
    without_gold: tuple[str, ...] = ()

    @property
    def totals(self) -> dict[str, Counts]:
        return _sum_counts(a.counts for a in self.articles)

    @property
    def overall_f1(self) -> float:
        return overall_f1(self.totals)

    @property
    def overall_f1_by_language(self) -> dict[str, float]:
        by_lang: dict[str, list[ArticleScore]] = defaultdict(list)
        for a in self.articles:
            by_lang[a.lang].append(a)
        return {
            lang: overall_f1(_sum_counts(a.counts for a in arts)) for lang, arts in sorted(by_lang.items())
        }

    @property
    def bands(self) -> dict[str, tuple[BandPrecision, ...]]:
        return _band_precision(j for a in self.articles for j in a.judgements)

    def article(self, name: str) -> ArticleScore:
        for a in self.articles:
            if a.name == name:
                return a
        raise KeyError(name)

    def to_dict(self, *, per_article: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "articles": len(self.articles),
            "scores": {k: v.to_dict() for k, v in self.totals.items()},
            "overall_f1": round(self.overall_f1, 4),
            "overall_f1_by_language": {k: round(v, 4) for k, v in self.overall_f1_by_language.items()},
            "confidence_bands": {
                kind: [
                    {
                        "band": b.label,
                        "facts": b.facts,
                        "correct": b.correct,
                        "precision": None if b.precision is None else round(b.precision, 4),
                    }
                    for b in bands
                ]
                for kind, bands in self.bands.items()
            },
            "failures": {a.name: a.failure for a in self.articles if a.failure},
            "without_gold": list(self.without_gold),
        }
        if per_article:
            out["per_article"] = {
                a.name: {
                    "lang": a.lang,
                    "overall_f1": round(a.overall_f1, 4),
                    "scores": {k: v.to_dict() for k, v in a.counts.items()},
                }
                for a in self.articles
            }
        return out


def _sum_counts(per_article: Iterable[dict[str, Counts]]) -> dict[str, Counts]:
    total = {k: Counts() for k in CATEGORIES}
    for counts in per_article:
        for k, v in counts.items():
            total[k] = total.get(k, Counts()) + v
    return total


def overall_f1(counts: Mapping[str, Counts]) -> float:
    """Mean F1 of the main categories; one with neither gold nor output counts 1.0."""
    return sum(counts.get(k, Counts()).f1 for k in MAIN_CATEGORIES) / len(MAIN_CATEGORIES)


def _band_precision(judgements: Iterable[Judgement]) -> dict[str, tuple[BandPrecision, ...]]:
    tally = {kind: [[0, 0] for _ in BANDS] for kind in BAND_KINDS}
    for j in judgements:
        if j.kind not in tally:
            continue
        slot = tally[j.kind][_band_index(j.confidence)]
        slot[0] += 1
        slot[1] += int(j.correct)
    return {
        kind: tuple(BandPrecision(kind, lo, hi, n, ok) for (lo, hi), (n, ok) in zip(BANDS, rows, strict=True))
        for kind, rows in tally.items()
    }


def _band_index(confidence: float) -> int:
    for i, (_, high) in enumerate(BANDS[:-1]):
        if confidence < high:
            return i
    return len(BANDS) - 1


# ---------------------------------------------------------------- gold files


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read and check one gold file; entries marked ``"zone": "boilerplate"`` are dropped.

    Raises :class:`~kg.errors.InputError` naming the file when it is not a gold file.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such gold file") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: not a readable JSON gold file ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: a gold file must hold a JSON object")
    for key in GOLD_LISTS:
        items = data.get(key, [])
        if not isinstance(items, list):
            raise InputError(f"{path}: '{key}' must be a list")
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise InputError(f"{path}: {key}[{i}] must be an object")
            missing = [f for f in _REQUIRED.get(key, ()) if f not in item]
            if missing:
                raise InputError(f"{path}: {key}[{i}] lacks {', '.join(missing)}")
    return _drop_boilerplate(data)


def _drop_boilerplate(gold: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: [x for x in value if not (isinstance(x, dict) and x.get("zone") == "boilerplate")]
        if isinstance(value, list)
        else value
        for key, value in gold.items()
    }


def find_gold(article_path: str | Path, *, gold_dir: str | Path | None = None) -> Path | None:
    """The gold file of ``DIR/NAME.txt``: ``gold_dir/NAME.json``, else ``DIR/NAME.gold.json``, else None."""
    path = Path(article_path)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    candidates = [path.with_name(f"{stem}.gold.json")]
    if gold_dir is not None:
        candidates.insert(0, Path(gold_dir) / f"{stem}.json")
    return next((c for c in candidates if c.is_file()), None)


# ---------------------------------------------------------------- text rules


def _norm(text: Any) -> str:
    """Case-, accent- and dash-insensitive form: "Central Asia–China" -> "central asia china"."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    for dash in _DASHES:
        text = text.replace(dash, "-")
    return " ".join(text.casefold().replace("-", " ").split())


def same_person(a: str, b: str) -> bool:
    """Equal after normalisation, or same last word and same first letter."""
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    wa, wb = na.split(), nb.split()
    return wa[-1] == wb[-1] and wa[0][0] == wb[0][0]


def _any_same(names: Sequence[str], other: str) -> bool:
    return any(same_person(n, other) for n in names)


def _concept(text: Any) -> str:
    """A gold type name as a CONTRACT.md tail: "deputy_prime_minister" -> "deputy-prime-minister"."""
    key = "-".join(_norm(str(text).replace("_", " ")).split()) if text else ""
    return _CONCEPT_ALIASES.get(key, key)


def _date_fits(gold: Any, system: set[str]) -> bool | None:
    """None when gold has no date; else whether a system date agrees (a month-day agrees with its full date)."""
    if not gold:
        return None
    gold = str(gold)
    for d in system:
        if d == gold:
            return True
        if gold.startswith("--") and d.endswith(gold[1:]):
            return True
        if d.startswith("--") and gold.endswith(d[1:]):
            return True
    return False


def _jaccard(a: set, b: set) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 1.0


def _pairs(
    gold: Sequence, system: Sequence, fit: Callable[[Any, Any], float | None]
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index), taking the best-fitting candidate first."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            score = fit(g, s)
            if score is not None:
                candidates.append((score, gi, si))
    candidates.sort(reverse=True)
    used_gold: set[int] = set()
    used_sys: set[int] = set()
    pairs = []
    for _, gi, si in candidates:
        if gi in used_gold or si in used_sys:
            continue
        used_gold.add(gi)
        used_sys.add(si)
        pairs.append((gi, si))
    return pairs


# ---------------------------------------------------------------- system facts, as the graph shows them


@dataclass(frozen=True)
class _FormatInfo:
    labels: frozenset[str]  # normalised; empty when the format is unknown
    members: frozenset[str]


def _format_table(formats: Mapping[str, Any] | None) -> Callable[[str], _FormatInfo]:
    if formats is None:
        from kg.reference import formats as reference_formats

        formats = reference_formats()
    table = formats

    def info(format_id: str) -> _FormatInfo:
        f = table.get(format_id)
        if f is None:
            return _FormatInfo(frozenset(), frozenset())
        texts = [f.label_en, f.label_de, *(text for text, _ in f.aliases)]
        return _FormatInfo(frozenset(_norm(t) for t in texts if t), frozenset(f.members))

    return info


def _labels(name: str, extraction: Extraction) -> list[str]:
    """A person's name and the other full-name spellings the article uses (as rdfs:label / skos:altLabel)."""
    others = [s for s in extraction.persons.get(name, ()) if s != name and len(s.split()) >= 2]
    return [name, *dict.fromkeys(others)]


def _grouped(facts: Iterable[Any], key: Callable[[Any], tuple]) -> list[list[Any]]:
    groups: dict[tuple, list[Any]] = {}
    for fact in facts:
        groups.setdefault(key(fact), []).append(fact)
    return list(groups.values())


def _date_key(d: Any) -> str | None:
    return f"{d.lexical}^{d.datatype}" if d is not None else None


def _place_key(p: Any) -> str | None:
    return f"{p.key}-{p.country.lower()}" if p is not None else None


def _meeting_key(m: Meeting) -> tuple:
    return (
        m.meeting_type,
        _date_key(m.date),
        _place_key(m.place),
        m.venue_country,
        m.format,
        tuple(sorted(set(m.participant_countries))),
    )


def _agreement_key(a: Agreement) -> tuple:
    return (
        a.agreement_type,
        tuple(sorted(set(a.parties))),
        tuple(sorted(set(a.party_organizations))),
        _date_key(a.signed_on),
        a.signed_at,
        _date_key(a.valid_from),
        _date_key(a.valid_until),
    )


def _meeting_keys(meetings: Sequence[Meeting]) -> Callable[[Meeting], tuple]:
    """The key of each meeting as the graph names it: two meetings of one key (kind, day, town, sides)
    are told apart by the people at each (kg.rdf names them so)."""
    counts: dict[tuple, int] = defaultdict(int)
    for m in meetings:
        counts[_meeting_key(m)] += 1

    def key(m: Meeting) -> tuple:
        shared = _meeting_key(m)
        return (*shared, tuple(sorted(set(m.participants)))) if counts[shared] > 1 else shared

    return key


def _agreement_keys(agreements: Sequence[Agreement]) -> Callable[[Agreement], tuple]:
    """The key of each agreement as the graph names it: agreements of one key are one node, unless their
    titles differ ("an MoU on investment …; an MoU on food security …"): then each title is its own node
    (kg.rdf names them so)."""
    titles: dict[tuple, set[str]] = {}
    for a in agreements:
        titles.setdefault(_agreement_key(a), set()).add(a.title or "")

    def key(a: Agreement) -> tuple:
        shared = _agreement_key(a)
        return (*shared, a.title or "") if len(titles[shared]) > 1 else shared

    return key


def _mission_key(m: Mission) -> tuple:
    return (m.mission_type, m.sending_country, m.host_country, _place_key(m.place), m.status)


def _statistic_key(s: Statistic) -> tuple:
    return (s.statistic_type, tuple(sorted(set(s.concerns))), s.year, s.value.normalize(), s.currency)


def _position_key(p: Position) -> tuple:
    return (p.person, p.role, p.country, p.organization, p.qualifier)


def _city_names(places: Iterable[Any]) -> set[str]:
    return {_norm(n) for p in places if p is not None for n in (p.name, p.label_de, p.written) if n}


@dataclass
class _SysMeeting:
    countries: set[str]
    dates: set[str]
    cities: set[str]
    persons: set[str]
    formats: set[str]
    format_members: set[str]
    ordinals: set[str]
    types: set[str]
    statuses: set[str]
    confidence: float


def _sys_meetings(x: Extraction, info: Callable[[str], _FormatInfo]) -> tuple[list[_SysMeeting], list[str]]:
    meetings, format_ids = [], []
    for group in _grouped(x.meetings, _meeting_keys(x.meetings)):
        fmt_ids = {m.format for m in group if m.format}
        format_ids.extend(fmt_ids)
        fmt_labels: set[str] = set()
        members: set[str] = set()
        for f in fmt_ids:
            known = info(f)
            fmt_labels |= known.labels or {_norm(f)}
            members |= known.members
        meetings.append(
            _SysMeeting(
                countries={c for m in group for c in m.participant_countries if c},
                dates={m.date.lexical for m in group if m.date is not None},
                cities=_city_names(m.place for m in group),
                persons={n for m in group for p in m.participants for n in _labels(p, x)},
                formats=fmt_labels,
                format_members=members,
                ordinals={str(m.ordinal) for m in group if m.ordinal is not None},
                types={m.meeting_type for m in group},
                statuses={m.status for m in group if m.status} or {"held"},
                confidence=max(m.confidence for m in group),
            )
        )
    return meetings, sorted(set(format_ids))


# ---------------------------------------------------------------- scoring


class _Tally:
    def __init__(self) -> None:
        self.counts = {k: Counts() for k in CATEGORIES}
        self.judgements: list[Judgement] = []

    def add(self, category: str, tp: int, sys: int, gold: int) -> None:
        self.counts[category] = self.counts[category] + Counts(tp, sys, gold)

    def judge(self, kind: str, confidence: float, correct: bool) -> None:
        self.judgements.append(Judgement(kind, float(confidence), bool(correct)))


def score_extraction(
    extraction: Extraction, gold: Mapping[str, Any], *, formats: Mapping[str, Any] | None = None
) -> dict[str, Counts]:
    """Counts per category (every name of ``CATEGORIES``) of one extraction against one gold dict.

    ``formats`` maps format ids to records with ``label_en``, ``label_de``, ``aliases``
    ((text, lang) pairs) and ``members``; by default ``kg.reference.formats()``.
    """
    return _score(extraction, gold, formats=formats).counts


def _score(extraction: Extraction, gold: Mapping[str, Any], *, formats: Mapping[str, Any] | None) -> _Tally:
    gold = _drop_boilerplate(gold)
    tally = _Tally()
    info = _format_table(formats)
    _score_people(extraction, gold, tally)
    format_ids = _score_meetings(extraction, gold, tally, info)
    _score_agreements(extraction, gold, tally)
    _score_missions(extraction, gold, tally)
    _score_figures(extraction, gold, tally)
    _score_formats(format_ids, gold, tally, info)
    return tally


def _gold_names(person: Mapping[str, Any]) -> list[str]:
    return [person["name"], *person.get("aliases", [])]


def _score_people(x: Extraction, gold: Mapping[str, Any], tally: _Tally) -> None:
    gold_persons = gold.get("persons", [])
    people: list[list[str]] = []  # one entry per distinct gold person: its names
    for p in gold_persons:
        if not any(_any_same(names, p["name"]) for names in people):
            people.append(_gold_names(p))
    groups = _grouped(x.positions, _position_key)
    positions = [group[0] for group in groups]
    confidences = [max(q.confidence for q in group) for group in groups]
    system: list[str] = []
    for pos in positions:
        for name in _labels(pos.person, x):
            if name and not any(same_person(name, known) for known in system):
                system.append(name)
    tp = len(_pairs(people, system, lambda g, s: 1 if _any_same(g, s) else None))
    tally.add("persons", tp, len(system), len(people))

    gold_roles = {
        (tuple(_gold_names(p)), _concept(role), p.get("country"))
        for p in gold_persons
        for role in [p["role"], *p.get("also", [])]
    }

    def role_fits(g: tuple, name: str, role: str, country: str | None) -> bool:
        return _any_same(g[0], name) and g[1] == role and g[2] == country

    sys_roles = {(_norm(n), p.role, p.country) for p in positions for n in _labels(p.person, x)}
    hits = sum(1 for g in gold_roles if any(role_fits(g, *s) for s in sys_roles))
    tally.add("roles", hits, len(sys_roles), len(gold_roles))
    for pos, conf in zip(positions, confidences, strict=True):
        right = any(
            role_fits(g, n, pos.role, pos.country) for g in gold_roles for n in _labels(pos.person, x)
        )
        tally.judge("positions", conf, right)


def _score_meetings(
    x: Extraction, gold: Mapping[str, Any], tally: _Tally, info: Callable[[str], _FormatInfo]
) -> list[str]:
    system, format_ids = _sys_meetings(x, info)
    gold_meetings = gold.get("meetings", [])

    def cities(g: Mapping[str, Any]) -> set[str]:
        return {_norm(c) for c in [g.get("city"), *g.get("city_aliases", [])] if c}

    def format_names(g: Mapping[str, Any]) -> set[str]:
        return {_norm(f) for f in [g.get("format"), *g.get("format_aliases", [])] if f}

    def countries(g: Mapping[str, Any], s: _SysMeeting) -> tuple[set[str], set[str]]:
        # members of the named format that gold does not list are not held against the system
        wanted = set(g.get("participant_countries") or [])
        return wanted, s.countries - (s.format_members - wanted)

    def fit(g: Mapping[str, Any], s: _SysMeeting) -> float | None:
        wanted, got = countries(g, s)
        j = _jaccard(wanted, got) if wanted else 0.0
        city = bool(cities(g) & s.cities) if g.get("city") else None
        fmt = bool(format_names(g) & s.formats) if g.get("format") else None
        if not (j >= 0.5 or (city and (fmt or j > 0)) or (fmt and j > 0)):
            return None
        d = _date_fits(g.get("date"), s.dates)
        kind = _concept(g.get("kind")) in s.types
        return j + (d is True) - (d is False) + (city is True) + (fmt is True) + kind

    pairs = _pairs(gold_meetings, system, fit)
    tally.add("meetings", len(pairs), len(system), len(gold_meetings))
    matched = {si for _, si in pairs}
    for si, s in enumerate(system):
        tally.judge("meetings", s.confidence, si in matched)
    for gi, si in pairs:
        g, s = gold_meetings[gi], system[si]
        if g.get("date"):
            tally.add("meeting.date", int(bool(_date_fits(g["date"], s.dates))), 1, 1)
        if g.get("city"):
            tally.add("meeting.city", int(bool(cities(g) & s.cities)), 1, 1)
        gold_people, sys_people = g.get("participant_persons") or [], sorted(s.persons)
        same = _pairs(gold_people, sys_people, lambda a, b: 1 if same_person(a, b) else None)
        tally.add("meeting.persons", len(same), len(sys_people), len(gold_people))
        wanted, got = countries(g, s)
        tally.add("meeting.countries", len(wanted & got), len(got), len(wanted))
        if g.get("format"):
            tally.add("meeting.format", int(bool(format_names(g) & s.formats)), 1, 1)
        if g.get("status") in ("held", "planned", "cancelled"):
            tally.add("meeting.status", int(g["status"] in s.statuses), 1, 1)
        if g.get("ordinal"):
            tally.add("meeting.ordinal", int(str(g["ordinal"]) in s.ordinals), 1, 1)
        if g.get("kind"):
            tally.add("meeting.type", int(_concept(g["kind"]) in s.types), 1, 1)
    return format_ids


def _score_agreements(x: Extraction, gold: Mapping[str, Any], tally: _Tally) -> None:
    groups = _grouped(x.agreements, _agreement_keys(x.agreements))
    system = [
        {
            "parties": {c for a in group for c in a.parties},
            "from": {a.valid_from.lexical[:4] for a in group if a.valid_from},
            "until": {a.valid_until.lexical[:4] for a in group if a.valid_until},
            "types": {a.agreement_type for a in group},
            "confidence": max(a.confidence for a in group),
        }
        for group in groups
    ]
    gold_agreements = gold.get("agreements", [])

    def fit(g: Mapping[str, Any], s: dict) -> float | None:
        j = _jaccard(set(g["parties"] or []), s["parties"])
        return j + (_concept(g["kind"]) in s["types"]) if j >= 0.5 else None

    pairs = _pairs(gold_agreements, system, fit)
    tally.add("agreements", len(pairs), len(system), len(gold_agreements))
    matched = {si for _, si in pairs}
    for si, s in enumerate(system):
        tally.judge("agreements", s["confidence"], si in matched)
    for gi, si in pairs:
        g, s = gold_agreements[gi], system[si]
        for key, field_ in (("valid_from", "from"), ("valid_until", "until")):
            if g.get(key):
                tally.add("agreement.validity", int(str(g[key])[:4] in s[field_]), 1, 1)
        tally.add("agreement.type", int(_concept(g["kind"]) in s["types"]), 1, 1)


def _score_missions(x: Extraction, gold: Mapping[str, Any], tally: _Tally) -> None:
    groups = _grouped(x.missions, _mission_key)
    system = [
        (group[0].sending_country, group[0].host_country, _city_names(m.place for m in group), group)
        for group in groups
    ]
    gold_missions = gold.get("missions", [])

    def fit(g: Mapping[str, Any], s: tuple) -> float | None:
        sending, host, cities, _ = s
        if sending is None or host is None or (g.get("sending"), g.get("host")) != (sending, host):
            return None
        return 1 + (_norm(g.get("city")) in cities)

    pairs = _pairs(gold_missions, system, fit)
    tally.add("missions", len(pairs), len(system), len(gold_missions))
    matched = {si for _, si in pairs}
    for si, (*_, group) in enumerate(system):
        tally.judge("missions", max(m.confidence for m in group), si in matched)


def _score_figures(x: Extraction, gold: Mapping[str, Any], tally: _Tally) -> None:
    groups = _grouped(x.statistics, _statistic_key)
    gold_figures = gold.get("figures", [])

    def fit(g: Mapping[str, Any], group: list[Statistic]) -> float | None:
        s = group[0]
        if set(g.get("countries") or []) != set(s.concerns):
            return None
        if g.get("year") and (s.year is None or str(g["year"]) != f"{int(s.year):04d}"):
            return None
        value = float(g["value"])
        return 1 if abs(float(s.value) - value) <= 0.02 * abs(value) else None

    pairs = _pairs(gold_figures, groups, fit)
    tally.add("figures", len(pairs), len(groups), len(gold_figures))
    matched = {si for _, si in pairs}
    for si, group in enumerate(groups):
        tally.judge("figures", max(s.confidence for s in group), si in matched)


def _score_formats(
    format_ids: list[str], gold: Mapping[str, Any], tally: _Tally, info: Callable[[str], _FormatInfo]
) -> None:
    gold_formats = gold.get("formats", [])

    def fit(g: Mapping[str, Any], format_id: str) -> float | None:
        names = {_norm(n) for n in [g["name"], *g.get("aliases", [])]}
        return 1 if names & info(format_id).labels else None

    pairs = _pairs(gold_formats, format_ids, fit)
    tally.add("formats", len(pairs), len(format_ids), len(gold_formats))
    for gi, si in pairs:
        wanted, got = set(gold_formats[gi].get("members") or []), set(info(format_ids[si]).members)
        tally.add("format.members", len(wanted & got), len(got), len(wanted))


# ---------------------------------------------------------------- a folder of articles


def evaluate(
    articles_dir: str | Path,
    *,
    gold_dir: str | Path | None = None,
    extractor: Callable[[Article], Extraction] | None = None,
    formats: Mapping[str, Any] | None = None,
) -> EvalReport:
    """Extract every article of ``articles_dir`` that has a gold file and score it.

    Articles are the ``.txt``, ``.md``, ``.html`` and ``.htm`` files directly in the folder;
    gold for ``NAME.txt`` is ``gold_dir/NAME.json``, else ``articles_dir/NAME.gold.json``.
    ``extractor`` defaults to :func:`kg.extract.extract`. An article that cannot be read is
    scored as an empty extraction and its message kept in :attr:`ArticleScore.failure`.
    Raises :class:`~kg.errors.InputError` when a folder is missing or no article has gold.
    """
    from kg.sources import SourceFailure, iter_articles

    folder = Path(articles_dir)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder of articles")
    if gold_dir is not None and not Path(gold_dir).is_dir():
        raise InputError(f"{gold_dir}: no such gold folder")
    if extractor is None:
        from kg.extract import extract as extractor
    if formats is None:
        from kg.reference import formats as reference_formats

        formats = reference_formats()

    scores, without_gold = [], []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _ARTICLE_SUFFIXES):
        name = path.name[: -len(path.suffix)]
        gold_path = find_gold(path, gold_dir=gold_dir)
        if gold_path is None:
            without_gold.append(name)
            continue
        gold = load_gold(gold_path)
        failure = None
        items = list(iter_articles([path]))
        article = next((a for a in items if isinstance(a, Article)), None)
        if article is None:
            failure = (
                "; ".join(str(f) for f in items if isinstance(f, SourceFailure)) or f"{path}: no article"
            )
            extraction = Extraction(article=Article(text="", sha256="", source=str(path)))
        else:
            extraction = extractor(article)
        tally = _score(extraction, gold, formats=formats)
        scores.append(
            ArticleScore(
                name=name,
                source=str(path),
                lang=(article.lang if article is not None else None) or "?",
                counts=tally.counts,
                judgements=tuple(tally.judgements),
                failure=failure,
            )
        )
    if not scores:
        raise InputError(f"{folder}: no article with a gold file")
    return EvalReport(articles=tuple(scores), without_gold=tuple(without_gold))


# ---------------------------------------------------------------- output


def format_report(report: EvalReport, *, as_json: bool = False, per_article: bool = False) -> str:
    """The report as a table (like the user's scorer; last line ``overall F1 <x>``) or as JSON."""
    if as_json:
        return json.dumps(report.to_dict(per_article=per_article), indent=1, ensure_ascii=False)
    lines = [f"{len(report.articles)} articles"]
    lines.append(f"{'category':22} {'P':>6} {'R':>6} {'F1':>6}   tp/sys/gold")
    for k, v in report.totals.items():
        if v.empty and k not in MAIN_CATEGORIES:
            continue
        lines.append(f"{k:22} {v.precision:6.2f} {v.recall:6.2f} {v.f1:6.2f}   {v.tp}/{v.sys}/{v.gold}")
    if per_article:
        for a in report.articles:
            wrong = {k: f"{v.tp}/{v.sys}/{v.gold}" for k, v in a.counts.items() if v.f1 < 1}
            note = f" (unread: {a.failure})" if a.failure else ""
            lines.append(f"  {a.name}: {wrong or 'all right'}{note}")
    lines.append("precision by confidence band (correct/facts):")
    lines.append(f"{'':12}" + "".join(f"{f'{lo:.2f}-{hi:.2f}':>16}" for lo, hi in BANDS))
    for kind, bands in report.bands.items():
        cells = []
        for b in bands:
            cell = "-" if b.precision is None else f"{b.correct}/{b.facts} {b.precision:.2f}"
            cells.append(f"{cell:>16}")
        lines.append(f"{kind:12}" + "".join(cells))
    by_lang = report.overall_f1_by_language
    if len(by_lang) > 1:
        lines.append("overall F1 by language: " + ", ".join(f"{k} {v:.3f}" for k, v in by_lang.items()))
    lines.append(f"overall F1 {report.overall_f1:.3f}")
    return "\n".join(lines)
