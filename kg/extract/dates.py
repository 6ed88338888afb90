"""Dates in German and English text, kept as precise as the text allows.

A day and month without a year become ``xsd:gMonthDay`` ("--04-26") unless
the article's own date supplies the year (then ``xsd:date`` with resolution
"relative-to-article"). Weekdays and "yesterday"/"gestern" resolve against the
article date and yield nothing without one. A year is never invented.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.model import DateValue

__all__ = ["DateMention", "find_dates", "find_year_range", "shift_date", "year_before_if_after"]

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10,
    "december": 12,
    "jan": 1, "feb": 2, "mär": 3, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dez": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
RELATIVE_DAYS = {"heute": 0, "today": 0, "gestern": -1, "yesterday": -1, "vorgestern": -2, "morgen": 1,
                 "tomorrow": 1, "übermorgen": 2}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)"
_PATTERNS = [
    # a range of days, by its first: "vom 3. bis 5. März", "3-5 March 2026", "March 3-5", "March 3 to 5"
    re.compile(
        rf"\b{_DAY}\.?\s*(?:bis|to|until|[-–—])\s*[0-3]?\d\.?\s+{_MONTH}(?:\s+{_YEAR})?\b", re.IGNORECASE
    ),
    re.compile(
        rf"\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\s*(?:-|–|—|to|through)\s*[0-3]?\d(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?",
        re.IGNORECASE,
    ),
    # 26. April 2025 / 26. April / 26 April 2025
    re.compile(rf"\b{_DAY}(?:\.|st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.IGNORECASE),
    # April 26, 2025 / April 26 / April 26th
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?", re.IGNORECASE),
    # 2025-04-26
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    # 26.04.2025
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
]
_MONTH_YEAR = re.compile(rf"\b(?:im\s+|in\s+)?{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)
_MONTH_ONLY = re.compile(
    r"\b(?:(?:Ende|Anfang|Mitte|im|late|early|mid-?|in)\s+)(?P<month>"
    + "|".join(m for m in MONTHS if (len(m) > 3 and m != "sept") or m in ("mai", "may"))
    + r")\b(?!\s+(?:19|20)\d\d)"
    r"(?:\s+(?:of\s+)?(?P<year_step>last year|next year|this year|vergangenen Jahres|letzten Jahres|des Vorjahres|"
    r"kommenden Jahres|nächsten Jahres|dieses Jahres))?",
    re.IGNORECASE,
)
_MONTH_STEP = re.compile(  # "im vergangenen August", "last August", "next March": the nearest one that way
    r"\b(?P<which>im vergangenen|im letzten|vergangenen|letzten|last|im kommenden|im nächsten|kommenden|nächsten|"
    r"next)\s+(?P<month>"
    + "|".join(m for m in MONTHS if (len(m) > 3 and m != "sept") or m in ("mai", "may"))
    + r")\b(?!\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)
_NAMED_MONTH = re.compile(r"\b(?:" + "|".join(m for m in MONTHS if len(m) > 2) + r")\b", re.IGNORECASE)
_YEAR_STEP = {"last year": -1, "vergangenen jahres": -1, "letzten jahres": -1, "des vorjahres": -1,
              "next year": 1, "kommenden jahres": 1, "nächsten jahres": 1, "this year": 0, "dieses jahres": 0}  # fmt: skip
_WEEKDAY = re.compile(
    r"\b(?:(?:am|on|last|vergangenen|letzten)\s+)?(?P<weekday>"
    + "|".join(WEEKDAYS)
    + r")(?:morgen|vormittag|mittag|nachmittag|abend|nacht)?\b|\b(?P<relative>"
    + "|".join(RELATIVE_DAYS)
    + r")\b",
    re.IGNORECASE,
)
_RELATIVE_PERIOD = re.compile(
    r"\b(?P<which>next|last|this|nächsten|kommenden|vergangenen|letzten|diesen|im kommenden|im nächsten|im vergangenen|"
    r"im letzten|in diesem|im)\s+(?P<unit>month|year|Monat|Jahr)\b|\b(?P<vorjahr>im Vorjahr)\b",
    re.IGNORECASE,
)
_PERIOD_STEP = {"next": 1, "nächsten": 1, "kommenden": 1, "im kommenden": 1, "im nächsten": 1, "last": -1,
                "vergangenen": -1, "letzten": -1, "im vergangenen": -1, "im letzten": -1, "this": 0, "diesen": 0,
                "in diesem": 0}  # fmt: skip
_IN_YEAR = re.compile(
    r"\b(?:in|im Jahr|im Jahre|in the year)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*(?:[-–—/]|bis|to|until)\s*(?:19|20)\d\d)",
    re.IGNORECASE,
)
_RANGE = re.compile(
    r"\b(?P<from>(?:19|20)\d\d)\s*(?:bis|to|until|through|[-–—/])\s*(?P<until>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


_THE_MORNING = re.compile(r"\b(?:am|Am|heute|Heute|gestern|Gestern|jeden|diesen|früh am)\s+$")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: DateValue


def _month_number(token: str) -> int | None:
    token = token.lower().rstrip(".")
    if token.isdigit():
        number = int(token)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(token)


def _nearest_year(month: int, day: int, article_date: dt.date) -> int | None:
    best = None
    for year in (article_date.year - 1, article_date.year, article_date.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        distance = abs((candidate - article_date).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _parse_article_date(article_date: str | None) -> dt.date | None:
    if not article_date:
        return None
    try:
        return dt.date.fromisoformat(article_date[:10])
    except ValueError:
        return None


def find_dates(
    text: str, *, article_date: str | None, start: int = 0, end: int | None = None, years: bool = False
) -> list[DateMention]:
    """Dates in ``text[start:end]``: absolute, year-less, weekdays and relative days; with ``years``
    also a year after "in"/"im Jahr" ("in Tashkent in 2026") as ``xsd:gYear``."""
    end = len(text) if end is None else end
    base = _parse_article_date(article_date)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for pattern in _PATTERNS:
        for m in pattern.finditer(text, start, end):
            if not free(m.start(), m.end()):
                continue
            month = _month_number(m.group("month"))
            day = int(m.group("day"))
            if month is None or not 1 <= day <= 31:
                continue
            year = m.group("year")
            written = m.group(0).strip()
            try:
                if year:
                    value = DateValue(dt.date(int(year), month, day).isoformat(), "date", written, "absolute")
                elif base:
                    inferred = _nearest_year(month, day, base)
                    if inferred is None:
                        continue
                    value = DateValue(
                        dt.date(inferred, month, day).isoformat(), "date", written, "relative-to-article"
                    )
                else:
                    dt.date(2000, month, day)  # validates the day for a leap year
                    value = DateValue(f"--{month:02d}-{day:02d}", "gMonthDay", written, "absolute")
            except ValueError:
                continue
            found.append(DateMention(m.start(), m.end(), value))
            taken.append((m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(text, start, end):
        if free(m.start(), m.end()):
            month = _month_number(m.group("month"))
            if month:
                value = DateValue(
                    f"{m.group('year')}-{month:02d}", "gYearMonth", m.group(0).strip(), "absolute"
                )
                found.append(DateMention(m.start(), m.end(), value))
                taken.append((m.start(), m.end()))
    if years:
        for m in _IN_YEAR.finditer(text, start, end):
            if free(m.start(), m.end()):
                value = DateValue(m.group("year"), "gYear", m.group(0).strip(), "absolute")
                found.append(DateMention(m.start(), m.end(), value))
                taken.append((m.start(), m.end()))
    if base:
        for m in _MONTH_STEP.finditer(text, start, end):
            if not free(m.start(), m.end()) or m.group("month")[:1].islower():
                continue  # month names are capitalised in both languages: "last may have been" is none
            month = MONTHS[m.group("month").lower()]
            back = m.group("which").lower().endswith(("vergangenen", "letzten", "last"))
            year = base.year - (month >= base.month) if back else base.year + (month <= base.month)
            value = DateValue(f"{year}-{month:02d}", "gYearMonth", m.group(0).strip(), "relative-to-article")
            found.append(DateMention(m.start(), m.end(), value))
            taken.append((m.start(), m.end()))
        for m in _MONTH_ONLY.finditer(text, start, end):  # "Ende August", "in early September"
            if not free(m.start(), m.end()) or m.group(0)[:1].islower() and m.group("month")[:1].islower():
                continue
            month = MONTHS[m.group("month").lower()]
            year = base.year + (1 if month < base.month - 6 else 0) - (1 if month > base.month + 6 else 0)
            if m.group("year_step"):  # "in August last year", "im August vergangenen Jahres"
                year = base.year + _YEAR_STEP[" ".join(m.group("year_step").lower().split())]
            value = DateValue(f"{year}-{month:02d}", "gYearMonth", m.group(0).strip(), "relative-to-article")
            found.append(DateMention(m.start(), m.end(), value))
            taken.append((m.start(), m.end()))
        for m in _WEEKDAY.finditer(text, start, end):
            if not free(m.start(), m.end()):
                continue
            if m.group("weekday"):
                delta = (base.weekday() - WEEKDAYS[m.group("weekday").lower()]) % 7
                prefix = m.group(0).lower()
                if delta == 0 and prefix.startswith(("last", "vergangenen", "letzten")):
                    delta = 7
                day = base - dt.timedelta(days=delta)
            elif m.group("relative") == "Morgen" and _THE_MORNING.search(
                text, max(0, m.start() - 10), m.start()
            ):
                continue  # "am Morgen", "heute Morgen": the morning, not tomorrow
            else:
                day = base + dt.timedelta(days=RELATIVE_DAYS[m.group("relative").lower()])
            value = DateValue(day.isoformat(), "date", m.group(0).strip(), "relative-to-article")
            found.append(DateMention(m.start(), m.end(), value))
            taken.append((m.start(), m.end()))
        for m in _RELATIVE_PERIOD.finditer(text, start, end):
            if not free(m.start(), m.end()):
                continue
            value = _relative_period(m, base)
            if value is not None:
                found.append(DateMention(m.start(), m.end(), value))
                taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def _relative_period(m: re.Match[str], base: dt.date) -> DateValue | None:
    """ "next month" -> gYearMonth, "im kommenden Jahr" -> gYear; a week is too vague to become a date."""
    written = m.group(0).strip()
    if m.group("vorjahr"):
        return DateValue(str(base.year - 1), "gYear", written, "relative-to-article")
    step = _PERIOD_STEP.get(m.group("which").lower())
    if step is None:
        return None
    if m.group("unit").lower() in ("year", "jahr"):
        return DateValue(str(base.year + step), "gYear", written, "relative-to-article")
    month_index = base.year * 12 + base.month - 1 + step
    year, month = divmod(month_index, 12)
    return DateValue(f"{year}-{month + 1:02d}", "gYearMonth", written, "relative-to-article")


def find_year_range(text: str, start: int = 0, end: int | None = None) -> tuple[DateValue, DateValue] | None:
    """A validity period such as "2026 bis 2028" or "for 2025–2027"."""
    m = _RANGE.search(text, start, len(text) if end is None else end)
    if not m or int(m.group("until")) < int(m.group("from")):
        return None
    return (
        DateValue(m.group("from"), "gYear", m.group(0), "absolute"),
        DateValue(m.group("until"), "gYear", m.group(0), "absolute"),
    )


def shift_date(value: DateValue, days: int, *, text: str) -> DateValue | None:
    """``value`` moved by ``days`` (for "a day before the meeting"); None when it cannot be computed."""
    if value.datatype == "date":
        moved = dt.date.fromisoformat(value.lexical) + dt.timedelta(days=days)
        return DateValue(moved.isoformat(), "date", text, "relative-to-event")
    if value.datatype == "gMonthDay":
        month, day = int(value.lexical[2:4]), int(value.lexical[5:7])
        moved = dt.date(2001, month, day) + dt.timedelta(days=days)  # a non-leap year: no 29 February
        return DateValue(f"--{moved.month:02d}-{moved.day:02d}", "gMonthDay", text, "relative-to-event")
    return None


def year_before_if_after(value: DateValue, article_date: str | None) -> DateValue:
    """A day or month whose year was taken from the article's ("im September", "on 3 March") but which
    falls after the article's day, moved to the year before: for a sentence told in the past ("besuchte
    im September Berlin" in June is last September; "im August kommenden Jahres" stays). Anything else
    as it is."""
    base = _parse_article_date(article_date)
    if (
        base is None
        or value.resolution != "relative-to-article"
        or value.datatype not in ("date", "gYearMonth")
        or re.search(r"\b(?:19|20)\d\d\b", value.text)
        or not _NAMED_MONTH.search(value.text)
        or re.search(r"\b(?:year|Jahr\w*|next|this|kommenden|nächsten|dieses)\b", value.text, re.IGNORECASE)
    ):
        return value
    year, rest = int(value.lexical[:4]), value.lexical[4:]
    if value.lexical <= base.isoformat()[: len(value.lexical)]:
        return value  # not after the article's day (ISO forms compare as strings)
    try:
        if value.datatype == "date":
            dt.date.fromisoformat(f"{year - 1}{rest}")  # 29 February
    except ValueError:
        return value
    return DateValue(f"{year - 1}{rest}", value.datatype, value.text, value.resolution)
