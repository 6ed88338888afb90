"""Words of the network view in English and German, and how dates, amounts and ordinals are written.

Labels read from the store come in the user's language when the store has it
(``rdfs:label``/``skos:prefLabel`` with that language tag), else in English, else
as written. The words the view adds itself (class names, relation names, tooltip
headings, the caption) are in :data:`_WORDS`; a language missing there falls back
to English.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["LANGUAGES", "amount", "date", "ordinal", "word"]

LANGUAGES = ("en", "de")
"""Languages the view's own words are written in (labels from the store may be in any language)."""

_WORDS: dict[str, dict[str, str]] = {
    # classes
    "Person": {"de": "Person"},
    "Country": {"de": "Land"},
    "Format": {"de": "Format"},
    "Meeting": {"de": "Treffen"},
    "Agreement": {"de": "Abkommen"},
    "DiplomaticMission": {"en": "Mission", "de": "Vertretung"},
    "Place": {"de": "Ort"},
    "Statistic": {"en": "Figure", "de": "Kennzahl"},
    "Organization": {"en": "Organisation", "de": "Organisation"},
    "Other": {"de": "Sonstiges"},
    # relations
    "participant": {"de": "Teilnehmer"},
    "format": {"de": "Format"},
    "held in": {"de": "Ort"},
    "participant country": {"de": "Teilnehmerland"},
    "venue country": {"de": "Gastland"},
    "party": {"de": "Vertragspartei"},
    "signed at": {"de": "unterzeichnet bei"},
    "sending country": {"de": "Entsendestaat"},
    "host country": {"de": "Empfangsstaat"},
    "located in": {"de": "Sitz"},
    "concerns": {"de": "betrifft"},
    "member": {"de": "Mitglied"},
    "counterpart": {"de": "Gegenüber"},
    "{role} of": {"de": "{role} von"},
    "former": {"de": "ehemalige(r)"},
    "designate": {"de": "designierte(r)"},
    "position": {"de": "Amt"},
    # fact labels
    "meeting": {"de": "Treffen"},
    "agreement": {"de": "Abkommen"},
    "mission": {"de": "Vertretung"},
    "statistic": {"de": "Kennzahl"},
    "{what} of {country}": {"de": "{what} von {country}"},
    "{what} in {place}": {"de": "{what} in {place}"},
    "million": {"de": "Mio."},
    "billion": {"de": "Mrd."},
    "trillion": {"de": "Bio."},
    # tooltip headings and values
    "Roles": {"de": "Ämter"},
    "ISO code": {"de": "ISO-Code"},
    "in": {"de": "in"},
    "Members": {"de": "Mitglieder"},
    "Date": {"de": "Datum"},
    "Signed on": {"de": "Unterzeichnet am"},
    "Status": {"de": "Status"},
    "Valid from": {"de": "Gültig ab"},
    "Valid until": {"de": "Gültig bis"},
    "Year": {"de": "Jahr"},
    "Evidence": {"de": "Belege"},
    "\u2026 and {n} more": {"de": "\u2026 und {n} weitere"},
    "Meetings": {"de": "Treffen"},
    "Agreements": {"de": "Abkommen"},
    "undated": {"de": "ohne Datum"},
    "held": {"de": "stattgefunden"},
    "planned": {"de": "geplant"},
    "cancelled": {"de": "abgesagt"},
    "signed": {"de": "unterzeichnet"},
    "adopted": {"de": "angenommen"},
    "opened": {"de": "eröffnet"},
    "agreed": {"de": "vereinbart"},
    "closed": {"de": "geschlossen"},
    "Degree": {"de": "Grad"},
    "Betweenness": {"de": "Betweenness"},
    "Community": {"de": "Gruppe"},
    "Weight": {"de": "Gewicht"},
    # views
    "actors": {"en": "Actors", "de": "Akteure"},
    "countries": {"en": "Countries", "de": "Länder"},
    "person": {"en": "Person", "de": "Person"},
    "format view": {"en": "Format", "de": "Format"},
    # the page
    "{view} network": {"de": "Netzwerk: {view}"},
    "{nodes} nodes and {edges} edges": {"de": "{nodes} Knoten und {edges} Kanten"},
    "from {n} articles": {"de": "aus {n} Artikeln"},
    "from 1 article": {"de": "aus 1 Artikel"},
    "Filters": {"de": "Filter"},
    "most active {what}; choose another with --focus": {
        "de": "aktivste(s) {what}; ein(e) andere(s) mit --focus"
    },
    "left out by --max-nodes {limit}: {nodes} of {total} nodes ({classes}) and {edges} edges": {
        "de": "durch --max-nodes {limit} ausgelassen: {nodes} von {total} Knoten ({classes}) und {edges} Kanten"
    },
    "undated facts are left out by --since/--until": {
        "de": "Fakten ohne Datum sind durch --since/--until ausgelassen"
    },
    "node size: degree": {"de": "Knotengröße: Grad"},
    "betweenness and communities are computed up to {n} nodes (kg analyze gives them for any size)": {
        "de": "Betweenness und Gruppen werden bis {n} Knoten berechnet (kg analyze für jede Größe)"
    },
    "Search": {"de": "Suchen"},
    "Search a name\u2026": {"de": "Namen suchen\u2026"},
    "Hover over a node or edge for its evidence; click for links to the articles; drag to move, scroll to zoom.": {
        "de": "Über Knoten oder Kanten fahren zeigt die Belege; Klick zeigt Links zu den Artikeln; "
        "Ziehen verschiebt, Scrollen zoomt."
    },
    "Close": {"de": "Schließen"},
    "{n} matches": {"de": "{n} Treffer"},
    "1 match": {"de": "1 Treffer"},
    "no match": {"de": "kein Treffer"},
    "Legend": {"de": "Legende"},
    "No facts in the store yet. Ingest some articles with kg ingest, then draw again.": {
        "de": "Noch keine Fakten im Speicher. Artikel mit kg ingest einlesen und neu zeichnen."
    },
    "Nothing to draw: {reason}": {"de": "Nichts zu zeichnen: {reason}"},
    "nothing matches these filters ({filters})": {"de": "nichts passt zu diesen Filtern ({filters})"},
    "{what} is not in this view with these filters": {"de": "{what} ist mit diesen Filtern nicht im Bild"},
    "no {what} in the store": {"de": "kein(e) {what} im Speicher"},
}

_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "de": ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."),
}


def word(key: str, lang: str = "en", **values: object) -> str:
    """The view's word for ``key`` in ``lang`` (English when missing), with ``{name}`` filled in."""
    entry = _WORDS.get(key, {})
    text = entry.get(lang) or entry.get("en") or key
    return text.format(**values) if values else text


def ordinal(number: int, lang: str = "en") -> str:
    """``6`` -> ``"6th"`` (English), ``"6."`` (German)."""
    if lang == "de":
        return f"{number}."
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def date(lexical: str, lang: str = "en") -> str:
    """An XSD date for people: ``"--04-26"`` (gMonthDay) -> ``"26 Apr"``; other forms stay as written."""
    match = re.fullmatch(r"--(\d\d)-(\d\d)", lexical)
    if match and 1 <= int(match[1]) <= 12:
        month = _MONTHS.get(lang, _MONTHS["en"])[int(match[1]) - 1]
        return f"{int(match[2])}. {month}" if lang == "de" else f"{int(match[2])} {month}"
    return lexical


def amount(lexical: str, lang: str = "en") -> str:
    """``"43800000000"`` -> ``"43.8 billion"`` (``"43,8 Mrd."`` in German); anything else as written."""
    try:
        value = Decimal(lexical)
    except InvalidOperation:
        return lexical
    for scale, name in (
        (Decimal(10) ** 12, "trillion"),
        (Decimal(10) ** 9, "billion"),
        (Decimal(10) ** 6, "million"),
    ):
        if abs(value) >= scale:
            number = format((value / scale).normalize(), "f")
            return f"{number.replace('.', ',') if lang == 'de' else number} {word(name, lang)}"
    number = format(value.normalize(), "f")
    return number.replace(".", ",") if lang == "de" else number
