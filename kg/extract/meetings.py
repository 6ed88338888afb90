"""Meetings, talks, summits, dialogues, phone calls and visits.

Needs: meeting, format, city, country, country_adj, role mentions; people.
Adds: ``found.meetings`` and ``doc.meeting_mentions`` (which meeting each
meeting word refers to, for agreements and quotes).

A meeting word starts a meeting when the sentence anchors it in the world
(a date, a place, a format, an ordinal or an event verb), outside quotations
and not negated. A later mention that fits an earlier meeting (same kind or
a loose word such as "talks", no conflicting date, place or format) is the
same meeting told again: it adds what it says and starts nothing.
Participants are the people named in that sentence, and in the following
sentences of the paragraph that speak of taking part ("darunter",
"attended") or go on about the event ("Dabei …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.dates import DateMention, find_dates, shift_date, year_before_if_after
from kg.extract.document import Document, PersonMention, capitals, members_acting_as_one
from kg.extract.matcher import Mention
from kg.extract.numbers import COUNT_WORDS
from kg.extract.text import LIVE_STAMP, Sentence
from kg.model import DateValue, Meeting, PlaceRef, Position

__all__ = ["MIN_CONFIDENCE", "find_meetings"]

MIN_CONFIDENCE = 0.5  # measured on the dev set: below it a meeting was right two times in three
_MINISTER_ROLES = {"foreign-minister", "minister", "deputy-foreign-minister", "deputy-minister"}
_HEAD_ROLES = {"president", "prime-minister"}
_LOCATIVE = re.compile(r"(?:\b(?:in|im|at|nach|to)\s+(?:der\s+|the\s+)?(?:\w+\s+)?|^\s*|[(]\s*)$", re.I)
# a town that hosts: "Khujand hosts a trilateral summit", "Dushanbe is the venue for", "Baku war Gastgeber"
_HOSTING = re.compile(
    r"\s+(?:hosts|hosted|will host|is hosting|stages|staged|plays host|played host|(?:is|was) the venue|"
    r"(?:ist|war|wird) (?:Gastgeber|Austragungsort|Schauplatz)|richtet\w*\s+(?:den|das|die|ein)\b)"
)


@dataclass
class _Cue:
    """What one sentence says about the meeting its meeting word names."""

    mention: Mention
    meeting_type: str | None
    generic: bool
    verb: bool
    definite: bool
    date: DateValue | None
    place: PlaceRef | None
    venue_country: str | None
    format: str | None
    ordinal: int | None
    countries: list[str]
    status: str
    persons: frozenset[str] = frozenset()  # the office holders its sentence names
    sideline: bool = False  # told as a meeting "on the sidelines" of another
    hosts: frozenset[str] = frozenset()  # heads of state or government who receive a minister here
    also: bool = False  # "Zudem traf er …", "He also met …": one more meeting, not the one told
    both: bool = False  # "the two ministers", "beide Minister": the two of the meeting told


def _quoted(doc: Document, pos: int) -> bool:
    """In a quotation, unless it is an interview answer: "At our meeting in Tashkent in April, …" is a fact."""
    return doc.in_quote(pos) and not doc.in_answer(pos)


def _meeting_key(doc: Document, index: int) -> str:
    return f"m{index}"


def _city(mention: Mention) -> PlaceRef:
    city = mention.value[0]  # type: ignore[index]
    return PlaceRef(name=city.name, country=city.country, geonames_id=city.geonames_id, written=mention.text)


_DATELINE = re.compile(r"^[A-ZÄÖÜ][\w .'-]{1,40},\s+[^–—\n]{3,30}?(?:\([^)]{1,60}\))?\s*[-–—]\s")
_NOT_THERE = re.compile(r"\b(?:nicht|not|nie|never)\s+(?:nach|in|im|to|at)\s+(?:der\s+|the\s+)?$", re.I)
_CAPITAL = re.compile(r"\s+(?:capital|Hauptstadt)\b")


def _dateline_end(sentence: Sentence) -> int:
    """End of a dateline such as "ASTANA, March 15 (Steppe Wire) -": its date is the report's, not the event's."""
    m = _DATELINE.match(sentence.text)
    return sentence.start + m.end() if m else sentence.start


def _dateline_city(doc: Document, sentence: Sentence) -> PlaceRef | None:
    """The city of the dateline that opens ``sentence`` ("WIEN, 11. Juni 2025 –"), or its paragraph ("Wien.
    Die Eröffnung …"): where a report of the day's own meeting was filed."""
    cut = _dateline_end(sentence)
    if cut == sentence.start:
        first = doc.paragraphs[sentence.paragraph].sentences[0]
        towns = doc.mentions_in(first.start, first.end, "city")
        if len(towns) == 1 and _BARE_DATELINE.fullmatch(doc.text, towns[0].end, first.end):
            return _city(towns[0]) if towns[0].start == first.start else None
        return None
    city = next(iter(doc.mentions_in(sentence.start, cut, "city")), None)
    return _city(city) if city is not None else None


_BARE_DATELINE = re.compile(r"(?:\s*\([^)]{1,40}\))?\s*\.")  # "Wien.", "Wien (APA)." alone before the text


def _section_date(doc: Document, sentence: Sentence) -> str | None:
    """The date line above a sentence, when a collection of readouts dates each of its items on a line of
    its own ("March 31, 2026" under the item's heading): the day its "today" means."""
    for index in range(sentence.paragraph - 1, max(-1, sentence.paragraph - 4), -1):
        paragraph = doc.paragraphs[index]
        line = doc.text[paragraph.start : paragraph.end].strip()
        if len(line) > 30:
            continue
        dates = find_dates(line, article_date=doc.article.date)
        if (
            len(dates) == 1
            and dates[0].value.datatype == "date"
            and len(dates[0].value.text) >= len(line) - 4
        ):
            return dates[0].value.lexical
    return None


def _event_dates(doc: Document, sentence: Sentence) -> list:
    found = [
        d
        for d in find_dates(
            doc.text,
            article_date=_section_date(doc, sentence) or doc.article.date,
            start=sentence.start,
            end=sentence.end,
            years=True,
        )
        if not _quoted(doc, d.start)
    ]
    found = [
        d
        for d in found
        if not doc.cues.REPORTED_ON.search(doc.text, max(sentence.start, d.start - 60), d.start)
    ]
    if doc.cues.PAST_HELD.search(sentence.text) and not doc.cues.PLANNED.search(sentence.text):
        found = [  # "besuchte im September Berlin", told in June: last September
            DateMention(d.start, d.end, year_before_if_after(d.value, doc.article.date)) for d in found
        ]
    cut = _dateline_end(sentence)
    body = [d for d in found if d.start >= cut]
    return body or found


def _capital_of(doc: Document, sentence: Sentence) -> list[tuple[Mention, PlaceRef]]:
    """ "the Kazakh capital", "der kasachischen Hauptstadt" -> the capital city of that country."""
    from kg import reference

    out = []
    # "the Kazakh capital", "the Solomon Islands capital" (the country's name as an adjective)
    for m in doc.mentions_in(sentence.start, sentence.end, "country_adj", "country"):
        if not _CAPITAL.match(doc.text, m.end):
            continue
        capital = capitals().get(str(m.value))
        for city in reference.cities().get(capital or "", []):
            if city.country == m.value:
                out.append((m, PlaceRef(name=city.name, country=city.country, geonames_id=city.geonames_id)))
                break
    return out


def _formats(doc: Document, sentence: Sentence) -> list[Mention]:
    """Format mentions; "EU" alone names the Union as a party, not the EU–X format."""
    countries = {(m.start, m.end) for m in doc.mentions_in(sentence.start, sentence.end, "country")}
    titles = {m.start for m in doc.mentions_in(sentence.start, sentence.end, "role")}
    return [
        m
        for m in doc.mentions_in(sentence.start, sentence.end, "format")
        if (not _quoted(doc, m.start) or _quoted_name(doc, m))
        and ((m.start, m.end) not in countries or _SUMMIT_AFTER.match(doc.text, m.end))  # but "EU-Gipfel"
        # "UN-Generalsekretär", "SCO Secretary-General": the organisation of a title, not the meeting's format
        and not any(m.end + gap in titles for gap in (0, 1))
        and not _FORMAT_AS_PLACE.match(doc.text, m.end)  # "received at the AU headquarters"
        # "to discuss the ECOWAS standby force", "cooperation at the United Nations": a topic
        and not doc.cues.FORMAT_TOPIC_BEFORE.search(doc.text, max(sentence.start, m.start - 60), m.start)
    ]


_SUMMIT_AFTER = re.compile(
    r"(?:-|\s)(?:Gipfel|Sondergipfel|Gipfeltreffen|[Ss]ummit|[Ll]eaders'? [Ss]ummit)\b"
)
_FORMAT_AS_PLACE = re.compile(
    r"[\s-]*(?:headquarters|HQ|Secretariat|Commission|Hauptquartier|Hauptsitz|Zentrale|Sekretariat|Kommission)\b"
)


def _quoted_name(doc: Document, mention: Mention) -> bool:
    """A name in quote marks, not speech: the summit in the format „Zentralasien plus Japan“."""
    text = doc.text
    before = text[max(0, mention.start - 2) : mention.start].rstrip()
    after = text[mention.end : mention.end + 2].lstrip()
    return bool(before) and before[-1] in "„“\"»«'‚" and bool(after) and after[0] in "“”\"«»'‘"


_BUILDING = re.compile(r"\b(?:Schloss|Palais|Palast|Palace|Castle|Château|Villa|Haus|House)\s+$")


def _places(doc: Document, sentence: Sentence) -> list[tuple[Mention, PlaceRef]]:
    out = _capital_of(doc, sentence)
    mission_spans = [m for m in doc.mentions_in(sentence.start, sentence.end, "mission")]
    for m in doc.mentions_in(sentence.start, sentence.end, "city"):
        if _quoted(doc, m.start):
            continue
        if any(0 <= m.start - x.end <= 40 for x in mission_spans):
            continue  # "Generalkonsulat in Guangzhou": the mission's city, not the meeting's
        before = doc.text[max(sentence.start, m.start - 25) : m.start]
        if m.start < _dateline_end(sentence):
            continue  # "ASTANA, 5. März –": where the report was filed, not where anyone met
        if _NOT_THERE.search(before):
            continue  # "musste nicht nach Peking schauen", "not in Geneva but …": where it was not
        if _BUILDING.search(before):
            continue  # "im Schloss Bellevue": a palace, not the town of that name
        if any(p.start <= m.start < p.end for p in doc.persons_in(m.start, m.end + 80)):
            continue  # "Vladimir Putin noted …": a name that is also a town's
        if (
            _LOCATIVE.search(before)
            or (m.start == sentence.start and not _DATELINE.match(sentence.text))
            or _HOSTING.match(doc.text, m.end)
        ):
            out.append((m, _city(m)))
    return out


def _ordinal(doc: Document, sentence: Sentence, mention: Mention) -> int | None:
    from kg.extract.dates import MONTHS

    best = None
    for m in doc.cues.ORDINAL.finditer(doc.text, max(sentence.start, mention.start - 40), mention.start + 1):
        if m.start() >= mention.start:
            break
        between = doc.text[m.end() : mention.start]
        if _NOT_THE_EVENT.search(between):
            best = None  # "der zweite Tag des Gipfels", "the second day of the summit": the day's ordinal
            continue
        if m.group("word"):
            best = doc.cues.ORDINALS.get(m.group("word").lower().rstrip("nrsm"))
            if best is None:
                best = doc.cues.ORDINALS.get(m.group("word").lower())
        elif m.group("num") and doc.lang == "en":
            best = int(m.group("num"))
        elif m.group("num"):
            words = between.split()  # "der 16. Gipfel", not "am 5. März fand der Gipfel"
            if len(words) <= 2 and not any(w.lower().rstrip(".,") in MONTHS for w in words):
                best = int(m.group("num"))
    # only when close: "das sechste Treffen", "the fourth C5+1 ministerial"
    if best == 1 and _FIRST_SINCE.match(doc.text, mention.end, sentence.end):
        return None  # "the first formal meeting in five years", "erstes Gespräch seit 2019": a comparison
    return best


_NOT_THE_EVENT = re.compile(
    r"\b(?:Tag|Tages|Tage|day|days|Woche|week|Jahrestag|anniversary|Mal|time|Hälfte|half)\b"
)
_FIRST_SINCE = re.compile(
    r"(?:\s+[\w-]+){0,8}?\s+(?:since|seit|in\s+(?:\w+\s+)?(?:years|decades|Jahren))\b", re.IGNORECASE
)


def _adjacent_countries(doc: Document, sentence: Sentence, mention: Mention) -> list[str]:
    """ "kasachisch-chinesischer Strategiedialog", "Sino-Kazakh talks", "talks between X and Y"."""
    text = doc.text
    out: list[str] = []
    lo = max(sentence.start, mention.start - 60)
    before = doc.mentions_in(lo, mention.start, "country_adj")
    chain: list[Mention] = []
    cursor = mention.start
    for m in reversed(before):
        gap = text[m.end : cursor]
        if re.fullmatch(r"\s*|-|\s*-\s*|\s+\w+\s+", gap) or (chain and gap == "-"):
            chain.insert(0, m)
            cursor = m.start
        else:
            break
    out.extend(str(m.value) for m in chain)
    compound = re.search(r"([\w]+(?:-[\w]+)+)\s+(?:\w+\s+)?$", text[lo : mention.start])
    if compound and len(out) < 2:
        for part in compound.group(1).split("-"):
            iso = doc.lexicon.adjective_parts.get(part.lower())
            if iso and iso not in out:
                out.append(iso)
        if len(out) < 2:  # "the Japan-Poland Economic Consultations": the pair by name
            named = doc.mentions_in(lo + compound.start(1), lo + compound.end(1), "country")
            if len({str(m.value) for m in named}) >= 2:
                out.extend(str(m.value) for m in named if str(m.value) not in out)
    after = text[mention.end : min(sentence.end, mention.end + 120)]
    # "talks between X and Y", "die Verhandlungsrunde über ein Freihandelsabkommen zwischen X und Y"
    between = re.match(
        r"\s*(?:(?:über|zu|on|about|for)\s+(?:(?:ein|eine|einen|einem|a|an|the|das|die|den)\s+)?(?:[\w-]+\s+){1,2})?"
        r"(?:zwischen|between)\b",
        after,
    )
    if between:
        for m in doc.mentions_in(mention.end, min(sentence.end, mention.end + 120), "country", "country_adj"):
            if str(m.value) not in out:
                out.append(str(m.value))
    elif re.match(
        r"\s*(?:der|des|of)\s", after
    ):  # "ein Gipfeltreffen der Türkei, Aserbaidschans und Turkmenistans"
        cursor = mention.end + re.match(r"\s*(?:der|des|of)\s+(?:the\s+)?", after).end()  # type: ignore[union-attr]
        owner_at = cursor
        listed = []
        for m in doc.mentions_in(cursor, min(sentence.end, mention.end + 120), "country"):
            if not re.fullmatch(r"\s*(?:,|und|and|sowie)?\s*(?:der|the)?\s*", doc.text[cursor : m.start]):
                break
            listed.append(str(m.value))
            cursor = m.end
        if len(listed) >= 2:  # one country after "of" is a place or an owner ("summit of Kazakhstan's …")
            out.extend(c for c in listed if c not in out)
        else:  # "the 2nd session of the India-Ethiopia Joint Commission", "der deutsch-kasachischen Kommission"
            out.extend(c for c in _compound_pair_after(doc, owner_at) if c not in out)
    return out


_COMPOUND_AFTER = re.compile(r"(?:[a-zäöüß]+\s+)?(?P<pair>[\w]+(?:-[\w]+)+)\s")


def _compound_pair_after(doc: Document, at: int) -> list[str]:
    """The countries of a hyphenated pair right at ``at`` ("India-Ethiopia Joint Commission",
    "deutsch-kasachischen Regierungskommission"): its names, or its adjectives' countries."""
    m = _COMPOUND_AFTER.match(doc.text, at)
    if m is None:
        return []
    start, end = m.start("pair"), m.end("pair")
    named = [str(x.value) for x in doc.mentions_in(start, end, "country")]
    parts = [doc.lexicon.adjective_parts.get(p.lower()) for p in m.group("pair").split("-")]
    found = named if len(named) >= 2 else [p for p in parts if p]
    return list(dict.fromkeys(found)) if len(set(found)) >= 2 else []


_COUNTERPARTS_AFTER = re.compile(r"\s*(?:counterparts?|Amtskolleg(?:e|en|in|innen)|Kolleg(?:en|innen))\b")
_ADJECTIVE_GLUE = re.compile(r"\s*(?:,|and|und|sowie)\s*|\s*,\s*(?:and|und)\s+")


def _counterparts(doc: Document, sentence: Sentence) -> list[str]:
    """ "met his Afghan and Pakistani counterparts", "traf seine afghanischen und pakistanischen
    Amtskollegen": the countries of counterparts the sentence names by their adjectives only."""
    out: list[str] = []
    adjectives = doc.mentions_in(sentence.start, sentence.end, "country_adj")
    for i, adj in enumerate(adjectives):
        if not _COUNTERPARTS_AFTER.match(doc.text, adj.end):
            continue
        chain = [adj]
        for prev in reversed(adjectives[:i]):  # the adjectives joined to it by "and" or commas
            if not _ADJECTIVE_GLUE.fullmatch(doc.text, prev.end, chain[0].start):
                break
            chain.insert(0, prev)
        out += [str(m.value) for m in chain if str(m.value) not in out]
    return out


_DATIVE_PLURAL = re.compile(r"\b(?:bei|nach|mit|in|von|zu|vor|aus|an|seit) den\s+$", re.I)
_LAST_WORD = re.compile(r"([\w]+(?:-[\w]+)*)\s+$")


def _definite(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """ "the talks", "the Turkish-Azerbaijani talks", "den usbekisch-türkischen Gesprächen": a reference back."""
    if doc.cues.RESTRICTIVE_AFTER.match(doc.text, mention.end):
        return False
    pos = mention.start
    for _ in range(3):  # skip the country adjectives between the article and the noun
        m = _LAST_WORD.search(doc.text, max(sentence.start, pos - 60), pos)
        parts = m.group(1).lower().split("-") if m else []
        if not parts or not all(doc.lexicon.adjective_parts.get(p) for p in parts):
            break
        pos = m.start(1)  # type: ignore[union-attr]
    if doc.cues.DEFINITE_BEFORE.search(doc.text[max(sentence.start, pos - 20) : pos]):
        return True
    if doc.lang == "de" and _DATIVE_PLURAL.search(doc.text[max(sentence.start, pos - 20) : pos]):
        return True  # "Bei den kirgisisch-deutschen Gesprächen": the talks of the visit told
    # "nach dem gut zweistündigen Gespräch", "the two-hour talks": the article, then words that describe
    words = re.search(r"((?:\b[a-zäöüß][\w-]*\s+){1,2})$", doc.text[max(sentence.start, pos - 40) : pos])
    if (
        not words
        or doc.cues.ORDINAL.search(words.group(1))
        or doc.cues.RESTRICTIVE_AFTER.match(words.group(1))
    ):
        return False
    head = pos - len(words.group(1))
    return bool(doc.cues.DEFINITE_BEFORE.search(doc.text[max(sentence.start, head - 20) : head]))


def _indefinite(doc: Document, sentence: Sentence, cue: _Cue, existing: Meeting) -> bool:
    """ "a meeting", "ein erstes Treffen", "zu einem Gespräch" after the meeting of an earlier sentence: a new
    one, when it says something the earlier one does not have (someone else, a date, an ordinal); the same
    words told again are the same meeting."""
    mention = cue.mention
    if isinstance(mention, _ImplicitMention) or not existing.evidence:
        return False
    news = (
        bool(cue.persons - set(existing.participants))
        or (cue.date is not None and existing.date is None)
        or (cue.ordinal is not None and cue.ordinal != existing.ordinal)
    )
    if not news:
        return False
    if existing.evidence[0].char_start >= sentence.start:
        return False  # the same sentence: "X met Y for a working visit"
    if _headline_only(doc, existing):
        return False  # the headline announces the meeting the text then tells: "Wadephul empfängt Muhriddin"
    return bool(
        doc.cues.INDEFINITE_BEFORE.search(doc.text, max(sentence.start, mention.start - 50), mention.start)
    )


def _headline_only(doc: Document, meeting: Meeting) -> bool:
    """Told so far only in the headline: a first paragraph of one line without a full stop."""
    first = doc.paragraphs[0]
    line = doc.text[first.start : first.end].strip()
    return (
        len(first.sentences) == 1
        and "\n" not in line
        and not line.endswith((".", "!", "?", "“", "”", '"'))
        and all(e.char_start < first.end for e in meeting.evidence)
    )


def _headline_meeting(doc: Document, meetings: list[Meeting], cue: _Cue) -> Meeting | None:
    """The meeting only the headline told, when the body tells it with more people: "Uzbek president
    receives Lavrov" / "Uzbek President Shavkat Mirziyoyev received … Sergey Lavrov in Tashkent on Tuesday"."""
    for m in meetings:
        if (
            _headline_only(doc, m)
            and m.status == cue.status
            and m.date is None
            and (m.meeting_type is None or cue.meeting_type in (None, m.meeting_type))
            and set(m.participants) <= cue.persons
            # "Außenministertreffen in Almaty" / "Präsident X hat Minister Y empfangen": not that meeting
            and not (cue.hosts and m.meeting_type in ("ministerial-meeting", "summit", "strategic-dialogue"))
        ):
            return m
    return None


_PREPARATIONS = re.compile(
    r"\b(?:preparations?|preparing|Vorbereitung(?:en)?)\s+(?:for|of|des|der|auf|für)\s+"
    r"(?:the\s+|den\s+|die\s+|das\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.I,
)


_PREPARATIONS_OF = re.compile(r"\b(?:preparations?|Vorbereitung(?:en)?)\s+(?:for|of|des|der|auf|für)\b", re.I)


def _prepared(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """ "discussed preparations for the June summit": a meeting talked about, not the one told."""
    return _prepared_start(doc, sentence, mention) < mention.start


def _prepared_start(doc: Document, sentence: Sentence, mention: Mention) -> int:
    """Where "preparations for …" before ``mention`` starts (``mention.start`` when there is none)."""
    m = _PREPARATIONS.search(doc.text, max(sentence.start, mention.start - 60), mention.start)
    return m.start() if m else mention.start


def _agreement_topic(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """ "a memorandum of understanding on political consultations": what a document is about, not an event."""
    lo = max(sentence.start, mention.start - 80)
    if not doc.mentions_in(lo, mention.start, "agreement"):
        return False
    return bool(doc.cues.TOPIC_BEFORE.search(doc.text, max(lo, mention.start - 40), mention.start))


_NEGOTIATIONS = re.compile(r"(?:Verhandlungen|Verhandlung|negotiations|negotiation)", re.I)
_OVER_A_TEXT = re.compile(
    r"\s+(?:über|on|over|zu|zum|zur|for)\s+(?:den|die|das|einen|eine|ein|a|an|the)?\s*"
    r"(?:(?:Text|text|Entwurf|draft|wording)\s+(?:eines|einer|des|der|of|of the|of a|for a)?\s*)?$"
)


_DOCUMENT_WORD = re.compile(
    r"\b[\w-]*(?:[Vv]ertrag|[Vv]ertrags|[Vv]ertrages|[Aa]bkommen|[Aa]bkommens|[Ee]rklärung|treaty|agreement|accord)\b"
)


def _negotiating_a_text(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """ "die Verhandlungen über den Text eines Friedensvertrags seien abgeschlossen", "negotiations on a
    peace treaty": the work on a document, told without when and where anyone met."""
    if not _NEGOTIATIONS.fullmatch(mention.text):
        return False
    following = doc.mentions_in(mention.end, min(sentence.end, mention.end + 50), "agreement")
    if following and _OVER_A_TEXT.match(doc.text[mention.end : following[0].start]):
        return True
    document = _DOCUMENT_WORD.search(doc.text, mention.end, min(sentence.end, mention.end + 60))
    return bool(document) and bool(_OVER_A_TEXT.match(doc.text[mention.end : document.start()]))


def _denied(doc: Document, sentence: Sentence) -> bool:
    """ "A spokesperson denied reports that X and Y had met", "Berichte, wonach …, wies ein Sprecher zurück"."""
    return bool(doc.cues.DENIED.search(sentence.text))


_QUOTED_NAME = re.compile(r"[\"„“»«][^\"„“”»«]{1,60}[\"“”»«]")


def _status(doc: Document, sentence: Sentence, mention: Mention) -> str:
    cues = doc.cues
    # the modal or future words that govern a meeting word stand close before it ("the next ministerial",
    # "preparations for a visit") or right after it ("the summit will take place", "Treffen soll … stattfinden")
    before = doc.text[max(sentence.start, mention.start - 100) : mention.start]
    # the clause the meeting word stands in; a quoted name ("Central Asia – European Union") is one word
    before = re.split(r"[,;:–—]\s", _QUOTED_NAME.sub(lambda q: "Q" * len(q.group()), before))[-1]
    after = doc.text[mention.end : min(sentence.end, mention.end + 100)]
    after = re.split(r"[;:–—]\s|,\s(?!(?:der|die|das|wo|which|that|who|where)\b)", after)[
        0
    ]  # up to the clause end
    window = before + " " + mention.text + " " + after
    if cues.CANCELLED.search(window):
        return "cancelled"
    late = cues.CANCELLED.search(doc.text, mention.end, sentence.end)
    if late and not doc.mentions_in(mention.end, late.start(), "meeting"):
        return "cancelled"  # "A visit by Japarov to Ankara, scheduled for late September …, was called off"
    after = cues.INVITATION_OF.sub(" ", after)  # "an official visit … at the invitation of his counterpart"
    topic = _PREPARATIONS_OF.search(after)  # "received X and discussed preparations for the summit"
    after = after[: topic.start()] if topic else after
    # after the meeting word, "das geplante Partnerschaftsabkommen" is something else that is planned
    planned = (
        cues.PLANNED.search(before)
        or cues.PLANNED.search(cues.ATTRIBUTIVE_PLANNED.sub(" ", after))
        or cues.PLANNED_AROUND.search(window)
    )
    if planned and not cues.PAST_HELD.search(window):
        return "planned"
    return "held"


_ALL_OF_THEM = re.compile(
    r"\b(?i:alle|sämtliche|all|die|the|all the)\s+(?P<n>\d{1,2}|zehn|elf|zwölf|ten|eleven|twelve)\s+"
    r"(?:[A-Za-zÄÖÜäöü-]+\s+)?(?:Mitgliedstaaten|Mitgliedsstaaten|Mitglieder|Mitgliedsländer|Staaten|Verbündeten|"
    r"Alliierten|Bündnispartner|Länder|Staats- und Regierungschefs|member states|members|member countries|allies|"
    r"countries|nations|leaders|heads of state and government)\b|"
    r"\b(?:[Dd]ie|[Tt]he)\s+(?P<n2>\d{2})\s+(?:kommen|kamen|treffen|trafen|einigten|meet|met|agreed)\b"
)


def _all_members_named(doc: Document, meetings: list[Meeting]) -> None:
    """A summit or ministerial meeting of an organisation whose members the piece counts in full ("alle 27
    Mitgliedstaaten", "all 32 allies", "Die 27 kommen … zusammen"): every member took part. A larger format
    is otherwise named, not assumed (``SMALL_FORMAT``)."""
    from kg import reference

    if not any(m.format and m.meeting_type in ("summit", "ministerial-meeting") for m in meetings):
        return  # (the whole text is read only for an article with such a meeting)
    counted = {
        int(n) if n.isdigit() else COUNT_WORDS[n.lower()]
        for m in _ALL_OF_THEM.finditer(doc.text)
        if (n := m.group("n") or m.group("n2"))
    }
    if not counted:
        return
    for meeting in meetings:
        fmt = reference.formats().get(meeting.format or "")
        if fmt is None or meeting.meeting_type not in ("summit", "ministerial-meeting"):
            continue
        if len(fmt.members) in counted:
            meeting.participant_countries = list(
                dict.fromkeys([*meeting.participant_countries, *fmt.members])
            )


_NOT_HAPPENED = re.compile(
    r"\b(?:ist nicht zustande gekommen|sind nicht zustande gekommen|kam nicht zustande|kamen nicht zustande|"
    r"hat nicht stattgefunden|fand nicht statt|did not materiali[sz]e|failed to materiali[sz]e|did not happen|"
    r"never happened|did not take place|never took place|fell through)\b"
)


def _negated(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    before = doc.text[max(sentence.start, mention.start - 30) : mention.start]
    if doc.cues.NEGATION.search(before):
        return True
    after = doc.text[mention.end : min(sentence.end, mention.end + 40)]
    if re.search(r"\b(?:nicht statt|kam nicht zustande|did not take place|never took place)\b", after):
        return True
    # a claim the piece does not make its own, or a meeting only weighed: "The post also says Wadephul met
    # President Tokayev", "Ein Besuch Wadephuls in Baku werde „geprüft“"
    clause_start = max(sentence.start, doc.text.rfind(";", sentence.start, mention.start) + 1)
    if doc.cues.HEARSAY.search(doc.text, clause_start, mention.start) or doc.cues.CONSIDERED.search(
        doc.text, mention.end, min(sentence.end, mention.end + 80)
    ):
        return True
    # told by who met before the verb: "Das … Gespräch zwischen X und Y ist nicht zustande gekommen"
    following = doc.mentions_in(mention.end, sentence.end, "meeting")
    end = min(sentence.end, mention.end + 160, *(m.start for m in following))
    if _NOT_HAPPENED.search(doc.text, mention.end, end):
        return True
    return _denied(doc, sentence) or bool(doc.cues.COUNTERFACTUAL.search(sentence.text))


def _relative_reference(doc: Document, sentence: Sentence, mention: Mention) -> tuple[int, str] | None:
    """'einen Tag vor dem Außenministertreffen' -> (-1, phrase) for the mention 'Außenministertreffen'."""
    before = doc.text[max(sentence.start, mention.start - 60) : mention.start]
    m = doc.cues.EVENT_OFFSET.search(before)
    if not m:
        return None
    if m.group("eve"):
        return -1, m.group(0) + mention.text
    if m.group("side"):
        return 0, m.group(0) + mention.text
    number = m.group("n").lower()
    days = int(number) if number.isdigit() else doc.cues.NUMBER_WORDS.get(number, 1)
    sign = -1 if m.group("dir").lower() in ("vor", "before", "ahead of") else 1
    return sign * days, m.group(0) + mention.text


_WEEKDAY_WORD = re.compile(
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)",
    re.IGNORECASE,
)


def _day_next_to_last_meeting(doc: Document, sentence: Sentence, meetings: list[Meeting]) -> DateValue | None:
    """ "Bereits am Vortag waren Wang und Lawrow zusammengekommen": a day before the meeting just told."""
    for cue, days in ((doc.cues.DAY_BEFORE, -1), (doc.cues.DAY_AFTER, 1)):
        m = cue.search(sentence.text)
        if m:
            for meeting in reversed(meetings):
                if meeting.status == "held" and meeting.date is not None:
                    return shift_date(meeting.date, days, text=m.group(0))
    return None


def _future(value: DateValue | None, article_date: str | None) -> bool:
    """A date after the article's (at the date's own precision): "im kommenden Jahr", "in December"."""
    if value is None or not article_date or value.datatype not in ("date", "gYearMonth", "gYear"):
        return False
    return value.lexical > article_date[: len(value.lexical)]


def _before_article(value: DateValue, article_date: str | None) -> bool:
    if not article_date or value.resolution != "relative-to-article" or value.datatype != "date":
        return False
    return value.lexical < article_date[:10]


_PAST_WORD = re.compile(r"\b(?:vergangenen|letzten|last|previous|vorigen)\b", re.IGNORECASE)


def _ahead(value: DateValue, article_date: str | None) -> DateValue:
    """ "Am Freitag sollen … zusammenkommen": a planned meeting's weekday is the coming one, not the last."""
    import datetime as dt

    if value.datatype != "date" or not article_date or not _WEEKDAY_WORD.search(value.text):
        return value
    day = dt.date.fromisoformat(value.lexical)
    base = dt.date.fromisoformat(article_date[:10])
    if day >= base:
        return value
    return DateValue((day + dt.timedelta(days=7)).isoformat(), value.datatype, value.text, value.resolution)


_OF_FRAMEWORK = re.compile(r"\s+(?:of the|of|des|der|im Rahmen des|im Rahmen der)\s+(?:[\w–-]+\s+){0,4}")


def _without_frameworks(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Drop the framework word of "A of the B"; A takes B's kind when it has none of its own
    ("the seventh meeting of the Ministerial Council" is a ministerial meeting)."""
    out: list[Mention] = []
    for m in mentions:
        if (
            out
            and not isinstance(out[-1], _ImplicitMention)
            and _OF_FRAMEWORK.fullmatch(doc.text, out[-1].end, m.start)
        ):
            head = out[-1]
            if head.value[0] is None and m.value[0] is not None:  # type: ignore[index]
                value = (m.value[0], head.value[1] and m.value[1], head.value[2])  # type: ignore[index]
                out[-1] = Mention(head.start, head.end, head.text, head.kind, value)
            continue
        out.append(m)
    return out


def _same_format(a: str, b: str) -> bool:
    """The same format, or one within the other ("GCC" named in a Central Asia–GCC meeting)."""
    if a == b:
        return True
    from kg import reference

    formats = reference.formats()
    ma = set(formats[a].members) if a in formats else set()
    mb = set(formats[b].members) if b in formats else set()
    return bool(ma and mb and (ma <= mb or mb <= ma))


def _larger_format(a: str, b: str) -> str:
    from kg import reference

    formats = reference.formats()
    size = {f: len(formats[f].members) if f in formats else 0 for f in (a, b)}
    return a if size[a] >= size[b] else b


def _compatible(meeting: Meeting, cue: _Cue) -> bool:
    if cue.status != meeting.status:
        return False  # "the next ministerial will take place in Tashkent" is another meeting
    if cue.meeting_type and meeting.meeting_type and cue.meeting_type != meeting.meeting_type:
        loose = cue.meeting_type == "bilateral-talks" and cue.definite
        # "the meeting … the second round of their strategic dialogue": the round the visit's talks were
        loose = loose or (
            cue.meeting_type == "strategic-dialogue"
            and meeting.meeting_type in ("visit", "bilateral-talks")
            and bool(meeting.participants)
            and cue.persons <= set(meeting.participants)
        )
        # "Bayramov and Gedion held talks at the ministry": the talks of the visit the two are on
        during = (
            cue.meeting_type == "bilateral-talks"
            and meeting.meeting_type == "visit"
            and (
                (len(cue.persons) >= 2 and cue.persons <= set(meeting.participants))
                or (cue.both and not cue.persons and len(meeting.participants) >= 2)
            )
        )
        # a headline's "Japan-Armenia Foreign Ministers' Meeting" (two ministers' talks) is the body's "held a
        # Foreign Ministers' Meeting with …" or "held talks": the article's meeting, whichever word tells it
        pair = (
            {cue.meeting_type, meeting.meeting_type} == {"ministerial-meeting", "bilateral-talks"}
            and meeting.evidence[0].char_start == 0
            and not (cue.format or meeting.format)
            and len(set(meeting.participant_countries) | set(cue.countries)) <= 2
        )
        if not (loose or during or pair):
            return False
    if cue.date and meeting.date and cue.date.lexical != meeting.date.lexical:
        return False
    if cue.also and not cue.definite and len(meeting.participants) >= 2:
        return False  # "Zudem traf er den Vorsitzenden des Oberhauses": not the talks just told
    if cue.hosts and not cue.definite and not cue.hosts <= set(meeting.participants):
        return False  # "Präsident X empfing Minister Y": not Y's talks or ministerial meeting told before
    if (
        cue.sideline
        and not cue.definite
        and cue.meeting_type in (None, "bilateral-talks")
        and meeting.meeting_type in ("summit", "ministerial-meeting")
    ):
        return False  # "On the sidelines in Gabala, Erdogan and Tokayev met": a meeting beside the summit
    if cue.place and meeting.place and cue.place.key != meeting.place.key:
        return False
    if cue.format and meeting.format and not _same_format(cue.format, meeting.format):
        return False
    if cue.ordinal and meeting.ordinal and cue.ordinal != meeting.ordinal:
        return False
    if (
        cue.meeting_type == "bilateral-talks"
        and not cue.definite
        and (meeting.format or len(meeting.participants) > 2)
        and meeting.meeting_type in ("summit", "ministerial-meeting", None)
    ):
        return False  # "Putin and Modi held talks" on the sidelines of a summit are their own meeting
    if (
        not cue.definite
        and len(cue.persons) >= 2
        and len(meeting.participants) >= 2
        and not cue.persons <= set(meeting.participants)
        and not (cue.format and meeting.format)  # "opened the 25th meeting of the SCO Council": its session
    ):
        return False  # "Später traf Xi auch den iranischen Präsidenten": a new pair is a new meeting
    if (
        cue.definite
        and len(cue.persons) >= 2
        and len(meeting.participants) >= 2
        and cue.persons - set(meeting.participants)
        and set(meeting.participants) - cue.persons
        and not (cue.format or meeting.format)
    ):
        return False  # "the talks between X and Z" after "Y received X": another pair, another meeting
    return not (
        cue.countries
        and meeting.participant_countries
        and not set(cue.countries) & set(meeting.participant_countries)
    )


def _merge(meeting: Meeting, cue: _Cue, doc: Document, sentence: Sentence) -> None:
    replaceable = meeting.meeting_type is None or meeting.meeting_type == "bilateral-talks"
    loose = cue.meeting_type == "bilateral-talks" and cue.definite
    if cue.meeting_type and replaceable and not loose:
        meeting.meeting_type = cue.meeting_type
    meeting.date = meeting.date or cue.date
    meeting.place = meeting.place or cue.place
    meeting.venue_country = meeting.venue_country or cue.venue_country
    if meeting.format and cue.format:
        meeting.format = _larger_format(meeting.format, cue.format)
    if not (
        loose
        and meeting.meeting_type in (None, "bilateral-talks", "visit")
        and len(_sides(doc, meeting)) == 2
    ):
        # "Bei den usbekisch-türkischen Gesprächen ging es um … die Organisation der Turkstaaten": a topic
        meeting.format = meeting.format or cue.format
    meeting.ordinal = meeting.ordinal or cue.ordinal
    for c in cue.countries:
        if c not in meeting.participant_countries:
            meeting.participant_countries.append(c)
    evidence = doc.evidence(sentence)
    if not meeting.evidence or meeting.evidence[-1] != evidence:  # sentences come in order
        meeting.evidence.append(evidence)


class _ImplicitMention(Mention):
    """A title standing in for a meeting word ("Die Außenminister der SOZ haben …"); never anaphoric."""


def _implicit_ministerials(doc: Document, sentence: Sentence) -> list[Mention]:
    """Ministers of a format as a group: "Die Außenminister der SOZ haben am Dienstag in Tianjin …", "Foreign ministers of the SCO met in …".

    Ministers named as a group of a format act as that format's ministerial meeting; the title stands
    in for the meeting word.
    """
    out = []
    formats = doc.mentions_in(sentence.start, sentence.end, "format")
    for role in doc.mentions_in(sentence.start, sentence.end, "role"):
        if role.value[0] not in _MINISTER_ROLES or _quoted(doc, role.start):  # type: ignore[index]
            continue
        before = doc.text[max(sentence.start, role.start - 12) : role.start]
        if not re.search(r"(?:^|\b(?:Die|die|The|the)\s+)$", before) or not role.text.endswith(
            ("minister", "ministers", "Ministers")
        ):
            continue
        for fmt in formats:
            if re.fullmatch(r"\s*(?:der|des|of the|of)\s*", doc.text[role.end : fmt.start]):
                plural = doc.lang == "de" or role.text.endswith(("ministers", "Ministers"))
                if plural:
                    value = ("ministerial-meeting", False, False)
                    out.append(_ImplicitMention(role.start, role.end, role.text, "meeting", value))
                break
    if doc.in_answer(sentence.start) and doc.persons_in(sentence.start, sentence.end):
        # an interviewee's "Am 19. Januar war ich in Vilnius bei meinem Kollegen X", "I was in Tirana to see
        # X": a visit the speaker made, told without a meeting word
        for m in doc.cues.FIRST_PERSON_VISIT.finditer(doc.text, sentence.start, sentence.end):
            out.append(_ImplicitMention(m.start(), m.end(), m.group(0), "meeting", ("visit", False, True)))
        # "Ich habe am Montag in Jerewan mit Außenminister Ararat Mirsojan gesprochen", "I spoke with X"
        for m in doc.cues.FIRST_PERSON_TALKS.finditer(doc.text, sentence.start, sentence.end):
            value = ("bilateral-talks", False, True)
            out.append(_ImplicitMention(m.start(), m.end(), m.group(0), "meeting", value))
    if formats and doc.cues.HELD.search(sentence.text):
        # "the leaders of the Organization of Turkic States gathered in Gabala": the format's summit
        for fmt in formats:
            lead = doc.cues.LEADERS_OF.search(doc.text, max(sentence.start, fmt.start - 60), fmt.start)
            if lead and not _quoted(doc, fmt.start):
                value = ("summit", False, False)
                out.append(_ImplicitMention(lead.start(), fmt.start, lead.group(0), "meeting", value))
    return out


def _share_attributes(
    doc: Document, sentence: Sentence, introducing: list[Mention], dates: list, places: list, formats: list
) -> list[tuple[list, list, list]]:
    """Give each date, place and format of the sentence to the meeting word nearest to it.

    "Bayramov told the meeting that Azerbaijan will host the seventh CICA summit in Baku": Baku goes
    to the summit. A meeting word after a definite article ("the meeting") refers back and gets an
    attribute only when no other meeting word is there to take it.
    """
    shares: list[tuple[list, list, list]] = [([], [], []) for _ in introducing]
    if not introducing:
        return shares
    definite = [not isinstance(m, _ImplicitMention) and _definite(doc, sentence, m) for m in introducing]

    def nearest(position: int) -> int:
        def cost(i: int) -> float:
            m = introducing[i]
            distance = m.start - position if position < m.start else max(0, position - m.end)
            return distance + (1000 if definite[i] and not all(definite) else 0)

        return min(range(len(introducing)), key=cost)

    statuses = [_status(doc, sentence, m) for m in introducing]
    article_date = (doc.article.date or "")[:10]

    def fits(i: int, date) -> bool:
        # a planned meeting does not take a day already past; a held one not a day still to come
        if (
            not article_date
            or date.value.resolution != "relative-to-article"
            or date.value.datatype != "date"
        ):
            return True
        past = date.value.lexical < article_date
        return past != (statuses[i] == "planned")

    for date in dates:
        candidates = [i for i in range(len(introducing)) if fits(i, date)] or list(range(len(introducing)))
        best = min(
            candidates, key=lambda i: (nearest(date.start) != i, abs(introducing[i].start - date.start))
        )
        shares[best][0].append(date)
    for place in places:
        shares[nearest(place[0].start)][1].append(place)
    for fmt in formats:
        shares[nearest(fmt.start)][2].append(fmt)
    kinds = [
        m.value[0] or ("ministerial-meeting" if _ministerial_by_title(doc, sentence, m) else None)  # type: ignore[index]
        for m in introducing
    ]
    owners = {kinds[i] for i, share in enumerate(shares) if share[1]}
    for i, share in enumerate(shares):  # one city and one format for all meetings of the sentence unless one
        # names its own; not for a meeting referred back to of another kind than the one the city went to:
        # "The summit followed a meeting of the six foreign ministers in Almaty": Almaty is not the summit's
        other_kind = definite[i] and kinds[i] and owners and None not in owners and kinds[i] not in owners
        if not share[1] and places and not other_kind:
            share[1].extend(places)
        if not share[2] and formats:
            share[2].extend(formats)
    return shares


_TO_COUNTRY = re.compile(r"\s+(?:in|nach|to|im|in die|in der)\s+$")


def _venue_country(doc: Document, sentence: Sentence, mention: Mention) -> str | None:
    """ "ein Besuch … in China", "a visit to Kazakhstan": the country the meeting is in."""
    for m in doc.mentions_in(mention.end, min(sentence.end, mention.end + 80), "country"):
        if _TO_COUNTRY.search(doc.text[max(mention.end, m.start - 12) : m.start]):
            return str(m.value)
    return None


# a readout's "spoke with": a call, unless told as met in person (the lexicon's phone-call verbs)
_SPOKE_WITH = frozenset({"spoke with", "spoke today with", "spoke to", "spoke today to", "speaks with"})
_BY_PHONE = re.compile(r"\b(?:phone|telephone|call|video)\b", re.IGNORECASE)
_IN_PERSON = re.compile(
    r"\b(?:sidelines|margins|in person|face[- ]to[- ]face|dinner|lunch|breakfast|summit|visit|reception|"
    r"during (?:his|her|their|the) (?:visit|stay|trip|talks))\b",
    re.IGNORECASE,
)


def _cue(
    doc: Document, sentence: Sentence, mention: Mention, dates: list, places: list, formats: list
) -> _Cue:
    meeting_type, generic, verb = mention.value  # type: ignore[misc]
    definite = not isinstance(mention, _ImplicitMention) and _definite(doc, sentence, mention)
    if len(places) > 1:  # "sagte in Jerewan, sie hätten sich in Abu Dhabi getroffen": the nearest
        places = sorted(
            places, key=lambda p: min(abs(p[0].start - mention.end), abs(mention.start - p[0].end))
        )
    place = places[0][1] if places else None
    if (
        definite
        and meeting_type in (None, "bilateral-talks")
        and places
        and min(abs(places[0][0].start - mention.end), abs(mention.start - places[0][0].end)) > 60
    ):
        place = None  # "Im Anschluss an das Gespräch unterzeichneten … mit der ADA-Universität in Baku": not where they met
    if (
        meeting_type == "phone-call"
        and mention.text in _SPOKE_WITH
        and (place or _IN_PERSON.search(sentence.text))
        and not _BY_PHONE.search(sentence.text)
    ):  # "spoke with X on the sidelines of the summit", "spoke to Y in Vilnius": they met; a readout's
        meeting_type = "bilateral-talks"  # "spoke today with the Prime Minister of Australia" is a call
    venue = place.country if place else _venue_country(doc, sentence, mention)
    countries = _adjacent_countries(doc, sentence, mention)
    if meeting_type == "ministerial-meeting" and len(countries) == 2 and not formats:
        meeting_type = (
            "bilateral-talks"  # "Japan-Philippines Foreign Ministers' Meeting": two ministers' talks
        )
    return _Cue(
        mention=mention,
        meeting_type=meeting_type,
        generic=generic,
        verb=verb,
        definite=definite,
        date=doc.in_chronicle_year(_pick_date(doc, dates, mention)),
        place=place,
        venue_country=venue,
        format=str(formats[0].value) if formats else None,
        ordinal=_ordinal(doc, sentence, mention),
        countries=countries,
        status=_status(doc, sentence, mention),
        persons=frozenset(
            p.name for p in doc.persons_in(sentence.start, sentence.end) if not _quoted(doc, p.start)
        ),
        sideline=bool(doc.cues.SIDELINES.search(sentence.text))
        or _under_heading(doc, sentence, doc.cues.SIDELINES),
        hosts=_hosts(doc, sentence, mention, verb),
        both=bool(_BOTH.search(sentence.text)),
        also=bool(
            doc.cues.ALSO.search(
                doc.text[max(sentence.start, mention.start - 80) : min(sentence.end, mention.end + 12)]
            )
        ),
    )


def _under_heading(doc: Document, sentence: Sentence, cue: re.Pattern[str]) -> bool:
    """A list item ("- Putin next met …") under a heading line of its paragraph that ``cue`` matches
    ("ON THE SIDELINES")."""
    if not sentence.text.startswith(("-", "–", "—", "•", "*")):
        return False
    for earlier in doc.paragraphs[sentence.paragraph].sentences:
        if earlier.index >= sentence.index:
            return False
        if "\n" not in doc.text[earlier.end : earlier.end + 2] or earlier.text.endswith((".", "!", "?")):
            continue
        return bool(cue.search(earlier.text))
    return False


def _hosts(doc: Document, sentence: Sentence, mention: Mention, verb: bool) -> frozenset[str]:
    """The heads of state or government a sentence has receive a minister ("President X received
    Foreign Minister Y", "Y wurde von Präsident X empfangen"): a courtesy call of its own, not the
    minister's talks or the ministerial meeting of the day."""
    if not verb or not doc.cues.RECEPTION.fullmatch(mention.text):
        return frozenset()
    persons = [p for p in doc.persons_in(sentence.start, sentence.end) if not _quoted(doc, p.start)]
    heads = {p.name for p in persons if doc.person_roles.get(p.name, set()) & _HEAD_ROLES}
    guests = {p.name for p in persons if doc.person_roles.get(p.name, set()) & _MINISTER_ROLES} - heads
    titled = any(
        r.value[0] in _MINISTER_ROLES  # type: ignore[index]
        and not any(p.start <= r.end + 1 and r.start <= p.end for p in persons)
        for r in doc.mentions_in(sentence.start, sentence.end, "role")
    )
    return frozenset(heads) if heads and (guests or titled) else frozenset()


_SUBCLAUSE = re.compile(
    r",\s*(?:which|that|who|der|die|das|dem|den|wo)\b|\b(?:since|seit|after|nachdem)\b", re.I
)


def _pick_date(doc: Document, dates: list, mention: Mention) -> DateValue | None:
    """The first date of the share; a bare year ("in 2026") only when nothing more precise is there and no
    clause of its own stands between it and the meeting word ("… is planned in Tashkent in 2026", not
    "…, which reached $1bn in 2024", "since the format was launched in 2015")."""

    def apart(d) -> bool:  # "Brasilien übernimmt zum 1. Januar den Vorsitz; der nächste Gipfel soll …"
        lo, hi = (mention.end, d.start) if d.start >= mention.end else (d.end, mention.start)
        return ";" in doc.text[lo:hi]

    dates = [d for d in dates if not apart(d)]
    precise = [d for d in dates if not (d.value.datatype == "gYear" and d.value.resolution == "absolute")]
    if precise:
        return min(precise, key=lambda d: min(abs(d.start - mention.end), abs(mention.start - d.end))).value
    for d in dates:
        lo, hi = (mention.end, d.start) if d.start >= mention.end else (d.end, mention.start)
        if not _SUBCLAUSE.search(doc.text, lo, hi):
            return d.value
    return None


def _anchored(doc: Document, sentence: Sentence, cue: _Cue) -> bool:
    persons = doc.persons_in(sentence.start, sentence.end)
    # a post of the author's thread tells what the author did: "Breakfast with Foreign Minister X"
    held = bool(doc.cues.HELD.search(sentence.text)) or bool(persons and doc.in_post(sentence.start))
    if cue.verb and doc.cues.RECEPTION.fullmatch(cue.mention.text):
        # "Wadephul wurde von Präsident Tokajew empfangen", "Tokayev received the Azerbaijani minister": two
        # office holders, not "received a letter", "empfing die Delegation"
        names = {p.name for p in persons}
        titles = [
            r
            for r in doc.mentions_in(sentence.start, sentence.end, "role")
            if not any(p.start <= r.end + 1 and r.start <= p.end for p in persons)
        ]
        return len(names) >= 2 or (len(names) == 1 and bool(titles))
    if cue.verb and not persons and (cue.date or cue.place) and _BOTH.search(sentence.text):
        return True  # "On Tuesday the two men met again in Warsaw": the two ministers told (_both_guests)
    if cue.verb and not persons:
        # "The foreign ministers of Armenia and Azerbaijan met in Almaty", "the format, whose leaders will meet
        # in Astana this summer": nobody named, but the sides (two countries or a format), where or when
        if not (cue.date or cue.place):
            return False
        group = doc.cues.GROUP_ACTORS.search(
            doc.text, max(sentence.start, cue.mention.start - 80), cue.mention.start
        )
        if group is None or len(doc.mentions_in(sentence.start, sentence.end, "format")) > 1:
            return False  # "C5+1 … the Central Asia-China format, whose leaders will meet": which one?
        between = doc.mentions_in(group.end(1), cue.mention.start)
        gap = doc.text[group.end(1) : cue.mention.start]
        for m in reversed(between):  # the countries named; what is left must be glue ("of the", "will")
            gap = gap[: m.start - group.end(1)] + " " + gap[m.end - group.end(1) :]
        for word in re.findall(r"\w+", gap):
            if word in doc.cues.GROUP_FINITE:
                break  # "… wollen sich am 17. Juni in Vilnius treffen": the rest is the predicate
            if word not in doc.cues.GROUP_GAP_WORDS:
                return False  # "the ministers said the prices of A and B met expectations": not the group met
        if doc.cues.NEGATION.search(sentence.text):
            return False  # "trafen sich am Montag nicht in Riga"
        sides: list[str] = []
        for m in between:
            if m.kind in ("country", "country_adj"):
                sides.append(m.value)  # type: ignore[arg-type]
            elif m.kind == "country_group":
                sides.extend(m.value)  # type: ignore[arg-type]
        sides = list(dict.fromkeys(sides))
        if not cue.format and len(sides) < 2:
            return False
        if not cue.countries:
            cue.countries = sides  # the group's countries are the sides: "the ministers of A and B met"
        if cue.meeting_type is None and (cue.format or len(sides) > 2):
            cue.meeting_type = "ministerial-meeting" if "inister" in group.group(1) else "summit"
        return True
    if cue.verb:
        return len({p.name for p in persons}) >= 1 and (held or cue.date or cue.place or len(persons) >= 2)
    if cue.generic:
        return bool(
            cue.format or cue.ordinal or (cue.date and cue.place) or _two_sides_after(doc, sentence, cue)
        )
    strong = cue.date or cue.place or cue.format or cue.ordinal or cue.countries or cue.venue_country
    if cue.definite and not strong:
        return False
    return bool(strong or held or _two_sides_after(doc, sentence, cue))


_SIDES_AFTER = re.compile(
    r"\s+(?:von\s+|of\s+|zwischen\s+|between\s+)?(?P<a>[^,;.]{2,60}?)\s+(?:mit|with|und|and)\s+"
)


def _two_sides_after(doc: Document, sentence: Sentence, cue: _Cue) -> bool:
    """ "Ein Treffen von Sugiono mit Bundeskanzler Christian Stocker", "a meeting between X and Y": the
    word for a meeting followed by two named people of two states, joined by "mit"/"with"/"and"."""
    m = _SIDES_AFTER.match(doc.text, cue.mention.end, sentence.end)
    if m is None or doc.cues.NEGATION.search(doc.text, m.end(), sentence.end):
        return False  # "Ein Treffen Abdelattys mit Cassis … gab es hingegen nicht"
    first = doc.persons_in(cue.mention.end, m.end())
    second = doc.persons_in(m.end(), min(sentence.end, m.end() + 60))
    if not first or not second or second[0].start - m.end() > 40:
        return False
    sides = {doc.person_country.get(first[0].name), doc.person_country.get(second[0].name)} - {None}
    return len(sides) == 2


def _loose_talks(cue: _Cue) -> bool:
    """ "the talks", "den Gesprächen": a reference back to whatever talks were told."""
    return cue.meeting_type == "bilateral-talks" and cue.definite and not cue.hosts


def _find_existing(
    meetings: list[Meeting],
    cue: _Cue,
    article_date: str | None = None,
    *,
    receptions: set[str] | frozenset[str] = frozenset(),
) -> Meeting | None:
    """The latest compatible meeting; an undated reference prefers one that is not weeks in the past.

    "The state visit of President Macron in November 2023 …. Following the talks, the ministers
    signed …": the talks are today's, not the background visit's.
    """
    compatible = [m for m in reversed(meetings) if _compatible(m, cue)]
    if article_date and cue.date is not None and _weeks_before(cue.date, article_date):
        # "the talks the two men held in Almaty in May last year": not the headline's undated summit of today
        compatible = [m for m in compatible if m.date is not None or m.evidence[0].char_start > 0]
    if cue.generic:  # "Die Sitzung hat begonnen": the session of a format, not a talk told since
        compatible.sort(key=lambda m: m.meeting_type not in _SESSION_TYPES and not m.format)
    if cue.definite and cue.persons:
        # "X chairs the meeting": one X is in, or one whose participants are not known yet, not two others' talks
        compatible.sort(key=lambda m: len(m.participants) >= 2 and not cue.persons & set(m.participants))
    if receptions and _loose_talks(cue):  # "the talks": the talks told, not a reception by a president
        compatible.sort(key=lambda m: m.key in receptions)
    if article_date and cue.date is None:
        current = [m for m in compatible if not _weeks_before(m.date, article_date)]
        if current:
            return current[0]
    return compatible[0] if compatible else None


def _just_told(
    doc: Document, sentence: Sentence, current: Meeting | None, earlier: list[Meeting], cue: _Cue
) -> Meeting | None:
    """ "The talks … have ended. Both sides describe the meeting as …": a reference back in the paragraph
    of the meeting told last is to that one, not to one told earlier (or created later) in the article."""
    if current is None or current not in earlier or not current.evidence:
        return None
    if current.key in doc.receptions and _loose_talks(cue):
        return None  # "Tokayev received both ministers. … The talks …": the ministers' talks
    last = doc.sentence_at(current.evidence[-1].char_start)
    if last is None or last.paragraph != sentence.paragraph:
        return None
    # "describe the meeting as the second round of their strategic dialogue": one event named twice
    if not cue.definite and not (last.index == sentence.index and cue.persons <= set(current.participants)):
        return None
    return current if _compatible(current, cue) else None


_BOTH = re.compile(
    r"\b(?:both|the two) (?:foreign )?(?:ministers|men|women)\b|"
    r"\bbeide(?:n)? (?:(?:Außen)?[Mm]inister(?:innen)?|Männer|Frauen)\b",
    re.I,
)


def _both_guests(
    doc: Document, sentence: Sentence, meeting: Meeting, told: list[Meeting], hosts: frozenset[str]
) -> None:
    """ "President X received both ministers": the two ministers of the meeting told last."""
    if not _BOTH.search(sentence.text):
        return
    home = {doc.person_country.get(p) for p in hosts} - {None}
    for other in reversed(told):
        ministers = [
            p
            for p in other.participants
            if doc.person_roles.get(p, set()) & _MINISTER_ROLES and doc.person_country.get(p) not in home
        ]
        if len(ministers) >= 2:
            for name in ministers[:2] if len(ministers) == 2 else []:
                if name not in meeting.participants:
                    meeting.participants.append(name)
            return


def _weeks_before(value: DateValue | None, article_date: str) -> bool:
    if value is None or value.datatype not in ("date", "gYearMonth", "gYear"):
        return False
    return value.lexical[:7] < article_date[:7] and value.lexical < article_date[:10]


def _add_participants(doc: Document, meeting: Meeting, sentence: Sentence) -> None:
    if _denied(doc, sentence):
        return  # "Berichte, wonach X auch Y getroffen habe, wies ein Sprecher zurück"
    for person in doc.persons_in(sentence.start, sentence.end):
        if _quoted(doc, person.start) or _only_the_source(doc, sentence, person):
            continue
        if person.name not in meeting.participants:
            meeting.participants.append(person.name)
    for name in _titled_persons(doc, sentence):
        if name not in meeting.participants:
            meeting.participants.append(name)  # "Später traf auch Xi den iranischen Präsidenten"
    for iso in _counterparts(doc, sentence):  # "met his Afghan and Pakistani counterparts", names untold
        if iso not in meeting.participant_countries:
            meeting.participant_countries.append(iso)
    for iso in _states_present(doc, sentence):  # "Also present were Qatar, the UAE and Türkiye."
        if iso not in meeting.participant_countries:
            meeting.participant_countries.append(iso)
    if (
        meeting.status == "held"
        and doc.in_answer(sentence.start)
        and (doc.cues.FIRST_PERSON.search(sentence.text) or doc.in_post(sentence.start))
    ):
        speaker = (
            doc.interviewee()
        )  # "At our meeting in Tashkent, … and I agreed": the one interviewed was there
        if speaker and speaker not in meeting.participants:
            meeting.participants.append(speaker)


_PLACE_BEFORE = re.compile(r"\b(?:in|im|nach|aus|to|from|at|auf)\s+(?:der\s+|dem\s+|den\s+|the\s+)?$")


def _states_present(doc: Document, sentence: Sentence) -> list[str]:
    """The states a sentence names as present at the meeting it goes on about ("Also present were Qatar,
    the United Arab Emirates and Türkiye", "Norwegen und Großbritannien schickten Staatssekretäre"); none
    when it tells of absence or observers ("Israel declined to attend", "die UN als Beobachter")."""
    cues = doc.cues
    if not cues.STATES_PRESENT.search(sentence.text) or cues.STATES_ABSENT.search(sentence.text):
        return []
    return [
        str(m.value)
        for m in doc.mentions_in(sentence.start, sentence.end, "country")
        if not doc.in_quote(m.start)
        and not _PLACE_BEFORE.search(doc.text, max(sentence.start, m.start - 12), m.start)
    ]


_SOURCE_BEFORE = re.compile(
    r"\b(?:according to|said|says|nach Angaben (?:von|des|der)|laut|sagte|sagt|erklärte)\s+(?:[\w-]+\s+){0,5}$"
)
_SOURCE_AFTER = re.compile(
    r"\s*,?\s*(?:has\s+|had\s+)?(?:told|said|says|stated|sagte|sagt|erklärte|teilte|bestätigte|confirmed)\b"
)


def _only_the_source(doc: Document, sentence: Sentence, person: PersonMention) -> bool:
    """A spokesperson or aide the sentence cites ("…, Kremlin aide X has told reporters", "nach Angaben von
    Kremlsprecher X"): the source of the report, not one who met. Only for holders of no office that meets."""
    if doc.person_roles.get(person.name, set()) - {"other"}:
        return False
    text = doc.text
    return bool(
        _SOURCE_AFTER.match(text, person.end, sentence.end)
        or _SOURCE_BEFORE.search(text, max(sentence.start, person.start - 80), person.start)
    )


def _titled_persons(doc: Document, sentence: Sentence) -> list[str]:
    """Office holders named by title and country alone ("den iranischen Präsidenten", "the Indian prime
    minister") who are the only person of the article with that office and country."""
    out = []
    persons = doc.persons_in(sentence.start, sentence.end)
    for role in doc.mentions_in(sentence.start, sentence.end, "role"):
        if _quoted(doc, role.start) or any(p.start <= role.end + 2 and role.start <= p.end for p in persons):
            continue  # a title of a name the sentence gives
        adjective = next(
            (
                m
                for m in doc.mentions_in(max(sentence.start, role.start - 30), role.start, "country_adj")
                if re.fullmatch(r"\s*", doc.text[m.end : role.start])
            ),
            None,
        )
        if adjective is None or not re.search(
            r"\b(?:den|dem|der|des|die|the)\s+$",
            doc.text[max(sentence.start, adjective.start - 6) : adjective.start],
        ):
            continue  # "eines tadschikischen Außenministers", "a Tajik minister": anyone with that office
        office = role.value[0]  # type: ignore[index]
        # "der iranische Minister": the Iranian foreign minister when the article has no other minister of Iran
        offices = _MINISTER_ROLES if office == "minister" else {office}
        holders = [
            name
            for name, roles in doc.person_roles.items()
            if roles & offices and doc.person_country.get(name) == adjective.value
        ]
        if len(holders) == 1:
            out.append(holders[0])
    return out


def _series(doc: Document, meetings: list[Meeting], cue: _Cue) -> Meeting | None:
    """The latest earlier meeting of the same kind whose series ``cue`` continues (a lower ordinal, if any)."""
    for m in reversed(meetings):
        if m.meeting_type != cue.meeting_type or cue.meeting_type is None:
            continue
        if cue.ordinal and m.ordinal and m.ordinal >= cue.ordinal:
            continue
        if m.format or len(_sides(doc, m)) >= 2:
            return m
    return None


_SERIES_TYPES = ("summit", "ministerial-meeting", "strategic-dialogue")
_SESSION_TYPES = ("summit", "ministerial-meeting")


def _sides(doc: Document, meeting: Meeting) -> list[str]:
    """The countries a meeting is between so far: those named and those of its participants."""
    out = list(meeting.participant_countries)
    for person in meeting.participants:
        country = doc.person_country.get(person)
        if country and country not in out:
            out.append(country)
    return out


def _continues(doc: Document, meeting: Meeting, sentence: Sentence) -> bool:
    """A sentence that goes on about the meeting of the sentence before it ("Dabei …", "Also present were …")."""
    last = doc.sentence_at(meeting.evidence[-1].char_start) if meeting.evidence else None
    if last is None:
        return False
    if last.paragraph == sentence.paragraph:
        goes_on = bool(
            doc.cues.CONTEXT_ANAPHOR.search(sentence.text) or doc.cues.PARTICIPATION.search(sentence.text)
        )
    else:
        # the paragraph right after the meeting's may list who came ("Gastgeber war …", "Also present were …")
        goes_on = sentence.paragraph == last.paragraph + 1 and bool(
            doc.cues.PARTICIPATION.search(sentence.text)
        )
    # "…, das ich im Dezember 2022 mit Ihrer damaligen Außenministerin unterzeichnet habe": another time
    return (
        goes_on
        and not (
            meeting.date is not None
            and any(
                d.value.datatype
                in ("date", "gYearMonth")  # not "das den Vorsitz im vergangenen Jahr innehatte"
                and not d.value.lexical.startswith(meeting.date.lexical[:4])
                for d in find_dates(
                    doc.text, article_date=doc.article.date, start=sentence.start, end=sentence.end
                )
            )
        )
    )


_CHAIR_BEFORE = re.compile(
    r"\b(?:chairmanship of|chaired by|presided over by|hosted by|under the chair of|unter (?:dem )?Vorsitz (?:von|des|der)|"
    r"Gastgeber(?:in)?)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _place_the_chair(doc: Document, meetings: list[Meeting]) -> None:
    """ "The leaders' session opened under the chairmanship of Prime Minister Jeremiah Manele", the summit
    told before held in the Solomon Islands capital: a chair the article gives no country to is of the
    country the meeting is in (when no other side is) and sits at it."""
    for position in doc.unplaced:
        if position.person in doc.person_country:
            continue
        chair = next(
            (
                p
                for p in doc.person_mentions
                if p.name == position.person and _CHAIR_BEFORE.search(doc.text, max(0, p.start - 60), p.start)
            ),
            None,
        )
        if chair is None:
            if not _place_the_received(doc, position, meetings):
                _the_other_side(doc, position, meetings)
            continue
        told = [m for m in meetings if m.evidence and m.evidence[0].char_start <= chair.start and m.place]
        if not told:
            continue
        meeting = max(told, key=lambda m: m.evidence[0].char_start)
        host = meeting.place.country  # type: ignore[union-attr]
        if host in {doc.person_country.get(p) for p in meeting.participants}:
            continue
        _seat(doc, position, meeting, host)


_HEADS = frozenset({"prime-minister", "president"})
_MET_BEFORE = re.compile(
    r"\b(?:with|mit|met|meets|traf|trifft|by|von|received|receives|empfing|empfängt|called on)\s+"
    r"(?:[\w.-]+\s+){0,4}$"
)


def _the_other_side(doc: Document, position: Position, meetings: list[Meeting]) -> bool:
    """ "EAM and Foreign Minister Gedion Timothewos co-chaired the India-Ethiopia Joint Commission": at a
    meeting of two states, whose other participants are all of one, a participant the article gives no
    country to is of the other."""
    for meeting in meetings:
        sides = set(meeting.participant_countries)
        if position.person not in meeting.participants or len(sides) != 2:
            continue
        others = {doc.person_country.get(p) for p in meeting.participants if p != position.person}
        if None in others or len(others) != 1 or not others <= sides:
            continue
        (other,) = sides - others
        _seat(doc, position, meeting, other)
        return True
    return False


def _place_the_received(doc: Document, position: Position, meetings: list[Meeting]) -> bool:
    """ "Wong began the trip in Port Moresby, where she held talks with Prime Minister James Marape", "Am
    Nachmittag traf Wadephul Premierminister Xanana Gusmão" in Dili: a head of government or state the
    article gives no country to, met by a visitor from elsewhere in a town abroad, is of that town's country."""
    if position.role not in _HEADS:
        return False
    spans = [  # met, not meeting: "talks with Prime Minister X", "traf Wadephul Premierminister X"
        p
        for p in doc.person_mentions
        if p.name == position.person and _MET_BEFORE.search(doc.text, max(0, p.start - 45), p.start)
    ]
    for meeting in meetings:
        if meeting.place is None or not meeting.place.country:
            continue
        host = meeting.place.country
        visitors = {doc.person_country.get(p) for p in meeting.participants} - {None, host}
        inside = any(e.char_start <= p.start < e.char_end for e in meeting.evidence for p in spans)
        if not inside or not visitors:
            continue
        _seat(doc, position, meeting, host)
        return True
    return False


def _seat(doc: Document, position: Position, meeting: Meeting, host: str) -> None:
    """Give a position without a country the meeting's host country (a guess from the venue: confidence
    0.6), and the person a seat at the meeting."""
    position.country, position.confidence = host, 0.6
    doc.found.positions.append(position)
    doc.person_country[position.person] = host
    if position.person not in meeting.participants:
        meeting.participants.append(position.person)


def _finish(doc: Document, meeting: Meeting) -> None:
    # "Seit dem Besuch … im Januar 2024 wird verhandelt": a plan is never in the past
    if (
        meeting.status == "planned"
        and _month_before_article(doc, meeting.date)
        and not any(doc.cues.POSTPONED.search(e.sentence) for e in meeting.evidence)
    ):  # (not "scheduled for July but postponed": a plan that moved)
        meeting.status = "held"
    elif meeting.status == "planned" and _month_before_article(doc, meeting.date):
        meeting.date = None  # the day it was put off from, not the day it will be held
    for person in meeting.participants:
        country = doc.person_country.get(person)
        if country and country not in meeting.participant_countries:
            meeting.participant_countries.append(country)
    if meeting.meeting_type is None:
        roles = (
            set().union(*(doc.person_roles.get(p, set()) for p in meeting.participants))
            if meeting.participants
            else set()
        )
        if roles & _MINISTER_ROLES and (meeting.format or len(meeting.participant_countries) > 2):
            meeting.meeting_type = "ministerial-meeting"
        elif roles & _HEAD_ROLES and (meeting.format or len(meeting.participant_countries) > 2):
            meeting.meeting_type = "summit"
        elif len(meeting.participant_countries) <= 2 and not meeting.format:
            meeting.meeting_type = "bilateral-talks"
        else:
            meeting.meeting_type = "other"
    if meeting.meeting_type == "phone-call":
        meeting.place, meeting.venue_country = None, None  # a call takes place nowhere
    if meeting.format and meeting.meeting_type in ("bilateral-talks", "phone-call", "visit"):
        from kg import reference

        fmt = reference.formats().get(meeting.format)
        if fmt is None or len(fmt.members) > 2:
            # "talks on the sidelines of the SCO summit", "cooperation at the United Nations": the format is
            # the setting or a topic of two sides' talks, not a format they meet in
            meeting.format = None
    if meeting.format is None and meeting.meeting_type in ("ministerial-meeting", "summit"):
        meeting.format = _format_of_the_article(doc, meeting)
    if meeting.format and meeting.meeting_type in ("ministerial-meeting", "summit"):
        # a format's session is attended by its members: the text names some, the format says who the rest are
        members = members_acting_as_one(meeting.format)
        absent = _absent_countries(doc, meeting) if members else set()
        for member in members:
            if member in absent:
                continue  # "Guinea-Bissau … was not represented"
            if member not in meeting.participant_countries:
                meeting.participant_countries.append(member)
    if (
        meeting.meeting_type == "visit"
        and meeting.venue_country
        and meeting.venue_country not in meeting.participant_countries
    ):
        meeting.participant_countries.append(meeting.venue_country)  # the host takes part in a visit
    if meeting.place and not meeting.venue_country:
        meeting.venue_country = meeting.place.country
    meeting.confidence = _meeting_confidence(meeting)


def _format_of_the_article(doc: Document, meeting: Meeting) -> str | None:
    """ "Hintergrund: Das Weimarer Dreieck …", then "Am 29. August 1991 trafen sich die Außenminister
    Genscher (Deutschland), Dumas (Frankreich) und Skubiszewski (Polen)": in a piece whose headline names a
    small format, a meeting of exactly its members is a session of that format."""
    if not doc.paragraphs or len(set(meeting.participant_countries)) < 3:
        return None
    headline = doc.paragraphs[0]
    for mention in doc.mentions_in(headline.start, headline.end, "format"):
        members = members_acting_as_one(str(mention.value))
        if members and set(members) == set(meeting.participant_countries):
            return str(mention.value)
    return None


def _month_before_article(doc: Document, date: DateValue | None) -> bool:
    """The meeting's year or month is over before the article's month begins ("im Januar 2024" in March 2026)."""
    article = (doc.article.date or "")[:7]
    if date is None or not re.fullmatch(r"\d{4}-\d{2}", article) or not re.match(r"\d{4}", date.lexical):
        return False
    return date.lexical[:7] < article[: len(date.lexical[:7])]


def _absent_countries(doc: Document, meeting: Meeting) -> set[str]:
    """Countries the paragraphs of the meeting say were not there ("Guinea-Bissau … was not represented.
    Neither were Mali …", "Ungarn blieb dem Treffen fern")."""
    paragraphs = {
        doc.sentence_at(e.char_start).paragraph for e in meeting.evidence if doc.sentence_at(e.char_start)
    }
    out: set[str] = set()
    for sentence in doc.sentences:
        if sentence.paragraph not in paragraphs and sentence.paragraph - 1 not in paragraphs:
            continue  # the meeting's paragraphs and the one after each
        cue = doc.cues.ABSENT.search(sentence.text)
        if cue is None:
            continue
        if cue.start():  # "Guinea-Bissau … was not represented": the countries before the cue
            start, end = sentence.start, sentence.start + cue.start()
        else:  # "Neither were Mali, Burkina Faso and Niger": the countries after it
            start, end = sentence.start + cue.end(), sentence.end
        out.update(str(m.value) for m in doc.mentions_in(start, end, "country"))
    return out


def _meeting_confidence(meeting: Meeting) -> float:
    """How sure the meeting is, from what was measured to matter on the sample corpus and the dev set
    (docs/evaluation.md): the sides known (two or more countries or office holders) above all, then a
    place, a date, a format, being told more than once; a planned or cancelled meeting is less sure."""
    score = 0.45
    score += 0.2 if len(meeting.participant_countries) >= 2 else 0.0
    score += 0.1 if len(meeting.participants) >= 2 or meeting.format else 0.0
    score += 0.05 * sum(bool(x) for x in (meeting.place, meeting.date))
    score += 0.05 if len(meeting.evidence) > 1 else 0.0
    score -= 0.1 if meeting.status != "held" else 0.0
    return round(max(0.3, min(0.95, score)), 2)


def _ministerial_by_title(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """'Treffen der Außenminister', 'meeting of foreign ministers', 'foreign ministers' meeting'."""
    after = doc.mentions_in(mention.end, min(sentence.end, mention.end + 40), "role")
    link = (
        r"\s*(?:des Rates der|des Rats der|der|of the Council of|of(?: the)?)\s*"
        r"(?:(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|two|three|four|five|six|seven|eight|nine|ten|"
        r"\d{1,2})\s+)?"  # "a meeting of the six foreign ministers", "ein Treffen der fünf Außenminister"
    )
    if after and re.fullmatch(link, doc.text[mention.end : after[0].start]):
        return after[0].value[0] in _MINISTER_ROLES  # type: ignore[index]
    return False


def _live_stamps(doc: Document) -> frozenset[int]:
    """The paragraphs of a live blog that open with a time stamp ("+++ 22.25 Uhr +++", "15:20 BST");
    none unless at least three do."""
    stamped = frozenset(p.index for p in doc.paragraphs if LIVE_STAMP.match(doc.text, p.start))
    return stamped if len(stamped) >= 3 else frozenset()


def _same_day(doc: Document, sentence: Sentence, cue: _Cue, told: list[Meeting]) -> Meeting | None:
    """The held, dated meeting whose day a sentence goes on with: "Am Nachmittag …", "Later that day …"
    (the one told last), "On the sidelines, …" (the summit or ministerial meeting told last)."""
    dated = [m for m in told if m.status == "held" and m.date and m.date.datatype in ("date", "gMonthDay")]
    if cue.sideline:
        main = [m for m in dated if m.meeting_type in ("summit", "ministerial-meeting")]
        if main:
            return main[0]
    return dated[0] if dated and doc.cues.SAME_DAY.search(sentence.text) else None


def _same_venue_for_the_day(doc: Document, meetings: list[Meeting]) -> None:
    """In a live blog, the day's meetings told without a place are where the day's event with one is."""
    today = (doc.article.date or "")[:10]
    venue = next((m for m in meetings if m.date and m.date.lexical == today and m.place), None)
    if venue is None:
        return
    for m in meetings:
        if m.date and m.date.lexical == today and m.place is None and m.meeting_type != "phone-call":
            m.place, m.venue_country = venue.place, m.venue_country or venue.venue_country


def _lead(
    doc: Document, before: Sentence, seen: dict[str, int]
) -> tuple[DateValue, PlaceRef, Sentence] | None:
    """The date and place of the article's lead: the first sentence before ``before`` that gives both
    (a signing, a reception told without a meeting word). ``seen`` remembers how far the article was
    read, so that each sentence is read once."""
    for sentence in doc.sentences[seen.get("read", 0) :]:
        if sentence.start >= before.start:
            break
        seen["read"] = sentence.index + 1
        dates, places = _event_dates(doc, sentence), _places(doc, sentence)
        told_as_plan = doc.cues.PLANNED.search(sentence.text) or doc.cues.CANCELLED.search(sentence.text)
        if dates and places and not told_as_plan:  # ("had been scheduled for July in Warsaw": not the lead)
            seen["lead"] = sentence.index
            break
    if "lead" not in seen:
        return None
    sentence = doc.sentences[seen["lead"]]
    return _event_dates(doc, sentence)[0].value, _places(doc, sentence)[0][1], sentence


def _read_context(doc: Document, context: tuple[list, list] | Sentence) -> tuple[list, list]:
    if isinstance(context, Sentence):
        return _event_dates(doc, context), _places(doc, context)
    return context


def find_meetings(doc: Document) -> None:
    meetings: list[Meeting] = []
    current: Meeting | None = None
    live = _live_stamps(doc)
    leads: dict[str, int] = {}  # how far _lead has read, and the lead sentence once found
    for paragraph in doc.paragraphs:
        # the date and place said in this paragraph before any meeting word (a sentence, read when needed)
        context: tuple[list, list] | Sentence = ([], [])
        for sentence in paragraph.sentences:
            mentions = [
                m
                for m in doc.mentions_in(sentence.start, sentence.end, "meeting")
                if not _quoted(doc, m.start)
                and not doc.cues.MODIFIER_AFTER.match(doc.text, m.end)
                and not (
                    doc.cues.REFLEXIVE_ONLY.fullmatch(m.text)
                    and not re.search(
                        r"\bsich\b[^.;:]{0,80}$", doc.text[max(sentence.start, m.start - 90) : m.start]
                    )
                    and not _object_before(doc, sentence, m)  # "hatte auch den Außenminister getroffen"
                    and not (  # an interviewee's "habe ich in Brasília die Generalsekretärin … getroffen"
                        doc.in_answer(sentence.start)
                        and re.search(r"\b(?:habe ich|haben wir)\b", doc.text[sentence.start : m.start])
                    )
                )  # "hätten sich am Donnerstag in Abu Dhabi getroffen", not "eine Entscheidung getroffen"
                and not (m.text in doc.cues.OBJECT_VERBS and _without_object(doc, sentence, m))
                and not (m.text in _CALLED_ON and not _courtesy_call(doc, sentence, m))
            ]
            # "vice-ministerial consultations", "summit talks": the first word describes the second
            mentions = [
                m
                for i, m in enumerate(mentions)
                if not (
                    i + 1 < len(mentions)
                    and not mentions[i + 1].value[2]  # type: ignore[index]
                    and re.fullmatch(r"[ -]", doc.text[m.end : mentions[i + 1].start])
                )
            ]
            if any(m.text in _SPOKE_WITH for m in mentions) and (
                len(mentions) > 1 or len(doc.persons_in(sentence.start, sentence.end)) > 2
            ):
                # "I spoke with my counterpart … by telephone": the call's own words tell it; "I spoke to A, B
                # and C" is no call of two
                mentions = [m for m in mentions if m.text not in _SPOKE_WITH]
            mentions = sorted([*mentions, *_implicit_ministerials(doc, sentence)], key=lambda m: m.start)
            if not mentions:
                if current is not None and _continues(doc, current, sentence):
                    _add_participants(doc, current, sentence)
                context = sentence  # read only if a later meeting word of the paragraph needs it
                continue
            dates = _event_dates(doc, sentence)
            places = _places(doc, sentence)
            formats = _formats(doc, sentence)
            referenced: list[tuple[Mention, Meeting, int, str]] = []
            introducing: list[Mention] = []
            beside: dict[int, int] = {}  # an event told beside this sentence's one -> where its phrase starts
            for mention in mentions:
                relative = _relative_reference(doc, sentence, mention)
                if relative:
                    held = [m for m in meetings if m.status == "held"]
                    target = _find_existing(held, _bare_cue(mention)) or _find_existing(
                        meetings, _bare_cue(mention)
                    )
                    if target:
                        doc.meeting_mentions[mention.start] = target
                        referenced.append((mention, target, *relative))
                        # "on the sidelines of the BRICS summit": BRICS names the summit told, not this event
                        phrase_start = mention.end - len(relative[1])
                        formats = [f for f in formats if not phrase_start <= f.start < mention.end]
                        continue  # "two days before the summit": the summit is not this sentence's event
                    if relative[0] != 0 or not doc.cues.SIDELINES.search(relative[1]):
                        continue  # "zwei Tage vor dem ersten Gipfel": a summit told elsewhere in the article
                    # a summit not told before is an event of its own: "… met on the sidelines of the BRICS
                    # summit in Kazan" tells of the summit too
                    beside[mention.start] = mention.end - len(relative[1])
                introducing.append(mention)
            if not introducing:
                context = (dates, places)
            for _, target, days, phrase in referenced:
                if target.date is None and dates:
                    target.date = shift_date(dates[0].value, -days, text=phrase)
            back = {
                m.start
                for m in introducing
                if doc.cues.SUCH.search(doc.text, max(sentence.start, m.start - 12), m.start)
            }  # "…, the first such meeting since 2019" names no event of its own
            if any(m.value[2] for m in introducing):  # type: ignore[index]
                # "received Wang … and discussed preparations for the June summit": the summit is a topic
                topics = [m for m in introducing if not m.value[2] and _prepared(doc, sentence, m)]  # type: ignore[index]
                if topics:
                    # its date and place are the summit's: "… preparations for the Nordic summit in August"
                    introducing = [m for m in introducing if m not in topics]
                    dates = [d for d in dates if d.start < _prepared_start(doc, sentence, topics[0])]
                    places = [p for p in places if p[0].start < _prepared_start(doc, sentence, topics[0])]
            if any(not m.value[2] and m.start not in back and m.start not in beside for m in introducing):  # type: ignore[index]
                # "ministers met in Almaty for the seventh meeting": the noun names the event, not the verb
                introducing = [m for m in introducing if not m.value[2]]  # type: ignore[index]
            # "the third Joint Ministerial Meeting of the Strategic Dialogue": one event and the framework it belongs to
            introducing = _without_frameworks(doc, introducing)
            if any(m.value[0] == "visit" for m in introducing):  # type: ignore[index]
                # "on a working visit, held talks with …": the talks are part of the visit
                introducing = [m for m in introducing if m.value[0] != "bilateral-talks"]  # type: ignore[index]
            shares = _share_attributes(doc, sentence, introducing, dates, places, formats)
            for index, mention in enumerate(introducing):  # its format is that event's alone
                for start, phrase in beside.items():
                    if mention.start != start:
                        shares[index][2][:] = [f for f in shares[index][2] if not phrase <= f.start < start]
            told_here = len(meetings)
            for index, mention in enumerate(introducing):
                lead_sentence: Sentence | None = None
                cue = _cue(doc, sentence, mention, *shares[index])
                if cue.meeting_type is None and _ministerial_by_title(doc, sentence, mention):
                    cue.meeting_type = "ministerial-meeting"
                if (
                    index == 0
                    # "Das Gespräch habe … stattgefunden": the meeting told before, not one on the paragraph's date
                    and not (cue.definite and _find_existing(meetings, cue, doc.article.date))
                    and cue.date is None
                    and cue.place is None
                    and (context := _read_context(doc, context))[0]
                    and context[1]
                ):
                    cue.date, cue.place = context[0][0].value, context[1][0][1]
                    cue.venue_country = cue.place.country
                if (
                    cue.definite
                    and not cue.generic
                    and cue.date is None
                    and cue.place is None
                    and cue.status == "held"
                    and _find_existing(meetings, cue, doc.article.date) is None
                    and (lead := _lead(doc, sentence, leads))
                ):
                    # "…, sagte Wadephul nach dem Gespräch im Außenministerium": the event the lead told
                    cue.date, cue.place, cue.venue_country = lead[0], lead[1], lead[1].country
                    lead_sentence = lead[2]
                if index == 0 and referenced and referenced[0][2] == 0 and cue.place is None:
                    cue.place = referenced[0][1].place  # "on the sidelines of the council": same place
                    cue.venue_country = cue.place.country if cue.place else cue.venue_country
                if index == 0 and cue.date is None and not referenced:
                    told = [current] if current is not None else []  # the meeting just told comes first
                    cue.date = _day_next_to_last_meeting(doc, sentence, [*meetings, *told])
                    if cue.date is None and cue.status == "held":
                        day = _same_day(doc, sentence, cue, [*told, *reversed(meetings)])
                        if day is not None and day.date is not None:
                            # "Am Nachmittag wurde … empfangen", "On the sidelines in Gabala, X and Y met":
                            # the day and town of the meeting told, or of the summit it was beside
                            cue.date = shift_date(day.date, 0, text="same day")
                            if cue.place is None and day.place is not None:
                                cue.place, cue.venue_country = day.place, day.venue_country
                if index == 0 and cue.date is None and referenced:
                    _, target, days, phrase = referenced[0]
                    if target.date:
                        cue.date = shift_date(target.date, days, text=phrase)
                if cue.status == "cancelled" and cue.date is not None and cue.date.resolution != "absolute":
                    cue.date = _ahead(
                        cue.date, doc.article.date
                    )  # "seinen für Donnerstag geplanten Besuch … abgesagt"
                if cue.status == "planned" and cue.date is not None and _PAST_WORD.search(cue.date.text):
                    cue.status = (
                        "held"  # "sollte sich das Telefonat vom vergangenen Donnerstag ansehen": held
                    )
                if cue.status == "planned" and cue.date is not None:
                    cue.date = _ahead(cue.date, doc.article.date)
                    if _before_article(cue.date, doc.article.date):
                        cue.date = (
                            None  # "am Dienstag … den Gipfel vorbereitet, der Ende August …": not its date
                        )
                if (
                    _negated(doc, sentence, mention)
                    or _agreement_topic(doc, sentence, mention)
                    or _negotiating_a_text(doc, sentence, mention)
                ):
                    continue
                if (
                    cue.place is None
                    and cue.status == "held"
                    and cue.venue_country is None
                    and cue.meeting_type != "phone-call"
                ):
                    cue.place = _dateline_city(
                        doc, sentence
                    )  # "Wien, 11. Juni 2025 – X hat heute Y empfangen"
                if (
                    cue.date is None
                    and cue.status == "held"
                    and doc.article.date
                    and sentence.paragraph in live
                    and not doc.cues.PAST_PERFECT.search(sentence.text)
                ):
                    # a live blog tells the day's events as they happen: "+++ 22.25 Uhr +++ Das Dreiertreffen hat begonnen"
                    cue.date = DateValue(
                        doc.article.date[:10], "date", "live blog entry", "relative-to-article"
                    )
                if (
                    cue.status == "held"
                    and _future(cue.date, doc.article.date)
                    and not doc.cues.PLANNED.search(sentence.text)
                    and doc.cues.PAST_TENSE.search(sentence.text)
                    and doc.in_answer(
                        sentence.start
                    )  # a speaker's "in April"; a reporter writes "last April"
                ):
                    cue.date = year_before_if_after(  # "At our meeting in Tashkent in April, … we agreed"
                        cue.date, doc.article.date
                    )
                if cue.status == "held" and _future(cue.date, doc.article.date):
                    cue.status = "planned"  # "ein Gipfeltreffen, das X im kommenden Jahr ausrichten will"
                such = doc.cues.SUCH.search(doc.text, max(sentence.start, mention.start - 12), mention.start)
                if such:
                    cue.definite = True  # "the first such gathering since …" speaks of the meeting told
                    cue.date = cue.ordinal = (
                        None  # its date and ordinal are the comparison's ("since January")
                    )
                # the event told beside another is not that other one: "met on the sidelines of the summit"
                earlier = meetings[:told_here] if beside else meetings
                if doc.in_post(sentence.start):  # each post of a thread tells its own event
                    earlier = [
                        m
                        for m in earlier
                        if any(paragraph.start <= e.char_start < paragraph.end for e in m.evidence)
                    ]
                existing = _just_told(doc, sentence, current, earlier, cue) or (
                    _find_existing(earlier, cue, doc.article.date, receptions=doc.receptions)
                    or _headline_meeting(doc, earlier, cue)
                )
                if such and existing is None:
                    continue
                if existing is not None and not such and _indefinite(doc, sentence, cue, existing):
                    existing = (
                        None  # "Ein erstes Treffen … hatte es 2022 gegeben", "zu einem Gespräch empfangen"
                    )
                if existing is not None and (
                    cue.definite
                    or not cue.countries
                    or existing.participant_countries
                    or any(doc.person_country.get(p) in cue.countries for p in existing.participants)
                ):
                    actorless = not (
                        existing.participants or existing.participant_countries or existing.format
                    )
                    if cue.generic and cue.definite and actorless:
                        # "Auch Außenminister X meldete sich in der Sitzung zu Wort": "the session" is not
                        # surely the meeting told before, and that one names no one who met
                        continue
                    if _only_related(doc, sentence, cue, introducing):
                        # "The summit followed a meeting of the six foreign ministers in Almaty": the sentence
                        # tells the ministers' meeting; the summit is only named to place it
                        doc.meeting_mentions[mention.start] = existing
                        continue
                    _merge(existing, cue, doc, sentence)
                    doc.meeting_mentions[mention.start] = existing
                    current = existing
                    _add_participants(doc, existing, sentence)
                    continue
                if not _anchored(doc, sentence, cue):
                    if existing is not None:
                        doc.meeting_mentions[mention.start] = existing
                        current = existing
                        if doc.cues.PARTICIPATION.search(sentence.text):
                            _add_participants(doc, existing, sentence)
                    continue
                if (
                    cue.format is None
                    and not cue.countries
                    and (
                        doc.cues.NEXT.search(doc.text, max(sentence.start, mention.start - 25), mention.start)
                        or (cue.ordinal and cue.ordinal > 1 and cue.status == "planned")
                        # "Ein für August 2024 in Astana geplanter Gipfel war abgesagt worden": of the series told
                        or (cue.status == "cancelled" and cue.meeting_type in _SERIES_TYPES)
                    )
                ):
                    # "the next summit … will be held in Bishkek", "the third summit will be held in China in
                    # 2027", "the fourth round of the Strategic Dialogue": one more of the series told before
                    prior = _series(doc, meetings, cue)
                    if prior is not None:
                        # the format of two sides' talks is a topic ("cooperation at the United Nations")
                        cue.format = prior.format if prior.meeting_type in _SERIES_TYPES else None
                        cue.countries = [] if cue.format else _sides(doc, prior)
                if (
                    cue.status == "planned"
                    and not cue.countries
                    and not cue.persons
                    and doc.cues.BOTH_SIDES.search(sentence.text)
                ):
                    # "die nächste Runde … zwischen den beiden Außenministerien": the pair of the meeting told
                    told = [current] if current is not None else []
                    pairs = (_sides(doc, m) for m in [*told, *reversed(meetings)])
                    cue.countries = next((sides for sides in pairs if len(sides) == 2), [])
                if cue.hosts and cue.meeting_type is None:
                    cue.meeting_type = "bilateral-talks"  # a reception: a talk, not the guest's visit
                meeting = Meeting(
                    key=_meeting_key(doc, len(meetings)),
                    meeting_type=cue.meeting_type,  # type: ignore[arg-type]
                    evidence=[doc.evidence(sentence)],
                    date=cue.date,
                    place=cue.place,
                    venue_country=cue.venue_country,
                    format=cue.format,
                    ordinal=cue.ordinal,
                    participant_countries=list(cue.countries),
                    status=cue.status,
                )
                meetings.append(meeting)
                doc.meeting_mentions[mention.start] = meeting
                if cue.hosts:
                    doc.receptions.add(meeting.key)
                if cue.hosts or (not cue.persons and cue.status == "held" and cue.meeting_type != "summit"):
                    # "received both ministers", "the two foreign ministers had last met in …": the two told
                    _both_guests(doc, sentence, meeting, meetings[:-1], cue.hosts)
                current = meeting
                _add_participants(doc, meeting, sentence)
                if lead_sentence is not None:
                    _add_participants(doc, meeting, lead_sentence)  # who the lead says signed or met
    if live:
        _same_venue_for_the_day(doc, meetings)
    _place_the_chair(doc, meetings)
    for meeting in meetings:
        _finish(doc, meeting)
    for meeting in meetings:
        if not (meeting.participants or meeting.format or meeting.participant_countries):
            _sides_by_count(doc, meeting, meetings)
    # a meeting no actor can be tied to (no office holder, country or format) is not a diplomatic fact:
    # "the fourth meeting between the two teams", "a summit of the league table"
    # nor is an undated visit no one is named for: "im Herbst reist eine Schülergruppe zum Gegenbesuch nach Georgien"
    # (a participant counts when the article gives him an office: "Transport Minister X opened the summit"
    # of a trade fair, with no country for her anywhere, ties no state to it)
    _all_members_named(doc, meetings)
    office_holders = {p.person for p in doc.found.positions if p.qualifier != "former"}  # not "ex-minister X"
    # nor one first told in an interview question the answer denies ("Q: Reports claimed you met …" "A: Wrong.")
    meetings = [m for m in meetings if not doc.in_denied_question(m.evidence[0].char_start)]
    kept = [
        m
        for m in meetings
        if any(p in office_holders for p in m.participants)
        or m.format
        or set(m.participant_countries) - {m.venue_country}
        or (m.participant_countries and m.date)
    ]
    # precision first: a meeting below MIN_CONFIDENCE (one side known, planned, nothing else) is a guess
    kept = [m for m in kept if m.confidence >= MIN_CONFIDENCE and not _domestic(m) and not _municipal(doc, m)]
    doc.found.meetings.extend(kept)
    for start, meeting in list(doc.meeting_mentions.items()):
        if meeting not in kept:
            del doc.meeting_mentions[start]


def _domestic(meeting: Meeting) -> bool:
    """A ministers' meeting of one country at home, in no format: a cabinet session ("Ministerrat" in
    Vienna). No other state takes part, so it is no diplomatic meeting. (Talks of one side at home are
    kept: the other side may be told in words the extractor does not read.)"""
    countries = set(meeting.participant_countries)
    return (
        meeting.meeting_type == "ministerial-meeting"
        and len(countries) == 1
        and meeting.venue_country in countries
        and not meeting.format
    )


def _municipal(doc: Document, meeting: Meeting) -> bool:
    """A visit or talks whose every named participant holds a town's office ("Kraków's mayor … led a
    delegation on a three-day visit", "Oberbürgermeisterin X empfing"): town twinning, not a meeting of
    states."""
    if meeting.format or not meeting.participants:
        return False
    titles: dict[str, list[str]] = {}
    for position in [*doc.found.positions, *doc.unplaced]:
        titles.setdefault(position.person, []).append(position.title_text)
    return all(
        titles.get(name) and all(doc.cues.MUNICIPAL_TITLE.fullmatch(t) for t in titles[name])
        for name in meeting.participants
    )


_CALLED_ON = frozenset({"called on", "calls on"})
_URGED_TO = re.compile(r"[^.;:]{0,80}?\bto\s+(?!the\b|a\b|an\b|his\b|her\b)[a-z]+")


def _courtesy_call(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """ "called on President X", "called on His Highness Sheikh X": a call on a person; not "called on Russia
    to withdraw" (urged) or "called on the international community"."""
    if _URGED_TO.match(doc.text, mention.end, sentence.end):
        return False
    window = mention.end + 40
    ones = [*doc.persons_in(mention.end, window), *doc.mentions_in(mention.end, window, "role")]
    return (
        bool(ones)
        and re.fullmatch(
            r"\s+(?:(?:His|Her|Their)\s+(?:Highness|Majesty|Excellency)\s+)?(?:the\s+)?(?:[A-Z][\w-]+\s+)?",
            doc.text[mention.end : min(o.start for o in ones)],
        )
        is not None
    )


def _without_object(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """A verb that names a meeting only with the one met: "is due to meet Wang", "will meet in Astana",
    "trifft Lawrow", "soll Präsident Putin treffen", "wollen sich … treffen"; not "meet the target",
    "refused to meet", "eine Entscheidung treffen"."""
    mode = doc.cues.OBJECT_VERBS[mention.text]
    text = doc.text
    if doc.cues.HYPOTHETICAL.search(sentence.text):
        return True  # "If X were to meet Y …", "Falls X den Präsidenten treffen sollte"
    before = text[max(sentence.start, mention.start - 90) : mention.start]
    if mode.startswith("before"):
        # German verb-final: a modal earlier in the clause, then "sich" or the one met just before the verb
        if not doc.cues.TO_COME_BEFORE.search(before):
            return True
        if text.startswith(" sich", mention.end) or re.search(
            r"\bsich\b(?:[^.;:,!?]|(?<=\d)\.){0,80}$", before
        ):
            return False  # "wollen sich im Juni in Astana treffen"
        return not _object_before(doc, sentence, mention)
    if doc.lang == "en" and (
        not doc.cues.TO_COME_BEFORE.search(before[-30:]) or doc.cues.NOT_TO_BEFORE.search(before[-30:])
    ):
        return True  # "is due to meet", "will meet"; not "Ministers meet in …", "refused to meet"
    # German puts the day and place first: "trifft am Montag in Warschau seinen litauischen Amtskollegen"
    words = 4 if doc.lang == "en" else 8
    end = min(sentence.end, mention.end + 20 + 10 * words)
    ones = [*doc.persons_in(mention.end, end), *doc.mentions_in(mention.end, end, "role")]
    if ones:
        gap = text[mention.end : min(one.start for one in ones)]
        if len(gap.split()) <= words and "," not in gap and not doc.cues.OBJECT_GAP_ARTICLE.search(gap):
            return False  # "is due to meet Wang", "trifft seinen russischen Amtskollegen"
    return not (mode.endswith("place") and doc.cues.PLACE_AFTER.match(text, mention.end))


def _object_before(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """The one met named just before a German verb-final "treffen"/"getroffen": "hatte auch den armenischen
    Außenminister getroffen", "soll Präsident Putin in Moskau treffen"; not "hat Vorkehrungen getroffen",
    "Außenminister X hatte … getroffen" (the one named is the subject)."""
    text = doc.text
    start = max(sentence.start, mention.start - 70)
    ones = [*doc.persons_in(start, mention.start), *doc.mentions_in(start, mention.start, "role")]
    if not ones:
        return False
    one = max(ones, key=lambda o: o.end)  # the nearest
    gap = text[one.end : mention.start]
    if "," in gap or doc.cues.OBJECT_GAP_ARTICLE.search(gap):
        return False
    covered = doc.mentions_in(one.end, mention.start)
    for word in re.finditer(r"\b[A-ZÄÖÜ]\w*", gap):
        at = one.end + word.start()
        if word.group() not in doc.cues.OBJECT_GAP_NOUNS and not any(m.start <= at < m.end for m in covered):
            return False  # a noun of its own: "Maßnahmen", "Entscheidung"
    return True


def _sides_by_count(doc: Document, meeting: Meeting, meetings: list[Meeting]) -> None:
    """ "The summit followed a meeting of the six foreign ministers in Almaty": a meeting no one is named for
    whose ministers are counted, and one format told in the article with that many countries: that format's."""
    counted = doc.cues.COUNTED_MINISTERS.search(meeting.evidence[0].sentence)
    if not counted:
        return
    word = counted.group(1).lower()
    number = int(word) if word.isdigit() else doc.cues.COUNT_WORDS[word]
    formats = {
        (m.format, tuple(m.participant_countries))
        for m in meetings
        if m is not meeting and m.format and len(set(m.participant_countries)) == number
    }
    if len({f for f, _ in formats}) == 1:
        fmt, countries = formats.pop()
        meeting.format, meeting.participant_countries = fmt, list(countries)
        if meeting.meeting_type in (None, "other"):
            meeting.meeting_type = "ministerial-meeting"
        meeting.confidence = _meeting_confidence(meeting)


def _only_related(doc: Document, sentence: Sentence, cue: _Cue, introducing: list[Mention]) -> bool:
    """A meeting referred back to ("the summit") in a sentence that tells another one ("a meeting of the
    ministers in Almaty in April") and says nothing of its own about it (no date, place or format)."""
    if not cue.definite or cue.date or cue.place or cue.format or cue.ordinal:
        return False
    return any(
        m is not cue.mention
        and not isinstance(m, _ImplicitMention)
        and not _definite(doc, sentence, m)
        and m.value[0] != cue.meeting_type  # type: ignore[index]
        for m in introducing
    )


def _bare_cue(mention: Mention) -> _Cue:
    meeting_type, generic, verb = mention.value  # type: ignore[misc]
    return _Cue(mention, meeting_type, generic, verb, True, None, None, None, None, None, [], "held")
