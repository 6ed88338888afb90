"""Agreements signed or adopted, and diplomatic missions opened, agreed or closed.

Needs: agreement, mission, country, country_adj, city mentions; meetings
(``doc.meeting_mentions``). Adds: ``found.agreements``, ``found.missions``.

An agreement word becomes an Agreement only in a sentence that signs or
adopts it (or plans to), outside quotations and not negated. Its parties are
the countries of a "between X and Y" phrase, else the countries the sentence
names, else the countries of the meeting it was signed at. A mission word
becomes a DiplomaticMission only with a verb that opens, agrees or closes it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from kg.extract.dates import find_dates, find_year_range
from kg.extract.document import Document, capital_country, members_acting_as_one, names_of_states
from kg.extract.matcher import Mention
from kg.extract.numbers import COUNT_WORDS
from kg.extract.text import LIST_ITEM, LIVE_STAMP, Sentence
from kg.model import Agreement, DateValue, Meeting, Mission, PlaceRef

__all__ = ["find_agreements", "find_missions"]

_MINISTRIES = re.compile(
    r"\b(?:Au(?:ß|ss)enministerien|Au(?:ß|ss)enministeriums|Au(?:ß|ss)enministerium|Au(?:ß|ss)enämter|foreign ministries|foreign ministry|"
    r"Ministries of Foreign Affairs|Ministry of Foreign Affairs|ministries of foreign affairs)\b"
)
_BETWEEN = re.compile(r"\b(?:zwischen|between)\b")
_TITLE_STOP = re.compile(
    r"\s+(?:für den Zeitraum|für die Jahre|for the period|for the years|for|für|wurde|wurden|was|were|"
    r"unterzeichnet|signed|verabschiedet|adopted|with|mit|"
    # its later life is no part of its name: "… bis Ende 2027 verlängert worden ist", "… von 1995 ablösen"
    r"bis Ende|bis \d|until|ist|sind|is|are|has|hat|verlängert|extended|ratifiziert|ratified|gekündigt|terminated|"
    r"ablösen|ersetzen|ersetzt|replaces?|in Kraft|into force)\b|[,;.:]"
)


_DATELINE = re.compile(r"^[A-ZÄÖÜ][\w .'-]{1,40},\s+[^–—\n]{3,30}?(?:\([^)]{1,60}\))?\s*[-–—]\s")
_VALID_UNTIL = re.compile(
    r"\b(?:valid|in force|runs|run|expires|gilt|gültig|läuft|verlängert|extended|renewed|prolonged)\b[^.;]{0,30}?"
    r"\b(?:until|through|till|bis|to)\s+(?:(?:Ende|end of|the end of)\s+)?(?P<year>(?:19|20)\d\d)\b|"
    # "bis Ende 2026 verlängert", "until 2028 extended"
    r"\b(?:bis|until)\s+(?:Ende\s+|end of\s+)?(?P<year2>(?:19|20)\d\d)\s+(?:verlängert|extended|läuft|laufen|gilt|gelten|gültig)\b",
    re.IGNORECASE,
)


_YEARS_NAMED = re.compile(
    r"\b(?:für die Jahre|for the years)\s+(?P<first>(?:19|20)\d\d)\s+(?:und|and)\s+(?P<last>(?:19|20)\d\d)\b"
)


def _years_named(doc: Document, sentence: Sentence):
    """ "für die Jahre 2025 und 2026", "for the years 2026 and 2027": the first and the last year."""
    m = _YEARS_NAMED.search(doc.text, sentence.start, sentence.end)
    if m is None or int(m.group("last")) - int(m.group("first")) != 1:
        return None
    text = m.group(0)
    return (
        DateValue(m.group("first"), "gYear", text, "absolute"),
        DateValue(m.group("last"), "gYear", text, "absolute"),
    )


def _valid_until(doc: Document, sentence: Sentence):
    """ "The treaty will remain valid until 2030" (in the sentence or the next one): an end year only."""
    following = doc.sentences[sentence.index + 1 : sentence.index + 2]
    for part in (sentence, *following):
        m = _VALID_UNTIL.search(part.text)
        if m:
            return None, DateValue(m.group("year") or m.group("year2"), "gYear", m.group(0), "absolute")
    return None


_NUMBERS = {word: n for word, n in COUNT_WORDS.items() if n <= 10}  # a term of years, up to ten
_VALID_FOR = re.compile(
    r"\b(?:valid|in force|into force|remain\w*|runs?|effect|gilt|gültig|läuft|Laufzeit|Geltungsdauer)\b[^.;]{0,40}?\b"
    r"(?:for|für|von)\s+(?:(?:a|an initial|the initial) (?:period|term) of\s+|(?:einen|die) (?:Zeitraum|Dauer) von\s+|"
    r"(?:zunächst|vorerst|initially)\s+)?(?P<n>\d{1,2}|"
    + "|".join(_NUMBERS)
    + r")\s+(?:years|Jahre|Jahren)\b",
    re.IGNORECASE,
)


def _valid_for(doc: Document, sentence: Sentence, since: DateValue | None):
    """ "The memorandum will remain in force for five years" (in the sentence or the next one): from the
    year it was signed or entered into force (``since``; else the article's) to that year and five."""
    following = doc.sentences[sentence.index + 1 : sentence.index + 2]
    year = (since.lexical if since else "")[:4] or (doc.article.date or "")[:4]
    if not year.isdigit():
        return None
    for part in (sentence, *following):
        m = _VALID_FOR.search(part.text)
        if m:
            n = m.group("n").lower()
            years = int(n) if n.isdigit() else _NUMBERS[n]
            return (
                DateValue(year, "gYear", m.group(0), "relative-to-event"),
                DateValue(str(int(year) + years), "gYear", m.group(0), "relative-to-event"),
            )
    return None


_ANAPHOR_START = re.compile(
    r"\s*(?:Es|Er|Sie|It|Das Abkommen|Der Vertrag|Die Vereinbarung|The (?:agreement|treaty|memorandum))\b"
)


def _entered_into_force(doc: Document, sentence: Sentence, signed_on: DateValue | None) -> DateValue | None:
    """The year a signed text entered into force, told with its signing or in the next sentence ("… am 27.
    Februar unterzeichnete Abkommen ist am 1. Mai 2026 in Kraft getreten", "It entered into force on 1
    March"): the date nearest the words, if it is not the signing's."""
    parts = [sentence]
    following = doc.sentences[sentence.index + 1 : sentence.index + 2]
    if following and following[0].paragraph == sentence.paragraph and _ANAPHOR_START.match(following[0].text):
        parts.append(following[0])
    for part in parts:
        m = doc.cues.IN_FORCE.search(doc.text, part.start, part.end)
        if m is None:
            continue
        dates = [
            d
            for d in find_dates(doc.text, article_date=doc.article.date, start=part.start, end=part.end)
            if d.start < m.end() + 40 and not (signed_on and d.value.lexical == signed_on.lexical)
        ]
        if dates:
            nearest = min(dates, key=lambda d: abs(d.start - m.start()))
            return DateValue(nearest.value.lexical[:4], "gYear", nearest.value.text, nearest.value.resolution)
    return None


_THE_TWO = re.compile(
    r"\b(?:the two|both) (?:leaders|ministers|foreign ministers|presidents|prime ministers|heads of state|sides|men|women|"
    r"governments|countries|states)\b|\b[Tt]he (?:labour|foreign|trade|health|economy|interior|justice|education) ministries\b|"
    r"\b(?:die beiden|beide) (?:Minister\w*|Außenminister\w*|Präsident\w*|Regierungschef\w*|Staatschef\w*|Seiten|Männer|Frauen)\b",
    re.IGNORECASE,
)


def _the_two(doc: Document, sentence: Sentence, mention: Mention) -> Meeting | None:
    """ "At the end of the session the two leaders exchanged signed copies of a fisheries agreement": the
    meeting of exactly two sides first told last (in the sentence or the two before) is the signing's."""
    if not _THE_TWO.search(doc.text, sentence.start, mention.start):
        return None
    floor = doc.sentences[max(0, sentence.index - 2)].start
    pairs = [
        m
        for m in doc.found.meetings
        if len(set(m.participant_countries)) == 2 and floor <= m.evidence[0].char_start <= sentence.start
    ]
    return max(pairs, key=lambda m: m.evidence[0].char_start) if pairs else None


_ITEMS_YEAR = re.compile(r"\W{0,3}(?P<year>(?:19|20)\d\d)\s*[-–—:]\s")


def _in_the_items_year(sentence: Sentence, day: DateValue | None) -> DateValue | None:
    """A list item that opens with its year ("* 1992 - … signed in January"): a day the item gives without
    a year is of that year, and an item without a day was signed that year."""
    m = _ITEMS_YEAR.match(sentence.text)
    if m is None:
        return day
    year = m.group("year")
    if day is None:
        return DateValue(year, "gYear", year, "absolute")
    if day.resolution.startswith("relative") and day.datatype in ("date", "gYearMonth"):
        return DateValue(year + day.lexical[4:], day.datatype, day.text, "absolute")
    return day


def _own_stretch(doc: Document, sentence: Sentence, mention: Mention) -> tuple[int, int]:
    """The part of the sentence that speaks of this document, not the one before or after it ("sign off
    Honiara communiqué as PNG and Solomons seal tuna pact": the two states seal the pact)."""
    others = [
        m for m in doc.mentions_in(sentence.start, sentence.end, "agreement") if m.start != mention.start
    ]
    low = max([m.end for m in others if m.end <= mention.start], default=sentence.start)
    high = min([m.start for m in others if m.start >= mention.end], default=sentence.end)
    clause = _NEXT_CLAUSE.search(doc.text, mention.end, high)
    return low, clause.start() if clause else high


_NEXT_CLAUSE = re.compile(r"\s(?:as|while|whereas|after|als|während|nachdem|bevor|before)\s")


def _headline_names_an_agreement(doc: Document) -> bool:
    """Whether the headline is about a document ("Steuerabkommen mit der Mongolei", "the treaty …")."""
    title = doc.sentences[0] if doc.sentences else None
    return (
        title is not None
        and title.paragraph == 0
        and (bool(doc.mentions_in(title.start, title.end, "agreement")) or bool(_COMPOUND.search(title.text)))
    )


def _headline_pair(doc: Document) -> list[str]:
    """The two countries a headline names, when it names exactly two ("Key agreements between South Korea
    and Kazakhstan"): the sides an article about one pair means by "the two governments"."""
    title = doc.sentences[0] if doc.sentences else None
    if title is None or title.paragraph != 0:
        return []
    found: list[str] = []
    for m in doc.mentions_in(title.start, title.end, "country", "country_adj", "city"):
        iso = str(m.value) if m.kind != "city" else (capital_country(m) if _paired(doc, m) else None)
        if iso and iso not in found:
            found.append(iso)  # "FACTBOX-Seoul and Astana: three decades of deals"
    return found if len(found) == 2 else []


_YEAR_OF = re.compile(  # the year a document is of: "von 1994", "aus dem Jahr 1991", "of 1999"
    r"(?:\s+(?:zwischen|between)\s+[^.;,()]{3,40}?)?\s+(?:\([^)]{1,20}\)\s+)?(?:von|aus dem Jahre?|of|from)\s+"
    r"(?P<year>(?:19|20)\d\d)\b(?!\s*(?:bis|to|until|[-–/]))"
)
_BARE_WORD_AFTER = re.compile(
    r"\s+(?!(?:über|zur|zum|für|zwischen|mit|on|of|for|between|with|to)\b)[a-zäöüß]|\s*[,.;:]"
)
_DEFINITE_WORD = re.compile(r"\b(?:der|das|den|dem|des|the)\s+$", re.IGNORECASE)


def _compound_subjects(doc: Document, word: str) -> frozenset[str]:
    """What a German compound document word is about ("Investitionsschutzabkommen" -> investment
    protection); nothing for a plain word ("Abkommen") or in English."""
    return _compound_subjects_of(word) if doc.lang == "de" else frozenset()


def _compound_subjects_of(title: str | None) -> frozenset[str]:
    from kg.event_resolution import subject_words

    heads = [w for w in (title or "").split() if _COMPOUND.fullmatch(w)]
    return subject_words(heads[0], "de") if heads else frozenset()


_TOPIC = re.compile(r"\b(?:über|zur|zum|on|concerning)\s+(?P<topic>[^,.;()]{4,80})")


def _subjects_of(title: str | None, lang: str) -> frozenset[str]:
    """What a told document is about: its German compound's subject ("Doppelbesteuerungsabkommen"), else
    the words of its "über …"/"on …" ("Vereinbarung … über die Anwerbung von Pflegekräften")."""
    from kg.event_resolution import subject_words

    if lang == "de" and (compound := _compound_subjects_of(title)):
        return compound
    topic = _TOPIC.search(title or "")
    return subject_words(topic.group("topic"), lang) if topic else frozenset()


def _same_agreement(
    agreements,
    agreement_type: str,
    parties: list[str],
    period,
    subjects: frozenset[str] = frozenset(),
    age: str | None = None,
    ages: dict[int, str] | None = None,
    lang: str = "de",
    compound: bool = True,
    headline_start: int = -1,
) -> Agreement | None:
    for agreement in agreements:
        if agreement.agreement_type != agreement_type or set(agreement.parties) != set(parties):
            continue
        if age and (ages or {}).get(id(agreement), age) != age:
            continue  # "das neue Abkommen" and "das Abkommen von 1994, das die Mongolei kündigte": two documents
        # a compound is compared with a compound or an "über …"; an "über …"/"on …" with a headline's is not
        # (a headline's "joint statement on connectivity" is the body's "joint statement … on minerals")
        told = frozenset()
        if subjects:
            told = _compound_subjects_of(agreement.title) if lang == "de" else frozenset()
            by_topic = compound or agreement.evidence[0].char_start != headline_start
            told = told or (_subjects_of(agreement.title, lang) if by_topic else frozenset())
        if subjects and told and not subjects & told:
            continue  # "Doppelbesteuerungsabkommen" and "Investitionsschutzabkommen" of one pair: two documents
        known = agreement.valid_from or agreement.valid_until
        new = period and (period[0] or period[1])
        if known is None or new is None or known.lexical == new.lexical:
            return agreement
    return None


def _foreign_ministry(iso: str) -> str:
    from kg import reference

    country = reference.countries().get(iso)
    return f"Ministry of Foreign Affairs of {country.name_en if country else iso}"


def _countries_in(doc: Document, start: int, end: int) -> list[str]:
    """The countries named between ``start`` and ``end``, a fixed group ("the five Central Asian states")
    as its members; not inside quotations, not a country that only mediated."""
    out: list[str] = []
    for m in doc.mentions_in(start, end, "country", "country_adj", "country_group", "city"):
        if doc.in_quote(m.start) or _mediator(doc, m):
            continue
        if m.kind == "city":  # "Canberra and Funafuti concluded": capitals paired, for their governments
            iso = capital_country(m)
            if (
                iso is None
                or _AT_PLACE.search(doc.text, max(0, m.start - 12), m.start)
                or not _paired(doc, m)
            ):
                continue
            members: tuple = (iso,)
        else:
            members = m.value if m.kind == "country_group" else (m.value,)  # type: ignore[assignment]
        out += [str(c) for c in members if str(c) not in out]
    return out


def _paired(doc: Document, m: Mention) -> bool:
    """A capital joined by "and"/"und" to another state's name or capital: "Canberra and Funafuti",
    "Moskau und Peking" (not "the Minsk agreements", "signed in Astana")."""
    near = [
        x
        for x in doc.mentions_in(max(0, m.start - 40), m.end + 40, "country", "city")
        if x.start != m.start and (x.kind == "country" or capital_country(x))
    ]
    return any(
        re.fullmatch(r"\s+(?:and|und)\s+(?:the\s+)?", doc.text[a.end : b.start])
        for x in near
        for a, b in ((m, x), (x, m))
        if a.end <= b.start
    )


_AT_PLACE = re.compile(
    r"\b(?:in|im|at|to|nach|from|aus|von|bei|near|bis|via|über)\s+(?:the\s+|der\s+|dem\s+)?$", re.I
)


def _mediator(doc: Document, m: Mention) -> bool:
    """ "unter türkischer Vermittlung", "mediated by Qatar": a country that brokered the text is no party."""
    cues = doc.cues
    return bool(
        cues.MEDIATOR_AFTER.match(doc.text[m.end : m.end + 20])
        or cues.MEDIATOR.search(doc.text[max(0, m.start - 30) : m.start])
    )


# German compounds the lexicon cannot list one by one: "Grenzvertrag", "Freihandelsabkommen", "Konsultationsplan"
_COMPOUND = re.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß]{2,}(?:s-?)?"
    r"(?P<head>vertrag|vertrages|vertrags|abkommen|abkommens|vereinbarung|plan|plans|programm|programms)\b"
)
# contracts between companies, clubs or employers, never between states: "Liefervertrag", "Kaufvertrag"
_COMMERCIAL_COMPOUND = re.compile(
    r"(?:Liefer|Kauf|Verkaufs|Miet|Pacht|Arbeits|Leasing|Sponsoring|Sponsoren|Werk|Dienstleistungs|Abnahme|"
    r"Spieler|Transfer|Vertriebs|Fusions|Übernahme|Wartungs|Service|Tarif|Lizenz)s?-?[a-zäöüß]*$"
)
_ONE_DETERMINER = re.compile(
    r"\b(?:ein|einen|eines|einem|einer|der|den|dem|des|das|dieses|diesen|diesem)\s+(?:[a-zäöüß][\w-]*\s+)?$"
    r"|\b(?:unterzeichnete|vereinbarte|geschlossene|abgeschlossene|paraphierte|signierte)[nmrs]?\s+$",
    re.I,  # "Das Freihandelsabkommen …" at the start of a sentence
)
_COMPOUND_TYPE = {
    "vertrag": "treaty",
    "vertrages": "treaty",
    "vertrags": "treaty",
    "plan": "roadmap",
    "plans": "roadmap",
    "programm": "roadmap",
    "programms": "roadmap",
}
# a plan or programme as a signed document: "a plan of consultations", "einen Plan für Konsultationen"
# (a determiner before it, a complement after it; "plans to sign" is a verb)
_PLAN_WORD = re.compile(r"[Pp]lan|[Pp]rogram")
_PLAN = {
    "en": re.compile(
        r"\b(?:a|an|the|their|its|this|that)\s+(?:[\w-]+\s+){0,2}?(?P<word>[Pp]lan|[Pp]rogramme|[Pp]rogram)"
        r"(?=\s+(?:(?:of|for|on)\s+(?!the\s+(?:visit|trip|meeting|summit)\b)[\w-]|covering\s+(?:19|20)\d\d))"
    ),
    "de": re.compile(
        r"\b(?:ein|einen|einem|eines|der|den|dem|des|das)\s+(?:[a-zäöüß][\w-]*\s+)?(?P<word>Plan|Plans|Programm|Programms)"
        r"(?=\s+(?:für|zur|zum|über)\s)"
    ),
}


_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,}\s+$")
_GATHERING_AFTER = re.compile(r"\s+(?:in|at)\s+[A-Z]|\s+(?:centre|center|hall)\b")


def _a_gathering(doc: Document, mention: Mention) -> bool:
    """A "convention" that is a gathering, not a treaty: "on the margins of the PDAC convention in Toronto"."""
    return mention.text in ("convention", "conventions") and bool(
        _ACRONYM_BEFORE.search(doc.text, max(0, mention.start - 12), mention.start)
        or _GATHERING_AFTER.match(doc.text, mention.end)
    )


def _agreement_mentions(doc: Document, sentence: Sentence) -> list[Mention]:
    """The agreement words of a sentence: the lexicon's, and in German the compounds of "-vertrag"/"-abkommen"."""
    found = [
        m for m in doc.mentions_in(sentence.start, sentence.end, "agreement") if not _a_gathering(doc, m)
    ]
    plan = _PLAN.get(doc.lang)
    if plan is not None and not _PLAN_WORD.search(sentence.text):
        plan = None  # one cheap look for the word before the full pattern
    for m in plan.finditer(doc.text, sentence.start, sentence.end) if plan else ():
        start, end = m.start("word"), m.end("word")
        if not any(a.start < end and start < a.end for a in found):  # "action plan" is the lexicon's
            found.append(Mention(start, end, m.group("word"), "agreement", "roadmap"))
    item = LIST_ITEM.match(sentence.text)
    head = _LIST_PLAN.match(doc.text, sentence.start + item.end()) if item else None
    if head and not any(a.start < head.end() and head.start() < a.end for a in found):
        found.append(
            Mention(head.start(), head.end(), head.group(0), "agreement", "roadmap")
        )  # "– Programme of …"
    if doc.lang != "de":
        return sorted(found, key=lambda a: a.start)
    for m in _COMPOUND.finditer(doc.text, sentence.start, sentence.end):
        if any(a.start < m.end() and m.start() < a.end for a in found):
            continue
        if not _ONE_DETERMINER.search(doc.text, max(sentence.start, m.start() - 30), m.start()):
            continue  # "zahlreiche Wirtschaftsabkommen": no one text with parties
        if m.group("head").startswith("vertrag") and _COMMERCIAL_COMPOUND.match(
            m.group(0)[: m.start("head") - m.start()]
        ):
            continue  # "einen Liefervertrag über 40 Millionen Euro": a company's contract (an "Arbeitsprogramm" is not)
        kind = _COMPOUND_TYPE.get(m.group("head"), "agreement")
        found.append(Mention(m.start(), m.end(), m.group(0), "agreement", kind))
    return sorted(found, key=lambda a: a.start)


_RELATIVE_WITH = re.compile(r",\s*(?:mit dem|mit der|mit denen|with which|with whom)\b")


def _relative_parties(doc: Document, sentence: Sentence, mention: Mention) -> list[str] | None:
    """ "… Kirgisistan, mit dem Tadschikistan einen Grenzvertrag geschlossen hat": the country the relative
    clause hangs on and those inside the clause, not the rest of the sentence."""
    clauses = list(_RELATIVE_WITH.finditer(doc.text, sentence.start, mention.start))
    clause = clauses[-1] if clauses else None
    if clause is None:
        return None
    anchor = [m for m in doc.mentions_in(max(sentence.start, clause.start() - 40), clause.start(), "country")]
    inside = _countries_in(doc, clause.end(), mention.start)
    if not anchor or not inside or anchor[-1].end != clause.start():
        return None
    return list(dict.fromkeys([*inside, str(anchor[-1].value)]))


def _country_of(doc: Document, name: str) -> str | None:
    """The country a person signs for: his office's, also one he held until before the article's day
    ("Seine Vorgängerin Annalena Baerbock hatte …; damals unterzeichneten beide Seiten …")."""
    country = doc.person_country.get(name)
    if country is None:
        held = {p.country for p in doc.found.positions if p.person == name and p.country}
        country = held.pop() if len(held) == 1 else None
    return country


_RELATIVE_AFTER = re.compile(r",\s*(?:which|that|das|die|den|welche[ns]?)\s")
_HE_SHE = re.compile(r"\b(?:er|he|she)\b")


_CONTACT_CLAUSE = re.compile(
    r"\s+(?:(?:had|have|has|hatten|haben)\s+)?(?:signed|concluded|inked|agreed|unterzeichnet\w*|geschlossen)\b"
)


def _contact_clause_parties(doc: Document, sentence: Sentence, mention: Mention) -> list[str] | None:
    """ "the treaty Canberra and Funafuti concluded in Rarotonga": the two states the clause after the
    agreement word names as those who signed it."""
    states = _states(doc, mention.end, min(sentence.end, mention.end + 80))
    if len(states) < 2:
        return None
    (first, a), (second, b) = states[0], states[1]
    if not re.fullmatch(r"\s+(?:the\s+)?", doc.text[mention.end : first.start]) or not re.fullmatch(
        r"\s+(?:and|und)\s+(?:the\s+)?", doc.text[first.end : second.start]
    ):
        return None
    return [a, b] if a != b and _CONTACT_CLAUSE.match(doc.text, second.end) else None


def _signers_after(doc: Document, sentence: Sentence, mention: Mention) -> list[str] | None:
    """ "the declaration …, which Kulubaev and Foreign Minister Wadephul's predecessor … signed", "das
    Memorandum …, das er mit dem kasachischen Außenminister unterschrieb": the countries of the people (and
    the countries) of a relative clause on the document that signs it; "er"/"he" is the person named last
    in the two sentences before. None unless the clause names two parties."""
    comma = doc.text.find(",", mention.end, sentence.end)
    clause = _RELATIVE_AFTER.match(doc.text, comma) if comma >= 0 else None
    if clause is None:
        return None
    verb = doc.cues.SIGNED.search(doc.text, clause.end(), min(sentence.end, clause.end() + 150))
    if verb is None:
        return None
    start, end = clause.end(), verb.start()
    parties: list[str] = []
    if _HE_SHE.search(doc.text, start, end):
        floor = doc.sentences[max(0, sentence.index - 2)].start
        named = [p for p in doc.persons_in(floor, sentence.start) if _country_of(doc, p.name)]
        if named:
            parties.append(str(_country_of(doc, named[-1].name)))
    for person in doc.persons_in(start, end):
        country = _country_of(doc, person.name)
        if country and country not in parties:
            parties.append(country)
    parties += [c for c in _countries_in(doc, start, end) if c not in parties]
    return parties if len(parties) >= 2 else None


_PARTY_LINK = re.compile(r"\b(?:with|by|mit|von|durch)\b")


def _signers_before(doc: Document, start: int, end: int) -> list[str]:
    parties = _countries_in(doc, start, end)
    for person in doc.persons_in(start, end):  # the signatories' countries
        country = _country_of(doc, person.name)
        if country and country not in parties and not doc.in_quote(person.start):
            parties.append(country)
    return parties


_CLAUSE_JOINT = re.compile(r"[;,]\s*(?:and|und|while|während|whereas)?\b|\s(?:and|und)\s")
_THEIR = re.compile(r"\b(?:their|ihre|ihren|deren)\b", re.IGNORECASE)


def _parties_around(
    doc: Document, sentence: Sentence, mention: Mention, first: Mention | None = None
) -> list[str]:
    """The countries that sign: those before the agreement word, and after it only behind "with"/"by"/"mit".

    "the ministers adopted a joint communique calling for a halt to violence in Myanmar": Myanmar is
    what the communique is about, not who adopted it. A second document of the sentence with its own verb
    ("X and Y signed a declaration with Z, and their foreign ministers initialled a peace agreement")
    takes the signers of its own clause, "their" the subject's before the ``first`` document.
    """
    verb = doc.cues.SIGNED.search(doc.text, first.end, mention.start) if first is not None else None
    if first is not None and verb is not None:
        joints = list(_CLAUSE_JOINT.finditer(doc.text, first.end, verb.start()))
        start = joints[-1].end() if joints else first.end  # the verb's own clause
        parties = _signers_before(doc, start, mention.start)
        if not parties and _THEIR.search(doc.text, start, mention.start):
            parties = _signers_before(doc, sentence.start, first.start)
    else:
        parties = _signers_before(doc, sentence.start, mention.start)
    link = _PARTY_LINK.search(doc.text, mention.end, sentence.end)
    if link:
        parties += [c for c in _countries_in(doc, link.end(), sentence.end) if c not in parties]
        for person in doc.persons_in(link.end(), sentence.end):  # "with Prime Minister Pashinyan and …"
            country = _country_of(doc, person.name)
            if country and country not in parties and not doc.in_quote(person.start):
                parties.append(country)
    return parties


def _format_members_before(doc: Document, sentence: Sentence, mention: Mention) -> list[str]:
    """The members of a small format named before a statement's word, as the ones who adopt it: those at the
    article's session of that format when it has one (a member that was not represented adopts nothing)."""
    out: list[str] = []
    for m in doc.mentions_in(sentence.start, mention.start, "format"):
        members = members_acting_as_one(str(m.value))
        if len(members) > 2 and not doc.cues.FORMAT_TOPIC_BEFORE.search(
            doc.text, max(sentence.start, m.start - 60), m.start
        ):
            session = next((x for x in doc.found.meetings if x.format == str(m.value)), None)
            present = (
                session.participant_countries
                if session and len(session.participant_countries) > 2
                else members
            )
            out.extend(c for c in present if c not in out)
    return out


_BETWEEN_IN_TITLE = re.compile(r"[^;.]{0,60}?\b(?:between|zwischen)\b(?P<sides>[^;]{0,160})")


def _state_actors(doc: Document, sentence: Sentence, meeting: Meeting | None, at: int) -> bool:
    """Whether states act here: a meeting, an office holder, or a country named as such.

    "der Deutsche Alpenverein und der kasachische Bergsportverband unterzeichneten eine Vereinbarung"
    names countries only through adjectives of clubs: no state signs.
    """
    if doc.persons_in(sentence.start, sentence.end) or doc.mentions_in(sentence.start, sentence.end, "role"):
        return True
    if _THE_TWO.search(doc.text, sentence.start, at):
        return True  # "The two governments concluded an agreement", "The labour ministries signed …"
    if doc.cues.NON_STATE.search(doc.text, sentence.start, at):
        return False  # "Das Museum … und das Nationalmuseum von Korea haben eine Vereinbarung …": they sign
    between = _BETWEEN_IN_TITLE.match(doc.text, at, sentence.end)
    if between and doc.cues.NON_STATE.search(between.group("sides")):
        return False  # "6. Memorandum of Understanding between the Karachi Chamber of Commerce and …"
    if meeting is not None:
        return True
    if doc.cues.NON_STATE.search(sentence.text):
        return False  # "Eni signed an agreement with Kazakhstan's state-owned KazMunayGas": companies sign
    return (
        any(
            not doc.in_quote(m.start) and (m.kind == "country" or (capital_country(m) and _paired(doc, m)))
            for m in doc.mentions_in(sentence.start, sentence.end, "country", "city")
        )
        or (  # a country, or capitals paired for their governments: "the treaty Canberra and Funafuti concluded"
            sentence.index > 0 and _headline_names_an_agreement(doc) and len(_headline_pair(doc)) == 2
        )
    )  # or the two states of a piece about their treaty


def _meetings_for(
    doc: Document, sentence: Sentence, before: int, starts: list[int]
) -> tuple[list[Meeting], int]:
    """The meetings a sentence may speak of, nearest first: the meeting words in it, then those mentioned
    before it (at most four paragraphs back); and how many the sentence itself names."""
    out = [
        doc.meeting_mentions[m.start]
        for m in doc.mentions_in(sentence.start, sentence.end, "meeting")
        if m.start in doc.meeting_mentions
    ]
    inside = len(out)
    i = bisect.bisect_left(
        starts, min(before, sentence.start)
    )  # starts: the sorted keys of doc.meeting_mentions
    while i > 0:
        i -= 1
        mention_sentence = doc.sentence_at(starts[i])
        if mention_sentence is None or sentence.paragraph - mention_sentence.paragraph > 4:
            break
        meeting = doc.meeting_mentions[starts[i]]
        if all(meeting is not m for m in out):
            out.append(meeting)
    return out, inside


def _older_entries(doc: Document, sentence: Sentence, starts: list[int]) -> list[Meeting]:
    """In a live blog whose entries run newest first, what happened before an entry is told below it: the
    meetings of the (older) entries below the sentence's, nearest first, at most four paragraphs on ("18:45
    The ministers have initialled the agreement" … "12:00 Today's meeting in Washington")."""
    out: list[Meeting] = []
    i = bisect.bisect_left(starts, doc.paragraphs[sentence.paragraph].end)
    for start in starts[i:]:
        mention_sentence = doc.sentence_at(start)
        if mention_sentence is None or mention_sentence.paragraph - sentence.paragraph > 4:
            break
        meeting = doc.meeting_mentions[start]
        if all(meeting is not m for m in out):
            out.append(meeting)
    return out


def _in_entry(doc: Document, sentence: Sentence) -> bool:
    """Whether the sentence's paragraph opens with a time stamp (a live blog entry, if the article is one)."""
    return LIVE_STAMP.match(doc.text, doc.paragraphs[sentence.paragraph].start) is not None


def _live_blog(doc: Document) -> tuple[frozenset[int], bool]:
    """The paragraphs of a live blog that open with a time stamp (none unless at least three do), and
    whether its entries run newest first (most stamps later than the next one)."""
    stamps: dict[int, int] = {}
    for paragraph in doc.paragraphs:
        m = LIVE_STAMP.match(doc.text, paragraph.start)
        if m:
            stamps[paragraph.index] = int(m.group("hour")) * 60 + int(m.group("minute"))
    if len(stamps) < 3:
        return frozenset(), False
    times = [stamps[i] for i in sorted(stamps)]
    later = sum(a > b for a, b in zip(times, times[1:], strict=False))
    return frozenset(stamps), later * 2 > len(times) - 1


def _dates_agree(a: DateValue | None, b: DateValue | None) -> bool:
    """Whether two dates can name one day: equal, or one a refinement of the other ("2025-03" / "2025-03-04")."""
    if a is None or b is None or a.lexical.startswith("--") or b.lexical.startswith("--"):
        return True
    return a.lexical.startswith(b.lexical) or b.lexical.startswith(a.lexical)


def _announces_list(doc: Document, sentence: Sentence) -> bool:
    """A sentence ending in a colon whose next sentence opens a list item ("The following MoUs were
    exchanged:" / "i. MoU on …"): it names the documents only as the list's heading."""
    if not sentence.text.rstrip().endswith(":") or sentence.index + 1 >= len(doc.sentences):
        return False
    following = doc.sentences[sentence.index + 1]
    return bool(LIST_ITEM.match(following.text))


def _signing_meeting(
    meetings: list[Meeting], status: str, own_date: DateValue | None, inside: int
) -> Meeting | None:
    """The meeting a text was signed at (or is to be): the nearest whose status fits the agreement's (a text
    signed "im Anschluss" was not signed at the summit the paragraph before announced; a treaty that "soll
    dort unterzeichnet werden" not at the meeting that prepared it) and whose date the sentence's own date
    does not contradict ("der im März vereinbarte Konsultationsplan", told at the June talks). When the
    sentence dates the signing itself, a meeting of an earlier sentence must carry an agreeing date; the
    first ``inside`` meetings are those the sentence names."""
    for n, meeting in enumerate(meetings):
        if (meeting.status == "planned") == (status == "planned"):
            if own_date is not None and meeting.date is None and n >= inside:
                return None
            return meeting if _dates_agree(own_date, meeting.date) else None
    return None


# the words between a determiner and the document word name its subject: "the good-neighbourliness treaty"
_DETERMINERS = frozenset(
    "a an the their its this that his her our ein eine einen einem einer eines der die das den dem des".split()
)
_PREMODIFIERS = re.compile(
    r"\b(?i:a|an|the|their|its|this|that|ein|eine|einen|einem|einer|eines|der|die|das|den|dem|des)\s+"
    r"(?P<words>(?:[^\W\d][\w-]*\s+){1,4})$"
)
# words that end a noun phrase's modifiers: "the work begun under the declaration" is not its title
_NOT_MODIFIER = re.compile(
    r"\b(?:under|of|on|in|at|by|with|for|to|from|and|or|as|über|unter|mit|von|für|zu|und|oder|als|"
    r"signed|agreed|adopted|begun|approved|issued|initialled|initialed|had|has|have|unterzeichnet\w*|"
    r"vereinbart\w*|verabschiedet\w*|paraphiert\w*|hatte\w*|hat|haben|"
    # a verb or a second determiner: "Grundlage der Zusammenarbeit ist ein Arbeitsprogramm"
    r"ist|sind|war|waren|wird|werden|is|are|was|were|will|ein|eine|einen|einem|einer|eines|der|die|das|den|dem|des|"
    r"a|an|the)\b",
    re.IGNORECASE,
)
# "plan of consultations", "Plan für Konsultationen": the complement is the plan's name, not a period
_PLAN_COMPLEMENT = re.compile(
    r"\s+(?:for|für|of|on|zur|zum|über)\s+(?!(?:die Jahre|den Zeitraum|the years|the period)\b)[^\W\d][\w-]*"
)


# what may follow the document word in its name: a complement ("on", "über", "of Understanding"), a genitive
# ("des Friedensabkommens", "ihrer Ministerien"), a capitalised word; not a verb or an adverb ("erfolgreich
# umgesetzt wird", "aimed at steering …")
_TITLE_GOES_ON = re.compile(
    r"\s*$|[\s–-]+(?:[A-ZÄÖÜ\d\"“„'(]|(?:of|on|for|between|among|to|in|about|concerning|regarding|über|zu|zur|"
    r"zum|für|zwischen|des|der|eines|einer|ihrer|seiner|beider|im|in|vom|von|betreffend|hinsichtlich)\b)"
)


def _title(doc: Document, mention: Mention, sentence: Sentence) -> str:
    """The document word with the words that name its subject: the modifiers before it, and what follows up
    to a stop ("for the period", "signed", "with", a comma)."""
    tail = doc.text[mention.start : sentence.end]
    skip = len(mention.text)
    if mention.value == "roadmap" and (complement := _PLAN_COMPLEMENT.match(tail, skip)):
        skip = complement.end()
    stop = _TITLE_STOP.search(tail, skip)
    title = tail[: stop.start()] if stop else tail
    if not _TITLE_GOES_ON.match(title, len(mention.text)):
        title = title[: len(mention.text)]  # "der … vereinbarte Konsultationsplan erfolgreich umgesetzt wird"
    head = doc.text[max(sentence.start, mention.start - 60) : mention.start]
    pre = _PREMODIFIERS.search(head)
    if (
        pre
        and not _NOT_MODIFIER.search(pre.group("words"))
        and not doc.mentions_in(
            mention.start - len(pre.group("words")), mention.start, "country", "country_adj", "city", "role"
        )
    ):
        title = pre.group("words") + title
    return title.strip()[:200]


# a signing told by the words right before the document: "der im März vereinbarte Konsultationsplan",
# "the two ministries agreed a two-year plan"
_SIGNED_JUST_BEFORE = re.compile(
    r"\b(?:unterzeichnete|vereinbarte|geschlossene|abgeschlossene|paraphierte|signierte)[nmrs]?\s+$|"
    r"\bagreed\s+(?:on\s+)?(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,3}$|"
    r"\b(?:the|das|die|der|dem|den|des)\s+(?:19|20)\d{2}\s+(?:[\w-]+\s+){0,2}$"  # "under the 2019 framework agreement"
)
_YEAR_NAMED_BEFORE = re.compile(
    r"\b(?i:the|das|die|der|dem|den|des)\s+(?P<year>(?:19|20)\d{2})\s+(?:[\w-]+\s+){0,2}$|"
    # "unterzeichnete Südkorea 2019 ein Abkommen", "schlossen beide Seiten 2021 einen Fahrplan"
    r"\b(?:unterzeichnete\w*|unterschrieb\w*|schlossen|schloss|signed|concluded)\s+(?:[\w-]+\s+){0,2}"
    r"(?:im Jahr\s+|in\s+)?(?P<year2>(?:19|20)\d{2})\s+(?:ein\w*|an?|the)\s+(?:[\w-]+\s+){0,2}$"
)
# a draft approved is a text to be signed later: "approved a draft list of documents …, including a treaty"
_DRAFT = re.compile(r"\b(?:draft|drafts|Entwurf|Entwurfs|Entwürfe)\b")


_EXCHANGED = re.compile(
    r"\b(?:exchange of|exchanged|ausgetauscht|Austausch)\b"
)  # "witnessed the exchange of the following MoUs:"
_IN_PLACE = re.compile(r"\b(?:in|im|at)\s+$")
_LIST_PLAN = re.compile(
    r"(?:Programme|Program|Programm|Plan|Action Plan|Aktionsplan)\b(?=\s+(?:of|for|on|für|zur|zum|über|der|des)\s)"
)


def _in_force_only(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """The clause tells the agreement by its entry into force and not by a signing ("the tax treaty, which
    entered into force on 1 January 2026", "das am 1. Juli 2014 in Kraft getretene Freihandelsabkommen")."""
    start, end = _semicolon_clause(sentence, mention)
    clause = doc.text[start:end]
    return bool(doc.cues.IN_FORCE.search(clause)) and not doc.cues.SIGNED.search(clause)


def _lifecycle(doc: Document, sentence: Sentence, mention: Mention) -> str | None:
    """What the clause tells of a document that already exists, when it does not tell its signing:
    "terminated" ("Die Mongolei kündigte 2012 das Abkommen"), "suspended", "extended" ("bis Ende 2026
    verlängert") or "ratified" ("the Mazhilis ratified the Agreement between …")."""
    start, end = _semicolon_clause(sentence, mention)
    low, high = _own_stretch(
        doc, sentence, mention
    )  # "ein geplantes Abkommen …, weil X die Verträge kündigte"
    start, end = max(start, low), min(end, high)
    if _plural(doc, mention):
        return None  # a class of documents: "die alten bilateralen Verträge gekündigt"
    cues = doc.cues
    for name, cue in (
        ("terminated", cues.TERMINATED),
        ("suspended", cues.SUSPENDED),
        ("extended", cues.EXTENDED),
        ("ratified", cues.RATIFIED),
    ):
        told = cue.search(doc.text, start, end)
        if told is None:
            continue
        # a signing verb after the document, when the cue came before it, signs the next one ("kündigten
        # das Abkommen von 1998 … und unterzeichneten ein neues"); one of its own stretch makes it a signing
        signed = doc.cues.SIGNED.search(
            doc.text, start, mention.start if told.start() < mention.start else end
        )
        if signed and not (
            signed.end() <= mention.start
            and _SIGNED_JUST_BEFORE.search(doc.text, signed.start(), mention.start)
        ):  # ("das 2019 geschlossene Regierungsabkommen … lief 2025 aus": signed once, ended now)
            return None
        return name
    return None


_PLURAL_DETERMINER = re.compile(
    r"\b(?:die|den|alle|beide|mehrere|zwei|drei|vier)\s+(?:[\w-]+\s+){0,2}$", re.I
)


def _plural(doc: Document, mention: Mention) -> bool:
    """Whether the document word is a plural ("agreements", "Verträge", "die alten Abkommen")."""
    word = mention.text.split()[-1] if mention.text.split() else ""
    if doc.lang == "en":
        return word.lower().endswith(("s", "memoranda")) and not word.endswith("ss")
    if word.endswith(("träge", "ungen", "ationen", "Memoranden", "Protokolle", "Pläne", "Programme")):
        return True
    return word.lower().endswith("abkommen") and bool(
        _PLURAL_DETERMINER.search(doc.text, max(0, mention.start - 40), mention.start)
    )


_OLD_BEFORE = re.compile(
    r"\b(?:alte|alten|alter|altes|old|previous|former|earlier|frühere[nmrs]?|bisherige[nmrs]?|vorherige[nmrs]?|"
    r"ursprüngliche[nmrs]?|original)\s+(?:[\w()-]+\s+){0,2}$",
    re.IGNORECASE,
)
# what a new document replaces is the old one: "Es ersetzt das 1998 geschlossene Abkommen", "replaces the 2008 accord"
_REPLACED_BEFORE = re.compile(
    r"\b(?:ersetzt|ersetzte|ersetzen|ablösen|ablöst|löst|replaces|replaced|replacing|supersedes|superseded)\s+"
    r"(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)
_NEW_BEFORE = re.compile(r"\b(?:neue|neuen|neuer|neues|new)\s+(?:[\w()-]+\s+){0,2}$", re.IGNORECASE)


def _age(doc: Document, sentence: Sentence, mention: Mention, life: str | None) -> str | None:
    """Whether the words make the document the "old" one of a pair ("das alte Abkommen", "the 1994 treaty
    Mongolia terminated", "das DBA von 1994") or the "new" one ("das neue Abkommen"), or say neither."""
    before = doc.text[max(sentence.start, mention.start - 40) : mention.start]
    if _NEW_BEFORE.search(before):
        return "new"
    if (
        _OLD_BEFORE.search(before)
        or _REPLACED_BEFORE.search(before)
        or _YEAR_OF.match(doc.text, mention.end)
        or life == "terminated"
    ):
        return "old"
    return None


_BARE_YEAR = re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)(?![\d.])")


def _year_ended(
    doc: Document, sentence: Sentence, mention: Mention, day: DateValue | None
) -> DateValue | None:
    """The year a terminated document ended: of the sentence's date, else the one year the sentence names
    that is not the document's own ("kündigte 2012 das DBA von 1994": 2012)."""
    if day is not None:
        return DateValue(day.lexical[:4], "gYear", day.text, day.resolution)
    own = [
        m.span()
        for m in (
            _YEAR_OF.match(doc.text, mention.end),
            _YEAR_NAMED_BEFORE.search(doc.text, max(sentence.start, mention.start - 60), mention.start),
        )
        if m
    ]  # "von 1994", "das 2019 geschlossene": the year it is of, not the year it ended
    years = {
        m.group("year")
        for m in _BARE_YEAR.finditer(doc.text, sentence.start, sentence.end)
        if not any(a <= m.start() < b for a, b in own)
    }
    if len(years) != 1:
        return None
    year = years.pop()
    return DateValue(year, "gYear", year, "absolute")


def _told_as(
    doc: Document, sentence: Sentence, mention: Mention, agreements, age: str | None, ages: dict[int, str]
) -> Agreement | None:
    """The one document of this kind told before as the "new" (or "old") one, when the words name it so
    again with a definite article and without its parties ("das neue Abkommen")."""
    if age is None or not _DEFINITE.search(doc.text, max(sentence.start, mention.start - 40), mention.start):
        return None
    told = [a for a in agreements if a.agreement_type == str(mention.value) and ages.get(id(a)) == age]
    return told[0] if len(told) == 1 else None


def _the_other_of_its_pair(
    doc: Document,
    sentence: Sentence,
    mention: Mention,
    agreements: list[Agreement],
    age: str | None,
    ages: dict[int, str],
) -> Agreement | None:
    """The document told before that this one is the old or new other of: "das Doppelbesteuerungsabkommen
    von 1994" after "das neue Doppelbesteuerungsabkommen zwischen Deutschland und der Mongolei", "the old
    treaty" after "the new treaty between …" (of the same kind and subject, told as the other age)."""
    if age is None or not _DEFINITE.search(doc.text, max(sentence.start, mention.start - 40), mention.start):
        return None
    subjects = _compound_subjects(doc, mention.text)
    for agreement in reversed(agreements):
        if (
            agreement.agreement_type == str(mention.value)
            and ages.get(id(agreement), age) != age
            and len(agreement.parties) == 2
            and _compound_subjects_of(agreement.title) == subjects
        ):
            return agreement
    return None


def _question(sentence: Sentence) -> bool:
    return sentence.text.rstrip().rstrip("\"'”“»«").endswith("?")


def _semicolon_clause(sentence: Sentence, mention: Mention) -> tuple[int, int]:
    """The part of the sentence between the semicolons around the mention: "… unterzeichnet am 24. Juni; es
    tritt in Kraft, sobald …" speculates about the entry into force, not the signing."""
    text, at = sentence.text, mention.start - sentence.start
    start = text.rfind(";", 0, at) + 1
    end = text.find(";", at)
    return sentence.start + start, sentence.start + (end if end >= 0 else len(text))


def _parties_of_list(doc: Document, sentence: Sentence, told: dict[int, list[Agreement]]) -> list[str]:
    """The parties of the nearest item above in the same list of signed documents that names two."""
    for previous in reversed(doc.sentences[max(0, sentence.index - 12) : sentence.index]):
        if not LIST_ITEM.match(previous.text):
            break
        for agreement in told.get(previous.index, []):
            if len(agreement.parties) >= 2:
                return list(agreement.parties)
    return []


def _signed_list_item(doc: Document, sentence: Sentence) -> bool:
    """An item of a list that a signing introduces: "The following documents were signed:" then "– Programme
    of Cooperation …" on lines of their own."""
    if not LIST_ITEM.match(sentence.text):
        return False
    for previous in reversed(doc.sentences[max(0, sentence.index - 12) : sentence.index]):
        head = previous.text.rstrip()
        if LIST_ITEM.match(previous.text) and not head.endswith(":"):
            continue  # (a numbered paragraph may itself be the heading: "4. The following MoUs were …:")
        return head.endswith(":") and bool(
            doc.cues.SIGNED_PAST.search(head) or doc.cues.SIGNED.search(head) or _EXCHANGED.search(head)
        )
    return False


def _agreement_status(doc: Document, sentence: Sentence, agreement_type: str, mention: Mention) -> str | None:
    text = sentence.text
    cues = doc.cues
    if cues.CANCELLED.search(text):
        return "cancelled"
    before = doc.text[max(sentence.start, mention.start - 60) : mention.start]
    signed = cues.SIGNED.search(text) or _signed_list_item(doc, sentence)
    adopted = cues.ADOPTED.search(text)
    if _SIGNED_JUST_BEFORE.search(before):
        return "planned" if _DRAFT.search(before) else "signed"
    if not signed and not adopted:
        # "… am 1. Juli 2014 in Kraft getreten": told by its entry into force alone; "das
        # Doppelbesteuerungsabkommen von 1994", "the Visiting Forces Agreement of 1999": by the year it is of
        if (
            _in_force_only(doc, sentence, mention)
            or _YEAR_OF.match(doc.text, mention.end)
            or (_lifecycle(doc, sentence, mention) and not cues.ATTRIBUTIVE_PLANNED.search(before))
        ):
            return "signed"
        return None
    if cues.READY_TO_SIGN.search(text):
        return "intended"  # "Azerbaijan was still ready to sign a peace treaty": no agreement yet
    if _DRAFT.search(before):
        return "planned"
    if cues.SIGNED_PAST.search(before):
        # "signed a memorandum … that the source said would make it easier": the "would" is not the signing's
        return "signed"
    if cues.PLANNED.search(text) and not re.search(r"\b(?:wurde|wurden|haben|hat|was|were|have|has)\b", text):
        return "planned"
    if adopted and agreement_type in ("joint-statement", "declaration") and not signed:
        return "adopted"
    return "signed"


# a document still to be negotiated: "… über den Text eines Friedensvertrags zu verhandeln"
_TO_RATIFY = re.compile(
    r"\b(?:to ratify|zu ratifizieren)\s+(?:the\s+|das\s+|den\s+|die\s+)?(?:[\w-]+\s+){0,5}$"
)
_TO_NEGOTIATE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:zu verhandeln|weiterzuverhandeln|auszuhandeln|to negotiate|to be negotiated)\b"
)


def find_agreements(doc: Document) -> None:
    seen: dict[tuple, Agreement] = {}
    # id of an agreement -> "old" or "new", when its words say which of a pair it is
    ages: dict[int, str] = {}
    headline_start = doc.sentences[0].start if doc.sentences and doc.sentences[0].paragraph == 0 else -1
    meeting_starts = sorted(doc.meeting_mentions)
    live: list[tuple[frozenset[int], bool]] = []  # the live blog's stamped entries, read when first needed

    def live_blog() -> tuple[frozenset[int], bool]:
        if not live:
            live.append(_live_blog(doc))
        return live[0]

    told: dict[int, list[Agreement]] = {}  # sentence index -> the agreements it told
    for sentence in doc.sentences:
        if _question(sentence):
            continue  # "Hat die Bundesregierung ein Abkommen … unterzeichnet?" asks; the answer tells
        previous = None  # the sentence's agreement word before this one
        for mention in _agreement_mentions(doc, sentence):
            first, previous = previous, mention
            if doc.in_quote(mention.start) or doc.in_denied_question(mention.start):
                continue  # (a question the answer calls wrong: "Q: … wrote that you signed a defence agreement")
            agreement_type = str(mention.value)
            status = _agreement_status(doc, sentence, agreement_type, mention)
            if status is None or status == "intended":
                continue
            if status == "planned" and doc.cues.IN_NEGOTIATION.search(
                doc.text, *_own_stretch(doc, sentence, mention)
            ):
                continue  # still negotiated: no text yet to sign
            life = _lifecycle(doc, sentence, mention)  # terminated, suspended, extended, ratified, or None
            age = _age(doc, sentence, mention, life)
            before = doc.text[max(sentence.start, mention.start - 40) : mention.start]
            if doc.cues.NEGATION.search(before) or _negated(doc, sentence, mention):
                continue
            if _COUNTED.search(before):
                continue  # "companies signed 58 agreements": many texts, none with its parties
            if _announces_list(doc, sentence):
                continue  # "The following MoUs were exchanged …:": the items below are the documents
            if (
                _denied(doc, sentence)
                or doc.cues.SPECULATIVE.search(doc.text, *_semicolon_clause(sentence, mention))
                or doc.cues.HEARSAY.search(sentence.text)
            ):
                continue  # (also "Berichten zufolge soll … ein Abkommen unterzeichnet worden sein")
            if doc.cues.NEGOTIATED.search(doc.text[max(sentence.start, mention.start - 80) : mention.start]):
                continue
            if _TO_RATIFY.search(doc.text, max(sentence.start, mention.start - 80), mention.start):
                continue  # "asks members to ratify the regional fisheries convention": a call, no signing
            if _TO_NEGOTIATE.match(doc.text, mention.end, sentence.end):
                continue  # "vereinbarten, weiter über den Text eines Friedensvertrags zu verhandeln"
            meetings, inside = _meetings_for(doc, sentence, mention.start, meeting_starts)
            if not meetings and meeting_starts and _in_entry(doc, sentence) and live_blog()[1]:
                meetings = _older_entries(doc, sentence, meeting_starts)
            meeting = meetings[0] if meetings else None
            between = _BETWEEN.search(doc.text, mention.end, sentence.end)
            pair_before: list[str] = []
            if between and not _countries_in(doc, between.end(), sentence.end):
                if (
                    _BOTH.match(doc.text, between.end())
                    and between.start() < _own_stretch(doc, sentence, mention)[1]
                ):
                    # "zwischen beiden Ländern" (of this document, not of the next): the pair told before
                    pair_before = _pair_told_before(doc, sentence, list(seen.values()))
                between = None  # "between the two governments": the sides are named elsewhere
            relative = _relative_parties(doc, sentence, mention)
            if between:
                parties = _countries_in(doc, between.end(), sentence.end)
            elif pair_before:
                parties = pair_before
            elif relative:
                parties = relative
            elif signers := _signers_after(doc, sentence, mention) or _contact_clause_parties(
                doc, sentence, mention
            ):
                parties = signers
            else:
                parties = _parties_around(doc, sentence, mention, first)
            if (
                len(parties) < 2
                and not pair_before
                and _BOTH_OF.search(doc.text, *_own_stretch(doc, sentence, mention))
            ):
                # "ein Arbeitsprogramm …, das die Außenministerien beider Staaten … unterzeichnet hatten"
                pair_before = _pair_told_before(doc, sentence, list(seen.values()))
                parties = pair_before or parties
            if agreement_type in ("joint-statement", "declaration") and meeting is not None:
                members = _the_members_counted(doc, sentence, mention, meeting)
                if (
                    members
                ):  # "the nine member states adopted a joint statement": the format's, not its guests
                    parties = list(members)
            if agreement_type in ("joint-statement", "declaration") and not between:
                # "Nordic-Baltic Eight foreign ministers meet … with Poland and Ukraine, adopt joint statement"
                parties = list(dict.fromkeys([*_format_members_before(doc, sentence, mention), *parties]))
            pair = _the_two(doc, sentence, mention) if len(parties) < 2 else None
            if pair is not None:  # "the two leaders exchanged signed copies": the two of the talks just told
                meetings, meeting = [pair], pair
            elif len(parties) < 2 and (
                _THE_TWO.search(doc.text, sentence.start, mention.start)
                or (sentence.index > 0 and _headline_names_an_agreement(doc))
            ):  # a factbox on two countries: "The two governments …"; "Was bedeutet das Truppenabkommen
                # zwischen Japan und den Philippinen?" then "Das Abkommen ist … in Kraft getreten"
                parties = _headline_pair(doc) or parties
            if len(parties) < 2 and meeting is not None:
                # the nearest meeting that says who took part ("the next summit" may not yet)
                sides = next((m for m in meetings if len(m.participant_countries) >= 2), meeting)
                parties = list(dict.fromkeys([*parties, *sides.participant_countries]))
            if len(parties) < 2 and not between:  # "Agreement on … of the Government of X and of Y"
                low, high = _own_stretch(doc, sentence, mention)
                parties = list(dict.fromkeys([*parties, *_countries_in(doc, low, high)]))
            if len(parties) < 2 and doc.cues.SUBNATIONAL.search(sentence.text):
                continue  # "unterzeichnete Kretschmer … mit dem Volkskomitee der Provinz Bac Ninh": no state signs
            if len(parties) >= 3 and not between:  # "haben Äthiopien und Eritrea in Katar … unterzeichnet"
                where = {
                    str(m.value)
                    for m in doc.mentions_in(sentence.start, mention.start, "country")  # where it was signed
                    if _IN_PLACE.search(doc.text, max(sentence.start, m.start - 4), m.start)
                }
                if len(set(parties) - where) >= 2:
                    parties = [p for p in parties if p not in where]
            listed = _parties_of_list(doc, sentence, told) if len(parties) < 2 else []
            if listed and _signed_list_item(doc, sentence):
                parties = listed  # "b) die Absichtserklärung über …": the states of the list's items above
            we = _we_signed(doc, sentence, mention) if len(parties) < 2 and meeting is None else None
            if we:
                parties = we
            elif len(parties) < 2 and (ours := _the_interviewees(doc, sentence, mention)):
                parties = we = list(
                    dict.fromkeys([ours, *parties])
                )  # "A: Last month we signed … with Romania"
            ratifier = _parliament_of(doc, sentence.start, sentence.end) if life == "ratified" else None
            if (
                ratifier and ratifier not in parties
            ):  # "Der Bundestag hat das Abkommen mit Vietnam ratifiziert"
                parties = [ratifier, *parties]
            told_so = _told_as(doc, sentence, mention, seen.values(), age, ages) if len(parties) < 2 else None
            if told_so is not None:
                parties = list(told_so.parties)  # "Am 14. Februar ist das neue Abkommen in Kraft getreten"
            counterpart = _the_other_of_its_pair(doc, sentence, mention, list(seen.values()), age, ages)
            if counterpart is not None and (
                set(counterpart.parties) <= set(parties) or set(parties) < set(counterpart.parties)
            ):  # "das DBA von 1994" after "das neue DBA zwischen Deutschland und der Mongolei": that pair's
                parties = list(counterpart.parties)
            else:
                counterpart = None
            if (
                (len(parties) < 2 and (meeting is None or status == "planned"))
                or not parties
                or not (
                    we
                    or listed
                    or counterpart
                    or pair_before
                    or told_so
                    or ratifier
                    or _state_actors(doc, sentence, meeting, mention.start)
                )
            ):
                continue  # an agreement has two parties (or a meeting that says who they are), and states
            period = (
                find_year_range(doc.text, sentence.start, sentence.end)
                or _years_named(doc, sentence)
                or _valid_until(doc, sentence)
            )
            dates = find_dates(
                doc.text, article_date=doc.article.date, start=sentence.start, end=sentence.end
            )
            dateline = _DATELINE.match(sentence.text)
            if dateline and any(d.start >= sentence.start + dateline.end() for d in dates):
                # "ASTANA, June 18 (Wire) - The treaty signed … on Tuesday": the report's day is not the signing's
                dates = [d for d in dates if d.start >= sentence.start + dateline.end()]
            # "das bis heute als Vorbild gilt", "in force since 2019": how long, not when it was signed
            dates = [d for d in dates if not _SPAN_BEFORE.search(doc.text, max(0, d.start - 8), d.start)]
            own_date = dates[0].value if dates else _live_entry_date(doc, sentence, status, live_blog)
            own_date = doc.in_chronicle_year(
                _in_the_items_year(sentence, own_date)
            )  # "* 1992 - … in January"
            if life is not None:  # the day of its ratification, extension or end is not its signing's
                ended = _year_ended(doc, sentence, mention, own_date) if life == "terminated" else None
                if ended is not None and period is None:
                    period = (None, ended)
                own_date = None
            named = _YEAR_NAMED_BEFORE.search(
                doc.text, max(sentence.start, mention.start - 60), mention.start
            )
            year_of = _YEAR_OF.match(doc.text, mention.end)
            if year_of and own_date is None:  # "das Doppelbesteuerungsabkommen (DBA) von 1994"
                own_date = DateValue(year_of.group("year"), "gYear", year_of.group(0).strip(), "absolute")
            if named:  # "the 2019 framework agreement", "das 1998 geschlossene Abkommen": signed that year
                year = named.group("year") or named.group("year2")
                own_date = DateValue(year, "gYear", named.group(0).strip(), "absolute")
            # the day it entered into force is when it became valid, not when it was signed
            if _in_force_only(doc, sentence, mention):
                if period is None and own_date is not None:
                    period = (
                        DateValue(own_date.lexical[:4], "gYear", own_date.text, own_date.resolution),
                        None,
                    )
                own_date = None
            signing = _signing_meeting(meetings, status, own_date, inside) if life is None else None
            signed_on = own_date or (signing.date if signing else None)
            if signed_on is None and (also := _also_signed(doc, sentence, status, told)) is not None:
                signed_on, signing_key = also.signed_on, also.signed_at  # "paraphierten zudem den Text …"
            else:
                signing_key = signing.key if signing else None
            if (
                period is None
                and status == "signed"
                and (entered := _entered_into_force(doc, sentence, signed_on))
            ):
                period = _valid_for(doc, sentence, entered) or (entered, None)
            if period is None and status == "signed":
                period = _valid_for(doc, sentence, signed_on)
            organizations = []
            if _MINISTRIES.search(doc.text, mention.end, sentence.end):
                organizations = [_foreign_ministry(iso) for iso in parties]
            # a German compound names its subject: "Investitionsschutzabkommen", not "Doppelbesteuerungsabkommen"
            # or its "über …": "die Vereinbarung über die Anwerbung von Pflegekräften" is not the DBA told before
            compound = _compound_subjects(doc, mention.text)
            subjects = compound
            if not subjects and any(
                a.agreement_type == agreement_type and set(a.parties) == set(parties) for a in seen.values()
            ):  # (read only when a document it could be is told)
                subjects = _subjects_of(_title(doc, mention, sentence), doc.lang)
            same = _same_agreement(
                seen.values(),
                agreement_type,
                parties,
                period,
                subjects,
                age,
                ages,
                doc.lang,
                bool(compound),
                headline_start,
            )
            if (
                same is None
                and _DEFINITE_WORD.search(doc.text, max(sentence.start, mention.start - 8), mention.start)
                and _BARE_WORD_AFTER.match(doc.text, mention.end)
            ):
                # "Unterschrieben wurde der Vertrag bereits am 8. Juli 2024" after "Das … Agreement ist in Kraft":
                # the one document of the pair told before, whatever word it is called by now
                pair_told = [
                    a
                    for a in seen.values()
                    if set(a.parties) == set(parties) and a.status == status and ages.get(id(a), age) == age
                ]
                if len(pair_told) > 1 and life is not None:
                    # "Das Parlament hatte den Vertrag … ratifiziert": the piece's first document not told as old
                    pair_told = [a for a in pair_told if ages.get(id(a)) != "old"][:1]
                same = pair_told[0] if len(pair_told) == 1 else None
            if (
                same is not None
                and LIST_ITEM.match(sentence.text)
                and LIST_ITEM.match(same.evidence[0].sentence)
                and same.evidence[0].char_start != sentence.start  # "a) das Abkommen …; das Abkommen gilt …"
            ):
                same = None  # two items of a list of documents are two documents
            if same is not None:  # told twice: in the headline and in the body
                evidence = doc.evidence(sentence)
                if same.evidence[-1] != evidence:  # sentences come in order: a repeat is the last one
                    same.evidence.append(evidence)
                if period and same.valid_from is None and same.valid_until is None:
                    same.valid_from, same.valid_until = period
                same.signed_at = same.signed_at or signing_key
                same.signed_on = same.signed_on or signed_on
                if len(title := _title(doc, mention, sentence)) > len(same.title or ""):
                    same.title = title
                if age:
                    ages[id(same)] = age
                told.setdefault(sentence.index, []).append(same)
                continue
            # (one pair may have several documents of a kind: the old and the new, or of other subjects)
            key = (agreement_type, tuple(sorted(parties)), period and str(period), len(seen))
            agreement = Agreement(
                agreement_type=agreement_type,
                evidence=[doc.evidence(sentence)],
                parties=parties,
                party_organizations=organizations,
                signed_on=signed_on,
                signed_at=signing_key,
                valid_from=period[0] if period else None,
                valid_until=period[1] if period else None,
                title=_title(doc, mention, sentence),
                status=status,
                confidence=_agreement_confidence(status, parties, between is not None),
            )
            seen[key] = agreement
            if age:
                ages[id(agreement)] = age
            doc.found.agreements.append(agreement)
            told.setdefault(sentence.index, []).append(agreement)
    if doc.found.agreements:
        _signed_it(doc)
    _referred_back(doc)


_BOTH = re.compile(
    r"\s*(?:den\s+|the\s+)?(?:beiden|both|the two)\s+(?:Ländern|Staaten|Regierungen|countries|states|governments|nations)\b",
    re.IGNORECASE,
)


_BOTH_OF = re.compile(
    r"\b(?:beider (?:Länder|Staaten|Regierungen)|der beiden (?:Länder|Staaten|Regierungen|Außenministerien)|"
    r"of both (?:countries|states|governments)|of the two (?:countries|states|governments))\b"
)


def _parliament_of(doc: Document, start: int, end: int) -> str | None:
    """The state of the parliament a stretch names by its own name ("Bundestag", "Mazhilis", "Sejm": the
    ``parliament`` key of countries.json), if one."""
    pattern, owners = names_of_states("parliament")
    m = pattern.search(doc.text, start, end)
    return owners[m.group(0)] if m else None


_MEMBERS_COUNTED = re.compile(
    r"\b(?i:the|all|all the|die|alle)\s+(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\s+(?:member states|members|member countries|"
    r"Mitgliedstaaten|Mitgliedsstaaten|Mitglieder|Mitgliedsländer)\b"
)


def _the_members_counted(
    doc: Document, sentence: Sentence, mention: Mention, meeting: Meeting
) -> tuple[str, ...]:
    """The members of the meeting's format, when the clause counts them all ("the nine member states
    adopted", "die zehn Mitgliedstaaten verabschiedeten"): the guests it invited are not parties."""
    from kg import reference

    fmt = reference.formats().get(meeting.format or "")
    told = _MEMBERS_COUNTED.search(doc.text, sentence.start, mention.start)
    if fmt is None or told is None:
        return ()
    n = told.group("n").lower()
    return tuple(fmt.members) if (int(n) if n.isdigit() else COUNT_WORDS.get(n)) == len(fmt.members) else ()


def _pair_told_before(doc: Document, sentence: Sentence, agreements: list[Agreement]) -> list[str]:
    """The two states a piece spoke of before "zwischen beiden Ländern": those of the last document of two
    told, else of the last meeting of two, else the headline's pair, else the sentence before's two."""
    for agreement in reversed(agreements):
        if len(set(agreement.parties)) == 2:
            return list(agreement.parties)
    for meeting in reversed(doc.found.meetings):
        if len(set(meeting.participant_countries)) == 2 and meeting.evidence[0].char_start < sentence.start:
            return list(meeting.participant_countries)
    if pair := _headline_pair(doc):
        return pair
    if sentence.index > 0:
        previous = doc.sentences[sentence.index - 1]
        countries = _countries_in(doc, previous.start, previous.end)
        if len(countries) == 2:
            return countries
    return []


def _live_entry_date(
    doc: Document, sentence: Sentence, status: str, live_blog: Callable[[], tuple[frozenset[int], bool]]
) -> DateValue | None:
    """A live blog tells the day's events as they happen: a text signed in a time-stamped entry ("18:45 EDT
    The foreign ministers have initialled the agreement") and dated no other way was signed on the
    article's day, unless the entry tells it as before ("had signed", "last year")."""
    if (
        status not in ("signed", "adopted")
        or not doc.article.date
        or not _in_entry(doc, sentence)  # cheap: this paragraph first, then the whole blog
        or sentence.paragraph not in live_blog()[0]
        or doc.cues.PAST_PERFECT.search(sentence.text)
    ):
        return None
    return DateValue(doc.article.date[:10], "date", "live blog entry", "relative-to-article")


# a second signing told as part of the occasion just told: "Die Außenminister paraphierten zudem den Text …"
_SPAN_BEFORE = re.compile(r"\b(?:bis|until|till|seit|since)\s+$", re.I)
_ALSO = re.compile(r"\b(?:zudem|außerdem|ebenfalls|also|as well|in addition|additionally)\b", re.IGNORECASE)


def _also_signed(
    doc: Document, sentence: Sentence, status: str, told: dict[int, list[Agreement]]
) -> Agreement | None:
    """The dated signing of the sentence before (in the same paragraph) that an undated one told "also"
    (zudem, außerdem, as well) belongs to: the second text was signed on that day, at that meeting."""
    if sentence.index == 0 or status not in ("signed", "adopted") or not _ALSO.search(sentence.text):
        return None
    if doc.sentences[sentence.index - 1].paragraph != sentence.paragraph:
        return None
    dated = [a for a in told.get(sentence.index - 1, ()) if a.signed_on and a.status in ("signed", "adopted")]
    return dated[-1] if dated else None


# "The memorandum of understanding on … foresees language training": a definite reference to a document
_DEFINITE = re.compile(r"(?<!\w)(?i:the|this|that|das|der|die|dieses|diese|dieser)\s+(?:[\w-]+\s+){0,3}$")


# "We signed a joint declaration …", "Nurtleu: Wir unterzeichneten ein Memorandum …": the speaker and those
# just named (the subject, after an interview's speaker label, then the verb)
_WE_SIGNED = re.compile(r"^(?:[^\W\d][\w'’.-]*:\s+)?(?:We|Wir)\s+(?:[a-zäöüß]+\s+){0,2}$")


_I_OR_WE = re.compile(r"\b(?:we|We|I|wir|Wir|ich|Ich)\b")


def _the_interviewees(doc: Document, sentence: Sentence, mention: Mention) -> str | None:
    """The state of an interviewee who signs in the first person in an answer ("Last month we signed a
    memorandum with Romania", "Wir haben im Mai ein Memorandum mit Rumänien unterzeichnet")."""
    if not doc.in_answer(mention.start) or not _I_OR_WE.search(doc.text, sentence.start, mention.start):
        return None
    speaker = doc.interviewee(doc.person_country.get)
    return doc.person_country[speaker] if speaker else None


def _we_signed(doc: Document, sentence: Sentence, mention: Mention) -> list[str] | None:
    """ "Kulubayev: Yes, I had very open talks with Annalena Baerbock. We signed a joint declaration …": when
    "we" sign, the signers are the office holders the sentence before (in the same paragraph) names, if
    they hold office for exactly two countries."""
    verb = doc.cues.SIGNED.search(doc.text, sentence.start, mention.start)
    if verb is None or not _WE_SIGNED.match(doc.text[sentence.start : verb.start()]) or sentence.index == 0:
        return None
    previous = doc.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph:
        return None
    countries = [_country_of(doc, p.name) for p in doc.persons_in(previous.start, previous.end)]
    found = list(dict.fromkeys(c for c in countries if c))
    return found if len(found) == 2 else None


# "My Armenian counterpart and I initialled it together": a signing of the document the sentence before named
# (the pronoun is looked for with str.find, the verb only before it: a full-text regex scan is too slow)
_SIGNED_IT = {
    "en": (" it", re.compile(r"\b(?:signed|initialled|initialed|inked|concluded)$")),
    "de": (
        " es",
        re.compile(
            r"\b(?:unterzeichneten|unterzeichnete|unterschrieben|unterschrieb|paraphierten|paraphierte)$"
        ),
    ),
}


def _signed_it(doc: Document) -> None:
    """A sentence that signs "it" right after a sentence (of the same paragraph) naming a document is more
    evidence of that document, when the article has exactly one signed text of that kind."""
    if doc.lang not in _SIGNED_IT:
        return
    pronoun, verb = _SIGNED_IT[doc.lang]
    text = doc.text
    at = text.find(pronoun, min(a.evidence[0].char_start for a in doc.found.agreements))
    while at >= 0:
        end = at + len(pronoun)
        if (end == len(text) or not text[end].isalnum()) and verb.search(text, max(0, at - 16), at):
            _add_signed_it(doc, at)
        at = text.find(pronoun, end)


def _add_signed_it(doc: Document, at: int) -> None:
    sentence = doc.sentence_at(at)
    if sentence is None or sentence.index == 0 or doc.in_quote(at):
        return
    previous = doc.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph:
        return
    for mention in _agreement_mentions(doc, previous):
        kind = [a for a in doc.found.agreements if a.agreement_type == str(mention.value)]
        if len(kind) == 1 and kind[0].status in ("signed", "adopted"):
            evidence = doc.evidence(sentence)
            if evidence not in kind[0].evidence:
                kind[0].evidence.append(evidence)
            return


def _referred_back(doc: Document) -> None:
    """A later sentence that names a signed document again with a definite article and signs nothing
    itself is more evidence of that document, when the article has exactly one of that kind."""
    by_type: dict[str, list[Agreement]] = {}
    for agreement in doc.found.agreements:
        by_type.setdefault(agreement.agreement_type, []).append(agreement)
    if not any(len(found) == 1 and found[0].status == "signed" for found in by_type.values()):
        return
    first = min(a.evidence[0].char_start for a in doc.found.agreements)
    for sentence in doc.sentences:
        if sentence.start <= first or not doc.mentions_in(sentence.start, sentence.end, "agreement"):
            continue  # (German compounds alone never refer back: "das Abkommen" is the lexicon's word)
        if doc.cues.SIGNED.search(sentence.text) or doc.cues.ADOPTED.search(sentence.text):
            continue  # a sentence that signs is the loop's own
        for mention in _agreement_mentions(doc, sentence):
            candidates = by_type.get(str(mention.value), [])
            if len(candidates) != 1 or doc.in_quote(mention.start):
                continue
            agreement = candidates[0]
            if agreement.evidence[0].char_start >= sentence.start or agreement.status != "signed":
                continue
            if not _DEFINITE.search(doc.text, max(sentence.start, mention.start - 40), mention.start):
                continue
            evidence = doc.evidence(sentence)
            if evidence not in agreement.evidence:
                agreement.evidence.append(evidence)
            break


_DENIAL = re.compile(
    r"\b(?:nicht|nie|never|not|no)\b.{0,80}\b(?:unterzeichnet|unterschrieben|geschlossen|signed|concluded)\b|"
    r"\b(?:kein|keine|keinen|no such)\b",
    re.IGNORECASE,
)
_SUCH = re.compile(r"\b(?:solche[nsm]?|derartige[nsm]?|such|this|that|dieses|diesen)\b", re.IGNORECASE)


def _denied(doc: Document, sentence: Sentence) -> bool:
    """A signing a report claims and the next sentence denies: "Es gab Berichte, Indien habe ein Abkommen
    unterzeichnet." – "Nein, ein solches Abkommen haben wir nicht unterzeichnet." """
    told = doc.sentences[sentence.index : sentence.index + 2]
    if doc.cues.DENIED.search(" ".join(t.text for t in told)):
        return True
    if len(told) < 2:
        return False
    reply = told[1].text
    return bool(_DENIAL.search(reply) and _SUCH.search(reply) and doc.cues.SIGNED.search(reply))


_COUNTED = re.compile(
    r"(?:\b(?!(?:19|20)\d{2}\b)\d+|\b(?i:two|three|four|five|six|seven|eight|nine|ten|dozens of|several|numerous|a number of|"
    r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|mehrere|zahlreiche|Dutzende))\s+(?:[\w-]+\s+)?$"
)
_CLAUSE_END = re.compile(r"[,;:]|\s[–—]\s")


def _negated(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """Whether the signing itself is negated: "did not sign the treaty", "the treaty, never signed, …",
    "unterzeichneten das Abkommen nicht". A negation elsewhere in the sentence is about something else
    ("the treaty signed on Tuesday commits the six countries not to join any alliance")."""
    cues = doc.cues
    text = doc.text
    verbs = [
        v for cue in (cues.SIGNED, cues.ADOPTED) for v in cue.finditer(text, sentence.start, sentence.end)
    ]
    for v in verbs:
        if cues.NEGATION.search(text, max(sentence.start, v.start() - 25), v.start()):
            return True
        lo, hi = (mention.end, v.start()) if v.start() >= mention.end else (v.end(), mention.start)
        if lo < hi and cues.NEGATION.search(text, lo, hi):
            return True
    if (
        doc.lang == "de"
    ):  # V2: "Sie unterzeichneten das Abkommen nicht.", "unterzeichnet ist es bislang nicht"
        for start in (mention.end, *(v.end() for v in verbs)):
            end = _CLAUSE_END.search(text, start, sentence.end)
            if re.search(r"\b(?:nicht|nie|niemals)\b", text[start : end.start() if end else sentence.end]):
                return True
    return False


def _agreement_confidence(status: str, parties: list[str], between: bool) -> float:
    """Measured (docs/evaluation.md): signed or adopted texts between named parties are right; a planned
    one or one whose second party comes only from the meeting less often."""
    score = 0.9 if between or len(parties) >= 2 else 0.6
    return round(score - (0.2 if status in ("planned", "cancelled") else 0.0), 2)


def _mission_status_in(doc: Document, start: int, end: int) -> str | None:
    text = doc.text[start:end]
    for cue, status in (
        (doc.cues.MISSION_CLOSED, "closed"),
        (doc.cues.MISSION_AGREED, "agreed"),
        (doc.cues.MISSION_OPENED, "opened"),
    ):
        if cue.search(text):
            return status
    return None


def _mission_status(doc: Document, sentence: Sentence) -> str | None:
    text = sentence.text
    if doc.cues.MISSION_CLOSED.search(text):
        return "closed"
    if doc.cues.MISSION_AGREED.search(text):
        return "agreed"
    if doc.cues.MISSION_OPENED.search(text):
        return "opened"
    return None


_CITY_ADJECTIVE = re.compile(
    r"\b(?:in|im|am)\s+(?:der|dem|den)\s+(?P<stem>[A-ZÄÖÜ][a-zäöüß]+)er\s+"
    r"(?:Innenstadt|Altstadt|Stadtmitte|Stadtzentrum|Zentrum|Stadtteil|Südstadt|Nordstadt|Weststadt|Oststadt|Hafen)\b"
)


def _city_by_adjective(doc: Document, sentence: Sentence) -> PlaceRef | None:
    """ "in der Nürnberger Innenstadt": the city whose name is the adjective without its "-er"."""
    from kg import reference

    m = _CITY_ADJECTIVE.search(sentence.text)
    cities = reference.cities().get(m.group("stem")) if m else None
    if not cities:
        return None
    city = max(cities, key=lambda c: c.population or 0)
    return PlaceRef(name=city.name, country=city.country, geonames_id=city.geonames_id)


_CLAUSE_OPENING = re.compile(
    r"\s*(?:(?:dass|wonach|that)\s+)?(?:(?:die|der|das|the)\s+)?", re.I
)  # "Die Schweiz"
_IN_CITY = re.compile(r"\b(?:in|In|im|nach|at|to|of)\s+$")


def _sending_country(doc: Document, sentence: Sentence, mention: Mention) -> str | None:
    before = doc.mentions_in(max(sentence.start, mention.start - 40), mention.start, "country_adj", "country")
    if before:
        m = before[-1]
        gap = doc.text[m.end : mention.start]
        if re.fullmatch(r"\s*(?:\w+\s+)?", gap) and (
            m.kind == "country_adj" or m.text.endswith(("s", "'s", "’s"))
        ):
            return str(m.value)
    after = doc.text[mention.end : mention.end + 40]
    link = re.match(r"\s*(?:of|von|der|des)\s+(?:the\s+)?", after)
    if link:
        nxt = doc.mentions_in(mention.end, mention.end + link.end() + 40, "country")
        if nxt and nxt[0].start <= mention.end + link.end():
            return str(nxt[0].value)
    genitive = doc.mentions_in(mention.end, mention.end + 40, "country")  # "das Generalkonsulat Kasachstans"
    if (
        doc.lang == "de"
        and genitive
        and not doc.text[mention.end : genitive[0].start].strip()
        and genitive[0].text.endswith("s")
    ):
        return str(genitive[0].value)
    # "Kasachstan unterhält seit Jahren ein Generalkonsulat in Urumqi": the country that keeps it
    clause_start = max(  # "Dafür kündigt sich Zuwachs an: Kasachstan will …": a colon starts a clause too
        sentence.start, *(doc.text.rfind(mark, sentence.start, mention.start) + 1 for mark in ",:;\n")
    )  # (and a heading line glued to the sentence, "Dodoma\nDie Botschaft in Tansania …", is not its subject)
    # "Manila hat entschieden, in Stuttgart ein Generalkonsulat einzurichten": an infinitive clause has no
    # subject of its own; the main clause's is the one that opens the mission
    starts = [clause_start]
    if clause_start > sentence.start and _INFINITIVE.search(doc.text, clause_start, sentence.end):
        starts.append(sentence.start)
    for start in starts:
        subjects = _states(doc, start, mention.start)
        opening = _CLAUSE_OPENING.match(doc.text, start)  # "…, dass die Mongolei ein Generalkonsulat …"
        if subjects and subjects[0][0].start - (opening.end() if opening else start) < 3:
            return subjects[0][1]
    side = [
        m
        for m in doc.mentions_in(sentence.start, mention.start, "country_adj")
        if _SIDE_AFTER.match(doc.text, m.end)
    ]
    if side:  # "the decision of the Turkmen side to open a Consulate General in Karachi"
        return str(side[-1].value)
    ours = re.search(  # ("Our embassy in Nairobi opens in May", "Unsere Botschaft …" open their sentence)
        r"\b(?:our|we are opening an?|we will open an?|unser\w*)\s+(?:\w+\s+)?$",
        doc.text[clause_start : mention.start],
        re.IGNORECASE,
    )
    if ours and doc.in_answer(
        mention.start
    ):  # "opened our new embassy", "we are opening a consulate": the speaker's
        speaker = doc.interviewee(doc.person_country.get)
        if speaker:
            return doc.person_country[speaker]
    if ours and doc.publisher:  # "our first resident mission" in a ministry's release
        return doc.publisher
    yours = re.search(r"\b(?:your country|Ihr Land|Ihr Staat)\b", doc.text[clause_start : mention.start])
    if (
        yours and doc.answers and not doc.in_answer(mention.start)
    ):  # the interviewer asks of the interviewee's
        speaker = doc.interviewee(doc.person_country.get)
        if speaker:
            return doc.person_country[speaker]
    own = re.search(
        r"\b(?:its|their|seine[mnrs]?|ihre[mnrs]?)\s+(?:(?:decision|intention|plans?)\s+to\s+(?:open|establish|set up)\s+"
        r"an?\s+)?(?:\w+\s+)?$",  # "its embassy", "its decision to open a consulate general"
        doc.text[clause_start : mention.start],
    )
    if (
        own
    ):  # "BISHKEK, Aug 6 — Kyrgyzstan has closed its embassy", "The Ethiopian side … its decision to open"
        subjects = doc.mentions_in(sentence.start, mention.start, "country", "country_adj")
        if subjects:
            return str(subjects[-1].value)
        if _THE_COUNTRY.match(doc.text, sentence.start):  # "… aus Somalia. Das Land hat seine Botschaft …"
            before = _countries_of_the_sentence_before(doc, sentence)
            if before:
                return before[-1]
    states = _states(doc, clause_start, mention.start)
    if states:  # "Jakarta says Indonesia will open a consulate general": the state right before the verb
        last, iso = states[-1]
        gap = doc.text[last.end : mention.start]
        located = _IN_COUNTRY.search(doc.text, max(0, last.start - 12), last.start)  # "in Kuwait City and"
        if not located and len(gap.split()) <= 5 and _mission_status_in(doc, last.end, mention.start):
            return iso
    outside = [
        (m, iso) for m, iso in states if not _IN_COUNTRY.search(doc.text, max(0, m.start - 12), m.start)
    ]
    if len({iso for _, iso in outside}) == 1 and _mission_status_in(doc, clause_start, sentence.end):
        return outside[0][1]  # "Im Januar wertete Polen sein Verbindungsbüro … zur Botschaft auf"
    return None


_THE_COUNTRY = re.compile(r"\s*(?:Das Land|Der Staat|The country|The state)\b")


def _countries_of_the_sentence_before(doc: Document, sentence: Sentence) -> list[str]:
    """The countries the sentence before (in the same paragraph) names, in order."""
    if sentence.index == 0:
        return []
    before = doc.sentences[sentence.index - 1]
    if before.paragraph != sentence.paragraph:
        return []
    return [str(m.value) for m in doc.mentions_in(before.start, before.end, "country")]


_SIDE_AFTER = re.compile(r"\s+(?:side|Seite)\b")
_INFINITIVE = re.compile(
    r"\bzu\s+(?:eröffnen|errichten|gründen|schließen|öffnen)\b|\b(?:einzurichten|aufzuheben|aufzuwerten)\b|"
    r"\bto\s+(?:open|establish|set up|close|reopen)\b"
)


def _states(doc: Document, start: int, end: int) -> list[tuple[Mention, str]]:
    """Countries named between ``start`` and ``end``, and capitals standing for their governments, in order."""
    found = [(m, str(m.value)) for m in doc.mentions_in(start, end, "country")]
    found += [(m, iso) for m in doc.mentions_in(start, end, "city") if (iso := capital_country(m))]
    return sorted(found, key=lambda pair: pair[0].start)


_IN_COUNTRY = re.compile(r"\b(?:in|im|to|at|nach|auf)\s+(?:der\s+|den\s+|the\s+)?$")
_UPGRADED_TO = re.compile(
    r"[^.;]{0,60}?\b(?:to|into|zu|zur|zum)\s+(?:a\s+|an\s+|einer\s+|einem\s+)?(?:[\w-]+\s+){0,2}$"
)


def _upgraded(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """The mission an upgrade starts from ("its consulate in Nairobi to a fully fledged embassy", "die
    Aussenstelle … zu einer eigenständigen Botschaft aufgewertet"): the other mission word is the one told."""
    later = doc.mentions_in(mention.end, sentence.end, "mission")
    return (
        bool(later)
        and bool(_UPGRADED_TO.fullmatch(doc.text, mention.end, later[0].start))
        and bool(re.search(r"upgrad|aufgewertet|aufwerten|aufgestuft", sentence.text, re.I))
    )


_CITY_ANAPHOR = re.compile(
    r"\s+(?:in der|in the|in this|in dieser)\s+(?:Hansestadt|Stadt|Metropole|Messestadt|Bankenstadt|city|town)\b"
)


def _city_referred(doc: Document, mention: Mention) -> PlaceRef | None:
    """ "ein Generalkonsulat in der Hansestadt", "a consulate in the city": the city the article named most
    often so far (the latest of equals), not one named in passing ("Athen hatte die Schließung beschlossen")."""
    if not _CITY_ANAPHOR.match(doc.text, mention.end):
        return None
    counts: dict[str, tuple[int, int, object]] = {}
    for m in doc.mentions_in(0, mention.start, "city"):
        city = m.value[0]  # type: ignore[index]
        n = counts.get(city.name, (0, 0, city))[0]
        counts[city.name] = (n + 1, m.start, city)
    if not counts:
        return None
    c = max(counts.values(), key=lambda v: (v[0], v[1]))[2]
    return PlaceRef(name=c.name, country=c.country, geonames_id=c.geonames_id)  # type: ignore[attr-defined]


_RELATIVE_OPENING = re.compile(r",\s*(?:die|der|das|welche[rs]?|which|that)\s")


def _relative_clause(doc: Document, sentence: Sentence, pos: int) -> tuple[int, int] | None:
    """The relative clause around ``pos`` ("…, die seit 2019 der Schweizer Botschaft in Tiflis angegliedert
    ist, …"): from its comma to the next comma or the sentence's end. None outside one."""
    opening = None
    for m in _RELATIVE_OPENING.finditer(doc.text, sentence.start, pos):
        opening = m
    if opening is None or "," in doc.text[opening.end() : pos]:
        return None
    close = doc.text.find(",", pos, sentence.end)
    return opening.start(), close if close >= 0 else sentence.end


def _described_only(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """A mission named in a relative clause that tells nothing of it ("the office in Yerevan, which has been
    attached to the embassy in Tbilisi since 2019, becomes an embassy"): not the one the sentence is about."""
    clause = _relative_clause(doc, sentence, mention.start)
    return clause is not None and _mission_status_in(doc, *clause) is None


def _mission_place(doc: Document, sentence: Sentence, mention: Mention) -> tuple[PlaceRef | None, str | None]:
    """Where the mission a mission word names is: its city (if the sentence names one, outside relative
    clauses on other things) and host country."""
    place = None
    host = None
    own_clause = _relative_clause(doc, sentence, mention.start)
    in_sentence = [
        c
        for c in doc.mentions_in(sentence.start, sentence.end, "city")
        if _relative_clause(doc, sentence, c.start) in (None, own_clause)
    ]
    cities = [
        c for c in in_sentence if -60 <= c.start - mention.end <= 60 or 0 <= mention.start - c.end <= 60
    ]
    if not cities:  # "Today in Singapore, the minister opened the Embassy of …"
        cities = [
            c
            for c in in_sentence
            if c.end <= mention.start and _IN_CITY.search(doc.text, max(0, c.start - 4), c.start)
        ][-1:]
    country_after = doc.mentions_in(mention.end, min(sentence.end, mention.end + 25), "country")
    if country_after and re.fullmatch(
        r"\s+(?:in|im|in der)\s+", doc.text[mention.end : country_after[0].start]
    ):
        cities = []  # "embassy in Kuwait, opens consulate in Busan": the country comes first
    if cities:  # "ein Generalkonsulat in Guangzhou", "in der Stadt Aktobe ein Generalkonsulat"
        city = min(  # nearest, after the word, and after "in": "In Denpasar auf der Insel Bali"
            cities,
            key=lambda c: (
                abs(c.start - mention.start)
                + (0 if c.start > mention.start else 40)
                + (0 if _IN_CITY.search(doc.text, max(0, c.start - 4), c.start) else 30)
            ),
        )
        c = city.value[0]  # type: ignore[index]
        place = PlaceRef(name=c.name, country=c.country, geonames_id=c.geonames_id, written=city.text)
        host = c.country
    if host is None and place is None and doc.lang == "de":
        place = _city_by_adjective(doc, sentence)  # "eröffnete in der Nürnberger Innenstadt ein …"
        host = place.country if place else None
    if host is None and place is None:
        place = _city_referred(doc, mention)  # "ein Generalkonsulat in der Hansestadt eröffnen"
        host = place.country if place else None
    # "embassy of Kazakhstan in Germany", not "schließt Generalkonsulat, Kasachstan kommt"
    if host is None:
        hosts = doc.mentions_in(mention.end, min(sentence.end, mention.end + 60), "country")
        host = next(
            (str(h.value) for h in hosts if _IN_COUNTRY.search(doc.text, h.start - 12, h.start)), None
        )
    return place, host


_EXISTING_BEFORE = re.compile(
    r"\b(?:after|besides|alongside|in addition to|apart from|nach|neben|außer|zusätzlich zu)\s+"
    r"(?:the|its|their|der|dem|den|seiner|ihrer)\s+(?:[\w-]+\s+)?$"
)  # "its second mission in Brazil after the embassy in Brasília": a mission named for comparison
_DEFINITE_BEFORE = re.compile(r"\b(?:the|The|das|Das|die|Die|der|Der)\s+(?:new\s+|neue\w*\s+)?$")


def _antecedent(doc: Document, sentence: Sentence, mention: Mention) -> tuple[str, PlaceRef | None, str]:
    """ "… the Chinese Consulate-General in Mandalay withdrew its staff. … The Consulate-General resumed
    full operations": a mission word with a definite article and nothing to place it is the mission of that
    kind the three sentences before named with its state and town. Empty values when there is none."""
    at = doc.sentences.index(sentence)
    for before in reversed(doc.sentences[max(0, at - 3) : at]):
        for m in reversed(doc.mentions_in(before.start, before.end, "mission")):
            if m.value != mention.value:
                continue
            sending = _sending_country(doc, before, m)
            place, host = _mission_place(doc, before, m)
            if sending and host and sending != host:
                return sending, place, host
    return "", None, ""


_FROM_TOWN = re.compile(r"\b(?:from|von|aus)\s+(?:the\s+|der\s+|dem\s+)?(?:city of\s+|Stadt\s+)?$", re.I)
_TO_TOWN = re.compile(
    r"\b(?:to|into|nach|in)\s+(?:the\s+|die\s+|der\s+)?(?:new\s+|neue\s+)?(?:capital(?:,)?\s+|Hauptstadt\s+)?$",
    re.I,
)


_TO_COME = re.compile(r"\b(?:will|wants to|plans to|is to|are to|would|soll|sollen|wird|werden|wollen)\b")


def _moved(doc: Document, sentence: Sentence) -> tuple[PlaceRef, PlaceRef] | None:
    """ "Die Botschaft in Tansania wurde … von Daressalam in die Hauptstadt Dodoma verlegt", "moved its
    embassy from Tel Aviv to Jerusalem": the town a mission left and the town it moved to, both in one
    country, when the sentence tells a move that happened (not one planned)."""
    if (
        not doc.cues.MISSION_MOVED.search(sentence.text)
        or doc.cues.MISSION_AGREED.search(sentence.text)
        or _TO_COME.search(sentence.text)
    ):
        return None
    towns = doc.mentions_in(sentence.start, sentence.end, "city")
    origin = next((t for t in towns if _FROM_TOWN.search(doc.text, max(0, t.start - 30), t.start)), None)
    if origin is None:
        return None
    target = next(
        (
            t
            for t in towns
            if t.start > origin.end and _TO_TOWN.search(doc.text, max(origin.end, t.start - 40), t.start)
        ),
        None,
    )
    if target is None:
        return None
    a, b = origin.value[0], target.value[0]  # type: ignore[index]
    if a.country != b.country or a.name == b.name:
        return None
    return (
        PlaceRef(name=a.name, country=a.country, geonames_id=a.geonames_id, written=origin.text),
        PlaceRef(name=b.name, country=b.country, geonames_id=b.geonames_id, written=target.text),
    )


def _add_mission(
    doc: Document,
    sentence: Sentence,
    kind: str,
    sending: str,
    host: str,
    place: PlaceRef | None,
    status: str,
) -> None:
    """One more mission, or one more piece of evidence (and its town) for the one already told."""
    told = next(
        (
            m
            for m in doc.found.missions
            if (m.mission_type, m.sending_country, m.host_country, m.status) == (kind, sending, host, status)
            and (m.place is None or place is None or m.place.key == place.key)
        ),
        None,
    )
    if told is not None:  # the headline's "embassy in Kuwait" is the body's "embassy in Kuwait City"
        told.place = told.place or place
        told.confidence = 0.85 if told.place else told.confidence
        if told.evidence[-1] != doc.evidence(sentence):
            told.evidence.append(doc.evidence(sentence))
        return
    doc.found.missions.append(
        Mission(
            mission_type=kind,
            evidence=[doc.evidence(sentence)],
            sending_country=sending,
            host_country=host,
            place=place,
            status=status,
            confidence=0.85 if place else 0.7,
        )
    )


def _the_other_of_the_pair_before(doc: Document, sentence: Sentence, mention: Mention) -> str | None:
    """A mission the sentence gives no sending state to, when the sentence before names exactly its host
    and one other state: that other state's ("Umgekehrt ist Deutschland in Somalia schon länger präsent. Die
    Botschaft in Mogadischu ist seit 2021 wieder geöffnet")."""
    _, host = _mission_place(doc, sentence, mention)
    pair = set(_countries_of_the_sentence_before(doc, sentence))
    if host is None or len(pair) != 2 or host not in pair:
        return None
    (other,) = pair - {host}
    return other


def find_missions(doc: Document) -> None:
    for sentence in doc.sentences:
        moved = _moved(doc, sentence)
        sentence_status = "opened" if moved else _mission_status(doc, sentence)
        if sentence_status is None or doc.cues.DENIED.search(sentence.text) or _question(sentence):
            continue  # "a spokesperson denied reports that the embassy would be downgraded"
        cursor = sentence.start
        last_sending: str | None = None
        for mention in doc.mentions_in(sentence.start, sentence.end, "mission"):
            # "has closed its embassy in Kuwait City and opened a consulate in Busan": each its own verb
            semicolon = doc.text.rfind(";", cursor, mention.start)
            if semicolon >= 0 and not moved:  # a clause of its own after a semicolon tells its own change
                cursor = semicolon + 1
            own = _mission_status_in(doc, cursor, mention.end)
            if own is None and semicolon >= 0 and not moved:
                # "…; dessen Aufgaben übernimmt nun die Botschaft in Tokio": its own clause tells no change
                own = _mission_status_in(doc, mention.start, _semicolon_clause(sentence, mention)[1])
                if own is None:
                    cursor = mention.end
                    continue
            status = own or sentence_status
            cursor = mention.end
            if doc.cues.CONSIDERED.search(doc.text, _semicolon_clause(sentence, mention)[0], mention.start):
                continue  # "Peking erwäge zudem, ein Generalkonsulat in Debrecen einzurichten"
            if doc.in_quote(mention.start):
                continue
            if doc.cues.NEGATION.search(doc.text[max(sentence.start, mention.start - 40) : mention.start]):
                continue
            if _EXISTING_BEFORE.search(doc.text, max(sentence.start, mention.start - 40), mention.start):
                continue
            if _described_only(doc, sentence, mention):
                continue
            # "…, opens consulate in Busan"; "Die Botschaft in Tansania wurde … verlegt" in a ministry's release
            sending = _sending_country(doc, sentence, mention) or last_sending or doc.publisher
            if (
                sending is None
            ):  # "Umgekehrt ist Deutschland in Somalia präsent. Die Botschaft in Mogadischu …"
                sending = _the_other_of_the_pair_before(doc, sentence, mention)
            last_sending = sending
            if _upgraded(doc, sentence, mention):
                continue  # "to upgrade its consulate in Nairobi to an embassy": the embassy is the news
            place, host = _mission_place(doc, sentence, mention)
            if (
                sending is None
                and host is None
                and _DEFINITE_BEFORE.search(doc.text, max(sentence.start, mention.start - 12), mention.start)
            ):
                sending, place, host = _antecedent(doc, sentence, mention)
            if moved and (host is None or host == moved[0].country):
                host = moved[0].country
                if sending and sending != host:  # closed where it was, opened where it went
                    _add_mission(doc, sentence, str(mention.value), sending, host, moved[0], "closed")
                    _add_mission(doc, sentence, str(mention.value), sending, host, moved[1], "opened")
                continue
            if not sending or not host or sending == host:
                continue
            _add_mission(doc, sentence, str(mention.value), sending, host, place, status)
