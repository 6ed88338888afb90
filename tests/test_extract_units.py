"""Unit tests of the extraction building blocks: text, matcher, dates, numbers."""

from decimal import Decimal

import pytest

from kg.extract.dates import find_dates, find_year_range, shift_date
from kg.extract.matcher import Gazetteer
from kg.extract.numbers import find_money, parse_number
from kg.extract.text import quote_spans, segment


def test_sentences_do_not_split_at_german_ordinal_dates_or_abbreviations():
    text = (
        "Berlin, 3. März – Am 3. März trafen sich die Minister. Dr. Weber sprach mit ca. 20 Gästen.\n\nNeu."
    )
    paragraphs = segment(text)
    assert len(paragraphs) == 2
    sentences = [s.text for s in paragraphs[0].sentences]
    assert sentences == [
        "Berlin, 3. März – Am 3. März trafen sich die Minister.",
        "Dr. Weber sprach mit ca. 20 Gästen.",
    ]
    for s in paragraphs[0].sentences:
        assert text[s.start : s.end] == s.text


def test_english_abbreviations_keep_sentences_whole():
    text = "The U.S. delegation arrived. Mr. Blinken met his counterpart."
    assert [s.text for s in segment(text)[0].sentences] == [
        "The U.S. delegation arrived.",
        "Mr. Blinken met his counterpart.",
    ]


def test_quote_spans_german_and_english_marks():
    text = 'Er sagte: „Wir bauen die Zusammenarbeit weiter aus.“ Dann: "This is a long English quotation."'
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["Wir bauen die Zusammenarbeit weiter aus.", "This is a long English quotation."]


def test_gazetteer_prefers_longest_whole_word_match():
    gaz = Gazetteer()
    gaz.add("China", "country", "CN")
    gaz.add("Zentralasien-China-Format", "format", "central-asia-china")
    gaz.add("Außenminister", "role", "foreign-minister")
    found = gaz.find("Im Zentralasien-China-Format sprach der Außenminister Chinas mit Chinatown.")
    assert [(m.text, m.kind) for m in found] == [
        ("Zentralasien-China-Format", "format"),
        ("Außenminister", "role"),
    ]


def test_gazetteer_fold_first_letter():
    gaz = Gazetteer()
    gaz.add("kasachische", "country_adj", "KZ", fold_first=True)
    assert [m.value for m in gaz.find("Kasachische und kasachische")] == ["KZ", "KZ"]


def test_year_less_date_stays_month_day():
    (d,) = find_dates("Am 26. April fand das Treffen statt.", article_date=None)
    assert (d.value.lexical, d.value.datatype) == ("--04-26", "gMonthDay")


def test_year_from_article_date_is_marked_relative():
    (d,) = find_dates("On April 26 the ministers met.", article_date="2025-04-28")
    assert d.value.lexical == "2025-04-26"
    assert d.value.resolution == "relative-to-article"


def test_absolute_and_weekday_dates():
    found = find_dates("Am Dienstag, 14. Januar 2025, und gestern.", article_date="2025-01-16")
    assert [d.value.lexical for d in found] == ["2025-01-14", "2025-01-14", "2025-01-15"]
    assert find_dates("am Dienstag", article_date=None) == []


def test_year_range_and_shift():
    start, end = find_year_range("für den Zeitraum 2026 bis 2028")
    assert (start.lexical, end.lexical, start.datatype) == ("2026", "2028", "gYear")
    assert find_year_range("from 2028 to 2026") is None
    (d,) = find_dates("am 26. April", article_date=None)
    assert shift_date(d.value, -1, text="einen Tag vor").lexical == "--04-25"


@pytest.mark.parametrize(
    ("text", "lang", "value", "currency"),
    [
        ("ein Volumen von 43,8 Milliarden US-Dollar", "de", Decimal("43.8e9"), "USD"),
        ("trade reached $43.8 billion", "en", Decimal("43.8e9"), "USD"),
        ("rund 1,5 Mrd. Euro", "de", Decimal("1.5e9"), "EUR"),
        ("USD 850 million in loans", "en", Decimal("850e6"), "USD"),
        ("€1.2bn of aid", "en", Decimal("1.2e9"), "EUR"),
        ("12.4 billion euros", "en", Decimal("12.4e9"), "EUR"),
        ("1.250.000 Euro", "de", Decimal("1250000"), "EUR"),
    ],
)
def test_money_in_both_number_formats(text, lang, value, currency):
    (m,) = find_money(text, lang=lang)
    assert m.value == value
    assert m.currency == currency


def test_parse_number_separators():
    assert parse_number("1.234,5", lang="de") == Decimal("1234.5")
    assert parse_number("1,234.5", lang="en") == Decimal("1234.5")
    assert parse_number("43,8", lang="de") == Decimal("43.8")


def test_relative_months_and_years_resolve_against_the_article_date():
    found = find_dates("next month; im kommenden Jahr; im Vorjahr; last week", article_date="2025-12-10")
    assert [(d.value.lexical, d.value.datatype) for d in found] == [
        ("2026-01", "gYearMonth"),
        ("2026", "gYear"),
        ("2024", "gYear"),
    ]
    assert all(d.value.resolution == "relative-to-article" for d in found)
    assert find_dates("next month", article_date=None) == []
