"""Trade, investment and aid figures, and quotes with their speakers.

Needs: statistic, country, country_adj mentions; people; meetings.
Adds: ``found.statistics``, ``found.statements``.

A money amount becomes a Statistic when its sentence names what it measures
("Handelsvolumen", "investment"). The countries are those the sentence
names; a sentence that says only "both countries" takes them from the
previous figure or sentence of the paragraph. The year is the one the
sentence gives, never a guess.
"""

from __future__ import annotations

import re

from kg.extract.dates import find_dates
from kg.extract.document import Document
from kg.extract.matcher import Mention
from kg.extract.numbers import MoneyMention, find_money
from kg.extract.text import Sentence
from kg.model import Evidence, Statement, Statistic

__all__ = ["find_quotes", "find_statistics"]


_GROUP_BACK = re.compile(
    r"\b(?:the|these|those|all|den|die|diesen|alle[nr]?)\s+(?P<n>three|four|five|six|drei|vier|fünf|sechs)\s+"
    r"(?:countries|states|republics|nations|Staaten|Ländern|Länder|Republiken)\b"
)
_LOOKBACK = 20_000  # characters: the group is named in the recent text (and long input stays linear)
_NUMBER = {"three": 3, "drei": 3, "four": 4, "vier": 4, "five": 5, "fünf": 5, "six": 6, "sechs": 6}


def _group_referred(doc: Document, sentence: Sentence) -> list[str]:
    """ "trade with the five countries": the group of that size the article named before."""
    out: list[str] = []
    for m in _GROUP_BACK.finditer(doc.text, sentence.start, sentence.end):
        size = _NUMBER[m.group("n").lower()]
        earlier = [
            g
            for g in doc.mentions_in(max(0, m.start() - _LOOKBACK), m.start(), "country_group")
            if len(g.value) == size  # type: ignore[arg-type]
        ]
        if earlier and not doc.mentions_in(m.start(), m.end(), "country_group"):
            out.extend(str(c) for c in earlier[-1].value if c not in out)  # type: ignore[union-attr]
    return out


def _countries(doc: Document, sentence: Sentence) -> list[str]:
    out: list[str] = []
    currencies = [(c.start, c.end) for c in doc.mentions_in(sentence.start, sentence.end, "currency")]
    for m in doc.mentions_in(sentence.start, sentence.end, "country", "country_adj", "country_group"):
        if any(s <= m.start < e for s, e in currencies) or doc.text.startswith("$", m.end):
            continue  # "US$1.1 billion" names a currency, not the United States
        if _RANKED_WITHIN.search(doc.text, max(sentence.start, m.start - 40), m.start):
            continue  # "Indiens wichtigster Handelspartner in der EU": where it ranks, not a party
        for iso in m.value if m.kind == "country_group" else (m.value,):  # type: ignore[union-attr]
            if str(iso) not in out:
                out.append(str(iso))
    for token in re.findall(r"\b\w+(?:-\w+)+\b", sentence.text):
        parts = [doc.lexicon.adjective_parts.get(p.lower()) for p in token.split("-")]
        if all(parts):
            out.extend(p for p in parts if p not in out)  # type: ignore[misc]
    out.extend(c for c in _group_referred(doc, sentence) if c not in out)
    for fmt in doc.mentions_in(
        sentence.start, sentence.end, "format"
    ):  # "the GCC countries", "EU member states"
        if _MEMBERS_AFTER.match(doc.text, fmt.end):
            out.extend(c for c in _format_members(str(fmt.value)) if c not in out)
    return out


_RANKED_WITHIN = re.compile(
    r"[Pp]artner\w*\s+(?:in|within|innerhalb|among|unter)\s+(?:der|den|the|of the)?\s*$"
)
_MEMBERS_AFTER = re.compile(
    r"[\s-]+(?:countries|states|member states|members|nations|Staaten|Mitgliedstaaten|Mitgliedsstaaten|Länder|"
    r"Ländern|Mitglieder)\b"
)


def _format_members(format_id: str) -> tuple[str, ...]:
    from kg import reference

    fmt = reference.formats().get(format_id)
    return tuple(fmt.members) if fmt else ()


_GERMAN_COMPOUND = re.compile(
    r"\b\w+?(?P<head>handel|handels|umsatz|umsatzes|volumen|investitionen|investition|hilfe|hilfen)\b"
)
_COMPOUND_KIND = {"handel": "trade-volume", "handels": "trade-volume", "umsatz": "trade-volume",
                  "umsatzes": "trade-volume", "volumen": "trade-volume", "investitionen": "investment",
                  "investition": "investment", "hilfe": "other", "hilfen": "other"}  # fmt: skip


def _compound_statistic_words(doc: Document, sentence: Sentence) -> list[tuple[re.Match[str], str]]:
    """German compounds the lexicon cannot list one by one: "Warenhandel", "Auslandsinvestitionen"."""
    if doc.lang != "de":
        return []
    return [
        (m, _COMPOUND_KIND[m.group("head").lower()])
        for m in _GERMAN_COMPOUND.finditer(sentence.text)
        if m.group(0)[:1].isupper()
    ]


_NAME_GOES_ON = re.compile(r"\s+[A-Z][\w&-]*")


_BY_YEAR = re.compile(r"\s*(?:\w+\s+){0,3}?(?:by|bis|until|bis zum Jahr)\s+(?P<year>(?:20)\d\d)\b")


def _by_a_later_year(doc: Document, money: MoneyMention, year: int | None) -> bool:
    """An amount to be reached "by" a year after the article's ("trade of US$ 10 billion by 2030", "bis 2030
    auf 20 Milliarden"): a target, whatever verb sets it."""
    day = doc.article.date or ""
    m = _BY_YEAR.match(doc.text, money.end)
    return bool(m and day[:4].isdigit() and int(m.group("year")) > int(day[:4]))


def _in_a_name(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """An English statistic word capitalised inside a name ("Dubai-based DP Trade Solutions", "the World
    Trade Organization"): a company's or a body's name, not what a figure measures."""
    return (
        doc.lang == "en"
        and mention.start > sentence.start
        and mention.text[:1].isupper()
        and bool(_NAME_GOES_ON.match(doc.text, mention.end))
    )


_COMPANY_TURNOVER = re.compile(r"\b(?:turnover|revenue|sales|profit|Umsatz|Umsätze|Gewinn)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",\s+(?:while|whereas|but|and|während|wobei|und|aber)\b|;")


def _clause_start(doc: Document, sentence: Sentence, position: int) -> int:
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(doc.text, sentence.start, position)]
    return breaks[-1] if breaks else sentence.start


def _bilateral_pair(doc: Document, sentence: Sentence, also: re.Pattern[str] | None = None) -> list[str]:
    """ "bilateral trade reached $6.4 billion": the two countries of the article's last bilateral meeting."""
    if not doc.cues.BILATERAL.search(sentence.text) and not (also and also.search(sentence.text)):
        return []
    for meeting in reversed(doc.found.meetings):
        if len(meeting.participant_countries) == 2 and meeting.evidence[0].char_start < sentence.start:
            return list(meeting.participant_countries)
    return []


_FISCAL_YEAR = re.compile(
    r"\b(?:fiscal|financial) year\b|\b(?:Fiskal|Haushalts|Geschäfts|Wirtschafts)jahr", re.I
)


def _year_of_clause(doc: Document, sentence: Sentence, money: MoneyMention, amounts: list) -> int | None:
    """With two amounts or more in a sentence, the year the amount's own clause gives: "2024 waren es
    19,2 Mrd. Euro, 2023 erst 17,1 Mrd.", "reached $5bn in 2024, up from $4bn in 2023"."""
    if len(amounts) < 2:
        return None
    low = max([a.end for a in amounts if a.end <= money.start] + [sentence.start])
    high = min([a.start for a in amounts if a.start >= money.end] + [sentence.end])
    low = max(low, doc.text.rfind(",", low, money.start) + 1)
    comma = doc.text.find(",", money.end, high)
    high = comma if comma >= 0 else high
    found = [
        (m.start(), int(m.group("year") or m.group("bare")))
        for m in doc.cues.YEAR_CONTEXT.finditer(doc.text, low, high)
    ]
    if len(found) == 1:
        return found[0][1]
    before = [
        year for at, year in found if at < money.start
    ]  # "lag 2023 bei 6,4 Mrd. … und stieg 2024 auf …"
    return before[-1] if before else None


def _year(doc: Document, sentence: Sentence, money: MoneyMention, amounts: list) -> int | None:
    """The year a figure is for: the one its clause gives, else the one the sentence gives nearest before it,
    or "a year earlier" than that."""
    if _FISCAL_YEAR.search(doc.text, sentence.start, sentence.end):
        return None  # "in the fiscal year to March 2025" is no calendar year
    own = _year_of_clause(doc, sentence, money, amounts)
    if own is not None:
        return own
    best = None
    for m in doc.cues.YEAR_CONTEXT.finditer(doc.text, sentence.start, sentence.end):
        if m.start() > money.start + 80:
            break
        best = int(m.group("year") or m.group("bare"))
    if best is not None and doc.cues.PREVIOUS_YEAR.search(doc.text[money.end : sentence.end]):
        return best - 1
    if best is None:  # "Last year British companies invested …", "im Vorjahr"
        for found in find_dates(
            doc.text, article_date=doc.article.date, start=sentence.start, end=sentence.end
        ):
            if found.value.datatype == "gYear":
                return int(found.value.lexical)
    return best


def _previous_countries(doc: Document, position: int) -> list[str]:
    """The countries of the nearest sentence before ``position`` in its paragraph that names two or more."""
    for sentence in reversed(doc.sentences[:position]):
        if sentence.paragraph != doc.sentences[position].paragraph:
            break
        countries = _countries(doc, sentence)
        if len(countries) >= 2:
            return countries
    return []


def _pair_before(doc: Document, position: int) -> list[str]:
    """The two countries of the sentence right before, in the same paragraph (none when it names more or fewer)."""
    if position == 0 or doc.sentences[position - 1].paragraph != doc.sentences[position].paragraph:
        return []
    countries = _countries(doc, doc.sentences[position - 1])
    return countries if len(countries) == 2 else []


def _continued(
    doc: Document, position: int, before: Statistic | None, countries: list[str]
) -> Statistic | None:
    """The figure of the sentence right before, when this one goes on with another year of it and names no
    other measure or country: "… erreichte das Handelsvolumen 2025 rund 21,4 Mrd. Euro. 2024 waren es
    19,2 Mrd. Euro, 2023 erst 17,1 Mrd."."""
    if before is None or position == 0 or countries:
        return None  # a sentence that names a country speaks of its own subject ("Kazakhstan's GDP …")
    sentence, previous = doc.sentences[position], doc.sentences[position - 1]
    if previous.paragraph != sentence.paragraph or before.evidence[0].char_start != previous.start:
        return None
    return before if doc.cues.SAME_MEASURE.search(sentence.text) else None  # "… waren es", "up from"


def find_statistics(doc: Document) -> None:
    last_pair: list[str] = []
    last: Statistic | None = None  # the figure of the last sentence that gave one
    for position, sentence in enumerate(doc.sentences):
        amounts = find_money(doc.text, lang=doc.lang, start=sentence.start, end=sentence.end)
        if not amounts:
            continue  # the countries of a sentence are read only where there is money to read
        countries = _countries(doc, sentence)
        previous = countries if len(countries) >= 2 else _previous_countries(doc, position)
        prior = last  # the figure the sentence before gave, for every amount of this one
        for money in amounts:
            if doc.in_quote(money.start) and not doc.cues.BILATERAL.search(sentence.text):
                continue  # a speaker's figure counts when it says whose ("bilateral trade", "both countries")
            kinds = [
                (m.start, str(m.value))
                for m in doc.mentions_in(sentence.start, sentence.end, "statistic")
                if not _in_a_name(doc, sentence, m)
            ]
            kinds += [
                (sentence.start + m.start(), kind) for m, kind in _compound_statistic_words(doc, sentence)
            ]
            kinds += [(sentence.start + m.start(), "other") for m in doc.cues.FUNDING.finditer(sentence.text)]
            year = _year(doc, sentence, money, amounts)
            continued = None if kinds else _continued(doc, position, prior, countries)
            carried: list[str] = []  # the countries of the figure this amount goes on with
            if (
                continued is not None
                and year is not None
                and year != continued.year
                and money.currency == continued.currency
            ):
                kinds = [(money.start, continued.statistic_type)]  # the same measure, another year
                carried = list(continued.concerns)
            if not kinds:
                continue
            clause_start = _clause_start(doc, sentence, money.start)
            before = [k for k in kinds if clause_start <= k[0] < money.start]
            # the word that says what a figure measures stands before it in its clause:
            # "trade turnover … amounted to USD 612 million, while direct investment … reached €450m"
            nearest = max(before) if before else min(kinds, key=lambda k: abs(k[0] - money.start))
            if doc.cues.TARGET.search(doc.text[max(sentence.start, money.start - 40) : money.start]):
                continue  # "the goal of raising it to $15 billion" is a target, not a figure
            if _by_a_later_year(doc, money, year):
                continue  # "trade of US$ 10 billion by 2030": a target
            if doc.cues.AGGREGATE.search(doc.text, _clause_start(doc, sentence, money.start), money.start):
                continue  # "India's trade with the EU's 27 members crossed $140 billion": no two states' figure
            named = doc.mentions_in(sentence.start, sentence.end, "country", "country_group")
            company_turnover = _COMPANY_TURNOVER.search(sentence.text)
            if company_turnover and doc.cues.NON_STATE.search(sentence.text) and not named:
                continue  # "the group, owned by Kazakh and Turkish investors, said turnover rose …": a company's figure
            concerns = carried or _compound_pair(doc, nearest[0], sentence) or countries or previous
            concerns = concerns or _bilateral_pair(doc, sentence)
            if not concerns and nearest[1] == "trade-volume" and position > 0:
                before = doc.sentences[
                    position - 1
                ]  # "relations between the two countries …. Trade turnover …"
                if before.paragraph == sentence.paragraph:
                    concerns = _bilateral_pair(doc, before)
            if len(concerns) == 1:  # "Der Handel zwischen beiden Ländern", "investierten … in dem Land"
                pair = _bilateral_pair(doc, sentence, also=doc.cues.OTHER_COUNTRY)
                if (
                    concerns[0] not in pair
                    and last_pair
                    and (
                        doc.cues.BILATERAL.search(sentence.text)
                        or doc.cues.OTHER_COUNTRY.search(sentence.text)
                    )
                ):
                    pair = last_pair  # the pair of the figure before: "… in dem Land" after "Handel zwischen beiden"
                if concerns[0] not in pair and doc.cues.THEREBY.search(sentence.text):
                    pair = _pair_before(doc, position)  # "Deutschland stellt damit … bereit"
                if concerns[0] not in pair and nearest[1] == "trade-volume":
                    pair = _lead_pair(
                        doc
                    )  # "Das Handelsvolumen stieg …, doch Kasachstan …" in a report on KZ-RU
                if concerns[0] in pair:
                    concerns = pair
            if len(concerns) < 2:
                continue  # a trade or aid figure is between countries: one alone is a country's own figure
            if nearest[1] == "other" and len(set(concerns)) > 2:
                continue  # aid goes from a donor to a recipient: "Saudi Arabia and Qatar each pledged …, the UAE …"
            if len(concerns) == 2:
                last_pair = list(concerns)
            statistic = Statistic(
                statistic_type=nearest[1],
                value=money.value,
                evidence=[doc.evidence(sentence)],
                currency=money.currency,
                year=year,
                concerns=list(concerns),
                confidence=_figure_confidence(countries, concerns),
            )
            doc.found.statistics.append(statistic)
            last = statistic
    _one_amount_one_figure(doc)


def _one_amount_one_figure(doc: Document) -> None:
    """An amount the headline tells as a pledge and the body as an investment ("Korea pledges US$2.3bn
    for Chilean lithium", "South Korean companies will invest US$2.3bn in Chile's lithium …") is one
    figure: the "other" reading goes when the same amount of the same states has a named kind."""
    named = {
        (s.value, s.currency, frozenset(s.concerns))
        for s in doc.found.statistics
        if s.statistic_type != "other"
    }
    doc.found.statistics[:] = [
        s
        for s in doc.found.statistics
        if s.statistic_type != "other" or (s.value, s.currency, frozenset(s.concerns)) not in named
    ]


_COMPOUND_BEFORE = re.compile(r"([\w]+(?:-[\w]+)+)\s+(?:\w+\s+)?$")


def _lead_pair(doc: Document) -> list[str]:
    """The two countries of the article's first meeting, when it has exactly two: the pair a report
    on one visit is about."""
    first = doc.found.meetings[0] if doc.found.meetings else None
    countries = list(dict.fromkeys(first.participant_countries)) if first else []
    return countries if len(countries) == 2 else []


def _compound_pair(doc: Document, measure: int, sentence: Sentence) -> list[str]:
    """ "Turkish-Kazakh trade reached …, less than a tenth of Sino-Kazakh trade": the countries of the
    compound adjective right before the measure word, not every country of the sentence."""
    m = _COMPOUND_BEFORE.search(doc.text, max(sentence.start, measure - 60), measure)
    if not m:
        return []
    parts = [doc.lexicon.adjective_parts.get(p.lower()) for p in m.group(1).split("-")]
    return list(dict.fromkeys(parts)) if all(parts) and len(set(parts)) >= 2 else []  # type: ignore[arg-type]


def _figure_confidence(named: list[str], concerns: list[str]) -> float:
    """Measured (docs/evaluation.md): a figure between two countries its sentence names is right; one whose
    countries come from elsewhere in the article, or a group of many, less often; one country alone rarely."""
    if len(concerns) < 2:
        return 0.4
    if len(named) == 2 and set(named) == set(concerns):
        return 0.9
    return 0.75


def _speaker(doc: Document, start: int, end: int) -> str | None:
    persons = doc.persons_in(start, end)
    if not persons or not doc.cues.SPEECH_VERBS.search(doc.text, start, end):
        return None
    return persons[0].name if start < end else None


def find_quotes(doc: Document) -> None:
    for q_start, q_end in doc.quotes:
        sentence = doc.sentence_at(q_start) or doc.sentence_at(max(0, q_start - 1))
        if sentence is None:
            continue
        paragraph = doc.paragraphs[sentence.paragraph]
        # "…“, erklärte Atteneu." (speaker after) or "Wang Yi erklärte: „…“" (speaker before)
        after_end = min(paragraph.end, q_end + 120)
        stop = re.search(r"[.!?](?:\s|$)", doc.text[q_end + 1 : after_end])
        speaker = _speaker(doc, q_end, q_end + 1 + stop.start() if stop else after_end)
        if speaker is None:
            before_start = max(paragraph.start, q_start - 120)
            head = doc.text[before_start:q_start]
            cut = max(head.rfind(". "), head.rfind("\n"))
            speaker = _speaker(doc, before_start + cut + 1 if cut >= 0 else before_start, q_start)
        if speaker is None:
            continue
        end_sentence = doc.sentence_at(q_end) or sentence
        start, end = sentence.start, max(end_sentence.end, q_end + 1)
        meeting = None
        for m in doc.mentions_in(sentence.start, end, "meeting"):
            if m.start in doc.meeting_mentions and not (q_start <= m.start < q_end):
                meeting = doc.meeting_mentions[m.start]
                break
        doc.found.statements.append(
            Statement(
                speaker=speaker,
                text=doc.text[q_start:q_end].strip(),
                lang=doc.lang,
                evidence=[Evidence(doc.text[start:end], start, end)],
                made_at=meeting.key if meeting else None,
                confidence=0.85,
            )
        )
