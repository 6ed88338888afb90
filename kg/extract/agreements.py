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
    following = doc.sentences[sentence.index + 1 : sentence.index + 2]
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
        if not doc.in_quote(m.start) and str(m.value) not in out and not _mediator(doc, m):
            out.append(str(m.value))
    return out


def _mediator(doc: Document, m: Mention) -> bool:
    """ "unter türkischer Vermittlung", "mediated by Qatar": a country that brokered the text is no party."""
    cues = doc.cues
    return bool(
        cues.MEDIATOR_AFTER.match(doc.text[m.end : m.end + 20])
        or cues.MEDIATOR.search(doc.text[max(0, m.start - 30) : m.start])
    )


# German compounds the lexicon cannot list one by one: "Grenzvertrag", "Freihandelsabkommen"
_COMPOUND = re.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß]{2,}(?:s-?)?(?P<head>vertrag|vertrages|vertrags|abkommen|abkommens|vereinbarung)\b"
)
_ONE_DETERMINER = re.compile(
    r"\b(?:ein|einen|eines|einem|einer|der|den|dem|des|das|dieses|diesen|diesem)\s+(?:[a-zäöüß][\w-]*\s+)?$"
)
_COMPOUND_TYPE = {"vertrag": "treaty", "vertrages": "treaty", "vertrags": "treaty"}


def _agreement_mentions(doc: Document, sentence: Sentence) -> list[Mention]:
    """The agreement words of a sentence: the lexicon's, and in German the compounds of "-vertrag"/"-abkommen"."""
    found = doc.mentions_in(sentence.start, sentence.end, "agreement")
    if doc.lang != "de":
        return found
    for m in _COMPOUND.finditer(doc.text, sentence.start, sentence.end):
        if any(a.start < m.end() and m.start() < a.end for a in found):
            continue
        if not _ONE_DETERMINER.search(doc.text, max(sentence.start, m.start() - 30), m.start()):
            continue  # "zahlreiche Wirtschaftsabkommen": no one text with parties
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


_PARTY_LINK = re.compile(r"\b(?:with|by|mit|von|durch)\b")


def _parties_around(doc: Document, sentence: Sentence, mention: Mention) -> list[str]:
    """The countries that sign: those before the agreement word, and after it only behind "with"/"by"/"mit".

    "the ministers adopted a joint communique calling for a halt to violence in Myanmar": Myanmar is
    what the communique is about, not who adopted it.
    """
    parties = _countries_in(doc, sentence.start, mention.start)
    for person in doc.persons_in(sentence.start, mention.start):  # the signatories' countries
        country = doc.person_country.get(person.name)
        if country and country not in parties and not doc.in_quote(person.start):
            parties.append(country)
    link = _PARTY_LINK.search(doc.text, mention.end, sentence.end)
    if link:
        parties += [c for c in _countries_in(doc, link.end(), sentence.end) if c not in parties]
    return parties


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


def _meeting_for(doc: Document, sentence: Sentence, before: int, starts: list[int]) -> Meeting | None:
    """The meeting a sentence speaks of: a meeting word in it, else the last one mentioned before it."""
    inside = [
        doc.meeting_mentions[m.start]
        for m in doc.mentions_in(sentence.start, sentence.end, "meeting")
        if m.start in doc.meeting_mentions
    ]
    if inside:
        return inside[0]
    i = bisect.bisect_left(starts, before)  # starts: the sorted keys of doc.meeting_mentions
    if i == 0:
        return None
    start = starts[i - 1]
    meeting = doc.meeting_mentions[start]
    mention_sentence = doc.sentence_at(start)
    if mention_sentence and sentence.paragraph - mention_sentence.paragraph <= 4:
        return meeting
    return None


def _title(doc: Document, mention: Mention, sentence: Sentence) -> str:
    tail = doc.text[mention.start : sentence.end]
    stop = _TITLE_STOP.search(tail, len(mention.text))
    title = tail[: stop.start()] if stop else tail
    return title.strip()[:200]


def _agreement_status(doc: Document, sentence: Sentence, agreement_type: str, mention: Mention) -> str | None:
    text = sentence.text
    cues = doc.cues
    if cues.CANCELLED.search(text):
        return "cancelled"
    signed = cues.SIGNED.search(text)
    adopted = cues.ADOPTED.search(text)
    if not signed and not adopted:
        return None
    if cues.READY_TO_SIGN.search(text):
        return "intended"  # "Azerbaijan was still ready to sign a peace treaty": no agreement yet
    before = doc.text[max(sentence.start, mention.start - 60) : mention.start]
    if cues.SIGNED_PAST.search(before):
        # "signed a memorandum … that the source said would make it easier": the "would" is not the signing's
        return "signed"
    if cues.PLANNED.search(text) and not re.search(r"\b(?:wurde|wurden|haben|hat|was|were|have|has)\b", text):
        return "planned"
    if adopted and agreement_type in ("joint-statement", "declaration") and not signed:
        return "adopted"
    return "signed"


def find_agreements(doc: Document) -> None:
    seen: dict[tuple, Agreement] = {}
    meeting_starts = sorted(doc.meeting_mentions)
    for sentence in doc.sentences:
        for mention in _agreement_mentions(doc, sentence):
            if doc.in_quote(mention.start):
                continue
            agreement_type = str(mention.value)
            status = _agreement_status(doc, sentence, agreement_type, mention)
            if status is None or status == "intended":
                continue
            before = doc.text[max(sentence.start, mention.start - 40) : mention.start]
            if doc.cues.NEGATION.search(before) or re.search(r"\b(?:nicht|not|never)\b", sentence.text):
                continue
            if _denied(doc, sentence) or doc.cues.SPECULATIVE.search(sentence.text):
                continue
            if doc.cues.NEGOTIATED.search(doc.text[max(sentence.start, mention.start - 80) : mention.start]):
                continue
            meeting = _meeting_for(doc, sentence, mention.start, meeting_starts)
            between = _BETWEEN.search(doc.text, mention.end, sentence.end)
            relative = _relative_parties(doc, sentence, mention)
            if between:
                parties = _countries_in(doc, between.end(), sentence.end)
            elif relative:
                parties = relative
            else:
                parties = _parties_around(doc, sentence, mention)
            if len(parties) < 2 and meeting is not None:
                parties = list(dict.fromkeys([*parties, *meeting.participant_countries]))
            if len(parties) < 2 and not between:  # "Agreement on … of the Government of X and of Y"
                parties = list(dict.fromkeys([*parties, *_countries_in(doc, sentence.start, sentence.end)]))
            if (
                (len(parties) < 2 and (meeting is None or status == "planned"))
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
                confidence=_agreement_confidence(status, parties, between is not None),
            )
            seen[key] = agreement
            doc.found.agreements.append(agreement)


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
    own = re.search(
        r"\b(?:its|their|seine[mnrs]?|ihre[mnrs]?)\s+(?:\w+\s+)?$", doc.text[clause_start : mention.start]
    )
    if own:  # "BISHKEK, Aug 6 — Kyrgyzstan has closed its embassy": the country whose mission it is
        subjects = doc.mentions_in(sentence.start, mention.start, "country")
        if subjects:
            return str(subjects[-1].value)
    return None


def find_missions(doc: Document) -> None:
    for sentence in doc.sentences:
        sentence_status = _mission_status(doc, sentence)
        if sentence_status is None or doc.cues.DENIED.search(sentence.text):
            continue  # "a spokesperson denied reports that the embassy would be downgraded"
        cursor = sentence.start
        last_sending: str | None = None
        for mention in doc.mentions_in(sentence.start, sentence.end, "mission"):
            # "has closed its embassy in Kuwait City and opened a consulate in Busan": each its own verb
            status = _mission_status_in(doc, cursor, mention.end) or sentence_status
            cursor = mention.end
            if doc.in_quote(mention.start):
                continue
            if doc.cues.NEGATION.search(doc.text[max(sentence.start, mention.start - 40) : mention.start]):
                continue
            sending = (
                _sending_country(doc, sentence, mention) or last_sending
            )  # "…, opens consulate in Busan"
            last_sending = sending
            place = None
            host = None
            cities = [
                c
                for c in doc.mentions_in(sentence.start, sentence.end, "city")
                if -60 <= c.start - mention.end <= 60 or 0 <= mention.start - c.end <= 60
            ]
            country_after = doc.mentions_in(mention.end, min(sentence.end, mention.end + 25), "country")
            if country_after and re.fullmatch(
                r"\s+(?:in|im|in der)\s+", doc.text[mention.end : country_after[0].start]
            ):
                cities = []  # "embassy in Kuwait, opens consulate in Busan": the country comes first
            if cities:  # "ein Generalkonsulat in Guangzhou", "in der Stadt Aktobe ein Generalkonsulat"
                city = min(
                    cities,
                    key=lambda c: abs(c.start - mention.start) + (0 if c.start > mention.start else 40),
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
            told = next(
                (
                    m
                    for m in doc.found.missions
                    if (m.mission_type, m.sending_country, m.host_country, m.status)
                    == (str(mention.value), sending, host, status)
                    and (m.place is None or place is None or m.place.key == place.key)
                ),
                None,
            )
            if told is not None:  # the headline's "embassy in Kuwait" is the body's "embassy in Kuwait City"
                told.place = told.place or place
                told.confidence = 0.85 if told.place else told.confidence
                if told.evidence[-1] != doc.evidence(sentence):
                    told.evidence.append(doc.evidence(sentence))
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
