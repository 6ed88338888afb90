"""Money amounts in German and English number formats.

"43,8 Milliarden US-Dollar", "1,5 Mrd. Euro", "$43.8 billion", "USD 850 million",
"€1.2bn", "12.4 billion euros". The decimal separator is read from the
language of the article, with a fallback for unambiguous forms ("1,234.5").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["COUNT_WORDS", "MoneyMention", "find_money", "parse_number"]

# numbers written as words, as counts of years, states or members take them ("five years", "alle zehn")
COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12,
}  # fmt: skip

SCALES = {
    "tausend": 10**3, "thousand": 10**3, "k": 10**3,
    "million": 10**6, "millionen": 10**6, "mio": 10**6, "mn": 10**6, "m": 10**6, "mill": 10**6,
    "milliarde": 10**9, "milliarden": 10**9, "mrd": 10**9, "billion": 10**9, "bn": 10**9, "b": 10**9,
    "billionen": 10**12, "trillion": 10**12, "tn": 10**12,
    "lakh": 10**5, "crore": 10**7, "cr": 10**7, "lakh crore": 10**12,  # Indian English: "Rs 26,000 crore"
}  # fmt: skip
# "Billion" is 10**12 in German but 10**9 in English: the language decides (see _scale).
CURRENCY_WORDS = {
    "us-dollar": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "us dollars": "USD",
    "$": "USD", "us$": "USD",
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "€": "EUR",
    "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rmb": "CNY",
    "rubel": "RUB", "rubles": "RUB", "roubles": "RUB", "rub": "RUB",
    "pfund": "GBP", "pounds": "GBP", "gbp": "GBP", "£": "GBP",
    "yen": "JPY", "jpy": "JPY", "¥": "JPY",
    "franken": "CHF", "swiss francs": "CHF", "chf": "CHF",
    "tenge": "KZT", "kzt": "KZT", "lira": "TRY", "try": "TRY",
    "rupees": "INR", "rupien": "INR", "inr": "INR", "rs": "INR", "rs.": "INR", "₹": "INR",
    "u.s. dollars": "USD", "u.s. dollar": "USD", "r$": "BRL", "reais": "BRL", "brl": "BRL",
    "aed": "AED", "dirhams": "AED", "dirham": "AED", "sar": "SAR", "saudi riyals": "SAR", "qar": "QAR",
    "ngn": "NGN", "naira": "NGN", "₦": "NGN", "n": "NGN", "kes": "KES", "kenyan shillings": "KES", "zar": "ZAR", "rand": "ZAR",
    "uzs": "UZS", "sum": "UZS", "soum": "UZS", "kgs": "KGS", "som": "KGS", "azn": "AZN", "gel": "GEL",
    "lari": "GEL", "amd": "AMD", "krw": "KRW", "won": "KRW", "idr": "IDR", "rupiah": "IDR", "myr": "MYR",
    "ringgit": "MYR", "thb": "THB", "baht": "THB", "vnd": "VND", "dong": "VND", "egp": "EGP",
    "rm": "MYR", "nz$": "NZD", "a$": "AUD", "c$": "CAD", "s$": "SGD", "hk$": "HKD", "nzd": "NZD", "aud": "AUD",
    "cad": "CAD", "sgd": "SGD", "australian dollars": "AUD", "new zealand dollars": "NZD", "canadian dollars": "CAD",
    "cfa francs": "XOF", "francs cfa": "XOF", "fcfa": "XOF", "xof": "XOF", "nok": "NOK", "kroner": "NOK",
    "norwegian kroner": "NOK", "sek": "SEK", "swedish kronor": "SEK", "pln": "PLN", "zloty": "PLN", "złoty": "PLN",
}  # fmt: skip

_NUMBER = r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE = r"(?P<scale>tausend|thousand|millionen|million|mio\.?|mill\.?|mn|milliarden|milliarde|mrd\.?|billionen|billion|bn|trillion|tn|lakh crore|lakh|crore|cr|k|m|b)"
_CURRENCY_AFTER = r"(?P<cur_after>australian dollars|new zealand dollars|canadian dollars|cfa francs|francs cfa|fcfa|norwegian kroner|kroner|swedish kronor|zloty|złoty|us-dollar|us dollars|u\.s\. dollars?|reais|dollars?|euros?|eur|usd|yuan|renminbi|cny|rmb|rubel|rubles|roubles|rub|pfund|pounds|gbp|yen|jpy|franken|swiss francs|chf|tenge|kzt|lira|rupees|rupien|inr|dirhams?|aed|saudi riyals|sar|qar|naira|ngn|kenyan shillings|kes|rand|zar|sum|soum|uzs|som|kgs|azn|lari|gel|amd|won|krw|rupiah|idr|ringgit|myr|baht|thb|dong|vnd|egp)"
_CURRENCY_BEFORE = r"(?P<cur_before>us\$|nz\$|a\$|c\$|s\$|hk\$|rm(?=\d)|nzd|aud|cad|sgd|xof|nok|sek|pln|r\$|\$|€|£|¥|₹|₦|n(?=\d)|rs\.?|usd|eur|cny|gbp|jpy|chf|kzt|rub|inr|brl|aed|sar|qar|ngn|kes|zar|krw|idr|myr|egp)"
_AMOUNT_AFTER = re.compile(
    rf"(?<![\w.,])(?P<number>{_NUMBER})\s*{_SCALE}?(?(scale)\.?\s*|\s+){_CURRENCY_AFTER}\b",
    re.IGNORECASE,
)
_AMOUNT_BEFORE = re.compile(
    rf"(?<![^\W\d_]){_CURRENCY_BEFORE}\s?(?P<number>{_NUMBER})(?:\s*-?\s*{_SCALE}\b\.?)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MoneyMention:
    start: int
    end: int
    value: Decimal
    currency: str
    text: str


def parse_number(text: str, *, lang: str) -> Decimal | None:
    """'43,8' (de) -> 43.8; '1.234,5' -> 1234.5; '1,234.5' -> 1234.5; '43.8' (en) -> 43.8."""
    text = text.replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if "," in text and "." in text:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text:
        decimal_sep = "," if lang == "de" or not re.fullmatch(r"\d{1,3}(,\d{3})+", text) else "."
    elif "." in text:
        decimal_sep = "." if lang != "de" or not re.fullmatch(r"\d{1,3}(\.\d{3})+", text) else ","
    else:
        decimal_sep = "."
    thousands = "." if decimal_sep == "," else ","
    text = text.replace(thousands, "").replace(decimal_sep, ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _scale(token: str | None, *, lang: str) -> int:
    if not token:
        return 1
    token = token.lower().rstrip(".")
    if token == "billion" and lang == "de":
        return 10**12
    return SCALES.get(token, 1)


def find_money(text: str, *, lang: str, start: int = 0, end: int | None = None) -> list[MoneyMention]:
    end = len(text) if end is None else end
    found: list[MoneyMention] = []
    for pattern, cur_group in ((_AMOUNT_BEFORE, "cur_before"), (_AMOUNT_AFTER, "cur_after")):
        for m in pattern.finditer(text, start, end):
            if any(not (m.end() <= f.start or m.start() >= f.end) for f in found):
                continue
            number = parse_number(m.group("number"), lang=lang)
            if number is None:
                continue
            scale = m.group("scale")
            if scale and scale.lower().rstrip(".") in {"m", "b", "k"} and cur_group == "cur_after":
                continue  # "5 m dollars" is too ambiguous without a currency sign in front
            currency = CURRENCY_WORDS.get(m.group(cur_group).lower())
            if currency is None or (m.group(cur_group) == "N" and not scale):
                continue  # "N412.6 billion" is naira; "N95" is not money
            value = (number * _scale(scale, lang=lang)).normalize()
            found.append(MoneyMention(m.start(), m.end(), value, currency, m.group(0)))
    found.sort(key=lambda x: x.start)
    found = _with_bare_amounts(text, found, lang=lang, start=start, end=end)
    # "AED18.4 billion (US$5 billion)", "N412.6 billion (about $268 million)": the second is the first, converted
    return [
        m for i, m in enumerate(found) if not (i and _CONVERTED.fullmatch(text, found[i - 1].end, m.start))
    ]


_BARE_AMOUNT = re.compile(
    rf"(?<![\w.,])(?P<number>{_NUMBER})\s*(?P<scale>millionen|million|mio\.?|milliarden|milliarde|mrd\.?|billion|bn)"
    r"(?![\w-])\.?",
    re.IGNORECASE,
)


def _with_bare_amounts(
    text: str, found: list[MoneyMention], *, lang: str, start: int, end: int
) -> list[MoneyMention]:
    """ "lag 2023 bei 6,4 Milliarden US-Dollar und stieg 2024 auf 7,1 Milliarden", "$5bn in 2024, up from 4.2
    billion": an amount with a scale but no currency, after one with a currency in the same span, is in that
    currency."""
    if not found:
        return found
    extra: list[MoneyMention] = []
    for m in _BARE_AMOUNT.finditer(text, found[0].end, end):
        if any(not (m.end() <= f.start or m.start() >= f.end) for f in found):
            continue
        number = parse_number(m.group("number"), lang=lang)
        if number is None:
            continue
        currency = [f for f in found if f.end <= m.start()][-1].currency
        value = (number * _scale(m.group("scale"), lang=lang)).normalize()
        extra.append(MoneyMention(m.start(), m.end(), value, currency, m.group(0)))
    return sorted(found + extra, key=lambda x: x.start) if extra else found


_CONVERTED = re.compile(r"\s*\(\s*(?:about|around|approximately|roughly|some|rund|etwa|ca\.|umgerechnet)?\s*")
