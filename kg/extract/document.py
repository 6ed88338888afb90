"""The working state of one article while the extractors read it.

A :class:`Document` holds the text, its paragraphs and sentences, every
gazetteer mention, the quotation spans and the language's cue module. The
extractors (people, meetings, agreements, missions, figures, quotes) read it
and add what they find to :attr:`Document.found`, in that order; each says in
its docstring what it needs and what it adds.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from kg.extract.lang import de, en
from kg.extract.lexicon import Lexicon, lexicon_for
from kg.extract.matcher import Mention
from kg.extract.text import Paragraph, Sentence, quote_spans, segment
from kg.model import Article, DateValue, Evidence, Extraction, Meeting, Position

__all__ = [
    "SMALL_FORMAT",
    "Document",
    "PersonMention",
    "capital_country",
    "capitals",
    "members_acting_as_one",
    "names_of_states",
]

CUES: dict[str, ModuleType] = {"de": de, "en": en}
_CHROME_HEADING = re.compile(
    r"^(?:related(?: articles| stories| news)?|read more|more on this(?: topic)?|you may also like|"
    r"recommended|comments?(?: \(\d+\))?|leave a (?:comment|reply)|share(?: this)?|most read|"
    r"ähnliche artikel|verwandte artikel|mehr zum thema|weitere artikel|das könnte sie auch interessieren|"
    r"schreibe einen kommentar|kommentare?(?: \(\d+\))?|teilen|meistgelesen|lesen sie auch|"
    r"diese nachricht wurde .*)\s*:?$",
    re.IGNORECASE,
)


# a format this small meets and speaks as a whole; a larger one (OSCE, G20) is named, not assumed
SMALL_FORMAT = 12


def members_acting_as_one(format_id: str) -> tuple[str, ...]:
    """The members of a format small enough to act as a whole (its session, its statement); () otherwise."""
    from kg import reference

    fmt = reference.formats().get(format_id)
    return tuple(fmt.members) if fmt is not None and len(fmt.members) <= SMALL_FORMAT else ()


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO code -> the capital's name in the country lexicon (read once: the lexicon is large)."""
    from kg import reference

    return {
        iso: entry["capital"] for iso, entry in reference.country_lexicon().items() if entry.get("capital")
    }


def capital_country(mention: Mention) -> str | None:
    """The country whose capital a city mention names ("Manila hat entschieden", "Port Moresby would open"):
    a capital standing for its government. None for any other city."""
    if mention.kind != "city":
        return None
    city = mention.value[0]  # type: ignore[index]
    return city.country if capitals().get(city.country) == city.name else None


_BUILDING_AFTER = re.compile(r"[ -](?:Palace|Palast)\b")
# "the Gulf of Guinea", "im Golf von Oman", "the Bay of Kotor": a sea named after a state or town
_WATER_BEFORE = re.compile(
    r"\b(?:Gulf|Golf|Sea|Bay|Bucht|Strait|Straße|Meerenge)\s+(?:of|von)\s+(?:the\s+)?$"
)


_TOWN_BEFORE = re.compile(r"\b[A-ZÄÖÜ]\w+(?:er|an)\s+$")  # "im Kasaner Kreml", "the Kazan Kremlin"


def _other_towns_seat(text: str, mention: Mention, found: list[Mention]) -> bool:
    """ "im Kasaner Kreml", "the Kazan Kremlin": a seat of government that stands for its capital (cities.json
    "Kremlin" -> Moscow), named here as another town's building."""
    if mention.text not in ("Kremlin", "Kreml"):
        return False
    before = text[max(0, mention.start - 30) : mention.start]
    town_before = any(m.kind == "city" and 0 <= mention.start - m.end <= 1 for m in found)
    return town_before or bool(_TOWN_BEFORE.search(before))


_MASTHEAD_LINE = 160  # a title, byline or dateline paragraph is read whole up to this length
_DATELINE_PREFIX = re.compile(r"[^\n]{0,80}?\s[–—-]\s")  # "CANBERRA, 13 February 2026 (Pacific Wire) – "


def _masthead_date(text: str, paragraphs: list[Paragraph]) -> str | None:
    """The day an undated article was written, as its masthead gives it: the headline ("Ticker vom
    Donnerstag, 12. März 2026"), a byline or release line ("Pressemitteilung …, 04.06.2025") or the
    dateline before the first dash ("CANBERRA, 13 February 2026 (Pacific Wire) –"); never a day the body
    tells of."""
    from kg.extract.dates import find_dates

    for paragraph in paragraphs[:3]:
        start, end = paragraph.start, paragraph.end
        if end - start > _MASTHEAD_LINE:
            prefix = _DATELINE_PREFIX.match(text, start, end)
            if prefix is None:
                continue
            end = prefix.end()
        days = [
            d for d in find_dates(text, article_date=None, start=start, end=end) if d.value.datatype == "date"
        ]
        if days:
            return days[0].value.lexical
    return None


def _without_page_chrome(paragraphs: list[Paragraph], text: str) -> list[Paragraph]:
    """Drop everything from a "Related articles" / "Schreibe einen Kommentar" heading in the article's second half on."""
    half = len(text) // 2
    for i, paragraph in enumerate(paragraphs):
        line = text[paragraph.start : paragraph.end].strip()
        if paragraph.start >= half and len(line) <= 80 and _CHROME_HEADING.match(line):
            return paragraphs[:i]
    return paragraphs


def _interview_answers(
    quotes: list[tuple[int, int]], paragraphs: list[Paragraph], text: str
) -> list[tuple[int, int]]:
    """The answers of an interview: whole paragraphs in quote marks, or paragraphs opened by the
    speaker's name ("Kostanjan: Am 19. Januar war ich in Vilnius …", "A: …") that opens at least two, in
    an article with at least two question paragraphs. The interviewee states facts there as a reporter
    would."""
    if sum(text[p.start : p.end].rstrip().endswith("?") for p in paragraphs) < 2:
        return []
    whole = {(p.start, p.end) for p in paragraphs}
    quoted = [
        (start, end)
        for start, end in quotes
        if (start - 1, end + 1) in whole
        or (start - 1, end + 1 + len(text[end + 1 : end + 2].strip())) in whole
    ]
    labelled = [(p, m) for p in paragraphs if (m := _SPEAKER.match(text, p.start, p.end))]
    speakers = Counter(m.group("name") for _, m in labelled)
    spoken = [
        (p.start, p.end)
        for p, m in labelled
        if speakers[m.group("name")] >= 2 and m.group("name") not in _QUESTION_LABELS
    ]
    return sorted([*quoted, *spoken])


_FIRST_PERSON_WORDS = re.compile(r"\b(?:I|my|me|we|our|us|ich|mein\w*|mir|mich|wir|unser\w*|uns)\b")
_POST_NUMBER = re.compile(r"\s*\d{1,2}/\s")  # "2/ Good talks this morning …": a numbered post of a thread


def _first_person_posts(
    quotes: list[tuple[int, int]], paragraphs: list[Paragraph], text: str
) -> list[tuple[int, int]]:
    """The body of a piece its author tells in the first person (a minister's thread of posts: "Good talks
    this morning with my friend and Indonesian counterpart …", an op-ed): most paragraphs after the
    headline and byline speak as "I"/"my" outside quotation marks. The author, named in the headline or
    byline, states facts there as an interviewee does."""
    body = paragraphs[2:]
    posts = [p for p in body if _POST_NUMBER.match(text, p.start)]
    unquoted = [
        p
        for p in body
        if any(
            not any(a <= m.start() < b for a, b in quotes)
            for m in _FIRST_PERSON_WORDS.finditer(text, p.start, p.end)
        )
    ]
    if len(posts) < 3 and (len(unquoted) < 3 or 2 * len(unquoted) < len(body)):
        return []
    return [(p.start, p.end) for p in body]


_LOOKING_BACK = re.compile(
    r"\b(?:timeline|in review|year in|review of|recap|looking back|look back|Rückblick|Jahresrückblick|Chronik|Bilanz)\b",
    re.IGNORECASE,
)


def _chronicle_year(doc: Document) -> str | None:
    """The year a retrospective's headline names, when the article looks back on it from a later year."""
    if not doc.paragraphs or not doc.article.date:
        return None
    title = doc.text[doc.paragraphs[0].start : doc.paragraphs[0].end]
    years = set(re.findall(r"\b((?:19|20)\d\d)\b", title))
    if len(years) != 1 or not _LOOKING_BACK.search(title):
        return None
    year = years.pop()
    return year if year < doc.article.date[:4] else None


@lru_cache(maxsize=4)
def names_of_states(key: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """The names the country lexicon's ``key`` lists that do not name their state: its foreign ministry
    ("Auswärtiges Amt", "EDA", "FCDO"), its parliament ("Bundestag", "Mazhilis"). One pattern, longest
    names first, and each name's state."""
    from kg import reference

    owners = {name: iso for iso, entry in reference.country_lexicon().items() for name in entry.get(key, ())}
    names = sorted(owners, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)"), owners


_MARK_OPENS_LINE = 12  # the mark opens its line ("Pressemitteilung des …", "Die Pressestelle des …")
_RELEASE_LINE = 160  # characters of a release line read after its mark
_SHORT_PARAGRAPH = (
    200  # a paragraph this short is one masthead ("Ministry of …, Republic of Kenya / Press Readout")
)


def _publisher(doc: Document) -> str | None:
    """The state whose foreign ministry issues the article, when a release line near its top or bottom
    says so ("Press release of the Ministry of Foreign Affairs of the Republic of Lithuania",
    "Medienmitteilung – Eidgenössisches Departement für auswärtige Angelegenheiten EDA", "Herausgeber:
    …"). A release speaks in its ministry's voice: "the embassy in Dodoma" is that state's. None when the
    line names no state or more than one."""
    pattern, owners = names_of_states("foreign_ministry")
    text = doc.text
    for paragraph in [*doc.paragraphs[1:4], *doc.paragraphs[-3:]]:
        for mark in doc.cues.RELEASE_MARK.finditer(text, paragraph.start, paragraph.end):
            line_start = max(paragraph.start, text.rfind("\n", paragraph.start, mark.start()) + 1)
            if mark.start() - line_start > _MARK_OPENS_LINE:
                continue  # "…, the presidency's press office said": a report of a release, not its masthead
            if paragraph.end - paragraph.start <= _SHORT_PARAGRAPH:
                start, end = paragraph.start, paragraph.end
            else:
                line_end = text.find("\n", mark.start(), paragraph.end)
                start = mark.start()
                end = min(line_end if line_end >= 0 else paragraph.end, start + _RELEASE_LINE)
            states = {str(m.value) for m in doc.mentions_in(start, end, "country")}
            states |= {owners[m.group()] for m in pattern.finditer(text, start, end)}
            if len(states) == 1:
                return states.pop()
    return None


# a transcript's speaker label: "Kostanjan: ", "A: ", "Botschafter Villareal: "
_SPEAKER = re.compile(r"\s*(?P<name>[A-ZÄÖÜ][\w'’.-]*(?:[ \t][A-ZÄÖÜ][\w'’.-]*){0,2}):[ \t]+(?=\S)")
_QUESTION_LABELS = frozenset({"Q", "F", "Frage", "Question", "Interviewer", "Moderator", "Moderatorin"})


@lru_cache(maxsize=4)
def _portfolio_pattern(lang: str) -> re.Pattern[str]:
    """ "Minister of Science and Higher Education": the head of a minister's title and one or more of the
    portfolio words roles.json lists, joined by commas and "and"."""
    from kg import reference

    cues = CUES[lang]
    words = reference.role_lexicon().get("portfolio_words", {}).get(lang, [])
    word = "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"
    return re.compile(rf"{cues.PORTFOLIO_HEAD}{word}(?:{cues.PORTFOLIO_JOIN}{word})*(?!\w)")


def _portfolio_titles(doc_text: str, mentions: list[Mention], pattern: re.Pattern[str]) -> list[Mention]:
    """Ministers' titles the lexicon does not list, read whole ("Minister of Science and Higher Education",
    "Minister for Culture and Innovation", "Ministerin für Digitales und Staatsmodernisierung"): a role
    mention for a minister, in place of the bare "Minister" the lexicon found at its start."""
    extra: list[Mention] = []
    drop: set[Mention] = set()
    by_start = {m.start: m for m in mentions if m.kind == "role"}
    for found in pattern.finditer(doc_text):
        head = by_start.get(found.start())
        if head is None or head.end >= found.end() or head.value[0] != "minister":  # type: ignore[index]
            continue  # a title the lexicon knows ("Minister of Foreign Affairs") stays as it is
        covered = [m for m in mentions if head.end <= m.start < found.end()]
        drop.add(head)
        drop.update(covered)  # "Science", "Culture": words of the title, not places or events
        extra.append(
            Mention(
                found.start(), found.end(), found.group(), "role", ("minister", found.group(), None, None)
            )
        )
    if not extra:
        return mentions
    return sorted([m for m in mentions if m not in drop] + extra, key=lambda m: (m.start, -m.end))


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
    answers: list[tuple[int, int]] = field(default_factory=list)  # quotes that are an interviewee's answers
    receptions: set[str] = field(default_factory=set)  # keys of meetings told as "X received Y"
    # positions whose title names no country or organisation ("Prime Minister X" of the host, unnamed):
    # not facts, but a later stage may place them ("under the chairmanship of …" in the host's capital)
    unplaced: list[Position] = field(default_factory=list)
    chronicle_year: str | None = None  # the year a look back is on ("2025 in … : a timeline"), read once
    publisher: str | None = None  # the state whose foreign ministry issues the article (a release)
    _starts: list[int] = field(default_factory=list)
    _person_starts: list[int] = field(default_factory=list)
    _quote_starts: list[int] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)

    @classmethod
    def read(cls, article: Article) -> Document:
        lang = article.lang if article.lang in CUES else "en"
        lexicon = lexicon_for(lang)
        text = article.text
        paragraphs = _without_page_chrome(segment(text), text)
        read_as = article
        if (
            article.date is None
        ):  # no meta date: the masthead's, for reading "on Friday" (the graph keeps none)
            masthead = _masthead_date(text, paragraphs)
            read_as = dataclasses.replace(article, date=masthead) if masthead else article
        sentences = [s for p in paragraphs for s in p.sentences]
        found = lexicon.gazetteer.find(text, 0, paragraphs[-1].end if paragraphs else 0)
        # "Bayan Palace", "Buckingham Palace": a building named after a town, not the town
        mentions = [
            m
            for m in found
            if not (
                m.kind == "city" and (_BUILDING_AFTER.match(text, m.end) or _other_towns_seat(text, m, found))
            )
            and not (
                m.kind in ("country", "city") and _WATER_BEFORE.search(text, max(0, m.start - 16), m.start)
            )
        ]
        mentions = _portfolio_titles(text, mentions, _portfolio_pattern(lang))
        doc = cls(
            article=read_as,
            lang=lang,
            cues=CUES[lang],
            lexicon=lexicon,
            paragraphs=paragraphs,
            sentences=sentences,
            mentions=mentions,
            quotes=quote_spans(text),
            found=Extraction(article=article),
        )
        doc.answers = _interview_answers(doc.quotes, paragraphs, text) or _first_person_posts(
            doc.quotes, paragraphs, text
        )
        doc.chronicle_year = _chronicle_year(doc)
        doc._starts = [m.start for m in mentions]
        doc._quote_starts = [q[0] for q in doc.quotes]
        doc._sentence_starts = [s.start for s in sentences]
        doc.publisher = _publisher(doc)
        return doc

    @property
    def text(self) -> str:
        return self.article.text

    def mentions_in(self, start: int, end: int, *kinds: str) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end, lo)
        return [m for m in self.mentions[lo:hi] if m.end <= end and (not kinds or m.kind in kinds)]

    def persons_in(self, start: int, end: int) -> list[PersonMention]:
        if len(self._person_starts) != len(self.person_mentions):
            self._person_starts = [p.start for p in self.person_mentions]
        lo = bisect.bisect_left(self._person_starts, start)
        hi = bisect.bisect_left(self._person_starts, end, lo)
        return [p for p in self.person_mentions[lo:hi] if p.end <= end]

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and pos < self.quotes[i][1]

    def in_answer(self, pos: int) -> bool:
        """Inside an interview answer: a quotation that is a whole paragraph of a question-and-answer piece."""
        return any(start <= pos < end for start, end in self.answers)

    def in_denied_question(self, pos: int) -> bool:
        """Inside an interview's question ("Q: Reports claimed you met …", "Frage: Es hieß, Sie hätten …")
        whose answer, the next paragraph, opens by denying it ("That is simply wrong.")."""
        if not self.answers:
            return False
        sentence = self.sentence_at(pos)
        if sentence is None or sentence.paragraph + 1 >= len(self.paragraphs):
            return False
        question = self.paragraphs[sentence.paragraph]
        label = _SPEAKER.match(self.text, question.start, question.end)
        if label is None or label.group("name") not in _QUESTION_LABELS:
            return False
        answer = self.paragraphs[sentence.paragraph + 1]
        reply = _SPEAKER.match(self.text, answer.start, answer.end)
        start = reply.end() if reply else answer.start
        return bool(self.cues.DENYING_REPLY.match(self.text[start : min(answer.end, start + 120)]))

    def in_chronicle_year(self, day: DateValue | None) -> DateValue | None:
        """A day the text gives without its year ("31 March") in a look back on one year ("2025 in Central
        Asian diplomacy: a timeline", "Jahresrückblick 2025"), dated the January after: of that year, not
        the coming one."""
        year = self.chronicle_year
        if day is None or year is None or day.resolution != "relative-to-article":
            return day
        if day.datatype not in ("date", "gYearMonth") or re.search(r"\b(?:19|20)\d\d\b", day.text):
            return day
        return DateValue(year + day.lexical[4:], day.datatype, day.text, "relative-to-article")

    def interviewee(self, fits: Callable[[str], object] | None = None) -> str | None:
        """The one who answers an interview or writes a thread: the first person its headline or
        introduction names (before the first answer), of those ``fits`` accepts."""
        first_answer = self.answers[0][0] if self.answers else 0
        return next(
            (
                p.name
                for p in self.person_mentions
                if p.start < first_answer and (fits is None or fits(p.name))
            ),
            None,
        )

    def in_post(self, pos: int) -> bool:
        """Inside a numbered post of an author's thread ("2/ Good talks this morning with …"), which the
        author tells without "I": the author is the one who acted."""
        sentence = self.sentence_at(pos)
        if sentence is None or not self.in_answer(pos):
            return False
        return _POST_NUMBER.match(self.text, self.paragraphs[sentence.paragraph].start) is not None

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def evidence(self, sentence: Sentence) -> Evidence:
        return Evidence(sentence.text, sentence.start, sentence.end)

    def paragraph_sentences(self, sentence: Sentence) -> tuple[Sentence, ...]:
        return self.paragraphs[sentence.paragraph].sentences
