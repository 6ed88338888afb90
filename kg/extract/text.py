"""Paragraphs, sentences and quotations, with offsets into the article text.

Sentence splitting is rule-based and language-aware only through a list of
abbreviations: a full stop ends a sentence when an upper-case letter, a
digit or an opening quote follows, unless the token before it is a number
(German ordinals: "26. April") or a known abbreviation ("Dr.", "Mrd.", "U.S.").
Quotations are spans between matching quote marks; facts found inside a
quotation are the speaker's words, not the reporter's, and the extractors
treat them accordingly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LIST_ITEM", "LIVE_STAMP", "Paragraph", "Sentence", "quote_spans", "segment"]

ABBREVIATIONS = frozenset(
    """
    dr prof mr mrs ms st sen rep gen col lt sgt gov pres jr sr no vs etc approx inc ltd co corp dept est
    fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft
    bzw ca evtl ggf inkl mio mrd nr hr fr str tel usw vgl zb dh ua ab bspw gem abs art
    """.split()
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"“”»«’']?(?=\s+[\"„“«»'‚]?[A-ZÄÖÜ0-9])")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_QUOTES = {"„": "“", "“": "”", '"': '"', "»": "«", "«": "»", "”": "”"}
_MAX_QUOTE = 2000


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int
    index: int  # position in the article, 0-based


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    index: int
    sentences: tuple[Sentence, ...]


_MONTHS = (
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    r"January|February|March|May|June|July|October|December)\b"
)
# the start of a list item: "- ", "• ", "2) ", "a) ", "(b) ", "(ii) "
LIST_ITEM = re.compile(
    r"\s*(?:[–—•*·-]|\d{1,2}[.)]|\(?[a-h]\)|\(\d{1,2}\)|\((?:i{1,3}|iv|vi{0,3}|ix|x)\)|(?:i{1,3}|iv|vi{0,3}|ix|x)[.)])\s+"
)
# a list item on its own line: "- Putin next met …", "b) die Gemeinsame Absichtserklärung …", "(ii) Visa-free …"
_BULLET = re.compile(
    r"\n[ \t]*(?:[-–—•*]|\(?[a-h]\)|\(\d{1,2}\)|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)]|\((?:i{1,3}|iv|vi{0,3}|ix|x)\)|"
    r"\d{1,2}[.)](?=[ \t]+(?!" + _MONTHS + r")[A-ZÄÖÜ]))[ \t]+(?=\S)"
)  # "1. Joint Declaration …;" each item of a numbered list its own sentence (not "1. Juli" at a line's start)
# the time stamp that opens an entry of a live blog: "+++ 22.25 Uhr +++" or "15:20 BST" on a line of its
# own, or "09:42 — " before the entry's text
LIVE_STAMP = re.compile(
    r"\s*(?:\+{2,3}\s*)?(?P<hour>\d{1,2})[.:](?P<minute>\d{2})\s*(?:Uhr|[AP]M|am|pm|[A-Z]{2,4})?\s*(?:\+{2,3})?"
    r"(?:\s*\n|[ \t]*[—–][ \t])"
)


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]``; a bullet line ("- …", "• …") always starts a new one."""
    out = []
    cursor = start
    for bullet in _BULLET.finditer(text, start, end):
        out.extend(_split_plain(text, cursor, bullet.start()))
        cursor = bullet.start() + 1
    out.extend(_split_plain(text, cursor, end))
    return out


def _split_plain(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        dot = match.start()
        word = re.search(r"([\w.]+)$", text[cursor:dot])
        token = word.group(1).lower() if word else ""
        if token.isdigit() and len(token) <= 2 and match.group(0).startswith("."):
            continue  # German ordinal or date: "26. April" (but a year ends a sentence: "2025–2027.")
        if token.replace(".", "") in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):  # U.S, z.B, d.h
            continue
        if re.fullmatch(
            r"\s*(?:i{1,3}|iv|vi{0,3}|ix|x)", text[cursor:dot]
        ):  # "ii. MoU between …": the item's number
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def segment(text: str) -> list[Paragraph]:
    """Split ``text`` into paragraphs (blank-line separated; a single line is one too) and sentences."""
    paragraphs: list[Paragraph] = []
    bounds = []
    cursor = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((cursor, match.start()))
        cursor = match.end()
    bounds.append((cursor, len(text)))
    sentence_index = 0
    for start, end in bounds:
        if not text[start:end].strip():
            continue
        sentences = []
        for s, e in _split_sentences(text, start, end):
            sentences.append(Sentence(text[s:e], s, e, len(paragraphs), sentence_index))
            sentence_index += 1
        if sentences:
            paragraphs.append(Paragraph(start, end, len(paragraphs), tuple(sentences)))
    return paragraphs


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of quoted speech (inner text, without the marks) between ``start`` and ``end``."""
    end = len(text) if end is None else end
    spans = []
    i = start
    while i < end:
        ch = text[i]
        closing = _QUOTES.get(ch)
        if closing is None or (ch == "”" and closing == "”"):
            i += 1
            continue
        if ch == '"' and i > start and text[i - 1].isalnum():
            i += 1
            continue
        j = text.find(closing, i + 1, min(end, i + 1 + _MAX_QUOTE))
        if ch == "“" and j < 0:
            j = text.find("“", i + 1, min(end, i + 1 + _MAX_QUOTE))
        if j < 0:
            i += 1
            continue
        if j - i > 15:  # a real quotation, not a quoted name
            spans.append((i + 1, j))
        i = j + 1
    return spans
