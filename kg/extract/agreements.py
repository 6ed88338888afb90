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

import re

from kg.extract.dates import find_dates, find_year_range
from kg.extract.document import Document
from kg.extract.matcher import Mention
from kg.extract.text import Sentence
from kg.model import Agreement, DateValue, Meeting, Mission, PlaceRef

__all__ = ["find_agreements", "find_missions"]

_MINISTRIES = re.compile(
    r"\b(?:Außenministerien|Außenministeriums|Außenministerium|Außenämter|foreign ministries|foreign ministry|"
    r"Ministries of Foreign Affairs|Ministry of Foreign Affairs|ministries of foreign affairs)\b"
)
_BETWEEN = re.compile(r"\b(?:zwischen|between)\b")
_TITLE_STOP = re.compile(
    r"\s+(?:für den Zeitraum|für die Jahre|for the period|for the years|for|für|wurde|wurden|was|were|"
    r"unterzeichnet|signed|verabschiedet|adopted)\b|[,;.:]"
)


_VALID_UNTIL = re.compile(
    r"\b(?:valid|in force|gilt|gültig|läuft)\b[^.;]{0,30}?\b(?:until|through|till|bis)\s+(?:(?:Ende|end of)\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _valid_until(doc: Document, sentence: Sentence):
    """ "The treaty will remain valid until 2030" (in the sentence or the next one): an end year only."""
    following = [s for s in doc.sentences if s.start >= sentence.end][:1]
    for part in (sentence, *following):
        m = _VALID_UNTIL.search(part.text)
        if m:
            return None, DateValue(m.group("year"), "gYear", m.group(0), "absolute")
    return None


def _same_agreement(agreements, agreement_type: str, parties: list[str], period) -> Agreement | None:
    for agreement in agreements:
        if agreement.agreement_type != agreement_type or set(agreement.parties) != set(parties):
            continue
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
    out: list[str] = []
    for m in doc.mentions_in(start, end, "country", "country_adj"):
        if not doc.in_quote(m.start) and str(m.value) not in out:
            out.append(str(m.value))
    return out


def _state_actors(doc: Document, sentence: Sentence, meeting: Meeting | None) -> bool:
    """Whether states act here: a meeting, an office holder, or a country named as such.

    "der Deutsche Alpenverein und der kasachische Bergsportverband unterzeichneten eine Vereinbarung"
    names countries only through adjectives of clubs: no state signs.
    """
    if meeting is not None or doc.persons_in(sentence.start, sentence.end):
        return True
    if doc.mentions_in(sentence.start, sentence.end, "role"):
        return True
    if doc.cues.NON_STATE.search(sentence.text):
        return False  # "Eni signed an agreement with Kazakhstan's state-owned KazMunayGas": companies sign
    return any(not doc.in_quote(m.start) for m in doc.mentions_in(sentence.start, sentence.end, "country"))


def _meeting_for(doc: Document, sentence: Sentence, before: int) -> Meeting | None:
    """The meeting a sentence speaks of: a meeting word in it, else the last one mentioned before it."""
    inside = [
        doc.meeting_mentions[m.start]
        for m in doc.mentions_in(sentence.start, sentence.end, "meeting")
        if m.start in doc.meeting_mentions
    ]
    if inside:
        return inside[0]
    earlier = [(start, meeting) for start, meeting in doc.meeting_mentions.items() if start < before]
    if not earlier:
        return None
    start, meeting = max(earlier, key=lambda x: x[0])
    mention_sentence = doc.sentence_at(start)
    if mention_sentence and sentence.paragraph - mention_sentence.paragraph <= 4:
        return meeting
    return None


def _title(doc: Document, mention: Mention, sentence: Sentence) -> str:
    tail = doc.text[mention.start : sentence.end]
    stop = _TITLE_STOP.search(tail, len(mention.text))
    title = tail[: stop.start()] if stop else tail
    return title.strip()[:200]


def _agreement_status(doc: Document, sentence: Sentence, agreement_type: str) -> str | None:
    text = sentence.text
    cues = doc.cues
    if cues.CANCELLED.search(text):
        return "cancelled"
    signed = cues.SIGNED.search(text)
    adopted = cues.ADOPTED.search(text)
    if not signed and not adopted:
        return None
    if cues.PLANNED.search(text) and not re.search(r"\b(?:wurde|wurden|haben|hat|was|were|have|has)\b", text):
        return "planned"
    if adopted and agreement_type in ("joint-statement", "declaration") and not signed:
        return "adopted"
    return "signed"


def find_agreements(doc: Document) -> None:
    seen: dict[tuple, Agreement] = {}
    for sentence in doc.sentences:
        for mention in doc.mentions_in(sentence.start, sentence.end, "agreement"):
            if doc.in_quote(mention.start):
                continue
            agreement_type = str(mention.value)
            status = _agreement_status(doc, sentence, agreement_type)
            if status is None:
                continue
            before = doc.text[max(sentence.start, mention.start - 40) : mention.start]
            if doc.cues.NEGATION.search(before) or re.search(r"\b(?:nicht|not|never)\b", sentence.text):
                continue
            meeting = _meeting_for(doc, sentence, mention.start)
            between = _BETWEEN.search(doc.text, mention.end, sentence.end)
            if between:
                parties = _countries_in(doc, between.end(), sentence.end)
            else:
                parties = _countries_in(doc, sentence.start, sentence.end)
            if len(parties) < 2 and meeting is not None:
                parties = list(dict.fromkeys([*parties, *meeting.participant_countries]))
            if (
                (len(parties) < 2 and meeting is None)
                or not parties
                or not _state_actors(doc, sentence, meeting)
            ):
                continue  # an agreement has two parties (or a meeting that says who they are), and states
            period = find_year_range(doc.text, sentence.start, sentence.end) or _valid_until(doc, sentence)
            dates = [
                d
                for d in find_dates(
                    doc.text, article_date=doc.article.date, start=sentence.start, end=sentence.end
                )
            ]
            signed_on = dates[0].value if dates else (meeting.date if meeting else None)
            organizations = []
            if _MINISTRIES.search(doc.text, mention.end, sentence.end):
                organizations = [_foreign_ministry(iso) for iso in parties]
            same = _same_agreement(seen.values(), agreement_type, parties, period)
            if same is not None:  # told twice: in the headline and in the body
                evidence = doc.evidence(sentence)
                if same.evidence[-1] != evidence:  # sentences come in order: a repeat is the last one
                    same.evidence.append(evidence)
                if period and same.valid_from is None and same.valid_until is None:
                    same.valid_from, same.valid_until = period
                same.signed_at = same.signed_at or (meeting.key if meeting else None)
                same.signed_on = same.signed_on or signed_on
                if len(title := _title(doc, mention, sentence)) > len(same.title or ""):
                    same.title = title
                continue
            key = (agreement_type, tuple(sorted(parties)), period and str(period))
            agreement = Agreement(
                agreement_type=agreement_type,
                evidence=[doc.evidence(sentence)],
                parties=parties,
                party_organizations=organizations,
                signed_on=signed_on,
                signed_at=meeting.key if meeting else None,
                valid_from=period[0] if period else None,
                valid_until=period[1] if period else None,
                title=_title(doc, mention, sentence),
                status=status,
                confidence=0.9 if between or len(parties) >= 2 else 0.7,
            )
            seen[key] = agreement
            doc.found.agreements.append(agreement)


def _mission_status(doc: Document, sentence: Sentence) -> str | None:
    text = sentence.text
    if doc.cues.MISSION_CLOSED.search(text):
        return "closed"
    if doc.cues.MISSION_AGREED.search(text):
        return "agreed"
    if doc.cues.MISSION_OPENED.search(text):
        return "opened"
    return None


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
    # "Kasachstan unterhält seit Jahren ein Generalkonsulat in Urumqi": the country that keeps it
    clause_start = max(sentence.start, doc.text.rfind(",", sentence.start, mention.start) + 1)
    subjects = doc.mentions_in(clause_start, mention.start, "country")
    if subjects and subjects[0].start - clause_start < 3:
        return str(subjects[0].value)
    return None


def find_missions(doc: Document) -> None:
    for sentence in doc.sentences:
        status = None
        for mention in doc.mentions_in(sentence.start, sentence.end, "mission"):
            if doc.in_quote(mention.start):
                continue
            status = status or _mission_status(doc, sentence)
            if status is None:
                break
            if doc.cues.NEGATION.search(doc.text[max(sentence.start, mention.start - 40) : mention.start]):
                continue
            sending = _sending_country(doc, sentence, mention)
            place = None
            host = None
            cities = doc.mentions_in(sentence.start, sentence.end, "city")
            if cities:  # "ein Generalkonsulat in Guangzhou", "in der Stadt Aktobe ein Generalkonsulat"
                city = min(
                    cities, key=lambda c: abs(c.start - mention.start) + (0 if c.start > mention.start else 5)
                )
                c = city.value[0]  # type: ignore[index]
                place = PlaceRef(name=c.name, country=c.country, geonames_id=c.geonames_id)
                host = c.country
            if host is None:
                hosts = doc.mentions_in(mention.end, min(sentence.end, mention.end + 60), "country")
                if hosts:
                    host = str(hosts[0].value)
            if sending is None or host is None or sending == host:
                continue
            doc.found.missions.append(
                Mission(
                    mission_type=str(mention.value),
                    evidence=[doc.evidence(sentence)],
                    sending_country=sending,
                    host_country=host,
                    place=place,
                    status=status,
                    confidence=0.85 if place else 0.7,
                )
            )
