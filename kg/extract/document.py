"""The working state of one article while the extractors read it.

A :class:`Document` holds the text, its paragraphs and sentences, every
gazetteer mention, the quotation spans and the language's cue module. The
extractors (people, meetings, agreements, missions, figures, quotes) read it
and add what they find to :attr:`Document.found`, in that order; each says in
its docstring what it needs and what it adds.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from types import ModuleType

from kg.extract.lang import de, en
from kg.extract.lexicon import Lexicon, lexicon_for
from kg.extract.matcher import Mention
from kg.extract.text import Paragraph, Sentence, quote_spans, segment
from kg.model import Article, Evidence, Extraction, Meeting

__all__ = ["Document", "PersonMention"]

CUES: dict[str, ModuleType] = {"de": de, "en": en}


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str  # canonical full name


@dataclass
class Document:
    article: Article
    lang: str
    cues: ModuleType
    lexicon: Lexicon
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    mentions: list[Mention]
    quotes: list[tuple[int, int]]
    found: Extraction
    person_mentions: list[PersonMention] = field(default_factory=list)
    person_country: dict[str, str] = field(default_factory=dict)
    person_roles: dict[str, set[str]] = field(default_factory=dict)
    meeting_mentions: dict[int, Meeting] = field(
        default_factory=dict
    )  # mention start -> meeting it refers to
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def read(cls, article: Article) -> Document:
        lang = article.lang if article.lang in CUES else "en"
        lexicon = lexicon_for(lang)
        text = article.text
        paragraphs = segment(text)
        sentences = [s for p in paragraphs for s in p.sentences]
        mentions = lexicon.gazetteer.find(text)
        doc = cls(
            article=article,
            lang=lang,
            cues=CUES[lang],
            lexicon=lexicon,
            paragraphs=paragraphs,
            sentences=sentences,
            mentions=mentions,
            quotes=quote_spans(text),
            found=Extraction(article=article),
        )
        doc._starts = [m.start for m in mentions]
        return doc

    @property
    def text(self) -> str:
        return self.article.text

    def mentions_in(self, start: int, end: int, *kinds: str) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, start)
        out = []
        for m in self.mentions[lo:]:
            if m.start >= end:
                break
            if m.end <= end and (not kinds or m.kind in kinds):
                out.append(m)
        return out

    def persons_in(self, start: int, end: int) -> list[PersonMention]:
        return [p for p in self.person_mentions if p.start >= start and p.end <= end]

    def in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quotes)

    def sentence_at(self, pos: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None

    def evidence(self, sentence: Sentence) -> Evidence:
        return Evidence(sentence.text, sentence.start, sentence.end)

    def paragraph_sentences(self, sentence: Sentence) -> tuple[Sentence, ...]:
        return self.paragraphs[sentence.paragraph].sentences
