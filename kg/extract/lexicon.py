"""The lexicons of one language, compiled into one gazetteer.

Reads ``data/lexicon/*.json`` (through :mod:`kg.reference`) and CLDR country
names, derives the inflected forms German needs (genitive "-s", adjective
endings, "der Kirgisischen Republik"), and compiles everything into a
single :class:`~kg.extract.matcher.Gazetteer`. Built once per language and
cached.

Mention kinds and their values:

=============  ==========================================================
country        ISO code                     "Kasachstan", "Chinas", "PRC"
country_adj    ISO code                     "kasachische", "Kazakh", "Sino"
capital        ISO code                     "Peking" (the government)
role           (role concept, title text)   "Außenminister", "Foreign Minister"
format         format id                    "Zentralasien-China-Format"
city           tuple of City                "Almaty", "Peking"
meeting        (type or None, flags)        "Treffen", "talks"
agreement      type                         "Memorandum", "roadmap"
mission        type                         "Generalkonsulat", "embassy"
statistic      type                         "Handelsvolumen", "trade"
modifier       "former" | "designate"       "ehemalige", "former"
country_group  tuple of ISO codes           "five Central Asian states"
=============  ==========================================================
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from kg import reference
from kg.extract.matcher import Gazetteer
from kg.resources import lexicon_dir

__all__ = ["Lexicon", "lexicon_for"]

_GERMAN_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


@dataclass
class Lexicon:
    lang: str
    gazetteer: Gazetteer
    adjective_parts: dict[
        str, str
    ]  # lower-case adjective / combining form -> ISO (for "kasachisch-chinesisch")
    surname_blocklist: frozenset[str]  # tokens that are lexicon words, never names


def _german_genitive(name: str) -> list[str]:
    if " " in name:
        first, rest = name.split(" ", 1)
        if first.endswith("e") and first[:1].isupper():  # "Kirgisische Republik" -> "Kirgisischen Republik"
            return [f"{first}n {rest}"]
        return []
    if name.endswith(("s", "ß", "x", "z")):
        return []
    return [name + "s"]


def _add_countries(gaz: Gazetteer, lang: str, adjective_parts: dict[str, str], words: set[str]) -> None:
    raw = reference.country_lexicon()
    for iso, country in reference.countries().items():
        base = country.name_de if lang == "de" else country.name_en
        names = {base, country.name_en}
        names.update(text for text, label_lang in country.alt_labels if label_lang in (lang, "en"))
        entry = raw.get(iso, {})
        own = entry.get(lang, {})
        names.update(own.get("names", []))
        if lang == "de":
            for name in list(names):
                names.update(_german_genitive(name))
            names.update(own.get("genitives", []))
        else:
            names.update(n + "'s" for n in list(names) if not n.endswith("s"))
            names.update(n + "’s" for n in list(names) if not n.endswith("s") and "'" not in n)
        for name in names:
            if len(name) > 2 or name.isupper():
                gaz.add(name, "country", iso)
                words.update(name.split())
        for adjective in own.get("adjectives", []):
            forms = [adjective + e for e in _GERMAN_ADJECTIVE_ENDINGS] if lang == "de" else [adjective]
            for form in forms:
                gaz.add(form, "country_adj", iso, fold_first=True)
                adjective_parts[form.lower()] = iso
        for adjective in own.get("adjectives_fixed", []):  # not inflected: "Schweizer", "Luxemburger"
            gaz.add(adjective, "country_adj", iso)
            adjective_parts[adjective.lower()] = iso
        for prefix in own.get("prefixes", []):
            adjective_parts[prefix.lower()] = iso
        for demonym in own.get("demonyms", []):
            gaz.add(demonym, "demonym", iso)
        for key in ("capital", "capital_de" if lang == "de" else "capital_en"):
            capital = entry.get(key)
            if capital:
                gaz.add(capital, "capital", iso)
        # adjectives of the other language still help in compounds ("Sino-Kazakh" in German text)
        for adjective in entry.get("en" if lang == "de" else "de", {}).get("adjectives", []):
            adjective_parts.setdefault(adjective.lower(), iso)


def _add_roles(gaz: Gazetteer, lang: str, words: set[str]) -> None:
    roles = reference.role_lexicon()
    for item in roles.get(lang, []):
        forms = [item["title"]]
        for key in ("feminine", "plural", "forms", "inflections", "variants"):
            value = item.get(key)
            if isinstance(value, str):
                forms.append(value)
            elif isinstance(value, list):
                forms.extend(value)
        implied = item.get("country")  # "Bundeskanzler" names Germany's (or Austria's) office
        if isinstance(implied, list):
            implied = tuple(implied)
        organization = item.get("organization")  # "AU Commission Chairperson": the African Union's office
        for form in dict.fromkeys(forms):  # lexicon order: a set's order changes with PYTHONHASHSEED
            value = (item["role"], form, implied, organization)
            gaz.add(form, "role", value, fold_first=lang == "en" or form[:1].islower())
            if lang == "en":
                gaz.add(form.lower(), "role", value)
                head, _, last = form.rpartition(" ")
                if head and head[:1].isupper():  # "Foreign Ministry spokesman": the office capitalised only
                    gaz.add(f"{head} {last.lower()}", "role", value)
            words.update(form.split())
    for qualifier, by_lang in roles.get("modifiers", {}).items():
        for form in by_lang.get(lang, []):
            if form[:1].isalpha():
                gaz.add(form, "modifier", qualifier, fold_first=True)


def _add_formats(gaz: Gazetteer, words: set[str]) -> None:
    for fmt in reference.formats().values():
        names = {fmt.label_en, fmt.label_de, *(text for text, _ in fmt.aliases)}
        for name in list(names):
            for dash in ("–", "—", "-"):
                names.add(name.replace("–", dash))
        for name in names:
            gaz.add(name, "format", fmt.id)
            if "-" in name and not name.endswith("-Format"):
                gaz.add(name + "-Format", "format", fmt.id)
                gaz.add(name + "-Formats", "format", fmt.id)
            words.update(name.replace("-", " ").replace("–", " ").split())


def _add_cities(gaz: Gazetteer) -> None:
    for name, cities in reference.cities().items():
        gaz.add(name, "city", tuple(cities))


_CURRENCY_NAMES = (
    "US-Dollar",
    "US-Dollars",
    "US dollar",
    "US dollars",
    "U.S. dollar",
    "U.S. dollars",
    "US$",
    "USD",
    "Hongkong-Dollar",
    "Hong Kong dollars",
    "Singapur-Dollar",
    "Singapore dollars",
    "Kanadische Dollar",
    "Canadian dollars",
    "Australian dollars",
    "Swiss francs",
    "Schweizer Franken",
    "Turkish lira",
    "Türkische Lira",
    "Russian roubles",
    "Russian rubles",
    "Russische Rubel",
    "Chinese yuan",
    "Chinesische Yuan",
)


def _add_events(gaz: Gazetteer, lang: str, words: set[str]) -> None:
    data = json.loads((lexicon_dir() / "events.json").read_text(encoding="utf-8"))[lang]
    for kind, entries in data.items():
        for entry in entries:
            if kind == "meeting":
                value: object = (entry["type"], bool(entry.get("generic")), bool(entry.get("verb")))
            else:
                value = entry["type"]
            for form in entry["forms"]:
                gaz.add(form, kind, value)
                words.update(form.split())


@lru_cache(maxsize=4)
def lexicon_for(lang: str) -> Lexicon:
    """The compiled lexicon of ``lang`` ("de" or "en")."""
    gaz = Gazetteer()
    adjective_parts: dict[str, str] = {}
    words: set[str] = set()
    _add_countries(gaz, lang, adjective_parts, words)
    _add_roles(gaz, lang, words)
    _add_formats(gaz, words)
    _add_cities(gaz)
    _add_events(gaz, lang, words)
    groups = json.loads((lexicon_dir() / "groups.json").read_text(encoding="utf-8"))
    for key, group in groups.items():
        if not key.startswith("_"):
            for phrase in group.get(lang, []):
                gaz.add(phrase, "country_group", tuple(group["members"]))
    for name in _CURRENCY_NAMES:  # so that "US-Dollar" is money, never the United States
        gaz.add(name, "currency", name)
    if lang == "de":  # Swiss and Liechtenstein German write "ss" for "ß": "Aussenminister", "Giessen"
        gaz.add_spellings(lambda form: form.replace("ß", "ss"))
    gaz.compile()
    return Lexicon(lang, gaz, adjective_parts, frozenset(words))
