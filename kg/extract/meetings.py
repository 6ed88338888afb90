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
from functools import lru_cache

from kg.extract.dates import find_dates, shift_date
from kg.extract.document import Document
from kg.extract.matcher import Mention
from kg.extract.text import Sentence
from kg.model import DateValue, Meeting, PlaceRef

__all__ = ["MIN_CONFIDENCE", "find_meetings"]

MIN_CONFIDENCE = 0.5  # measured on the dev set: below it a meeting was right two times in three
_SMALL_FORMAT = 12  # a format this small meets as a whole; a larger one (OSCE, G20) is named, not assumed
_MINISTER_ROLES = {"foreign-minister", "minister", "deputy-foreign-minister", "deputy-minister"}
_HEAD_ROLES = {"president", "prime-minister"}
_LOCATIVE = re.compile(r"(?:\b(?:in|im|at|nach|to)\s+(?:der\s+|the\s+)?(?:\w+\s+)?|^\s*|[(]\s*)$", re.I)


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


def _meeting_key(doc: Document, index: int) -> str:
    return f"m{index}"


def _city(mention: Mention) -> PlaceRef:
    city = mention.value[0]  # type: ignore[index]
    return PlaceRef(name=city.name, country=city.country, geonames_id=city.geonames_id)


_DATELINE = re.compile(r"^[A-ZÄÖÜ][\w .'-]{1,40},\s+[^–—\n]{3,30}?(?:\([^)]{1,60}\))?\s*[-–—]\s")
_CAPITAL = re.compile(r"\s+(?:capital|Hauptstadt)\b")


def _dateline_end(sentence: Sentence) -> int:
    """End of a dateline such as "ASTANA, March 15 (Steppe Wire) -": its date is the report's, not the event's."""
    m = _DATELINE.match(sentence.text)
    return sentence.start + m.end() if m else sentence.start


def _event_dates(doc: Document, sentence: Sentence) -> list:
    found = [
        d
        for d in find_dates(doc.text, article_date=doc.article.date, start=sentence.start, end=sentence.end)
        if not doc.in_quote(d.start)
    ]
    cut = _dateline_end(sentence)
    body = [d for d in found if d.start >= cut]
    return body or found


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """ISO code -> the capital's name in the country lexicon (read once: the lexicon is large)."""
    from kg import reference

    return {
        iso: entry["capital"] for iso, entry in reference.country_lexicon().items() if entry.get("capital")
    }


def _capital_of(doc: Document, sentence: Sentence) -> list[tuple[Mention, PlaceRef]]:
    """ "the Kazakh capital", "der kasachischen Hauptstadt" -> the capital city of that country."""
    from kg import reference

    out = []
    for m in doc.mentions_in(sentence.start, sentence.end, "country_adj"):
        if not _CAPITAL.match(doc.text, m.end):
            continue
        capital = _capitals().get(str(m.value))
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
        if not doc.in_quote(m.start)
        and (m.start, m.end) not in countries
        # "UN-Generalsekretär", "SCO Secretary-General": the organisation of a title, not the meeting's format
        and not any(m.end + gap in titles for gap in (0, 1))
    ]


def _places(doc: Document, sentence: Sentence) -> list[tuple[Mention, PlaceRef]]:
    out = _capital_of(doc, sentence)
    mission_spans = [m for m in doc.mentions_in(sentence.start, sentence.end, "mission")]
    for m in doc.mentions_in(sentence.start, sentence.end, "city"):
        if doc.in_quote(m.start):
            continue
        if any(0 <= m.start - x.end <= 40 for x in mission_spans):
            continue  # "Generalkonsulat in Guangzhou": the mission's city, not the meeting's
        before = doc.text[max(sentence.start, m.start - 25) : m.start]
        if m.start < _dateline_end(sentence):
            continue  # "ASTANA, 5. März –": where the report was filed, not where anyone met
        if _LOCATIVE.search(before) or (m.start == sentence.start and not _DATELINE.match(sentence.text)):
            out.append((m, _city(m)))
    return out


def _ordinal(doc: Document, sentence: Sentence, mention: Mention) -> int | None:
    window = doc.text[max(sentence.start, mention.start - 40) : mention.start]
    best = None
    for m in doc.cues.ORDINAL.finditer(window):
        if m.group("word"):
            best = doc.cues.ORDINALS.get(m.group("word").lower().rstrip("nrsm"))
            if best is None:
                best = doc.cues.ORDINALS.get(m.group("word").lower())
        elif m.group("num") and doc.lang == "en":
            best = int(m.group("num"))
    # only when close: "das sechste Treffen", "the fourth C5+1 ministerial"
    return best


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
    after = text[mention.end : min(sentence.end, mention.end + 120)]
    between = re.match(r"\s*(?:zwischen|between)\b", after)
    if between:
        for m in doc.mentions_in(mention.end, min(sentence.end, mention.end + 120), "country", "country_adj"):
            if str(m.value) not in out:
                out.append(str(m.value))
    elif re.match(
        r"\s*(?:der|des|of)\s", after
    ):  # "ein Gipfeltreffen der Türkei, Aserbaidschans und Turkmenistans"
        cursor = mention.end + re.match(r"\s*(?:der|des|of)\s+(?:the\s+)?", after).end()  # type: ignore[union-attr]
        listed = []
        for m in doc.mentions_in(cursor, min(sentence.end, mention.end + 120), "country"):
            if not re.fullmatch(r"\s*(?:,|und|and|sowie)?\s*(?:der|the)?\s*", doc.text[cursor : m.start]):
                break
            listed.append(str(m.value))
            cursor = m.end
        if len(listed) >= 2:  # one country after "of" is a place or an owner ("summit of Kazakhstan's …")
            out.extend(c for c in listed if c not in out)
    return out


_LAST_WORD = re.compile(r"([\w]+(?:-[\w]+)*)\s+$")


def _definite(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """ "the talks", "the Turkish-Azerbaijani talks", "den usbekisch-türkischen Gesprächen": a reference back."""
    pos = mention.start
    for _ in range(3):  # skip the country adjectives between the article and the noun
        m = _LAST_WORD.search(doc.text, max(sentence.start, pos - 60), pos)
        parts = m.group(1).lower().split("-") if m else []
        if not parts or not all(doc.lexicon.adjective_parts.get(p) for p in parts):
            break
        pos = m.start(1)  # type: ignore[union-attr]
    return bool(doc.cues.DEFINITE_BEFORE.search(doc.text[max(sentence.start, pos - 20) : pos]))


def _denied(doc: Document, sentence: Sentence) -> bool:
    """ "A spokesperson denied reports that X and Y had met", "Berichte, wonach …, wies ein Sprecher zurück"."""
    return bool(doc.cues.DENIED.search(sentence.text))


def _status(doc: Document, sentence: Sentence, mention: Mention) -> str:
    cues = doc.cues
    # the modal or future words that govern a meeting word stand close before it ("the next ministerial",
    # "preparations for a visit") or right after it ("the summit will take place", "Treffen soll … stattfinden")
    before = doc.text[max(sentence.start, mention.start - 100) : mention.start]
    before = re.split(r"[,;:–—]\s", before)[-1]  # the clause the meeting word stands in
    after = doc.text[mention.end : min(sentence.end, mention.end + 100)]
    after = re.split(r"[;:–—]\s|,\s(?!(?:der|die|das|which|that|who)\b)", after)[0]  # up to the clause end
    window = before + " " + mention.text + " " + after
    if cues.CANCELLED.search(window):
        return "cancelled"
    planned = cues.PLANNED.search(before) or cues.PLANNED.search(after) or cues.PLANNED_AROUND.search(window)
    if planned and not cues.PAST_HELD.search(window):
        return "planned"
    return "held"


def _negated(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    before = doc.text[max(sentence.start, mention.start - 30) : mention.start]
    if doc.cues.NEGATION.search(before):
        return True
    after = doc.text[mention.end : min(sentence.end, mention.end + 40)]
    if re.search(r"\b(?:nicht statt|kam nicht zustande|did not take place|never took place)\b", after):
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
        if not loose:
            return False
    if cue.date and meeting.date and cue.date.lexical != meeting.date.lexical:
        return False
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
        and meeting.participants
        and not cue.persons <= set(meeting.participants)
    ):
        return False  # "Später traf Xi auch den iranischen Präsidenten": a new pair is a new meeting
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
        if role.value[0] not in _MINISTER_ROLES or doc.in_quote(role.start):  # type: ignore[index]
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
    for share in shares:  # one city and one format for all meetings of the sentence unless one names its own
        if not share[1] and places:
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


def _cue(
    doc: Document, sentence: Sentence, mention: Mention, dates: list, places: list, formats: list
) -> _Cue:
    meeting_type, generic, verb = mention.value  # type: ignore[misc]
    definite = not isinstance(mention, _ImplicitMention) and _definite(doc, sentence, mention)
    place = places[0][1] if places else None
    venue = place.country if place else _venue_country(doc, sentence, mention)
    return _Cue(
        mention=mention,
        meeting_type=meeting_type,
        generic=generic,
        verb=verb,
        definite=definite,
        date=dates[0].value if dates else None,
        place=place,
        venue_country=venue,
        format=str(formats[0].value) if formats else None,
        ordinal=_ordinal(doc, sentence, mention),
        countries=_adjacent_countries(doc, sentence, mention),
        status=_status(doc, sentence, mention),
        persons=frozenset(
            p.name for p in doc.persons_in(sentence.start, sentence.end) if not doc.in_quote(p.start)
        ),
    )


def _anchored(doc: Document, sentence: Sentence, cue: _Cue) -> bool:
    held = bool(doc.cues.HELD.search(sentence.text))
    persons = doc.persons_in(sentence.start, sentence.end)
    if cue.verb:
        return len({p.name for p in persons}) >= 1 and (held or cue.date or cue.place or len(persons) >= 2)
    if cue.generic:
        return bool(cue.format or cue.ordinal or (cue.date and cue.place))
    strong = cue.date or cue.place or cue.format or cue.ordinal or cue.countries or cue.venue_country
    if cue.definite and not strong:
        return False
    return bool(strong or held)


def _find_existing(meetings: list[Meeting], cue: _Cue, article_date: str | None = None) -> Meeting | None:
    """The latest compatible meeting; an undated reference prefers one that is not weeks in the past.

    "The state visit of President Macron in November 2023 …. Following the talks, the ministers
    signed …": the talks are today's, not the background visit's.
    """
    compatible = [m for m in reversed(meetings) if _compatible(m, cue)]
    if article_date and cue.date is None:
        current = [m for m in compatible if not _weeks_before(m.date, article_date)]
        if current:
            return current[0]
    return compatible[0] if compatible else None


def _weeks_before(value: DateValue | None, article_date: str) -> bool:
    if value is None or value.datatype not in ("date", "gYearMonth", "gYear"):
        return False
    return value.lexical[:7] < article_date[:7] and value.lexical < article_date[:10]


def _add_participants(doc: Document, meeting: Meeting, sentence: Sentence) -> None:
    if _denied(doc, sentence):
        return  # "Berichte, wonach X auch Y getroffen habe, wies ein Sprecher zurück"
    for person in doc.persons_in(sentence.start, sentence.end):
        if doc.in_quote(person.start):
            continue
        if person.name not in meeting.participants:
            meeting.participants.append(person.name)


def _continues(doc: Document, meeting: Meeting, sentence: Sentence) -> bool:
    """A sentence that goes on about the meeting of the sentence before it ("Dabei …", "Also present were …")."""
    last = doc.sentence_at(meeting.evidence[-1].char_start) if meeting.evidence else None
    if last is None:
        return False
    if last.paragraph == sentence.paragraph:
        return bool(
            doc.cues.CONTEXT_ANAPHOR.search(sentence.text) or doc.cues.PARTICIPATION.search(sentence.text)
        )
    # the paragraph right after the meeting's may list who came ("Gastgeber war …", "Also present were …")
    return sentence.paragraph == last.paragraph + 1 and bool(doc.cues.PARTICIPATION.search(sentence.text))


def _finish(doc: Document, meeting: Meeting) -> None:
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
    if meeting.format and meeting.meeting_type in ("ministerial-meeting", "summit"):
        # a format's session is attended by its members: the text names some, the format says who the rest are
        from kg import reference

        fmt = reference.formats().get(meeting.format)
        members = fmt.members if fmt and len(fmt.members) <= _SMALL_FORMAT else ()
        for member in members:
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
    link = r"\s*(?:des Rates der|des Rats der|der|of the Council of|of(?: the)?)\s*"
    if after and re.fullmatch(link, doc.text[mention.end : after[0].start]):
        return after[0].value[0] in _MINISTER_ROLES  # type: ignore[index]
    return False


def _read_context(doc: Document, context: tuple[list, list] | Sentence) -> tuple[list, list]:
    if isinstance(context, Sentence):
        return _event_dates(doc, context), _places(doc, context)
    return context


def find_meetings(doc: Document) -> None:
    meetings: list[Meeting] = []
    current: Meeting | None = None
    for paragraph in doc.paragraphs:
        # the date and place said in this paragraph before any meeting word (a sentence, read when needed)
        context: tuple[list, list] | Sentence = ([], [])
        for sentence in paragraph.sentences:
            mentions = [
                m
                for m in doc.mentions_in(sentence.start, sentence.end, "meeting")
                if not doc.in_quote(m.start)
            ]
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
                    continue  # "two days before the summit": the summit is not this sentence's event
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
            if any(not m.value[2] and m.start not in back for m in introducing):  # type: ignore[index]
                # "ministers met in Almaty for the seventh meeting": the noun names the event, not the verb
                introducing = [m for m in introducing if not m.value[2]]  # type: ignore[index]
            # "the third Joint Ministerial Meeting of the Strategic Dialogue": one event and the framework it belongs to
            introducing = _without_frameworks(doc, introducing)
            if any(m.value[0] == "visit" for m in introducing):  # type: ignore[index]
                # "on a working visit, held talks with …": the talks are part of the visit
                introducing = [m for m in introducing if m.value[0] != "bilateral-talks"]  # type: ignore[index]
            shares = _share_attributes(doc, sentence, introducing, dates, places, formats)
            for index, mention in enumerate(introducing):
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
                if index == 0 and referenced and referenced[0][2] == 0 and cue.place is None:
                    cue.place = referenced[0][1].place  # "on the sidelines of the council": same place
                    cue.venue_country = cue.place.country if cue.place else cue.venue_country
                if index == 0 and cue.date is None and not referenced:
                    told = [current] if current is not None else []  # the meeting just told comes first
                    cue.date = _day_next_to_last_meeting(doc, sentence, [*meetings, *told])
                if index == 0 and cue.date is None and referenced:
                    _, target, days, phrase = referenced[0]
                    if target.date:
                        cue.date = shift_date(target.date, days, text=phrase)
                if cue.status == "planned" and cue.date is not None:
                    cue.date = _ahead(cue.date, doc.article.date)
                    if _before_article(cue.date, doc.article.date):
                        cue.date = (
                            None  # "am Dienstag … den Gipfel vorbereitet, der Ende August …": not its date
                        )
                if _negated(doc, sentence, mention):
                    continue
                if cue.status == "held" and _future(cue.date, doc.article.date):
                    cue.status = "planned"  # "ein Gipfeltreffen, das X im kommenden Jahr ausrichten will"
                such = doc.cues.SUCH.search(doc.text, max(sentence.start, mention.start - 12), mention.start)
                if such:
                    cue.definite = True  # "the first such gathering since …" speaks of the meeting told
                    cue.date = cue.ordinal = (
                        None  # its date and ordinal are the comparison's ("since January")
                    )
                existing = _find_existing(meetings, cue, doc.article.date)
                if such and existing is None:
                    continue
                if existing is not None and (
                    cue.definite or not cue.countries or existing.participant_countries
                ):
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
                if cue.format is None and doc.cues.NEXT.search(
                    doc.text, max(sentence.start, mention.start - 25), mention.start
                ):  # "the next summit of heads of state will be held in Bishkek": the series told before
                    cue.format = next(
                        (
                            m.format
                            for m in reversed(meetings)
                            if m.format and m.meeting_type == cue.meeting_type
                        ),
                        None,
                    )
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
                current = meeting
                _add_participants(doc, meeting, sentence)
    for meeting in meetings:
        _finish(doc, meeting)
    # a meeting no actor can be tied to (no office holder, country or format) is not a diplomatic fact:
    # "the fourth meeting between the two teams", "a summit of the league table"
    # nor is an undated visit no one is named for: "im Herbst reist eine Schülergruppe zum Gegenbesuch nach Georgien"
    kept = [
        m
        for m in meetings
        if m.participants
        or m.format
        or set(m.participant_countries) - {m.venue_country}
        or (m.participant_countries and m.date)
    ]
    # precision first: a meeting below MIN_CONFIDENCE (one side known, planned, nothing else) is a guess
    kept = [m for m in kept if m.confidence >= MIN_CONFIDENCE]
    doc.found.meetings.extend(kept)
    for start, meeting in list(doc.meeting_mentions.items()):
        if meeting not in kept:
            del doc.meeting_mentions[start]


def _bare_cue(mention: Mention) -> _Cue:
    meeting_type, generic, verb = mention.value  # type: ignore[misc]
    return _Cue(mention, meeting_type, generic, verb, True, None, None, None, None, None, [], "held")
